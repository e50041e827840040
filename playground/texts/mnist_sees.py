"""Strings of the MNIST page's "How it sees" tab (prefix "mnist.sees."): convolution and the path to the digit."""

STRINGS = {
    "mnist.sees.tab": ("How it sees", "신경망이 보는 법"),
    "mnist.sees.help": (
        "Follow one digit through your trained network with its real numbers. A convolution slides a small grid of "
        "weights, the kernel (or filter), over its input: at every position it multiplies the numbers under it by "
        "the kernel's, adds the products and the bias, and writes the sum into one cell of a feature map. Move the "
        "position, or press Play and watch the map fill in.",
        "학습시킨 신경망에 숫자 하나를 넣고, 실제 숫자로 그 과정을 따라가 봅니다. 합성곱은 작은 가중치 격자인 "
        "커널(필터)을 입력 위로 옮겨 가며, 자리마다 아래에 놓인 숫자와 커널의 숫자를 곱하고 그 곱들과 편향을 더해 "
        "특징 맵의 한 칸에 적습니다. 위치를 옮겨 보거나, 움직이기를 눌러 맵이 채워지는 모습을 지켜보세요.",
    ),
    "mnist.sees.sandbox_link": (
        "Try kernel size, stride and padding on their own", "커널 크기, 스트라이드, 패딩을 따로 실험해 보기",
    ),
    "mnist.sees.source": ("Digit", "숫자"),
    "mnist.sees.source.test": ("a test digit", "시험 숫자"),
    "mnist.sees.source.drawn": ("the digit I drew", "내가 쓴 숫자"),
    "mnist.sees.no_drawing": (
        "Draw a digit in the canvas further down the page first.", "먼저 아래쪽 그림판에 숫자를 써 주세요.",
    ),
    "mnist.sees.drawn_caption": ("your drawing", "내가 쓴 숫자"),
    "mnist.sees.digit": ("Test digit number (1 to {n})", "시험 숫자 번호(1~{n})"),
    "mnist.sees.no_conv": (
        "This network has no convolution layer: it flattens the 28×28 pixels into one row of 784 numbers and reads "
        "them with dense layers, so it never slides a kernel. Pick the CNN preset and train it to see convolution; "
        "here is the path this network takes.",
        "이 신경망에는 합성곱층이 없습니다. 28×28 픽셀을 784개 숫자 한 줄로 평탄화해 완전 연결층으로 읽기 때문에 "
        "커널을 옮기는 일이 없습니다. 합성곱을 보려면 CNN 프리셋을 골라 학습시키세요. 아래는 이 신경망이 거치는 "
        "단계입니다.",
    ),
    "mnist.sees.layer": ("Convolution layer", "합성곱층"),
    "mnist.sees.layer_option": ("Layer {layer}: {filters} filters of {k}×{k}", "{layer}번째 층: {k}×{k} 필터 {filters}개"),
    "mnist.sees.filter": ("Filter (1 to {n})", "필터(1~{n})"),
    "mnist.sees.channel": ("Input channel shown (1 to {n})", "자세히 볼 입력 채널(1~{n})"),
    "mnist.sees.position": ("Kernel position (1 to {n}, row by row)", "커널 위치(1~{n}, 행 순서)"),
    "mnist.sees.position_help": (
        "Each position fills one cell of the feature map. Play moves the kernel on by itself, about three positions "
        "a second.",
        "위치마다 특징 맵의 한 칸이 채워집니다. 움직이기를 누르면 커널이 1초에 세 칸쯤 스스로 옮겨 갑니다.",
    ),
    "mnist.sees.play": ("Play", "움직이기"),
    "mnist.sees.pause": ("Pause", "멈추기"),
    "mnist.sees.at": (
        "Position **{pos}** of {n}: output row {row}, column {col}. The kernel's top-left corner is on input row "
        "{top}, column {left} (0 and below: the padding's zeros).",
        "위치 **{pos}** / {n}: 출력의 {row}행 {col}열. 커널의 왼쪽 위 모서리는 입력의 {top}행 {left}열에 있습니다"
        "(0 이하는 패딩으로 채운 0).",
    ),
    "mnist.sees.input_title": ("input {shape}", "입력 {shape}"),
    "mnist.sees.input_channel_title": ("input channel {channel} of {n}", "입력 채널 {channel}/{n}"),
    "mnist.sees.map_title": ("feature map, filter {filter}", "특징 맵(필터 {filter})"),
    "mnist.sees.map_help": (
        "Blank cells are still to come. Click a cell to move the kernel there.",
        "빈칸은 아직 계산하지 않은 칸입니다. 칸을 누르면 커널이 그 자리로 옮겨 갑니다.",
    ),
    "mnist.sees.patch": ("input patch x", "입력 조각 x"),
    "mnist.sees.kernel": ("kernel w", "커널 w"),
    "mnist.sees.products": ("products x·w", "곱 x·w"),
    "mnist.sees.ch": ("ch {n}", "채널 {n}"),
    "mnist.sees.bias_bar": ("bias", "편향"),
    "mnist.sees.channel_sums": (
        "Sum of products in every input channel, and the bias", "입력 채널마다 곱을 더한 값과 편향",
    ),
    "mnist.sees.sum_help": (
        "The sum plus the bias, {value}, is the cell in row {row}, column {col} of filter {filter}'s feature map; "
        "the network's own convolution gives {model}.",
        "곱의 합에 편향을 더한 {value}가 필터 {filter} 특징 맵의 {row}행 {col}열 칸이 됩니다. 신경망의 합성곱층이 "
        "직접 계산한 값도 {model}입니다.",
    ),
    "mnist.sees.path_header": ("From the feature map to the digit", "특징 맵에서 숫자까지"),
    "mnist.sees.path_help": (
        "Every later step, in order, with the network's own numbers. The cell followed is filter {filter}, row {row}, "
        "column {col} (the kernel position above when it last stopped).",
        "이후의 모든 단계를 순서대로, 신경망의 실제 숫자로 보여 줍니다. 따라가는 칸은 필터 {filter}의 {row}행 {col}열"
        "입니다(위에서 커널이 마지막으로 멈춘 위치).",
    ),
    "mnist.sees.before": (
        "The layers before layer {layer} turned the digit into its input of {shape}.",
        "{layer}번째 층 앞의 층들이 숫자를 {shape} 크기의 입력으로 바꾸었습니다.",
    ),
    "mnist.sees.step": ("**Layer {layer} · {name}** → {shape}", "**{layer}번째 층 · {name}** → {shape}"),
    "mnist.sees.before_act": ("before (channel {channel})", "적용 전(채널 {channel})"),
    "mnist.sees.after_act": ("after", "적용 후"),
    "mnist.sees.relu": (
        "ReLU keeps every positive number and turns every negative one into 0, cell by cell; here {cell}.",
        "ReLU는 칸마다 양수는 그대로 두고 음수는 0으로 바꿉니다. 여기서는 {cell}.",
    ),
    "mnist.sees.activation": (
        "The activation {name} is applied to every number on its own; here {cell}.",
        "활성화 함수 {name}를 숫자 하나하나에 따로 적용합니다. 여기서는 {cell}.",
    ),
    "mnist.sees.cell3": ("channel {channel}, row {row}, column {col}", "채널 {channel}, {row}행 {col}열"),
    "mnist.sees.cell1": ("number {index}", "{index}번째 값"),
    "mnist.sees.pool_before": ("before pooling (channel {channel})", "풀링 전(채널 {channel})"),
    "mnist.sees.pool_after": ("after pooling", "풀링 후"),
    "mnist.sees.maxpool": (
        "Max pooling keeps the largest number of each {size}×{size} window, so the map shrinks while the strongest "
        "responses stay; the outlined window makes {cell}.",
        "최대 풀링은 {size}×{size} 창마다 가장 큰 숫자만 남깁니다. 맵은 작아지지만 가장 강한 반응은 남습니다. "
        "표시한 창이 {cell}이 됩니다.",
    ),
    "mnist.sees.avgpool": (
        "Average pooling keeps the mean of each {size}×{size} window; the outlined window makes {cell}.",
        "평균 풀링은 {size}×{size} 창마다 평균을 남깁니다. 표시한 창이 {cell}이 됩니다.",
    ),
    "mnist.sees.batchnorm": (
        "Batch normalisation, as used after training: each channel's running mean μ and variance σ² from training, "
        "then the learned scale γ and shift β; here {cell}.",
        "배치 정규화(학습이 끝난 뒤의 방식): 학습 중에 모은 채널별 평균 μ와 분산 σ²로 정규화한 뒤, 학습된 배율 γ와 "
        "이동 β를 적용합니다. 여기서는 {cell}.",
    ),
    "mnist.sees.dropout": (
        "Dropout: during training it zeroed a random {rate} of these numbers; to read a digit it passes them all "
        "through unchanged.",
        "드롭아웃: 학습 중에는 이 숫자들 가운데 무작위로 {rate}만큼을 0으로 만들었지만, 숫자를 읽을 때는 모두 그대로 "
        "통과시킵니다.",
    ),
    "mnist.sees.later_conv": (
        "Another convolution: each of its kernels spans all {channels} maps at once. Choose it above to watch it "
        "slide. From here on the path follows its strongest cell: filter {filter}, row {row}, column {col}.",
        "또 하나의 합성곱층: 커널 하나하나가 {channels}개의 맵 전체에 한꺼번에 걸칩니다. 위에서 이 층을 고르면 움직이는 "
        "모습을 볼 수 있습니다. 여기부터는 가장 강하게 반응한 칸(필터 {filter}, {row}행 {col}열)을 따라갑니다.",
    ),
    "mnist.sees.flatten": (
        "Flatten lays the {shape} numbers out in one row of {n}, so a dense layer can read them. No number changes.",
        "평탄화는 {shape}개의 숫자를 {n}개짜리 한 줄로 늘어놓아 완전 연결층이 읽을 수 있게 합니다. 숫자는 바뀌지 "
        "않습니다.",
    ),
    "mnist.sees.flatten_cell": ("The cell followed is number {index} of the row.", "따라온 칸은 이 줄의 {index}번째입니다."),
    "mnist.sees.dense_out": ("the layer's {n} outputs", "이 층의 출력 {n}개"),
    "mnist.sees.dense_help": (
        "Each of the {units} units multiplies all {n} inputs by its own weights and adds its bias; the largest, unit "
        "{unit}, is written out.",
        "뉴런 {units}개가 저마다 입력 {n}개 모두에 자기 가중치를 곱해 더하고 편향을 더합니다. 가장 큰 값을 낸 "
        "{unit}번째 뉴런의 계산을 적었습니다.",
    ),
    "mnist.sees.logits": ("logits: the last layer's score for each digit", "로짓: 숫자마다 마지막 층이 매긴 점수"),
    "mnist.sees.logits_help": (
        "The last dense layer gives one score per digit, from all {n} numbers before it. The highest is {digit}'s.",
        "마지막 완전 연결층이 앞의 숫자 {n}개 모두로 숫자마다 점수 하나를 매깁니다. 가장 높은 점수는 {digit}의 "
        "점수입니다.",
    ),
    "mnist.sees.softmax_step": (
        "**Softmax** turns the ten logits into probabilities that add up to 1:",
        "**소프트맥스**가 로짓 10개를 더하면 1이 되는 확률로 바꿉니다.",
    ),
    "mnist.sees.prediction": ("The network reads this digit as **{digit}** ({p}).", "신경망은 이 숫자를 **{digit}**(으)로 읽습니다({p})."),
}

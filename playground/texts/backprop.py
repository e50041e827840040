"""Strings for the Backpropagation page and playground.backprop (prefix "backprop.")."""

STRINGS = {
    # ---- errors (playground.backprop)
    "backprop.error.inputs": ("The network takes 1 to {high} inputs, not {value}.", "입력은 1~{high}개여야 합니다. 지금 값: {value}."),
    "backprop.error.outputs": (
        "The output layer has 1 to {high} neurons, not {value}.",
        "출력층의 뉴런은 1~{high}개여야 합니다. 지금 값: {value}.",
    ),
    "backprop.error.hidden": (
        "Hidden layers '{value}' are not possible here: up to {layers} layers of 1 to {units} neurons.",
        "은닉층 '{value}'은(는) 여기서 만들 수 없습니다. 은닉층은 최대 {layers}개, 층마다 뉴런 1~{units}개입니다.",
    ),
    "backprop.error.loss": (
        "There is no loss called '{value}'; choose one of: {choices}.",
        "'{value}'(이)라는 손실 함수는 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "backprop.error.seed": (
        "The seed must be a whole number from 0 to {high}, not {value}.",
        "시드는 0부터 {high} 사이의 정수여야 합니다. 지금 값: {value}.",
    ),
    "backprop.error.rate": (
        "The learning rate must be a number above 0 and at most 100, not {value}.",
        "학습률은 0보다 크고 100 이하인 수여야 합니다. 지금 값: {value}.",
    ),
    "backprop.error.target_probability": (
        "With cross-entropy and one output the target is a probability from 0 to 1, not {value}.",
        "교차 엔트로피에 출력이 하나이면 타깃은 0과 1 사이의 확률이어야 합니다. 지금 값: {value}.",
    ),
    "backprop.error.target_class": (
        "With several outputs the target is a class number from 0 to {high}, not {value}.",
        "출력이 여러 개이면 타깃은 0부터 {high} 사이의 클래스 번호여야 합니다. 지금 값: {value}.",
    ),
    "backprop.error.example_count": (
        "The examples need 1 to {high} rows, not {count}.",
        "예제는 1~{high}행이어야 합니다. 지금은 {count}행입니다.",
    ),
    "backprop.error.example_numbers": (
        "Row {row} of the examples holds something that is not a number.",
        "예제의 {row}번째 행에 숫자가 아닌 값이 있습니다.",
    ),
    "backprop.error.example_width": (
        "Row {row} of the examples needs {inputs} inputs and a target.",
        "예제의 {row}번째 행에는 입력 {inputs}개와 타깃 하나가 있어야 합니다.",
    ),
    "backprop.error.example_range": (
        "Row {row} of the examples holds a value beyond ±{limit} (or an empty cell).",
        "예제의 {row}번째 행에 ±{limit}을(를) 넘는 값(또는 빈 칸)이 있습니다.",
    ),
    "backprop.error.example_text": (
        "The examples in the link could not be read.",
        "링크에 있는 예제를 읽을 수 없습니다.",
    ),
    # ---- page
    "backprop.title": ("Backpropagation, step by step", "역전파, 한 단계씩"),
    "backprop.intro": (
        "A network learns by measuring its error with a **loss** and moving every weight a little against its "
        "**gradient**. **Backpropagation** finds all those gradients at once: a forward pass computes every "
        "neuron's value, a backward pass sends the error back layer by layer with the **chain rule**. Step through "
        "both on a small network, with every number on the drawing and checked by finite differences.",
        "신경망은 **손실**로 오차를 재고, 모든 가중치를 **기울기**의 반대 방향으로 조금씩 옮기며 학습합니다. "
        "**역전파**는 그 기울기를 한꺼번에 구합니다. 순전파로 모든 뉴런의 값을 계산하고, 역전파로 오차를 **연쇄 법칙**에 "
        "따라 한 층씩 뒤로 보냅니다. 작은 신경망에서 두 과정을 한 단계씩 따라가 보세요. 모든 숫자가 그림 위에 있고, "
        "수치 미분으로 검산합니다.",
    ),
    # ---- settings
    "backprop.settings": ("Network, data and learning rate", "신경망, 데이터, 학습률"),
    "backprop.layers": ("Hidden layers", "은닉층 수"),
    "backprop.layers_help": (
        "0 to 3 hidden layers between the two inputs and the output layer.",
        "두 입력과 출력층 사이에 놓을 은닉층 수입니다(0~3).",
    ),
    "backprop.units": ("Neurons in hidden layer {n}", "은닉층 {n}의 뉴런 수"),
    "backprop.outputs": ("Output neurons", "출력 뉴런 수"),
    "backprop.outputs_help": (
        "With one output the target is a number; with several, the target is a class number and the output "
        "layer learns its one-hot vector.",
        "출력이 하나이면 타깃은 숫자 하나이고, 여러 개이면 타깃은 클래스 번호이며 출력층은 그 원-핫 벡터를 배웁니다.",
    ),
    "backprop.activation": ("Activation (hidden layers)", "활성화 함수 (은닉층)"),
    "backprop.output_activation": ("Activation (output layer)", "활성화 함수 (출력층)"),
    "backprop.output_fixed": (
        "Cross-entropy uses {kind} at the output, so that δ = a − t.",
        "교차 엔트로피는 출력층에 {kind}을(를) 쓰므로 δ = a − t가 됩니다.",
    ),
    "backprop.loss": ("Loss", "손실 함수"),
    "backprop.loss.mse": ("squared error ½Σ(a − t)²", "제곱 오차 ½Σ(a − t)²"),
    "backprop.loss.ce": ("cross-entropy", "교차 엔트로피"),
    "backprop.rate": ("Learning rate η", "학습률 η"),
    "backprop.seed": ("Seed of the starting weights", "초기 가중치의 시드"),
    "backprop.seed_help": (
        "The starting weights and biases are drawn from [−1, 1] with this seed and rounded to 2 decimals.",
        "초기 가중치와 편향은 이 시드로 [−1, 1]에서 뽑아 소수 둘째 자리까지 반올림합니다.",
    ),
    "backprop.playground.button": ("Use the Playground's network", "플레이그라운드의 신경망 가져오기"),
    "backprop.playground.help": (
        "Copies the hidden layers, activation and learning rate of the network you last trained on the Playground "
        "page (its two inputs x1, x2).",
        "플레이그라운드 페이지에서 마지막으로 학습한 신경망의 은닉층, 활성화 함수, 학습률을 가져옵니다(입력은 x1, x2 두 "
        "개).",
    ),
    "backprop.playground.none": (
        "No Playground network in this session yet: open the Playground page first, then come back.",
        "이 세션에는 아직 플레이그라운드 신경망이 없습니다. 먼저 플레이그라운드 페이지를 연 뒤 돌아오세요.",
    ),
    "backprop.playground.too_big": (
        "The Playground's hidden layers {layers} are too many to follow by hand here: at most {max_layers} "
        "layers of {max_units} neurons.",
        "플레이그라운드의 은닉층 {layers}은(는) 여기서 손으로 따라가기에 너무 큽니다. 최대 {max_layers}층, "
        "층마다 뉴런 {max_units}개까지입니다.",
    ),
    "backprop.playground.taken": (
        "Took the Playground's network: {sizes}, learning rate {rate} (the nearest choice here).",
        "플레이그라운드의 신경망을 가져왔습니다: {sizes}, 학습률 {rate}(여기서 고를 수 있는 가장 가까운 값).",
    ),
    "backprop.data": ("Examples", "예제"),
    "backprop.data.xor": ("XOR", "XOR"),
    "backprop.data.and": ("AND", "AND"),
    "backprop.data.or": ("OR", "OR"),
    "backprop.data.nand": ("NAND", "NAND"),
    "backprop.data.custom": ("my own (edit the table)", "직접 입력 (표를 고치세요)"),
    "backprop.data_help": (
        "The training examples: two inputs and a target each. Editing the table makes them your own.",
        "학습 예제입니다. 각 행에 입력 두 개와 타깃이 있습니다. 표를 고치면 직접 입력한 예제가 됩니다.",
    ),
    "backprop.table.target": ("target t", "타깃 t"),
    "backprop.table.output": ("output now", "지금 출력"),
    "backprop.bad_link": (
        "The link's value '{value}' for '{name}' is not valid: {reason} Using {default} instead.",
        "링크에 있는 '{name}' 값 '{value}'을(를) 쓸 수 없습니다: {reason} 대신 {default}을(를) 사용합니다.",
    ),
    "backprop.no_weight": ("this network has no such weight.", "이 신경망에는 그런 가중치가 없습니다."),
    "backprop.bad_table": (
        "{reason} The network keeps the last good examples.",
        "{reason} 신경망은 마지막으로 올바르던 예제를 계속 씁니다.",
    ),
    # ---- the walk-through
    "backprop.summary": (
        "Network {sizes} ({act}), loss: {loss}, learning rate η = {rate}, seed {seed}, examples: {data}. "
        "Change them under the heading above.",
        "신경망 {sizes} ({act}), 손실: {loss}, 학습률 η = {rate}, 시드 {seed}, 예제: {data}. 위의 제목을 눌러 바꿀 수 "
        "있습니다.",
    ),
    "backprop.example": (
        "Example {k} of {n}: inputs ({x}), target {t}.",
        "예제 {n}개 중 {k}번째: 입력 ({x}), 타깃 {t}.",
    ),
    "backprop.phase.start": (
        "Press **Step** to start the forward pass (or **Play** to watch it go by itself): each neuron adds up its "
        "weighted inputs and its bias (net) and passes the sum through its activation function.",
        "**한 단계**를 누르면 순전파가 시작됩니다(**자동 진행**을 누르면 저절로 진행됩니다). 각 뉴런은 가중치를 곱한 "
        "입력과 편향을 더하고(net), 그 합을 활성화 함수에 통과시킵니다.",
    ),
    "backprop.phase.forward": ("Forward pass", "순전파"),
    "backprop.phase.backward": ("Backward pass", "역전파"),
    "backprop.phase.update": ("Update", "가중치 갱신"),
    "backprop.progress": ("{phase}: step {k} of {n}", "{phase}: {n}단계 중 {k}단계"),
    "backprop.forward.done": (
        "The output is {out} and the loss of this example is L = {loss}. Next, the backward pass starts at the "
        "output.",
        "출력은 {out}이고 이 예제의 손실은 L = {loss}입니다. 이제 출력층에서 역전파가 시작됩니다.",
    ),
    "backprop.backward.output": (
        "At the output, δ is how much the loss changes when the neuron's net value changes.",
        "출력층에서 δ는 뉴런의 net 값이 변할 때 손실이 얼마나 변하는지를 나타냅니다.",
    ),
    "backprop.backward.hidden": (
        "A hidden neuron's δ collects the δ of every neuron it feeds, each through the weight between them, times "
        "the slope of its own activation: the chain rule.",
        "은닉 뉴런의 δ는 자신이 값을 보내는 모든 뉴런의 δ를 그 사이의 가중치로 곱해 모으고, 자기 활성화 함수의 기울기를 "
        "곱한 값입니다. 이것이 연쇄 법칙입니다.",
    ),
    "backprop.backward.weights": (
        "Each weight into {name} gets ∂L/∂w = δ · (the value it carries): {grads}.",
        "{name}(으)로 들어오는 각 가중치는 ∂L/∂w = δ · (그 가중치가 나르는 값)을 받습니다: {grads}.",
    ),
    "backprop.update.body": (
        "Every weight and bias moves against its gradient: w ← w − η·∂L/∂w with η = {rate}. The table below "
        "shows old and new values. **Next example** applies this update and starts again with the next example; "
        "**Whole batch** averages the gradients of all examples first.",
        "모든 가중치와 편향이 기울기의 반대 방향으로 움직입니다: η = {rate}일 때 w ← w − η·∂L/∂w. 아래 표에 이전 값과 "
        "새 값이 있습니다. **다음 예제**는 이 갱신을 적용하고 다음 예제로 다시 시작하며, **전체 배치**는 모든 예제의 "
        "기울기를 평균한 뒤 갱신합니다.",
    ),
    "backprop.play": ("Play", "자동 진행"),
    "backprop.pause": ("Pause", "일시정지"),
    "backprop.play_help": (
        "Step through by itself, one value every {s} seconds: the forward pass, the backward pass from the output "
        "back, then the update.",
        "{s}초마다 값 하나씩 저절로 진행합니다. 순전파, 출력층에서 거꾸로 가는 역전파, 그다음 가중치 갱신 순서입니다.",
    ),
    "backprop.pause_help": ("Stop here; Step and Back still work.", "여기서 멈춥니다. 한 단계와 이전 단계는 그대로 쓸 수 있습니다."),
    "backprop.keep_going": ("Keep going", "계속 진행"),
    "backprop.keep_going_help": (
        "With Play: after the update, apply it and go on with the next example, so the loss chart below grows.",
        "자동 진행 중에 가중치 갱신이 끝나면 갱신을 적용하고 다음 예제로 넘어갑니다. 아래 손실 그래프가 계속 늘어납니다.",
    ),
    "backprop.step": ("Step", "한 단계"),
    "backprop.back": ("Back", "이전 단계"),
    "backprop.phase_end": ("Finish this phase", "이 과정 끝까지"),
    "backprop.restart": ("Start over", "처음부터"),
    "backprop.next_example": ("Next example", "다음 예제"),
    "backprop.next_example_help": (
        "Apply this example's update (w ← w − η·∂L/∂w) and start the walk-through of the next example.",
        "이 예제의 갱신(w ← w − η·∂L/∂w)을 적용하고 다음 예제로 다시 따라갑니다.",
    ),
    "backprop.batch": ("Whole batch", "전체 배치"),
    "backprop.batch_help": (
        "One step of gradient descent on the mean loss of all examples (their gradients averaged).",
        "모든 예제의 평균 손실로 경사 하강법을 한 번 합니다(기울기를 평균합니다).",
    ),
    "backprop.batch_many": ("{n} batch steps", "배치 {n}번"),
    "backprop.batch_many_help": (
        "Repeat the whole-batch step {n} times and watch the loss fall.",
        "전체 배치 단계를 {n}번 반복하고 손실이 줄어드는 것을 봅니다.",
    ),
    "backprop.reset": ("Reset weights", "가중치 초기화"),
    "backprop.reset_help": ("Back to the starting weights of the seed; the loss history is cleared.", "시드의 초기 가중치로 돌아가고 손실 기록을 지웁니다."),
    # ---- drawing
    "backprop.layer.input": ("input", "입력층"),
    "backprop.layer.hidden": ("hidden {n}", "은닉층 {n}"),
    "backprop.layer.output": ("output", "출력층"),
    "backprop.drawing_caption": (
        "Inside each neuron its activation a, above it the net value, below it δ (red) once the backward pass has "
        "reached it. Lines are weights: blue positive, orange negative, thicker for larger; the selected one is red. "
        "Hover over a neuron or near the end of a line for all its numbers; click there to write out its chain rule.",
        "뉴런 안에는 활성화 값 a, 위에는 net 값, 아래에는 역전파가 도달한 뒤의 δ(빨간색)가 있습니다. 선은 가중치로, "
        "파란색은 양수, 주황색은 음수이며 클수록 굵습니다. 선택한 가중치는 빨간색입니다. 뉴런이나 선의 끝 가까이에 "
        "마우스를 올리면 모든 숫자가 보이고, 클릭하면 그 연쇄 법칙을 풀어 씁니다.",
    ),
    "backprop.side": ("target t = {t}<br>loss L = {loss}", "타깃 t = {t}<br>손실 L = {loss}"),
    # ---- chain rule of one weight
    "backprop.chain.header": ("The chain rule for one weight", "가중치 하나의 연쇄 법칙"),
    "backprop.chain.pick": ("Weight or bias", "가중치 또는 편향"),
    "backprop.chain.pick_help": (
        "Choose the weight whose gradient is written out; it is drawn in red.",
        "기울기를 풀어 쓸 가중치를 고르세요. 그림에 빨간색으로 표시됩니다.",
    ),
    "backprop.chain.weight": ("{source} → {target}", "{source} → {target}"),
    "backprop.chain.bias": ("bias of {target}", "{target}의 편향"),
    "backprop.chain.wait": (
        "Its gradient appears when the backward pass reaches {name}: press Step (or Finish this phase).",
        "역전파가 {name}에 도달하면 이 가중치의 기울기가 나타납니다. 한 단계(또는 이 과정 끝까지)를 누르세요.",
    ),
    "backprop.chain.ce": (
        "With cross-entropy after {kind}, ∂L/∂a and the activation's slope multiply to simply a − t.",
        "{kind} 뒤에 교차 엔트로피를 쓰면 ∂L/∂a와 활성화 함수의 기울기를 곱한 값이 간단히 a − t가 됩니다.",
    ),
    "backprop.chain.check": (
        "Finite differences, without backpropagation: (L(w + ε) − L(w − ε)) / 2ε = {fd} (ε = 10⁻⁶), "
        "backpropagation: {bp}.",
        "역전파 없이 수치 미분으로: (L(w + ε) − L(w − ε)) / 2ε = {fd} (ε = 10⁻⁶), 역전파: {bp}.",
    ),
    # ---- gradient table
    "backprop.grads.header": ("Every gradient, checked", "모든 기울기와 검산"),
    "backprop.grads.name": ("weight", "가중치"),
    "backprop.grads.value": ("w now", "지금 w"),
    "backprop.grads.bp": ("∂L/∂w by backpropagation", "역전파로 구한 ∂L/∂w"),
    "backprop.grads.fd": ("∂L/∂w by finite differences", "수치 미분으로 구한 ∂L/∂w"),
    "backprop.grads.diff": ("difference", "차이"),
    "backprop.grads.new": ("w after the update", "갱신 후 w"),
    "backprop.grads.caption": (
        "Finite differences nudge one weight by ε = 10⁻⁶ up and down and watch the loss: slow (two forward passes "
        "per weight) but independent of backpropagation. They agree to about 10⁻⁹; a wrong backward pass would show "
        "here at once. Rows fill in as the backward pass reaches them.",
        "수치 미분은 가중치 하나를 ε = 10⁻⁶만큼 올리고 내려 손실의 변화를 봅니다. 가중치마다 순전파를 두 번 해야 해서 "
        "느리지만 역전파와는 독립된 계산입니다. 두 값은 10⁻⁹ 정도까지 일치하며, 역전파가 틀렸다면 여기서 바로 드러납니다. "
        "역전파가 도달한 행부터 채워집니다.",
    ),
    "backprop.grads.worst": ("Largest difference", "가장 큰 차이"),
    # ---- loss over steps
    "backprop.loss.header": ("The loss over the updates", "갱신에 따른 손실"),
    "backprop.loss.x": ("updates", "갱신 횟수"),
    "backprop.loss.y": ("mean loss", "평균 손실"),
    "backprop.loss.metric": ("Mean loss now", "지금 평균 손실"),
    "backprop.loss.updates": ("Updates so far", "지금까지 갱신 횟수"),
    "backprop.loss.none": (
        "No update yet: finish a walk-through and press Next example, or press Whole batch.",
        "아직 갱신하지 않았습니다. 한 예제를 끝까지 따라간 뒤 다음 예제를 누르거나 전체 배치를 누르세요.",
    ),
    "backprop.diverged": (
        "The weights grew beyond any useful size (the loss is no longer a finite number): lower the learning rate "
        "and press Reset weights.",
        "가중치가 너무 커져서 손실이 더 이상 유한한 수가 아닙니다. 학습률을 낮추고 가중치 초기화를 누르세요.",
    ),
}

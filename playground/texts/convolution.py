"""Strings for the Convolution page and playground.conv_geometry (prefix "conv.")."""

STRINGS = {
    "conv.title": ("Convolution and pooling", "합성곱과 풀링"),
    "conv.intro": (
        "A convolution layer slides a small **kernel** over the image, and each position of the kernel gives one "
        "cell of the output (a **feature map**). The **stride** is how far the kernel jumps, **padding** adds rings "
        "of zeros around the input. Change them and see how big the output is and where the kernel lands.",
        "합성곱층은 작은 **커널**을 이미지 위로 밀면서, 커널이 놓이는 위치마다 출력(**특징 맵**)의 한 칸을 계산합니다. "
        "**스트라이드**는 커널이 한 번에 건너뛰는 칸 수이고, **패딩**은 입력 둘레에 0을 한 겹씩 두릅니다. 값을 바꾸며 "
        "출력이 얼마나 큰지, 커널이 어디에 놓이는지 확인해 보세요.",
    ),
    # ---- presets
    "conv.presets": ("Start from an example", "예제로 시작하기"),
    "conv.preset.same": ("Same padding", "같은 크기 패딩"),
    "conv.preset.stride2": ("Stride 2 halves", "스트라이드 2"),
    "conv.preset.valid": ("No padding shrinks", "패딩 없음"),
    "conv.preset.pool": ("2×2 max-pool", "2×2 최대 풀링"),
    "conv.preset_help": (
        "Sets the input size, the layer, the kernel, the stride and the padding at once. Same padding: k = 3, "
        "p = 1, s = 1. Stride 2: k = 3, p = 1, s = 2 on 8×8. No padding: k = 3, p = 0, s = 1. Max pooling: a 2×2 "
        "window on 8×8.",
        "입력 크기, 층, 커널, 스트라이드, 패딩을 한 번에 설정합니다. 같은 크기 패딩: k = 3, p = 1, s = 1. "
        "스트라이드 2: 8×8 입력에 k = 3, p = 1, s = 2. 패딩 없음: k = 3, p = 0, s = 1. 최대 풀링: 8×8 입력에 2×2 창.",
    ),
    # ---- controls
    "conv.mode": ("Layer", "층"),
    "conv.mode.conv": ("Convolution", "합성곱"),
    "conv.mode.max": ("Max pooling", "최대 풀링"),
    "conv.mode.avg": ("Average pooling", "평균 풀링"),
    "conv.mode_help": (
        "A pooling layer slides a window exactly like a kernel, with the stride equal to the window and no padding; "
        "it keeps the window's largest value (max) or its mean (average) and has no weights.",
        "풀링층은 커널과 똑같이 창을 밀되, 스트라이드는 창 크기와 같고 패딩은 없습니다. 창 안의 가장 큰 값(최대)이나 "
        "평균을 남기며, 가중치가 없습니다.",
    ),
    "conv.height": ("Input height", "입력 높이"),
    "conv.width": ("Input width", "입력 너비"),
    "conv.kernel": ("Kernel size k", "커널 크기 k"),
    "conv.stride": ("Stride s", "스트라이드 s"),
    "conv.padding": ("Padding p", "패딩 p"),
    "conv.pool_fixed": (
        "Pooling: stride s = window k = {k}, no padding (p = 0).",
        "풀링: 스트라이드 s = 창 크기 k = {k}, 패딩 없음(p = 0).",
    ),
    "conv.numbers": ("Show numbers", "숫자로 보기"),
    "conv.numbers.header": ("The numbers at this position", "이 위치의 계산"),
    "conv.numbers_help": (
        "Fill the input with a digit-like 7 (1 = ink, 0 = background) and compute every output cell.",
        "입력을 숫자 7 모양(1 = 잉크, 0 = 배경)으로 채우고 출력의 모든 칸을 계산합니다.",
    ),
    "conv.kernel_values": ("Kernel values", "커널 값"),
    "conv.kernel_table": ("Kernel table (editable)", "커널 표 (고칠 수 있음)"),
    "conv.kern.vedge": ("Vertical edges", "세로 경계"),
    "conv.kern.hedge": ("Horizontal edges", "가로 경계"),
    "conv.kern.box": ("Sum (all ones)", "합 (모두 1)"),
    "conv.kern.identity": ("Identity (copies a pixel)", "항등 (픽셀 그대로)"),
    "conv.kern.custom": ("Your own (edit the table)", "직접 입력 (표를 고치세요)"),
    "conv.kernel_help": (
        "The weights the kernel multiplies the input with. A trained network learns them; here you choose them. "
        "Edit a cell of the table to make your own.",
        "커널이 입력에 곱하는 가중치입니다. 학습된 신경망은 이 값을 스스로 배우고, 여기서는 직접 고릅니다. "
        "표의 칸을 고치면 나만의 커널이 됩니다.",
    ),
    "conv.bad_kernel": ("This kernel cannot be used: {reason} The last good kernel is kept.",
                        "이 커널은 쓸 수 없습니다. {reason} 마지막으로 올바르던 커널을 유지합니다."),
    # ---- output size
    "conv.formula.header": ("Output size", "출력 크기"),
    "conv.formula.caption": (
        "H and W are the output's height and width. ⌊x⌋ rounds down: a last step that would run past the edge is "
        "not taken. The layer table on the MNIST page computes its shapes with this same function.",
        "H와 W는 출력의 높이와 너비입니다. ⌊x⌋는 내림으로, 가장자리를 넘어가는 마지막 한 걸음은 하지 않는다는 뜻입니다. "
        "MNIST 페이지의 층 표도 이 함수로 모양을 계산합니다.",
    ),
    "conv.summary": (
        "**Output {oh}×{ow}**: {n} kernel positions on the {h}×{w} input{padded}.",
        "**출력 {oh}×{ow}**: {h}×{w} 입력{padded} 위의 커널 위치 {n}개.",
    ),
    "conv.padded": (" ({ph}×{pw} with padding)", "(패딩 포함 {ph}×{pw})"),
    "conv.summary.none": (
        "**No output**: the kernel has no position on the {h}×{w} input{padded}.",
        "**출력 없음**: {h}×{w} 입력{padded} 위에 커널이 놓일 자리가 없습니다.",
    ),
    "conv.not_fit": (
        "The {k}×{k} kernel does not fit in the {h}×{w} input ({ph}×{pw} with padding): there is no position for "
        "it, and PyTorch refuses such a layer. Make the kernel smaller or add padding.",
        "{k}×{k} 커널이 {h}×{w} 입력(패딩을 더하면 {ph}×{pw})에 들어가지 않습니다. 놓일 자리가 없으므로 PyTorch도 이런 "
        "층을 만들지 않습니다. 커널을 줄이거나 패딩을 늘려 보세요.",
    ),
    "conv.unused": (
        "With stride {s} and a {k}×{k} window, no position covers {cells} of the input (marked ×): those pixels "
        "never reach the output.",
        "스트라이드 {s}, {k}×{k} 창으로는 입력의 {cells}을(를) 덮는 위치가 없습니다(× 표시). 이 픽셀들은 출력에 "
        "전혀 반영되지 않습니다.",
    ),
    "conv.unused.rows": ("row {rows}", "{rows}행"),
    "conv.unused.rows_many": ("rows {rows}", "{rows}행"),
    "conv.unused.cols": ("column {cols}", "{cols}열"),
    "conv.unused.cols_many": ("columns {cols}", "{cols}열"),
    "conv.unused.both": ("{rows} and {cols}", "{rows}과 {cols}"),
    "conv.all_covered": ("Every input cell falls under the kernel at least once.",
                         "모든 입력 칸이 적어도 한 번은 커널 아래에 놓입니다."),
    "conv.same_size": (
        "The output is as big as the input: with stride 1, padding p = (k − 1)/2 keeps the size (\"same\" padding).",
        "출력이 입력과 같은 크기입니다. 스트라이드가 1이면 패딩 p = (k − 1)/2가 크기를 유지합니다(‘same’ 패딩).",
    ),
    # ---- the sliding kernel
    "conv.play": ("Play", "커널 밀기"),
    "conv.pause": ("Pause", "멈추기"),
    "conv.play_help": ("Slides the kernel over every position, one step at a time, and stops at the last.",
                       "커널을 한 칸씩 모든 위치로 밀고, 마지막 위치에서 멈춥니다."),
    "conv.prev": ("Back", "이전"),
    "conv.next": ("Next", "다음"),
    "conv.position": ("Kernel position", "커널 위치"),
    "conv.position_help": (
        "Which position of the kernel is highlighted; positions go row by row, as the output fills. You can also "
        "click a cell of the output.",
        "강조할 커널 위치입니다. 출력이 채워지는 순서대로 한 행씩 나아갑니다. 출력의 칸을 눌러도 됩니다.",
    ),
    "conv.at": (
        "Position {i} of {n}: output row {r}, column {c}. The kernel covers padded rows {r0}–{r1} and columns "
        "{c0}–{c1}.",
        "{n}개 중 {i}번째 위치: 출력의 {r}행 {c}열입니다. 커널은 패딩을 포함한 {r0}–{r1}행, {c0}–{c1}열을 덮습니다.",
    ),
    "conv.chart.input": ("Input {h}×{w}", "입력 {h}×{w}"),
    "conv.chart.input_padded": ("Input {h}×{w}, padded to {ph}×{pw}", "입력 {h}×{w}, 패딩 포함 {ph}×{pw}"),
    "conv.chart.output": ("Output {oh}×{ow}", "출력 {oh}×{ow}"),
    "conv.chart.no_output": ("No output", "출력 없음"),
    "conv.chart.cell": ("row {r}, column {c}", "{r}행 {c}열"),
    "conv.chart.padding": ("padding", "패딩"),
    "conv.chart.uncovered": ("never covered", "덮이지 않음"),
    "conv.chart.position": ("position", "위치"),
    "conv.chart.value": ("value", "값"),
    "conv.grids_caption": (
        "Grey cells are padding (zeros). Each orange ring marks the centre of one kernel position: one ring, one output cell. "
        "The orange square is the current position and the output cell it fills; the output fills in as the kernel "
        "slides. Click an output cell to move the kernel there.",
        "회색 칸은 패딩(0)입니다. 주황색 고리 하나는 커널 위치 하나의 중심을 표시하고, 고리 하나가 출력 한 칸이 됩니다. 주황색 사각형은 "
        "현재 위치와 그 위치가 채우는 출력 칸입니다. 커널이 움직이는 대로 출력이 채워집니다. 출력 칸을 누르면 커널이 "
        "그 위치로 갑니다.",
    ),
    # ---- the numbers at one position
    "conv.products.conv": (
        "Each input value under the kernel is multiplied by the kernel value on top of it, and the products are "
        "added: the sum is the output cell. Like PyTorch's conv2d, the kernel is not flipped. A real layer also adds "
        "a bias and then an activation such as ReLU.",
        "커널 아래의 입력 값마다 그 위에 놓인 커널 값을 곱하고, 곱한 값을 모두 더합니다. 그 합이 출력 칸입니다. "
        "PyTorch의 conv2d처럼 커널을 뒤집지 않습니다. 실제 층은 여기에 편향을 더한 뒤 ReLU 같은 활성화 함수를 거칩니다.",
    ),
    "conv.products.max": ("Max pooling keeps the largest value under the window.",
                          "최대 풀링은 창 안에서 가장 큰 값을 남깁니다."),
    "conv.products.avg": ("Average pooling keeps the mean of the values under the window.",
                          "평균 풀링은 창 안 값들의 평균을 남깁니다."),
    "conv.products.too_big": (
        "A {k}×{k} window has {count} values, too many to write out here: hover an output cell for its value.",
        "{k}×{k} 창에는 값이 {count}개 있어 여기에 모두 적기 어렵습니다. 출력 칸에 마우스를 올리면 값이 보입니다.",
    ),
    "conv.image_caption": (
        "The input is a 7 drawn with 1 for ink and 0 for background (stretched to the chosen size).",
        "입력은 숫자 7을 잉크 1, 배경 0으로 그린 것입니다(고른 크기에 맞게 늘였습니다).",
    ),
    # ---- further
    "conv.mnist.header": ("In a real network", "실제 신경망에서"),
    "conv.mnist.body": (
        "The MNIST page's small CNN keeps the 28×28 digit with a 3×3 kernel and padding 1, then halves it with 2×2 "
        "max pooling: 28 → 28 → 14 → 14 → 7. Try those numbers above, then build such a network there.",
        "MNIST 페이지의 작은 합성곱 신경망은 3×3 커널과 패딩 1로 28×28 숫자 이미지의 크기를 유지하고, 2×2 최대 풀링으로 "
        "절반으로 줄입니다: 28 → 28 → 14 → 14 → 7. 위에서 이 숫자들을 넣어 본 뒤, 거기서 그런 신경망을 만들어 보세요.",
    ),
    "conv.mnist.link": ("Build a CNN on MNIST", "MNIST에서 합성곱 신경망 만들기"),
    # ---- link notices
    "conv.bad_pos": (
        "The link asks for kernel position {value}, but this layer has only {count}; showing position {count}.",
        "링크의 커널 위치 {value}은(는) 없습니다. 이 층의 위치는 {count}개이므로 {count}번째 위치를 보여 줍니다.",
    ),
    "conv.bad_kernel_link": (
        "The link's kernel values '{value}' for 'kv' could not be used ({reason}); using vertical edges.",
        "링크에 있는 'kv'의 커널 값 '{value}'은(는) 쓸 수 없어({reason}) 세로 경계 커널을 씁니다.",
    ),
    # ---- core errors (playground/conv_geometry.py)
    "conv.error.bad_number": ("{name} must be a whole number of at least {low}, not {value}.",
                              "{name}은(는) {low} 이상의 정수여야 합니다({value}은(는) 안 됩니다)."),
    "conv.error.does_not_fit": (
        "A kernel of {k} does not fit in an input of {n} ({padded} with padding).",
        "크기 {k}의 커널은 크기 {n}(패딩을 더하면 {padded})의 입력에 들어가지 않습니다.",
    ),
    "conv.error.bad_mode": ("Unknown layer {value}: choose one of {choices}.",
                            "알 수 없는 층 {value}입니다. {choices} 중에서 고르세요."),
    "conv.error.bad_kernel_name": ("Unknown kernel {value}: choose one of {choices}.",
                                   "알 수 없는 커널 {value}입니다. {choices} 중에서 고르세요."),
    "conv.error.kernel_numbers": ("Every kernel value must be a number.", "커널 값은 모두 숫자여야 합니다."),
    "conv.error.kernel_shape": ("The kernel must be {k}×{k}, not {shape}.", "커널은 {k}×{k}여야 합니다({shape}은(는) 안 됩니다)."),
    "conv.error.kernel_range": ("Kernel values must lie between −{limit} and {limit}.",
                                "커널 값은 −{limit}과 {limit} 사이여야 합니다."),
}

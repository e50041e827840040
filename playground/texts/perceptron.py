"""Strings for the Perceptron & logic gates page (prefix "perceptron.")."""

STRINGS = {
    "perceptron.title": ("Perceptron & logic gates", "퍼셉트론과 논리 게이트"),
    "perceptron.intro": (
        "A perceptron multiplies each input by its **weight**, adds the results and outputs 1 only when the sum is "
        "greater than the **threshold θ** (otherwise 0). Drag the sliders to make it an AND, NAND or OR gate, let the "
        "learning rule find the weights for you, and see why XOR needs a second layer.",
        "퍼셉트론은 각 입력에 **가중치**를 곱해 더하고, 그 합이 **임계값 θ**보다 클 때만 1을(그렇지 않으면 0을) "
        "출력합니다. 슬라이더를 움직여 AND, NAND, OR 게이트를 만들어 보고, 학습 규칙이 가중치를 스스로 찾는 과정을 "
        "지켜본 뒤, XOR에는 왜 층이 하나 더 필요한지 확인해 보세요.",
    ),
    "perceptron.gate": ("Target gate", "목표 게이트"),
    "perceptron.gate_help": ("The truth table the perceptron should reproduce.", "퍼셉트론이 따라 해야 할 진리표입니다."),
    "perceptron.w1": ("Weight w1", "가중치 w1"),
    "perceptron.w2": ("Weight w2", "가중치 w2"),
    "perceptron.theta": ("Threshold θ", "임계값 θ"),
    "perceptron.bias": ("Bias b (= −θ)", "편향 b (= −θ)"),
    "perceptron.use_bias": ("Use bias b", "θ 대신 편향 b"),  # short: the toggle's column is narrow at 1280 px
    "perceptron.use_bias_help": (
        "A bias b instead of the threshold θ: the same rule written as w1·x1 + w2·x2 + b > 0, with b = −θ.",
        "같은 규칙을 w1·x1 + w2·x2 + b > 0 으로 쓴 것입니다 (b = −θ).",
    ),
    "perceptron.load_preset": ("Load {gate} preset", "{gate} 예시 값 불러오기"),
    "perceptron.load_preset_help": (
        "Set w1, w2 and θ to textbook values that make this gate.",
        "이 게이트가 되는 교과서 값으로 w1, w2, θ를 설정합니다.",
    ),
    "perceptron.no_preset_xor": (
        "No single perceptron implements XOR, so there is no preset: see the two-layer network below.",
        "XOR을 구현하는 퍼셉트론 하나는 없으므로 예시 값이 없습니다. 아래의 2층 신경망을 보세요.",
    ),
    # verdict and truth table; "a_gate" is the gate's name with its English article
    "perceptron.a_gate.AND": ("an AND gate", "AND 게이트"),
    "perceptron.a_gate.NAND": ("a NAND gate", "NAND 게이트"),
    "perceptron.a_gate.OR": ("an OR gate", "OR 게이트"),
    "perceptron.a_gate.XOR": ("an XOR gate", "XOR 게이트"),
    "perceptron.verdict.is_gate": (
        "This perceptron is {a_gate}: all four rows are right.",
        "이 퍼셉트론은 {a_gate}입니다. 네 행이 모두 맞습니다.",
    ),
    "perceptron.verdict.wrong_rows": (
        "Not {a_gate} yet: {count} of 4 rows are wrong: {rows}.",
        "아직 {a_gate}가 아닙니다. 4행 중 {count}행이 틀렸습니다: {rows}.",
    ),
    "perceptron.verdict.is_other": ("(Right now it is {a_gate}.)", "(지금은 {a_gate}입니다.)"),
    "perceptron.verdict.xor_impossible": (
        "One perceptron cannot be an XOR gate: (0, 1) and (1, 0) would have to lie on the output-1 side of a line and "
        "(0, 0) and (1, 1) on the other side, and no straight line splits the four points that way (XOR is not "
        "linearly separable). Try it, then see the two-layer network below.",
        "퍼셉트론 하나로는 XOR 게이트를 만들 수 없습니다. (0, 1)과 (1, 0)은 직선의 출력 1 쪽에, (0, 0)과 (1, 1)은 "
        "반대쪽에 있어야 하는데, 네 점을 이렇게 나누는 직선은 없습니다(XOR은 선형 분리가 불가능합니다). 직접 "
        "시도해 본 뒤 아래의 2층 신경망을 보세요.",
    ),
    "perceptron.table.header": ("Truth table", "진리표"),
    "perceptron.table.sum": ("w1·x1 + w2·x2 (vs θ = {theta})", "w1·x1 + w2·x2 (θ = {theta}보다 크면 1)"),
    "perceptron.table.sum_bias": ("w1·x1 + w2·x2 + b (vs 0)", "w1·x1 + w2·x2 + b (0보다 크면 1)"),
    "perceptron.table.output": ("output y", "출력 y"),
    "perceptron.table.target": ("target ({gate})", "목표 ({gate})"),
    "perceptron.table.correct": ("correct?", "정답?"),
    "perceptron.table.caption": (
        "The output is 1 only when the weighted sum is greater than θ; being equal is not enough.",
        "가중합이 θ보다 클 때만 출력이 1입니다. θ와 같으면 0입니다.",
    ),
    "perceptron.table.caption_bias": (
        "The output is 1 only when the weighted sum plus the bias is greater than 0.",
        "가중합에 편향을 더한 값이 0보다 클 때만 출력이 1입니다.",
    ),
    # input plane
    "perceptron.plot.header": ("Input plane", "입력 평면"),
    "perceptron.plot.target0": ("target 0", "목표 0"),
    "perceptron.plot.target1": ("target 1", "목표 1"),
    "perceptron.plot.wrong": ("wrong", "틀린 행"),
    "perceptron.plot.boundary": ("decision boundary", "결정 경계"),
    "perceptron.plot.region": ("output 1", "출력 1 영역"),
    "perceptron.plot.no_line": (
        "w1 = w2 = 0: no line, the output is the same everywhere",
        "w1 = w2 = 0: 직선이 없고 모든 곳의 출력이 같습니다",
    ),
    "perceptron.plot.outside_one": (
        "The line is outside this view: every point shown gives output 1",
        "직선이 보이는 범위 밖에 있습니다: 보이는 모든 점의 출력이 1입니다",
    ),
    "perceptron.plot.outside_zero": (
        "The line is outside this view: every point shown gives output 0",
        "직선이 보이는 범위 밖에 있습니다: 보이는 모든 점의 출력이 0입니다",
    ),
    "perceptron.plot.caption": (
        "The line w1·x1 + w2·x2 = θ is the decision boundary: inputs in the blue half-plane give output 1, the rest "
        "give 0. Dots are coloured by their target; a red ring marks a row the perceptron gets wrong.",
        "직선 w1·x1 + w2·x2 = θ가 결정 경계입니다. 파란 반평면에 있는 입력은 출력 1, 나머지는 0이 됩니다. 점의 색은 "
        "목표값이고, 빨간 고리는 퍼셉트론이 틀린 행입니다.",
    ),
    # learning rule
    "perceptron.learn.header": ("Let the perceptron learn", "퍼셉트론 학습시키기"),
    "perceptron.learn.intro": (
        "The perceptron learning rule starts from the weights above and visits the rows of the {gate} table in order. "
        "When a row's output y differs from its target t, each weight moves a little (by the learning rate η) in the "
        "direction that fixes it, and the threshold moves the other way. An **epoch** is one pass over the four rows; "
        "learning stops after an epoch without a mistake.",
        "퍼셉트론 학습 규칙은 위의 가중치에서 출발해 {gate} 진리표의 행을 차례로 살펴봅니다. 어떤 행의 출력 y가 "
        "목표 t와 다르면, 그 행을 맞히는 방향으로 각 가중치를 조금(학습률 η만큼) 움직이고 임계값은 반대 방향으로 "
        "움직입니다. 네 행을 한 번 모두 보는 것이 **에포크** 하나이며, 틀린 행이 없는 에포크가 나오면 학습이 끝납니다.",
    ),
    "perceptron.learn.zero": ("Start from all zeros", "모두 0에서 시작"),
    "perceptron.learn.zero_help": (
        "Set w1, w2 and θ at the top to 0, the usual starting point of the learning rule.",
        "맨 위의 w1, w2, θ를 0으로 바꿉니다. 학습 규칙의 일반적인 출발점입니다.",
    ),
    "perceptron.learn.rate": ("Learning rate η", "학습률 η"),
    "perceptron.learn.rate_help": ("How far the weights move at each correction.", "한 번 고칠 때 가중치가 움직이는 크기입니다."),
    "perceptron.learn.max_epochs": ("Maximum epochs", "최대 에포크"),
    "perceptron.learn.max_epochs_help": (
        "Learning gives up after this many passes (on XOR it never converges).",
        "이만큼 반복해도 끝나지 않으면 학습을 멈춥니다 (XOR에서는 절대 수렴하지 않습니다).",
    ),
    "perceptron.learn.step": ("Next update", "다음 업데이트"),
    "perceptron.learn.run": ("Run to the end", "끝까지 실행"),
    "perceptron.learn.restart": ("Back to start", "처음으로"),
    "perceptron.learn.scrubber": ("Update shown", "표시할 업데이트"),
    "perceptron.learn.scrubber_help": (
        "Drag to replay the run: the line moves with every update.",
        "드래그하면 학습 과정을 다시 볼 수 있습니다. 업데이트마다 직선이 움직입니다.",
    ),
    "perceptron.learn.metric_update": ("Update", "업데이트"),
    "perceptron.learn.metric_epoch": ("Epoch", "에포크"),
    "perceptron.learn.metric_weights": ("w1, w2, θ", "w1, w2, θ"),
    "perceptron.learn.metric_wrong": ("Wrong rows", "틀린 행"),
    "perceptron.learn.nothing_to_learn": (
        "The perceptron above already is {a_gate}: every row is right, so the rule has nothing to change. Move a "
        "slider (or set every weight to 0) and learn again.",
        "위의 퍼셉트론은 이미 {a_gate}입니다. 모든 행이 맞으므로 학습 규칙이 바꿀 것이 없습니다. 슬라이더를 "
        "움직이거나 가중치를 모두 0으로 바꾼 뒤 다시 학습해 보세요.",
    ),
    "perceptron.learn.at_start": (
        "Start: the weights from the sliders, with {count} wrong row(s). Press “Next update” to see the first correction.",
        "시작: 슬라이더의 가중치이며 틀린 행은 {count}개입니다. ‘다음 업데이트’를 눌러 첫 번째 수정을 보세요.",
    ),
    "perceptron.learn.step_explained": (
        "Update {k} (epoch {epoch}): row ({x1}, {x2}) gave y = {output} but the target is t = {target}, so t − y = "
        "{sign}1. w1: {w1a} → {w1b}, w2: {w2a} → {w2b}, θ: {ta} → {tb}.",
        "업데이트 {k} (에포크 {epoch}): 행 ({x1}, {x2})의 출력은 y = {output}인데 목표는 t = {target}이므로 "
        "t − y = {sign}1입니다. w1: {w1a} → {w1b}, w2: {w2a} → {w2b}, θ: {ta} → {tb}.",
    ),
    "perceptron.learn.converged": (
        "Converged: after {epochs} epochs and {updates} weight update(s) the perceptron is {a_gate}; the last epoch made no mistake.",
        "수렴했습니다. {epochs} 에포크, {updates}번의 가중치 업데이트 만에 퍼셉트론이 {a_gate}가 되었고, 마지막 에포크에서는 "
        "틀린 행이 없었습니다.",
    ),
    "perceptron.learn.xor_never": (
        "Stopped after {epochs} epochs ({updates} updates) without converging. XOR's points cannot be split by one "
        "line, so every epoch leaves a wrong row: fixing one row breaks another and the weights go round in circles "
        "forever. That is why XOR needs a hidden layer (below).",
        "{epochs} 에포크({updates}번 업데이트) 후에도 수렴하지 못해 멈췄습니다. XOR의 점들은 직선 하나로 나눌 수 없으므로 "
        "어느 에포크에서나 틀린 행이 남습니다. 한 행을 고치면 다른 행이 틀려서 가중치가 끝없이 맴돕니다. 그래서 XOR에는 "
        "은닉층이 필요합니다(아래 참고).",
    ),
    "perceptron.learn.not_yet": (
        "Not converged within {epochs} epochs. This gate can be learned: allow more epochs or use a larger learning rate.",
        "{epochs} 에포크 안에 수렴하지 못했습니다. 이 게이트는 학습할 수 있으니 최대 에포크를 늘리거나 학습률을 키워 보세요.",
    ),
    "perceptron.learn.axis_update": ("update", "업데이트"),
    "perceptron.learn.axis_value": ("value", "값"),
    "perceptron.learn.weights_title": ("w1, w2 and θ through the updates", "업데이트에 따른 w1, w2, θ"),
    "perceptron.learn.apply": ("Use these weights above", "이 가중치를 위에 적용"),
    "perceptron.learn.apply_help": (
        "Copy the weights shown here to the sliders at the top.",
        "지금 보이는 가중치를 맨 위 슬라이더에 복사합니다.",
    ),
    "perceptron.learn.out_of_range": (
        "These weights are outside the sliders' range (−1.5 to 1.5).",
        "이 가중치는 슬라이더 범위(−1.5 ~ 1.5)를 벗어납니다.",
    ),
    # XOR with two layers
    "perceptron.xor.header": ("XOR with two layers", "2층으로 만드는 XOR"),
    "perceptron.xor.intro": (
        "One line cannot separate XOR, but two lines can. A hidden layer of two perceptrons computes s1 = NAND(x1, x2) "
        "and s2 = OR(x1, x2); an output perceptron computes y = AND(s1, s2). Edit any weight and watch the diagram, "
        "the lines, the shaded region and the table follow.",
        "직선 하나로는 XOR을 나눌 수 없지만 직선 두 개면 됩니다. 은닉층의 퍼셉트론 두 개가 s1 = NAND(x1, x2)와 "
        "s2 = OR(x1, x2)를 계산하고, 출력층의 퍼셉트론이 y = AND(s1, s2)를 계산합니다. 가중치를 바꾸면 그림, 직선, "
        "색칠된 영역, 진리표가 함께 바뀝니다.",
    ),
    "perceptron.xor.weights_header": ("Weights of the three neurons", "세 뉴런의 가중치"),
    "perceptron.xor.neuron_ok": ("✓ is {a_gate}", "✓ {a_gate}입니다"),
    "perceptron.xor.neuron_not": ("✗ not {a_gate}", "✗ {a_gate}가 아닙니다"),
    "perceptron.xor.reset": ("Textbook weights", "교과서 값으로 되돌리기"),
    "perceptron.xor.layer_input": ("input layer", "입력층"),
    "perceptron.xor.layer_hidden": ("hidden layer", "은닉층"),
    "perceptron.xor.layer_output": ("output layer", "출력층"),
    "perceptron.xor.table_header": ("Truth table of the network", "신경망의 진리표"),
    "perceptron.xor.verdict_ok": ("This two-layer network computes XOR.", "이 2층 신경망은 XOR을 계산합니다."),
    "perceptron.xor.verdict_wrong": (
        "Not XOR: {count} of 4 rows are wrong: {rows}.",
        "XOR이 아닙니다. 4행 중 {count}행이 틀렸습니다: {rows}.",
    ),
    "perceptron.xor.table_caption": (
        "s1 and s2 are the hidden outputs; the output neuron sees only them, not x1 and x2.",
        "s1, s2는 은닉층의 출력입니다. 출력 뉴런은 x1, x2가 아니라 s1, s2만 봅니다.",
    ),
    "perceptron.xor.line_nand": ("NAND line (s1)", "NAND 직선 (s1)"),
    "perceptron.xor.line_or": ("OR line (s2)", "OR 직선 (s2)"),
    "perceptron.xor.region": ("network output 1", "신경망 출력 1 영역"),
    "perceptron.xor.plot_caption": (
        "Each hidden neuron draws one line. The AND neuron outputs 1 only where s1 = 1 and s2 = 1: the band between "
        "the two lines, which holds exactly (0, 1) and (1, 0).",
        "은닉 뉴런은 각각 직선 하나를 긋습니다. AND 뉴런은 s1 = 1이고 s2 = 1인 곳, 즉 두 직선 사이의 띠에서만 1을 "
        "출력하며, 그 띠에는 (0, 1)과 (1, 0)만 들어 있습니다.",
    ),
    # errors raised by playground.perceptron
    "perceptron.error.not_a_number": (
        "{name} must be a number, not '{value}'.",
        "{name}은(는) 숫자여야 합니다. '{value}'은(는) 숫자가 아닙니다.",
    ),
    "perceptron.error.unknown_gate": (
        "Unknown gate '{gate}'; choose one of {gates}.",
        "'{gate}'은(는) 알 수 없는 게이트입니다. {gates} 중에서 고르세요.",
    ),
    "perceptron.error.learning_rate": (
        "The learning rate must be a positive number, not '{value}'.",
        "학습률은 0보다 큰 수여야 합니다. '{value}'은(는) 사용할 수 없습니다.",
    ),
    "perceptron.error.max_epochs": (
        "The number of epochs must be a whole number from 1 to {limit}, not '{value}'.",
        "에포크 수는 1부터 {limit} 사이의 정수여야 합니다. '{value}'은(는) 사용할 수 없습니다.",
    ),
}

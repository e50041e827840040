"""Strings for the Activation functions page and playground.activations (prefix "activations.")."""

STRINGS = {
    "activations.title": ("Activation functions", "활성화 함수"),
    "activations.intro": (
        "A neuron adds up its weighted inputs and a bias, then passes that sum through an **activation function**. "
        "Compare the common ones and their derivatives, see what one neuron computes over a plane, and why the "
        "derivative decides whether a network can learn.",
        "뉴런은 입력에 가중치를 곱해 더하고 편향을 더한 뒤, 그 합을 **활성화 함수**에 통과시킵니다. "
        "자주 쓰는 활성화 함수와 도함수를 비교하고, 뉴런 하나가 평면 위에서 무엇을 계산하는지 보고, "
        "왜 도함수가 신경망의 학습 여부를 결정하는지 알아봅니다.",
    ),
    # ---- names and "when is it used" (keys used by playground.activations)
    "activations.name.step": ("Step", "계단 함수"),
    "activations.name.sigmoid": ("Sigmoid", "시그모이드"),
    "activations.name.tanh": ("tanh", "tanh (하이퍼볼릭 탄젠트)"),
    "activations.name.relu": ("ReLU", "ReLU"),
    "activations.name.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "activations.name.linear": ("Linear (identity)", "선형 (항등 함수)"),
    "activations.name.gelu": ("GELU", "GELU"),
    "activations.name.silu": ("SiLU (Swish)", "SiLU (Swish)"),
    "activations.name.elu": ("ELU", "ELU"),
    "activations.name.softplus": ("Softplus", "소프트플러스"),
    "activations.use.step": (
        "The original perceptron's all-or-nothing output; good for explaining logic gates, useless for gradient "
        "descent because its slope is zero.",
        "초기 퍼셉트론이 쓰던 0 아니면 1인 출력입니다. 논리 게이트를 설명하기에는 좋지만, 기울기가 0이라 경사 하강법으로는 "
        "학습할 수 없습니다.",
    ),
    "activations.use.sigmoid": (
        "Squashes any number into (0, 1), so it is used on the output of a yes/no classifier as a probability; "
        "in hidden layers its small slope makes deep networks learn slowly.",
        "어떤 수든 0과 1 사이로 눌러 주므로 이진 분류 모델의 출력층에서 확률로 씁니다. 은닉층에 쓰면 기울기가 작아서 "
        "깊은 신경망의 학습이 느려집니다.",
    ),
    "activations.use.tanh": (
        "Like sigmoid but centred on 0 with outputs in (-1, 1) and a slope of up to 1; common in recurrent "
        "networks and small hidden layers.",
        "시그모이드와 모양이 비슷하지만 0을 중심으로 -1과 1 사이의 값을 내고 기울기가 최대 1입니다. 순환 신경망이나 "
        "작은 은닉층에서 자주 씁니다.",
    ),
    "activations.use.relu": (
        "The default for hidden layers of dense and convolutional networks: cheap, and its slope is 1 wherever it "
        "is active, so gradients pass through deep stacks.",
        "완전 연결 신경망과 합성곱 신경망의 은닉층에서 기본으로 쓰는 함수입니다. 계산이 간단하고, 활성화된 곳에서는 "
        "기울기가 1이라 층을 깊게 쌓아도 기울기가 잘 전달됩니다.",
    ),
    "activations.use.leaky_relu": (
        "ReLU with a small slope (0.01) for negative inputs, so a neuron that only receives negative sums still "
        "gets a gradient and does not 'die'.",
        "음수 입력에도 작은 기울기(0.01)를 주는 ReLU입니다. 음수 합만 받는 뉴런도 기울기를 받으므로 뉴런이 '죽지' "
        "않습니다.",
    ),
    "activations.use.linear": (
        "No activation at all: used on the output of a regression model (predicting a number). Stacking linear "
        "layers alone gives just another linear function.",
        "활성화 함수를 쓰지 않는 것과 같습니다. 수치를 예측하는 회귀 모델의 출력층에 씁니다. 선형 층만 여러 개 쌓으면 "
        "결국 하나의 선형 함수와 같습니다.",
    ),
    "activations.use.gelu": (
        "A smooth ReLU that weights each input by how likely it is to be positive; the standard choice in "
        "Transformers such as BERT and GPT.",
        "입력이 양수일 확률만큼 입력을 통과시키는 매끄러운 ReLU입니다. BERT, GPT 같은 트랜스포머 모델에서 표준으로 "
        "씁니다.",
    ),
    "activations.use.silu": (
        "z times sigmoid(z): smooth and slightly negative below 0; found by an automated search and used in "
        "modern image models such as EfficientNet.",
        "z에 시그모이드(z)를 곱한 함수로, 매끄럽고 0보다 작은 곳에서 살짝 음수가 됩니다. 자동 탐색으로 찾아낸 함수로 "
        "EfficientNet 같은 최신 이미지 모델에서 씁니다.",
    ),
    "activations.use.elu": (
        "Identity for positive inputs and a smooth curve down to -1 for negative ones, which keeps average outputs "
        "near 0 and can speed up learning.",
        "양수 입력은 그대로 내보내고 음수 입력은 -1까지 매끄럽게 내려가는 곡선입니다. 출력의 평균을 0 가까이 유지해 "
        "학습을 빠르게 할 수 있습니다.",
    ),
    "activations.use.softplus": (
        "A smooth version of ReLU whose derivative is exactly the sigmoid; used where an output must stay "
        "positive, such as a standard deviation.",
        "ReLU를 매끄럽게 만든 함수로, 도함수가 바로 시그모이드입니다. 표준편차처럼 항상 양수여야 하는 출력에 씁니다.",
    ),
    # ---- errors (playground.activations)
    "activations.error.unknown": (
        "There is no activation function called '{name}'; choose one of: {choices}.",
        "'{name}'(이)라는 활성화 함수는 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "activations.error.not_numbers": (
        "The input '{value}' is not a number or a list of numbers.",
        "입력 '{value}'은(는) 숫자나 숫자 목록이 아닙니다.",
    ),
    "activations.error.empty_range": (
        "The z range from {low} to {high} is empty: the left end must be smaller than the right end.",
        "z 범위 {low} ~ {high}가 비어 있습니다. 왼쪽 끝이 오른쪽 끝보다 작아야 합니다.",
    ),
    "activations.error.layers": (
        "The number of layers must be 0 or more, not {value}.",
        "층 수는 0 이상이어야 합니다. 지금 값: {value}.",
    ),
    # ---- comparing functions
    "activations.compare.header": ("Compare activation functions", "활성화 함수 비교하기"),
    "activations.compare.explain": (
        "Solid lines are the functions; the dashed line in the same colour is each one's **derivative** (its "
        "slope), which gradient descent follows when it learns. Hover over the chart to read every value at one z.",
        "실선은 함수이고, 같은 색의 점선은 그 함수의 **도함수**(기울기)입니다. 경사 하강법은 학습할 때 이 기울기를 "
        "따라갑니다. 그래프 위에 마우스를 올리면 같은 z에서의 값을 모두 읽을 수 있습니다.",
    ),
    "activations.compare.pick": ("Functions to compare", "비교할 함수"),
    "activations.compare.pick_help": (
        "Pick one or more activation functions to draw on the same chart.",
        "같은 그래프에 그릴 활성화 함수를 하나 이상 고르세요.",
    ),
    "activations.compare.show_fn": ("Show functions", "함수 보기"),
    "activations.compare.show_deriv": ("Show derivatives", "도함수 보기"),
    "activations.compare.x_range": ("Range of z", "z의 범위"),
    "activations.compare.x_range_help": (
        "The inputs z shown on the horizontal axis.",
        "가로축에 보여 줄 입력 z의 범위입니다.",
    ),
    "activations.compare.none": (
        "Pick at least one activation function above to draw it.",
        "위에서 활성화 함수를 하나 이상 고르면 그래프가 그려집니다.",
    ),
    "activations.compare.nothing_shown": (
        "Both the functions and the derivatives are hidden: switch one of them on.",
        "함수와 도함수가 모두 숨겨져 있습니다. 둘 중 하나를 켜 주세요.",
    ),
    "activations.compare.details": ("Formulas and uses", "수식과 쓰임새"),
    "activations.facts": (
        "Output range: ${range}$ · steepest slope: {slope}",
        "출력 범위: ${range}$ · 가장 큰 기울기: {slope}",
    ),
    "activations.chart.x": ("input z", "입력 z"),
    "activations.chart.y": ("value", "값"),
    "activations.chart.derivative": ("{name}′ (derivative)", "{name}′ (도함수)"),
    # ---- one neuron with two inputs
    "activations.neuron.header": ("One neuron with two inputs", "입력이 두 개인 뉴런 하나"),
    "activations.neuron.explain": (
        "The neuron computes the net input z = w₁·x₁ + w₂·x₂ + b and passes it through the activation function. "
        "The heatmap shows the output at every point (x₁, x₂) of the plane; the dashed line is where z = 0.",
        "뉴런은 순입력 z = w₁·x₁ + w₂·x₂ + b를 계산한 뒤 활성화 함수에 통과시킵니다. 히트맵은 평면의 모든 점 "
        "(x₁, x₂)에서의 출력을 보여 주고, 점선은 z = 0인 곳입니다.",
    ),
    "activations.neuron.activation": ("Activation function", "활성화 함수"),
    "activations.neuron.w1": ("Weight w₁", "가중치 w₁"),
    "activations.neuron.w2": ("Weight w₂", "가중치 w₂"),
    "activations.neuron.b": ("Bias b", "편향 b"),
    "activations.neuron.point": ("Input point", "입력 점"),
    "activations.neuron.x1": ("Input x₁", "입력 x₁"),
    "activations.neuron.x2": ("Input x₂", "입력 x₂"),
    "activations.neuron.net": ("Net input z", "순입력 z"),
    "activations.neuron.output": ("Output f(z)", "출력 f(z)"),
    "activations.neuron.slope": ("Slope f′(z)", "기울기 f′(z)"),
    "activations.neuron.calc": (
        "z = {w1} × {x1} + {w2} × {x2} + {b} = **{z}**, so f(z) = **{y}**.",
        "z = {w1} × {x1} + {w2} × {x2} + {b} = **{z}**, 따라서 f(z) = **{y}**입니다.",
    ),
    "activations.neuron.same_line": (
        "Try several activation functions with the same weights: the dashed line never moves, because the "
        "activation only sees z. What changes is how the output goes across the line: a jump (step), a smooth "
        "ramp (sigmoid, tanh) or a hinge (ReLU). One neuron can only separate the plane with a straight line.",
        "가중치를 그대로 두고 활성화 함수만 바꿔 보세요. 활성화 함수는 z만 보기 때문에 점선은 움직이지 않습니다. 달라지는 "
        "것은 선을 가로지를 때 출력이 변하는 모양입니다. 계단 함수는 뚝 끊기고, 시그모이드와 tanh는 매끄럽게 "
        "올라가며, ReLU는 꺾입니다. 뉴런 하나는 평면을 직선 하나로만 나눌 수 있습니다.",
    ),
    "activations.neuron.no_line": (
        "With w₁ = w₂ = 0 the output does not depend on the inputs: every point gets f(b), and there is no line.",
        "w₁ = w₂ = 0이면 출력이 입력과 상관없이 모든 점에서 f(b)가 되므로 경계선이 없습니다.",
    ),
    "activations.neuron.line_outside": (
        "The line z = 0 lies outside the square shown: the whole square is on one side of it.",
        "z = 0인 직선이 보이는 영역 밖에 있어서, 영역 전체가 직선의 한쪽에 있습니다.",
    ),
    "activations.heatmap.x1": ("x₁", "x₁"),
    "activations.heatmap.x2": ("x₂", "x₂"),
    "activations.heatmap.output": ("output", "출력"),
    "activations.heatmap.line": ("z = 0 (decision line)", "z = 0 (결정 경계)"),
    "activations.heatmap.point": ("chosen point", "선택한 점"),
    # ---- why the derivative matters
    "activations.learning.header": ("Why the derivative decides learning", "도함수가 학습을 결정하는 이유"),
    "activations.step.header": ("The step function cannot be trained by gradient descent", "계단 함수는 경사 하강법으로 학습할 수 없다"),
    "activations.step.body": (
        "Gradient descent moves each weight in proportion to how much the output changes when that weight "
        "changes, and by the chain rule that is f′(z) times the weight's input. The step function is flat "
        "everywhere except at z = 0, where it jumps and has no slope at all, so f′(z) = 0 and every weight gets "
        "a gradient of 0: nothing ever moves. That is why the perceptron needs its own learning rule and why "
        "networks use smooth functions such as sigmoid.",
        "경사 하강법은 가중치를 조금 바꿨을 때 출력이 얼마나 변하는지에 비례해서 가중치를 움직입니다. 연쇄 법칙에 따라 그 "
        "값은 f′(z)에 그 가중치의 입력을 곱한 것입니다. 계단 함수는 z = 0에서 값이 뚝 뛰는 것을 빼면 어디서나 평평하고, "
        "z = 0에서는 기울기를 정의할 수도 없습니다. 그래서 f′(z) = 0이고 모든 가중치의 기울기가 0이 되어 아무것도 "
        "움직이지 않습니다. 퍼셉트론에 별도의 학습 규칙이 필요하고, 신경망이 시그모이드처럼 매끄러운 함수를 쓰는 "
        "이유입니다.",
    ),
    "activations.step.here": (
        "Your neuron above ({name}) at the chosen point: ∂y/∂w₁ = f′(z)·x₁ = **{dw1}**, ∂y/∂w₂ = f′(z)·x₂ = "
        "**{dw2}**, ∂y/∂b = f′(z) = **{db}**.",
        "위의 뉴런({name})의 선택한 점에서: ∂y/∂w₁ = f′(z)·x₁ = **{dw1}**, ∂y/∂w₂ = f′(z)·x₂ = **{dw2}**, "
        "∂y/∂b = f′(z) = **{db}**.",
    ),
    "activations.step.here_zero": (
        "All three are 0: gradient descent has nothing to follow here.",
        "세 값이 모두 0이므로 경사 하강법이 따라갈 방향이 없습니다.",
    ),
    "activations.vanish.header": (
        "Sigmoid's gradient vanishes in deep stacks",
        "시그모이드를 깊게 쌓으면 기울기가 사라진다 (기울기 소실)",
    ),
    "activations.vanish.body": (
        "Backpropagation multiplies one derivative per layer on its way back to the first layer. Sigmoid's "
        "derivative is at most 0.25 (at z = 0), so after n sigmoid layers the gradient is at most 0.25ⁿ: it "
        "shrinks four times per layer and the first layers almost stop learning. ReLU's slope is 1 wherever it is "
        "active, one reason deep networks use it.",
        "역전파는 첫 번째 층까지 거슬러 가면서 층마다 도함수를 하나씩 곱합니다. 시그모이드의 도함수는 최대 0.25(z = 0일 "
        "때)이므로, 시그모이드 층을 n개 지나면 기울기는 많아야 0.25ⁿ입니다. 층마다 4분의 1 이하로 줄어들어 앞쪽 층은 "
        "거의 학습하지 못합니다. ReLU는 활성화된 곳에서 기울기가 1이라서 깊은 신경망에서 많이 씁니다.",
    ),
    "activations.vanish.layers": ("Stacked sigmoid layers n", "쌓은 시그모이드 층 수 n"),
    "activations.vanish.bound": ("Upper bound 0.25ⁿ", "상한 0.25ⁿ"),
    "activations.vanish.measured": ("Actual, from z = 0", "실제 값 (z = 0에서 시작)"),
    "activations.vanish.measured_help": (
        "The chain-rule product of sigmoid′ through n sigmoids in a row (weights 1, biases 0), starting at z = 0.",
        "가중치 1, 편향 0인 시그모이드 n개를 차례로 통과할 때 연쇄 법칙으로 곱해지는 시그모이드 도함수의 곱입니다. "
        "z = 0에서 시작합니다.",
    ),
    "activations.vanish.ratio": (
        "After {n} layers, a change at the first layer reaches the output at most 1/{ratio} as strongly.",
        "{n}개 층을 지나면 첫 번째 층의 변화가 출력에 전달되는 크기는 많아야 {ratio}분의 1입니다.",
    ),
    "activations.vanish.x": ("stacked layers n", "쌓은 층 수 n"),
    "activations.vanish.y": ("gradient factor (log scale)", "기울기 배율 (로그 눈금)"),
    "activations.vanish.bound_line": ("sigmoid: at most 0.25ⁿ", "시그모이드: 최대 0.25ⁿ"),
    "activations.vanish.measured_line": ("sigmoid chain from z = 0", "z = 0에서 시작한 시그모이드 연쇄"),
    "activations.vanish.relu_line": ("ReLU, active path: 1", "ReLU, 활성화된 경로: 1"),
}

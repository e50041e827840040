"""Strings for the Softmax and cross-entropy page and playground.softmax (prefix "softmax.")."""

STRINGS = {
    "softmax.title": ("Softmax and cross-entropy", "소프트맥스와 교차 엔트로피"),
    "softmax.intro": (
        "A classifier's last layer gives one raw score, a **logit**, per class. **Softmax** turns the scores into "
        "probabilities that add up to 1, and **cross-entropy** measures how far they are from the right answer. "
        "Move the scores and watch both, with every number written out.",
        "분류 모델의 마지막 층은 클래스마다 가공되지 않은 점수인 **로짓**(logit)을 하나씩 내놓습니다. "
        "**소프트맥스**는 이 점수들을 합이 1인 확률로 바꾸고, **교차 엔트로피**는 그 확률이 정답에서 얼마나 먼지 잽니다. "
        "점수를 움직이며 두 값이 어떻게 변하는지 모든 숫자와 함께 확인해 보세요.",
    ),
    # ---- presets
    "softmax.presets": (
        "Start from an example: the two probability vectors compared below, a confident, a confused and a "
        "confidently wrong classifier",
        "예제로 시작하기: 아래에서 비교하는 두 확률 벡터, 확신하는 분류기, 헷갈리는 분류기, 확신하지만 틀린 분류기",
    ),
    "softmax.preset.notes_unsure": ("[0.4, 0.3, 0.2, 0.1]", "[0.4, 0.3, 0.2, 0.1]"),
    "softmax.preset.notes_sure": ("[0.7, 0.1, 0.1, 0.1]", "[0.7, 0.1, 0.1, 0.1]"),
    "softmax.preset.confident": ("A confident classifier", "확신하는 분류기"),
    "softmax.preset.confused": ("A confused classifier", "헷갈리는 분류기"),
    "softmax.preset.confidently_wrong": ("Confidently wrong", "자신만만한 오답"),
    "softmax.preset_help": (
        "Sets the number of classes, every logit and the true class.",
        "클래스 수, 모든 로짓, 정답 클래스를 한 번에 설정합니다.",
    ),
    # ---- controls
    "softmax.classes": ("Number of classes", "클래스 수"),
    "softmax.classes_help": ("How many outputs the classifier has (2 to 10).", "분류 모델의 출력 개수입니다(2~10)."),
    "softmax.true_class": ("True class y", "정답 클래스 y"),
    "softmax.true_class_help": (
        "The right answer for this example: its one-hot target is 1 for this class and 0 for the others.",
        "이 예제의 정답입니다. 원-핫 타깃은 이 클래스만 1이고 나머지는 0입니다.",
    ),
    "softmax.temperature": ("Temperature T", "온도 T"),
    "softmax.temperature_help": (
        "Every logit is divided by T before softmax. T = 1 is the ordinary softmax used in training.",
        "소프트맥스 전에 모든 로짓을 T로 나눕니다. 학습에서 쓰는 보통의 소프트맥스는 T = 1입니다.",
    ),
    "softmax.logits": ("Logits (the last layer's raw scores)", "로짓 (마지막 층의 점수)"),
    "softmax.logit": ("z{sub} (class {i})", "z{sub} (클래스 {i})"),
    "softmax.bad_true_class": (
        "The link asks for true class {value}, but there are only {count} classes (0 to {high}); using class {high}.",
        "링크의 정답 클래스 {value}은(는) 없습니다. 클래스는 {count}개(0~{high})이므로 클래스 {high}을(를) 사용합니다.",
    ),
    # ---- result
    "softmax.bars.axis": ("probability", "확률"),
    "softmax.bars.probability": ("softmax probability", "소프트맥스 확률"),
    "softmax.bars.target": ("one-hot target", "원-핫 타깃"),
    "softmax.bars.compare": ("softmax of z + c", "z + c의 소프트맥스"),
    "softmax.metric.predicted": ("Predicted class", "예측 클래스"),
    "softmax.metric.p_true": ("p of the true class", "정답 클래스의 확률"),
    "softmax.metric.ce": ("Cross-entropy −ln p_y", "교차 엔트로피 −ln p_y"),
    "softmax.metric.se": ("Squared error Σ(pᵢ − tᵢ)²", "제곱 오차 Σ(pᵢ − tᵢ)²"),
    "softmax.sum_check": (
        "The probabilities add up to {total}. The highest, {best}, decides the prediction. The one-hot target "
        "(the outlined bar) is 1 for the true class and 0 for the others; cross-entropy only looks at the true "
        "class's probability.",
        "확률을 모두 더하면 {total}입니다. 가장 큰 확률 {best}이(가) 예측을 정합니다. 원-핫 타깃(테두리 막대)은 "
        "정답 클래스만 1이고 나머지는 0이며, 교차 엔트로피는 정답 클래스의 확률만 봅니다.",
    ),
    "softmax.right": ("The prediction is right.", "예측이 맞았습니다."),
    "softmax.wrong": (
        "The prediction is wrong: the network favours class {predicted}, the answer is class {y}.",
        "예측이 틀렸습니다. 신경망은 클래스 {predicted}을(를) 골랐지만 정답은 클래스 {y}입니다.",
    ),
    "softmax.formula.header": ("The formula with these numbers", "이 숫자들을 넣은 수식"),
    "softmax.formula.caption": (
        "Each exponential is positive, so every probability is between 0 and 1, and dividing by their sum makes them "
        "add up to 1. A larger logit always gets a larger share.",
        "지수 함수의 값은 항상 양수이므로 모든 확률은 0과 1 사이에 있고, 그 합으로 나누기 때문에 확률의 합은 1이 됩니다. "
        "로짓이 클수록 언제나 더 큰 몫을 받습니다.",
    ),
    "softmax.table.class": ("class i", "클래스 i"),
    "softmax.table.z": ("logit zᵢ", "로짓 zᵢ"),
    "softmax.table.scaled": ("zᵢ / T", "zᵢ / T"),
    "softmax.table.exp": ("exp(zᵢ / T)", "exp(zᵢ / T)"),
    "softmax.table.p": ("pᵢ", "pᵢ"),
    "softmax.table.target": ("target tᵢ", "타깃 tᵢ"),
    "softmax.table.loss": ("−ln pᵢ: the loss if i were the answer", "−ln pᵢ: i가 정답일 때의 손실"),
    "softmax.table.caption": (
        "The last column is the cross-entropy for every choice of true class: small for a class the network "
        "favours, large for one it gives little probability to. The true class's row is the loss of this example.",
        "마지막 열은 정답 클래스를 하나씩 바꿔 가며 계산한 교차 엔트로피입니다. 신경망이 높게 본 클래스는 작고, "
        "확률을 적게 준 클래스는 큽니다. 정답 클래스의 행이 이 예제의 손실입니다.",
    ),
    "softmax.temperature.effect": (
        "At T = {t} the largest probability is {here}; at T = 1 it would be {one}. A temperature below 1 sharpens "
        "the vector towards the largest logit, above 1 it flattens it towards equal shares. The order of the "
        "classes never changes.",
        "T = {t}에서 가장 큰 확률은 {here}이고, T = 1이라면 {one}입니다. 온도가 1보다 작으면 가장 큰 로짓 쪽으로 "
        "뾰족해지고, 1보다 크면 고르게 평평해집니다. 클래스의 순위는 바뀌지 않습니다.",
    ),
    # ---- the notes' two vectors
    "softmax.notes.header": ("Same answer, different confidence", "같은 답, 다른 확신"),
    "softmax.notes.body": (
        "Two probability vectors both pick class 0: **[0.4, 0.3, 0.2, 0.1]** and **[0.7, 0.1, 0.1, 0.1]**. "
        "Accuracy counts both as right. Cross-entropy tells them apart: −ln 0.4 = **{unsure}** against "
        "−ln 0.7 = **{sure}**, so training keeps pushing the first network towards the answer. A class that gets "
        "0.7 can also be trusted more than one that wins with 0.4: the size of the winning probability says how "
        "sure the network is.",
        "두 확률 벡터 [0.4, 0.3, 0.2, 0.1]과 [0.7, 0.1, 0.1, 0.1]은 모두 클래스 0을 고릅니다. "
        "정확도로 보면 둘 다 정답입니다. 교차 엔트로피는 둘을 구별합니다. −ln 0.4 = **{unsure}**, −ln 0.7 = "
        "**{sure}**이므로 학습은 첫 번째 신경망을 정답 쪽으로 계속 밀어 줍니다. 0.7로 1등한 결과는 0.4로 1등한 "
        "결과보다 더 믿을 만합니다. 1등 확률의 크기가 신경망이 얼마나 확신하는지를 알려 줍니다.",
    ),
    "softmax.notes.logits": (
        "As logits these vectors are ln p (any constant may be added): [{unsure_z}] and [{sure_z}]. Load them "
        "with the example buttons above.",
        "이 벡터를 로짓으로 쓰면 ln p입니다(어떤 상수를 더해도 됩니다): [{unsure_z}], [{sure_z}]. "
        "위의 예제 버튼으로 불러올 수 있습니다.",
    ),
    # ---- adding a constant
    "softmax.shift.header": ("Adding the same number to every logit changes nothing", "모든 로짓에 같은 수를 더해도 그대로입니다"),
    "softmax.shift.body": (
        "exp(zᵢ + c) = exp(zᵢ)·exp(c): the same factor exp(c) appears in every term of the numerator and the "
        "denominator, and cancels. Move c: the diamonds (the softmax of z + c) stay on the bars. This is why only "
        "the **differences** between logits matter, and why every framework subtracts the largest logit before "
        "taking exponentials: exp(1000) is too big for a computer's numbers, exp(0) is not.",
        "exp(zᵢ + c) = exp(zᵢ)·exp(c)이므로 분자와 분모의 모든 항에 같은 배수 exp(c)가 붙어 약분됩니다. "
        "c를 움직여 보세요. 다이아몬드(z + c의 소프트맥스)가 막대 위에 그대로 있습니다. 그래서 로짓은 서로의 "
        "**차이**만 중요하고, 모든 프레임워크는 지수를 계산하기 전에 가장 큰 로짓을 뺍니다. exp(1000)은 컴퓨터의 수로 "
        "나타낼 수 없지만 exp(0)은 문제없습니다.",
    ),
    "softmax.shift.constant": ("Constant c added to every logit", "모든 로짓에 더할 상수 c"),
    "softmax.shift.exps": (
        "With c = {c} the exponentials are [{exps}]: {factor} times the ones above, every one of them.",
        "c = {c}일 때 지수 값은 [{exps}]로, 모두 위의 값의 {factor}배입니다.",
    ),
    "softmax.shift.difference": ("Largest change in any probability", "확률의 가장 큰 변화"),
    # ---- cross-entropy vs squared error
    "softmax.why.header": ("Why cross-entropy and not squared error?", "왜 제곱 오차가 아니라 교차 엔트로피일까요?"),
    "softmax.why.body": (
        "Both losses are 0 when p_y = 1. The difference is the slope, which is what gradient descent follows. "
        "Cross-entropy's slope −1/p_y grows without limit as the true class's probability falls, so a network that "
        "is confidently wrong gets the strongest correction. Squared error's slope is never steeper than −2; "
        "through softmax it even fades to 0 as p_y approaches 0, so a very wrong network barely learns.",
        "두 손실 모두 p_y = 1이면 0입니다. 차이는 경사 하강법이 따라가는 기울기에 있습니다. 교차 엔트로피의 기울기 "
        "−1/p_y는 정답 클래스의 확률이 작아질수록 한없이 커지므로, 확신하면서 틀린 신경망이 가장 크게 고쳐집니다. "
        "제곱 오차의 기울기는 −2보다 가파르지 않고, 소프트맥스를 거치면 p_y가 0에 가까워질수록 오히려 0으로 줄어들어 "
        "많이 틀린 신경망이 거의 배우지 못합니다.",
    ),
    "softmax.why.wrt": ("Slope with respect to", "기울기의 기준"),
    "softmax.why.wrt.p": ("the probability p_y", "확률 p_y"),
    "softmax.why.wrt.z": ("the logit z_y (through softmax)", "로짓 z_y (소프트맥스를 거쳐)"),
    "softmax.why.here": (
        "Here p_y = {p}: cross-entropy {ce} with slope {ce_grad}; squared error term {se} with slope {se_grad}.",
        "지금 p_y = {p}: 교차 엔트로피 {ce}, 기울기 {ce_grad} / 제곱 오차 항 {se}, 기울기 {se_grad}.",
    ),
    "softmax.why.caption": (
        "Squared error is drawn for the true class's term (1 − p_y)². Through softmax the slopes are p_y − 1 "
        "(cross-entropy) and −2·p_y·(1 − p_y)² (squared error).",
        "제곱 오차는 정답 클래스의 항 (1 − p_y)²로 그렸습니다. 소프트맥스를 거친 기울기는 교차 엔트로피가 p_y − 1, "
        "제곱 오차가 −2·p_y·(1 − p_y)²입니다.",
    ),
    "softmax.chart.x": ("probability of the true class p_y", "정답 클래스의 확률 p_y"),
    "softmax.chart.y": ("loss / slope", "손실 / 기울기"),
    "softmax.chart.ce": ("cross-entropy −ln p_y", "교차 엔트로피 −ln p_y"),
    "softmax.chart.se": ("squared error (1 − p_y)²", "제곱 오차 (1 − p_y)²"),
    "softmax.chart.ce_grad": ("slope of cross-entropy", "교차 엔트로피의 기울기"),
    "softmax.chart.se_grad": ("slope of squared error", "제곱 오차의 기울기"),
    "softmax.chart.here": ("this example", "지금 예제"),
    # ---- where backpropagation starts, and the real network
    "softmax.gradient.header": ("Where learning starts", "학습이 시작되는 곳"),
    "softmax.gradient.body": (
        "With softmax and cross-entropy together, the slope of the loss for each logit is simply pᵢ − tᵢ (divided "
        "by T): here [{grad}]. The true class's logit is pushed up, every other one down, each in proportion to "
        "its probability. Backpropagation carries these numbers back through the network to every weight.",
        "소프트맥스와 교차 엔트로피를 함께 쓰면 각 로짓에 대한 손실의 기울기는 간단히 pᵢ − tᵢ(를 T로 나눈 값)입니다. "
        "지금은 [{grad}]입니다. 정답 클래스의 로짓은 올라가고, 나머지는 각자의 확률만큼 내려갑니다. 역전파는 이 "
        "숫자들을 신경망 뒤쪽으로 전달해 모든 가중치에 닿게 합니다.",
    ),
    "softmax.mnist_link": ("See it on a real network: the MNIST page", "실제 신경망에서 보기: MNIST 페이지"),
    "softmax.mnist_link_help": (
        "Train a digit classifier there; its Test digits tab shows the softmax probabilities of the ten classes "
        "for each test image.",
        "그곳에서 숫자 분류 모델을 학습하면, 테스트 숫자 탭에서 테스트 이미지마다 열 개 클래스의 소프트맥스 확률을 볼 수 "
        "있습니다.",
    ),
    "softmax.mnist_caption": (
        "On the MNIST page, train a network, then open the test digits: the bars there are this softmax, over the "
        "ten digits.",
        "MNIST 페이지에서 신경망을 학습한 뒤 테스트 숫자를 열어 보세요. 그곳의 막대가 바로 열 개 숫자에 대한 이 "
        "소프트맥스입니다.",
    ),
    # ---- errors (playground.softmax)
    "softmax.error.not_numbers": ("The logits '{value}' are not numbers.", "로짓 '{value}'은(는) 숫자가 아닙니다."),
    "softmax.error.classes": (
        "Softmax here takes {low} to {high} classes, not {count}.",
        "여기서 소프트맥스는 클래스 {low}~{high}개를 받습니다. {count}개는 안 됩니다.",
    ),
    "softmax.error.not_finite": (
        "Every logit must be a finite number (not infinity or NaN).",
        "모든 로짓은 유한한 수여야 합니다(무한대나 NaN은 안 됩니다).",
    ),
    "softmax.error.temperature": (
        "The temperature must be between {low} and {high}, not {value}.",
        "온도는 {low}와 {high} 사이여야 합니다. 지금 값: {value}.",
    ),
    "softmax.error.true_class": (
        "The true class must be one of the classes 0 to {high}, not {value}.",
        "정답 클래스는 0부터 {high} 사이의 클래스여야 합니다. 지금 값: {value}.",
    ),
    "softmax.error.probability": (
        "A probability here must be above 0 and at most 1, not {value}.",
        "여기서 확률은 0보다 크고 1 이하여야 합니다. 지금 값: {value}.",
    ),
}

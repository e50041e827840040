"""Strings for the Classic machine learning vs deep learning page and playground.compare (prefix "classic.")."""

STRINGS = {
    "classic.title": ("Classic ML vs deep learning", "머신러닝과 딥러닝 비교"),
    "classic.intro": (
        "Seven classic machine-learning models and one neural network learn the same toy data. Compare their "
        "decision boundaries, their accuracy on data they never saw, and how long each took to fit.",
        "고전적인 머신러닝 모델 일곱 개와 신경망 하나가 같은 장난감 데이터를 학습합니다. 결정 경계, 처음 보는 "
        "데이터에 대한 정확도, 학습에 걸린 시간을 나란히 비교해 보세요.",
    ),
    # ---- data and settings
    "classic.data.header": ("The data and the network", "데이터와 신경망"),
    "classic.dataset": ("Data set", "데이터 세트"),
    "classic.dataset.circle": ("Circle", "원"),
    "classic.dataset.xor": ("Exclusive or (XOR)", "배타적 논리합 (XOR)"),
    "classic.dataset.gaussians": ("Two gaussians", "두 가우스 분포"),
    "classic.dataset.spiral": ("Spiral", "나선"),
    "classic.dataset.moons": ("Two moons", "두 개의 반달"),
    "classic.dataset.blobs": ("Blobs (3–5 classes)", "덩어리 3–5개"),
    "classic.dataset.spirals": ("Spirals (3–5 classes)", "나선 3–5개"),
    "classic.noise": ("Noise (%)", "잡음 (%)"),
    "classic.noise_help": (
        "How far points stray from their class's region: more noise, more overlap, lower accuracy for every model.",
        "점이 자기 클래스 영역에서 얼마나 벗어나는지 정합니다. 잡음이 클수록 클래스가 겹쳐서 모든 모델의 정확도가 떨어집니다.",
    ),
    "classic.points": ("Points", "점의 수"),
    "classic.points_help": (
        "Half of them train, half test. Every model learns from the same half of the points and is scored on the other half, which it never saw.",
        "절반은 훈련, 절반은 테스트에 씁니다. 모든 모델이 같은 절반으로 학습하고, 한 번도 보지 못한 나머지 절반으로 평가받습니다.",
    ),
    "classic.classes": ("Classes", "클래스 수"),
    "classic.network": ("Network's hidden layers", "신경망의 은닉층"),
    "classic.network_help": (
        "Hidden layers of the network (tanh), trained with Adam on cross-entropy.",
        "신경망의 은닉층(tanh)입니다. 교차 엔트로피 손실을 Adam으로 최소화합니다.",
    ),
    "classic.net.small": ("8 neurons", "뉴런 8개"),
    "classic.net.medium": ("16 + 16 neurons", "뉴런 16 + 16개"),
    "classic.net.large": ("32 + 32 + 32 neurons", "뉴런 32 + 32 + 32개"),
    "classic.steps": ("Training steps", "학습 단계 수"),
    "classic.steps_help": (
        "Mini-batches of 32 points the network learns from. More steps, a better fit and a longer training time.",
        "신경망이 학습하는 미니배치(32개씩)의 수입니다. 단계가 많을수록 더 잘 맞추지만 학습 시간이 길어집니다.",
    ),
    "classic.new_data": ("New points", "새 데이터"),
    "classic.new_data_help": ("Draw a new set of points from the same distribution.", "같은 분포에서 점을 새로 뽑습니다."),
    "classic.fitting_one": ("Fitting…", "학습하는 중…"),
    "classic.fitting": ("Fitting eight models…", "모델 여덟 개를 학습하는 중…"),
    # ---- the comparison
    "classic.models.header": ("Eight models, one data set", "모델 여덟 개, 데이터 하나"),
    "classic.models.explain": (
        "Each map shows which class a model predicts at every point of the plane, paler where it is unsure, with the "
        "boundary between classes as a dark line. Points outlined in white are the training data, points outlined in "
        "black the test data. Under each map: accuracy on the training data, accuracy on the test data, and the time the "
        "fit took on this computer.",
        "각 지도는 평면의 모든 위치에서 모델이 예측하는 클래스를 색으로 보여 주며, 확신이 없을수록 옅게 칠해집니다. "
        "어두운 선은 클래스 사이의 결정 경계입니다. 흰 테두리 점은 훈련 데이터, 검은 테두리 점은 테스트 데이터입니다. "
        "지도 아래에는 훈련 정확도, 테스트 정확도, 이 컴퓨터에서 학습에 걸린 시간이 나옵니다.",
    ),
    "classic.model.logistic": ("Logistic regression", "로지스틱 회귀"),
    "classic.model.svm_linear": ("SVM, linear kernel", "SVM (선형 커널)"),
    "classic.model.svm_rbf": ("SVM, RBF kernel", "SVM (RBF 커널)"),
    "classic.model.knn": ("k-nearest neighbours (k = 5)", "k-최근접 이웃 (k = 5)"),
    "classic.model.tree": ("Decision tree", "결정 트리"),
    "classic.model.forest": ("Random forest", "랜덤 포레스트"),
    "classic.model.boosting": ("Gradient boosting", "그래디언트 부스팅"),
    "classic.model.network": ("Neural network", "신경망"),
    "classic.about.logistic": (
        "One weighted sum of the inputs through a sigmoid: a single straight boundary.",
        "입력의 가중합 하나를 시그모이드에 통과시킵니다. 결정 경계는 직선 하나입니다.",
    ),
    "classic.about.svm_linear": (
        "The straight line that keeps the widest margin to the nearest points of either class.",
        "양쪽 클래스의 가장 가까운 점들로부터 여백이 가장 넓은 직선을 찾습니다.",
    ),
    "classic.about.logistic.multi": (
        "One weighted sum of the inputs per class through a softmax: straight boundaries between the classes.",
        "클래스마다 입력의 가중합을 하나씩 만들어 소프트맥스에 통과시킵니다. 클래스 사이의 결정 경계는 직선입니다.",
    ),
    "classic.about.svm_linear.multi": (
        "For each pair of classes, the straight line with the widest margin to the nearest points of the two; the "
        "pairs then vote.",
        "클래스 두 개씩 짝을 지어, 두 클래스의 가장 가까운 점들로부터 여백이 가장 넓은 직선을 찾고 짝들이 투표합니다.",
    ),
    "classic.about.svm_rbf": (
        "A kernel measures similarity to the training points, so the boundary can curve around them.",
        "커널로 훈련 점들과의 유사도를 재므로 결정 경계가 점들을 따라 휘어질 수 있습니다.",
    ),
    "classic.about.knn": (
        "No training at all: a point gets the majority class of its 5 nearest training points.",
        "학습 과정이 따로 없습니다. 가장 가까운 훈련 점 5개 중 다수인 클래스를 고릅니다.",
    ),
    "classic.about.tree": (
        "A flowchart of yes/no questions about one input at a time: boundaries made of axis-parallel steps.",
        "한 번에 입력 하나에 대해 예/아니오로 묻는 순서도입니다. 결정 경계가 축에 나란한 계단 모양이 됩니다.",
    ),
    "classic.about.forest": (
        "100 trees, each grown on a random sample of the data, vote; the votes smooth the steps.",
        "데이터를 무작위로 뽑아 각각 학습한 트리 100개가 투표합니다. 투표 덕분에 계단이 부드러워집니다.",
    ),
    "classic.about.boosting": (
        "100 small trees built one after another, each correcting the errors the previous ones left.",
        "작은 트리 100개를 차례로 만들며, 각 트리가 앞선 트리들이 남긴 오차를 바로잡습니다.",
    ),
    "classic.about.network": (
        "Layers of neurons whose weights are learned by gradient descent; the hidden layers build their own features.",
        "경사 하강법으로 가중치를 학습하는 뉴런의 층입니다. 은닉층이 스스로 특성을 만들어 냅니다.",
    ),
    "classic.scores": ("train **{train}** · test **{test}** · {time}", "훈련 **{train}** · 테스트 **{test}** · {time}"),
    "classic.best": (
        "Best on the test data: **{models}** ({acc}). The network took {net_time} to train, {ratio} the median classic "
        "model ({median}).",
        "테스트 데이터에서 가장 좋은 모델: **{models}** ({acc}). 신경망은 학습에 {net_time} 걸렸고, 이는 고전 모델 "
        "중앙값({median})의 {ratio}입니다.",
    ),
    "classic.times": ("{ratio}×", "{ratio}배"),
    "classic.overfit_note": (
        "Models with a large gap between training and test accuracy have memorised noise in the training points "
        "(overfitting): look at the decision tree on noisy data.",
        "훈련 정확도와 테스트 정확도의 차이가 큰 모델은 훈련 데이터의 잡음까지 외운 것입니다(과적합). 잡음이 많은 "
        "데이터에서 결정 트리를 보세요.",
    ),
    # ---- feature engineering
    "classic.features.header": ("Feature engineering: given or learned", "특성 공학: 사람이 만들까, 스스로 배울까"),
    "classic.features.explain": (
        "Logistic regression can only draw a straight line through its inputs. On the circle, no straight line in "
        "(x₁, x₂) separates the inside from the outside. Give it the squares x₁² and x₂² as extra inputs and the "
        "circle x₁² + x₂² = r² becomes a straight cut in the new inputs: an engineer chose the right features. The "
        "network gets only x₁ and x₂ and learns such features in its hidden layer by itself.",
        "로지스틱 회귀는 입력에 대해 직선 하나만 그을 수 있습니다. 원 데이터에서는 (x₁, x₂) 평면의 어떤 직선으로도 "
        "안쪽과 바깥쪽을 나눌 수 없습니다. 그런데 제곱 x₁²와 x₂²를 입력으로 더해 주면 원 x₁² + x₂² = r²이 새 입력에서는 "
        "직선 하나로 나뉩니다. 사람이 알맞은 특성을 골라 준 것입니다. 신경망은 x₁과 x₂만 받고도 은닉층에서 그런 "
        "특성을 스스로 배웁니다.",
    ),
    "classic.features.dataset": ("Data set for this experiment", "이 실험의 데이터 세트"),
    "classic.features.pick": ("Engineered inputs for logistic regression", "로지스틱 회귀에 줄 특성"),
    "classic.features.pick_help": (
        "Try the circle with x₁², x₂²; XOR with x₁·x₂; what does the spiral need?",
        "원에는 x₁², x₂²를, XOR에는 x₁·x₂를 줘 보세요. 나선에는 무엇이 필요할까요?",
    ),
    "classic.features.raw": ("Logistic regression · x₁, x₂", "로지스틱 회귀 · x₁, x₂"),
    "classic.features.engineered": ("Logistic regression · {features}", "로지스틱 회귀 · {features}"),
    "classic.features.network": ("Neural network · x₁, x₂", "신경망 · x₁, x₂"),
    "classic.features.verdict": (
        "Test accuracy: **{raw}** with x₁, x₂ alone, **{engineered}** with the engineered inputs, **{network}** for "
        "the network, which found its own features.",
        "테스트 정확도: x₁, x₂만 쓰면 **{raw}**, 사람이 만든 특성을 더하면 **{engineered}**, 특성을 스스로 찾은 "
        "신경망은 **{network}**.",
    ),
    # ---- data dependence
    "classic.curve.header": ("How much data does each need?", "데이터가 얼마나 필요할까?"),
    "classic.curve.explain": (
        "The lecture notes draw deep learning below classic models on little data and above them on a lot. Measure "
        "it here: both models are trained on {sizes} points of the data set above, {repeats} times each with "
        "different points, and scored on the same {test} test points. The band shows the spread between the draws.",
        "강의 노트는 데이터가 적을 때는 딥러닝이 고전 모델보다 못하고, 데이터가 많아지면 앞선다고 그립니다. 여기서 직접 "
        "재 보세요. 위 데이터 세트에서 {sizes}개의 점으로 두 모델을 학습하되, 크기마다 점을 바꿔 {repeats}번씩 학습하고 "
        "같은 테스트 점 {test}개로 평가합니다. 띠는 반복 사이의 편차를 보여 줍니다.",
    ),
    "classic.curve.model": ("Classic model to compare", "비교할 고전 모델"),
    "classic.curve.measure": ("Measure", "측정하기"),
    "classic.curve.too_often": (
        "This session measured {count} new curves in the last {minutes} minutes, the most a shared server allows: "
        "wait {seconds} seconds, or look again at a curve already measured.",
        "이 세션은 최근 {minutes}분 동안 새 곡선을 {count}개 측정했습니다. 함께 쓰는 서버에서 허용하는 최대치입니다. "
        "{seconds}초 기다리거나 이미 측정한 곡선을 다시 보세요.",
    ),
    "classic.curve.measure_help": (
        "Trains {fits} models; takes a few seconds to a minute depending on the computer.",
        "모델 {fits}개를 학습합니다. 컴퓨터에 따라 몇 초에서 1분 정도 걸립니다.",
    ),
    "classic.curve.progress": ("Training on growing data sets… {percent}", "데이터를 늘려 가며 학습하는 중… {percent}"),
    "classic.curve.prompt": (
        "Press **Measure** to train both models on growing training sets.",
        "**측정하기**를 누르면 훈련 데이터를 늘려 가며 두 모델을 학습합니다.",
    ),
    "classic.curve.reading": (
        "With {small} training points: {classic} {classic_small}, network {network_small}. With {large}: {classic} "
        "{classic_large}, network {network_large}.",
        "훈련 점 {small}개일 때: {classic} {classic_small}, 신경망 {network_small}. {large}개일 때: {classic} "
        "{classic_large}, 신경망 {network_large}.",
    ),
    "classic.curve.verdict.notes": (
        "**What this curve shows:** the notes' picture. From {small} to {large} training points the network gained "
        "{network_gain} points of accuracy and {classic} {classic_gain}: {classic} levelled off early while the network "
        "kept learning from more data, and with {large} points it is {gap} points ahead ({network_large} against "
        "{classic_large}).",
        "**이 곡선이 보여 주는 것:** 강의 노트의 그림 그대로입니다. 훈련 점이 {small}개에서 {large}개로 늘 때 신경망은 "
        "정확도가 {network_gain}%p, {classic}은(는) {classic_gain}%p 올랐습니다. {classic}은(는) 일찍 한계에 닿았고 "
        "신경망은 데이터가 늘수록 더 배워서, {large}개에서 {gap}%p 앞섭니다({network_large} 대 {classic_large}).",
    ),
    "classic.curve.verdict.network_ahead": (
        "**What this curve shows:** the network ends {gap} points ahead with {large} training points ({network_large} "
        "against {classic_large}), but both gained about as much from more data (network {network_gain}, {classic} "
        "{classic_gain} points).",
        "**이 곡선이 보여 주는 것:** 훈련 점 {large}개에서 신경망이 {gap}%p 앞서지만({network_large} 대 "
        "{classic_large}), 데이터가 늘면서 오른 정도는 둘이 비슷합니다(신경망 {network_gain}%p, {classic} "
        "{classic_gain}%p).",
    ),
    "classic.curve.verdict.classic_ahead": (
        "**What this curve shows:** not the notes' picture. {classic} is still {gap} points ahead with {large} "
        "training points ({classic_large} against {network_large}). On simple two-dimensional data a flexible classic "
        "model needs no more data than the network; the notes' claim is about rich data such as images, sound and "
        "text.",
        "**이 곡선이 보여 주는 것:** 강의 노트의 그림과 다릅니다. 훈련 점 {large}개에서도 {classic}이(가) {gap}%p "
        "앞섭니다({classic_large} 대 {network_large}). 단순한 2차원 데이터에서는 유연한 고전 모델도 신경망만큼 적은 "
        "데이터로 충분합니다. 노트의 주장은 이미지, 소리, 텍스트처럼 풍부한 데이터에 대한 것입니다.",
    ),
    "classic.curve.verdict.even": (
        "**What this curve shows:** with {large} training points the two end level ({network_large} and "
        "{classic_large}): on this data the network is no better than {classic}, as the notes say of small, simple "
        "problems.",
        "**이 곡선이 보여 주는 것:** 훈련 점 {large}개에서 두 모델이 비슷합니다({network_large}, {classic_large}). "
        "강의 노트가 작고 단순한 문제에 대해 말하듯, 이 데이터에서는 신경망이 {classic}보다 낫지 않습니다.",
    ),
    "classic.curve.flat": (
        "From {flat_from} points on the network, too, stopped improving: it had learned what this simple data holds. "
        "On rich data such as images it keeps improving far longer.",
        "신경망도 {flat_from}개부터는 더 나아지지 않았습니다. 이 단순한 데이터가 담은 것을 다 배운 것입니다. 이미지처럼 "
        "풍부한 데이터에서는 훨씬 오래 계속 나아집니다.",
    ),
    "classic.chart.size": ("training points (log scale)", "훈련 점의 수 (로그 눈금)"),
    "classic.chart.accuracy": ("test accuracy", "테스트 정확도"),
    "classic.chart.chance": ("guessing", "무작위 추측"),
    "classic.chart.class": ("class", "클래스"),
    "classic.chart.train": ("training data", "훈련 데이터"),
    "classic.chart.test": ("test data", "테스트 데이터"),
    # ---- the notes' comparison
    "classic.summary.header": ("Classic or deep?", "머신러닝이냐 딥러닝이냐"),
    "classic.summary.text": (
        "- **Features.** Classic models work on the inputs they are given, so people design those inputs (feature "
        "engineering, as with x₁² above). A deep network learns its features layer by layer from raw data, which is "
        "why it shines on images, sound and text, where good features are hard to write down.\n"
        "- **Data.** Many parameters need many examples: with little data a network is no better than a simple model, "
        "and it keeps improving longer as data grows.\n"
        "- **Compute.** Training a network means many passes of matrix multiplications (hence GPUs); the classic models "
        "here fit in milliseconds on a laptop.\n"
        "- **Explanations.** A tree's questions or a linear model's weights can be read; a network's millions of "
        "weights cannot easily be.\n"
        "- **Often enough.** On small tables and simple data, a well-chosen classic model is as accurate, faster and "
        "easier to explain. Try the simple model first.",
        "- **특성.** 고전 모델은 주어진 입력만으로 학습하므로 사람이 입력을 설계해야 합니다(위의 x₁²처럼 특성 공학). "
        "딥러닝 신경망은 원시 데이터에서 층마다 특성을 스스로 배웁니다. 그래서 좋은 특성을 글로 적기 어려운 이미지, "
        "소리, 텍스트에서 특히 강합니다.\n"
        "- **데이터.** 매개변수가 많으면 예제도 많이 필요합니다. 데이터가 적을 때 신경망은 단순한 모델보다 나을 것이 "
        "없고, 데이터가 늘어날수록 더 오래 좋아집니다.\n"
        "- **계산.** 신경망 학습은 행렬 곱셈을 수없이 반복하는 일이라 GPU를 씁니다. 여기 나온 고전 모델은 노트북에서도 "
        "수 밀리초 만에 학습됩니다.\n"
        "- **해석.** 트리의 질문이나 선형 모델의 가중치는 읽을 수 있지만, 신경망의 수많은 가중치는 쉽게 해석하기 어렵습니다.\n"
        "- **대개는 충분.** 작은 표 데이터나 단순한 데이터에서는 잘 고른 고전 모델이 정확도도 비슷하고, 더 빠르고, "
        "설명하기도 쉽습니다. 단순한 모델부터 시도해 보세요.",
    ),
    # ---- errors (playground.compare)
    "classic.error.regression": (
        "The data set '{name}' is a regression problem; the comparison needs classes to tell apart.",
        "'{name}' 데이터는 회귀 문제입니다. 비교하려면 구분할 클래스가 있는 분류 데이터가 필요합니다.",
    ),
    "classic.error.empty": (
        "Both the training and the test set need at least one point.",
        "훈련 데이터와 테스트 데이터에 각각 점이 하나 이상 있어야 합니다.",
    ),
    "classic.error.one_class": (
        "The training set holds only one class, so there is nothing to tell apart: use more points.",
        "훈련 데이터에 클래스가 하나뿐이라 구분할 것이 없습니다. 점의 수를 늘려 주세요.",
    ),
    "classic.error.unknown_model": (
        "There is no model called '{name}'; choose one of: {choices}.",
        "'{name}'(이)라는 모델은 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "classic.error.curve_too_big": (
        "The largest training set plus the test set makes {total} points, more than the {limit} a toy data set can have.",
        "가장 큰 훈련 데이터와 테스트 데이터를 합치면 점이 {total}개로, 장난감 데이터의 한도 {limit}개를 넘습니다.",
    ),
    "classic.error.curve_sizes": (
        "The training-set sizes must be at least 2 points each, measured at least once.",
        "훈련 데이터 크기는 각각 2개 이상이어야 하고, 한 번 이상 측정해야 합니다.",
    ),
}

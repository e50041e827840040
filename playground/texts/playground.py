"""Strings of the Playground page (toy data, features, the live network)."""

STRINGS = {
    "playground.title": ("Neural network playground", "신경망 플레이그라운드"),
    "playground.intro": (
        "Pick a data set, choose the input features, build a network with the **+** and **−** buttons and press "
        "**Play**. The big map is the network's decision boundary and every small square shows what one neuron "
        "has learned to respond to; both are redrawn live while it trains.",
        "데이터셋과 입력 특성을 고르고 **+**, **−** 버튼으로 신경망을 만든 다음 **학습 시작**을 누르세요. 큰 그림은 신경망의 "
        "결정 경계이고, 작은 사각형 하나하나는 뉴런 하나가 무엇에 반응하도록 배웠는지 보여 줍니다. 학습하는 동안 둘 다 실시간으로 "
        "다시 그려집니다.",
    ),
    # ---- toolbar
    "playground.play": ("Play", "학습 시작"),
    "playground.pause": ("Pause", "일시정지"),
    "playground.play_help": ("Train continuously; press again to pause.", "계속 학습합니다. 다시 누르면 일시정지합니다."),
    "playground.step": ("Step", "한 단계"),
    "playground.step_help": ("Train exactly one epoch, then pause.", "딱 한 에포크만 학습하고 멈춥니다."),
    "playground.reset": ("Reset", "초기화"),
    "playground.reset_help": (
        "Start again from the same initial weights (same seed).",
        "같은 시드로, 처음과 똑같은 초기 가중치에서 다시 시작합니다.",
    ),
    "playground.new_seed": ("New seed", "새 시드"),
    "playground.new_seed_help": (
        "Start again from different random initial weights (a new seed).",
        "새 시드로 다른 무작위 초기 가중치에서 다시 시작합니다.",
    ),
    "playground.epoch": ("Epoch", "에포크"),
    "playground.per_second": ("examples/s", "예제/초"),
    "playground.train_loss": ("Training loss", "훈련 손실"),
    "playground.test_loss": ("Test loss", "테스트 손실"),
    "playground.test_acc": ("Test accuracy", "테스트 정확도"),
    "playground.status.paused": ("Paused", "일시정지됨"),
    "playground.status.running": ("Training…", "학습 중…"),
    "playground.status.finished": ("Finished", "학습 완료"),
    "playground.status.diverged": ("Stopped: the loss blew up", "중단됨: 손실이 폭발했습니다"),
    "playground.status.stopped": ("Stopped", "중지됨"),
    # ---- hyperparameters
    "playground.learning_rate": ("Learning rate", "학습률"),
    "playground.learning_rate_help": (
        "How big a step gradient descent takes. Change it while training: it applies at once. Too big and the loss "
        "blows up.",
        "경사 하강법이 한 번에 얼마나 크게 움직일지 정합니다. 학습 중에 바꾸면 바로 적용됩니다. 너무 크면 손실이 폭발합니다.",
    ),
    "playground.activation": ("Activation", "활성화 함수"),
    "playground.activation_help": (
        "The activation function of every hidden layer (each layer can also have its own, below).",
        "모든 은닉층의 활성화 함수입니다(아래에서 층마다 따로 정할 수도 있습니다).",
    ),
    "playground.regularization": ("Regularisation", "규제"),
    "playground.regularization_help": (
        "L1 pushes unneeded weights to exactly zero; L2 keeps all weights small. Both fight overfitting.",
        "L1은 필요 없는 가중치를 0으로 만들고, L2는 모든 가중치를 작게 유지합니다. 둘 다 과적합을 막습니다.",
    ),
    "playground.reg_rate": ("Regularisation rate", "규제 강도"),
    "playground.problem": ("Problem type", "문제 유형"),
    "playground.problem.classification": ("Classification", "분류"),
    "playground.problem.regression": ("Regression", "회귀"),
    "playground.optimizer": ("Optimiser", "옵티마이저"),
    "playground.batch_size": ("Batch size", "배치 크기"),
    "playground.batch_size_help": (
        "Examples per gradient-descent step; an epoch is one pass over all training examples.",
        "경사 하강법 한 걸음에 쓰는 예제 수입니다. 한 에포크는 모든 훈련 예제를 한 번 훑는 것입니다.",
    ),
    # ---- data
    "playground.data": ("Data", "데이터"),
    "playground.dataset": ("Data set", "데이터셋"),
    "playground.dataset.circle": ("Circle", "원"),
    "playground.dataset.xor": ("Exclusive or (XOR)", "배타적 논리합 (XOR)"),
    "playground.dataset.gaussians": ("Two gaussians", "두 가우스 분포"),
    "playground.dataset.spiral": ("Spiral", "나선"),
    "playground.dataset.moons": ("Two moons", "두 개의 반달"),
    "playground.dataset.blobs": ("Blobs (3–5 classes)", "덩어리 3–5개"),
    "playground.dataset.spirals": ("Spirals (3–5 classes)", "나선 3–5개"),
    "playground.dataset.plane": ("Plane", "평면"),
    "playground.dataset.multi_gaussian": ("Multi gaussian", "여러 가우스 봉우리"),
    "playground.dataset.csv": ("My CSV file", "내 CSV 파일"),
    "playground.classes": ("Classes", "클래스 수"),
    "playground.noise": ("Noise (%)", "잡음 (%)"),
    "playground.noise_help": (
        "Moves points (or their labels) at random, as in TensorFlow Playground: more noise, messier data.",
        "TensorFlow Playground처럼 점(또는 레이블)을 무작위로 흔듭니다. 잡음이 클수록 데이터가 지저분해집니다.",
    ),
    "playground.train_percent": ("Training data (%)", "훈련 데이터 비율 (%)"),
    "playground.train_percent_help": (
        "The share of the points the network learns from; the rest is test data it never trains on.",
        "신경망이 학습에 쓰는 점의 비율입니다. 나머지는 학습에 전혀 쓰지 않는 테스트 데이터입니다.",
    ),
    "playground.points": ("Points", "점 개수"),
    "playground.data_seed": ("Data seed", "데이터 시드"),
    "playground.data_seed_help": (
        "Which random points the data set gets: the same seed always gives the same points.",
        "데이터셋에 어떤 무작위 점들이 뽑힐지 정합니다. 시드가 같으면 언제나 같은 점들이 나옵니다.",
    ),
    "playground.weight_seed": ("Weight seed", "가중치 시드"),
    "playground.weight_seed_help": (
        "Which random initial weights (and batch order) training starts from: same seed, same run.",
        "학습을 시작할 무작위 초기 가중치(와 배치 순서)를 정합니다. 시드가 같으면 학습 과정도 똑같습니다.",
    ),
    "playground.regenerate": ("New data", "새 데이터"),
    "playground.regenerate_help": ("Draw new random points from the same data set.", "같은 데이터셋에서 무작위 점을 새로 뽑습니다."),
    "playground.csv_upload": ("Upload a CSV file", "CSV 파일 올리기"),
    "playground.csv_help": (
        "Rows of `x1,x2,label` (a header line is optional; at most 20,000 rows and 4 MB). Classification labels are "
        "class numbers such as 0 and 1, or class names such as setosa (up to 10 classes); regression labels are any "
        "numbers. Points far from the origin are scaled to fit.",
        "`x1,x2,label` 형식의 줄들입니다(머리글 줄은 있어도 되고 없어도 됩니다. 최대 20,000줄, 4MB). 분류에서는 레이블이 0, 1 "
        "같은 클래스 번호나 setosa 같은 클래스 이름(최대 10개 클래스)이고, 회귀에서는 아무 수나 됩니다. 원점에서 멀리 떨어진 "
        "점들은 화면에 맞게 축소합니다.",
    ),
    "playground.csv_loaded": (
        "Loaded {rows} points ({classes}) from {name}.",
        "{name}에서 점 {rows}개를 읽었습니다({classes}).",
    ),
    "playground.csv_classes": ("{count} classes", "클래스 {count}개"),
    "playground.csv_kept": (
        "Still showing the {rows} points ({classes}) from {name}.",
        "아직 {name}의 점 {rows}개를 보여 주고 있습니다({classes}).",
    ),
    "playground.csv_class_map": ("Class names in the file: {mapping}.", "파일의 클래스 이름: {mapping}."),
    "playground.csv_values": ("regression targets", "회귀 목표값"),
    "playground.csv_scaled": (
        "The points did not fit the plane, so they were shifted by ({dx}, {dy}) and divided by {scale}.",
        "점들이 평면 밖으로 벗어나서 ({dx}, {dy})만큼 옮기고 {scale}(으)로 나누었습니다.",
    ),
    # ---- features and layers
    "playground.features": ("Features", "특성"),
    "playground.features_help": (
        "Which properties of each point the network receives as inputs.",
        "각 점의 어떤 성질을 신경망의 입력으로 줄지 고릅니다.",
    ),
    "playground.hidden_layers": ("{count} hidden layers", "은닉층 {count}개"),
    "playground.add_layer": ("Add a hidden layer", "은닉층 추가"),
    "playground.remove_layer": ("Remove the last hidden layer", "마지막 은닉층 삭제"),
    "playground.neurons": ("{count} neurons", "뉴런 {count}개"),
    "playground.add_neuron": ("Add a neuron to layer {index}", "{index}번째 층에 뉴런 추가"),
    "playground.remove_neuron": ("Remove a neuron from layer {index}", "{index}번째 층에서 뉴런 삭제"),
    "playground.layer_activation": ("Activation of layer {index}", "{index}번째 층의 활성화 함수"),
    "playground.layer_activations": ("Activation of each hidden layer", "은닉층별 활성화 함수"),
    "playground.layer": ("Layer {index}", "{index}층"),
    "playground.no_hidden": (
        "No hidden layer: the output neuron alone draws one straight line (unless the features bend it).",
        "은닉층이 없으면 출력 뉴런 하나가 직선 하나만 그을 수 있습니다(특성이 휘어 주지 않는 한).",
    ),
    "playground.act.tanh": ("Tanh", "Tanh"),
    "playground.act.relu": ("ReLU", "ReLU"),
    "playground.act.sigmoid": ("Sigmoid", "시그모이드"),
    "playground.act.linear": ("Linear", "선형 (항등)"),
    "playground.act.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "playground.act.elu": ("ELU", "ELU"),
    "playground.act.gelu": ("GELU", "GELU"),
    "playground.act.silu": ("SiLU (swish)", "SiLU (swish)"),
    # ---- output
    "playground.output": ("Output", "출력"),
    "playground.show_test": ("Show test data", "테스트 데이터 보기"),
    "playground.discretize": ("Discretize output", "출력 이산화"),
    "playground.legend_binary": (
        "Orange and blue are the two classes; the paler the colour, the less sure the network is. Points with a white "
        "outline are training data, a dark outline marks test data.",
        "주황과 파랑이 두 클래스이며, 색이 옅을수록 신경망이 덜 확신한다는 뜻입니다. 흰 테두리 점은 훈련 데이터, 검은 테두리 점은 "
        "테스트 데이터입니다.",
    ),
    "playground.legend_multi": (
        "Each colour is a class; pale means unsure. White outline: training data, dark outline: test data.",
        "색 하나가 클래스 하나이며, 옅을수록 덜 확신합니다. 흰 테두리: 훈련 데이터, 검은 테두리: 테스트 데이터.",
    ),
    "playground.legend_regression": (
        "Colour is the predicted value, from orange (−1) through white (0) to blue (+1); the points show the targets.",
        "색은 예측값으로, 주황(−1)에서 흰색(0)을 거쳐 파랑(+1)까지입니다. 점의 색은 목표값입니다.",
    ),
    "playground.diagram_help": (
        "Each square shows one neuron's output over the whole plane. Lines are weights: blue positive, orange "
        "negative, thicker means larger. Hover a line for its weight, a neuron for its bias.",
        "사각형 하나는 뉴런 하나의 출력을 평면 전체에 대해 그린 것입니다. 선은 가중치로, 파랑은 양수, 주황은 음수이며 굵을수록 "
        "큽니다. 선에 마우스를 올리면 가중치가, 뉴런에 올리면 편향이 보입니다.",
    ),
    "playground.curves": ("Loss and accuracy", "손실과 정확도"),
    # ---- chart words
    "playground.chart.value": ("P(blue)", "P(파랑)"),
    "playground.chart.class": ("class", "클래스"),
    "playground.chart.train": ("training data", "훈련 데이터"),
    "playground.chart.test": ("test data", "테스트 데이터"),
    "playground.chart.target": ("value", "값"),
    "playground.chart.input": ("Input", "입력"),
    "playground.chart.hidden": ("Layer {index}", "{index}층"),
    "playground.chart.output": ("Output", "출력"),
    "playground.chart.neuron": ("{layer}, neuron {index}", "{layer} {index}번 뉴런"),
    "playground.chart.bias": ("bias", "편향"),
    "playground.chart.weight": ("weight", "가중치"),
    "playground.chart.epoch": ("epoch", "에포크"),
    "playground.chart.loss": ("loss", "손실"),
    "playground.chart.accuracy": ("accuracy", "정확도"),
    "playground.chart.train_loss": ("training loss", "훈련 손실"),
    "playground.chart.test_loss": ("test loss", "테스트 손실"),
    "playground.chart.train_acc": ("training accuracy", "훈련 정확도"),
    "playground.chart.test_acc": ("test accuracy", "테스트 정확도"),
    "playground.chart.no_epochs": (
        "The curves appear here after the first epoch.",
        "첫 에포크가 끝나면 여기에 곡선이 그려집니다.",
    ),
    # ---- tabs below
    "playground.tab.summary": ("Layer summary", "층 요약"),
    "playground.tab.code": ("Code (PyTorch, Keras)", "코드 (PyTorch, Keras)"),
    "playground.tab.share": ("Share link", "공유 링크"),
    "playground.tab.tips": ("Things to try", "해 볼 만한 것들"),
    "playground.summary_intro": (
        "The network as PyTorch builds it: each layer's output shape and number of trainable parameters "
        "(weights plus biases).",
        "PyTorch가 만드는 그대로의 신경망입니다. 층마다 출력 모양과 학습되는 매개변수(가중치와 편향) 수를 보여 줍니다.",
    ),
    "playground.code_intro": (
        "A standalone script that reproduces this run: it makes the same data (or reads your CSV file, which it "
        "expects beside it), computes the same input features, builds this network with the same initial weights and "
        "trains it with these settings, then prints the test loss and accuracy: after as many epochs, the numbers "
        "shown here. Copy it with the button in the corner of the code box, or download it.",
        "이 실행을 그대로 재현하는 독립 실행 스크립트입니다. 같은 데이터를 만들고(또는 스크립트 옆에 둔 CSV 파일을 읽고), 같은 입력 "
        "특성을 계산하고, 같은 초기 가중치로 이 신경망을 만들어 지금 설정으로 학습한 뒤 테스트 손실과 정확도를 출력합니다. 같은 "
        "에포크만큼 학습하면 여기에 보이는 숫자와 같습니다. 코드 상자 모서리의 버튼으로 복사하거나 내려받으세요.",
    ),
    "playground.code_epochs": (
        "It trains {epochs} epochs, as many as this run has trained (`EPOCHS` at the top of the script).",
        "이 실행이 학습한 만큼 {epochs} 에포크를 학습합니다(스크립트 맨 위의 `EPOCHS`).",
    ),
    "playground.code_epochs_default": (
        "Nothing is trained here yet, so it trains {epochs} epochs (`EPOCHS` at the top of the script).",
        "아직 여기서 학습하지 않았으므로 {epochs} 에포크를 학습합니다(스크립트 맨 위의 `EPOCHS`).",
    ),
    "playground.download_code": ("Download playground_network.py", "playground_network.py 내려받기"),
    "playground.keras_intro": (
        "The same network and training in Keras 3, as the lecture notes write networks. It runs on PyTorch "
        "(`pip install keras torch`, no TensorFlow needed); Keras draws other random numbers, so its accuracy is "
        "close to this page's rather than equal.",
        "같은 신경망과 학습을 강의 노트처럼 Keras 3로 쓴 코드입니다. PyTorch 위에서 돌아가며(`pip install keras torch`, "
        "TensorFlow는 필요 없음), Keras는 다른 난수를 뽑으므로 정확도는 이 페이지와 똑같지 않고 비슷합니다.",
    ),
    "playground.download_keras": ("Download playground_network_keras.py", "playground_network_keras.py 내려받기"),
    "playground.share_intro": (
        "The address bar always holds every setting and both seeds, so the link below reopens exactly this "
        "experiment (an uploaded CSV file has to be uploaded again).",
        "주소창에는 항상 모든 설정과 두 시드가 들어 있어서, 아래 링크를 열면 바로 이 실험이 그대로 다시 열립니다(올린 CSV 파일은 "
        "다시 올려야 합니다).",
    ),
    "playground.share_query": ("Query string of this experiment:", "이 실험의 쿼리 문자열:"),
    "playground.tips": (
        "- **XOR** with no hidden layer cannot be learned from x₁ and x₂, but tick **x₁·x₂** and one output neuron "
        "is enough.\n"
        "- **Circle**: tick **x₁²** and **x₂²** and remove every hidden layer: the circle becomes one straight cut.\n"
        "- **Spiral** needs capacity: try 3 layers of 8 neurons with ReLU, or add **sin x₁** and **sin x₂**.\n"
        "- Switch to **Regression** and set the learning rate to **3**: the loss blows up and training stops with a "
        "message; lower the rate and press play. (For classification a huge rate makes the loss jump about instead.)\n"
        "- Add **noise**, keep only **10 %** training data and a big network: the test loss rises while the training "
        "loss falls (overfitting); then try **L2** regularisation.",
        "- **XOR**은 은닉층 없이 x₁, x₂만으로는 배울 수 없지만, **x₁·x₂**를 켜면 출력 뉴런 하나로 충분합니다.\n"
        "- **원**: **x₁²**, **x₂²**를 켜고 은닉층을 모두 지워 보세요. 원이 직선 하나로 나뉘는 문제가 됩니다.\n"
        "- **나선**은 표현력이 필요합니다. ReLU 뉴런 8개짜리 층 3개를 쓰거나 **sin x₁**, **sin x₂**를 더해 보세요.\n"
        "- **회귀**로 바꾸고 학습률을 **3**으로 올리면 손실이 폭발해 학습이 메시지와 함께 멈춥니다. 학습률을 낮추고 다시 **학습 시작**을 누르세요"
        "(분류에서는 학습률이 너무 크면 손실이 크게 출렁입니다).\n"
        "- **잡음**을 넣고 훈련 데이터를 **10 %**만 남긴 채 큰 신경망을 쓰면, 훈련 손실은 내려가는데 테스트 손실은 올라갑니다"
        "(과적합). 그다음 **L2** 규제를 켜 보세요.",
    ),
    "playground.bad_config": (
        "This combination of settings cannot be trained: {error}",
        "이 설정 조합으로는 학습할 수 없습니다: {error}",
    ),
    # ---- errors raised by the core
    "playground.data.unknown": (
        "Unknown data set '{name}'; choose one of: {choices}.",
        "데이터셋 '{name}'을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "playground.data.bad_points": (
        "The number of points must be a whole number from {low} to {high}, not {value}.",
        "점 개수는 {low}부터 {high} 사이의 정수여야 합니다. 지금 값: {value}.",
    ),
    "playground.data.bad_noise": (
        "The noise must be a percentage from 0 to {high}, not {value}.",
        "잡음은 0부터 {high} 사이의 백분율이어야 합니다. 지금 값: {value}.",
    ),
    "playground.data.bad_classes": (
        "This data set takes from {low} to {high} classes, not {value}.",
        "이 데이터셋의 클래스 수는 {low}부터 {high} 사이여야 합니다. 지금 값: {value}.",
    ),
    "playground.data.bad_ratio": (
        "The share of test data must be at least 0 and below 1, not {value}.",
        "테스트 데이터 비율은 0 이상 1 미만이어야 합니다. 지금 값: {value}.",
    ),
    "playground.features.unknown": (
        "Unknown input feature '{name}'; choose from: {choices}.",
        "입력 특성 '{name}'을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "playground.features.none": (
        "Choose at least one input feature: without inputs the network sees nothing.",
        "입력 특성을 하나 이상 고르세요. 입력이 없으면 신경망은 아무것도 볼 수 없습니다.",
    ),
    "playground.csv.empty": ("The file is empty.", "파일이 비어 있습니다."),
    "playground.csv.not_utf8": (
        "Row {row} is not UTF-8 text: save the file as \"CSV UTF-8\" (a spreadsheet file such as .xlsx will not do).",
        "{row}번째 줄이 UTF-8 텍스트가 아닙니다. 파일을 \"CSV UTF-8\" 형식으로 저장해 주세요(.xlsx 같은 스프레드시트 파일은 "
        "안 됩니다).",
    ),
    "playground.csv.columns": (
        "Row {row} has {count} columns; every row needs exactly 3: x1, x2, label.",
        "{row}번째 줄의 열이 {count}개입니다. 모든 줄은 x1, x2, label 세 개의 열이어야 합니다.",
    ),
    "playground.csv.missing": (
        "Row {row}, column {column} is empty: every row needs x1, x2 and a label.",
        "{row}번째 줄 {column}번째 열이 비어 있습니다. 모든 줄에 x1, x2, 레이블이 있어야 합니다.",
    ),
    "playground.csv.not_number": (
        "Row {row}, column {column}: '{value}' is not a number.",
        "{row}번째 줄 {column}번째 열: '{value}'은(는) 숫자가 아닙니다.",
    ),
    "playground.csv.not_finite": (
        "Row {row}, column {column}: '{value}' is not a finite number (NaN or infinity).",
        "{row}번째 줄 {column}번째 열: '{value}'은(는) 유한한 수가 아닙니다(NaN 또는 무한대).",
    ),
    "playground.csv.label_not_whole": (
        "Row {row}: the label '{value}' is not a whole number; for classification use class numbers such as 0 and 1 "
        "(or switch the problem type to regression).",
        "{row}번째 줄: 레이블 '{value}'이(가) 정수가 아닙니다. 분류에서는 0, 1 같은 클래스 번호를 쓰세요(아니면 문제 유형을 "
        "회귀로 바꾸세요).",
    ),
    "playground.csv.too_few_rows": (
        "The file has only {rows} data rows; it needs at least {minimum}.",
        "파일의 데이터 줄이 {rows}개뿐입니다. 적어도 {minimum}개가 필요합니다.",
    ),
    "playground.csv.too_many_rows": (
        "The file has more than {maximum} data rows; at most {maximum} are allowed (reading stopped there).",
        "파일의 데이터 줄이 {maximum}개보다 많습니다. 최대 {maximum}개까지만 쓸 수 있어 거기서 읽기를 멈췄습니다.",
    ),
    "playground.csv.too_big": (
        "The file is larger than {limit} MB; a CSV of 20,000 points is far smaller. Reading stopped there.",
        "파일이 {limit}MB보다 큽니다. 점 20,000개짜리 CSV도 그보다 훨씬 작습니다. 거기서 읽기를 멈췄습니다.",
    ),
    "playground.csv.not_text": (
        "This is not a text file: save your table as \"CSV UTF-8\" (a spreadsheet, image or PDF file will not do).",
        "텍스트 파일이 아닙니다. 표를 \"CSV UTF-8\" 형식으로 저장해 주세요(스프레드시트, 그림, PDF 파일은 안 됩니다).",
    ),
    "playground.csv.malformed": (
        "Row {row} cannot be read as CSV (an unclosed quote or a stray character); check that row.",
        "{row}번째 줄을 CSV로 읽을 수 없습니다(닫히지 않은 따옴표나 이상한 문자). 그 줄을 확인해 주세요.",
    ),
    "playground.csv.range": (
        "Some values are larger than {limit} in size: points that far apart cannot be scaled to fit the plane. "
        "Divide the column by a power of ten first.",
        "크기가 {limit}보다 큰 값이 있습니다. 그렇게 멀리 떨어진 점들은 평면에 맞게 축소할 수 없습니다. 먼저 그 열을 10의 "
        "거듭제곱으로 나눠 주세요.",
    ),
    "playground.csv.rejected_again": (
        "This file was already checked: {reason}",
        "이 파일은 이미 확인했습니다. {reason}",
    ),
    "playground.work.too_many_steps": (
        "{points} training points at batch size {batch} make {steps} steps an epoch; a shared server allows {limit}. "
        "Choose a batch size of at least {smallest} (or fewer points).",
        "훈련 점 {points}개를 배치 크기 {batch}(으)로 나누면 에포크마다 {steps}단계입니다. 함께 쓰는 서버에서는 {limit}단계까지만 "
        "됩니다. 배치 크기를 {smallest} 이상으로 하거나 점을 줄여 주세요.",
    ),
    "playground.csv.too_often": (
        "Too many files in a short time: wait {seconds} seconds before uploading another one.",
        "짧은 시간에 파일을 너무 많이 올렸습니다. {seconds}초 기다린 뒤에 다시 올려 주세요.",
    ),
    "playground.csv.single_class": (
        "Every point has the label {label}: a classifier needs at least two classes to tell apart.",
        "모든 점의 레이블이 {label}입니다. 분류하려면 서로 다른 클래스가 적어도 두 개 있어야 합니다.",
    ),
    "playground.csv.too_many_classes": (
        "The file has {count} different labels; at most {limit} classes are supported.",
        "파일에 서로 다른 레이블이 {count}개 있습니다. 클래스는 최대 {limit}개까지만 지원합니다.",
    ),
    "playground.csv.missing_file": (
        "Upload a CSV file to use your own data (a shared link cannot carry the file itself).",
        "내 데이터를 쓰려면 CSV 파일을 올려 주세요(공유 링크에는 파일 자체가 담기지 않습니다).",
    ),
}

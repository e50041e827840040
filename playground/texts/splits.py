"""Strings for the Train, validation and test page and playground.overfitting (prefix "splits.")."""

STRINGS = {
    "splits.title": ("Train, validation and test", "훈련, 검증, 테스트 데이터"),
    "splits.intro": (
        "Why data is split three ways: a network large enough to memorise a small noisy data set keeps lowering "
        "its training loss while its validation loss turns upward. Stop at the best validation epoch, and look "
        "at the test set only once, at the very end.",
        "데이터를 세 부분으로 나누는 이유를 살펴봅니다. 작고 잡음이 많은 데이터를 외워 버릴 만큼 큰 신경망은 훈련 "
        "손실을 계속 줄이지만 검증 손실은 어느 순간 다시 올라갑니다. 검증 손실이 가장 낮은 에포크에서 멈추고, "
        "테스트 데이터는 맨 마지막에 한 번만 확인합니다.",
    ),
    # ---- data and split
    "splits.data.header": ("The data and its three parts", "데이터와 세 부분"),
    "splits.dataset": ("Data set", "데이터 세트"),
    "splits.noise": ("Noise (%)", "잡음 (%)"),
    "splits.noise_help": (
        "Noisy points are labelled against their neighbours; a network that fits them is learning noise.",
        "잡음이 섞인 점은 이웃과 다른 레이블을 가집니다. 신경망이 이런 점까지 맞추면 잡음을 학습하는 것입니다.",
    ),
    "splits.points": ("Points", "점의 수"),
    "splits.points_help": (
        "Few points make overfitting easy: a large network can memorise every training point.",
        "점이 적을수록 과적합이 쉽게 일어납니다. 큰 신경망은 훈련 점을 하나하나 외울 수 있습니다.",
    ),
    "splits.split": ("Split: training | validation | test (%)", "나누기: 훈련 | 검증 | 테스트 (%)"),
    "splits.split_help": (
        "Drag the two handles: left of the first is training data, between them validation data, right of the "
        "second test data.",
        "손잡이 두 개를 움직이세요. 첫 번째 손잡이 왼쪽은 훈련 데이터, 두 손잡이 사이는 검증 데이터, 두 번째 손잡이 "
        "오른쪽은 테스트 데이터입니다.",
    ),
    "splits.part.train": ("Training", "훈련"),
    "splits.part.validation": ("Validation", "검증"),
    "splits.part.test": ("Test", "테스트"),
    "splits.part.examples": ("points", "개"),
    "splits.purpose.train": (
        "**Training data ({count} points)** fits the weights: gradient descent lowers the loss on these points only.",
        "**훈련 데이터**({count}개)는 가중치를 맞추는 데 씁니다. 경사 하강법은 이 점들의 손실만 줄입니다.",
    ),
    "splits.purpose.validation": (
        "**Validation data ({count} points)** chooses the model and when to stop: it is scored after every epoch "
        "but never trained on.",
        "**검증 데이터**({count}개)는 모델과 학습을 멈출 시점을 고르는 데 씁니다. 에포크마다 평가하지만 학습에는 "
        "쓰지 않습니다.",
    ),
    "splits.purpose.test": (
        "**Test data ({count} points)** is looked at once, at the very end, to say how well the chosen model will do "
        "on new data.",
        "**테스트 데이터**({count}개)는 맨 마지막에 딱 한 번 확인해서, 고른 모델이 새 데이터에서 얼마나 잘할지 "
        "알려 줍니다.",
    ),
    # ---- network and regularisation
    "splits.network.header": ("The network and its brakes", "신경망과 과적합 억제"),
    "splits.size": ("Network size", "신경망 크기"),
    "splits.size.small": ("Small: 4 neurons", "작게: 뉴런 4개"),
    "splits.size.medium": ("Medium: 16 + 16 neurons", "중간: 뉴런 16 + 16개"),
    "splits.size.large": ("Too large: 64 + 64 + 64 neurons", "너무 크게: 뉴런 64 + 64 + 64개"),
    "splits.size_help": (
        "The large network has thousands of weights for a few dozen training points: enough to memorise them.",
        "큰 신경망은 훈련 점 수십 개에 가중치가 수천 개라서 점들을 통째로 외울 수 있습니다.",
    ),
    "splits.l2": ("L2 regularisation", "L2 규제"),
    "splits.l2_help": (
        "Adds rate × (sum of squared weights) to the loss, so large weights cost something: the boundary stays smooth.",
        "손실에 비율 × (가중치 제곱의 합)을 더해 큰 가중치에 대가를 치르게 합니다. 결정 경계가 매끄럽게 유지됩니다.",
    ),
    "splits.l2_rate": ("L2 rate", "L2 비율"),
    "splits.dropout": ("Dropout", "드롭아웃"),
    "splits.dropout_help": (
        "During training, each hidden neuron is switched off at random with this probability, so no neuron can rely "
        "on memorised details of others. Off when scoring.",
        "학습하는 동안 은닉 뉴런을 이 확률로 무작위로 끕니다. 그래서 어떤 뉴런도 다른 뉴런이 외운 세부 사항에 기댈 수 "
        "없습니다. 평가할 때는 끕니다.",
    ),
    "splits.dropout_rate": ("Dropout rate", "드롭아웃 비율"),
    "splits.epochs": ("Epochs", "에포크 수"),
    "splits.speed": ("Speed", "속도"),
    "splits.speed_help": (
        "A slower pace lets a class watch the curves part; it does not change the result.",
        "속도를 늦추면 두 곡선이 벌어지는 모습을 지켜볼 수 있습니다. 결과는 달라지지 않습니다.",
    ),
    "splits.speed.slow": ("Slow (10 epochs/s)", "느리게 (초당 10 에포크)"),
    "splits.speed.normal": ("Normal (30 epochs/s)", "보통 (초당 30 에포크)"),
    "splits.speed.fast": ("As fast as possible", "최대한 빠르게"),
    "splits.new_data": ("New points", "새 데이터"),
    "splits.new_data_help": ("Draw new points and a new split.", "점과 분할을 새로 뽑습니다."),
    # ---- training
    "splits.train.header": ("Training: watch the two losses part", "학습: 두 손실이 갈라지는 모습"),
    "splits.train.explain": (
        "Press play. The training loss keeps falling, because the network is fitted to those very points. The "
        "validation loss falls at first, then rises once the network starts to learn the noise of the training points "
        "instead of the shape of the classes: that is overfitting. The star marks the epoch with the lowest "
        "validation loss, where **early stopping** would keep the weights.",
        "**학습 시작**을 누르세요. 훈련 손실은 계속 내려갑니다. 신경망을 바로 그 점들에 맞추고 있기 때문입니다. 검증 손실은 처음에는 "
        "내려가다가, 신경망이 클래스의 모양 대신 훈련 점의 잡음을 배우기 시작하면 다시 올라갑니다. 이것이 과적합입니다. "
        "별표는 검증 손실이 가장 낮은 에포크로, **조기 종료**를 하면 이 시점의 가중치를 남깁니다.",
    ),
    "splits.metric.epoch": ("Epoch", "에포크"),
    "splits.metric.train_loss": ("Training loss", "훈련 손실"),
    "splits.metric.val_loss": ("Validation loss", "검증 손실"),
    "splits.metric.gap": ("Gap", "차이"),
    "splits.metric.best": ("Best epoch", "최적 에포크"),
    "splits.metric.best_help": (
        "The epoch with the lowest validation loss so far ({loss}): the weights early stopping would keep.",
        "지금까지 검증 손실이 가장 낮은 에포크({loss})입니다. 조기 종료를 하면 이 가중치를 남깁니다.",
    ),
    "splits.metric.gap_help": (
        "Validation loss minus training loss: how much worse the network does on points it was not trained on. Switch on L2 or dropout and compare.",
        "검증 손실에서 훈련 손실을 뺀 값으로, 학습하지 않은 점에서 신경망이 얼마나 더 못하는지 보여 줍니다. L2나 드롭아웃을 켜고 비교해 보세요.",
    ),
    "splits.waiting": ("Press play to train.", "**학습 시작**을 누르면 학습합니다."),
    "splits.previous": ("Show the previous run for comparison", "비교를 위해 이전 실행 보기"),
    "splits.previous_help": (
        "The curves of the run before the last change of settings, dotted: switch L2 or dropout on and see the gap shrink.",
        "마지막으로 설정을 바꾸기 전 실행의 곡선을 점선으로 보여 줍니다. L2나 드롭아웃을 켜고 차이가 줄어드는지 보세요.",
    ),
    "splits.previous_was": ("Dotted: the previous run ({settings}).", "점선: 이전 실행 ({settings})."),
    "splits.setting.on": ("{name} on", "{name} 켬"),
    "splits.setting.off": ("{name} off", "{name} 끔"),
    # ---- decision map at an epoch
    "splits.map.header": ("Decision boundary at epoch {epoch}", "에포크 {epoch}의 결정 경계"),
    "splits.map.epoch": ("Show the boundary at epoch", "결정 경계를 볼 에포크"),
    "splits.map.epoch_help": (
        "Every epoch's weights are kept: slide back to the best epoch and forward to the last to see what overfitting "
        "does to the boundary.",
        "에포크마다 가중치를 저장해 둡니다. 최적 에포크와 마지막 에포크를 오가며 과적합이 결정 경계를 어떻게 바꾸는지 "
        "보세요.",
    ),
    "splits.map.best": ("Best epoch ({epoch})", "최적 에포크 ({epoch})"),
    "splits.map.last": ("Last epoch ({epoch})", "마지막 에포크 ({epoch})"),
    "splits.map.running": (
        "While training runs the map follows the latest epoch; pause to move through the recorded epochs.",
        "학습 중에는 지도가 가장 최근 에포크를 따라갑니다. 일시 정지하면 기록된 에포크를 오갈 수 있습니다.",
    ),
    "splits.map.legend": (
        "White outline: training points. Black outline: validation points. The test points stay hidden until the end.",
        "흰 테두리: 훈련 점. 검은 테두리: 검증 점. 테스트 점은 마지막까지 숨겨 둡니다.",
    ),
    "splits.map.legend_test": (
        "White outline: training points. Black outline: test points, revealed.",
        "흰 테두리: 훈련 점. 검은 테두리: 공개된 테스트 점.",
    ),
    "splits.map.show_test": ("Show the test points", "테스트 점 보기"),
    # ---- the test set
    "splits.test.header": ("The test set: look once, at the end", "테스트 데이터: 마지막에 한 번만"),
    "splits.test.explain": (
        "Everything above was chosen with the validation data: the epoch, and any switch you tried. The test data has "
        "played no part, so its score is an honest estimate of how the chosen network does on new data. Look at it "
        "only when you are done choosing.",
        "위의 모든 것, 즉 멈출 에포크와 바꿔 본 설정은 검증 데이터로 골랐습니다. 테스트 데이터는 아무 역할도 하지 않았으므로 "
        "그 점수는 고른 신경망이 새 데이터에서 보일 성능을 정직하게 추정합니다. 선택을 모두 마친 다음에만 확인하세요.",
    ),
    "splits.test.reveal": ("Reveal the test score", "테스트 점수 공개"),
    "splits.test.reveal_help": (
        "Scores the test data with the weights early stopping keeps (the best validation epoch).",
        "조기 종료가 남긴 가중치(검증 손실이 가장 낮은 에포크)로 테스트 데이터를 평가합니다.",
    ),
    "splits.test.not_yet": ("Train (and pause or finish) first.", "먼저 학습한 뒤 일시 정지하거나 끝까지 학습하세요."),
    "splits.test.best": ("Test accuracy, early stopping (epoch {epoch})", "테스트 정확도, 조기 종료 (에포크 {epoch})"),
    "splits.test.last": ("Test accuracy, last epoch ({epoch})", "테스트 정확도, 마지막 에포크 ({epoch})"),
    "splits.test.val": ("Validation accuracy at epoch {epoch}", "에포크 {epoch}의 검증 정확도"),
    "splits.test.loss": ("test loss {loss}", "테스트 손실 {loss}"),
    "splits.test.summary": (
        "Early stopping kept the weights of epoch {best}: test loss {best_loss} against {last_loss} for the weights "
        "of the last epoch. With only {n} test points, one point more or less right moves the accuracy by {step}, so "
        "small differences in accuracy mean little; a larger test set gives a steadier estimate.",
        "조기 종료는 에포크 {best}의 가중치를 남겼습니다. 테스트 손실은 {best_loss}로, 마지막 에포크 가중치의 "
        "{last_loss}와 비교됩니다. 테스트 점이 {n}개뿐이라 점 하나를 맞히고 틀리는 데 따라 정확도가 {step}씩 "
        "움직이므로, 작은 정확도 차이는 큰 의미가 없습니다. 테스트 데이터가 많을수록 추정이 안정됩니다.",
    ),
    "splits.test.again": (
        "You have looked at the test data {count} times now. Each time you change a setting because of the test score, "
        "the test data helps choose the model, and its score stops being an honest estimate: it has become a second "
        "validation set.",
        "테스트 데이터를 벌써 {count}번 확인했습니다. 테스트 점수를 보고 설정을 바꿀 때마다 테스트 데이터가 모델 선택에 "
        "끼어들어, 그 점수는 더 이상 정직한 추정이 아니게 됩니다. 사실상 두 번째 검증 데이터가 된 것입니다.",
    ),
    # ---- chart labels
    "splits.chart.epoch": ("epoch", "에포크"),
    "splits.chart.loss": ("loss (cross-entropy)", "손실 (교차 엔트로피)"),
    "splits.chart.train": ("training loss", "훈련 손실"),
    "splits.chart.validation": ("validation loss", "검증 손실"),
    "splits.chart.best": ("early stopping: epoch {epoch}", "조기 종료: 에포크 {epoch}"),
    "splits.chart.shown": ("map: epoch {epoch}", "지도: 에포크 {epoch}"),
    "splits.chart.overfitting": ("overfitting", "과적합"),
    "splits.chart.previous_train": ("training loss, previous run", "훈련 손실, 이전 실행"),
    "splits.chart.previous_validation": ("validation loss, previous run", "검증 손실, 이전 실행"),
    "splits.chart.class": ("class", "클래스"),
    "splits.chart.train_points": ("training data", "훈련 데이터"),
    "splits.chart.val_points": ("validation data", "검증 데이터"),
    "splits.chart.test_points": ("test data", "테스트 데이터"),
    # ---- errors (playground.overfitting)
    "splits.error.bad_percent": ("'{value}' is not a percentage.", "'{value}'은(는) 백분율이 아닙니다."),
    "splits.error.percents": (
        "Training {train} %, validation {val} % and test {test} %: every part needs a share above 0 %.",
        "훈련 {train} %, 검증 {val} %, 테스트 {test} %: 세 부분 모두 0 %보다 커야 합니다.",
    ),
    "splits.error.too_small": (
        "{n} points split this way give {train} for training, {val} for validation and {test} for testing: "
        "every part needs at least one. Use more points or larger shares.",
        "점 {n}개를 이렇게 나누면 훈련 {train}개, 검증 {val}개, 테스트 {test}개가 됩니다. 세 부분 모두 한 개 이상 "
        "있어야 하니 점의 수나 비율을 늘려 주세요.",
    ),
    "splits.error.lengths": (
        "There are {examples} examples but {labels} labels; they must match one to one.",
        "예제는 {examples}개인데 레이블은 {labels}개입니다. 하나씩 짝이 맞아야 합니다.",
    ),
    "splits.error.no_epochs": (
        "No validation loss has been recorded yet: train at least one epoch.",
        "아직 기록된 검증 손실이 없습니다. 한 에포크 이상 학습하세요.",
    ),
    "splits.error.patience": (
        "Patience must be at least one epoch, not {value}.",
        "인내(patience)는 {value}이(가) 아니라 1 에포크 이상이어야 합니다.",
    ),
    "splits.error.size": (
        "There is no network size '{name}'; choose one of: {choices}.",
        "'{name}'(이)라는 신경망 크기는 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "splits.error.dataset": (
        "The data set '{name}' is not offered here; choose one of: {choices}.",
        "'{name}' 데이터는 여기서 쓸 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "splits.error.epoch": (
        "Epoch {epoch} has not been recorded: the run has {last} epochs so far.",
        "에포크 {epoch}은(는) 기록되지 않았습니다. 지금까지 {last} 에포크를 학습했습니다.",
    ),
}

"""Strings for the Classic machine learning vs deep learning page and playground.compare (prefix "classic.")."""

STRINGS = {
    "classic.title": ("Classic ML vs deep learning", "머신러닝과 딥러닝 비교"),
    "classic.intro": (
        "Seven classic machine-learning models and one neural network learn the same toy data. Compare their "
        "decision boundaries, their accuracy on data they never saw, and how long each took to fit.",
        "고전적인 머신러닝 모델 일곱 개와 신경망 하나가 같은 장난감 데이터를 학습합니다. 결정 경계, 처음 보는 "
        "데이터에 대한 정확도, 학습에 걸린 시간을 나란히 비교해 보세요.",
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

"""Strings for the Classic machine learning vs deep learning page and playground.compare (prefix "classic.")."""

STRINGS = {
    "classic.title": ("Classic ML vs deep learning", "머신러닝과 딥러닝 비교"),
    "classic.intro": (
        "Seven classic machine-learning models and one neural network learn the same toy data. Compare their "
        "decision boundaries, their accuracy on data they never saw, and how long each took to fit.",
        "고전적인 머신러닝 모델 일곱 개와 신경망 하나가 같은 장난감 데이터를 학습합니다. 결정 경계, 처음 보는 "
        "데이터에 대한 정확도, 학습에 걸린 시간을 나란히 비교해 보세요.",
    ),
}

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
}

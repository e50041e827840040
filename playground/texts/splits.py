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

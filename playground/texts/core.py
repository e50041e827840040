"""Strings of the training core: layer builder, trainer, worker and the live controls."""

STRINGS = {
    # ---- layer names (for summary tables and builders)
    # ---- the summary table's settings cell (playground.layers.settings_text); English as PyTorch people write it
    "core.settings.dense": ("dense {units}, {activation}", "뉴런 {units}개, {activation}"),
    "core.settings.conv2d": (
        "conv2d {filters}×{k}×{k}, stride {stride}, padding {padding}, {activation}",
        "필터 {filters}개 {k}×{k}, 스트라이드 {stride}, 패딩 {padding}, {activation}",
    ),
    "core.settings.maxpool": ("maxpool {size}×{size}", "{size}×{size} 영역의 최댓값"),
    "core.settings.avgpool": ("avgpool {size}×{size}", "{size}×{size} 영역의 평균"),
    "core.settings.dropout": ("dropout {rate}", "비율 {rate}"),
    "core.settings.flatten": ("flatten", "한 줄로 펼치기"),
    "core.settings.batchnorm": ("batchnorm", "배치 정규화"),
    "core.layer_act.linear": ("linear", "선형"),
    "core.layer_act.relu": ("relu", "ReLU"),
    "core.layer_act.tanh": ("tanh", "tanh"),
    "core.layer_act.sigmoid": ("sigmoid", "시그모이드"),
    "core.layer_act.leaky_relu": ("leaky_relu", "Leaky ReLU"),
    "core.layer_act.gelu": ("gelu", "GELU"),
    "core.layer_act.silu": ("silu", "SiLU"),
    "core.layer_act.elu": ("elu", "ELU"),
    "core.kind.dense": ("Dense", "완전 연결층"),
    "core.kind.conv2d": ("Convolution", "합성곱층"),
    "core.kind.maxpool": ("Max pooling", "최대 풀링"),
    "core.kind.avgpool": ("Average pooling", "평균 풀링"),
    "core.kind.flatten": ("Flatten", "평탄화"),
    "core.kind.dropout": ("Dropout", "드롭아웃"),
    "core.kind.batchnorm": ("Batch normalisation", "배치 정규화"),
    "core.summary.layer": ("Layer", "층"),
    "core.summary.kind": ("Type", "종류"),
    "core.summary.settings": ("Settings", "설정"),
    "core.summary.output": ("Output shape", "출력 모양"),
    "core.summary.params": ("Parameters", "매개변수 수"),
    "core.summary.total": ("Total trainable parameters: {params}", "학습되는 매개변수는 모두 {params}개입니다"),
    # ---- layer validation
    "core.layers.bad_input_shape": (
        "The input shape {shape} is not valid: use (features,) for vectors or (channels, height, width) for images, "
        "all positive whole numbers.",
        "입력 모양 {shape}은(는) 올바르지 않습니다. 벡터는 (특성 수,), 이미지는 (채널, 높이, 너비)처럼 양의 정수로 적어 주세요.",
    ),
    "core.layers.not_list": (
        "The network must be a list of layers.",
        "신경망은 층들의 목록이어야 합니다.",
    ),
    "core.layers.empty": (
        "The network has no layers: add at least one layer.",
        "신경망에 층이 하나도 없습니다. 층을 하나 이상 추가해 주세요.",
    ),
    "core.layers.not_dict": (
        "Layer {index} is not a layer description (expected settings with a 'kind').",
        "{index}번째 층은 층 설명이 아닙니다('kind'가 들어 있는 설정이어야 합니다).",
    ),
    "core.layers.unknown_kind": (
        "Layer {index} has an unknown kind '{kind}'; choose one of: {choices}.",
        "{index}번째 층의 종류 '{kind}'을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "core.layers.extra_key": (
        "Layer {index} ({kind}) has an unknown setting '{name}'; allowed settings: {allowed}.",
        "{index}번째 층({kind})에 알 수 없는 설정 '{name}'이(가) 있습니다. 쓸 수 있는 설정: {allowed}.",
    ),
    "core.layers.missing_key": (
        "Layer {index} ({kind}) is missing the setting '{name}'.",
        "{index}번째 층({kind})에 '{name}' 설정이 빠져 있습니다.",
    ),
    "core.layers.not_int": (
        "Layer {index} ({kind}): '{name}' must be a whole number, not {value}.",
        "{index}번째 층({kind})의 '{name}' 값은 정수여야 합니다. 지금 값: {value}.",
    ),
    "core.layers.too_small": (
        "Layer {index} ({kind}): '{name}' must be at least {low}, not {value}.",
        "{index}번째 층({kind})의 '{name}' 값은 {low} 이상이어야 합니다. 지금 값: {value}.",
    ),
    "core.layers.bad_rate": (
        "Layer {index} (dropout): the rate must be a number from 0 up to (but not including) 1, not {value}.",
        "{index}번째 층(드롭아웃)의 비율은 0 이상 1 미만의 수여야 합니다. 지금 값: {value}.",
    ),
    "core.layers.unknown_activation": (
        "Layer {index} ({kind}) has an unknown activation {value}; choose one of: {choices}.",
        "{index}번째 층({kind})의 활성화 함수 {value}을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "core.layers.needs_image": (
        "Layer {index} ({kind}) needs an image input (channels × height × width), but it receives a vector of "
        "{size} values.",
        "{index}번째 층({kind})은 이미지 입력(채널 × 높이 × 너비)이 필요한데, 값 {size}개짜리 벡터를 받습니다.",
    ),
    "core.layers.needs_flatten": (
        "Layer {index} (dense) receives an image of shape {shape}: add a flatten layer before it.",
        "{index}번째 층(완전 연결층)이 {shape} 모양의 이미지를 받습니다. 그 앞에 평탄화(flatten) 층을 넣어 주세요.",
    ),
    "core.layers.kernel_too_large": (
        "Layer {index} (conv2d, kernel {kernel}) receives a {height}×{width} input: the kernel is larger than its input.",
        "{index}번째 층(conv2d, 커널 {kernel})이 받는 입력은 {height}×{width}입니다. 커널이 입력보다 큽니다.",
    ),
    "core.layers.kernel_too_large_padded": (
        "Layer {index} (conv2d, kernel {kernel}) receives a {height}×{width} input ({padded_height}×{padded_width} "
        "with padding): the kernel is larger than its input.",
        "{index}번째 층(conv2d, 커널 {kernel})이 받는 입력은 {height}×{width}(패딩을 더하면 "
        "{padded_height}×{padded_width})입니다. 커널이 입력보다 큽니다.",
    ),
    "core.layers.pool_too_large": (
        "Layer {index} ({kind}, size {size}) receives a {height}×{width} input: the pooling window is larger than "
        "its input.",
        "{index}번째 층({kind}, 크기 {size})이 받는 입력은 {height}×{width}입니다. 풀링 창이 입력보다 큽니다.",
    ),
    "core.layers.too_many_values": (
        "Layer {index} produces {values} values per example, more than the limit of {limit}: use fewer filters or "
        "units, or pool earlier.",
        "{index}번째 층은 예제 하나마다 값을 {values}개 만들어 한도 {limit}개를 넘습니다. 필터나 뉴런 수를 줄이거나 "
        "풀링을 더 일찍 넣어 주세요.",
    ),
    "core.layers.step_memory": (
        "One training step of this network at batch size {batch} needs about {needed} MB of memory; a shared server "
        "allows {limit} MB per session. Use fewer filters or units, pool earlier, or choose a smaller batch.",
        "이 신경망을 배치 크기 {batch}(으)로 한 번 훈련하려면 메모리가 약 {needed}MB 필요합니다. 함께 쓰는 서버에서는 세션마다 "
        "{limit}MB까지만 쓸 수 있습니다. 필터나 뉴런 수를 줄이거나, 풀링을 더 일찍 하거나, 배치 크기를 줄여 주세요.",
    ),
    "core.layers.too_many_params": (
        "Up to layer {index} the network has {params} parameters, more than the limit of {limit}: make it smaller.",
        "{index}번째 층까지 매개변수가 {params}개로 한도 {limit}개를 넘습니다. 신경망을 더 작게 만들어 주세요.",
    ),
    "core.layers.activation_count": (
        "There are {layers} hidden layers but {activations} activation functions: give one per layer.",
        "은닉층은 {layers}개인데 활성화 함수는 {activations}개입니다. 층마다 하나씩 정해 주세요.",
    ),
    # ---- training settings and data
    "core.train.unknown_choice": (
        "Unknown {setting} '{value}'; choose one of: {choices}.",
        "{setting} '{value}'을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "core.train.bad_learning_rate": (
        "The learning rate must be a positive number, not {value}.",
        "학습률은 0보다 큰 수여야 합니다. 지금 값: {value}.",
    ),
    "core.train.bad_batch_size": (
        "The batch size must be a whole number of at least 1, not {value}.",
        "배치 크기는 1 이상의 정수여야 합니다. 지금 값: {value}.",
    ),
    "core.train.bad_rate": (
        "The {setting} must be a number of 0 or more, not {value}.",
        "{setting} 값은 0 이상의 수여야 합니다. 지금 값: {value}.",
    ),
    "core.train.bad_seed": (
        "The seed must be a whole number from 0 to 4,294,967,295, not {value}.",
        "시드는 0부터 4,294,967,295까지의 정수여야 합니다. 지금 값: {value}.",
    ),
    "core.train.unknown_device": (
        "The device '{device}' is not available on this machine; choose one of: {choices}.",
        "이 컴퓨터에는 '{device}' 장치가 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "core.train.no_data": (
        "There are no training examples: the network has nothing to learn from.",
        "훈련 데이터가 하나도 없어서 신경망이 배울 것이 없습니다.",
    ),
    "core.train.bad_array": (
        "The {which} data could not be read as numbers.",
        "{which} 데이터를 숫자로 읽을 수 없습니다.",
    ),
    "core.train.shape_mismatch": (
        "Each {which} example has shape {shape}, but the network expects {expected}.",
        "{which} 데이터의 예제 하나의 모양은 {shape}인데, 신경망은 {expected} 모양을 기대합니다.",
    ),
    "core.train.length_mismatch": (
        "The {which} data has {examples} examples but {labels} labels.",
        "{which} 데이터에는 예제가 {examples}개인데 레이블은 {labels}개입니다.",
    ),
    "core.train.not_finite": (
        "The {which} data contains missing or infinite values.",
        "{which} 데이터에 비어 있거나 무한대인 값이 있습니다.",
    ),
    "core.train.output_not_vector": (
        "The network's last layer gives an output of shape {shape}; end it with flatten and a dense layer.",
        "신경망의 마지막 층 출력 모양이 {shape}입니다. 끝에 평탄화 층과 완전 연결층을 넣어 주세요.",
    ),
    "core.train.ce_needs_classes": (
        "Cross-entropy needs one output unit per class (at least 2), but the network has {outputs}; use binary "
        "cross-entropy for a single output.",
        "교차 엔트로피 손실 함수는 클래스마다 출력 뉴런이 하나씩(2개 이상) 필요한데, 이 신경망의 출력은 {outputs}개입니다. "
        "출력이 하나라면 이진 교차 엔트로피를 쓰세요.",
    ),
    "core.train.labels_out_of_range": (
        "The {which} labels must be whole class numbers from 0 to {high} (the network has {outputs} outputs); "
        "found {value}.",
        "{which} 레이블은 0부터 {high}까지의 정수 클래스 번호여야 합니다(출력 뉴런 {outputs}개). 찾은 값: {value}.",
    ),
    "core.train.bce_outputs": (
        "Binary cross-entropy needs exactly 1 output unit, but the network has {outputs}.",
        "이진 교차 엔트로피에는 출력 뉴런이 정확히 1개 필요한데, 이 신경망의 출력은 {outputs}개입니다.",
    ),
    "core.train.mse_outputs": (
        "The {which} targets have {columns} value(s) per example, but the network has {outputs} output unit(s).",
        "{which} 데이터의 목표값은 예제마다 {columns}개인데, 신경망의 출력 뉴런은 {outputs}개입니다.",
    ),
    "core.train.bce_labels": (
        "Binary cross-entropy needs {which} labels that are 0 or 1; found {value}.",
        "이진 교차 엔트로피에는 {which} 레이블이 0 또는 1이어야 합니다. 찾은 값: {value}.",
    ),
    "core.train.batchnorm_batch": (
        "Batch normalisation after a dense layer needs a batch size of at least 2.",
        "완전 연결층 뒤의 배치 정규화는 배치 크기가 2 이상이어야 합니다.",
    ),
    "core.train.which.train": ("training", "훈련"),
    "core.train.which.test": ("test", "테스트"),
    "core.train.which.input": ("input", "입력"),
    "core.train.setting.optimizer": ("optimiser", "옵티마이저"),
    "core.train.setting.loss": ("loss function", "손실 함수"),
    "core.train.setting.regularization": ("regularisation", "규제"),
    "core.train.setting.reg_rate": ("regularisation rate", "규제 강도"),
    "core.train.setting.weight_decay": ("weight decay", "가중치 감쇠"),
    "core.diverged": (
        "The loss blew up ({value}) during epoch {epoch} with learning rate {lr}: the steps are too big. Lower the "
        "learning rate (try {suggestion}) and press play again; the last good weights were kept.",
        "학습률 {lr}로 학습하던 중 {epoch}번째 에포크에서 손실이 폭발했습니다({value}). 경사 하강법의 한 걸음이 너무 큽니다. "
        "학습률을 낮추고(예: {suggestion}) 다시 **학습 시작**을 누르세요. 마지막으로 정상이던 가중치는 그대로 남아 있습니다.",
    ),
    # ---- names of optimisers, losses, regularisations (for select boxes)
    "core.optimizer.sgd": ("SGD", "SGD"),  # 확률적 경사 하강법: too long for a menu; the help says it
    "core.optimizer.momentum": ("SGD with momentum (0.9)", "모멘텀 SGD (0.9)"),
    "core.optimizer.adam": ("Adam", "Adam"),
    "core.optimizer.rmsprop": ("RMSprop", "RMSprop"),
    "core.loss.cross_entropy": ("Cross-entropy (softmax)", "교차 엔트로피 (소프트맥스)"),
    "core.loss.bce": ("Binary cross-entropy (sigmoid)", "이진 교차 엔트로피 (시그모이드)"),
    "core.loss.mse": ("Mean squared error", "평균 제곱 오차"),
    "core.regularization.none": ("None", "없음"),
    "core.regularization.l1": ("L1", "L1"),
    "core.regularization.l2": ("L2", "L2"),
    # ---- worker
    "core.worker.failed": (
        "Training stopped because of an unexpected error: {error}",
        "예기치 못한 오류로 학습이 멈췄습니다: {error}",
    ),
    "core.worker.crashed": (
        "The training process of this run stopped unexpectedly, and its progress is lost. "
        "Press Play or Reset to start the run again.",
        "이 실행을 학습하던 프로세스가 예기치 않게 멈춰 진행 상황을 잃었습니다. "
        "**학습 시작**이나 **초기화**를 누르면 다시 시작합니다.",
    ),
    "core.worker.no_process": (
        "No training process could be started on the server just now. Try again in a moment.",
        "지금은 서버에서 학습 프로세스를 시작할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    ),
    "core.worker.snapshot_failed": (
        "The live view could not be updated: {error}",
        "실시간 화면을 갱신하지 못했습니다: {error}",
    ),
    # ---- live controls (ui/live.py)
    "core.play": ("Play", "학습 시작"),
    "core.pause": ("Pause", "일시정지"),
    "core.step": ("Step one epoch", "한 에포크 진행"),
    "core.reset": ("Reset", "초기화"),
    "core.play_help": ("Train continuously until paused.", "일시정지할 때까지 계속 학습합니다."),
    "core.pause_help": ("Pause training; nothing is lost.", "학습을 잠시 멈춥니다. 지금까지의 결과는 그대로 남습니다."),
    "core.step_help": ("Train exactly one epoch, then pause.", "딱 한 에포크만 학습하고 멈춥니다."),
    "core.reset_help": (
        "Start again from freshly initialised weights with the same seed.",
        "같은 시드로 가중치를 새로 초기화해 처음부터 다시 시작합니다.",
    ),
    "core.status.paused": ("Paused", "일시정지됨"),
    "core.status.running": ("Training…", "학습 중…"),
    "core.status.finished": ("Finished", "학습 완료"),
    "core.status.diverged": ("Stopped: the loss blew up", "중단됨: 손실이 폭발했습니다"),
    "core.status.stopped": ("Stopped", "중지됨"),
    "core.status_line": (
        "{status} · epoch {epoch} · {speed} examples/s",
        "{status} · 에포크 {epoch} · 초당 예제 {speed}개",
    ),
}

"""Strings of the MNIST page, its data loader, model files and drawing canvas (prefix "mnist.")."""

STRINGS = {
    # ---- page header
    "mnist.title": ("MNIST: handwritten digits", "MNIST: 손글씨 숫자"),
    "mnist.intro": (
        "Teach a network to read handwritten digits. Pick or build a network of dense and convolutional layers, "
        "train it and watch the loss fall, then look inside: which digits it confuses, what its filters look "
        "for, and what it makes of a digit you draw yourself.",
        "손으로 쓴 숫자를 읽는 신경망을 학습시켜 봅니다. 완전 연결층과 합성곱층으로 신경망을 고르거나 직접 쌓고, "
        "학습시키면서 손실이 줄어드는 모습을 지켜본 뒤 안을 들여다보세요. 어떤 숫자를 헷갈리는지, 필터가 무엇을 "
        "찾는지, 직접 쓴 숫자를 어떻게 읽는지 확인할 수 있습니다.",
    ),
    # ---- IDX files
    "mnist.idx.unreadable": ("The file {file} cannot be read: {reason}.", "{file} 파일을 읽을 수 없습니다: {reason}."),
    "mnist.idx.bad_gzip": (
        "The file {file} is not a complete gzip file (it may be cut off or damaged): download it again.",
        "{file} 파일이 온전한 gzip 파일이 아닙니다(잘렸거나 손상되었을 수 있습니다). 다시 내려받아 주세요.",
    ),
    "mnist.idx.truncated": (
        "The file {file} is truncated: it should hold at least {expected} bytes but holds only {actual}.",
        "{file} 파일이 잘려 있습니다. 적어도 {expected}바이트여야 하는데 {actual}바이트뿐입니다.",
    ),
    "mnist.idx.too_long": (
        "The file {file} holds {actual} bytes, more than the {expected} its header announces: it is not a clean IDX file.",
        "{file} 파일은 {actual}바이트로, 머리글에 적힌 {expected}바이트보다 깁니다. 올바른 IDX 파일이 아닙니다.",
    ),
    "mnist.idx.bad_magic": (
        "The file {file} is not an MNIST IDX file: it starts with the magic number {magic} instead of 0x00000803 "
        "(images) or 0x00000801 (labels).",
        "{file} 파일은 MNIST IDX 파일이 아닙니다. 매직 넘버가 0x00000803(이미지)이나 0x00000801(레이블)이 아니라 "
        "{magic}입니다.",
    ),
    "mnist.idx.not_images": (
        "The file {file} holds labels, not images: check that the image and label files are not swapped.",
        "{file} 파일에는 이미지가 아니라 레이블이 들어 있습니다. 이미지 파일과 레이블 파일이 바뀌지 않았는지 확인해 주세요.",
    ),
    "mnist.idx.not_labels": (
        "The file {file} holds images, not labels: check that the image and label files are not swapped.",
        "{file} 파일에는 레이블이 아니라 이미지가 들어 있습니다. 이미지 파일과 레이블 파일이 바뀌지 않았는지 확인해 주세요.",
    ),
    "mnist.idx.not_28": (
        "The file {file} holds {height}×{width} images; MNIST images are 28×28.",
        "{file} 파일의 이미지는 {height}×{width} 크기입니다. MNIST 이미지는 28×28이어야 합니다.",
    ),
    "mnist.idx.bad_label": (
        "The file {file} has the label {value} at position {position}; labels must be digits 0 to 9.",
        "{file} 파일의 {position}번째 레이블이 {value}입니다. 레이블은 0부터 9까지의 숫자여야 합니다.",
    ),
    "mnist.idx.count_mismatch": (
        "{images_file} holds {images} images but {labels_file} holds {labels} labels: every image needs exactly one label.",
        "{images_file}에는 이미지가 {images}개, {labels_file}에는 레이블이 {labels}개 있습니다. 이미지마다 레이블이 "
        "하나씩 있어야 합니다.",
    ),
    "mnist.folder.not_found": (
        "The folder '{folder}' does not exist: type the path of a folder that holds the four MNIST files.",
        "'{folder}' 폴더가 없습니다. MNIST 파일 네 개가 들어 있는 폴더의 경로를 입력해 주세요.",
    ),
    "mnist.folder.outside": (
        "This server reads folders only under {root} (its operator sets that with {env}); '{folder}' is not there.",
        "이 서버는 {root} 아래의 폴더만 읽습니다(서버를 운영하는 사람이 {env}로 정합니다). '{folder}'은(는) 그 안에 "
        "있지 않습니다.",
    ),
    "mnist.idx.empty": (
        "The file {file} holds no images or labels (its header says 0).",
        "{file} 파일에는 이미지도 레이블도 없습니다(머리글에 0개라고 적혀 있습니다).",
    ),
    "mnist.idx.too_many": (
        "The file {file} announces {count} items of more than 28×28 values, or more than {limit} items: "
        "it is not an MNIST file this app reads.",
        "{file} 파일은 28×28보다 큰 항목이나 {limit}개보다 많은 항목({count}개)이 있다고 적혀 있습니다. 이 앱이 읽는 MNIST "
        "파일이 아닙니다.",
    ),
    "mnist.idx.too_long_stream": (
        "The file {file} holds more than the {expected} bytes its header announces: it is not a clean IDX file.",
        "{file} 파일은 머리글에 적힌 {expected}바이트보다 깁니다. 올바른 IDX 파일이 아닙니다.",
    ),
    "mnist.folder.missing": (
        "The folder '{folder}' lacks {files} (gzip or unpacked).",
        "'{folder}' 폴더에 {files} 파일이 없습니다(gzip 압축 파일이나 압축을 푼 파일 모두 됩니다).",
    ),
    # ---- download
    "mnist.download.failed": (
        "Could not download {file} from any mirror (last error: {reason}). Is this computer online? "
        "The embedded 5,000-digit sample keeps working.",
        "어느 미러에서도 {file} 파일을 내려받지 못했습니다(마지막 오류: {reason}). 인터넷에 연결되어 있는지 확인해 "
        "주세요. 내장된 5,000개 숫자 샘플은 그대로 쓸 수 있습니다.",
    ),
    "mnist.download.cannot_write": (
        "Cannot write into the folder '{folder}' ({reason}): set the environment variable PLAYGROUND_MNIST_DIR to a "
        "folder you can write to.",
        "'{folder}' 폴더에 쓸 수 없습니다({reason}). 환경 변수 PLAYGROUND_MNIST_DIR에 쓰기 가능한 폴더를 지정해 주세요.",
    ),
    # ---- data choices
    "mnist.data.unknown_source": (
        "Unknown data source '{source}'; choose one of: {choices}.",
        "데이터 출처 '{source}'을(를) 알 수 없습니다. 다음 중에서 고르세요: {choices}.",
    ),
    "mnist.data.bad_fraction": (
        "The validation share must be between 0 and 0.5, not {value}.",
        "검증 데이터 비율은 0에서 0.5 사이여야 합니다. 지금 값: {value}.",
    ),
    "mnist.data.not_downloaded": (
        "Full MNIST is not in '{folder}' yet: press the download button first.",
        "'{folder}'에 아직 전체 MNIST가 없습니다. 먼저 내려받기 버튼을 눌러 주세요.",
    ),
    "mnist.data.no_training": (
        "No training digits are left after the validation split: make the validation share smaller.",
        "검증 데이터를 떼어 내고 나니 훈련 데이터가 남지 않았습니다. 검증 데이터 비율을 줄여 주세요.",
    ),
    # ---- model files
    "mnist.model.not_model": (
        "This file is not a model saved by this app. Upload a .nnp file made with the download button.",
        "이 파일은 이 앱에서 저장한 모델이 아닙니다. 내려받기 버튼으로 만든 .nnp 파일을 올려 주세요.",
    ),
    "mnist.model.pickle": (
        "This file holds Python pickle data (for example from torch.save). It was not opened, because opening a "
        "pickle can run any code hidden in it. Upload a .nnp file saved by this app instead.",
        "이 파일에는 파이썬 pickle 데이터가 들어 있습니다(예: torch.save로 저장한 파일). pickle은 열기만 해도 숨겨진 "
        "코드가 실행될 수 있어서 열지 않았습니다. 이 앱에서 저장한 .nnp 파일을 올려 주세요.",
    ),
    "mnist.model.too_big": (
        "This file is larger than {limit} MB, more than any model this app builds.",
        "이 파일은 {limit}MB보다 큽니다. 이 앱이 만드는 어떤 모델보다도 큰 파일입니다.",
    ),
    "mnist.model.version": (
        "This model file has format version {version}, which this version of the app cannot read.",
        "이 모델 파일의 형식 버전은 {version}(으)로, 지금 앱에서는 읽을 수 없습니다.",
    ),
    "mnist.model.corrupt": (
        "This model file is damaged ({reason}): save the model again.",
        "모델 파일이 손상되었습니다({reason}). 모델을 다시 저장해 주세요.",
    ),
    # ---- data section
    "mnist.data.header": ("1. Digits", "1. 숫자 데이터"),
    "mnist.data.source": ("Which digits", "사용할 숫자 데이터"),
    "mnist.source.sample": ("Built-in sample (5,000 digits)", "내장 샘플(숫자 5,000개)"),
    "mnist.source.full": ("Full MNIST (70,000, download)", "전체 MNIST(70,000개, 내려받기)"),
    "mnist.source.folder": ("MNIST files in a folder", "폴더에 있는 MNIST 파일"),
    "mnist.data.validation": ("Validation share", "검증 데이터 비율"),
    "mnist.data.validation_help": (
        "Part of the training digits is set aside and never trained on. Its accuracy, measured after every epoch, "
        "tells you how well the network does on digits it has not seen.",
        "훈련용 숫자의 일부를 떼어 두고 학습에는 쓰지 않습니다. 에포크마다 이 검증 데이터로 정확도를 재면, 신경망이 "
        "처음 보는 숫자를 얼마나 잘 맞히는지 알 수 있습니다.",
    ),
    "mnist.data.download": ("Download full MNIST (11 MB)", "전체 MNIST 내려받기(11MB)"),
    "mnist.data.downloading": ("Downloading {file} … {done} of {total} MB", "{file} 내려받는 중… {total}MB 중 {done}MB"),
    "mnist.data.downloaded": (
        "Full MNIST is downloaded and checked (MD5) in {folder}.",
        "전체 MNIST를 {folder}에 내려받고 MD5 체크섬까지 확인했습니다.",
    ),
    "mnist.data.cache": (
        "Files are kept in {folder} (set the environment variable {env} to use another folder).",
        "파일은 {folder}에 저장됩니다(다른 폴더를 쓰려면 환경 변수 {env}를 지정하세요).",
    ),
    "mnist.data.folder": ("Folder with the four MNIST files", "MNIST 파일 네 개가 있는 폴더"),
    "mnist.data.folder_help": (
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, "
        "each either .gz or unpacked. Only folders under {root} can be read (the server's operator sets it with "
        "{env}); a relative path starts there.",
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte 네 파일이며, "
        ".gz 압축 파일이든 압축을 푼 파일이든 괜찮습니다. {root} 아래의 폴더만 읽을 수 있고(서버 운영자가 {env}로 "
        "정합니다), 상대 경로는 그 폴더에서 시작합니다.",
    ),
    "mnist.data.kept": ("The digits loaded before stay in use.", "앞서 불러온 숫자 데이터를 계속 사용합니다."),
    "mnist.data.using_sample": ("The built-in 5,000-digit sample is used meanwhile.", "그동안은 내장된 5,000개 숫자 샘플을 사용합니다."),
    "mnist.data.summary": (
        "{source}: {train} digits for training, {validation} for validation, {test} for the final test.",
        "{source}: 훈련 {train}개, 검증 {validation}개, 최종 시험 {test}개.",
    ),
    "mnist.data.test_mnist_test": (
        "The test digits are MNIST's own test set, written by different people than the training digits.",
        "시험 데이터는 MNIST의 공식 테스트 세트로, 훈련 데이터와는 다른 사람들이 쓴 숫자입니다.",
    ),
    "mnist.data.test_sample_holdout": (
        "The test digits are 1,000 digits (100 of each) held back from the sample, since MNIST's own test set is not "
        "downloaded.",
        "MNIST 공식 테스트 세트를 내려받지 않았으므로, 샘플에서 따로 떼어 둔 1,000개(숫자마다 100개)를 시험 데이터로 "
        "씁니다.",
    ),
    "mnist.data.peek": ("Show some training digits", "훈련용 숫자 몇 개 보기"),
    # ---- model section
    "mnist.model.header": ("2. Network", "2. 신경망"),
    "mnist.model.preset": ("Start from", "시작할 신경망"),
    "mnist.preset.softmax": ("Softmax regression", "소프트맥스 회귀"),
    "mnist.preset.mlp": ("MLP 784-128-10", "다층 퍼셉트론 784-128-10"),
    "mnist.preset.cnn": ("Small CNN", "작은 합성곱 신경망(CNN)"),
    "mnist.preset.lenet": ("LeNet-5-like CNN", "LeNet-5 스타일 CNN"),
    "mnist.preset.softmax.about": (
        "One dense layer from the 784 pixels straight to 10 outputs: each digit gets one weight per pixel. "
        "About 90% correct: the simplest network there is.",
        "784개 픽셀에서 출력 10개로 바로 가는 완전 연결층 하나뿐입니다. 숫자마다 픽셀 하나당 가중치가 하나씩 있습니다. "
        "정확도는 약 90%로, 가장 단순한 신경망입니다.",
    ),
    "mnist.preset.mlp.about": (
        "A hidden layer of 128 ReLU neurons between pixels and outputs: the network can combine pixel patterns.",
        "픽셀과 출력 사이에 ReLU 뉴런 128개짜리 은닉층을 둡니다. 신경망이 픽셀 패턴을 조합할 수 있게 됩니다.",
    ),
    "mnist.preset.cnn.about": (
        "Two convolution + max-pooling blocks learn small stroke detectors that work anywhere in the image, then a "
        "dense layer decides. A quarter of the MLP's weights, and more accurate.",
        "합성곱 + 최대 풀링 블록 두 개가 이미지 어디에서나 통하는 작은 획 검출기를 배우고, 마지막 완전 연결층이 "
        "판단합니다. 가중치는 다층 퍼셉트론의 4분의 1이지만 정확도는 더 높습니다.",
    ),
    "mnist.preset.lenet.about": (
        "After Yann LeCun's LeNet-5 (1998), which read bank cheques: two 5×5 convolution blocks and three dense layers.",
        "은행 수표를 읽던 얀 르쿤의 LeNet-5(1998)를 본뜬 구조입니다. 5×5 합성곱 블록 두 개와 완전 연결층 세 개로 "
        "이루어져 있습니다.",
    ),
    "mnist.model.col.kind": ("Layer type", "층 종류"),
    "mnist.model.col.units": ("Units / filters", "뉴런 / 필터 수"),
    "mnist.model.col.units_help": (
        "Neurons of a dense layer, or filters (output channels) of a convolution.",
        "완전 연결층의 뉴런 수, 또는 합성곱층의 필터(출력 채널) 수입니다.",
    ),
    "mnist.model.col.kernel": ("Kernel", "커널"),
    "mnist.model.col.stride": ("Stride", "스트라이드"),
    "mnist.model.col.padding": ("Padding", "패딩"),
    "mnist.model.col.size": ("Pool size", "풀링 크기"),
    "mnist.model.col.rate": ("Dropout rate", "드롭아웃 비율"),
    "mnist.model.col.activation": ("Activation", "활성화 함수"),
    "mnist.model.editor_help": (
        "Edit a cell to change a layer, use the + below the table to add one, tick rows and press the bin to delete "
        "them. Cells a layer type does not use are ignored. The last layer must be dense with 10 units (one per digit).",
        "셀을 고치면 층이 바뀌고, 표 아래의 +로 층을 추가하며, 행을 선택한 뒤 휴지통을 누르면 삭제됩니다. 층 종류에 "
        "쓰이지 않는 칸은 무시합니다. 마지막 층은 뉴런 10개(숫자마다 하나)인 완전 연결층이어야 합니다.",
    ),
    "mnist.model.move": ("Move layer", "옮길 층"),
    "mnist.model.up": ("Up", "위로"),
    "mnist.model.down": ("Down", "아래로"),
    "mnist.model.kept": (
        "Training uses the last network that worked, shown below, until the table is fixed.",
        "표를 고칠 때까지는 마지막으로 올바르게 만들어진 신경망(아래 표)으로 학습합니다.",
    ),
    "mnist.model.needs_10": (
        "The network ends with an output of shape {shape}; it must end with a dense layer of 10 units, one per digit.",
        "신경망의 출력 모양이 {shape}입니다. 마지막은 숫자마다 하나씩, 뉴런 10개짜리 완전 연결층이어야 합니다.",
    ),
    # ---- training settings
    "mnist.train.header": ("3. Training settings", "3. 학습 설정"),
    "mnist.train.optimizer": ("Optimiser", "옵티마이저"),
    "mnist.train.optimizer_help": (
        "How the weights are updated from the gradient. SGD is stochastic gradient descent; Adam adapts the step for "
        "every weight and rarely needs tuning.",
        "기울기로 가중치를 고치는 방법입니다. SGD는 확률적 경사 하강법입니다. Adam은 가중치마다 보폭을 알아서 조절해 따로 "
        "손볼 일이 거의 없습니다.",
    ),
    "mnist.train.lr": ("Learning rate", "학습률"),
    "mnist.train.lr_help": (
        "The step size of gradient descent. Too small: slow learning; too large: the loss jumps around or explodes.",
        "경사 하강법의 보폭입니다. 너무 작으면 학습이 느리고, 너무 크면 손실이 널뛰거나 폭발합니다.",
    ),
    "mnist.train.batch": ("Batch size", "배치 크기"),
    "mnist.train.batch_help": (
        "Digits per weight update. Small batches: more, noisier steps per epoch; large batches: fewer, smoother steps.",
        "가중치를 한 번 고칠 때 쓰는 숫자 개수입니다. 작으면 에포크당 업데이트가 많지만 들쭉날쭉하고, 크면 적지만 "
        "매끄럽습니다.",
    ),
    "mnist.train.epochs": ("Epochs", "에포크"),
    "mnist.train.epochs_help": ("Passes over all training digits.", "훈련 데이터 전체를 몇 번 돌지 정합니다."),
    "mnist.train.decay": ("Weight decay", "가중치 감쇠"),
    "mnist.train.decay_help": (
        "Shrinks every weight a little at each step (L2 regularisation), which fights overfitting.",
        "매 단계 가중치를 조금씩 줄입니다(L2 규제). 과적합을 막는 데 도움이 됩니다.",
    ),
    "mnist.train.seed": ("Seed", "시드"),
    "mnist.train.seed_help": (
        "Fixes the starting weights and the order of the digits: the same seed gives the same run.",
        "처음 가중치와 숫자를 보는 순서를 정합니다. 시드가 같으면 학습 결과도 같습니다.",
    ),
    "mnist.train.device": ("Device", "장치"),
    "mnist.train.device_help": (
        "Where the network and the digits live while training. A GPU, when there is one, is listed first.",
        "학습하는 동안 신경망과 데이터가 올라가 있는 곳입니다. GPU가 있으면 맨 앞에 나옵니다.",
    ),
    # ---- live training
    "mnist.live.header": ("4. Training", "4. 학습"),
    "mnist.live.train": ("Train new model", "새 모델 학습"),
    "mnist.live.train_help": (
        "Start from fresh random weights with the network and settings above.",
        "위의 신경망과 설정으로, 새로운 무작위 가중치에서 학습을 시작합니다.",
    ),
    "mnist.live.pause": ("Pause", "일시 정지"),
    "mnist.live.resume": ("Resume", "이어서 학습"),
    "mnist.live.stop": ("Stop", "멈춤"),
    "mnist.live.stop_help": (
        "End this run now; the model keeps the weights it has and is scored on the test digits.",
        "학습을 지금 끝냅니다. 모델은 지금까지 배운 가중치를 그대로 갖고, 시험 데이터로 채점됩니다.",
    ),
    "mnist.live.changed": (
        "The network or settings changed since this run started: press “Train new model” to use them.",
        "이 학습을 시작한 뒤 신경망이나 설정이 바뀌었습니다. 바뀐 내용으로 학습하려면 ‘새 모델 학습’을 누르세요.",
    ),
    "mnist.live.none": (
        "No model yet: press “Train new model” and watch the curves below.",
        "아직 모델이 없습니다. ‘새 모델 학습’을 누르고 아래 곡선을 지켜보세요.",
    ),
    "mnist.live.progress": ("Epoch {epoch} of {epochs} · {status}", "{epochs} 에포크 중 {epoch}번째 · {status}"),
    "mnist.live.epochs_done": ("Epochs done", "마친 에포크"),
    "mnist.live.speed": ("Digits per second", "초당 학습한 숫자"),
    "mnist.live.speed_help": (
        "Training speed: digits pushed through the network (forward and backward) per second.",
        "학습 속도: 1초 동안 신경망을 통과(순전파와 역전파)한 숫자의 개수입니다.",
    ),
    "mnist.live.val_acc": ("Validation accuracy", "검증 정확도"),
    "mnist.live.device_line": ("Training on: **{device}**", "학습 장치: **{device}**"),
    "mnist.live.loss": ("Loss (cross-entropy)", "손실(교차 엔트로피)"),
    "mnist.live.accuracy": ("Accuracy", "정확도"),
    "mnist.live.epoch": ("epoch", "에포크"),
    "mnist.live.train_set": ("training", "훈련"),
    "mnist.live.validation_set": ("validation", "검증"),
    "mnist.live.running": ("training (last 20 batches)", "훈련(최근 20배치)"),
    "mnist.live.test_acc": (
        "Test accuracy: {accuracy} of {n} test digits read correctly.",
        "시험 정확도: 시험용 숫자 {n}개 중 {accuracy}를 맞혔습니다.",
    ),
    # ---- inspection
    "mnist.inspect.header": ("5. Look inside", "5. 신경망 들여다보기"),
    "mnist.inspect.no_model": ("Train or load a model to look inside it.", "모델을 학습시키거나 불러오면 안을 들여다볼 수 있습니다."),
    "mnist.inspect.running": (
        "Pause or wait for the end of training to look inside the model.",
        "모델 안을 보려면 학습을 일시 정지하거나 끝날 때까지 기다리세요.",
    ),
    "mnist.inspect.tab.digits": ("Test digits", "시험 숫자"),
    "mnist.inspect.tab.confusion": ("Confusion matrix", "혼동 행렬"),
    "mnist.inspect.tab.mistakes": ("Most confident mistakes", "자신 있게 틀린 숫자"),
    "mnist.inspect.tab.weights": ("First-layer weights", "첫 층의 가중치"),
    "mnist.inspect.tab.maps": ("Feature maps", "특징 맵"),
    "mnist.inspect.digits_help": (
        "The number above each test digit is the network's answer: green when right, red when wrong.",
        "시험 숫자 위의 숫자가 신경망의 답입니다. 맞으면 초록색, 틀리면 빨간색입니다.",
    ),
    "mnist.inspect.other_digits": ("Other digits", "다른 숫자 보기"),
    "mnist.inspect.grid_score": ("{right} of these {shown} are read correctly.", "여기 보이는 {shown}개 중 {right}개를 맞혔습니다."),
    "mnist.inspect.pick": ("Digit to look at (1 = top left)", "자세히 볼 숫자(1 = 왼쪽 위)"),
    "mnist.inspect.true_label": ("written as {label}", "정답 {label}"),
    "mnist.inspect.probability": ("probability (softmax)", "확률(소프트맥스)"),
    "mnist.inspect.confusion_help": (
        "Rows: the digit that was written; columns: the network's answer. The diagonal counts correct answers; "
        "everything off it is a confusion.",
        "행은 실제로 쓴 숫자, 열은 신경망의 답입니다. 대각선은 맞힌 개수이고, 대각선 밖은 헷갈린 경우입니다.",
    ),
    "mnist.inspect.true": ("written", "실제"),
    "mnist.inspect.predicted": ("read as", "예측"),
    "mnist.inspect.top_confusion": (
        "Most frequent confusion: a written **{true}** read as **{predicted}** ({count} times).",
        "가장 많이 헷갈린 경우: 실제 **{true}** → 예측 **{predicted}** ({count}번).",
    ),
    "mnist.inspect.no_mistakes": ("No test digit is misread.", "틀린 시험 숫자가 하나도 없습니다."),
    "mnist.inspect.mistakes_help": (
        "{total} of {n} test digits are misread. These are the ones the network was surest about: written → answer, "
        "and its confidence. Some would puzzle a person too.",
        "시험 숫자 {n}개 중 {total}개를 틀렸습니다. 그중 신경망이 가장 확신했던 것들입니다(실제 → 답, 확신도). 사람이 "
        "봐도 헷갈리는 숫자도 있습니다.",
    ),
    "mnist.inspect.filters_help": (
        "The first convolution's {n} filters, each {k}×{k} weights (blue positive, orange negative). Each one slides "
        "over the digit and responds to one small pattern, such as an edge in one direction.",
        "첫 합성곱층의 필터 {n}개로, 각각 {k}×{k}개의 가중치입니다(파랑은 양수, 주황은 음수). 필터는 숫자 위를 "
        "훑으며 특정 방향의 경계 같은 작은 패턴에 반응합니다.",
    ),
    "mnist.inspect.class_weights_help": (
        "One 28×28 image of weights per digit, 0 to 9: blue pixels are evidence for that digit, orange against it. "
        "You can often see a blurry template of the digit.",
        "숫자 0부터 9까지 하나씩, 28×28 가중치 이미지입니다. 파란 픽셀은 그 숫자라는 증거, 주황 픽셀은 아니라는 증거입니다. "
        "흐릿하게 숫자 모양이 보이기도 합니다.",
    ),
    "mnist.inspect.unit_weights_help": (
        "The first dense layer's weights as 28×28 images, one per hidden neuron ({shown} of {n} shown): the pixel "
        "pattern that excites each neuron (blue) or inhibits it (orange).",
        "첫 완전 연결층의 가중치를 은닉 뉴런마다 28×28 이미지로 그렸습니다({n}개 중 {shown}개). 각 뉴런을 흥분시키는(파랑) "
        "또는 억제하는(주황) 픽셀 패턴입니다.",
    ),
    "mnist.inspect.no_weights": (
        "The first weight layer does not read the pixels directly, so its weights are not images.",
        "첫 가중치 층이 픽셀을 직접 읽지 않으므로 가중치를 이미지로 그릴 수 없습니다.",
    ),
    "mnist.inspect.no_conv": (
        "This network has no convolution layers, so there are no feature maps: try the Small CNN preset.",
        "이 신경망에는 합성곱층이 없어서 특징 맵이 없습니다. ‘작은 합성곱 신경망(CNN)’으로 시작해 보세요.",
    ),
    "mnist.inspect.maps_help": (
        "What every convolution layer outputs for one digit, one image per filter (bright = strong response). Early "
        "layers find strokes; deeper ones, after pooling, are smaller and more abstract.",
        "숫자 하나에 대해 각 합성곱층이 내놓는 출력으로, 필터마다 이미지 하나입니다(밝을수록 강한 반응). 앞쪽 층은 "
        "획을 찾고, 풀링을 거친 뒤쪽 층은 더 작고 추상적입니다.",
    ),
    "mnist.inspect.map_digit": ("Test digit number (1 to {n})", "시험 숫자 번호(1~{n})"),
    "mnist.inspect.map_title": ("Layer {layer}: {label} → {shape}", "{layer}번째 층: {label} → {shape}"),
    # ---- drawing
    "mnist.draw.header": ("6. Draw a digit", "6. 숫자 직접 쓰기"),
    "mnist.draw.help": (
        "Write a digit with the mouse (or a finger). It is cropped, scaled into 20×20 and centred in 28×28 the way "
        "MNIST's digits were, and the model answers as you draw. The bin in the toolbar above the canvas clears it.",
        "마우스(또는 손가락)로 숫자를 써 보세요. MNIST 숫자를 만들 때처럼 잘라 내고 20×20 안에 맞춘 뒤 28×28 가운데에 "
        "놓으며, 쓰는 동안 모델이 답합니다. 캔버스 위 도구 모음의 휴지통으로 지울 수 있습니다.",
    ),
    "mnist.draw.unavailable": ("The drawing canvas is not available here.", "여기에서는 그리기 캔버스를 쓸 수 없습니다."),
    "mnist.draw.empty": ("Draw a digit on the black square.", "검은 사각형 위에 숫자를 써 보세요."),
    "mnist.draw.seen": ("What the network sees (28×28)", "신경망이 보는 이미지(28×28)"),
    "mnist.draw.no_model": ("Train or load a model to hear its answer.", "모델을 학습시키거나 불러오면 답을 볼 수 있습니다."),
    "mnist.draw.prediction": ("The network reads **{digit}** ({p} sure).", "신경망의 답: **{digit}** (확신도 {p})"),
    # ---- files
    "mnist.files.header": ("7. Save, load, export", "7. 저장, 불러오기, 코드 내보내기"),
    "mnist.files.save": ("Save the model", "모델 저장"),
    "mnist.files.nothing": ("Train a model first.", "먼저 모델을 학습시키세요."),
    "mnist.files.download": ("Download model (.nnp)", "모델 내려받기(.nnp)"),
    "mnist.files.save_help": (
        "One file with the weights, the layers, the normalisation and the class names. It holds no program code.",
        "가중치, 층 구성, 정규화 값, 클래스 이름을 담은 파일 하나입니다. 프로그램 코드는 들어 있지 않습니다.",
    ),
    "mnist.files.load": ("Load a model", "모델 불러오기"),
    "mnist.files.upload": ("Model file (.nnp)", "모델 파일(.nnp)"),
    "mnist.files.upload_help": (
        "A file saved here before: inspect it, draw digits for it, or press Resume to train it further.",
        "여기서 저장했던 파일입니다. 안을 들여다보거나, 숫자를 써서 시험하거나, ‘이어서 학습’으로 더 학습시킬 수 있습니다.",
    ),
    "mnist.files.loaded": (
        "Loaded {name}: {params} weights, trained for {epochs} epochs before. It is paused: look inside, draw, or "
        "press Resume to train on.",
        "{name}을(를) 불러왔습니다. 가중치 {params}개, 앞서 {epochs} 에포크 학습한 모델입니다. 일시 정지 상태이니 안을 "
        "들여다보거나, 숫자를 써 보거나, ‘이어서 학습’을 누르세요.",
    ),
    "mnist.files.not_mnist": (
        "This model reads inputs of shape {shape} or does not give 10 outputs, so it is not an MNIST digit classifier.",
        "이 모델은 입력 모양이 {shape}이거나 출력이 10개가 아니어서 MNIST 숫자 분류기가 아닙니다.",
    ),
    "mnist.files.export": ("PyTorch and Keras code", "PyTorch와 Keras 코드"),
    "mnist.files.export_button": ("Download PyTorch script", "PyTorch 스크립트 내려받기"),
    "mnist.files.export_keras_button": ("Download Keras 3 script", "Keras 3 스크립트 내려받기"),
    "mnist.files.export_help": (
        "Standalone scripts that load these digits (the embedded sample or your IDX folder), split and normalise "
        "them as this page does, build this network and train it with these settings, then print the test accuracy. "
        "The PyTorch one starts from the same weights and gives this page's numbers; the Keras 3 one (runs on "
        "PyTorch, no TensorFlow) draws other random numbers and lands close to them.",
        "이 숫자들(내장 샘플 또는 지정한 IDX 폴더)을 읽어 이 페이지처럼 나누고 정규화한 뒤, 이 신경망을 만들어 지금 설정으로 "
        "학습하고 테스트 정확도를 출력하는 독립 실행 스크립트입니다. PyTorch 스크립트는 같은 가중치에서 시작해 이 페이지와 같은 "
        "숫자를 내고, Keras 3 스크립트(PyTorch 위에서 실행, TensorFlow 불필요)는 다른 난수를 뽑아 비슷한 숫자를 냅니다.",
    ),
    "mnist.files.show_code": ("Show the PyTorch code", "PyTorch 코드 보기"),
    "mnist.files.show_keras": ("Show the Keras 3 code", "Keras 3 코드 보기"),
}

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
}

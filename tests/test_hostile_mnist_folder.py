"""The MNIST page's folder option on a shared server: only folders under the server's data root,
no probing of the rest of the file system, and IDX files checked by their header before reading."""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import tracemalloc
from pathlib import Path

import pytest

from playground.datasets import mnist
from playground.errors import UserError

NAMES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


@pytest.fixture
def root(tmp_path, monkeypatch):
    folder = tmp_path / "root"
    folder.mkdir()
    monkeypatch.setenv(mnist.ENV_ROOT, str(folder))
    return folder


def _refused(folder: str) -> UserError:
    with pytest.raises(UserError) as err:
        mnist.load("folder", folder=folder)
    message = err.value.message("en")
    assert "Traceback" not in message and len(message) < 400 and err.value.message("ko") != message
    return err.value


def test_the_default_root_is_the_download_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(mnist.ENV_ROOT, raising=False)
    monkeypatch.setenv(mnist.ENV_DIR, str(tmp_path / "cache"))
    assert mnist.data_root() == tmp_path / "cache"


def test_folders_outside_the_root_get_one_sentence_whether_they_exist_or_not(root, tmp_path):
    (tmp_path / "secret").mkdir()
    existing, missing = _refused(str(tmp_path / "secret")), _refused(str(tmp_path / "no-such-folder"))
    assert existing.key == missing.key == "mnist.folder.outside"
    assert str(root) in str(existing)
    assert existing.params["folder"].endswith("/secret") and missing.params["folder"].endswith("/no-such-folder")
    # nothing told apart: the two sentences differ only in the folder each echoes
    assert str(existing).replace(existing.params["folder"], "X") == str(missing).replace(missing.params["folder"], "X")
    for probe in ("/root", "/proc/1/root", "/etc", str(root / ".." / "secret"), "../" * 20 + "etc"):
        assert _refused(probe).key == "mnist.folder.outside", probe
    assert _refused("~").key == "mnist.folder.not_found"  # relative: a folder named ~ under the root, not home


def test_a_link_inside_the_root_that_leads_out_is_refused(root, tmp_path):
    (tmp_path / "outside").mkdir()
    os.symlink(tmp_path / "outside", root / "link")
    assert _refused(str(root / "link")).key == "mnist.folder.outside"


def test_a_five_thousand_character_path_is_a_sentence(root):
    assert _refused("a" * 5000).key in ("mnist.folder.outside", "mnist.folder.not_found")
    assert _refused(str(root / ("b" * 5000))).key in ("mnist.folder.outside", "mnist.folder.not_found")
    assert _refused("x\x00y").key == "mnist.folder.outside"


def test_relative_paths_are_read_under_the_root(root, shared_data):
    shutil.copytree(shared_data / "mnist-10k", root / "mnist-10k")
    split = mnist.load("folder", folder="mnist-10k")
    assert len(split.test) == 2000


def _idx_header(ndim: int, shape: tuple[int, ...]) -> bytes:
    return bytes([0, 0, 8, ndim]) + b"".join(n.to_bytes(4, "big") for n in shape)


def _folder_with(root: Path, shared_data: Path, name: str, content: bytes, gz: bool = True) -> None:
    for other in NAMES:
        shutil.copy(shared_data / "mnist-10k" / f"{other}.gz", root / f"{other}.gz")
    (root / f"{name}.gz").unlink()
    (root / (f"{name}.gz" if gz else name)).write_bytes(gzip.compress(content) if gz else content)


def test_idx_files_with_no_images_are_a_sentence(root, shared_data):
    _folder_with(root, shared_data, "train-images-idx3-ubyte", _idx_header(3, (0, 28, 28)))
    assert _refused(str(root)).key == "mnist.idx.empty"


def test_a_ten_gigabyte_sparse_file_is_refused_by_its_size_unread(root, shared_data):
    _folder_with(root, shared_data, "train-images-idx3-ubyte", b"", gz=False)
    (root / "train-images-idx3-ubyte").unlink()
    path = root / "train-images-idx3-ubyte"
    with open(path, "wb") as handle:
        handle.write(_idx_header(3, (8000, 28, 28)))
        handle.truncate(10 * 2**30)  # sparse: no disk used
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert _refused(str(root)).key == "mnist.idx.too_long"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # kB: never read whole


def test_a_gzip_bomb_is_read_only_as_far_as_its_header_allows(root, shared_data):
    # a valid header for 8,000 images, then 2 GB of zeros: a 2 MB file
    header = _idx_header(3, (8000, 28, 28))
    compressor = gzip.GzipFile(root / "bomb.gz", "wb")
    compressor.write(header)
    block = bytes(2**20)
    for _ in range(2048):
        compressor.write(block)
    compressor.close()
    _folder_with(root, shared_data, "train-images-idx3-ubyte", b"")
    os.replace(root / "bomb.gz", root / "train-images-idx3-ubyte.gz")
    tracemalloc.start()
    try:
        assert _refused(str(root)).key in ("mnist.idx.too_long", "mnist.idx.too_long_stream")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_a_header_announcing_a_billion_images_is_refused_before_reading(root, shared_data):
    _folder_with(root, shared_data, "train-images-idx3-ubyte", _idx_header(3, (10**9, 28, 28)) + bytes(100))
    assert _refused(str(root)).key == "mnist.idx.too_many"

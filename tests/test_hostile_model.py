"""Model files a hostile student uploads on the MNIST page: each refused with a sentence, early, in
bounded memory. Before, a 70-dimension shape and 100,000-deep JSON reached a traceback and a 189 MB
file of amplified JSON took 16 s and 2.2 GB before it was refused."""

from __future__ import annotations

import io
import json
import pickle
import tracemalloc
import zipfile

import numpy as np
import pytest
import torch

from playground import model_io
from playground.errors import UserError

SPECS = [{"kind": "flatten"}, {"kind": "dense", "units": 10}]
SHAPE = (1, 28, 28)
NORM = {"mean": 0.1307, "std": 0.3081}


def _good() -> bytes:
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))
    state = {"1.weight": model[1].weight.detach(), "1.bias": model[1].bias.detach()}
    return model_io.save_model(SPECS, SHAPE, state, NORM, [str(d) for d in range(10)])


def _parts(data: bytes) -> tuple[dict, dict]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("model.json")), files


def _zip(meta, files: dict, raw_json: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("model.json", raw_json if raw_json is not None else json.dumps(meta))
        for name, blob in files.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def _streamed_zip(name: str, megabytes: int, extra: dict | None = None) -> bytes:
    """A small zip whose entry `name` inflates to `megabytes` MB of zeros (a zip bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for other, blob in (extra or {}).items():
            archive.writestr(other, blob)
        with archive.open(name, "w", force_zip64=True) as handle:
            block = bytes(2**20) if name.endswith(".bin") else b" " * 2**20
            for _ in range(megabytes):
                handle.write(block)
    return buffer.getvalue()


def _edit(edit) -> bytes:
    meta, files = _parts(_good())
    edit(meta, files)
    return _zip(meta, files)


def _seventy_dims(meta, files):
    meta["tensors"][1]["shape"] = [1] * 70  # the bias: 10 values -> claim 70 dimensions of 1 ... and 10 bytes
    files[meta["tensors"][1]["file"]] = np.zeros(1, np.float32).tobytes()


def _traversal(meta, files):
    meta["tensors"][0]["file"] = "../../etc/passwd"
    files["../../etc/passwd"] = files.pop("tensors/0.bin")


def _input_70(meta, files):
    meta["input_shape"] = [1] * 70


def _huge_shape(meta, files):
    meta["tensors"][0]["shape"] = [2**40, 2**40]


def _seed(meta, files):
    meta["config"] = {"seed": 2**70, "batch_size": 10**30, "learning_rate": "fast"}


CASES = {
    "seventy-dimension weight": lambda: _edit(_seventy_dims),
    "seventy-dimension input": lambda: _edit(_input_70),
    "path traversal name": lambda: _edit(_traversal),
    "huge declared shape": lambda: _edit(_huge_shape),
    "deep json": lambda: _zip(None, {}, b"[" * 100_000 + b"]" * 100_000),
    "deep json object": lambda: _zip(None, {}, b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    "json bomb": lambda: _streamed_zip("model.json", 200),
    "weight bomb": lambda: _streamed_zip("tensors/0.bin", 1000, {"model.json": json.dumps(_parts(_good())[0]).encode()}),
    "many entries": lambda: _zip(_parts(_good())[0], {f"x/{i}": b"" for i in range(5000)}),
    "random bytes": lambda: bytes(np.random.default_rng(1).integers(0, 256, 100_000, dtype=np.uint8)),
    "pickle": lambda: pickle.dumps({"weights": [1, 2, 3]}),
    "torch.save": lambda: _torch_save(),
    "bad config values": lambda: _edit(_seed),
}


def _torch_save() -> bytes:
    buffer = io.BytesIO()
    torch.save({"w": torch.zeros(3)}, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_model_file_is_refused_with_a_sentence_in_bounded_memory(name):
    data = CASES[name]()
    tracemalloc.start()
    try:
        with pytest.raises(UserError) as err:
            model_io.load_model(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = err.value.message("en")
    assert "Traceback" not in message and "site-packages" not in message and "/work" not in message
    assert err.value.message("ko") != message
    assert peak < 3 * len(data) + 16 * 2**20, f"{name}: peak {peak / 2**20:.0f} MB for {len(data) / 2**20:.1f} MB"


def test_the_good_file_still_loads():
    assert model_io.load_model(_good()).input_shape == SHAPE

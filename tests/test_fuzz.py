"""Fuzz suite, core half: a matrix of hostile inputs through the core (no Streamlit).

Every input either works or raises a UserError: a sentence in English and in Korean, short,
without a traceback or a server path; no other exception, and bounded memory for the file cases.
The page half (tests/test_fuzz_pages.py) replays the same kinds of input through every page.
The number of cases is printed at the end of the test run.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import tracemalloc
import zipfile

import numpy as np
import pytest
import torch

from playground import layers, model_io, state, training
from playground import playground_config as pc
from playground.datasets import mnist, toy
from playground.errors import UserError
from tests.conftest import count_fuzz_cases

LONG = "9" * 5000
# Hostile URL/text values: garbage, negative, huge, NaN, inf, very long, unicode, markdown, empty.
HOSTILE_TEXT = [
    "banana", "-1", "-1e308", "1e308", "9" * 400, "nan", "NaN", "inf", "-inf", LONG, "١٢٣", "🙂\u202e\u0000x",
    "**bold** ![img](http://evil.example/x.png)", "", " ", "0x10", "1_000", "True", "[1,2]", "%00", "../../etc",
]
# Hostile Python values for core functions that take numbers.
HOSTILE_VALUES = [
    None, True, -1, 0, 10**12, 2**70, 10**400, -(10**400), float("nan"), float("inf"), -float("inf"), 1e308, 2.5,
    "3", "abc", LONG, [], [1], {"a": 1}, b"\x00", complex(1, 1), np.float64("nan"), np.int64(2**62),
]


def sentence(error: UserError) -> None:
    """The one assertion: a short sentence in both languages, no traceback, no server path."""
    en, ko = error.message("en"), error.message("ko")
    assert en and ko and en != ko, error.key
    for text in (en, ko):
        assert len(text) < 700, (error.key, len(text))
        assert "Traceback" not in text and "site-packages" not in text and "/work/" not in text, text


def _works_or_says_why(call, *args, **kwargs):
    count_fuzz_cases("core")
    try:
        return call(*args, **kwargs)
    except UserError as error:
        sentence(error)
        return None


# ---------------------------------------------------------------------------- share links


PARAMS = [
    state.Param("f", 0.5, float, -1.0, 1.0),
    state.Param("i", 3, int, 1, 10),
    state.Param("s", "and", str, choices=("and", "or")),
    state.Param("b", False, bool),
]


@pytest.mark.parametrize("raw", HOSTILE_TEXT + [["1", "banana"], [LONG, "0.2"], []], ids=range(len(HOSTILE_TEXT) + 3))
def test_link_values_fall_back_or_parse(raw):
    for param in PARAMS:
        count_fuzz_cases("core")
        values, bad = state.read_params({param.name: raw}, [param])
        value = values[param.name]
        if bad:
            assert value == param.default
            shown = state.shown_value(bad[0].value)
            assert len(shown.replace("\\", "")) <= state.SHOWN_CHARS + 1
        if param.low is not None:
            assert param.low <= value <= param.high and not (isinstance(value, float) and math.isnan(value))
        if param.choices is not None:
            assert value in param.choices


@pytest.mark.parametrize("name", pc.QUERY_NAMES)
def test_playground_link_values_always_give_a_trainable_config(name):
    for raw in HOSTILE_TEXT + [["4", LONG]]:
        count_fuzz_cases("core")
        config, bad = pc.from_query({name: raw})
        data = pc.make_data(config)
        specs = pc.network_specs(config, data)
        layers.validate(specs, (len(config.features),))
        for item in bad:
            assert len(state.shown_value(item.value).replace("\\", "")) <= state.SHOWN_CHARS + 1


# ---------------------------------------------------------------------------- core settings


@pytest.mark.parametrize("field", ["n_points", "noise", "n_classes", "test_ratio", "seed"])
def test_toy_data_settings(field):
    for value in HOSTILE_VALUES:
        data = _works_or_says_why(toy.make, "blobs", **{field: value})
        if data is not None:
            assert np.isfinite(data.x_train).all()


@pytest.mark.parametrize("field", ["optimizer", "learning_rate", "batch_size", "reg_rate", "weight_decay", "seed"])
def test_training_settings(field):
    for value in HOSTILE_VALUES:
        _works_or_says_why(lambda: training.TrainConfig(**{field: value}).check())


@pytest.mark.parametrize("kind, key", [("dense", "units"), ("conv2d", "filters"), ("conv2d", "kernel"),
                                       ("conv2d", "stride"), ("conv2d", "padding"), ("maxpool", "size"),
                                       ("dropout", "rate"), ("dense", "activation"), ("dense", "kind")])
def test_layer_settings(kind, key):
    base = {"dense": {"kind": "dense", "units": 10}, "dropout": {"kind": "dropout", "rate": 0.5},
            "maxpool": {"kind": "maxpool", "size": 2}, "conv2d": {"kind": "conv2d", "filters": 4, "kernel": 3}}[kind]
    for value in HOSTILE_VALUES:
        spec = {**base, key: value}
        specs = [spec, {"kind": "flatten"}, {"kind": "dense", "units": 10}] if kind != "dense" else [{"kind": "flatten"}, spec]
        if _works_or_says_why(layers.validate, specs, (1, 28, 28)) is not None:
            _works_or_says_why(layers.check_step_memory, specs, (1, 28, 28), 512)


def test_layer_lists_and_input_shapes():
    for specs in HOSTILE_VALUES + [[None], [[]], [{"kind": "dense"}], [{}] * 1000, [{"kind": "flatten"}] * 100_000]:
        _works_or_says_why(layers.validate, specs, (1, 28, 28))
    for shape in HOSTILE_VALUES + [(1,) * 70, (0, 28, 28), (10**9, 10**9, 10**9), [1] * 10**5]:
        _works_or_says_why(layers.validate, [{"kind": "flatten"}, {"kind": "dense", "units": 10}], shape)


# ---------------------------------------------------------------------------- CSV files


def _csv_cases() -> dict[str, bytes]:
    good = "\n".join(f"{(i % 7) - 3},{(i % 5) - 2},{i % 2}" for i in range(40))
    rng = np.random.default_rng(0)
    cases = {
        "empty": b"", "blank lines": b"\n\n \n", "header only": b"x1,x2,label\n", "nul": b"1,2,0\x00\n" * 20,
        "random bytes": rng.integers(0, 256, 4096, dtype=np.uint8).tobytes(),
        "utf16": codecs.BOM_UTF16_LE + good.encode("utf-16-le"), "utf16 no bom": good.encode("utf-16-le"),
        "utf32": good.encode("utf-32"), "latin1": ("x1,x2,é\n" + good).encode("latin-1"),
        "wrong delimiter": good.replace(",", "|").encode(), "spaces": good.replace(",", " ").encode(),
        "long field": (good + "\n1," + "9" * 200_000 + ",0").encode(), "long row": ("1," * 100_000 + "0\n").encode() * 11,
        "near 1e308": "\n".join(f"{1e308 * (-1) ** i},{i},{i % 2}" for i in range(20)).encode(),
        "tiny": "\n".join(f"{1e-308 * i},{5e-324},{i % 2}" for i in range(20)).encode(),
        "nan": good.replace("\n2,", "\nnan,", 1).encode(), "inf": good.replace("\n2,", "\ninf,", 1).encode(),
        "quotes": ('"1,2,0\n' + good).encode(), "cr only": good.replace("\n", "\r").encode(),
        "one class": "\n".join(f"{i},{i},7" for i in range(20)).encode(),
        "eleven names": "\n".join(f"{i},{i},c{i % 11}" for i in range(30)).encode(),
        "names and numbers": "\n".join(f"{i % 3},{i % 4},{'cat' if i % 2 else 1}" for i in range(30)).encode(),
        "unicode names": "\n".join(f"{i % 3},{i % 4},{'고양이🐈' if i % 2 else '개'}" for i in range(30)).encode(),
        "markdown names": "\n".join(f"{i % 3},{i % 4},{'**x**' if i % 2 else '![i](http://e/x.png)'}" for i in range(30)).encode(),
        "20001 rows": ("1,2,0\n3,4,1\n" * 10_001).encode(), "5 MB": b"1,2,0\n" * 900_000,
        "hex floats": "\n".join(f"0x{i}p0,{i},{i % 2}" for i in range(20)).encode(),
        "underscored": "\n".join(f"1_0{i},{i},{i % 2}" for i in range(20)).encode(),
    }
    return cases


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_csv_files(task):
    for name, content in _csv_cases().items():
        tracemalloc.start()
        try:
            data = _works_or_says_why(toy.from_csv, content, task=task)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 12 * len(content) + 8 * 2**20, (name, peak)
        if data is not None:
            assert np.isfinite(data.x_train).all() and np.abs(data.x_train).max() <= toy.EXTENT + 1e-3, name
            assert np.isfinite(data.y_train.astype(np.float64)).all(), name


# ---------------------------------------------------------------------------- model files


def _good_model() -> bytes:
    specs = [{"kind": "flatten"}, {"kind": "dense", "units": 10}]
    model = layers.build(specs, (1, 28, 28), seed=0)
    return model_io.save_model(specs, (1, 28, 28), model.state_dict(), {"mean": 0.1, "std": 0.3}, list("0123456789"),
                               config={"seed": 1, "epochs": 2}, history={"epoch": [1, 2]})


def _mutations(data: bytes):
    rng = np.random.default_rng(1)
    for cut in (1, 4, 30, len(data) // 2, len(data) - 1):
        yield f"cut {cut}", data[:cut]
    for i in range(30):
        flipped = bytearray(data)
        for pos in rng.integers(0, len(data), 1 + i % 4):
            flipped[pos] ^= 1 << int(rng.integers(0, 8))
        yield f"flip {i}", bytes(flipped)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    meta = json.loads(files["model.json"])
    edits = {
        "specs string": ("specs", "dense"), "specs deep": ("specs", [[[[]]]]), "shape string": ("input_shape", "1,28,28"),
        "shape 70": ("input_shape", [1] * 70), "norm zero": ("normalisation", {"mean": 0, "std": 0}),
        "norm nan": ("normalisation", {"mean": "nan", "std": 1}), "names dict": ("class_names", {"a": 1}),
        "names many": ("class_names", ["x"] * 5000), "config list": ("config", [1, 2]),
        "config seed": ("config", {"seed": 2**70}), "config epochs": ("config", {"epochs": int("9" * 4000)}),
        "config lr": ("config", {"learning_rate": -1}), "history list": ("history", [1, 2]),
        "history long": ("history", {"epoch": list(range(100_000))}), "tensors dict": ("tensors", {"a": 1}),
        "tensor shape 70": ("tensors", [{**meta["tensors"][0], "shape": [1] * 70}, meta["tensors"][1]]),
        "tensor dtype": ("tensors", [{**meta["tensors"][0], "dtype": "object"}, meta["tensors"][1]]),
        "tensor file": ("tensors", [{**meta["tensors"][0], "file": "/etc/passwd"}, meta["tensors"][1]]),
        "tensor shape neg": ("tensors", [{**meta["tensors"][0], "shape": [-10, -784]}, meta["tensors"][1]]),
        "version": ("version", 10**5000 if False else "2"),
    }
    for name, (key, value) in edits.items():
        changed = dict(meta, **{key: value})
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("model.json", json.dumps(changed))
            for other, blob in files.items():
                if other != "model.json":
                    archive.writestr(other, blob)
        yield name, buffer.getvalue()


def test_model_files():
    from tests.test_hostile_model import CASES

    good = _good_model()
    cases = list(_mutations(good)) + [(name, make()) for name, make in CASES.items()]
    for name, data in cases:
        tracemalloc.start()
        try:
            _works_or_says_why(model_io.load_model, data)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 3 * len(data) + 24 * 2**20, (name, peak)


# ---------------------------------------------------------------------------- folders


def test_folders(tmp_path, monkeypatch):
    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    for folder in ["/", "/root", "/proc/1/root", "/proc/self/fd/0", "/dev/zero", "../../..", "~", "~root", LONG,
                   "a/" * 3000, "\x00", "C:\\Windows", "//server/share", "🙂", "", " ", "/" + "x" * 300, ".", "./"]:
        split = _works_or_says_why(mnist.load, "folder", folder=folder)
        assert split is None, folder

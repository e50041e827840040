"""Exported scripts reproduce the page's run: run in a fresh Python process, outside the repository.

The reference is the page's own trainer (playground_config.make_trainer, mnist_presets.make_trainer)
after the same number of epochs. The PyTorch script draws the same data, weights and batch order,
so its test accuracy is the page's to float rounding (the page trains tiny dense networks with
hand-derived gradients); the Keras script draws other random numbers from the same distributions
and must reach a comparable accuracy.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

from playground import export_code, layers
from playground import features as feats
from playground import playground_config as pc
from playground.datasets import mnist, toy
from playground.mnist_presets import PRESETS, default_config, make_trainer

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, folder: Path, keras: bool = False, files: dict[str, bytes] | None = None) -> dict[str, float]:
    """Run `code` as a file in `folder` in a fresh interpreter that cannot import the playground; its final scores."""
    script = folder / "exported.py"
    script.write_text(code, encoding="utf-8")
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KERAS_BACKEND")}
    # One thread: the scripts' networks are tiny, and CI has two cores shared by several test processes.
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1")
    if keras:
        env["KERAS_BACKEND"] = "torch"
    done = subprocess.run([sys.executable, "-I", str(script)], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    scores = {key: float(value) for key, value in re.findall(r"^test (loss|accuracy): ([-\d.]+)$", done.stdout, re.M)}
    assert "loss" in scores, done.stdout[-2000:]
    return scores


def _namespace(code: str) -> dict:
    """The script imported, not run: its functions and its freshly built `model`."""
    namespace = {"__name__": "exported", "__file__": "exported.py"}
    exec(compile(code, "exported.py", "exec"), namespace)
    return namespace


def _page_scores(config: pc.PlaygroundConfig, data: toy.ToyData, epochs: int) -> tuple[float, float | None]:
    trainer = pc.make_trainer(config, data)
    for _ in range(epochs):
        assert trainer.train_epoch()
    return trainer.history["test_loss"][-1], trainer.history["test_acc"][-1]


def _csv_file() -> bytes:
    """Two classes named by words, coordinates in the hundreds (the page shifts and scales them), a header."""
    rng = np.random.default_rng(3)
    rows = ["x;y;kind"]
    for _ in range(300):
        x, y = rng.uniform(-100, 300, 2)
        rows.append(f"{x:.3f};{y:.3f};{'inside' if (x - 100) ** 2 + (y - 100) ** 2 < 120 ** 2 else 'outside'}")
    return "\n".join(rows).encode()


# Playground runs: (config, epochs). Default settings are the page's (sgd, lr 0.03, batch 10, tanh 4-2).
RUNS = {
    "circle 4-2 tanh": (pc.PlaygroundConfig(dataset="circle"), 30),
    "xor 4-2 relu, adam, noise": (pc.PlaygroundConfig(dataset="xor", noise=10, activations=("relu", "relu"),
                                                      optimizer="adam", learning_rate=0.03), 15),
    "spiral 8-8 tanh, sin features, L2": (pc.PlaygroundConfig(
        dataset="spiral", hidden=(8, 8), activations=("tanh", "tanh"), features=("x1", "x2", "sin_x1", "sin_x2"),
        optimizer="adam", learning_rate=0.03, regularization="l2", reg_rate=0.001, points=400, seed=7), 20),
    "blobs 3 classes, momentum, L1": (pc.PlaygroundConfig(dataset="blobs", classes=3, noise=20, optimizer="momentum",
                                                          regularization="l1", reg_rate=0.001, train_percent=70), 10),
    "plane regression": (pc.PlaygroundConfig(problem="regression", dataset="plane", hidden=(3,), activations=("tanh",),
                                             features=("x1", "x2", "x1_sq")), 10),
}


@pytest.mark.parametrize("name", list(RUNS))
def test_pytorch_export_of_the_playground_reproduces_the_pages_run(name, tmp_path):
    config, epochs = RUNS[name]
    data = pc.make_data(config)
    page_loss, page_acc = _page_scores(config, data, epochs)
    scores = _run(export_code.playground_script(config, data, epochs), tmp_path)
    # Same data, weights and batch order: the same numbers up to float rounding.
    assert scores["loss"] == pytest.approx(page_loss, rel=2e-3, abs=2e-4)
    if page_acc is not None:
        assert abs(scores["accuracy"] - page_acc) <= 0.005


def test_pytorch_export_of_an_uploaded_csv_reads_the_file_as_the_page_did(tmp_path):
    config = pc.PlaygroundConfig(dataset="csv", hidden=(6,), activations=("tanh",), optimizer="adam", batch_size=20,
                                 train_percent=60, data_seed=4)
    data = pc.make_data(config, _csv_file(), "my points.csv")
    assert data.scale != 1.0 and data.class_names == ("inside", "outside")  # the page rescaled and named them
    page_loss, page_acc = _page_scores(config, data, 15)
    code = export_code.playground_script(config, data, 15)
    assert "CSV_FILE = 'my points.csv'" in code
    scores = _run(code, tmp_path, files={"my points.csv": _csv_file()})
    assert scores["loss"] == pytest.approx(page_loss, rel=2e-3, abs=2e-4)
    assert abs(scores["accuracy"] - page_acc) <= 0.005


@pytest.mark.parametrize("name", [*toy.CLASSIFICATION, *toy.REGRESSION])
def test_exported_data_is_the_pages_data_for_every_generator(name):
    problem = toy.task_of(name)
    config = pc.PlaygroundConfig(problem=problem, dataset=name, noise=25, points=123, data_seed=11, classes=4,
                                 train_percent=70, features=tuple(feats.FEATURES))
    data = pc.make_data(config)
    namespace = _namespace(export_code.playground_script(config, data, 1))
    (x_train, y_train), (x_test, y_test), test = namespace["load_data"]()
    assert test is None
    np.testing.assert_array_equal(x_train, feats.transform(data.x_train, config.features))
    np.testing.assert_array_equal(x_test, feats.transform(data.x_test, config.features))
    np.testing.assert_array_equal(y_train, data.y_train)
    np.testing.assert_array_equal(y_test, data.y_test)
    assert y_train.dtype == data.y_train.dtype


def test_exported_model_starts_from_the_pages_weights():
    config = pc.PlaygroundConfig(hidden=(5, 3), activations=("relu", "elu"), seed=123)
    data = pc.make_data(config)
    exported = _namespace(export_code.playground_script(config, data, 3))["model"]
    ours = pc.make_trainer(config, data).model
    assert exported.state_dict().keys() == ours.state_dict().keys()
    for key, value in ours.state_dict().items():
        torch.testing.assert_close(exported.state_dict()[key], value, rtol=0, atol=0)


def _idx(array: np.ndarray) -> bytes:
    """`array` (uint8) as an IDX file: magic 0x0000080N, then each dimension as a big-endian int32."""
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    return header + np.ascontiguousarray(array, np.uint8).tobytes()


@pytest.fixture
def no_download(tmp_path, monkeypatch):
    """No MNIST download cache: the sample's test digits are the 1,000 it holds out."""
    monkeypatch.setenv(mnist.ENV_DIR, str(tmp_path / "no-cache"))


def test_pytorch_export_of_mnist_reproduces_softmax_regression_on_the_sample(tmp_path, no_download):
    split = mnist.load("sample", None, 0.1, seed=0)
    assert split.test_source == "sample_holdout"
    config = default_config(device="cpu")
    trainer = make_trainer(PRESETS["softmax"], config, split.train, split.validation)
    assert trainer.train_epoch()
    page_test = trainer.evaluate(mnist.to_input(split.test.images), split.test.labels)
    scores = _run(export_code.mnist_script(PRESETS["softmax"], config, 1, split, validation=0.1), tmp_path)
    assert scores["loss"] == pytest.approx(page_test[0], rel=1e-3)
    assert abs(scores["accuracy"] - page_test[1]) <= 0.003


def test_pytorch_export_of_mnist_reads_an_idx_folder(tmp_path, monkeypatch):
    """A folder of IDX files (gzip and raw, all three spellings), as the page's "folder" source reads it."""
    sample = mnist.embedded_sample()
    pick = np.random.default_rng(0).permutation(len(sample))
    folder = tmp_path / "digits"
    folder.mkdir()
    (folder / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(_idx(sample.images[pick[:1500]])))
    (folder / "train-labels-idx1.ubyte").write_bytes(_idx(sample.labels[pick[:1500]].astype(np.uint8)))
    (folder / "t10k-images.idx3-ubyte").write_bytes(_idx(sample.images[pick[1500:2000]]))
    (folder / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(_idx(sample.labels[pick[1500:2000]].astype(np.uint8))))
    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    split = mnist.load("folder", str(folder), 0.2, seed=0)
    config = default_config(device="cpu", batch_size=64, learning_rate=0.003, seed=5)
    trainer = make_trainer(PRESETS["softmax"], config, split.train, split.validation)
    for _ in range(2):
        assert trainer.train_epoch()
    page_test = trainer.evaluate(mnist.to_input(split.test.images), split.test.labels)
    code = export_code.mnist_script(PRESETS["softmax"], config, 2, split, folder=str(folder), validation=0.2)
    assert f"MNIST_FOLDER = {str(folder)!r}" in code and "SOURCE = 'folder'" in code
    scores = _run(code, tmp_path)
    assert scores["loss"] == pytest.approx(page_test[0], rel=1e-3)
    assert abs(scores["accuracy"] - page_test[1]) <= 0.003


def _idx_folder(folder: Path, n_train: int = 600, n_test: int = 200) -> None:
    """The four standard MNIST files in `folder`, holding sample digits (gzip, as the download leaves them)."""
    sample = mnist.embedded_sample()
    pick = np.random.default_rng(1).permutation(len(sample))
    folder.mkdir(parents=True, exist_ok=True)
    parts = {"train": pick[:n_train], "t10k": pick[n_train:n_train + n_test]}
    for prefix, index in parts.items():
        (folder / f"{prefix}-images-idx3-ubyte.gz").write_bytes(gzip.compress(_idx(sample.images[index])))
        (folder / f"{prefix}-labels-idx1-ubyte.gz").write_bytes(gzip.compress(_idx(sample.labels[index].astype(np.uint8))))


@pytest.mark.parametrize("source", ["full", "sample"])
def test_exported_mnist_digits_are_the_pages_with_a_download_cache(source, tmp_path, monkeypatch):
    """"full" reads the cache folder; the sample then takes its test digits from there: so do the scripts."""
    cache = tmp_path / "cache"
    _idx_folder(cache)
    monkeypatch.setenv(mnist.ENV_DIR, str(cache))
    monkeypatch.setattr(mnist, "is_downloaded", lambda folder=None: True)  # our small files stand in for MNIST's
    split = mnist.load(source, None, 0.15, seed=0)
    assert split.test_source == "mnist_test"
    for framework in export_code.FRAMEWORKS:
        code = export_code.mnist_script(PRESETS["softmax"], default_config(device="cpu"), 1, split, validation=0.15,
                                        framework=framework)
        assert f"MNIST_FOLDER = {str(cache)!r}" in code
        if framework == "keras":
            monkeypatch.setenv("KERAS_BACKEND", "torch")
        train, val, test = _namespace(code)["load_data"]()
        for (x, y), digits in ((train, split.train), (val, split.validation), (test, split.test)):
            np.testing.assert_array_equal(x, mnist.to_input(digits.images))
            np.testing.assert_array_equal(y, digits.labels)


@pytest.mark.parametrize("text, problem", [
    ("1\t2\t-1\n" + "".join(f"{i % 7 - 3}\t{i % 5 - 2}\t{1 if i % 3 else -1}\n" for i in range(40)), "classification"),
    ("a;b;value\n" + "".join(f"{i * 3.5};{-i};{i / 10}\n" for i in range(30)), "regression"),
])
def test_exported_csv_reading_is_the_pages(text, problem, tmp_path):
    """Tab-separated numeric labels without a header; a ;-separated regression file the page rescales."""
    config = pc.PlaygroundConfig(problem=problem, dataset="csv", train_percent=80, data_seed=2,
                                 features=("x1", "x2", "x1x2"))
    data = pc.make_data(config, text.encode(), "data.csv")
    (tmp_path / "data.csv").write_text(text)
    namespace = _namespace(export_code.playground_script(config, data, 1))
    namespace["__file__"] = str(tmp_path / "exported.py")
    (x_train, y_train), (x_test, y_test), _ = namespace["load_data"]()
    np.testing.assert_array_equal(x_train, feats.transform(data.x_train, config.features))
    np.testing.assert_array_equal(x_test, feats.transform(data.x_test, config.features))
    np.testing.assert_array_equal(y_train, data.y_train)
    np.testing.assert_array_equal(y_test, data.y_test)


CONV = [
    {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "batchnorm"},
    {"kind": "maxpool", "size": 2},
    {"kind": "conv2d", "filters": 6, "kernel": 5, "stride": 2, "activation": "leaky_relu"},
    {"kind": "avgpool", "size": 2},
    {"kind": "flatten"},
    {"kind": "dropout", "rate": 0.25},
    {"kind": "dense", "units": 16, "activation": "gelu"},
    {"kind": "batchnorm"},
    {"kind": "dense", "units": 10},
]


def test_exported_mnist_network_is_the_pages_with_its_weights_and_dropout_masks(no_download):
    config = default_config(device="cpu", optimizer="momentum", weight_decay=1e-4, seed=9)
    split = mnist.load("sample", None, 0.1, seed=0)
    namespace = _namespace(export_code.mnist_script(CONV, config, 1, split))
    exported = namespace["model"]
    ours = layers.build(CONV, mnist.IMAGE_SHAPE, seed=config.seed)
    assert exported.state_dict().keys() == ours.state_dict().keys()
    for key, value in ours.state_dict().items():
        torch.testing.assert_close(exported.state_dict()[key], value, rtol=0, atol=0)
    # A few steps of both on the same digits: the same dropout masks and batch order give the same weights.
    small = split.train.take(np.arange(0, len(split.train), 40))
    trainer = make_trainer(CONV, config, small, None)
    assert trainer.train_epoch()
    x, y = mnist.to_input(small.images), small.labels
    namespace["EPOCHS"] = 1
    namespace["train"]((x, y), None, 1)
    for key, value in trainer.model.state_dict().items():
        torch.testing.assert_close(exported.state_dict()[key], value, rtol=1e-4, atol=1e-5)


# ---------------------------------------------------------------------------- Keras 3 (PyTorch backend)


def test_keras_export_of_the_playground_trains_to_a_comparable_accuracy(tmp_path):
    config = pc.PlaygroundConfig(dataset="xor", hidden=(8,), activations=("relu",), optimizer="adam", learning_rate=0.03,
                                 batch_size=25, noise=5)
    data = pc.make_data(config)
    _, page_acc = _page_scores(config, data, 20)
    scores = _run(export_code.playground_script(config, data, 20, framework="keras"), tmp_path, keras=True)
    assert page_acc > 0.9
    assert scores["accuracy"] > page_acc - 0.06


def test_keras_export_of_mnist_softmax_regression_on_the_sample(tmp_path, no_download):
    split = mnist.load("sample", None, 0.1, seed=0)
    config = default_config(device="cpu")
    trainer = make_trainer(PRESETS["softmax"], config, split.train, split.validation)
    assert trainer.train_epoch()
    page_acc = trainer.evaluate(mnist.to_input(split.test.images), split.test.labels)[1]
    scores = _run(export_code.mnist_script(PRESETS["softmax"], config, 1, split, framework="keras"), tmp_path, keras=True)
    assert abs(scores["accuracy"] - page_acc) <= 0.03


def test_keras_export_builds_the_same_layers_with_the_same_parameter_counts(monkeypatch, no_download):
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    split = mnist.load("sample", None, 0.1, seed=0)
    config = default_config(device="cpu", weight_decay=1e-4)
    model = _namespace(export_code.mnist_script(CONV, config, 1, split, framework="keras"))["model"]
    trainable = [w for w in model.trainable_weights]
    assert sum(int(np.prod(w.shape)) for w in trainable) == layers.total_params(layers.validate(CONV, mnist.IMAGE_SHAPE))
    assert tuple(model.output_shape) == (None, 10)
    # Each layer's output has the page's shape (channels last).
    names = [type(layer).__name__ for layer in model.layers]
    assert names.count("ZeroPadding2D") == 1 and names.count("LeakyReLU") == 1 and names.count("BatchNormalization") == 2
    playground = pc.PlaygroundConfig(regularization="l2", reg_rate=0.01)
    code = export_code.playground_script(playground, pc.make_data(playground), 5, framework="keras")
    assert "kernel_regularizer=keras.regularizers.L2(REG_RATE)" in code and "REG_RATE = 0.01" in code


def test_the_epochs_are_those_the_page_trained_or_a_default_before_any():
    config = pc.PlaygroundConfig()
    data = pc.make_data(config)
    assert f"EPOCHS = {export_code.DEFAULT_EPOCHS} " in export_code.playground_script(config, data, 0)
    assert "EPOCHS = 37 " in export_code.playground_script(config, data, 37)
    assert "SEED = 4 " in export_code.playground_script(replace(config, seed=4), data, 1)


def test_keras_export_of_a_regression_trains_and_reports_its_loss(monkeypatch, capsys):
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    config = pc.PlaygroundConfig(problem="regression", dataset="multi_gaussian", hidden=(6,), activations=("tanh",),
                                 optimizer="rmsprop", learning_rate=0.01, batch_size=25)
    data = pc.make_data(config)
    page_loss, _ = _page_scores(config, data, 5)
    namespace = _namespace(export_code.playground_script(config, data, 5, framework="keras"))
    namespace["main"]()
    loss = float(re.search(r"^test loss: ([\d.]+)$", capsys.readouterr().out, re.M).group(1))
    untrained = float(np.mean(data.y_test ** 2))  # the loss of always answering 0
    assert loss < untrained and page_loss < untrained
    assert loss == pytest.approx(page_loss, rel=0.5)

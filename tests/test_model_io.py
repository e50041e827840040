"""Model files: save -> load gives identical predictions; pickles are refused without being run."""

from __future__ import annotations

import io
import json
import pickle
import zipfile

import numpy as np
import pytest
import torch

from playground import layers, model_io
from playground.errors import UserError

SHAPE = (1, 28, 28)
SPECS = [
    {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "batchnorm"},
    {"kind": "maxpool", "size": 2},
    {"kind": "flatten"},
    {"kind": "dropout", "rate": 0.25},
    {"kind": "dense", "units": 10},
]
NORM = {"mean": 0.1307, "std": 0.3081}
CLASSES = [str(d) for d in range(10)]


def _trained_model() -> torch.nn.Sequential:
    """A model whose weights and batch-norm statistics moved away from their initial values."""
    torch.manual_seed(0)
    model = layers.build(SPECS, SHAPE, seed=5)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(3):
        x, y = torch.randn(16, *SHAPE), torch.randint(0, 10, (16,))
        loss = torch.nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.eval()


def test_save_load_gives_identical_predictions_and_metadata():
    model = _trained_model()
    history = {"epoch": [1, 2], "train_loss": [0.9, 0.5]}
    config = {"optimizer": "adam", "learning_rate": 0.001, "batch_size": 32}
    data = model_io.save_model(SPECS, SHAPE, model.state_dict(), NORM, CLASSES, config=config, history=history)
    saved = model_io.load_model(data)
    assert saved.specs == SPECS and saved.input_shape == SHAPE
    assert saved.normalisation == NORM and saved.class_names == CLASSES
    assert saved.config == config and saved.history == history
    assert saved.state["2.num_batches_tracked"].dtype == torch.int64  # buffers travel too
    x = torch.randn(32, *SHAPE)
    with torch.no_grad():
        assert torch.equal(saved.build().eval()(x), model(x))


def test_loaded_weights_continue_in_a_trainer():
    from playground.training import TrainConfig, Trainer

    model = _trained_model()
    saved = model_io.load_model(model_io.save_model(SPECS, SHAPE, model.state_dict(), NORM, CLASSES))
    x = np.random.default_rng(0).normal(size=(40, *SHAPE)).astype(np.float32)
    y = np.arange(40) % 10
    trainer = Trainer(saved.specs, saved.input_shape, TrainConfig(batch_size=8, device="cpu"), x, y)
    trainer.load_state_dict(saved.state)
    with torch.no_grad():
        expected = torch.softmax(model(torch.from_numpy(x)), dim=1).numpy()
    assert np.allclose(trainer.predict(x), expected, atol=1e-6)
    assert trainer.train_epoch()  # and it trains on from there


class _Evil:
    """Unpickling this would create the marker file (the classic pickle attack)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_payload_really_is_malicious(tmp_path):
    """The attack works when unpickled, so the refusal tests below could fail."""
    marker = tmp_path / "proof"
    pickle.loads(pickle.dumps(_Evil(str(marker)))).close()
    assert marker.exists()


def test_malicious_pickle_is_refused_without_running(tmp_path):
    marker = tmp_path / "pwned"
    with pytest.raises(UserError) as excinfo:
        model_io.load_model(pickle.dumps({"state": _Evil(str(marker))}))
    assert "pickle" in str(excinfo.value) and "not opened" in str(excinfo.value)
    assert not marker.exists()


def test_malicious_torch_save_is_refused_without_running(tmp_path):
    marker = tmp_path / "pwned-by-torch"
    buffer = io.BytesIO()
    torch.save({"weights": torch.zeros(2), "evil": _Evil(str(marker))}, buffer)
    with pytest.raises(UserError, match="pickle"):
        model_io.load_model(buffer.getvalue())
    assert not marker.exists()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, I am a text file",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        _zip({"readme.txt": b"hi"}),
        _zip({"model.json": b"{not json"}),
        _zip({"model.json": json.dumps({"format": "someone-else"}).encode()}),
    ],
    ids=["empty", "text", "png", "zip-without-model", "broken-json", "foreign-json"],
)
def test_files_that_are_not_models_get_a_clear_message(data):
    with pytest.raises(UserError, match="not a model saved by this app"):
        model_io.load_model(data)


def _edited(data: bytes, edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    meta = json.loads(files["model.json"])
    edit(meta, files)
    files["model.json"] = json.dumps(meta).encode()
    return _zip(files)


def test_damaged_model_files_say_what_is_wrong():
    data = model_io.save_model(SPECS, SHAPE, _trained_model().state_dict(), NORM, CLASSES)

    def cut_weights(meta, files):
        files["tensors/0.bin"] = files["tensors/0.bin"][:-4]

    def wrong_layers(meta, files):
        meta["specs"][0]["filters"] = 5  # weights are for 4 filters

    def impossible_layers(meta, files):
        meta["specs"][0]["kernel"] = 99

    with pytest.raises(UserError, match="damaged.*bytes instead of"):
        model_io.load_model(_edited(data, cut_weights))
    with pytest.raises(UserError, match="damaged"):
        model_io.load_model(_edited(data, wrong_layers))
    with pytest.raises(UserError, match="Layer 1"):
        model_io.load_model(_edited(data, impossible_layers))
    with pytest.raises(UserError, match="version"):
        model_io.load_model(_edited(data, lambda meta, files: meta.update(version=99)))

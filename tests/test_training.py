"""The trainer against hand-computed updates and losses, seeded reproducibility, divergence, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from playground import layers, training
from playground.errors import UserError
from playground.training import TrainConfig, Trainer

# ---------------------------------------------------------------------------- small data sets
# (our own generators, so these tests do not depend on playground/datasets)


def _circle(n, seed):
    rng = np.random.default_rng(seed)
    radius = rng.permutation(np.concatenate([rng.uniform(0, 2.0, n // 2), rng.uniform(3.0, 5.0, n - n // 2)]))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], 1).astype(np.float32)
    return x, (radius < 2.5).astype(np.int64)


def _xor(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.4, 5, (n, 2)) * rng.choice([-1, 1], (n, 2))
    return x.astype(np.float32), (x[:, 0] * x[:, 1] > 0).astype(np.int64)


def _blobs(n, seed, centres=((2, 2), (-2, -2))):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, len(centres), n)
    x = np.asarray(centres, dtype=np.float64)[y] + rng.normal(0, 0.8, (n, 2))
    return x.astype(np.float32), y.astype(np.int64)


def _split(x, y):
    half = len(x) // 2
    return x[:half], y[:half], x[half:], y[half:]


DEFAULT = layers.dense_stack([4, 2], "tanh", 2)


def _train_until(trainer, accuracy, max_epochs):
    for _ in range(max_epochs):
        assert trainer.train_epoch(), trainer.diverged
        if trainer.history["test_acc"][-1] >= accuracy:
            break
    return trainer.history["test_acc"][-1]


@pytest.mark.parametrize(
    "make, specs, config, epochs",
    [
        (_circle, DEFAULT, TrainConfig(learning_rate=0.1), 100),  # the playground's default network
        (_blobs, DEFAULT, TrainConfig(), 50),
        (_xor, layers.dense_stack([8, 8], "tanh", 2), TrainConfig(optimizer="adam", learning_rate=0.01), 100),
        (_xor, layers.dense_stack([8], "relu", 1), TrainConfig(loss="bce", optimizer="momentum", learning_rate=0.01), 100),
    ],
)
def test_reaches_95_percent_on_separable_data(make, specs, config, epochs):
    x, y = make(500, seed=1)
    if config.loss == "bce":
        y = y.astype(np.float32)
    trainer = Trainer(specs, (2,), config, *_split(x, y))
    assert _train_until(trainer, 0.95, epochs) >= 0.95
    assert trainer.history["epoch"] == list(range(1, trainer.epoch + 1))
    assert trainer.history["train_loss"][-1] < trainer.history["train_loss"][0]


def test_three_classes_with_cross_entropy():
    x, y = _blobs(600, 2, centres=((3, 0), (-2, 2.5), (-2, -2.5)))
    trainer = Trainer(layers.dense_stack([6], "relu", 3), (2,), TrainConfig(optimizer="adam", learning_rate=0.02), *_split(x, y))
    assert _train_until(trainer, 0.95, 60) >= 0.95
    probs = trainer.predict(x[:7])
    assert probs.shape == (7, 3)
    np.testing.assert_allclose(probs.sum(1), 1, rtol=1e-5)


def test_small_cnn_learns_bar_orientation():
    rng = np.random.default_rng(0)
    n = 240
    y = rng.integers(0, 2, n)
    images = rng.normal(0, 0.3, (n, 1, 8, 8)).astype(np.float32)
    for i, where in enumerate(rng.integers(1, 7, n)):
        if y[i]:
            images[i, 0, :, where] += 2.0  # a vertical bar
        else:
            images[i, 0, where, :] += 2.0  # a horizontal bar
    specs = [
        {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
        {"kind": "maxpool", "size": 2},
        {"kind": "batchnorm"},
        {"kind": "flatten"},
        {"kind": "dropout", "rate": 0.1},
        {"kind": "dense", "units": 2},
    ]
    config = TrainConfig(optimizer="adam", learning_rate=0.01, batch_size=16)
    trainer = Trainer(specs, (1, 8, 8), config, images[:160], y[:160], images[160:], y[160:])
    assert _train_until(trainer, 0.95, 30) >= 0.95


# ---------------------------------------------------------------------------- reproducibility


def test_same_seed_same_run_and_another_seed_another_run():
    x, y = _circle(200, 3)
    specs = [*DEFAULT[:1], {"kind": "dropout", "rate": 0.2}, *DEFAULT[1:]]  # dropout masks are seeded too
    runs = []
    for seed in (5, 5, 6):
        trainer = Trainer(specs, (2,), TrainConfig(seed=seed, optimizer="momentum"), *_split(x, y))
        for _ in range(4):
            trainer.train_epoch()
        runs.append((trainer.history, trainer.state_dict()))
    assert runs[0][0] == runs[1][0]
    assert all(torch.equal(runs[0][1][k], runs[1][1][k]) for k in runs[0][1])
    assert runs[0][0]["train_loss"] != runs[2][0]["train_loss"]


def test_train_steps_splits_epochs_without_changing_the_run():
    x, y = _circle(100, 4)
    whole = Trainer(DEFAULT, (2,), TrainConfig(batch_size=8), *_split(x, y))
    pieces = Trainer(DEFAULT, (2,), TrainConfig(batch_size=8), *_split(x, y))
    assert whole.batches_per_epoch == math.ceil(50 / 8) == 7
    whole.train_epoch()
    whole.train_epoch()
    for n in (3, 2, 5, 4):  # 14 steps = 2 epochs, crossing an epoch end mid-call
        pieces.train_steps(n)
        if pieces.steps < 7:
            assert pieces.history["epoch"] == []
    assert pieces.steps == whole.steps == 14 and pieces.epoch == whole.epoch == 2
    assert pieces.history == whole.history


# ---------------------------------------------------------------------------- divergence


def _epoch_states(trainer, max_epochs):
    """Train until divergence; the weights after the last good epoch and the number of epochs."""
    good = trainer.state_dict()
    for _ in range(max_epochs):
        if not trainer.train_epoch():
            return good
        good = trainer.state_dict()
    pytest.fail("the run never diverged")


@pytest.mark.parametrize(
    "specs, config",
    [
        (DEFAULT, TrainConfig(learning_rate=1000)),  # blows up without ever becoming NaN
        (layers.dense_stack([8, 8], "relu", 1), TrainConfig(learning_rate=1000, loss="mse", optimizer="momentum")),
        (layers.dense_stack([4], "sigmoid", 1), TrainConfig(learning_rate=1000, loss="bce", optimizer="adam")),
    ],
)
def test_huge_learning_rate_stops_with_a_message_and_keeps_good_weights(specs, config):
    x, y = _circle(200, 5)
    y = y if config.loss == "cross_entropy" else y.astype(np.float32)
    trainer = Trainer(specs, (2,), config, *_split(x, y))
    good = _epoch_states(trainer, 20)
    error = trainer.diverged
    assert isinstance(error, UserError) and error.key == "core.diverged"
    assert "Lower the learning rate" in str(error) and "learning rate 1000" in str(error)
    assert "학습률" in error.message("ko")
    state = trainer.state_dict()
    assert all(torch.isfinite(v.float()).all() for v in state.values())
    assert all(torch.equal(state[k], good[k]) for k in good)
    assert len(trainer.history["epoch"]) == trainer.epoch
    # Lowering the learning rate lets training go on from the kept weights.
    trainer.set_learning_rate(0.01)
    assert trainer.train_epoch() and trainer.diverged is None


def test_nan_within_a_partial_epoch_is_caught_at_the_end_of_the_call():
    x, y = _circle(400, 6)
    trainer = Trainer(layers.dense_stack([16, 16], "relu", 1), (2,), TrainConfig(learning_rate=1e4, loss="mse", batch_size=4), x, y.astype(np.float32))
    start = trainer.state_dict()
    assert trainer.train_steps(10) is False
    assert trainer.diverged is not None and trainer.steps == 0
    assert all(torch.equal(trainer.state_dict()[k], start[k]) for k in start)


# ---------------------------------------------------------------------------- against hand computation


def _hand_gradients(trainer, x, y):
    """Full-batch gradient of the mean loss, computed on a copy through plain autograd."""
    weights = [p.detach().clone().requires_grad_(True) for p in trainer.model.parameters()]
    x = torch.as_tensor(x)
    w1, b1, w2, b2 = weights
    out = torch.tanh(x @ w1.T + b1) @ w2.T + b2
    loss = torch.nn.functional.cross_entropy(out, torch.as_tensor(y))
    loss.backward()
    return [w.detach() for w in weights], [w.grad for w in weights]


@pytest.mark.parametrize(
    "config, update",
    [
        (TrainConfig(optimizer="sgd"), lambda w, g, lr, is_w: w - lr * g),
        (TrainConfig(optimizer="momentum"), lambda w, g, lr, is_w: w - lr * g),  # first step: buffer = g
        (TrainConfig(optimizer="adam"), lambda w, g, lr, is_w: w - lr * g / (g.abs() + 1e-8)),
        (TrainConfig(optimizer="rmsprop"), lambda w, g, lr, is_w: w - lr * g / ((0.01 * g * g).sqrt() + 1e-8)),
        (TrainConfig(regularization="l2", reg_rate=0.1), lambda w, g, lr, is_w: w - lr * (g + (0.2 * w if is_w else 0))),
        (TrainConfig(regularization="l1", reg_rate=0.1), lambda w, g, lr, is_w: w - lr * (g + (0.1 * w.sign() if is_w else 0))),
        (TrainConfig(weight_decay=0.05), lambda w, g, lr, is_w: w - lr * (g + 0.05 * w)),
    ],
)
def test_one_step_matches_the_textbook_update(config, update):
    x, y = _blobs(40, 7)
    specs = [{"kind": "dense", "units": 3, "activation": "tanh"}, {"kind": "dense", "units": 2}]
    config = TrainConfig(**{**config.__dict__, "learning_rate": 0.1, "batch_size": 40})  # one full batch
    trainer = Trainer(specs, (2,), config, x, y)
    before, grads = _hand_gradients(trainer, x, y)
    trainer.train_steps(1)
    for i, (w, g, after) in enumerate(zip(before, grads, trainer.model.parameters())):
        torch.testing.assert_close(after.detach(), update(w, g, 0.1, i % 2 == 0), rtol=1e-4, atol=1e-6)


def _numpy_forward(trainer, x):
    w1, b1, w2, b2 = [p.detach().numpy().astype(np.float64) for p in trainer.model.parameters()]
    return np.tanh(x @ w1.T + b1) @ w2.T + b2


@pytest.mark.parametrize("loss", training.LOSSES)
def test_recorded_losses_and_accuracies_match_numpy(loss):
    x, y = _blobs(120, 8)
    outputs = 2 if loss == "cross_entropy" else 1
    y = y if loss == "cross_entropy" else y.astype(np.float32)
    specs = [{"kind": "dense", "units": 3, "activation": "tanh"}, {"kind": "dense", "units": outputs}]
    # A vanishing learning rate keeps the weights fixed, so the epoch's mean batch loss is the
    # loss of the initial network on the whole training set.
    trainer = Trainer(specs, (2,), TrainConfig(loss=loss, learning_rate=1e-30, batch_size=7), *_split(x, y))
    xtr, ytr, xte, yte = _split(x, y)
    trainer.train_epoch()

    def reference(xs, ys):
        z = _numpy_forward(trainer, xs.astype(np.float64))
        if loss == "cross_entropy":
            logp = z - np.log(np.exp(z).sum(1, keepdims=True))
            return -logp[np.arange(len(ys)), ys].mean(), (z.argmax(1) == ys).mean()
        if loss == "bce":
            p = 1 / (1 + np.exp(-z[:, 0]))
            return -(ys * np.log(p) + (1 - ys) * np.log(1 - p)).mean(), ((p > 0.5) == (ys > 0.5)).mean()
        return ((z[:, 0] - ys) ** 2).mean(), None

    h = trainer.history
    for (loss_value, acc), (ref_loss, ref_acc) in [
        ((h["train_loss"][0], h["train_acc"][0]), reference(xtr, ytr)),
        ((h["test_loss"][0], h["test_acc"][0]), reference(xte, yte)),
        (trainer.evaluate(xte, yte), reference(xte, yte)),
    ]:
        assert loss_value == pytest.approx(ref_loss, rel=1e-5)
        assert acc == (None if ref_acc is None else pytest.approx(ref_acc))
    prediction = trainer.predict(xte)
    z = _numpy_forward(trainer, xte.astype(np.float64))
    if loss == "cross_entropy":
        expected = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    elif loss == "bce":
        expected = 1 / (1 + np.exp(-z[:, 0]))
    else:
        expected = z[:, 0]
    np.testing.assert_allclose(prediction, expected, rtol=1e-5, atol=1e-6)


def test_without_test_data_test_metrics_are_none():
    x, y = _circle(60, 9)
    trainer = Trainer(DEFAULT, (2,), TrainConfig(), x, y)
    trainer.train_epoch()
    assert trainer.history["test_loss"] == [None] and trainer.history["test_acc"] == [None]
    assert trainer.history["train_acc"][0] is not None


def test_batchnorm_skips_a_final_batch_of_one():
    x, y = _circle(41, 10)  # 41 = 4 batches of 10 and one lonely example
    specs = [{"kind": "dense", "units": 4, "activation": "relu"}, {"kind": "batchnorm"}, {"kind": "dense", "units": 2}]
    trainer = Trainer(specs, (2,), TrainConfig(), x, y)
    assert trainer.batches_per_epoch == 4
    assert trainer.train_epoch()


def test_set_learning_rate_applies_to_the_optimiser():
    x, y = _circle(40, 11)
    trainer = Trainer(DEFAULT, (2,), TrainConfig(optimizer="adam"), x, y)
    trainer.set_learning_rate(0.5)
    assert trainer.config.learning_rate == 0.5
    assert all(group["lr"] == 0.5 for group in trainer.optimizer.param_groups)
    for bad in (0, -1, float("nan"), float("inf"), "fast", None):
        with pytest.raises(UserError):
            trainer.set_learning_rate(bad)


# ---------------------------------------------------------------------------- devices


def test_available_devices_lists_cpu_last_and_gpus_by_name(monkeypatch):
    assert training.available_devices()[-1][0] == "cpu"
    assert training.pick_device("cpu") == torch.device("cpu")
    with pytest.raises(UserError, match="not available"):
        training.pick_device("cuda:7")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i: f"Imaginary GPU {i}")
    devices = training.available_devices()
    assert devices[:2] == [("cuda:0", "CUDA 0: Imaginary GPU 0"), ("cuda:1", "CUDA 1: Imaginary GPU 1")]
    assert training.pick_device("auto") == torch.device("cuda:0")
    assert training.pick_device("cuda") == torch.device("cuda:0")
    # tiny vector networks stay on the CPU, where they are faster
    assert training.pick_device("auto", model_params=30, vector_input=True) == torch.device("cpu")


# ---------------------------------------------------------------------------- bad input


X, Y = _circle(20, 12)


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"config": TrainConfig(optimizer="lbfgs")}, "Unknown optimiser 'lbfgs'"),
        ({"config": TrainConfig(loss="hinge")}, "Unknown loss function"),
        ({"config": TrainConfig(regularization="l3")}, "Unknown regularisation"),
        ({"config": TrainConfig(learning_rate=0)}, "learning rate must be a positive number"),
        ({"config": TrainConfig(learning_rate=float("nan"))}, "learning rate must be a positive number"),
        ({"config": TrainConfig(batch_size=0)}, "batch size"),
        ({"config": TrainConfig(batch_size=2.5)}, "batch size"),
        ({"config": TrainConfig(reg_rate=-0.1)}, "regularisation rate"),
        ({"config": TrainConfig(weight_decay=float("inf"))}, "weight decay"),
        ({"config": TrainConfig(seed=-1)}, "seed"),
        ({"config": TrainConfig(device="tpu")}, "device 'tpu'"),
        ({"specs": layers.dense_stack([3], "tanh", 1)}, "Cross-entropy needs one output unit per class"),
        ({"config": TrainConfig(loss="bce")}, "exactly 1 output unit"),
        ({"y_train": Y + 2}, "training labels must be whole class numbers from 0 to 1"),
        ({"y_train": Y + 0.5}, "training labels"),
        ({"x_test": X, "y_test": -Y}, "test labels"),
        ({"x_train": X[:, :1]}, "Each training example has shape (1,), but the network expects (2,)"),
        ({"y_train": Y[:5]}, "20 examples but 5 labels"),
        ({"x_train": np.where(np.arange(20)[:, None] == 3, np.nan, X)}, "missing or infinite"),
        ({"x_train": X[:0], "y_train": Y[:0]}, "no training examples"),
        ({"x_train": [["a", "b"]] * 20}, "could not be read as numbers"),
        ({"specs": [{"kind": "dense", "units": 4}, {"kind": "batchnorm"}, {"kind": "dense", "units": 2}], "config": TrainConfig(batch_size=1)}, "batch size of at least 2"),
        ({"specs": [{"kind": "dense", "units": 0}]}, "Layer 1 (dense)"),
    ],
)
def test_bad_settings_and_data_raise_user_errors(kwargs, fragment):
    args = {"specs": DEFAULT, "input_shape": (2,), "config": TrainConfig(), "x_train": X, "y_train": Y, **kwargs}
    with pytest.raises(UserError) as caught:
        Trainer(**args)
    assert fragment in str(caught.value)
    korean = caught.value.message("ko")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean) and "training" not in korean


def test_bce_labels_must_be_zero_or_one_and_mse_targets_match_outputs():
    with pytest.raises(UserError, match="0 or 1; found 2"):
        Trainer(layers.dense_stack([3], "tanh", 1), (2,), TrainConfig(loss="bce"), X, Y * 2.0)
    with pytest.raises(UserError, match="2 value"):
        Trainer(layers.dense_stack([3], "tanh", 1), (2,), TrainConfig(loss="mse"), X, np.stack([Y, Y], 1))
    with pytest.raises(UserError, match="end it with flatten"):
        Trainer([{"kind": "conv2d", "filters": 2, "kernel": 3}], (1, 5, 5), TrainConfig(), np.zeros((4, 1, 5, 5)), np.zeros(4))


def test_single_threaded_is_local_to_the_block_and_the_thread():
    import threading

    before = torch.get_num_threads()
    seen = {}

    def other():
        seen["other"] = torch.get_num_threads()

    with training.single_threaded():
        if training._THREAD_SETTERS:
            assert torch.get_num_threads() == 1
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert torch.get_num_threads() == before
    assert seen["other"] == before  # other threads (other sessions) keep their threads


def test_a_loaded_history_continues_the_epoch_count_and_bad_ones_are_ignored():
    x, y = _blobs(80, 0)
    trainer = Trainer(layers.dense_stack([4], "relu", 2), (2,), TrainConfig(), *_split(x, y))
    saved = {"epoch": [1, 2], "train_loss": [0.6, 0.4], "test_loss": [0.5, 0.3], "train_acc": [0.8, 0.9],
             "test_acc": [0.85, None]}
    for bad in ({"epoch": [1, 3]}, {"epoch": 5}, [1, 2], {**saved, "test_acc": 0.9}, {**saved, "train_loss": ["x", 0.4]}, {**saved, "test_loss": [0.5]},
                {**saved, "train_acc": [float("nan"), 0.9]}, {"epoch": []}):
        assert trainer.continue_history(bad) is False
        assert trainer.epoch == 0 and trainer.history["epoch"] == []
    assert trainer.continue_history(saved) is True
    assert trainer.epoch == 2
    trainer.train_epoch()
    assert trainer.history["epoch"] == [1, 2, 3] and trainer.history["train_loss"][:2] == [0.6, 0.4]

"""The trainer's hand-derived fast path for tiny dense networks against its autograd path.

Each case trains the same seeded network twice, once with the fast path and once with it
switched off, and asks for the same weights and history.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from playground import dense_fastpath, layers
from playground import playground_config as pc
from playground.training import TrainConfig, Trainer

RTOL = 1e-5


def _data(n, seed, loss, outputs):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1.5, (n, 2)).astype(np.float32)
    if loss == "cross_entropy":
        y = (np.floor(np.arctan2(x[:, 1], x[:, 0]) / (2 * np.pi) * outputs + outputs) % outputs).astype(np.int64)
    elif loss == "bce":
        y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    else:
        y = np.stack([np.sin(x[:, 0]) + 0.5 * x[:, 1], x[:, 0] * x[:, 1]][:outputs], 1).astype(np.float32)
    return x, y


def _pair(specs, config, n=97, steps=100):
    """(fast trainer, autograd trainer) after `steps` steps on the same data."""
    outputs = layers.output_units(specs, (2,))[0]
    x, y = _data(n, 3, config.loss, outputs)
    trainers = []
    for fast in (True, False):
        trainer = Trainer(specs, (2,), config, x, y, x[:40], y[:40])
        assert trainer._fast is not None, "this case should take the fast path"
        if not fast:
            trainer._fast = None
        # uneven chunks: stops mid-epoch and across epoch ends
        left = steps
        for chunk in (7, 13, 1, 29):
            assert trainer.train_steps(min(chunk, left)), trainer.diverged
            left -= min(chunk, left)
        assert trainer.train_steps(left), trainer.diverged
        trainers.append(trainer)
    return trainers


def _assert_same(fast, slow):
    for (name, a), b in zip(fast.model.named_parameters(), slow.model.parameters()):
        torch.testing.assert_close(a, b, rtol=RTOL, atol=1e-7, msg=name)
    assert (fast.epoch, fast.steps, fast.examples_seen, fast.epoch_progress) == (
        slow.epoch, slow.steps, slow.examples_seen, slow.epoch_progress)
    assert fast.epoch >= 2
    for key, values in fast.history.items():
        expected = slow.history[key]
        assert len(values) == len(expected), key
        for value, want in zip(values, expected):
            assert (value is None) == (want is None), key
            if value is not None:
                assert value == pytest.approx(want, rel=RTOL, abs=1e-7), key
    assert len(fast._outs) == len(slow._outs)
    for a, b in zip(fast._outs, slow._outs):
        torch.testing.assert_close(a, b, rtol=RTOL, atol=1e-6)
        assert not a.requires_grad


@pytest.mark.parametrize("activation", layers.LAYER_ACTIVATIONS)
@pytest.mark.parametrize("loss, outputs", [("bce", 1), ("cross_entropy", 3), ("mse", 2)])
def test_every_activation_and_loss_matches_autograd(activation, loss, outputs):
    specs = layers.dense_stack([4, 3], activation, outputs)
    _assert_same(*_pair(specs, TrainConfig(loss=loss, learning_rate=0.05, batch_size=10)))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam", "rmsprop"])
@pytest.mark.parametrize("regularization", ["none", "l1", "l2"])
def test_every_optimizer_and_penalty_matches_autograd(optimizer, regularization):
    config = TrainConfig(optimizer=optimizer, learning_rate=0.02, regularization=regularization,
                         reg_rate=0.003 if regularization != "none" else 0.0, loss="bce", batch_size=8)
    _assert_same(*_pair(layers.dense_stack([5, 3], "tanh", 1), config))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum"])
def test_weight_decay_matches_autograd(optimizer):
    config = TrainConfig(optimizer=optimizer, learning_rate=0.05, weight_decay=0.01, loss="cross_entropy",
                         regularization="l2", reg_rate=0.001)
    _assert_same(*_pair(layers.dense_stack([6], "relu", 4), config))


@pytest.mark.parametrize("hidden", [[], [3], [4, 2], [5, 4, 3]])
@pytest.mark.parametrize("batch_size", [1, 10, 32, 500])
def test_depths_and_batch_sizes_match_autograd(hidden, batch_size):
    # 97 examples: batches of 10 and 32 end with a partial batch; 500 is capped at one full batch
    config = TrainConfig(loss="cross_entropy", optimizer="momentum", learning_rate=0.01, batch_size=batch_size)
    n = 25 if batch_size == 1 else 97  # at least two whole epochs either way
    _assert_same(*_pair(layers.dense_stack(hidden, "tanh", 3), config, n=n, steps=60))


def test_activation_on_the_output_layer_matches_autograd():
    specs = [{"kind": "dense", "units": 4, "activation": "elu"}, {"kind": "dense", "units": 2, "activation": "sigmoid"}]
    _assert_same(*_pair(specs, TrainConfig(loss="mse", learning_rate=0.1)))


def test_learning_rate_change_mid_run_is_used_by_the_fast_path():
    fast, slow = _pair(layers.dense_stack([4, 2], "tanh", 1), TrainConfig(loss="bce", optimizer="momentum"), steps=20)
    for trainer in (fast, slow):
        trainer.set_learning_rate(0.3)
        assert trainer.train_steps(40)
    _assert_same(fast, slow)


def test_the_default_playground_network_takes_the_fast_path():
    config = pc.PlaygroundConfig()
    trainer = pc.make_trainer(config, pc.make_data(config))
    assert trainer._fast is not None
    before = trainer.model[0].weight.detach().clone()
    assert trainer.train_epoch()
    assert not torch.equal(trainer.model[0].weight, before)  # the model's own tensors were updated
    assert trainer.model[0].weight.grad is None  # no autograd on the way


@pytest.mark.parametrize("extra", [{"kind": "dropout", "rate": 0.2}, {"kind": "batchnorm"}])
def test_dropout_and_batch_norm_take_the_autograd_path(extra):
    specs = [{"kind": "dense", "units": 4, "activation": "tanh"}, extra, {"kind": "dense", "units": 1}]
    x, y = _data(50, 0, "bce", 1)
    assert Trainer(specs, (2,), TrainConfig(loss="bce"), x, y)._fast is None


def test_other_models_are_refused_by_the_plan():
    cpu = torch.device("cpu")
    plan = dense_fastpath.DenseFastPath.plan
    assert plan(nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1)), "bce", cpu, True) is not None
    assert plan(nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1)), "bce", cpu, False) is None  # not small
    assert plan(nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1)), "huber", cpu, True) is None
    assert plan(nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Tanh(), nn.Linear(3, 1)), "bce", cpu, True) is None
    assert plan(nn.Sequential(nn.Tanh(), nn.Linear(2, 1)), "bce", cpu, True) is None
    assert plan(nn.Sequential(nn.Linear(2, 1, bias=False)), "bce", cpu, True) is None
    assert plan(nn.Sequential(nn.Linear(2, 3), nn.Softplus(), nn.Linear(3, 1)), "bce", cpu, True) is None
    assert plan(nn.Sequential(nn.Linear(2, 3).double(), nn.Linear(3, 1).double()), "bce", cpu, True) is None
    hooked = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    hooked[0].register_forward_hook(lambda *args: None)
    assert plan(hooked, "bce", cpu, True) is None


@pytest.mark.parametrize("module", [nn.Tanh(), nn.Sigmoid(), nn.ReLU(), nn.LeakyReLU(), nn.ELU(), nn.GELU(), nn.SiLU()])
def test_activation_derivatives_match_autograd(module):
    z = torch.linspace(-4, 4, 81).reshape(9, 9).requires_grad_()
    z.data[0, 0] = 0.0  # the kink, where torch picks a side
    g = torch.randn(9, 9, generator=torch.Generator().manual_seed(0))
    a = module(z)
    a.backward(g)
    backward = dense_fastpath._activation_backward(module)
    with torch.no_grad():
        torch.testing.assert_close(backward(g, z.detach(), a.detach()), z.grad, rtol=0, atol=0)


@pytest.mark.parametrize("loss", ["bce", "cross_entropy", "mse"])
def test_loss_gradients_match_autograd(loss):
    fn = {"bce": torch.nn.functional.binary_cross_entropy_with_logits,
          "cross_entropy": torch.nn.functional.cross_entropy, "mse": torch.nn.functional.mse_loss}[loss]
    gen = torch.Generator().manual_seed(1)
    out = torch.randn(7, 3, generator=gen).requires_grad_()
    y = {"bce": (torch.rand(7, 3, generator=gen) > 0.5).float(), "cross_entropy": torch.tensor([0, 2, 1, 1, 0, 2, 2]),
         "mse": torch.randn(7, 3, generator=gen)}[loss]
    fn(out, y).backward()
    torch.testing.assert_close(dense_fastpath._LOSS_GRADS[loss](out.detach(), y), out.grad, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_divergence_on_the_fast_path_restores_weights_and_momentum(optimizer):
    x, y = _data(200, 5, "bce", 1)
    specs = layers.dense_stack([4, 2], "tanh", 1)
    trainer = Trainer(specs, (2,), TrainConfig(loss="bce", optimizer=optimizer, learning_rate=0.03), x, y)
    assert trainer._fast is not None
    assert trainer.train_epoch()
    good = {name: value.clone() for name, value in trainer.state_dict().items()}
    old_optimizer = trainer.optimizer
    trainer.set_learning_rate(1000)
    epochs = trainer.epoch
    stopped = False
    for _ in range(20):
        if not trainer.train_epoch():
            stopped = True
            break
    assert stopped and trainer.diverged is not None and trainer.diverged.key == "core.diverged"
    assert trainer.epoch == epochs
    for name, value in trainer.state_dict().items():
        torch.testing.assert_close(value, good[name], rtol=0, atol=0)
    # a fresh optimiser: no momentum buffers survive, and the fast path uses it from now on
    assert trainer.optimizer is not old_optimizer and not trainer.optimizer.state
    trainer.set_learning_rate(0.03)
    assert trainer.train_epoch()
    for p in trainer.model.parameters():
        assert torch.isfinite(p).all()
    if optimizer == "momentum":
        assert all("momentum_buffer" in trainer.optimizer.state[p] for p in trainer.model.parameters())


def test_restart_after_divergence_matches_autograd():
    x, y = _data(120, 2, "bce", 1)
    specs = layers.dense_stack([4, 2], "tanh", 1)
    results = []
    for fast in (True, False):
        trainer = Trainer(specs, (2,), TrainConfig(loss="bce", optimizer="momentum", learning_rate=1000), x, y)
        if not fast:
            trainer._fast = None
        assert not trainer.train_steps(60)
        trainer.set_learning_rate(0.05)
        assert trainer.train_steps(50)
        results.append(trainer)
    assert results[0].diverged is None and results[0].history["train_loss"]
    _assert_same(*results)

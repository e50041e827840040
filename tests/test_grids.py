"""Decision and neuron grids match the network evaluated directly, point by point."""

import numpy as np
import pytest
import torch

from playground import grids, layers, training
from playground.features import transform

FEATURES = ("x1", "x2", "x1x2")


@pytest.fixture(scope="module")
def model():
    return layers.build(layers.dense_stack([4, 3], ["tanh", "relu"], 1), (3,), seed=7)


def _manual_forward(model, xy):
    """The network by hand with NumPy: features, then W·x + b and the activation, layer by layer."""
    x1, x2 = xy[:, 0], xy[:, 1]
    h = np.stack([x1, x2, x1 * x2], 1).astype(np.float64)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    outs = []
    for i, lin in enumerate(linears):
        w, b = lin.weight.detach().double().numpy(), lin.bias.detach().double().numpy()
        h = h @ w.T + b
        h = np.tanh(h) if i == 0 else np.maximum(h, 0) if i == 1 else h
        outs.append(h)
    return outs


def test_grid_points_layout():
    points, axis = grids.grid_points(6.0, 5)
    np.testing.assert_allclose(axis, [-6, -3, 0, 3, 6])
    assert points.shape == (25, 2)
    # point i*r + j is (axis[j], axis[i]): rows are y, columns are x
    np.testing.assert_allclose(points[1 * 5 + 3], [3, -3])
    np.testing.assert_allclose(points[4 * 5 + 0], [-6, 6])


def test_decision_grid_of_a_model_is_its_raw_output(model):
    grid = grids.decision_grid(model, FEATURES, extent=6.0, resolution=100)
    assert grid.shape == (100, 100)
    _, axis = grids.grid_points(6.0, 100)
    for i, j in [(0, 0), (10, 90), (50, 49), (99, 3)]:
        expected = _manual_forward(model, np.array([[axis[j], axis[i]]]))[-1][0, 0]
        assert grid[i, j] == pytest.approx(expected, abs=1e-5)


def test_neuron_grids_match_every_layer(model):
    maps = grids.neuron_grids(model, FEATURES, extent=6.0, resolution=9)
    assert [m.shape for m in maps] == [(4, 9, 9), (3, 9, 9), (1, 9, 9)]
    points, _ = grids.grid_points(6.0, 9)
    manual = _manual_forward(model, points.astype(np.float64))
    for layer, (got, want) in enumerate(zip(maps, manual)):
        for unit in range(got.shape[0]):
            np.testing.assert_allclose(got[unit].ravel(), want[:, unit], atol=1e-5, err_msg=f"layer {layer} unit {unit}")


def test_trainer_grid_is_its_prediction_on_the_features():
    rng = np.random.default_rng(0)
    xy = rng.uniform(-5, 5, (64, 2)).astype(np.float32)
    labels = rng.integers(0, 3, 64)
    trainer = training.Trainer(layers.dense_stack([5], "tanh", 3), (3,), training.TrainConfig(seed=1),
                               transform(xy, FEATURES), labels)
    trainer.train_epoch()
    grid = grids.decision_grid(trainer, FEATURES, resolution=100)
    assert grid.shape == (100, 100, 3)
    np.testing.assert_allclose(grid.sum(2), 1, atol=1e-5)  # softmax probabilities
    points, _ = grids.grid_points(6.0, 100)
    # softmax of the model's logits, evaluated directly with torch
    logits = trainer.model(torch.from_numpy(transform(points[[0, 5050, 9999]], FEATURES))).detach()
    np.testing.assert_allclose(grid.reshape(-1, 3)[[0, 5050, 9999]], torch.softmax(logits, 1).numpy(), atol=1e-5)


def test_binary_trainer_grid_is_a_probability():
    xy = np.random.default_rng(1).uniform(-5, 5, (40, 2)).astype(np.float32)
    y = (xy[:, 0] > 0).astype(np.float32)
    trainer = training.Trainer(layers.dense_stack([3], "tanh", 1), (2,), training.TrainConfig(loss="bce"), xy, y)
    grid = grids.decision_grid(trainer, ("x1", "x2"), resolution=50)
    points, _ = grids.grid_points(6.0, 50)
    direct = torch.sigmoid(trainer.model(torch.from_numpy(points.copy()))).detach().numpy()[:, 0]
    np.testing.assert_allclose(grid.ravel(), direct, atol=1e-6)


def test_snapshot_has_everything_and_leaves_training_mode_alone(model):
    model.train()
    rng = np.random.default_rng(2)
    xy = rng.uniform(-5, 5, (30, 2)).astype(np.float32)
    trainer = training.Trainer(layers.dense_stack([4, 2], "tanh", 1), (2,), training.TrainConfig(loss="bce"), xy,
                               (xy[:, 1] > 0).astype(np.float32))
    trainer.model.train()
    snap = grids.snapshot(trainer, ("x1", "x2"))
    assert snap.decision.shape == (100, 100)
    assert [m.shape[0] for m in snap.neurons] == [4, 2, 1]
    assert [w.shape for w, _ in snap.weights] == [(4, 2), (2, 4), (1, 2)]
    np.testing.assert_array_equal(snap.weights[0][0], trainer.model[0].weight.detach().numpy())
    assert trainer.model.training and torch.is_grad_enabled()


def test_feature_maps_are_the_features_over_the_plane():
    maps = grids.feature_maps(("x1", "x2_sq"), extent=6.0, resolution=4)
    _, axis = grids.grid_points(6.0, 4)
    np.testing.assert_allclose(maps[0], np.tile(axis, (4, 1)), atol=1e-6)  # x1 varies along columns
    np.testing.assert_allclose(maps[1], np.tile(axis[:, None] ** 2, (1, 4)), atol=1e-5)  # x2² along rows

"""Inspection helpers against scikit-learn, hand-made tables and torch.nn.functional recomputations."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from playground import inspection, layers

SHAPE = (1, 28, 28)
CNN = [
    {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "maxpool", "size": 2},
    {"kind": "conv2d", "filters": 6, "kernel": 5, "activation": "tanh"},
    {"kind": "flatten"},
    {"kind": "dense", "units": 10},
]
MLP = [{"kind": "flatten"}, {"kind": "dense", "units": 16, "activation": "relu"}, {"kind": "dense", "units": 10}]


def test_confusion_matrix_matches_scikit_learn():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    y_pred[:200] = y_true[:200]
    expected = sk_confusion_matrix(y_true, y_pred, labels=list(range(10)))
    assert np.array_equal(inspection.confusion_matrix(y_true, y_pred), expected)


def test_confusion_matrix_by_hand():
    counts = inspection.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], n_classes=3)
    assert counts.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]


def test_most_confident_mistakes_by_hand():
    probabilities = np.array([
        [0.9, 0.1],  # 0: predicts 0, true 0 -> right
        [0.6, 0.4],  # 1: predicts 0 (0.6), true 1 -> mistake
        [0.05, 0.95],  # 2: predicts 1 (0.95), true 0 -> mistake, most confident
        [0.2, 0.8],  # 3: predicts 1 (0.8), true 0 -> mistake
        [0.3, 0.7],  # 4: right
    ])
    y_true = np.array([0, 1, 0, 0, 1])
    assert inspection.most_confident_mistakes(probabilities, y_true).tolist() == [2, 3, 1]
    assert inspection.most_confident_mistakes(probabilities, y_true, k=2).tolist() == [2, 3]
    assert inspection.most_confident_mistakes(probabilities[[0, 4]], y_true[[0, 4]]).tolist() == []


def test_first_conv_filters_and_none_for_mlp():
    model = layers.build(CNN, SHAPE, seed=1)
    filters = inspection.first_conv_filters(model)
    assert filters.shape == (4, 1, 3, 3)
    assert np.allclose(filters, model[0].weight.detach().numpy())
    assert inspection.first_conv_filters(layers.build(MLP, SHAPE, seed=1)) is None
    assert inspection.first_dense_images(model) is None


def test_dense_weight_images_reproduce_the_first_layer():
    """Pixel-wise product of weight image j with the digit, summed, plus bias = hidden unit j's input."""
    model = layers.build(MLP, SHAPE, seed=2)
    images = inspection.first_dense_images(model)
    assert images.shape == (16, 28, 28)
    x = torch.rand(1, *SHAPE)
    linear = next(m for m in model if isinstance(m, torch.nn.Linear))
    expected = F.linear(x.flatten(1), linear.weight, linear.bias)[0].detach().numpy()
    by_images = (images * x[0, 0].numpy()).sum(axis=(1, 2)) + linear.bias.detach().numpy()
    assert np.allclose(by_images, expected, atol=1e-5)
    # Softmax regression: one weight image per digit class.
    softmax = layers.build([{"kind": "flatten"}, {"kind": "dense", "units": 10}], SHAPE, seed=0)
    assert inspection.first_dense_images(softmax).shape == (10, 28, 28)


def test_feature_maps_of_every_conv_layer_match_functional_recomputation():
    model = layers.build(CNN, SHAPE, seed=3)
    x = np.random.default_rng(0).normal(size=SHAPE).astype(np.float32)
    maps = inspection.conv_feature_maps(model, CNN, SHAPE, x)
    assert [m.layer for m in maps] == [1, 3]
    convs = [m for m in model if isinstance(m, torch.nn.Conv2d)]
    with torch.no_grad():
        first = F.relu(F.conv2d(torch.from_numpy(x)[None], convs[0].weight, convs[0].bias, padding=1))
        second = torch.tanh(F.conv2d(F.max_pool2d(first, 2), convs[1].weight, convs[1].bias))
    assert maps[0].maps.shape == (4, 28, 28) and maps[1].maps.shape == (6, 10, 10)
    assert np.allclose(maps[0].maps, first[0].numpy(), atol=1e-5)
    assert np.allclose(maps[1].maps, second[0].numpy(), atol=1e-5)
    assert "relu" in maps[0].label and "tanh" in maps[1].label


def test_feature_maps_leave_training_mode_alone():
    specs = [*CNN[:2], {"kind": "dropout", "rate": 0.5}, *CNN[2:]]
    model = layers.build(specs, SHAPE, seed=0)
    model.train()
    x = np.ones(SHAPE, dtype=np.float32)
    a = inspection.conv_feature_maps(model, specs, SHAPE, x)
    b = inspection.conv_feature_maps(model, specs, SHAPE, x)
    assert model.training
    assert np.array_equal(a[1].maps, b[1].maps)  # dropout off while inspecting: same maps twice


def test_tile_by_hand():
    images = np.arange(3 * 2 * 2).reshape(3, 2, 2)
    grid = inspection.tile(images, columns=2, gap=1, fill=-1)
    assert grid.tolist() == [
        [0, 1, -1, 4, 5],
        [2, 3, -1, 6, 7],
        [-1, -1, -1, -1, -1],
        [8, 9, -1, -1, -1],
        [10, 11, -1, -1, -1],
    ]


@pytest.mark.parametrize("n, columns, shape", [(1, 8, (2, 2)), (8, 4, (5, 11))])
def test_tile_shapes(n, columns, shape):
    assert inspection.tile(np.zeros((n, 2, 2)), columns).shape == shape

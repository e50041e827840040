"""Looking inside a trained image classifier: confusion, mistakes, filters, feature maps, weights.

Everything takes a `torch.nn.Sequential` built by `playground.layers.build` (or plain arrays)
and returns NumPy arrays on the CPU, ready for the chart builders.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground import layers


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """counts[i, j] = how many examples of true class i were predicted as class j."""
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{len(y_true)} true labels but {len(y_pred)} predictions")
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def most_confident_mistakes(probabilities: np.ndarray, y_true: np.ndarray, k: int = 12) -> np.ndarray:
    """Indices of up to `k` misclassified examples, the most confident wrong prediction first."""
    probabilities = np.asarray(probabilities)
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != np.asarray(y_true))
    confidence = probabilities[wrong, predicted[wrong]]
    order = np.argsort(-confidence, kind="stable")
    return wrong[order[:k]]


def _weight_layers(model: nn.Module) -> list[nn.Module]:
    return [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]


def first_conv_filters(model: nn.Module) -> np.ndarray | None:
    """The first convolution's kernels (filters, in_channels, k, k), or None if the first weight layer is not a convolution."""
    weighted = _weight_layers(model)
    if not weighted or not isinstance(weighted[0], nn.Conv2d):
        return None
    return weighted[0].weight.detach().cpu().numpy().copy()


def first_dense_images(model: nn.Module, image_shape: tuple[int, int] = (28, 28)) -> np.ndarray | None:
    """The first dense layer's weights as images (units, H, W), when it reads the raw pixels.

    Row j of the weight matrix multiplies pixel by pixel, so reshaped to 28×28 it shows which
    pixels push hidden unit (or class) j up (positive) or down (negative). None when the first
    weight layer is a convolution or its inputs are not the pixels.
    """
    weighted = _weight_layers(model)
    if not weighted or not isinstance(weighted[0], nn.Linear):
        return None
    weight = weighted[0].weight.detach().cpu().numpy()
    if weight.shape[1] != image_shape[0] * image_shape[1]:
        return None
    return weight.reshape(-1, *image_shape).copy()


@dataclass(frozen=True)
class FeatureMaps:
    """The output of one conv layer for one input image."""

    layer: int  # 1-based layer number in the spec list
    label: str  # e.g. "conv2d 8×3×3, stride 1, padding 1, relu"
    maps: np.ndarray  # (filters, H, W), after the layer's activation


def conv_feature_maps(model: nn.Sequential, specs: list[dict], input_shape: tuple[int, ...], x: np.ndarray) -> list[FeatureMaps]:
    """Every conv layer's output (after its activation) for one input `x` of `input_shape`."""
    infos = layers.validate(specs, input_shape)
    batch = torch.as_tensor(np.asarray(x, dtype=np.float32).reshape(1, *input_shape))
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            outputs = layers.layer_outputs(model, batch.to(device))
    finally:
        model.train(was_training)
    return [
        FeatureMaps(info.index, info.label, out[0].detach().cpu().numpy())
        for info, out in zip(infos, outputs)
        if info.kind == "conv2d"
    ]


def tile(images: np.ndarray, columns: int, gap: int = 1, fill: float = np.nan) -> np.ndarray:
    """Images (n, H, W) laid out in a grid with `columns` per row, separated by `gap` cells of `fill`.

    One big array draws as one heatmap, far faster in the browser than n small subplots.
    """
    images = np.asarray(images, dtype=np.float64)
    n, h, w = images.shape
    columns = max(1, min(columns, n))
    rows = -(-n // columns)
    grid = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), fill)
    for i in range(n):
        r, c = divmod(i, columns)
        grid[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = images[i]
    return grid

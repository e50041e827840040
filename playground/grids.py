"""What a 2-D network computes over the whole plane: the decision grid and every neuron's output map.

The plane [-extent, extent]² is sampled on a regular grid (row i is y = axis[i], column j is
x = axis[j], as a heatmap draws it), turned into the chosen input features, and pushed through
the network once; the grids of every layer come from one forward pass that stops after each
layer's activation. The feature grids are cached, so a snapshot costs only the forward passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
import torch
from torch import nn

from playground import features as feats
from playground import hidden_space, layers

DEFAULT_RESOLUTION = 100  # decision grid: 100×100 cells
NEURON_RESOLUTION = 24  # each neuron's small map in the network diagram


@lru_cache(maxsize=32)
def grid_points(extent: float = 6.0, resolution: int = DEFAULT_RESOLUTION) -> tuple[np.ndarray, np.ndarray]:
    """(points (resolution², 2) float32, axis (resolution,)) covering [-extent, extent]² row by row.

    Point ``i * resolution + j`` is (axis[j], axis[i]): reshaping any per-point value to
    (resolution, resolution) gives a heatmap's z with x along columns and y along rows.
    The arrays are shared (cached): do not modify them.
    """
    axis = np.linspace(-extent, extent, int(resolution), dtype=np.float32)
    xx, yy = np.meshgrid(axis, axis)
    points = np.stack([xx.ravel(), yy.ravel()], axis=1)
    points.flags.writeable = False
    axis.flags.writeable = False
    return points, axis


@lru_cache(maxsize=64)
def feature_grid(features: tuple[str, ...], extent: float = 6.0, resolution: int = DEFAULT_RESOLUTION) -> torch.Tensor:
    """The grid points as network inputs (resolution², len(features)), cached per feature choice."""
    points, _ = grid_points(extent, resolution)
    return torch.from_numpy(feats.transform(points, features))


def feature_maps(features: Sequence[str], extent: float = 6.0, resolution: int = NEURON_RESOLUTION) -> np.ndarray:
    """Each input feature over the plane: (len(features), resolution, resolution)."""
    values = feature_grid(tuple(features), float(extent), int(resolution)).numpy()
    return values.T.reshape(len(features), resolution, resolution).copy()


def _model_of(source) -> nn.Module:
    return source.model if hasattr(source, "model") and isinstance(source.model, nn.Module) else source


def _device_of(model: nn.Module) -> torch.device:
    param = next(model.parameters(), None)
    return param.device if param is not None else torch.device("cpu")


class _EvalMode:
    """Evaluation mode and no autograd for the duration; the previous mode is restored."""

    def __init__(self, model: nn.Module) -> None:
        self.model, self.was_training = model, model.training

    def __enter__(self) -> nn.Module:
        self.grad = torch.is_grad_enabled()
        torch.set_grad_enabled(False)
        self.model.eval()
        return self.model

    def __exit__(self, *exc) -> None:
        torch.set_grad_enabled(self.grad)
        self.model.train(self.was_training)


def _shape_grid(values: torch.Tensor, resolution: int) -> np.ndarray:
    """(r², k) -> (r, r) when k == 1, else (r, r, k)."""
    array = values.detach().cpu().numpy()
    if array.ndim == 1 or array.shape[1] == 1:
        return array.reshape(resolution, resolution)
    return array.reshape(resolution, resolution, array.shape[1])


def output_transform(loss: str | None) -> str:
    """How raw outputs become what the decision grid shows: "softmax", "sigmoid" or "identity"."""
    return {"cross_entropy": "softmax", "bce": "sigmoid"}.get(loss or "", "identity")


def _apply(kind: str, out: torch.Tensor) -> torch.Tensor:
    if kind == "softmax":
        return torch.softmax(out, dim=1)
    if kind == "sigmoid":
        return torch.sigmoid(out)
    return out


def decision_grid(
    source, features: Sequence[str], extent: float = 6.0, resolution: int = DEFAULT_RESOLUTION, loss: str | None = None
) -> np.ndarray:
    """The network's prediction over the plane.

    `source` is a Trainer (its loss decides: class probabilities (r, r, classes) for
    cross-entropy, P(class 1) (r, r) for binary cross-entropy, values (r, r) for mse) or a bare
    model (raw outputs, unless `loss` names one of the trainer's losses).
    """
    model = _model_of(source)
    if loss is None and model is not source:
        loss = source.config.loss
    x = feature_grid(tuple(features), float(extent), int(resolution)).to(_device_of(model))
    with _EvalMode(model):
        out = _apply(output_transform(loss), model(x))
    return _shape_grid(out, resolution)


def neuron_grids(
    source, features: Sequence[str], extent: float = 6.0, resolution: int = NEURON_RESOLUTION
) -> list[np.ndarray]:
    """Every neuron's output over the plane, one array (units, r, r) per layer (after its activation).

    The last entry is the output layer's raw outputs (logits or values).
    """
    model = _model_of(source)
    x = feature_grid(tuple(features), float(extent), int(resolution)).to(_device_of(model))
    with _EvalMode(model):
        outs = layers.layer_outputs(model, x)
    grids = []
    for out in outs:
        array = out.detach().cpu().numpy()
        grids.append(np.ascontiguousarray(array.T).reshape(array.shape[1], resolution, resolution))
    return grids


def dense_weights(source) -> list[tuple[np.ndarray, np.ndarray]]:
    """(weight (out, in), bias (out,)) of every dense layer, as CPU copies."""
    model = _model_of(source)
    return [
        (m.weight.detach().cpu().numpy().copy(), m.bias.detach().cpu().numpy().copy())
        for m in model.modules()
        if isinstance(m, nn.Linear)
    ]


@dataclass(frozen=True)
class GridSnapshot:
    """Everything the live charts draw of the network at one moment."""

    decision: np.ndarray  # (r, r) or (r, r, classes), see decision_grid
    neurons: list[np.ndarray]  # per layer (units, n, n), see neuron_grids
    weights: list[tuple[np.ndarray, np.ndarray]]  # per dense layer (weight, bias)
    hidden: tuple[hidden_space.HiddenView, ...] = ()  # every hidden layer of 2 or 3 neurons, in its own space


def snapshot(
    trainer,
    features: Sequence[str],
    extent: float = 6.0,
    resolution: int = DEFAULT_RESOLUTION,
    neuron_resolution: int = NEURON_RESOLUTION,
) -> GridSnapshot:
    """Decision grid, every neuron's grid, the weights and the hidden layers' spaces of `trainer`'s network (for the UI)."""
    features = tuple(features)
    kind = output_transform(trainer.config.loss)
    with _EvalMode(trainer.model):
        hidden = hidden_space.views(trainer.model, trainer.x_train, trainer.y_train, features, extent,
                                    finish=lambda out: _apply(kind, out))
    return GridSnapshot(
        decision=decision_grid(trainer, features, extent, resolution),
        neurons=neuron_grids(trainer, features, extent, neuron_resolution),
        weights=dense_weights(trainer),
        hidden=hidden,
    )


@dataclass(frozen=True)
class Snapshotter:
    """`snapshot(trainer, features, neuron_resolution=...)` as a picklable callable (a training process calls it)."""

    features: tuple[str, ...]
    neuron_resolution: int = NEURON_RESOLUTION

    def __call__(self, trainer) -> GridSnapshot:
        return snapshot(trainer, self.features, neuron_resolution=self.neuron_resolution)

"""What a hidden layer of 2 or 3 neurons "sees": the training points and the input plane in that layer's space.

A layer of two neurons turns every input point into a point of a new plane (its two outputs), and
the next layer draws its straight line in that plane, not in the input plane. Showing the training
points at their activations there, with the input plane's grid lines carried through the same
layers, lets a student watch the network bend the data until one line separates it. Three neurons
give a point in space (the chart projects it).

Everything is computed from the trainer's own model in one pass (the same weights as the rest of
the snapshot), as small arrays: a few hundred points, GRID_LINES lines each way, and for two
neurons a coarse map of what the rest of the network outputs over the plane of this layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import torch
from torch import nn

from playground import features as feats

SPACE_UNITS = (2, 3)  # layers of these sizes can be drawn as a plane or a projected space
MAX_POINTS = 300  # training points shown (evenly spaced through the training set)
GRID_LINES = 11  # lines of the input plane's grid each way
LINE_SAMPLES = 21  # points along each grid line: enough for a bent line to look smooth
OUTPUT_RESOLUTION = 24  # the rest of the network's output over the view, 24×24 cells, 2 neurons only (the browser smooths it)
# Activations with a fixed range: the view keeps that range, so it holds still while the network trains.
_FIXED_RANGES = ((nn.Tanh, (-1.0, 1.0)), (nn.Sigmoid, (0.0, 1.0)))
PAD = 0.06  # share of the range added on each side of the points (unbounded activations)


@dataclass(frozen=True)
class HiddenView:
    """One hidden layer's space at one moment (arrays small enough to send a few times a second)."""

    layer: int  # hidden layer index, 0-based
    points: np.ndarray  # (n, units) float32: the sampled training points' activations in this layer
    targets: np.ndarray  # (n,) their targets: class numbers, or values for regression
    lines: np.ndarray  # (2 * GRID_LINES, LINE_SAMPLES, units) float32: the input plane's grid, carried here
    low: np.ndarray  # (units,) the view's lower corner
    high: np.ndarray  # (units,) the view's upper corner
    # what the network outputs over this plane (2 neurons): (r, r) or (r, r, classes), after the output
    # transform (as grids.decision_grid); row i is the second neuron at axis(1)[i], column j the first at axis(0)[j]
    output: np.ndarray | None = None

    @property
    def units(self) -> int:
        return int(self.points.shape[1])

    def axis(self, dim: int) -> np.ndarray:
        """Cell centres of `output` along dimension `dim` (its cells tile the view box exactly)."""
        resolution = self.output.shape[0] if self.output is not None else OUTPUT_RESOLUTION
        return cell_centres(self.low[dim], self.high[dim], resolution)


def cell_centres(low: float, high: float, resolution: int) -> np.ndarray:
    """Centres of `resolution` equal cells tiling [low, high]."""
    return (low + (np.arange(resolution, dtype=np.float32) + 0.5) * (high - low) / resolution).astype(np.float32)


def eligible_layers(hidden: Sequence[int]) -> list[int]:
    """Indices (0-based) of the hidden layers with 2 or 3 neurons."""
    return [i for i, units in enumerate(hidden) if units in SPACE_UNITS]


def choose_layer(hidden: Sequence[int], wanted: int = 0) -> int | None:
    """The hidden layer to show (0-based): `wanted` (1-based) when it qualifies, else the last that does; None if none."""
    eligible = eligible_layers(hidden)
    if not eligible:
        return None
    return wanted - 1 if wanted - 1 in eligible else eligible[-1]


def sample_indices(n: int, limit: int = MAX_POINTS) -> np.ndarray:
    """At most `limit` indices spread evenly over range(n) (generated sets list their classes in turn)."""
    if n <= limit:
        return np.arange(n)
    return np.linspace(0, n - 1, limit).round().astype(np.int64)


def grid_lines(extent: float = 6.0, count: int = GRID_LINES, samples: int = LINE_SAMPLES) -> np.ndarray:
    """(2 * count, samples, 2): `count` lines x₁ = const (bottom to top), then `count` lines x₂ = const (left to right)."""
    ticks = np.linspace(-extent, extent, count, dtype=np.float32)
    along = np.linspace(-extent, extent, samples, dtype=np.float32)
    vertical = np.stack([np.broadcast_to(ticks[:, None], (count, samples)), np.broadcast_to(along, (count, samples))], -1)
    horizontal = vertical[..., ::-1]
    return np.concatenate([vertical, horizontal]).astype(np.float32)


def _layer_slices(model: nn.Sequential) -> list[slice]:
    ends = list(getattr(model, "layer_ends", range(len(model))))
    starts = [0, *(end + 1 for end in ends[:-1])]
    return [slice(start, end + 1) for start, end in zip(starts, ends)]


def _fixed_range(layer: nn.Sequential) -> tuple[float, float] | None:
    last = layer[-1] if len(layer) else None
    return next((span for kind, span in _FIXED_RANGES if isinstance(last, kind)), None)


def _bounds(values: np.ndarray, fixed: tuple[float, float] | None) -> tuple[np.ndarray, np.ndarray]:
    units = values.shape[-1]
    if fixed is not None:
        low, high = fixed
        pad = PAD * (high - low) / 2
        return np.full(units, low - pad, np.float32), np.full(units, high + pad, np.float32)
    flat = values.reshape(-1, units)
    flat = flat[np.isfinite(flat).all(axis=1)]
    if not len(flat):
        return np.full(units, -1.0, np.float32), np.full(units, 1.0, np.float32)
    low, high = flat.min(axis=0), flat.max(axis=0)
    span = np.maximum(high - low, 1e-3)
    centre = (low + high) / 2
    span = np.maximum(span, 0.05 * span.max())  # a nearly constant neuron still gets a readable axis
    half = span * (0.5 + PAD)
    return (centre - half).astype(np.float32), (centre + half).astype(np.float32)


def views(model: nn.Sequential, x_train: torch.Tensor, y_train: torch.Tensor, features: Sequence[str],
          extent: float = 6.0, finish: Callable[[torch.Tensor], torch.Tensor] = lambda out: out) -> tuple[HiddenView, ...]:
    """A HiddenView of every hidden layer of 2 or 3 neurons of `model` (built by layers.build).

    `x_train` are the training inputs as the network takes them (feature columns) and `y_train` their
    targets; `features` name those columns (the grid lines are made of them); `finish` turns the
    network's raw outputs into what a decision map shows (grids.snapshot passes the trainer's:
    sigmoid, softmax or none). Nothing is computed when no hidden layer qualifies. Runs without
    autograd; the caller chooses the model's mode (grids.snapshot: evaluation).
    """
    parts = [model[s] for s in _layer_slices(model)]
    chosen = eligible_layers([_units(part) for part in parts[:-1]])
    if not chosen:
        return ()
    param = next(model.parameters(), None)
    device = param.device if param is not None else torch.device("cpu")
    picks = sample_indices(len(x_train))
    targets = y_train.detach()[torch.as_tensor(picks, device=y_train.device)].cpu().numpy().reshape(len(picks), -1)
    targets = (targets[:, 0] if targets.shape[1] == 1 else targets.argmax(axis=1)).astype(np.float32)
    lines_xy = grid_lines(extent)
    out = []
    with torch.no_grad():
        h_points = x_train[torch.as_tensor(picks, device=x_train.device)].to(device)
        h_lines = torch.from_numpy(feats.transform(lines_xy.reshape(-1, 2), features)).to(device)
        for index, part in enumerate(parts[:-1]):
            h_points, h_lines = part(h_points), part(h_lines)
            if index not in chosen:
                continue
            points = h_points.cpu().numpy().astype(np.float32)
            lines = h_lines.cpu().numpy().astype(np.float32).reshape(*lines_xy.shape[:2], -1)
            low, high = _bounds(np.concatenate([points, lines.reshape(-1, points.shape[1])]), _fixed_range(part))
            output = _rest_output(parts[index + 1:], low, high, device, finish) if points.shape[1] == 2 else None
            out.append(HiddenView(index, points, targets, lines, low, high, output))
    return tuple(out)


def _units(part: nn.Sequential) -> int:
    linear = [m for m in part if isinstance(m, nn.Linear)]
    return linear[-1].out_features if linear else -1


def _rest_output(rest: Sequence[nn.Module], low, high, device, finish, resolution: int = OUTPUT_RESOLUTION) -> np.ndarray:
    """What the layers after this one output over the view box (the next layer's line, for the last hidden layer)."""
    aa, bb = np.meshgrid(cell_centres(low[0], high[0], resolution), cell_centres(low[1], high[1], resolution))
    h = torch.from_numpy(np.stack([aa.ravel(), bb.ravel()], axis=1)).to(device)
    for part in rest:
        h = part(h)
    values = finish(h).cpu().numpy()
    if values.shape[1] == 1:
        return values.reshape(resolution, resolution)
    return values.reshape(resolution, resolution, values.shape[1])

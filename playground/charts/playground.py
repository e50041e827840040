"""Shared pieces of the Playground's charts: colours, layout constants and translated labels.

The live charts themselves are canvas scenes built in playground_scene.py (Plotly spent 50-90 ms
a redraw on them); what is here is what those scenes and the page share: the decision map's
colours (coloured with NumPy, so the browser only paints pixels), the diagram's layout constants
(the page's layer pickers are sized by `column_spans` to sit over the diagram's columns), curve
thinning and the label dataclasses the page fills with translated words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from playground.charts.style import CLASS_COLORS

TRAIN_OUTLINE = "#ffffff"
TEST_OUTLINE = "#111111"
LIGHT = "#eef0f1"  # "not sure at all"
# The decision map is paler than the points (as in TensorFlow Playground), so points stay visible on it.
PALE_DIVERGING = [[0.0, "#f7b56c"], [0.5, LIGHT], [1.0, "#5a9fd0"]]


def _hex_rgb(color: str) -> np.ndarray:
    color = color.lstrip("#")
    return np.array([int(color[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.float32)


def colorize(values: np.ndarray, scale: Sequence[Sequence], low: float, high: float) -> np.ndarray:
    """uint8 RGB (…, 3) of `values` on a Plotly-style colorscale ``[[position, "#rrggbb"], ...]`` over [low, high]."""
    positions = np.array([stop[0] for stop in scale], dtype=np.float32)
    colors = np.stack([_hex_rgb(stop[1]) for stop in scale])
    t = np.clip((np.asarray(values, dtype=np.float32) - low) / max(high - low, 1e-12), 0, 1)
    rgb = np.stack([np.interp(t, positions, colors[:, c]) for c in range(3)], axis=-1)
    return rgb.round().astype(np.uint8)


def class_colors(probabilities: np.ndarray, discretize: bool = False) -> np.ndarray:
    """uint8 RGB (r, r, 3) of class probabilities (r, r, k): the likeliest class's colour, pale when unsure."""
    n = probabilities.shape[-1]
    best = probabilities.argmax(-1)
    confidence = np.clip((probabilities.max(-1) - 1.0 / n) / (1.0 - 1.0 / n), 0, 1)
    strength = np.full_like(confidence, 0.7) if discretize else 0.1 + 0.6 * confidence
    palette = np.stack([_hex_rgb(CLASS_COLORS[k % len(CLASS_COLORS)]) for k in range(n)])
    light = _hex_rgb(LIGHT)
    rgb = light + (palette[best] - light) * strength[..., None]
    return rgb.round().astype(np.uint8)


def decision_colors(decision: np.ndarray, task: str, discretize: bool = False,
                    value_range: tuple[float, float] = (-1.0, 1.0)) -> np.ndarray:
    """uint8 RGB of the decision grid: P(class 1) orange→blue, class colours for more classes, values for regression."""
    decision = np.asarray(decision)
    if decision.ndim == 3:
        return class_colors(decision, discretize)
    if task == "classification":
        values = (decision > 0.5).astype(np.float32) if discretize else decision
        return colorize(values, PALE_DIVERGING, 0.0, 1.0)
    values = np.sign(decision) * max(abs(value_range[0]), abs(value_range[1])) if discretize else decision
    return colorize(values, PALE_DIVERGING, *value_range)


@dataclass(frozen=True)
class BoundaryLabels:
    """Translated words of the decision map."""

    x: str = "x₁"
    y: str = "x₂"
    value: str = "P(blue)"  # kept for callers; the map itself is a picture
    klass: str = "class"
    train: str = "training data"
    test: str = "test data"
    target: str = "target"


# ---------------------------------------------------------------------------- network diagram


@dataclass(frozen=True)
class NetworkLabels:
    """Translated words of the network diagram (format fields in braces)."""

    input: str = "Input"
    hidden: str = "Layer {index}"
    output: str = "Output"
    neuron: str = "{layer}, neuron {index}"
    bias: str = "bias"
    weight: str = "weight"
    column_titles: tuple[str, ...] = field(default_factory=tuple)  # optional full titles, one per column


MAX_WEIGHT_FOR_WIDTH = 4.0  # |w| at and above this gets the widest line

GAP = 3.2  # horizontal distance between layers, in node slots
NODE = 0.78  # node size, in node slots
LEFT_MARGIN = 1.5  # room for the feature names left of the inputs
RIGHT_MARGIN = 0.9  # room for the last column's title


def column_spans(n_cols: int) -> list[float]:
    """Relative widths of `n_cols` page columns each centred over one layer of the network diagram."""
    first = LEFT_MARGIN + NODE / 2 + GAP / 2
    last = GAP / 2 + NODE / 2 + RIGHT_MARGIN
    return [first] + [GAP] * (n_cols - 2) + [last] if n_cols > 1 else [first + last]


def _column_name(c: int, n_cols: int, labels: NetworkLabels) -> str:
    if c == 0:
        return labels.input
    if c == n_cols - 1:
        return labels.output
    return labels.hidden.format(index=c)


# ---------------------------------------------------------------------------- curves


@dataclass(frozen=True)
class CurveLabels:
    """Translated words of the loss/accuracy chart."""

    epoch: str = "epoch"
    loss: str = "loss"
    accuracy: str = "accuracy"
    train_loss: str = "training loss"
    test_loss: str = "test loss"
    train_acc: str = "training accuracy"
    test_acc: str = "test accuracy"
    empty: str = "The curves appear here after the first epoch."


MAX_CURVE_POINTS = 400


def thin(values: Sequence, limit: int = MAX_CURVE_POINTS) -> np.ndarray:
    """Indices of at most `limit` evenly spread entries of `values`, always keeping the last."""
    n = len(values)
    if n <= limit:
        return np.arange(n)
    return np.unique(np.append(np.linspace(0, n - 1, limit).round().astype(int), n - 1))

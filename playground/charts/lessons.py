"""Figures of the lesson pages "Classic ML vs deep learning" and "Train, validation and test".

Pure functions: arrays and translated labels in, ``go.Figure`` out. Decision maps are small PNG
pictures laid under the axes, coloured like the Playground's (orange and blue, pale where the
model is unsure), with the points on top: training points outlined in white, held-out points
in black. Every map uses the same square [-6, 6]² so maps side by side compare at a glance.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from playground.charts.style import CLASS_COLORS, FONT, NEUTRAL

LIGHT = "#eef0f1"  # the colour of "not sure at all"
TRAIN_OUTLINE = "#ffffff"
HELD_OUT_OUTLINE = "#111111"
VALIDATION_COLOR = "#7b3fb5"  # validation curves and the validation part of the split bar
TEST_COLOR = "#5b5b5b"
BEST_COLOR = "#2a9d4b"  # the early-stopping marker


def _figure(data: list, layout: dict) -> go.Figure:
    base = dict(font=FONT, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    return go.Figure({"data": data, "layout": {**base, **layout}}, _validate=False)


def _rgb(color: str) -> np.ndarray:
    color = color.lstrip("#")
    return np.array([int(color[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.float32)


def class_map_colors(probs: np.ndarray) -> np.ndarray:
    """uint8 RGB (r, r, 3) of class probabilities: the likeliest class's colour, paler the less sure.

    `probs` is (r, r, k) probabilities, or (r, r) P(class 1) for two classes.
    """
    probs = np.asarray(probs, dtype=np.float32)
    if probs.ndim == 2:
        probs = np.stack([1 - probs, probs], axis=-1)
    k = probs.shape[-1]
    best = probs.argmax(-1)
    confidence = np.clip((probs.max(-1) - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    strength = 0.08 + 0.62 * confidence
    palette = np.stack([_rgb(CLASS_COLORS[c % len(CLASS_COLORS)]) for c in range(k)])
    light = _rgb(LIGHT)
    return (light + (palette[best] - light) * strength[..., None]).round().astype(np.uint8)


def _png(rgb: np.ndarray) -> str:
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass(frozen=True)
class MapLabels:
    """Translated words of a decision map."""

    x: str = "x₁"
    y: str = "x₂"
    klass: str = "class"
    train: str = "training data"
    held_out: str = "test data"


def _points(x: np.ndarray, y: np.ndarray, outline: str, name: str, labels: MapLabels, size: int) -> list[dict]:
    traces = []
    for c in np.unique(y):
        pick = y == c
        traces.append(dict(
            type="scattergl" if pick.sum() > 1500 else "scatter", mode="markers", x=x[pick, 0], y=x[pick, 1],
            name=f"{name} · {labels.klass} {int(c)}", showlegend=False,
            marker=dict(color=CLASS_COLORS[int(c) % len(CLASS_COLORS)], size=size, line=dict(color=outline, width=1.2)),
            hovertemplate=f"{name}<br>{labels.klass} {int(c)}<br>({labels.x}, {labels.y}) = (%{{x:.2f}}, %{{y:.2f}})<extra></extra>",
        ))
    return traces


def decision_map(
    axis: np.ndarray,
    probs: np.ndarray,
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_held: np.ndarray | None = None,
    y_held: np.ndarray | None = None,
    labels: MapLabels = MapLabels(),
    title: str | None = None,
    height: int = 300,
    marker_size: int = 6,
) -> go.Figure:
    """A model's class probabilities over the plane (sampled at `axis`) with the points on top.

    For two classes the decision boundary (P = 0.5) is drawn as a dark line. Held-out points
    (test or validation) are outlined in black, training points in white.
    """
    axis = np.asarray(axis, dtype=float)
    probs = np.asarray(probs, dtype=np.float32)
    half = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.5
    lo, hi = float(axis[0] - half), float(axis[-1] + half)
    image = dict(source=_png(class_map_colors(probs)[::-1]), xref="x", yref="y", x=lo, y=hi, sizex=hi - lo,
                 sizey=hi - lo, sizing="stretch", layer="below")
    data: list[dict] = []
    p1 = probs if probs.ndim == 2 else (probs[..., 1] if probs.shape[-1] == 2 else None)
    if p1 is not None and p1.min() < 0.5 < p1.max():
        data.append(dict(
            type="contour", x=axis, y=axis, z=p1, showscale=False, hoverinfo="skip", name="P = 0.5",
            contours=dict(start=0.5, end=0.5, size=1, coloring="none"), line=dict(color="#333333", width=1.6),
        ))
    data += _points(np.asarray(x_train), np.asarray(y_train), TRAIN_OUTLINE, labels.train, labels, marker_size)
    if x_held is not None and y_held is not None and len(x_held):
        data += _points(np.asarray(x_held), np.asarray(y_held), HELD_OUT_OUTLINE, labels.held_out, labels, marker_size)
    axis_style = dict(range=[lo, hi], showgrid=False, zeroline=False, ticks="", showticklabels=False, fixedrange=True)
    return _figure(data, dict(
        images=[image], height=height, margin=dict(l=4, r=4, t=34 if title else 4, b=4),
        title=dict(text=title, x=0.5, xanchor="center", font=dict(size=15)) if title else None,
        xaxis=dict(axis_style, title=None), yaxis=dict(axis_style, title=None, scaleanchor="x", scaleratio=1),
        showlegend=False,
    ))


# ---------------------------------------------------------------------------- data dependence


@dataclass(frozen=True)
class CurveLabels:
    """Translated words of the data-dependence chart."""

    size: str = "training examples (log scale)"
    accuracy: str = "test accuracy"
    classic: str = "classic model"
    network: str = "neural network"
    chance: str = "guessing"


def learning_curve_figure(
    sizes: Sequence[int],
    classic_mean: Sequence[float],
    classic_std: Sequence[float],
    network_mean: Sequence[float],
    network_std: Sequence[float],
    chance: float,
    labels: CurveLabels = CurveLabels(),
    height: int = 380,
) -> go.Figure:
    """Test accuracy against training-set size (log x axis): a line per model, a band of ±1 std."""
    sizes = np.asarray(sizes, dtype=float)
    data: list[dict] = []
    for name, mean, std, color in (
        (labels.classic, classic_mean, classic_std, CLASS_COLORS[0]),
        (labels.network, network_mean, network_std, CLASS_COLORS[1]),
    ):
        mean, std = np.asarray(mean, float), np.asarray(std, float)
        upper, lower = np.minimum(mean + std, 1.0), np.maximum(mean - std, 0.0)
        data.append(dict(type="scatter", mode="lines", x=np.concatenate([sizes, sizes[::-1]]),
                         y=np.concatenate([upper, lower[::-1]]),
                         fill="toself", fillcolor=_alpha(color, 0.15), line=dict(width=0), hoverinfo="skip",
                         showlegend=False))
        data.append(dict(type="scatter", mode="lines+markers", x=sizes, y=mean, name=name,
                         line=dict(color=color, width=3), marker=dict(size=8),
                         hovertemplate=f"{name}<br>{labels.size}: %{{x:,.0f}}<br>{labels.accuracy}: %{{y:.1%}}<extra></extra>"))
    data.append(dict(type="scatter", mode="lines", x=[sizes.min(), sizes.max()], y=[chance, chance], name=labels.chance,
                     line=dict(color=NEUTRAL, dash="dot", width=1.5), hoverinfo="skip"))
    return _figure(data, dict(
        height=height, margin=dict(l=60, r=20, t=20, b=60),
        xaxis=dict(type="log", title=dict(text=labels.size), tickvals=list(sizes), ticktext=[f"{int(s):,}" for s in sizes]),
        yaxis=dict(title=dict(text=labels.accuracy), range=[min(0.4, chance - 0.05), 1.02], tickformat=".0%"),
        legend=dict(orientation="h", y=1.08, x=0),
    ))


def _alpha(color: str, alpha: float) -> str:
    r, g, b = (int(v) for v in _rgb(color))
    return f"rgba({r},{g},{b},{alpha})"


# ---------------------------------------------------------------------------- three-way split


@dataclass(frozen=True)
class SplitLabels:
    """Translated names of the three parts and the unit."""

    train: str = "training"
    validation: str = "validation"
    test: str = "test"
    examples: str = "examples"


def split_bar(train: int, validation: int, test: int, labels: SplitLabels = SplitLabels(), height: int = 90) -> go.Figure:
    """One horizontal bar cut into the three parts, each with its name and size."""
    total = max(train + validation + test, 1)
    data = []
    for name, count, color in ((labels.train, train, CLASS_COLORS[1]), (labels.validation, validation, VALIDATION_COLOR),
                               (labels.test, test, TEST_COLOR)):
        data.append(dict(
            type="bar", orientation="h", x=[count], y=[""], name=name, marker=dict(color=color),
            text=[f"{name}: {count} ({count / total:.0%})"], textposition="inside", insidetextanchor="middle",
            textfont=dict(color="#ffffff", size=14),
            hovertemplate=f"{name}: {count} {labels.examples}<extra></extra>",
        ))
    return _figure(data, dict(
        barmode="stack", height=height, margin=dict(l=0, r=0, t=0, b=0), showlegend=False,
        xaxis=dict(visible=False, range=[0, total], fixedrange=True), yaxis=dict(visible=False, fixedrange=True),
    ))


# ---------------------------------------------------------------------------- overfitting curves


@dataclass(frozen=True)
class LossLabels:
    """Translated words of the loss-curve chart (`best` and `shown` may hold {epoch})."""

    epoch: str = "epoch"
    loss: str = "loss (cross-entropy)"
    train: str = "training loss"
    validation: str = "validation loss"
    best: str = "early stopping: epoch {epoch}"
    shown: str = "map: epoch {epoch}"
    overfitting: str = "overfitting"
    previous_train: str = "training loss, previous run"
    previous_validation: str = "validation loss, previous run"


def loss_curves(
    train_loss: Sequence[float],
    val_loss: Sequence[float],
    best: int | None,
    labels: LossLabels = LossLabels(),
    shown: int | None = None,
    previous: tuple[Sequence[float], Sequence[float]] | None = None,
    max_epochs: int | None = None,
    height: int = 380,
) -> go.Figure:
    """Training and validation loss per epoch; the best validation epoch marked, the span after it shaded.

    `previous` = (train, validation) losses of an earlier run, drawn faint and dashed for comparison;
    `shown` marks the epoch whose decision map is on screen.
    """
    epochs = np.arange(1, len(val_loss) + 1)
    data: list[dict] = []
    if previous is not None:
        for values, name, color in ((previous[0], labels.previous_train, CLASS_COLORS[1]),
                                    (previous[1], labels.previous_validation, VALIDATION_COLOR)):
            data.append(dict(type="scatter", mode="lines", x=np.arange(1, len(values) + 1), y=list(values), name=name,
                             line=dict(color=_alpha(color, 0.4), width=2, dash="dot"),
                             hovertemplate=f"{name}<br>{labels.epoch} %{{x}}: %{{y:.3f}}<extra></extra>"))
    for values, name, color in ((train_loss, labels.train, CLASS_COLORS[1]), (val_loss, labels.validation, VALIDATION_COLOR)):
        data.append(dict(type="scatter", mode="lines", x=epochs, y=list(values), name=name, line=dict(color=color, width=3),
                         hovertemplate=f"{name}<br>{labels.epoch} %{{x}}: %{{y:.3f}}<extra></extra>"))
    shapes, annotations = [], []
    last = max(len(val_loss), max_epochs or 0, 1)
    if best is not None:
        if best < len(val_loss):
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=best, x1=len(val_loss), y0=0, y1=1,
                               fillcolor=_alpha(CLASS_COLORS[3], 0.07), line=dict(width=0), layer="below"))
            annotations.append(dict(x=(best + len(val_loss)) / 2, y=1, xref="x", yref="paper", yanchor="top",
                                    text=labels.overfitting, showarrow=False, font=dict(color=CLASS_COLORS[3], size=13)))
        shapes.append(dict(type="line", xref="x", yref="paper", x0=best, x1=best, y0=0, y1=1,
                           line=dict(color=BEST_COLOR, width=2, dash="dash")))
        data.append(dict(type="scatter", mode="markers", x=[best], y=[val_loss[best - 1]], name=labels.best.format(epoch=best),
                         marker=dict(color=BEST_COLOR, size=13, symbol="star", line=dict(color="#ffffff", width=1)),
                         hovertemplate=f"{labels.best.format(epoch=best)}<br>%{{y:.3f}}<extra></extra>"))
    if shown is not None and shown != best and 1 <= shown <= len(val_loss):
        shapes.append(dict(type="line", xref="x", yref="paper", x0=shown, x1=shown, y0=0, y1=1,
                           line=dict(color=NEUTRAL, width=1.5, dash="dot")))
        annotations.append(dict(x=shown, y=0, xref="x", yref="paper", yanchor="bottom", xanchor="left",
                                text=labels.shown.format(epoch=shown), showarrow=False, font=dict(color=NEUTRAL, size=12)))
    earlier = (*previous[0], *previous[1]) if previous is not None else ()
    values = [v for v in (*train_loss, *val_loss, *earlier) if v is not None and np.isfinite(v)]
    top = max(values) * 1.05 if values else 1.0
    return _figure(data, dict(
        height=height, margin=dict(l=60, r=20, t=30, b=50), shapes=shapes, annotations=annotations,
        xaxis=dict(title=dict(text=labels.epoch), range=[0, last + 1]),
        yaxis=dict(title=dict(text=labels.loss), range=[0, max(top, 0.1)]),
        legend=dict(orientation="h", y=-0.22, x=0), hovermode="x unified",
    ))

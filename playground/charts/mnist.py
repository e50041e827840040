"""Figures of the MNIST page: curves, digit grids, probability bars, confusion matrix, filters, maps.

Pure functions: arrays and already-translated labels in, a ``go.Figure`` out. Grids of small
images are tiled into one heatmap (`playground.inspection.tile`), which the browser draws far
faster than dozens of subplots.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from playground.charts.style import DIVERGING, FONT, NEGATIVE, NEUTRAL, POSITIVE
from playground.inspection import tile

GREYS = [[0.0, "#ffffff"], [1.0, "#111111"]]  # ink dark on white paper, as students write
RIGHT, WRONG = "#1a7f37", "#cf222e"  # label colours for correct / wrong predictions
TRAIN_COLOR, VALIDATION_COLOR = POSITIVE, NEGATIVE


def _image_axes(fig: go.Figure, row: int | None = None, col: int | None = None) -> None:
    axis = dict(showticklabels=False, showgrid=False, zeroline=False, ticks="")
    fig.update_xaxes(**axis, constrain="domain", row=row, col=col)
    fig.update_yaxes(**axis, autorange="reversed", scaleanchor="x" if row is None else None, row=row, col=col)


def curves_figure(
    history: Mapping[str, Sequence], labels: Mapping[str, str],
    trail: tuple[Sequence[float], Sequence[float], Sequence[float]] | None = None, max_epoch: int | None = None,
    height: int = 380,
) -> go.Figure:
    """Loss and accuracy, training and validation, side by side, against epochs.

    history: per-epoch lists ("epoch", "train_loss", "test_loss", "train_acc", "test_acc"; the
    "test" entries are the validation scores). trail: (x in fractional epochs, loss, accuracy) of
    the running training curve, drawn as a thin line so it moves within an epoch.
    labels: "loss", "accuracy", "epoch", "train", "validation", "running".

    Built as one dict (no make_subplots): it is redrawn several times a second while the
    worker trains in the same process, and every millisecond here is taken from training.
    """
    data: list[dict] = []
    if trail is not None and len(trail[0]):
        for axis, values in (("", trail[1]), ("2", trail[2])):
            data.append(dict(
                type="scatter", x=list(trail[0]), y=list(values), xaxis=f"x{axis}", yaxis=f"y{axis}",
                name=labels["running"], legendgroup="running", showlegend=not axis, mode="lines",
                line=dict(color=TRAIN_COLOR, width=1.5), opacity=0.45, hoverinfo="skip",
            ))
    epochs = list(history.get("epoch", []))
    series = (
        ("train_loss", "", labels["train"], TRAIN_COLOR),
        ("test_loss", "", labels["validation"], VALIDATION_COLOR),
        ("train_acc", "2", labels["train"], TRAIN_COLOR),
        ("test_acc", "2", labels["validation"], VALIDATION_COLOR),
    )
    for key, axis, name, color in series:
        values = [None if v is None or not np.isfinite(v) else float(v) for v in history.get(key, [])]
        if not any(v is not None for v in values):
            continue
        data.append(dict(
            type="scatter", x=epochs[: len(values)], y=values, xaxis=f"x{axis}", yaxis=f"y{axis}", name=name,
            legendgroup=name, showlegend=not axis, mode="lines+markers", line=dict(color=color, width=3),
            marker=dict(size=8),
        ))
    last = max([max_epoch or 0, *(epochs or [0]), *(trail[0] if trail is not None else [])])
    x_axis = dict(title=dict(text=labels["epoch"]), range=[0, max(last, 1) * 1.02], dtick=max(1, round(last / 10)))
    title = dict(xref="paper", yref="paper", y=1.0, yanchor="bottom", showarrow=False, font=dict(size=15))
    layout = dict(
        font=FONT, height=height, margin=dict(l=40, r=20, t=40, b=90),
        legend=dict(orientation="h", yanchor="top", y=-0.28, x=0.5, xanchor="center"),
        xaxis=dict(x_axis, domain=[0, 0.45], anchor="y"), yaxis=dict(rangemode="tozero", anchor="x"),
        xaxis2=dict(x_axis, domain=[0.55, 1], anchor="y2"), yaxis2=dict(range=[0, 1.02], tickformat=".0%", anchor="x2"),
        annotations=[dict(title, text=labels["loss"], x=0.225, xanchor="center"),
                     dict(title, text=labels["accuracy"], x=0.775, xanchor="center")],
    )
    return go.Figure(dict(data=data, layout=layout))


def digit_grid_figure(
    images: np.ndarray, captions: Sequence[str], correct: Sequence[bool] | None = None, columns: int = 12,
    height: int | None = None,
) -> go.Figure:
    """Digits (n, 28, 28) in a grid, each with a caption above it (green if right, red if wrong)."""
    n = len(images)
    columns = max(1, min(columns, n))
    label_rows = 9  # blank pixel rows above each digit for its caption
    padded = np.zeros((n, 28 + label_rows, 28))
    padded[:, label_rows:, :] = images
    grid = tile(padded, columns, gap=2, fill=0.0)
    fig = go.Figure(go.Heatmap(z=grid, colorscale=GREYS, zmin=0, zmax=255, showscale=False, hoverinfo="skip"))
    for i, caption in enumerate(captions):
        r, c = divmod(i, columns)
        color = NEUTRAL if correct is None else (RIGHT if correct[i] else WRONG)
        fig.add_annotation(
            x=c * 30 + 13.5, y=r * (28 + label_rows + 2) + 3.5, text=f"<b>{caption}</b>", showarrow=False,
            font=dict(size=13, color=color),
        )
    rows = -(-n // columns)
    _image_axes(fig)
    fig.update_layout(
        font=FONT, height=height or 70 + rows * 82, margin=dict(l=5, r=5, t=5, b=5),
        plot_bgcolor="white",
    )
    return fig


def digit_figure(image: np.ndarray, title: str = "", size: int = 230) -> go.Figure:
    """One 28×28 digit, pixel grid visible (what the network sees), `size` pixels square."""
    fig = go.Figure(
        go.Heatmap(z=np.asarray(image, dtype=float), colorscale=GREYS, zmin=0, zmax=255, showscale=False,
                   hovertemplate="(%{y}, %{x}): %{z:.0f}<extra></extra>", xgap=0.5, ygap=0.5)
    )
    _image_axes(fig)
    fig.update_xaxes(showline=True, linecolor="#999999", mirror=True)
    fig.update_yaxes(showline=True, linecolor="#999999", mirror=True)
    top = 30 if title else 4
    fig.update_layout(
        font=FONT, width=size, height=size + top - 4, plot_bgcolor="#e8e8e8",
        title=dict(text=title, x=0.5, xanchor="center", font=dict(size=14)), margin=dict(l=4, r=4, t=top, b=4),
    )
    return fig


def probability_figure(
    probabilities: np.ndarray, class_names: Sequence[str], axis_title: str, true_class: int | None = None,
    height: int = 260,
) -> go.Figure:
    """The softmax output as bars; the predicted class stands out (green/red when the truth is known)."""
    probabilities = np.asarray(probabilities, dtype=float)
    best = int(probabilities.argmax())
    colors = [NEUTRAL] * len(probabilities)
    colors[best] = POSITIVE if true_class is None else (RIGHT if best == true_class else WRONG)
    fig = go.Figure(
        go.Bar(
            x=list(class_names), y=probabilities, marker_color=colors,
            text=[f"{p:.0%}" if p >= 0.005 else "" for p in probabilities], textposition="outside",
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    )
    fig.update_yaxes(range=[0, 1.15], tickformat=".0%", title_text=axis_title)
    fig.update_xaxes(type="category")
    fig.update_layout(font=FONT, height=height, margin=dict(l=50, r=10, t=10, b=30))
    return fig


def confusion_figure(counts: np.ndarray, class_names: Sequence[str], labels: Mapping[str, str], height: int = 480) -> go.Figure:
    """Confusion matrix heatmap, true class down, predicted class across, counts written in.

    labels: "true", "predicted". Colour is the share of the true class's row, so rare and common
    digits read alike; the diagonal holds the correct answers.
    """
    counts = np.asarray(counts)
    rows = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, rows, out=np.zeros(counts.shape, dtype=float), where=rows > 0)
    names = list(class_names)
    fig = go.Figure(
        go.Heatmap(
            z=share, x=names, y=names, text=counts, texttemplate="%{text}", colorscale="Blues", zmin=0, zmax=1,
            showscale=False, hovertemplate=f"{labels['true']} %{{y}} → {labels['predicted']} %{{x}}: %{{text}}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=labels["predicted"], type="category", side="top", showgrid=False)
    fig.update_yaxes(title_text=labels["true"], type="category", autorange="reversed", scaleanchor="x", showgrid=False)
    fig.update_layout(font=FONT, width=height + 20, height=height, margin=dict(l=60, r=10, t=60, b=10))
    return fig


def _symmetric(values: np.ndarray) -> float:
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def weight_grid_figure(
    images: np.ndarray, columns: int = 8, title: str = "", captions: Sequence[str] | None = None, height: int | None = None,
) -> go.Figure:
    """Signed weights (n, H, W) as a grid on a diverging scale (orange negative, blue positive).

    captions: one short label per image, written above it (e.g. the digit a weight image votes for).
    """
    images = np.asarray(images, dtype=float)
    n, h, w = images.shape
    columns = max(1, min(columns, n))
    gap = max(1, h // 8)
    label_rows = 0 if captions is None else max(3, h // 3)
    padded = np.full((n, h + label_rows, w), np.nan)
    padded[:, label_rows:, :] = images
    grid = tile(padded, columns, gap=gap)
    bound = _symmetric(grid)
    fig = go.Figure(
        go.Heatmap(z=grid, colorscale=DIVERGING, zmin=-bound, zmax=bound, showscale=True, hoverinfo="skip",
                   colorbar=dict(thickness=12, len=0.8))
    )
    for i, caption in enumerate(captions or []):
        r, c = divmod(i, columns)
        fig.add_annotation(x=c * (w + gap) + (w - 1) / 2, y=r * (h + label_rows + gap) + (label_rows - 1) / 2,
                           text=f"<b>{caption}</b>", showarrow=False, font=dict(size=13, color=NEUTRAL))
    _image_axes(fig)
    rows = -(-n // columns)
    fig.update_layout(
        font=FONT, title=dict(text=title, x=0, font=dict(size=14)),
        height=height or int(60 + rows * max(60, min(120, 1000 / columns))), margin=dict(l=5, r=5, t=35 if title else 5, b=5),
        plot_bgcolor="white",
    )
    return fig


def feature_map_figure(maps: np.ndarray, title: str, columns: int = 8, height: int | None = None) -> go.Figure:
    """One layer's activations (channels, H, W) as a grid of grey images (bright = strong response)."""
    maps = np.asarray(maps, dtype=float)
    n, h, w = maps.shape
    columns = max(1, min(columns, n))
    grid = tile(maps, columns, gap=max(1, h // 10))
    finite = grid[np.isfinite(grid)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    fig = go.Figure(
        go.Heatmap(z=grid, colorscale="Viridis", zmin=low, zmax=high if high > low else low + 1, showscale=False,
                   hoverinfo="skip")
    )
    _image_axes(fig)
    rows = -(-n // columns)
    fig.update_layout(
        font=FONT, title=dict(text=title, x=0, font=dict(size=14)),
        height=height or int(50 + rows * max(50, min(110, 900 / columns))), margin=dict(l=5, r=5, t=35, b=5),
        plot_bgcolor="white",
    )
    return fig

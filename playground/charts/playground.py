"""Figures of the Playground page: decision map with points, network diagram, loss curves.

Pure functions: arrays and translated labels in, ``go.Figure`` out. They are redrawn several
times a second while a network trains, so they are built for a small payload and a cheap
redraw in the browser: the decision map and every neuron's map are small PNG images laid under
the axes (coloured here with NumPy; the browser only swaps pictures), edges are bundled into a
few traces by sign and width, long curves are thinned, and no per-property validation is run.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from playground.charts.style import CLASS_COLORS, DIVERGING, FONT, NEGATIVE, POSITIVE

TRAIN_OUTLINE = "#ffffff"
TEST_OUTLINE = "#111111"
LIGHT = "#eef0f1"  # "not sure at all"
# The decision map is paler than the points (as in TensorFlow Playground), so points stay visible on it.
PALE_DIVERGING = [[0.0, "#f7b56c"], [0.5, LIGHT], [1.0, "#5a9fd0"]]


def _figure(data: list[dict], layout: dict) -> go.Figure:
    base = dict(font=FONT, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    return go.Figure({"data": data, "layout": {**base, **layout}}, _validate=False)


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


def png_uri(rgb: np.ndarray) -> str:
    """A data: URI of the uint8 RGB image (rows top to bottom), PNG-compressed for speed rather than size."""
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _plane_image(rgb: np.ndarray, x0: float, x1: float, y0: float, y1: float, layer: str = "below") -> dict:
    """A layout image filling [x0, x1]×[y0, y1]; `rgb` row 0 is y0 (the bottom), as grids are stored."""
    return dict(source=png_uri(rgb[::-1]), xref="x", yref="y", x=x0, y=y1, sizex=x1 - x0, sizey=y1 - y0,
                sizing="stretch", layer=layer)


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


def boundary_figure(
    axis: np.ndarray,
    decision: np.ndarray,
    task: str,
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
    discretize: bool = False,
    labels: BoundaryLabels = BoundaryLabels(),
    value_range: tuple[float, float] = (-1.0, 1.0),
    height: int = 380,
) -> go.Figure:
    """The network's output over the plane with the data points on top.

    `decision` is (r, r) P(class 1) for two classes, (r, r, classes) probabilities for more,
    or (r, r) values for regression (coloured over `value_range`), sampled at `axis` (cell
    centres). Test points, when given, are drawn with a dark outline.
    """
    axis = np.asarray(axis, dtype=float)
    half_cell = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.5
    low, high = float(axis[0] - half_cell), float(axis[-1] + half_cell)
    image = _plane_image(decision_colors(decision, task, discretize, value_range), low, high, low, high)
    data = []
    sets = [(x_train, y_train, TRAIN_OUTLINE, labels.train)]
    if x_test is not None and y_test is not None:
        sets.append((x_test, y_test, TEST_OUTLINE, labels.test))
    for xs, ys, outline, name in sets:
        data.extend(_point_traces(np.asarray(xs), np.asarray(ys), task, outline, name, labels, value_range))
    extent = float(abs(axis[0]))
    axis_style = dict(range=[-extent, extent], showgrid=False, zeroline=False, ticks="outside", fixedrange=True)
    layout = dict(
        height=height,
        margin=dict(l=30, r=6, t=6, b=26),
        showlegend=False,
        images=[image],
        xaxis=dict(axis_style, constrain="domain"),
        yaxis=dict(axis_style, scaleanchor="x", constrain="domain"),
        hovermode="closest",
        uirevision="boundary",
    )
    return _figure(data, layout)


def _point_traces(xs, ys, task, outline, name, labels, value_range) -> list[dict]:
    marker_line = dict(color=outline, width=1.2)
    common = dict(type="scattergl" if len(xs) > 3000 else "scatter", mode="markers", name=name)
    if task == "regression":
        return [dict(
            common, x=np.round(xs[:, 0], 3), y=np.round(xs[:, 1], 3), marker=dict(
                size=7, color=ys, colorscale=DIVERGING, cmin=value_range[0], cmax=value_range[1], line=marker_line
            ),
            hovertemplate=f"{name}<br>{labels.target} %{{marker.color:.2f}}<extra></extra>",
        )]
    traces = []
    for k in np.unique(ys):
        mask = ys == k
        traces.append(dict(
            common, x=np.round(xs[mask, 0], 3), y=np.round(xs[mask, 1], 3),
            marker=dict(size=7, color=CLASS_COLORS[int(k) % len(CLASS_COLORS)], line=marker_line),
            hovertemplate=f"{name}<br>{labels.klass} {int(k)}<br>%{{x:.2f}}, %{{y:.2f}}<extra></extra>",
        ))
    return traces


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


WIDTH_STEPS = 8  # edges are bundled into this many widths per sign
MAX_WEIGHT_FOR_WIDTH = 4.0  # |w| at and above this gets the widest line


GAP = 3.2  # horizontal distance between layers, in node slots
NODE = 0.78  # node size, in node slots
LEFT_MARGIN = 1.5  # room for the feature names left of the inputs
RIGHT_MARGIN = 0.9  # room for the last column's title
DESIGN_WIDTH = 520  # px the diagram is laid out for; wider only adds space around it


def column_spans(n_cols: int) -> list[float]:
    """Relative widths of `n_cols` page columns each centred over one layer of `network_figure`."""
    first = LEFT_MARGIN + NODE / 2 + GAP / 2
    last = GAP / 2 + NODE / 2 + RIGHT_MARGIN
    return [first] + [GAP] * (n_cols - 2) + [last] if n_cols > 1 else [first + last]


def _node_positions(sizes: Sequence[int], gap: float) -> list[np.ndarray]:
    """y of every node (top to bottom, centred on 0) for each column."""
    return [-(np.arange(n) - (n - 1) / 2.0) for n in sizes]


def _edge_path(x0, y0, x1, y1, samples: int) -> tuple[np.ndarray, np.ndarray]:
    t = np.linspace(0, 1, samples)
    s = t * t * (3 - 2 * t)  # smoothstep: leaves and enters the nodes horizontally
    return x0 + (x1 - x0) * t, y0 + (y1 - y0) * s


def network_figure(
    feature_names: Sequence[str],
    feature_maps: np.ndarray,
    neuron_maps: Sequence[np.ndarray],
    weights: Sequence[tuple[np.ndarray, np.ndarray]],
    activations: Sequence[str],
    labels: NetworkLabels = NetworkLabels(),
    height: int | None = None,
) -> go.Figure:
    """The network: each neuron as a small map of its output over the plane, connections between them.

    `feature_maps` (k, n, n) are the inputs; `neuron_maps` one (units, n, n) array per layer;
    `weights` one (weight (out, in), bias (out,)) per layer. Lines are as wide as |weight| (up
    to MAX_WEIGHT_FOR_WIDTH), blue for positive and orange for negative weights; hovering a
    line's midpoint shows its weight, hovering a neuron shows its bias.
    """
    maps = [np.asarray(feature_maps), *[np.asarray(m) for m in neuron_maps]]
    sizes = [len(m) for m in maps]
    n_cols = len(maps)
    gap, node = GAP, NODE
    xs = [c * gap for c in range(n_cols)]
    ys = _node_positions(sizes, gap)
    slots = max(max(sizes), 4)
    data: list[dict] = []

    # connections, bundled by sign and width step
    n_edges = sum(w.size for w, _ in weights)
    samples = 12 if n_edges <= 400 else 2
    bundles: dict[tuple[bool, int], tuple[list, list]] = {}
    mid_x, mid_y, mid_text = [], [], []
    for c, (w, _) in enumerate(weights):
        x_from, x_to = xs[c] + node / 2, xs[c + 1] - node / 2
        for i in range(w.shape[0]):
            for j in range(w.shape[1]):
                value = float(w[i, j])
                step = min(int(abs(value) / MAX_WEIGHT_FOR_WIDTH * WIDTH_STEPS), WIDTH_STEPS - 1)
                px, py = _edge_path(x_from, ys[c][j], x_to, ys[c + 1][i], samples)
                bx, by = bundles.setdefault((value >= 0, step), ([], []))
                bx.extend(np.round(px, 3).tolist() + [None])
                by.extend(np.round(py, 3).tolist() + [None])
                mid_x.append((x_from + x_to) / 2)
                mid_y.append((ys[c][j] + ys[c + 1][i]) / 2)
                if n_edges > 400:  # big networks: the weight alone keeps each redraw small
                    mid_text.append(f"{labels.weight} = {value:+.3f}")
                    continue
                source = feature_names[j] if c == 0 else labels.neuron.format(layer=_column_name(c, n_cols, labels), index=j + 1)
                target = labels.neuron.format(layer=_column_name(c + 1, n_cols, labels), index=i + 1)
                mid_text.append(f"{source} → {target}<br>{labels.weight} = {value:+.3f}")
    for (positive, step), (bx, by) in sorted(bundles.items()):
        data.append(dict(
            type="scatter", mode="lines", x=bx, y=by, hoverinfo="skip", showlegend=False,
            line=dict(color=POSITIVE if positive else NEGATIVE, width=0.6 + step * 0.85, shape="linear"),
            opacity=0.35 + 0.6 * step / (WIDTH_STEPS - 1),
        ))
    data.append(dict(
        type="scatter", mode="markers", x=mid_x, y=mid_y, text=mid_text, hovertemplate="%{text}<extra></extra>",
        marker=dict(size=9, color="rgba(0,0,0,0)"), showlegend=False,
    ))

    # neurons: one small heatmap each, coloured symmetrically around 0 (orange < 0 < blue)
    hover_x, hover_y, hover_text, shapes, images = [], [], [], [], []
    for c, m in enumerate(maps):
        for i in range(len(m)):
            peak = float(np.abs(m[i]).max()) or 1.0
            images.append(_plane_image(colorize(m[i], DIVERGING, -peak, peak), xs[c] - node / 2, xs[c] + node / 2,
                                       ys[c][i] - node / 2, ys[c][i] + node / 2, layer="above"))
            shapes.append(dict(type="rect", x0=xs[c] - node / 2, x1=xs[c] + node / 2, y0=ys[c][i] - node / 2,
                               y1=ys[c][i] + node / 2, line=dict(color="#b0b5ba", width=1), layer="above"))
            hover_x.append(xs[c])
            hover_y.append(ys[c][i])
            if c == 0:
                hover_text.append(feature_names[i])
            else:
                bias = float(weights[c - 1][1][i])
                name = labels.neuron.format(layer=_column_name(c, n_cols, labels), index=i + 1)
                act = activations[c - 1] if c - 1 < len(activations) else ""
                hover_text.append(f"{name}<br>{act}<br>{labels.bias} = {bias:+.3f}")
    data.append(dict(
        type="scatter", mode="markers", x=hover_x, y=hover_y, text=hover_text, hovertemplate="%{text}<extra></extra>",
        marker=dict(symbol="square", size=18, color="rgba(0,0,0,0)"), showlegend=False,
    ))

    titles = list(labels.column_titles) or [_column_name(c, n_cols, labels) for c in range(n_cols)]
    top = (slots - 1) / 2 + 0.55
    annotations = [
        dict(x=xs[c], y=top, text=titles[c], showarrow=False, font=dict(size=13), yanchor="bottom")
        for c in range(n_cols)
    ]
    for i, name in enumerate(feature_names):
        annotations.append(dict(x=xs[0] - node / 2 - 0.1, y=ys[0][i], text=name, showarrow=False, xanchor="right",
                                font=dict(size=13)))
    x_range = [xs[0] - node / 2 - LEFT_MARGIN, xs[-1] + node / 2 + RIGHT_MARGIN]
    y_range = [-(slots - 1) / 2 - 0.6, top + 0.7]
    # Tall enough that square nodes fit at the design width, so only the y range ever grows.
    natural = DESIGN_WIDTH * (y_range[1] - y_range[0]) / (x_range[1] - x_range[0])
    height = height or int(min(640, max(240, natural)))
    layout = dict(
        height=height, margin=dict(l=0, r=0, t=0, b=0), showlegend=False, annotations=annotations, shapes=shapes,
        images=images,
        xaxis=dict(visible=False, range=x_range, fixedrange=True, constrain="range"),
        yaxis=dict(visible=False, range=y_range, fixedrange=True, scaleanchor="x", constrain="range"),
        hovermode="closest", uirevision="network",
    )
    return _figure(data, layout)


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


def curves_figure(history: dict, labels: CurveLabels = CurveLabels(), height: int = 240) -> go.Figure:
    """Training and test loss (solid) and accuracy (dotted, right axis) against the epoch."""
    epochs = list(history.get("epoch", []))
    keep = thin(epochs)
    x = np.asarray(epochs, dtype=float)[keep] if epochs else []
    data = []

    def series(key):
        values = history.get(key) or []
        if not values or values[-1] is None:
            return None
        return np.asarray([np.nan if v is None else v for v in values], dtype=float)[keep]

    for key, name, color, dash, axis in (
        ("train_loss", labels.train_loss, "#555555", "solid", "y"),
        ("test_loss", labels.test_loss, "#111111", "solid", "y"),
        ("train_acc", labels.train_acc, POSITIVE, "dot", "y2"),
        ("test_acc", labels.test_acc, "#0b4f7c", "dot", "y2"),
    ):
        values = series(key)
        if values is None:
            continue
        data.append(dict(
            type="scatter", mode="lines", x=x, y=values, name=name, yaxis=axis,
            line=dict(color=color, width=2.5 if key.startswith("test") else 1.6, dash=dash),
            hovertemplate=f"{name} %{{y:.4f}}<extra>{labels.epoch} %{{x}}</extra>",
        ))
    has_acc = any(d["yaxis"] == "y2" for d in data)
    layout = dict(
        height=height, margin=dict(l=34, r=40 if has_acc else 8, t=34, b=30),
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, font=dict(size=11), entrywidth=0.5,
                    entrywidthmode="fraction"),
        xaxis=dict(title=dict(text=labels.epoch, standoff=2, font=dict(size=12)), rangemode="tozero"),
        yaxis=dict(rangemode="tozero", tickfont=dict(size=11)),
        uirevision="curves",
    )
    if not data:
        layout["annotations"] = [dict(text=labels.empty, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                                      font=dict(size=13, color="#888888"))]
        layout["xaxis"]["visible"] = layout["yaxis"]["visible"] = False
    if has_acc:
        layout["yaxis2"] = dict(overlaying="y", side="right", range=[0, 1.02], tickformat=".0%", showgrid=False, dtick=0.25,
                                tickfont=dict(size=11))
    return _figure(data, layout)

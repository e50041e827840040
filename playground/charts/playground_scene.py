"""The Playground's live charts as canvas scenes (see scene.py): network diagram, decision map, curves.

Layout constants, colours and labels come from playground.py (so the layer pickers above stay
centred over the diagram's columns). Every connection is a hover target of its own (nearest line
to the pointer), not a marker at its midpoint: crossing lines share midpoints, which in the old
Plotly diagram hid a third of the weights.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from playground.charts import scene
from playground.charts.playground import (
    GAP, LEFT_MARGIN, MAX_WEIGHT_FOR_WIDTH, NODE, RIGHT_MARGIN, TEST_OUTLINE, TRAIN_OUTLINE, BoundaryLabels,
    CurveLabels, NetworkLabels, _column_name, colorize, decision_colors, thin,
)
from playground.charts.style import CLASS_COLORS, DIVERGING, NEGATIVE, POSITIVE

NETWORK_WIDTH = 440  # logical px; the canvas is scaled to its column
MIN_HEIGHT = 200  # logical px: few neurons still get room (rows spread out, nodes stay square)
EDGE_SAMPLES = 12  # points along each curved connection
FRAME = "#b0b5ba"


def network_layout(sizes: Sequence[int], width: float = NETWORK_WIDTH) -> dict:
    """Where everything goes: {"w", "h", "unit", "x": column centres, "y": per column node centres, "node"} in px."""
    n_cols = len(sizes)
    slots = max(max(sizes), 4)
    top = (slots - 1) / 2 + 0.55  # the titles' line
    x_lo = -NODE / 2 - LEFT_MARGIN
    x_hi = (n_cols - 1) * GAP + NODE / 2 + RIGHT_MARGIN
    y_lo, y_hi = -(slots - 1) / 2 - 0.6, top + 0.7
    unit = width / (x_hi - x_lo)
    unit_y = max(unit, MIN_HEIGHT / (y_hi - y_lo))  # rows may spread further apart than columns
    return {
        "w": width, "h": round((y_hi - y_lo) * unit_y, 1), "unit": unit, "node": NODE * unit,
        "x": [(c * GAP - x_lo) * unit for c in range(n_cols)],
        "y": [[(y_hi + (i - (n - 1) / 2.0)) * unit_y for i in range(n)] for n in sizes],
        "title_y": (y_hi - (slots - 1) / 2) * unit_y - (NODE / 2 + 0.2) * unit,  # just above the tallest column
    }


def edge_style(value: float) -> tuple[str, float, float]:
    """(colour, width px, opacity) of a connection of weight `value`: blue positive, orange negative, wider when larger."""
    strength = min(abs(value) / MAX_WEIGHT_FOR_WIDTH, 1.0)
    return (POSITIVE if value >= 0 else NEGATIVE), 0.6 + 6.0 * strength, 0.35 + 0.6 * strength


def network_scene(
    feature_names: Sequence[str],
    feature_maps: np.ndarray,
    neuron_maps: Sequence[np.ndarray],
    weights: Sequence[tuple[np.ndarray, np.ndarray]],
    activations: Sequence[str],
    labels: NetworkLabels = NetworkLabels(),
    width: float = NETWORK_WIDTH,
) -> dict:
    """The network as a scene: every neuron a small map of its output, every weight a line you can hover."""
    maps = [np.asarray(feature_maps), *[np.asarray(m) for m in neuron_maps]]
    sizes = [len(m) for m in maps]
    n_cols = len(maps)
    lay = network_layout(sizes, width)
    half = lay["node"] / 2
    ops, hits = [], []
    t = np.linspace(0, 1, EDGE_SAMPLES)
    ease = t * t * (3 - 2 * t)  # smoothstep: leaves and enters the nodes horizontally
    for c, (w, _) in enumerate(weights):
        x_from, x_to = lay["x"][c] + half, lay["x"][c + 1] - half
        y_from, y_to = np.asarray(lay["y"][c]), np.asarray(lay["y"][c + 1])
        # every line of this layer at once: (out, in, samples) points, rounded, as nested lists
        ys = y_from[None, :, None] + (y_to[:, None, None] - y_from[None, :, None]) * ease
        xs = np.broadcast_to(x_from + (x_to - x_from) * t, ys.shape)
        points = np.stack([xs, ys], axis=-1).round(1).reshape(w.shape[0], w.shape[1], -1).tolist()
        for i in range(w.shape[0]):
            for j in range(w.shape[1]):
                value = float(w[i, j])
                color, line_width, alpha = edge_style(value)
                op = {"k": "path", "p": points[i][j], "c": color, "lw": round(line_width, 2), "a": round(alpha, 3)}
                ops.append(op)
                source = feature_names[j] if c == 0 else labels.neuron.format(layer=_column_name(c, n_cols, labels), index=j + 1)
                target = labels.neuron.format(layer=_column_name(c + 1, n_cols, labels), index=i + 1)
                hits.append({"k": "path", "op": len(ops) - 1, "t": f"{source} → {target}\n{labels.weight} = {value:+.3f}"})
    for c, m in enumerate(maps):
        for i in range(len(m)):
            peak = float(np.abs(m[i]).max()) or 1.0
            x, y = lay["x"][c] - half, lay["y"][c][i] - half
            ops.append(scene.image(colorize(m[i], DIVERGING, -peak, peak)[::-1], x, y, lay["node"], lay["node"]))
            ops.append(scene.rect(x, y, lay["node"], lay["node"], color=FRAME))
            if c == 0:
                tip = feature_names[i]
            else:
                name = labels.neuron.format(layer=_column_name(c, n_cols, labels), index=i + 1)
                act = activations[c - 1] if c - 1 < len(activations) else ""
                tip = f"{name}\n{act}\n{labels.bias} = {float(weights[c - 1][1][i]):+.3f}"
            hits.insert(0, {"k": "rect", "x": round(x, 1), "y": round(y, 1), "w": round(lay["node"], 1),
                            "h": round(lay["node"], 1), "t": tip})
    titles = list(labels.column_titles) or [_column_name(c, n_cols, labels) for c in range(n_cols)]
    back = [scene.text(lay["x"][c], lay["title_y"], titles[c], 13, "#333333", "center", "bottom") for c in range(n_cols)]
    for i, name in enumerate(feature_names):
        back.append(scene.text(lay["x"][0] - half - 4, lay["y"][0][i], name, 13, "#333333", "right"))
    return {"w": lay["w"], "h": lay["h"], "back": scene.layer(back), "ops": ops, "front": scene.layer([]), "hits": hits}


# ---------------------------------------------------------------------------- decision map

MAP_MARGIN = dict(l=30, r=6, t=6, b=22)


def boundary_scene(
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
    side: float = 300,
) -> dict:
    """The network's output over the plane (an image) with the training and test points on top."""
    axis = np.asarray(axis, dtype=float)
    half_cell = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.5
    low, high = float(axis[0] - half_cell), float(axis[-1] + half_cell)
    extent = float(abs(axis[0]))
    m = MAP_MARGIN
    x0, y0 = m["l"], m["t"]

    def px(v):
        return x0 + (np.asarray(v, dtype=float) + extent) / (2 * extent) * side

    def py(v):
        return y0 + side - (np.asarray(v, dtype=float) + extent) / (2 * extent) * side

    # the image covers [low, high] (cell edges), the view [-extent, extent] (cell centres)
    scale = side / (2 * extent)
    image = scene.image(decision_colors(decision, task, discretize, value_range)[::-1], x0 + (low + extent) * scale,
                        y0 + (extent - high) * scale, (high - low) * scale, (high - low) * scale)
    front = []
    sets = [(x_train, y_train, TRAIN_OUTLINE)]
    if x_test is not None and y_test is not None:
        sets.append((x_test, y_test, TEST_OUTLINE))
    for xs, ys, outline in sets:
        xs, ys = np.asarray(xs), np.asarray(ys)
        if task == "regression":
            fills = colorize(ys, DIVERGING, *value_range)
            op = scene.dots(px(xs[:, 0]), py(xs[:, 1]), 3.5, "#888888", outline, 1.2)
            op["fills"] = ["#%02x%02x%02x" % tuple(int(v) for v in rgb) for rgb in fills]
            front.append(op)
            continue
        for k in np.unique(ys):
            mask = ys == k
            front.append(scene.dots(px(xs[mask, 0]), py(xs[mask, 1]), 3.5, CLASS_COLORS[int(k) % len(CLASS_COLORS)],
                                    outline, 1.2))
    for tick in scene.nice_ticks(-extent, extent, 6):
        front.append(scene.path([px(tick)] * 2, [y0 + side, y0 + side + 4], scene.AXIS_COLOR))
        front.append(scene.text(px(tick), y0 + side + 6, scene.tick_label(tick), 11, scene.LABEL_COLOR, "center", "top"))
        front.append(scene.path([x0 - 4, x0], [py(tick)] * 2, scene.AXIS_COLOR))
        front.append(scene.text(x0 - 6, py(tick), scene.tick_label(tick), 11, scene.LABEL_COLOR, "right"))
    front.append(scene.rect(x0, y0, side, side, color="#d0d4d8"))
    return {"w": x0 + side + m["r"], "h": y0 + side + m["b"], "back": scene.layer([]), "ops": [image],
            "front": scene.layer(front), "hits": []}


# ---------------------------------------------------------------------------- curves


def curves_scene(history: dict, labels: CurveLabels = CurveLabels(), width: float = 520, height: float = 210) -> dict:
    """Training and test loss (solid, left axis) and accuracy (dotted, right axis, %) against the epoch."""
    epochs = list(history.get("epoch", []))
    keep = thin(epochs)
    x = [float(epochs[i]) for i in keep]
    lines, entries = [], []
    for key, name, color, width_px, dash, right in (
        ("train_loss", labels.train_loss, "#555555", 1.6, None, False),
        ("test_loss", labels.test_loss, "#111111", 2.5, None, False),
        ("train_acc", labels.train_acc, POSITIVE, 1.6, [2, 3], True),
        ("test_acc", labels.test_acc, "#0b4f7c", 2.5, [2, 3], True),
    ):
        values = history.get(key) or []
        if not values or values[-1] is None:
            continue
        lines.append(scene.series(x, [values[i] for i in keep], color, width_px, dash, right=right))
        entries.append((name, color, dash))
    has_acc = any(line["right"] for line in lines)
    legend_rows = (len(entries) + 1) // 2
    top = 8 + 17 * max(legend_rows, 1)
    box = (40, top, width - 40 - (40 if has_acc else 10), height - top - 40)
    back = scene.legend(entries, 8, 4, width - 16)
    if not lines:
        ops = [scene.text(width / 2, height / 2, labels.empty, 13, "#888888")]
    else:
        ops = scene.panel(box, lines, (0.0, max(x[-1], 1.0)), labels.epoch, right_axis=has_acc)
    return {"w": width, "h": height, "back": scene.layer(back), "ops": ops, "front": scene.layer([]), "hits": []}

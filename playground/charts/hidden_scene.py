"""A hidden layer's space as a live canvas scene (see scene.py): the training points where that layer puts them.

Two neurons: a plane with the first neuron across and the second up. Behind the points, what the
rest of the network outputs at each place of that plane (the decision map's colours), with its 0.5
line: for the last hidden layer that line is straight, the output neuron's own line. The input
plane's grid lines are drawn as the layers carry them, so the bending shows.

Three neurons: the same points and grid lines in a cube seen from a fixed corner (an orthographic
projection), with the cube's edges and the three neurons' names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.charts import scene
from playground.charts.playground import TRAIN_OUTLINE, colorize, decision_colors
from playground.charts.style import CLASS_COLORS, DIVERGING
from playground.hidden_space import HiddenView

SIDE = 300  # logical px of the plane (the decision map's size)
MARGIN = dict(l=34, r=8, t=22, b=36)
LINE_COLOR = "#4b5563"
BOUNDARY_COLOR = "#111111"
EDGE_COLOR = "#b8bdc3"
AXIS_COLOR = "#6b7280"
# The 3-D view's default turn: the lowest corner in front, neuron 1 going back to the right, neuron 2 back to the
# left (a right-handed box, as textbooks draw x, y, z), neuron 3 up; always seen a little from above.
TURN = 35  # degrees about the vertical axis (the page's "turn the box" setting)
ELEVATION = math.radians(24)


@dataclass(frozen=True)
class HiddenLabels:
    """Translated words of the hidden-space view (format fields in braces)."""

    neuron: str = "neuron {index}"


def _point_ops(xs, ys, targets, task: str, value_range: tuple[float, float]) -> list[dict]:
    """Points coloured as on the decision map: by class, or by value for regression."""
    if task == "regression":
        op = scene.dots(xs, ys, 3.2, "#888888", TRAIN_OUTLINE, 1.0)
        op["fills"] = ["#%02x%02x%02x" % tuple(int(v) for v in rgb) for rgb in colorize(targets, DIVERGING, *value_range)]
        return [op]
    ops = []
    for k in np.unique(targets):
        mask = targets == k
        ops.append(scene.dots(xs[mask], ys[mask], 3.2, CLASS_COLORS[int(k) % len(CLASS_COLORS)], TRAIN_OUTLINE, 1.0))
    return ops


def _line_ops(xs: np.ndarray, ys: np.ndarray) -> list[dict]:
    """The carried grid lines (xs, ys: (lines, samples)) as two paths: all lines thin, the input's axes bolder."""
    n = xs.shape[0] // 2
    middle = {n // 2, n + n // 2}  # x₁ = 0 and x₂ = 0 of the input plane

    def joined(rows):
        gap = np.full((len(rows), 1), np.nan)
        return (np.concatenate([xs[rows], gap], 1).ravel(), np.concatenate([ys[rows], gap], 1).ravel())

    thin = [i for i in range(xs.shape[0]) if i not in middle]
    return [scene.path(*joined(thin), LINE_COLOR, 0.8, 0.45), scene.path(*joined(sorted(middle)), LINE_COLOR, 1.6, 0.8)]


def hidden_scene(view: HiddenView, task: str, labels: HiddenLabels = HiddenLabels(),
                 value_range: tuple[float, float] = (-1.0, 1.0), turn: float = TURN) -> dict:
    """The scene of one hidden layer's space: a plane for 2 neurons, a projected cube for 3 (turned `turn` degrees)."""
    if view.units == 3:
        return _cube_scene(view, task, labels, value_range, math.radians(turn))
    m = MARGIN
    x0, y0 = m["l"], m["t"]
    low, high = view.low.astype(float), view.high.astype(float)

    def px(v):
        return x0 + (np.asarray(v, dtype=float) - low[0]) / (high[0] - low[0]) * SIDE

    def py(v):
        return y0 + SIDE - (np.asarray(v, dtype=float) - low[1]) / (high[1] - low[1]) * SIDE

    ops = []
    if view.output is not None:
        ops.append(scene.image(decision_colors(view.output, task, False, value_range)[::-1], x0, y0, SIDE, SIDE))
        if task == "classification":
            ops.append(_boundary(view, px, py))
    ops += _line_ops(px(view.lines[..., 0]), py(view.lines[..., 1]))
    ops += _point_ops(px(view.points[:, 0]), py(view.points[:, 1]), view.targets, task, value_range)
    for tick in scene.nice_ticks(low[0], high[0], 5):
        ops.append(scene.path([px(tick)] * 2, [y0 + SIDE, y0 + SIDE + 4], scene.AXIS_COLOR))
        ops.append(scene.text(px(tick), y0 + SIDE + 6, scene.tick_label(tick), 11, scene.LABEL_COLOR, "center", "top"))
    for tick in scene.nice_ticks(low[1], high[1], 5):
        ops.append(scene.path([x0 - 4, x0], [py(tick)] * 2, scene.AXIS_COLOR))
        ops.append(scene.text(x0 - 6, py(tick), scene.tick_label(tick), 11, scene.LABEL_COLOR, "right"))
    front = [
        scene.rect(x0, y0, SIDE, SIDE, color="#d0d4d8"),
        scene.text(x0 + SIDE / 2, y0 + SIDE + 21, "→ " + labels.neuron.format(index=1), 12, scene.LABEL_COLOR, "center", "top"),
        scene.text(x0, y0 - 5, "↑ " + labels.neuron.format(index=2), 12, scene.LABEL_COLOR, "left", "bottom"),
    ]
    return {"w": x0 + SIDE + m["r"], "h": y0 + SIDE + m["b"], "back": scene.layer([]), "ops": ops,
            "front": scene.layer(front), "hits": []}


def _boundary(view: HiddenView, px, py) -> dict:
    """Where the rest of the network's decision flips (straight lines, for the last hidden layer).

    One output: where it says 50 %. Several classes: where each class stops being the likeliest (a
    border between two classes is found from both sides; drawn twice, it looks the same).
    """
    out = view.output
    if out.ndim == 2:
        fields = [out - 0.5]
    else:
        fields = [out[..., k] - np.delete(out, k, axis=-1).max(-1) for k in range(out.shape[-1])]
    cells = np.arange(out.shape[0], dtype=float)
    segments = [segment for z in fields for segment in scene.contour_segments(z, cells, 0.0)]
    a, b = view.axis(0), view.axis(1)
    step_a, step_b = a[1] - a[0], b[1] - b[0]
    xs, ys = [], []
    for j0, i0, j1, i1 in segments:  # index units -> this layer's values -> px
        xs += [a[0] + j0 * step_a, a[0] + j1 * step_a, math.nan]
        ys += [b[0] + i0 * step_b, b[0] + i1 * step_b, math.nan]
    return scene.path(px(np.array(xs)), py(np.array(ys)), BOUNDARY_COLOR, 2.2, 0.9)


def project(unit: np.ndarray, azimuth: float = math.radians(TURN)) -> tuple[np.ndarray, np.ndarray]:
    """Screen (x right, y up) of points in the cube [-1, 1]³ turned by `azimuth`, seen from ELEVATION (orthographic)."""
    u, v, w = unit[..., 0], unit[..., 1], unit[..., 2]
    across = math.cos(azimuth) * u - math.sin(azimuth) * v
    back = math.sin(azimuth) * u + math.cos(azimuth) * v  # away from the viewer: drawn higher, seen from above
    return across, w * math.cos(ELEVATION) + back * math.sin(ELEVATION)


def _cube_scene(view: HiddenView, task: str, labels: HiddenLabels, value_range: tuple[float, float],
                azimuth: float) -> dict:
    low, high = view.low.astype(float), view.high.astype(float)
    cos, sin = math.cos(azimuth), math.sin(azimuth)
    half_w = abs(cos) + abs(sin)  # the cube's projected half-width and half-height
    half_h = math.cos(ELEVATION) + half_w * math.sin(ELEVATION)
    # room around the box for the names, also in the presentation view's 1.5× text: 50 px each side, 30 above
    # and 34 below
    scale = (SIDE / 2 - 30) / max(half_w, half_h)
    width, height = SIDE + 40, 2 * half_h * scale + 64
    cx, cy = width / 2, 30 + half_h * scale

    def screen(unit):
        across, up = project(np.asarray(unit, dtype=float), azimuth)
        return cx + across * scale, cy - up * scale

    def unit_of(values):
        return (np.asarray(values, dtype=float) - low) / (high - low) * 2 - 1

    corners = np.array([[a, b, c] for a in (-1, 1) for b in (-1, 1) for c in (-1, 1)], dtype=float)
    edges = [(i, j) for i in range(8) for j in range(i + 1, 8) if (corners[i] != corners[j]).sum() == 1]
    ex, ey = [], []
    for i, j in edges:
        (sx, sy) = screen(corners[[i, j]])
        ex += [*sx, math.nan]
        ey += [*sy, math.nan]
    back = [scene.path(ex, ey, EDGE_COLOR, 1.0)]
    # the corner nearest the viewer on the floor; its three edges are the axes, drawn darker
    front = np.array([-1.0 if sin >= 0 else 1.0, -1.0 if cos >= 0 else 1.0, -1.0])
    for dim in range(3):
        end = front.copy()
        end[dim] = -end[dim]
        sx, sy = screen(np.stack([front, end]))
        back.append(scene.path(sx, sy, AXIS_COLOR, 1.4))
    # names on the outline, clear of the points: beside the middle of the two floor axes, over the leftmost upright
    for dim, anchor in enumerate([front * np.array([0, 1, 1]), front * np.array([1, 0, 1])]):
        sx, sy = screen(anchor[None])
        away = np.array([sx[0] - cx, sy[0] - cy])
        away = away / max(float(np.hypot(*away)), 1e-9)
        reach = 12 + 24 * abs(away[0])  # sideways, half a name's width more: the text stays off the edge
        back.append(scene.text(float(sx[0] + away[0] * reach), float(sy[0] + away[1] * reach),
                               labels.neuron.format(index=dim + 1), 12, scene.LABEL_COLOR, "center", "middle"))
    tops = corners[corners[:, 2] == 1]
    across, up = project(tops, azimuth)
    left = min(range(4), key=lambda i: (round(float(across[i]), 6), -float(up[i])))  # seen edge-on: the back one
    sx, sy = screen(tops[left][None])
    back.append(scene.text(float(sx[0]), float(sy[0]) - 10, labels.neuron.format(index=3), 12, scene.LABEL_COLOR,
                           "center", "bottom"))
    lx, ly = screen(unit_of(view.lines.reshape(-1, 3)))
    ops = _line_ops(lx.reshape(view.lines.shape[:2]), ly.reshape(view.lines.shape[:2]))
    qx, qy = screen(unit_of(view.points))
    ops += _point_ops(qx, qy, view.targets, task, value_range)
    return {"w": width, "h": round(height, 1), "back": scene.layer(back), "ops": ops, "front": scene.layer([]),
            "hits": []}

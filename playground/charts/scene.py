"""Scenes for the live canvas: what to paint, in logical pixels, as plain JSON-ready dicts.

Charts that change several times a second (the network diagram, the decision map, curves while a
network trains) are painted by the page's own canvas component (ui/live_canvas.py) instead of
Plotly, which spent 50-90 ms a redraw on them. All the layout maths (positions, segments, colours,
ticks) is done here, in pure functions that tests can check without a browser; the browser only
paints the ops in order and hit-tests the pointer against ``hits`` with the same rule as
`hit_test` below.

A scene is ``{"w", "h", "back", "ops", "front", "hits"}``: ``back`` and ``front`` are layers
``{"id", "ops"}`` that change rarely (titles, axes, legends, data points) and are painted once
per id into a cached bitmap; ``ops`` are repainted every frame. Ops:

- ``{"k": "img", "x", "y", "w", "h", "iw", "ih", "png"}``: an RGB image (a base64 PNG, see `png_b64`)
- ``{"k": "path", "p": [x0, y0, x1, y1, ...], "c", "lw", "a", "dash"}``: a polyline
- ``{"k": "rect", "x", "y", "w", "h", "fill", "c", "lw"}``: a rectangle (fill and/or outline)
- ``{"k": "text", "x", "y", "t", "size", "c", "align", "base", "bold"}``
- ``{"k": "dots", "p": [x0, y0, ...], "r", "fill", "c", "lw"}``: circles of one style

Hits: ``{"k": "rect", "x", "y", "w", "h", "t"}`` and ``{"k": "path", "p", "t"}`` (or ``"op"``, the index of
the path op whose points it shares, instead of ``"p"``); ``t`` is the hover text, lines joined by "\\n".
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import struct
import zlib
from typing import Sequence

import numpy as np

HIT_TOLERANCE = 6.0  # px: a line this close to the pointer counts as hovered


PNG_LEVEL = 6  # zlib level: on a Playground frame's ten maps, 7.6 kB in 1.2 ms (level 1: 10.2 kB in 0.9 ms)


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def png_b64(rgb: np.ndarray) -> str:
    """Base64 of a uint8 RGB image (rows top to bottom) as a PNG (the live canvas decodes it in the page).

    Each row is stored with PNG's "Sub" filter (every byte minus the same colour's byte one pixel to the
    left), which turns a smooth heat map into runs of small numbers that deflate well: a Playground
    frame's maps went from 61 kB of base64 raw RGB to 10 kB, the bulk of what every live redraw sends
    each student over the class network.
    """
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    rows = np.empty((h, 1 + 3 * w), dtype=np.uint8)
    rows[:, 0] = 1  # the filter type of each row: Sub
    filtered = rows[:, 1:].reshape(h, w, 3)
    filtered[:, :1] = rgb[:, :1]
    np.subtract(rgb[:, 1:], rgb[:, :-1], out=filtered[:, 1:])  # uint8: wraps modulo 256, as PNG wants
    png = (b"\x89PNG\r\n\x1a\n"
           + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))  # 8-bit RGB, no interlace
           + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), PNG_LEVEL))
           + _png_chunk(b"IEND", b""))
    return base64.b64encode(png).decode("ascii")


def image(rgb: np.ndarray, x: float, y: float, w: float, h: float) -> dict:
    """An image op filling the box (x, y, w, h); `rgb` row 0 is drawn at the top."""
    return {"k": "img", "x": _r(x), "y": _r(y), "w": _r(w), "h": _r(h), "iw": int(rgb.shape[1]),
            "ih": int(rgb.shape[0]), "png": png_b64(rgb)}


def path(xs: Sequence[float], ys: Sequence[float], color: str, width: float = 1.0, alpha: float = 1.0,
         dash: Sequence[float] | None = None) -> dict:
    """A polyline op; NaN points break the line."""
    op = {"k": "path", "p": _flat(xs, ys), "c": color, "lw": round(float(width), 2), "a": round(float(alpha), 3)}
    if dash:
        op["dash"] = list(dash)
    return op


def rect(x: float, y: float, w: float, h: float, fill: str | None = None, color: str | None = None,
         width: float = 1.0) -> dict:
    return {"k": "rect", "x": _r(x), "y": _r(y), "w": _r(w), "h": _r(h), "fill": fill, "c": color, "lw": width}


def text(x: float, y: float, value: str, size: float = 13, color: str = "#333333", align: str = "center",
         base: str = "middle", bold: bool = False) -> dict:
    return {"k": "text", "x": _r(x), "y": _r(y), "t": value, "size": size, "c": color, "align": align,
            "base": base, "bold": bold}


def dots(xs: Sequence[float], ys: Sequence[float], radius: float, fill: str, color: str | None = None,
         width: float = 1.0) -> dict:
    return {"k": "dots", "p": _flat(xs, ys), "r": radius, "fill": fill, "c": color, "lw": width}


def layer(ops: list[dict]) -> dict:
    """A rarely changing layer: its id (a hash of its ops) tells the browser when to repaint it."""
    blob = json.dumps(ops, separators=(",", ":"), ensure_ascii=False).encode()
    return {"id": hashlib.sha1(blob).hexdigest()[:16], "ops": ops}


def _r(value: float) -> float:
    return round(float(value), 1)


def _flat(xs: Sequence[float], ys: Sequence[float]) -> list:
    """[x0, y0, x1, y1, ...] rounded to 0.1 px; a point that is None or not finite becomes a gap (None, None)."""
    xy = np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)]).round(1)
    out = xy.ravel().tolist()
    bad = ~np.isfinite(xy).all(axis=1)
    if bad.any():
        for i in np.flatnonzero(bad).tolist():
            out[2 * i] = out[2 * i + 1] = None
    return out


# ---------------------------------------------------------------------------- hover


def _segment_distance(px: float, py: float, x0: float, y0: float, x1: float, y1: float) -> float:
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    s = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / length2))
    return math.hypot(px - (x0 + s * dx), py - (y0 + s * dy))


def path_distance(points: Sequence[float | None], x: float, y: float) -> float:
    """Distance from (x, y) to the polyline [x0, y0, x1, y1, ...] (None pairs break it)."""
    best = math.inf
    for i in range(0, len(points) - 2, 2):
        x0, y0, x1, y1 = points[i:i + 4]
        if None in (x0, y0, x1, y1):
            continue
        best = min(best, _segment_distance(x, y, x0, y0, x1, y1))
    return best


def hit_points(hit: dict, ops: Sequence[dict] = ()) -> list:
    """A path hit's points: its own ``p``, or those of the path op it names (``"op": index into ops``), which
    a line that is drawn anyway need not send twice (on a 6×16 network, 220 kB of every frame)."""
    return hit["p"] if "p" in hit else ops[hit["op"]]["p"]


def hit_test(hits: Sequence[dict], x: float, y: float, tolerance: float = HIT_TOLERANCE,
             ops: Sequence[dict] = ()) -> int | None:
    """Index of the hit the pointer at (x, y) shows, or None (`ops`: the scene's, for hits that name one).

    A box under the pointer wins (a neuron); otherwise the nearest line within `tolerance`, so two
    lines that cross can each be hovered anywhere but at the crossing itself. The browser
    component runs the same rule (ui/live_canvas.py).
    """
    nearest, nearest_distance = None, tolerance
    for index, hit in enumerate(hits):
        if hit["k"] == "rect":
            if hit["x"] <= x <= hit["x"] + hit["w"] and hit["y"] <= y <= hit["y"] + hit["h"]:
                return index
        else:
            distance = path_distance(hit_points(hit, ops), x, y)
            if distance <= nearest_distance:
                nearest, nearest_distance = index, distance
    return nearest


# ---------------------------------------------------------------------------- axes


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round tick values covering [low, high] (1, 2 or 5 times a power of ten apart)."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    return [round(first + i * step, 12) for i in range(int((high - first) / step + 1e-9) + 1)]


def tick_label(value: float, percent: bool = False) -> str:
    if percent:
        return f"{value:.0%}"
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.4g}"


# ---------------------------------------------------------------------------- curve panels


AXIS_COLOR, GRID_COLOR, LABEL_COLOR = "#9aa0a6", "#eceef0", "#555555"


def series(xs: Sequence[float], ys: Sequence[float], color: str, width: float = 2.0, dash: Sequence[float] | None = None,
           alpha: float = 1.0, right: bool = False, markers: float = 0.0) -> dict:
    """One line of a panel (`right`: on the right-hand axis, 0-100 %); `markers` > 0 adds dots of that radius."""
    return {"xs": list(xs), "ys": list(ys), "c": color, "lw": width, "dash": dash, "a": alpha, "right": right,
            "markers": markers}


def _y_range(lines: list[dict], start_at_zero: bool = True) -> tuple[float, float]:
    values = [v for line in lines for v in line["ys"] if v is not None and math.isfinite(v)]
    if not values:
        return 0.0, 1.0
    low, high = (0.0 if start_at_zero else min(values)), max(values)
    if start_at_zero:
        low = min(low, min(values))
    if high <= low:
        high = low + 1.0
    return low, high + (high - low) * 0.05


def panel(box: tuple[float, float, float, float], lines: list[dict], x_range: tuple[float, float], x_title: str,
          right_axis: bool = False, y_percent: bool = False, title: str | None = None,
          marks: Sequence[dict] = ()) -> list[dict]:
    """Ops of one chart in `box` (x, y, w, h, the axes' area): grid, ticks, lines; redrawn as the curves grow.

    `marks` are vertical lines at an x ({"x", "c", "dash", "label", "shade_to"}), e.g. the best epoch.
    Left-axis lines share one range from 0 (or 0-100 % with `y_percent`); right-axis lines are 0-100 %.
    """
    x, y, w, h = box
    x0, x1 = x_range
    x1 = x1 if x1 > x0 else x0 + 1
    left = [line for line in lines if not line["right"]]
    y0, y1 = (0.0, 1.02) if y_percent else _y_range(left)

    def px(value):
        return x + (value - x0) / (x1 - x0) * w

    def py(value, low=y0, high=y1):
        return y + h - (value - low) / (high - low) * h

    ops: list[dict] = []
    for tick in nice_ticks(y0, y1, 4):
        ops.append(path([x, x + w], [py(tick)] * 2, GRID_COLOR, 1))
        ops.append(text(x - 4, py(tick), tick_label(tick, y_percent), 11, LABEL_COLOR, "right"))
    if right_axis:
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            ops.append(text(x + w + 4, py(tick, 0.0, 1.02), tick_label(tick, True), 11, LABEL_COLOR, "left"))
    for tick in nice_ticks(x0, x1, 5):
        if float(tick).is_integer() or x1 - x0 < 5:
            ops.append(text(px(tick), y + h + 4, tick_label(tick), 11, LABEL_COLOR, "center", "top"))
    ops.append(path([x, x, x + w], [y, y + h, y + h], AXIS_COLOR, 1))
    ops.append(text(x + w / 2, y + h + 18, x_title, 12, LABEL_COLOR, "center", "top"))
    if title:
        ops.append(text(x + w / 2, y - 8, title, 14, "#222222", "center", "bottom", bold=True))
    for mark in marks:
        mx = px(mark["x"])
        if mark.get("shade_to") is not None:
            ops.append(rect(mx, y, px(mark["shade_to"]) - mx, h, fill=mark["shade"]))
        ops.append(path([mx, mx], [y, y + h], mark["c"], 2, 1.0, mark.get("dash", [6, 4])))
        if mark.get("label"):
            ops.append(text(mx + 4, y + 4, mark["label"], 12, mark["c"], "left", "top"))
    for line in lines:
        low, high = (0.0, 1.02) if line["right"] else (y0, y1)
        values = np.array(line["ys"], dtype=float)  # None -> NaN: a gap
        ys = py(np.clip(values, low, high), low, high)
        xs = px(np.array(line["xs"], dtype=float))
        ops.append(path(xs, ys, line["c"], line["lw"], line["a"], line["dash"]))
        if line["markers"]:
            kept = np.isfinite(ys)
            if kept.any():
                ops.append(dots(xs[kept], ys[kept], line["markers"], line["c"]))
    return ops


def legend(entries: Sequence[tuple[str, str, Sequence[float] | None]], x: float, y: float, width: float,
           columns: int = 2, row_height: float = 17) -> list[dict]:
    """A legend of (name, colour, dash) entries in `columns` columns from (x, y)."""
    ops = []
    step = width / columns
    for i, (name, color, dash) in enumerate(entries):
        ex, ey = x + (i % columns) * step, y + (i // columns) * row_height + row_height / 2
        ops.append(path([ex, ex + 22], [ey, ey], color, 2.5, 1.0, dash))
        ops.append(text(ex + 28, ey, name, 12, "#333333", "left"))
    return ops


# ---------------------------------------------------------------------------- contour


def contour_segments(z: np.ndarray, axis: np.ndarray, level: float = 0.5) -> list[tuple[float, float, float, float]]:
    """Segments (x0, y0, x1, y1) of the line z = `level` (marching squares, linear along cell edges).

    z[i, j] is the value at (axis[j], axis[i]). A cell crossed four times (a saddle) is joined in
    edge order; at the resolution of a decision map that choice is invisible.
    """
    z = np.asarray(z, dtype=float) - level
    axis = np.asarray(axis, dtype=float)
    above = z > 0
    # cells whose four corners are not all on one side
    corners = above[:-1, :-1].astype(int) + above[:-1, 1:] + above[1:, 1:] + above[1:, :-1]
    segments = []
    for i, j in np.argwhere((corners > 0) & (corners < 4)).tolist():
        points = []
        # edges in order: bottom, right, top, left, as ((i, j) corner a, corner b)
        for (ia, ja), (ib, jb) in (((i, j), (i, j + 1)), ((i, j + 1), (i + 1, j + 1)),
                                   ((i + 1, j + 1), (i + 1, j)), ((i + 1, j), (i, j))):
            za, zb = z[ia, ja], z[ib, jb]
            if (za > 0) != (zb > 0):
                f = za / (za - zb)
                points.append((axis[ja] + f * (axis[jb] - axis[ja]), axis[ia] + f * (axis[ib] - axis[ia])))
        for k in range(0, len(points) - 1, 2):
            segments.append((*points[k], *points[k + 1]))
    return segments

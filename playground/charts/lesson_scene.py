"""Live canvas scenes (see scene.py) of the MNIST curves and the Train/validation/test curves and map.

They look like the Plotly figures of mnist.py and lessons.py, which the pages keep for the still
chart once a run has stopped (hover on every point); while a worker trains, these are painted
instead, several times a second, at a fraction of the browser's time.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from playground.charts import scene
from playground.charts.lessons import (
    BEST_COLOR, HELD_OUT_OUTLINE, TRAIN_OUTLINE, VALIDATION_COLOR, LossLabels, _alpha, class_map_colors,
)
from playground.charts.mnist import TRAIN_COLOR, VALIDATION_COLOR as MNIST_VALIDATION
from playground.charts.style import CLASS_COLORS

OVERFIT_COLOR = CLASS_COLORS[3]


def mnist_curves_scene(
    history: Mapping[str, Sequence], labels: Mapping[str, str],
    trail: tuple[Sequence[float], Sequence[float], Sequence[float]] | None = None, max_epoch: int | None = None,
    width: float = 760, height: float = 330,
) -> dict:
    """Loss and accuracy side by side against epochs, training and validation, with the running training line."""
    epochs = [float(e) for e in history.get("epoch", [])]
    loss, acc = [], []
    entries = []
    if trail is not None and len(trail[0]):
        loss.append(scene.series(trail[0], trail[1], TRAIN_COLOR, 1.5, alpha=0.45))
        acc.append(scene.series(trail[0], trail[2], TRAIN_COLOR, 1.5, alpha=0.45))
    for key, target, color in (("train_loss", loss, TRAIN_COLOR), ("test_loss", loss, MNIST_VALIDATION),
                               ("train_acc", acc, TRAIN_COLOR), ("test_acc", acc, MNIST_VALIDATION)):
        values = [None if v is None or not np.isfinite(v) else float(v) for v in history.get(key, [])]
        if any(v is not None for v in values):
            target.append(scene.series(epochs[: len(values)], values, color, 3.0, markers=4.0))
    entries = [(labels["train"], TRAIN_COLOR, None), (labels["validation"], MNIST_VALIDATION, None),
               (labels["running"], _alpha(TRAIN_COLOR, 0.45), None)]
    last = max([max_epoch or 0, *(epochs or [0]), *(trail[0] if trail is not None and len(trail[0]) else [0])])
    x_range = (0.0, max(last, 1) * 1.02)
    half = (width - 120) / 2
    top, plot_h = 34, height - 34 - 90
    ops = scene.panel((50, top, half, plot_h), loss, x_range, labels["epoch"], title=labels["loss"])
    ops += scene.panel((50 + half + 60, top, half, plot_h), acc, x_range, labels["epoch"], y_percent=True,
                       title=labels["accuracy"])
    back = scene.legend(entries, width / 2 - 270, height - 30, 540, columns=3)
    return {"w": width, "h": height, "back": scene.layer(back), "ops": ops, "front": scene.layer([]), "hits": []}


def loss_curves_scene(
    train_loss: Sequence[float], val_loss: Sequence[float], best: int | None, labels: LossLabels = LossLabels(),
    previous: tuple[Sequence[float], Sequence[float]] | None = None, max_epochs: int | None = None,
    width: float = 470, height: float = 400,
) -> dict:
    """Training and validation loss per epoch, the best validation epoch marked and the span after it shaded."""
    lines, entries = [], []
    train_color = CLASS_COLORS[1]
    if previous is not None:
        for values, name, color in ((previous[0], labels.previous_train, train_color),
                                    (previous[1], labels.previous_validation, VALIDATION_COLOR)):
            lines.append(scene.series(range(1, len(values) + 1), list(values), color, 2.0, [2, 4], alpha=0.4))
            entries.append((name, _alpha(color, 0.4), [2, 4]))
    for values, name, color in ((train_loss, labels.train, train_color), (val_loss, labels.validation, VALIDATION_COLOR)):
        lines.append(scene.series(range(1, len(values) + 1), list(values), color, 3.0))
        entries.append((name, color, None))
    marks = []
    n = len(val_loss)
    if best is not None and 1 <= best <= n:
        marks.append({"x": best, "c": BEST_COLOR, "shade_to": n if best < n else None, "shade": _alpha(OVERFIT_COLOR, 0.07),
                      "label": labels.best.format(epoch=best)})
    last = max(n, max_epochs or 0, 1)
    rows = (len(entries) + 1) // 2
    box = (56, 28, width - 76, height - 28 - 58 - 18 * rows)
    ops = scene.panel(box, lines, (0.0, last + 1.0), labels.epoch, marks=marks)
    if best is not None and 1 <= best <= n:
        x0, y0, w, h = box
        (low, high) = scene._y_range([line for line in lines])
        bx = x0 + best / (last + 1.0) * w
        by = y0 + h - (val_loss[best - 1] - low) / (high - low) * h
        ops.append(scene.dots([bx], [by], 6.5, BEST_COLOR, "#ffffff", 1.2))
        if best < n:
            ops.append(scene.text(x0 + (best + n) / 2 / (last + 1.0) * w, y0 + 40, labels.overfitting, 13, OVERFIT_COLOR))
    back = [scene.text(8, 12, labels.loss, 12, scene.LABEL_COLOR, "left")]
    back += scene.legend(entries, 56, height - 20 - 18 * rows, width - 76, columns=2, row_height=18)
    return {"w": width, "h": height, "back": scene.layer(back), "ops": ops, "front": scene.layer([]), "hits": []}


def decision_map_scene(
    axis: np.ndarray, probs: np.ndarray, x_train: np.ndarray, y_train: np.ndarray,
    x_held: np.ndarray | None = None, y_held: np.ndarray | None = None, side: float = 392, radius: float = 4.0,
) -> dict:
    """Class probabilities over the plane (an image), the P = 0.5 line for two classes, and the points."""
    axis = np.asarray(axis, dtype=float)
    probs = np.asarray(probs, dtype=np.float32)
    half = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.5
    lo, hi = float(axis[0] - half), float(axis[-1] + half)
    pad = 4

    def px(v):
        return pad + (np.asarray(v, dtype=float) - lo) / (hi - lo) * side

    def py(v):
        return pad + side - (np.asarray(v, dtype=float) - lo) / (hi - lo) * side

    ops = [scene.image(class_map_colors(probs)[::-1], pad, pad, side, side)]
    p1 = probs if probs.ndim == 2 else (probs[..., 1] if probs.shape[-1] == 2 else None)
    if p1 is not None and p1.min() < 0.5 < p1.max():
        xs, ys = [], []
        for x0, y0, x1, y1 in scene.contour_segments(p1, axis, 0.5):
            xs += [x0, x1, np.nan]
            ys += [y0, y1, np.nan]
        ops.append(scene.path(px(xs), py(ys), "#333333", 1.6))
    front = []
    for xs, ys, outline in ((x_train, y_train, TRAIN_OUTLINE), (x_held, y_held, HELD_OUT_OUTLINE)):
        if xs is None or ys is None or not len(xs):
            continue
        xs, ys = np.asarray(xs), np.asarray(ys)
        for c in np.unique(ys):
            pick = ys == c
            front.append(scene.dots(px(xs[pick, 0]), py(xs[pick, 1]), radius, CLASS_COLORS[int(c) % len(CLASS_COLORS)],
                                    outline, 1.2))
    return {"w": side + 2 * pad, "h": side + 2 * pad, "back": scene.layer([]), "ops": ops, "front": scene.layer(front),
            "hits": []}

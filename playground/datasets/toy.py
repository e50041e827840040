"""Toy 2-D data sets: TensorFlow Playground's, plus moons and multi-class sets, and CSV upload.

Every generator has the same signature ``(rng, n_points, noise, n_classes) -> (x, y)`` with
`noise` a fraction (the page's 0..50 % divided by 100, as in TensorFlow Playground). The
formulas for circle, xor, gaussians, spiral, plane and multi_gaussian follow TensorFlow
Playground's ``dataset.ts``: its label +1 is our class 1 (blue), -1 our class 0 (orange), and
coordinates stay within about [-6, 6].
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from playground.errors import UserError

CLASSIFICATION = ("circle", "xor", "gaussians", "spiral", "moons", "blobs", "spirals")
REGRESSION = ("plane", "multi_gaussian")
MULTICLASS = ("blobs", "spirals")  # the sets that take n_classes 3..5
MIN_CLASSES, MAX_CLASSES = 3, 5
MIN_POINTS, MAX_POINTS = 20, 5000
MAX_NOISE = 50  # percent
EXTENT = 6.0  # the plane every chart shows: [-EXTENT, EXTENT]²

# CSV upload limits
CSV_MIN_ROWS = 10
CSV_MAX_ROWS = 20_000
CSV_MAX_BYTES = 4 * 2**20  # 200 bytes a row at the row limit; reading stops here
CSV_MAX_CLASSES = 10  # one colour each (playground.charts.style.CLASS_COLORS)
CSV_FIT = 5.0  # uploaded points outside [-EXTENT, EXTENT] are scaled to fit within ±CSV_FIT


@dataclass(frozen=True)
class ToyData:
    """A toy data set, already split: x as (n, 2) float32; y int64 classes or float32 targets."""

    name: str
    task: str  # "classification" | "regression"
    n_classes: int  # 0 for regression
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    scale: float = 1.0  # an uploaded file's coordinates were divided by this (after subtracting offset)
    offset: tuple[float, float] = (0.0, 0.0)


Generator = Callable[[np.random.Generator, int, float, int], tuple[np.ndarray, np.ndarray]]


def _uniform(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    return rng.uniform(low, high, n)


def _circle(rng, n, noise, n_classes):
    radius = 5.0
    halves = [(n + 1) // 2, n // 2]
    xs, ys = [], []
    for label, (r_low, r_high), count in ((1, (0.0, radius * 0.5), halves[0]), (0, (radius * 0.7, radius), halves[1])):
        r = _uniform(rng, r_low, r_high, count)
        angle = _uniform(rng, 0.0, 2 * math.pi, count)
        x, y = r * np.sin(angle), r * np.cos(angle)
        nx, ny = _uniform(rng, -radius, radius, count) * noise, _uniform(rng, -radius, radius, count) * noise
        inside = np.hypot(x + nx, y + ny) < radius * 0.5
        xs.append(np.stack([x, y], 1))
        ys.append(inside.astype(np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def _xor(rng, n, noise, n_classes):
    padding = 0.3
    x = _uniform(rng, -5, 5, n)
    y = _uniform(rng, -5, 5, n)
    x = x + np.where(x > 0, padding, -padding)
    y = y + np.where(y > 0, padding, -padding)
    nx, ny = _uniform(rng, -5, 5, n) * noise, _uniform(rng, -5, 5, n) * noise
    label = ((x + nx) * (y + ny) >= 0).astype(np.int64)
    return np.stack([x, y], 1), label


def _gauss_spread(noise: float) -> float:
    # TensorFlow Playground maps noise 0..0.5 to a variance of 0.5..4 (normalRandom takes a variance).
    return math.sqrt(0.5 + 7.0 * noise)


def _gaussians(rng, n, noise, n_classes):
    spread = _gauss_spread(noise)
    counts = [(n + 1) // 2, n // 2]
    pos = rng.normal(2.0, spread, (counts[0], 2))
    neg = rng.normal(-2.0, spread, (counts[1], 2))
    return np.concatenate([pos, neg]), np.concatenate([np.ones(counts[0], np.int64), np.zeros(counts[1], np.int64)])


def _spiral_arms(rng, n, noise, arms: int, labels: list[int]):
    xs, ys = [], []
    for k, label in enumerate(labels):
        count = n // arms + (1 if k < n % arms else 0)
        i = np.arange(count)
        r = i / count * 5
        t = 1.75 * i / count * 2 * math.pi + 2 * math.pi * k / arms
        x = r * np.sin(t) + _uniform(rng, -1, 1, count) * noise
        y = r * np.cos(t) + _uniform(rng, -1, 1, count) * noise
        xs.append(np.stack([x, y], 1))
        ys.append(np.full(count, label, np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def _spiral(rng, n, noise, n_classes):
    # TensorFlow Playground's spiral: the positive arm starts at angle 0, the negative one at π.
    return _spiral_arms(rng, n, noise, 2, [1, 0])


def _spirals(rng, n, noise, n_classes):
    return _spiral_arms(rng, n, noise, n_classes, list(range(n_classes)))


def _moons(rng, n, noise, n_classes):
    # scikit-learn's two moons, centred and scaled by 3 to fill the plane; noise 50 % -> σ = 1.5.
    outer, inner = (n + 1) // 2, n // 2
    t_out = rng.uniform(0, math.pi, outer)
    t_in = rng.uniform(0, math.pi, inner)
    a = np.stack([np.cos(t_out), np.sin(t_out)], 1)
    b = np.stack([1 - np.cos(t_in), 0.5 - np.sin(t_in)], 1)
    x = (np.concatenate([a, b]) - [0.5, 0.25]) * 3.0
    x = x + rng.normal(0.0, 3.0 * noise, x.shape)
    return x, np.concatenate([np.zeros(outer, np.int64), np.ones(inner, np.int64)])


def _blobs(rng, n, noise, n_classes):
    spread = _gauss_spread(noise) * 0.8
    xs, ys = [], []
    for k in range(n_classes):
        count = n // n_classes + (1 if k < n % n_classes else 0)
        angle = 2 * math.pi * k / n_classes + math.pi / 4
        centre = 3.5 * np.array([math.cos(angle), math.sin(angle)])
        xs.append(rng.normal(centre, spread, (count, 2)))
        ys.append(np.full(count, k, np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def _noisy_uniform_plane(rng, n, noise):
    radius = 6.0
    x = _uniform(rng, -radius, radius, n)
    y = _uniform(rng, -radius, radius, n)
    nx, ny = _uniform(rng, -radius, radius, n) * noise, _uniform(rng, -radius, radius, n) * noise
    return x, y, x + nx, y + ny


def _plane(rng, n, noise, n_classes):
    x, y, xn, yn = _noisy_uniform_plane(rng, n, noise)
    return np.stack([x, y], 1), (xn + yn) / 10.0  # TensorFlow Playground scales x+y in [-10, 10] to [-1, 1]


_GAUSSIANS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]], float)


def _multi_gaussian(rng, n, noise, n_classes):
    x, y, xn, yn = _noisy_uniform_plane(rng, n, noise)
    dist = np.hypot(xn[:, None] - _GAUSSIANS[:, 0], yn[:, None] - _GAUSSIANS[:, 1])
    values = _GAUSSIANS[:, 2] * np.clip(1 - dist / 2, 0, 1)  # each bump: 1 at its centre, 0 from distance 2
    pick = np.abs(values).argmax(1)  # the bump largest in absolute value wins
    return np.stack([x, y], 1), values[np.arange(n), pick]


GENERATORS: dict[str, Generator] = {
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "moons": _moons,
    "blobs": _blobs,
    "spirals": _spirals,
    "plane": _plane,
    "multi_gaussian": _multi_gaussian,
}


def task_of(name: str) -> str:
    """"classification" or "regression" for a generator name."""
    return "regression" if name in REGRESSION else "classification"


def classes_of(name: str, n_classes: int = 2) -> int:
    """Number of classes the generator `name` produces (0 for regression)."""
    if name in REGRESSION:
        return 0
    return n_classes if name in MULTICLASS else 2


def split(x: np.ndarray, y: np.ndarray, test_ratio: float, seed: int = 0) -> tuple[np.ndarray, ...]:
    """(x_train, y_train, x_test, y_test): a seeded shuffle, `test_ratio` of it held out.

    Both parts keep at least one example when there are two or more.
    """
    if not 0.0 <= test_ratio < 1.0 or not math.isfinite(test_ratio):
        raise UserError("playground.data.bad_ratio", value=test_ratio)
    n = len(x)
    order = np.random.default_rng(seed).permutation(n)
    n_test = int(round(n * test_ratio))
    if n >= 2:
        n_test = min(max(n_test, 1 if test_ratio > 0 else 0), n - 1)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]


def make(
    name: str, n_points: int = 500, noise: float = 0.0, test_ratio: float = 0.5, seed: int = 0, n_classes: int = 2
) -> ToyData:
    """The toy set `name`: `n_points` points, `noise` percent (0..50), split with `test_ratio`, seeded."""
    if name not in GENERATORS:
        raise UserError("playground.data.unknown", name=str(name), choices=", ".join(GENERATORS))
    if isinstance(n_points, bool) or not isinstance(n_points, (int, np.integer)) or not MIN_POINTS <= n_points <= MAX_POINTS:
        raise UserError("playground.data.bad_points", value=n_points, low=MIN_POINTS, high=MAX_POINTS)
    if not isinstance(noise, (int, float, np.number)) or not 0 <= noise <= MAX_NOISE:
        raise UserError("playground.data.bad_noise", value=noise, high=MAX_NOISE)
    if name in MULTICLASS and not MIN_CLASSES <= n_classes <= MAX_CLASSES:
        raise UserError("playground.data.bad_classes", value=n_classes, low=MIN_CLASSES, high=MAX_CLASSES)
    rng = np.random.default_rng(seed)
    x, y = GENERATORS[name](rng, int(n_points), float(noise) / 100.0, int(n_classes))
    task = task_of(name)
    y = y.astype(np.float32) if task == "regression" else y.astype(np.int64)
    x_train, y_train, x_test, y_test = split(x.astype(np.float32), y, test_ratio, seed)
    return ToyData(name, task, classes_of(name, n_classes), x_train, y_train, x_test, y_test)


# ---------------------------------------------------------------------------- CSV upload


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    raw = bytes(data)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError("playground.csv.not_utf8", row=raw.count(b"\n", 0, error.start) + 1) from error


def _delimiter(first_line: str) -> str:
    for candidate in (",", ";", "\t"):
        if candidate in first_line:
            return candidate
    return ","


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for every non-blank line."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise UserError("playground.csv.empty")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first))
    rows = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((reader.line_num, [cell.strip() for cell in cells]))
    return rows


def from_csv(data: bytes | str, test_ratio: float = 0.5, seed: int = 0, task: str = "classification") -> ToyData:
    """Points from a CSV file of rows ``x1,x2,label`` (header optional; ``,`` ``;`` or tab separated).

    Classification labels are whole numbers (e.g. 0/1 or -1/1), mapped in sorted order to classes
    0, 1, ...; regression labels are any numbers. Points that do not fit in the plane are shifted
    and scaled to fit (recorded in ``offset`` and ``scale``). Any problem raises a UserError naming
    the row (the file's line number) and what is wrong.
    """
    rows = _read_rows(_decode(data))
    if rows and all(_number(cell) is None for cell in rows[0][1]):
        rows = rows[1:]  # a header line such as "x1,x2,label"
    values = np.empty((len(rows), 3), np.float64)
    for i, (line, cells) in enumerate(rows):
        if len(cells) != 3:
            raise UserError("playground.csv.columns", row=line, count=len(cells))
        for j, cell in enumerate(cells):
            if not cell:
                raise UserError("playground.csv.missing", row=line, column=j + 1)
            number = _number(cell)
            if number is None:
                raise UserError("playground.csv.not_number", row=line, column=j + 1, value=cell[:40])
            if not math.isfinite(number):
                raise UserError("playground.csv.not_finite", row=line, column=j + 1, value=cell[:40])
            values[i, j] = number
    if len(rows) < CSV_MIN_ROWS:
        raise UserError("playground.csv.too_few_rows", rows=len(rows), minimum=CSV_MIN_ROWS)
    if len(rows) > CSV_MAX_ROWS:
        raise UserError("playground.csv.too_many_rows", rows=len(rows), maximum=CSV_MAX_ROWS)
    x, labels = values[:, :2], values[:, 2]
    if task == "classification":
        fractional = np.flatnonzero(labels != np.round(labels))
        if fractional.size:
            i = int(fractional[0])
            raise UserError("playground.csv.label_not_whole", row=rows[i][0], value=rows[i][1][2])
        classes = np.unique(labels)
        if len(classes) < 2:
            raise UserError("playground.csv.single_class", label=f"{classes[0]:g}")
        if len(classes) > CSV_MAX_CLASSES:
            raise UserError("playground.csv.too_many_classes", count=len(classes), limit=CSV_MAX_CLASSES)
        y = np.searchsorted(classes, labels).astype(np.int64)
        n_classes = len(classes)
    else:
        y, n_classes = labels.astype(np.float32), 0
    offset, scale = (0.0, 0.0), 1.0
    if np.abs(x).max() > EXTENT:
        low, high = x.min(0), x.max(0)
        centre = (low + high) / 2
        half = float(max((high - low).max() / 2, 1e-12))
        offset, scale = (float(centre[0]), float(centre[1])), half / CSV_FIT
        x = (x - centre) / scale
    x_train, y_train, x_test, y_test = split(x.astype(np.float32), y, test_ratio, seed)
    return ToyData("csv", task, n_classes, x_train, y_train, x_test, y_test, scale=scale, offset=offset)

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
CSV_MAX_VALUE = 1e30  # larger coordinates or targets cannot be rescaled (or trained) in float32
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
    class_names: tuple[str, ...] = ()  # an uploaded file's label names, in class order
    source: str = ""  # the uploaded file's name

    def value_range(self) -> tuple[float, float]:
        """The range charts colour this set's targets over: ±1 (generated targets lie there), ±the largest of an uploaded file's."""
        if self.task == "regression" and self.name == "csv":
            peak = float(max(np.abs(self.y_train).max(), 1e-6))
            return -peak, peak
        return -1.0, 1.0


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
    if name in MULTICLASS and (isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer))
                               or not MIN_CLASSES <= n_classes <= MAX_CLASSES):
        raise UserError("playground.data.bad_classes", value=n_classes, low=MIN_CLASSES, high=MAX_CLASSES)
    rng = np.random.default_rng(seed)
    x, y = GENERATORS[name](rng, int(n_points), float(noise) / 100.0, int(n_classes))
    task = task_of(name)
    y = y.astype(np.float32) if task == "regression" else y.astype(np.int64)
    x_train, y_train, x_test, y_test = split(x.astype(np.float32), y, test_ratio, seed)
    return ToyData(name, task, classes_of(name, n_classes), x_train, y_train, x_test, y_test)


# ---------------------------------------------------------------------------- CSV upload
# An upload is read in chunks up to CSV_MAX_BYTES and parsed row by row up to CSV_MAX_ROWS: a
# class server must never hold or parse more than that for one student, whatever the file.

_CHUNK = 1 << 20
_NOT_TEXT = (b"\x00", b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")  # NUL; png, zip/xlsx, pdf, xls


@dataclass(frozen=True)
class CsvTable:
    """An uploaded file's points before the train/test split (small: at most CSV_MAX_ROWS rows)."""

    task: str
    n_classes: int
    x: np.ndarray  # (n, 2) float32, already shifted and scaled into the plane
    y: np.ndarray  # int64 classes or float32 targets
    class_names: tuple[str, ...] = ()  # the file's label names, in class order, when they were not numbers
    scale: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)


def _read_limited(source) -> bytes:
    """At most CSV_MAX_BYTES of `source` (bytes or a binary file object); UserError past the limit."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > CSV_MAX_BYTES:
            raise UserError("playground.csv.too_big", limit=CSV_MAX_BYTES // 2**20)
        return bytes(source)
    parts, size = [], 0
    while True:
        chunk = source.read(min(_CHUNK, CSV_MAX_BYTES + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > CSV_MAX_BYTES:
            raise UserError("playground.csv.too_big", limit=CSV_MAX_BYTES // 2**20)


def _decode(data) -> str:
    if isinstance(data, str):
        if len(data) > CSV_MAX_BYTES:
            raise UserError("playground.csv.too_big", limit=CSV_MAX_BYTES // 2**20)
        return data
    raw = _read_limited(data)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark: Excel's "Unicode text"
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UserError("playground.csv.not_text") from error
    if any(raw.startswith(magic) for magic in _NOT_TEXT[1:]) or b"\x00" in raw:
        raise UserError("playground.csv.not_text")
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
    if len(text) > 64:  # no number is written this long; float() of a huge string costs time
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _rows(text: str):
    """(line number, cells) for every non-blank line, lazily; a malformed line is a sentence."""
    first = next((line for line in io.StringIO(text) if line.strip()), None)
    if first is None:
        raise UserError("playground.csv.empty")
    # The whole file is at most CSV_MAX_BYTES, so no field can be larger: the csv module's own
    # 131,072-character limit would otherwise raise _csv.Error on a long cell.
    csv.field_size_limit(max(csv.field_size_limit(), CSV_MAX_BYTES + 1))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first))
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UserError("playground.csv.malformed", row=reader.line_num) from error
        if any(cell.strip() for cell in cells):
            yield reader.line_num, [cell.strip() for cell in cells]


def _label_cells(rows: list[tuple[int, list[str]]], task: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """The label column as numbers; class names (any label not a number) become 0, 1, ... in sorted order."""
    cells = [cells[2] for _, cells in rows]
    numbers = [_number(cell) for cell in cells]
    if task == "classification" and any(number is None for number in numbers):
        names = tuple(sorted(set(cells)))
        if len(names) > CSV_MAX_CLASSES:
            raise UserError("playground.csv.too_many_classes", count=len(names), limit=CSV_MAX_CLASSES)
        index = {name: i for i, name in enumerate(names)}
        return np.array([index[cell] for cell in cells], np.float64), names
    for (line, row_cells), number in zip(rows, numbers):
        if number is None:
            raise UserError("playground.csv.not_number", row=line, column=3, value=row_cells[2][:40])
        if not math.isfinite(number):
            raise UserError("playground.csv.not_finite", row=line, column=3, value=row_cells[2][:40])
    return np.array(numbers, np.float64), ()


def read_csv(data, task: str = "classification", max_rows: int = CSV_MAX_ROWS) -> CsvTable:
    """The points of a CSV file of rows ``x1,x2,label`` (header optional; ``,`` ``;`` or tab separated).

    `data` is bytes, text, or a binary file object (read in chunks, never past CSV_MAX_BYTES).
    Classification labels are whole numbers (e.g. 0/1 or -1/1), mapped in sorted order to classes
    0, 1, ..., or names ("setosa"), likewise mapped in sorted order and kept in ``class_names``;
    regression labels are any numbers. Points that do not fit in the plane are shifted and scaled
    to fit (recorded in ``offset`` and ``scale``). Any problem raises a UserError naming the row
    (the file's line number) and what is wrong; parsing stops at the first row past `max_rows`.
    """
    rows: list[tuple[int, list[str]]] = []
    header_checked = False
    for line, cells in _rows(_decode(data)):
        if not header_checked:
            header_checked = True
            if all(_number(cell) is None for cell in cells):
                continue  # a header line such as "x1,x2,label"
        if len(cells) != 3:
            raise UserError("playground.csv.columns", row=line, count=len(cells))
        for j, cell in enumerate(cells):
            if not cell:
                raise UserError("playground.csv.missing", row=line, column=j + 1)
        rows.append((line, cells))
        if len(rows) > max_rows:
            raise UserError("playground.csv.too_many_rows", maximum=f"{max_rows:,}")
    if len(rows) < CSV_MIN_ROWS:
        raise UserError("playground.csv.too_few_rows", rows=len(rows), minimum=CSV_MIN_ROWS)
    x = np.empty((len(rows), 2), np.float64)
    for i, (line, cells) in enumerate(rows):
        for j in range(2):
            number = _number(cells[j])
            if number is None:
                raise UserError("playground.csv.not_number", row=line, column=j + 1, value=cells[j][:40])
            if not math.isfinite(number):
                raise UserError("playground.csv.not_finite", row=line, column=j + 1, value=cells[j][:40])
            x[i, j] = number
    labels, class_names = _label_cells(rows, task)
    if task == "classification":
        fractional = np.flatnonzero(labels != np.round(labels))
        if fractional.size:
            i = int(fractional[0])
            raise UserError("playground.csv.label_not_whole", row=rows[i][0], value=rows[i][1][2][:40])
        classes = np.unique(labels)
        if len(classes) < 2:
            raise UserError("playground.csv.single_class", label=rows[0][1][2][:40] if class_names else f"{classes[0]:g}")
        if len(classes) > CSV_MAX_CLASSES:
            raise UserError("playground.csv.too_many_classes", count=len(classes), limit=CSV_MAX_CLASSES)
        y = np.searchsorted(classes, labels).astype(np.int64)
        n_classes = len(classes)
    else:
        if np.abs(labels).max() > CSV_MAX_VALUE:
            raise UserError("playground.csv.range", limit=f"{CSV_MAX_VALUE:g}")
        y, n_classes = labels.astype(np.float32), 0
    offset, scale = (0.0, 0.0), 1.0
    if np.abs(x).max() > EXTENT:
        low, high = x.min(0), x.max(0)
        if np.abs(x).max() > CSV_MAX_VALUE:  # (high - low) would overflow, or float32 would make them infinite
            raise UserError("playground.csv.range", limit=f"{CSV_MAX_VALUE:g}")
        centre = (low + high) / 2
        half = float(max((high - low).max() / 2, 1e-12))
        offset, scale = (float(centre[0]), float(centre[1])), half / CSV_FIT
        x = (x - centre) / scale
    return CsvTable(task, n_classes, x.astype(np.float32), y, class_names, scale, offset)


def split_table(table: CsvTable, test_ratio: float = 0.5, seed: int = 0, source: str = "") -> ToyData:
    """A read CSV file as a split ToyData (the split only depends on `test_ratio` and `seed`)."""
    x_train, y_train, x_test, y_test = split(table.x, table.y, test_ratio, seed)
    return ToyData("csv", table.task, table.n_classes, x_train, y_train, x_test, y_test, scale=table.scale,
                   offset=table.offset, class_names=table.class_names, source=source)


def from_csv(data, test_ratio: float = 0.5, seed: int = 0, task: str = "classification") -> ToyData:
    """Points from a CSV file (see `read_csv`), split with `test_ratio`, seeded."""
    return split_table(read_csv(data, task), test_ratio, seed)

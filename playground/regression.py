"""Linear regression y = w·x + b in NumPy: the mean squared error, its gradient and Hessian,
gradient descent and three of its relatives, the least-squares answer, and the data.

One feature or several: `x` is an array of shape (n,) or (n, k); weights are a float for one
feature and an array of k floats otherwise; the bias is a float. Paths of the optimisers store
the parameters as rows (w1, ..., wk, b).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from playground.errors import UserError

# The lecture notes' example: hours studied -> exam score, which y = 10x + 0 fits exactly,
# and the same students with hours slept as a second feature (y = 10·x1 + 0·x2 + 0 fits too).
NOTES_HOURS = np.array([9.0, 8.0, 4.0, 2.0])
NOTES_SCORES = np.array([90.0, 80.0, 40.0, 20.0])
NOTES_SLEEP = np.array([5.0, 8.0, 7.0, 3.0])

OPTIMIZERS = ("gd", "sgd", "momentum", "adam")
MOMENTUM = 0.9  # the usual β of SGD with momentum (torch.optim.SGD(momentum=0.9))
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8
MAX_VALUE = 1e6  # table values beyond this make every scale on the page meaningless
BLOWUP = 1e8  # a path stops once its loss exceeds this many times the loss of the zero model
MAX_STEPS = 5000


# ---------------------------------------------------------------- the model and its loss


def features(x) -> np.ndarray:
    """`x` as a float matrix of shape (n, k): one column per feature."""
    array = np.asarray(x, dtype=float)
    return array.reshape(-1, 1) if array.ndim == 1 else array


def design(x) -> np.ndarray:
    """The features with a column of ones appended, so (w, b) act as one vector: ŷ = [x 1]·(w, b)."""
    matrix = features(x)
    return np.hstack([matrix, np.ones((matrix.shape[0], 1))])


def _theta(w, b) -> np.ndarray:
    return np.append(np.atleast_1d(np.asarray(w, dtype=float)), float(b))


def predict(w, b, x) -> np.ndarray:
    """ŷ = w·x + b for every row of `x`."""
    return design(x) @ _theta(w, b)


def mse(w, b, x, y) -> float:
    """Mean squared error (1/n)·Σ(ŷ − y)² of the line (or plane) with weights `w` and bias `b`."""
    residual = predict(w, b, x) - np.asarray(y, dtype=float)
    return float(np.mean(residual**2))


def gradient(w, b, x, y):
    """(∂MSE/∂w, ∂MSE/∂b) = ((2/n)·Σ(ŷ − y)·x, (2/n)·Σ(ŷ − y)); ∂w is a float for one feature."""
    a = design(x)
    g = 2.0 * a.T @ (a @ _theta(w, b) - np.asarray(y, dtype=float)) / a.shape[0]
    dw = float(g[0]) if np.ndim(w) == 0 and a.shape[1] == 2 else g[:-1]
    return dw, float(g[-1])


def hessian(x) -> np.ndarray:
    """Second derivatives of the MSE in (w1, ..., wk, b): (2/n)·AᵀA with A = [x 1]; the same everywhere."""
    a = design(x)
    return 2.0 * a.T @ a / a.shape[0]


def stability_limit(x) -> float:
    """The largest learning rate for which plain gradient descent on the MSE converges: 2 / λmax(Hessian).

    Along the Hessian's steepest direction each step multiplies the distance to the minimum by
    (1 − lr·λmax); above 2/λmax that factor is below −1, so every step overshoots further.
    """
    return 2.0 / float(np.linalg.eigvalsh(hessian(x))[-1])


@dataclass(frozen=True)
class Fit:
    """The least-squares answer: weights (float for one feature), bias, and its MSE."""

    w: float | np.ndarray
    b: float
    mse: float


def closed_form(x, y) -> Fit:
    """The weights and bias with the smallest MSE, solved directly (least squares, np.linalg.lstsq)."""
    a = design(x)
    theta, *_ = np.linalg.lstsq(a, np.asarray(y, dtype=float), rcond=None)
    w = float(theta[0]) if a.shape[1] == 2 else theta[:-1]
    b = float(theta[-1])
    loss = mse(w, b, x, y)
    # An exact fit leaves only rounding noise (~1e-27): call it what it is.
    return Fit(w, b, 0.0 if loss <= 1e-20 * max(float(np.mean(np.square(y))), 1.0) else loss)


@dataclass(frozen=True)
class Surface:
    """MSE over a grid of (w, b): `mse[i, j]` is the loss at w = w[j], b = b[i] (rows are b, as a contour wants)."""

    w: np.ndarray
    b: np.ndarray
    mse: np.ndarray


def loss_surface(x, y, w_range: tuple[float, float], b_range: tuple[float, float], n: int = 81) -> Surface:
    """The MSE of a one-feature line on an n×n grid of (w, b) covering `w_range` × `b_range`."""
    xs, ys = features(x)[:, 0], np.asarray(y, dtype=float)
    ws = np.linspace(*w_range, n)
    bs = np.linspace(*b_range, n)
    # MSE is quadratic in (w, b): expanding the square needs five averages instead of n points per cell.
    sxx, sx, sxy, sy, syy = (xs * xs).mean(), xs.mean(), (xs * ys).mean(), ys.mean(), (ys * ys).mean()
    W, B = np.meshgrid(ws, bs)
    grid = W * W * sxx + 2 * W * B * sx + B * B - 2 * W * sxy - 2 * B * sy + syy
    return Surface(ws, bs, np.maximum(grid, 0.0))  # rounding can dip a hair below zero at an exact fit


# ---------------------------------------------------------------- gradient descent and friends


@dataclass(frozen=True)
class Path:
    """Where an optimiser went: `points[k]` = (w1, ..., wk, b) after k steps, `losses[k]` its MSE.

    `blew_up_at` is the step at which the loss became non-finite or astronomically large (the path
    stops there); `diverged` is true when it blew up or ended with a larger loss than it started with.
    """

    points: np.ndarray
    losses: np.ndarray
    diverged: bool
    blew_up_at: int | None = None

    @property
    def steps(self) -> int:
        """How many steps the path holds (fewer than asked for when it blew up)."""
        return len(self.points) - 1

    def at(self, step: int) -> tuple[float | np.ndarray, float]:
        """(w, b) after `step` steps (clamped to the path); w is a float for one feature."""
        theta = self.points[min(max(int(step), 0), self.steps)]
        return (float(theta[0]) if theta.size == 2 else theta[:-1].copy()), float(theta[-1])


def sgd_order(n: int, steps: int, seed: int) -> np.ndarray:
    """The example SGD looks at in each step: a fresh shuffle of all n examples every n steps."""
    rng = np.random.default_rng(seed)
    epochs = -(-steps // n) if steps else 0
    order = np.concatenate([rng.permutation(n) for _ in range(epochs)]) if epochs else np.zeros(0, int)
    return order[:steps]


def _gd(lr: float, state: dict) -> Callable[[np.ndarray, np.ndarray, int], np.ndarray]:
    return lambda theta, g, t: theta - lr * g


def _momentum(lr: float, state: dict):
    def update(theta, g, t):
        state["v"] = g if "v" not in state else MOMENTUM * state["v"] + g  # torch.optim.SGD's buffer
        return theta - lr * state["v"]
    return update


def _adam(lr: float, state: dict):
    beta1, beta2 = ADAM_BETAS

    def update(theta, g, t):
        state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * g
        state["v"] = beta2 * state.get("v", 0.0) + (1 - beta2) * g * g
        m_hat = state["m"] / (1 - beta1**t)
        v_hat = state["v"] / (1 - beta2**t)
        return theta - lr * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
    return update


# name -> (builder of the update rule, whether each step sees one example instead of all)
_RULES = {"gd": (_gd, False), "sgd": (_gd, True), "momentum": (_momentum, False), "adam": (_adam, False)}


def descend(x, y, start, lr: float, steps: int, optimizer: str = "gd", seed: int = 0) -> Path:
    """Run `optimizer` on the MSE from `start` = (w, b) for `steps` steps with learning rate `lr`.

    gd: full-batch gradient descent. sgd: one example per step (shuffled every pass). momentum:
    full batch with β = 0.9 (as torch.optim.SGD). adam: full batch, β = (0.9, 0.999) (as torch.optim.Adam).
    """
    if optimizer not in _RULES:
        raise ValueError(f"unknown optimizer {optimizer!r}; choose from {OPTIMIZERS}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise UserError("linreg.error.lr", lr=lr)
    if not (isinstance(steps, (int, np.integer)) and 0 <= steps <= MAX_STEPS):
        raise UserError("linreg.error.steps", steps=steps, most=MAX_STEPS)
    a = design(x)
    targets = np.asarray(y, dtype=float)
    w, b = start
    theta = _theta(w, b)
    if theta.size != a.shape[1]:
        raise ValueError(f"start has {theta.size - 1} weights but x has {a.shape[1] - 1} features")
    build, one_example = _RULES[optimizer]
    update = build(float(lr), {})
    order = sgd_order(a.shape[0], steps, seed) if one_example else None
    limit = BLOWUP * max(float(np.mean(targets**2)), 1e-12)

    def loss(t: np.ndarray) -> float:
        return float(np.mean((a @ t - targets) ** 2))

    points, losses = [theta], [loss(theta)]
    blew_up_at = None
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            rows = a[order[step - 1]][None, :] if one_example else a
            goal = targets[order[step - 1]][None] if one_example else targets
            g = 2.0 * rows.T @ (rows @ theta - goal) / rows.shape[0]
            theta = update(theta, g, step)
            value = loss(theta)
            if not (math.isfinite(value) and value <= max(limit, BLOWUP * losses[0])):
                blew_up_at = step
                break
            points.append(theta)
            losses.append(value)
    grew = losses[-1] > losses[0] * (1 + 1e-9) + 1e-12
    return Path(np.array(points), np.array(losses), blew_up_at is not None or grew, blew_up_at)


# ---------------------------------------------------------------- data


def noisy_line(slope: float, intercept: float, noise: float, n: int, seed: int,
               x_range: tuple[float, float] = (0.0, 10.0)) -> tuple[np.ndarray, np.ndarray]:
    """n points with x uniform in `x_range` and y = slope·x + intercept + Gaussian noise (std `noise`)."""
    if not (isinstance(n, (int, np.integer)) and n >= 2):
        raise UserError("linreg.error.too_few", need=2, have=n)
    if not noise >= 0:
        raise UserError("linreg.error.noise", noise=noise)
    rng = np.random.default_rng(seed)
    x = rng.uniform(*x_range, size=int(n))
    return x, slope * x + intercept + rng.normal(0.0, noise, size=int(n))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value, row: int, column: str) -> float:
    if _blank(value):
        raise UserError("linreg.error.empty", row=row, column=column)
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise UserError("linreg.error.not_number", row=row, column=column, value=value.strip()) from None
    elif isinstance(value, bool):
        raise UserError("linreg.error.not_number", row=row, column=column, value=value)
    else:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise UserError("linreg.error.not_number", row=row, column=column, value=value) from None
    if math.isnan(number):  # what a spreadsheet-like editor hands over for an emptied or garbled cell
        raise UserError("linreg.error.missing", row=row, column=column)
    if not abs(number) <= MAX_VALUE:
        raise UserError("linreg.error.too_large", row=row, column=column, most=f"{MAX_VALUE:,.0f}")
    return number


def parse_table(rows: Sequence[Mapping[str, object]], columns: Sequence[str],
                names: Mapping[str, str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) from table rows: the feature `columns` first, the target last; x is (n,) for one feature.

    Rows whose cells are all blank are skipped (a row just added in an editor). Anything else that is
    not a usable finite number raises a `UserError` naming the row (1-based) and the column
    (`names` maps column keys to the names the user sees). So do too few rows, and features that
    cannot decide the fit (a constant column, or one column a fixed combination of the others).
    """
    names = dict(names or {})
    label = lambda c: names.get(c, c)  # noqa: E731
    values = []
    for index, row in enumerate(rows, start=1):
        cells = [row.get(c) for c in columns]
        if all(_blank(c) or (isinstance(c, float) and math.isnan(c)) for c in cells):
            continue
        values.append([_number(cell, index, label(c)) for cell, c in zip(cells, columns)])
    need = len(columns)  # k features and a bias: k + 1 unknowns need k + 1 points
    if len(values) < need:
        raise UserError("linreg.error.too_few", need=need, have=len(values))
    table = np.array(values)
    x, y = table[:, :-1], table[:, -1]
    for j, c in enumerate(columns[:-1]):
        if np.ptp(x[:, j]) == 0:
            raise UserError("linreg.error.constant", column=label(c))
    if np.linalg.matrix_rank(design(x)) < x.shape[1] + 1:
        raise UserError("linreg.error.dependent", columns=", ".join(label(c) for c in columns[:-1]))
    return (x[:, 0] if x.shape[1] == 1 else x), y


# ---------------------------------------------------------------- slider ranges


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least `raw` (a step a slider can show cleanly)."""
    if not raw > 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if factor * power >= raw * (1 - 1e-9):
            return float(round(factor * power, 12))
    return 10.0 * power


@dataclass(frozen=True)
class Range:
    """A slider's range and step for one parameter."""

    low: float
    high: float
    step: float

    def clamp(self, value: float) -> float:
        """`value` inside the range and on the step grid."""
        snapped = round(round(float(value) / self.step) * self.step, 10)
        return float(min(max(snapped, self.low), self.high)) + 0.0

    def limit(self, value: float) -> float:
        """`value` inside the range, off the step grid if it is: a value the page sets (a descent step,
        the least-squares answer) must keep its MSE; only a hand on the slider moves along the grid."""
        return float(min(max(float(value), self.low), self.high)) + 0.0


def parameter_ranges(x, y) -> list[Range]:
    """Ranges for w1, ..., wk and b that hold zero and the least-squares answer with room around it.

    A weight moves over ±2 "natural slopes" (range of y / range of that feature) around its best
    value, the bias over ±(range of y); limits fall on round numbers, about 400 steps a slider.
    """
    matrix, ys = features(x), np.asarray(y, dtype=float)
    best = closed_form(matrix, ys)
    best_w = np.atleast_1d(best.w)
    y_span = float(np.ptp(ys)) or max(abs(float(ys.mean())), 1.0)
    out = []
    centres_spans = [(float(best_w[j]), 2.0 * y_span / (float(np.ptp(matrix[:, j])) or 1.0)) for j in range(matrix.shape[1])]
    centres_spans.append((best.b, y_span))
    for centre, half in centres_spans:
        low, high = min(centre - half, 0.0), max(centre + half, 0.0)
        step = nice_step((high - low) / 400)
        grid = 10 * step
        # The small slack keeps a least-squares 9.9999999 from pushing a limit out to the next round number.
        out.append(Range(math.floor(low / grid + 1e-6) * grid + 0.0, math.ceil(high / grid - 1e-6) * grid + 0.0, step))
    return out


def view_box(points: Sequence[np.ndarray], within: Sequence[Range], pad: float = 0.12) -> list[tuple[float, float]]:
    """A (w, b) window around `points` (rows of (w, b)), with `pad` of its size on each side, kept
    inside the `within` ranges: the map zoomed onto where the optimisers actually went."""
    stacked = np.vstack([np.atleast_2d(np.asarray(p, dtype=float)) for p in points])
    out = []
    for j, rng in enumerate(within):
        column = np.clip(stacked[:, j], rng.low, rng.high)
        low, high = float(column.min()), float(column.max())
        margin = pad * (high - low) or 10 * rng.step
        out.append((max(low - margin, rng.low), min(high + margin, rng.high)))
    return out

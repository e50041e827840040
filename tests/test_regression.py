"""playground.regression against outside references: hand-computed numbers from the lecture notes'
example, torch autograd and torch.optim, scikit-learn; plus the table parser's messages and the charts."""

import math

import numpy as np
import pytest
import torch
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error

from playground import regression as R
from playground.charts import regression as charts
from playground.errors import UserError

HOURS, SCORES = R.NOTES_HOURS, R.NOTES_SCORES
TWO = np.column_stack([R.NOTES_HOURS, R.NOTES_SLEEP])


def _random(n=50, k=1, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, k))
    y = x @ rng.normal(size=k) * 3 + 1.5 + rng.normal(scale=0.5, size=n)
    return (x[:, 0] if k == 1 else x), y


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


# ---------------------------------------------------------------- loss, gradient, Hessian


def test_mse_by_hand_on_the_notes_example():
    assert R.mse(0, 0, HOURS, SCORES) == pytest.approx((90**2 + 80**2 + 40**2 + 20**2) / 4)  # 4125
    # w = 5, b = 20 predicts 65, 60, 40, 30: residuals -25, -20, 0, 10.
    assert R.mse(5, 20, HOURS, SCORES) == pytest.approx((625 + 400 + 0 + 100) / 4)  # 281.25
    assert R.mse(10, 0, HOURS, SCORES) == 0
    assert R.mse([10, 0], 0, TWO, SCORES) == 0  # sleep does not matter
    assert R.mse([0, 10], 0, TWO, SCORES) == pytest.approx(((90 - 50) ** 2 + 0 + (40 - 70) ** 2 + (20 - 30) ** 2) / 4)


def test_gradient_by_hand_at_zero():
    # d/dw = (2/n)·Σ(ŷ − y)·x = -2·mean(x·y) = -2·(810 + 640 + 160 + 40)/4; d/db = -2·mean(y) = -115.
    dw, db = R.gradient(0.0, 0.0, HOURS, SCORES)
    assert dw == pytest.approx(-825.0) and db == pytest.approx(-115.0)
    assert isinstance(dw, float)
    assert R.gradient(10.0, 0.0, HOURS, SCORES) == (pytest.approx(0.0), pytest.approx(0.0))


@pytest.mark.parametrize("k", [1, 2])
def test_gradient_matches_torch_autograd(k):
    x, y = _random(k=k, seed=k)
    rng = np.random.default_rng(10 + k)
    for _ in range(5):
        w0, b0 = (rng.normal() if k == 1 else rng.normal(size=k)), rng.normal()
        w = torch.tensor(np.atleast_1d(w0), dtype=torch.float64, requires_grad=True)
        b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
        xt = torch.tensor(R.features(x), dtype=torch.float64)
        loss = torch.nn.functional.mse_loss(xt @ w + b, torch.tensor(y, dtype=torch.float64))
        loss.backward()
        dw, db = R.gradient(w0, b0, x, y)
        assert np.allclose(np.atleast_1d(dw), w.grad.numpy(), rtol=1e-10)
        assert db == pytest.approx(b.grad.item(), rel=1e-10)
        assert R.mse(w0, b0, x, y) == pytest.approx(loss.item(), rel=1e-12)


@pytest.mark.parametrize("x", [HOURS, TWO, _random(k=2, seed=3)[0]], ids=["hours", "hours+sleep", "random"])
def test_hessian_and_stability_limit_match_torch(x):
    xt = torch.tensor(R.features(x), dtype=torch.float64)
    yt = torch.tensor(np.arange(len(xt), dtype=float))
    k = xt.shape[1]

    def loss(theta):
        return torch.mean((xt @ theta[:k] + theta[k] - yt) ** 2)

    reference = torch.autograd.functional.hessian(loss, torch.zeros(k + 1, dtype=torch.float64)).numpy()
    assert np.allclose(R.hessian(x), reference)
    assert R.stability_limit(x) == pytest.approx(2 / np.linalg.eigvalsh(reference).max())


def test_stability_limit_by_hand_for_the_notes():
    # H = 2·[[mean x², mean x], [mean x, 1]] = [[82.5, 11.5], [11.5, 2]]; λmax from the 2×2 formula.
    trace, det = 82.5 + 2, 82.5 * 2 - 11.5**2
    lam = (trace + math.sqrt(trace**2 - 4 * det)) / 2
    assert R.stability_limit(HOURS) == pytest.approx(2 / lam)
    assert R.stability_limit(HOURS) == pytest.approx(0.02378, abs=1e-5)


# ---------------------------------------------------------------- closed form and gradient descent


def test_closed_form_on_the_notes_is_y_equals_10x():
    fit = R.closed_form(HOURS, SCORES)
    assert fit.w == pytest.approx(10) and fit.b == pytest.approx(0, abs=1e-9) and fit.mse == 0
    fit2 = R.closed_form(TWO, SCORES)
    assert np.allclose(fit2.w, [10, 0]) and fit2.b == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("k", [1, 2])
def test_closed_form_and_gradient_descent_agree_with_sklearn(k):
    x, y = _random(n=80, k=k, seed=20 + k)
    model = LinearRegression().fit(R.features(x), y)
    fit = R.closed_form(x, y)
    assert np.allclose(np.atleast_1d(fit.w), model.coef_) and fit.b == pytest.approx(model.intercept_)
    assert fit.mse == pytest.approx(mean_squared_error(y, model.predict(R.features(x))))
    lr = 0.9 * R.stability_limit(x)
    start = (0.0, 0.0) if k == 1 else (np.zeros(k), 0.0)
    path = R.descend(x, y, start, lr, 2000, "gd")
    w, b = path.at(path.steps)
    assert not path.diverged
    assert np.allclose(np.atleast_1d(w), model.coef_, atol=1e-6) and b == pytest.approx(model.intercept_, abs=1e-6)


def test_gradient_descent_on_the_notes_converges_to_w10_b0():
    path = R.descend(HOURS, SCORES, (0.0, 0.0), 0.02, 2000, "gd")
    w, b = path.at(2000)
    assert w == pytest.approx(10, abs=1e-3) and b == pytest.approx(0, abs=1e-3)
    assert path.losses[-1] < 1e-6 and not path.diverged and path.blew_up_at is None
    assert np.all(np.diff(path.losses) <= 1e-12)  # below half the limit: the loss never goes up
    # The first step by hand: (0, 0) - 0.02·(-825, -115) = (16.5, 2.3).
    assert path.points[1] == pytest.approx([16.5, 2.3])
    w2, b2 = R.descend(TWO, SCORES, (np.zeros(2), 0.0), 0.01, 3000, "gd").at(3000)
    assert np.allclose(w2, [10, 0], atol=1e-2) and b2 == pytest.approx(0, abs=0.05)


@pytest.mark.parametrize("x", [HOURS, TWO], ids=["hours", "hours+sleep"])
def test_learning_rate_above_the_stability_limit_diverges_and_is_reported(x):
    limit = R.stability_limit(x)
    start = (0.0, 0.0) if x.ndim == 1 else (np.zeros(2), 0.0)
    below = R.descend(x, SCORES, start, 0.95 * limit, 1000, "gd")
    above = R.descend(x, SCORES, start, 1.05 * limit, 1000, "gd")
    assert not below.diverged and below.losses[-1] < 1.0
    assert above.diverged and above.blew_up_at is not None
    assert above.steps == above.blew_up_at - 1 < 1000  # the path stops where it blew up
    assert np.all(np.isfinite(above.points))
    short = R.descend(x, SCORES, start, 1.2 * limit, 15, "gd")  # grew, but not yet astronomically
    assert short.diverged and short.blew_up_at is None and short.losses[-1] > short.losses[0]


def _torch_run(x, y, start, lr, steps, make_optimizer, order=None):
    xt = torch.tensor(R.features(x), dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64)
    w = torch.tensor(np.atleast_1d(start[0]).astype(float), requires_grad=True)
    b = torch.tensor(float(start[1]), dtype=torch.float64, requires_grad=True)
    opt = make_optimizer([w, b], lr)
    out = [np.append(w.detach().numpy().copy(), b.item())]
    for step in range(steps):
        opt.zero_grad()
        rows = slice(None) if order is None else slice(order[step], order[step] + 1)
        torch.mean((xt[rows] @ w + b - yt[rows]) ** 2).backward()
        opt.step()
        out.append(np.append(w.detach().numpy().copy(), b.item()))
    return np.array(out)


@pytest.mark.parametrize("name, make, lr", [
    ("gd", lambda p, lr: torch.optim.SGD(p, lr=lr), 0.01),
    ("momentum", lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9), 0.005),
    ("adam", lambda p, lr: torch.optim.Adam(p, lr=lr), 0.5),
])
@pytest.mark.parametrize("k", [1, 2])
def test_optimizers_match_torch_optim(name, make, lr, k):
    x = HOURS if k == 1 else TWO
    start = (1.0, -3.0) if k == 1 else (np.array([1.0, 2.0]), -3.0)
    ours = R.descend(x, SCORES, start, lr, 40, name)
    assert np.allclose(ours.points, _torch_run(x, SCORES, start, lr, 40, make), rtol=1e-9, atol=1e-9)


def test_sgd_matches_torch_on_one_example_per_step():
    x, y = _random(n=7, seed=5)
    order = R.sgd_order(7, 30, seed=3)
    assert sorted(order[:7]) == list(range(7)) and sorted(order[7:14]) == list(range(7))  # each pass sees all
    ours = R.descend(x, y, (0.5, 0.5), 0.05, 30, "sgd", seed=3)
    reference = _torch_run(x, y, (0.5, 0.5), 0.05, 30, lambda p, lr: torch.optim.SGD(p, lr=lr), order=order)
    assert np.allclose(ours.points, reference)
    again = R.descend(x, y, (0.5, 0.5), 0.05, 30, "sgd", seed=3)
    assert np.array_equal(ours.points, again.points)  # same seed, same run


def test_momentum_and_adam_beat_plain_descent_in_the_long_valley():
    # The notes' surface is a narrow valley (condition number ~216): plain descent crawls along it.
    gd = R.descend(HOURS, SCORES, (0.0, 0.0), 0.01, 200, "gd")
    momentum = R.descend(HOURS, SCORES, (0.0, 0.0), 0.005, 200, "momentum")
    adam = R.descend(HOURS, SCORES, (0.0, 0.0), 1.0, 200, "adam")
    assert momentum.losses[-1] < gd.losses[-1] / 100
    assert adam.losses[-1] < gd.losses[-1]


def test_descend_rejects_bad_settings_with_sentences():
    with pytest.raises(UserError, match="positive") as error:
        R.descend(HOURS, SCORES, (0, 0), 0.0, 10)
    assert _hangul(error.value.message("ko"))
    with pytest.raises(UserError, match="whole number"):
        R.descend(HOURS, SCORES, (0, 0), 0.01, -1)
    with pytest.raises(ValueError, match="unknown optimizer"):
        R.descend(HOURS, SCORES, (0, 0), 0.01, 10, "rmsprop")
    assert R.descend(HOURS, SCORES, (3, 4), 0.01, 0).points.tolist() == [[3, 4]]


def test_loss_surface_matches_sklearn_mse():
    x, y = _random(n=30, seed=7)
    surface = R.loss_surface(x, y, (-2, 4), (-3, 5), 21)
    assert surface.mse.shape == (21, 21)
    for i, j in [(0, 0), (5, 17), (20, 20), (10, 3)]:
        w, b = surface.w[j], surface.b[i]
        assert surface.mse[i, j] == pytest.approx(mean_squared_error(y, w * x + b), rel=1e-9)
    exact = R.loss_surface(HOURS, SCORES, (0, 20), (-10, 10), 21)  # the grid hits (10, 0): loss 0
    assert exact.mse[10, 10] == pytest.approx(0, abs=1e-9) and exact.mse.min() >= 0


# ---------------------------------------------------------------- data


def test_parse_table_accepts_numbers_and_skips_blank_rows():
    rows = [{"h": 9, "s": 90}, {"h": "8", "s": " 80 "}, {"h": None, "s": float("nan")}, {"h": 4.0, "s": 40}]
    x, y = R.parse_table(rows, ("h", "s"))
    assert x.tolist() == [9, 8, 4] and y.tolist() == [90, 80, 40]
    x2, y2 = R.parse_table([{"a": 9, "b": 5, "y": 90}, {"a": 8, "b": 8, "y": 80}, {"a": 4, "b": 7, "y": 40}], ("a", "b", "y"))
    assert x2.shape == (3, 2) and y2.tolist() == [90, 80, 40]


@pytest.mark.parametrize("rows, columns, message", [
    ([{"h": 9, "s": 90}, {"h": None, "s": 80}], ("h", "s"), "Row 2: the 'hours' cell is empty"),
    ([{"h": 9, "s": 90}, {"h": "  ", "s": 80}], ("h", "s"), "Row 2: the 'hours' cell is empty"),
    ([{"h": 9, "s": "ninety"}, {"h": 8, "s": 80}], ("h", "s"), "Row 1: 'ninety' in 'score' is not a number"),
    ([{"h": 9, "s": 90}, {"h": 8, "s": float("nan")}], ("h", "s"), "Row 2: the 'score' cell is empty or not a number"),
    ([{"h": 9, "s": 90}, {"h": float("inf"), "s": 80}], ("h", "s"), "too large"),
    ([{"h": 9, "s": 90}, {"h": None, "s": None}], ("h", "s"), "at least 2 complete rows, and the table has 1"),
    ([], ("h", "s"), "at least 2 complete rows, and the table has 0"),
    ([{"h": 3, "s": 90}, {"h": 3, "s": 80}], ("h", "s"), "Every 'hours' value is the same"),
    ([{"h": 1, "z": 2, "s": 5}, {"h": 2, "z": 4, "s": 6}, {"h": 3, "z": 6, "s": 9}], ("h", "z", "s"), "lockstep"),
    ([{"h": 1, "z": 2, "s": 5}, {"h": 2, "z": 4, "s": 6}], ("h", "z", "s"), "at least 3 complete rows"),
])
def test_parse_table_errors_name_the_row_and_column(rows, columns, message):
    names = {"h": "hours", "s": "score", "z": "sleep"}
    with pytest.raises(UserError) as error:
        R.parse_table(rows, columns, names)
    assert message in str(error.value)
    assert _hangul(error.value.message("ko"))


def test_noisy_line_is_seeded_and_centred_on_the_true_line():
    x, y = R.noisy_line(2.0, 1.0, 0.0, 10, seed=1)
    assert np.allclose(y, 2 * x + 1) and x.min() >= 0 and x.max() <= 10
    a, b = R.noisy_line(-1.5, 4.0, 2.0, 2000, seed=7)
    again = R.noisy_line(-1.5, 4.0, 2.0, 2000, seed=7)
    assert np.array_equal(a, again[0]) and np.array_equal(b, again[1])
    model = LinearRegression().fit(a.reshape(-1, 1), b)
    assert model.coef_[0] == pytest.approx(-1.5, abs=0.05) and model.intercept_ == pytest.approx(4.0, abs=0.3)
    assert np.std(b - (-1.5 * a + 4.0)) == pytest.approx(2.0, rel=0.05)
    with pytest.raises(UserError):
        R.noisy_line(1, 0, -1, 10, 0)


def test_parameter_ranges_hold_zero_and_the_answer_on_round_numbers():
    for x, y in [(HOURS, SCORES), (TWO, SCORES), _random(k=1, seed=4), R.noisy_line(-3, 8, 1, 30, 2)]:
        ranges = R.parameter_ranges(x, y)
        fit = R.closed_form(x, y)
        for rng, best in zip(ranges, [*np.atleast_1d(fit.w), fit.b]):
            assert rng.low <= min(0, best) and max(0, best) <= rng.high
            assert 50 <= (rng.high - rng.low) / rng.step <= 1000
            assert rng.clamp(best) == pytest.approx(best, abs=rng.step / 2)
    w_range, b_range = R.parameter_ranges(HOURS, SCORES)
    assert (w_range.low, w_range.high, b_range.low, b_range.high) == (-10, 30, -70, 70)
    assert R.nice_step(0.13) == 0.2 and R.nice_step(0.35) == 0.5 and R.nice_step(0.1) == 0.1


# ---------------------------------------------------------------- charts


def test_line_figure_draws_each_residual_from_point_to_line():
    fig = charts.line_figure(HOURS, SCORES, 5.0, 20.0, x_label="x", y_label="y", points_label="data", line_label="line",
                             residual_label="residuals", x_range=(0, 10), y_range=(0, 100))
    segments = next(tr for tr in fig.data if tr.name == "residuals")
    ends = [(a, b) for a, b in zip(segments.x, segments.y) if a is not None and not np.isnan(a)]
    # By hand: w = 5, b = 20 predicts 65, 60, 40, 30.
    assert ends == [(9, 90), (9, 65), (8, 80), (8, 60), (4, 40), (4, 40), (2, 20), (2, 30)]
    line = next(tr for tr in fig.data if tr.name == "line")
    assert list(line.y) == [20, 70]


def test_surface_figure_draws_the_path_up_to_the_chosen_step():
    surface = R.loss_surface(HOURS, SCORES, (-10, 30), (-70, 70), 11)
    path = R.descend(HOURS, SCORES, (0.0, 0.0), 0.01, 20)
    fig = charts.surface_figure(surface, w_label="w", b_label="b", loss_label="MSE", start=(0, 0), start_label="start",
                                best=(10, 0), best_label="best", path=path.points, step=5, path_label="path",
                                step_label="step 5")
    drawn = next(tr for tr in fig.data if tr.name == "path")
    assert len(drawn.x) == 6 and drawn.x[-1] == pytest.approx(path.points[5, 0])
    marker = next(tr for tr in fig.data if tr.name == "step 5")
    assert (marker.x[0], marker.y[0]) == pytest.approx(tuple(path.points[5]))
    contour = fig.data[0]
    assert np.allclose(10 ** np.asarray(contour.z), np.maximum(surface.mse, 10 ** np.asarray(contour.z).min()))


def test_plane_and_comparison_figures_build():
    fig = charts.plane_figure(TWO, SCORES, (10, 0), 0, x1_label="study", x2_label="sleep", y_label="score",
                              points_label="data", plane_label="plane", residual_label="res")
    plane = next(tr for tr in fig.data if tr.type == "surface")
    assert np.allclose(np.asarray(plane.z), 10 * np.asarray(plane.x))
    surface = R.loss_surface(HOURS, SCORES, (-10, 30), (-70, 70), 11)
    curves = [charts.Curve(n, n, R.descend(HOURS, SCORES, (0, 0), 0.005, 10, n).points,
                           R.descend(HOURS, SCORES, (0, 0), 0.005, 10, n).losses) for n in R.OPTIMIZERS]
    maps = charts.optimizers_figure(surface, curves, w_label="w", b_label="b", loss_label="MSE", start=(0, 0), best=(10, 0))
    assert sum(tr.type == "contour" for tr in maps.data) == 4
    losses = charts.loss_curves_figure(curves, x_label="step", y_label="MSE", step=3, reference=0.0)
    assert losses.layout.yaxis.type == "log" and len(losses.data) == 8  # no reference line for an MSE of 0
    with_best = charts.loss_curves_figure(curves, x_label="step", y_label="MSE", reference=4.6, reference_label="best")
    best = next(tr for tr in with_best.data if tr.name == "best")
    assert list(best.y) == [4.6, 4.6] and list(best.x) == [0, 10]  # in data units, across all steps

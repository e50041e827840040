"""playground.activations against outside references: torch.nn.functional values, torch autograd
derivatives, and hand-computed numbers for the one-neuron demo and the vanishing gradient."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground import activations as A
from playground.errors import UserError

# A range of points including negatives, zero, kinks' neighbours and large magnitudes.
POINTS = np.concatenate([np.linspace(-8.0, 8.0, 161), [-30.0, -1e-3, 0.0, 1e-3, 30.0]])
TRAINABLE = [name for name, act in A.ACTIVATIONS.items() if act.trainable]

# Independent references for the values (torch's own implementations, or the definition).
REFERENCE = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, negative_slope=0.01),
    "linear": lambda x: x,
    "gelu": F.gelu,  # default: the exact erf form
    "silu": F.silu,
    "elu": F.elu,
    "softplus": F.softplus,
}


def _autograd(fn, points: np.ndarray) -> np.ndarray:
    x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    fn(x).sum().backward()
    return x.grad.numpy()


def test_registry_has_every_required_name_including_the_layer_builders():
    required = {"step", "sigmoid", "tanh", "relu", "leaky_relu", "linear", "gelu", "silu", "elu", "softplus"}
    assert required <= set(A.ACTIVATIONS)
    layer_names = ("linear", "relu", "tanh", "sigmoid", "leaky_relu", "gelu", "silu", "elu")
    assert all(A.ACTIVATIONS[name].trainable for name in layer_names)
    assert not A.get("step").trainable


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_values_match_torch_functional(name):
    expected = REFERENCE[name](torch.tensor(POINTS, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(A.apply(name, POINTS), expected, rtol=1e-12, atol=1e-12)
    ours = A.torch_fn(name)(torch.tensor(POINTS, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(ours, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", TRAINABLE)
def test_derivative_matches_torch_autograd(name):
    expected = _autograd(REFERENCE[name], POINTS)
    np.testing.assert_allclose(A.derivative(name, POINTS), expected, rtol=1e-10, atol=1e-12)
    # The registry's torch function must be differentiable to the same values.
    np.testing.assert_allclose(_autograd(A.torch_fn(name), POINTS), expected, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", TRAINABLE)
def test_steepest_slope_matches_autograd_on_a_fine_grid(name):
    grid = np.linspace(-10.0, 10.0, 200_001)
    steepest = _autograd(REFERENCE[name], grid).max()
    if name == "softplus":  # sup of sigmoid is 1, approached but not reached on a finite grid
        assert steepest == pytest.approx(1.0, abs=1e-4)
    else:
        assert A.get(name).max_derivative == pytest.approx(steepest, abs=1e-6)


def test_step_values_by_hand_and_zero_derivative_away_from_zero():
    # Output 1 only for a strictly positive input, as the perceptron's w·x + b > 0.
    np.testing.assert_array_equal(A.apply("step", [-2.0, -1e-9, 0.0, 1e-9, 3.0]), [0, 0, 0, 1, 1])
    away = POINTS[POINTS != 0]
    np.testing.assert_array_equal(A.derivative("step", away), np.zeros_like(away))
    # The torch version is in the autograd graph, and its gradient is zero as well.
    np.testing.assert_array_equal(_autograd(A.torch_fn("step"), away), np.zeros_like(away))
    np.testing.assert_array_equal(A.torch_fn("step")(torch.tensor([-1.0, 0.0, 2.0])).numpy(), [0, 0, 1])


def test_sigmoid_derivative_peaks_at_a_quarter_at_zero():
    grid = np.linspace(-10, 10, 20_001)
    slopes = A.derivative("sigmoid", grid)
    assert slopes.max() == pytest.approx(0.25, abs=1e-15)
    assert grid[slopes.argmax()] == pytest.approx(0.0, abs=1e-12)
    assert A.derivative("sigmoid", 0.0) == 0.25
    assert A.get("sigmoid").max_derivative == 0.25


def test_extreme_inputs_stay_finite_without_overflow():
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        for name in A.ACTIVATIONS:
            values = A.apply(name, [-1e4, 1e4])
            slopes = A.derivative(name, [-1e4, 1e4])
            assert np.isfinite(values).all() and np.isfinite(slopes).all(), name
    np.testing.assert_allclose(A.apply("sigmoid", [-1e4, 1e4]), [0.0, 1.0])


def test_unknown_name_and_non_numbers_are_user_errors():
    with pytest.raises(UserError) as caught:
        A.get("swishy")
    assert "swishy" in str(caught.value) and "relu" in str(caught.value)
    with pytest.raises(UserError):
        A.apply("nope", [1.0])
    with pytest.raises(UserError):
        A.torch_fn("nope")
    with pytest.raises(UserError):
        A.apply("relu", ["a", "b"])
    with pytest.raises(UserError):
        A.x_grid(2.0, 2.0)
    assert isinstance(caught.value, ValueError)


def test_every_activation_has_display_strings():
    from playground import i18n

    for act in A.ACTIVATIONS.values():
        for lang in ("en", "ko"):
            assert i18n.text(act.label_key, lang) and i18n.text(act.use_key, lang)
        assert act.formula and act.derivative_formula


def test_one_neuron_by_hand():
    # w1 = 1, w2 = -1, b = 0.5 at (2, 1): z = 2 - 1 + 0.5 = 1.5.
    assert A.net_input(1.0, -1.0, 0.5, 2.0, 1.0) == 1.5
    assert A.neuron_output("relu", 1.0, -1.0, 0.5, 2.0, 1.0) == 1.5
    assert A.neuron_output("sigmoid", 1.0, -1.0, 0.5, 2.0, 1.0) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert A.neuron_output("step", 1.0, -1.0, 0.5, 0.0, 1.0) == 0.0  # z = -0.5
    x1, x2, out = A.neuron_grid("tanh", 2.0, 0.0, -1.0, limit=3.0, steps=7)
    np.testing.assert_allclose(x1, [-3, -2, -1, 0, 1, 2, 3])
    assert out.shape == (7, 7)
    # Rows follow x2, columns x1: with w2 = 0 every row is the same, tanh(2*x1 - 1).
    np.testing.assert_allclose(out[4], np.tanh(2 * x1 - 1))
    np.testing.assert_allclose(out[0], out[6])


def test_decision_segment_by_hand():
    ends = A.decision_segment(1.0, 1.0, 0.0, limit=2.0)  # x2 = -x1: corner to corner
    assert sorted(ends) == [(-2.0, 2.0), (2.0, -2.0)]
    ends = A.decision_segment(1.0, 0.0, -1.0, limit=2.0)  # vertical line x1 = 1
    assert sorted(ends) == [(1.0, -2.0), (1.0, 2.0)]
    ends = A.decision_segment(0.0, 2.0, 1.0, limit=3.0)  # horizontal line x2 = -0.5
    assert sorted(ends) == [(-3.0, -0.5), (3.0, -0.5)]
    assert A.decision_segment(1.0, 1.0, 10.0, limit=3.0) is None  # misses the square
    assert A.decision_segment(0.0, 0.0, 1.0) is None  # no line at all


def test_vanishing_gradient_against_autograd():
    assert A.gradient_bound("sigmoid", 10) == 0.25**10
    assert A.gradient_bound("relu", 10) == 1.0
    for layers in (1, 3, 10):
        x = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
        y = x
        for _ in range(layers):
            y = torch.sigmoid(y)
        y.backward()
        assert A.chain_gradient("sigmoid", layers, 0.0) == pytest.approx(x.grad.item(), rel=1e-12)
        assert A.chain_gradient("sigmoid", layers, 0.0) <= 0.25**layers
    assert A.chain_gradient("sigmoid", 1, 0.0) == 0.25
    assert A.chain_gradient("sigmoid", 0, 0.0) == 1.0
    with pytest.raises(UserError):
        A.gradient_bound("sigmoid", -1)


def test_charts_draw_each_derivative_dashed_in_its_functions_colour():
    from playground.charts import activations as charts

    x = A.x_grid(-2.0, 2.0, 5)
    curves = [charts.Curve(n, n.upper(), A.apply(n, x), A.derivative(n, x)) for n in ("sigmoid", "relu")]
    fig = charts.functions_chart(
        x, curves, show_function=True, show_derivative=True, x_label="z", y_label="f", derivative_label="{name}'"
    )
    assert [trace.name for trace in fig.data] == ["SIGMOID", "SIGMOID'", "RELU", "RELU'"]
    assert fig.data[0].line.color == fig.data[1].line.color != fig.data[2].line.color
    assert fig.data[1].line.dash == "dash" and fig.data[0].line.dash is None
    only_derivatives = charts.functions_chart(
        x, curves, show_function=False, show_derivative=True, x_label="z", y_label="f", derivative_label="{name}'"
    )
    assert len(only_derivatives.data) == 2


def test_heatmap_draws_the_decision_line_and_the_point():
    from playground.charts import activations as charts

    x1, x2, out = A.neuron_grid("sigmoid", 1.0, 1.0, 0.0, limit=2.0, steps=5)
    fig = charts.neuron_heatmap(
        x1, x2, out, segment=A.decision_segment(1.0, 1.0, 0.0, limit=2.0), point=(1.0, 1.0), point_value=0.88,
        midpoint=0.5, x1_label="x1", x2_label="x2", output_label="y", line_label="z = 0", point_label="p",
    )
    heatmap, line, point = fig.data
    assert heatmap.zmid == 0.5
    assert sorted(zip(line.x, line.y)) == [(-2.0, 2.0), (2.0, -2.0)]
    assert (point.x[0], point.y[0]) == (1.0, 1.0)

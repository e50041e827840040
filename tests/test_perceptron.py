"""playground.perceptron and its charts, against truth tables and traces worked out by hand."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground import perceptron as pc
from playground.charts import perceptron as charts
from playground.errors import UserError

# Hand-computed: weighted sums for the rows (0,0), (0,1), (1,0), (1,1) compared with θ.
HAND_TABLES = [
    # (w1, w2, θ), weighted sums, outputs
    ((0.5, 0.5, 0.7), (0.0, 0.5, 0.5, 1.0), (0, 0, 0, 1)),  # AND
    ((0.5, 0.5, 0.8), (0.0, 0.5, 0.5, 1.0), (0, 0, 0, 1)),  # AND
    ((1.0, 1.0, 1.0), (0.0, 1.0, 1.0, 2.0), (0, 0, 0, 1)),  # AND: 1 > 1 is false, 2 > 1 is true
    ((-0.5, -0.5, -0.7), (0.0, -0.5, -0.5, -1.0), (1, 1, 1, 0)),  # NAND
    ((0.5, 0.5, 0.2), (0.0, 0.5, 0.5, 1.0), (0, 1, 1, 1)),  # OR
    ((0.5, 0.5, 1.0), (0.0, 0.5, 0.5, 1.0), (0, 0, 0, 0)),  # equal to θ is not enough
    ((1.0, -1.0, 0.0), (0.0, -1.0, 1.0, 0.0), (0, 0, 1, 0)),  # x1 AND NOT x2
]


@pytest.mark.parametrize("weights, sums, outputs", HAND_TABLES)
def test_truth_tables_match_hand_arithmetic(weights, sums, outputs):
    p = pc.Perceptron(*weights)
    assert tuple(p.weighted_sum(x1, x2) for x1, x2 in pc.INPUTS) == sums
    assert tuple(p.output(x1, x2) for x1, x2 in pc.INPUTS) == outputs
    assert p.outputs() == outputs
    table = pc.truth_table(p, "AND")
    assert [(r.x1, r.x2) for r in table] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert tuple(r.output for r in table) == outputs


def test_gate_targets():
    assert pc.INPUTS == ((0, 0), (0, 1), (1, 0), (1, 1))
    assert pc.GATES["AND"] == (0, 0, 0, 1)
    assert pc.GATES["NAND"] == (1, 1, 1, 0)
    assert pc.GATES["OR"] == (0, 1, 1, 1)
    assert pc.GATES["XOR"] == (0, 1, 1, 0)


@pytest.mark.parametrize("weights, gate", [
    ((0.5, 0.5, 0.7), "AND"), ((0.5, 0.5, 0.8), "AND"), ((1.0, 1.0, 1.0), "AND"),
    ((-0.5, -0.5, -0.7), "NAND"), ((0.5, 0.5, 0.2), "OR"),
])
def test_textbook_weights_implement_their_gate_and_no_other(weights, gate):
    p = pc.Perceptron(*weights)
    assert pc.implements(p, gate)
    assert pc.wrong_rows(p, gate) == ()
    assert pc.gates_implemented(p) == (gate,)


def test_presets_work():
    assert set(pc.PRESETS) == {"AND", "NAND", "OR"}
    assert pc.PRESETS["AND"] == pc.Perceptron(0.5, 0.5, 0.7)
    assert pc.PRESETS["NAND"] == pc.Perceptron(-0.5, -0.5, -0.7)
    for gate, p in pc.PRESETS.items():
        assert pc.implements(p, gate)


def test_wrong_rows_names_the_rows_by_hand():
    # OR weights against AND: (0,1) and (1,0) give 0.5 > 0.2 -> 1, but AND wants 0.
    assert pc.wrong_rows(pc.Perceptron(0.5, 0.5, 0.2), "AND") == ((0, 1), (1, 0))
    # AND weights against NAND: every row is the opposite.
    assert pc.wrong_rows(pc.Perceptron(0.5, 0.5, 0.7), "NAND") == pc.INPUTS
    assert not pc.implements(pc.Perceptron(0.5, 0.5, 0.7), "OR")


def test_bias_is_minus_theta():
    p = pc.Perceptron(0.5, 0.5, 0.7)
    assert p.bias == -0.7
    assert pc.Perceptron.from_bias(0.5, 0.5, -0.7) == p
    assert pc.Perceptron.from_bias(-0.5, -0.5, 0.7) == pc.Perceptron(-0.5, -0.5, -0.7)
    assert pc.Perceptron(1, 1, 0).bias == 0.0 and str(pc.Perceptron(1, 1, 0).bias) == "0.0"


def test_arrays_in_arrays_out():
    p = pc.PRESETS["AND"]
    x1 = np.array([0, 0, 1, 1])
    x2 = np.array([0, 1, 0, 1])
    out = p.output(x1, x2)
    assert isinstance(out, np.ndarray) and out.dtype.kind == "i"
    assert out.tolist() == [0, 0, 0, 1]
    assert p.output(np.ones((2, 3)), np.ones((2, 3))).shape == (2, 3)
    assert isinstance(p.output(1, 1), int)


def test_float_noise_does_not_change_the_answer():
    # 0.1 + 0.2 is 0.30000000000000004 in binary floating point; by hand it is 0.3, and 0.3 > 0.3 is false.
    p = pc.Perceptron(0.1, 0.2, 0.3)
    assert p.weighted_sum(1, 1) == 0.3
    assert p.output(1, 1) == 0


@settings(max_examples=300, deadline=None)
@given(st.integers(-30, 30), st.integers(-30, 30), st.integers(-30, 30))
def test_slider_grid_matches_exact_rational_arithmetic(k1, k2, k3):
    """Weights on the slider grid (multiples of 0.05) decide exactly as with fractions."""
    p = pc.Perceptron(round(k1 * 0.05, 2), round(k2 * 0.05, 2), round(k3 * 0.05, 2))
    w1, w2, theta = Fraction(k1, 20), Fraction(k2, 20), Fraction(k3, 20)
    expected = tuple(int(w1 * x1 + w2 * x2 > theta) for x1, x2 in pc.INPUTS)
    assert p.outputs() == expected
    assert pc.Perceptron.from_bias(p.w1, p.w2, p.bias).outputs() == expected


def test_xor_is_impossible_for_one_perceptron_on_a_grid():
    grid = np.round(np.arange(-1.5, 1.5001, 0.1), 2)
    found = {gate: 0 for gate in pc.GATES}
    for w1 in grid:
        for w2 in grid:
            for theta in grid:
                for gate in pc.gates_implemented(pc.Perceptron(w1, w2, theta)):
                    found[gate] += 1
    assert found["XOR"] == 0
    # The search is not vacuous: it does find the separable gates.
    assert found["AND"] > 0 and found["NAND"] > 0 and found["OR"] > 0


def test_invalid_input_is_a_user_error():
    with pytest.raises(UserError):
        pc.Perceptron("abc", 0, 0)
    with pytest.raises(UserError):
        pc.Perceptron(float("nan"), 0, 0)
    with pytest.raises(UserError, match="Unknown gate"):
        pc.implements(pc.PRESETS["AND"], "XNOR")
    start = pc.Perceptron(0, 0, 0)
    for rate in (0, -0.1, float("nan"), "fast"):
        with pytest.raises(UserError):
            pc.learn("AND", start, learning_rate=rate)
    for epochs in (0, -1, 2.5, True, pc.MAX_EPOCHS_LIMIT + 1):
        with pytest.raises(UserError):
            pc.learn("AND", start, max_epochs=epochs)


# --- learning rule -------------------------------------------------------------------------------

# Worked by hand: AND from (0, 0, 0) with η = 0.1, rows in table order. Each entry: epoch, row that
# was wrong, (w1, w2, θ) after the update.
AND_TRACE = [
    (1, (1, 1), (0.1, 0.1, -0.1)),
    (2, (0, 0), (0.1, 0.1, 0.0)),
    (2, (0, 1), (0.1, 0.0, 0.1)),
    (2, (1, 1), (0.2, 0.1, 0.0)),
    (3, (0, 1), (0.2, 0.0, 0.1)),
    (3, (1, 0), (0.1, 0.0, 0.2)),
    (3, (1, 1), (0.2, 0.1, 0.1)),
    (4, (1, 0), (0.1, 0.1, 0.2)),
    (4, (1, 1), (0.2, 0.2, 0.1)),
    (5, (0, 1), (0.2, 0.1, 0.2)),
]


def test_learning_and_from_zero_follows_the_hand_trace():
    result = pc.learn("AND", pc.Perceptron(0, 0, 0), learning_rate=0.1, max_epochs=50)
    got = [(s.epoch, s.inputs, (s.after.w1, s.after.w2, s.after.theta)) for s in result.steps]
    assert got == AND_TRACE
    assert result.converged and result.epochs == 6  # epoch 6 is the first one without a mistake
    assert result.final == pc.Perceptron(0.2, 0.1, 0.2)
    assert result.path[0] == pc.Perceptron(0, 0, 0) and len(result.path) == len(AND_TRACE) + 1


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
@pytest.mark.parametrize("rate", [0.05, 0.1, 0.5, 1.0])
def test_learning_converges_on_separable_gates_from_zero(gate, rate):
    result = pc.learn(gate, pc.Perceptron(0, 0, 0), learning_rate=rate, max_epochs=100)
    assert result.converged
    assert result.final.outputs() == pc.GATES[gate]
    assert result.epochs <= 100


def test_every_update_follows_the_rule():
    result = pc.learn("OR", pc.Perceptron(-1, 0.5, 0.3), learning_rate=0.25, max_epochs=100)
    assert result.converged and result.steps
    for before, step in zip(result.path, result.steps):
        x1, x2 = step.inputs
        error = step.target - step.output
        assert error in (-1, 1)
        assert step.after.w1 == pytest.approx(before.w1 + 0.25 * error * x1)
        assert step.after.w2 == pytest.approx(before.w2 + 0.25 * error * x2)
        assert step.after.theta == pytest.approx(before.theta - 0.25 * error)
    epochs = [s.epoch for s in result.steps]
    assert epochs == sorted(epochs)


@pytest.mark.parametrize("start", [(0, 0, 0), (0.5, 0.5, 0.7), (-1.0, 1.0, 0.3)])
def test_learning_never_converges_on_xor(start):
    result = pc.learn("XOR", pc.Perceptron(*start), learning_rate=0.1, max_epochs=60)
    assert not result.converged
    assert result.epochs == 60
    # Every single epoch still had a mistake to correct.
    assert {s.epoch for s in result.steps} == set(range(1, 61))
    assert pc.wrong_rows(result.final, "XOR")


def test_learning_from_a_working_perceptron_changes_nothing():
    result = pc.learn("NAND", pc.PRESETS["NAND"])
    assert result.converged and result.epochs == 1 and result.steps == ()
    assert result.final == pc.PRESETS["NAND"]


# --- XOR with two layers -------------------------------------------------------------------------


def test_xor_network_truth_table_by_hand():
    net = pc.xor_network()
    assert net.s1 == (1, 1, 1, 0)  # NAND
    assert net.s2 == (0, 1, 1, 1)  # OR
    assert net.y == (0, 1, 1, 0)  # AND(s1, s2) = XOR
    assert net.is_xor and net.wrong_rows == ()
    assert net.output(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])).tolist() == [0, 1, 1, 0]


def test_xor_network_with_other_weights():
    # OR instead of AND at the output: OR(s1, s2) = 1 everywhere, wrong on (0,0) and (1,1).
    net = pc.xor_network(and_=pc.PRESETS["OR"])
    assert net.y == (1, 1, 1, 1)
    assert not net.is_xor and net.wrong_rows == ((0, 0), (1, 1))
    # The textbook's alternative AND weights work just as well.
    assert pc.xor_network(and_=pc.Perceptron(1.0, 1.0, 1.0)).is_xor


# --- chart geometry ------------------------------------------------------------------------------


def _area(polygon):
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return 0.5 * abs(sum(xs[i] * ys[i - 1] - xs[i - 1] * ys[i] for i in range(len(xs))))


def test_and_region_is_the_hand_computed_triangle():
    # x1 + x2 > 1.4 inside [-0.5, 1.5]²: the triangle (1.5, -0.1), (1.5, 1.5), (-0.1, 1.5), area 1.6²/2.
    region = charts.output_one_region(pc.PRESETS["AND"])
    assert _area(region) == pytest.approx(1.28)
    (a, b) = charts.line_segment(pc.PRESETS["AND"])
    assert sorted([a, b]) == [pytest.approx((-0.1, 1.5)), pytest.approx((1.5, -0.1))]


def test_vertical_line_and_no_line():
    vertical = pc.Perceptron(1.0, 0.0, 0.5)  # x1 > 0.5
    assert _area(charts.output_one_region(vertical)) == pytest.approx(2.0)
    a, b = charts.line_segment(vertical)
    assert a[0] == pytest.approx(0.5) and b[0] == pytest.approx(0.5) and {a[1], b[1]} == {-0.5, 1.5}
    always = pc.Perceptron(0.0, 0.0, -0.1)  # 0 > -0.1: output 1 everywhere
    never = pc.Perceptron(0.0, 0.0, 0.0)  # 0 > 0 is false: output 0 everywhere
    assert charts.line_segment(always) is None and charts.line_segment(never) is None
    assert _area(charts.output_one_region(always)) == pytest.approx(4.0)
    assert charts.output_one_region(never) == []
    for p in (vertical, always, never, pc.Perceptron(0.0, 1.0, 3.0)):
        fig = charts.plane_figure(p, pc.GATES["AND"], charts.PlaneLabels(boundary="B"))
        has_line = any(trace.name == "B" for trace in fig.data)
        assert has_line == (charts.line_segment(p) is not None)


def test_plane_figure_rings_the_wrong_rows():
    labels = charts.PlaneLabels(wrong="WRONG", target0="T0", target1="T1")
    fig = charts.plane_figure(pc.PRESETS["OR"], pc.GATES["AND"], labels)
    ring = [trace for trace in fig.data if trace.name == "WRONG"][0]
    assert sorted(zip(ring.x, ring.y)) == [(0, 1), (1, 0)]
    ones = [trace for trace in fig.data if trace.name == "T1"][0]
    assert list(zip(ones.x, ones.y)) == [(1, 1)]


def test_xor_plane_region_is_the_band_between_the_lines():
    # NAND: −0.5·x1 − 0.5·x2 > −0.7 is x1 + x2 < 1.4; OR: 0.5·x1 + 0.5·x2 > 0.2 is x1 + x2 > 0.4.
    # The band between them in [-0.5, 1.5]²: 4 − 1.4²/2 (below 0.4) − 1.6²/2 (above 1.4) = 4 − 0.98 − 1.28.
    labels = charts.PlaneLabels(region="R")
    fig = charts.xor_plane_figure(pc.xor_network(), pc.GATES["XOR"], labels, nand_name="N", or_name="O")
    area = sum(_area(list(zip(tr.x, tr.y))[:-1]) for tr in fig.data if tr.fill == "toself")
    assert area == pytest.approx(1.74)
    assert {tr.name for tr in fig.data} >= {"N", "O", "R"}


def test_other_figures_build():
    net = pc.xor_network()
    diagram = charts.xor_diagram_figure(net, {"input": "i", "hidden": "h", "output": "o", "theta": "θ",
                                              "nand": "NAND", "or": "OR", "and": "AND"})
    texts = {a.text for a in diagram.layout.annotations}
    assert {"<b>−0.5</b>", "<b>0.5</b>"} <= texts  # edge weights are labelled
    result = pc.learn("AND", pc.Perceptron(0, 0, 0))
    fig = charts.weights_path_figure(result.path, 3, [0, *(s.epoch for s in result.steps)],
                                     {"w1": "w1", "w2": "w2", "theta": "θ", "update": "u", "value": "v", "epoch": "e"})
    assert [tr.name for tr in fig.data] == ["w1", "w2", "θ"]
    assert list(fig.data[2].y) == [p.theta for p in result.path]


def test_line_outside_the_view_says_so_and_names_the_side():
    # w1 = w2 = 0.5, θ = −1.2: the line x1 + x2 = −2.4 misses [−0.5, 1.5]², and every point shown is above it (1).
    labels = charts.PlaneLabels(no_line="NO LINE", outside_one="OUT ONE", outside_zero="OUT ZERO")
    def notes(p):
        return [a.text for a in charts.plane_figure(p, pc.GATES["AND"], labels).layout.annotations]
    assert notes(pc.Perceptron(0.5, 0.5, -1.2)) == ["OUT ONE"]
    assert notes(pc.Perceptron(0.5, 0.5, 1.2 * 3)) == ["OUT ZERO"]  # x1 + x2 > 7.2 nowhere in view
    assert notes(pc.Perceptron(0.0, 0.0, 0.3)) == ["NO LINE"]
    assert notes(pc.PRESETS["AND"]) == []

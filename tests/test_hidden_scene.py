"""The hidden-space scene: points drawn where the layer puts them, the output's straight line where w·h + b = 0,
a projection that is a true rotation, and a frame small enough to send several times a second."""

import json
import math

import numpy as np
import pytest
import torch
from torch import nn

from playground import hidden_space
from playground.charts import hidden_scene as hs
from playground.charts import scene
from playground.charts.style import CLASS_COLORS


def _model(hidden_units):
    """2 inputs -> 4 tanh -> `hidden_units` tanh -> 1 output, random but fixed weights."""
    torch.manual_seed(4)
    model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, hidden_units), nn.Tanh(), nn.Linear(hidden_units, 1))
    model.layer_ends = (1, 3, 4)
    with torch.no_grad():  # an output line that crosses the view: 2·h₁ − 1.5·h₂ + 0.3 = 0 (for 2 neurons)
        model[4].weight.copy_(torch.tensor([[2.0, -1.5, 0.5][:hidden_units]]))
        model[4].bias.fill_(0.3)
    return model


def _view(hidden_units=2):
    rng = np.random.default_rng(3)
    x = torch.from_numpy(rng.uniform(-5, 5, (120, 2)).astype(np.float32))
    y = (x[:, :1] * x[:, 1:] > 0).float()
    return hidden_space.views(_model(hidden_units), x, y, ("x1", "x2"), finish=torch.sigmoid)[-1]


def _values(view, xs, ys):
    """Pixels of the plane back to this layer's values."""
    m, side = hs.MARGIN, hs.SIDE
    a = view.low[0] + (np.asarray(xs) - m["l"]) / side * (view.high[0] - view.low[0])
    b = view.low[1] + (m["t"] + side - np.asarray(ys)) / side * (view.high[1] - view.low[1])
    return a, b


def test_points_are_drawn_at_their_activations_in_their_class_colour():
    view = _view()
    built = hs.hidden_scene(view, "classification")
    dots = [op for op in built["ops"] if op["k"] == "dots"]
    assert {op["fill"] for op in dots} == {CLASS_COLORS[0], CLASS_COLORS[1]}
    for op in dots:
        k = CLASS_COLORS.index(op["fill"])
        a, b = _values(view, op["p"][0::2], op["p"][1::2])
        expected = view.points[view.targets == k]
        np.testing.assert_allclose(np.stack([a, b], 1), expected, atol=0.01)  # 0.1 px rounding


def test_the_output_line_is_where_w_h_plus_b_is_zero():
    view = _view()
    model = _model(2)
    w, b = model[4].weight.detach().numpy()[0], float(model[4].bias.detach())
    built = hs.hidden_scene(view, "classification")
    line = next(op for op in built["ops"] if op["k"] == "path" and op["c"] == hs.BOUNDARY_COLOR)
    xs = np.array([v for v in line["p"][0::2] if v is not None])
    ys = np.array([v for v in line["p"][1::2] if v is not None])
    assert len(xs) >= 4, "the line crosses the view for these weights"
    a, c = _values(view, xs, ys)
    distance = np.abs(w[0] * a + w[1] * c + b) / np.hypot(*w)
    cell = (view.high[0] - view.low[0]) / hidden_space.OUTPUT_RESOLUTION
    assert distance.max() < cell / 2


def test_grid_lines_follow_the_carried_grid():
    view = _view()
    built = hs.hidden_scene(view, "classification")
    paths = [op for op in built["ops"] if op["k"] == "path" and op["c"] == hs.LINE_COLOR]
    drawn = sum(sum(v is not None for v in op["p"][0::2]) for op in paths)
    assert drawn == view.lines.shape[0] * view.lines.shape[1]  # every sample of every line, once
    bold = paths[1]["p"]  # the input plane's axes x₁ = 0 and x₂ = 0
    a, b = _values(view, [v for v in bold[0::2] if v is not None], [v for v in bold[1::2] if v is not None])
    middle = hidden_space.GRID_LINES // 2
    expected = np.concatenate([view.lines[middle], view.lines[hidden_space.GRID_LINES + middle]])
    np.testing.assert_allclose(np.stack([a, b], 1), expected, atol=0.01)


def test_projection_is_a_rotation_seen_from_the_front():
    across = np.array([hs.project(np.eye(3)[i])[0] for i in range(3)])
    up = np.array([hs.project(np.eye(3)[i])[1] for i in range(3)])
    assert math.isclose((across ** 2).sum(), 1, abs_tol=1e-9) and math.isclose((up ** 2).sum(), 1, abs_tol=1e-9)
    assert math.isclose(across @ up, 0, abs_tol=1e-9)
    assert up[2] > 0.8 and abs(across[2]) < 1e-9  # neuron 3 points up, never sideways


def test_three_neurons_fit_their_box_with_the_three_names():
    view = _view(3)
    built = hs.hidden_scene(view, "classification", hs.HiddenLabels(neuron="뉴런 {index}"))
    points = [v for op in built["ops"] if op["k"] in ("dots", "path") for v in op["p"] if v is not None]
    xs, ys = points[0::2], points[1::2]
    assert 0 <= min(xs) and max(xs) <= built["w"] and 0 <= min(ys) and max(ys) <= built["h"]
    names = [op["t"] for op in built["back"]["ops"] if op["k"] == "text"]
    assert names == ["뉴런 1", "뉴런 2", "뉴런 3"]


def test_regression_colours_points_by_value_and_the_frame_stays_small():
    view = _view()
    view = hidden_space.HiddenView(view.layer, view.points, np.linspace(-1, 1, len(view.points)).astype(np.float32),
                                   view.lines, view.low, view.high, view.output)
    built = hs.hidden_scene(view, "regression")
    (dots,) = [op for op in built["ops"] if op["k"] == "dots"]
    assert dots["fills"][0] == "#f59322" and dots["fills"][-1] == "#0877bd"  # -1 orange, +1 blue
    assert not any(op["k"] == "path" and op["c"] == hs.BOUNDARY_COLOR for op in built["ops"])
    full = _view()
    size = len(json.dumps(hs.hidden_scene(full, "classification"), separators=(",", ":")))
    assert size < 20_000, size  # sent with every redraw, beside the 80 kB of the other three charts
    assert scene.hit_test(built["hits"], 100, 100) is None


def test_three_classes_are_parted_where_two_logits_tie():
    # Softmax over three outputs of the last hidden layer: the borders are where the two largest of W·h + b are equal.
    torch.manual_seed(5)
    model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 2), nn.Tanh(), nn.Linear(2, 3))
    model.layer_ends = (1, 3, 4)
    with torch.no_grad():
        model[4].weight.copy_(torch.tensor([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]]))
        model[4].bias.zero_()
    x = torch.from_numpy(np.random.default_rng(6).uniform(-5, 5, (90, 2)).astype(np.float32))
    view = hidden_space.views(model, x, torch.zeros(90, dtype=torch.long), ("x1", "x2"),
                              finish=lambda out: torch.softmax(out, 1))[-1]
    built = hs.hidden_scene(view, "classification")
    line = next(op for op in built["ops"] if op["k"] == "path" and op["c"] == hs.BOUNDARY_COLOR)
    a, b = _values(view, [v for v in line["p"][0::2] if v is not None], [v for v in line["p"][1::2] if v is not None])
    assert len(a) >= 30  # three borders meet in the middle of the view
    w = model[4].weight.detach().numpy()
    logits = np.sort(np.stack([a, b], 1) @ w.T, axis=1)
    cell = (view.high[0] - view.low[0]) / hidden_space.OUTPUT_RESOLUTION
    steepest = max(np.linalg.norm(w[i] - w[j]) for i in range(3) for j in range(3))
    assert np.max(logits[:, -1] - logits[:, -2]) < steepest * cell / 2


def test_turning_the_box_a_quarter_is_turning_the_points_the_other_way():
    p = np.random.default_rng(7).uniform(-1, 1, (50, 3))
    quarter = np.stack([-p[:, 1], p[:, 0], p[:, 2]], 1)  # (u, v, w) -> (−v, u, w): a quarter turn of the data
    for turn in (35, -60, 170):
        turned = hs.project(p, math.radians(turn + 90))
        np.testing.assert_allclose(turned, hs.project(quarter, math.radians(turn)), atol=1e-12)


@pytest.mark.parametrize("turn", range(-180, 181, 15))
def test_every_turn_fits_the_box_and_its_names(turn):
    built = hs.hidden_scene(_view(3), "classification", turn=turn)
    points = [v for op in built["ops"] + built["back"]["ops"] if op["k"] in ("dots", "path") for v in op["p"]
              if v is not None]
    assert 0 <= min(points[0::2]) and max(points[0::2]) <= built["w"]
    assert 0 <= min(points[1::2]) and max(points[1::2]) <= built["h"]
    names = [op for op in built["back"]["ops"] if op["k"] == "text"]
    assert [op["t"] for op in names] == ["neuron 1", "neuron 2", "neuron 3"]
    for op in names:  # room for half a name in the presentation view's 1.5× (18 px) text either side, and its height
        top = op["y"] - (18 if op["base"] == "bottom" else 9)
        assert 34 <= op["x"] <= built["w"] - 34 and 0 <= top and top + 18 <= built["h"], (turn, op)

"""The live canvas scenes: every weight can be hovered, layout lines up with the page, curves and map are right.

The hover rule (`scene.hit_test`) is the one the browser component runs; the reference for "a
connection is reachable" is geometric: some point of its own line answers with its own text.
"""

import math

import numpy as np
import pytest

from playground import features as feats
from playground import grids
from playground import playground_config as pc
from playground.charts import lesson_scene, lessons
from playground.charts import playground as charts
from playground.charts import playground_scene as scenes
from playground.charts import scene
from playground.charts.style import NEGATIVE, POSITIVE


def _network(features, hidden, seed=0):
    rng = np.random.default_rng(seed)
    sizes = [len(features), *hidden, 1]
    weights = [(rng.normal(0, 1.5, (sizes[i + 1], sizes[i])), rng.normal(0, 1, sizes[i + 1])) for i in range(len(sizes) - 1)]
    maps = [rng.normal(size=(n, 8, 8)) for n in sizes[1:]]
    return scenes.network_scene([feats.SYMBOLS[f] for f in features], rng.normal(size=(len(features), 8, 8)), maps,
                                weights, ["tanh"] * len(hidden)), weights


def _reachable(hits, index, ops) -> bool:
    """Does some point on hit `index`'s own line (vertices and segment midpoints) hover it?"""
    p = scene.hit_points(hits[index], ops)
    points = [(p[i], p[i + 1]) for i in range(0, len(p), 2)]
    candidates = points + [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:])]
    return any(scene.hit_test(hits, x, y, ops=ops) == index for x, y in candidates)


@pytest.mark.parametrize("features, hidden", [
    (("x1", "x2"), (4, 2)),  # the default network: 18 weights, 6 of them hidden behind shared midpoints before
    (tuple(feats.FEATURES[:7]), (8, 8, 8)),  # 160 weights, 112 unreachable before
])
def test_every_connection_can_be_hovered(features, hidden):
    network, weights = _network(features, hidden)
    lines = [i for i, hit in enumerate(network["hits"]) if hit["k"] == "path"]
    assert len(lines) == sum(w.size for w, _ in weights)
    unreachable = [network["hits"][i]["t"] for i in lines if not _reachable(network["hits"], i, network["ops"])]
    assert unreachable == []
    # and each shows its own weight: the texts are as many as the weights, with their values
    texts = [network["hits"][i]["t"] for i in lines]
    flat = [v for w, _ in weights for v in w.ravel()]
    assert [float(t.rsplit("= ", 1)[1]) for t in texts] == pytest.approx(flat, abs=5e-4)


def test_hovering_a_neuron_shows_its_name_activation_and_bias():
    network, weights = _network(("x1", "x2"), (4, 2))
    rects = [hit for hit in network["hits"] if hit["k"] == "rect"]
    assert len(rects) == 2 + 4 + 2 + 1
    texts = [scene.hit_test(network["hits"], r["x"] + r["w"] / 2, r["y"] + r["h"] / 2, ops=network["ops"]) for r in rects]
    shown = [network["hits"][i]["t"] for i in texts]
    assert "x₁" in shown and "x₂" in shown
    layer1 = [t for t in shown if t.startswith("Layer 1, neuron")]
    assert len(layer1) == 4 and all("tanh" in t for t in layer1)
    first = next(t for t in layer1 if t.startswith("Layer 1, neuron 1\n"))
    assert first.endswith(f"bias = {weights[0][1][0]:+.3f}")


def test_far_from_every_line_nothing_is_hovered():
    network, _ = _network(("x1", "x2"), (4, 2))
    assert scene.hit_test(network["hits"], 1.0, 1.0, ops=network["ops"]) is None  # the top-left corner


def test_segment_distance_against_hand_computed_values():
    line = [0.0, 0.0, 10.0, 0.0, 10.0, 10.0]
    assert scene.path_distance(line, 5.0, 3.0) == pytest.approx(3.0)
    assert scene.path_distance(line, 13.0, 5.0) == pytest.approx(3.0)
    assert scene.path_distance(line, -3.0, -4.0) == pytest.approx(5.0)
    assert scene.path_distance([0.0, 0.0, None, None, 10.0, 0.0], 5.0, 0.0) == math.inf  # a gap draws nothing


def test_connection_colour_and_width_follow_the_weight():
    assert scenes.edge_style(0.5)[0] == POSITIVE and scenes.edge_style(-0.5)[0] == NEGATIVE
    widths = [scenes.edge_style(w)[1] for w in (0.0, 1.0, 2.0, 4.0, 8.0)]
    assert widths == sorted(widths) and widths[-1] == widths[-2]  # wider up to the cap


@pytest.mark.parametrize("hidden", [(4, 2), (3,), (8, 8, 8, 8, 8, 8)])
def test_diagram_columns_line_up_with_the_page_columns_above(hidden):
    # The layer pickers sit in page columns sized by column_spans; each must be centred over its layer.
    sizes = [2, *hidden, 1]
    layout = scenes.network_layout(sizes, width=600)
    spans = charts.column_spans(len(sizes))
    edges = np.cumsum([0, *spans]) / sum(spans) * 600
    for c in range(1, len(sizes) - 1):
        assert layout["x"][c] == pytest.approx((edges[c] + edges[c + 1]) / 2)


def test_decision_map_image_fills_the_plot_and_points_sit_where_they_are():
    config = pc.PlaygroundConfig()
    data = pc.make_data(config, None)
    _, axis = grids.grid_points(6.0, 20)
    decision = np.tile(np.linspace(0, 1, 20), (20, 1))  # P(blue) grows to the right
    boundary = scenes.boundary_scene(axis, decision, "classification", data.x_train, data.y_train, data.x_test,
                                     data.y_test, side=300)
    image = boundary["ops"][0]
    assert image["k"] == "img" and image["iw"] == image["ih"] == 20
    m = scenes.MAP_MARGIN
    assert image["x"] <= m["l"] and image["x"] + image["w"] >= m["l"] + 300  # covers the plot
    dots = [op for op in boundary["front"]["ops"] if op["k"] == "dots"]
    assert sum(len(op["p"]) // 2 for op in dots) == len(data.x_train) + len(data.x_test)  # every point drawn
    op = next(op for op in dots if op["c"] == charts.TRAIN_OUTLINE)
    xs, ys = op["p"][0::2], op["p"][1::2]
    assert all(m["l"] <= x <= m["l"] + 300 for x in xs) and all(m["t"] <= y <= m["t"] + 300 for y in ys)
    # the first training point of the first class, mapped back from pixels, is where the data says (y up)
    first = data.x_train[data.y_train == np.unique(data.y_train)[0]][0]
    x_back, y_back = (xs[0] - m["l"]) / 300 * 12 - 6, 6 - (ys[0] - m["t"]) / 300 * 12
    assert (x_back, y_back) == pytest.approx(tuple(first), abs=0.05)


def test_curves_extend_and_keep_the_legend():
    labels = charts.CurveLabels()
    empty = scenes.curves_scene({}, labels)
    assert any(op.get("t") == labels.empty for op in empty["ops"])
    history = {"epoch": [1, 2, 3], "train_loss": [0.9, 0.5, 0.3], "test_loss": [1.0, 0.6, 0.4],
               "train_acc": [0.5, 0.7, 0.9], "test_acc": [0.5, 0.6, 0.8]}
    curves = scenes.curves_scene(history, labels)
    legend = [op["t"] for op in curves["back"]["ops"] if op["k"] == "text"]
    assert legend == [labels.train_loss, labels.test_loss, labels.train_acc, labels.test_acc]
    train = next(op for op in curves["ops"] if op["k"] == "path" and op["c"] == "#555555")
    ys = train["p"][1::2]
    assert len(ys) == 3 and ys[0] < ys[1] < ys[2]  # loss falls: lower on screen means larger y
    longer = scenes.curves_scene({k: v + v[-1:] * 1000 for k, v in history.items()}, labels)
    assert curves["back"]["id"] == longer["back"]["id"]  # the legend is painted once, not every frame
    assert max(len(op["p"]) for op in longer["ops"] if op["k"] == "path") <= 2 * (charts.MAX_CURVE_POINTS + 1)


def test_nice_ticks():
    assert scene.nice_ticks(-6, 6, 3) == [-5, 0, 5]
    assert scene.nice_ticks(0, 1.02, 4) == [0, 0.5, 1.0]
    assert scene.nice_ticks(0, 37, 5) == [0, 10, 20, 30]


# ---------------------------------------------------------------------------- MNIST and Train/validation/test


def test_contour_of_a_plane_lies_on_the_level():
    # z = x over the grid: the line z = 0.5 is the vertical x = 0.5 (hand-computed reference).
    axis = np.linspace(-6, 6, 25)
    z = np.tile(axis, (25, 1))
    segments = scene.contour_segments(z, axis, 0.5)
    assert len(segments) == 24  # one per row of cells
    xs = [v for seg in segments for v in (seg[0], seg[2])]
    ys = [v for seg in segments for v in (seg[1], seg[3])]
    assert xs == pytest.approx([0.5] * len(xs))
    assert min(ys) == pytest.approx(-6) and max(ys) == pytest.approx(6)
    assert scene.contour_segments(np.zeros((5, 5)), np.arange(5.0), 0.5) == []  # nowhere crosses


def test_train_val_test_map_draws_the_boundary_and_every_point():
    axis = np.linspace(-6, 6, 40)
    p1 = 1 / (1 + np.exp(-np.tile(axis, (40, 1))))  # P(class 1) grows with x: boundary at x = 0
    rng = np.random.default_rng(1)
    x_train, y_train = rng.uniform(-6, 6, (50, 2)), rng.integers(0, 2, 50)
    x_val, y_val = rng.uniform(-6, 6, (20, 2)), rng.integers(0, 2, 20)
    board = lesson_scene.decision_map_scene(axis, np.stack([1 - p1, p1], -1), x_train, y_train, x_val, y_val, side=400)
    line = next(op for op in board["ops"] if op["k"] == "path")
    xs = [v for v in line["p"][0::2] if v is not None]
    assert xs == pytest.approx([4 + 200] * len(xs), abs=0.6)  # x = 0 is the middle of the 400 px map
    dots = [op for op in board["front"]["ops"] if op["k"] == "dots"]
    assert sum(len(op["p"]) // 2 for op in dots) == 70
    assert {op["c"] for op in dots} == {lessons.TRAIN_OUTLINE, lessons.HELD_OUT_OUTLINE}


def test_loss_curves_mark_the_best_epoch_and_the_previous_run():
    labels = lessons.LossLabels()
    val = [1.0, 0.6, 0.5, 0.55, 0.7]
    curves = lesson_scene.loss_curves_scene([0.9, 0.5, 0.3, 0.2, 0.1], val, 3, labels, previous=([1, 1], [1, 1]),
                                            max_epochs=60)
    texts = [op["t"] for op in curves["ops"] if op["k"] == "text"]
    assert labels.best.format(epoch=3) in texts and labels.overfitting in texts
    legend = [op["t"] for op in curves["back"]["ops"] if op["k"] == "text"]
    assert labels.previous_train in legend and labels.validation in legend
    dashed = [op for op in curves["ops"] if op["k"] == "path" and op.get("dash") == [2, 4]]
    assert len(dashed) == 2  # the previous run, dotted


def test_mnist_curves_have_two_panels_and_a_running_line():
    labels = {"loss": "loss", "accuracy": "accuracy", "epoch": "epoch", "train": "training", "validation": "validation",
              "running": "running"}
    history = {"epoch": [1, 2], "train_loss": [0.5, 0.3], "test_loss": [0.6, 0.4], "train_acc": [0.8, 0.9],
               "test_acc": [0.7, 0.85]}
    curves = lesson_scene.mnist_curves_scene(history, labels, trail=([0.5, 1.0, 1.5, 2.0], [1, .6, .4, .3], [.5, .7, .8, .9]),
                                             max_epoch=5)
    titles = [op["t"] for op in curves["ops"] if op["k"] == "text" and op.get("bold")]
    assert titles == ["loss", "accuracy"]
    faint = [op for op in curves["ops"] if op["k"] == "path" and op["a"] < 1]
    assert len(faint) == 2 and all(len(op["p"]) == 8 for op in faint)  # the running line, in both panels
    assert "100%" in [op["t"] for op in curves["ops"] if op["k"] == "text"]

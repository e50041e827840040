"""Playground charts: colours against hand values, the map's orientation, the diagram's lines, hover texts, curves."""

import base64
import io

import numpy as np
import pytest

from playground.charts import playground as charts
from playground.charts import playground_scene as scenes
from playground.charts import scene
from playground.charts.style import CLASS_COLORS, NEGATIVE, POSITIVE


def _pixels(image: dict) -> np.ndarray:
    """The (ih, iw, 3) RGB array of a scene's image op, decoded by Pillow (rows top to bottom)."""
    from PIL import Image

    with Image.open(io.BytesIO(base64.b64decode(image["png"]))) as decoded:
        assert decoded.format == "PNG" and decoded.mode == "RGB"
        pixels = np.asarray(decoded)
    assert pixels.shape == (image["ih"], image["iw"], 3)
    return pixels


@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (7, 1), (24, 24), (100, 100), (3, 257)])
def test_image_ops_are_pngs_that_pillow_reads_back_exactly(shape):
    rng = np.random.default_rng(sum(shape))
    noise = rng.integers(0, 256, size=(*shape, 3), dtype=np.uint8)  # every byte value, wrapping differences
    op = scene.image(noise, 0, 0, 10, 10)
    np.testing.assert_array_equal(_pixels(op), noise)


def test_a_smooth_map_travels_in_a_fraction_of_its_raw_size():
    y, x = np.mgrid[0:100, 0:100] / 99.0
    smooth = (np.stack([x, y, 1 - x * y], axis=-1) * 255).astype(np.uint8)  # a heat map's kind of gradient
    op = scene.image(smooth, 0, 0, 10, 10)
    np.testing.assert_array_equal(_pixels(op), smooth)
    raw_base64 = len(base64.b64encode(smooth.tobytes()))
    assert len(op["png"]) < raw_base64 / 4, (len(op["png"]), raw_base64)


def test_colorize_hits_the_scale_stops():
    scale = [[0.0, "#000000"], [0.5, "#808080"], [1.0, "#ffffff"]]
    rgb = charts.colorize(np.array([-1.0, 0.0, 0.5, 1.0, 7.0]), scale, -1.0, 1.0)
    np.testing.assert_array_equal(rgb[:, 0], [0, 128, 192, 255, 255])  # clipped above the range


def test_decision_map_is_upright_and_binary_colours_are_right():
    axis = np.linspace(-6, 6, 100)
    decision = np.zeros((100, 100))
    decision[50:, 50:] = 1.0  # rows are y, columns x: only the top-right quarter is sure of class 1 (blue)
    board = scenes.boundary_scene(axis, decision, "classification", np.zeros((2, 2)), np.array([0, 1]), side=300)
    image = board["ops"][0]
    # the image spans the cells' edges, half a cell (12/99/2 units, 25 px a unit) beyond the plot's [-6, 6]
    m = scenes.MAP_MARGIN
    assert (image["x"], image["y"], image["w"], image["h"]) == pytest.approx(
        (m["l"] - 1.515, m["t"] - 1.515, 303.03, 303.03), abs=0.06)
    pixels = _pixels(image)
    assert pixels.shape == (100, 100, 3)
    blue, orange = [90, 159, 208], [247, 181, 108]  # the pale scale's ends, #5a9fd0 and #f7b56c
    np.testing.assert_array_equal(pixels[0, -1], blue)  # top right: drawn rows run top to bottom
    for corner in (pixels[0, 0], pixels[-1, 0], pixels[-1, -1]):
        np.testing.assert_array_equal(corner, orange)
    discrete = charts.decision_colors(np.full((2, 2), 0.6), "classification", discretize=True)
    np.testing.assert_array_equal(discrete[0, 0], blue)


def test_multi_class_colours_follow_the_likeliest_class():
    probabilities = np.array([[[0.1, 0.8, 0.1], [1 / 3, 1 / 3, 1 / 3]]])
    rgb = charts.class_colors(probabilities).astype(int)
    sure, unsure = rgb[0, 0], rgb[0, 1]
    blue = np.array([int(CLASS_COLORS[1][i:i + 2], 16) for i in (1, 3, 5)])
    light = np.array([int(charts.LIGHT[i:i + 2], 16) for i in (1, 3, 5)])
    assert np.abs(sure - blue).sum() < np.abs(unsure - blue).sum()
    assert np.abs(unsure - light).sum() < 60  # no confidence: nearly the neutral colour


def test_network_lines_width_colour_and_hover_follow_the_weights():
    w1 = np.array([[0.1, -3.9]])  # one neuron: a weak positive and a strong negative input
    maps = [np.zeros((1, 4, 4))]
    network = scenes.network_scene(["x₁", "x₂"], np.zeros((2, 4, 4)), maps, [(w1, np.array([0.5]))], ["linear"])
    lines = [(op["c"], op["lw"], op["a"]) for op in network["ops"] if op["k"] == "path"]
    # width 0.6 + 6·|w|/4 px, opacity 0.35 + 0.6·|w|/4 (|w| capped at 4): hand values for 0.1 and 3.9
    assert lines == [(POSITIVE, 0.75, 0.365), (NEGATIVE, 6.45, 0.935)]
    assert len([op for op in network["ops"] if op["k"] == "img"]) == 3  # two inputs and one neuron, each its own map
    hits = network["hits"]
    assert [h["t"] for h in hits if h["k"] == "path"] == ["x₁ → Output, neuron 1\nweight = +0.100",
                                                           "x₂ → Output, neuron 1\nweight = -3.900"]
    neuron = next(h for h in hits if h["k"] == "rect" and h["t"].startswith("Output"))
    centre = scene.hit_test(hits, neuron["x"] + neuron["w"] / 2, neuron["y"] + neuron["h"] / 2, ops=network["ops"])
    assert hits[centre]["t"] == "Output, neuron 1\nlinear\nbias = +0.500"


def test_column_spans_centre_each_layer():
    spans = charts.column_spans(4)
    edges = np.cumsum([0] + spans)
    centres = (edges[:-1] + edges[1:]) / 2
    # diagram x of layer c is c·GAP, shifted by the left margin; page column c is centred on it
    offset = charts.LEFT_MARGIN + charts.NODE / 2
    np.testing.assert_allclose(centres[1:3], offset + charts.GAP * np.arange(1, 3))


def test_curves_thin_long_histories_but_keep_the_last_epoch():
    n = 5000
    history = {"epoch": list(range(1, n + 1)), "train_loss": list(np.linspace(1, 0, n)), "test_loss": [None] * n,
               "train_acc": [None] * n, "test_acc": [None] * n}
    curves = scenes.curves_scene(history, width=520, height=210)
    lines = [op for op in curves["ops"] if op["k"] == "path" and op["c"] == "#555555"]
    assert len(lines) == 1 and len(lines[0]["p"]) // 2 <= charts.MAX_CURVE_POINTS + 1
    # one legend row: axes box x 40..510 (520 - 40 - 10), y 25..170 (210 - 40); epochs 0..5000, loss from 0
    assert lines[0]["p"][-2:] == pytest.approx([510.0, 170.0])  # epoch 5000, loss 0: the last point is kept
    assert lines[0]["p"][:2] == pytest.approx([40.1, 25.0 + 145 * (1 - 1 / 1.05)], abs=0.06)  # epoch 1, loss 1
    empty = scenes.curves_scene({key: [] for key in history}, charts.CurveLabels(empty="nothing yet"))
    assert [op["t"] for op in empty["ops"] if op["k"] == "text"] == ["nothing yet"]
    assert not [op for op in empty["ops"] if op["k"] == "path"]

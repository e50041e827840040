"""Playground figures: colours against hand values, the map's orientation, the diagram's lines and pictures."""

import base64
import io

import numpy as np
import pytest
from PIL import Image

from playground.charts import playground as charts
from playground.charts.style import CLASS_COLORS, NEGATIVE, POSITIVE


def _decode(uri):
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("RGB"))


def test_colorize_hits_the_scale_stops():
    scale = [[0.0, "#000000"], [0.5, "#808080"], [1.0, "#ffffff"]]
    rgb = charts.colorize(np.array([-1.0, 0.0, 0.5, 1.0, 7.0]), scale, -1.0, 1.0)
    np.testing.assert_array_equal(rgb[:, 0], [0, 128, 192, 255, 255])  # clipped above the range


def test_decision_map_is_upright_and_binary_colours_are_right():
    axis = np.linspace(-6, 6, 100)
    decision = np.zeros((100, 100))
    decision[50:] = 1.0  # rows are y: the top half (y > 0) is sure of class 1 (blue)
    fig = charts.boundary_figure(axis, decision, "classification", np.zeros((2, 2)), np.array([0, 1]))
    image = fig.layout.images[0]
    half_cell = 12 / 99 / 2  # the image spans the cells' edges, not their centres
    assert image.x == pytest.approx(-6 - half_cell) and image.y == pytest.approx(6 + half_cell)
    assert image.sizex == pytest.approx(12 + 2 * half_cell)
    pixels = _decode(image.source)
    assert pixels.shape == (100, 100, 3)
    top, bottom = pixels[0, 0].astype(int), pixels[-1, 0].astype(int)
    assert top[2] > top[0] and bottom[0] > bottom[2]  # blue on top, orange at the bottom
    discrete = charts.decision_colors(np.full((2, 2), 0.6), "classification", discretize=True)
    np.testing.assert_array_equal(discrete[0, 0], charts.colorize(np.array(1.0), charts.PALE_DIVERGING, 0, 1))


def test_multi_class_colours_follow_the_likeliest_class():
    probabilities = np.array([[[0.1, 0.8, 0.1], [1 / 3, 1 / 3, 1 / 3]]])
    rgb = charts.class_colors(probabilities).astype(int)
    sure, unsure = rgb[0, 0], rgb[0, 1]
    blue = np.array([int(CLASS_COLORS[1][i:i + 2], 16) for i in (1, 3, 5)])
    light = np.array([int(charts.LIGHT[i:i + 2], 16) for i in (1, 3, 5)])
    assert np.abs(sure - blue).sum() < np.abs(unsure - blue).sum()
    assert np.abs(unsure - light).sum() < 60  # no confidence: nearly the neutral colour


def test_network_lines_width_and_colour_follow_the_weights():
    w1 = np.array([[0.1, -3.9]])  # one neuron: a weak positive and a strong negative input
    maps = [np.zeros((1, 4, 4))]
    fig = charts.network_figure(["x₁", "x₂"], np.zeros((2, 4, 4)), maps, [(w1, np.array([0.5]))], ["linear"])
    lines = [t for t in fig.data if t.mode == "lines"]
    by_colour = {t.line.color: t.line.width for t in lines}
    assert set(by_colour) == {POSITIVE, NEGATIVE}
    assert by_colour[NEGATIVE] > by_colour[POSITIVE]
    assert len(fig.layout.images) == 3  # two inputs and one neuron, each its own map
    hover = " ".join(str(t.text) for t in fig.data if t.mode == "markers")
    assert "-3.900" in hover and "+0.100" in hover and "+0.500" in hover  # weights and the bias


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
    fig = charts.curves_figure(history)
    assert len(fig.data) == 1 and len(fig.data[0].x) <= charts.MAX_CURVE_POINTS + 1
    assert fig.data[0].x[-1] == n and fig.data[0].y[-1] == 0
    empty = charts.curves_figure({key: [] for key in history}, charts.CurveLabels(empty="nothing yet"))
    assert empty.layout.annotations[0].text == "nothing yet"

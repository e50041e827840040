"""The "How it sees" charts draw the window, the cell and the numbers where the explanation says they are."""

from __future__ import annotations

import numpy as np

from playground.charts import conv_explain as charts


def _rects(fig):
    return [(s.x0, s.x1, s.y0, s.y1) for s in fig.layout.shapes if s.line.color == charts.HIGHLIGHT]


def test_the_window_sits_on_the_padded_input_at_its_corner():
    image = np.arange(16.0).reshape(4, 4)
    fig = charts.input_window_figure(image, padding=1, top=-1, left=2, kernel=3, title="t", grey=True)
    heat = fig.data[0]
    assert list(heat.x) == [-1, 0, 1, 2, 3, 4] and np.isnan(np.asarray(heat.z, dtype=float)[0]).all()  # the padding
    assert _rects(fig) == [(1.5, 4.5, -1.5, 1.5)]  # 3×3 from input (row −1, col 2)


def test_numbers_in_cells_up_to_seven_and_no_minus_zero():
    small = np.array([[-0.001, 0.5], [-0.25, 1.0]])
    fig = charts.products_figure(small, small, small, ["a", "b", "c"])
    assert list(fig.data[0].text[0]) == ["0.00", "0.50"] and fig.data[0].text[1][0] == "−0.25"
    big = np.zeros((9, 9))
    assert charts.products_figure(big, big, big, ["a", "b", "c"]).data[0].text is None


def test_the_output_map_outlines_the_current_cell_and_every_cell_is_clickable():
    filled = np.full((3, 4), np.nan)
    filled[0] = [1, 2, 3, 4]
    fig = charts.output_map_figure(filled, row=1, col=0, title="t")
    assert _rects(fig) == [(-0.5, 0.5, 0.5, 1.5)]
    markers = fig.data[1]
    assert len(markers.x) == 12 and (markers.x[5], markers.y[5]) == (1, 1)
    assert list(markers.customdata[2]) == [1, 3, 3]  # 1-based row, column, then the value shown on hover


def test_pooling_outlines_the_window_and_the_cell_it_makes():
    before, after = np.zeros((4, 4)), np.zeros((2, 2))
    fig = charts.pool_figure(before, after, row=1, col=0, size=2, titles=["a", "b"])
    assert _rects(fig) == [(-0.5, 1.5, 1.5, 3.5), (-0.5, 0.5, 0.5, 1.5)]
    # each image keeps square cells against its own x axis
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis2.scaleanchor == "x2"

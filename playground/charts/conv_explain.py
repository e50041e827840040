"""Charts of the MNIST page's "How it sees" tab: the kernel on its input, numbers in cells, the path to the digit.

Pure functions of NumPy arrays (playground.conv_explain computes them); strings arrive translated.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from playground.charts.style import DIVERGING, FONT, NEUTRAL, POSITIVE

HIGHLIGHT = "#d62728"  # the window and the cell it fills
MAX_NUMBERED = 7  # grids up to 7×7 show their numbers in the cells; larger ones only colours
GREYS = [[0.0, "#000000"], [1.0, "#ffffff"]]


def _span(*arrays: np.ndarray) -> float:
    values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays])
    values = values[np.isfinite(values)]
    return float(np.abs(values).max()) if values.size and np.abs(values).max() > 0 else 1.0


def _box(fig: go.Figure, top: float, left: float, height: float, width: float, row=None, col=None, dash=None) -> None:
    fig.add_shape(type="rect", x0=left - 0.5, x1=left + width - 0.5, y0=top - 0.5, y1=top + height - 0.5,
                  line=dict(color=HIGHLIGHT, width=3, dash=dash), row=row, col=col)


def _image_axes(fig: go.Figure, row: int | None = None, col: int | None = None) -> None:
    """Square cells, row 0 at the top; in a row of subplots each y axis keeps to its own x axis."""
    anchor = "x" if not col or col == 1 else f"x{col}"
    fig.update_xaxes(showgrid=False, zeroline=False, showticklabels=False, constrain="domain", row=row, col=col)
    fig.update_yaxes(showgrid=False, zeroline=False, showticklabels=False, autorange="reversed", scaleanchor=anchor,
                     constrain="domain", row=row, col=col)


def _heatmap(z: np.ndarray, grey: bool, span: float | None = None, **kwargs) -> go.Heatmap:
    z = np.asarray(z, dtype=float)
    if grey:
        finite = z[np.isfinite(z)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        return go.Heatmap(z=z, colorscale=GREYS, zmin=low, zmax=high if high > low else low + 1, showscale=False,
                          **kwargs)
    span = span or _span(z)
    return go.Heatmap(z=z, colorscale=DIVERGING, zmin=-span, zmax=span, showscale=False, **kwargs)


def input_window_figure(channel: np.ndarray, padding: int, top: int, left: int, kernel: int, title: str,
                        grey: bool, size: int = 300) -> go.Figure:
    """One input channel with `padding` rings of zeros around it and the kernel's window drawn on it."""
    padded = np.pad(np.asarray(channel, dtype=float), padding, constant_values=np.nan) if padding else channel
    h, w = np.asarray(padded).shape
    fig = go.Figure(_heatmap(padded, grey, x=np.arange(w) - padding, y=np.arange(h) - padding,
                             hovertemplate="(%{y}, %{x}): %{z:.3f}<extra></extra>", xgap=0.3, ygap=0.3))
    if padding:  # the padding's zeros: outlined, so the window visibly hangs over the edge
        fig.add_shape(type="rect", x0=-0.5, x1=w - 2 * padding - 0.5, y0=-0.5, y1=h - 2 * padding - 0.5,
                      line=dict(color=NEUTRAL, width=1, dash="dot"))
    _box(fig, top, left, kernel, kernel)
    _image_axes(fig)
    fig.update_layout(font=FONT, width=size, height=size + 26, plot_bgcolor="#f2f2f2",
                      title=dict(text=title, x=0.5, xanchor="center", font=dict(size=14)), margin=dict(l=4, r=4, t=30, b=4))
    return fig


def _cells(values: np.ndarray, digits: int) -> dict:
    if max(values.shape) > MAX_NUMBERED:
        return {}
    tiny = 0.5 * 10**-digits  # shown as 0.00, not −0.00
    text = [[f"{0.0 if abs(v) < tiny else v:.{digits}f}".replace("-", "−") for v in row] for row in values]
    return dict(text=text, texttemplate="%{text}", textfont=dict(size=13 if max(values.shape) <= 5 else 11))


def products_figure(patch: np.ndarray, kernel: np.ndarray, products: np.ndarray, titles: Sequence[str],
                    height: int = 250) -> go.Figure:
    """Input patch × kernel = products, three grids of numbers side by side (one input channel)."""
    fig = make_subplots(rows=1, cols=3, subplot_titles=list(titles), horizontal_spacing=0.06)
    for col, (values, digits) in enumerate(((patch, 2), (kernel, 2), (products, 2)), start=1):
        values = np.asarray(values, dtype=float)
        fig.add_trace(_heatmap(values, False, **_cells(values, digits), hovertemplate="%{z:.4f}<extra></extra>",
                               xgap=1, ygap=1), row=1, col=col)
        _image_axes(fig, row=1, col=col)
    fig.update_layout(font=FONT, height=height, margin=dict(l=4, r=4, t=34, b=4))
    fig.update_annotations(font_size=14)
    return fig


def output_map_figure(filled: np.ndarray, row: int, col: int, title: str, size: int = 300, span: float | None = None) -> go.Figure:
    """The feature map as filled so far (blank cells not yet computed), the current cell outlined.

    A transparent marker on every cell makes the map clickable (the page reads the clicked cell).
    """
    filled = np.asarray(filled, dtype=float)
    h, w = filled.shape
    fig = go.Figure(_heatmap(filled, False, span=span, hoverinfo="skip", xgap=0.3, ygap=0.3))
    ys, xs = np.divmod(np.arange(h * w), w)
    # The markers carry hover and click (a trace with hoverinfo "skip" gets no click events either).
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", marker=dict(size=max(4, 240 // max(h, w)), opacity=0.0),
                             customdata=np.stack([ys + 1, xs + 1, filled.ravel()], axis=1), showlegend=False,
                             hovertemplate="(%{customdata[0]}, %{customdata[1]}): %{customdata[2]:.3f}<extra></extra>"))
    _box(fig, row, col, 1, 1)
    _image_axes(fig)
    fig.update_layout(font=FONT, width=size, height=size + 26, plot_bgcolor="#f7f7f7", clickmode="event+select",
                      dragmode=False, title=dict(text=title, x=0.5, xanchor="center", font=dict(size=14)),
                      margin=dict(l=4, r=4, t=30, b=4))
    return fig


def channel_sums_figure(sums: np.ndarray, bias: float, labels: Sequence[str], title: str, height: int = 230) -> go.Figure:
    """Each input channel's sum of products and the bias as bars: together they make the output cell."""
    values = [*map(float, sums), float(bias)]
    colors = [POSITIVE if v >= 0 else "#f59322" for v in values[:-1]] + [NEUTRAL]
    fig = go.Figure(go.Bar(x=list(labels), y=values, marker_color=colors, hovertemplate="%{x}: %{y:.4f}<extra></extra>"))
    fig.update_layout(font=FONT, height=height, title=dict(text=title, x=0, font=dict(size=14)),
                      margin=dict(l=40, r=10, t=36, b=40), bargap=0.2)
    fig.update_xaxes(type="category")
    return fig


def before_after_figure(before: np.ndarray, after: np.ndarray, cell: tuple[int, int] | None, titles: Sequence[str],
                        height: int = 220) -> go.Figure:
    """A map before and after a step that keeps its shape (activation, batch norm), one colour scale."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=list(titles), horizontal_spacing=0.05)
    span = _span(before, after)
    for col, values in enumerate((before, after), start=1):
        fig.add_trace(_heatmap(values, False, span=span, hovertemplate="(%{y}, %{x}): %{z:.3f}<extra></extra>"),
                      row=1, col=col)
        if cell is not None:
            _box(fig, cell[0], cell[1], 1, 1, row=1, col=col)
        _image_axes(fig, row=1, col=col)
    fig.update_layout(font=FONT, height=height, margin=dict(l=4, r=4, t=34, b=4))
    fig.update_annotations(font_size=14)
    return fig


def pool_figure(before: np.ndarray, after: np.ndarray, row: int, col: int, size: int, titles: Sequence[str],
                height: int = 220) -> go.Figure:
    """A map before pooling with the window outlined, and the pooled map with the cell it fills."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=list(titles), horizontal_spacing=0.05)
    span = _span(before)
    fig.add_trace(_heatmap(before, False, span=span, hovertemplate="(%{y}, %{x}): %{z:.3f}<extra></extra>"), row=1, col=1)
    fig.add_trace(_heatmap(after, False, span=span, hovertemplate="(%{y}, %{x}): %{z:.3f}<extra></extra>"), row=1, col=2)
    _box(fig, row * size, col * size, size, size, row=1, col=1)
    _box(fig, row, col, 1, 1, row=1, col=2)
    for c in (1, 2):
        _image_axes(fig, row=1, col=c)
    fig.update_layout(font=FONT, height=height, margin=dict(l=4, r=4, t=34, b=4))
    fig.update_annotations(font_size=14)
    return fig


def vector_figure(values: np.ndarray, title: str, highlight: int | None = None, names: Sequence[str] | None = None,
                  height: int = 200) -> go.Figure:
    """A vector (flattened maps, a dense layer's outputs, logits) as bars; one entry outlined."""
    values = np.asarray(values, dtype=float).reshape(-1)
    x = list(names) if names is not None else list(range(1, len(values) + 1))
    colors = [HIGHLIGHT if i == highlight else (POSITIVE if v >= 0 else "#f59322") for i, v in enumerate(values)]
    fig = go.Figure(go.Bar(x=x, y=values, marker_color=colors, marker_line_width=0,
                           hovertemplate="%{x}: %{y:.4f}<extra></extra>"))
    fig.update_layout(font=FONT, height=height, title=dict(text=title, x=0, font=dict(size=14)),
                      margin=dict(l=40, r=10, t=36, b=30), bargap=0.15 if len(values) <= 40 else 0)
    if names is not None:
        fig.update_xaxes(type="category")
    return fig

"""Plotly figures for the Convolution page: the padded input with the kernel's positions, and the output grid.

Pure functions: a Geometry, arrays and translated labels in, go.Figure out. Rows run down (row 0 at the top)
and both grids use the same size of cell, so the output is seen shrinking (or not) next to its input.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from playground.charts.style import DIVERGING, FONT, NEGATIVE

from playground.conv_geometry import Geometry

CURRENT = NEGATIVE  # the current position: the app's orange
GRID_LINES = "#b8b8b8"  # shows through the 1-px gaps between cells
PADDING = "#d4d4d4"
UNCOVERED = "rgba(207, 34, 46, 0.45)"
INK = [[0.0, "#ffffff"], [1.0, "#1f4e79"]]
MAX_OUTLINES = 400  # faint outlines of every position up to this many (one line trace; beyond, the dots say it)
TEXT_CELLS = 16  # numbers written in the cells of grids up to this many cells wide


def cell_px(geo: Geometry) -> int:
    """Pixels per cell for both grids: the padded input (or a kernel that overflows it) fits in about 300 px."""
    rows, cols = geo.padded
    return int(min(40, max(9, 300 / max(rows, cols, geo.kernel))))


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".") if abs(value - round(value)) > 1e-9 else f"{round(value):d}"
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _layout(fig: go.Figure, rows: int, cols: int, px: int, title: str) -> go.Figure:
    fig.update_xaxes(visible=False, range=[-0.6, cols - 0.4], constrain="domain", fixedrange=True)
    fig.update_yaxes(visible=False, range=[rows - 0.4, -0.6], scaleanchor="x", scaleratio=1, constrain="domain",
                     constraintoward="top", fixedrange=True)  # a narrow column: the grid stays under its title
    fig.update_layout(font=FONT, height=max(px * rows + 56, 150), margin=dict(l=6, r=6, t=40, b=6),
                      plot_bgcolor="rgba(0,0,0,0)", showlegend=False, title=dict(text=title, x=0.5, xanchor="center"))
    return fig


def _cells(mask: np.ndarray) -> np.ndarray:
    """A heatmap layer: 1 where `mask`, NaN (transparent) elsewhere."""
    return np.where(mask, 1.0, np.nan)


def input_figure(geo: Geometry, current: int, labels: Mapping[str, str], image: np.ndarray | None = None,
                 uncovered: tuple[Sequence[int], Sequence[int]] = ((), ())) -> go.Figure:
    """The padded input: input cells (the image's values when given), padding shaded, cells no position covers
    crossed, the centre of every kernel position ringed (with faint outlines), the current position outlined.

    A kernel that does not fit is drawn at the top-left corner, dashed red, running past the edge.
    labels: "title", "cell" (format with r, c), "padding", "uncovered", "value", "position".
    """
    (rows, cols), p, k, h, w = geo.padded, geo.padding, geo.kernel, geo.height, geo.width
    px = cell_px(geo)
    inside = np.zeros((rows, cols), dtype=bool)
    inside[p:p + h, p:p + w] = True
    values = np.zeros((rows, cols))
    if image is not None:
        values[p:p + h, p:p + w] = image
    show_text = image is not None and cols <= TEXT_CELLS
    gone_rows, gone_cols = uncovered
    gone = np.zeros((rows, cols), dtype=bool)
    for r in gone_rows:
        gone[p + r, p:p + w] = True
    for c in gone_cols:
        gone[p:p + h, p + c] = True
    hover = [[labels["cell"].format(r=r - p + 1, c=c - p + 1) if inside[r, c] else labels["padding"]
              for c in range(cols)] for r in range(rows)]
    fig = go.Figure()
    fig.add_trace(go.Heatmap(
        z=np.where(inside, values, np.nan), colorscale=INK, zmin=0, zmax=max(1.0, float(np.nanmax(values))),
        showscale=False, xgap=1, ygap=1, customdata=hover, hoverongaps=False,
        text=[["" if g else _number(v) for v, g in zip(row, gone_row)] for row, gone_row in zip(values, gone)]
        if show_text else None,  # a crossed cell shows its ×, not its value under it
        texttemplate="%{text}" if show_text else None,
        hovertemplate="%{customdata}" + (f"<br>{labels['value']} %{{z}}" if image is not None else "") + "<extra></extra>",
    ))
    fig.add_trace(go.Heatmap(
        z=_cells(~inside), colorscale=[[0, PADDING], [1, PADDING]], showscale=False, xgap=1, ygap=1, hoverongaps=False,
        text=np.where(~inside, "0", "") if show_text else None, texttemplate="%{text}" if show_text else None,
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    if gone.any():
        fig.add_trace(go.Heatmap(
            z=_cells(gone), colorscale=[[0, UNCOVERED], [1, UNCOVERED]], showscale=False, xgap=1, ygap=1,
            hoverongaps=False, text=np.where(gone, "×", ""), texttemplate="%{text}", textfont=dict(size=16, color="#7a0010"),
            hovertemplate=labels["uncovered"] + "<extra></extra>",
        ))
    # The grid lines: a frame of GRID_LINES behind the cells (the heatmaps' gaps show it).
    fig.add_shape(type="rect", x0=-0.5, x1=cols - 0.5, y0=-0.5, y1=rows - 0.5, line=dict(width=0),
                  fillcolor=GRID_LINES, layer="below")
    if p:
        fig.add_shape(type="rect", x0=p - 0.5, x1=p + w - 0.5, y0=p - 0.5, y1=p + h - 0.5,
                      line=dict(color="#333333", width=2))
    if geo.fits:
        windows = [geo.window(i) for i in range(geo.positions)]
        centre = (k - 1) / 2
        if len(windows) <= MAX_OUTLINES:
            xs, ys = [], []
            for r0, c0 in windows:
                xs += [c0 - 0.5, c0 + k - 0.5, c0 + k - 0.5, c0 - 0.5, c0 - 0.5, None]
                ys += [r0 - 0.5, r0 - 0.5, r0 + k - 0.5, r0 + k - 0.5, r0 - 0.5, None]
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                     line=dict(color="rgba(245, 147, 34, 0.3)", width=1)))
        fig.add_trace(go.Scatter(
            x=[c0 + centre for _, c0 in windows], y=[r0 + centre for r0, _ in windows], mode="markers",
            marker=dict(symbol="circle-open", size=max(6, int(px * 0.8)), color=CURRENT, opacity=0.8,
                        line=dict(width=2)),
            customdata=list(range(1, len(windows) + 1)), hovertemplate=labels["position"] + " %{customdata}<extra></extra>",
        ))
        r0, c0 = geo.window(current)
        fig.add_shape(type="rect", x0=c0 - 0.5, x1=c0 + k - 0.5, y0=r0 - 0.5, y1=r0 + k - 0.5,
                      line=dict(color=CURRENT, width=4), fillcolor="rgba(245, 147, 34, 0.18)")
    else:
        fig.add_shape(type="rect", x0=-0.5, x1=k - 0.5, y0=-0.5, y1=k - 0.5,
                      line=dict(color="#cf222e", width=3, dash="dash"), fillcolor="rgba(207, 34, 46, 0.08)")
    return _layout(fig, max(rows, k), max(cols, k), px, labels["title"])


def output_figure(geo: Geometry, current: int, labels: Mapping[str, str], values: np.ndarray | None = None,
                  diverging: bool = True) -> go.Figure:
    """The output grid, filled up to the current position (later cells blank), the current cell outlined.

    Every cell carries its position number (customdata) so a click can move the kernel there. `values` (the
    computed output) colour the filled cells: orange-white-blue around 0 when `diverging`, white-blue otherwise.
    labels: "title", "cell" (format with r, c), "value", "position".
    """
    rows, cols = geo.output
    px = cell_px(geo)
    index = np.arange(rows * cols).reshape(rows, cols)
    done = index <= current
    shown = values if values is not None else np.zeros((rows, cols))
    z = np.where(done, shown, np.nan)
    high = max(1.0, float(np.abs(shown).max()))
    scale = DIVERGING if diverging else INK
    show_text = values is not None and cols <= TEXT_CELLS
    hover = [[labels["cell"].format(r=r + 1, c=c + 1) for c in range(cols)] for r in range(rows)]
    fig = go.Figure(go.Heatmap(
        z=z, colorscale=scale if values is not None else [[0, "#fff4e6"], [1, "#fff4e6"]],
        zmin=-high if diverging else 0, zmax=high, showscale=False, xgap=1, ygap=1, hoverinfo="skip",
        text=[[_number(v) if d else "" for v, d in zip(row, done_row)] for row, done_row in zip(shown, done)]
        if show_text else None,  # a cell the kernel has not reached yet shows no number
        texttemplate="%{text}" if show_text else None,
    ))
    fig.add_shape(type="rect", x0=-0.5, x1=cols - 0.5, y0=-0.5, y1=rows - 0.5, line=dict(width=0),
                  fillcolor=GRID_LINES, layer="below")
    # Click targets: one nearly transparent square per cell (a heatmap cannot be selected), numbered 1..n;
    # they carry the hover text too (the heatmap under them never gets the pointer).
    value_text = [f"{labels['value']} {_number(v)}" if d and values is not None else ""
                  for v, d in zip(shown.ravel(), done.ravel())]
    fig.add_trace(go.Scatter(
        x=np.tile(np.arange(cols), rows), y=np.repeat(np.arange(rows), cols), mode="markers",
        marker=dict(symbol="square", size=max(6, px - 4), color="rgba(255, 255, 255, 0.01)"),
        customdata=list(zip((index.ravel() + 1).tolist(), [h for row in hover for h in row], value_text)),
        hovertemplate="%{customdata[1]}<br>" + labels["position"] + " %{customdata[0]}<br>%{customdata[2]}<extra></extra>",
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
    ))
    r, c = divmod(current, cols)
    fig.add_shape(type="rect", x0=c - 0.5, x1=c + 0.5, y0=r - 0.5, y1=r + 0.5, line=dict(color=CURRENT, width=4))
    return _layout(fig, rows, cols, px, labels["title"])

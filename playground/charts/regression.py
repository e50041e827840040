"""Plotly figures for the linear-regression page: the line with its residuals, the loss surface with
optimiser paths, loss curves, and the fitted plane in 3-D.

Pure functions: arrays and translated labels in, `go.Figure` out. Axes are fixed by the caller's
ranges, so nothing rescales while a student drags a slider or scrubs through the steps, and a
diverging path visibly leaves the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from playground.charts.style import FONT, NEGATIVE, NEUTRAL, POSITIVE

RESIDUAL_COLOR = "#d62728"
PATH_COLOR = "#222222"
BEST_COLOR = "#2ca02c"
START_COLOR = "#9467bd"
OPTIMIZER_COLORS = {"gd": "#222222", "sgd": "#d62728", "momentum": "#9467bd", "adam": "#17becf"}
SURFACE_SCALE = "Viridis"
LOSS_FLOOR = 1e-10  # a log axis cannot show a loss of exactly 0


@dataclass(frozen=True)
class Curve:
    """One optimiser's run for the comparison charts."""

    name: str  # registry name: picks the colour
    label: str  # translated legend entry
    points: np.ndarray  # (steps + 1, 2) rows (w, b); only used when a surface is drawn
    losses: np.ndarray
    title: str = ""  # a short panel title for the small maps (two lines at most); the label when empty


def padded_range(values: Sequence[float], pad: float = 0.15, include_zero: bool = False) -> tuple[float, float]:
    """The range of `values` widened by `pad` of its span on each side (1 when the span is 0)."""
    array = np.asarray(values, dtype=float)
    low, high = float(array.min()), float(array.max())
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    span = high - low or max(abs(high), 1.0)
    return low - pad * span, high + pad * span


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    settings = dict(
        font=FONT, height=height, margin=dict(l=10, r=10, t=40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    )
    fig.update_layout(**{**settings, **extra})
    return fig


def line_figure(
    x, y, w: float, b: float, *, x_label: str, y_label: str, points_label: str, line_label: str,
    residual_label: str, x_range: tuple[float, float], y_range: tuple[float, float],
    best: tuple[float, float] | None = None, best_label: str = "", ghost: tuple[float, float] | None = None,
    ghost_label: str = "", title: str = "", height: int = 430,
) -> go.Figure:
    """The data, the line ŷ = w·x + b, and each residual as a red segment from the point to the line.

    `best` adds the least-squares line dashed; `ghost` a faint line (where gradient descent started).
    """
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ends = np.array(x_range)
    fig = go.Figure()
    if ghost is not None:
        fig.add_trace(go.Scatter(x=ends, y=ghost[0] * ends + ghost[1], mode="lines", name=ghost_label,
                                 line=dict(color=START_COLOR, width=2, dash="dot"), opacity=0.6))
    if best is not None:
        fig.add_trace(go.Scatter(x=ends, y=best[0] * ends + best[1], mode="lines", name=best_label,
                                 line=dict(color=BEST_COLOR, width=2, dash="dash")))
    predicted = w * xs + b
    seg_x = np.column_stack([xs, xs, np.full_like(xs, np.nan)]).ravel()
    seg_y = np.column_stack([ys, predicted, np.full_like(xs, np.nan)]).ravel()
    fig.add_trace(go.Scatter(x=seg_x, y=seg_y, mode="lines", name=residual_label, hoverinfo="skip",
                             line=dict(color=RESIDUAL_COLOR, width=2)))
    fig.add_trace(go.Scatter(x=ends, y=w * ends + b, mode="lines", name=line_label, line=dict(color=NEGATIVE, width=4)))
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers", name=points_label, marker=dict(color=POSITIVE, size=12, line=dict(color="white", width=1)),
        customdata=np.column_stack([predicted, predicted - ys]),
        hovertemplate=f"{x_label}: %{{x:.3g}}<br>{y_label}: %{{y:.4g}}<br>ŷ: %{{customdata[0]:.4g}}<br>ŷ − y: %{{customdata[1]:.4g}}<extra></extra>",
    ))
    fig.update_xaxes(title=x_label, range=list(x_range), zeroline=True)
    fig.update_yaxes(title=y_label, range=list(y_range), zeroline=True)
    return _layout(fig, height, title=title or None)


def _log_levels(values: np.ndarray) -> tuple[np.ndarray, list[float], list[str], float]:
    """log10 of the losses (floored), and colour-bar ticks at the powers of ten they span."""
    positive = values[values > 0]
    floor = max(float(positive.min()) if positive.size else 1.0, float(values.max()) * 1e-6, LOSS_FLOOR)
    logs = np.log10(np.maximum(values, floor))
    lo, hi = math.floor(float(logs.min())), math.ceil(float(logs.max()))
    ticks = list(range(lo, hi + 1))
    return logs, [float(k) for k in ticks], [f"{10.0**k:,.10g}" for k in ticks], floor


def _contour(surface, loss_label: str, w_label: str, b_label: str, show_scale: bool = True) -> go.Contour:
    logs, tickvals, ticktext, _ = _log_levels(surface.mse)
    return go.Contour(
        x=surface.w, y=surface.b, z=logs, customdata=surface.mse, colorscale=SURFACE_SCALE,
        ncontours=24, contours=dict(coloring="heatmap", showlines=True), line=dict(width=0.5, color="rgba(255,255,255,0.5)"),
        colorbar=dict(title=dict(text=loss_label, side="right"), tickvals=tickvals, ticktext=ticktext),
        showscale=show_scale, name=loss_label,
        hovertemplate=f"{w_label}: %{{x:.3g}}<br>{b_label}: %{{y:.3g}}<br>{loss_label}: %{{customdata:,.4g}}<extra></extra>",
    )


def _marker(point, name: str, color: str, symbol: str, size: int = 14) -> go.Scatter:
    return go.Scatter(x=[point[0]], y=[point[1]], mode="markers", name=name,
                      marker=dict(color=color, size=size, symbol=symbol, line=dict(color="white", width=2)),
                      hovertemplate=f"{name}: (%{{x:.4g}}, %{{y:.4g}})<extra></extra>")


def surface_figure(
    surface, *, w_label: str, b_label: str, loss_label: str, start: tuple[float, float], start_label: str,
    best: tuple[float, float] | None = None, best_label: str = "", path: np.ndarray | None = None,
    step: int | None = None, path_label: str = "", step_label: str = "", height: int = 520,
) -> go.Figure:
    """The MSE over (w, b) as a contour map (log colour scale), the current point, the least-squares
    minimum, and a descent path drawn up to `step` with its point at `step` highlighted."""
    fig = go.Figure(_contour(surface, loss_label, w_label, b_label))
    if path is not None and len(path):
        upto = len(path) if step is None else min(step, len(path) - 1) + 1
        shown = path[:upto]
        fig.add_trace(go.Scatter(
            x=shown[:, 0], y=shown[:, 1], mode="lines+markers", name=path_label,
            line=dict(color="white", width=2), marker=dict(color=PATH_COLOR, size=5),
            hovertemplate=f"{w_label}: %{{x:.4g}}<br>{b_label}: %{{y:.4g}}<extra>{path_label}</extra>",
        ))
    if best is not None:
        fig.add_trace(_marker(best, best_label, BEST_COLOR, "x", 16))
    fig.add_trace(_marker(start, start_label, START_COLOR, "circle"))
    if path is not None and len(path) and step is not None:
        fig.add_trace(_marker(path[min(step, len(path) - 1)], step_label, NEGATIVE, "diamond", 16))
    fig.update_xaxes(title=w_label, range=[surface.w[0], surface.w[-1]])
    fig.update_yaxes(title=b_label, range=[surface.b[0], surface.b[-1]])
    return _layout(fig, height, showlegend=False)  # the page's caption names the markers


def optimizers_figure(
    surface, curves: Sequence[Curve], *, w_label: str, b_label: str, loss_label: str,
    start: tuple[float, float], best: tuple[float, float] | None, height: int = 640,
) -> go.Figure:
    """One small contour map per optimiser (2 per row), each with its path from the same start."""
    rows = math.ceil(len(curves) / 2)
    fig = make_subplots(rows=rows, cols=2, subplot_titles=[c.title or c.label for c in curves], shared_xaxes=True,
                        shared_yaxes=True, horizontal_spacing=0.09, vertical_spacing=0.14)
    for i, curve in enumerate(curves):
        row, col = i // 2 + 1, i % 2 + 1
        fig.add_trace(_contour(surface, loss_label, w_label, b_label, show_scale=False), row=row, col=col)
        color = OPTIMIZER_COLORS.get(curve.name, PATH_COLOR)
        fig.add_trace(go.Scatter(x=curve.points[:, 0], y=curve.points[:, 1], mode="lines+markers", name=curve.label,
                                 line=dict(color="white", width=2), marker=dict(color=color, size=4), showlegend=False,
                                 hovertemplate=f"{w_label}: %{{x:.4g}}<br>{b_label}: %{{y:.4g}}<extra>{curve.label}</extra>"),
                      row=row, col=col)
        if best is not None:
            fig.add_trace(go.Scatter(x=[best[0]], y=[best[1]], mode="markers", showlegend=False, hoverinfo="skip",
                                     marker=dict(color=BEST_COLOR, size=12, symbol="x", line=dict(color="white", width=1))),
                          row=row, col=col)
        fig.add_trace(go.Scatter(x=[start[0]], y=[start[1]], mode="markers", showlegend=False, hoverinfo="skip",
                                 marker=dict(color=START_COLOR, size=11, line=dict(color="white", width=2))),
                      row=row, col=col)
        fig.update_xaxes(range=[surface.w[0], surface.w[-1]], row=row, col=col, title=w_label if row == rows else None)
        fig.update_yaxes(range=[surface.b[0], surface.b[-1]], row=row, col=col, title=b_label if col == 1 else None)
    fig.update_annotations(font_size=13)  # the panel titles: a name and "η = …" on two lines
    return _layout(fig, height * rows // 2, showlegend=False, margin=dict(l=10, r=10, t=60, b=10))


def loss_curves_figure(
    curves: Sequence[Curve], *, x_label: str, y_label: str, step: int | None = None, height: int = 340,
    reference: float | None = None, reference_label: str = "",
) -> go.Figure:
    """MSE against step for each run on a log axis, with an optional marker at `step` and a
    horizontal line at `reference` (the least-squares MSE)."""
    fig = go.Figure()
    for curve in curves:
        losses = np.maximum(np.asarray(curve.losses, dtype=float), LOSS_FLOOR)
        fig.add_trace(go.Scatter(
            x=np.arange(len(losses)), y=losses, mode="lines", name=curve.label,
            line=dict(color=OPTIMIZER_COLORS.get(curve.name, PATH_COLOR), width=3), customdata=curve.losses,
            hovertemplate=f"{x_label}: %{{x}}<br>{y_label}: %{{customdata:,.6g}}<extra>{curve.label}</extra>",
        ))
        if step is not None and len(losses):
            k = min(step, len(losses) - 1)
            fig.add_trace(go.Scatter(x=[k], y=[losses[k]], mode="markers", showlegend=False, hoverinfo="skip",
                                     marker=dict(color=NEGATIVE, size=12, symbol="diamond", line=dict(color="white", width=1))))
    longest = max((len(c.losses) for c in curves), default=1)
    if reference is not None and reference > LOSS_FLOOR:
        # A trace, not add_hline: shapes on a log axis take log10 coordinates, traces take the value itself.
        fig.add_trace(go.Scatter(x=[0, longest - 1], y=[reference, reference], mode="lines", name=reference_label,
                                 line=dict(color=BEST_COLOR, dash="dash", width=2), hoverinfo="skip"))
    shown = np.concatenate([np.maximum(np.asarray(c.losses, dtype=float), LOSS_FLOOR) for c in curves] or [np.ones(1)])
    decades = math.log10(float(shown.max()) / float(shown.min())) if np.all(np.isfinite(shown)) else 0.0
    fig.update_xaxes(title=x_label)
    # One label per power of ten, unless the curves span less than one (then plotly's own ticks read better).
    fig.update_yaxes(title=y_label, type="log", exponentformat="power", dtick=1 if decades >= 1 else None)
    return _layout(fig, height)


def plane_figure(
    x, y, w: Sequence[float], b: float, *, x1_label: str, x2_label: str, y_label: str, points_label: str,
    plane_label: str, residual_label: str, height: int = 560,
) -> go.Figure:
    """The points (x1, x2, y) in 3-D, the plane ŷ = w1·x1 + w2·x2 + b, and vertical residual segments."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    r1, r2 = padded_range(xs[:, 0], 0.1), padded_range(xs[:, 1], 0.1)
    g1, g2 = np.meshgrid(np.linspace(*r1, 12), np.linspace(*r2, 12))
    predicted = w[0] * xs[:, 0] + w[1] * xs[:, 1] + b
    nan = np.full_like(ys, np.nan)
    fig = go.Figure([
        go.Surface(x=g1, y=g2, z=w[0] * g1 + w[1] * g2 + b, opacity=0.55, showscale=False, name=plane_label,
                   colorscale=[[0, NEGATIVE], [1, NEGATIVE]], showlegend=True, hoverinfo="skip"),
        go.Scatter3d(x=np.column_stack([xs[:, 0], xs[:, 0], nan]).ravel(), y=np.column_stack([xs[:, 1], xs[:, 1], nan]).ravel(),
                     z=np.column_stack([ys, predicted, nan]).ravel(), mode="lines", name=residual_label,
                     line=dict(color=RESIDUAL_COLOR, width=6), hoverinfo="skip"),
        go.Scatter3d(x=xs[:, 0], y=xs[:, 1], z=ys, mode="markers", name=points_label,
                     marker=dict(color=POSITIVE, size=7, line=dict(color="white", width=1)),
                     hovertemplate=f"{x1_label}: %{{x:.3g}}<br>{x2_label}: %{{y:.3g}}<br>{y_label}: %{{z:.4g}}<extra></extra>"),
    ])
    z_range = padded_range(np.concatenate([ys, predicted]), 0.1)
    fig.update_layout(scene=dict(
        xaxis=dict(title=x1_label, range=list(r1)), yaxis=dict(title=x2_label, range=list(r2)),
        zaxis=dict(title=y_label, range=list(z_range)), camera=dict(eye=dict(x=1.6, y=-1.6, z=0.8)),
        aspectmode="cube",
    ))
    return _layout(fig, height, margin=dict(l=0, r=0, t=40, b=0))


def parameters_figure(points: np.ndarray, names: Sequence[str], *, x_label: str, y_label: str,
                      best: Sequence[float] | None = None, height: int = 340) -> go.Figure:
    """Each parameter (w1, w2, b ...) against step, with its least-squares value dashed."""
    palette = [POSITIVE, NEGATIVE, NEUTRAL, BEST_COLOR, START_COLOR]
    fig = go.Figure()
    for j, name in enumerate(names):
        color = palette[j % len(palette)]
        fig.add_trace(go.Scatter(x=np.arange(len(points)), y=points[:, j], mode="lines", name=name, line=dict(color=color, width=3)))
        if best is not None:
            fig.add_hline(y=best[j], line=dict(color=color, dash="dash", width=1))
    fig.update_xaxes(title=x_label)
    fig.update_yaxes(title=y_label)
    return _layout(fig, height)

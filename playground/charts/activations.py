"""Plotly figures for the Activation functions page: arrays and translated labels in, go.Figure out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from playground.charts.style import DIVERGING, FONT, NEGATIVE, NEUTRAL, POSITIVE

# One fixed colour per activation, so a function keeps its colour whatever else is selected.
ACTIVATION_COLORS = {
    "step": "#7f7f7f",
    "sigmoid": "#0877bd",
    "tanh": "#f59322",
    "relu": "#2ca02c",
    "leaky_relu": "#d62728",
    "linear": "#17becf",
    "gelu": "#9467bd",
    "silu": "#8c564b",
    "elu": "#e377c2",
    "softplus": "#bcbd22",
}


@dataclass(frozen=True)
class Curve:
    """One activation to draw: its registry name (for the colour), display label, f(x) and f'(x)."""

    name: str
    label: str
    values: np.ndarray
    derivative: np.ndarray


def color_for(name: str) -> str:
    """The colour that stands for activation `name` on every chart."""
    return ACTIVATION_COLORS.get(name, NEUTRAL)


def functions_chart(
    x: np.ndarray,
    curves: Sequence[Curve],
    *,
    show_function: bool,
    show_derivative: bool,
    x_label: str,
    y_label: str,
    derivative_label: str,
    height: int = 480,
) -> go.Figure:
    """Functions (solid) and their derivatives (dashed, same colour) over `x` on one chart.

    `derivative_label` is a format string with a `{name}` field, e.g. "{name}′ (derivative)".
    """
    fig = go.Figure()
    for curve in curves:
        color = color_for(curve.name)
        if show_function:
            fig.add_trace(
                go.Scatter(
                    x=x, y=curve.values, name=curve.label, legendgroup=curve.name,
                    mode="lines", line=dict(color=color, width=3),
                    hovertemplate="%{y:.4f}",
                )
            )
        if show_derivative:
            fig.add_trace(
                go.Scatter(
                    x=x, y=curve.derivative, name=derivative_label.format(name=curve.label),
                    legendgroup=curve.name, mode="lines", line=dict(color=color, width=2, dash="dash"),
                    hovertemplate="%{y:.4f}",
                )
            )
    fig.add_hline(y=0, line=dict(color="#bbbbbb", width=1))
    fig.add_vline(x=0, line=dict(color="#bbbbbb", width=1))
    fig.update_layout(
        font=FONT, height=height, hovermode="x unified",
        xaxis_title=x_label, yaxis_title=y_label,
        margin=dict(l=60, r=20, t=20, b=50),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def neuron_heatmap(
    x1: np.ndarray,
    x2: np.ndarray,
    output: np.ndarray,
    *,
    segment: tuple[tuple[float, float], tuple[float, float]] | None,
    point: tuple[float, float],
    point_value: float,
    midpoint: float | None,
    x1_label: str,
    x2_label: str,
    output_label: str,
    line_label: str,
    point_label: str,
    height: int = 520,
) -> go.Figure:
    """One neuron's output over the (x1, x2) plane (rows of `output` follow x2).

    `segment` is the decision line z = 0 clipped to the plot (None: none to draw);
    `midpoint` is the output value given the neutral colour (f(0), the value on the line).
    """
    finite = output[np.isfinite(output)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    # The neutral colour always means "the value on the line z = 0", so one-sided outputs (ReLU, step)
    # use only the half of the diverging scale they reach.
    neutral, negative_end, positive_end = DIVERGING[1][1], DIVERGING[0][1], DIVERGING[2][1]
    scale: dict = dict(colorscale=DIVERGING)
    if high - low < 1e-12:  # a flat output (w1 = w2 = 0): one colour, no fake gradient
        scale.update(zmin=low - 1.0, zmax=high + 1.0)
    elif midpoint is not None and low < midpoint < high:
        scale.update(zmid=midpoint)
    elif midpoint is not None and midpoint <= low:
        scale = dict(colorscale=[[0.0, neutral], [1.0, positive_end]], zmin=midpoint, zmax=high)
    elif midpoint is not None and midpoint >= high:
        scale = dict(colorscale=[[0.0, negative_end], [1.0, neutral]], zmin=low, zmax=midpoint)
    fig = go.Figure(
        go.Heatmap(
            x=x1, y=x2, z=output, **scale,
            colorbar=dict(title=dict(text=output_label)),
            hovertemplate=f"{x1_label}=%{{x:.2f}}<br>{x2_label}=%{{y:.2f}}<br>{output_label}=%{{z:.3f}}<extra></extra>",
        )
    )
    if segment is not None:
        (ax, ay), (bx, by) = segment
        fig.add_trace(
            go.Scatter(
                x=[ax, bx], y=[ay, by], mode="lines", name=line_label,
                line=dict(color="#222222", width=3, dash="dash"), hoverinfo="skip",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[point[0]], y=[point[1]], mode="markers+text", name=point_label,
            marker=dict(size=14, color="#ffffff", line=dict(color="#222222", width=3)),
            text=[f"{point_value:.3f}"], textposition="top center", textfont=dict(size=16, color="#222222"),
            hoverinfo="skip",
        )
    )
    limit_x = (float(np.min(x1)), float(np.max(x1)))
    limit_y = (float(np.min(x2)), float(np.max(x2)))
    fig.update_layout(
        font=FONT, height=height,
        xaxis=dict(title=x1_label, range=limit_x, constrain="domain", zeroline=False, dtick=1),
        yaxis=dict(title=x2_label, range=limit_y, constrain="domain", scaleanchor="x", scaleratio=1,
                   zeroline=False, dtick=1),
        margin=dict(l=60, r=20, t=20, b=50),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def vanishing_chart(
    layers: np.ndarray,
    bound: np.ndarray,
    measured: np.ndarray,
    *,
    chosen: int,
    x_label: str,
    y_label: str,
    bound_label: str,
    measured_label: str,
    relu_label: str,
    height: int = 380,
) -> go.Figure:
    """Gradient factor after n layers on a log scale: sigmoid's bound, a measured sigmoid chain, ReLU's 1."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=layers, y=np.ones_like(bound), name=relu_label, mode="lines",
            line=dict(color=color_for("relu"), width=2, dash="dot"), hovertemplate="%{y:.3g}",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=layers, y=bound, name=bound_label, mode="lines+markers",
            line=dict(color=POSITIVE, width=3), marker=dict(size=5), hovertemplate="%{y:.3g}",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=layers, y=measured, name=measured_label, mode="lines",
            line=dict(color=NEGATIVE, width=2, dash="dash"), hovertemplate="%{y:.3g}",
        )
    )
    index = int(np.searchsorted(layers, chosen))
    if 0 <= index < len(layers) and layers[index] == chosen:
        fig.add_trace(
            go.Scatter(
                x=[chosen], y=[bound[index]], mode="markers+text", showlegend=False,
                marker=dict(size=14, color=POSITIVE, line=dict(color="#222222", width=2)),
                text=[f"{bound[index]:.2e}"], textposition="middle right", textfont=dict(size=15),
                hoverinfo="skip",
            )
        )
    fig.update_layout(
        font=FONT, height=height, hovermode="x unified",
        xaxis=dict(title=x_label, dtick=5 if len(layers) > 12 else 1),
        yaxis=dict(title=y_label, type="log", exponentformat="power"),
        margin=dict(l=70, r=20, t=20, b=50),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig

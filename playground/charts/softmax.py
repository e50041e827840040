"""Plotly figures for the Softmax and cross-entropy page: arrays and translated labels in, go.Figure out."""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from playground.charts.style import FONT, NEGATIVE, NEUTRAL, POSITIVE

TRUE_COLOR, WRONG_COLOR = "#1a7f37", "#cf222e"  # true class; a wrong prediction (as the MNIST page marks them)
CE_COLOR, SE_COLOR = POSITIVE, NEGATIVE


def probability_bars(
    probabilities: Sequence[float], class_names: Sequence[str], true_class: int, labels: Mapping[str, str],
    compare: Sequence[float] | None = None, height: int = 360,
) -> go.Figure:
    """The probability vector as bars (true class green, a wrong winner red), the one-hot target as hollow bars behind them.

    labels: "axis", "probability", "target", "compare". `compare` (optional) is a second vector drawn as
    diamonds on top of the bars: the shifted logits' softmax, which lands exactly on the bars.
    """
    p = np.asarray(probabilities, dtype=float)
    target = np.zeros_like(p)
    target[true_class] = 1.0
    predicted = int(p.argmax())
    colors = [TRUE_COLOR if i == true_class else WRONG_COLOR if i == predicted else NEUTRAL for i in range(p.size)]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=list(class_names), y=target, name=labels["target"], marker=dict(color="rgba(0,0,0,0)",
        line=dict(color=TRUE_COLOR, width=2)), width=0.9, hovertemplate="%{x}: %{y:.0f}<extra></extra>",
    ))
    fig.add_trace(go.Bar(
        x=list(class_names), y=p, name=labels["probability"], marker_color=colors, width=0.6,
        text=[f"{v:.3f}" for v in p], textposition="outside", cliponaxis=False,
        hovertemplate="%{x}: %{y:.4f}<extra></extra>",
    ))
    if compare is not None:
        fig.add_trace(go.Scatter(
            x=list(class_names), y=list(np.asarray(compare, dtype=float)), mode="markers", name=labels["compare"],
            marker=dict(symbol="diamond", size=12, color="#ffffff", line=dict(color="#222222", width=2)),
            hovertemplate="%{x}: %{y:.4f}<extra></extra>",
        ))
    fig.update_yaxes(range=[0, 1.12], title_text=labels["axis"], dtick=0.25)
    fig.update_xaxes(type="category")
    fig.update_layout(
        font=FONT, height=height, barmode="overlay", margin=dict(l=60, r=10, t=40, b=30),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def loss_chart(
    curves: Mapping[str, np.ndarray], p_y: float, at: Mapping[str, float], wrt: str, labels: Mapping[str, str],
    height: int = 420,
) -> go.Figure:
    """Cross-entropy and squared error (solid) and their slopes (dashed) against p_y; the current p_y marked.

    `wrt` is "p" (slope with respect to p_y) or "z" (with respect to the logit z_y, through softmax).
    labels: "x", "y", "ce", "se", "ce_grad", "se_grad", "here".
    """
    fig = go.Figure()
    p = curves["p"]
    grad = f"_grad_{wrt}"
    for name, color in (("ce", CE_COLOR), ("se", SE_COLOR)):
        fig.add_trace(go.Scatter(x=p, y=curves[name], name=labels[name], mode="lines", line=dict(color=color, width=3),
                                 hovertemplate="%{y:.3f}"))
        fig.add_trace(go.Scatter(x=p, y=curves[name + grad], name=labels[name + "_grad"], mode="lines",
                                 line=dict(color=color, width=2, dash="dash"), hovertemplate="%{y:.3f}"))
        for key, symbol in ((name, "circle"), (name + grad, "circle-open")):
            fig.add_trace(go.Scatter(
                x=[p_y], y=[at[key]], mode="markers", showlegend=False, hoverinfo="skip",
                marker=dict(symbol=symbol, size=11, color=color, line=dict(color=color, width=2)),
            ))
    fig.add_vline(x=p_y, line=dict(color="#222222", width=1, dash="dot"), annotation_text=labels["here"],
                  annotation_position="top")
    fig.add_hline(y=0, line=dict(color="#bbbbbb", width=1))
    # -1/p_y runs off to -200 at the left edge; a fixed window keeps both losses readable.
    fig.update_yaxes(range=[-5.2, 5.2] if wrt == "p" else [-1.2, 3.2], title_text=labels["y"])
    fig.update_xaxes(range=[0, 1], title_text=labels["x"])
    fig.update_layout(
        font=FONT, height=height, hovermode="x unified", margin=dict(l=60, r=20, t=50, b=50),
        legend=dict(orientation="h", yanchor="bottom", y=1.06, x=0),
    )
    return fig

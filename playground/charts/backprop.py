"""The Backpropagation page's figures: the network with its numbers, and the loss over steps (pure Plotly)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from playground.charts.style import FONT, NEGATIVE, NEUTRAL, POSITIVE

SELECTED = "#d62728"
NODE_SIZE = 46


@dataclass
class NetworkView:
    """What to draw: sizes and weights, and the texts the walk-through has revealed so far.

    node_text[(l, i)] = (above, inside, below); l = 0 is the input layer. edge_hover[(l, i, j)] and
    node_hover[(l, i)] are hover texts. `active` is the neuron the last step was about.
    """

    sizes: Sequence[int]
    weights: Sequence[np.ndarray]
    layer_names: Sequence[str]
    node_text: Mapping[tuple[int, int], tuple[str, str, str]]
    node_hover: Mapping[tuple[int, int], str]
    edge_hover: Mapping[tuple[int, int, int], str]
    selected: tuple[int, int, int | None] | None = None
    active: tuple[int, int] | None = None
    weight_labels: bool = True
    side_text: str = ""
    active_color: str = POSITIVE
    edge_text: Mapping[tuple[int, int, int], str] = field(default_factory=dict)
    # Clicking a weight (near its receiving end) or a neuron (its bias) reports this key as customdata.
    edge_keys: Mapping[tuple[int, int, int], str] = field(default_factory=dict)
    node_keys: Mapping[tuple[int, int], str] = field(default_factory=dict)


def _positions(sizes: Sequence[int]) -> dict[tuple[int, int], tuple[float, float]]:
    """Layer l at x = l, its neurons centred on y = 0 one unit apart, the first on top."""
    return {(l, i): (float(l), (n - 1) / 2.0 - i) for l, n in enumerate(sizes) for i in range(n)}


def network_figure(view: NetworkView, height: int = 460) -> go.Figure:
    """Neurons as circles (value inside, net above, δ below), weights as lines (width |w|, colour sign)."""
    pos = _positions(view.sizes)
    fig = go.Figure()
    biggest = max((float(np.abs(w).max()) for w in view.weights if w.size), default=1.0) or 1.0
    hover_x, hover_y, hover_text, hover_keys = [], [], [], []
    label_x, label_y, label_text = [], [], []
    for l in range(1, len(view.sizes)):
        w = view.weights[l - 1]
        for i in range(view.sizes[l]):
            for j in range(view.sizes[l - 1]):
                (x0, y0), (x1, y1) = pos[(l - 1, j)], pos[(l, i)]
                chosen = view.selected == (l, i, j)
                color = SELECTED if chosen else (POSITIVE if w[i, j] >= 0 else NEGATIVE)
                fig.add_trace(go.Scatter(
                    x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                    line=dict(color=color, width=(5 if chosen else 1.0 + 4.0 * abs(w[i, j]) / biggest)),
                    opacity=1.0 if chosen else 0.75,
                ))
                # Hover and labels sit 30% of the way from the receiving end, where fan-in lines are apart.
                hx, hy = x1 - 0.3 * (x1 - x0), y1 - 0.3 * (y1 - y0)
                hover_x.append(hx)
                hover_y.append(hy)
                hover_text.append(view.edge_hover.get((l, i, j), ""))
                hover_keys.append(view.edge_keys.get((l, i, j), ""))
                if view.weight_labels or chosen:
                    label_x.append(hx)
                    label_y.append(hy)
                    label_text.append(view.edge_text.get((l, i, j), f"{w[i, j]:.2f}"))
    fig.add_trace(go.Scatter(
        x=hover_x, y=hover_y, mode="markers", marker=dict(size=16, color="rgba(0,0,0,0)"), showlegend=False,
        hovertext=hover_text, hovertemplate="%{hovertext}<extra></extra>", customdata=hover_keys,
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
    ))
    for lx, ly, text in zip(label_x, label_y, label_text):  # annotations: a white box keeps them readable on lines
        fig.add_annotation(x=lx, y=ly, text=text, showarrow=False, font=dict(size=12, color="#222222"),
                           bgcolor="rgba(255,255,255,0.9)", borderpad=1)
    xs, ys, inside, colors, hovers, lines, keys = [], [], [], [], [], [], []
    for (l, i), (x, y) in pos.items():
        above, middle, below = view.node_text.get((l, i), ("", "", ""))
        xs.append(x)
        ys.append(y)
        inside.append(middle)
        hovers.append(view.node_hover.get((l, i), ""))
        keys.append(view.node_keys.get((l, i), ""))
        colors.append("#f3f4f6" if l == 0 else "#ffffff")
        lines.append(view.active_color if view.active == (l, i) else
                     (SELECTED if view.selected and view.selected[:2] == (l, i) and view.selected[2] is None else "#555555"))
        if above:
            fig.add_annotation(x=x, y=y, text=above, showarrow=False, yshift=34, font=dict(size=12, color="#333333"),
                               bgcolor="rgba(255,255,255,0.85)")
        if below:
            fig.add_annotation(x=x, y=y, text=below, showarrow=False, yshift=-34, font=dict(size=12, color=SELECTED),
                               bgcolor="rgba(255,255,255,0.85)")
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=inside, textfont=dict(size=12, color="#111111"),
        marker=dict(size=NODE_SIZE, color=colors, line=dict(color=lines, width=[4 if c != "#555555" else 1.5 for c in lines])),
        hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>", showlegend=False, customdata=keys,
        # a click selects a point; without these Plotly would fade every other neuron
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1), textfont=dict(color="#111111")),
    ))
    tallest = max(view.sizes)
    for l, name in enumerate(view.layer_names):
        fig.add_annotation(x=l, y=(tallest - 1) / 2.0 + 0.75, text=f"<b>{name}</b>", showarrow=False,
                           font=dict(size=13, color=NEUTRAL))
    if view.side_text:
        last = len(view.sizes) - 1
        fig.add_annotation(x=last + 0.42, y=0, text=view.side_text, showarrow=False, xanchor="left", align="left",
                           font=dict(size=13), bgcolor="#fff7e6", bordercolor=NEGATIVE, borderpad=6)
    span = (tallest - 1) / 2.0
    fig.update_xaxes(visible=False, fixedrange=True, range=[-0.4, len(view.sizes) - 1 + (1.3 if view.side_text else 0.4)])
    fig.update_yaxes(visible=False, fixedrange=True, range=[-span - 0.75, span + 1.0])
    fig.update_layout(font=FONT, height=height, margin=dict(l=10, r=10, t=10, b=10), hovermode="closest",
                      plot_bgcolor="#ffffff")
    return fig


def loss_figure(steps: Sequence[int], losses: Sequence[float], labels: Mapping[str, str], height: int = 300) -> go.Figure:
    """The mean loss over all examples after each update."""
    fig = go.Figure(go.Scatter(x=list(steps), y=list(losses), mode="lines+markers", line=dict(color=POSITIVE, width=3),
                               marker=dict(size=5), hovertemplate=f"{labels['x']} %{{x}}: %{{y:.5f}}<extra></extra>"))
    fig.update_xaxes(title_text=labels["x"], rangemode="tozero")
    fig.update_yaxes(title_text=labels["y"], rangemode="tozero")
    fig.update_layout(font=FONT, height=height, margin=dict(l=60, r=20, t=20, b=50))
    return fig

"""Plotly figures for the perceptron page: the input plane, the learning path, two-layer XOR.

Pure functions: perceptrons and translated labels in, `go.Figure` out. The shaded regions are
exact polygons (the view box clipped by half-planes), so vertical lines (w2 = 0) and the
no-line case (w1 = w2 = 0: the output is the same everywhere) need no special drawing code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import plotly.graph_objects as go

from playground.charts.style import CLASS_COLORS, FONT, NEUTRAL
from playground.perceptron import INPUTS, Perceptron, XorNetwork

BOX = (-0.5, 1.5, -0.5, 1.5)  # x1 from, x1 to, x2 from, x2 to: the four inputs with a margin
REGION_FILL = "rgba(8, 119, 189, 0.16)"  # blue: where the output is 1
LINE_COLOR = "#222222"
HIDDEN_COLORS = ("#7b3294", "#1b9e77")  # NAND line, OR line
WRONG_COLOR = "#d62728"

Point = tuple[float, float]


@dataclass(frozen=True)
class PlaneLabels:
    """Translated text for the input-plane figures."""

    x1: str = "x1"
    x2: str = "x2"
    target0: str = "target 0"
    target1: str = "target 1"
    wrong: str = "wrong"
    boundary: str = "decision boundary"
    region: str = "output 1"
    title: str = ""
    no_line: str = "no line"  # shown when w1 = w2 = 0
    outside_one: str = "the line is outside the view: every point shown gives 1"  # line misses the box, all 1
    outside_zero: str = "the line is outside the view: every point shown gives 0"  # line misses the box, all 0


def _box_polygon(box=BOX) -> list[Point]:
    x0, x1, y0, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def clip_half_plane(polygon: Sequence[Point], a: float, b: float, c: float, keep_above: bool = True) -> list[Point]:
    """The part of a convex polygon where a·x + b·y > c (keep_above) or ≤ c (Sutherland–Hodgman)."""

    def inside(p: Point) -> bool:
        value = a * p[0] + b * p[1] - c
        return value > 0 if keep_above else value <= 0

    def crossing(p: Point, q: Point) -> Point:
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        s = fp / (fp - fq)
        return (p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1]))

    out: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(crossing(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(crossing(previous, current))
    return out


def line_segment(perceptron: Perceptron, box=BOX) -> tuple[Point, Point] | None:
    """The part of w1·x1 + w2·x2 = θ inside `box`, or None when there is no line (w1 = w2 = 0) or it misses the box."""
    w1, w2, theta = perceptron.w1, perceptron.w2, perceptron.theta
    if w1 == 0 and w2 == 0:
        return None
    x0, x1, y0, y1 = box
    points: list[Point] = []
    if w2 != 0:  # crossings with the left and right edges
        for x in (x0, x1):
            y = (theta - w1 * x) / w2
            if y0 - 1e-12 <= y <= y1 + 1e-12:
                points.append((x, y))
    if w1 != 0:  # crossings with the bottom and top edges
        for y in (y0, y1):
            x = (theta - w2 * y) / w1
            if x0 - 1e-12 <= x <= x1 + 1e-12:
                points.append((x, y))
    unique: list[Point] = []
    for p in points:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in unique):
            unique.append(p)
    if len(unique) < 2:
        return None
    return unique[0], unique[1]


def output_one_region(perceptron: Perceptron, box=BOX) -> list[Point]:
    """Polygon (possibly empty, possibly the whole box) where the perceptron outputs 1."""
    return clip_half_plane(_box_polygon(box), perceptron.w1, perceptron.w2, perceptron.theta, keep_above=True)


def _fill_trace(polygon: Sequence[Point], name: str, color: str, show_legend: bool = True, group: str = "region") -> go.Scatter:
    xs = [p[0] for p in polygon] + ([polygon[0][0]] if polygon else [])
    ys = [p[1] for p in polygon] + ([polygon[0][1]] if polygon else [])
    return go.Scatter(
        x=xs, y=ys, fill="toself", fillcolor=color, mode="none", name=name, hoverinfo="skip",
        showlegend=show_legend, legendgroup=group,
    )


def _line_trace(perceptron: Perceptron, name: str, color: str, width: float = 3, dash: str = "solid",
                opacity: float = 1.0, show_legend: bool = True) -> go.Scatter | None:
    segment = line_segment(perceptron)
    if segment is None:
        return None
    (ax, ay), (bx, by) = segment
    return go.Scatter(
        x=[ax, bx], y=[ay, by], mode="lines", name=name, line=dict(color=color, width=width, dash=dash),
        opacity=opacity, hoverinfo="skip", showlegend=show_legend,
    )


def _point_traces(targets: Sequence[int], outputs: Sequence[int] | None, labels: PlaneLabels) -> list[go.Scatter]:
    traces = []
    for value, name in ((0, labels.target0), (1, labels.target1)):
        rows = [i for i, want in enumerate(targets) if want == value]
        traces.append(go.Scatter(
            x=[INPUTS[i][0] for i in rows], y=[INPUTS[i][1] for i in rows], mode="markers+text",
            name=name, text=[f"({INPUTS[i][0]}, {INPUTS[i][1]})" for i in rows], textposition="bottom center",
            marker=dict(size=22, color=CLASS_COLORS[value], line=dict(color="white", width=2)),
            hovertemplate=f"{labels.x1}=%{{x}}, {labels.x2}=%{{y}}<extra>{name}</extra>",
        ))
    if outputs is not None:
        wrong = [i for i, (out, want) in enumerate(zip(outputs, targets)) if out != want]
        if wrong:
            traces.append(go.Scatter(
                x=[INPUTS[i][0] for i in wrong], y=[INPUTS[i][1] for i in wrong], mode="markers", name=labels.wrong,
                # An "-open" symbol is stroked with marker.color (its line colour is ignored).
                marker=dict(size=36, color=WRONG_COLOR, symbol="circle-open", line=dict(width=3)),
                hoverinfo="skip",
            ))
    return traces


def _legend_below() -> dict:
    # Below the axes: above them it would cover the top of the box on narrow columns.
    return dict(orientation="h", yanchor="top", y=-0.2, x=0.5, xanchor="center")


def _layout(fig: go.Figure, labels: PlaneLabels, height: int = 500) -> go.Figure:
    x0, x1, y0, y1 = BOX
    fig.update_layout(
        font=FONT, height=height, margin=dict(l=50, r=20, t=45 if labels.title else 15, b=120),
        title=labels.title or None, legend=_legend_below(),
    )
    # "domain": keep exactly the box and shrink the drawing area instead of widening a range.
    fig.update_xaxes(title=dict(text=labels.x1, standoff=5), range=[x0, x1], zeroline=True, zerolinecolor="#bbbbbb",
                     tickvals=[0, 0.5, 1], constrain="domain", showline=True, mirror=True, linecolor="#cccccc")
    fig.update_yaxes(showline=True, mirror=True, linecolor="#cccccc")
    fig.update_yaxes(title=dict(text=labels.x2, standoff=5), range=[y0, y1], zeroline=True, zerolinecolor="#bbbbbb",
                     tickvals=[0, 0.5, 1], scaleanchor="x", scaleratio=1, constrain="domain")
    return fig


def plane_figure(perceptron: Perceptron, targets: Sequence[int], labels: PlaneLabels = PlaneLabels(),
                 history: Sequence[Perceptron] = (), height: int = 500) -> go.Figure:
    """The four inputs coloured by target, the line w1·x1 + w2·x2 = θ and the output-1 half-plane shaded.

    Rows the perceptron gets wrong are ringed in red. `history` (earlier perceptrons, oldest first)
    is drawn as fading dashed lines, for the learning path.
    """
    fig = go.Figure()
    region = output_one_region(perceptron)
    fig.add_trace(_fill_trace(region, labels.region, REGION_FILL) if region else
                  go.Scatter(x=[None], y=[None], mode="markers", name=labels.region, hoverinfo="skip",
                             marker=dict(size=14, symbol="square", color=REGION_FILL)))
    for k, old in enumerate(history):
        trace = _line_trace(old, "", NEUTRAL, width=1.5, dash="dot",
                            opacity=0.25 + 0.5 * (k + 1) / len(history), show_legend=False)
        if trace is not None:
            fig.add_trace(trace)
    line = _line_trace(perceptron, labels.boundary, LINE_COLOR)
    if line is not None:
        fig.add_trace(line)
    else:
        # No line in view: either there is none (w1 = w2 = 0) or it passes outside the box; then say which side is shown.
        if perceptron.w1 == 0 and perceptron.w2 == 0:
            text = labels.no_line
        else:
            text = labels.outside_one if region else labels.outside_zero
        fig.add_annotation(x=0.5, y=1.35, text=text, showarrow=False, font=dict(color=NEUTRAL))
    for trace in _point_traces(targets, perceptron.outputs(), labels):
        fig.add_trace(trace)
    return _layout(fig, labels, height)


def weights_path_figure(path: Sequence[Perceptron], current: int, epochs: Sequence[int], labels: dict[str, str],
                        height: int = 420) -> go.Figure:
    """w1, w2 and θ after each update (x = update number, 0 = start), a marker at update `current`.

    `epochs[k]` is the epoch of update k (k ≥ 1; epochs[0] is ignored) and shows on hover.
    `labels` has keys "w1", "w2", "theta", "update", "value", "epoch", "title".
    """
    steps = list(range(len(path)))
    fig = go.Figure()
    series = (("w1", [p.w1 for p in path], CLASS_COLORS[1]), ("w2", [p.w2 for p in path], CLASS_COLORS[2]),
              ("theta", [p.theta for p in path], CLASS_COLORS[0]))
    for key, values, color in series:
        fig.add_trace(go.Scatter(
            x=steps, y=values, mode="lines+markers" if len(path) <= 40 else "lines", name=labels[key],
            line=dict(color=color, width=2), customdata=list(epochs),
            hovertemplate=f"{labels['update']} %{{x}} · {labels['epoch']} %{{customdata}}<br>{labels[key]} = %{{y}}<extra></extra>",
        ))
    fig.add_vline(x=current, line=dict(color=LINE_COLOR, width=2, dash="dot"))
    fig.update_layout(
        font=FONT, height=height, margin=dict(l=50, r=20, t=50 if labels.get("title") else 20, b=110),
        title=labels.get("title") or None, legend=_legend_below(),
    )
    fig.update_xaxes(title=labels["update"], range=[-0.5, max(len(path) - 0.5, 1)])
    fig.update_yaxes(title=labels["value"], zeroline=True, zerolinecolor="#bbbbbb")
    return fig


def _num(value: float) -> str:
    """At most 3 decimals, a real minus sign, never "−0"."""
    text = f"{round(value, 3):g}"
    return "0" if text == "-0" else text.replace("-", "−")


def xor_diagram_figure(network: XorNetwork, labels: dict[str, str], height: int = 400) -> go.Figure:
    """The NAND + OR -> AND network: input, hidden and output nodes, every edge labelled with its weight.

    Each neuron shows its threshold θ. `labels` has keys "input", "hidden", "output", "theta"
    (the threshold symbol or word) and "nand", "or", "and" (neuron names).
    """
    nodes = {"x1": (0.0, 1.0), "x2": (0.0, 0.0), "s1": (1.0, 1.0), "s2": (1.0, 0.0), "y": (2.0, 0.5)}
    radius = {"x1": 0.14, "x2": 0.14, "s1": 0.24, "s2": 0.24, "y": 0.24}
    fill = {"x1": "#f2f2f2", "x2": "#f2f2f2", "s1": "#fff3dd", "s2": "#fff3dd", "y": "#e3eff8"}
    edges = [
        ("x1", "s1", network.nand.w1), ("x2", "s1", network.nand.w2),
        ("x1", "s2", network.or_.w1), ("x2", "s2", network.or_.w2),
        ("s1", "y", network.and_.w1), ("s2", "y", network.and_.w2),
    ]
    fig = go.Figure()
    for start, end, weight in edges:
        (ax, ay), (bx, by) = nodes[start], nodes[end]
        # Input edges cross in the middle, so their labels sit near the inputs; the output edges do not cross.
        at = 0.3 if start.startswith("x") else 0.5
        color = CLASS_COLORS[1] if weight > 0 else CLASS_COLORS[0] if weight < 0 else NEUTRAL
        fig.add_trace(go.Scatter(x=[ax, bx], y=[ay, by], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(color=color, width=1.5 + 3 * min(abs(weight), 1.5) / 1.5)))
        fig.add_annotation(x=ax + at * (bx - ax), y=ay + at * (by - ay), text=f"<b>{_num(weight)}</b>",
                           showarrow=False, bgcolor="white", bordercolor=color, borderwidth=1.5, font=dict(size=15))
    neurons = {"s1": (labels["nand"], network.nand), "s2": (labels["or"], network.or_), "y": (labels["and"], network.and_)}
    for name, (x, y) in nodes.items():
        r = radius[name]
        # Shapes sit above the edge traces, so every edge stops at the rim of its node.
        fig.add_shape(type="circle", x0=x - r, x1=x + r, y0=y - r, y1=y + r, fillcolor=fill[name],
                      line=dict(color=LINE_COLOR, width=2), layer="above")
        if name in neurons:
            gate, perceptron = neurons[name]
            text = f"<b>{name}</b><br>{gate}<br>{labels['theta']} = {_num(perceptron.theta)}"
        else:
            text = f"<b>{name}</b>"
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, font=dict(size=14, color=LINE_COLOR))
    for x, key in ((0.0, "input"), (1.0, "hidden"), (2.0, "output")):
        fig.add_annotation(x=x, y=1.42, text=labels[key], showarrow=False, font=dict(size=14, color=NEUTRAL))
    fig.update_layout(font=FONT, height=height, margin=dict(l=10, r=10, t=10, b=10),
                      plot_bgcolor="white", showlegend=False)
    fig.update_xaxes(visible=False, range=[-0.3, 2.3], constrain="domain")
    fig.update_yaxes(visible=False, range=[-0.3, 1.55], scaleanchor="x", scaleratio=1, constrain="domain")
    return fig


def xor_plane_figure(network: XorNetwork, targets: Sequence[int], labels: PlaneLabels, nand_name: str, or_name: str,
                     height: int = 500) -> go.Figure:
    """Both hidden lines (NAND's and OR's) and the region where the two-layer network outputs 1 shaded.

    The region is exact: for every hidden pattern (s1, s2) the output neuron turns into 1, the part of
    the plane where NAND gives s1 and OR gives s2 (a box clipped by two half-planes).
    """
    fig = go.Figure()
    first = True
    for s1 in (0, 1):
        for s2 in (0, 1):
            if network.and_.output(s1, s2) != 1:
                continue
            piece = clip_half_plane(_box_polygon(), network.nand.w1, network.nand.w2, network.nand.theta, keep_above=s1 == 1)
            piece = clip_half_plane(piece, network.or_.w1, network.or_.w2, network.or_.theta, keep_above=s2 == 1)
            if len(piece) >= 3:
                fig.add_trace(_fill_trace(piece, labels.region, REGION_FILL, show_legend=first))
                first = False
    for perceptron, name, color in ((network.nand, nand_name, HIDDEN_COLORS[0]), (network.or_, or_name, HIDDEN_COLORS[1])):
        trace = _line_trace(perceptron, name, color, dash="dash")
        if trace is not None:
            fig.add_trace(trace)
    for trace in _point_traces(targets, network.y, labels):
        fig.add_trace(trace)
    return _layout(fig, labels, height)

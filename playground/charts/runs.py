"""Compare runs: the kept runs' curves overlaid, one colour a run, labelled by what changed.

Loss on the left, accuracy on the right (left out when no run measured one, as in regression);
the held-out curve (test or validation) is solid, the training curve dotted, in the run's colour.
A run keeps its colour while others are removed: the colour follows its number, not its place.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import plotly.graph_objects as go

from playground.charts.style import FONT
from playground.run_history import Run

# Five colours told apart on a projector and by most colour-blind eyes (Okabe-Ito, without yellow).
RUN_COLORS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9")


def run_color(run_id: int) -> str:
    """The colour of run number `run_id` (the same on every redraw)."""
    return RUN_COLORS[(int(run_id) - 1) % len(RUN_COLORS)]


def runs_figure(runs: Sequence[Run], names: Sequence[str], labels: Mapping[str, str], height: int = 400) -> go.Figure:
    """The runs' loss (and accuracy) per epoch, overlaid; `names` label the runs (one each).

    labels: "loss", "accuracy", "epoch", "train", "held_out" (the held-out set's name: test or
    validation), "empty" (shown when there is no run).
    """
    with_acc = any(v is not None for run in runs for key in ("train_acc", "test_acc") for v in run.curves.get(key, ()))
    panels = [("loss", "")] + ([("acc", "2")] if with_acc else [])
    data: list[dict] = []
    for run, name in zip(runs, names):
        color = run_color(run.id)
        first = True
        for panel, axis in panels:
            for split, dash, width in (("test", "solid", 3), ("train", "dot", 2)):
                values = list(run.curves.get(f"{split}_{panel}", ()))
                if not any(v is not None for v in values):
                    continue
                part = labels["held_out"] if split == "test" else labels["train"]
                data.append(dict(
                    type="scatter", x=list(run.x), y=values, xaxis=f"x{axis}", yaxis=f"y{axis}", mode="lines",
                    name=name, legendgroup=f"run{run.id}", showlegend=first, line=dict(color=color, dash=dash, width=width),
                    hovertemplate=f"{name} · {part}<br>{labels['epoch']} %{{x}}: %{{y:.3f}}<extra></extra>",
                ))
                first = False
    split_at = 0.47 if with_acc else 1.0
    axis = dict(title=dict(text=labels["epoch"]), rangemode="tozero")
    title = dict(xref="paper", yref="paper", y=1.0, yanchor="bottom", showarrow=False, font=dict(size=15))
    layout = dict(
        font=FONT, height=height, margin=dict(l=50, r=20, t=36, b=90), hovermode="closest",
        legend=dict(orientation="h", yanchor="top", y=-0.24, x=0.5, xanchor="center"),
        xaxis=dict(axis, domain=[0, split_at], anchor="y"), yaxis=dict(rangemode="tozero", anchor="x"),
        annotations=[dict(title, text=labels["loss"], x=split_at / 2, xanchor="center")],
    )
    if with_acc:
        layout.update(xaxis2=dict(axis, domain=[0.55, 1], anchor="y2"),
                      yaxis2=dict(range=[0, 1.02], tickformat=".0%", anchor="x2"))
        layout["annotations"].append(dict(title, text=labels["accuracy"], x=0.775, xanchor="center"))
    if not runs:
        layout["annotations"].append(dict(text=labels["empty"], xref="paper", yref="paper", x=0.5, y=0.5,
                                          showarrow=False, font=dict(size=16)))
    return go.Figure(dict(data=data, layout=layout))

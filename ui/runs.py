"""Compare runs, Streamlit side: which run a page is on, keeping it, and the section that compares them.

Shared by the Playground, MNIST and Train/validation/test. A page tells it, on every rerun, which worker
trains and with what settings (`observe`); before it resets a worker it calls `restart`. A run is kept
(playground/run_history.py) once it is not training and has at least one epoch: paused, finished,
stopped, reset or replaced by a new run; a kept run that trains on is updated in place. `section` draws
the overlaid curves, the table and the Run again / Remove / Clear all buttons; Run again hands the
kept run to the page's own `rerun(run)`, which puts its settings back into the widgets and starts it.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import pandas as pd
import streamlit as st

from playground import run_history as rh
from playground.charts import runs as charts
from ui.classroom import hidden, plotly_chart
from ui.common import explain, t

OFF = 0.0  # a rate of 0 is a switched-off setting (L2, dropout on Train/validation/test)


def history(prefix: str) -> rh.RunHistory:
    """This page's kept runs in this session."""
    return st.session_state.setdefault(prefix + "runs", rh.RunHistory())


def _current(prefix: str) -> dict | None:
    return st.session_state.get(prefix + "runs/current")


def keep(prefix: str) -> None:
    """Keep (or update) the current run from its worker's latest snapshot, if it has trained an epoch."""
    current = _current(prefix)
    if current is None or current["settings"] is None:
        return
    snap = current["worker"].latest()
    if snap is None or snap.epoch <= max(current["first_epoch"], current.get("dismissed_at", -1)):
        return  # no epoch yet, or removed from the list and not trained since
    timed = snap.epoch + max(snap.epoch_progress, 0.0) - current["first_epoch"]
    settings = current["settings"]
    if current.get("unchanged") is not None and snap.epoch <= current["unchanged"][1]:
        settings = current["unchanged"][0]  # changed, but no epoch trained since: the run is as it was
    curves = current.get("curves")
    history(prefix).record(rh.make_run(
        current["id"], settings, (curves(snap) if curves is not None else None) or snap.history, train_seconds=snap.extra.get("train_seconds", 0.0),
        timed_epochs=timed, seed=snap.seed, restore=current["restore"],
    ))


def _begin(prefix: str, worker, settings, restore, first_epoch: int = 0, curves=None) -> None:
    st.session_state[prefix + "runs/current"] = {
        "id": history(prefix).new_id(), "worker": worker, "settings": settings, "restore": restore,
        "first_epoch": first_epoch, "curves": curves,
    }


def restart(prefix: str, worker, reset: Callable[[], None]) -> None:
    """`reset()` the worker to a new run, the current one kept first (paused, so its last epoch is in it).

    The new run's settings come with the next `observe`; a run that was playing plays on.
    """
    running = worker.status == "running"
    if running:
        worker.pause()
    keep(prefix)
    reset()
    current = _current(prefix)
    _begin(prefix, worker, None, None, curves=current.get("curves") if current is not None else None)
    if running:
        worker.play()


def observe(prefix: str, worker, settings: Sequence[tuple[str, Any]], restore: Any, first_epoch: int = 0,
            curves: Callable[[Any], dict | None] | None = None) -> None:
    """Called on every page run with the worker that trains and its settings (None: no worker).

    `curves(snapshot)` gives the per-epoch curves to keep ("epoch" and rh.CURVES lists) when the page
    draws others than its trainer's history (None from it, or no `curves`: the snapshot's history).
    A new worker starts a new run (the previous one kept). On the same worker, settings changed after
    an epoch was trained show as a change during the run (rh.Changed); before that they simply replace
    the run's own. A run that is not training is kept (or updated).
    """
    if worker is None:
        return
    current = _current(prefix)
    if current is None or current["worker"] is not worker:
        keep(prefix)
        _begin(prefix, worker, tuple(settings), restore, first_epoch, curves)
    else:
        snap = worker.latest()
        trained = snap is not None and snap.epoch > current["first_epoch"]
        if current["settings"] is None or not trained:
            current["settings"], current["restore"] = tuple(settings), restore
        else:
            merged = rh.merge_settings(current["settings"], settings)
            if merged != current["settings"] and current.get("unchanged") is None:
                current["unchanged"] = (current["settings"], snap.epoch)
            current["settings"] = merged
    if worker.status != "running":
        keep(prefix)


# ---------------------------------------------------------------- shown


def _value(value: Any, names: dict[str, Callable[[Any], str]], name: str) -> str:
    if isinstance(value, rh.Changed):
        return f"{_value(value.before, names, name)} → {_value(value.after, names, name)}"
    if name in names:
        return names[name](value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return ", ".join(_value(v, names, name) for v in value)
    return str(value)


def describer(names: dict[str, Callable[[Any], str]] | None = None) -> Callable[[str, Any], str]:
    """describe(name, value) -> "learning rate 0.03", with `names` turning a page's values into words."""
    names = dict(names or {})
    names.setdefault("l2", lambda v: t("runs.off") if v == OFF else f"{v:g}")
    names.setdefault("dropout", lambda v: t("runs.off") if v == OFF else f"{v:g}")

    def describe(name: str, value: Any) -> str:
        if name == "hidden":  # "2 layers (4, 2)" against "4 layers (4, 4, 2, 2)"
            return _value(value, {"hidden": lambda v: t("runs.setting.layers", count=len(v), units=", ".join(map(str, v)) or "–")}, name)
        return t(f"runs.setting.{name}", value=_value(value, names, name))

    return describe


def _table(runs: Sequence[rh.Run], names: Sequence[str], held_out: str) -> pd.DataFrame:
    def number(value, pattern="{:.3f}"):
        return "–" if value is None else pattern.format(value)

    return pd.DataFrame({
        t("runs.col.run"): list(names),
        t("runs.col.train_loss"): [number(r.final("train_loss")) for r in runs],
        t("runs.col.held_out_loss", held_out=held_out.capitalize()): [number(r.final("test_loss")) for r in runs],
        t("runs.col.train_acc"): [number(r.final("train_acc"), "{:.1%}") for r in runs],
        t("runs.col.held_out_acc", held_out=held_out.capitalize()): [number(r.final("test_acc"), "{:.1%}") for r in runs],
        t("runs.col.epochs"): [f"{r.epochs:,}" for r in runs],
        t("runs.col.seconds"): [number(r.seconds_per_epoch, "{:.4f}") for r in runs],
    })


def _picked(pick_key: str) -> int | None:
    value = st.session_state.get(pick_key)
    return value if isinstance(value, int) else None


def _again(prefix: str, pick_key: str, rerun: Callable[[rh.Run], None]) -> None:
    run = history(prefix).get(_picked(pick_key))
    if run is not None:
        rerun(run)


def _dismiss(prefix: str, run_ids) -> None:
    """Forget runs; the current one among them stays out of the list until it trains further."""
    current = _current(prefix)
    for run_id in list(run_ids):
        history(prefix).remove(run_id)
        if current is not None and current["id"] == run_id:
            snap = current["worker"].latest()
            current["dismissed_at"] = snap.epoch if snap is not None else 0


def _remove(prefix: str, pick_key: str) -> None:
    _dismiss(prefix, [_picked(pick_key)])


def _clear(prefix: str) -> None:
    _dismiss(prefix, [run.id for run in history(prefix).runs])


def section(prefix: str, rerun: Callable[[rh.Run], None], held_out: str = "test",
            names: dict[str, Callable[[Any], str]] | None = None) -> None:
    """The Compare runs section: overlaid curves, the table, and Run again / Remove / Clear all.

    `held_out` is "test" or "validation" (what the page's held-out curve measures); `names` turns a
    setting's value into words (e.g. a data set's translated name); `rerun(run)` restores and starts it.
    """
    st.subheader(t("runs.header"))
    explain(t("runs.explain"))
    kept = history(prefix)
    runs = kept.runs
    if not runs:
        st.caption(t("runs.none"))
        return
    run_names = rh.labels(runs, describer(names), lambda i: t("runs.numbered", id=i))
    held = t(f"runs.held_out.{held_out}")
    labels = {"loss": t("runs.chart.loss"), "accuracy": t("runs.chart.accuracy"), "epoch": t("runs.chart.epoch"),
              "train": t("runs.chart.train"), "held_out": held, "empty": t("runs.none")}
    plotly_chart(charts.runs_figure(runs, run_names, labels), key=prefix + "runs/chart", config={"displayModeBar": False})
    st.caption(t("runs.lines", held_out=held))
    st.dataframe(_table(runs, run_names, held), hide_index=True, key=prefix + "runs/table",
                 column_config={t("runs.col.run"): st.column_config.TextColumn(width="medium")})
    # The picker's key changes with the list, so the teacher hides the row (picker and buttons) as one control;
    # the chart and the table stay for the class to read.
    if hidden(prefix + "runs/controls", t("runs.controls")):
        return
    by_id = dict(zip((r.id for r in runs), run_names))
    # The browser remembers a select box's choice by its label, and labels change as runs come and go
    # (one run alone is "run 1"; beside a second it is "learning rate 0.03"): a new list, a new box.
    pick_key = f"{prefix}runs/pick/{'.'.join(map(str, by_id))}/{abs(hash(tuple(run_names))) % 10**8}"
    if _picked(pick_key) not in by_id:
        st.session_state[pick_key] = runs[-1].id  # the newest run, unless one was picked
    cols = st.columns([2.6, 1.1, 1, 1], vertical_alignment="bottom")
    cols[0].selectbox(t("runs.pick"), list(by_id), format_func=by_id.get, key=pick_key)
    cols[1].button(t("runs.again"), key=prefix + "runs/again", icon=":material/replay:", type="primary",
                   help=t("runs.again_help"), on_click=_again, args=(prefix, pick_key, rerun), width="stretch")
    cols[2].button(t("runs.remove"), key=prefix + "runs/remove", icon=":material/delete:", on_click=_remove,
                   args=(prefix, pick_key), width="stretch")
    cols[3].button(t("runs.clear"), key=prefix + "runs/clear", icon=":material/clear_all:", on_click=_clear,
                   args=(prefix,), width="stretch")

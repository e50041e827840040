"""Playground: toy 2-D data, a dense network built with + and −, trained live in a background worker.

Thin by design: widgets -> PlaygroundConfig -> (data, worker) from playground/, then charts. The
live part is a fragment that polls the worker's latest snapshot a few times a second while it
trains and redraws only the counters and the three charts.
"""

from __future__ import annotations

import hashlib
import random
import time
from dataclasses import replace

from playground import pool as training_pool  # no torch in it: imported first so that, on a server's first
training_pool.prewarm()  # page load, the first training process boots (imports torch) while this page imports

import numpy as np
import pandas as pd
import streamlit as st

from playground import features as feats
from playground import export_code, grids, layers, quota
from playground import playground_config as pc
from playground import run_history as rh
from playground.charts import playground as charts
from playground.charts import playground_scene as scenes
from playground.datasets import toy
from playground.errors import UserError
from playground.pool import ProcessWorker, start_worker
from playground.worker import TrainingWorker
from ui import playground_hidden as hidden_view
from ui.classroom import hidden, presenting
from ui.common import bad_param_notice, lang, page_header, relabel_after_language_switch, show_error, sync_query, t
from ui.live_canvas import PRESENT_TEXT_SCALE, live_canvas
from ui.live import live_fragment, session_worker, set_running
from ui import runs
from ui.share import copy_link
from ui.uploader import file_uploader

P = "playground/"
WORKER = P + "worker"
POLL_SECONDS = 0.1  # the live view's refresh interval while training (up to 10 redraws a second)
SNAPSHOT_SECONDS = 0.05  # the worker's snapshot interval: fresher than the poll, so every redraw shows progress
MAX_EPOCHS = 100_000
COMPACT_AFTER_LAYERS = 3  # more hidden layers than this: activation pickers move under the columns


# --- settings that survive reruns and page switches -------------------------------------------------
# Streamlit forgets the value of a widget that is not drawn (another page, a hidden slider); the
# dict in P + "values" does not, so every widget is seeded from it and saves back to it.


def _values() -> dict:
    return st.session_state[P + "values"]


def _init_from_url() -> None:
    """On the session's first visit, the whole config comes from the URL (bad values -> notices)."""
    if P + "values" in st.session_state:
        return
    config, bad = pc.from_query(st.query_params.to_dict())
    st.session_state[P + "notices"] = bad
    st.session_state[P + "values"] = _values_of(config)


def _values_of(config: pc.PlaygroundConfig) -> dict:
    """The page's setting values (widget names) of `config`."""
    values = {
        "problem": config.problem, "dataset": config.dataset, "classes": config.classes, "noise": config.noise,
        "train": config.train_percent, "points": config.points, "dseed": config.data_seed,
        "hidden": list(config.hidden), "act": config.activation, "lr": config.learning_rate,
        "batch": config.batch_size, "opt": config.optimizer, "reg": config.regularization, "rate": config.reg_rate,
        "seed": config.seed, "test": config.show_test, "discrete": config.discretize, "view": config.hidden_view,
        "turn": config.hidden_turn,
    }
    for name in feats.FEATURES:
        values[f"feat/{name}"] = name in config.features
    for i in range(pc.MAX_LAYERS):
        values[f"act/{i}"] = config.activations[i] if i < len(config.activations) else config.activation
    return values


def _set(name: str, value) -> None:
    """Change a setting from a callback (its widget, if any, shows the new value)."""
    _values()[name] = value
    st.session_state[P + name] = value


def _widget(draw, name: str, *args, **kwargs):
    key = P + name
    if hidden(key, args[0] if args else None):  # the teacher hid it (ui/classroom.py): keep its value
        return _values()[name]
    if key not in st.session_state:
        st.session_state[key] = _values()[name]
    value = draw(*args, key=key, **kwargs)
    _values()[name] = value
    return value


def _config() -> pc.PlaygroundConfig:
    v = _values()
    hidden = tuple(v["hidden"])
    return pc.PlaygroundConfig(
        problem=v["problem"], dataset=v["dataset"], classes=v["classes"], noise=v["noise"], train_percent=v["train"],
        points=v["points"], data_seed=v["dseed"], features=tuple(f for f in feats.FEATURES if v[f"feat/{f}"]),
        hidden=hidden, activations=tuple(v[f"act/{i}"] for i in range(len(hidden))), learning_rate=v["lr"],
        batch_size=v["batch"], optimizer=v["opt"], regularization=v["reg"], reg_rate=v["rate"], seed=v["seed"],
        show_test=v["test"], discretize=v["discrete"], hidden_view=v["view"], hidden_turn=v["turn"],
    )


# --- callbacks ----------------------------------------------------------------------------------------


def _worker() -> TrainingWorker | ProcessWorker | None:
    return st.session_state.get(WORKER)


def _set_running(run: bool) -> None:
    set_running(_worker(), run)


def _step() -> None:
    worker = _worker()
    if worker is not None:
        worker.step()
        worker.wait(timeout=3.0)  # one epoch takes milliseconds: show its result in this very rerun


def _restart(worker: TrainingWorker, seed: int | None = None) -> None:
    """Fresh weights (same seed when None); a run that was playing keeps playing (the run before is kept
    for Compare runs)."""
    runs.restart(P, worker, lambda: worker.reset(seed))


def _run_again(run: rh.Run) -> None:
    """Compare runs' Run again: the run's settings back into the widgets; the page run trains it afresh."""
    for name, value in _values_of(run.restore).items():
        if name not in ("test", "discrete"):  # how the map is drawn is the viewer's, not the run's
            _set(name, value)
    st.session_state[P + "run_again"] = True


def _start_again(worker_before) -> None:
    """After Run again: fresh weights from the run's seed (a new worker already has them), then play."""
    worker = _worker()
    if not st.session_state.pop(P + "run_again", False) or worker is None:
        return
    if worker is worker_before:  # even at epoch 0: a new run, so no setting restored here reads as a change in it
        _restart(worker)
    worker.play()
    st.rerun()  # the buttons above were drawn for a paused run


def _reset() -> None:
    worker = _worker()
    if worker is not None:
        _restart(worker)


def _new_weights() -> None:
    _set("seed", random.randrange(pc.MAX_SEED + 1))  # the rerun resets the worker with it


def _new_data() -> None:
    _set("dseed", random.randrange(pc.MAX_SEED + 1))


def _problem_changed() -> None:
    problem = st.session_state[P + "problem"]
    _values()["problem"] = problem
    _set("dataset", "circle" if problem == "classification" else "plane")


def _global_activation_changed() -> None:
    act = st.session_state[P + "act"]
    _values()["act"] = act
    for i in range(pc.MAX_LAYERS):
        _set(f"act/{i}", act)


def _add_layer() -> None:
    hidden = _values()["hidden"]
    if len(hidden) < pc.MAX_LAYERS:
        _set(f"act/{len(hidden)}", _values()["act"])
        hidden.append(hidden[-1] if hidden else 4)


def _remove_layer() -> None:
    hidden = _values()["hidden"]
    if hidden:
        hidden.pop()


def _change_units(index: int, delta: int) -> None:
    hidden = _values()["hidden"]
    if index < len(hidden):
        hidden[index] = min(max(hidden[index] + delta, 1), pc.MAX_UNITS)


# --- data and worker ----------------------------------------------------------------------------------


def _csv_table(problem: str) -> tuple[tuple | None, bool]:
    """((file id, name, points) of the CSV file in use or None, whether the uploaded file was refused).

    Only the read points are kept, never the uploaded bytes: Streamlit drops the uploader's file
    when the page is left, and the points are a fraction of its size. A refused file is
    remembered by its hash and its sentence shown again without reading it a second time, and a
    session reads at most pc.CSV_READS_PER_MINUTE new files a minute.
    """
    kept = st.session_state.get(P + "csv_table")
    if kept is not None and kept[2].task != problem:
        kept = None
    upload = st.session_state.get(P + "csv")
    if upload is None:
        return kept, False
    known = st.session_state.get(P + "csv_digest")
    if known is None or known[0] != upload.file_id:  # hashed once per upload, not on every rerun
        known = (upload.file_id, hashlib.sha1(upload.getbuffer()).hexdigest())
        st.session_state[P + "csv_digest"] = known
    key = (known[1], problem)
    if kept is not None and kept[0] == key:
        return kept, False
    rejected: dict = st.session_state.setdefault(P + "csv_rejected", {})
    if key in rejected:
        show_error(rejected[key])
        return kept, True
    reads: list = st.session_state.setdefault(P + "csv_reads", [])
    now = time.monotonic()
    wait = pc.csv_read_wait(reads, now)
    if wait:
        show_error(UserError("playground.csv.too_often", seconds=wait))
        return kept, True
    quota.record(reads, now, 60.0)
    upload.seek(0)
    try:
        table = toy.read_csv(upload, problem)
    except UserError as error:
        rejected[key] = error
        while len(rejected) > 20:  # the sentences are small; keep the last few
            rejected.pop(next(iter(rejected)))
        show_error(error)
        return kept, True
    kept = (key, upload.name, table)
    st.session_state[P + "csv_table"] = kept
    return kept, False


def _neuron_resolution(config: pc.PlaygroundConfig) -> int:
    # Big networks get coarser neuron maps so each redraw stays small enough to send five times a second.
    neurons = len(config.features) + sum(config.hidden)
    return grids.NEURON_RESOLUTION if neurons <= 40 else 16


def _ensure_worker(config: pc.PlaygroundConfig, csv: tuple | None) -> bool:
    """Build a new worker when anything but the learning rate or the seed changed; True if one is usable.

    A setting that cannot be trained (a bad CSV file, no features) shows its sentence and keeps
    the previous worker and data on screen.
    """
    csv_id = csv[0] if (config.dataset == "csv" and csv is not None) else ""
    signature = (replace(config, learning_rate=0.0, seed=0, show_test=False, discretize=False, hidden_view=0,
                                 hidden_turn=0), csv_id)
    worker = _worker()
    if worker is not None and worker.alive and st.session_state.get(WORKER + "/signature") == signature:
        if st.session_state.get(P + "applied_lr") != config.learning_rate:
            worker.set_learning_rate(config.learning_rate)  # applies from the next step, even mid-run
            st.session_state[P + "applied_lr"] = config.learning_rate
        if st.session_state.get(P + "applied_seed") != config.seed:
            _restart(worker, config.seed)
            st.session_state[P + "applied_seed"] = config.seed
        st.session_state[P + "trained_config"] = config
        _show_run_message(worker)
        return True
    was_running = worker is not None and worker.status == "running"
    try:
        feats.check(config.features)
        data = pc.make_data(config, *(csv[2], csv[1]) if (config.dataset == "csv" and csv is not None) else (None,))
        # Trains in one of the server's training processes (playground/pool.py), or in a thread when
        # PLAYGROUND_TRAINING_PROCESSES=0; both inputs are picklable for the process.
        worker = session_worker(
            WORKER,
            lambda: start_worker(
                pc.TrainerFactory(config, data),
                snapshot=grids.Snapshotter(config.features, _neuron_resolution(config)),
                snapshot_interval=SNAPSHOT_SECONDS, max_epochs=MAX_EPOCHS, seed=config.seed,
            ),
            signature=signature,
        )
    except UserError as error:
        show_error(error)
        return worker is not None
    st.session_state.update({
        P + "data": data, P + "trained_config": config, P + "applied_lr": config.learning_rate,
        P + "applied_seed": config.seed,
    })
    if was_running:
        worker.play()
    _show_run_message(worker)
    return True


def _show_run_message(worker) -> None:
    """A stopped run's sentence (its training process crashed, training failed); divergence shows in the live view."""
    snap = worker.latest()
    if snap is not None and snap.message is not None and snap.status != "diverged":
        show_error(snap.message)


def _fallback_payload(worker, config: pc.PlaygroundConfig):
    """A payload when the snapshot has none (its snapshot failed): drawn here from a thread worker's trainer.

    A ProcessWorker's trainer lives in its training process: there is nothing to draw until its next
    snapshot, and its message says why.
    """
    if not isinstance(worker, TrainingWorker):
        return None
    with worker.lock:
        return grids.snapshot(worker.trainer, config.features, neuron_resolution=_neuron_resolution(config))


# --- drawing ------------------------------------------------------------------------------------------


def _lr_text(value: float) -> str:
    return np.format_float_positional(value, trim="-")


class Slots:
    """Places the live fragment redraws; everything else on the page stays put while it trains."""

    epoch = message = network = stats = boundary = curves = hidden = None


def _toolbar(running: bool, slots: Slots) -> None:
    st.session_state[P + "toolbar_running"] = running  # what Play/Pause says, for the live view to check
    with st.container(border=True):
        cols = st.columns([1.75, 0.5, 0.5, 0.5, 1.55, 1.6, 1.45, 1.45, 1.25], vertical_alignment="bottom")
        cols[0].button(
            t("playground.pause") if running else t("playground.play"), key=P + "play", on_click=_set_running, args=(not running,),
            icon=":material/pause:" if running else ":material/play_arrow:", type="primary",
            help=t("playground.play_help"), width="stretch",
        )
        cols[1].button("", key=P + "step", on_click=_step, icon=":material/skip_next:",
                       help=f"**{t('playground.step')}** · {t('playground.step_help')}", width="stretch")
        cols[2].button("", key=P + "reset", on_click=_reset, icon=":material/replay:",
                       help=f"**{t('playground.reset')}** · {t('playground.reset_help')}", width="stretch")
        cols[3].button("", key=P + "new_seed", on_click=_new_weights, icon=":material/casino:",
                       help=f"**{t('playground.new_seed')}** · {t('playground.new_seed_help')}", width="stretch")
        slots.epoch = cols[4].container()
        with cols[5]:
            _widget(st.select_slider, "lr", t("playground.learning_rate"), options=pc.LEARNING_RATES,
                    format_func=_lr_text, help=t("playground.learning_rate_help"))
        with cols[6]:
            _widget(st.selectbox, "act", t("playground.activation"), options=pc.ACTIVATIONS,
                    format_func=lambda a: t(f"playground.act.{a}"), on_change=_global_activation_changed,
                    help=t("playground.activation_help"))
        with cols[7]:
            _widget(st.selectbox, "reg", t("playground.regularization"), options=pc.training.REGULARIZATIONS,
                    format_func=lambda r: t(f"core.regularization.{r}"), help=t("playground.regularization_help"))
        with cols[8]:
            _widget(st.selectbox, "rate", t("playground.reg_rate"), options=pc.REG_RATES, format_func=_lr_text,
                    disabled=_values()["reg"] == "none")


def _data_panel() -> None:
    v = _values()
    st.markdown(f"#### {t('playground.data')}")
    _widget(st.selectbox, "problem", t("playground.problem"), options=pc.PROBLEMS,
            format_func=lambda p: t(f"playground.problem.{p}"), on_change=_problem_changed)
    if v["dataset"] not in pc.DATASETS[v["problem"]]:
        _set("dataset", pc.DATASETS[v["problem"]][0])
    dataset = _widget(st.selectbox, "dataset", t("playground.dataset"), options=pc.DATASETS[v["problem"]],
                      format_func=lambda d: t(f"playground.dataset.{d}"))
    if dataset in toy.MULTICLASS:
        _widget(st.slider, "classes", t("playground.classes"), toy.MIN_CLASSES, toy.MAX_CLASSES)
    _widget(st.slider, "train", t("playground.train_percent"), pc.MIN_TRAIN_PERCENT, pc.MAX_TRAIN_PERCENT, step=10,
            help=t("playground.train_percent_help"))
    if dataset == "csv":
        file_uploader(t("playground.csv_upload"), type=["csv", "txt"], key=P + "csv", help=t("playground.csv_help"))
    else:
        _widget(st.slider, "noise", t("playground.noise"), 0, toy.MAX_NOISE, step=5, help=t("playground.noise_help"))
        _widget(st.slider, "points", t("playground.points"), pc.MIN_POINTS, pc.MAX_POINTS, step=50)
        st.button(t("playground.regenerate"), key=P + "regenerate", on_click=_new_data, icon=":material/shuffle:",
                  help=t("playground.regenerate_help"), width="stretch")
    if dataset != "csv":
        _widget(st.number_input, "dseed", t("playground.data_seed"), 0, pc.MAX_SEED, step=1,
                help=t("playground.data_seed_help"))
    _widget(st.number_input, "seed", t("playground.weight_seed"), 0, pc.MAX_SEED, step=1,
            help=t("playground.weight_seed_help"))
    _widget(st.slider, "batch", t("playground.batch_size"), pc.MIN_BATCH, pc.MAX_BATCH,
            help=t("playground.batch_size_help"))
    _widget(st.selectbox, "opt", t("playground.optimizer"), options=pc.training.OPTIMIZERS,
            format_func=lambda o: t(f"core.optimizer.{o}"))
    st.markdown(f"#### {t('playground.features')}", help=t("playground.features_help"))
    cols = st.columns(2)
    for i, name in enumerate(feats.FEATURES):
        with cols[i % 2]:
            _widget(st.checkbox, f"feat/{name}", feats.SYMBOLS[name])


# The per-layer activation pickers sit in narrow columns over the diagram: tighter padding and a
# smaller font keep names like "Sigmoid" readable with six layers.
_LAYER_PICKER_CSS = """<style>
[class*="st-key-playground-act-"] [role="combobox"] { padding-left: 6px; padding-right: 0; font-size: 0.8rem; }
[class*="st-key-playground-act-"] [role="group"] button { width: 18px; min-width: 0; padding: 0; }
</style>"""


def _layer_editor() -> None:
    st.html(_LAYER_PICKER_CSS)
    hidden = _values()["hidden"]
    head = st.columns([0.55, 0.55, 4], vertical_alignment="center", gap="small")
    head[0].button("", key=P + "layers_minus", on_click=_remove_layer, icon=":material/remove:",
                   help=t("playground.remove_layer"), disabled=not hidden, width="stretch")
    head[1].button("", key=P + "layers_plus", on_click=_add_layer, icon=":material/add:",
                   help=t("playground.add_layer"), disabled=len(hidden) >= pc.MAX_LAYERS, width="stretch")
    head[2].markdown(f"**{t('playground.hidden_layers', count=len(hidden))}**")
    if not hidden:
        st.caption(t("playground.no_hidden"))
        return
    # one column per hidden layer, centred over that layer in the diagram below; past three layers
    # the columns are too narrow for a picker, which then moves to a labelled grid under them
    compact = len(hidden) > COMPACT_AFTER_LAYERS
    cols = st.columns(charts.column_spans(len(hidden) + 2), gap="small")
    for i, units in enumerate(hidden):
        with cols[i + 1]:
            buttons = st.columns(2, gap="small")
            buttons[0].button("", key=P + f"units_minus/{i}", on_click=_change_units, args=(i, -1), icon=":material/remove:",
                              disabled=units <= 1, help=t("playground.remove_neuron", index=i + 1), width="stretch")
            buttons[1].button("", key=P + f"units_plus/{i}", on_click=_change_units, args=(i, 1), icon=":material/add:",
                              disabled=units >= pc.MAX_UNITS, help=t("playground.add_neuron", index=i + 1), width="stretch")
            if compact:
                st.caption(f"**{units}**")
            else:
                st.caption(t("playground.neurons", count=units))
                _layer_activation(i, label_visibility="collapsed")
    if compact:
        with st.expander(t("playground.layer_activations")):
            grid = st.columns(3)
            for i in range(len(hidden)):
                with grid[i % 3]:
                    _layer_activation(i)


def _layer_activation(i: int, **kwargs) -> None:
    _widget(st.selectbox, f"act/{i}", t("playground.layer_activation", index=i + 1), options=pc.ACTIVATIONS,
            format_func=lambda a: t(f"playground.act.{a}"), **kwargs)


def _labels():
    return (
        charts.BoundaryLabels(
            value=t("playground.chart.value"), klass=t("playground.chart.class"), train=t("playground.chart.train"),
            test=t("playground.chart.test"), target=t("playground.chart.target"),
        ),
        charts.NetworkLabels(
            input=t("playground.chart.input"), hidden=t("playground.chart.hidden", index="{index}"),
            output=t("playground.chart.output"), neuron=t("playground.chart.neuron", layer="{layer}", index="{index}"),
            bias=t("playground.chart.bias"), weight=t("playground.chart.weight"),
        ),
        charts.CurveLabels(
            epoch=t("playground.chart.epoch"), loss=t("playground.chart.loss"), accuracy=t("playground.chart.accuracy"),
            train_loss=t("playground.chart.train_loss"), test_loss=t("playground.chart.test_loss"),
            train_acc=t("playground.chart.train_acc"), test_acc=t("playground.chart.test_acc"),
            empty=t("playground.chart.no_epochs"),
        ),
    )


def _fmt(value, pattern: str = "{:.3f}") -> str:
    return "–" if value is None else pattern.format(value)


def _stats_html(items: list[tuple[str, str, str]], size: str = "1.55rem") -> str:
    """Label-over-number counters (name, label, value), compact for a narrow column, big enough for a projector."""
    cells = "".join(
        f'<div style="min-width:0"><div style="font-size:0.8rem;opacity:0.7;white-space:nowrap">{label}</div>'
        f'<div class="pg-{name}" style="font-size:{size};font-weight:600;font-variant-numeric:tabular-nums;'
        f'white-space:nowrap">{value}</div></div>'
        for name, label, value in items
    )
    return f'<div style="display:flex;gap:1.1rem;flex-wrap:wrap;align-items:flex-end">{cells}</div>'


def _status_html(*lines: str) -> str:
    style = ("font-size:0.8rem;opacity:0.7;line-height:1.3;white-space:nowrap;overflow:hidden;"
             "text-overflow:ellipsis")
    return "".join(f'<div class="pg-status" style="{style}">{line}</div>' for line in lines)


def _live_view(slots: Slots) -> None:
    """Epoch counter, losses, network diagram, decision map and curves from the worker's latest snapshot."""
    worker = _worker()
    worker.heartbeat()
    snap = worker.latest()
    config: pc.PlaygroundConfig = st.session_state[P + "trained_config"]
    data: toy.ToyData = st.session_state[P + "data"]
    payload = snap.payload
    if payload is None:  # no snapshot yet: take one here
        payload = _fallback_payload(worker, config)
        if payload is None:
            return
    history = snap.history

    def last(key):
        values = history.get(key) or []
        return values[-1] if values else None

    with slots.epoch:
        st.markdown(_stats_html([("epoch", t("playground.epoch"), f"{snap.epoch:07,}")], size="1.9rem"),
                    unsafe_allow_html=True)
        # Status and speed on two lines of their own that never wrap, so the toolbar keeps its height
        # when Play is pressed; a paused run trains nothing, so its last speed is not shown.
        status = "running" if worker.status == "running" else snap.status  # a snapshot can lag a command
        speed = f"{snap.samples_per_second:,.0f} {t('playground.per_second')}" if status == "running" else "&nbsp;"
        st.markdown(_status_html(t(f"playground.status.{status}"), speed), unsafe_allow_html=True)
    with slots.message:
        if snap.status == "diverged" and snap.message is not None:
            show_error(snap.message)
    with slots.stats:
        items = [("test-loss", t("playground.test_loss"), _fmt(last("test_loss"))),
                 ("train-loss", t("playground.train_loss"), _fmt(last("train_loss")))]
        if data.task == "classification":
            items.append(("test-acc", t("playground.test_acc"), _fmt(last("test_acc"), "{:.1%}")))
        st.markdown(_stats_html(items), unsafe_allow_html=True)

    boundary_labels, network_labels, curve_labels = _labels()
    v = _values()
    # One frame's scenes are built once per snapshot and settings: the fragment may poll faster
    # than the worker snapshots, and a repeated frame is neither rebuilt here nor repainted there.
    frame = (id(payload), snap.steps, snap.epoch, snap.seed, v["test"], v["discrete"], lang())
    cached = st.session_state.get(P + "frame")
    if cached is not None and cached[0] == frame:
        network, boundary, curves = cached[1]
    else:
        network, boundary, curves = _scenes(config, data, payload, history, v, network_labels, boundary_labels,
                                            curve_labels)
        st.session_state[P + "frame"] = (frame, (network, boundary, curves), payload)  # payload kept: id stays unique
    text_scale = PRESENT_TEXT_SCALE if presenting() else 1.0
    version = f"{text_scale}/{snap.seed}/{snap.steps}/{snap.epoch}/{id(payload)}/{v['test']}/{v['discrete']}/{lang()}"
    with slots.network:
        live_canvas(network, key=P + "network", version=version, text_scale=text_scale)
    with slots.boundary:
        live_canvas(boundary, key=P + "boundary", version=version, max_scale=1.6, text_scale=text_scale)
    with slots.curves:
        live_canvas(curves, key=P + "curves", version=version, text_scale=text_scale)
    if slots.hidden is not None:
        hidden_view.live(slots.hidden, payload, config, data, version, text_scale)


def _scenes(config, data, payload, history, v, network_labels, boundary_labels, curve_labels):
    """The three live scenes of one frame (pure chart builders; see playground/charts/playground_scene.py)."""
    network = scenes.network_scene(
        [feats.SYMBOLS[f] for f in config.features],
        grids.feature_maps(config.features, resolution=payload.neurons[0].shape[-1]), payload.neurons,
        payload.weights, config.activations + ("linear",), network_labels,
    )
    _, axis = grids.grid_points(toy.EXTENT, grids.DEFAULT_RESOLUTION)
    boundary = scenes.boundary_scene(
        axis, payload.decision, data.task, data.x_train, data.y_train,
        data.x_test if v["test"] else None, data.y_test if v["test"] else None,
        discretize=v["discrete"], labels=boundary_labels, value_range=data.value_range(),
    )
    return network, boundary, scenes.curves_scene(history, curve_labels)


def _csv_note(rejected: bool) -> None:
    data: toy.ToyData = st.session_state[P + "data"]
    if data.name != "csv":
        return
    kind = t("playground.csv_classes", count=data.n_classes) if data.task == "classification" else t("playground.csv_values")
    # After a refused file the points on screen are still the earlier file's: say so, by its name.
    note = "playground.csv_kept" if rejected else "playground.csv_loaded"
    st.caption(t(note, rows=len(data.x_train) + len(data.x_test), classes=kind, name=data.source))
    if data.class_names:
        st.caption(t("playground.csv_class_map", mapping=", ".join(f"{i} = {name}" for i, name in enumerate(data.class_names))))
    if data.scale != 1.0:
        st.caption(t("playground.csv_scaled", dx=f"{data.offset[0]:g}", dy=f"{data.offset[1]:g}", scale=f"{data.scale:.4g}"))


def _details(config: pc.PlaygroundConfig) -> None:
    data: toy.ToyData = st.session_state[P + "data"]
    specs = pc.network_specs(config, data)
    input_shape = (len(config.features),)
    summary, code, share, tips = st.tabs([
        t("playground.tab.summary"), t("playground.tab.code"), t("playground.tab.share"), t("playground.tab.tips"),
    ])
    with summary:
        st.markdown(t("playground.summary_intro"))
        infos = layers.validate(specs, input_shape)
        st.dataframe(
            pd.DataFrame({
                t("core.summary.layer"): [info.index for info in infos],
                t("core.summary.kind"): [t(f"core.kind.{info.kind}") for info in infos],
                t("core.summary.settings"): [layers.settings_text(info, lang()) for info in infos],
                t("core.summary.output"): [str(tuple(info.output_shape)) for info in infos],
                t("core.summary.params"): [info.params for info in infos],
            }),
            hide_index=True, key=P + "summary",
        )
        st.markdown(t("core.summary.total", params=f"{layers.total_params(infos):,}"))
    with code:
        snap = _worker().latest() if _worker() is not None else None
        epochs = getattr(snap, "epoch", 0) or 0  # the exported script trains as many epochs as this run has
        st.markdown(t("playground.code_intro") + " " + (t("playground.code_epochs", epochs=epochs) if epochs else
                    t("playground.code_epochs_default", epochs=export_code.DEFAULT_EPOCHS)))
        torch_tab, keras_tab = st.tabs(["PyTorch", "Keras 3"])
        with torch_tab:
            source = export_code.playground_script(config, data, epochs)
            st.code(source, language="python")
            st.download_button(t("playground.download_code"), source, file_name="playground_network.py",
                               mime="text/x-python", key=P + "download", icon=":material/download:")
        with keras_tab:
            st.caption(t("playground.keras_intro"))
            source = export_code.playground_script(config, data, epochs, framework="keras")
            st.code(source, language="python")
            st.download_button(t("playground.download_keras"), source, file_name="playground_network_keras.py",
                               mime="text/x-python", key=P + "download_keras", icon=":material/download:")
    with share:
        st.markdown(t("playground.share_intro"))
        copy_link(t, key=P + "share")  # the same link as the sidebar's: this page's settings and the shell's
    with tips:
        st.markdown(t("playground.tips"))


# --- page ---------------------------------------------------------------------------------------------

page_header("playground")
_init_from_url()
relabel_after_language_switch(P, [P + n for n in ("problem", "dataset", "act", "reg", "opt", "view")]
                              + [f"{P}act/{i}" for i in range(pc.MAX_LAYERS)])
for notice in st.session_state.pop(P + "notices", []):
    bad_param_notice(notice)

slots = Slots()
worker_before = _worker()
_toolbar(worker_before is not None and worker_before.status == "running", slots)
slots.message = st.container()
data_col, network_col, output_col = st.columns([1, 2.3, 1.6], gap="medium")
with data_col:
    _data_panel()
with network_col:
    _layer_editor()
    slots.network = st.container()
    st.caption(t("playground.diagram_help"))
    slots.curves = st.container()
with output_col:
    slots.stats = st.container()
    # In the presentation view the map comes first, so Play and the whole map fit on a 1280x720 screen.
    above, below = st.container(), st.container()
    with below if presenting() else above:
        toggles = st.columns(2, gap="small") if presenting() else (st.container(), st.container())
        with toggles[0]:
            _widget(st.toggle, "test", t("playground.show_test"))
        with toggles[1]:
            _widget(st.toggle, "discrete", t("playground.discretize"))
    with above if presenting() else below:
        slots.boundary = st.container()
    legend = st.empty()
    slots.hidden = hidden_view.panel(_widget, _values()["hidden"], _values()["view"])

config = _config()
with slots.message:
    csv, csv_rejected = _csv_table(config.problem) if config.dataset == "csv" else (None, False)
    if csv_rejected and csv is None:  # the refused file's sentence is shown; no second "upload a file"
        ok = _worker() is not None
    else:
        ok = _ensure_worker(config, csv)
    if ok:
        _start_again(worker_before)
if ok:
    data = st.session_state[P + "data"]
    legend.caption(t(
        "playground.legend_regression" if data.task == "regression"
        else "playground.legend_multi" if data.n_classes > 2 else "playground.legend_binary"
    ))
    with data_col:
        _csv_note(csv_rejected)
    running = _worker().status == "running"
    # The page reruns when the run stopped by itself (finished, diverged, idle), read from the worker's own
    # status, not the snapshot's: right after Play the snapshot can still say "paused", and rerunning the page
    # until it catches up competes with the very thread that must take it. It also reruns when the run trains
    # while the button above says Play (a CI run once saw the counter run on under "Play" after Pause): the
    # button must never say the opposite of what the run does.
    live_fragment(_live_view, running, POLL_SECONDS, slots, lesson_page="playground",
                  stopped=lambda: _worker().status != "running" or not st.session_state.get(P + "toolbar_running"))
    sync_query(pc.to_query(config))
    trained = st.session_state[P + "trained_config"]
    runs.observe(P, _worker(), rh.playground_settings(trained), trained)
    runs.section(P, _run_again, names={
        "dataset": lambda d: t(f"playground.dataset.{d}"), "opt": lambda o: t(f"core.optimizer.{o}"),
        "reg": lambda r: t(f"core.regularization.{r}"),
        "acts": lambda acts: ", ".join(t(f"playground.act.{a}") for a in acts),
    })
    _details(trained)

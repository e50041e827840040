"""MNIST: choose the digits, build a dense or convolutional network, train it live, look inside.

Thin page: widgets -> playground (datasets.mnist, layer_table, layers, mnist_presets, worker)
-> charts. The run lives in this session's background worker (ui.live); the live part is a
fragment that redraws the curves a few times a second while the worker trains. Inspection,
drawing and model files are in ui/mnist_inspect.py.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import streamlit as st

from playground import i18n, layer_table, layers, training
from playground import run_history as rh
from playground.charts import lesson_scene
from playground.charts import mnist as charts
from playground.datasets import mnist
from playground.errors import UserError
from playground.mnist_presets import (
    BATCH_SIZES, DEFAULT_PRESET, DEFAULTS, LEARNING_RATES, PRESETS, WEIGHT_DECAYS, default_config, make_trainer,
    ProgressSnapshot,
)
from playground.state import BadParam, Param
from playground.worker import TrainingWorker
from ui import mnist_inspect, runs
from ui.common import (
    bad_param_notice, kept_widget, lang, page_header, query_values, relabel_after_language_switch, show_error, sync_query, t,
)
from ui.live import live_fragment, session_worker, set_running
from ui.classroom import plotly_chart, presenting
from ui.live_canvas import PRESENT_TEXT_SCALE, live_canvas

P = "mnist/"
WORKER = P + "worker"
RUN = P + "run"
POLL_SECONDS = 0.1  # fastest live redraws while training (10 a second; slower when a class trains at once)
SNAPSHOT_SECONDS = 0.08  # fresher than the poll, so each redraw shows progress
NUMBER_COLUMNS = ("units", "kernel", "stride", "padding", "size", "rate")
PARAMS = [
    Param("preset", DEFAULT_PRESET, str, choices=tuple(PRESETS)),
    Param("data", "sample", str, choices=mnist.SOURCES),
    Param("val", int(round(DEFAULTS.validation * 100)), int, 5, 50, step=5),
    Param("opt", DEFAULTS.optimizer, str, choices=training.OPTIMIZERS),
    Param("lr", DEFAULTS.learning_rate, float, choices=LEARNING_RATES),
    Param("batch", DEFAULTS.batch_size, int, choices=BATCH_SIZES),
    Param("epochs", DEFAULTS.epochs, int, 1, 50),
    Param("wd", DEFAULTS.weight_decay, float, choices=WEIGHT_DECAYS),
    Param("seed", DEFAULTS.seed, int, 0, 999_999),
    # An edited layer table ("conv2d:8:3:1:1:relu,maxpool:2,flatten,dense:10"); absent: the preset's layers.
    Param("layers", (), parser=lambda raw: _link_layers(raw)),
]


# --- widget values that survive page switches (Streamlit drops them when a page is not shown) ---


def _labeller(template: str):
    """A format_func translating option v as key template.format(v) in the current language.

    The language is fixed when the widget is made: Streamlit (and AppTest) may call a
    format_func outside the script run, where the session's language cannot be read.
    """
    code = lang()
    return lambda value: i18n.text(template.format(value), code)


def _layer_names(rows: list[dict]):
    kind = _labeller("core.kind.{}")
    return lambda i: f"{i + 1}: {kind(rows[i]['kind'])}" if rows[i].get("kind") in layers.LAYER_KINDS else str(i + 1)


def _saved() -> dict:
    return st.session_state.setdefault(P + "saved", {})


def _widget(draw, name: str, default, **kwargs):
    return kept_widget(draw, P + name, default, _saved(), **kwargs)


def _set(name: str, value) -> None:
    """Set a widget's value from a callback (before the widget is drawn) and remember it."""
    st.session_state[P + name] = value
    _saved()[P + name] = value


# --- data ---------------------------------------------------------------------------------------


@st.cache_resource(max_entries=6, show_spinner=False)
def _load_split(source: str, folder: str, validation: int, downloaded: bool) -> mnist.MnistSplit:
    """Read-only digits shared by every session (`downloaded` keys the sample's choice of test set)."""
    return mnist.load(source, folder or None, validation / 100, seed=0)


@st.cache_resource(max_entries=6, show_spinner=False)
def _split_inputs(source: str, folder: str, validation: int, downloaded: bool) -> tuple[np.ndarray, np.ndarray]:
    """The split's training and validation digits as network inputs, read-only, shared by every session."""
    split = _load_split(source, folder, validation, downloaded)
    arrays = (mnist.to_input(split.train.images), mnist.to_input(split.validation.images))
    for array in arrays:
        array.setflags(write=False)
    return arrays


def _download() -> None:
    bar = st.progress(0.0, text=t("mnist.data.downloading", file="", done=0, total=0))

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(min(done / total, 1.0), text=t("mnist.data.downloading", file=name, done=done // 2**20 or 0, total=total // 2**20))

    try:
        mnist.download(progress=progress)
        bar.empty()
        st.session_state[P + "download_msg"] = ("success", t("mnist.data.downloaded", folder=str(mnist.cache_dir())))
    except UserError as error:
        bar.empty()
        st.session_state[P + "download_msg"] = ("error", error)


def _data_section(values: dict) -> mnist.MnistSplit:
    """Source, validation share, download/folder controls; the split (the last good one on error)."""
    st.header(t("mnist.data.header"))
    left, right = st.columns([2.2, 1])
    with left:
        source = _widget(
            st.radio, "data", values["data"], label=t("mnist.data.source"), options=mnist.SOURCES,
            format_func=_labeller("mnist.source.{}"), horizontal=True,
        )
    with right:
        validation = _widget(
            st.slider, "val", values["val"], label=t("mnist.data.validation"), min_value=5, max_value=50, step=5,
            format="%d%%", help=t("mnist.data.validation_help"),
        )
    folder = ""
    downloaded = mnist.is_downloaded()
    if source == "full":
        cols = st.columns([1, 2.2], vertical_alignment="center")
        if cols[0].button(t("mnist.data.download"), icon=":material/download:", disabled=downloaded, key=P + "download"):
            with cols[1]:
                _download()
            downloaded = mnist.is_downloaded()
        cols[1].caption(t("mnist.data.cache", folder=str(mnist.cache_dir()), env=mnist.ENV_DIR))
    elif source == "folder":
        folder = _widget(st.text_input, "folder", "", label=t("mnist.data.folder"), placeholder="/path/to/mnist",
                         help=t("mnist.data.folder_help", root=str(mnist.data_root()), env=mnist.ENV_ROOT))
    message = st.session_state.pop(P + "download_msg", None)
    if message is not None:
        # A statement, not a conditional expression: Streamlit's "magic" would print the None show_error returns.
        if message[0] == "success":
            st.success(message[1])
        else:
            show_error(message[1])

    args = (source, folder.strip(), int(validation), downloaded)
    try:
        split = _load_split(*args)
        st.session_state[P + "split_args"] = args
    except UserError as error:
        show_error(error)
        fallback = st.session_state.get(P + "split_args") or ("sample", "", int(validation), downloaded)
        if fallback[0] != "sample":
            st.info(t("mnist.data.kept"))
        else:
            st.info(t("mnist.data.using_sample"))
        split = _load_split(*fallback)
    test_note = t(f"mnist.data.test_{split.test_source}")
    st.caption(
        t("mnist.data.summary", source=t(f"mnist.source.{split.source}"), train=f"{len(split.train):,}",
          validation=f"{len(split.validation):,}", test=f"{len(split.test):,}") + " " + test_note
    )
    with st.expander(t("mnist.data.peek")):
        shown = split.train.take(np.random.default_rng(0).choice(len(split.train), min(24, len(split.train)), replace=False))
        plotly_chart(
            charts.digit_grid_figure(shown.images, [str(label) for label in shown.labels], columns=12),
            key=P + "peek", config={"displayModeBar": False},
        )
    return split


# --- model builder --------------------------------------------------------------------------------


def _rows_version() -> int:
    return st.session_state.setdefault(P + "rows_version", 0)


def _editor_key() -> str:
    return f"{P}layers{_rows_version()}/{lang()}"


def _set_rows(specs: list[dict]) -> None:
    """Replace the table (and so the network) with `specs`; the editor starts afresh."""
    st.session_state[P + "rows"] = layer_table.specs_to_rows(specs)
    st.session_state[P + "rows_version"] = _rows_version() + 1
    st.session_state[P + "specs"] = [dict(s) for s in specs]
    st.session_state.pop(P + "rows_edited", None)


def _preset_changed() -> None:
    _saved()[P + "preset"] = st.session_state[P + "preset"]
    _set_rows(PRESETS[st.session_state[P + "preset"]])


def _column_config() -> dict:
    kinds = layers.LAYER_KINDS
    return {
        "kind": st.column_config.SelectboxColumn(
            t("mnist.model.col.kind"), options=kinds, format_func=_labeller("core.kind.{}"), required=True,
            default="dense", width="medium",
        ),
        # Columns with a long header size to it (no width): "small" cut "Units / filters" and "Dropout rate".
        "units": st.column_config.NumberColumn(t("mnist.model.col.units"), min_value=1, step=1, format="%d",
                                               help=t("mnist.model.col.units_help")),
        "kernel": st.column_config.NumberColumn(t("mnist.model.col.kernel"), min_value=1, step=1, format="%d", width="small"),
        "stride": st.column_config.NumberColumn(t("mnist.model.col.stride"), min_value=1, step=1, format="%d", width="small"),
        "padding": st.column_config.NumberColumn(t("mnist.model.col.padding"), min_value=0, step=1, format="%d"),
        "size": st.column_config.NumberColumn(t("mnist.model.col.size"), min_value=1, step=1, format="%d"),
        "rate": st.column_config.NumberColumn(t("mnist.model.col.rate"), min_value=0.0, max_value=0.95, step=0.05,
                                              format="%.2f"),
        # A row added in the editor starts with ReLU (as layer_table.NEW_ROW), not a blank cell that would
        # quietly make the layer linear.
        "activation": st.column_config.SelectboxColumn(t("mnist.model.col.activation"), options=layers.LAYER_ACTIVATIONS,
                                                       default=layer_table.NEW_ROW["activation"]),
    }


def _summary_frame(infos: list[layers.LayerInfo]) -> pd.DataFrame:
    return pd.DataFrame({
        t("core.summary.layer"): [info.index for info in infos],
        t("core.summary.kind"): [t(f"core.kind.{info.kind}") for info in infos],
        t("core.summary.settings"): [layers.settings_text(info, lang()) for info in infos],
        t("core.summary.output"): ["×".join(map(str, info.output_shape)) for info in infos],
        t("core.summary.params"): [f"{info.params:,}" for info in infos],
    })


def _link_layers(raw: str) -> list[dict]:
    """The layer table a link names, if the page would train it (checked as an edited table is); else ValueError."""
    specs = layer_table.from_text(raw)
    _check_network(specs)  # a UserError is a ValueError: the link's notice, and the preset stays
    return specs


def _check_network(specs: list[dict]) -> list[layers.LayerInfo]:
    infos = layers.validate(specs, mnist.IMAGE_SHAPE)
    if infos[-1].output_shape != (10,):
        raise UserError("mnist.model.needs_10", shape="×".join(map(str, infos[-1].output_shape)))
    return infos


def _model_section(values: dict) -> list[dict]:
    """Preset, the editable layer table, move buttons, the shape table; returns the last valid network."""
    st.header(t("mnist.model.header"))
    if P + "rows" not in st.session_state:
        _set_rows(PRESETS[_saved().get(P + "preset", values["preset"])])
    st.session_state.setdefault(P + "specs", PRESETS[_saved().get(P + "preset", values["preset"])])
    if _editor_key() not in st.session_state and P + "rows_edited" in st.session_state:
        # Back on this page, or in the other language (the editor is keyed by it so its layer kinds are
        # shown in that language): the editor widget is new, the edited rows are not.
        st.session_state[P + "rows"] = st.session_state.pop(P + "rows_edited")
        st.session_state[P + "rows_version"] = _rows_version() + 1
    top = st.columns([1.3, 2.7], vertical_alignment="bottom")
    with top[0]:
        _widget(st.selectbox, "preset", values["preset"], label=t("mnist.model.preset"), options=tuple(PRESETS),
                format_func=_labeller("mnist.preset.{}"), on_change=_preset_changed)
    # Read from the kept settings, not the widget's key: a teacher (or a lesson step) may hide the preset box.
    top[1].caption(t(f"mnist.preset.{_saved()[P + 'preset']}.about"))

    frame = pd.DataFrame(st.session_state[P + "rows"], columns=layer_table.COLUMNS)
    frame = frame.astype({column: "float64" for column in NUMBER_COLUMNS})
    edited = st.data_editor(
        frame, key=_editor_key(), num_rows="dynamic", hide_index=True,
        column_config=_column_config(), width="stretch", placeholder="–",
    )
    rows = [row for row in edited.to_dict("records") if not all(_blank(row.get(c)) for c in layer_table.COLUMNS)]
    st.session_state[P + "rows_edited"] = rows
    st.caption(t("mnist.model.editor_help"))
    if rows:
        chosen = st.session_state.get(P + "move_which", 0)
        if not isinstance(chosen, int) or not 0 <= chosen < len(rows):
            # The layer list changed under the widget (the browser may then hand back a stale label).
            st.session_state[P + "move_which"] = min(chosen, len(rows) - 1) if isinstance(chosen, int) else 0
        move = st.columns([1.6, 1, 1], vertical_alignment="bottom")
        which = move[0].selectbox(
            t("mnist.model.move"), options=list(range(len(rows))), key=P + "move_which",
            format_func=_layer_names(rows),
        )
        for col, label, icon, offset in ((move[1], "mnist.model.up", ":material/arrow_upward:", -1),
                                         (move[2], "mnist.model.down", ":material/arrow_downward:", 1)):
            col.button(t(label), icon=icon, key=f"{P}move{offset}", width="stretch", on_click=_move_layer,
                       args=(rows, which, offset))
    specs = layer_table.rows_to_specs(rows)
    try:
        infos = _check_network(specs)
        # Said here, as the table is edited: the memory one step of it needs at the batch size chosen below.
        layers.check_step_memory(specs, mnist.IMAGE_SHAPE, int(_saved().get(P + "batch", values["batch"])),
                                 str(_saved().get(P + "opt", values["opt"])))
        st.session_state[P + "specs"] = specs
    except UserError as error:
        show_error(error)
        st.info(t("mnist.model.kept"))
        infos = _check_network(st.session_state[P + "specs"])
    st.dataframe(_summary_frame(infos), hide_index=True, width="stretch")
    st.caption(t("core.summary.total", params=f"{layers.total_params(infos):,}"))
    return st.session_state[P + "specs"]


def _move_layer(rows: list[dict], which: int, offset: int) -> None:
    specs = layer_table.rows_to_specs(layer_table.move(rows, which, offset))
    st.session_state[P + "rows"] = layer_table.specs_to_rows(specs)
    st.session_state[P + "rows_version"] = _rows_version() + 1
    st.session_state.pop(P + "rows_edited", None)
    st.session_state[P + "move_which"] = min(max(which + offset, 0), len(rows) - 1)


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or (isinstance(value, str) and not value.strip())


# --- training settings ------------------------------------------------------------------------------


def _settings_section(values: dict) -> tuple[training.TrainConfig, int]:
    st.header(t("mnist.train.header"))
    row = st.columns(4)
    with row[0]:
        optimizer = _widget(st.selectbox, "opt", values["opt"], label=t("mnist.train.optimizer"),
                            options=training.OPTIMIZERS, format_func=_labeller("core.optimizer.{}"),
                            help=t("mnist.train.optimizer_help"))
    with row[1]:
        lr = _widget(st.select_slider, "lr", values["lr"], label=t("mnist.train.lr"), options=LEARNING_RATES,
                     format_func=lambda v: f"{v:g}", help=t("mnist.train.lr_help"))
    with row[2]:
        batch = _widget(st.select_slider, "batch", values["batch"], label=t("mnist.train.batch"), options=BATCH_SIZES,
                        help=t("mnist.train.batch_help"))
    with row[3]:
        epochs = _widget(st.slider, "epochs", values["epochs"], label=t("mnist.train.epochs"), min_value=1,
                         max_value=50, help=t("mnist.train.epochs_help"))
    row = st.columns(4)
    with row[0]:
        decay = _widget(st.select_slider, "wd", values["wd"], label=t("mnist.train.decay"), options=WEIGHT_DECAYS,
                        format_func=lambda v: f"{v:g}", help=t("mnist.train.decay_help"))
    with row[1]:
        seed = _widget(st.number_input, "seed", values["seed"], label=t("mnist.train.seed"), min_value=0,
                       max_value=999_999, step=1, help=t("mnist.train.seed_help"))
    devices = training.available_devices()
    labels = dict(devices)
    with row[2]:
        device = _widget(st.selectbox, "device", devices[0][0], label=t("mnist.train.device"), options=list(labels),
                         format_func=lambda d: labels.get(d, d), help=t("mnist.train.device_help"))
    if device not in labels:  # a device remembered from before is gone
        device = devices[0][0]
    config = default_config(device=device, optimizer=optimizer, learning_rate=float(lr), batch_size=int(batch),
                            weight_decay=float(decay), seed=int(seed))
    return config, int(epochs)


# --- runs -----------------------------------------------------------------------------------------


def start_run(specs: list[dict], config: training.TrainConfig, epochs: int, split: mnist.MnistSplit,
              state: dict | None = None, normalisation: tuple[float, float] = (mnist.MEAN, mnist.STD),
              play: bool = True, note: dict | None = None, history: dict | None = None) -> None:
    """Replace this session's run with a new worker (UserError, old run kept, if it cannot be built)."""
    args = st.session_state.get(P + "split_args")
    shared = None
    if args is not None and _load_split(*args) is split and normalisation == (mnist.MEAN, mnist.STD):
        shared = _split_inputs(*args)

    def make(seed: int):
        trainer = make_trainer(specs, dataclasses.replace(config, seed=seed), split.train, split.validation,
                               normalisation, inputs=shared)
        if state is not None:
            trainer.load_state_dict(state)
        if history:  # a loaded model file: its epochs and curves go on from where it was saved
            trainer.continue_history(history)
        return trainer

    run_id = st.session_state.get(P + "run_counter", 0) + 1
    worker = session_worker(
        WORKER,
        lambda: TrainingWorker(make, snapshot=ProgressSnapshot(), snapshot_interval=SNAPSHOT_SECONDS,
                               max_epochs=epochs, seed=config.seed),
        signature=run_id,
    )
    st.session_state[P + "run_counter"] = run_id
    st.session_state[RUN] = {
        "id": run_id, "specs": [dict(s) for s in specs], "config": config, "epochs": epochs, "split": split,
        "normalisation": normalisation, "note": note,
        "first_epoch": len((history or {}).get("epoch") or []),  # a loaded model's epochs were timed elsewhere
    }
    if play:
        worker.play()


def _pause_resume(run: bool) -> None:
    set_running(st.session_state.get(WORKER), run)


def _stop() -> None:
    worker = st.session_state.get(WORKER)
    if worker is not None:
        worker.stop()


def _controls(specs: list[dict], config: training.TrainConfig, epochs: int, split: mnist.MnistSplit) -> None:
    worker = st.session_state.get(WORKER)
    run = st.session_state.get(RUN)
    same_run = run is not None and worker is not None and run["specs"] == specs and run["config"] == config \
        and run["split"] is split
    if same_run and run["epochs"] != epochs and worker.status in ("paused", "finished", "running"):
        # Before the buttons are drawn: more epochs turn a finished run into a paused one that Resume continues.
        worker.set_max_epochs(epochs)
        run["epochs"] = epochs
    status = worker.status if worker is not None else None
    cols = st.columns([1.3, 1, 1, 2.4], vertical_alignment="center")
    if cols[0].button(t("mnist.live.train"), icon=":material/model_training:", type="primary", key=P + "train",
                      width="stretch", help=t("mnist.live.train_help")):
        try:
            start_run(specs, config, epochs, split)
            st.rerun()
        except UserError as error:
            show_error(error)
    resumable = status in ("paused", "running", "diverged")
    cols[1].button(
        t("mnist.live.pause") if status == "running" else t("mnist.live.resume"), key=P + "pause",
        icon=":material/pause:" if status == "running" else ":material/play_arrow:", disabled=not resumable,
        on_click=_pause_resume, args=(status != "running",), width="stretch",
    )
    cols[2].button(t("mnist.live.stop"), icon=":material/stop:", key=P + "stop", disabled=status not in ("paused", "running"),
                   on_click=_stop, width="stretch", help=t("mnist.live.stop_help"))
    if run is not None and worker is not None and not same_run:
        cols[3].caption(t("mnist.live.changed"))


def _device_label(device: str) -> str:
    labels = dict(training.available_devices())
    return labels.get(device, labels.get(f"{device}:0", device))


def _stopped() -> bool:
    """The run ended or paused by itself, and its last snapshot is in: the whole page redraws once (test
    accuracy, inspection). The worker's own status too: a short run can end before the view ever saw a
    "running" snapshot."""
    worker: TrainingWorker | None = st.session_state.get(WORKER)
    return worker is None or (worker.status != "running" and worker.latest().status != "running")


def _live_view() -> None:
    """Progress, speed and curves from the worker's latest snapshot (a fragment while training)."""
    worker: TrainingWorker | None = st.session_state.get(WORKER)
    run = st.session_state.get(RUN)
    if worker is None or run is None:
        st.info(t("mnist.live.none"))
        return
    worker.heartbeat()
    snap = worker.latest()
    status = snap.status
    running = status == "running"
    epoch_now = min(snap.epoch + (1 if running or snap.epoch_progress > 0 else 0), run["epochs"])
    st.progress(
        1.0 if status == "finished" else min(max(snap.epoch_progress, 0.0), 1.0),
        text=t("mnist.live.progress", epoch=max(epoch_now, 1), epochs=run["epochs"], status=t(f"core.status.{status}")),
    )
    history = snap.history
    last_val = next((v for v in reversed(history.get("test_acc", [])) if v is not None), None)
    device = snap.payload.device if snap.payload is not None else str(worker.trainer.device)
    metrics = st.columns(3)
    metrics[0].metric(t("mnist.live.epochs_done"), f"{snap.epoch} / {run['epochs']}")
    metrics[1].metric(t("mnist.live.speed"), f"{snap.samples_per_second:,.0f}" if running else "–",
                      help=t("mnist.live.speed_help"))
    metrics[2].metric(t("mnist.live.val_acc"), "–" if last_val is None else f"{last_val:.1%}")
    st.caption(t("mnist.live.device_line", device=_device_label(device)))
    if snap.message is not None:
        show_error(snap.message)
    payload = snap.payload
    trail = (payload.trail_x, payload.trail_loss, payload.trail_acc) if payload is not None else None
    labels = {
        "loss": t("mnist.live.loss"), "accuracy": t("mnist.live.accuracy"), "epoch": t("mnist.live.epoch"),
        "train": t("mnist.live.train_set"), "validation": t("mnist.live.validation_set"),
        "running": t("mnist.live.running"),
    }
    if running:  # painted on the page's canvas several times a second; Plotly (with hover) once it stops
        live_canvas(lesson_scene.mnist_curves_scene(history, labels, trail=trail, max_epoch=run["epochs"]),
                    key=P + "curves", version=f"{snap.steps}/{snap.epoch}/{lang()}/{presenting()}",
                    text_scale=PRESENT_TEXT_SCALE if presenting() else 1.0)
    else:
        plotly_chart(charts.curves_figure(history, labels, trail=trail, max_epoch=run["epochs"]),
                        key=P + "curves", config={"displayModeBar": False})


def _test_accuracy() -> None:
    """Test accuracy, once a run has ended: the test digits' only use besides inspection."""
    worker: TrainingWorker | None = st.session_state.get(WORKER)
    run = st.session_state.get(RUN)
    # The test digits are read once a run has ended, and for a model loaded from a file (paused, not yet trained
    # on here): the teacher who loads one must see what it is.
    loaded = run is not None and (run.get("note") or {}).get("loaded") and worker is not None and worker.status == "paused"
    if worker is None or run is None or (worker.status not in ("finished", "stopped") and not loaded):
        return
    with worker.lock:
        key = (run["id"], worker.trainer.steps)
        if run.get("test_key") != key:
            test = run["split"].test
            x = mnist.to_input(test.images, *run["normalisation"])
            run["test_acc"] = worker.trainer.evaluate(x, test.labels)[1]
            run["test_key"] = key
    st.success(t("mnist.live.test_acc", accuracy=f"{run['test_acc']:.2%}", n=f"{len(run['split'].test):,}")
               + " " + t(f"mnist.data.test_{run['split'].test_source}"))


# --- compare runs (ui/runs.py) ----------------------------------------------------------------------


def _run_settings(run: dict) -> tuple[list, dict]:
    """A run's settings for Compare runs and what Run again needs (no digits: the source is named)."""
    split = run["split"]
    data = (split.source, round(100 * len(split.validation) / max(len(split.train) + len(split.validation), 1)))
    restore = {"specs": run["specs"], "config": run["config"], "epochs": run["epochs"], "data": data}
    return rh.mnist_settings(run["specs"], run["config"], data), restore


def _run_again(run: rh.Run) -> None:
    """Run again: the run's network and settings back into the widgets; the page run starts it."""
    restore = run.restore
    config: training.TrainConfig = restore["config"]
    for name, value in (("data", restore["data"][0]), ("val", restore["data"][1]), ("opt", config.optimizer),
                        ("lr", config.learning_rate), ("batch", config.batch_size),
                        ("epochs", max(restore["epochs"], run.epochs)), ("wd", config.weight_decay),
                        ("seed", config.seed), ("device", str(config.device))):
        _set(name, value)
    _set_rows(restore["specs"])
    st.session_state[P + "run_again"] = True


def _network_name(key: tuple) -> str:
    for name, specs in PRESETS.items():
        if rh.network_key(specs) == key:
            return t(f"mnist.preset.{name}")
    kind_name = _labeller("core.kind.{}")
    return " → ".join(f"{kind_name(kind)} {size:g}" if isinstance(size, (int, float)) else kind_name(kind)
                      for kind, size, *_ in key if kind != "flatten")


def _apply_pending() -> None:
    """Settings of a model file loaded on the previous run, put into the widgets before they are drawn."""
    for name, value in st.session_state.pop(P + "pending", {}).items():
        _set(name, value)


# --- page -----------------------------------------------------------------------------------------

page_header("mnist")
first_visit = P + "url" not in st.session_state
values = query_values(PARAMS, P + "url")
if first_visit and values["layers"]:
    try:  # the link's own table, in place of its preset's, if one step of it fits the server's memory
        layers.check_step_memory(values["layers"], mnist.IMAGE_SHAPE, values["batch"], values["opt"])
        _set_rows(values["layers"])
    except UserError:
        bad_param_notice(BadParam("layers", str(st.query_params.get("layers", "")), values["preset"]))
relabel_after_language_switch(P, [P + n for n in ("data", "preset", "opt", "move_which")])
_apply_pending()
split = _data_section(values)
specs = _model_section(values)
config, epochs = _settings_section(values)

st.header(t("mnist.live.header"))
if st.session_state.pop(P + "run_again", False):  # Compare runs' Run again: its settings are in the widgets now
    try:
        start_run(specs, config, epochs, split)
    except UserError as error:
        show_error(error)
_controls(specs, config, epochs, split)
worker = st.session_state.get(WORKER)
if worker is not None and st.session_state.get(RUN) is not None:
    runs.observe(P, worker, *_run_settings(st.session_state[RUN]), first_epoch=st.session_state[RUN].get("first_epoch", 0))
running = worker is not None and worker.status == "running"
live_fragment(_live_view, running, POLL_SECONDS, stopped=_stopped, lesson_page="mnist")
_test_accuracy()
runs.section(P, _run_again, held_out="validation", names={
    "source": lambda s: t(f"mnist.source.{s}"), "opt": lambda o: t(f"core.optimizer.{o}"), "network": _network_name,
    "device": _device_label, "val": lambda v: f"{v}",
})

mnist_inspect.inspect_section(st.session_state.get(WORKER), st.session_state.get(RUN))
mnist_inspect.draw_section()
mnist_inspect.files_section(specs, config, epochs, split, start_run, _set_rows)

sync_query({
    "preset": _saved()[P + "preset"], "data": _saved()[P + "data"], "val": _saved()[P + "val"],
    "opt": config.optimizer, "lr": config.learning_rate, "batch": config.batch_size, "epochs": epochs,
    "wd": config.weight_decay, "seed": config.seed,
    # the table only when it is not the preset's: a preset link stays short
    **({"layers": layer_table.to_text(specs)}
       if layer_table.to_text(specs) != layer_table.to_text(PRESETS[_saved()[P + "preset"]]) else {}),
})

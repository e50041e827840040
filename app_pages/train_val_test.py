"""Train, validation and test: a network too large for a small noisy data set, trained live.

Thin by design: widgets -> OverfitConfig -> (three-way split, background worker running a
RecordingTrainer) from playground.overfitting -> charts from playground.charts.lessons. The live
part is a fragment that polls the worker's latest records a few times a second while it trains.
"""

from __future__ import annotations

import random
from dataclasses import replace

import streamlit as st

from playground import grids, training
from playground import overfitting as of
from playground import run_history as rh
from playground.charts import lesson_scene
from playground.charts import lessons as charts
from playground.datasets import toy
from playground.errors import UserError
from playground.state import Param
from playground.worker import TrainingWorker
from ui.common import explain, lang, page_header, query_values, show_error, shown_widget, sync_query, t
from ui.live import controls, live_fragment, session_worker, status_line
from ui import runs
from ui.classroom import plotly_chart, presenting
from ui.live_canvas import PRESENT_TEXT_SCALE, live_canvas

P = "splits/"  # session-state namespace of this page
WORKER = P + "worker"
POLL_SECONDS = 0.1  # up to 10 redraws a second while training (the canvas paints in about a millisecond)
SNAPSHOT_SECONDS = 0.05  # fresher than the poll, so each redraw shows progress
SPEEDS = {"slow": 10.0, "normal": 30.0, "fast": None}  # epochs a second (None: flat out)
EPOCHS = (60, 100, 200, 300, 500, 1000)
L2_RATES = (0.0003, 0.001, 0.003, 0.01, 0.03)
DROPOUT_RATES = (0.1, 0.2, 0.3, 0.5)
MIN_POINTS, MAX_POINTS = 40, 1000
MAP_RESOLUTION = 80
DEFAULT = of.OverfitConfig()
EMPTY = of.EpochRecords((), (), (), (), ())

URL_PARAMS = [
    Param("data", DEFAULT.dataset, str, choices=of.DATASETS),
    Param("noise", DEFAULT.noise, int, 0, toy.MAX_NOISE, step=5),
    Param("points", DEFAULT.points, int, MIN_POINTS, MAX_POINTS, step=20),
    Param("train", DEFAULT.train_percent, int, 5, 90, step=5),
    Param("val", DEFAULT.val_percent, int, 5, 90, step=5),
    Param("size", DEFAULT.size, str, choices=tuple(of.SIZES)),
    Param("l2", DEFAULT.l2, bool),
    Param("l2_rate", DEFAULT.l2_rate, float, choices=L2_RATES),
    Param("dropout", DEFAULT.dropout, bool),
    Param("dropout_rate", DEFAULT.dropout_rate, float, choices=DROPOUT_RATES),
    Param("epochs", DEFAULT.epochs, int, choices=EPOCHS),
    Param("speed", "normal", str, choices=tuple(SPEEDS)),
    Param("seed", DEFAULT.data_seed, int, 0, 10**6),
]
TRANSLATED = ("data", "size", "speed")  # select boxes whose labels follow the language
SAVED = ("data", "noise", "points", "split", "size", "l2", "l2_rate", "dropout", "dropout_rate", "epochs", "speed", "seed")


# ---------------------------------------------------------------- settings that survive page switches


def init_widgets() -> None:
    """Seed every widget from this session's last values, else the link, else the defaults."""
    url = query_values(URL_PARAMS, P + "url")
    start = {k: v for k, v in url.items() if k not in ("train", "val")}
    train, val = url["train"], url["val"]
    if train + val > 95:  # both are valid alone but leave no test data: back to the default split
        train, val = DEFAULT.train_percent, DEFAULT.val_percent
    start["split"] = (train, train + val)
    saved = st.session_state.setdefault(P + "saved", {})
    for key, value in {**start, **saved}.items():
        st.session_state.setdefault(P + key, value)
    if st.session_state.get(P + "lang") != lang():
        for key in TRANSLATED:
            st.session_state[P + key] = st.session_state[P + key]
        st.session_state[P + "lang"] = lang()


def save() -> None:
    """Remember every setting for the next visit (widgets forget theirs when the page is left)."""
    # A control the teacher hid has no widget, and Streamlit may have dropped its value: keep the saved one.
    saved = st.session_state.get(P + "saved", {})
    st.session_state[P + "saved"] = {name: st.session_state.get(P + name, saved.get(name)) for name in SAVED
                                     if P + name in st.session_state or name in saved}


def new_points() -> None:
    st.session_state[P + "seed"] = random.randrange(10**6)
    save()


def show_epoch(which: str) -> None:
    st.session_state[P + "epoch"] = st.session_state[P + "epoch_" + which]


def reveal(run_id) -> None:
    st.session_state[P + "revealed"] = run_id
    st.session_state[P + "looks"] = st.session_state.get(P + "looks", 0) + 1


# ---------------------------------------------------------------- settings panels


def data_panel() -> None:
    st.subheader(t("splits.data.header"))
    cols = st.columns([1.2, 1, 1, 0.8], vertical_alignment="bottom")
    shown_widget(cols[0].selectbox, P + "data", t("splits.dataset"), of.DATASETS, on_change=save,
                      format_func=lambda d: t(f"classic.dataset.{d}"))
    shown_widget(cols[1].slider, P + "noise", t("splits.noise"), 0, toy.MAX_NOISE, step=5, on_change=save,
                 help=t("splits.noise_help"))
    shown_widget(cols[2].slider, P + "points", t("splits.points"), MIN_POINTS, MAX_POINTS, step=20, on_change=save,
                   help=t("splits.points_help"))
    cols[3].button(t("splits.new_data"), key=P + "new", on_click=new_points, icon=":material/shuffle:",
                   help=t("splits.new_data_help"), width="stretch")
    shown_widget(st.slider, P + "split", t("splits.split"), 0, 100, step=5, on_change=save, help=t("splits.split_help"))


def split_explained(sizes: of.SplitSizes) -> None:
    labels = charts.SplitLabels(train=t("splits.part.train"), validation=t("splits.part.validation"),
                                test=t("splits.part.test"), examples=t("splits.part.examples"))
    plotly_chart(charts.split_bar(sizes.train, sizes.validation, sizes.test, labels), key=P + "split_bar",
                    config={"displayModeBar": False, "staticPlot": True}, width="stretch")
    cols = st.columns(3, gap="medium")
    cols[0].markdown(t("splits.purpose.train", count=sizes.train))
    cols[1].markdown(t("splits.purpose.validation", count=sizes.validation))
    cols[2].markdown(t("splits.purpose.test", count=sizes.test))


def network_panel() -> None:
    st.subheader(t("splits.network.header"))
    cols = st.columns([1.6, 1.2, 1.2], vertical_alignment="bottom", gap="medium")
    shown_widget(cols[0].selectbox, P + "size", t("splits.size"), tuple(of.SIZES), on_change=save, help=t("splits.size_help"),
                      format_func=lambda s: t(f"splits.size.{s}"))
    shown_widget(cols[1].select_slider, P + "epochs", t("splits.epochs"), EPOCHS, on_change=save)
    shown_widget(cols[2].selectbox, P + "speed", t("splits.speed"), tuple(SPEEDS), on_change=save, help=t("splits.speed_help"),
                      format_func=lambda s: t(f"splits.speed.{s}"))
    cols = st.columns([0.8, 1, 0.8, 1], vertical_alignment="center", gap="medium")
    shown_widget(cols[0].toggle, P + "l2", t("splits.l2"), on_change=save, help=t("splits.l2_help"))
    shown_widget(cols[1].select_slider, P + "l2_rate", t("splits.l2_rate"), L2_RATES, on_change=save,
                          disabled=not st.session_state[P + "l2"], format_func=lambda r: f"{r:g}")
    shown_widget(cols[2].toggle, P + "dropout", t("splits.dropout"), on_change=save, help=t("splits.dropout_help"))
    shown_widget(cols[3].select_slider, P + "dropout_rate", t("splits.dropout_rate"), DROPOUT_RATES, on_change=save,
                          disabled=not st.session_state[P + "dropout"], format_func=lambda r: f"{r:g}")


def current_config() -> of.OverfitConfig:
    s = st.session_state
    low, high = s[P + "split"]
    return of.OverfitConfig(
        dataset=s[P + "data"], points=s[P + "points"], noise=s[P + "noise"], train_percent=low,
        val_percent=high - low, size=s[P + "size"], l2=s[P + "l2"], l2_rate=s[P + "l2_rate"], dropout=s[P + "dropout"],
        dropout_rate=s[P + "dropout_rate"], epochs=s[P + "epochs"], epochs_per_second=SPEEDS[s[P + "speed"]],
        data_seed=s[P + "seed"],
    )


# ---------------------------------------------------------------- the worker


def signature(config: of.OverfitConfig):
    """What needs a new run: everything but the pace and the number of epochs."""
    return replace(of.config_signature(config), epochs=0)


def snapshot_records(trainer: of.RecordingTrainer) -> of.EpochRecords:
    return trainer.records()


def ensure_worker(config: of.OverfitConfig) -> TrainingWorker | None:
    """This session's worker for `config` (a new one when the settings changed); None if none can be made.

    A setting that cannot be used (a split leaving a part empty) shows its sentence and keeps the
    previous run on screen. The curves of a replaced run are kept as "the previous run".
    """
    sig = signature(config)
    old = st.session_state.get(WORKER)
    pace = st.session_state.setdefault(P + "pace", {"eps": config.epochs_per_second})
    pace["eps"] = config.epochs_per_second
    if old is not None and old.alive and st.session_state.get(WORKER + "/signature") == sig:
        old.trainer.epochs_per_second = pace["eps"]  # read by the trainer once an epoch: no restart
        if st.session_state.get(P + "applied_epochs") != config.epochs:
            old.set_max_epochs(config.epochs)
            st.session_state[P + "applied_epochs"] = config.epochs
        return old
    try:
        splits = of.make_splits(config)
        config.specs()
        worker = session_worker(
            WORKER,
            lambda: TrainingWorker(
                lambda seed: of.make_trainer(replace(config, epochs_per_second=pace["eps"]), splits, seed),
                snapshot=snapshot_records, snapshot_interval=SNAPSHOT_SECONDS, max_epochs=config.epochs,
                seed=config.seed,
            ),
            signature=sig,
        )
    except UserError as error:
        show_error(error)
        return old if old is not None and old.alive else None
    if old is not None and old is not worker:
        snap = old.latest()
        if snap is not None and snap.payload is not None and snap.payload.epochs >= 1:
            st.session_state[P + "previous"] = (snap.payload.train_loss, snap.payload.val_loss,
                                                st.session_state[P + "run_config"])
        if snap is not None and snap.status == "running":
            worker.play()  # a switch flipped during training: the new run trains on
    st.session_state.update({P + "splits": splits, P + "run_config": config, P + "applied_epochs": config.epochs})
    return worker


def run_id(worker: TrainingWorker):
    return (st.session_state[WORKER + "/signature"], worker.seed, id(worker.trainer))


def describe(config: of.OverfitConfig) -> str:
    parts = [t(f"splits.size.{config.size}")]
    for on, name in ((config.l2, t("splits.l2")), (config.dropout, t("splits.dropout"))):
        parts.append(t("splits.setting.on" if on else "splits.setting.off", name=name))
    return ", ".join(parts)


# ---------------------------------------------------------------- live view


def loss_labels() -> charts.LossLabels:
    return charts.LossLabels(
        epoch=t("splits.chart.epoch"), loss=t("splits.chart.loss"), train=t("splits.chart.train"),
        validation=t("splits.chart.validation"), best=t("splits.chart.best", epoch="{epoch}"),
        shown=t("splits.chart.shown", epoch="{epoch}"), overfitting=t("splits.chart.overfitting"),
        previous_train=t("splits.chart.previous_train"), previous_validation=t("splits.chart.previous_validation"),
    )


def draw(fig, key: str) -> None:
    plotly_chart(fig, key=key, config={"displayModeBar": False}, width="stretch")


def metrics(records: of.EpochRecords, epoch: int, max_epochs: int) -> None:
    cols = st.columns(5)
    cols[0].metric(t("splits.metric.epoch"), f"{epoch} / {max_epochs}")
    if records.epochs == 0:
        return
    best = records.best()
    cols[1].metric(t("splits.metric.train_loss"), f"{records.train_loss[-1]:.3f}")
    cols[2].metric(t("splits.metric.val_loss"), f"{records.val_loss[-1]:.3f}")
    cols[3].metric(t("splits.metric.gap"), f"{records.gap(records.epochs):.3f}", help=t("splits.metric.gap_help"))
    cols[4].metric(t("splits.metric.best"), f"{best}", help=t("splits.metric.best_help", loss=f"{records.val_loss[best - 1]:.3f}"))


def scrubber(records: of.EpochRecords, running: bool) -> int:
    """The epoch whose boundary is shown: the latest while training, else the slider's (best by default)."""
    last = records.epochs
    if running or last <= 1:
        if running:
            st.caption(t("splits.map.running"))
        return last
    best = records.best()
    key = P + "epoch"
    if st.session_state.get(P + "epoch_run") != (best, last) or not 1 <= st.session_state.get(key, 0) <= last:
        st.session_state[key] = best  # a new or longer run: start at its best epoch
        st.session_state[P + "epoch_run"] = (best, last)
    st.session_state[P + "epoch_best"], st.session_state[P + "epoch_last"] = best, last
    shown = st.slider(t("splits.map.epoch"), 1, last, key=key, help=t("splits.map.epoch_help"))
    cols = st.columns(2)
    cols[0].button(t("splits.map.best", epoch=best), key=P + "to_best", on_click=show_epoch, args=("best",),
                   icon=":material/star:", width="stretch")
    cols[1].button(t("splits.map.last", epoch=last), key=P + "to_last", on_click=show_epoch, args=("last",),
                   icon=":material/last_page:", width="stretch")
    return shown


def _map_at(config: of.OverfitConfig, records: of.EpochRecords, epoch: int, resolution: int):
    """boundary_at on one core, remembered for the last (run, epoch): polls between two epochs reuse it.

    One core: torch's default two threads took 150-235 ms for this forward pass on the busy 2-core
    machine (most of each redraw), one thread 0.5-3 ms.
    """
    key = (id(records.weights[epoch - 1]), epoch, resolution)
    kept = st.session_state.get(P + "map_cache")
    if kept is None or kept[0] != key:
        with training.single_threaded():
            probs = of.boundary_at(config, records, epoch, resolution)
        kept = (key, probs, records.weights[epoch - 1])
        st.session_state[P + "map_cache"] = kept  # the weights are kept too, so their id stays unique
    return kept[1]


def live_view(polling: bool) -> None:
    """Metrics, loss curves and the decision map from the worker's latest records."""
    worker: TrainingWorker = st.session_state[WORKER]
    worker.heartbeat()
    snap = worker.latest()
    config: of.OverfitConfig = st.session_state[P + "run_config"]
    splits: of.Splits = st.session_state[P + "splits"]
    records: of.EpochRecords = snap.payload or EMPTY
    status_line(snap)
    metrics(records, snap.epoch, st.session_state[P + "applied_epochs"])
    left, right = st.columns([1.45, 1], gap="medium")
    with right:
        shown = scrubber(records, polling)
        if shown >= 1:
            st.markdown(f"**{t('splits.map.header', epoch=shown)}**")
            probs = _map_at(config, records, shown, MAP_RESOLUTION)
        else:
            st.markdown(f"**{t('splits.map.header', epoch=0)}**")
            with worker.lock:
                probs = grids.decision_grid(worker.trainer, ("x1", "x2"), toy.EXTENT, MAP_RESOLUTION)[..., 1]
        show_test = st.session_state.get(P + "revealed") == run_id(worker) and st.session_state.get(P + "show_test")
        held_x, held_y = (splits.x_test, splits.y_test) if show_test else (splits.x_val, splits.y_val)
        _, axis = grids.grid_points(toy.EXTENT, len(probs))
        labels = charts.MapLabels(klass=t("splits.chart.class"), train=t("splits.chart.train_points"),
                                  held_out=t("splits.chart.test_points" if show_test else "splits.chart.val_points"))
        if polling:  # painted on the page's canvas several times a second; Plotly (with hover) once it stops
            live_canvas(lesson_scene.decision_map_scene(axis, probs, splits.x_train, splits.y_train, held_x, held_y),
                        key=P + "map", max_scale=1.0)  # no text on the map
        else:
            draw(charts.decision_map(axis, probs, splits.x_train, splits.y_train, held_x, held_y, labels, height=400,
                                     marker_size=8), P + "map")
        st.caption(t("splits.map.legend_test" if show_test else "splits.map.legend"))
    with left:
        previous = st.session_state.get(P + "previous")
        ghost = previous[:2] if previous is not None and st.session_state.get(P + "show_previous", True) else None
        best = records.best() if records.epochs else None
        if polling:
            live_canvas(lesson_scene.loss_curves_scene(records.train_loss, records.val_loss, best, loss_labels(),
                                                       previous=ghost, max_epochs=st.session_state[P + "applied_epochs"]),
                        key=P + "curves", max_scale=1.4, text_scale=PRESENT_TEXT_SCALE if presenting() else 1.0)
        else:
            draw(charts.loss_curves(records.train_loss, records.val_loss, best, loss_labels(), shown=shown,
                                    previous=ghost, max_epochs=st.session_state[P + "applied_epochs"], height=440),
                 P + "curves")
        if previous is not None:
            st.toggle(t("splits.previous"), key=P + "show_previous", value=True, help=t("splits.previous_help"))
            if ghost is not None:
                st.caption(t("splits.previous_was", settings=describe(previous[2])))
        elif records.epochs == 0:
            st.caption(t("splits.waiting"))


# ---------------------------------------------------------------- the test set


def test_section(worker: TrainingWorker) -> None:
    st.subheader(t("splits.test.header"))
    explain(t("splits.test.explain"))
    snap = worker.latest()
    records: of.EpochRecords = snap.payload or EMPTY
    ready = snap.status != "running" and records.epochs >= 1
    rid = run_id(worker)
    st.button(t("splits.test.reveal"), key=P + "reveal", type="primary", icon=":material/visibility:",
              disabled=not ready, on_click=reveal, args=(rid,), help=t("splits.test.reveal_help"))
    if not ready:
        st.caption(t("splits.test.not_yet"))
        return
    if st.session_state.get(P + "revealed") != rid:
        return
    config: of.OverfitConfig = st.session_state[P + "run_config"]
    splits: of.Splits = st.session_state[P + "splits"]
    best, last = records.best(), records.epochs
    at_best = of.score_test_set(config, records, splits, best)
    at_last = of.score_test_set(config, records, splits, last)
    cols = st.columns(3)
    cols[0].metric(t("splits.test.best", epoch=best), f"{at_best.accuracy:.1%}")
    cols[0].caption(t("splits.test.loss", loss=f"{at_best.loss:.3f}"))
    cols[1].metric(t("splits.test.last", epoch=last), f"{at_last.accuracy:.1%}")
    cols[1].caption(t("splits.test.loss", loss=f"{at_last.loss:.3f}"))
    cols[2].metric(t("splits.test.val", epoch=best), f"{records.val_acc[best - 1]:.1%}")
    n_test = len(splits.y_test)
    st.markdown(t("splits.test.summary", best=best, best_loss=f"{at_best.loss:.3f}", last_loss=f"{at_last.loss:.3f}",
                  n=n_test, step=f"{1 / n_test:.1%}"))
    st.toggle(t("splits.map.show_test"), key=P + "show_test")
    looks = st.session_state.get(P + "looks", 0)
    if looks > 1:
        st.warning(t("splits.test.again", count=looks))


# ---------------------------------------------------------------- compare runs (ui/runs.py)


def run_curves(snap) -> dict | None:
    """The curves this page draws (losses measured after each epoch), not the trainer's batch means."""
    records: of.EpochRecords | None = snap.payload
    if records is None:
        return None
    return {"epoch": list(range(1, records.epochs + 1)), "train_loss": records.train_loss,
            "test_loss": records.val_loss, "train_acc": records.train_acc, "test_acc": records.val_acc}


def run_again(run: rh.Run) -> None:
    """Run again: the run's settings back into the widgets; the page run trains it afresh."""
    c: of.OverfitConfig = run.restore
    values = {"data": c.dataset, "noise": c.noise, "points": c.points, "split": (c.train_percent, c.train_percent + c.val_percent),
              "size": c.size, "l2": c.l2, "l2_rate": c.l2_rate, "dropout": c.dropout, "dropout_rate": c.dropout_rate,
              "epochs": max(c.epochs, run.epochs), "seed": c.data_seed}
    for name, value in values.items():
        st.session_state[P + name] = value
    save()
    st.session_state[P + "run_again"] = True


def start_again(worker: TrainingWorker, before: TrainingWorker | None) -> None:
    """After Run again: fresh weights (a new worker already has them), then play."""
    if not st.session_state.pop(P + "run_again", False):
        return
    if worker is before:  # even at epoch 0: a new run, so no setting restored here reads as a change in it
        runs.restart(P, worker, worker.reset)
    worker.play()


# ---------------------------------------------------------------- page

page_header("splits")
init_widgets()
data_panel()
config = current_config()
try:
    split_explained(of.split_sizes(config.points, config.train_percent, config.val_percent))
    usable = True
except UserError as error:
    show_error(error)  # said once, here; the last good run stays below
    usable = False
st.divider()
network_panel()
st.divider()
st.subheader(t("splits.train.header"))
explain(t("splits.train.explain"))
kept = st.session_state.get(WORKER)
worker = ensure_worker(config) if usable else (kept if kept is not None and kept.alive else None)
if worker is not None:
    start_again(worker, kept)
    run_config = replace(st.session_state[P + "run_config"], epochs=st.session_state[P + "applied_epochs"])
    runs.observe(P, worker, rh.overfit_settings(run_config), run_config, curves=run_curves)
    controls(worker, "splits", reset=lambda: runs.restart(P, worker, worker.reset))
    running = worker.status == "running"
    # Finished or paused by itself: the page redraws the buttons and the test section too. The worker's
    # status decides, not the snapshot's (it can lag after Play).
    live_fragment(live_view, running, POLL_SECONDS, running, lesson_page="train-validation-test",
                  stopped=lambda: st.session_state[WORKER].status != "running")
    st.divider()
    test_section(worker)
    st.divider()
    runs.section(P, run_again, held_out="validation", names={
        "data": lambda d: t(f"classic.dataset.{d}"), "size": lambda s: t(f"splits.size.{s}"),
        "split": lambda parts: f"{parts[0]}/{parts[1]}/{100 - parts[0] - parts[1]}",
    })
low, high = st.session_state[P + "split"]
sync_query({
    "data": config.dataset, "noise": config.noise, "points": config.points, "train": low, "val": high - low,
    "size": config.size, "l2": config.l2, "l2_rate": config.l2_rate, "dropout": config.dropout,
    "dropout_rate": config.dropout_rate, "epochs": config.epochs, "speed": st.session_state[P + "speed"],
    "seed": config.data_seed,
})

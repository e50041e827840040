"""The MNIST page's lower half: look inside the model, draw a digit, save/load/export.

Streamlit side only; the work is done by playground.inspection, playground.canvas,
playground.model_io and playground.layers. The model is read under ``worker.lock``.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

import numpy as np
import streamlit as st

from playground import canvas, export_code, inspection, layers, model_io, training
from playground.charts import mnist as charts
from playground.datasets import mnist
from playground.errors import UserError
from playground.mnist_presets import BATCH_SIZES, LEARNING_RATES, WEIGHT_DECAYS, predict_digits
from playground.worker import TrainingWorker
from ui.common import show_error, t
from ui.classroom import plotly_chart
from ui import mnist_sees
from ui.uploader import file_uploader

P = "mnist/"
GRID = 36  # test digits shown at once
MISTAKES = 24
PLOT_CONFIG = {"displayModeBar": False}


def _chart(fig, key: str, fixed: bool = False) -> None:
    plotly_chart(fig, key=P + key, config=PLOT_CONFIG, width="content" if fixed else "stretch")


def _test_probabilities(worker: TrainingWorker, run: dict) -> np.ndarray:
    """Softmax outputs for every test digit, cached until the weights change."""
    with worker.lock:
        key = (run["id"], worker.trainer.steps)
        cached = st.session_state.get(P + "test_probs")
        if cached is None or cached[0] != key:
            probs = predict_digits(worker.trainer, run["split"].test.images, run["normalisation"])
            st.session_state[P + "test_probs"] = (key, probs)
    return st.session_state[P + "test_probs"][1]


# --- inspection -------------------------------------------------------------------------------------


def inspect_section(worker: TrainingWorker | None, run: dict | None) -> None:
    """Test digits, confusion matrix, mistakes, first-layer weights and feature maps."""
    st.header(t("mnist.inspect.header"))
    if worker is None or run is None:
        st.info(t("mnist.inspect.no_model"))
        return
    if worker.status == "running":
        st.info(t("mnist.inspect.running"))
        return
    test = run["split"].test
    probs = _test_probabilities(worker, run)
    predicted = probs.argmax(axis=1)
    tabs = st.tabs([t("mnist.inspect.tab.digits"), t("mnist.inspect.tab.confusion"), t("mnist.inspect.tab.mistakes"),
                    t("mnist.inspect.tab.weights"), t("mnist.inspect.tab.maps"), t("mnist.sees.tab")])
    with tabs[0]:
        _digits_tab(test, probs, predicted)
    with tabs[1]:
        _confusion_tab(test, predicted)
    with tabs[2]:
        _mistakes_tab(test, probs, predicted)
    with worker.lock:
        model = worker.trainer.model
        with tabs[3]:
            _weights_tab(model)
        with tabs[4]:
            _maps_tab(model, run, test)
    with tabs[5]:
        mnist_sees.sees_tab(worker, run)  # takes the lock itself, for its own fragment reruns


def _digits_tab(test: mnist.Digits, probs: np.ndarray, predicted: np.ndarray) -> None:
    st.caption(t("mnist.inspect.digits_help"))
    start = st.session_state.setdefault(P + "grid_start", 0) % max(1, len(test))
    if st.button(t("mnist.inspect.other_digits"), icon=":material/shuffle:", key=P + "shuffle"):
        start = int(np.random.default_rng().integers(0, max(1, len(test) - GRID)))
        st.session_state[P + "grid_start"] = start
    index = np.arange(start, min(start + GRID, len(test)))
    correct = predicted[index] == test.labels[index]
    _chart(charts.digit_grid_figure(test.images[index], [str(p) for p in predicted[index]], correct, columns=12), "grid")
    st.caption(t("mnist.inspect.grid_score", right=int(correct.sum()), shown=len(index)))
    left, middle, right = st.columns([1, 1.2, 2.6], vertical_alignment="center")
    pick = left.number_input(t("mnist.inspect.pick"), min_value=1, max_value=len(index), value=1, step=1, key=P + "pick")
    chosen = int(index[int(pick) - 1])
    with middle:
        _chart(charts.digit_figure(test.images[chosen], t("mnist.inspect.true_label", label=int(test.labels[chosen]))),
               "pick_digit", fixed=True)
    with right:
        _chart(charts.probability_figure(probs[chosen], mnist.CLASS_NAMES, t("mnist.inspect.probability"),
                                         true_class=int(test.labels[chosen])), "pick_probs")


def _confusion_tab(test: mnist.Digits, predicted: np.ndarray) -> None:
    counts = inspection.confusion_matrix(test.labels, predicted)
    st.caption(t("mnist.inspect.confusion_help"))
    _chart(charts.confusion_figure(counts, mnist.CLASS_NAMES, {"true": t("mnist.inspect.true"),
                                                               "predicted": t("mnist.inspect.predicted")}),
           "confusion", fixed=True)
    off = counts.copy()
    np.fill_diagonal(off, 0)
    if off.max() > 0:
        true, pred = np.unravel_index(off.argmax(), off.shape)
        st.markdown(t("mnist.inspect.top_confusion", true=int(true), predicted=int(pred), count=int(off.max())))


def _mistakes_tab(test: mnist.Digits, probs: np.ndarray, predicted: np.ndarray) -> None:
    wrong = inspection.most_confident_mistakes(probs, test.labels, k=MISTAKES)
    total = int((predicted != test.labels).sum())
    if total == 0:
        st.success(t("mnist.inspect.no_mistakes"))
        return
    st.caption(t("mnist.inspect.mistakes_help", total=f"{total:,}", n=f"{len(test):,}"))
    captions = [f"{test.labels[i]}→{predicted[i]} {probs[i, predicted[i]]:.0%}" for i in wrong]
    _chart(charts.digit_grid_figure(test.images[wrong], captions, [False] * len(wrong), columns=8), "mistakes")


def _weights_tab(model) -> None:
    filters = inspection.first_conv_filters(model)
    if filters is not None:
        st.caption(t("mnist.inspect.filters_help", n=filters.shape[0], k=filters.shape[2]))
        _chart(charts.weight_grid_figure(filters.mean(axis=1), columns=min(8, len(filters)), height=None), "filters")
        return
    images = inspection.first_dense_images(model)
    if images is None:
        st.info(t("mnist.inspect.no_weights"))
        return
    shown = images[:32]
    if len(images) == 10:
        st.caption(t("mnist.inspect.class_weights_help"))
        _chart(charts.weight_grid_figure(shown, columns=10, captions=mnist.CLASS_NAMES), "weights")
    else:
        st.caption(t("mnist.inspect.unit_weights_help", shown=len(shown), n=len(images)))
        _chart(charts.weight_grid_figure(shown, columns=8, captions=[str(i + 1) for i in range(len(shown))]), "weights")


def _maps_tab(model, run: dict, test: mnist.Digits) -> None:
    if not any(spec.get("kind") == "conv2d" for spec in run["specs"]):
        st.info(t("mnist.inspect.no_conv"))
        return
    st.caption(t("mnist.inspect.maps_help"))
    number = st.columns([1, 3])[0].number_input(t("mnist.inspect.map_digit", n=f"{len(test):,}"), min_value=1,
                                                max_value=len(test), value=1, step=1, key=P + "map_digit")
    digit = test.images[int(number) - 1]
    maps = inspection.conv_feature_maps(model, run["specs"], mnist.IMAGE_SHAPE, mnist.to_input(digit[None], *run["normalisation"])[0])
    cols = st.columns([1, 4])
    with cols[0]:
        _chart(charts.digit_figure(digit, t("mnist.inspect.true_label", label=int(test.labels[int(number) - 1])), size=170),
               "map_input", fixed=True)
    with cols[1]:
        for fm in maps:
            title = t("mnist.inspect.map_title", layer=fm.layer, label=fm.label, shape="×".join(map(str, fm.maps.shape)))
            _chart(charts.feature_map_figure(fm.maps, title, columns=min(8, len(fm.maps))), f"maps{fm.layer}")


# --- drawing ----------------------------------------------------------------------------------------


@st.fragment
def draw_section() -> None:
    """A canvas; the drawing prepared like MNIST; the current model's prediction as you draw."""
    st.header(t("mnist.draw.header"))
    st.caption(t("mnist.draw.help"))
    st.space("small")  # room for the canvas toolbar, which floats above the canvas
    try:
        from streamlit_drawable_canvas import st_canvas  # registers a component: only inside a running app
    except Exception:  # pragma: no cover - the package is a requirement
        st.info(t("mnist.draw.unavailable"))
        return
    cols = st.columns([1.5, 1, 1.5], gap="medium")
    with cols[0]:
        result = st_canvas(
            stroke_width=18, stroke_color="#FFFFFF", background_color="#000000", width=280, height=280,
            drawing_mode="freedraw", key=P + "canvas", return_image_data=True, update_streamlit=True,
        )
    image = result.image_data if result is not None else None
    digit = canvas.preprocess(image) if image is not None else None
    if digit is None:  # the "How it sees" tab offers the drawn digit
        st.session_state.pop(mnist_sees.DRAWN, None)
    else:
        st.session_state[mnist_sees.DRAWN] = digit
    with cols[1]:
        if digit is None:
            st.caption(t("mnist.draw.empty"))
            return
        st.caption(t("mnist.draw.seen"))
        _chart(charts.digit_figure(digit, size=200), "drawn", fixed=True)
    worker: TrainingWorker | None = st.session_state.get(P + "worker")
    run = st.session_state.get(P + "run")
    with cols[2]:
        if worker is None or run is None:
            st.info(t("mnist.draw.no_model"))
            return
        with worker.lock:
            probs = predict_digits(worker.trainer, digit[None], run["normalisation"])[0]
        best = int(probs.argmax())
        st.markdown(t("mnist.draw.prediction", digit=best, p=f"{probs[best]:.0%}"))
        _chart(charts.probability_figure(probs, mnist.CLASS_NAMES, t("mnist.inspect.probability"), height=230), "drawn_probs")


# --- save, load, export -----------------------------------------------------------------------------


def _model_bytes(worker: TrainingWorker, run: dict) -> bytes:
    with worker.lock:
        key = (run["id"], worker.trainer.steps)
        cached = st.session_state.get(P + "file")
        if cached is None or cached[0] != key:
            trainer = worker.trainer
            mean, std = run["normalisation"]
            data = model_io.save_model(
                run["specs"], mnist.IMAGE_SHAPE, trainer.state_dict(), {"mean": mean, "std": std}, mnist.CLASS_NAMES,
                config={**dataclasses.asdict(run["config"]), "epochs": run["epochs"]}, history=trainer.history,
            )
            st.session_state[P + "file"] = (key, data)
    return st.session_state[P + "file"][1]


def _load_upload(upload, split: mnist.MnistSplit, start_run: Callable, set_rows: Callable) -> None:
    """Load a model file into a new paused run, with its network and settings in the controls."""
    saved = model_io.load_model(upload.getvalue())
    if saved.input_shape != mnist.IMAGE_SHAPE or layers.validate(saved.specs, saved.input_shape)[-1].output_shape != (10,):
        raise UserError("mnist.files.not_mnist", shape="×".join(map(str, saved.input_shape)))
    fields = {f.name for f in dataclasses.fields(training.TrainConfig)}
    stored = {k: v for k, v in saved.config.items() if k in fields}
    devices = [d for d, _ in training.available_devices()]
    stored["device"] = stored.get("device") if stored.get("device") in devices else devices[0]
    config = dataclasses.replace(training.TrainConfig(), **stored).check()
    epochs = int(saved.config.get("epochs", 5)) if str(saved.config.get("epochs", "")).isdigit() else 5
    norm = (saved.normalisation["mean"], saved.normalisation["std"])
    done = len(saved.history.get("epoch", []))
    epochs = min(max(epochs, done, 1), 50)  # the epoch count goes on from the saved run's
    start_run(saved.specs, config, epochs, split, state=saved.state, normalisation=norm, play=False,
              note={"loaded": upload.name}, history=saved.history)
    set_rows(saved.specs)
    pending = {"opt": config.optimizer, "epochs": epochs, "device": config.device}
    if config.seed <= 999_999:  # the seed box's range; a file's larger seed still trains, the box keeps its own
        pending["seed"] = config.seed
    for name, value, choices in (("lr", config.learning_rate, LEARNING_RATES), ("batch", config.batch_size, BATCH_SIZES),
                                 ("wd", config.weight_decay, WEIGHT_DECAYS)):
        if value in choices:  # the sliders offer only these values
            pending[name] = value
    st.session_state[P + "pending"] = pending
    st.session_state[P + "load_msg"] = ("success", t("mnist.files.loaded", name=upload.name, epochs=done,
                                                     params=f"{sum(v.numel() for v in saved.state.values()):,}"))


def files_section(specs: list[dict], config: training.TrainConfig, epochs: int, split: mnist.MnistSplit,
                  start_run: Callable, set_rows: Callable) -> None:
    """Download the trained model, upload one to continue or inspect, export PyTorch code."""
    st.header(t("mnist.files.header"))
    worker: TrainingWorker | None = st.session_state.get(P + "worker")
    run = st.session_state.get(P + "run")
    cols = st.columns(3, gap="medium")
    with cols[0]:
        st.subheader(t("mnist.files.save"))
        if worker is None or run is None:
            st.caption(t("mnist.files.nothing"))
        else:
            st.download_button(t("mnist.files.download"), _model_bytes(worker, run), file_name="mnist-model.nnp",
                               mime="application/octet-stream", icon=":material/download:", key=P + "save")
            st.caption(t("mnist.files.save_help"))
    with cols[1]:
        st.subheader(t("mnist.files.load"))
        upload = file_uploader(t("mnist.files.upload"), key=P + "upload", help=t("mnist.files.upload_help"))
        if upload is not None and st.session_state.get(P + "upload_id") != upload.file_id:
            st.session_state[P + "upload_id"] = upload.file_id
            try:
                _load_upload(upload, split, start_run, set_rows)
                st.rerun()
            except UserError as error:
                st.session_state[P + "load_msg"] = ("error", error)
        message = st.session_state.get(P + "load_msg")
        if message is not None and upload is not None:
            # A statement, not a conditional expression: Streamlit's "magic" would print show_error's None.
            if message[0] == "success":
                st.success(message[1])
            else:
                show_error(message[1])
    with cols[2]:
        st.subheader(t("mnist.files.export"))
        # Where the page read its digits: (source, folder, validation %, downloaded), kept by the data section.
        args = st.session_state.get(P + "split_args") or ("sample", "", 10, False)
        scripts = {framework: export_code.mnist_script(specs, config, epochs, split, folder=args[1],
                                                       validation=args[2] / 100, framework=framework)
                   for framework in export_code.FRAMEWORKS}
        st.download_button(t("mnist.files.export_button"), scripts["pytorch"], file_name="mnist_model.py",
                           mime="text/x-python", icon=":material/code:", key=P + "export")
        st.download_button(t("mnist.files.export_keras_button"), scripts["keras"], file_name="mnist_model_keras.py",
                           mime="text/x-python", icon=":material/code:", key=P + "export_keras")
        st.caption(t("mnist.files.export_help"))
    with st.expander(t("mnist.files.show_code")):
        st.code(scripts["pytorch"], language="python")
    with st.expander(t("mnist.files.show_keras")):
        st.code(scripts["keras"], language="python")

"""AppTest of the MNIST page's "How it sees" tab, on a model file loaded into the page (no training needed).

The numbers the tab writes are compared with torch running the same weights on the same digit:
F.conv2d at the kernel's position, the channel sums of a multi-channel convolution, and the softmax.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground import layers, model_io
from playground.datasets import mnist
from tests.apptest_utils import all_text, run_page

SPECS = [
    {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "maxpool", "size": 2},
    {"kind": "conv2d", "filters": 3, "kernel": 3, "activation": "relu"},
    {"kind": "flatten"},
    {"kind": "dense", "units": 10},
]
K = "mnist/sees/"


@pytest.fixture(autouse=True)
def _empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MNIST_DIR", str(tmp_path / "mnist-cache"))


def _model_file(specs: list[dict]) -> tuple[bytes, torch.nn.Sequential]:
    model = layers.build(specs, mnist.IMAGE_SHAPE, seed=5)
    data = model_io.save_model(specs, mnist.IMAGE_SHAPE, model.state_dict(), {"mean": mnist.MEAN, "std": mnist.STD},
                               list(mnist.CLASS_NAMES), config={"epochs": 1})
    return data, model.eval()


def _loaded(specs: list[dict], lang: str = "en"):
    data, model = _model_file(specs)
    at = run_page("mnist", lang=lang)
    at.file_uploader(key="mnist/upload").upload("mine.nnp", data).run()
    assert not at.exception, [e.message for e in at.exception]
    x = mnist.to_input(at.session_state["mnist/run"]["split"].test.images[:1])
    return at, model, torch.as_tensor(x)


def _stop(at) -> None:
    if "mnist/worker" in at.session_state:
        at.session_state["mnist/worker"].stop()


def _latex(at) -> list[str]:
    return [el.value.strip("$\n ") for el in at.get("latex")]


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _terms(text: str) -> list[float]:
    """The signed numbers of a sum written "−0.078 + 0.077 − 0.103"."""
    return [_number(sign + digits) for sign, digits in re.findall(r"([+−]?)\s*(\d+\.\d+)", text.replace("+", ""))]


def _final_value(at) -> float:
    """The output cell the tab computed: the last formula "... + b (...) = value"."""
    line = next(v for v in _latex(at) if "+ b\\,(" in v)
    return _number(line.rsplit("=", 1)[1].strip())


def test_the_kernel_sum_equals_torch_at_every_position_shown():
    at, model, x = _loaded(SPECS)
    try:
        assert "How it sees" in [tab.label for tab in at.tabs]
        with torch.no_grad():
            conv = F.conv2d(x, model[0].weight, model[0].bias, padding=1)[0]
        # Position 1 is the top-left corner (the window hangs into the padding); then row 2, column 4.
        assert _final_value(at) == pytest.approx(float(conv[0, 0, 0]), abs=1e-3)
        at.slider(key=K + "slider").set_value(28 + 4).run()
        assert "output row 2, column 4" in all_text(at)
        assert _final_value(at) == pytest.approx(float(conv[0, 1, 3]), abs=1e-3)
        at.number_input(key=K + "filter").set_value(3).run()
        assert _final_value(at) == pytest.approx(float(conv[2, 1, 3]), abs=1e-3)
        # The nine products, written out, add up to the sum shown.
        line = next(v for v in _latex(at) if r"\sum (x \cdot w)" in v)
        for latex in (r"\begin{aligned}", r"\end{aligned}", "&", r"\\", r"\quad"):
            line = line.replace(latex, " ")
        terms = _terms(line.split("=")[1])
        assert len(terms) == 9 and sum(terms) == pytest.approx(_number(line.rsplit("=", 1)[1]), abs=0.006)
    finally:
        _stop(at)


def test_a_multi_channel_layer_shows_each_channels_sum_and_their_total():
    at, model, x = _loaded(SPECS)
    try:
        at.selectbox(key=K + "layer").select_index(1).run()
        assert at.number_input(key=K + "channel").max == 4  # the second convolution reads 4 pooled maps
        at.slider(key=K + "slider").set_value(14 * 2 + 6).run()  # 12×12 output: row 3, column 10
        with torch.no_grad():
            pooled = F.max_pool2d(torch.relu(model[0](x)), 2)
            per_channel = [F.conv2d(pooled[:, c : c + 1], model[3].weight[:, c : c + 1])[0, 0, 2, 9] for c in range(4)]
            full = model[3](pooled)[0, 0, 2, 9]
        total_line = next(v for v in _latex(at) if v.startswith(r"\sum_{c=1}^{4} s_c"))
        shown = _terms(total_line.split("=")[2])
        assert shown == pytest.approx([float(v) for v in per_channel], abs=1e-3)
        assert _final_value(at) == pytest.approx(float(full), abs=1e-3)
        bars = [c for c in at.get("plotly_chart") if "sums" in (c.proto.id or "")]
        assert bars, "the per-channel sums are drawn"
    finally:
        _stop(at)


def test_the_path_ends_in_the_models_own_softmax_and_prediction():
    at, model, x = _loaded(SPECS)
    try:
        with torch.no_grad():
            probs = torch.softmax(model(x), dim=1)[0]
        best = int(probs.argmax())
        text = all_text(at)
        assert f"reads this digit as **{best}** ({float(probs[best]):.1%})" in text
        for name in ("ReLU keeps every positive number", "Max pooling keeps the largest", "Flatten lays the",
                     "Another convolution"):
            assert name in text
        # The pooling formula: max of the window = the pooled value the model computes.
        line = next(v for v in _latex(at) if v.startswith(r"\max \begin{pmatrix}"))
        matrix = line.split(r"\begin{pmatrix}")[1].split(r"\end{pmatrix}")[0]
        window = _terms(matrix.replace("&", " ").replace("\\\\", " "))
        assert len(window) == 4
        assert max(window) == pytest.approx(_number(line.rsplit("=", 1)[1]), abs=1e-9)
    finally:
        _stop(at)


def test_play_moves_the_kernel_and_pause_stops_it():
    at, model, x = _loaded(SPECS)
    try:
        at.button(key=K + "play").click().run()
        assert at.session_state[K + "playing"] is True
        # AppTest does not tick run_every: the view drew position 1 and stepped on to 2 for its next tick.
        assert at.session_state[K + "pos"] == 1
        assert at.button(key=K + "play").label == "Pause"
        at.button(key=K + "play").click().run()
        assert at.session_state[K + "playing"] is False
        paused_at = at.session_state[K + "pos"]
        at.run()
        assert at.session_state[K + "pos"] == paused_at and at.button(key=K + "play").label == "Play"
        # Play from the last position starts again from the first.
        at.slider(key=K + "slider").set_value(28 * 28).run()
        at.button(key=K + "play").click().run()
        assert at.session_state[K + "pos"] == 1
    finally:
        _stop(at)


def test_korean_and_a_network_without_convolutions():
    at, model, x = _loaded(SPECS, lang="ko")
    try:
        text = all_text(at)
        assert "커널" in text and "특징 맵" in text and "소프트맥스" in text
        assert at.button(key=K + "play").label == "움직이기"
    finally:
        _stop(at)
    specs = [{"kind": "flatten"}, {"kind": "dense", "units": 10}]
    at, model, x = _loaded(specs)
    try:
        text = all_text(at)
        assert "This network has no convolution layer" in text
        with torch.no_grad():
            best = int(model(x).argmax())
        assert f"reads this digit as **{best}**" in text
    finally:
        _stop(at)


def test_the_drawn_digit_can_be_followed():
    at, model, x = _loaded(SPECS)
    try:
        at.radio(key=K + "source").set_value("drawn").run()
        assert "Draw a digit in the canvas" in all_text(at)
        drawn = np.zeros((28, 28), dtype=np.uint8)
        drawn[4:24, 13:16] = 255  # a "1"
        at.session_state["mnist/drawn"] = drawn
        at.run()
        with torch.no_grad():
            best = int(model(torch.as_tensor(mnist.to_input(drawn[None]))).argmax())
        assert f"reads this digit as **{best}**" in all_text(at)
    finally:
        _stop(at)


def test_a_lesson_reads_the_tabs_numbers_and_the_runs_accuracy():
    from playground import lessons as L

    at, model, x = _loaded(SPECS)
    try:
        run = at.session_state["mnist/run"]
        state = dict(at.session_state["mnist/sees/lesson"])  # what ui.lessons.page_state adds for the MNIST page
        state.update(has_conv=True, test_acc=run["test_acc"])
        assert state["sees_value"] == pytest.approx(_final_value(at), abs=1e-3) and state["sees_channels"] == 1
        assert L.mnist_cnn_trained(state, 0.0) and not L.mnist_cnn_trained(state, 0.99)  # untrained weights
        assert not L.check_done("setting_at_least", {"name": "sees_channels", "value": 2}, state)
        at.selectbox(key=K + "layer").select_index(1).run()
        state = at.session_state["mnist/sees/lesson"]
        assert L.check_done("setting_at_least", {"name": "sees_channels", "value": 2}, state)
    finally:
        _stop(at)

"""A language switch relabels the menus at once: the browser shows a select box's choice by the label
Streamlit last sent, so each translated menu must be sent again (set_value) with its new label."""

import pytest

from tests.apptest_utils import run_page


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    """No training processes: the Playground starts its process pool on first use, and the pool would then
    serve the later test modules that read a worker's trainer (as tests/test_page_playground.py does)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


def _sent_labels(at, keys):
    """{key: label sent to the browser this run, or None if the browser keeps its old label}."""
    out = {}
    for key in keys:
        element = at.selectbox(key=key) if any(s.key == key for s in at.selectbox) else at.radio(key=key)
        out[key] = element.proto.raw_value if element.proto.set_value else None
    return out


def test_playground_menus_follow_the_language_at_once():
    at = run_page("network_playground")
    keys = ["playground/problem", "playground/dataset", "playground/act", "playground/reg", "playground/opt"]
    at.session_state["lang"] = "ko"
    at.run()
    sent = _sent_labels(at, keys)
    assert sent["playground/problem"] == "분류", sent
    assert all(label is not None for label in sent.values()), sent
    for key, label in sent.items():
        assert label in list(at.selectbox(key=key).proto.options), (key, label)


def test_mnist_menus_and_layer_kinds_follow_the_language_at_once():
    at = run_page("mnist")
    editor_before = at.data_editor[0].key
    at.session_state["lang"] = "ko"
    at.run()
    sent = _sent_labels(at, ["mnist/preset", "mnist/opt"])
    assert all(label is not None for label in sent.values()), sent
    assert sent["mnist/preset"] in list(at.selectbox(key="mnist/preset").proto.options)
    # The layer table is drawn anew (a new editor) so its kind cells show the Korean names, edits kept.
    editors = at.data_editor
    assert editors[0].key != editor_before


def test_korean_summaries_describe_the_layers_in_korean():
    # The settings column used to stay "dense 4, tanh" / "conv2d 32×3×3, stride 1, ..." in Korean mode.
    for page in ("network_playground", "mnist"):
        at = run_page(page, "ko")
        [summary] = [d.value for d in at.dataframe if "설정" in d.value.columns]
        cells = list(summary["설정"])
        assert cells and all(any("\uac00" <= ch <= "\ud7a3" for ch in cell) for cell in cells), (page, cells)
        assert not any("stride" in cell or "dense" in cell for cell in cells), cells

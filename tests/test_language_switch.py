"""A language switch relabels the menus at once: the browser shows a select box's choice by the label
Streamlit last sent, so each translated menu must be sent again (set_value) with its new label."""

from tests.apptest_utils import run_page


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

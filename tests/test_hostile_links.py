"""Hostile share links: a rejected value is shown as short plain text, never as markdown.

A link's notice is rendered by Streamlit as markdown: `?w1=**Session expired** [log in](...)` showed
bold text and a link, `?lang=![x](http://...)` made the browser fetch a remote image, and a
5,000-character value filled the screen.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from playground import state
from tests.apptest_utils import run_page
from tests.conftest import APPTEST_TIMEOUT, ROOT

PHISH = "**Session expired** [log in](http://evil.example/login)"
IMAGE = "![x](http://evil.example/pixel.png)"
LONG = "9" * 5000


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    """Train in threads: these tests check what the page shows, not the training processes (and a
    process pool made here would outlive the test; tests/test_worker_pool.py covers the pool)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


def _unescaped(text: str, token: str) -> bool:
    """Whether `token` occurs in `text` with its first character not escaped by a backslash."""
    return re.search(r"(?<!\\)" + re.escape(token), text) is not None


def test_shown_value_escapes_markdown_and_is_cut():
    shown = state.shown_value(PHISH)
    assert not _unescaped(shown, "**") and not _unescaped(shown, "](") and not _unescaped(shown, "[")
    assert shown.endswith("…") and len(shown.replace("\\", "")) <= state.SHOWN_CHARS + 1
    assert not _unescaped(state.shown_value(IMAGE), "![")
    assert state.shown_value("line\nbreak") == "line break"  # no new markdown block
    assert state.shown_value("abc") == "abc"


def _notices(at: AppTest) -> str:
    return "\n".join(str(i.value) for i in at.info)


def test_perceptron_link_notice_is_plain_and_short():
    at = run_page("perceptron", query={"w1": PHISH, "w2": LONG})
    notices = _notices(at)
    assert "Session" in notices and not _unescaped(notices, "**") and not _unescaped(notices, "](")
    assert len(notices) < 600 and "…" in notices


def test_playground_link_notice_is_plain_and_short():
    at = run_page("network_playground", query={"layers": PHISH, "noise": LONG})
    try:
        notices = _notices(at)
        assert "Session" in notices and not _unescaped(notices, "**") and not _unescaped(notices, "](")
        assert len(notices) < 600
    finally:
        at.session_state["playground/worker"].stop()


def test_language_notice_is_plain_and_short():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params["lang"] = IMAGE + LONG
    at.run()
    assert not at.exception
    try:
        notices = _notices(at)
        assert "pixel" in notices or "evil" in notices
        assert not _unescaped(notices, "![") and len(notices) < 400
    finally:
        at.session_state["playground/worker"].stop()

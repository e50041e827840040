"""The app shell: navigation runs the default page, the language comes from ?lang= and bad values fall back."""

from streamlit.testing.v1 import AppTest

from tests.apptest_utils import all_text
from tests.conftest import APPTEST_TIMEOUT, ROOT


def _app(query=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_default_is_english_and_opens_the_playground():
    at = _app()
    assert at.session_state["lang"] == "en"
    assert at.sidebar.radio[0].value == "en"
    assert at.title[0].value == "Neural network playground"  # playground.title: the default page ran


def test_korean_link_gives_korean():
    at = _app({"lang": "ko"})
    assert at.session_state["lang"] == "ko"
    assert at.sidebar.radio[0].label == "언어"


def test_garbage_language_falls_back_with_a_notice():
    at = _app({"lang": "xx"})
    assert at.session_state["lang"] == "en"
    assert "'xx'" in all_text(at)


def test_language_switch_changes_text():
    at = _app()
    at.sidebar.radio[0].set_value("ko").run()
    assert not at.exception
    assert at.sidebar.radio[0].label == "언어"

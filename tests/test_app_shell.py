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


def test_wrong_and_default_paths_are_sent_home_without_a_not_found(monkeypatch):
    # Streamlit serves the default page at "/", so "/playground" (the README's link) was "Page not found".
    from streamlit.runtime import scriptrunner

    from ui import common

    class Manager:
        def __init__(self, name, page_hash=""):
            self.intended_page_name, self.intended_page_script_hash, self.calls = name, page_hash, []

        def set_script_intent(self, page_hash, name):
            self.calls.append((page_hash, name))

    known = ["perceptron", "", "mnist"]  # the default page's url_path is ""
    for name, page_hash, sent_home in (("playground", "", True), ("no-such-page", "", True), ("mnist", "", False),
                                       ("", "", False), ("whatever", "abc123", False)):
        manager = Manager(name, page_hash)
        monkeypatch.setattr(scriptrunner, "get_script_run_ctx", lambda: type("Ctx", (), {"pages_manager": manager})())
        common.land_wrong_paths_on_home(known)
        assert manager.calls == ([("", "")] if sent_home else []), name

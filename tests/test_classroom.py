"""AppTests of classroom mode: the presentation view, hidden controls, and a lesson from start to finish."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_utils import all_text, run_page
from tests.conftest import APPTEST_TIMEOUT, ROOT
from ui.lessons import MARK_DONE, MARK_TODO


def _q(at, name):
    """A query parameter's value (AppTest keeps a string, or a list after some writes)."""
    value = at.query_params[name]
    return value[-1] if isinstance(value, list) else value


def _figures(at):
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _sizes(figure):
    """Every font size the figure sets explicitly (layout, axes, legend, annotations, traces)."""
    found = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "size" and key.endswith("font") and isinstance(v, (int, float)):
                    found.append(v)
                walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)

    walk(figure.get("layout", {}))
    for trace in figure.get("data", []):
        walk({k: v for k, v in trace.items() if k.endswith("font")})
    return found


def _shell(query: dict, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update(query)
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("page", ["perceptron", "activations", "linear_regression"])
def test_presentation_view_sets_every_chart_text_to_18px_and_dark(page):
    plain = _figures(run_page(page))
    shown = _figures(run_page(page, **{"app/present": True}))
    assert len(plain) == len(shown) >= 2
    assert min(min(_sizes(f), default=0) for f in plain) < 18  # the pages' own charts have smaller text
    for figure in shown:
        sizes = _sizes(figure)
        assert sizes and min(sizes) >= 18, sizes
        assert figure["layout"]["font"]["color"] == "#111111"
        for axis in [v for k, v in figure["layout"].items() if k.startswith(("xaxis", "yaxis"))]:
            assert axis["tickfont"]["color"] == "#111111" and axis["title"]["font"]["size"] >= 18


def test_presentation_view_thickens_lines_and_markers():
    plain = _figures(run_page("perceptron"))[0]
    shown = _figures(run_page("perceptron", **{"app/present": True}))[0]
    pairs = list(zip(plain["data"], shown["data"]))
    markers = [(a["marker"]["size"], b["marker"]["size"]) for a, b in pairs
               if isinstance(a.get("marker", {}).get("size"), (int, float))]
    lines = [(a["line"]["width"], b["line"]["width"]) for a, b in pairs if "width" in a.get("line", {})]
    assert markers and all(b >= 1.5 * a for a, b in markers)
    assert lines and all(b >= max(a, 3) for a, b in lines)


def test_present_link_turns_the_view_on_and_survives_a_page_switch():
    at = _shell({"present": "1"}, "app_pages/perceptron.py")
    assert at.session_state["app/present"] is True
    assert at.sidebar.toggle(key="app/present").value is True
    assert _q(at, "present") == "1"
    assert "font-size: 1.2rem" in "".join(str(h.proto) for h in at.get("html"))  # the projector CSS, once
    at.switch_page("app_pages/activations.py").run()
    assert _q(at, "present") == "1" and _q(at, "lang") == "en"
    at.sidebar.toggle(key="app/present").set_value(False).run()
    assert "present" not in at.query_params


@pytest.mark.parametrize("page,key,other", [
    ("perceptron", "perceptron/w1", "perceptron/theta"),
    ("activations", "activations/w1", "activations/b"),
    ("linear_regression", "linreg/lr", "linreg/steps"),
    ("linear_regression", "linreg/w", "linreg/b"),
])
def test_a_hidden_control_is_not_drawn_and_keeps_its_link_value(page, key, other):
    name = key.split("/")[1]
    value = {"perceptron/w1": "0.25", "activations/w1": "-2", "linreg/lr": "0.02", "linreg/w": "7"}[key]
    at = run_page(page, query={"hide": key, name: value})
    drawn = {w.key for kind in ("slider", "select_slider") for w in getattr(at, kind)}
    assert key not in drawn and other in drawn
    assert float(_q(at, name)) == float(value)  # its value still works and travels
    assert _q(at, "hide") == key


def test_a_hidden_playground_control_is_not_drawn(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")
    at = run_page("network_playground", query={"hide": "playground/lr,playground/dataset", "lr": "0.3"})
    try:
        assert "playground/lr" not in {w.key for w in at.select_slider}
        assert "playground/dataset" not in {w.key for w in at.selectbox}
        assert "playground/problem" in {w.key for w in at.selectbox}
        assert _q(at, "lr") == "0.3"
    finally:
        at.session_state["playground/worker"].stop()


def test_the_teachers_panel_hides_a_control_and_the_link_carries_it():
    at = _shell({"present": "1"}, "app_pages/perceptron.py")
    panel = at.sidebar.multiselect(key="app/hide_pick")
    assert "perceptron/w2" in panel.options or "w2" in " ".join(panel.options)
    panel.set_value(["perceptron/w2"]).run()
    assert "perceptron/w2" not in {s.key for s in at.slider}
    assert _q(at, "hide") == "perceptron/w2"


LESSON_TEXT = {
    "en": ("A perceptron as a logic gate, step {n} of 3", "3 of 3 steps done"),
    "ko": ("논리 게이트가 되는 퍼셉트론 · 3단계 중 {n}단계", "3단계 중 3단계 완료"),
}


def _banner(at):
    return [m.value.replace(MARK_DONE, "✅").replace(MARK_TODO, "⬜") for m in at.markdown
            if m.value.startswith((MARK_DONE, MARK_TODO))]


def _open_step(at, n, params):
    at.query_params.clear()
    at.query_params.update({"lesson": "perceptron-gates", "step": str(n), **params,
                            "lang": at.session_state["lang"]})
    at.switch_page("app_pages/perceptron.py").run()
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_lesson_from_start_to_finish(lang):
    heading, finished = LESSON_TEXT[lang]
    at = _shell({"lang": lang}, "app_pages/lessons.py")
    assert MARK_TODO in all_text(at) and MARK_DONE not in all_text(at)
    # Step 1: AND from zero weights; not ticked until the table is right.
    _open_step(at, 1, {"gate": "AND", "w1": "0", "w2": "0", "theta": "0"})
    assert _banner(at)[0].startswith("⬜") and heading.format(n=1) in _banner(at)[0]
    at.slider(key="perceptron/w1").set_value(0.5)
    at.slider(key="perceptron/w2").set_value(0.5).run()
    assert _banner(at)[0].startswith("⬜")  # θ = 0 still fires on (1, 0): not AND yet
    at.slider(key="perceptron/theta").set_value(0.7).run()
    assert _banner(at)[0].startswith("✅")
    assert _q(at, "done") == "perceptron-gates:1"
    # Step 2 by the banner's button: its link sets AND's weights again (the page forgets the student's) and
    # the NAND goal (the student had moved w1 to 0.5 by hand; a fresh page would start at the preset too).
    at.slider(key="perceptron/w1").set_value(1.0).run()
    at.button(key="lesson-next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert _q(at, "step") == "2" and at.radio(key="perceptron/gate").value == "NAND"
    assert at.slider(key="perceptron/w1").value == 0.5 and _banner(at)[0].startswith("⬜")
    for name, value in (("w1", -0.5), ("w2", -0.5), ("theta", -0.7)):
        at.slider(key=f"perceptron/{name}").set_value(value)
    at.run()
    assert _banner(at)[0].startswith("✅") and heading.format(n=2) in _banner(at)[0]
    # Step 3: only θ is shown; OR by the threshold alone.
    _open_step(at, 3, {"gate": "OR", "w1": "0.5", "w2": "0.5", "theta": "0.7", "hide": "perceptron/w1,perceptron/w2"})
    assert {s.key for s in at.slider} & {"perceptron/w1", "perceptron/w2"} == set()
    at.slider(key="perceptron/theta").set_value(0.2).run()
    assert _banner(at)[0].startswith("✅")
    assert _q(at, "done") == "perceptron-gates:123"
    # The Lessons home shows the lesson finished; progress is in the session and in the link.
    at.query_params.clear()
    at.switch_page("app_pages/lessons.py").run()
    assert finished in [p.proto.text for p in at.get("progress")]
    assert _q(at, "done") == "perceptron-gates:123"


def test_progress_comes_back_from_a_link():
    at = _shell({"done": "circle:12,perceptron-gates:1"}, "app_pages/lessons.py")
    assert at.session_state["lesson/done"] == {"circle": {1, 2}, "perceptron-gates": {1}}
    assert "2 of 3 steps done" in [p.proto.text for p in at.get("progress")]


def test_a_playground_step_shows_its_banner_on_the_default_page(monkeypatch):
    # The Playground is the default page (url_path ""): its lesson steps must still find it.
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")
    at = _shell({"lesson": "circle", "step": "1", "dataset": "circle", "layers": "", "features": "x1,x2",
                 "hide": "playground/problem,playground/dataset"})
    try:
        assert _banner(at) and _banner(at)[0].startswith("⬜")
        assert "playground/dataset" not in {w.key for w in at.selectbox}
        at.button(key="playground/layers_plus").click().run()
        assert _banner(at)[0].startswith("✅")  # one hidden layer now
    finally:
        at.session_state["playground/worker"].stop()

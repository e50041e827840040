"""AppTest of the Classic ML vs deep learning page, in English and Korean."""

from __future__ import annotations

import json
import re

import pytest

from playground import compare
from playground.i18n import text
from tests.apptest_utils import all_text
from tests.apptest_utils import run_page as run_first
from ui import background

PAGE = "classic_vs_deep"
# Small, quick settings (the page's fits are cached per setting, so tests share them).
QUICK = {"points": "200", "steps": "250", "net": "small", "noise": "0"}


def settle(at):
    """Let the fits the page started in the background finish, and run the page again to draw them
    (in the browser a polling fragment does that last run; AppTest does not tick it)."""
    background.wait_all()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def run_page(*args, **kwargs):
    """The page with every map drawn."""
    return settle(run_first(*args, **kwargs))


def _scores(at) -> list[tuple[float, float]]:
    """(train, test) accuracy of every "train X · test Y" line on the page, in order."""
    found = []
    for md in at.markdown:
        m = re.search(r"\*\*([\d.]+)%\*\*.*?\*\*([\d.]+)%\*\*", str(md.value))
        if m and "·" in str(md.value):
            found.append((float(m.group(1)) / 100, float(m.group(2)) / 100))
    return found


@pytest.fixture(scope="module")
def english():
    return run_page(PAGE, "en", query={**QUICK, "data": "gaussians"})


def test_every_model_is_drawn_with_its_scores(english):
    assert english.title[0].value == text("classic.title", "en")
    scores = _scores(english)
    # 8 models in the comparison + 3 in the feature-engineering section
    assert len(scores) == len(compare.MODELS) + 3
    charts = english.get("plotly_chart")
    assert len(charts) == len(compare.MODELS) + 3
    # well-separated gaussians: every model is nearly perfect on unseen points
    assert all(test >= 0.95 for _, test in scores[: len(compare.MODELS)]), scores
    page = all_text(english)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in charts]
    assert titles[: len(compare.MODELS)] == [text(f"classic.model.{name}", "en") for name in compare.MODELS]
    assert "Best on the test data" in page


def test_feature_engineering_section_shows_the_claim(english):
    # the section uses the circle by default, whatever the comparison's data set
    assert english.selectbox(key="classic/fe_data").value == "circle"
    raw, engineered, network = _scores(english)[-3:]
    assert raw[1] <= 0.70 and engineered[1] >= 0.95 and network[1] >= 0.9
    assert "with x₁, x₂ alone" in all_text(english)


def test_removing_the_engineered_features_makes_logistic_fail_again(english):
    settle(english.multiselect(key="classic/features").set_value([]).run())
    raw, engineered, _ = _scores(english)[-3:]
    assert engineered == raw  # nothing extra given: the same straight line
    settle(english.multiselect(key="classic/features").set_value(["x1_sq", "x2_sq"]).run())


def test_korean_page():
    at = run_page(PAGE, "ko", query=QUICK)
    assert at.title[0].value == text("classic.title", "ko")
    page = all_text(at)
    assert "결정 경계" in page and "특성 공학" in page
    assert "Best on the test data" not in page
    assert "나선" in at.selectbox(key="classic/data").options


def test_link_settings_are_read_and_bad_ones_reported():
    at = run_first(PAGE, "en", query={**QUICK, "data": "moons", "noise": "999"})  # the notice is on the first run
    assert at.selectbox(key="classic/data").value == "moons"
    assert at.slider(key="classic/noise").value == 10  # the default, with a notice
    assert any("999" in str(i.value) for i in at.info)


def test_multi_class_data_shows_a_classes_slider():
    at = run_page(PAGE, "en", query={**QUICK, "data": "blobs", "classes": "4"})
    assert at.slider(key="classic/classes").value == 4
    assert len(_scores(at)) == len(compare.MODELS) + 3


def test_measure_button_draws_the_learning_curve(monkeypatch):
    # A short curve: the page reads the sizes from the core module when the button is pressed.
    monkeypatch.setattr(compare, "CURVE_SIZES", (10, 100))
    monkeypatch.setattr(compare, "CURVE_REPEATS", 1)
    monkeypatch.setattr(compare, "CURVE_TEST_POINTS", 200)
    at = run_page(PAGE, "en", query={**QUICK, "data": "circle", "curve_model": "logistic"})
    assert "Press **Measure**" in all_text(at)
    charts_before = len(at.get("plotly_chart"))
    settle(at.button(key="classic/measure").click().run())
    assert len(at.get("plotly_chart")) == charts_before + 1
    reading = all_text(at)
    m = re.search(r"With 100: Logistic regression ([\d.]+)%, network ([\d.]+)%", reading)
    assert m, reading[-600:]
    assert float(m.group(1)) <= 70 and float(m.group(2)) >= 80  # a line cannot do a circle; the network can
    # the measured curve stays on screen across reruns with the same settings
    at.run()
    assert "With 100:" in all_text(at)


def test_settings_survive_a_language_switch_and_leaving_the_page():
    at = run_page(PAGE, "en", query={**QUICK, "data": "xor"})
    at.selectbox(key="classic/curve_model").set_value("forest").run()
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.title[0].value == text("classic.title", "ko")
    assert at.session_state["classic/data"] == "xor" and at.session_state["classic/curve_model"] == "forest"
    saved = at.session_state["classic/saved"]
    assert saved["curve_model"] == "forest"
    # Streamlit drops a page's widget values when the page is left; on return they come from "saved",
    # even over the link's values.
    back = run_page(PAGE, "en", query={**QUICK, "data": "moons"}, **{"classic/saved": {**saved, "data": "xor"}})
    assert back.session_state["classic/data"] == "xor" and back.session_state["classic/curve_model"] == "forest"


def test_settings_that_change_together_or_with_a_fragment_rerun_are_put_back(monkeypatch):
    # Seen in full CI runs: the browser sent the sliders' and the multiselect's built-in defaults (40 points,
    # noise 0, no features) all at once, and the page took them as the student's.
    at = run_page(PAGE, "en", query={**QUICK, "data": "moons", "noise": "10"})
    at.slider(key="classic/points").set_value(40)
    at.slider(key="classic/noise").set_value(0)
    at.multiselect(key="classic/features").set_value([])
    at.run()
    assert not at.exception
    assert at.slider(key="classic/points").value == 200 and at.slider(key="classic/noise").value == 10
    assert at.multiselect(key="classic/features").value == ["x1_sq", "x2_sq"]
    assert not {"points", "noise", "features"} & set(at.session_state["classic/saved"])
    # One change at a time is the student's: kept, and saved for the next visit; so are two quick ones that
    # arrive together, unless both land on the widgets' own defaults.
    at.slider(key="classic/points").set_value(60).run()
    assert at.slider(key="classic/points").value == 60 and at.session_state["classic/saved"]["points"] == 60
    at.slider(key="classic/noise").set_value(0).run()
    assert at.slider(key="classic/noise").value == 0 and at.session_state["classic/saved"]["noise"] == 0
    at.slider(key="classic/noise").set_value(25)
    at.slider(key="classic/points").set_value(40)
    at.run()
    assert at.slider(key="classic/noise").value == 25 and at.slider(key="classic/points").value == 40
    # A change that came with a fragment's rerun is not (these controls are outside every fragment). AppTest runs
    # no fragments, so `in_fragment_run` answers as it would in one; callbacks are the last run's functions,
    # hence one run to take the stand-in.
    import ui.common

    monkeypatch.setattr(ui.common, "in_fragment_run", lambda: True)
    at.run()
    at.slider(key="classic/points").set_value(60).run()
    at.slider(key="classic/points").set_value(40).run()
    assert at.slider(key="classic/points").value == 60 and at.session_state["classic/saved"]["points"] == 60


def test_every_label_built_from_a_name_exists():
    from playground import i18n
    from playground.datasets import toy

    keys = [f"classic.model.{m}" for m in compare.MODELS] + [f"classic.about.{m}" for m in compare.MODELS]
    keys += [f"classic.dataset.{d}" for d in toy.CLASSIFICATION] + [f"classic.net.{s}" for s in ("small", "medium", "large")]
    missing = [k for k in keys if k not in i18n.strings()]
    assert not missing, missing


def _spinners(at) -> int:
    """Notices with a spinner saying "Fitting…" (one where each unfinished map will be)."""
    return sum(i.value == "Fitting…" and i.icon == "spinner" for i in at.info)


def test_the_page_draws_before_the_fits_are_done_with_a_spinner_per_map():
    # A setting no other test uses (seed 4242), so nothing is fitted yet: the first run must not wait for
    # the eight fits (issue 8: never block the page), and shows where each map will be.
    at = run_first(PAGE, "en", query={**QUICK, "steps": "1000", "seed": "4242"})
    assert _spinners(at) >= 1  # at least the network (1,000 steps) is still fitting
    assert len(at.get("plotly_chart")) < len(compare.MODELS) + 3
    settle(at)
    assert len(at.get("plotly_chart")) == len(compare.MODELS) + 3
    assert _spinners(at) == 0
    assert "Best on the test data" in all_text(at)


def test_captions_fit_five_classes():
    # issue 11: "Captions say 'either class' with 5 classes". With more than two classes logistic
    # regression is a softmax and the SVM votes between pairs of classes (scikit-learn's one-vs-one).
    at = run_page(PAGE, "en", query={**QUICK, "data": "blobs", "classes": "5"})
    page = all_text(at)
    assert "either class" not in page and "through a sigmoid" not in page
    assert text("classic.about.logistic.multi", "en") in page and text("classic.about.svm_linear.multi", "en") in page
    two = run_page(PAGE, "en", query={**QUICK, "data": "circle"})
    assert text("classic.about.svm_linear", "en") in all_text(two)


def test_the_default_learning_curve_shows_and_says_what_note_000_teaches():
    # issue 11: the default curve must show deep learning improving with more data where the classic
    # model levels off, and a sentence must read the measured result. Default settings, full curve.
    at = run_page(PAGE, "en")
    assert at.selectbox(key="classic/curve_model").value == "logistic"
    settle(at.button(key="classic/measure").click().run())
    page = all_text(at)
    assert "What this curve shows:** the notes' picture" in page, page[-1500:]
    m = re.search(r"the network gained \+(\d+) points of accuracy and Logistic regression ([+−]\d+)", page)
    assert m and int(m.group(1)) >= 10 and int(m.group(2).replace("−", "-")) <= 5, page[-1500:]

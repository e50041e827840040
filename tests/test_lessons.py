"""Lesson files and their checks (playground/lessons.py): every file loads, every step opens a real page
with link values that page accepts, and every check can be met and can fail."""

from __future__ import annotations

import re

import pytest

from playground import lessons as L
from playground import perceptron as pc
from playground import regression as R
from tests.apptest_utils import run_page
from tests.conftest import ROOT

LESSONS = L.load_all()
STEPS = [(lesson, n, step) for lesson in LESSONS for n, step in enumerate(lesson.steps, 1)]


def test_lessons_follow_the_notes_order():
    ids = [lesson.id for lesson in LESSONS]
    expected = ["perceptron-gates", "xor-two-layers", "activations", "circle", "gradient-descent", "classic-vs-deep",
                "overfitting"]
    assert [i for i in ids if i in expected] == expected


def test_every_lesson_page_is_a_page_of_the_app():
    shell = (ROOT / "streamlit_app.py").read_text()
    for path, page_file in L.PAGES.items():
        assert (ROOT / page_file).is_file(), page_file
        assert re.search(rf'st\.Page\("{re.escape(page_file)}".*url_path="{re.escape(path)}"', shell), path


@pytest.mark.parametrize("lesson,number,step", STEPS, ids=[f"{lesson.id}-{n}" for lesson, n, _ in STEPS])
def test_each_check_can_be_met_and_can_fail(lesson, number, step):
    passing, failing = L.CHECKS[step.check].examples(step.args)
    assert L.check_done(step.check, step.args, passing)
    assert not L.check_done(step.check, step.args, failing)
    assert not L.check_done(step.check, step.args, None)  # a page not visited yet: not done


@pytest.mark.parametrize("lesson,number,step", STEPS, ids=[f"{lesson.id}-{n}" for lesson, n, _ in STEPS])
def test_each_step_link_opens_its_page_with_valid_values(lesson, number, step, monkeypatch):
    # The page itself judges the link: no "not valid, using the default" notice, every hidden name a control it draws.
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")  # a thread, stopped below
    page = L.PAGES[step.page].removeprefix("app_pages/").removesuffix(".py")
    at = run_page(page, query=step.query())
    for key in ("playground/worker", "splits/worker", "mnist/worker"):
        if key in at.session_state and at.session_state[key] is not None:
            at.session_state[key].stop()
    notices = [str(el.value) for el in at.info]
    assert not [n for n in notices if "is not valid" in n], notices
    controls = at.session_state["app/controls"] if "app/controls" in at.session_state else {}
    assert set(step.hide) <= set(controls), sorted(controls)


def test_checks_against_outside_references():
    # The notes' weights: AND (0.5, 0.5, 0.7), NAND (−0.5, −0.5, −0.7), OR (0.5, 0.5, 0.2).
    assert L.perceptron_is_gate({"w1": 0.5, "w2": 0.5, "theta": 0.7}, "AND")
    assert L.perceptron_is_gate({"w1": -0.5, "w2": -0.5, "theta": -0.7}, "NAND")
    assert L.perceptron_is_gate({"w1": 0.5, "w2": 0.5, "theta": 0.2}, "OR")
    assert not L.perceptron_is_gate({"w1": 0.5, "w2": 0.5, "theta": 0.2}, "AND")
    assert not any(L.perceptron_is_gate({"w1": a, "w2": b, "theta": c}, "XOR")
                   for a in (-1, 0, 1) for b in (-1, 0, 1) for c in (-1.5, -0.5, 0.5, 1.5))
    # The default two-layer network is XOR (the notes' NAND/OR/AND); a silent NAND neuron breaks it.
    assert L.xor_network_is_xor({}) and pc.xor_network().is_xor
    assert L.xor_network_is_xor({"xor/nand/theta": 5.0}, want=False)
    # Gradient descent on the notes' hours table: stable below 2/λmax (≈0.0238), diverges above.
    limit = R.stability_limit(R.NOTES_HOURS)
    assert 0.02 < limit < 0.025
    state = {"data": "hours", "steps": 200, "w": 0.0, "b": 0.0}
    assert L.gd_diverges({**state, "lr": 0.03}) and not L.gd_diverges({**state, "lr": 0.02})
    assert L.gd_reaches_best({**state, "lr": 0.02, "steps": 1000})
    assert not L.gd_reaches_best({**state, "lr": 0.001, "steps": 200})


def test_progress_round_trips_and_ignores_junk():
    done = {"perceptron-gates": {1, 3}, "circle": {2}}
    assert L.decode_progress(L.encode_progress(done)) == done
    assert L.decode_progress("perceptron-gates:19x,nope:1,circle:0,," + "a" * 10_000) == {"perceptron-gates": {1}}


def _lesson_text(**changes) -> dict:
    raw = {"order": 1, "title": {"en": "T", "ko": "제목"}, "intro": {"en": "I", "ko": "소개"},
           "steps": [{"page": "perceptron", "task": {"en": "Do", "ko": "하세요"}, "check": "perceptron_is_gate",
                      "args": {"gate": "AND"}}]}
    for key, value in changes.items():
        if key.startswith("step_"):
            raw["steps"][0][key[5:]] = value
        else:
            raw[key] = value
    return raw


@pytest.mark.parametrize("changes,message", [
    ({"step_page": "nowhere"}, "unknown page"),
    ({"step_check": "is_magic"}, "unknown check"),
    ({"step_args": {}}, "takes"),
    ({"step_args": {"gate": "AND", "colour": "red"}}, "takes"),
    ({"title": {"en": "T", "ko": "Title"}}, "no Korean"),
    ({"intro": {"en": "only English"}}, "'en' and 'ko'"),
    ({"steps": []}, "1 to 9"),
    ({"order": "first"}, "order"),
])
def test_a_teachers_mistake_is_named(changes, message):
    L.parse(_lesson_text(), "ok")  # the unchanged file is fine
    with pytest.raises(L.LessonError, match=message):
        L.parse(_lesson_text(**changes), "mine")


def test_the_backpropagation_goal_is_reachable_on_its_page_settings():
    # The lesson's step 2 (OR, rate 2.0, seed 1): 20 whole-batch updates already take the loss 20% down.
    from playground import backprop as bp

    step = L.by_id("backpropagation").steps[1]
    spec = bp.NetSpec()
    examples = bp.check_examples(spec, bp.DATASETS[step.params["data"]])
    params = bp.init_params(spec, step.params["seed"])
    start = bp.mean_loss(spec, params, examples)
    for _ in range(20):
        _, grads = bp.batch_gradients(spec, params, examples)
        params = bp.update(params, grads, step.params["lr"])
    assert L.loss_dropped({"start_loss": start, "loss": bp.mean_loss(spec, params, examples)}, step.args["by"])


def test_korean_tasks_name_the_buttons_as_the_pages_do():
    # The Korean Play of training is 학습 시작 (tests/test_i18n.py); a task saying 재생 names no button on the page.
    for lesson in LESSONS:
        for step in lesson.steps:
            assert "재생" not in step.task["ko"], (lesson.id, step.task["ko"])

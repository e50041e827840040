"""The Softmax and cross-entropy page in AppTest: both languages, presets, sliders, link state, hand-computed numbers."""

import math

from tests.apptest_utils import all_text, run_page

P = "softmax/"


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_english_page_opens_on_the_notes_vector_with_the_formula_filled_in():
    at = run_page("softmax")
    assert at.title[0].value == "Softmax and cross-entropy"
    # The notes' [0.4, 0.3, 0.2, 0.1] as logits ln p: exponentials 4, 3, 2, 1 over their sum 10.
    assert _metric(at, "p of the true class") == "0.400"
    assert _metric(at, "Cross-entropy −ln p_y") == f"{-math.log(0.4):.3f}"
    assert _metric(at, "Squared error Σ(pᵢ − tᵢ)²") == f"{0.6**2 + 0.3**2 + 0.2**2 + 0.1**2:.3f}"
    assert any(r"\frac{4}{4 + 3 + 2 + 1}" in latex.value for latex in at.latex)
    assert len(at.get("plotly_chart")) == 3  # probabilities, the shift check, loss against p_y
    table = at.table[0].value
    assert list(table.iloc[:, -1]) == [f"{-math.log(p):.3f}" for p in (0.4, 0.3, 0.2, 0.1)]
    text = all_text(at)
    assert f"−ln 0.7 = **{-math.log(0.7):.3f}**" in text


def test_korean_page_uses_the_course_terms():
    at = run_page("softmax", "ko")
    assert at.title[0].value == "소프트맥스와 교차 엔트로피"
    text = all_text(at)
    for term in ("소프트맥스", "교차 엔트로피", "원-핫", "역전파", "기울기", "로짓"):
        assert term in text, term
    assert at.slider(key=P + "T").label == "온도 T"


def test_true_class_and_logit_sliders_change_the_loss_and_the_link():
    at = run_page("softmax")
    at.radio(key=P + "y").set_value(3).run()
    assert _metric(at, "Cross-entropy −ln p_y") == f"{-math.log(0.1):.3f}"
    assert any("favours class 0, the answer is class 3" in w.value for w in at.warning)
    at.slider(key=P + "z3").set_value(5.0).run()
    z = [math.log(4), math.log(3), math.log(2), 5.0]
    total = sum(math.exp(v) for v in z)
    assert _metric(at, "Predicted class") == "3"
    assert _metric(at, "Cross-entropy −ln p_y") == f"{-(5.0 - math.log(total)):.3f}"
    assert at.query_params["y"] == ["3"] or at.query_params["y"] == "3"
    assert "z3" in at.query_params


def test_presets_and_class_count():
    at = run_page("softmax")
    at.button(key=P + "preset_confident").click().run()
    assert at.slider(key=P + "k").value == 10
    assert len([s for s in at.slider if s.key and s.key.startswith(P + "z")]) == 10
    assert _metric(at, "Predicted class") == "3"
    at.button(key=P + "preset_notes_sure").click().run()
    assert _metric(at, "p of the true class") == "0.700"
    at.slider(key=P + "k").set_value(2).run()
    assert len([s for s in at.slider if s.key and s.key.startswith(P + "z")]) == 2
    assert at.radio(key=P + "y").options == ["0", "1"]


def test_temperature_sharpens_and_flattens():
    at = run_page("softmax")
    at.slider(key=P + "T").set_value(0.5).run()
    p = [x**2 for x in (4, 3, 2, 1)]  # exp(ln(p)/0.5) = p²
    assert _metric(at, "p of the true class") == f"{16 / sum(p):.3f}"
    assert any("At T = 0.5 the largest probability is" in i.value for i in at.info)
    at.slider(key=P + "T").set_value(5.0).run()
    assert float(_metric(at, "p of the true class")) < 0.3


def test_adding_a_constant_changes_no_probability():
    at = run_page("softmax")
    before = _metric(at, "p of the true class")
    at.slider(key=P + "c").set_value(7.5).run()
    assert _metric(at, "Largest change in any probability") in ("0", "0.0e+00") or float(_metric(at, "Largest change in any probability")) < 1e-12
    assert _metric(at, "p of the true class") == before
    assert f"{math.exp(7.5):,.0f}" in all_text(at)  # every exponential is exp(c) times larger


def test_gradient_view_switches_between_p_and_logit():
    at = run_page("softmax")
    assert "slope −2.500" in all_text(at)  # −1/0.4
    at.radio(key=P + "wrt").set_value("z").run()
    assert "slope −0.600" in all_text(at)  # p_y − 1
    assert at.query_params["wrt"] in ("z", ["z"])


def test_link_sets_everything_and_bad_values_are_sentences():
    at = run_page("softmax", query={"k": "3", "z0": "0", "z1": "2", "z2": "abc", "y": "1", "T": "99", "wrt": "z"})
    assert at.slider(key=P + "k").value == 3
    assert at.slider(key=P + "z1").value == 2.0
    assert at.slider(key=P + "T").value == 1.0
    assert at.radio(key=P + "wrt").value == "z"
    notices = " ".join(i.value for i in at.info)
    assert "'abc'" in notices and "'99'" in notices
    at = run_page("softmax", "ko", query={"k": "3", "y": "7"})
    assert at.radio(key=P + "y").value == 2
    assert "정답 클래스 7" in " ".join(i.value for i in at.info)


def test_settings_survive_a_visit_to_another_page():
    at = run_page("softmax")
    at.slider(key=P + "T").set_value(2.0).run()
    saved = dict(at.session_state[P + "saved"])
    at2 = run_page("softmax", **{P + "saved": saved, P + "url": {}, P + "seeded": True})
    assert at2.slider(key=P + "T").value == 2.0

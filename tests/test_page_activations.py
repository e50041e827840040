"""The Activation functions page in AppTest: both languages, widgets by key, hand-computed neuron outputs."""

import math

from tests.apptest_utils import all_text, run_page


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_english_page_compares_and_explains():
    at = run_page("activations")
    assert at.title[0].value == "Activation functions"
    assert at.multiselect(key="activations/compare").value == ["step", "sigmoid", "tanh", "relu"]
    assert len(at.get("plotly_chart")) == 3  # functions, neuron heatmap, vanishing gradient
    text = all_text(at)
    assert "Sigmoid" in text and "cannot be trained by gradient descent" in text
    assert any(r"\frac{1}{1 + e^{-z}}" in latex.value for latex in at.latex)


def test_korean_page():
    at = run_page("activations", "ko")
    assert at.title[0].value == "활성화 함수"
    text = all_text(at)
    assert "기울기 소실" in text and "계단 함수" in text and "가중치" in text
    assert at.selectbox(key="activations/act").label == "활성화 함수"


def test_changing_the_neuron_activation_changes_its_output():
    # Defaults w1 = 1, w2 = 1, b = -0.5 at (1, -1): z = 1 - 1 - 0.5 = -0.5.
    at = run_page("activations")
    assert _metric(at, "Net input z") == "-0.500"
    assert _metric(at, "Output f(z)") == f"{1 / (1 + math.exp(0.5)):.3f}"  # sigmoid(-0.5) = 0.378
    at.selectbox(key="activations/act").set_value("relu").run()
    assert _metric(at, "Output f(z)") == "0.000"
    assert _metric(at, "Slope f′(z)") == "0.000"
    at.selectbox(key="activations/act").set_value("elu").run()
    assert _metric(at, "Output f(z)") == f"{math.exp(-0.5) - 1:.3f}"  # -0.393
    assert at.query_params["act"] == "elu"  # the share link follows the widgets


def test_weights_and_point_by_key():
    at = run_page("activations")
    at.selectbox(key="activations/act").set_value("tanh")
    at.slider(key="activations/w1").set_value(2.0)
    at.slider(key="activations/w2").set_value(-1.0)
    at.slider(key="activations/b").set_value(0.5)
    at.slider(key="activations/x1").set_value(0.5)
    at.slider(key="activations/x2").set_value(1.5).run()
    # z = 2*0.5 - 1*1.5 + 0.5 = 0
    assert _metric(at, "Net input z") == "0.000"
    assert _metric(at, "Output f(z)") == "0.000"
    assert _metric(at, "Slope f′(z)") == "1.000"  # tanh'(0) = 1


def test_step_neuron_gets_no_gradient():
    at = run_page("activations", query={"act": "step"})
    assert at.selectbox(key="activations/act").value == "step"
    assert any("nothing to follow" in w.value for w in at.warning)
    at.selectbox(key="activations/act").set_value("sigmoid").run()
    assert not any("nothing to follow" in w.value for w in at.warning)


def test_vanishing_gradient_slider():
    at = run_page("activations")
    at.slider(key="activations/n").set_value(5).run()
    assert _metric(at, "Upper bound 0.25ⁿ") == f"{0.25**5:.2e}"  # 9.77e-04
    assert "1/1,024" in all_text(at)


def test_link_sets_neuron_and_bad_values_fall_back_with_a_notice():
    at = run_page("activations", query={"act": "gelu", "w1": "abc", "b": "99", "x1": "2"})
    assert at.selectbox(key="activations/act").value == "gelu"
    assert at.slider(key="activations/w1").value == 1.0
    assert at.slider(key="activations/b").value == -0.5
    assert at.slider(key="activations/x1").value == 2.0
    notices = " ".join(i.value for i in at.info)
    assert "'abc'" in notices and "'99'" in notices


def test_empty_selection_and_hidden_curves_explain_themselves():
    at = run_page("activations")
    at.toggle(key="activations/show_fn").set_value(False)
    at.toggle(key="activations/show_deriv").set_value(False).run()
    assert any("switch one of them on" in i.value for i in at.info)
    at.multiselect(key="activations/compare").set_value([]).run()
    assert any("Pick at least one" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 2


def test_equal_range_ends_show_a_sentence_not_a_traceback():
    at = run_page("activations")
    at.slider(key="activations/x_range").set_value((2.0, 2.0)).run()
    assert not at.exception
    assert any("must be smaller" in e.value for e in at.error)


def test_language_switch_keeps_the_choices():
    at = run_page("activations")
    at.selectbox(key="activations/act").set_value("gelu").run()
    at.session_state["lang"] = "ko"
    at.run()
    at.slider(key="activations/w1").set_value(2.0).run()
    assert at.selectbox(key="activations/act").value == "gelu"
    assert at.multiselect(key="activations/compare").value == ["step", "sigmoid", "tanh", "relu"]
    assert at.title[0].value == "활성화 함수"


def test_every_label_names_the_input_z_like_the_slider_and_the_axis():
    # The chart's axis and the range slider call the input z; the cards' formulas and the range error must too.
    at = run_page("activations")
    assert "z" in at.slider(key="activations/x_range").label
    cards = [latex.value for latex in at.latex]
    assert cards and all("(z)" in f and "(x)" not in f for f in cards), cards
    at.slider(key="activations/x_range").set_value((2.0, 2.0)).run()
    error = at.error[0].value
    assert "z range" in error and "x range" not in error
    at = run_page("activations", "ko")
    at.slider(key="activations/x_range").set_value((2.0, 2.0)).run()
    assert "z 범위" in at.error[0].value


def test_deep_stack_ratio_is_readable_not_a_nineteen_digit_number():
    at = run_page("activations", query={"n": "30"})
    text = all_text(at)
    assert "1,152,921,504,606,846,976" not in text
    assert "4³⁰" in text and "10¹⁸" in text  # 4^30 = 1.15 × 10^18
    small = all_text(run_page("activations", query={"n": "3"}))
    assert "1/64" in small  # small ratios stay exact

"""The Perceptron & logic gates page under AppTest: sliders by key, verdicts and tables against hand results."""

from streamlit.testing.v1 import AppTest

from tests.apptest_utils import all_text, run_page
from tests.conftest import APPTEST_TIMEOUT, ROOT

P = "perceptron/"


def _table(at, index=0):
    return at.table[index].value


def _column(frame, prefix):
    """The column whose header starts with `prefix` (headers carry θ or the gate name)."""
    [name] = [c for c in frame.columns if str(c).startswith(prefix)]
    return frame[name].tolist()


def test_default_is_the_textbook_and_gate():
    at = run_page("perceptron")
    assert at.title[0].value == "Perceptron & logic gates"
    assert [s.value for s in at.slider][:3] == [0.5, 0.5, 0.7]
    assert "This perceptron is an AND gate" in at.success[0].value
    table = _table(at)
    assert table["x1"].tolist() == [0, 0, 1, 1] and table["x2"].tolist() == [0, 1, 0, 1]
    assert _column(table, "w1·x1 + w2·x2") == [
        "0.5·0 + 0.5·0 = 0", "0.5·0 + 0.5·1 = 0.5", "0.5·1 + 0.5·0 = 0.5", "0.5·1 + 0.5·1 = 1"]
    assert _column(table, "output") == [0, 0, 0, 1]
    assert _column(table, "correct") == ["✓"] * 4
    assert at.query_params["theta"] == ["0.7"] or at.query_params["theta"] == "0.7"


def test_lower_threshold_breaks_and_and_names_the_rows():
    at = run_page("perceptron")
    at.slider(key=P + "theta").set_value(0.45).run()
    assert not at.exception
    # 0.5 > 0.45: rows (0,1) and (1,0) now give 1 although AND wants 0; it has become OR.
    verdict = at.warning[0].value
    assert "Not an AND gate yet: 2 of 4 rows are wrong: (0, 1), (1, 0)" in verdict
    assert "Right now it is an OR gate" in verdict
    table = _table(at)
    assert _column(table, "output") == [0, 1, 1, 1]
    assert _column(table, "correct") == ["✓", "✗", "✗", "✓"]
    assert str(at.query_params["theta"]).strip("[]'") == "0.45"


def test_threshold_equal_to_the_sum_does_not_fire():
    at = run_page("perceptron")
    at.slider(key=P + "w1").set_value(1.0)
    at.slider(key=P + "w2").set_value(1.0)
    at.slider(key=P + "theta").set_value(1.0).run()
    assert "AND gate" in at.success[0].value  # the textbook's (1.0, 1.0, 1.0): 1 > 1 is false
    assert _column(_table(at), "w1·x1 + w2·x2")[1] == "1·0 + 1·1 = 1"


def test_preset_button_loads_nand():
    at = run_page("perceptron")
    at.radio(key=P + "gate").set_value("NAND").run()
    assert "Not a NAND gate yet: 4 of 4 rows are wrong" in at.warning[0].value
    at.button(key=P + "preset").click().run()
    assert [at.slider(key=P + k).value for k in ("w1", "w2", "theta")] == [-0.5, -0.5, -0.7]
    assert "This perceptron is a NAND gate" in at.success[0].value
    assert _column(_table(at), "output") == [1, 1, 1, 0]


def test_xor_explains_why_and_has_no_preset():
    at = run_page("perceptron")
    at.radio(key=P + "gate").set_value("XOR").run()
    text = all_text(at)
    # AND's outputs 0, 0, 0, 1 against XOR's 0, 1, 1, 0.
    assert "Not an XOR gate yet: 3 of 4 rows are wrong: (0, 1), (1, 0), (1, 1)" in text
    assert "no straight line splits the four points" in text
    assert at.button(key=P + "preset").disabled


def test_bias_switch_shows_b_and_keeps_the_rule():
    at = run_page("perceptron")
    at.toggle(key=P + "use_bias").set_value(True).run()
    assert at.slider(key=P + "bias").value == -0.7
    assert _column(_table(at), "w1·x1 + w2·x2 + b")[3] == "0.5·1 + 0.5·1 − 0.7 = 0.3"
    at.slider(key=P + "bias").set_value(-0.2).run()  # θ = 0.2: the OR preset
    assert "Right now it is an OR gate" in at.warning[0].value
    at.toggle(key=P + "use_bias").set_value(False).run()
    assert at.slider(key=P + "theta").value == 0.2


def test_learning_and_from_zero_matches_the_hand_trace():
    at = run_page("perceptron", **{P + "w1": 0.0, P + "w2": 0.0, P + "theta": 0.0})
    assert "Not an AND gate yet: 1 of 4 rows are wrong: (1, 1)" in at.warning[0].value
    at.button(key=P + "learn_next").click().run()
    # By hand: epoch 1, row (1,1) gives 0 but AND wants 1, so w1, w2 += 0.1 and θ −= 0.1.
    assert "Update 1 (epoch 1): row (1, 1) gave y = 0 but the target is t = 1" in all_text(at)
    assert "θ: 0 → −0.1" in all_text(at)
    at.button(key=P + "learn_run").click().run()
    assert "Converged: after 6 epochs and 10 weight update(s) the perceptron is an AND gate" in all_text(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Update"] == "10 / 10" and metrics["Epoch"] == "5 / 6" and metrics["w1, w2, θ"] == "0.2, 0.1, 0.2"
    # Scrub back to update 4 (hand trace: (0.2, 0.1, 0.0) in epoch 2).
    at.slider(key=P + "learn_step").set_value(4).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["w1, w2, θ"] == "0.2, 0.1, 0" and metrics["Epoch"] == "2 / 6"
    # Copy the learned weights to the sliders: the perceptron at the top becomes an AND gate.
    at.slider(key=P + "learn_step").set_value(10).run()
    at.button(key=P + "learn_apply").click().run()
    assert [at.slider(key=P + k).value for k in ("w1", "w2", "theta")] == [0.2, 0.1, 0.2]
    assert "This perceptron is an AND gate" in at.success[0].value


def test_learning_xor_stops_and_says_why():
    at = run_page("perceptron", **{P + "gate": "XOR"})
    at.select_slider(key=P + "max_epochs").set_value(20).run()
    at.button(key=P + "learn_run").click().run()
    text = all_text(at)
    assert "Stopped after 20 epochs" in text and "without converging" in text
    assert "cannot be split by one line" in text


def test_two_layer_xor_table_and_edits():
    at = run_page("perceptron")
    assert "This two-layer network computes XOR" in all_text(at)
    xor = _table(at, 1)
    assert xor["s1 (NAND)"].tolist() == [1, 1, 1, 0]
    assert xor["s2 (OR)"].tolist() == [0, 1, 1, 1]
    assert xor["y = AND(s1, s2)"].tolist() == [0, 1, 1, 0]
    # Output threshold 1.2: AND(s1, s2) = 0.5 + 0.5 = 1 is no longer > 1.2, so y is 0 everywhere.
    at.number_input(key=P + "xor/and/theta").set_value(1.2).run()
    assert xor is not _table(at, 1)
    assert _table(at, 1)["y = AND(s1, s2)"].tolist() == [0, 0, 0, 0]
    assert "Not XOR: 2 of 4 rows are wrong: (0, 1), (1, 0)" in all_text(at)
    assert "✗ not an AND gate" in all_text(at)
    at.button(key=P + "xor_reset").click().run()
    assert _table(at, 1)["y = AND(s1, s2)"].tolist() == [0, 1, 1, 0]


def test_korean_page_is_korean():
    at = run_page("perceptron", lang="ko")
    assert at.title[0].value == "퍼셉트론과 논리 게이트"
    assert at.slider(key=P + "theta").label == "임계값 θ"
    assert "이 퍼셉트론은 AND 게이트입니다" in at.success[0].value
    assert "진리표" in all_text(at) and "은닉층" not in at.title[0].value
    assert "정답?" in _table(at).columns


def test_share_link_sets_the_sliders():
    at = run_page("perceptron", query={"w1": "-0.5", "w2": "-0.5", "theta": "-0.7", "gate": "NAND"})
    assert [at.slider(key=P + k).value for k in ("w1", "w2", "theta")] == [-0.5, -0.5, -0.7]
    assert "This perceptron is a NAND gate" in at.success[0].value


def test_bad_link_values_fall_back_with_a_notice():
    at = run_page("perceptron", query={"w1": "abc", "theta": "9", "gate": "XNOR"})
    notices = " ".join(i.value for i in at.info)
    assert "'abc'" in notices and "'9'" in notices and "'XNOR'" in notices
    assert at.slider(key=P + "w1").value == 0.5 and at.slider(key=P + "theta").value == 0.7
    assert at.radio(key=P + "gate").value == "AND"
    assert not at.error


def test_language_switch_keeps_the_settings():
    at = run_page("perceptron")
    at.slider(key=P + "theta").set_value(0.45).run()
    at.session_state["lang"] = "ko"
    at.run()
    assert at.slider(key=P + "theta").value == 0.45
    assert "아직 AND 게이트가 아닙니다. 4행 중 2행이 틀렸습니다: (0, 1), (1, 0)." in at.warning[0].value


def test_settings_survive_a_visit_to_another_page():
    # Streamlit drops widget values while their page is not shown; the page keeps its own copy in
    # "perceptron/saved" and redraws the widgets from it when the student comes back.
    first = run_page("perceptron")
    first.slider(key=P + "w1").set_value(-0.25)
    first.radio(key=P + "gate").set_value("OR").run()
    saved = dict(first.session_state[P + "saved"])
    back = run_page("perceptron", **{P + "saved": saved, P + "url": {}})  # widget values gone, the copy kept
    assert back.slider(key=P + "w1").value == -0.25
    assert back.radio(key=P + "gate").value == "OR"
    assert "Not an OR gate yet" in back.warning[0].value  # −0.25·1 + 0.5·0 = −0.25 is not > 0.7 on (1, 0)


def test_learning_position_survives_a_visit_to_another_page():
    # Streamlit hands a page that comes back the scrubber's default (0); the page must keep update 2 of 10.
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APPTEST_TIMEOUT)
    at.switch_page("app_pages/perceptron.py").run()
    for name in ("w1", "w2", "theta"):
        at.slider(key=P + name).set_value(0.0)
    at.run()
    at.button(key=P + "learn_next").click().run()
    at.button(key=P + "learn_next").click().run()
    assert {m.label: m.value for m in at.metric}["Update"] == "2 / 10"
    at.switch_page("app_pages/activations.py").run()
    at.switch_page("app_pages/perceptron.py").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Update"] == "2 / 10"
    assert at.slider(key=P + "learn_step").value == 2


def test_clearing_an_xor_weight_box_keeps_its_value():
    # An emptied number box used to become its minimum (−5) without a word; it must keep the last value.
    at = run_page("perceptron")
    at.number_input(key=P + "xor/and/theta").set_value(0.9).run()
    at.number_input(key=P + "xor/and/theta").set_value(None).run()
    assert not at.exception
    assert at.number_input(key=P + "xor/and/theta").value == 0.9
    assert at.session_state[P + "saved"][P + "xor/and/theta"] == 0.9


def test_bias_line_outside_the_plot_is_not_called_no_line():
    # The bias switch at b = 1.2 (θ = −1.2) with w1 = w2 = 0.5: the line is outside the plot, all four rows give 1.
    at = run_page("perceptron", **{P + "w1": 0.5, P + "w2": 0.5, P + "use_bias": True, P + "bias": 1.2})
    notes = [a["text"] for chart in at.get("plotly_chart")[:1]
             for a in __import__("json").loads(chart.proto.spec)["layout"].get("annotations", [])]
    assert notes == ["The line is outside this view: every point shown gives output 1"], notes

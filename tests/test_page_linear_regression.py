"""The Linear regression page in AppTest: both languages, sliders by key against hand-computed MSEs,
the table editor's errors, gradient descent's steps and the stability limit, two features, share links."""

import json
import math

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from playground import regression

from tests.apptest_utils import all_text, run_page

PAGE = "linear_regression"
# λmax of the Hessian 2·[[mean x², mean x], [mean x, 1]] for x = 9, 8, 4, 2, by the 2×2 eigenvalue formula.
_TRACE, _DET = 82.5 + 2, 82.5 * 2 - 11.5**2
LIMIT = 2 / ((_TRACE + math.sqrt(_TRACE**2 - 4 * _DET)) / 2)  # 0.02378


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _edit(at, edited_rows=None, added_rows=None, deleted_rows=None):
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": edited_rows or {}, "added_rows": added_rows or [], "deleted_rows": deleted_rows or []}
    return at.run()


def test_english_page_opens_on_the_notes_example():
    at = run_page(PAGE)
    assert at.title[0].value == "Linear regression"
    assert at.radio(key="linreg/data").value == "hours"
    assert _metric(at, "MSE") == "4,125.00"  # w = b = 0: (90² + 80² + 40² + 20²)/4
    assert _metric(at, "Best possible MSE") == "0"  # y = 10x fits every student
    assert _metric(at, "Stability limit 2/λmax") == f"{LIMIT:.4g}"
    assert (_metric(at, "w*"), _metric(at, "b*")) == ("10.000", "0.000")
    assert len(at.get("plotly_chart")) == 6  # line, surface, GD line, GD loss, 4 maps, comparison loss
    text = all_text(at)
    assert "residual" in text and "loss surface" in text and "normal equations" in text
    assert not at.warning and not at.error


def test_korean_page():
    at = run_page(PAGE, "ko")
    assert at.title[0].value == "선형 회귀"
    text = all_text(at)
    for term in ("가중치", "편향", "경사 하강법", "학습률", "손실 곡면", "최소 제곱", "잔차"):
        assert term in text, term
    assert at.slider(key="linreg/w").label == "가중치 w (기울기)"
    assert _metric(at, "MSE (평균 제곱 오차)") == "4,125.00"


def test_sliders_by_key_give_hand_computed_mse_in_both_languages():
    for lang, label in (("en", "MSE"), ("ko", "MSE (평균 제곱 오차)")):
        at = run_page(PAGE, lang)
        at.slider(key="linreg/w").set_value(5.0)
        at.slider(key="linreg/b").set_value(20.0).run()
        # w = 5, b = 20 predicts 65, 60, 40, 30: residuals -25, -20, 0, 10.
        assert _metric(at, label) == "281.25"
        at.slider(key="linreg/w").set_value(1.0)
        at.slider(key="linreg/b").set_value(0.0).run()
        assert _metric(at, label) == f"{(81**2 + 72**2 + 36**2 + 18**2) / 4:,.2f}"  # 3,341.25
        assert at.query_params["w"] == "1" and at.query_params["lang"] == lang


def test_least_squares_button_and_back_to_zero():
    at = run_page(PAGE)
    at.button(key="linreg/to_best").click().run()
    # The sliders carry the least-squares answer itself (10 and 0 up to float rounding), not a grid value.
    assert (at.slider(key="linreg/w").value, at.slider(key="linreg/b").value) == (pytest.approx(10.0), pytest.approx(0.0, abs=1e-9))
    assert _metric(at, "MSE") == "0"
    assert any("best fit" in s.value for s in at.success)
    at.button(key="linreg/to_zero").click().run()
    assert _metric(at, "MSE") == "4,125.00"


def test_scrubbing_gradient_descent_and_moving_the_sliders_there():
    at = run_page(PAGE)
    assert at.slider(key="linreg/step").value == 200  # a new run shows its end
    at.slider(key="linreg/step").set_value(1).run()
    # One step from (0, 0) with η = 0.01: the gradient there is (-825, -115), so (8.25, 1.15).
    assert (_metric(at, "w"), _metric(at, "b")) == ("8.250", "1.150")
    at.slider(key="linreg/step").set_value(2).run()
    # Step 2 by hand: residuals of 8.25x + 1.15 are -14.6, -12.85, -5.85, -2.35; gradient = 2·mean(r·x), 2·mean(r).
    r = np.array([8.25 * x + 1.15 - y for x, y in ((9, 90), (8, 80), (4, 40), (2, 20))])
    w2 = 8.25 - 0.01 * 2 * np.mean(r * [9, 8, 4, 2])
    b2 = 1.15 - 0.01 * 2 * np.mean(r)
    assert (_metric(at, "w"), _metric(at, "b")) == (f"{w2:.3f}", f"{b2:.3f}")
    at.button(key="linreg/gd_apply").click().run()
    assert abs(at.slider(key="linreg/w").value - w2) <= 0.05 and abs(at.slider(key="linreg/b").value - b2) <= 0.25
    assert at.slider(key="linreg/step").value == 200  # a new start is a new run


def test_learning_rate_above_the_limit_is_reported():
    at = run_page(PAGE)
    at.select_slider(key="linreg/lr").set_value(0.02).run()
    assert not at.warning and not at.error
    assert any("zigzags" in i.value for i in at.info)  # above half the limit
    at.select_slider(key="linreg/lr").set_value(0.025).run()
    warnings = " ".join(w.value for w in at.warning)
    assert f"above the stability limit {LIMIT:.4g}" in warnings
    errors = " ".join(e.value for e in at.error)
    assert "Diverged: the loss blew up at step" in errors
    at.session_state["lang"] = "ko"
    at.run()
    assert "안정 한계" in " ".join(w.value for w in at.warning) and "발산했습니다" in " ".join(e.value for e in at.error)


def test_comparison_table_and_a_diverging_sgd():
    at = run_page(PAGE, query={"lr_sgd": "2"})
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 0]) == ["Gradient descent", "SGD", "Momentum", "Adam"]
    outcome = dict(zip(table.iloc[:, 0], table.iloc[:, -1]))
    assert outcome["Gradient descent"] == "loss went down" and outcome["Momentum"] == "loss went down"
    assert outcome["SGD"].startswith("diverged at step")


def test_a_bad_table_cell_shows_a_sentence_and_keeps_the_last_good_table():
    at = run_page(PAGE)
    _edit(at, edited_rows={1: {"score": None}})
    errors = " ".join(e.value for e in at.error)
    assert "Row 2: the 'score' cell is empty or not a number" in errors
    assert any("last table that worked" in i.value for i in at.info)
    assert _metric(at, "Best possible MSE") == "0" and _metric(at, "w*") == "10.000"  # still the notes' data
    assert not at.exception
    ko = run_page(PAGE, "ko")
    _edit(ko, edited_rows={0: {"hours": None}})
    assert "1행: '공부 시간' 칸이 비어 있거나 숫자가 아닙니다" in " ".join(e.value for e in ko.error)


def test_too_few_rows_and_a_constant_column():
    at = run_page(PAGE)
    _edit(at, deleted_rows=[0, 1, 2])
    assert "at least 2 complete rows, and the table has 1" in " ".join(e.value for e in at.error)
    at = run_page(PAGE)
    _edit(at, edited_rows={0: {"hours": 4.0}, 1: {"hours": 4.0}, 3: {"hours": 4.0}})
    assert "Every 'study hours' value is the same" in " ".join(e.value for e in at.error)


def test_editing_the_table_refits_like_sklearn():
    at = run_page(PAGE)
    _edit(at, edited_rows={1: {"score": 70.0}}, added_rows=[{"hours": 5.0, "score": 55.0}])
    assert not at.error
    x = np.array([[9.0], [8.0], [4.0], [2.0], [5.0]])
    y = np.array([90.0, 70.0, 40.0, 20.0, 55.0])
    model = LinearRegression().fit(x, y)
    assert _metric(at, "w*") == f"{model.coef_[0]:.3f}" and _metric(at, "b*") == f"{model.intercept_:.3f}"
    assert _metric(at, "Best possible MSE") == f"{np.mean((model.predict(x) - y) ** 2):,.2f}"
    # The edits survive a language switch (the editor is drawn anew under Korean headers).
    at.session_state["lang"] = "ko"
    at.run()
    assert _metric(at, "w*") == f"{model.coef_[0]:.3f}"
    at.button(key="linreg/restore/hours").click().run()
    assert _metric(at, "w*") == "10.000"


def test_two_features_plane_by_hand():
    at = run_page(PAGE, query={"data": "hours_sleep"})
    traces = [trace["type"] for chart in at.get("plotly_chart") for trace in json.loads(chart.proto.spec)["data"]]
    assert "surface" in traces and "scatter3d" in traces and "contour" not in traces  # the plane, no (w, b) map
    at.slider(key="linreg/w1").set_value(0.0)
    at.slider(key="linreg/w2").set_value(10.0)
    at.slider(key="linreg/pb").set_value(0.0).run()
    # ŷ = 10·sleep: 50, 80, 70, 30 against 90, 80, 40, 20.
    assert _metric(at, "MSE") == f"{(40**2 + 0 + 30**2 + 10**2) / 4:,.2f}"  # 650.00
    at.button(key="linreg/plane_to_best").click().run()
    assert (at.slider(key="linreg/w1").value, at.slider(key="linreg/w2").value, at.slider(key="linreg/pb").value) == (
        pytest.approx(10.0), pytest.approx(0.0, abs=1e-9), pytest.approx(0.0, abs=1e-9))
    assert _metric(at, "MSE") == "0"
    assert (_metric(at, "w₁*"), _metric(at, "w₂*"), _metric(at, "b*")) == ("10.000", "0.000", "0.000")
    x = np.array([[9, 5], [8, 8], [4, 7], [2, 3]], dtype=float)
    hessian = 2 * np.c_[x, np.ones(4)].T @ np.c_[x, np.ones(4)] / 4
    assert _metric(at, "Stability limit 2/λmax") == f"{2 / np.linalg.eigvalsh(hessian).max():.4g}"
    assert at.query_params["data"] == "hours_sleep"


def test_generated_data_matches_sklearn():
    at = run_page(PAGE, query={"data": "generated", "slope": "-2", "intercept": "3", "noise": "1", "n": "60", "seed": "4"})
    x, y = regression.noisy_line(-2.0, 3.0, 1.0, 60, 4)
    model = LinearRegression().fit(x.reshape(-1, 1), y)
    assert _metric(at, "w*") == f"{model.coef_[0]:.3f}" and _metric(at, "b*") == f"{model.intercept_:.3f}"
    at.slider(key="linreg/noise").set_value(0.0).run()
    assert _metric(at, "Best possible MSE") == "0" and _metric(at, "w*") == "-2.000"


def test_link_values_and_bad_ones():
    at = run_page(PAGE, query={"w": "5", "b": "20", "lr": "banana", "steps": "50"})
    assert (at.slider(key="linreg/w").value, at.slider(key="linreg/b").value) == (5.0, 20.0)
    assert _metric(at, "MSE") == "281.25"
    assert at.select_slider(key="linreg/lr").value == 0.01 and at.slider(key="linreg/steps").value == 50
    assert any("'banana'" in i.value for i in at.info)


def test_moving_the_sliders_to_a_step_keeps_its_exact_mse():
    # The sliders used to snap b to their grid, so the MSE at the top differed from the step's (0.36 -> 0.45).
    at = run_page(PAGE)
    at.slider(key="linreg/step").set_value(2).run()
    mses = [m.value for m in at.metric if m.label == "MSE"]
    step_mse, w_k, b_k = mses[-1], _metric(at, "w"), _metric(at, "b")
    at.button(key="linreg/gd_apply").click().run()
    assert [m.value for m in at.metric if m.label == "MSE"][0] == step_mse
    assert f"{at.slider(key='linreg/w').value:.3f}" == w_k and f"{at.slider(key='linreg/b').value:.3f}" == b_k
    at.slider(key="linreg/steps").set_value(150).run()  # another rerun keeps the exact values
    assert [m.value for m in at.metric if m.label == "MSE"][0] == step_mse


def test_text_beside_an_edited_table_describes_the_edited_rows():
    at = run_page(PAGE)
    assert "y = 10·x + 0" in all_text(at)  # the notes' table: the line through every point
    _edit(at, edited_rows={1: {"score": 70.0}}, added_rows=[{"hours": 5.0, "score": 55.0}])
    x = np.array([[9.0], [8.0], [4.0], [2.0], [5.0]])
    y = np.array([90.0, 70.0, 40.0, 20.0, 55.0])
    model = LinearRegression().fit(x, y)
    text = all_text(at)
    assert "y = 10·x + 0" not in text and "5 rows" in text
    assert f"{model.coef_[0]:.2f}·x + {model.intercept_:.2f}" in text
    at.session_state["lang"] = "ko"
    at.run()
    assert "5개 행" in all_text(at)
    at.button(key="linreg/restore/hours").click().run()
    assert "y = 10·x + 0" in all_text(at)


def test_optimiser_map_titles_fit_their_small_panels_in_korean():
    # Each map is ~150 px wide: "SGD (확률적 경사 하강법) (η = 0.005)" ran into its neighbour's title and was cut.
    at = run_page(PAGE, "ko")
    [maps] = [c for c in at.get("plotly_chart") if len(json.loads(c.proto.spec)["data"]) > 8]
    titles = [a["text"] for a in json.loads(maps.proto.spec)["layout"]["annotations"]]
    assert len(titles) == 4
    lines = [line for title in titles for line in title.split("<br>")]
    assert all(len(line) <= 14 for line in lines), lines
    assert "η = 0.005" in lines and "SGD" in lines

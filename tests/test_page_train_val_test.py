"""AppTest of the Train, validation and test page, in English and Korean.

AppTest does not tick the live fragment, so training is driven through the session's worker
(as the fragment would see it) and the page is re-run to draw the result.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground import overfitting as of
from playground.i18n import text
from tests.apptest_utils import all_text, run_page

PAGE = "train_val_test"
QUICK = {"epochs": "100", "speed": "fast"}


def _train_to_the_end(at):
    worker = at.session_state["splits/worker"]
    at.button(key="splits/play").click().run()
    assert worker.wait(timeout=60), "training did not finish"
    at.run()
    assert not at.exception
    return worker


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _chart(at, key: str) -> dict:
    for chart in at.get("plotly_chart"):
        if chart.proto.id.endswith(key) or key in chart.proto.id:
            return json.loads(chart.proto.spec)
    raise AssertionError(f"no chart {key}")


@pytest.fixture(scope="module")
def trained():
    at = run_page(PAGE, "en", query=QUICK)
    worker = _train_to_the_end(at)
    yield at
    worker.stop()


def test_split_sentences_and_sizes():
    at = run_page(PAGE, "en", query={**QUICK, "points": "200", "train": "60", "val": "20"})
    page = all_text(at)
    assert "Training data (120 points)" in page
    assert "Validation data (40 points)" in page
    assert "Test data (40 points)" in page
    assert at.slider(key="splits/split").value == (60, 80)
    # nothing trained yet: the test score cannot be asked for
    assert at.button(key="splits/reveal").disabled
    at.session_state["splits/worker"].stop()


def test_training_draws_both_curves_and_marks_the_lowest_validation_epoch(trained):
    m = _metrics(trained)
    assert m["Epoch"] == "100 / 100"
    records = trained.session_state["splits/worker"].latest().payload
    assert records.epochs == 100
    best = int(m["Best epoch"])
    assert best == int(np.argmin(records.val_loss)) + 1  # the epoch of lowest validation loss
    assert float(m["Gap"]) > 0.3  # the large network overfits the small noisy set
    fig = _chart(trained, "curves")
    names = [trace.get("name") for trace in fig["data"]]
    assert "training loss" in names and "validation loss" in names
    star = next(tr for tr in fig["data"] if tr.get("name", "").startswith("early stopping"))
    assert star["x"] == [best] and star["y"][0] == pytest.approx(min(records.val_loss), rel=1e-6)
    # the map starts at the best epoch, and the slider can move over every recorded epoch
    assert trained.slider(key="splits/epoch").value == best
    assert f"Decision boundary at epoch {best}" in all_text(trained)


def test_scrubbing_shows_that_epochs_boundary(trained):
    trained.button(key="splits/to_last").click().run()
    assert trained.slider(key="splits/epoch").value == 100
    assert "Decision boundary at epoch 100" in all_text(trained)
    trained.slider(key="splits/epoch").set_value(5).run()
    assert "Decision boundary at epoch 5" in all_text(trained)


def test_test_score_only_on_request_and_matches_the_best_weights(trained):
    assert not any(label.startswith("Test accuracy") for label in _metrics(trained))
    trained.button(key="splits/reveal").click().run()
    m = _metrics(trained)
    best = int(m["Best epoch"])
    worker = trained.session_state["splits/worker"]
    records = worker.latest().payload
    splits = trained.session_state["splits/splits"]
    config = trained.session_state["splits/run_config"]
    expected = of.score_test_set(config, records, splits, best)
    assert m[f"Test accuracy, early stopping (epoch {best})"] == f"{expected.accuracy:.1%}"
    assert len(splits.y_test) == 30 and expected.accuracy >= 0.6


def test_l2_switch_starts_a_new_run_and_keeps_the_previous_curves(trained):
    gap_before = float(_metrics(trained)["Gap"])
    trained.toggle(key="splits/l2").set_value(True).run()
    assert "Dotted: the previous run" in all_text(trained)
    assert _metrics(trained)["Epoch"] == "0 / 100"
    _train_to_the_end(trained)
    gap_after = float(_metrics(trained)["Gap"])
    assert gap_after < 0.6 * gap_before, (gap_after, gap_before)
    names = [trace.get("name") for trace in _chart(trained, "curves")["data"]]
    assert "validation loss, previous run" in names
    assert not any(label.startswith("Test accuracy") for label in _metrics(trained))  # a new run: hidden again


def test_korean_page():
    at = run_page(PAGE, "ko", query=QUICK)
    assert at.title[0].value == text("splits.title", "ko")
    page = all_text(at)
    assert "검증 데이터" in page and "조기 종료" in page and "Validation" not in page
    assert "두 개의 반달" in at.selectbox(key="splits/data").options
    at.session_state["splits/worker"].stop()


def test_a_split_without_test_data_is_a_sentence_in_either_language():
    at = run_page(PAGE, "ko", query=QUICK, **{"splits/split": (60, 100)})
    assert any("테스트 0 %" in str(e.value) for e in at.error), [e.value for e in at.error]
    assert "splits/worker" not in at.session_state  # nothing to train, no traceback
    at = run_page(PAGE, "en", query=QUICK)
    worker = at.session_state["splits/worker"]
    at.slider(key="splits/split").set_value((60, 100)).run()
    assert not at.exception
    assert any("test 0 %" in str(e.value) for e in at.error)
    assert at.session_state["splits/worker"] is worker and worker.alive  # the last good run stays
    worker.stop()


def test_link_settings_are_read():
    at = run_page(PAGE, "en", query={**QUICK, "data": "circle", "size": "small", "dropout": "1", "train": "80", "val": "30"})
    assert at.selectbox(key="splits/data").value == "circle"
    assert at.selectbox(key="splits/size").value == "small"
    assert at.toggle(key="splits/dropout").value is True
    assert at.slider(key="splits/split").value == (50, 75)  # 80 + 30 leaves no test data: the default split
    at.session_state["splits/worker"].stop()


def test_settings_survive_a_language_switch_and_leaving_the_page():
    at = run_page(PAGE, "en", query={**QUICK, "data": "xor", "size": "medium"})
    at.toggle(key="splits/dropout").set_value(True).run()
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.session_state["splits/data"] == "xor" and at.session_state["splits/size"] == "medium"
    saved = at.session_state["splits/saved"]
    assert saved["dropout"] is True and saved["data"] == "xor" and saved["split"] == (50, 75)
    at.session_state["splits/worker"].stop()
    # Streamlit drops a page's widget values when the page is left; on return they come from "saved".
    back = run_page(PAGE, "en", query=QUICK, **{"splits/saved": saved})
    assert back.session_state["splits/data"] == "xor" and back.session_state["splits/dropout"] is True
    assert back.session_state["splits/size"] == "medium"
    back.session_state["splits/worker"].stop()


def test_every_label_built_from_a_name_exists():
    from playground import i18n

    keys = [f"classic.dataset.{d}" for d in of.DATASETS] + [f"splits.size.{s}" for s in of.SIZES]
    keys += [f"splits.speed.{s}" for s in ("slow", "normal", "fast")]
    missing = [k for k in keys if k not in i18n.strings()]
    assert not missing, missing

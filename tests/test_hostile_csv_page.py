"""The Playground page with hostile or unusual CSV uploads: a sentence, the old data kept and named
truthfully, a rejected file not parsed again, no uploaded bytes kept, class names shown."""

from __future__ import annotations

import pytest

from playground.datasets import toy
from tests.apptest_utils import all_text, run_page

P = "playground/"
WORKER = P + "worker"


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    """Train in threads: these tests check what the page shows, not the training processes (and a
    process pool made here would outlive the test; tests/test_worker_pool.py covers the pool)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


@pytest.fixture
def page():
    at = run_page("network_playground")
    at.selectbox(key=P + "dataset").set_value("csv").run()
    yield at
    worker = at.session_state[WORKER] if WORKER in at.session_state else None
    if worker is not None:
        worker.stop()


def _good(rows=30):
    return ("x1,x2,label\n" + "\n".join(f"{(i % 7) - 3},{(i % 5) - 2},{i % 2}" for i in range(rows))).encode()


def _upload(at, name, content):
    at.file_uploader(key=P + "csv").set_value((name, content, "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]


def test_caption_after_a_rejected_file_names_the_file_still_shown(page):
    _upload(page, "good.csv", _good())
    assert "Loaded 30 points (2 classes) from good.csv" in all_text(page)
    _upload(page, "evil.csv", b"1," + b"9" * 200_000 + b",0\n")
    text = all_text(page)
    assert page.error and "evil.csv" not in text.replace(page.error[0].value, "")
    assert "Loaded 30 points" not in text and "Still showing the 30 points (2 classes) from good.csv" in text


def test_class_names_are_accepted_and_their_mapping_shown(page):
    names = ("setosa", "versicolor", "virginica")
    content = ("sepal_length,sepal_width,species\n" + "\n".join(
        f"{4 + (i % 9) / 3},{2 + (i % 4) / 2},{names[i % 3]}" for i in range(30))).encode()
    _upload(page, "iris.csv", content)
    assert not page.error
    assert "0 = setosa, 1 = versicolor, 2 = virginica" in all_text(page)
    data = page.session_state[P + "data"]
    assert data.n_classes == 3 and data.class_names == ("setosa", "versicolor", "virginica")


def test_a_rejected_file_is_not_parsed_again_and_no_bytes_are_kept(page, monkeypatch):
    _upload(page, "good.csv", _good())
    calls = []
    real = toy.read_csv
    monkeypatch.setattr(toy, "read_csv", lambda *a, **k: calls.append(1) or real(*a, **k))
    _upload(page, "bad.csv", _good().replace(b"\n2,0,", b"\n2,oops,", 1))
    assert len(calls) == 1 and "'oops' is not a number" in page.error[0].value
    for _ in range(3):
        page.button(key=P + "step").click().run()
        assert "'oops' is not a number" in page.error[0].value
    assert len(calls) == 1
    for key, value in page.session_state._state.filtered_state.items():
        if key == P + "csv":
            continue  # the uploader's own file: Streamlit's, dropped when the page is left
        held = value if isinstance(value, (tuple, list)) else (value,)
        assert not any(isinstance(v, (bytes, bytearray)) and len(v) > 100 for v in held), key


def test_uploads_in_quick_succession_are_capped(page):
    from playground import playground_config as pc

    for i in range(pc.CSV_READS_PER_MINUTE):
        _upload(page, f"f{i}.csv", _good(20 + i))
        assert not page.error, i
    _upload(page, "one_more.csv", _good(99))
    assert "wait" in page.error[0].value and "Loaded 99" not in all_text(page)


def test_a_refused_first_file_gets_one_sentence(page):
    _upload(page, "evil.csv", b"\x00\x01binary")
    errors = [e.value for e in page.error]
    assert len(errors) == 1 and "not a text file" in errors[0], errors

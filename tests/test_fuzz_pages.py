"""Fuzz suite, page half: hostile share links on all seven pages, hostile files and folders on the pages
that read them, replayed through AppTest.

The assertion is the same for every case: no exception and no traceback or server path on the
page, each rejected value reported in a short plain-text sentence, the state before kept (the
defaults for a link, the earlier data or model for a file), and bounded memory for the files.
Cases are few per page run (AppTest runs cost seconds); tests/test_fuzz.py covers the core at length.
"""

from __future__ import annotations

import re
import resource

import pytest

from playground import playground_config as pc
from tests.apptest_utils import all_text, run_page
from tests.conftest import ROOT, count_fuzz_cases
from tests.test_fuzz import _csv_cases, _good_model, _mutations

PAGES = ["perceptron", "activations", "network_playground", "mnist", "linear_regression", "classic_vs_deep",
         "train_val_test", "softmax", "backpropagation", "convolution"]
# Invalid for every kind of parameter: garbage, negative, huge, NaN, inf, very long, unicode, markdown.
HOSTILE = ["banana", "-99999999", "-1e999", "nan", "inf", "9" * 5000, "🙂\u202e\u0000", "**x** ![i](http://e.example/i.png)"]
WIDGETS = ("slider", "select_slider", "selectbox", "radio", "number_input", "checkbox", "toggle", "text_input")


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    """Train in threads: these tests check what the page shows, not the training processes (and a
    process pool made here would outlive the test; tests/test_worker_pool.py covers the pool)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


def _params(page: str) -> list[str]:
    if page == "network_playground":
        return list(pc.QUERY_NAMES)
    return re.findall(r'Param\(\s*"(\w+)"', (ROOT / "app_pages" / f"{page}.py").read_text())


def _stop(at) -> None:
    for key in ("playground/worker", "mnist/worker"):
        worker = at.session_state[key] if key in at.session_state else None
        if worker is not None:
            worker.stop()


def _widgets(at) -> dict:
    values = {}
    for kind in WIDGETS:
        for widget in getattr(at, kind):
            if widget.key and not widget.key.startswith("$$"):
                values[widget.key] = widget.value
    return values


def _unescaped(text: str, token: str) -> bool:
    return re.search(r"(?<!\\)" + re.escape(token), text) is not None


def _calm(at) -> str:
    """The shared assertion: no exception, no traceback or path shown, notices short and plain."""
    assert not at.exception, [e.message for e in at.exception]
    text = all_text(at)
    for marker in ("Traceback", "site-packages", 'File "/', "/work/"):
        assert marker not in text, marker
    for notice in at.info:
        value = str(notice.value)
        # the page's own notices may use markdown; a link's hostile "**x** ![i](...)" must arrive escaped
        assert len(value) < 600 and not _unescaped(value, "**x**") and not _unescaped(value, "!["), value[:200]
    return text


@pytest.fixture(scope="module")
def defaults():
    """Each page's widget values when opened without a link (computed once per page)."""
    cache = {}

    def get(page: str) -> dict:
        if page not in cache:
            at = run_page(page)
            cache[page] = _widgets(at)
            _stop(at)
        return cache[page]

    return get


@pytest.mark.parametrize("repeated", [False, True], ids=["hostile", "repeated"])
@pytest.mark.parametrize("page", PAGES)
def test_hostile_links_fall_back_to_the_defaults_with_a_notice(page, repeated, defaults):
    names = _params(page)
    assert names, page
    # each parameter gets another hostile value; "repeated" sends ?x=<valid>&x=<hostile> (the last one counts)
    query = {name: HOSTILE[i % len(HOSTILE)] for i, name in enumerate(names)}
    if repeated:
        query = {name: ["1", value] for name, value in query.items()}
    count_fuzz_cases("pages", len(names))
    at = run_page(page, query=query)
    try:
        _calm(at)
        assert not at.error, [e.value for e in at.error]
        assert len(at.info) >= 1  # the rejected values are reported
        expected = defaults(page)
        assert _widgets(at) == expected
    finally:
        _stop(at)


def test_hostile_csv_files_keep_the_earlier_data(monkeypatch):
    monkeypatch.setattr(pc, "CSV_READS_PER_MINUTE", 1000)  # this test uploads many files in a minute
    at = run_page("network_playground")
    try:
        at.selectbox(key="playground/dataset").set_value("csv").run()
        good = ("\n".join(f"{(i % 7) - 3},{(i % 5) - 2},{i % 2}" for i in range(30))).encode()
        at.file_uploader(key="playground/csv").set_value(("good.csv", good, "text/csv")).run()
        worker = at.session_state["playground/worker"]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for name, content in _csv_cases().items():
            count_fuzz_cases("pages")
            at.file_uploader(key="playground/csv").set_value((f"{name}.csv", content, "text/csv")).run()
            text = _calm(at)
            if at.error:
                assert "Still showing the 30 points" in text and "from good.csv" in text, name
                assert at.session_state["playground/worker"] is worker, name
            else:
                assert f"from {name}.csv" in text, name
                at.file_uploader(key="playground/csv").set_value(("good.csv", good, "text/csv")).run()
                worker = at.session_state["playground/worker"]
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"peak RSS grew {grown:.0f} MB over {len(_csv_cases())} hostile CSV uploads")
        assert grown < 300
    finally:
        _stop(at)


def test_hostile_model_files_and_folders_on_the_mnist_page(tmp_path, monkeypatch):
    from playground.datasets import mnist
    from tests.test_hostile_model import CASES

    monkeypatch.setenv(mnist.ENV_ROOT, str(tmp_path))
    at = run_page("mnist")
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        files = [(name, make()) for name, make in CASES.items()] + list(_mutations(_good_model()))[::4]
        for i, (name, data) in enumerate(files):
            count_fuzz_cases("pages")
            at.file_uploader(key="mnist/upload").set_value((f"{i}.nnp", data, "application/octet-stream")).run()
            text = _calm(at)
            assert at.error, name
            assert "No model yet" in text, name
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"peak RSS grew {grown:.0f} MB over {len(files)} hostile model files")
        assert grown < 300
        at.radio(key="mnist/data").set_value("folder").run()
        for folder in ["/root", "/proc/1/root", "x" * 5000, "../..", "/dev/zero", "\x00"]:
            count_fuzz_cases("pages")
            at.text_input(key="mnist/folder").input(folder).run()
            text = _calm(at)
            assert at.error and "3,600 digits for training" in text, folder
    finally:
        _stop(at)

"""The README's test command, `python -m tests`: how it splits the suite, and the one second try it gives
browser tests that failed (never unit tests, never a mass failure)."""

from __future__ import annotations

import json

import pytest

import tests.__main__ as command


def test_paths_go_to_their_phase_and_options_to_both():
    options, unit, browser = command._split(["-k", "rate", "tests/test_errors.py", "tests/e2e/test_softmax_e2e.py::x"])
    assert options == ["-k", "rate"]
    assert unit == ["tests/test_errors.py"]
    assert browser == ["tests/e2e/test_softmax_e2e.py::x"]
    assert command._split([]) == ([], ["--ignore=tests/e2e"], ["tests/e2e"])


@pytest.fixture
def record(tmp_path, monkeypatch):
    """pytest's last-failed record in a temporary place, and a fake pytest that fails as told."""
    path = tmp_path / "lastfailed"
    monkeypatch.setattr(command, "LAST_FAILED", path)
    calls: list[list[str]] = []
    outcomes: list[tuple[int, dict]] = []  # per call: its exit code and the failures it records

    def fake_pytest(args):
        calls.append(args)
        code, failures = outcomes.pop(0)
        old = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps({**old, **failures}))
        return code

    monkeypatch.setattr(command, "_pytest", fake_pytest)
    return path, calls, outcomes


def test_a_browser_test_that_fails_once_is_tried_once_more_alone(record):
    path, calls, outcomes = record
    path.write_text(json.dumps({"tests/e2e/test_old_e2e.py::t": True, "tests/test_unit.py::u": True}))
    outcomes += [(1, {"tests/e2e/test_a_e2e.py::t": True}), (0, {})]
    assert command._browser_phase(["-x", "-q"], ["tests/e2e"]) == 0
    # an earlier run's browser failure is forgotten, not tried; -x is dropped for the second try
    assert calls == [["-x", "-q", "tests/e2e"], ["-q", "tests/e2e/test_a_e2e.py::t"]]
    assert "tests/test_unit.py::u" in json.loads(path.read_text())  # the unit tests' record is left alone


def test_a_second_failure_fails_the_run(record):
    _, calls, outcomes = record
    outcomes += [(1, {"tests/e2e/test_a_e2e.py::t": True}), (1, {})]
    assert command._browser_phase([], ["tests/e2e"]) == 1
    assert len(calls) == 2


def test_many_failures_or_no_failing_test_are_not_tried_again(record):
    _, calls, outcomes = record
    many = {f"tests/e2e/test_{i}_e2e.py::t": True for i in range(command.MAX_RETRIED + 1)}
    outcomes += [(1, many)]
    assert command._browser_phase([], ["tests/e2e"]) == 1
    outcomes += [(2, {})]  # interrupted, or a usage error: not a failing test
    assert command._browser_phase([], ["tests/e2e"]) == 2
    assert len(calls) == 2

"""Shared test setup: the repository root on sys.path, paths to the shared MNIST files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# AppTest's 3 s default is too short for pages that import torch.
APPTEST_TIMEOUT = 120


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data` (real MNIST files); tests that need it skip clearly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder {SHARED_DATA} is not present")
    return SHARED_DATA


# Hostile inputs replayed by the fuzz modules (tests/test_fuzz*.py), by group; printed at the end of the run.
FUZZ_CASES: dict[str, int] = {}


def count_fuzz_cases(group: str, n: int = 1) -> None:
    FUZZ_CASES[group] = FUZZ_CASES.get(group, 0) + n


def pytest_sessionfinish(session):
    # A pytest-xdist worker (`python -m tests` runs on every core) hands its counts to the controller.
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_cases"] = dict(FUZZ_CASES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    for group, n in getattr(node, "workeroutput", {}).get("fuzz_cases", {}).items():
        count_fuzz_cases(group, n)


def pytest_terminal_summary(terminalreporter):
    if FUZZ_CASES:
        parts = ", ".join(f"{group} {n}" for group, n in sorted(FUZZ_CASES.items()))
        terminalreporter.write_line(f"fuzz: {sum(FUZZ_CASES.values())} hostile inputs replayed ({parts})")

"""The README's test command, `python -m tests`: the whole suite in two phases, on a 2-core machine in
about half the time `python -m pytest` takes (which still runs everything, one test at a time).

1. Everything but the real-browser tests, spread over the machine's cores (pytest-xdist, at most
   MAX_WORKERS processes): unit tests, AppTests and the fuzz suite each run in one process and one core.
2. The real-browser tests (tests/e2e), one at a time against one server: a page, its server, its
   training processes and Chromium already keep two cores busy, and some tests time live redraws.

Arguments (test paths, -k, -x, ...) are passed to both phases; with paths, only the phase(s) whose
tests they name run. The exit status is phase 1's if it failed, else phase 2's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
E2E = "tests/e2e"
MAX_WORKERS = 4  # each worker imports torch and Streamlit (~0.5 GB); more buys little for ~2,600 short tests


def _workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _split(args: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(options, paths outside tests/e2e, paths inside it); no paths at all: the whole suite."""
    options, unit, browser = [], [], []
    for arg in args:
        if arg.startswith("-") or not (ROOT / arg.split("::")[0]).exists():
            options.append(arg)  # (an option's value, e.g. the "x" of -k x, lands here too)
        elif (ROOT / arg.split("::")[0]).resolve().is_relative_to(ROOT / E2E):
            browser.append(arg)
        else:
            unit.append(arg)
    if not unit and not browser:
        unit, browser = [f"--ignore={E2E}"], [E2E]
    return options, unit, browser


def _pytest(args: list[str]) -> int:
    print(f"\n$ python -m pytest {' '.join(args)}", flush=True)
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT)


def main(argv: list[str]) -> int:
    options, unit, browser = _split(argv)
    codes = []
    if unit:
        workers = _workers()
        codes.append(_pytest([*(["-n", str(workers)] if workers > 1 else []), *options, *unit]))
    if browser:
        codes.append(_pytest([*options, *browser]))
    failed = [code for code in codes if code not in (0, 5)]  # 5: a phase whose paths held no test
    if failed:
        return failed[0]
    return 0 if 0 in codes else 5


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

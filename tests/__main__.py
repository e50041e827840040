"""The README's test command, `python -m tests`: the whole suite in two phases, on a 2-core machine in
about half the time `python -m pytest` takes (which still runs everything, one test at a time).

1. Everything but the real-browser tests, spread over the machine's cores (pytest-xdist, at most
   MAX_WORKERS processes): unit tests, AppTests and the fuzz suite each run in one process and one core.
2. The real-browser tests (tests/e2e), one at a time against one server: a page, its server, its
   training processes and Chromium already keep two cores busy, and some tests time live redraws.

Arguments (test paths, -k, -x, ...) are passed to both phases; with paths, only the phase(s) whose
tests they name run. The exit status is phase 1's if it failed, else phase 2's.

A browser test that fails in phase 2 is tried once more at the end, alone, on a fresh server (at most
MAX_RETRIED of them: more failures than that are a real break, not a busy machine). Its first failure is
printed either way; it fails the run only if it fails again. Why: on a 2-core machine a page, its server,
Chromium and the training processes compete for the cores, and one test in a hundred, a different one each
time, has been seen to miss a deadline or lose a click to a rerun in a full run and pass alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
E2E = "tests/e2e"
MAX_WORKERS = 4  # each worker imports torch and Streamlit (~0.5 GB); more buys little for ~2,600 short tests
MAX_RETRIED = 3


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


LAST_FAILED = ROOT / ".pytest_cache" / "v" / "cache" / "lastfailed"  # pytest's own record (its cacheprovider)


def _last_failed() -> dict:
    try:
        return json.loads(LAST_FAILED.read_text())
    except (OSError, ValueError):
        return {}


def _failed_browser_tests() -> list[str]:
    """The browser tests pytest's cache says failed (node ids)."""
    return sorted(node for node, flag in _last_failed().items() if flag and node.startswith(E2E + "/"))


def _forget_browser_failures() -> None:
    """Drop earlier runs' browser failures from the record, so what it holds afterwards is this run's."""
    failed = _last_failed()
    kept = {node: flag for node, flag in failed.items() if not node.startswith(E2E + "/")}
    if kept != failed:
        LAST_FAILED.write_text(json.dumps(kept, indent=2, sort_keys=True))


def _browser_phase(options: list[str], browser: list[str]) -> int:
    _forget_browser_failures()
    code = _pytest([*options, *browser])
    if code != 1:  # passed, or an error that is not a failing test (usage, interrupted, nothing collected)
        return code
    failed = _failed_browser_tests()
    if not failed or len(failed) > MAX_RETRIED:
        return code
    print(f"\n{len(failed)} browser test(s) failed above; each is tried once more, on a fresh server: "
          + ", ".join(failed), flush=True)
    code = _pytest([*[o for o in options if o not in ("-x", "--exitfirst")], *failed])
    print("\nThe second try " + ("passed (the first failure is printed above)." if code == 0 else "failed too."),
          flush=True)
    return code


def main(argv: list[str]) -> int:
    options, unit, browser = _split(argv)
    codes = []
    if unit:
        workers = _workers()
        codes.append(_pytest([*(["-n", str(workers)] if workers > 1 else []), *options, *unit]))
    if browser:
        codes.append(_browser_phase(options, browser))
    failed = [code for code in codes if code not in (0, 5)]  # 5: a phase whose paths held no test
    if failed:
        return failed[0]
    return 0 if 0 in codes else 5


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

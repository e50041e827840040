"""`python -m benchmarks latency`: how long a user waits for each page, as the server's script time.

Every page runs through Streamlit's AppTest in this process (the same script run a browser
session gets, without the websocket). For each page we time:

- "first load, fresh process": the first run of the page in a new Python process that has
  already imported Streamlit (the server is up) but nothing the page needs; run in a
  subprocess per repeat, so the imports the page pulls in are counted.
- "first load, new session": the page's first run for a new session in a warm server (what the
  second student to open the page waits for).
- one or two typical changes (a slider step, a button, a select): the rerun that follows.

Each figure is the median and the worst over `--repeats` tries, against the targets of the
issue "Fast enough for a class". Wall-clock time of `AppTest.run()` includes AppTest's own small
overhead (building the element tree), so the script time is slightly overstated, never understated.
`--profile` prints cProfile's top functions for each action (the script's thread is profiled).

What the profiles showed (2-core machine, December 2026), and what was done:
- Most of a light page's rerun is Plotly building figures: validating every property, and above all
  `template="plotly_white"` on each figure, which validates and deep-copies the whole template (9-25 ms a
  figure, five figures on the Perceptron page). The charts now leave the template out and
  playground/charts/style.py makes it Plotly's default, which Plotly attaches without validation.
- Figures whose inputs did not change are cached (st.cache_data on the Perceptron's XOR figures: a copy
  is ~10 ms against a 25-35 ms build). Linear regression's figures all depend on the slider being moved
  (the start of every descent), so caching cannot help there; its rerun is ~110 ms, mostly Plotly.
- A fresh process paid for torch (2-3 s) on pages that never train (Activations imported it for a
  reference function) and for scikit-learn + torch before Classic vs deep drew anything. Both are now
  imported where they are used; the light pages load without torch (tests/test_latency.py checks).
- Classic vs deep fitted eight models and the feature-engineering trio inside the script run. The fits now
  run side by side in ui/background.py's pool after the run ends (started during the run, two fitting
  threads tripled the script's time through the GIL), with a spinner per map and a polling fragment; the
  learning curve is measured there too, with its progress. st.status was tried for the spinners and
  dropped: it sleeps 50 ms per element.
- Streamlit's own cost per rerun is small next to Plotly's (widget registration, protobuf); AppTest
  compiles the page on every run where a server compiles it once, so this benchmark shares one script
  cache across runs, as the server does.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300  # seconds AppTest waits for one run (a cold run on a busy 2-core machine)

FAST_MS = 150.0  # a slider or button on the four light pages
REFIT_MS = 1000.0  # Classic vs deep: a change that must refit the eight models
FIRST_LOAD_MS = 3000.0  # first load of any page, after the server is up


@dataclass(frozen=True)
class Action:
    """A change a user makes: `apply(at, i)` sets widget values for try `i`; the rerun is timed."""

    name: str
    apply: Callable  # (AppTest, int) -> None
    target_ms: float | None
    settle_target_ms: float | None = None  # a page that computes in the background: time until all is drawn


def _slider_steps(key: str, values: tuple) -> Callable:
    """Move slider `key` to values[i % len]: consecutive tries always change it."""
    def apply(at, i):
        at.slider(key=key).set_value(values[i % len(values)])
    return apply


def _select_slider_steps(key: str, values: tuple) -> Callable:
    def apply(at, i):
        at.select_slider(key=key).set_value(values[i % len(values)])
    return apply


def _click(key: str) -> Callable:
    def apply(at, i):
        at.button(key=key).click()
    return apply


def _select(key: str, values: tuple) -> Callable:
    def apply(at, i):
        at.selectbox(key=key).set_value(values[i % len(values)])
    return apply


PAGES: dict[str, list[Action]] = {
    "perceptron": [
        Action("slider w1", _slider_steps("perceptron/w1", (0.55, 0.6)), FAST_MS),
        Action("button load preset", _click("perceptron/preset"), FAST_MS),
    ],
    "activations": [
        Action("slider neuron w1", _slider_steps("activations/w1", (1.1, 1.2)), FAST_MS),
        Action("select activation", _select("activations/act", ("relu", "tanh")), FAST_MS),
    ],
    "softmax": [
        Action("slider temperature", _slider_steps("softmax/T", (1.5, 2.0)), FAST_MS),
        Action("button preset", _click("softmax/preset_notes_sure"), FAST_MS),
    ],
    "backpropagation": [
        Action("button step", _click("backprop/step"), FAST_MS),
        Action("button whole batch", _click("backprop/batch"), FAST_MS),
    ],
    "convolution": [
        Action("slider stride", _slider_steps("conv/s", (2, 1)), FAST_MS),
        Action("button next position", _click("conv/next"), FAST_MS),
        Action("button preset", _click("conv/preset_same"), FAST_MS),
    ],
    "linear_regression": [
        Action("slider w", _slider_steps("linreg/w", (0.5, 0.6)), FAST_MS),
        Action("button best fit", _click("linreg/to_best"), FAST_MS),
    ],
    "train_val_test": [
        Action("slider split", _slider_steps("splits/split", ((60, 80), (55, 80))), FAST_MS),
        Action("slider noise", _slider_steps("splits/noise", (15, 20)), FAST_MS),
    ],
    "classic_vs_deep": [
        # New points: a new random draw, so every model must be fitted again (never a cached fit).
        Action("button new points (refit)", _click("classic/new"), FAST_MS, settle_target_ms=REFIT_MS),
        Action("slider noise (seen before)", _slider_steps("classic/noise", (10, 15)), None),
    ],
    "network_playground": [
        Action("slider noise", _slider_steps("playground/noise", (10, 15)), None),
    ],
    "mnist": [
        Action("slider validation share", _slider_steps("mnist/val", (15, 20)), None),
    ],
}


_SHARED_CACHE = None


def _share_script_cache() -> None:
    """Give every AppTest run one ScriptCache, as the server has: AppTest makes a new one per run, so it
    compiles the page again every time (40-80 ms for a long page) where a running server compiles it once."""
    global _SHARED_CACHE
    if _SHARED_CACHE is not None:
        return
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    _SHARED_CACHE = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _SHARED_CACHE


def _new_app(page: str):
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    _share_script_cache()
    logger.set_log_level("error")  # AppTest's "missing ScriptRunContext" warnings would bury the table
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    return at


def _timed_run(at) -> float:
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"page raised: {[e.message for e in at.exception]}")
    return seconds * 1000


WORKER_KEYS = ("playground/worker", "splits/worker", "mnist/worker")  # where the pages keep their session's worker


def _settled_run(at) -> float:
    """ms until the page has drawn everything: the run, the background jobs it started, and the run that
    draws their results (in the browser a polling fragment does that last run)."""
    from ui import background

    start = time.perf_counter()
    _timed_run(at)
    background.wait_all()
    _timed_run(at)
    return (time.perf_counter() - start) * 1000


def _wait_background() -> None:
    """Let jobs a page started in the background finish (so they do not slow the next measurement)."""
    background = sys.modules.get("ui.background")
    if background is not None:
        background.wait_all()


def _stop_workers(at) -> None:
    """Stop any training worker the page started (they are threads in this process)."""
    for key in WORKER_KEYS:
        worker = at.session_state[key] if key in at.session_state else None
        if worker is not None:
            worker.stop()


def cold_first_load(page: str) -> tuple[float, float | None]:
    """ms of the page's first run in a new process that has imported Streamlit only (see `_child`), and
    for a page that computes in the background, ms until everything is drawn (else None)."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "latency", "--cold-child", page],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if out.returncode != 0:
        raise RuntimeError(f"cold load of {page} failed:\n{out.stderr[-2000:]}")
    found = json.loads(out.stdout.strip().splitlines()[-1])
    return found["ms"], found["settled"]


def _child(page: str) -> int:
    from streamlit.testing.v1 import AppTest  # noqa: F401  (the server is up: Streamlit itself is imported)

    at = _new_app(page)
    start = time.perf_counter()
    ms = _timed_run(at)
    settled = None
    if any(a.settle_target_ms for a in PAGES[page]):  # and until the background jobs are drawn
        from ui import background

        background.wait_all()
        _timed_run(at)
        settled = (time.perf_counter() - start) * 1000
    _stop_workers(at)
    print(json.dumps({"ms": ms, "settled": settled}))
    return 0


@dataclass
class Row:
    page: str
    action: str
    times: list[float]
    target_ms: float | None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def worst(self) -> float:
        return max(self.times)

    @property
    def met(self) -> bool | None:
        return None if self.target_ms is None else self.worst <= self.target_ms


def measure_page(page: str, repeats: int, cold: bool, profile: bool = False) -> list[Row]:
    rows = []
    if cold:
        cold = [cold_first_load(page) for _ in range(repeats)]
        rows.append(Row(page, "first load, fresh process", [ms for ms, _ in cold], FIRST_LOAD_MS))
        if cold[0][1] is not None:
            rows.append(Row(page, "first load, fresh process: all drawn", [s for _, s in cold], FIRST_LOAD_MS))
    warm = _new_app(page)  # the first run in this process imports the page's modules and fills its caches
    _timed_run(warm)
    _wait_background()
    _stop_workers(warm)
    loads = []
    for _ in range(repeats):
        at = _new_app(page)
        loads.append(_timed_run(at))
        _stop_workers(at)
    rows.append(Row(page, "first load, new session", loads, FIRST_LOAD_MS))
    if any(a.settle_target_ms for a in PAGES[page]):
        rows.append(Row(page, "first load, new session: all drawn", [_settled_run(_new_app(page)) for _ in range(repeats)],
                        FIRST_LOAD_MS))
    at = _new_app(page)
    _timed_run(at)
    _wait_background()
    try:
        for action in PAGES[page]:
            times = []
            for i in range(repeats):
                action.apply(at, i)
                if profile and i == repeats - 1:
                    profiler = cProfile.Profile()
                    with _profiling_script_thread(profiler):
                        times.append(_timed_run(at))
                    _print_profile(page, action.name, profiler)
                else:
                    times.append(_timed_run(at))
                _wait_background()  # a change whose work runs in the background is timed in the "all drawn" row
            rows.append(Row(page, action.name, times, action.target_ms))
            if action.settle_target_ms:
                settled = []
                for i in range(repeats):
                    action.apply(at, repeats + i)
                    settled.append(_settled_run(at))
                rows.append(Row(page, action.name + ": all drawn", settled, action.settle_target_ms))
    finally:
        _stop_workers(at)
    return rows


def _print_profile(page: str, action: str, profiler: cProfile.Profile, top: int = 30) -> None:
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(top)
    print(f"\n--- cProfile: {page} / {action} ---\n{buffer.getvalue()}")


@contextmanager
def _profiling_script_thread(profiler: cProfile.Profile):
    """cProfile sees only the thread that enables it, and AppTest runs the script in a thread of its own:
    enable the profiler inside that thread for the runs made in this block."""
    from streamlit.testing.v1 import local_script_runner as lsr

    original = lsr.LocalScriptRunner._run_script_thread

    def run(self):
        profiler.enable()
        try:
            original(self)
        finally:
            profiler.disable()

    lsr.LocalScriptRunner._run_script_thread = run
    try:
        yield
    finally:
        lsr.LocalScriptRunner._run_script_thread = original


def fmt(ms: float) -> str:
    return f"{ms:,.0f}"


def print_table(rows: list[Row]) -> None:
    print("| page | action | median (ms) | worst (ms) | target | met? |")
    print("|---|---|---:|---:|---|---|")
    for row in rows:
        target = "–" if row.target_ms is None else f"≤ {fmt(row.target_ms)} ms"
        met = "–" if row.met is None else ("yes" if row.met else "**no**")
        print(f"| {row.page} | {row.action} | {fmt(row.median)} | {fmt(row.worst)} | {target} | {met} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks latency", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", choices=tuple(PAGES), default=list(PAGES), help="pages to time")
    parser.add_argument("--repeats", type=int, default=5, help="tries per action (median and worst of these)")
    parser.add_argument("--no-cold", action="store_true", help="skip the fresh-process first loads")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions for each action")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--cold-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold_child:
        return _child(args.cold_child)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Script time per page and action, {args.repeats} tries each, {os.cpu_count()} CPUs, load {load:.2f}\n")
    rows = []
    for page in args.pages:
        rows.extend(measure_page(page, args.repeats, cold=not args.no_cold, profile=args.profile))
    print_table(rows)
    missed = [r for r in rows if r.met is False]
    if missed:
        print(f"\n{len(missed)} target(s) missed: " + "; ".join(f"{r.page} / {r.action}" for r in missed), flush=True)
    return 1 if (args.strict and missed) else 0

"""Work a page starts and does not wait for: a thread pool shared by every session, results kept by key.

A result here depends only on its key (the settings it was computed from) and is read-only, so
every session shares it, as with ``st.cache_data``; unlike ``st.cache_data`` the page never blocks
on it. A page asks for its jobs, draws what is ready (a spinner where it is not) and polls in a
fragment until the rest is done (see `poll_while`). A rerun that comes while a job runs (the user
moved a slider again) finds the same job by its key instead of starting it twice.

Jobs asked for during a script run start when the page calls `start_jobs()` at its end: started at
once, two fitting threads would share the GIL with the script and make its run (the spinners the
user waits to see) three times slower on a 2-core machine.

AppTest does not tick ``run_every`` fragments: tests call `wait_all()` and run the page again.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as _wait
from typing import Callable, Hashable, Iterable

import streamlit as st

WORKERS = max(1, min(os.cpu_count() or 1, 8))  # fits are CPU-bound: one thread per core
MAX_KEPT = 256  # finished results kept (oldest dropped first); a running job is never dropped
POLL_SECONDS = 0.3

_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="page-background")
_jobs: OrderedDict[Hashable, Future] = OrderedDict()
_lock = threading.Lock()


class Progress:
    """A fraction from 0 to 1 that a job reports as it goes (read by the page while it polls)."""

    def __init__(self) -> None:
        self.fraction = 0.0

    def __call__(self, fraction: float) -> None:
        self.fraction = float(fraction)


_asked = threading.local()  # this script thread's jobs not started yet: [(future, call)]


def _run(future: Future, call: Callable) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = call()
    except BaseException as error:  # handed to whoever reads the future
        future.set_exception(error)
    else:
        future.set_result(result)


def job(key: Hashable, fn: Callable, *args, progress: bool = False, **kwargs) -> Future:
    """The job for `key`: the one already asked for (running or finished), else `fn(*args, **kwargs)`,
    which starts at this script run's `start_jobs()`.

    With `progress=True`, `fn` gets a `progress=` callable and the future a `.progress` (a Progress).
    """
    with _lock:
        future = _jobs.get(key)
        if future is not None:
            _jobs.move_to_end(key)
            if not getattr(future, "started", True) and all(f is not future for f, _ in _pending()):
                _pending().append((future, future.call))  # asked for by a run that ended before starting it
            return future
        future = Future()
        if progress:
            future.progress = Progress()
            kwargs = {**kwargs, "progress": future.progress}
        future.call = lambda: fn(*args, **kwargs)
        future.started = False
        _jobs[key] = future
        _pending().append((future, future.call))
        finished = [k for k, f in _jobs.items() if f.done()]
        for old in finished[: max(0, len(_jobs) - MAX_KEPT)]:
            del _jobs[old]
        return future


def _pending() -> list:
    if not hasattr(_asked, "jobs"):
        _asked.jobs = []
    return _asked.jobs


def start_jobs() -> None:
    """Start the jobs this script run asked for (call at the end of the page)."""
    with _lock:
        todo, _asked.jobs = _pending(), []
        for future, call in todo:
            if not future.started:
                future.started = True
                _pool.submit(_run, future, call)


def find(key: Hashable) -> Future | None:
    """The job for `key` if one was started (running or finished), else None."""
    with _lock:
        return _jobs.get(key)


def wait_all(timeout: float | None = None) -> None:
    """Wait until every job started so far is done (for tests and benchmarks)."""
    with _lock:
        futures = [f for f in _jobs.values() if getattr(f, "started", True)]
    _wait(futures, timeout=timeout)


def poll_while(futures: Iterable[Future], view: Callable, *args, state_key: str) -> None:
    """Draw `view(*args)` in a fragment that reruns every POLL_SECONDS while any of `futures` runs.

    When the last one finishes during a poll, the whole page runs once more (so whatever below
    depends on the results is drawn, and the new run stops polling). `state_key` is a
    session-state key, unique per call site, that remembers whether this view was polling.
    """
    futures = list(futures)
    pending = not all(f.done() for f in futures)
    st.session_state[state_key] = pending

    def fragment_view(*inner):
        if st.session_state.get(state_key) and all(f.done() for f in futures):
            st.session_state[state_key] = False
            st.rerun()
        view(*inner)

    fragment_view.__qualname__ = f"poll_while.{state_key}"  # the fragment's identity: one per call site
    st.fragment(run_every=POLL_SECONDS if pending else None)(fragment_view)(*args)

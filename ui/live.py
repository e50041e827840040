"""Streamlit side of live training: one worker per browser session, and its buttons.

A page keeps its run in ``st.session_state`` (never ``st.cache_resource``, which every user
shares) and redraws from the worker's snapshots in a fragment that Streamlit re-runs on a
timer, so only the charts refresh while the worker trains in its own thread::

    from ui.live import controls, session_worker, status_line

    worker = session_worker(
        "mnist/run",                                   # session-state key, namespaced by page
        lambda: TrainingWorker(make_trainer, snapshot=make_payload, seed=config.seed),
        signature=hash_of(config),                     # a new config -> a new worker, old one stopped
    )
    controls(worker, "mnist")                          # play/pause, step, reset

    @st.fragment(run_every=0.25)                       # 4 redraws a second
    def live_view():
        worker.heartbeat()                             # "someone is watching": else it pauses itself
        snap = worker.latest()                         # ready-made in the worker thread: never blocks
        status_line(snap)
        ...draw charts from snap.history and snap.payload...

    live_view()

Read ``worker.trainer`` only under ``with worker.lock:`` (e.g. to predict a drawn digit). A page that
needs no model in the server (the Playground) makes its worker with ``playground.pool.start_worker``
instead: a ProcessWorker with the same controls, training in the server's process pool, with no
``trainer`` here. Every worker made here is released once its session is gone for good
(playground/release.py): its thread or process slot, model and data, not left to the collector.
AppTest does not tick ``run_every`` fragments: test live behaviour through the worker itself.
"""

from __future__ import annotations

import os
import time
import weakref
from typing import Callable, Hashable

import streamlit as st
from streamlit import config as st_config
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground.errors import UserError
from playground.release import release_when
from playground.worker import Snapshot, TrainingWorker
from ui import lessons
from ui.common import show_error, t

# Every session's worker on this server, for one census: how many train at once. Each live redraw costs
# the server process 10-40 ms of a core (the fragment's rerun and the scene it sends), so 30 views at 10
# a second would want several cores for drawing alone and leave none for a slider's rerun or training.
_WORKERS: "weakref.WeakSet" = weakref.WeakSet()
REDRAW_COST = 0.03  # seconds of server time one live redraw takes, measured on the Playground (2-core machine)
DRAW_SHARE = 0.5  # the part of the server's cores all live views together may use


def training_now() -> int:
    """How many runs train at this moment on this server, every session counted."""
    return sum(1 for worker in list(_WORKERS) if worker.status == "running")


def poll_seconds(fastest: float, training: int | None = None, cores: int | None = None) -> float:
    """The live views' refresh interval: `fastest` while few train, slower as a class trains at once.

    All views together stay within DRAW_SHARE of the server's cores, so a slider still answers and the
    training processes keep their cores: on 2 cores, 3 runs redraw 10 times a second, 30 about once.
    """
    training = training_now() if training is None else training
    if cores is None:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:
            cores = os.cpu_count() or 1
    return max(fastest, training * REDRAW_COST / (DRAW_SHARE * max(1, cores)))


def _viewer_connected() -> Callable[[], bool] | None:
    """A thread-safe check that this browser session is still connected (None outside a server).

    Streamlit keeps a closed tab's session for a while in case it reconnects; its worker should
    not train for nobody meanwhile (on a class server, that is a core per closed tab).
    """
    ctx = get_script_run_ctx()
    if ctx is None or not runtime.exists():
        return None
    server, session_id = runtime.get_instance(), ctx.session_id
    return lambda: server.is_active_session(session_id)


def _session_gone() -> Callable[[], bool] | None:
    """A thread-safe check that this session is gone for good (None outside a server).

    Gone: disconnected for longer than Streamlit keeps a closed tab's session for a reconnect
    (`server.disconnectedSessionTTL`, 120 s by default). Streamlit then drops the session without
    calling anything (its session storage forgets it), so this is asked, not told.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not runtime.exists():
        return None
    server, session_id = runtime.get_instance(), ctx.session_id
    grace = float(st_config.get_option("server.disconnectedSessionTTL"))
    inactive_since: float | None = None

    def gone() -> bool:
        nonlocal inactive_since
        if server.is_active_session(session_id):
            inactive_since = None
            return False
        now = time.monotonic()
        inactive_since = inactive_since or now
        return now - inactive_since > grace

    return gone


def _forget_session_state() -> Callable[[], None]:
    """Empties this session's state; called once the session is gone for good (Streamlit can no longer
    resume it, yet keeps the dead session in its storage until something else is stored there: about
    1 MB a session of data, tables and snapshots, measured with 30 closed sessions on a real server)."""
    state = get_script_run_ctx().session_state

    def forget() -> None:
        for key in list(state.filtered_state):
            try:
                del state[key]
            except Exception:  # a key Streamlit manages itself: leave it
                pass

    return forget


def session_worker(key: str, factory: Callable[[], TrainingWorker], signature: Hashable = None) -> TrainingWorker:
    """This session's worker at ``st.session_state[key]``, made by `factory()` when needed.

    A new worker is made when there is none, when the old one was stopped, or when
    `signature` (e.g. a hash of the config) differs from the one it was made with; the old
    worker is stopped only after the new one exists, so a factory that raises UserError
    leaves the previous run in place.
    """
    signature_key = f"{key}/signature"
    worker = st.session_state.get(key)
    if worker is not None and worker.alive and st.session_state.get(signature_key) == signature:
        return worker
    new = factory()
    new.watched_by(_viewer_connected())
    _WORKERS.add(new)
    gone = _session_gone()
    if gone is not None:
        release_when(new, gone, _forget_session_state())  # the run, its model and data go when the session does
    if worker is not None:
        worker.stop()
    st.session_state[key] = new
    st.session_state[signature_key] = signature
    return new


def live_fragment(view: Callable[..., None], running: bool, fastest: float, *args,
                  stopped: Callable[[], bool] | None = None, lesson_page: str | None = None) -> None:
    """Draw `view(*args)` in a fragment that reruns at `poll_seconds(fastest)` while `running`.

    A fragment keeps the interval it was registered with, so the whole page reruns once (registering it
    again) when that interval no longer fits: the number of runs training on the server has moved the pace
    by more than a factor of two (a class pressed Play, or stopped), or, asked at each redraw while
    running, `stopped()` says the run stopped by itself (finished, diverged, paused when nobody watched):
    the page redraws its buttons (and what a stopped run shows) and polls no more. Each page says what
    "stopped" means for it (its worker's status; MNIST also waits for the last snapshot; the Playground also
    reruns when its Play button was drawn for a paused run that trains). `lesson_page`
    (a url_path of ui.lessons.NAMESPACES): the open lesson step on that page is checked at each redraw,
    so it ticks while training runs.
    """
    interval = poll_seconds(fastest) if running else None

    def paced(*inner) -> None:
        if interval is not None and not interval / 2 <= poll_seconds(fastest) <= interval * 2:
            st.rerun()
        if interval is not None and stopped is not None and stopped():
            st.rerun()
        view(*inner)
        if lesson_page is not None:
            lessons.live_check(lesson_page)

    paced.__qualname__ = f"live_fragment.{getattr(view, '__qualname__', 'view')}"  # one fragment id per view
    st.fragment(run_every=interval)(paced)(*args)


def _command(prefix: str, action: Callable[[], None]) -> None:
    # Button callbacks run before the page; a UserError (e.g. reset's factory) is shown then.
    try:
        action()
    except UserError as error:
        st.session_state[f"{prefix}/control_error"] = error


def set_running(worker: TrainingWorker | None, run: bool) -> None:
    """Play (run=True) or pause a worker; None: nothing to do.

    Buttons pass the action their label showed, never "toggle": Streamlit can replay a click's
    callback when a live fragment's rerun interrupts the run that handled it, and a toggle
    applied twice would undo the click (seen under load: Pause pressed, training went on).
    """
    if worker is None:
        return
    if run:
        worker.play()
    else:
        worker.pause()


def controls(worker: TrainingWorker, prefix: str, reset: Callable[[], None] | None = None) -> None:
    """Play/pause, step-one-epoch and reset buttons (widget keys under `prefix`); `reset` replaces
    worker.reset (e.g. to keep the run before it for Compare runs)."""
    error = st.session_state.pop(f"{prefix}/control_error", None)
    if error is not None:
        show_error(error)
    running = worker.status == "running"
    idle = worker.status in ("finished", "stopped")
    cols = st.columns(3)
    cols[0].button(
        t("core.pause") if running else t("core.play"),
        key=f"{prefix}/play",
        icon=":material/pause:" if running else ":material/play_arrow:",
        type="primary",
        help=t("core.pause_help") if running else t("core.play_help"),
        disabled=idle,
        on_click=_command,
        args=(prefix, lambda: set_running(worker, not running)),
        width="stretch",
    )
    cols[1].button(
        t("core.step"),
        key=f"{prefix}/step",
        icon=":material/skip_next:",
        help=t("core.step_help"),
        disabled=idle,
        on_click=_command,
        args=(prefix, worker.step),
        width="stretch",
    )
    cols[2].button(
        t("core.reset"),
        key=f"{prefix}/reset",
        icon=":material/restart_alt:",
        help=t("core.reset_help"),
        on_click=_command,
        args=(prefix, reset or worker.reset),
        width="stretch",
    )


def status_text(snapshot: Snapshot) -> str:
    """"Training… · epoch 12 · 25,000 examples/s", translated."""
    return t(
        "core.status_line",
        status=t(f"core.status.{snapshot.status}"),
        epoch=snapshot.epoch,
        speed=f"{snapshot.samples_per_second:,.0f}",
    )


def status_line(snapshot: Snapshot) -> None:
    """The status caption, and the snapshot's message (e.g. the divergence advice) as an error."""
    st.caption(status_text(snapshot))
    if snapshot.message is not None:
        show_error(snapshot.message)

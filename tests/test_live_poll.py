"""The live views slow down as a class trains at once, so drawing never takes the whole server."""

from __future__ import annotations

import pytest

from ui import live


def test_a_few_runs_redraw_at_the_fastest_rate():
    assert live.poll_seconds(0.1, training=0, cores=2) == 0.1
    assert live.poll_seconds(0.1, training=3, cores=2) == pytest.approx(0.1)


def test_thirty_runs_on_two_cores_keep_drawing_within_half_the_cores():
    interval = live.poll_seconds(0.1, training=30, cores=2)
    assert 0.5 <= interval <= 1.5  # about one redraw a second each
    # all views together: redraws a second times the server time each, against half of 2 cores
    assert 30 / interval * live.REDRAW_COST <= live.DRAW_SHARE * 2 + 1e-9
    assert live.poll_seconds(0.1, training=30, cores=16) < interval  # more cores, faster views


class _Run:
    def __init__(self, status):
        self.status = status


def test_the_census_counts_only_running_workers_and_forgets_dropped_ones():
    before = live.training_now()
    runs = [_Run("running"), _Run("running"), _Run("paused")]
    for run in runs:
        live._WORKERS.add(run)
    assert live.training_now() == before + 2
    del runs, run
    import gc

    gc.collect()
    assert live.training_now() == before


class _Flipping:
    """A worker whose status reads as the given sequence (then its last value): a run that stops by itself."""

    def __init__(self, *statuses):
        self.statuses, self.reads = list(statuses), 0

    @property
    def status(self):
        self.reads += 1
        return self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]


def _live_page():
    import streamlit as st

    from ui.live import live_fragment

    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    worker = st.session_state["worker"]
    live_fragment(lambda: st.write("drawn"), worker.status == "running", 0.1,
                  stopped=lambda: worker.status != "running")


@pytest.mark.parametrize("statuses, runs", [
    (("running", "finished"), 2),  # stopped by itself after the page was drawn as running: one more run
    (("running",), 1),  # still running: the fragment just redraws
    (("paused",), 1),  # not polling: nothing to ask
])
def test_a_run_that_stopped_by_itself_reruns_the_page_once(statuses, runs):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APPTEST_TIMEOUT

    at = AppTest.from_function(_live_page, default_timeout=APPTEST_TIMEOUT)
    at.session_state["worker"] = worker = _Flipping(*statuses)
    at.run()
    assert not at.exception and at.session_state["runs"] == runs
    assert [m.value for m in at.markdown] == ["drawn"]
    assert worker.reads == (1 if statuses == ("paused",) else runs + 1)

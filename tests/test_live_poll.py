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

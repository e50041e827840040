"""ui.background: one job per key, shared; progress reported; wait_all waits for every job."""

from __future__ import annotations

import threading
import time

from ui import background


def test_a_key_runs_its_job_once_and_shares_the_result():
    calls = []
    release = threading.Event()

    def work(x):
        calls.append(x)
        release.wait(5)
        return x * 2

    key = ("test", time.time_ns())
    first = background.job(key, work, 21)
    assert not first.done() and not calls  # asked for, not started: the page's run ends first
    background.start_jobs()
    second = background.job(key, work, 21)  # a rerun while it runs: the same job, not a second one
    background.start_jobs()
    assert second is first and background.find(key) is first
    assert not first.done()
    release.set()
    background.wait_all(timeout=10)
    assert first.result() == 42 and calls == [21]
    assert background.find(("test", "never started")) is None


def test_a_job_reports_its_progress_and_its_error():
    def work(progress):
        progress(0.5)
        raise ValueError("a sentence")

    job = background.job(("test", time.time_ns()), work, progress=True)
    background.start_jobs()
    background.wait_all(timeout=10)
    assert job.progress.fraction == 0.5
    assert isinstance(job.exception(), ValueError)


def test_a_job_asked_for_by_an_interrupted_run_starts_with_the_next_run():
    key = ("test", time.time_ns())
    interrupted = threading.Thread(target=lambda: background.job(key, lambda: "done"))  # never calls start_jobs
    interrupted.start()
    interrupted.join()
    job = background.job(key, lambda: "done")
    background.start_jobs()
    background.wait_all(timeout=10)
    assert job.result(timeout=0) == "done"


def test_jobs_run_side_by_side():
    # The eight fits of a page run at once (as many at a time as there are workers).
    started = threading.Barrier(2, timeout=5)
    jobs = [background.job(("test", time.time_ns(), i), started.wait) for i in range(2)]
    background.start_jobs()
    background.wait_all(timeout=10)
    if background.WORKERS >= 2:
        assert all(j.exception() is None for j in jobs)  # both were running together at the barrier

"""Training in processes (playground/pool.py): the thread worker's behaviour and numbers, crashes, release.

The reference for every behaviour is TrainingWorker (tests/test_worker.py) and a plain Trainer in
this process: a ProcessWorker must give the same numbers for the same seed and obey the same
controls, while its trainer lives in another process.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

import numpy as np
import pytest

from playground import layers, pool, release
from playground.errors import UserError
from playground.training import TrainConfig, Trainer
from playground.worker import TrainingWorker
from tests.conftest import ROOT

SPECS = layers.dense_stack([4, 2], "tanh", 2)


def _data(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5, 5, (n, 2)).astype(np.float32)
    return x, (np.hypot(x[:, 0], x[:, 1]) < 3).astype(np.int64)


X, Y = _data()


@dataclass(frozen=True)
class Factory:
    """A picklable trainer factory (the training process builds the trainer from it)."""

    learning_rate: float = 0.03
    batch_size: int = 10
    points: int = 200
    broken_seed: int | None = None

    def __call__(self, seed):
        if seed == self.broken_seed:
            raise UserError("core.train.no_data")
        x, y = (X, Y) if self.points == 200 else _data(self.points, 1)
        half = len(x) // 2
        config = TrainConfig(seed=seed, learning_rate=self.learning_rate, batch_size=self.batch_size)
        return Trainer(SPECS, (2,), config, x[:half], y[:half], x[half:], y[half:])


def epoch_payload(trainer):
    return trainer.epoch + 100


def _eventually(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture(scope="module")
def shared():
    made = pool.Pool(2, linger=0.5)
    yield made
    made.shutdown()


@pytest.fixture
def workers(shared):
    made = []

    def make(factory=Factory(), target=None, **kwargs):
        worker = pool.ProcessWorker(factory, pool=target or shared, **kwargs)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop()


def test_same_numbers_as_the_thread_worker_and_a_plain_trainer(workers):
    reference = Factory()(7)
    for _ in range(6):
        reference.train_epoch()
    worker = workers(seed=7, snapshot=epoch_payload)
    snap = worker.latest()
    assert (snap.epoch, snap.status, snap.payload, snap.message, snap.seed) == (0, "paused", 100, None, 7)
    worker.play()
    assert _eventually(lambda: worker.latest().epoch >= 6)
    worker.pause()
    first = worker.latest().history
    assert {k: v[:6] for k, v in first.items()} == reference.history  # same numbers, chunking changes nothing
    assert worker.latest().payload == worker.latest().epoch + 100

    thread = TrainingWorker(Factory(), seed=7)
    try:
        worker.reset()
        assert worker.latest().epoch == 0 and worker.latest().history["epoch"] == [] and worker.seed == 7
        for _ in range(3):
            worker.step()
            thread.step()
            assert worker.wait() and thread.wait()
        assert worker.latest().history == thread.latest().history
        assert worker.latest().steps == thread.latest().steps == 3 * reference.batches_per_epoch
        assert worker.latest().epoch_progress == 0.0 and worker.status == "paused"
    finally:
        thread.stop()
    worker.reset(seed=8)
    worker.step()
    assert worker.wait() and worker.seed == 8 and worker.latest().seed == 8
    assert worker.latest().history["train_loss"][0] != first["train_loss"][0]


def test_pause_is_obeyed_at_once_even_inside_a_long_epoch(workers):
    worker = workers(Factory(batch_size=1, points=20_000))  # an epoch is 10,000 steps: seconds of work
    worker.play()
    assert _eventually(lambda: worker.latest().steps > 0)
    started = time.monotonic()
    worker.pause()
    assert time.monotonic() - started < 2.0
    snap = worker.latest()
    assert snap.status == "paused" and snap.epoch == 0 and 0 < snap.epoch_progress < 1
    time.sleep(0.3)
    worker.set_learning_rate(0.03)  # a command round trip: training after the pause would show in its report
    assert worker.wait() and worker.latest().steps == snap.steps
    assert snap.samples_per_second > 0


def test_learning_rate_max_epochs_and_divergence(workers):
    worker = workers()
    worker.play()
    worker.set_learning_rate(0.2)
    worker.pause()
    assert worker.latest().learning_rate == 0.2
    worker.reset()
    assert worker.latest().learning_rate == 0.2  # survives reset, as in the thread worker
    with pytest.raises(UserError):
        worker.set_learning_rate(-1)

    finite = workers(max_epochs=3)
    finite.play()
    assert _eventually(lambda: finite.status == "finished") and finite.wait()
    assert finite.latest().epoch == 3 and finite.latest().status == "finished"
    finite.play()
    finite.step()
    assert finite.status == "finished"
    finite.set_max_epochs(4)
    finite.step()
    assert finite.wait() and finite.latest().epoch == 4 and finite.status == "finished"

    wild = workers(Factory(learning_rate=1000.0))
    wild.play()
    assert _eventually(lambda: wild.status == "diverged") and wild.wait()
    snap = wild.latest()
    assert snap.message.key == "core.diverged" and "learning rate" in str(snap.message)
    assert "학습률" in snap.message.message("ko")  # the error crossed the pipe with its key and parameters
    wild.set_learning_rate(0.03)
    wild.step()
    assert wild.wait() and wild.latest().epoch == snap.epoch + 1 and wild.latest().message is None


def test_factory_errors_propagate_and_reset_keeps_the_old_run(workers, shared):
    runs = shared.runs()
    with pytest.raises(UserError) as caught:
        workers(Factory(broken_seed=99), seed=99)
    assert caught.value.key == "core.train.no_data" and shared.runs() == runs  # no slot left behind
    worker = workers(Factory(broken_seed=99))
    worker.step()
    worker.wait()
    with pytest.raises(UserError):
        worker.reset(seed=99)
    assert worker.latest().epoch == 1 and worker.seed == 0 and worker.status == "paused"
    with pytest.raises(TypeError, match="picklable"):
        workers(lambda seed: Factory()(seed))


def test_nobody_watching_pauses_the_run(workers):
    idle = workers(idle_timeout=0.6)
    connected = threading.Event()
    connected.set()
    watched = workers(idle_timeout=60.0)
    watched.watched_by(connected.is_set)
    idle.play()
    watched.play()
    time.sleep(1.0)
    assert watched.status == "running"
    assert _eventually(lambda: idle.status == "paused", timeout=5)  # no heartbeats: the tab was closed
    connected.clear()  # the viewer's websocket closed
    assert _eventually(lambda: watched.status == "paused", timeout=5)
    assert watched.wait()
    epoch = watched.latest().epoch
    time.sleep(0.3)
    watched.step()
    assert watched.wait() and watched.latest().epoch == epoch + 1  # paused in the process, not only here


def test_a_killed_process_gives_a_sentence_and_play_or_reset_restart(workers):
    worker = workers(seed=3)
    other = workers()  # the second process: the crash must not touch it
    assert worker.pid != other.pid
    worker.play()
    assert _eventually(lambda: worker.latest().epoch >= 2)
    dead = worker.pid
    os.kill(dead, signal.SIGKILL)
    assert _eventually(lambda: worker.crashed, timeout=10)
    snap = worker.latest()
    assert snap.status == "paused" and snap.message.key == "core.worker.crashed"
    assert "Play" in str(snap.message) and "학습 시작" in snap.message.message("ko")
    assert worker.wait(timeout=1.0)  # nothing runs: a page waiting on it is not held up
    worker.pause()  # commands on a crashed run return at once
    worker.set_learning_rate(0.1)

    worker.play()  # starts the run again in a live process
    assert not worker.crashed and worker.pid not in (None, dead)
    assert _eventually(lambda: worker.latest().epoch >= 2)
    assert worker.latest().message is None and worker.latest().learning_rate == 0.1 and worker.seed == 3
    worker.pause()

    os.kill(worker.pid, signal.SIGKILL)
    assert _eventually(lambda: worker.crashed, timeout=10)
    worker.reset()
    assert not worker.crashed and worker.latest().epoch == 0 and worker.latest().history["epoch"] == []
    other.step()
    assert other.wait() and other.latest().epoch == 1


def test_a_hung_process_is_ended_after_the_command_timeout(workers, monkeypatch):
    monkeypatch.setattr(pool, "COMMAND_TIMEOUT", 1.0)
    worker = workers()
    worker.play()
    hung = worker.pid
    os.kill(hung, signal.SIGSTOP)  # alive but silent: a command must not wait for it forever
    try:
        started = time.monotonic()
        worker.pause()
        assert time.monotonic() - started < 5.0
        assert worker.crashed and worker.latest().message.key == "core.worker.crashed"
        assert _eventually(lambda: not os.path.exists(f"/proc/{hung}") or "Z" in open(f"/proc/{hung}/stat").read().split()[2])
    finally:
        try:
            os.kill(hung, signal.SIGCONT)
        except ProcessLookupError:
            pass
    worker.step()  # starts again in a live process
    assert worker.wait() and worker.latest().epoch == 1 and worker.pid != hung


def test_two_sessions_train_at_once_in_two_processes(workers):
    first, second = workers(), workers()
    assert first.pid != second.pid
    first.play()
    second.play()
    time.sleep(1.0)
    assert first.status == second.status == "running"
    a, b = first.latest().epoch, second.latest().epoch
    time.sleep(0.5)
    assert first.latest().epoch > a and second.latest().epoch > b


@dataclass(frozen=True)
class HeavyFactory:
    """The heaviest run a student can ask for: batch 1, six layers of 16, a long epoch."""

    def __call__(self, seed):
        x, y = _data(4000, 2)
        specs = layers.dense_stack([16] * 6, "relu", 2)
        return Trainer(specs, (2,), TrainConfig(seed=seed, batch_size=1), x, y, x[:500], y[:500])


def test_one_process_shares_its_core_fairly_between_a_heavy_and_a_light_run():
    # Issue 8, "Bad input and safety": a heavy setting slows only its own session. The process gives
    # the next chunk to the run that has had the least time, snapshots included.
    single = pool.Pool(1, linger=0.3)
    try:
        heavy = pool.ProcessWorker(HeavyFactory(), snapshot=epoch_payload, snapshot_interval=0.05, pool=single)
        light = pool.ProcessWorker(Factory(), snapshot=epoch_payload, snapshot_interval=0.05, pool=single)
        assert heavy.pid == light.pid
        heavy.play()
        light.play()
        time.sleep(2.0)
        heavy.pause()
        light.pause()
        used_heavy, used_light = heavy.latest().extra["used"], light.latest().extra["used"]
        assert used_heavy > 0.5 and used_light > 0.5
        assert 0.7 < used_light / used_heavy < 1.4, (used_light, used_heavy)  # equal shares, within a chunk or two
        assert light.latest().epoch > 10 * max(heavy.latest().epoch, 1)  # the light run is not slowed to the heavy one's pace
    finally:
        single.shutdown()


def test_thirty_closed_sessions_release_their_threads_processes_and_trainers(shared):
    # The server side of issue 11: sessions come and go; once a session is gone for good its
    # worker must go too, whether it trains in a thread (MNIST, train/validation/test) or a process.
    threads_before = threading.active_count()
    runs_before = shared.runs()
    gone = {"now": False}
    # Thread workers are paused by then (their viewer left: watched_by); process runs may still train.
    in_threads = [TrainingWorker(Factory()) for _ in range(30)]
    in_processes = [pool.ProcessWorker(Factory(), snapshot=epoch_payload, pool=shared) for _ in range(30)]
    forgotten = []  # the server then empties the gone session's state (ui/live.py)
    for worker in in_threads + in_processes:
        release.release_when(worker, lambda: gone["now"], then=lambda: forgotten.append(1))
    for worker in in_processes:
        worker.play()
    assert threading.active_count() >= threads_before + 30 and shared.runs() == runs_before + 30
    release.check()
    assert shared.runs() == runs_before + 30 and all(w.alive for w in in_threads)  # sessions still there
    assert forgotten == []
    gone["now"] = True
    release.check()
    assert shared.runs() == runs_before and len(forgotten) == 60
    assert all(not w.alive and w.trainer is None for w in in_threads)
    assert all(w.status == "stopped" and w.latest().payload is None for w in in_processes)
    assert _eventually(lambda: threading.active_count() <= threads_before + 1, timeout=10)  # + the release watcher


def test_releasing_frees_the_slot_and_idle_processes_end(shared):
    # (Last of the tests on the module's pool: its processes end here.)
    runs = [pool.ProcessWorker(Factory(), pool=shared) for _ in range(6)]
    assert shared.runs() == 6 and len(shared.pids()) == 2
    assert sorted(len(p.runs) for p in shared.processes) == [3, 3]  # the least-loaded process takes each new run
    for worker in runs[:3]:
        worker.release()
    assert shared.runs() == 3
    assert not runs[0].alive and runs[0].status == "stopped"
    runs[0].play()  # a released run stays stopped
    assert runs[0].status == "stopped"
    del runs[3:]  # dropped without release: the finalizer frees the slots
    gc.collect()
    assert _eventually(lambda: shared.runs() == 0, timeout=5)
    assert _eventually(lambda: shared.pids() == [], timeout=10)  # no runs for `linger` seconds: processes end


def test_a_prewarmed_process_takes_the_first_run_and_ends_if_none_comes():
    own = pool.Pool(2, linger=2.0)
    try:
        own.prewarm()
        own.prewarm()  # one is enough: the second call finds it up
        assert len(own.pids()) == 1 and own.runs() == 0
        booted = own.pids()[0]
        assert own.processes[0].ready.wait(60)
        worker = pool.ProcessWorker(Factory(), pool=own)
        assert own.pids() == [booted] and own.runs() == 1  # the run went to the booted process, not a new one
        worker.step()
        assert _eventually(lambda: worker.latest().epoch == 1)
        worker.release()
        assert _eventually(lambda: own.pids() == [], timeout=10)  # idle for `linger`: it ends
        own.prewarm()
        assert len(own.pids()) == 1 and own.pids() != [booted]
        assert _eventually(lambda: own.pids() == [], timeout=10)  # no run came: it ends too
    finally:
        own.shutdown()
    own.prewarm()  # a closed pool starts nothing
    assert own.pids() == []


def test_the_pool_module_does_not_import_torch():
    # The Playground page imports it first and prewarms, so its training process imports torch while the page does.
    code = "import sys, playground.pool; print(sorted(m for m in ('torch', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr[-2000:]


def test_the_playground_page_trains_through_the_pool(monkeypatch):
    from tests.apptest_utils import run_page

    monkeypatch.setenv(pool.ENV, "1")
    at = None
    try:
        at = run_page("network_playground")
        worker = at.session_state["playground/worker"]
        assert isinstance(worker, pool.ProcessWorker) and worker.pid is not None
        at.button(key="playground/step").click().run()
        assert worker.wait() and worker.latest().epoch == 1
        assert worker.latest().payload.decision.shape == (100, 100)

        os.kill(worker.pid, signal.SIGKILL)  # the page's training process dies
        assert _eventually(lambda: worker.crashed, timeout=10)
        at.run()
        assert not at.exception
        assert any("stopped unexpectedly" in e.value for e in at.error)  # a sentence, not a traceback
        at.button(key="playground/play").click().run()
        assert not at.exception and not worker.crashed and worker.status == "running"
        assert not any("stopped unexpectedly" in e.value for e in at.error)
        assert _eventually(lambda: worker.latest().epoch >= 1)
    finally:
        if at is not None and "playground/worker" in at.session_state:
            at.session_state["playground/worker"].stop()
        shared = pool.shared_pool()
        if shared is not None:
            shared.shutdown()


def test_processes_set_to_zero_later_trains_in_threads_again(monkeypatch):
    """A server (or a test run) that turns processes off after a pool exists gets threads, not the old pool."""
    monkeypatch.setenv(pool.ENV, "1")
    first = pool.shared_pool()
    try:
        assert first is not None
        monkeypatch.setenv(pool.ENV, "0")
        assert pool.shared_pool() is None
        worker = pool.start_worker(Factory())
        try:
            assert isinstance(worker, TrainingWorker)
        finally:
            worker.stop()
    finally:
        first.shutdown()

"""The background worker: commands take effect at once, runs are reproducible, the thread ends."""

from __future__ import annotations

import gc
import threading
import time

import numpy as np
import pytest

from playground import layers
from playground.errors import UserError
from playground.training import TrainConfig, Trainer
from playground.worker import Snapshot, TrainingWorker

SPECS = layers.dense_stack([4, 2], "tanh", 2)


def _data(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5, 5, (n, 2)).astype(np.float32)
    return x, (np.hypot(x[:, 0], x[:, 1]) < 3).astype(np.int64)


X, Y = _data()


def _factory(**overrides):
    def make(seed):
        config = TrainConfig(**{"seed": seed, **overrides})
        return Trainer(SPECS, (2,), config, X[:100], Y[:100], X[100:], Y[100:])

    return make


def _eventually(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture
def workers():
    made = []

    def make(*args, **kwargs):
        worker = TrainingWorker(*args, **kwargs)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop()


def test_starts_paused_with_a_first_snapshot(workers):
    worker = workers(_factory(), snapshot=lambda t: t.epoch + 100)
    snap = worker.latest()
    assert isinstance(snap, Snapshot)
    assert (snap.epoch, snap.steps, snap.status, snap.payload, snap.message) == (0, 0, "paused", 100, None)
    assert snap.history["epoch"] == [] and snap.learning_rate == 0.03 and snap.seed == 0
    assert worker.status == "paused"


def test_step_trains_exactly_one_epoch(workers):
    worker = workers(_factory())
    for expected in (1, 2):
        worker.step()
        assert worker.wait()
        snap = worker.latest()
        assert (snap.epoch, snap.status, snap.epoch_progress) == (expected, "paused", 0.0)
        assert snap.steps == expected * worker.trainer.batches_per_epoch
        assert snap.history["epoch"] == list(range(1, expected + 1))


def test_worker_runs_the_same_as_a_plain_trainer_and_reset_reproduces_it(workers):
    reference = _factory()(7)
    for _ in range(6):
        reference.train_epoch()
    worker = workers(_factory(), seed=7)
    worker.play()
    assert _eventually(lambda: worker.latest().epoch >= 6)
    worker.pause()
    first = worker.latest().history
    assert {k: v[:6] for k, v in first.items()} == reference.history  # chunking changes nothing

    worker.reset()
    assert worker.latest().epoch == 0 and worker.latest().history["epoch"] == [] and worker.seed == 7
    for _ in range(3):
        worker.step()
        worker.wait()
    assert {k: v[:3] for k, v in worker.latest().history.items()} == {k: v[:3] for k, v in first.items()}

    worker.reset(seed=8)
    worker.step()
    worker.wait()
    assert worker.seed == 8 and worker.latest().seed == 8
    assert worker.latest().history["train_loss"][0] != first["train_loss"][0]


def test_pause_is_obeyed_at_once_even_inside_a_long_epoch(workers):
    x, y = _data(20_000, 1)  # batch size 1: an epoch is 20,000 steps, seconds of work

    def make(seed):
        return Trainer(SPECS, (2,), TrainConfig(seed=seed, batch_size=1), x, y)

    worker = workers(make)
    worker.play()
    assert _eventually(lambda: worker.latest().steps > 0)
    started = time.monotonic()
    worker.pause()
    assert time.monotonic() - started < 2.0
    snap = worker.latest()
    assert snap.status == "paused" and snap.epoch == 0 and 0 < snap.epoch_progress < 1
    with worker.lock:
        steps = worker.trainer.steps
    assert snap.steps == steps  # the snapshot shows where it stopped
    time.sleep(0.2)
    with worker.lock:
        assert worker.trainer.steps == steps  # and it really stopped
    assert snap.samples_per_second > 0


def test_snapshots_are_computed_in_the_worker_thread_at_the_given_rate(workers):
    calls = []

    def payload(trainer):
        calls.append((time.monotonic(), threading.current_thread()))
        return trainer.epoch

    worker = workers(_factory(), snapshot=payload, snapshot_interval=0.1)
    calls.clear()
    worker.play()
    time.sleep(1.0)
    worker.pause()
    assert all(thread is not threading.main_thread() for _, thread in calls)
    gaps = np.diff([t for t, _ in calls[:-1]])  # the last one is the pause snapshot
    assert 2 <= len(calls) <= 13 and (gaps >= 0.09).all()  # never more often than asked
    assert worker.latest().payload == worker.latest().epoch


def test_learning_rate_changes_while_running_and_survives_reset(workers):
    worker = workers(_factory())
    worker.play()
    worker.set_learning_rate(0.2)
    with worker.lock:
        assert worker.trainer.config.learning_rate == 0.2
        assert worker.trainer.optimizer.param_groups[0]["lr"] == 0.2
    worker.pause()
    assert worker.latest().learning_rate == 0.2
    worker.reset()
    assert worker.latest().learning_rate == 0.2
    with pytest.raises(UserError):
        worker.set_learning_rate(-1)


def test_max_epochs_finishes_the_run(workers):
    worker = workers(_factory(), max_epochs=3)
    worker.play()
    assert _eventually(lambda: worker.status == "finished")
    assert worker.wait()
    assert worker.latest().epoch == 3 and worker.latest().status == "finished"
    worker.play()
    worker.step()
    assert worker.status == "finished"
    worker.set_max_epochs(4)
    worker.step()
    assert worker.wait() and worker.latest().epoch == 4 and worker.status == "finished"


def test_divergence_stops_with_the_message_then_play_carries_on(workers):
    worker = workers(_factory(learning_rate=1000.0))
    worker.play()
    assert _eventually(lambda: worker.status == "diverged")
    assert worker.wait()
    snap = worker.latest()
    assert snap.status == "diverged" and snap.message.key == "core.diverged"
    assert "learning rate" in str(snap.message)
    worker.set_learning_rate(0.03)
    epoch = snap.epoch
    worker.step()
    assert worker.wait() and worker.latest().epoch == epoch + 1 and worker.latest().message is None


def test_without_heartbeats_the_worker_pauses_itself(workers):
    worker = workers(_factory(), idle_timeout=0.6)
    worker.play()
    deadline = time.monotonic() + 1.2
    while time.monotonic() < deadline:  # a page polling: keeps it running
        worker.heartbeat()
        time.sleep(0.02)
    assert worker.status == "running"
    assert _eventually(lambda: worker.status == "paused", timeout=5)  # the tab was closed
    assert worker.wait() and worker.latest().status == "paused"


def test_a_closed_connection_pauses_the_run_without_waiting_for_the_idle_timeout(workers):
    connected = threading.Event()
    connected.set()
    worker = workers(_factory(), idle_timeout=60.0)
    worker.watched_by(connected.is_set)
    worker.play()
    time.sleep(1.2)  # several checks while connected: keeps running
    assert worker.status == "running"
    connected.clear()  # the viewer's websocket closed
    assert _eventually(lambda: worker.status == "paused", timeout=5)
    epoch = worker.latest().epoch
    time.sleep(0.3)
    assert worker.latest().epoch == epoch


def test_a_failing_watch_predicate_does_not_stop_the_run(workers):
    def broken():
        raise RuntimeError("no session manager")

    worker = workers(_factory(), idle_timeout=60.0)
    worker.watched_by(broken)
    worker.play()
    time.sleep(1.2)
    assert worker.status == "running"


def test_stop_ends_the_thread_and_is_idempotent(workers):
    worker = workers(_factory())
    thread = worker._engine.thread
    worker.play()
    worker.stop()
    assert not thread.is_alive() and not worker.alive
    worker.stop()
    worker.play()
    worker.step()
    assert worker.status == "stopped" and worker.latest().status == "stopped"


def test_dropping_the_worker_stops_its_thread():
    worker = TrainingWorker(_factory())
    worker.play()
    thread = worker._engine.thread
    del worker
    gc.collect()
    thread.join(10)
    assert not thread.is_alive()


def test_factory_errors_propagate_and_reset_keeps_the_old_run(workers):
    def broken(seed):
        raise UserError("core.train.no_data")

    with pytest.raises(UserError):
        TrainingWorker(broken)

    calls = []

    def flaky(seed):
        calls.append(seed)
        if seed == 99:
            raise UserError("core.train.no_data")
        return _factory()(seed)

    worker = workers(flaky)
    worker.step()
    worker.wait()
    with pytest.raises(UserError):
        worker.reset(seed=99)
    assert worker.latest().epoch == 1 and worker.seed == 0 and worker.status == "paused"


def test_a_failing_payload_pauses_with_a_message_and_the_thread_survives(workers):
    def payload(trainer):
        if trainer.epoch >= 2:
            raise RuntimeError("chart broke")
        return "ok"

    worker = workers(_factory(), snapshot=payload)
    worker.play()
    assert _eventually(lambda: worker.status == "paused")
    worker.wait()
    snap = worker.latest()
    assert snap.message.key == "core.worker.snapshot_failed" and "chart broke" in str(snap.message)
    assert worker.alive


# ---------------------------------------------------------------------------- ui/live.py (AppTest)


def _live_page():
    import numpy as np
    import streamlit as st

    from playground import layers
    from playground.training import TrainConfig, Trainer
    from playground.worker import TrainingWorker
    from ui.live import controls, session_worker, status_line

    rng = np.random.default_rng(0)
    x = rng.uniform(-5, 5, (100, 2)).astype(np.float32)
    y = (np.hypot(x[:, 0], x[:, 1]) < 3).astype(np.int64)
    st.session_state.setdefault("made", 0)

    def factory():
        st.session_state["made"] += 1
        specs = layers.dense_stack([4], "tanh", 2)
        return TrainingWorker(lambda seed: Trainer(specs, (2,), TrainConfig(seed=seed), x, y))

    worker = session_worker("test/run", factory, signature=st.session_state.get("sig", 1))
    controls(worker, "test")
    status_line(worker.latest())


def test_a_replayed_click_does_what_its_label_said():
    # Streamlit may run a button's callback twice (a live fragment's rerun interrupting the run that
    # handled the click); the action must not toggle back.
    from ui.live import set_running

    specs = layers.dense_stack([4], "tanh", 2)
    x, y = _data()
    worker = TrainingWorker(lambda seed: Trainer(specs, (2,), TrainConfig(seed=seed), x, y))
    try:
        set_running(worker, True)
        set_running(worker, True)
        assert worker.status == "running"
        set_running(worker, False)
        set_running(worker, False)
        assert worker.status == "paused"
        set_running(None, True)  # no worker yet: nothing happens
    finally:
        worker.stop()


def test_session_worker_and_controls_in_a_page():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APPTEST_TIMEOUT

    at = AppTest.from_function(_live_page, default_timeout=APPTEST_TIMEOUT)
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    worker = at.session_state["test/run"]
    try:
        assert [b.label for b in at.button] == ["학습 시작", "한 에포크 진행", "초기화"]
        assert "일시정지됨" in at.caption[0].value
        at.session_state["lang"] = "en"
        at.button(key="test/step").click().run()
        assert worker.wait() and worker.latest().epoch == 1
        at.run()  # the page as it looks once the step is done: the button offers Play again
        assert at.button(key="test/play").label == "Play"
        at.button(key="test/play").click().run()
        assert worker.status == "running" and at.button(key="test/play").label == "Pause"
        at.button(key="test/play").click().run()
        assert worker.status == "paused" and at.button(key="test/play").label == "Play"
        at.run()
        assert at.session_state["made"] == 1 and at.session_state["test/run"] is worker  # same signature: kept
        at.session_state["sig"] = 2
        at.run()
        assert at.session_state["made"] == 2 and not worker.alive  # new signature: replaced, old one stopped
        replacement = at.session_state["test/run"]
        at.button(key="test/reset").click().run()
        assert replacement.latest().epoch == 0 and not at.exception
    finally:
        worker.stop()
        at.session_state["test/run"].stop()

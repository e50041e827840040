"""One background training worker per browser session: play, pause, step, reset, live snapshots.

The worker owns a `Trainer` and a daemon thread. While running, the thread trains in short
chunks (about CHUNK_SECONDS each, never a whole big epoch), so every command takes effect
within one chunk. After a chunk it takes a `Snapshot` when `snapshot_interval` has passed,
or when the run pauses, steps, finishes or diverges; the snapshot's payload (decision grid,
neuron maps, ...) is computed by the user's function *in the worker thread*, so the UI only
ever reads a ready-made object and never waits for the model.

The UI calls `heartbeat()` on every poll; without one for `idle_timeout` seconds the worker
pauses itself (the tab was closed). A UI that can tell when its viewer has left (a closed
websocket) hands the worker a `watched_by(predicate)`, checked twice a second, so a closed tab
frees its core at once instead of a minute later. When the owner drops the worker (session
state replaced or gone) a weakref finalizer stops the thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import weakref
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable

from playground.errors import UserError

if TYPE_CHECKING:  # torch comes with whoever builds a trainer, not with this module (and so not with pool.py,
    from playground.training import Trainer  # which the Playground page imports before torch: pool.prewarm)

log = logging.getLogger(__name__)

STATUSES = ("paused", "running", "finished", "diverged", "stopped")
CHUNK_SECONDS = 0.04  # training time between looks at the controls
COMMAND_TIMEOUT = 10.0  # longest a command waits for the thread to acknowledge it
WATCH_INTERVAL = 0.5  # seconds between asks of the `watched_by` predicate
# A training thread holds Python's GIL almost all the time; every other thread of the process (a
# web server's, drawing the live charts) waits up to one switch interval each time it needs it.
# Python's default is 5 ms; 1 ms keeps a server responsive while a network trains.
SWITCH_INTERVAL = 0.001


@dataclass(frozen=True)
class Snapshot:
    """What the UI draws: copies made in the worker thread, safe to read from any thread."""

    epoch: int
    steps: int
    history: dict[str, list]
    payload: Any
    status: str
    message: UserError | None
    samples_per_second: float
    epoch_progress: float = 0.0  # fraction of the current epoch done (for a progress bar)
    learning_rate: float = 0.0
    seed: int = 0
    extra: dict = field(default_factory=dict)  # "at": time.monotonic() when taken


class _Engine:
    """The state shared with the thread. Holds no reference to the public TrainingWorker."""

    def __init__(self, make_trainer, snapshot, snapshot_interval, max_epochs, idle_timeout, seed):
        self.make_trainer = make_trainer
        self.snapshot_fn = snapshot
        self.snapshot_interval = snapshot_interval
        self.max_epochs = max_epochs
        self.idle_timeout = idle_timeout
        self.lock = threading.RLock()  # guards the trainer
        self.cond = threading.Condition()  # guards everything below
        self.trainer: Trainer = make_trainer(seed)
        self.seed = _trainer_seed(self.trainer, seed)
        self.lr_override: float | None = None
        self.status = "finished" if self._reached_max() else "paused"
        self.step_target: int | None = None  # stepping: pause when trainer.epoch reaches this
        self.stopped = False
        self.busy = False  # the thread is training or taking a snapshot
        self.dirty = True  # a snapshot is due
        self.message: UserError | None = None
        self.last_beat = time.monotonic()
        self.watching: Callable[[], bool] | None = None
        self.watch_checked = 0.0
        self.chunk = 1
        self.rate = 0.0
        self.rate_mark: tuple[float, int] | None = None
        self.latest: Snapshot | None = None
        self.thread = threading.Thread(target=self.loop, name="training-worker", daemon=True)

    # ---------------------------------------------------------------- thread side

    def _reached_max(self) -> bool:
        return self.max_epochs is not None and self.trainer.epoch >= self.max_epochs

    def _watched(self) -> bool:
        """False once nobody is watching: no heartbeat for idle_timeout, or the predicate says so."""
        now = time.monotonic()
        if now - self.last_beat > self.idle_timeout:
            return False
        if self.watching is not None and now - self.watch_checked >= WATCH_INTERVAL:
            self.watch_checked = now
            try:
                return bool(self.watching())
            except Exception:  # a predicate that fails must not stop a run someone may be watching
                log.exception("watch predicate failed")
        return True

    def loop(self) -> None:
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        last_snapshot = 0.0
        while True:
            with self.cond:
                while not self.stopped and self.status != "running" and not self.dirty:
                    self.busy = False
                    self.cond.notify_all()
                    self.cond.wait()
                if self.stopped:
                    self.busy = False
                    self.cond.notify_all()
                    return
                if self.status == "running" and not self._watched():
                    self.status = "paused"  # nobody is watching: the tab was closed
                    self.step_target = None
                    self.dirty = True
                self.busy = True
                train = self.status == "running"
            if train:
                self._train_chunk()
            if self.dirty or time.monotonic() - last_snapshot >= self.snapshot_interval:
                self._take_snapshot()
                last_snapshot = time.monotonic()

    def _train_chunk(self) -> None:
        with self.lock:
            trainer = self.trainer
            n = self.chunk
            if self.step_target is not None:
                n = min(n, trainer.steps_to_epoch_end + (self.step_target - trainer.epoch - 1) * trainer.batches_per_epoch)
            if self.max_epochs is not None:
                left = (self.max_epochs - trainer.epoch - 1) * trainer.batches_per_epoch + trainer.steps_to_epoch_end
                n = min(n, left)
            n = max(n, 1)
            started = time.perf_counter()
            if self.rate_mark is None:
                self.rate_mark = (started, trainer.examples_seen)
            error: UserError | None = None
            try:
                ok = trainer.train_steps(n)
            except UserError as caught:
                ok, error = False, caught
            except Exception as caught:  # a bug or out of memory: say so, keep the thread alive
                log.exception("training failed")
                ok, error = False, UserError("core.worker.failed", error=str(caught) or type(caught).__name__)
            elapsed = time.perf_counter() - started
            # Size the next chunk so that it takes about CHUNK_SECONDS.
            per_step = elapsed / n
            self.chunk = int(min(max(1, CHUNK_SECONDS / per_step if per_step > 0 else 1000), 100_000))
            self._measure_rate(trainer)
            with self.cond:
                if not ok:
                    self.status = "diverged" if error is None else "paused"
                    self.message = trainer.diverged if error is None else error
                    self.step_target = None
                    self.rate_mark = None
                    self.dirty = True
                elif self.status == "running":
                    if self._reached_max():
                        self.status = "finished"
                    elif self.step_target is not None and trainer.epoch >= self.step_target:
                        self.status = "paused"
                    if self.status != "running":
                        self.step_target = None
                        self.rate_mark = None
                        self.dirty = True

    def _measure_rate(self, trainer: Trainer) -> None:
        now = time.perf_counter()
        mark = self.rate_mark  # pause() may clear it meanwhile
        if mark is None:
            return
        since, seen = mark
        if now - since >= 0.5:  # average over half a second of wall time (snapshots included)
            self.rate = (trainer.examples_seen - seen) / (now - since)
            self.rate_mark = (now, trainer.examples_seen)
        elif self.rate == 0.0 and now > since:
            self.rate = (trainer.examples_seen - seen) / (now - since)

    def _take_snapshot(self) -> None:
        from playground.training import single_threaded  # (imported here: see the TYPE_CHECKING note above)

        with self.lock:
            trainer = self.trainer
            payload, payload_error = None, None
            if self.snapshot_fn is not None:
                try:
                    with single_threaded(getattr(trainer, "single_thread", False)):
                        payload = self.snapshot_fn(trainer)
                except UserError as caught:
                    payload_error = caught
                except Exception as caught:
                    log.exception("snapshot failed")
                    payload_error = UserError("core.worker.snapshot_failed", error=str(caught) or type(caught).__name__)
            with self.cond:
                if payload_error is not None:
                    self.message = payload_error
                    if self.status == "running":
                        self.status = "paused"
                self.latest = Snapshot(
                    epoch=trainer.epoch,
                    steps=trainer.steps,
                    history={key: list(values) for key, values in trainer.history.items()},
                    payload=payload,
                    status="stopped" if self.stopped else self.status,
                    message=self.message,
                    samples_per_second=self.rate,
                    epoch_progress=trainer.epoch_progress,
                    learning_rate=trainer.config.learning_rate,
                    seed=self.seed,
                    # when it was taken (rates measured from snapshots); the run's training seconds so far
                    extra={"at": time.monotonic(), "train_seconds": getattr(trainer, "train_seconds", 0.0)},
                )
                self.dirty = False
                self.cond.notify_all()

    # ---------------------------------------------------------------- caller side

    def wait_settled(self, timeout: float = COMMAND_TIMEOUT) -> bool:
        """Wait until the thread is idle with a fresh snapshot (or training again, if running)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.stopped and (self.dirty or (self.busy and self.status != "running")):
                left = deadline - time.monotonic()
                if left <= 0 or not self.thread.is_alive():
                    return False
                self.cond.wait(left)
        return True

    def stop(self) -> None:
        with self.cond:
            if self.stopped:
                return
            self.stopped = True
            self.status = "stopped"
            self.cond.notify_all()
        if self.thread.is_alive() and threading.current_thread() is not self.thread:
            self.thread.join(COMMAND_TIMEOUT)
        with self.cond:
            if self.latest is not None:
                self.latest = replace(self.latest, status="stopped")


def _trainer_seed(trainer: Trainer, asked: int) -> int:
    config = getattr(trainer, "config", None)
    seed = getattr(config, "seed", asked)
    return seed if isinstance(seed, int) else asked


class TrainingWorker:
    """A trainer in a daemon thread, driven by play/pause/step/reset from the UI.

    `make_trainer(seed)` builds a fresh Trainer; it is called at construction (with `seed`,
    default 0) and by `reset`. If the factory ignores its argument and uses its own config's
    seed, the worker learns that seed from ``trainer.config.seed``. `snapshot(trainer)`
    computes the UI payload (in the worker thread, under the lock). `max_epochs` ends the run
    ("finished"). Training and snapshots hold `lock`; read `trainer` only under it.

    Let neither function refer to the worker itself: the thread keeps them alive, so the worker
    could then never be collected and stopped by its finalizer (it would still pause itself
    after `idle_timeout` without heartbeats).
    """

    def __init__(
        self,
        make_trainer: Callable[[int], Trainer],
        snapshot: Callable[[Trainer], Any] | None = None,
        snapshot_interval: float = 0.15,
        max_epochs: int | None = None,
        idle_timeout: float = 60.0,
        seed: int = 0,
    ) -> None:
        self._engine = _Engine(make_trainer, snapshot, snapshot_interval, max_epochs, idle_timeout, seed)
        self._engine.thread.start()
        self._finalizer = weakref.finalize(self, self._engine.stop)
        self._engine.wait_settled()

    # ---------------------------------------------------------------- reading

    @property
    def lock(self) -> threading.RLock:
        """Hold it to read or use `trainer` from another thread."""
        return self._engine.lock

    @property
    def trainer(self) -> Trainer:
        """The current trainer (replaced by `reset`); use under `with worker.lock:`."""
        return self._engine.trainer

    @property
    def status(self) -> str:
        """"paused" | "running" | "finished" | "diverged" | "stopped"."""
        return self._engine.status

    @property
    def seed(self) -> int:
        """The seed of the current run."""
        return self._engine.seed

    @property
    def alive(self) -> bool:
        """Whether the worker thread is still there (False after `stop`)."""
        return not self._engine.stopped and self._engine.thread.is_alive()

    def latest(self) -> Snapshot:
        """The most recent snapshot (never blocks on training)."""
        return self._engine.latest

    def heartbeat(self) -> None:
        """Tell the worker someone is watching (call on every UI poll)."""
        self._engine.last_beat = time.monotonic()

    def watched_by(self, predicate: Callable[[], bool] | None) -> None:
        """While running, pause as soon as `predicate()` is False (e.g. the viewer's connection closed).

        Called from the worker thread every WATCH_INTERVAL seconds: keep it cheap and thread-safe.
        """
        self._engine.watching = predicate

    def wait(self, timeout: float = COMMAND_TIMEOUT) -> bool:
        """Block until a step/run in progress has ended and its snapshot is ready (tests, scripts).

        Returns False on timeout. While running with no end in sight it waits for the timeout.
        """
        engine = self._engine
        deadline = time.monotonic() + timeout
        with engine.cond:
            while not engine.stopped and (engine.status == "running" or engine.dirty or engine.busy):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                engine.cond.wait(left)
        return True

    # ---------------------------------------------------------------- commands

    def play(self) -> None:
        """Train continuously (after a divergence: carry on from the kept weights)."""
        engine = self._engine
        with engine.cond:
            if engine.stopped or engine.status == "finished":
                return
            engine.status = "running"
            engine.step_target = None
            engine.message = None
            engine.last_beat = time.monotonic()
            engine.cond.notify_all()

    def pause(self) -> None:
        """Stop training after the current chunk; returns once the thread has paused."""
        engine = self._engine
        with engine.cond:
            if engine.status != "running":
                return
            engine.status = "paused"
            engine.step_target = None
            engine.rate_mark = None
            engine.dirty = True
            engine.cond.notify_all()
        engine.wait_settled()

    def step(self) -> None:
        """Train to the end of the current epoch (exactly one epoch from a boundary), then pause."""
        engine = self._engine
        with engine.cond:  # (never take the lock inside cond: the thread takes them the other way round)
            if engine.stopped or engine.status == "finished":
                return
            engine.step_target = engine.trainer.epoch + 1
            engine.status = "running"
            engine.message = None
            engine.last_beat = time.monotonic()
            engine.cond.notify_all()

    def reset(self, seed: int | None = None) -> None:
        """A fresh trainer from `make_trainer(seed)` (same seed when None), paused at epoch 0.

        A learning rate set with `set_learning_rate` carries over. If the factory raises, the
        old run stays as it was and the error propagates.
        """
        engine = self._engine
        if engine.stopped:
            return
        self.pause()
        engine.wait_settled()
        with engine.lock:
            new_seed = engine.seed if seed is None else seed
            trainer = engine.make_trainer(new_seed)
            if engine.lr_override is not None:
                trainer.set_learning_rate(engine.lr_override)
            with engine.cond:
                engine.trainer = trainer
                engine.seed = _trainer_seed(trainer, new_seed)
                engine.status = "finished" if engine._reached_max() else "paused"
                engine.step_target = None
                engine.message = None
                engine.rate = 0.0
                engine.rate_mark = None
                engine.chunk = 1
                engine.dirty = True
                engine.cond.notify_all()
        engine.wait_settled()

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate now, without restarting (UserError if not a positive number)."""
        from playground.training import check_learning_rate

        lr = check_learning_rate(lr)
        engine = self._engine
        with engine.lock:
            engine.trainer.set_learning_rate(lr)
            engine.lr_override = lr
        with engine.cond:
            engine.dirty = True
            engine.cond.notify_all()

    def set_max_epochs(self, max_epochs: int | None) -> None:
        """Change where the run ends; a finished run with room left becomes paused."""
        engine = self._engine
        with engine.cond:
            engine.max_epochs = max_epochs
            if engine.status == "finished" and not engine._reached_max():
                engine.status = "paused"
            elif engine.status in ("paused", "running") and engine._reached_max():
                engine.status = "finished"
            engine.dirty = True
            engine.cond.notify_all()

    def stop(self) -> None:
        """End the thread (idempotent). The last snapshot stays readable, with status "stopped"."""
        self._finalizer()

    def release(self) -> None:
        """Stop, and drop the trainer, its data and the factory now (the session is gone; see playground/release.py).

        Afterwards `trainer` is None and the last snapshot keeps its numbers but not its payload.
        """
        self._finalizer()
        engine = self._engine
        if engine.thread.is_alive() and threading.current_thread() is not engine.thread:
            engine.thread.join(COMMAND_TIMEOUT)  # (a second caller returns from the finalizer before the thread ends)
        with engine.lock:
            engine.trainer = None
            engine.make_trainer = None
            engine.snapshot_fn = None
        with engine.cond:
            if engine.latest is not None:
                engine.latest = replace(engine.latest, payload=None)

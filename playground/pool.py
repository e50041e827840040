"""Training in worker processes: a pool sized to the cores, and a proxy with TrainingWorker's controls.

A thread in the web server shares one GIL with every other session and with the server itself:
30 students on one machine then train on one core. Here each run lives in one of a few training
processes (playground/pool_process.py; one per core by default), each hosting many runs and
sharing its core fairly among the running ones. The server keeps a `ProcessWorker` per session:
the same play/pause/step/reset/learning-rate/max-epochs/latest/heartbeat/watched_by/stop as
`TrainingWorker`, so ui/live.py and the pages drive either. Commands go to the process as small
messages; reports come back (payload, status and only the new history) and a receiver thread per
process keeps `latest()` current. The trainer is built in the process from picklable inputs (a
module-level function or a small dataclass with __call__, and data as numpy arrays).

`PLAYGROUND_TRAINING_PROCESSES` sets the number of processes (default: the cores this process may
use; 0 = train in threads in the server, as before). Processes start when first needed (a fresh
interpreter, never a fork of the threaded server) and end after `PLAYGROUND_TRAINING_LINGER`
seconds without runs (default 60).

A process that dies (killed, out of memory) turns its runs into a sentence ("core.worker.crashed")
and Play, Step or Reset start the run again in a live process; a process that does not answer a
command within COMMAND_TIMEOUT is killed and treated the same way: the page never hangs on it.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
import weakref
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable

from playground.errors import UserError
from playground.worker import COMMAND_TIMEOUT, WATCH_INTERVAL, Snapshot, TrainingWorker

log = logging.getLogger(__name__)

ENV = "PLAYGROUND_TRAINING_PROCESSES"
LINGER_ENV = "PLAYGROUND_TRAINING_LINGER"  # seconds an idle training process waits for new runs
START_TIMEOUT = 60.0  # a fresh interpreter imports torch: seconds on a busy machine
LINGER_SECONDS = 60.0  # a process without runs for this long exits (the next student starts a new one)
MONITOR_INTERVAL = 0.25
ROOT = Path(__file__).resolve().parent.parent  # the folder holding the playground package


def configured_linger() -> float:
    """Seconds a training process without runs stays up: $PLAYGROUND_TRAINING_LINGER, else LINGER_SECONDS."""
    try:
        return max(0.0, float(os.environ.get(LINGER_ENV, LINGER_SECONDS)))
    except ValueError:
        log.warning("%s is not a number of seconds; using %s", LINGER_ENV, LINGER_SECONDS)
        return LINGER_SECONDS


def configured_size() -> int:
    """Training processes to use: $PLAYGROUND_TRAINING_PROCESSES, else the cores this process may run on."""
    raw = os.environ.get(ENV, "").strip()
    if raw:
        try:
            return max(0, int(raw))
        except ValueError:
            log.warning("%s=%r is not a whole number; using one process per core", ENV, raw)
    try:
        return len(os.sched_getaffinity(0))  # the cores a container or taskset allows, not all the machine's
    except AttributeError:
        return os.cpu_count() or 1


class _Dead(Exception):
    """The training process is gone (or was killed for not answering)."""


class _Process:
    """One training process: its pipes, its runs, and the thread that receives its reports."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.runs: dict[int, _RunState] = {}
        self.idle_since: float | None = time.monotonic()
        self.ready = threading.Event()
        self.dead = False
        self.send_lock = threading.Lock()
        child_reads, server_writes = os.pipe()  # (os.pipe's ends are not inherited by other children)
        server_reads, child_writes = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
        try:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", "playground.pool_process", str(child_reads), str(child_writes)],
                pass_fds=(child_reads, child_writes), env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
            )
        except OSError:
            for fd in (child_reads, server_writes, server_reads, child_writes):
                os.close(fd)
            raise
        os.close(child_reads)
        os.close(child_writes)
        self.pid = self.popen.pid
        self.outbox = Connection(server_writes, readable=False)
        self.inbox = Connection(server_reads, writable=False)
        self.thread = threading.Thread(target=self._receive, name=f"training-process-{self.pid}", daemon=True)
        self.thread.start()

    def send(self, message: tuple) -> None:
        if self.dead:
            raise _Dead()
        try:
            with self.send_lock:
                self.outbox.send(message)
        except (OSError, EOFError) as error:
            self.kill()
            raise _Dead() from error

    def kill(self) -> None:
        """End the process now; the receiver thread then turns its runs into the crash sentence."""
        try:
            self.popen.kill()
        except OSError:
            pass

    def _receive(self) -> None:
        try:
            while True:
                message = self.inbox.recv()
                if message[0] == "ready":
                    with self.pool.lock:
                        if not self.runs:  # idle from now: booting (a second or more) is not waiting for runs
                            self.idle_since = time.monotonic()
                    self.ready.set()
                    continue
                state = self.runs.get(message[1])
                if state is not None:
                    state.deliver(self, message)
        except Exception as error:  # EOF: the process ended; anything else: a message we cannot read
            if not isinstance(error, (EOFError, OSError)):
                log.exception("bad message from training process %s", self.pid)
        self.dead = True
        self.ready.set()
        self.kill()
        self.pool._forget(self)
        for state in list(self.runs.values()):
            state.crash(self)
        self.runs.clear()
        for conn in (self.inbox, self.outbox):
            conn.close()
        try:
            self.popen.wait(COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            log.warning("training process %s did not exit", self.pid)


class Pool:
    """Up to `size` training processes; a new run goes to the least-loaded one (runs counted)."""

    def __init__(self, size: int, linger: float = LINGER_SECONDS) -> None:
        self.size = max(1, int(size))
        self.linger = linger
        self.processes: list[_Process] = []
        self.lock = threading.Lock()
        self.rids = itertools.count(1)
        self.closed = False
        self.monitor = threading.Thread(target=self._monitor, name="training-pool-monitor", daemon=True)
        self.monitor.start()

    # ------------------------------------------------------------------ runs

    def _place(self, state: _RunState) -> _Process:
        """Register `state` with a process (starting one when every live one already has runs)."""
        with self.lock:
            if self.closed:
                raise UserError("core.worker.no_process")
            live = [p for p in self.processes if not p.dead]
            if len(live) < self.size and all(p.runs for p in live):
                try:
                    process = _Process(self)
                except OSError as error:
                    log.error("could not start a training process: %s", error)
                    raise UserError("core.worker.no_process") from error
                self.processes.append(process)
                if len(live) + 1 < self.size:
                    self._start_idle()  # a spare boots meanwhile, so the next student need not wait for one
            else:
                process = min(live, key=lambda p: len(p.runs))
            rid = next(self.rids)
            state.process, state.rid = process, rid
            process.runs[rid] = state
            process.idle_since = None
        return process

    def prewarm(self) -> None:
        """Boot a training process now if none is up, so the next run opened need not wait while a fresh
        interpreter imports torch (1-2 s); it ends after `linger` seconds if no run comes.

        The Playground page calls it before importing torch itself (this module does not import torch),
        so on a server's first page load the process boots while the page imports.
        """
        with self.lock:
            if not self.closed and all(p.dead for p in self.processes):
                self._start_idle()

    def _start_idle(self) -> None:
        """Start a process with no runs yet (caller holds `lock`); a failure is only logged: the next run
        that needs a process tries again, and says so if it cannot."""
        try:
            self.processes.append(_Process(self))
        except OSError as error:
            log.warning("could not start a training process: %s", error)

    def open(self, state: _RunState, seq: int) -> _Process:
        """Start `state`'s run in a process; returns once the process has the run (or raises)."""
        process = self._place(state)
        if not process.ready.wait(START_TIMEOUT) or process.dead:
            process.kill()
            raise UserError("core.worker.no_process")
        try:
            process.send(("open", state.rid, seq, state.spec))
        except _Dead as error:
            raise UserError("core.worker.no_process") from error
        return process

    def close(self, state: _RunState) -> None:
        """Forget `state`'s run; its process drops the trainer and data at once."""
        process = state.process
        if process is None:
            return
        with self.lock:
            process.runs.pop(state.rid, None)
            if not process.runs:
                process.idle_since = time.monotonic()
        try:
            process.send(("close", state.rid))
        except _Dead:
            pass

    def _forget(self, process: _Process) -> None:
        with self.lock:
            if process in self.processes:
                self.processes.remove(process)

    def runs(self) -> int:
        """Runs held by live processes (for tests and the benchmark)."""
        with self.lock:
            return sum(len(p.runs) for p in self.processes if not p.dead)

    def pids(self) -> list[int]:
        with self.lock:
            return [p.pid for p in self.processes if not p.dead]

    # ------------------------------------------------------------------ background duties

    def _monitor(self) -> None:
        """Pause runs nobody watches (no heartbeat, or the watch predicate says the tab closed); end idle processes."""
        while not self.closed:
            time.sleep(MONITOR_INTERVAL)
            with self.lock:
                processes = list(self.processes)
            now = time.monotonic()
            for process in processes:
                for state in list(process.runs.values()):
                    if state.status == "running" and not state.watched(now):
                        state.pause_async()  # (skipped this round if the run is busy with a command)
                if process.idle_since is not None and now - process.idle_since >= self.linger:
                    with self.lock:
                        idle = not process.runs and process in self.processes
                        if idle:
                            self.processes.remove(process)
                    if idle:
                        self._end(process)

    def _end(self, process: _Process) -> None:
        try:
            process.send(("exit",))
        except _Dead:
            return
        try:
            process.popen.wait(5.0)
        except subprocess.TimeoutExpired:
            process.kill()

    def shutdown(self) -> None:
        """End every process (their runs become the crash sentence, should anyone still look)."""
        with self.lock:
            self.closed = True
            processes, self.processes = list(self.processes), []
        for process in processes:
            self._end(process)
        for process in processes:
            process.thread.join(COMMAND_TIMEOUT)


class _RunState:
    """What the server knows of one run; the pool holds it, the proxy drives it."""

    def __init__(self, pool: Pool, spec: dict[str, Any], idle_timeout: float) -> None:
        self.pool = pool
        self.spec = spec
        self.idle_timeout = idle_timeout
        self.cond = threading.Condition()
        self.commands = threading.Lock()  # one command at a time, so sequence numbers reach the process in order
        self.process: _Process | None = None
        self.rid = 0
        self.seq = 0  # the last command sent
        self.acked = 0  # the last command the process has answered
        self.errors: dict[int, UserError] = {}
        self.crashed = False
        self.stopped = False
        self.status = "paused"
        self.seed = spec["seed"]
        self.report: dict[str, Any] = {}
        self.history: dict[str, list] = {}
        self.version = 0
        self.cached: tuple[int, Snapshot] | None = None
        self.last_beat = time.monotonic()
        self.watching: Callable[[], bool] | None = None
        self.watch_checked = 0.0

    # ------------------------------------------------------------------ from the receiver thread

    def deliver(self, process: _Process, message: tuple) -> None:
        kind, _, seq = message[:3]
        with self.cond:
            if process is not self.process:
                return  # a late word from a process this run has left
            self.acked = max(self.acked, seq)
            if kind == "error":
                self.errors[seq] = message[3]
            else:
                report = message[3]
                start = report.pop("history_start")
                for key, values in report.pop("history").items():
                    kept = self.history.setdefault(key, [])
                    del kept[start:]
                    kept.extend(values)
                self.report = report
                self.seed = report["seed"]
                if seq >= self.seq and not self.stopped:
                    self.status = report["status"]  # older reports do not undo a command sent since
                self.version += 1
            self.cond.notify_all()

    def crash(self, process: _Process) -> None:
        with self.cond:
            if process is not self.process:
                return
            self.process = None
            self.crashed = True
            self.acked = self.seq
            if not self.stopped:
                self.status = "paused"
            self.report = {**self.report, "message": UserError("core.worker.crashed"), "rate": 0.0}
            self.version += 1
            self.cond.notify_all()

    # ------------------------------------------------------------------ from the server's threads

    def watched(self, now: float) -> bool:
        if now - self.last_beat > self.idle_timeout:
            return False
        if self.watching is not None and now - self.watch_checked >= WATCH_INTERVAL:
            self.watch_checked = now
            try:
                return bool(self.watching())
            except Exception:  # a predicate that fails must not stop a run someone may be watching
                log.exception("watch predicate failed")
        return True

    def send(self, name: str, arg: Any = None) -> int:
        """Send a command (caller holds `commands`); 0 when there is no live process to send it to."""
        with self.cond:
            process = self.process
            if process is None or self.stopped:
                return 0
            self.seq += 1
            seq = self.seq
        try:
            process.send(("cmd", self.rid, seq, name, arg))
        except _Dead:
            return 0  # the receiver thread turns the run into the crash sentence
        return seq

    def wait_ack(self, seq: int, timeout: float | None = None) -> UserError | None:
        """Wait until the process has answered command `seq` (within COMMAND_TIMEOUT, or `timeout`); kill it
        if it does not, so a hung process never hangs a page."""
        deadline = time.monotonic() + (COMMAND_TIMEOUT if timeout is None else timeout)
        with self.cond:
            while self.acked < seq and not self.crashed and not self.stopped:
                left = deadline - time.monotonic()
                if left <= 0:
                    process = self.process
                    break
                self.cond.wait(left)
            else:
                return self.errors.pop(seq, None)
        log.error("training process %s did not answer in time; ending it", process.pid)
        process.kill()
        deadline = time.monotonic() + COMMAND_TIMEOUT
        with self.cond:
            while self.process is process and time.monotonic() < deadline:
                self.cond.wait(0.5)  # the receiver turns the run into the crash sentence
        return None

    def pause_async(self) -> None:
        """Pause without waiting (the monitor: the tab was closed)."""
        if not self.commands.acquire(blocking=False):
            return
        try:
            with self.cond:
                if self.status != "running":
                    return
                self.status = "paused"
            self.send("pause")
        finally:
            self.commands.release()

    def open(self, seed: int) -> None:
        """(Re)start the run in a live process, at epoch 0 with `seed`; raises UserError when it cannot."""
        self.spec["seed"] = seed
        with self.cond:
            was_crashed, self.crashed = self.crashed, False
            self.seq += 1
            seq = self.seq
        error: UserError | None = None
        try:
            self.pool.open(self, seq)
            error = self.wait_ack(seq, START_TIMEOUT)
        except UserError as caught:
            error = caught
        with self.cond:
            if error is None and self.process is not None:
                return
        self.pool.close(self)  # the process never made the run (or is gone)
        with self.cond:
            self.process = None
            self.crashed = was_crashed or self.crashed
        raise error or UserError("core.worker.crashed")

    def release(self) -> None:
        """Stop for good: the process drops the trainer and its data, the slot is free, the inputs dropped."""
        with self.commands:
            with self.cond:
                if self.stopped:
                    return
                self.stopped = True
                self.status = "stopped"
                self.version += 1
                self.cond.notify_all()
            self.pool.close(self)
            with self.cond:
                self.process = None
                self.spec = {}  # the factory holds the session's data
                self.watching = None

    def snapshot(self) -> Snapshot | None:
        with self.cond:
            if self.cached is not None and self.cached[0] == self.version:
                return self.cached[1]
            r = self.report
            if "epoch" not in r:
                return None
            snap = Snapshot(
                epoch=r["epoch"], steps=r["steps"], history={k: list(v) for k, v in self.history.items()},
                payload=r["payload"], status=self.status, message=r["message"], samples_per_second=r["rate"],
                epoch_progress=r["progress"], learning_rate=r["learning_rate"], seed=self.seed,
                extra={"at": r["at"], "used": r["used"], "train_seconds": r.get("train_seconds", 0.0)},
            )
            self.cached = (self.version, snap)
            return snap


class ProcessWorker:
    """TrainingWorker's controls for a run that trains in the pool's processes.

    Takes the same arguments as TrainingWorker, but `make_trainer` and `snapshot` must be
    picklable (module-level functions or dataclasses with __call__; data as numpy arrays), since
    the trainer is built in the training process. There is no `trainer` here: the page draws from
    `latest()`, whose first snapshot exists once the constructor returns.
    """

    def __init__(
        self,
        make_trainer: Callable[[int], Any],
        snapshot: Callable[[Any], Any] | None = None,
        snapshot_interval: float = 0.15,
        max_epochs: int | None = None,
        idle_timeout: float = 60.0,
        seed: int = 0,
        pool: Pool | None = None,
    ) -> None:
        pool = pool if pool is not None else shared_pool()
        if pool is None:
            raise ValueError(f"training processes are off ({ENV}=0): use TrainingWorker")
        spec = {"make_trainer": make_trainer, "snapshot": snapshot, "snapshot_interval": snapshot_interval,
                "max_epochs": max_epochs, "seed": seed, "learning_rate": None}
        try:
            pickle.dumps(spec)
        except Exception as error:  # a lambda or a closure: say what to pass instead
            raise TypeError("make_trainer and snapshot must be picklable (module-level functions or dataclasses "
                            f"with __call__, data as numpy arrays) to train in a process: {error}") from error
        self._state = _RunState(pool, spec, idle_timeout)
        self.lock = threading.RLock()  # kept for callers written for TrainingWorker; guards nothing remote
        with self._state.commands:
            self._state.open(seed)
        self._finalizer = weakref.finalize(self, self._state.release)

    # ------------------------------------------------------------------ reading

    @property
    def status(self) -> str:
        return self._state.status

    @property
    def seed(self) -> int:
        return self._state.seed

    @property
    def alive(self) -> bool:
        """False after `stop`; a run whose process crashed stays alive (Play or Reset restart it)."""
        return not self._state.stopped

    @property
    def crashed(self) -> bool:
        return self._state.crashed

    @property
    def pid(self) -> int | None:
        """The training process of this run (None while it has none)."""
        process = self._state.process
        return None if process is None else process.pid

    @property
    def trainer(self):
        raise AttributeError("a ProcessWorker's trainer lives in a training process: draw from latest()")

    def latest(self) -> Snapshot:
        return self._state.snapshot()

    def heartbeat(self) -> None:
        self._state.last_beat = time.monotonic()

    def watched_by(self, predicate: Callable[[], bool] | None) -> None:
        """While running, pause once `predicate()` is False (checked in the server, twice a second)."""
        self._state.watching = predicate

    def wait(self, timeout: float = COMMAND_TIMEOUT) -> bool:
        state = self._state
        deadline = time.monotonic() + timeout
        with state.cond:
            while not (state.stopped or state.crashed or (state.acked >= state.seq and state.status != "running")):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                state.cond.wait(left)
        return True

    # ------------------------------------------------------------------ commands

    def _revive(self, seed: int | None = None) -> bool:
        """After a crash: the run again from epoch 0 in a live process (caller holds `commands`)."""
        state = self._state
        try:
            state.open(state.seed if seed is None else seed)
        except UserError as error:
            with state.cond:
                state.report = {**state.report, "message": error}
                state.version += 1
            return False
        return True

    def play(self) -> None:
        state = self._state
        with state.commands:
            if state.stopped or (state.crashed and not self._revive()):
                return
            with state.cond:
                if state.status == "finished":
                    return
                state.status = "running"
                state.last_beat = time.monotonic()
            state.send("play")

    def pause(self) -> None:
        state = self._state
        with state.commands:
            with state.cond:
                if state.status != "running":
                    return
                state.status = "paused"
            seq = state.send("pause")
        state.wait_ack(seq)

    def step(self) -> None:
        state = self._state
        with state.commands:
            if state.stopped or (state.crashed and not self._revive()):
                return
            with state.cond:
                if state.status == "finished":
                    return
                state.status = "running"
                state.last_beat = time.monotonic()
            state.send("step")

    def reset(self, seed: int | None = None) -> None:
        """A fresh run (same seed when None), paused at epoch 0; a factory's UserError propagates."""
        state = self._state
        with state.commands:
            if state.stopped:
                return
            if state.crashed:
                self._revive(seed)
                return
            seq = state.send("reset", seed)
            error = state.wait_ack(seq)
        if error is not None:
            raise error

    def set_learning_rate(self, lr: float) -> None:
        from playground.training import check_learning_rate  # (torch: see Pool.prewarm)

        lr = check_learning_rate(lr)
        state = self._state
        with state.commands:
            state.spec["learning_rate"] = lr  # also for a restart after a crash
            state.send("learning_rate", lr)

    def set_max_epochs(self, max_epochs: int | None) -> None:
        state = self._state
        with state.commands:
            state.spec["max_epochs"] = max_epochs
            with state.cond:
                epoch = state.report.get("epoch", 0)
                reached = max_epochs is not None and epoch >= max_epochs
                if state.status == "finished" and not reached:
                    state.status = "paused"
                elif state.status in ("paused", "running") and reached:
                    state.status = "finished"
            state.send("max_epochs", max_epochs)

    def stop(self) -> None:
        """End the run (idempotent): the process forgets it at once; the last snapshot stays readable."""
        self._finalizer()

    def release(self) -> None:
        """Stop, and drop the last snapshot's payload and history too (the session is gone: playground/release.py)."""
        self._finalizer()
        state = self._state
        with state.cond:
            state.report = {**state.report, "payload": None}
            state.history = {}
            state.cached = None


# ---------------------------------------------------------------------------- the server's pool

_shared: Pool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> Pool | None:
    """The server's pool (made on first use), or None when training processes are off."""
    global _shared
    size = configured_size()  # read on every call: setting it to 0 later turns processes off again
    if size == 0:
        return None
    with _shared_lock:
        if _shared is None or _shared.closed:
            _shared = Pool(size, linger=configured_linger())
            atexit.register(_shared.shutdown)
        return _shared


def prewarm() -> None:
    """Boot the server's first training process ahead of its first run (Pool.prewarm); nothing when processes are off."""
    pool = shared_pool()
    if pool is not None:
        pool.prewarm()


def start_worker(make_trainer: Callable[[int], Any], **kwargs) -> TrainingWorker | ProcessWorker:
    """A ProcessWorker in the server's pool, or a TrainingWorker when training processes are off."""
    pool = shared_pool()
    if pool is None:
        return TrainingWorker(make_trainer, **kwargs)
    return ProcessWorker(make_trainer, pool=pool, **kwargs)

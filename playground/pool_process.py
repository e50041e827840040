"""A training process: hosts many sessions' trainers and shares its core fairly among the running ones.

Started by playground/pool.py as ``python -m playground.pool_process IN_FD OUT_FD``: a fresh
interpreter (never a fork of the web server, whose threads a fork would copy mid-flight) that
imports torch once for all the runs it hosts. Messages are pickled tuples over two pipes:

    server -> here:  ("open", rid, seq, spec) | ("cmd", rid, seq, name, arg) | ("close", rid) | ("exit",)
    here -> server:  ("ready", pid) | ("report", rid, seq, report) | ("error", rid, seq, UserError)

Every command is answered by a report (or an error) carrying its sequence number, so the server
knows what the run's state is after it. Scheduling: the running run that has used the least time
so far trains the next chunk (about CHUNK_SECONDS, its snapshot included), so fifteen sessions on
one core get a fifteenth each whatever their network or batch size: a heavy setting only slows
its own session. Commands are read between chunks, so pause answers within one chunk. When the
server goes away the input pipe ends and this process exits.
"""

from __future__ import annotations

import os
import sys
import time
from multiprocessing.connection import Connection
from typing import Any

from playground.errors import UserError
from playground.training import single_threaded
from playground.worker import CHUNK_SECONDS, _trainer_seed


def _guarded(error: Exception, key: str) -> UserError:
    return error if isinstance(error, UserError) else UserError(key, error=str(error) or type(error).__name__)


class _Run:
    """One session's trainer and the state the thread worker's _Engine keeps, without threads."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.make_trainer = spec["make_trainer"]
        self.snapshot_fn = spec["snapshot"]
        self.interval = spec["snapshot_interval"]
        self.max_epochs = spec["max_epochs"]
        self.lr_override = spec.get("learning_rate")
        self.trainer = self._build(spec["seed"])
        self.status = "finished" if self._reached_max() else "paused"
        self.message: UserError | None = None
        self.step_target: int | None = None
        self.chunk = 1
        self.rate = 0.0
        self.rate_mark: tuple[float, int] | None = None
        self.used = 0.0  # seconds of this process spent on this run (the scheduler's fairness measure)
        self.last_snapshot = 0.0
        self.dirty = True  # a report is due
        self.sent = 0  # history entries already sent to the server

    def _build(self, seed: int):
        trainer = self.make_trainer(seed)
        if self.lr_override is not None:
            trainer.set_learning_rate(self.lr_override)
        self.seed = _trainer_seed(trainer, seed)
        return trainer

    def _reached_max(self) -> bool:
        return self.max_epochs is not None and self.trainer.epoch >= self.max_epochs

    # ------------------------------------------------------------------ commands (mirror TrainingWorker's)

    def command(self, name: str, arg: Any) -> None:
        self.dirty = True
        if name == "play":
            if self.status != "finished":
                self.status, self.step_target, self.message = "running", None, None
        elif name == "pause":
            if self.status == "running":
                self.status, self.step_target, self.rate_mark = "paused", None, None
        elif name == "step":
            if self.status != "finished":
                self.status, self.step_target, self.message = "running", self.trainer.epoch + 1, None
        elif name == "reset":
            trainer = self._build(self.seed if arg is None else arg)  # raises: the old run stays
            self.trainer, self.sent, self.chunk, self.rate, self.rate_mark = trainer, 0, 1, 0.0, None
            self.status = "finished" if self._reached_max() else "paused"
            self.step_target, self.message = None, None
        elif name == "learning_rate":
            self.trainer.set_learning_rate(arg)
            self.lr_override = arg
        elif name == "max_epochs":
            self.max_epochs = arg
            if self.status == "finished" and not self._reached_max():
                self.status = "paused"
            elif self.status in ("paused", "running") and self._reached_max():
                self.status = "finished"
        else:
            raise ValueError(f"unknown command {name!r}")

    # ------------------------------------------------------------------ training

    def train_chunk(self) -> None:
        trainer = self.trainer
        n = self.chunk
        if self.step_target is not None:
            n = min(n, trainer.steps_to_epoch_end + (self.step_target - trainer.epoch - 1) * trainer.batches_per_epoch)
        if self.max_epochs is not None:
            n = min(n, (self.max_epochs - trainer.epoch - 1) * trainer.batches_per_epoch + trainer.steps_to_epoch_end)
        n = max(n, 1)
        started = time.perf_counter()
        if self.rate_mark is None:
            self.rate_mark = (started, trainer.examples_seen)
        error: UserError | None = None
        try:
            ok = trainer.train_steps(n)
        except Exception as caught:  # a bug or out of memory: say so, keep the process and its other runs
            ok, error = False, _guarded(caught, "core.worker.failed")
        now = time.perf_counter()
        per_step = (now - started) / n
        self.chunk = int(min(max(1, CHUNK_SECONDS / per_step if per_step > 0 else 1000), 100_000))
        self._measure_rate(now)
        if not ok:
            self.status = "diverged" if error is None else "paused"
            self.message = trainer.diverged if error is None else error
        elif self._reached_max():
            self.status = "finished"
        elif self.step_target is not None and trainer.epoch >= self.step_target:
            self.status = "paused"
        if self.status != "running":
            self.step_target, self.rate_mark, self.dirty = None, None, True

    def _measure_rate(self, now: float) -> None:
        since, seen = self.rate_mark
        if now - since >= 0.5 or self.rate == 0.0:
            if now > since:
                self.rate = (self.trainer.examples_seen - seen) / (now - since)
            if now - since >= 0.5:
                self.rate_mark = (now, self.trainer.examples_seen)

    def report(self) -> dict[str, Any]:
        """The run's state for the server: the payload and only the history it has not had yet."""
        trainer = self.trainer
        payload = None
        if self.snapshot_fn is not None:
            try:
                with single_threaded(getattr(trainer, "single_thread", False)):
                    payload = self.snapshot_fn(trainer)
            except Exception as caught:
                self.message = _guarded(caught, "core.worker.snapshot_failed")
                if self.status == "running":
                    self.status = "paused"
        length = len(trainer.history.get("epoch", ()))
        start = self.sent if self.sent <= length else 0
        self.sent = length
        self.dirty = False
        self.last_snapshot = time.perf_counter()
        return {
            "epoch": trainer.epoch, "steps": trainer.steps, "payload": payload, "status": self.status,
            "message": self.message, "rate": self.rate,
            "progress": trainer.epoch_progress, "learning_rate": trainer.config.learning_rate, "seed": self.seed,
            "at": time.monotonic(),  # the same clock in every process on one machine (the benchmark's rates)
            "used": self.used,  # this process's seconds spent on the run (its fair share, for tests)
            "train_seconds": getattr(trainer, "train_seconds", 0.0),  # the run's own training time (time per epoch)
            "history_start": start, "history": {key: list(values[start:]) for key, values in trainer.history.items()},
        }


class _Host:
    """The process's runs and its two pipes."""

    def __init__(self, inbox: Connection, outbox: Connection) -> None:
        self.inbox, self.outbox = inbox, outbox
        self.runs: dict[int, _Run] = {}
        self.seqs: dict[int, int] = {}  # the last command each run has processed

    def send(self, message: tuple) -> None:
        self.outbox.send(message)

    def _report(self, rid: int, run: _Run) -> None:
        started = time.perf_counter()
        self.send(("report", rid, self.seqs.get(rid, 0), run.report()))
        run.used += time.perf_counter() - started

    def handle(self, message: tuple) -> bool:
        """Apply one message; False when the server asked this process to exit."""
        kind = message[0]
        if kind == "exit":
            return False
        if kind == "close":
            self.runs.pop(message[1], None)
            self.seqs.pop(message[1], None)
            return True
        rid, seq = message[1], message[2]
        if kind != "open" and rid not in self.runs:
            return True  # a command for a run closed meanwhile
        try:
            if kind == "open":
                run = _Run(message[3])
                running = [r.used for r in self.runs.values() if r.status == "running"]
                run.used = min(running) if running else 0.0  # joins the queue, without a burst of credit
                self.runs[rid] = run
            else:
                run = self.runs[rid]
                was_running = run.status == "running"
                run.command(message[3], message[4])
                if run.status == "running" and not was_running:
                    running = [r.used for r in self.runs.values() if r.status == "running" and r is not run]
                    run.used = max(run.used, min(running)) if running else run.used
        except Exception as caught:
            self.seqs[rid] = max(self.seqs.get(rid, 0), seq)
            self.send(("error", rid, seq, _guarded(caught, "core.worker.failed")))
            return True
        self.seqs[rid] = seq
        return True

    def serve(self) -> None:
        while True:
            busy = any(run.status == "running" or run.dirty for run in self.runs.values())
            try:
                ready = self.inbox.poll(0 if busy else None)
                while ready:
                    if not self.handle(self.inbox.recv()):
                        return
                    ready = self.inbox.poll(0)
            except (EOFError, OSError):
                return  # the server went away
            for rid, run in list(self.runs.items()):
                if run.dirty:
                    self._report(rid, run)
            running = [(run.used, rid) for rid, run in self.runs.items() if run.status == "running"]
            if not running:
                continue
            _, rid = min(running)
            run = self.runs[rid]
            started = time.perf_counter()
            run.train_chunk()
            run.used += time.perf_counter() - started
            if run.dirty or time.perf_counter() - run.last_snapshot >= run.interval:
                self._report(rid, run)


def main(argv: list[str]) -> int:
    import torch

    torch.set_num_threads(1)  # one core per process; the pool has as many processes as cores
    # What a Playground run unpickles (its trainer factory and snapshotter), imported before "ready": a process
    # booted ahead of its first run (Pool.prewarm, the spare) then opens that run without importing them.
    import playground.grids  # noqa: F401
    import playground.playground_config  # noqa: F401
    inbox = Connection(int(argv[0]), writable=False)
    outbox = Connection(int(argv[1]), readable=False)
    host = _Host(inbox, outbox)
    try:
        host.send(("ready", os.getpid()))
        host.serve()
    except (BrokenPipeError, EOFError, OSError):
        pass  # the server went away mid-message
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

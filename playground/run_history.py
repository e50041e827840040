"""Compare runs: the last few training runs of a session, their settings, curves and time per epoch.

A page records a run (upserted by its id) when it stops, finishes, is reset or a new one starts;
`labels` names each run by only the settings that differ between the kept runs ("learning rate
0.03" against "learning rate 0.3"), so the overlaid curves say what changed. A session keeps at
most MAX_RUNS runs and each curve at most MAX_POINTS points (a 100,000-epoch Playground run is
thinned, its last epoch always kept): a class server holds 30 sessions, each a few kilobytes here.

Settings are (name, value) pairs in the page's order; values are plain, comparable data (numbers,
strings, tuples), shown in the page's language by the caller. `restore` is whatever the page needs
to set its widgets back and train the run again with the same seed (a frozen config).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

MAX_RUNS = 5  # runs a session keeps (the oldest goes first)
MAX_POINTS = 200  # points a kept curve keeps at most: a long run is thinned at a power-of-two stride
CURVES = ("train_loss", "test_loss", "train_acc", "test_acc")


@dataclass(frozen=True)
class Changed:
    """A setting changed while the run trained (the Playground applies a new learning rate at once)."""

    before: Any
    after: Any


@dataclass(frozen=True)
class Run:
    """One kept run: its settings, thinned per-epoch curves and the time an epoch took."""

    id: int
    settings: tuple[tuple[str, Any], ...]
    epochs: int  # epochs trained
    x: tuple[int, ...]  # the epochs the kept curve points belong to (1-based, ascending, the last included)
    curves: Mapping[str, tuple[float | None, ...]]  # CURVES -> values at x (None: not measured)
    seconds_per_epoch: float | None = None
    seed: int = 0
    restore: Any = field(default=None, compare=False)

    def setting(self, name: str, default: Any = None) -> Any:
        """The value of setting `name` (default when this run has none)."""
        return dict(self.settings).get(name, default)

    def final(self, curve: str) -> float | None:
        """The last measured value of `curve` (None if it was never measured)."""
        return next((v for v in reversed(self.curves.get(curve, ())) if v is not None), None)


def thin(n: int, max_points: int = MAX_POINTS) -> list[int]:
    """Indices 0..n-1 thinned to at most `max_points`, the first and the last always kept.

    The kept indices are the multiples of a power-of-two stride (the smallest that fits), so two runs
    of different lengths keep the same epochs (those of the coarser stride) and their curves can be
    compared point by point: Run again of a run paused later still overlays it at every shared epoch.
    """
    if n <= max_points:
        return list(range(n))
    if max_points < 2:
        return [n - 1]
    stride = 1
    while -(-(n - 1) // stride) + 1 > max_points:  # ceil((n-1)/stride) strided points + the last
        stride *= 2
    return [*range(0, n - 1, stride), n - 1]


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def make_run(
    run_id: int, settings: Sequence[tuple[str, Any]], history: Mapping[str, Sequence], *, train_seconds: float = 0.0,
    timed_epochs: float | None = None, seed: int = 0, restore: Any = None, max_points: int = MAX_POINTS,
) -> Run | None:
    """A Run from a trainer's per-epoch `history` ("epoch" and CURVES lists); None for a run of 0 epochs.

    `train_seconds` over `timed_epochs` (default: all epochs) is the time per epoch; a loaded model
    whose earlier epochs were trained elsewhere passes only the epochs trained here.
    """
    epochs = list(history.get("epoch") or [])
    if not epochs:
        return None
    keep = thin(len(epochs), max_points)
    curves = {}
    for key in CURVES:
        values = list(history.get(key) or [])
        curves[key] = tuple(_number(values[i]) if i < len(values) else None for i in keep)
    timed = len(epochs) if timed_epochs is None else timed_epochs
    per_epoch = train_seconds / timed if timed and timed > 0 and train_seconds > 0 else None
    return Run(
        id=run_id, settings=tuple((str(n), v) for n, v in settings), epochs=int(epochs[-1]),
        x=tuple(int(epochs[i]) for i in keep), curves=curves, seconds_per_epoch=per_epoch, seed=int(seed),
        restore=restore,
    )


def merge_settings(started: Sequence[tuple[str, Any]], now: Sequence[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """The settings of a run that started with `started` and trains on with `now`: each changed value
    becomes Changed(first value, latest value); a value changed back is its first value again."""
    first = {}
    for name, value in started:
        first[name] = value.before if isinstance(value, Changed) else value
    merged = []
    for name, value in now:
        before = first.get(name, value)
        merged.append((name, value if before == value else Changed(before, value)))
    return tuple(merged)


class RunHistory:
    """A session's kept runs, oldest first, at most `limit`; small enough for session state."""

    def __init__(self, limit: int = MAX_RUNS) -> None:
        self.limit = max(1, int(limit))
        self._runs: list[Run] = []
        self._next = 1

    @property
    def runs(self) -> tuple[Run, ...]:
        """The kept runs, oldest first."""
        return tuple(self._runs)

    def new_id(self) -> int:
        """A fresh run id (1, 2, ...): runs are numbered in the order they started this session."""
        run_id = self._next
        self._next += 1
        return run_id

    def record(self, run: Run | None) -> None:
        """Keep `run` (replacing the kept run with its id, which stays in its place); None: nothing.

        A new run beyond `limit` pushes out the oldest.
        """
        if run is None:
            return
        for i, kept in enumerate(self._runs):
            if kept.id == run.id:
                self._runs[i] = run
                return
        self._runs.append(run)
        del self._runs[: max(0, len(self._runs) - self.limit)]

    def get(self, run_id: int) -> Run | None:
        """The kept run with this id, or None."""
        return next((run for run in self._runs if run.id == run_id), None)

    def remove(self, run_id: int) -> None:
        """Forget one run (an unknown id: nothing)."""
        self._runs = [run for run in self._runs if run.id != run_id]

    def clear(self) -> None:
        """Forget every run (ids keep counting, so a label never names two runs)."""
        self._runs = []


def differing(runs: Sequence[Run]) -> list[str]:
    """Names of the settings whose values are not the same in every run, in the order runs list them.

    A setting that one run has and another lacks differs; so does one that changed during a run.
    """
    names: list[str] = []
    for run in runs:
        for name, _ in run.settings:
            if name not in names:
                names.append(name)
    missing = object()
    out = []
    for name in names:
        values = [dict(run.settings).get(name, missing) for run in runs]
        if any(isinstance(v, Changed) for v in values) or any(v != values[0] for v in values[1:]):
            out.append(name)
    return out


def labels(
    runs: Sequence[Run], describe: Callable[[str, Any], str], numbered: Callable[[int], str],
    separator: str = ", ",
) -> list[str]:
    """One label per run: only its differing settings, described by `describe(name, value)`.

    Runs whose settings are all the same are `numbered(id)` ("run 1", "run 2"); two runs that share
    a label (a run and its rerun) get their number after it, so every label names one run.
    """
    names = differing(runs)
    texts = [separator.join(describe(name, run.setting(name)) for name in names if run.setting(name) is not None)
             for run in runs]
    counts = {text: texts.count(text) for text in texts}
    return [
        numbered(run.id) if not text else f"{text} ({numbered(run.id)})" if counts[text] > 1 else text
        for run, text in zip(runs, texts)
    ]


# ---------------------------------------------------------------------------- each page's settings
# Names are looked up as texts "runs.setting.<name>"; values stay language-neutral until shown.


def playground_settings(config: Any) -> list[tuple[str, Any]]:
    """The settings of a Playground run (a PlaygroundConfig), in the page's order."""
    return [
        ("dataset", config.dataset), ("classes", config.classes), ("noise", config.noise),
        ("train", config.train_percent), ("points", config.points), ("dseed", config.data_seed),
        ("features", tuple(config.features)), ("hidden", tuple(config.hidden)), ("acts", tuple(config.activations)),
        ("lr", config.learning_rate), ("batch", config.batch_size), ("opt", config.optimizer),
        ("reg", config.regularization if config.reg_rate else "none"), ("rate", config.reg_rate), ("seed", config.seed),
    ]


def overfit_settings(config: Any) -> list[tuple[str, Any]]:
    """The settings of a Train/validation/test run (an OverfitConfig), in the page's order."""
    return [
        ("data", config.dataset), ("noise", config.noise), ("points", config.points),
        ("split", (config.train_percent, config.val_percent)), ("size", config.size),
        ("l2", config.l2_rate if config.l2 else 0.0), ("dropout", config.dropout_rate if config.dropout else 0.0),
        ("lr", config.learning_rate), ("dseed", config.data_seed), ("seed", config.seed),
    ]


def network_key(specs: Sequence[Mapping[str, Any]]) -> tuple:
    """A layer table as comparable data: one (kind, units or filters, kernel or rate) per layer."""
    rows = []
    for spec in specs:
        size = spec.get("units", spec.get("filters", spec.get("size", spec.get("rate"))))
        rows.append((str(spec.get("kind")), size, spec.get("kernel"), spec.get("activation")))
    return tuple(rows)


def mnist_settings(specs: Sequence[Mapping[str, Any]], config: Any, data: tuple[str, int]) -> list[tuple[str, Any]]:
    """The settings of an MNIST run: layer specs, its TrainConfig and (source, validation percent)."""
    return [
        ("source", data[0]), ("val", data[1]), ("network", network_key(specs)), ("opt", config.optimizer),
        ("lr", config.learning_rate), ("batch", config.batch_size), ("wd", config.weight_decay),
        ("device", str(config.device)), ("seed", config.seed),
    ]

"""Training, validation and test sets, overfitting and early stopping.

The data is split three ways: the training set fits the weights, the validation set chooses the
model and the epoch to stop at, and the test set is scored once, at the end. A network far too
large for a small noisy data set is trained while every epoch is recorded (losses on the
training and validation sets, and a copy of the weights), so the page can draw both curves as
they part, mark the epoch of lowest validation loss (early stopping), show the decision boundary
at any recorded epoch, and score the test set with the weights early stopping would keep.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import Any, Sequence

import numpy as np
import torch

from playground import grids, layers
from playground.datasets import toy
from playground.errors import UserError
from playground.training import TrainConfig, Trainer

# ---------------------------------------------------------------------------- three-way split

MIN_PART = 1  # every part keeps at least this many examples


@dataclass(frozen=True)
class SplitSizes:
    """How many examples each part gets."""

    train: int
    validation: int
    test: int

    @property
    def total(self) -> int:
        """All examples."""
        return self.train + self.validation + self.test


@dataclass(frozen=True)
class Splits:
    """Data split three ways, with the original row numbers of each part (disjoint, together all rows)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    train_index: np.ndarray
    val_index: np.ndarray
    test_index: np.ndarray

    @property
    def sizes(self) -> SplitSizes:
        """The number of examples in each part."""
        return SplitSizes(len(self.train_index), len(self.val_index), len(self.test_index))


def split_sizes(n: int, train_percent: float, val_percent: float) -> SplitSizes:
    """Sizes of the three parts of `n` examples; the test set gets what remains.

    Percentages are rounded to whole examples; a part that would be empty is a UserError
    (every part is needed: no validation set, no early stopping; no test set, no final score).
    """
    for value in (train_percent, val_percent):
        if not isinstance(value, (int, float, np.number)) or isinstance(value, bool) or not math.isfinite(value):
            raise UserError("splits.error.bad_percent", value=value)
    if train_percent <= 0 or val_percent <= 0 or train_percent + val_percent >= 100:
        raise UserError("splits.error.percents", train=f"{train_percent:g}", val=f"{val_percent:g}",
                        test=f"{100 - train_percent - val_percent:g}")
    n_train = int(round(n * train_percent / 100))
    n_val = int(round(n * val_percent / 100))
    n_test = n - n_train - n_val
    if min(n_train, n_val, n_test) < MIN_PART:
        raise UserError("splits.error.too_small", n=n, train=n_train, val=n_val, test=n_test)
    return SplitSizes(n_train, n_val, n_test)


def three_way_split(x: np.ndarray, y: np.ndarray, train_percent: float, val_percent: float, seed: int = 0) -> Splits:
    """A seeded shuffle of (x, y) cut into training, validation and test parts."""
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise UserError("splits.error.lengths", examples=len(x), labels=len(y))
    sizes = split_sizes(len(x), train_percent, val_percent)
    order = np.random.default_rng(seed).permutation(len(x))
    train = order[: sizes.train]
    val = order[sizes.train : sizes.train + sizes.validation]
    test = order[sizes.train + sizes.validation :]
    return Splits(x[train], y[train], x[val], y[val], x[test], y[test], train, val, test)


# ---------------------------------------------------------------------------- early stopping


def best_epoch(val_losses: Sequence[float | None]) -> int:
    """The epoch (1-based) of the lowest validation loss; the earliest one on a tie.

    Missing (None) and non-finite values are skipped; UserError if there is no value at all.
    """
    best, best_value = 0, math.inf
    for epoch, value in enumerate(val_losses, start=1):
        if value is None or not math.isfinite(value):
            continue
        if value < best_value:
            best, best_value = epoch, value
    if best == 0:
        raise UserError("splits.error.no_epochs")
    return best


def stopping_epoch(val_losses: Sequence[float | None], patience: int) -> int | None:
    """The epoch at which early stopping with `patience` ends training, or None if it would not yet.

    Training stops after `patience` epochs in a row without a new lowest validation loss;
    the weights kept are those of `best_epoch` up to that point.
    """
    if patience < 1:
        raise UserError("splits.error.patience", value=patience)
    best_value, since = math.inf, 0
    for epoch, value in enumerate(val_losses, start=1):
        if value is not None and math.isfinite(value) and value < best_value:
            best_value, since = value, 0
        else:
            since += 1
            if since >= patience:
                return epoch
    return None


# ---------------------------------------------------------------------------- the experiment

SIZES = {  # network size name -> hidden layers
    "small": (4,),
    "medium": (16, 16),
    "large": (64, 64, 64),
}
DATASETS = ("moons", "circle", "xor", "gaussians", "spiral")


@dataclass(frozen=True)
class OverfitConfig:
    """Everything that decides one overfitting run (same config, same run)."""

    dataset: str = "moons"
    points: int = 120  # before the split: small, so a big network can memorise the training part
    noise: int = 35  # percent, as in the Playground
    train_percent: int = 50
    val_percent: int = 25  # the test set gets the remaining 25 %
    size: str = "large"  # a key of SIZES
    activation: str = "relu"
    l2: bool = False
    l2_rate: float = 0.003
    dropout: bool = False
    dropout_rate: float = 0.5
    learning_rate: float = 0.005  # Adam
    batch_size: int = 32
    epochs: int = 300
    epochs_per_second: float | None = 30.0  # a pace a class can follow; None trains flat out
    seed: int = 0  # weights, batches and dropout masks
    data_seed: int = 0  # the points and the split

    def specs(self) -> list[dict]:
        """Dense layers (each followed by dropout when switched on) and two logits."""
        if self.size not in SIZES:
            raise UserError("splits.error.size", name=str(self.size), choices=", ".join(SIZES))
        specs: list[dict] = []
        for units in SIZES[self.size]:
            specs.append({"kind": "dense", "units": units, "activation": self.activation})
            if self.dropout:
                specs.append({"kind": "dropout", "rate": self.dropout_rate})
        specs.append({"kind": "dense", "units": 2, "activation": "linear"})
        return specs

    def train_config(self) -> TrainConfig:
        """The Trainer's config: Adam, cross-entropy, L2 when switched on."""
        return TrainConfig(
            optimizer="adam", learning_rate=self.learning_rate, batch_size=self.batch_size, loss="cross_entropy",
            regularization="l2" if self.l2 else "none", reg_rate=self.l2_rate if self.l2 else 0.0,
            seed=self.seed, device="cpu",
        )


def make_splits(config: OverfitConfig) -> Splits:
    """The config's data set, drawn and split three ways (seeded by data_seed)."""
    if config.dataset not in DATASETS:
        raise UserError("splits.error.dataset", name=str(config.dataset), choices=", ".join(DATASETS))
    data = toy.make(config.dataset, config.points, config.noise, test_ratio=0.0, seed=config.data_seed)
    return three_way_split(data.x_train, data.y_train, config.train_percent, config.val_percent, config.data_seed)


@dataclass(frozen=True)
class EpochRecords:
    """Per-epoch measurements of a run (index e is epoch e + 1). Weights are CPU copies."""

    train_loss: tuple[float, ...]
    val_loss: tuple[float, ...]
    train_acc: tuple[float, ...]
    val_acc: tuple[float, ...]
    weights: tuple[dict[str, torch.Tensor], ...]

    @property
    def epochs(self) -> int:
        """Epochs recorded."""
        return len(self.val_loss)

    def best(self) -> int | None:
        """The epoch of lowest validation loss so far (None before the first epoch)."""
        return best_epoch(self.val_loss) if self.val_loss else None

    def gap(self, epoch: int) -> float:
        """Validation loss minus training loss at `epoch` (1-based): how much worse unseen data fares."""
        return self.val_loss[epoch - 1] - self.train_loss[epoch - 1]


class RecordingTrainer(Trainer):
    """A Trainer that scores the training and validation sets after every epoch and keeps the weights.

    The validation set is the Trainer's "test" data (its history calls it test_loss). Both losses
    are measured with the epoch's final weights in evaluation mode (no dropout), so the gap between
    them is the model's, not dropout's. With `epochs_per_second` set, it sleeps between epochs so a
    class can watch (the worker still obeys pause and stop within one epoch).
    """

    def __init__(self, specs, input_shape, config: TrainConfig, x_train, y_train, x_val, y_val,
                 epochs_per_second: float | None = None) -> None:
        super().__init__(specs, input_shape, config, x_train, y_train, x_val, y_val)
        self._x_train_np, self._y_train_np = np.asarray(x_train, np.float32), np.asarray(y_train)
        self.epochs_per_second = epochs_per_second
        self._paced_at: float | None = None
        self._train_loss: list[float] = []
        self._val_loss: list[float] = []
        self._train_acc: list[float] = []
        self._val_acc: list[float] = []
        self._weights: list[dict[str, torch.Tensor]] = []

    def train_steps(self, n: int) -> bool:
        """`n` mini-batches; each completed epoch is recorded (and paced)."""
        while n > 0:
            take = min(n, self.steps_to_epoch_end)
            if not super().train_steps(take):
                return False
            n -= take
            if self.epoch > len(self._val_loss):
                self._record()
                self._pace()
        return True

    def _record(self) -> None:
        train_loss, train_acc = self.evaluate(self._x_train_np, self._y_train_np)
        self._train_loss.append(train_loss)
        self._train_acc.append(train_acc)
        self._val_loss.append(self.history["test_loss"][-1])
        self._val_acc.append(self.history["test_acc"][-1])
        self._weights.append(self.state_dict())

    def _pace(self) -> None:
        if not self.epochs_per_second:
            return
        now = time.monotonic()
        target = (self._paced_at or now) + 1.0 / self.epochs_per_second
        if target > now:
            time.sleep(target - now)
        self._paced_at = max(target, now)

    def records(self) -> EpochRecords:
        """A copy of what is recorded so far (the weight dicts are shared; they are never changed)."""
        return EpochRecords(tuple(self._train_loss), tuple(self._val_loss), tuple(self._train_acc),
                            tuple(self._val_acc), tuple(self._weights))


def make_trainer(config: OverfitConfig, splits: Splits, seed: int | None = None) -> RecordingTrainer:
    """A RecordingTrainer for `config` on `splits` (the test part stays out of it)."""
    if seed is not None and seed != config.seed:
        config = replace(config, seed=seed)
    return RecordingTrainer(
        config.specs(), (2,), config.train_config(), splits.x_train, splits.y_train, splits.x_val, splits.y_val,
        epochs_per_second=config.epochs_per_second,
    )


def run(config: OverfitConfig, splits: Splits | None = None, epochs: int | None = None) -> EpochRecords:
    """Train `config` for `epochs` (default config.epochs) without pacing, in this thread; the records."""
    splits = splits if splits is not None else make_splits(config)
    trainer = make_trainer(replace(config, epochs_per_second=None), splits)
    for _ in range(epochs if epochs is not None else config.epochs):
        if not trainer.train_epoch():
            raise trainer.diverged
    return trainer.records()


# ---------------------------------------------------------------------------- using recorded weights


def model_at(config: OverfitConfig, records: EpochRecords, epoch: int) -> torch.nn.Sequential:
    """The network with the weights it had at the end of `epoch` (1-based), in evaluation mode."""
    if not 1 <= epoch <= len(records.weights):
        raise UserError("splits.error.epoch", epoch=epoch, last=len(records.weights))
    model = layers.build(config.specs(), (2,), seed=0)
    model.load_state_dict(records.weights[epoch - 1])
    return model.eval()


def boundary_at(config: OverfitConfig, records: EpochRecords, epoch: int, resolution: int = 80) -> np.ndarray:
    """P(class 1) over the plane (resolution, resolution) with the weights of `epoch`."""
    model = model_at(config, records, epoch)
    probs = grids.decision_grid(model, ("x1", "x2"), toy.EXTENT, resolution, loss="cross_entropy")
    return np.asarray(probs[..., 1], np.float32)


@dataclass(frozen=True)
class FinalScore:
    """The one look at the test set: loss and accuracy of the weights of one epoch."""

    epoch: int
    loss: float
    accuracy: float


def score_test_set(config: OverfitConfig, records: EpochRecords, splits: Splits, epoch: int) -> FinalScore:
    """Score the test set with the weights of `epoch` (early stopping keeps those of the best epoch)."""
    model = model_at(config, records, epoch)
    x = torch.as_tensor(np.asarray(splits.x_test, np.float32))
    y = torch.as_tensor(np.asarray(splits.y_test, np.int64))
    with torch.no_grad():
        logits = model(x)
        loss = torch.nn.functional.cross_entropy(logits, y).item()
        accuracy = (logits.argmax(1) == y).float().mean().item()
    return FinalScore(epoch, loss, accuracy)


def config_signature(config: OverfitConfig) -> Any:
    """What decides the run (the pace does not: it can change without restarting)."""
    return replace(config, epochs_per_second=None)

"""The MNIST page's preset networks and default settings, and the trainer it runs.

The benchmark (`python -m benchmarks mnist`) trains exactly these presets with exactly these
defaults, so the accuracies quoted in the README are what a student gets from the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from playground.datasets import mnist
from playground.training import TrainConfig, Trainer

PRESETS: dict[str, list[dict]] = {
    # Multinomial logistic regression: one dense layer straight from the 784 pixels to 10 classes.
    "softmax": [
        {"kind": "flatten"},
        {"kind": "dense", "units": 10, "activation": "linear"},
    ],
    # The classic multilayer perceptron 784-128-10.
    "mlp": [
        {"kind": "flatten"},
        {"kind": "dense", "units": 128, "activation": "relu"},
        {"kind": "dense", "units": 10, "activation": "linear"},
    ],
    # Two conv + pool blocks and a linear classifier: small enough to train live on a laptop CPU.
    # (32 filters in the first block rather than 16: +0.2 % test accuracy after 5 epochs on the sample.)
    "cnn": [
        {"kind": "conv2d", "filters": 32, "kernel": 3, "stride": 1, "padding": 1, "activation": "relu"},
        {"kind": "maxpool", "size": 2},
        {"kind": "conv2d", "filters": 32, "kernel": 3, "stride": 1, "padding": 1, "activation": "relu"},
        {"kind": "maxpool", "size": 2},
        {"kind": "flatten"},
        {"kind": "dense", "units": 10, "activation": "linear"},
    ],
    # LeCun et al. 1998 in today's dress (ReLU and max pooling instead of tanh and subsampling).
    "lenet": [
        {"kind": "conv2d", "filters": 6, "kernel": 5, "stride": 1, "padding": 2, "activation": "relu"},
        {"kind": "maxpool", "size": 2},
        {"kind": "conv2d", "filters": 16, "kernel": 5, "stride": 1, "padding": 0, "activation": "relu"},
        {"kind": "maxpool", "size": 2},
        {"kind": "flatten"},
        {"kind": "dense", "units": 120, "activation": "relu"},
        {"kind": "dense", "units": 84, "activation": "relu"},
        {"kind": "dense", "units": 10, "activation": "linear"},
    ],
}
DEFAULT_PRESET = "cnn"


@dataclass(frozen=True)
class Defaults:
    """The page's default settings (tuned so the presets reach the README's accuracies)."""

    optimizer: str = "adam"  # adapts each weight's step size: robust for all four presets
    learning_rate: float = 0.002
    batch_size: int = 32
    epochs: int = 5
    weight_decay: float = 0.0
    seed: int = 0
    validation: float = 0.1  # share of the training digits held out for validation


DEFAULTS = Defaults()
# The values the page's sliders offer (the defaults are among them).
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.002, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
BATCH_SIZES = (8, 16, 32, 64, 128, 256, 512)
WEIGHT_DECAYS = (0.0, 1e-5, 1e-4, 1e-3, 1e-2)


def default_config(device: str = "auto", **changes: Any) -> TrainConfig:
    """The page's default TrainConfig (cross-entropy on the 10 digit classes)."""
    values = dict(
        optimizer=DEFAULTS.optimizer, learning_rate=DEFAULTS.learning_rate, batch_size=DEFAULTS.batch_size,
        weight_decay=DEFAULTS.weight_decay, seed=DEFAULTS.seed, loss="cross_entropy", device=device,
    )
    values.update(changes)
    return TrainConfig(**values)


def make_trainer(
    specs: list[dict], config: TrainConfig, train: mnist.Digits, validation: mnist.Digits | None = None,
    normalisation: tuple[float, float] = (mnist.MEAN, mnist.STD), inputs: tuple[Any, Any] | None = None,
) -> Trainer:
    """A Trainer on MNIST digits: the validation digits are scored after every epoch.

    inputs: (train, validation) already converted by `mnist.to_input` with `normalisation`, e.g.
    read-only arrays shared by every session of a server, so each run does not copy the data.
    """
    mean, std = normalisation
    x_train, x_val = inputs if inputs is not None else (None, None)
    if x_train is None:
        x_train = mnist.to_input(train.images, mean, std)
    y_val = None
    if validation is not None and len(validation):
        y_val = validation.labels
        if x_val is None:
            x_val = mnist.to_input(validation.images, mean, std)
    else:
        x_val = None
    return Trainer(specs, mnist.IMAGE_SHAPE, config, x_train, train.labels, x_val, y_val)


@dataclass(frozen=True)
class Progress:
    """What the live view needs besides the per-epoch history (taken in the worker thread)."""

    device: str
    # The training loss/accuracy along the way, in fractional epochs (x = 1.5: halfway through the
    # second epoch), each over the last few mini-batches: the curve moves before an epoch ends.
    trail_x: tuple[float, ...] = ()
    trail_loss: tuple[float, ...] = ()
    trail_acc: tuple[float, ...] = ()


RECENT_BATCHES = 20  # mini-batches averaged into one point of the running curve
MAX_TRAIL = 600  # points kept (every other one dropped when full): the curve is redrawn often


def _recent_metrics(trainer: Trainer) -> tuple[float, float] | None:
    """Loss and accuracy over the last few mini-batches of this epoch, from outputs already computed.

    Reads the trainer's per-epoch output buffer (kept for its end-of-epoch score), so it costs no
    forward pass; None when there is nothing new (or the trainer keeps no such buffer).
    """
    outs, ys, bounds, pos = (getattr(trainer, name, None) for name in ("_outs", "_ys", "_bounds", "_pos"))
    if not outs or ys is None or not bounds or not pos:
        return None
    k = min(RECENT_BATCHES, len(outs), pos)
    start, stop = bounds[pos - k][0], bounds[pos - 1][1]
    with torch.no_grad():
        out = torch.cat(outs[-k:])
        y = ys[start:stop]
        if len(out) != len(y):
            return None
        values = torch.stack([F.cross_entropy(out, y), (out.argmax(1) == y).float().mean()]).tolist()
    return values[0], values[1]


class ProgressSnapshot:
    """The worker's snapshot function: device and the running training curve (restarts with the trainer)."""

    def __init__(self) -> None:
        self._trainer_id: int | None = None
        self._points: list[tuple[float, float, float]] = []

    def __call__(self, trainer: Trainer) -> Progress:
        if id(trainer) != self._trainer_id:
            self._trainer_id, self._points = id(trainer), []
        x = trainer.epoch + trainer.epoch_progress
        metrics = _recent_metrics(trainer)
        if metrics is not None and (not self._points or x > self._points[-1][0]):
            self._points.append((x, *metrics))
            if len(self._points) > MAX_TRAIL:
                self._points = self._points[::2]
        xs, losses, accs = zip(*self._points) if self._points else ((), (), ())
        return Progress(str(trainer.device), tuple(xs), tuple(losses), tuple(accs))


def predict_digits(trainer: Trainer, images: np.ndarray, normalisation: tuple[float, float] = (mnist.MEAN, mnist.STD)) -> np.ndarray:
    """Softmax probabilities (n, 10) for uint8 digit images (n, 28, 28)."""
    return trainer.predict(mnist.to_input(images, *normalisation))

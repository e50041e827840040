"""Softmax and cross-entropy with the numbers a lesson writes out (NumPy; tests check against torch).

A classifier's last layer gives one raw score (logit) z_i per class; softmax turns them into a
probability vector p_i = exp(z_i / T) / Σ_j exp(z_j / T) (T, the temperature, is 1 in training).
Cross-entropy against a one-hot target is -ln p_y, y the true class. Squared error is shown beside it
to answer "why not squared error?": near p_y = 0 its gradient fades while cross-entropy's grows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.errors import UserError

MIN_CLASSES, MAX_CLASSES = 2, 10
MIN_TEMPERATURE, MAX_TEMPERATURE = 0.1, 10.0
LOGIT_LIMIT = 10.0  # the page's sliders; the core accepts any finite logits


def _logits_from_probabilities(probabilities: list[float]) -> tuple[float, ...]:
    """Logits whose softmax is `probabilities`: ln p, shifted so the smallest is 0.

    Any constant may be added (softmax ignores it), so the smallest logit is made 0 for tidy sliders.
    Six decimals (the share link's precision) keep the probabilities exact to three.
    """
    logs = [math.log(p) for p in probabilities]
    low = min(logs)
    return tuple(round(v - low, 6) for v in logs)


@dataclass(frozen=True)
class Preset:
    """Logits that show one idea; `key` names its label and explanation in the string tables."""

    key: str
    logits: tuple[float, ...]
    true_class: int = 0


# The lecture notes compare two probability vectors that both pick class 0; a confident and a
# confused classifier show the ends of the scale.
PRESETS: dict[str, Preset] = {
    "notes_unsure": Preset("notes_unsure", _logits_from_probabilities([0.4, 0.3, 0.2, 0.1])),
    "notes_sure": Preset("notes_sure", _logits_from_probabilities([0.7, 0.1, 0.1, 0.1])),
    "confident": Preset("confident", (0.5, 1.0, 0.2, 6.0, -0.5, 0.0, 1.2, -1.0, 0.3, 0.8), true_class=3),
    "confused": Preset("confused", (0.3, 0.2, 0.25, 0.1, 0.3, 0.15, 0.2, 0.05, 0.1, 0.25), true_class=3),
    "confidently_wrong": Preset("confidently_wrong", (5.0, 0.5, 0.0), true_class=2),
}


def _vector(logits: object) -> np.ndarray:
    try:
        z = np.asarray(logits, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise UserError("softmax.error.not_numbers", value=str(logits)[:40]) from None
    if not MIN_CLASSES <= z.size <= MAX_CLASSES:
        raise UserError("softmax.error.classes", count=z.size, low=MIN_CLASSES, high=MAX_CLASSES)
    if not np.all(np.isfinite(z)):
        raise UserError("softmax.error.not_finite")
    return z


def _temperature(value: float) -> float:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and MIN_TEMPERATURE <= value <= MAX_TEMPERATURE):
        raise UserError("softmax.error.temperature", value=value, low=MIN_TEMPERATURE, high=MAX_TEMPERATURE)
    return float(value)


def _class(true_class: object, count: int) -> int:
    if isinstance(true_class, bool) or not isinstance(true_class, (int, np.integer)) or not 0 <= true_class < count:
        raise UserError("softmax.error.true_class", value=true_class, high=count - 1)
    return int(true_class)


def exponentials(logits: object, temperature: float = 1.0) -> np.ndarray:
    """exp(z_i / T), the numerators as the formula writes them (no shift: the page shows these numbers)."""
    return np.exp(_vector(logits) / _temperature(temperature))


def softmax(logits: object, temperature: float = 1.0) -> np.ndarray:
    """The probability vector softmax(z / T).

    The largest logit is subtracted first: it changes nothing (see `shift_invariance`) and keeps
    exp from overflowing for logits such as 1000.
    """
    scaled = _vector(logits) / _temperature(temperature)
    e = np.exp(scaled - scaled.max())
    return e / e.sum()


def one_hot(true_class: int, count: int) -> np.ndarray:
    """The target vector: 1 for the true class, 0 elsewhere."""
    target = np.zeros(count)
    target[_class(true_class, count)] = 1.0
    return target


def cross_entropy(logits: object, true_class: int, temperature: float = 1.0) -> float:
    """-ln p_y, computed from the logits as logsumexp(z/T) - z_y/T (exact even when p_y underflows to 0)."""
    scaled = _vector(logits) / _temperature(temperature)
    y = _class(true_class, scaled.size)
    top = scaled.max()
    return float(top + math.log(np.exp(scaled - top).sum()) - scaled[y])


def cross_entropy_for_every_class(logits: object, temperature: float = 1.0) -> np.ndarray:
    """-ln p_i for every i: the loss if class i were the true one."""
    scaled = _vector(logits) / _temperature(temperature)
    top = scaled.max()
    return top + math.log(np.exp(scaled - top).sum()) - scaled


def squared_error(logits: object, true_class: int, temperature: float = 1.0) -> float:
    """Σ_i (p_i - t_i)², t the one-hot target."""
    p = softmax(logits, temperature)
    return float(((p - one_hot(true_class, p.size)) ** 2).sum())


def logit_gradient(logits: object, true_class: int, temperature: float = 1.0) -> np.ndarray:
    """∂(-ln p_y)/∂z_i = (p_i - t_i) / T: the signal backpropagation starts from."""
    t = _temperature(temperature)
    p = softmax(logits, t)
    return (p - one_hot(true_class, p.size)) / t


def shift_invariance(logits: object, constant: float, temperature: float = 1.0) -> tuple[np.ndarray, np.ndarray, float]:
    """softmax(z) and softmax(z + c), and the largest difference between them (0 up to rounding).

    exp(z_i + c) = exp(z_i)·exp(c): the factor exp(c) is in every term above and below the line.
    """
    if not (isinstance(constant, (int, float)) and math.isfinite(constant)):
        raise UserError("softmax.error.not_finite")
    before = softmax(logits, temperature)
    after = softmax(_vector(logits) + constant, temperature)
    return before, after, float(np.abs(after - before).max())


# ---- loss against p_y: why classification uses cross-entropy (curves for one chart)


def loss_curves(points: int = 199) -> dict[str, np.ndarray]:
    """Loss and its slope against the true class's probability p_y in (0, 1).

    Cross-entropy -ln p_y has slope -1/p_y: the more wrong, the harder the push. The squared error's
    true-class term (1 - p_y)² has slope -2(1 - p_y), never steeper than -2. Through softmax (slope
    ∂p_y/∂z_y = p_y(1 - p_y)) the push on the logit becomes p_y - 1 for cross-entropy and
    -2 p_y (1 - p_y)² for squared error, which fades to 0 exactly when the network is confidently wrong.
    """
    p = np.linspace(0.005, 0.995, points)
    return {
        "p": p,
        "ce": -np.log(p),
        "ce_grad_p": -1.0 / p,
        "ce_grad_z": p - 1.0,
        "se": (1.0 - p) ** 2,
        "se_grad_p": -2.0 * (1.0 - p),
        "se_grad_z": -2.0 * p * (1.0 - p) ** 2,
    }


def loss_at(p_y: float) -> dict[str, float]:
    """The same six quantities as `loss_curves` at one p_y (the page marks the current one)."""
    if not (isinstance(p_y, (int, float)) and 0.0 < p_y <= 1.0):
        raise UserError("softmax.error.probability", value=p_y)
    return {
        "ce": -math.log(p_y), "ce_grad_p": -1.0 / p_y, "ce_grad_z": p_y - 1.0,
        "se": (1.0 - p_y) ** 2, "se_grad_p": -2.0 * (1.0 - p_y), "se_grad_z": -2.0 * p_y * (1.0 - p_y) ** 2,
    }

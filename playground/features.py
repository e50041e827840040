"""Input features computed from a point (x1, x2), as TensorFlow Playground offers them.

Giving the network x1² or sin x1 as inputs does part of its work for it: a circle is one
straight cut in (x1², x2²), so no hidden layer is needed at all.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from playground.errors import UserError

FEATURES = ("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2")
DEFAULT_FEATURES = ("x1", "x2")

# name -> column of the (n, 2) input
_FUNCTIONS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1_sq": lambda a, b: a * a,
    "x2_sq": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b,
    "sin_x1": lambda a, b: np.sin(a),
    "sin_x2": lambda a, b: np.sin(b),
}

# How each feature is written on the page and in charts (the same in both languages).
SYMBOLS = {"x1": "x₁", "x2": "x₂", "x1_sq": "x₁²", "x2_sq": "x₂²", "x1x2": "x₁·x₂", "sin_x1": "sin x₁", "sin_x2": "sin x₂"}


def check(features: Sequence[str]) -> tuple[str, ...]:
    """`features` as a tuple in canonical order; UserError if empty or unknown."""
    chosen = tuple(features)
    unknown = [f for f in chosen if f not in _FUNCTIONS]
    if unknown:
        raise UserError("playground.features.unknown", name=str(unknown[0]), choices=", ".join(FEATURES))
    if not chosen:
        raise UserError("playground.features.none")
    return tuple(f for f in FEATURES if f in chosen)


def transform(xy: np.ndarray, features: Sequence[str]) -> np.ndarray:
    """The chosen feature columns of points `xy` (n, 2), in the order given, as float32 (n, k)."""
    features = tuple(features)
    check(features)
    xy = np.asarray(xy, dtype=np.float32)
    a, b = xy[:, 0], xy[:, 1]
    return np.stack([_FUNCTIONS[name](a, b) for name in features], axis=1).astype(np.float32, copy=False)

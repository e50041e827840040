"""A single perceptron with a step activation, the logic gates, the learning rule and two-layer XOR.

A perceptron outputs 1 exactly when w1·x1 + w2·x2 > θ (equivalently w1·x1 + w2·x2 + b > 0
with bias b = −θ), else 0. Pure NumPy; no Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from playground.errors import UserError

# Sums are rounded before comparing so that e.g. 0.1 + 0.2 > 0.3 is decided as a student would
# decide it by hand (False), not by binary floating point (True).
DECIMALS = 10

INPUTS: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 0), (1, 1))
"""The four input rows (x1, x2), in truth-table order."""

GATES: Mapping[str, tuple[int, int, int, int]] = {
    "AND": (0, 0, 0, 1),
    "NAND": (1, 1, 1, 0),
    "OR": (0, 1, 1, 1),
    "XOR": (0, 1, 1, 0),
}
"""Gate name -> target outputs for INPUTS, in the same order."""


def _clean(value: float) -> float:
    """`value` rounded to DECIMALS, with −0.0 turned into 0.0 (nicer in tables)."""
    return round(float(value), DECIMALS) + 0.0


@dataclass(frozen=True)
class Perceptron:
    """Two inputs, weights w1 and w2, threshold θ (theta); output 1 only when w1·x1 + w2·x2 > θ."""

    w1: float
    w2: float
    theta: float

    def __post_init__(self) -> None:
        for name in ("w1", "w2", "theta"):
            value = getattr(self, name)
            try:
                ok = math.isfinite(float(value))
            except (TypeError, ValueError):
                ok = False
            if not ok:
                raise UserError("perceptron.error.not_a_number", name=name, value=value)
            object.__setattr__(self, name, float(value))

    @classmethod
    def from_bias(cls, w1: float, w2: float, bias: float) -> "Perceptron":
        """The perceptron w1·x1 + w2·x2 + b > 0, i.e. threshold θ = −b."""
        return cls(w1, w2, -float(bias) + 0.0)

    @property
    def bias(self) -> float:
        """b = −θ: the same rule written as w1·x1 + w2·x2 + b > 0."""
        return -self.theta + 0.0

    def weighted_sum(self, x1, x2):
        """w1·x1 + w2·x2, rounded to DECIMALS (scalar in, float out; arrays in, array out)."""
        total = np.round(self.w1 * np.asarray(x1, dtype=float) + self.w2 * np.asarray(x2, dtype=float), DECIMALS)
        return float(total) + 0.0 if np.ndim(total) == 0 else total + 0.0

    def output(self, x1, x2):
        """1 where w1·x1 + w2·x2 > θ, else 0 (an int for scalars, an int array for arrays)."""
        fired = (np.asarray(self.weighted_sum(x1, x2)) > round(self.theta, DECIMALS)).astype(int)
        return int(fired) if fired.ndim == 0 else fired

    def outputs(self) -> tuple[int, int, int, int]:
        """The outputs for INPUTS, in order."""
        return tuple(self.output(x1, x2) for x1, x2 in INPUTS)


PRESETS: Mapping[str, Perceptron] = {
    "AND": Perceptron(0.5, 0.5, 0.7),
    "NAND": Perceptron(-0.5, -0.5, -0.7),
    "OR": Perceptron(0.5, 0.5, 0.2),
}
"""A working perceptron for every gate one line can separate (XOR has none)."""


def targets(gate: str) -> tuple[int, int, int, int]:
    """The truth-table targets of `gate` ("AND", "NAND", "OR" or "XOR")."""
    try:
        return GATES[gate]
    except (KeyError, TypeError):
        raise UserError("perceptron.error.unknown_gate", gate=gate, gates=", ".join(GATES)) from None


def implements(perceptron: Perceptron, gate: str) -> bool:
    """True when `perceptron` gives the target output of `gate` on all four input rows."""
    return perceptron.outputs() == targets(gate)


def wrong_rows(perceptron: Perceptron, gate: str) -> tuple[tuple[int, int], ...]:
    """The input rows (x1, x2) where `perceptron`'s output differs from `gate`'s target, in table order."""
    goal = targets(gate)
    return tuple(row for row, out, want in zip(INPUTS, perceptron.outputs(), goal) if out != want)


def gates_implemented(perceptron: Perceptron) -> tuple[str, ...]:
    """Names of the gates in GATES that `perceptron` implements (at most one, since targets differ)."""
    return tuple(name for name in GATES if implements(perceptron, name))


@dataclass(frozen=True)
class TruthRow:
    """One row of a perceptron's truth table against a gate."""

    x1: int
    x2: int
    weighted_sum: float
    output: int
    target: int

    @property
    def correct(self) -> bool:
        return self.output == self.target


def truth_table(perceptron: Perceptron, gate: str) -> tuple[TruthRow, ...]:
    """x1, x2, weighted sum, output and the gate's target for each of the four inputs."""
    goal = targets(gate)
    return tuple(
        TruthRow(x1, x2, perceptron.weighted_sum(x1, x2), perceptron.output(x1, x2), want)
        for (x1, x2), want in zip(INPUTS, goal)
    )


# --- the perceptron learning rule -------------------------------------------------------------


@dataclass(frozen=True)
class LearningStep:
    """One weight update: the row that was wrong (before the update) and the perceptron after it."""

    epoch: int  # 1-based pass over the four rows
    row: int  # index into INPUTS
    target: int
    output: int  # the output before the update (wrong, or there would be no update)
    after: Perceptron

    @property
    def inputs(self) -> tuple[int, int]:
        return INPUTS[self.row]


@dataclass(frozen=True)
class LearningResult:
    """The whole run of the learning rule: every update, whether it converged, epochs used."""

    gate: str
    start: Perceptron
    learning_rate: float
    max_epochs: int
    steps: tuple[LearningStep, ...]
    converged: bool
    epochs: int  # passes made; when converged, the last one had no mistakes

    @property
    def path(self) -> tuple[Perceptron, ...]:
        """The start, then the perceptron after each update (len(steps) + 1 items)."""
        return (self.start, *(step.after for step in self.steps))

    @property
    def final(self) -> Perceptron:
        return self.path[-1]


MAX_EPOCHS_LIMIT = 10_000


def learn(gate: str, start: Perceptron, learning_rate: float = 0.1, max_epochs: int = 50) -> LearningResult:
    """Run the perceptron learning rule on `gate`'s truth table, starting from `start`.

    The rows are visited in table order. For each row the output y is compared with the target t;
    when they differ, the weights move by the error: wi += η·(t − y)·xi and θ −= η·(t − y)
    (the bias b = −θ is learned like a weight on a constant input 1). An epoch is one pass over the
    four rows; the run has converged after an epoch without a mistake, and otherwise stops after
    `max_epochs` epochs (which always happens for XOR: no line separates its rows).
    """
    goal = targets(gate)
    try:
        rate = float(learning_rate)
    except (TypeError, ValueError):
        rate = float("nan")
    if not (math.isfinite(rate) and rate > 0):
        raise UserError("perceptron.error.learning_rate", value=learning_rate)
    if isinstance(max_epochs, bool) or not isinstance(max_epochs, (int, np.integer)) or not 1 <= max_epochs <= MAX_EPOCHS_LIMIT:
        raise UserError("perceptron.error.max_epochs", value=max_epochs, limit=MAX_EPOCHS_LIMIT)

    current = start
    steps: list[LearningStep] = []
    converged = False
    epoch = 0
    while epoch < max_epochs:
        epoch += 1
        mistakes = 0
        for row, ((x1, x2), want) in enumerate(zip(INPUTS, goal)):
            got = current.output(x1, x2)
            error = want - got
            if error == 0:
                continue
            mistakes += 1
            # Rounded so that repeated 0.1 steps stay 0.3, not 0.30000000000000004.
            current = Perceptron(
                _clean(current.w1 + rate * error * x1),
                _clean(current.w2 + rate * error * x2),
                _clean(current.theta - rate * error),
            )
            steps.append(LearningStep(epoch, row, want, got, current))
        if mistakes == 0:
            converged = True
            break
    return LearningResult(gate, start, rate, int(max_epochs), tuple(steps), converged, epoch)


# --- XOR with two layers ------------------------------------------------------------------------


@dataclass(frozen=True)
class XorNetwork:
    """s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2), each a perceptron, for every input row."""

    nand: Perceptron
    or_: Perceptron
    and_: Perceptron
    s1: tuple[int, int, int, int]
    s2: tuple[int, int, int, int]
    y: tuple[int, int, int, int]

    @property
    def is_xor(self) -> bool:
        """True when y matches the XOR truth table."""
        return self.y == GATES["XOR"]

    @property
    def wrong_rows(self) -> tuple[tuple[int, int], ...]:
        """Input rows where y differs from XOR."""
        return tuple(row for row, out, want in zip(INPUTS, self.y, GATES["XOR"]) if out != want)

    def output(self, x1, x2):
        """The network's output for any inputs (scalars or arrays), e.g. over a grid of the plane."""
        return self.and_.output(self.nand.output(x1, x2), self.or_.output(x1, x2))


def xor_network(
    nand: Perceptron = PRESETS["NAND"],
    or_: Perceptron = PRESETS["OR"],
    and_: Perceptron = PRESETS["AND"],
) -> XorNetwork:
    """Two layers: hidden s1 = nand(x1, x2) and s2 = or_(x1, x2), output y = and_(s1, s2).

    With the default (textbook) weights y is XOR; other weights give whatever they compute.
    """
    s1 = nand.outputs()
    s2 = or_.outputs()
    y = tuple(and_.output(a, b) for a, b in zip(s1, s2))
    return XorNetwork(nand, or_, and_, s1, s2, y)

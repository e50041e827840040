"""Guided lessons: data files (playground/lessons/*.toml) loaded, validated and checked. No streamlit.

A lesson is a few steps; each step opens a page in a set state (its `params` go in the page's
link), asks the student to do one thing, and names a check from CHECKS that decides, from a dict
of that page's state handed over by the UI, whether it is done. A teacher adds a lesson by adding
a file: English and Korean text sit side by side in it.

    title = { en = "...", ko = "..." }
    intro = { en = "...", ko = "..." }
    [[steps]]
    page = "perceptron"                       # a page's url_path (PAGES)
    params = { gate = "AND", w1 = 0.0 }       # the page's own link parameters
    hide = ["perceptron/gate"]                # optional: controls the class does not see
    task = { en = "...", ko = "..." }
    check = "perceptron_is_gate"              # a name in CHECKS
    args = { gate = "AND" }                   # that check's arguments
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

import numpy as np

from playground import conv_geometry as cg
from playground import perceptron as pc
from playground import regression as R
from playground import softmax as sm

LESSON_DIR = Path(__file__).parent / "lessons"
LANGS = ("en", "ko")
# url_path -> page file: the pages a step may open (the test checks each is in streamlit_app.PAGES).
PAGES = {
    "perceptron": "app_pages/perceptron.py",
    "activations": "app_pages/activations.py",
    "softmax": "app_pages/softmax.py",
    "backpropagation": "app_pages/backpropagation.py",
    "playground": "app_pages/network_playground.py",
    "convolution": "app_pages/convolution.py",
    "mnist": "app_pages/mnist.py",
    "linear-regression": "app_pages/linear_regression.py",
    "classic-vs-deep": "app_pages/classic_vs_deep.py",
    "train-validation-test": "app_pages/train_val_test.py",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and what is wrong."""


# ---------------------------------------------------------------- checks


def _number(state: Mapping, name: str) -> float | None:
    try:
        value = float(state[name])
    except (KeyError, TypeError, ValueError):
        return None
    return value if np.isfinite(value) else None


def _perceptron(state: Mapping, prefix: str = "", default: pc.Perceptron = pc.PRESETS["AND"]) -> pc.Perceptron:
    values = [_number(state, prefix + f) for f in ("w1", "w2", "theta")]
    return pc.Perceptron(*(v if v is not None else getattr(default, f) for v, f in zip(values, ("w1", "w2", "theta"))))


def perceptron_is_gate(state: Mapping, gate: str) -> bool:
    """The sliders' perceptron (w1, w2, θ) outputs `gate`'s truth table on all four rows."""
    if not all(_number(state, f) is not None for f in ("w1", "w2", "theta")):
        return False
    return pc.implements(_perceptron(state), gate)


def perceptron_learning_ran(state: Mapping, gate: str) -> bool:
    """The learning rule was stepped at least once with `gate` chosen."""
    return state.get("gate") == gate and (_number(state, "learn_step") or 0) >= 1


def _xor(state: Mapping) -> pc.XorNetwork:
    return pc.xor_network(**{
        arg: _perceptron(state, f"xor/{name}/", pc.PRESETS[gate])
        for arg, name, gate in (("nand", "nand", "NAND"), ("or_", "or", "OR"), ("and_", "and", "AND"))
    })


def xor_network_is_xor(state: Mapping, want: bool = True) -> bool:
    """The two-layer network's output is XOR (want=True), or gets at least one row wrong (want=False)."""
    return _xor(state).is_xor == bool(want)


def _notes_data(source: object):
    if source == "hours":
        return R.NOTES_HOURS, R.NOTES_SCORES
    if source == "hours_sleep":
        return np.column_stack([R.NOTES_HOURS, R.NOTES_SLEEP]), R.NOTES_SCORES
    return None


def _descent(state: Mapping):
    data = _notes_data(state.get("data"))
    lr, steps = _number(state, "lr"), _number(state, "steps")
    if data is None or lr is None or lr <= 0 or steps is None or steps < 1:
        return None
    x, y = data
    k = R.features(x).shape[1]
    w = [_number(state, "w") or 0.0] + ([_number(state, "w2") or 0.0] if k == 2 else [])
    return R.descend(x, y, (w[0] if k == 1 else np.array(w), _number(state, "b") or 0.0), lr, int(steps), "gd"), x, y


def gd_diverges(state: Mapping) -> bool:
    """Gradient descent on the notes' table, with the page's learning rate and steps, blows up."""
    run = _descent(state)
    return run is not None and run[0].diverged


def gd_reaches_best(state: Mapping, within: float = 0.01) -> bool:
    """Gradient descent on the notes' table ends with an MSE at most `within` above the least-squares MSE.

    (An absolute margin: the notes' table is fitted exactly, its best MSE is 0.)
    """
    run = _descent(state)
    if run is None or run[0].diverged:
        return False
    path, x, y = run
    return float(path.losses[-1]) - R.closed_form(x, y).mse <= within


def setting_is(state: Mapping, name: str, value: Any) -> bool:
    """The page's setting `name` equals `value`."""
    return name in state and state[name] == value


def setting_at_least(state: Mapping, name: str, value: float) -> bool:
    number = _number(state, name)
    return number is not None and number >= value


def setting_at_most(state: Mapping, name: str, value: float) -> bool:
    number = _number(state, name)
    return number is not None and number <= value


def setting_includes(state: Mapping, name: str, values: list) -> bool:
    """The page's list setting `name` contains every item of `values`."""
    have = state.get(name)
    return isinstance(have, (list, tuple, set)) and all(v in have for v in values)


def playground_loss_below(state: Mapping, value: float, dataset: str | None = None, which: str = "test_loss") -> bool:
    """The Playground's latest test (or train) loss is below `value` (on `dataset`, when named)."""
    if dataset is not None and state.get("dataset") != dataset:
        return False
    loss = _number(state, which)
    return loss is not None and loss < value


def playground_hidden_layers(state: Mapping, at_least: int) -> bool:
    hidden = state.get("hidden")
    return isinstance(hidden, (list, tuple)) and len(hidden) >= at_least


def playground_hidden_separates(state: Mapping, accuracy: float, dataset: str | None = None) -> bool:
    """The last hidden layer has 2 neurons and the test accuracy reached `accuracy` (on `dataset`, when named).

    With one output neuron its decision is a straight line in that layer's plane (the page's hidden-layer
    view draws it), so this accuracy is the share of points that line puts on their own side.
    """
    hidden = state.get("hidden")
    if not isinstance(hidden, (list, tuple)) or not hidden or hidden[-1] != 2:
        return False
    if dataset is not None and state.get("dataset") != dataset:
        return False
    value = _number(state, "test_acc")
    return value is not None and value >= accuracy


def _softmax(state: Mapping) -> np.ndarray | None:
    k = int(_number(state, "k") or 0)
    logits = [_number(state, f"z{i}") for i in range(k)]
    temperature = _number(state, "T") or 1.0
    if k < 2 or any(z is None for z in logits):
        return None
    return sm.softmax(logits, temperature)


def softmax_true_class_above(state: Mapping, value: float) -> bool:
    """The Softmax page's probability of the true class y is above `value`."""
    probabilities = _softmax(state)
    y = _number(state, "y")
    return probabilities is not None and y is not None and 0 <= y < len(probabilities) and probabilities[int(y)] > value


def softmax_all_below(state: Mapping, value: float) -> bool:
    """Every class's probability on the Softmax page is below `value` (a spread-out, unsure answer)."""
    probabilities = _softmax(state)
    return probabilities is not None and float(np.max(probabilities)) < value


def conv_output_is(state: Mapping, rows: int, cols: int, mode: str | None = None) -> bool:
    """The Convolution page's layer (input size, kernel, stride, padding; `mode` when named) gives a rows × cols
    output, by the formula the layer builder uses (conv_geometry.output_size)."""
    if mode is not None and state.get("mode") != mode:
        return False
    settings = [int(state[name]) for name in ("h", "w", "k", "s", "p")]
    geo = cg.geometry(*settings, mode=state.get("mode", "conv"))
    return geo.fits and geo.output == (rows, cols)


def mnist_cnn_trained(state: Mapping, accuracy: float) -> bool:
    """The MNIST page's run has a convolution layer and reads at least `accuracy` of the test digits."""
    score = _number(state, "test_acc")
    return bool(state.get("has_conv")) and score is not None and score >= accuracy


def loss_dropped(state: Mapping, by: float) -> bool:
    """The page's current loss is at least the fraction `by` below the loss it started from."""
    loss, start = _number(state, "loss"), _number(state, "start_loss")
    return loss is not None and start is not None and start > 0 and loss <= start * (1 - by)


@dataclass(frozen=True)
class Check:
    """A named predicate with its argument names and a pair of states: one that passes, one that fails."""

    run: Callable[..., bool]
    args: tuple[str, ...]
    optional: tuple[str, ...] = ()
    examples: Callable[[dict], tuple[dict, dict]] = field(default=lambda args: ({}, {}))


def _gate_examples(args):
    weights = pc.PRESETS.get(args["gate"], pc.Perceptron(0, 0, 0))
    wrong = pc.Perceptron(0.0, 0.0, 0.5)  # outputs 0 everywhere: no gate's truth table
    return ({"w1": weights.w1, "w2": weights.w2, "theta": weights.theta},
            {"w1": wrong.w1, "w2": wrong.w2, "theta": wrong.theta})


def _xor_examples(args):
    broken = {"xor/nand/theta": 5.0}  # a NAND neuron that never fires: y is always 0
    return ({}, broken) if args.get("want", True) else (broken, {})


def _compare(pass_value, fail_value):
    return lambda args: ({args["name"]: pass_value(args["value"])}, {args["name"]: fail_value(args["value"])})


CHECKS: dict[str, Check] = {
    "perceptron_is_gate": Check(perceptron_is_gate, ("gate",), examples=_gate_examples),
    "perceptron_learning_ran": Check(
        perceptron_learning_ran, ("gate",),
        examples=lambda a: ({"gate": a["gate"], "learn_step": 3}, {"gate": a["gate"], "learn_step": 0})),
    "xor_network_is_xor": Check(xor_network_is_xor, (), ("want",), examples=_xor_examples),
    "gd_diverges": Check(gd_diverges, (), examples=lambda a: (
        {"data": "hours", "lr": 0.05, "steps": 200, "w": 0.0, "b": 0.0},
        {"data": "hours", "lr": 0.001, "steps": 200, "w": 0.0, "b": 0.0})),
    "gd_reaches_best": Check(gd_reaches_best, (), ("within",), examples=lambda a: (
        {"data": "hours", "lr": 0.02, "steps": 1000, "w": 0.0, "b": 0.0},
        {"data": "hours", "lr": 0.0001, "steps": 50, "w": 0.0, "b": 0.0})),
    "setting_is": Check(setting_is, ("name", "value"), examples=lambda a: ({a["name"]: a["value"]}, {})),
    "setting_at_least": Check(setting_at_least, ("name", "value"), examples=_compare(lambda v: v, lambda v: v - 1)),
    "setting_at_most": Check(setting_at_most, ("name", "value"), examples=_compare(lambda v: v, lambda v: v + 1)),
    "setting_includes": Check(setting_includes, ("name", "values"),
                              examples=lambda a: ({a["name"]: list(a["values"])}, {a["name"]: []})),
    "playground_loss_below": Check(playground_loss_below, ("value",), ("dataset", "which"), examples=lambda a: (
        {"dataset": a.get("dataset"), a.get("which", "test_loss"): a["value"] / 2},
        {"dataset": a.get("dataset"), a.get("which", "test_loss"): a["value"] * 2})),
    "softmax_true_class_above": Check(softmax_true_class_above, ("value",), examples=lambda a: (
        {"k": 3, "z0": 0.0, "z1": 0.0, "z2": 8.0, "y": 2, "T": 1.0}, {"k": 3, "z0": 8.0, "z1": 0.0, "z2": 0.0, "y": 2, "T": 1.0})),
    "softmax_all_below": Check(softmax_all_below, ("value",), examples=lambda a: (
        {"k": 3, "z0": 0.0, "z1": 0.0, "z2": 0.0, "T": 1.0}, {"k": 3, "z0": 50.0, "z1": 0.0, "z2": 0.0, "T": 1.0})),
    "conv_output_is": Check(conv_output_is, ("rows", "cols"), ("mode",), examples=lambda a: (
        {"h": a["rows"], "w": a["cols"], "k": 1, "s": 1, "p": 0, "mode": a.get("mode", "conv")},
        {"h": a["rows"] + 1, "w": a["cols"], "k": 1, "s": 1, "p": 0, "mode": a.get("mode", "conv")})),
    "mnist_cnn_trained": Check(mnist_cnn_trained, ("accuracy",), examples=lambda a: (
        {"has_conv": True, "test_acc": a["accuracy"]}, {"has_conv": False, "test_acc": 0.99})),
    "loss_dropped": Check(loss_dropped, ("by",), examples=lambda a: (
        {"loss": 0.0, "start_loss": 1.0}, {"loss": 1.0, "start_loss": 1.0})),
    "playground_hidden_layers": Check(playground_hidden_layers, ("at_least",), examples=lambda a: (
        {"hidden": [4] * a["at_least"]}, {"hidden": [4] * (a["at_least"] - 1)})),
    "playground_hidden_separates": Check(playground_hidden_separates, ("accuracy",), ("dataset",), examples=lambda a: (
        {"hidden": [4, 2], "dataset": a.get("dataset"), "test_acc": 1.0},
        {"hidden": [4, 2], "dataset": a.get("dataset"), "test_acc": a["accuracy"] - 0.1})),
}


def check_done(check: str, args: Mapping, state: Mapping | None) -> bool:
    """Whether `state` (a page's state dict; None when the page has none yet) meets the named check."""
    if state is None:
        return False
    try:
        return bool(CHECKS[check].run(state, **args))
    except Exception:  # a state the check cannot read is simply "not done yet"
        return False


# ---------------------------------------------------------------- lesson files


@dataclass(frozen=True)
class Step:
    page: str
    params: dict
    hide: tuple[str, ...]
    task: dict
    check: str
    args: dict

    def query(self) -> dict[str, str]:
        """The page's link parameters, as strings (numbers without float noise)."""
        return {k: (("1" if v else "0") if isinstance(v, bool) else f"{v:.6g}" if isinstance(v, float) else str(v))
                for k, v in self.params.items()}


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: dict
    intro: dict
    steps: tuple[Step, ...]


def _text(raw: object, where: str) -> dict:
    if not isinstance(raw, dict) or set(raw) != set(LANGS) or not all(isinstance(raw[k], str) and raw[k].strip() for k in LANGS):
        raise LessonError(f"{where}: needs non-empty 'en' and 'ko' text")
    if not _HANGUL.search(raw["ko"]):
        raise LessonError(f"{where}: the 'ko' text has no Korean in it")
    return {k: raw[k].strip() for k in LANGS}


def parse(raw: Mapping, lesson_id: str) -> Lesson:
    """A validated Lesson from a lesson file's parsed TOML; LessonError says what is wrong."""
    if not _ID.match(lesson_id):
        raise LessonError(f"{lesson_id}: a lesson file's name must be lowercase letters, digits and '-'")
    order = raw.get("order")
    if not isinstance(order, int):
        raise LessonError(f"{lesson_id}: 'order' must be a whole number")
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list) or not 1 <= len(steps_raw) <= 9:
        raise LessonError(f"{lesson_id}: needs 1 to 9 [[steps]]")
    steps = []
    for n, step in enumerate(steps_raw, 1):
        where = f"{lesson_id} step {n}"
        page = step.get("page")
        if page not in PAGES:
            raise LessonError(f"{where}: unknown page {page!r} (one of {', '.join(PAGES)})")
        params = step.get("params", {})
        hide = step.get("hide", [])
        if not isinstance(params, dict) or not all(isinstance(v, (str, int, float, bool)) for v in params.values()):
            raise LessonError(f"{where}: 'params' must map names to plain values")
        if not isinstance(hide, list) or not all(isinstance(h, str) for h in hide):
            raise LessonError(f"{where}: 'hide' must be a list of control names")
        name, args = step.get("check"), step.get("args", {})
        check = CHECKS.get(name)
        if check is None:
            raise LessonError(f"{where}: unknown check {name!r} (one of {', '.join(CHECKS)})")
        if not isinstance(args, dict) or not set(check.args) <= set(args) <= set(check.args) | set(check.optional):
            raise LessonError(f"{where}: check {name!r} takes {check.args} (optional {check.optional}), got {sorted(args)}")
        steps.append(Step(page, dict(params), tuple(hide), _text(step.get("task"), f"{where} task"), name, dict(args)))
    return Lesson(lesson_id, order, _text(raw.get("title"), f"{lesson_id} title"),
                  _text(raw.get("intro"), f"{lesson_id} intro"), tuple(steps))


@lru_cache(maxsize=1)
def load_all(directory: Path = LESSON_DIR) -> tuple[Lesson, ...]:
    """Every lesson file in `directory`, validated, in their 'order'."""
    lessons = []
    for path in sorted(directory.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise LessonError(f"{path.name}: not valid TOML ({error})") from None
        lessons.append(parse(raw, path.stem))
    return tuple(sorted(lessons, key=lambda lesson: (lesson.order, lesson.id)))


def by_id(lesson_id: object) -> Lesson | None:
    return next((lesson for lesson in load_all() if lesson.id == lesson_id), None)


# ---------------------------------------------------------------- progress in the link


def encode_progress(done: Mapping[str, set[int]]) -> str:
    """{"gates": {1, 2}} -> "gates:12" (steps numbered from 1; lessons have at most 9 steps)."""
    parts = [f"{lesson}:{''.join(str(s) for s in sorted(steps))}" for lesson, steps in sorted(done.items()) if steps]
    return ",".join(parts)


def decode_progress(raw: object) -> dict[str, set[int]]:
    """The inverse of encode_progress; anything it cannot read (unknown lesson, bad step) is left out."""
    done: dict[str, set[int]] = {}
    for part in str(raw or "")[:500].split(","):
        lesson_id, _, digits = part.partition(":")
        lesson = by_id(lesson_id.strip())
        if lesson is None:
            continue
        steps = {int(d) for d in digits if d.isdigit() and 1 <= int(d) <= len(lesson.steps)}
        if steps:
            done.setdefault(lesson.id, set()).update(steps)
    return done

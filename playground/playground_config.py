"""The Playground page's whole setting as one frozen config, its URL form, its data and its trainer.

A share link is `to_query(config)`; opening it is `from_query(query)`, where every unusable
value falls back to its default and is reported (never raised). `make_data` and
`make_trainer` turn a config into what the worker trains, so tests reach exactly what the
page shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Mapping


from playground import features as feats
from playground import layers, quota, state, training
from playground.datasets import toy
from playground.errors import UserError

PROBLEMS = ("classification", "regression")
DATASETS = {"classification": (*toy.CLASSIFICATION, "csv"), "regression": (*toy.REGRESSION, "csv")}
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear", "leaky_relu", "elu", "gelu", "silu")
# TensorFlow Playground's menus (its learning rates go from 0.00001 to 10).
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MAX_LAYERS = 6
MAX_UNITS = 16
MIN_TRAIN_PERCENT, MAX_TRAIN_PERCENT = 10, 90
MIN_BATCH, MAX_BATCH = 1, 50
MIN_POINTS, MAX_POINTS = 50, 2000
MAX_SEED = 999_999
# Per-session work limits, so one student cannot slow a shared class server down for the others.
MAX_STEPS_PER_EPOCH = 2_000  # the largest generated set (1,800 training points at batch 1) stays within it
CSV_READS_PER_MINUTE = 6  # new files read per session and minute (a rejected file is remembered, not re-read)


@dataclass(frozen=True)
class PlaygroundConfig:
    """Everything the Playground page lets the user choose; the same config gives the same run."""

    problem: str = "classification"  # "classification" or "regression"
    dataset: str = "circle"  # one of DATASETS[problem]; "csv" is an uploaded file
    classes: int = 3  # classes of the multi-class sets (blobs, spirals), 3..5
    noise: int = 0  # percent, 0..50, as in TensorFlow Playground
    train_percent: int = 50  # share of the points used for training; the rest is test data
    points: int = 500  # points generated in all
    data_seed: int = 0  # which random points the data set gets
    features: tuple[str, ...] = ("x1", "x2")  # input columns, see playground.features
    hidden: tuple[int, ...] = (4, 2)  # neurons of each hidden layer (0..6 layers, 1..16 neurons)
    activations: tuple[str, ...] = ("tanh", "tanh")  # one per hidden layer
    learning_rate: float = 0.03
    batch_size: int = 10
    optimizer: str = "sgd"  # one of training.OPTIMIZERS
    regularization: str = "none"  # "none", "l1", "l2"
    reg_rate: float = 0.0  # strength of the L1/L2 penalty
    seed: int = 0  # initial weights and batch order
    show_test: bool = False  # draw the test points on the decision map
    discretize: bool = False  # show the decided class instead of the confidence
    hidden_view: int = 0  # which hidden layer (1-based) of 2 or 3 neurons to show in its own space; 0: the last one
    hidden_turn: int = 35  # degrees the 3-D view of a 3-neuron layer is turned about its vertical axis

    @property
    def activation(self) -> str:
        """The activation of all hidden layers when they share one, else the first layer's (or tanh)."""
        return self.activations[0] if self.activations else "tanh"

    def test_ratio(self) -> float:
        return (100 - self.train_percent) / 100.0


# ---------------------------------------------------------------------------- URL form

# name in the URL -> field
_SIMPLE = (
    state.Param("problem", "classification", str, choices=PROBLEMS),
    state.Param("dataset", "circle", str),  # checked against the problem below
    state.Param("classes", 3, int, toy.MIN_CLASSES, toy.MAX_CLASSES),
    state.Param("noise", 0, int, 0, toy.MAX_NOISE),
    state.Param("train", 50, int, MIN_TRAIN_PERCENT, MAX_TRAIN_PERCENT),
    state.Param("points", 500, int, MIN_POINTS, MAX_POINTS),
    state.Param("dseed", 0, int, 0, MAX_SEED),
    state.Param("lr", 0.03, float, choices=LEARNING_RATES),
    state.Param("batch", 10, int, MIN_BATCH, MAX_BATCH),
    state.Param("opt", "sgd", str, choices=training.OPTIMIZERS),
    state.Param("reg", "none", str, choices=training.REGULARIZATIONS),
    state.Param("rate", 0.0, float, choices=REG_RATES),
    state.Param("seed", 0, int, 0, MAX_SEED),
    state.Param("test", False, bool),
    state.Param("discrete", False, bool),
    state.Param("view", 0, int, 0, MAX_LAYERS),
    state.Param("turn", 35, int, -180, 180),
)
_FIELD = {
    "problem": "problem", "dataset": "dataset", "classes": "classes", "noise": "noise", "train": "train_percent",
    "points": "points", "dseed": "data_seed", "lr": "learning_rate", "batch": "batch_size", "opt": "optimizer",
    "reg": "regularization", "rate": "reg_rate", "seed": "seed", "test": "show_test", "discrete": "discretize",
    "view": "hidden_view", "turn": "hidden_turn",
}
QUERY_NAMES = (*_FIELD, "features", "layers", "acts")


def to_query(config: PlaygroundConfig) -> dict[str, str]:
    """The URL query parameters that `from_query` turns back into `config`."""
    values: dict[str, Any] = {name: getattr(config, attr) for name, attr in _FIELD.items()}
    values["features"] = ",".join(config.features)
    values["layers"] = ",".join(str(units) for units in config.hidden)
    values["acts"] = ",".join(config.activations)
    return state.to_query(values)


def _float_choice(raw: Any, choices: tuple[float, ...]) -> float:
    value = float(raw)
    for choice in choices:
        if math.isclose(value, choice, rel_tol=1e-6, abs_tol=1e-12):
            return choice
    raise ValueError(f"{raw!r} is not one of {choices}")


def _last(raw: Any) -> str:
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


def from_query(query: Mapping[str, Any]) -> tuple[PlaygroundConfig, list[state.BadParam]]:
    """The config a share link describes; unusable values become defaults, listed as BadParams."""
    default = PlaygroundConfig()
    simple = [p for p in _SIMPLE if p.name not in ("lr", "rate")]
    values, bad = state.read_params(query, simple)
    config: dict[str, Any] = {_FIELD[name]: value for name, value in values.items()}
    for name, choices in (("lr", LEARNING_RATES), ("rate", REG_RATES)):
        if name in query:
            try:
                config[_FIELD[name]] = _float_choice(_last(query[name]), choices)
            except (TypeError, ValueError):
                bad.append(state.BadParam(name, _last(query[name]), getattr(default, _FIELD[name])))
    if config["dataset"] not in DATASETS[config["problem"]]:
        fallback = "circle" if config["problem"] == "classification" else "plane"
        bad.append(state.BadParam("dataset", str(config["dataset"]), fallback))
        config["dataset"] = fallback

    if "features" in query:
        raw = _last(query["features"])
        names = tuple(part.strip() for part in raw.split(",") if part.strip())
        try:
            config["features"] = feats.check(names)
        except ValueError:
            bad.append(state.BadParam("features", raw, ",".join(default.features)))
    if "layers" in query:
        raw = _last(query["layers"])
        try:
            hidden = tuple(int(part) for part in raw.split(",") if part.strip())
            if len(hidden) > MAX_LAYERS or any(not 1 <= units <= MAX_UNITS for units in hidden):
                raise ValueError(raw)
            config["hidden"] = hidden
        except ValueError:
            bad.append(state.BadParam("layers", raw, ",".join(map(str, default.hidden))))
    hidden = config.get("hidden", default.hidden)
    acts = tuple(default.activation for _ in hidden)
    if "acts" in query:
        raw = _last(query["acts"])
        parts = tuple(part.strip() for part in raw.split(",") if part.strip())
        if len(parts) == 1 and hidden:
            parts = parts * len(hidden)  # one name for every layer
        if len(parts) == len(hidden) and all(p in ACTIVATIONS for p in parts):
            acts = parts
        else:
            bad.append(state.BadParam("acts", raw, ",".join(acts)))
    config["activations"] = acts
    return PlaygroundConfig(**config), bad


# ---------------------------------------------------------------------------- data and trainer


def n_outputs(task: str, n_classes: int) -> int:
    """Output neurons: one for regression and for two classes (like TensorFlow Playground), else one per class."""
    return 1 if task == "regression" or n_classes <= 2 else n_classes


def loss_for(task: str, n_classes: int) -> str:
    """The loss the page trains with: mse for regression, bce for two classes, cross-entropy for more."""
    if task == "regression":
        return "mse"
    return "bce" if n_classes <= 2 else "cross_entropy"


def csv_read_wait(read_times: list[float], now: float) -> int:
    """Seconds to wait before this session may read another new file (0: it may now)."""
    return quota.wait_seconds(read_times, now, CSV_READS_PER_MINUTE, 60.0)


def check_work(config: PlaygroundConfig, data: toy.ToyData) -> None:
    """UserError when one epoch of `config` on `data` would take more steps than a shared server allows."""
    steps = math.ceil(len(data.x_train) / max(int(config.batch_size), 1))
    if steps > MAX_STEPS_PER_EPOCH:
        raise UserError("playground.work.too_many_steps", points=f"{len(data.x_train):,}", batch=config.batch_size,
                        steps=f"{steps:,}", limit=f"{MAX_STEPS_PER_EPOCH:,}",
                        smallest=math.ceil(len(data.x_train) / MAX_STEPS_PER_EPOCH))


def make_data(config: PlaygroundConfig, csv: "bytes | str | toy.CsvTable | None" = None, source: str = "") -> toy.ToyData:
    """The config's data set (from the uploaded `csv`, raw or already read, when the dataset is "csv").

    UserError when the data cannot be used, or when one epoch of it would be too much work (`check_work`).
    """
    if config.dataset == "csv":
        if csv is None:
            raise UserError("playground.csv.missing_file")
        table = csv if isinstance(csv, toy.CsvTable) else toy.read_csv(csv, config.problem)
        if table.task != config.problem:  # read for the other problem type: the page reads it again
            raise UserError("playground.csv.missing_file")
        data = toy.split_table(table, config.test_ratio(), config.data_seed, source)
        check_work(config, data)
        return data
    if config.dataset not in DATASETS[config.problem]:
        raise UserError("playground.data.unknown", name=config.dataset, choices=", ".join(DATASETS[config.problem]))
    return toy.make(config.dataset, config.points, config.noise, config.test_ratio(), config.data_seed, config.classes)


def network_specs(config: PlaygroundConfig, data: toy.ToyData) -> list[dict]:
    """The layer specs: the hidden layers and a linear output layer."""
    return layers.dense_stack(list(config.hidden), list(config.activations), n_outputs(data.task, data.n_classes))


def train_config(config: PlaygroundConfig, data: toy.ToyData, seed: int | None = None) -> training.TrainConfig:
    """The trainer's settings for `config` (seed overrides the config's weight seed)."""
    return training.TrainConfig(
        optimizer=config.optimizer,
        learning_rate=config.learning_rate,
        batch_size=config.batch_size,
        loss=loss_for(data.task, data.n_classes),
        regularization=config.regularization,
        reg_rate=config.reg_rate if config.regularization != "none" else 0.0,
        seed=config.seed if seed is None else seed,
        device="cpu",  # a toy network steps far faster on the CPU than through a GPU's launch overhead
    )


def make_trainer(config: PlaygroundConfig, data: toy.ToyData, seed: int | None = None) -> training.Trainer:
    """A fresh trainer of the config's network on the config's input features of `data`."""
    x_train = feats.transform(data.x_train, config.features)
    x_test = feats.transform(data.x_test, config.features)
    return training.Trainer(
        network_specs(config, data), (len(config.features),), train_config(config, data, seed),
        x_train, data.y_train, x_test, data.y_test,
    )


def with_seed(config: PlaygroundConfig, seed: int) -> PlaygroundConfig:
    """`config` with another weight seed."""
    return replace(config, seed=int(seed) % (MAX_SEED + 1))


@dataclass(frozen=True, eq=False)
class TrainerFactory:
    """`make_trainer(config, data, seed)` as a picklable callable: a training process builds the trainer from it."""

    config: PlaygroundConfig
    data: toy.ToyData

    def __call__(self, seed: int | None = None) -> training.Trainer:
        return make_trainer(self.config, self.data, seed)

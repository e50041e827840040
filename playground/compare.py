"""Classic machine learning against a neural network on the same toy data.

Seven scikit-learn models and one small network (our Trainer) learn the same 2-D points; for
each we keep what the page shows: training and test accuracy, the time the fit took, and the
predicted class probabilities over the plane (the decision boundary). Two experiments from the
lecture notes sit on top: feature engineering (a straight-line model succeeds once it is given
x1², x2²; the network finds such features itself) and data dependence (test accuracy against
the size of the training set, for a classic model and the network).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from typing import TYPE_CHECKING

import numpy as np

from playground import features as feats
from playground.datasets import toy
from playground.errors import UserError

# scikit-learn and torch (through grids, layers and training) are imported where a model is fitted,
# not here: they take 3-5 s to import on a 2-core machine, and the page that imports this module
# draws its controls first and fits in the background (ui/background.py).
if TYPE_CHECKING:
    from playground.training import Trainer

CLASSIC_MODELS = ("logistic", "svm_linear", "svm_rbf", "knn", "tree", "forest", "boosting")
NETWORK = "network"
MODELS = (*CLASSIC_MODELS, NETWORK)
RAW_FEATURES = ("x1", "x2")
DEFAULT_ENGINEERED = ("x1", "x2", "x1_sq", "x2_sq")
RESOLUTION = 80  # decision maps: 80×80 cells over [-6, 6]²
# Training-set sizes of the data-dependence curve (a log scale) and the fixed test set it is scored on.
CURVE_SIZES = (10, 20, 50, 100, 200, 500, 1000, 2000)
CURVE_TEST_POINTS = 1000
CURVE_REPEATS = 3  # each point is the mean over this many draws of the training set
# A session may measure this many new curves per window (a curve trains 48 models; cached ones are free).
CURVES_PER_WINDOW, CURVE_WINDOW_SECONDS = 3, 600.0


# ---------------------------------------------------------------------------- the models


def _scaled(model) -> object:
    # Distances and penalties depend on the feature scales (x1² reaches 36 where x1 reaches 6).
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), model)


def _logistic(seed: int) -> object:
    from sklearn.linear_model import LogisticRegression

    return _scaled(LogisticRegression(max_iter=1000))


def _svm(kernel: str) -> Callable[[int], object]:
    def make(seed: int) -> object:
        from sklearn.svm import SVC

        return _scaled(SVC(kernel=kernel, C=1.0, gamma="scale"))  # gamma is ignored by the linear kernel
    return make


def _knn(seed: int) -> object:
    from sklearn.neighbors import KNeighborsClassifier

    return _scaled(KNeighborsClassifier(n_neighbors=5))


def _tree(seed: int) -> object:
    from sklearn.tree import DecisionTreeClassifier

    return DecisionTreeClassifier(max_depth=8, random_state=seed)


def _forest(seed: int) -> object:
    from sklearn.ensemble import RandomForestClassifier

    return RandomForestClassifier(n_estimators=100, max_depth=10, random_state=seed, n_jobs=1)


def _boosting(seed: int) -> object:
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=100, max_depth=3, random_state=seed)


CLASSIC_FACTORIES: dict[str, Callable[[int], object]] = {
    "logistic": _logistic,
    "svm_linear": _svm("linear"),
    "svm_rbf": _svm("rbf"),
    "knn": _knn,
    "tree": _tree,
    "forest": _forest,
    "boosting": _boosting,
}


@dataclass(frozen=True)
class NetSettings:
    """The network of the comparison: a small dense net trained for a fixed number of mini-batches."""

    hidden: tuple[int, ...] = (16, 16)  # neurons per hidden layer
    activation: str = "tanh"
    steps: int = 1000  # mini-batches of training (a fixed budget, whatever the data size)
    learning_rate: float = 0.02  # Adam
    batch_size: int = 32

    def specs(self, n_classes: int) -> list[dict]:
        """The layer specs for `n_classes` outputs."""
        from playground import layers

        return layers.dense_stack(list(self.hidden), self.activation, n_classes)


@dataclass(frozen=True)
class ModelResult:
    """One model's fit: what the page shows under its decision map."""

    name: str  # one of MODELS
    features: tuple[str, ...]  # the inputs it was given
    train_acc: float
    test_acc: float
    fit_seconds: float
    probs: np.ndarray  # (RESOLUTION, RESOLUTION, n_classes): class probabilities over the plane, row i is y = axis[i]


def map_grid(resolution: int = RESOLUTION) -> tuple[np.ndarray, np.ndarray]:
    """(points, axis) of the decision maps: grids.grid_points over the toy data's square (see there)."""
    from playground import grids

    return grids.grid_points(toy.EXTENT, resolution)


def _check_data(data: toy.ToyData) -> None:
    if data.task != "classification":
        raise UserError("classic.error.regression", name=data.name)
    if len(data.x_train) == 0 or len(data.x_test) == 0:
        raise UserError("classic.error.empty")
    if len(np.unique(data.y_train)) < 2:
        raise UserError("classic.error.one_class")


def _accuracy(predicted: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(np.asarray(predicted) == np.asarray(y)))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _classic_probs(model, x: np.ndarray, n_classes: int) -> np.ndarray:
    """(n, n_classes) probabilities; an SVM's signed distances are squashed into them (for the picture only)."""
    if hasattr(model, "predict_proba"):
        raw = model.predict_proba(x)
        classes = model.classes_
    else:
        scores = model.decision_function(x)
        classes = model.classes_
        if scores.ndim == 1:
            p = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
            raw = np.stack([1 - p, p], axis=1)
        else:
            raw = _softmax(scores)
    probs = np.zeros((len(x), n_classes), np.float32)
    probs[:, np.asarray(classes, int)] = raw  # a class missing from a tiny training set gets probability 0
    return probs


def fit_classic(
    name: str, data: toy.ToyData, features: Sequence[str] = RAW_FEATURES, seed: int = 0, resolution: int = RESOLUTION
) -> ModelResult:
    """Fit the scikit-learn model `name` on `data` (inputs: `features` of each point) and score it."""
    if name not in CLASSIC_FACTORIES:
        raise UserError("classic.error.unknown_model", name=str(name), choices=", ".join(MODELS))
    _check_data(data)
    features = tuple(features)
    model = CLASSIC_FACTORIES[name](seed)
    x_train, x_test = feats.transform(data.x_train, features), feats.transform(data.x_test, features)
    started = time.perf_counter()
    model.fit(x_train, data.y_train)
    seconds = time.perf_counter() - started
    points, _ = map_grid(resolution)
    probs = _classic_probs(model, feats.transform(points, features), data.n_classes)
    return ModelResult(
        name=name,
        features=features,
        train_acc=_accuracy(model.predict(x_train), data.y_train),
        test_acc=_accuracy(model.predict(x_test), data.y_test),
        fit_seconds=seconds,
        probs=probs.reshape(resolution, resolution, data.n_classes),
    )


def train_network(data: toy.ToyData, features: Sequence[str] = RAW_FEATURES, net: NetSettings = NetSettings(),
                  seed: int = 0) -> tuple[Trainer, float]:
    """Our Trainer on `data` for `net.steps` mini-batches: (trainer, seconds it took)."""
    from playground.training import TrainConfig, Trainer
    _check_data(data)
    features = tuple(features)
    config = TrainConfig(optimizer="adam", learning_rate=net.learning_rate, batch_size=net.batch_size,
                         loss="cross_entropy", seed=seed, device="cpu")
    x_train = feats.transform(data.x_train, features)
    started = time.perf_counter()
    trainer = Trainer(net.specs(data.n_classes), (len(features),), config, x_train, data.y_train)
    if not trainer.train_steps(net.steps):
        raise trainer.diverged
    return trainer, time.perf_counter() - started


def fit_network(
    data: toy.ToyData, features: Sequence[str] = RAW_FEATURES, net: NetSettings = NetSettings(), seed: int = 0,
    resolution: int = RESOLUTION,
) -> ModelResult:
    """Train the network on `data` and score it like the classic models."""
    features = tuple(features)
    trainer, seconds = train_network(data, features, net, seed)
    train_pred = trainer.predict(feats.transform(data.x_train, features)).argmax(1)
    test_pred = trainer.predict(feats.transform(data.x_test, features)).argmax(1)
    from playground import grids

    probs = grids.decision_grid(trainer, features, toy.EXTENT, resolution)
    return ModelResult(
        name=NETWORK,
        features=features,
        train_acc=_accuracy(train_pred, data.y_train),
        test_acc=_accuracy(test_pred, data.y_test),
        fit_seconds=seconds,
        probs=np.asarray(probs, np.float32).reshape(resolution, resolution, data.n_classes),
    )


def fit(name: str, data: toy.ToyData, features: Sequence[str] = RAW_FEATURES, net: NetSettings = NetSettings(),
        seed: int = 0, resolution: int = RESOLUTION) -> ModelResult:
    """Any model of MODELS on `data`."""
    if name == NETWORK:
        return fit_network(data, features, net, seed, resolution)
    return fit_classic(name, data, features, seed, resolution)


def compare(
    data: toy.ToyData, models: Sequence[str] = MODELS, net: NetSettings = NetSettings(), seed: int = 0,
    resolution: int = RESOLUTION, progress: Callable[[float], None] | None = None,
) -> list[ModelResult]:
    """Every model in `models` fitted on the same `data` with inputs x1, x2, in that order."""
    results = []
    for i, name in enumerate(models):
        results.append(fit(name, data, RAW_FEATURES, net, seed, resolution))
        if progress is not None:
            progress((i + 1) / len(models))
    return results


def feature_engineering(
    data: toy.ToyData, engineered: Sequence[str] = DEFAULT_ENGINEERED, net: NetSettings = NetSettings(), seed: int = 0,
    resolution: int = RESOLUTION,
) -> tuple[ModelResult, ModelResult, ModelResult]:
    """(logistic regression on x1, x2; logistic regression on `engineered`; the network on x1, x2)."""
    engineered = feats.check(engineered)
    return (
        fit_classic("logistic", data, RAW_FEATURES, seed, resolution),
        fit_classic("logistic", data, engineered, seed, resolution),
        fit_network(data, RAW_FEATURES, net, seed, resolution),
    )


# ---------------------------------------------------------------------------- data dependence


@dataclass(frozen=True)
class LearningCurve:
    """Test accuracy against training-set size: mean and spread over `repeats` draws."""

    sizes: tuple[int, ...]
    classic: str  # the classic model's name
    classic_mean: tuple[float, ...]
    classic_std: tuple[float, ...]
    network_mean: tuple[float, ...]
    network_std: tuple[float, ...]
    test_points: int
    repeats: int


def curve_pool(name: str, noise: float, max_size: int, test_points: int = CURVE_TEST_POINTS, seed: int = 0,
               n_classes: int = 2) -> toy.ToyData:
    """One draw of `name` with `max_size` training points and a fixed test set of `test_points`."""
    total = max_size + test_points
    if total > toy.MAX_POINTS:
        raise UserError("classic.error.curve_too_big", total=total, limit=toy.MAX_POINTS)
    return toy.make(name, n_points=total, noise=noise, test_ratio=test_points / total, seed=seed, n_classes=n_classes)


def _subset(pool: toy.ToyData, size: int, rng: np.random.Generator) -> toy.ToyData:
    """`size` training points drawn from the pool, every class present when possible."""
    for _ in range(20):
        pick = rng.choice(len(pool.x_train), size, replace=False)
        if len(np.unique(pool.y_train[pick])) == pool.n_classes:
            break
    return toy.ToyData(pool.name, pool.task, pool.n_classes, pool.x_train[pick], pool.y_train[pick],
                       pool.x_test, pool.y_test)


def learning_curve(
    name: str, noise: float, classic: str = "logistic", sizes: Sequence[int] = CURVE_SIZES,
    net: NetSettings = NetSettings(), repeats: int = CURVE_REPEATS, test_points: int = CURVE_TEST_POINTS,
    seed: int = 0, n_classes: int = 2, progress: Callable[[float], None] | None = None,
) -> LearningCurve:
    """Test accuracy of `classic` and the network trained on growing subsets of one draw of `name`.

    Every size and repeat uses the same fixed test set; the subsets are drawn at random
    (seeded) from one pool, and the network gets the same number of mini-batches at every size.
    """
    sizes = tuple(sorted(int(s) for s in sizes))
    if not sizes or sizes[0] < 2 or repeats < 1:
        raise UserError("classic.error.curve_sizes")
    if classic not in CLASSIC_FACTORIES:
        raise UserError("classic.error.unknown_model", name=str(classic), choices=", ".join(CLASSIC_MODELS))
    pool = curve_pool(name, noise, sizes[-1], test_points, seed, n_classes)
    rng = np.random.default_rng(seed + 1)
    classic_scores = np.zeros((len(sizes), repeats))
    network_scores = np.zeros((len(sizes), repeats))
    done, total = 0, len(sizes) * repeats
    for i, size in enumerate(sizes):
        for r in range(repeats):
            data = _subset(pool, size, rng)
            if len(np.unique(data.y_train)) < 2:  # too few points to hold two classes: no better than guessing
                classic_scores[i, r] = network_scores[i, r] = _majority_accuracy(data)
            else:
                classic_scores[i, r] = _score_classic(classic, data, seed + r)
                network_scores[i, r] = _score_network(data, net, seed + r)
            done += 1
            if progress is not None:
                progress(done / total)
    return LearningCurve(
        sizes=sizes, classic=classic,
        classic_mean=tuple(classic_scores.mean(1)), classic_std=tuple(classic_scores.std(1)),
        network_mean=tuple(network_scores.mean(1)), network_std=tuple(network_scores.std(1)),
        test_points=test_points, repeats=repeats,
    )


@dataclass(frozen=True)
class CurveReading:
    """What a measured learning curve shows, in the terms of the lecture notes (note 000, 2.1: deep
    learning keeps improving as data grows, where classic methods level off).

    verdict: "notes" (the network ends ahead and gained clearly more from the added data than the
    classic model), "network_ahead" (ahead, but both gained about as much), "classic_ahead", or
    "even" (the two end within EVEN_MARGIN). `network_flat_from` is set when the network, too, had
    stopped improving on the larger half of the sizes (it had learned what the data holds).
    """

    verdict: str
    small: int  # the smallest and largest training-set sizes
    large: int
    network_gain: float  # accuracy gained from `small` to `large`
    classic_gain: float
    network_large: float  # accuracy with `large` points
    classic_large: float
    network_flat_from: int | None

    def texts(self) -> dict[str, str]:
        """The numbers as the sentences print them (percentage points, sizes with separators)."""
        def points(value: float) -> str:
            return f"{value * 100:+.0f}".replace("-", "−")
        return dict(small=f"{self.small:,}", large=f"{self.large:,}", network_gain=points(self.network_gain),
                    classic_gain=points(self.classic_gain),
                    gap=f"{abs(self.network_large - self.classic_large) * 100:.0f}",
                    network_large=f"{self.network_large:.0%}", classic_large=f"{self.classic_large:.0%}",
                    flat_from=f"{self.network_flat_from or 0:,}")


EVEN_MARGIN = 0.02  # accuracies or gains closer than 2 points read as equal (the repeats spread about that much)


def read_curve(curve: LearningCurve) -> CurveReading:
    """Read `curve` against the notes' claim; see CurveReading."""
    net, classic = np.asarray(curve.network_mean), np.asarray(curve.classic_mean)
    network_gain, classic_gain = float(net[-1] - net[0]), float(classic[-1] - classic[0])
    gap = float(net[-1] - classic[-1])
    if gap <= -EVEN_MARGIN:
        verdict = "classic_ahead"
    elif gap < EVEN_MARGIN:
        verdict = "even"
    elif network_gain > classic_gain + 2 * EVEN_MARGIN:
        verdict = "notes"
    else:
        verdict = "network_ahead"
    mid = len(curve.sizes) // 2
    flat_from = curve.sizes[mid] if float(net[-1] - net[mid]) < EVEN_MARGIN / 2 else None
    return CurveReading(verdict, curve.sizes[0], curve.sizes[-1], network_gain, classic_gain, float(net[-1]),
                        float(classic[-1]), flat_from)


def _majority_accuracy(data: toy.ToyData) -> float:
    return float(np.mean(data.y_test == data.y_train[0]))


def _score_classic(name: str, data: toy.ToyData, seed: int) -> float:
    model = CLASSIC_FACTORIES[name](seed)
    if name == "knn":  # k cannot exceed the number of training points
        model.set_params(kneighborsclassifier__n_neighbors=min(5, len(data.x_train)))
    model.fit(data.x_train, data.y_train)
    return _accuracy(model.predict(data.x_test), data.y_test)


def _score_network(data: toy.ToyData, net: NetSettings, seed: int) -> float:
    trainer, _ = train_network(data, RAW_FEATURES, net, seed)
    return _accuracy(trainer.predict(data.x_test).argmax(1), data.y_test)


def chance_level(n_classes: int) -> float:
    """Accuracy of guessing among `n_classes` equally frequent classes."""
    return 1.0 / max(n_classes, 1)


def describe_time(seconds: float) -> str:
    """A fit time in the unit that reads best ("3.2 ms", "149 ms", "1.24 s")."""
    if not math.isfinite(seconds):
        return "–"
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"

"""Classic models against the network: accuracies, maps and timings the page shows, checked against
scikit-learn fitted independently here, and the notes' feature-engineering claim."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

from playground import compare
from playground import grids
from playground.datasets import toy
from playground.errors import UserError

FAST_NET = compare.NetSettings(hidden=(16, 16), steps=600, learning_rate=0.02)


@pytest.fixture(scope="module")
def easy():
    """Two well-separated gaussians: every model should be close to perfect."""
    return toy.make("gaussians", n_points=300, noise=0, seed=3)


@pytest.fixture(scope="module")
def easy_results(easy):
    return compare.compare(easy, net=FAST_NET, seed=0)


@pytest.fixture(scope="module")
def circle():
    return toy.make("circle", n_points=400, noise=0, seed=1)


def test_compare_returns_every_model_in_order_with_its_figures(easy_results):
    assert [r.name for r in easy_results] == list(compare.MODELS)
    for r in easy_results:
        assert r.features == ("x1", "x2")
        assert r.probs.shape == (compare.RESOLUTION, compare.RESOLUTION, 2)
        np.testing.assert_allclose(r.probs.sum(-1), 1.0, atol=1e-5)
        assert 0.0 <= r.train_acc <= 1.0 and 0.0 <= r.test_acc <= 1.0
        assert 0.0 < r.fit_seconds < 30.0


def test_every_model_reaches_95_percent_on_well_separated_gaussians(easy_results):
    scores = {r.name: (r.train_acc, r.test_acc) for r in easy_results}
    for name, (train_acc, test_acc) in scores.items():
        assert train_acc >= 0.95 and test_acc >= 0.95, (name, train_acc, test_acc)


def _features(data, which):
    from playground import features

    return features.transform(data.x_train, which), features.transform(data.x_test, which)


@pytest.mark.parametrize(
    "name, reference",
    [
        ("tree", lambda: DecisionTreeClassifier(max_depth=8, random_state=0)),
        ("forest", lambda: RandomForestClassifier(n_estimators=100, max_depth=10, random_state=0)),
    ],
)
def test_tree_accuracies_match_scikit_learn_fitted_here(name, reference):
    data = toy.make("moons", n_points=300, noise=25, seed=5)
    result = compare.fit_classic(name, data, seed=0)
    model = reference().fit(data.x_train, data.y_train)
    assert result.train_acc == pytest.approx(accuracy_score(data.y_train, model.predict(data.x_train)))
    assert result.test_acc == pytest.approx(accuracy_score(data.y_test, model.predict(data.x_test)))


@pytest.mark.parametrize(
    "name, reference",
    [
        ("svm_linear", lambda: SVC(kernel="linear")),
        ("svm_rbf", lambda: SVC(kernel="rbf", gamma="scale")),
        ("knn", lambda: KNeighborsClassifier(5)),
        ("logistic", lambda: LogisticRegression(max_iter=1000)),
    ],
)
def test_decision_map_agrees_with_the_models_own_predictions(name, reference):
    """The map's likeliest class at every grid point is what scikit-learn's predict says there."""
    data = toy.make("xor", n_points=300, noise=10, seed=2)
    result = compare.fit_classic(name, data, resolution=40)
    scaler = StandardScaler().fit(data.x_train)
    model = reference().fit(scaler.transform(data.x_train), data.y_train)
    points, _ = grids.grid_points(toy.EXTENT, 40)
    expected = model.predict(scaler.transform(points)).reshape(40, 40)
    agree = np.mean(result.probs.argmax(-1) == expected)
    assert agree >= 0.995, agree  # (ties at exactly P = 0.5 may fall either way)
    assert result.test_acc == pytest.approx(accuracy_score(data.y_test, model.predict(scaler.transform(data.x_test))))


def test_feature_engineering_claim_holds(circle):
    """Logistic regression on a circle: one straight cut with x1, x2; >= 95 % once given x1², x2²; the net needs neither."""
    raw, engineered, network = compare.feature_engineering(circle, ("x1", "x2", "x1_sq", "x2_sq"), FAST_NET)
    # No better than one straight cut can do (half the points are inside the circle; a line can add a sliver).
    assert raw.test_acc <= 0.70 and raw.train_acc <= 0.70, raw
    assert engineered.test_acc >= 0.95 and engineered.train_acc >= 0.95
    assert network.features == ("x1", "x2") and network.test_acc >= 0.95
    # scikit-learn by hand on the squared features agrees
    x_train, x_test = _features(circle, ("x1", "x2", "x1_sq", "x2_sq"))
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(max_iter=1000).fit(scaler.transform(x_train), circle.y_train)
    assert engineered.test_acc == pytest.approx(accuracy_score(circle.y_test, model.predict(scaler.transform(x_test))))


def test_multi_class_data_gives_a_probability_per_class():
    data = toy.make("blobs", n_points=240, noise=0, seed=0, n_classes=3)
    result = compare.fit_classic("svm_rbf", data, resolution=30)
    assert result.probs.shape == (30, 30, 3)
    np.testing.assert_allclose(result.probs.sum(-1), 1.0, atol=1e-5)
    assert result.test_acc >= 0.95
    assert set(np.unique(result.probs.argmax(-1))) == {0, 1, 2}


def test_learning_curve_measures_each_size_on_the_same_test_set():
    seen = []
    curve = compare.learning_curve(
        "gaussians", noise=0, classic="tree", sizes=(10, 100), net=compare.NetSettings(steps=150), repeats=2,
        test_points=200, progress=seen.append,
    )
    assert curve.sizes == (10, 100) and curve.repeats == 2 and curve.test_points == 200
    assert len(curve.classic_mean) == len(curve.network_mean) == 2
    assert seen == [0.25, 0.5, 0.75, 1.0]
    assert curve.classic_mean[1] >= 0.9 and curve.network_mean[1] >= 0.9
    assert all(0 <= s <= 0.5 for s in (*curve.classic_std, *curve.network_std))


def test_learning_curve_on_a_circle_separates_a_line_from_the_network():
    curve = compare.learning_curve(
        "circle", noise=0, classic="logistic", sizes=(200,), net=compare.NetSettings(steps=500), repeats=1,
        test_points=300,
    )
    assert curve.classic_mean[0] <= 0.7 and curve.network_mean[0] >= 0.9


def test_bad_requests_are_sentences_not_tracebacks(easy):
    with pytest.raises(UserError, match="regression problem"):
        compare.fit_classic("tree", toy.make("plane", 100))
    with pytest.raises(UserError, match="boosting"):
        compare.fit("perceptron", easy)
    with pytest.raises(UserError, match="5000"):
        compare.learning_curve("circle", 0, sizes=(10, 4500))
    with pytest.raises(UserError):
        compare.feature_engineering(easy, ())


def test_time_is_written_in_a_readable_unit():
    assert compare.describe_time(0.0042) == "4.2 ms"
    assert compare.describe_time(0.1494) == "149 ms"
    assert compare.describe_time(2.5) == "2.50 s"


def _curve(classic, network):
    sizes = (10, 20, 50, 100, 200, 500, 1000, 2000)
    zeros = tuple(0.0 for _ in sizes)
    return compare.LearningCurve(sizes, "logistic", tuple(classic), zeros, tuple(network), zeros, 1000, 3)


@pytest.mark.parametrize("classic, network, verdict", [
    # the notes' picture: the network keeps gaining, the classic model levels off
    ([0.6, 0.62, 0.63, 0.63, 0.64, 0.64, 0.64, 0.64], [0.5, 0.55, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93], "notes"),
    # both gain as much; the network ends ahead
    ([0.5, 0.6, 0.7, 0.75, 0.8, 0.82, 0.83, 0.84], [0.5, 0.6, 0.7, 0.76, 0.82, 0.85, 0.86, 0.87], "network_ahead"),
    ([0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.98, 0.98], [0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.93, 0.94], "classic_ahead"),
    ([0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.98, 0.98], [0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.97, 0.99], "even"),
])
def test_a_learning_curve_is_read_against_the_notes(classic, network, verdict):
    reading = compare.read_curve(_curve(classic, network))
    assert reading.verdict == verdict
    assert reading.network_gain == pytest.approx(network[-1] - network[0])
    assert reading.texts()["large"] == "2,000"


def test_a_network_that_stopped_improving_is_said_to_have():
    flat = compare.read_curve(_curve([0.5] * 8, [0.8, 0.9, 0.95, 0.97, 0.97, 0.97, 0.97, 0.97]))
    assert flat.verdict == "notes" and flat.network_flat_from == 200
    rising = compare.read_curve(_curve([0.6] * 8, [0.5, 0.55, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93]))
    assert rising.network_flat_from is None

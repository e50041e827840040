"""Toy data: shapes, classes, ranges and seeds; TensorFlow Playground's formulas checked point by point;
the CSV upload with good and bad files; and the trainer learning the sets (seeded, bounded epochs)."""

import math

import numpy as np
import pytest

from playground import playground_config as pc
from playground.datasets import toy
from playground.errors import UserError


def _all(data):
    return np.concatenate([data.x_train, data.x_test]), np.concatenate([data.y_train, data.y_test])


@pytest.mark.parametrize("name", toy.CLASSIFICATION + toy.REGRESSION)
def test_shapes_types_split_and_range(name):
    data = toy.make(name, n_points=400, noise=0, test_ratio=0.25, seed=3, n_classes=4)
    assert data.name == name
    assert data.x_train.shape == (300, 2) and data.x_test.shape == (100, 2)
    assert data.x_train.dtype == np.float32 and len(data.y_train) == 300 and len(data.y_test) == 100
    x, y = _all(data)
    assert np.abs(x).max() <= 6.0 + 1e-6
    if name in toy.REGRESSION:
        assert data.task == "regression" and data.n_classes == 0 and data.y_train.dtype == np.float32
        assert np.abs(y).max() <= 1.2 + 1e-6  # TensorFlow Playground: (x1 + x2) / 10, not clamped
    else:
        expected = 4 if name in toy.MULTICLASS else 2
        assert data.task == "classification" and data.n_classes == expected and data.y_train.dtype == np.int64
        assert set(np.unique(y)) == set(range(expected))


@pytest.mark.parametrize("name", toy.CLASSIFICATION + toy.REGRESSION)
def test_same_seed_same_data_other_seed_other_data(name):
    a = toy.make(name, 200, noise=20, seed=5, n_classes=3)
    b = toy.make(name, 200, noise=20, seed=5, n_classes=3)
    c = toy.make(name, 200, noise=20, seed=6, n_classes=3)
    for field in ("x_train", "y_train", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("name,n_classes", [("circle", 2), ("gaussians", 2), ("spiral", 2), ("moons", 2),
                                            ("blobs", 3), ("blobs", 5), ("spirals", 5)])
def test_classes_are_balanced(name, n_classes):
    _, y = _all(toy.make(name, 300, n_classes=n_classes))
    counts = np.bincount(y, minlength=n_classes)
    assert counts.max() - counts.min() <= 1


def test_circle_label_is_inside_radius_2_5_without_noise():
    x, y = _all(toy.make("circle", 500))
    r = np.hypot(x[:, 0], x[:, 1])
    np.testing.assert_array_equal(y, (r < 2.5).astype(int))
    assert (r[y == 0] >= 3.5 - 1e-5).all() and (r <= 5 + 1e-5).all()  # the gap TensorFlow Playground leaves


def test_noise_mislabels_some_circle_points():
    x, y = _all(toy.make("circle", 500, noise=50))
    r = np.hypot(x[:, 0], x[:, 1])
    wrong = np.mean(y != (r < 2.5))
    assert 0.05 < wrong < 0.5


def test_xor_label_is_sign_of_product_and_points_avoid_the_axes():
    x, y = _all(toy.make("xor", 500))
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))
    assert np.abs(x).min() >= 0.3 - 1e-6 and np.abs(x).max() <= 5.3 + 1e-6


def test_gaussians_centres():
    x, y = _all(toy.make("gaussians", 2000, seed=1))
    np.testing.assert_allclose(x[y == 1].mean(0), [2, 2], atol=0.1)
    np.testing.assert_allclose(x[y == 0].mean(0), [-2, -2], atol=0.1)
    # TensorFlow Playground: variance 0.5 at noise 0 -> standard deviation 0.707
    np.testing.assert_allclose(x[y == 1].std(0), [math.sqrt(0.5)] * 2, rtol=0.1)


def test_spiral_points_lie_on_two_arms_half_a_turn_apart():
    x, y = _all(toy.make("spiral", 400))
    r = np.hypot(x[:, 0], x[:, 1])
    t = np.arctan2(x[:, 0], x[:, 1])  # x = r sin t, y = r cos t
    expected = 1.75 * 2 * math.pi * r / 5 + np.where(y == 1, 0.0, math.pi)
    diff = np.angle(np.exp(1j * (t - expected)))
    assert np.abs(diff[r > 1e-3]).max() < 1e-4


def test_moons_match_scikit_learns_definition():
    from sklearn.datasets import make_moons

    x, y = _all(toy.make("moons", 300))
    u = x / 3.0 + [0.5, 0.25]  # undo the centring and scaling
    outer, inner = u[y == 0], u[y == 1]
    np.testing.assert_allclose(np.hypot(outer[:, 0], outer[:, 1]), 1, atol=1e-5)
    np.testing.assert_allclose(np.hypot(inner[:, 0] - 1, inner[:, 1] - 0.5), 1, atol=1e-5)
    assert (outer[:, 1] >= -1e-6).all() and (inner[:, 1] <= 0.5 + 1e-6).all()
    # scikit-learn's moons satisfy the same two circles (so ours are its moons, moved and scaled)
    ref, ref_y = make_moons(300, noise=0, random_state=0)
    np.testing.assert_allclose(np.hypot(*ref[ref_y == 0].T), 1, atol=1e-6)
    np.testing.assert_allclose(np.hypot(ref[ref_y == 1, 0] - 1, ref[ref_y == 1, 1] - 0.5), 1, atol=1e-6)


def test_blobs_centres_on_a_circle():
    x, y = _all(toy.make("blobs", 3000, n_classes=3, seed=2))
    for k in range(3):
        angle = 2 * math.pi * k / 3 + math.pi / 4
        np.testing.assert_allclose(x[y == k].mean(0), [3.5 * math.cos(angle), 3.5 * math.sin(angle)], atol=0.15)


def test_plane_target_is_scaled_sum_without_noise():
    x, y = _all(toy.make("plane", 300))
    np.testing.assert_allclose(y, (x[:, 0] + x[:, 1]) / 10, atol=1e-6)


def test_multi_gaussian_hand_values():
    x, y = _all(toy.make("multi_gaussian", 3000, seed=4))
    centres = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    for cx, cy, sign in centres:
        d = np.hypot(x[:, 0] - cx, x[:, 1] - cy)
        near = d < 0.3
        assert near.any()
        np.testing.assert_allclose(y[near], sign * (1 - d[near] / 2), atol=1e-5)
    far = np.min([np.hypot(x[:, 0] - cx, x[:, 1] - cy) for cx, cy, _ in centres], axis=0) > 2
    assert far.any() and (y[far] == 0).all()


@pytest.mark.parametrize("kwargs", [
    dict(name="nope"), dict(name="circle", n_points=5), dict(name="circle", n_points=10**6),
    dict(name="circle", noise=51), dict(name="circle", noise=-1), dict(name="blobs", n_classes=2),
    dict(name="spirals", n_classes=6), dict(name="circle", test_ratio=1.0),
])
def test_bad_settings_raise_a_sentence(kwargs):
    with pytest.raises(UserError) as err:
        toy.make(**kwargs)
    assert isinstance(err.value, ValueError) and str(err.value).endswith(".")


def test_split_sizes_and_seed():
    x, y = np.arange(20, dtype=np.float32).reshape(10, 2), np.arange(10)
    xtr, ytr, xte, yte = toy.split(x, y, 0.3, seed=1)
    assert len(xtr) == 7 and len(xte) == 3
    assert sorted(np.concatenate([ytr, yte])) == list(range(10))
    np.testing.assert_array_equal(xtr[:, 0] / 2, ytr)  # rows stay together
    assert toy.split(x, y, 0.01, 0)[2].shape[0] == 1  # a tiny ratio still keeps one test example


# ---------------------------------------------------------------------------- CSV


def _rows(n=12, label=lambda i: i % 2):
    return "\n".join(f"{i * 0.3 - 2:.2f},{(i % 5) - 2},{label(i)}" for i in range(n))


def test_csv_with_header_semicolons_and_minus_one_labels():
    text = "x1;x2;label\n" + _rows(20, lambda i: 1 if i % 3 else -1).replace(",", ";")
    data = toy.from_csv(text.encode("utf-8"), test_ratio=0.25, seed=0)
    assert data.task == "classification" and data.n_classes == 2
    assert len(data.x_train) == 15 and len(data.x_test) == 5
    x, y = _all(data)
    # -1 -> class 0, 1 -> class 1; rows stay intact
    for (a, b), label in zip(x, y):
        i = round((a + 2) / 0.3)
        assert label == (1 if i % 3 else 0) and b == (i % 5) - 2


def test_csv_without_header_with_bom_and_three_classes():
    data = toy.from_csv("\ufeff".encode() + _rows(24, lambda i: i % 3).encode(), seed=1)
    assert data.n_classes == 3 and data.scale == 1.0


def test_csv_far_points_are_scaled_into_the_plane():
    text = "\n".join(f"{100 + i},{2000 + 10 * i},{i % 2}" for i in range(20))
    data = toy.from_csv(text)
    x, _ = _all(data)
    assert np.abs(x).max() <= toy.CSV_FIT + 1e-5
    original = x * data.scale + np.array(data.offset)
    assert np.allclose(sorted(original[:, 0]), range(100, 120), atol=1e-2)


def test_csv_regression_keeps_values():
    text = "\n".join(f"{i / 4},{-i / 4},{i * 0.05}" for i in range(12))
    data = toy.from_csv(text, task="regression")
    assert data.task == "regression" and data.n_classes == 0
    x, y = _all(data)
    np.testing.assert_allclose(y, x[:, 0] * 0.2, atol=1e-6)


@pytest.mark.parametrize("content,key,fragment", [
    (b"", "playground.csv.empty", None),
    (b"\n  \n", "playground.csv.empty", None),
    (b"x1,x2,label\n", "playground.csv.too_few_rows", "only 0"),
    (("1,2,0\n" * 5).encode(), "playground.csv.too_few_rows", "only 5"),
    (b"1,2,0\n3,4,1\n\xff\xfe,1,0\n", "playground.csv.not_utf8", "Row 3"),
    ((_rows(5) + "\n1,2\n" + _rows(6)).encode(), "playground.csv.columns", "Row 6 has 2 columns"),
    ((_rows(3) + "\n1,2,0,4\n" + _rows(8)).encode(), "playground.csv.columns", "Row 4 has 4 columns"),
    ((_rows(6) + "\n1,abc,0\n" + _rows(6)).encode(), "playground.csv.not_number", "Row 7, column 2: 'abc'"),
    ((_rows(6) + "\n1,nan,0\n" + _rows(6)).encode(), "playground.csv.not_finite", "Row 7, column 2"),
    ((_rows(6) + "\ninf,1,0\n" + _rows(6)).encode(), "playground.csv.not_finite", "Row 7, column 1"),
    ((_rows(2) + "\n1,,0\n" + _rows(9)).encode(), "playground.csv.missing", "Row 3, column 2"),
    ((_rows(8) + "\n1,2,0.5\n" + _rows(3)).encode(), "playground.csv.label_not_whole", "Row 9"),
    (_rows(12, lambda i: 1).encode(), "playground.csv.single_class", "label 1"),
    (_rows(30, lambda i: i % 11).encode(), "playground.csv.too_many_classes", "11 different"),
    (("1,2,0\n3,4,1\n" * 10_001).encode(), "playground.csv.too_many_rows", None),
])
def test_bad_csv_names_row_and_problem(content, key, fragment):
    with pytest.raises(UserError) as err:
        toy.from_csv(content)
    assert err.value.key == key
    if fragment:
        assert fragment in str(err.value)
    assert "Row" in err.value.message("en") or key in ("playground.csv.empty", "playground.csv.too_few_rows",
                                                       "playground.csv.single_class", "playground.csv.too_many_classes",
                                                       "playground.csv.too_many_rows")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in err.value.message("ko"))


# ---------------------------------------------------------------------------- learning


@pytest.fixture
def one_thread():
    """Tiny networks step fastest on one thread; more threads only fight over a busy machine's cores."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _train(epochs, **settings):
    config = pc.PlaygroundConfig(**settings)
    data = pc.make_data(config)
    trainer = pc.make_trainer(config, data)
    for _ in range(epochs):
        assert trainer.train_epoch()
    return trainer


@pytest.mark.parametrize("dataset,epochs", [("circle", 60), ("xor", 100), ("gaussians", 20)])
def test_default_network_reaches_95_percent(dataset, epochs, one_thread):
    # TensorFlow Playground's default: x1, x2 -> 4 tanh -> 2 tanh -> 1, SGD, learning rate 0.03, batch 10
    trainer = _train(epochs, dataset=dataset)
    assert trainer.history["test_acc"][-1] >= 0.95


def test_spiral_is_learned_with_sine_features_and_capacity(one_thread):
    trainer = _train(60, dataset="spiral", features=("x1", "x2", "sin_x1", "sin_x2"), hidden=(8, 8),
                     activations=("tanh", "tanh"), optimizer="adam", learning_rate=0.02)
    assert trainer.history["test_acc"][-1] >= 0.9


def test_spiral_is_not_learned_by_a_tiny_linear_network(one_thread):
    trainer = _train(30, dataset="spiral", hidden=(), activations=())
    assert trainer.history["test_acc"][-1] < 0.75


def test_three_class_blobs_use_cross_entropy_and_are_learned(one_thread):
    trainer = _train(20, dataset="blobs", classes=3, optimizer="adam")
    assert trainer.config.loss == "cross_entropy" and trainer.n_outputs == 3
    assert trainer.history["test_acc"][-1] >= 0.95

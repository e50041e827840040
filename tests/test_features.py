"""Input features against values computed by hand."""

import math

import numpy as np
import pytest

from playground import features
from playground.errors import UserError


def test_every_feature_at_hand_computed_points():
    xy = np.array([[2.0, -3.0], [0.0, 0.5], [-1.5, 4.0]])
    expected = {
        "x1": [2.0, 0.0, -1.5],
        "x2": [-3.0, 0.5, 4.0],
        "x1_sq": [4.0, 0.0, 2.25],
        "x2_sq": [9.0, 0.25, 16.0],
        "x1x2": [-6.0, 0.0, -6.0],
        "sin_x1": [0.9092974268, 0.0, -0.9974949866],
        "sin_x2": [-0.1411200081, 0.4794255386, -0.7568024953],
    }
    out = features.transform(xy, features.FEATURES)
    assert out.shape == (3, 7) and out.dtype == np.float32
    for column, name in enumerate(features.FEATURES):
        np.testing.assert_allclose(out[:, column], expected[name], rtol=1e-6, atol=1e-7, err_msg=name)


def test_order_follows_the_request():
    out = features.transform(np.array([[3.0, 2.0]]), ("x1x2", "x1"))
    np.testing.assert_allclose(out, [[6.0, 3.0]])


def test_check_puts_features_in_canonical_order():
    assert features.check(["sin_x2", "x1"]) == ("x1", "sin_x2")


@pytest.mark.parametrize("bad", [(), ("x3",), ("x1", "cos_x1")])
def test_unknown_or_no_feature_is_refused(bad):
    with pytest.raises(UserError):
        features.transform(np.zeros((2, 2)), bad)


def test_symbols_cover_every_feature():
    assert set(features.SYMBOLS) == set(features.FEATURES)
    assert math.isclose(features.transform(np.array([[math.pi / 2, 0]]), ["sin_x1"])[0, 0], 1.0, rel_tol=1e-6)

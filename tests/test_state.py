"""URL parameter parsing: garbage and out-of-range values fall back to defaults and are reported."""

from playground.state import Param, read_params, to_query

PARAMS = [
    Param("w1", 0.5, float, -2.0, 2.0),
    Param("n", 3, int, 1, 6),
    Param("gate", "AND", str, choices=("AND", "OR")),
    Param("bias", False, bool),
]


def test_defaults_when_absent():
    values, bad = read_params({}, PARAMS)
    assert values == {"w1": 0.5, "n": 3, "gate": "AND", "bias": False}
    assert bad == []


def test_garbage_and_out_of_range_fall_back():
    values, bad = read_params({"w1": "abc", "n": "99", "gate": "XNOR", "bias": "maybe"}, PARAMS)
    assert values == {"w1": 0.5, "n": 3, "gate": "AND", "bias": False}
    assert [b.name for b in bad] == ["w1", "n", "gate", "bias"]


def test_valid_values_parse_and_round_trip():
    values, bad = read_params({"w1": "-1.25", "n": "6", "gate": "OR", "bias": "1"}, PARAMS)
    assert bad == [] and values == {"w1": -1.25, "n": 6, "gate": "OR", "bias": True}
    again, bad = read_params(to_query(values), PARAMS)
    assert again == values and bad == []


def test_nan_and_inf_rejected():
    _, bad = read_params({"w1": "nan"}, PARAMS)
    assert bad and bad[0].name == "w1"
    _, bad = read_params({"w1": "inf"}, PARAMS)
    assert bad

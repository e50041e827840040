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


def test_a_value_between_slider_steps_moves_to_the_nearest_and_is_reported():
    from playground.state import Param

    w1 = Param("w1", 0.5, float, -1.5, 1.5, step=0.05)
    values, bad = read_params({"w1": "0.333"}, [w1])
    assert values["w1"] == 0.35 and bad[0].step == 0.05 and bad[0].default == 0.35 and bad[0].value == "0.333"
    values, bad = read_params({"w1": "-0.35"}, [w1])  # on the grid (from -1.5): kept, nothing said
    assert values["w1"] == -0.35 and bad == []
    values, bad = read_params({"t": "0.25"}, [Param("t", 1.0, float, 0.1, 5.0, step=0.1)])
    assert values["t"] == 0.3  # a half step rounds up, whatever the float error of (0.25 - 0.1) / 0.1


def test_lists_and_tables_parse_bounded_and_round_trip():
    from playground.state import MAX_RAW, name_list, number_list, number_table

    params = [Param("xor", (1.0, 2.0), parser=number_list(2, -5, 5)),
              Param("cmp", ("a",), parser=name_list(("a", "b", "c"))),
              Param("rows", (), parser=number_table((2, 3), 4, 100))]
    query = {"xor": "-0.333,4.5", "cmp": "c,a", "rows": "1,2.5;3,4.125"}
    values, bad = read_params(query, params)
    assert bad == [] and values == {"xor": (-0.333, 4.5), "cmp": ("c", "a"), "rows": ((1.0, 2.5), (3.0, 4.125))}
    assert to_query(values) == query
    for name, raw in [("xor", "1"), ("xor", "1,nan"), ("xor", "1,6"), ("cmp", "a,a"), ("cmp", "d"),
                      ("rows", "1,2;3"), ("rows", "1;2"), ("rows", "1,2;" * 5), ("rows", "1,1e300"),
                      ("xor", "1," * MAX_RAW)]:
        values, bad = read_params({name: raw}, params)
        assert [b.name for b in bad] == [name] and values[name] == next(p.default for p in params if p.name == name), raw


def test_floats_keep_ten_digits_in_the_link():
    assert to_query({"a": 0.333, "b": 1.2345678, "c": 0.1 + 0.2, "d": 1e-05}) == {
        "a": "0.333", "b": "1.2345678", "c": "0.3", "d": "1e-05"}

"""The layer table of the MNIST page: rows <-> specs, blanks, unused cells, moving a layer."""

import math

import pytest

from playground import layer_table, layers
from playground.errors import UserError
from playground.mnist_presets import PRESETS


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_survive_the_round_trip(name):
    rows = layer_table.specs_to_rows(PRESETS[name])
    assert layer_table.rows_to_specs(rows) == PRESETS[name]


def test_table_floats_and_blanks_become_specs():
    rows = [
        {"kind": "conv2d", "units": 8.0, "kernel": 3.0, "stride": math.nan, "padding": None, "size": 2.0,
         "rate": 0.5, "activation": "relu"},
        {"kind": "maxpool", "units": 8.0, "kernel": None, "stride": None, "padding": None, "size": 2.0, "rate": None,
         "activation": "tanh"},
        {column: None for column in layer_table.COLUMNS},  # an empty new row is skipped
        {"kind": "dropout", "rate": 0.25},
        {"kind": "flatten", "units": 99},
        {"kind": "dense", "units": 10.0, "activation": None},
    ]
    specs = layer_table.rows_to_specs(rows)
    assert specs == [
        {"kind": "conv2d", "filters": 8, "kernel": 3, "activation": "relu"},  # unused size/rate ignored
        {"kind": "maxpool", "size": 2},
        {"kind": "dropout", "rate": 0.25},
        {"kind": "flatten"},
        {"kind": "dense", "units": 10},
    ]
    infos = layers.validate(specs, (1, 28, 28))
    assert infos[-1].output_shape == (10,)


def test_missing_and_fractional_cells_reach_the_builder_sentence():
    with pytest.raises(UserError, match="Layer 1 \\(conv2d\\) is missing the setting 'kernel'"):
        layers.validate(layer_table.rows_to_specs([{"kind": "conv2d", "units": 4}]), (1, 28, 28))
    with pytest.raises(UserError, match="whole number"):
        layers.validate(layer_table.rows_to_specs([{"kind": "flatten"}, {"kind": "dense", "units": 2.5}]), (1, 28, 28))
    with pytest.raises(UserError, match="unknown kind"):
        layers.validate(layer_table.rows_to_specs([{"kind": None, "units": 3}]), (1, 28, 28))


def test_move_by_hand():
    assert layer_table.move(["a", "b", "c"], 2, -1) == ["a", "c", "b"]
    assert layer_table.move(["a", "b", "c"], 0, 1) == ["b", "a", "c"]
    assert layer_table.move(["a", "b", "c"], 0, -1) == ["a", "b", "c"]
    assert layer_table.move(["a", "b", "c"], 2, 5) == ["a", "b", "c"]
    assert layer_table.move(["a"], 3, 1) == ["a"]

"""MNIST network limits by the memory one training step really needs, batch size included.

Before, the limits ignored the batch: 500 filters at batch 512 needed 3.6 GB for one step and
5000 + 3000 filters passed; evaluation never used batches under 256 examples.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from playground import layers, training
from playground.errors import UserError
from playground.mnist_presets import BATCH_SIZES, PRESETS
from tests.conftest import ROOT

SHAPE = (1, 28, 28)


def _conv(filters: int, second: int | None = None) -> list[dict]:
    specs = [{"kind": "conv2d", "filters": filters, "kernel": 3, "padding": 1, "activation": "relu"}]
    if second:
        specs += [{"kind": "maxpool", "size": 2},
                  {"kind": "conv2d", "filters": second, "kernel": 3, "padding": 1, "activation": "relu"}]
    # a pool to 1×1 keeps the dense layer small: what is measured is the convolutions' activations
    return specs + [{"kind": "maxpool", "size": 14 if second else 28}, {"kind": "flatten"}, {"kind": "dense", "units": 10}]


def test_every_preset_trains_at_the_largest_batch():
    for name, specs in PRESETS.items():
        layers.check_step_memory(specs, SHAPE, max(BATCH_SIZES), "adam")


@pytest.mark.parametrize("specs", [_conv(500), _conv(64, 600)], ids=["500", "64+600"])
def test_networks_too_big_for_one_step_are_refused_with_the_reason(specs):
    with pytest.raises(UserError) as err:
        layers.check_step_memory(specs, SHAPE, 512, "adam")
    message = err.value.message("en")
    assert "512" in message and "MB" in message and err.value.message("ko") != message


def test_five_thousand_and_three_thousand_filters_are_refused_at_any_batch():
    for batch in (8, 512):
        with pytest.raises(UserError) as err:
            layers.check_step_memory(_conv(5000, 3000), SHAPE, batch, "sgd")
        assert err.value.key in ("core.layers.step_memory", "core.layers.too_many_params")


def test_the_same_network_at_a_smaller_batch_is_allowed():
    layers.check_step_memory(_conv(500), SHAPE, 16, "sgd")
    assert layers.step_bytes(_conv(500), SHAPE, 512, "adam") > 8 * layers.step_bytes(_conv(500), SHAPE, 32, "adam")


def test_the_trainer_refuses_before_allocating_and_evaluates_in_small_batches():
    x = np.zeros((600, *SHAPE), np.float32)
    y = np.arange(600) % 10
    with pytest.raises(UserError):
        training.Trainer(_conv(500), SHAPE, training.TrainConfig(batch_size=512, device="cpu"), x, y, x[:10], y[:10])
    trainer = training.Trainer(_conv(500), SHAPE, training.TrainConfig(batch_size=16, device="cpu"), x, y, x[:10], y[:10])
    assert trainer._eval_rows * 500 * 28 * 28 * 4 <= 64 * 2**20  # one evaluation tensor stays small


_MEASURE = """
import json, sys
import numpy as np, torch
sys.path.insert(0, {root!r})
from playground import training
torch.set_num_threads(1)


def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024


specs, batch = json.loads(sys.argv[1]), int(sys.argv[2])
x = np.random.default_rng(0).standard_normal((batch, 1, 28, 28)).astype(np.float32)
y = np.arange(batch) % 10
trainer = training.Trainer(specs, (1, 28, 28), training.TrainConfig(batch_size=batch, optimizer="adam", device="cpu"),
                           x, y, x[:8], y[:8])
open("/proc/self/clear_refs", "w").write("5")  # Linux: the peak (VmHWM) starts again from here
base = status("VmRSS")
trainer.train_epoch()  # one step: the whole batch
print(json.dumps(status("VmHWM") - base))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the peak memory from /proc")
def test_the_estimate_matches_a_measured_step():
    specs, batch = _conv(48), 256  # about 150 MB by the estimate: large against the interpreter's noise
    script = _MEASURE.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, json.dumps(specs), str(batch)], capture_output=True, text=True,
                         timeout=120, check=True)
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    estimate = layers.step_bytes(specs, SHAPE, batch, "adam")
    print(f"one step: measured {measured / 2**20:.0f} MB, estimated {estimate / 2**20:.0f} MB")
    assert measured <= estimate <= 2 * measured  # an upper bound, not a wild one (measured: 0.75 of it)

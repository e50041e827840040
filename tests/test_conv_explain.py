"""The numbers the "How it sees" tab writes out equal what torch computes with the model's own layers.

The reference is torch itself: F.conv2d / the pooling, activation and batch-norm modules on the output
of the layer before (layers.layer_outputs), and torch.softmax on the model's output.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground import conv_explain as cx
from playground import layers

SHAPE = (1, 28, 28)
# Two convolutions (the second reads 4 channels, with stride and padding), both poolings, batch
# normalisation and dropout between them, a hidden dense layer and the 10 logits.
SPECS = [
    {"kind": "conv2d", "filters": 4, "kernel": 3, "padding": 1, "activation": "relu"},
    {"kind": "batchnorm"},
    {"kind": "maxpool", "size": 2},
    {"kind": "conv2d", "filters": 6, "kernel": 5, "stride": 2, "padding": 2, "activation": "tanh"},
    {"kind": "dropout", "rate": 0.3},
    {"kind": "avgpool", "size": 2},
    {"kind": "flatten"},
    {"kind": "dense", "units": 12, "activation": "gelu"},
    {"kind": "dense", "units": 10},
]
TOL = dict(rel=1e-5, abs=1e-5)
NP_TOL = dict(rtol=1e-5, atol=1e-5)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    net = layers.build(SPECS, SHAPE, seed=3)
    bn = net[2]  # a trained-looking batch norm: running statistics and affine weights that are not 0 and 1
    with torch.no_grad():
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.3, 0.3)
    net.train()  # the trace must switch to eval mode itself (and back)
    return net


@pytest.fixture(scope="module")
def x():
    return np.random.default_rng(1).normal(size=SHAPE).astype(np.float32)


@pytest.fixture(scope="module")
def reference(model, x):
    """Every layer's output (after its activation) computed by torch in eval mode."""
    model.eval()
    with torch.no_grad():
        outs = [o[0] for o in layers.layer_outputs(model, torch.as_tensor(x)[None])]
    model.train()
    return outs


@pytest.fixture(scope="module")
def traced(model, x):
    result = cx.trace(model, SPECS, SHAPE, x)
    assert model.training, "the model is handed back in the mode it was in"
    return result


def test_steps_follow_the_modules(traced):
    kinds = [s.kind for s in traced.steps]
    assert kinds == ["conv2d", "relu", "batchnorm", "maxpool", "conv2d", "tanh", "dropout", "avgpool", "flatten",
                     "dense", "gelu", "dense"]
    assert [s.layer for s in traced.steps] == [1, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9]
    assert traced.conv_steps() == [0, 4]


@pytest.mark.parametrize("cell", [(0, 0, 0), (2, 13, 7), (3, 27, 27), (1, 5, 0)])
def test_first_conv_products_and_sum_equal_torch(model, x, traced, cell):
    conv = model[0]
    with torch.no_grad():
        expected = F.conv2d(torch.as_tensor(x)[None], conv.weight, conv.bias, padding=1)[0]
    c = cx.conv_cell(traced.steps[0], *cell)
    # The products are the patch times the kernel element by element, and the patch is the input under the window.
    f, r, q = cell
    padded = np.pad(x[0], 1)
    assert np.array_equal(c.patch[0], padded[r : r + 3, q : q + 3])
    assert np.allclose(c.products, c.patch * conv.weight[f].detach().numpy())
    assert (c.top, c.left) == (r - 1, q - 1)
    assert c.value == pytest.approx(float(expected[f, r, q]), **TOL)
    assert c.value == pytest.approx(float(c.products.sum()) + float(conv.bias[f].detach()), **TOL)
    assert c.model_value == pytest.approx(c.value, **TOL)


@pytest.mark.parametrize("cell", [(0, 0, 0), (5, 3, 6), (2, 6, 6)])
def test_multi_channel_conv_per_channel_sums_add_up_to_torch(model, traced, reference, cell):
    conv = model[4]
    step = traced.steps[4]
    assert step.input.shape == (4, 14, 14)
    inputs = reference[2]  # the max pooling's output
    with torch.no_grad():
        expected = F.conv2d(inputs[None], conv.weight, conv.bias, stride=2, padding=2)[0]
        # each input channel on its own (a one-channel convolution with that channel's slice of the kernel)
        per_channel = [F.conv2d(inputs[None, ch : ch + 1], conv.weight[:, ch : ch + 1], None, stride=2, padding=2)[0]
                       for ch in range(4)]
    c = cx.conv_cell(step, *cell)
    f, r, q = cell
    assert c.patch.shape == c.kernel.shape == (4, 5, 5)
    for ch in range(4):
        assert c.channel_sums[ch] == pytest.approx(float(per_channel[ch][f, r, q]), **TOL)
    assert c.value == pytest.approx(float(expected[f, r, q]), **TOL)
    assert c.value == pytest.approx(float(c.channel_sums.sum()) + c.bias, **TOL)
    # stride 2, padding 2: the window of output (r, q) starts at input (2r - 2, 2q - 2)
    assert (c.top, c.left) == (2 * r - 2, 2 * q - 2)


def test_output_size_formula_matches_the_builder():
    for n, k, s, p in [(28, 3, 1, 1), (14, 5, 2, 2), (28, 28, 1, 0), (7, 2, 3, 0)]:
        spec = {"kind": "conv2d", "filters": 1, "kernel": k, "stride": s, "padding": p}
        assert layers.validate([spec], (1, n, n))[0].output_shape[1] == cx.output_size(n, k, s, p)


def test_activations_equal_the_model_layers(traced, reference):
    relu = traced.steps[1]
    assert np.allclose(cx.activation("relu", relu.input), reference[0].numpy(), **NP_TOL)
    assert np.array_equal(relu.output, np.maximum(0, relu.input))
    tanh = traced.steps[5]
    assert np.allclose(cx.activation("tanh", tanh.input), reference[3].numpy(), **NP_TOL)
    gelu = traced.steps[10]
    assert np.allclose(cx.activation("gelu", gelu.input), reference[7].numpy(), **NP_TOL)
    for kind, module in [("sigmoid", torch.nn.Sigmoid()), ("silu", torch.nn.SiLU()), ("elu", torch.nn.ELU()),
                         ("leaky_relu", torch.nn.LeakyReLU())]:
        z = torch.linspace(-4, 4, 17)
        assert np.allclose(cx.activation(kind, z.numpy()), module(z).numpy(), **NP_TOL)


def test_batchnorm_in_eval_mode_equals_the_module(traced, reference):
    step = traced.steps[2]
    for cell in [(0, 0, 0), (3, 10, 20)]:
        xv, mean, var, gamma, beta, y = cx.batchnorm_value(step, cell)
        assert xv == pytest.approx(float(reference[0][cell]))
        assert y == pytest.approx(float(reference[1][cell]), **TOL)


@pytest.mark.parametrize("cell", [(0, 0, 0), (3, 13, 6)])
def test_max_pooling_window_and_max_equal_torch(traced, reference, cell):
    p = cx.pool_cell(traced.steps[3], *cell)
    c, r, q = cell
    assert np.array_equal(p.window, reference[1][c, 2 * r : 2 * r + 2, 2 * q : 2 * q + 2].numpy())
    assert p.value == pytest.approx(float(F.max_pool2d(reference[1][None], 2)[0][cell]), **TOL)
    assert p.value == pytest.approx(float(reference[2][cell]), **TOL)


def test_average_pooling_mean_equals_torch_and_dropout_passes_through(traced, reference):
    assert np.array_equal(traced.steps[6].output, traced.steps[6].input)  # eval mode
    p = cx.pool_cell(traced.steps[7], 4, 1, 2)
    assert p.value == pytest.approx(float(reference[5][4, 1, 2]), **TOL)
    assert p.value == pytest.approx(float(F.avg_pool2d(reference[4][None], 2)[0][4, 1, 2]), **TOL)


def test_dense_units_and_softmax_equal_torch(model, x, traced, reference):
    flat = traced.steps[8]
    assert flat.output.shape == (6 * 3 * 3,)
    hidden = cx.dense_unit(traced.steps[9], 4)
    assert hidden.value == pytest.approx(float(model[9](reference[6][None])[0, 4].detach()), **TOL)
    for unit in range(10):
        assert cx.dense_unit(traced.steps[-1], unit).value == pytest.approx(float(reference[-1][unit]), **TOL)
    exps, probs = cx.softmax(traced.logits)
    model.eval()
    with torch.no_grad():
        expected = torch.softmax(model(torch.as_tensor(x)[None]), dim=1)[0].numpy()
    model.train()
    assert np.allclose(probs, expected, **NP_TOL) and np.allclose(exps / exps.sum(), probs)
    assert int(probs.argmax()) == int(expected.argmax())
    big_exps, big = cx.softmax(np.array([1000.0, 999.0, 0.0]))  # overflow-safe, same probabilities
    assert np.allclose(big, torch.softmax(torch.tensor([1000.0, 999.0, 0.0], dtype=torch.float64), 0).numpy())


def test_position_stepping_and_filling():
    assert cx.position(0, 28) == (0, 0) and cx.position(29, 28) == (1, 1)
    filled = cx.filled_so_far(np.arange(6.0).reshape(2, 3), 3)
    assert np.array_equal(filled[0], [0, 1, 2]) and filled[1, 0] == 3 and np.isnan(filled[1, 1:]).all()


def test_followed_cell_through_pooling_and_flatten(traced):
    where = cx.followed_cell(traced, 4, (5, 5, 5))  # second conv's output, 6×7×7
    assert where[4] == (5, 5, 5) and where[5] == (5, 5, 5) and where[6] == (5, 5, 5)
    assert where[7] == (5, 2, 2)  # average pooling 2: rows 4-5, cols 4-5 -> cell (2, 2)
    assert where[8] == (5 * 9 + 2 * 3 + 2,)
    assert where[9] is None and where[0] is None
    # Row 6 of a 7-row map falls outside the 3×3 pooled map (floor): not followed further.
    assert cx.followed_cell(traced, 4, (0, 6, 0))[7] is None
    # From the first convolution: through its ReLU, batch norm and pooling, then the second
    # convolution's strongest cell.
    first = cx.followed_cell(traced, 0, (3, 9, 4))
    assert first[:4] == [(3, 9, 4), (3, 9, 4), (3, 9, 4), (3, 4, 2)]
    strongest = np.unravel_index(np.argmax(traced.steps[4].output), traced.steps[4].output.shape)
    assert traced.steps[4].output[first[4]] == traced.steps[4].output.max() and first[4] == tuple(strongest)


def test_a_dense_only_model_traces_without_convolutions():
    specs = [{"kind": "flatten"}, {"kind": "dense", "units": 10}]
    model = layers.build(specs, SHAPE, seed=0)
    x = np.zeros(SHAPE, dtype=np.float32)
    traced = cx.trace(model, specs, SHAPE, x)
    assert traced.conv_steps() == [] and [s.kind for s in traced.steps] == ["flatten", "dense"]
    assert np.allclose(traced.logits, model[1].bias.detach().numpy())

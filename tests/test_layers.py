"""Layer specs -> networks, checked against hand-written models, textbook formulas and a fuzzer."""

from __future__ import annotations

import json
import math

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground import layers
from playground.errors import UserError

# Activation formulas written out by hand (the outside reference for nn.ReLU & co.).
HAND_ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: torch.where(z > 0, z, torch.zeros_like(z)),
    "tanh": lambda z: (torch.exp(z) - torch.exp(-z)) / (torch.exp(z) + torch.exp(-z)),
    "sigmoid": lambda z: 1 / (1 + torch.exp(-z)),
    "leaky_relu": lambda z: torch.where(z > 0, z, 0.01 * z),
    "gelu": lambda z: 0.5 * z * (1 + torch.erf(z / math.sqrt(2))),
    "silu": lambda z: z / (1 + torch.exp(-z)),
    "elu": lambda z: torch.where(z > 0, z, torch.exp(z) - 1),
}


def _leaf_copies(model):
    return [p.detach().clone().requires_grad_(True) for p in model.parameters()]


def _assert_same_forward_and_gradients(model, hand_forward, x):
    """Same output, and the same gradients for every weight and for the input (in float64)."""
    model.double()
    x = x.double()
    weights = _leaf_copies(model)
    x1 = x.clone().requires_grad_(True)
    x2 = x.clone().requires_grad_(True)
    out_model = model(x1)
    out_hand = hand_forward(x2, weights)
    torch.testing.assert_close(out_model, out_hand, rtol=1e-10, atol=1e-12)
    probe = torch.randn(out_model.shape, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    (out_model * probe).sum().backward()
    (out_hand * probe).sum().backward()
    for p, w in zip(model.parameters(), weights):
        torch.testing.assert_close(p.grad, w.grad, rtol=1e-9, atol=1e-12)
    torch.testing.assert_close(x1.grad, x2.grad, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("activation", layers.LAYER_ACTIVATIONS)
def test_dense_network_matches_hand_written_model(activation):
    specs = [
        {"kind": "dense", "units": 5, "activation": activation},
        {"kind": "dense", "units": 3, "activation": "tanh"},
        {"kind": "dense", "units": 2, "activation": "linear"},
    ]
    model = layers.build(specs, (4,), seed=7)
    f = HAND_ACTIVATIONS[activation]

    def hand(x, w):
        h = f(x @ w[0].T + w[1])
        h = HAND_ACTIVATIONS["tanh"](h @ w[2].T + w[3])
        return h @ w[4].T + w[5]

    x = torch.randn(6, 4, generator=torch.Generator().manual_seed(1))
    _assert_same_forward_and_gradients(model, hand, x)


def _hand_conv(x, weight, bias, stride, padding):
    """Convolution as a sum over kernel offsets: out[f,i,j] = Σ_c,u,v W[f,c,u,v]·x[c, i·s+u, j·s+v] + b[f]."""
    x = torch.nn.functional.pad(x, (padding,) * 4)
    n, c, h, w = x.shape
    f, _, k, _ = weight.shape
    oh, ow = (h - k) // stride + 1, (w - k) // stride + 1
    out = bias.view(1, f, 1, 1).expand(n, f, oh, ow)
    for u in range(k):
        for v in range(k):
            patch = x[:, :, u : u + stride * (oh - 1) + 1 : stride, v : v + stride * (ow - 1) + 1 : stride]
            out = out + torch.einsum("nchw,fc->nfhw", patch, weight[:, :, u, v])
    return out


def _hand_pool(x, size, mode):
    n, c, h, w = x.shape
    h2, w2 = h // size, w // size
    blocks = x[:, :, : h2 * size, : w2 * size].reshape(n, c, h2, size, w2, size)
    return blocks.amax(dim=(3, 5)) if mode == "max" else blocks.mean(dim=(3, 5))


def _hand_batchnorm(x, gamma, beta, dims):
    mean = x.mean(dim=dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)  # biased, as batch norm uses in training
    shape = [1, -1] + [1] * (x.dim() - 2)
    return (x - mean) / torch.sqrt(var + 1e-5) * gamma.view(shape) + beta.view(shape)


def test_conv_network_matches_hand_written_model():
    specs = [
        {"kind": "conv2d", "filters": 4, "kernel": 3, "stride": 1, "padding": 1, "activation": "relu"},
        {"kind": "batchnorm"},
        {"kind": "maxpool", "size": 2},
        {"kind": "conv2d", "filters": 3, "kernel": 2, "stride": 2, "padding": 0, "activation": "tanh"},
        {"kind": "avgpool", "size": 2},
        {"kind": "flatten"},
        {"kind": "dense", "units": 5, "activation": "sigmoid"},
        {"kind": "batchnorm"},
        {"kind": "dropout", "rate": 0.0},
        {"kind": "dense", "units": 3, "activation": "linear"},
    ]
    model = layers.build(specs, (2, 11, 11), seed=3)
    model.train()  # batch norm normalises with the batch statistics

    def hand(x, w):
        h = HAND_ACTIVATIONS["relu"](_hand_conv(x, w[0], w[1], 1, 1))  # 4×11×11
        h = _hand_batchnorm(h, w[2], w[3], (0, 2, 3))
        h = _hand_pool(h, 2, "max")  # 4×5×5
        h = HAND_ACTIVATIONS["tanh"](_hand_conv(h, w[4], w[5], 2, 0))  # 3×2×2
        h = _hand_pool(h, 2, "avg")  # 3×1×1
        h = h.reshape(len(h), -1)
        h = HAND_ACTIVATIONS["sigmoid"](h @ w[6].T + w[7])
        h = _hand_batchnorm(h, w[8], w[9], (0,))
        return h @ w[10].T + w[11]

    x = torch.randn(5, 2, 11, 11, generator=torch.Generator().manual_seed(2))
    _assert_same_forward_and_gradients(model, hand, x)
    infos = layers.validate(specs, (2, 11, 11))
    assert [i.output_shape for i in infos] == [
        (4, 11, 11), (4, 11, 11), (4, 5, 5), (3, 2, 2), (3, 1, 1), (3,), (5,), (5,), (5,), (3,)
    ]


def test_lenet5_parameter_counts_match_textbook():
    # LeNet-5 on 28×28 (padding 2 gives the classic 32×32 receptive field); the counts are the
    # textbook ones: conv k·k·c_in·c_out + c_out, dense in·out + out.
    specs = [
        {"kind": "conv2d", "filters": 6, "kernel": 5, "padding": 2, "activation": "tanh"},
        {"kind": "avgpool", "size": 2},
        {"kind": "conv2d", "filters": 16, "kernel": 5, "activation": "tanh"},
        {"kind": "avgpool", "size": 2},
        {"kind": "flatten"},
        {"kind": "dense", "units": 120, "activation": "tanh"},
        {"kind": "dense", "units": 84, "activation": "tanh"},
        {"kind": "dense", "units": 10},
    ]
    infos = layers.validate(specs, (1, 28, 28))
    assert [i.params for i in infos] == [156, 0, 2416, 0, 0, 48120, 10164, 850]
    assert [i.output_shape for i in infos] == [
        (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5), (400,), (120,), (84,), (10,)
    ]
    assert layers.total_params(infos) == 61706
    model = layers.build(specs, (1, 28, 28), seed=0)
    assert sum(p.numel() for p in model.parameters()) == 61706
    assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)


@pytest.mark.parametrize(
    "input_shape, spec, params",
    [
        ((7,), {"kind": "dense", "units": 3}, 7 * 3 + 3),
        ((3, 8, 8), {"kind": "conv2d", "filters": 5, "kernel": 3}, 3 * 3 * 3 * 5 + 5),
        ((2, 9, 9), {"kind": "conv2d", "filters": 4, "kernel": 1, "stride": 2}, 1 * 1 * 2 * 4 + 4),
        ((6,), {"kind": "batchnorm"}, 2 * 6),
        ((3, 4, 4), {"kind": "batchnorm"}, 2 * 3),
        ((3, 4, 4), {"kind": "maxpool", "size": 3}, 0),
    ],
)
def test_parameter_count_formulas(input_shape, spec, params):
    (info,) = layers.validate([spec], input_shape)
    assert info.params == params
    model = layers.build([spec], input_shape, seed=0)
    assert sum(p.numel() for p in model.parameters()) == params


def test_conv_output_size_formula():
    # (h + 2p - k) // s + 1, computed by hand: (28 + 2 - 5) // 2 + 1 = 13
    (info,) = layers.validate([{"kind": "conv2d", "filters": 2, "kernel": 5, "stride": 2, "padding": 1}], (1, 28, 28))
    assert info.output_shape == (2, 13, 13)


def test_batchnorm_kind_follows_input_rank():
    dense = layers.build([{"kind": "dense", "units": 3}, {"kind": "batchnorm"}], (2,), seed=0)
    conv = layers.build([{"kind": "conv2d", "filters": 3, "kernel": 1}, {"kind": "batchnorm"}], (1, 4, 4), seed=0)
    assert isinstance(dense[1], torch.nn.BatchNorm1d) and dense[1].num_features == 3
    assert isinstance(conv[1], torch.nn.BatchNorm2d) and conv[1].num_features == 3


def test_seeded_build_is_reproducible_and_specs_are_json():
    specs = layers.dense_stack([4, 2], "tanh", 2)
    again = json.loads(json.dumps(specs))
    a, b = layers.build(specs, (2,), seed=5), layers.build(again, (2,), seed=5)
    c = layers.build(specs, (2,), seed=6)
    for pa, pb, pc in zip(a.parameters(), b.parameters(), c.parameters()):
        assert torch.equal(pa, pb)
        assert not torch.equal(pa, pc)
    unseeded = [layers.build(specs, (2,)) for _ in range(2)]
    assert not torch.equal(unseeded[0][0].weight, unseeded[1][0].weight)


def test_seeded_build_leaves_the_global_rng_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    layers.build(layers.dense_stack([8], "relu", 2), (2,), seed=1)
    assert torch.equal(torch.rand(3), expected)


def test_dense_stack_and_layer_outputs():
    specs = layers.dense_stack([4, 3], ["relu", "tanh"], 2)
    assert specs == [
        {"kind": "dense", "units": 4, "activation": "relu"},
        {"kind": "dense", "units": 3, "activation": "tanh"},
        {"kind": "dense", "units": 2, "activation": "linear"},
    ]
    model = layers.build(specs, (2,), seed=0)
    x = torch.randn(5, 2)
    outs = layers.layer_outputs(model, x)
    assert [tuple(o.shape) for o in outs] == [(5, 4), (5, 3), (5, 2)]
    assert torch.all(outs[0] >= 0) and torch.all(outs[1].abs() <= 1)
    torch.testing.assert_close(outs[-1], model(x))
    with pytest.raises(UserError):
        layers.dense_stack([4, 3], ["relu"], 2)


CONV = {"kind": "conv2d", "filters": 2, "kernel": 3}


@pytest.mark.parametrize(
    "specs, input_shape, fragment",
    [
        ([], (2,), "no layers"),
        ("dense", (2,), "list of layers"),
        ([{"kind": "dense", "units": 0}], (2,), "Layer 1 (dense): 'units' must be at least 1"),
        ([{"kind": "dense", "units": -3}], (2,), "at least 1"),
        ([{"kind": "dense", "units": 2.5}], (2,), "whole number"),
        ([{"kind": "dense", "units": "4"}], (2,), "whole number"),
        ([{"kind": "dense", "units": True}], (2,), "whole number"),
        ([{"kind": "dense"}], (2,), "missing the setting 'units'"),
        ([{"kind": "dense", "units": 3, "size": 2}], (2,), "unknown setting 'size'"),
        ([{"units": 3}], (2,), "Layer 1 has an unknown kind"),
        ([{"kind": "lstm", "units": 3}], (2,), "unknown kind 'lstm'"),
        (["dense"], (2,), "Layer 1 is not a layer description"),
        ([{"kind": "dense", "units": 3, "activation": "softmax"}], (2,), "unknown activation"),
        ([{"kind": "dense", "units": 3, "activation": None}], (2,), "unknown activation"),
        ([{"kind": "dense", "units": 3}, {"kind": "dropout", "rate": 1.0}], (2,), "Layer 2 (dropout)"),
        ([{"kind": "dropout", "rate": -0.1}], (2,), "from 0 up to"),
        ([{"kind": "dropout", "rate": "half"}], (2,), "from 0 up to"),
        ([{"kind": "dense", "units": 3}], (1, 4, 4), "add a flatten layer"),
        ([CONV], (4,), "needs an image input"),
        ([{"kind": "maxpool", "size": 2}], (4,), "needs an image input"),
        ([CONV, CONV, {"kind": "conv2d", "filters": 2, "kernel": 7}], (1, 8, 8), "Layer 3 (conv2d, kernel 7) receives a 4×4 input"),
        ([{"kind": "conv2d", "filters": 2, "kernel": 9, "padding": 1}], (1, 6, 6), "8×8 with padding"),
        ([{**CONV, "stride": 0}], (1, 8, 8), "'stride' must be at least 1"),
        ([{**CONV, "padding": -1}], (1, 8, 8), "'padding' must be at least 0"),
        ([{**CONV, "filters": 0}], (1, 8, 8), "'filters' must be at least 1"),
        ([CONV, {"kind": "avgpool", "size": 7}], (1, 8, 8), "Layer 2 (avgpool, size 7) receives a 6×6 input"),
        ([{"kind": "maxpool", "size": 0}], (1, 8, 8), "at least 1"),
        ([{"kind": "dense", "units": 3}], (0,), "input shape"),
        ([{"kind": "dense", "units": 3}], (2, 3), "input shape"),
        ([{"kind": "dense", "units": 3}], "2", "input shape"),
        ([{"kind": "dense", "units": 10**5}, {"kind": "dense", "units": 10**4}], (2,), "limit"),
    ],
)
def test_invalid_specs_raise_user_error_naming_the_problem(specs, input_shape, fragment):
    with pytest.raises(UserError) as caught:
        layers.validate(specs, input_shape)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)
    korean = caught.value.message("ko")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean)
    with pytest.raises(UserError):
        layers.build(specs, input_shape)


# ---------------------------------------------------------------------------- fuzzing

_VALUES = st.one_of(
    st.integers(-2, 6), st.floats(-1.5, 6), st.just(float("nan")), st.just(float("inf")), st.booleans(), st.none(), st.sampled_from(["2", "relu", ""])
)
_KEYS = ["units", "activation", "filters", "kernel", "stride", "padding", "size", "rate", "bogus"]


@st.composite
def _spec(draw, kinds=layers.LAYER_KINDS):
    """Mostly plausible layers with small sizes; now and then one setting is corrupted."""
    kind = draw(st.sampled_from(kinds))
    required, optional = layers._KEYS[kind]
    spec = {"kind": kind}
    for key in (*required, *optional):
        if key in required or draw(st.booleans()):
            if key == "activation":
                spec[key] = draw(st.sampled_from(layers.LAYER_ACTIVATIONS))
            elif key == "rate":
                spec[key] = draw(st.floats(0, 0.9))
            else:
                spec[key] = draw(st.integers(0 if key == "padding" else 1, 4))
    corruption = draw(st.integers(0, 23))
    if corruption == 1:
        spec[draw(st.sampled_from(_KEYS))] = draw(_VALUES)
    elif corruption == 2 and len(spec) > 1:
        del spec[draw(st.sampled_from(sorted(k for k in spec if k != "kind")))]
    elif corruption == 3:
        spec["kind"] = draw(st.sampled_from(["pool", "Dense", 3, None]))
    return spec


_IMAGE_KINDS = ("conv2d", "conv2d", "maxpool", "avgpool", "batchnorm", "dropout")
_VECTOR_KINDS = ("dense", "dense", "batchnorm", "dropout", "flatten")


@st.composite
def _case(draw):
    """(specs, input_shape): mostly image layers then vector layers, sometimes shuffled or broken."""
    roll = draw(st.integers(0, 9))
    if roll == 0:
        shape = draw(st.sampled_from([(), (0,), (2, 3), (-1, 4, 4), (2.5,), "3"]))
    elif roll < 4:
        shape = (draw(st.integers(1, 6)),)
    else:
        shape = (draw(st.integers(1, 3)), draw(st.integers(1, 10)), draw(st.integers(1, 10)))
    specs = []
    if len(shape) == 3:
        specs += draw(st.lists(_spec(_IMAGE_KINDS), max_size=3))
        if draw(st.integers(0, 4)):
            specs.append({"kind": "flatten"})
    specs += draw(st.lists(_spec(_VECTOR_KINDS), min_size=int(roll != 9), max_size=3))
    if draw(st.integers(0, 5)) == 0:
        specs = draw(st.permutations(specs))
    return specs, shape


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_case())
def test_random_specs_either_build_with_the_inferred_shape_or_raise_user_error(case):
    specs, input_shape = case
    try:
        infos = layers.validate(specs, input_shape)
    except UserError as error:
        assert str(error) and error.message("ko")
        return
    model = layers.build(specs, input_shape, seed=0)
    model.eval()
    with torch.no_grad():
        out = model(torch.randn(2, *input_shape))
    assert tuple(out.shape[1:]) == infos[-1].output_shape
    assert sum(p.numel() for p in model.parameters()) == layers.total_params(infos)
    assert len(infos) == len(specs) and [i.index for i in infos] == list(range(1, len(specs) + 1))


def test_summary_settings_read_in_both_languages():
    specs = [{"kind": "conv2d", "filters": 8, "kernel": 3, "padding": 1, "activation": "relu"}, {"kind": "maxpool", "size": 2},
             {"kind": "dropout", "rate": 0.25}, {"kind": "flatten"}, {"kind": "dense", "units": 10}]
    infos = layers.validate(specs, (1, 28, 28))
    english = [layers.settings_text(info, "en") for info in infos]
    assert english == [info.label for info in infos]  # English is the technical label, unchanged
    assert english[0] == "conv2d 8×3×3, stride 1, padding 1, relu" and english[-1] == "dense 10, linear"
    korean = [layers.settings_text(info, "ko") for info in infos]
    assert korean[0] == "필터 8개 3×3, 스트라이드 1, 패딩 1, ReLU" and korean[-1] == "뉴런 10개, 선형"
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in text) for text in korean), korean

"""Convolution geometry (playground/conv_geometry.py) against PyTorch: output sizes of nn.Conv2d and the pooling
layers over a grid of n, k, s, p; the cells no position covers against autograd; the page's numeric example
against torch.nn.functional.conv2d / max_pool2d / avg_pool2d; the layer builder uses the same function."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from playground import conv_geometry as cg
from playground import layers
from playground.errors import UserError

GRID = list(itertools.product(range(1, 11), range(1, 7), range(1, 5), range(0, 4)))  # n, k, s, p


def test_output_size_equals_conv2d_over_a_grid():
    for n, k, s, p in GRID:
        conv = nn.Conv2d(1, 1, k, stride=s, padding=p, bias=False)
        x = torch.zeros(1, 1, n, n + 1)  # height n, width n + 1: the two axes are independent
        if k > n + 2 * p:
            with pytest.raises(RuntimeError):
                conv(x)
            with pytest.raises(cg.DoesNotFit):
                cg.output_size(n, k, s, p)
            assert not cg.fits(n, k, p)
            continue
        shape = conv(x).shape
        assert (cg.output_size(n, k, s, p), cg.output_size(n + 1, k, s, p)) == tuple(shape[2:]), (n, k, s, p)
        assert cg.Geometry(n, n + 1, k, s, p).output == tuple(shape[2:])
        assert cg.starts(n, k, s, p) == list(range(0, shape[2] * s, s))


@pytest.mark.parametrize("pool", [nn.MaxPool2d, nn.AvgPool2d])
def test_output_size_equals_pooling_over_a_grid(pool):
    for n, k, s, p in GRID:
        if p > k // 2 or k > n + 2 * p:  # PyTorch's pooling allows padding up to half the window only
            continue
        shape = pool(k, stride=s, padding=p)(torch.zeros(1, 1, n, n)).shape
        assert cg.output_size(n, k, s, p) == shape[2], (pool.__name__, n, k, s, p)


def test_pooling_mode_uses_the_window_as_stride_and_no_padding():
    geo = cg.geometry(9, 8, 2, stride=3, padding=2, mode="max")
    assert (geo.stride, geo.padding) == (2, 0)
    assert geo.output == tuple(nn.MaxPool2d(2)(torch.zeros(1, 1, 9, 8)).shape[2:]) == (4, 4)
    assert cg.geometry(9, 8, 3, 2, 1).output == tuple(nn.Conv2d(1, 1, 3, 2, 1)(torch.zeros(1, 1, 9, 8)).shape[2:])
    with pytest.raises(UserError, match="Unknown layer"):
        cg.geometry(9, 9, 2, 1, 0, mode="min")


def _never_touched(n: int, k: int, s: int, p: int) -> list[int]:
    """Input columns whose gradient is zero under an all-ones kernel: autograd says no position used them."""
    x = torch.ones(1, 1, 1, n, requires_grad=True)
    F.conv2d(x, torch.ones(1, 1, 1, k), stride=(1, s), padding=(0, p)).sum().backward()
    return [i for i in range(n) if x.grad[0, 0, 0, i] == 0]


def test_uncovered_cells_are_the_ones_autograd_never_reaches():
    for n, k, s, p in GRID:
        if cg.fits(n, k, p):
            assert cg.uncovered(n, k, s, p) == _never_touched(n, k, s, p), (n, k, s, p)
    assert cg.uncovered(7, 2, 2, 0) == [6]  # 2×2 pooling on 7: the last row/column is dropped
    assert cg.uncovered(7, 1, 3, 0) == [1, 2, 4, 5]  # stride larger than the kernel skips cells
    assert cg.uncovered(7, 3, 1, 1) == []


def test_positions_run_row_by_row_over_the_output():
    geo = cg.Geometry(7, 7, 3, 2, 1)
    assert geo.output == (4, 4) and geo.positions == 16
    assert [geo.window(i) for i in (0, 1, 3, 4, 15)] == [(0, 0), (0, 2), (0, 6), (2, 0), (6, 6)]
    assert geo.cell(5) == (1, 1)
    assert cg.Geometry(3, 3, 7).positions == 0 and not cg.Geometry(3, 3, 7).fits


def test_play_steps_through_every_position_and_stops_on_the_last():
    seen, index, playing = [0], 0, True
    while playing:
        index, playing = cg.advance(index, 5)
        seen.append(index)
    assert seen == [0, 1, 2, 3, 4]
    assert cg.advance(4, 5) == (4, False)  # already at the end: stays there
    assert cg.advance(0, 0) == (0, False)


def _torch_conv(image, kernel, s, p):
    x = torch.tensor(image, dtype=torch.float64)[None, None]
    w = torch.tensor(kernel, dtype=torch.float64)[None, None]
    return F.conv2d(x, w, stride=s, padding=p)[0, 0].numpy()


@pytest.mark.parametrize("h,w,k,s,p", [(7, 7, 3, 1, 0), (7, 7, 3, 1, 1), (8, 8, 3, 2, 1), (7, 9, 2, 3, 0),
                                       (5, 6, 4, 1, 2), (12, 10, 5, 2, 2), (3, 3, 1, 1, 0)])
@pytest.mark.parametrize("name", [*cg.KERNELS, "random"])
def test_numeric_example_equals_torch_conv2d(h, w, k, s, p, name):
    image = cg.sample_image(h, w)
    kernel = np.random.default_rng(k * 31 + s).normal(size=(k, k)) if name == "random" else cg.kernel_preset(name, k)
    geo = cg.Geometry(h, w, k, s, p)
    expected = _torch_conv(image, kernel, s, p)
    np.testing.assert_allclose(cg.output_values(image, geo, "conv", kernel), expected, atol=1e-12)
    index = geo.positions - 1  # the page's products at one position sum to that output cell
    r, c = geo.cell(index)
    assert float((cg.patch(image, geo, index) * kernel).sum()) == pytest.approx(expected[r, c])


@pytest.mark.parametrize("mode,torch_pool", [("max", F.max_pool2d), ("avg", F.avg_pool2d)])
@pytest.mark.parametrize("h,w,k", [(7, 7, 2), (8, 8, 2), (9, 7, 3), (6, 6, 1)])
def test_pooling_example_equals_torch(mode, torch_pool, h, w, k):
    image = cg.sample_image(h, w) + np.arange(h * w).reshape(h, w) / 100  # distinct values: the max is unique
    geo = cg.geometry(h, w, k, 1, 0, mode=mode)
    expected = torch_pool(torch.tensor(image)[None, None], k)[0, 0].numpy()
    np.testing.assert_allclose(cg.output_values(image, geo, mode), expected, atol=1e-12)


def test_the_seven_and_the_named_kernels():
    assert np.array_equal(cg.sample_image(7, 7), cg.SEVEN)
    assert cg.sample_image(14, 14)[2:4, 2:4].tolist() == [[1, 1], [1, 1]]  # each cell becomes 2×2
    assert cg.kernel_preset("vedge", 3).tolist() == [[1, 0, -1]] * 3
    assert cg.kernel_preset("hedge", 3).tolist() == [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]
    assert cg.kernel_preset("identity", 3).tolist() == [[0, 0, 0], [0, 1, 0], [0, 0, 0]]
    image = cg.sample_image(7, 7)  # identity with padding 1 copies the image, as conv2d does
    np.testing.assert_array_equal(_torch_conv(image, cg.kernel_preset("identity", 3), 1, 1), image)
    for k in (1, 2, 4, 5):
        assert cg.kernel_preset("identity", k).sum() == 1 and cg.kernel_preset("box", k).sum() == k * k
    with pytest.raises(UserError, match="Unknown kernel"):
        cg.kernel_preset("sobel", 3)


def test_kernel_text_round_trips_and_bad_text_is_a_sentence():
    kernel = np.array([[1, 0.5, -1], [2, 0, -2.25], [1e-3, 0, 99]])
    assert np.array_equal(cg.parse_kernel(cg.format_kernel(kernel), 3), kernel)
    for text, message in (("1,2;3", "must be 3×3"), ("1,2,3;4,5,6", "must be 3×3"), ("a,b", "must be a number"),
                          ("1,2;3,x", "must be a number"), ("100,0;0,0", "between"), ("nan,0;0,0", "must be a number"),
                          ("9" * 3000, "must be a number")):
        with pytest.raises(UserError, match=message):
            cg.parse_kernel(text, 3 if "3" in message else 2)


def test_bad_numbers_are_sentences():
    for args in ((0, 3, 1, 0), (5, 3, 0, 0), (5, 3, 1, -1), (5, 2.5, 1, 0), (5, True, 1, 0)):
        with pytest.raises(UserError, match="must be a whole number"):
            cg.output_size(*args)


def test_layer_builder_uses_the_same_function(monkeypatch):
    # The builder's conv and pooling shapes come from conv_geometry.output_size: replace it and they follow.
    spec = [{"kind": "conv2d", "filters": 2, "kernel": 3, "stride": 2, "padding": 1}, {"kind": "maxpool", "size": 2}]
    infos = layers.validate(spec, (1, 28, 28))
    assert [i.output_shape for i in infos] == [(2, 14, 14), (2, 7, 7)]
    calls = []
    monkeypatch.setattr(cg, "output_size", lambda n, k, s=1, p=0: calls.append((n, k, s, p)) or 5)
    assert [i.output_shape for i in layers.validate(spec, (1, 28, 28))] == [(2, 5, 5), (2, 5, 5)]
    assert calls == [(28, 3, 2, 1), (28, 3, 2, 1), (5, 2, 2, 0), (5, 2, 2, 0)]


def test_lesson_check_agrees_with_torch_shapes():
    from playground import lessons as L

    for h, w, k, s, p in ((28, 28, 3, 1, 1), (28, 28, 3, 2, 1), (14, 14, 2, 1, 0), (9, 7, 4, 3, 2)):
        rows, cols = nn.Conv2d(1, 1, k, stride=s, padding=p)(torch.zeros(1, 1, h, w)).shape[2:]
        state = {"h": h, "w": w, "k": k, "s": s, "p": p, "mode": "conv"}
        assert L.conv_output_is(state, rows, cols) and not L.conv_output_is(state, rows + 1, cols)
    pooled = nn.MaxPool2d(2)(torch.zeros(1, 1, 14, 14)).shape[2:]
    assert L.conv_output_is({"h": 14, "w": 14, "k": 2, "s": 1, "p": 1, "mode": "max"}, *pooled, mode="max")
    assert not L.conv_output_is({"h": 14, "w": 14, "k": 2, "s": 2, "p": 0, "mode": "conv"}, *pooled, mode="max")
    assert not L.conv_output_is({"h": 3, "w": 3, "k": 7, "s": 1, "p": 0}, 1, 1)  # no position: no output

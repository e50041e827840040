"""Convolution explained with a trained model's own numbers: one input, every step from pixels to digit.

`trace` runs one input through a `layers.build` model module by module (eval mode: dropout passes
values through, batch normalisation uses its running statistics) and keeps a NumPy copy of every
module's input, output and parameters, so the page can draw them after the model's lock is released.
The explainers then redo one cell of one step by hand - the kernel's products and their sum, one
pooling window, one activation, one dense unit, the softmax - in float64 from those copies; tests
check each against the module's own output.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from playground import conv_geometry, layers

# module type -> the step's kind (activations are named by the layer's spec: "relu", "tanh", ...)
_KINDS: tuple[tuple[type[nn.Module], str], ...] = (
    (nn.Conv2d, "conv2d"), (nn.Linear, "dense"), (nn.MaxPool2d, "maxpool"), (nn.AvgPool2d, "avgpool"),
    (nn.Flatten, "flatten"), (nn.Dropout, "dropout"), (nn.modules.batchnorm._BatchNorm, "batchnorm"),
)


@dataclass(frozen=True)
class Step:
    """One module of the network applied to the traced input (batch dimension dropped)."""

    layer: int  # 1-based layer number of the spec list (a conv and its activation share it)
    kind: str  # conv2d, dense, maxpool, avgpool, flatten, dropout, batchnorm, or the activation's name
    spec: dict  # the layer's normalised spec
    input: np.ndarray  # float32
    output: np.ndarray  # float32
    params: dict = field(default_factory=dict)  # NumPy copies: weight, bias / running_mean, ... / rate


@dataclass(frozen=True)
class Trace:
    x: np.ndarray  # the network's input (C, H, W)
    steps: tuple[Step, ...]

    @property
    def logits(self) -> np.ndarray:
        """The network's output: the raw class scores softmax turns into probabilities."""
        return self.steps[-1].output

    def conv_steps(self) -> list[int]:
        """Indices (into `steps`) of the convolutions."""
        return [i for i, s in enumerate(self.steps) if s.kind == "conv2d"]


def _kind(module: nn.Module, spec: dict) -> str:
    for cls, kind in _KINDS:
        if isinstance(module, cls):
            return kind
    return spec.get("activation", type(module).__name__.lower())


def _params(module: nn.Module) -> dict:
    copy = lambda t: t.detach().cpu().numpy().astype(np.float64)  # noqa: E731
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        return {"weight": copy(module.weight), "bias": copy(module.bias)}
    if isinstance(module, nn.modules.batchnorm._BatchNorm):
        return {"mean": copy(module.running_mean), "var": copy(module.running_var), "weight": copy(module.weight),
                "bias": copy(module.bias), "eps": float(module.eps)}
    if isinstance(module, nn.Dropout):
        return {"rate": float(module.p)}
    if isinstance(module, nn.LeakyReLU):
        return {"slope": float(module.negative_slope)}
    if isinstance(module, nn.ELU):
        return {"alpha": float(module.alpha)}
    return {}


def trace(model: nn.Sequential, specs: list[dict], input_shape: tuple[int, ...], x: np.ndarray) -> Trace:
    """Run one input `x` (of `input_shape`) through `model` in eval mode, keeping every module's numbers.

    Call it under the lock that guards the model; the result holds no reference to it.
    """
    normalised = [dict(info.spec) for info in layers.validate(specs, input_shape)]
    ends = list(getattr(model, "layer_ends", range(len(model))))
    device = next(model.parameters()).device
    value = torch.as_tensor(np.asarray(x, dtype=np.float32).reshape(1, *input_shape)).to(device)
    steps, layer = [], 0
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            for i, module in enumerate(model):
                out = module(value)
                spec = normalised[layer]
                steps.append(Step(layer + 1, _kind(module, spec), spec, value[0].cpu().numpy().copy(),
                                  out[0].cpu().numpy().copy(), _params(module)))
                value = out
                if layer < len(ends) and i == ends[layer]:
                    layer += 1
    finally:
        model.train(was_training)
    return Trace(np.asarray(x, dtype=np.float32).reshape(input_shape), tuple(steps))


# ------------------------------------------------------------------------------ convolution


# ⌊(n + 2p − k) / s⌋ + 1, how many positions the kernel takes along one side: the one formula the layer
# builder and the Convolution page use (playground/conv_geometry.py).
output_size = conv_geometry.output_size


@dataclass(frozen=True)
class ConvCell:
    """One output cell of one filter, worked out by hand."""

    filter: int
    row: int
    col: int
    top: int  # the window's top-left corner in the (unpadded) input; negative inside the padding
    left: int
    patch: np.ndarray  # (in_channels, k, k) the input under the kernel (zeros in the padding)
    kernel: np.ndarray  # (in_channels, k, k)
    products: np.ndarray  # patch * kernel, element by element
    channel_sums: np.ndarray  # (in_channels,) the products of each input channel, summed
    bias: float
    value: float  # Σ products + bias
    model_value: float  # the same cell of the module's own output


def conv_cell(step: Step, filter: int, row: int, col: int) -> ConvCell:
    """The numbers behind output cell (`row`, `col`) of feature map `filter` of conv `step`."""
    weight, spec = step.params["weight"], step.spec
    k, s, p = spec["kernel"], spec["stride"], spec["padding"]
    padded = np.pad(step.input.astype(np.float64), ((0, 0), (p, p), (p, p)))
    top, left = row * s, col * s
    patch = padded[:, top : top + k, left : left + k]
    kernel = weight[filter]
    products = patch * kernel
    channel_sums = products.sum(axis=(1, 2))
    bias = float(step.params["bias"][filter])
    return ConvCell(filter, row, col, top - p, left - p, patch, kernel, products, channel_sums, bias,
                    float(channel_sums.sum() + bias), float(step.output[filter, row, col]))


def position(index: int, width: int) -> tuple[int, int]:
    """The kernel's `index`-th position (0-based, row by row) on an output `width` cells wide."""
    return divmod(int(index), int(width))


def filled_so_far(feature_map: np.ndarray, index: int) -> np.ndarray:
    """The map with the cells after position `index` (row by row) blank (NaN): what the kernel has filled."""
    flat = np.asarray(feature_map, dtype=np.float64).reshape(-1).copy()
    flat[index + 1 :] = np.nan
    return flat.reshape(feature_map.shape)


# ------------------------------------------------------------------------------ the other steps


@dataclass(frozen=True)
class PoolCell:
    kind: str  # maxpool or avgpool
    channel: int
    row: int
    col: int
    size: int
    window: np.ndarray  # (size, size) of the input
    value: float  # its max or mean
    model_value: float


def pool_cell(step: Step, channel: int, row: int, col: int) -> PoolCell:
    """Output cell (`row`, `col`) of `channel` of a pooling `step`: its window and the window's max or mean."""
    size = step.spec["size"]
    window = step.input[channel, row * size : (row + 1) * size, col * size : (col + 1) * size].astype(np.float64)
    value = window.max() if step.kind == "maxpool" else window.mean()
    return PoolCell(step.kind, channel, row, col, size, window, float(value), float(step.output[channel, row, col]))


def activation(kind: str, x: np.ndarray, params: dict | None = None) -> np.ndarray:
    """The activation `kind` computed from its formula in float64 (to set beside the module's own output)."""
    x = np.asarray(x, dtype=np.float64)
    params = params or {}
    if kind == "relu":
        return np.maximum(0.0, x)
    if kind == "leaky_relu":
        return np.where(x >= 0, x, params.get("slope", 0.01) * x)
    if kind == "tanh":
        return np.tanh(x)
    if kind == "sigmoid":
        return 1.0 / (1.0 + np.exp(-x))
    if kind == "silu":
        return x / (1.0 + np.exp(-x))
    if kind == "elu":
        return np.where(x > 0, x, params.get("alpha", 1.0) * np.expm1(np.minimum(x, 0)))
    if kind == "gelu":
        erf = np.vectorize(math.erf)
        return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))
    raise ValueError(f"unknown activation {kind!r}")


def batchnorm_value(step: Step, index: tuple[int, ...]) -> tuple[float, float, float, float, float, float]:
    """(x, running mean, running variance, γ, β, y) for one cell of a batch-normalisation `step` in eval mode."""
    channel = index[0]
    p = step.params
    x = float(step.input[index])
    mean, var, gamma, beta = (float(p[k][channel]) for k in ("mean", "var", "weight", "bias"))
    y = gamma * (x - mean) / math.sqrt(var + p["eps"]) + beta
    return x, mean, var, gamma, beta, y


@dataclass(frozen=True)
class DenseUnit:
    unit: int
    inputs: np.ndarray  # the layer's input vector
    weights: np.ndarray  # the unit's row of the weight matrix
    bias: float
    value: float  # Σ w·x + b
    model_value: float
    top: np.ndarray  # indices of the inputs whose products w·x are largest in size, largest first


def dense_unit(step: Step, unit: int, top: int = 5) -> DenseUnit:
    """Unit `unit` of a dense `step`: Σ wᵢ·xᵢ + b from the layer's input and weights."""
    x = step.input.astype(np.float64).reshape(-1)
    w = step.params["weight"][unit]
    bias = float(step.params["bias"][unit])
    products = w * x
    order = np.argsort(-np.abs(products), kind="stable")[:top]
    return DenseUnit(unit, x, w, bias, float(products.sum() + bias), float(step.output[unit]), order)


def softmax(logits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(exp(zᵢ), probabilities) for the logits, as the formula writes them (no shift, so the page shows eᶻ)."""
    z = np.asarray(logits, dtype=np.float64).reshape(-1)
    # Logits above ~700 would overflow: then shift by the largest (softmax does not change).
    exps = np.exp(z) if z.max() < 700 else np.exp(z - z.max())
    return exps, exps / exps.sum()


def followed_cell(trace: Trace, start: int, cell: tuple[int, int, int]) -> list[tuple[int, ...] | None]:
    """Where the cell (channel, row, col) of step `start`'s output goes in each later step.

    Activations, dropout and batch normalisation keep it in place; pooling moves it to the window that
    holds it; flatten to its index in the vector. After a dense layer or another convolution every
    output depends on every input: after a dense layer it is None; after another convolution the path
    follows that convolution's strongest cell instead. Entries before `start` are None.
    """
    where: list[tuple[int, ...] | None] = [None] * len(trace.steps)
    current: tuple[int, ...] | None = tuple(cell)
    where[start] = current
    for i in range(start + 1, len(trace.steps)):
        step = trace.steps[i]
        if step.kind == "conv2d":
            current = tuple(int(v) for v in np.unravel_index(int(np.argmax(step.output)), step.output.shape))
        elif current is None or step.kind == "dense":
            current = None
        elif step.kind in ("maxpool", "avgpool"):
            size = step.spec["size"]
            c, r, q = current
            oh, ow = step.output.shape[1:]
            current = (c, r // size, q // size) if r // size < oh and q // size < ow else None
        elif step.kind == "flatten":
            current = (int(np.ravel_multi_index(current, step.input.shape)),) if len(current) == 3 else current
        where[i] = current
    return where

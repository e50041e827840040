"""Networks as plain data: layer specs -> validated shapes, parameter counts, torch models, code.

A network is a list of JSON-serialisable dicts, so it can travel in URLs, saved files and
exported code::

    {"kind": "dense", "units": 4, "activation": "tanh"}
    {"kind": "conv2d", "filters": 8, "kernel": 3, "stride": 1, "padding": 1, "activation": "relu"}
    {"kind": "maxpool", "size": 2}   {"kind": "avgpool", "size": 2}          (stride = size)
    {"kind": "flatten"}   {"kind": "dropout", "rate": 0.5}   {"kind": "batchnorm"}

Input shapes are ``(features,)`` for vectors and ``(channels, height, width)`` for images.
`validate` infers every layer's output shape and parameter count and refuses impossible
stacks with a sentence naming the layer; `build` turns the specs into a ``torch.nn.Sequential``
(one module per layer plus one per non-linear activation). Scripts that rebuild and train the
same network are written by playground.export_code.

Optional keys and their defaults: dense/conv2d ``activation`` ("linear"), conv2d ``stride`` (1)
and ``padding`` (0). Any other missing key, unknown key or wrong type is refused.
"""

from __future__ import annotations

import math
import numbers
import random
from dataclasses import dataclass, field
from typing import Any, Sequence

import torch
from torch import nn

from playground import conv_geometry, i18n
from playground.errors import UserError

LAYER_KINDS = ("dense", "conv2d", "maxpool", "avgpool", "flatten", "dropout", "batchnorm")
LAYER_ACTIVATIONS = ("linear", "relu", "tanh", "sigmoid", "leaky_relu", "gelu", "silu", "elu")

# Refuse networks that would swamp a shared classroom server rather than crash it.
MAX_PARAMS = 2_500_000  # 10 MB of float32 weights: a saved model stays under the 12 MB upload limit
MAX_VALUES_PER_EXAMPLE = 4_000_000
# One training step of one session may need at most this much memory (weights, gradients,
# optimiser state and the activations of a whole batch): thirty students share a class server.
MAX_STEP_BYTES = 1 * 2**30
_OPTIMIZER_STATES = {"sgd": 0, "momentum": 1, "adam": 2, "rmsprop": 1}  # extra tensors per weight

# name -> (module factory, the same in exported code: playground.export_code); "linear" adds no module.
_ACTIVATION_MODULES: dict[str, tuple[type[nn.Module], str]] = {
    "relu": (nn.ReLU, "nn.ReLU()"),
    "tanh": (nn.Tanh, "nn.Tanh()"),
    "sigmoid": (nn.Sigmoid, "nn.Sigmoid()"),
    "leaky_relu": (nn.LeakyReLU, "nn.LeakyReLU()"),
    "gelu": (nn.GELU, "nn.GELU()"),
    "silu": (nn.SiLU, "nn.SiLU()"),
    "elu": (nn.ELU, "nn.ELU()"),
}

# kind -> (required keys, optional keys with defaults)
_KEYS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "dense": (("units",), {"activation": "linear"}),
    "conv2d": (("filters", "kernel"), {"stride": 1, "padding": 0, "activation": "linear"}),
    "maxpool": (("size",), {}),
    "avgpool": (("size",), {}),
    "flatten": ((), {}),
    "dropout": (("rate",), {}),
    "batchnorm": ((), {}),
}


@dataclass(frozen=True)
class LayerInfo:
    """One row of the summary table."""

    index: int  # 1-based, as students count layers
    kind: str
    label: str  # short technical description, e.g. "dense 4, tanh"
    output_shape: tuple[int, ...]
    params: int
    spec: dict = field(default_factory=dict, compare=False, repr=False)  # the normalised layer, for settings_text


class SeededDropout(nn.Dropout):
    """`nn.Dropout` that can draw its mask from its own generator.

    The trainer gives it a generator so that a seeded run is reproducible even while other
    sessions train in other threads (the global RNG is shared by all of them). Without a
    generator it is exactly `nn.Dropout`.
    """

    generator: torch.Generator | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.generator is None or not self.training or self.p == 0.0:
            return super().forward(x)
        keep = 1.0 - self.p
        mask = torch.empty_like(x).bernoulli_(keep, generator=self.generator)
        return x * mask / keep


# ---------------------------------------------------------------------------- validation


def _shape_text(shape: Sequence[int]) -> str:
    return "×".join(str(s) for s in shape)


def _check_input_shape(input_shape: object) -> tuple[int, ...]:
    ok = isinstance(input_shape, (tuple, list)) and len(input_shape) in (1, 3)
    if ok:
        ok = all(isinstance(s, numbers.Integral) and not isinstance(s, bool) and s > 0 for s in input_shape)
    if not ok:
        raise UserError("core.layers.bad_input_shape", shape=repr(input_shape))
    return tuple(int(s) for s in input_shape)


def _whole(value: object, index: int, kind: str, key: str, low: int) -> int:
    """`value` as an int >= low (integral floats such as 4.0 accepted), else a UserError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise UserError("core.layers.not_int", index=index, kind=kind, name=key, value=repr(value))
    if isinstance(value, numbers.Integral):
        number = int(value)
    elif math.isfinite(float(value)) and float(value).is_integer():
        number = int(value)
    else:
        raise UserError("core.layers.not_int", index=index, kind=kind, name=key, value=repr(value))
    if number < low:
        raise UserError("core.layers.too_small", index=index, kind=kind, name=key, low=low, value=number)
    return number


def _normalise(spec: object, index: int) -> dict[str, Any]:
    """The spec with defaults filled in and types checked (shape-independent checks)."""
    if not isinstance(spec, dict):
        raise UserError("core.layers.not_dict", index=index)
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in LAYER_KINDS:
        raise UserError("core.layers.unknown_kind", index=index, kind=str(kind), choices=", ".join(LAYER_KINDS))
    required, optional = _KEYS[kind]
    allowed = ("kind", *required, *optional)
    for key in spec:
        if key not in allowed:
            raise UserError("core.layers.extra_key", index=index, kind=kind, name=str(key), allowed=", ".join(allowed[1:]) or "-")
    for key in required:
        if key not in spec:
            raise UserError("core.layers.missing_key", index=index, kind=kind, name=key)
    out: dict[str, Any] = {"kind": kind, **optional, **{k: v for k, v in spec.items() if k != "kind"}}
    if kind == "dense":
        out["units"] = _whole(out["units"], index, kind, "units", 1)
    elif kind == "conv2d":
        out["filters"] = _whole(out["filters"], index, kind, "filters", 1)
        out["kernel"] = _whole(out["kernel"], index, kind, "kernel", 1)
        out["stride"] = _whole(out["stride"], index, kind, "stride", 1)
        out["padding"] = _whole(out["padding"], index, kind, "padding", 0)
    elif kind in ("maxpool", "avgpool"):
        out["size"] = _whole(out["size"], index, kind, "size", 1)
    elif kind == "dropout":
        rate = out["rate"]
        if isinstance(rate, bool) or not isinstance(rate, numbers.Real) or not 0.0 <= rate < 1.0 or rate != rate:
            raise UserError("core.layers.bad_rate", index=index, value=repr(rate))
        out["rate"] = float(rate)
    if "activation" in out:
        act = out["activation"]
        if not isinstance(act, str) or act not in LAYER_ACTIVATIONS:
            raise UserError(
                "core.layers.unknown_activation", index=index, kind=kind, value=repr(act), choices=", ".join(LAYER_ACTIVATIONS)
            )
    return out


def _label(spec: dict[str, Any]) -> str:
    kind = spec["kind"]
    if kind == "dense":
        return f"dense {spec['units']}, {spec['activation']}"
    if kind == "conv2d":
        k = spec["kernel"]
        return f"conv2d {spec['filters']}×{k}×{k}, stride {spec['stride']}, padding {spec['padding']}, {spec['activation']}"
    if kind in ("maxpool", "avgpool"):
        return f"{kind} {spec['size']}×{spec['size']}"
    if kind == "dropout":
        return f"dropout {spec['rate']:g}"
    return kind


def settings_text(info: LayerInfo, lang: str) -> str:
    """The summary table's "settings" cell in `lang` ("dense 4, tanh" / "뉴런 4개, tanh")."""
    spec, kind = info.spec, info.kind
    if not spec:
        return info.label
    fields: dict[str, object] = {}
    if "activation" in spec:
        fields["activation"] = i18n.text(f"core.layer_act.{spec['activation']}", lang)
    if kind == "dense":
        return i18n.text("core.settings.dense", lang, units=spec["units"], **fields)
    if kind == "conv2d":
        return i18n.text("core.settings.conv2d", lang, filters=spec["filters"], k=spec["kernel"], stride=spec["stride"],
                         padding=spec["padding"], **fields)
    if kind in ("maxpool", "avgpool"):
        return i18n.text(f"core.settings.{kind}", lang, size=spec["size"])
    if kind == "dropout":
        return i18n.text("core.settings.dropout", lang, rate=f"{spec['rate']:g}")
    return i18n.text(f"core.settings.{kind}", lang)


def _infer(spec: dict[str, Any], shape: tuple[int, ...], index: int) -> tuple[tuple[int, ...], int]:
    """Output shape and parameter count of one normalised layer on an input of `shape`."""
    kind = spec["kind"]
    image = len(shape) == 3
    if kind in ("conv2d", "maxpool", "avgpool") and not image:
        raise UserError("core.layers.needs_image", index=index, kind=kind, size=shape[0])
    if kind == "dense":
        if image:
            raise UserError("core.layers.needs_flatten", index=index, shape=_shape_text(shape))
        return (spec["units"],), shape[0] * spec["units"] + spec["units"]
    if kind == "conv2d":
        c, h, w = shape
        k, s, p = spec["kernel"], spec["stride"], spec["padding"]
        try:  # the page "Convolution" teaches this same function
            out = (spec["filters"], conv_geometry.output_size(h, k, s, p), conv_geometry.output_size(w, k, s, p))
        except conv_geometry.DoesNotFit:
            if p:
                raise UserError(
                    "core.layers.kernel_too_large_padded", index=index, kernel=k, height=h, width=w,
                    padded_height=h + 2 * p, padded_width=w + 2 * p,
                ) from None
            raise UserError("core.layers.kernel_too_large", index=index, kernel=k, height=h, width=w) from None
        return out, k * k * c * spec["filters"] + spec["filters"]
    if kind in ("maxpool", "avgpool"):
        c, h, w = shape
        size = spec["size"]
        try:  # a pooling window is a kernel with stride = size and no padding
            return (c, conv_geometry.output_size(h, size, size, 0), conv_geometry.output_size(w, size, size, 0)), 0
        except conv_geometry.DoesNotFit:
            raise UserError("core.layers.pool_too_large", index=index, kind=kind, size=size, height=h, width=w) from None
    if kind == "flatten":
        return (math.prod(shape),), 0
    if kind == "batchnorm":
        return shape, 2 * shape[0]
    return shape, 0  # dropout


def _check(specs: object, input_shape: object) -> tuple[list[dict[str, Any]], list[LayerInfo], tuple[int, ...]]:
    shape = _check_input_shape(input_shape)
    if not isinstance(specs, (list, tuple)):
        raise UserError("core.layers.not_list")
    if not specs:
        raise UserError("core.layers.empty")
    normalised, infos, total = [], [], 0
    for index, spec in enumerate(specs, start=1):
        layer = _normalise(spec, index)
        shape, params = _infer(layer, shape, index)
        total += params
        if math.prod(shape) > MAX_VALUES_PER_EXAMPLE:
            raise UserError("core.layers.too_many_values", index=index, values=math.prod(shape), limit=MAX_VALUES_PER_EXAMPLE)
        if total > MAX_PARAMS:
            raise UserError("core.layers.too_many_params", index=index, params=total, limit=MAX_PARAMS)
        normalised.append(layer)
        infos.append(LayerInfo(index, layer["kind"], _label(layer), shape, params, dict(layer)))
    return normalised, infos, _check_input_shape(input_shape)


def validate(specs: Sequence[dict], input_shape: Sequence[int]) -> list[LayerInfo]:
    """Every layer's output shape and parameter count; UserError naming the layer if impossible."""
    return _check(specs, input_shape)[1]


def step_bytes(specs: Sequence[dict], input_shape: Sequence[int], batch_size: int, optimizer: str = "adam") -> int:
    """About how many bytes one float32 training step of `specs` at `batch_size` needs.

    Weights, their gradients and the optimiser's state, plus for every layer its output for the
    whole batch, kept for the backward pass and matched by a gradient of the same size (twice
    that for a layer with an activation, whose output is kept too). Checked against a measured
    step in tests/test_step_memory.py.
    """
    normalised, infos, shape = _check(specs, input_shape)
    params = sum(info.params for info in infos)
    weights = params * (2 + _OPTIMIZER_STATES.get(optimizer, 2))
    values = math.prod(shape)  # the input batch
    for layer, info in zip(normalised, infos):
        if layer["kind"] == "flatten":
            continue  # a view of its input: no memory of its own
        tensors = 2 if layer.get("activation", "linear") != "linear" else 1
        values += 2 * tensors * math.prod(info.output_shape)
    return 4 * (weights + int(batch_size) * values)


def check_step_memory(specs: Sequence[dict], input_shape: Sequence[int], batch_size: int, optimizer: str = "adam") -> int:
    """`step_bytes`, or a UserError saying how much a step would need and what the limit is."""
    needed = step_bytes(specs, input_shape, batch_size, optimizer)
    if needed > MAX_STEP_BYTES:
        raise UserError("core.layers.step_memory", batch=batch_size, needed=f"{needed / 2**20:,.0f}",
                        limit=f"{MAX_STEP_BYTES / 2**20:,.0f}")
    return needed


def total_params(infos: Sequence[LayerInfo]) -> int:
    """Trainable parameters of the whole network."""
    return sum(info.params for info in infos)


def output_units(specs: Sequence[dict], input_shape: Sequence[int]) -> tuple[int, ...]:
    """The network's output shape (validating the specs)."""
    return validate(specs, input_shape)[-1].output_shape


def dense_stack(hidden: Sequence[int], activation: str | Sequence[str], n_outputs: int) -> list[dict]:
    """Hidden dense layers (one activation for all, or one each) and a linear output layer."""
    hidden = list(hidden)
    acts = [activation] * len(hidden) if isinstance(activation, str) else list(activation)
    if len(acts) != len(hidden):
        raise UserError("core.layers.activation_count", layers=len(hidden), activations=len(acts))
    specs = [{"kind": "dense", "units": units, "activation": act} for units, act in zip(hidden, acts)]
    specs.append({"kind": "dense", "units": n_outputs, "activation": "linear"})
    return specs


# ---------------------------------------------------------------------------- building


def _modules(spec: dict[str, Any], shape: tuple[int, ...]) -> list[nn.Module]:
    """Modules for one normalised layer, built without drawing random numbers."""
    kind = spec["kind"]
    if kind == "dense":
        mods: list[nn.Module] = [nn.utils.skip_init(nn.Linear, shape[0], spec["units"])]
    elif kind == "conv2d":
        mods = [
            nn.utils.skip_init(
                nn.Conv2d, shape[0], spec["filters"], spec["kernel"], stride=spec["stride"], padding=spec["padding"]
            )
        ]
    elif kind == "maxpool":
        mods = [nn.MaxPool2d(spec["size"])]
    elif kind == "avgpool":
        mods = [nn.AvgPool2d(spec["size"])]
    elif kind == "flatten":
        mods = [nn.Flatten()]
    elif kind == "dropout":
        mods = [SeededDropout(spec["rate"])]
    else:  # batchnorm: 1-d after dense layers, 2-d (per channel) after conv layers
        mods = [nn.BatchNorm1d(shape[0]) if len(shape) == 1 else nn.BatchNorm2d(shape[0])]
    act = spec.get("activation", "linear")
    if act != "linear":
        mods.append(_ACTIVATION_MODULES[act][0]())
    return mods


def _init_weights(model: nn.Sequential, generator: torch.Generator) -> None:
    """PyTorch's default initialisation, layer by layer in order, drawn from `generator`.

    The order and formulas are those of nn.Linear/nn.Conv2d.reset_parameters, so a script
    that calls torch.manual_seed(seed) and then builds the same layers gets the same weights.
    """
    with torch.no_grad():
        for module in model:
            if isinstance(module, (nn.Linear, nn.Conv2d)):
                nn.init.kaiming_uniform_(module.weight, a=math.sqrt(5), generator=generator)
                fan_in, _ = nn.init._calculate_fan_in_and_fan_out(module.weight)
                bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
                nn.init.uniform_(module.bias, -bound, bound, generator=generator)


def build(specs: Sequence[dict], input_shape: Sequence[int], seed: int | None = None) -> nn.Sequential:
    """A validated ``torch.nn.Sequential`` for `specs`; the same seed gives the same weights.

    The model gets a ``layer_ends`` attribute: the index of the last module of each layer,
    so `layer_outputs` can report every layer's output (after its activation).
    """
    normalised, infos, shape = _check(specs, input_shape)
    modules: list[nn.Module] = []
    ends = []
    for layer in normalised:
        modules.extend(_modules(layer, shape))
        ends.append(len(modules) - 1)
        shape = infos[len(ends) - 1].output_shape
    model = nn.Sequential(*modules)
    generator = torch.Generator()
    generator.manual_seed(seed if seed is not None else random.SystemRandom().randrange(2**63))
    _init_weights(model, generator)
    model.layer_ends = tuple(ends)
    return model


def layer_outputs(model: nn.Sequential, x: torch.Tensor) -> list[torch.Tensor]:
    """The output of every layer (after its activation) for input batch `x`."""
    ends = set(getattr(model, "layer_ends", range(len(model))))
    outputs = []
    for i, module in enumerate(model):
        x = module(x)
        if i in ends:
            outputs.append(x)
    return outputs


def has_kind(model: nn.Module, kind: type[nn.Module]) -> bool:
    """Whether any module of `model` is a `kind`."""
    return any(isinstance(m, kind) for m in model.modules())

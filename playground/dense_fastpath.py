"""Hand-derived forward and backward passes for tiny dense networks (the toy Playground's hot loop).

A step of the Playground's default network (2-4-2-1 tanh, batch 10) is a few hundred
floating-point operations, yet autograd, nn.Module calls and torch.optim's wrappers cost
~0.6 ms of Python and dispatch per step. For a plain stack of Linear layers with elementwise
activations the gradients are short formulas, so `DenseFastPath.step` computes them with a
handful of torch ops under ``torch.no_grad()`` and updates the model's own parameter tensors
in place. It is used only where it computes what the autograd path computes (see
`DenseFastPath.plan`); the activation derivatives are aten's own backward kernels, the ones
autograd calls, so the gradients match autograd's to float rounding.

Plain SGD and SGD with momentum are updated by hand with torch.optim.SGD's rule, their momentum
buffers kept in the optimiser's own state (so a fresh optimiser starts them afresh, as it
would for autograd). Every other optimiser setting gets the hand-computed gradients in
``p.grad`` and takes its own ``optimizer.step()``.
"""

from __future__ import annotations

from typing import Callable, Sequence

import torch
from torch import nn

aten = torch.ops.aten  # backward kernels are called by their .default overload: skips overload resolution

# Kinds of losses (as Trainer._loss names them) whose mean-reduced gradient is below.
FAST_LOSSES = ("cross_entropy", "bce", "mse")

# f'(z)·g for each activation module, as autograd computes it: from the pre-activation z or
# the activation's output a (tanh and sigmoid reuse their output, as their autograd nodes do).
Backward = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]  # (g, z, a) -> dL/dz


def _activation_backward(module: nn.Module) -> Backward | None:
    """The backward rule of `module`, or None when it is not a plain elementwise activation."""
    kind = type(module)  # exact types: a subclass may change forward
    if kind is nn.Tanh:
        return lambda g, z, a: aten.tanh_backward.default(g, a)
    if kind is nn.Sigmoid:
        return lambda g, z, a: aten.sigmoid_backward.default(g, a)
    if kind is nn.ReLU and not module.inplace:
        return lambda g, z, a: aten.threshold_backward.default(g, a, 0)  # relu's autograd uses its result
    if kind is nn.LeakyReLU and not module.inplace:
        slope = module.negative_slope
        return lambda g, z, a: aten.leaky_relu_backward.default(g, z, slope, False)
    if kind is nn.ELU and not module.inplace:
        alpha = module.alpha
        return lambda g, z, a: aten.elu_backward.default(g, alpha, 1, 1, False, z)
    if kind is nn.GELU:
        approximate = module.approximate
        return lambda g, z, a: aten.gelu_backward.default(g, z, approximate=approximate)
    if kind is nn.SiLU and not module.inplace:
        return lambda g, z, a: aten.silu_backward.default(g, z)
    return None


def _has_hooks(module: nn.Module) -> bool:
    return bool(module._forward_hooks or module._forward_pre_hooks or module._backward_hooks
                or getattr(module, "_backward_pre_hooks", None))


class _Layer:
    """One Linear layer and its (optional) activation: what the passes need of it."""

    __slots__ = ("weight", "bias", "act", "backward")

    def __init__(self, linear: nn.Linear) -> None:
        self.weight, self.bias = linear.weight, linear.bias
        self.act: Callable[[torch.Tensor], torch.Tensor] | None = None
        self.backward: Backward | None = None


def _dense_layers(model: nn.Module) -> list[_Layer] | None:
    """The model as [Linear (+ activation)] layers, or None when it is anything else."""
    if type(model) is not nn.Sequential or _has_hooks(model):
        return None
    result: list[_Layer] = []
    for module in model:
        if _has_hooks(module):
            return None
        if type(module) is nn.Linear and module.bias is not None:
            result.append(_Layer(module))
            continue
        backward = _activation_backward(module)
        if backward is None or not result or result[-1].act is not None:
            return None  # not an activation, or one not directly after a Linear layer
        result[-1].act, result[-1].backward = module, backward
    return result or None


def _params_ok(layer_list: Sequence[_Layer], device: torch.device) -> bool:
    """float32 leaf tensors on the CPU that need gradients: what the hand passes assume."""
    params = [t for layer in layer_list for t in (layer.weight, layer.bias)]
    return device.type == "cpu" and all(
        p.dtype == torch.float32 and p.device.type == "cpu" and p.requires_grad and p.is_leaf for p in params
    )


# ---------------------------------------------------------------------------- loss gradients
# dL/d(output) of each loss with reduction="mean", computed as aten's loss backward kernels do.


def _bce_grad(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.sigmoid(out).sub_(y).div_(out.numel())


def _cross_entropy_grad(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    # d/dz mean(-log softmax(z)[y]) = (softmax(z) - onehot(y)) / batch
    log_probs = torch.log_softmax(out, 1)
    upstream = torch.zeros_like(out).scatter_(1, y.unsqueeze(1), -1.0 / len(out))
    return aten._log_softmax_backward_data.default(upstream, log_probs, 1, out.dtype)


def _mse_grad(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (out - y).mul_(2.0 / out.numel())


_LOSS_GRADS: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "bce": _bce_grad,
    "cross_entropy": _cross_entropy_grad,
    "mse": _mse_grad,
}


# ---------------------------------------------------------------------------- the fast path


class DenseFastPath:
    """Training steps of a Linear+activation stack without autograd, updating the model in place.

    Build it with `plan` (None when the model or settings need the autograd path), call `bind`
    at the start of every run of steps (it rereads the optimiser: learning rate, a replaced
    optimiser, its momentum buffers), then `step` per mini-batch.
    """

    def __init__(self, layer_list: list[_Layer], loss: str) -> None:
        self.layers = layer_list
        self.weights = [layer.weight for layer in layer_list]
        self.params = [t for layer in layer_list for t in (layer.weight, layer.bias)]
        self._loss_grad = _LOSS_GRADS[loss]
        self._optimizer: torch.optim.Optimizer | None = None
        self._update: Callable[[list[torch.Tensor]], None] = self._optimizer_step
        self._weights_t = [w.t() for w in self.weights]

    @classmethod
    def plan(cls, model: nn.Module, loss: str, device: torch.device, small: bool) -> "DenseFastPath | None":
        """A fast path for `model`, or None unless it is exactly equivalent to autograd.

        Needs: a Sequential of biased Linear layers, each followed by at most one plain
        elementwise activation (no dropout, batch norm, conv, hooks), float32 parameters on
        the CPU, a small network (`small`: the trainer's single-thread case, where per-op
        overhead dominates), and one of the trainer's losses.
        """
        if loss not in _LOSS_GRADS or not small:
            return None
        layer_list = _dense_layers(model)
        if layer_list is None or not _params_ok(layer_list, device):
            return None
        return cls(layer_list, loss)

    # ------------------------------------------------------------------ optimiser

    def bind(self, optimizer: torch.optim.Optimizer) -> None:
        """Read the optimiser's settings and momentum buffers before a run of steps."""
        self._optimizer = optimizer
        self._update = self._optimizer_step
        # Transposed views share the weights' storage, so in-place updates show through; made
        # afresh per run of steps in case a weight's storage was replaced (``p.data = ...``).
        self._weights_t = [w.t() for w in self.weights]
        groups = optimizer.param_groups
        if type(optimizer) is not torch.optim.SGD or len(groups) != 1:
            return
        group = groups[0]
        if len(group["params"]) != len(self.params) or any(a is not b for a, b in zip(group["params"], self.params)):
            return
        if group["nesterov"] or group["maximize"] or group["dampening"] != 0 or group.get("differentiable"):
            return  # rare settings: let torch.optim.SGD apply its own rule
        self._lr, self._momentum, self._weight_decay = group["lr"], group["momentum"], group["weight_decay"]
        if self._momentum == 0:
            self._update = self._sgd_step
        else:
            states = [optimizer.state[p] for p in self.params]
            self._buffers = [state.get("momentum_buffer") for state in states]
            self._update = self._momentum_step

    def _decayed(self, grads: list[torch.Tensor]) -> list[torch.Tensor]:
        # torch.optim.SGD: grad = grad + weight_decay * param
        if self._weight_decay != 0:
            return torch._foreach_add(grads, self.params, alpha=self._weight_decay)
        return grads

    def _sgd_step(self, grads: list[torch.Tensor]) -> None:
        torch._foreach_add_(self.params, self._decayed(grads), alpha=-self._lr)

    def _momentum_step(self, grads: list[torch.Tensor]) -> None:
        grads = self._decayed(grads)
        buffers = self._buffers
        if buffers[0] is None:
            # torch.optim.SGD's first step: the buffer starts as a copy of the gradient
            buffers = [g.clone() for g in grads]
            for p, buffer in zip(self.params, buffers):
                self._optimizer.state[p]["momentum_buffer"] = buffer
            self._buffers = buffers
        else:
            torch._foreach_mul_(buffers, self._momentum)
            torch._foreach_add_(buffers, grads)  # dampening is 0: alpha = 1 - dampening = 1
        torch._foreach_add_(self.params, buffers, alpha=-self._lr)

    def _optimizer_step(self, grads: list[torch.Tensor]) -> None:
        for p, g in zip(self.params, grads):
            p.grad = g
        self._optimizer.step()

    # ------------------------------------------------------------------ one step

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, list[torch.Tensor], list[torch.Tensor]]:
        """(output, each layer's input, each layer's pre-activation), as nn.Linear computes them."""
        inputs, pre = [], []
        for layer, weight_t in zip(self.layers, self._weights_t):
            inputs.append(x)
            z = torch.addmm(layer.bias, x, weight_t)  # F.linear's CPU kernel
            pre.append(z)
            x = layer.act(z) if layer.act is not None else z
        return x, inputs, pre

    def gradients(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, list[torch.Tensor]]:
        """(output, [dW1, db1, dW2, db2, ...]) of the mean loss on the batch (x, y)."""
        out, inputs, pre = self.forward(x)
        g = self._loss_grad(out, y)
        grads: list[torch.Tensor] = []
        last = len(self.layers) - 1
        for i in range(last, -1, -1):
            layer = self.layers[i]
            if layer.backward is not None:
                a = out if i == last else inputs[i + 1]
                g = layer.backward(g, pre[i], a)
            grads.append(g.sum(0))
            grads.append(torch.mm(g.t(), inputs[i]))
            if i:
                g = torch.mm(g, layer.weight)
        grads.reverse()  # built last layer first as [db, dW]: reversed gives [dW1, db1, ...]
        return out, grads

    def step(self, x: torch.Tensor, y: torch.Tensor, regularization: str, rate: float) -> torch.Tensor:
        """One SGD step on (x, y) with the trainer's L1/L2 penalty; returns the batch's output."""
        out, grads = self.gradients(x, y)
        if regularization == "l2":
            torch._foreach_add_(grads[0::2], self.weights, alpha=2 * rate)
        elif regularization == "l1":
            torch._foreach_add_(grads[0::2], torch._foreach_sign(self.weights), alpha=rate)
        self._update(grads)
        return out

"""Activation functions: a registry from name to function, derivative and torch version.

Each `Activation` holds a NumPy function and its derivative (for charts and the
one-neuron demo), the matching torch function (for networks and for checking the
derivatives with autograd), LaTeX formulas for display, and a few facts a lesson
needs: whether gradient descent can train through it and its steepest slope.

The names used by the layer builder ("linear", "relu", "tanh", "sigmoid",
"leaky_relu", "gelu", "silu", "elu") are the same here; "step" and "softplus" are
extra, for teaching. Display names and the "when is it used" sentences live in
playground/texts/activations.py under "activations.name.<name>" and
"activations.use.<name>".

Conventions follow torch where a function has a kink: relu'(0) = 0,
leaky_relu'(0) = 0.01, elu'(0) = 1. The step function outputs 1 only when its
input is strictly positive, as the perceptron does (w·x + b > 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
import operator
from typing import TYPE_CHECKING, Callable

import numpy as np
from scipy.special import erf, expit

from playground.errors import UserError

if TYPE_CHECKING:
    import torch

ArrayFn = Callable[[np.ndarray], np.ndarray]
TensorFn = Callable[["torch.Tensor"], "torch.Tensor"]

LEAKY_SLOPE = 0.01  # torch.nn.LeakyReLU's default, so the layer builder and this page agree
ELU_ALPHA = 1.0  # torch.nn.ELU's default
_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


@dataclass(frozen=True)
class Activation:
    """One activation function with everything the pages and networks need."""

    name: str
    fn: ArrayFn  # NumPy: f(x), elementwise
    grad: ArrayFn  # NumPy: f'(x), elementwise (torch's choice at kinks)
    torch_fn: TensorFn  # torch: f(x), differentiable with autograd
    formula: str  # LaTeX for f(x)
    derivative_formula: str  # LaTeX for f'(x)
    output_range: str  # LaTeX, e.g. "(0, 1)"
    max_derivative: float  # the steepest slope anywhere (a supremum for softplus)
    trainable: bool = True  # False when the derivative is zero almost everywhere
    zero_centered: bool = False  # outputs on both sides of 0 around x = 0

    @property
    def label_key(self) -> str:
        """String-table key of the display name."""
        return f"activations.name.{self.name}"

    @property
    def use_key(self) -> str:
        """String-table key of the one-sentence "when is it used"."""
        return f"activations.use.{self.name}"


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return expit(x)  # stable for large |x|, unlike 1 / (1 + exp(-x))


def _sigmoid_grad(x: np.ndarray) -> np.ndarray:
    s = expit(x)
    return s * (1.0 - s)


def _torch_op(path: str, **kwargs) -> TensorFn:
    """torch's function at `path` under the torch module (e.g. "nn.functional.gelu"), looked up when first
    called: the Activations page draws with NumPy only, and importing torch at the top would add two
    seconds to its first load on a fresh server (a test checks the page never imports torch)."""
    def call(x: "torch.Tensor") -> "torch.Tensor":
        import torch

        return operator.attrgetter(path)(torch)(x, **kwargs)

    return call


def _step_torch(x: "torch.Tensor") -> "torch.Tensor":
    # 0 * x keeps the result in the autograd graph, so its (zero) gradient can be shown.
    return (x > 0).to(x.dtype) + 0.0 * x


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / _SQRT2))


def _gelu_grad(x: np.ndarray) -> np.ndarray:
    cdf = 0.5 * (1.0 + erf(x / _SQRT2))
    pdf = _INV_SQRT_2PI * np.exp(-0.5 * x * x)
    return cdf + x * pdf


def _silu_grad(x: np.ndarray) -> np.ndarray:
    s = expit(x)
    return s * (1.0 + x * (1.0 - s))


def _elu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, ELU_ALPHA * np.expm1(np.minimum(x, 0.0)))


def _elu_grad(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(x, 0.0)))


# Steepest slopes of GELU and SiLU (where their second derivative is zero), computed once.
def _max_on_grid(grad: ArrayFn) -> float:
    grid = np.linspace(0.0, 4.0, 400_001)
    return float(grad(grid).max())


_REGISTRY = [
    Activation(
        name="step",
        fn=lambda x: (x > 0).astype(float),
        grad=lambda x: np.zeros_like(x, dtype=float),
        torch_fn=_step_torch,
        formula=r"f(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}",
        derivative_formula=r"f'(z) = 0 \quad (z \ne 0)",
        output_range=r"\{0, 1\}",
        max_derivative=0.0,
        trainable=False,
    ),
    Activation(
        name="sigmoid",
        fn=_sigmoid,
        grad=_sigmoid_grad,
        torch_fn=_torch_op("sigmoid"),
        formula=r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        derivative_formula=r"\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)",
        output_range="(0, 1)",
        max_derivative=0.25,
    ),
    Activation(
        name="tanh",
        fn=np.tanh,
        grad=lambda x: 1.0 - np.tanh(x) ** 2,
        torch_fn=_torch_op("tanh"),
        formula=r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
        derivative_formula=r"\tanh'(z) = 1 - \tanh^2(z)",
        output_range="(-1, 1)",
        max_derivative=1.0,
        zero_centered=True,
    ),
    Activation(
        name="relu",
        fn=lambda x: np.maximum(x, 0.0),
        grad=lambda x: (x > 0).astype(float),
        torch_fn=_torch_op("nn.functional.relu"),
        formula=r"f(z) = \max(0,\ z)",
        derivative_formula=r"f'(z) = \begin{cases} 1 & z > 0 \\ 0 & z < 0 \end{cases}",
        output_range=r"[0, \infty)",
        max_derivative=1.0,
    ),
    Activation(
        name="leaky_relu",
        fn=lambda x: np.where(x > 0, x, LEAKY_SLOPE * x),
        grad=lambda x: np.where(x > 0, 1.0, LEAKY_SLOPE),
        torch_fn=_torch_op("nn.functional.leaky_relu", negative_slope=LEAKY_SLOPE),
        formula=r"f(z) = \max(0.01\,z,\ z)",
        derivative_formula=r"f'(z) = \begin{cases} 1 & z > 0 \\ 0.01 & z < 0 \end{cases}",
        output_range=r"(-\infty, \infty)",
        max_derivative=1.0,
        zero_centered=True,
    ),
    Activation(
        name="linear",
        fn=lambda x: np.array(x, dtype=float),
        grad=lambda x: np.ones_like(x, dtype=float),
        torch_fn=lambda x: x,
        formula=r"f(z) = z",
        derivative_formula=r"f'(z) = 1",
        output_range=r"(-\infty, \infty)",
        max_derivative=1.0,
        zero_centered=True,
    ),
    Activation(
        name="gelu",
        fn=_gelu,
        grad=_gelu_grad,
        torch_fn=_torch_op("nn.functional.gelu"),
        formula=r"\mathrm{GELU}(z) = z\,\Phi(z) = \frac{z}{2}\Bigl(1 + \operatorname{erf}\frac{z}{\sqrt{2}}\Bigr)",
        derivative_formula=r"f'(z) = \Phi(z) + z\,\varphi(z), \quad \varphi(z) = \frac{e^{-z^2/2}}{\sqrt{2\pi}}",
        output_range=r"[-0.17, \infty)",
        max_derivative=_max_on_grid(_gelu_grad),
    ),
    Activation(
        name="silu",
        fn=lambda x: x * expit(x),
        grad=_silu_grad,
        torch_fn=_torch_op("nn.functional.silu"),
        formula=r"\mathrm{SiLU}(z) = z\,\sigma(z) = \frac{z}{1 + e^{-z}}",
        derivative_formula=r"f'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr)",
        output_range=r"[-0.28, \infty)",
        max_derivative=_max_on_grid(_silu_grad),
    ),
    Activation(
        name="elu",
        fn=_elu,
        grad=_elu_grad,
        torch_fn=_torch_op("nn.functional.elu"),
        formula=r"f(z) = \begin{cases} z & z > 0 \\ e^{z} - 1 & z \le 0 \end{cases}",
        derivative_formula=r"f'(z) = \begin{cases} 1 & z > 0 \\ e^{z} & z \le 0 \end{cases}",
        output_range=r"(-1, \infty)",
        max_derivative=1.0,
    ),
    Activation(
        name="softplus",
        fn=lambda x: np.logaddexp(0.0, x),
        grad=_sigmoid,
        torch_fn=_torch_op("nn.functional.softplus"),
        formula=r"f(z) = \ln\bigl(1 + e^{z}\bigr)",
        derivative_formula=r"f'(z) = \sigma(z) = \frac{1}{1 + e^{-z}}",
        output_range=r"(0, \infty)",
        max_derivative=1.0,  # approached as x grows, never reached
    ),
]

ACTIVATIONS: dict[str, Activation] = {activation.name: activation for activation in _REGISTRY}
NAMES: tuple[str, ...] = tuple(ACTIVATIONS)


def get(name: str) -> Activation:
    """The activation called `name`; UserError naming the choices if there is none."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise UserError("activations.error.unknown", name=name, choices=", ".join(NAMES)) from None


def _as_array(x: object) -> np.ndarray:
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise UserError("activations.error.not_numbers", value=str(x)[:40]) from None


def apply(name: str, x: object) -> np.ndarray:
    """f(x) for the activation `name`, elementwise over numbers or arrays."""
    return np.asarray(get(name).fn(_as_array(x)), dtype=float)


def derivative(name: str, x: object) -> np.ndarray:
    """f'(x) for the activation `name`, elementwise over numbers or arrays."""
    return np.asarray(get(name).grad(_as_array(x)), dtype=float)


def torch_fn(name: str) -> TensorFn:
    """The torch version of the activation `name` (differentiable with autograd)."""
    return get(name).torch_fn


def x_grid(low: float, high: float, points: int = 801) -> np.ndarray:
    """Evenly spaced inputs from `low` to `high` for plotting; UserError if the range is empty."""
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        raise UserError("activations.error.empty_range", low=low, high=high)
    return np.linspace(low, high, points)


# ---- one neuron with two inputs: y = f(w1*x1 + w2*x2 + b)


def net_input(w1: float, w2: float, b: float, x1: object, x2: object) -> np.ndarray:
    """The weighted sum z = w1*x1 + w2*x2 + b (elementwise)."""
    return w1 * _as_array(x1) + w2 * _as_array(x2) + b


def neuron_output(name: str, w1: float, w2: float, b: float, x1: object, x2: object) -> np.ndarray:
    """The neuron's output f(w1*x1 + w2*x2 + b)."""
    return apply(name, net_input(w1, w2, b, x1, x2))


def neuron_grid(
    name: str, w1: float, w2: float, b: float, limit: float = 3.0, steps: int = 121
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Axes (x1, x2) over [-limit, limit] and the output grid (rows follow x2), for a heatmap."""
    axis = np.linspace(-limit, limit, steps)
    grid_x1, grid_x2 = np.meshgrid(axis, axis)
    return axis, axis, neuron_output(name, w1, w2, b, grid_x1, grid_x2)


def decision_segment(
    w1: float, w2: float, b: float, limit: float = 3.0
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where the line w1*x1 + w2*x2 + b = 0 crosses the square [-limit, limit]²: its two ends.

    None when the line misses the square or there is no line (w1 = w2 = 0).
    """
    points: list[tuple[float, float]] = []
    if w2 != 0:  # crossings with the left and right edges
        for x1 in (-limit, limit):
            x2 = -(w1 * x1 + b) / w2
            if -limit <= x2 <= limit:
                points.append((x1, x2))
    if w1 != 0:  # crossings with the bottom and top edges
        for x2 in (-limit, limit):
            x1 = -(w2 * x2 + b) / w1
            if -limit <= x1 <= limit:
                points.append((x1, x2))
    unique: list[tuple[float, float]] = []
    for point in points:  # a corner is found from both edges
        if all(math.dist(point, other) > 1e-12 for other in unique):
            unique.append(point)
    if len(unique) < 2:
        return None
    return unique[0], unique[1]


# ---- vanishing gradients


def gradient_bound(name: str, layers: int) -> float:
    """The most a gradient can keep after passing back through `layers` of this activation: max f' ** n."""
    if layers < 0:
        raise UserError("activations.error.layers", value=layers)
    return get(name).max_derivative ** layers


def chain_gradient(name: str, layers: int, x0: float = 0.0) -> float:
    """d/dx of f(f(...f(x)...)) (`layers` times, weights 1, biases 0) at x0, by the chain rule.

    It is the product of f' at every layer's input: for sigmoid it shrinks at least as
    fast as 0.25 ** layers, the picture of the vanishing gradient.
    """
    if layers < 0:
        raise UserError("activations.error.layers", value=layers)
    activation = get(name)
    value, gradient = np.float64(x0), 1.0
    for _ in range(layers):
        gradient *= float(activation.grad(value))
        value = activation.fn(value)
    return gradient

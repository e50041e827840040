"""Backpropagation by hand on a tiny dense network: every net value, activation, δ and gradient as numbers.

Hand-written NumPy on purpose: the code is the explanation, and tests check every number against torch
autograd and finite differences. Notation (as the page writes it), for layer l = 1..L:

    net_l = W_l · a_(l-1) + b_l        a_l = f(net_l)        a_0 = x (the inputs)
    δ_L   = ∂L/∂net_L                   δ_l = (W_(l+1)ᵀ · δ_(l+1)) ⊙ f'(net_l)
    ∂L/∂W_l = δ_l · a_(l-1)ᵀ            ∂L/∂b_l = δ_l          W ← W − η · ∂L/∂W

Losses: "mse" is ½ Σ_k (a_k − t_k)² (the ½ cancels the 2 of the derivative: ∂L/∂a = a − t), "ce" is
cross-entropy: with one output a sigmoid and −[t ln a + (1 − t) ln(1 − a)], with several a softmax and
−Σ t_k ln a_k; both give δ_L = a − t. A batch's loss and gradients are the means over its examples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.special import logsumexp

from playground import activations as A
from playground.errors import UserError

LOSSES = ("mse", "ce")
MAX_HIDDEN_LAYERS, MAX_UNITS = 3, 4
MAX_INPUTS, MAX_OUTPUTS = 4, 4
MAX_EXAMPLES = 8
INPUT_LIMIT = 10.0
MAX_SEED = 999_999
FD_EPSILON = 1e-6  # central differences: error ~ε², far below the 1e-4 the page and tests ask for

# Truth tables of the notes' gates as (x1, x2, target) rows.
DATASETS: dict[str, tuple[tuple[float, ...], ...]] = {
    "xor": ((0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)),
    "and": ((0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 1)),
    "or": ((0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 1)),
    "nand": ((0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 0)),
}


@dataclass(frozen=True)
class NetSpec:
    """The network's shape, activations and loss. Defaults: the XOR network 2-2-1 with sigmoid."""

    inputs: int = 2
    hidden: tuple[int, ...] = (2,)  # neurons of each hidden layer: 0 to 3 layers of 1 to 4
    outputs: int = 1
    activation: str = "sigmoid"  # of the hidden layers (any name of playground.activations)
    output_activation: str = "sigmoid"  # with "mse"; "ce" uses sigmoid (1 output) or softmax
    loss: str = "mse"

    def __post_init__(self) -> None:
        if not (isinstance(self.inputs, int) and 1 <= self.inputs <= MAX_INPUTS):
            raise UserError("backprop.error.inputs", value=self.inputs, high=MAX_INPUTS)
        if not (isinstance(self.outputs, int) and 1 <= self.outputs <= MAX_OUTPUTS):
            raise UserError("backprop.error.outputs", value=self.outputs, high=MAX_OUTPUTS)
        if len(self.hidden) > MAX_HIDDEN_LAYERS or not all(
            isinstance(n, int) and 1 <= n <= MAX_UNITS for n in self.hidden
        ):
            raise UserError("backprop.error.hidden", value=",".join(map(str, self.hidden)) or "-",
                            layers=MAX_HIDDEN_LAYERS, units=MAX_UNITS)
        A.get(self.activation)
        A.get(self.output_activation)
        if self.loss not in LOSSES:
            raise UserError("backprop.error.loss", value=self.loss, choices=", ".join(LOSSES))

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.inputs, *self.hidden, self.outputs)

    @property
    def layers(self) -> int:
        """Layers with weights (hidden layers and the output layer)."""
        return len(self.hidden) + 1

    @property
    def output_kind(self) -> str:
        """The output layer's function: an activation name, or "softmax"."""
        if self.loss == "ce":
            return "sigmoid" if self.outputs == 1 else "softmax"
        return self.output_activation

    def activation_of(self, layer: int) -> str:
        """The function of layer `layer` (1..L)."""
        return self.output_kind if layer == self.layers else self.activation


@dataclass
class Params:
    """Weights W[l-1] (shape: neurons of layer l × neurons of layer l-1) and biases b[l-1] for l = 1..L."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]

    def copy(self) -> "Params":
        return Params([w.copy() for w in self.weights], [b.copy() for b in self.biases])

    def to_lists(self) -> dict:
        return {"weights": [w.tolist() for w in self.weights], "biases": [b.tolist() for b in self.biases]}

    @staticmethod
    def from_lists(data: dict) -> "Params":
        return Params([np.array(w, dtype=float) for w in data["weights"]], [np.array(b, dtype=float) for b in data["biases"]])


def init_params(spec: NetSpec, seed: int) -> Params:
    """Weights and biases drawn uniformly from [-1, 1] and rounded to 2 decimals, so sums can be followed by hand."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
        raise UserError("backprop.error.seed", value=seed, high=MAX_SEED)
    rng = np.random.default_rng(int(seed))
    sizes = spec.sizes
    weights = [np.round(rng.uniform(-1, 1, (sizes[l], sizes[l - 1])), 2) for l in range(1, len(sizes))]
    biases = [np.round(rng.uniform(-1, 1, sizes[l]), 2) for l in range(1, len(sizes))]
    return Params(weights, biases)


# ---- examples


def target_vector(spec: NetSpec, target: float) -> np.ndarray:
    """The target as the output layer sees it: [t] for one output, one-hot of class t for several."""
    if spec.outputs == 1:
        if spec.loss == "ce" and not 0.0 <= target <= 1.0:
            raise UserError("backprop.error.target_probability", value=target)
        return np.array([float(target)])
    if float(target) != int(target) or not 0 <= int(target) < spec.outputs:
        raise UserError("backprop.error.target_class", value=target, high=spec.outputs - 1)
    vector = np.zeros(spec.outputs)
    vector[int(target)] = 1.0
    return vector


def check_examples(spec: NetSpec, rows) -> list[tuple[np.ndarray, float]]:
    """Rows (x_1, ..., x_n, target) as (inputs, target) pairs; UserError saying what is wrong with a row."""
    rows = list(rows)
    if not 1 <= len(rows) <= MAX_EXAMPLES:
        raise UserError("backprop.error.example_count", count=len(rows), high=MAX_EXAMPLES)
    examples = []
    for number, row in enumerate(rows, start=1):
        try:
            values = [float(v) for v in row]
        except (TypeError, ValueError):
            raise UserError("backprop.error.example_numbers", row=number) from None
        if len(values) != spec.inputs + 1:
            raise UserError("backprop.error.example_width", row=number, inputs=spec.inputs)
        if not all(math.isfinite(v) and abs(v) <= INPUT_LIMIT for v in values):
            raise UserError("backprop.error.example_range", row=number, limit=INPUT_LIMIT)
        target_vector(spec, values[-1])
        examples.append((np.array(values[:-1]), values[-1]))
    return examples


def parse_examples(text: str, spec: NetSpec) -> list[tuple[np.ndarray, float]]:
    """"0,0,0;0,1,1" (rows separated by ";", numbers by ",") as checked examples; UserError if unusable."""
    if not isinstance(text, str) or len(text) > 400:
        raise UserError("backprop.error.example_text")
    rows = [row.split(",") for row in text.split(";") if row.strip()]
    return check_examples(spec, rows)


def format_examples(rows) -> str:
    """The inverse of `parse_examples` (for the share link)."""
    return ";".join(",".join(f"{float(v):g}" for v in row) for row in rows)


# ---- forward, loss, backward


@dataclass
class Forward:
    """net[l-1] and act[l] for l = 1..L; act[0] is the input."""

    nets: list[np.ndarray]
    acts: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.acts[-1]


def _apply(kind: str, net: np.ndarray) -> np.ndarray:
    if kind == "softmax":
        e = np.exp(net - net.max())
        return e / e.sum()
    return A.apply(kind, net)


def forward(spec: NetSpec, params: Params, x) -> Forward:
    """Every layer's net value and activation for the input `x`."""
    a = np.asarray(x, dtype=float)
    nets, acts = [], [a]
    for l in range(1, spec.layers + 1):
        net = params.weights[l - 1] @ a + params.biases[l - 1]
        a = _apply(spec.activation_of(l), net)
        nets.append(net)
        acts.append(a)
    return Forward(nets, acts)


def loss_of(spec: NetSpec, fwd: Forward, target: float) -> float:
    """The example's loss (computed from the output net value for cross-entropy, so it never takes log 0)."""
    t = target_vector(spec, target)
    if spec.loss == "mse":
        return float(0.5 * ((fwd.output - t) ** 2).sum())
    net = fwd.nets[-1]
    if spec.outputs == 1:  # −[t ln σ(n) + (1−t) ln(1−σ(n))] = softplus(n) − t·n
        return float(np.logaddexp(0.0, net[0]) - t[0] * net[0])
    return float(logsumexp(net) - (t * net).sum())


@dataclass
class Backward:
    """δ[l-1] = ∂L/∂net_l, and the gradients of W[l-1] and b[l-1], for l = 1..L."""

    deltas: list[np.ndarray]
    grad_weights: list[np.ndarray]
    grad_biases: list[np.ndarray]
    dL_da: np.ndarray | None = None  # ∂L/∂a of the output layer (MSE); None where δ_L = a − t directly


def backward(spec: NetSpec, params: Params, fwd: Forward, target: float) -> Backward:
    """δ of every neuron from the output back, and ∂L/∂w, ∂L/∂b of every weight and bias (one example)."""
    t = target_vector(spec, target)
    L = spec.layers
    deltas: list[np.ndarray] = [np.zeros(0)] * L
    dL_da = None
    if spec.loss == "mse":
        dL_da = fwd.output - t
        deltas[L - 1] = dL_da * A.derivative(spec.output_kind, fwd.nets[-1])
    else:
        deltas[L - 1] = fwd.output - t
    for l in range(L - 1, 0, -1):  # layer l (1-based) gets its δ from layer l + 1
        upstream = params.weights[l].T @ deltas[l]
        deltas[l - 1] = upstream * A.derivative(spec.activation_of(l), fwd.nets[l - 1])
    grad_weights = [np.outer(deltas[l], fwd.acts[l]) for l in range(L)]
    grad_biases = [d.copy() for d in deltas]
    return Backward(deltas, grad_weights, grad_biases, dL_da)


def update(params: Params, grads: Backward, rate: float) -> Params:
    """w ← w − η·∂L/∂w for every weight and bias."""
    if not (isinstance(rate, (int, float)) and math.isfinite(rate) and 0 < rate <= 100):
        raise UserError("backprop.error.rate", value=rate)
    return Params(
        [w - rate * g for w, g in zip(params.weights, grads.grad_weights)],
        [b - rate * g for b, g in zip(params.biases, grads.grad_biases)],
    )


def batch_gradients(spec: NetSpec, params: Params, examples) -> tuple[float, Backward]:
    """The mean loss and mean gradients over `examples` (one step of full-batch gradient descent)."""
    total, grads = 0.0, None
    for x, target in examples:
        fwd = forward(spec, params, x)
        total += loss_of(spec, fwd, target)
        back = backward(spec, params, fwd, target)
        if grads is None:
            grads = back
        else:
            grads = Backward(grads.deltas, [g + h for g, h in zip(grads.grad_weights, back.grad_weights)],
                             [g + h for g, h in zip(grads.grad_biases, back.grad_biases)])
    n = len(examples)
    mean = Backward(grads.deltas, [g / n for g in grads.grad_weights], [g / n for g in grads.grad_biases])
    return total / n, mean


def mean_loss(spec: NetSpec, params: Params, examples) -> float:
    return sum(loss_of(spec, forward(spec, params, x), t) for x, t in examples) / len(examples)


def finite_differences(spec: NetSpec, params: Params, examples, epsilon: float = FD_EPSILON) -> tuple[list, list]:
    """(L(w + ε) − L(w − ε)) / 2ε for every weight and bias: the gradient estimated without backpropagation."""
    grad_w = [np.zeros_like(w) for w in params.weights]
    grad_b = [np.zeros_like(b) for b in params.biases]
    for group, grads in ((params.weights, grad_w), (params.biases, grad_b)):
        for array, grad in zip(group, grads):
            for index in np.ndindex(array.shape):
                keep = array[index]
                array[index] = keep + epsilon
                up = mean_loss(spec, params, examples)
                array[index] = keep - epsilon
                down = mean_loss(spec, params, examples)
                array[index] = keep
                grad[index] = (up - down) / (2 * epsilon)
    return grad_w, grad_b


# ---- the order the page reveals values in, and the chain rule of one weight


@dataclass(frozen=True)
class Event:
    """One step of the walk-through: a neuron's forward values, a neuron's δ, or the update."""

    phase: str  # "forward", "backward", "update"
    layer: int = 0  # 1..L
    neuron: int = 0


def events(spec: NetSpec) -> list[Event]:
    """Forward neuron by neuron from the first layer, backward from the output, then one update."""
    sizes = spec.sizes
    neurons = [(l, i) for l in range(1, spec.layers + 1) for i in range(sizes[l])]
    return ([Event("forward", l, i) for l, i in neurons]
            + [Event("backward", l, i) for l, i in sorted(neurons, key=lambda n: (-n[0], n[1]))]
            + [Event("update")])


@dataclass(frozen=True)
class WeightRef:
    """A weight W_l[i, j] (from neuron j of layer l-1 to neuron i of layer l) or a bias (j is None)."""

    layer: int
    to: int
    source: int | None = None

    @property
    def key(self) -> str:
        return f"{self.layer}.{self.to}.{'b' if self.source is None else self.source}"

    @staticmethod
    def from_key(key: str) -> "WeightRef":
        layer, to, source = str(key).split(".")
        return WeightRef(int(layer), int(to), None if source == "b" else int(source))


def weight_refs(spec: NetSpec) -> list[WeightRef]:
    """Every weight and bias, layer by layer, each neuron's incoming weights then its bias."""
    sizes = spec.sizes
    return [ref for l in range(1, spec.layers + 1) for i in range(sizes[l])
            for ref in [*(WeightRef(l, i, j) for j in range(sizes[l - 1])), WeightRef(l, i)]]


def value_of(params: Params, ref: WeightRef) -> float:
    if ref.source is None:
        return float(params.biases[ref.layer - 1][ref.to])
    return float(params.weights[ref.layer - 1][ref.to, ref.source])


def grad_of(grads: Backward | tuple[list, list], ref: WeightRef) -> float:
    gw, gb = (grads.grad_weights, grads.grad_biases) if isinstance(grads, Backward) else grads
    if ref.source is None:
        return float(gb[ref.layer - 1][ref.to])
    return float(gw[ref.layer - 1][ref.to, ref.source])


@dataclass
class Chain:
    """∂L/∂w = δ_i · a_j written out: δ_i itself as (∂L/∂a_i)·f'(net_i), or a − t at a cross-entropy output."""

    delta: float
    source_activation: float  # a_j (1 for a bias)
    gradient: float
    dL_da: float | None  # None when δ = a − t directly
    slope: float | None  # f'(net_i); None with softmax / cross-entropy output
    upstream: list[tuple[float, float]] = field(default_factory=list)  # (w_ki, δ_k) for a hidden neuron
    output: float = 0.0  # a_i
    target: float | None = None  # t_i at the output layer


def chain(spec: NetSpec, params: Params, fwd: Forward, back: Backward, target: float, ref: WeightRef) -> Chain:
    """The chain rule of weight `ref` for one example, every factor a number."""
    l, i = ref.layer, ref.to
    delta = float(back.deltas[l - 1][i])
    a_j = 1.0 if ref.source is None else float(fwd.acts[l - 1][ref.source])
    output = float(fwd.acts[l][i])
    if l == spec.layers:
        t = float(target_vector(spec, target)[i])
        if spec.loss == "ce":
            return Chain(delta, a_j, delta * a_j, None, None, output=output, target=t)
        slope = float(A.derivative(spec.output_kind, fwd.nets[l - 1][i]))
        return Chain(delta, a_j, delta * a_j, output - t, slope, output=output, target=t)
    upstream = [(float(params.weights[l][k, i]), float(back.deltas[l][k])) for k in range(spec.sizes[l + 1])]
    slope = float(A.derivative(spec.activation_of(l), fwd.nets[l - 1][i]))
    return Chain(delta, a_j, delta * a_j, sum(w * d for w, d in upstream), slope, upstream, output=output)


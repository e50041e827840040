"""playground.backprop against torch autograd (every net value, activation, δ and gradient) and finite differences."""

import numpy as np
import pytest
import torch

from playground import activations as A
from playground import backprop as bp
from playground.errors import UserError

SPECS = [
    bp.NetSpec(),  # the XOR network 2-2-1, sigmoid, squared error
    bp.NetSpec(hidden=(4, 3), activation="tanh", output_activation="linear"),
    bp.NetSpec(hidden=(3, 4, 2), activation="relu", loss="ce"),  # one output: sigmoid + binary cross-entropy
    bp.NetSpec(inputs=3, hidden=(4,), outputs=3, activation="gelu", loss="ce"),  # softmax + cross-entropy
    bp.NetSpec(hidden=(), outputs=2, output_activation="tanh"),  # one layer, squared error on a one-hot target
    bp.NetSpec(hidden=(2, 2), activation="elu", outputs=4, loss="mse", output_activation="sigmoid"),
    bp.NetSpec(hidden=(4,), activation="silu", loss="ce"),
]


def _example(spec, seed):
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(-2, 2, spec.inputs), 2)
    target = float(rng.integers(0, spec.outputs)) if spec.outputs > 1 else float(np.round(rng.uniform(0, 1), 2))
    return x, target


def _torch_reference(spec, params, x, target):
    """The same network in torch (float64): nets with retained gradients, loss as the module defines it."""
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in params.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in params.biases]
    a = torch.tensor(x, dtype=torch.float64)
    nets, acts = [], []
    for l in range(spec.layers):
        net = weights[l] @ a + biases[l]
        net.retain_grad()
        kind = spec.activation_of(l + 1)
        a = torch.softmax(net, dim=0) if kind == "softmax" else A.torch_fn(kind)(net)
        nets.append(net)
        acts.append(a)
    t = torch.tensor(bp.target_vector(spec, target), dtype=torch.float64)
    if spec.loss == "mse":
        loss = 0.5 * ((a - t) ** 2).sum()
    elif spec.outputs == 1:
        loss = torch.nn.functional.binary_cross_entropy_with_logits(nets[-1], t, reduction="sum")
    else:
        loss = torch.nn.functional.cross_entropy(nets[-1].unsqueeze(0), torch.tensor([int(target)]))
    loss.backward()
    return loss, nets, acts, weights, biases


@pytest.mark.parametrize("seed", [0, 1, 7])
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.sizes}-{s.activation}-{s.loss}")
def test_every_value_and_gradient_equals_torch_autograd(spec, seed):
    params = bp.init_params(spec, seed)
    x, target = _example(spec, seed + 100)
    fwd = bp.forward(spec, params, x)
    back = bp.backward(spec, params, fwd, target)
    loss, nets, acts, weights, biases = _torch_reference(spec, params, x, target)
    assert bp.loss_of(spec, fwd, target) == pytest.approx(loss.item(), abs=1e-6)
    for l in range(spec.layers):
        np.testing.assert_allclose(fwd.nets[l], nets[l].detach().numpy(), atol=1e-6)
        np.testing.assert_allclose(fwd.acts[l + 1], acts[l].detach().numpy(), atol=1e-6)
        np.testing.assert_allclose(back.deltas[l], nets[l].grad.numpy(), atol=1e-6)  # δ = ∂L/∂net
        np.testing.assert_allclose(back.grad_weights[l], weights[l].grad.numpy(), atol=1e-6)
        np.testing.assert_allclose(back.grad_biases[l], biases[l].grad.numpy(), atol=1e-6)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.sizes}-{s.activation}-{s.loss}")
def test_finite_differences_agree_with_backpropagation(spec):
    if spec.activation == "relu":
        pytest.skip("a kink of ReLU within ε of a net value would make the estimate one-sided")
    params = bp.init_params(spec, 3)
    examples = [_example(spec, s) for s in range(3)]
    _, grads = bp.batch_gradients(spec, params, examples)
    fd_w, fd_b = bp.finite_differences(spec, params, examples)
    for l in range(spec.layers):
        np.testing.assert_allclose(fd_w[l], grads.grad_weights[l], atol=1e-4)
        np.testing.assert_allclose(fd_b[l], grads.grad_biases[l], atol=1e-4)


def test_batch_step_equals_torch_sgd_on_the_mean_loss():
    spec = bp.NetSpec()
    params = bp.init_params(spec, 0)
    examples = bp.check_examples(spec, bp.DATASETS["xor"])
    loss, grads = bp.batch_gradients(spec, params, examples)
    new = bp.update(params, grads, 0.5)
    weights = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in params.weights]
    biases = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in params.biases]
    xs = torch.tensor(np.array([x for x, _ in examples]), dtype=torch.float64)
    ts = torch.tensor([t for _, t in examples], dtype=torch.float64)
    h = torch.sigmoid(xs @ weights[0].T + biases[0])
    out = torch.sigmoid(h @ weights[1].T + biases[1])[:, 0]
    reference = (0.5 * (out - ts) ** 2).mean()
    optimizer = torch.optim.SGD([*weights, *biases], lr=0.5)
    reference.backward()
    optimizer.step()
    assert loss == pytest.approx(reference.item(), abs=1e-9)
    for mine, theirs in zip(new.weights + new.biases, weights + biases):
        np.testing.assert_allclose(mine, theirs.detach().numpy(), atol=1e-9)


def test_xor_network_learns_with_full_batch_steps():
    spec = bp.NetSpec()
    params = bp.init_params(spec, 0)
    examples = bp.check_examples(spec, bp.DATASETS["xor"])
    start = bp.mean_loss(spec, params, examples)
    for _ in range(3000):
        _, grads = bp.batch_gradients(spec, params, examples)
        params = bp.update(params, grads, 2.0)
    outputs = [bp.forward(spec, params, x).output[0] for x, _ in examples]
    assert bp.mean_loss(spec, params, examples) < start / 10
    assert [round(o) for o in outputs] == [0, 1, 1, 0]


def test_chain_rule_factors_multiply_to_the_gradient():
    spec = bp.NetSpec(hidden=(3, 2), activation="tanh")
    params = bp.init_params(spec, 5)
    x, target = np.array([0.5, -1.0]), 1.0
    fwd = bp.forward(spec, params, x)
    back = bp.backward(spec, params, fwd, target)
    for ref in bp.weight_refs(spec):
        c = bp.chain(spec, params, fwd, back, target, ref)
        assert c.dL_da * c.slope * c.source_activation == pytest.approx(bp.grad_of(back, ref), abs=1e-12)
        if c.upstream:
            assert c.dL_da == pytest.approx(sum(w * d for w, d in c.upstream))
    assert len(bp.weight_refs(spec)) == 3 * 3 + 2 * 4 + 1 * 3
    assert bp.WeightRef.from_key(bp.weight_refs(spec)[4].key) == bp.weight_refs(spec)[4]


def test_events_go_forward_then_back_from_the_output():
    order = bp.events(bp.NetSpec(hidden=(2,)))
    assert [(e.phase, e.layer, e.neuron) for e in order] == [
        ("forward", 1, 0), ("forward", 1, 1), ("forward", 2, 0),
        ("backward", 2, 0), ("backward", 1, 0), ("backward", 1, 1), ("update", 0, 0)]


def test_parse_and_format_examples_round_trip():
    spec = bp.NetSpec()
    text = bp.format_examples(bp.DATASETS["xor"])
    assert text == "0,0,0;0,1,1;1,0,1;1,1,0"
    assert [(list(x), t) for x, t in bp.parse_examples(text, spec)] == [([0, 0], 0), ([0, 1], 1), ([1, 0], 1), ([1, 1], 0)]


@pytest.mark.parametrize("call", [
    lambda: bp.NetSpec(hidden=(5,)),
    lambda: bp.NetSpec(hidden=(1, 1, 1, 1)),
    lambda: bp.NetSpec(activation="swoosh"),
    lambda: bp.NetSpec(loss="hinge"),
    lambda: bp.NetSpec(outputs=0),
    lambda: bp.init_params(bp.NetSpec(), -1),
    lambda: bp.parse_examples("banana", bp.NetSpec()),
    lambda: bp.parse_examples("1,2", bp.NetSpec()),
    lambda: bp.parse_examples("1,2,nan", bp.NetSpec()),
    lambda: bp.parse_examples("1,2,3;" * 9, bp.NetSpec()),
    lambda: bp.parse_examples("1,2,99", bp.NetSpec()),
    lambda: bp.parse_examples("9" * 5000, bp.NetSpec()),
    lambda: bp.parse_examples("1,2,2", bp.NetSpec(loss="ce")),
    lambda: bp.parse_examples("1,2,5", bp.NetSpec(outputs=3)),
    lambda: bp.update(bp.init_params(bp.NetSpec(), 0), None, float("nan")),
])
def test_bad_input_is_a_sentence(call):
    with pytest.raises(UserError) as error:
        call()
    assert str(error.value).endswith(".") and error.value.message("ko")

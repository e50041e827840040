"""playground.softmax against torch: softmax, cross-entropy, squared error and their gradients, presets."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground import softmax as sm
from playground.errors import UserError

CASES = [
    ([1.0, 2.0, 3.0], 2, 1.0),
    ([0.5, -1.2, 3.3, 0.0, 2.2], 0, 0.3),
    ([10.0, -10.0], 1, 5.0),  # p_y about 2e-9 at T = 5: still an exact loss
    ([1000.0, 999.0, 0.0, -3.0], 1, 1.0),  # exp(1000) overflows unless the largest logit is subtracted
    (list(np.linspace(-4, 4, 10)), 7, 2.0),
]


@pytest.mark.parametrize("logits, y, temperature", CASES)
def test_softmax_and_cross_entropy_equal_torch(logits, y, temperature):
    z = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    expected_p = F.softmax(z / temperature, dim=0)
    expected_ce = F.cross_entropy((z / temperature).unsqueeze(0), torch.tensor([y]))
    np.testing.assert_allclose(sm.softmax(logits, temperature), expected_p.detach().numpy(), rtol=1e-12, atol=1e-15)
    assert sm.cross_entropy(logits, y, temperature) == pytest.approx(expected_ce.item(), rel=1e-12, abs=1e-12)
    every = sm.cross_entropy_for_every_class(logits, temperature)
    for i in range(len(logits)):
        ref = F.cross_entropy((z / temperature).unsqueeze(0), torch.tensor([i])).item()
        assert every[i] == pytest.approx(ref, rel=1e-12, abs=1e-12)
    expected_ce.backward()
    np.testing.assert_allclose(sm.logit_gradient(logits, y, temperature), z.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize("logits, y, temperature", CASES)
def test_squared_error_equals_torch(logits, y, temperature):
    z = torch.tensor(logits, dtype=torch.float64)
    p = F.softmax(z / temperature, dim=0)
    target = F.one_hot(torch.tensor(y), len(logits)).to(torch.float64)
    expected = F.mse_loss(p, target, reduction="sum").item()
    assert sm.squared_error(logits, y, temperature) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_loss_curves_slopes_equal_autograd():
    curves = sm.loss_curves(points=21)
    for i, p_y in enumerate(curves["p"]):
        p = torch.tensor(float(p_y), dtype=torch.float64, requires_grad=True)
        ce, se = -torch.log(p), (1 - p) ** 2
        (ce_grad,) = torch.autograd.grad(ce, p)
        (se_grad,) = torch.autograd.grad(se, p)
        assert curves["ce"][i] == pytest.approx(ce.item()) and curves["se"][i] == pytest.approx(se.item())
        assert curves["ce_grad_p"][i] == pytest.approx(ce_grad.item()) and curves["se_grad_p"][i] == pytest.approx(se_grad.item())
        # Through softmax: two classes with logits (z, 0) give p_y = sigmoid(z); the slope on z_y.
        z = torch.tensor([math.log(p_y / (1 - p_y)), 0.0], dtype=torch.float64, requires_grad=True)
        q = F.softmax(z, dim=0)[0]
        (ce_z,) = torch.autograd.grad(-torch.log(q), z)
        (se_z,) = torch.autograd.grad((1 - F.softmax(z, dim=0)[0]) ** 2, z)
        assert curves["ce_grad_z"][i] == pytest.approx(ce_z[0].item(), abs=1e-9)
        assert curves["se_grad_z"][i] == pytest.approx(se_z[0].item(), abs=1e-9)
        assert sm.loss_at(float(p_y))["se_grad_z"] == pytest.approx(curves["se_grad_z"][i])


def test_squared_error_push_fades_when_confidently_wrong_but_cross_entropy_does_not():
    at = sm.loss_at(0.001)
    assert abs(at["se_grad_z"]) < 0.002 and at["ce_grad_z"] == pytest.approx(-0.999)


@pytest.mark.parametrize("constant", [-7.5, 0.0, 3.0, 500.0])
def test_adding_a_constant_changes_nothing(constant):
    logits = [1.0, -2.0, 0.5, 4.0]
    before, after, difference = sm.shift_invariance(logits, constant, 0.7)
    reference = F.softmax(torch.tensor(logits, dtype=torch.float64) / 0.7, dim=0).numpy()
    np.testing.assert_allclose(after, reference, atol=1e-12)
    assert difference < 1e-12


def test_the_notes_vectors_are_the_presets():
    np.testing.assert_allclose(sm.softmax(sm.PRESETS["notes_unsure"].logits), [0.4, 0.3, 0.2, 0.1], atol=1e-6)
    np.testing.assert_allclose(sm.softmax(sm.PRESETS["notes_sure"].logits), [0.7, 0.1, 0.1, 0.1], atol=1e-6)
    assert sm.cross_entropy(sm.PRESETS["notes_unsure"].logits, 0) == pytest.approx(-math.log(0.4), abs=1e-6)
    for preset in sm.PRESETS.values():
        assert sm.MIN_CLASSES <= len(preset.logits) <= sm.MAX_CLASSES
        assert all(abs(v) <= sm.LOGIT_LIMIT for v in preset.logits)
    confident, confused = sm.PRESETS["confident"], sm.PRESETS["confused"]
    assert sm.softmax(confident.logits).max() > 0.8 and sm.softmax(confused.logits).max() < 0.15
    wrong = sm.PRESETS["confidently_wrong"]
    assert int(np.argmax(wrong.logits)) != wrong.true_class


def test_temperature_sharpens_and_flattens_without_reordering():
    z = [2.0, 1.0, 0.0]
    cold, warm = sm.softmax(z, 0.5), sm.softmax(z, 4.0)
    assert cold.max() > sm.softmax(z).max() > warm.max()
    assert list(np.argsort(cold)) == list(np.argsort(warm)) == [2, 1, 0]


@pytest.mark.parametrize("call", [
    lambda: sm.softmax([1.0]),
    lambda: sm.softmax(list(range(11))),
    lambda: sm.softmax([1.0, float("nan")]),
    lambda: sm.softmax("banana"),
    lambda: sm.softmax([1.0, 2.0], 0.0),
    lambda: sm.softmax([1.0, 2.0], float("inf")),
    lambda: sm.cross_entropy([1.0, 2.0], 2),
    lambda: sm.cross_entropy([1.0, 2.0], True),
    lambda: sm.loss_at(0.0),
    lambda: sm.shift_invariance([1.0, 2.0], float("nan")),
])
def test_bad_input_is_a_sentence(call):
    with pytest.raises(UserError) as error:
        call()
    assert str(error.value).endswith(".") and error.value.message("ko")

"""The Backpropagation page in AppTest: stepping the three phases, numbers against torch autograd, link state, Korean."""

import time

import numpy as np
import torch

from playground import backprop as bp
from tests.apptest_utils import all_text, run_page

P = "backprop/"
PLAY_SECONDS = 0.7  # the page's tick


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _grads(at):
    """The table of every gradient (the page's other tables are the examples and their outputs)."""
    return next(d.value for d in at.dataframe if "∂L/∂w by backpropagation" in list(d.value.columns))


def _press(at, name: str, times: int = 1):
    for _ in range(times):
        at.button(key=P + name).click().run()
        assert not at.exception, [e.message for e in at.exception]
    return at


def _torch_xor(seed=1, x=(0.0, 0.0), target=0.0):
    """The default page's network (2-2-1 sigmoid, ½ squared error) in torch, from the seed's starting weights."""
    params = bp.init_params(bp.NetSpec(), seed)
    w1, w2 = (torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in params.weights)
    b1, b2 = (torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in params.biases)
    h = torch.sigmoid(w1 @ torch.tensor(x, dtype=torch.float64) + b1)
    y = torch.sigmoid(w2 @ h + b2)
    loss = 0.5 * ((y - target) ** 2).sum()
    loss.backward()
    return h, y, loss, (w1, w2, b1, b2)


def test_english_page_opens_on_the_xor_network():
    at = run_page("backpropagation")
    assert at.title[0].value == "Backpropagation, step by step"
    text = all_text(at)
    assert "Example 1 of 4: inputs (0.00, 0.00), target 0.00." in text and "Press **Step**" in text
    assert len(at.get("plotly_chart")) == 2  # the network and the loss over updates
    assert at.query_params["act"] in ("sigmoid", ["sigmoid"]) and "w" in at.query_params
    assert _metric(at, "Updates so far") == "0"


def test_forward_then_backward_numbers_equal_torch_autograd():
    h, y, loss, (w1, w2, b1, b2) = _torch_xor()
    at = _press(run_page("backpropagation"), "step")
    assert f"= {h[0].item():.3f}" in at.latex[0].value  # a of h1 after the first step
    at = _press(at, "step", 2)
    assert f"L = {loss.item():.4f}" in all_text(at)
    assert f"{y.item():.3f}" in all_text(at)
    at = _press(at, "step")  # the output's δ, and the chain rule of the default weight h1 -> y
    chain = " ".join(latex.value for latex in at.latex)
    assert f"= {w2.grad[0, 0].item():.5f}" in chain
    at = _press(at, "phase_end")
    worst = float(_metric(at, "Largest difference"))
    assert worst < 1e-6  # finite differences agree with backpropagation
    grads = _grads(at)
    first = grads.iloc[0]  # x1 -> h1: input 0, so its gradient is exactly 0
    assert first.iloc[0] == "x1 → h1" and float(first.iloc[2].replace("−", "-")) == w1.grad[0, 0].item() == 0.0
    bias = grads[grads.iloc[:, 0] == "bias of h1"].iloc[0]
    assert abs(float(bias.iloc[2].replace("−", "-")) - b1.grad[0].item()) < 5e-5


def test_update_phase_and_next_example():
    _, _, _, (w1, w2, b1, b2) = _torch_xor()
    at = _press(run_page("backpropagation"), "phase_end", 3)  # forward, backward, update
    table = _grads(at)
    row = table[table.iloc[:, 0] == "h1 → y"].iloc[0]
    expected = w2[0, 0].item() - 2.0 * w2.grad[0, 0].item()
    assert float(row.iloc[-1].replace("−", "-")) == round(expected, 4)
    assert any(r"\leftarrow" in latex.value for latex in at.latex)
    at = _press(at, "next")
    assert "Example 2 of 4: inputs (0.00, 1.00), target 1.00." in all_text(at)
    assert _metric(at, "Updates so far") == "1"
    assert "Press **Step**" in all_text(at)


def test_batch_steps_lower_the_loss():
    at = run_page("backpropagation")
    start = float(_metric(at, "Mean loss now"))
    at = _press(at, "batch")
    examples = bp.check_examples(bp.NetSpec(), bp.DATASETS["xor"])
    params = bp.init_params(bp.NetSpec(), 1)
    _, grads = bp.batch_gradients(bp.NetSpec(), params, examples)
    after = bp.mean_loss(bp.NetSpec(), bp.update(params, grads, 2.0), examples)
    assert _metric(at, "Mean loss now") == f"{after:.4f}"
    at = _press(at, "batch_many", 2)
    assert float(_metric(at, "Mean loss now")) < start / 10  # XOR learned: 2-2-1 sigmoid, η = 2, seed 1
    assert _metric(at, "Updates so far") == "1001"
    at = _press(at, "reset")
    assert _metric(at, "Updates so far") == "0"


def test_settings_change_the_network_and_the_link():
    at = run_page("backpropagation")
    at.slider(key=P + "layers").set_value(2).run()
    at.slider(key=P + "n2").set_value(3).run()
    at.selectbox(key=P + "act").set_value("tanh").run()
    at.radio(key=P + "loss").set_value("ce").run()
    assert not at.exception
    assert at.query_params["n2"] in ("3", ["3"]) and at.query_params["loss"] in ("ce", ["ce"])
    assert "Cross-entropy uses sigmoid at the output" in all_text(at)
    # 2-2-3-1: weights 4 + 6 + 3, biases 2 + 3 + 1
    assert len(at.selectbox(key=P + "w").options) == 19
    _press(at, "phase_end", 2)
    assert float(_metric(at, "Largest difference")) < 1e-6


def test_link_opens_a_custom_network_and_bad_values_are_sentences():
    query = {"layers": "2", "n1": "3", "n2": "4", "out": "2", "act": "tanh", "loss": "ce", "lr": "0.5", "seed": "7",
             "data": "custom", "ex": "0.5,-1,1;2,0,0;1,1,1", "w": "3.1.2"}
    at = run_page("backpropagation", query=query)
    assert at.slider(key=P + "n2").value == 4 and at.slider(key=P + "out").value == 2
    assert at.number_input(key=P + "seed").value == 7
    assert at.selectbox(key=P + "w").value == "3.1.2"
    assert "Example 1 of 3: inputs (0.50, −1.00), target 1.00." in all_text(at)
    assert at.query_params["ex"] in ("0.5,-1,1;2,0,0;1,1,1", ["0.5,-1,1;2,0,0;1,1,1"])
    at = run_page("backpropagation", query={"data": "custom", "ex": "**x** ![i](http://e.example/i.png)",
                                            "w": "9.9.9", "lr": "banana"})
    notices = " ".join(i.value for i in at.info)
    assert "Row 1 of the examples" in notices and "this network has no such weight" in notices and "'banana'" in notices
    assert "Example 1 of 4: inputs (0.00, 0.00)" in all_text(at)  # XOR instead
    assert not at.error


def test_korean_page_uses_the_course_terms():
    at = run_page("backpropagation", "ko")
    assert at.title[0].value == "역전파, 한 단계씩"
    at = _press(at, "phase_end", 2)
    text = all_text(at)
    for term in ("역전파", "순전파", "연쇄 법칙", "기울기", "손실", "가중치", "수치 미분"):
        assert term in text, term
    assert at.select_slider(key=P + "lr").label == "학습률 η"
    at.radio(key=P + "loss").set_value("ce").run()  # a Korean label round-trips through the widget
    assert not at.exception and "교차 엔트로피는 출력층에 sigmoid" in all_text(at)
    assert at.button(key=P + "step").label == "한 단계"


def test_the_playgrounds_network_can_be_taken_over():
    from playground.playground_config import PlaygroundConfig

    at = run_page("backpropagation")
    _press(at, "from_playground")
    assert any("No Playground network" in i.value for i in at.info)
    at.session_state["playground/trained_config"] = PlaygroundConfig(hidden=(4, 3), activations=("tanh", "tanh"),
                                                                     learning_rate=0.03)
    _press(at, "from_playground")
    assert at.slider(key=P + "layers").value == 2 and at.slider(key=P + "n2").value == 3
    assert at.selectbox(key=P + "act").value == "tanh"
    assert at.select_slider(key=P + "lr").value == 0.03
    assert any("2-4-3-1" in s.value for s in at.success)
    at.session_state["playground/trained_config"] = PlaygroundConfig(hidden=(8, 2))
    _press(at, "from_playground")
    assert any("8-2" in w.value for w in at.warning)
    assert at.slider(key=P + "layers").value == 2  # unchanged


def _tick(at):
    """What Play's timer does in the browser (AppTest does not tick fragments): a rerun a tick after the last."""
    at.session_state[P + "run"]["tick"] = time.monotonic() - PLAY_SECONDS
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at.session_state[P + "run"]


def test_play_steps_by_itself_and_pause_stops_it():
    at = _press(run_page("backpropagation"), "play")
    run = at.session_state[P + "run"]
    assert run["playing"] and run["pos"] == 1  # the first value at once
    assert at.button(key=P + "play").label == "Pause"
    assert "Forward pass: step 1 of 3" in all_text(at)
    # A rerun right away (a click in the walk-through) is not a tick. The press's own run set the tick; under
    # load that run can end late, so the clock restarts here: "right away" must not depend on the machine.
    at.session_state[P + "run"]["tick"] = time.monotonic()
    at.run()
    assert at.session_state[P + "run"]["pos"] == 1
    time.sleep(PLAY_SECONDS)
    at.run()  # the real clock: one tick later, the next value
    assert at.session_state[P + "run"]["pos"] == 2 and "Forward pass: step 2 of 3" in all_text(at)
    _press(at, "play")  # now labelled Pause
    assert not at.session_state[P + "run"]["playing"] and at.button(key=P + "play").label == "Play"
    assert _tick(at)["pos"] == 2  # paused: no tick moves it
    # Left playing while the student was on another page (no tick for a minute): paused on return, not moved.
    _press(at, "play")
    at.session_state[P + "run"]["tick"] = time.monotonic() - 60
    at.run()
    run = at.session_state[P + "run"]
    assert not run["playing"] and run["pos"] == 3 and at.button(key=P + "play").label == "Play"


def test_play_stops_after_the_update_or_keeps_going_with_the_next_example():
    at = _press(run_page("backpropagation"), "play")
    for expected in range(2, 8):  # 3 forward, 3 backward (output first), the update
        run = _tick(at)
        assert run["pos"] == expected
    assert not run["playing"] and at.button(key=P + "play").label == "Play"
    assert "Update" in all_text(at) and _metric(at, "Updates so far") == "0"
    assert _tick(at)["pos"] == 7  # stopped at the end of the update
    # Play at the end applies the update and walks through the next example; with "keep going" it goes on.
    at.toggle(key=P + "keep").set_value(True).run()
    _press(at, "play")
    assert "Example 2 of 4" in all_text(at) and _metric(at, "Updates so far") == "1"
    for _ in range(6):
        run = _tick(at)
    assert run["pos"] == 7 and run["playing"]
    run = _tick(at)
    assert run["pos"] == 1 and run["example"] == 2 and run["playing"]
    assert _metric(at, "Updates so far") == "2" and len(run["history"]) == 3  # the loss chart grew
    _press(at, "step")  # a button by hand stops Play
    assert not at.session_state[P + "run"]["playing"] and at.session_state[P + "run"]["pos"] == 2


def test_a_lesson_step_ticks_from_the_walk_through_itself():
    # The lesson banner is drawn by the whole page's run; the walk-through is a fragment, so it ticks the
    # step itself (here the page runs without the app shell: no banner, only the fragment can tick it).
    at = run_page("backpropagation", query={"data": "or", "lr": "2.0", "seed": "1"},
                  **{"lesson/active": ("backpropagation", 2), "lesson/done": {}})
    assert not at.session_state["lesson/done"].get("backpropagation")
    _press(at, "batch_many")
    assert at.session_state["lesson/done"]["backpropagation"] == {2}

"""AppTest of Compare runs on the Playground, MNIST and Train/validation/test.

Two runs that differ in one setting become two curves named by that setting; Run again puts the
run's settings back into the widgets and trains it afresh with its seed, which draws the same curve.
AppTest does not tick the live fragments, so runs are driven with the pages' buttons and awaited
through the session's worker.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.apptest_utils import all_text, run_page


@pytest.fixture(autouse=True)
def threads(monkeypatch, tmp_path):
    """Train in threads (the tests read the workers), and an empty MNIST cache (the sample is used)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")
    monkeypatch.setenv("PLAYGROUND_MNIST_DIR", str(tmp_path / "mnist-cache"))


@pytest.fixture
def apps():
    opened = []
    yield opened
    for at, key in opened:
        if key in at.session_state and at.session_state[key] is not None:
            at.session_state[key].stop()


def _ok(at):
    assert not at.exception, [e.message for e in at.exception]
    return at


def _click(at, key):
    return _ok(at.button(key=key).click().run())


def _chart(at, prefix):
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(prefix + "runs/chart"))
    return json.loads(chart.proto.spec)


def _legend(at, prefix):
    return [trace["name"] for trace in _chart(at, prefix)["data"] if trace.get("showlegend")]


def _pick(at, prefix, run_id):
    """Choose run `run_id` in the Run again / Remove box (its key follows the kept runs)."""
    box = next(s for s in at.selectbox if s.key.startswith(prefix + "runs/pick/"))
    return _ok(box.set_value(run_id).run())


def _held_out_loss(at, prefix, name):
    """The solid loss curve of run `name` in the chart: (epochs, values)."""
    trace = next(tr for tr in _chart(at, prefix)["data"] if tr["name"] == name and tr.get("yaxis", "y") == "y"
                 and tr["line"]["dash"] == "solid")
    return trace["x"], trace["y"]


def _wait_epochs(worker, epochs, timeout=60):
    deadline = time.monotonic() + timeout
    while worker.latest().epoch < epochs:
        assert time.monotonic() < deadline, f"no epoch {epochs} in {timeout} s"
        time.sleep(0.02)


# ---------------------------------------------------------------- Playground

PG = "playground/"


def test_playground_two_learning_rates_two_curves_and_run_again_reproduces(apps):
    at = run_page("network_playground", query={"dataset": "spiral", "noise": "10"})
    apps.append((at, PG + "worker"))
    assert "No finished run yet" in all_text(at)
    for _ in range(3):
        _click(at, PG + "step")
    _click(at, PG + "reset")  # the 3-epoch run is kept; a new one starts
    _ok(at.select_slider(key=PG + "lr").set_value(0.3).run())
    for _ in range(3):
        _click(at, PG + "step")
    _click(at, PG + "reset")
    assert _legend(at, PG) == ["learning rate 0.03", "learning rate 0.3"]
    slow_x, slow_loss = _held_out_loss(at, PG, "learning rate 0.03")
    assert slow_x == [1, 2, 3]
    assert _held_out_loss(at, PG, "learning rate 0.3")[1] != slow_loss
    table = at.dataframe[0].value  # the runs' table comes before the network summary
    assert list(table["Run"]) == ["learning rate 0.03", "learning rate 0.3"] and list(table["Epochs"]) == ["3", "3"]
    assert all(float(s) > 0 for s in table["Seconds per epoch"])

    # Run again the first: its learning rate is back in the slider, and it trains with the same seed.
    _pick(at, PG, 1)
    _click(at, PG + "runs/again")
    assert at.select_slider(key=PG + "lr").value == 0.03
    worker = at.session_state[PG + "worker"]
    assert worker.status == "running"
    _wait_epochs(worker, 3)
    worker.pause()
    _ok(at.run())
    legend = _legend(at, PG)
    assert legend[:2] == ["learning rate 0.03 (run 1)", "learning rate 0.3"] and len(legend) == 3
    assert legend[2].startswith("learning rate 0.03 (run ")  # the same settings: told apart by number
    again_x, again_loss = _held_out_loss(at, PG, legend[-1])
    assert again_x[:3] == [1, 2, 3] and again_loss[:3] == pytest.approx(slow_loss, rel=1e-6)

    _click(at, PG + "runs/remove")  # the newest run is picked once the list changed: it goes
    assert _legend(at, PG) == ["learning rate 0.03", "learning rate 0.3"]
    _pick(at, PG, 1)
    _click(at, PG + "runs/remove")
    assert _legend(at, PG) == ["run 2"]  # alone, nothing differs: a number names it
    _click(at, PG + "runs/clear")
    assert "No finished run yet" in all_text(at)


def test_playground_a_learning_rate_changed_mid_run_is_named_as_a_change(apps):
    at = run_page("network_playground")
    apps.append((at, PG + "worker"))
    _click(at, PG + "step")
    _ok(at.select_slider(key=PG + "lr").set_value(0.3).run())  # applied to the run at once (no restart)
    _click(at, PG + "step")
    _click(at, PG + "reset")
    _ok(at.select_slider(key=PG + "lr").set_value(0.1).run())  # changed on the new run's epoch 0: its own rate
    _click(at, PG + "step")
    _ok(at.select_slider(key=PG + "lr").set_value(0.03).run())  # changed, but nothing trained since
    _click(at, PG + "reset")
    assert _legend(at, PG) == ["learning rate 0.03 → 0.3", "learning rate 0.1"]


def test_playground_new_weights_start_a_new_run_and_the_section_speaks_korean(apps):
    at = run_page("network_playground")
    apps.append((at, PG + "worker"))
    _click(at, PG + "step")
    _click(at, PG + "new_seed")  # new weights: a new run, the first one kept
    _click(at, PG + "step")
    _click(at, PG + "reset")
    seeds = [run.setting("seed") for run in at.session_state[PG + "runs"].runs]
    assert len(seeds) == 2 and seeds[0] == 0
    assert _legend(at, PG) == [f"seed {seed}" for seed in seeds]
    # (AppTest reads a Playground select box's labels outside the script run, in English: switch after clicking)
    at.session_state["lang"] = "ko"
    text = all_text(_ok(at.run()))
    assert "실행 비교" in text and "실선은 테스트 데이터" in text
    assert _legend(at, PG) == [f"시드 {seed}" for seed in seeds]
    assert at.button(key=PG + "runs/again").label == "다시 실행"


def test_playground_a_teacher_can_hide_the_run_again_row_and_the_class_still_sees_the_runs(apps):
    at = run_page("network_playground", query={"hide": "playground/runs/controls", "present": "1"})
    apps.append((at, PG + "worker"))
    _click(at, PG + "step")
    _click(at, PG + "reset")
    assert _legend(at, PG) == ["run 1"]  # the chart and the table are drawn
    keys = [b.key for b in at.button] + [s.key for s in at.selectbox]
    assert not any(k and k.startswith(PG + "runs/") for k in keys), keys
    # the teacher's panel (drawn by the app shell) lists the row by its name, so it can be shown again
    assert at.session_state["app/controls"][PG + "runs/controls"] == "Compare runs: Run again, Remove, Clear all"
    at.session_state["app/hide"] = set()
    assert _ok(at.run()).button(key=PG + "runs/again").label == "Run again"


# ---------------------------------------------------------------- MNIST

MN = "mnist/"


def _train_to_the_end(at, prefix, button):
    """Press `button` (Train, Play) and wait for the run's last epoch; then the page as it draws it."""
    _click(at, prefix + button)
    worker = at.session_state[prefix + "worker"]
    assert worker.wait(timeout=120), "training did not finish"
    return _ok(at.run())


def _mnist_train(at):
    return _train_to_the_end(at, MN, "train")


def test_mnist_two_learning_rates_two_curves_and_run_again_reproduces(apps):
    at = run_page("mnist", query={"preset": "softmax", "epochs": "2", "lr": "0.001"})
    apps.append((at, MN + "worker"))
    _mnist_train(at)
    _ok(at.select_slider(key=MN + "lr").set_value(0.01).run())
    _mnist_train(at)  # a new run: the first one is kept
    assert _legend(at, MN) == ["learning rate 0.001", "learning rate 0.01"]
    first_x, first_loss = _held_out_loss(at, MN, "learning rate 0.001")
    assert first_x == [1, 2] and _held_out_loss(at, MN, "learning rate 0.01")[1] != first_loss
    assert "Validation loss" in list(at.dataframe)[-1].value.columns
    _pick(at, MN, 1)
    _click(at, MN + "runs/again")
    assert at.select_slider(key=MN + "lr").value == 0.001 and at.slider(key=MN + "epochs").value == 2
    assert at.session_state[MN + "worker"].wait(timeout=120)
    _ok(at.run())
    legend = _legend(at, MN)
    assert legend[0] == "learning rate 0.001 (run 1)" and legend[2].startswith("learning rate 0.001 (run ")
    assert _held_out_loss(at, MN, legend[2]) == (first_x, pytest.approx(first_loss, rel=1e-6))


# ---------------------------------------------------------------- Train / validation / test

TV = "splits/"


def _tv_train(at):
    return _train_to_the_end(at, TV, "play")


def test_train_val_test_two_networks_two_curves_and_run_again_reproduces(apps):
    at = run_page("train_val_test", query={"epochs": "60", "speed": "fast", "size": "small"})
    apps.append((at, TV + "worker"))
    _tv_train(at)
    _ok(at.selectbox(key=TV + "size").set_value("medium").run())  # a new network: a new run, the first kept
    _tv_train(at)
    assert _legend(at, TV) == ["network Small: 4 neurons", "network Medium: 16 + 16 neurons"]
    small_x, small_loss = _held_out_loss(at, TV, "network Small: 4 neurons")
    assert small_x == list(range(1, 61))
    # the page's own validation curve of the run now showing is the one kept for it
    records = at.session_state[TV + "worker"].latest().payload
    assert _held_out_loss(at, TV, "network Medium: 16 + 16 neurons")[1] == pytest.approx(list(records.val_loss))
    _pick(at, TV, 1)
    _click(at, TV + "runs/again")
    assert at.selectbox(key=TV + "size").value == "small"
    worker = at.session_state[TV + "worker"]
    assert worker.wait(timeout=120) and worker.latest().epoch == 60  # it trained again (maybe done already)
    _ok(at.run())
    legend = _legend(at, TV)
    assert len(legend) == 3 and legend[2].startswith("network Small: 4 neurons (run ")
    assert _held_out_loss(at, TV, legend[2]) == (small_x, pytest.approx(small_loss, rel=1e-6))

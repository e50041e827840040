"""AppTest of the Playground page: controls by key, + / − buttons, summary and code, URL, Korean, errors.

AppTest does not tick the live fragment's timer, so training is driven with Step (which waits for
its epoch) and checked through the session's worker.
"""

import pytest

from tests.apptest_utils import all_text, run_page
from ui.share import share_url

P = "playground/"
WORKER = P + "worker"


@pytest.fixture(autouse=True)
def threads(monkeypatch):
    """Train in threads here: these tests read the trainer, which a training process keeps to itself
    (tests/test_worker_pool.py drives the page through the process pool)."""
    monkeypatch.setenv("PLAYGROUND_TRAINING_PROCESSES", "0")


@pytest.fixture
def apps():
    """Pages opened by a test; their training threads are stopped afterwards."""
    opened = []
    yield opened
    for at in opened:
        worker = at.session_state[WORKER] if WORKER in at.session_state else None
        if worker is not None:
            worker.stop()


def _open(apps, **kwargs):
    at = run_page("network_playground", **kwargs)
    apps.append(at)
    return at


def _summary(at):
    return at.dataframe[0].value


def _link(at) -> str:
    """The page's link as Copy link builds it (the query the page wrote; AppTest has no address)."""
    return share_url({name: at.query_params[name] for name in at.query_params}, None)


def _click(at, key):
    at.button(key=key).click().run()
    assert not at.exception, [e.message for e in at.exception]


def test_default_page_shows_network_summary_code_and_link(apps):
    at = _open(apps)
    text = all_text(at)
    assert "Neural network playground" in text and "2 hidden layers" in text
    assert "000,000" in text  # the epoch counter
    table = _summary(at)
    assert list(table["Parameters"]) == [2 * 4 + 4, 4 * 2 + 2, 2 * 1 + 1]  # dense: inputs·units + units
    assert "Total trainable parameters: 25" in text
    code = at.code[0].value
    assert "nn.Linear(2, 4)" in code and "nn.Tanh()" in code and "nn.BCEWithLogitsLoss()" in code
    assert "LEARNING_RATE = 0.03" in code and "_circle(rng, N_POINTS" in code  # the page's own data, not placeholders
    keras = at.code[1].value  # the same network in Keras 3, in the code tab's second tab
    assert "layers.Dense(4, activation='tanh'" in keras and "BinaryCrossentropy(from_logits=True)" in keras
    share = _link(at)  # what the share tab's (and the sidebar's) Copy link copies
    assert "dataset=circle" in share and "layers=4%2C2" in share and "lang=en" in share
    assert at.session_state[WORKER].status == "paused"
    for key in ("play", "step", "reset", "new_seed", "layers_plus", "layers_minus", "regenerate"):
        assert at.button(key=P + key)


def test_plus_and_minus_change_layers_and_neurons(apps):
    at = _open(apps)
    _click(at, P + "layers_plus")
    assert "3 hidden layers" in all_text(at)
    assert list(_summary(at)["Output shape"]) == ["(4,)", "(2,)", "(2,)", "(1,)"]  # a new layer copies the last size
    _click(at, P + "units_plus/0")
    assert _summary(at)["Parameters"][0] == 2 * 5 + 5
    _click(at, P + "units_minus/1")
    assert _summary(at)["Output shape"][1] == "(1,)"
    assert at.button(key=P + "units_minus/1").disabled  # one neuron is the least
    for _ in range(3):
        _click(at, P + "layers_minus")
    assert "0 hidden layers" in all_text(at) and "one straight line" in all_text(at)
    assert len(_summary(at)) == 1 and at.button(key=P + "layers_minus").disabled
    assert "nn.Linear(2, 1)" in at.code[0].value
    # the running worker was rebuilt for the new network
    with at.session_state[WORKER].lock:
        assert at.session_state[WORKER].trainer.n_outputs == 1
        assert len(at.session_state[WORKER].trainer.infos) == 1


def test_six_layers_is_the_most(apps):
    at = _open(apps, query={"layers": "16,16,16,16,16,16", "acts": "relu"})
    assert at.button(key=P + "layers_plus").disabled
    assert at.button(key=P + "units_plus/0").disabled
    assert len(_summary(at)) == 7


def test_play_and_pause(apps):
    at = _open(apps)
    _click(at, P + "play")
    assert at.session_state[WORKER].status == "running"
    assert at.button(key=P + "play").label == "Pause"
    assert "None" not in all_text(at).splitlines()  # a callback must not leave stray output
    _click(at, P + "play")
    assert at.session_state[WORKER].status == "paused" and at.button(key=P + "play").label == "Play"


def test_speed_is_shown_only_while_training(apps):
    # A paused run does not train: "Paused · 19,166 examples/s" (its last speed) read as if it did.
    at = _open(apps)
    _click(at, P + "step")
    assert at.session_state[WORKER].latest().samples_per_second > 0  # a speed was measured...
    assert "examples/s" not in all_text(at)  # ...and is not shown while paused
    _click(at, P + "play")
    assert "examples/s" in all_text(at)


def test_step_trains_exactly_one_epoch(apps):
    at = _open(apps)
    _click(at, P + "step")
    snap = at.session_state[WORKER].latest()
    assert snap.epoch == 1 and snap.status == "paused" and len(snap.history["train_loss"]) == 1
    assert "000,001" in all_text(at)
    _click(at, P + "step")
    assert at.session_state[WORKER].latest().epoch == 2
    _click(at, P + "reset")
    assert at.session_state[WORKER].latest().epoch == 0


def test_learning_rate_applies_to_the_same_worker(apps):
    at = _open(apps)
    worker = at.session_state[WORKER]
    at.select_slider(key=P + "lr").set_value(0.3).run()
    assert at.session_state[WORKER] is worker
    with worker.lock:
        assert worker.trainer.config.learning_rate == 0.3
        assert worker.trainer.optimizer.param_groups[0]["lr"] == 0.3
    assert "LEARNING_RATE = 0.3" in at.code[0].value


def test_new_seed_resets_with_other_weights(apps):
    at = _open(apps)
    worker = at.session_state[WORKER]
    with worker.lock:
        before = worker.trainer.model[0].weight.detach().clone()
    _click(at, P + "new_seed")
    assert at.session_state[WORKER] is worker
    with worker.lock:
        assert worker.trainer.config.seed == at.session_state[P + "values"]["seed"]
        assert not (worker.trainer.model[0].weight == before).all()


def test_changing_data_or_features_rebuilds_the_worker(apps):
    at = _open(apps)
    first = at.session_state[WORKER]
    at.selectbox(key=P + "dataset").set_value("blobs").run()
    at.slider(key=P + "classes").set_value(4).run()
    second = at.session_state[WORKER]
    assert second is not first and not first.alive
    with second.lock:
        assert second.trainer.config.loss == "cross_entropy" and second.trainer.n_outputs == 4
    at.checkbox(key=P + "feat/x1x2").check().run()
    with at.session_state[WORKER].lock:
        assert at.session_state[WORKER].trainer.input_shape == (3,)
    assert "Each colour is a class" in all_text(at)


def test_regression_problem(apps):
    at = _open(apps)
    at.selectbox(key=P + "problem").set_value("regression").run()
    assert at.selectbox(key=P + "dataset").value == "plane"
    with at.session_state[WORKER].lock:
        assert at.session_state[WORKER].trainer.config.loss == "mse"
    assert "nn.MSELoss()" in at.code[0].value
    assert "predicted value" in all_text(at)


def test_divergence_shows_the_message_and_keeps_the_weights(apps):
    at = _open(apps, query={"problem": "regression", "dataset": "plane", "lr": "10"})
    _click(at, P + "step")
    snap = at.session_state[WORKER].latest()
    assert snap.status == "diverged"
    assert any("Lower the learning rate" in e.value for e in at.error)
    with at.session_state[WORKER].lock:
        params = list(at.session_state[WORKER].trainer.model.parameters())
        assert all(p.isfinite().all() for p in params)


def test_share_link_restores_the_whole_config(apps):
    query = {"dataset": "xor", "layers": "8,3", "acts": "relu,sigmoid", "features": "x1,x2,x1x2", "lr": "0.1",
             "batch": "20", "opt": "adam", "reg": "l2", "rate": "0.003", "seed": "7", "noise": "15", "train": "70",
             "test": "1", "discrete": "1"}
    at = _open(apps, query=query)
    assert at.selectbox(key=P + "dataset").value == "xor"
    assert at.select_slider(key=P + "lr").value == 0.1
    assert at.selectbox(key=P + "act/0").value == "relu" and at.selectbox(key=P + "act/1").value == "sigmoid"
    assert at.checkbox(key=P + "feat/x1x2").value and not at.checkbox(key=P + "feat/sin_x1").value
    assert at.toggle(key=P + "test").value and at.toggle(key=P + "discrete").value
    assert at.slider(key=P + "noise").value == 15 and at.slider(key=P + "train").value == 70
    with at.session_state[WORKER].lock:
        config = at.session_state[WORKER].trainer.config
    assert (config.seed, config.batch_size, config.optimizer, config.regularization, config.reg_rate) == (
        7, 20, "adam", "l2", 0.003)
    assert list(_summary(at)["Settings"]) == ["dense 8, relu", "dense 3, sigmoid", "dense 1, linear"]
    assert not at.info  # nothing to complain about


def test_bad_link_values_fall_back_with_a_notice(apps):
    at = _open(apps, query={"noise": "99", "layers": "4,abc", "lr": "banana"})
    notices = " ".join(i.value for i in at.info)
    assert "'noise'" in notices and "'layers'" in notices and "'lr'" in notices
    assert at.slider(key=P + "noise").value == 0 and len(_summary(at)) == 3


def test_no_feature_or_missing_csv_keeps_the_last_good_network(apps):
    at = _open(apps)
    at.checkbox(key=P + "feat/x1").uncheck().run()
    worker = at.session_state[WORKER]  # now trained on x2 alone
    at.checkbox(key=P + "feat/x2").uncheck().run()
    assert any("at least one input feature" in e.value for e in at.error)
    assert at.session_state[WORKER] is worker and worker.alive
    at.checkbox(key=P + "feat/x2").check().run()
    at.selectbox(key=P + "dataset").set_value("csv").run()
    assert any("Upload a CSV file" in e.value for e in at.error)
    assert not at.exception


def test_global_activation_sets_every_layer(apps):
    at = _open(apps)
    at.selectbox(key=P + "act").set_value("relu").run()
    assert [at.selectbox(key=P + f"act/{i}").value for i in range(2)] == ["relu", "relu"]
    assert list(_summary(at)["Settings"])[:2] == ["dense 4, relu", "dense 2, relu"]


def test_korean(apps):
    at = _open(apps, lang="ko")
    text = all_text(at)
    assert "신경망 플레이그라운드" in text and "은닉층 2개" in text
    assert at.button(key=P + "play").label == "학습 시작"
    assert "층" in _summary(at).columns and "매개변수 수" in _summary(at).columns
    assert "주황과 파랑" in text


def _csv(rows=30, classes=3):
    return "x1,x2,label\n" + "\n".join(f"{(i % 7) - 3},{(i % 5) - 2},{i % classes}" for i in range(rows))


def test_csv_upload_good_then_bad_file(apps):
    at = _open(apps)
    at.selectbox(key=P + "dataset").set_value("csv").run()
    at.file_uploader(key=P + "csv").set_value(("points.csv", _csv().encode(), "text/csv")).run()
    assert not at.exception
    assert "Loaded 30 points (3 classes) from points.csv" in all_text(at)
    worker = at.session_state[WORKER]
    with worker.lock:
        assert worker.trainer.n_outputs == 3 and len(worker.trainer.x_train) == 15
    bad = _csv().replace("\n2,0,", "\n2,oops,", 1)
    at.file_uploader(key=P + "csv").set_value(("bad.csv", bad.encode(), "text/csv")).run()
    errors = " ".join(e.value for e in at.error)
    assert "Row" in errors and "'oops' is not a number" in errors
    assert at.session_state[WORKER] is worker and worker.alive  # the good data stays


def test_seed_inputs_choose_data_and_weights(apps):
    at = _open(apps)
    worker = at.session_state[WORKER]
    with worker.lock:
        x_before = worker.trainer.x_train.clone()
        w_before = worker.trainer.model[0].weight.detach().clone()
    at.number_input(key=P + "seed").set_value(5).run()
    assert at.session_state[WORKER] is worker  # new weights, same run
    with worker.lock:
        assert worker.trainer.config.seed == 5 and not (worker.trainer.model[0].weight == w_before).all()
    at.number_input(key=P + "dseed").set_value(9).run()
    new = at.session_state[WORKER]
    assert new is not worker  # new data: a new run
    with new.lock:
        assert not (new.trainer.x_train == x_before).all() and new.trainer.config.seed == 5
    assert "dseed=9" in _link(at) and "seed=5" in _link(at)


def test_a_lesson_step_ticks_while_training_runs(apps):
    # "Get the circle's test loss below 0.1": the banner is drawn by the whole page's run, which the live
    # view's timer does not repeat, so the live view ticks the step itself while training goes on. Here
    # the page runs without the app shell (no banner): only the live view can tick it.
    import time

    from playground import lessons as L

    step = L.by_id("circle").steps[1]
    at = _open(apps, query=step.query(), **{"lesson/active": ("circle", 2), "lesson/done": {}})
    _click(at, P + "play")
    worker = at.session_state[WORKER]
    deadline = time.monotonic() + 120
    while (worker.latest().history.get("test_loss") or [1.0])[-1] >= 0.1 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not at.session_state["lesson/done"].get("circle")
    at.run()  # what the live view's next tick runs (AppTest reruns the whole page; the banner is not in it)
    assert at.session_state["lesson/done"]["circle"] == {2}
    assert worker.status == "running"  # ticked without pausing

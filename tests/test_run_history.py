"""Compare runs, core: kept runs, labels by what changed, bounded memory, same seed same curve, the chart."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from playground import overfitting as of
from playground import playground_config as pc
from playground import run_history as rh
from playground.charts import runs as charts
from playground.worker import TrainingWorker

LABELS = {"loss": "Loss", "accuracy": "Accuracy", "epoch": "Epoch", "train": "training", "held_out": "test",
          "empty": "No runs yet"}


def _history(n: int, start: float = 1.0) -> dict[str, list]:
    return {
        "epoch": list(range(1, n + 1)), "train_loss": [start / e for e in range(1, n + 1)],
        "test_loss": [start / e + 0.1 for e in range(1, n + 1)], "train_acc": [0.5] * n, "test_acc": [0.4] * n,
    }


def _describe(name, value):
    names = {"lr": "learning rate", "hidden": "hidden layers", "seed": "seed"}
    shown = f"{value.before:g} → {value.after:g}" if isinstance(value, rh.Changed) else (
        str(len(value)) if name == "hidden" else f"{value:g}")
    return f"{names.get(name, name)} {shown}"


def _run(run_id, config=pc.PlaygroundConfig(), n=3):
    return rh.make_run(run_id, rh.playground_settings(config), _history(n), train_seconds=0.6, restore=config)


def test_a_run_of_no_epochs_is_not_kept_and_time_per_epoch_is_seconds_over_epochs():
    history = rh.RunHistory()
    history.record(rh.make_run(1, [("lr", 0.1)], {"epoch": [], "train_loss": []}, train_seconds=1.0))
    assert history.runs == ()
    run = rh.make_run(2, [("lr", 0.1)], _history(4), train_seconds=2.0)
    assert run.seconds_per_epoch == pytest.approx(0.5) and run.epochs == 4
    assert rh.make_run(3, [], _history(4), train_seconds=2.0, timed_epochs=1).seconds_per_epoch == pytest.approx(2.0)
    assert rh.make_run(4, [], _history(4)).seconds_per_epoch is None  # not timed: no made-up number
    assert run.final("test_loss") == pytest.approx(1 / 4 + 0.1) and run.final("train_acc") == 0.5


def test_non_numbers_in_a_curve_become_gaps():
    history = _history(3)
    history["test_loss"] = [0.5, float("nan"), None]
    history["test_acc"] = [None, None, None]  # regression: no accuracy
    run = rh.make_run(1, [], history)
    assert run.curves["test_loss"] == (0.5, None, None)
    assert run.final("test_loss") == 0.5 and run.final("test_acc") is None


def test_history_keeps_the_last_five_runs_and_updates_a_run_in_place():
    history = rh.RunHistory()
    ids = [history.new_id() for _ in range(7)]
    assert ids == [1, 2, 3, 4, 5, 6, 7]
    for run_id in ids[:6]:
        history.record(_run(run_id))
    assert [r.id for r in history.runs] == [2, 3, 4, 5, 6]  # the oldest went
    history.record(_run(3, n=10))  # the same run, trained further: replaced where it was
    assert [r.id for r in history.runs] == [2, 3, 4, 5, 6] and history.get(3).epochs == 10
    history.remove(4)
    history.remove(99)
    assert [r.id for r in history.runs] == [2, 3, 5, 6]
    history.clear()
    assert history.runs == () and history.new_id() == 8  # numbers are never reused


def test_labels_name_only_what_differs():
    base = pc.PlaygroundConfig()
    slow, fast = _run(1, replace(base, learning_rate=0.03)), _run(2, replace(base, learning_rate=0.3))
    assert rh.differing([slow, fast]) == ["lr"]
    assert rh.labels([slow, fast], _describe, lambda i: f"run {i}") == ["learning rate 0.03", "learning rate 0.3"]
    two, four = _run(3, replace(base, hidden=(4, 2))), _run(4, replace(base, hidden=(4, 4, 2, 2), activations=("tanh",) * 4))
    assert rh.differing([two, four]) == ["hidden", "acts"]
    # nothing differs: numbered by the order the runs started
    same = [_run(5), _run(6)]
    assert rh.labels(same, _describe, lambda i: f"run {i}") == ["run 5", "run 6"]
    # a run and its rerun share their settings: each label still names one run
    again = _run(7, replace(base, learning_rate=0.03))
    assert rh.labels([slow, fast, again], _describe, lambda i: f"run {i}") == [
        "learning rate 0.03 (run 1)", "learning rate 0.3", "learning rate 0.03 (run 7)"]


def test_a_setting_changed_during_a_run_is_shown_as_a_change():
    start = rh.playground_settings(pc.PlaygroundConfig(learning_rate=0.03))
    now = rh.playground_settings(pc.PlaygroundConfig(learning_rate=0.3))
    merged = rh.merge_settings(start, now)
    assert dict(merged)["lr"] == rh.Changed(0.03, 0.3) and dict(merged)["seed"] == 0
    assert dict(rh.merge_settings(merged, start))["lr"] == 0.03  # changed back: as it started
    run = rh.make_run(1, merged, _history(3))
    assert rh.differing([run]) == ["lr"]  # even alone, a run whose rate changed says so
    assert rh.labels([run], _describe, str) == ["learning rate 0.03 → 0.3"]


def test_long_runs_are_thinned_and_five_runs_stay_small():
    idx = rh.thin(100_000)
    assert len(idx) <= rh.MAX_POINTS and idx[0] == 0 and idx[-1] == 99_999
    gaps = {b - a for a, b in zip(idx[:-1], idx[1:-1])}
    assert gaps == {512} and len(idx) >= rh.MAX_POINTS // 2  # evenly spread, at least half the points used
    assert rh.thin(5) == [0, 1, 2, 3, 4]
    assert rh.thin(201, 200) == [*range(0, 200, 2), 200]
    history = rh.RunHistory()
    for i in range(5):
        history.record(rh.make_run(history.new_id(), rh.playground_settings(pc.PlaygroundConfig()), _history(100_000),
                                   train_seconds=10.0, restore=pc.PlaygroundConfig()))
    run = history.runs[0]
    assert run.x[-1] == 100_000 and run.epochs == 100_000 and len(run.x) <= rh.MAX_POINTS
    assert run.curves["test_loss"][-1] == pytest.approx(1 / 100_000 + 0.1)
    # 30 sessions of a class: a kept history stays well under 100 KB a session (the raw curves were ~16 MB)
    assert len(pickle.dumps(history)) < 100_000


def test_runs_of_different_lengths_keep_the_same_epochs():
    # Run again paused at another epoch than its original: the curves still share many points to compare.
    for a, b in ((630, 301), (100_000, 40_000), (1_000, 999), (250, 200)):
        shared = set(rh.thin(a)) & set(rh.thin(b))
        assert len(shared) >= rh.MAX_POINTS // 4, (a, b, len(shared))
        assert all(len(rh.thin(n)) <= rh.MAX_POINTS for n in (a, b))


def _train(make_trainer, epochs: int):
    trainer = make_trainer()
    for _ in range(epochs):
        assert trainer.train_epoch()
    return trainer


def test_the_same_seed_gives_the_same_curve_and_another_seed_another():
    config = pc.PlaygroundConfig(dataset="spiral", noise=10, learning_rate=0.1)
    data = pc.make_data(config)
    first = _train(lambda: pc.make_trainer(config, data), 5)
    again = _train(lambda: pc.make_trainer(pc.with_seed(config, 0), pc.make_data(config)), 5)
    other = _train(lambda: pc.make_trainer(pc.with_seed(config, 7), data), 5)
    assert first.history == again.history
    assert first.history["test_loss"] != other.history["test_loss"]
    assert first.train_seconds > 0  # timed: the time per epoch a kept run reports


def test_a_thread_workers_snapshot_reports_the_runs_training_time():
    config = of.OverfitConfig(epochs=3, epochs_per_second=10.0, points=80)
    splits = of.make_splits(config)
    worker = TrainingWorker(lambda seed: of.make_trainer(config, splits, seed), max_epochs=3, snapshot_interval=0.01)
    try:
        worker.play()
        assert worker.wait(30)
        snap = worker.latest()
        seconds = snap.extra["train_seconds"]
        # the page's pace (10 epochs a second) sleeps between epochs: that wait is not the network's time
        assert snap.epoch == 3 and 0 < seconds < 0.25
    finally:
        worker.stop()


def test_chart_overlays_one_colour_a_run_and_drops_accuracy_for_regression():
    runs = [_run(1, n=4), _run(2, n=6)]
    fig = charts.runs_figure(runs, ["learning rate 0.03", "learning rate 0.3"], LABELS)
    legend = [tr.name for tr in fig.data if tr.showlegend]
    assert legend == ["learning rate 0.03", "learning rate 0.3"]
    assert len(fig.data) == 8  # 2 runs × (test, training) × (loss, accuracy)
    assert {tr.line.color for tr in fig.data if tr.legendgroup == "run2"} == {charts.run_color(2)}
    assert charts.run_color(1) != charts.run_color(2) and charts.run_color(6) == charts.run_color(1)
    solid = next(tr for tr in fig.data if tr.legendgroup == "run1" and tr.yaxis == "y" and tr.line.dash == "solid")
    assert list(solid.y) == [pytest.approx(1 / e + 0.1) for e in range(1, 5)]  # the held-out loss
    history = _history(3)
    history["train_acc"] = history["test_acc"] = [None] * 3
    fig = charts.runs_figure([rh.make_run(1, [], history)], ["run 1"], LABELS)
    assert {tr.yaxis for tr in fig.data} == {"y"} and "xaxis2" not in fig.to_plotly_json()["layout"]
    empty = charts.runs_figure([], [], LABELS)
    assert any(a.text == "No runs yet" for a in empty.layout.annotations) and len(empty.data) == 0

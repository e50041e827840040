"""Three-way splits, early stopping and the recorded overfitting run, checked against hand-made
loss lists and torch computing the losses from the recorded weights by hand."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from playground import overfitting as of
from playground.errors import UserError
from playground.worker import TrainingWorker

# ---------------------------------------------------------------------------- splits


@given(n=st.integers(10, 3000), train=st.integers(1, 98), val=st.integers(1, 98), seed=st.integers(0, 10_000))
@settings(max_examples=150, deadline=None)
def test_split_sizes_add_up_and_parts_never_overlap(n, train, val, seed):
    if train + val >= 100:
        with pytest.raises(UserError):
            of.split_sizes(n, train, val)
        return
    try:
        sizes = of.split_sizes(n, train, val)
    except UserError:
        # only when rounding leaves some part empty
        assert min(round(n * train / 100), round(n * val / 100), n - round(n * train / 100) - round(n * val / 100)) < 1
        return
    assert sizes.train + sizes.validation + sizes.test == sizes.total == n
    assert sizes.train == round(n * train / 100) and sizes.validation == round(n * val / 100)
    x = np.arange(n * 2, dtype=np.float32).reshape(n, 2)  # every row distinct
    y = np.arange(n)
    parts = of.three_way_split(x, y, train, val, seed)
    indices = [parts.train_index, parts.val_index, parts.test_index]
    assert [len(i) for i in indices] == [sizes.train, sizes.validation, sizes.test]
    together = np.concatenate(indices)
    assert len(np.unique(together)) == n and set(together.tolist()) == set(range(n))
    np.testing.assert_array_equal(parts.y_train, parts.train_index)  # each part holds exactly its rows
    np.testing.assert_array_equal(parts.x_val[:, 0], parts.val_index * 2)
    np.testing.assert_array_equal(parts.y_test, parts.test_index)


def test_split_hand_computed():
    assert of.split_sizes(120, 50, 25) == of.SplitSizes(60, 30, 30)
    assert of.split_sizes(10, 60, 20) == of.SplitSizes(6, 2, 2)
    a = of.three_way_split(np.zeros((50, 2)), np.zeros(50), 60, 20, seed=4)
    b = of.three_way_split(np.zeros((50, 2)), np.zeros(50), 60, 20, seed=4)
    np.testing.assert_array_equal(a.test_index, b.test_index)  # seeded


@pytest.mark.parametrize("train, val", [(0, 20), (60, 0), (70, 30), (90, 20), (float("nan"), 10)])
def test_split_without_a_part_is_refused(train, val):
    with pytest.raises(UserError):
        of.split_sizes(100, train, val)


def test_split_too_small_names_the_counts():
    with pytest.raises(UserError, match="0 for validation"):
        of.split_sizes(10, 90, 4)
    with pytest.raises(UserError, match="labels"):
        of.three_way_split(np.zeros((5, 2)), np.zeros(4), 60, 20)


# ---------------------------------------------------------------------------- early stopping


def test_best_epoch_on_hand_made_losses():
    assert of.best_epoch([1.0, 0.8, 0.6, 0.7, 0.9]) == 3
    assert of.best_epoch([0.5]) == 1
    assert of.best_epoch([0.9, 0.4, 0.7, 0.4, 0.8]) == 2  # a tie keeps the earlier (simpler) epoch
    assert of.best_epoch([None, 0.9, float("nan"), 0.3, float("inf")]) == 4
    assert of.best_epoch([3.0, 2.0, 1.0, 0.5]) == 4  # still improving: the last epoch
    with pytest.raises(UserError):
        of.best_epoch([])
    with pytest.raises(UserError):
        of.best_epoch([None, float("nan")])


def test_stopping_epoch_with_patience():
    losses = [1.0, 0.8, 0.6, 0.7, 0.9, 0.5, 0.55]
    assert of.stopping_epoch(losses, patience=2) == 5  # best at 3, no improvement at 4 and 5
    assert of.stopping_epoch(losses, patience=3) is None  # epoch 6 improves before patience runs out
    assert of.stopping_epoch([1.0, 1.0, 1.0], patience=2) == 3  # equal is not better
    with pytest.raises(UserError):
        of.stopping_epoch(losses, patience=0)


# ---------------------------------------------------------------------------- a real run

FAST = of.OverfitConfig(epochs=120, epochs_per_second=None)


@pytest.fixture(scope="module")
def splits():
    return of.make_splits(FAST)


@pytest.fixture(scope="module")
def plain(splits):
    return of.run(FAST, splits)


def _by_hand(config, records, epoch, x, y):
    """Cross-entropy and accuracy of the recorded weights of `epoch`, computed here with plain torch."""
    model = of.layers.build(config.specs(), (2,), seed=123)  # other initial weights: the recording must win
    model.load_state_dict(records.weights[epoch - 1])
    model.eval()
    with torch.no_grad():
        logits = model(torch.as_tensor(np.asarray(x, np.float32)))
        target = torch.as_tensor(np.asarray(y, np.int64))
        return F.cross_entropy(logits, target).item(), (logits.argmax(1) == target).float().mean().item()


def test_records_match_losses_computed_from_the_recorded_weights(plain, splits):
    assert plain.epochs == 120 and len(plain.weights) == 120
    for epoch in (1, 17, 120):
        val_loss, val_acc = _by_hand(FAST, plain, epoch, splits.x_val, splits.y_val)
        train_loss, train_acc = _by_hand(FAST, plain, epoch, splits.x_train, splits.y_train)
        assert plain.val_loss[epoch - 1] == pytest.approx(val_loss, rel=1e-4, abs=1e-6)
        assert plain.train_loss[epoch - 1] == pytest.approx(train_loss, rel=1e-4, abs=1e-6)
        assert plain.val_acc[epoch - 1] == pytest.approx(val_acc)
        assert plain.train_acc[epoch - 1] == pytest.approx(train_acc)


def test_early_stopping_picks_the_epoch_of_lowest_validation_loss_on_a_real_run(plain):
    best = plain.best()
    assert best == int(np.argmin(plain.val_loss)) + 1
    assert all(plain.val_loss[best - 1] <= v for v in plain.val_loss)


def test_a_large_network_overfits_a_small_noisy_set(plain):
    best = plain.best()
    assert best < 60, best  # validation loss bottoms out early...
    assert plain.val_loss[-1] > 2 * plain.val_loss[best - 1]  # ...then climbs,
    assert plain.train_loss[-1] < 0.5 * plain.train_loss[best - 1]  # while training loss keeps falling
    assert plain.gap(plain.epochs) > 0.5


@pytest.mark.parametrize("switch", [{"l2": True}, {"dropout": True}])
def test_l2_and_dropout_shrink_the_gap(plain, splits, switch):
    regularised = of.run(replace(FAST, **switch), splits)
    assert regularised.gap(regularised.epochs) < 0.6 * plain.gap(plain.epochs), switch
    assert min(regularised.val_loss) < 0.4  # and it still learns (guessing scores ln 2 ≈ 0.69)


def test_test_score_uses_the_chosen_epochs_weights(plain, splits):
    best = plain.best()
    score = of.score_test_set(FAST, plain, splits, best)
    loss, acc = _by_hand(FAST, plain, best, splits.x_test, splits.y_test)
    assert score.epoch == best
    assert score.loss == pytest.approx(loss, rel=1e-5) and score.accuracy == pytest.approx(acc)
    with pytest.raises(UserError, match="121"):
        of.score_test_set(FAST, plain, splits, 121)


def test_boundary_at_an_epoch_is_that_epochs_prediction(plain, splits):
    grid = of.boundary_at(FAST, plain, 10, resolution=30)
    assert grid.shape == (30, 30) and grid.min() >= 0 and grid.max() <= 1
    model = of.model_at(FAST, plain, 10)
    axis = np.linspace(-6, 6, 30, dtype=np.float32)
    point = torch.tensor([[axis[7], axis[21]]])  # column 7 is x, row 21 is y
    with torch.no_grad():
        p1 = torch.softmax(model(point), 1)[0, 1].item()
    assert grid[21, 7] == pytest.approx(p1, abs=1e-5)


def test_dropout_appears_after_each_hidden_layer():
    specs = replace(FAST, dropout=True, dropout_rate=0.3).specs()
    assert [s["kind"] for s in specs] == ["dense", "dropout"] * 3 + ["dense"]
    assert replace(FAST, l2=True).train_config().regularization == "l2"
    assert FAST.train_config().reg_rate == 0


def test_bad_settings_are_sentences():
    with pytest.raises(UserError, match="huge"):
        replace(FAST, size="huge").specs()
    with pytest.raises(UserError, match="plane"):
        of.make_splits(replace(FAST, dataset="plane"))


# ---------------------------------------------------------------------------- in the background worker


def test_worker_runs_the_recording_trainer_and_the_pace_holds(splits):
    config = replace(FAST, epochs=12, epochs_per_second=40.0)
    worker = TrainingWorker(lambda seed: of.make_trainer(config, splits, seed),
                            snapshot=lambda trainer: trainer.records(), max_epochs=config.epochs, seed=config.seed)
    try:
        started = time.monotonic()
        worker.play()
        assert worker.wait(timeout=30)
        elapsed = time.monotonic() - started
        snap = worker.latest()
        assert snap.status == "finished" and snap.epoch == 12
        records = snap.payload
        assert records.epochs == 12 and len(records.weights) == 12
        assert records.val_loss == tuple(snap.history["test_loss"])  # the validation set is the trainer's "test" data
        assert elapsed >= 11 / 40.0  # paced: about 40 epochs a second at most
    finally:
        worker.stop()
    same = of.run(replace(config, epochs_per_second=None), splits, epochs=12)
    assert same.val_loss == pytest.approx(records.val_loss)  # pacing changes nothing but the time
    assert math.isfinite(same.gap(12))

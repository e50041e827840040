"""Per-session work limits of the Playground: one student's settings cannot starve a shared server."""

from __future__ import annotations

import pytest

from playground import playground_config as pc
from playground.datasets import toy
from playground.errors import UserError


def _csv(rows: int) -> bytes:
    return "\n".join(f"{(i % 97) / 20},{(i % 89) / 20},{i % 2}" for i in range(rows)).encode()


def test_batch_one_over_twenty_thousand_points_is_refused_with_the_batch_that_works():
    config = pc.PlaygroundConfig(dataset="csv", batch_size=1, train_percent=90)
    with pytest.raises(UserError) as err:
        pc.make_data(config, _csv(toy.CSV_MAX_ROWS))
    assert err.value.key == "playground.work.too_many_steps"
    assert "at least 9 " in str(err.value)  # 18,000 points / 2,000 steps
    pc.make_data(pc.PlaygroundConfig(dataset="csv", batch_size=10, train_percent=90), _csv(toy.CSV_MAX_ROWS))


def test_every_generated_set_stays_within_the_limit():
    # the page's largest generated set, most training data, smallest batch: still allowed
    config = pc.PlaygroundConfig(points=pc.MAX_POINTS, train_percent=pc.MAX_TRAIN_PERCENT, batch_size=pc.MIN_BATCH)
    data = pc.make_data(config)
    pc.check_work(config, data)


def test_new_files_a_minute_are_capped():
    assert pc.csv_read_wait([], 100.0) == 0
    reads = [100.0 + i for i in range(pc.CSV_READS_PER_MINUTE)]
    assert pc.csv_read_wait(reads, 110.0) == 50  # the oldest of the last six leaves the window at 160
    assert pc.csv_read_wait(reads, 161.0) == 0


def test_quota_counts_starts_in_a_sliding_window():
    from playground import quota

    starts: list[float] = []
    for now in (0.0, 10.0, 20.0):
        assert quota.wait_seconds(starts, now, 3, 600.0) == 0
        quota.record(starts, now, 600.0)
    assert quota.wait_seconds(starts, 30.0, 3, 600.0) == 570  # the first start leaves the window at 600
    assert quota.wait_seconds(starts, 600.0, 3, 600.0) == 0
    quota.record(starts, 700.0, 600.0)
    assert starts == [700.0]  # older starts are forgotten


def test_learning_curves_per_session_are_capped_and_measured_ones_stay_free(monkeypatch):
    from playground import compare
    from tests.apptest_utils import run_page

    monkeypatch.setattr(compare, "CURVE_SIZES", (10, 40))
    monkeypatch.setattr(compare, "CURVE_REPEATS", 1)
    monkeypatch.setattr(compare, "CURVE_TEST_POINTS", 100)
    monkeypatch.setattr(compare, "CURVES_PER_WINDOW", 2)
    at = run_page("classic_vs_deep", query={"points": "200", "steps": "250", "net": "small", "noise": "0",
                                            "curve_model": "logistic"})
    for model in ("logistic", "tree"):
        at.selectbox(key="classic/curve_model").set_value(model).run()
        at.button(key="classic/measure").click().run()
        assert not at.error and not at.exception
    at.selectbox(key="classic/curve_model").set_value("forest").run()
    at.button(key="classic/measure").click().run()
    assert not at.exception and "measured 2 new curves in the last 10 minutes" in at.error[0].value
    at.selectbox(key="classic/curve_model").set_value("logistic").run()
    at.button(key="classic/measure").click().run()  # already measured: shown again, no new work
    assert not at.error

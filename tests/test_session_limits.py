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

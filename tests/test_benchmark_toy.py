"""The toy benchmark runs and prints its table (loose floors only: speed is measured, not asserted)."""

from __future__ import annotations

from benchmarks import toy as bench


def test_toy_benchmark_prints_a_table_and_returns_zero(capsys):
    code = bench.main(["--seconds", "0.3", "--rounds", "1"])
    out = capsys.readouterr().out
    assert code == 0
    rows = {line.split(" | ")[0].lstrip("| "): line for line in out.splitlines() if line.startswith("| ")}
    assert "worker training speed (epochs/s)" in rows and "live canvas scenes built + JSON, default (ms)" in rows
    bare = float(rows["worker training speed (epochs/s)"].split(" | ")[2].split()[-1].replace(",", ""))
    assert bare > 0  # the bare PyTorch loop trained at all

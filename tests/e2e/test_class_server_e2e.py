"""`python -m benchmarks class --server` runs real sessions on a real `streamlit run` server (issue 8): with two
lightweight clients for three seconds it prints its table, every session trains and redraws, the slider's
rerun is timed, and the server gives its training processes back. Floors are loose: the machine is shared."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def _row(output: str, start: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith(f"| {start}"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def _numbers(cell: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"[-+]?[\d,]*\.?\d+", cell)]


def test_class_benchmark_on_a_real_server_prints_its_table():
    done = subprocess.run([sys.executable, "-m", "benchmarks", "class", "--server", "--sessions", "2", "--seconds", "3"],
                          cwd=ROOT, capture_output=True, text=True, timeout=400)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "lightweight websocket clients, no browser" in out
    assert "| measure | value | target |" in out
    low, median = _numbers(_row(out, "epochs/s a session")[1])
    assert 0 < low <= median  # both sessions trained, as their epoch counters show
    assert _numbers(_row(out, "redraws/s a session")[1])[0] > 0.5  # the live fragment redraws (10/s asked)
    latency_median, worst = _numbers(_row(out, "slider rerun")[1])
    assert 0 < latency_median <= worst < 30
    start, training, after = _numbers(_row(out, "training processes:")[1])
    assert start == 0 and training >= 1 and after == 0

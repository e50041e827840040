"""Page latency: the benchmark runs and prints its table; light pages load without torch; charts keep
their template while skipping its per-figure validation (issue 8, "Interaction latency")."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks import latency as bench
from tests.conftest import ROOT


def test_benchmark_prints_a_table_and_returns_zero(capsys):
    code = bench.main(["--pages", "perceptron", "--repeats", "1"])
    out = capsys.readouterr().out
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| perceptron |")]
    assert [r.split(" | ")[1] for r in rows] == [
        "first load, fresh process", "first load, new session", "slider w1", "button load preset",
    ]
    for row in rows:
        median, worst = (float(v.replace(",", "")) for v in row.split(" | ")[2:4])
        assert 0 < median <= worst < 60_000  # a loose floor: a page run takes some time, and under a minute


def _modules_after_running(page: str) -> set[str]:
    """Top-level modules loaded in a fresh interpreter after one AppTest run of `page` (nothing else imported)."""
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(ROOT / 'app_pages' / (page + '.py'))!r}, default_timeout=300)\n"
        "at.session_state['lang'] = 'en'\n"
        "at.run()\n"
        "assert not at.exception, [e.message for e in at.exception]\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return set(result.stdout.split())


@pytest.mark.parametrize("page", ["perceptron", "activations", "linear_regression", "convolution"])
def test_light_pages_never_import_torch(page):
    # torch takes 2-3 s to import on the 2-core machine: these pages draw with NumPy and Plotly only.
    loaded = _modules_after_running(page)
    assert "plotly" in loaded  # the check itself sees what the page imported
    assert "torch" not in loaded
    assert "sklearn" not in loaded


def test_activation_torch_functions_still_work_when_called():
    import torch

    from playground import activations as A

    x = torch.tensor([-1.0, 0.0, 2.0])
    assert A.torch_fn("relu")(x).tolist() == [0.0, 0.0, 2.0]
    assert A.torch_fn("leaky_relu")(x).tolist() == pytest.approx([-A.LEAKY_SLOPE, 0.0, 2.0])


def test_every_chart_gets_the_white_template_without_passing_it():
    # In the app's import order: Streamlit (which sets a default template of its own) before the charts.
    code = (
        "import streamlit, plotly.io as pio\n"
        "from playground import perceptron as pc\n"
        "from playground.charts import perceptron as charts\n"
        "fig = charts.plane_figure(pc.PRESETS['AND'], [0, 0, 0, 1])\n"
        "assert fig.layout.template == pio.templates['plotly_white']\n"
        "assert fig.layout.template.layout.plot_bgcolor == 'white'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]

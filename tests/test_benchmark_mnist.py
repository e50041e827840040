"""`python -m benchmarks mnist` runs end to end (one cheap preset, no throughput section)."""

from benchmarks import mnist as bench


def test_benchmark_prints_a_table_and_returns_zero(shared_data, capsys):
    code = bench.main(["--presets", "softmax", "--epochs", "1", "--skip-throughput", "--test-dir", str(shared_data / "mnist")])
    out = capsys.readouterr().out
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("| softmax |"))
    accuracy = float(row.split("**")[1].rstrip("%"))
    assert 80 < accuracy < 95  # softmax regression on 5,000 digits, one epoch, real MNIST test set
    assert "7,850" in row


def test_bare_loop_and_worker_train_the_same_network_in_threads():
    import numpy as np
    import torch

    from playground.datasets import mnist

    sample = mnist.embedded_sample()
    x = torch.as_tensor(mnist.to_input(sample.images[:256]))
    y = torch.as_tensor(np.array(sample.labels[:256]))
    seconds = bench.in_thread(bench.bare_loop, bench.PRESETS["softmax"], x, y, 1)
    assert seconds > 0
    try:
        bench.in_thread(lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("in_thread must re-raise the thread's error")

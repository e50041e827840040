"""`python -m benchmarks toy`: training speed of the Playground's worker against a bare PyTorch loop,
against TensorFlow Playground's ceiling, and the time to build one UI frame (snapshot and canvas scenes).

The default network is TensorFlow Playground's: inputs x1, x2, hidden layers of 4 and 2 tanh
neurons, one output, 500 points of which 50 % train (an epoch is 250 examples), batch 10,
SGD with learning rate 0.03. Both contenders train the same data in this process, on one
CPU thread, in alternating rounds (the best round of each counts, so a busy machine hurts
neither more than the other). The worker takes its live snapshots (decision grid and every
neuron's grid) as the page makes it, so their cost is included.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import torch
from torch import nn

from playground import features as feats
from playground import grids
from playground import playground_config as pc
from playground.charts import hidden_scene
from playground.charts import playground_scene as scenes
from playground.datasets import toy
from playground.worker import TrainingWorker

TF_PLAYGROUND_EPOCHS_PER_SECOND = 60.0  # one epoch per animation frame at 60 frames a second, at best
SNAPSHOT_TARGET_MS = 30.0
RATIO_TARGET = 0.9


def _data(config: pc.PlaygroundConfig):
    data = pc.make_data(config)
    x = torch.from_numpy(feats.transform(data.x_train, config.features))
    y = torch.from_numpy(data.y_train.astype(np.float32)).reshape(-1, 1)
    return data, x, y


def bare_loop_epochs_per_second(x: torch.Tensor, y: torch.Tensor, seconds: float, seed: int = 0) -> float:
    """Epochs/s of the plainest PyTorch loop: randperm batches, forward, BCE, backward, SGD step."""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 2), nn.Tanh(), nn.Linear(2, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.03)
    loss_fn = nn.BCEWithLogitsLoss()
    n, batch = len(x), 10
    epochs, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        order = torch.randperm(n)
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        epochs += 1
    return epochs / (time.perf_counter() - start)


def worker_epochs_per_second(config: pc.PlaygroundConfig, data, seconds: float) -> float:
    """Epochs/s of the page's TrainingWorker (with its live snapshots), measured over `seconds`."""
    worker = TrainingWorker(
        lambda seed: pc.make_trainer(config, data, seed),
        snapshot=lambda trainer: grids.snapshot(trainer, config.features),
        snapshot_interval=0.1, seed=config.seed,
    )
    try:
        worker.play()
        time.sleep(0.3)  # let the chunk size settle
        with worker.lock:
            start_epochs, start = worker.trainer.epoch + worker.trainer.epoch_progress, time.perf_counter()
        time.sleep(seconds)
        with worker.lock:
            end_epochs, end = worker.trainer.epoch + worker.trainer.epoch_progress, time.perf_counter()
        return (end_epochs - start_epochs) / (end - start)
    finally:
        worker.stop()


def _median_ms(fn, repeats: int = 40) -> float:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))


def snapshot_ms(config: pc.PlaygroundConfig) -> tuple[float, float, int]:
    """(snapshot ms, scenes+JSON ms, JSON kB) for `config`'s network after a few epochs.

    The scenes are what the Playground page builds for each new snapshot (app_pages/network_playground.py,
    `_scenes`, with the page's default settings, and the hidden layer's space when a layer has 2 or 3 neurons) and the JSON is how ui/live_canvas.py sends each one.
    """
    data = pc.make_data(config)
    trainer = pc.make_trainer(config, data)
    for _ in range(3):
        trainer.train_epoch()
    snap_ms = _median_ms(lambda: grids.snapshot(trainer, config.features))
    snap = grids.snapshot(trainer, config.features)
    _, axis = grids.grid_points(toy.EXTENT, grids.DEFAULT_RESOLUTION)
    symbols = [feats.SYMBOLS[f] for f in config.features]

    def frame():
        built = [
            scenes.network_scene(symbols, grids.feature_maps(config.features, resolution=snap.neurons[0].shape[-1]),
                                 snap.neurons, snap.weights, config.activations + ("linear",)),
            scenes.boundary_scene(axis, snap.decision, data.task, data.x_train, data.y_train,
                                  data.x_test if config.show_test else None, data.y_test if config.show_test else None,
                                  discretize=config.discretize),
            scenes.curves_scene(trainer.history),
            *[hidden_scene.hidden_scene(view, data.task) for view in snap.hidden[-1:]],  # the page shows one layer
        ]
        return [json.dumps(s, separators=(",", ":"), ensure_ascii=False) for s in built]

    draw_ms = _median_ms(frame, repeats=10)
    size = sum(len(s.encode()) for s in frame()) // 1000
    return snap_ms, draw_ms, size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks toy",
        description="Training speed of the Playground worker against a bare PyTorch loop, and UI frame time.",
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each timed round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per contender")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        config = pc.PlaygroundConfig()
        data, x, y = _data(config)
        bare, worker = [], []
        for _ in range(args.rounds):
            bare.append(bare_loop_epochs_per_second(x, y, args.seconds))
            worker.append(worker_epochs_per_second(config, data, args.seconds))
        best_bare, best_worker = max(bare), max(worker)
        ratio = best_worker / best_bare
        snap_default, draw_default, kb_default = snapshot_ms(config)
        big = pc.PlaygroundConfig(dataset="spiral", features=feats.FEATURES, hidden=(16,) * 6, activations=("relu",) * 6)
        snap_big, draw_big, kb_big = snapshot_ms(big)
    finally:
        torch.set_num_threads(threads)

    ok_ratio, ok_snap = ratio >= RATIO_TARGET, snap_default < SNAPSHOT_TARGET_MS
    mark = lambda ok: "✅" if ok else "❌ MISSED"  # noqa: E731
    print(f"Toy Playground benchmark: default network 2-4-2-1 tanh, {len(x)} training points "
          f"(500 at 50 %), batch 10, SGD lr 0.03; 1 CPU thread; best of {args.rounds} × {args.seconds:g} s rounds\n")
    print("| measure | value | reference | target |")
    print("|---|---:|---:|---|")
    print(f"| worker training speed (epochs/s) | {best_worker:,.0f} | bare PyTorch loop {best_bare:,.0f} | "
          f"ratio {ratio:.2f} ≥ {RATIO_TARGET} {mark(ok_ratio)} |")
    print(f"| worker examples/s | {best_worker * len(x):,.0f} | bare loop {best_bare * len(x):,.0f} | |")
    print(f"| against TensorFlow Playground | {best_worker / TF_PLAYGROUND_EPOCHS_PER_SECOND:.1f}× | "
          f"≤ {TF_PLAYGROUND_EPOCHS_PER_SECOND:.0f} epochs/s (one per animation frame) | faster "
          f"{mark(best_worker > TF_PLAYGROUND_EPOCHS_PER_SECOND)} (the bare loop itself: "
          f"{best_bare / TF_PLAYGROUND_EPOCHS_PER_SECOND:.1f}×) |")
    print(f"| UI snapshot, default network (ms) | {snap_default:.2f} | decision grid 100×100 + 7 neuron maps + the 2-neuron layer's space | "
          f"< {SNAPSHOT_TARGET_MS:.0f} ms {mark(ok_snap)} |")
    print(f"| UI snapshot, 7 features + 6×16 ReLU (ms) | {snap_big:.2f} | 100×100 + 103 neuron maps | |")
    print(f"| live canvas scenes built + JSON, default (ms) | {draw_default:.1f} | {kb_default} kB per frame; "
          f"with the snapshot {snap_default + draw_default:.1f} ms | |")
    print(f"| live canvas scenes built + JSON, 6×16 (ms) | {draw_big:.1f} | {kb_big} kB per frame; "
          f"with the snapshot {snap_big + draw_big:.1f} ms | |")
    print("\nThe worker trains this network with hand-derived gradients (playground/dense_fastpath.py, "
          "the same numbers as autograd); the bare loop is plain autograd, hence a ratio well above 1.")
    print(f"\nrounds (epochs/s): bare {', '.join(f'{v:.0f}' for v in bare)}; worker {', '.join(f'{v:.0f}' for v in worker)}")
    if args.strict and not (ok_ratio and ok_snap):
        return 1
    return 0

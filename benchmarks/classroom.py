"""`python -m benchmarks class --sessions N`: one server training the Playground for a whole class.

Runs N sessions of the Playground's default network at once through the worker layer, as the page
makes them (the page's trainer factory and snapshot function, a snapshot every 0.1 s, each session
polled ten times a second like a page's live view), first in the process pool that the page uses
(playground/pool.py) and then, for comparison, in one thread per session inside this process (the
way every page trained before the pool). This process plays the web server; no browser and no
Streamlit are involved here; `--server` runs the sessions on a real server (benchmarks/classroom_server.py).

For each kind it measures one session alone, then N at once, and prints per-session epochs/s (min,
median), the aggregate and its ratio to one session, fairness (min / median), how often a session's
view gets a new snapshot, memory (this process, the training processes, per session), and, after
every session is released the way a closed tab's is (playground/release.py), memory, threads and
processes against the start. Targets (issue 8, on the 2-core development machine): 2 sessions
>= 1.7x one session's throughput, 30 sessions >= 1.5x; no session below a third of the median;
<= 40 MB per session; back to within 10 % of the start once all are released.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path

from playground import grids, release
from playground import playground_config as pc
from playground.pool import Pool, ProcessWorker, configured_size
from playground.worker import TrainingWorker

SNAPSHOT_SECONDS = 0.1  # the page's
POLL_SECONDS = 0.1
WARMUP_SECONDS = 1.0
LINGER_SECONDS = 1.0  # the benchmark's pool ends idle processes after this (the server's: pool.LINGER_SECONDS)
TARGET_RATIO = {2: 1.7}
TARGET_RATIO_MANY = 1.5
TARGET_FAIRNESS = 1 / 3
TARGET_MB_PER_SESSION = 40.0
TARGET_BACK = 0.10


def _memory_mb(pid: int | str = "self") -> float:
    """Anonymous resident memory (heap, tensors: what sessions add). RSS, PSS and even USS move with the pages
    of torch's libraries, which every Python process on the machine importing torch maps from the same files."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _footprint(pool: Pool | None) -> dict:
    pids = pool.pids() if pool is not None else []
    return {"server": _memory_mb(), "processes_mb": sum(_memory_mb(pid) for pid in pids), "processes": len(pids),
            "threads": threading.active_count()}


def _mark(worker) -> tuple[float, float]:
    snap = worker.latest()
    return snap.epoch + snap.epoch_progress, snap.extra.get("at", time.monotonic())


def run_sessions(kind: str, n: int, seconds: float, pool: Pool | None) -> dict:
    """N sessions training at once for `seconds`; then released as closed tabs' sessions are."""
    config = pc.PlaygroundConfig()
    data = pc.make_data(config)
    factory, snapshot = pc.TrainerFactory(config, data), grids.Snapshotter(config.features)
    gone = {"now": False}
    workers = []
    for _ in range(n):
        if kind == "pool":
            worker = ProcessWorker(factory, snapshot=snapshot, snapshot_interval=SNAPSHOT_SECONDS, pool=pool)
        else:
            worker = TrainingWorker(factory, snapshot=snapshot, snapshot_interval=SNAPSHOT_SECONDS)
        release.release_when(worker, lambda: gone["now"])
        workers.append(worker)
    for worker in workers:
        worker.play()
    time.sleep(WARMUP_SECONDS)
    first = [_mark(w) for w in workers]
    seen: list[set] = [set() for _ in workers]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for i, worker in enumerate(workers):
            worker.heartbeat()
            seen[i].add(worker.latest().extra.get("at"))
        time.sleep(POLL_SECONDS)
    last = [_mark(w) for w in workers]
    footprint = _footprint(pool)
    rates = [(e1 - e0) / (t1 - t0) if t1 > t0 else 0.0 for (e0, t0), (e1, t1) in zip(first, last)]
    gone["now"] = True
    release.check()  # what the server's watcher does once the sessions are gone for good
    assert all(not w.alive for w in workers)
    return {"n": n, "rates": rates, "fresh": [len(s) / seconds for s in seen], **footprint}


def _table(kind: str, results: list[dict], start: dict, after: dict) -> list[str]:
    single = statistics.median(results[0]["rates"])
    mark = lambda ok: "✅" if ok else "❌"  # noqa: E731
    lines = [
        "| sessions | per session epochs/s: min | median | aggregate | × one session | fairness min/median | "
        "new snapshots/s a session (median) | server MB | training processes (MB) | MB a session: all / added |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rates, n = r["rates"], r["n"]
        median, low, total = statistics.median(rates), min(rates), sum(rates)
        ratio = total / single if single else 0.0
        fair = low / median if median else 0.0
        total_mb = r["server"] + r["processes_mb"]
        per = (total_mb - start["server"] - start["processes_mb"]) / n  # the processes' own cost included
        one = results[0]["server"] + results[0]["processes_mb"]
        added = (total_mb - one) / (n - 1) if n > 1 else per  # what one more session costs
        judged = n >= 10  # a class: with a few sessions the per-core processes dominate
        target = TARGET_RATIO.get(n, TARGET_RATIO_MANY if n > 2 else None)
        ratio_text = f"{ratio:.2f}" + (f" (≥ {target}) {mark(ratio >= target)}" if target else "")
        fair_text = f"{fair:.2f}" + (f" {mark(fair >= TARGET_FAIRNESS)}" if n > 1 else "")
        lines.append(
            f"| {n} | {low:,.0f} | {median:,.0f} | {total:,.0f} | {ratio_text} | {fair_text} | "
            f"{statistics.median(r['fresh']):.1f} | {r['server']:,.0f} | {r['processes']} ({r['processes_mb']:,.0f}) | "
            f"{per:,.1f} / {added:,.1f}" + (f" {mark(per <= TARGET_MB_PER_SESSION)}" if judged else "") + " |"
        )
    before_mb = start["server"] + start["processes_mb"]
    after_mb = after["server"] + after["processes_mb"]
    back = abs(after_mb - before_mb) <= TARGET_BACK * before_mb
    threads_back = after["threads"] <= start["threads"] * (1 + TARGET_BACK) + 1
    lines.append("")
    lines.append("Memory is anonymous resident memory (RssAnon) of this process and the training processes; "
                 f"≤ {TARGET_MB_PER_SESSION:.0f} MB a session is judged from 10 sessions on, the training processes included.")
    lines.append(
        f"{kind}: after releasing every session: memory {after_mb:,.0f} MB (start {before_mb:,.0f}) {mark(back)}; "
        f"threads {after['threads']} (start {start['threads']}) {mark(threads_back)}; "
        f"training processes {after['processes']} (start {start['processes']}) {mark(after['processes'] <= start['processes'])}"
    )
    return lines


def _warm_up() -> None:
    """Train briefly in this process first: torch's first use here (thread pools, allocator) is a one-time cost
    of the server, which the threads' "back to the start" should not count as sessions' memory."""
    config = pc.PlaygroundConfig()
    worker = TrainingWorker(pc.TrainerFactory(config, pc.make_data(config)), snapshot=grids.Snapshotter(config.features))
    worker.play()
    time.sleep(0.5)
    worker.release()


def _bench(kind: str, sessions: int, seconds: float, processes: int) -> list[str]:
    pool = Pool(processes, linger=LINGER_SECONDS) if kind == "pool" else None
    if pool is None:
        _warm_up()
    try:
        start = _footprint(pool)
        results = [run_sessions(kind, 1, seconds, pool)]
        if sessions > 1:
            results.append(run_sessions(kind, sessions, seconds, pool))
        time.sleep(LINGER_SECONDS + 1.5)  # idle processes end; released threads finish
        after = _footprint(pool)
    finally:
        if pool is not None:
            pool.shutdown()
    title = (f"process pool: {processes} training processes (one per core), runs shared fairly within each"
             if kind == "pool" else "threads: one training thread per session in this process (before the pool)")
    return [f"### {title}", "", *_table(kind, results, start, after)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks class", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30, help="sessions training at once")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each timed window")
    parser.add_argument("--processes", type=int, default=0, help="training processes (default: one per core)")
    parser.add_argument("--only", choices=("pool", "threads"), help="measure one kind only")
    parser.add_argument("--server", action="store_true",
                        help="N lightweight websocket clients against one real `streamlit run` server instead")
    args = parser.parse_args(argv)
    if args.server:
        from benchmarks import classroom_server

        return classroom_server.main(args.sessions, args.seconds)
    processes = args.processes or configured_size() or 1
    print(f"Class benchmark: {args.sessions} Playground sessions at once through the worker layer (this process "
          f"plays the server, no browser), default network 2-4-2-1 tanh, 250 training points, batch 10, snapshots "
          f"every {SNAPSHOT_SECONDS} s as the page takes them; {args.seconds:g} s windows after {WARMUP_SECONDS:g} s "
          f"of warm-up; one session alone first, then all {args.sessions}.\n")
    for kind in ("pool", "threads"):
        if args.only in (None, kind):
            print("\n".join(_bench(kind, args.sessions, args.seconds, processes)) + "\n")
    print("TensorFlow Playground's pace is 60 epochs/s a student: a server serves about aggregate / 60 students "
          "at that pace, and the pool's aggregate grows with its cores.")
    return 0

"""Thirty Playground sessions on a real `streamlit run` server train in its training processes, and once
they close the server gives back its threads, processes and memory (issue 11: before, 30 sessions
opened and closed left 17 training threads and +600 MB behind for good).

The sessions are lightweight clients that speak Streamlit's websocket protocol (a BackMsg to run
the page, another to press Play), not browsers: thirty Chromium tabs would not fit the machine.
The server keeps a closed tab's session for `server.disconnectedSessionTTL` seconds (2 here, 120
by default) and training processes without runs for PLAYGROUND_TRAINING_LINGER seconds (2 here).
"""

from __future__ import annotations

import time

import pytest

from benchmarks.streamlit_client import Tab, footprint as _footprint, settle as _settle, streamlit_server
from tests.conftest import ROOT

SESSIONS = 30
TTL_SECONDS = 2
LINGER_SECONDS = 2
BACK_WITHIN = 0.10  # the "back to within 10 % of the start"


@pytest.fixture(scope="module")
def server():
    env = {"PLAYGROUND_TRAINING_LINGER": str(LINGER_SECONDS)}
    # PLAYGROUND_TRAINING_PROCESSES unset: the default, one training process per core
    with streamlit_server(ROOT / "tests" / "e2e" / "sessions_server.log", env=env, unset=["PLAYGROUND_TRAINING_PROCESSES"],
                          flags=["--server.disconnectedSessionTTL", str(TTL_SECONDS)]) as (pid, url):
        yield pid, url


def test_thirty_sessions_train_in_processes_and_closing_them_gives_everything_back(server):
    pid, url = server
    warm = Tab(url)  # the first session imports the pages' modules: part of the server's start, not a leak
    warm.run()
    warm.click("playground/play")
    time.sleep(1.0)
    warm.close()
    start = _settle(pid)
    assert start["processes"] == 0

    tabs = []
    for _ in range(SESSIONS):
        tab = Tab(url)
        tab.run()
        tab.click("playground/play")
        tabs.append(tab)
    first = _footprint(pid)
    time.sleep(2.0)
    busy = _footprint(pid)
    trained = busy["cpu"] - first["cpu"]
    for tab in tabs:
        tab.close()
    closed_at = time.monotonic()
    after = _settle(pid)
    waited = time.monotonic() - closed_at
    print(f"\n{SESSIONS} sessions on a real server: training processes {busy['processes']} using "
          f"{trained / 2.0:.1f} cores' time; server threads {start['threads']} -> {busy['threads']} -> {after['threads']}; "
          f"memory (server + training processes, RssAnon) {start['mb']:,.0f} -> {busy['mb']:,.0f} -> {after['mb']:,.0f} MB "
          f"({(busy['mb'] - start['mb']) / SESSIONS:.1f} MB a session); all back {waited:.0f} s after closing "
          f"(session TTL {TTL_SECONDS} s, process linger {LINGER_SECONDS} s)")

    assert busy["processes"] >= 1 and trained > 0.5  # the sessions train outside the server's process
    assert after["processes"] == 0
    assert after["threads"] <= start["threads"] * (1 + BACK_WITHIN) + 1
    assert after["mb"] <= start["mb"] * (1 + BACK_WITHIN)

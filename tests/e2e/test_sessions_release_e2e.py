"""Thirty Playground sessions on a real `streamlit run` server train in its training processes, and once
they close the server gives back its threads, processes and memory (issue 11: before, 30 sessions
opened and closed left 17 training threads and +600 MB behind for good).

The sessions are lightweight clients that speak Streamlit's websocket protocol (a BackMsg to run
the page, another to press Play), not browsers: thirty Chromium tabs would not fit the machine.
The server keeps a closed tab's session for `server.disconnectedSessionTTL` seconds (2 here, 120
by default) and training processes without runs for PLAYGROUND_TRAINING_LINGER seconds (2 here).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import _free_port, server_flags

SESSIONS = 30
TTL_SECONDS = 2
LINGER_SECONDS = 2
BACK_WITHIN = 0.10  # the "back to within 10 % of the start"


def _proc(pid: int, name: str) -> str:
    return Path(f"/proc/{pid}/{name}").read_text()


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = _proc(int(entry), "stat")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _field(pid: int, name: str, field: str) -> int:
    for line in _proc(pid, name).splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def _footprint(pid: int) -> dict:
    """The server's threads and memory (anonymous resident memory, its training processes included: RSS, PSS
    and USS all move with the pages of torch's libraries, which every Python process on the machine maps)."""
    children = _children(pid)
    memory = sum(_field(p, "status", "RssAnon:") for p in [pid, *children]) / 1024
    cpu = 0
    for child in children:
        fields = _proc(child, "stat").rsplit(")", 1)[1].split()
        cpu += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return {"threads": _field(pid, "status", "Threads:"), "processes": len(children), "mb": memory,
            "cpu": cpu / os.sysconf("SC_CLK_TCK")}


class Tab:
    """A Streamlit session without a browser: runs the default page and presses its buttons."""

    def __init__(self, url: str) -> None:
        from websockets.sync.client import connect

        # No keepalive pings, and every message the server sends is kept (this client reads only while a
        # script runs): with a bounded queue the reader stops and the close handshake times out.
        self.ws = connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                          max_queue=None, ping_interval=None, open_timeout=60, close_timeout=5)
        self.page = ""
        self.buttons: list[str] = []

    def run(self, widgets=()) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = self.page
        message.rerun_script.widget_states.widgets.extend(widgets)
        self.ws.send(message.SerializeToString())
        while True:
            forward = ForwardMsg.FromString(self.ws.recv(timeout=120))
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page = forward.new_session.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "button":
                    self.buttons.append(element.button.id)
            elif kind == "script_finished":
                return

    def click(self, key: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        widget_id = next(i for i in reversed(self.buttons) if i.endswith("-" + key))
        self.run([WidgetState(id=widget_id, trigger_value=True)])

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    log = open(ROOT / "tests" / "e2e" / "sessions_server.log", "w")
    env = {**os.environ, "PLAYGROUND_TRAINING_LINGER": str(LINGER_SECONDS)}
    env.pop("PLAYGROUND_TRAINING_PROCESSES", None)  # the default: one training process per core
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false", "--server.disconnectedSessionTTL", str(TTL_SECONDS), *server_flags()],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, f"streamlit exited early; see {log.name}"
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "streamlit did not become healthy within 90 s"
                time.sleep(0.5)
        yield proc.pid, url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _settle(pid: int, timeout: float = 60.0) -> dict:
    """The footprint once the training processes have ended (closed sessions released, idle processes gone)."""
    deadline = time.monotonic() + timeout
    while _children(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(1.0)  # threads that were told to end, ending
    return _footprint(pid)


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

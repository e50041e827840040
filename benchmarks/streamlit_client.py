"""Lightweight Streamlit clients (no browser) and a `streamlit run` server on 127.0.0.1, shared by the
real-server class benchmark (benchmarks/classroom.py --server) and tests/e2e/test_sessions_release_e2e.py.

A `Tab` speaks Streamlit's websocket protocol: a BackMsg runs the page, another presses a button or
changes a widget. `Live` keeps a tab going the way a browser does while the Playground trains: it
answers the server's `auto_rerun` (a `st.fragment(run_every=...)`) by asking for the fragment's
rerun every interval, counts the fragment runs that finish (redraws) and reads the epoch counter
the live fragment paints (`class="pg-epoch"`), and times a full rerun after a widget change.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = re.compile(r'class="pg-epoch"[^>]*>([\d,]+)<')
RECV_TIMEOUT = 120  # a cold first run imports torch and the pages


def server_flags() -> list[str]:
    """The classroom limits of .streamlit/config.toml, passed on the command line as well so that a
    user-level ~/.streamlit/config.toml cannot loosen them."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return [
        "--client.showErrorDetails", str(config["client"]["showErrorDetails"]),
        "--server.maxUploadSize", str(config["server"]["maxUploadSize"]),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(log_path: Path, env: dict | None = None, flags: list[str] = (), unset=(), timeout: float = 90.0):
    """`streamlit run streamlit_app.py`, headless on a free 127.0.0.1 port; yields (pid, url). Stops the
    server, and any training process of it still up, on the way out (errors included)."""
    port = free_port()
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false", *flags, *server_flags()],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**{k: v for k, v in os.environ.items() if k not in unset}, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {log_path}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s") from None
                time.sleep(0.5)
        yield proc.pid, url
    finally:
        seen.update(children(proc.pid))
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        for pid in seen:  # training processes the server started and did not end (only those: by pid)
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
        log.close()


# --- the server's footprint, from /proc -----------------------------------------------------------------


def _proc(pid: int, name: str) -> str:
    return Path(f"/proc/{pid}/{name}").read_text()


def children(pid: int) -> list[int]:
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
    try:
        for line in _proc(pid, name).splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:  # a process that just ended
        pass
    return 0


def footprint(pid: int) -> dict:
    """The server's threads and memory (anonymous resident memory, its training processes included: RSS, PSS
    and USS all move with the pages of torch's libraries, which every Python process on the machine maps)."""
    kids = children(pid)
    memory = sum(_field(p, "status", "RssAnon:") for p in [pid, *kids]) / 1024
    cpu = 0
    for child in kids:
        try:
            fields = _proc(child, "stat").rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return {"threads": _field(pid, "status", "Threads:"), "processes": len(kids), "mb": memory,
            "cpu": cpu / os.sysconf("SC_CLK_TCK")}


def settle(pid: int, timeout: float = 60.0) -> dict:
    """The footprint once the training processes have ended (closed sessions released, idle processes gone)."""
    deadline = time.monotonic() + timeout
    while children(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(1.0)  # threads that were told to end, ending
    return footprint(pid)


# --- clients ----------------------------------------------------------------------------------------------


class Tab:
    """A Streamlit session without a browser: runs the default page and presses its buttons."""

    def __init__(self, url: str) -> None:
        from websockets.sync.client import connect

        # No keepalive pings, and every message the server sends is kept (this client reads only while a
        # script runs): with a bounded queue the reader stops and the close handshake times out.
        self.ws = connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                          max_queue=None, ping_interval=None, open_timeout=60, close_timeout=5)
        self.page = ""
        self.widgets: list[str] = []  # ids of the widgets drawn, in order (a key is the id's tail)
        self.auto_rerun: tuple[str, float] | None = None  # (fragment id, interval) of a run_every fragment

    def send(self, widgets=(), fragment_id: str = "") -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = self.page
        message.rerun_script.widget_states.widgets.extend(widgets)
        if fragment_id:
            message.rerun_script.fragment_id = fragment_id
            message.rerun_script.is_auto_rerun = True
        self.ws.send(message.SerializeToString())

    def receive(self, timeout: float = RECV_TIMEOUT):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        forward = ForwardMsg.FromString(self.ws.recv(timeout=timeout))
        kind = forward.WhichOneof("type")
        if kind == "new_session":
            self.page = forward.new_session.page_script_hash
        elif kind == "auto_rerun":  # may come in a run this tab waited for itself (the one Play started)
            self.auto_rerun = (forward.auto_rerun.fragment_id, forward.auto_rerun.interval)
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            widget_id = getattr(getattr(element, element.WhichOneof("type") or "", None), "id", "")
            if isinstance(widget_id, str) and widget_id:
                self.widgets.append(widget_id)
        return kind, forward

    def run(self, widgets=()) -> None:
        self.send(widgets)
        while self.receive()[0] != "script_finished":
            pass

    def widget_id(self, key: str) -> str:
        return next(i for i in reversed(self.widgets) if i.endswith("-" + key))

    def click(self, key: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        self.run([WidgetState(id=self.widget_id(key), trigger_value=True)])

    def close(self) -> None:
        self.ws.close()


class Live:
    """A tab kept live in a thread as a browser keeps it: fragment reruns every `auto_rerun` interval (a new
    one once the last has finished, or after a second), counting redraws and reading the epoch counter."""

    def __init__(self, tab: Tab) -> None:
        self.tab = tab
        self.redraws = 0
        self.epoch: tuple[float, int] | None = None  # (when, epoch) of the latest counter seen
        self.full_done = threading.Event()
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        due, pending_since = 0.0, None
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                fragment, interval = self.tab.auto_rerun or ("", 0.0)
                if fragment and now >= due and (pending_since is None or now - pending_since > 1.0):
                    self.tab.send(fragment_id=fragment)
                    pending_since, due = now, now + interval
                try:
                    kind, forward = self.tab.receive(timeout=0.02)
                except TimeoutError:
                    continue
                if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    element = forward.delta.new_element
                    if element.WhichOneof("type") == "markdown":
                        found = EPOCH.search(element.markdown.body)
                        if found:
                            self.epoch = (time.monotonic(), int(found.group(1).replace(",", "")))
                elif kind == "script_finished":
                    status = forward.script_finished
                    if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                        self.redraws += 1
                        pending_since = None
                    elif status == ForwardMsg.FINISHED_SUCCESSFULLY:
                        self.full_done.set()
                        pending_since = None
                    elif status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        pending_since = None
        except BaseException as error:  # noqa: BLE001 - reported by the caller, not lost in a thread
            if not self._stop.is_set():
                self.error = error

    def change(self, widgets, timeout: float = 60.0) -> float:
        """Send a widget change (a full rerun) and return the seconds until that run finished."""
        self.full_done.clear()
        start = time.monotonic()
        self.tab.send(widgets)
        if not self.full_done.wait(timeout):
            raise TimeoutError(f"the rerun after a widget change did not finish within {timeout:.0f} s")
        return time.monotonic() - start

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

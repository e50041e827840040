"""deploy/nginx.conf in front of two `streamlit run` replicas, all on 127.0.0.1: two browsers train
on the Playground through nginx, each kept on its own replica by the cookie nginx sets.

Which replica served a request is read from nginx itself: the X-Upstream header on every HTTP
response, and the access log's `upstream=` for the websocket (/_stcore/stream, logged when it
closes). Everything started here is stopped at the end, also when a test fails.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.deploy_utils import (
    AFFINITY_COOKIE, DOCKERFILE, nginx_binary, nginx_test, render_nginx_conf, streamlit_max_upload_mb,
)
from tests.e2e.conftest import RUN_TIMEOUT_MS, _free_port, open_app, screenshot

START_TIMEOUT_S = 180  # two replicas importing torch at once on a busy 2-core machine
EPOCH_JS = "(e => e ? Number(e.innerText.replace(/,/g, '')) : -1)(document.querySelector('.pg-epoch'))"

NGINX = nginx_binary()
pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (apt-get install -y nginx; .ci/run installs it)")


def _get(url: str, cookie: str | None = None, timeout: float = 10) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of a GET (an HTTP error status is returned, not raised).

    Headers: the last value of each, except "Set-Cookie": the affinity cookie's, if set.
    """
    request = urllib.request.Request(url, headers={"Cookie": f"{AFFINITY_COOKIE}={cookie}"} if cookie else {})
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        headers = dict(response.headers)
        headers.pop("Set-Cookie", None)  # Streamlit sets its own XSRF cookie too
        for value in response.headers.get_all("Set-Cookie") or []:
            if value.startswith(f"{AFFINITY_COOKIE}="):
                headers["Set-Cookie"] = value
        return response.status, headers, response.read().decode(errors="replace")


def _wait_healthy(url: str, procs: list[subprocess.Popen], logs: list[Path]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        for proc, log in zip(procs, logs):
            if proc.poll() is not None:
                raise RuntimeError(f"exited early ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if _get(f"{url}/_stcore/health", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not become healthy within {START_TIMEOUT_S} s")


def _stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


class Cluster:
    """Two replicas and nginx, started by `cluster`."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        # nginx's own folder (temp files for large responses): its workers run as an unprivileged
        # user when the test runs as root, and pytest's tmp_path is private to the test's user.
        self.prefix = Path(tempfile.mkdtemp(prefix="playground-nginx-"))
        self.prefix.chmod(0o755)
        self.replica_ports = [_free_port(), _free_port()]
        self.replicas: list[subprocess.Popen] = []
        self.replica_logs: list[Path] = []
        self.nginx: subprocess.Popen | None = None
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = tmp / "nginx-access.log"
        self.error_log = tmp / "nginx-error.log"

    def upstream(self, index: int) -> str:
        return f"127.0.0.1:{self.replica_ports[index]}"

    def start(self) -> None:
        # One training process per replica: two replicas share this machine's cores.
        env = dict(os.environ, PLAYGROUND_TRAINING_PROCESSES="1")
        for index, port in enumerate(self.replica_ports):
            log = self.tmp / f"replica{index}.log"
            self.replica_logs.append(log)
            with open(log, "w") as out:
                self.replicas.append(subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                     "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
                     "--browser.gatherUsageStats", "false"],
                    cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env))
        conf = self.tmp / "nginx.conf"
        conf.write_text(render_nginx_conf(self.replica_ports, f"127.0.0.1:{self.port}", self.prefix))
        checked = nginx_test(NGINX, conf, self.prefix)
        assert checked.returncode == 0, checked.stderr
        with open(self.access_log, "w") as out, open(self.error_log, "w") as err:
            # Foreground, so that stopping this process stops nginx; access log on stdout (nginx.conf).
            self.nginx = subprocess.Popen(
                [NGINX, "-e", "stderr", "-p", str(self.prefix), "-c", str(conf),
                 "-g", f"daemon off; pid {self.prefix / 'nginx.pid'};"],
                stdout=out, stderr=err)
        for index, port in enumerate(self.replica_ports):
            _wait_healthy(f"http://127.0.0.1:{port}", [self.replicas[index]], [self.replica_logs[index]])
        _wait_healthy(self.url, [self.nginx], [self.error_log])

    def stop(self) -> None:
        if self.nginx is not None:
            _stop(self.nginx, signal.SIGQUIT)  # graceful: finishes and logs open connections
        for proc in self.replicas:
            _stop(proc)
        shutil.rmtree(self.prefix, ignore_errors=True)

    def cookies_on_each_replica(self) -> list[str]:
        """An affinity cookie value that nginx sends to replica 0, and one it sends to replica 1."""
        found: dict[str, str] = {}
        for n in range(200):
            value = f"test-{n}"
            upstream = _get(f"{self.url}/_stcore/health", cookie=value)[1]["X-Upstream"]
            found.setdefault(upstream, value)
            if len(found) == 2:
                return [found[self.upstream(0)], found[self.upstream(1)]]
        raise AssertionError(f"200 cookies all hashed to {list(found)}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("deploy"))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def test_nginx_sets_the_affinity_cookie_and_keeps_to_its_replica(cluster):
    status, headers, body = _get(f"{cluster.url}/_stcore/health")
    assert (status, body) == (200, "ok")
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"{AFFINITY_COOKIE}=") and "HttpOnly" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    first = headers["X-Upstream"]
    for _ in range(10):  # the cookie pins it; nginx sets no new one
        status, headers, _ = _get(f"{cluster.url}/_stcore/health", cookie=value)
        assert status == 200 and headers["X-Upstream"] == first and "Set-Cookie" not in headers
    # Newcomers without a cookie are spread over both replicas (a random key each).
    upstreams = {_get(f"{cluster.url}/_stcore/health")[1]["X-Upstream"] for _ in range(30)}
    assert upstreams == {cluster.upstream(0), cluster.upstream(1)}


def test_dockerfile_healthcheck_reports_a_replica_up_and_a_dead_port_down(cluster):
    line = next(line for line in DOCKERFILE.read_text().split("HEALTHCHECK", 1)[1].splitlines()
                if "CMD python -c" in line)
    code = line.split("CMD python -c", 1)[1].strip()
    assert code[0] == code[-1] == '"'
    code = code[1:-1]
    for port, expected in ((cluster.replica_ports[0], 0), (_free_port(), 1)):
        env = dict(os.environ, STREAMLIT_SERVER_PORT=str(port))
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=30)
        assert result.returncode == expected, (port, result.stderr)


def _websocket_handshake(cluster: Cluster, host: str) -> str:
    """The status line nginx returns to a browser's websocket handshake for the app at `host`."""
    with socket.create_connection(("127.0.0.1", cluster.port), timeout=30) as sock:
        sock.sendall((
            "GET /_stcore/stream HTTP/1.1\r\n"
            f"Host: {host}\r\nOrigin: http://{host}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\nSec-WebSocket-Version: 13\r\n"
            "\r\n").encode())
        reply = b""
        while b"\r\n" not in reply:
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.split(b"\r\n", 1)[0].decode()


def test_websocket_upgrade_passes_for_a_school_hostname(cluster):
    """Streamlit accepts a websocket only from its own origin: nginx must pass the Host with its
    port. A hostname (not 127.0.0.1, which Streamlit always allows) shows whether it does."""
    status = _websocket_handshake(cluster, f"playground.school.test:{cluster.port}")
    assert status.startswith("HTTP/1.1 101"), status


def test_uploads_up_to_streamlits_cap_pass_nginx_and_bigger_ones_stop_there(cluster):
    """An upload of maxUploadSize reaches a replica; past Streamlit's own cap nginx answers 413."""
    limit = streamlit_max_upload_mb() * 1024 * 1024
    for size, passes in ((limit, True), (limit + 2 * 1024 * 1024, False)):
        request = urllib.request.Request(f"{cluster.url}/_stcore/upload_file/none/none", data=b"x" * size,
                                         method="PUT", headers={"Content-Type": "application/octet-stream"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, upstream = response.status, response.headers.get("X-Upstream")
        except urllib.error.HTTPError as error:
            status, upstream = error.code, error.headers.get("X-Upstream")
        if passes:  # one replica gets it (and refuses it: no session, no XSRF token), never a second
            assert status != 413 and upstream in (cluster.upstream(0), cluster.upstream(1)), (size, status, upstream)
        else:  # nginx refuses it before any replica sees it
            assert status == 413 and upstream is None, (size, status, upstream)


def test_two_browsers_train_through_nginx_each_on_its_own_replica(cluster, browser):
    cookies = cluster.cookies_on_each_replica()
    contexts, pages, upstreams = [], [], []
    try:
        for cookie in cookies:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(RUN_TIMEOUT_MS)
            context.add_cookies([{"name": AFFINITY_COOKIE, "value": cookie, "url": cluster.url}])
            seen: set[str] = set()
            page = context.new_page()
            page.on("response", lambda r, seen=seen: seen.add(r.headers.get("x-upstream", "none"))
                    if r.url.startswith(cluster.url) else None)
            contexts.append(context)
            pages.append(page)
            upstreams.append(seen)
        for page in pages:
            open_app(page, cluster.url)  # the default page: the Playground
            page.wait_for_selector(".st-key-playground-boundary .pg-live-canvas canvas")
        for page in pages:
            page.locator(".st-key-playground-play button").first.click()
        for page in pages:
            page.wait_for_function(f"() => ({EPOCH_JS}) >= 2")
        # Both train at the same time: each counter goes on growing.
        before = [page.evaluate(EPOCH_JS) for page in pages]
        pages[0].wait_for_timeout(3000)
        for page in pages:
            page.wait_for_function(f"() => ({EPOCH_JS}) > {before[pages.index(page)]}")
        after = [page.evaluate(EPOCH_JS) for page in pages]
        print(f"\nDeploy e2e: epochs {before} -> {after} on replicas {cluster.replica_ports}")
        for page in pages:
            assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(pages[1], "deploy_second_replica")
        for page in pages:  # pause: no training left running while the log is read
            page.locator(".st-key-playground-play button").first.click()
    finally:
        for context in contexts:
            context.close()

    # Every HTTP response each browser got came from its own replica, and they were different ones.
    assert upstreams == [{cluster.upstream(0)}, {cluster.upstream(1)}]
    # So did each websocket, the session itself: nginx logs it once it is closed.
    deadline = time.monotonic() + 30
    while True:
        streams = [line for line in cluster.access_log.read_text().splitlines() if "/_stcore/stream" in line]
        by_cookie = {cookie: [line for line in streams if f"affinity={cookie}" in line] for cookie in cookies}
        if all(by_cookie.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    for index, cookie in enumerate(cookies):
        assert by_cookie[cookie], f"no websocket logged for {cookie}:\n" + "\n".join(streams)
        for line in by_cookie[cookie]:
            assert " 101 " in line and f"upstream={cluster.upstream(index)}" in line, line


def test_a_stopped_replica_is_passed_over(cluster):
    """Passive health checks: the browsers of a replica that went away are served by the other.

    Runs last: it stops replica 1.
    """
    cookies = cluster.cookies_on_each_replica()
    _stop(cluster.replicas[1])
    for _ in range(5):
        status, headers, body = _get(f"{cluster.url}/_stcore/health", cookie=cookies[1])
        assert (status, body) == (200, "ok")
        assert headers["X-Upstream"].split(", ")[-1] == cluster.upstream(0)
    assert _get(f"{cluster.url}/_stcore/health", cookie=cookies[0])[1]["X-Upstream"] == cluster.upstream(0)

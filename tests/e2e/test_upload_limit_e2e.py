"""An upload over the server's limit is refused while it streams in, never held whole in memory.

Streamlit's default limit (200 MB) let one student's CSV take a class server from 0.5 to 6.7 GB;
.streamlit/config.toml now caps uploads at 12 MB. This sends 200 MB straight to the upload
endpoint of a real server (bypassing the browser's own size check) and reads the server's peak
memory (VmHWM) before and after.
"""

from __future__ import annotations

import http.client
import time
import tomllib
from urllib.parse import urlparse

from tests.conftest import ROOT
from tests.e2e.conftest import SERVER, open_app, wait_idle

LIMIT_MB = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
SENT_MB = 200


def _peak_rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def _upload_request(page, app_url):
    """The URL, headers and cookies of one real upload by this browser session (a tiny file)."""
    open_app(page, app_url, "mnist")
    seen = []
    page.on("request", lambda request: seen.append(request) if "/_stcore/upload_file/" in request.url else None)
    page.locator(".st-key-mnist-upload input[type=file]").set_input_files(
        files=[{"name": "tiny.nnp", "mimeType": "application/octet-stream", "buffer": b"tiny"}])
    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert seen, "the browser made no upload request"
    wait_idle(page)
    return seen[0]


def test_a_200_mb_upload_is_refused_while_streaming(page, app_url):
    request = _upload_request(page, app_url)
    url = urlparse(request.url.rsplit("/", 1)[0] + "/fuzz-upload-file-id")
    headers = {k: v for k, v in request.headers.items() if k.lower() in ("x-xsrftoken", "cookie")}
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    if cookies:
        headers["Cookie"] = cookies
    pid = SERVER["pid"]
    before = _peak_rss_mb(pid)

    boundary = "fuzzboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.putrequest("PUT", url.path)
    for name, value in {**headers, "Content-Type": f"multipart/form-data; boundary={boundary}",
                        "Transfer-Encoding": "chunked"}.items():
        connection.putheader(name, value)
    connection.endheaders()
    sent, status = 0, None
    chunk = b"1,2,0\n" * (2**20 // 6)
    try:
        for piece in [head] + [chunk] * SENT_MB:
            connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += len(piece)
        connection.send(b"0\r\n\r\n")
        status = connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        status = "closed"  # the server stopped reading and closed the connection: refused mid-stream
    finally:
        connection.close()
    time.sleep(1)
    grown = _peak_rss_mb(pid) - before
    print(f"upload of {SENT_MB} MB: status {status}, {sent / 2**20:.0f} MB sent, server peak memory +{grown:.0f} MB")
    assert status in (413, "closed")
    assert grown < 3 * LIMIT_MB + 30  # held at most about the limit, never the 200 MB


def test_the_browser_refuses_an_oversized_file_before_sending_it(page, app_url):
    open_app(page, app_url, "mnist")
    page.locator(".st-key-mnist-upload input[type=file]").set_input_files(
        files=[{"name": "big.nnp", "mimeType": "application/octet-stream", "buffer": bytes((LIMIT_MB + 1) * 2**20)}])
    page.wait_for_timeout(1000)
    text = page.locator(".st-key-mnist-upload").inner_text()
    assert f"must be {LIMIT_MB}.0MB or smaller" in text, text

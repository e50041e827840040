"""The classroom server's own limits: no tracebacks to a student, uploads capped near what the app needs.

A class server is shared by thirty students; Streamlit's defaults (full error details with server
paths, 200 MB uploads) let one of them read the server's file layout or fill its memory.
"""

from __future__ import annotations

import tomllib

from playground import model_io
from playground.datasets import toy
from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_unforeseen_errors_show_no_details():
    # Streamlit 1.67: "none" shows a generic message only; "full" and "stacktrace" show tracebacks with paths.
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_upload_limit_fits_what_the_app_reads():
    limit_mb = CONFIG["server"]["maxUploadSize"]
    # Largest legitimate uploads: a 20,000-row CSV (40 bytes a row is generous) and the largest model file.
    assert toy.CSV_MAX_BYTES >= toy.CSV_MAX_ROWS * 40
    assert limit_mb * 2**20 >= max(toy.CSV_MAX_BYTES, model_io.MAX_FILE_BYTES)
    assert limit_mb <= 16  # Streamlit's default of 200 MB let one upload take the server to 6.7 GB


def test_browser_tests_run_with_the_same_limits():
    from tests.e2e.conftest import server_flags

    flags = server_flags()
    assert flags[flags.index("--client.showErrorDetails") + 1] == CONFIG["client"]["showErrorDetails"]
    assert flags[flags.index("--server.maxUploadSize") + 1] == str(CONFIG["server"]["maxUploadSize"])

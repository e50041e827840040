"""Real-browser tests: `streamlit run` on 127.0.0.1 and Playwright driving Debian's Chromium.

One server serves the whole session; each test gets a fresh browser page (and so
a fresh Streamlit session). Screenshots go to tests/e2e/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from benchmarks.streamlit_client import free_port as _free_port, server_flags  # noqa: F401 - shared with the benchmark
from tests.conftest import ROOT

CHROMIUM = os.environ.get("PLAYGROUND_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
RUN_TIMEOUT_MS = 90_000
SERVER: dict[str, int] = {}  # the pid of the app_url server, for tests that read its memory  # a cold page load imports torch and builds figures


@pytest.fixture(scope="session")
def app_url():
    """Base URL of a `streamlit run streamlit_app.py` server on 127.0.0.1, stopped after the session."""
    port = _free_port()
    log = open(ROOT / "tests" / "e2e" / "server.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
            "--server.headless", "true",
            "--server.address", "127.0.0.1",
            "--server.port", str(port),
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
            *server_flags(),
        ],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    SERVER["pid"] = proc.pid
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log.name}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("streamlit did not become healthy within 90 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (a new Streamlit session) with a classroom-projector-sized viewport."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(RUN_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


def open_app(page, app_url: str, path: str = "", **query) -> None:
    """Open `path` (a page's url_path, "" for the default page) and wait until the script has run."""
    url = f"{app_url}/{path}"
    if query:
        url += "?" + urlencode(query)
    page.goto(url)
    page.wait_for_selector("h1", timeout=RUN_TIMEOUT_MS)
    # The app shell's language switch: on a busy machine the sidebar can paint after the page's title.
    page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stRadio"]', timeout=RUN_TIMEOUT_MS)
    wait_idle(page)
    # A page opened by its own link must come up inside the app shell, with no "Page not found" dialog
    # (what Streamlit does when a folder named pages/ sits next to the entry script).
    assert page.get_by_role("dialog").filter(has_text="Page not found").count() == 0, f"{url}: Page not found"


def wait_for_charts(page, count: int, within: str = "") -> None:
    """Wait until `count` Plotly charts are drawn (under `within`): Plotly loads after the script ends."""
    selector = f"{within} .js-plotly-plot".strip()
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length >= n", arg=[selector, count],
                           timeout=RUN_TIMEOUT_MS)


def wait_idle(page, settle_ms: int = 300) -> None:
    """Wait until Streamlit has no script run in progress."""
    page.wait_for_timeout(settle_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.match(/Running|Stop/)",
        timeout=RUN_TIMEOUT_MS,
    )


PLAY = {"en": "Play", "ko": "학습 시작"}
PAUSE = {"en": "Pause", "ko": "일시정지"}
PLAYGROUND_PLAY = ".st-key-playground-play button"


def button_says(button: str, text: str) -> str:
    """A JS predicate for wait_for_function/evaluate: the button at CSS selector `button` has `text` in its label."""
    return f"() => (b => !!b && b.innerText.includes({text!r}))(document.querySelector({button!r}))"


def press_until(page, button: str, shows: str, tries: int = 6, wait_ms: int = 15_000) -> None:
    """Press the button at CSS selector `button` until its label contains `shows` (Play/Pause and the like).

    It presses only once the page is idle and its label does not already say `shows`: a click during a
    rerun hits the button as it was last drawn, whose label (and action) may be a step behind, and on a
    busy machine such a press can pause a run that was meant to start, or start one meant to pause.
    """
    label = button_says(button, shows)
    for _ in range(tries):
        wait_idle(page)
        if page.evaluate(label):
            return
        page.locator(button).first.click()
        try:
            page.wait_for_function(label, timeout=wait_ms)
            wait_idle(page)
            return
        except Exception:  # (playwright's TimeoutError) look again, and press again if it still needs it
            continue
    raise AssertionError(f"{button} never showed {shows!r} after {tries} presses")


def playground_play(page, lang: str = "en") -> None:
    """Start the Playground's training (its button then says Pause)."""
    press_until(page, PLAYGROUND_PLAY, PAUSE[lang])


def playground_pause(page, lang: str = "en") -> None:
    """Pause the Playground's training (its button then says Play)."""
    press_until(page, PLAYGROUND_PLAY, PLAY[lang])


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to tests/e2e/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def screens(page, name: str, whole_height: int = 2400) -> None:
    """The first screen at 1280x720 as a class sees it (`<name>_1280x720.png`, scrolled to the top), then the
    whole page at the same width (`<name>_whole.png`); the viewport is 1280x720 again afterwards."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.evaluate("() => document.querySelectorAll('*').forEach(el => { if (el.scrollTop) el.scrollTop = 0; })")
    wait_idle(page, settle_ms=1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}_1280x720.png"))
    page.set_viewport_size({"width": 1280, "height": whole_height})
    wait_idle(page, settle_ms=1000)
    screenshot(page, name + "_whole")
    page.set_viewport_size({"width": 1280, "height": 720})

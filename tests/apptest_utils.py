"""Helpers for AppTest page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import APPTEST_TIMEOUT, ROOT


def run_page(page: str, lang: str = "en", query: dict[str, str] | None = None, **state) -> AppTest:
    """Run `app_pages/<page>.py` once with the given language, URL query and session state."""
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=APPTEST_TIMEOUT)
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    """Every markdown/caption/title/info/error/success/warning text on the page, joined (for 'contains' checks)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "success", "warning", "text"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    return "\n".join(parts)

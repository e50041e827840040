"""Streamlit-side helpers shared by the pages (the core in `playground/` never imports these)."""

from ui.common import lang, page_header, query_values, show_error, sync_query, t

__all__ = ["lang", "page_header", "query_values", "show_error", "sync_query", "t"]

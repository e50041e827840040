"""File uploaders whose Streamlit-owned text ("Upload", "12MB per file • CSV") reads in Korean in Korean mode.

Streamlit 1.67's st.file_uploader has no parameter for these strings (only the label and help), so in
Korean mode a style scoped to the uploader's key container (`.st-key-<key>`) shrinks the English
text to nothing and shows ours through `::after`. The size limit comes from Streamlit's own config
(server.maxUploadSize), the same number Streamlit prints, so the two never disagree. English mode
keeps Streamlit's text untouched (no style at all).
"""

from __future__ import annotations

import re
from typing import Sequence

import streamlit as st

from playground import i18n
from ui.common import lang

_DROPZONE = '[data-testid="stFileUploaderDropzone"]'
_INSTRUCTIONS = '[data-testid="stFileUploaderDropzoneInstructions"] span'


def key_class(key: str) -> str:
    """The class Streamlit's frontend gives a widget's container: st-key-<key> with every character
    outside [a-zA-Z0-9_-] made "-" (so "playground/csv" -> "st-key-playground-csv")."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def _css_string(text: str) -> str:
    """`text` as a CSS string literal (quotes and backslashes escaped; no line breaks in our texts)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader_css(key: str, types: Sequence[str] | None, limit_mb: int, language: str) -> str:
    """The style that relabels the uploader with widget key `key` in `language` ("" for English).

    Sizes: Streamlit draws both the instructions and the button label at 14px (measured in Chromium
    with the app's theme), so the replacement keeps that size while the English shrinks to 0. Streamlit keeps the
    instructions on one clipped line; ours may wrap (between words), as the Playground's column is narrow.
    """
    if language == "en":
        return ""
    scope = f".{key_class(key)} {_DROPZONE}"
    limit = i18n.text("common.upload.limit", language, limit=limit_mb)
    if types:
        limit += " • " + ", ".join(ext.lstrip(".").upper() for ext in types)
    button = i18n.text("common.upload.button", language)
    return (
        f"{scope} {_INSTRUCTIONS} {{ font-size: 0; white-space: normal; }}"
        f"{scope} {_INSTRUCTIONS}::after {{ content: {_css_string(limit)}; font-size: 14px; }}"
        f"{scope} button p {{ font-size: 0; }}"
        f"{scope} button p::after {{ content: {_css_string(button)}; font-size: 14px; }}"
    )


def file_uploader(label: str, *, key: str, type: Sequence[str] | None = None, help: str | None = None):
    """st.file_uploader plus, in Korean mode, its Korean button and limit text (a style: it takes no space)."""
    upload = st.file_uploader(label, type=type, key=key, help=help)
    css = uploader_css(key, type, st.get_option("server.maxUploadSize"), lang())
    if css:
        st.html(f"<style>{css}</style>")
    return upload

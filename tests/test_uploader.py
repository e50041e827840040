"""The Korean file-uploader style (ui/uploader.py): Korean text, the server's own size limit, scoped to one key.

An AppTest cannot see CSS, so this checks the emitted style; tests/e2e/test_korean_uploader_e2e.py
checks what a browser shows."""

import re
import tomllib

import streamlit as st

from tests.conftest import ROOT
from ui.uploader import uploader_css

HANGUL = re.compile("[가-힣]")


def test_korean_style_names_the_configured_limit_and_types_and_stays_in_its_key():
    limit = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert st.get_option("server.maxUploadSize") == limit  # what the helper reads is the classroom limit
    css = uploader_css("playground/csv", ["csv", "txt"], st.get_option("server.maxUploadSize"), "ko")
    contents = re.findall(r'content: "([^"]*)"', css)
    assert contents == [f"파일당 최대 {limit}MB • CSV, TXT", "파일 찾기"], contents
    assert all(HANGUL.search(text) for text in contents)
    # Every rule is scoped to the class Streamlit gives this key ("/" becomes "-"), so no other widget is touched.
    selectors = [rule.split("{")[0].strip() for rule in css.split("}") if rule.strip()]
    assert len(selectors) == 4 and all(s.startswith(".st-key-playground-csv ") for s in selectors), selectors


def test_no_types_no_list_and_english_keeps_streamlits_text():
    assert re.findall(r'content: "([^"]*)"', uploader_css("m", None, 7, "ko"))[0] == "파일당 최대 7MB"
    assert uploader_css("m", ["csv"], 7, "en") == ""


def test_multiselect_placeholder_is_korean_in_korean_and_streamlits_own_in_english():
    from tests.apptest_utils import run_page

    ko = run_page("activations", "ko").multiselect(key="activations/compare")
    en = run_page("activations", "en").multiselect(key="activations/compare")
    assert ko.proto.placeholder == "선택하세요"
    assert en.proto.placeholder == ""  # unset: the browser shows Streamlit's own "Choose options"

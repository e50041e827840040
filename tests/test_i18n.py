"""Every string exists, non-empty, in both languages, with the same format fields."""

import string

import pytest

from playground import i18n


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(i18n.strings()))
def test_key_complete_in_both_languages(key):
    entry = i18n.strings()[key]
    assert isinstance(entry, tuple) and len(entry) == 2, f"{key} must be (English, Korean)"
    english, korean = entry
    assert english.strip(), f"{key} has no English text"
    assert korean.strip(), f"{key} has no Korean text"
    assert _fields(english) == _fields(korean), f"{key}: format fields differ between languages"


def test_korean_strings_are_korean():
    # A Korean entry copied from English by mistake would have no Hangul at all.
    hangul = lambda s: any("\uac00" <= ch <= "\ud7a3" for ch in s)
    # Identical entries are deliberate (names such as "Leaky ReLU" read the same in both).
    untranslated = [
        k for k, (en, ko) in i18n.strings().items() if en != ko and not hangul(ko) and len(en.split()) > 2
    ]
    assert not untranslated, f"Korean text without Hangul: {untranslated}"


def test_lookup_and_fallbacks():
    assert i18n.text("app.title", "en") == "Neural Network Playground"
    assert i18n.text("app.title", "ko") == "신경망 놀이터"
    assert i18n.normalize_language("KO") == "ko"
    assert i18n.normalize_language("xx") is None
    assert i18n.normalize_language(None) is None
    with pytest.raises(KeyError):
        i18n.text("no.such.key", "en")


def test_every_used_key_exists():
    """Every t("...")/text("...") literal in app_pages/, ui/ and the app exists in the tables."""
    import re

    from tests.conftest import ROOT

    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
    known = i18n.strings()
    missing = []
    for path in [ROOT / "streamlit_app.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/*.py")]:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in known:
                missing.append(f"{path.name}: {key}")
    assert not missing, missing


def test_training_is_started_with_the_textbook_word_not_media_playback():
    # "재생" is a media player's Play; Korean textbooks say 학습 (시작) for starting training.
    playback = [k for k, (_, ko) in i18n.strings().items() if "재생" in ko]
    assert not playback, f"'재생' in: {playback}"
    assert i18n.text("core.play", "ko") == i18n.text("playground.play", "ko") == "학습 시작"

"""Every user-visible string, in English and Korean.

The tables live in ``playground/texts/<page>.py`` (one per page, so pages can be
edited independently); this module merges them and looks strings up. There is no
global "current language": callers pass the language code, because one server
serves many browser sessions, each with its own language.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from playground import texts

LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"
_COLUMN = {"en": 0, "ko": 1}


@lru_cache(maxsize=1)
def strings() -> dict[str, tuple[str, str]]:
    """All string tables merged; a key defined twice is a programming error."""
    merged: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{texts.__name__}.{module_info.name}")
        for key, value in module.STRINGS.items():
            if key in merged:
                raise KeyError(f"string key {key!r} is defined twice (again in texts/{module_info.name}.py)")
            merged[key] = value
    return merged


def normalize_language(code: object) -> str | None:
    """The language code if it is one we speak, else None."""
    if isinstance(code, str) and code.strip().lower() in LANGUAGES:
        return code.strip().lower()
    return None


def text(key: str, lang: str = DEFAULT_LANGUAGE, **fmt: object) -> str:
    """The string for `key` in `lang`, formatted with `fmt` (str.format fields).

    A missing key raises KeyError: the i18n test makes sure none is missing, so
    a typo fails loudly in tests instead of showing a raw key to a student.
    """
    column = _COLUMN.get(lang, 0)
    template = strings()[key][column]
    return template.format(**fmt) if fmt else template

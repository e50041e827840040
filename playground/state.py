"""Configs <-> URL query parameters, so a setting can travel in a share link.

A page declares its parameters once (`Param`), reads them from the URL with
`read_params` (garbage or out-of-range values fall back to the default and are
reported, never raised), and writes its current values back with `to_query`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence


SHOWN_CHARS = 40  # a rejected link value is echoed this long at most, then "…"
# Characters that mean something to Streamlit's markdown (CommonMark, GFM, its :icon: and $math$):
# each gets a backslash, which CommonMark defines as "this character, literally".
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:@&^=\"])")


def shown_value(raw: object, limit: int = SHOWN_CHARS) -> str:
    """`raw` as short plain text for a markdown notice: one line, cut to `limit` characters, escaped.

    A share link is written by anyone; its rejected value must not turn into bold text, a link
    or a remote image on the page that names it, nor fill the screen.
    """
    text = " ".join(str(raw).split())
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return _MARKDOWN.sub(r"\\\1", text)


@dataclass(frozen=True)
class Param:
    """One URL query parameter: its name, type, default and allowed range or choices."""

    name: str
    default: Any
    kind: type = float  # float, int, str or bool
    low: float | None = None
    high: float | None = None
    choices: tuple | None = None

    def parse(self, raw: str) -> Any:
        """The value `raw` stands for; ValueError if it is not valid."""
        raw = str(raw).strip()
        if self.kind is bool:
            lowered = raw.lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(f"{raw!r} is not a yes/no value")
        if self.kind is int:
            value: Any = int(raw)
        elif self.kind is float:
            value = float(raw)
            if not math.isfinite(value):
                raise ValueError(f"{raw!r} is not a finite number")
        else:
            value = raw
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{raw!r} is not one of {self.choices}")
        if self.low is not None and value < self.low:
            raise ValueError(f"{raw!r} is below {self.low}")
        if self.high is not None and value > self.high:
            raise ValueError(f"{raw!r} is above {self.high}")
        return value


@dataclass(frozen=True)
class BadParam:
    """A query parameter that was present but unusable (reported to the user)."""

    name: str
    value: str
    default: Any


def read_params(query: Mapping[str, Any], params: Sequence[Param]) -> tuple[dict[str, Any], list[BadParam]]:
    """Values for `params` from `query`: defaults where absent, defaults plus a BadParam where invalid."""
    values: dict[str, Any] = {}
    bad: list[BadParam] = []
    for param in params:
        if param.name not in query:
            values[param.name] = param.default
            continue
        raw = query[param.name]
        if isinstance(raw, (list, tuple)):  # repeated ?x=1&x=2: the last one wins
            raw = raw[-1] if raw else ""
        try:
            values[param.name] = param.parse(raw)
        except (ValueError, TypeError):
            values[param.name] = param.default
            bad.append(BadParam(param.name, str(raw), param.default))
    return values, bad


def to_query(values: Mapping[str, Any]) -> dict[str, str]:
    """String form of `values` for the URL (bools as 1/0, floats without noise)."""
    out: dict[str, str] = {}
    for name, value in values.items():
        if isinstance(value, bool):
            out[name] = "1" if value else "0"
        elif isinstance(value, float):
            out[name] = f"{value:.6g}"
        else:
            out[name] = str(value)
    return out

"""Configs <-> URL query parameters, so a setting can travel in a share link.

A page declares its parameters once (`Param`), reads them from the URL with
`read_params` (garbage or out-of-range values fall back to the default and are
reported, never raised), and writes its current values back with `to_query`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence


SHOWN_CHARS = 40  # a rejected link value is echoed this long at most, then "…"
MAX_RAW = 2000  # a link value longer than this is refused before it is parsed (a page's largest table fits)
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
    # A compound value (a list, a table): `parser(raw)` returns it or raises ValueError; `to_query`
    # writes a tuple back as its items joined by commas, anything else as str().
    parser: Callable[[str], Any] | None = None
    # The slider's grid (low + k·step): a value between its steps is moved onto the nearest one and
    # reported (`BadParam.step`), so a link with w1=0.333 never silently becomes 0.35.
    step: float | None = None

    def parse(self, raw: str) -> Any:
        """The value `raw` stands for; ValueError if it is not valid."""
        raw = str(raw).strip()
        if len(raw) > MAX_RAW:
            raise ValueError(f"a value of {len(raw)} characters is too long")
        if self.parser is not None:
            return self.parser(raw)
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

    def snap(self, value: Any) -> Any:
        """`value` on the slider's grid (unchanged when it is on it, or when the parameter has no grid)."""
        if self.step is None or not isinstance(value, (int, float)) or isinstance(value, bool):
            return value
        origin = self.low if self.low is not None else 0.0
        steps = (value - origin) / self.step
        if abs(steps - round(steps)) < 1e-6:
            return value
        snapped = round(origin + math.floor(round(steps, 6) + 0.5) * self.step, 10) + 0.0  # halves up, as a student rounds
        if self.low is not None:
            snapped = max(snapped, self.low)
        if self.high is not None:
            snapped = min(snapped, self.high)
        return type(value)(snapped)


@dataclass(frozen=True)
class BadParam:
    """A query parameter that was present but unusable (reported to the user).

    `default` is the value used instead; `step` is set when the value was valid but between a slider's
    steps, and `default` is then the nearest step.
    """

    name: str
    value: str
    default: Any
    step: float | None = None


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
            value = param.parse(raw)
        except (ValueError, TypeError, OverflowError):
            values[param.name] = param.default
            bad.append(BadParam(param.name, str(raw), param.default))
            continue
        values[param.name] = param.snap(value)
        if values[param.name] != value:
            bad.append(BadParam(param.name, str(raw), values[param.name], param.step))
    return values, bad


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # ten significant digits: a typed 0.333 or 1.234567 comes back as typed; 0.1 + 0.2's noise does not
        return f"{value:.10g}".replace("e+", "e")
    return str(value)


def to_query(values: Mapping[str, Any]) -> dict[str, str]:
    """String form of `values` for the URL: bools as 1/0, floats without noise, a tuple's items joined by commas,
    a table (a tuple of tuples) as its rows joined by semicolons."""
    def text(value: Any) -> str:
        if isinstance(value, (tuple, list)):
            rows = all(isinstance(v, (tuple, list)) for v in value) and value
            return (";" if rows else ",").join(text(v) for v in value)
        return _text(value)
    return {name: text(value) for name, value in values.items()}


def number_list(count: int, low: float, high: float) -> Callable[[str], tuple[float, ...]]:
    """A parser for `count` comma-separated finite numbers, each in [low, high] (e.g. weights, a range)."""
    def parse(raw: str) -> tuple[float, ...]:
        parts = [part.strip() for part in raw.split(",")]
        if len(parts) != count:
            raise ValueError(f"{len(parts)} numbers, not {count}")
        values = tuple(float(part) + 0.0 for part in parts)
        if not all(math.isfinite(v) and low <= v <= high for v in values):
            raise ValueError(f"a number outside {low}..{high}")
        return values
    return parse


def number_table(widths: Sequence[int], max_rows: int, limit: float) -> Callable[[str], tuple[tuple[float, ...], ...]]:
    """A parser for a small table: rows split by ";", numbers by ","; every row as wide as the first, a width
    out of `widths`, at most `max_rows` rows, every number finite and within ±`limit`."""
    def parse(raw: str) -> tuple[tuple[float, ...], ...]:
        rows = [row for row in raw.split(";") if row.strip()]
        if not rows or len(rows) > max_rows:
            raise ValueError(f"{len(rows)} rows, not 1..{max_rows}")
        width = len(rows[0].split(","))
        if width not in widths:
            raise ValueError(f"rows of {width} numbers")
        return tuple(number_list(width, -limit, limit)(row) for row in rows)
    return parse


def name_list(names: Sequence[str], allow_empty: bool = True) -> Callable[[str], tuple[str, ...]]:
    """A parser for comma-separated names out of `names`, each at most once, in the link's order."""
    def parse(raw: str) -> tuple[str, ...]:
        picked = tuple(part.strip() for part in raw.split(",") if part.strip())
        if len(set(picked)) != len(picked) or any(p not in names for p in picked) or (not picked and not allow_empty):
            raise ValueError("unknown or repeated names")
        return picked
    return parse

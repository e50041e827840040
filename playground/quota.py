"""Per-session rate limits: how long a session waits before it may start another costly piece of work.

A class server is shared: one student re-reading files or re-measuring a learning curve over and
over must not slow everyone else down. Pages keep each session's start times in session state.
"""

from __future__ import annotations

import math


def wait_seconds(starts: list[float], now: float, limit: int, window: float) -> int:
    """Seconds until a session that started work at `starts` may start again (0: now).

    At most `limit` starts within any `window` seconds.
    """
    recent = sorted(t for t in starts if now - t < window)
    if len(recent) < limit:
        return 0
    return max(1, math.ceil(window - (now - recent[-limit])))


def record(starts: list[float], now: float, window: float) -> None:
    """Add a start at `now` to `starts`, forgetting those older than `window` (the list stays short)."""
    starts[:] = [t for t in starts if now - t < window] + [now]

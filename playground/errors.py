"""Errors a student can read, in either language.

Core code raises `UserError(key, **params)`: a `ValueError` whose English text is
its `str()` (for logs, tests and non-UI callers) and whose `key`/`params` let the
page show the same sentence in the session's language.
"""

from __future__ import annotations

from playground import i18n


MAX_PARAM_CHARS = 120  # a value echoed in a sentence (a typed path, a file's cell) is cut here


def cut_middle(text: str, limit: int, head: int | None = None) -> str:
    """`text` if it has at most `limit` characters, else its first `head` (default: half) and its last
    characters around "…", `limit` in all: the end of a long typed path is the part that tells it apart."""
    if len(text) <= limit:
        return text
    head = limit // 2 if head is None else head
    return text[:head] + "…" + text[len(text) - (limit - head):]


def _short(value: object) -> object:
    """`value` fit for a sentence: long text cut in the middle (`cut_middle`), an integer of thousands of
    digits as a power of ten.

    Hostile input reaches these sentences: a 5,000-character link value or a number of 5,000
    digits (Python refuses to print an int of more than 4,300 digits) must still give a sentence.
    """
    if isinstance(value, str):
        return cut_middle(value, MAX_PARAM_CHARS)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40:
        return f"{'-' if value < 0 else ''}10^{int(abs(value).bit_length() * 0.30103)}"
    return value


class UserError(ValueError):
    """Invalid input or setting, explained in one sentence (strings in playground/texts)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = {name: _short(value) for name, value in params.items()}
        super().__init__(i18n.text(key, "en", **self.params))

    def message(self, lang: str) -> str:
        """The sentence in `lang`."""
        return i18n.text(self.key, lang, **self.params)

    def __reduce__(self):
        # Errors cross the pipe from a training process (playground/pool.py): pickle's default for
        # exceptions calls cls(*args), which would turn the English sentence into the key.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type, args: tuple, state: dict) -> UserError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error

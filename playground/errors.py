"""Errors a student can read, in either language.

Core code raises `UserError(key, **params)`: a `ValueError` whose English text is
its `str()` (for logs, tests and non-UI callers) and whose `key`/`params` let the
page show the same sentence in the session's language.
"""

from __future__ import annotations

from playground import i18n


class UserError(ValueError):
    """Invalid input or setting, explained in one sentence (strings in playground/texts)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(i18n.text(key, "en", **params))

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

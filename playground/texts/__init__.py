"""User-visible strings, one module per page (plus `common`).

Each module defines ``STRINGS: dict[str, tuple[str, str]]`` mapping a key to its
(English, Korean) text. Keys are namespaced by page ("perceptron.title") so the
modules never collide; `playground.i18n` merges them and refuses duplicates.
"""

"""`python -m benchmarks NAME [options]`: run one benchmark module (benchmarks/NAME.py, function main(argv)).

A NAME that is a Python keyword lives under another module name (ALIASES): `class` is benchmarks/classroom.py.
"""

import importlib
import pkgutil
import sys

import benchmarks

ALIASES = {"class": "classroom"}
HELPERS = {"streamlit_client", "classroom_server"}  # modules the benchmarks use, not benchmarks


def available() -> list[str]:
    modules = {m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_") and m.name not in HELPERS}
    named = {alias for alias, module in ALIASES.items() if module in modules}
    return sorted((modules - set(ALIASES.values())) | named)


def main(argv: list[str]) -> int:
    names = available()
    if not argv or argv[0] not in names:
        print(f"usage: python -m benchmarks {{{','.join(names)}}} [options]")
        return 2
    module = importlib.import_module(f"benchmarks.{ALIASES.get(argv[0], argv[0])}")
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

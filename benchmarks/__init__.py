"""Benchmarks: `python -m benchmarks <name>`; each prints a table of measured ratios against a reference."""

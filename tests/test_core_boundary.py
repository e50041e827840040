"""The core never imports Streamlit: checked in the source and in a fresh interpreter."""

import ast
import subprocess
import sys

from tests.conftest import ROOT


def test_no_streamlit_import_in_source():
    offenders = []
    for path in (ROOT / "playground").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "streamlit" or name.startswith("streamlit.") or name.startswith("streamlit_") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"playground/ must not import streamlit: {offenders}"


def test_importing_every_core_module_loads_no_streamlit():
    code = (
        "import importlib, pkgutil, sys, playground\n"
        "for m in pkgutil.walk_packages(playground.__path__, 'playground.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_no_page_file_shadows_a_project_package():
    # Streamlit (and AppTest) put a page's folder first on sys.path: a page named like one of the
    # project's packages (app_pages/playground.py) would be imported in its place by every page.
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    pages = {path.stem for path in (ROOT / "app_pages").glob("*.py")}
    assert not pages & packages, f"rename these pages: {sorted(pages & packages)}"

"""Import boundaries of DESIGN.md §2: the core runs without Qt; the UI never talks to the
database or the network directly."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_station_never_imports_qt() -> None:
    offenders = {p for p, names in _imports(ROOT / "station").items() if "PySide6" in names}
    assert offenders == set()


def test_ui_never_imports_sqlalchemy_or_httpx() -> None:
    offenders = {p for p, names in _imports(ROOT / "ui").items() if names & {"sqlalchemy", "httpx"}}
    assert offenders == set()


def test_importing_every_core_module_loads_no_qt() -> None:
    """Stronger than the text check: nothing the core imports pulls Qt in indirectly."""
    code = (
        "import importlib, pkgutil, sys, station\n"
        "for m in pkgutil.walk_packages(station.__path__, 'station.'):\n"
        "    if '.migrations' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_every_core_module_imports() -> None:
    import station

    for module in pkgutil.walk_packages(station.__path__, "station."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)

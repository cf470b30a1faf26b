"""The layers point one way: domain/ never imports PySide6 or the GUI, and nothing but the GUI
itself, the launcher, the packaging scripts and the tests imports gui/ (checked on the source,
function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_OR_GUI = ("PySide6", "gui", "shiboken6")
# May import gui/: the launcher starts the GUI, packaging builds and photographs it, tests drive it.
MAY_IMPORT_GUI = ("gui", "packaging", "tests", "app.py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):  # every node, so imports inside functions count too
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module is None:
            names.extend(alias.name for alias in node.names)
    return names


def _project_sources() -> list[Path]:
    skip = {".venv", "build", "dist", ".git"}
    return sorted(
        p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts[:1])
    )


def test_domain_never_imports_qt_or_gui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "domain").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in QT_OR_GUI
    ]
    assert offenders == []


def test_only_the_gui_launcher_packaging_and_tests_import_gui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _project_sources()
        if path.relative_to(ROOT).parts[0] not in MAY_IMPORT_GUI
        for name in _imports(path)
        if name.split(".")[0] == "gui"
    ]
    assert offenders == []


def test_the_check_sees_a_forbidden_import_even_inside_a_function(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import Qt\n"
        "def later():\n"
        "    import gui.mainwindow\n"
        "    from gui import hub\n"
    )
    assert [n.split(".")[0] for n in _imports(sample)] == ["PySide6", "PySide6", "gui", "gui", "gui"]

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


def _session_functions(path: Path) -> list[str]:
    """Functions (nested ones too) that take a database session."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            if any(a.arg == "session" for a in args):
                found.append(f"{node.name} (line {node.lineno})")
    return found


def test_no_use_case_lives_in_the_gui() -> None:
    # A function of a database session is a use case; the GUI runs those through the hub, which
    # alone opens sessions.
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "gui").rglob("*.py"))
        if path.name != "hub.py"
        for name in _session_functions(path)
    ]
    assert offenders == []


def test_the_check_sees_a_use_case_nested_in_a_method(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class Batch:\n"
        "    def jobs(self):\n"
        "        def build_all(session):\n"
        "            return []\n"
        "        return build_all\n"
    )
    assert _session_functions(sample) == ["build_all (line 3)"]

"""The layers point one way: domain/ never imports PySide6 or the GUI, nothing but the GUI
itself, the launcher, the packaging scripts and the tests imports gui/, domain's file formats
(domain/io) never call a use case (domain/ops), and no two modules of domain/ or of gui/ import
each other (checked on the source, function-level imports included)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
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


# --- the domain's own import graph --------------------------------------------------------------


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of ``package`` and the modules of the same package it imports, anywhere in
    its source: at the top, inside a function, or under ``TYPE_CHECKING``."""
    root = package.parent
    modules = {_module_name(p, root): p for p in sorted(package.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                for alias in node.names:  # "from . import meetings" imports the module
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _imports_of(graph: dict[str, set[str]], prefix: str) -> Iterator[tuple[str, str]]:
    for module, imported in sorted(graph.items()):
        if module == prefix or module.startswith(prefix + "."):
            for name in sorted(imported):
                yield module, name


def test_file_formats_never_call_a_use_case() -> None:
    graph = import_graph(ROOT / "domain")
    assert any(m.startswith("domain.io.") for m in graph)  # the codecs are where this looks
    offenders = [
        f"{module} imports {name}"
        for module, name in _imports_of(graph, "domain.io")
        if name == "domain.ops" or name.startswith("domain.ops.")
    ]
    assert offenders == []


def test_no_domain_modules_import_each_other() -> None:
    graph = import_graph(ROOT / "domain")
    assert "domain.io.rows" in graph["domain.ops.imports"]  # relative imports are resolved
    assert cycles(graph) == []


def test_no_gui_modules_import_each_other() -> None:
    # The printing actions open the print preview, which prints and saves through
    # gui.print_output, not back through gui.printing.
    graph = import_graph(ROOT / "gui")
    assert "gui.dialogs.print_preview" in graph["gui.printing"]
    assert cycles(graph) == []


def test_the_check_sees_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    package = tmp_path / "core"
    (package / "io").mkdir(parents=True)
    (package / "ops").mkdir()
    for init in ("__init__.py", "io/__init__.py", "ops/__init__.py"):
        (package / init).write_text("")
    (package / "io" / "csv.py").write_text("def f():\n    from ..ops import imports\n")
    (package / "ops" / "imports.py").write_text("from ..io.csv import f\n")
    (package / "ops" / "other.py").write_text("from . import imports\n")
    graph = import_graph(package)
    assert graph["core.io.csv"] == {"core.ops.imports"}
    assert cycles(graph) == [["core.io.csv", "core.ops.imports"]]

"""Nothing in the project reads outside its own tree: a fresh clone in any folder runs and
passes on its own. The seed excerpts the tests need live in tests/fixtures."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("domain", "gui", "tests", "packaging")
SIBLING = "sha" + "red"  # spelt in two halves so this file does not match its own pattern
# A relative path up and into the sibling folder, or one built from `ROOT.parent`.
OUTSIDE = re.compile(
    rf"\.\.[/\\]+{SIBLING}\b|\.parents?\b[^\n]*/\s*[\"']{SIBLING}[\"']", re.IGNORECASE
)


def _references(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []  # binary files (fonts, images) hold no paths
    return [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for n, line in enumerate(text.splitlines(), 1)
        if OUTSIDE.search(line)
    ]


def test_no_file_refers_to_a_folder_beside_the_project() -> None:
    found = [
        ref
        for top in CHECKED
        for path in sorted((ROOT / top).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
        for ref in _references(path)
    ]
    assert found == []


def test_the_check_sees_both_ways_of_writing_the_path(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f'SEED = "../{SIBLING}/seeds/001.txt"\n')
    (tmp_path / "b.py").write_text(f'SEEDS = ROOT.parent / "{SIBLING}" / "seeds"\n')
    (tmp_path / "c.py").write_text("shared: dict[str, int] = {}  # a word, not a path\n")
    hits = [bool(OUTSIDE.search(p.read_text())) for p in sorted(tmp_path.iterdir())]
    assert hits == [True, True, False]

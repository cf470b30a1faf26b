"""``python app.py print --load-chart``: the load chart on the programme's first page, for one
committee and for all, run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--db", str(db), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_print_load_chart_puts_the_chart_on_the_first_page_only(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert run("demo", db=db).returncode == 0
    out = tmp_path / "ecsc.pdf"
    result = run("print", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), "--load-chart", db=db)
    assert result.returncode == 0, result.stderr
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert "Load against capacity" in pages[0]
    assert not any("Load against capacity" in p for p in pages[1:])
    folder = tmp_path / "all"
    folder.mkdir()
    result = run("print", "--all", "--year", "2019-20", "--out-dir", str(folder), "--load-chart", db=db)
    assert result.returncode == 0, result.stderr
    printed = sorted(folder.iterdir())
    assert printed
    for path in printed:
        assert "Load against capacity" in PdfReader(path).pages[0].extract_text()
    plain = tmp_path / "plain.pdf"
    assert run("print", "--committee", "ECSC", "--year", "2019-20", "--out", str(plain), db=db).returncode == 0
    assert "Load against capacity" not in PdfReader(plain).pages[0].extract_text()

"""packaging/render_docs.py: the preview script renders every sample document."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from pdf_helpers import page_texts

SCRIPT = Path(__file__).resolve().parents[3] / "packaging" / "render_docs.py"


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("render_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_main_renders_each_sample_document(tmp_path: Path) -> None:
    script = _load_script()
    assert script.main([str(tmp_path)]) == 0
    names = ["programme", "programme-draft", "decisions", "scoring-sheet", "annex"]
    for name in names:
        pdf = tmp_path / f"{name}.pdf"
        assert page_texts(pdf.read_bytes())[0], name
        if shutil.which("pdftoppm"):
            png = tmp_path / f"{name}-1.png"
            assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "DRAFT" in page_texts((tmp_path / "programme-draft.pdf").read_bytes())[0]


def test_main_without_a_folder_explains_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert _load_script().main([]) == 2
    assert "Usage" in capsys.readouterr().err

"""The fonts' parsed faces, kept beside the font files so printing need not parse them."""

from __future__ import annotations

import shutil
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from domain.paths import resource_path
from domain.printing.render import _load_font, _parsed_face_file


def _font_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(resource_path("fonts", "DejaVuSans.ttf"), copy)
    return copy


def _same_face(a: TTFont, b: TTFont) -> None:
    assert a.face.charWidths == b.face.charWidths
    assert a.face.charToGlyph == b.face.charToGlyph
    assert bytes(a.face.name) == bytes(b.face.name) and a.face.name.ustr == b.face.name.ustr
    assert a.face._ttf_data == b.face._ttf_data
    assert a.face._pdfScale(2048) == b.face._pdfScale(2048)
    assert a.stringWidth("Scrutiny Café – 2019", 9) == b.stringWidth("Scrutiny Café – 2019", 9)


def test_a_parsed_face_is_saved_once_and_read_back_the_same(tmp_path: Path) -> None:
    font = _font_copy(tmp_path)
    parsed = _parsed_face_file(font)
    assert not parsed.exists()
    first = _load_font("Test", font)
    assert parsed.exists()
    _same_face(_load_font("Test", font), first)
    _same_face(first, TTFont("Parsed", str(font)))


def test_a_damaged_parsed_face_is_parsed_again_and_replaced(tmp_path: Path) -> None:
    font = _font_copy(tmp_path)
    parsed = _parsed_face_file(font)
    parsed.write_bytes(b"not a parsed face")
    _same_face(_load_font("Test", font), TTFont("Parsed", str(font)))
    _same_face(_load_font("Test", font), TTFont("Parsed", str(font)))
    assert parsed.stat().st_size > 100_000


def test_a_font_in_a_folder_that_cannot_be_written_still_loads(tmp_path: Path) -> None:
    font = _font_copy(tmp_path)
    tmp_path.chmod(0o555)
    try:
        _same_face(_load_font("Test", font), TTFont("Parsed", str(font)))
    finally:
        tmp_path.chmod(0o755)

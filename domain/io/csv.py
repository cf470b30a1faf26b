"""A work programme as a CSV file in the council's column layout (see :mod:`.layout`).

Council CSV files come out of Excel, so reading copes with a UTF-8 byte order mark, Windows-1252
text, UTF-16 "Unicode text", semicolon or tab delimiters (European and "Unicode text" exports)
and the header row repeated after a page break. A file is read and checked completely, into
plain ``ProgrammeRow`` values, before anything is written: the first problem raises
``ImportFileError`` naming the file, the row as a spreadsheet numbers it (header = row 1) and
the column. Writing gives UTF-8 with a byte order mark, comma-delimited, as Excel reads it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .layout import DEFAULT_MAX_SCORE, FORMULA_START, HEADER, cells_of, known_columns, read_records
from .output import write_export
from .rows import ExportRow, ImportFileError, ProgrammeExport, ProgrammeRow, read_source

_NOT_CSV = "Save the table from the spreadsheet as CSV (File > Save As > CSV UTF-8) and import that."


# --- reading -----------------------------------------------------------------------------------


def _read_source(source: str | bytes | Path, name: str | None) -> tuple[str, bytes | str]:
    if isinstance(source, Path):
        label = name or source.name
        return label, read_source(source, label, kind="CSV file")
    return name or "the CSV text", source


# A character written in UTF-8 beyond ASCII: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode(data: bytes, label: str) -> str:
    def refuse(message: str) -> ImportFileError:
        return ImportFileError(label, None, None, message, hint=_NOT_CSV)

    if not data.strip():
        raise refuse("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        raise refuse("This is a Word document or an Excel workbook (a zip file), not a CSV file.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise refuse("This is an Excel 97-2003 workbook (.xls), not a CSV file.")
    if data.startswith(b"%PDF"):
        raise refuse("This is a PDF document, not a CSV file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" export: UTF-16 with a byte order mark, tab-delimited.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse("The file says it is UTF-16 text but is not.") from None
    if b"\x00" in data:
        raise refuse("This is not a text file (it holds binary data).")
    utf8_bom = data.startswith(b"\xef\xbb\xbf")
    if utf8_bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as bad:
        if utf8_bom or _UTF8_SEQUENCE.search(data):
            # Partly UTF-8: reading it all as Windows-1252 would garble every accented letter
            # written correctly ("CafÃ© culture"), so the stray byte is named instead.
            line = data[: bad.start].count(b"\n") + 1
            raise ImportFileError(
                label, line, None,
                f"Byte 0x{data[bad.start]:02X} is not UTF-8 text, though the rest of the file "
                "is: the file mixes two encodings, so its characters cannot be read safely.",
                hint="Correct the character on that row (it was probably pasted from another "
                "program), or open the file in the spreadsheet and save it as 'CSV UTF-8'.",
            ) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ImportFileError(
                label, line, None,
                f"Byte 0x{data[exc.start]:02X} is neither UTF-8 nor Windows-1252 (Western "
                "European) text, so the file's characters cannot be read.",
                hint="Open the file in the spreadsheet and save it as 'CSV UTF-8'.",
            ) from None
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if control > max(2, len(text) // 200):
        raise refuse("This is not a text file (it holds binary data).")
    return text


def _records(text: str, delimiter: str, label: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[list[str]] = []
    try:
        for record in reader:
            out.append(record)
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as exc:
        raise ImportFileError(
            label, len(out) + 1, None, f"The row cannot be read as CSV ({exc}).",
            hint="Check its quotation marks, or save the file from the spreadsheet again. "
            "Nothing was imported.",
        ) from None
    return out


DELIMITERS = (",", ";", "\t")


def delimited_records(text: str, label: str, known: Callable[[list[str]], int]) -> list[list[str]]:
    """The records of a CSV text, split at the delimiter under which a row of the first 30
    names the most columns (``known`` counts those a row names: a header row), else at the
    commonest one in the first line."""
    best, best_known = "", 0
    for d in DELIMITERS:
        try:
            found = max((known(r) for r in _records(text, d, label, 30)), default=0)
        except ImportFileError:
            continue
        if found > best_known:
            best, best_known = d, found
    if not best:
        first = next((line for line in text.splitlines() if line.strip()), "")
        best = max(DELIMITERS, key=first.count)
    return _records(text.removeprefix("\ufeff"), best, label)


def read_programme_csv(
    source: str | bytes | Path,
    *,
    max_score: int = DEFAULT_MAX_SCORE,
    name: str | None = None,
) -> list[ProgrammeRow]:
    """Read and check a whole programme file: a ``Path``, its bytes, or its text.

    ``name`` is how messages call the file (by default its file name). Raises
    ``ImportFileError`` at the first problem; returns the rows in file order otherwise.
    """
    label, raw = _read_source(source, name)
    text = _decode(raw, label) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    return read_records(delimited_records(text, label, known_columns), label=label, max_score=max_score)


# --- writing -----------------------------------------------------------------------------------


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def programme_csv_text(rows: Iterable[ExportRow]) -> str:
    """The rows as CSV text (header first), comma-delimited, CRLF line ends as Excel writes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for cells in cells_of(rows):
        writer.writerow([_safe(c) for c in cells])
    return buffer.getvalue()


def programme_csv_bytes(rows: Iterable[ExportRow]) -> bytes:
    """The file in UTF-8 with a byte order mark (so Excel reads the accents right)."""
    return ("\ufeff" + programme_csv_text(rows)).encode("utf-8")


def programme_csv(export: ProgrammeExport) -> bytes:
    """The whole programme as a CSV file's bytes (as every export writer is called)."""
    return programme_csv_bytes(export.rows)


def write_programme_csv(path: Path, rows: Iterable[ExportRow]) -> None:
    """Write the file; an existing file is only ever replaced by a complete one."""
    write_export(path, programme_csv_bytes(rows), what="CSV file")

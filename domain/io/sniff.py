"""Which reader a programme file needs, told by its content rather than its name.

Word documents and Excel workbooks are both zip archives; a Word document holds
``word/document.xml`` and a workbook ``xl/workbook.xml``. Anything else is read as CSV text,
whose reader names what else it might be (a PDF, an old .xls workbook, binary data).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .csv import read_programme_csv
from .docx import read_programme_docx
from .layout import DEFAULT_MAX_SCORE
from .rows import ImportFileError, ProgrammeRow, source_data
from .xlsx import read_programme_xlsx

CSV, XLSX, DOCX = "csv", "xlsx", "docx"
# For a file chooser: every kind the import reads.
FILE_FILTER = (
    "Programmes (*.csv *.txt *.xlsx *.docx);;CSV files (*.csv *.txt);;Excel workbooks (*.xlsx);;"
    "Word documents (*.docx);;All files (*)"
)


def file_kind(data: bytes, label: str) -> str:
    """``"docx"``, ``"xlsx"`` or ``"csv"``; a zip that is neither is refused in words."""
    if not data.startswith(b"PK\x03\x04"):
        return CSV
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(
            label, None, None,
            f"The file starts as a zip archive (as Word documents and Excel workbooks do) but "
            f"cannot be opened ({exc}).",
            hint="Open it in Word or Excel and save it again, or save the programme as CSV and "
            "import that; nothing was imported.",
        ) from None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    raise ImportFileError(
        label, None, None,
        "This is a zip archive, but neither a Word document (.docx) nor an Excel workbook "
        "(.xlsx).",
        hint="Import the programme as a .docx, .xlsx or .csv file; nothing was imported.",
    )


def read_programme(
    source: Path | bytes, *, max_score: int = DEFAULT_MAX_SCORE, name: str | None = None
) -> list[ProgrammeRow]:
    """Read and check a whole programme file, CSV, Excel or Word, whatever it is called.

    ``name`` is how messages call the file (by default its file name). Raises
    ``ImportFileError`` naming the file, the sheet or table, the row and the column at the first
    problem; returns the rows in file order otherwise.
    """
    label, data = source_data(source, name, kind="programme file")
    kind = file_kind(data, label)
    if kind == DOCX:
        return read_programme_docx(data, label=label, max_score=max_score)
    if kind == XLSX:
        return read_programme_xlsx(data, label=label, max_score=max_score)
    return read_programme_csv(data, max_score=max_score, name=label)

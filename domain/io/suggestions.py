"""Suggestions for the work programme from a council's online suggestion form, as the form's
CSV or Excel export.

Forms name their columns in many ways ("What would you like scrutiny to look at?", "Topic",
"Your email"), so a column is known by the words of its heading (:data:`COLUMNS`); columns the
program does not use (a response id, a start time) are left alone. The whole file is read and
checked before anything is written: the first problem raises ``ImportFileError`` naming the
file, the row as a spreadsheet numbers it (header = row 1) and the column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..dates import parse_council_date
from .csv import _decode, delimited_records
from .rows import ImportFileError, source_data
from .sniff import CSV, file_kind
from .xlsx import sheets

FILE_FILTER = "Suggestion form exports (*.csv *.txt *.xlsx);;CSV files (*.csv *.txt);;Excel workbooks (*.xlsx);;All files (*)"
FIX = "Correct the file and import it again; nothing was imported."

# field -> the headings that name it (lower case, punctuation as spaces); the first heading in
# a file that is one of these, or starts with one of the longer ones, is the field's column.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "topic", "suggested topic", "topic title", "subject", "what",
        "what would you like scrutiny to look at", "what is your suggestion", "suggestion",
    ),
    "reason": (
        "why", "reason", "reasons", "reason for suggestion", "why should scrutiny look at this",
        "why is this important", "why do you think scrutiny should look at this",
    ),
    "outcome": ("outcome", "outcome wanted", "desired outcome", "what outcome would you like", "what difference would it make"),
    "proposer_kind": ("proposer type", "proposer kind", "suggested by", "i am a", "you are", "are you", "type of proposer"),
    "proposer_name": ("name", "your name", "proposer", "proposer name", "full name"),
    "proposer_contact": ("email", "e mail", "your email", "email address", "contact", "contact details", "how should we reply", "phone"),
    "plan_link": ("corporate plan", "corporate plan link", "corporate plan priority", "link to corporate plan", "corporate priority"),
    "workload": ("workload", "expected workload", "work involved"),
    "submitted": ("submitted", "date", "date submitted", "submitted on", "timestamp", "completion time", "received"),
}  # fmt: skip
REQUIRED = ("title",)

# The words a form uses for who is proposing -> domain.schema.SourceKind's values
PROPOSER_KINDS = {
    "member": "member", "councillor": "member", "cllr": "member", "elected member": "member",
    "officer": "officer", "council officer": "officer", "staff": "officer", "employee": "officer",
    "partner": "partner", "partner organisation": "partner", "partner organization": "partner",
    "organisation": "partner", "public": "public", "member of the public": "public",
    "resident": "public", "local resident": "public",
}  # fmt: skip
WORKLOADS = {"heavy": "heavy", "high": "heavy", "medium": "medium", "moderate": "medium", "light": "light", "low": "light"}


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    """One suggestion from the file, knowing its row for later messages."""

    file: str
    row: int
    title: str
    reason: str = ""
    outcome: str = ""
    proposer_kind: str | None = None
    proposer_name: str = ""
    proposer_contact: str = ""
    plan_link: str = ""
    workload: str | None = None
    submitted: dt.date | None = None


def _heading(cell: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", cell.lower()).split())


def header_columns(record: list[str]) -> dict[str, int]:
    """field -> column index, for the fields whose heading ``record`` has."""
    found: dict[str, int] = {}
    headings = [_heading(c) for c in record]
    for field, names in COLUMNS.items():
        for i, h in enumerate(headings):
            if i in found.values():
                continue
            if h in names or any(len(n) > 8 and h.startswith(n) for n in names):
                found[field] = i
                break
    return found


def _words(field: str, value: str, table: dict[str, str], label: str, row: int, column: str) -> str | None:
    if not value:
        return None
    known = table.get(_heading(value))
    if known is None:
        allowed = ", ".join(sorted(set(table.values())))
        raise ImportFileError(
            label, row, column, f"'{value}' is not a {field} the program knows ({allowed}).",
            hint="Write one of those words in the cell; " + FIX,
        )
    return known


def _date(value: str, label: str, row: int, column: str) -> dt.date | None:
    if not value:
        return None
    head = value.strip().split(" ")[0].split("T")[0]
    for text in (value.strip(), head):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return parse_council_date(text)
        except ValueError:
            pass
    raise ImportFileError(
        label, row, column, f"'{value}' is not a date.",
        hint="Write it as 10/07/2019 or 2019-07-10; " + FIX,
    )


def read_records(records: list[list[str]], *, label: str, table: str | None = None) -> list[SuggestionRow]:
    """The suggestions in ``records`` (a header row, then one row per suggestion)."""
    start = next((i for i, r in enumerate(records[:20]) if "title" in header_columns(r)), None)
    if start is None:
        raise ImportFileError(
            label, None, None,
            "No row of the file has a column for the suggested topic (a heading such as "
            "'Topic', 'Title' or 'What would you like scrutiny to look at?').",
            hint="Check that this is the suggestion form's export, or name the topic's column "
            "'Topic'; nothing was imported.",
            table=table,
        )
    header = records[start]
    columns = header_columns(header)
    names = {field: header[i].strip() for field, i in columns.items()}
    out: list[SuggestionRow] = []
    for n, record in enumerate(records[start + 1 :], start=start + 2):
        cells = {f: (record[i].strip() if i < len(record) else "") for f, i in columns.items()}
        if not any(c.strip() for c in record) or header_columns(record) == columns:
            continue  # a blank row, or the header repeated after a page break

        title = " ".join(cells["title"].split())
        if not title:
            raise ImportFileError(label, n, names["title"], "The suggestion has no topic.", hint=FIX, table=table)
        if len(title) > 400:
            raise ImportFileError(
                label, n, names["title"],
                f"The topic is {len(title)} characters long; a title can be at most 400.",
                hint="Shorten it and put the rest in the reason; " + FIX, table=table,
            )
        out.append(
            SuggestionRow(
                file=label,
                row=n,
                title=title,
                reason=cells.get("reason", ""),
                outcome=cells.get("outcome", ""),
                proposer_kind=_words(
                    "proposer", cells.get("proposer_kind", ""), PROPOSER_KINDS, label, n,
                    names.get("proposer_kind", ""),
                ),
                proposer_name=" ".join(cells.get("proposer_name", "").split()),
                proposer_contact=" ".join(cells.get("proposer_contact", "").split()),
                plan_link=" ".join(cells.get("plan_link", "").split()),
                workload=_words(
                    "workload", cells.get("workload", ""), WORKLOADS, label, n, names.get("workload", "")
                ),
                submitted=_date(cells.get("submitted", ""), label, n, names.get("submitted", "")),
            )
        )
    if not out:
        raise ImportFileError(
            label, None, None, "The file has the suggestion form's columns but no suggestions.",
            hint="Check that you exported the responses; nothing was imported.", table=table,
        )
    return out


def _named(record: list[str]) -> int:
    """How many of the form's columns ``record`` names, when one is the topic; else 0."""
    columns = header_columns(record)
    return len(columns) if "title" in columns else 0


def read_suggestions(source: Path | bytes, *, name: str | None = None) -> list[SuggestionRow]:
    """Read and check a whole suggestion file, CSV or Excel, whatever it is called."""
    label, data = source_data(source, name, kind="suggestion file")
    kind = file_kind(data, label)
    if kind == CSV:
        return read_records(delimited_records(_decode(data, label), label, _named), label=label)
    if kind != "xlsx":
        raise ImportFileError(
            label, None, None, "This is a Word document, not a suggestion form's export.",
            hint="Export the form's responses as CSV or Excel and import that; nothing was imported.",
        )
    found = sheets(data, label)
    # The first sheet with the form's columns, else the first sheet (whose error then says so).
    title, records = next((s for s in found if any(_named(r) for r in s[1][:20])), found[0] if found else ("", []))
    return read_records(records, label=label, table=f"sheet '{title}'" if found else "the first sheet")


"""Evidence from the council's own systems, as CSV files or Excel workbooks: the corporate plan's
key actions and performance indicators with their RAG mark per quarter (seeds 002 and 004), the
Cabinet's forward plan of key decisions (seed 003) and the corporate risk register.

Each kind has its own columns (:data:`LAYOUTS`), matched ignoring case and spacing, with extra
columns ignored. The header row may have title rows above it. A whole file is read and checked
before anything is written, as a programme file is: the first problem raises ``ImportFileError``
naming the file, the sheet, the row as the spreadsheet numbers it and the column.

A key action or indicator's periods are the columns headed by a quarter ("Q2 2015/16",
"2015/16 Q2", "Q2 2015-16"); each cell holds Red, Amber or Green (or R, A, G), or is left empty
(also "-", "n/a", "New" and "OK", which the council's report writes for a period not rated).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..codes import EvidenceKind, Rag
from ..dates import parse_council_date
from ..years import parse_municipal_year, short_year_label
from .csv import _decode, delimited_records
from .rows import ImportFileError, read_source, source_data
from .sniff import CSV, XLSX, file_kind
from .xlsx import sheets


class EvidenceFile(enum.StrEnum):
    """The kinds of evidence file, as ``import-evidence --kind`` names them."""

    KPI = "kpi"
    FORWARD_PLAN = "forward-plan"
    RISK = "risk"

    @property
    def label(self) -> str:
        return _FILE_LABELS[self]


_FILE_LABELS = {
    EvidenceFile.KPI: "key actions and performance indicators",
    EvidenceFile.FORWARD_PLAN: "forward plan",
    EvidenceFile.RISK: "risk register",
}

CODE, TYPE, TITLE, LEAD, PANEL = "Code", "Type", "Title", "Outcome lead", "Scrutiny panel"
REFERENCE, DECISION_MAKER, DATE, KEY_DECISION, EXEMPT = (
    "Reference", "Decision maker", "Date expected", "Key decision", "Exempt paragraph",
)
SCORE, OWNER = "Score", "Owner"


_Cell = Callable[[str], str]
_Error = Callable[..., ImportFileError]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    aliases: tuple[str, ...]
    required: bool = False


# The columns of each kind of file, in the order the README and the example files give them.
LAYOUTS: dict[EvidenceFile, tuple[Column, ...]] = {
    EvidenceFile.KPI: (
        Column(CODE, ("Key", "KA", "KPI", "PI", "Key action", "Indicator", "Ref"), True),
        Column(TYPE, ("Kind",)),
        Column(TITLE, ("Description", "Key action description", "Performance description",
                       "Performance indicator"), True),
        Column(LEAD, ("Lead", "Outcome leads")),
        Column(PANEL, ("Panel", "Allocated to", "Scrutiny", "Committee")),
    ),
    EvidenceFile.FORWARD_PLAN: (
        Column(REFERENCE, ("Ref", "Your reference", "Reference number")),
        Column(TITLE, ("Title of report", "Decision", "Subject", "Matter for decision"), True),
        Column(DECISION_MAKER, ("Decision taker", "Lead member", "Decision-maker"), True),
        Column(DATE, ("Date", "Date of decision", "Decision date", "Date of meeting",
                      "Expected date"), True),
        Column(KEY_DECISION, ("Key", "Key decision?"), True),
        Column(EXEMPT, ("Exempt", "Exemption paragraph", "Exemption paragraph number",
                        "Confidentiality", "Part II")),
    ),
    EvidenceFile.RISK: (
        Column(REFERENCE, ("Ref", "Risk ref", "Risk reference", "Risk number"), True),
        Column(TITLE, ("Risk", "Description", "Risk description"), True),
        Column(SCORE, ("Risk score", "Rating", "Current score", "Residual score"), True),
        Column(OWNER, ("Risk owner", "Lead")),
    ),
}

RISK_SCORE_MAX = 25  # likelihood 1-5 times impact 1-5
_TITLE_MAX = 400
_LEAD_MAX = 300
_REFERENCE_MAX = 40
FILE_FILTER = "Evidence (*.csv *.txt *.xlsx);;CSV files (*.csv *.txt);;Excel workbooks (*.xlsx);;All files (*)"


@dataclass(frozen=True, slots=True)
class Rating:
    """A RAG mark for one quarter: ``period`` as people write it ("Q2 2015/16") and ``order``
    to sort by (20152)."""

    period: str
    order: int
    rag: Rag


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One row of an evidence file, checked."""

    row: int  # as the spreadsheet numbers it (header = row 1 when it is the first)
    kind: EvidenceKind
    title: str
    reference: str = ""
    lead: str = ""
    panel: str = ""
    decision_on: dt.date | None = None
    key_decision: bool = False
    exempt: bool = False
    exempt_paragraph: int | None = None
    score: int | None = None
    ratings: tuple[Rating, ...] = ()

    @property
    def key(self) -> str:
        """What names the same row in the next file: its reference, else its title."""
        return evidence_key(self.reference, self.title)


def evidence_key(reference: str, title: str) -> str:
    """The key importing matches rows by: the reference in capitals, else the title with its
    case and spacing ignored."""
    if reference.strip():
        return "".join(reference.split()).upper()
    return " ".join(title.split()).casefold()


# --- cells -------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"^(?:q\s*([1-4])\s*(\d{4}\s*[/-]\s*\d{2,4})|(\d{4}\s*[/-]\s*\d{2,4})\s*q\s*([1-4]))$",
    re.IGNORECASE,
)
_RAG = {"red": Rag.RED, "r": Rag.RED, "amber": Rag.AMBER, "a": Rag.AMBER, "green": Rag.GREEN, "g": Rag.GREEN}
_NOT_RATED = {"", "-", "n/a", "na", "new", "ok", "none", "not rated"}
_YES = {"yes", "y", "true", "key decision"}
_NO = {"no", "n", "false", ""}
_PART_II = re.compile(r"^(?:part\s*(?:ii|2)\b)?[\s,:-]*(?:para(?:graph)?s?\.?\s*)?(\d+)?$", re.IGNORECASE)
_PUBLIC = {"", "no", "n", "none", "n/a", "-", "part i", "part 1", "part i - official", "open", "public"}


def period_of(header: str) -> tuple[str, int] | None:
    """'Q2 2015/16' and 20152 for a header naming a quarter, else None."""
    m = _PERIOD.match(" ".join(header.split()))
    if m is None:
        return None
    quarter = int(m[1] or m[4])
    try:
        start = parse_municipal_year((m[2] or m[3]).replace(" ", ""))
    except ValueError:
        return None
    return f"Q{quarter} {short_year_label(start)}", start * 10 + quarter


def _norm(cell: str) -> str:
    return "".join(cell.replace("\ufeff", "").split()).casefold()


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _column_of(layout: Sequence[Column]) -> dict[str, str]:
    return {_norm(a): c.name for c in layout for a in (c.name, *c.aliases)}


# --- reading -----------------------------------------------------------------------------------


def read_evidence(
    source: Path | bytes, kind: EvidenceFile, *, name: str | None = None
) -> list[EvidenceRow]:
    """Read and check a whole evidence file (CSV or Excel, told by its content).

    Raises ``ImportFileError`` at the first problem, naming the file, sheet, row and column;
    returns the rows in file order otherwise.
    """
    label, data = source_data(source, name, kind=f"{kind.label} file")
    what = file_kind(data, label)
    if what == XLSX:
        tables: list[tuple[str | None, list[list[str]]]] = [(f"sheet '{t}'", r) for t, r in sheets(data, label)]
    elif what == CSV:
        text = _decode(data, label)
        tables = [(None, delimited_records(text, label, lambda r: _known(r, _column_of(LAYOUTS[kind]))))]
    else:
        raise ImportFileError(
            label, None, None, "This is a Word document; evidence is read from CSV files or Excel workbooks.",
            hint="Save the table as CSV or as an Excel workbook and import that; nothing was imported.",
        )
    return _read_tables(tables, label, kind)


def detect_kind(source: Path, *, name: str | None = None) -> EvidenceFile:
    """Which kind of evidence file ``source`` is, from its header row: the layout whose required
    columns it has. ``ImportFileError`` when it has none, saying what each layout needs."""
    label = name or source.name
    data = read_source(source, label, kind="evidence file")
    header_only: EvidenceFile | None = None
    for kind in EvidenceFile:
        try:
            read_evidence(data, kind, name=label)
        except ImportFileError as exc:
            if header_only is None and (exc.row is not None or "no rows under it" in exc.message):
                header_only = kind  # its header row is there; the error is in a row
            continue
        return kind  # every row reads: a register headed "Ref, Description" is not a KPI file
    if header_only is not None:
        return header_only  # the import then names the row at fault
    needs = "; ".join(
        f"{k.label}: {', '.join(c.name for c in LAYOUTS[k] if c.required)}" for k in EvidenceFile
    )
    raise ImportFileError(
        label, None, None,
        f"The file's header row is not one of the evidence layouts ({needs}).",
        hint="Check the column names (see the README's evidence layouts) and import it again; "
        "nothing was imported.",
    )


def _known(record: Sequence[str], columns: dict[str, str]) -> int:
    """How many of the layout's columns ``record`` names."""
    return len({columns[_norm(c)] for c in record if _norm(c) in columns})


def _header_index(records: Sequence[Sequence[str]], columns: dict[str, str]) -> int | None:
    for i, r in enumerate(records[:20]):
        if _known(r, columns) >= 2:
            return i
    return None


def _read_tables(
    tables: Sequence[tuple[str | None, list[list[str]]]], label: str, kind: EvidenceFile
) -> list[EvidenceRow]:
    layout = LAYOUTS[kind]
    columns = _column_of(layout)
    names = [c.name for c in layout]
    for table, records in tables:
        index = _header_index(records, columns)
        if index is None:
            continue
        return _read_table(records, index, table, label, kind)
    where = "No sheet of the workbook has" if tables[:1] and tables[0][0] else "The file has no"
    raise ImportFileError(
        label, None, None,
        f"{where} the header row of the {kind.label} layout ({', '.join(names)}).",
        hint=f"Check that this is a {kind.label} file (--kind {kind.value}), or add the header row "
        "above the table; nothing was imported.",
    )


def _read_table(
    records: Sequence[Sequence[str]], header_index: int, table: str | None, label: str, kind: EvidenceFile
) -> list[EvidenceRow]:
    layout = LAYOUTS[kind]
    names = _column_of(layout)
    header = records[header_index]
    where: dict[str, int] = {}
    periods: list[tuple[int, str, int]] = []
    for i, heading in enumerate(header):
        name = names.get(_norm(heading))
        if name is not None and name not in where:
            where[name] = i
        elif kind is EvidenceFile.KPI and (period := period_of(heading)) is not None:
            periods.append((i, *period))

    def error(row: int | None, column: str | None, message: str, hint: str | None = None) -> ImportFileError:
        if hint is None:
            return ImportFileError(label, row, column, message, table=table)
        return ImportFileError(label, row, column, message, table=table, hint=hint)

    for c in layout:
        if c.required and c.name not in where:
            found = ", ".join(f"'{h.strip()}'" for h in header if h.strip()) or "nothing"
            required = ", ".join(x.name for x in layout if x.required)
            raise error(
                header_index + 1, c.name,
                f"The header row has no '{c.name}' column (it has {found}). A {kind.label} file "
                f"needs {required}.",
                "Add or rename the column and import the file again; nothing was imported.",
            )
    rows: list[EvidenceRow] = []
    seen: dict[tuple[EvidenceKind, str], int] = {}
    for index in range(header_index + 1, len(records)):
        record = records[index]
        number = index + 1

        def cell(name: str, record: Sequence[str] = record) -> str:
            i = where.get(name)
            if i is None or i >= len(record):
                return ""
            return record[i].replace("\r\n", "\n").strip()

        if not any(c.strip() for c in record):
            continue
        if len({names[_norm(c)] for c in record if _norm(c) in names}) >= 2:
            continue  # the header again, after a page break
        title = _one_line(cell(TITLE))
        if not title:
            raise error(number, TITLE, "The title is empty, but the row has other details.",
                        "Write the title, or delete the row, and import the file again; nothing was imported.")
        if len(title) > _TITLE_MAX:
            raise error(number, TITLE, f"The title is {len(title)} characters long; at most {_TITLE_MAX} fit.")
        if kind is EvidenceFile.KPI:
            row = _kpi_row(number, record, cell, periods, error, title)
        elif kind is EvidenceFile.FORWARD_PLAN:
            row = _forward_plan_row(number, cell, error, title)
        else:
            row = _risk_row(number, cell, error, title)
        if len(row.reference) > _REFERENCE_MAX:
            raise error(number, CODE if kind is EvidenceFile.KPI else REFERENCE,
                        f"The reference is {len(row.reference)} characters long; at most {_REFERENCE_MAX} fit.")
        if len(row.lead) > _LEAD_MAX or len(row.panel) > 200:
            raise error(number, None, f"A name is longer than {_LEAD_MAX} characters.")
        first = seen.get((row.kind, row.key))
        if first is not None:
            raise error(
                number, CODE if kind is EvidenceFile.KPI else (REFERENCE if row.reference else TITLE),
                f"'{row.reference or row.title}' is already on row {first}.",
                "Keep one row for it (each row is one key action, indicator, decision or risk) "
                "and import the file again; nothing was imported.",
            )
        seen[(row.kind, row.key)] = number
        rows.append(row)
    if not rows:
        raise error(None, None, f"The file has the {kind.label} header row but no rows under it.",
                    "Check that this is the right file; nothing was imported.")
    return rows


def _kpi_row(
    number: int, record: Sequence[str], cell: _Cell, periods: Sequence[tuple[int, str, int]],
    error: _Error, title: str,
) -> EvidenceRow:
    code = "".join(cell(CODE).split())
    if not code:
        raise error(number, CODE, "The code is empty: each key action or indicator has one (K14, P11).",
                    "Write the code and import the file again; nothing was imported.")
    typed = _norm(cell(TYPE))
    if typed.startswith(("perf", "indic", "kpi", "pi", "keyperf")):  # "Key performance indicator"
        kind = EvidenceKind.INDICATOR
    elif typed.startswith("key") or typed in {"ka", "action"}:
        kind = EvidenceKind.KEY_ACTION
    elif typed:
        raise error(number, TYPE, f"'{cell(TYPE)}' is not a type: write Key action or Performance indicator.")
    elif code[:1].upper() == "K":
        kind = EvidenceKind.KEY_ACTION
    elif code[:1].upper() == "P":
        kind = EvidenceKind.INDICATOR
    else:
        raise error(number, CODE,
                    f"'{code}' does not say whether it is a key action (K14) or an indicator (P11).",
                    "Add a Type column saying Key action or Performance indicator, and import the "
                    "file again; nothing was imported.")
    ratings: list[Rating] = []
    for i, period, order in periods:
        raw = record[i].strip() if i < len(record) else ""
        value = _norm(raw)
        if value in _NOT_RATED:
            continue
        rag = _RAG.get(value)
        if rag is None:
            raise error(number, period,
                        f"'{raw}' is not a RAG mark: write Red, Amber or Green (or R, A, G), or leave "
                        "the cell empty for a quarter not rated.")
        ratings.append(Rating(period, order, rag))
    return EvidenceRow(
        row=number, kind=kind, title=title, reference=code.upper(), lead=_one_line(cell(LEAD)),
        panel=_one_line(cell(PANEL)), ratings=tuple(ratings),
    )


def _forward_plan_row(number: int, cell: _Cell, error: _Error, title: str) -> EvidenceRow:
    date_text = _one_line(cell(DATE))
    decision_on = None
    if date_text:
        try:
            decision_on = parse_council_date(date_text)
        except ValueError as exc:
            raise error(number, DATE, str(exc)) from None
    key_text = _norm(cell(KEY_DECISION))
    if key_text in _YES:
        key_decision = True
    elif key_text in _NO:
        key_decision = False
    else:
        raise error(number, KEY_DECISION, f"'{cell(KEY_DECISION)}' is not Yes or No.")
    exempt_text = _one_line(cell(EXEMPT))
    exempt, paragraph = False, None
    if exempt_text.casefold() not in _PUBLIC:
        m = _PART_II.match(exempt_text.replace("Part II - ", "Part II "))
        if m is None or not (m[1] or exempt_text.casefold().startswith(("part ii", "part 2"))):
            raise error(number, EXEMPT,
                        f"'{exempt_text}' is not an exempt paragraph: write the Schedule 12A paragraph "
                        "(1 to 7), e.g. 3 or 'Part II, paragraph 3', or leave it empty for a public item.")
        exempt = True
        if m[1]:
            paragraph = int(m[1])
            if not 1 <= paragraph <= 7:
                raise error(number, EXEMPT, f"Schedule 12A has paragraphs 1 to 7, not {paragraph}.")
    return EvidenceRow(
        row=number, kind=EvidenceKind.FORWARD_PLAN, title=title, reference=_one_line(cell(REFERENCE)),
        lead=_one_line(cell(DECISION_MAKER)), decision_on=decision_on, key_decision=key_decision,
        exempt=exempt, exempt_paragraph=paragraph,
    )


def _risk_row(number: int, cell: _Cell, error: _Error, title: str) -> EvidenceRow:
    reference = _one_line(cell(REFERENCE))
    if not reference:
        raise error(number, REFERENCE, "The reference is empty: each risk on the register has one.")
    raw = cell(SCORE).replace(" ", "")
    if not re.fullmatch(r"\d+(?:\.0+)?", raw) or not 1 <= int(float(raw)) <= RISK_SCORE_MAX:
        raise error(number, SCORE,
                    f"'{cell(SCORE)}' is not a risk score: write a whole number from 1 to "
                    f"{RISK_SCORE_MAX} (likelihood times impact).")
    return EvidenceRow(
        row=number, kind=EvidenceKind.RISK, title=title, reference=reference,
        lead=_one_line(cell(OWNER)), score=int(float(raw)),
    )


__all__ = [
    "FILE_FILTER",
    "LAYOUTS",
    "EvidenceFile",
    "EvidenceRow",
    "Rating",
    "evidence_key",
    "period_of",
    "detect_kind",
    "read_evidence",
]

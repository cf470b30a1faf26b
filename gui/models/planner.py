"""The planner's models: meetings with their agenda items (a tree), and the items waiting to
be scheduled (a table), with drag and drop between them.

Drags carry ids in custom MIME types, never rows: ``application/x-scrutineer-entry`` for
programme entries and ``application/x-scrutineer-topic`` for waiting topics. A drop does not
change the model; it asks the ``drop_handler`` (the planner view) to run an undoable command,
and the model is reloaded when the hub says the programme changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from domain.dates import short_date, short_weekday_date
from domain.values import EntryInfo, MeetingInfo, TopicRow

from . import labels
from .table import RIGHT, Column, RowTableModel

if TYPE_CHECKING:  # the window paints before SQLAlchemy and the use cases are imported
    from domain.ops.planning import PlannerData, ProgrammeWarning

ENTRY_MIME = "application/x-scrutineer-entry"
TOPIC_MIME = "application/x-scrutineer-topic"

Index = QModelIndex | QPersistentModelIndex
# (kind "entry" or "topic", ids, meeting id or None for the list, position or None for the end)
DropHandler = Callable[[str, list[int], int | None, int | None], bool]

_MEETING = 0  # internal id of a meeting row; an entry row holds its meeting's row + 1
# Warnings about the whole meeting; the others are shown beside the items they name.
MEETING_KINDS = frozenset({"over_capacity", "cancelled_meeting"})
# Beside an item, a few words; the whole message is in the tooltip and the warnings list.
SHORT_WARNING = {
    "over_capacity": "Over capacity",
    "cancelled_meeting": "Cancelled, with items still on it",
    "after_report_deadline": "Report late",
    "after_needed_by": "After its needed-by date",
    "officer_overload": "Officer has too many items here",
    "duplicate_topic": "On this agenda twice",
}

COLUMNS = ("Meeting and agenda item", "Score", "Responsible", "Warnings")
ItemRole = Qt.ItemDataRole.UserRole + 1  # the MeetingInfo or EntryInfo behind a row


def short_day(d: dt.date, *, year_of: dt.date | None = None) -> str:
    """'Tue 3 Sept 2019', or 'Tue 3 Sept' when ``year_of`` is a date in the same year."""
    text = short_weekday_date(d)
    if year_of is not None and year_of.year == d.year:
        text = text.rsplit(" ", 1)[0]
    return text


def encode_ids(mime: str, ids: Iterable[int]) -> QMimeData:
    data = QMimeData()
    data.setData(mime, json.dumps([int(i) for i in ids]).encode())
    return data


def decode_ids(data: QMimeData, mime: str) -> list[int]:
    if not data.hasFormat(mime):
        return []
    try:
        raw = json.loads(bytes(data.data(mime).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []  # a drop from another program; ignore rather than fail
    return [i for i in raw if isinstance(i, int)] if isinstance(raw, list) else []


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    meeting: MeetingInfo
    entries: tuple[EntryInfo, ...]
    heading: str
    warnings: tuple[str, ...]
    warning_words: str  # a few words for the Warnings column; the sentences are the tooltip
    entry_texts: tuple[tuple[str, str, str, str], ...]
    entry_warnings: tuple[tuple[str, ...], ...]

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == "cancelled"


def meeting_heading(m: MeetingInfo, data: PlannerData) -> str:
    """'Wednesday 11 September 2019, 2 pm — 5 of 6 items — Agenda published by Tue 3 Sept ·
    reports due Thu 29 Aug', or '… — 7 items — held' once it has taken place. The load and the
    status come from the planner data, by the same rules as the warnings list. The venue is
    named only when it is not the usual one; a deadline's year only when it differs from the
    meeting's, so the heading fits beside the items."""
    day = m.starts_at.date()
    text = f"{labels.long_date(day)}, {labels.time_text(m.starts_at.time())}"
    if m.venue and m.venue != data.programme.committee.default_venue:
        text += f", {m.venue}"
    if m.status == "moved" and m.moved_from is not None:
        text += f" (moved from {short_date(m.moved_from.date())})"
    status = data.status_of(m)
    if status == "cancelled":
        return f"{text} — CANCELLED"
    load = data.load_text(m)
    if load:
        text += f" — {load}"
    if status in ("held", "adjourned"):
        return f"{text} — {status}"
    d = data.deadlines.get(m.id)
    if d is not None:
        text += (
            f" — Agenda published by {short_day(d.publication, year_of=day)} · reports due "
            f"{short_day(d.report_deadline, year_of=day)}"
        )
    return text


def entry_title(e: EntryInfo) -> str:
    title = f"{labels.PART_II} · {e.title}" if e.exempt else e.title
    flags = [
        name
        for name, on in (
            ("standing item", e.kind == "standing"),
            ("to follow", e.to_follow),
            ("verbal update", e.verbal_update),
            ("provisional", e.provisional),
            ("suggested", not e.pinned),
        )
        if on
    ]
    return f"{title} ({', '.join(flags)})" if flags else title


def score_text(score: int | None, band: str | None) -> str:
    if score is None:
        return ""
    return f"{score} {band}" if band else str(score)


def build_rows(data: PlannerData) -> list[MeetingRow]:
    by_meeting: dict[int, list[ProgrammeWarning]] = {}
    for w in data.warnings:
        by_meeting.setdefault(w.meeting_id, []).append(w)
    rows = []
    for group in data.programme.meetings:
        m = group.meeting
        found = by_meeting.get(m.id, [])
        meeting_warnings = tuple(w.message for w in found if w.kind in MEETING_KINDS)
        item_warnings = [w for w in found if w.kind not in MEETING_KINDS]
        per_entry_found = [
            [w for w in item_warnings if e.topic_id in w.topic_ids] for e in group.entries
        ]
        per_entry = tuple(tuple(w.message for w in ws) for ws in per_entry_found)
        short = [
            "; ".join(dict.fromkeys(SHORT_WARNING.get(w.kind, w.message) for w in ws))
            for ws in per_entry_found
        ]
        rows.append(
            MeetingRow(
                meeting=m,
                entries=group.entries,
                heading=meeting_heading(m, data),
                warnings=meeting_warnings,
                warning_words="; ".join(
                    dict.fromkeys(SHORT_WARNING[w.kind] for w in found if w.kind in MEETING_KINDS)
                ),
                entry_texts=tuple(
                    (entry_title(e), score_text(e.score, e.band), e.responsible, text)
                    for e, text in zip(group.entries, short, strict=True)
                ),
                entry_warnings=per_entry,
            )
        )
    return rows


class PlannerModel(QAbstractItemModel):
    """Meetings in date order (top level), each with its items in agenda order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRow] = []
        self.drop_handler: DropHandler | None = None
        self._bold: QFont | None = None
        self._icon: QIcon | None = None

    # --- loading -------------------------------------------------------------------------

    def set_data(self, data: PlannerData) -> None:
        rows = build_rows(data)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def meeting_rows(self) -> list[MeetingRow]:
        return list(self._rows)

    def meeting_index(self, meeting_id: int) -> QModelIndex:
        for r, row in enumerate(self._rows):
            if row.meeting.id == meeting_id:
                return self.index(r, 0)
        return QModelIndex()

    def entry_index(self, entry_id: int) -> QModelIndex:
        for r, row in enumerate(self._rows):
            for i, e in enumerate(row.entries):
                if e.id == entry_id:
                    return self.index(i, 0, self.index(r, 0))
        return QModelIndex()

    def meeting_of(self, index: Index) -> MeetingRow | None:
        if not index.isValid():
            return None
        ident = index.internalId()
        return self._rows[index.row() if ident == _MEETING else ident - 1]

    def entry_at(self, index: Index) -> EntryInfo | None:
        if not index.isValid() or index.internalId() == _MEETING:
            return None
        return self._rows[index.internalId() - 1].entries[index.row()]

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _MEETING) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != _MEETING or parent.column() != 0:
            return QModelIndex()
        if parent.row() >= len(self._rows) or row >= len(self._rows[parent.row()].entries):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _MEETING:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _MEETING)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _MEETING and parent.column() == 0:
            return len(self._rows[parent.row()].entries)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == _MEETING:
            row = self._rows[index.row()]
            return self._meeting_data(row, column, role)
        row = self._rows[index.internalId() - 1]
        return self._entry_data(row, index.row(), column, role)

    def _meeting_data(self, row: MeetingRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return row.heading
            if column == 3:
                return row.warning_words
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            venue = f"\n{row.meeting.venue}" if row.meeting.venue else ""
            return "\n".join([row.heading + venue, *row.warnings])
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.warnings:
            return self._warning_icon()
        if role == Qt.ItemDataRole.FontRole and column == 0:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row.cancelled:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == ItemRole:
            return row.meeting
        return None

    def _entry_data(self, row: MeetingRow, i: int, column: int, role: int) -> Any:
        if i >= len(row.entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.entry_texts[i][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            e = row.entries[i]
            if column == 0 and e.exempt:
                return labels.part_ii_tooltip(e.exempt_paragraph)
            if column == 3 and row.entry_warnings[i]:
                return "\n".join(row.entry_warnings[i])
            return row.entry_texts[i][column] or None
        if role == Qt.ItemDataRole.DecorationRole and column == 3 and row.entry_warnings[i]:
            return self._warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column == 1:
            swatch = labels.band_swatch(row.entries[i].band)
            if swatch is None:
                return None
            return QBrush(QColor(swatch.fill if role == Qt.ItemDataRole.BackgroundRole else swatch.text))
        if role == ItemRole:
            return row.entries[i]
        return None

    def _warning_icon(self) -> QIcon:
        if self._icon is None:
            self._icon = warning_icon()
        return self._icon

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _MEETING:
            row = self._rows[index.row()]
            return base if row.cancelled else base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    # --- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ENTRY_MIME, TOPIC_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            e = self.entry_at(index)
            if e is not None and e.id not in ids:
                ids.append(e.id)
        return encode_ids(ENTRY_MIME, ids)

    def _target(self, row: int, parent: Index) -> tuple[MeetingRow, int | None] | None:
        """The meeting a drop lands on and the agenda position (None: the end)."""
        if not parent.isValid():
            return None  # between meetings: no agenda to put it on
        if parent.internalId() != _MEETING:
            # Onto an item: in front of it.
            meeting = self._rows[parent.internalId() - 1]
            return meeting, parent.row()
        meeting = self._rows[parent.row()]
        return meeting, (row if row >= 0 else None)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not (data.hasFormat(ENTRY_MIME) or data.hasFormat(TOPIC_MIME)):
            return False
        target = self._target(row, parent)
        return target is not None and not target[0].cancelled

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent) or self.drop_handler is None:
            return False
        target = self._target(row, parent)
        assert target is not None
        meeting, position = target
        if data.hasFormat(ENTRY_MIME):
            ids = decode_ids(data, ENTRY_MIME)
            if not ids:
                return False
            if position is not None and len(ids) == 1:
                # Within one meeting the item leaves its place first, so a later slot moves up.
                current = next((e for e in meeting.entries if e.id == ids[0]), None)
                if current is not None and current.position < position:
                    position -= 1
            return self.drop_handler("entry", ids, meeting.meeting.id, position)
        ids = decode_ids(data, TOPIC_MIME)
        return bool(ids) and self.drop_handler("topic", ids, meeting.meeting.id, position)


# --- the items to be scheduled ----------------------------------------------------------------


def _band(t: TopicRow) -> str:
    return t.band or labels.UNSCORED


WAITING_COLUMNS: tuple[Column[TopicRow], ...] = (
    Column("Subject", lambda t: f"{labels.PART_II} · {t.title}" if t.exempt else t.title,
           tooltip=lambda t: labels.part_ii_tooltip(t.exempt_paragraph) if t.exempt else "\n".join(filter(None, (t.title, t.reason)))),
    Column("Score", lambda t: "" if t.score is None else str(t.score),
           sort_key=lambda t: (t.score is None, -(t.score or 0)), alignment=RIGHT),
    Column("Band", _band, sort_key=lambda t: (t.score is None, -(t.score or 0)),
           background=lambda t: labels.band_fill(t.band)),
    Column("Needed by", lambda t: labels.date_text(t.needed_by),
           sort_key=lambda t: (t.needed_by is None, t.needed_by or dt.date.max)),
    Column("Responsible", lambda t: t.responsible),
)


class WaitingModel(RowTableModel[TopicRow]):
    """Accepted topics with no meeting yet. Drag one onto a meeting to book it; drop an
    agenda item here to unschedule it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(WAITING_COLUMNS, parent)
        self.drop_handler: DropHandler | None = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TOPIC_MIME, ENTRY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            if index.isValid():
                tid = self.row_value(index.row()).id
                if tid not in ids:
                    ids.append(tid)
        return encode_ids(TOPIC_MIME, ids)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(ENTRY_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        ids = decode_ids(data, ENTRY_MIME)
        if not ids or self.drop_handler is None:
            return False
        return self.drop_handler("entry", ids, None, None)

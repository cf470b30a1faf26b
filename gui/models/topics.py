"""The Topics table: a committee-year's candidate items, filtered as the user types."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from . import labels
from .table import CENTRE, RIGHT, Column, RowTableModel, Selector

if TYPE_CHECKING:  # the window paints before the domain's value classes are needed
    from domain.values import TopicRow

_BAND_RANK = {"High": 0, "Medium": 1, "Low": 2, "Not a scrutiny topic": 3}


def _title(r: TopicRow) -> str:
    title = f"{labels.URGENT} · {r.title}" if r.urgent else r.title
    return f"{labels.PART_II} · {title}" if r.exempt else title


def _title_tooltip(r: TopicRow) -> str | None:
    from domain.screening import screening_text

    tip = r.reason or None
    if r.exempt:
        return labels.part_ii_tooltip(r.exempt_paragraph)
    lines = [f"Urgent: {r.urgent_reason}"] if r.urgent else []
    if r.screening:
        lines.append(screening_text(r.screening))
    return "\n\n".join([*lines, *([tip] if tip else [])]) or None


def _band(r: TopicRow) -> str:
    return r.band or ""


def _source_tooltip(r: TopicRow) -> str | None:
    """The whole source, as the cell may be too narrow for it: kind, then its reference."""
    kind = labels.SOURCE.get(r.source_kind, "") if r.source_kind else ""
    return " — ".join(t for t in (kind, r.source_ref) if t) or None


def _band_colour(r: TopicRow) -> str | None:
    return labels.band_fill(r.band)


TOPIC_COLUMNS: tuple[Column[TopicRow], ...] = (
    Column("Title", _title, sort_key=lambda r: r.title.casefold(), tooltip=_title_tooltip),
    Column(
        "Score",
        lambda r: "" if r.score is None else str(r.score),
        sort_key=lambda r: -1 if r.score is None else r.score,
        alignment=RIGHT,
        header_tooltip="The committee's agreed PAPER score (0-6); blank when not scored",
    ),
    Column(
        "Band",
        _band,
        sort_key=lambda r: _BAND_RANK.get(r.band or "", 9),
        alignment=CENTRE,
        background=_band_colour,
        header_tooltip="Priority: High 5-6, Medium 3-4, Low 1-2",
    ),
    Column(
        "Status",
        lambda r: labels.STATUS.get(r.status, r.status),
        tooltip=lambda r: r.status_reason or None,
    ),
    Column("Responsible", lambda r: r.responsible, tooltip=lambda r: r.responsible or None),
    Column(
        "Source",
        lambda r: labels.SOURCE.get(r.source_kind, "") if r.source_kind else "",
        tooltip=_source_tooltip,
    ),
    Column(
        "Added",
        lambda r: labels.date_text(r.added_on),
        sort_key=lambda r: r.added_on.toordinal() if r.added_on else 0,
        alignment=RIGHT,
    ),
)

TITLE, SCORE, BAND, STATUS, RESPONSIBLE, SOURCE, ADDED = range(len(TOPIC_COLUMNS))

# Band filter value for topics that have no score yet.
UNSCORED = ""


class TopicTableModel(RowTableModel["TopicRow"]):
    """Topics as rows, shown as the user asked: text filter, combo filters, sort order.

    The view uses this model directly (no ``QSortFilterProxyModel``, see :mod:`gui.models.table`
    for why). The text filter tests a lower-case haystack of each topic. Each keystroke's result
    is kept until the rows, the other filters or the sort order change, so a longer text only
    tests the rows its longest already-filtered prefix kept, and deleting a letter shows the
    kept result again without testing any row.
    """

    _CACHED_TEXTS = 64  # per committee-year: far more than anyone types into one filter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TOPIC_COLUMNS, parent)
        self.haystacks: list[str] = []
        self.statuses: list[str] = []
        self.bands: list[str] = []
        self.sources: list[str] = []
        self._positions: dict[int, int] = {}
        self._text = ""
        self._status: frozenset[str] | None = None
        self._band: str | None = None
        self._source: str | None = None
        self._by_text: dict[str, list[int]] = {}

    def set_rows(self, rows: Any) -> None:
        rows = list(rows)
        self.haystacks = [f"{r.title}\n{r.reason}\n{r.responsible}".casefold() for r in rows]
        self.statuses = [r.status for r in rows]
        self.bands = [r.band or UNSCORED for r in rows]
        self.sources = [r.source_kind or "" for r in rows]
        self._positions = {r.id: i for i, r in enumerate(rows)}
        self._by_text = {}
        self._accept = self._selector()
        super().set_rows(rows)
        self._by_text[self._text] = self._shown

    def row_of_topic(self, topic_id: int) -> int:
        """The shown row of the topic, or -1 if it is not loaded or filtered out."""
        position = self._positions.get(topic_id)
        return -1 if position is None else self.shown_row_of_position(position)

    def topic_at(self, index: QModelIndex | QPersistentModelIndex) -> TopicRow | None:
        if not index.isValid():
            return None
        return self.row_value(index.row())

    # --- filters ----------------------------------------------------------------------------

    def filter_text(self) -> str:
        return self._text

    def set_filter_text(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        if needle == self._text:
            return
        self._text = needle
        self._accept = self._selector()
        known = self._by_text.get(needle)
        if known is not None:
            self.set_shown(known)
            return
        # Adding letters only narrows: test just the rows the longest known prefix kept.
        prefix = max((t for t in self._by_text if needle.startswith(t)), key=len, default=None)
        candidates = None if prefix is None else self._by_text[prefix]
        self.set_shown(self._compute_shown(candidates))
        if len(self._by_text) >= self._CACHED_TEXTS:
            self._by_text.clear()
        self._by_text[needle] = self._shown

    def set_status(self, status: str | tuple[str, ...] | None) -> None:
        """Show only topics of this status, or of any of these (a stage of the year)."""
        self._status = None if status is None else frozenset((status,) if isinstance(status, str) else status)
        self.reapply()

    def set_band(self, band: str | None) -> None:
        self._band = band
        self.reapply()

    def set_source(self, source: str | None) -> None:
        self._source = source
        self.reapply()

    def reapply(self) -> None:
        """Apply the current filters afresh to every row."""
        self._by_text = {}
        self.set_accept(self._selector())
        self._by_text[self._text] = self._shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        super().sort(column, order)
        self._by_text = {self._text: self._shown}  # earlier results are in the old order

    def _selector(self) -> Selector | None:
        status, band, source, needle = self._status, self._band, self._source, self._text
        if status is None and band is None and source is None and not needle:
            return None
        statuses, bands, sources, hay = self.statuses, self.bands, self.sources, self.haystacks

        def select(pool: Iterable[int]) -> list[int]:
            kept = list(pool)
            if status is not None:
                kept = [i for i in kept if statuses[i] in status]
            if band is not None:
                kept = [i for i in kept if bands[i] == band]
            if source is not None:
                kept = [i for i in kept if sources[i] == source]
            if needle:
                kept = [i for i in kept if needle in hay[i]]
            return kept

        return select

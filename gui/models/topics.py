"""The Topics table: a committee-year's candidate items, filtered as the user types."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt

from domain.values import TopicRow

from . import labels
from .table import CENTRE, RIGHT, Column, RowTableModel, Selector

_BAND_RANK = {"High": 0, "Medium": 1, "Low": 2, "Not a scrutiny topic": 3}


def _title(r: TopicRow) -> str:
    return f"{labels.PART_II} · {r.title}" if r.exempt else r.title


def _title_tooltip(r: TopicRow) -> str | None:
    tip = r.reason or None
    if r.exempt:
        return labels.part_ii_tooltip(r.exempt_paragraph)
    return tip


def _band(r: TopicRow) -> str:
    return r.band or ""


def _band_colour(r: TopicRow) -> str | None:
    return labels.BAND_COLOURS.get(r.band) if r.band else None


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
        tooltip=lambda r: r.source_ref or None,
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


class TopicTableModel(RowTableModel[TopicRow]):
    """Topics as rows; keeps a lower-case haystack of each topic for the text filter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TOPIC_COLUMNS, parent)
        self.haystacks: list[str] = []
        self.statuses: list[str] = []
        self.bands: list[str] = []
        self.sources: list[str] = []

    def set_rows(self, rows: Any) -> None:
        rows = list(rows)
        self.haystacks = [f"{r.title}\n{r.reason}\n{r.responsible}".casefold() for r in rows]
        self.statuses = [r.status for r in rows]
        self.bands = [r.band or UNSCORED for r in rows]
        self.sources = [r.source_kind or "" for r in rows]
        super().set_rows(rows)

    def row_of_topic(self, topic_id: int) -> int:
        return self.row_of(lambda r: r.id == topic_id)


class TopicFilterProxy(QSortFilterProxyModel):
    """The topics as the user asked to see them: text filter, combo filters, sort order.

    The filter state lives here, as views expect of a proxy; the work is done in bulk by the
    source :class:`TopicTableModel` (see :mod:`gui.models.table` for why), so the proxy itself
    passes rows through unchanged.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self._band: str | None = None
        self._source: str | None = None

    def topics(self) -> TopicTableModel:
        model = self.sourceModel()
        assert isinstance(model, TopicTableModel)
        return model

    def filter_text(self) -> str:
        return self._text

    def set_filter_text(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        if needle == self._text:
            return
        # Typing one more letter only narrows: test just the rows already shown.
        narrowing = bool(self._text) and needle.startswith(self._text)
        self._text = needle
        self._apply(narrowing)

    def set_status(self, status: str | None) -> None:
        self._status = status
        self._apply(False)

    def set_band(self, band: str | None) -> None:
        self._band = band
        self._apply(False)

    def set_source(self, source: str | None) -> None:
        self._source = source
        self._apply(False)

    def reapply(self) -> None:
        """Apply the current filters to freshly loaded rows."""
        self._apply(False)

    def _selector(self) -> Selector | None:
        model = self.topics()
        status, band, source, needle = self._status, self._band, self._source, self._text
        if status is None and band is None and source is None and not needle:
            return None
        statuses, bands, sources, hay = model.statuses, model.bands, model.sources, model.haystacks

        def select(pool: Iterable[int]) -> list[int]:
            kept = list(pool)
            if status is not None:
                kept = [i for i in kept if statuses[i] == status]
            if band is not None:
                kept = [i for i in kept if bands[i] == band]
            if source is not None:
                kept = [i for i in kept if sources[i] == source]
            if needle:
                kept = [i for i in kept if needle in hay[i]]
            return kept

        return select

    def _apply(self, narrowing: bool) -> None:
        model = self.topics()
        model.set_accept(self._selector(), model.shown_positions() if narrowing else None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.topics().sort(column, order)

    def topic_at(self, index: QModelIndex) -> TopicRow | None:
        if not index.isValid():
            return None
        return self.topics().row_value(self.mapToSource(index).row())

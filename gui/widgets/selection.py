"""The committee and municipal year on screen: the toolbar with their two pickers.

Loaded with the main window before its first paint, so it imports only Qt and light modules;
the committee operations are imported when the pickers are filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

if TYPE_CHECKING:
    from domain.values import CommitteeInfo


class SelectionBar(QToolBar):
    """The committee and year pickers, filled from the database.

    The current municipal year and the year after the newest programme are always offered, so
    the coming year's programme can be started (meetings created, a file imported).

    Signals:
        changed: the committee or year shown changed, or was read again; ``committee_id``,
            ``committee`` and ``year_start`` say what is shown now.
    """

    changed = Signal()

    def __init__(self, query: Callable[..., Any], start_month: Callable[[], int], parent: QWidget) -> None:
        super().__init__("Committee and year", parent)
        self._query = query
        self._start_month = start_month
        self.today: Callable[[], dt.date] = dt.date.today
        self.saved_year: int | None = None  # the year shown when the window was last closed
        self.committee_id: int | None = None
        self.committee: CommitteeInfo | None = None
        self.year_start: int | None = None
        self._month: int | None = None  # the start month the years were offered by
        self._loading = False
        self.setObjectName("toolbar.selection")
        self.setMovable(False)
        self.setAccessibleName("Committee and year")
        self.committee_combo = QComboBox(self)
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setPlaceholderText("No committees yet: add one with File ▸ New committee…")
        self.committee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.committee_combo.setMinimumContentsLength(48)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName("Municipal year")
        self.year_combo.setMinimumContentsLength(9)
        committee_label = QLabel(" &Committee: ", self)
        committee_label.setBuddy(self.committee_combo)
        year_label = QLabel("  Municipal &year: ", self)
        year_label.setBuddy(self.year_combo)
        self.addWidget(committee_label)
        self.addWidget(self.committee_combo)
        self.addWidget(year_label)
        self.addWidget(self.year_combo)
        self.committee_combo.currentIndexChanged.connect(self._on_committee_combo_changed)
        self.year_combo.currentIndexChanged.connect(self._on_year_combo_changed)

    def load_committees(self, prefer: int | None) -> None:
        """Fill the committee picker and show ``prefer``, else the committee with the newest
        programme."""
        from PySide6.QtCore import Qt

        from domain.ops import committees

        infos = self._query(committees.list_committees)
        self._loading = True
        try:
            self.committee_combo.clear()
            for c in infos:
                self.committee_combo.addItem(c.name, c.id)
                self.committee_combo.setItemData(self.committee_combo.count() - 1, c.name, Qt.ItemDataRole.ToolTipRole)
        finally:
            self._loading = False
        self._fit_committee_combo([c.name for c in infos])
        index = self.committee_combo.findData(prefer) if prefer is not None else -1
        if index < 0 and infos:
            # No committee to go back to: the one with the newest programme, not whichever
            # sorts first.
            index = max(0, self.committee_combo.findData(self._query(committees.newest_programme)))
        if index < 0:
            self.committee_id = None
            self.committee = None
            self.set_years(None)
            return
        if self.committee_combo.currentIndex() == index:
            self._on_committee_combo_changed(index)
        else:
            self.committee_combo.setCurrentIndex(index)

    def _fit_committee_combo(self, names: list[str]) -> None:
        """Wide enough for the longest committee name (a scrutiny committee's full name runs to
        68 characters), so it is read whole rather than cut off; capped so that a very long
        name cannot push the year off a 1280-pixel window (the list and tooltip show it whole)."""
        if not names:
            return
        metrics = self.committee_combo.fontMetrics()
        longest = max(metrics.horizontalAdvance(name) for name in names)
        chars = -(-longest // max(1, metrics.averageCharWidth())) + 1
        self.committee_combo.setMinimumContentsLength(max(48, min(chars, 90)))

    def _on_committee_combo_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.committee_id = self.committee_combo.itemData(index)
        self.set_years(self.saved_year if self.year_start is None else self.year_start)

    def set_years(self, prefer: int | None) -> None:
        """Fill the year picker for the committee shown and show ``prefer`` if offered, else
        the current year if it has a programme or none has, else the newest with one."""
        from ..models import labels

        years: list[int] = []
        if self.committee_id is not None:
            from domain.ops import committees

            years = list(self._query(committees.list_years, committee_id=self.committee_id))
            self.committee = self._query(committees.get_committee, committee_id=self.committee_id)
        self._month = self._start_month()
        this_year = labels.municipal_year_of(self.today(), self._month)
        with_data = list(years)
        offered = {this_year, *(y + 1 for y in years[:1])}
        years = sorted(set(years) | offered, reverse=True)
        self._loading = True
        try:
            self.year_combo.clear()
            for y in years:
                self.year_combo.addItem(labels.year_label(y), y)
        finally:
            self._loading = False
        if prefer in years:
            index = years.index(prefer)
        elif this_year in with_data or not with_data:
            index = years.index(this_year)
        else:
            index = years.index(max(with_data))
        self._loading = True
        try:
            self.year_combo.setCurrentIndex(index)
        finally:
            self._loading = False
        self._on_year_combo_changed(index)

    def _on_year_combo_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.year_start = self.year_combo.itemData(index)
        self.changed.emit()

    def years(self) -> list[int]:
        """The years offered, newest first."""
        return [self.year_combo.itemData(i) for i in range(self.year_combo.count())]

    def select(self, committee_id: int, year_start: int) -> None:
        """Show a committee and year, offering the year if the picker does not yet."""
        if committee_id != self.committee_id:
            self.committee_combo.setCurrentIndex(self.committee_combo.findData(committee_id))
        if year_start != self.year_start:
            if self.year_combo.findData(year_start) < 0:
                self.set_years(year_start)
            self.year_combo.setCurrentIndex(self.year_combo.findData(year_start))

    def refresh_committees(self) -> bool:
        """Read the committees again after a change: refill the picker if one was added or
        removed (and say so), else take the shown committee's new details and name."""
        from domain.ops import committees

        names = {c.id: c.name for c in self._query(committees.list_committees)}
        listed = [self.committee_combo.itemData(i) for i in range(self.committee_combo.count())]
        if sorted(names) != sorted(listed):
            self.load_committees(prefer=self.committee_id)
            return True
        if self.committee_id is not None:
            self.committee = self._query(committees.get_committee, committee_id=self.committee_id)
            index = self.committee_combo.findData(self.committee_id)
            if index >= 0:
                self.committee_combo.setItemText(index, self.committee.name)
        return False

    def refresh_years(self) -> bool:
        """Offer the years again if the council's year now starts in another month (the
        current municipal year may be another); says whether it did."""
        if self._month is None or self._start_month() == self._month:
            return False
        self.set_years(self.year_start)
        return True

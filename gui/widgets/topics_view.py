"""The Topics page: the filterable table of a committee-year's topics, and the scoring panel.

Signals:
    current_topic_changed(object): the selected TopicRow, or None.
    edit_requested(): the user asked to edit the selected topic (double-click or Enter).
    selection_changed(): the set of selected topics changed (several may be selected).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.values import STAGES
from domain.words import counted

from ..models import labels
from ..models.topics import UNSCORED, TopicTableModel
from .history import HistoryPane
from .tables import ColumnShares, EnterTable, make_table

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack

    from domain.values import TopicRow

    from ..hub import Hub


_NO_TOPICS = "No topics for this committee and year yet."


class TopicsView(QWidget):
    current_topic_changed = Signal(object)
    edit_requested = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopicsView")
        self.model = TopicTableModel(self)
        # The model filters and sorts itself (see gui.models.table); ``proxy`` is the model
        # the table shows, kept as a name for code that asks the view for it.
        self.proxy = self.model
        self._current_id: int | None = None
        self.scoring_panel: QWidget | None = None  # made when the first topic is selected
        self._hub: Hub | None = None
        self._undo_stack: QUndoStack | None = None
        self._panel_hint: QLabel | None = None

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("topicFilter")
        self.filter_edit.setPlaceholderText("Type part of a title, reason or responsible person")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Find topics")
        find_label = QLabel("&Find:", self)
        find_label.setBuddy(self.filter_edit)

        self.status_combo = self._combo("statusFilter", "Status filter", "All statuses", labels.STATUS)
        for _name, stage in STAGES:  # the Year page's stages that take in more than one status
            if len(stage) > 1:
                first, *rest = (labels.STATUS[code] for code in stage)
                self.status_combo.addItem(" or ".join([first, *(text.lower() for text in rest)]), stage)
        status_label = QLabel("Stat&us:", self)
        status_label.setBuddy(self.status_combo)
        bands = {b: b for b in ("High", "Medium", "Low", "Not a scrutiny topic")}
        bands[UNSCORED] = labels.UNSCORED
        self.band_combo = self._combo("bandFilter", "Band filter", "All bands", bands)
        band_label = QLabel("&Band:", self)
        band_label.setBuddy(self.band_combo)
        self.source_combo = self._combo("sourceFilter", "Source filter", "All sources", labels.SOURCE)
        source_label = QLabel("Sour&ce:", self)
        source_label.setBuddy(self.source_combo)

        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        # Two rows, so the page stays usable in a narrow window or at 200 % scaling.
        bar = QVBoxLayout()
        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.filter_edit, 1)
        combo_row = QHBoxLayout()
        for i, (label, combo) in enumerate(
            (
                (status_label, self.status_combo),
                (band_label, self.band_combo),
                (source_label, self.source_combo),
            )
        ):
            if i:
                combo_row.addSpacing(8)
            combo_row.addWidget(label)
            # Shared in proportion to their longest choice, so each shows its choices whole
            # when the row has room for them all.
            longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
            combo_row.addWidget(combo, longest)
        bar.addLayout(find_row)
        bar.addLayout(combo_row)

        self.table = make_table("topicsTable", "Topics", self, cls=EnterTable)
        self._setup_table(self.table)
        self.count_label = QLabel(self)
        self._count_sized_for = -1
        self.count_label.setObjectName("topicCount")
        self.count_label.setAccessibleName("Number of topics shown")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        self._buttons = QHBoxLayout()  # the path's buttons (add_path_buttons)
        left_layout.addLayout(self._buttons)
        left_layout.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("topicsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        right = QWidget(self.splitter)
        self.panel_holder = QWidget(right)
        self.panel_holder.setObjectName("scoringHolder")
        self._panel_layout = QVBoxLayout(self.panel_holder)
        self._panel_layout.setContentsMargins(0, 0, 0, 0)
        self.history = HistoryPane("topic", "topicHistory", right)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.panel_holder, 1)
        right_layout.addWidget(self.history)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The PAPER questions need room; a saved splitter state replaces this on restart.
        em = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([em * 100, em * 70])

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self._refilter(lambda: self.model.set_status(self.status_combo.currentData()))
        )
        self.band_combo.currentIndexChanged.connect(
            lambda _i: self._refilter(lambda: self.model.set_band(self.band_combo.currentData()))
        )
        self.source_combo.currentIndexChanged.connect(
            lambda _i: self._refilter(lambda: self.model.set_source(self.source_combo.currentData()))
        )
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_requested.emit())
        self.table.activated_by_key.connect(self.edit_requested.emit)
        self._update_count()

    def _setup_table(self, table: QTableView) -> None:
        header = table.horizontalHeader()
        table.setModel(self.model)
        table.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # Every column stays in view: Title takes most of the room the others leave.
        self.columns = ColumnShares(
            table,
            ((8, "Sex Education and"), (0, "10"), (1, "Medium"), (1, "To be scheduled"),
             (2, "Jean Kelly"), (2, "Resolution"), (0, "30 Sept 2019")),
        )

    def _combo(self, name: str, accessible: str, all_text: str, items: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        # Long source names must not force a wide window (200 % scaling, small screens).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(all_text, None)
        for code, text in items.items():
            combo.addItem(text, code)
        return combo

    # --- the scoring panel ------------------------------------------------------------------

    def attach(self, hub: Hub, undo_stack: QUndoStack) -> None:
        """Connect to the open database; the scoring panel is made when a topic is selected.

        Building the panel (and importing its module) takes about as long as loading a
        committee-year, so the first topics appear without waiting for it.
        """
        if self._hub is not None:
            return
        self._hub, self._undo_stack = hub, undo_stack
        self._panel_hint = QLabel("Select a topic to score it with the PAPER questions.", self.panel_holder)
        self._panel_hint.setWordWrap(True)
        self._panel_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._panel_hint.setAccessibleName("Scoring")
        self._panel_layout.addWidget(self._panel_hint)
        if self._current_id is not None:
            self._make_scoring_panel()

    def _make_scoring_panel(self) -> None:
        if self.scoring_panel is not None or self._hub is None or self._undo_stack is None:
            return
        from .scoring import ScoringPanel

        panel = ScoringPanel(self._hub, self._undo_stack, self.panel_holder)
        if self._panel_hint is not None:
            self._panel_hint.hide()
            self._panel_hint.deleteLater()
            self._panel_hint = None
        self._panel_layout.addWidget(panel)
        self.scoring_panel = panel

    # --- data -------------------------------------------------------------------------------

    def set_topics(self, rows: list[TopicRow]) -> None:
        """Show these topics, keeping the filters and the selected topic where possible."""
        keep = self._current_id
        self.model.set_rows(rows)
        self._restore_selection(keep)
        self._update_count()

    def current_topic(self) -> TopicRow | None:
        return self.model.topic_at(self.table.currentIndex())

    def selected_topics(self) -> list[TopicRow]:
        """The selected topics, in the order shown (several: Ctrl or Shift and click)."""
        rows = (self.model.topic_at(i) for i in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()))
        return [r for r in rows if r is not None]

    def add_path_buttons(self, actions: list[QAction]) -> None:
        """Buttons under the table for moving the selected topics along their path; the
        table then lets several topics be selected at once."""
        from PySide6.QtWidgets import QAbstractItemView, QToolButton

        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setObjectName(f"button_{action.objectName()}")
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        self.table.addActions(actions)

    def select_topic(self, topic_id: int) -> bool:
        row = self.model.row_of_topic(topic_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _restore_selection(self, topic_id: int | None) -> None:
        if topic_id is not None and self.select_topic(topic_id):
            return
        self._set_current(None)

    def _refilter(self, apply: object) -> None:
        keep = self._current_id
        apply()  # type: ignore[operator]
        self._restore_selection(keep)
        self._update_count()

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self._refilter(lambda: self.model.set_filter_text(text))

    def _on_table_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        indexes = self.table.selectionModel().selectedRows()
        self._set_current(self.model.topic_at(indexes[0]) if indexes else None)
        self.selection_changed.emit()

    def _set_current(self, row: TopicRow | None) -> None:
        new_id = row.id if row else None
        if new_id == self._current_id:
            return
        self._current_id = new_id
        if new_id is not None and self.scoring_panel is None:
            self._make_scoring_panel()
        if self.scoring_panel is not None and hasattr(self.scoring_panel, "set_topic"):
            self.scoring_panel.set_topic(new_id)
        self.history.show_row(new_id)
        self.current_topic_changed.emit(row)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(QModelIndex()), self.model.rows_total()
        if total != self._count_sized_for:
            self._size_count_label(total)
        if total == 0:
            self.count_label.setText(_NO_TOPICS)
        elif shown == total:
            self.count_label.setText(counted(total, "topic"))
        else:
            self.count_label.setText(f"{shown} of {total} topics match")

    def _size_count_label(self, total: int) -> None:
        """Fix the count's size to fit its widest text for this many topics.

        A label whose size can change makes every new text re-lay out the whole window, and
        then repaint all of it (measured: 27 widgets repainted per keystroke instead of 16,
        a tenth of the keystroke's time).
        """
        self._count_sized_for = total
        label = self.count_label
        label.setMinimumSize(0, 0)
        label.setMaximumSize(16777215, 16777215)  # QWIDGETSIZE_MAX: free to measure again
        metrics = label.fontMetrics()
        texts = (_NO_TOPICS, counted(total, "topic"), f"{total} of {total} topics match")
        width = max(metrics.horizontalAdvance(t) for t in texts) + 2 * metrics.averageCharWidth()
        label.setFixedSize(width, label.sizeHint().height())

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

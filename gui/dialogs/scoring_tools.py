"""Settings ▸ Scoring tools: the council's criteria sets, and one of them edited.

The list on the left shows every tool in use (the default first) with the committees that
score with it; the right edits the selected one: its name, its questions (code, title,
question, help text, how each is answered, weight) and its bands (name, lowest and highest
total, colour). The dialog writes nothing itself: each action pushes one undoable command
through ``push`` and shows the error, if any, in its message line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain import bands as palette
from domain.scoring import SCALE, YES_NO, BandRule, CriteriaSetSpec, Question, scale_label
from domain.values import CommitteeInfo, CriteriaSetInfo
from domain.words import counted

from .. import errors

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from domain.ops.criteria import CriteriaSetSummary

# How a question can be answered, as the Answer column offers it: (kind, lowest, highest).
ANSWER_CHOICES: tuple[tuple[str, int, int], ...] = (
    (YES_NO, 0, 1),
    (SCALE, 0, 2),
    (SCALE, 0, 3),
    (SCALE, 0, 4),
    (SCALE, 0, 5),
    (SCALE, 1, 3),
    (SCALE, 1, 4),
    (SCALE, 1, 5),
    (SCALE, 0, 10),
    (SCALE, 1, 10),
)
Q_CODE, Q_TITLE, Q_QUESTION, Q_HELP, Q_ANSWER, Q_WEIGHT = range(6)
B_NAME, B_FROM, B_TO, B_COLOUR = range(4)


def _choice_text(kind: str, low: int, high: int) -> str:
    return "Yes / No" if kind == YES_NO else f"Scale {low}-{high}"


def _choice_key(kind: str, low: int, high: int) -> str:
    # A string, not a tuple: a QVariant gives a tuple back as a list, which findData misses.
    return f"{kind}:{low}:{high}"


class ScoringToolsDialog(QDialog):
    """Edit the scoring tools. ``query(op, **kw)`` reads and ``push(command)`` runs an undoable
    command (returning its error); ``committee`` is the (id, name) of the committee on screen,
    for "Use for this committee". ``open_file``/``save_file`` ask for a file (tests replace
    them); ``confirm(text)`` asks before unsaved changes are dropped."""

    def __init__(
        self,
        *,
        query: Callable[..., Any],
        push: Callable[[QUndoCommand], BaseException | None],
        hub: Any,
        committee: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Scoring tools")
        self.query = query
        self.push = push
        self.hub = hub
        self.committee = committee
        self._committee_info: CommitteeInfo | None = None  # as read with the list, for its version
        self.open_file: Callable[[], str] = self._ask_open
        self.save_file: Callable[[str], str] = self._ask_save
        self.confirm: Callable[[str], bool] = self._ask_confirm
        self.summaries: tuple[CriteriaSetSummary, ...] = ()
        self.editing: CriteriaSetInfo | None = None  # the saved tool being edited; None for a new one
        self._dirty = False
        self._loading = False
        self._build()
        self.reload()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        tools_label = QLabel("&Tools:", self)
        left.addWidget(tools_label)
        self.tools = QListWidget(self)
        self.tools.setAccessibleName("Scoring tools")
        self.tools.setWordWrap(True)
        self.tools.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34)
        tools_label.setBuddy(self.tools)
        self.tools.currentRowChanged.connect(self._on_tools_currentRowChanged)
        left.addWidget(self.tools, 1)
        grid = QGridLayout()
        self.new_button = self._button("&New tool", "Start a new tool from a copy of the selected one", self.new_tool)
        self.import_button = self._button("&Import…", "Read a tool from a JSON file", self.import_tool)
        self.export_button = self._button("E&xport…", "Write the selected tool to a JSON file to share", self.export_tool)
        self.delete_button = self._button("&Delete tool", "Delete a tool no score uses", self.delete_tool)
        self.default_button = self._button("Make de&fault", "Committees that have not chosen a tool score with the default", self.make_default)
        self.use_button = self._button("Use for this &committee", "The committee on screen scores with this tool from now on", self.use_for_committee)
        for i, b in enumerate((self.new_button, self.import_button, self.export_button,
                               self.delete_button, self.default_button)):
            grid.addWidget(b, i // 2, i % 2)
        grid.addWidget(self.use_button, 3, 0, 1, 2)
        left.addLayout(grid)
        body.addLayout(left)

        right = QVBoxLayout()
        name_row = QHBoxLayout()
        name_label = QLabel("Na&me:", self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Tool name")
        self.name_edit.textEdited.connect(self._on_edited)
        name_label.setBuddy(self.name_edit)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        right.addLayout(name_row)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setAccessibleName("About this tool")
        right.addWidget(self.about)

        questions_label = QLabel("&Questions (each answer scores its value times the weight):", self)
        right.addWidget(questions_label)
        self.questions = QTableWidget(0, 6, self)
        self.questions.setAccessibleName("Questions")
        self.questions.setHorizontalHeaderLabels(["Code", "Title", "Question", "Help for scorers", "Answer", "Weight"])
        self._table_shape(self.questions, stretch=(Q_QUESTION, Q_HELP))
        self.questions.itemChanged.connect(self._on_edited)
        questions_label.setBuddy(self.questions)
        right.addWidget(self.questions, 3)
        q_buttons = QHBoxLayout()
        self.add_question_button = self._button("&Add question", "Add a question at the end", self.add_question)
        self.remove_question_button = self._button("Remo&ve question", "Remove the selected question", self.remove_question)
        self.up_button = self._button("Move &up", "Move the selected question up", lambda: self.move_question(-1))
        self.down_button = self._button("Move do&wn", "Move the selected question down", lambda: self.move_question(1))
        for b in (self.add_question_button, self.remove_question_button, self.up_button, self.down_button):
            q_buttons.addWidget(b)
        q_buttons.addStretch(1)
        right.addLayout(q_buttons)

        bands_label = QLabel("&Bands (totals from–to; colour #rrggbb, or empty for the usual colour):", self)
        right.addWidget(bands_label)
        self.bands = QTableWidget(0, 4, self)
        self.bands.setAccessibleName("Bands")
        self.bands.setHorizontalHeaderLabels(["Name", "From", "To", "Colour"])
        self._table_shape(self.bands, stretch=(B_NAME,))
        self.bands.itemChanged.connect(self._on_band_item_changed)
        bands_label.setBuddy(self.bands)
        right.addWidget(self.bands, 2)
        b_buttons = QHBoxLayout()
        self.add_band_button = self._button("An&other band", "Add a band at the end", self.add_band)
        self.remove_band_button = self._button("R&emove band", "Remove the selected band", self.remove_band)
        b_buttons.addWidget(self.add_band_button)
        b_buttons.addWidget(self.remove_band_button)
        b_buttons.addStretch(1)
        self.save_button = self._button("&Save tool", "Save this tool (Ctrl+S); Ctrl+Z undoes it", self.save)
        b_buttons.addWidget(self.save_button)
        right.addLayout(b_buttons)
        body.addLayout(right, 1)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName("Scoring tools message")
        outer.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # Enter in a table cell ends its edit; it must never close the dialog as well.
        for button in close.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        outer.addWidget(close)
        save_key = QShortcut(QKeySequence("Ctrl+S"), self)
        save_key.activated.connect(self.save)
        em = self.fontMetrics().height()
        self.resize(em * 70, em * 42)

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _table_shape(self, table: QTableWidget, *, stretch: tuple[int, ...]) -> None:
        # F2 edits the current cell from the keyboard: a text cell opens its editor, and a
        # choice or number cell takes the focus, so arrows then change its value.
        edit = QShortcut(QKeySequence("F2"), table)
        edit.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit.activated.connect(lambda t=table: self._edit_cell(t))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for col in range(table.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if col in stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(col, mode)

    @staticmethod
    def _edit_cell(table: QTableWidget) -> None:
        row, col = table.currentRow(), table.currentColumn()
        if row < 0 or col < 0:
            return
        widget = table.cellWidget(row, col)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        item = table.item(row, col)
        if item is not None:
            table.editItem(item)

    # --- reading and showing ------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        from domain.ops.criteria import list_sets

        try:
            self.summaries = self.query(list_sets)
            if self.committee is not None:
                from domain.ops.committees import get_committee

                self._committee_info = self.query(get_committee, committee_id=self.committee[0])
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            self.message.setText(errors.user_message(exc))
            return
        wanted = select_id if select_id is not None else (self.editing.id if self.editing else None)
        self._loading = True
        self.tools.clear()
        row = 0
        for i, summary in enumerate(self.summaries):
            info = summary.info
            flags = " — default" if info.is_default else ""
            item = QListWidgetItem(f"{info.name}{flags}\n{counted(len(info.questions), 'question')}, totals 0-{info.max_total}")
            item.setToolTip(self._about_text(summary))
            self.tools.addItem(item)
            if info.id == wanted:
                row = i
        self._loading = False
        if self.summaries:
            self.tools.setCurrentRow(row)
            self._show(self.summaries[row])

    def _about_text(self, summary: CriteriaSetSummary) -> str:
        info = summary.info
        used = ", ".join(summary.committees) or "no committee"
        text = f"Revision {info.revision}{' (the default)' if info.is_default else ''}; used by {used}; "
        if summary.scores:
            text += (f"{counted(summary.scores, 'score')} made with it. Saving a change makes "
                     f"revision {info.revision + 1}; those scores keep revision {info.revision}.")
        else:
            text += "no score uses it yet, so a change is saved in place."
        return text

    def _show(self, summary: CriteriaSetSummary | None, spec: CriteriaSetSpec | None = None) -> None:
        self.editing = summary.info if summary is not None else None
        if spec is None:
            spec = summary.info.spec if summary is not None else None
        self._loading = True
        self.name_edit.setText(spec.name if spec else "")
        self.questions.setRowCount(0)
        for q in spec.questions if spec else ():
            self._append_question(q)
        self.bands.setRowCount(0)
        for b in spec.bands if spec else ():
            self._append_band(b)
        self._paint_bands()
        self._loading = False
        self.about.setText(self._about_text(summary) if summary is not None else
                           "A new tool, not saved yet: Save tool adds it.")
        self._dirty = summary is None
        self._update_buttons()

    def _update_buttons(self) -> None:
        saved = self.editing is not None
        self.export_button.setEnabled(saved)
        self.delete_button.setEnabled(saved and not (self.editing and self.editing.is_default))
        self.default_button.setEnabled(saved and not (self.editing and self.editing.is_default))
        self.use_button.setEnabled(saved and self.committee is not None)
        if self.committee is not None:
            self.use_button.setToolTip(f"{self.committee[1]} scores with this tool from now on")

    def _append_question(self, q: Question) -> None:
        row = self.questions.rowCount()
        self.questions.insertRow(row)
        for col, text in ((Q_CODE, q.letter), (Q_TITLE, q.title), (Q_QUESTION, q.question), (Q_HELP, q.help)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.questions.setItem(row, col, item)
        answer = QComboBox(self.questions)
        answer.setAccessibleName(f"Answer for question {row + 1}")
        for kind, low, high in ANSWER_CHOICES:
            answer.addItem(_choice_text(kind, low, high), _choice_key(kind, low, high))
        wanted = _choice_key(q.kind, q.scale_min, q.scale_max) if q.is_scale else _choice_key(YES_NO, 0, 1)
        index = answer.findData(wanted)
        if index < 0:
            answer.addItem(f"Scale {scale_label(q)}", wanted)
            index = answer.count() - 1
        answer.setCurrentIndex(index)
        answer.currentIndexChanged.connect(self._on_edited)
        self.questions.setCellWidget(row, Q_ANSWER, answer)
        weight = QSpinBox(self.questions)
        weight.setAccessibleName(f"Weight of question {row + 1}")
        weight.setRange(0, 99)
        weight.setValue(q.weight)
        weight.valueChanged.connect(self._on_edited)
        self.questions.setCellWidget(row, Q_WEIGHT, weight)

    def _append_band(self, b: BandRule) -> None:
        row = self.bands.rowCount()
        self.bands.insertRow(row)
        self.bands.setItem(row, B_NAME, QTableWidgetItem(b.name))
        for col, value in ((B_FROM, b.min_total), (B_TO, b.max_total)):
            spin = QSpinBox(self.bands)
            spin.setRange(0, 999)
            spin.setValue(value)
            spin.setAccessibleName(f"{'Lowest' if col == B_FROM else 'Highest'} total of band {row + 1}")
            spin.valueChanged.connect(self._on_edited)
            self.bands.setCellWidget(row, col, spin)
        self.bands.setItem(row, B_COLOUR, QTableWidgetItem(b.colour))

    def _paint_bands(self) -> None:
        """Show each band in its colours, its name written on them (domain.bands)."""
        rules = self.spec().bands
        was = self._loading
        self._loading = True
        for row, rule in enumerate(rules):
            try:
                found = palette.colours_of(rule.name, rules) if rule.name else None
            except ValueError:  # a colour still being typed
                found = None
            for col in (B_NAME, B_COLOUR):
                item = self.bands.item(row, col)
                if item is None:
                    continue
                if found is not None:
                    item.setBackground(QBrush(QColor(found.light.fill)))
                    item.setForeground(QBrush(QColor(found.light.text)))
                else:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
        self._loading = was

    def spec(self) -> CriteriaSetSpec:
        """The tool as the editor now shows it."""
        questions = []
        for row in range(self.questions.rowCount()):
            def text(col: int, row: int = row) -> str:
                item = self.questions.item(row, col)
                return item.text() if item is not None else ""
            answer = self.questions.cellWidget(row, Q_ANSWER)
            weight = self.questions.cellWidget(row, Q_WEIGHT)
            assert isinstance(answer, QComboBox) and isinstance(weight, QSpinBox)
            kind, low, high = str(answer.currentData()).split(":")
            questions.append(Question(text(Q_CODE).strip(), text(Q_TITLE).strip(), text(Q_QUESTION).strip(),
                                      weight.value(), kind, int(low), int(high), text(Q_HELP).strip()))
        bands = []
        for row in range(self.bands.rowCount()):
            name = self.bands.item(row, B_NAME)
            colour = self.bands.item(row, B_COLOUR)
            low_spin = self.bands.cellWidget(row, B_FROM)
            high_spin = self.bands.cellWidget(row, B_TO)
            assert isinstance(low_spin, QSpinBox) and isinstance(high_spin, QSpinBox)
            bands.append(BandRule(name.text().strip() if name else "", low_spin.value(), high_spin.value(),
                                  colour.text().strip().lower() if colour else ""))
        return CriteriaSetSpec(" ".join(self.name_edit.text().split()), tuple(questions), tuple(bands))

    # --- actions ------------------------------------------------------------------------------

    def _drop_changes(self) -> bool:
        return not self._dirty or self.confirm("Drop the changes to this tool that are not saved?")

    def new_tool(self) -> None:
        if not self._drop_changes():
            return
        base = self.spec()
        self.tools.clearSelection()
        self._show(None, CriteriaSetSpec(f"Copy of {base.name}" if base.name else "New tool", base.questions, base.bands))
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self.message.setText("A new tool, copied from the one shown: change it, then Save tool.")

    def import_tool(self) -> None:
        from domain.io.criteria import read_set

        if not self._drop_changes():
            return
        path = self.open_file()
        if not path:
            return
        try:
            spec = read_set(Path(path))
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            self.message.setText(errors.user_message(exc))
            return
        self._show(None, spec)
        self.message.setText(f"Read {spec.name} from {Path(path).name}: check it, then Save tool to add it.")

    def export_tool(self) -> None:
        from domain.io.criteria import write_set
        from domain.io.output import write_export

        if self.editing is None:
            return
        path = self.save_file(f"{self.editing.name}.json")
        if not path:
            return
        try:
            write_export(Path(path), write_set(self.editing.spec), what="scoring tool file")
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            self.message.setText(errors.user_message(exc))
            return
        self.message.setText(f"Wrote {self.editing.name} to {path}.")

    def save(self) -> None:
        from ..commands.criteria import SaveToolCommand

        spec = self.spec()
        command = SaveToolCommand(self.hub, spec=spec, before=self.editing)
        failed = self.push(command)
        if failed is not None or command.result is None:
            self.message.setText(errors.user_message(failed or RuntimeError("The tool was not saved.")))
            return
        result = command.result
        if self.editing is not None and result.id != self.editing.id:
            text = (f"Saved {result.name} as revision {result.revision}; earlier scores keep "
                    f"revision {self.editing.revision}. Ctrl+Z undoes it.")
        else:
            text = f"Saved {result.name}. Ctrl+Z undoes it."
        self._dirty = False
        self.reload(result.id)
        self.message.setText(text)

    def delete_tool(self) -> None:
        from ..commands.criteria import DeleteToolCommand

        if self.editing is None:
            return
        tool = self.editing
        if self.push(DeleteToolCommand(self.hub, tool=tool)) is None:
            self._dirty = False
            self.editing = None
            self.reload()
            self.message.setText(f"Deleted {tool.name}; its committees score with the default tool. Ctrl+Z undoes it.")

    def make_default(self) -> None:
        from ..commands.criteria import MakeDefaultToolCommand

        if self.editing is None:
            return
        tool = self.editing
        default_id = next((s.info.id for s in self.summaries if s.info.is_default), None)
        if self.push(MakeDefaultToolCommand(self.hub, tool=tool, default_id=default_id)) is None:
            self.reload(tool.id)
            self.message.setText(f"{tool.name} is now the default tool.")

    def use_for_committee(self) -> None:
        from ..commands.criteria import ChooseToolCommand

        committee = self._committee_info
        if self.editing is None or committee is None:
            return
        tool = self.editing
        name = committee.name
        if self.push(ChooseToolCommand(self.hub, committee=committee, tool=tool)) is None:
            self.reload(tool.id)
            self.message.setText(f"{name} scores with {tool.name} from now on; its earlier scores keep their own tool.")

    def add_question(self) -> None:
        self._append_question(Question("", "", ""))
        row = self.questions.rowCount() - 1
        self.questions.setCurrentCell(row, Q_TITLE)
        self.questions.setFocus()
        self._on_edited()

    def remove_question(self) -> None:
        row = self.questions.currentRow()
        if row >= 0:
            self.questions.removeRow(row)
            self._on_edited()

    def move_question(self, step: int) -> None:
        row = self.questions.currentRow()
        spec = self.spec()
        target = row + step
        if row < 0 or not 0 <= target < len(spec.questions):
            return
        qs = list(spec.questions)
        qs[row], qs[target] = qs[target], qs[row]
        self._loading = True
        self.questions.setRowCount(0)
        for q in qs:
            self._append_question(q)
        self._loading = False
        self.questions.setCurrentCell(target, Q_TITLE)
        self._on_edited()

    def add_band(self) -> None:
        self._append_band(BandRule("", 0, 0))
        self.bands.setCurrentCell(self.bands.rowCount() - 1, B_NAME)
        self.bands.setFocus()
        self._on_edited()

    def remove_band(self) -> None:
        row = self.bands.currentRow()
        if row >= 0:
            self.bands.removeRow(row)
            self._on_edited()

    # --- slots --------------------------------------------------------------------------------

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    def _on_band_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._paint_bands()
        self._on_edited()

    def _on_tools_currentRowChanged(self, row: int) -> None:  # noqa: N802 - Qt naming
        if self._loading or not 0 <= row < len(self.summaries):
            return
        if self.editing is not None and self.summaries[row].id == self.editing.id and not self._dirty:
            return
        if not self._drop_changes():
            self._loading = True
            current = next((i for i, s in enumerate(self.summaries) if self.editing and s.id == self.editing.id), -1)
            self.tools.setCurrentRow(current)
            self._loading = False
            return
        self._show(self.summaries[row])
        self.message.clear()

    def reject(self) -> None:
        if self._drop_changes():
            super().reject()

    # --- asking -------------------------------------------------------------------------------

    def _ask_open(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Import a scoring tool", "", "Scoring tools (*.json)")
        return path

    def _ask_save(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Export the scoring tool", suggested, "Scoring tools (*.json)")
        return path

    def _ask_confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Scoring tools", text)
        return answer == QMessageBox.StandardButton.Yes

"""The PAPER scoring panel: score a topic, see every score of it, agree the printed one.

Run ``python -m gui.widgets.scoring [out.png]`` to save a picture of the panel with a topic
half-scored, from the demo data (used for docs/screenshots/scoring_panel.png).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain import bands, scoring
from domain.dates import short_date
from domain.errors import NotFound
from domain.values import AssessmentInfo, Change, CriteriaSetInfo, QuestionInfo
from domain.words import counted

from .. import errors
from ..commands.scoring import MarkNotPursuedCommand, RecordScoreCommand, SetAgreedCommand
from ..models import labels

if TYPE_CHECKING:  # the ops import SQLAlchemy, which the window loads only after painting
    from PySide6.QtGui import QBrush

    from domain.ops.assessments import ScoringState

    from ..hub import Hub

NOT_PURSUED = "not_pursued"  # domain.models.TopicStatus.NOT_PURSUED, without loading the ORM

# A warning in the panel: the "not a scrutiny topic" flag and a missing scorer's name.
_WARNING_COLOURS = ("#8a1020", "#f8d7da")

AGREED_TEXT = "Agreed — this score is printed"
EARLIER_SCORES = "History of scores"


def band_colours(band: str | None, cs: CriteriaSetInfo) -> tuple[str, str]:
    """(text, fill) of ``band`` in the palette every band is drawn in (domain.bands)."""
    swatch = labels.band_swatch(band, cs.band_rules) or bands.UNSCORED.swatch(labels.dark_mode())
    return swatch.text, swatch.fill


def band_for(total: int, cs: CriteriaSetInfo) -> str | None:
    return scoring.band_for(total, cs.band_rules)


def letter_of(q: QuestionInfo) -> str:
    return q.letter or "–"


def score_text(total: int, max_total: int, band: str | None) -> str:
    return f"Total {total} of {max_total} — {band}" if band else f"Total {total} of {max_total}"


def imported_text(info: AssessmentInfo) -> str:
    return f"Score {info.total} (total only, from the printed programme)"


def _ask_reason(parent: QWidget, title: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(
        parent,
        "Mark not pursued",
        f"Why is “{title}” not being pursued?\n(This is kept with the topic.)",
    )
    return text if ok else None


class AnswerChoice(QFrame):
    """The answer to one question: Yes / No, or a value on the question's scale (0-2, 1-5);
    unanswered until the user chooses.

    Keyboard, Yes / No: Y answers Yes, N answers No, Space toggles, Left/Right move between
    Yes and No. On a scale: a digit chooses that value (0 for 10 on a 1-10 scale), Left/Right
    go down/up the scale, Space goes up and round. Delete or Backspace clears. The radio
    buttons never take focus themselves, so Tab moves from question to question instead of
    into a button group.

    Signals:
        answer_changed(object): the answer is now True (Yes), False (No), a scale value or None.
    """

    answer_changed = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None, *, scale: range | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._answer: bool | int | None = None
        self._read_only = False
        self.scale = scale
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QHBoxLayout(self)
        margin = self.fontMetrics().height() // 3
        layout.setContentsMargins(margin, margin, margin, margin)
        choices: list[tuple[str, bool | int]]
        if scale is None:
            self.setToolTip("Y = Yes, N = No, Space toggles, Delete clears")
            choices = [("Yes", True), ("No", False)]
        else:
            self.setToolTip(
                f"Type {scale[0]} to {scale[-1]}, or Left / Right to go down / up; Delete clears"
            )
            choices = [(str(v), v) for v in scale]
            layout.setSpacing(max(2, margin // 2))
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[QRadioButton, bool | int]] = []
        for text, value in choices:
            button = QRadioButton(text, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{text}, {name}")
            self.group.addButton(button)
            layout.addWidget(button)
            button.clicked.connect(lambda _=False, v=value: self._on_button_clicked(v))
            self.buttons.append((button, value))
        if scale is None:
            self.yes, self.no = self.buttons[0][0], self.buttons[1][0]
        self._update_accessible_name()

    def answer(self) -> bool | int | None:
        return self._answer

    def set_answer(self, answer: bool | int | None) -> None:
        if answer == self._answer and type(answer) is type(self._answer):
            return
        self._answer = answer
        # An exclusive group cannot uncheck its last checked button; lift exclusivity briefly.
        self.group.setExclusive(False)
        for button, value in self.buttons:
            button.setChecked(answer is not None and value == answer)
        self.group.setExclusive(True)
        self._update_accessible_name()
        self.answer_changed.emit(answer)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button, _value in self.buttons:
            button.setEnabled(not read_only)

    def _update_accessible_name(self) -> None:
        if self._answer is None:
            state = "not answered"
        elif self.scale is None:
            state = "Yes" if self._answer else "No"
        else:
            state = f"{self._answer} on a scale of {self.scale[0]} to {self.scale[-1]}"
        self.setAccessibleName(f"{self._name}: {state}")

    def _on_button_clicked(self, value: bool | int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_answer(value)

    def _scale_key(self, key: int, text: str) -> bool:
        """A key on a scale question; False when it is not one of its keys."""
        assert self.scale is not None
        values = self.scale
        current = self._answer if isinstance(self._answer, int) else None
        if text.isdigit() and len(text) == 1:
            value = int(text)
            if value == 0 and 0 not in values and 10 in values:
                value = 10
            if value in values:
                self.set_answer(value)
            return True
        if key == Qt.Key.Key_Left:
            self.set_answer(values[0] if current is None else max(values[0], current - 1))
        elif key == Qt.Key.Key_Right:
            self.set_answer(values[0] if current is None else min(values[-1], current + 1))
        elif key == Qt.Key.Key_Space:
            up = values[0] if current is None or current >= values[-1] else current + 1
            self.set_answer(up)
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._read_only or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_answer(None)
        elif self.scale is not None:
            if not self._scale_key(key, event.text()):
                super().keyPressEvent(event)
                return
        elif key == Qt.Key.Key_Y:
            self.set_answer(True)
        elif key == Qt.Key.Key_N:
            self.set_answer(False)
        elif key == Qt.Key.Key_Space:
            self.set_answer(not self._answer if self._answer is not None else True)
        elif key == Qt.Key.Key_Left:
            self.set_answer(True)
        elif key == Qt.Key.Key_Right:
            self.set_answer(False)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)


@dataclass
class QuestionRow:
    question: QuestionInfo
    title: QLabel
    text: QLabel
    answer: AnswerChoice
    evidence: QPlainTextEdit


class ScoringPanel(QWidget):
    """Score the selected topic with its committee's criteria set (PAPER by default).

    Shows each question with Yes / No and an evidence box, the total and priority band as
    they are answered, the scorer's name (kept from topic to topic), every earlier score of the
    topic with the agreed (printed) one marked, and a flag for a topic scored 0.
    Every change goes through an undoable command on the given ``QUndoStack``.

    ``ask_reason(parent, topic_title) -> str | None`` asks why a topic is not pursued
    (None when cancelled); tests replace it.

    Signals:
        scored(int): a score was saved for the topic with this id.
        agreed(int): the agreed score of the topic with this id was set.
        not_pursued(int): the topic with this id was marked not pursued.
    """

    scored = Signal(int)
    agreed = Signal(int)
    not_pursued = Signal(int)

    def __init__(self, hub: Hub, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScoringPanel")
        self.hub = hub
        self.undo_stack = undo_stack
        self.ask_reason: Callable[[QWidget, str], str | None] = _ask_reason
        self.state: ScoringState | None = None
        self.preview: QWidget | None = None  # the scoring papers' print preview, once opened
        self.rows: list[QuestionRow] = []
        self._built_for: int | None = None  # criteria set id the question rows show
        self._drafts: dict[int, list[tuple[bool | int | None, str]]] = {}
        self._build()
        self.hub.changed.connect(self._on_hub_changed)
        self._show_empty()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        em = self.fontMetrics().height()

        self.topic_label = QLabel(self)
        self.topic_label.setWordWrap(True)
        self.topic_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.topic_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.topic_label.setFont(font)
        self.topic_label.setAccessibleName("Topic being scored")
        outer.addWidget(self.topic_label)

        self.printed_label = QLabel(self)
        self.printed_label.setWordWrap(True)
        self.printed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.printed_label.setAccessibleName("Printed score")
        outer.addWidget(self.printed_label)

        self.flag_frame = QFrame(self)
        self.flag_frame.setObjectName("NotAScrutinyTopic")
        fg, bg = _WARNING_COLOURS
        self.flag_frame.setStyleSheet(
            f"QFrame#NotAScrutinyTopic {{ background: {bg}; border: 1px solid {fg};"
            " border-radius: 4px; }"
            f" QFrame#NotAScrutinyTopic QLabel {{ color: {fg}; }}"
        )
        flag_layout = QHBoxLayout(self.flag_frame)
        self.flag_label = QLabel(self.flag_frame)
        self.flag_label.setWordWrap(True)
        self.flag_label.setTextFormat(Qt.TextFormat.PlainText)
        self.flag_label.setAccessibleName("Not a scrutiny topic")
        flag_layout.addWidget(self.flag_label, 1)
        self.not_pursued_button = QPushButton("Mark &not pursued…", self.flag_frame)
        self.not_pursued_button.setAccessibleName("Mark not pursued")
        self.not_pursued_button.setToolTip("Keep the topic, marked not pursued, with a reason")
        self.not_pursued_button.clicked.connect(self._on_not_pursued_clicked)
        flag_layout.addWidget(self.not_pursued_button)
        outer.addWidget(self.flag_frame)

        # The new score and the earlier ones take turns: on a 1280×800 screen the six
        # questions need the whole height, and a split with the history hid the last of them.
        self.sections = QTabWidget(self)
        self.sections.setObjectName("scoringSections")
        self.sections.setDocumentMode(True)
        outer.addWidget(self.sections, 1)
        # Beside the tabs, where it costs the questions no height.
        self.print_button = QPushButton("Print scor&ing papers…", self.sections)
        self.print_button.setAccessibleName("Print scoring papers")
        self.print_button.setToolTip(
            "Preview and print this topic's scoring tool, filled in or blank, or a sheet for "
            "every short-listed topic"
        )
        self.print_button.clicked.connect(self.print_papers)
        self.sections.setCornerWidget(self.print_button, Qt.Corner.TopRightCorner)

        # The new score: scorer, questions, total, save.
        form = QWidget(self.sections)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        scorer_row = QHBoxLayout()
        scorer_label = QLabel("Sco&rer:", form)
        self.scorer_edit = QLineEdit(form)
        self.scorer_edit.setPlaceholderText("e.g. Councillor Murphy")
        self.scorer_edit.setAccessibleName("Scorer's name")
        self.scorer_edit.setAccessibleDescription("The person whose score this is")
        self.scorer_edit.setClearButtonEnabled(True)
        self._people = QStringListModel(self)
        completer = QCompleter(self._people, self.scorer_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.scorer_edit.setCompleter(completer)
        self.scorer_edit.textEdited.connect(self._on_scorer_edit_textEdited)
        scorer_label.setBuddy(self.scorer_edit)
        scorer_row.addWidget(scorer_label)
        scorer_row.addWidget(self.scorer_edit, 1)
        form_layout.addLayout(scorer_row)
        self.scorer_error = QLabel(form)
        self.scorer_error.setTextFormat(Qt.TextFormat.PlainText)
        self.scorer_error.setStyleSheet(f"color: {_WARNING_COLOURS[0]};")
        self.scorer_error.setAccessibleName("Scorer problem")
        self.scorer_error.hide()
        form_layout.addWidget(self.scorer_error)
        from .evidence_hints import EvidenceHints

        self.hints = EvidenceHints(self.hub, self.undo_stack, form)  # evidence and the answers it suggests
        scorer_row.addWidget(self.hints.links_button)
        form_layout.addWidget(self.hints)

        self.questions_area = QScrollArea(form)
        self.questions_area.setWidgetResizable(True)
        self.questions_area.setFrameShape(QFrame.Shape.NoFrame)
        self.questions_area.setMinimumHeight(em * 8)
        self.questions_widget = QWidget()
        self.questions_grid = QGridLayout(self.questions_widget)
        self.questions_grid.setHorizontalSpacing(em)
        self.questions_grid.setVerticalSpacing(em // 2)
        # The question and evidence columns share the width equally, so an evidence box takes
        # a sentence a line; Yes / No keeps its natural size.
        self.questions_grid.setColumnStretch(0, 1)
        self.questions_grid.setColumnStretch(2, 1)
        self.questions_area.setWidget(self.questions_widget)
        form_layout.addWidget(self.questions_area, 1)

        # The total has a line of its own and wraps: beside the topics table the panel is
        # narrow, and a cut-off total would hide the priority. The count goes with the buttons.
        total_row = QHBoxLayout()
        self.total_label = QLabel(form)
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label.setAccessibleName("Total and priority")
        self.total_label.setWordWrap(True)
        bold = self.total_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.total_label.setFont(bold)
        # The whole line: a word-wrapped label squeezed beside a stretch wraps early.
        total_row.addWidget(self.total_label, 1)
        form_layout.addLayout(total_row)
        buttons_row = QHBoxLayout()
        self.answered_label = QLabel(form)
        self.answered_label.setTextFormat(Qt.TextFormat.PlainText)
        self.answered_label.setAccessibleName("Questions answered")
        buttons_row.addWidget(self.answered_label)
        buttons_row.addStretch(1)
        self.clear_button = QPushButton("C&lear answers", form)
        self.clear_button.setAccessibleName("Clear answers")
        self.clear_button.clicked.connect(self.clear_answers)
        buttons_row.addWidget(self.clear_button)
        self.save_button = QPushButton("&Save score", form)
        self.save_button.setAccessibleName("Save score")
        self.save_button.setToolTip("Save this score (Ctrl+Enter); Ctrl+Z undoes it")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons_row.addWidget(self.save_button)
        form_layout.addLayout(buttons_row)
        self.message_label = QLabel(form)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setAccessibleName("Scoring message")
        form_layout.addWidget(self.message_label)

        # Every score of the topic.
        history = QWidget(self.sections)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_label = QLabel("Every score of the topic, newest at the bottom:", history)
        history_layout.addWidget(history_label)
        self.history = QTreeWidget(history)
        self.history.setAccessibleName("History of scores")
        self.history.setRootIsDecorated(False)
        self.history.setUniformRowHeights(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setHeaderLabels(["Scorer", "Date", "Score", "Priority", "Agreed"])
        header = self.history.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setMinimumHeight(em * 4)
        self.history.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.history.currentItemChanged.connect(self._on_history_currentItemChanged)
        history_label.setBuddy(self.history)
        history_layout.addWidget(self.history, 2)

        agree_row = QHBoxLayout()
        self.agreed_label = QLabel(history)
        self.agreed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.agreed_label.setAccessibleName("Agreed status of the selected score")
        agree_row.addWidget(self.agreed_label, 1)
        self.agree_button = QPushButton("Mark as &agreed score", history)
        self.agree_button.setAccessibleName("Mark as agreed score")
        self.agree_button.setToolTip("The committee's agreed score is the one printed")
        self.agree_button.clicked.connect(self._on_agree_clicked)
        agree_row.addWidget(self.agree_button)
        history_layout.addLayout(agree_row)

        self.details = QTextBrowser(history)
        self.details.setAccessibleName("Answers of the selected score")
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(em * 5)
        history_layout.addWidget(self.details, 3)

        self.sections.addTab(form, "New score")
        self.sections.addTab(history, EARLIER_SCORES)
        self.form = form

        # Alt+H opens the history of scores, as the label beside it did when it was in view.
        history_key = QShortcut(QKeySequence("Alt+H"), self)
        history_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        history_key.activated.connect(self.show_scores)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def print_papers(self) -> QWidget | None:
        """Preview the scoring papers of the topic shown (or of every short-listed topic)."""
        from ..workflows.scoring_papers import open_scoring_papers

        state = self.state
        if state is None:
            return None
        self.preview = open_scoring_papers(
            self.window(), self.hub, committee_id=state.topic.committee_id,
            year_start=state.topic.year_start, topic_id=state.topic.id, exempt=state.topic.exempt,
        )  # fmt: skip
        return self.preview

    def show_scores(self) -> None:
        """Show the history of scores, the keyboard in its list."""
        self.sections.setCurrentIndex(1)
        self.history.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_questions(self, cs: CriteriaSetInfo) -> None:
        grid = self.questions_grid
        _clear_layout(grid)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        self.rows = []
        parent = self.questions_widget
        em = self.fontMetrics().height()
        for col, heading in enumerate(("Question", "", "Evidence")):
            label = QLabel(f"<b>{heading}</b>", parent)
            grid.addWidget(label, 0, col)
        for i, q in enumerate(cs.questions):
            n = i + 1
            name = f"Question {n}, {letter_of(q)} {q.title}"
            title = QLabel(f"&{n}.  {html.escape(letter_of(q))}  {html.escape(q.title)}", parent)
            title.setTextFormat(Qt.TextFormat.RichText)
            title_font = title.font()
            title_font.setBold(True)
            title.setFont(title_font)
            text = QLabel(q.question, parent)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            scale = q.rule.values if q.is_scale else None
            answer = AnswerChoice(name, parent, scale=scale)
            keys = (
                f"Type {scale[0]} to {scale[-1]}." if scale is not None else "Press Y for Yes or N for No."
            )
            answer.setAccessibleDescription(" ".join(part for part in (q.question, q.help, keys) if part))
            if q.help:
                for widget in (title, text):
                    widget.setToolTip(q.help)
            title.setBuddy(answer)
            evidence = QPlainTextEdit(parent)
            evidence.setTabChangesFocus(True)
            evidence.setPlaceholderText("Evidence")
            evidence.setAccessibleName(f"Evidence for question {n}, {q.title}")
            evidence.setFixedHeight(em * 3 + 2 * evidence.frameWidth())
            evidence.setMinimumWidth(em * 8)
            cell = QVBoxLayout()
            cell.setSpacing(em // 6)
            cell.addWidget(title)
            cell.addWidget(text)
            cell.addStretch(1)
            row = 1 + i
            grid.addLayout(cell, row, 0)
            grid.addWidget(answer, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(evidence, row, 2, Qt.AlignmentFlag.AlignTop)
            answer.answer_changed.connect(self._update_total)
            self.rows.append(QuestionRow(q, title, text, answer, evidence))
        grid.setRowStretch(len(cs.questions) + 1, 1)
        self._built_for = cs.id
        self._set_tab_order()
        self._update_total()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.print_button, self.not_pursued_button, self.scorer_edit]
        for r in self.rows:
            chain += [r.answer, r.evidence]
        chain += [self.clear_button, self.save_button, self.history, self.agree_button,
                  self.details]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- public interface ---------------------------------------------------------------------

    def set_topic(self, topic_id: int | None) -> None:
        """Show the topic with this id for scoring, or nothing (None)."""
        current = self.state.topic.id if self.state else None
        if topic_id == current:
            self.reload()
            return
        if current is not None:
            self._keep_draft(current)
        self.message_label.clear()
        self.scorer_error.hide()
        if topic_id is None:
            self.state = None
            self._show_empty()
            return
        self._load(topic_id, restore_draft=True)

    def topic_id(self) -> int | None:
        return self.state.topic.id if self.state else None

    def reload(self) -> None:
        """Read the topic again, keeping the answers being entered."""
        if self.state is not None:
            self._load(self.state.topic.id, restore_draft=False)

    def answers(self) -> list[tuple[bool | int | None, str]]:
        return [(r.answer.answer(), r.evidence.toPlainText().strip()) for r in self.rows]

    def clear_answers(self) -> None:
        for r in self.rows:
            r.answer.set_answer(None)
            r.evidence.clear()
        self._update_total()

    def save(self) -> None:
        """Record the answers as the scorer's score (undoable)."""
        state = self.state
        if state is None:
            return
        scorer = " ".join(self.scorer_edit.text().split())
        if not scorer:
            self._show_scorer_error("Enter the name of the person scoring before saving.")
            self.scorer_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        answers = self.answers()
        unanswered = sum(1 for a, _ in answers if a is None)
        if unanswered == len(answers):
            self.message_label.setText("Answer the questions before saving.")
            return
        self.scorer_error.hide()
        command = RecordScoreCommand(
            self.hub,
            topic_id=state.topic.id,
            topic_title=state.topic.title,
            scorer=scorer,
            answers=answers,
            criteria_set_id=state.criteria.id,
        )
        self.undo_stack.push(command)
        if command.failed is not None or command.result is None:
            self.message_label.setText(errors.user_message(command.failed or RuntimeError()))
            return
        info = command.result
        self._drafts.pop(state.topic.id, None)
        self.clear_answers()
        self._select_assessment(info.id)
        note = (
            f" {counted(unanswered, 'unanswered question')} counted as "
            + ("No." if not any(r.question.is_scale for r in self.rows) else "nothing.")
            if unanswered
            else ""
        )
        self.message_label.setText(
            f"Saved {info.scorer}'s score: {score_text(info.total, info.max_total, info.band)}."
            f"{note} Ctrl+Z undoes it."
        )
        self.scored.emit(state.topic.id)

    # --- loading and showing ------------------------------------------------------------------

    def _load(self, topic_id: int, *, restore_draft: bool) -> None:
        from domain.ops.assessments import scoring_state

        try:
            state = self.hub.query(scoring_state, topic_id=topic_id)
        except NotFound:
            self._drafts.pop(topic_id, None)
            self.state = None
            self._show_empty("This topic no longer exists; choose another to score.")
            return
        self.state = state
        if state.criteria.id != self._built_for:
            self._build_questions(state.criteria)
            restore_draft = True
        if restore_draft:
            self._restore_draft(topic_id)
        self._people.setStringList(list(state.people))
        self._set_enabled(True)
        self._show_header()
        self._show_history()
        self.hints.show_for(topic_id, self.rows)

    def _keep_draft(self, topic_id: int) -> None:
        answers = self.answers()
        if any(a is not None or e for a, e in answers):
            self._drafts[topic_id] = answers
        else:
            self._drafts.pop(topic_id, None)

    def _restore_draft(self, topic_id: int) -> None:
        draft = self._drafts.get(topic_id)
        for i, r in enumerate(self.rows):
            answer, evidence = draft[i] if draft and i < len(draft) else (None, "")
            r.answer.set_answer(answer)
            r.evidence.setPlainText(evidence)
        self._update_total()

    def _show_empty(self, text: str = "Choose a topic to score it.") -> None:
        self.hints.show_for(None, ())
        self.topic_label.setText(text)
        self.printed_label.clear()
        self.flag_frame.hide()
        self.history.clear()
        self.sections.setTabText(1, EARLIER_SCORES)
        self.details.clear()
        self.agreed_label.clear()
        for r in self.rows:
            r.answer.set_answer(None)
            r.evidence.clear()
        self._set_enabled(False)
        self._update_total()

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.scorer_edit, self.questions_area, self.save_button, self.clear_button,
                  self.history, self.details, self.print_button):
            w.setEnabled(enabled)
        if not enabled:
            self.agree_button.setEnabled(False)

    def _show_header(self) -> None:
        assert self.state is not None
        state = self.state
        topic = state.topic
        self.topic_label.setText(topic.title)
        printed = next((a for a in state.assessments if a.id == state.printed_id), None)
        if printed is None:
            if state.assessments:
                text = "Printed score: none until one of the scores is agreed."
            else:
                text = "Not scored yet: the printed programme shows no score."
        else:
            what = score_text(printed.total, printed.max_total, printed.band)
            how = "agreed" if printed.agreed else "the only score, not yet agreed"
            if printed.imported:
                how += "; total only, from the printed programme"
            text = f"Printed score: {what} ({how})."
        self.printed_label.setText(text)

        zero = topic.score == 0
        pursued = topic.status != NOT_PURSUED
        if zero and pursued:
            self.flag_label.setText(
                f"{scoring.NOT_A_SCRUTINY_TOPIC}: its printed score is 0 of "
                f"{state.criteria.max_total}. Keep it, marked not pursued, with the reason."
            )
            self.not_pursued_button.show()
            self.flag_frame.show()
        elif not pursued:
            reason = f": {topic.status_reason}" if topic.status_reason else "."
            self.flag_label.setText(f"Not pursued{reason}")
            self.not_pursued_button.hide()
            self.flag_frame.show()
        else:
            self.flag_frame.hide()

    def _show_history(self) -> None:
        assert self.state is not None
        state = self.state
        selected = self._selected_id()
        with QSignalBlocker(self.history):
            self.history.clear()
            for info in state.assessments:
                cs = state.set_of(info)
                item = QTreeWidgetItem(
                    [
                        info.scorer,
                        short_date(info.scored_on),
                        f"{info.total} of {info.max_total}",
                        info.band or "",
                        "Agreed" if info.agreed else (
                            "Printed" if info.id == state.printed_id else ""
                        ),
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, info.id)
                fg, bg = band_colours(info.band, cs)
                item.setForeground(3, _brush(fg))
                item.setBackground(3, _brush(bg))
                if info.agreed:
                    font = item.font(4)
                    font.setBold(True)
                    item.setFont(4, font)
                if info.imported:
                    item.setToolTip(2, imported_text(info))
                self.history.addTopLevelItem(item)
        count = len(state.assessments)
        self.sections.setTabText(1, f"{EARLIER_SCORES} ({count})" if count else EARLIER_SCORES)
        if state.assessments:
            wanted = selected if selected is not None else state.printed_id
            if wanted is None or not any(a.id == wanted for a in state.assessments):
                wanted = state.assessments[-1].id
            self._select_assessment(wanted)
        else:
            self.details.setPlainText("No one has scored this topic yet.")
            self.agreed_label.clear()
            self.agree_button.setEnabled(False)

    def _selected_id(self) -> int | None:
        item = self.history.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _select_assessment(self, assessment_id: int) -> None:
        for i in range(self.history.topLevelItemCount()):
            item = self.history.topLevelItem(i)
            assert item is not None  # i is below topLevelItemCount()
            if item.data(0, Qt.ItemDataRole.UserRole) == assessment_id:
                with QSignalBlocker(self.history):
                    self.history.setCurrentItem(item)
                self.history.scrollToItem(item)
                break
        self._show_details()

    def _selected(self) -> AssessmentInfo | None:
        wanted = self._selected_id()
        if self.state is None or wanted is None:
            return None
        return next((a for a in self.state.assessments if a.id == wanted), None)

    def _show_details(self) -> None:
        info = self._selected()
        state = self.state
        if info is None or state is None:
            self.details.clear()
            self.agreed_label.clear()
            self.agree_button.setEnabled(False)
            return
        if info.agreed:
            self.agreed_label.setText(AGREED_TEXT)
        elif info.id == state.printed_id:
            self.agreed_label.setText("Printed as the only score; not yet agreed")
        else:
            self.agreed_label.setText("Not the agreed score")
        font = self.agreed_label.font()
        font.setBold(info.agreed)
        self.agreed_label.setFont(font)
        self.agree_button.setEnabled(not info.agreed)
        self.details.setHtml(self._details_html(info, state.set_of(info)))

    def _details_html(self, info: AssessmentInfo, cs: CriteriaSetInfo) -> str:
        e = html.escape
        fg, bg = band_colours(info.band, cs)
        head = f"<p><b>{e(info.scorer)}</b>, {e(short_date(info.scored_on))}"
        if info.agreed:
            head += f" — <b>{e(AGREED_TEXT)}</b>"
        head += "</p>"
        if info.imported:
            body = (
                f"<p>{e(imported_text(info))}. "
                f"<span style='color:{fg}; background:{bg}'>&nbsp;{e(info.band or '')}&nbsp;</span>"
                "</p><p>The answers to the questions were not recorded.</p>"
            )
            return head + body
        total = (
            f"<p>{e(score_text(info.total, info.max_total, None))} — "
            f"<span style='color:{fg}; background:{bg}'>&nbsp;<b>{e(info.band or '')}</b>&nbsp;"
            "</span></p>"
        )
        rows = []
        for q, ans in zip(cs.questions, info.answers, strict=False):
            word = scoring.answer_word(ans.answer, q.rule) or "—"
            if q.is_scale and ans.answer is not None:
                word += f" of {q.scale_max}"
            rows.append(
                f"<tr><td><b>{e(letter_of(q))}</b>&nbsp;&nbsp;{e(q.title)}</td>"
                f"<td><b>{word}</b></td><td>{e(ans.evidence)}</td></tr>"
            )
        table = (
            "<table cellspacing='0' cellpadding='3' border='0' width='100%'>"
            "<tr style='background: #e8e8e8'><th align='left' width='35%'>Question</th>"
            "<th align='left' style='white-space: nowrap'>Answer</th>"
            "<th align='left' width='50%'>Evidence</th>"
            "</tr>" + "".join(rows) + "</table>"
        )
        return head + total + table

    def _update_total(self, _answer: object = None) -> None:
        state = self.state
        if state is None or not self.rows:
            self.total_label.setText("")
            self.answered_label.setText("")
            self.total_label.setStyleSheet("")
            return
        cs = state.criteria
        values = [r.answer.answer() for r in self.rows]
        answered = sum(1 for v in values if v is not None)
        self.answered_label.setText(f"{answered} of {len(values)} questions answered")
        if answered == 0:
            self.total_label.setText(f"Total – of {cs.max_total}: not answered yet")
            self.total_label.setStyleSheet("")
            return
        total = scoring.total(values, [q.weight for q in cs.questions])
        band = band_for(total, cs)
        fg, bg = band_colours(band, cs)
        self.total_label.setText(score_text(total, cs.max_total, band))
        pad = max(2, self.fontMetrics().height() // 4)
        self.total_label.setStyleSheet(
            f"color: {fg}; background: {bg}; border-radius: 3px; padding: 2px {pad}px;"
        )

    def _show_scorer_error(self, text: str) -> None:
        self.scorer_error.setText(text)
        self.scorer_error.show()

    # --- slots --------------------------------------------------------------------------------

    def _on_hub_changed(self, change: Change) -> None:
        if self.state is not None and (change.scores or change.topics):
            self.reload()

    def _on_scorer_edit_textEdited(self, _text: str) -> None:  # noqa: N802 - Qt naming
        self.scorer_error.hide()

    def _on_history_currentItemChanged(self, *_items: object) -> None:  # noqa: N802
        self._show_details()

    def _on_agree_clicked(self) -> None:
        info = self._selected()
        if info is None or self.state is None or info.agreed:
            return
        command = SetAgreedCommand(
            self.hub,
            topic_id=self.state.topic.id,
            topic_title=self.state.topic.title,
            assessment_id=info.id,
        )
        self.undo_stack.push(command)
        if command.failed is None:
            self.message_label.setText(
                f"{info.scorer}'s score is now the agreed score; it is the one printed."
            )
            self.agreed.emit(info.topic_id)

    def _on_not_pursued_clicked(self) -> None:
        if self.state is None:
            return
        topic = self.state.topic
        reason = self.ask_reason(self, topic.title)
        if reason is None:
            return
        if not reason.strip():
            self.message_label.setText("Not marked: say why the topic is not being pursued.")
            return
        command = MarkNotPursuedCommand(
            self.hub, topic_id=topic.id, topic_title=topic.title, reason=reason
        )
        self.undo_stack.push(command)
        if command.failed is None:
            self.message_label.setText(f"“{topic.title}” is marked not pursued.")
            self.not_pursued.emit(topic.id)


def _clear_layout(layout: QLayout) -> None:
    """Remove every widget of ``layout``, those in its nested layouts too (a question's title
    and text sit in a layout of their own), so a new set's questions never show over them."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear_layout(inner)
            inner.deleteLater()


def _brush(colour: str) -> QBrush:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))

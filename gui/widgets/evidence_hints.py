"""The scoring panel's evidence strip: the evidence linked to the topic and the answers it
suggests, each accepted with one key or left alone.

"Performance: Yes suggested — P14 is Red for Q2 2015/16". Accepting (the line's button, or A
on the question's Yes / No) answers Yes and adds the suggestion's evidence text to the answer's
evidence box; nothing is answered otherwise. Which question a suggestion is for is decided by
``domain.ops.evidence.question_role`` from the question's title, so a scoring set without a
"Performance" or "Executive decision" question shows no suggestion for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import errors

if TYPE_CHECKING:
    from domain.ops.evidence import AnswerSuggestion, EvidenceInfo

    from ..dialogs.evidence_links import EvidenceLinksDialog
    from ..hub import Hub


class _Question(Protocol):
    @property
    def title(self) -> str: ...


class _Row(Protocol):
    """A question row of the scoring panel, as far as the strip uses it."""

    @property
    def question(self) -> _Question: ...
    @property
    def answer(self) -> QWidget: ...
    @property
    def evidence(self) -> QWidget: ...


ACCEPT_KEY = Qt.Key.Key_A


class EvidenceHints(QFrame):
    """Linked evidence and suggested answers for the topic being scored.

    **Linked evidence…** (Alt+K) opens the dialog that edits the topic's links; the change is
    one step on ``undo_stack``.

    Signals:
        accepted(int): the suggestion for the question row with this index was accepted.
    """

    accepted = Signal(int)

    def __init__(self, hub: Hub, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EvidenceHints")
        self.hub = hub
        self.undo_stack = undo_stack
        self.open_dialog: EvidenceLinksDialog | None = None  # while Linked evidence is open
        self.topic_id: int | None = None
        self.rows: Sequence[_Row] = ()
        self.by_row: dict[int, AnswerSuggestion] = {}
        self.lines: list[tuple[QLabel, QPushButton]] = []
        self.setStyleSheet(
            "QFrame#EvidenceHints { border: 1px solid palette(mid); border-radius: 4px; }"
        )
        outer = QVBoxLayout(self)
        em = self.fontMetrics().height()
        outer.setContentsMargins(em // 3, em // 6, em // 3, em // 6)
        # The button sits beside the scorer's name (the panel places it): on a 720-pixel-high
        # screen a line of its own would push the last question out of view.
        self.links_button = QPushButton(self)
        self.links_button.setAccessibleName("Linked evidence")
        self.links_button.clicked.connect(self._on_links_clicked)
        self._show_count(None)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        self.hide()  # shown while there is a suggestion

    # --- showing -------------------------------------------------------------------------------

    def show_for(self, topic_id: int | None, rows: Sequence[_Row]) -> None:
        """Show the evidence of the topic whose questions are ``rows``."""
        for r in self.rows:
            r.answer.removeEventFilter(self)
        self.topic_id, self.rows = topic_id, tuple(rows)
        self.by_row = {}
        for label, button in self.lines:
            for w in (label, button):
                # Out of the layout at once: a deleteLater alone leaves it drawn until the
                # event loop next runs, under the new topic's lines.
                self.grid.removeWidget(w)
                w.hide()
                w.deleteLater()
        self.lines = []
        if topic_id is None:
            self._show_count(None)
            self.hide()
            return
        from domain.ops.evidence import question_role, suggestions_from, topic_evidence_linked

        # Only the linked evidence is read here, on every change of topic; the suggested links,
        # which weigh every piece of evidence, wait for the dialog.
        linked = self.hub.query(topic_evidence_linked, topic_ids=[topic_id]).get(topic_id, ())
        self._show_count(linked)
        roles = {s.role: s for s in suggestions_from(linked)}
        for index, r in enumerate(self.rows):
            role = question_role(r.question.title)
            suggestion = roles.pop(role, None) if role is not None else None
            if suggestion is None:
                continue
            self.by_row[index] = suggestion
            label = QLabel(suggestion.text(r.question.title), self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAccessibleName(f"Suggested answer for question {index + 1}")
            button = QPushButton("Accept", self)
            button.setAccessibleName(f"Accept the suggested answer to question {index + 1}, {r.question.title}")
            button.setToolTip("Answer Yes with this evidence (or press A on the question)")
            button.clicked.connect(lambda _=False, i=index: self.accept(i))
            line = len(self.lines)
            self.grid.addWidget(label, line, 0)
            self.grid.addWidget(button, line, 1, Qt.AlignmentFlag.AlignTop)
            self.lines.append((label, button))
            r.answer.installEventFilter(self)
            if "A accepts" not in r.answer.toolTip():
                r.answer.setToolTip(r.answer.toolTip() + "; A accepts the suggested answer")

        self.setVisible(bool(self.lines))

    def _show_count(self, linked: Sequence[EvidenceInfo] | None) -> None:
        """"Linked evidence (2)…", its tooltip naming what is linked."""
        if linked is None:
            self.links_button.setText("Lin&ked evidence…")
            self.links_button.setEnabled(False)
            self.links_button.setToolTip("")
            return
        self.links_button.setEnabled(True)
        count = f" ({len(linked)})" if linked else ""
        self.links_button.setText(f"Lin&ked evidence{count}…")
        summary = _summary(linked)
        self.links_button.setToolTip(f"{summary} Link the council's indicators, key actions, forward-plan decisions and risks to this topic (Alt+K).")
        self.links_button.setAccessibleDescription(summary)

    def suggestion_texts(self) -> list[str]:
        return [label.text() for label, _button in self.lines]

    def accept(self, index: int) -> None:
        """Answer the question as suggested and add the evidence text to its evidence box."""
        suggestion = self.by_row.get(index)
        if suggestion is None or index >= len(self.rows):
            return
        row = self.rows[index]
        evidence = row.evidence
        text = evidence.toPlainText().strip()  # type: ignore[attr-defined]
        if suggestion.evidence not in text:
            evidence.setPlainText(f"{text}\n{suggestion.evidence}".strip())  # type: ignore[attr-defined]
        answer: bool | int = suggestion.answer
        scale = getattr(row.answer, "scale", None)
        if scale is not None and answer is True:
            answer = scale[-1]  # on a graded question the suggested Yes is the top of its scale
        row.answer.set_answer(answer)  # type: ignore[attr-defined]
        self.accepted.emit(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == ACCEPT_KEY
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            for index, r in enumerate(self.rows):
                if r.answer is watched and index in self.by_row:
                    self.accept(index)
                    return True
        return super().eventFilter(watched, event)

    def _on_links_clicked(self) -> None:
        if self.topic_id is not None:
            self.edit_links(self.topic_id)

    def edit_links(self, topic_id: int) -> None:
        """Choose the evidence linked to the topic; OK makes it one undoable step."""
        from domain.ops.evidence import list_evidence, topic_evidence

        from ..commands.evidence import SetTopicEvidenceCommand
        from ..dialogs.evidence_links import EvidenceLinksDialog

        try:
            found = self.hub.query(topic_evidence, topic_id=topic_id)
            everything = self.hub.query(list_evidence)
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            errors.report(exc, self, "Linked evidence")
            return
        dialog = EvidenceLinksDialog(
            topic_title=found.topic_title, linked=found.linked, suggested=found.suggested,
            everything=everything, parent=self.window(),
        )
        before = [e.id for e in found.linked]

        def accepted() -> None:
            after = dialog.chosen()
            if sorted(after) != sorted(before):
                self.undo_stack.push(SetTopicEvidenceCommand(
                    self.hub, topic_id=topic_id, topic_title=found.topic_title, before=before, after=after,
                ))

        from .master_detail import open_tracked

        open_tracked(self, dialog, accepted)


def _summary(linked: Sequence[EvidenceInfo]) -> str:
    if not linked:
        return "No evidence linked."
    names = ", ".join(e.reference or e.public_name for e in linked[:6])
    if len(linked) > 6:
        names += f" and {len(linked) - 6} more"
    return f"Evidence: {names}."

"""The Reviews page: a committee's select committee reviews (task and finish groups).

The table lists every review of the committee, all years, with its status, lead officer and
dates. Below it, the selected review: its status (changed in place, by the rules the
operations keep: a reported review needs the date it reported, and cannot go back to
proposed), scope and members, its meetings, and its recommendations with the executive's
response and the follow-up, which can be put on the work programme in one step.

Signals:
    open_topic_requested(int): the user asked to see a follow-up topic on the Topics page.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from domain.words import counted

from .. import errors
from ..dialogs.fields import FieldMessage
from ..models import labels
from ..models.reviews import (
    RecommendationTableModel,
    ReviewMeetingTableModel,
    ReviewTableModel,
)
from .master_detail import MasterDetailPage, saving_new
from .master_detail import page_button as _button
from .tables import ColumnShares, make_table

if TYPE_CHECKING:
    from domain.decision_values import RecommendationInfo, ReviewInfo, ReviewMeetingInfo


class ReviewsView(MasterDetailPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ReviewsView", parent)
        self._current: ReviewInfo | None = None

        self.new_button = _button("&New review…", "newReview", "Start a select committee review", self)
        self.edit_button = _button("&Edit review…", "editReview", "Title, scope, members, officer, status and dates", self)
        self.delete_button = _button("De&lete review", "deleteReview", "Delete the review (Ctrl+Z brings it back)", self)
        self.print_button = _button(
            "&Print recommendations…", "printRecommendations",
            "Preview, print or save the review's recommendations and the executive's responses", self,
        )  # fmt: skip
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of reviews")
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        for b in (self.new_button, self.edit_button, self.delete_button, self.print_button):
            bar.addWidget(b)

        self.model = ReviewTableModel(self)
        self.table = make_table("reviewsTable", "Select committee reviews", self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, self.model.sort_order())
        em = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((60, 12, 22, 12, 12, 16)):
            self.table.setColumnWidth(column, em * chars + 16)
        self._lay_out(bar, notice_name="reviewNotice", splitter_name="reviewsSplitter", stretch=(1, 3), sizes=[170, 500])

        self.table.doubleClicked.connect(lambda _i: self.edit_review())
        self.new_button.clicked.connect(self.new_review)
        self.edit_button.clicked.connect(self.edit_review)
        self.delete_button.clicked.connect(self.delete_review)
        self.print_button.clicked.connect(self.print_recommendations)
        self._show_detail(None)

    def _build_detail(self) -> QWidget:
        detail = QWidget(self)
        self.heading = QLabel(detail)
        self.heading.setObjectName("reviewHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.status_combo = QComboBox(detail)
        self.status_combo.setObjectName("reviewStatus")
        self.status_combo.setAccessibleName("Review status")
        # Its choices are filled in later: sized for them then, not for the first one shown.
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        status_label = QLabel("St&atus:", detail)
        status_label.setBuddy(self.status_combo)
        self.facts = QLabel(detail)
        self.facts.setObjectName("reviewFacts")
        self.facts.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(status_label)
        status_row.addWidget(self.status_combo)
        status_row.addSpacing(12)
        status_row.addWidget(self.facts, 1)
        self.status_message = FieldMessage("status", detail)
        self.scope_text = QPlainTextEdit(detail)
        self.scope_text.setObjectName("reviewScope")
        self.scope_text.setReadOnly(True)
        self.scope_text.setAccessibleName("Scope")
        self.scope_text.setTabChangesFocus(True)
        self.members_label = QLabel(detail)
        self.members_label.setObjectName("reviewMembers")
        self.members_label.setWordWrap(True)

        self.meeting_model = ReviewMeetingTableModel(self)
        self.meeting_table = make_table("reviewMeetingsTable", "Review meetings", detail)
        self.meeting_table.setModel(self.meeting_model)
        self.meeting_columns = ColumnShares(
            self.meeting_table, ((0, "Wed 25 Sept 2019, 10 am"), (2, "Warspite Room"), (1, "Notes"))
        )
        self.add_meeting_button = _button("&Add meeting…", "addReviewMeeting", "Add a meeting of the review group", detail)
        self.move_meeting_button = _button("&Move…", "moveReviewMeeting", "Move the selected review meeting", detail)
        self.delete_meeting_button = _button("Delete meeting", "deleteReviewMeeting", "Delete the selected review meeting", detail)
        meetings_box = QGroupBox("Review meetings", detail)
        mb = QVBoxLayout(meetings_box)
        mb.addWidget(self.meeting_table, 1)
        mrow = QHBoxLayout()
        for b in (self.add_meeting_button, self.move_meeting_button, self.delete_meeting_button):
            mrow.addWidget(b)
        mrow.addStretch(1)
        mb.addLayout(mrow)

        left = QWidget(detail)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.heading)
        ll.addLayout(status_row)
        ll.addWidget(self.status_message)
        scope_label = QLabel("&Scope:", left)
        scope_label.setBuddy(self.scope_text)
        ll.addWidget(scope_label)
        ll.addWidget(self.scope_text, 1)
        ll.addWidget(self.members_label)
        ll.addWidget(meetings_box, 1)

        self.rec_model = RecommendationTableModel(self)
        self.rec_table = make_table("recommendationsTable", "Recommendations and responses", detail)
        self.rec_table.setModel(self.rec_model)
        self.rec_columns = ColumnShares(
            self.rec_table,
            ((0, "10"), (4, "Write to the Secretary"), (0, "Pending"), (0, "11 Feb 2020"),
             (3, "The Cabinet Member"), (0, "1 Sept 2020")),
        )
        # A handful of rows: whole texts, wrapped, rather than one clipped line each.
        self.rec_table.setWordWrap(True)
        self.rec_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_rec_button = _button("Add re&commendation…", "addRecommendation", "Add a recommendation of the review", detail)
        self.edit_rec_button = _button("Edit / record &response…", "editRecommendation", "Edit the recommendation or record the executive's response", detail)
        self.delete_rec_button = _button("Delete", "deleteRecommendation", "Delete the selected recommendation", detail)
        self.follow_up_button = _button(
            "Add follow-up to &work programme…", "addFollowUp",
            "Put the follow-up of the selected recommendation on the work programme", detail,
        )  # fmt: skip
        self.follow_up_label = QLabel(detail)
        self.follow_up_label.setObjectName("followUpTopic")
        self.follow_up_label.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.follow_up_label.setAccessibleName("Follow-up on the work programme")
        self.follow_up_label.linkActivated.connect(self._on_topic_link_activated)
        recs_box = QGroupBox("Recommendations and the executive\u2019s responses", detail)
        rb = QVBoxLayout(recs_box)
        rb.addWidget(self.rec_table, 1)
        rrow = QHBoxLayout()
        for b in (self.add_rec_button, self.edit_rec_button, self.delete_rec_button):
            rrow.addWidget(b)
        rrow.addStretch(1)
        rb.addLayout(rrow)
        # The follow-up on a row of its own, with where it went: four buttons in one row made
        # the page at least 1021 pixels wide.
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_button)
        follow_row.addWidget(self.follow_up_label, 1)
        follow_row.addStretch()  # keeps the button its own size while no follow-up is shown
        rb.addLayout(follow_row)

        self._detail_row(
            detail, [(left, 2), (recs_box, 3)], "Select a review to see its scope, meetings and recommendations."
        )

        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.add_meeting_button.clicked.connect(self.add_meeting)
        self.move_meeting_button.clicked.connect(self.move_meeting)
        self.delete_meeting_button.clicked.connect(self.delete_meeting)
        self.meeting_table.doubleClicked.connect(lambda _i: self.move_meeting())
        self.add_rec_button.clicked.connect(self.add_recommendation)
        self.edit_rec_button.clicked.connect(self.edit_recommendation)
        self.delete_rec_button.clicked.connect(self.delete_recommendation)
        self.follow_up_button.clicked.connect(self.add_follow_up)
        self.rec_table.doubleClicked.connect(lambda _i: self.edit_recommendation())
        self.rec_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.meeting_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        return detail

    # --- data -------------------------------------------------------------------------------

    def load(self, *, committee_id: int, year_start: int) -> None:
        self.committee_id, self.year_start = committee_id, year_start
        self.reload()

    def reload(self) -> None:
        if self.hub is None or self.committee_id is None:
            return
        from domain.ops import reviews

        try:
            rows = self.hub.query(reviews.list_reviews, committee_id=self.committee_id)
        except Exception as exc:
            errors.report(exc, self)
            return
        keep = self._current.id if self._current else None
        rec = self.current_recommendation()
        self.model.set_rows(rows)
        n = len(rows)
        self.count_label.setText(
            f"{counted(n, 'select committee review')} (all years)" if n
            else "No select committee reviews yet: use New review."
        )
        if keep is None or not self.select_review(keep):
            if rows:  # the first review, so the page never opens on an empty detail pane
                self.select_review(self.model.row_value(0).id)
            else:
                self._set_current(None)
        elif rec is not None:
            self.select_recommendation(rec.id)

    def current_review(self) -> ReviewInfo | None:
        return self._current

    def select_review(self, review_id: int) -> bool:
        row = self.model.row_of_review(review_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self._set_current(self.model.row_value(row))
        return True

    def current_recommendation(self) -> RecommendationInfo | None:
        rows = self.rec_table.selectionModel().selectedRows()
        return self.rec_model.row_value(rows[0].row()) if rows else None

    def select_recommendation(self, recommendation_id: int) -> bool:
        row = self.rec_model.row_of(lambda x: x.id == recommendation_id)
        if row >= 0:
            self.rec_table.selectRow(row)
        self._update_buttons()
        return row >= 0

    def current_meeting(self) -> ReviewMeetingInfo | None:
        rows = self.meeting_table.selectionModel().selectedRows()
        return self.meeting_model.row_value(rows[0].row()) if rows else None

    def _show_detail(self, r: ReviewInfo | None) -> None:
        from domain.ops.reviews import allowed_statuses

        self._show_detail_parts(r is not None)
        self.status_message.clear_message()
        if r is None:
            self.meeting_model.set_rows([])
            self.rec_model.set_rows([])
            self._update_buttons()
            return
        self.heading.setText(f"<b>{escape(r.title)}</b>")
        self._filling = True
        try:
            self.status_combo.clear()
            for status in allowed_statuses(r.status):
                self.status_combo.addItem(status.label, status)
            self.status_combo.setCurrentIndex(self.status_combo.findData(r.status))
        finally:
            self._filling = False
        facts = [f"Lead officer: {r.lead_officer or 'not recorded'}"]
        facts.append(f"Added: {labels.date_text(r.added_on) or 'not recorded'}")
        facts.append(f"Reported: {labels.date_text(r.reported_on) or 'not yet'}")
        self.facts.setText("   ·   ".join(facts))
        self.scope_text.setPlainText(r.scope or "No scope recorded yet: use Edit review.")
        self.members_label.setText(
            "Members: " + (", ".join(r.members) if r.members else "none recorded yet")
        )
        self.meeting_model.set_rows(r.meetings)
        self.rec_model.set_rows(r.recommendations)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.hub is not None and self.committee_id is not None
        r = self._current
        self.new_button.setEnabled(ready)
        for b in (self.edit_button, self.delete_button, self.add_meeting_button, self.add_rec_button, self.print_button):
            b.setEnabled(ready and r is not None)
        m = self.current_meeting() if r else None
        self.move_meeting_button.setEnabled(m is not None)
        self.delete_meeting_button.setEnabled(m is not None)
        x = self.current_recommendation() if r else None
        for b in (self.edit_rec_button, self.delete_rec_button):
            b.setEnabled(x is not None)
        self.follow_up_button.setEnabled(x is not None and x.follow_up_topic_id is None)
        if x is not None and x.follow_up_topic_id is not None:
            self.follow_up_label.setText(
                f"Recommendation {x.number}\u2019s follow-up is on the work programme. "
                f'<a href="topic:{x.follow_up_topic_id}">Open topic</a>'
            )
            self.follow_up_label.show()
        else:
            self.follow_up_label.hide()

    # --- commands ---------------------------------------------------------------------------

    def _on_status_combo_changed(self, _index: int) -> None:
        r = self._current
        data = self.status_combo.currentData()
        if self._filling or r is None or data is None:
            return
        from domain.decision_values import ReviewStatus

        status = ReviewStatus(data)  # the combo gives the code back as plain text
        if status is r.status:
            return
        from domain.errors import Invalid

        from ..commands.reviews import EditReviewCommand

        assert self.hub is not None
        failed = self.push(EditReviewCommand(self.hub, before=r, fields={"status": status}, inline=True))
        if failed is not None:
            self._filling = True
            try:
                self.status_combo.setCurrentIndex(self.status_combo.findData(r.status))
            finally:
                self._filling = False
            if isinstance(failed, Invalid):
                hint = " Use Edit review to give the date." if failed.field == "reported_on" else ""
                self.status_message.show_error(f"{failed}{hint}")

    def new_review(self) -> None:
        if self.hub is None or self.committee_id is None:
            return
        from ..commands.reviews import CreateReviewCommand
        from ..dialogs.review_editor import ReviewEditor

        hub, cid = self.hub, self.committee_id
        save, created = saving_new(
            self.push, lambda fields: CreateReviewCommand(hub, committee_id=cid, fields=fields, inline=True)
        )
        dialog = ReviewEditor(info=None, on_save=save, today=self._today(), parent=self)
        dialog.accepted.connect(lambda: created and self.select_review(created[0]))
        self._show_dialog(dialog)

    def edit_review(self) -> None:
        r = self._current
        if self.hub is None or r is None:
            return
        from ..commands.reviews import EditReviewCommand
        from ..dialogs.review_editor import ReviewEditor

        hub = self.hub
        dialog: ReviewEditor

        def save(_fields: dict[str, Any]) -> BaseException | None:
            changed = dialog.changed_values()
            if not changed:
                return None
            return self.push(EditReviewCommand(hub, before=r, fields=changed, inline=True))

        dialog = ReviewEditor(info=r, on_save=save, parent=self)
        self._show_dialog(dialog)

    def delete_review(self) -> None:
        r = self._current
        if self.hub is None or r is None:
            return
        from ..commands.reviews import DeleteReviewCommand

        if self.push(DeleteReviewCommand(self.hub, info=r)) is None:
            self._say(f"Deleted the review \u201c{r.title}\u201d. Undo (Ctrl+Z) brings it back.")

    def print_recommendations(self) -> QDialog | None:
        """Open the print preview on the selected review's recommendations and the executive's
        responses, from which it can be printed or saved as PDF."""
        r = self._current
        if self.hub is None or r is None or self.committee_id is None or self.year_start is None:
            return None
        from ..printing import REVIEW_KINDS, PrintRequest, make_pdf

        hub, cid, year, review_id = self.hub, r.committee_id, self.year_start, r.id

        def produce(kind: str, include_exempt: bool) -> Any:
            return make_pdf(hub, PrintRequest(kind, cid, year, include_exempt, review_id=review_id))

        return self._open_preview(produce, kinds=REVIEW_KINDS)

    def add_meeting(self) -> None:
        r = self._current
        if self.hub is None or r is None:
            return
        from ..commands.reviews import AddReviewMeetingCommand
        from ..dialogs.review_editor import ReviewMeetingDialog

        hub = self.hub

        def save(values: dict[str, Any]) -> BaseException | None:
            return self.push(AddReviewMeetingCommand(hub, review=r, inline=True, **values))

        last = r.meetings[-1].starts_at.date() + dt.timedelta(days=14) if r.meetings else self._today()
        self._show_dialog(ReviewMeetingDialog(info=None, day=last, on_save=save, parent=self))

    def move_meeting(self) -> None:
        m = self.current_meeting()
        if self.hub is None or m is None:
            return
        from ..commands.reviews import MoveReviewMeetingCommand
        from ..dialogs.review_editor import ReviewMeetingDialog

        hub = self.hub

        def save(values: dict[str, Any]) -> BaseException | None:
            if values["starts_at"] == m.starts_at and values["venue"] == m.venue and values["notes"] == m.notes:
                return None
            return self.push(MoveReviewMeetingCommand(hub, before=m, inline=True, **values))

        self._show_dialog(ReviewMeetingDialog(info=m, day=m.starts_at.date(), on_save=save, parent=self))

    def delete_meeting(self) -> None:
        m = self.current_meeting()
        if self.hub is None or m is None:
            return
        from ..commands.reviews import DeleteReviewMeetingCommand

        self.push(DeleteReviewMeetingCommand(self.hub, info=m))

    def add_recommendation(self) -> None:
        r = self._current
        if self.hub is None or r is None:
            return
        from ..commands.reviews import AddRecommendationCommand
        from ..dialogs.review_editor import RecommendationEditor

        hub = self.hub
        next_number = max((x.number for x in r.recommendations), default=0) + 1

        def save(values: dict[str, Any]) -> BaseException | None:
            return self.push(AddRecommendationCommand(hub, review=r, fields=values, inline=True))

        self._show_dialog(RecommendationEditor(info=None, next_number=next_number, on_save=save, parent=self))

    def edit_recommendation(self) -> None:
        x = self.current_recommendation()
        if self.hub is None or x is None:
            return
        from ..commands.reviews import EditRecommendationCommand
        from ..dialogs.review_editor import RecommendationEditor

        hub = self.hub
        dialog: RecommendationEditor

        def save(_values: dict[str, Any]) -> BaseException | None:
            changed = dialog.changed_values()
            if not changed:
                return None
            return self.push(EditRecommendationCommand(hub, before=x, fields=changed, inline=True))

        dialog = RecommendationEditor(info=x, next_number=x.number, on_save=save, parent=self)
        self._show_dialog(dialog)

    def delete_recommendation(self) -> None:
        x = self.current_recommendation()
        if self.hub is None or x is None:
            return
        from ..commands.reviews import DeleteRecommendationCommand

        self.push(DeleteRecommendationCommand(self.hub, info=x))

    def add_follow_up(self) -> None:
        r, x = self._current, self.current_recommendation()
        if self.hub is None or r is None or x is None or self.committee_id is None:
            return
        from domain.errors import Invalid
        from domain.ops import planning
        from domain.ops.reviews import follow_up_reason

        from ..commands.reviews import AddFollowUpCommand
        from ..dialogs.booking import confirm_booking
        from ..dialogs.decision_editor import PlacementDialog

        hub, today = self.hub, self._today()
        from_date = x.response_on or r.reported_on or today
        from_what = (
            "the executive\u2019s response" if x.response_on
            else "the review\u2019s report" if r.reported_on else "today"
        )  # fmt: skip
        unscheduled = (
            f"The first meeting on or after the follow-up date, {labels.date_text(x.follow_up_on)}"
            if x.follow_up_on else "To be scheduled (in \u201cItems to be scheduled\u201d)"
        )  # fmt: skip

        def save(values: dict[str, Any]) -> BaseException | None:
            if values.get("meeting_id") is not None and not confirm_booking(
                hub, dialog, meeting_id=values["meeting_id"], today=today
            ):
                return Invalid("Not booked: choose another meeting, or a number of months.", "meeting_id")
            command = AddFollowUpCommand(hub, recommendation=x, today=today, inline=True, **values)
            failed = self.push(command)
            if failed is None and command.addition is not None:
                self._say(command.addition.message)
            return failed

        reason = follow_up_reason(r.title, x)
        dialog = PlacementDialog(
            heading=(
                f"Put the follow-up of recommendation {x.number} of <b>{escape(r.title)}</b> "
                "on the work programme."
            ),
            title=f"{r.title} \u2013 follow-up of recommendation {x.number}",
            reason=reason,
            meetings=hub.query(planning.list_meetings, committee_id=self.committee_id),
            from_date=from_date,
            from_what=from_what,
            months=None,
            unscheduled_text=unscheduled,
            on_save=save,
            parent=self,
        )
        if x.follow_up_on is not None or not dialog.meetings:
            dialog.later_radio.setChecked(True)
        self._show_dialog(dialog)


"""Undoable edits of tracking decisions and select committee reviews.

One ``QUndoCommand`` class per kind of edit (see ``gui.commands``). Each runs a
``domain.ops.decisions`` or ``domain.ops.reviews`` operation through the hub; the operation
returns the row as it was (``before``) or whole (a delete), so undo puts exactly that back and
redo re-creates rows with the same ids, so later commands that name them still find them.

A command pushed from a dialog is ``inline``: when its first run breaks a rule that names a
field, it is not shown in a message box, because the dialog shows it next to that field.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from domain.values import Change

from . import errors
from .commands import HubCommand, _first_time_version, _short

if TYPE_CHECKING:
    from domain.decision_values import (
        DecisionInfo,
        ProgrammeAddition,
        ProgressNoteInfo,
        RecommendationInfo,
        ReviewInfo,
        ReviewMeetingInfo,
    )

    from .hub import Hub

DECISIONS = Change(decisions=True)
# Adding to the programme makes a topic and books it: every page showing those reloads.
PROGRAMME = Change(decisions=True, reviews=True, topics=True, programme=True, meetings=True)
REVIEWS = Change(reviews=True)


class OpCommand(HubCommand):
    """A hub command that may leave a field's message to the dialog that pushed it."""

    def __init__(self, hub: Hub, text: str, *, inline: bool = False) -> None:
        super().__init__(hub, text)
        self.inline = inline

    def redo(self) -> None:
        from domain.ops.errors import Invalid

        try:
            self.do()
        except Exception as exc:  # the stack must not record a failed edit
            self.failed = exc
            self.setObsolete(True)
            if not (self.inline and isinstance(exc, Invalid) and exc.field):
                errors.report(exc)


# --- resolutions ------------------------------------------------------------------------------


class CreateDecisionCommand(OpCommand):
    """Record a resolution; undo deletes it, redo puts it back with the same id."""

    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, f"add resolution {_short(str(fields.get('title', '')))}", inline=inline)
        self.committee_id = committee_id
        self.fields = dict(fields)
        self.info: DecisionInfo | None = None

    def do(self) -> None:
        from domain.ops import decisions

        if self.info is None:
            self.info = self.hub.run(
                decisions.create_decision, change=DECISIONS, committee_id=self.committee_id, **self.fields
            )
        else:
            self.info = self.hub.run(decisions.restore_decision, change=DECISIONS, info=self.info)

    def undo_(self) -> None:
        from domain.ops import decisions

        assert self.info is not None
        self.info = self.hub.run(decisions.delete_decision, change=DECISIONS, decision_id=self.info.id)


def _edit_text(before: DecisionInfo, fields: dict[str, Any]) -> str:
    from domain.ops.decisions import RAG_LABELS, STATUS_LABELS

    title = _short(str(fields.get("title") or before.title))
    if set(fields) == {"status"}:
        return f"mark {title} {STATUS_LABELS.get(fields['status'], fields['status']).lower()}"
    if set(fields) == {"rag"}:
        rag = RAG_LABELS.get(fields["rag"], str(fields["rag"])).split(" ")[0]
        return f"set RAG of {title} to {rag}"
    return f"edit resolution {title}"


class EditDecisionCommand(OpCommand):
    """Change a resolution's fields (status and RAG too); undo puts the old values back."""

    def __init__(
        self, hub: Hub, *, before: DecisionInfo, fields: dict[str, Any], inline: bool = False
    ) -> None:
        super().__init__(hub, _edit_text(before, fields), inline=inline)
        self.decision_id = before.id
        self.version = before.version
        self.old_fields = {k: getattr(before, k) for k in fields}
        self.new_fields = dict(fields)
        self.info: DecisionInfo | None = None

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import decisions

        edited = self.hub.run(
            decisions.update_decision,
            change=DECISIONS,
            decision_id=self.decision_id,
            expected_version=_first_time_version(self, self.version),
            **fields,
        )
        self.info = edited.after

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)


class DeleteDecisionCommand(OpCommand):
    """Delete a resolution with its progress; undo restores it whole, topic links included."""

    def __init__(self, hub: Hub, *, info: DecisionInfo) -> None:
        super().__init__(hub, f"delete resolution {_short(info.title)}")
        self.decision_id = info.id
        self.info: DecisionInfo = info

    def do(self) -> None:
        from domain.ops import decisions

        self.info = self.hub.run(decisions.delete_decision, change=DECISIONS, decision_id=self.decision_id)

    def undo_(self) -> None:
        from domain.ops import decisions

        self.info = self.hub.run(decisions.restore_decision, change=DECISIONS, info=self.info)


class AddProgressNoteCommand(OpCommand):
    """Add a dated progress note to a resolution; undo removes it."""

    def __init__(
        self, hub: Hub, *, decision: DecisionInfo, text: str, noted_on: dt.date | None, inline: bool = False
    ) -> None:
        super().__init__(hub, f"add progress note to {_short(decision.title)}", inline=inline)
        self.decision_id = decision.id
        self.text = text
        self.noted_on = noted_on
        self.note: ProgressNoteInfo | None = None

    def do(self) -> None:
        from domain.ops import decisions

        if self.note is None:
            self.note = self.hub.run(
                decisions.add_progress_note,
                change=DECISIONS,
                decision_id=self.decision_id,
                text=self.text,
                noted_on=self.noted_on,
            )
        else:
            self.note = self.hub.run(decisions.restore_progress_note, change=DECISIONS, note=self.note)

    def undo_(self) -> None:
        from domain.ops import decisions

        assert self.note is not None
        self.hub.run(decisions.delete_progress_note, change=DECISIONS, note_id=self.note.id)


class AddToWorkProgrammeCommand(OpCommand):
    """Put what a resolution asks for on the work programme: a topic, its booking and the
    progress note, in one step; undo removes exactly those and restores the status."""

    def __init__(
        self,
        hub: Hub,
        *,
        decision: DecisionInfo,
        title: str,
        reason: str,
        meeting_id: int | None = None,
        in_months: int | None = None,
        today: dt.date | None = None,
        inline: bool = False,
    ) -> None:
        super().__init__(hub, f"add {_short(title or decision.title)} to the work programme", inline=inline)
        self.kwargs: dict[str, Any] = {
            "decision_id": decision.id,
            "title": title,
            "reason": reason,
            "meeting_id": meeting_id,
            "in_months": in_months,
            "today": today,
        }
        self.addition: ProgrammeAddition | None = None

    def do(self) -> None:
        from domain.ops import decisions

        if self.addition is None:
            self.addition = self.hub.run(decisions.add_to_work_programme, change=PROGRAMME, **self.kwargs)
        else:
            self.addition = self.hub.run(
                decisions.redo_add_to_work_programme, change=PROGRAMME, addition=self.addition
            )

    def undo_(self) -> None:
        from domain.ops import decisions

        assert self.addition is not None
        self.hub.run(decisions.undo_add_to_work_programme, change=PROGRAMME, addition=self.addition)


# --- select committee reviews -----------------------------------------------------------------


class CreateReviewCommand(OpCommand):
    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, f"add review {_short(str(fields.get('title', '')))}", inline=inline)
        self.committee_id = committee_id
        self.fields = dict(fields)
        self.info: ReviewInfo | None = None

    def do(self) -> None:
        from domain.ops import reviews

        if self.info is None:
            self.info = self.hub.run(
                reviews.create_review, change=REVIEWS, committee_id=self.committee_id, **self.fields
            )
        else:
            self.info = self.hub.run(reviews.restore_review, change=REVIEWS, info=self.info)

    def undo_(self) -> None:
        from domain.ops import reviews

        assert self.info is not None
        self.info = self.hub.run(reviews.delete_review, change=REVIEWS, review_id=self.info.id)


def _review_edit_text(before: ReviewInfo, fields: dict[str, Any]) -> str:
    from domain.ops.reviews import STATUS_LABELS

    title = _short(str(fields.get("title") or before.title))
    if "status" in fields and set(fields) <= {"status", "reported_on"}:
        return f"mark review {title} {STATUS_LABELS.get(fields['status'], fields['status']).lower()}"
    return f"edit review {title}"


class EditReviewCommand(OpCommand):
    """Change a review (its status too, by the ops' rules); undo puts the review back as it was."""

    def __init__(self, hub: Hub, *, before: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, _review_edit_text(before, fields), inline=inline)
        self.before = before
        self.version = before.version
        self.fields = dict(fields)
        self.info: ReviewInfo | None = None

    def do(self) -> None:
        from domain.ops import reviews

        edited = self.hub.run(
            reviews.update_review,
            change=REVIEWS,
            review_id=self.before.id,
            expected_version=_first_time_version(self, self.version),
            **self.fields,
        )
        self.info = edited.after

    def undo_(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.revert_review, change=REVIEWS, info=self.before)


class DeleteReviewCommand(OpCommand):
    def __init__(self, hub: Hub, *, info: ReviewInfo) -> None:
        super().__init__(hub, f"delete review {_short(info.title)}")
        self.review_id = info.id
        self.info = info

    def do(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.delete_review, change=REVIEWS, review_id=self.review_id)

    def undo_(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.restore_review, change=REVIEWS, info=self.info)


def _when(starts_at: dt.datetime) -> str:
    return f"{starts_at.day} {starts_at:%B %Y}"


class AddReviewMeetingCommand(OpCommand):
    def __init__(
        self, hub: Hub, *, review: ReviewInfo, starts_at: dt.datetime, venue: str = "", notes: str = "",
        inline: bool = False,
    ) -> None:
        super().__init__(hub, f"add review meeting of {_when(starts_at)}", inline=inline)
        self.kwargs = {"review_id": review.id, "starts_at": starts_at, "venue": venue, "notes": notes}
        self.info: ReviewMeetingInfo | None = None

    def do(self) -> None:
        from domain.ops import reviews

        if self.info is None:
            self.info = self.hub.run(reviews.add_review_meeting, change=REVIEWS, **self.kwargs)
        else:
            self.info = self.hub.run(reviews.restore_review_meeting, change=REVIEWS, info=self.info)

    def undo_(self) -> None:
        from domain.ops import reviews

        assert self.info is not None
        self.info = self.hub.run(
            reviews.delete_review_meeting, change=REVIEWS, review_meeting_id=self.info.id
        )


class MoveReviewMeetingCommand(OpCommand):
    def __init__(
        self, hub: Hub, *, before: ReviewMeetingInfo, starts_at: dt.datetime, venue: str, notes: str,
        inline: bool = False,
    ) -> None:
        super().__init__(
            hub, f"move review meeting of {_when(before.starts_at)} to {_when(starts_at)}", inline=inline
        )
        self.before = before
        self.new = {"starts_at": starts_at, "venue": venue, "notes": notes}

    def do(self) -> None:
        from domain.ops import reviews

        self.hub.run(
            reviews.update_review_meeting,
            change=REVIEWS,
            review_meeting_id=self.before.id,
            expected_version=_first_time_version(self, self.before.version),
            **self.new,
        )

    def undo_(self) -> None:
        from domain.ops import reviews

        self.hub.run(reviews.revert_review_meeting, change=REVIEWS, info=self.before)


class DeleteReviewMeetingCommand(OpCommand):
    def __init__(self, hub: Hub, *, info: ReviewMeetingInfo) -> None:
        super().__init__(hub, f"delete review meeting of {_when(info.starts_at)}")
        self.info = info

    def do(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(
            reviews.delete_review_meeting, change=REVIEWS, review_meeting_id=self.info.id
        )

    def undo_(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.restore_review_meeting, change=REVIEWS, info=self.info)


class AddRecommendationCommand(OpCommand):
    def __init__(self, hub: Hub, *, review: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, f"add recommendation to {_short(review.title)}", inline=inline)
        self.review_id = review.id
        self.fields = dict(fields)
        self.info: RecommendationInfo | None = None

    def do(self) -> None:
        from domain.ops import reviews

        if self.info is None:
            self.info = self.hub.run(
                reviews.add_recommendation, change=REVIEWS, review_id=self.review_id, **self.fields
            )
        else:
            self.info = self.hub.run(reviews.restore_recommendation, change=REVIEWS, info=self.info)

    def undo_(self) -> None:
        from domain.ops import reviews

        assert self.info is not None
        self.info = self.hub.run(
            reviews.delete_recommendation, change=REVIEWS, recommendation_id=self.info.id
        )


class EditRecommendationCommand(OpCommand):
    """Change a recommendation: its text, the executive's response and date, the follow-up."""

    def __init__(
        self, hub: Hub, *, before: RecommendationInfo, fields: dict[str, Any], inline: bool = False
    ) -> None:
        text = (
            f"record response to recommendation {before.number}"
            if set(fields) <= {"response", "response_on", "response_text"}
            else f"edit recommendation {before.number}"
        )
        super().__init__(hub, text, inline=inline)
        self.before = before
        self.fields = dict(fields)
        self.info: RecommendationInfo | None = None

    def do(self) -> None:
        from domain.ops import reviews

        edited = self.hub.run(
            reviews.update_recommendation,
            change=REVIEWS,
            recommendation_id=self.before.id,
            expected_version=_first_time_version(self, self.before.version),
            **self.fields,
        )
        self.info = edited.after

    def undo_(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.revert_recommendation, change=REVIEWS, info=self.before)


class DeleteRecommendationCommand(OpCommand):
    def __init__(self, hub: Hub, *, info: RecommendationInfo) -> None:
        super().__init__(hub, f"delete recommendation {info.number}")
        self.info = info

    def do(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(
            reviews.delete_recommendation, change=REVIEWS, recommendation_id=self.info.id
        )

    def undo_(self) -> None:
        from domain.ops import reviews

        self.info = self.hub.run(reviews.restore_recommendation, change=REVIEWS, info=self.info)


class AddFollowUpCommand(OpCommand):
    """Put a recommendation's follow-up on the work programme; undo removes the topic."""

    def __init__(
        self,
        hub: Hub,
        *,
        recommendation: RecommendationInfo,
        title: str,
        reason: str,
        meeting_id: int | None = None,
        in_months: int | None = None,
        today: dt.date | None = None,
        inline: bool = False,
    ) -> None:
        super().__init__(hub, f"add {_short(title)} to the work programme", inline=inline)
        self.kwargs: dict[str, Any] = {
            "recommendation_id": recommendation.id,
            "title": title,
            "reason": reason,
            "meeting_id": meeting_id,
            "in_months": in_months,
            "today": today,
        }
        self.addition: ProgrammeAddition | None = None

    def do(self) -> None:
        from domain.ops import reviews

        if self.addition is None:
            self.addition = self.hub.run(reviews.add_follow_up_to_programme, change=PROGRAMME, **self.kwargs)
        else:
            self.addition = self.hub.run(reviews.redo_add_follow_up, change=PROGRAMME, addition=self.addition)

    def undo_(self) -> None:
        from domain.ops import reviews

        assert self.addition is not None
        self.hub.run(reviews.undo_add_follow_up, change=PROGRAMME, addition=self.addition)

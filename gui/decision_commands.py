"""Undoable edits of tracking decisions and select committee reviews.

One ``QUndoCommand`` class per kind of edit (see ``gui.commands``). Each runs a
``domain.ops.decisions`` or ``domain.ops.reviews`` operation through the hub; the operation
returns the row as it was (``before``) or whole (a delete), so undo puts exactly that back and
redo re-creates rows with the same ids, so later commands that name them still find them.

Most are one of four kinds, each a generic class here that names its operations: add (undo
deletes, redo restores), delete (undo restores), edit (the update returns the row before and
after; undo reverts to before) and an addition to the work programme.

A command pushed from a dialog is ``inline``: when its first run breaks a rule that names a
field, it is not shown in a message box, because the dialog shows it next to that field.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

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
        from domain.errors import Invalid

        try:
            self.do()
        except Exception as exc:  # the stack must not record a failed edit
            self.failed = exc
            self.setObsolete(True)
            if not (self.inline and isinstance(exc, Invalid) and exc.field):
                errors.report(exc)


def _op(name: str) -> Callable[..., Any]:
    """The operation ``"module.function"`` of ``domain.ops``, imported when it first runs, as
    the commands always have (the operations load SQLAlchemy)."""
    module, function = name.split(".")
    return getattr(importlib.import_module(f"domain.ops.{module}"), function)


class AddCommand(OpCommand):
    """Add a row with ``args``. Undo deletes it (the delete takes its id as ``id_arg`` and
    returns it whole); redo restores it with the same id, so later commands still find it."""

    change: ClassVar[Change]
    add_op: ClassVar[str]
    restore_op: ClassVar[str]
    restore_arg: ClassVar[str] = "info"
    delete_op: ClassVar[str]
    id_arg: ClassVar[str]

    def __init__(self, hub: Hub, text: str, *, args: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, text, inline=inline)
        self.args = args
        self.info: Any = None

    def do(self) -> None:
        if self.info is None:
            self.info = self.hub.run(_op(self.add_op), change=self.change, **self.args)
        else:
            self.info = self.hub.run(_op(self.restore_op), change=self.change, **{self.restore_arg: self.info})

    def undo_(self) -> None:
        assert self.info is not None
        self.info = self.hub.run(_op(self.delete_op), change=self.change, **{self.id_arg: self.info.id})


class DeleteCommand(OpCommand):
    """Delete a row (the delete takes its id as ``id_arg`` and returns it whole, with what
    hangs off it); undo restores it with the same id."""

    change: ClassVar[Change]
    delete_op: ClassVar[str]
    restore_op: ClassVar[str]
    id_arg: ClassVar[str]

    def __init__(self, hub: Hub, text: str, *, info: Any) -> None:
        super().__init__(hub, text)
        self.info = info

    def do(self) -> None:
        self.info = self.hub.run(_op(self.delete_op), change=self.change, **{self.id_arg: self.info.id})

    def undo_(self) -> None:
        self.info = self.hub.run(_op(self.restore_op), change=self.change, info=self.info)


class EditCommand(OpCommand):
    """Change a row's ``fields``, checking on the first run that nobody changed it since it
    was read (``before``); undo puts ``before`` back whole with the revert operation."""

    change: ClassVar[Change]
    update_op: ClassVar[str]
    revert_op: ClassVar[str]
    id_arg: ClassVar[str]

    def __init__(self, hub: Hub, text: str, *, before: Any, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, text, inline=inline)
        self.before = before
        self.fields = dict(fields)
        self.info: Any = None

    def do(self) -> None:
        result = self.hub.run(
            _op(self.update_op),
            change=self.change,
            expected_version=_first_time_version(self, self.before.version),
            **{self.id_arg: self.before.id},
            **self.fields,
        )
        # Most updates return the row before and after (``Edited``); some only the row.
        self.info = getattr(result, "after", result)

    def undo_(self) -> None:
        self.info = self.hub.run(_op(self.revert_op), change=self.change, info=self.before)


class ProgrammeAdditionCommand(OpCommand):
    """Put something on the work programme in one step (a topic, its booking and what the
    operation marks on the source); undo removes exactly those, redo puts them back."""

    add_op: ClassVar[str]
    redo_op: ClassVar[str]
    undo_op: ClassVar[str]

    def __init__(self, hub: Hub, text: str, *, args: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, text, inline=inline)
        self.kwargs = args
        self.addition: ProgrammeAddition | None = None

    def do(self) -> None:
        if self.addition is None:
            self.addition = self.hub.run(_op(self.add_op), change=PROGRAMME, **self.kwargs)
        else:
            self.addition = self.hub.run(_op(self.redo_op), change=PROGRAMME, addition=self.addition)

    def undo_(self) -> None:
        assert self.addition is not None
        self.hub.run(_op(self.undo_op), change=PROGRAMME, addition=self.addition)


# --- resolutions ------------------------------------------------------------------------------


class CreateDecisionCommand(AddCommand):
    """Record a resolution; undo deletes it, redo puts it back with the same id."""

    change, id_arg = DECISIONS, "decision_id"
    add_op, restore_op, delete_op = "decisions.create_decision", "decisions.restore_decision", "decisions.delete_decision"

    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(
            hub, f"add resolution {_short(str(fields.get('title', '')))}",
            args={"committee_id": committee_id, **fields}, inline=inline,
        )  # fmt: skip
        self.info: DecisionInfo | None


def _edit_text(before: DecisionInfo, fields: dict[str, Any]) -> str:
    from domain.decision_values import DecisionStatus, Rag

    title = _short(str(fields.get("title") or before.title))
    if set(fields) == {"status"}:
        return f"mark {title} {DecisionStatus(fields['status']).label.lower()}"
    if set(fields) == {"rag"}:
        rag = Rag(fields["rag"]).label if fields["rag"] else "None"
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


class DeleteDecisionCommand(DeleteCommand):
    """Delete a resolution with its progress; undo restores it whole, topic links included."""

    change, id_arg = DECISIONS, "decision_id"
    delete_op, restore_op = "decisions.delete_decision", "decisions.restore_decision"

    def __init__(self, hub: Hub, *, info: DecisionInfo) -> None:
        super().__init__(hub, f"delete resolution {_short(info.title)}", info=info)
        self.info: DecisionInfo


class AddProgressNoteCommand(AddCommand):
    """Add a dated progress note to a resolution; undo removes it."""

    change, id_arg = DECISIONS, "note_id"
    add_op, restore_op, delete_op = "decisions.add_progress_note", "decisions.restore_progress_note", "decisions.delete_progress_note"
    restore_arg = "note"

    def __init__(
        self, hub: Hub, *, decision: DecisionInfo, text: str, noted_on: dt.date | None, inline: bool = False
    ) -> None:
        super().__init__(
            hub, f"add progress note to {_short(decision.title)}",
            args={"decision_id": decision.id, "text": text, "noted_on": noted_on}, inline=inline,
        )  # fmt: skip
        self.info: ProgressNoteInfo | None


class AddToWorkProgrammeCommand(ProgrammeAdditionCommand):
    """Put what a resolution asks for on the work programme: a topic, its booking and the
    progress note, in one step; undo removes exactly those and restores the status."""

    add_op = "decisions.add_to_work_programme"
    redo_op = "decisions.redo_add_to_work_programme"
    undo_op = "decisions.undo_add_to_work_programme"

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
        args = {"decision_id": decision.id, "title": title, "reason": reason,
                "meeting_id": meeting_id, "in_months": in_months, "today": today}  # fmt: skip
        super().__init__(hub, f"add {_short(title or decision.title)} to the work programme", args=args, inline=inline)


# --- select committee reviews -----------------------------------------------------------------


class CreateReviewCommand(AddCommand):
    change, id_arg = REVIEWS, "review_id"
    add_op, restore_op, delete_op = "reviews.create_review", "reviews.restore_review", "reviews.delete_review"

    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(
            hub, f"add review {_short(str(fields.get('title', '')))}",
            args={"committee_id": committee_id, **fields}, inline=inline,
        )  # fmt: skip
        self.info: ReviewInfo | None


def _review_edit_text(before: ReviewInfo, fields: dict[str, Any]) -> str:
    from domain.decision_values import ReviewStatus

    title = _short(str(fields.get("title") or before.title))
    if "status" in fields and set(fields) <= {"status", "reported_on"}:
        return f"mark review {title} {ReviewStatus(fields['status']).label.lower()}"
    return f"edit review {title}"


class EditReviewCommand(EditCommand):
    """Change a review (its status too, by the ops' rules); undo puts the review back as it was."""

    change, id_arg = REVIEWS, "review_id"
    update_op, revert_op = "reviews.update_review", "reviews.revert_review"

    def __init__(self, hub: Hub, *, before: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(hub, _review_edit_text(before, fields), before=before, fields=fields, inline=inline)
        self.info: ReviewInfo | None


class DeleteReviewCommand(DeleteCommand):
    change, id_arg = REVIEWS, "review_id"
    delete_op, restore_op = "reviews.delete_review", "reviews.restore_review"

    def __init__(self, hub: Hub, *, info: ReviewInfo) -> None:
        super().__init__(hub, f"delete review {_short(info.title)}", info=info)


def _when(starts_at: dt.datetime) -> str:
    from domain.dates import long_date

    return long_date(starts_at.date())


class AddReviewMeetingCommand(AddCommand):
    change, id_arg = REVIEWS, "review_meeting_id"
    add_op, restore_op, delete_op = "reviews.add_review_meeting", "reviews.restore_review_meeting", "reviews.delete_review_meeting"

    def __init__(
        self, hub: Hub, *, review: ReviewInfo, starts_at: dt.datetime, venue: str = "", notes: str = "",
        inline: bool = False,
    ) -> None:
        super().__init__(
            hub, f"add review meeting of {_when(starts_at)}",
            args={"review_id": review.id, "starts_at": starts_at, "venue": venue, "notes": notes}, inline=inline,
        )  # fmt: skip
        self.info: ReviewMeetingInfo | None


class MoveReviewMeetingCommand(EditCommand):
    change, id_arg = REVIEWS, "review_meeting_id"
    update_op, revert_op = "reviews.update_review_meeting", "reviews.revert_review_meeting"

    def __init__(
        self, hub: Hub, *, before: ReviewMeetingInfo, starts_at: dt.datetime, venue: str, notes: str,
        inline: bool = False,
    ) -> None:
        super().__init__(
            hub, f"move review meeting of {_when(before.starts_at)} to {_when(starts_at)}",
            before=before, fields={"starts_at": starts_at, "venue": venue, "notes": notes}, inline=inline,
        )  # fmt: skip


class DeleteReviewMeetingCommand(DeleteCommand):
    change, id_arg = REVIEWS, "review_meeting_id"
    delete_op, restore_op = "reviews.delete_review_meeting", "reviews.restore_review_meeting"

    def __init__(self, hub: Hub, *, info: ReviewMeetingInfo) -> None:
        super().__init__(hub, f"delete review meeting of {_when(info.starts_at)}", info=info)


class AddRecommendationCommand(AddCommand):
    change, id_arg = REVIEWS, "recommendation_id"
    add_op, restore_op, delete_op = "reviews.add_recommendation", "reviews.restore_recommendation", "reviews.delete_recommendation"

    def __init__(self, hub: Hub, *, review: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        super().__init__(
            hub, f"add recommendation to {_short(review.title)}", args={"review_id": review.id, **fields}, inline=inline
        )
        self.info: RecommendationInfo | None


class EditRecommendationCommand(EditCommand):
    """Change a recommendation: its text, the executive's response and date, the follow-up."""

    change, id_arg = REVIEWS, "recommendation_id"
    update_op, revert_op = "reviews.update_recommendation", "reviews.revert_recommendation"

    def __init__(
        self, hub: Hub, *, before: RecommendationInfo, fields: dict[str, Any], inline: bool = False
    ) -> None:
        text = (
            f"record response to recommendation {before.number}"
            if set(fields) <= {"response", "response_on", "response_text"}
            else f"edit recommendation {before.number}"
        )
        super().__init__(hub, text, before=before, fields=fields, inline=inline)
        self.info: RecommendationInfo | None


class DeleteRecommendationCommand(DeleteCommand):
    change, id_arg = REVIEWS, "recommendation_id"
    delete_op, restore_op = "reviews.delete_recommendation", "reviews.restore_recommendation"

    def __init__(self, hub: Hub, *, info: RecommendationInfo) -> None:
        super().__init__(hub, f"delete recommendation {info.number}", info=info)


class AddFollowUpCommand(ProgrammeAdditionCommand):
    """Put a recommendation's follow-up on the work programme; undo removes the topic."""

    add_op = "reviews.add_follow_up_to_programme"
    redo_op = "reviews.redo_add_follow_up"
    undo_op = "reviews.undo_add_follow_up"

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
        args = {"recommendation_id": recommendation.id, "title": title, "reason": reason,
                "meeting_id": meeting_id, "in_months": in_months, "today": today}  # fmt: skip
        super().__init__(hub, f"add {_short(title)} to the work programme", args=args, inline=inline)

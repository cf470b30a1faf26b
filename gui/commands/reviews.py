"""Undoable edits of select committee reviews: the review, its meetings, its
recommendations, and putting a recommendation's follow-up on the work programme."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .base import (
    AddCommand,
    AdditionOptions,
    DeleteCommand,
    EditCommand,
    ProgrammeAdditionCommand,
    short,
    when,
)

if TYPE_CHECKING:
    from typing import Unpack

    from domain.decision_values import RecommendationInfo, ReviewInfo, ReviewMeetingInfo

    from ..hub import Hub


class CreateReviewCommand(AddCommand):
    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"add review {short(str(fields.get('title', '')))}",
            add=reviews.create_review, restore=reviews.restore_review, delete=reviews.delete_review,
            id_arg="review_id", args={"committee_id": committee_id, **fields}, inline=inline,
        )  # fmt: skip
        self.info: ReviewInfo | None


def _review_edit_text(before: ReviewInfo, fields: dict[str, Any]) -> str:
    from domain.decision_values import ReviewStatus

    title = short(str(fields.get("title") or before.title))
    if "status" in fields and set(fields) <= {"status", "reported_on"}:
        return f"mark review {title} {ReviewStatus(fields['status']).label.lower()}"
    return f"edit review {title}"


class EditReviewCommand(EditCommand):
    """Change a review (its status too, by the ops' rules); undo puts the review back as it was."""

    def __init__(self, hub: Hub, *, before: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, _review_edit_text(before, fields), update=reviews.update_review, revert=reviews.revert_review,
            id_arg="review_id", before=before, fields=fields, inline=inline,
        )  # fmt: skip
        self.info: ReviewInfo | None


class DeleteReviewCommand(DeleteCommand):
    def __init__(self, hub: Hub, *, info: ReviewInfo) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"delete review {short(info.title)}",
            delete=reviews.delete_review, restore=reviews.restore_review, id_arg="review_id", info=info,
        )  # fmt: skip


class AddReviewMeetingCommand(AddCommand):
    def __init__(
        self, hub: Hub, *, review: ReviewInfo, starts_at: dt.datetime, venue: str = "", notes: str = "",
        inline: bool = False,
    ) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"add review meeting of {when(starts_at)}",
            add=reviews.add_review_meeting, restore=reviews.restore_review_meeting,
            delete=reviews.delete_review_meeting, id_arg="review_meeting_id",
            args={"review_id": review.id, "starts_at": starts_at, "venue": venue, "notes": notes}, inline=inline,
        )  # fmt: skip
        self.info: ReviewMeetingInfo | None


class MoveReviewMeetingCommand(EditCommand):
    def __init__(
        self, hub: Hub, *, before: ReviewMeetingInfo, starts_at: dt.datetime, venue: str, notes: str,
        inline: bool = False,
    ) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"move review meeting of {when(before.starts_at)} to {when(starts_at)}",
            update=reviews.update_review_meeting, revert=reviews.revert_review_meeting, id_arg="review_meeting_id",
            before=before, fields={"starts_at": starts_at, "venue": venue, "notes": notes}, inline=inline,
        )  # fmt: skip


class DeleteReviewMeetingCommand(DeleteCommand):
    def __init__(self, hub: Hub, *, info: ReviewMeetingInfo) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"delete review meeting of {when(info.starts_at)}",
            delete=reviews.delete_review_meeting, restore=reviews.restore_review_meeting,
            id_arg="review_meeting_id", info=info,
        )  # fmt: skip


class AddRecommendationCommand(AddCommand):
    def __init__(self, hub: Hub, *, review: ReviewInfo, fields: dict[str, Any], inline: bool = False) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"add recommendation to {short(review.title)}",
            add=reviews.add_recommendation, restore=reviews.restore_recommendation,
            delete=reviews.delete_recommendation, id_arg="recommendation_id",
            args={"review_id": review.id, **fields}, inline=inline,
        )  # fmt: skip
        self.info: RecommendationInfo | None


class EditRecommendationCommand(EditCommand):
    """Change a recommendation: its text, the executive's response and date, the follow-up."""

    def __init__(
        self, hub: Hub, *, before: RecommendationInfo, fields: dict[str, Any], inline: bool = False
    ) -> None:
        from domain.ops import reviews

        text = (
            f"record response to recommendation {before.number}"
            if set(fields) <= {"response", "response_on", "response_text"}
            else f"edit recommendation {before.number}"
        )
        super().__init__(
            hub, text, update=reviews.update_recommendation, revert=reviews.revert_recommendation,
            id_arg="recommendation_id", before=before, fields=fields, inline=inline,
        )  # fmt: skip
        self.info: RecommendationInfo | None


class DeleteRecommendationCommand(DeleteCommand):
    def __init__(self, hub: Hub, *, info: RecommendationInfo) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"delete recommendation {info.number}",
            delete=reviews.delete_recommendation, restore=reviews.restore_recommendation,
            id_arg="recommendation_id", info=info,
        )  # fmt: skip


class AddFollowUpCommand(ProgrammeAdditionCommand):
    """Put a recommendation's follow-up on the work programme; undo removes the topic."""

    def __init__(
        self, hub: Hub, *, recommendation: RecommendationInfo, title: str, reason: str, **place: Unpack[AdditionOptions]
    ) -> None:
        from domain.ops import reviews

        super().__init__(
            hub, f"add {short(title)} to the work programme",
            add=reviews.add_follow_up_to_programme, redo=reviews.redo_add_follow_up,
            undo=reviews.undo_add_follow_up, source={"recommendation_id": recommendation.id},
            title=title, reason=reason, **place,
        )  # fmt: skip

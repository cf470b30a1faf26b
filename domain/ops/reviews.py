"""Select committee reviews (task and finish groups): scope, meetings, recommendations.

A review moves from proposed through scoping and in progress to reported and closed. Its
recommendations go to the executive (Cabinet), which agrees, notes or rejects each (seed 003,
minute 110); a recommendation's follow-up can be put on the work programme in one action, like a
resolution (see :func:`domain.ops.decisions.add_to_work_programme`).

The printed programme's "Select Committee Reviews" table is built by ``domain.printing.build``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from enum import Enum
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ..dates import date_field, long_date
from ..decision_values import (
    Edited,
    ProgrammeAddition,
    RecommendationInfo,
    ReviewInfo,
    ReviewMeetingInfo,
)
from ..errors import Invalid
from ..exemption import review_exemption
from ..models import (
    Committee,
    ExecutiveResponse,
    Meeting,
    Recommendation,
    ReviewMeeting,
    ReviewStatus,
    SelectReview,
    SourceKind,
    Topic,
)
from .convert import get, lines
from .decisions import (
    check_left,
    create_programme_topic,
    left_at,
    placement_message,
    undo_add_to_work_programme,
)
from .planning import resolve_placement

REVIEW_FIELDS = (
    "title",
    "scope",
    "members",
    "lead_officer",
    "status",
    "added_on",
    "reported_on",
    "topic_id",
)
RECOMMENDATION_FIELDS = (
    "number",
    "text",
    "response",
    "response_on",
    "response_text",
    "follow_up_on",
)
MEETING_FIELDS = ("starts_at", "venue", "notes")

def allowed_statuses(current: ReviewStatus | str) -> tuple[ReviewStatus, ...]:
    """The statuses a review in ``current`` may be moved to (itself included), in the order a
    form offers them."""
    finished = ReviewStatus(current).finished
    return tuple(s for s in ReviewStatus if not (finished and s == ReviewStatus.PROPOSED))


# --- ORM rows to values -----------------------------------------------------------------------


def review_meeting_info(m: ReviewMeeting) -> ReviewMeetingInfo:
    return ReviewMeetingInfo(
        id=m.id, version=m.version, review_id=m.review_id, starts_at=m.starts_at, venue=m.venue,
        notes=m.notes,
    )


def recommendation_info(r: Recommendation) -> RecommendationInfo:
    return RecommendationInfo(
        id=r.id,
        version=r.version,
        review_id=r.review_id,
        number=r.number,
        text=r.text,
        response=r.response,
        response_on=r.response_on,
        response_text=r.response_text,
        follow_up_on=r.follow_up_on,
        follow_up_topic_id=r.follow_up_topic_id,
    )


def review_info(r: SelectReview) -> ReviewInfo:
    return ReviewInfo(
        id=r.id,
        version=r.version,
        committee_id=r.committee_id,
        topic_id=r.topic_id,
        title=r.title,
        scope=r.scope,
        members=lines(r.members),
        lead_officer=r.lead_officer,
        status=r.status,
        added_on=r.added_on,
        reported_on=r.reported_on,
        meetings=tuple(review_meeting_info(m) for m in r.meetings),
        recommendations=tuple(recommendation_info(x) for x in r.recommendations),
        exempt=bool(r.topic_exempt),
        exempt_paragraph=r.topic_exempt_paragraph if r.topic_exempt else None,
    )


def _fresh(session: Session, r: SelectReview) -> ReviewInfo:
    session.flush()
    session.refresh(r, ["meetings", "recommendations"])
    return review_info(r)


def _review(session: Session, review_id: int, expected_version: int | None = None) -> SelectReview:
    return get(session, SelectReview, review_id, expected_version)


def _review_meeting(
    session: Session, review_meeting_id: int, expected_version: int | None = None
) -> ReviewMeeting:
    return get(session, ReviewMeeting, review_meeting_id, expected_version)


# --- validation -------------------------------------------------------------------------------


def _enum(enum_type: type[Enum], value: Any, field: str, what: str) -> Any:
    try:
        return enum_type(str(value).lower().replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(str(m.value).replace("_", " ") for m in enum_type)
        raise Invalid(f"'{value}' is not a {what}; choose {allowed}.", field) from None


def validate_review(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in REVIEW_FIELDS:
            raise Invalid(f"A review has no field '{key}'.", key)
        if key in ("title", "lead_officer"):
            value = " ".join((value or "").split())
        elif key == "scope":
            value = (value or "").strip()
        elif key == "members":
            items = value.splitlines() if isinstance(value, str) else list(value or ())
            value = "\n".join(" ".join(str(v).split()) for v in items if str(v).strip())
        elif key == "status":
            value = _enum(ReviewStatus, value, key, "review status")
        elif key in ("added_on", "reported_on"):
            value = date_field(value, key, "date added" if key == "added_on" else "date reported")
        out[key] = value
    if "title" in out:
        if not out["title"]:
            raise Invalid("A review needs a title.", "title")
        if len(out["title"]) > 400:
            raise Invalid("A title can be at most 400 characters.", "title")
    if len(out.get("lead_officer") or "") > 200:
        raise Invalid("The lead officer can be at most 200 characters.", "lead_officer")
    return out


def _check_review(
    session: Session, committee_id: int, values: dict[str, Any], previous: ReviewStatus | None
) -> None:
    """The status rules, checked on the review as it would be saved."""
    status = values["status"]
    if status == ReviewStatus.PROPOSED and previous is not None and previous.finished:
        raise Invalid(
            f"This review has {previous.label.lower()}, so it cannot go back to proposed; "
            "choose scoping or in progress to reopen it.",
            "status",
        )
    if status == ReviewStatus.REPORTED and values.get("reported_on") is None:
        raise Invalid("Give the date the review reported before marking it reported.", "reported_on")
    added, reported = values.get("added_on"), values.get("reported_on")
    if added and reported and reported < added:
        raise Invalid(
            f"The review cannot report ({long_date(reported)}) before it was added "
            f"({long_date(added)}).",
            "reported_on",
        )
    topic_id = values.get("topic_id")
    if topic_id is not None:
        t = session.get(Topic, topic_id)
        if t is None or t.committee_id != committee_id:
            raise Invalid("Choose one of this committee's topics for the review.", "topic_id")


def validate_recommendation(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in RECOMMENDATION_FIELDS:
            raise Invalid(f"A recommendation has no field '{key}'.", key)
        if key == "number":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise Invalid("A recommendation number is a whole number from 1.", key)
        elif key in ("text", "response_text"):
            value = (value or "").strip()
        elif key == "response":
            value = _enum(ExecutiveResponse, value, key, "response")
        elif key == "response_on":
            value = date_field(value, key, "response date")
        elif key == "follow_up_on":
            value = date_field(value, key, "follow-up date")
        out[key] = value
    if "text" in out and not out["text"]:
        raise Invalid("Write the recommendation's text.", "text")
    return out


def _check_recommendation(values: dict[str, Any]) -> None:
    response = values["response"]
    if response != ExecutiveResponse.PENDING and values.get("response_on") is None:
        raise Invalid(
            f"Give the date the executive {response.value} the recommendation.", "response_on"
        )


def _check_number(session: Session, review_id: int, number: int, own_id: int | None) -> None:
    clash = session.scalar(
        select(Recommendation.id).where(
            Recommendation.review_id == review_id,
            Recommendation.number == number,
            Recommendation.id != (own_id or -1),
        )
    )
    if clash is not None:
        raise Invalid(
            f"This review already has a recommendation {number}; choose another number.", "number"
        )


def _starts_at(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    raise Invalid("Give the review meeting's date and time, e.g. 10/07/2019 14:00.", "starts_at")


def _check_meeting_clash(
    session: Session, review_id: int, starts_at: dt.datetime, own_id: int | None
) -> None:
    clash = session.scalar(
        select(ReviewMeeting.id).where(
            ReviewMeeting.review_id == review_id,
            ReviewMeeting.starts_at == starts_at,
            ReviewMeeting.id != (own_id or -1),
        )
    )
    if clash is not None:
        raise Invalid(
            f"The review already meets at {starts_at:%H:%M} on {long_date(starts_at.date())}.",
            "starts_at",
        )


# --- reviews ----------------------------------------------------------------------------------


def _query() -> Select[SelectReview]:
    return select(SelectReview).options(
        selectinload(SelectReview.meetings), selectinload(SelectReview.recommendations)
    )


def list_reviews(
    session: Session, *, committee_id: int, include_closed: bool = True
) -> list[ReviewInfo]:
    """The committee's reviews, oldest first, with their meetings and recommendations."""
    get(session, Committee, committee_id)
    q = _query().where(SelectReview.committee_id == committee_id)
    if not include_closed:
        q = q.where(SelectReview.status != ReviewStatus.CLOSED)
    rows = session.scalars(q)
    return [
        review_info(r)
        for r in sorted(rows, key=lambda r: (r.added_on is None, r.added_on or dt.date.max, r.id))
    ]


def get_review(session: Session, *, review_id: int) -> ReviewInfo:
    return review_info(_review(session, review_id))


def create_review(
    session: Session,
    *,
    committee_id: int,
    title: str,
    scope: str = "",
    members: Iterable[str] | str = (),
    lead_officer: str = "",
    status: str = "proposed",
    added_on: dt.date | None = None,
    reported_on: dt.date | None = None,
    topic_id: int | None = None,
    review_id: int | None = None,
) -> ReviewInfo:
    """Start a review. ``review_id`` re-creates one with its old id (redo)."""
    get(session, Committee, committee_id)
    values = validate_review(
        {
            "title": title,
            "scope": scope,
            "members": members,
            "lead_officer": lead_officer,
            "status": status,
            "added_on": added_on or dt.date.today(),
            "reported_on": reported_on,
            "topic_id": topic_id,
        }
    )
    _check_review(session, committee_id, values, None)
    r = SelectReview(id=review_id, committee_id=committee_id, **values)
    session.add(r)
    return _fresh(session, r)


def review_fields(info: ReviewInfo) -> dict[str, Any]:
    return {key: getattr(info, key) for key in REVIEW_FIELDS}


def update_review(
    session: Session, *, review_id: int, expected_version: int | None = None, **fields: Any
) -> Edited[ReviewInfo]:
    """Change a review's fields, keeping to the status rules; undo with :func:`revert_review`."""
    r = _review(session, review_id, expected_version)
    before = review_info(r)
    values = validate_review(fields)
    merged = {**review_fields(before), **values}
    merged["status"] = ReviewStatus(merged["status"])
    _check_review(session, r.committee_id, merged, r.status)
    return Edited(before, _apply(session, r, values))


def _apply(session: Session, r: SelectReview, values: dict[str, Any]) -> ReviewInfo:
    for key, value in values.items():
        if getattr(r, key) != value:
            setattr(r, key, value)
    return _fresh(session, r)


def revert_review(session: Session, *, info: ReviewInfo, expected_version: int | None = None) -> ReviewInfo:
    """Put a review's fields back as ``info`` has them (undo of an edit).

    The rule against going back to proposed is not applied: undo restores a state the review
    was really in.
    """
    r = _review(session, info.id, expected_version)
    values = validate_review(review_fields(info))
    if values["topic_id"] is not None and session.get(Topic, values["topic_id"]) is None:
        values["topic_id"] = None
    return _apply(session, r, values)


def delete_review(session: Session, *, review_id: int, expected_version: int | None = None) -> ReviewInfo:
    """Delete a review with its meetings and recommendations; returns it whole, for
    :func:`restore_review`. Topics made from its recommendations stay on the programme."""
    r = _review(session, review_id, expected_version)
    info = review_info(r)
    session.delete(r)
    session.flush()
    return info


def restore_review(session: Session, *, info: ReviewInfo) -> ReviewInfo:
    """Put back a deleted review with its old id, meetings and recommendations."""
    if session.get(SelectReview, info.id) is not None:
        raise Invalid("That review is already there.")
    get(session, Committee, info.committee_id)
    values = validate_review(review_fields(info))
    if values["topic_id"] is not None and session.get(Topic, values["topic_id"]) is None:
        values["topic_id"] = None
    r = SelectReview(id=info.id, committee_id=info.committee_id, **values)
    r.meetings = [
        ReviewMeeting(id=m.id, starts_at=m.starts_at, venue=m.venue, notes=m.notes)
        for m in info.meetings
    ]
    r.recommendations = [_recommendation_from(x, session) for x in info.recommendations]
    session.add(r)
    return _fresh(session, r)


def _recommendation_from(x: RecommendationInfo, session: Session) -> Recommendation:
    topic = x.follow_up_topic_id
    return Recommendation(
        id=x.id,
        number=x.number,
        text=x.text,
        response=ExecutiveResponse(x.response),
        response_on=x.response_on,
        response_text=x.response_text,
        follow_up_on=x.follow_up_on,
        follow_up_topic_id=topic if topic is not None and session.get(Topic, topic) is not None else None,
    )


# --- review meetings --------------------------------------------------------------------------


def add_review_meeting(
    session: Session,
    *,
    review_id: int,
    starts_at: dt.datetime,
    venue: str = "",
    notes: str = "",
    review_meeting_id: int | None = None,
) -> ReviewMeetingInfo:
    r = _review(session, review_id)
    when = _starts_at(starts_at)
    _check_meeting_clash(session, r.id, when, None)
    m = ReviewMeeting(
        id=review_meeting_id, review_id=r.id, starts_at=when, venue=" ".join(venue.split()),
        notes=notes.strip(),
    )
    session.add(m)
    session.flush()
    session.expire(r, ["meetings"])
    return review_meeting_info(m)


def update_review_meeting(
    session: Session,
    *,
    review_meeting_id: int,
    expected_version: int | None = None,
    starts_at: dt.datetime | None = None,
    venue: str | None = None,
    notes: str | None = None,
) -> Edited[ReviewMeetingInfo]:
    m = _review_meeting(session, review_meeting_id, expected_version)
    before = review_meeting_info(m)
    if starts_at is not None:
        when = _starts_at(starts_at)
        _check_meeting_clash(session, m.review_id, when, m.id)
        m.starts_at = when
    if venue is not None:
        m.venue = " ".join(venue.split())
    if notes is not None:
        m.notes = notes.strip()
    session.flush()
    session.expire(m.review, ["meetings"])
    return Edited(before, review_meeting_info(m))


def revert_review_meeting(
    session: Session, *, info: ReviewMeetingInfo, expected_version: int | None = None
) -> ReviewMeetingInfo:
    return update_review_meeting(
        session, review_meeting_id=info.id, starts_at=info.starts_at, venue=info.venue,
        notes=info.notes, expected_version=expected_version,
    ).after


def delete_review_meeting(
    session: Session, *, review_meeting_id: int, expected_version: int | None = None
) -> ReviewMeetingInfo:
    m = _review_meeting(session, review_meeting_id, expected_version)
    info = review_meeting_info(m)
    review = m.review
    session.delete(m)
    session.flush()
    session.expire(review, ["meetings"])
    return info


def restore_review_meeting(session: Session, *, info: ReviewMeetingInfo) -> ReviewMeetingInfo:
    return add_review_meeting(
        session, review_id=info.review_id, starts_at=info.starts_at, venue=info.venue,
        notes=info.notes, review_meeting_id=info.id,
    )


# --- recommendations --------------------------------------------------------------------------


def add_recommendation(
    session: Session,
    *,
    review_id: int,
    text: str,
    number: int | None = None,
    response: str = "pending",
    response_on: dt.date | None = None,
    response_text: str = "",
    follow_up_on: dt.date | None = None,
    recommendation_id: int | None = None,
) -> RecommendationInfo:
    """Add a recommendation, numbered after the last one unless ``number`` is given."""
    r = _review(session, review_id)
    if number is None:
        number = max((x.number for x in r.recommendations), default=0) + 1
    values = validate_recommendation(
        {
            "number": number,
            "text": text,
            "response": response,
            "response_on": response_on,
            "response_text": response_text,
            "follow_up_on": follow_up_on,
        }
    )
    _check_recommendation(values)
    _check_number(session, r.id, values["number"], None)
    x = Recommendation(id=recommendation_id, review_id=r.id, **values)
    session.add(x)
    session.flush()
    session.expire(r, ["recommendations"])
    return recommendation_info(x)


def recommendation_fields(info: RecommendationInfo) -> dict[str, Any]:
    return {key: getattr(info, key) for key in RECOMMENDATION_FIELDS}


def update_recommendation(
    session: Session,
    *,
    recommendation_id: int,
    expected_version: int | None = None,
    **fields: Any,
) -> Edited[RecommendationInfo]:
    """Change a recommendation's number, text, executive response or follow-up date."""
    x = get(session, Recommendation, recommendation_id, expected_version)
    before = recommendation_info(x)
    values = validate_recommendation(fields)
    merged = {**recommendation_fields(before), **values}
    merged["response"] = ExecutiveResponse(merged["response"])
    _check_recommendation(merged)
    if "number" in values:
        _check_number(session, x.review_id, values["number"], x.id)
    for key, value in values.items():
        if getattr(x, key) != value:
            setattr(x, key, value)
    session.flush()
    session.expire(x.review, ["recommendations"])
    return Edited(before, recommendation_info(x))


def revert_recommendation(
    session: Session, *, info: RecommendationInfo, expected_version: int | None = None
) -> RecommendationInfo:
    return update_recommendation(
        session, recommendation_id=info.id, expected_version=expected_version,
        **recommendation_fields(info),
    ).after


def delete_recommendation(
    session: Session, *, recommendation_id: int, expected_version: int | None = None
) -> RecommendationInfo:
    x = get(session, Recommendation, recommendation_id, expected_version)
    info = recommendation_info(x)
    review = x.review
    session.delete(x)
    session.flush()
    session.expire(review, ["recommendations"])
    return info


def restore_recommendation(session: Session, *, info: RecommendationInfo) -> RecommendationInfo:
    r = _review(session, info.review_id)
    _check_number(session, r.id, info.number, None)
    x = _recommendation_from(info, session)
    x.review_id = r.id
    session.add(x)
    session.flush()
    session.expire(r, ["recommendations"])
    return recommendation_info(x)


# --- follow-up on the work programme ----------------------------------------------------------

_FOLLOW_UP_SOURCES = (SourceKind.RESOLUTION, SourceKind.REFERRAL)


def follow_up_reason(review_title: str, x: RecommendationInfo) -> str:
    """The recommendation and the executive's response, as the programme's reason.

    Takes the plain value, so the GUI can show the reason it will save before saving it.
    """
    text = f"{review_title} review, recommendation {x.number}: {x.text}"
    response_value = ExecutiveResponse(x.response).value
    if response_value == ExecutiveResponse.PENDING.value:
        return f"{text}\nExecutive response: pending."
    when = f" on {long_date(x.response_on)}" if x.response_on else ""
    response = f"\nExecutive response: {response_value}{when}."
    if x.response_text:
        response += f" {x.response_text}"
    return text + response


def add_follow_up_to_programme(
    session: Session,
    *,
    recommendation_id: int,
    title: str | None = None,
    reason: str | None = None,
    meeting_id: int | None = None,
    in_months: int | None = None,
    source_kind: str = "resolution",
    today: dt.date | None = None,
) -> ProgrammeAddition:
    """Put a recommendation's follow-up on the work programme, in one action.

    It is booked onto ``meeting_id``; or onto the first meeting in ``in_months`` months' time
    from the executive's response (else the report, else today); or onto the first meeting on or
    after the recommendation's follow-up date; with no meeting it waits to be scheduled, needed by
    that date. Undo with :func:`undo_add_follow_up`.
    """
    x = get(session, Recommendation, recommendation_id)
    review = x.review
    today = today or dt.date.today()
    kind = _enum(SourceKind, source_kind, "source_kind", "source")
    if kind not in _FOLLOW_UP_SOURCES:
        raise Invalid(
            "A follow-up comes from a resolution or a referral; choose one of those.",
            "source_kind",
        )
    from_date = x.response_on or review.reported_on or today
    meeting, needed_by, why = resolve_placement(
        session,
        committee_id=review.committee_id,
        meeting_id=meeting_id,
        in_months=in_months,
        from_date=from_date,
        on_or_after=x.follow_up_on if meeting_id is None and in_months is None else None,
    )
    return _add_follow_up(
        session, x, meeting, needed_by, why, from_date,
        title=title, reason=reason, meeting_id=meeting_id, in_months=in_months, kind=kind,
        today=today,
    )


def _add_follow_up(
    session: Session,
    x: Recommendation,
    meeting: Meeting | None,
    needed_by: dt.date | None,
    why: str,
    from_date: dt.date,
    *,
    title: str | None,
    reason: str | None,
    meeting_id: int | None,
    in_months: int | None,
    kind: SourceKind,
    today: dt.date,
    ids: ProgrammeAddition | None = None,
) -> ProgrammeAddition:
    review = x.review
    chosen = (
        title
        if title is not None and title.strip()
        else f"{review.title} \u2013 follow-up of recommendation {x.number}"
    )
    topic, entry_id, year = create_programme_topic(
        session,
        committee_id=review.committee_id,
        meeting=meeting,
        needed_by=needed_by,
        year_from=from_date,
        fields={
            "title": chosen,
            "reason": (reason if reason is not None else follow_up_reason(review.title, recommendation_info(x))).strip(),
            "responsible": review.lead_officer,
            "source_kind": kind,
            "source_ref": f"{review.title} review, recommendation {x.number}",
            "added_on": today,
        },
        exemption=review_exemption(session, review.id),
        topic_id=ids.topic_id if ids else None,
        entry_id=ids.entry_id if ids else None,
    )
    previous = x.follow_up_topic_id
    x.follow_up_topic_id = topic.id
    session.flush()
    return left_at(session, ProgrammeAddition(
        topic_id=topic.id,
        entry_id=entry_id,
        meeting_id=meeting.id if meeting else None,
        meeting_date=meeting.starts_at.date() if meeting else None,
        needed_by=needed_by,
        year_start=year,
        message=placement_message(topic.title, meeting, needed_by, why, year),
        recommendation_id=x.id,
        previous_follow_up_topic_id=previous,
        title=title,
        reason=reason,
        requested_meeting_id=meeting_id,
        in_months=in_months,
        today=today,
        source_kind=kind.value,
    ))


def undo_add_follow_up(
    session: Session, *, addition: ProgrammeAddition, expected: ProgrammeAddition | None = None
) -> ProgrammeAddition:
    """Remove the topic (and entry) a follow-up created and put back the previous link."""
    return undo_add_to_work_programme(session, addition=addition, expected=expected)


def redo_add_follow_up(
    session: Session, *, addition: ProgrammeAddition, expected: ProgrammeAddition | None = None
) -> ProgrammeAddition:
    """Make the same follow-up topic and entry again, with the same ids, after an undo
    (checking ``expected`` as :func:`undo_add_to_work_programme` does)."""
    if addition.recommendation_id is None:
        raise Invalid("This addition did not come from a recommendation.")
    check_left(session, expected)
    x = get(session, Recommendation, addition.recommendation_id)
    meeting = get(session, Meeting, addition.meeting_id) if addition.meeting_id else None
    today = addition.today or dt.date.today()
    again = _add_follow_up(
        session, x, meeting, addition.needed_by, "",
        x.response_on or x.review.reported_on or today,
        title=addition.title,
        reason=addition.reason,
        meeting_id=addition.requested_meeting_id,
        in_months=addition.in_months,
        kind=SourceKind(addition.source_kind or "resolution"),
        today=today,
        ids=addition,
    )
    return replace(again, message=addition.message)

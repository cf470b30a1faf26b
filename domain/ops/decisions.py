"""Tracking decisions: the resolutions of a committee's meetings, followed until done.

Each resolution has a minute number, the meeting's date, a title, the resolution text, a target
date, the officer responsible, dated progress notes, a status (ongoing or complete) and an
optional RAG mark. Whether it is overdue is never stored: it is worked out against ``today``.

A resolution that asks for an item on the work programme ("requested that the School Attendance
Consultation is added to the work programme for discussion in September 2019") becomes a topic in
one action, :func:`add_to_work_programme`, which also records the progress and can be undone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ..dates import date_field, long_date, month_year
from ..decision_values import (
    DecisionInfo,
    Edited,
    LinkedTopic,
    ProgrammeAddition,
    ProgressNoteInfo,
)
from ..errors import Invalid, NotFound
from ..exemption import Exemption, decision_exemption
from ..models import (
    Committee,
    Decision,
    DecisionStatus,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    ProgressNote,
    Rag,
    Recommendation,
    SourceKind,
    Topic,
    TopicKind,
    TopicStatus,
)
from ..years import municipal_year_of, start_month, year_bounds
from . import planning
from . import topics as topic_ops
from .convert import changed_since, get
from .planning import resolve_placement

EDITABLE = (
    "meeting_id",
    "meeting_date",
    "minute_no",
    "title",
    "resolution",
    "target_date",
    "officer",
    "status",
    "rag",
)



# --- formatting -------------------------------------------------------------------------------


def target_label(day: dt.date | None) -> str:
    """How the tracking document prints a target date.

    The council writes most targets as a month ("Date: July 2019") and some as a day ("Date:
    10 July 2019"); a month is stored as its last day, so a last day prints as the month.
    """
    if day is None:
        return ""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return month_year(day)
    return long_date(day)


def source_ref_for(minute_no: str, meeting_date: dt.date) -> str:
    """'Minute 17, 10 July 2019': where a topic created from a resolution came from."""
    if minute_no:
        return f"Minute {minute_no}, {long_date(meeting_date)}"
    return f"Resolution of {long_date(meeting_date)}"


def _minute_key(minute_no: str) -> tuple[int, str]:
    # "9" before "17" before "17(2)"; minutes without a number sort first, as printed.
    m = re.match(r"\s*(\d+)", minute_no)
    return (int(m.group(1)) if m else -1, minute_no)


# --- ORM rows to values -----------------------------------------------------------------------


def note_info(n: ProgressNote) -> ProgressNoteInfo:
    return ProgressNoteInfo(
        id=n.id, version=n.version, decision_id=n.decision_id, noted_on=n.noted_on, text=n.text
    )


def is_overdue(status: DecisionStatus | str, target: dt.date | None, today: dt.date) -> bool:
    """Ongoing and past its target date; a complete resolution is never overdue."""
    return DecisionStatus(status) == DecisionStatus.ONGOING and target is not None and target < today


def linked_topics(session: Session, topic_ids: Iterable[int]) -> dict[int, LinkedTopic]:
    """Topics by id, each with the dates of the meetings it is booked onto, in two queries."""
    ids = list(set(topic_ids))
    if not ids:
        return {}
    dates: dict[int, list[dt.date]] = defaultdict(list)
    for tid, starts_at in session.execute(
        select(ProgrammeEntry.topic_id, Meeting.starts_at)
        .join(Meeting, Meeting.id == ProgrammeEntry.meeting_id)
        .where(ProgrammeEntry.topic_id.in_(ids))
        .order_by(Meeting.starts_at)
    ):
        dates[tid].append(starts_at.date())
    return {
        t.id: LinkedTopic(
            id=t.id,
            title=t.title,
            status=t.status.value,
            year_start=t.year_start,
            meeting_dates=tuple(dates[t.id]),
            needed_by=t.needed_by,
        )
        for t in session.scalars(select(Topic).where(Topic.id.in_(ids)))
    }


def _topics_by_decision(session: Session, decision_ids: list[int]) -> dict[int, list[LinkedTopic]]:
    if not decision_ids:
        return {}
    pairs = list(
        session.execute(
            select(Topic.decision_id, Topic.id)
            .where(Topic.decision_id.in_(decision_ids))
            .order_by(Topic.id)
        )
    )
    infos = linked_topics(session, (tid for _, tid in pairs))
    out: dict[int, list[LinkedTopic]] = defaultdict(list)
    for did, tid in pairs:
        assert did is not None  # the query selects linked topics only
        out[did].append(infos[tid])
    return out


def decision_info(
    d: Decision, today: dt.date, topics: Iterable[LinkedTopic] = ()
) -> DecisionInfo:
    return DecisionInfo(
        id=d.id,
        version=d.version,
        committee_id=d.committee_id,
        meeting_id=d.meeting_id,
        meeting_date=d.meeting_date,
        minute_no=d.minute_no,
        title=d.title,
        resolution=d.resolution,
        target_date=d.target_date,
        target_label=target_label(d.target_date),
        officer=d.officer,
        status=d.status,
        rag=d.rag,
        overdue=is_overdue(d.status, d.target_date, today),
        progress=tuple(note_info(n) for n in d.progress),
        topics=tuple(topics),
    )


def _infos(session: Session, decisions: list[Decision], today: dt.date) -> list[DecisionInfo]:
    links = _topics_by_decision(session, [d.id for d in decisions])
    return [decision_info(d, today, links.get(d.id, ())) for d in decisions]


def _info(session: Session, d: Decision, today: dt.date | None = None) -> DecisionInfo:
    session.flush()
    session.refresh(d, ["progress"])
    return _infos(session, [d], today or dt.date.today())[0]


# --- validation -------------------------------------------------------------------------------


def validate(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise resolution fields; raises Invalid naming the field at fault."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise Invalid(f"A resolution has no field '{key}'.", key)
        if key in ("title", "officer", "minute_no"):
            value = " ".join((value or "").split())
        elif key == "resolution":
            value = (value or "").strip()
        elif key == "meeting_date":
            value = date_field(value, key, "meeting date")
        elif key == "target_date":
            value = date_field(value, key, "target date")
        elif key == "status":
            try:
                value = DecisionStatus(value)
            except ValueError:
                raise Invalid(
                    f"'{value}' is not a progress status; choose ongoing or complete.", key
                ) from None
        elif key == "rag":
            if value in (None, ""):
                value = None
            else:
                try:
                    value = Rag(str(value).lower())
                except ValueError:
                    raise Invalid(
                        f"'{value}' is not a RAG mark; choose green (achieved), amber "
                        "(progressing), red (not achieved) or none.",
                        key,
                    ) from None
        out[key] = value
    if "title" in out:
        if not out["title"]:
            raise Invalid("A resolution needs the item title it was made under.", "title")
        if len(out["title"]) > 400:
            raise Invalid("A title can be at most 400 characters.", "title")
    if len(out.get("minute_no") or "") > 20:
        raise Invalid("A minute number can be at most 20 characters, e.g. 17 or 27(2).", "minute_no")
    if len(out.get("officer") or "") > 300:
        raise Invalid("The officer responsible can be at most 300 characters.", "officer")
    return out


def _settle_meeting(session: Session, committee_id: int, values: dict[str, Any]) -> None:
    """Make ``meeting_id`` and ``meeting_date`` agree.

    A chosen meeting gives the date; a date alone is linked to the committee's meeting on that
    day when there is one (older resolutions may predate the meetings in the database).
    """
    meeting_id = values.get("meeting_id")
    if meeting_id is not None:
        m = session.get(Meeting, meeting_id)
        if m is None or m.committee_id != committee_id:
            raise Invalid("Choose one of this committee's meetings.", "meeting_id")
        day = m.starts_at.date()
        if values.get("meeting_date") not in (None, day):
            raise Invalid(
                f"The meeting chosen was on {long_date(day)}, not "
                f"{long_date(values['meeting_date'])}; choose the meeting or the date.",
                "meeting_date",
            )
        values["meeting_date"] = day
        return
    given = values.get("meeting_date")
    if given is None:
        raise Invalid("Give the date of the meeting that made the resolution.", "meeting_date")
    start = dt.datetime.combine(given, dt.time.min)
    candidates = list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.committee_id == committee_id,
                Meeting.starts_at >= start,
                Meeting.starts_at < start + dt.timedelta(days=1),
            )
            .order_by(Meeting.starts_at)
        )
    )
    held = [m for m in candidates if m.status != MeetingStatus.CANCELLED] or candidates
    values["meeting_id"] = held[0].id if held else None


# --- reading ----------------------------------------------------------------------------------


def _query() -> Select[Decision]:
    return select(Decision).options(selectinload(Decision.progress))


def _sorted(decisions: Iterable[Decision]) -> list[Decision]:
    return sorted(decisions, key=lambda d: (d.meeting_date, _minute_key(d.minute_no), d.id))


def list_decisions(
    session: Session,
    *,
    committee_id: int,
    meeting_id: int | None = None,
    meeting_date: dt.date | None = None,
    year_start: int | None = None,
    status: str | None = None,
    today: dt.date | None = None,
) -> list[DecisionInfo]:
    """The committee's resolutions in minute order: all, of one meeting (by id or date), of
    one municipal year, or only ongoing/complete ones."""
    get(session, Committee, committee_id)
    q = _query().where(Decision.committee_id == committee_id)
    if meeting_id is not None:
        q = q.where(Decision.meeting_id == meeting_id)
    if meeting_date is not None:
        q = q.where(Decision.meeting_date == meeting_date)
    if year_start is not None:
        begins, ends = year_bounds(year_start, start_month(session))
        q = q.where(Decision.meeting_date >= begins, Decision.meeting_date < ends)
    if status is not None:
        q = q.where(Decision.status == validate({"status": status})["status"])
    return _infos(session, _sorted(session.scalars(q)), today or dt.date.today())


def get_decision(
    session: Session, *, decision_id: int, today: dt.date | None = None
) -> DecisionInfo:
    """One resolution with its progress (newest first) and the topics created from it."""
    return _infos(session, [get(session, Decision, decision_id)], today or dt.date.today())[0]


def open_decisions(
    session: Session, *, committee_id: int, today: dt.date | None = None
) -> list[DecisionInfo]:
    """Every ongoing resolution of the committee, across its years, soonest target first
    (resolutions with no target date last), each flagged when overdue."""
    get(session, Committee, committee_id)
    rows = session.scalars(
        _query().where(
            Decision.committee_id == committee_id, Decision.status == DecisionStatus.ONGOING
        )
    )
    ordered = sorted(
        rows,
        key=lambda d: (
            d.target_date is None,
            d.target_date or dt.date.max,
            d.meeting_date,
            _minute_key(d.minute_no),
            d.id,
        ),
    )
    return _infos(session, ordered, today or dt.date.today())


def topic_origin(
    session: Session, *, topic_id: int, today: dt.date | None = None
) -> DecisionInfo | None:
    """The resolution a topic was created from, or None."""
    t = get(session, Topic, topic_id)
    if t.decision_id is None:
        return None
    d = session.get(Decision, t.decision_id)
    return None if d is None else get_decision(session, decision_id=d.id, today=today)


# --- editing ----------------------------------------------------------------------------------


def create_decision(
    session: Session,
    *,
    committee_id: int,
    title: str,
    meeting_date: dt.date | None = None,
    meeting_id: int | None = None,
    minute_no: str = "",
    resolution: str = "",
    target_date: dt.date | None = None,
    officer: str = "",
    status: str = "ongoing",
    rag: str | None = None,
    decision_id: int | None = None,
    today: dt.date | None = None,
) -> DecisionInfo:
    """Record a resolution. ``decision_id`` re-creates one with its old id (redo)."""
    get(session, Committee, committee_id)
    values = validate(
        {
            "title": title,
            "meeting_date": meeting_date,
            "meeting_id": meeting_id,
            "minute_no": minute_no,
            "resolution": resolution,
            "target_date": target_date,
            "officer": officer,
            "status": status,
            "rag": rag,
        }
    )
    _settle_meeting(session, committee_id, values)
    d = Decision(id=decision_id, committee_id=committee_id, **values)
    session.add(d)
    return _info(session, d, today)


def decision_fields(info: DecisionInfo) -> dict[str, Any]:
    """A resolution's editable fields, e.g. to put them back when an edit is undone."""
    return {key: getattr(info, key) for key in EDITABLE}


def update_decision(
    session: Session,
    *,
    decision_id: int,
    expected_version: int | None = None,
    today: dt.date | None = None,
    **fields: Any,
) -> Edited[DecisionInfo]:
    """Change a resolution's fields; undo by passing ``before``'s fields back."""
    d = get(session, Decision, decision_id, expected_version)
    before = _info(session, d, today)
    values = validate(fields)
    if "meeting_id" in values or "meeting_date" in values:
        # A new date alone relinks to that day's meeting; a new meeting sets the date;
        # unlinking the meeting keeps the date.
        settled = {
            "meeting_id": values.get("meeting_id"),
            "meeting_date": values.get("meeting_date"),
        }
        if settled["meeting_date"] is None and settled["meeting_id"] is None:
            settled["meeting_date"] = d.meeting_date
        _settle_meeting(session, d.committee_id, settled)
        values.update(settled)
    for key, value in values.items():
        if getattr(d, key) != value:
            setattr(d, key, value)
    return Edited(before, _info(session, d, today))


def set_status(
    session: Session,
    *,
    decision_id: int,
    status: str,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Edited[DecisionInfo]:
    """Mark a resolution ongoing or complete."""
    return update_decision(
        session, decision_id=decision_id, expected_version=expected_version, today=today,
        status=status,
    )


def delete_decision(
    session: Session, *, decision_id: int, expected_version: int | None = None, today: dt.date | None = None
) -> DecisionInfo:
    """Delete a resolution and its progress notes; returns it whole, for :func:`restore_decision`.

    Topics created from it stay on the programme; they just lose the link.
    """
    d = get(session, Decision, decision_id, expected_version)
    info = get_decision(session, decision_id=decision_id, today=today)
    # Unlink through the ORM rather than relying on ON DELETE SET NULL, so topics already
    # loaded in this session do not keep a dangling id.
    for t in session.scalars(select(Topic).where(Topic.decision_id == d.id)):
        t.decision_id = None
    session.delete(d)
    session.flush()
    return info


def restore_decision(
    session: Session, *, info: DecisionInfo, today: dt.date | None = None
) -> DecisionInfo:
    """Put back a deleted resolution with its old id, progress notes and topic links."""
    if session.get(Decision, info.id) is not None:
        raise Invalid("That resolution is already there.")
    get(session, Committee, info.committee_id)
    values = validate(decision_fields(info))
    if values["meeting_id"] is not None and session.get(Meeting, values["meeting_id"]) is None:
        values["meeting_id"] = None
    d = Decision(id=info.id, committee_id=info.committee_id, **values)
    d.progress = [ProgressNote(id=n.id, noted_on=n.noted_on, text=n.text) for n in info.progress]
    session.add(d)
    session.flush()
    wanted = [t.id for t in info.topics]
    if wanted:
        # A topic linked to another resolution since the delete keeps that link.
        for t in session.scalars(
            select(Topic).where(Topic.id.in_(wanted), Topic.decision_id.is_(None))
        ):
            t.decision_id = d.id
    return _info(session, d, today)


# --- progress notes ---------------------------------------------------------------------------


def _note_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid("Write the progress to note, e.g. 'Request for information emailed'.", "text")
    return text


def add_progress_note(
    session: Session,
    *,
    decision_id: int,
    text: str,
    noted_on: dt.date | None = None,
    note_id: int | None = None,
) -> ProgressNoteInfo:
    """Add a dated progress entry (today by default). ``note_id`` re-creates a deleted one."""
    d = get(session, Decision, decision_id)
    n = ProgressNote(
        id=note_id,
        decision_id=d.id,
        noted_on=date_field(noted_on, "noted_on", "date") or dt.date.today(),
        text=_note_text(text),
    )
    session.add(n)
    session.flush()
    session.expire(d, ["progress"])
    return note_info(n)


def delete_progress_note(
    session: Session, *, note_id: int, expected_version: int | None = None
) -> ProgressNoteInfo:
    """Delete a progress entry; returns it, for :func:`restore_progress_note`."""
    n = get(session, ProgressNote, note_id, expected_version)
    info = note_info(n)
    d = n.decision
    session.delete(n)
    session.flush()
    session.expire(d, ["progress"])
    return info


def restore_progress_note(session: Session, *, note: ProgressNoteInfo) -> ProgressNoteInfo:
    return add_progress_note(
        session, decision_id=note.decision_id, text=note.text, noted_on=note.noted_on,
        note_id=note.id,
    )


# --- from a resolution to the work programme --------------------------------------------------


def create_programme_topic(
    session: Session,
    *,
    committee_id: int,
    meeting: Meeting | None,
    needed_by: dt.date | None,
    year_from: dt.date,
    fields: dict[str, Any],
    exemption: Exemption | None,
    decision_id: int | None = None,
    topic_id: int | None = None,
    entry_id: int | None = None,
) -> tuple[Topic, int | None, int]:
    """Create a topic and book it onto ``meeting``, or leave it to be scheduled.

    Returns (topic, entry id or None, municipal year). The year is the meeting's, else that of
    ``year_from`` (the date of the meeting that asked for the item). ``exemption`` is the
    exemption of the row the topic is made from: the topic inherits it, paragraph and all.
    """
    year = municipal_year_of(meeting.starts_at.date() if meeting else year_from, start_month(session))
    values = topic_ops.validate(
        {
            **fields,
            **(exemption.topic_fields() if exemption is not None else {}),
            "year_start": year,
            "kind": TopicKind.REPORT,
            "status": TopicStatus.TO_BE_SCHEDULED,
            "needed_by": needed_by,
        }
    )
    t = Topic(id=topic_id, committee_id=committee_id, decision_id=decision_id, **values)
    session.add(t)
    session.flush()
    entry = None
    if meeting is not None:
        entry = planning.book(
            session, topic_id=t.id, meeting_id=meeting.id, entry_id=entry_id
        ).entry.id
    return t, entry, year


def placement_message(
    title: str, meeting: Meeting | None, needed_by: dt.date | None, why: str, year: int
) -> str:
    if meeting is not None:
        return f"'{title}' is booked onto the meeting of {long_date(meeting.starts_at.date())}."
    short = f"{year}/{(year + 1) % 100:02d}"
    if needed_by is not None:
        return (
            f"There is {why}, so '{title}' is in the items to be scheduled {short}, "
            f"needed by {long_date(needed_by)}. Add the meeting, then book it."
        )
    return f"'{title}' is in the items to be scheduled {short}."


def add_to_work_programme(
    session: Session,
    *,
    decision_id: int,
    title: str | None = None,
    reason: str | None = None,
    meeting_id: int | None = None,
    in_months: int | None = None,
    today: dt.date | None = None,
) -> ProgrammeAddition:
    """Put what a resolution asks for on the work programme, in one action.

    The new topic comes from "Minute N, date" with the resolution as its reason (unless given)
    and the officer responsible; it is booked onto ``meeting_id``, or onto the first meeting in
    ``in_months`` months' time, or left to be scheduled. The resolution gets the progress note
    "Added to work programme" (with the meeting's date when booked) and is marked complete.
    """
    d = get(session, Decision, decision_id)
    today = today or dt.date.today()
    meeting, needed_by, why = resolve_placement(
        session,
        committee_id=d.committee_id,
        meeting_id=meeting_id,
        in_months=in_months,
        from_date=d.meeting_date,
    )
    return _add_resolution(
        session, d, meeting, needed_by, why,
        title=title, reason=reason, meeting_id=meeting_id, in_months=in_months, today=today,
    )


def _add_resolution(
    session: Session,
    d: Decision,
    meeting: Meeting | None,
    needed_by: dt.date | None,
    why: str,
    *,
    title: str | None,
    reason: str | None,
    meeting_id: int | None,
    in_months: int | None,
    today: dt.date,
    ids: ProgrammeAddition | None = None,
) -> ProgrammeAddition:
    chosen_title = title if title is not None and title.strip() else d.title
    topic, entry_id, year = create_programme_topic(
        session,
        committee_id=d.committee_id,
        meeting=meeting,
        needed_by=needed_by,
        year_from=d.meeting_date,
        fields={
            "title": chosen_title,
            "reason": (reason if reason is not None else d.resolution).strip(),
            "responsible": d.officer,
            "source_kind": SourceKind.RESOLUTION,
            "source_ref": source_ref_for(d.minute_no, d.meeting_date),
            "added_on": today,
        },
        exemption=decision_exemption(session, d.id),
        decision_id=d.id,
        topic_id=ids.topic_id if ids else None,
        entry_id=ids.entry_id if ids else None,
    )
    meeting_day = meeting.starts_at.date() if meeting else None
    text = "Added to work programme"
    text += f" for {long_date(meeting_day)}" if meeting_day else " (to be scheduled)"
    note = add_progress_note(
        session, decision_id=d.id, text=text, noted_on=today,
        note_id=ids.note_id if ids else None,
    )
    previous = d.status.value
    d.status = DecisionStatus.COMPLETE
    session.flush()
    return left_at(session, ProgrammeAddition(
        topic_id=topic.id,
        entry_id=entry_id,
        meeting_id=meeting.id if meeting else None,
        meeting_date=meeting_day,
        needed_by=needed_by,
        year_start=year,
        message=placement_message(topic.title, meeting, needed_by, why, year),
        decision_id=d.id,
        note_id=note.id,
        previous_status=previous,
        title=title,
        reason=reason,
        requested_meeting_id=meeting_id,
        in_months=in_months,
        today=today,
    ))


# The rows an addition makes or marks, by table (all versioned).
_LEFT: dict[str, type[Any]] = {m.__table__.name: m for m in (Topic, ProgrammeEntry, Decision, Recommendation)}


def left_at(session: Session, addition: ProgrammeAddition) -> ProgrammeAddition:
    """``addition`` with the versions its rows are at now (the rows that still exist)."""
    ids = {
        "topic": addition.topic_id, "programme_entry": addition.entry_id,
        "decision": addition.decision_id, "recommendation": addition.recommendation_id,
    }  # fmt: skip
    found = ((table, i, session.get(_LEFT[table], i)) for table, i in ids.items() if i is not None)
    return replace(addition, versions=tuple((table, i, row.version) for table, i, row in found if row is not None))


def check_left(session: Session, expected: ProgrammeAddition | None) -> None:
    """Raise the Conflict for the first row of ``expected.versions`` someone changed since
    (a row deleted since is left to the step itself to report)."""
    for table, row_id, version in expected.versions if expected is not None else ():
        row = session.get(_LEFT[table], row_id)
        if row is not None and row.version != version:
            raise changed_since(session, _LEFT[table], row_id)


def undo_add_to_work_programme(
    session: Session, *, addition: ProgrammeAddition, expected: ProgrammeAddition | None = None
) -> ProgrammeAddition:
    """Remove exactly what :func:`add_to_work_programme` (or a recommendation's follow-up)
    created, and put back the resolution's status or the recommendation's link; returns the
    addition with the versions the undo left, for redo to check.

    ``expected`` is the addition as the caller last left it: when someone changed one of its
    rows since, nothing is written and a Conflict names who."""
    check_left(session, expected)
    remove_programme_topic(session, addition)
    if addition.note_id is not None and session.get(ProgressNote, addition.note_id) is not None:
        delete_progress_note(session, note_id=addition.note_id)
    if addition.decision_id is not None and addition.previous_status is not None:
        d = get(session, Decision, addition.decision_id)
        d.status = DecisionStatus(addition.previous_status)
    if addition.recommendation_id is not None:
        r = get(session, Recommendation, addition.recommendation_id)
        r.follow_up_topic_id = addition.previous_follow_up_topic_id
    session.flush()
    return left_at(session, addition)


def remove_programme_topic(session: Session, addition: ProgrammeAddition) -> None:
    topic = session.get(Topic, addition.topic_id)
    if topic is None:
        raise NotFound(
            "The item added to the work programme has already been deleted, so there is "
            "nothing to undo."
        )
    if addition.entry_id is not None and session.get(ProgrammeEntry, addition.entry_id) is not None:
        planning.move_entry(session, entry_id=addition.entry_id, meeting_id=None)
    session.delete(topic)
    session.flush()


def redo_add_to_work_programme(
    session: Session, *, addition: ProgrammeAddition, expected: ProgrammeAddition | None = None
) -> ProgrammeAddition:
    """Make the same topic, entry and note again, with the same ids, after an undo (checking
    ``expected`` as :func:`undo_add_to_work_programme` does)."""
    if addition.decision_id is None:
        raise Invalid("This addition did not come from a resolution.")
    check_left(session, expected)
    d = get(session, Decision, addition.decision_id)
    meeting = get(session, Meeting, addition.meeting_id) if addition.meeting_id else None
    again = _add_resolution(
        session, d, meeting, addition.needed_by, "",
        title=addition.title,
        reason=addition.reason,
        meeting_id=addition.requested_meeting_id,
        in_months=addition.in_months,
        today=addition.today or dt.date.today(),
        ids=addition,
    )
    return replace(again, message=addition.message)

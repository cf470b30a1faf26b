from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.scheduling import (
    BookedItem,
    Candidate,
    Conflict,
    ConflictKind,
    MeetingSlot,
    Placement,
    Suggestion,
    conflicts,
    officer_names,
    suggest_schedule,
)

TODAY = date(2019, 9, 1)
HIGH, MEDIUM, LOW = 0, 1, 2


def meeting(
    id: int,
    day: date,
    *,
    items: int | None = 6,
    minutes: int | None = None,
    status: str = "scheduled",
    deadline: date | None = None,
) -> MeetingSlot:
    return MeetingSlot(
        id=id,
        day=day,
        status=status,
        capacity_items=items,
        capacity_minutes=minutes,
        report_deadline=deadline,
    )


def topic(
    id: int,
    band: int | None = MEDIUM,
    total: int | None = 3,
    added: date | None = date(2019, 7, 10),
    *,
    needed_by: date | None = None,
    minutes: int | None = None,
) -> Candidate:
    return Candidate(
        topic_id=id,
        title=f"Topic {id}",
        band_rank=band,
        total=total,
        added_on=added,
        needed_by=needed_by,
        minutes=minutes,
        responsible=None,
    )


def where(s: Suggestion) -> dict[int, int]:
    return {p.topic_id: p.meeting_id for p in s.placements}


SEPT = meeting(1, date(2019, 9, 11), items=2)
NOV = meeting(2, date(2019, 11, 13), items=2)
JAN = meeting(3, date(2020, 1, 8), items=2)


# --- Suggesting a schedule ------------------------------------------------------------------------


def test_higher_priority_topics_get_the_earlier_meetings() -> None:
    candidates = [
        topic(10, LOW, 2),
        topic(11, HIGH, 5),
        topic(12, MEDIUM, 3, date(2019, 7, 10)),
        topic(13, MEDIUM, 4),
        topic(14, HIGH, 6),
        topic(15, MEDIUM, 3, date(2019, 5, 29)),  # same score as 12 but waiting longer
    ]
    s = suggest_schedule(candidates, [JAN, SEPT, NOV], [], today=TODAY)
    assert where(s) == {14: 1, 11: 1, 13: 2, 15: 2, 12: 3, 10: 3}
    assert [p.topic_id for p in s.placements] == [14, 11, 13, 15, 12, 10]
    assert s.unplaced == ()


def test_unscored_topics_wait_behind_scored_ones() -> None:
    s = suggest_schedule(
        [topic(1, None, None), topic(2, LOW, 1), topic(3, LOW, None, None)],
        [meeting(1, date(2019, 9, 11), items=1), meeting(2, date(2019, 11, 13), items=5)],
        [],
        today=TODAY,
    )
    assert where(s) == {2: 1, 3: 2, 1: 2}
    assert [p.topic_id for p in s.placements] == [2, 3, 1]


def test_only_open_meetings_take_new_items() -> None:
    meetings = [
        meeting(1, date(2019, 8, 21)),  # already happened
        meeting(2, TODAY),  # today: too late to add to its agenda
        meeting(3, date(2019, 9, 4), deadline=date(2019, 8, 29)),  # reports already due
        meeting(4, date(2019, 9, 11), status="cancelled"),
        meeting(5, date(2019, 9, 18), deadline=TODAY),  # reports due today: still open
    ]
    s = suggest_schedule([topic(1)], meetings, [], today=TODAY)
    assert where(s) == {1: 5}


def test_existing_items_use_up_room_and_pinned_items_stay() -> None:
    existing = [
        Placement(entry_id=100, topic_id=50, meeting_id=1, pinned=True),
        Placement(entry_id=101, topic_id=51, meeting_id=1, pinned=False),
        Placement(entry_id=102, topic_id=52, meeting_id=2, pinned=True),
    ]
    s = suggest_schedule([topic(1), topic(2), topic(3)], [SEPT, NOV, JAN], existing, today=TODAY)
    assert where(s) == {1: 2, 2: 3, 3: 3}
    assert s.released_entry_ids == ()


def test_minutes_limit_a_meeting_as_well_as_items() -> None:
    meetings = [
        meeting(1, date(2019, 9, 11), items=None, minutes=120),
        meeting(2, date(2019, 11, 13), items=None, minutes=120),
    ]
    candidates = [topic(1, HIGH, minutes=60), topic(2, MEDIUM, minutes=90), topic(3, LOW)]
    s = suggest_schedule(candidates, meetings, [], today=TODAY, default_minutes=45)
    # 60 + 90 does not fit in 120; the 45-minute default does.
    assert where(s) == {1: 1, 2: 2, 3: 1}


def test_a_needed_by_date_is_respected_and_explained_when_impossible() -> None:
    candidates = [
        topic(1, HIGH, 6, needed_by=date(2019, 9, 30)),
        topic(2, HIGH, 6, needed_by=date(2019, 9, 30)),
        topic(3, LOW, 1, needed_by=date(2019, 11, 30)),
        topic(4, LOW, 1, needed_by=date(2019, 9, 20)),
        topic(5, LOW, 1, needed_by=date(2019, 9, 5)),
    ]
    s = suggest_schedule(candidates, [SEPT, NOV, JAN], [], today=TODAY)
    assert where(s) == {1: 1, 2: 1, 3: 2}
    reasons = {u.topic_id: u.reason_text for u in s.unplaced}
    # September is full of topics that are needed in September too, so nothing can move.
    assert reasons[4] == (
        "Needed by 20 Sept 2019, but every meeting open for bookings by then is full. "
        "Make room, add a meeting or book it over capacity."
    )
    assert reasons[5] == (
        "Needed by 5 Sept 2019, but the first meeting open for bookings is 11 Sept 2019."
    )


def test_a_topic_that_can_wait_makes_room_for_one_needed_sooner() -> None:
    # The High topics would fill September; the Low one must be heard before 20 Sept.
    candidates = [
        topic(1, HIGH, 6),
        topic(2, HIGH, 5, needed_by=date(2019, 12, 31)),
        topic(3, LOW, 1, needed_by=date(2019, 9, 20)),
    ]
    s = suggest_schedule(candidates, [SEPT, NOV, JAN], [], today=TODAY)
    assert where(s) == {1: 1, 3: 1, 2: 2}
    reasons = {p.topic_id: p.reason for p in s.placements}
    assert reasons[2] == (
        "Moved to 13 Nov 2019 to make room for 'Topic 3', which is needed by 20 Sept 2019."
    )
    assert reasons[3] == "Needed by 20 Sept 2019; 'Topic 2' moved to 13 Nov 2019 to make room."


def test_nothing_goes_over_capacity_unless_forced() -> None:
    meetings = [meeting(1, date(2019, 9, 11), items=1), meeting(2, date(2019, 11, 13), items=2)]
    existing = [Placement(entry_id=7, topic_id=70, meeting_id=2, pinned=True)]
    candidates = [topic(1, HIGH), topic(2, MEDIUM), topic(3, LOW), topic(4, LOW)]
    normal = suggest_schedule(candidates, meetings, existing, today=TODAY)
    assert where(normal) == {1: 1, 2: 2}
    assert {u.topic_id for u in normal.unplaced} == {3, 4}
    assert all("full" in u.reason_text for u in normal.unplaced)

    forced = suggest_schedule(candidates, meetings, existing, today=TODAY, force=True)
    assert forced.unplaced == ()
    # Overflow is shared out rather than piled onto one meeting.
    assert Counter(where(forced).values()) == {1: 2, 2: 2}
    assert "over capacity" in next(p.reason for p in forced.placements if p.topic_id == 3)


def test_forcing_still_never_books_a_cancelled_meeting_or_misses_a_deadline() -> None:
    meetings = [meeting(1, date(2019, 9, 11), status="cancelled"), NOV]
    s = suggest_schedule(
        [topic(1, needed_by=date(2019, 10, 1))], meetings, [], today=TODAY, force=True
    )
    assert s.placements == ()
    assert s.unplaced[0].topic_id == 1


def test_a_topic_longer_than_any_meeting_says_so() -> None:
    s = suggest_schedule(
        [topic(1, minutes=240)],
        [meeting(1, date(2019, 9, 11), minutes=180), meeting(2, date(2019, 11, 13), minutes=150)],
        [],
        today=TODAY,
    )
    assert s.unplaced[0].reason_text == (
        "It needs 240 minutes, longer than any meeting allows (180 minutes at most)."
    )


def test_no_meetings_at_all_is_explained() -> None:
    s = suggest_schedule([topic(1)], [], [], today=TODAY)
    assert "Add a meeting" in s.unplaced[0].reason_text


def test_earlier_unpinned_suggestions_are_planned_again() -> None:
    # Topic 1 was suggested for January; a place opened up in September since.
    existing = [
        Placement(entry_id=11, topic_id=1, meeting_id=3, pinned=False),
        Placement(entry_id=12, topic_id=2, meeting_id=2, pinned=False),
        Placement(entry_id=13, topic_id=2, meeting_id=3, pinned=False),
    ]
    s = suggest_schedule([topic(1, HIGH), topic(2, LOW)], [SEPT, NOV, JAN], existing, today=TODAY)
    by_topic = {p.topic_id: p for p in s.placements}
    assert (by_topic[1].meeting_id, by_topic[1].entry_id) == (1, 11)  # same entry, moved
    assert (by_topic[2].meeting_id, by_topic[2].entry_id) == (1, 12)
    assert s.released_entry_ids == (13,)


def test_a_topic_booked_by_hand_is_left_where_it_is() -> None:
    existing = [Placement(entry_id=5, topic_id=1, meeting_id=3, pinned=True)]
    s = suggest_schedule([topic(1, HIGH, 6)], [SEPT, NOV, JAN], existing, today=TODAY)
    (p,) = s.placements
    assert (p.meeting_id, p.entry_id) == (3, 5)
    assert p.reason == "Booked by hand for 8 Jan 2020; left where it is."


def test_a_topic_heard_before_can_come_back() -> None:
    # Heard in July (pinned, history); the progress report needs a new slot.
    july = meeting(9, date(2019, 7, 10), status="held")
    existing = [Placement(entry_id=5, topic_id=1, meeting_id=9, pinned=True)]
    s = suggest_schedule([topic(1)], [july, SEPT], existing, today=TODAY)
    assert s.placements[0].meeting_id == 1
    assert s.placements[0].entry_id is None


def test_repeated_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="Candidate topic 1 is given twice"):
        suggest_schedule([topic(1), topic(1)], [SEPT], [], today=TODAY)
    with pytest.raises(ValueError, match="Meeting 1 is given twice"):
        suggest_schedule([topic(1)], [SEPT, SEPT], [], today=TODAY)


# --- Properties of suggestions ----------------------------------------------------------------------


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, object]:
    today = TODAY
    meeting_ids = draw(st.lists(st.integers(1, 500), unique=True, max_size=8))
    meetings = []
    for mid in meeting_ids:
        day = today + timedelta(days=draw(st.integers(-30, 150)))
        deadline = draw(st.none() | st.integers(0, 20).map(lambda k, d=day: d - timedelta(k)))
        meetings.append(
            MeetingSlot(
                id=mid,
                day=day,
                status=draw(
                    st.sampled_from(["scheduled", "scheduled", "moved", "cancelled", "held"])
                ),
                capacity_items=draw(st.none() | st.integers(0, 4)),
                capacity_minutes=draw(st.none() | st.integers(0, 150)),
                report_deadline=deadline,
            )
        )
    topic_ids = draw(st.lists(st.integers(1, 300), unique=True, max_size=14))
    minutes = {t: draw(st.none() | st.integers(0, 90)) for t in topic_ids}
    candidate_ids = [t for t in topic_ids if draw(st.booleans())]
    candidates = [
        Candidate(
            topic_id=t,
            title=f"Topic {t}",
            band_rank=draw(st.none() | st.integers(0, 2)),
            total=draw(st.none() | st.integers(0, 6)),
            added_on=draw(st.none() | st.dates(date(2018, 1, 1), date(2019, 8, 31))),
            needed_by=draw(st.none() | st.dates(date(2019, 8, 1), date(2020, 2, 1))),
            minutes=minutes[t],
            responsible=None,
        )
        for t in candidate_ids
    ]
    placements = []
    if meetings and topic_ids:
        for entry_id in range(1, draw(st.integers(0, 12)) + 1):
            t = draw(st.sampled_from(topic_ids))
            placements.append(
                Placement(
                    entry_id=entry_id,
                    topic_id=t,
                    meeting_id=draw(st.sampled_from(meeting_ids)),
                    pinned=draw(st.booleans()),
                    minutes=minutes[t],
                )
            )
    return {
        "candidates": candidates,
        "meetings": meetings,
        "placements": placements,
        "today": today,
        "default_minutes": draw(st.integers(0, 60)),
        "force": draw(st.booleans()),
    }


def _final_state(
    s: Suggestion, existing: list[Placement], candidates: list[Candidate]
) -> list[Placement]:
    """The programme after the caller has carried out the suggestion."""
    minutes = {c.topic_id: c.minutes for c in candidates}
    released = set(s.released_entry_ids)
    final = {p.entry_id: p for p in existing if p.entry_id not in released}
    new: list[Placement] = []
    for prop in s.placements:
        if prop.entry_id is None:
            new.append(
                Placement(None, prop.topic_id, prop.meeting_id, False, minutes[prop.topic_id])
            )
        else:
            final[prop.entry_id] = replace(final[prop.entry_id], meeting_id=prop.meeting_id)
    return [*final.values(), *new]


def _load(state: list[Placement], meeting_id: int, default_minutes: int) -> tuple[int, int]:
    here = [p for p in state if p.meeting_id == meeting_id]
    return len(here), sum(default_minutes if p.minutes is None else p.minutes for p in here)


def _fits(m: MeetingSlot, items: int, minutes: int) -> bool:
    return (m.capacity_items is None or items <= m.capacity_items) and (
        m.capacity_minutes is None or minutes <= m.capacity_minutes
    )


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_suggestions_never_overfill_a_meeting_unless_forced(sc: dict) -> None:
    s = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    final = _final_state(s, sc["placements"], sc["candidates"])
    if sc["force"]:
        return
    before = {(p.entry_id, p.meeting_id) for p in sc["placements"]}
    for m in sc["meetings"]:
        items, minutes = _load(final, m.id, sc["default_minutes"])
        arrivals = [p for p in final if p.meeting_id == m.id and (p.entry_id, m.id) not in before]
        if arrivals:
            assert _fits(m, items, minutes), (m, arrivals)


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_pinned_entries_are_never_moved_or_removed(sc: dict) -> None:
    s = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    pinned = {p.entry_id: p.meeting_id for p in sc["placements"] if p.pinned}
    assert not pinned.keys() & set(s.released_entry_ids)
    for prop in s.placements:
        if prop.entry_id in pinned:
            assert prop.meeting_id == pinned[prop.entry_id]


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_the_same_programme_always_gives_the_same_suggestion(sc: dict, rnd) -> None:
    first = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    again = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    shuffled = [list(sc[k]) for k in ("candidates", "meetings", "placements")]
    for items in shuffled:
        rnd.shuffle(items)
    reordered = suggest_schedule(*shuffled, **_opts(sc))
    assert first == again == reordered


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_every_candidate_is_placed_or_explained_once(sc: dict) -> None:
    s = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    outcome = [p.topic_id for p in s.placements] + [u.topic_id for u in s.unplaced]
    assert sorted(outcome) == sorted(c.topic_id for c in sc["candidates"])
    assert all(p.reason for p in s.placements)
    assert all(u.reason_text for u in s.unplaced)
    if sc["force"]:
        # Forcing only leaves out topics no meeting could ever take, whatever its load.
        for u in s.unplaced:
            assert "full" not in u.reason_text


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_new_bookings_only_go_on_open_meetings_in_time(sc: dict) -> None:
    s = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    meetings = {m.id: m for m in sc["meetings"]}
    existing = {p.entry_id: p.meeting_id for p in sc["placements"]}
    needed_by = {c.topic_id: c.needed_by for c in sc["candidates"]}
    for prop in s.placements:
        m = meetings[prop.meeting_id]
        assert not m.cancelled
        assert m.day > sc["today"]
        if existing.get(prop.entry_id) == prop.meeting_id and "left where it is" in prop.reason:
            continue  # kept where someone had already booked it
        assert m.report_deadline is None or m.report_deadline >= sc["today"]
        if needed_by[prop.topic_id] is not None:
            assert m.day <= needed_by[prop.topic_id]


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_a_topic_is_only_left_unplaced_when_no_meeting_in_time_has_room(sc: dict) -> None:
    s = suggest_schedule(sc["candidates"], sc["meetings"], sc["placements"], **_opts(sc))
    final = _final_state(s, sc["placements"], sc["candidates"])
    by_id = {c.topic_id: c for c in sc["candidates"]}
    for u in s.unplaced:
        c = by_id[u.topic_id]
        need = sc["default_minutes"] if c.minutes is None else c.minutes
        for m in sc["meetings"]:
            if m.is_open(sc["today"]) and (c.needed_by is None or m.day <= c.needed_by):
                items, minutes = _load(final, m.id, sc["default_minutes"])
                assert not _fits(m, items + 1, minutes + need)


def _opts(sc: dict) -> dict[str, object]:
    return {"today": sc["today"], "default_minutes": sc["default_minutes"], "force": sc["force"]}


# --- Conflicts -----------------------------------------------------------------------------------


def item(
    entry_id: int | None,
    topic_id: int,
    meeting_id: int,
    title: str = "",
    **kwargs: object,
) -> BookedItem:
    return BookedItem(entry_id, topic_id, meeting_id, title or f"Topic {topic_id}", **kwargs)  # type: ignore[arg-type]


def kinds(found: list[Conflict]) -> list[str]:
    return [c.kind for c in found]


def test_an_overfull_meeting_is_reported_in_plain_english() -> None:
    nov = meeting(2, date(2019, 11, 13), items=6, minutes=180)
    booked = [item(i, i, 2, minutes=30) for i in range(1, 8)]
    found = conflicts([nov], booked, today=TODAY)
    assert [c.message for c in found] == [
        "13 Nov 2019 has 7 items; its capacity is 6.",
        "13 Nov 2019 has 210 minutes of items; its capacity is 180 minutes.",
    ]
    assert found[0].topic_ids == tuple(range(1, 8))
    assert conflicts([nov], booked[:6], today=TODAY) == []


def test_officer_with_too_many_items_at_one_meeting() -> None:
    # The 8 Jan 2020 meeting of the 2019-20 programme: Jean Kelly has three of its items.
    jan = meeting(3, date(2020, 1, 8), items=None)
    booked = [
        item(1, 1, 3, "Report on PAUSE", responsible="Emma Crowther"),
        item(2, 2, 3, "Care Leavers and NEET", responsible="Jean Kelly"),
        item(3, 3, 3, "OFSTED Inspection", responsible="jean kelly "),
        item(4, 4, 3, "Children in Need", responsible="Emma Crowther/ Jean  Kelly"),
    ]
    found = conflicts([jan], booked, today=TODAY, max_items_per_officer=2)
    assert found == [
        Conflict(
            ConflictKind.OFFICER_OVERLOAD,
            3,
            (2, 3, 4),
            "Jean Kelly is responsible for 3 items at 8 Jan 2020; the most for one officer is 2.",
        )
    ]
    assert conflicts([jan], booked, today=TODAY, max_items_per_officer=3) == []
    assert conflicts([jan], booked, today=TODAY) == []  # the default allows a lead officer four


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Jo Siney/ Isabelle Morgan", ["Jo Siney", "Isabelle Morgan"]),
        ("Judith Harwood, Jean Kelly", ["Judith Harwood", "Jean Kelly"]),
        ("Cabinet Member", ["Cabinet Member"]),
        ("  ", []),
        (None, []),
    ],
)
def test_officer_names_are_split_from_the_responsible_column(
    cell: str | None, names: list[str]
) -> None:
    assert officer_names(cell) == names


def test_items_on_a_cancelled_meeting_need_moving() -> None:
    cancelled = meeting(2, date(2019, 11, 13), items=1, status="cancelled")
    booked = [item(1, 1, 2, "Young Carers"), item(2, 2, 2, "STEM refresh of plan")]
    found = conflicts([cancelled], booked, today=TODAY)
    assert kinds(found) == [ConflictKind.CANCELLED_MEETING]
    assert found[0].message == (
        "The 13 Nov 2019 meeting is cancelled but still has 2 items: 'Young Carers', "
        "'STEM refresh of plan'. Move them to another meeting."
    )


def test_the_same_topic_twice_at_one_meeting() -> None:
    booked = [item(1, 5, 2, "Young Carers"), item(2, 5, 2, "Young Carers"), item(3, 5, 3)]
    found = conflicts([NOV, JAN], booked, today=TODAY)
    assert kinds(found) == [ConflictKind.DUPLICATE_TOPIC]
    assert found[0].message == "'Young Carers' is on the 13 Nov 2019 agenda 2 times."


def test_an_item_booked_after_it_is_needed() -> None:
    booked = [
        item(1, 1, 2, "Budget scrutiny", needed_by=date(2019, 11, 1)),
        item(2, 2, 2, needed_by=date(2019, 11, 13)),
    ]
    found = conflicts([NOV], booked, today=TODAY)
    assert [(c.kind, c.topic_ids) for c in found] == [(ConflictKind.AFTER_NEEDED_BY, (1,))]
    assert (
        found[0].message
        == "'Budget scrutiny' is booked for 13 Nov 2019 but is needed by 1 Nov 2019."
    )


def test_late_bookings_and_missing_reports_after_the_report_deadline() -> None:
    nov = meeting(2, date(2019, 11, 13), items=None, deadline=date(2019, 10, 31))
    booked = [
        item(1, 1, 2, "On time", booked_on=date(2019, 9, 20)),
        item(2, 2, 2, "Late booking", booked_on=date(2019, 11, 4)),
        item(3, 3, 2, "Report to follow", booked_on=date(2019, 9, 20), to_follow=True),
        item(None, 4, 2, "Being booked now"),
    ]
    today = date(2019, 11, 5)
    found = conflicts([nov], booked, today=today)
    assert [(c.kind, c.topic_ids) for c in found] == [
        (ConflictKind.AFTER_REPORT_DEADLINE, (2,)),
        (ConflictKind.AFTER_REPORT_DEADLINE, (3,)),
        (ConflictKind.AFTER_REPORT_DEADLINE, (4,)),
    ]
    assert found[0].message == (
        "'Late booking' was booked for 13 Nov 2019 after its report deadline of 31 Oct 2019."
    )
    assert "still to follow" in found[1].message
    # Before the deadline passes nothing is late yet.
    assert conflicts([nov], booked, today=date(2019, 10, 31)) == []


def test_meetings_already_held_are_not_checked() -> None:
    held = meeting(1, date(2019, 7, 10), items=1, status="held")
    past = meeting(2, date(2019, 8, 21), items=1)
    booked = [item(1, 1, 1), item(2, 2, 1), item(3, 3, 2), item(4, 4, 2)]
    assert conflicts([held, past], booked, today=TODAY) == []


def test_conflicts_come_in_meeting_order_whatever_the_input_order() -> None:
    meetings = [JAN, SEPT, NOV]
    booked = [item(i, i, m.id) for m in meetings for i in range(m.id * 10, m.id * 10 + 3)]
    found = conflicts(meetings, booked, today=TODAY)
    assert [c.meeting_id for c in found] == [1, 2, 3]
    assert conflicts(list(reversed(meetings)), list(reversed(booked)), today=TODAY) == found

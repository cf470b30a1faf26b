"""How long a schedule suggestion takes on a busy committee's data.

Run with: pytest tests/bench/test_bench_scheduling.py --benchmark-only
Target: 500 topics over 100 meetings in 50 ms or less (median).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from domain.scheduling import Candidate, MeetingSlot, Placement, suggest_schedule

TODAY = date(2019, 6, 1)


def _programme(
    seed: int = 2019, capacities: tuple[int | None, ...] = (None, 5, 6, 8)
) -> tuple[list[Candidate], list[MeetingSlot], list[Placement]]:
    rnd = random.Random(seed)
    meetings = []
    for i in range(100):
        day = TODAY + timedelta(weeks=i + 1)
        meetings.append(
            MeetingSlot(
                id=i + 1,
                day=day,
                status="cancelled" if rnd.random() < 0.05 else "scheduled",
                capacity_items=rnd.choice(capacities),
                capacity_minutes=rnd.choice([None, 180, 240]),
                report_deadline=day - timedelta(days=10),
            )
        )
    candidates = [
        Candidate(
            topic_id=t,
            title=f"Topic {t}",
            band_rank=rnd.choice([None, 0, 1, 2]),
            total=rnd.choice([None, *range(7)]),
            added_on=TODAY - timedelta(days=rnd.randrange(700)),
            needed_by=(
                TODAY + timedelta(days=rnd.randrange(30, 700)) if rnd.random() < 0.2 else None
            ),
            minutes=rnd.choice([None, 15, 30, 45, 60]),
            responsible="Jean Kelly",
        )
        for t in range(1, 501)
    ]
    # Standing items pinned on every meeting, plus earlier suggestions for some candidates.
    placements = [
        Placement(entry_id=m.id, topic_id=1000 + m.id, meeting_id=m.id, pinned=True, minutes=30)
        for m in meetings
    ]
    placements += [
        Placement(
            entry_id=10_000 + t,
            topic_id=t,
            meeting_id=rnd.randrange(1, 101),
            pinned=False,
            minutes=None,
        )
        for t in range(1, 501, 5)
    ]
    return candidates, meetings, placements


def test_suggest_500_topics_over_100_meetings(benchmark: pytest.FixtureRequest) -> None:
    candidates, meetings, placements = _programme()
    result = benchmark(suggest_schedule, candidates, meetings, placements, today=TODAY)
    assert len(result.placements) + len(result.unplaced) == len(candidates)
    assert result.placements, "the benchmark should place topics, not reject them all"


def test_suggest_500_topics_over_100_full_meetings(benchmark: pytest.FixtureRequest) -> None:
    # Fewer places than topics: many wait, and topics needed by a date push others along,
    # which is the slowest path.
    candidates, meetings, placements = _programme(capacities=(6, 7, 8))
    result = benchmark(suggest_schedule, candidates, meetings, placements, today=TODAY)
    assert result.unplaced
    assert any("to make room" in p.reason for p in result.placements)

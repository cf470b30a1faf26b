"""Synthetic councils: many committees and years of realistic-looking data, for benchmarks.

``generate`` writes committees, municipal years, meetings, topics, PAPER scores (several
scorers per topic, with answers and evidence), programme entries, items to be scheduled,
exempt (Part II) items and select committee reviews. With the defaults that is 20 committees
x 10 years x 8 meetings x 10 items = 16,000 entries and 30,000 topics.

Rows are written with bulk ``insert()`` statements and ids chosen here (after any rows the
database already has), not ORM objects one at a time: that is what keeps it to seconds. The
same seed gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from .audit import record_added
from .errors import Invalid
from .models import (
    Answer,
    Assessment,
    Committee,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    ProgrammeYear,
    SourceKind,
    Topic,
    TopicKind,
    TopicStatus,
)
from .ops.criteria import ensure_default_set

_THEMES = (
    "Education and Children's Social Care", "Health and Adult Social Care",
    "Growth, Infrastructure and Housing", "Performance, Finance and Customer Focus",
    "Brexit, Infrastructure and Legislative Change", "Ambitious Plymouth", "Caring Plymouth",
    "Working Plymouth", "Your Plymouth", "Cooperative Scrutiny Board", "Place and Corporate",
    "Transport and Environment", "Communities and Neighbourhoods", "Culture, Leisure and Sport",
    "Economy and Skills", "Safer and Stronger Communities", "Climate Emergency",
    "Resources and Governance", "Housing and Homelessness", "Public Health and Wellbeing",
)  # fmt: skip
_SUBJECTS = (
    "School Attendance", "Elective Home Education", "Child Exploitation", "Early Help",
    "Care Leavers", "Youth Justice", "Special Educational Needs", "Adult Social Care",
    "Domiciliary Care", "Mental Health Services", "Homelessness", "Affordable Housing",
    "Private Rented Sector", "Waste and Recycling", "Street Cleansing", "Highways Maintenance",
    "Bus Services", "Cycling Infrastructure", "Air Quality", "Flood Risk", "Libraries",
    "Leisure Centres", "Parks and Green Spaces", "Community Safety", "Antisocial Behaviour",
    "Domestic Abuse", "Council Tax Support", "Customer Services", "Digital Inclusion",
    "Apprenticeships", "Skills Strategy", "City Centre Regeneration", "Tourism", "Heritage",
    "Carbon Reduction", "Procurement", "Workforce Wellbeing", "Budget Scrutiny",
    "Capital Programme", "Commissioning", "Public Health", "Suicide Prevention",
    "Drug and Alcohol Services", "Young Carers", "Fostering", "Adoption", "School Readiness",
)  # fmt: skip
_SUFFIXES = (
    "Update", "Progress Report", "Improvement Plan", "Strategy", "Action Plan",
    "Performance Report", "Consultation", "Review", "Annual Report", "Delivery Plan",
    "Inspection Outcome", "Briefing", "Refresh of Plan", "Outturn Report",
)  # fmt: skip
_REASONS = (
    "To provide Members with a progress position on {s}.",
    "To monitor progress since the previous meeting on {s}.",
    "As a result of a motion on notice to Council, to examine {s} across the city.",
    "Referred by the Scrutiny Management Board: to consider the impact of {s} on residents.",
    "To help populate the work programme if risks relating to {s} fall within the remit.",
    "Members requested that {s} be added to the work programme for discussion.",
    "To include data on {s} and the drivers behind recent changes.",
    "Improvement plan for {s} to be presented to Members before it goes to Cabinet.",
)  # fmt: skip
_FIRST = (
    "Judith", "Jean", "Siobhan", "Jo", "Emma", "Ed", "Isabelle", "Andrea", "Natalie", "Julie",
    "David", "Lisa", "Ross", "Helen", "Craig", "Gareth", "Amanda", "Paul", "Sarah", "Anthony",
)  # fmt: skip
_LAST = (
    "Harwood", "Kelly", "Wallace", "Siney", "Crowther", "Coley", "Morgan", "Powell", "Smith",
    "Hosking", "Bowles", "Cornish", "Jago", "Rickman", "McArdle", "Slater", "Ford", "Hill",
    "Bird", "Evans",
)  # fmt: skip
_CABINET = (
    "Cabinet Member for Children and Young People", "Cabinet Member for Health and Adult Social Care",
    "Cabinet Member for Housing", "Cabinet Member for Transport", "Cabinet Member for Finance",
)  # fmt: skip
_EVIDENCE = (
    "", "", "Raised by residents at ward surgeries.", "Performance below target for two quarters.",
    "Affects every ward in the city.", "Cabinet decision due in the spring.",
    "No other committee is looking at this.", "Partners have raised concerns.",
)  # fmt: skip
_NOT_PURSUED = (
    "Scored 0: not a scrutiny topic.", "Covered by the Health and Wellbeing Board.",
    "A briefing paper was circulated instead.", "Overtaken by the national review.",
)  # fmt: skip
_EXTRA_STATUSES = (
    (TopicStatus.TO_BE_SCHEDULED, 35), (TopicStatus.PROPOSED, 20), (TopicStatus.NOT_PURSUED, 15),
    (TopicStatus.ACCEPTED, 10), (TopicStatus.WITHDRAWN, 5), (TopicStatus.DONE, 15),
)  # fmt: skip
_SOURCES = tuple(SourceKind)


@dataclass(frozen=True, slots=True)
class SyntheticSummary:
    committees: int
    meetings: int
    topics: int
    entries: int
    assessments: int
    answers: int
    exempt: int
    to_be_scheduled: int


def _next_id(session: Session, model: type[Any]) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _insert_answers(session: Session, answers: list[tuple[Any, ...]]) -> None:
    """Answers straight through the database driver: only ints, booleans and text, which
    both SQLite and psycopg take as they are, in the driver's own placeholder style."""
    if not answers:
        return
    connection = session.connection()
    columns = ("id", "version", "assessment_id", "criterion_id", "answer", "evidence")
    style = connection.dialect.paramstyle
    marks = ", ".join("?" if style == "qmark" else "%s" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {Answer.__table__.name} ({', '.join(columns)}) VALUES ({marks})", answers
    )
    record_added(session, Answer, (dict(zip(columns, a, strict=True)) for a in answers))


def _meeting_days(year: int, count: int) -> list[dt.date]:
    """Wednesdays roughly six weeks apart from June, all inside the municipal year."""
    first = dt.date(year, 6, 1)
    first += dt.timedelta(days=(2 - first.weekday()) % 7)
    gap = min(42, (dt.date(year + 1, 4, 20) - first).days // max(count, 1))
    gap -= gap % 7 or 0
    return [first + dt.timedelta(days=max(gap, 7) * i) for i in range(count)]


def generate(
    session: Session,
    *,
    committees: int = 20,
    years: int = 10,
    meetings_per_year: int = 8,
    items_per_meeting: int = 10,
    extra_topics_per_year: int = 70,
    first_year: int = 2014,
    seed: int = 1,
) -> SyntheticSummary:
    """Write a synthetic council into the database (in the caller's transaction)."""
    if min(committees, years, meetings_per_year, items_per_meeting, extra_topics_per_year) < 0:
        raise Invalid("Every count must be 0 or more.")
    from . import search_index

    with search_index.bulk_load(session.connection()):
        return _generate(
            session, committees=committees, years=years, meetings_per_year=meetings_per_year,
            items_per_meeting=items_per_meeting, extra_topics_per_year=extra_topics_per_year,
            first_year=first_year, seed=seed,
        )  # fmt: skip


def _generate(
    session: Session, *, committees: int, years: int, meetings_per_year: int, items_per_meeting: int,
    extra_topics_per_year: int, first_year: int, seed: int,
) -> SyntheticSummary:  # fmt: skip
    rng = random.Random(seed)
    criteria = ensure_default_set(session)
    question_ids = [q.id for q in criteria.questions]
    max_total = criteria.max_total

    names = []
    for i in range(committees):
        theme = _THEMES[i % len(_THEMES)]
        round_ = i // len(_THEMES)
        names.append(f"{theme} Overview and Scrutiny Committee" + (f" {round_ + 1}" if round_ else ""))
    clash = session.scalars(select(Committee.name).where(Committee.name.in_(names))).first()
    if clash is not None:
        raise Invalid(f"There is already a committee called '{clash}'; use an empty database.")

    ids = {m: _next_id(session, m) for m in (Committee, Meeting, Topic, Assessment, Answer, ProgrammeEntry)}
    rows: dict[type[Any], list[dict[str, Any]]] = {
        m: [] for m in (Committee, ProgrammeYear, Meeting, Topic, Assessment, ProgrammeEntry)
    }
    # Answers are most of the rows; as plain tuples they skip SQLAlchemy's per-row work.
    answers: list[tuple[int, int, int, int, int | None, str]] = []
    last_year = first_year + years - 1
    statuses = [s for s, _ in _EXTRA_STATUSES]
    weights = [w for _, w in _EXTRA_STATUSES]

    def person() -> str:
        if rng.random() < 0.15:
            return rng.choice(_CABINET)
        people = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.choice((1, 1, 1, 2)))]
        return "/ ".join(people)

    def topic(committee_id: int, year: int, status: TopicStatus, kind: TopicKind) -> int:
        tid = ids[Topic]
        ids[Topic] += 1
        subject = rng.choice(_SUBJECTS)
        exempt = rng.random() < 0.03
        added = dt.date(year, 5, 1) + dt.timedelta(days=rng.randrange(0, 300))
        rows[Topic].append(
            {
                "id": tid, "version": 1, "committee_id": committee_id, "year_start": year,
                "title": f"{subject} {rng.choice(_SUFFIXES)}",
                "reason": rng.choice(_REASONS).format(s=subject.lower()),
                "responsible": person(),
                "source_kind": rng.choice(_SOURCES) if rng.random() < 0.6 else None,
                "source_ref": "", "added_on": added, "kind": kind, "status": status,
                "status_reason": rng.choice(_NOT_PURSUED) if status == TopicStatus.NOT_PURSUED else "",
                "exempt": exempt, "exempt_paragraph": rng.randint(1, 7) if exempt else None,
                "needed_by": None,
                "estimated_minutes": rng.choice((None, 20, 30, 45)),
                "decision_id": None,
            }
        )
        if rng.random() < 0.8:
            score(tid, added)
        return tid

    def score(topic_id: int, added: dt.date) -> None:
        scorers = rng.choice((1, 1, 1, 2, 2, 3, 4))
        agreed_index = rng.randrange(scorers) if scorers > 1 and rng.random() < 0.85 else None
        for k in range(scorers):
            aid = ids[Assessment]
            ids[Assessment] += 1
            imported = scorers == 1 and rng.random() < 0.15
            rows[Assessment].append(
                {
                    "id": aid, "version": 1, "topic_id": topic_id,
                    "criteria_set_id": criteria.id,
                    "scorer": "Committee" if imported else f"Cllr {rng.choice(_LAST)}",
                    "scored_on": added + dt.timedelta(days=7 * k + rng.randrange(0, 7)),
                    "agreed": k == agreed_index or imported,
                    "imported_total": rng.randint(0, max_total) if imported else None,
                    "note": "",
                }
            )
            if imported:
                continue
            evidence = rng.choices(_EVIDENCE, k=len(question_ids))
            first = ids[Answer]
            for j, qid in enumerate(question_ids):
                answer = rng.random()
                answers.append(
                    (first + j, 1, aid, qid, None if answer < 0.05 else int(answer < 0.6), evidence[j])
                )
            ids[Answer] += len(question_ids)

    for name in names:
        cid = ids[Committee]
        ids[Committee] += 1
        officer = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        at = rng.choice((dt.time(10, 0), dt.time(14, 0), dt.time(14, 0), dt.time(18, 0)))
        rows[Committee].append(
            {
                "id": cid, "version": 1, "name": name,
                "short_name": "".join(w[0] for w in name.split() if w[0].isupper())[:40],
                "remit": "", "corporate_priorities": "",
                "chair": f"Councillor {rng.choice(_LAST)}",
                "vice_chair": f"Councillor {rng.choice(_LAST)}",
                "members": "\n".join(f"Councillor {rng.choice(_LAST)}" for _ in range(9)),
                "co_opted": "", "officer_name": officer,
                "officer_phone": f"01752 {rng.randrange(300000, 399999)}",
                "officer_email": f"democratic.support{cid}@example.gov.uk",
                "default_venue": rng.choice(("Warspite Room, Council House", "Council House")),
                "default_time": at, "capacity_items": items_per_meeting + 2,
                "capacity_minutes": None, "minutes_per_item": 30, "criteria_set_id": None,
            }
        )
        for year in range(first_year, first_year + years):
            past = year < last_year
            rows[ProgrammeYear].append(
                {
                    "version": 1, "committee_id": cid, "year_start": year, "approved": past,
                    "approved_on": dt.date(year, 6, 30) if past else None,
                }
            )
            for day in _meeting_days(year, meetings_per_year):
                mid = ids[Meeting]
                ids[Meeting] += 1
                rows[Meeting].append(
                    {
                        "id": mid, "version": 1, "committee_id": cid,
                        "starts_at": dt.datetime.combine(day, at),
                        "venue": "Warspite Room, Council House",
                        "status": MeetingStatus.HELD if past else MeetingStatus.SCHEDULED,
                        "moved_from": None, "capacity_items": None, "capacity_minutes": None,
                        "notes": "",
                    }
                )
                for position in range(items_per_meeting):
                    review = rng.random() < 0.02
                    tid = topic(
                        cid, year,
                        TopicStatus.DONE if past else TopicStatus.SCHEDULED,
                        TopicKind.SELECT_REVIEW if review else rng.choice(
                            (TopicKind.REPORT,) * 8 + (TopicKind.VERBAL_UPDATE, TopicKind.STANDING)
                        ),
                    )
                    rows[ProgrammeEntry].append(
                        {
                            "id": ids[ProgrammeEntry], "version": 1, "meeting_id": mid,
                            "topic_id": tid, "position": position,
                            "purpose": "To monitor progress since the last meeting."
                            if rng.random() < 0.05 else None,
                            "to_follow": rng.random() < 0.1,
                            "verbal_update": rng.random() < 0.05,
                            "pinned": True, "provisional": False, "note": "",
                        }
                    )
                    ids[ProgrammeEntry] += 1
            for _ in range(extra_topics_per_year):
                kind = TopicKind.SELECT_REVIEW if rng.random() < 0.03 else TopicKind.REPORT
                topic(cid, year, rng.choices(statuses, weights)[0], kind)

    for model in (Committee, ProgrammeYear, Meeting, Topic, Assessment, ProgrammeEntry):
        if rows[model]:
            # The table, not the mapped class: the ORM's bulk insert splits the rows into a
            # new statement wherever the set of None values changes, which made 50,000 small
            # executes of what Core sends as one executemany per table (10x slower).
            session.execute(insert(model.__table__), rows[model])
    _insert_answers(session, answers)
    session.flush()
    topics = rows[Topic]
    return SyntheticSummary(
        committees=len(rows[Committee]),
        meetings=len(rows[Meeting]),
        topics=len(topics),
        entries=len(rows[ProgrammeEntry]),
        assessments=len(rows[Assessment]),
        answers=len(answers),
        exempt=sum(1 for t in topics if t["exempt"]),
        to_be_scheduled=sum(1 for t in topics if t["status"] == TopicStatus.TO_BE_SCHEDULED),
    )

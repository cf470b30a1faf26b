"""The demo data: two real committee-years typed in from the seed agenda packs.

The JSON files in ``resources/demo`` (see the README there for where each part comes from)
are loaded through the same use cases the GUI and the command line call.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import (
    Committee,
    Decision,
    DecisionStatus,
    ProgressNote,
    Rag,
    ReviewStatus,
    SelectReview,
    Topic,
)
from .ops import assessments, committees, planning, topics
from .ops.criteria import ensure_default_set
from .paths import resource_path

DEMO_FILES = ("ecsc_2019_20.json", "ambitious_plymouth_2015_16.json")


def demo_paths() -> list[Path]:
    return [resource_path("demo", name) for name in DEMO_FILES]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def load_demo(session: Session, *, replace: bool = True) -> list[str]:
    """Load every demo committee-year; returns the committee names.

    With ``replace`` an existing committee of the same name is deleted first, so the command
    can recreate the demo in any database.
    """
    ensure_default_set(session)
    names = []
    for path in demo_paths():
        data = json.loads(path.read_text(encoding="utf-8"))
        names.append(load_committee_year(session, data, replace=replace))
    load_demo_evidence(session)
    return names


def load_demo_evidence(session: Session) -> None:
    """The evidence of seeds 002-004, imported from the example files as a user would, and
    linked to the demo topics it concerns (resources/demo/evidence_links.json)."""
    from .io.evidence import EvidenceFile, read_evidence
    from .ops import evidence

    data = json.loads(resource_path("demo", "evidence_links.json").read_text(encoding="utf-8"))
    for f in data["files"]:
        kind = EvidenceFile(f["kind"])
        rows = read_evidence(resource_path("examples", f["file"]), kind)
        evidence.import_evidence(session, file_kind=kind, rows=rows)
    for link in data["links"]:
        committee_id = session.scalar(select(Committee.id).where(Committee.name == link["committee"]))
        topic_id = session.scalar(
            select(Topic.id).where(Topic.committee_id == committee_id, Topic.title == link["topic"])
        )
        if topic_id is None:
            raise ValueError(f"The demo has no topic {link['topic']!r} in {link['committee']}.")
        ids = [evidence.find_evidence(session, reference=ref).id for ref in link["evidence"]]
        evidence.set_topic_evidence(session, topic_id=topic_id, evidence_ids=ids)


def load_committee_year(session: Session, data: dict[str, Any], *, replace: bool = True) -> str:
    c = data["committee"]
    existing = session.scalar(select(Committee).where(Committee.name == c["name"]))
    if existing is not None:
        if not replace:
            return existing.name
        session.delete(existing)
        session.flush()
    info = committees.create_committee(
        session,
        name=c["name"],
        short_name=c.get("short_name") or "",
        remit=c.get("remit") or "",
        corporate_priorities=c.get("corporate_priorities") or "",
        chair=c.get("chair") or "",
        vice_chair=c.get("vice_chair") or "",
        members=c.get("members") or [],
        co_opted=c.get("co_opted") or [],
        officer_name=c.get("officer_name") or "",
        officer_phone=c.get("officer_phone") or "",
        officer_email=c.get("officer_email") or "",
        default_venue=c.get("default_venue") or "",
        default_time=_time(c.get("default_time")),
        capacity_items=c.get("capacity_items"),
        programme_layout=c.get("programme_layout") or "scored",
    )
    year = int(data["year_start"])
    committees.set_programme_approved(
        session, committee_id=info.id, year_start=year, approved=bool(data.get("approved"))
    )

    topic_ids: dict[str, int] = {}
    for t in data["topics"]:
        row = topics.create_topic(
            session,
            committee_id=info.id,
            year_start=year,
            title=t["title"],
            reason=t.get("reason") or "",
            responsible=t.get("responsible") or "",
            source_kind=t.get("source_kind"),
            source_ref=t.get("source_ref") or "",
            added_on=_date(t.get("added_on")),
            kind=t.get("kind") or "report",
            status=t.get("status") or "proposed",
            exempt=bool(t.get("exempt")),
            exempt_paragraph=t.get("exempt_paragraph"),
        )
        topic_ids[t["key"]] = row.id
        if t.get("score") is not None:
            assessments.record_imported_total(session, topic_id=row.id, total=int(t["score"]))

    for m in data["meetings"]:
        when = dt.datetime.combine(
            dt.date.fromisoformat(m["date"]),
            _time(m.get("time")) or info.default_time or dt.time(14, 0),
        )
        meeting = planning.add_meeting(
            session, committee_id=info.id, starts_at=when, venue=m.get("venue")
        )
        for e in m["entries"]:
            tid = topic_ids[e["topic"]]
            status_before = session.get(Topic, tid).status  # type: ignore[union-attr]
            planning.book(
                session,
                topic_id=tid,
                meeting_id=meeting.id,
                purpose=e.get("purpose"),
                to_follow=bool(e.get("to_follow")),
                verbal_update=bool(e.get("verbal_update")),
            )
            # The typed-in status (e.g. done for a meeting already held) wins over booking's.
            session.get(Topic, tid).status = status_before  # type: ignore[union-attr]
        if m.get("status") == "cancelled":
            planning.cancel_meeting(session, meeting_id=meeting.id)  # its items stay on it
        elif m.get("status") and m["status"] != "scheduled":
            planning.set_meeting_status(session, meeting_id=meeting.id, status=m["status"])

    for r in data.get("reviews", []):
        session.add(
            SelectReview(
                committee_id=info.id,
                topic_id=topic_ids.get(r["topic"]) if r.get("topic") else None,
                title=r["title"],
                scope=r.get("scope") or "",
                lead_officer=r.get("lead_officer") or "",
                status=ReviewStatus(r.get("status") or "proposed"),
                added_on=_date(r.get("added_on")),
            )
        )

    meeting_by_day = {
        m.starts_at.date(): m.id for m in planning.list_meetings(session, committee_id=info.id)
    }
    for d in data.get("decisions", []):
        day = dt.date.fromisoformat(d["meeting_date"])
        decision = Decision(
            committee_id=info.id,
            meeting_id=meeting_by_day.get(day),
            meeting_date=day,
            minute_no=d.get("minute_no") or "",
            title=d["title"],
            resolution=d.get("resolution") or "",
            target_date=_date(d.get("target_date")),
            officer=d.get("officer") or "",
            status=DecisionStatus(d.get("status") or "ongoing"),
            rag=Rag(d["rag"]) if d.get("rag") else None,
        )
        decision.progress = [
            ProgressNote(noted_on=dt.date.fromisoformat(p["date"]), text=p["text"])
            for p in d.get("progress", [])
        ]
        session.add(decision)
        session.flush()
        if d.get("topic"):
            session.get(Topic, topic_ids[d["topic"]]).decision_id = decision.id  # type: ignore[union-attr]
    session.flush()
    return info.name


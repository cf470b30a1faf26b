"""Reading a committee's tracked decisions for display (the list, not the editing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Committee, Decision
from .convert import get


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    version: int
    committee_id: int
    meeting_date: dt.date
    minute_no: str
    title: str
    resolution: str
    target_date: dt.date | None
    officer: str
    status: str
    rag: str | None
    latest_progress: str  # the newest progress note, "" when there is none


def list_decision_rows(session: Session, *, committee_id: int) -> list[DecisionRow]:
    """The committee's resolutions, newest meeting first, each with its latest progress."""
    get(session, Committee, committee_id)
    rows = session.scalars(
        select(Decision)
        .where(Decision.committee_id == committee_id)
        .options(selectinload(Decision.progress))
        .order_by(Decision.meeting_date.desc(), Decision.minute_no, Decision.id)
    )
    return [
        DecisionRow(
            id=d.id,
            version=d.version,
            committee_id=d.committee_id,
            meeting_date=d.meeting_date,
            minute_no=d.minute_no,
            title=d.title,
            resolution=d.resolution,
            target_date=d.target_date,
            officer=d.officer,
            status=d.status.value,
            rag=d.rag.value if d.rag else None,
            latest_progress=d.progress[0].text if d.progress else "",
        )
        for d in rows
    ]

"""Criteria sets: the default PAPER set, and new revisions instead of in-place edits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import scoring
from ..errors import Invalid
from ..models import Assessment, Band, Committee, CriteriaSet, Criterion
from ..values import CriteriaSetInfo
from .convert import criteria_set_info, get


def _fill(cs: CriteriaSet, spec: scoring.CriteriaSetSpec) -> None:
    cs.criteria = [
        Criterion(position=i, letter=q.letter, title=q.title, question=q.question, weight=q.weight)
        for i, q in enumerate(spec.questions)
    ]
    cs.bands = [
        Band(position=i, name=b.name, min_total=b.min_total, max_total=b.max_total)
        for i, b in enumerate(spec.bands)
    ]


def _create(session: Session, spec: scoring.CriteriaSetSpec, revision: int, default: bool) -> CriteriaSet:
    cs = CriteriaSet(
        name=spec.name, revision=revision, is_default=default, created_on=dt.date.today()
    )
    _fill(cs, spec)
    session.add(cs)
    session.flush()
    return cs


def ensure_default_set(session: Session) -> CriteriaSetInfo:
    """The default criteria set, creating the seed's PAPER tool when there is none."""
    cs = session.scalars(
        select(CriteriaSet)
        .where(CriteriaSet.is_default.is_(True))
        .options(selectinload(CriteriaSet.criteria), selectinload(CriteriaSet.bands))
        .order_by(CriteriaSet.revision.desc())
    ).first()
    if cs is None:
        cs = _create(session, scoring.PAPER, 1, True)
    return criteria_set_info(cs)


def set_for_committee(session: Session, *, committee_id: int) -> CriteriaSetInfo:
    """The criteria set a committee scores with (its own, else the default)."""
    committee = get(session, Committee, committee_id)
    if committee.criteria_set_id is not None:
        cs = get(session, CriteriaSet, committee.criteria_set_id)
        return criteria_set_info(cs)
    return ensure_default_set(session)


def revise_set(
    session: Session, *, criteria_set_id: int, spec: scoring.CriteriaSetSpec
) -> CriteriaSetInfo:
    """Change a criteria set. A set already used by a score is never edited in place:
    a new revision is made and becomes the default if the old one was."""
    if not spec.questions:
        raise Invalid("A criteria set needs at least one question.", "questions")
    for b in spec.bands:
        if b.min_total > b.max_total:
            raise Invalid(f"Band {b.name}: its lowest total is above its highest.", "bands")
    old = get(session, CriteriaSet, criteria_set_id)
    used = session.scalar(
        select(func.count()).select_from(Assessment).where(Assessment.criteria_set_id == old.id)
    )
    if not used:
        old.name = spec.name
        old.criteria.clear()
        old.bands.clear()
        session.flush()  # delete the old rows before inserting ones at the same positions
        _fill(old, spec)
        session.flush()
        return criteria_set_info(old)
    newest = session.scalar(
        select(func.max(CriteriaSet.revision)).where(CriteriaSet.name == spec.name)
    )
    new = _create(session, spec, (newest or 0) + 1, old.is_default)
    if old.is_default:
        old.is_default = False
    for c in session.scalars(select(Committee).where(Committee.criteria_set_id == old.id)):
        c.criteria_set_id = new.id
    return criteria_set_info(new)

"""Criteria sets (scoring tools) as data: the default PAPER set, the council's own sets, the
committee's choice, and new revisions instead of in-place edits once scores use a set.

A set that cannot work is refused whole with every problem named (domain.scoring.problems).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from .. import scoring
from ..errors import Invalid, NotFound
from ..models import Assessment, Band, Committee, CriteriaSet, Criterion
from ..values import CriteriaSetInfo
from .convert import changed_since, criteria_set_info, get


@dataclass(frozen=True, slots=True)
class CriteriaSetSummary:
    """A set in use, as the Scoring tools list shows it."""

    info: CriteriaSetInfo
    committees: tuple[str, ...]  # the committees that score with it
    scores: int  # scores made with this revision
    revisions: int  # how many revisions of the set there are

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def name(self) -> str:
        return self.info.name


def check_spec(spec: scoring.CriteriaSetSpec) -> None:
    """Refuse a set that cannot work, naming every problem."""
    found = scoring.problems(spec)
    if found:
        raise Invalid(f"The scoring tool {spec.name.strip() or '(no name)'} cannot be used: " + " ".join(found), "criteria")


def _fill(cs: CriteriaSet, spec: scoring.CriteriaSetSpec) -> None:
    cs.criteria = [
        Criterion(
            position=i,
            letter=q.letter.strip(),
            title=q.title.strip(),
            question=q.question.strip(),
            weight=q.weight,
            kind=q.kind,
            # A Yes/No question is stored as the scale 0-1, so a total's maximum is one sum.
            scale_min=q.scale_min if q.is_scale else 0,
            scale_max=q.scale_max if q.is_scale else 1,
            help=q.help.strip(),
        )
        for i, q in enumerate(spec.questions)
    ]
    cs.bands = [
        Band(
            position=i,
            name=b.name.strip(),
            min_total=b.min_total,
            max_total=b.max_total,
            colour=b.colour.lower(),
        )
        for i, b in enumerate(spec.bands)
    ]


def _create(
    session: Session,
    spec: scoring.CriteriaSetSpec,
    revision: int,
    default: bool,
    set_id: int | None = None,
) -> CriteriaSet:
    cs = CriteriaSet(
        id=set_id,
        name=spec.name.strip(),
        revision=revision,
        is_default=default,
        created_on=dt.date.today(),
    )
    _fill(cs, spec)
    session.add(cs)
    session.flush()
    return cs


def _load(session: Session, set_id: int) -> CriteriaSet:
    cs = session.scalars(
        select(CriteriaSet)
        .where(CriteriaSet.id == set_id)
        .options(selectinload(CriteriaSet.criteria), selectinload(CriteriaSet.bands))
    ).first()
    if cs is None:
        raise NotFound("That scoring tool no longer exists; choose another.")
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
        return criteria_set_info(_load(session, committee.criteria_set_id))
    return ensure_default_set(session)


def get_set(session: Session, *, criteria_set_id: int) -> CriteriaSetInfo:
    return criteria_set_info(_load(session, criteria_set_id))


def list_sets(session: Session) -> tuple[CriteriaSetSummary, ...]:
    """Every set in use (the newest revision of each), the default first, then by name."""
    ensure_default_set(session)
    current = list(
        session.scalars(
            select(CriteriaSet)
            .where(CriteriaSet.replaced_by.is_(None))
            .options(selectinload(CriteriaSet.criteria), selectinload(CriteriaSet.bands))
        )
    )
    ids = [cs.id for cs in current]
    scores = dict(
        session.execute(
            select(Assessment.criteria_set_id, func.count())
            .where(Assessment.criteria_set_id.in_(ids))
            .group_by(Assessment.criteria_set_id)
        ).all()
    )
    default_id = next((cs.id for cs in current if cs.is_default), None)
    users: dict[int | None, list[str]] = {}
    for name, set_id in session.execute(
        select(Committee.name, Committee.criteria_set_id).order_by(Committee.name)
    ):
        users.setdefault(set_id if set_id is not None else default_id, []).append(name)
    revisions = dict(
        session.execute(
            select(CriteriaSet.name, func.count()).group_by(CriteriaSet.name)
        ).all()
    )
    current.sort(key=lambda cs: (not cs.is_default, cs.name.casefold()))
    return tuple(
        CriteriaSetSummary(
            criteria_set_info(cs),
            tuple(users.get(cs.id, ())),
            int(scores.get(cs.id, 0)),
            int(revisions.get(cs.name, 1)),
        )
        for cs in current
    )


def find_set(session: Session, name: str) -> CriteriaSetInfo:
    """The set in use called ``name`` (any case)."""
    wanted = " ".join(name.split()).casefold()
    for summary in list_sets(session):
        if summary.name.casefold() == wanted:
            return summary.info
    names = ", ".join(s.name for s in list_sets(session))
    raise NotFound(f"There is no scoring tool called {name!r}; the tools are: {names}.")


def _name_taken(session: Session, name: str, except_id: int | None = None) -> bool:
    wanted = name.strip().casefold()
    for cs_id, cs_name in session.execute(
        select(CriteriaSet.id, CriteriaSet.name).where(CriteriaSet.replaced_by.is_(None))
    ):
        if cs_id != except_id and cs_name.casefold() == wanted:
            return True
    return False


def create_set(
    session: Session, *, spec: scoring.CriteriaSetSpec, criteria_set_id: int | None = None
) -> CriteriaSetInfo:
    """A new scoring tool (its first revision, or the next of a name whose sets were all
    deleted). ``criteria_set_id`` makes it again with its old id (redo after undo)."""
    check_spec(spec)
    if _name_taken(session, spec.name):
        raise Invalid(
            f"There is already a scoring tool called {spec.name.strip()}: choose another name.",
            "name",
        )
    newest = session.scalar(
        select(func.max(CriteriaSet.revision)).where(CriteriaSet.name == spec.name.strip())
    )
    return criteria_set_info(_create(session, spec, (newest or 0) + 1, False, criteria_set_id))


def revise_set(
    session: Session,
    *,
    criteria_set_id: int,
    spec: scoring.CriteriaSetSpec,
    expected_version: int | None = None,
    revision_id: int | None = None,
) -> CriteriaSetInfo:
    """Change a criteria set. A set already used by a score is never edited in place:
    a new revision is made, replacing the old one for its committees and as the default,
    while the old scores keep the revision they were made with. ``revision_id`` makes that
    new revision again with its old id (redo after undo)."""
    check_spec(spec)
    old = get(session, CriteriaSet, criteria_set_id, expected_version)
    if old.replaced_by is not None:
        raise Invalid(
            f"Revision {old.revision} of {old.name} has been replaced by a newer one; "
            "edit that one instead.",
            "criteria",
        )
    if _name_taken(session, spec.name, except_id=old.id):
        raise Invalid(
            f"There is already a scoring tool called {spec.name.strip()}: choose another name.",
            "name",
        )
    used = session.scalar(
        select(func.count()).select_from(Assessment).where(Assessment.criteria_set_id == old.id)
    )
    if not used:
        old.name = spec.name.strip()
        old.criteria.clear()
        old.bands.clear()
        session.flush()  # delete the old rows before inserting ones at the same positions
        _fill(old, spec)
        flag_modified(old, "name")  # a new version even when only its questions changed
        session.flush()
        return criteria_set_info(old)
    newest = session.scalar(
        select(func.max(CriteriaSet.revision)).where(CriteriaSet.name == spec.name.strip())
    )
    new = _create(session, spec, max(newest or 0, old.revision) + 1, old.is_default, revision_id)
    old.is_default = False
    old.replaced_by = new.id
    for c in session.scalars(select(Committee).where(Committee.criteria_set_id == old.id)):
        c.criteria_set_id = new.id
    session.flush()
    return criteria_set_info(new)


def withdraw_revision(
    session: Session, *, criteria_set_id: int, expected_version: int | None = None
) -> CriteriaSetInfo:
    """Undo a revision: the revision it replaced is in use again (for its committees and as
    the default) and this one is deleted. Refused once a score uses it."""
    new = get(session, CriteriaSet, criteria_set_id, expected_version)
    old = session.scalars(select(CriteriaSet).where(CriteriaSet.replaced_by == new.id)).first()
    if old is None:
        raise Invalid(f"{new.name} revision {new.revision} replaced no earlier revision.")
    _refuse_if_used(session, new, "withdrawn")
    _hand_back(session, new, old)
    return criteria_set_info(_load(session, old.id))


def _hand_back(session: Session, new: CriteriaSet, old: CriteriaSet) -> tuple[int, ...]:
    """Delete the revision ``new``; ``old``, the one it replaced, is in use again for its
    committees and as the default. The ids of the committees moved back."""
    old.replaced_by = None
    old.is_default = new.is_default
    moved = list(session.scalars(select(Committee).where(Committee.criteria_set_id == new.id)))
    for c in moved:
        c.criteria_set_id = old.id
    session.delete(new)
    session.flush()
    return tuple(c.id for c in moved)


def _refuse_if_used(session: Session, cs: CriteriaSet, what: str) -> None:
    used = session.scalar(
        select(func.count()).select_from(Assessment).where(Assessment.criteria_set_id == cs.id)
    )
    if used:
        raise Invalid(
            f"{cs.name} cannot be {what}: {used} score{'' if used == 1 else 's'} "
            "already use it.",
            "criteria",
        )


@dataclass(frozen=True, slots=True)
class DeletedSet:
    """What deleting a set took away, so it can be put back."""

    info: CriteriaSetInfo
    committee_ids: tuple[int, ...]
    replaced_ids: tuple[int, ...] = ()  # earlier revisions it had replaced


def delete_set(
    session: Session, *, criteria_set_id: int, expected_version: int | None = None
) -> DeletedSet:
    """Delete a set no score uses. A revision that replaced another is taken back as
    :func:`withdraw_revision` does (its committees go back to the revision it replaced);
    any other set's committees go back to the default set. The default set itself cannot be
    deleted."""
    cs = get(session, CriteriaSet, criteria_set_id, expected_version)
    if cs.is_default:
        raise Invalid(
            f"{cs.name} is the default scoring tool and cannot be deleted; make another the "
            "default first.",
            "criteria",
        )
    _refuse_if_used(session, cs, "deleted")
    info = criteria_set_info(_load(session, cs.id))
    replaced = session.scalars(select(CriteriaSet).where(CriteriaSet.replaced_by == cs.id)).first()
    if replaced is not None:
        moved = _hand_back(session, cs, replaced)
        return DeletedSet(info, moved, (replaced.id,))
    committees = list(session.scalars(select(Committee).where(Committee.criteria_set_id == cs.id)))
    for c in committees:
        c.criteria_set_id = None
    session.delete(cs)
    session.flush()
    return DeletedSet(info, tuple(c.id for c in committees))


def restore_set(session: Session, *, deleted: DeletedSet) -> CriteriaSetInfo:
    """Put a deleted set back with its id and revision, for the committees that used it and
    replacing the revisions it had replaced."""
    spec = deleted.info.spec
    check_spec(spec)
    for old_id in deleted.replaced_ids:
        get(session, CriteriaSet, old_id).replaced_by = deleted.info.id
    session.flush()
    if _name_taken(session, spec.name):
        raise Invalid(f"There is already a scoring tool called {spec.name}: rename it first.", "name")
    cs = _create(session, spec, deleted.info.revision, False, deleted.info.id)
    for committee_id in deleted.committee_ids:
        get(session, Committee, committee_id).criteria_set_id = cs.id
    session.flush()
    return criteria_set_info(cs)


@dataclass(frozen=True, slots=True)
class ToolChoice:
    """A committee's or the council's choice of scoring tool changed; ``previous_id`` is the
    set chosen before (None: the default), so the choice can be undone."""

    previous_id: int | None
    # The committee's row as the change left it: (table, id, version).
    versions: tuple[tuple[str, int, int], ...] = ()


def choose_set(
    session: Session,
    *,
    committee_id: int,
    criteria_set_id: int | None,
    expected_version: int | None = None,
) -> ToolChoice:
    """The committee scores with this set from now on (None: the default); earlier scores
    keep their own set. ``expected_version`` is the committee's version as read."""
    committee = get(session, Committee, committee_id, expected_version)
    if criteria_set_id is not None:
        cs = get(session, CriteriaSet, criteria_set_id)
        if cs.replaced_by is not None:
            raise Invalid(f"{cs.name} revision {cs.revision} has been replaced; choose the newest.")
    previous = committee.criteria_set_id
    committee.criteria_set_id = criteria_set_id
    session.flush()
    return ToolChoice(previous, (("committee", committee.id, committee.version),))


def make_default(
    session: Session, *, criteria_set_id: int, expected_default: int | None = None
) -> ToolChoice:
    """Make a set the default (for committees that have not chosen one).
    ``expected_default`` is the set that was the default when read: if another is the
    default now, someone else changed it and nothing is written (Conflict)."""
    cs = get(session, CriteriaSet, criteria_set_id)
    if cs.replaced_by is not None:
        raise Invalid(f"{cs.name} revision {cs.revision} has been replaced; choose the newest.")
    current = session.scalar(select(CriteriaSet.id).where(CriteriaSet.is_default.is_(True)))
    if expected_default is not None and current != expected_default:
        raise changed_since(session, CriteriaSet, current if current is not None else expected_default)
    previous = current if current != cs.id else None
    for other in session.scalars(select(CriteriaSet).where(CriteriaSet.is_default.is_(True))):
        other.is_default = False
    cs.is_default = True
    session.flush()
    return ToolChoice(previous)

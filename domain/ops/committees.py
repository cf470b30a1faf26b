"""Committees and their municipal years."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from .. import schema
from ..errors import Invalid
from ..locks import lock_committee_names, lock_programme
from ..values import PROGRAMME_LAYOUTS, CommitteeInfo
from ..years import municipal_year_of, start_month
from .convert import changed_since, committee_info, get, row_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..reader import Reader

EDITABLE = (
    "name",
    "short_name",
    "remit",
    "corporate_priorities",
    "chair",
    "vice_chair",
    "members",
    "co_opted",
    "officer_name",
    "officer_phone",
    "officer_email",
    "default_venue",
    "default_time",
    "capacity_items",
    "capacity_minutes",
    "minutes_per_item",
    "programme_layout",
)

# The printed programme layouts: "scored" has a Prioritisation Score column (seed 001),
# "purpose" a "Purpose of the agenda item" column and no score (seed 000).


def list_committees(session: Reader) -> list[CommitteeInfo]:
    return [
        committee_info(c)
        for c in session.execute(select(schema.committee).order_by(schema.committee.c.name))
    ]


def get_committee(session: Reader, *, committee_id: int) -> CommitteeInfo:
    return committee_info(row_of(session, schema.committee, committee_id))


def _normalise(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise Invalid(f"A committee has no field '{key}'.", key)
        if key in ("members", "co_opted") and not isinstance(value, str):
            value = "\n".join(v.strip() for v in value if v.strip())
        if isinstance(value, str):
            value = value.strip() if key not in ("remit", "corporate_priorities") else value
        out[key] = value
    if "name" in out and not out["name"]:
        raise Invalid("A committee needs a name.", "name")
    if "programme_layout" in out and out["programme_layout"] not in PROGRAMME_LAYOUTS:
        raise Invalid(
            f"Printed layout must be \u201cscored\u201d or \u201cpurpose\u201d, "
            f"not {out['programme_layout']!r}.",
            "programme_layout",
        )
    for key in ("capacity_items", "capacity_minutes", "minutes_per_item"):
        if out.get(key) is not None and out[key] < 0:
            raise Invalid("Capacity cannot be negative.", key)
    return out


def _check_unique_name(session: Session, name: str, own_id: int | None) -> None:
    clash = session.scalar(
        select(schema.committee.c.id).where(schema.committee.c.name == name, schema.committee.c.id != (own_id or -1))
    )
    if clash is not None:
        raise Invalid(f"There is already a committee called '{name}'.", "name")


def create_committee(
    session: Session, *, name: str, committee_id: int | None = None, **fields: Any
) -> CommitteeInfo:
    """A new committee; ``committee_id`` re-creates one with its old id (redo)."""
    from ..models import Committee

    values = _normalise({"name": name, **fields})
    lock_committee_names(session)
    _check_unique_name(session, values["name"], None)
    c = Committee(id=committee_id, **values)
    session.add(c)
    session.flush()
    return committee_info(c)


def update_committee(
    session: Session, *, committee_id: int, expected_version: int | None = None, **fields: Any
) -> CommitteeInfo:
    from ..models import Committee

    c = get(session, Committee, committee_id, expected_version)
    values = _normalise(fields)
    if "name" in values:
        _check_unique_name(session, values["name"], c.id)
    for key, value in values.items():
        setattr(c, key, value)
    session.flush()
    return committee_info(c)


def delete_committee(session: Session, *, committee_id: int, expected_version: int | None = None) -> None:
    """Delete a committee that has nothing recorded yet (undo of creating one)."""
    from ..models import Committee

    c = get(session, Committee, committee_id, expected_version)
    has_data = session.scalar(select(schema.topic.c.id).where(schema.topic.c.committee_id == c.id).limit(1))
    has_data = has_data or session.scalar(
        select(schema.meeting.c.id).where(schema.meeting.c.committee_id == c.id).limit(1)
    )
    if has_data is not None:
        raise Invalid(
            f"{c.name} has meetings or topics; it cannot be deleted while they are there."
        )
    session.delete(c)
    session.flush()


def list_years(session: Reader, *, committee_id: int) -> list[int]:
    """Every municipal year the committee has a programme, meeting or topic in, newest first."""
    years = set(
        session.scalars(
            select(schema.topic.c.year_start).where(schema.topic.c.committee_id == committee_id).distinct()
        )
    )
    years |= set(
        session.scalars(
            select(schema.programme_year.c.year_start).where(schema.programme_year.c.committee_id == committee_id)
        )
    )
    month = start_month(session)
    for starts_at in session.scalars(
        select(schema.meeting.c.starts_at).where(schema.meeting.c.committee_id == committee_id)
    ):
        years.add(municipal_year_of(starts_at.date(), month))
    return sorted(years, reverse=True)


def newest_programme(session: Reader) -> int | None:
    """The committee whose programme is the newest (the latest municipal year with topics, a
    programme or meetings; between equals, the one meeting latest), for a window that has no
    committee to go back to. None when there are no committees."""
    month = start_month(session)
    newest: dict[int, tuple[int, dt.datetime]] = {}

    def note(committee_id: int, year: int, last: dt.datetime = dt.datetime.min) -> None:
        newest[committee_id] = max(newest.get(committee_id, (year, last)), (year, last))

    for cid, year in session.execute(
        select(schema.topic.c.committee_id, func.max(schema.topic.c.year_start)).group_by(schema.topic.c.committee_id)
    ):
        note(cid, year)
    for cid, year in session.execute(
        select(schema.programme_year.c.committee_id, func.max(schema.programme_year.c.year_start)).group_by(
            schema.programme_year.c.committee_id
        )
    ):
        note(cid, year)
    for cid, last in session.execute(
        select(schema.meeting.c.committee_id, func.max(schema.meeting.c.starts_at)).group_by(schema.meeting.c.committee_id)
    ):
        note(cid, municipal_year_of(last.date(), month), last)
    if newest:
        return max(newest, key=lambda cid: newest[cid])
    first = list_committees(session)
    return first[0].id if first else None


def set_programme_approved(
    session: Session, *, committee_id: int, year_start: int, approved: bool, on: dt.date | None = None,
    expected: bool | None = None,
) -> bool:
    """Mark a programme approved (prints without DRAFT) or back to draft; returns the old state.

    ``expected`` is the state the caller read: when someone has since approved the programme
    or put it back to draft, nothing is written and a Conflict names who."""  # fmt: skip
    from ..models import ProgrammeYear

    row_of(session, schema.committee, committee_id)
    lock_programme(session, committee_id, year_start)
    py = session.scalar(
        select(ProgrammeYear).where(
            schema.programme_year.c.committee_id == committee_id, schema.programme_year.c.year_start == year_start
        )
    )
    if expected is not None and (py is not None and py.approved) != expected:
        raise changed_since(session, ProgrammeYear, py.id if py is not None else 0)
    if py is None:
        py = ProgrammeYear(committee_id=committee_id, year_start=year_start, approved=False)
        session.add(py)
    previous = py.approved
    py.approved = approved
    py.approved_on = (on or dt.date.today()) if approved else None
    session.flush()
    return previous


def is_approved(session: Reader, *, committee_id: int, year_start: int) -> bool:
    return bool(
        session.scalar(
            select(schema.programme_year.c.approved).where(
                schema.programme_year.c.committee_id == committee_id, schema.programme_year.c.year_start == year_start
            )
        )
    )

"""Council settings, declared once with their defaults (Picard's pattern).

These are rules a council may set differently from the defaults in domain.md, stored in the
database (table ``setting``) so that everyone sharing a database works to the same rules.
Window state and personal preferences are not here: the GUI keeps them in ``QSettings``.

Each setting has a type and a default; ``SETTINGS_VERSION`` and ``_upgrade`` let a later
version rename or convert stored values.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import schema
from .errors import Invalid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .reader import Reader

SETTINGS_VERSION = 1


@dataclass(frozen=True, slots=True)
class CouncilSettings:
    council_name: str = "Plymouth City Council"
    # Local Government Act 1972 s.100B: at least five clear working days' notice.
    clear_days: int = 5
    # Reports are due with democratic support this many working days before publication.
    report_days: int = 3
    # Days the council is closed besides bank holidays (e.g. between Christmas and New Year).
    extra_closures: tuple[dt.date, ...] = ()
    # The municipal year starts with the annual council meeting in May.
    year_start_month: int = 5
    # One officer responsible for more than this many items at one meeting is warned about.
    # Programmes routinely give a lead officer several items (seed 001: Judith Harwood has
    # four at 13 November 2019 in the approved programme), so only more than four is unusual.
    max_items_per_officer: int = 4
    # Public prints show an exempt item as "Part II item (paragraph N)" rather than omit it.
    show_part_ii_placeholders: bool = False


DEFAULTS = CouncilSettings()
_KEY_PREFIX = "council."


def _encode(value: Any) -> str:
    if isinstance(value, tuple):
        return json.dumps([v.isoformat() for v in value])
    return json.dumps(value)


def _decode(name: str, text: str) -> Any:
    raw = json.loads(text)
    if name == "extra_closures":
        return tuple(sorted(dt.date.fromisoformat(v) for v in raw))
    return raw


def _validate(s: CouncilSettings) -> None:
    if not s.council_name.strip():
        raise Invalid("Enter the council's name; it is printed on every document.", "council_name")
    if not 0 <= s.clear_days <= 30:
        raise Invalid("Clear working days must be between 0 and 30.", "clear_days")
    if not 0 <= s.report_days <= 60:
        raise Invalid("The report deadline must be 0 to 60 working days.", "report_days")
    if not 1 <= s.year_start_month <= 12:
        raise Invalid("The municipal year starts in a month from 1 to 12.", "year_start_month")
    if s.max_items_per_officer < 1:
        raise Invalid("Allow at least one item per officer.", "max_items_per_officer")


def load_settings(session: Reader) -> CouncilSettings:
    stored = {
        row.key.removeprefix(_KEY_PREFIX): row.value
        for row in session.execute(
            select(schema.setting.c.key, schema.setting.c.value).where(
                schema.setting.c.key.like(f"{_KEY_PREFIX}%")
            )
        )
    }
    values = {}
    for f in fields(CouncilSettings):
        if f.name in stored:
            try:
                values[f.name] = _decode(f.name, stored[f.name])
            except (ValueError, TypeError):
                continue  # an unreadable value falls back to its default
    return replace(DEFAULTS, **values)


def save_settings(
    session: Session, *, settings: CouncilSettings, expected: CouncilSettings | None = None
) -> CouncilSettings:
    """Store every setting that differs from what is stored; returns the previous settings.

    ``expected`` is what the caller last saw stored (undo: what the step saved); when someone
    changed a setting since, nothing is saved and Conflict says who and when."""
    from .models import Setting

    _validate(settings)
    previous = load_settings(session)
    if expected is not None and previous != expected:
        from .ops.convert import changed_since

        moved = next(f.name for f in fields(CouncilSettings) if getattr(previous, f.name) != getattr(expected, f.name))
        raise changed_since(session, Setting, _KEY_PREFIX + moved)
    for f in fields(CouncilSettings):
        key = _KEY_PREFIX + f.name
        value = getattr(settings, f.name)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=_encode(value)))
        elif row.value != _encode(value):
            row.value = _encode(value)
    row = session.get(Setting, "settings_version")
    if row is None:
        session.add(Setting(key="settings_version", value=str(SETTINGS_VERSION)))
    session.flush()
    return previous


# The database's identity: made once by migration 0006, never changed, copied with the file.
IDENTITY_KEY = "database.identity"


def database_identity(session: Reader) -> str:
    """The database's own identity (32 hex digits), e.g. for a calendar's stable UIDs."""
    value = session.scalar(select(schema.setting.c.value).where(schema.setting.c.key == IDENTITY_KEY))
    if value is None:
        raise Invalid(
            "This database has no identity yet; open it once with this version of Scrutineer "
            "so that it is upgraded, then try again."
        )
    return str(json.loads(value))

"""The council's words for stored codes, and how dates and years are written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from domain import bands
from domain.bands import Swatch
from domain.codes import SOURCE_WORDS, WORKLOAD_WORDS
from domain.dates import short_date, time_text, weekday_date  # noqa: F401 - the GUI reads time_text here
from domain.scoring import PAPER, BandRule
from domain.years import municipal_year_of, year_bounds, year_label  # noqa: F401 - the GUI reads them here

STATUS = {
    "proposed": "Proposed",
    "long_listed": "Long list",
    "short_listed": "Short list",
    "accepted": "Accepted",
    "scheduled": "Scheduled",
    "to_be_scheduled": "To be scheduled",
    "not_pursued": "Not pursued",
    "done": "Done",
    "withdrawn": "Withdrawn",
}

SOURCE = SOURCE_WORDS
WORKLOAD = WORKLOAD_WORDS
URGENT = "Urgent"

KIND = {
    "report": "Report",
    "verbal_update": "Verbal update",
    "standing": "Standing item",
    "select_review": "Select committee review",
}

MEETING_STATUS = {
    "scheduled": "Scheduled",
    "moved": "Moved",
    "cancelled": "Cancelled",
    "held": "Held",
    "adjourned": "Adjourned",
}


# Local Government Act 1972, Schedule 12A, Part 1 (as amended 2006).
SCHEDULE_12A = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    4: "Information relating to any consultations or negotiations in connection with any "
    "labour relations matter",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "Information which reveals that the authority proposes to give a notice imposing "
    "requirements on a person, or to make an order or direction",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}

# The same paragraphs in a few words, for a choice that must fit a laptop screen; the whole
# text goes with it as its tooltip.
SCHEDULE_12A_SHORT = {
    1: "Any individual",
    2: "Identity of an individual",
    3: "Financial or business affairs",
    4: "Labour relations",
    5: "Legal professional privilege",
    6: "Notices, orders or directions",
    7: "Prevention, investigation or prosecution of crime",
}

PART_II = "Part II"
UNSCORED = "Not scored"

def dark_mode() -> bool:
    """The window is drawn light on dark (the system's dark mode, or a dark palette)."""
    from PySide6.QtGui import QGuiApplication, QPalette

    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def band_swatch(band: str | None, rules: Sequence[BandRule] = PAPER.bands) -> Swatch | None:
    """The text and fill colours of ``band`` (domain.bands), for the window's light or dark
    palette; None when unscored. A second cue only: the band's name is always written there."""
    colours = bands.colours_of(band, rules)
    return colours.swatch(dark_mode()) if colours is not None else None


def band_fill(band: str | None) -> str | None:
    swatch = band_swatch(band)
    return swatch.fill if swatch is not None else None


def part_ii_tooltip(paragraph: int | None) -> str:
    if paragraph is None:
        return "Exempt (Part II) item: the Schedule 12A paragraph has not been chosen."
    return (
        f"Exempt (Part II) item under Schedule 12A, paragraph {paragraph}: "
        f"{SCHEDULE_12A.get(paragraph, 'unknown paragraph')}. "
        "Its details never appear in a public document."
    )


def date_text(d: dt.date | None) -> str:
    """'11 Sept 2019', or nothing for no date."""
    return short_date(d) if d else ""


def long_date(d: dt.date) -> str:
    """'Wednesday 11 September 2019'."""
    return weekday_date(d)



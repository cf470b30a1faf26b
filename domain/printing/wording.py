"""The words of the printed work programme, declared once for every way it is published.

The PDF (``render``) and the web page (``domain.io.html``) say exactly the same things: the
notes under the title, the contact sentence, the section titles and the column headings come
from here, so the page on the council's website never says something the print does not.
Pure Python: the web page is made without loading ReportLab.
"""

from __future__ import annotations

import re
import unicodedata

from .document import PURPOSE, ProgrammeDoc

LIVE_DOCUMENT_NOTE = (
    "Please note that the work programme is a \u2018live\u2019 document and subject to change "
    "at short notice."
)
# The purpose layout's draft (seed 000) adds this to the live-document note.
APPROVAL_NOTE = (
    "The information in this work programme is intended to be of strategic relevance and is "
    "subject to approval at the Cooperative Scrutiny Board."
)
UNDATED_ITEMS_TITLE = "NEW - items not yet allocated a date"
REVIEWS_TITLE = "Select Committee Reviews"
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
DRAFT = "DRAFT"

NO_MEETINGS = "No meetings arranged yet"
NO_ITEMS = "No items booked yet"
NONE_AT_PRESENT = "None at present"

SCORED_HEADINGS = (
    "Date of meeting",
    "Agenda item",
    "Prioritisation Score",
    "Reason for consideration",
    "Responsible Cabinet Member / Officer",
)
PURPOSE_HEADINGS = (
    "Date of meeting",
    "Agenda item",
    "Purpose of the agenda item",
    "Reason for consideration",
    "Responsible Officer",
)
SCHEDULE_HEADINGS = ("Subject", "Reason added to work programme", "Responsible Officer")


def programme_headings(doc: ProgrammeDoc) -> tuple[str, ...]:
    """The main table's column headings in the committee's printed layout."""
    return PURPOSE_HEADINGS if doc.layout == PURPOSE else SCORED_HEADINGS


def programme_note(doc: ProgrammeDoc) -> str:
    """The note under the title: a live document (and, for a purpose-layout draft, subject to
    approval)."""
    if doc.layout == PURPOSE and doc.draft:
        return f"{LIVE_DOCUMENT_NOTE} {APPROVAL_NOTE}"
    return LIVE_DOCUMENT_NOTE


def contact_sentence(officer_name: str, officer_phone: str) -> str | None:
    """Whom to ask about the programme, from what the committee's details give; None (the
    sentence left out) when they name no one and no number."""
    name, phone = officer_name.strip(), officer_phone.strip()
    if not name and not phone:
        return None
    who = f"{name}, Democratic Support Officer" if name else "the Democratic Support Officer"
    if phone:
        who += f", on {phone}" if name else f" on {phone}"
    return (
        "For general enquiries relating to the Council\u2019s Scrutiny function, including this "
        f"committee\u2019s work programme, please contact {who}."
    )


def scheduled_title(doc: ProgrammeDoc) -> str:
    """The title of the table of items with no meeting yet."""
    return UNDATED_ITEMS_TITLE if doc.layout == PURPOSE else f"Items to be scheduled {doc.short_year}"


# C0 controls (other than tab and newline) and DEL are not text; ReportLab would pass them into
# the PDF content stream as garbage glyphs, and in a web page they are parse errors.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """User text made printable without changing what it says.

    NFC-normalised (so "w" + combining circumflex prints and extracts as "ŵ"), every kind of
    line break made "\\n", tabs made spaces, control characters dropped.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\t", " ")
    text = _CONTROL_CHARS.sub("", text)
    # A lone surrogate (possible from a mangled clipboard) cannot be encoded into the file.
    return text.encode("utf-8", "replace").decode("utf-8")

"""A work programme as one self-contained, accessible web page, for the council's website.

The page is made from the printed programme (:class:`~domain.printing.document.ProgrammeDoc`),
so it shows exactly what the print shows, with the Part II rule already applied by the builder
that made the document; the words come from :mod:`domain.printing.wording`.

Written for the Public Sector Bodies Accessibility Regulations 2018 (WCAG 2.2 AA): the language
is en-GB, there is one ``h1``, an ``h2`` per section and a ``main`` landmark; each table is a
data table with a ``caption`` and header cells with a ``scope`` (a meeting's date heads its rows
as a row group); nothing is laid out with tables. The page reads in order without its style
sheet, and prints on landscape A4 with the header row repeated. Every character a user typed is
escaped: a title reading ``<script>`` shows as those characters and is never run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from ..dates import dotted_date
from ..printing.document import (
    PURPOSE,
    MeetingGroup,
    PartIIPlaceholder,
    ProgrammeDoc,
    ProgrammeRow,
    ScheduleRow,
)
from ..printing.wording import (
    DRAFT,
    NO_ITEMS,
    NO_MEETINGS,
    NONE_AT_PRESENT,
    NOT_FOR_PUBLICATION,
    REVIEWS_TITLE,
    SCHEDULE_HEADINGS,
    clean_text,
    contact_sentence,
    programme_headings,
    programme_note,
    scheduled_title,
)

LANGUAGE = "en-GB"

# Colours meet WCAG AA contrast (4.5:1 and more) on their backgrounds; nothing is said by colour
# alone: the status is a word, the meeting groups are also separated by their row headers.
_STYLE = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 1rem; line-height: 1.45;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 90rem; padding: 1rem 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h1 .committee { display: block; text-transform: uppercase; letter-spacing: .02em; }
h1 .year { display: block; font-size: 1.25rem; margin-top: .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
.status { display: inline-block; font-weight: bold; color: #9c0006; border: 2px solid #9c0006;
  padding: .15rem .6rem; margin: 0 0 .75rem; }
.scroll { overflow-x: auto; margin: 0 0 1rem; }
.scroll:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
caption { text-align: left; font-style: italic; padding: 0 0 .35rem; }
th, td { border: 1px solid #6b6b6b; padding: .4rem .55rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; hyphens: auto; }
td { overflow-wrap: anywhere; }
thead th { background: #d9d9d9; font-size: .95em; }
tbody th, td.same { background: #f3f3f3; }
tbody th { white-space: nowrap; border-bottom: none; }
td.same { border-top: none; border-bottom: none; }
tbody + tbody { border-top: 3px solid #1a1a1a; }
td.score { text-align: center; }
.flag { font-size: .9em; }
footer { margin-top: 2rem; font-size: .9em; }
@media (max-width: 45rem) {
  body { padding: .5rem; }
  th, td { padding: .3rem; }
  tbody th { white-space: normal; }
  /* Narrower than this, words would break inside columns: the table scrolls instead. */
  table { min-width: 52rem; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  h2 { break-after: avoid; }
  .short { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  thead th, tbody th { background: none; }
  .scroll { overflow: visible; }
  table { min-width: 0; }
}
""".strip()


def _text(value: str) -> str:
    """User text escaped for HTML, its line breaks kept."""
    return "<br>".join(html.escape(line, quote=True) for line in clean_text(value).split("\n"))


def _line(value: str) -> str:
    """User text for a one-line place (the page title, an attribute): line breaks as spaces."""
    return html.escape(" ".join(clean_text(value).split("\n")), quote=True)


def _mark(row: object) -> str:
    # An exempt row printed in full (NOT FOR PUBLICATION) carries its Part II mark.
    mark = getattr(row, "part_ii", None)
    return "" if mark is None else f"<br><strong>{_text(mark.label)}</strong>"


def _cell(value: str, cls: str = "") -> str:
    # dir="auto": a right-to-left title lays out right to left without turning the cell's
    # neighbours round.
    attrs = f' class="{cls}"' if cls else ""
    return f'<td dir="auto"{attrs}>{_text(value)}</td>' if value.strip() else f"<td{attrs}></td>"


def _item(row: ProgrammeRow) -> str:
    flags = ""
    if row.flags:
        flags = f'<br><em class="flag">{_text(" · ".join(row.flags))}</em>'
    return f'<td dir="auto">{_text(row.title)}{flags}{_mark(row)}</td>'


def _item_cells(row: ProgrammeRow | PartIIPlaceholder | None, purpose: bool) -> str:
    if row is None:
        return f"<td>{NO_ITEMS}</td><td></td><td></td><td></td>"
    if isinstance(row, PartIIPlaceholder):
        return f"<td>{_text(row.label)}</td><td></td><td></td><td></td>"
    middle = _cell(row.purpose) if purpose else _cell(
        "" if row.score is None else str(row.score), "score"
    )
    return _item(row) + middle + _cell(row.reason) + _cell(row.responsible)


def _meeting_body(group: MeetingGroup, purpose: bool) -> str:
    label = dotted_date(group.meeting_date) if purpose else group.date_label
    rows: Sequence[ProgrammeRow | PartIIPlaceholder | None] = group.rows or (None,)
    # The date heads the whole row group (scope="rowgroup") without spanning the rows, so a
    # meeting with many items can break across printed pages as the print does.
    date = (
        '<th scope="rowgroup">'
        f'<time datetime="{group.meeting_date.isoformat()}">{_text(label)}</time></th>'
    )
    same = '<td class="same"></td>'
    lines = [
        f"<tr>{date if i == 0 else same}{_item_cells(row, purpose)}</tr>"
        for i, row in enumerate(rows)
    ]
    return "<tbody>\n" + "\n".join(lines) + "\n</tbody>"


# Column widths as the print has them, so a long reason does not squeeze the other columns.
_SCORED_WIDTHS = (10, 21, 11, 38, 20)
_PURPOSE_WIDTHS = (9, 24, 24, 24, 19)
_SCHEDULE_WIDTHS = (28, 50, 22)


def _head(headings: Iterable[str], widths: Iterable[int]) -> str:
    cols = "".join(f'<col style="width: {w}%">' for w in widths)
    # A soft hyphen lets the narrow score column break its long heading where a reader would.
    cells = "".join(
        f'<th scope="col">{html.escape(h).replace("Prioritisation", "Prioriti&shy;sation")}</th>'
        for h in headings
    )
    return f"<colgroup>{cols}</colgroup>\n<thead>\n<tr>{cells}</tr>\n</thead>"


def _meetings_table(doc: ProgrammeDoc) -> str:
    purpose = doc.layout == PURPOSE
    headings = programme_headings(doc)
    if doc.meetings:
        bodies = "\n".join(_meeting_body(g, purpose) for g in doc.meetings)
    else:
        bodies = f'<tbody>\n<tr><td colspan="{len(headings)}">{NO_MEETINGS}</td></tr>\n</tbody>'
    return _table(
        "meetings",
        "The items on each meeting\u2019s agenda, in agenda order",
        _head(headings, _PURPOSE_WIDTHS if purpose else _SCORED_WIDTHS) + "\n" + bodies,
    )


def _table(key: str, caption: str, inside: str) -> str:
    """A table in a box that scrolls sideways on a narrow screen (a data table keeps its
    columns, WCAG 1.4.10), named by its caption and reachable from the keyboard to scroll."""
    return (
        f'<div class="scroll" role="region" tabindex="0" aria-labelledby="{key}-caption">\n'
        f'<table>\n<caption id="{key}-caption">{html.escape(caption)}</caption>\n'
        f"{inside}\n</table>\n</div>"
    )


def _schedule_table(key: str, caption: str, rows: Sequence[ScheduleRow | PartIIPlaceholder]) -> str:
    lines = []
    for row in rows:
        if isinstance(row, PartIIPlaceholder):
            lines.append(f"<tr><td>{_text(row.label)}</td><td></td><td></td></tr>")
        else:
            subject = f'<td dir="auto">{_text(row.subject)}{_mark(row)}</td>'
            lines.append(f"<tr>{subject}{_cell(row.reason)}{_cell(row.responsible)}</tr>")
    if not rows:
        lines.append(f'<tr><td colspan="3">{NONE_AT_PRESENT}</td></tr>')
    body = "\n".join(lines)
    return _table(key, caption, f"{_head(SCHEDULE_HEADINGS, _SCHEDULE_WIDTHS)}\n<tbody>\n{body}\n</tbody>")


def page_title(doc: ProgrammeDoc) -> str:
    """The page's title (the browser tab, bookmarks, search results)."""
    title = doc.title
    if doc.draft:
        title += f" ({DRAFT.lower()})"
    if doc.not_for_publication:
        title = f"{NOT_FOR_PUBLICATION}: {title}"
    return title


def programme_html(doc: ProgrammeDoc) -> bytes:
    """The programme as one self-contained HTML page (UTF-8), its style sheet inside it."""
    status = []
    if doc.not_for_publication:
        status.append(
            f'<p class="status">{NOT_FOR_PUBLICATION}: this page includes exempt (Part II) '
            "items.</p>"
        )
    if doc.draft:
        status.append(f'<p class="status">{DRAFT}</p>')
    scheduled = scheduled_title(doc)
    contact = contact_sentence(doc.officer_name, doc.officer_phone)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_line(page_title(doc))}</title>",
        f'<meta name="author" content="{_line(doc.council_name)}">',
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<h1><span class="committee" dir="auto">{_text(doc.committee_name)}</span> '
        f'<span class="year">Work Programme {_text(doc.year_label)}</span></h1>',
        *status,
        f"<p>{_text(programme_note(doc))}</p>",
        *([f"<p>{_text(contact)}</p>"] if contact else []),
        '<h2 id="meetings">Meetings</h2>',
        _meetings_table(doc),
        '<div class="short">',
        f'<h2 id="to-be-scheduled">{_text(scheduled)}</h2>',
        _schedule_table("to-be-scheduled", "Items accepted for the work programme that have no "
                        "meeting yet", doc.to_be_scheduled),
        "</div>",
        '<div class="short">',
        f'<h2 id="reviews">{REVIEWS_TITLE}</h2>',
        _schedule_table("reviews", "Reviews by a task and finish group of the committee",
                        doc.reviews),
        "</div>",
        "</main>",
        f'<footer><p dir="auto">{_text(doc.council_name)}</p></footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")

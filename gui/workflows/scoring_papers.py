"""The scoring papers from the Topics page: the selected topic's tool filled in or blank, or
a sheet for every short-listed topic (the annual work-planning session), previewed and then
printed or saved as PDF.

A print is public unless "Include exempt items" is ticked: an exempt topic's own sheet is
refused, and exempt short-listed topics are left out (domain.printing.build.build_scoring_papers).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..print_output import PrintDialogs, PrintedPdf

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..hub import Hub

TOPIC_FILLED = "scoring_topic"
TOPIC_BLANK = "scoring_topic_blank"
SHORT_LIST = "scoring_short_list"
SHORT_LIST_BLANK = "scoring_short_list_blank"
KINDS: tuple[tuple[str, str], ...] = (
    (TOPIC_FILLED, "This topic's scoring tool, filled in with its printed score"),
    (TOPIC_BLANK, "This topic's scoring sheet, blank to fill in by hand"),
    (SHORT_LIST, "Every short-listed topic, one page each (filled in where scored)"),
    (SHORT_LIST_BLANK, "Every short-listed topic, one page each, blank"),
)


def scoring_pdf(
    hub: Hub, *, committee_id: int, year_start: int, topic_id: int | None, kind: str, include_exempt: bool
) -> PrintedPdf:
    """Build and render the scoring papers of ``kind``; an error in words when there are none."""
    from domain.errors import Invalid
    from domain.printing.build import build_scoring_papers
    from domain.printing.render import render_scoring_sheet
    from domain.words import counted, slug

    one = kind in (TOPIC_FILLED, TOPIC_BLANK)
    papers = hub.query(
        build_scoring_papers,
        committee_id=committee_id,
        year_start=year_start,
        topic_ids=[topic_id] if one and topic_id is not None else None,
        blank=kind in (TOPIC_BLANK, SHORT_LIST_BLANK),
        include_exempt=include_exempt,
    )
    if not papers.sheets:
        left = (
            f" ({counted(papers.exempt_left_out, 'exempt topic')} left out: tick Include exempt items)"
            if papers.exempt_left_out
            else ""
        )
        raise Invalid(f"No topic of this year is short-listed{left}. Short-list topics first, or print one topic's sheet.")
    buffer = io.BytesIO()
    render_scoring_sheet(papers.sheets, buffer)
    first = papers.sheets[0]
    title = first.topic_title if len(papers.sheets) == 1 and one else f"Scoring sheets ({counted(len(papers.sheets), 'topic')})"
    secret = "-NOT-FOR-PUBLICATION" if any(s.not_for_publication for s in papers.sheets) else ""
    stem = slug(first.topic_title if one else "short-listed-topics")
    return PrintedPdf(buffer.getvalue(), title, f"scoring-{stem}{secret}.pdf")


def open_scoring_papers(
    parent: QWidget,
    hub: Hub,
    *,
    committee_id: int,
    year_start: int,
    topic_id: int | None,
    exempt: bool = False,
    dialogs: PrintDialogs | None = None,
) -> QWidget | None:
    """The print preview of the scoring papers, from which they are printed or saved; None,
    with the reason shown, when they cannot be made. An ``exempt`` topic's papers can only be
    NOT FOR PUBLICATION: the user is asked first, as ticking "Include exempt items" asks."""
    from ..dialogs.print_preview import PrintPreviewDialog

    dialogs = dialogs or PrintDialogs()
    if exempt and not dialogs.confirm_exempt(parent):
        return None

    def produce(kind: str, include_exempt: bool) -> PrintedPdf:
        return scoring_pdf(
            hub, committee_id=committee_id, year_start=year_start, topic_id=topic_id,
            kind=kind, include_exempt=include_exempt,
        )  # fmt: skip

    kinds = KINDS if topic_id is not None else KINDS[2:]
    dialog = PrintPreviewDialog(produce=produce, dialogs=dialogs, kinds=kinds, parent=parent)
    dialog.setObjectName("ScoringPapersPreview")
    if exempt:
        dialog.exempt_check.blockSignals(True)  # asked above
        dialog.exempt_check.setChecked(True)
        dialog.exempt_check.blockSignals(False)
    if not dialog.reload():
        dialog.deleteLater()
        return None
    dialog.show()
    return dialog

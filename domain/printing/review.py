"""A select committee review's recommendations and the executive's responses, as a document.

Cabinet agrees, notes or rejects each recommendation of a review (seed 003, minute 110); the
committee follows them up. ``ReviewDoc`` is the document as plain data, ``build_review`` makes it
from the database (``review_doc`` from the review as ``domain.ops.reviews`` returns it), and
``render_review`` prints it with the styles, fonts, escaping and page furniture of
``domain.printing.render``.

A review of an exempt (Part II) topic is refused for a public document by both builders,
whoever calls them; with ``include_exempt`` it prints marked NOT FOR PUBLICATION.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Spacer

from domain.dates import long_date
from domain.decision_values import ReviewInfo
from domain.exemption import refuse_in_public, review_exemption
from domain.printing.document import PartII, part_ii
from domain.printing.render import (
    Bookmark,
    Furniture,
    Output,
    RowInfo,
    build_pdf,
    escape_text,
    frame_widths,
    grid_table_style,
    marks,
    markup,
    para,
    row_table,
    text_cell,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RESPONSES = {"pending": "Pending", "agreed": "Agreed", "noted": "Noted", "rejected": "Rejected"}
STATUSES = {
    "proposed": "Proposed",
    "scoping": "Scoping",
    "in_progress": "In progress",
    "reported": "Reported",
    "closed": "Closed",
}


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    number: int
    text: str
    response: str  # "Agreed", "Noted", "Rejected", "Pending"
    response_on: dt.date | None = None
    response_text: str = ""
    follow_up_on: dt.date | None = None
    on_programme: bool = False  # the follow-up is on the work programme


@dataclass(frozen=True, slots=True)
class ReviewDoc:
    """The "Recommendations and responses" table of one review."""

    committee_name: str
    council_name: str
    review_title: str
    lead_officer: str = ""
    status: str = ""  # "Reported"
    reported_on: dt.date | None = None
    rows: tuple[RecommendationRow, ...] = ()
    draft: bool = False
    not_for_publication: bool = False
    heading: str = "Recommendations and responses"
    part_ii: PartII | None = None  # printed in full, an exempt review says so

    @property
    def title(self) -> str:
        return f"{self.review_title} \u2013 {self.heading}"


def _refusal() -> Exception:
    return refuse_in_public("This review is of an item that is")


def review_doc(
    info: ReviewInfo,
    *,
    committee_name: str,
    council_name: str = "",
    draft: bool = False,
    include_exempt: bool = False,
) -> ReviewDoc:
    """The document of a review as ``domain.ops.reviews.get_review`` returns it.

    A review of an exempt topic is refused unless ``include_exempt``; the document is then
    marked NOT FOR PUBLICATION.
    """
    if info.exempt and not include_exempt:
        raise _refusal()
    return ReviewDoc(
        committee_name=committee_name,
        council_name=council_name,
        review_title=info.title,
        lead_officer=info.lead_officer,
        status=STATUSES.get(info.status, info.status),
        reported_on=info.reported_on,
        rows=tuple(
            RecommendationRow(
                number=x.number,
                text=x.text,
                response=RESPONSES.get(x.response, x.response),
                response_on=x.response_on,
                response_text=x.response_text,
                follow_up_on=x.follow_up_on,
                on_programme=x.follow_up_topic_id is not None,
            )
            for x in sorted(info.recommendations, key=lambda x: x.number)
        ),
        draft=draft,
        not_for_publication=include_exempt,
        part_ii=part_ii(info.exempt, info.exempt_paragraph) if include_exempt else None,
    )


def build_review(session: Session, *, review_id: int, include_exempt: bool = False) -> ReviewDoc:
    """A review's recommendations and the executive's responses, ready to render.

    Whether the review is exempt is asked of the database before anything of it is read.
    """
    # Deferred, as in build_decisions: printing a programme does not need the reviews module.
    from domain.ops import committees, reviews
    from domain.settings import load_settings

    if not include_exempt and review_exemption(session, review_id) is not None:
        raise _refusal()
    info = reviews.get_review(session, review_id=review_id)
    committee = committees.get_committee(session, committee_id=info.committee_id)
    return review_doc(
        info,
        committee_name=committee.name,
        council_name=load_settings(session).council_name,
        include_exempt=include_exempt,
    )


# The recommendation and the response are the long texts, so they get the wide columns.
_COLUMNS = (0.05, 0.35, 0.11, 0.11, 0.25, 0.13)


def _follow_up(row: RecommendationRow) -> str:
    parts = []
    if row.follow_up_on is not None:
        parts.append(long_date(row.follow_up_on))
    if row.on_programme:
        parts.append("On the work programme")
    return "\n".join(parts)


def review_story(doc: ReviewDoc) -> list[Flowable]:
    data: list[list[Any]] = [
        [
            para("No.", "head_centre"),
            para("Recommendation", "head"),
            para("Executive response", "head"),
            para("Date of response", "head"),
            para("Response", "head"),
            para("Follow-up", "head"),
        ]
    ]
    info: list[RowInfo | None] = [None]
    for i, row in enumerate(doc.rows):
        number: list[Flowable] = [
            Bookmark(f"recommendation-{i}", f"Recommendation {row.number}", level=1),
            para(str(row.number), "cell_centre"),
        ]
        data.append([
            number,
            para(row.text),
            para(row.response, "cell_bold"),
            text_cell(long_date(row.response_on) if row.response_on else ""),
            text_cell(row.response_text),
            text_cell(_follow_up(row)),
        ])  # fmt: skip
        info.append(RowInfo(f"Recommendation {row.number}"))
    if not doc.rows:
        data.append(["", para("No recommendations recorded yet"), "", "", "", ""])
        info.append(RowInfo(doc.heading))
    facts = []
    if doc.lead_officer:
        facts.append(f"<b>Lead officer:</b> {escape_text(doc.lead_officer)}")
    if doc.status:
        facts.append(f"<b>Status:</b> {escape_text(doc.status)}")
    if doc.reported_on is not None:
        facts.append(f"<b>Reported:</b> {escape_text(long_date(doc.reported_on))}")
    story: list[Flowable] = [
        Bookmark("review", doc.review_title),
        para(doc.committee_name, "committee_mixed"),
        para(f"{doc.review_title} \u2013 {doc.heading}", "doc_title"),
        *marks((), doc.part_ii),
    ]
    if facts:
        story.append(markup(" \u00a0\u00b7\u00a0 ".join(facts), "body"))
    story += [
        Spacer(0, 4),
        row_table(data, frame_widths(_COLUMNS), info, grid_table_style(1), repeat_rows=1),
    ]
    return story


def render_review(doc: ReviewDoc, out: Output, *, invariant: bool = False) -> None:
    """Print a review's recommendations and the executive's responses (landscape A4)."""
    build_pdf(
        review_story(doc),
        out,
        Furniture(doc.title, doc.council_name, doc.draft, doc.not_for_publication),
        subject="Select committee review: recommendations and responses",
        keywords=["scrutiny", "select committee review", doc.committee_name, doc.review_title],
        invariant=invariant,
    )


__all__ = ["RecommendationRow", "ReviewDoc", "build_review", "render_review", "review_doc"]

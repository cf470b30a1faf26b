"""The work-planning session pack: a committee's short list for a year, each topic with who
proposed it, why, the outcome wanted, the workload it brings and its score, for the members
choosing the year's programme.

``SessionPackDoc`` is the document as plain data, ``build_session_pack`` makes it from the
database and ``render_session_pack`` prints it with the styles and page furniture of
``domain.printing.render``.

Part II: a public pack never loads an exempt topic's text; each exempt topic on the short list
is a "Part II item (paragraph N)" line. With ``include_exempt`` they print in full, marked, and
every page says NOT FOR PUBLICATION. A member of the public who proposed a topic is never named
in print, and nobody's contact details are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Spacer

from domain.codes import SOURCE_WORDS, WORKLOAD_WORDS
from domain.printing.document import PartII, PartIIPlaceholder, part_ii
from domain.printing.render import (
    Bookmark,
    Furniture,
    Output,
    RowInfo,
    build_pdf,
    frame_widths,
    grid_table_style,
    marks,
    para,
    row_table,
    text_cell,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HEADING = "Work-planning session: the short list"


@dataclass(frozen=True, slots=True)
class PackRow:
    """One short-listed topic."""

    title: str
    reason: str = ""
    outcome: str = ""
    proposer: str = ""  # "Member: Cllr Jo Bowles"; a member of the public is not named
    plan_link: str = ""
    workload: str = ""  # "Heavy"
    score: int | None = None
    band: str | None = None
    flags: tuple[str, ...] = ()  # "Urgent: ...", screening flags with their reasons
    part_ii: PartII | None = None


@dataclass(frozen=True, slots=True)
class SessionPackDoc:
    committee_name: str
    council_name: str
    year_label: str  # "2019 - 20"
    rows: tuple[PackRow | PartIIPlaceholder, ...] = ()
    not_for_publication: bool = False

    @property
    def title(self) -> str:
        return f"{HEADING} {self.year_label}"


def proposer_text(kind: str | None, name: str) -> str:
    """Who proposed a topic, as a print may show it: a member of the public is not named."""
    words = SOURCE_WORDS.get(kind or "", "")
    if kind == "public" or not name:
        return words
    return f"{words}: {name}" if words else name


def build_session_pack(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool = False
) -> SessionPackDoc:
    """The committee's short list for the year, urgent topics first, then by score."""
    from sqlalchemy import select

    from domain import schema
    from domain.ops.convert import agreed_scores, row_of
    from domain.schema import TopicStatus
    from domain.screening import FLAGS, normal_screening
    from domain.settings import load_settings
    from domain.years import year_label

    t = schema.topic
    committee = row_of(session, schema.committee, committee_id)
    listed = (t.c.committee_id == committee_id, t.c.year_start == year_start, t.c.status == TopicStatus.SHORT_LISTED)
    public: Any = True if include_exempt else t.c.exempt.is_(False)
    topics = session.execute(
        select(
            t.c.id, t.c.title, t.c.reason, t.c.outcome, t.c.source_kind, t.c.proposer_name,
            t.c.plan_link, t.c.workload, t.c.urgent, t.c.urgent_reason, t.c.screening,
            t.c.exempt, t.c.exempt_paragraph,
        ).where(*listed, public)
    ).all()  # fmt: skip
    scores = agreed_scores(session, [r.id for r in topics])
    rows: list[tuple[tuple[Any, ...], PackRow | PartIIPlaceholder]] = []
    for r in topics:
        score, band = scores.get(r.id, (None, None))
        flags = [f"Urgent: {r.urgent_reason}"] if r.urgent else []
        flags += [f"{FLAGS[f]}: {why}" for f, why in normal_screening(r.screening)]
        row = PackRow(
            title=r.title, reason=r.reason, outcome=r.outcome,
            proposer=proposer_text(r.source_kind.value if r.source_kind else None, r.proposer_name),
            plan_link=r.plan_link, workload=WORKLOAD_WORDS.get(r.workload.value, "") if r.workload else "",
            score=score, band=band, flags=tuple(flags), part_ii=part_ii(r.exempt, r.exempt_paragraph),
        )  # fmt: skip
        rows.append(((not r.urgent, score is None, -(score or 0), r.title.lower()), row))
    if not include_exempt:
        # Only the paragraph of an exempt topic is read, never its text.
        for (paragraph,) in session.execute(select(t.c.exempt_paragraph).where(*listed, t.c.exempt.is_(True))):
            rows.append(((True, True, 0, "\uffff"), PartIIPlaceholder(paragraph or 1)))
    rows.sort(key=lambda kr: kr[0])
    return SessionPackDoc(
        committee_name=committee.name,
        council_name=load_settings(session).council_name,
        year_label=year_label(year_start),
        rows=tuple(row for _key, row in rows),
        not_for_publication=include_exempt,
    )


_COLUMNS = (0.04, 0.37, 0.24, 0.16, 0.08, 0.11)


def session_pack_story(doc: SessionPackDoc) -> list[Flowable]:
    data: list[list[Any]] = [
        [
            para("No.", "head_centre"),
            para("Topic and why it is suggested", "head"),
            para("Outcome wanted and link to the corporate plan", "head"),
            para("Proposed by", "head"),
            para("Workload", "head"),
            para("Score", "head"),
        ]
    ]
    info: list[RowInfo | None] = [None]
    for i, row in enumerate(doc.rows, start=1):
        if isinstance(row, PartIIPlaceholder):
            data.append([para(str(i), "cell_centre"), para(row.label), "", "", "", ""])
            info.append(RowInfo(row.label))
            continue
        topic: list[Flowable] = [
            Bookmark(f"topic-{i}", row.title, level=1),
            para(row.title, "cell_bold"),
            *marks(row.flags, row.part_ii),
        ]
        if row.reason:
            topic.append(para(row.reason))
        outcome: list[Flowable] = [para(row.outcome)] if row.outcome else []
        if row.plan_link:
            outcome.append(para(f"Corporate plan: {row.plan_link}"))
        score = "" if row.score is None else f"{row.score} ({row.band})" if row.band else str(row.score)
        data.append([
            para(str(i), "cell_centre"), topic, outcome or "", text_cell(row.proposer),
            text_cell(row.workload), text_cell(score or "Not scored"),
        ])  # fmt: skip
        info.append(RowInfo(row.title))
    if not doc.rows:
        data.append(["", para("Nothing is on the short list yet."), "", "", "", ""])
        info.append(RowInfo(HEADING))
    return [
        Bookmark("pack", doc.title),
        para(doc.committee_name, "committee_mixed"),
        para(doc.title, "doc_title"),
        para(
            "Each topic the committee short-listed, for the members to choose the year's "
            "programme: accept it (it then waits to be scheduled) or say why it is not pursued.",
            "body",
        ),
        Spacer(0, 4),
        row_table(data, frame_widths(_COLUMNS), info, grid_table_style(1), repeat_rows=1),
    ]


def render_session_pack(doc: SessionPackDoc, out: Output, *, invariant: bool = False) -> None:
    """Print the work-planning session pack (landscape A4)."""
    build_pdf(
        session_pack_story(doc),
        out,
        Furniture(doc.title, doc.council_name, False, doc.not_for_publication),
        subject="Work-planning session pack",
        keywords=["scrutiny", "work programme", "short list", doc.committee_name],
        invariant=invariant,
    )


__all__ = ["PackRow", "SessionPackDoc", "build_session_pack", "render_session_pack"]

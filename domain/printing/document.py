"""The printed documents as plain data: what is on the page, not how it is drawn.

A builder (reading the database) fills these frozen dataclasses; ``domain.printing.render``
turns them into PDF. Nothing here touches a database or ReportLab, so a document can be built
in a test from literals and every renderer sees exactly the same values.

Exempt (Part II) items
----------------------
An item whose papers are exempt under Schedule 12A of the Local Government Act 1972 must never
show its title, reason, officer or resolution in a printed document. The builder decides per
document what to do with each exempt item:

* leave it out altogether (the default for a public document), or
* when the user chooses to show that a Part II item exists, put a
  ``PartIIPlaceholder(paragraph=N)`` where the row would have been, with N the Schedule 12A
  paragraph (1-7) the report cites. The placeholder carries nothing else, so no detail of the
  item can reach the page; the renderer prints "Part II item (paragraph N)" and leaves the other
  cells empty.

Placeholders are accepted wherever a row is: in ``MeetingGroup.rows``, in
``ProgrammeDoc.to_be_scheduled`` and ``reviews``, in ``DecisionsDoc.rows`` and in a meeting's
``AgendaMeeting.rows``. In a public document the builder never copies an exempt item's text into
a ``ProgrammeRow``, ``ScheduleRow``, ``DecisionRow`` or ``AgendaRow``.

In a document NOT FOR PUBLICATION (``include_exempt``) exempt rows print in full, and each is
marked with ``part_ii`` (a ``PartII``): the renderer prints "Part II (paragraph N)" on the row, so
whoever reads the paper knows which items to keep back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.dates import council_date
from domain.scoring import PAPER, BandRule, Question, band_for, total
from domain.values import PROGRAMME_LAYOUTS
from domain.years import short_year_label, year_label

if TYPE_CHECKING:
    from domain.ops.year_view import MeetingBar


def year_labels(start_year: int) -> tuple[str, str]:
    """The municipal year's two printed forms: ("2019 - 20", "2019/20")."""
    return year_label(start_year), short_year_label(start_year)


SCORED, PURPOSE = LAYOUTS = PROGRAMME_LAYOUTS


@dataclass(frozen=True, slots=True)
class PartIIPlaceholder:
    """Stands in for an exempt item; see the module docstring."""

    paragraph: int

    def __post_init__(self) -> None:
        if not 1 <= self.paragraph <= 7:
            raise ValueError(f"Part II paragraph must be 1-7 (Schedule 12A), not {self.paragraph}")

    @property
    def label(self) -> str:
        return f"Part II item (paragraph {self.paragraph})"


@dataclass(frozen=True, slots=True)
class PartII:
    """The mark on an exempt row printed in full (NOT FOR PUBLICATION)."""

    paragraph: int | None = None  # the Schedule 12A paragraph; None when never given

    @property
    def label(self) -> str:
        return "Part II" if self.paragraph is None else f"Part II (paragraph {self.paragraph})"


def part_ii(exempt: bool, paragraph: int | None) -> PartII | None:
    """The mark for a row read with ``include_exempt``: a ``PartII`` for an exempt row."""
    return PartII(paragraph) if exempt else None


def part_ii_label(exempt: bool, paragraph: int | None) -> str:
    """"Part II (paragraph 3)" for an exempt row, as printed; empty for a public one."""
    mark = part_ii(exempt, paragraph)
    return mark.label if mark is not None else ""


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """One agenda item of a meeting on the work programme."""

    title: str
    score: int | None = None  # the agreed PAPER total; None prints a blank cell
    reason: str = ""
    responsible: str = ""
    flags: tuple[str, ...] = ()  # e.g. ("To follow",), ("Verbal update",)
    # Only the purpose layout prints it in its own column; the scored layout folds the purpose
    # into ``reason`` when there is one.
    purpose: str = ""
    part_ii: PartII | None = None


@dataclass(frozen=True, slots=True)
class MeetingGroup:
    """A meeting and the items booked onto it, in agenda order."""

    meeting_date: dt.date
    rows: tuple[ProgrammeRow | PartIIPlaceholder, ...]

    @property
    def date_label(self) -> str:
        return council_date(self.meeting_date)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """A row of "Items to be scheduled" or "Select Committee Reviews"."""

    subject: str
    reason: str = ""
    responsible: str = ""
    part_ii: PartII | None = None


def _check_answers(
    questions: Sequence[Question], answers: Sequence[PaperAnswer] | None, what: str
) -> None:
    if answers is not None and len(answers) != len(questions):
        raise ValueError(
            f"{what}: {len(answers)} answers for {len(questions)} questions; "
            "give one answer (Yes, No or blank) per question"
        )


@dataclass(frozen=True, slots=True)
class PaperAnswer:
    """One answer on the prioritisation tool: Yes (True), No (False), a value on a scale
    question's scale, or not answered (None)."""

    value: bool | int | None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class PaperAnnex:
    """The prioritisation tool printed after the programme: blank, or filled in for a topic.

    ``total`` and ``band`` are worked out from the answers when not given, with each question's
    weight; a builder that already holds the agreed score passes it so the page matches the
    programme.
    """

    questions: tuple[Question, ...] = PAPER.questions
    bands: tuple[BandRule, ...] = PAPER.bands
    answers: tuple[PaperAnswer, ...] | None = None
    topic_title: str | None = None
    heading: str = "Annex 1 \u2013 Scrutiny Prioritisation Tool"
    total: int | None = None
    band: str | None = None
    part_ii: PartII | None = None  # an exempt topic's tool, printed NOT FOR PUBLICATION

    def __post_init__(self) -> None:
        _check_answers(self.questions, self.answers, f"Annex for {self.topic_title or 'topic'}")
        if self.answers is not None:
            if self.total is None:
                t = total([a.value for a in self.answers], [q.weight for q in self.questions])
                object.__setattr__(self, "total", t)
            if self.band is None:
                object.__setattr__(self, "band", band_for(self.total, self.bands))


@dataclass(frozen=True, slots=True)
class ProgrammeDoc:
    """The printed work programme of one committee for one municipal year."""

    committee_name: str
    year_label: str  # "2019 - 20"
    short_year: str  # "2019/20"
    officer_name: str
    officer_phone: str
    council_name: str
    meetings: tuple[MeetingGroup, ...] = ()
    to_be_scheduled: tuple[ScheduleRow | PartIIPlaceholder, ...] = ()
    reviews: tuple[ScheduleRow | PartIIPlaceholder, ...] = ()
    annex: PaperAnnex | None = None
    draft: bool = False
    not_for_publication: bool = False
    layout: str = SCORED  # SCORED (seed 001) or PURPOSE (seed 000)
    # Each meeting's load, for the chart on the first page (None: no chart). Counts and dates
    # only, so it is the same in a public document and one not for publication.
    load_chart: tuple[MeetingBar, ...] | None = None

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"Programme layout must be one of {LAYOUTS}, not {self.layout!r}")

    @property
    def title(self) -> str:
        return f"{self.committee_name} \u2013 Work Programme {self.year_label}"


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One resolution followed up in the tracking decisions document."""

    meeting_date: dt.date
    title: str
    resolution: str
    target_date_label: str  # "July 2019", "10 July 2019"
    officer: str
    progress: str
    minute_no: str = ""
    rag: str = ""  # "Amber \u2013 progressing"; empty when not marked
    part_ii: PartII | None = None


@dataclass(frozen=True, slots=True)
class DecisionsDoc:
    """The "Tracking Decisions" document reviewed at each meeting."""

    committee_name: str
    council_name: str
    rows: tuple[DecisionRow | PartIIPlaceholder, ...] = ()
    draft: bool = False
    not_for_publication: bool = False
    heading: str = "Tracking Decisions"

    @property
    def title(self) -> str:
        return f"{self.committee_name} \u2013 {self.heading}"


@dataclass(frozen=True, slots=True)
class ScoringSheet:
    """A topic's prioritisation, printed one page per topic: one scorer's answers with their
    evidence (the filled-in tool), or, with ``answers`` None, the sheet a member fills in by
    hand at the work-planning session. ``tool_name`` names the criteria set ("PAPER")."""

    topic_title: str
    scorer: str
    scored_on: dt.date | None
    answers: tuple[PaperAnswer, ...] | None
    questions: tuple[Question, ...] = PAPER.questions
    bands: tuple[BandRule, ...] = PAPER.bands
    committee_name: str = ""
    council_name: str = ""
    total: int | None = None
    band: str | None = None
    not_for_publication: bool = False
    part_ii: PartII | None = None
    # The council's evidence linked to the topic, a line each ("Performance indicator: P14
    # Increase access to early help and support – Amber for Q2 2015/16").
    evidence: tuple[str, ...] = ()
    reason: str = ""  # the topic's reason for consideration
    tool_name: str = ""

    def __post_init__(self) -> None:
        _check_answers(self.questions, self.answers, f"Scoring sheet for {self.topic_title!r}")
        if self.answers is None:
            return
        if self.total is None:
            t = total([a.value for a in self.answers], [q.weight for q in self.questions])
            object.__setattr__(self, "total", t)
        if self.band is None:
            object.__setattr__(self, "band", band_for(self.total, self.bands))


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """A scrutiny item on a meeting's agenda, as its report author needs to know it."""

    title: str
    purpose: str = ""  # the purpose of the agenda item, else the reason it is on the programme
    author: str = ""  # who writes the report (the responsible officer)
    flags: tuple[str, ...] = ()  # ("To follow",), ("Verbal update",)
    part_ii: PartII | None = None


@dataclass(frozen=True, slots=True)
class AgendaMeeting:
    """A meeting, its deadlines and its scrutiny items in agenda order."""

    starts_at: dt.datetime
    report_deadline: dt.date
    publication: dt.date
    venue: str = ""
    rows: tuple[AgendaRow | PartIIPlaceholder, ...] = ()

    @property
    def date_label(self) -> str:
        return council_date(self.starts_at.date())


@dataclass(frozen=True, slots=True)
class MeetingPapersDoc:
    """A meeting's own papers: its scrutiny items with their report deadline (the list an
    advisor sends to report authors), then the forward look of the meetings after it (the
    chair's briefing)."""

    committee_name: str
    council_name: str
    meeting: AgendaMeeting
    forward_look: tuple[AgendaMeeting, ...] = ()
    with_forward_look: bool = False  # asked for, even when no meeting follows
    not_for_publication: bool = False
    draft: bool = False

    @property
    def title(self) -> str:
        what = "Chair\u2019s briefing" if self.with_forward_look else "Agenda items"
        return f"{self.committee_name} \u2013 {what}, {self.meeting.date_label}"

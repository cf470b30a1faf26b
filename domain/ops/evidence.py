"""Evidence from the council's own systems, and what it suggests when a topic is scored.

Key actions and performance indicators (with their RAG mark per quarter), forward-plan key
decisions and risks come in from the council's files (:mod:`domain.io.evidence`): importing the
same file again updates each row its code or reference names, never adds it twice (the
database's unique constraint on kind and key decides). Evidence is linked to topics by hand,
several each way; :func:`topic_evidence` also suggests links from the words a topic and a piece
of evidence share and from the performance report's allocation of it to the topic's committee.

A linked indicator or key action whose latest mark is Red or Amber suggests Yes to the
"Performance" question, and a linked key decision Yes to the "Executive decision" question
(:func:`answer_suggestions`). A suggestion is only offered: the scorer accepts it or not.
:func:`question_role` is the one place that says which question of a scoring set a suggestion
is for, by the question's title, so any set with such a question gets them and others none.

Part II: an exempt forward-plan item's title is never put in a suggestion's evidence text, which
says only that an exempt key decision is expected and when, so a score made from it stays
publishable; printed sheets leave exempt items out unless exempt items are asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.orm import Session

from .. import schema
from ..codes import EvidenceKind, Rag
from ..dates import short_date
from ..errors import Conflict, NotFound
from ..io.evidence import EvidenceFile, EvidenceRow, evidence_key
from ..models import Evidence, EvidenceLink, EvidenceRating, Topic
from ..words import counted
from .convert import chunks, get

# --- values ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingInfo:
    period: str
    order: int
    rag: Rag


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """One piece of evidence as every view shows it."""

    id: int
    kind: EvidenceKind
    reference: str
    title: str
    lead: str = ""
    panel: str = ""
    decision_on: dt.date | None = None
    key_decision: bool = False
    exempt: bool = False
    exempt_paragraph: int | None = None
    score: int | None = None
    latest: RatingInfo | None = None  # a key action's or indicator's newest mark

    @property
    def name(self) -> str:
        """'P14 Increase access to early help and support'; an exempt item's title is not in
        it (see :attr:`public_name`)."""
        return f"{self.reference} {self.title}".strip()

    @property
    def public_name(self) -> str:
        """What may be shown where the public may see it."""
        if self.exempt:
            para = f", paragraph {self.exempt_paragraph}" if self.exempt_paragraph else ""
            return f"Exempt (Part II{para}) forward-plan item"
        return self.name

    @property
    def status(self) -> str:
        """'Red for Q2 2015/16', 'Key decision expected 12 Jun 2023', 'Score 16', or ''."""
        if self.latest is not None:
            return f"{self.latest.rag.label} for {self.latest.period}"
        if self.kind is EvidenceKind.FORWARD_PLAN:
            when = f" expected {short_date(self.decision_on)}" if self.decision_on else ""
            return ("Key decision" if self.key_decision else "Decision") + when
        if self.score is not None:
            return f"Score {self.score}"
        return ""


@dataclass(frozen=True, slots=True)
class EvidenceImportSummary:
    file_kind: EvidenceFile
    added: tuple[int, ...]  # ids of the rows the import added
    updated: int
    unchanged: int
    ratings: int  # RAG marks added or changed
    # What the import changed, to put back on undo: each updated row's values before.
    before: tuple[EvidenceSnapshot, ...] = ()
    # ("evidence", id, version) of every row it added or updated, as it left them: undo checks
    # nobody changed them since.
    versions: tuple[tuple[str, int, int], ...] = ()

    def counts(self) -> str:
        parts = [f"{counted(len(self.added), 'new row')}", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        text = ", ".join(parts)
        if self.ratings:
            text += f" ({counted(self.ratings, 'RAG mark')} new or changed)"
        return text


@dataclass(frozen=True, slots=True)
class EvidenceSnapshot:
    """A row of evidence and its marks, as they were."""

    id: int
    fields: tuple[tuple[str, object], ...]
    ratings: tuple[RatingInfo, ...]


_FIELDS = ("reference", "title", "lead", "panel", "decision_on", "key_decision", "exempt",
           "exempt_paragraph", "score")


# --- importing ---------------------------------------------------------------------------------


def import_evidence(
    session: Session, *, file_kind: EvidenceFile, rows: Sequence[EvidenceRow],
    reuse: Sequence[int] = (),
) -> EvidenceImportSummary:
    """Write checked rows: a row whose kind and key are already here is updated (its RAG marks
    for the file's quarters replaced, others kept), any other is added. ``reuse`` gives ids for
    the added rows (redoing an import that was undone gives them back their ids)."""
    keys = sorted({r.key for r in rows})
    existing = {
        (e.kind, e.key): e
        for part in chunks(keys)
        for e in session.scalars(select(Evidence).where(Evidence.key.in_(part)))
    }
    marks_of: dict[int, dict[int, EvidenceRating]] = {}
    known_ids = sorted(e.id for e in existing.values())
    for part in chunks(known_ids):
        for m in session.scalars(select(EvidenceRating).where(EvidenceRating.evidence_id.in_(part))):
            marks_of.setdefault(m.evidence_id, {})[m.period_order] = m
    free_ids = list(reuse)
    new: list[Evidence] = []
    before: list[EvidenceSnapshot] = []
    updated = unchanged = ratings = 0
    placed: list[tuple[EvidenceRow, Evidence]] = []
    for r in rows:
        values = {
            "reference": r.reference, "title": r.title, "lead": r.lead, "panel": r.panel,
            "decision_on": r.decision_on, "key_decision": r.key_decision, "exempt": r.exempt,
            "exempt_paragraph": r.exempt_paragraph, "score": r.score,
        }
        e = existing.get((r.kind, r.key))
        if e is None:
            e = Evidence(kind=r.kind, key=r.key, **values)
            if free_ids:
                e.id = free_ids.pop(0)
            new.append(e)
        else:
            marks = marks_of.get(e.id, {})
            snapshot = _snapshot(e, marks.values())
            changed = False
            for name, value in values.items():
                if getattr(e, name) != value:
                    setattr(e, name, value)
                    changed = True
            new_marks = any(
                marks.get(x.order) is None or marks[x.order].rag != x.rag for x in r.ratings
            )
            if changed or new_marks:
                updated += 1
                before.append(snapshot)
            else:
                unchanged += 1
        placed.append((r, e))
    session.add_all(new)
    session.flush()  # one flush gives every new row its id
    added = [e.id for e in new]
    for r, e in placed:
        marks = marks_of.get(e.id, {})
        for x in r.ratings:
            mark = marks.get(x.order)
            if mark is None:
                session.add(EvidenceRating(evidence_id=e.id, period=x.period, period_order=x.order, rag=x.rag))
                ratings += 1
            elif mark.rag != x.rag:
                mark.rag = x.rag
                ratings += 1
    session.flush()
    touched = [*added, *(b.id for b in before)]
    # A row's marks are part of it: a later import that only changes marks must show in the
    # version an undo of this import checks.
    _new_version(session, [b.id for b in before])
    versions = tuple(
        ("evidence", i, v)
        for part in chunks(touched)
        for i, v in session.execute(select(Evidence.id, Evidence.version).where(Evidence.id.in_(part)))
    )
    return EvidenceImportSummary(
        file_kind=file_kind, added=tuple(added), updated=updated, unchanged=unchanged,
        ratings=ratings, before=tuple(before), versions=versions,
    )


def _new_version(session: Session, evidence_ids: Sequence[int]) -> None:
    """Count a change to these rows' marks or links as a change to the rows (their version),
    so whoever kept the version they read sees it. After the session's last flush of them."""
    for part in chunks(sorted(set(evidence_ids))):
        session.execute(
            update(schema.evidence).where(schema.evidence.c.id.in_(part)).values(version=schema.evidence.c.version + 1)
        )
    session.expire_all()


def _snapshot(e: Evidence, marks: Iterable[EvidenceRating]) -> EvidenceSnapshot:
    return EvidenceSnapshot(
        id=e.id,
        fields=tuple((name, getattr(e, name)) for name in _FIELDS),
        ratings=tuple(RatingInfo(m.period, m.period_order, m.rag) for m in marks),
    )


def undo_import(session: Session, *, summary: EvidenceImportSummary, check: bool = True) -> None:
    """Take an import back: the rows it added are removed (with their links), the rows it
    updated get their values and marks as they were. With ``check``, a row someone else
    changed since the import stops it (``Conflict``), nothing written."""
    if check and summary.versions:
        now = {
            i: v
            for i, v in session.execute(
                select(Evidence.id, Evidence.version).where(Evidence.id.in_([i for _t, i, _v in summary.versions]))
            )
        }
        if any(now.get(i) != v for _t, i, v in summary.versions):
            raise Conflict(
                "Someone else changed evidence this import brought in since it was imported, so "
                "it cannot be taken back as it was. Nothing was changed; import the file again "
                "to correct it."
            )
    if summary.added:
        session.execute(delete(EvidenceRating).where(EvidenceRating.evidence_id.in_(summary.added)))
        session.execute(delete(EvidenceLink).where(EvidenceLink.evidence_id.in_(summary.added)))
        session.execute(delete(Evidence).where(Evidence.id.in_(summary.added)))
    for snap in summary.before:
        e = get(session, Evidence, snap.id)
        for name, value in snap.fields:
            if getattr(e, name) != value:
                setattr(e, name, value)
        marks = {m.period_order: m for m in session.scalars(
            select(EvidenceRating).where(EvidenceRating.evidence_id == e.id)
        )}
        kept = {x.order: x for x in snap.ratings}
        for order, mark in marks.items():
            if order not in kept:
                session.delete(mark)
            elif mark.rag != kept[order].rag:
                mark.rag = kept[order].rag
        for order, x in kept.items():
            if order not in marks:
                session.add(EvidenceRating(evidence_id=e.id, period=x.period, period_order=order, rag=x.rag))
    session.flush()


# --- reading -----------------------------------------------------------------------------------


def _infos(session: Session, where: Iterable[ColumnElement[bool]] = ()) -> list[EvidenceInfo]:
    e = schema.evidence
    rows = session.execute(select(e).where(*where).order_by(e.c.kind, e.c.reference, e.c.title)).all()
    latest: dict[int, RatingInfo] = {}
    ids = [r.id for r in rows]
    if ids:
        r_ = schema.evidence_rating
        for m in session.execute(
            select(r_.c.evidence_id, r_.c.period, r_.c.period_order, r_.c.rag)
            .where(r_.c.evidence_id.in_(ids))
            .order_by(r_.c.period_order)
        ):
            latest[m.evidence_id] = RatingInfo(m.period, m.period_order, Rag(m.rag))
    return [
        EvidenceInfo(
            id=r.id, kind=EvidenceKind(r.kind), reference=r.reference, title=r.title, lead=r.lead,
            panel=r.panel, decision_on=r.decision_on, key_decision=r.key_decision,
            exempt=r.exempt, exempt_paragraph=r.exempt_paragraph, score=r.score,
            latest=latest.get(r.id),
        )
        for r in rows
    ]


def list_evidence(session: Session) -> tuple[EvidenceInfo, ...]:
    """Every piece of evidence, by kind and reference."""
    return tuple(_infos(session))


def find_evidence(session: Session, *, reference: str, kind: EvidenceKind | None = None) -> EvidenceInfo:
    """The evidence a code or reference (or a forward-plan item's title) names."""
    key = evidence_key(reference, reference)
    title_key = evidence_key("", reference)
    where: list[ColumnElement[bool]] = [schema.evidence.c.key.in_({key, title_key})]
    if kind is not None:
        where.append(schema.evidence.c.kind == kind.value)
    found = _infos(session, where)
    if not found:
        raise NotFound(f"There is no evidence called '{reference}'. Import it first, or check the code.")
    return found[0]


@dataclass(frozen=True, slots=True)
class TopicEvidence:
    """A topic's linked evidence, and the links the program suggests (best first)."""

    topic_id: int
    topic_title: str
    linked: tuple[EvidenceInfo, ...]
    suggested: tuple[EvidenceInfo, ...]


_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset(
    ["with", "from", "that", "this", "their", "there", "which", "will", "into", "more", "than", "have", "been", "being", "update", "report", "plan", "plans", "review", "city", "council", "plymouth", "children", "young", "people", "services", "service", "deliver", "delivery", "increase", "number", "strategy", "work", "programme", "about", "within", "other", "ensure"]  # noqa: SIM905 - a list of words reads better as words
)
_CODE = re.compile(r"\b([KP]\d+[a-z]?)\b", re.IGNORECASE)
_SUGGESTED = 8


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.casefold())} - _COMMON


def _panel_matches(panel: str, committee: str, short: str) -> bool:
    """The performance report allocates to "Ambitious" what the committee list calls the
    "Ambitious Plymouth" panel: a panel named by the committee's first word or its short name."""
    p = " ".join(panel.casefold().split())
    if not p:
        return False
    names = {committee.casefold(), short.casefold()} - {""}
    return any(p == n or n.startswith(p + " ") or p.startswith(n + " ") for n in names) or (
        p.split()[0] == committee.casefold().split()[0] if committee else False
    )


def topic_evidence(session: Session, *, topic_id: int) -> TopicEvidence:
    """The topic's linked evidence and the evidence it may concern: shared words in the titles
    (the topic's reason counts too), a code the topic names ("K14"), and the performance
    report allocating a key action or indicator to the topic's committee."""
    topic = get(session, Topic, topic_id)
    linked_ids = set(session.scalars(
        select(schema.evidence_link.c.evidence_id).where(schema.evidence_link.c.topic_id == topic_id)
    ))
    everything = _infos(session)
    linked = tuple(e for e in everything if e.id in linked_ids)
    committee = session.execute(
        select(schema.committee.c.name, schema.committee.c.short_name).where(
            schema.committee.c.id == topic.committee_id
        )
    ).one()
    words = _words(topic.title) | _words(topic.reason)
    codes = {c.upper() for c in _CODE.findall(topic.title)}
    scored: list[tuple[float, EvidenceInfo]] = []
    for e in everything:
        if e.id in linked_ids:
            continue
        score = 0.0
        if e.reference.upper() in codes or e.reference.upper().rstrip("AB") in codes:
            score += 3
        shared = words & _words(e.title)
        score += len(shared)
        if score and e.panel:
            # The report allocates each key action and indicator to one panel: another
            # panel's needs more in common to be suggested.
            score += 1 if _panel_matches(e.panel, committee.name, committee.short_name) else -1
        if score >= 2 or (score >= 1 and e.reference.upper() in codes):
            scored.append((score, e))
    scored.sort(key=lambda p: (-p[0], p[1].reference, p[1].title))
    return TopicEvidence(topic_id, topic.title, linked, tuple(e for _s, e in scored[:_SUGGESTED]))


@dataclass(frozen=True, slots=True)
class LinkChange:
    """A topic's links before and after one edit, for undo."""

    topic_id: int
    before: tuple[int, ...]
    after: tuple[int, ...]


def set_topic_evidence(
    session: Session, *, topic_id: int, evidence_ids: Sequence[int],
    expected: Sequence[int] | None = None,
) -> LinkChange:
    """Make the topic's linked evidence exactly ``evidence_ids``. ``expected`` is the links the
    user saw: when someone else changed them since, nothing is written (``Conflict``)."""
    get(session, Topic, topic_id)
    before = tuple(sorted(session.scalars(
        select(EvidenceLink.evidence_id).where(EvidenceLink.topic_id == topic_id)
    )))
    if expected is not None and tuple(sorted(expected)) != before:
        raise Conflict(
            "Someone else changed this topic's evidence since you opened it. Your change was not "
            "saved; the view has been reloaded, so check it and make your change again."
        )
    wanted = tuple(sorted(set(evidence_ids)))
    known = set(session.scalars(select(Evidence.id).where(Evidence.id.in_(wanted))))
    missing = [i for i in wanted if i not in known]
    if missing:
        raise NotFound("Some of that evidence is no longer here (removed by someone else); reload and try again.")
    gone = set(before) - set(wanted)
    if gone:
        session.execute(delete(EvidenceLink).where(
            EvidenceLink.topic_id == topic_id, EvidenceLink.evidence_id.in_(gone)
        ))
    for eid in wanted:
        if eid not in before:
            session.add(EvidenceLink(evidence_id=eid, topic_id=topic_id))
    session.flush()
    _new_version(session, sorted(set(before) ^ set(wanted)))
    return LinkChange(topic_id, before, wanted)


def link(session: Session, *, topic_id: int, evidence_id: int) -> LinkChange:
    """Link one more piece of evidence to the topic (nothing changes if it is linked)."""
    current = session.scalars(select(EvidenceLink.evidence_id).where(EvidenceLink.topic_id == topic_id))
    return set_topic_evidence(session, topic_id=topic_id, evidence_ids=[*current, evidence_id])


# --- suggested answers -------------------------------------------------------------------------


class Role(enum.StrEnum):
    """What a scoring question asks, as far as evidence can answer it."""

    PERFORMANCE = "performance"
    EXECUTIVE_DECISION = "executive_decision"


def question_role(title: str) -> Role | None:
    """The role of a scoring question, from its title: "Performance" (PAPER's P, or any set's
    question so titled) and "Executive decision"; None for any other question."""
    words = title.casefold()
    if "performance" in words:
        return Role.PERFORMANCE
    if "executive" in words or "decision" in words:
        return Role.EXECUTIVE_DECISION
    return None


@dataclass(frozen=True, slots=True)
class AnswerSuggestion:
    """An answer the linked evidence suggests: "Performance: Yes suggested — P14 is Red for Q2
    2015/16". ``evidence`` is the text accepting it puts in the answer's evidence box."""

    role: Role
    answer: bool
    reason: str
    evidence: str
    evidence_id: int
    exempt: bool = False

    def text(self, question_title: str) -> str:
        return f"{question_title}: {'Yes' if self.answer else 'No'} suggested \u2014 {self.reason}"


_WORRYING = (Rag.RED, Rag.AMBER)


def suggestions_from(linked: Iterable[EvidenceInfo]) -> tuple[AnswerSuggestion, ...]:
    """The suggestions evidence makes, at most one per role: the worst mark (Red before Amber)
    and the soonest key decision."""
    performance = [e for e in linked if e.latest is not None and e.latest.rag in _WORRYING]
    performance.sort(key=lambda e: (e.latest.rag is not Rag.RED, -e.latest.order, e.reference))  # type: ignore[union-attr]
    out: list[AnswerSuggestion] = []
    if performance:
        e = performance[0]
        assert e.latest is not None
        others = len(performance) - 1
        more = f" ({counted(others, 'other linked measure')} Red or Amber)" if others else ""
        reason = f"{e.reference} is {e.latest.rag.label} for {e.latest.period}{more}"
        out.append(AnswerSuggestion(
            Role.PERFORMANCE, True, reason,
            f"{e.reference} {e.title}: {e.latest.rag.label} for {e.latest.period}.", e.id,
        ))
    decisions = [e for e in linked if e.kind is EvidenceKind.FORWARD_PLAN and e.key_decision]
    decisions.sort(key=lambda e: (e.decision_on or dt.date.max, e.title))
    if decisions:
        e = decisions[0]
        when = f" expected {short_date(e.decision_on)}" if e.decision_on else " on the forward plan"
        if e.exempt:
            reason = f"exempt (Part II) key decision{when}"
            text = f"An exempt (Part II) key decision is{when}."
        else:
            reason = f"key decision{when}"
            who = f" ({e.lead})" if e.lead else ""
            text = f"Key decision{when}{who}: {e.title}."
        out.append(AnswerSuggestion(Role.EXECUTIVE_DECISION, True, reason, text, e.id, e.exempt))
    return tuple(out)


def answer_suggestions(session: Session, *, topic_id: int) -> tuple[AnswerSuggestion, ...]:
    """What the topic's linked evidence suggests answering (see :func:`suggestions_from`)."""
    return suggestions_from(topic_evidence_linked(session, topic_ids=[topic_id]).get(topic_id, ()))


def topic_evidence_linked(session: Session, *, topic_ids: Sequence[int]) -> dict[int, tuple[EvidenceInfo, ...]]:
    """Each topic's linked evidence, by kind and reference."""
    links = session.execute(
        select(schema.evidence_link.c.topic_id, schema.evidence_link.c.evidence_id).where(
            schema.evidence_link.c.topic_id.in_(list(topic_ids))
        )
    ).all()
    if not links:
        return {}
    infos = {e.id: e for e in _infos(session, [schema.evidence.c.id.in_({eid for _t, eid in links})])}
    out: dict[int, list[EvidenceInfo]] = {}
    for tid, eid in links:
        out.setdefault(tid, []).append(infos[eid])
    order = {e.id: i for i, e in enumerate(infos.values())}
    return {tid: tuple(sorted(v, key=lambda e: order[e.id])) for tid, v in out.items()}


__all__ = [
    "AnswerSuggestion",
    "EvidenceImportSummary",
    "EvidenceInfo",
    "LinkChange",
    "Role",
    "TopicEvidence",
    "answer_suggestions",
    "find_evidence",
    "import_evidence",
    "link",
    "list_evidence",
    "question_role",
    "set_topic_evidence",
    "suggestions_from",
    "topic_evidence",
    "topic_evidence_linked",
    "undo_import",
]

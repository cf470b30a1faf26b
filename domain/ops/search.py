"""Find anything in every committee and year: topics (title, reason, responsible officer), the
evidence given with scores, resolutions (title, text, officer) and their progress notes, select
committee reviews (title, scope, lead officer) and their recommendations.

Every word typed must appear in the same field group of one row, in any order and any case.
The search is for advisors inside the program, so exempt (Part II) rows are found too, each
marked with its Schedule 12A paragraph; nothing here is ever published.

On SQLite the words are looked up in the FTS5 trigram index (domain.search_index), so a search
over a council of 30,000 topics and their 280,000 answers takes a few milliseconds; there,
letters outside ASCII match only in the case typed (SQLite's LIKE folds ASCII only). On
PostgreSQL (or an SQLite built without FTS5) the tables are read with ILIKE, which folds every
letter. At most ``limit`` rows are found; ``more`` says there were others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .. import schema, search_index
from ..exemption import decision_paragraphs, exempt_decision_sql
from ..years import municipal_year_of, start_month
from .convert import chunks

LIMIT = 200
_EXCERPT = 90

# What each kind of row is called in the results.
KIND_WORDS = {
    "topic": "Topic",
    "answer": "Evidence",
    "decision": "Resolution",
    "select_review": "Review",
    "recommendation": "Recommendation",
    "progress_note": "Progress",
}
# The name of each searched column where a match is shown.
_FIELD_WORDS = {
    "title": "title",
    "reason": "reason for consideration",
    "responsible": "responsible",
    "evidence": "evidence",
    "resolution": "resolution",
    "officer": "officer",
    "scope": "scope",
    "lead_officer": "lead officer",
    "text": "text",
    "response_text": "response",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One row that matches, with where it lives (to open it) and what to show."""

    kind: str  # a key of KIND_WORDS
    row_id: int
    committee_id: int
    committee: str
    year_start: int | None  # None: a review with no date added
    title: str  # the topic's, resolution's or review's title
    field: str  # where the words were found ("reason for consideration")
    excerpt: str  # the text around the first word
    exempt: bool
    exempt_paragraph: int | None
    topic_id: int | None = None  # the row to open: a topic ...
    decision_id: int | None = None  # ... a resolution ...
    review_id: int | None = None  # ... or a review ...
    recommendation_id: int | None = None  # ... (and its recommendation)

    @property
    def kind_word(self) -> str:
        return KIND_WORDS[self.kind]

    @property
    def part_ii(self) -> str:
        from ..printing.document import part_ii_label

        return part_ii_label(self.exempt, self.exempt_paragraph)


@dataclass(frozen=True, slots=True)
class SearchResult:
    words: tuple[str, ...]
    hits: tuple[Hit, ...]  # by committee, then newest year first, then title
    more: bool  # there were more than the limit

    def groups(self) -> list[tuple[tuple[str, int | None], list[Hit]]]:
        """The hits grouped by (committee, year), in order."""
        out: list[tuple[tuple[str, int | None], list[Hit]]] = []
        for hit in self.hits:
            key = (hit.committee, hit.year_start)
            if not out or out[-1][0] != key:
                out.append((key, []))
            out[-1][1].append(hit)
        return out


def words_of(query: str) -> tuple[str, ...]:
    """The words to find, as typed: whitespace-separated, repeats (in any case) dropped, in
    the order typed. They are not lowercased: SQLite's LIKE and its trigram index fold the case
    of ASCII letters only, so "école" would not find "École"."""
    seen: dict[str, str] = {}
    for w in query.split():
        seen.setdefault(w.casefold(), w)
    return tuple(seen.values())


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(session: Session, *, query: str, limit: int = LIMIT) -> SearchResult:
    """Every row whose text holds all the words of ``query`` (at most ``limit``)."""
    words = words_of(query)
    if not words:
        return SearchResult(words=(), hits=(), more=False)
    conn = session.connection()
    ids: dict[str, list[int]] = defaultdict(list)
    if search_index.present(conn):
        found = _indexed(session, words, limit + 1)
        for rowid in found[:limit]:
            kind = search_index.KINDS[rowid % search_index.STRIDE][0]
            ids[kind].append(rowid // search_index.STRIDE)
        more = len(found) > limit
    else:
        more = False
        left = limit
        for table, _columns in search_index.KINDS.values():
            if left <= 0:
                more = True
                break
            got = _scanned(session, table, words, left + 1)
            more = more or len(got) > left
            ids[table] = got[:left]
            left -= len(ids[table])
    hits = _hits(session, ids, words)
    hits.sort(key=lambda h: (h.committee.casefold(), -(h.year_start or 0), h.title.casefold(), h.kind, h.row_id))
    return SearchResult(words=words, hits=tuple(hits), more=more)


# The trigram index looks up pieces of at least three letters; SQLite 3.40's FTS5 crashes the
# process on "text LIKE '%by%' AND text LIKE '%raised%'" (a shorter piece before a longer one),
# so shorter pieces are never sent with others: the text read back is checked for them instead.
_TRIGRAM = 3
_PAGE = 500  # rows read at a time when some words are checked afterwards


def _indexed(session: Session, words: Sequence[str], limit: int) -> list[int]:
    # No ESCAPE clause: with one FTS5 stops using the index and reads every row
    # (https://www.sqlite.org/fts5.html#the_trigram_tokenizer). A word holding % or _ is looked
    # up by the pieces between them, and the text read back to keep only the rows that hold it.
    pieces = [p for w in words for p in re.split(r"[%_\\]+", w) if p]
    looked_up = [p for p in pieces if len(p) >= _TRIGRAM] or pieces[:1] or [""]
    checked = len(looked_up) < len(pieces) or any(re.search(r"[%_\\]", w) for w in words)
    where = " AND ".join(f"text LIKE :w{i}" for i in range(len(looked_up)))
    params: dict[str, Any] = {f"w{i}": f"%{p}%" for i, p in enumerate(looked_up)}
    if not checked:
        sql = text(f"SELECT rowid FROM {search_index.TABLE} WHERE {where} LIMIT :limit")  # noqa: S608 - names are ours
        return [int(rowid) for rowid in session.scalars(sql, {**params, "limit": limit})]
    # Read the index a page at a time, in rowid order, until ``limit`` rows hold every word or
    # the index runs out, so that rows the check drops never hide rows further on.
    sql = text(
        f"SELECT rowid, text FROM {search_index.TABLE} WHERE {where} AND rowid > :after "  # noqa: S608 - names are ours
        "ORDER BY rowid LIMIT :page"
    )
    folded = [w.casefold() for w in words]
    out: list[int] = []
    after = -1
    while len(out) < limit:
        rows = session.execute(sql, {**params, "after": after, "page": _PAGE}).all()
        out += [int(rowid) for rowid, found in rows if all(w in found.casefold() for w in folded)]
        if len(rows) < _PAGE:
            break
        after = int(rows[-1][0])
    return out[:limit]


def _scanned(session: Session, table: str, words: Sequence[str], limit: int) -> list[int]:
    # Every word in the row's text: on PostgreSQL the trigram index on that expression answers.
    dialect = session.get_bind().dialect.name
    # PostgreSQL's LIKE escapes with a backslash already (and an ESCAPE clause would hide the
    # pattern from the index); SQLite's LIKE has no escape character unless given, and ignores
    # the case of ASCII letters by itself.
    like = "ILIKE" if dialect == "postgresql" else "LIKE"
    escape = "" if dialect == "postgresql" else " ESCAPE '\\'"
    expr = search_index.text_sql(table, dialect)
    where = " AND ".join(f"({expr}) {like} :w{i}{escape}" for i in range(len(words)))
    params: dict[str, Any] = {f"w{i}": _pattern(w) for i, w in enumerate(words)}
    params["limit"] = limit
    sql = text(f"SELECT id FROM {table} WHERE {where} ORDER BY id LIMIT :limit")  # noqa: S608 - names are ours
    return [int(i) for i in session.scalars(sql, params)]


def _excerpt(value: str, words: Sequence[str]) -> str:
    """The text around the first word found, on one line."""
    flat = " ".join(value.split())
    m = None
    for w in words:
        m = re.search(re.escape(w), flat, re.IGNORECASE)
        if m:
            break
    if m is None or len(flat) <= _EXCERPT:
        return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"
    start = max(0, m.start() - _EXCERPT // 5)
    end = min(len(flat), start + _EXCERPT)
    start = max(0, end - _EXCERPT)
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _where_found(values: dict[str, str], words: Sequence[str]) -> tuple[str, str]:
    """The field holding the most of the words, and its excerpt around the first word it
    holds. On a tie another field wins over the title, which the result shows anyway."""
    best, best_rank = next(iter(values)), (-1, False)
    for name, value in values.items():
        count = sum(1 for w in words if re.search(re.escape(w), value or "", re.IGNORECASE))
        rank = (count, count > 0 and name != "title")
        if rank > best_rank:
            best, best_rank = name, rank
    held = [w for w in words if re.search(re.escape(w), values[best] or "", re.IGNORECASE)] or list(words)
    return _FIELD_WORDS.get(best, best), _excerpt(values[best] or "", held)


def _rows(session: Session, query: Any, column: Any, ids: Iterable[int]) -> list[Any]:
    out: list[Any] = []
    for chunk in chunks(list(ids)):
        out.extend(session.execute(query.where(column.in_(chunk))).all())
    return out


def _hits(session: Session, ids: dict[str, list[int]], words: Sequence[str]) -> list[Hit]:
    c, t, d = schema.committee, schema.topic, schema.decision
    if not any(ids.values()):
        return []
    names = {int(i): str(n) for i, n in session.execute(select(c.c.id, c.c.name))}
    month = start_month(session)
    hits: list[Hit] = []

    def add(kind: str, row_id: int, r: Any, values: dict[str, str], year: int | None, para: int | None, **where: int | None) -> None:
        field, excerpt = _where_found(values, words)
        hits.append(Hit(
            kind, row_id, r.committee_id, names.get(r.committee_id, ""), year, r.title, field, excerpt,
            bool(r.exempt), para if r.exempt else None, **where,
        ))  # fmt: skip

    topic_cols = (t.c.id.label("topic_id"), t.c.committee_id, t.c.year_start, t.c.title, t.c.exempt, t.c.exempt_paragraph)
    for r in _rows(session, select(*topic_cols, t.c.reason, t.c.responsible), t.c.id, ids.get("topic", ())):
        add("topic", r.topic_id, r, {"title": r.title, "reason": r.reason, "responsible": r.responsible},
            r.year_start, r.exempt_paragraph, topic_id=r.topic_id)  # fmt: skip
    a, s = schema.answer, schema.assessment
    evidence_q = select(a.c.id.label("answer_id"), a.c.evidence, *topic_cols).join(s, s.c.id == a.c.assessment_id).join(t, t.c.id == s.c.topic_id)
    for r in _rows(session, evidence_q, a.c.id, ids.get("answer", ())):
        add("answer", r.answer_id, r, {"evidence": r.evidence}, r.year_start, r.exempt_paragraph, topic_id=r.topic_id)

    # A progress note lives with its resolution, a recommendation with its review.
    p = schema.progress_note
    notes = _rows(session, select(p.c.id, p.c.decision_id, p.c.text), p.c.id, ids.get("progress_note", ()))
    decision_q = select(d.c.id, d.c.committee_id, d.c.meeting_date, d.c.title, d.c.resolution, d.c.officer,
                        exempt_decision_sql().label("exempt"))  # fmt: skip
    decisions = {r.id: r for r in _rows(session, decision_q, d.c.id, {*ids.get("decision", ()), *(n.decision_id for n in notes)})}
    exempt_ids = [i for i, r in decisions.items() if r.exempt]
    paragraphs = decision_paragraphs(session, exempt_ids) if exempt_ids else {}
    found_notes: list[tuple[str, int, Any, dict[str, str] | None]] = [
        *(("decision", i, decisions.get(i), None) for i in ids.get("decision", ())),
        *(("progress_note", n.id, decisions.get(n.decision_id), {"text": n.text}) for n in notes),
    ]
    for kind, row_id, r, values in found_notes:
        if r is not None:
            shown = values or {"title": r.title, "resolution": r.resolution, "officer": r.officer}
            add(kind, row_id, r, shown, municipal_year_of(r.meeting_date, month), paragraphs.get(r.id), decision_id=r.id)

    v, rec = schema.select_review, schema.recommendation
    recs = _rows(session, select(rec.c.id, rec.c.review_id, rec.c.text, rec.c.response_text), rec.c.id, ids.get("recommendation", ()))
    review_q = select(v.c.id, v.c.committee_id, v.c.title, v.c.scope, v.c.lead_officer, v.c.added_on,
                      t.c.exempt, t.c.exempt_paragraph).outerjoin(t, t.c.id == v.c.topic_id)  # fmt: skip
    reviews = {r.id: r for r in _rows(session, review_q, v.c.id, {*ids.get("select_review", ()), *(x.review_id for x in recs)})}
    found_recs: list[tuple[str, int, Any, dict[str, str] | None, int | None]] = [
        *(("select_review", i, reviews.get(i), None, None) for i in ids.get("select_review", ())),
        *(("recommendation", x.id, reviews.get(x.review_id), {"text": x.text, "response_text": x.response_text}, x.id) for x in recs),
    ]
    for kind, row_id, r, values, rec_id in found_recs:
        if r is not None:
            year = municipal_year_of(r.added_on, month) if r.added_on is not None else None
            shown = values or {"title": r.title, "scope": r.scope, "lead_officer": r.lead_officer}
            add(kind, row_id, r, shown, year, r.exempt_paragraph, review_id=r.id, recommendation_id=rec_id)
    return hits

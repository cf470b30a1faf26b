"""Find anything in every committee and year, on SQLite (with its text index) and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from domain import schema, search_index
from domain.db import Database
from domain.ops import decisions, search, topics


def _ecsc(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(schema.committee.c.id).where(schema.committee.c.short_name == "ECSC")))


def _find(db: Database, query: str, **kw: int) -> search.SearchResult:
    with db.transaction() as s:
        return search.search(s, query=query, **kw)


def test_words_are_found_in_any_order_and_case_across_committees(demo_db: Database) -> None:
    found = _find(demo_db, "ATTENDANCE school")
    assert found.hits, "the demo has school attendance items"
    with demo_db.transaction() as s:
        for h in found.hits:
            if h.topic_id is not None:
                t = topics.get_topic(s, topic_id=h.topic_id)
                text = f"{t.title} {t.reason} {t.responsible}"
            else:
                assert h.decision_id is not None
                d = decisions.get_decision(s, decision_id=h.decision_id)
                text = f"{d.title} {d.resolution} {d.officer}"
            assert "attendance" in text.lower() and "school" in text.lower()
    assert {h.kind for h in found.hits} == {"topic", "decision"}
    keys = [(h.committee.casefold(), -(h.year_start or 0)) for h in found.hits]
    assert keys == sorted(keys)  # grouped by committee, newest year first


def test_every_kind_of_text_is_searched(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Plain title", reason="Quokka reason")
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Other", responsible="Jo Quokkaman")
        decisions.create_decision(
            s, committee_id=cid, title="Minute", meeting_date=dt.date(2019, 9, 11), resolution="Members asked for quokka data"
        )
    found = _find(demo_db, "quokka")
    assert sorted((h.kind, h.field) for h in found.hits) == [
        ("decision", "resolution"), ("topic", "reason for consideration"), ("topic", "responsible"),
    ]  # fmt: skip
    resolution = next(h for h in found.hits if h.kind == "decision")
    assert resolution.year_start == 2019 and resolution.decision_id is not None


def test_an_edit_or_a_delete_is_seen_by_the_next_search(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        tid = topics.create_topic(s, committee_id=cid, year_start=2019, title="Wombat crossing").id
    assert [h.topic_id for h in _find(demo_db, "wombat").hits] == [tid]
    with demo_db.transaction() as s:
        topics.update_topic(s, topic_id=tid, title="Zebra crossing")
    assert _find(demo_db, "wombat").hits == ()
    assert [h.topic_id for h in _find(demo_db, "zebra").hits] == [tid]
    with demo_db.transaction() as s:
        topics.delete_topic(s, topic_id=tid)
    assert _find(demo_db, "zebra").hits == ()


def test_exempt_items_are_found_and_marked(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Sale of Capybara House", exempt=True, exempt_paragraph=3)
    (hit,) = _find(demo_db, "capybara").hits
    assert hit.exempt and hit.exempt_paragraph == 3


def test_the_limit_says_there_is_more_and_wildcards_are_plain_letters(demo_db: Database) -> None:
    found = _find(demo_db, "the", limit=5)
    assert len(found.hits) == 5 and found.more
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Budget cut of 50% to libraries")
    assert [h.title for h in _find(demo_db, "50%").hits] == ["Budget cut of 50% to libraries"]
    assert _find(demo_db, "5_%").hits == ()
    assert _find(demo_db, "   ").hits == ()


def test_sqlite_has_its_text_index_and_postgres_its_trigram_indexes(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        assert search_index.present(conn) == (conn.dialect.name == "sqlite")
        if conn.dialect.name == "postgresql":
            names = {r[0] for r in conn.exec_driver_sql("SELECT indexname FROM pg_indexes")}
            assert {f"ix_search_{table}" for table, _c in search_index.KINDS.values()} <= names


def test_reviews_recommendations_and_progress_notes_are_found_with_their_parent(demo_db: Database) -> None:
    from domain.ops import reviews

    with demo_db.transaction() as s:
        rec = reviews.add_recommendation(s, review_id=2, text="Lobby the minister on the platypus formula")
    (hit,) = _find(demo_db, "platypus").hits
    assert (hit.kind, hit.review_id, hit.recommendation_id, hit.title) == ("recommendation", 2, rec.id, "Fair Funding for Schools")
    assert hit.year_start == 2019  # the review was added on 10 July 2019
    (review,) = [h for h in _find(demo_db, "be-wise").hits if h.kind == "select_review"]
    assert review.year_start is None and review.review_id == 3  # no date added
    notes = [h for h in _find(demo_db, "information emailed").hits if h.kind == "progress_note"]
    assert notes and all(h.decision_id is not None and h.field == "text" for h in notes)


def test_a_synthetic_council_written_in_bulk_is_searchable(sqlite_db: Database) -> None:
    # SQLite's index is filled once after the rows are written, then kept by its triggers again.
    from domain import synthetic

    db = sqlite_db
    with db.transaction() as s:
        synthetic.generate(s, committees=2, years=1, meetings_per_year=2, items_per_meeting=2, extra_topics_per_year=2)
        title = s.scalar(select(schema.topic.c.title).order_by(schema.topic.c.id.desc()).limit(1))
        evidence = s.scalar(select(schema.answer.c.evidence).where(schema.answer.c.evidence != "").limit(1))
    assert title and evidence
    assert any(h.title == title for h in _find(db, title).hits)
    assert any(h.kind == "answer" for h in _find(db, evidence).hits)
    cid = _ecsc_or_first(db)
    with db.transaction() as s:  # the triggers are back: a later edit is found too
        topics.create_topic(s, committee_id=cid, year_start=2014, title="Numbat survey")
    assert [h.title for h in _find(db, "numbat").hits] == ["Numbat survey"]


def _ecsc_or_first(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(schema.committee.c.id).order_by(schema.committee.c.id).limit(1)))


def test_short_words_are_found_with_long_ones_in_any_order(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Raised by residents at ward surgeries")
    # SQLite 3.40's index crashed on a word of two letters before a longer one.
    for query in ("by raised", "raised by", "at by", "ward at", "by"):
        titles = [h.title for h in _find(demo_db, query).hits]
        assert "Raised by residents at ward surgeries" in titles, query
    assert _find(demo_db, "by zz").hits == ()


def test_a_word_with_an_accented_capital_is_found_as_typed(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        topics.create_topic(s, committee_id=cid, year_start=2019, title="École Street admissions")
    for query in ("École", "admissions École", "École st", "École école"):
        assert [h.title for h in _find(demo_db, query).hits] == ["École Street admissions"], query


def test_a_short_word_never_hides_rows_the_limit_would_show(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        for n in range(40):
            topics.create_topic(s, committee_id=cid, year_start=2019, title=f"Zanzibar tax {n}")
        for n in range(5):
            topics.create_topic(s, committee_id=cid, year_start=2019, title=f"Zanzibar tax set by cabinet {n}")
    found = _find(demo_db, "zanzibar by", limit=2)
    assert len(found.hits) == 2 and found.more
    assert all("set by cabinet" in h.title for h in found.hits)
    assert len(_find(demo_db, "zanzibar by", limit=10).hits) == 5

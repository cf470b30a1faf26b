"""The PAPER engine: totals, bands, weights and the agreed score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import scoring
from domain.scoring import PAPER, BandRule, ScoreSummary, agreed_score, band_for, total

WEIGHTS = [q.weight for q in PAPER.questions]


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "Not a scrutiny topic"), (1, "Low"), (2, "Low"), (3, "Medium"), (4, "Medium"),
     (5, "High"), (6, "High"), (None, None)],
)
def test_paper_bands_match_the_seed(score: int | None, band: str | None) -> None:
    assert band_for(score, PAPER.bands) == band


def test_paper_has_the_six_seed_questions() -> None:
    assert [q.letter for q in PAPER.questions] == ["P", "A", "P", "E", "R", ""]
    assert PAPER.max_total == 6
    assert "Executive Decision" in PAPER.questions[-1].question


@given(st.lists(st.one_of(st.none(), st.booleans()), min_size=6, max_size=6))
def test_total_counts_yes_answers_within_range(answers: list[bool | None]) -> None:
    t = total(answers, WEIGHTS)
    assert 0 <= t <= PAPER.max_total
    assert t == sum(1 for a in answers if a)


@given(
    st.lists(st.tuples(st.one_of(st.none(), st.booleans()), st.integers(0, 5)), min_size=1, max_size=10)
)
def test_weighted_total_is_the_sum_of_yes_weights(pairs: list[tuple[bool | None, int]]) -> None:
    answers = [a for a, _ in pairs]
    weights = [w for _, w in pairs]
    t = total(answers, weights)
    assert 0 <= t <= sum(weights)
    # Turning one No into a Yes never lowers the total.
    for i, a in enumerate(answers):
        if not a:
            raised = [*answers[:i], True, *answers[i + 1 :]]
            assert total(raised, weights) == t + weights[i]


@given(st.integers(0, 6), st.integers(0, 6))
def test_a_higher_total_never_gets_a_lower_band(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert scoring.band_rank(band_for(hi, PAPER.bands)) <= scoring.band_rank(band_for(lo, PAPER.bands))


def test_a_gap_in_custom_bands_falls_to_the_band_below() -> None:
    bands = (BandRule("Top", 8, 10), BandRule("Some", 1, 4))
    assert band_for(6, bands) == "Some"
    assert band_for(9, bands) == "Top"


def test_mismatched_answers_are_refused() -> None:
    with pytest.raises(ValueError, match="5 answers for 6 questions"):
        total([True] * 5, WEIGHTS)


def _s(i: int, day: str, t: int, agreed: bool = False) -> ScoreSummary:
    return ScoreSummary(i, f"Cllr {i}", day, t, 6, band_for(t, PAPER.bands), agreed)


def test_the_agreed_score_is_the_one_marked() -> None:
    scores = [_s(1, "2019-07-01", 5), _s(2, "2019-07-02", 3, agreed=True), _s(3, "2019-07-03", 6)]
    assert agreed_score(scores).assessment_id == 2


def test_one_scorer_alone_is_printed_but_disagreement_is_not() -> None:
    assert agreed_score([_s(1, "2019-07-01", 4)]).total == 4
    assert agreed_score([_s(1, "2019-07-01", 4), _s(2, "2019-07-02", 5)]) is None
    assert agreed_score([]) is None

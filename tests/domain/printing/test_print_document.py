"""The documents as data: labels as the council prints them, and the rules the data enforces."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.printing.document import (
    PaperAnnex,
    PaperAnswer,
    PartIIPlaceholder,
    ScoringSheet,
    year_labels,
)
from domain.scoring import PAPER


def test_year_labels_across_a_century() -> None:
    assert year_labels(2019) == ("2019 - 20", "2019/20")
    assert year_labels(2099) == ("2099 - 00", "2099/00")


@pytest.mark.parametrize("paragraph", [0, 8, -1])
def test_part_ii_paragraph_must_be_one_of_schedule_12a(paragraph: int) -> None:
    with pytest.raises(ValueError, match="1-7"):
        PartIIPlaceholder(paragraph)


def test_part_ii_placeholder_says_only_that_it_exists() -> None:
    assert PartIIPlaceholder(3).label == "Part II item (paragraph 3)"


def _answers(*yes: bool | None) -> tuple[PaperAnswer, ...]:
    return tuple(PaperAnswer(y, f"evidence {i}") for i, y in enumerate(yes))


def test_filled_annex_works_out_total_and_band() -> None:
    annex = PaperAnnex(answers=_answers(True, True, False, True, None, False))
    assert (annex.total, annex.band) == (3, "Medium")


def test_blank_annex_has_no_total() -> None:
    annex = PaperAnnex()
    assert (annex.total, annex.band) == (None, None)


def test_a_given_agreed_score_is_kept() -> None:
    sheet = ScoringSheet(
        "Topic", "Chair", dt.date(2019, 7, 10), _answers(True, True, True, True, True, True),
        total=4, band="Medium",
    )  # fmt: skip
    assert (sheet.total, sheet.band) == (4, "Medium")


def test_scoring_sheet_scores_zero_as_not_a_scrutiny_topic() -> None:
    sheet = ScoringSheet("Topic", "Chair", dt.date(2019, 7, 10), _answers(*[False] * 6))
    assert sheet.total == 0
    assert sheet.band == "Not a scrutiny topic"


def test_wrong_number_of_answers_names_the_topic() -> None:
    with pytest.raises(ValueError, match=r"'School visits'.*5 answers for 6 questions"):
        ScoringSheet("School visits", "Chair", dt.date(2019, 7, 10), _answers(*[True] * 5))
    assert len(PAPER.questions) == 6

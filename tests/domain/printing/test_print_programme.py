"""The printed work programme, read back from the PDF as a reader would see it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_helpers import all_text, outline_titles, page_texts, reader, render_to_bytes

from domain.printing import render as render_module
from domain.printing.document import (
    MeetingGroup,
    PaperAnnex,
    PartIIPlaceholder,
    ProgrammeDoc,
    ProgrammeRow,
    ScheduleRow,
)
from domain.printing.render import PrintError, escape_text, render_programme
from domain.printing.samples import sample_programme

HEADER_CELLS = (
    "Date of meeting",
    "Agenda item",
    "Prioritisation Score",
    "Reason for consideration",
    "Responsible Cabinet Member / Officer",
)


def _render(doc: ProgrammeDoc, **kwargs: object) -> bytes:
    return render_to_bytes(render_programme, doc, **kwargs)


def _doc(*meetings: MeetingGroup, **changes: object) -> ProgrammeDoc:
    base = dataclasses.replace(sample_programme(annex=False), meetings=meetings)
    return dataclasses.replace(base, **changes)


def _long_meeting(day: dt.date, rows: int, reason_words: int = 40) -> MeetingGroup:
    reason = " ".join(["consideration"] * reason_words)
    return MeetingGroup(
        day,
        tuple(ProgrammeRow(f"Item {i}", 3, reason, "Officer") for i in range(rows)),
    )


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return _render(sample_programme())


def test_heading_names_committee_year_and_contact(sample_pdf: bytes) -> None:
    first = page_texts(sample_pdf)[0]
    assert (
        "EDUCATION AND CHILDREN'S SOCIAL CARE OVERVIEW AND SCRUTINY COMMITTEE "
        "Work Programme 2019 - 20" in first
    )
    assert (
        "Please note that the work programme is a \u2018live\u2019 document and subject to "
        "change at short notice." in first
    )
    assert "please contact Helen Rickman, Democratic Support Officer, on 01752 398444." in first


def test_table_headings_and_sections(sample_pdf: bytes) -> None:
    text = all_text(sample_pdf)
    for cell in HEADER_CELLS:
        assert cell in text
    scheduled = text.index("Items to be scheduled 2019/20 Subject Reason added to work programme")
    reviews = text.index("Select Committee Reviews")
    annex = text.index("Annex 1 \u2013 Scrutiny Prioritisation Tool")
    assert text.index("4 March 2020") < scheduled < reviews < annex
    assert "School visits" in text[scheduled:reviews]
    assert "Fair Funding for Schools" in text[reviews:annex]


def test_each_meeting_date_is_printed_once_for_its_group(sample_pdf: bytes) -> None:
    text = all_text(sample_pdf)
    for meeting in sample_programme().meetings:
        shown = text.count(meeting.date_label)
        continued = text.count(f"{meeting.date_label} (continued)")
        assert shown - continued == 1, meeting.date_label
    # The three Ofsted-related rows of 13 Nov each sit under the one date.
    nov = text.index("13 Nov 2019")
    jan = text.index("8 Jan 2020")
    assert "School Attendance Consultation" in text[nov:jan]


def test_score_blank_when_unscored_and_printed_when_scored() -> None:
    doc = _doc(
        MeetingGroup(
            dt.date(2019, 9, 11),
            (
                ProgrammeRow("Together for Childhood", None, "", "Siobhan Wallace"),
                ProgrammeRow("Plymouth Challenge Update", 4, "A progress report", "Judith"),
            ),
        )
    )
    text = all_text(_render(doc))
    assert "Together for Childhood Siobhan Wallace" in text
    assert "Plymouth Challenge Update 4 A progress report" in text


def test_flags_print_with_the_item() -> None:
    row = ProgrammeRow("Number of Children in Care", None, "", "Jean Kelly", ("Verbal update",))
    text = all_text(_render(_doc(MeetingGroup(dt.date(2019, 7, 10), (row,)))))
    assert "Number of Children in Care Verbal update" in text


def test_header_row_repeats_and_group_continues_on_the_next_page() -> None:
    doc = _doc(_long_meeting(dt.date(2019, 9, 11), 40))
    pages = page_texts(_render(doc))
    assert len(pages) >= 3
    for page in pages[1:]:
        if "Item " not in page:
            continue  # the page with only the trailing tables
        for cell in HEADER_CELLS:
            assert cell in page
        assert "11 Sept 2019 (continued)" in page
    assert "(continued)" not in pages[0]


def test_page_numbers_count_all_pages() -> None:
    pages = page_texts(_render(_doc(_long_meeting(dt.date(2019, 9, 11), 40))))
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page


def test_metadata_title_author_subject_and_language(sample_pdf: bytes) -> None:
    pdf = reader(sample_pdf)
    meta = pdf.metadata
    assert meta is not None
    assert meta.title == (
        "Education and Children's Social Care Overview and Scrutiny Committee "
        "\u2013 Work Programme 2019 - 20"
    )
    assert meta.author == "Plymouth City Council"
    assert meta.subject == "Scrutiny work programme 2019 - 20"
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"


def test_one_bookmark_per_meeting_in_order(sample_pdf: bytes) -> None:
    titles = outline_titles(sample_pdf)
    meetings = [m.date_label for m in sample_programme().meetings]
    assert [t for t in titles if t in meetings] == meetings
    assert "Items to be scheduled 2019/20" in titles


@pytest.mark.parametrize(
    "hostile",
    [
        "<b>Budget & Cuts",
        '<img src="/etc/passwd"/> Budget',
        '<a href="https://example.invalid">Click here</a>',
        "Fish &amp; chips &nbsp; <br/> done",
        "<para>unclosed <font",
    ],
)
def test_markup_in_user_text_prints_literally(hostile: str) -> None:
    row = ProgrammeRow(hostile, None, f"Reason: {hostile}", hostile)
    data = _render(_doc(MeetingGroup(dt.date(2019, 7, 10), (row,))))
    # Compared without spaces: a long "word" such as a URL may wrap anywhere.
    text = all_text(data).replace(" ", "")
    assert text.count(hostile.replace(" ", "")) == 3
    pdf = reader(data)
    for page in pdf.pages:
        assert "/Annots" not in page, "a link was made from user text"
        resources = page["/Resources"]
        xobjects = resources.get("/XObject", {}) if resources else {}
        assert not xobjects, "an image was drawn from user text"


def test_non_english_letters_and_typography_extract_as_typed() -> None:
    samples = [
        "Gwasanaethau Cymdeithasol \u0175 \u0177 \u0174 \u0176",  # Welsh ŵ ŷ Ŵ Ŷ
        "\u0141\u00f3d\u017a i \u0141ukasz",  # Polish Łódź
        "\u201cQuoted\u201d and \u2018single\u2019 \u2013 dashed",
    ]
    rows = tuple(ProgrammeRow(s, 1, s, s) for s in samples)
    text = all_text(_render(_doc(MeetingGroup(dt.date(2019, 7, 10), rows))))
    for s in samples:
        assert text.count(s) == 3, s


def test_decomposed_input_prints_composed() -> None:
    decomposed = "Llanw\u0302 Ysgol"  # w + combining circumflex
    row = ProgrammeRow(decomposed, None, "", "")
    text = all_text(_render(_doc(MeetingGroup(dt.date(2019, 7, 10), (row,)))))
    assert "Llan\u0175 Ysgol" in text


def test_line_breaks_in_reason_are_kept() -> None:
    assert escape_text("one\r\ntwo\nthree") == "one<br/>two<br/>three"
    row = ProgrammeRow("Item", None, "first line\nsecond line", "")
    data = _render(_doc(MeetingGroup(dt.date(2019, 7, 10), (row,))))
    raw = reader(data).pages[0].extract_text()
    assert "first line\nsecond line" in raw


def test_five_thousand_word_reason_prints_every_word() -> None:
    words = [f"w{i}x" for i in range(5000)]
    row = ProgrammeRow("Very long reason", 5, " ".join(words), "Officer")
    short = ProgrammeRow("After it", 1, "short", "Officer")
    doc = _doc(MeetingGroup(dt.date(2019, 7, 10), (row, short)))
    pages = page_texts(_render(doc))
    text = " ".join(pages)
    assert len(pages) > 3
    assert [int(n) for n in re.findall(r"\bw(\d+)x\b", text)] == list(range(5000))
    assert "After it" in text
    # The long row continues under its date on each following page.
    assert "10 July 2019 (continued)" in pages[1]


def test_unbroken_long_word_still_prints() -> None:
    word = "A" * 3000
    row = ProgrammeRow("Pasted without spaces", None, word, "")
    text = all_text(_render(_doc(MeetingGroup(dt.date(2019, 7, 10), (row,)))))
    assert text.replace(" ", "").count("A") >= 3000


def test_draft_marks_every_page() -> None:
    doc = _doc(_long_meeting(dt.date(2019, 9, 11), 40), draft=True)
    pages = page_texts(_render(doc))
    assert len(pages) > 1
    assert all("DRAFT" in p for p in pages)
    assert not any("DRAFT" in p for p in page_texts(_render(dataclasses.replace(doc, draft=False))))


def test_not_for_publication_on_every_page_and_in_metadata() -> None:
    doc = _doc(_long_meeting(dt.date(2019, 9, 11), 40), not_for_publication=True)
    data = _render(doc)
    pages = page_texts(data)
    assert len(pages) > 1
    assert all("NOT FOR PUBLICATION" in p for p in pages)
    meta = reader(data).metadata
    assert meta is not None
    assert "NOT FOR PUBLICATION" in meta.subject
    assert "NOT FOR PUBLICATION" in meta["/Keywords"]
    public = _render(dataclasses.replace(doc, not_for_publication=False))
    assert "NOT FOR PUBLICATION" not in all_text(public)


def test_part_ii_placeholder_shows_only_its_paragraph() -> None:
    rows = (
        ProgrammeRow("Public item", 2, "Why", "Officer"),
        PartIIPlaceholder(3),
    )
    text = all_text(_render(_doc(MeetingGroup(dt.date(2019, 7, 10), rows))))
    assert "Public item 2 Why Officer Part II item (paragraph 3)" in text


def test_part_ii_in_items_to_be_scheduled() -> None:
    doc = _doc(to_be_scheduled=(ScheduleRow("Open", "r", "o"), PartIIPlaceholder(1)))
    text = all_text(_render(doc))
    assert "Open r o Part II item (paragraph 1)" in text


def test_empty_programme_still_prints_its_heading_and_tables() -> None:
    doc = _doc(to_be_scheduled=(), reviews=())
    text = all_text(_render(doc))
    assert "Work Programme 2019 - 20" in text
    assert "No meetings arranged yet" in text
    assert text.count("None at present") == 2


def test_filled_annex_shows_answers_total_and_band() -> None:
    from domain.printing.samples import sample_scoring_sheet

    sheet = sample_scoring_sheet()
    annex = PaperAnnex(answers=sheet.answers, topic_title=sheet.topic_title)
    text = all_text(_render(_doc(annex=annex)))
    annex_text = text[text.index("Annex 1") :]
    assert "Topic: School Attendance Consultation" in annex_text
    assert "Total: 5 High" in annex_text
    assert annex_text.count("Yes") == 5 + 1  # five answers and the column heading


def test_invariant_output_is_byte_identical(sample_pdf: bytes) -> None:
    doc = sample_programme(draft=True)
    first = _render(doc, invariant=True)
    second = _render(doc, invariant=True)
    assert first == second
    assert first != _render(dataclasses.replace(doc, draft=False), invariant=True)


def test_writes_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "programme.pdf"
    render_programme(sample_programme(), target, invariant=True)
    assert target.read_bytes() == _render(sample_programme(), invariant=True)
    assert [p.name for p in tmp_path.iterdir()] == ["programme.pdf"]


def test_layout_failure_names_the_item_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "programme.pdf"
    target.write_bytes(b"previous programme")
    # Simulate a row ReportLab cannot cut: every split attempt fails.
    monkeypatch.setattr(render_module._RowTable, "_splitRows", lambda self, *a, **k: [])
    doc = _doc(_long_meeting(dt.date(2019, 9, 11), 40))
    with pytest.raises(PrintError, match="\u201cItem 0\u201d"):
        render_programme(doc, target)
    assert target.read_bytes() == b"previous programme"
    assert [p.name for p in tmp_path.iterdir()] == ["programme.pdf"]

"""PDF rendering of the printed documents with ReportLab platypus.

Styles and page furniture are declared here once; the documents themselves arrive as the plain
dataclasses of ``domain.printing.document``. Every string a user typed reaches a ``Paragraph``
only through ``escape_text``, because a Paragraph's text is markup: "<b>Budget & Cuts" must
print as typed, and an ``<img>`` or ``<a>`` tag in a title must never be obeyed.

All renderers write the whole PDF in memory first, so a failure never leaves a half-written
file behind.
"""

from __future__ import annotations

import io
import marshal
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from domain.bands import PALETTE
from domain.bands import colours_of as band_colours
from domain.dates import council_date, dotted_date, long_date, time_text, weekday_date
from domain.paths import resource_path
from domain.printing.document import (
    PURPOSE,
    AgendaMeeting,
    AgendaRow,
    DecisionRow,
    DecisionsDoc,
    MeetingGroup,
    MeetingPapersDoc,
    PaperAnnex,
    PaperAnswer,
    PartII,
    PartIIPlaceholder,
    ProgrammeDoc,
    ProgrammeRow,
    ScheduleRow,
    ScoringSheet,
)
from domain.printing.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LayoutError,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from domain.printing.platypus import split as _rl_split
from domain.printing.platypus import strip as _rl_strip
from domain.printing.wording import (
    DRAFT,
    NO_ITEMS,
    NO_MEETINGS,
    NONE_AT_PRESENT,
    NOT_FOR_PUBLICATION,
    REVIEWS_TITLE,
    SCHEDULE_HEADINGS,
    clean_text,
    contact_sentence,
    programme_headings,
    programme_note,
    scheduled_title,
)
from domain.scoring import BandRule, Question, answer_word
from domain.scoring import points as scored_points

Output = BinaryIO | str | os.PathLike[str]

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
LANGUAGE = "en-GB"
CREATOR = "Scrutineer"

PAGE_SIZE = landscape(A4)
MARGIN_X = 36.0  # half an inch: leaves the reason column room to breathe on landscape A4
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 15 * mm


_GRID = colors.HexColor("#7F7F7F")
_RULE = colors.black
_HEADER_FILL = colors.HexColor("#D9D9D9")
_TITLE_FILL = colors.HexColor("#BFBFBF")
_WATERMARK = colors.HexColor("#E4E4E4")
_MARK = colors.HexColor("#C00000")


class PrintError(Exception):
    """A document could not be laid out; the message says which item and what to do."""


# ---------------------------------------------------------------------------------------------
# Fonts and text


_fonts_ready = False

# The parts of a parsed face that ReportLab keeps as its own bytes subclass (names with their
# text alongside); stored as plain bytes and made again on loading.
_FACE_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")


def _parsed_face_file(path: Path) -> Path:
    """Where the parsed form of the font file ``path`` is kept: beside it, named for the
    file's size and for the ReportLab and Python that parsed it (marshal's format is
    Python's), so a changed font or an upgrade of either is parsed afresh."""
    import reportlab

    key = f"{path.stat().st_size}-rl{reportlab.Version}-py{sys.version_info[0]}{sys.version_info[1]}"
    return path.with_name(f"{path.stem}.{key}.parsed")


def _load_font(name: str, path: Path) -> TTFont:
    """The TrueType font at ``path``; its parsed face is read from the file beside it when
    there is one, else parsed and (where the folder can be written) saved there.

    Parsing DejaVu Sans's tables (6,000 glyphs' widths and character map) takes about 10 ms a
    face in every process that prints; reading the parsed face back with marshal takes under
    1 ms. The built program ships the parsed faces (packaging/build.py prints once before
    bundling); a copy that cannot be read or written only costs the parse."""
    from reportlab.pdfbase import ttfonts

    parsed = _parsed_face_file(path)
    try:
        state = marshal.loads(parsed.read_bytes())
        face = ttfonts.TTFontFace.__new__(ttfonts.TTFontFace)
        face.__dict__.update(state)
        face._ttf_data = path.read_bytes()  # the glyphs a document's subset copies
        for key in _FACE_NAMES:
            setattr(face, key, ttfonts.TTFNameBytes(state[key]))
        # As TTFontFile.extractInfo sets it: font units to the PDF's thousandths of an em.
        scale = 1000 / face.unitsPerEm
        face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        face = None
    if face is not None:
        # TTFont sets itself up around the face it would parse: given this one instead.
        with _FACE_SWAP:
            made = ttfonts.TTFontFace
            ttfonts.TTFontFace = lambda *_args, **_kw: face
            try:
                return TTFont(name, str(path))
            finally:
                ttfonts.TTFontFace = made
    font = TTFont(name, str(path))
    state = {k: v for k, v in vars(font.face).items() if k not in ("_pdfScale", "_ttf_data")}
    for key in _FACE_NAMES:
        state[key] = bytes(state[key])
    try:
        data = marshal.dumps(state)
        partial = parsed.with_name(f".{parsed.name}.{os.getpid()}")
        partial.write_bytes(data)
        os.replace(partial, parsed)  # whole or not at all
        for stale in path.parent.glob(f"{path.stem}.*.parsed"):
            if stale != parsed:
                stale.unlink(missing_ok=True)
    except (OSError, ValueError):  # a read-only install, or a face marshal cannot hold
        pass
    return font


_FACE_SWAP = threading.Lock()


def register_fonts() -> None:
    """Register the bundled DejaVu Sans (once), with a family so ``<b>`` picks the bold face."""
    global _fonts_ready
    if _fonts_ready:
        return
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        path = resource_path("fonts", filename)
        if not path.is_file():
            raise PrintError(
                f"The font file {path} is missing, so documents cannot be printed. "
                "Reinstall Scrutineer to restore it."
            )
        pdfmetrics.registerFont(_load_font(name, path))
    # No italic faces are bundled: italic markup falls back to the upright faces.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _fonts_ready = True


def escape_text(text: str) -> str:
    """User text as Paragraph markup that prints exactly as typed: cleaned, with ``&``, ``<``
    and ``>`` escaped and line breaks kept as ``<br/>``. Used wherever user text is combined
    with markup of our own (an underlined title, a bold label)."""
    # As xml.sax.saxutils.escape, without importing it: it pulls in urllib and http.client.
    escaped = clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br/>")


# ---------------------------------------------------------------------------------------------
# Styles, declared once


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": 9,
        "leading": 11.2,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "cell": _style("cell"),
    "cell_centre": _style("cell_centre", alignment=TA_CENTER),
    "cell_bold": _style("cell_bold", fontName=FONT_BOLD),
    "flag": _style("flag", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=_MARK),
    "head": _style("head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    "head_centre": _style(
        "head_centre", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_CENTER
    ),
    "table_title": _style("table_title", fontName=FONT_BOLD, fontSize=10, leading=12.5),
    "committee": _style(
        "committee", fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER
    ),
    "committee_mixed": _style(
        "committee_mixed", fontName=FONT_BOLD, fontSize=13, leading=17, alignment=TA_CENTER
    ),
    "doc_title": _style(
        "doc_title",
        fontName=FONT_BOLD,
        fontSize=13,
        leading=17,
        alignment=TA_CENTER,
        spaceBefore=4,
        spaceAfter=6,
    ),
    "body": _style("body", fontSize=10, leading=13, spaceAfter=3),
    "heading": _style("heading", fontName=FONT_BOLD, fontSize=12, leading=15, spaceAfter=6),
}


class _Paragraph(Paragraph):
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    A table wraps each cell when measuring, again when splitting at a page end and again when
    drawing; line breaking depends only on the width, so the repeats are answered from the
    last result. This is most of the time spent printing a programme.
    """

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Paragraph.split may drop blPara; then the lines must be broken again.
        if availWidth == self._wrapped_for and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


# Word widths per (font, size): a programme repeats most of its words, and measuring a word is
# most of the cost of breaking a line. Cleared when it grows large (a long session).
_WORD_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_WORD_WIDTHS_LIMIT = 200_000


def _word_widths(font: str, size: float) -> dict[str, float]:
    if sum(len(d) for d in _WORD_WIDTHS.values()) > _WORD_WIDTHS_LIMIT:
        _WORD_WIDTHS.clear()
    return _WORD_WIDTHS.setdefault((font, size), {})


class _PlainParagraph(_Paragraph):
    """One line of plain text in one style (almost every table cell).

    Lines are broken exactly as ``Paragraph.breakLines`` breaks a single fragment (the same
    greedy fit, the same space shrinkage), with word widths remembered between paragraphs.
    Anything that case does not cover (a word wider than the column, a soft hyphen) is left to
    ReportLab.
    """

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - ReportLab's name
        frags = self.frags
        style = self.style
        if (
            len(frags) != 1
            or self.bulletText
            or style.wordWrap
            or style.shaping
            or style.endDots
            or style.hyphenationLang
            or style.uriWasteReduce
            or style.embeddedHyphenation
            or not hasattr(frags[0], "text")
            or "\xad" in frags[0].text
        ):
            return super().breakLines(width)
        max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
        last = len(max_widths) - 1
        f = frags[0]
        font, size = f.fontName, f.fontSize
        ascent, descent = getAscentDescent(font, size)
        self.height = 0
        self._splitLongWordCount = self._hyphenations = 0
        text = _rl_strip(f.text)
        if not text:
            self._width_max = 0.0
            return f.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size)
        known = _word_widths(font, size)
        space = known.get(" ")
        if space is None:
            space = known[" "] = stringWidth(" ", font, size, self.encoding)
        shrink = style.spaceShrinkage * space
        long_words = style.splitLongWords
        lines: list[tuple[float, list[str]]] = []
        line: list[str] = []
        used = -space  # no space before the first word
        widest = 0.0
        lineno = 0
        max_width = max_widths[0]
        for word in _rl_split(text):
            word_width = known.get(word)
            if word_width is None:
                word_width = known[word] = stringWidth(word, font, size, self.encoding)
            new_width = used + space + word_width
            limit = max_width + shrink * len(line)
            if new_width > limit and long_words and word_width > max_widths[min(lineno, last)]:
                return super().breakLines(width)  # a word wider than the column is cut
            if new_width <= limit or not line:
                line.append(word)
                used = new_width
            else:
                widest = max(widest, used)
                lines.append((max_width - used, line))
                line = [word]
                used = word_width
                lineno += 1
                max_width = max_widths[min(last, lineno)]
        if line:
            widest = max(widest, used)
            lines.append((max_width - used, line))
        self._width_max = widest
        return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


# Per style, a parsed text fragment and line-break fragment to copy: see para.
_FRAG_TEMPLATES: dict[str, tuple[Any, Any] | None] = {}


def _frag_templates(style: str) -> tuple[Any, Any] | None:
    if style not in _FRAG_TEMPLATES:
        frags = Paragraph("x<br/>y", STYLES[style]).frags
        shape_ok = (
            len(frags) == 3
            and getattr(frags[0], "text", None) == "x"
            and getattr(frags[1], "lineBreak", False)
        )
        _FRAG_TEMPLATES[style] = (frags[0], frags[1]) if shape_ok else None
    return _FRAG_TEMPLATES[style]


def para(text: str, style: str = "cell") -> Paragraph:
    """A Paragraph showing the user's ``text`` exactly as typed, in one of ``STYLES``.

    The text is never read as markup. Parsing markup is a fifth of the time it takes to print
    a programme, so plain text skips the parser: the text goes straight into copies of the
    fragments ReportLab parses for the style. Should a ReportLab release change the shape of
    its fragments, the text is escaped and parsed instead, with the same result on the page.
    """
    register_fonts()  # a Paragraph looks its fonts up as soon as it is made
    templates = _frag_templates(style)
    if templates is None:
        return _Paragraph(escape_text(text), STYLES[style])
    text_frag, break_frag = templates
    text = clean_text(text)
    if "\n" not in text:
        return _PlainParagraph(None, STYLES[style], frags=[text_frag.clone(text=text)])
    frags: list[Any] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            frags.append(break_frag.clone())
        if line.strip():
            frags.append(text_frag.clone(text=line))
    if not frags:
        frags.append(text_frag.clone(text=""))
    return _Paragraph(None, STYLES[style], frags=frags)


def text_cell(text: str, style: str = "cell") -> Paragraph | str:
    """A table cell of user text; an empty cell stays an empty string (nothing to lay out)."""
    return para(text, style) if text.strip() else ""


def markup(text: str, style: str = "cell") -> Paragraph:
    """A Paragraph of markup built from already escaped parts (user text only through
    ``escape_text``)."""
    register_fonts()
    return _Paragraph(text, STYLES[style])


# ---------------------------------------------------------------------------------------------
# Flowables


class Bookmark(Flowable):
    """An invisible outline entry at the point where it is drawn (every document has an
    outline: a reader jumps to a meeting, a section or a recommendation from it)."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


@dataclass(frozen=True, slots=True)
class RowInfo:
    """What a table row stands for, so a split table can label its continuation."""

    title: str
    group_label: str | None = None
    starts_group: bool = False


class _RowTable(Table):
    """A Table whose continuation on a new page repeats the meeting date with "(continued)".

    ReportLab builds the pieces of a split table with ``self.__class__``, so the pieces are
    ``_RowTable`` too and are fixed up here, in ``split``, after the library has cut them.
    """

    row_info: list[RowInfo | None] | None = None  # aligned with the rows; None for headers
    continued_style = "cell_bold"

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        info = self.row_info
        if len(parts) != 2 or info is None:
            return parts
        top, rest = parts
        # ReportLab drops "splitlast" line commands from the remainder of a split table
        # (Table._cr_1_1 skips special rows outside _srflMode), so a table cut twice would lose
        # its closing rule on the middle page; give it back.
        rest.setStyle(TableStyle([_SPLIT_RULE]))
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else 0
        n_top = len(top._cellvalues)
        n_rest = len(rest._cellvalues)
        # An in-row split leaves one row in both pieces, so the pieces hold one extra row.
        in_row = n_top + n_rest - repeat == len(self._cellvalues) + 1
        first = n_top - 1 if in_row else n_top
        top.row_info = info[:n_top]
        rest.row_info = info[:repeat] + info[first:]
        row = info[first] if first < len(info) else None
        if row is not None and row.group_label and (in_row or not row.starts_group):
            cells = rest._cellvalues[repeat]
            cells[0] = [markup(f"{escape_text(row.group_label)} (continued)", "cell_bold")]
            # The new label may need more height than the empty cell it replaces.
            rest._argH[repeat] = None
        return parts

    def _calc_height(
        self, availHeight: float, availWidth: float, H: Any = None, W: Any = None
    ) -> None:
        # ReportLab measures a table when placing it (wrap) and again when splitting it at the
        # page end, each time from the row heights it was given. A row's height depends only
        # on the column widths, so rows measured before are given back as known heights.
        known = self.__dict__.get("_measured")
        given: list[float | None] = self.__dict__["_argH"]  # set by Table.__init__
        if known is not None and known[0] == availWidth and len(known[1]) == len(given):
            self._argH = [g if g is not None else k for g, k in zip(given, known[1], strict=True)]
        try:
            super()._calc_height(availHeight, availWidth, H, W)
        finally:
            self._argH = given
        self._measured = (availWidth, list(self._rowHeights))

    def first_row_title(self) -> str | None:
        """The title of the first body row: the one a failed split could not place."""
        if not self.row_info:
            return None
        for row in self.row_info:
            if row is not None:
                return row.title
        return None


def row_table(
    data: list[list[Any]],
    widths: Sequence[float],
    info: list[RowInfo | None],
    commands: list[tuple[Any, ...]],
    *,
    repeat_rows: int,
    min_heights: Sequence[float] | None = None,
) -> _RowTable:
    t = _RowTable(
        data,
        colWidths=list(widths),
        minRowHeights=list(min_heights) if min_heights else None,
        repeatRows=repeat_rows,
        splitByRow=1,
        # Rows taller than a page (a 5,000-word reason) are cut inside the row.
        splitInRow=1,
        hAlign="LEFT",
    )
    t.row_info = info
    t.setStyle(TableStyle(_BASE_TABLE_STYLE + commands))
    return t


# Close the box where a page cuts the table; BOX alone leaves the cut edge open.
_SPLIT_RULE = ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.75, _RULE)

_BASE_TABLE_STYLE: list[tuple[Any, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    _SPLIT_RULE,
]


def grid_table_style(header_rows: int) -> list[tuple[Any, ...]]:
    return [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), _HEADER_FILL),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("BOX", (0, 0), (-1, -1), 0.75, _RULE),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.75, _RULE),
    ]


# ---------------------------------------------------------------------------------------------
# Page furniture


@dataclass(frozen=True, slots=True)
class Furniture:
    title: str
    council_name: str
    draft: bool
    not_for_publication: bool


def _draw_page(canv: Canvas, doc: _Document) -> None:
    """Drawn on every page before its content, so the watermark sits behind the text."""
    f = doc.furniture
    width, height = PAGE_SIZE
    canv.saveState()
    if canv.getPageNumber() == 1:
        canv.showOutline()
    if f.draft:
        canv.saveState()
        canv.setFillColor(_WATERMARK)
        canv.setFont(FONT_BOLD, 150)
        canv.translate(width / 2, height / 2)
        canv.rotate(30)
        canv.drawCentredString(0, -50, DRAFT)
        canv.restoreState()
    top = height - 9 * mm
    canv.setFillColor(colors.HexColor("#595959"))
    canv.setFont(FONT, 8)
    if f.council_name:
        canv.drawString(MARGIN_X, top, _plain(f.council_name))
    canv.setFillColor(_MARK)
    canv.setFont(FONT_BOLD, 11)
    if f.not_for_publication:
        canv.drawCentredString(width / 2, top, NOT_FOR_PUBLICATION)
    if f.draft:
        canv.drawRightString(width - MARGIN_X, top, DRAFT)
    canv.setFillColor(colors.HexColor("#595959"))
    canv.setFont(FONT, 8)
    canv.drawString(MARGIN_X, 8 * mm, _fit(_plain(f.title), FONT, 8, width * 0.7))
    canv.restoreState()


def _plain(text: str) -> str:
    """User text drawn straight on the canvas or put in metadata: one line, never markup."""
    return " ".join(clean_text(text).split("\n"))


def _fit(text: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text + "\u2026"


class _NumberedCanvas(Canvas):
    """Holds back every page until the end, so each footer can say "Page X of Y" in one pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#595959"))
            self.drawRightString(
                PAGE_SIZE[0] - MARGIN_X, 8 * mm, f"Page {self._pageNumber} of {count}"
            )
            self.restoreState()
            super().showPage()
        super().save()


class _Document(BaseDocTemplate):
    def __init__(self, out: BinaryIO, furniture: Furniture, *, subject: str,
                 keywords: list[str], invariant: bool) -> None:  # fmt: skip
        if furniture.not_for_publication:
            subject = f"{NOT_FOR_PUBLICATION} \u2013 {subject}"
            keywords = [NOT_FOR_PUBLICATION, *keywords]
        if furniture.draft:
            keywords = [DRAFT, *keywords]
        super().__init__(
            out,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=_plain(furniture.title),
            author=_plain(furniture.council_name),
            subject=_plain(subject),
            keywords=[_plain(k) for k in keywords],
            creator=CREATOR,
            lang=LANGUAGE,
            invariant=1 if invariant else 0,
            displayDocTitle=1,
        )
        self.furniture = furniture
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )  # fmt: skip
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_draw_page)])

    def handle_flowable(self, flowables: list[Any]) -> None:
        current = flowables[0] if flowables else None
        try:
            super().handle_flowable(flowables)
        except LayoutError as exc:
            title = current.first_row_title() if isinstance(current, _RowTable) else None
            what = f"the item \u201c{_plain(title)}\u201d" if title else "part of the document"
            raise PrintError(
                f"Could not fit {what} on the page, even split across pages. "
                "Shorten its text or split it into several items, then print again."
            ) from exc


def build_pdf(
    story: list[Flowable],
    out: Output,
    furniture: Furniture,
    *,
    subject: str,
    keywords: list[str],
    invariant: bool,
) -> None:
    register_fonts()
    buffer = io.BytesIO()
    doc = _Document(buffer, furniture, subject=subject, keywords=keywords, invariant=invariant)
    doc.build(story, canvasmaker=_NumberedCanvas)
    _write(buffer.getvalue(), out)


def _write(data: bytes, out: Output) -> None:
    if isinstance(out, (str, os.PathLike)):
        from domain.files import write_atomically

        write_atomically(out, data)
    else:
        out.write(data)


# ---------------------------------------------------------------------------------------------
# The work programme

# Fractions of the frame width. The reason for consideration is the longest text, so it gets
# the widest column; the date and score columns just fit "11 Sept 2019" and "Prioritisation".
_PROGRAMME_COLUMNS = (0.101, 0.221, 0.094, 0.389, 0.195)
# The purpose layout (seed 000): its dates ("19.10.15") are short, and purpose and reason share
# the room the score and reason had.
_PURPOSE_COLUMNS = (0.075, 0.245, 0.25, 0.24, 0.19)
_SCHEDULE_COLUMNS = (0.28, 0.50, 0.22)


def _frame_width() -> float:
    width: float = PAGE_SIZE[0] - 2 * MARGIN_X
    return width


def frame_widths(fractions: Iterable[float]) -> list[float]:
    w = _frame_width()
    return [w * f for f in fractions]


def marks(flags: Sequence[str], part_ii: PartII | None) -> list[Flowable]:
    """The red line under an item's title: its flags ("To follow") and, on a document NOT FOR
    PUBLICATION, "Part II (paragraph N)" on each exempt row."""
    words = [*flags, part_ii.label] if part_ii is not None else list(flags)
    return [para(" \u00b7 ".join(words), "flag")] if words else []


def _item_cell(row: ProgrammeRow) -> list[Flowable]:
    return [para(row.title), *marks(row.flags, row.part_ii)]


def _score_text(score: int | None) -> str:
    return "" if score is None else str(score)


def _meeting_rows(
    groups: Sequence[MeetingGroup], layout: str
) -> tuple[list[list[Any]], list[RowInfo | None], list[int]]:
    data: list[list[Any]] = []
    info: list[RowInfo | None] = []
    starts: list[int] = []
    purpose = layout == PURPOSE
    for gi, group in enumerate(groups):
        label = dotted_date(group.meeting_date) if purpose else group.date_label
        date_cell: list[Flowable] = [
            Bookmark(f"meeting-{gi}", label),
            para(label, "cell_bold"),
        ]
        rows: Sequence[ProgrammeRow | PartIIPlaceholder] = group.rows or (None,)  # type: ignore[assignment]
        for ri, row in enumerate(rows):
            first = ri == 0
            if first:
                starts.append(len(data) + 1)
            date: Any = date_cell if first else ""
            if row is None:
                data.append([date, para(NO_ITEMS), "", "", ""])
                info.append(RowInfo(label, label, first))
            elif isinstance(row, PartIIPlaceholder):
                data.append([date, para(row.label), "", "", ""])
                info.append(RowInfo(row.label, label, first))
            elif purpose:
                data.append([
                    date,
                    _item_cell(row),
                    text_cell(row.purpose),
                    text_cell(row.reason),
                    text_cell(row.responsible),
                ])  # fmt: skip
                info.append(RowInfo(row.title, label, first))
            else:
                data.append([
                    date,
                    _item_cell(row),
                    text_cell(_score_text(row.score), "cell_centre"),
                    text_cell(row.reason),
                    text_cell(row.responsible),
                ])  # fmt: skip
                info.append(RowInfo(row.title, label, first))
    return data, info, starts


def _by_meeting_style(starts: Sequence[int]) -> list[tuple[Any, ...]]:
    """A table of meetings' rows under a date column; ``starts`` are each meeting's first row."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("BOX", (0, 0), (-1, -1), 0.75, _RULE),
        # No rules inside the date column within a meeting: the date reads as spanning its rows
        # yet the rows stay independent, so a meeting can break across pages.
        ("INNERGRID", (1, 0), (-1, -1), 0.5, _GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, _GRID),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, _RULE),
    ]
    for r in starts[1:]:
        commands.append(("LINEABOVE", (0, r), (-1, r), 0.75, _RULE))
    return commands


def _programme_table(doc: ProgrammeDoc) -> _RowTable:
    purpose = doc.layout == PURPOSE
    columns = _PURPOSE_COLUMNS if purpose else _PROGRAMME_COLUMNS
    # The scored layout's score column (the third) is centred.
    header = [
        para(text, "head_centre" if i == 2 and not purpose else "head")
        for i, text in enumerate(programme_headings(doc))
    ]
    body, body_info, starts = _meeting_rows(doc.meetings, doc.layout)
    if not body:
        body = [["", para(NO_MEETINGS), "", "", ""]]
        body_info = [RowInfo("No meetings")]
    return row_table(
        [header, *body],
        frame_widths(columns),
        [None, *body_info],
        _by_meeting_style(starts),
        repeat_rows=1,
    )


def _schedule_table(
    title: str, first_column: str, rows: Sequence[ScheduleRow | PartIIPlaceholder]
) -> _RowTable:
    data: list[list[Any]] = [
        [para(title, "table_title"), "", ""],
        [para(text, "head") for text in (first_column, *SCHEDULE_HEADINGS[1:])],
    ]
    info: list[RowInfo | None] = [None, None]
    for row in rows:
        if isinstance(row, PartIIPlaceholder):
            data.append([para(row.label), "", ""])
            info.append(RowInfo(row.label))
        else:
            subject = [para(row.subject), *marks((), row.part_ii)]
            data.append([subject, text_cell(row.reason), text_cell(row.responsible)])
            info.append(RowInfo(row.subject))
    if not rows:
        data.append([para(NONE_AT_PRESENT), "", ""])
        info.append(RowInfo(title))
    commands = [
        ("SPAN", (0, 0), (-1, 0)),
        *grid_table_style(2),
        ("BACKGROUND", (0, 0), (-1, 0), _TITLE_FILL),
    ]
    return row_table(data, frame_widths(_SCHEDULE_COLUMNS), info, commands, repeat_rows=2)


def programme_story(doc: ProgrammeDoc) -> list[Flowable]:
    contact = contact_sentence(doc.officer_name, doc.officer_phone)
    scheduled = scheduled_title(doc)
    note = programme_note(doc)
    story: list[Flowable] = [
        para(doc.committee_name.upper(), "committee"),
        para(f"Work Programme {doc.year_label}", "doc_title"),
        para(note, "body"),
        *([para(contact, "body")] if contact else []),
        *_load_chart(doc),
        Spacer(0, 6),
        _programme_table(doc),
        Spacer(0, 14),
        Bookmark("to-be-scheduled", scheduled),
        _schedule_table(scheduled, SCHEDULE_HEADINGS[0], doc.to_be_scheduled),
        Spacer(0, 14),
        Bookmark("reviews", REVIEWS_TITLE),
        _schedule_table(REVIEWS_TITLE, SCHEDULE_HEADINGS[0], doc.reviews),
    ]
    if doc.annex is not None:
        story += [PageBreak(), *_annex_story(doc.annex)]
    return story


def _load_chart(doc: ProgrammeDoc) -> list[Flowable]:
    if doc.load_chart is None:
        return []
    from .load_chart import LoadChartFlowable

    return [Spacer(0, 4), LoadChartFlowable(doc.load_chart, FONT, FONT_BOLD)]


def render_programme(doc: ProgrammeDoc, out: Output, *, invariant: bool = False) -> None:
    """Print a committee's work programme (landscape A4) to a path or a binary stream."""
    build_pdf(
        programme_story(doc),
        out,
        Furniture(doc.title, doc.council_name, doc.draft, doc.not_for_publication),
        subject=f"Scrutiny work programme {doc.year_label}",
        keywords=["scrutiny", "work programme", doc.committee_name, doc.year_label],
        invariant=invariant,
    )


# ---------------------------------------------------------------------------------------------
# The prioritisation tool (annex and scoring sheets)

_PAPER_COLUMNS = (0.16, 0.42, 0.10, 0.32)


def _criterion_markup(q: Question) -> str:
    letter, title = q.letter.strip(), q.title.strip()
    if letter and title[:1].casefold() == letter[:1].casefold() and len(letter) == 1:
        return f'<font size="12"><b>{escape_text(title[0])}</b></font>{escape_text(title[1:])}'
    if letter:
        return f'<font size="12"><b>{escape_text(letter)}</b></font> {escape_text(title)}'
    return escape_text(title)


def _answer_text(answer: PaperAnswer | None, q: Question) -> str:
    if answer is None or answer.value is None:
        # A blank scale question shows its values, to circle one by hand.
        return "  ".join(str(v) for v in q.values) if q.is_scale and answer is None else ""
    word = answer_word(answer.value, q)
    if q.weight == 1 or not (points := scored_points(answer.value, q)):
        return word
    return f"{word} (={points})"


def _question_cell(q: Question) -> Flowable:
    if not q.help:
        return para(q.question)
    return markup(
        f'{escape_text(q.question)}<br/><font size="7.5" color="#404040">'
        f"{escape_text(q.help)}</font>"
    )


def _band_fill(band: str, bands: Sequence[BandRule]) -> colors.Color | None:
    """The band's fill on paper (the light form of domain.bands)."""
    found = band_colours(band, bands)
    return colors.HexColor(found.light.fill) if found is not None else None


def _band_name(band: str, bands: Sequence[BandRule], style: str = "cell") -> Flowable:
    """The band's name in the text colour that reads on its fill: black on the palette's
    fills, white on a council's own dark colour (domain.bands keeps AA contrast)."""
    found = band_colours(band, bands)
    if found is None or found.light.text.lower() in ("#000000", *(c.light.text for c in PALETTE)):
        return para(band, style)
    return markup(f'<font color="{found.light.text}">{escape_text(band)}</font>', style)


def _band_range(b: BandRule) -> str:
    if b.min_total == b.max_total:
        return str(b.min_total)
    return f"{b.min_total}-{b.max_total}"


def _paper_tables(
    questions: Sequence[Question],
    answers: Sequence[PaperAnswer] | None,
    bands: Sequence[BandRule],
    total: int | None,
    band: str | None,
) -> list[Flowable]:
    if any(q.is_scale for q in questions):
        yes_heading = "Answer" if all(q.weight == 1 for q in questions) else "Answer (=points)"
    else:
        yes_heading = "Yes (=1)" if all(q.weight == 1 for q in questions) else "Yes (=weight)"
    data: list[list[Any]] = [
        [
            para("Criterion", "head"),
            para("Question", "head"),
            para(yes_heading, "head_centre"),
            para("Evidence", "head"),
        ]
    ]
    info: list[RowInfo | None] = [None]
    for i, q in enumerate(questions):
        a = answers[i] if answers is not None else None
        data.append([
            markup(_criterion_markup(q)),
            _question_cell(q),
            text_cell(_answer_text(a, q), "cell_centre"),
            text_cell(a.evidence if a is not None else ""),
        ])  # fmt: skip
        info.append(RowInfo(q.title or q.question))
    band_names = "/".join(b.name for b in bands)
    data.append([
        "",
        para("Total:", "cell_bold"),
        text_cell(_score_text(total), "cell_centre"),
        _band_name(band, bands, "cell_bold") if band else para(band_names, "cell_bold"),
    ])  # fmt: skip
    info.append(RowInfo("Total"))
    total_style: list[Any] = [("BACKGROUND", (0, -1), (-1, -1), _HEADER_FILL)]
    if band and (fill := _band_fill(band, bands)) is not None:
        total_style.append(("BACKGROUND", (3, -1), (3, -1), fill))
    main = row_table(
        data,
        frame_widths(_PAPER_COLUMNS),
        info,
        [*grid_table_style(1), *total_style],
        repeat_rows=1,
        # A blank tool is filled in by hand: leave room to write the evidence.
        min_heights=[0, *[34] * len(questions), 22] if answers is None else None,
    )
    band_data: list[list[Any]] = [[para("Priority", "head"), para("Score", "head_centre")]]
    band_info: list[RowInfo | None] = [None]
    for b in bands:
        band_data.append([_band_name(b.name, bands), para(_band_range(b), "cell_centre")])
        band_info.append(RowInfo(b.name))
    # The bands in the colours the program shows them in, their names written beside.
    band_fills = [
        ("BACKGROUND", (0, row), (0, row), fill)
        for row, b in enumerate(bands, start=1)
        if (fill := _band_fill(b.name, bands)) is not None
    ]
    band_table = row_table(band_data, [110, 70], band_info, [*grid_table_style(1), *band_fills], repeat_rows=1)
    return [main, Spacer(0, 12), band_table]


def _annex_story(annex: PaperAnnex) -> list[Flowable]:
    story: list[Flowable] = [
        Bookmark("annex", annex.heading),
        para(annex.heading, "heading"),
    ]
    if annex.topic_title:
        story.append(markup(f"<b>Topic:</b> {escape_text(annex.topic_title)}", "body"))
        story += marks((), annex.part_ii)
        story.append(Spacer(0, 4))
    story += _paper_tables(annex.questions, annex.answers, annex.bands, annex.total, annex.band)
    return story


def render_annex(
    annex: PaperAnnex,
    out: Output,
    *,
    council_name: str = "",
    draft: bool = False,
    not_for_publication: bool = False,
    invariant: bool = False,
) -> None:
    """Print the prioritisation tool on its own, blank or filled in for one topic."""
    title = annex.heading + (f" \u2013 {annex.topic_title}" if annex.topic_title else "")
    build_pdf(
        _annex_story(annex),
        out,
        Furniture(title, council_name, draft, not_for_publication),
        subject="Scrutiny prioritisation tool",
        keywords=["scrutiny", "prioritisation"],
        invariant=invariant,
    )


def _sheet_story(sheet: ScoringSheet, key: str) -> list[Flowable]:
    heading = "Scrutiny Prioritisation Tool"
    if sheet.tool_name:
        heading += f" ({sheet.tool_name})"
    story: list[Flowable] = [Bookmark(key, sheet.topic_title), para(heading, "heading")]
    if sheet.committee_name:
        story.append(para(sheet.committee_name, "body"))
    story += [
        markup(f"<b>Topic:</b> {escape_text(sheet.topic_title)}", "body"),
        *marks((), sheet.part_ii),
    ]
    if sheet.reason:
        story.append(markup(f"<b>Reason for consideration:</b> {escape_text(sheet.reason)}", "body"))
    if sheet.scored_on is None:
        # To fill in by hand at the work-planning session.
        blank = "_" * 28
        story.append(markup(f"<b>Scored by:</b> {blank}&nbsp;&nbsp;&nbsp;<b>Date:</b> {blank[:14]}", "body"))
    else:
        only_total = " (the total only, from the printed programme: the answers were not recorded)"
        story.append(
            markup(
                f"<b>Scored by:</b> {escape_text(sheet.scorer)} on "
                f"{escape_text(long_date(sheet.scored_on))}"
                + (only_total if sheet.answers is None else ""),
                "body",
            )
        )
    story.append(Spacer(0, 6))
    story += _paper_tables(sheet.questions, sheet.answers, sheet.bands, sheet.total, sheet.band)
    if sheet.evidence:
        story += [Spacer(0, 10), para("Linked evidence", "heading")]
        story += [para(line, "body") for line in sheet.evidence]
    return story


def render_scoring_sheet(
    sheets: ScoringSheet | Sequence[ScoringSheet],
    out: Output,
    *,
    council_name: str = "",
    invariant: bool = False,
) -> None:
    """Print one page per scored topic with the questions, answers, evidence, total and band."""
    items = (sheets,) if isinstance(sheets, ScoringSheet) else tuple(sheets)
    if not items:
        raise PrintError("There is no scoring sheet to print: score a topic first.")
    story: list[Flowable] = []
    for i, sheet in enumerate(items):
        if i:
            story.append(PageBreak())
        story += _sheet_story(sheet, f"sheet-{i}")
    first = items[0]
    title = (
        f"Prioritisation \u2013 {first.topic_title}"
        if len(items) == 1
        else f"Prioritisation scoring sheets ({len(items)} topics)"
    )
    build_pdf(
        story,
        out,
        Furniture(
            title,
            council_name or first.council_name,
            False,
            any(s.not_for_publication for s in items),
        ),
        subject="Scrutiny prioritisation scoring sheet",
        keywords=["scrutiny", "prioritisation"],
        invariant=invariant,
    )


# ---------------------------------------------------------------------------------------------
# Tracking decisions

_DECISION_COLUMNS = (0.24, 0.48, 0.28)


def _decision_cells(row: DecisionRow) -> list[Any]:
    first = escape_text(long_date(row.meeting_date))
    if row.minute_no:
        first = f"<b>Minute {escape_text(row.minute_no)}</b><br/>{first}"
    third = (
        f"<b>Date:</b> {escape_text(row.target_date_label)}<br/>"
        f"<b>Officer:</b> {escape_text(row.officer)}<br/>"
        f"<b>Progress:</b> {escape_text(row.progress)}"
    )
    if row.rag:
        third += f"<br/><b>RAG:</b> {escape_text(row.rag)}"
    return [
        [markup(f"{first}<br/><u>{escape_text(row.title)}</u>"), *marks((), row.part_ii)],
        para(row.resolution),
        markup(third),
    ]


def decisions_story(doc: DecisionsDoc) -> list[Flowable]:
    data: list[list[Any]] = [
        [
            para("Minute No.", "head"),
            para("Resolution", "head"),
            para("Target Date, Officer Responsible and Progress", "head"),
        ]
    ]
    info: list[RowInfo | None] = [None]
    meetings: list[Any] = []
    for row in doc.rows:
        if isinstance(row, PartIIPlaceholder):
            data.append([para(row.label), "", ""])
            info.append(RowInfo(row.label))
        else:
            data.append(_decision_cells(row))
            info.append(RowInfo(row.title))
            if row.meeting_date not in meetings:
                # The outline lists the meetings the resolutions were made at.
                meetings.append(row.meeting_date)
                label = long_date(row.meeting_date)
                data[-1][0].insert(0, Bookmark(f"meeting-{len(meetings)}", label, level=1))
    if not doc.rows:
        data.append([para("No decisions to track"), "", ""])
        info.append(RowInfo(doc.heading))
    return [
        Bookmark("decisions", doc.heading),
        para(doc.committee_name, "committee_mixed"),
        para(doc.heading, "doc_title"),
        row_table(data, frame_widths(_DECISION_COLUMNS), info, grid_table_style(1), repeat_rows=1),
    ]


def render_decisions(doc: DecisionsDoc, out: Output, *, invariant: bool = False) -> None:
    """Print the tracking decisions document (landscape A4)."""
    build_pdf(
        decisions_story(doc),
        out,
        Furniture(doc.title, doc.council_name, doc.draft, doc.not_for_publication),
        subject="Scrutiny tracking decisions",
        keywords=["scrutiny", "tracking decisions", doc.committee_name],
        invariant=invariant,
    )


# ---------------------------------------------------------------------------------------------
# A meeting's own papers

_AGENDA_COLUMNS = (0.045, 0.235, 0.37, 0.19, 0.16)
_FORWARD_COLUMNS = (0.14, 0.245, 0.395, 0.22)


def _agenda_item(row: AgendaRow) -> list[Flowable]:
    return [para(row.title), *marks(row.flags, row.part_ii)]


def _agenda_table(meeting: AgendaMeeting) -> _RowTable:
    header = [
        para("No.", "head_centre"),
        para("Agenda item", "head"),
        para("Purpose of the agenda item", "head"),
        para("Report author", "head"),
        para("Report deadline", "head"),
    ]
    deadline = long_date(meeting.report_deadline)
    data: list[list[Any]] = [header]
    info: list[RowInfo | None] = [None]
    for number, row in enumerate(meeting.rows, start=1):
        if isinstance(row, PartIIPlaceholder):
            data.append([para(str(number), "cell_centre"), para(row.label), "", "", ""])
            info.append(RowInfo(row.label))
            continue
        data.append([
            para(str(number), "cell_centre"),
            _agenda_item(row),
            text_cell(row.purpose),
            text_cell(row.author),
            para(deadline),
        ])  # fmt: skip
        info.append(RowInfo(row.title))
    if not meeting.rows:
        data.append(["", para("No scrutiny items booked yet"), "", "", ""])
        info.append(RowInfo(meeting.date_label))
    return row_table(
        data, frame_widths(_AGENDA_COLUMNS), info, grid_table_style(1), repeat_rows=1
    )


def _forward_table(meetings: Sequence[AgendaMeeting]) -> _RowTable:
    header = [
        para("Date of meeting", "head"),
        para("Agenda item", "head"),
        para("Purpose of the agenda item", "head"),
        para("Report author", "head"),
    ]
    data: list[list[Any]] = [header]
    info: list[RowInfo | None] = [None]
    starts: list[int] = []
    for i, m in enumerate(meetings):
        label = m.date_label
        date_cell: list[Flowable] = [
            Bookmark(f"forward-{i}", label, level=1),
            para(label, "cell_bold"),
            para(f"Reports due {council_date(m.report_deadline)}"),
        ]
        starts.append(len(data))
        rows: Sequence[AgendaRow | PartIIPlaceholder | None] = m.rows or (None,)
        for ri, row in enumerate(rows):
            date: Any = date_cell if ri == 0 else ""
            if row is None:
                data.append([date, para("No items booked yet"), "", ""])
                info.append(RowInfo(label, label, ri == 0))
            elif isinstance(row, PartIIPlaceholder):
                data.append([date, para(row.label), "", ""])
                info.append(RowInfo(row.label, label, ri == 0))
            else:
                data.append([date, _agenda_item(row), text_cell(row.purpose), text_cell(row.author)])
                info.append(RowInfo(row.title, label, ri == 0))
    return row_table(
        data, frame_widths(_FORWARD_COLUMNS), info, _by_meeting_style(starts), repeat_rows=1
    )


def _meeting_facts(m: AgendaMeeting) -> str:
    when = time_text(m.starts_at.time())
    where = f", {m.venue.strip()}" if m.venue.strip() else ""
    return (
        f"{weekday_date(m.starts_at.date())}, {when}{where}. Reports are due by "
        f"{weekday_date(m.report_deadline)}; the agenda is published on "
        f"{weekday_date(m.publication)}."
    )


def meeting_papers_story(doc: MeetingPapersDoc) -> list[Flowable]:
    m = doc.meeting
    heading = f"Scrutiny items for the meeting of {long_date(m.starts_at.date())}"
    story: list[Flowable] = [
        Bookmark("agenda", heading),
        para(doc.committee_name, "committee_mixed"),
        para(heading, "doc_title"),
        para(_meeting_facts(m), "body"),
        Spacer(0, 4),
        _agenda_table(m),
    ]
    if doc.with_forward_look:
        count = len(doc.forward_look)
        title = "Forward look: " + (
            "no meetings are arranged after this one yet"
            if not count
            else "the next meeting" if count == 1 else f"the next {count} meetings"
        )
        story += [Spacer(0, 16), Bookmark("forward-look", title), para(title, "heading")]
        if count:
            story.append(_forward_table(doc.forward_look))
    return story


def render_meeting_papers(doc: MeetingPapersDoc, out: Output, *, invariant: bool = False) -> None:
    """Print a meeting's scrutiny items for report authors, with the forward look of the
    meetings after it when the document has one (landscape A4)."""
    build_pdf(
        meeting_papers_story(doc),
        out,
        Furniture(doc.title, doc.council_name, doc.draft, doc.not_for_publication),
        subject="Scrutiny items and report deadlines for a meeting",
        keywords=["scrutiny", "agenda", "report deadline", doc.committee_name],
        invariant=invariant,
    )


__all__ = [
    "Bookmark",
    "Furniture",
    "Output",
    "PrintError",
    "RowInfo",
    "build_pdf",
    "contact_sentence",
    "escape_text",
    "frame_widths",
    "grid_table_style",
    "markup",
    "marks",
    "para",
    "register_fonts",
    "render_annex",
    "render_decisions",
    "render_meeting_papers",
    "render_programme",
    "render_scoring_sheet",
    "row_table",
    "text_cell",
]

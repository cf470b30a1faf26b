"""The colours of the priority bands: one palette for the tables, the planner, the scoring
panel and the printed programme, in a light and a dark form.

High is red, Medium amber, Low green, as a RAG rating reads; a topic that is not a scrutiny
topic, or not scored, is grey. Colour is never the only cue: wherever a band is coloured its
name is written in the same place. Each pair of text and fill colours keeps at least the 4.5:1
contrast WCAG 2 level AA asks of text (tests/domain/test_bands.py checks every pair).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.scoring import NOT_A_SCRUTINY_TOPIC, PAPER, BandRule, band_rank

AA_CONTRAST = 4.5  # WCAG 2, success criterion 1.4.3, for text of normal size


@dataclass(frozen=True, slots=True)
class Swatch:
    """Text written on a fill, as #rrggbb."""

    text: str
    fill: str


@dataclass(frozen=True, slots=True)
class BandColours:
    """How a band is coloured on a light and on a dark background."""

    name: str
    light: Swatch
    dark: Swatch

    def swatch(self, dark: bool = False) -> Swatch:
        return self.dark if dark else self.light


HIGH = BandColours("High", Swatch("#6b0f0b", "#f6c9c4"), Swatch("#ffdcd7", "#7a2119"))
MEDIUM = BandColours("Medium", Swatch("#573a00", "#fbe3a6"), Swatch("#ffe9b8", "#6b4a00"))
LOW = BandColours("Low", Swatch("#14451c", "#cfe8cf"), Swatch("#d8f2d8", "#1f5a29"))
NOT_A_TOPIC = BandColours(NOT_A_SCRUTINY_TOPIC, Swatch("#303030", "#dddddd"), Swatch("#e6e6e6", "#4d4d4d"))
UNSCORED = BandColours("Not scored", Swatch("#303030", "#ececec"), Swatch("#e6e6e6", "#3a3a3a"))

# By rank, highest band first: a criteria set with bands of its own names colours them so.
BY_RANK = (HIGH, MEDIUM, LOW)
PALETTE = (HIGH, MEDIUM, LOW, NOT_A_TOPIC, UNSCORED)
_BY_NAME = {c.name: c for c in (HIGH, MEDIUM, LOW, NOT_A_TOPIC)}


def colours_of(band: str | None, bands: Sequence[BandRule] = PAPER.bands) -> BandColours | None:
    """The colours of ``band``, None when unscored.

    A band of ``bands`` (a committee's criteria set may name its own) takes its own colour when
    the set gives one, else the colours of its rank, highest first; below the third, and "Not a
    scrutiny topic", it is grey.
    """
    if not band:
        return None
    if band == NOT_A_SCRUTINY_TOPIC:
        return NOT_A_TOPIC
    own = next((b for b in bands if b.name == band), None)
    if own is not None and own.colour:
        # The council's own colour, light or dark theme alike, with black or white text,
        # whichever reads better: one of them always keeps the AA contrast (at least 4.58:1).
        swatch = Swatch(ink_on(own.colour), own.colour.lower())
        return BandColours(band, swatch, swatch)
    if own is not None:
        rank = band_rank(band, bands)
        return BY_RANK[rank] if rank < len(BY_RANK) else NOT_A_TOPIC
    return _BY_NAME.get(band)


def ink_on(fill: str) -> str:
    """The text colour for ``fill``: the palette's own where the fill is a band's, else black
    or white, whichever reads better."""
    for colours in PALETTE:
        for swatch in (colours.light, colours.dark):
            if swatch.fill == fill.lower():
                return swatch.text
    return "#000000" if contrast("#000000", fill) >= contrast("#ffffff", fill) else "#ffffff"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of #rrggbb, as WCAG 2 defines it."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- the Year page's charts and the printed load chart ------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartColours:
    """The charts' colours on a light or a dark ground. The "too many" words are written in
    ``over`` on ``background``; counts on a bar in :func:`ink_on` of its fill."""

    dark: bool
    background: str
    text: str
    grid: str
    booked: str  # items within capacity, meetings, select reviews
    over: str  # the warning colour: items over capacity
    held: str  # meetings that have taken place
    today: str
    target: str  # resolutions' target dates


CHART_LIGHT = ChartColours(False, "#ffffff", "#1f1f1f", "#d0d0d0", "#3f6fa6", "#b3261e", "#9e9e9e", "#6a1b9a", "#8d6e00")
CHART_DARK = ChartColours(True, "#202124", "#e8e8e8", "#4a4a4a", "#7fa8d8", "#ff7a6e", "#6f6f6f", "#d59cff", "#ffd54f")


def chart_colours(dark: bool = False) -> ChartColours:
    return CHART_DARK if dark else CHART_LIGHT

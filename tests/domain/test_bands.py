"""The band palette: every band's text is readable on its fill, light and dark."""

from __future__ import annotations

import pytest

from domain import bands
from domain.scoring import NOT_A_SCRUTINY_TOPIC, BandRule


@pytest.mark.parametrize("colours", bands.PALETTE, ids=[c.name for c in bands.PALETTE])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_each_band_text_meets_wcag_aa_on_its_fill(colours: bands.BandColours, dark: bool) -> None:
    swatch = colours.swatch(dark)
    assert bands.contrast(swatch.text, swatch.fill) >= bands.AA_CONTRAST


def test_the_dark_fills_are_dark_and_the_light_fills_light() -> None:
    # A dark-mode table keeps its own light text beside a coloured cell only if the fill is dark.
    for colours in bands.PALETTE:
        assert bands.contrast("#ffffff", colours.dark.fill) >= bands.AA_CONTRAST
        assert bands.contrast("#000000", colours.light.fill) >= bands.AA_CONTRAST


def test_the_bands_are_told_apart_without_colour_vision_by_lightness_too() -> None:
    lights = [bands.luminance(c.light.fill) for c in (bands.HIGH, bands.MEDIUM, bands.LOW)]
    assert len({round(v, 2) for v in lights}) == 3


def test_high_is_red_medium_amber_low_green_and_own_names_go_by_rank() -> None:
    assert bands.colours_of("High") is bands.HIGH
    assert bands.colours_of("Medium") is bands.MEDIUM
    assert bands.colours_of("Low") is bands.LOW
    assert bands.colours_of(NOT_A_SCRUTINY_TOPIC) is bands.NOT_A_TOPIC
    assert bands.colours_of(None) is None
    own = (BandRule("Urgent", 7, 9), BandRule("Soon", 4, 6), BandRule("Later", 1, 3), BandRule("Someday", 0, 0))
    assert [bands.colours_of(b.name, own) for b in own] == [bands.HIGH, bands.MEDIUM, bands.LOW, bands.NOT_A_TOPIC]


def test_text_on_a_fill_is_the_palettes_own_or_the_more_readable_of_black_and_white() -> None:
    assert bands.ink_on(bands.HIGH.dark.fill) == bands.HIGH.dark.text
    assert bands.ink_on("#FBE3A6") == bands.MEDIUM.light.text
    assert bands.ink_on("#101010") == "#ffffff"
    assert bands.ink_on("#f0f0f0") == "#000000"

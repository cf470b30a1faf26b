"""How quickly the Year page redraws after an edit, for a municipal year of 20 meetings.

Run with ``pytest tests/bench/test_bench_year.py --benchmark-only``.
Target: 16 ms (one frame) or less to show the changed figures and paint the three charts. The
edit measured is the worst kind: it changes every chart (a topic booked onto a meeting, its
stage moved, a resolution's target added), so all three are built again and painted; the page
shown at 1280×800.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from domain.ops.year_view import (
    MEETING,
    PUBLICATION,
    REPORT_DEADLINE,
    RESOLUTION,
    REVIEW,
    BandCount,
    Mark,
    MeetingBar,
    YearView,
    bar_label,
)

pytest.importorskip("pytest_benchmark")

MEETINGS = 20


def _year(extra: int) -> YearView:
    """A year of 20 meetings a fortnight apart, a few over capacity, with reviews and targets;
    ``extra`` more items at the fifth meeting and one more target."""
    begins, today = dt.date(2024, 5, 1), dt.date(2024, 11, 1)
    days = [begins + dt.timedelta(days=14 + 17 * i) for i in range(MEETINGS)]
    loads = []
    for i, day in enumerate(days):
        items = 4 + i % 5 + (extra if i == 4 else 0)
        happened = day < today
        over = not happened and items > 6
        loads.append(
            MeetingBar(
                i + 1, day, bar_label(day), items, 6, "held" if happened else "scheduled", over,
                f"{items} items" if happened else f"{items} of 6 items" + (f" ({items - 6} too many)" if over else ""),
            )  # fmt: skip
        )
    marks = []
    for i, day in enumerate(days):
        marks += [
            Mark(MEETING, day, f"Meeting {day}", i + 1),
            Mark(PUBLICATION, day - dt.timedelta(days=7), "Agenda published", i + 1),
            Mark(REPORT_DEADLINE, day - dt.timedelta(days=12), "Reports due", i + 1),
        ]
    marks += [Mark(REVIEW, begins + dt.timedelta(days=40 * i), f"Review {i}", i, end=today, ongoing=True) for i in range(4)]
    marks += [Mark(RESOLUTION, begins + dt.timedelta(days=20 + 23 * i), f"Minute {i}", i) for i in range(15 + extra)]
    bands = (
        BandCount("High", (3, 9 + extra, 1)),
        BandCount("Medium", (4, 12, 2)),
        BandCount("Low", (2, 5, 6)),
        BandCount("Not a scrutiny topic", (0, 0, 3)),
        BandCount("Not scored", (8, 20, 0)),
    )
    return YearView(1, "Synthetic Committee", "SYN", 2024, begins, dt.date(2025, 5, 1), today, tuple(loads), bands, tuple(marks))


def test_year_page_redraw_after_an_edit(benchmark, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui import spare_references_to_none
    from gui.year.page import YearPage

    spare_references_to_none()  # thousands of rounds of Qt calls (gui/__init__.py)

    page = YearPage()
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    views = [_year(0), _year(1)]
    page.set_year_view(views[1])
    state = {"i": 0}

    def redraw() -> list[str]:
        state["i"] ^= 1
        drawn = page.set_year_view(views[state["i"]])
        for panel in page.panels:
            panel.view.viewport().repaint()
        return drawn

    drawn = benchmark(redraw)
    assert drawn == ["load", "spread", "timeline"]
    assert dataclasses.replace(views[0]) == views[0]
    assert benchmark.stats.stats.median <= 0.016

"""The load chart printed on a programme's first page (when asked for): each meeting's items
against its capacity, drawn by ReportLab from the same figures as the Year page's chart
(:class:`domain.ops.year_view.MeetingBar`).

It shows counts and dates only, never a word of any item, so an exempt item is at most one
more in a count. Over capacity reads without colour too: "N too many" above the bar, and the
excess hatched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from domain.bands import CHART_LIGHT, ink_on

if TYPE_CHECKING:
    from domain.ops.year_view import MeetingBar

TITLE = "Load against capacity"
HEIGHT = 130.0
_AXIS = 22.0  # room on the left for the item counts
_BELOW = 26.0  # room under the bars for the dates
_ABOVE = 30.0  # the title and the "too many" words


class LoadChartFlowable(Flowable):
    """The chart, as wide as the frame and ``HEIGHT`` points tall."""

    def __init__(self, bars: Sequence[MeetingBar], font: str, bold: str) -> None:
        super().__init__()
        self.bars = tuple(bars)
        self.font, self.bold = font, bold

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, HEIGHT

    def draw(self) -> None:
        c: Any = self.canv
        ink = colors.HexColor(CHART_LIGHT.text)
        c.setFont(self.bold, 10)
        c.setFillColor(ink)
        c.drawString(0, HEIGHT - 11, TITLE)
        legend = "Bars: items booked; dashed line: capacity; grey: taken place; hatched red: over capacity"
        c.setFont(self.font, 7.5)
        c.drawRightString(self.width, HEIGHT - 11, legend)
        if not self.bars:
            c.drawString(0, HEIGHT - 26, "No meetings in this year yet.")
            return
        top = max([1, *(b.items for b in self.bars), *(b.capacity or 0 for b in self.bars)]) + 1
        plot_h = HEIGHT - _ABOVE - _BELOW
        plot_w = self.width - _AXIS
        step = plot_w / len(self.bars)
        bar_w = min(step * 0.6, 60.0)

        def y_of(n: float) -> float:
            return _BELOW + plot_h * n / top

        grid = colors.HexColor(CHART_LIGHT.grid)
        c.setLineWidth(0.5)
        tick = max(1, -(-top // 6))
        for n in range(0, top + 1, tick):
            c.setStrokeColor(grid)
            c.line(_AXIS, y_of(n), self.width, y_of(n))
            c.setFillColor(ink)
            c.setFont(self.font, 7)
            c.drawRightString(_AXIS - 4, y_of(n) - 2.5, str(n))
        for i, b in enumerate(self.bars):
            x = _AXIS + step * i + (step - bar_w) / 2
            fill = CHART_LIGHT.held if b.happened else CHART_LIGHT.booked
            self._segment(x, y_of(0), bar_w, y_of(b.within if not b.happened else b.items) - y_of(0), fill, str(b.items if b.happened else b.within))
            if b.excess and not b.happened:
                self._segment(x, y_of(b.within), bar_w, y_of(b.items) - y_of(b.within), CHART_LIGHT.over, "", hatch=True)
                c.setFont(self.bold, 7.5)
                c.setFillColor(colors.HexColor(CHART_LIGHT.over))
                c.drawCentredString(x + bar_w / 2, y_of(b.items) + 3, f"{b.excess} too many")
            if b.capacity is not None and not b.happened and not b.cancelled:
                c.setStrokeColor(ink)
                c.setLineWidth(1.2)
                c.setDash(3, 2)
                c.line(x - 4, y_of(b.capacity), x + bar_w + 4, y_of(b.capacity))
                c.setDash()
            c.setFillColor(ink)
            c.setFont(self.font, 7.5)
            c.drawCentredString(x + bar_w / 2, _BELOW - 10, b.label)
            if b.happened or b.cancelled:
                c.drawCentredString(x + bar_w / 2, _BELOW - 19, b.status)

    def _segment(self, x: float, y: float, w: float, h: float, fill: str, label: str, hatch: bool = False) -> None:
        if h <= 0:
            return
        c: Any = self.canv
        c.setFillColor(colors.HexColor(fill))
        c.setStrokeColor(colors.HexColor(fill))
        c.rect(x, y, w, h, stroke=0, fill=1)
        if hatch:
            c.saveState()
            path = c.beginPath()
            path.rect(x, y, w, h)
            c.clipPath(path, stroke=0, fill=0)
            c.setStrokeColor(colors.white)
            c.setLineWidth(0.6)
            k = -h
            while k < w:
                c.line(x + k, y, x + k + h, y + h)
                k += 5
            c.restoreState()
        if label and h >= 9:
            c.setFont(self.font, 7.5)
            c.setFillColor(colors.HexColor(ink_on(fill)))
            c.drawCentredString(x + w / 2, y + h / 2 - 2.5, label)

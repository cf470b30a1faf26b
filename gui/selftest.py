"""``scrutineer --selftest``: what a council's IT team runs after installing.

Each step uses the installed program's own parts (its migrations, fonts, demo data, Qt's PDF
module and every export format) in a temporary folder, never the user's data. Each step is
reported on its own line with how long it took; the exit status is 0 only when all pass, and a
failed step says what failed in words an IT technician can pass on.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Context:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    database: object | None = None
    committee_id: int | None = None
    year_start: int | None = None
    pdf: Path | None = None
    written: list[Path] = field(default_factory=list)


Step = tuple[str, Callable[[Context], str]]


def _open_database(ctx: Context) -> str:
    from domain.db import open_database

    path = ctx.folder / "selftest.sqlite"
    ctx.database = open_database(f"sqlite:///{path}")
    return f"created {path.name} and brought its tables up to date"


def _database(ctx: Context):  # type: ignore[no-untyped-def]
    from domain.db import Database

    assert isinstance(ctx.database, Database), "the database step did not run"
    return ctx.database


def _load_demo(ctx: Context) -> str:
    from domain.demo import load_demo
    from domain.ops.committees import list_committees, list_years

    db = _database(ctx)
    with db.transaction(action="Self-test: demo data") as s:
        names = load_demo(s)
    with db.transaction(read_only=True) as s:
        committees = list_committees(s)
        first = committees[0]
        ctx.committee_id = first.id
        ctx.year_start = max(list_years(s, committee_id=first.id))
    return f"{len(names)} programmes loaded"


def _print_programme(ctx: Context) -> str:
    from domain.printing.build import build_programme
    from domain.printing.render import render_programme

    db = _database(ctx)
    assert ctx.committee_id is not None and ctx.year_start is not None
    with db.transaction(read_only=True) as s:
        doc = build_programme(s, committee_id=ctx.committee_id, year_start=ctx.year_start)
    ctx.pdf = ctx.folder / "programme.pdf"
    render_programme(doc, ctx.pdf)
    data = ctx.pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError("the printed programme is not a PDF")
    return f"{doc.title}: {len(data) // 1024} KB"


def _render_page(ctx: Context) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    if QGuiApplication.instance() is None:
        raise RuntimeError("Qt did not start")
    if ctx.pdf is None:
        raise RuntimeError("the print step made no file")
    document = QPdfDocument()
    status = document.load(str(ctx.pdf))
    if status != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise RuntimeError(f"Qt's PDF module could not open the printed programme ({status.name})")
    image = document.render(0, QSize(595, 842))
    if image.isNull():
        raise RuntimeError("Qt's PDF module drew nothing")
    inked = sum(
        1
        for y in range(0, image.height(), 8)
        for x in range(0, image.width(), 8)
        if image.pixelColor(x, y).lightness() < 128
    )
    if inked == 0:
        raise RuntimeError("the first page rendered blank")
    return f"page 1 of {document.pageCount()} drawn"


def _exports(ctx: Context) -> str:
    from domain.ops.publish import FORMATS

    db = _database(ctx)
    assert ctx.committee_id is not None and ctx.year_start is not None
    made = []
    for fmt in FORMATS.values():
        with db.transaction(read_only=True) as s:
            exported = fmt.make(
                s, committee_id=ctx.committee_id, year_start=ctx.year_start, include_exempt=False
            )
        if not exported.data:
            raise RuntimeError(f"the {fmt.noun} came out empty")
        path = ctx.folder / f"programme{fmt.extension}"
        path.write_bytes(exported.data)
        made.append(fmt.key.upper())
    ctx.written.extend(ctx.folder.glob("programme.*"))
    return ", ".join(made) + " written"


def _chart_libraries(ctx: Context) -> str:
    """The Year page's libraries load (Qt Charts, with the OpenGL libraries it links) and a
    chart can be saved as SVG."""
    from PySide6 import QtCharts
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgGenerator

    if not hasattr(QtCharts, "QChart"):
        raise RuntimeError("Qt Charts did not load")
    path = ctx.folder / "chart.svg"
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(100, 50))
    painter = QPainter(generator)
    painter.fillRect(QRectF(10, 10, 30, 30), QColor("#3f6fa6"))
    painter.end()
    if b"<svg" not in path.read_bytes():
        raise RuntimeError("the SVG drawing came out empty")
    return "Qt Charts loaded, SVG written"


STEPS: tuple[Step, ...] = (
    ("Open a temporary database", _open_database),
    ("Load the demo programmes", _load_demo),
    ("Print a programme (PDF)", _print_programme),
    ("Render a printed page with Qt", _render_page),
    ("Write each export format", _exports),
    ("Load the chart libraries", _chart_libraries),
)


def _start_qt() -> object:
    """A QGuiApplication for the rendering step; offscreen when there is no screen."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    no_screen = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if no_screen and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["scrutineer", "--selftest"])


def run(steps: Sequence[Step] = STEPS, *, out: TextIO | None = None) -> int:
    """Run every step, reporting each; 0 when all passed, 1 otherwise."""
    stream = out if out is not None else sys.stdout
    if stream is None:  # a windowed program on Windows has no console
        stream = open(os.devnull, "w")  # noqa: SIM115 - lives for the process
    from domain import version

    print(f"Scrutineer {version()} self-test", file=stream)
    try:
        _app = _start_qt()
    except Exception as exc:  # noqa: BLE001 - reported as the step that failed
        print(f"FAILED  Start Qt: {exc}", file=stream)
        return 1
    failed = 0
    with tempfile.TemporaryDirectory(prefix="scrutineer-selftest-") as tmp:
        ctx = Context(Path(tmp))
        for n, (name, step) in enumerate(steps, 1):
            started = time.perf_counter()
            try:
                detail = step(ctx)
            except Exception as exc:  # noqa: BLE001 - every failure is reported, none raised
                failed += 1
                print(f"FAILED  {n}/{len(steps)} {name}: {exc or type(exc).__name__}", file=stream)
                if os.environ.get("SCRUTINEER_SELFTEST_TRACE") == "1":
                    traceback.print_exc(file=stream)
                continue
            ms = (time.perf_counter() - started) * 1000
            print(f"ok      {n}/{len(steps)} {name}: {detail} ({ms:.0f} ms)", file=stream)
        close = getattr(ctx.database, "close", None)
        if close is not None:
            close()
    if failed:
        print(f"{failed} of {len(steps)} steps failed.", file=stream)
        return 1
    print(f"All {len(steps)} steps passed.", file=stream)
    return 0

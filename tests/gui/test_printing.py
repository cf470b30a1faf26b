"""Printing from the desktop program: the preview, Save as PDF, Print… and printing every
committee, driven through the actions the main window puts in its File menu."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from domain.db import Database
from domain.demo import load_demo
from domain.ops import planning, topics
from domain.ops.committees import create_committee
from domain.ops.convert import committee_by_name
from domain.printing.build import build_programme
from domain.printing.render import render_programme
from gui.hub import Hub
from gui.print_output import PrintDialogs
from gui.printing import BatchPrint, controller_of, install_print_actions


class FakeDialogs(PrintDialogs):
    """Answers the dialogs printing would open, and records what was asked."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.save_to: str | None = str(tmp_path / "saved.pdf")
        self.folder: str | None = str(tmp_path / "batch")
        self.confirm = True
        self.confirmed: list[bool] = []
        self.messages: list[str] = []
        self.printed_to: Path | None = None
        self.suggested: list[str] = []

    def save_file_name(self, parent: QWidget | None, suggested: str) -> str | None:
        self.suggested.append(suggested)
        return self.save_to

    def choose_folder(self, parent: QWidget | None) -> str | None:
        return self.folder

    def confirm_exempt(self, parent: QWidget | None) -> bool:
        self.confirmed.append(self.confirm)
        return self.confirm

    def print_dialog(self, parent: QWidget | None, printer: QPrinter) -> bool:
        # The "printer" the user picks is a PDF file, so the pages can be counted.
        self.printed_to = self.tmp_path / "printer-output.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.printed_to))
        return True

    def message(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(text)


class Window(QMainWindow):
    """The part of the main window printing uses (gui.printing.PrintingWindow)."""

    def __init__(self, committee_id: int | None, year: int | None) -> None:
        super().__init__()
        self._committee_id = committee_id
        self._year = year

    def current_committee_id(self) -> int | None:
        return self._committee_id

    def current_year(self) -> int | None:
        return self._year


@pytest.fixture
def print_db(sqlite_db: Database) -> Database:
    with sqlite_db.transaction() as s:
        load_demo(s)
    return sqlite_db


@pytest.fixture
def ecsc_id(print_db: Database) -> int:
    with print_db.transaction() as s:
        return committee_by_name(s, "ECSC").id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where printing writes: a folder of its own, apart from the test database."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def dialogs(out: Path) -> FakeDialogs:
    return FakeDialogs(out)


@pytest.fixture
def make(qtbot: QtBot, print_db: Database, dialogs: FakeDialogs) -> Iterator:
    def make(committee_id: int | None, year: int | None = 2019) -> tuple[Window, dict[str, object]]:
        window = Window(committee_id, year)
        qtbot.addWidget(window)
        menu = window.menuBar().addMenu("&File")
        actions = install_print_actions(window, Hub(print_db, window), menu, dialogs=dialogs)
        return window, {a.objectName(): a for a in actions}

    yield make


def expected_pages(db: Database, committee_id: int, **kw: object) -> int:
    with db.transaction() as s:
        doc = build_programme(s, committee_id=committee_id, year_start=2019, **kw)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    render_programme(doc, buffer)
    return len(PdfReader(io.BytesIO(buffer.getvalue())).pages)


def pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


def test_actions_in_the_menu_with_their_shortcuts(make, ecsc_id: int) -> None:  # type: ignore[no-untyped-def]
    _window, actions = make(ecsc_id)
    assert list(actions) == ["printPreview", "printProgramme", "savePdf", "printAll"]
    assert actions["printPreview"].shortcut().toString() == "Ctrl+Shift+P"
    assert actions["printProgramme"].shortcut().toString() == "Ctrl+P"


def test_preview_shows_every_page_of_the_programme(
    make, ecsc_id: int, print_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, actions = make(ecsc_id)
    actions["printPreview"].trigger()
    dialog = controller_of(window).preview
    assert dialog is not None and dialog.isVisible()
    assert dialog.page_count() == expected_pages(print_db, ecsc_id) > 1
    assert "Work Programme 2019 - 20" in dialog.windowTitle()
    assert dialog.pages_label.text() == f"{dialog.page_count()} pages"
    assert not dialog.exempt_check.isChecked()
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert (tmp_path / "preview.png").stat().st_size > 10_000


def test_preview_switches_to_the_annex_and_to_tracking_decisions(
    make, ecsc_id: int, print_db: Database
) -> None:  # type: ignore[no-untyped-def]
    window, actions = make(ecsc_id)
    actions["printPreview"].trigger()
    dialog = controller_of(window).preview
    plain = dialog.page_count()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("programme_annex"))
    assert dialog.page_count() == expected_pages(print_db, ecsc_id, annex=True) == plain + 1
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("decisions"))
    assert "Tracking Decisions" in dialog.windowTitle()
    assert "Tracking Decisions" in PdfReader(io.BytesIO(dialog.pdf.data)).pages[0].extract_text()


def test_exempt_items_need_confirming(make, ecsc_id: int, dialogs: FakeDialogs) -> None:  # type: ignore[no-untyped-def]
    window, actions = make(ecsc_id)
    actions["printPreview"].trigger()
    dialog = controller_of(window).preview
    public = dialog.pdf.data
    dialogs.confirm = False
    dialog.exempt_check.click()
    assert dialogs.confirmed == [False]
    assert not dialog.exempt_check.isChecked()
    assert dialog.pdf.data == public
    dialogs.confirm = True
    dialog.exempt_check.click()
    assert dialog.exempt_check.isChecked()
    pages = PdfReader(io.BytesIO(dialog.pdf.data)).pages
    assert all("NOT FOR PUBLICATION" in p.extract_text() for p in pages)
    assert dialog.save_document() is not None
    assert dialogs.suggested[-1].endswith("NOT-FOR-PUBLICATION.pdf")
    dialog.exempt_check.click()  # switching off needs no confirmation
    assert dialogs.confirmed == [False, True]
    assert "NOT FOR PUBLICATION" not in PdfReader(io.BytesIO(dialog.pdf.data)).pages[0].extract_text()


def test_save_as_pdf_writes_the_file_chosen(
    make, ecsc_id: int, print_db: Database, dialogs: FakeDialogs, out: Path
) -> None:  # type: ignore[no-untyped-def]
    _window, actions = make(ecsc_id)
    actions["savePdf"].trigger()
    saved = out / "saved.pdf"
    assert dialogs.suggested == ["ECSC-work-programme-2019-20.pdf"]
    assert len(pdf_text(saved)) == expected_pages(print_db, ecsc_id)
    assert "Children in Need" in " ".join(pdf_text(saved))
    assert sorted(p.name for p in out.iterdir()) == ["saved.pdf"]  # no temporary file left


def test_save_as_pdf_cancelled_or_failing_leaves_files_alone(
    make, ecsc_id: int, dialogs: FakeDialogs, out: Path
) -> None:  # type: ignore[no-untyped-def]
    _window, actions = make(ecsc_id)
    dialogs.save_to = None
    actions["savePdf"].trigger()
    assert list(out.iterdir()) == []
    blocker = out / "file"
    blocker.write_text("not a folder")
    dialogs.save_to = str(blocker / "p.pdf")
    actions["savePdf"].trigger()
    assert len(dialogs.messages) == 1 and "Could not save" in dialogs.messages[0]
    assert sorted(p.name for p in out.iterdir()) == ["file"]


def test_print_sends_every_page_to_the_printer(
    make, ecsc_id: int, print_db: Database, dialogs: FakeDialogs
) -> None:  # type: ignore[no-untyped-def]
    _window, actions = make(ecsc_id)
    actions["printProgramme"].trigger()
    assert dialogs.printed_to is not None
    assert len(PdfReader(dialogs.printed_to).pages) == expected_pages(print_db, ecsc_id)


def test_without_a_committee_printing_says_what_to_do(make, dialogs: FakeDialogs) -> None:  # type: ignore[no-untyped-def]
    _window, actions = make(None)
    actions["printPreview"].trigger()
    actions["savePdf"].trigger()
    assert dialogs.messages == ["Choose a committee and a year first."] * 2
    assert not (dialogs.tmp_path / "saved.pdf").exists()


def _committees_with_programmes(db: Database, count: int) -> None:
    with db.transaction() as s:
        for i in range(count):
            c = create_committee(s, name=f"Scrutiny Panel {i}", short_name=f"P{i}")
            m = planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(2019, 9, 1 + i, 14))
            for j in range(12):
                t = topics.create_topic(
                    s, committee_id=c.id, year_start=2019, title=f"Item {j}",
                    reason="A reason long enough to wrap over a line or two. " * 3,
                )  # fmt: skip
                planning.book(s, topic_id=t.id, meeting_id=m.id)


def _complete(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF") and len(
        PdfReader(path).pages
    ) > 0


def test_print_all_writes_every_committee_of_the_year(
    make, ecsc_id: int, print_db: Database, dialogs: FakeDialogs, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    _committees_with_programmes(print_db, 3)
    folder = Path(dialogs.folder)  # type: ignore[arg-type]
    folder.mkdir()
    window, _actions = make(ecsc_id)
    batch: BatchPrint = controller_of(window).print_all()
    with qtbot.waitSignal(batch.finished, timeout=60_000) as done:
        pass
    files, cancelled = done.args
    assert not cancelled
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        ["ECSC-work-programme-2019-20.pdf"] + [f"P{i}-work-programme-2019-20.pdf" for i in range(3)]
    )
    assert sorted(p.name for p in files) == names
    assert all(_complete(folder / n) for n in names)
    assert "Printed 4 programmes" in window.statusBar().currentMessage()


def test_cancelling_print_all_stops_and_leaves_only_complete_files(
    make, ecsc_id: int, print_db: Database, dialogs: FakeDialogs, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    _committees_with_programmes(print_db, 10)
    folder = Path(dialogs.folder)  # type: ignore[arg-type]
    folder.mkdir()
    window, _actions = make(ecsc_id)
    batch: BatchPrint = controller_of(window).print_all()
    assert batch.progress is not None and batch.progress.maximum() == 11
    # The user presses Cancel as soon as the first file is done.
    cancel_button = batch.progress.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    batch.worker.written.connect(lambda *_: cancel_button.click())
    with qtbot.waitSignal(batch.finished, timeout=60_000) as done:
        pass
    files, cancelled = done.args
    assert cancelled
    written = sorted(folder.iterdir())
    assert 1 <= len(written) < 11
    assert sorted(files) == written
    assert all(_complete(p) for p in written)
    assert not [p for p in written if p.suffix != ".pdf"]
    assert "Cancelled" in window.statusBar().currentMessage()

"""Printing from the desktop program: preview, print, save as PDF, print all committees.

The main window calls :func:`install_print_actions` with its File menu (and toolbar); the
actions read which committee and year are shown through :class:`PrintingWindow`. Documents are
built through the hub (``hub.query(build_programme, ...)``), so no widget opens a session, and
rendered by ``domain.printing.render`` to PDF bytes in memory: the preview shows those exact
pages, the printer gets them, and "Save as PDF" writes them.

Every file is written whole or not at all (a temporary file in the same folder, then renamed),
so an existing PDF is never left half-overwritten and a cancelled batch leaves only complete
files.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QProgressDialog,
    QToolBar,
    QWidget,
)

from domain.words import slug

from . import errors
from .actions import new_action, shortcut, standard_shortcut
from .print_output import PrintDialogs, PrintedPdf, save_as, send_to_printer, write_file

if TYPE_CHECKING:

    from domain.printing.document import DecisionsDoc, MeetingPapersDoc, ProgrammeDoc
    from domain.printing.review import ReviewDoc
    from domain.printing.session_pack import SessionPackDoc

    from .hub import Hub

    Document = ProgrammeDoc | DecisionsDoc | ReviewDoc | MeetingPapersDoc | SessionPackDoc

# What can be printed, in the order the preview offers it.
PROGRAMME = "programme"
PROGRAMME_WITH_ANNEX = "programme_annex"
DECISIONS = "decisions"
OPEN_DECISIONS = "open_decisions"
REVIEW = "review"
SESSION_PACK = "session_pack"
DOCUMENT_KINDS: tuple[tuple[str, str], ...] = (
    (PROGRAMME, "Work programme"),
    (PROGRAMME_WITH_ANNEX, "Work programme with the prioritisation tool"),
    (DECISIONS, "Tracking decisions"),
    (OPEN_DECISIONS, "Tracking decisions (open only)"),
    (SESSION_PACK, "Work-planning session pack (the short list)"),
)
# A review's document needs the review, so it is offered only from the Reviews page.
REVIEW_KINDS: tuple[tuple[str, str], ...] = ((REVIEW, "Recommendations and responses"),)
# A meeting's own papers, offered from a meeting (Meetings page, planner).
MEETING_AGENDA = "meeting_agenda"
MEETING_BRIEFING = "meeting_briefing"
MEETING_KINDS: tuple[tuple[str, str], ...] = (
    (MEETING_AGENDA, "Agenda items and report deadlines (for report authors)"),
    (MEETING_BRIEFING, "Chair\u2019s briefing: agenda items and the next three meetings"),
)


class PrintingWindow(Protocol):
    """What the printing actions need from the main window."""

    def current_committee_id(self) -> int | None: ...

    def current_year(self) -> int | None: ...


def current_selection(window: Any) -> tuple[int | None, int | None]:
    """The committee and year the window shows: through :class:`PrintingWindow`, or the
    ``committee_id`` / ``year_start`` attributes of a window that does not have the methods."""
    committee = getattr(window, "current_committee_id", None)
    year = getattr(window, "current_year", None)
    committee_id = committee() if callable(committee) else getattr(window, "committee_id", None)
    year_start = year() if callable(year) else getattr(window, "year_start", None)
    return committee_id, year_start


# --- documents --------------------------------------------------------------------------------


class PrintRequest(NamedTuple):
    kind: str
    committee_id: int
    year_start: int
    include_exempt: bool = False
    review_id: int | None = None  # for REVIEW
    meeting_id: int | None = None  # for MEETING_AGENDA and MEETING_BRIEFING
    load_chart: bool = False  # for PROGRAMME and PROGRAMME_WITH_ANNEX: the chart on page one


def build_document(hub: Hub, request: PrintRequest) -> Document:
    from domain.printing.build import (
        FORWARD_LOOK,
        build_decisions,
        build_meeting_papers,
        build_programme,
    )
    from domain.printing.review import build_review

    if request.kind == REVIEW:
        if request.review_id is None:
            raise ValueError("a review document needs review_id")
        return hub.query(build_review, review_id=request.review_id, include_exempt=request.include_exempt)

    if request.kind in (MEETING_AGENDA, MEETING_BRIEFING):
        if request.meeting_id is None:
            raise ValueError("a meeting's papers need meeting_id")
        return hub.query(
            build_meeting_papers,
            meeting_id=request.meeting_id,
            include_exempt=request.include_exempt,
            forward_look=FORWARD_LOOK if request.kind == MEETING_BRIEFING else 0,
        )
    if request.kind in (PROGRAMME, PROGRAMME_WITH_ANNEX):
        return hub.query(
            build_programme,
            committee_id=request.committee_id,
            year_start=request.year_start,
            include_exempt=request.include_exempt,
            annex=request.kind == PROGRAMME_WITH_ANNEX,
            load_chart=request.load_chart,
        )
    if request.kind == SESSION_PACK:
        from domain.printing.session_pack import build_session_pack

        return hub.query(
            build_session_pack,
            committee_id=request.committee_id,
            year_start=request.year_start,
            include_exempt=request.include_exempt,
        )
    if request.kind in (DECISIONS, OPEN_DECISIONS):
        return hub.query(
            build_decisions,
            committee_id=request.committee_id,
            open_only=request.kind == OPEN_DECISIONS,
            include_exempt=request.include_exempt,
        )
    raise ValueError(f"unknown document kind {request.kind!r}")


def render_document(doc: Document) -> bytes:
    from domain.printing.document import MeetingPapersDoc, ProgrammeDoc
    from domain.printing.render import render_decisions, render_meeting_papers, render_programme
    from domain.printing.review import ReviewDoc, render_review
    from domain.printing.session_pack import SessionPackDoc, render_session_pack

    buffer = io.BytesIO()
    if isinstance(doc, SessionPackDoc):
        render_session_pack(doc, buffer)
    elif isinstance(doc, ProgrammeDoc):
        render_programme(doc, buffer)
    elif isinstance(doc, MeetingPapersDoc):
        render_meeting_papers(doc, buffer)
    elif isinstance(doc, ReviewDoc):
        render_review(doc, buffer)
    else:
        render_decisions(doc, buffer)
    return buffer.getvalue()


def suggested_file_name(doc: Document, short_name: str = "") -> str:
    from domain.printing.document import MeetingPapersDoc, ProgrammeDoc
    from domain.printing.review import ReviewDoc
    from domain.printing.session_pack import SessionPackDoc

    who = slug(short_name or doc.committee_name)
    if isinstance(doc, ProgrammeDoc):
        what = f"work-programme-{doc.short_year.replace('/', '-')}"
    elif isinstance(doc, MeetingPapersDoc):
        day = doc.meeting.starts_at.date().isoformat()
        what = f"{day}-{'chairs-briefing' if doc.with_forward_look else 'agenda-items'}"
    elif isinstance(doc, ReviewDoc):
        what = f"{slug(doc.review_title)}-recommendations"
    elif isinstance(doc, SessionPackDoc):
        what = f"session-pack-{slug(doc.year_label)}"
    else:
        what = "tracking-decisions"
    secret = "-NOT-FOR-PUBLICATION" if doc.not_for_publication else ""
    return f"{who}-{what}{secret}.pdf"


def make_pdf(hub: Hub, request: PrintRequest) -> PrintedPdf:
    from domain.ops.committees import get_committee

    doc = build_document(hub, request)
    short = hub.query(get_committee, committee_id=request.committee_id).short_name
    return PrintedPdf(render_document(doc), doc.title, suggested_file_name(doc, short))


def open_meeting_papers(
    parent: QWidget,
    hub: Hub,
    *,
    committee_id: int,
    meeting_id: int,
    dialogs: PrintDialogs | None = None,
    kind: str = MEETING_AGENDA,
) -> QWidget | None:
    """The print preview of a meeting's own papers (``kind`` first), from which they are
    printed or saved as PDF; None, with the reason shown, when they cannot be made."""
    from .dialogs.print_preview import PrintPreviewDialog

    def produce(chosen: str, include_exempt: bool) -> PrintedPdf:
        # A meeting's papers do not depend on the year shown: the meeting says which it is.
        request = PrintRequest(chosen, committee_id, 0, include_exempt, meeting_id=meeting_id)
        return make_pdf(hub, request)

    dialog = PrintPreviewDialog(
        produce=produce, dialogs=dialogs or PrintDialogs(), kinds=MEETING_KINDS, parent=parent
    )
    dialog.setObjectName("MeetingPapersPreview")
    combo = dialog.kind_combo
    combo.blockSignals(True)  # one render, of the document asked for
    combo.setCurrentIndex(max(0, combo.findData(kind)))
    combo.blockSignals(False)
    if not dialog.reload():
        dialog.deleteLater()
        return None
    dialog.show()
    return dialog


# --- printing every committee -----------------------------------------------------------------


class _RenderThread(QThread):
    """Renders prepared documents to their files, one after another, until told to stop.

    Signals:
        written(int, str): the number of files done so far and the file just written.
        failed(str): a file could not be written; the message is for the user.
    """

    written = Signal(int, str)
    failed = Signal(str)

    def __init__(self, jobs: Sequence[tuple[Path, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = list(jobs)
        self.done: list[Path] = []

    def run(self) -> None:
        for path, doc in self._jobs:
            if self.isInterruptionRequested():
                return
            try:
                data = render_document(doc)
                # Checked again after the slow part: a cancelled batch writes nothing more.
                if self.isInterruptionRequested():
                    return
                write_file(data, path)
            except Exception as exc:  # noqa: BLE001 - reported to the user, batch stops
                self.failed.emit(f"Could not write {path.name}: {exc}")
                return
            self.done.append(path)
            self.written.emit(len(self.done), path.name)


class BatchPrint(QObject):
    """Prints every committee's programme for a year into a folder, with cancellable progress.

    The documents are built through the hub first (quick reads); rendering, the slow part,
    runs in a worker thread so the window keeps responding.

    Signals:
        finished(list, bool): the files written and whether the user cancelled.
    """

    finished = Signal(list, bool)

    def __init__(
        self,
        hub: Hub,
        *,
        year_start: int,
        folder: Path,
        include_exempt: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.year_start = year_start
        self.folder = folder
        self.include_exempt = include_exempt
        self.parent_widget = parent
        self.progress: QProgressDialog | None = None
        self.worker: _RenderThread | None = None
        self.cancelled = False
        self.error: str | None = None

    def jobs(self) -> list[tuple[Path, Any]]:
        from domain.printing.build import build_programmes

        built = self.hub.query(
            build_programmes, year_start=self.year_start, include_exempt=self.include_exempt
        )
        return [(self.folder / suggested_file_name(doc, c.short_name), doc) for c, doc in built]

    def start(self) -> None:
        jobs = self.jobs()
        self.progress = QProgressDialog(
            "Printing the work programmes…", "Cancel", 0, len(jobs), self.parent_widget
        )
        self.progress.setObjectName("printAllProgress")
        self.progress.setWindowTitle("Print all committees")
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_progress_canceled)
        self.worker = _RenderThread(jobs, self)
        self.worker.written.connect(self._on_thread_written)
        self.worker.failed.connect(self._on_thread_failed)
        self.worker.finished.connect(self._on_thread_finished)
        self.progress.show()
        self.worker.start()

    def cancel(self) -> None:
        self._on_progress_canceled()

    def _on_progress_canceled(self) -> None:
        self.cancelled = True
        if self.worker is not None:
            self.worker.requestInterruption()

    def _on_thread_written(self, done: int, name: str) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            self.progress.setLabelText(f"Printed {name}")

    def _on_thread_failed(self, message: str) -> None:
        self.error = message

    def _on_thread_finished(self) -> None:
        assert self.worker is not None
        done = list(self.worker.done)
        cancelled = self.cancelled
        if self.progress is not None:
            # Closing a QProgressDialog emits canceled(); the batch is over, so it must not count.
            self.progress.canceled.disconnect(self._on_progress_canceled)
            self.progress.close()
        self.finished.emit(done, cancelled)


# --- the actions ------------------------------------------------------------------------------


class PrintController(QObject):
    """The slots behind the printing actions of the main window."""

    def __init__(
        self, window: QWidget, hub: Hub | None, dialogs: PrintDialogs | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self._hub = hub
        self.dialogs = dialogs or PrintDialogs(getattr(window, "window_state", None))
        self.preview: QWidget | None = None
        self.batch: BatchPrint | None = None

    @property
    def hub(self) -> Hub | None:
        # The window may make its hub after the actions are installed (after the first paint).
        return self._hub if self._hub is not None else getattr(self.window, "hub", None)

    def ready(self) -> bool:
        committee_id, year_start = current_selection(self.window)
        return self.hub is not None and committee_id is not None and year_start is not None

    def _request(self, kind: str = PROGRAMME, include_exempt: bool = False) -> PrintRequest | None:
        committee_id, year_start = current_selection(self.window)
        if self.hub is None or committee_id is None or year_start is None:
            self.dialogs.message(self.window, "Print", "Choose a committee and a year first.")
            return None
        return PrintRequest(kind, committee_id, year_start, include_exempt)

    def _pdf(self, request: PrintRequest) -> PrintedPdf | None:
        assert self.hub is not None
        try:
            return make_pdf(self.hub, request)
        except Exception as exc:  # noqa: BLE001 - every failure is shown, nothing is written
            errors.report(exc, self.window, "Print")
            return None

    def open_preview(self, kind: str = PROGRAMME) -> QWidget | None:
        # Imported when first opened: QtPdfWidgets is not needed for the first paint.
        from .dialogs.print_preview import PrintPreviewDialog

        request = self._request()
        if request is None:
            return None
        hub = self.hub
        assert hub is not None

        def produce(kind: str, include_exempt: bool, load_chart: bool = False) -> PrintedPdf:
            return make_pdf(
                hub, PrintRequest(kind, request.committee_id, request.year_start, include_exempt, load_chart=load_chart)
            )

        dialog = PrintPreviewDialog(
            produce=produce, dialogs=self.dialogs, kinds=DOCUMENT_KINDS, parent=self.window,
            chart_kinds=(PROGRAMME, PROGRAMME_WITH_ANNEX),
        )  # fmt: skip
        if kind != PROGRAMME:
            combo = dialog.kind_combo
            combo.blockSignals(True)  # one render, of the document asked for
            combo.setCurrentIndex(max(0, combo.findData(kind)))
            combo.blockSignals(False)
            dialog.enable_chart()
        if not dialog.reload():
            dialog.deleteLater()
            return None
        self.preview = dialog
        dialog.show()
        return dialog

    def open_session_pack(self) -> QWidget | None:
        """The print preview with the work-planning session pack chosen."""
        return self.open_preview(SESSION_PACK)

    def open_meeting_papers(self, meeting_id: int, kind: str = MEETING_AGENDA) -> QWidget | None:
        """Preview a meeting's own papers (agenda items, or the chair's briefing)."""
        committee_id, _year = current_selection(self.window)
        if self.hub is None or committee_id is None:
            self.dialogs.message(self.window, "Print meeting papers", "Choose a meeting first.")
            return None
        self.preview = open_meeting_papers(
            self.window, self.hub, committee_id=committee_id, meeting_id=meeting_id,
            dialogs=self.dialogs, kind=kind,
        )  # fmt: skip
        return self.preview

    def print_programme(self) -> bool:
        request = self._request()
        pdf = self._pdf(request) if request else None
        return pdf is not None and send_to_printer(pdf, self.dialogs, self.window)

    def save_programme(self) -> str | None:
        request = self._request()
        pdf = self._pdf(request) if request else None
        return save_as(pdf, self.dialogs, self.window) if pdf else None

    def print_all(self) -> BatchPrint | None:
        _committee, year_start = current_selection(self.window)
        if self.hub is None or year_start is None:
            self.dialogs.message(self.window, "Print all committees", "Choose a year first.")
            return None
        folder = self.dialogs.choose_folder(self.window)
        if not folder:
            return None
        batch = BatchPrint(self.hub, year_start=year_start, folder=Path(folder), parent=self.window)
        batch.finished.connect(self._on_batch_finished)
        self.batch = batch
        try:
            batch.start()
        except Exception as exc:  # noqa: BLE001
            errors.report(exc, self.window, "Print all committees")
            return None
        return batch

    def _on_batch_finished(self, files: list[Path], cancelled: bool) -> None:
        batch = self.batch
        if batch is not None and batch.error:
            self.dialogs.message(self.window, "Print all committees", batch.error)
            return
        from domain.words import counted

        where = batch.folder if batch is not None else ""
        text = f"Printed {counted(len(files), 'programme')} into {where}."
        if cancelled:
            text = f"Cancelled: {text} Each file written is complete."
        status = getattr(self.window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 10000)


def install_print_actions(
    window: QWidget,
    hub: Hub | None,
    menu: QMenu,
    toolbar: QToolBar | None = None,
    *,
    dialogs: PrintDialogs | None = None,
) -> list[QAction]:
    """Add Print preview…, Print…, Save as PDF… and Print all committees… to ``menu`` (and
    the first two to ``toolbar``); returns the actions. ``window`` provides the committee and
    year shown (:class:`PrintingWindow`, or ``committee_id`` / ``year_start`` attributes)."""
    controller = PrintController(window, hub, dialogs)  # owned by the window

    def action(text: str, slot: Callable[[], Any], name: str, tip: str) -> QAction:
        return new_action(window, text, slot, name, tip)

    preview = action(
        "Print pre&view…", lambda: controller.open_preview(), "printPreview",
        "See the printed work programme page by page before printing it",
    )  # fmt: skip
    shortcut(preview, "Ctrl+Shift+P")
    print_ = action(
        "&Print…", controller.print_programme, "printProgramme",
        "Print the work programme of the committee and year shown",
    )  # fmt: skip
    standard_shortcut(print_, QKeySequence.StandardKey.Print, "Ctrl+P")
    save = action(
        "Save as P&DF…", controller.save_programme, "savePdf",
        "Save the work programme as a PDF file, e.g. for the agenda pack",
    )  # fmt: skip
    batch = action(
        "Print &all committees…", controller.print_all, "printAll",
        "Save every committee's work programme for this year as PDF files in one folder",
    )  # fmt: skip
    actions = [preview, print_, save, batch]
    for a in actions:
        menu.addAction(a)
    if toolbar is not None:
        toolbar.addAction(preview)
        toolbar.addAction(print_)

    def update() -> None:
        ready = controller.ready()
        for a in (preview, print_, save):
            a.setEnabled(ready)
        batch.setEnabled(controller.hub is not None and current_selection(window)[1] is not None)

    def enable_all() -> None:
        # Shortcuts work while the menu is closed: leave them live, each action checks again
        # when triggered and says what is missing.
        for a in actions:
            a.setEnabled(True)

    menu.aboutToShow.connect(update)
    menu.aboutToHide.connect(enable_all)
    return actions


def controller_of(window: QWidget) -> PrintController | None:
    """The controller :func:`install_print_actions` gave ``window``."""
    return window.findChild(PrintController)


__all__ = [
    "BatchPrint",
    "PrintController",
    "PrintDialogs",
    "PrintRequest",
    "PrintingWindow",
    "controller_of",
    "install_print_actions",
    "make_pdf",
    "open_meeting_papers",
]

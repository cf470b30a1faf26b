"""Where a printed document goes: the printer, or a PDF file written whole.

Shared by the printing actions (:mod:`gui.printing`) and the print preview
(:mod:`gui.dialogs.print_preview`), which both hand a rendered :class:`PrintedPdf` to
:func:`send_to_printer` or :func:`save_as`; the dialogs those open are one seam,
:class:`PrintDialogs`, so tests can replace any of them. Loaded with the print menu's actions
before the window's first paint, it imports Qt's painting and file dialog classes where used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QMessageBox, QWidget

from . import errors

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from .settings import WindowState

EXEMPT_LABEL = "Include exempt items (NOT FOR PUBLICATION)"
EXEMPT_WARNING = (
    "The document will show exempt (Part II) items in full: titles, reasons, officers and "
    "resolutions that must not be published. Every page will be marked NOT FOR PUBLICATION.\n\n"
    "Include exempt items?"
)
# Pages go to the printer as images; more than this adds time and memory, not sharpness.
MAX_PRINT_DPI = 300


class PrintedPdf(NamedTuple):
    """A rendered document: its bytes, its title and a file name to offer."""

    data: bytes
    title: str
    file_name: str


def write_file(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    from domain.files import write_atomically

    write_atomically(path, data)


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Send every page of a PDF to ``printer``; returns the number of pages printed.

    Each page is rendered by QtPdf at the printer's resolution (at most ``MAX_PRINT_DPI``) and
    drawn to fill the printable area with its proportions kept.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPageLayout, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    if pdf.status() != QPdfDocument.Status.Ready or pdf.pageCount() == 0:
        raise OSError("The document could not be read back for printing.")
    first = pdf.pagePointSize(0)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started; check that it is ready and try again.")
    count = pdf.pageCount()
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        for i in range(count):
            if i:
                printer.newPage()
            points = pdf.pagePointSize(i)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = pdf.render(i, size)
            scale = min(area.width() / size.width(), area.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            painter.drawImage(QRectF(0, 0, w, h), image)
    finally:
        painter.end()
        pdf.close()
    return count


# --- what tests replace -----------------------------------------------------------------------


class PrintDialogs:
    """The dialogs printing opens: one seam, so tests can replace any of them."""

    def __init__(self, state: WindowState | None = None) -> None:
        # Where the last file was saved is window state; without it, Documents is offered.
        self.state = state

    def save_file_name(self, parent: QWidget | None, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        from .save_folder import remember_folder, start_folder

        start = str(start_folder(self.state) / suggested)
        name, _ = QFileDialog.getSaveFileName(parent, "Save as PDF", start, "PDF files (*.pdf)")
        if not name:
            return None
        if self.state is not None:
            remember_folder(self.state, Path(name))
        return name if name.lower().endswith(".pdf") else name + ".pdf"

    def choose_folder(self, parent: QWidget | None) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            parent, "Print all committees into folder", str(Path.home())
        )
        return name or None

    def confirm_exempt(self, parent: QWidget | None) -> bool:
        answer = QMessageBox.warning(
            parent,
            "Include exempt items",
            EXEMPT_WARNING,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def print_dialog(self, parent: QWidget | None, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print")
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def make_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def message(self, parent: QWidget | None, title: str, text: str) -> None:
        errors.show_message(parent, title, text)


def send_to_printer(pdf: PrintedPdf, dialogs: PrintDialogs, parent: QWidget | None) -> bool:
    """Ask which printer, then print; False when the user cancels or printing fails."""
    printer = dialogs.make_printer()
    printer.setDocName(pdf.title)
    if not dialogs.print_dialog(parent, printer):
        return False
    try:
        print_pdf(pdf.data, printer)
    except Exception as exc:  # noqa: BLE001
        errors.report(exc, parent, "Print")
        return False
    return True


def save_as(pdf: PrintedPdf, dialogs: PrintDialogs, parent: QWidget | None) -> str | None:
    """Ask where, then write the PDF whole; the path written, or None."""
    name = dialogs.save_file_name(parent, pdf.file_name)
    if not name:
        return None
    try:
        write_file(pdf.data, name)
    except OSError as exc:
        dialogs.message(
            parent,
            "Save as PDF",
            f"Could not save {name}: {exc.strerror or exc}. Choose another folder or name; "
            "any existing file there was not changed.",
        )
        return None
    return name

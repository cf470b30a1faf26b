"""Print preview: the actual PDF pages, with Print… and Save as PDF….

The pages shown are the bytes that will be printed or saved (rendered once by
``domain.printing.render``), displayed with QtPdf. Including exempt (Part II) items is off by
default and needs confirming each time it is switched on; the document is then marked NOT FOR
PUBLICATION on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.words import counted

from .. import errors
from ..print_output import EXEMPT_LABEL, PrintDialogs, PrintedPdf, save_as, send_to_printer


class PrintPreviewDialog(QDialog):
    """Shows a document page by page; ``produce(kind, include_exempt)`` builds and renders it
    (with ``load_chart=True`` when the load chart is asked for)."""

    def __init__(
        self,
        *,
        produce: Callable[..., PrintedPdf],
        dialogs: PrintDialogs,
        parent: QWidget | None = None,
        kinds: Sequence[tuple[str, str]],
        chart_kinds: Sequence[str] = (),
    ) -> None:
        """``kinds`` are the documents the Document box offers (code, label), e.g.
        ``gui.printing.DOCUMENT_KINDS``; ``chart_kinds`` those that can carry the load chart
        on their first page (the checkbox is offered for them)."""
        super().__init__(parent)
        self.setObjectName("PrintPreviewDialog")
        self.setWindowTitle("Print preview")
        self.setAccessibleName("Print preview")
        self.produce = produce
        self.dialogs = dialogs
        self.pdf: PrintedPdf | None = None
        self._buffer: QBuffer | None = None

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("documentKind")
        for kind, label in kinds:
            self.kind_combo.addItem(label, kind)
        kind_label = QLabel("&Document:", self)
        kind_label.setBuddy(self.kind_combo)
        self.exempt_check = QCheckBox(EXEMPT_LABEL, self)
        self.exempt_check.setObjectName("includeExempt")
        self.exempt_check.setToolTip(
            "Off for anything that will be published. When on, every page is marked "
            "NOT FOR PUBLICATION."
        )
        self.chart_kinds = tuple(chart_kinds)
        self.chart_check = QCheckBox("Load c&hart on the first page", self)
        self.chart_check.setObjectName("loadChart")
        self.chart_check.setToolTip(
            "Each meeting's items against its capacity, as on the Year page (counts and dates only)"
        )
        self.chart_check.setVisible(bool(self.chart_kinds))
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pageCount")

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName("Printed pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton("&Save as PDF…", self)
        self.save_button.setObjectName("saveButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_document)

        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind_combo)
        top.addSpacing(16)
        top.addWidget(self.exempt_check)
        top.addSpacing(16)
        top.addWidget(self.chart_check)
        top.addStretch(1)
        top.addWidget(self.pages_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1040, 760)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.exempt_check.toggled.connect(self._on_exempt_check_toggled)
        self.chart_check.toggled.connect(lambda _on: self.reload())
        self.enable_chart()

    # --- state ----------------------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def include_exempt(self) -> bool:
        return self.exempt_check.isChecked()

    def load_chart(self) -> bool:
        """The load chart is asked for, and the chosen document can carry it."""
        return self.chart_check.isChecked() and self.kind() in self.chart_kinds

    def enable_chart(self) -> None:
        self.chart_check.setEnabled(self.kind() in self.chart_kinds)

    def page_count(self) -> int:
        return self.document.pageCount()

    def reload(self) -> bool:
        """Build and render the chosen document and show it; False (and a message) on failure,
        with the previous pages left as they were."""
        try:
            extra = {"load_chart": True} if self.load_chart() else {}
            pdf = self.produce(self.kind(), self.include_exempt(), **extra)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            errors.report(exc, self, "Print preview")
            return False
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it for as long as it shows the pages
        self.pdf = pdf
        count = self.document.pageCount()
        self.pages_label.setText(counted(count, "page"))
        self.setWindowTitle(f"Print preview \u2013 {pdf.title}")
        return True

    # --- slots ----------------------------------------------------------------------------------

    def _on_kind_combo_changed(self, _index: int) -> None:
        self.enable_chart()
        self.reload()

    def _on_exempt_check_toggled(self, checked: bool) -> None:
        if checked and not self.dialogs.confirm_exempt(self):
            self.exempt_check.blockSignals(True)
            self.exempt_check.setChecked(False)
            self.exempt_check.blockSignals(False)
            return
        self.reload()

    def print_document(self) -> bool:
        return self.pdf is not None and send_to_printer(self.pdf, self.dialogs, self)

    def save_document(self) -> str | None:
        return save_as(self.pdf, self.dialogs, self) if self.pdf is not None else None

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Escape closes; Enter must not, because no button here is "OK".
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

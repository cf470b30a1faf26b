"""What a user would see cut off in a window or dialog: a widget wider than the screen, a label,
button, combo box or field whose text does not fit, a table whose columns run off its right edge,
or a part that must be seen hidden below a scroll.

Each check returns findings in words ("Reviews: combo box 'reviewStatus' shows 'Proposec' ...")
so a failing test says what to look at.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

ELLIPSIS = "…"


def _name(w: QWidget) -> str:
    kind = type(w).__name__
    label = w.objectName() or w.accessibleName()
    text = ""
    if isinstance(w, (QLabel, QAbstractButton)):
        text = w.text()
    elif isinstance(w, QLineEdit):
        text = w.text() or w.placeholderText()
    elif isinstance(w, QComboBox):
        text = w.currentText()
    text = " ".join(text.replace("&", "").split())
    return f"{kind} {label!r} {text[:50]!r}".strip()


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _descendants(root: QWidget) -> Iterable[QWidget]:
    for w in root.findChildren(QWidget):
        if _shown(w, root) and not _inside_item_view(w, root):
            yield w


def _inside_item_view(w: QWidget, root: QWidget) -> bool:
    """Editors and scroll bars inside a table are the table's business, not the layout's."""
    parent = w.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def too_big(root: QWidget, width: int, height: int) -> list[str]:
    """The window or dialog needs more room than the screen has."""
    found = []
    hint = root.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        found.append(f"needs at least {hint.width()}×{hint.height()} pixels, the screen has {width}×{height}")
    if root.width() > width or root.height() > height:
        found.append(f"is {root.width()}×{root.height()} pixels, the screen has {width}×{height}")
    return found


def _label_cut(label: QLabel) -> bool:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return False
    if text.endswith(ELLIPSIS) and label.toolTip():
        return False  # elided on purpose, the whole text in its tooltip
    room = label.contentsRect()
    margin = label.margin() * 2 + label.indent() if label.indent() > 0 else label.margin() * 2
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText and "<br" in text:
        need = label.heightForWidth(label.width())
        return need > label.height() + 1
    hint = label.minimumSizeHint()
    return hint.width() > room.width() + margin + 1 or hint.height() > label.height() + 1


def _button_cut(button: QAbstractButton) -> bool:
    if not button.text():
        return False
    return button.sizeHint().width() > button.width() + 1


def _combo_cut(combo: QComboBox) -> str | None:
    """The longest choice does not fit the combo box's text area."""
    if combo.count() == 0 or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = combo.fontMetrics()
    icon = combo.iconSize().width() + 4 if any(not combo.itemIcon(i).isNull() for i in range(combo.count())) else 0
    for i in range(combo.count()):
        text = combo.itemText(i)
        if metrics.horizontalAdvance(text) + icon > field.width():
            return text
    return None


def _line_edit_cut(edit: QLineEdit) -> bool:
    text = edit.text() or edit.placeholderText()
    if not text or edit.echoMode() != QLineEdit.EchoMode.Normal:
        return False
    margins = edit.textMargins()
    # QLineEdit keeps a 2-pixel horizontal margin inside its frame (qlineedit_p.h).
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit) if edit.hasFrame() else 0
    room = edit.contentsRect().width() - margins.left() - margins.right() - 2 * 2 - 2 * frame
    return edit.fontMetrics().horizontalAdvance(text) > room


def _view_cut(view: QAbstractScrollArea) -> list[str]:
    found = []
    if isinstance(view, QTableView):
        header: QHeaderView | None = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        header = view.header()
    else:
        return found
    if header is None or header.isHidden() or header.count() == 0:
        return found
    room = view.viewport().width()
    if header.length() > room + 1:
        hidden = [
            str(view.model().headerData(i, Qt.Orientation.Horizontal))
            for i in range(header.count())
            if not header.isSectionHidden(i) and header.sectionViewportPosition(i) + header.sectionSize(i) > room + 1
        ]
        found.append(f"columns run past the right edge ({header.length()} of {room} pixels): {', '.join(hidden)}")
    metrics = header.fontMetrics()
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        title = str(view.model().headerData(i, Qt.Orientation.Horizontal) or "")
        # text plus the style's margins and room for a sort indicator
        need = metrics.horizontalAdvance(title) + 2 * header.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin, None, header
        )
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == i:
            need += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        if title and header.sectionSize(i) < need:
            found.append(f"column heading {title!r} is cut ({header.sectionSize(i)} of {need} pixels)")
    return found


def clipped(root: QWidget) -> list[str]:
    """Every label, button, combo box, field and table heading in ``root`` whose text is cut."""
    found = []
    for w in _descendants(root):
        if isinstance(w, QLabel) and _label_cut(w):
            found.append(f"{_name(w)} is cut: {w.width()}×{w.height()} pixels, needs {w.minimumSizeHint().width()}")
        elif isinstance(w, QAbstractButton) and _button_cut(w):
            found.append(f"{_name(w)} is cut: {w.width()} pixels wide, needs {w.sizeHint().width()}")
        elif isinstance(w, QComboBox) and (text := _combo_cut(w)) is not None:
            found.append(f"{_name(w)} cannot show its choice {text!r} in {w.width()} pixels")
        elif isinstance(w, QLineEdit) and _line_edit_cut(w):
            found.append(f"{_name(w)} shows its text cut in {w.width()} pixels")
        elif isinstance(w, QAbstractScrollArea):
            found += [f"{_name(w)}: {f}" for f in _view_cut(w)]
    return found


def hidden_part(root: QWidget, part: QWidget) -> str | None:
    """``part`` is not wholly in view inside ``root`` (scrolled away or cut by its parent)."""
    if not part.isVisibleTo(root):
        return f"{_name(part)} is not shown"
    visible = part.visibleRegion().boundingRect()
    if visible != QRect(0, 0, part.width(), part.height()):
        return f"{_name(part)} is only partly in view ({visible.width()}×{visible.height()} of {part.width()}×{part.height()})"
    return None

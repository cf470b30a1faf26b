"""The committee details dialog chooses the layout the programme prints in; undo puts it back."""

from __future__ import annotations

from gui.mainwindow import MainWindow


def test_printed_layout_is_saved_and_undone(window: MainWindow) -> None:
    from gui.dialogs.committee_dialog import CommitteeDialog

    assert window.committee.programme_layout == "scored"
    window.edit_committee_action.trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, CommitteeDialog)
    combo = dialog.layout_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["scored", "purpose"]
    assert combo.currentData() == "scored"
    assert "Prioritisation Score" in combo.currentText()
    combo.setCurrentIndex(combo.findData("purpose"))
    assert "Purpose of the agenda item" in combo.currentText()
    assert dialog.changed_values() == {"programme_layout": "purpose"}
    dialog.accept()
    assert window.committee.programme_layout == "purpose"
    window.undo_action.trigger()
    assert window.committee.programme_layout == "scored"

"""Where a Save dialog opens: the folder the user last saved an export or a PDF to, else their
Documents folder; never the folder the program happens to run in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

if TYPE_CHECKING:
    from .settings import WindowState

EXPORT_FOLDER = "export_folder"


def start_folder(state: WindowState | None, key: str = EXPORT_FOLDER) -> Path:
    """The folder last saved to (if it still exists), else Documents, else the home folder."""
    last = state.text(key) if state is not None else None
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(state: WindowState, saved: Path, key: str = EXPORT_FOLDER) -> None:
    """The next Save dialog opens where ``saved`` was written."""
    state.set_text(key, str(saved.resolve().parent))

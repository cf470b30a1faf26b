"""Writing an exported file: whole or not at all, with a message in the user's words."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import OpError
from ..files import write_atomically


class ExportError(OpError):
    """The file cannot be written; the message says why and what to do."""


def write_export(path: Path, data: bytes, *, what: str) -> None:
    """Write ``data`` to ``path``; ``what`` names the kind of file for messages ("CSV file").

    An existing file is only ever replaced by a complete one.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path} is a folder. Give the name of the {what} to write.")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise ExportError(
            f"Cannot write {path}: permission denied. Choose a folder you can write to."
        )
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ExportError(
            f"Cannot write {path}: {exc.strerror or exc}. The file was not changed; close it "
            "if a spreadsheet has it open, or choose another name."
        ) from None

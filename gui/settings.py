"""Window state and user preferences, kept apart (Picard's pattern).

*Window state* (geometry, toolbar and dock layout, splitter and header states, the last
committee and year) is whatever the user left; it is saved on close and restored on the next
start. *Preferences* are choices the user makes on purpose; each is declared once here with its
default, and the group carries a version with an upgrade step.

Both live in one ``QSettings`` whose location is injectable, so tests use a temporary INI file
(``QSettings(path, QSettings.Format.IniFormat)``) and never touch the user's real settings.
"""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from domain.identity import default_user

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

WINDOW_GROUP = "window"
PREFERENCES_GROUP = "preferences"
PREFERENCES_VERSION = 1


def open_settings(path: str | Path | None = None) -> QSettings:
    """The program's settings: an INI file at ``path``, else the platform's usual place."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Scrutineer", "Scrutineer")


class WindowState:
    """What the window looked like when it was closed."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def _key(self, name: str) -> str:
        return f"{WINDOW_GROUP}/{name}"

    def bytes(self, name: str) -> QByteArray | None:
        value = self._settings.value(self._key(name))
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def set_bytes(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(self._key(name), value)

    def int(self, name: str) -> int | None:
        value = self._settings.value(self._key(name))
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None  # a hand-edited or damaged file: fall back to the default

    def set_int(self, name: str, value: builtins.int | None) -> None:
        if value is None:
            self._settings.remove(self._key(name))
        else:
            self._settings.setValue(self._key(name), value)

    def text(self, name: str) -> str | None:
        value = self._settings.value(self._key(name))
        return value if isinstance(value, str) and value else None

    def set_text(self, name: str, value: str) -> None:
        self._settings.setValue(self._key(name), value)

    def sync(self) -> None:
        self._settings.sync()

    def restore_window(self, window: QMainWindow) -> None:
        """The window's size, place, toolbars and docks as they were when it was closed."""
        geometry = self.bytes("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        layout = self.bytes("state")
        if layout is not None:
            window.restoreState(layout)

    def save_window(self, window: QMainWindow) -> None:
        self.set_bytes("geometry", window.saveGeometry())
        self.set_bytes("state", window.saveState())


class Option(NamedTuple):
    name: str
    default: Any
    kind: type
    label: str


# Every preference, declared once with its default.
OPTIONS: tuple[Option, ...] = (
    Option("scorer_name", "", str, "Your name, recorded with the scores you give"),
    Option("confirm_cancel_meeting", True, bool, "Ask before cancelling a meeting"),
    Option("history_name", default_user(), str, "Your name in the history"),
)


class Preferences:
    """The user's preferences, read and written by name; unknown names are an error."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._options = {o.name: o for o in OPTIONS}
        self.upgrade()

    def upgrade(self) -> None:
        """Bring preferences written by an older version up to this one."""
        key = f"{PREFERENCES_GROUP}/version"
        try:
            version = int(self._settings.value(key) or 0)
        except (TypeError, ValueError):
            version = 0
        if version < PREFERENCES_VERSION:
            # Version 1 is the first; later versions rename or convert options here.
            self._settings.setValue(key, PREFERENCES_VERSION)

    def get(self, name: str) -> Any:
        option = self._options[name]
        value = self._settings.value(f"{PREFERENCES_GROUP}/{name}", option.default)
        if option.kind is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        try:
            return option.kind(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, name: str, value: Any) -> None:
        option = self._options[name]
        self._settings.setValue(f"{PREFERENCES_GROUP}/{name}", option.kind(value))

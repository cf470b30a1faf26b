"""Where the program keeps its files, and where its bundled resources are."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Scrutineer"
APP_AUTHOR = "Scrutineer"


def user_data_dir() -> Path:
    import platformdirs  # deferred: only needed when the default database is used

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_path() -> Path:
    """The program's log file, where errors are recorded with their details."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)) / "scrutineer.log"


SETTINGS_FILE = "scrutineer.ini"


def program_folder() -> Path:
    """The folder the program is installed in: the built program's own folder, or the
    project's folder when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def installation_settings_path() -> Path:
    """``scrutineer.ini`` next to the program: settings an IT team deploys for every user."""
    return program_folder() / SETTINGS_FILE


def default_database_path() -> Path:
    return user_data_dir() / "scrutineer.sqlite"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, also when running from a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)

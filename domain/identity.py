"""Who is using the program, for the audit history: $SCRUTINY_USER, else the login name.

Kept free of heavy imports: the desktop program reads it for its preferences before the
window's first paint.
"""

from __future__ import annotations

import getpass
import os

USER_ENV_VAR = "SCRUTINY_USER"


def default_user() -> str:
    """$SCRUTINY_USER, else the login name."""
    name = os.environ.get(USER_ENV_VAR, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name at all (some containers): still record the change
        return "unknown"

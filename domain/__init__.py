"""Scrutineer's domain: the council's rules and data, with no user interface."""

from __future__ import annotations


def version() -> str:
    """The installed program's version, as pyproject.toml gives it ("unknown" if not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("scrutineer")
    except PackageNotFoundError:
        return "unknown"

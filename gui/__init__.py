"""The desktop window (PySide6)."""

from __future__ import annotations

import sys


def spare_references_to_none() -> None:
    """Give ``None`` spare references so a long session cannot run them out.

    PySide6 6.12.0 on Python 3.11 returns ``None`` from every void method (``setText``,
    ``hide``…) without taking a new reference to it: one fewer each call. A window starts with
    about 58,000, so an advisor's day of editing would bring the count to 0 and the interpreter
    aborts ("none_dealloc"). ``None`` is immortal from Python 3.12 (PEP 683), where this does
    nothing. The count is the first field of every CPython object. Called by whatever starts a
    Qt application (gui.application.run_gui just after the first paint, as ctypes costs a few
    milliseconds to load; the screenshots script; the tests)."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        import ctypes

        count = ctypes.c_ssize_t.from_address(id(None))
        if count.value < 1 << 40:
            count.value += 1 << 40


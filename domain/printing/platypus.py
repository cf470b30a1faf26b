"""ReportLab's platypus, as the renderer uses it, imported without one needless cost.

Importing ``reportlab.platypus.paragraph`` compiles a case-insensitive pattern for web
addresses whose character ranges run to U+FFFF; Python's regular expression compiler folds the
case of every character in those ranges, which takes about 28 ms, a twentieth of a print
command. ReportLab uses the pattern only to split an over-long web address across lines. While
that module is imported, this one hands it a pattern compiled at its first use instead (every
other pattern compiles as ever), so a document that never splits an address never pays for it.
Whatever ReportLab's version, the result is the same: when the pattern is not the one expected,
it compiles at once as it always did.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

# How the pattern starts (reportlab/platypus/paragraph.py, ``uri_pat``).
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _PatternAtFirstUse:
    """A compiled pattern, compiled when first used."""

    def __init__(self, compile: Any, pattern: str, flags: int) -> None:
        self._compile = compile
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def _pattern(self) -> re.Pattern[str]:
        with self._lock:
            if self._compiled is None:
                self._compiled = self._compile(*self._args)
            return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)


def _import_paragraph() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile = re.compile

    def compile_uri_pattern_at_first_use(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
            return _PatternAtFirstUse(compile, pattern, flags)
        return compile(pattern, flags)

    re.compile = compile_uri_pattern_at_first_use
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile


_import_paragraph()

from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError  # noqa: E402
from reportlab.platypus.paragraph import split, strip  # noqa: E402

__all__ = [
    "BaseDocTemplate",
    "Flowable",
    "Frame",
    "LayoutError",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "Spacer",
    "Table",
    "TableStyle",
    "split",
    "strip",
]

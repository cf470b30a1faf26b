"""Render printed documents to PDF and page 1 of each to PNG, to look at the layout.

Usage: python packaging/render_docs.py OUTPUT_DIR

Renders the sample documents (seed 001's programme, tracking decisions, a scoring sheet and
the blank prioritisation tool) into OUTPUT_DIR as NAME.pdf and NAME-1.png. The PNG needs
``pdftoppm`` (Debian package poppler-utils); without it only the PDFs are written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: make the project importable.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.printing.document import DecisionsDoc, PaperAnnex, ProgrammeDoc, ScoringSheet
from domain.printing.render import (
    render_annex,
    render_decisions,
    render_programme,
    render_scoring_sheet,
)

Document = ProgrammeDoc | DecisionsDoc | ScoringSheet | PaperAnnex

_RENDERERS: Mapping[type, Callable[..., None]] = {
    ProgrammeDoc: render_programme,
    DecisionsDoc: render_decisions,
    ScoringSheet: render_scoring_sheet,
    PaperAnnex: render_annex,
}


def render_pdf(doc: Document, path: Path, **kwargs: Any) -> Path:
    _RENDERERS[type(doc)](doc, path, **kwargs)
    return path


def first_page_png(pdf: Path, *, resolution: int = 60) -> Path | None:
    """Page 1 of ``pdf`` as ``<stem>-1.png`` beside it, or None when pdftoppm is missing."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    prefix = pdf.with_suffix("")
    subprocess.run(
        [exe, "-r", str(resolution), "-png", "-f", "1", "-l", "1", "-singlefile",
         str(pdf), f"{prefix}-1"],
        check=True,
    )  # fmt: skip
    return Path(f"{prefix}-1.png")


def render_documents(
    docs: Mapping[str, Document], out_dir: Path, *, resolution: int = 60
) -> list[Path]:
    """Render each named document to ``out_dir/NAME.pdf`` and its first page to PNG."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, doc in docs.items():
        pdf = render_pdf(doc, out_dir / f"{name}.pdf")
        written.append(pdf)
        png = first_page_png(pdf, resolution=resolution)
        if png is not None:
            written.append(png)
    return written


def sample_documents() -> dict[str, Document]:
    from domain.printing import samples

    return {
        "programme": samples.sample_programme(),
        "programme-draft": samples.sample_programme(draft=True, annex=False),
        "decisions": samples.sample_decisions(),
        "scoring-sheet": samples.sample_scoring_sheet(),
        "annex": PaperAnnex(),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in render_documents(sample_documents(), Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

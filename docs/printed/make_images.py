"""Page 1 of each printed document, built from the demo data, as PNG for the README.

Usage: python docs/printed/make_images.py   (needs pdftoppm, Debian package poppler-utils)

Writes programme.png (ECSC 2019 - 20), decisions.png (tracking decisions), annex.png (the
blank prioritisation tool), scoring-sheet.png (a topic scored with the tool) and
meeting-papers.png (the chair's briefing for 11 September 2019) beside this file, from a
throwaway database loaded with the demo.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from domain.db import open_database  # noqa: E402
from domain.demo import load_demo  # noqa: E402
from domain.ops import assessments, planning, topics  # noqa: E402
from domain.ops.convert import committee_by_name  # noqa: E402
from domain.printing.build import (  # noqa: E402
    FORWARD_LOOK,
    build_decisions,
    build_meeting_papers,
    build_programme,
    build_scoring_sheets,
)
from domain.printing.render import (  # noqa: E402
    render_annex,
    render_decisions,
    render_meeting_papers,
    render_programme,
    render_scoring_sheet,
)

# Answers a chair might give for a topic of seed 001's programme (the seed prints only totals).
EARLY_HELP_ANSWERS = [
    (True, "Raised by schools and health partners at the Early Help board"),
    (True, "The offer is being recommissioned; the committee can shape it"),
    (True, "Referrals to CAMHS wait longer than the national average"),
    (True, "Families in every ward use the service"),
    (False, "Also reviewed by the Health and Wellbeing Board"),
    (True, "A Cabinet decision on the new contract is planned"),
]


def page_one(pdf: Path, png: Path) -> None:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SystemExit("pdftoppm is missing: install poppler-utils")
    subprocess.run(
        [exe, "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png.with_suffix(""))],
        check=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = open_database(f"sqlite:///{work / 'demo.sqlite'}")
        try:
            with db.transaction() as s:
                load_demo(s)
                ecsc = committee_by_name(s, "ECSC")
                early_help = next(
                    t for t in topics.list_topics(s, committee_id=ecsc.id, year_start=2019)
                    if t.title == "Early Help Offer and plans for development"
                )  # fmt: skip
                assessments.record_assessment(
                    s, topic_id=early_help.id, scorer="Councillor Mrs Johnson",
                    answers=EARLY_HELP_ANSWERS, scored_on=dt.date(2019, 7, 10), agreed=True,
                )  # fmt: skip
                programme = build_programme(s, committee_id=ecsc.id, year_start=2019, annex=True)
                charted = build_programme(
                    s, committee_id=ecsc.id, year_start=2019, load_chart=True, today=dt.date(2019, 9, 2)
                )
                decisions = build_decisions(s, committee_id=ecsc.id)
                sheets = build_scoring_sheets(s, topic_ids=[early_help.id])
                september = next(
                    m.id for m in planning.list_meetings(s, committee_id=ecsc.id, year_start=2019)
                    if m.starts_at.date() == dt.date(2019, 9, 11)
                )  # fmt: skip
                papers = build_meeting_papers(s, meeting_id=september, forward_look=FORWARD_LOOK)
        finally:
            db.close()
        assert programme.annex is not None
        jobs = {
            "programme": lambda p: render_programme(programme, p),
            "programme-load-chart": lambda p: render_programme(charted, p),
            "decisions": lambda p: render_decisions(decisions, p),
            "annex": lambda p: render_annex(programme.annex, p, council_name=programme.council_name),
            "scoring-sheet": lambda p: render_scoring_sheet(sheets, p),
            "meeting-papers": lambda p: render_meeting_papers(papers, p),
        }
        for name, render in jobs.items():
            pdf = work / f"{name}.pdf"
            render(pdf)
            page_one(pdf, HERE / f"{name}.png")
            print(HERE / f"{name}.png")


if __name__ == "__main__":
    main()

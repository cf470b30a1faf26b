"""Commands about evidence from the council's own systems: importing it, listing it, linking it
to a topic."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KINDS = ("kpi", "forward-plan", "risk")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-evidence",
        help="import key actions and indicators (kpi), forward-plan decisions or risks from a "
        "CSV or Excel (.xlsx) file",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--kind", required=True, choices=KINDS, help="which layout the file has")
    p.set_defaults(func=cmd_import_evidence)
    p = sub.add_parser("evidence", help="list the evidence, or a topic's linked and suggested evidence")
    p.add_argument("--committee", help="the topic's committee (name or short name)")
    p.add_argument("--topic", help="a topic's title: show its evidence and the answers it suggests")
    p.add_argument(
        "--include-exempt", action="store_true",
        help="show exempt (Part II) forward-plan items' titles (else only that one exists)",
    )
    p.set_defaults(func=cmd_evidence)
    p = sub.add_parser("link-evidence", help="link evidence (by code or reference) to a topic")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--committee", required=True)
    p.add_argument("--topic", required=True, help="the topic's title")
    p.set_defaults(func=cmd_link_evidence)


def cmd_import_evidence(args: argparse.Namespace) -> int:
    from ..io.evidence import EvidenceFile, read_evidence
    from ..ops.evidence import import_evidence
    from . import open_db

    kind = EvidenceFile(args.kind)
    rows = read_evidence(args.file, kind)  # the whole file is checked before the database opens
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(action=f"Import evidence {args.file.name}") as s:
            summary = import_evidence(s, file_kind=kind, rows=rows)
    finally:
        database.close()
    print(f"Imported {kind.label} from {args.file.name}: {summary.counts()}.")
    return 0


def _topic_id(s: Session, committee: str, title: str) -> int:
    from . import find_committee, find_topic

    return find_topic(s, find_committee(s, committee).id, title)


def _line(e: object, include_exempt: bool) -> str:
    from ..ops.evidence import EvidenceInfo

    assert isinstance(e, EvidenceInfo)
    status = f"  [{e.status}]" if e.status else ""
    if e.exempt and not include_exempt:
        return f"{e.kind.label:22} {e.public_name}{status}"
    part_ii = "  [Part II]" if e.exempt else ""
    return f"{e.kind.label:22} {e.name}{status}{part_ii}"


def cmd_evidence(args: argparse.Namespace) -> int:
    from ..ops import evidence as ev
    from . import CliError, open_db

    if bool(args.topic) != bool(args.committee):
        raise CliError("Give both --committee and --topic to see a topic's evidence, or neither to list it all.")
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            if not args.topic:
                everything = ev.list_evidence(s)
                if not everything:
                    print("No evidence yet. Import some with 'scrutineer import-evidence FILE --kind kpi'.")
                for e in everything:
                    print(_line(e, args.include_exempt))
                return 0
            found = ev.topic_evidence(s, topic_id=_topic_id(s, args.committee, args.topic))
            suggestions = ev.suggestions_from(found.linked)
    finally:
        database.close()
    print("Linked:" if found.linked else "Linked: none")
    for e in found.linked:
        print("  " + _line(e, args.include_exempt))
    if found.suggested:
        print("Suggested links:")
        for e in found.suggested:
            print("  " + _line(e, args.include_exempt))
    titles = {ev.Role.PERFORMANCE: "Performance", ev.Role.EXECUTIVE_DECISION: "Executive decision"}
    for a in suggestions:
        print(a.text(titles[a.role]))
    return 0


def cmd_link_evidence(args: argparse.Namespace) -> int:
    from ..ops import evidence as ev
    from . import open_db

    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(action=f"Link evidence to {args.topic}") as s:
            topic_id = _topic_id(s, args.committee, args.topic)
            for code in args.codes:
                ev.link(s, topic_id=topic_id, evidence_id=ev.find_evidence(s, reference=code).id)
    finally:
        database.close()
    print(f"Linked {', '.join(args.codes)} to {args.topic}.")
    return 0

"""The command line: ``python app.py COMMAND ...``; with no command, app.py opens the GUI.

Each module in ``COMMAND_MODULES`` adds its sub-commands (the names listed with it) with
``register(subparsers)``. The modules import nothing heavy at module level, so that ``--help``
and a quick command start fast; each command imports what it needs when it runs, and a command
line that names a command builds only its module's sub-commands (argparse takes about 15 ms to
build them all, a twentieth of a print).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.orm import Session

    from ..db import Database
    from ..models import Committee
    from ..reader import Reader

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "domain.cli.data": ("committees", "demo"),
    "domain.cli.transfer": ("import", "export"),
    "domain.cli.meetings": ("import-meetings",),
    "domain.cli.printing": ("print", "print-decisions", "print-meeting"),
    "domain.cli.history": ("history",),
    "domain.cli.evidence": ("import-evidence", "evidence", "link-evidence"),
    "domain.cli.suggestions": ("import-suggestions", "print-session-pack"),
    "domain.cli.search": ("search",),
    "domain.cli.next_year": ("next-year",),
    "domain.cli.criteria": ("criteria", "print-scoring"),
}


class CliError(Exception):
    """A command failed for a reason the user can fix; the message says how."""


def _named_command(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names, when it is the first argument not taken by an option
    of the main parser (``--db URL``, ``--user NAME``); None otherwise."""
    args = iter(argv)
    for arg in args:
        if arg in ("--db", "--user"):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
        elif arg in ("-h", "--help", "--selftest") or "=" not in arg:
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the arguments (``argv``) that name a known command,
    with only that command's group of sub-commands, else with them all."""
    named = _named_command(argv) if argv is not None else None
    modules = [m for m, commands in COMMAND_MODULES.items() if named in commands] or list(
        COMMAND_MODULES
    )
    parser = argparse.ArgumentParser(
        prog="scrutineer",
        description="Work programmes for council scrutiny committees. "
        "With no command, opens the desktop program.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database file or SQLAlchemy URL (default: $SCRUTINY_DB, else scrutineer.sqlite "
        "in your data folder); e.g. postgresql+psycopg://user@host/scrutiny",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="your name in the history of changes (default: $SCRUTINY_USER, else your login name)",
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check this installation (a temporary database, the demo, a print, Qt's PDF "
        "module, every export format) and report each step; exit status 0 when all pass",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # that group of commands is not part of this build
            raise
        module.register(sub)
    return parser


def open_db(url: str | None, *, user: str | None = None) -> Database:
    """Open the database for a command; the default database gets the demo on first use.
    ``user`` (the --user option) is who the history names for the command's changes."""
    from ..db import DatabaseError, open_database

    try:
        database = open_database(url, demo_on_first_run=True, user=user)
    except DatabaseError as exc:
        raise CliError(str(exc)) from exc
    for warning in database.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return database


def parse_year(text: str) -> int:
    """A --year value ("2019-20", "2019/20", "2019 - 20", "2019-2020", "2019") as the first
    calendar year of the municipal year; a CliError saying how to write it otherwise."""
    from ..years import parse_municipal_year

    try:
        return parse_municipal_year(text)
    except ValueError as exc:
        raise CliError(f"--year: {exc}") from None


def find_committee(session: Reader, name: str) -> Row[*tuple[Any, ...]]:
    """The committee a --committee value names (name or short name, any case): its ``id``,
    ``name`` and ``short_name``."""
    from ..errors import NotFound
    from ..ops.convert import committee_row_by_name

    try:
        return committee_row_by_name(session, name)
    except NotFound as exc:
        raise CliError(f"{exc} Run 'python app.py committees' to list them with their years.") from None


def find_topic(session: Reader, committee_id: int, title: str, *, year: int | None = None) -> int:
    """The topic a --topic value names in the committee's programme for ``year`` (any year when
    None, the newest first): the one whose title is ``title`` (any case and spacing), else the
    one title holding it; CliError when none or several match."""
    from sqlalchemy import select

    from .. import schema

    t = schema.topic
    q = select(t.c.id, t.c.title, t.c.year_start).where(t.c.committee_id == committee_id)
    rows = session.execute(q if year is None else q.where(t.c.year_start == year)).all()
    wanted = " ".join(title.split()).casefold()

    def newest(found: list[Any]) -> list[Any]:
        # A topic carried from year to year keeps its title: the latest year's is meant.
        last = max((r.year_start for r in found), default=None)
        return [r for r in found if r.year_start == last]

    exact = newest([r for r in rows if " ".join(r.title.split()).casefold() == wanted])
    partial = newest([r for r in rows if wanted in " ".join(r.title.split()).casefold()])
    found = exact or partial
    if len(found) == 1:
        return int(found[0].id)
    where = "of that year" if year is not None else "of that committee"
    if not found:
        raise CliError(f"No topic {where} is titled {title!r}. Check the title (see the Topics page).")
    names = "; ".join(r.title for r in found[:5])
    raise CliError(f"--topic {title!r} matches several topics ({names}); give the whole title.")


def committee_to_import_into(session: Session, name: str, *, create: bool) -> Committee:
    """The committee an import names with --committee; with --create-committee (``create``) a
    new one of that name when there is none. Two imports creating it at once make it once: the
    second waits here for the first (domain.locks; on SQLite the transaction already holds the
    write lock) and then finds it."""
    from ..errors import NotFound
    from ..locks import lock_committee_names
    from ..models import Committee
    from ..ops import committees
    from ..ops.convert import committee_by_name, get

    lock_committee_names(session)
    try:
        return committee_by_name(session, name)
    except NotFound as exc:
        if not create:
            raise CliError(
                f"{exc} Run 'python app.py committees' to list them, or add "
                "--create-committee to create it."
            ) from None
        return get(session, Committee, committees.create_committee(session, name=name).id)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command; user errors print one line and return a non-zero status."""
    from ..errors import OpError

    try:
        return int(args.func(args) or 0)
    except (CliError, OpError) as exc:
        print(f"scrutineer: error: {exc}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return run(args)

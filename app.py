"""Scrutineer: work programmes for council scrutiny committees.

``python app.py`` opens the desktop program; ``python app.py COMMAND`` runs a command
(``python app.py --help`` lists them).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

# Python's cyclic garbage collector runs a collection every 700 new container objects, and
# each third-generation collection walks every object alive. Starting the program creates a few
# hundred thousand long-lived objects (the modules and classes of SQLAlchemy, ReportLab, Qt and
# our own), so at that pace the collector spent about a tenth of a print command's CPU time
# walking them again and again. Collecting fifteen times less often keeps that to a few
# milliseconds; garbage without cycles is freed at once as ever, and cycles are still collected.
GC_THRESHOLDS = (10_000, 50, 100)


def main(argv: Sequence[str] | None = None) -> int:
    gc.set_threshold(*GC_THRESHOLDS)
    from domain.cli import build_parser, run

    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser(arguments).parse_args(arguments)
    if args.selftest:
        from gui.selftest import run as selftest

        return selftest()
    if args.command is None:
        from gui.application import run_gui

        return run_gui(args.db)
    return run(args)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # print --all renders in a pool of processes; a built program started as one of them
        # must run the pool's work, not the program (Windows starts workers afresh).
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())

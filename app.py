"""Scrutineer: work programmes for council scrutiny committees.

``python app.py`` opens the desktop program; ``python app.py COMMAND`` runs a command
(``python app.py --help`` lists them).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from domain.cli import build_parser, run

    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        from gui.selftest import run as selftest

        return selftest()
    if args.command is None:
        from gui.application import run_gui

        return run_gui(args.db)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

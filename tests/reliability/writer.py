"""A process that keeps writing: each round creates a committee and imports a programme into it
in one transaction, then says so on stdout. The kill trials kill it at random moments.

Run as: python writer.py DATABASE_URL ROWS FIRST_NUMBER
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain.db import open_database  # noqa: E402
from domain.io.csv import read_programme_csv  # noqa: E402
from domain.ops import committees  # noqa: E402
from domain.ops.imports import import_programme  # noqa: E402
from tests.reliability.files import programme_csv  # noqa: E402


def main() -> None:
    url, rows, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    parsed = read_programme_csv(programme_csv(rows))
    database = open_database(url)
    while True:
        n += 1
        with database.transaction(action=f"Trial import {n}") as s:
            info = committees.create_committee(s, name=f"Trial committee {n}")
            import_programme(s, committee_id=info.id, year_start=2019, rows=parsed)
        print(f"committed {n}", flush=True)


if __name__ == "__main__":
    main()

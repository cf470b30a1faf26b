"""Smoke test of a built program: it creates a database with the demo data and prints.

    python packaging/smoke_test.py PATH/TO/scrutineer

Exits non-zero, saying which step failed, if the bundle is missing migrations, fonts or demo data.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    exe = argv[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "smoke.sqlite")
        pdf = Path(tmp) / "ecsc.pdf"
        steps = [
            [exe, "--db", db, "demo"],
            [exe, "--db", db, "committees"],
            [exe, "--db", db, "print", "--committee", "ECSC", "--year", "2019-20", "--out", str(pdf)],
        ]
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True, timeout=300)
            if result.returncode != 0:
                print(f"failed: {' '.join(step[1:])}\n{result.stderr}", file=sys.stderr)
                return 1
        if not pdf.read_bytes().startswith(b"%PDF"):
            print("failed: the printed file is not a PDF", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

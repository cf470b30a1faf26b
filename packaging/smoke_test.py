"""Smoke test of a built program: its self-test, then the command line a script would use.

    python packaging/smoke_test.py PATH/TO/scrutineer

Runs ``scrutineer --selftest`` (a temporary database, the demo, a print, Qt's PDF module, every
export format) and then creates a database with the demo data and prints from the command line.
Exits non-zero, saying which step failed, if the bundle is missing migrations, fonts, demo data
or a library.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    exe = argv[0]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    selftest = subprocess.run([exe, "--selftest"], capture_output=True, text=True, timeout=300, env=env)
    print(selftest.stdout, end="")
    if selftest.returncode != 0:
        print(f"failed: --selftest\n{selftest.stderr}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "smoke.sqlite")
        pdf = Path(tmp) / "ecsc.pdf"
        steps = [
            [exe, "--db", db, "demo"],
            [exe, "--db", db, "committees"],
            [exe, "--db", db, "print", "--committee", "ECSC", "--year", "2019-20", "--out", str(pdf)],
        ]
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True, timeout=300, env=env)
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

"""Build the installable program in one command, and check what was built.

    python packaging/build.py [--dist DIR] [--work DIR]

1. The fonts' parsed faces are saved beside them (what printing reads instead of parsing the
   TrueType files), then PyInstaller builds the one-folder program from packaging/scrutineer.spec
   (needs ``pip install pyinstaller``; on Linux also a C compiler and readelf, see bundle.py).
2. The built program's self-test runs (``scrutineer --selftest``, through smoke_test.py): the
   build fails if any step fails.
3. On Linux: a tarball ``scrutineer-VERSION-linux-ARCH.tar.gz`` with the program, install.sh,
   the menu entry and the icon. On Windows: the folder is ready for Inno Setup
   (packaging/windows/scrutineer.iss; the README says how).

The size of the folder is printed, in MB (10^6 bytes) as `du --apparent-size` counts.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle  # noqa: E402


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def remove_dangling_links(folder: Path) -> int:
    """Links PyInstaller made to libraries that bundle.trim left out."""
    removed = 0
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()
            removed += 1
    return removed


def linux_tarball(program: Path, dist: Path) -> Path:
    arch = platform.machine() or "x86_64"
    name = f"scrutineer-{version()}-linux-{arch}"
    out = dist / f"{name}.tar.gz"
    extras = {
        "install.sh": PACKAGING / "linux" / "install.sh",
        "scrutineer.desktop": PACKAGING / "linux" / "scrutineer.desktop",
        "scrutineer.png": ROOT / "resources" / "icons" / "scrutineer.png",
    }
    with tarfile.open(out, "w:gz") as tar:
        tar.add(program, arcname=f"{name}/scrutineer")
        for arcname, path in extras.items():
            tar.add(path, arcname=f"{name}/{arcname}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the build goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    # The fonts' parsed faces go into the bundle beside the fonts (resources/fonts/*.parsed),
    # so the installed program, whose folder it cannot write, never parses them.
    subprocess.run(
        [sys.executable, "-c", "from domain.printing.render import register_fonts; register_fonts()"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(args.dist), "--workpath", str(args.work),
        str(PACKAGING / "scrutineer.spec"),
    ]  # fmt: skip
    print("building:", " ".join(command[2:]), flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        print("build failed: PyInstaller said why above", file=sys.stderr)
        return 1
    program = args.dist / "scrutineer"
    remove_dangling_links(program)
    size = bundle.folder_size(str(program))
    print(f"built {program}: {size / 1e6:.1f} MB in {time.perf_counter() - started:.0f} s")

    exe = program / ("scrutineer-cli.exe" if os.name == "nt" else "scrutineer")
    check = subprocess.run([sys.executable, str(PACKAGING / "smoke_test.py"), str(exe)])
    if check.returncode != 0:
        print("the built program failed its self-test: not packaged", file=sys.stderr)
        return 1

    if sys.platform.startswith("linux"):
        print(f"packaged {linux_tarball(program, args.dist)}")
    elif os.name == "nt":
        print("now build the installer: see packaging/windows/scrutineer.iss")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The installable program: the self-test an IT team runs, the settings file it deploys, the
Windows installer script, the Linux menu entry, and what the bundle leaves out."""

from __future__ import annotations

import configparser
import io
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle  # noqa: E402

# --- the self-test --------------------------------------------------------------------------


def test_selftest_reports_every_step_and_passes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--selftest"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    from gui.selftest import STEPS

    for n, (name, _) in enumerate(STEPS, 1):
        assert any(line.startswith("ok") and f"{n}/{len(STEPS)} {name}" in line for line in lines)
    assert lines[-1] == f"All {len(STEPS)} steps passed."
    # Nothing was written where the program was started from, nor in the user's data folder.
    assert list(tmp_path.iterdir()) == [] or all(p.name.startswith(".") for p in tmp_path.iterdir())


def test_a_failing_step_is_named_and_the_status_is_not_zero(qapp: object) -> None:
    from gui.selftest import STEPS, run

    def broken(ctx: object) -> str:
        raise FileNotFoundError("resources/fonts/DejaVuSans.ttf is missing")

    out = io.StringIO()
    status = run((STEPS[0], ("Print a programme (PDF)", broken), STEPS[0]), out=out)
    assert status == 1
    text = out.getvalue()
    assert "FAILED  2/3 Print a programme (PDF): resources/fonts/DejaVuSans.ttf is missing" in text
    assert "1 of 3 steps failed." in text
    # The other steps still ran and were reported.
    assert text.count("ok      ") == 2


# --- the settings file an IT team deploys next to the program -------------------------------


@pytest.fixture
def program_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from domain import paths

    monkeypatch.setattr(paths, "program_folder", lambda: tmp_path)
    monkeypatch.delenv("SCRUTINY_DB", raising=False)
    return tmp_path


def test_scrutineer_ini_next_to_the_program_names_the_shared_database(program_folder: Path) -> None:
    from domain.db import resolve_url

    (program_folder / "scrutineer.ini").write_text(
        "[database]\nurl = postgresql+psycopg://scrutiny@dbserver/scrutiny\n", encoding="utf-8"
    )
    assert resolve_url(None) == "postgresql+psycopg://scrutiny@dbserver/scrutiny"


def test_the_environment_and_the_command_line_come_before_the_ini(
    program_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from domain.db import resolve_url

    (program_folder / "scrutineer.ini").write_text(
        "[database]\nurl = postgresql+psycopg://scrutiny@dbserver/scrutiny\n", encoding="utf-8"
    )
    monkeypatch.setenv("SCRUTINY_DB", "postgresql+psycopg://me@laptop/test")
    assert resolve_url(None) == "postgresql+psycopg://me@laptop/test"
    assert resolve_url("sqlite:////tmp/x.sqlite") == "sqlite:////tmp/x.sqlite"


def test_without_an_ini_the_users_own_file_is_used(program_folder: Path) -> None:
    from domain.db import resolve_url
    from domain.paths import default_database_path

    assert resolve_url(None) == f"sqlite:///{default_database_path()}"


def test_a_broken_ini_is_refused_naming_the_file_and_the_fix(program_folder: Path) -> None:
    from domain.db import DatabaseError, resolve_url

    path = program_folder / "scrutineer.ini"
    path.write_text("url = postgresql://x\n", encoding="utf-8")  # no [database] section
    with pytest.raises(DatabaseError) as caught:
        resolve_url(None)
    assert str(path) in str(caught.value)
    assert "[database]" in str(caught.value)


def test_a_deployed_shared_database_does_not_get_the_demo(
    program_folder: Path, tmp_path: Path
) -> None:
    from domain.db import open_database
    from domain.ops.committees import list_committees

    shared = tmp_path / "shared.sqlite"
    (program_folder / "scrutineer.ini").write_text(
        f"[database]\nurl = sqlite:///{shared}\n", encoding="utf-8"
    )
    db = open_database(None, demo_on_first_run=True)
    try:
        with db.transaction(read_only=True) as s:
            assert list_committees(s) == []
    finally:
        db.close()


# --- the Windows installer script -----------------------------------------------------------

ISS = ROOT / "packaging" / "windows" / "scrutineer.iss"
KNOWN_PARAMETERS = {
    "Files": {"Source", "DestDir", "Flags", "Tasks", "Components", "Excludes"},
    "Icons": {"Name", "Filename", "Tasks", "Comment", "Parameters", "WorkingDir", "IconFilename"},
    "Run": {"Filename", "Description", "Flags", "Parameters", "Tasks", "WorkingDir"},
    "Tasks": {"Name", "Description", "GroupDescription", "Flags"},
    "InstallDelete": {"Type", "Name"},
}


def _iss() -> tuple[dict[str, str], dict[str, list[dict[str, str]]], dict[str, str]]:
    """The [Setup] directives, the entries of the other sections, and the #defines."""
    setup: dict[str, str] = {}
    entries: dict[str, list[dict[str, str]]] = {}
    defines: dict[str, str] = {}
    section = None
    for number, line in enumerate(ISS.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith(";"):
            continue
        if text.startswith("#"):
            match = re.fullmatch(r"#define\s+(\w+)\s+(.+)", text)
            assert match, f"line {number}: unknown preprocessor line {text!r}"
            defines[match.group(1)] = match.group(2)
            continue
        if text.startswith("["):
            assert re.fullmatch(r"\[\w+\]", text), f"line {number}: bad section header {text!r}"
            section = text[1:-1]
            continue
        assert section is not None, f"line {number}: outside any section"
        if section == "Setup":
            key, sep, value = text.partition("=")
            assert sep, f"line {number}: a [Setup] line is Name=Value"
            setup[key.strip()] = value.strip()
            continue
        params: dict[str, str] = {}
        for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', text):
            params[part[0]] = part[1].strip().strip('"')
        unknown = set(params) - KNOWN_PARAMETERS[section]
        assert not unknown, f"line {number}: unknown parameters {unknown} in [{section}]"
        entries.setdefault(section, []).append(params)
    return setup, entries, defines


def test_installer_is_per_user_without_administrator_rights() -> None:
    setup, entries, _ = _iss()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{userpf}")  # %LOCALAPPDATA%\Programs
    assert all("{userprograms}" in i["Name"] or "{userdesktop}" in i["Name"] for i in entries["Icons"])
    assert not any("{commonprograms}" in line or "{pf}" in line for line in ISS.read_text().splitlines())


def test_installer_upgrades_in_place_and_keeps_the_data() -> None:
    setup, entries, _ = _iss()
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])  # fixed: an upgrade finds it
    assert setup["UsePreviousAppDir"] == "yes"
    # Only the program's own folder is ever deleted; the data folder is not under {app}.
    for delete in entries["InstallDelete"]:
        assert delete["Name"].startswith("{app}\\")
    from domain.paths import APP_NAME

    assert "{localappdata}\\" + APP_NAME not in ISS.read_text()


def test_installer_paths_match_the_build() -> None:
    setup, entries, defines = _iss()
    here = ISS.parent
    spec = (ROOT / "packaging" / "scrutineer.spec").read_text(encoding="utf-8")
    collect = re.search(r'COLLECT\(.*name="([^"]+)"\)', spec)
    assert collect
    source = entries["Files"][0]["Source"]
    assert source.replace("\\", "/") == f"../../dist/{collect.group(1)}/*"
    assert (here / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    # The program the Start-menu entry opens is the windowed one the spec builds.
    assert defines["AppExe"] == '"scrutineer.exe"'
    assert re.search(r'EXE\(pyz, a\.scripts, \[\], name="scrutineer", console=False', spec)
    # build.py puts the build where the script looks for it.
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'default=ROOT / "dist"' in build


# --- Linux ----------------------------------------------------------------------------------


def test_linux_menu_entry_is_a_valid_desktop_file() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "packaging" / "linux" / "scrutineer.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "scrutineer"
    assert entry["Icon"] == "scrutineer"
    assert entry["Categories"].endswith(";")
    assert (ROOT / "resources" / "icons" / "scrutineer.png").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a shell script for Linux")
def test_linux_install_script_installs_and_uninstalls_for_the_user(tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    program = unpacked / "scrutineer"
    program.mkdir(parents=True)
    (program / "scrutineer").write_text("#!/bin/sh\necho scrutineer\n")
    (program / "scrutineer").chmod(0o755)
    for name, src in (
        ("install.sh", ROOT / "packaging" / "linux" / "install.sh"),
        ("scrutineer.desktop", ROOT / "packaging" / "linux" / "scrutineer.desktop"),
        ("scrutineer.png", ROOT / "resources" / "icons" / "scrutineer.png"),
    ):
        (unpacked / name).write_bytes(src.read_bytes())
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(["sh", str(unpacked / "install.sh")], check=True, env=env, capture_output=True)
    opt = home / ".local" / "opt" / "scrutineer"
    assert (home / ".local" / "bin" / "scrutineer").resolve() == (opt / "scrutineer").resolve()
    desktop = home / ".local" / "share" / "applications" / "scrutineer.desktop"
    assert f"Exec={opt}/scrutineer" in desktop.read_text()
    # An upgrade keeps the IT team's settings file and the user's data.
    (opt / "scrutineer.ini").write_text("[database]\nurl = postgresql://x\n")
    data = home / ".local" / "share" / "Scrutineer"
    data.mkdir()
    (data / "scrutineer.sqlite").write_bytes(b"data")
    subprocess.run(["sh", str(unpacked / "install.sh")], check=True, env=env, capture_output=True)
    assert (opt / "scrutineer.ini").read_text().startswith("[database]")
    subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--uninstall"], check=True, env=env, capture_output=True
    )
    assert not opt.exists() and not desktop.exists()
    assert (data / "scrutineer.sqlite").read_bytes() == b"data"


# --- what the bundle leaves out -------------------------------------------------------------


def test_trim_drops_unused_plugins_and_what_only_they_link_to() -> None:
    links = {
        "/x/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/x/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "/x/libQt6Gui.so.6": ["libfontconfig.so.1"],
        "/x/libqgtk3.so": ["libgtk-3.so.0"],
        "/x/libgtk-3.so.0": ["libcairo.so.2"],
        "/x/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/x/libQt6XcbQpa.so.6": [],
        "/x/libfontconfig.so.1": ["libfreetype.so.6"],
        "/x/libfreetype.so.6": [],
        "/x/libcairo.so.2": [],
    }
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/x/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6", "BINARY"),
        ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),
        ("libfontconfig.so.1", "/x/libfontconfig.so.1", "BINARY"),
        ("libfreetype.so.6", "/x/libfreetype.so.6", "BINARY"),
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("resources/fonts/DejaVuSans.ttf", "/x/DejaVuSans.ttf", "DATA"),
    ]
    kept, kept_datas = bundle.trim(
        binaries, datas, lambda path: links[path], system=bundle.SYSTEM_LIBRARIES
    )
    names = {Path(name).name for name, _, _ in kept}
    assert names == {
        "QtWidgets.abi3.so",
        "libQt6Widgets.so.6",
        "libQt6Gui.so.6",
        "libqxcb.so",
        "libQt6XcbQpa.so.6",
    }
    assert [name for name, _, _ in kept_datas] == ["resources/fonts/DejaVuSans.ttf"]


def test_the_icu_stand_in_is_an_empty_icu_data_package() -> None:
    data = bundle.EMPTY_ICU_PACKAGE
    assert len(data) % 16 == 0
    assert data[2:4] == b"\xda\x27" and data[12:16] == b"CmnD"  # ICU's magic and format
    header_size = int.from_bytes(data[0:2], "little")
    assert int.from_bytes(data[header_size : header_size + 4], "little") == 0  # no entries
    source = bundle.icu_data_stub_source("libicudata.so.73")
    assert source is not None and "icudt73_dat[48]" in source
    assert bundle.icu_data_stub_source("libicuuc.so.73") is None


def test_the_spec_keeps_every_qt_module_the_program_imports() -> None:
    used: set[str] = set()
    for path in [*(ROOT / "gui").rglob("*.py"), ROOT / "app.py"]:
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used <= set(bundle.QT_MODULES), f"add {sorted(used - set(bundle.QT_MODULES))} to QT_MODULES"
    excluded = {name.split(".", 1)[1] for name in bundle.EXCLUDES if name.startswith("PySide6.")}
    assert not used & excluded


def test_the_version_comes_from_pyproject() -> None:
    from domain import version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert version() == project["version"]


def test_postgresql_without_its_client_library_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Linux build uses the system's libpq: without it, the user is told which package."""
    from domain import db

    def no_libpq(url: str) -> object:
        raise ImportError("no pq wrapper available. Attempts made: libpq library not found")

    monkeypatch.setattr(db, "make_engine", no_libpq)
    with pytest.raises(db.DatabaseError) as caught:
        db.open_database("postgresql+psycopg://scrutiny@dbserver/scrutiny")
    assert "libpq5" in str(caught.value)
    assert "dbserver" in str(caught.value)

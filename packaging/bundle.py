"""What goes into the built program: only the Qt the program uses, and nothing it never loads.

Used by scrutineer.spec after PyInstaller's analysis. PyInstaller's Qt hooks bring every plugin
of each Qt module imported, and with the plugins the libraries they link to: the GTK theme plugin
alone brings GTK, Cairo and Pango (about 25 MB on Linux), the virtual keyboard input plugin brings
Qt Quick and QML (about 18 MB), and Qt's translations are 7 MB of languages the program does not
offer. :func:`trim` drops those plugins and data, then keeps a shared library only while
something still kept links to it, so whatever a dropped plugin brought goes with it.

The Python modules kept are listed in :data:`QT_MODULES`; add one there when the program starts
using another part of Qt.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# The Qt modules the program imports (gui/, gui/selftest.py). PyInstaller collects what is
# imported; these names are also kept out of EXCLUDES below.
# QtCharts draws the Year page (its library links QtOpenGL and QtOpenGLWidgets, collected as
# libraries); QtSvg writes a chart saved as SVG.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtCharts", "QtSvg")

# Python modules never to bundle, even if something imports them optionally.
EXCLUDES = (
    "tkinter",
    # reportlab imports Pillow's core; its codecs for AVIF and WebP, colour management and
    # font drawing are never used by the program's documents (they bring 10 MB of libraries).
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "numpy",
    "pytest",
    "hypothesis",
    "IPython",
    "pygments",
    "pydoc_data",
    # python-docx and openpyxl read and write with lxml.etree alone.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    "lxml.builder",
    "lxml.cssselect",
    "readline",
    "charset_normalizer",
    *(
        f"PySide6.{name}"
        for name in (
            "QtQml",
            "QtQuick",
            "QtQuick3D",
            "QtQuickWidgets",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtWebEngineQuick",
            "QtWebChannel",
            "QtWebSockets",
            "Qt3DCore",
            "Qt3DRender",
            "QtMultimedia",
            "QtMultimediaWidgets",
            "QtBluetooth",
            "QtPositioning",
            "QtLocation",
            "QtSensors",
            "QtSerialPort",
            "QtDesigner",
            "QtUiTools",
            # Qt Charts' library links Qt's OpenGL libraries (kept as libraries); the Python
            # bindings of those modules (9 MB) are never imported.
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtSql",
            "QtTest",
            "QtXml",
            "QtDataVisualization",
            "QtGraphs",
            "QtVirtualKeyboard",
            "QtNetwork",  # the library stays (Qt's PDF module links it); Python never calls it
            "QtDBus",
        )
    ),
)

# Left out of the Linux build only: psycopg then uses the system's libpq (Debian: libpq5)
# through its pure-Python layer, instead of a 10 MB copy of libpq with its own OpenSSL and
# Kerberos. Windows has no system libpq, so the build there keeps the binary package.
LINUX_EXCLUDES = ("psycopg_binary",)

# Plugins and data dropped, as globs on the bundled path (forward slashes).
DROPPED = (
    "PySide6/Qt/translations/*",
    "PySide6/translations/*",
    "PySide6/Qt/plugins/platformthemes/*gtk3*",
    "PySide6/Qt/plugins/platforminputcontexts/*virtualkeyboard*",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/generic/*",
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
    "PySide6/Qt/plugins/platforms/*eglfs*",
    "PySide6/Qt/plugins/platforms/*linuxfb*",
    "PySide6/Qt/plugins/platforms/*vnc*",
    "PySide6/Qt/plugins/platforms/*vkkhrdisplay*",
    "PySide6/Qt/plugins/platforms/*minimalegl*",
    "PySide6/Qt/plugins/imageformats/*tiff*",
    "PySide6/Qt/plugins/imageformats/*webp*",
    "PySide6/Qt/plugins/imageformats/*icns*",
    "PySide6/Qt/plugins/imageformats/*tga*",
    "PySide6/Qt/plugins/imageformats/*wbmp*",
    "PySide6/Qt/plugins/imageformats/*pdf*",
    # Icons and pictures are PNG, which Qt reads without a plugin.
    "PySide6/Qt/plugins/imageformats/*svg*",
    "PySide6/Qt/plugins/imageformats/*jpeg*",
    "PySide6/Qt/plugins/imageformats/*gif*",
    "PySide6/Qt/plugins/iconengines/*svg*",
    "PySide6/plugins/platformthemes/*gtk3*",
    "PySide6/plugins/platforminputcontexts/*virtualkeyboard*",
    "PySide6/plugins/generic/*",
    "PySide6/plugins/networkinformation/*",
    "PySide6/plugins/tls/*",
    "PySide6/plugins/imageformats/*tiff*",
    "PySide6/plugins/imageformats/*webp*",
    "PySide6/plugins/imageformats/*icns*",
    "PySide6/plugins/imageformats/*tga*",
    "PySide6/plugins/imageformats/*wbmp*",
    "PySide6/plugins/imageformats/*pdf*",
    "PySide6/plugins/platforms/qdirect2d*",
)

# Libraries of the Linux desktop itself, left to the system as AppImage's exclude list does: every
# desktop has them, the README's install line names them for a bare machine, and a bundled copy
# can disagree with the system's own (fontconfig's cache format, the D-Bus daemon, CUPS). With
# them go the libraries only they need (GnuTLS for CUPS, systemd and libgcrypt for D-Bus).
SYSTEM_LIBRARIES = (
    "libfontconfig.so.*",
    "libfreetype.so.*",
    "libxkbcommon.so.*",
    "libxkbcommon-x11.so.*",
    "libdbus-1.so.*",
    "libcups.so.*",
    "libglib-2.0.so.*",
    "libgobject-2.0.so.*",
    "libgthread-2.0.so.*",
    "libgio-2.0.so.*",
    "libgmodule-2.0.so.*",
    "libX11.so.*",
    "libX11-xcb.so.*",
    "libxcb.so.*",
    "libwayland-*.so.*",
    "libsystemd.so.*",
)

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (bundled name, source path, type code)
Imports = Callable[[str], Iterable[str]]


def dropped(name: str) -> bool:
    """Whether the bundled file ``name`` is left out by :data:`DROPPED`."""
    path = str(PurePosixPath(name.replace("\\", "/")))
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in DROPPED)


def _is_library(entry: Entry) -> bool:
    """A plain shared library, kept only while something links to it (not a Python extension,
    not a Qt plugin, which are loaded by name and are the roots of the search)."""
    name, _, kind = entry
    if kind != "BINARY":
        return False
    path = name.replace("\\", "/")
    return not ("/plugins/" in path or "python3" in path.rsplit("/", 1)[-1].lower())


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def trim(
    binaries: list[Entry],
    datas: list[Entry],
    imports: Imports,
    *,
    system: Iterable[str] = (),
) -> tuple[list[Entry], list[Entry]]:
    """The binaries and datas to bundle. ``imports(source_path)`` names the libraries a binary
    links to (PyInstaller's ``bindepend.get_imports``), by file name; libraries whose file name
    matches a glob in ``system`` are left to the system."""
    patterns = tuple(system)
    kept = [
        e
        for e in binaries
        if not dropped(e[0]) and not any(fnmatch.fnmatchcase(_base(e[0]), p) for p in patterns)
    ]
    roots = [e for e in kept if not _is_library(e)]
    libraries = {_base(e[0]).lower(): e for e in kept if _is_library(e)}
    needed: set[str] = set()
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for lib in imports(entry[1]):
            key = _base(lib).lower()
            if key in libraries and key not in needed:
                needed.add(key)
                queue.append(libraries[key])
    result = roots + [e for k, e in libraries.items() if k in needed]
    return result, [e for e in datas if not dropped(e[0])]


def direct_imports(path: str) -> list[str]:
    """The libraries ``path`` links to directly, by name.

    On Linux these are the ELF file's NEEDED entries (``readelf -d``): PyInstaller's own look-up
    there uses ``ldd``, which lists every library loaded, those of the libraries too, and would
    keep everything a left-out system library links to. Elsewhere PyInstaller's look-up reads
    the direct imports already (pefile, macholib).
    """
    import re
    import shutil
    import subprocess
    import sys

    readelf = shutil.which("readelf")
    if sys.platform.startswith("linux") and readelf:
        out = subprocess.run(
            [readelf, "-d", "-W", path], capture_output=True, text=True, check=False
        ).stdout
        return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
    from PyInstaller.depend import bindepend  # type: ignore[import-untyped]

    return [name for name, _ in bindepend.get_imports(path)]


def folder_size(folder: str) -> int:
    """Bytes in a folder, counting each file once (symlinks not followed)."""
    import os

    total = 0
    for root, _dirs, files in os.walk(folder):
        for f in files:
            p = os.path.join(root, f)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


# --- ICU's data -------------------------------------------------------------------------------
# Qt on Linux links ICU, whose locale data library is 31 MB. Qt asks ICU for data only for
# locale-aware collation, ICU codecs and locale-specific case mapping, none of which the program
# uses (sorting is done in Python; files are UTF-8), and falls back to its own tables when ICU
# reports no data. The bundle therefore carries an ICU data library holding an empty data
# package: the same symbol, a valid header, no entries.

def _empty_icu_package() -> bytes:
    """An ICU common data package ("CmnD", format 1) whose table of contents is empty, as
    ``icupkg -tl new empty.dat`` writes it."""
    import struct

    info = struct.pack(
        "<HHBBBB4s4B4B", 20, 0, 0, 0, 2, 0, b"CmnD", 1, 0, 0, 0, 3, 0, 0, 0
    )  # size, reserved, little-endian, ASCII, 2-byte UChar, reserved, format, versions
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    return header + struct.pack("<I", 0) + b"\xaa" * 12  # no entries; padded to 16 bytes


EMPTY_ICU_PACKAGE = _empty_icu_package()


def icu_data_stub_source(library_name: str) -> str | None:
    """C source of an empty ICU data library standing in for ``libicudata.so.NN``; None for any
    other file name."""
    import re

    match = re.fullmatch(r"libicudata\.so\.(\d+)", library_name)
    if match is None:
        return None
    values = ", ".join(str(b) for b in EMPTY_ICU_PACKAGE)
    return (
        "/* An ICU common data package with no entries (see packaging/bundle.py). */\n"
        f"__attribute__((aligned(16))) const unsigned char icudt{match.group(1)}_dat"
        f"[{len(EMPTY_ICU_PACKAGE)}] = {{{values}}};\n"
    )


def stub_icu_data(binaries: list[Entry], workdir: str) -> list[Entry]:
    """``binaries`` with ICU's data library replaced by an empty one compiled with the C
    compiler (``cc``); unchanged, with a warning, when there is no compiler."""
    import os
    import shutil
    import subprocess

    out: list[Entry] = []
    for name, source, kind in binaries:
        code = icu_data_stub_source(_base(name))
        compiler = shutil.which("cc") or shutil.which("gcc")
        if code is None or compiler is None:
            if code is not None:
                print("warning: no C compiler: ICU's full data library is bundled (31 MB)")
            out.append((name, source, kind))
            continue
        os.makedirs(workdir, exist_ok=True)
        c_file = os.path.join(workdir, "icudata_stub.c")
        library = os.path.join(workdir, _base(name))
        with open(c_file, "w", encoding="ascii") as f:
            f.write(code)
        subprocess.run(
            [compiler, "-shared", "-fPIC", "-O2", f"-Wl,-soname,{_base(name)}", "-o", library, c_file],
            check=True,
        )
        out.append((name, library, kind))
    return out

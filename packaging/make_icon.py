"""Make the program's icon files from resources/icons/scrutineer.svg.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

Writes scrutineer.png (256 px, for Linux desktops and the window) and scrutineer.ico (16-256 px,
for the Windows program and installer) beside the SVG. Run it after changing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "scrutineer.svg"))
    if not renderer.isValid():
        print("scrutineer.svg cannot be read", file=sys.stderr)
        return 1
    render(renderer, 256).save(str(ICONS / "scrutineer.png"))
    # Qt's ICO writer stores one image per file; write the sizes Windows looks for into one
    # file by hand (ICONDIR + ICONDIRENTRY + PNG payloads, which Windows Vista onwards reads).
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    payloads = []
    for size in ICO_SIZES:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        render(renderer, size).save(buffer, b"PNG")
        payloads.append((size, bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(payloads))
    offset = len(header) + 16 * len(payloads)
    entries = b""
    for size, png in payloads:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    (ICONS / "scrutineer.ico").write_bytes(header + entries + b"".join(p for _, p in payloads))
    print(f"wrote {ICONS / 'scrutineer.png'} and {ICONS / 'scrutineer.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

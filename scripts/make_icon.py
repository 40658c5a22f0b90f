"""Draw the program's icon (值 on a blue rounded square) with Qt and the shipped font.

    uv run python scripts/make_icon.py     # writes resources/icons/dutydesk.png and .ico

The files are committed; run this again only to change the design.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    margin = size * 0.04
    path.addRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18)
    painter.fillPath(path, QColor("#1565c0"))
    font = QFont(family)
    font.setPixelSize(int(size * 0.66))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size * 0.98), Qt.AlignmentFlag.AlignCenter, "值")
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(256, family).save(str(out / "dutydesk.png"))
    # One .ico with every size Windows asks for, each drawn at its size (Pillow, which
    # ReportLab already brings, writes the multi-size file).
    from PIL import Image

    images = []
    for size in SIZES:
        path = out / f".icon-{size}.png"
        draw(size, family).save(str(path))
        images.append(Image.open(path).copy())
        path.unlink()
    images[-1].save(out / "dutydesk.ico", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    del app


if __name__ == "__main__":
    main()

"""What every printed page shares: DejaVu Sans for ReportLab, paragraph styles, and a PDF page as PNG.

ReportLab's built-in Helvetica has no glyph for the minus sign, the arrows or "≥" that the brief's texts use, so
the pages embed DejaVu Sans, taken from the copy matplotlib ships (nothing downloaded, nothing from the system).

The PNG of a page is the PDF page rasterised by PDFium (pypdfium2): one layout, so the picture a person shares is
exactly the page they print. pypdfium2 installs as a wheel with PDFium inside (no system library, no poppler,
no browser), like the shapely and pyogrio wheels the app already uses; PDFium is Chromium's own PDF renderer.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import matplotlib
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["BOLD", "REGULAR", "page_png", "register_fonts", "style"]

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FONTS_LOCK = threading.Lock()
# PDFium is not thread-safe (pypdfium2's documentation): one page at a time per process.
_PDFIUM_LOCK = threading.Lock()


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) with ReportLab once per process."""
    with _FONTS_LOCK:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        # Images as binary streams: ASCII85 makes them a quarter larger and, without ReportLab's optional C
        # accelerator, costs more time than drawing the map.
        rl_config.useA85 = 0
        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


def style(
    name: str,
    size: float = 8,
    bold: bool = False,
    colour: str = "#111111",
    leading: float | None = None,
    **extra: object,
) -> ParagraphStyle:
    """A paragraph style in DejaVu Sans (fonts registered on first use)."""
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=leading or size * 1.22,
        textColor=colors.HexColor(colour),
        **extra,
    )


def page_png(pdf: bytes, dpi: float = 150, page: int = 0) -> bytes:
    """Page ``page`` of ``pdf`` as PNG bytes at ``dpi`` (white background)."""
    import pypdfium2

    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            image = document[page].render(scale=dpi / 72).to_pil()
        finally:
            document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

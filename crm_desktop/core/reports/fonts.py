"""The one font every report is set in: WenQuanYi Micro Hei, shipped in resources/fonts/.

A TrueType CJK font, because reportlab embeds TrueType outlines as subsets (a few KB per report)
but cannot embed OpenType/CFF ones such as Noto Sans CJK, and its built-in CID fonts are not
embedded at all (each viewer substitutes its own). Its Latin glyphs are Droid Sans, so mixed
Chinese and Latin text needs no font switching. It has no bold face: emphasis is size and colour.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "WenQuanYiMicroHei"
FONT_FILE = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "wqy-microhei.ttc"
_REGULAR_FACE = 0  # the collection's second face is the monospaced one
REPLACEMENT = "\ufffd"
_lock = threading.Lock()
_registered = threading.Event()


def ensure_font() -> str:
    """Register the font with reportlab once per process (its registry is global); its name."""
    if not _registered.is_set():
        with _lock:
            if FONT not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=_REGULAR_FACE))
            _registered.set()
    return FONT


def printable(text: str) -> str:
    """The text with each character the font has no glyph for (an emoji, a rare script) shown
    as �: a visible mark beats a silent gap in a customer's name."""
    if text.isascii():
        return text
    glyphs = _glyphs()
    if all(ord(char) in glyphs for char in text):
        return text
    return "".join(char if ord(char) in glyphs or char in "\n\t" else REPLACEMENT
                   for char in text)


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(ensure_font()).face.charToGlyph)


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, ensure_font(), size))

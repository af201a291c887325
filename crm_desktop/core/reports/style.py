"""The look shared by every report: one embedded font, a few sizes, a few colours."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from crm_desktop.core.reports.fonts import ensure_font, printable

ACCENT = HexColor("#1f4e79")
INK = HexColor("#1d232b")
MUTED = HexColor("#5b6673")
RULE = HexColor("#c9d3de")
ZEBRA = HexColor("#f4f7fa")
TINT = HexColor("#e3ebf3")
WARN = HexColor("#a23b2a")
WHITE: Color = white
SERIES = (HexColor("#7fa7cf"), ACCENT)  # chart bars: amount, weighted

BODY_SIZE, BODY_LEADING = 9.0, 12.5
CELL_SIZE, CELL_LEADING = 8.5, 11.0
_ALIGN = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}


def font() -> str:
    return ensure_font()


def markup(text: str) -> str:
    """User text as Paragraph markup: `<`, `&` are text, not tags; line breaks are kept."""
    return escape(printable(text)).replace("\n", "<br/>")


def _style(name: str, size: float, leading: float, color: Color = INK, **extra: object) -> ParagraphStyle:
    """reportlab's default wrapping, not wordWrap="CJK": that one looks back only half a line for
    a space, so it cuts Latin words in two ("former custo|mer", "有限公司 Blu|e Harbor"). The
    default keeps Latin words whole and, with splitLongWords, breaks a run of Chinese (a "word"
    without spaces) at any character where the line is full, as CJK mode does."""
    return ParagraphStyle(name, fontName=font(), fontSize=size, leading=leading, textColor=color,
                          splitLongWords=1, **extra)


@cache
def styles() -> dict[str, ParagraphStyle]:
    return {
        "business": _style("business", 10, 13, MUTED),
        "title": _style("title", 19, 24, ACCENT, spaceBefore=2, spaceAfter=4),
        "meta": _style("meta", 8.5, 11.5, MUTED),
        "h2": _style("h2", 12.5, 16, ACCENT, spaceBefore=12, spaceAfter=5),
        "h3": _style("h3", 10.5, 14, INK, spaceBefore=8, spaceAfter=3),
        "body": _style("body", BODY_SIZE, BODY_LEADING),
        "muted": _style("muted", BODY_SIZE, BODY_LEADING, MUTED),
        "empty": _style("empty", BODY_SIZE, BODY_LEADING, MUTED, backColor=ZEBRA, borderPadding=5,
                        spaceBefore=5, spaceAfter=7, leftIndent=5, rightIndent=5),
        "footnote": _style("footnote", 7.5, 10, MUTED),
        "figure": _style("figure", 15, 19, ACCENT),
        "figure_label": _style("figure_label", 8, 10.5, MUTED),
        "fact_label": _style("fact_label", CELL_SIZE, CELL_LEADING, MUTED),
    }


@cache
def cell_style(align: str = "LEFT", header: bool = False) -> ParagraphStyle:
    return _style(f"cell-{align}-{header}", CELL_SIZE, CELL_LEADING, WHITE if header else INK,
                  alignment=_ALIGN[align])


def grid_style(*commands: tuple[object, ...]) -> TableStyle:
    """A layout table's style, set in the report font: a cell left empty would otherwise be set
    in Helvetica, which is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font()), *commands])

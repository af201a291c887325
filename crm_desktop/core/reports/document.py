"""The printed page: paper, margins, the masthead on page 1, the running header on later pages,
and the footer with the generation time and "page X of Y" (known only once every page is laid
out, so each page is kept until the end and its chrome drawn then)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Image, PageTemplate
from reportlab.platypus.flowables import HRFlowable

from crm_desktop.core.reports import style
from crm_desktop.core.reports.blocks import text
from crm_desktop.core.reports.fonts import printable, text_width

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 18 * mm, 17 * mm
CHROME_SIZE = 7.5
LOGO_HEIGHT, LOGO_MAX_WIDTH = 14 * mm, 70 * mm


@dataclass(frozen=True)
class Masthead:
    business: str
    title: str
    subtitle: str
    lines: tuple[str, ...]   # the period and the filters, already worded
    generated: str           # "Generated …"
    page_label: str          # "Page {page} of {pages}", translated
    language: str
    logo: bytes | None = None  # PNG or JPEG, drawn above the business name


def frame_size(paper: str) -> tuple[float, float]:
    width, height = PAPERS[paper]
    return width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM


def logo_flowable(logo: bytes) -> Image:
    """The logo LOGO_HEIGHT tall, its aspect kept (less tall when that would make it too wide)."""
    width, height = ImageReader(io.BytesIO(logo)).getSize()
    scale = min(LOGO_HEIGHT / height, LOGO_MAX_WIDTH / width)
    image = Image(io.BytesIO(logo), width=width * scale, height=height * scale, hAlign="LEFT")
    image.spaceAfter = 2 * mm
    return image


def masthead_flowables(head: Masthead) -> list[Flowable]:
    parts: list[Flowable] = [logo_flowable(head.logo)] if head.logo else []
    if head.business:
        parts.append(text(head.business, "business"))
    parts.append(text(head.title, "title"))
    if head.subtitle:
        parts.append(text(head.subtitle, "h3"))
    parts += [text(line, "meta") for line in (*head.lines, head.generated)]
    parts.append(HRFlowable(width="100%", thickness=0.8, color=style.ACCENT, spaceBefore=5,
                            spaceAfter=6))
    return parts


def _clip(content: str, width: float) -> str:
    content = printable(content)
    while content and text_width(content, CHROME_SIZE) > width:
        content = content[:-2] + "…"
    return content


def _draw_chrome(canvas: Canvas, head: Masthead, paper: str, page: int, pages: int) -> None:
    width, height = PAPERS[paper]
    canvas.saveState()
    canvas.setFont(style.font(), CHROME_SIZE)
    canvas.setFillColor(style.MUTED)
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.5)
    if page > 1:
        top = height - MARGIN_TOP + 5 * mm
        running = " · ".join(part for part in (head.business, head.title, head.subtitle) if part)
        canvas.drawString(MARGIN_X, top, _clip(running, width - 2 * MARGIN_X))
        canvas.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
    bottom = MARGIN_BOTTOM - 9 * mm
    canvas.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
    number = head.page_label.format(page=page, pages=pages)
    canvas.drawRightString(width - MARGIN_X, bottom, number)
    canvas.drawString(MARGIN_X, bottom, _clip(head.generated, width - 2 * MARGIN_X
                                              - text_width(number, CHROME_SIZE) - 10 * mm))
    canvas.restoreState()


def _numbered_canvas(head: Masthead, paper: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._held:
                self.__dict__.update(state)
                _draw_chrome(self, head, paper, self._pageNumber, len(self._held))
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def build(story: list[Flowable], head: Masthead, paper: str, target: IO[bytes]) -> None:
    """Lay out `story` under the masthead on `paper` and write the PDF to `target`."""
    width, height = PAPERS[paper]
    frame_width, frame_height = frame_size(paper)
    doc = BaseDocTemplate(target, pagesize=(width, height), leftMargin=MARGIN_X,
                          rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                          title=head.title, author=head.business, subject=head.subtitle,
                          creator="crm_desktop", initialFontName=style.font(),
                          lang=head.language.replace("_", "-"))
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, frame_width, frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(masthead_flowables(head) + story, canvasmaker=_numbered_canvas(head, paper))

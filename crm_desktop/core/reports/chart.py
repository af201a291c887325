"""A grouped bar chart (reportlab.graphics) set in the report's embedded font."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing

from crm_desktop.core.reports import style
from crm_desktop.core.reports.fonts import printable, text_width

LABEL_SIZE = 7.5
LEGEND_HEIGHT = 16


def _short(label: str, width: float) -> str:
    """Category labels do not wrap: long stage names are cut to their slot."""
    label = printable(label)
    while len(label) > 1 and text_width(label, LABEL_SIZE) > width:
        label = label[:-2] + "…"
    return label


def bar_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
              width: float, height: float, axis_label: Callable[[float], str]) -> Drawing:
    """Bars of each series side by side per category; `axis_label` writes the value axis."""
    drawing = Drawing(width, height, initialFontName=style.font(), initialFontSize=LABEL_SIZE)
    chart = VerticalBarChart()
    chart.x, chart.y = 48, 22
    chart.width, chart.height = width - 60, height - 22 - LEGEND_HEIGHT - 8
    chart.data = [list(values) for _label, values in series]
    chart.valueAxis.valueMin = 0  # otherwise the smallest bar starts at the axis and vanishes
    top = max((max(values, default=0) for _l, values in series), default=0)
    if top <= 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.labelTextFormat = axis_label
    chart.valueAxis.labels.fontName = style.font()
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.gridStrokeColor = style.RULE
    chart.valueAxis.visibleGrid = True
    slot = chart.width / max(len(categories), 1)
    chart.categoryAxis.categoryNames = [_short(name, slot - 4) for name in categories]
    chart.categoryAxis.labels.fontName = style.font()
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dy = -3
    chart.barSpacing, chart.groupSpacing = 1, 8
    for index, color in enumerate(style.SERIES[:len(series)]):
        chart.bars[index].fillColor = color
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend([label for label, _v in series], width, height))
    return drawing


def _legend(labels: Sequence[str], width: float, height: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = 48, height - 4
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = style.font()
    legend.fontSize = LABEL_SIZE
    legend.deltax = max(text_width(label, LABEL_SIZE) for label in labels) + 30
    legend.colorNamePairs = list(zip(style.SERIES, labels, strict=False))
    legend.boxAnchor = "nw"
    return legend

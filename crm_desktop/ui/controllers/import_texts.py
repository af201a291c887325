"""What the import wizard says about a file and a preview: how the file was read ("CSV, GB18030,
comma, 1,234 rows"), the preview's counts, the first values of a column, a mapping's conflicts."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QCoreApplication, QLocale

from crm_desktop.core.i18n import _
from crm_desktop.core.io.imports.mapping import REPEATABLE, TARGETS, Mapping
from crm_desktop.core.io.imports.source import Source

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "gb18030": "GB18030", "big5hkscs": "Big5",
             "utf-16": "UTF-16", "cp1252": "Windows-1252"}
SAMPLE_ROWS = 3
SAMPLE_CHARS = 60


def number(value: int) -> str:
    """1,234 in English, 1,234 in Chinese: the locale's grouping."""
    return QLocale().toString(value)


def delimiter_name(delimiter: str) -> str:
    return {",": translate("ImportTexts", "comma"), ";": translate("ImportTexts", "semicolon"),
            "\t": translate("ImportTexts", "tab")}.get(delimiter, f"'{delimiter}'")


def describe(source: Source) -> str:
    """How the file was read, in one line."""
    rows = len(source.rows)
    if source.format == "xlsx":
        parts = [translate("ImportTexts", "Excel workbook"),
                 translate("ImportTexts", "sheet “%1”").replace("%1", source.sheet)]
    elif source.format == "json":
        parts = [translate("ImportTexts", "this app's workspace export (JSON)")]
    elif source.format == "vcard":
        parts = ["vCard", ENCODINGS.get(source.encoding, source.encoding.upper())]
    else:
        parts = ["CSV", ENCODINGS.get(source.encoding, source.encoding.upper()),
                 delimiter_name(source.delimiter)]
    parts.append(translate("ImportTexts", "%1 row(s)", "", rows).replace("%1", number(rows)))
    return translate("ImportTexts", "Read as: %1").replace("%1", ", ".join(parts))


def first_values(source: Source, column: str) -> str:
    """The column's first few non-blank values, to recognise what it holds."""
    values: list[str] = []
    for row in source.rows:
        cell = " ".join(row.cells.get(column, "").split())
        if cell:
            values.append(cell if len(cell) <= SAMPLE_CHARS else cell[:SAMPLE_CHARS] + "…")
        if len(values) == SAMPLE_ROWS:
            break
    return " · ".join(values)


def field_label(field: str) -> str:
    return _(TARGETS.get(field, field))


def mapping_problem(mapping: Mapping) -> str:
    """Why this mapping cannot be previewed, or ""."""
    if not any(entry.field for entry in mapping):
        return translate("ImportTexts", "Choose a field for at least one column: as it is, nothing "
                                        "would be imported.")
    columns: dict[str, list[str]] = defaultdict(list)
    for entry in mapping:
        if entry.field not in REPEATABLE:
            columns[entry.field].append(entry.column)
    for field, names in columns.items():
        if len(names) > 1:
            return (translate("ImportTexts", "“%1” is chosen for several columns (%2). Choose it for "
                                             "one column only.")
                    .replace("%1", field_label(field)).replace("%2", ", ".join(names)))
    return ""


def counts_text(counts: dict[str, int]) -> str:
    return (translate("ImportTexts", "%1 new, %2 to update, %3 skipped (already here or repeated "
                                     "in the file), %4 invalid.")
            .replace("%1", number(counts["create"])).replace("%2", number(counts["update"]))
            .replace("%3", number(counts["skip"])).replace("%4", number(counts["invalid"])))


def invalid_text(invalid: int) -> str:
    return (translate("ImportTexts", "%1 row(s) cannot be imported; the table below says why. "
                                     "They will be left out: nothing is imported unless you "
                                     "accept that.", "", invalid).replace("%1", number(invalid)))


def import_button_text(writes: int) -> str:
    if not writes:
        return translate("ImportTexts", "Nothing to import")
    return translate("ImportTexts", "Import %1 contact(s)", "", writes).replace("%1", number(writes))

"""How results are printed: aligned columns (Chinese counts double), `field: value` lines, JSON."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from crm_desktop.core.domain.money import Money
from crm_desktop.core.i18n import _

Row = Sequence[object]
MAX_CELL = 48


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of text"))


def display_width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    """Terminal columns: wide and full-width characters (Chinese) take two, accents none."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def clip(text: str, limit: int = MAX_CELL) -> str:
    """At most `limit` display columns, on one line, ending in … when cut."""
    flat = " ".join(text.split())
    if display_width(flat) <= limit:
        return flat
    kept, used = [], 0
    for ch in flat:
        used += display_width(ch)
        if used > limit - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def table(headers: Sequence[str], rows: Iterable[Row]) -> None:
    cells = [[clip(cell_text(value)) for value in row] for row in rows]
    if not cells:
        print(_("Nothing found."))
        return
    lines = [list(headers), *cells]
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(headers))]
    for line in lines:
        padded = (text + " " * (width - display_width(text))
                  for text, width in zip(line, widths, strict=True))
        print("  ".join(padded).rstrip())


def fields(pairs: Iterable[tuple[str, object]]) -> None:
    for label, value in pairs:
        print(f"{label}: {cell_text(value)}".rstrip())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def local_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def money(amount: Decimal, currency: str, language: str) -> str:
    return Money.parse(amount, currency).format(language)


def as_json(data: Any) -> None:
    print(json.dumps(jsonable(data), ensure_ascii=False, indent=2))


def jsonable(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, dict):
        return {key: jsonable(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [jsonable(value) for value in data]
    if isinstance(data, (datetime, Decimal)):
        return data.isoformat() if isinstance(data, datetime) else str(data)
    return data


def report(args: argparse.Namespace, record: Any, message: str) -> None:
    """A mutation's result: the record as JSON with `--json`, else a one-line confirmation."""
    if getattr(args, "json", False):
        as_json(record)
    else:
        print(message)


def notice(message: str) -> None:
    """Side remarks and warnings go to stderr, so stdout stays clean for JSON and pipes."""
    print(message, file=sys.stderr)

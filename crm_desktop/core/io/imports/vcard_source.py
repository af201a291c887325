"""vCard 2.1, 3.0 and 4.0 files as phones and address books export them: quoted-printable with
CHARSET parameters (older Android and Nokia phones), folded lines, `item1.` groups with custom
labels (Apple), several cards per file. Photos are left out: a CRM contact has no picture.

Each card becomes one row whose cells are named after the import's target fields, so a vCard
needs no column mapping."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from crm_desktop.core.errors import ImportEncodingError, ImportVcardError
from crm_desktop.core.i18n import _
from crm_desktop.core.io.imports.csv_source import detect_encoding
from crm_desktop.core.io.imports.source import ReadOptions, Source, SourceRow

CARD_FIELDS = ("full_name", "family_name", "given_name", "company_name", "title", "emails",
               "phones", "addresses", "birthday", "note", "tags")
TYPE_LABELS = {"cell": "mobile", "mobile": "mobile", "work": "work", "home": "home",
               "fax": "fax", "main": "main", "pager": "pager", "iphone": "mobile"}
APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
LINE_NUMBER = re.compile(r"At line (\d+)")
GB_CHARSETS = re.compile(r"CHARSET=(?:GB2312|GBK|GB_2312-80|CP936)", re.IGNORECASE)  # GB18030 reads them all
PHOTO_LINE = re.compile(r"^(?:item\d+\.)?(?:PHOTO|LOGO)[;:]", re.IGNORECASE)


def read_vcard(path: Path, data: bytes, options: ReadOptions) -> Source:
    import vobject  # only a vCard import pays for vobject

    encoding = options.encoding or detect_encoding(path, data)
    try:
        text = data.decode(encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    except LookupError:
        raise ImportEncodingError(path=str(path), line=1, encoding=encoding) from None
    text = _without_photos(GB_CHARSETS.sub("CHARSET=GB18030", text))
    starts = [n for n, line in enumerate(text.split("\n"), start=1)
              if line.strip().upper() == "BEGIN:VCARD"]
    try:
        cards = list(vobject.readComponents(text, allowQP=True))
    except (UnicodeDecodeError, LookupError, ValueError) as exc:  # a value in a broken charset
        line = starts[-1] if starts else 1
        raise ImportVcardError(path=str(path), line=line, reason=_("a value cannot be decoded ({reason}).")
                               .format(reason=type(exc).__name__)) from None
    except vobject.base.ParseError as exc:
        unclosed = "never closed" in str(exc)
        line = starts[-1] if unclosed and starts else _line_of(exc)
        raise ImportVcardError(path=str(path), line=line, reason=_reason(unclosed)) from None
    rows = tuple(SourceRow(starts[i] if i < len(starts) else 1, card_cells(card))
                 for i, card in enumerate(cards) if card.name.upper() == "VCARD")
    return Source(path, "vcard", CARD_FIELDS, rows, encoding=encoding)


def _without_photos(text: str) -> str:
    """Photos are not kept; leaving them out also spares a broken one refusing the whole file.
    A photo is its PHOTO line and the folded lines (starting with a space) after it."""
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if skipping and line[:1] in (" ", "\t"):
            continue
        skipping = PHOTO_LINE.match(line) is not None
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _line_of(exc: Exception) -> int:
    found = LINE_NUMBER.search(str(exc))
    return int(found.group(1)) if found else int(getattr(exc, "lineNumber", 0) or 1)


def _reason(unclosed: bool) -> str:
    if unclosed:
        return _("the card that begins here has no END:VCARD line.")
    return _("this line cannot be read (a continued line must begin with a space).")


def card_cells(card: Any) -> dict[str, str]:
    lines = {name.lower(): items for name, items in card.contents.items()}
    labels = _group_labels(card)
    cells = {"full_name": _first_text(lines, "fn"),
             "company_name": _org(lines), "title": _first_text(lines, "title"),
             "emails": "\n".join(_labelled(line, labels) for line in lines.get("email", [])),
             "phones": "\n".join(_labelled(line, labels) for line in lines.get("tel", [])),
             "addresses": _addresses(lines.get("adr", [])),
             "birthday": _birthday(lines), "note": _first_text(lines, "note"),
             "tags": "\n".join(_categories(lines))}
    if "n" in lines:
        name = lines["n"][0].value
        cells["family_name"] = _text(getattr(name, "family", ""))
        cells["given_name"] = " ".join(p for p in (_text(getattr(name, "given", "")),
                                                   _text(getattr(name, "additional", ""))) if p)
    return cells


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(str(v).strip() for v in value if str(v).strip())
    return str(value or "").strip()


def _first_text(lines: dict[str, list[Any]], name: str) -> str:
    return _text(lines[name][0].value) if lines.get(name) else ""


def _birthday(lines: dict[str, list[Any]]) -> str:
    """Apple writes a birthday without its year as the year 1604 (X-APPLE-OMIT-YEAR)."""
    text = _first_text(lines, "bday")
    return "" if text.startswith("1604") else text


def _org(lines: dict[str, list[Any]]) -> str:
    if not lines.get("org"):
        return ""
    value = lines["org"][0].value
    return _text(value[0] if isinstance(value, list) and value else value)


def _group_labels(card: Any) -> dict[str, str]:
    """Apple writes a custom label as `item1.X-ABLabel:…` beside `item1.TEL:…`."""
    labels = {}
    for line in card.getChildren():
        if line.name.upper() == "X-ABLABEL" and line.group:
            text = str(line.value).strip()
            found = APPLE_LABEL.match(text)
            labels[line.group.lower()] = (found.group(1) if found else text).lower()
    return labels


def _labelled(line: Any, labels: dict[str, str]) -> str:
    value = _text(line.value).removeprefix("tel:").removeprefix("mailto:")
    label = labels.get((line.group or "").lower()) or _type_label(line)
    return f"{label}: {value}" if label else value


def _type_label(line: Any) -> str:
    types = [t.lower() for raw in line.params.get("TYPE", []) for t in raw.split(",")]
    types += [t.lower() for t in line.singletonparams]
    return next((TYPE_LABELS[t] for t in types if t in TYPE_LABELS), "")


def _addresses(lines: list[Any]) -> str:
    found = []
    for line in lines:
        adr = line.value
        found.append({"label": _type_label(line), "street": _text(getattr(adr, "street", "")),
                      "city": _text(getattr(adr, "city", "")),
                      "region": _text(getattr(adr, "region", "")),
                      "postcode": _text(getattr(adr, "code", "")),
                      "country": _text(getattr(adr, "country", ""))})
    return json.dumps(found, ensure_ascii=False) if found else ""


def _categories(lines: dict[str, list[Any]]) -> list[str]:
    tags: list[str] = []
    for line in lines.get("categories", []):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        tags += [str(v).strip() for v in values if str(v).strip()]
    return tags

"""The window's Simplified Chinese (Qt .ts/.qm) is complete, in sync with the code, and loads."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "crm_desktop_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%[0-9n]")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qt_translations", ROOT / "scripts" / "qt_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    found = [(context.findtext("name", ""), message)
             for context in root.iter("context") for message in context.iter("message")]
    assert len(found) > 200
    return found


def test_committed_ts_lists_every_message_of_the_code(tmp_path: Path) -> None:
    """Running the extraction over a copy of the committed .ts finds no new message."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    output = _script().extract(target=copy)
    assert re.search(r"\(0 new and \d+ already existing\)", output), output


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    """No message is unfinished or empty, and each keeps exactly the %1/%2/%n of its source."""
    problems: list[tuple[str, str, str, object]] = []
    for context, message in _messages():
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
            if len(texts) != 1:  # Chinese has a single plural form
                problems.append((context, source, "numerus forms", len(texts)))
        else:
            texts = [translation.text or ""]
        if translation.get("type") is not None:
            problems.append((context, source, "type", translation.get("type")))
        for text in texts:
            if not text.strip():
                problems.append((context, source, "empty", text))
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append((context, source, "placeholders", text))
    assert problems == []


def test_committed_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    """The committed .qm is byte-for-byte what compiling the committed .ts gives."""
    fresh = tmp_path / QM.name
    _script().build(source=TS, target=fresh)
    assert fresh.read_bytes() == QM.read_bytes()


@pytest.fixture
def chinese(qapp) -> Iterator[QTranslator]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_installed_qm_turns_the_window_chinese(chinese: QTranslator) -> None:
    """With the .qm installed, the unlock button's text is Chinese."""
    text = QCoreApplication.translate("UnlockView", "Unlock")
    assert text != "Unlock"
    assert re.search(r"[\u4e00-\u9fff]", text)


EN_TS = TS.with_name("crm_desktop_en.ts")


def test_english_plural_catalog_is_in_sync_and_built(tmp_path: Path) -> None:
    """Every counted message has English singular and plural forms, and the .qm is current."""
    copy = tmp_path / EN_TS.name
    shutil.copyfile(EN_TS, copy)
    _script().extract(target=copy, plurals_only=True)
    assert copy.read_text(encoding="utf-8") == EN_TS.read_text(encoding="utf-8")
    forms = [len(m.findall("translation/numerusform")) for m in ET.parse(EN_TS).iter("message")]
    assert forms and set(forms) == {2}
    fresh = tmp_path / "en.qm"
    _script().build(source=EN_TS, target=fresh)
    assert fresh.read_bytes() == EN_TS.with_suffix(".qm").read_bytes()


def test_english_counts_read_naturally(qapp) -> None:  # type: ignore[no-untyped-def]
    """English says '1 contact' and '2 contacts', not '1 contact(s)'."""
    translator = QTranslator()
    assert translator.load(str(EN_TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    try:
        one = QCoreApplication.translate("ContactsPage", "%n contact(s)", "", 1)
        two = QCoreApplication.translate("ContactsPage", "%n contact(s)", "", 2)
    finally:
        qapp.removeTranslator(translator)
    assert (one, two) == ("1 contact", "2 contacts")

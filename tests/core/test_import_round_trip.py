"""Our own exports come back without loss: export, import into another workspace, compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import Address, ContactCreate, ContactRead, Labeled
from crm_desktop.core.io.imports.source import ReadOptions
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.import_support import contacts_by_name

COMPARED = ("display_name", "family_name", "given_name", "name_order", "company_name", "title",
            "emails", "phones", "addresses", "birthday", "lead_source", "lifecycle_stage",
            "marketing_consent", "consent_date", "consent_source", "owner", "custom_fields", "tags")


def _people(crm: Crm) -> None:
    crm.contacts.add(ContactCreate(
        family_name="欧阳", given_name="娜娜", company_name="北京星光科技", title="=采购经理",
        emails=[Labeled(label="工作: 主", value="nana@example.com"), Labeled(value="n2@example.com")],
        phones=[Labeled(label="mobile", value="+8613800138000")],
        addresses=[Address(label="work", street="中关村大街1号, 3层", city="北京", postcode="100080")],
        birthday="1985-03-12", lead_source="展会", lifecycle_stage="customer",
        marketing_consent=True, consent_date="2026-01-05", consent_source="展会登记表",
        owner="小王", custom_fields={"微信": "nana_88", "备注, 带逗号": "a\nb"},
        tags=["VIP", "北京, 海淀"]))
    crm.contacts.add(ContactCreate(display_name="Anna Smith", given_name="Anna", family_name="Smith",
                                   name_order="western", phones=[Labeled(value="+14155550100")]))


def _fields(contact: ContactRead) -> dict[str, object]:
    return {name: getattr(contact, name) for name in COMPARED}


@pytest.fixture
def second(template_workspace: tuple[Path, str], tmp_path: Path) -> Crm:
    """Another fresh workspace to import into."""
    import shutil

    target = AppPaths.under(tmp_path / "second")
    shutil.copytree(template_workspace[0], target.root)
    return open_crm(target, Vault(target, MemoryKeyStore()).unlock(PASSPHRASE), actor="tester")


@pytest.mark.parametrize(("kind", "encoding"), [("csv", "utf-8-sig"), ("csv", "gbk"), ("xlsx", "")])
def test_export_then_import_gives_the_same_contacts(crm: Crm, second: Crm, tmp_path: Path,
                                                    kind: str, encoding: str) -> None:
    """Every field of every contact — labels with colons, tags with commas, custom fields, a
    title a spreadsheet would take for a formula — survives CSV (UTF-8 or GBK) and .xlsx."""
    _people(crm)
    path = tmp_path / f"contacts.{kind}"
    if kind == "csv":
        crm.exports.contacts_csv(path, encoding=encoding)
    else:
        crm.exports.contacts_xlsx(path)
    plan = second.imports.preview(second.imports.read(path, ReadOptions()))
    assert plan.counts() == {"create": 2, "update": 0, "skip": 0, "invalid": 0}
    second.imports.run(plan)
    before, after = contacts_by_name(crm), contacts_by_name(second)
    assert {name: _fields(c) for name, c in after.items()} == {name: _fields(c) for name, c in before.items()}
    second.close()


def test_reimporting_an_edited_export_updates_by_id(crm: Crm, tmp_path: Path) -> None:
    """Our export re-imported into the same workspace matches by id: unchanged rows are skipped,
    an edited cell updates that contact."""
    _people(crm)
    path = tmp_path / "contacts.csv"
    crm.exports.contacts_csv(path)
    assert crm.imports.preview(crm.imports.read(path)).counts()["skip"] == 2
    text = path.read_text(encoding="utf-8-sig").replace("展会登记表", "官网")
    path.write_text(text, encoding="utf-8-sig")
    plan = crm.imports.preview(crm.imports.read(path))
    assert plan.counts()["update"] == 1
    crm.imports.run(plan)
    assert contacts_by_name(crm)["欧阳娜娜"].consent_source == "官网"


def test_exported_vcard_imports_names_phones_and_emails(crm: Crm, second: Crm, tmp_path: Path) -> None:
    """Our vCard 3.0 export read back gives the same names, labelled phones and emails."""
    _people(crm)
    path = tmp_path / "contacts.vcf"
    crm.exports.contacts_vcard(path)
    second.imports.run(second.imports.preview(second.imports.read(path)))
    nana = contacts_by_name(second)["欧阳娜娜"]
    assert (nana.family_name, nana.given_name, nana.company_name) == ("欧阳", "娜娜", "北京星光科技")
    assert {e.value for e in nana.emails} == {"nana@example.com", "n2@example.com"}
    assert [p.value for p in nana.phones] == ["+8613800138000"]
    second.close()

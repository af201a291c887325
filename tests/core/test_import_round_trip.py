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


def _everything(crm: Crm) -> None:
    """Contacts plus a company, a deal at a stage, a service log, a reminder, notes and tags."""
    from datetime import UTC, datetime, timedelta

    from crm_desktop.core.domain.models import (
        CompanyCreate,
        DealCreate,
        NoteCreate,
        ReminderCreate,
        ServiceCreate,
    )

    _people(crm)
    nana = contacts_by_name(crm)["欧阳娜娜"]
    company = crm.companies.add(CompanyCreate(name="上海海鸥贸易", industry="贸易", tags=["供应商"])).value
    stage = crm.deals.stages()[2]
    deal = crm.deals.add(DealCreate(title="年度采购", contact_id=nana.id, company_id=company.id,
                                    stage=stage.id, amount="12000.50", tags=["大单"])).value
    log = crm.service.add(ServiceCreate(subject="投诉：发货慢", contact_id=nana.id, status="resolved")).value
    crm.reminders.add(ReminderCreate(title="回访", contact_id=nana.id, deal_id=deal.id,
                                     service_log_id=log.id, rrule="FREQ=WEEKLY",
                                     timezone="Asia/Shanghai",
                                     due_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC) + timedelta(days=1)))
    crm.notes.add(NoteCreate(body="电话沟通，报价已发", contact_id=nana.id, deal_id=deal.id))


def test_workspace_json_export_imports_into_an_empty_workspace(crm: Crm, second: Crm,
                                                                tmp_path: Path) -> None:
    """The whole-workspace JSON brings every record back, links intact (deal → contact, company,
    stage by name; reminder → deal and service log), as one undoable import."""
    _everything(crm)
    path = tmp_path / "workspace.json"
    crm.exports.workspace_json(path)
    source = second.imports.read(path)
    assert source.format == "json"
    result = second.imports.run(second.imports.preview(source)).value
    assert result.created == 2
    assert {name: _fields(c) for name, c in contacts_by_name(second).items()} == \
        {name: _fields(c) for name, c in contacts_by_name(crm).items()}
    nana = contacts_by_name(second)["欧阳娜娜"]
    (deal,) = second.deals.page()
    assert (deal.title, deal.amount, deal.contact_id, deal.stage_name, set(deal.tags)) == (
        "年度采购", crm.deals.page()[0].amount, nana.id, crm.deals.page()[0].stage_name, {"大单"})
    assert second.companies.get(deal.company_id or "").industry == "贸易"
    (reminder,) = second.reminders.page()
    assert (reminder.deal_id, reminder.rrule, reminder.timezone) == (deal.id, "FREQ=WEEKLY", "Asia/Shanghai")
    assert [n.body for n in second.notes.for_record(nana.id)] == [n.body for n in crm.notes.for_record(nana.id)]
    assert len(second.deals.stages()) == len(crm.deals.stages())  # matched by name, not doubled
    assert [h.title for h in second.search("海鸥")] == ["上海海鸥贸易"]
    again = second.imports.preview(second.imports.read(path))
    assert again.counts()["create"] == 0  # everything is already here
    second.imports.undo(result.batch_id)
    assert second.contacts.count() == 0 and second.deals.page() == []
    second.close()


def test_a_foreign_json_file_is_refused(crm: Crm, tmp_path: Path) -> None:
    """A JSON file that is not our workspace export says so; broken JSON names its line."""
    from crm_desktop.core.errors import ImportJsonError, ImportNotOursError

    other = tmp_path / "contacts.json"
    other.write_text('{"people": []}', encoding="utf-8")
    with pytest.raises(ImportNotOursError):
        crm.imports.read(other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "crm-desktop-workspace",\n "version": 1,\n "contacts": [\n', encoding="utf-8")
    with pytest.raises(ImportJsonError) as raised:
        crm.imports.read(broken)
    assert "line 4" in str(raised.value)

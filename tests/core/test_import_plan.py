"""Preview before writing, one batch for the whole import, duplicates, updates and undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ContactUpdate, Labeled
from crm_desktop.core.errors import ImportAlreadyUndoneError, ImportBatchError
from crm_desktop.core.io.imports.mapping import ColumnMap
from tests.core.import_support import contacts_by_name, fixture, import_file, write

HEADER = "姓名,手机,邮箱,公司,职位\n"


def test_preview_writes_nothing_and_names_every_row(crm: Crm, tmp_path: Path) -> None:
    """The preview says what each row would do, by line, and the workspace is unchanged."""
    path = write(tmp_path, "a.csv", HEADER + "张三,13800000001,zs@example.com,,\n"
                 "李四,12,,,\n张 三,13800000001,,,\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert [(row.line, row.action) for row in plan.rows] == [(2, "create"), (3, "invalid"), (4, "skip")]
    assert "'12' is not a valid phone number." in str(plan.rows[1].reasons[0])
    assert "line 2" in str(plan.rows[2].reasons[0])
    assert crm.contacts.count() == 0


def test_matching_contact_is_updated_and_a_reimport_changes_nothing(crm: Crm, tmp_path: Path) -> None:
    """Same email → the contact is updated with the file's new values, its other phones kept;
    importing the same file again skips every row."""
    kept = crm.contacts.add(ContactCreate(display_name="王五", emails=[Labeled(value="ww@example.com")],
                                          phones=[Labeled(label="home", value="010 1234 5678")])).value
    path = write(tmp_path, "a.csv", HEADER + "王五,13800000005,WW@example.com,五金店,店主\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert (plan.rows[0].action, plan.rows[0].contact_id) == ("update", kept.id)
    crm.imports.run(plan)
    updated = crm.contacts.get(kept.id)
    assert (updated.title, updated.company_name) == ("店主", "五金店")
    assert [p.value for p in updated.phones] == ["+861012345678", "+8613800000005"]
    again = crm.imports.preview(crm.imports.read(path))
    assert again.counts() == {"create": 0, "update": 0, "skip": 1, "invalid": 0}
    assert crm.contacts.count() == 1


def test_import_is_one_batch_and_undo_removes_exactly_it(crm: Crm, tmp_path: Path) -> None:
    """Undo of an import puts its new contacts in the recycle bin and sets its updates back,
    even after later changes; contacts from before stay; undoing twice is refused."""
    before = crm.contacts.add(ContactCreate(display_name="老客户", emails=[Labeled(value="old@example.com")])).value
    path = write(tmp_path, "a.csv", HEADER + "新甲,13800000011,,,\n新乙,13800000012,,,\n"
                 "老客户,,old@example.com,,顾问\n")
    result = import_file(crm, path)
    assert (result.created, result.updated) == (2, 1)
    later = crm.contacts.add(ContactCreate(display_name="后来的")).value
    undone = crm.imports.undo(result.batch_id).value
    assert undone.batch_id == result.batch_id
    assert set(contacts_by_name(crm)) == {"老客户", "后来的"}
    assert crm.contacts.get(before.id).title == ""
    assert {item.label for item in crm.trash.list()} >= {"新甲", "新乙"}
    assert crm.search("新甲") == []
    assert crm.contacts.get(later.id)
    with pytest.raises(ImportAlreadyUndoneError):
        crm.imports.undo(result.batch_id)
    with pytest.raises(ImportBatchError):
        crm.imports.undo("no-such-batch")


def test_undo_keeps_a_field_changed_again_after_the_import(crm: Crm, tmp_path: Path) -> None:
    """A field someone changed after the import keeps the newer value when the import is undone."""
    kept = crm.contacts.add(ContactCreate(display_name="赵六", emails=[Labeled(value="z6@example.com")])).value
    path = write(tmp_path, "a.csv", HEADER + "赵六,,z6@example.com,,经理\n")
    result = import_file(crm, path)
    crm.contacts.update(kept.id, ContactUpdate(title="总经理"))
    crm.imports.undo(result.batch_id)
    assert crm.contacts.get(kept.id).title == "总经理"


def test_imported_contacts_are_searchable_by_name_pinyin_and_phone(crm: Crm) -> None:
    """Bulk-written contacts are in the search index like contacts added one by one."""
    import_file(crm, fixture("excel-gbk.csv"))
    assert [h.title for h in crm.search("欧阳")] == ["欧阳娜娜"]
    assert "欧阳娜娜" in [h.title for h in crm.search("ouyang")]
    assert [h.title for h in crm.search("13800138000")] == ["欧阳娜娜"]


def test_undo_of_the_last_change_also_takes_back_an_import(crm: Crm) -> None:
    """Ctrl+Z right after an import takes the whole import back (it is one batch)."""
    import_file(crm, fixture("wps-utf8-bom.csv"))
    assert crm.undo().value.action == "import"
    assert crm.contacts.count() == 0


def test_a_saved_mapping_is_used_for_the_next_file(crm: Crm, tmp_path: Path) -> None:
    """A mapping saved under a name maps the same columns next time; unknown names are refused."""
    path = write(tmp_path, "a.csv", "客户,微信号,Mobile\n钱七,qian7,13800000077\n")
    source = crm.imports.read(path)
    chosen = {"客户": "full_name", "微信号": "custom"}
    mapping = tuple(ColumnMap(m.column, chosen.get(m.column, m.field), m.label)
                    for m in crm.imports.suggest(source))
    crm.imports.save_mapping("微信名单", mapping)
    assert list(crm.imports.mappings()) == ["微信名单"]
    crm.imports.run(crm.imports.preview(source, crm.imports.mapping("微信名单", source)))
    assert contacts_by_name(crm)["钱七"].custom_fields == {"微信号": "qian7"}
    from crm_desktop.core.errors import MappingNameError

    with pytest.raises(MappingNameError):
        crm.imports.mapping("nope", source)


def test_similar_name_at_the_same_company_is_flagged_not_merged(crm: Crm, tmp_path: Path) -> None:
    """张 伟 at 五金店 next to an existing 张伟 at 五金店 is created, with a note naming 张伟;
    the same name at another company is not flagged."""
    crm.contacts.add(ContactCreate(display_name="张伟", company_name="五金店"))
    path = write(tmp_path, "a.csv", HEADER + "张 伟,13800000021,,五金店,\n张伟,13800000022,,花店,\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert [row.action for row in plan.rows] == ["create", "create"]
    assert "possibly the same person as 张伟" in str(plan.rows[0].reasons[0])
    assert plan.rows[1].reasons == []
    crm.imports.run(plan)
    assert crm.contacts.count() == 3


def test_a_shared_phone_with_another_name_is_a_new_contact(crm: Crm, tmp_path: Path) -> None:
    """A row sharing an office phone with 张伟 under another name becomes its own contact, and
    张伟 keeps his fields; the same name with the shared phone updates him."""
    zhang = crm.contacts.add(ContactCreate(display_name="张伟", title="工程师",
                                           phones=[Labeled(value="010 6234 5678")])).value
    path = write(tmp_path, "a.csv", HEADER + "欧阳娜娜,010-62345678,nana@example.com,,采购经理\n"
                 "王芳,010-62345678,wangfang@example.com,,会计\n张 伟,010-62345678,zw@example.com,,\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert [row.action for row in plan.rows] == ["create", "create", "update"]
    assert str(plan.rows[0].reasons[0]) == ("shares a phone number with 张伟, but the names differ: "
                                            "created as a new contact.")
    assert str(plan.rows[2].reasons[0]) == "updates 张伟 (same phone number): Emails."
    crm.imports.run(plan)
    assert crm.contacts.get(zhang.id).title == "工程师"
    assert {c.display_name for c in crm.contacts.page()} == {"张伟", "欧阳娜娜", "王芳"}


def test_a_numbered_id_column_is_not_taken_for_our_ids(crm: Crm, tmp_path: Path) -> None:
    """A spreadsheet's own ID column (1, 2, 3…) neither matches contacts nor skips rows."""
    path = write(tmp_path, "ids.csv", "ID,Name,Phone\n1,Anna,13800138001\n2,Bob,13800138002\n"
                 "3,Carl,13800138003\n4,Dora,13800138004\n")
    assert crm.imports.preview(crm.imports.read(path)).counts()["create"] == 4


def test_undo_keeps_what_later_changes_still_use(crm: Crm, tmp_path: Path) -> None:
    """A company and a tag the import created but a contact typed later also uses, and an
    imported contact that a later merge moved a deal onto, stay when the import is undone."""
    from crm_desktop.core.domain.models import DealCreate

    path = write(tmp_path, "a.csv", "Name,Email,Company,Tags\nAnna Smith,anna@example.com,Acme Ltd,VIP\n"
                 "Bob,bob@example.com,,\n")
    result = import_file(crm, path)
    xavier = crm.contacts.add(ContactCreate(display_name="Xavier", company_name="Acme Ltd", tags=["VIP"])).value
    old = crm.contacts.add(ContactCreate(display_name="Bob", emails=[Labeled(value="bob.old@example.com")])).value
    crm.deals.add(DealCreate(title="Old deal", contact_id=old.id))
    bob = next(c for c in crm.contacts.page() if c.primary_email == "bob@example.com")
    crm.duplicates.merge(bob.id, old.id)
    crm.imports.undo(result.batch_id)
    kept = crm.contacts.get(xavier.id)
    assert (kept.company_name, kept.tags) == ("Acme Ltd", ("VIP",))
    assert crm.contacts.get(bob.id).display_name == "Bob"  # the merge's deal still has its contact
    assert [c.display_name for c in crm.contacts.page()] == ["Bob", "Xavier"]

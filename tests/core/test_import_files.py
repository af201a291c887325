"""Importing the files people really have: what lands in the workspace, field by field."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from crm_desktop.core.crm import Crm
from tests.core.import_support import contacts_by_name, fixture, import_file


def _phones(contact) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.label, p.value) for p in contact.phones]


def test_chinese_excel_gbk_csv_lands_field_by_field(crm: Crm) -> None:
    """A GBK CSV from Chinese Excel: names split (欧阳 is one family name), phones in +86 form,
    Excel's 1985/3/12 and 1990年7月1日 dates, company linked, tags and the note kept."""
    source = crm.imports.read(fixture("excel-gbk.csv"))
    assert (source.encoding, source.delimiter) == ("gb18030", ",")
    result = crm.imports.run(crm.imports.preview(source)).value
    assert (result.created, result.invalid) == (3, 0)
    found = contacts_by_name(crm)
    nana = found["欧阳娜娜"]
    assert (nana.family_name, nana.given_name, nana.name_order) == ("欧阳", "娜娜", "eastern")
    assert _phones(nana) == [("mobile", "+8613800138000"), ("work", "+861062345678")]
    assert nana.primary_email == "nana.ouyang@example.com"
    assert (nana.company_name, nana.title, nana.birthday) == ("北京星光科技有限公司", "采购经理", "1985-03-12")
    assert nana.addresses[0].street == "北京市海淀区中关村大街1号, 3层"
    assert set(nana.tags) == {"VIP", "展会"}
    assert crm.notes.for_record(nana.id)[0].body == '第一次在展会上认识，"很有兴趣"'
    assert found["张伟"].birthday == "1990-07-01"
    assert found["张伟"].company_id == nana.company_id  # one company, not two
    assert (found["司马光"].family_name, found["司马光"].given_name) == ("司马", "光")


def test_wps_utf8_with_bom_and_a_semicolon_csv(crm: Crm) -> None:
    """A BOM does not end up in the first header; semicolons are found; quoted ';' stays in a value."""
    import_file(crm, fixture("wps-utf8-bom.csv"))
    import_file(crm, fixture("excel-semicolon.csv"))
    found = contacts_by_name(crm)
    assert found["李娜"].company_name == "上海海鸥贸易"
    assert _phones(found["王芳"]) == [("", "+862162345678")]
    assert found["Anna Smith"].company_name == "Smith; Sons"
    assert (found["Jürgen Müller"].family_name, found["Jürgen Müller"].primary_phone) == ("Müller", "+49301234567")


def test_big5_csv_from_taiwan_reads_as_traditional_chinese(crm: Crm) -> None:
    """Big5 is detected (not mistaken for Korean) and numbers follow the default region."""
    crm.settings.update(default_region="TW")
    source = crm.imports.read(fixture("excel-big5.csv"))
    assert source.encoding == "big5hkscs"
    import_file(crm, fixture("excel-big5.csv"))
    found = contacts_by_name(crm)
    assert found["陳大文"].company_name == "台灣貿易股份有限公司"
    assert found["陳大文"].primary_phone == "+886912345678"


def test_google_contacts_export_is_recognised_and_mapped(crm: Crm) -> None:
    """Google's numbered columns pair each value with its label column; its system groups are
    not tags; a birthday without a year is left out instead of refusing the row."""
    source = crm.imports.read(fixture("google-contacts.csv"))
    mapped = {m.column: m.field for m in crm.imports.suggest(source)}
    assert mapped["E-mail 1 - Value"] == "email" and mapped["E-mail 1 - Label"] == ""
    assert import_file(crm, fixture("google-contacts.csv")).created == 2
    wei = contacts_by_name(crm)["Wei Zhang"]
    assert [(e.label, e.value) for e in wei.emails] == [("work", "wei.zhang@acme.example"),
                                                        ("home", "zw@example.com")]
    assert _phones(wei) == [("mobile", "+8613800138001"), ("work", "+861062345679")]
    assert (wei.company_name, wei.title, wei.birthday, wei.tags) == ("Acme Trading", "Buyer", "1988-05-06", ("VIP",))
    assert contacts_by_name(crm)["Anna Smith"].birthday is None


def test_outlook_gbk_export_maps_job_title_not_the_courtesy_title(crm: Crm) -> None:
    """Outlook's "Title" (先生) is not the job title; its business address parts form one address."""
    import_file(crm, fixture("outlook-gbk.csv"))
    liu = contacts_by_name(crm)["刘小明"]
    assert (liu.title, liu.company_name, liu.birthday) == ("销售总监", "深圳华南电子", "1979-02-03")
    assert _phones(liu) == [("work", "+861088886666"), ("mobile", "+8613912345678")]
    address = liu.addresses[0]
    assert (address.label, address.street, address.city, address.region, address.postcode) == (
        "work", "科技园南路 8 号", "深圳", "广东", "518000")
    assert set(liu.tags) == {"经销商", "华南"}


def test_android_vcard_21_quoted_printable_chinese(crm: Crm) -> None:
    """vCard 2.1 from an Android phone: quoted-printable UTF-8 with soft line breaks, bare TYPE
    parameters, a photo that is left out."""
    assert import_file(crm, fixture("android-2.1.vcf")).created == 2
    zhuge = contacts_by_name(crm)["诸葛明亮"]
    assert (zhuge.family_name, zhuge.given_name, zhuge.company_name) == ("诸葛", "明亮", "成都蜀汉商贸")
    assert _phones(zhuge) == [("mobile", "+8613800138111"), ("work", "+8675588889999")]
    assert zhuge.birthday == "1981-04-23"
    assert crm.notes.for_record(zhuge.id)[0].body == "老客户，每年春节前下单。喜欢电话联系"
    assert contacts_by_name(crm)["Lucy"].primary_phone == "+14155550199"


def test_iphone_vcard_30_with_custom_labels_and_folded_lines(crm: Crm) -> None:
    """Apple's item1.X-ABLabel becomes the phone's label; folded lines are joined; ORG's first part
    is the company; CATEGORIES are tags."""
    import_file(crm, fixture("iphone-3.0.vcf"))
    huang = contacts_by_name(crm)["黄小龙"]
    assert _phones(huang) == [("门店", "+862081234567"), ("mobile", "+8613500002222")]
    assert (huang.company_name, huang.title) == ("广州岭南茶行", "店长")
    assert huang.addresses[0].city == "广州"
    assert set(huang.tags) == {"茶叶", "VIP"}
    assert "folds it over two lines" in crm.notes.for_record(huang.id)[0].body


def test_vcard_40_tel_uri_and_basic_date(crm: Crm) -> None:
    """vCard 4.0's tel: URIs and 19850412 birthdays are understood."""
    import_file(crm, fixture("vcard-4.0.vcf"))
    marie = contacts_by_name(crm)["Marie Dupont"]
    assert (marie.primary_phone, marie.birthday) == ("+33123456789", "1985-04-12")


@pytest.mark.parametrize("sheet", [None, "客户"])
def test_xlsx_numbers_dates_and_a_chosen_sheet(crm: Crm, tmp_path: Path, sheet: str | None) -> None:
    """Phone numbers stored as numbers and dates stored as dates read as a person sees them."""
    from datetime import datetime

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Sheet1"
    first.append(["姓名", "手机", "生日"])
    first.append(["赵敏", 13800000001, datetime(1992, 8, 9)])
    second = book.create_sheet("客户")
    second.append(["姓名", "手机"])
    second.append(["周芷若", 13800000002])
    path = tmp_path / "客户名单.xlsx"
    book.save(path)
    from crm_desktop.core.io.imports.source import ReadOptions

    plan = crm.imports.preview(crm.imports.read(path, ReadOptions(sheet=sheet)))
    crm.imports.run(plan)
    found = contacts_by_name(crm)
    if sheet is None:
        assert (found["赵敏"].primary_phone, found["赵敏"].birthday) == ("+8613800000001", "1992-08-09")
    else:
        assert list(found) == ["周芷若"]

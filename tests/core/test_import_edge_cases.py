"""Files that broke the importer in review: each now imports correctly or gets a clear message."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain import rules
from crm_desktop.core.domain.models import Address, ContactCreate, DealCreate, Labeled
from crm_desktop.core.errors import ImportFileError, ValidationError
from crm_desktop.core.io.imports.source import ReadOptions
from tests.core.import_support import contacts_by_name, import_file, write


def test_reimporting_an_address_does_not_add_it_again(crm: Crm, tmp_path: Path) -> None:
    """An address already held (in the stored shape) is "nothing new" on every re-import."""
    crm.contacts.add(ContactCreate(display_name="Anna Smith", emails=[Labeled(value="anna@example.com")],
                                   addresses=[Address(street="1 Main St")]))
    path = write(tmp_path, "a.csv", "Name,Email,Address\nAnna Smith,anna@example.com,1 Main St\n")
    for _ in range(2):
        assert crm.imports.preview(crm.imports.read(path)).counts()["skip"] == 1
    assert len(contacts_by_name(crm)["Anna Smith"].addresses) == 1


def test_workspace_json_links_deals_to_the_contact_a_skipped_row_matched(crm: Crm, tmp_path: Path) -> None:
    """A contact already here (same email) is skipped, and its deal from the file joins it."""
    anna = crm.contacts.add(ContactCreate(display_name="Anna", emails=[Labeled(value="anna@example.com")])).value
    crm.deals.add(DealCreate(title="Big order", contact_id=anna.id))
    path = tmp_path / "all.json"
    crm.exports.workspace_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["contacts"][0]["id"] = "0190d1a2-0000-7000-8000-00000000abcd"  # another workspace's id
    document["deals"][0]["id"] = "0190d1a2-0000-7000-8000-00000000dea1"
    document["deals"][0]["contact_id"] = "0190d1a2-0000-7000-8000-00000000abcd"
    path.write_text(json.dumps(document), encoding="utf-8")
    plan = crm.imports.preview(crm.imports.read(path))
    assert plan.counts()["skip"] == 1
    crm.imports.run(plan)
    assert {d.title: d.contact_id for d in crm.deals.page()} == {"Big order": anna.id}


@pytest.mark.parametrize("content", [
    "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=CC=D5=86=B4\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAAA\r\nEND:VCARD\r\n",
])
def test_vcards_with_gbk_only_characters_or_a_broken_photo_import(crm: Crm, tmp_path: Path,
                                                                   content: str) -> None:
    """GB2312-labelled text with GBK-only characters (陶喆) reads as GB18030; a photo is dropped."""
    path = tmp_path / "a.vcf"
    path.write_bytes(content.encode("ascii"))
    assert import_file(crm, path).created == 1
    assert set(contacts_by_name(crm)) <= {"陶喆", "Anna"}


@pytest.mark.parametrize(("name", "data", "options"), [
    ("a.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n", ReadOptions(encoding="foo")),
    ("a.vcf", b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC\r\nEND:VCARD\r\n",
     ReadOptions()),
    ("a.csv", b"Name;Phone\nAnna;1\n", ReadOptions(delimiter=";;")),
])
def test_unreadable_values_and_bad_options_are_messages_not_tracebacks(crm: Crm, tmp_path: Path, name: str,
                                                                       data: bytes, options: ReadOptions) -> None:
    """An unknown encoding, a truncated UTF-8 value or a two-character delimiter: one clear error."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFileError):
        crm.imports.preview(crm.imports.read(path, options))


def test_truncated_xlsx_is_refused_cleanly(crm: Crm, tmp_path: Path) -> None:
    """A workbook whose sheet was cut off in a download is named as not a workbook."""
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机"])
    for i in range(50):
        book.active.append([f"客户{i}", 13800000000 + i])
    good = tmp_path / "good.xlsx"
    book.save(good)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)
    with pytest.raises(ImportFileError):
        crm.imports.read(broken)


def test_xlsx_title_row_and_a_wrong_size_record(crm: Crm, tmp_path: Path) -> None:
    """A title row above the columns is passed over; a wrong <dimension> still reads every row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名单 2024"])
    sheet.merge_cells("A1:C1")
    sheet.append(["姓名", "手机", "公司"])
    sheet.append(["赵敏", "13800000001", "明教"])
    sheet.append(["周芷若", "13800000002", "峨眉"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet_xml.index("<dimension")
    parts["xl/worksheets/sheet1.xml"] = (sheet_xml[:start] + '<dimension ref="A1"/>'
                                         + sheet_xml[sheet_xml.index("/>", start) + 2:]).encode()
    with zipfile.ZipFile(path, "w") as target:
        for filename, data in parts.items():
            target.writestr(filename, data)
    assert import_file(crm, path).created == 2
    assert contacts_by_name(crm)["赵敏"].company_name == "明教"


def test_export_headers_that_are_not_values_are_left_out(crm: Crm, tmp_path: Path) -> None:
    """Outlook's "E-mail Type"/"E-mail Display Name" and Google's phonetic names are not
    imported as emails or phones, so the rows stay valid."""
    path = write(tmp_path, "o.csv", "First Name,Last Name,Phonetic First Name,Mobile Phone,E-mail Address,"
                 "E-mail Type,E-mail Display Name\nAnna,Smith,Anna,+44 7700 900123,anna@example.com,SMTP,"
                 "Anna Smith (anna@example.com)\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert plan.counts()["create"] == 1


def test_apple_year_less_birthday_and_a_very_long_remark(crm: Crm, tmp_path: Path) -> None:
    """Apple's 1604 placeholder year is not a birthday; a 200,000-character remark is kept."""
    vcf = tmp_path / "a.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nBDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-03-12"
                   "\r\nEND:VCARD\r\n", encoding="utf-8")
    import_file(crm, vcf)
    assert contacts_by_name(crm)["Anna"].birthday is None
    csv_path = write(tmp_path, "long.csv", "Name,Note\nBob," + "x" * 200_000 + "\n")
    assert import_file(crm, csv_path).created == 1


@pytest.mark.parametrize("record", [{"display_name": 5}, {"display_name": "Eve", "emails": "eve@x.com"}])
def test_hand_edited_json_records_are_row_problems(crm: Crm, tmp_path: Path, record: dict[str, object]) -> None:
    """A contact record of the wrong shape is an invalid row with a message, not a crash."""
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"format": "crm-desktop-workspace", "version": 1,
                                "contacts": [{"id": "0190d1a2-0000-7000-8000-000000000123", **record}]}),
                    encoding="utf-8")
    plan = crm.imports.preview(crm.imports.read(path))
    assert plan.counts()["invalid"] == 1


def test_email_fast_path_leaves_special_domains_to_email_validator() -> None:
    """Special-use domains (.local, .test…) are judged by email-validator; punycode is decoded."""
    for address in ("a@printer.local", "x@shop.test", "a@b.invalid"):
        with pytest.raises(ValidationError):
            rules.email(address)
    assert rules.email("a@xn--fiqs8s.cn") == "a@中国.cn"

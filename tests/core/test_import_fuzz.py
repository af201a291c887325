"""Fuzzing the CSV and vCard importers: whatever the file holds, the import either refuses it
with an import error and writes nothing, or writes exactly the rows its preview accepted."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import CrmError, ImportFileError

CELL = st.one_of(st.text(max_size=12), st.sampled_from(
    ["张伟", "欧阳娜娜", "13800138000", "+86 139-0013-9000", "a@b.com", "bad@", "2024/1/2",
     "2024年2月30日", '"', '""', ",", ";", "\n", "\t", "\r", "=0D=0A", "::: x"]))
CSV_TEXT = st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=8).map(
    lambda rows: "姓名,手机,邮箱,生日,公司,标签\n" + "\n".join(",".join(r) for r in rows))
VCARD_LINE = st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "FN:张伟",
                     "N:张;伟;;;", "TEL;CELL:13800138000", "TEL:12", "EMAIL:x@y.z", "EMAIL:bad@",
                     "BDAY:--0102", "BDAY:1990-13-45", " folded", "item1.X-ABLabel:工作",
                     "NOTE;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=", "ORG:A;B", "PHOTO;ENCODING=b:AAAA"]),
    st.text(max_size=20))
VCARD_TEXT = st.lists(VCARD_LINE, min_size=1, max_size=14).map("\r\n".join)
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"])


def _import_or_refuse(crm: Crm, path: Path) -> None:
    before = crm.contacts.count()
    try:
        plan = crm.imports.preview(crm.imports.read(path))
    except ImportFileError:
        assert crm.contacts.count() == before
        return
    created = plan.counts()["create"]
    try:
        crm.imports.run(plan)
    except CrmError:  # a clean refusal (e.g. a row the service refuses) leaves nothing behind
        assert crm.contacts.count() == before
        return
    assert crm.contacts.count() == before + created


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=CSV_TEXT, encoding=ENCODINGS)
def test_csv_importer_never_crashes_or_half_imports(crm: Crm, tmp_path: Path, text: str,
                                                    encoding: str) -> None:
    """Random CSV text in any of the supported encodings imports cleanly or is refused cleanly."""
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _import_or_refuse(crm, path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=VCARD_TEXT)
def test_vcard_importer_never_crashes_or_half_imports(crm: Crm, tmp_path: Path, text: str) -> None:
    """Random vCard lines (broken folding, missing END, bad values) import or are refused cleanly."""
    path = tmp_path / "fuzz.vcf"
    path.write_bytes(text.encode("utf-8"))
    _import_or_refuse(crm, path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_named_csv_are_imported_or_refused(crm: Crm, tmp_path: Path, data: bytes) -> None:
    """Arbitrary bytes are never a crash."""
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    _import_or_refuse(crm, path)

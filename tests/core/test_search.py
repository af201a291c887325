"""The search index on a real SQLCipher file: Chinese, pinyin, phones, emails, accents, ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import Connection, create_engine

from crm_desktop.core.search import (
    KINDS,
    SearchDoc,
    create_schema,
    index_doc,
    index_many,
    remove_doc,
    search,
)
from crm_desktop.core.search.text import (
    compact_spellings,
    looks_like_phone,
    normalize,
    phone_digit_forms,
    pinyin_forms,
    query_terms,
)

RAW_KEY = "\"x'" + "11" * 32 + "'\""


def _connect(path: Path) -> Any:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = " + RAW_KEY)
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    """A connection to a fresh encrypted database with the search schema, in one transaction."""
    path = tmp_path / "search.db"
    engine = create_engine("sqlite://", creator=lambda: _connect(path),
                           module=sqlcipher3.dbapi2, hide_parameters=True)
    with engine.begin() as connection:
        create_schema(connection)
        yield connection
    engine.dispose()


def contact(row_id: str, name: str, **fields: Any) -> SearchDoc:
    return SearchDoc("contact", row_id, name, names=(name,), **fields)


def titles(conn: Connection, query: str, **options: Any) -> list[str]:
    return [hit.title for hit in search(conn, query, **options)]


ZHANG_WEI = contact("c1", "张伟", emails=("wang.li@example.com",), phones=("+8613800138000",))


# ---------------------------------------------------------------- Chinese and pinyin


@pytest.mark.parametrize("query", ["张", "伟", "张伟", "zhangwei", "zhang wei", "zw", "ZW",
                                   "Zhang Wei", "zhangw", "z"])
def test_chinese_name_is_found_by_characters_and_pinyin(conn: Connection, query: str) -> None:
    """张伟 is found by either character, both, full pinyin (joined or spaced) and initials."""
    index_many(conn, [ZHANG_WEI, contact("c2", "李娜")])
    assert titles(conn, query) == ["张伟"]


@pytest.mark.parametrize("query", ["明华", "阳明华", "欧阳", "华", "ouyang", "minghua", "oymh",
                                   "mh"])
def test_name_is_found_by_any_inner_substring(conn: Connection, query: str) -> None:
    """欧阳明华 is found by 1-3 character substrings from anywhere in the name, and by pinyin."""
    index_many(conn, [contact("c1", "欧阳明华"), contact("c2", "王芳")])
    assert titles(conn, query) == ["欧阳明华"]


@pytest.mark.parametrize("query", ["诸葛", "兰", "zhuge", "lan", "zg", "gl", "l", "g", "zhugelan"])
def test_contact_is_found_by_its_family_and_given_name(conn: Connection, query: str) -> None:
    """A contact indexed with its name parts (left out of the index as repeats of the full
    name) is still found by each part, its pinyin and its initials."""
    index_many(conn, [SearchDoc("contact", "c1", "诸葛兰", names=("诸葛兰", "诸葛", "兰")),
                      contact("c2", "王芳")])
    assert titles(conn, query) == ["诸葛兰"]


def test_chinese_words_in_long_text_are_found_from_two_characters(conn: Connection) -> None:
    """A 2-character Chinese word in a service log's description finds the log."""
    index_doc(conn, SearchDoc("service", "s1", "打印机故障", body="客户要求下周上门维修并报价"))
    assert titles(conn, "报价") == ["打印机故障"]
    assert titles(conn, "上门维修") == ["打印机故障"]
    assert titles(conn, "维修 报价") == ["打印机故障"]


def test_surnames_are_also_found_by_their_surname_reading(conn: Connection) -> None:
    """曾 reads zeng as a surname: 曾国藩 is found by zengguofan as well as pypinyin's ceng."""
    index_doc(conn, contact("c1", "曾国藩"))
    assert titles(conn, "zengguofan") == ["曾国藩"]
    assert titles(conn, "zgf") == ["曾国藩"]


def test_pinyin_is_not_indexed_for_long_text(conn: Connection) -> None:
    """Pinyin is for names: a note whose body says 张伟 is not found by zhangwei, but is by 张伟."""
    index_doc(conn, SearchDoc("note", "n1", "call back", body="张伟想要报价"))
    assert titles(conn, "zhangwei") == []
    assert titles(conn, "张伟") == ["call back"]


# ---------------------------------------------------------------- phones, emails, Latin text


@pytest.mark.parametrize("query", ["13800138000", "+86 138 0013 8000", "0013 8000",
                                   "138-0013-8000", "8613800138000", "(138) 0013 8000",
                                   "１３８００１３８０００", "138"])
def test_phone_is_found_by_any_digit_run(conn: Connection, query: str) -> None:
    """+8613800138000 is found by its national or international digits, however they are written."""
    index_many(conn, [ZHANG_WEI, contact("c2", "李娜", phones=("+14155552671",))])
    assert titles(conn, query) == ["张伟"]


def test_landline_is_found_with_its_trunk_prefix(conn: Connection) -> None:
    """A Beijing landline stored as +861012345678 is found as the user writes it: 010-1234-5678."""
    index_doc(conn, contact("c1", "王芳", phones=("+861012345678",)))
    assert titles(conn, "010-1234-5678") == ["王芳"]
    assert titles(conn, "1234 5678") == ["王芳"]


def test_one_or_two_digits_do_not_search_phones(conn: Connection) -> None:
    """Two digits are too short to mean a phone number: "13" finds nobody by phone."""
    index_doc(conn, ZHANG_WEI)
    assert titles(conn, "13") == []


@pytest.mark.parametrize("query", ["@example.co", "wang.li", "WANG.LI@EXAMPLE.COM", "example"])
def test_email_is_found_by_fragment(conn: Connection, query: str) -> None:
    """An email is found by any fragment of 3+ characters, in any case."""
    index_many(conn, [ZHANG_WEI, contact("c2", "李娜", emails=("lina@other.org",))])
    assert titles(conn, query) == ["张伟"]


@pytest.mark.parametrize("query", ["jose", "José", "JOSE", "garcia", "jo", "ga"])
def test_latin_text_is_found_regardless_of_case_and_accents(conn: Connection, query: str) -> None:
    """José García is found by jose, JOSE, garcia and word prefixes, accents or not."""
    index_many(conn, [contact("c1", "José García"), contact("c2", "Anna Müller")])
    assert titles(conn, query) == ["José García"]


def test_accents_in_the_query_are_ignored_too(conn: Connection) -> None:
    """A name stored without accents is found by an accented query: müller finds Muller."""
    index_doc(conn, contact("c1", "Anna Muller"))
    assert titles(conn, "müller") == ["Anna Muller"]


def test_all_terms_must_match(conn: Connection) -> None:
    """Several words narrow the search: "anna mu" finds Anna Müller, not Anna Smith."""
    index_many(conn, [contact("c1", "Anna Müller"), contact("c2", "Anna Smith")])
    assert titles(conn, "anna mu") == ["Anna Müller"]
    assert titles(conn, "müller anna") == ["Anna Müller"]


# ---------------------------------------------------------------- ranking and filters


def test_contacts_come_before_other_kinds(conn: Connection) -> None:
    """For one query a contact is listed first, then company, deal, service log and note."""
    index_many(conn, [
        SearchDoc("note", "n1", "明华来电", body="明华来电"),
        SearchDoc("service", "s1", "明华打印机故障"),
        SearchDoc("deal", "d1", "明华年度采购", names=("明华年度采购",)),
        SearchDoc("company", "o1", "明华科技", names=("明华科技",)),
        contact("c1", "欧阳明华"),
    ])
    assert [hit.kind for hit in search(conn, "明华")] == list(KINDS)


def test_exact_name_ranks_before_longer_names(conn: Connection) -> None:
    """Within a kind: exact name, then prefix matches, then inner matches."""
    index_many(conn, [contact("c1", "李张伟"), contact("c2", "张伟明"), contact("c3", "张伟")])
    assert titles(conn, "张伟") == ["张伟", "张伟明", "李张伟"]
    assert titles(conn, "zhangwei")[0] == "张伟"


def test_kinds_filter_and_order(conn: Connection) -> None:
    """kinds limits the search to those kinds, listed in the order given."""
    index_many(conn, [contact("c1", "Acme Li"), SearchDoc("company", "o1", "Acme Ltd")])
    assert [h.kind for h in search(conn, "acme", kinds=("company",))] == ["company"]
    assert [h.kind for h in search(conn, "acme", kinds=("company", "contact"))] == [
        "company", "contact"]
    with pytest.raises(ValueError):
        search(conn, "acme", kinds=("planet",))


def test_limit_is_respected(conn: Connection) -> None:
    """No more hits than the limit, however many match."""
    index_many(conn, [contact(f"c{n}", f"张{n}") for n in range(30)])
    assert len(search(conn, "张", limit=5)) == 5
    assert len(search(conn, "张")) == 30
    assert search(conn, "张", limit=0) == []


def test_hit_carries_what_to_display(conn: Connection) -> None:
    """A hit names its kind and row id and carries the title and subtitle to display."""
    index_doc(conn, SearchDoc("company", "o1", "华为", subtitle="深圳", names=("华为",)))
    hit = search(conn, "huawei")[0]
    assert (hit.kind, hit.row_id, hit.title, hit.subtitle) == ("company", "o1", "华为", "深圳")


# ---------------------------------------------------------------- maintenance


def test_remove_doc_removes(conn: Connection) -> None:
    """A removed document is no longer found; removing an unknown one is harmless."""
    index_many(conn, [ZHANG_WEI, contact("c2", "张三")])
    remove_doc(conn, "contact", "c1")
    remove_doc(conn, "contact", "does-not-exist")
    assert titles(conn, "张") == ["张三"]
    assert titles(conn, "13800138000") == []


def test_reindex_replaces_the_old_text(conn: Connection) -> None:
    """Re-indexing a record replaces it: the old name is no longer found, the new one is, once."""
    index_doc(conn, contact("c1", "José García"))
    index_doc(conn, contact("c1", "Maria Lopez"))
    index_many(conn, [contact("c2", "Ana"), contact("c2", "Ana Lopez")])  # last one wins
    assert titles(conn, "jose") == []
    assert titles(conn, "lopez") == ["Ana Lopez", "Maria Lopez"]
    index_many(conn, [contact("c1", "Maria Lopez Sanchez")])
    assert titles(conn, "lopez") == ["Ana Lopez", "Maria Lopez Sanchez"]


@pytest.mark.parametrize("indexed_id", ["c0500", "c0000", "c0999"])
def test_a_large_batch_replaces_the_documents_it_already_holds(
    conn: Connection, indexed_id: str
) -> None:
    """In a batch of a thousand new records, the one already indexed is replaced, not doubled."""
    index_doc(conn, contact(indexed_id, "Old Name"))
    index_doc(conn, contact("a-outside", "Outside Range"))
    index_many(conn, [contact(f"c{n:04d}", f"New Name {n}") for n in range(1000)])
    assert titles(conn, "old name") == []
    assert [hit.row_id for hit in search(conn, f"new name {int(indexed_id[1:])}")] == [indexed_id]
    count = conn.exec_driver_sql("SELECT count(*) FROM search_doc").scalar_one()
    assert count == 1001


def test_ids_stay_stable_after_removal_and_reinsert(conn: Connection) -> None:
    """Removing and adding records in any order never mixes up which record a hit belongs to."""
    index_many(conn, [contact("c1", "Alpha"), contact("c2", "Bravo")])
    remove_doc(conn, "contact", "c2")
    index_many(conn, [contact("c3", "Charlie"), contact("c2", "Bravo")])
    names = ("alpha", "bravo", "charlie")
    found = {name: [hit.row_id for hit in search(conn, name)] for name in names}
    assert found == {"alpha": ["c1"], "bravo": ["c2"], "charlie": ["c3"]}


def test_create_schema_is_idempotent(conn: Connection) -> None:
    """Creating the schema twice keeps what is indexed."""
    index_doc(conn, ZHANG_WEI)
    create_schema(conn)
    assert titles(conn, "张伟") == ["张伟"]


def test_bulk_indexing_restores_the_page_cache_setting(conn: Connection) -> None:
    """index_many counts what it indexed and leaves the connection's cache_size as it was."""
    conn.exec_driver_sql("PRAGMA cache_size = -2000")
    assert index_many(conn, (contact(f"c{n}", f"Name {n}") for n in range(2500))) == 2500
    assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000


@pytest.mark.parametrize("query", ['"', "*", "a AND", "(", ")", "-", ":", "NEAR(", "^",
                                   '"a" OR "b"', "张 OR", "col:张", "a*", "' OR 1=1 --", "\x00"])
def test_fts_syntax_in_queries_never_raises(conn: Connection, query: str) -> None:
    """Quotes, stars, operators and column filters in a query are plain text: never an error."""
    index_doc(conn, contact("c1", 'Quote "Star" *AND* (x)'))
    assert isinstance(search(conn, query), list)
    assert titles(conn, '"star"') == ['Quote "Star" *AND* (x)']


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_blank_query_finds_nothing(conn: Connection, query: str) -> None:
    """A blank query gives an empty list, not everything."""
    index_doc(conn, ZHANG_WEI)
    assert search(conn, query) == []


# ---------------------------------------------------------------- text functions


def test_normalize_folds_width_case_and_accents() -> None:
    """Full-width letters, case and Latin accents are folded; kana voicing marks are kept."""
    assert normalize("  Ｊｏｓé  GARCÍA\t") == "jose garcia"
    assert normalize("が") == "が"


def test_pinyin_forms_of_mixed_text() -> None:
    """Each Chinese run gives its spelling, spaced spelling and initials; other text is skipped."""
    assert pinyin_forms("张伟") == ["zhangwei", "zhang wei", "zw"]
    assert pinyin_forms("David 李") == ["li", "l"]
    assert pinyin_forms("Smith") == []


def test_compact_spellings_are_the_forms_without_spaces() -> None:
    """What the index stores to rank a title by pinyin: each form once, spaces removed."""
    assert compact_spellings("张伟") == "zhangwei zw"
    assert compact_spellings("David 李") == "li l"
    assert compact_spellings("Smith") == ""


def test_phone_digit_forms_include_national_form() -> None:
    """An E.164 number is stored as international digits and national digits with trunk prefix."""
    assert phone_digit_forms("+8613800138000") == ["8613800138000", "013800138000"]
    assert phone_digit_forms("+14155552671") == ["14155552671"]


def test_phone_queries_are_recognised() -> None:
    """A query of phone punctuation and 3+ digits is a phone query, reduced to its digits."""
    assert looks_like_phone("138-0013") and looks_like_phone("+86 (10) 1234")
    assert not looks_like_phone("12") and not looks_like_phone("Q3 2024")
    assert query_terms("+86 138 0013 8000") == ["8613800138000"]
    assert query_terms("  Zhang   WEI ") == ["zhang", "wei"]


def test_works_on_sqlite_without_contentless_delete() -> None:
    """On an SQLite without contentless-delete (stdlib), indexing, replacing and removing work."""
    import sqlite3

    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(":memory:"))
    with engine.begin() as connection:
        create_schema(connection)
        index_many(connection, [ZHANG_WEI, contact("c2", "李娜")])
        index_doc(connection, contact("c2", "李明"))
        remove_doc(connection, "contact", "c1")
        assert titles(connection, "li") == ["李明"]
        assert titles(connection, "zw") == []


def test_the_index_keeps_no_second_copy_of_the_text(conn: Connection) -> None:
    """On SQLCipher the FTS table is contentless: the indexed text is not stored a second time."""
    index_doc(conn, ZHANG_WEI)
    tables = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert "search_fts_content" not in tables

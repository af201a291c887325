"""The FTS text of a document: repeats left out without changing which queries match it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.core.search.terms import (
    KEY_MARK,
    SearchDoc,
    index_parts,
    index_text,
    phrase_text,
)
from crm_desktop.core.search.text import pinyin_forms, query_terms

HAN = "张王李欧阳司马诸葛兰伟明华曾单国藩田芳"
LATIN = "abcdezhgnuo"


def unslimmed(fields: list[str], keys: list[str]) -> str:
    """The FTS text as every field and key makes it (what workspaces indexed earlier hold)."""
    text = "\n".join(fields)
    if keys:
        text += "\n" + KEY_MARK + (" " + KEY_MARK).join(dict.fromkeys(keys))
    return text


@st.composite
def documents(draw: st.DrawFn) -> SearchDoc:
    """Contacts (with their name parts), companies, deals and notes, as docs.py makes them."""
    text = st.text(st.sampled_from(HAN + LATIN + " "), min_size=1, max_size=8)
    full = draw(text)
    email = draw(st.sampled_from(["", "wang.li@example.com", "zg@欧阳.cn"]))
    phone = draw(st.sampled_from(["", "+8613800138000", "+862088886666"]))
    body = draw(st.sampled_from(["", "北京星光贸易3号", "经理 abc", full + " 报价", full[:2]]))
    kind = draw(st.sampled_from(["contact", "company", "deal", "note"]))
    if kind == "note":  # the title is the body's start, and not a name
        return SearchDoc("note", "n1", body[:3] or full, body=body)
    if kind != "contact":
        return SearchDoc(kind, "r1", full, names=(full,), phones=(phone,) if phone else (),
                         body=body)
    split = draw(st.integers(0, len(full)))
    return SearchDoc("contact", "c1", full, names=(full, full[:split], full[split:]),
                     emails=(email,) if email else (), phones=(phone,) if phone else (),
                     body=body)


@st.composite
def typed_terms(draw: st.DrawFn, doc: SearchDoc) -> list[str]:
    """What a user might type to find the document: a piece of its name (or of the name's
    pinyin), email, phone or body, or a random word."""
    sources = [doc.title, *doc.names, *doc.emails, *doc.phones, doc.body,
               *(form for name in doc.names for form in pinyin_forms(name)),
               draw(st.text(st.sampled_from(HAN + LATIN), min_size=1, max_size=4))]
    source = draw(st.sampled_from([s for s in sources if s]))
    start = draw(st.integers(0, len(source) - 1))
    return query_terms(source[start : start + draw(st.integers(1, 6))])


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_leaving_out_repeats_matches_the_same_queries(data: st.DataObject) -> None:
    """Every query matches the slimmed FTS text exactly when it matches the full text."""
    doc = data.draw(documents())
    _title, _pinyin, fields, keys = index_parts(doc)
    full, slim = unslimmed(fields, keys), index_text(doc).terms
    for term in data.draw(typed_terms(doc)):
        phrase = phrase_text(term)
        assert (phrase in slim) == (phrase in full), (term, full, slim)


def test_name_parts_inside_the_full_name_add_nothing() -> None:
    """A contact's family and given names, already inside the full name, cost no index text."""
    parts = SearchDoc("contact", "c1", "诸葛兰", names=("诸葛兰", "诸葛", "兰"))
    alone = SearchDoc("contact", "c1", "诸葛兰", names=("诸葛兰",))
    assert index_text(parts).terms == index_text(alone).terms
    assert len(index_text(parts).terms) < len(unslimmed(*index_parts(parts)[2:]))


def test_a_one_letter_key_is_kept_when_no_longer_key_begins_with_it() -> None:
    """The initial of a one-syllable word stays findable: 'x' of a name 'x' alone."""
    text = index_text(SearchDoc("contact", "c1", "x y", names=("x y",))).terms
    assert KEY_MARK + "x" in text and KEY_MARK + "y" in text

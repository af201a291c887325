"""The first search of a session: ranking by pinyin reads stored spellings, never loads pypinyin."""

from __future__ import annotations

import json
import subprocess
import sys

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.domain.models import ContactCreate, NoteCreate

# Indexed before 张伟, so that only ranking, not insertion order, can put 张伟 first.
Z_W_NAMES = ("张伟明", "周文华", "邹婉婷", "Zoe Walker", "张伟")
FIRST_SEARCH = """
import json, sys
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
with open_crm(AppPaths.under(sys.argv[1]), bytes.fromhex(sys.argv[2])) as crm:
    ranked = {q: [hit.title for hit in crm.search(q)] for q in ("zw", "zhangwei")}
print(json.dumps({"ranked": ranked, "pypinyin": "pypinyin" in sys.modules}))
"""


def _add_contacts(workspace: AppPaths, data_key: bytes) -> None:
    with open_crm(workspace, data_key) as crm:
        for name in Z_W_NAMES:
            contact = crm.contacts.add(ContactCreate(display_name=name)).value
        crm.notes.add(NoteCreate(body="张伟来电 zw", contact_id=contact.id))


def test_first_search_of_a_fresh_process_ranks_by_pinyin_without_pypinyin(
        workspace: AppPaths, data_key: bytes) -> None:
    """In a fresh interpreter, searching zw and zhangwei ranks 张伟 first and never imports pypinyin."""
    _add_contacts(workspace, data_key)
    done = subprocess.run([sys.executable, "-c", FIRST_SEARCH, str(workspace.root), data_key.hex()],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["pypinyin"] is False
    assert result["ranked"]["zw"][:4] == ["张伟", "张伟明", "周文华", "邹婉婷"]  # then shorter, older
    assert result["ranked"]["zhangwei"] == ["张伟", "张伟明"]


def test_titles_are_stored_with_their_pinyin_spellings(workspace: AppPaths,
                                                       data_key: bytes) -> None:
    """A contact's Chinese name is stored with its full spelling and initials; Latin names and
    note titles (not names, not searchable by pinyin) get none."""
    _add_contacts(workspace, data_key)
    with open_crm(workspace, data_key) as crm, crm.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT title, title_pinyin FROM search_doc").all()
    stored = {title: spellings for title, spellings in rows}
    assert stored["张伟"] == "zhangwei zw"
    assert stored["张伟明"] == "zhangweiming zwm"
    assert stored["Zoe Walker"] == "" and stored["张伟来电 zw"] == ""

"""Display names of the stored codes (stages, statuses, kinds, actions), translated on display.

Storage and JSON keep the codes (`lead`, `in_progress`, `contact.update`); people see these.
"""

from __future__ import annotations

from crm_desktop.core.i18n import N_, _

VALUE_LABELS = {
    # contact lifecycle
    "lead": N_("lead"), "prospect": N_("prospect"), "customer": N_("customer"),
    "former": N_("former customer"),
    # deal and service statuses
    "open": N_("open"), "won": N_("won"), "lost": N_("lost"), "in_progress": N_("in progress"),
    "resolved": N_("resolved"), "closed": N_("closed"),
    # service channels and priorities
    "phone": N_("phone"), "email": N_("email"), "visit": N_("visit"), "wechat": N_("WeChat"),
    "other": N_("other"), "low": N_("low"), "normal": N_("normal"), "high": N_("high"),
    "urgent": N_("urgent"),
    # note kinds and record kinds
    "note": N_("note"), "call": N_("call"), "meeting": N_("meeting"), "contact": N_("contact"),
    "company": N_("company"), "deal": N_("deal"), "reminder": N_("reminder"),
    "service": N_("service log"), "tag": N_("tag"), "tagging": N_("tag"), "stage": N_("stage"),
    # journal operations
    "insert": N_("created"), "update": N_("changed"), "delete": N_("deleted"),
    "restore": N_("restored"), "undo": N_("undone"), "export": N_("exported"),
    "erase": N_("erased"),
}

ACTION_LABELS = {
    "contact.add": N_("add contact"), "contact.update": N_("edit contact"),
    "contact.delete": N_("delete contact"), "company.add": N_("add company"),
    "company.update": N_("edit company"), "company.delete": N_("delete company"),
    "deal.add": N_("add deal"), "deal.update": N_("edit deal"), "deal.won": N_("mark deal won"),
    "deal.lost": N_("mark deal lost"), "deal.reopen": N_("reopen deal"),
    "deal.delete": N_("delete deal"), "reminder.add": N_("add reminder"),
    "reminder.update": N_("edit reminder"), "reminder.done": N_("finish reminder"),
    "reminder.snooze": N_("snooze reminder"), "reminder.delete": N_("delete reminder"),
    "service.add": N_("add service log"), "service.update": N_("update service log"),
    "service.delete": N_("delete service log"), "note.add": N_("add note"),
    "note.delete": N_("delete note"), "tag.add": N_("add tags"), "tag.remove": N_("remove tags"),
    "tag.set": N_("change tags"),
    "trash.restore": N_("restore from trash"), "stage.add": N_("add stage"),
    "settings": N_("change settings"), "demo": N_("add sample data"),
    "setup": N_("create the workspace"), "trash.purge": N_("delete for good"),
    "import": N_("import contacts"), "import.mapping": N_("save a column mapping"),
    "contact.merge": N_("merge contacts"), "privacy.erase": N_("erase a person"),
    "privacy.export": N_("export a person's data"), "privacy.consent": N_("record consent"),
    "undo": N_("undo"),
}


def value_label(code: str | None) -> str:
    """The translated display name of a stored code; unknown codes are shown as they are."""
    if not code:
        return ""
    return _(VALUE_LABELS[code]) if code in VALUE_LABELS else code


def action_label(action: str) -> str:
    return _(ACTION_LABELS[action]) if action in ACTION_LABELS else action

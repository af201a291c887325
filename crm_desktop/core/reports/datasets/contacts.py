"""Contact list / phone sheet: the contacts a tag, owner, lifecycle stage or search picks, by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.errors import NotFoundError
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.services.contacts import ContactQuery

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

PAGE = 1000
SEARCH_LIMIT = 1000  # a search finds; a list of more than this is a filter's job


@dataclass(frozen=True)
class ContactList:
    contacts: list[ContactRead]
    truncated: bool = False  # the search found more than SEARCH_LIMIT


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> ContactList:
    query = ContactQuery(tag=options.tag, owner=options.owner,
                         lifecycle_stage=options.lifecycle_stage)
    if options.search:
        return _searched(crm, options.search, query, progress)
    return ContactList(_all(crm, query, progress))


def _all(crm: Crm, query: ContactQuery, progress: Progress) -> list[ContactRead]:
    """Every contact the query selects, in name order, a page at a time from the order index."""
    total = crm.contacts.count(query)
    found: list[ContactRead] = []
    after: tuple[str, str] | None = None
    while len(found) < total:
        page = crm.contacts.page(query, offset=len(found), limit=PAGE, after=after)
        if not page:
            break
        found += page
        after = (page[-1].sort_key, page[-1].id)
        progress(len(found), total)
    return found


def _searched(crm: Crm, text: str, query: ContactQuery, progress: Progress) -> ContactList:
    hits = crm.search(text, kinds=("contact",), limit=SEARCH_LIMIT + 1)
    found: list[ContactRead] = []
    for done, hit in enumerate(hits[:SEARCH_LIMIT], 1):
        try:
            contact = crm.contacts.get(hit.row_id)
        except NotFoundError:  # deleted since it was indexed
            continue
        if _matches(contact, query):
            found.append(contact)
        progress(done, len(hits))
    found.sort(key=lambda c: (c.sort_key, c.id))
    return ContactList(found, truncated=len(hits) > SEARCH_LIMIT)


def _matches(contact: ContactRead, query: ContactQuery) -> bool:
    tags = {tag.lower() for tag in contact.tags}
    return ((not query.tag or query.tag.lower() in tags)
            and (not query.owner or contact.owner == query.owner)
            and (not query.lifecycle_stage or contact.lifecycle_stage == query.lifecycle_stage))

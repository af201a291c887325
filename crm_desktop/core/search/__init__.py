"""Search index over contacts, companies, deals, service logs and notes (Qt-free)."""

from crm_desktop.core.search.index import (
    KINDS,
    SearchDoc,
    SearchHit,
    create_schema,
    index_doc,
    index_many,
    remove_doc,
    search,
)

__all__ = [
    "KINDS",
    "SearchDoc",
    "SearchHit",
    "create_schema",
    "index_doc",
    "index_many",
    "remove_doc",
    "search",
]

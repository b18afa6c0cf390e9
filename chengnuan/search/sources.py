"""Document sources: what the search engine indexes, supplied by the apps that own the rows.

The search app knows how to tokenise, index, query and suggest; it does not know postings,
gigs or courses. Each domain app that wants its records found registers one source per kind
of document from its `AppConfig.ready()`:

    from chengnuan.search.sources import DocumentSource, register

    register(DocumentSource(doc_type="posting", code=1, documents=..., id_chunks=...))

A source says which rows are visible (`documents` returns documents only for rows the public
may see; an id it leaves out is taken out of the index), what of them is searchable and which
filter tokens they carry (see documents.SourceDoc), and how to list them all for a rebuild.
Who may see a result beyond that is the owning app's business, in its selectors. The
callables must be module-level functions: a rebuild sends them to worker processes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # documents.py reads the codes kept here (through keys.py)
    from chengnuan.search.documents import SourceDoc


@dataclass(frozen=True)
class DocumentSource:
    doc_type: str
    # The top digits of every key of this type (keys.py): unique, and never changed once
    # documents are stored, since a key's range is how a type's documents are found.
    code: int
    # The documents of those ids the public may see, in any order.
    documents: Callable[[list[int]], list["SourceDoc"]]
    # Every visible id, oldest first, in chunks (a rebuild's work units; see index.py).
    id_chunks: Callable[[], list[list[int]]]
    # The documents of one chunk, read by primary key whatever the planner thinks (a rebuild
    # worker calls this). Defaults to `documents`.
    chunk_documents: Callable[[list[int]], list["SourceDoc"]] | None = None
    # Loads what documents() reads once per process, before a rebuild forks its workers.
    warm: Callable[[], None] = lambda: None
    # Tables whose planner statistics a rebuild refreshes first (a bulk load may have filled them).
    tables: tuple[str, ...] = field(default_factory=tuple)

    def for_chunk(self, chunk: list[int]) -> list["SourceDoc"]:
        return (self.chunk_documents or self.documents)(chunk)


_sources: dict[str, DocumentSource] = {}


def register(source: DocumentSource) -> None:
    """Add a source; registering the same doc type again replaces it (an app reloaded in tests)."""
    taken = {s.code: s.doc_type for s in _sources.values() if s.doc_type != source.doc_type}
    if source.code in taken:
        raise ValueError(f"search code {source.code} already belongs to {taken[source.code]!r}")
    _sources[source.doc_type] = source


def source(doc_type: str) -> DocumentSource:
    try:
        return _sources[doc_type]
    except KeyError:
        raise ValueError(f"unknown search doc type {doc_type!r}: no app registered it") from None


def all_sources() -> list[DocumentSource]:
    return sorted(_sources.values(), key=lambda s: s.code)

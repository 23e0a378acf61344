"""Documents' titles and publishers kept in the server between writes, in the document lists' order (newest published
first), for their words filter (``q``: a title or publisher containing the text, case aside).

Matched in the engine, each filtered list read every title of the store twice (its counts per date, then its page):
at 100,000 documents ``/documents?q=`` took 2-4 s and ``/api/documents?q=`` ran past its read limit (504). Kept
here, a match is a ``str.find`` over one text of every title and publisher (``api.label_text``), and its page the
documents' own rows (``graph.newest.rows_of``). The order is read once a write from the engine (``ORDER BY
DESC(?published) ?document``: the lists' order, undated last), so it is the engine's by construction. Past
``DOCUMENTS_KEPT`` documents the engine matches them again, so a bigger store costs what it did before.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from flask import current_app

from api.cache import kept_read, time_left
from api.label_text import LabelText, label_text
from graph import queries as q

__all__ = ["DocumentIndex", "document_index_of", "kept_documents", "matching_documents", "DOCUMENTS_KEPT",
           "DOCUMENT_BYTES"]

# Documents kept at most, DOCUMENT_BYTES each (an IRI, its title and publisher lower-cased, two offsets; measured
# with tracemalloc at 100,000 documents), 60 MB at most.
DOCUMENTS_KEPT = 200_000
DOCUMENT_BYTES = 300


class DocumentIndex(NamedTuple):
    """Every document in the lists' order and its title and publisher (``api.label_text``: owned by its position)."""

    documents: tuple[str, ...]  # newest published first, undated last, ties by IRI
    labels: LabelText

    def matching(self, term: str) -> list[str]:
        """The documents with a title or publisher containing ``term`` (case aside), in the lists' order."""
        return [self.documents[position] for position in sorted(self.labels.matches(term))]


def document_index_of(order: list[dict[str, Any]], labels: list[dict[str, Any]]) -> DocumentIndex:
    """The index of the rows of ``q.DOCUMENT_ORDER`` (documents in order) and ``q.DOCUMENT_LABELS`` (a document and
    a title or publisher each)."""
    documents = tuple(dict.fromkeys(row["document"] for row in order))
    position = {document: n for n, document in enumerate(documents)}
    return DocumentIndex(documents, label_text((str(row["label"]), position[row["document"]]) for row in labels
                                               if row["document"] in position))


def kept_documents() -> DocumentIndex | None:
    """The index of the documents of the app's store, kept until its next write; None when they are more than
    ``DOCUMENTS_KEPT``."""
    documents = int(kept_read(q.DOCUMENT_COUNT, {})[0]["n"])
    if documents > DOCUMENTS_KEPT:
        return None
    store = current_app.extensions["conflictkg.store"]
    return current_app.extensions["conflictkg.cache"].kept(
        "document index", lambda: document_index_of(store.read(q.DOCUMENT_ORDER), store.read(q.DOCUMENT_LABELS)),
        lambda _: documents * DOCUMENT_BYTES, most=DOCUMENTS_KEPT * DOCUMENT_BYTES, wait=time_left())


def matching_documents(term: str) -> list[str] | None:
    """The documents of the app's store with a title or publisher containing ``term`` (case aside), newest published
    first (``DocumentIndex.matching``); None when the index is not kept: the engine matches them then."""
    index = kept_documents()
    return None if index is None else index.matching(term)

"""What the graph already holds: document URLs and content hashes, so a re-read feed adds only new entries."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the command line reads this module before it opens any store
    from graph.store import TripleStore

__all__ = ["KnownDocuments", "content_hash", "KNOWN_DOCUMENTS"]

# Constant text, no user input: every document's URL and content hash (schema:url, schema:sha256).
KNOWN_DOCUMENTS = """PREFIX schema: <https://schema.org/>
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT ?url ?hash WHERE {
  ?document a ckg:Document .
  { ?document schema:url ?url } UNION { ?document schema:sha256 ?hash }
}"""


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the text with its whitespace runs collapsed: the same article re-saved hashes alike."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class KnownDocuments:
    """URLs and content hashes of stored documents, grown as a run reads new ones."""

    urls: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> KnownDocuments:
        """Build from the rows of ``KNOWN_DOCUMENTS``."""
        return cls({str(r["url"]) for r in rows if r.get("url")}, {str(r["hash"]) for r in rows if r.get("hash")})

    @classmethod
    def of_store(cls, store: TripleStore) -> KnownDocuments:
        """Read every stored document's URL and content hash."""
        return cls.from_rows(store.select(KNOWN_DOCUMENTS))

    def has_url(self, url: str | None) -> bool:
        """Whether a document read from ``url`` is stored (or was read earlier in this run)."""
        return url is not None and url in self.urls

    def add(self, url: str | None, text: str) -> bool:
        """Remember a document; return False when its URL or text was already known."""
        digest = content_hash(text)
        if (url is not None and url in self.urls) or digest in self.hashes:
            return False
        if url is not None:
            self.urls.add(url)
        self.hashes.add(digest)
        return True

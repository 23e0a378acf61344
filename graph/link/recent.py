"""The newest documents that mention each actor and place, kept with its current facts (``ckg:recentDocument``).

An actor's or place's record lists the ``RECENT`` newest documents that mention it. Read from the
document graphs (``graph.queries.ACTOR_DOCUMENTS``), that joins every mention to its document's date
before sorting: the busiest actor's 10,829 documents took 590 ms at 100,000 documents (a loaded
machine). Kept here, it is a read of ``RECENT`` links: 24 ms.

The list is worked out whenever the entity's current facts are written (``graph.link.current``):
from every document graph when its facts are read from the store (the first time, after a raw
write, or when a batch replaces a report that mentioned it); from the list it had plus the batch's
own documents when a batch adds reports to it and leaves its other reports as they were (its
tallies are complete); from the batch alone for an entity only the batch mentions. Documents are
ordered as ``graph.queries.ACTOR_DOCUMENTS`` orders them: newest published first, undated last,
ties by IRI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph import queries
from graph.link.readings import BatchReadings
from graph.ntriples import iri
from graph.store import TripleStore
from graph.vocab import CKG

__all__ = ["RECENT", "newest", "recent_lines", "from_store", "kept", "from_batch"]

RECENT = 50  # documents kept per actor or place: as many as its record lists (test_recent checks RECORD_NEWEST)
_RECENT_DOCUMENT = iri(str(CKG.recentDocument))
_CHUNK = 300
Dated = tuple[str | None, str]  # (publication date as ISO text or None, document IRI)


def newest(documents: Iterable[Dated]) -> list[Dated]:
    """The ``RECENT`` newest of these (date, document) pairs: newest first, undated last, ties by IRI."""
    by_iri = sorted(set(documents), key=lambda pair: pair[1])
    return sorted(by_iri, key=lambda pair: (pair[0] is not None, pair[0] or ""), reverse=True)[:RECENT]


def recent_lines(lists: dict[str, list[Dated]]) -> str:
    """The ``ckg:recentDocument`` N-Triples of each subject's newest documents."""
    return "".join(f"{iri(s)} {_RECENT_DOCUMENT} {iri(document)} .\n"
                   for s, documents in lists.items() for _, document in newest(documents))


def from_store(store: TripleStore, subjects: Iterable[str]) -> dict[str, list[Dated]]:
    """Every document that mentions each of these subjects, with its date, read from the document graphs."""
    return _read(store, queries.DOCUMENTS_OF, sorted(set(subjects)))


def kept(store: TripleStore, subjects: Iterable[str]) -> dict[str, list[Dated]]:
    """The documents each of these subjects keeps (its current ``ckg:recentDocument``); a subject keeping none
    (a store written before they were kept) is left out."""
    return _read(store, queries.KEPT_DOCUMENTS, sorted(set(subjects)))


def from_batch(store: TripleStore, batch: BatchReadings, added: Iterable[str], fresh: Iterable[str] = ()
               ) -> dict[str, list[Dated]]:
    """The lists of subjects a batch mentions: ``fresh`` ones (only the batch mentions them) from its documents
    alone, ``added`` ones (the batch adds reports to them) from what they keep plus the batch's documents, or from
    the store when they keep none."""
    added = sorted(set(added))
    mentions = batch.documents_mentioning(set(added) | set(fresh))
    lists = {s: mentions.get(s, []) for s in fresh}
    before = kept(store, added)
    lists.update({s: before[s] + mentions.get(s, []) for s in before})
    lists.update(from_store(store, set(added) - set(before)))
    return lists


def _read(store: TripleStore, query: str, subjects: list[str]) -> dict[str, list[Dated]]:
    found: dict[str, list[Dated]] = defaultdict(list)
    for start in range(0, len(subjects), _CHUNK):
        for row in store.select(queries.with_iris(query, subjects[start:start + _CHUNK])):
            published = row.get("published")
            found[row["s"]].append((None if published is None else str(published), row["document"]))
    return dict(found)

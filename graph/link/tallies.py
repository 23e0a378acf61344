"""Reading tallies: how many documents state each fact of an actor or place, kept as documents are written;
and the events of each (type, sub-type, place, year) window.

Reconciling an entity (``graph.link.current``) needs, for each (predicate, value) the reports give
it, how many documents state it and the latest publication date among them. Read back from the
document graphs (``READINGS_OF``) that costs every stored report of the entity, so a batch that
names Islamic State once pays for its thousand earlier reports. The tallies keep those rows for
actors and places (the entities that recur; an event has a few reports) in a small SQLite file next
to the embedded store, and a batch of new documents adds its own readings to them.

A subject's tallies are complete (exactly the rows ``READINGS_OF`` would give, with its geometry's)
or absent; the reconciler reads an absent one from the store and records it, so a store written by
an older version, or whose tallies were dropped, fills them in as it is written to. A ``latest`` of
None is "not known": the reconciler asks the store for it when two values tie. Tallies are dropped
whole when a run that changed them did not finish (``begin`` marks the file; ``end`` clears the mark
in the transaction that writes them) and when the current graph is rebuilt. A remote store keeps
none: it is always read.

The linker (``graph.link.batch``) reads, before a batch is written, the stored events that have a
mention of a (type, sub-type, place) key in a year (a window), which costs every event the place ever
had. A key read once (``EVENTS_OF_KEYS``: all its years) is kept here, with the events of each of its
windows: a superset of the events that have a mention there, as a batch adds the events it writes,
renamed ones under their new IRI, and an event renamed away or a document replaced leaves a name that
no mention has any more (reading its mentions finds none). Keys are dropped with the tallies, and after
any write made outside a ``changing`` block (``Tallies.written``, a ``store.on_write`` hook).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from graph.iris import geometry_of, owner_of
from graph.store import TripleStore

__all__ = ["Tallies", "Window", "tallies_of", "changing", "FILE"]

FILE = "conflictkg-tallies.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS subject (s TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fact (s TEXT, p TEXT, term TEXT, text TEXT, n INTEGER, latest TEXT,
                                 PRIMARY KEY (s, p, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state (open INTEGER);
CREATE TABLE IF NOT EXISTS window_key (type TEXT, sub TEXT, place TEXT, PRIMARY KEY (type, sub, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS window_event (type TEXT, sub TEXT, place TEXT, year TEXT, event TEXT,
                                         PRIMARY KEY (type, sub, place, year, event)) WITHOUT ROWID;
"""
Window = tuple[str, str, str, str]  # (event type, sub-type, place IRI, year)
_BATCH = 500  # subjects per statement (SQLite's limit on parameters is 32,766)
_opened: weakref.WeakKeyDictionary[Any, Tallies] = weakref.WeakKeyDictionary()


def tallies_of(store: TripleStore) -> Tallies | None:
    """The tallies of an embedded store (in its directory, or in memory with it); None for a remote store."""
    if getattr(store, "kind", None) != "embedded":
        return None
    found = _opened.get(store)
    if found is None:
        path = getattr(store, "path", None)
        found = _opened[store] = Tallies(os.path.join(path, FILE) if path else ":memory:")
        if hasattr(store, "on_close"):  # closed with the store
            store.on_close.add(found.close)
        store.on_write.add(found.written)
    return found


@contextlib.contextmanager
def changing(store: TripleStore) -> Iterator[Tallies | None]:
    """Mark the store's tallies as being changed while the block writes documents and reconciles them.

    Marked on disk before the block and cleared with what it put, in one commit at the end: if the
    process dies meanwhile, the next open drops every tally; if the block fails, they are dropped now.
    """
    tallies = tallies_of(store)
    if tallies is None:
        yield None
        return
    tallies.begin()
    try:
        yield tallies
    except BaseException:
        tallies.abandon()
        raise
    tallies.end()


class Tallies:
    """Per-fact document counts and latest dates of actors and places, by subject IRI; the events of kept windows."""

    def __init__(self, path: str):
        """Open (or create) the tallies at ``path``; drop them if the last run that changed them did not end."""
        self.db = sqlite3.connect(path, check_same_thread=False)  # used under the service's write lock
        self.depth = 0  # ``changing`` blocks open (a raw update's reconcile inside an ingest's)
        with self.db:  # one transaction (one sync to disk) for the schema and the state
            self.db.execute("BEGIN")
            for statement in _SCHEMA.split(";")[:-1]:
                self.db.execute(statement)
            state = self.db.execute("SELECT open FROM state").fetchone()
            if state is None:
                self.db.execute("INSERT INTO state VALUES (0)")
            elif state[0]:
                self.clear()
                self.db.execute("UPDATE state SET open = 0")

    def begin(self) -> None:
        """Mark the tallies as being changed, on disk before the documents that change them are written."""
        self.depth += 1
        if self.depth == 1:
            self.db.execute("UPDATE state SET open = 1")
            self.db.commit()

    def end(self) -> None:
        """Commit what was put since the outermost ``begin`` and clear the mark, in one transaction."""
        self.depth -= 1
        if self.depth == 0:
            self.db.execute("UPDATE state SET open = 0")
            self.db.commit()

    def abandon(self) -> None:
        """Drop what was put and every tally (a failed write may have left documents unreconciled); the mark
        stays while an outer ``changing`` block is still open, so a crash in it still drops the tallies."""
        self.db.rollback()
        self.clear()
        self.depth -= 1
        if self.depth == 0:
            self.db.execute("UPDATE state SET open = 0")
        self.db.commit()

    def written(self) -> None:
        """Forget the kept windows after a store write made outside a ``changing`` block (a raw update, a
        dropped or bulk-replaced graph): it may have added or removed events that no window holds."""
        if self.depth == 0:
            self.forget_windows()
            self.db.commit()

    def close(self) -> None:
        """Close the file; what was put and not committed is dropped (a run that did not end leaves its mark)."""
        self.db.close()

    def clear(self) -> None:
        """Drop every subject's tallies (they are read from the store again when next needed)."""
        self.db.execute("DELETE FROM subject")
        self.db.execute("DELETE FROM fact")
        self.forget_windows()

    def rows(self, subjects: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """The rows of the subjects whose tallies are complete (theirs and their geometry's), by subject."""
        found: dict[str, list[dict[str, Any]]] = {}
        for chunk in _chunks(sorted(set(subjects))):
            marks = ",".join("?" * len(chunk))
            for (s,) in self.db.execute(f"SELECT s FROM subject WHERE s IN ({marks})", chunk):
                found[s] = []
            keys = [key for s in chunk if s in found for key in (s, geometry_of(s))]
            for sub in _chunks(keys):
                marks = ",".join("?" * len(sub))
                for s, p, term, text, n, latest in self.db.execute(
                        f"SELECT s, p, term, text, n, latest FROM fact WHERE s IN ({marks})", sub):
                    row = {"s": s, "p": p, "term": term, "text": text, "n": n}
                    if latest is not None:
                        row["latest"] = latest or None
                    found[s if s in found else owner_of(s)].append(row)
        return found

    def put(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Replace the tallies of these subjects with their complete rows (their geometry's among them)."""
        self.forget(rows)
        self.db.executemany("INSERT INTO subject VALUES (?)", ((s,) for s in rows))
        self.db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?, ?, ?)", (
            (row["s"], row["p"], row["term"], row["text"], row["n"],
             (row["latest"] or "") if "latest" in row else None) for group in rows.values() for row in group))

    def forget(self, subjects: Iterable[str]) -> None:
        """Drop the tallies of these subjects (and their geometry's)."""
        for chunk in _chunks(sorted(set(subjects))):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM subject WHERE s IN ({marks})", chunk)
            keys = [key for s in chunk for key in (s, geometry_of(s))]
            for sub in _chunks(keys):
                self.db.execute(f"DELETE FROM fact WHERE s IN ({','.join('?' * len(sub))})", sub)

    def window_events(self, windows: Iterable[Window]) -> dict[Window, set[str]]:
        """The events of each of these windows whose key is kept (a superset of those with a mention in it)."""
        found: dict[Window, set[str]] = {}
        for window in windows:
            if self.db.execute(_KEPT, window[:3]).fetchone() is not None:
                found[window] = {event for (event,) in self.db.execute(_EVENTS, window)}
        return found

    def add_window_events(self, rows: Iterable[tuple[str, ...]], keys: Iterable[tuple[str, str, str]] = ()) -> None:
        """Add (type, sub-type, place, year, event) rows to their windows; keep these (type, sub-type, place) keys."""
        self.db.executemany("INSERT OR IGNORE INTO window_key VALUES (?, ?, ?)", keys)
        self.db.executemany("INSERT OR IGNORE INTO window_event VALUES (?, ?, ?, ?, ?)", rows)

    def forget_windows(self) -> None:
        """Drop every key and window (they are read from the store again when next needed)."""
        self.db.execute("DELETE FROM window_key")
        self.db.execute("DELETE FROM window_event")


_KEPT = "SELECT 1 FROM window_key WHERE type = ? AND sub = ? AND place = ?"
_EVENTS = "SELECT event FROM window_event WHERE type = ? AND sub = ? AND place = ? AND year = ?"


def _chunks(items: list[str]) -> Iterable[list[str]]:
    return (items[start:start + _BATCH] for start in range(0, len(items), _BATCH))

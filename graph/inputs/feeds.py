"""RSS and Atom feeds (feedparser): one record per entry, with the entry's link, title and date.

feedparser reads every RSS version, Atom and RDF feeds, tolerates the broken ones sites
publish, and normalises entry dates; it is given bytes only, so it never fetches anything itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from graph.inputs.record import Record, url_id
from graph.sources import InputError

__all__ = ["read_feed", "looks_like_feed"]


def looks_like_feed(body: bytes) -> bool:
    """Whether the start of a document is an RSS, Atom or RDF feed rather than a page."""
    head = body[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(body: bytes, where: str, given_published: dt.date | None = None) -> list[Record | InputError]:
    """Return one record per entry of a feed (its link to fetch, else its own content), or the entry's error.

    Raises:
        InputError: the document is not an RSS or Atom feed.
    """
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        kind = "an HTML page" if b"<html" in body[:4096].lower() else "not a feed"
        raise InputError(f"{where}: not an RSS or Atom feed ({kind})")
    source = parsed.feed.get("title") or None
    return [_record(entry, number, where, source, given_published) for number, entry in
            enumerate(parsed.entries, start=1)]


def _record(entry, number: int, where: str, source: str | None, given_published: dt.date | None) -> Record | InputError:
    """The record of one feed entry: its link, else its content, with its title and date; else its error."""
    link = (entry.get("link") or "").strip() or None
    if link is not None and not link.lower().startswith(("http://", "https://")):
        link = None
    content = entry.get("content") or [{}]
    html = None if link else (content[0].get("value") or entry.get("summary") or None)
    if link is None and html is None:
        return InputError(f"{where}: entry {number}: no http(s) link and no content")
    key = link or entry.get("id") or f"{where}#{number}"
    return Record(
        id=url_id(link) if link else "entry-" + hashlib.sha256(key.encode()).hexdigest()[:16],
        where=f"{where}: entry {number}", url=link, html=html, title=entry.get("title") or None,
        published=given_published or _entry_day(entry), source=source, author=entry.get("author") or None,
    )


def _entry_day(entry) -> dt.date | None:
    """The entry's publication (else update) day."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None

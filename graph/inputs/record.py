"""One article as a batch line, a feed entry or a request names it, before its text is read."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph.records import slugify
from graph.sources import InputError, check_text, parse_published

__all__ = ["Record", "FIELDS", "record_from_mapping", "url_id"]

FIELDS = ("id", "text", "html", "url", "published", "title", "source", "author")


@dataclass(frozen=True)
class Record:
    """An article to read: its id, exactly one of text, html or url, and what is known about it."""

    id: str
    where: str  # "batch.csv:3", "feed.xml: entry 2": where errors point
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None


def url_id(url: str) -> str:
    """A stable, readable document id for a URL: its host and path as a slug, plus a short hash of the URL."""
    parts = urlsplit(url)
    readable = slugify(f"{parts.hostname or ''} {parts.path}")[:80].strip("-")
    return f"{readable}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def record_from_mapping(item: dict[str, object], where: str) -> Record:
    """Check one batch line or request body and return its record; raise InputError with the reason.

    Needs ``text`` or ``html`` (not both), or else a ``url`` to fetch (with a body the ``url`` is metadata),
    and an ``id`` unless a ``url`` gives one; ``published`` is YYYY-MM-DD; empty values count as missing.
    """
    values = {name: _string(item, name, where) for name in FIELDS}
    bodies = [name for name in ("text", "html") if values[name]]
    if len(bodies) > 1:
        raise InputError(f"{where}: give one of 'text' or 'html', not both")
    if not bodies and not values["url"]:
        raise InputError(f"{where}: needs 'text', 'html' or 'url'")
    if values["url"] and not values["url"].lower().startswith(("http://", "https://")):
        raise InputError(f"{where}: 'url' must be an http:// or https:// link, got {values['url']!r}")
    document_id = values.pop("id") or (url_id(values["url"]) if values["url"] else None)
    if document_id is None:
        raise InputError(f"{where}: needs an 'id' (or a 'url' to name the document by)")
    if slugify(document_id) == "unnamed":
        raise InputError(f"{where}: 'id' must contain letters or digits, got {document_id!r}")
    try:
        published = None if values["published"] is None else parse_published(values["published"])
    except InputError as err:
        raise InputError(f"{where}: {err}") from None
    return Record(id=document_id, where=where, text=values["text"], html=values["html"], url=values["url"],
                  published=published, title=values["title"], source=values["source"],
                  author=values["author"])


def _string(item: dict[str, object], name: str, where: str) -> str | None:
    """The field as text (numbers become text, empty becomes None); raise InputError for other values."""
    value = item.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and name == "id":
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}: '{name}' must be a string")
    try:
        check_text(name, value)
    except InputError as err:
        raise InputError(f"{where}: {err}") from None
    return value.strip() if name != "text" and name != "html" else value


"""Reading articles from files, folders and JSON Lines, with one-line errors for bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from graph.records import Article

__all__ = ["InputError", "parse_published", "check_text", "read_article", "read_jsonl"]

MAX_FILE_BYTES = 20_000_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_JSONL_FIELDS = ("id", "text", "published", "title", "source", "url", "path")


class InputError(Exception):
    """An input that cannot be read as an article; the message is one line for the user."""


def parse_published(value: object) -> dt.date:
    """Return the publication date written as YYYY-MM-DD (a real day), else raise a one-line InputError.

    The one check of ``published`` for the command line, the JSON Lines reader and the HTTP API.
    """
    if isinstance(value, str) and _DAY.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise InputError(f"'published' must be a date YYYY-MM-DD, got {value!r}")


def check_text(name: str, value: str) -> str:
    """Return ``value`` when it is valid Unicode; raise a one-line InputError for a lone surrogate ("\\ud800")."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(
            f"'{name}' is not valid Unicode: lone surrogate {value[err.start]!r} at character {err.start}"
        ) from None
    return value


def read_article(path: str | Path, published: dt.date | None = None) -> Article:
    """Read one UTF-8 text file as an article; its first non-empty line is the title.

    Raises:
        InputError: the file is missing, unreadable, too large, binary or not UTF-8.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path}: file is larger than {MAX_FILE_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read file ({err.strerror or err})") from None
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=path.stem, text=text, published=published, title=title, path=str(path))


def read_jsonl(path: str) -> Iterator[Article | InputError]:
    """Yield one article per JSON line ``{id, text, published?, title?, source?}``, or the line's error.

    ``published`` may be missing or null; otherwise it must be a date YYYY-MM-DD. A string that is not
    valid Unicode (a lone surrogate escaped as "\\ud800") makes its line an error.
    """
    with open(path, encoding="utf-8") if path != "-" else contextlib.nullcontext(sys.stdin) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield _jsonl_article(line, number)
            except (ValueError, InputError) as err:
                yield InputError(f"{path}:{number}: {err}")


def _jsonl_article(line: str, number: int) -> Article:
    """Read one JSON line as an article; raise ValueError or InputError with the reason."""
    item = json.loads(line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError("needs an object with a string 'text'")
    for name in _JSONL_FIELDS:
        if isinstance(item.get(name), str):
            check_text(name, item[name])
    published = item.get("published")
    return Article(
        id=str(item.get("id", number)),
        text=item["text"],
        published=None if published is None else parse_published(published),
        title=item.get("title"),
        source=item.get("source"),
        path=item.get("url") or item.get("path"),
    )

"""Reading articles from files, folders and JSON Lines, with one-line errors for bad input."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from graph.records import Article

__all__ = ["InputError", "read_article", "iter_article_files", "read_jsonl"]

MAX_FILE_BYTES = 20_000_000


class InputError(Exception):
    """An input that cannot be read as an article; the message is one line for the user."""


def read_article(path: str | Path, published: str | None = None) -> Article:
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


def iter_article_files(paths: list[str]) -> Iterator[Path]:
    """Yield the files named by ``paths`` and the ``*.txt`` files under named folders, sorted."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, _dirs, files in os.walk(path):
                for file in sorted(files):
                    if file.endswith(".txt"):
                        yield Path(root) / file
        else:
            yield path


def read_jsonl(path: str) -> Iterator[Article | InputError]:
    """Yield one article per JSON line ``{id, text, published, title?, source?}``, or the line's error."""
    with open(path, encoding="utf-8") if path != "-" else contextlib.nullcontext(sys.stdin) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("needs an object with a string 'text'")
                yield Article(
                    id=str(item.get("id", number)),
                    text=item["text"],
                    published=item.get("published"),
                    title=item.get("title"),
                    source=item.get("source"),
                    path=item.get("url") or item.get("path"),
                )
            except ValueError as err:
                yield InputError(f"{path}:{number}: {err}")

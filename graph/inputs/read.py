"""Turn what ``ingest`` is given (paths, folders, batches, pages, links, feeds) into articles.

Each input is read by its kind (``graph.inputs.kinds``); one bad file, line, row, entry or
link becomes an ``InputError`` in the stream and the rest goes on. Feed entries already in
the graph (same URL or same text, ``graph.inputs.known``) are counted and left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.inputs import kinds
from graph.inputs.batch import read_csv_batch, read_jsonl_batch
from graph.inputs.feeds import looks_like_feed, read_feed
from graph.inputs.html import article_from_html
from graph.inputs.known import KnownDocuments
from graph.inputs.record import Record, url_id
from graph.records import Article
from graph.sources import MAX_FILE_BYTES, InputError, read_article
from graph.web.fetch import FEED_TYPES, Fetcher, FetchError, Page

__all__ = ["Reader", "article_from_text"]

_READS = ", ".join(ext for exts in kinds.EXTENSIONS.values() for ext in exts)


def article_from_text(text: str, record: Record, published: dt.date | None = None) -> Article:
    """The article of a text given inline or fetched as text/plain; its first line is the title unless named."""
    title = record.title or next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=record.id, text=text, title=title, source=record.source, author=record.author,
                   path=record.url or record.where,
                   published=record.published or published)


class Reader:
    """Reads ingest's inputs one by one; counts what it skipped and what the graph already held."""

    def __init__(self, fetcher: Fetcher | None = None, published: dt.date | None = None,
                 known: Callable[[], KnownDocuments] = KnownDocuments):
        """``fetcher`` reads links (None: links are refused); ``published`` is the date given for every input.

        ``known`` gives what the graph holds; it is called once, at the first feed (a plain ingest never reads it).
        """
        self.fetcher = fetcher
        self.published = published
        self._known_source = known
        self._known: KnownDocuments | None = None
        self.skipped: list[str] = []  # files a folder holds that are not articles, with why
        self.already = 0  # feed entries the graph already holds

    def articles(self, names: list[str]) -> Iterator[Article | InputError]:
        """Yield every article the names lead to, or the error of each one that cannot be read."""
        for name in names:
            try:
                yield from self._name(name)
            except (InputError, FetchError) as err:
                yield InputError(str(err))

    def _name(self, name: str) -> Iterator[Article | InputError]:
        """Read one argument: a link, a folder or a file."""
        path = Path(name)
        if kinds.is_url(name):
            yield from self._url(name)
        elif path.is_dir():
            for file in _files_under(path):
                kind = kinds.kind_of(file)
                if kind is None:
                    self.skipped.append(f"{file}: skipped, not an article file "
                                        f"({file.suffix or 'no extension'}; ingest reads {_READS})")
                else:
                    yield from self._safely(file, kind)
        elif not path.exists():
            raise InputError(f"{name}: no such file or folder")
        else:
            yield from self._file(path, kinds.kind_of(path) or kinds.TEXT)  # a named file is read as text

    def _safely(self, file: Path, kind: str) -> Iterator[Article | InputError]:
        """Read one file of a folder; its error does not stop the folder."""
        try:
            yield from self._file(file, kind)
        except (InputError, FetchError) as err:
            yield InputError(str(err))

    def _file(self, path: Path, kind: str) -> Iterator[Article | InputError]:
        """Read one file by its kind."""
        if kind == kinds.TEXT:
            article = read_article(path)
            title = (article.title or "").lstrip("#=* ").strip() or None  # a Markdown heading's marks are not its title
            yield dataclasses.replace(article, title=title, published=self.published)
        elif kind == kinds.HTML:
            yield article_from_html(_bytes(path), Record(id=path.stem, where=str(path), published=self.published))
        elif kind in (kinds.JSONL, kinds.CSV):
            batch = read_jsonl_batch(path) if kind == kinds.JSONL else read_csv_batch(path)
            for item in batch:
                yield item if isinstance(item, InputError) else self.article_of(item)
        else:
            yield from self._feed(read_feed(_bytes(path), str(path), self.published))

    def _url(self, url: str) -> Iterator[Article | InputError]:
        """Read a link: a feed's entries, or the page's article."""
        page = self._fetch(url)
        if page.content_type in FEED_TYPES or looks_like_feed(page.body):
            yield from self._feed(read_feed(page.body, url, self.published))
        else:
            yield self._page_article(page, Record(id=url_id(url), where=url, url=url))

    def _feed(self, records: list[Record | InputError]) -> Iterator[Article | InputError]:
        """Read each entry not yet in the graph."""
        for record in records:
            if isinstance(record, InputError):
                yield record
            elif self.known().has_url(record.url):
                self.already += 1
            else:
                article = self.article_of(record)
                if isinstance(article, Article) and not self.known().add(record.url, article.text):
                    self.already += 1
                else:
                    yield article

    def known(self) -> KnownDocuments:
        """The URLs and text hashes of stored documents (and of this run's feed entries), read once."""
        if self._known is None:
            self._known = self._known_source()
        return self._known

    def _fetch(self, url: str) -> Page:
        """Fetch a link, or refuse when this reader may not."""
        if self.fetcher is None:
            raise InputError(f"{url}: fetching links is off here")
        return self.fetcher.get(url)

    def article_of(self, record: Record) -> Article | InputError:
        """The article of a batch line or feed entry: its text, its HTML, or its fetched link; else its error."""
        try:
            if record.text is not None:
                return article_from_text(record.text, record, self.published)
            if record.html is not None:
                return self._html_article(record.html, record)
            if record.url is None:
                raise InputError("needs 'text', 'html' or 'url'")
            return self._page_article(self._fetch(record.url), record)
        except (InputError, FetchError) as err:
            message = str(err)
            return InputError(message if message.startswith(record.where) else f"{record.where}: {message}")

    def _page_article(self, page: Page, record: Record) -> Article:
        """The article of a fetched page: HTML through the extractor, plain text as it is."""
        if page.content_type == "text/plain":
            return article_from_text(page.body.decode(page.charset or "utf-8", errors="replace"), record,
                                     self.published)
        if page.content_type in FEED_TYPES:
            raise InputError(f"{page.url} is a feed, not an article page")
        return self._html_article(page.body.decode(page.charset, errors="replace") if page.charset else page.body,
                                  record)

    def _html_article(self, html: str | bytes, record: Record) -> Article:
        """The article of a page's HTML; the record's title, date, source and author win over the page's."""
        return article_from_html(html, dataclasses.replace(record, published=record.published or self.published))


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, sorted, leaving out hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield Path(root) / file


def _bytes(path: Path) -> bytes:
    """A file's bytes, within the size cap; raise InputError when it cannot be read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: file is larger than {MAX_FILE_BYTES} bytes")
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read file ({err.strerror or err})") from None

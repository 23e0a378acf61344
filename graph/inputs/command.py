"""``python -m graph ingest``: read the inputs, write them to the store or send them to the service, poll.

With ``--service URL`` the articles are read here (files, pages, links, feeds) and sent to the
running service one by one, so the service stays the store's one writer. ``--every`` repeats the
ingest (a feed re-read adds only new entries) and backs off after a failed round.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from graph.config import Settings, load_settings
from graph.inputs.known import KnownDocuments
from graph.inputs.read import Reader
from graph.records import Article
from graph.sources import InputError
from graph.web.service import ServiceClient, ServiceError
from graph.web.settings import fetcher_from_settings

if TYPE_CHECKING:  # the store's modules load only when a command opens one
    from graph.store import TripleStore

__all__ = ["run_ingest", "poll", "parse_every", "backoff", "open_store_or_explain", "MAX_BACKOFF_S"]

MAX_BACKOFF_S = 3600.0
ReaderFactory = Callable[[Callable[[], KnownDocuments]], Reader]  # a reader over what a store or service holds
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Read a polling interval such as ``90s``, ``15m`` or ``1h`` as seconds (argparse type)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if match is None or float(match[1]) <= 0:
        raise argparse.ArgumentTypeError(f"expected an interval such as 30s, 15m or 1h, got {text!r}")
    return float(match[1]) * _UNITS[match[2] or "s"]


def backoff(every: float, failures: int) -> float:
    """Seconds to wait before the next round: ``every``, doubled per failed round in a row, at most an hour."""
    return min(every * 2 ** min(failures, 20), max(every, MAX_BACKOFF_S))


def poll(once: Callable[[], int], every: float, sleep: Callable[[float], None] = time.sleep,
         rounds: int | None = None) -> int:
    """Run ``once`` every ``every`` seconds (``rounds`` times, or until interrupted), backing off after failures."""
    failures, status, done = 0, 0, 0
    while rounds is None or done < rounds:
        try:
            status = once()
        except InputError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 2
        done += 1
        failures = 0 if status == 0 else failures + 1
        if rounds is not None and done >= rounds:
            break
        wait = backoff(every, failures)
        if failures:
            print(f"round failed; next try in {wait:.0f} s", file=sys.stderr)
        sleep(wait)
    return status


def run_ingest(args: argparse.Namespace) -> int:
    """Run ``ingest`` as the arguments say: once, or every ``--every`` seconds."""
    if args.workers is not None and args.workers < 0:
        raise InputError("--workers must be 0 (in-process) or more")
    try:
        settings = load_settings({"data_dir": args.data_dir, "store": args.store})
        fetcher = fetcher_from_settings(settings)
    except ValueError as err:
        raise InputError(str(err)) from None

    def make_reader(known: Callable[[], KnownDocuments]) -> Reader:
        return Reader(fetcher, args.published, known)

    round_ = _via_service if args.service else _into_store
    return poll(lambda: round_(args, settings, make_reader), args.every or 0, rounds=None if args.every else 1)


def _read_all(reader: Reader, names: list[str], quiet: bool) -> tuple[list[Article], list[str]]:
    """Every article the names lead to, and the errors (printed as they come)."""
    articles, errors = [], []
    for item in reader.articles(names):
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(str(item))
            print(f"error: {item}", file=sys.stderr)
    if not quiet:
        for line in reader.skipped:
            print(line, file=sys.stderr)
    return articles, errors


def _into_store(args: argparse.Namespace, settings: Settings, make_reader: ReaderFactory) -> int:
    """One round into the store: read, extract, write; the store is closed again at the end."""
    from tqdm import tqdm

    from graph.ingest import ingest_articles
    from graph.store import StoreError

    store = open_store_or_explain(settings, "ingest")
    try:
        reader = make_reader(lambda: KnownDocuments.of_store(store))
        articles, errors = _read_all(reader, args.paths, args.quiet)
        report = (lambda line: tqdm.write(f"error: {line}", file=sys.stderr)) if not args.quiet else _print_error
        with tqdm(total=len(articles), unit="doc", disable=args.quiet, file=sys.stderr) as bar:
            summary = ingest_articles(
                store, articles, settings.base_iri, scheduler=args.scheduler, workers=args.workers,
                validate=not args.no_validate, progress=bar, on_error=report,
            )
    except (OSError, StoreError) as err:  # scheduler unreachable, disk full, remote store down
        raise InputError(f"ingest stopped: {err}") from None
    finally:
        store.close()
    summary.errors[:0] = errors
    if not args.quiet:
        for line in summary.violations[:10]:
            print(f"violation: {line}", file=sys.stderr)
        if len(summary.violations) > 10:
            print(f"... and {len(summary.violations) - 10} more violations", file=sys.stderr)
    print(summary.line() + (f"; {reader.already} already in the graph" if reader.already else ""), file=sys.stderr)
    return _status(summary.documents, reader, summary.errors)


def _status(documents: int, reader: Reader, errors: list[str]) -> int:
    """0 when something was ingested or everything was already in the graph; else 1 (said when no error said why)."""
    if documents or reader.already:
        return 0
    if not errors:
        print("error: nothing to ingest: no article file, batch line, feed entry or link was found", file=sys.stderr)
    return 1


def _via_service(args: argparse.Namespace, settings: Settings, make_reader: ReaderFactory) -> int:
    """One round through the running service: read here, send each article to ``POST /api/documents``."""
    client = ServiceClient(args.service, settings.write_token)
    reader = make_reader(client.known)
    articles, errors = _read_all(reader, args.paths, args.quiet)
    sent = 0
    for article in articles:
        try:
            client.post_article(article)
            sent += 1
        except ServiceError as err:  # this article; a refused token or a silent service stops the round
            errors.append(str(err))
            print(f"error: {article.path or article.id}: {err}", file=sys.stderr)
    print(f"sent {sent} documents to {client.url}; {len(errors)} skipped"
          + (f"; {reader.already} already in the graph" if reader.already else ""), file=sys.stderr)
    return _status(sent, reader, errors)


def _print_error(line: str) -> None:
    print(f"error: {line}", file=sys.stderr)


def open_store_or_explain(settings: Settings, command: str) -> TripleStore:
    """Open the store for ``command``; a store a running service holds is a one-line InputError saying what to do."""
    from graph.store import StoreError, open_store

    try:
        store = open_store(settings)
        if settings.store:
            store.graph_names()  # a remote store that does not answer fails now, not after extraction
        return store
    except (ValueError, StoreError, SyntaxError) as err:
        raise InputError(f"cannot open the store: {err}") from None
    except OSError as err:
        if "lock" in str(err).lower():
            through = (f", or run `python -m graph {command} ... --service http://HOST:PORT`"
                       + (" with CONFLICTKG_WRITE_TOKEN set" if command == "ingest" else "")
                       if command in ("ingest", "export") else " first")
            raise InputError(f"the store in {settings.data_dir} is in use by a running service (or another "
                             f"ingest): stop it{through}") from None
        raise InputError(f"cannot open the store in {settings.data_dir}: {err.strerror or err}") from None

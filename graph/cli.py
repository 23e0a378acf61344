"""The command line: ``extract``, ``ingest`` (and more subcommands as the graph grows)."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from graph import __version__
from graph.config import load_settings
from graph.logs import configure_logging
from graph.records import Article
from graph.sources import InputError, iter_article_files, parse_published, read_article, read_jsonl

__all__ = ["main", "build_parser"]


def _iso_date(text: str) -> str:
    try:
        return parse_published(text).isoformat()
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``python -m graph``."""
    parser = argparse.ArgumentParser(prog="python -m graph", description="ConflictKG: articles to a knowledge graph.")
    parser.add_argument("--version", action="version", version=f"conflictkg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="print what is extracted from articles, as JSON")
    extract.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files, one article each")
    extract.add_argument("--jsonl", metavar="IN.jsonl", help="read {id, text, published, title?, source?} lines")
    extract.add_argument("--published", type=_iso_date, help="publication date YYYY-MM-DD of the FILEs")
    extract.add_argument("--format", choices=["json"], default="json", help="output format (default json)")

    ingest = commands.add_parser("ingest", help="extract articles and write them into the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of *.txt articles")
    ingest.add_argument("--published", type=_iso_date, help="publication date of the articles, if known")
    ingest.add_argument("--data-dir", help="store directory (default $CONFLICTKG_DATA_DIR or ./data)")
    ingest.add_argument("--store", metavar="sparql:QUERY_URL[,UPDATE_URL]", help="write to a remote SPARQL 1.1 server")
    ingest.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="extract on this Dask cluster")
    ingest.add_argument(
        "--workers", type=int, metavar="N", help="local Dask worker processes (default: one per core); 0 = in-process"
    )
    ingest.add_argument("--no-validate", action="store_true", help="skip SHACL validation of document graphs")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar, only errors")

    from graph.export import FORMATS

    export = commands.add_parser("export", help="write the whole graph as RDF, ACLED-style CSV or an actor network")
    export.add_argument("--format", choices=list(FORMATS), required=True, help="output format")
    export.add_argument("--out", metavar="FILE", help="file to write (default: standard output)")
    export.add_argument("--data-dir", help="store directory (default $CONFLICTKG_DATA_DIR or ./data)")

    reconcile = commands.add_parser(
        "reconcile", help="rebuild the current graph (one set of facts per entity) from every document graph")
    reconcile.add_argument("--data-dir", help="store directory (default $CONFLICTKG_DATA_DIR or ./data)")
    reconcile.add_argument("--store", metavar="sparql:QUERY_URL[,UPDATE_URL]", help="a remote SPARQL 1.1 server")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    configure_logging(logging.ERROR if getattr(args, "quiet", False) else logging.WARNING)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "export":
            return _export(args)
        if args.command == "reconcile":
            return _reconcile(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


def _extract(args: argparse.Namespace) -> int:
    from graph.extract import Extractor

    if bool(args.files) == bool(args.jsonl):
        raise InputError("give either FILE... or --jsonl IN.jsonl")
    if args.jsonl:
        return _extract_jsonl(args.jsonl, Extractor())
    articles = [read_article(path, args.published) for path in args.files]
    results = [e.to_json() for e in Extractor().extract_many(articles)]
    json.dump(results[0] if len(results) == 1 else results, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _extract_jsonl(path: str, extractor) -> int:
    items = list(read_jsonl(path))
    good = [item for item in items if isinstance(item, Article)]
    extracted = iter(extractor.extract_many(good))
    failures = 0
    for item in items:
        if isinstance(item, Article):
            print(json.dumps(next(extracted).to_json(), ensure_ascii=False))
        else:
            failures += 1
            print(f"error: {item}", file=sys.stderr)
    return 1 if failures and not good else 0


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from graph.ingest import ingest_articles
    from graph.store import StoreError

    if args.workers is not None and args.workers < 0:
        raise InputError("--workers must be 0 (in-process) or more")
    settings = load_settings({"data_dir": args.data_dir, "store": args.store})
    articles, errors = [], []
    for path in iter_article_files(args.paths):
        try:
            articles.append(read_article(path, args.published))
        except InputError as err:
            errors.append(str(err))
            print(f"error: {err}", file=sys.stderr)
    store = _open_store_for_ingest(settings)
    report = None if args.quiet else (lambda line: tqdm.write(f"error: {line}", file=sys.stderr))
    try:
        with tqdm(total=len(articles), unit="doc", disable=args.quiet, file=sys.stderr) as bar:
            summary = ingest_articles(
                articles, store, settings.base_iri, scheduler=args.scheduler, workers=args.workers,
                validate=not args.no_validate, progress=bar, on_error=report or _print_error,
            )
    except (OSError, StoreError) as err:  # scheduler unreachable, disk full, remote store down
        raise InputError(f"ingest stopped: {err}") from None
    summary.errors[:0] = errors
    if not args.quiet:
        for line in summary.violations[:10]:
            print(f"violation: {line}", file=sys.stderr)
        if len(summary.violations) > 10:
            print(f"... and {len(summary.violations) - 10} more violations", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.errors and not summary.documents else 0


def _print_error(line: str) -> None:
    print(f"error: {line}", file=sys.stderr)


def _open_store_for_ingest(settings):
    from graph.store import StoreError, open_store

    try:
        store = open_store(settings)
        if settings.store:
            store.graph_names()  # a remote store that does not answer fails now, not after extraction
        return store
    except (ValueError, StoreError, SyntaxError) as err:
        raise InputError(f"cannot open the store: {err}") from None
    except OSError as err:  # e.g. the directory is locked by a running service
        raise InputError(f"cannot open the store in {settings.data_dir}: {err}") from None


def _reconcile(args: argparse.Namespace) -> int:
    from graph.link import rebuild_current

    settings = load_settings({"data_dir": args.data_dir, "store": args.store})
    store = _open_store_for_ingest(settings)
    rebuild_current(store)
    store.flush()
    print("reconciled the current graph", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    import os

    from graph.export import export
    from graph.store import open_store

    settings = load_settings({"data_dir": args.data_dir})
    if not settings.store and not os.path.isdir(settings.data_dir):
        raise InputError(f"no store at {settings.data_dir}: ingest articles first or give --data-dir")
    try:
        store = open_store(settings)
        export(store, args.format, args.out or sys.stdout.buffer)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot export: {err}") from None
    sys.stdout.flush()
    return 0

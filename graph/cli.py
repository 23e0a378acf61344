"""The command line: ``extract``, ``ingest`` (and more subcommands as the graph grows)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys

from graph import __version__
from graph.config import load_settings
from graph.inputs.command import open_store_or_explain, parse_every
from graph.logs import configure_logging
from graph.records import Article
from graph.sources import InputError, parse_published, read_article, read_jsonl

__all__ = ["main", "build_parser"]


def _iso_date(text: str) -> dt.date:
    try:
        return parse_published(text)
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
    ingest.add_argument(
        "paths", nargs="+", metavar="PATH|URL",
        help="text files (.txt, .md, ...), saved pages (.html), batches (.jsonl, .csv), feeds (.rss, .xml), "
        "folders of them, or http(s) links to articles or feeds",
    )
    ingest.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                        help="publication date of every article (wins over the page's, feed's or text's date)")
    ingest.add_argument("--every", type=parse_every, metavar="INTERVAL",
                        help="repeat every INTERVAL (30s, 15m, 1h), e.g. to poll feeds; backs off after failures")
    ingest.add_argument("--service", metavar="URL",
                        help="send the articles to the running service at URL (token: $CONFLICTKG_WRITE_TOKEN)")
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
    export.add_argument("--service", metavar="URL", help="export from the running service at URL")

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
    from graph.inputs.command import run_ingest

    return run_ingest(args)


def _export_from_service(args: argparse.Namespace) -> int:
    from graph.web.service import ServiceClient

    client = ServiceClient(args.service, load_settings().write_token)
    if not args.out:
        client.export(args.format, sys.stdout.buffer)
        return 0
    try:
        with open(args.out, "wb") as out:
            client.export(args.format, out)
    except OSError as err:
        raise InputError(f"cannot write {args.out}: {err.strerror or err}") from None
    return 0


def _reconcile(args: argparse.Namespace) -> int:
    from graph.link import rebuild_current

    settings = load_settings({"data_dir": args.data_dir, "store": args.store})
    store = open_store_or_explain(settings, "reconcile")
    rebuild_current(store)
    store.flush()
    print("reconciled the current graph", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    import os

    from graph.export import export

    if args.service:
        return _export_from_service(args)
    settings = load_settings({"data_dir": args.data_dir})
    if not settings.store and not os.path.isdir(settings.data_dir):
        raise InputError(f"no store at {settings.data_dir}: ingest articles first or give --data-dir")
    store = open_store_or_explain(settings, "export")
    try:
        export(store, args.format, args.out or sys.stdout.buffer)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot export: {err}") from None
    sys.stdout.flush()
    return 0

"""A realistic corpus for benchmarks: real texts, extracted once, replicated as news repeats itself.

The texts are the dev sets in ``../shared/eval/`` (ACLED notes, CASE 2021 snippets, news articles)
and the seed; they are read at run time and never copied into the repository (licence). Each is
extracted once by the real extractor and cached (``~/.cache/conflictkg/bench-corpus-<key>.jsonl``,
keyed by the texts, the graph package's code and data and the spaCy model's version, so a changed
rule extracts again).
``replicate`` then writes ``n`` documents as *stories*: a story is one extraction moved to a new
date (document date and every event date shifted by the same number of days), reported by 1 to 4
documents with their own ids, so the same actors and places recur across stories (Islamic State,
FARDC, al-Shabaab...) and the reports of one story merge into one event, the way several outlets report one incident.

Usage: ``python bench/corpus.py N`` prints ``N`` extractions as JSON lines (``Extraction.to_json``);
``python bench/corpus.py N --store DIR [--batch 10000]`` writes them into a store through the ingest
writer, ``batch`` documents per ingest (how the 100,000-document store of ``bench_corpus.py --store``
is built: the extraction runs once per text, not per document).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.records import Article, Extraction  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CACHE = Path.home() / ".cache" / "conflictkg"
BASE = "https://conflictkg.org/id/"
SEED_PUBLISHED = dt.date(2018, 7, 31)
CASE_PUBLISHED = dt.date(2021, 6, 1)  # CASE snippets carry no date; one nearby day for all


def articles(eval_dir: Path | None = EVAL) -> list[Article]:
    """The real texts: the seed, ACLED notes, CASE snippets and news articles (those that are present).

    ``eval_dir=None`` asks for the seed alone. A missing ``eval_dir`` is an error (a one-line exit),
    not a corpus of one text: a benchmark run from a copy of the repository without
    ``../shared/eval`` beside it would otherwise measure the seed replicated and look fine.
    """
    if eval_dir is not None and not eval_dir.is_dir():
        raise SystemExit(f"error: {eval_dir} not found: the realistic corpus is built from its texts "
                         "(run from a worktree beside ../shared/eval, or ask for the seed alone)")
    found = [Article(id=f"seed-{path.stem}", text=path.read_text(encoding="utf-8"), published=SEED_PUBLISHED)
             for path in sorted((ROOT / "seeds").glob("*.txt"))]
    if eval_dir is None:
        return found
    for name, published in (("acled_dev.jsonl", None), ("case2021_dev.jsonl", CASE_PUBLISHED)):
        path = eval_dir / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                found.append(Article(id=row["id"], text=row["text"], published=_day(row) or published))
    for path in sorted((eval_dir / "news_dev").glob("dev*-[0-9]*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        found.append(Article(id=row["id"], text=row["text"], published=_day(row), title=row.get("title"),
                             source=row.get("source")))
    return found


def _day(row: dict) -> dt.date | None:
    """The row's publication date, when it gives one."""
    return dt.date.fromisoformat(row["published"]) if row.get("published") else None


def extractions(eval_dir: Path | None = EVAL) -> list[Extraction]:
    """Every text of :func:`articles`, extracted once (cached on disk), with at least one event (None: the seed's)."""
    texts = articles(eval_dir)
    digest = hashlib.sha1("\n".join(f"{a.id}\t{a.published}\t{a.text}" for a in texts).encode(), usedforsecurity=False)
    for path in _extractor_files():
        digest.update(path.read_bytes())
    digest.update(_model_version().encode())
    key = digest.hexdigest()[:12]
    cache = CACHE / f"bench-corpus-{key}.jsonl"
    if not cache.exists():
        from graph.extract import Extractor

        CACHE.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(e.to_json()) for e in Extractor().extract_many(texts)]
        cache.with_suffix(".tmp").write_text("\n".join(lines) + "\n", encoding="utf-8")
        cache.with_suffix(".tmp").replace(cache)
    found = [Extraction.from_json(json.loads(line)) for line in cache.read_text(encoding="utf-8").splitlines()]
    return [e for e in found if e.events]


def _extractor_files() -> list[Path]:
    """The files whose content decides an extraction: the graph package's code and data, in a fixed order."""
    return sorted(path for path in (ROOT / "graph").rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc")


def _model_version() -> str:
    """The installed version of the spaCy model the extractor loads ("" when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    from graph.extract.parse.nlp import MODEL

    try:
        return version(MODEL)
    except PackageNotFoundError:
        return ""


def _shift(date: str | None, days: int) -> str | None:
    """An ISO date (day, month or year) moved by ``days``; other text unchanged."""
    if not date:
        return date
    try:
        if len(date) == 10:
            return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()
        if len(date) == 7:
            return (dt.date.fromisoformat(date + "-15") + dt.timedelta(days=days)).isoformat()[:7]
        if len(date) == 4 and date.isdigit():
            return str(int(date) + round(days / 365.25))
    except ValueError:
        pass
    return date


def _moved(source: Extraction, document_id: str, days: int, publisher: str) -> Extraction:
    day = source.document.published
    document = dataclasses.replace(source.document, id=document_id, published=day and day + dt.timedelta(days=days),
                                   source=publisher, title=source.document.title or f"Report {document_id}")
    events = tuple(dataclasses.replace(e, date=_shift(e.date, days)) for e in source.events)
    return dataclasses.replace(source, document=document, events=events)


PUBLISHERS = ("Wire A", "Wire B", "Daily C", "Radio D", "Monitor E")


def replicate(sources: list[Extraction], n: int, seed: int = 7) -> Iterator[Extraction]:
    """``n`` documents: stories of 1-4 reports each, every story a source moved by up to 3 years."""
    rng = random.Random(seed)
    written = story = 0
    while written < n:
        source = sources[story % len(sources)]
        days = rng.randrange(-3 * 365, 3 * 365)
        for report in range(min(rng.choice((1, 1, 2, 2, 3, 4)), n - written)):
            yield _moved(source, f"corpus-{story}-{report}", days, PUBLISHERS[report % len(PUBLISHERS)])
            written += 1
        story += 1


def build_store(path: str, n: int, batch: int = 10_000) -> None:
    """Write ``n`` documents of the corpus into the store at ``path``, ``batch`` per ingest (no extraction run)."""
    from graph.distributed import build_result
    from graph.ingest import write_documents
    from graph.store import Store

    docs, store, written = replicate(extractions(), n), Store(path), 0
    try:
        while chunk := list(itertools.islice(docs, batch)):
            summary = write_documents(store, (build_result(e, BASE, validate=False) for e in chunk), BASE, atomic=False)
            written += len(chunk)
            print(f"{written} documents; {summary.line()}", flush=True)
    finally:
        store.close()


def main() -> None:
    """``N``: print N extractions as JSON lines; ``N --store DIR [--batch B]``: write them into a store."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100)
    parser.add_argument("--store", help="write the documents into this store directory instead of printing them")
    parser.add_argument("--batch", type=int, default=10_000, help="documents per ingest with --store")
    args = parser.parse_args()
    if args.store:
        build_store(args.store, args.n, args.batch)
    else:
        for extraction in replicate(extractions(), args.n):
            print(json.dumps(extraction.to_json()))


if __name__ == "__main__":
    main()

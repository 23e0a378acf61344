"""Benchmark ingest from saved HTML pages and from a JSONL batch against plain text files.

The same articles three ways: ``.txt`` files (the baseline: the input ingest always read), saved
``.html`` pages of twelve layouts (``tests/page_corpus.py``: trafilatura reads the main text and
metadata), and one ``.jsonl`` batch. Each round reads a kind through ``graph.inputs.Reader`` and
ingests it in this process (``ingest_articles``, ``workers=0``, SHACL validation on, as the CLI
does) into a fresh on-disk store. Rounds rotate the order of the kinds and each kind's best round
counts; the ratio compares CPU seconds of this process (everything runs in it: reading, spaCy, the
writer thread), which other engineers' jobs on a shared machine disturb far less than wall time;
wall seconds and the reading share are printed too. The texts the three kinds give are checked to
be the same. Target: HTML and JSONL within 10% of plain text. Last line:
``BENCH inputs ratio=<slowest of html, jsonl / text CPU seconds> html_ratio=... jsonl_ratio=... ...``

Usage: python bench/bench_inputs.py [--articles N] [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ingest import ingest_articles  # noqa: E402
from graph.inputs import Reader  # noqa: E402
from graph.records import Article  # noqa: E402
from graph.store import Store  # noqa: E402
from tests.page_corpus import pages  # noqa: E402

BASE = "https://conflictkg.org/id/"
PUBLISHED = dt.date(2019, 7, 31)  # given for every kind, so each extraction resolves dates against the same day


def write_inputs(folder: Path, count: int) -> dict[str, Path]:
    """Write the same articles as text files, saved pages and one JSONL batch; return kind -> path."""
    paths = {"text": folder / "text", "html": folder / "html", "jsonl": folder / "batch" / "batch.jsonl"}
    for path in (paths["text"], paths["html"], paths["jsonl"].parent):
        path.mkdir(parents=True)
    with paths["jsonl"].open("w", encoding="utf-8") as batch:
        for page in pages(count):
            text = page.title + "\n\n" + "\n\n".join(page.paragraphs) + "\n"
            (paths["text"] / f"{page.name}.txt").write_text(text, encoding="utf-8")
            (paths["html"] / f"{page.name}.html").write_text(page.html, encoding="utf-8")
            batch.write(json.dumps({"id": page.name, "text": text, "title": page.title}) + "\n")
    return paths


def read(path: Path) -> list[Article]:
    """Every article under ``path``; a bad one stops the benchmark."""
    found = list(Reader(published=PUBLISHED).articles([str(path)]))
    bad = [str(item) for item in found if not isinstance(item, Article)]
    if bad:
        raise SystemExit(f"error: {bad[0]}")
    return [item for item in found if isinstance(item, Article)]


def one_round(path: Path, store_dir: Path) -> tuple[float, float, float, int]:
    """Read and ingest ``path`` into a new store; return (CPU seconds, wall seconds, reading CPU seconds, documents)."""
    cpu, wall = time.process_time(), time.perf_counter()
    articles = read(path)
    reading = time.process_time() - cpu
    store = Store(str(store_dir))
    try:
        summary = ingest_articles(store, articles, BASE, workers=0)
    finally:
        store.close()
    return time.process_time() - cpu, time.perf_counter() - wall, reading, summary.documents


def main() -> None:
    """Run the benchmark and print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_inputs(Path(tmp), args.articles)
        texts = {kind: sorted((a.id, a.text) for a in read(path)) for kind, path in paths.items()}
        same = sum(a == b == c for a, b, c in zip(texts["text"], texts["html"], texts["jsonl"], strict=True))
        print(f"articles={args.articles}: the same text from all three kinds for {same}")
        one_round(paths["text"], Path(tmp) / "warm")  # loads the spaCy model and the gazetteer once
        best = {kind: (float("inf"), 0.0, 0.0) for kind in paths}
        kinds = list(paths)
        for number in range(args.rounds):
            for kind in kinds[number % 3:] + kinds[:number % 3]:
                cpu, wall, reading, documents = one_round(paths[kind], Path(tmp) / f"{kind}-{number}")
                assert documents == args.articles, (kind, documents)
                best[kind] = min(best[kind], (cpu, wall, reading))
                print(f"round {number + 1} {kind}: {cpu:.2f} s CPU, {wall:.2f} s wall, reading {reading:.2f} s CPU")
    text, html, jsonl = (best[kind][0] for kind in ("text", "html", "jsonl"))
    ratio = max(html / text, jsonl / text)
    print(f"BENCH inputs ratio={ratio:.3f} html_ratio={html / text:.3f} jsonl_ratio={jsonl / text:.3f} "
          f"text_cpu_s={text:.2f} html_cpu_s={html:.2f} jsonl_cpu_s={jsonl:.2f} "
          f"html_reading_s={best['html'][2]:.2f} articles={args.articles} target=1.10 "
          f"met={'yes' if ratio <= 1.10 else 'no'}")


if __name__ == "__main__":
    main()

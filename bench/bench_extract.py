"""Benchmark the whole extraction against bare spaCy over the same texts.

Ours: ``graph.extract.Extractor().extract_many`` (cleaning, the project's pipeline with its
EntityRuler, actors, places, relations, events with ACLED types, dates and counts).
Baseline: ``spacy.load(MODEL).pipe`` of the same statistical model, same batch size, nothing else.
Ours multiplies the models' matrices with numpy's OpenBLAS instead of blis (graph/extract/parse/blas.py),
which makes the parse itself faster; so the line also gives ``same_blas_ratio``, ours against bare spaCy
given that same backend: what our own stages cost, apart from the backend's gain.

The corpus is synthetic conflict news written from templates with a fixed random seed (actors,
places, weapons, dates and counts drawn from small generic lists; no dev data), plus the seed
articles in ``seeds/``. Rounds alternate baseline and ours; each side's best round counts, which
keeps the comparison fair on a busy machine. Last line:
``BENCH extract ratio=<ours/bare docs per second> ours_docs_s=... bare_docs_s=... same_blas_ratio=...``

Usage: python bench/bench_extract.py [--articles N] [--rounds N] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extract import Extractor  # noqa: E402
from graph.extract.parse.blas import use_openblas  # noqa: E402
from graph.extract.parse.nlp import MODEL  # noqa: E402
from graph.records import Article  # noqa: E402

STATE = ["government troops", "the army", "security forces", "police", "soldiers", "the military"]
ARMED = ["rebels", "militants", "gunmen", "insurgents", "Islamist fighters", "a local militia", "jihadists"]
PLACES = ["Aleppo", "Mosul", "Taiz", "Benghazi", "Gao", "Kismayo", "Kunduz", "Donetsk", "Lashio", "Culiacan",
          "Maiduguri", "Idlib", "Hodeidah", "Sirte", "Mopti", "Baidoa", "Herat", "Kharkiv", "Sagaing", "Zamfara"]
WEAPONS = ["mortar rounds", "rockets", "artillery shells", "a roadside bomb", "a grenade", "a car bomb"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday", "last week",
        "in mid-July", "on July 25", "earlier this month", "two days ago"]
COUNTS = ["three", "at least 12", "more than 40", "dozens of", "seven", "1,200", "hundreds of", "two"]
VICTIMS = ["civilians", "villagers", "soldiers", "fighters", "protesters", "students", "police officers"]
TEMPLATES = [
    "{armed} attacked a checkpoint near {place} {day}, killing {count} {victims}, officials said.",
    "{state} recaptured the town of {place} from {armed} {day} after heavy fighting.",
    "{armed} fired {weapon} at {place} {day}, wounding {count} {victims}.",
    "Warplanes struck {armed} positions east of {place} {day}, a monitoring group said.",
    "Thousands of people marched in {place} {day} to demand the release of political prisoners.",
    "{state} used tear gas to disperse {count} protesters in central {place} {day}.",
    "{armed} abducted {count} {victims} from a village outside {place} {day}.",
    "{state} arrested {count} suspected members of {armed} in {place} {day}.",
    "A suicide bomber blew himself up at a market in {place} {day}, killing {count} {victims}.",
    "The two sides agreed a ceasefire in {place} {day}, according to local mediators.",
    "{state} defused {weapon} planted on the main road to {place} {day}.",
    "Residents said {armed} looted shops and burned houses in {place} {day}.",
    "The death toll from the clashes in {place} rose to {count}, a medical source said {day}.",
    "The governor of {place} said {day} that schools would reopen after the holiday.",
    "Heavy rain caused flooding in {place} {day}, and {count} families lost their homes.",
]


def make_corpus(articles: int, seed: int = 11) -> list[Article]:
    """Synthetic conflict-news articles (6-14 sentences each) plus the seed articles."""
    rng = random.Random(seed)
    corpus = []
    for n in range(articles):
        sentences = []
        for _ in range(rng.randint(6, 14)):
            sentence = rng.choice(TEMPLATES).format(
                armed=rng.choice(ARMED), state=rng.choice(STATE), place=rng.choice(PLACES), day=rng.choice(DAYS),
                weapon=rng.choice(WEAPONS), count=rng.choice(COUNTS), victims=rng.choice(VICTIMS),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        title = f"Fighting reported near {rng.choice(PLACES)}"
        corpus.append(Article(id=f"bench-{n}", text=title + "\n\n" + " ".join(sentences),
                              published=dt.date(2019, 7, 31)))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        corpus.append(Article(id=path.stem, text=path.read_text(encoding="utf-8"), published=dt.date(2018, 7, 31)))
    return corpus


def time_bare(nlp, texts: list[str], batch_size: int) -> float:
    """Seconds for bare ``nlp.pipe`` over the texts."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_ours(extractor: Extractor, corpus: list[Article]) -> tuple[float, int]:
    """Seconds for the whole extraction, and the number of events it found (so the work is seen)."""
    start = time.perf_counter()
    events = sum(len(x.events) for x in extractor.extract_many(corpus))
    return time.perf_counter() - start, events


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=120, help="synthetic articles (default 120)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; best of each side counts")
    parser.add_argument("--quick", action="store_true", help="30 articles, 1 round")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.rounds = 30, 1

    corpus = make_corpus(args.articles)
    texts = [a.text for a in corpus]
    extractor = Extractor()
    bare = spacy.load(MODEL)
    bare_same_blas = spacy.load(MODEL)
    use_openblas(bare_same_blas)
    batch = extractor.batch_size
    # warm-up: lazy data files, gazetteers, vectors
    time_ours(extractor, corpus[:5])
    time_bare(bare, texts[:5], batch)
    time_bare(bare_same_blas, texts[:5], batch)

    bare_best = same_best = ours_best = float("inf")
    events = 0
    for r in range(args.rounds):
        b = time_bare(bare, texts, batch)
        s = time_bare(bare_same_blas, texts, batch)
        o, events = time_ours(extractor, corpus)
        bare_best, same_best, ours_best = min(bare_best, b), min(same_best, s), min(ours_best, o)
        print(f"round {r + 1}: bare {len(corpus) / b:.1f} docs/s, bare on our backend {len(corpus) / s:.1f} docs/s, "
              f"ours {len(corpus) / o:.1f} docs/s", flush=True)
    words = sum(len(t.split()) for t in texts)
    bare_rate, ours_rate = len(corpus) / bare_best, len(corpus) / ours_best
    print(f"corpus: {len(corpus)} docs, {words} words; ours found {events} events")
    print(f"bare spaCy ({MODEL}): {bare_rate:.1f} docs/s ({words / bare_best:.0f} words/s)")
    print(f"whole extraction:     {ours_rate:.1f} docs/s ({words / ours_best:.0f} words/s)")
    same_rate = len(corpus) / same_best
    print(f"bare spaCy on our matrix backend: {same_rate:.1f} docs/s")
    print(f"BENCH extract ratio={ours_rate / bare_rate:.3f} ours_docs_s={ours_rate:.1f} bare_docs_s={bare_rate:.1f} "
          f"same_blas_ratio={ours_rate / same_rate:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

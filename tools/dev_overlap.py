"""Print the repository lines that share a run of N words with the dev sets, so that no dev text enters the repo.

The dev sets (../shared/eval) belong to their publishers and to ACLED: we measure with them, and the
project's tests and comments use sentences we write ourselves. This scan finds quoted dev text:

    .venv/bin/python tools/dev_overlap.py --eval ../shared/eval -n 6   # 0 lines now; -n 8 is the default

Words are lower-cased runs of letters, digits and apostrophes. A word N-gram of a repo line that also
occurs in a dev text is a hit, unless it lies inside a phrase of tools/dev_overlap_allow.txt (official
names and labels such as ACLED's event types) or in the project's own seed articles (seeds/). Each hit
prints as ``path:line: n-gram  [dev file]``; the last line counts them. Exit 0 when there is none,
1 when there is one, 2 on bad use.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOW = ROOT / "tools" / "dev_overlap_allow.txt"
DEV_SUFFIXES = (".jsonl", ".json", ".txt")
REPO_SUFFIXES = (".py", ".md", ".txt", ".tsv", ".csv", ".json", ".jsonl", ".html", ".js", ".toml", ".ttl")
SKIP_DIRS = {".git", ".venv", "vendor", "w3c", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache",
             ".pytest_cache"}
OWN_DIR = "seeds"
WORD = re.compile(r"[a-z0-9']+")

Gram = tuple[str, ...]


def grams(text: str, n: int) -> set[Gram]:
    """The word n-grams of ``text`` (lower-cased)."""
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _strings(value: object) -> Iterator[str]:
    """Every string inside a parsed JSON value (keys are field names, not text, and are left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def dev_texts(path: Path) -> Iterator[str]:
    """The texts of one dev file: the strings of its JSON records, or the whole file when it is plain text."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".txt":
        yield text
        return
    lines = text.splitlines() if path.suffix == ".jsonl" else [text]
    for line in lines:
        try:
            yield from _strings(json.loads(line))
        except json.JSONDecodeError:
            yield line


def dev_grams(evals: Path, n: int) -> dict[Gram, str]:
    """Each word n-gram of the dev sets under ``evals``, with the name of one file it occurs in."""
    found: dict[Gram, str] = {}
    for path in sorted(evals.rglob("*")):
        if path.is_file() and path.suffix in DEV_SUFFIXES:
            for text in dev_texts(path):
                for gram in grams(text, n):
                    found.setdefault(gram, path.name)
    return found


def repo_files(root: Path) -> Iterator[Path]:
    """The repo's text files to scan, in path order (virtualenv, vendored and third-party test data skipped)."""
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and path.suffix in REPO_SUFFIXES and not SKIP_DIRS.intersection(parts):
            yield path


def allowed_phrases(lines: Iterable[str]) -> list[list[str]]:
    """The words of each allowed phrase (one phrase a line; blank lines and ``#`` comments skipped)."""
    return [WORD.findall(line.lower()) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def line_grams(line: str, n: int, phrases: list[list[str]]) -> set[Gram]:
    """The word n-grams of a repo line once the allowed phrases are cut out of it."""
    words = WORD.findall(line.lower())
    kept = [True] * len(words)
    for phrase in phrases:
        for i in range(len(words) - len(phrase) + 1):
            if phrase and words[i:i + len(phrase)] == phrase:
                kept[i:i + len(phrase)] = [False] * len(phrase)
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1) if all(kept[i:i + n])}


def scan(root: Path, evals: Path, n: int, allow: Iterable[str]) -> list[str]:
    """One report line per repo line that shares a word n-gram with the dev texts, outside allowed phrases."""
    dev = dev_grams(evals, n)
    phrases = allowed_phrases(allow)
    files = [path for path in repo_files(root) if OWN_DIR not in path.relative_to(root).parts]
    for own in (root / OWN_DIR).rglob("*"):
        if own.is_file():  # the project's own seed articles may be quoted
            for gram in grams(own.read_text(encoding="utf-8", errors="replace"), n):
                dev.pop(gram, None)
    hits = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            shared = sorted(g for g in line_grams(line, n, phrases) if g in dev)
            if shared:
                hits.append(f"{path.relative_to(root)}:{number}: {' '.join(shared[0])}  [{dev[shared[0]]}]")
    return hits


def main(argv: list[str] | None = None) -> int:
    """Run the scan from the command line; exit 1 when a repo line shares an n-gram with the dev sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", required=True, type=Path, help="the dev sets' folder (outside the repo)")
    parser.add_argument("-n", type=int, default=8, help="words in a shared run (default 8)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository to scan (default: this one)")
    parser.add_argument("--allow", type=Path, default=ALLOW, help="phrases that may be shared (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"dev_overlap: no such folder: {args.eval}", file=sys.stderr)
        return 2
    if args.n < 2:
        print("dev_overlap: -n must be at least 2", file=sys.stderr)
        return 2
    allow = args.allow.read_text(encoding="utf-8").splitlines() if args.allow.is_file() else []
    hits = scan(args.root.resolve(), args.eval.resolve(), args.n, allow)
    for hit in hits:
        print(hit)
    print(f"dev_overlap n={args.n}: {len(hits)} repo lines share {args.n} words with the dev sets")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())

"""Print the repository lines that share a run of N words with the dev sets, so that no dev text enters the repo.

The dev sets (../shared/eval) belong to their publishers and to ACLED: we measure with them, and the
project's tests and comments use sentences we write ourselves. This scan finds quoted dev text:

    .venv/bin/python tools/dev_overlap.py --eval ../shared/eval -n 6   # 0 lines now; -n 8 is the default

Words are lower-cased runs of letters, digits and apostrophes. A word N-gram of a repo line that also
occurs in a dev text is a hit, unless it lies inside a phrase of tools/dev_overlap_allow.txt (official
names and labels such as ACLED's event types) or in the project's own seed articles (seeds/). Each hit
prints as ``path:line: n-gram  [dev file]``; the last line counts them. Exit 0 when there is none,
1 when there is one, 2 on bad use.

A paraphrase keeps a dev text's rare names but not its word runs. ``--names --since REV`` scans the
lines added since REV (``git diff REV`` of tests/, graph/, tools/ and docs/) for the words of 3 letters
or more that occur in at most 3 dev texts (record ids, or file names for plain text; the seed's gold
is the project's own), leaving out common English (graph/data/places/common_words.txt): rare names and
rare nouns. Each line prints as ``path:line: word [dev ids]; ...``; a name that many dev texts use (a
country, a capital) is not printed. The last line counts the lines; exit 1 when there is one:

    .venv/bin/python tools/dev_overlap.py --eval ../shared/eval --names --since 9c825df
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
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
NAME = re.compile(r"[^\W\d_]{3,}")
COMMON = ROOT / "graph" / "data" / "places" / "common_words.txt"
NAMED_DIRS = ("tests", "graph", "tools", "docs")
MAX_TEXTS = 3
OWN_GOLD = "seed_gold.json"  # the gold of the project's own seed article, not a dev text
HUNK = re.compile(r"^@@ -\S+ \+(\d+)")

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


def dev_records(path: Path) -> Iterator[tuple[str, list[str]]]:
    """The records of one dev file: each one's id (its "id" field, else the file name) and its strings."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".txt":
        yield path.name, [text]
        return
    lines = text.splitlines() if path.suffix == ".jsonl" else [text]
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield path.name, [line]
            continue
        ident = record.get("id") if isinstance(record, dict) else None
        yield str(ident or path.name), list(_strings(record))


def dev_texts(path: Path) -> Iterator[str]:
    """The texts of one dev file: the strings of its JSON records, or the whole file when it is plain text."""
    for _, strings in dev_records(path):
        yield from strings


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


def dev_words(evals: Path) -> dict[str, set[str]]:
    """Each lower-cased word of the dev sets that occurs in at most MAX_TEXTS records, with their ids."""
    texts: dict[str, set[str]] = defaultdict(set)
    for path in sorted(evals.rglob("*")):
        if path.is_file() and path.suffix in DEV_SUFFIXES and path.name != OWN_GOLD:
            for ident, strings in dev_records(path):
                for word in {w.lower() for text in strings for w in NAME.findall(text)}:
                    texts[word].add(ident)
    return {word: ids for word, ids in texts.items() if len(ids) <= MAX_TEXTS}


def added_lines(root: Path, since: str) -> Iterator[tuple[str, int, str]]:
    """Each line added since revision ``since`` under NAMED_DIRS: path, line number and text."""
    diff = subprocess.run(["git", "-C", str(root), "diff", "--unified=0", "--no-color", "--no-ext-diff", since,
                           "--", *NAMED_DIRS], capture_output=True, text=True, check=True).stdout
    path, number = "", 0
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else ""
        elif match := HUNK.match(line):
            number = int(match.group(1))
        elif line.startswith("+") and path:
            yield path, number, line[1:]
            number += 1


def scan_names(root: Path, evals: Path, since: str) -> list[str]:
    """One report line per added repo line naming words that only a few dev texts use."""
    rare = dev_words(evals)
    common = {w.strip() for w in COMMON.read_text(encoding="utf-8").splitlines() if not w.startswith("#")}
    hits = []
    for path, number, line in added_lines(root, since):
        words: dict[str, str] = {}  # lower-cased word -> its first spelling on the line
        for word in NAME.findall(line):
            if word.lower() in rare and word.lower() not in common:
                words.setdefault(word.lower(), word)
        if words:
            named = "; ".join(f"{word} [{', '.join(sorted(rare[low]))}]" for low, word in words.items())
            hits.append(f"{path}:{number}: {named}")
    return hits


def main(argv: list[str] | None = None) -> int:
    """Run the scan from the command line; exit 1 when a repo line shares an n-gram with the dev sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", required=True, type=Path, help="the dev sets' folder (outside the repo)")
    parser.add_argument("-n", type=int, default=8, help="words in a shared run (default 8)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository to scan (default: this one)")
    parser.add_argument("--allow", type=Path, default=ALLOW, help="phrases that may be shared (default: %(default)s)")
    parser.add_argument("--names", action="store_true",
                        help=f"print the words of lines added since --since that at most {MAX_TEXTS} dev texts use")
    parser.add_argument("--since", default="main", help="the revision --names diffs against (default: main)")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"dev_overlap: no such folder: {args.eval}", file=sys.stderr)
        return 2
    if args.names:
        return main_names(args.root.resolve(), args.eval.resolve(), args.since)
    if args.n < 2:
        print("dev_overlap: -n must be at least 2", file=sys.stderr)
        return 2
    allow = args.allow.read_text(encoding="utf-8").splitlines() if args.allow.is_file() else []
    hits = scan(args.root.resolve(), args.eval.resolve(), args.n, allow)
    for hit in hits:
        print(hit)
    print(f"dev_overlap n={args.n}: {len(hits)} repo lines share {args.n} words with the dev sets")
    return 1 if hits else 0


def main_names(root: Path, evals: Path, since: str) -> int:
    """Print the --names report; exit 1 when an added line names a rare dev word, 2 when git fails."""
    try:
        hits = scan_names(root, evals, since)
    except subprocess.CalledProcessError as error:
        print(f"dev_overlap: git diff {since} failed: {error.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return 2
    for hit in hits:
        print(hit)
    print(f"dev_names since={since}: {len(hits)} lines name rare dev words")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())

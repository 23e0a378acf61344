"""Run ``python -m graph extract`` over the seed and the dev sets and compare with a reference run.

A refactoring of graph/extract/ must leave every extraction byte-identical. Make a reference from
the commit before the change, then check each later commit against it:

    .venv/bin/python tools/extraction_snapshot.py --out /tmp/ref                 # reference, on main
    .venv/bin/python tools/extraction_snapshot.py --out /tmp/new --compare /tmp/ref
    .venv/bin/python tools/extraction_snapshot.py --out /tmp/new --compare /tmp/ref --sets seed news

The dev sets are read at run time from ../shared/eval (their licences keep them out of this
repository); inputs and outputs go to the --out directory only. Exit 0 when every compared
output is identical, 1 when one differs (the first differing line is printed), 2 on bad use.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SEED_PUBLISHED = "2018-07-31"  # the date tests/conftest.py ingests the seed with

# name -> (scorer script, its --make-input arguments before the output path)
DEV_SETS = {
    "case": ("score_case.py", ["--data", "case2021_dev.jsonl"]),
    "re3d": ("score_entities.py", ["--data", "re3d_dev.jsonl"]),
    "acled": ("score_acled.py", ["--data", "acled_dev.jsonl"]),
    "news": ("score_news.py", ["--gold-dir", "news_dev"]),
}
ALL_SETS = ["seed", *DEV_SETS]


def make_input(name: str, out: Path, evals: Path) -> Path:
    """Write the dev set's extractor input (``{id, text, published}`` lines) with its own scorer."""
    script, args = DEV_SETS[name]
    path = out / f"{name}_in.jsonl"
    cmd = [sys.executable, str(evals / script), *[a if a.startswith("--") else str(evals / a) for a in args],
           "--make-input", str(path)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return path


def extract_args(name: str, out: Path, evals: Path) -> list[str]:
    """The ``python -m graph extract`` arguments for one set."""
    if name == "seed":
        seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))  # same output in any checkout
        return [*seeds, "--published", SEED_PUBLISHED, "--format", "json"]
    return ["--jsonl", str(make_input(name, out, evals)), "--format", "json"]


def run_set(name: str, out: Path, evals: Path) -> Path:
    """Extract one set into ``out/<name>.json`` (stdout) and ``out/<name>.err`` (stderr)."""
    result = out / f"{name}.json"
    with open(result, "wb") as stdout, open(out / f"{name}.err", "wb") as stderr:
        code = subprocess.run([sys.executable, "-m", "graph", "extract", *extract_args(name, out, evals)],
                              stdout=stdout, stderr=stderr, cwd=ROOT).returncode
    if code:
        raise SystemExit(f"error: extract of {name} exited {code}; see {out / (name + '.err')}")
    return result


def first_difference(a: Path, b: Path) -> str | None:
    """Describe the first line where two files differ, or None when they are byte-identical."""
    left, right = a.read_bytes(), b.read_bytes()
    if left == right:
        return None
    for number, (x, y) in enumerate(zip(left.splitlines(), right.splitlines(), strict=False), 1):
        if x != y:
            return f"line {number}:\n  ref: {x[:300]!r}\n  new: {y[:300]!r}"
    return f"lengths differ ({len(left)} vs {len(right)} bytes)"


def main(argv: list[str] | None = None) -> int:
    """Extract the chosen sets and compare them with a reference directory; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="directory for inputs and outputs")
    parser.add_argument("--compare", type=Path, help="reference directory made by an earlier run")
    parser.add_argument("--sets", nargs="+", choices=ALL_SETS, default=ALL_SETS, help="sets to run (default all)")
    parser.add_argument("--eval", type=Path, default=EVAL, help=f"folder of the dev sets (default {EVAL})")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"error: no dev sets at {args.eval}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    differing = []
    for name in args.sets:
        result = run_set(name, args.out, args.eval)
        if args.compare is None:
            print(f"{name}: {result.stat().st_size} bytes")
            continue
        difference = first_difference(args.compare / result.name, result)
        print(f"{name}: {'identical' if difference is None else 'DIFFERS at ' + difference}")
        if difference is not None:
            differing.append(name)
    if args.compare is not None:
        print(f"SNAPSHOT identical={len(args.sets) - len(differing)}/{len(args.sets)}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

"""Print a revision's module tree with line counts, its longest modules and its longest functions.

For closing notes of refactorings ("the module tree before and after"): read from git, so any
revision can be measured from one checkout.

    .venv/bin/python tools/code_figures.py --rev cedc521 --paths graph/extract graph/store.py graph/remote.py
    .venv/bin/python tools/code_figures.py --rev HEAD --paths graph/extract graph/store --top 10
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent


class Function(NamedTuple):
    """One function or method: where it is and how many lines it spans."""

    lines: int
    path: str
    name: str


def python_files(rev: str, paths: list[str]) -> dict[str, str]:
    """The text of every ``.py`` file under ``paths`` at ``rev``, by path (paths missing there are skipped)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", rev, "--", *paths],
                            check=True, capture_output=True, text=True).stdout.split()
    return {path: subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True,
                                 capture_output=True, text=True).stdout
            for path in listed if path.endswith(".py")}


def functions(path: str, text: str) -> list[Function]:
    """Every function and method of one module with its length in lines (decorators left out)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
            found.append(Function(node.end_lineno - node.lineno + 1, path, node.name))
    return found


def report(rev: str, paths: list[str], top: int) -> list[str]:
    """The lines to print: the tree (path and lines), the ``top`` longest modules and functions, a summary."""
    files = python_files(rev, paths)
    sizes = {path: len(text.splitlines()) for path, text in files.items()}
    every = [f for path, text in files.items() for f in functions(path, text)]
    out = [f"# {rev}: {len(files)} modules, {sum(sizes.values())} lines, {len(every)} functions", "## tree"]
    out += [f"{path} {lines}" for path, lines in sorted(sizes.items())]
    out.append(f"## longest modules (top {top})")
    out += [f"{lines} {path}" for path, lines in sorted(sizes.items(), key=lambda item: (-item[1], item[0]))[:top]]
    out.append(f"## longest functions (top {top})")
    out += [f"{f.lines} {f.path}:{f.name}" for f in sorted(every, key=lambda f: (-f.lines, f.path, f.name))[:top]]
    lengths = sorted(f.lines for f in every)
    if lengths:
        out.append(f"FIGURES rev={rev} modules={len(files)} lines={sum(sizes.values())} functions={len(every)} "
                   f"median_function={lengths[len(lengths) // 2]} longest_function={lengths[-1]} "
                   f"longest_module={max(sizes.values())}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the figures of one revision; exit 2 when git cannot read it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD", help="git revision (default HEAD)")
    parser.add_argument("--paths", nargs="+", default=["graph/extract"],
                        help="files and folders (default graph/extract)")
    parser.add_argument("--top", type=int, default=10, help="how many longest modules and functions (default 10)")
    args = parser.parse_args(argv)
    try:
        print("\n".join(report(args.rev, args.paths, args.top)))
    except subprocess.CalledProcessError as err:
        print(f"error: git could not read {args.rev}: {(err.stderr or '').strip()}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

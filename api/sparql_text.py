"""A lexical look at SPARQL text: what a query or update asks for, before the engine runs it.

The engine (pyoxigraph) parses and evaluates; this module only tokenises, following the
SPARQL grammar's terminals (IRIs, strings, comments, variables, prefixed names), so a keyword
inside a string, an IRI or a name is never mistaken for one. It answers three questions:
does the text use ``SERVICE`` or ``LOAD`` (refused: they make the server fetch any URL), does
it name its own dataset (``FROM``, ``USING``, ``WITH``), and where do the protocol's
``using-graph-uri`` parameters go. Results are cached by text, so a repeated query costs a
dictionary lookup.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Analysis", "analyse", "add_using", "MAX_NESTING"]

# The engine's recursive parser overflows its stack (and kills the process) somewhere past a
# few thousand nested brackets; no real query comes near this.
MAX_NESTING = 256

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<lstring>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][^\s{}()\[\];,<>"'\#?$=!|&*+/^@.]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[^\s{}()\[\];,<>"'\#?$=!|&*+/^@]+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_OPEN, _CLOSE = "{([", "})]"


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (a group name above), text and start offset."""

    kind: str
    text: str
    start: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword when this is a bare word (no ``:``), else ``None``."""
        return self.text.upper() if self.kind == "word" and ":" not in self.text else None


@dataclass(frozen=True)
class Analysis:
    """What the lexer saw in one query or update text."""

    forbidden: str | None  # "SERVICE" or "LOAD" when the text uses one
    has_from: bool  # the query names its own dataset (FROM / FROM NAMED)
    has_using_or_with: bool  # the update names its own dataset (USING / WITH)
    depth: int = 0  # deepest nesting of (), {} and []


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens, dropping white space and comments."""
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            found.append(Token(kind, match.group(), match.start()))
    return found


@functools.lru_cache(maxsize=1024)
def analyse(text: str) -> Analysis:
    """Return what ``text`` uses (cached by text)."""
    toks = tokens(text)
    keywords = {t.keyword for t in toks} - {None}
    forbidden = next((k for k in ("SERVICE", "LOAD") if k in keywords), None)
    depth = deepest = 0
    for tok in toks:
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
    return Analysis(forbidden, "FROM" in keywords, bool(keywords & {"USING", "WITH"}), deepest)


def add_using(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """Give every ``DELETE``/``INSERT ... WHERE`` of ``update`` the protocol's dataset.

    SPARQL 1.1 Protocol's ``using-graph-uri`` / ``using-named-graph-uri`` act as ``USING`` /
    ``USING NAMED`` clauses on each operation that has a ``WHERE``; a ``DELETE WHERE { P }``
    is rewritten to its long form ``DELETE { P } USING ... WHERE { P }``, which means the same.
    The IRIs must already be validated (they are written between ``<>``).
    """
    clause = " ".join([f"USING <{g}>" for g in default_graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    toks = tokens(update)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied right to left
    depth, op_start = 0, 0
    for i, tok in enumerate(toks):
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
        elif depth == 0 and tok.text == ";":
            op_start = i + 1
        elif depth == 0 and tok.keyword == "WHERE" and i > op_start:
            edits.append(_using_edit(update, toks, op_start, i, clause))
    for start, end, replacement in sorted(edits, reverse=True):
        update = update[:start] + replacement + update[end:]
    return update


def _using_edit(text: str, toks: list[Token], op_start: int, where: int, clause: str) -> tuple[int, int, str]:
    """The edit that puts ``clause`` before the ``WHERE`` at ``toks[where]``."""
    at = toks[where].start
    if toks[op_start].keyword == "DELETE" and where == op_start + 1:
        group = text[toks[where + 1].start : _group_end(toks, where + 1)]
        return at, at, f"{group} {clause} "
    return at, at, f"{clause} "


def _group_end(toks: list[Token], open_index: int) -> int:
    """Offset just past the bracket that closes the one at ``toks[open_index]``."""
    depth = 0
    for tok in toks[open_index:]:
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
            if depth == 0:
                return tok.start + 1
    return toks[-1].start + len(toks[-1].text)

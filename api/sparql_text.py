"""A lexical look at SPARQL text: what a query or update asks for, before the engine runs it.

The engine (pyoxigraph) parses and evaluates; this module only tokenises, following the
terminals of the SPARQL 1.1 grammar (section 19.8: IRIREF, the four string forms, VAR1/VAR2,
PNAME_NS/PNAME_LN with their ``\\``-escapes and ``%`` codes, BLANK_NODE_LABEL, LANGTAG, the
numbers, comments), so a keyword inside a string, an IRI or a name is never taken for one,
and a ``#`` inside a prefixed name (``ex:a\\#``) never starts a comment. Keywords are ASCII
words, so ``.SERVICE`` is the punctuation ``.`` and the keyword ``SERVICE``. It answers three
questions: does the text use ``SERVICE`` or ``LOAD`` (refused with a friendly 400; the engine
cannot reach the network anyway, see ``api/no_network.py``), how deep does it nest, and does it
name its own dataset (``FROM``, ``USING``, ``WITH``); and it places the protocol's
``using-graph-uri`` parameters. One pass, linear in the text; short texts' answers are cached.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Analysis", "analyse", "refusal", "add_using", "tokens", "MAX_NESTING"]

# The engine's recursive parser overflows its stack (and kills the process) somewhere past a
# few thousand nested brackets; no real query comes near this.
MAX_NESTING = 256
# Analyses of texts up to this many characters are cached (at most _CACHE_SIZE of them: ~4 MB).
_CACHED_CHARS, _CACHE_SIZE = 8192, 512

# Character classes of the grammar's productions 164-170.
_BASE = (
    "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
    "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)
_U = _BASE + "_"
_CHARS = _U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_PN_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_EXPONENT = "[eE][+-]?[0-9]+"

_TOKEN = re.compile(
    rf"""
    (?P<ws>[\x20\t\r\n]+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<open><<)
  | (?P<close>>>)
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<lstring>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\')
  | (?P<string>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][{_U}0-9][{_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)
  | (?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+\.[0-9]*{_EXPONENT}|\.?[0-9]+{_EXPONENT}|[0-9]*\.[0-9]+|[0-9]+)
  | (?P<word>[A-Za-z][A-Za-z0-9_]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_OPEN, _CLOSE = "{([", "})]"
_BRACKET_KINDS = frozenset({"open", "close", "punct"})  # the kinds of token that may open or close a nested part


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (a group name above), text and start offset."""

    kind: str
    text: str
    start: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword when this is a bare word, else ``None``."""
        return self.text.upper() if self.kind == "word" else None

    @property
    def nesting(self) -> int:
        """+1 for a bracket that opens a nested part, -1 for one that closes it, else 0."""
        return _nesting(self.kind, self.text)


def _nesting(kind: str, text: str) -> int:
    if kind == "open" or (kind == "punct" and text in _OPEN):
        return 1
    if kind == "close" or (kind == "punct" and text in _CLOSE):
        return -1
    return 0


@dataclass(frozen=True)
class Analysis:
    """What the lexer saw in one query or update text."""

    forbidden: str | None  # "SERVICE" or "LOAD" when the text uses one
    has_from: bool  # the query names its own dataset (FROM / FROM NAMED)
    has_using_or_with: bool  # the update names its own dataset (USING / WITH)
    depth: int = 0  # deepest nesting of (), {}, [] and << >>


def tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text``, leaving out white space and comments."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield Token(kind, match.group(), match.start())


def analyse(text: str) -> Analysis:
    """Return what ``text`` uses (short texts' answers are cached)."""
    return _analyse_cached(text) if len(text) <= _CACHED_CHARS else _analyse(text)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _analyse_cached(text: str) -> Analysis:
    return _analyse(text)


def _analyse(text: str) -> Analysis:
    # straight from the matches: making a Token of each cost more than the matching
    keywords: set[str] = set()
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            keywords.add(match.group().upper())
        elif kind in _BRACKET_KINDS and (step := _nesting(kind, match.group())):
            depth += step
            deepest = max(deepest, depth)
    forbidden = next((k for k in ("SERVICE", "LOAD") if k in keywords), None)
    return Analysis(forbidden, "FROM" in keywords, bool(keywords & {"USING", "WITH"}), deepest)


def refusal(analysis: Analysis) -> str | None:
    """Why the endpoint never runs this text (outside fetches, pathological nesting), or ``None``."""
    if analysis.forbidden:
        return f"{analysis.forbidden} is refused: this endpoint never fetches outside URLs."
    if analysis.depth > MAX_NESTING:
        return f"The text nests brackets {analysis.depth} deep; at most {MAX_NESTING} are accepted."
    return None


def add_using(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """Give every ``DELETE``/``INSERT ... WHERE`` of ``update`` the protocol's dataset.

    SPARQL 1.1 Protocol's ``using-graph-uri`` / ``using-named-graph-uri`` act as ``USING`` /
    ``USING NAMED`` clauses on each operation that has a ``WHERE``; a ``DELETE WHERE { P }``
    is rewritten to its long form ``DELETE { P } USING ... WHERE { P }``, which means the same.
    The IRIs must already be validated (they are written between ``<>``).
    """
    clause = " ".join([f"USING <{g}>" for g in default_graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    toks = list(tokens(update))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied right to left
    depth, op_start = 0, 0
    for i, tok in enumerate(toks):
        if tok.nesting:
            depth += tok.nesting
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
        depth += tok.nesting
        if tok.nesting < 0 and depth == 0:
            return tok.start + 1
    return toks[-1].start + len(toks[-1].text)

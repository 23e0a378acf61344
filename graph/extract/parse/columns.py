"""Token attributes of a parsed doc as lists of strings, each read in one pass once per doc.

``token.lower_`` makes a Token object and asks the string store on every read; the rules that scan a
whole doc or sentence for a few words read these lists instead and make Tokens only for the hits.
The docs are not changed after the pipeline, so a list read once stays true.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from weakref import WeakKeyDictionary

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Span, Token

__all__ = [
    "entities", "token_deps", "token_lemmas", "token_lowers", "token_poses", "token_tags", "token_texts",
    "tokens_where",
]

class _DocLists:
    """What is read once per doc: each attribute's strings for every token, and the named entities."""

    __slots__ = ("columns", "ents")

    def __init__(self) -> None:
        self.columns: dict[int, list[str]] = {}
        self.ents: tuple[Span, ...] | None = None


# doc -> its lists (dropped with the doc)
_LISTS: WeakKeyDictionary[Doc, _DocLists] = WeakKeyDictionary()
# the doc read last and its lists: rules call per token, and a WeakKeyDictionary lookup per call was a
# tenth of the extraction's time. Holds at most one finished doc alive past its use.
_last: tuple[Doc | None, _DocLists] = (None, _DocLists())


def _lists(doc: Doc) -> _DocLists:
    """The lists of ``doc``, made empty on its first read."""
    global _last
    last_doc, lists = _last
    if last_doc is not doc:
        found = _LISTS.get(doc)
        if found is None:
            found = _LISTS[doc] = _DocLists()
        lists = found
        _last = (doc, lists)
    return lists


def _column(doc: Doc, attr: int) -> list[str]:
    """The string of ``attr`` for every token of ``doc``, each distinct id looked up once."""
    columns = _lists(doc).columns
    values = columns.get(attr)
    if values is None:
        ids = doc.to_array(attr).tolist()
        strings = doc.vocab.strings
        names = {i: strings[i] for i in set(ids)}
        values = columns[attr] = [names[i] for i in ids]
    return values


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (spaCy builds new Spans on every read; the entities are set by the
    pipeline and not changed after)."""
    lists = _lists(doc)
    if lists.ents is None:
        lists.ents = tuple(doc.ents)
    return lists.ents


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, ORTH)


def token_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, LOWER)


def token_lemmas(doc: Doc) -> list[str]:
    """``[t.lemma_ for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, LEMMA)


def token_tags(doc: Doc) -> list[str]:
    """``[t.tag_ for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, TAG)


def token_poses(doc: Doc) -> list[str]:
    """``[t.pos_ for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, POS)


def token_deps(doc: Doc) -> list[str]:
    """``[t.dep_ for t in doc]``, read once per doc (shared: do not change it)."""
    return _column(doc, DEP)


def tokens_where(span: Span, column: list[str], wanted: Container[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose value in ``column`` (a list above, of the span's doc) is in ``wanted``, in
    order: ``(t for t in span if t.tag_ in wanted)`` without a Token for each word passed over."""
    doc = span.doc
    for i in range(span.start, span.end):
        if column[i] in wanted:
            yield doc[i]

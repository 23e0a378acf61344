"""Token attributes of a parsed doc as tuples of strings, each read in one pass once per doc.

``token.lower_`` makes a Token object and asks the string store on every read; the rules that scan a
whole doc or sentence for a few words read these lists instead and make Tokens only for the hits.
The docs are not changed after the pipeline, so a column read once stays true; columns are tuples because every
rule that reads a doc shares them (a caller's sort or append would change what the later rules read). Besides
strings, a few token flags (``is_alpha``, ``is_sent_start``, ...) are kept as booleans and the heads as token indices.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Iterator
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from spacy.attrs import DEP, ENT_IOB, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Span, Token

__all__ = [
    "doc_text", "entities", "per_doc", "span_entities", "token_deps", "token_ent_iobs", "token_flags", "token_heads",
    "token_lemmas", "token_lowers", "token_poses", "token_strings", "token_tags", "token_texts", "tokens_text",
    "tokens_where",
]

T = TypeVar("T")
_IOB_NAMES = ("", "I", "O", "B")  # spaCy's ENT_IOB numbers -> ``token.ent_iob_``

class _DocLists:
    """What is read once per doc: each attribute's strings for every token, and the named entities."""

    __slots__ = ("columns", "ents", "text")

    def __init__(self) -> None:
        self.columns: dict[Any, Any] = {}  # attribute -> its strings, flags or head indices; reader -> its value
        self.ents: tuple[Span, ...] | None = None
        self.text: str | None = None


# doc -> its lists (dropped with the doc)
_LISTS: WeakKeyDictionary[Doc, _DocLists] = WeakKeyDictionary()
# the doc read last and its lists: rules call per token, and a WeakKeyDictionary lookup per call was a
# tenth of the extraction's time. It is a strong reference, so it holds one finished doc (a server's last request's)
# alive past its use. Threads share it: each swap assigns the (doc, lists) pair whole, so a thread reads either its
# own doc's pair or another's, which the ``is doc`` test rejects; at worst a thread looks its doc up again.
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


def _kept(doc: Doc, attr: Any, read: Callable[[Doc, Any], Any]) -> Any:
    """The list ``read(doc, attr)`` of ``doc``, read on the first call only (``attr`` keys it)."""
    last_doc, lists = _last
    columns = (lists if last_doc is doc else _lists(doc)).columns  # the last doc's lists without a call
    values = columns.get(attr)
    if values is None:
        values = columns[attr] = read(doc, attr)
    return values


def per_doc(doc: Doc, read: Callable[[Doc], T]) -> T:
    """``read(doc)``, worked out on the first call for ``doc`` and kept with its columns: for what many rules derive
    from a whole doc (``read`` must be a module-level function of the doc alone, and return what no caller changes:
    a tuple, a frozenset, a mapping no caller writes to, since every caller gets the same value)."""
    return _kept(doc, read, _applied)


def _applied(doc: Doc, read: Callable[[Doc], T]) -> T:
    return read(doc)


def _strings(doc: Doc, attr: int) -> tuple[str, ...]:
    """The string of ``attr`` for every token of ``doc``, each distinct id looked up once."""
    ids = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    names = {i: strings[i] for i in set(ids)}
    return tuple([names[i] for i in ids])


def _numbers(doc: Doc, attr: int) -> tuple[int, ...]:
    """The number of ``attr`` for every token of ``doc`` (signed: spaCy's array holds negatives wrapped)."""
    return tuple(doc.to_array(attr).astype("int64").tolist())


def _flags(doc: Doc, attr: int) -> tuple[bool, ...]:
    """Whether ``attr`` is set (positive) on every token of ``doc``."""
    return tuple([number > 0 for number in _numbers(doc, attr)])


def _iob_names(doc: Doc, attr: int) -> tuple[str, ...]:
    """The IOB mark ("B", "I", "O" or "") of every token of ``doc``; ``attr`` is ENT_IOB."""
    return tuple([_IOB_NAMES[number] for number in _numbers(doc, attr)])


def _head_indices(doc: Doc, attr: int) -> tuple[int, ...]:
    """The index of every token's head (``attr`` is HEAD, which spaCy keeps as an offset)."""
    return tuple([i + offset for i, offset in enumerate(_numbers(doc, attr))])


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (spaCy builds new Spans on every read; the entities are set by the
    pipeline and not changed after)."""
    lists = _lists(doc)
    if lists.ents is None:
        lists.ents = tuple(doc.ents)
    return lists.ents


def span_entities(span: Span) -> tuple[Span, ...]:
    """The entities inside ``span`` (``span.ents``), from :func:`entities`: ``Span.ents`` builds every entity of the
    doc at each read, which made a rule asked per sentence quadratic on a long article."""
    doc = span.doc
    starts = per_doc(doc, _entity_starts)
    ents = entities(doc)
    return tuple(ent for ent in ents[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
                 if ent.end <= span.end)


def _entity_starts(doc: Doc) -> tuple[int, ...]:
    return tuple(ent.start for ent in entities(doc))


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the doc's tokens once per doc (spaCy joins it anew on each read).

    The text is kept, a second copy of it beside the doc's tokens, for as long as the doc is alive: memory traded
    for the joins saved.
    """
    lists = _lists(doc)
    if lists.text is None:
        lists.text = doc.text
    return lists.text


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` for ``0 <= start``, cut from :func:`doc_text` without making a Span (an end past the
    doc stops at its end, as a slice does)."""
    end = min(end, len(doc))
    if end <= start:
        return ""
    idxs = _kept(doc, IDX, _numbers)
    return doc_text(doc)[idxs[start] : idxs[end - 1] + len(_kept(doc, ORTH, _strings)[end - 1])]


def token_texts(doc: Doc) -> tuple[str, ...]:
    """``[t.text for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, ORTH, _strings)


def token_lowers(doc: Doc) -> tuple[str, ...]:
    """``[t.lower_ for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, LOWER, _strings)


def token_lemmas(doc: Doc) -> tuple[str, ...]:
    """``[t.lemma_ for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, LEMMA, _strings)


def token_tags(doc: Doc) -> tuple[str, ...]:
    """``[t.tag_ for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, TAG, _strings)


def token_poses(doc: Doc) -> tuple[str, ...]:
    """``[t.pos_ for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, POS, _strings)


def token_deps(doc: Doc) -> tuple[str, ...]:
    """``[t.dep_ for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, DEP, _strings)


def token_ent_iobs(doc: Doc) -> tuple[str, ...]:
    """``[t.ent_iob_ for t in doc]`` ("B", "I", "O" or ""), read once per doc (a tuple: shared)."""
    return _kept(doc, ENT_IOB, _iob_names)


def token_heads(doc: Doc) -> tuple[int, ...]:
    """``[t.head.i for t in doc]``, read once per doc (a tuple: shared)."""
    return _kept(doc, HEAD, _head_indices)


def token_strings(doc: Doc, attr: int) -> tuple[str, ...]:
    """The string of a spaCy attribute (``spacy.attrs.ENT_TYPE``, ``ENT_ID``, ...) for every token, read once per doc
    (a tuple: shared)."""
    return _kept(doc, attr, _strings)


def token_flags(doc: Doc, attr: int) -> tuple[bool, ...]:
    """Whether a spaCy flag or sign attribute (``spacy.attrs.IS_ALPHA``, ``IS_UPPER``, ``IS_PUNCT``, ``SENT_START``,
    ``SPACY`` for a trailing space) is set on every token, read once per doc (a tuple: shared)."""
    return _kept(doc, attr, _flags)


def tokens_where(span: Span, column: tuple[str, ...], wanted: Container[str]) -> Iterator[Token]:
    """The tokens of ``span`` whose value in ``column`` (a list above, of the span's doc) is in ``wanted``, in
    order: ``(t for t in span if t.tag_ in wanted)`` without a Token for each word passed over."""
    doc = span.doc
    for i in range(span.start, span.end):
        if column[i] in wanted:
            yield doc[i]

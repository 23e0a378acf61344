"""Token attributes of a parsed doc as lists of strings, each read in one pass once per doc.

``token.lower_`` makes a Token object and asks the string store on every read; the rules that scan a
whole doc or sentence for a few words read these lists instead and make Tokens only for the hits.
The docs are not changed after the pipeline, so a list read once stays true.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import LEMMA, LOWER, ORTH, TAG
from spacy.tokens import Doc

__all__ = ["token_lemmas", "token_lowers", "token_tags", "token_texts"]

# doc -> attribute id -> that attribute's string for every token (dropped with the doc)
_COLUMNS: WeakKeyDictionary[Doc, dict[int, list[str]]] = WeakKeyDictionary()


def _column(doc: Doc, attr: int) -> list[str]:
    """The string of ``attr`` for every token of ``doc``, each distinct id looked up once."""
    columns = _COLUMNS.get(doc)
    if columns is None:
        columns = _COLUMNS[doc] = {}
    values = columns.get(attr)
    if values is None:
        ids = doc.to_array(attr).tolist()
        strings = doc.vocab.strings
        names = {i: strings[i] for i in set(ids)}
        values = columns[attr] = [names[i] for i in ids]
    return values


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

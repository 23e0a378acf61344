"""Token spans of a parsed doc that may name places: the NER's place entities, well-known names it mislabels,
and capitalised names that a cue word marks ("the town of X", "X district"); and the query variants of a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.words import (
    ADMIN_WORDS,
    CAMP_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    DIRECTIONS,
    TOWN_WORDS,
    common_words,
)

__all__ = ["PLACE_LABELS", "strip", "query_variants", "candidate_spans", "cued_spans"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model wrongly gives to well-known places ("Daraa" ORG, "Sweida" PERSON).
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
def strip(span: Span) -> tuple[int, int]:
    """Token bounds of the name inside a mention: without "the", a trailing "'s", or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def query_variants(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """The mention's text, then without a direction word, then without a trailing type word."""
    text = doc[start:end].text
    out = [(start, end, text)]
    if end < len(doc) and doc[end].lower_ in ADMIN_WORDS and doc[end].lower_ not in ("state", "district"):
        out.insert(0, (start, end + 1, doc[start : end + 1].text))  # "Kherson oblast", "Sweida province"
    if end - start > 1 and doc[start].lower_ in DIRECTIONS:
        out.append((start + 1, end, doc[start + 1 : end].text))
    if end - start > 1 and doc[end - 1].lower_ in ADMIN_WORDS | TOWN_WORDS | CAMP_WORDS:
        s = start + 1 if doc[start].lower_ in DIRECTIONS and end - start > 2 else start
        out.append((s, end - 1, doc[s : end - 1].text))
    return out


def candidate_spans(doc: Doc) -> list[Span]:
    """The NER's place entities, and names it mislabels that the gazetteer trusts ("Daraa" as ORG)."""
    gaz = get_gazetteer()
    spans = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append(ent)
        elif ent.label_ in RESCUE_LABELS and ent.text in gaz.trusted_names:
            # a mislabelled name is taken only when spelt as a country, an admin1 unit or a curated place
            spans.append(ent)
    return spans


def cued_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """Capitalised names the NER left out but the words around mark as places.

    "the town of Monguno", "Nad Ali district", "Mobbar LGA", "Bulo Burte town": such spans are kept
    only if the gazetteer places them in a country the article names (checked by the caller).
    """
    out = []
    for i, token in enumerate(doc):
        lower = token.lower_
        if lower == "of" and i >= 1 and doc[i - 1].lower_ in CUE_BEFORE:
            start, end = i + 1, i + 1
            while end < len(doc) and end - start < 4 and _name_token(doc[end]):
                end += 1
        elif lower in CUE_AFTER and i >= 1 and _name_token(doc[i - 1]):
            start, end = i, i
            while start > 0 and end - start < 4 and _name_token(doc[start - 1]):
                start -= 1
        else:
            continue
        if end > start and not any(t in taken for t in range(start, end)) and doc[start].text[:1].isupper():
            out.append(doc[start:end])
            taken.update(range(start, end))
    return out


def _name_token(token) -> bool:
    """A word that can be part of a place name: capitalised, or an Arabic article ("Ad Durayhimi")."""
    if token.lower_ in ("al", "el", "ad", "as", "ash", "ar", "an", "at", "az"):
        return True
    if not (token.is_alpha and token.text[:1].isupper() and not token.is_upper):
        return False
    return not (token.is_sent_start and token.lower_ in common_words())

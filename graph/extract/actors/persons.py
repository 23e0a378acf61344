"""Persons named in an article: NER names, titles stripped, short forms and surnames merged into the full name."""

from __future__ import annotations

from spacy.tokens import Span

from graph.datafiles import read_words
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import PLACE_LABELS, ActorInfo, MentionBuilder, strip_name
from graph.extract.countries import countries
from graph.extract.parse.columns import entities, token_texts
from graph.extract.places.words import FACILITY_NOUNS

__all__ = ["person_mentions", "TITLES"]

_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "del", "da", "van", "von", "der", "le", "la",
                   "ould", "ag", "-", "'"}
# Titles written before a name; a single name after one is still a person ("Secretary Kerry").
TITLES = read_words("actors", "person_titles.txt")


def _name_like(span: Span) -> bool:
    words = [t for t in span if t.text not in {"-", "'"}]
    return bool(words) and all(
        (t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES) and not any(c.isdigit() for c in t.text) for t in words
    ) and words[0].text[:1].isupper()


def person_mentions(builder: MentionBuilder) -> None:
    """Add the persons of the doc, a short form ("Abdel Rahman") as a mention of the full name."""
    doc = builder.doc
    by_adjective, by_name = countries().by_adjective, countries().by_name
    spans = []
    for ent in entities(doc):
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue
        span = strip_name(ent)
        while len(span) > 1 and span[0].text in TITLES:  # "President Obama" names Obama
            span = span[1:]
        if not _name_like(span) or span.text in by_adjective or span.text in by_name or span[0].text in TITLES:
            continue
        if builder.names_place(span) or _names_facility(span):
            continue  # a village the NER read as a person ("Sher Khan Kalay"), or a mosque's or school's name
        spans.append(_with_surname(builder, span, by_name))
    full = sorted({s.text for s in spans if len(s) > 1}, key=len, reverse=True)
    for span in spans:
        longer = [name for name in full if _short_form(span.text, name)]
        name = longer[0] if len(longer) == 1 else span.text  # "Kayyali" of two Kayyalis is neither
        titled = span.start > 0 and doc[span.start - 1].text in TITLES
        if len(name.split()) < 2 and not titled:
            continue  # a lone word is too often a place or an organisation misread as a person
        builder.add(ActorInfo(actor_key(name), name, "person"), span)
    _surname_mentions(builder)


def _names_facility(span: Span) -> bool:
    """Whether a name is that of the building it stands before ("the Umar Farouk mosque", "Mary Kay school")."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in FACILITY_NOUNS


def _with_surname(builder: MentionBuilder, span: Span, by_name: dict[str, str]) -> Span:
    """The name with the proper noun right after it that the NER left out of it (alone, or read alone as a
    place) and no place resolves: the surname of "President Jean Marc Ndoumbe"."""
    doc, after = builder.doc, span.end
    word = doc[after] if after < len(doc) else None
    if word is None or word.pos_ != "PROPN" or not word.text[:1].isupper() or word.text in by_name:
        return span
    alone = word.ent_iob_ == "O" or word.ent_iob_ == "B" and word.ent_type_ in PLACE_LABELS and (
        after + 1 == len(doc) or doc[after + 1].ent_iob_ != "I")
    if alone and not builder.names_place(doc[after : after + 1]):
        return doc[span.start : after + 1]
    return span


def _surname_mentions(builder: MentionBuilder) -> None:
    """A person named in full is later called by the surname alone ("Kayyali added"), unless two persons share
    it, another given name stands before it ("Amira Kayyali" is someone else) or it qualifies a common noun
    ("the Kayyali family", "the Meru community": a family or a people, not the person)."""
    surnames: dict[str, set[str]] = {}
    for info in builder.table.actors.values():
        if info.kind == "person":
            last = info.name.split()[-1].split("-")[-1]
            if len(last) >= 4 and last[:1].isupper():
                surnames.setdefault(last, set()).add(info.key)
    if not surnames:
        return  # no person named in full: no word to look for
    doc = builder.doc
    for i, text in enumerate(token_texts(doc)):
        keys = surnames.get(text)
        if not keys or len(keys) > 1 or (token := doc[i]).ent_type_ in PLACE_LABELS or builder.table.at(i) is not None:
            continue
        if (token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].text[:1].isupper()) or (
                token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN"):
            continue
        builder.add(builder.table.actors[next(iter(keys))], doc[token.i : token.i + 1])


def _short_form(short: str, name: str) -> bool:
    """True when ``short`` is the last part of the longer name ("Abdel Rahman", "al-Masri", "Kadhimi")."""
    short, name = short.lower(), name.lower()
    if short == name or not name.endswith(short):
        return False
    before = name[: -len(short)]
    return before.endswith((" ", "-")) or before.endswith(" al-") or before.endswith(" el-")

"""News outlets that no dictionary lists, named right after the noun that says what they are: "according to the
state news agency Kavuu", "the regional weekly "Gazeta Serrana" reported"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.actors.groups import QUOTES
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder
from graph.extract.countries import countries

__all__ = ["media_mentions"]

# nouns of a news outlet that a name follows in apposition ("news agency X", "the weekly X")
_OUTLET_NOUNS = frozenset(["newspaper", "weekly", "daily", "broadcaster", "tabloid"])
# outlet nouns that are also adjectives: "the weekly X" names an outlet, "after weekly Friday prayers" does not
_ALSO_ADJECTIVES = frozenset(["weekly", "daily"])
_INNER = frozenset(["de", "do", "da", "del", "of", "the", "al", "el"])  # small words inside a title: "Voz da X"


def media_mentions(builder: MentionBuilder) -> None:
    """Add the capitalised name after an outlet noun ("news agency", "newspaper", "weekly") as a news outlet."""
    doc = builder.doc
    for token in doc[:-1]:
        lower = token.lower_
        if lower in _OUTLET_NOUNS or (lower == "agency" and token.i > 0 and doc[token.i - 1].lower_ == "news"):
            span = _name_after(doc, token.i + 1)
            if span is not None and (lower not in _ALSO_ADJECTIVES or _read_as_noun(doc, token.i, span)):
                builder.add(ActorInfo(actor_key(span.text), span.text, "media"), span)


def _read_as_noun(doc: Doc, i: int, name: Span) -> bool:
    """Whether the word at ``i`` ("weekly", "daily") is a noun with the name in apposition: a determiner before it,
    past its adjectives ("the independent daily X", "a state-run weekly X"), and no noun after the name that the
    word would qualify ("the weekly Friday prayers", "the daily Monday march")."""
    before = i - 1
    while before >= 0 and (doc[before].pos_ in ("ADJ", "ADV") or "-" in (doc[before].text, doc[before + 1].text)
                           or (before > 0 and doc[before - 1].text == "-")):
        before -= 1  # the outlet's adjectives, hyphenated ones in parts ("state", "-", "run")
    after = name.end
    while after < len(doc) and doc[after].text in QUOTES:
        after += 1
    qualifies = after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN")
    return before >= 0 and doc[before].pos_ == "DET" and not qualifies


def _name_after(doc: Doc, start: int) -> Span | None:
    """The run of capitalised words (in quotes or not) that starts at ``start``, if it is no country's name."""
    while start < len(doc) and doc[start].text in QUOTES:
        start += 1
    end = start
    while end < len(doc) and (doc[end].text[:1].isupper() or (
            doc[end].lower_ in _INNER and end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    known = countries()
    return None if span.text in known.by_name or span.text in known.by_adjective else span

"""Places of an article: every place mention of a parsed doc, geocoded against the offline gazetteer.

``find_places(doc)`` takes the NER's place spans and the capitalised names that the words around
mark as places, reads the article's countries and admin1 units and the cues around each mention,
and geocodes each with :func:`.geocode.resolve`. ``ruler_patterns()`` (from :mod:`.patterns`)
feeds the EntityRuler that runs before the statistical NER.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span

from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, strip_article
from graph.extract.places.geocode import Cues, resolve
from graph.extract.places.locations import PlaceMention
from graph.extract.places.patterns import ruler_patterns
from graph.extract.places.words import (
    ADMIN_WORDS,
    CAMP_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    DIRECTIONS,
    ORG_WORDS,
    STATE_NOT_ADMIN,
    TITLES,
    TOWN_WORDS,
    common_words,
)
from graph.records import Location

__all__ = ["ruler_patterns", "find_places", "resolve", "Cues"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model wrongly gives to well-known places ("Daraa" ORG, "Sweida" PERSON).
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})


def _strip(span: Span) -> tuple[int, int]:
    """Token bounds of the name inside a mention: without "the", a trailing "'s", or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _cues(doc: Doc, start: int, end: int) -> Cues:
    words = [t.lower_ for t in doc[start:end]]
    after = [t.lower_ for t in doc[end : end + 4]]
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    state_of = after[:1] == ["state"] and (len(after) < 2 or after[1] not in STATE_NOT_ADMIN)  # "Kano state"
    admin = bool(words and words[-1] in ADMIN_WORDS) or bool(after and after[0] in ADMIN_WORDS - {"state"}) or state_of
    admin = admin or (after[:1] == [","] and any(w in ADMIN_WORDS - {"state", "district"} for w in after[1:3]))
    admin = admin or (len(before) >= 2 and before[-1] == "of" and before[-2] in ADMIN_WORDS - {"state"})
    town = bool(words and words[-1] in TOWN_WORDS) or bool(after and after[0] in TOWN_WORDS)
    town = town or (len(before) >= 2 and before[-1] == "of" and before[-2] in TOWN_WORDS)
    camp = bool(words and words[-1] in CAMP_WORDS) or bool(after and after[0] in CAMP_WORDS)
    return Cues(admin=admin, town=town and not admin, camp=camp)


def _possessor(doc: Doc, start: int, countries: dict[str, str], ends: dict[int, Span], context: Counter) -> str | None:
    """ISO2 of a place named just before the mention with a possessive: "Syria's Daraa", "Kabul's Green Zone"."""
    if start >= 2 and doc[start - 1].text in ("'s", "\u2019s"):
        iso = countries.get(normalise(doc[start - 2].text))
        if iso is None and start - 1 in ends:
            owner = resolve(ends[start - 1].text, context)
            iso = owner.country if owner is not None else None
        return iso
    return None


def _apposed(doc: Doc, end: int, starts: dict[int, Span]) -> frozenset:
    """(ISO2, admin1) pairs a country or admin1 unit named right after the mention could be: "Damascus, Oregon"."""
    if end < len(doc) and doc[end].text == "," and end + 1 in starts:
        start2, end2 = _strip(starts[end + 1])
        text = doc[start2:end2].text
        if text[:1].isupper():
            return frozenset(
                (p.country, p.name if p.kind == "governorate" else None)
                for p in get_gazetteer().lookup(text)
                if p.kind in ("country", "governorate")
            )
    return frozenset()


def _query_variants(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
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


def _doc_countries(doc: Doc, spans: list[Span], country_names: dict[str, str]) -> Counter:
    """Countries the article names (places and demonyms), with how often it names them."""
    gaz = get_gazetteer()
    counts: Counter = Counter()
    for ent in doc.ents:
        key = normalise(ent.text)
        if ent.label_ == "NORP":
            iso = gaz.demonyms.get(key) or (gaz.demonyms.get(key[:-1]) if key.endswith("s") else None)
            if iso:  # "Syrian", "Palestinians"
                counts[iso] += 1
    for span in spans:
        start, end = _strip(span)
        for s, e, text in _query_variants(doc, start, end):
            iso = country_names.get(normalise(doc[s:e].text))
            if iso:
                counts[iso] += 2
                break
            if text in gaz.trusted_names:  # "northern Borno": an admin1 unit of a single country counts once
                found = gaz.lookup(text)
                owners = {p.country for p in found if p.kind == "governorate"}
                if len(owners) == 1 and not any(p.rank == 3 for p in found):  # "Tripoli" is also a city
                    counts[owners.pop()] += 1
                    break
            found = gaz.lookup(text)
            if found and found[0].country and len({p.country for p in found}) == 1 and _landmark(found[0]):
                counts[found[0].country] += 1  # "Khan Younis", "the Gaza Strip": only one country has it
                break
    return counts


def _landmark(place) -> bool:
    """A place well known enough to tell the article's country: curated, a region, or a city of 100k."""
    return bool(place.curated) or place.kind in ("region", "governorate") or place.population >= 100_000


def _doc_admin1s(doc: Doc, prepared: list[_Prepared], context: Counter) -> frozenset[str]:
    """Admin1 units the article names, in the countries it names: they favour the towns inside them."""
    gaz = get_gazetteer()
    names: set[str] = set()
    for _span, start, end, _cues in prepared:
        for _s, _e, text in _query_variants(doc, start, end):
            if text in gaz.trusted_names:
                names.update(
                    p.name
                    for p in gaz.lookup(text)
                    if p.kind == "governorate" and (not context or p.country in context)
                )
    return frozenset(names)


@functools.cache
def _country_names() -> dict[str, str]:
    """Normalised name or alias of each country -> ISO2, from the gazetteer."""
    gaz = get_gazetteer()
    out: dict[str, str] = {}
    for place, name in gaz.named("p.kind = 'country'"):
        if place.country is None:
            continue
        out.setdefault(normalise(name), place.country)
        out.setdefault(strip_article(normalise(name)), place.country)
    return out


def _to_location(place: Place, cues: Cues, name: str) -> Location:
    kind, precision = place.kind, place.precision
    if cues.camp and place.kind not in ("camp", "country", "governorate", "region"):
        kind, name = "camp", name  # "Hamidiyah camp": the camp takes the town's point
    else:
        name = place.name
    return Location(
        id=place.id if kind == place.kind else f"{place.id}-camp",
        name=name,
        kind=kind,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        geonames_id=place.geonames_id,
        precision=precision,
    )


def _candidate_spans(doc: Doc) -> list[Span]:
    gaz = get_gazetteer()
    spans = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append(ent)
        elif ent.label_ in RESCUE_LABELS and ent.text in gaz.trusted_names:
            # a mislabelled name is taken only when spelt as a country, an admin1 unit or a curated place
            spans.append(ent)
    return spans


def _cued_spans(doc: Doc, taken: set[int]) -> list[Span]:
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


def _plausible(place: Place, text: str, context: Counter) -> bool:
    """A name found only by its cue word must lie in a named country, or be the only place so called."""
    if context:
        return place.country in context
    return len(get_gazetteer().lookup(text)) == 1


def _name_token(token) -> bool:
    """A word that can be part of a place name: capitalised, or an Arabic article ("Ad Durayhimi")."""
    if token.lower_ in ("al", "el", "ad", "as", "ash", "ar", "an", "at", "az"):
        return True
    if not (token.is_alpha and token.text[:1].isupper() and not token.is_upper):
        return False
    return not (token.is_sent_start and token.lower_ in common_words())


def find_places(doc: Doc) -> list[PlaceMention]:
    """Return each place mention of a parsed doc with its geocoded Location, in text order.

    Mentions that the gazetteer cannot place are left out. The same name gets the same place
    throughout the article; a "province"/"governorate" cue on any of its mentions applies to all.
    """
    spans = _candidate_spans(doc)
    countries = _country_names()
    context = _doc_countries(doc, spans, countries)
    taken = {i for span in spans for i in range(span.start, span.end)}
    cued = {(span.start, span.end) for span in _cued_spans(doc, taken)}
    spans = sorted([*spans, *(doc[a:b] for a, b in cued)], key=lambda sp: sp.start)
    prepared = _prepare(doc, spans, countries, context)
    geocoder = _Geocoder(
        doc, context, cued, _doc_admin1s(doc, prepared, context),
        admin_keys={normalise(text) for item in prepared if item.cues.admin
                    for _s, _e, text in _query_variants(doc, item.start, item.end)},
    )
    demonyms = get_gazetteer().demonyms
    out = []
    for item in prepared:
        if not _not_a_place(doc, item.start, item.end, countries, demonyms):
            mention = geocoder.mention(item)
            if mention is not None:
                out.append(mention)
    return out


class _Prepared(NamedTuple):
    """A candidate mention: its span, the token bounds of the name inside it, and the cues around it."""

    span: Span
    start: int
    end: int
    cues: Cues


def _prepare(doc: Doc, spans: list[Span], countries: dict[str, str], context: Counter) -> list[_Prepared]:
    """Each span's name bounds and cues, with what the names next to it say ("Celaya, Guanajuato", "Syria's")."""
    starts = {span.start: span for span in spans}
    ends = {span.end: span for span in spans}
    prepared = []
    for span in spans:
        start, end = _strip(span)
        if start >= end:
            continue
        cues = _cues(doc, start, end)
        among = _apposed(doc, end, starts)
        admin = cues.admin
        if start >= 2 and doc[start - 1].text == "," and start - 1 in ends:  # "Celaya, Guanajuato": a container
            admin = True
            owner = resolve(ends[start - 1].text, context)
            if owner is not None:  # "Atlanta, Georgia": the Georgia that holds Atlanta
                among = among | {(owner.country, None)}
        country = _possessor(doc, start, countries, ends, context)
        prepared.append(_Prepared(span, start, end, Cues(admin, cues.town and not admin, cues.camp, country, among)))
    return prepared


def _not_a_place(doc: Doc, start: int, end: int, countries: dict[str, str], demonyms: dict[str, str]) -> bool:
    """A title's name ("President Assad"), an organisation's ("Aleppo Brigade") or an adjective ("Somali")."""
    if start > 0 and doc[start - 1].lower_ in TITLES and doc[start - 1].text[:1].isupper():
        return True
    if end < len(doc) and doc[end].text in ORG_WORDS:
        return True
    bare = normalise(doc[start:end].text)
    return bare in demonyms and bare not in countries  # "Somali" tagged GPE is an adjective, not a region


@dataclass
class _Geocoder:
    """Geocodes the prepared mentions of one article, memoising each (name, cues) pair."""

    doc: Doc
    context: Counter
    cued: set[tuple[int, int]]  # spans found only by a cue word: kept only if plausible
    admin1s: frozenset[str]
    admin_keys: set[str]  # names that carry an admin cue somewhere in the article
    memo: dict[tuple[str, Cues], Place | None] = field(default_factory=dict)

    def mention(self, item: _Prepared) -> PlaceMention | None:
        """The mention's place: the first query variant that the gazetteer places, else None."""
        doc, start, end, cues = self.doc, item.start, item.end, item.cues
        strict = (item.span.start, item.span.end) in self.cued
        for _s, e, text in _query_variants(doc, start, end):
            key = normalise(text)
            if key in self.admin_keys and not cues.admin and not cues.town:
                cues = Cues(True, False, cues.camp, cues.country, cues.among)
            if (key, cues) not in self.memo:
                self.memo[(key, cues)] = resolve(text, self.context, cues, self.admin1s)
            place = self.memo[(key, cues)]
            if place is not None and strict and not _plausible(place, text, self.context):
                place = None
            if place is not None:
                mention = doc[start : max(end, e)]
                return PlaceMention(mention.start, mention.end, _to_location(place, cues, mention.text))
        return None

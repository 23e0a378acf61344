"""Places of an article: every place mention of a parsed doc, geocoded against the offline gazetteer.

``find_places(doc)`` takes the NER's place spans and the capitalised names that the words around
mark as places (:mod:`.spans`), reads the article's countries and admin1 units (:mod:`.context`) and
the cues around each mention, and geocodes each with :func:`.geocode.resolve`. ``ruler_patterns()``
(from :mod:`.patterns`) feeds the EntityRuler that runs before the statistical NER.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from graph.extract.countries import initial_after, names_feature
from graph.extract.parse.columns import entities, token_lowers, tokens_text
from graph.extract.places.border import border_town
from graph.extract.places.context import (
    actor_countries,
    country_names,
    doc_admin1s,
    doc_countries,
    foreign_forces,
    landmark,
    rebel_homes,
    site_named,
)
from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, skeleton, strip_article
from graph.extract.places.geocode import Cues, resolve
from graph.extract.places.holders import containers
from graph.extract.places.index import short_name
from graph.extract.places.listing import place_noun
from graph.extract.places.local import read_unlisted
from graph.extract.places.locations import PlaceMention
from graph.extract.places.patterns import ruler_patterns
from graph.extract.places.references import dateline, reference_point
from graph.extract.places.seats import seats_of_government
from graph.extract.places.spans import candidate_spans, cued_spans, query_variants, strip, widen
from graph.extract.places.uses import in_organisation_name, names_actor, reported_from
from graph.extract.places.words import (
    ADMIN_WORDS,
    CAMP_WORDS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    NAME_LINKS,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    STATE_NOT_ADMIN,
    TITLES,
    TOWN_WORDS,
    before_facility,
)
from graph.records import Location

__all__ = ["ruler_patterns", "find_places", "resolve", "Cues"]

def _cues(doc: Doc, start: int, end: int) -> Cues:
    lowers = token_lowers(doc)
    words, after, before = lowers[start:end], lowers[end : end + 4], lowers[max(0, start - 3) : start]
    state_of = after[:1] == ("state",) and (len(after) < 2 or after[1] not in STATE_NOT_ADMIN) \
        and not before_facility(doc, end)  # "Kano state", but not "Lira State University"
    noun = bool(words and words[-1] in ADMIN_WORDS) or bool(after and after[0] in ADMIN_WORDS - {"state"}) or state_of
    noun = noun or (len(before) >= 2 and before[-1] == "of" and before[-2] in ADMIN_WORDS - {"state"})
    admin = noun or (after[:1] == (",",) and any(w in ADMIN_WORDS - {"state", "district"} for w in after[1:3]))
    admin = admin or after[:2] == ("local", "government")  # "Bebeji Local Government Area": a Nigerian LGA
    town = bool(words and words[-1] in TOWN_WORDS) or bool(after and after[0] in TOWN_WORDS)
    town = town or (len(before) >= 2 and before[-1] == "of" and before[-2] in TOWN_WORDS)
    camp = bool(words and words[-1] in CAMP_WORDS) or bool(after and after[0] in CAMP_WORDS)
    return Cues(admin=admin, town=town and not admin, camp=camp, noun=noun)


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
        start2, end2 = strip(starts[end + 1])
        text = tokens_text(doc, start2, end2)
        if text[:1].isupper():
            return frozenset(
                (p.country, p.name if p.kind == "governorate" else None)
                for p in get_gazetteer().lookup(text)
                if p.kind in ("country", "governorate")
            )
    return frozenset()


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


def _plausible(place: Place, text: str, context: Counter) -> bool:
    """A name found only by its cue word must lie in a named country, or be the only place so called
    (and no hamlet: an unknown village name is far likelier local than a namesake of 300 people abroad).
    The name must be the place's own, not one of its other names ("Tur" for Tours); a city of 100,000 so
    called may lie outside the named countries ("police in Zanzibar" in a story that names Mozambique)."""
    key = normalise(text)
    own = _own_name(place, text)
    if context:
        return place.country in context or (own and place.population >= 100_000)
    if not own:
        return False
    others = [p for p in get_gazetteer().lookup(text) if p.country != place.country and normalise(p.name) == key]
    if not others:
        return place.kind != "village"
    return landmark(place) and all(p.population * 10 < place.population for p in others)  # "in Lira"


def _own_name(place: Place, text: str) -> bool:
    """Whether ``text`` spells the place's own name, not one of its other names ("Leer" is only another spelling
    of "Lira", "Kunuku" only another name of the Mexican town "Hunuku")."""
    key = skeleton(strip_article(normalise(text)))
    short = short_name(place.name)
    return key == skeleton(strip_article(normalise(place.name))) or (short is not None and key == skeleton(short))


def _possessives_split(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans opened by a well-known place whose possessive lost its apostrophe ("Tripolis Fashloum district",
    "Tripolis Hay Dimashq"), cut in two: the place, and the name it owns."""
    gaz, out = get_gazetteer(), []
    for span in spans:
        first = doc[span.start]
        owner = [p for p in gaz.lookup(first.text[:-1]) if landmark(p)] if first.text.endswith("s") else []
        if span.end - span.start > 1 and first.text[:1].isupper() and owner \
                and all(p.population < owner[0].population and not p.curated for p in gaz.lookup(first.text)):
            out += [doc[span.start : span.start + 1], doc[span.start + 1 : span.end]]
        else:
            out.append(span)
    return out


def _abroad(place: Place, named: Counter, local: bool, border: bool) -> bool:
    """A town outside every country the text names is a namesake unless well known ("Shanao village near
    Hudet" in an Ethiopian note is not the Peruvian town) or a sizeable town just across their border
    (``border``: :func:`.border.border_town`); a name the text calls a district, area or village ("Sham district" in
    Libya) is never a landmark abroad. A region of no one country ("Lake Chad") is abroad nowhere."""
    if not named or place.country in named or place.kind == "country" or place.country is None:
        return False
    if local:
        return True
    return place.kind in ("city", "town", "village", "district") and not landmark(place) and not border


def find_places(doc: Doc) -> list[PlaceMention]:
    """Return each place mention of a parsed doc with its geocoded Location, in text order.

    A name the gazetteer cannot place is kept only when the text calls it a place (:mod:`.local`), in the
    place that holds it; datelines and distance landmarks are marked ``reference``, the places that hold
    another named one ``container``, those that name an actor ("Tigray forces") ``actor``. The same name
    gets the same place throughout the article; a "province"/"governorate" cue on any of its mentions
    applies to all.
    """
    spans = _possessives_split(doc, candidate_spans(doc))
    countries = country_names()
    context = doc_countries(doc, spans, countries, foreign_forces(doc))
    taken = {i for span in spans for i in range(span.start, span.end)}
    cued = {(span.start, span.end) for span in cued_spans(doc, taken)}
    spans = sorted([*spans, *(doc[a:b] for a, b in cued)], key=lambda sp: sp.start)
    hints = context or actor_countries(doc)  # a note naming no country: where its armed actors are at home
    prepared = _prepare(doc, spans, countries, hints)
    geocoder = _Geocoder(
        doc, hints, cued, doc_admin1s(doc, [(item.start, item.end) for item in prepared], hints),
        admin_keys={normalise(text) for item in prepared if item.cues.admin
                    for _s, _e, text in query_variants(doc, item.start, item.end)},
        named=context, homes=rebel_homes(doc),
    )
    demonyms = get_gazetteer().demonyms
    out, missed = [], []
    for item in prepared:
        if not _not_a_place(doc, item.start, item.end, countries, demonyms):
            mention = geocoder.mention(item)
            if mention is not None:
                out.append(mention)
            else:
                missed.append((item.start, item.end))
    main = context.most_common(1)[0][0] if context else None
    ner = {i for ent in entities(doc) if ent.label_ in ("GPE", "LOC") for i in range(ent.start, ent.end)}
    mentions = read_unlisted(doc, missed, out, main, ner)
    below = any(m.location.kind != "country" for m in mentions)  # "outside Parliament": the capital, if nothing closer
    mentions += [PlaceMention(s, e, _to_location(capital, Cues(), capital.name))
                 for s, e, capital in seats_of_government(doc, below, context)]
    holding = containers(doc, mentions)
    marked = (
        replace(m, reference=reference_point(doc, m.start) or dateline(doc, m.start, m.end)
                or reported_from(doc, m.start, m.end),
                container=m.start in holding, actor=names_actor(doc, m.start, m.end))
        for m in mentions
    )
    return sorted(marked, key=lambda m: m.start)


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
        start, end = widen(doc, *strip(span))
        if start < span.start and start in starts:  # "Tripolis | Fashloum district": two names, not one
            start = strip(span)[0]
        if start >= end:
            continue
        cues = _cues(doc, start, end)
        among = _apposed(doc, end, starts)
        admin = cues.admin
        # "Celaya, Guanajuato": a container, but not "Barangay Malag, Sta. Catalina town"
        if start >= 2 and doc[start - 1].text == "," and start - 1 in ends and not cues.town:
            admin = True
            owner = resolve(ends[start - 1].text, context)
            if owner is not None:  # "Atlanta, Georgia": the Georgia that holds Atlanta
                among = among | {(owner.country, None)}
        country = _possessor(doc, start, countries, ends, context)
        prepared.append(_Prepared(span, start, end,
                                  Cues(admin, cues.town and not admin, cues.camp, country, among, cues.noun)))
    return prepared


def _not_a_place(doc: Doc, start: int, end: int, countries: dict[str, str], demonyms: dict[str, str]) -> bool:
    """A title's name ("President Assad", "General Patrick Kasongo"), an organisation's or outlet's ("Aleppo Brigade",
    "the Union for Peace in Central Africa (UPC)"), a group's ("Abala militia"), an adjective ("Somali") or a
    continent ("Asia" is also a town abroad)."""
    k = start - 1  # "General Patrick Kasongo": a title before one or two given names
    while k >= 0 and start - k <= 2 and doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].lower_ not in TITLES:
        k -= 1
    if k >= 0 and doc[k].lower_ in TITLES and doc[k].text[:1].isupper():
        return True
    if end < len(doc) and ((doc[end].text in ORG_WORDS and not before_facility(doc, end))
                           or doc[end].text in GROUP_NOUNS):
        return True  # "Aleppo Military Council" is a group, "Aleppo University" stands in Aleppo
    if _group_listed(doc, end):
        return True
    if in_organisation_name(doc, start, end) or _in_actor_name(doc, start, end):
        return True
    if end < len(doc) and doc[end].lower_ in MEDIA_NOUNS:
        return True  # "The Post newspaper": an outlet, not the Texan town
    bare = normalise(tokens_text(doc, start, end))
    if strip_article(bare) in get_gazetteer().world_regions:
        return True
    opened = start > 0 and doc[start - 1].lower_ in PLACE_PREFIXES and doc[start - 1].text[:1].isupper()
    if bare in countries and (names_feature(doc, end) or opened):
        return True  # "the Congo River", "Lake Malawi": a feature named after the country, not the country
    if initial_after(doc, end):
        return True  # "activist Jordan K.": a person's given name and initial
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in NAME_LINKS:
        return True  # "Kot" of "Kot-e-Sangi": the first word of a longer name, not the Indian town
    return bare in demonyms and bare not in countries  # "Somali" tagged GPE is an adjective, not a region


def _in_actor_name(doc: Doc, start: int, end: int) -> bool:
    """A name inside a longer name of a dictionary actor: "Sinai" of "Sinai Province" (an armed group).

    The entity is found from the tokens' own marks, not by scanning ``doc.ents`` (that was quadratic:
    a 5 MB text took over ten minutes).
    """
    if doc[start].ent_iob_ not in ("B", "I") or not doc[start].ent_id_.startswith("actor/"):
        return False
    first = start
    while doc[first].ent_iob_ == "I":
        first -= 1
    last = start + 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return (first, last) != (start, end)


def _group_listed(doc: Doc, end: int) -> bool:
    """A name listed before a group noun: "clashes between Fulani and Konkomba herdsmen" names two peoples."""
    i = end
    while i < len(doc) and i - end < 5 and (doc[i].lower_ in (",", "and") or doc[i].text[:1].isupper()):
        i += 1
    return end < i < len(doc) and doc[i].lower_ in GROUP_NOUNS


@dataclass
class _Geocoder:
    """Geocodes the prepared mentions of one article, memoising each (name, cues) pair."""

    doc: Doc
    context: Counter
    cued: set[tuple[int, int]]  # spans found only by a cue word: kept only if plausible
    admin1s: frozenset[str]
    admin_keys: set[str]  # names that carry an admin cue somewhere in the article
    named: Counter = field(default_factory=Counter)  # the countries the text itself names
    homes: frozenset[str] = frozenset()  # home countries of the rebel groups it names: no place there is abroad
    memo: dict[tuple[str, bool, Cues], Place | None] = field(default_factory=dict)

    @functools.cached_property
    def _hinted(self) -> Counter:
        """Where a note that names no country may be: its armed actors' home countries and the countries bordering
        them (Boko Haram fights in Cameroon too)."""
        return Counter(set(self.context) | get_gazetteer().bordering(self.context))

    @functools.cached_property
    def _context_homes(self) -> Counter:
        """The article's countries and, when it has any, the home countries of the rebel groups the text names."""
        return self.context + Counter(self.homes) if self.context else self.context

    @functools.cached_property
    def _named_homes(self) -> Counter:
        """The countries the text names and, when it names any, the home countries of the rebel groups it names."""
        return self.named + Counter(self.homes) if self.named else self.named

    def mention(self, item: _Prepared) -> PlaceMention | None:
        """The mention's place: the first query variant that the gazetteer places, else None."""
        doc, start, end, cues = self.doc, item.start, item.end, item.cues
        strict = (item.span.start, item.span.end) in self.cued
        noun = place_noun(doc, start, end)  # the same for every variant: read once
        local = token_lowers(doc)[end - 1] in PLACE_NOUNS or noun is not None
        for _s, e, text in query_variants(doc, start, end):
            key = normalise(text)
            if key in self.admin_keys and not cues.admin and not cues.town:
                cues = Cues(True, False, cues.camp, cues.country, cues.among)
            memo_key = (key, text.isupper(), cues)  # "GAO" reads as an acronym, "Gao" (a dateline) as the town
            if memo_key not in self.memo:
                self.memo[memo_key] = resolve(text, self.context, cues, self.admin1s)
            place = self.memo[memo_key]
            # a border town only beside countries the text itself names, and not as a site's name ("the X prison"),
            # whether the NER took it for a place or only the words around did ("looted shops in Adre", tagged PERSON)
            border = place is not None and bool(self._named_homes) and not before_facility(doc, end) \
                and _own_name(place, text) and border_town(place, text, frozenset(self._named_homes))
            if place is not None and strict and not border and not _plausible(place, text, self._context_homes):
                place = None
            if place is not None and _abroad(place, self._named_homes or self._hinted, local, border):
                place = None
            if place is not None and noun not in (None, "feature") \
                    and not (self._named_homes or self._hinted) and not _own_name(place, text) and not landmark(place):
                place = None  # "Kunuku village" in a note naming no country: not a town abroad that has it as an alias
            if place is not None and site_named(doc, end, place):
                place = None  # "the Zamzam barracks": a site's own name, not the camp of that name abroad
            if place is not None:
                stop = max(end, e)
                return PlaceMention(start, stop, _to_location(place, cues, tokens_text(doc, start, stop)))
        return None

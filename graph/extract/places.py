"""Places of an article: EntityRuler patterns from the gazetteer, and context-aware geocoding of spans.

``ruler_patterns()`` feeds the EntityRuler that runs before the statistical NER (it fixes the model's
traps: "Daraa" as ORG, "Sweida" as PERSON). ``find_places(doc)`` geocodes every place span of a
parsed doc against the offline gazetteer, choosing between same-named places by the countries the
article mentions, "X province"/"city of X" cues, then population.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph.extract.gazetteer import DATA_DIR, Place, get_gazetteer, normalise, skeleton, strip_article
from graph.records import Location

__all__ = ["ruler_patterns", "find_places", "resolve", "Cues"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model wrongly gives to well-known places ("Daraa" ORG, "Sweida" PERSON).
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern north-east north-west south-east south-west "
    "north-eastern north-western south-eastern south-western mid upper lower greater rural"
)
ADMIN_WORDS = frozenset(
    _words(
        "governorate governorates province provinces oblast prefecture department wilayat wilaya muhafazat "
        "region regions state district"
    )
)
# A "place" right after one of these is a person: "Secretary Kerry", "President Jackson".
TITLES = frozenset(
    _words(
        "mr mrs ms dr president secretary minister senator ambassador general gen. col. lt. sgt. king queen "
        "prince sheikh imam commander spokesman spokeswoman envoy premier chancellor"
    )
)
# A place name followed by one of these is part of an organisation's name: "Badr Organization",
# "Daraa Military Council", "Moro Islamic Liberation Front", "Kurdistan Democratic Party".
ORG_WORDS = frozenset(
    _words(
        "Organization Organisation Brigade Brigades Front Forces Army Movement Party Group Council Corps "
        "Division Battalion Battalions Militia Militias Tribe Clan Liberation Islamic Union Committee Revolutionary "
        "Operations Regiment Martyrs University Police Airways Airlines Club FC Military Security Defence Defense "
        "National Democratic Popular Guard Guards Resistance Armed Emirate"
    )
)
# "the town of X", "X district": words that mark an unlabelled capitalised name as a place.
CUE_BEFORE = frozenset(_words("town village city district area suburb neighbourhood neighborhood outskirts"))
CUE_AFTER = frozenset(
    _words(
        "town village district subdistrict sub-district lga territory county camp region province governorate oblast"
    )
)
# "Syria state media": "state" after a name that is not a federal state.
STATE_NOT_ADMIN = frozenset(_words("media television tv news agency run - officials forces department"))
TOWN_WORDS = frozenset(_words("city town village villages suburb district neighbourhood neighborhood countryside"))
CAMP_WORDS = frozenset(("camp", "camps"))
# Populations above which a populated place is named by the ruler. Towns count from 30k in the
# countries with most conflict events outside Latin America and the Philippines, whose town names are
# often Spanish surnames ("Rubio", "Garcia") that would break person names.
RULER_MIN_POP = 1_000_000
RULER_MIN_POP_DENSE = 30_000
DENSE_COUNTRIES = frozenset(
    _words(
        "SY IQ YE LY AF PK SO SD SS ET ER ML BF NE NG TD CM CF CD MZ UA MM PS IL LB TR EG DZ TN KE UG BI RW "
        "JO IR SA BD AM AZ GE"
    )
)
_WORD = re.compile(r"^[A-Z][\w'\u2019.-]*$")


@functools.cache
def _common_words() -> frozenset[str]:
    with open(DATA_DIR / "common_words.txt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


def _patternable(name: str, curated: bool) -> bool:
    """A name is safe as a case-sensitive pattern when it is capitalised and not just English words."""
    words = name.split()
    if not words or len(name) < 3 or not name[0].isupper() or any(ord(ch) > 0xFF for ch in name):
        return False  # scholarly transliterations ("Dar\u2018\u0101") do not occur in news text
    if curated:
        return True
    if len(words) == 1 and len(name) <= 3:
        return False  # "San", "Aba", "Bol": too often part of other names
    common = _common_words()
    return not all(w.lower() in common or not w[:1].isupper() for w in words)


def _label(place: Place) -> str:
    if place.kind == "camp":
        return "FAC"
    return "LOC" if place.kind == "region" else "GPE"


def ruler_patterns() -> list[dict]:
    """Return EntityRuler patterns (label, pattern, id) for countries, admin1, large towns, regions, aliases.

    Places of the conflict countries (admin1 units, towns of 30k+) and large places elsewhere (1M+),
    all countries, regions, camps and hand-written aliases. Patterns are case-sensitive phrases (the
    ruler's default ORTH matching), plus token patterns for "southern Syria"-style directions before
    country names and the admin1 names of conflict countries.
    """
    gaz = get_gazetteer()
    rows = gaz.named(
        "p.kind IN ('country', 'region', 'camp') OR p.curated = 1 OR p.population >= ?"
        f" OR (p.population >= ? AND p.country IN ({', '.join('?' * len(DENSE_COUNTRIES))}))",
        (RULER_MIN_POP, RULER_MIN_POP_DENSE, *sorted(DENSE_COUNTRIES)),
    )
    best: dict[str, Place] = {}
    for place, name in rows:
        curated = place.curated or place.kind in ("country", "region", "camp")
        if not _patternable(name, curated):
            continue
        old = best.get(name)
        if old is None or _prior(place) > _prior(old):
            best[name] = place
    patterns: list[dict] = []
    for name, place in sorted(best.items()):
        patterns.append({"label": _label(place), "pattern": name, "id": place.id})
        directional = place.kind == "country" or (place.kind == "governorate" and place.country in DENSE_COUNTRIES)
        if directional and all(_WORD.match(w) for w in name.split()):
            tokens = [{"LOWER": {"IN": DIRECTIONS}}] + [{"ORTH": w} for w in name.split()]
            patterns.append({"label": _label(place), "pattern": tokens, "id": place.id})
    return patterns


def _prior(place: Place) -> tuple:
    return (place.curated, -place.rank, place.population)


@dataclass(frozen=True)
class Cues:
    """What the words around a mention say about the kind of place it is."""

    admin: bool = False  # "Sweida province", "Sweida, a province", "province of Idlib"
    town: bool = False  # "the city of Homs", "Raqqa city", "Idlib countryside"
    camp: bool = False  # "Hamidiyah camp"
    country: str | None = None  # "Syria's Daraa" -> SY (strict: no place outside it)
    among: frozenset = frozenset()  # (ISO2, admin1 or None) of a container: "Damascus, Oregon", "Atlanta, Georgia"


def resolve(
    name: str, context: Counter | None = None, cues: Cues = Cues(), admin1s: frozenset[str] = frozenset()
) -> Place | None:
    """Geocode one place name: the best gazetteer entry given the article's countries, admin1 units and cues."""
    gaz = get_gazetteer()
    context = context or Counter()
    candidates = gaz.lookup(name)
    if name.isupper() and len(name) <= 5:  # an acronym ("SANA", "UN") names a place only when spelt so
        candidates = [p for p in candidates if name in gaz.trusted_names or p.name == name]
    if cues.country and not any(p.country == cues.country for p in candidates):
        candidates = gaz.lookup_fuzzy(name, {cues.country}) or candidates
    if not candidates and context:
        # "al-Shajara" for "Ash Shajarah": a transliteration variant, looked for only in the text's countries
        candidates = [p for p in gaz.lookup_fuzzy(name, set(context)) if p.population >= 1000 or p.curated]
    if not candidates:
        return None
    key = normalise(name)
    primary = [p for p in candidates if strip_article(normalise(p.name)) == strip_article(key)]
    if primary:
        # "Geneva" is the name of a city of 180k: an Iranian port that GeoNames also calls Geneva cannot outrank it
        floor = max(p.population for p in primary)
        candidates = [p for p in candidates if p in primary or p.curated or p.rank < 3 or p.population >= floor]
    if cues.among:
        admins = {a for _c, a in cues.among if a}
        inside = [p for p in candidates if p.admin1 in admins and p.kind != "governorate"]
        candidates = inside or [p for p in candidates if p.country in {c for c, _a in cues.among}] or candidates
    if cues.country:
        candidates = [p for p in candidates if p.country == cues.country]
        if not candidates:
            return None  # "Kabul's Green Zone" is not Baghdad's
    if cues.admin:
        admin = [p for p in candidates if p.kind in ("governorate", "country")]
        if not admin:  # "Kherson oblast": the admin1 is "Khersonska oblast" in the source
            admin = gaz.admin1_by_prefix(name, {p.country for p in candidates if p.country})
        candidates = admin or candidates
    elif cues.town or cues.camp:
        town = [p for p in candidates if p.rank == 3]
        candidates = town or candidates
    total = sum(context.values()) or 1

    def score(p: Place) -> float:
        # log10(population) is the prior; naming the country adds a bounded bonus, so "Damascus" in a text
        # about US diplomacy on Syria is still the Syrian capital and not a Maryland town of 15k.
        value = math.log10(p.population + 10)
        if p.country in context:
            value += 4 + 1.5 * context[p.country] / total
        elif context and p.kind != "country":
            value -= 1
        if p.curated:
            value += 2
        if p.admin1 in admin1s and p.kind != "governorate":
            value += 1.5  # "Jasim ... in Daraa province": the Jasim inside Daraa
        if p.kind == "country":
            value += 6
        elif p.kind == "region":
            value += 3
        elif p.kind == "governorate":
            value += 0.5
        return value

    best = max(candidates, key=score)
    if best.kind == "governorate" and not cues.admin:
        # "Daraa", "Aleppo", "Sweida": a governorate named after its capital means the town unless a cue
        # ("province", "governorate") says otherwise; the town is the finer, ACLED-preferred location.
        names = {skeleton(normalise(name)), skeleton(normalise(best.name))}
        twins = [
            p
            for p in candidates
            if p.rank == 3
            and p.country == best.country
            and (p.admin1 == best.name or p.curated or _km(p, best) < 60)
            and (p.population >= 5000 or p.curated)
            and skeleton(normalise(p.name)) in names
        ]
        if twins:
            best = max(twins, key=lambda p: p.population)
    return best


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


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
            iso = gaz.demonyms.get(key)
            if iso:
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
    return counts


def _doc_admin1s(doc: Doc, prepared: list, context: Counter) -> frozenset[str]:
    """Admin1 units the article names, in the countries it names: they favour the towns inside them."""
    gaz = get_gazetteer()
    names = set()
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
    out = {}
    for place, name in gaz.named("p.kind = 'country'"):
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
    return not (token.is_sent_start and token.lower_ in _common_words())


def find_places(doc: Doc) -> list[tuple[Span, Location]]:
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
    starts = {span.start: span for span in spans}
    ends = {span.end: span for span in spans}
    prepared = []
    admin_keys: set[str] = set()
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
        cues = Cues(admin, cues.town and not admin, cues.camp, country, among)
        prepared.append((span, start, end, cues))
        if cues.admin:
            for _s, _e, text in _query_variants(doc, start, end):
                admin_keys.add(normalise(text))
    out: list[tuple[Span, Location]] = []
    memo: dict[tuple[str, Cues], Place | None] = {}
    demonyms = get_gazetteer().demonyms
    admin1s = _doc_admin1s(doc, prepared, context)
    for span, start, end, cues in prepared:
        if start > 0 and doc[start - 1].lower_ in TITLES and doc[start - 1].text[:1].isupper():
            continue
        if end < len(doc) and doc[end].text in ORG_WORDS:
            continue
        bare = normalise(doc[start:end].text)
        if bare in demonyms and bare not in countries:  # "Somali" tagged GPE is an adjective, not a region
            continue
        strict = (span.start, span.end) in cued
        for _s, e, text in _query_variants(doc, start, end):
            key = normalise(text)
            if key in admin_keys and not cues.admin and not cues.town:
                cues = Cues(True, False, cues.camp, cues.country, cues.among)
            if (key, cues) not in memo:
                memo[(key, cues)] = resolve(text, context, cues, admin1s)
            place = memo[(key, cues)]
            if place is not None and strict and not _plausible(place, text, context):
                place = None
            if place is not None:
                mention = doc[start : max(end, e)]
                out.append((mention, _to_location(place, cues, mention.text)))
                break
    return out

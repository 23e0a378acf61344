"""Finds the actors of a parsed article and maps every alias to one canonical actor.

Four sources, in order of trust: dictionary aliases labelled by the EntityRuler (with an id),
generic descriptors resolved against the article ("regime forces", "Syrian troops", "jihadists",
"women and children"), persons from the statistical NER with short forms merged ("Abdel Rahman"),
and organisations from the NER that look like organisations.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.extract import lexicon
from graph.extract.lexicon import actor_key
from graph.records import Actor, Mention

__all__ = ["ActorMention", "ActorTable", "ruler_patterns", "find_actors", "main_country"]

# Head words that make an NER organisation an armed group, a monitor, a news outlet or a government body.
_ORG_KINDS = {
    "armed_group": {"Forces", "Force", "Army", "Brigade", "Brigades", "Battalion", "Battalions", "Front", "Militia",
                    "Militias", "Corps", "Guard", "Guards", "Regiment", "Division", "Jaish", "Liwa", "Katiba",
                    "Faylaq", "Mujahideen", "Units", "Movement", "Resistance", "Legion"},
    "monitor": {"Observatory", "Watch", "Monitor", "Network"},
    "media": {"News", "Agency", "TV", "Television", "Times", "Post", "Radio", "Channel", "Press", "Tribune",
              "Herald", "Gazette", "Journal"},
    "government": {"Ministry", "Government", "Parliament", "Cabinet", "Senate", "Congress", "Assembly",
                   "Embassy", "Presidency", "Department", "Administration"},
    "organization": {"Council", "Committee", "Commission", "Organization", "Organisation", "Office", "Union",
                     "Coalition", "Alliance", "League", "Association", "Federation", "Foundation", "Fund",
                     "Institute", "Centre", "Center", "Party", "Group", "Mission", "Programme", "Program",
                     "Authority", "Service", "Services", "Court", "Bank", "University", "Company", "Crescent",
                     "Cross", "Initiative", "Society", "Secretariat", "Agency"},
}
_ORDINALS = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
             "Eleventh", "Twelfth", "Fifteenth", "Seventeenth", "Eighteenth", "Twentieth", "Twenty-fifth"}
_UNIT_WORDS = {"Division", "Brigade", "Regiment", "Battalion", "Corps", "Army"}
# Words before a head noun that say who backs it, not who it is ("Russian-backed regime assault").
_LINK_WORDS = {"backed", "linked", "led", "allied", "affiliated", "aligned", "supported", "based", "held",
               "controlled", "run", "funded", "armed", "sponsored", "dominated", "friendly"}
_STATE_MODIFIERS = {"regime", "government", "pro-government", "pro-regime", "loyalist", "security", "state",
                    "army", "military", "national"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "del", "da", "van", "von", "der", "le", "la",
                   "ould", "ag", "-", "'"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Titles written before a name; a single name after one is still a person ("Secretary Kerry").
_TITLES = {"President", "Vice", "Prime", "Minister", "Secretary", "General", "Gen.", "Colonel", "Col.", "Sheikh",
           "King", "Prince", "Ambassador", "Commander", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
           "Senator", "Sen.", "Governor", "Gov.", "Envoy", "Chancellor", "Premier", "Emir", "Pope", "Lieutenant",
           "Lt.", "Major", "Maj.", "Captain", "Capt.", "Brigadier", "Marshal", "Imam", "Sgt.", "Sergeant",
           "Spokesman", "Spokeswoman", "Foreign", "Defence", "Defense", "Interior", "Deputy", "Special"}
_GENERIC_NAMES = {
    "rebels": "Rebels", "civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
    "unidentified": "Unidentified Armed Group",
}
_GENERIC_KINDS = {"rebels": "armed_group", "civilians": "civilians", "protesters": "civilians",
                  "rioters": "civilians", "unidentified": "armed_group"}


@dataclass
class ActorMention:
    """A span of tokens naming an actor; ``link`` is set for "<X>-backed" style modifiers."""

    key: str
    start: int  # token indices in the doc
    end: int
    text: str
    start_char: int
    end_char: int
    link: str | None = None


@dataclass
class ActorInfo:
    """What is known about one canonical actor of an article."""

    key: str
    name: str
    kind: str
    country: str | None = None
    tags: frozenset[str] = frozenset()


@dataclass
class ActorTable:
    """The actors of one article and every mention of them."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    main_country: str | None = None
    _by_token: dict[int, ActorMention] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    def add(self, info: ActorInfo, mention: ActorMention) -> None:
        """Record a mention (its tokens must not belong to another mention)."""
        self.actors.setdefault(info.key, info)
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self._by_token[i] = mention

    def finish(self) -> None:
        """Sort the mentions by position (call once, after the last add)."""
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def at(self, token_index: int) -> ActorMention | None:
        """Return the mention covering a token, if any."""
        return self._by_token.get(token_index)

    def in_span(self, span: Span) -> list[ActorMention]:
        """Return the mentions inside a span, in text order."""
        first = bisect.bisect_left(self._starts, span.start)
        out = []
        for mention in self.mentions[first:]:
            if mention.start >= span.end:
                break
            if mention.end <= span.end:
                out.append(mention)
        return out

    def name(self, key: str) -> str:
        """Return the canonical name of an actor id."""
        return self.actors[key].name

    def records(self, sentence_of) -> tuple[Actor, ...]:
        """Return one Actor record per canonical actor, in order of first mention."""
        grouped: dict[str, list[ActorMention]] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            grouped.setdefault(mention.key, []).append(mention)
        for key in self.actors:  # actors that events name without a mention of their own (a unit's state)
            grouped.setdefault(key, [])
        out = []
        for key, mentions in grouped.items():
            info = self.actors[key]
            aliases = list(dict.fromkeys(m.text for m in mentions if m.text != info.name))
            out.append(Actor(
                id=key, name=info.name, kind=info.kind, country=info.country, aliases=tuple(aliases),
                mentions=tuple(Mention(m.text, m.start_char, m.end_char, sentence_of[m.start]) for m in mentions),
            ))
        return tuple(out)


def ruler_patterns() -> list[dict]:
    """Return EntityRuler patterns for the dictionary's full aliases (ORG) and community names (NORP)."""
    patterns = []
    for entry in lexicon.dictionary().values():
        for alias in entry.aliases:
            for variant in {alias, alias[:1].upper() + alias[1:]}:
                patterns.append({"label": "ORG", "pattern": variant, "id": entry.key})
    for name in sorted(lexicon.communities()):
        patterns.append({"label": "NORP", "pattern": name})
    return patterns


@cache
def _descriptor_matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    for words, (cls, bare) in lexicon.descriptors().items():
        matcher.add(f"{cls}|{int(bare)}", [[{"LOWER": w} for w in words]])
    return matcher


@cache
def _context_matcher(vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab)
    tokenizer = spacy.blank("en").tokenizer
    for entry in lexicon.dictionary().values():
        if entry.context_aliases:
            matcher.add(entry.key, [tokenizer(alias) for alias in entry.context_aliases])
    return matcher


def main_country(doc: Doc, place_countries: list[str]) -> str | None:
    """Return the country an article is about: its places' countries, then country adjectives."""
    _, by_adjective, by_name = lexicon.countries()
    votes = Counter({code: 2 * n for code, n in Counter(place_countries).items()})
    for ent in doc.ents:
        if _link_after(ent) in _LINK_WORDS:
            continue  # "Iranian-backed", "Britain-based" say who backs or hosts, not where it happens
        if ent.label_ == "NORP":
            code, weight = by_adjective.get(ent.text), 1
        else:  # "Nigeria", "northwestern Nigeria", "Syria's"
            code = next((by_name[t.text] for t in ent if t.text in by_name), by_name.get(ent.text))
            weight = 2
        if code:
            votes[code] += weight
    return votes.most_common(1)[0][0] if votes else None


def _strip(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and doc[end - 1].text in {"'s", "'", "’s"}:
        end -= 1
    return doc[start:end]


class _Builder:
    """Collects the mentions of one doc while keeping each token in at most one mention."""

    def __init__(self, doc: Doc, country: str | None):
        self.doc = doc
        self.table = ActorTable(main_country=country)
        self.counts: Counter[str] = Counter()
        self.names: dict[str, set[str]] = {}

    def add(self, info: ActorInfo, span: Span, link: str | None = None) -> None:
        if any(self.table.at(i) for i in range(span.start, span.end)):
            return
        mention = ActorMention(info.key, span.start, span.end, span.text, span.start_char, span.end_char, link)
        self.table.add(info, mention)
        self.counts[info.key] += 1
        self.names.setdefault(info.key, {info.name}).add(span.text)

    def count(self, key: str) -> int:
        return self.counts[key]


def find_actors(doc: Doc, place_countries: list[str] | None = None) -> ActorTable:
    """Return the actors of a doc parsed by :func:`graph.extract.nlp.build_nlp`."""
    builder = _Builder(doc, main_country(doc, place_countries or []))
    _dictionary_mentions(builder)
    _context_mentions(builder)
    _backer_mentions(builder)
    _descriptor_mentions(builder)
    _person_mentions(builder)
    _org_mentions(builder)
    builder.table.finish()
    return builder.table


def _dictionary_mentions(builder: _Builder) -> None:
    entries = lexicon.dictionary()
    for ent in builder.doc.ents:
        entry = entries.get(ent.ent_id_)
        if entry and not (entry.kind == "media" and _bracketed(ent)):
            info = ActorInfo(entry.key, entry.name, entry.kind, entry.country, entry.tags)
            builder.add(info, _strip(ent), link=_link_after(ent))


def _bracketed(span: Span) -> bool:
    """True for a credit such as "[AFP]" or "(Reuters)": the name alone between brackets."""
    doc = span.doc
    return (
        span.start > 0 and span.end < len(doc) and doc[span.start - 1].text in {"[", "("}
        and doc[span.end].text in {"]", ")"}
    )


def _context_mentions(builder: _Builder) -> None:
    doc = builder.doc
    present = {m.key for m in builder.table.mentions}
    for match_id, start, end in _context_matcher(doc.vocab)(doc):
        key = doc.vocab.strings[match_id]
        if key in present:
            entry = lexicon.dictionary()[key]
            builder.add(ActorInfo(key, entry.name, entry.kind, entry.country, entry.tags), doc[start:end])


def _link_after(span: Span) -> str | None:
    """Return "backed" for "<span>-backed" (the actor backs what follows), else None."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in _LINK_WORDS:
        return doc[span.end + 1].lower_
    return None


def _qualifier(doc: Doc, start: int) -> tuple[int, str | None, bool]:
    """Scan left of a head noun for a country adjective, a country possessive or a state modifier.

    Returns (first token of the noun phrase, country code or None, has a state modifier).
    """
    _, by_adjective, by_name = lexicon.countries()
    communities = lexicon.communities()
    i, country, state = start - 1, None, False
    first = start
    while i >= 0 and start - i <= 4:
        token = doc[i]
        if token.lower_ in _LINK_WORDS or token.pos_ in {"DET", "NUM", "ADP", "VERB", "AUX", "PRON", "CCONJ"}:
            break
        if token.text in {"'s", "’s"} and i > 0 and doc[i - 1].text in by_name:
            country = by_name[doc[i - 1].text]
            first = i - 1
            break
        if token.text in by_adjective:
            country, first = by_adjective[token.text], i
        elif token.lower_ in _STATE_MODIFIERS:
            state, first = True, i
        elif token.text in communities or token.pos_ in {"ADJ", "PROPN", "NOUN"} or token.text == "-":
            first = i
        else:
            break
        i -= 1
    while first < start and doc[first].text in {"-", "'s"}:
        first += 1
    return first, country, state


def _is_qualifier(doc: Doc, i: int) -> bool:
    _, by_adjective, by_name = lexicon.countries()
    text = doc[i].text
    return text in by_adjective or text in by_name or doc[i].lower_ in _STATE_MODIFIERS


def _backer_mentions(builder: _Builder) -> None:
    """Add "<Country adjective>-backed" modifiers as mentions of that state ("Russian-backed")."""
    doc = builder.doc
    _, by_adjective, by_name = lexicon.countries()
    for token in doc[:-2]:
        code = by_adjective.get(token.text) or by_name.get(token.text)
        if code and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in _LINK_WORDS - {"based"}:
            info = _state(code)
            if info:
                builder.add(info, doc[token.i : token.i + 3], link=doc[token.i + 2].lower_)


def _descriptor_mentions(builder: _Builder) -> None:
    doc = builder.doc
    found: dict[Span, ActorInfo] = {}
    for match_id, start, end in _descriptor_matcher(doc.vocab)(doc):
        cls, bare = doc.vocab.strings[match_id].split("|")
        head = doc[end - 1]
        if head.pos_ not in {"NOUN", "PROPN"} or any(
            doc[i].ent_type_ and doc[i].ent_type_ != "NORP" for i in range(start, end)
        ):
            continue
        if start > 0 and builder.table.at(start - 1) is not None and doc[start - 1].ent_id_:
            continue  # "IS jihadists", "Houthi rebels": the head noun belongs to the named actor
        first, country, state = _qualifier(doc, start)
        if bare == "0" and not (country or state):
            continue
        info = _resolve_descriptor(builder, cls, country, bool(country or state))
        if info:
            if info.kind != "civilians":  # "recent regime" -> "regime"; "Druze women" keeps its qualifier
                first = next((i for i in range(first, start) if _is_qualifier(doc, i)), start)
            found[doc[first:end]] = info
    for span in filter_spans(list(found)):  # "regime forces" wins over "regime"
        builder.add(found[span], span, link=_link_after(span))


def _resolve_descriptor(builder: _Builder, cls: str, country: str | None, qualified: bool) -> ActorInfo | None:
    table = builder.table
    place = country or table.main_country
    if cls == "state":
        return _state(place) if place else None
    if cls in {"jihadist", "monitor", "state_media"}:
        present = [info for info in table.actors.values() if _fits(info, cls, place)]
        if present:
            return max(present, key=lambda info: builder.count(info.key))
        if cls == "jihadist" and not qualified:
            cls = "unidentified"
        else:
            return None
    base = _GENERIC_NAMES[cls]
    name = f"{base} ({lexicon.countries()[0][place].name})" if place in lexicon.countries()[0] else base
    return ActorInfo(actor_key(name), name, _GENERIC_KINDS[cls], place)


def _fits(info: ActorInfo, cls: str, country: str | None) -> bool:
    if cls == "jihadist":
        return "jihadist" in info.tags
    if cls == "monitor":
        return info.kind == "monitor"
    return "state_media" in info.tags and (country is None or info.country == country)


def _state(code: str) -> ActorInfo | None:
    country = lexicon.countries()[0].get(code)
    if country is None:
        return None
    name = f"Military Forces of {country.name}"
    return ActorInfo(actor_key(name), name, "state_forces", code)


def state_actor(code: str) -> ActorInfo | None:
    """Return the state-forces actor of a country code ("SY" -> Military Forces of Syria)."""
    return _state(code)


def _name_like(span: Span) -> bool:
    words = [t for t in span if t.text not in {"-", "'"}]
    return bool(words) and all(
        (t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES) and not any(c.isdigit() for c in t.text) for t in words
    ) and words[0].text[:1].isupper()


def _person_mentions(builder: _Builder) -> None:
    doc = builder.doc
    _, by_adjective, by_name = lexicon.countries()
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue
        span = _strip(ent)
        while len(span) > 1 and span[0].text in _TITLES:  # "President Obama" names Obama
            span = span[1:]
        if not _name_like(span) or span.text in by_adjective or span.text in by_name or span[0].text in _TITLES:
            continue
        spans.append(span)
    full = sorted({s.text for s in spans if len(s) > 1}, key=len, reverse=True)
    for span in spans:
        longer = next((name for name in full if _short_form(span.text, name)), None)
        name = longer or span.text
        titled = span.start > 0 and doc[span.start - 1].text in _TITLES
        if len(name.split()) < 2 and not titled:
            continue  # a lone word is too often a place or an organisation misread as a person
        builder.add(ActorInfo(actor_key(name), name, "person"), span)
    _surname_mentions(builder)


def _surname_mentions(builder: _Builder) -> None:
    """A person named in full is later called by the surname alone ("Kayyali added")."""
    surnames: dict[str, str] = {}
    for info in builder.table.actors.values():
        if info.kind == "person":
            last = info.name.split()[-1].split("-")[-1]
            if len(last) >= 4 and last[:1].isupper():
                surnames.setdefault(last, info.key)
    for token in builder.doc:
        key = surnames.get(token.text)
        if key and token.ent_type_ not in _PLACE_LABELS and builder.table.at(token.i) is None:
            builder.add(builder.table.actors[key], builder.doc[token.i : token.i + 1])


def _short_form(short: str, name: str) -> bool:
    """True when ``short`` is the last part of the longer name ("Abdel Rahman", "al-Masri", "Kadhimi")."""
    short, name = short.lower(), name.lower()
    if short == name or not name.endswith(short):
        return False
    before = name[: -len(short)]
    return before.endswith((" ", "-")) or before.endswith(" al-") or before.endswith(" el-")


def _org_kind(span: Span) -> str:
    words = [t.text for t in span]
    if words[0] in _ORDINALS or (words[0][:1].isdigit() and words[-1] in _UNIT_WORDS):
        return "state_forces"
    for kind, heads in _ORG_KINDS.items():
        if words[-1] in heads or (kind != "organization" and any(w in heads for w in words)):
            return kind
    return "organization"


def _org_mentions(builder: _Builder) -> None:
    doc = builder.doc
    _, by_adjective, by_name = lexicon.countries()
    communities = lexicon.communities()
    spans = [_trim(_strip(ent)) for ent in doc.ents if ent.label_ == "ORG" and not ent.ent_id_]
    counts = Counter(s.text for s in spans)
    for span in spans:
        text = span.text
        if not text[:1].isupper() or text in by_adjective or text in by_name or text in communities:
            continue
        owner = _owner_of_short_form(builder, text)
        if owner:
            builder.add(builder.table.actors[owner], span)
            continue
        kind = _org_kind(span)
        acronym = text.isupper() and 2 <= len(text) <= 6 and text.isalpha()
        if kind == "organization" and not acronym and counts[text] < 2 and len(span) < 2:
            continue  # a lone capitalised word is not evidence of an organisation
        builder.add(ActorInfo(actor_key(text), text, kind), span)


def _trim(span: Span) -> Span:
    """Drop dangling function words at the end of an NER span ("Minister of Foreign Affairs of")."""
    while len(span) > 1 and span[-1].pos_ in {"ADP", "CCONJ", "DET", "PUNCT"}:
        span = span[:-1]
    return span


def _owner_of_short_form(builder: _Builder, text: str) -> str | None:
    """Return the actor whose longer name contains ``text`` as whole words ("Observatory")."""
    padded = f" {text} "
    for info in builder.table.actors.values():
        if info.kind == "person":
            continue
        if any(padded in f" {name} " and name != text for name in builder.names.get(info.key, ())):
            return info.key
    return None

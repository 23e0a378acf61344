"""The actors of one article as they are collected: mentions, canonical actors and the builder that adds them."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graph.extract.actors.lexicon import Entry, actor_key
from graph.extract.countries import countries
from graph.extract.parse.sentences import sentence_start, span_text
from graph.records import Actor, Mention
from graph.state_forces import state_forces_name

__all__ = ["ActorMention", "ActorInfo", "ActorTable", "MentionBuilder", "ARMED_KINDS", "LINK_WORDS", "PLACE_LABELS",
           "info_of", "strip_name", "link_after", "linked_target", "state_actor", "government_actor", "generic_actor",
           "inter_code"]

# Words after "<X>-" that say who backs, hosts or holds what follows ("Russian-backed regime assault").
LINK_WORDS = {"backed", "linked", "led", "allied", "affiliated", "aligned", "supported", "based", "held",
               "controlled", "run", "funded", "armed", "sponsored", "dominated", "friendly"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# the kinds of actor that fight: an armed subject, a group's antecedent, a party to an armed event
ARMED_KINDS = frozenset(["armed_group", "militia", "state_forces"])


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


@dataclass(frozen=True)
class ActorInfo:
    """What is known about one canonical actor of an article (frozen: one may be shared by many articles)."""

    key: str
    name: str
    kind: str
    country: str | None = None
    tags: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()  # names the text does not use, known from outside it (a mission's contingent)


def info_of(entry: Entry) -> ActorInfo:
    """The actor a dictionary entry names."""
    return ActorInfo(entry.key, entry.name, entry.kind, entry.country, entry.tags)


@dataclass
class ActorTable:
    """The actors of one article and every mention of them."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    main_country: str | None = None
    unit_states: dict[str, str] = field(default_factory=dict)  # unit id -> id of the state forces it belongs to
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

    def records(self, sentence_of, source_text: str | None = None) -> tuple[Actor, ...]:
        """Return one Actor record per canonical actor, in order of first mention.

        Mention texts are cut from ``source_text`` (the article as given, before cleaning) when passed.
        """
        grouped: dict[str, list[ActorMention]] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            grouped.setdefault(mention.key, []).append(mention)
        for key in self.actors:  # actors that events name without a mention of their own (a unit's state)
            grouped.setdefault(key, [])
        out = []
        for key, mentions in grouped.items():
            info = self.actors[key]
            aliases = list(dict.fromkeys([*(m.text for m in mentions if m.text != info.name), *info.aliases]))
            out.append(Actor(
                id=key, name=info.name, kind=info.kind, country=info.country, inter=inter_code(info),
                aliases=tuple(aliases),
                mentions=tuple(
                    Mention(
                        source_text[m.start_char : m.end_char] if source_text is not None else m.text,
                        m.start_char, m.end_char, sentence_of[m.start],
                    )
                    for m in mentions
                ),
            ))
        return tuple(out)


class MentionBuilder:
    """Collects the mentions of one doc while keeping each token in at most one mention."""

    def __init__(self, doc: Doc, country: str | None, sentence_countries: dict[int, str] | None = None,
                 place_tokens: frozenset[int] = frozenset(), place_names: frozenset[str] = frozenset()):
        self.doc = doc
        self.place_tokens = place_tokens  # tokens the places stage resolved to a place
        self.place_names = place_names  # the texts of those places
        self.table = ActorTable(main_country=country)
        self.sentence_countries = sentence_countries or {}  # sentence start -> the other country it is about
        self.counts: Counter[str] = Counter()
        self.names: dict[str, set[str]] = {}

    def add(self, info: ActorInfo, span: Span, link: str | None = None) -> None:
        """Add a mention of ``info`` unless one of its tokens already belongs to a mention."""
        if any(self.table.at(i) for i in range(span.start, span.end)):
            return
        text = span_text(span)
        mention = ActorMention(info.key, span.start, span.end, text, span.start_char, span.end_char, link)
        self.table.add(info, mention)
        if link is None:  # "al-Qaeda-linked JNIM" names JNIM as the actor, al-Qaeda as its backer
            self.counts[info.key] += 1
        self.names.setdefault(info.key, {info.name}).add(text)

    def names_place(self, span: Span) -> bool:
        """Whether a span overlaps a place the places stage resolved ("Sher Khan Kalay", "Barangay Tapi"), or is
        the name of one it resolved elsewhere in the text: a name the statistical NER also read as a person or an
        organisation is that place, not an actor."""
        return span_text(span) in self.place_names or any(i in self.place_tokens for i in range(span.start, span.end))

    def count(self, key: str) -> int:
        """How many mentions name the actor itself so far ("<X>-backed" modifiers left out)."""
        return self.counts[key]

    def country_at(self, token_index: int) -> str | None:
        """The country the token's sentence is about: its own places' one, else the article's."""
        return self.sentence_countries.get(sentence_start(self.doc[token_index]), self.table.main_country)


def strip_name(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and doc[end - 1].text in {"'s", "'", "’s"}:
        end -= 1
    return Span(doc, start, end)  # not doc[start:end], which costs a slice's checks


def link_after(span: Span) -> str | None:
    """Return "backed" for "<span>-backed" (the actor backs what follows), else None."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in LINK_WORDS:
        return doc[span.end + 1].lower_
    return None


def state_actor(code: str, branch: str = "Military") -> ActorInfo | None:
    """Return the state-forces actor of a country code ("SY" -> Military Forces of Syria); ``branch``
    "Police" gives its police ("Police Forces of Egypt"), as ACLED names them."""
    country = countries().by_code.get(code)
    if country is None:
        return None
    name = state_forces_name(branch, country.name)
    tags = frozenset({"police"}) if branch == "Police" else frozenset()
    return ActorInfo(actor_key(name), name, "state_forces", code, tags)


def government_actor(code: str) -> ActorInfo | None:
    """Return ACLED's government actor of a country code ("ET" -> Government of Ethiopia)."""
    country = countries().by_code.get(code)
    if country is None:
        return None
    name = f"Government of {country.name}"
    return ActorInfo(actor_key(name), name, "government", code)


def generic_actor(base: str, kind: str, code: str | None) -> ActorInfo:
    """ACLED's generic actor of a country: ("Civilians", "civilians", "ML") -> Civilians (Mali); without a
    known country the category alone ("Civilians"), which beats a guessed country."""
    country = countries().by_code.get(code or "")
    name = f"{base} ({country.name})" if country else base
    return ActorInfo(actor_key(name), name, kind, country.code if country else None)


def linked_target(doc: Doc, table: ActorTable, mention: ActorMention) -> str | None:
    """Return the actor that "<X>-backed" modifies: the next actor mention in the same noun phrase."""
    start = mention.end
    while start < len(doc) and (doc[start].text == "-" or doc[start].lower_ == mention.link):
        start += 1
    for i in range(start, min(start + 5, len(doc))):
        other = table.at(i)
        if other and other.key != mention.key:
            return other.key
        if doc[i].pos_ in {"VERB", "AUX", "ADP", "PUNCT", "CCONJ"}:
            break
    return None


# ACLED's interaction codes by actor kind (ACLED Codebook: 1 state forces, 2 rebel groups, 3 political
# militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces)
_INTER_BY_KIND = {"state_forces": 1, "armed_group": 2, "militia": 3, "organization": 3, "government": 1,
                  "civilians": 7}


def inter_code(info: ActorInfo) -> int:
    """ACLED's interaction code (1-8) of an actor, read from its kind and its ACLED-style name."""
    if info.kind == "state_forces" and info.country is None and not info.name.endswith(" Forces"):
        return 8  # a multinational force (AMISOM, a coalition)
    if info.kind == "militia" and ("Ethnic" in info.name or "Communal" in info.name or "Clan" in info.name):
        return 4
    if info.name.startswith("Rioters"):
        return 5
    if info.name.startswith("Protesters"):
        return 6
    return _INTER_BY_KIND.get(info.kind, 8)

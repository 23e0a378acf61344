"""Finds the actors of a parsed article and maps every alias to one canonical actor.

Four sources, in order of trust: dictionary aliases labelled by the EntityRuler (with an id),
generic descriptors resolved against the article ("regime forces", "Syrian troops", "jihadists",
"women and children"), persons from the statistical NER with short forms merged ("Abdel Rahman"),
and organisations from the NER that look like organisations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.datafiles import read_rows, read_words
from graph.extract.actors import lexicon
from graph.extract.actors.acronyms import merge_spelt_out
from graph.extract.actors.communal import communal_mentions, herder_mentions, raider_mentions
from graph.extract.actors.descriptors import backer_mentions, descriptor_mentions, possessive_mentions
from graph.extract.actors.factions import faction_mentions
from graph.extract.actors.groups import group_mentions
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.media import media_mentions
from graph.extract.actors.ministries import ministry_mentions
from graph.extract.actors.people import crowd_mentions, demonym_mentions, protest_mentions, victim_count_mentions
from graph.extract.actors.persons import TITLES, person_mentions
from graph.extract.actors.pronouns import pronoun_mentions
from graph.extract.actors.states import add_unit_states, named_force_spans, security_unit
from graph.extract.actors.table import (
    ActorInfo,
    ActorMention,
    ActorTable,
    MentionBuilder,
    info_of,
    link_after,
    state_actor,
    strip_name,
)
from graph.extract.actors.voting import article_countries
from graph.extract.countries import countries
from graph.extract.parse.columns import entities, tokens_text
from graph.extract.places import PlaceMention
from graph.extract.places.words import common_words

__all__ = ["ActorMention", "ActorTable", "ruler_patterns", "find_actors", "state_actor"]

# Head words that make an NER organisation an armed group, a monitor, a news outlet or a government body.
def _org_kinds() -> dict[str, frozenset[str]]:
    """Kind -> head words, in the order of ``org_heads.tsv`` (the first kind that fits wins)."""
    kinds: dict[str, set[str]] = {}
    for row in read_rows("actors", "org_heads.tsv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


_ORG_KINDS = _org_kinds()
_ORDINALS = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
             "Eleventh", "Twelfth", "Fifteenth", "Seventeenth", "Eighteenth", "Twentieth", "Twenty-fifth"}
_UNIT_WORDS = {"Division", "Brigade", "Regiment", "Battalion", "Corps", "Army"}


def ruler_patterns() -> list[dict]:
    """Return EntityRuler patterns for the dictionary's full aliases (ORG) and community names (NORP)."""
    patterns = []
    for entry in lexicon.dictionary().values():
        for alias in entry.aliases:
            for variant in {alias, alias[:1].upper() + alias[1:], _spoken_acronym(alias)}:
                patterns.append({"label": "ORG", "pattern": variant, "id": entry.key})
    for name in sorted(lexicon.communities()):
        patterns.append({"label": "NORP", "pattern": name})
    return patterns


def _spoken_acronym(alias: str) -> str:
    """The title-case spelling that many wires give an acronym read as a word ("MONUSCO" -> "Monusco"); acronyms
    under five letters keep their capitals, as their title case is often a word ("IS" -> "Is")."""
    return alias.title() if alias.isupper() and alias.isalpha() and len(alias) >= 5 else alias


@cache
def _context_matcher(vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab)
    tokenizer = spacy.blank("en").tokenizer
    for entry in lexicon.dictionary().values():
        if entry.context_aliases:
            matcher.add(entry.key, [tokenizer(alias) for alias in entry.context_aliases])
    return matcher


def find_actors(doc: Doc, places: Sequence[PlaceMention] = ()) -> ActorTable:
    """Return the complete actor table of a doc parsed by :func:`graph.extract.parse.nlp.build_nlp`.

    ``places``: the doc's place mentions from the places stage; they tell the article's main country
    and the country of a sentence about another one, for "soldiers". The table holds the state forces
    its units imply, so later stages only read it.
    """
    place_tokens = frozenset(i for p in places for i in range(p.start, p.end))
    place_names = frozenset(tokens_text(doc, p.start, p.end) for p in places)
    country, sentence_countries = article_countries(doc, places)
    builder = MentionBuilder(doc, country, sentence_countries, place_tokens, place_names)
    _named_force_mentions(builder)
    _dictionary_mentions(builder)
    _context_mentions(builder)
    faction_mentions(builder)
    backer_mentions(builder)
    possessive_mentions(builder)
    group_mentions(builder)
    communal_mentions(builder)
    herder_mentions(builder)
    raider_mentions(builder)
    descriptor_mentions(builder)
    demonym_mentions(builder)
    crowd_mentions(builder)
    media_mentions(builder)
    person_mentions(builder)
    ministry_mentions(builder)
    _org_mentions(builder)
    pronoun_mentions(builder)
    victim_count_mentions(builder)
    protest_mentions(builder)
    merge_spelt_out(doc, builder.table)
    builder.table.finish()
    add_unit_states(doc, builder.table)
    return builder.table


def _named_force_mentions(builder: MentionBuilder) -> None:
    """A force named after its country is that state's forces: "Kenya Defence Forces", "Somali National Army"."""
    for start, end, (code, branch) in named_force_spans(builder.doc):
        info = state_actor(code, branch)
        if info:
            builder.add(info, builder.doc[start:end])


def _dictionary_mentions(builder: MentionBuilder) -> None:
    entries = lexicon.dictionary()
    for ent in entities(builder.doc):
        entry = entries.get(ent.ent_id_)
        if entry and not (entry.kind == "media" and _bracketed(ent)) and not _names_a_body(ent, entry.kind):
            builder.add(info_of(entry), strip_name(ent), link=link_after(ent))


# nouns of an organisation's own bodies: "the UN's refugee agency", "the United Nations Office for ..."
_BODY_NOUNS = frozenset(["agency", "agencies", "office", "offices", "body", "commission", "committee", "council",
                         "programme", "program", "fund"])


def _names_a_body(span: Span, kind: str) -> bool:
    """Whether an organisation's name only qualifies one of its bodies, which is the actor meant."""
    root = span.root
    return kind == "organization" and root.dep_ in {"compound", "poss", "nmod"} and root.head.i >= span.end \
        and root.head.lower_ in _BODY_NOUNS


def _bracketed(span: Span) -> bool:
    """True for a credit such as "[AFP]" or "(Reuters)": the name alone between brackets."""
    doc = span.doc
    return (
        span.start > 0 and span.end < len(doc) and doc[span.start - 1].text in {"[", "("}
        and doc[span.end].text in {"]", ")"}
    )


def _context_mentions(builder: MentionBuilder) -> None:
    doc = builder.doc
    present = {m.key for m in builder.table.mentions}
    for match_id, start, end in _context_matcher(doc.vocab)(doc):
        key = doc.vocab.strings[match_id]
        if key in present:
            entry = lexicon.dictionary()[key]
            builder.add(ActorInfo(key, entry.name, entry.kind, entry.country, entry.tags), doc[start:end])


def _org_kind(span: Span) -> str:
    words = [t.text for t in span]
    if words[0] in _ORDINALS or (words[0][:1].isdigit() and words[-1] in _UNIT_WORDS):
        return "state_forces"
    for kind, heads in _ORG_KINDS.items():
        if words[-1] in heads or (kind != "organization" and any(w in heads for w in words)):
            return kind
    return "organization"


# nouns of weapons a make's or a type's acronym stands before ("RPG launcher", "PKM gun")
_WEAPON_NOUNS = frozenset(["launcher", "launchers", "rifle", "rifles", "gun", "guns", "round", "rounds", "missile",
                           "missiles", "rocket", "rockets", "grenade", "grenades"])


def _org_mentions(builder: MentionBuilder) -> None:
    doc = builder.doc
    by_adjective, by_name = countries().by_adjective, countries().by_name
    communities = lexicon.communities()
    spans = [_trim(strip_name(ent)) for ent in entities(doc) if ent.label_ == "ORG" and not ent.ent_id_]
    counts = Counter(s.text for s in spans)
    for span in spans:
        text = span.text
        if _generic_unit(span):  # "the Air Force", "15th Infantry Battalion": the country's forces, not a group
            builder.add(_unit_state(builder, span), span)  # of their own, nor "the Army" of a "People's Army"
            continue
        if not text[:1].isupper() or text in by_adjective or text in by_name or text in communities:
            continue
        if builder.names_place(span):
            continue  # the places stage resolved it: a town read as an organisation
        person = _name_after_office(span)
        if person is not None:  # "State for Coastal Development Lena Varga": an office's holder, no organisation
            builder.add(ActorInfo(actor_key(person.text), person.text, "person"), person)
            continue
        if _in_office_title(span):
            continue  # "Coastal Development" after "Secretary for": a person's title
        owner = _owner_of_short_form(builder, text)
        if owner:
            builder.add(builder.table.actors[owner], span)
            continue
        unit = security_unit(builder, span)
        if unit is not None:  # "Liyu Police": the country's police, the name kept as its unit
            builder.add(unit, span)
            continue
        kind = _org_kind(span)
        if kind == "place" or _names_unit(span):
            continue  # a building, court, school, ministry or region is where something happens, not who does it
        if span.end < len(doc) and doc[span.end].lower_ in _WEAPON_NOUNS:
            continue  # "an RPG launcher", "AK rifles": a weapon's name, not who fired it
        acronym = text.isupper() and 2 <= len(text) <= 6 and text.isalpha()
        if kind == "organization" and not acronym and counts[text] < 2 and len(span) < 2:
            continue  # a lone capitalised word is not evidence of an organisation
        builder.add(ActorInfo(actor_key(text), text, kind), span)


# words that join a title to its office's domain: "Minister of", "Secretary for", "Envoy to"
_OFFICE_LINKS = frozenset(["of", "for", "to"])


def _after_title(doc: Doc, start: int, article: bool) -> bool:
    """Whether a title and the word joining it to its domain end right before ``start``: "Secretary for",
    "Minister of State for" (or "Envoy to the" when ``article``)."""
    k = start - 1
    if article and k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in _OFFICE_LINKS:
        return False
    if k > 2 and doc[k - 1].text == "State" and doc[k - 2].lower_ == "of":
        k -= 2  # "Secretary of State for", "Minister of State for": the title is the words before "of State"
    return doc[k - 1].text in TITLES


def _name_after_office(span: Span) -> Span | None:
    """The holder's name that ends an office's domain the NER read as one organisation with it: "Lena Varga" of
    "(Minister of) State for Coastal Development Lena Varga", the proper nouns after the domain's last English
    word (a name that is an English word stays unread)."""
    if not _after_title(span.doc, span.start, article=True):
        return None
    words = common_words()
    k = len(span)
    while k > 0 and span[k - 1].pos_ == "PROPN" and span[k - 1].text[:1].isupper() and span[k - 1].lower_ not in words:
        k -= 1
    return span[k:] if k > 0 and len(span) - k >= 2 else None


def _in_office_title(span: Span) -> bool:
    """Whether the name is the domain of a title right before it, no organisation: "Coastal Development" of
    "Secretary for Coastal Development" (an armed unit's name after "Commander of" stays a group)."""
    return _after_title(span.doc, span.start, article=False) and span[-1].lower_ in common_words() \
        and _org_kind(span) == "organization"


_UNIT_NAME_WORDS = read_words("actors", "unit_words.txt")
_UNIT_HEADS = frozenset(["Force", "Forces", "Navy", "Army", "Brigade", "Brigades", "Battalion", "Battalions",
                         "Division", "Regiment", "Corps", "Marines", "Commandos"])


def _unit_state(builder: MentionBuilder, span: Span) -> ActorInfo:
    """The forces a generic unit belongs to: its sentence's country's, else ACLED's category alone."""
    return state_actor(builder.country_at(span.start) or "") or ActorInfo(
        actor_key("Military Forces"), "Military Forces", "state_forces")


def _generic_unit(span: Span) -> bool:
    """Whether a name is only a generic branch or unit of an army ("Air Force", "15th Infantry Battalion")."""
    words = [t.text for t in span if t.lower_ not in {"of", "the", "'s", "’s"}]
    return any(w in _UNIT_HEADS for w in words) and all(
        w in _UNIT_NAME_WORDS or w in _ORDINALS or w[:1].isdigit() for w in words)


# nouns after a name that make it an administrative unit: "Hirshabelle regional state", "Ituri province"
_UNIT_NOUNS = frozenset(["state", "region", "province", "district", "county", "municipality", "governorate",
                         "prefecture", "territory", "department", "locality"])


def _names_unit(span: Span) -> bool:
    """Whether the words after a name make it a region ("Hirshabelle regional state", "Ituri province")."""
    following = [t for t in span.doc[span.end : span.end + 3] if t.pos_ != "ADJ"]
    return bool(following) and following[0].lower_ in _UNIT_NOUNS


# a role after a group's name names its officer, not another group: "NAS Spokesman", "Army Chief"
_TRAILING_ROLES = frozenset(["Spokesman", "Spokeswoman", "Spokesperson", "Commander", "Chief", "Leader", "Chairman"])


def _trim(span: Span) -> Span:
    """Drop dangling function words and an officer's role at the end of an NER span ("Minister of Foreign Affairs
    of", "NAS Spokesman")."""
    while len(span) > 1 and (span[-1].pos_ in {"ADP", "CCONJ", "DET", "PUNCT"} or span[-1].text in _TRAILING_ROLES):
        span = span[:-1]
    return span


def _owner_of_short_form(builder: MentionBuilder, text: str) -> str | None:
    """Return the actor whose longer name contains ``text`` as whole words ("Observatory")."""
    padded = f" {text} "
    for info in builder.table.actors.values():
        if info.kind == "person":
            continue
        if any(padded in f" {name} " and name != text for name in builder.names.get(info.key, ())):
            return info.key
    return None

"""Two communities in a fight: "clashes between Bagana and Lusenda", "a land dispute between the Bagana and Lusenda
communities". ACLED codes each side as its community's militia, "<A> Communal Militia (X)" (an ethnic group of
communities.tsv: "<A> Ethnic Militia (X)"), X the country the sentence is about. A name that is already an
actor (a state, a named group) or a country is left to the other stages.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graph.datafiles import read_words
from graph.extract.actors import lexicon
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder
from graph.extract.countries import countries
from graph.extract.parse.columns import token_lowers, token_texts

__all__ = ["FAITHS", "communal_mentions", "community", "herder_mentions", "raider_mentions"]

_FEUDS = read_words("actors", "feud_nouns.txt")
_MAX_NAME = 3  # words of one community's name
_HERDERS = frozenset(["herders", "herdsmen", "pastoralists"])
# verbs of violence whose subject, a people named by itself ("Fulanis attacked"), is that people's militia
_RAIDS = read_words("actors", "harm_verbs.txt") | frozenset(["attack", "raid", "storm", "invade", "burn", "torch",
                                                             "ambush", "loot", "clash", "fight"])
# faiths: believers who attack are coded by who they are, not as a community's militia
FAITHS = frozenset(["Christian", "Christians", "Muslim", "Muslims", "Hindu", "Hindus", "Shia", "Shiite", "Shiites",
                     "Shi'ite", "Sunni", "Sunnis", "Alawite", "Alawites", "Ismaili", "Coptic", "Copts", "Yazidi",
                     "Yazidis", "Yezidi"])


def communal_mentions(builder: MentionBuilder) -> None:
    """Add the two sides of "<feud> between A and B" as their communities' militias."""
    doc = builder.doc
    context: _Context | None = None
    for i, lower in enumerate(token_lowers(doc)):
        if lower != "between" or not _after_feud(token := doc[i]):
            continue
        for side in _two_names(doc, token.i + 1) or ():
            context = context or _Context(builder)
            builder.add(context.militia(side), side)  # unless a named actor holds it ("Fulani and Tiv herders")


def herder_mentions(builder: MentionBuilder) -> None:
    """In an article that names one community's herdsmen as a militia ("Kamba herdsmen"), its other herdsmen
    ("armed herdsmen", "the herders") are that militia, not civilians."""
    doc, table = builder.doc, builder.table
    named = {m.key for m in table.mentions
             if doc[m.end - 1].lower_ in _HERDERS and table.actors[m.key].kind == "militia"}
    if len(named) != 1:
        return
    info = table.actors[named.pop()]
    for i, lower in enumerate(token_lowers(doc)):
        if lower in _HERDERS and not table.at(i):
            token = doc[i]
            start = min((c.i for c in token.children if c.dep_ == "amod" and c.i < token.i), default=token.i)
            builder.add(info, doc[start : token.i + 1])  # "suspected armed herdsmen" keeps its adjectives


def raider_mentions(builder: MentionBuilder) -> None:
    """Add a people named by itself as the doer of violence ("Fulanis attacked the village", "the Tuareg
    raided ...", "Fulanis attack Tondo") as that people's militia, ACLED's <A> Ethnic Militia (X)."""
    doc = builder.doc
    context: _Context | None = None
    for i, text in enumerate(token_texts(doc)):  # the word first: a Token only for a people's name
        if _people(text) is None or not _raiding(token := doc[i]) or builder.table.at(token.i):
            continue
        context = context or _Context(builder)
        builder.add(context.militia(doc[token.i : token.i + 1]), doc[token.i : token.i + 1])


def _raiding(token) -> bool:
    """Whether a word is the doer of a raid: the subject of a verb of violence ("Fulanis attacked the village"), or
    the word just before a raid that the parser reads as a noun, as headline-style notes put it ("Fulanis attack
    Tondo", "a Fulani attack on farmers")."""
    if token.dep_ == "nsubj" or (token.dep_ == "conj" and token.head.dep_ == "nsubj"):
        verb = token.head.head if token.dep_ == "conj" else token.head
    elif token.dep_ in ("compound", "amod") and token.head.i == token.i + 1:
        verb = token.head
    else:
        return False
    return verb.lemma_.lower() in _RAIDS


def _people(word: str) -> str | None:
    """The people a word names ("Fulanis" -> "Fulani"), if communities.tsv lists it and it is no faith."""
    communities = lexicon.communities()
    name = word if word in communities else word[:-1] if word.endswith("s") and word[:-1] in communities else None
    return None if name is None or name in FAITHS else name


class _Context:
    """What the sides are read against, gathered once per doc: the actors named so far, and each name's
    community (one search of the text per distinct name)."""

    def __init__(self, builder: MentionBuilder):
        self.builder = builder
        self.named = {info.name: info for info in builder.table.actors.values()}
        self.communities: dict[str, tuple[str, bool]] = {}

    def militia(self, side: Span) -> ActorInfo:
        """The side's militia: an actor of the community's own name if the article has one ("Kuki militants")."""
        if side.text not in self.communities:
            self.communities[side.text] = community(self.builder.doc.text, side.text)
        name, people = self.communities[side.text]
        if name in self.named:
            return self.named[name]
        country = countries().by_code.get(self.builder.country_at(side.start) or "")
        militia = f"{name} {'Ethnic' if people else 'Communal'} Militia" + (f" ({country.name})" if country else "")
        return ActorInfo(actor_key(militia), militia, "militia", country.code if country else None)


def community(text: str, name: str) -> tuple[str, bool]:
    """(the community's name, whether it is a people): "Kukis" is the Kuki people when the text also says
    "Kuki"; a name of communities.tsv is an ethnic group."""
    singular = name[:-1] if name.endswith("s") else name
    if singular != name and (singular in lexicon.communities() or re.search(rf"\b{re.escape(singular)}\b", text)):
        return singular, True
    return name, name in lexicon.communities()


def _after_feud(between) -> bool:
    """Whether "between" belongs to a fight: its head, or the word before it, is a noun of feud."""
    before = between.doc[between.i - 1] if between.i > 0 else between
    return between.head.lower_ in _FEUDS or before.lower_ in _FEUDS


def _two_names(doc: Doc, start: int) -> tuple[Span, Span] | None:
    """The spans of A and B in "(the) A and (the) B": runs of capitalised words, neither a country."""
    first = _name(doc, start)
    if first is None or first.end >= len(doc) or doc[first.end].lower_ != "and":
        return None
    second = _name(doc, first.end + 1)
    return (first, second) if second is not None else None


def _name(doc: Doc, start: int) -> Span | None:
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and end - start < _MAX_NAME and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    known = countries()
    if span.text in known.by_name or span.text in known.by_adjective:
        return None
    # an acronym is an organisation the later stages name ("between the NPA and the police"), not a community
    return None if span.text.isupper() else span


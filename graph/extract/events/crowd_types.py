"""ACLED's actor-based rule for crowds: what a crowd of unarmed people does violently is a riot.

The sentence's words give a type before its parties are known; once they are, the codebook decides:

- looting or destroying property done by a crowd (rioters, protesters or civilians as its doers, no
  armed actor named) is a riot, not a strategic development;
- a clash between state forces and a crowd (the crowd the clash's subject or the people it is
  "with" or "between") is a riot, not a battle: a battle needs two armed, organised sides;
- a clash between political camps (supporters, opponents, activists, political groups) is mob
  violence. Other crowds that clash with one another are left alone: herders and farmers fighting
  are communal militias.

It is a violent demonstration when the sentence tells of a protest or the crowd faces the state's
forces, mob violence otherwise. Crowds that clash with no one else named clash with each other: ACLED
codes Rioters (X) on both sides.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graph.extract.actors.crowds import protest_word
from graph.extract.events.syntax import agents
from graph.extract.parse.sentences import sentence
from graph.records import Event

__all__ = ["crowd_sub_type", "mutual", "each_other"]

_ARMED_KINDS = frozenset(["armed_group", "militia"])
_STATE_KINDS = frozenset(["state_forces", "government"])
_PARTY_PREPS = frozenset(["with", "between", "against"])
# people who side with a party or a candidate: their clashes are riots, not battles
_CAMPS = frozenset(["supporter", "opponent", "activist", "partisan", "cadre", "loyalist"])
CROWD_SIZE = 10  # fewer people than this, counted, are a gang rather than a crowd
_SMALL_NUMBERS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine"])


def crowd_sub_type(sub_event_type: str, trigger: Token | None, cue: str | None,
                   mentioned: list[tuple[str, Token]]) -> str | None:
    """The riot sub-event type that replaces ``sub_event_type`` when the parties make it a crowd's violence;
    None when the type stands. ``trigger`` and ``cue`` are the typing's word and its lexicon class,
    ``mentioned`` the (kind, head token) of every actor the sentence names."""
    kinds = {kind for kind, _ in mentioned}
    if trigger is None:
        return None
    sent = sentence(trigger)
    crowds = [head for kind, head in mentioned if kind == "civilians" and not _few(head)]
    if sub_event_type == "Looting/property destruction":
        doers = _doers(trigger)
        if any(head.i in doers for kind, head in mentioned if kind in _ARMED_KINDS | _STATE_KINDS):
            return None  # fighters or soldiers who loot: a strategic development, whoever they loot from
        camp = any(sent.doc[i].lemma_.lower() in _CAMPS for i in doers)  # "party supporters burnt the offices"
        angry = any(_angry(sent.doc[i]) for i in doers)  # "set on fire by angry traders"
        return _riot(sent, kinds) if camp or angry or any(head.i in doers for head in crowds) else None
    if kinds & _ARMED_KINDS:
        return None
    if sub_event_type == "Armed clash" and cue == "CLASH" and not kinds & _STATE_KINDS and _political(trigger):
        return "Mob violence"  # "rival political groups clashed", "clashes between party supporters"
    if "civilians" not in kinds:
        return None
    state_and_crowd = bool(kinds & _STATE_KINDS) and kinds <= _STATE_KINDS | {"civilians"}
    if sub_event_type == "Armed clash" and cue == "CLASH" and state_and_crowd:
        parties = _parties(trigger)
        if any(head.i in parties for head in crowds):
            return _riot(sent, kinds)
    return None


# Words that make people a crowd in a temper: "angry residents", "irate commuters", "disgruntled workers".
_ANGRY = frozenset(["angry", "irate", "furious", "enraged", "disgruntled", "outraged", "agitated"])


def _angry(token: Token) -> bool:
    """People (a plural noun) described as angry: a crowd, whoever they are."""
    return token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in _ANGRY for c in token.children)


def _political(trigger: Token) -> bool:
    """Whether the sides of a clash are political camps: supporters, opponents, activists, cadres, or
    groups called political ("opposing political groups")."""
    sides = [trigger.doc[i] for i in _parties(trigger)]
    return any(t.lemma_.lower() in _CAMPS or (t.lemma_.lower() in ("group", "faction") and any(
        c.lower_ == "political" for c in t.children)) for t in sides)


def _few(head: Token) -> bool:
    """"Three people", "two men": a handful is a gang, not a crowd."""
    counts = [c for c in head.children if c.dep_ == "nummod" and c.like_num]
    return any(c.text.isdigit() and int(c.text) < CROWD_SIZE or c.lower_ in _SMALL_NUMBERS for c in counts)


def _doers(trigger: Token) -> set[int]:
    """Token ids of who did what the event word tells: its own subject or by-agent (a conjunct's borrowed
    subject is too often a misparse); for a word inside a phrase, the doer of the clause it sits in ("residents
    went on a looting spree"), and the word itself when it names its doers ("looters")."""
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    doers += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if doers or trigger.dep_ in ("conj", "ROOT"):
        return {t.i for d in doers for t in d.subtree}
    phrase = trigger  # "went on a looting spree": the clause that holds the phrase the word qualifies
    while phrase.dep_ in ("amod", "compound", "nmod") and phrase.head != phrase:
        phrase = phrase.head
    return agents(phrase) | {trigger.i}


def _parties(trigger: Token) -> set[int]:
    """Token ids of the sides of a clash: its subject, and who it is with, between or against."""
    out = set(agents(trigger))
    holders = [trigger, trigger.head] if trigger.pos_ == "NOUN" else [trigger]  # "clashes were reported between"
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ == "prep" and prep.lower_ in _PARTY_PREPS:
            for side in prep.children:
                out |= {t.i for t in side.subtree}
    return out


def _riot(sent: Span, kinds: set[str]) -> str:
    demonstration = kinds & _STATE_KINDS or any(protest_word(token) for token in sent)
    return "Violent demonstration" if demonstration else "Mob violence"


_MUTUAL = frozenset(["clash", "brawl", "scuffle", "fight", "fighting"])


def mutual(trigger: Token | None) -> bool:
    """Whether a riot's event word tells of crowds fighting ("clashed", "brawled", "scuffles")."""
    return trigger is not None and trigger.lemma_.lower() in _MUTUAL


def each_other(event: Event) -> Event:
    """A riot of rioters who clash with no one else named ("opposing political groups clashed"): the
    rioters are on both sides, as ACLED codes them."""
    if event.actor2 is not None or not (event.actor1 or "").startswith("Rioters"):
        return event
    return replace(event, actor2=event.actor1)

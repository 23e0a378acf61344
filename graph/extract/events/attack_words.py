"""Killings told through an attack word, which say that someone attacked though no one armed is named: "killed in
an attack on the village", "attacked the village, killing 20", "the attack on a bus that left four dead"."""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events.cues import SentenceCues
from graph.extract.parse.columns import span_entities

__all__ = ["ATTACK_NOUNS", "LETHAL", "attack_killing", "deadly_attack", "in_an_attack"]

# Violent words that take a life, unlike "beat" in "arrested and beat": not part of an arrest.
LETHAL = frozenset(["kill", "murder", "shoot", "execute", "behead", "slay", "assassinate", "massacre"])
ATTACK_NOUNS = frozenset(["attack", "ambush", "raid", "assault", "incursion", "massacre"])


def deadly_attack(noun: Token, c: SentenceCues) -> bool:
    """"the attack on a bus that left four passengers dead": an attack noun (or a noun of the prepositions that
    follow it: "the attack on the home of a councillor that left one dead") whose relative clause, with "that"/"which"
    as subject, leaves people dead or kills them: someone attacked and killed, though no one armed is named; a clause
    with a year or "had" tells of an earlier incident."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTACK_NOUNS:
        return False
    heads, level = [noun], [noun]
    for _ in range(3):  # the attack's noun phrase, three prepositions deep
        level = [o for head in level for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        heads += level
    deaths = c.tokens("DEATH")
    return any(r.dep_ == "relcl" and _kills_in_clause(r, deaths) for head in heads for r in head.children)


def _kills_in_clause(verb: Token, deaths: set[int]) -> bool:
    """Whether a relative clause is "that left N dead" or "which killed N", told of this incident."""
    kids = list(verb.children)
    if not any(k.dep_ == "nsubj" and k.lower_ in ("that", "which") for k in kids) or any(
            k.dep_ == "aux" and k.lower_ == "had" for k in kids):
        return False  # "the village where 40 died", "the attack that had killed 40": another place or incident
    if any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in verb.subtree) or _dated_apart(verb):
        return False  # "that killed 40 people in 2014", "... last year": an incident of another time
    if verb.lemma_ == "leave":
        return any(t.i in deaths for t in verb.subtree)
    return verb.lemma_ == "kill" and any(k.dep_ == "dobj" for k in kids)


def _dated_apart(verb: Token) -> bool:
    """Whether a clause dates its killing by a period or a run of days ("last year", "two weeks ago", "over the past
    month"), which recalls another incident: the day of the one told carries no such date."""
    from graph.extract.events.periods import date_span  # periods reads this module's attack nouns: import here

    clause = verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
    return any(ent.label_ == "DATE" and date_span(ent) is not None for ent in span_entities(clause))


def in_an_attack(verb: Token) -> bool:
    """"killed in an attack on the village", "died during a raid": a word that says someone attacked."""
    return any(p.dep_ == "prep" and p.lower_ in ("in", "during") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in ATTACK_NOUNS for o in p.children) for p in verb.children)


def attack_killing(verb: Token) -> bool:
    """"Herders attack the village, killing 20 residents": a killing told as what an attack did (a headline's
    "attack" is often parsed as a noun), which says someone attacked as "killed in an attack" does."""
    return verb.lemma_ in LETHAL and verb.dep_ == "advcl" and verb.head.lemma_.lower() in ATTACK_NOUNS

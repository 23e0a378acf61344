"""Toll updates: "the death toll rose to 14", "officials revised the number of dead to 11", "bringing the toll to 9".

A later figure for the dead of one incident supersedes the first reports of them: ACLED codes the latest count
of an event's dead, its conservative rule choosing only among reports that disagree at the same time. An update
is a count that a verb of growth takes the tally to ("rose to", "raised ... to", "brought the toll to"), the
tally being the toll, or a number or figure in a sentence that speaks of the dead ("officials first counted six dead;
the count was revised to eleven"); "the number of arrests rose to 30" is no toll.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.events.count_words import DEATH_WORDS, full_value
from graph.extract.events.periods import tallied_over
from graph.extract.parse.columns import span_entities, token_lowers, tokens_where

__all__ = ["toll_update"]

_GROWTH = read_words("events", "growth_verbs.txt")
# Nouns for a count that are a toll only in a sentence that speaks of the dead
_TALLIES = frozenset(["number", "figure", "tally", "count"])
_NOT_COUNTS = frozenset(["DATE", "TIME", "MONEY", "PERCENT"])
_PARTIES = frozenset(["army", "military", "police", "government", "rebels", "militants", "group", "side"])


def toll_update(sent: Span) -> tuple[int, bool] | None:
    """The last toll the sentence updates ("the toll rose to 9") and whether it is a running total told by a
    participle after other deaths ("six were killed, raising the toll to 58"); None when it updates none."""
    found = None
    for to in tokens_where(sent, token_lowers(sent.doc), ("to",)):  # few words are "to": no Token for the rest
        for token in to.children:
            if token.dep_ != "pobj" or token.ent_type_ in _NOT_COUNTS:
                continue
            if (value := full_value(token)) and _grows_tally(to.head, sent):
                found = (value, to.head.tag_ == "VBG")
    return found


def _grows_tally(verb: Token, sent: Span) -> bool:
    """A verb of growth whose subject or object is the toll ("the toll rose", "raised the toll") or a tally of
    the dead ("the number was raised" in a sentence with a death word)."""
    if verb.lemma_.lower() not in _GROWTH:
        return False
    if _over_a_period(verb):
        return False
    tallies = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and not _a_partys(c)]
    if any(t.lemma_.lower() in DEATH_WORDS for t in tallies):
        return True
    return any(t.lemma_.lower() in _TALLIES and _of_the_dead(t, sent) for t in tallies)


def _over_a_period(verb: Token) -> bool:
    """A tally over a period ("the number killed this year has risen to 400", "since January", "so far"): a
    running count of many incidents, no update of one. "rose to 9 on Tuesday" names a day, not a period, and "the
    toll of the bombing earlier this month rose to 40" the month of one incident (:func:`.periods.tallied_over`)."""
    for token in verb.subtree:
        if token.lower_ == "since" or (token.lower_ == "far" and token.i > 0 and token.nbor(-1).lower_ == "so"):
            return True
    return any(ent.label_ == "DATE" and verb.is_ancestor(ent.root) and tallied_over(ent, verb)
               for ent in span_entities(verb.sent))


def _a_partys(tally: Token) -> bool:
    """A party's own toll ("the army's death toll", "the rebels' own toll"): its dead over a whole war, not
    one incident's."""
    return any(c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ or c.lemma_.lower() in _PARTIES)
               for c in tally.children)


def _of_the_dead(tally: Token, sent: Span) -> bool:
    """A tally of the dead: "the number of dead", or a bare "the number" in a sentence with a death word (not
    "the number of arrests")."""
    counted = [g for p in tally.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.subtree]
    return any(t.lemma_.lower() in DEATH_WORDS for t in counted or sent)

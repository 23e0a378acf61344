"""Who comments on an incident without taking part in it: "The United Nations condemned the attack on the village",
"the party denied any role in the killings", "..., the World Food Programme (WFP) said in a statement".

The subject of a verb of reaction (:data:`_REACTING`) whose object holds the event's word speaks about the deed,
and a name set off by a comma before a reporting verb that ends the sentence is the deed's source; neither is a
party of the event, though the parse may put them on the doer's side.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.events.lexicon import REPORT_VERBS

__all__ = ["comments_on", "trailing_source"]

_REACTING = read_words("events", "reaction_verbs.txt")
# the ways from a verb of reaction down to what it reacts to: "condemned the attack", "denied any role in the
# attack", "denied carrying out the attack", "condemned that gunmen had attacked"; not "rejected the truce and
# attacked the town", where the second verb is the subject's own deed
_TO_WHAT = frozenset(["dobj", "prep", "pobj", "xcomp", "ccomp", "attr"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
# the ways from a name up to the subject it is part of
# the words a name may hold besides its proper nouns: "the Committee for the Protection of Journalists"
_NAME_WORDS = frozenset(["the", "-", "of", "for", "and"])
_IN_SUBJECT = frozenset(["conj", "compound", "amod", "nmod", "poss", "appos", "pobj", "prep"])


def comments_on(head: Token, trigger: Token | None) -> bool:
    """Whether the mention headed by ``head`` is the subject of a verb of reaction whose object side holds the
    event's ``trigger`` ("The UN condemned the attack on a village": the UN only reacts)."""
    if trigger is None:
        return False
    node = head
    for _ in range(12):  # up the subject's noun phrase: "the UN and the AU", "<Name>, a leader of <group>,"
        if node.dep_ not in _IN_SUBJECT or node.head.i == node.i:
            break
        node = node.head
    verb = node.head
    if node.dep_ not in _SUBJECTS or verb.lemma_.lower() not in _REACTING or trigger.i == verb.i:
        return False
    step = trigger
    for _ in range(12):  # up from the trigger to the verb, through its object side only
        if step.head.i == step.i:
            return False
        if step.head.i == verb.i:
            return step.dep_ in _TO_WHAT
        step = step.head
    return False


def trailing_source(sent: Span, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` stands between a comma and a reporting verb ("..., the Kenya Red Cross
    Society (KRCS) said on Friday"): the source of what the sentence tells, however the parse hangs it."""
    doc = sent.doc
    before, after = start - 1, end
    if before > sent.start and doc[before].text == "(" and after < sent.end and doc[after].text == ")":
        before, after = before - 1, after + 1  # the acronym in brackets after the name
    while before > sent.start and (doc[before].pos_ == "PROPN" or doc[before].lower_ in _NAME_WORDS):
        before -= 1  # back to the name's start: "the Kenya Red Cross", a country's name the mention leaves out
    if before < sent.start or doc[before].text != ",":
        return False
    while after < sent.end and doc[after].pos_ == "PROPN":  # to the name's end: "Red Cross Society"
        after += 1
    if after < sent.end and doc[after].text == "(":  # the name with its acronym in brackets after it
        while after < sent.end and doc[after].text != ")":
            after += 1
        after += 1
    return after < sent.end and doc[after].lemma_.lower() in REPORT_VERBS and doc[after].pos_ in ("VERB", "AUX")

"""Reads the sense of event words that have another sense: a "mine" dug for ore, a "strike" of workers and an
"executed" attack.

A mine is a landmine only when the sentence tells one ("stepped on a mine", "a mine exploded", "wounded by a
mine"), never a mine that is a workplace ("a gold mine", "attacked the mine"); a strike with no air, weapon or
target word that workers hold ("called a strike", "a general strike", "the strike ended") is a protest; to
execute an attack, an operation or a plan is to carry it out, no killing ("the raid was executed by X").
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.datafiles import read_words
from graph.extract.events.cues import Cue

__all__ = ["read_senses"]

_MINED = read_words("events", "mined_words.txt")
_LABOUR = read_words("events", "labour_strike_words.txt")
# Verbs whose object or whose "on"/"over" is a mine that is a weapon: it is stepped on, set off, laid or cleared.
_SET_OFF = frozenset(["step", "tread", "hit", "strike", "run", "drive", "roll", "walk", "trigger", "detonate", "set",
                      "lay", "plant", "bury", "sow", "clear", "defuse", "remove", "seize", "find", "recover"])
# Verbs whose subject is a mine that went off, and nouns of a mine going off ("the explosion of a mine").
_GOES_OFF = frozenset(["explode", "detonate", "blast", "go", "kill", "wound", "injure", "maim", "destroy", "rip"])
_BLAST_NOUNS = frozenset(["blast", "explosion", "detonation", "victim", "clearance", "injury", "casualty"])
_ARMS = frozenset(["bomb", "ied", "explosive", "grenade", "shell", "mortar", "rocket", "weapon", "arm", "ammunition",
                   "munition", "device", "landmine", "booby"])
# Words beside a strike that make it a blow from the air or from guns: its target ("a strike on the camp"), its
# weapon ("missile strikes") or a military doer's word ("military strikes").
_AIM_PREPS = frozenset(["on", "against", "upon"])
_AIR_WORDS = frozenset(["air", "drone", "missile", "rocket", "artillery", "aerial", "military", "precision",
                        "retaliatory", "targeted", "surgical", "bomb"])
_SETTINGS = frozenset(["during", "amid", "amidst"])
# What one executes when one carries it out: deeds and plans, not people.
_DEEDS = frozenset(["attack", "operation", "raid", "plan", "plot", "order", "ambush", "bombing", "assault", "mission",
                    "strike", "offensive", "task", "manoeuvre", "maneuver", "decision", "warrant", "judgment"])


def read_senses(cues: list[Cue]) -> list[Cue]:
    """Drop the mines of ``cues`` that are no landmine and the executions that carry out a deed, and read the strikes
    of workers as protests."""
    civilians = {i for c in cues if c.cue == "CIV" for i in range(c.start, c.end)}
    out = []
    for cue in cues:
        lemma = cue.head.lemma_.lower()
        if lemma == "mine" and cue.cue in ("IED_WEAK", "WEAPON") and not _landmine(cue.head):
            continue
        if lemma == "execute" and _carries_out(cue.head):
            continue
        if lemma == "strike" and cue.cue in ("STRIKE", "KILL") and _labour_strike(cue.head, civilians):
            cue = cue._replace(cue="PROTEST")
        out.append(cue)
    return out


def _landmine(word: Token) -> bool:
    """A mine the sentence tells as a weapon: set off, laid, gone off, or beside other arms; none dug for ore."""
    children = list(word.children)
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _MINED for c in children):
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children):
        return False  # a mine with a name is a place
    head, dep = word.head, word.dep_
    if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in _SET_OFF:
        return True
    if dep == "nsubj" and head.lemma_.lower() in _GOES_OFF:
        return True
    if dep == "compound" and head.lemma_.lower() in _BLAST_NOUNS:
        return True
    if dep == "pobj":
        over = head.head.lemma_.lower()
        return (head.lower_ in ("on", "over", "onto", "upon") and over in _SET_OFF
                or head.lower_ == "by" or head.lower_ == "of" and over in _BLAST_NOUNS)
    arms = [head] if dep == "conj" else []
    arms += [c for c in children if c.dep_ == "conj"]
    return any(a.lemma_.lower() in _ARMS for a in arms) or word.tag_ == "NNS" and any(
        c.dep_ == "nummod" for c in children)


def _carries_out(verb: Token) -> bool:
    """Whether "execute" carries out a deed: its object, its passive subject (raised too: "the raid is thought to
    have been executed by X", shared: "the plan was drawn up and executed by X") or the noun it qualifies ("an attack
    executed against a patrol") is a deed."""
    done = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        done.append(verb.head)
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        done += [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.lemma_.lower() in _DEEDS for d in done)


def _labour_strike(word: Token, civilians: set[int]) -> bool:
    """A strike of workers: "striking teachers", or a strike with no target, weapon or military word whose
    modifiers, verb, setting or doers ("a strike by dock workers") are those of labour."""
    if word.pos_ == "VERB":
        return word.dep_ == "amod" and word.head.i in civilians  # "striking nurses"
    children = list(word.children)
    if any(c.dep_ == "prep" and c.lower_ in _AIM_PREPS for c in children):
        return False
    if any(c.lemma_.lower() in _AIR_WORDS for c in children):
        return False
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.lemma_.lower() in _LABOUR for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("by", "of") and any(g.i in civilians for g in c.children)
           for c in children):
        return True
    head = word.head
    if word.dep_ == "pobj":
        return head.lower_ in _SETTINGS
    return word.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() in _LABOUR

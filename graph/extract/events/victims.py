"""Victims a killing names without a count of its own: lone persons one each ("killing the driver", "a priest
was shot dead", "left a soldier and a militiaman dead"), attackers who kill themselves ("three raiders rammed a
truck bomb into the wall, killing themselves"), and ACLED's 10 for dead of an unstated number ("killed militants and
civilians").
Also the words that complete a verb into a killing ("shot dead", "stabbed to death", "lost their lives") and the
clauses whose dead are another event's ("a war that has killed 3,000", "a previous attack that killed two"), which
:mod:`.numbers` reads its counts with.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.events.count_words import DEATH_VERBS, DEATH_WORDS, DYING, PEOPLE, UNITS, VAGUE, full_value
from graph.extract.events.cues import imputed
from graph.extract.parse.columns import token_poses, tokens_where

__all__ = ["complement_is_death", "conj_first", "one_person", "singular_victims", "told_of_another",
           "vague_victims"]


def complement_is_death(verb: Token) -> bool:
    """A death word completing the verb: "left X dead", "reported to have been killed", "lost their lives",
    "stabbed to death"."""
    for child in verb.children:
        dep = child.dep_
        if dep not in _COMPLEMENTS:  # most children: read no further
            continue
        lemma = child.lemma_.lower()
        if dep in ("acomp", "oprd", "attr", "xcomp", "ccomp") and lemma in DEATH_WORDS:
            return True
        if dep in ("advcl", "advmod") and child.pos_ == "ADJ" and lemma == "dead":
            return True  # "shot 6 people dead", "shot dead a student": the parser hangs "dead" on the verb
        if dep == "prep" and child.lower_ == "to" and any(g.lemma_.lower() == "death" for g in child.children):
            return True  # "stabbed three villagers to death", "beaten to death"
        if dep == "xcomp" and any(g.dep_ == "xcomp" and g.lemma_.lower() in DEATH_WORDS for g in child.children):
            return True
        if dep == "dobj" and lemma == "life" and verb.lemma_.lower() in ("lose", "claim", "take", "cost"):
            return True
        if dep == "advmod" and child.lower_ == "summarily" and verb.lemma_.lower() == "shoot":
            return True  # "were summarily shot": put to death without trial
    return False


# The dependencies of the words that :func:`complement_is_death` reads
_COMPLEMENTS = frozenset(["acomp", "oprd", "attr", "xcomp", "ccomp", "advcl", "advmod", "prep", "dobj"])


# Victims of no stated number: "killed everyone inside", "killed all those who were there"
_EVERYONE = frozenset(["everyone", "everybody", "those", "all"])


def _kills(token: Token) -> bool:
    """A verb that takes its object's life: "killed", "shot dead", "stabbed to death", "gunned down"."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    gunned_down = lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
    return lemma in DEATH_VERBS or gunned_down or complement_is_death(token)


def _victims(token: Token) -> list[Token]:
    """The object of a killing verb, and the subject of its passive, with their conjuncts; a second verb
    shares the first one's ("a teacher was kidnapped and killed"); "died" has its subject."""
    deps = ("dobj", "nsubjpass", "nsubj") if token.lemma_.lower() in DYING else ("dobj", "nsubjpass")
    found = [c for c in token.children if c.dep_ in deps][:1]  # one subject: a second is the parser's slip
    if not found and token.dep_ == "conj" and token.head.pos_ == "VERB":
        found = [c for c in token.head.children if c.dep_ == "nsubjpass"]
        if not found and _passive(token.head) and token.head.dep_ == "conj":  # "a soldier found there was shot
            found = [c for c in token.head.head.children if c.dep_ == "nsubj"]  # and killed": the parser's subject
    if [c.lower_ for c in found] in (["themselves"], ["himself"], ["herself"]):  # "..., killing themselves"
        found = _governing_subjects(token)
    if found and found[0].tag_ == "WP" and token.dep_ == "relcl" and token.lemma_.lower() in DYING:
        found = [token.head]  # "a soldier who later died" (not "the body of a man who was killed" before)
    if not found:  # "shoot the driver dead" parsed as a clause "the driver dead"
        found = [g for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() == "dead"
                 for g in c.children if g.dep_ == "nsubj"]
    if not found and token.dep_ == "acl" and token.tag_ == "VBN":  # "ended with a guard and a rebel killed"
        first = conj_first(token.head)
        # people only ("an attack executed against ..."), and not a description ("X, a fighter killed in 2019")
        found = [first] if first.lemma_.lower() in PEOPLE and first.dep_ != "appos" else []
    return found + [g for c in found for g in c.children if g.dep_ == "conj"]


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _governing_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a participle or a conjunct hangs on ("three raiders rammed the wall, killing
    themselves": the raiders)."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects or node.head == node:
            return subjects
        node = node.head
    return []


def conj_first(noun: Token) -> Token:
    """The first noun of the coordination that holds ``noun``."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun


def one_person(noun: Token) -> bool:
    """A singular noun for one person ("the driver", "a priest"), not a thing the lexicon counts, or a
    personal pronoun; a plural of people right after "a" is one person written with a slip ("a soldier and a
    militiamen")."""
    return noun.lower_ in ("he", "she", "him", "her") or (
        noun.tag_ in ("NN", "NNP") and noun.lemma_.lower() not in UNITS | _EVERYONE | {"number"}
        and not any(g.like_num for g in noun.children)
    ) or _slipped_plural(noun)


def _slipped_plural(noun: Token) -> bool:
    """A plural noun of people whose own article "a"/"an" stands right before it: "a" never counts a plural, so
    the "s" is the slip ("a rebels"), unlike "a few rebels", "a dozen rebels" or "a further two rebels", whose
    article goes with the quantity word between."""
    if noun.tag_ != "NNS" or noun.i == 0 or noun.lemma_.lower() not in PEOPLE:
        return False
    article = noun.doc[noun.i - 1]
    return article.lower_ in ("a", "an") and article.head == noun


def singular_victims(sent: Span) -> int | None:
    """The lone victims of a killing, one each ("killing the driver", "a priest was shot dead", "left a
    soldier and a militiaman dead", "a policeman died of his wounds")."""
    for token in tokens_where(sent, token_poses(sent.doc), ("VERB",)):  # both tests below read verbs only
        if _blown_up(token) and (suicides := _self_killed(token)):
            return suicides  # "a suicide bomber blew himself up near the camp": the bomber
        if not (_kills(token) or token.lemma_.lower() in DYING):
            continue
        if told_of_another(token):
            continue  # "since a previous attack that killed a guard"
        victims = _victims(token)
        if victims and one_person(victims[0]):
            return sum(1 for noun in victims if one_person(noun)) or None
        if suicides := _self_killed(token):
            return suicides
    return None


def _blown_up(verb: Token) -> bool:
    """"blew himself up", "blew themselves up": a bomber's death."""
    return verb.lemma_.lower() == "blow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _self_killed(verb: Token) -> int | None:
    """The count of the attackers a killing kills ("three raiders rammed the wall, killing themselves"): that of
    the clause's subject, or of the first counted noun before the verb when the parser found no subject; one
    for "himself" or "herself"."""
    selves = [c.lower_ for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself")]
    if not selves:
        return None
    if selves[0] != "themselves":
        return 1
    sent = verb.sent
    numbers = [g for s in _governing_subjects(verb)[:1] for g in s.children if g.dep_ == "nummod"] or [
        t for t in sent.doc[sent.start : verb.i] if t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN")]
    return full_value(numbers[0]) if numbers else None


def vague_victims(sent: Span) -> int | None:
    """ACLED's 10 for deaths of an unstated number: "killed militants and civilians", "an unknown number
    of pastoralists were killed"."""
    for token in tokens_where(sent, token_poses(sent.doc), ("VERB",)):  # :func:`_kills` reads verbs only
        if not _kills(token):
            continue
        for child in _victims(token)[:1]:
            if any(g.like_num or g.lower_ in VAGUE for g in child.subtree):
                return None
            if child.tag_ == "NNS" and child.lemma_.lower() in PEOPLE or child.lower_ in _EVERYONE:
                return 10  # "killed civilians", "killed everyone inside", "killed all those inside"
            if child.lemma_.lower() == "number" and any(g.dep_ == "prep" and g.lower_ == "of" for g in child.children):
                return 10
    return None


# Nouns for a whole war: a count in a clause describing one ("a conflict that has killed 3,000") is its toll.
_WARS = read_words("events", "war_nouns.txt")
# Words that set an incident before the one told: "since a previous attack that killed two guards"
_BEFORE = frozenset(["earlier", "previous", "prior", "past", "last"])


def told_of_another(token: Token) -> bool:
    """A count inside a relative clause about a war ("a three-year war that has left over 9,000 dead") or about
    an earlier incident ("since a previous attack that killed two guards"), or among deeds imputed to someone ("a
    man accused of killing two traders"): another event's toll."""
    return any(imputed(a) or a.dep_ == "relcl" and (a.head.lemma_.lower() in _WARS
                                                    or any(c.lower_ in _BEFORE for c in a.head.children
                                                           if c.dep_ == "amod"))
               for a in (token, *token.ancestors))

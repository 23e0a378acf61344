"""People killed or attacked by no one the sentence names ("A farmer was killed in X", "Two men were attacked near Y").

ACLED codes such a report as an attack on civilians by an unidentified armed group when it says the victims were
killed or attacked and gives no cause that may be an accident or a crime. The rule reads only a passive or
headline verb, told in the past of one incident: "have been killed since 2015" sums up a war, and "killed in a
shooting", "killed when a bus overturned" or "killed in the crash" name a cause the rule cannot weigh.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.events.count_words import PEOPLE
from graph.extract.events.syntax import agents

__all__ = ["unnamed_harm"]

# Verbs of a harm done by someone: "killed" or "attacked" (not "died", which a disease or an accident does).
_HARM_VERBS = frozenset(["kill", "attack"])
# Prepositions whose object tells where, when or how a harm happened; only a place or a time may follow them.
_SETTING_PREPS = frozenset(["in", "during", "at", "by", "from", "after", "following", "as", "since", "over", "with"])
# Where people are harmed: the common nouns of a place that may follow "in" without naming a cause.
_WHERES = frozenset(["village", "town", "city", "hamlet", "settlement", "community", "market", "camp", "area",
                     "district", "region", "province", "state", "county", "neighbourhood", "neighborhood", "suburb",
                     "home", "house", "farm", "field", "street", "road", "locality", "outskirts", "part", "incident"])


def unnamed_harm(verb: Token, civilians: set[int]) -> bool:
    """Whether ``verb`` tells people killed or attacked in the past by no one named, for no cause given."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _HARM_VERBS or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    kids = list(verb.children)
    auxes = [k for k in kids if k.dep_ in ("aux", "auxpass")]
    # "were killed", or a headline's bare "Farmer killed in X" (parsed as a past tense with no object);
    # "have been killed" sums up, "may be killed" is unsure
    if any(a.lower_ not in ("was", "were") for a in auxes) or any(k.dep_ == "agent" for k in kids):
        return False
    passive = verb.tag_ == "VBN" and bool(auxes) and not agents(verb)
    # a headline's "Villagers attacked in X" may be the villagers' attack: only "killed" reads so
    headline = verb.lemma_.lower() == "kill" and verb.tag_ in ("VBD", "VBN") and not auxes and not any(
        k.dep_ == "dobj" for k in kids)
    victims = [k for k in kids if k.dep_ == ("nsubjpass" if passive else "nsubj")] if passive or headline else []
    if not victims or not all(_a_person(v, civilians) for v in victims):
        return False
    return not any(k.dep_ == "advcl" for k in kids) and all(_only_a_setting(k) for k in kids if k.dep_ == "prep")


def _a_person(word: Token, civilians: set[int]) -> bool:
    """A word for people who are no fighters: a civilian's word, a word for people, or a person's name."""
    return word.i in civilians or word.lemma_.lower() in PEOPLE or word.ent_type_ == "PERSON"


def _only_a_setting(prep: Token) -> bool:
    """Whether a preposition of the verb gives only where or when ("in Kadugli", "in their field", "on Monday"),
    not a cause ("in a shooting", "in the crash", "since April")."""
    if prep.lower_ == "since":
        return False
    if prep.lower_ not in _SETTING_PREPS:
        return True
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.pos_ != "PROPN" and obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC") and \
                obj.lemma_.lower() not in _WHERES:
            return False
    return True

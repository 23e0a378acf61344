"""People killed or attacked by no one the sentence names ("A farmer was killed in X", "Two men were attacked near Y",
a headline's "Teacher killed in X").

ACLED codes such a report as an attack on civilians by an unidentified armed group when it says the victims were
killed or attacked and gives no cause that may be an accident or a crime. The rule reads only a passive verb, told
in the past of one incident: "have been killed since 2015" sums up a war, and "killed in a shooting", "killed when a
bus overturned", "killed amid clashes" or "killed in the crash" name a cause the rule cannot weigh. The victims must
be civilians: a colonel, a guard or a minister killed by no one named is no attack on civilians.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.datafiles import read_words
from graph.extract.actors.lexicon import descriptors
from graph.extract.events.count_words import PEOPLE
from graph.extract.events.syntax import agents, headline_passive
from graph.extract.places.words import ADMIN_WORDS, PLACE_NOUNS, TOWN_WORDS

__all__ = ["only_a_setting", "unnamed_harm"]

# Verbs of a harm done by someone: "killed" or "attacked" (not "died", which a disease or an accident does).
_UNNAMED_HARM_VERBS = frozenset(["kill", "attack"])
# The object of a preposition that tells only where a harm happened: a settlement's or an area's noun, or where
# people live and work
# and the buildings where people gather to pray, learn, trade or heal ("attacked at a clinic"); not a bar's or a
# restaurant's, where a death the note gives no cause of is mostly a brawl's
_WHERES = TOWN_WORDS | PLACE_NOUNS | ADMIN_WORDS | frozenset(["home", "house", "farm", "field", "street", "road"]) \
    | frozenset(["church", "mosque", "temple", "school", "market", "shop", "clinic", "hospital"])
# Descriptor classes of people who are no civilians' (descriptors.tsv): everyone but civilians and crowds
_CIVIL_CLASSES = frozenset(["civilians", "protesters", "rioters", "monitor", "state_media"])
# People a harm to whom is no attack on civilians: the forces and fighters of the actor table's descriptors
# ("soldier", "gunman", "policeman") and the ranks and offices of non_civilian_words.txt ("colonel", "minister")
_NOT_CIVILIANS = frozenset(
    key[0] for key, (cls, _) in descriptors().items() if len(key) == 1 and cls not in _CIVIL_CLASSES
) | read_words("events", "non_civilian_words.txt")


def unnamed_harm(verb: Token, civilians: set[int]) -> bool:
    """Whether ``verb`` tells people killed or attacked in the past by no one named, for no cause given."""
    if verb.lemma_.lower() not in _UNNAMED_HARM_VERBS:
        return False
    headline = headline_passive(verb)  # "Teacher killed in X": a headline's passive without "was"
    if not headline and (verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj", "ccomp") or verb.tag_ != "VBN"):
        return False
    kids = list(verb.children)
    auxes = [k for k in kids if k.dep_ in ("aux", "auxpass")]
    # "were killed"; "have been killed" sums up, "may be killed" is unsure
    if not headline and (not auxes or any(a.lower_ not in ("was", "were") for a in auxes)
                         or any(k.dep_ == "agent" for k in kids)):
        return False
    victims = [k for k in kids if k.dep_ == ("nsubj" if headline else "nsubjpass")]
    if not victims or agents(verb) or not all(_a_civilian(v, civilians) for v in victims):
        return False
    return not any(k.dep_ == "advcl" for k in kids) and all(only_a_setting(k) for k in kids if k.dep_ == "prep")


def _a_civilian(word: Token, civilians: set[int]) -> bool:
    """A word for people who are no fighters, officers or officials: a civilian's word, a word for people or a
    person's name, with no armed, state or official word on it ("Colonel X", "a police officer")."""
    if not (word.i in civilians or word.lemma_.lower() in PEOPLE or word.ent_type_ == "PERSON"):
        return False
    before = [t for t in word.subtree if t.i <= word.i]
    return not any(t.lower_.rstrip(".") in _NOT_CIVILIANS or t.lemma_.lower() in _NOT_CIVILIANS for t in before)


def only_a_setting(prep: Token) -> bool:
    """Whether a preposition of the verb gives only where or when ("in Kadugli", "in their field", "on Monday"),
    not a cause ("in a shooting", "in the crash", "amid clashes", "since April")."""
    if prep.lower_ == "since":
        return False
    return all(obj.pos_ == "PROPN" or obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
               or obj.lemma_.lower() in _WHERES for obj in prep.children if obj.dep_ == "pobj")

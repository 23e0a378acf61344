"""A unit's name that a state's soldiers are "from" or "of" is theirs: "troops of the Black Mamba battalion",
"soldiers from the Northern Sector Command".

The statistical NER reads a unit's name that no dictionary lists as an organisation, which the roles would then
set against the soldiers as another side of their fight. ACLED codes the men as their state's forces, the unit's
name one of theirs (as state_forces.tsv keeps a unit's name as an alias). The rule runs once, when the actor table
is complete, and moves each such mention to the soldiers' forces. Only a name headed by a unit noun
(unit_nouns.txt) is a unit: "soldiers from the <X> rebel movement" are another formation's, a side of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.datafiles import read_words
from graph.extract.actors.table import ActorInfo, ActorTable

__all__ = ["units_of_soldiers"]

_UNIT_PREPS = frozenset(["of", "from"])
_UNIT_NOUNS = read_words("actors", "unit_nouns.txt")
# what the NER makes of an unknown unit's name; a named armed group or militia is never a state's unit ("soldiers
# of the Sudan People's Liberation Army" are a rebel army's), nor a person ("the army of General X" is his command)
_UNKNOWN_KIND = "organization"
_NAME_DEPS = frozenset(["compound", "nmod", "amod"])  # a name's words before the noun of its unit
_UNIT_NOUN_STEPS = 3


def units_of_soldiers(doc: Doc, table: ActorTable) -> None:
    """Move each unknown unit's name that a mention of a state's forces is "of" or "from" to those forces, as their
    alias; a name left with no mention is no actor of the article."""
    moved = set()
    for mention in table.mentions:
        info = table.actors[mention.key]
        if info.kind != _UNKNOWN_KIND or mention.link is not None or doc[mention.start].ent_id_:
            continue  # a dictionary's organisation is known ("troops from the African Union" are a mission's)
        state = _soldiers_state(table, doc[mention.start : mention.end].root)
        if state is not None:
            moved.add(mention.key)
            mention.key = state.key
    for key in moved - {mention.key for mention in table.mentions}:
        del table.actors[key]


def _soldiers_state(table: ActorTable, name: Token) -> ActorInfo | None:
    """The state's forces whose men the name follows as their unit ("soldiers from <name>"), if the name is headed
    by a unit noun, its own last word ("the X Brigade") or the noun its words qualify ("the X brigade")."""
    for _ in range(_UNIT_NOUN_STEPS):
        if name.dep_ not in _NAME_DEPS or name.head.i == name.i:
            break
        name = name.head
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ not in _UNIT_PREPS or not _unit_noun(name):
        return None
    men = table.at(prep.head.i)
    state = table.actors[men.key] if men is not None and men.link is None else None
    if state is None or state.kind != "state_forces" or state.key in table.unit_states:
        return None
    return state


def _unit_noun(head: Token) -> bool:
    """Whether a name's head is a unit noun, alone ("brigades") or with the word before it ("operations room")."""
    words = {head.lower_, head.lemma_.lower()}
    if head.i > 0:
        words.add(f"{head.nbor(-1).lower_} {head.lower_}")
    return not _UNIT_NOUNS.isdisjoint(words)

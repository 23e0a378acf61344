"""Acronyms an article spells out: after "the National Salvation Front (NAS)", every "NAS" of the article is that
group, whatever else the letters could name ("the Special Action Force (SAF)" is not Sudan's SAF) and whatever
language they come from ("the Central General Staff (EMC)").

The rule runs once, when every mention is in the table: the mentions of a spelt-out acronym, and every mention of
an actor named by the acronym alone ("the rebels" read as the "NPA" of "NPA rebels"), move to the actor named before
its brackets, and an actor left without mentions leaves the table. A name no earlier stage found
("... Police (PNP) – Special Action Force (SAF)") becomes an organisation of its own when its capitalised words'
initials spell the acronym and the acronym was read as an actor (the dictionary's Sudanese SAF, a bare "EFF").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, ActorMention, ActorTable
from graph.extract.parse.columns import token_texts

__all__ = ["merge_spelt_out"]

_LOOK_BACK = 8  # tokens between the brackets and the end of the name ("Union for Peace in Central Africa (UPC)")
_INSIDE_NAME = frozenset(["in", "of", "for", "the", "and", "'s", "’s", "-"])
_INSIDE_NEW_NAME = _INSIDE_NAME - {"'s", "’s"}  # a possessive ends an unnamed name: set once, not per token
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_ARMED_KINDS = frozenset(["armed_group", "militia"])


def merge_spelt_out(doc: Doc, table: ActorTable) -> None:
    """Give every mention of an acronym the article spells out in brackets to the actor it spells out."""
    owners = _spelt_out(doc, table)
    if not owners:
        return
    emptied = set()
    for mention in table.mentions:
        named = owners.get(table.actors[mention.key].name)  # "the rebels" that an earlier stage gave to "NPA"
        owner = named or owners.get(doc[mention.start].text)
        if owner and mention.key != owner and mention.link is None and (named or _names_acronym(doc, mention)):
            emptied.add(mention.key)
            table.actors[owner] = _adopt_kind(table.actors[owner], table.actors[mention.key].kind)
            mention.key = owner
    emptied -= {m.key for m in table.mentions}
    for key in emptied:
        del table.actors[key]


def _spelt_out(doc: Doc, table: ActorTable) -> dict[str, str]:
    """Acronym -> the actor whose name stands just before it in brackets (the first time it is spelt out)."""
    out: dict[str, str] = {}
    texts = token_texts(doc)
    for i in range(1, len(texts) - 1):
        acronym = texts[i]
        if texts[i - 1] != "(" or texts[i + 1] != ")" or not _is_acronym(acronym):
            continue
        token = doc[i]
        owner = _name_before(doc, table, token.i - 1)
        if owner is None and table.at(token.i) is not None:
            owner = _new_name(doc, table, token.i - 1, acronym)
        if owner is not None and acronym not in out:
            out[acronym] = owner.key
    return out


def _new_name(doc: Doc, table: ActorTable, bracket: int, acronym: str) -> ActorMention | None:
    """The capitalised name before a bracket that no stage took, added as an organisation when its capitalised
    words' initials are the acronym ("Special Action Force (SAF)"); the letters alone prove it is that name."""
    start = bracket
    while start > 0 and table.at(start - 1) is None and (doc[start - 1].text[:1].isupper()
                                                        or doc[start - 1].lower_ in _INSIDE_NEW_NAME):
        start -= 1
    while start < bracket and (not doc[start].text[:1].isupper() or doc[start].lower_ == "the"):
        start += 1  # "The", "of" open no name
    words = [t.text for t in doc[start:bracket] if t.text[:1].isupper()]
    if len(words) < 2 or "".join(w[0] for w in words) != acronym.replace("-", ""):
        return None
    span = doc[start:bracket]
    mention = ActorMention(actor_key(span.text), span.start, span.end, span.text, span.start_char, span.end_char)
    table.add(ActorInfo(mention.key, span.text, "organization"), mention)
    return mention


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _name_before(doc: Doc, table: ActorTable, bracket: int) -> ActorMention | None:
    """The actor mention that ends the name before a bracket, over the place names inside a name
    ("Union for Peace in Central Africa"); a person is followed by his group's acronym, not his own."""
    for i in range(bracket - 1, max(bracket - 1 - _LOOK_BACK, -1), -1):
        mention = table.at(i)
        if mention is not None:
            return mention if mention.link is None and table.actors[mention.key].kind != "person" else None
        if not (doc[i].ent_type_ in _PLACE_LABELS or doc[i].lower_ in _INSIDE_NAME):
            return None  # "Troops of the Special Action Force (SAF)": the name is no actor, the troops are not it
    return None


def _adopt_kind(owner: ActorInfo, kind: str) -> ActorInfo:
    """An organisation whose acronym the text gives fighters ("UPC fighters") is an armed group."""
    return replace(owner, kind=kind) if owner.kind == "organization" and kind in _ARMED_KINDS else owner


def _names_acronym(doc: Doc, mention: ActorMention) -> bool:
    """Whether a mention is the acronym alone or with common nouns after it ("NPA", "NPA rebels")."""
    return all(not doc[i].text[:1].isupper() for i in range(mention.start + 1, mention.end))

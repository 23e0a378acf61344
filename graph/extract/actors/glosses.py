"""Names glossed in brackets: a group named in its own language and in English keeps both names.

Reports give a local group's name with a translation beside it, in brackets: "fighters of the Liwa al-Fath
(Conquest Brigade)", or the quoted local name first: 'a camp of the "Liwa al-Haqq" (Brigade of Truth)'. An earlier
stage reads one of the two as the actor; ACLED codes the group under either, so the other becomes one of the actor's
aliases. Acronyms in brackets are left to :mod:`graph.extract.actors.acronyms`; a bracket that holds a place, a
date, a figure, a people, a person read as an actor or a phrase in lower case glosses nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import ENT_TYPE
from spacy.tokens import Doc

from graph.datafiles import read_words
from graph.extract.actors.table import ActorMention, ActorTable
from graph.extract.parse.columns import token_strings, token_texts, tokens_text

__all__ = ["add_glossed_names"]

_GROUP_KINDS = frozenset(["armed_group", "militia", "organization"])
_MAX_WORDS = 6  # a gloss longer than this is a remark, not a name
_JOINERS = read_words("actors", "name_particles.txt")  # small words inside names: "of the", "al-", "cha", "de"
_QUOTES = frozenset(['"', "“", "”", "'", "‘", "’"])
_NOT_NAMES = frozenset(["GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"])


def add_glossed_names(doc: Doc, table: ActorTable) -> None:
    """Give each named group whose mention stands beside a bracketed gloss the name on the other side as an alias."""
    texts = token_texts(doc)
    for mention in table.mentions:
        info = table.actors[mention.key]
        if info.kind not in _GROUP_KINDS or mention.link is not None:
            continue
        other = _before_brackets(doc, texts, table, mention) or _in_brackets_after(doc, texts, table, mention)
        if other and other != info.name and other not in info.aliases:
            table.actors[mention.key] = replace(info, aliases=(*info.aliases, other))


def _before_brackets(doc: Doc, texts: tuple[str, ...], table: ActorTable, mention: ActorMention) -> str | None:
    """The name right before "(" when the mention fills the brackets: '"Liwa al-Haqq" (Brigade of Truth)'."""
    start, end = mention.start, mention.end
    if start < 2 or end >= len(texts) or texts[start - 1] != "(" or texts[end] != ")":
        return None
    last = start - 2
    if texts[last] in _QUOTES:  # a quoted name: back to its opening quote
        first = next((i for i in range(last - 1, max(last - _MAX_WORDS - 2, -1), -1) if texts[i] in _QUOTES), None)
        return _name(doc, texts, table, first + 1, last) if first is not None else None
    first = last
    while first > 0 and last - first < _MAX_WORDS - 1 and _name_word(texts[first - 1]):
        first -= 1
    while first <= last and not texts[first][:1].isupper():
        first += 1  # a name starts with a capital: "the", "ya" before it are the sentence's
    return _name(doc, texts, table, first, last + 1)


def _in_brackets_after(doc: Doc, texts: tuple[str, ...], table: ActorTable, mention: ActorMention) -> str | None:
    """The gloss in brackets right after the mention: "Liwa al-Fath (Conquest Brigade)"."""
    open_at = mention.end
    if open_at >= len(texts) or texts[open_at] != "(":
        return None
    close = next((i for i in range(open_at + 1, min(open_at + _MAX_WORDS + 2, len(texts))) if texts[i] == ")"), None)
    return _name(doc, texts, table, open_at + 1, close) if close is not None else None


def _name_word(text: str) -> bool:
    return text[:1].isupper() or text.lower() in _JOINERS


def _name(doc: Doc, texts: tuple[str, ...], table: ActorTable, start: int, end: int) -> str | None:
    """The text of tokens ``start:end`` when they read as a group's name of two or more words: capitalised words and
    the small words of names, none of them another actor's, a place, a date or a figure."""
    words = [texts[i] for i in range(start, end)]
    if len(words) < 2 or len(words) > _MAX_WORDS or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not all(_name_word(w) for w in words):
        return None
    ent_types = token_strings(doc, ENT_TYPE)
    if any(table.at(i) is not None or ent_types[i] in _NOT_NAMES for i in range(start, end)):
        return None
    # a people in brackets ("Congolese Tutsis") is the group's community; a NORP word inside a name
    # ("Kurdish Workers' Party") is not. PERSON is no test: the small model tags local-language group names as
    # persons, and a leader read as a person actor is already refused above.
    if all(ent_types[i] == "NORP" for i in range(start, end)):
        return None
    return tokens_text(doc, start, end)

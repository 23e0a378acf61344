"""People named by what they are or do: counted nationals ("20 Palestinians"), crowds that protest
("Employees gathered in protest"), protests and riots standing for their crowd, and counted victims ("killing 20").
"""

from __future__ import annotations

from graph.datafiles import read_words
from graph.extract.actors.crowds import is_protest_subject, protest_word
from graph.extract.actors.resolve import named_country, resolve_descriptor
from graph.extract.actors.table import ARMED_KINDS, MentionBuilder
from graph.extract.countries import countries
from graph.extract.parse.columns import token_deps, token_lowers, token_poses, token_tags, token_texts, tokens_where
from graph.extract.parse.sentences import sentence_start

__all__ = ["crowd_mentions", "demonym_mentions", "protest_mentions", "victim_count_mentions"]


_QUANTITIES = frozenset(["dozens", "hundreds", "thousands", "scores", "tens", "millions", "number"])


def demonym_mentions(builder: MentionBuilder) -> None:
    """Add counted nationals ("20 Palestinians", "thousands of Israelis") as that country's civilians."""
    doc = builder.doc
    by_adjective = countries().by_adjective
    for i, text in enumerate(token_texts(doc)):
        code = by_adjective.get(text[:-1]) if text.endswith("s") else None
        if code is None or (token := doc[i]).pos_ not in ("PROPN", "NOUN"):
            continue
        counted = any(c.dep_ == "nummod" for c in token.children) or (
            token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _QUANTITIES
        )
        info = resolve_descriptor(builder, "civilians", code, True, stated=True) if counted else None
        if info:
            builder.add(info, doc[token.i : token.i + 1])


# plural nouns that name armed men or officials, never a crowd, even as the subject of "gathered"
_NOT_CROWDS = frozenset(["forces", "troops", "soldiers", "militants", "fighters", "rebels", "gunmen", "police",
                         "officials", "authorities", "jets", "warplanes", "drones", "units", "insurgents"])


def crowd_mentions(builder: MentionBuilder) -> None:
    """Add the plural nouns a sentence makes the subject of a protest ("Employees gathered in protest",
    "dozens of artists rallied") as Protesters of the nationality the text gives them ("scores of Zambian
    nurses"), else of the country the sentence is about."""
    doc = builder.doc
    for i, (lower, tag) in enumerate(zip(token_lowers(doc), token_tags(doc), strict=True)):
        if tag != "NNS" or lower in _NOT_CROWDS or builder.table.at(i) or not is_protest_subject(token := doc[i]):
            continue  # the tag first: a crowd is a plural noun
        start = min((c.i for c in token.children if c.dep_ in {"compound", "amod"} and c.i < token.i), default=token.i)
        info = resolve_descriptor(builder, "protesters", _nationality(token) or builder.country_at(token.i), True)
        if info:
            builder.add(info, doc[start : token.i + 1])


def _nationality(token) -> str | None:
    """The country of a nationality adjective on a crowd's noun, or on the noun a count stands for:
    "Zambian nurses", "scores of Zambian nurses"."""
    nouns = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        for child in noun.children:
            adjective = child.dep_ in {"amod", "compound"}
            named = named_country(token.doc, child.i, countries().by_adjective) if adjective else None
            if named:
                return named[0]
    return None


def protest_mentions(builder: MentionBuilder) -> None:
    """In a sentence that names a protest or a riot but no group of people, the word stands for its crowd:
    "A march over fuel prices in Mombasa" -> Protesters (Kenya), "Riots broke out" -> Rioters."""
    doc, table = builder.doc, builder.table
    crowded = {sentence_start(doc[m.start]) for m in table.mentions if table.actors[m.key].kind == "civilians"}
    for sent in doc.sents:
        if sent.start in crowded:
            continue
        for token in tokens_where(sent, token_poses(doc), ("NOUN",)):  # protest_word reads nouns only
            category = protest_word(token)
            if category and not table.at(token.i):
                cls = "rioters" if category == "riot" else "protesters"
                info = resolve_descriptor(builder, cls, builder.country_at(token.i), True)
                if info:
                    builder.add(info, doc[token.i : token.i + 1])
                break


_HARM_VERBS = read_words("actors", "harm_verbs.txt")
_VAGUE_COUNTS = frozenset(["several", "many", "dozens", "scores", "hundreds", "others", "some"])
_VICTIM_DEPS = frozenset(["dobj", "nsubjpass", "nsubj", "conj"])  # a count that a verb of harm takes


def victim_count_mentions(builder: MentionBuilder) -> None:
    """A bare count that a verb of harm takes as its victims ("killing 20", "12 killed", "killed two and
    wounded one") stands for civilians of the sentence's country; roles leave them out of battles."""
    doc, table = builder.doc, builder.table
    sides: dict[int, set[str]] = {}
    for m in table.mentions:
        if table.actors[m.key].kind in ARMED_KINDS and m.link is None:
            sides.setdefault(sentence_start(doc[m.start]), set()).add(m.key)
    fights = {start for start, keys in sides.items() if len(keys) > 1}
    for token in tokens_where(doc[:], token_deps(doc), _VICTIM_DEPS):
        if not (token.like_num or token.lower_ in _VAGUE_COUNTS) or table.at(token.i):
            continue
        if sentence_start(token) in fights:
            continue  # two armed sides in the sentence: the dead are combatants, not civilians
        if any(c.dep_ == "prep" for c in token.children):
            continue  # "two of the residents": the count of a noun named elsewhere
        verb = token.head
        while verb.dep_ == "conj" and verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _HARM_VERBS and token.i != verb.i:
            info = resolve_descriptor(builder, "civilians", builder.country_at(token.i), True)
            if info:
                builder.add(info, doc[token.i : token.i + 1])

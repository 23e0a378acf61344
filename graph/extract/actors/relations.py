"""Affiliations between the actors of an article: part_of, member_of, affiliated_with, supports, leads, based_in.

Read from the wording ("Russian-backed regime", "the Hizballah-linked Special Force", "Syria's elite Tiger
Forces", "Observatory chief Rami Abdel Rahman", "Britain-based Observatory") and from the dictionary's
standing affiliations when both actors appear in the article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.actors import lexicon
from graph.extract.actors.states import unit_state
from graph.extract.actors.table import ActorMention, ActorTable, linked_target
from graph.extract.parse.sentences import sentence, span_text
from graph.records import Relation

__all__ = ["find_relations", "mention_sentence", "LEAD_TITLES", "MEMBER_TITLES"]

LEAD_TITLES = frozenset(
    ["chief", "head", "leader", "director", "founder", "chairman", "chairwoman", "president", "emir", "boss"]
    + ["commander-in-chief", "secretary-general", "coordinator"]
)
MEMBER_TITLES = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "official", "member", "commander", "fighter", "militant"]
)
_SUPPORT_LINKS = {"backed", "supported", "funded", "armed", "sponsored"}
_AFFILIATE_LINKS = {"linked", "affiliated", "allied", "aligned", "friendly"}


def find_relations(doc: Doc, table: ActorTable) -> list[Relation]:
    """Return the relations between actors of the table, each once, with the sentence as evidence."""
    found: dict[tuple[str, str, str], Relation] = {}

    def add(subject: str, relation: str, obj: str, sent: Span | None) -> None:
        if subject != obj and (subject, relation, obj) not in found:
            found[(subject, relation, obj)] = Relation(subject, relation, obj, span_text(sent).strip() if sent else "")

    for mention in table.mentions:
        sent = mention_sentence(doc, mention)
        if mention.link:
            target = linked_target(doc, table, mention)
            if target and mention.link in _SUPPORT_LINKS:
                add(table.name(mention.key), "supports", table.name(target), sent)
            elif target and mention.link in _AFFILIATE_LINKS:
                add(table.name(target), "affiliated_with", table.name(mention.key), sent)
            elif target and mention.link == "led":
                add(table.name(mention.key), "leads", table.name(target), sent)
        for subject, relation, obj in _unit_owner(doc, table, mention) + _titles(doc, table, mention):
            add(subject, relation, obj, sent)
        based = _based_in(doc, mention)
        if based:
            add(table.name(mention.key), "based_in", based, sent)
    for subject, relation, obj in _standing(table):
        add(subject, relation, obj, None)
    return list(found.values())


def mention_sentence(doc: Doc, mention: ActorMention) -> Span:
    """Return the sentence holding a mention."""
    return sentence(doc[mention.start])


def _unit_owner(doc: Doc, table: ActorTable, mention: ActorMention) -> list[tuple[str, str, str]]:
    """A state unit belongs to its country's forces: "Syria's elite Tiger Forces", or a dictionary unit."""
    info = table.actors[mention.key]
    state = unit_state(doc, info, mention)
    return [(info.name, "part_of", state.name)] if state else []


def _titles(doc: Doc, table: ActorTable, mention: ActorMention) -> list[tuple[str, str, str]]:
    """"<Org> chief <Person>" and "<Person>, head of <Org>" give leads or member_of."""
    info = table.actors[mention.key]
    if info.kind != "person":
        return []
    out = []
    title = doc[mention.start - 1] if mention.start > 0 else None
    if title is not None and title.lower_ in LEAD_TITLES | MEMBER_TITLES:
        org = table.at(title.i - 1)
        if org and table.actors[org.key].kind != "person":
            relation = "leads" if title.lower_ in LEAD_TITLES else "member_of"
            out.append((info.name, relation, table.name(org.key)))
    for child in doc[mention.start : mention.end].root.children:
        if child.dep_ == "appos" and child.lower_ in LEAD_TITLES | MEMBER_TITLES:
            for prep in child.children:
                if prep.lower_ == "of":
                    for obj in prep.children:
                        org = table.at(obj.i)
                        if org and table.actors[org.key].kind != "person":
                            relation = "leads" if child.lower_ in LEAD_TITLES else "member_of"
                            out.append((info.name, relation, table.name(org.key)))
    return out


def _based_in(doc: Doc, mention: ActorMention) -> str | None:
    """"Britain-based Observatory": the place written before "-based"."""
    i = mention.start
    if i >= 3 and doc[i - 1].lower_ == "based" and doc[i - 2].text == "-" and doc[i - 3].ent_type_ in {"GPE", "LOC"}:
        return doc[i - 3].text
    return None


def _standing(table: ActorTable) -> list[tuple[str, str, str]]:
    """Dictionary affiliations whose two actors both appear in the article."""
    names = {info.name for info in table.actors.values()}
    out = []
    for key, info in table.actors.items():
        entry = lexicon.dictionary().get(key)
        for relation, obj in entry.relations if entry else ():
            if obj in names:
                out.append((info.name, relation, obj))
    return out

"""Unnamed attackers whom their own noun phrase ties to a named group: "gunmen from al-Shabaab", "gunmen loyal to
Boko Haram", "armed men thought to belong to JNIM", "armed men affiliated with the Islamic State".

The noun ("gunmen", "militants") reads as an Unidentified Armed Group (X); the words after it say whose men they
are, and ACLED codes the group so named as the actor, not an unidentified one beside it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_words
from graph.extract.actors import ActorTable
from graph.extract.actors.resolve import UNIDENTIFIED_GROUP
from graph.extract.actors.table import ActorMention, linked_target

__all__ = ["named_for_unknown", "names_its_men"]

_GROUP_KINDS = frozenset(["armed_group", "militia"])
# the words that may stand between the attackers' noun and the group they belong to
_TIES = read_words("events", "tie_words.txt")
_TIE_DEPS = frozenset(["pobj", "prep", "amod", "acl", "attr", "xcomp", "relcl", "appos", "npadvmod"])
_MAX_STEPS = 6
# the participles of belonging the parse may take for a sentence's verb ("Gunmen allied to X attacked ...")
_TIE_PARTICIPLES = read_words("events", "tie_participles.txt")
_AUXILIARIES = frozenset(["aux", "auxpass"])
# the clauses the parse hangs the deed from when it takes the participle for the verb ("..., killed four teachers")
_CLAUSES = frozenset(["advcl", "conj", "ccomp", "xcomp", "dep"])
# the nouns of a group's own men: "<X>-linked fighters" are X's, unlike "<X>-linked groups" (other groups)
_OWN_MEN = frozenset(["fighters", "fighter", "militants", "militant", "gunmen", "gunman", "men", "militiamen",
                      "militiaman", "insurgents", "insurgent", "jihadists", "jihadist", "assailants", "attackers"])
# the roles of men something is done to: the object of the verb, a passive subject
_DONE_TO = frozenset(["dobj", "nsubjpass"])


def named_for_unknown(sent: Span, table: ActorTable) -> dict[str, str]:
    """Actor id of each unidentified armed group of the sentence -> id of the named armed group its noun phrase
    ties it to (:func:`_tied_to`)."""
    doc = sent.doc
    mentions = table.in_span(sent)
    unknown = {i: m.key for m in mentions if table.actors[m.key].name.startswith(UNIDENTIFIED_GROUP)
               for i in range(m.start, m.end)}
    if not unknown:
        return {}
    out: dict[str, str] = {}
    for mention in mentions:
        if table.actors[mention.key].kind not in _GROUP_KINDS or mention.key in unknown.values():
            continue
        holder = _tied_to(doc[mention.start : mention.end].root, unknown)
        if holder is not None:
            out.setdefault(holder, mention.key)
    return out


def _tied_to(head: Token, unknown: dict[int, str]) -> str | None:
    """The unidentified group whose noun the named group's head hangs from through words of belonging only."""
    node = head
    for _ in range(_MAX_STEPS):
        if node.dep_ not in _TIE_DEPS or node.head.i == node.i:
            return _subject_tied(node, unknown) if node.i != head.i else None
        node = node.head
        if node.i in unknown:
            return unknown[node.i]
        if (node.lower_ not in _TIES and node.lemma_.lower() not in _TIES) or _negated(node):
            return None  # "armed men who were not from X": a tie denied is none
    return None


def _subject_tied(verb: Token, unknown: dict[int, str]) -> str | None:
    """The unidentified group that is the subject of a participle of belonging parsed as the sentence's verb:
    "Gunmen linked to al-Shabaab killed four teachers", where the parse makes "linked" the verb and "killed" a clause
    of it, ties the gunmen to al-Shabaab as "gunmen linked to al-Shabaab" does. Only a bare participle is that
    misparse: one with an auxiliary or a negation states a tie ("the gunmen were not linked to X"), and a passive
    clause under it makes the gunmen the ones acted on ("Gunmen linked to X were killed by soldiers")."""
    if verb.lower_ not in _TIE_PARTICIPLES or _negated(verb):
        return None
    if any(c.dep_ in _AUXILIARIES or (c.dep_ in _CLAUSES and _passive(c)) for c in verb.children):
        return None
    return next((unknown[c.i] for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in unknown), None)


def _negated(token: Token) -> bool:
    """Whether the word has a negation of its own ("not linked", "never affiliated")."""
    return any(c.dep_ == "neg" for c in token.children)


def _passive(clause: Token) -> bool:
    """Whether a clause's verb is passive ("were killed by soldiers")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children)


def names_its_men(doc: Doc, table: ActorTable, mention: ActorMention) -> bool:
    """Whether "<X>-linked" (affiliated, allied, aligned) names X's own men, whom no other actor stands for:
    "JNIM-linked fighters abducted three traders" is JNIM's deed, as "fighters linked to JNIM" is
    (:func:`named_for_unknown`).
    """
    if mention.link not in _TIE_PARTICIPLES or table.actors[mention.key].kind not in _GROUP_KINDS:
        return False
    link = next((t for t in doc[mention.end : mention.end + 3] if t.lower_ == mention.link), None)
    # "Al-Qaeda-linked groups" are other groups than Al-Qaeda: only its men are its own; and only men who act:
    # "Villagers killed three JNIM-linked fighters" makes the fighters the victims, not JNIM the doer
    return link is not None and link.head.lower_ in _OWN_MEN and link.head.dep_ not in _DONE_TO \
        and linked_target(doc, table, mention) is None

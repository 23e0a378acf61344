"""Dependency-parse walks that the event typing rules read.

Who did it (:func:`agents`), to whom (:func:`targets`), whether two words are near in the tree
(:func:`linked`), and whether a word only gives background (:func:`in_background`, :func:`describes_someone`).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.datafiles import read_words
from graph.extract.actors.lexicon import descriptors
from graph.extract.parse.sentences import sentence_start

__all__ = ["linked", "targets", "agents", "takers", "headline_verb", "headline_passive", "tree_depth",
           "in_background", "describes_someone"]

_BACKGROUND_DEPS = ("relcl",)
_BACKGROUND_PREPS = frozenset(["after", "following", "amid", "since", "before", "despite"])
_EARLIER = frozenset(["earlier", "previous", "prior", "past"])


def linked(a: Token, b_tokens: set[int], steps: int = 3) -> bool:
    """True when a token of ``b_tokens`` is within a few dependency steps below or above ``a``."""
    if a.i in b_tokens:
        return True
    node = a
    for _ in range(steps):
        if node.head == node:
            break
        node = node.head
        if node.i in b_tokens:
            return True
    frontier = [a]
    for _ in range(steps):
        frontier = [c for t in frontier for c in t.children]
        if any(t.i in b_tokens for t in frontier):
            return True
    return False


def targets(verb: Token) -> list[Token]:
    """The victims or objects of an action word: objects, passive subjects, 'on/against X'."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "of", "into", "inside"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    out.extend(_sufferers(verb))
    out.extend(_shared_victims(verb))
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        out.append(verb.head)
    if verb.pos_ == "NOUN" and not headline_verb(verb):
        out.extend(c for c in verb.children if c.dep_ == "compound")  # "a militia attack": the militia attacked
        if verb.dep_ in ("dobj", "nsubjpass", "nsubj"):
            for child in verb.head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                    out.extend(g for g in child.children if g.dep_ == "pobj")
    if not out:
        out.extend(_unmarked_sufferers(verb))
    for t in list(out):
        out.extend(c for c in t.children if c.dep_ in ("conj", "compound", "appos"))
        # "scores of terrorists", "dozens of civilians": the people counted
        of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
        out.extend(g for c in of for g in c.children if g.dep_ == "pobj")
    return out


def _sufferers(verb: Token) -> list[Token]:
    """Subjects that suffer the action word: "a policeman died", "a convoy came under attack", "Trader shot dead"."""
    if verb.lemma_.lower() == "die" or headline_passive(verb):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ == "under":
        return [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    return []


def _shared_victims(verb: Token) -> list[Token]:
    """Victims a verb shares with its conjuncts: "killed and wounded scores", "a man was attacked and injured"."""
    out = [g for conj in verb.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
           for g in conj.children if g.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children):
        out.extend(g for g in verb.head.children if g.dep_ == "nsubjpass")
    return out


# Harm words that a note or a headline writes without "were": "Five soldiers wounded", "two militants killed".
_HARMED = frozenset(["kill", "wound", "injure"])


def _unmarked_sufferers(verb: Token) -> list[Token]:
    """Who suffered a harm word that names no object: the subject of a passive told after another verb ("a
    soldier found on the road was shot", the parser hangs "was shot" on "found"), or the subject of a bare
    participle ("Five soldiers wounded.")."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "agent", "ccomp", "xcomp") for c in verb.children):
        return []
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "auxpass" for c in verb.children) and verb.dep_ == "conj" and not own:
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lemma_.lower() in _HARMED and verb.tag_ in ("VBD", "VBN") and verb.dep_ in ("ROOT", "ccomp"):
        return own
    return []


_HARM_VERBS = read_words("actors", "harm_verbs.txt")
# what makes a verb's subject its doer: an object, an auxiliary, a "by" agent, a clause or a person it acts on
_ACTIVE_MARKS = frozenset(["dobj", "aux", "auxpass", "agent", "ccomp", "xcomp", "dative"])
_AIMED = frozenset(["at", "into", "on", "upon", "toward", "towards"])  # "soldiers shot at the crowd": shots aimed
# the armed doers of the descriptor lexicon ("gunmen", "attackers", "militants", "armed men"): a harm verb's subject
# that names them did the harm, even with no object after the verb ("the attackers killed indiscriminately")
_DOER_CLASSES = frozenset(["unidentified", "jihadist", "rebels", "militia"])
_ARMED_DOERS = frozenset(words for words, (cls, _) in descriptors().items() if cls in _DOER_CLASSES)


def headline_passive(verb: Token) -> bool:
    """A harm verb that a note or headline writes without "was" and without an object ("Trader shot dead in X",
    "Two-year-old stabbed near Y"): a verb of harm has a victim, so with none after it the subject is the one harmed,
    not the doer; shots aimed somewhere ("gunmen shot at a bus"), an object shared with a verb after it ("gunmen
    shot and wounded a trader") and a subject that reads as no headline's victim (:func:`_headline_victim`) have a
    doer."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("ROOT", "ccomp") \
            or verb.lemma_.lower() not in _HARM_VERBS:
        return False
    kids = list(verb.children)
    if any(g.dep_ == "dobj" for c in kids if c.dep_ == "conj" for g in c.children) or any(
            c.dep_ in _ACTIVE_MARKS or (c.dep_ == "prep" and c.lower_ in _AIMED) for c in kids):
        return False
    subject = next((c for c in kids if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and _headline_victim(subject)


def _headline_victim(subject: Token) -> bool:
    """Whether a bare harm verb's subject reads as its victim: no armed doer's noun ("the attackers killed
    indiscriminately"), and a bare noun as headlines write it ("Trader shot dead") unless the sentence is the
    text's first line, its headline ("A trader shot dead in X")."""
    words = (subject.lower_,)
    if words in _ARMED_DOERS or (subject.i > 0 and (subject.nbor(-1).lower_, *words) in _ARMED_DOERS):
        return False
    return sentence_start(subject) == 0 or not any(c.dep_ == "det" for c in subject.children)


def headline_verb(word: Token) -> bool:
    """A headline's bare present tense that the parser read as a noun with its doer as compound: in "Tribal
    militia attack Kolnyang in revenge raid", "attack" governs an object, which no noun does, or heads a
    sentence with no verb and a name set after it ("Rival militia attack Kolnyang, Anyidi at dawn"), so the
    words before it did it."""
    if word.pos_ != "NOUN":
        return False
    return any(c.dep_ == "dobj" or c.dep_ == "appos" and word.dep_ == "ROOT" and c.pos_ == "PROPN" and c.i > word.i
               for c in word.children)


def agents(verb: Token) -> set[int]:
    """Token ids of the doer of ``verb`` (subject or by-agent, with modifiers), looking up through clauses; for a
    headline verb read as a noun (:func:`headline_verb`), the words compounded before it."""
    if headline_verb(verb):
        return {t.i for c in verb.children if c.dep_ == "compound" for t in c.subtree}
    if headline_passive(verb):
        return set()
    node = verb
    for _ in range(4):
        doers = [c for c in node.children if c.dep_ == "nsubj"]
        doers += [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if doers:
            return {t.i for d in doers for t in d.subtree}
        if node.head == node:
            break
        node = node.head
    return set()


def takers(verb: Token) -> set[int]:
    """Token ids of who took what a capture word tells of: its doer, but for "fell to X" (or "into X's hands")
    X, since what fell is the subject."""
    if verb.lemma_.lower() != "fall":
        return agents(verb)
    return {t.i for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "into")
            for g in p.children if g.dep_ == "pobj" for t in g.subtree}


def tree_depth(token: Token) -> int:
    """How many steps ``token`` lies below the root of its sentence (at most 40)."""
    depth = 0
    while token.head != token and depth < 40:
        token, depth = token.head, depth + 1
    return depth


def in_background(token: Token) -> bool:
    """True inside a relative clause: background to the reported event ("where a truce had been declared"), and
    for an event word told as earlier ("an earlier attack")."""
    noun = token.head if token.dep_ == "compound" else token  # "an earlier bomb blast": the blast is earlier
    if any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in (*token.children, *noun.children)):
        return True  # "for involvement in an earlier attack"
    node = token
    for _ in range(8):
        if node.dep_ in _BACKGROUND_DEPS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ in _BACKGROUND_PREPS:
            return True  # "after the clashes", "following an attack"
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "wake":
            return True  # "in the wake of clashes"
        if node.head == node:
            return False
        node = node.head
    return False


_NOUNS = frozenset(["NOUN", "PROPN", "PRON"])


def describes_someone(token: Token) -> bool:
    """True inside a participle clause set on a noun, which says who someone is, not what the sentence reports
    ("attacked a journalist covering a rally", "musicians hired to sing at rallies"); not on a subject, whose clause
    says what its doers are doing ("vendors protesting evictions clashed with police": a crowd clashed)."""
    node = token
    for _ in range(8):
        if node.dep_ == "acl" and node.head.pos_ in _NOUNS:
            return not _in_subject(node.head)
        if node.head == node:
            return False
        node = node.head
    return False


def _in_subject(noun: Token) -> bool:
    """Whether a noun is its clause's subject or inside it ("hundreds of vendors protesting ... clashed"), or the
    sentence's root, as a parse that misses the main verb makes the subject ("Vendors protesting ... clashed")."""
    node = noun
    for _ in range(8):
        if node.dep_ in ("nsubj", "nsubjpass", "ROOT"):
            return True
        if node.head == node or node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False

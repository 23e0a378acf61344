"""Finds the event cues of a parsed sentence: trigger-lexicon phrases matched by word form.

Each cue is flagged negated or hypothetical from the dependency parse ("did not attack", "neither
dialogue nor ceasefire", "threatened to attack", "if there were arrests", "is routinely shelled",
"on the brink of recapturing", "has been accused of abducting"); :class:`SentenceCues` keeps the asserted
ones grouped by cue class for the typing rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from spacy.tokens import Span, Token

from graph.datafiles import read_words
from graph.extract.events.count_words import DEATH_VERBS, DYING
from graph.extract.events.lexicon import (
    DOMAINS,
    MODIFIERS,
    TYPED,
    WEAPONS,
    Word,
    check_cue_class,
    cue_classes,
    lexicon,
)
from graph.extract.parse.columns import token_lemmas, token_lowers, token_poses, token_texts

__all__ = ["Cue", "SentenceCues", "find_cues", "imputed"]

# Governing words that make an event reported in their scope unreal (planned, feared, denied).
_HYPOTHETICAL_HEADS = frozenset(
    (
        "threaten", "plan", "vow", "warn", "fear", "intend", "seek", "aim", "urge", "demand", "call", "deny",
        "avoid", "pledge", "promise", "prepare", "consider", "propose", "expect", "want", "hope", "risk",
        "anticipation", "anticipate", "ahead", "allege", "suspect", "charge", "discuss", "negotiate", "suspend", "halt",
        "postpone", "cancel", "stop", "refuse", "fail", "rule", "verge", "brink",
    )
)  # fmt: skip
# Prepositions that set when, not what is feared or planned ("two guards are feared killed after the raid").
_ADJUNCT_PREPS = frozenset(["after", "following", "during", "amid", "since"])
_MODALS = frozenset(["could", "would", "might", "may", "should", "will", "shall", "must"])
# Conjunctions that make their clause a question or a condition ("it is not known if there were arrests").
_OPEN_MARKS = frozenset(["if", "whether"])
# Adverbs that make a report habitual, not one incident ("the border post is routinely shelled").
_HABITUAL = frozenset(["regularly", "frequently", "routinely", "often", "usually", "habitually"])
# Adjectives that make an event noun a prospect, not a report ("to guard against potential looting").
_UNREAL_ADJECTIVES = frozenset(["potential", "possible", "future", "imminent", "planned"])
# Named entities whose words are names, not actions ("Oromo Liberation Army", "the March 2018 attack").
_NAME_LABELS = frozenset(["ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "FAC", "DATE", "TIME", "PRODUCT", "GPE"])
_STATE_NOUNS = frozenset(["force", "forces", "troop", "troops", "soldier", "army", "military", "navy", "police"])


class Cue(NamedTuple):
    """A lexicon phrase found in a sentence: its cue class and tokens (a named tuple: a sentence makes several,
    and a frozen dataclass took four times as long to make)."""

    cue: str
    start: int  # token index in the doc
    end: int
    head: Token  # syntactic head of the matched tokens
    negated: bool = False
    hypothetical: bool = False

    @property
    def real(self) -> bool:
        """True when the cue is asserted (neither negated nor hypothetical)."""
        return not (self.negated or self.hypothetical)


# (lower-case text, lemma) -> their forms and the lexicon phrases that start with one of them, each pair worked out
# once; past this many the memory starts afresh
_READINGS: dict[tuple[str, str], tuple[frozenset[str], tuple[tuple[tuple[Word, ...], str], ...]]] = {}
_REMEMBERED = 100_000


def _reading(key: tuple[str, str]) -> tuple[frozenset[str], tuple[tuple[tuple[Word, ...], str], ...]]:
    """The forms of a token whose (lower-case text, lemma) is ``key``: lemma, lower-case text, and a plural stripped
    of its "s" (capitalised plurals are often left unlemmatised); and the phrases that may start at it, longest
    first for each form.

    The forms are shared by every token of the same word and lemma, so they are frozen.
    """
    found = _READINGS.get(key)
    if found is None:
        if len(_READINGS) >= _REMEMBERED:
            _READINGS.clear()
        lower, lemma = key
        words = [lemma.lower(), lower]
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            words.append(lower[:-1])
        forms = frozenset(words)
        phrases = lexicon()
        found = _READINGS[key] = (forms, tuple(entry for form in forms for entry in phrases.get(form, ())))
    return found


def _bare_participles(
    lowers: Sequence[str], lemmas: Sequence[str], poses: Sequence[str], start: int, end: int
) -> list[int]:
    """The past verbs of a sentence that the small model tags as adjectives and leaves unlemmatised when they follow
    a conjunction ("robbed a bus and assaulted passengers", "threw stones, torched cars"); an adjective after an
    article or alone ("a crowded market", "the wounded") is left as it is."""
    return [i for i in range(max(start, 1), end) if poses[i] == "ADJ" and lowers[i] == lemmas[i]
            and lowers[i].endswith("ed") and lowers[i - 1] in _JOINING and _verb_of(lowers[i]) != lowers[i]]


_JOINING = frozenset(["and", ","])


def _verb_of(past: str) -> str:
    """The lexicon verb a past form is made from ("assaulted" -> "assault", "stoned" -> "stone", "stabbed" ->
    "stab"), else the form itself."""
    phrases = lexicon()
    return next((stem for stem in (past[:-2], past[:-1], past[:-3]) if stem in phrases), past)


def _span_head(tokens: list[Token]) -> Token:
    if len(tokens) == 1:  # most phrases: the word heads itself
        return tokens[0]
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head == token:
            return token
    return tokens[-1]


def _clause_verb(token: Token) -> Token:
    """The verb (or root) that governs ``token``."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            return node
        node = node.head
    return node


def _negated(token: Token) -> bool:
    """"did not attack", "no attack", "have yet to make any arrests", "no group has claimed", "nobody was hurt"."""
    verb = _clause_verb(token)
    for node in (token,) if verb is token else (token, verb):  # a verb cue is its own clause's verb: read once
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in ("det", "preconj") and child.lower_ in ("no", "neither")):
                return True
            if node is token and child.dep_ in ("nsubj", "nsubjpass") and _nobody(child):
                return True  # the word's own subject: "no soldiers were killed in the attack" still tells of one
    if token.dep_ == "conj" and any(c.lower_ == "neither" for c in token.head.children):
        return True  # "neither dialogue nor ceasefire"
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
        return True  # "entered the town without fighting", "dispersed without clashes"
    return verb.dep_ == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in verb.head.children)


def _nobody(subject: Token) -> bool:
    """A subject that names no one: "nobody", "none", "no group", "no one"."""
    return subject.lower_ in ("nobody", "none") or any(
        g.dep_ == "det" and g.lower_ == "no" for g in subject.children)


def _hypothetical(token: Token) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in _UNREAL_ADJECTIVES for c in token.children):
        return True
    verb = _clause_verb(token)
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children):
        return True
    node = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS or c.dep_ == "mark" and c.lower_ in _OPEN_MARKS
               for c in node.children):
            return True
        if node.head == node or node.dep_ not in ("xcomp", "advcl", "conj", "ccomp"):
            break
        node = _clause_verb(node.head)
    node = token
    for _ in range(5):
        if node.head == node:
            break
        if node.head.lemma_.lower() in _HYPOTHETICAL_HEADS and node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep") \
                and not _summoned(node.head) and node.lower_ not in _ADJUNCT_PREPS \
                and not (node.dep_ == "ccomp" and _describing_participle(node.head, node)):
            return True
        if node.dep_ == "prep" and (_standing_accusation(node.head) or imputed(node.head)):
            return True
        node = node.head
    return False


def _describing_participle(verb: Token, clause: Token) -> bool:
    """A participle with no auxiliary that says who its subject is thought to be ("Gunmen suspected to be X fighters
    killed four traders", parsed with "suspected" as the verb and "killed" as its active clause): it describes the
    doers of the clause, which tells a deed, not a suspicion."""
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False  # "... were arrested": the parse gives the clause no subject of its own to read roles from
    return verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in children) \
        and any(c.dep_ == "nsubj" for c in children) and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "of"
                                                            for c in children)


def _summoned(verb: Token) -> bool:
    """A force brought in, which acts ("called in air support to strike the camp", "called in reinforcements"), not
    a call for something that may not happen ("called for an attack", "called in a statement for attacks")."""
    if verb.lemma_.lower() != "call" or verb.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[verb.i + 1]  # "in" right after the verb: its particle or, as parsers often have it, a preposition
    return after.lower_ == "in" and after.head == verb and not any(
        c.dep_ == "pobj" and c.lemma_.lower() in _MESSAGES for c in after.children)


# What a call is made in, which makes "called in" no summons: "called in a statement for attacks"
_MESSAGES = frozenset(["statement", "speech", "interview", "video", "message", "letter", "post", "tweet", "address",
                       "communique", "broadcast", "sermon", "recording"])


def _standing_accusation(verb: Token) -> bool:
    """An accusation in the present or the perfect ("is accused of", "has been accused of abducting hundreds"):
    a description of an actor, not the report of an incident ("was accused of killing him on Monday")."""
    return verb.lemma_.lower() == "accuse" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


# Prepositions that set earlier events as the cause or the time of another ("following a series of attacks").
_EARLIER_PREPS = frozenset(["after", "following", "since", "before", "despite"])
_DEATHS = DEATH_VERBS | DYING  # verbs whose dead the recalled incidents caused
_SERIES = frozenset(["series", "wave", "spate", "string", "spree", "cycle", "campaign", "number"])


# A string of protests recalled is one ongoing protest, which ACLED codes ("traders kept their stalls shut
# following a series of marches over taxes"); a string of attacks is not one attack.
_CROWD_CUES = frozenset(["PROTEST", "PWEAK"])


def _recalled_many(token: Token) -> bool:
    """Several earlier incidents recalled as the cause or time of what a sentence tells ("extended the curfew
    following a series of attacks", "the day after clashes"): a summary, no incident of its own. Incidents that
    the sentence's deaths follow are those deaths' incident ("two soldiers died after clashes")."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _SERIES:
        node = node.head.head
    elif node.tag_ != "NNS":
        return False
    if node.dep_ != "pobj" or node.head.lower_ not in _EARLIER_PREPS:
        return False
    return node.head.head.lemma_.lower() not in _DEATHS


# Words that describe someone by what they are held to have done ("a militia involved in killings", "the
# commander responsible for abductions"): the deeds are imputed, not reported here.
_IMPUTING = read_words("events", "imputing_words.txt")


def imputed(word: Token) -> bool:
    """A word that imputes deeds to whom it describes: an adjective ("responsible for") or a
    participle or a relative clause set on a noun ("two clerks accused of fraud", "a group involved
    in attacks", "a gang which had been involved in robberies")."""
    if word.lemma_.lower() not in _IMPUTING:
        return False
    return word.pos_ == "ADJ" or word.dep_ in ("acl", "amod", "relcl") and word.head.pos_ in ("NOUN", "PROPN", "PRON")


def _weapon_acronym(cue: str, matched: list[Token]) -> bool:
    """"IED", "UAV" in capitals: a weapon even where the tagger folds it into a name ("an al Shabaab IED")."""
    return cue in WEAPONS and len(matched) == 1 and matched[0].text.isupper()


# Words of an attack that an air arm's name can modify: "Nigerian Air Force strikes", "an Air Force raid".
_STRIKE_WORDS = frozenset(["strike", "raid", "bombing", "bombardment", "sortie"])


def _arm_of_a_strike(cue: str, matched: list[Token]) -> bool:
    """"Air Force" in a name that modifies a strike ("killed in Nigerian Air Force strikes"): the tagger folds the
    strike into the name, but the air arm names the weapon."""
    if cue != "AIR_WEAK":
        return False
    head = _span_head(matched)
    return head.dep_ == "compound" and head.head.lemma_.lower() in _STRIKE_WORDS


def _in_name(token: Token) -> bool:
    """True for a word of a proper name or a date ("Liberation" in a group's name, "March" the month)."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.ent_type_ in _NAME_LABELS and token.pos_ == "PROPN"


def find_cues(sent: Span) -> list[Cue]:
    """Return the lexicon cues of a sentence, with negation and hypothetical flags from the parse."""
    doc, start = sent.doc, sent.start
    lowers, lemmas = token_lowers(doc), token_lemmas(doc)  # a Token is made only for a phrase's words
    texts, poses = token_texts(doc), token_poses(doc)
    known = _READINGS.get  # most words were read before: their reading without a call
    keys = zip(lowers[start:sent.end], lemmas[start:sent.end], strict=True)
    readings = [known(key) or _reading(key) for key in keys]
    for k in _bare_participles(lowers, lemmas, poses, start, sent.end):
        readings[k - start] = _reading((lowers[k], _verb_of(lowers[k])))
    forms = [forms for forms, _ in readings]
    found: list[Cue] = []
    flags: dict[int, tuple[bool, bool]] = {}  # head -> (negated, hypothetical): read once for the phrases it heads
    for k, (_, starting) in enumerate(readings):
        for words, cue in starting:
            n, i = len(words), start + k
            if n == 1:  # most phrases are one word: tested without a generator
                if not words[0].matches(texts[i], poses[i], forms[k]):
                    continue
            elif k + n > len(forms) or not all(
                    w.matches(texts[i + j], poses[i + j], forms[k + j]) for j, w in enumerate(words)):
                continue
            matched = [doc[i + j] for j in range(n)]
            if cue in TYPED and all(_in_name(t) for t in matched) and not (
                    _weapon_acronym(cue, matched) or _arm_of_a_strike(cue, matched)):
                continue
            head = _span_head(matched)
            if cue in MODIFIERS:  # targets and actors are read as they stand
                found.append(Cue(cue, matched[0].i, matched[-1].i + 1, head))
            else:
                if head.i not in flags:
                    flags[head.i] = (_negated(head), _hypothetical(head))
                negated, unreal = flags[head.i]
                unreal = unreal or (cue not in _CROWD_CUES and _recalled_many(head))
                found.append(Cue(cue, matched[0].i, matched[-1].i + 1, head, negated, unreal))
    return _drop_nested(found)


def _hides(outer: Cue) -> bool:
    """A long phrase (three words or more) or a protest phrase hides the typed words inside it."""
    return outer.end - outer.start >= 3 or outer.cue == "PROTEST"


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """Drop typed cues that lie inside a longer typed cue ("stun grenade" hides "grenade", "24-hour strike"
    hides "strike")."""
    typed = [c for c in cues if c.cue in TYPED and c.end - c.start > 1]  # only a phrase can hold a shorter cue
    if typed:
        cues = [c for c in cues if not _inside(c, typed)]
    return sorted(set(cues), key=lambda c: (c.start, -c.end))


def _inside(c: Cue, typed: list[Cue]) -> bool:
    """Whether ``c`` lies inside a longer cue of ``typed`` that hides it."""
    return any(
        o.start <= c.start
        and c.end <= o.end
        and (o.end - o.start) > (c.end - c.start)
        and o.cue != c.cue
        and (c.cue in WEAPONS or c.cue in DOMAINS or (c.cue in TYPED and _hides(o)))
        for o in typed
    )


_CLASSES = cue_classes()


class SentenceCues:
    """The real cues of one sentence, grouped by class, with helpers the rules read."""

    def __init__(self, cues: Iterable[Cue]):
        """Group the asserted cues of ``cues`` by class (``all`` keeps every cue)."""
        self.all = list(cues)
        self._tokens: dict[str, set[int]] = {}
        self._state: set[int] | None = None
        self._by: dict[str, list[Cue]] = {}
        for c in self.all:
            if c.real:
                self._by.setdefault(c.cue, []).append(c)

    def of(self, name: str) -> list[Cue]:
        """The real cues of class ``name`` in text order; an unknown class raises ValueError."""
        found = self._by.get(name)  # a class found in the sentence is a lexicon class: checked only when absent
        if found is not None:
            return found
        if name not in _CLASSES:  # the rules ask tens of times a sentence: the check's call only for a bad name
            check_cue_class(name)
        return []

    def has(self, *names: str) -> bool:
        """True when the sentence has a real cue of any of these classes (checked in order, as :meth:`of`)."""
        for name in names:
            if name in self._by:  # a class is grouped only with a cue in it
                return True
            if name not in _CLASSES:
                check_cue_class(name)
        return False

    def told(self, names: frozenset[str]) -> bool:
        """True when the sentence has a cue of any of these classes, asserted or not ("did not withdraw" tells a
        withdrawal's word too)."""
        return any(c.cue in names for c in self.all)

    def first(self, *names: str) -> Cue | None:
        """The earliest real cue of any of these classes, or None."""
        hits = [c for n in names for c in self.of(n)]
        return min(hits, key=lambda c: c.start) if hits else None

    def state(self) -> set[int]:
        """Tokens of state forces: GOV words, and force words with a nationality ("Iraqi forces", "Mali's army")."""
        if self._state is not None:
            return self._state
        out = set(self.tokens("GOV"))
        for cue in self.of("MIL"):
            if cue.head.lemma_.lower() in _STATE_NOUNS and any(
                w.ent_type_ in ("NORP", "GPE") for w in cue.head.children if w.dep_ in ("amod", "compound", "poss")
            ):
                out |= set(range(cue.start, cue.end))
        self._state = out
        return out

    def tokens(self, name: str) -> set[int]:
        """Token ids covered by the real cues of class ``name``."""
        if name not in self._tokens:
            self._tokens[name] = {i for c in self.of(name) for i in range(c.start, c.end)}
        return self._tokens[name]

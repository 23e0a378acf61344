"""What a crowd does decides ACLED's category for it: people who protest are Protesters (X), people who
riot (burn, loot, stone) are Rioters (X), the same people as victims or witnesses stay Civilians (X).

The verbs and nouns are ``crowd_verbs.tsv``. A plural noun that the sentence makes the subject of a
protest ("Employees gathered in protest", "dozens of artists rallied") is a crowd even when no word
list names it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from graph.datafiles import read_rows, read_words
from graph.extract.parse.sentences import sentence

__all__ = ["crowd_category", "crowd_class", "is_protest_subject", "protest_word"]

_CROWD_CLASSES = frozenset(["civilians", "protesters", "rioters"])
# verbs whose object says what the crowd does: "staged a sit-in", "went on strike", "held a rally"
_STAGING_VERBS = frozenset(["stage", "hold", "organise", "organize", "go", "launch", "join", "begin", "start",
                            "continue", "mount", "embark", "call", "take", "lead", "gather", "assemble", "converge"])
# violence against property anywhere in the sentence makes its protest a riot ("residents were protesting
# and the car was stoned"); violence against people does not (the police may be the ones who beat)
_PROPERTY_VIOLENCE = frozenset(["burn", "torch", "loot", "stone", "pelt", "vandalise", "vandalize", "smash",
                                "ransack", "barricade", "riot"])
_STRIKE_KINDS = frozenset(["general", "hunger", "labour", "labor", "teachers", "workers", "48-hour", "24-hour"])
_OWN_SUBJECT = frozenset(["nsubj", "nsubjpass", "auxpass", "expl"])
# subjects that make the other side of a clash a community's militia, not rioters (ACLED's communal violence)
_IDENTITY_SIDES = frozenset(["herdsmen", "herders", "tribesmen", "pastoralists", "nomads", "clansmen", "militia",
                             "militias", "militiamen"])
# Verbs that are a riot's only by what they throw (:func:`_throws_missiles`), and the things a rioting crowd throws
_THROWING_WORDS = read_words("actors", "throwing.txt")
_THROWING = frozenset(w.removesuffix("/VERB") for w in _THROWING_WORDS if w.endswith("/VERB"))
_PROJECTILES = frozenset(w.removesuffix("/NOUN") for w in _THROWING_WORDS if w.endswith("/NOUN"))
_QUANTITIES = frozenset(["dozens", "hundreds", "thousands", "scores", "tens", "group", "groups", "crowd",
                         "crowds", "number", "some", "many", "several", "all", "most"])


@cache
def _lexicon() -> tuple[dict[str, str], dict[str, str]]:
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for row in read_rows("actors", "crowd_verbs.tsv"):
        (verbs if row["form"] == "verb" else nouns)[row["lemma"]] = row["category"]
    return verbs, nouns


def _forms(lemma: str) -> set[str]:
    """A verb's regular forms, for when the lemmatiser stumbles ("staged" -> "stag")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"}


# every regular form of the staging verbs, gathered once: a verb's lemma misread still shows its form
_STAGING_FORMS = frozenset(form for verb in _STAGING_VERBS for form in _forms(verb))


def _is_staging(verb: Token) -> bool:
    return verb.lemma_.lower() in _STAGING_VERBS or verb.lower_ in _STAGING_FORMS


def _verbs_of(verb: Token) -> list[Token]:
    """The verb and the verbs it coordinates or chains ("looted the shops, blocked the road and hurled rocks",
    "gathered ... before marching")."""
    out: list[Token] = []
    todo = [verb]
    while todo and len(out) < 8:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in node.children if c.dep_ in {"conj", "advcl", "xcomp"} and c.pos_ in {"VERB", "AUX"}
                    and not any(g.dep_ in _OWN_SUBJECT for g in c.children))  # "when they were attacked"
    return out


def _verb_category(verb: Token) -> str | None:
    verbs, nouns = _lexicon()
    found = verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if found and not (verb.lemma_.lower() in _THROWING and not _throws_missiles(verb)):
        return found
    if _is_staging(verb):
        for child in verb.children:
            objects = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"] \
                if child.dep_ == "prep" else []
            for obj in objects:  # "a sit-in" is parsed as sit <- in, either word may head it
                for word in [obj, *obj.children]:
                    if word.lemma_.lower() in nouns:
                        return nouns[word.lemma_.lower()]
    return None


def _throws_missiles(verb: Token) -> bool:
    """Whether a throwing verb throws what rioters throw ("hurled rocks at the police", "threw petrol bombs", "a
    hail of stones", "pieces of brick"); "threw a party", "hurled insults at the mayor" tell no riot."""
    for thrown in (c for c in verb.children if c.dep_ == "dobj"):
        # what a quantity or a piece is of ("a hail of stones"): the thing thrown
        of = [g for p in thrown.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
              if g.dep_ == "pobj"]
        if any(t.lemma_.lower() in _PROJECTILES for t in (thrown, *of)):
            return True
    return False


def _subject_node(head: Token) -> Token:
    """Climb from a crowd noun to the node that stands in the clause: "students and teachers" ->
    "students"; "dozens of students" -> "dozens"."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _QUANTITIES:
        node = node.head.head
    return node


def crowd_category(head: Token) -> str | None:
    """"riot", "protest" or None for the noun heading a group of people, by what the sentence has it do."""
    node = _subject_node(head)
    _, nouns = _lexicon()
    if node.dep_ == "pobj" and node.head.lower_ in {"by", "of"} and node.head.head.lemma_.lower() in nouns:
        return nouns[node.head.head.lemma_.lower()]  # "a protest by students"
    if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.lemma_.lower() == "clash" \
            and not _identity_side(node.head.head):
        return "riot"  # "police clashed with residents"; farmers who clash with herdsmen are a community's side
    verb = _governing_verb(node)
    if verb is None:
        return None
    categories = {_verb_category(v) for v in _verbs_of(verb)}
    if "riot" in categories or ("protest" in categories and _riotous(sentence(head))):
        return "riot"
    return "protest" if "protest" in categories else None


def _governing_verb(node: Token) -> Token | None:
    """The verb whose doer a crowd noun is: the one it is the subject of, or the passive one whose "by" names it
    ("a thief was beaten by villagers")."""
    if node.dep_ == "nsubj":
        return node.head
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return node.head.head
    return None


def _identity_side(verb: Token) -> bool:
    """Whether a verb's subject is a community's armed men ("Fulani herdsmen clashed with farmers")."""
    return any(c.dep_ == "nsubj" and c.lower_ in _IDENTITY_SIDES for c in verb.children)


def _riotous(sent) -> bool:
    """Whether a sentence tells of violence against property ("tyres were burnt", "cars stoned")."""
    return any(t.lemma_.lower() in _PROPERTY_VIOLENCE and t.pos_ == "VERB" for t in sent)


def protest_word(token: Token) -> str | None:
    """"protest" or "riot" for a noun that names a protest or a riot ("Protests against ...", "a sit-in",
    "teachers on strike", "riots"), which stands for its crowd when the sentence names no other."""
    _, nouns = _lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in nouns:
        return None
    if lemma == "strike" and not (token.head.lower_ == "on" or any(c.lower_ in _STRIKE_KINDS for c in token.children)):
        return None  # an air strike
    if nouns[lemma] == "riot" or _riotous(sentence(token)) or any(c.lower_ == "violent" for c in token.children):
        return "riot"
    return "protest"


def crowd_class(cls: str, head: Token) -> str:
    """The descriptor class of a group of people once the sentence's treatment is read: civilians who
    protest are protesters, protesters or civilians who riot are rioters."""
    if cls not in _CROWD_CLASSES:
        return cls
    category = crowd_category(head)
    if category == "riot":
        return "rioters"
    if category == "protest" and cls == "civilians":
        return "protesters"
    return cls


def is_protest_subject(token: Token) -> bool:
    """Whether a plural noun is the subject of a protest ("Employees gathered in protest")."""
    return token.tag_ == "NNS" and crowd_category(token) == "protest"

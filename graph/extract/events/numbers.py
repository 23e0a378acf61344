"""Reads fatality and other counts from a sentence with ACLED's lowest-figure rule.

"more than 250" gives 250, "at least 12" gives 12, "dozens" 12, "scores" 20, "hundreds" 100,
"several" 10 (the codebook's figure for vague plurals). A count is a fatality only when the parse
ties it to a death word (killed, dead, died, death toll, bodies); other counts (hostages,
kidnapped, evacuated, arrested, wounded, fighters) go to ``quantity``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LIKE_NUM
from spacy.tokens import Span, Token

from graph.extract.events.casualties import untold_casualties
from graph.extract.events.count_words import DEATH_WORDS, PEOPLE, PEOPLE_VERBS, SCALES, UNITS, VAGUE, WORDS, full_value
from graph.extract.events.incident_words import only_adds
from graph.extract.events.updates import toll_update
from graph.extract.events.victims import (
    complement_is_death,
    conj_first,
    one_person,
    singular_victims,
    told_of_another,
    vague_victims,
)
from graph.extract.parse.columns import token_flags, token_lowers

__all__ = ["Counts", "read_counts", "added_dead", "dead_counted", "harmed_counted"]

_NOT_COUNTS = frozenset(["DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"])

_TOLL_VERBS = frozenset(["rise", "reach", "climb", "stand", "be", "jump", "increase", "hit", "surpass", "exceed"])
_TAIL_AFTER = (set(SCALES) | set(WORDS)) - {"zero"}


@dataclass(frozen=True)
class Counts:
    """Deaths (``fatalities``) and another count (``quantity``) read from one sentence."""

    fatalities: int | None = None
    quantity: int | None = None
    update: bool = False  # the deaths are a later figure for a toll told before ("the toll rose to 9")


def _counted(token: Token) -> Token:
    """The word a number counts: '12' in 'at least 12 people' counts 'people'."""
    node = token
    for _ in range(3):
        if node.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod") and node.head != node:
            node = node.head
        else:
            break
    return node


_REFLEXIVE = frozenset(["themselves", "himself", "herself"])


def _is_death(noun: Token) -> bool:
    """True when the counted word is tied to a death word by the parse."""
    if noun.lemma_.lower() in DEATH_WORDS:
        return True
    if any(c.lemma_.lower() in DEATH_WORDS for c in noun.children if c.dep_ in ("amod", "oprd", "acomp", "acl")):
        return True
    if _dead_list(noun):
        return True
    if any(c.dep_ == "acl" and c.lemma_.lower() in PEOPLE_VERBS for c in noun.children):
        return False  # "a soldier was killed and three recruits injured": the recruits' own word counts them
    node = noun
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        lemma = head.lemma_.lower()
        if lemma in DEATH_WORDS:
            return node.dep_ not in ("agent",) and not (node.dep_ == "pobj" and head.dep_ == "agent") and not (
                node.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE for c in head.children))
            # the subject of "Five gunmen killed three" killed; that of "two bombers killed themselves" died
        if node.dep_ in ("nsubj", "nsubjpass", "dobj") and complement_is_death(head):
            return True  # "left 30 people dead", "7 were reported to have been killed", "30 lost their lives"
        if node is noun and node.dep_ == "dobj" and lemma == "lose" and noun.lemma_.lower() in PEOPLE:
            # "the army lost 12 soldiers": the side's dead (not "lost 200 cattle", nor "lost contact"); not those of
            # a clause that describes a party ("a militia, which lost 25 fighters to strikes"): another event's
            return head.dep_ != "relcl"
        if head.pos_ in ("VERB", "AUX") and lemma in _TOLL_VERBS:
            # "the death toll rose to 45", "fatalities reached 12"
            return any(
                c.dep_ in ("nsubj", "nsubjpass") and {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children)}
                & DEATH_WORDS
                for c in head.children
            )
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _dead_list(noun: Token) -> bool:
    """The first of a list whose last item "dead" follows: "left three soldiers and five militants dead" (the
    parser hangs "dead" on the militants only; before the noun, "five dead militants", it is theirs alone)."""
    return any(g.dep_ in ("amod", "oprd") and g.lower_ == "dead" and g.i > c.i
               for c in noun.children if c.dep_ == "conj" for g in c.children)


def _bare_toll(token: Token) -> bool:
    """A bare count written before its death word, "3 killed", "23 dead", however the parser attached it
    (the count alone, or the death word hung on the count while the count hangs on a later word)."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in ("killed", "dead", "died") and (
        _counted(token) is token or nxt.head == token)


def _dead_after(token: Token, poses: tuple[str, ...]) -> bool:
    """"dead" right after the count and the words it counts (of the parts of speech ``poses``, a possessive or
    a hyphen between them), however the parser hangs it: "seven Boko Haram dead", "12 militiamen dead"."""
    doc, i = token.doc, token.i + 1
    while i < min(len(doc), token.i + 5) and doc[i].lower_ != "dead" and (
            doc[i].pos_ in poses or doc[i].tag_ in ("POS", "HYPH")):
        i += 1
    return token.i + 1 < i < len(doc) and doc[i].lower_ == "dead"


def _named_toll(token: Token) -> bool:
    """A count of a named group written before "dead": "seven Boko Haram dead" (not "killed", which may be the
    group's own deed: "the 12 Battalion killed four")."""
    return _dead_after(token, ("PROPN",))


def _and_dead(token: Token) -> bool:
    """A count joined to the toll before it with its own "dead": "20 were killed in the clash with the militia
    and 12 militiamen dead", "... and 6 Kamajor's dead": the other side's dead of the same event."""
    return token.i > 0 and token.doc[token.i - 1].lower_ == "and" and _dead_after(token, ("PROPN", "NOUN"))


def _is_people(noun: Token, number: Token) -> bool:
    """True when a count is of people (hostages, fighters, the wounded), not of things or places."""
    if noun.lemma_.lower() in PEOPLE or noun.lower_ in PEOPLE or noun.ent_type_ in ("NORP", "PERSON"):
        return True
    if noun is number or noun.pos_ not in ("NOUN", "PROPN"):
        return _governor(noun).lemma_.lower() in PEOPLE_VERBS  # "wounded 20", "arrested 45"
    return False


def _governor(token: Token) -> Token:
    node = token
    for _ in range(4):
        if node.head == node or node.pos_ in ("VERB", "AUX") and node is not token:
            return node
        node = node.head
    return node


def _conj_root(noun: Token) -> Token:
    """The first of a coordination: "officers" for "one civil servant" in "two officers, one civil servant
    and one resident were killed", and the first clause's subject for "and 4 police were killed"."""
    node = noun
    while (node.dep_ == "conj" or node.dep_ == "appos" and _counted_item(node)) and node.head != node:
        node = node.head
    verb = node.head
    if node.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        first = [c for c in verb.head.children if c.dep_ == node.dep_]
        return first[0] if first else node
    return node


def _counted_item(noun: Token) -> bool:
    """An apposition that is one more item of a list of counts ("Three guards, one teacher and one
    trader"), not a description of the noun before ("two men, a father and his son")."""
    return any(c.dep_ == "nummod" for c in noun.children)


def _a_subset(noun: Token) -> bool:
    """A count inside "including 10 children" or "among them 3 soldiers": part of another count."""
    return any(a.lower_ in ("including", "among", "includes", "include") for a in noun.ancestors)


def _total_deaths(found: list[tuple[int, bool, bool, Token, Token]]) -> int | None:
    """The first death count plus the counts coordinated with it, coordinated with anything and told dead by
    their own word ("40 were killed in the clash with the militia and 12 militiamen dead") or told as more ("...,
    killing six villagers; two gunmen were also killed"): each side's dead of one event."""
    deaths = [(v, noun, token) for v, death, _, noun, token in found if death]
    if not deaths:
        return None
    first_value, first_noun, _ = deaths[0]
    root = _conj_root(first_noun)
    extra = [v for v, noun, token in deaths[1:] if noun != first_noun and not _a_subset(noun)
             and (_conj_root(noun) == root or _and_dead(token) or _more_in_own_clause(noun, token, first_noun))]
    # "two policemen and a civilian were killed", "a soldier and three villagers": a lone person coordinated
    # with the count, after it or before it, is one more
    first = conj_first(first_noun)
    singles = [c for c in first.subtree if c != first_noun and one_person(c)
               and (c == first or c.dep_ == "conj" and conj_first(c) == first)
               and any(d.lower_ in ("a", "an", "one") for d in c.children)]
    return first_value + sum(extra) + len(singles)


def _more_in_own_clause(noun: Token, count: Token, first: Token) -> bool:
    """A count that is the subject or object of a death verb of its own, told as more than the first count ("...,
    killing six villagers; two gunmen were also killed", "three more guards were killed"), in a clause that tells
    no other incident (:func:`_another_incident`); not a word the parser hung elsewhere ("killed in action and
    several others wounded")."""
    verb = noun.head
    return (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb != first.head
            and verb.lemma_.lower() in DEATH_WORDS and (_told_as_more(noun) or _told_as_more(count))
            and not _another_incident(verb, first))


# A setting of the second clause's own that is not the first clause's: "in a nearby village"
_ELSEWHERE = frozenset(["nearby", "neighbouring", "neighboring", "adjacent"])
_PLACE_PREPS = frozenset(["in", "at", "near", "outside", "around"])


def _another_incident(verb: Token, first: Token) -> bool:
    """The clause of ``verb`` tells another incident than the clause of ``first``: by a word of one ("in a
    separate attack", "earlier", "meanwhile"), "nearby", or a place or day other than the one the first names."""
    outside = next((c for c in verb.children if c.left_edge.i <= first.i <= c.right_edge.i), None)
    own = [t for t in verb.subtree if outside is None or not outside.left_edge.i <= t.i <= outside.right_edge.i]
    # "then" goes on with the same incident inside one sentence ("...; then three more were killed as they fled")
    if not only_adds("".join(t.text_with_ws for t in own if t.lower_ != "then")) or any(
            t.lower_ in _ELSEWHERE for t in own):
        return True
    mine = {t.i for t in own}
    theirs = _settings(t for t in verb.sent if t.i not in mine)
    kinds = {kind for kind, _ in theirs}
    return any(kind in kinds and (kind, name) not in theirs for kind, name in _settings(own))


def _settings(tokens: Iterable[Token]) -> set[tuple[str, str]]:
    """The places ("in Kano", however the NER labels the name) and the date words ("on Monday") of a clause."""
    found = set()
    for t in tokens:
        if t.ent_type_ == "DATE":
            found.add(("day", t.lower_))
        elif t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and (t.pos_ == "PROPN" or t.ent_type_ == "GPE"):
            found.add(("place", t.lower_))
    return found


def _counts_people(token: Token) -> bool:
    """A number the tagger took for a date ("Between 1 and 3 herders") that counts people all the same."""
    return token.dep_ == "nummod" and token.head.lemma_.lower() in PEOPLE


def _range_low(token: Token) -> int | None:
    """The low end of a range written with a hyphen ("6-8 villagers", "between 10-15"), read at its high end, which
    the parser hangs on the noun: ACLED's codebook takes the lowest figure."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ != "-" or not doc[token.i - 2].like_num:
        return None
    return full_value(doc[token.i - 2])


def _counts(sent: Span) -> list[tuple[int, bool, bool, Token, Token]]:
    out = []
    doc = sent.doc
    numeric, lowers = token_flags(doc, LIKE_NUM), token_lowers(doc)
    for i in range(sent.start, sent.end):
        if not (numeric[i] or lowers[i] in VAGUE):
            continue  # tested first, on the columns: most words are no count, and the tests below read the parse
        token = doc[i]
        if token.ent_type_ in _NOT_COUNTS and not _counts_people(token):
            continue
        if i + 1 < sent.end and lowers[i + 1] == "-":
            continue  # "13-year-old", "AK-47"; the low end of a range "6-8" is read at its high end
        if told_of_another(token):
            continue
        if token.i > 0 and token.doc[token.i - 1].lower_ in _TAIL_AFTER:
            continue  # the tail of "two hundred" / "twenty five" was read with its head
        value = _range_low(token) or full_value(token)
        if value is None or value == 0:
            continue
        noun = _counted(token)
        if noun.lemma_.lower() in UNITS or (1900 <= value <= 2100 and noun is token):
            continue
        death = _is_death(noun) or _bare_toll(token) or _named_toll(token) or _and_dead(token)
        out.append((value, death, _is_people(noun, token), noun, token))
    return out


def read_counts(sent: Span) -> Counts:
    """Return the death count and the first other count of a sentence (lowest reported figures)."""
    found = _counts(sent)
    others = [v for v, death, people, _, _ in found if not death and people]
    own = _total_deaths(found)
    update = toll_update(sent)
    if update and not (own and update[1]):  # a later figure supersedes the first, a running total does not
        return Counts(update[0], others[0] if others else None, update=True)
    fatalities = own or singular_victims(sent) or vague_victims(sent) or untold_casualties(sent)
    return Counts(fatalities, others[0] if others else None)


def dead_counted(sent: Span) -> list[Token]:
    """The words a sentence's death counts count ("soldiers" of "four soldiers were killed", "dozens" of "dozens
    of rebels died"), in text order."""
    return [noun for _, death, _, noun, _ in _counts(sent) if death]


# Verbs of a harm short of death, whose counted people are victims as the dead are ("two women were wounded")
_HURT = frozenset(["wound", "injure", "hurt"])


def harmed_counted(sent: Span) -> list[Token]:
    """The words a sentence's counts of the dead or of the wounded count ("women" of "two women were wounded"),
    in text order; other counts (the arrested, the displaced) are left out."""
    return [noun for _, death, people, noun, _ in _counts(sent)
            if death or people and noun.head.lemma_.lower() in _HURT]


# Words that count the dead of a sentence as more than those told before: "also killed", "three other villagers",
# "two more soldiers", "three others"
_MORE_DEAD = frozenset(["other", "others", "more", "another"])


def added_dead(sent: Span) -> int | None:
    """The dead a sentence adds to the toll told before it ("Two civilians were also killed", "three others died",
    "40 rebels were also killed": each side's dead of one incident add up, as ACLED totals them); None when it
    tells no more dead, a new total ("the toll rose to 9") or the rest of a toll told ("the other four died")."""
    counts = read_counts(sent)
    if counts.fatalities is None or counts.update:
        return None
    for _, death, _, noun, token in _counts(sent):
        if death and (_told_as_more(noun) or _told_as_more(token)):
            return counts.fatalities
    return None


def _told_as_more(word: Token) -> bool:
    """"others", "three other villagers", "two more soldiers" (not "more than 20", not "the other four"), or the
    word's verb said "also" ("were also killed")."""
    if any(c.lower_ in ("the", "these", "those") for c in word.children):
        return False
    marked = [word, *word.children]
    if any(w.lower_ in _MORE_DEAD and not (w.i + 1 < len(w.doc) and w.nbor().lower_ == "than") for w in marked):
        return True
    verb = word.head
    return verb.lemma_.lower() in DEATH_WORDS and any(c.lower_ == "also" for c in verb.children)

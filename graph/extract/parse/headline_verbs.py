"""Reads a headline's present-tense verb that the small model tags as a noun ("Herders attack villages").

Headlines and short incident notes write a deed in the present tense between two bare noun phrases
("UPND cadres attack musicians in Lusaka", "Police detain protesters"); the small English model often reads
the verb as a noun compound of the object ("attack musicians") and leaves the sentence with no verb, so no
reader finds who did what to whom. In a sentence whose root is no verb, a verb of violence
(``graph/data/parse/headline_verbs.txt``) tagged as a noun or adjective, right after a plural or proper noun
that starts no article's phrase and right before a bare noun phrase, is made the sentence's verb: the phrase
before it its subject, the phrase after it its object, the prepositions and clauses that hung on either
phrase's old root its own. A noun in a phrase with an article or a possessive ("a rebel attack on the camp", "the
Boko Haram attack victims", "their attack"), one before a noun it makes a compound with
(``graph/data/parse/headline_compound_nouns.txt``: "Al-Shabaab attack survivors", "Taliban attack anniversary"),
and any sentence with a verb of its own are left as the model parsed them.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from graph.datafiles import read_words

__all__ = ["headline_verbs"]

_VERBS = read_words("parse", "headline_verbs.txt")
_FORM_IDS = numpy.array(sorted(get_string_id(form) for verb in _VERBS for form in (verb, verb + "s")), dtype="uint64")
_SUBJECT_TAGS = frozenset(["NNS", "NNPS", "NNP"])  # "cadres attack", "Fulanis attack", "UPND attack"
_PHRASE_POS = frozenset(["NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON"])  # words of a bare noun phrase
_HEADS = frozenset(["NOUN", "PROPN", "PRON", "NUM"])  # a phrase's head word
_ARTICLES = frozenset(["a", "an", "the"])
_COMPOUND_NOUNS = read_words("parse", "headline_compound_nouns.txt")  # "attack victims" is a noun phrase
_CLAUSES = frozenset(["acl", "relcl"])  # a clause on the object stays the object's ("musicians hired by X")


@Language.component("headline_verbs")
def headline_verbs(doc: Doc) -> Doc:
    """Make a headline's verb of violence tagged as a noun the verb of its verbless sentence."""
    hits = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _FORM_IDS))  # no Token made for most words
    seen = -1
    for i in hits.tolist():
        if i <= seen:
            continue  # a sentence is read once, at its first verb of violence
        sent = doc[i].sent
        seen = sent.end - 1
        if sent.root.pos_ not in ("VERB", "AUX"):
            verb = next((t for t in sent[i - sent.start:] if _headline_verb(t, sent)), None)
            if verb is not None:
                _reparse(verb, sent)
    return doc


def _headline_verb(token: Token, sent: Span) -> bool:
    """Whether ``token`` is a verb of violence the model read as a noun, or as a verb hung on a noun ("detain
    journalists" as an adjective of "journalists"), between a subject and an object."""
    misread = token.pos_ in ("NOUN", "ADJ") or token.pos_ == "VERB" and token.dep_ in ("amod", "compound")
    if not misread or token.ent_type_ or not sent.start < token.i < sent.end - 1:
        return False
    base = token.lower_[:-1] if token.tag_ == "NNS" and token.lower_.endswith("s") else token.lower_
    if base not in _VERBS:
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    third_person = base != token.lower_  # "Gunman attacks church" has a singular doer
    if before.tag_ not in (("NNP", "NN") if third_person else _SUBJECT_TAGS):
        return False
    subject, obj = _phrase(token, -1, sent), _phrase(token, 1, sent)
    head = next((t for t in reversed(obj) if t.pos_ in _HEADS), None)
    return after.pos_ in _PHRASE_POS and not any(t.lower_ in _ARTICLES or t.tag_ == "PRP$" for t in subject) and (
        head is None or head.lemma_.lower() not in _COMPOUND_NOUNS)


def _phrase(verb: Token, step: int, sent: Span) -> list[Token]:
    """The bare noun phrase right before (``step`` -1) or after (+1) ``verb`` in its sentence."""
    out = []
    i = verb.i + step
    while sent.start <= i < sent.end and (verb.doc[i].pos_ in _PHRASE_POS or _inner_hyphen(verb.doc[i])):
        out.append(verb.doc[i])
        i += step
    return out


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("Mai-Mai", "ZANU-PF"), not one set between words."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _reparse(verb: Token, sent: Span) -> None:
    """Make ``verb`` the root of ``sent``, with the phrase before it its subject and the phrase after it its
    object; words that hung on the old root or on the subject hang on the verb."""
    old_root = sent.root
    subject, obj = _phrase(verb, -1, sent), _phrase(verb, 1, sent)
    before = {t.i for t in subject}
    inside = before | {t.i for t in obj} | {verb.i}
    if verb.pos_ != "VERB":
        verb.tag_, verb.pos_ = ("VBZ" if verb.tag_ == "NNS" else "VBP"), "VERB"
    verb.dep_ = "ROOT"
    verb.head = verb  # the verb first: every word set below then hangs, through its head, on the verb
    _attach(subject, verb, "nsubj")
    _attach(obj[::-1], verb, "dobj")
    if old_root.i not in inside:  # "In Lusaka, cadres attack ...": the preposition the model made the root
        old_root.head, old_root.dep_ = verb, ("prep" if old_root.pos_ == "ADP" else "dep")
        return
    for token in sent:
        if token.i not in inside and (token.head == old_root and token.dep_ not in _CLAUSES
                                      or token.head.i in before):
            token.head = verb


def _attach(phrase: list[Token], verb: Token, dep: str) -> None:
    """Hang a phrase (nearest the verb first) on ``verb``: its head word (the nearest head word to the verb for the
    subject, the last for the object) as ``dep``, its other words that hung outside it on that word."""
    words = {t.i for t in phrase}
    head = next((t for t in phrase if t.pos_ in _HEADS), None)
    if head is None:
        return
    head.head, head.dep_ = verb, dep
    for token in phrase:
        if token is not head and (token.head.i not in words or token.head == token):
            token.head = head
            if token.dep_ == "ROOT":
                token.dep_ = "compound"

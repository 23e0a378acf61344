"""The remembering lemmatizer: spaCy's rule lemmatizer's lemmas, byte for byte, each word form asked once."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA

from graph.extract.parse.lemmas import CachedLemmatizer, use_lemma_cache
from graph.extract.parse.nlp import MODEL, build_nlp

# Base forms and inflected ones, the same words again (answers from memory), pronouns whose lemma the
# attribute ruler sets, capitalised plurals, numbers, punctuation and white space.
SENTENCES = [
    "Gunmen attacked a checkpoint near the town on Monday, killing three soldiers and wounding two.",
    "The soldiers said the gunmen had attacked the checkpoint before, and they were attacking it again.",
    "She told them that we would not leave; our houses were burned and their shops looted.",
    "Mortar rounds struck the market.\n\nResidents fled as Militias shelled the hills for 12 hours.",
    "Police   fired tear gas at protesters, who threw stones at the police.",
]


def test_the_pipeline_remembers_lemmas():
    names = build_nlp().pipe_names
    assert "cached_lemmatizer" in names and "lemmatizer" not in names
    assert names.index("fast_attribute_ruler") < names.index("cached_lemmatizer") < names.index("ner")


def test_same_lemmas_as_spacy(bare):
    cached = spacy.load(MODEL)
    use_lemma_cache(cached)
    assert "cached_lemmatizer" in cached.pipe_names
    for ours, theirs in zip(cached.pipe(SENTENCES * 2), bare.pipe(SENTENCES * 2), strict=True):
        assert (ours.to_array([LEMMA]) == theirs.to_array([LEMMA])).all(), ours.text
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_each_word_form_is_asked_once(bare):
    lemmatizer = bare.get_pipe("lemmatizer")
    asked = []

    def lemmatize(token):
        asked.append(token.text)
        return lemmatizer.rule_lemmatize(token)

    component = CachedLemmatizer(lemmatizer)
    component.lemmatizer = type("Asking", (), {"lemmatize": staticmethod(lemmatize)})()
    with bare.select_pipes(disable=["lemmatizer", "ner"]):
        doc = bare("Soldiers shot soldiers. Soldiers shot soldiers.")
    component(doc)
    assert [t.lemma_ for t in doc] == ["soldier", "shoot", "soldier", ".", "soldier", "shoot", "soldier", "."]
    assert asked == ["Soldiers", "shot", "soldiers", "."]


def test_a_full_memory_starts_afresh(bare):
    component = CachedLemmatizer(bare.get_pipe("lemmatizer"))
    component.REMEMBERED = 3
    with bare.select_pipes(disable=["lemmatizer", "ner"]):
        doc = bare("Troops fired rockets at villages.")
    component(doc)
    assert len(component.lemmas) <= 3
    assert [t.lemma_ for t in doc] == ["troop", "fire", "rocket", "at", "village", "."]


def test_a_lookup_lemmatizer_stays():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    use_lemma_cache(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        # a letter written thrice is a slip: the word with it twice is lemmatized
        ("Gunmen stormed the village, killlling nine people.", "killlling", "kill"),
        ("Troops shellled the hills overnight.", "shellled", "shell"),
        ("A man was stabbbed to death at the gate.", "stabbbed", "stab"),
        # capitals (a numeral, an acronym) and short words are left as the lemmatizer reads them
        ("The III Corps moved north.", "III", "III"),
        ("He said brrr and left.", "brrr", "brrr"),
    ],
)
def test_a_tripled_letter_is_read_as_the_word_meant(text, word, lemma):
    doc = build_nlp()(text)
    assert [t.lemma_ for t in doc if t.text == word] == [lemma]

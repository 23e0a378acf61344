"""The faster matcher of the model's attribute ruler: spaCy's own matches and annotations, byte for byte."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from graph.extract.parse.nlp import MODEL, build_nlp
from graph.extract.parse.tag_rules import RuleMatcher, use_rule_matcher

# Sentences that reach every kind of rule: tag-map rules, pronoun lemmas and morphology, auxiliaries,
# "there is", contractions ("ain't", "gonna", "y'all"), regex rules, and runs of white space.
SENTENCES = [
    "Gunmen attacked a checkpoint near the town on Monday, killing three soldiers.",
    "There were no survivors, and it is not clear who did it.",
    "I told him that they had been warned, but he said he didn't know.",
    "We ain't gonna leave, y'all know that; let's go, c'mon.",
    "Nothin' was left of 'em after the shelling, ol' Ahmed said, and nuthin' could be done.",
    "The militia gets weapons from abroad and got new trucks last year.",
    "Those who can't flee will stay; these are our homes, she told herself.",
    "Police   fired tear gas.\n\n\tProtesters  \u00a0 threw stones at them.",
    "Does anyone know whether the rebels have seized the airport, or has nobody heard?",
    "Once the army had withdrawn, IS fighters moved in, as they do every time.",
]


def test_the_pipeline_uses_the_faster_matcher():
    assert "fast_attribute_ruler" in build_nlp().pipe_names
    assert "attribute_ruler" not in build_nlp().pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_spacy(bare, text):
    ruler = bare.get_pipe("attribute_ruler")
    with bare.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = bare(text)
    expected = ruler.match(doc)
    assert expected, "each sentence reaches some rule"
    assert RuleMatcher(ruler).match(doc) == expected


def test_same_annotations_as_spacy(bare):
    fast = spacy.load(MODEL)
    use_rule_matcher(fast)
    assert "fast_attribute_ruler" in fast.pipe_names
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for ours, theirs in zip(fast.pipe(SENTENCES), bare.pipe(SENTENCES), strict=True):
        assert (ours.to_array(attrs) == theirs.to_array(attrs)).all(), ours.text
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def test_a_rule_it_cannot_read_keeps_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gunmen", "OP": "+"}]], {"LEMMA": "gunman"})
    with pytest.raises(ValueError, match="attribute OP"):
        RuleMatcher(ruler)
    use_rule_matcher(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert [t.lemma_ for t in nlp("gunmen gunmen")] == ["gunman", "gunman"]


def test_a_regex_rule_matches_as_spacys():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^shell(s|ed|ing)?$"}}]], {"LEMMA": "shell"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}}, {"IS_SPACE": True}]], {"NORM": "before-space"})
    doc = nlp("Troops shelled the town ;  shelling went on and the shells fell.")
    assert RuleMatcher(ruler).match(doc) == ruler.match(doc)
    use_rule_matcher(nlp)
    assert nlp.pipe_names == ["fast_attribute_ruler"]
    assert [t.text for t in nlp(doc.text) if t.lemma_ == "shell"] == ["shelled", "shelling", "shells"]

"""The pipeline's own small components: "IS" the group, and a sentence start after each line break."""

from __future__ import annotations

import pytest

from graph.extract.parse.nlp import build_nlp, group_acronyms, line_sentences


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Fighters loyal to IS attacked the village.", ["IS"]),
        ("IS claimed the bombing, and IS fighters fled.", ["IS", "IS"]),
        ("ISIS claimed the bombing; THIS is what officials said.", []),  # "IS" inside a word is no token
        ("THE ARMY SAID IS FIGHTERS FLED THE TOWN.", []),  # in capitals "IS" is usually the verb
        ("Nothing of the kind happened here.", []),
    ],
)
def test_group_acronyms_marks_the_token_is(text, marked):
    norms = [t.norm_ for t in build_nlp().make_doc(text)]
    doc = group_acronyms(build_nlp().make_doc(text))
    assert [t.text for t, norm in zip(doc, norms, strict=True) if t.norm_ != norm] == marked
    assert all(t.norm_ == "isis" for t in doc if t.text in marked)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Clashes near the border\n\nTroops fired on the crowd.", ["Clashes", "Troops"]),
        ("Clashes near the border\nTroops fired on the crowd.", ["Clashes", "Troops"]),
        ("Clashes near the border  and troops fired on the crowd.", ["Clashes"]),  # white space, no line break
    ],
)
def test_line_sentences_starts_a_sentence_after_a_line_break(text, starts):
    doc = line_sentences(build_nlp().make_doc(text))
    assert [t.text for t in doc if t.is_sent_start] == starts

"""A group named in its own language with an English gloss in brackets keeps both names; brackets that hold an
acronym, a place or a remark add no name."""

from __future__ import annotations

import pytest

_CASES = [
    # the gloss after the name
    ("Soldiers clashed with the Kikosi cha Nyota (Star Brigade) militia near Uvira.", "Star Brigade",
     "Kikosi cha Nyota", True),
    # the quoted name before the gloss
    ('Police arrested members of a militia called "Jeshi ya Mungu" (God\'s Army) in Goma.', "God's Army",
     "Jeshi ya Mungu", True),
    # an acronym in brackets is the acronym stage's, no second name
    ("The Kenya Defence Forces (KDF) killed five al-Shabaab fighters near Mombasa.", "Military Forces of Kenya",
     "Kenya Defence Forces (KDF)", False),
    # a place in brackets glosses nothing
    ("Fighters of the Star Brigade (South Kivu) attacked an army post on Monday.", "Star Brigade", "South Kivu",
     False),
    # a remark in lower case glosses nothing
    ("Fighters of the Star Brigade (a local militia) attacked an army post near Uvira.", "Star Brigade",
     "a local militia", False),
]


@pytest.mark.parametrize(("text", "name", "other", "kept"), _CASES)
def test_bracketed_gloss(first_event, text, name, other, kept):
    event, actors = first_event(text)
    if kept:
        assert name in (event.actor1, event.actor2)
    assert (other in actors[name].aliases) is kept

"""A group named in its own language with an English gloss in brackets keeps both names; brackets that hold an
acronym, a leader, a people, a place or a remark add no name."""

from __future__ import annotations

import pytest

# each row: the note, the actor's name, and its aliases exactly
_CASES = [
    # an Arabic brigade name with its English gloss after it
    ("Fighters of the Liwa al-Fath (Conquest Brigade) attacked an army checkpoint near Aleppo on Monday.",
     "Liwa al-Fath", ("Conquest Brigade",)),
    # the quoted local name before the English one
    ('Troops raided a camp of the "Liwa al-Haqq" (Brigade of Truth) near Homs on Friday, killing six fighters.',
     "Brigade of Truth", ("Liwa al-Haqq",)),
    # an acronym in brackets is the acronym stage's: no third name such as "Kenya Defence Forces (KDF)"
    ("The Kenya Defence Forces (KDF) killed five al-Shabaab fighters near Mombasa on Monday.",
     "Military Forces of Kenya", ("Kenya Defence Forces", "KDF")),
    # a leader's name in brackets is not the group's
    ("Fighters of the Star Brigade (Kabila Mwenge) attacked an army post near Uvira on Monday.", "Star Brigade", ()),
    # a people in brackets is the group's community, not its name; a people's word inside a name stays
    ("Fighters of the Star Brigade (Congolese Tutsis) attacked an army post near Uvira on Monday.", "Star Brigade",
     ()),
    ("Fighters of the Liwa Nasr (Syrian Turkmen) attacked an army post near Aleppo on Monday.", "Liwa Nasr", ()),
    # a place in brackets glosses nothing
    ("Fighters of the Star Brigade (South Kivu) attacked an army post on Monday.", "Star Brigade", ()),
    # a remark in lower case glosses nothing
    ("Fighters of the Star Brigade (a local militia) attacked an army post near Uvira.", "Star Brigade", ()),
]


@pytest.mark.parametrize(("text", "name", "aliases"), _CASES)
def test_bracketed_gloss(first_event, text, name, aliases):
    event, actors = first_event(text)
    assert name in (event.actor1, event.actor2)
    assert actors[name].aliases == aliases

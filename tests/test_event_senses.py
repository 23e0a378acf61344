"""Senses of "mine", "strike" and "execute": a landmine only when one is told, a workers' strike a protest, never an air
strike, and an executed raid carried out, no killing."""

from __future__ import annotations

import pytest

from graph.extract.events.types import classify_sentence


def types_of(nlp, text: str) -> list[str]:
    """The sub-event types of the one-sentence ``text``, best first."""
    return [t.sub_event_type for t in classify_sentence(next(iter(nlp(text).sents)))]


LANDMINE = "Remote explosive/landmine/IED"


# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mine dug for ore is a place of work: what happened there is typed from the other words
        ("Gunmen attacked a gold mine in the north, killing seven workers.", "Attack"),
        ("Militiamen shot dead six diggers at a cobalt mine outside the town.", "Attack"),
        ("Rebels seized a diamond mine in the east on Tuesday.", None),
        ("Police detained ten men at an illegal mine near the river.", "Arrests"),
        # a mine stepped on, hit, gone off or laid is a landmine
        ("A soldier was killed when he stepped on a mine near the village.", LANDMINE),
        ("Two children were wounded by a mine planted by the rebels.", LANDMINE),
        ("A military vehicle struck a mine near the town, killing two soldiers.", LANDMINE),
        ("The insurgents laid mines on the track leading to the base.", LANDMINE),
    ],
)
def test_a_mine_is_a_landmine_only_when_one_is_told(nlp, text, expected):
    got = types_of(nlp, text)
    assert (got[0] if got else None) == expected
    if expected != LANDMINE:
        assert LANDMINE not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike that workers hold, end or join is a protest
        ("The nationwide strike continued for a second week.", "Peaceful protest"),
        ("Riot police beat dockers during a strike at the harbour.", "Protest with intervention"),
        ("Security forces shot dead two workers during a strike at the plantation.",
         "Excessive force against protesters"),
        ("Police detained four union leaders who led the strike.", "Protest with intervention"),
        # a strike on a target, from the air or by a military is an air strike
        ("A strike on a rebel convoy killed eight fighters.", "Air/drone strike"),
        ("Two children were killed in a strike on their house.", "Air/drone strike"),
        ("Military strikes killed ten fighters near the border.", "Air/drone strike"),
    ],
)
def test_a_workers_strike_is_a_protest_not_an_air_strike(nlp, text, expected):
    got = types_of(nlp, text)
    assert got[0] == expected
    if expected != "Air/drone strike":
        assert "Air/drone strike" not in got


# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack, an operation, a plan or an order executed is carried out: no killing
        ("The operation was executed by the rebels at dawn.", None),
        ("Three fighters executed the raid using two pickup trucks.", None),
        ("The plan was drawn up and executed by a handful of men.", None),
        ("The court order was executed by bailiffs on Monday.", None),
        ("Police think the raid was executed by a local cell.", None),
        # people executed are killed
        ("The rebels executed three prisoners in the forest.", "Attack"),
        ("Two aid workers were executed by the militants.", "Attack"),
        ("Gunmen seized and executed two hostages near the border.", "Attack"),
    ],
)
def test_an_executed_deed_is_carried_out_people_executed_are_killed(nlp, text, expected):
    got = types_of(nlp, text)
    assert (got[0] if got else None) == expected

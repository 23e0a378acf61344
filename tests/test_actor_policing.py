"""Security forces whose branch the text leaves open are the state's police when they police (arrest, detain,
break up a crowd, evict) and its military otherwise; a named branch keeps its own."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.policing import tells_crowd_control
from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    ("text", "force", "not_force"),
    [
        ("In Kabwe, Zambia, security forces detained eight members of a farmers' union.", "Police Forces of Zambia",
         "Military Forces of Zambia"),
        ("Security personnel fired tear gas at traders marching in Mzuzu, Malawi, on Friday.",
         "Police Forces of Malawi", "Military Forces of Malawi"),
        ("Security forces evicted hundreds of families from a settlement outside Lilongwe, Malawi.",
         "Police Forces of Malawi", "Military Forces of Malawi"),
        # "authorities" who police are the police too (review 19 M4); who deploy troops, the military
        ("Zambian authorities arrested six opposition officials in Kabwe.", "Police Forces of Zambia",
         "Military Forces of Zambia"),
        ("Malawian authorities dispersed a vigil outside parliament in Lilongwe.", "Police Forces of Malawi",
         "Military Forces of Malawi"),
        ("Nigerien authorities sent troops to Diffa after the raid.", "Military Forces of Niger",
         "Police Forces of Niger"),
        # in a fight they are the military; a branch the text names stays
        ("Security forces killed five militants near Diffa, Niger, on Sunday.", "Military Forces of Niger",
         "Police Forces of Niger"),
        ("Soldiers arrested two traders at a checkpoint in Gao, Mali.", "Military Forces of Mali",
         "Police Forces of Mali"),
        # a text that names no country: ACLED's category alone, the police all the same
        ("Security forces arrested three men at a roadblock on Monday.", "Police Forces", "Military Forces"),
        ("Security agents fired teargas at a rally of opposition supporters on Saturday.", "Police Forces",
         "Military Forces"),
    ],
)
def test_security_forces_by_what_they_do(extractor, text, force, not_force):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    names = {a.name for a in result.actors} | {name for e in result.events for name in (e.actor1, e.actor2)}
    assert force in names
    assert not_force not in names


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # the police's means against a crowd tell that they intervened, named or not
        ("Youths burnt tyres and blocked roads in Kisii, Kenya, on Tuesday, and tear gas filled the streets.",
         "Police Forces of Kenya"),
        ("Teachers demonstrated in Machakos, Kenya, on Friday over unpaid salaries. In Kitui, the march turned "
         "violent: stones were thrown and tear gas was fired.", "Police Forces of Kenya"),
        # no such means, no police
        ("Youths burnt tyres and blocked roads in Kisii, Kenya, on Tuesday.", None),
    ],
)
def test_a_riot_told_with_tear_gas_has_the_police_on_its_other_side(extractor, text, actor2):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    riots = [e for e in result.events if e.event_type == "Riots"]
    assert riots and {e.actor2 for e in riots} == {actor2}


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        ("Angry traders stoned buses in Eldoret, Kenya. Water cannons were used to clear the road.",
         "Water cannons were used to clear the road.", True),
        ("Rubber bullets and tear-gas canisters were found on the road.", "Rubber bullets", True),
        ("Residents blocked the road with burning tyres.", "Residents blocked the road with burning tyres.", False),
        ("A gas cylinder exploded in the market.", "A gas cylinder exploded in the market.", False),
    ],
)
def test_crowd_control_words(text, sentence, expected):
    assert tells_crowd_control(text) is expected


@pytest.mark.parametrize(
    ("text", "actor1", "alias"),
    [
        # harm in prison or custody that no one is named for is by the state's police, its prison guards in a
        # prison
        ("Relatives say a detainee was tortured at the prison in Bamako, Mali, last week.", "Police Forces of Mali",
         "Prison Guards"),
        ("An activist was beaten and tortured while in custody in Kampala, Uganda.", "Police Forces of Uganda", None),
        # a prison or custody that is no setting of the harm: no abuse in custody
        ("A man who had spent ten years in prison was found shot dead in Gulu, Uganda.",
         "Unidentified Armed Group (Uganda)", None),
        ("A lawyer who defended prisoners in custody was stabbed to death in Gulu, Uganda.",
         "Unidentified Armed Group (Uganda)", None),
        # an attack on a prison is no abuse by its guards
        ("Gunmen attacked a prison in Maiduguri, Nigeria, and killed two inmates.",
         "Unidentified Armed Group (Nigeria)", None),
    ],
)
def test_harm_in_custody_is_by_the_police(extractor, text, actor1, alias):
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    attacks = [e for e in result.events if e.event_type == "Violence against civilians"]
    assert attacks and attacks[0].actor1 == actor1
    aliases = {a.name: a.aliases for a in result.actors}[actor1]
    assert (alias in aliases) if alias else "Prison Guards" not in aliases

"""The parties ACLED's codebook implies when the text leaves them unnamed.

- Violence against civilians (and looting or destroying property) has civilians on its receiving
  side: victims named only by a role, a count or a party membership ("killed a former leader",
  "kill PF member") are Civilians (X), the party kept as an associate.
- The dead of a named armed group's bomb or shell whom the text gives no side are Civilians (X).
- Harm whose doer nobody names ("a car bomb exploded", "gunmen", "perpetrators not known") is by an
  Unidentified Armed Group (X), whatever armed groups the article names elsewhere, and so is the other side
  of a bomb that hit the state's forces (people also hurt stand beside as associates). One policy, read once
  per article, sets shells and missiles apart: armies and organised groups fire them, so their unnamed firer
  is an unidentified group only in an article that names no armed party at all. A battle with one side named
  has the article's only force across the state line as its other ("fighters ambushed a convoy. Soldiers
  returned fire."), else an unidentified one; a state's force found so comes first, as ACLED lists a battle's
  state forces, and as the roles order the two sides when the sentence names both, whoever struck first.
- A battle is fought between armed parties: civilians set against the state's forces were hurt beside them
  (:mod:`.battle_sides`); the state's opponent, read as above, is the other side.
- A riot's crowd of civilians, of protesters the article shows in no protest, or of a party's cadres are
  Rioters (X) (the party beside them); a protest's crowd are Protesters (X), the union,
  party or person who leads it beside them; the state's police intervene in a protest with intervention
  when the text names no other force; a peaceful protest's target (the government it protests against) is no
  party.
- The government that regains territory is the country's: its military forces are actor1, a group
  the text names alone (the loser, "liberated the villages from al-Shabaab") actor2; when the sentence
  names no loser, the article's only armed group is it.
- An arrest with no named arrester, or by the government, is by the country's police; the people
  arrested, when named only as members of a party or by role, are Civilians (X).

X is the country of the event's place, else the article's country; none when neither is known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.extract.actors import ActorTable
from graph.extract.actors.lexicon import actor_key, descriptors
from graph.extract.actors.policing import custodians, tells_crowd_control
from graph.extract.actors.resolve import NATIONALS, UNIDENTIFIED_GROUP
from graph.extract.actors.table import ActorInfo, generic_actor, inter_code, state_actor
from graph.extract.events.battle_sides import civilians_beside_state
from graph.extract.events.roles import swapped
from graph.extract.places import PlaceMention
from graph.records import Actor, Event
from graph.sides import both_sides_allowed

__all__ = ["implied_parties"]

# Explosions whose doer is no one the text can name; air strikes and shelling come from armies
# whose country the text may not give, so they keep what the sentence says, unless the article names
# no armed party at all.
_HIDDEN_DOERS = frozenset(["Remote explosive/landmine/IED", "Grenade", "Suicide bomb"])
# shells and missiles whose firer the article never names, in any sentence, are an unidentified group's
_UNCLAIMED_FIRE = frozenset(["Shelling/artillery/missile attack"])
# air strikes come from an air force: the unnamed one is the state's, whose country is the event's
_AIR_STRIKE = "Air/drone strike"
# who an air strike's sentence says flew it, named or not in the actor table: "by RSF drones", "Russian warplanes"
_AIR_AGENT = re.compile(r"\bby\s+(?:the\s+)?[A-Z]|\b(?!(?:A|An|The)\b)[A-Z][\w'-]*\s+(?:drones?|warplanes?|jets?|"
                        r"aircraft|helicopters?|planes?)\b")
_NON_STATE_ARMED = frozenset(["armed_group", "militia"])
_ARMED = _NON_STATE_ARMED | {"state_forces"}
_CIVILIAN_TARGETS = frozenset(["organization", "person", "civilians"])
_CROWDS = frozenset(["Riots", "Protests"])
# ACLED's identity militias of unnamed groups: the side the text leaves unnamed in their fighting is another
_UNNAMED_MILITIAS = ("Unidentified Clan Militia", "Unidentified Communal Militia")
_IDENTITY_MILITIAS = ("Ethnic Militia", "Clan Militia", "Communal Militia")
_VIGILANTES = "Vigilante Militia"
# local people who fight, whom ACLED codes as their community's militia (Unidentified Communal Militia (X)) when
# they are a side of a clash: "soldiers clashed with armed herdsmen", "villagers fought off the raiders"
_LOCALS = r"(?:pastoralists|herders|herdsmen|villagers|residents|farmers|youths|locals|tribesmen|young men)"
_FIGHTS = r"(?:attack(?:s|ed)?|clash(?:es|ed)?(?: with)?|fought|fight(?:ing)?|battled|repulsed|repelled)"
_LOCALS_FIGHT = re.compile(rf"\b{_FIGHTS}\s+(?:(?:the|armed|local|some|dozens of|a group of)\s+)*{_LOCALS}\b"
                           rf"|\b{_LOCALS}\s+(?:[\w-]+\s+){{0,4}}?{_FIGHTS}\b", re.IGNORECASE)
_LOCAL_PEOPLE = re.compile(rf"\b{_LOCALS}\b", re.IGNORECASE)  # left to the communal-militia reading
# Armed people, whose clash with no side named is an unidentified armed group's: the descriptors of unnamed armed
# groups (descriptors.tsv: gunmen, militants, rebels, militiamen...) and the plain words for them. A brawl at a
# match, a family feud or a crowd's clash names none, and is no armed group's battle.
_ARMED_CLASSES = frozenset(["unidentified", "rebels", "militia", "jihadist"])
_ARMED_WORDS = sorted((re.escape(" ".join(words)) for words, (cls, _) in descriptors().items()
                       if cls in _ARMED_CLASSES), key=len, reverse=True)
_ARMED_PEOPLE = re.compile(rf"\b(?:armed groups?|fighters|militias?|{'|'.join(_ARMED_WORDS)})\b", re.IGNORECASE)
_LEADERS = frozenset(["organization", "person"])  # a union, party or person who leads a protest: beside its crowd
_PROTESTERS = "Protesters"


def implied_parties(events: Sequence[Event], table: ActorTable, places: Sequence[PlaceMention],
                    mutual: frozenset[str] | set[str] = frozenset()) -> tuple[list[Event], tuple[Actor, ...]]:
    """Return the events with the parties the codebook implies, and the records of the actors they add
    (``mutual``: the ids of riots whose crowds fight each other, who are both of their sides)."""
    country_of = {p.location.name: p.location.country for p in places}
    kinds = {info.name: info.kind for info in table.actors.values()}
    added: dict[str, ActorInfo] = {}
    out = []
    protesting = {name for e in events if e.event_type == "Protests" for name in (e.actor1, e.actor2) if name}
    rioting = _rioting_crowds(protesting, table)
    unclaimed_fire = _no_armed_party(kinds)  # the article's policy for shells and missiles nobody fires
    homes = {info.name: info.country for info in table.actors.values()}
    nationals = {info.name for info in table.actors.values() if NATIONALS in info.tags}
    for event in events:
        code = country_of.get(event.location or "") or table.main_country
        event = civilians_beside_state(_one_state_hurt(event, kinds, homes), kinds)
        event = _without_target(_crowd_side_first(_state_side_first(_arrested_second(event, kinds), kinds), kinds))
        event, local = _local_civilians(event, kinds, homes, nationals, country_of.get(event.location or ""))
        for info in local:
            if info.name not in kinds:
                added.setdefault(info.name, info)
                kinds[info.name] = info.kind
        changed = _air_force(event, kinds, homes, code) or _implied(event, kinds, code, unclaimed_fire)
        if _killed_by_mob(event) and event.id not in mutual and "actor2" not in changed:
            changed = {**changed, "actor2": generic_actor("Civilians", "civilians", code)}
        if event.event_type == "Riots" and event.actor1 in rioting:
            changed = {**changed, "actor1": rioting[event.actor1]}
        elif event.event_type == "Riots" and "actor1" in changed:
            changed = {**changed, "actor1": _known_crowd(changed["actor1"], protesting)}
        for info in changed.values():
            if info.name not in kinds:
                added.setdefault(info.name, info)
        out.append(_one_side(_with(event, changed)))
    records = tuple(Actor(id=info.key, name=info.name, kind=info.kind, country=info.country, inter=inter_code(info),
                          aliases=info.aliases) for info in added.values())
    return out, records


def _one_state_hurt(event: Event, kinds: dict[str, str], homes: dict[str, str | None]) -> Event:
    """A bomb that hurt two forces of one state ("two gendarmes and a soldier were hurt by a landmine") hurt one
    side: the second force stands beside the first, and the bomber, unnamed, is left for actor2."""
    one, two = event.actor1 or "", event.actor2 or ""
    if event.sub_event_type not in _HIDDEN_DOERS or kinds.get(one) != "state_forces" \
            or kinds.get(two) != "state_forces" or homes.get(one) is None or homes.get(one) != homes.get(two):
        return event
    return replace(event, actor2=None, assoc_actor_1=tuple(dict.fromkeys((*event.assoc_actor_1, event.actor2 or ""))))


def _killed_by_mob(event: Event) -> bool:
    """Whether a mob killed someone the text names on no side ("a crowd lynched two alleged cattle thieves"): a
    civilian, ACLED's actor2 of mob violence."""
    return event.sub_event_type == "Mob violence" and event.actor2 is None and bool(event.fatalities)


def _local_civilians(event: Event, kinds: dict[str, str], homes: dict[str, str | None], nationals: set[str],
                     place_country: str | None) -> tuple[Event, list[ActorInfo]]:
    """Civilians the text gives the country of the foreign force that harmed them ("Ethiopian shells killed a
    civilian" in Somalia) are the place's, as ACLED codes them; civilians whose own noun phrase states their
    nationality ("Sudanese traders robbed in Libya", "two Kenyan drivers shot by Kenyan troops") keep it, and so
    do protesters (ACLED codes foreign protesters by their nationality) and the victims of an unnamed group, whose
    country the sentence may set ("gunmen killed herders in eastern Chad") better than a place read from another
    clause. Return the event and the civilians it names."""
    sides = [event.actor1, event.actor2]
    local = []
    for slot, other in ((0, 1), (1, 0)):
        name, home = sides[slot] or "", homes.get(sides[slot] or "")
        if place_country and kinds.get(name) == "civilians" and name.startswith("Civilians (") \
                and name not in nationals \
                and home not in (None, place_country) and home == homes.get(sides[other] or "") \
                and kinds.get(sides[other] or "") == "state_forces":
            local.append(generic_actor("Civilians", "civilians", place_country))
            sides[slot] = local[-1].name
    return (replace(event, actor1=sides[0], actor2=sides[1]) if local else event), local


def _rioting_crowds(protesting: set[str], table: ActorTable) -> dict[str, ActorInfo]:
    """Protesters (X) -> Rioters (X) for the crowds an article shows only in riots ("violent protesters robbed
    the passengers"): ACLED codes a crowd by what it does. A crowd the article also shows protesting stays one
    actor, Protesters (X), in its riots too."""
    out = {}
    for info in table.actors.values():
        if info.name.startswith(_PROTESTERS) and info.name not in protesting:
            out[info.name] = generic_actor("Rioters", "civilians", info.country)
    return out


def _known_crowd(crowd: ActorInfo, protesting: set[str]) -> ActorInfo:
    """The crowd of a riot whose doers the sentence leaves unnamed: the article's protesters of that country when
    it shows them protesting (the same people, one actor, as above), else Rioters (X)."""
    if not crowd.name.startswith("Rioters"):
        return crowd
    same = generic_actor(_PROTESTERS, "civilians", crowd.country)
    return same if same.name in protesting else crowd


def _implied(event: Event, kinds: dict[str, str], code: str | None, unclaimed_fire: bool) -> dict[str, ActorInfo]:
    """Slot ("actor1", "actor2") -> the generic actor ACLED would code there, for this event (``unclaimed_fire``:
    the article names no armed party that could have fired its shells and missiles)."""
    sub = event.sub_event_type
    if event.event_type == "Violence against civilians" or sub == "Looting/property destruction":
        return _harmed(event, kinds, code)
    if event.event_type == "Explosions/Remote violence":
        return _exploded(event, kinds, code, unclaimed_fire)
    if event.event_type == "Battles" and sub == "Armed clash" and not (event.actor1 or event.actor2):
        return _unnamed_fighters(event.evidence or "", code)
    if event.event_type == "Battles" and sub == "Armed clash" and bool(event.actor1) != bool(event.actor2):
        present = event.actor1 or event.actor2 or ""
        opponent = _opponent(present, kinds) or _other_side(present, code, event.evidence or "")
        if opponent.name == present and not present.startswith(_UNNAMED_MILITIAS):
            return {}  # an unidentified group does not clash with itself
        if opponent.kind == "state_forces" and kinds.get(present) != "state_forces":  # the state's forces first
            return {"actor1": opponent, "actor2": ActorInfo(actor_key(present), present, kinds[present])}
        return {"actor2" if event.actor1 else "actor1": opponent}
    if event.event_type in _CROWDS:
        out = _crowd(event, kinds, code)
        if event.event_type == "Riots" and event.actor2 is None and "actor2" not in out \
                and tells_crowd_control(event.evidence):
            out["actor2"] = _police(code)  # "tear gas deployments": the police intervened, named or not
        return out
    if sub == "Government regains territory":
        return _regained(event, kinds, code)
    if sub == "Arrests":
        out = _victims(event, kinds, code)
        if event.actor1 is None or kinds.get(event.actor1) == "government":  # a government arrests by its police
            out["actor1"] = _police(code)
        return out
    return {}


def _unnamed_fighters(evidence: str, code: str | None) -> dict[str, ActorInfo]:
    """The side of a clash that names none: an unidentified armed group of the event's country when the sentence
    tells armed people (``_ARMED_PEOPLE``), on one side only; local people are left to the communal-militia reading,
    and a group with no country would merge the clashes of every article."""
    if code is None or _LOCAL_PEOPLE.search(evidence) or not _ARMED_PEOPLE.search(evidence):
        return {}
    return {"actor1": _unknown(code)}


def _exploded(event: Event, kinds: dict[str, str], code: str | None, unclaimed_fire: bool) -> dict[str, ActorInfo]:
    """Remote violence: the unidentified group behind a bomb, and behind shells or missiles when the article
    names no one who could have fired them; civilian dead of a named group's bomb."""
    sub = event.sub_event_type
    if event.actor1 is None and sub in _UNCLAIMED_FIRE and unclaimed_fire:
        return {"actor1": _unknown(code)}  # "a missile hit the hospital": no one in the article fired it
    if sub in _HIDDEN_DOERS:
        if event.actor1 is None:
            return {"actor1": _unknown(code)}
        hurt = event.actor2 is None or kinds.get(event.actor2) == "civilians"  # "killed a soldier, wounded three"
        if kinds.get(event.actor1) == "state_forces" and hurt:
            return {"actor2": _unknown(code)}
        if kinds.get(event.actor1) in _CIVILIAN_TARGETS and event.actor2 is None:  # "a roadside bomb hurt three UN
            # peacekeepers": the one party named, no armed group, is the target
            return {"actor1": _unknown(code), "actor2": ActorInfo(actor_key(event.actor1), event.actor1,
                                                                  kinds[event.actor1])}
    if event.actor2 is None and event.fatalities and kinds.get(event.actor1 or "") in _NON_STATE_ARMED:
        # "two dead when a lorry struck a mine laid by the rebels": the dead of a group's attack whom the text
        # names by no side are Civilians (X); soldiers or fighters killed would be their force
        return {"actor2": generic_actor("Civilians", "civilians", code)}
    return {}


def _air_force(event: Event, kinds: dict[str, str], homes: dict[str, str | None], code: str | None
               ) -> dict[str, ActorInfo]:
    """The military forces of the country as the doer of an air strike whose sentence names no firer, in an article
    that names no armed party but that state's own forces; {} otherwise, and without a known country (a countryless
    "Military Forces" would merge across articles)."""
    if event.actor1 is not None or event.sub_event_type != _AIR_STRIKE or not code \
            or kinds.get(event.actor2 or "") == "state_forces" or _AIR_AGENT.search(event.evidence or ""):
        return {}
    if any(_may_fly(name, kind, homes, code) for name, kind in kinds.items()):
        return {}
    state = state_actor(code)
    return {"actor1": state} if state is not None else {}


def _may_fly(name: str, kind: str, homes: dict[str, str | None], code: str) -> bool:
    """Whether an actor of the article could have flown an air strike in the country other than its own state's
    forces: a named rebel group ("RSF drones") or a foreign force ("Russian jets")."""
    if kind == "state_forces":
        return homes.get(name) != code
    return kind in _NON_STATE_ARMED and not name.startswith(UNIDENTIFIED_GROUP)


def _no_armed_party(kinds: dict[str, str]) -> bool:
    """Whether the article names no armed party but unidentified ones: nobody it names could have fired."""
    return not any(kind in _ARMED and not name.startswith(UNIDENTIFIED_GROUP) for name, kind in kinds.items())


def _opponent(present: str, kinds: dict[str, str]) -> ActorInfo | None:
    """The one actor of the article on the other side of the state line from a clash's named side (the state's
    forces facing the article's only armed group, an armed group facing its only state force), if there is one.
    Vigilantes are on no other side: they fight beside the state's forces, against bandits and insurgents."""
    state = kinds.get(present) == "state_forces"
    if not state and kinds.get(present) not in _NON_STATE_ARMED:
        return None
    others = [name for name, kind in kinds.items() if kind == "state_forces"] if not state else \
        [name for name, kind in kinds.items() if kind in _NON_STATE_ARMED and not name.startswith(_VIGILANTES)]
    return ActorInfo(actor_key(others[0]), others[0], kinds[others[0]]) if len(others) == 1 else None


def _other_side(present: str, code: str | None, evidence: str) -> ActorInfo:
    """The side a clash leaves unnamed: another unnamed group of the same kind for unnamed clans and
    communities ("clan fighting"); a community's militia facing an identity militia ("Abala herdsmen clashed
    with farmers") or local people who fight ("police attacked pastoralists", "villagers fought the rebels");
    else an unidentified armed group."""
    if present.startswith(_UNNAMED_MILITIAS):
        return ActorInfo(actor_key(present), present, "militia")
    if any(kind in present for kind in _IDENTITY_MILITIAS) or _LOCALS_FIGHT.search(evidence):
        base = "Unidentified Clan Militia" if "Clan Militia" in present else "Unidentified Communal Militia"
        return generic_actor(base, "militia", code)
    return _unknown(code)


def _regained(event: Event, kinds: dict[str, str], code: str | None) -> dict[str, ActorInfo]:
    """The government that regains territory is the country's forces (actor1); a group named alone is the
    one it took the ground from (actor2), and so is the article's only armed group when the sentence names
    none ("troops retook the town")."""
    if kinds.get(event.actor1 or "") == "state_forces":
        loser = _opponent(event.actor1 or "", kinds) if event.actor2 is None else None
        return {"actor2": loser} if loser else {}
    state = state_actor(code) if code else None
    if state is None:
        return {}
    if event.actor1 and not event.actor2:
        return {"actor1": state, "actor2": ActorInfo("", event.actor1, kinds.get(event.actor1, "armed_group"))}
    return {"actor1": state}


def _state_side_first(event: Event, kinds: dict[str, str]) -> Event:
    """A regained territory whose state's forces the roles put second: they come first."""
    if event.sub_event_type == "Government regains territory" and kinds.get(event.actor2 or "") == "state_forces" \
            and kinds.get(event.actor1 or "") != "state_forces":
        return swapped(event)
    return event


def _arrested_second(event: Event, kinds: dict[str, str]) -> Event:
    """An arrest whose roles put a person, a party or civilians first ("Governor X arrested after his dismissal", a
    headline's passive without its "was"): they are the ones arrested, on the second side; civilians arrest no one."""
    if event.sub_event_type == "Arrests" and kinds.get(event.actor1 or "") in _CIVILIAN_TARGETS \
            and kinds.get(event.actor2 or "") not in _CIVILIAN_TARGETS:
        return swapped(event)
    return event


def _crowd_side_first(event: Event, kinds: dict[str, str]) -> Event:
    """A protest with intervention whose roles put the intervening force first and the group that protested second
    ("Police arrested members of a youth movement who were protesting"): the crowd comes first, as the codebook
    lists it (Protesters (X), the group beside it), the force second. Civilians on the receiving side are left:
    a force that beats "people" may be no protest's."""
    if event.sub_event_type == "Protest with intervention" and kinds.get(event.actor1 or "") == "state_forces" \
            and kinds.get(event.actor2 or "") in _LEADERS:
        return swapped(event)
    return event


def _without_target(event: Event) -> Event:
    """A peaceful protest has no second party: the government, ministry or army it protests against is its
    target, which ACLED leaves out; only police, who act on a crowd ("interrupted by police"), stay."""
    if event.sub_event_type == "Peaceful protest" and event.actor2 and not event.actor2.startswith("Police Forces"):
        return replace(event, actor2=None, assoc_actor_2=())
    return event


def _one_side(event: Event) -> Event:
    """An actor stands on one side of an event: on both only when it is an unnamed group (clan against clan,
    rioters against rioters); else its second slot is left empty."""
    if event.actor1 and event.actor1 == event.actor2 and not both_sides_allowed(event.actor1):
        return replace(event, actor2=None, assoc_actor_2=())
    return event


def _unknown(code: str | None) -> ActorInfo:
    return generic_actor(UNIDENTIFIED_GROUP, "armed_group", code)


def _victims(event: Event, kinds: dict[str, str], code: str | None) -> dict[str, ActorInfo]:
    """Civilians (X) on the receiving side, unless the text names armed or civilian victims."""
    if event.actor2 is None or kinds.get(event.actor2) in _CIVILIAN_TARGETS - {"civilians"}:
        return {"actor2": generic_actor("Civilians", "civilians", code)}
    return {}


def _harmed(event: Event, kinds: dict[str, str], code: str | None) -> dict[str, ActorInfo]:
    """Violence against civilians: civilian victims, and when no one is named the police who held them (harm
    done in prison or custody) or else an unidentified armed group."""
    out = _victims(event, kinds, code)
    if event.actor1 is None:
        out["actor1"] = custodians(event.evidence or "", code) or _unknown(code)
    return out


def _crowd(event: Event, kinds: dict[str, str], code: str | None) -> dict[str, ActorInfo]:
    """A riot's or protest's crowd: Rioters (X) or Protesters (X) in place of civilians or of who leads it."""
    actor1 = event.actor1 or ""
    if event.event_type == "Riots" and (not actor1 or kinds.get(actor1) == "civilians" and actor1.startswith(
            "Civilians") or kinds.get(actor1) in _LEADERS):  # "UPND cadres smashed windows": Rioters, the party beside
        return {"actor1": generic_actor("Rioters", "civilians", code)}
    if (event.sub_event_type == "Protest with intervention" or event.event_type == "Riots") \
            and kinds.get(actor1) == "state_forces" and event.actor2 is None:
        # "Police dispersed them", "youths burnt tyres until police were sent in": the force is
        # actor2, the crowd the text leaves to a pronoun or a word of no crowd actor1 (in a riot the article's
        # protesters, if it has them, else rioters)
        crowd = generic_actor(_PROTESTERS, "civilians", code)
        if event.event_type == "Riots" and crowd.name not in kinds:
            crowd = generic_actor("Rioters", "civilians", code)
        return {"actor1": crowd, "actor2": ActorInfo(actor_key(actor1), actor1, "state_forces")}
    led = kinds.get(actor1) in _LEADERS
    out = {}
    if event.event_type == "Protests" and (not actor1 or actor1.startswith(("Civilians", UNIDENTIFIED_GROUP)) or led):
        # unnamed attackers in a protest's sentence are what it protests ("outside the alleged attackers' shop")
        out["actor1"] = generic_actor("Protesters", "civilians", code)
    if event.sub_event_type == "Protest with intervention" and event.actor2 is None:
        # the codebook's intervention is the state's: dispersed, tear-gassed or detained by its police
        out["actor2"] = _police(code)
    return out


def _police(code: str | None) -> ActorInfo:
    return (state_actor(code, "Police") if code else None) or generic_actor("Police Forces", "state_forces", None)


def _with(event: Event, changed: dict[str, ActorInfo]) -> Event:
    """The event with the implied actors in their slots; a party or person they replace stays an associate."""
    if not changed:
        return event
    assoc1, assoc2 = event.assoc_actor_1, event.assoc_actor_2
    if "actor1" in changed and event.actor1 is not None \
            and not event.actor1.startswith(("Civilians", _PROTESTERS, UNIDENTIFIED_GROUP)):
        assoc1 = tuple(dict.fromkeys((*assoc1, event.actor1)))
    if "actor2" in changed and event.actor2 is not None:
        assoc2 = tuple(dict.fromkeys((*assoc2, event.actor2)))
    actor1 = changed["actor1"].name if "actor1" in changed else event.actor1
    actor2 = changed["actor2"].name if "actor2" in changed else event.actor2
    parties = {actor1, actor2}
    return replace(event, actor1=actor1, actor2=actor2, assoc_actor_1=tuple(a for a in assoc1 if a not in parties),
                   assoc_actor_2=tuple(a for a in assoc2 if a not in parties))

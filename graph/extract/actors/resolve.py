"""Descriptors resolved to ACLED's actors: a class of descriptor ("police", "rebels", "protesters") in a
country becomes the state's forces, a named group of the article or a generic actor.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.actors import lexicon
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo, MentionBuilder, generic_actor, government_actor, state_actor
from graph.extract.parse.columns import tokens_text
from graph.state_forces import state_forces_name

__all__ = ["STATE_CLASSES", "NATIONALS", "REGIONAL", "UNIDENTIFIED_GROUP", "named_country", "regional_force",
           "resolve_descriptor"]

STATE_CLASSES = frozenset(["state", "police"])
REGIONAL = "regional"  # tag of a region's own forces ("Puntland forces"), no unit of its federal state's
UNIDENTIFIED_GROUP = "Unidentified Armed Group"  # ACLED's name of unknown attackers; "... (Country)" after it
NATIONALS = "nationals"  # tag of people whose own words give their country ("two Kenyan drivers", "20 Palestinians")
_GENERIC_NAMES = {
    "civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters",
    "unidentified": UNIDENTIFIED_GROUP, "clan": "Unidentified Clan Militia",
    "communal": "Unidentified Communal Militia", "vigilante": "Vigilante Militia",
}
_GENERIC_KINDS = {"civilians": "civilians", "protesters": "civilians",
                  "rioters": "civilians", "unidentified": "armed_group", "clan": "militia", "communal": "militia",
                  "vigilante": "militia"}


def named_country(doc: Doc, end: int, names: dict[str, str]) -> tuple[str, int] | None:
    """(country code, first token) of a country's name or adjective that ends at token ``end``, two words
    before one ("South Sudanese" is not "Sudanese")."""
    if end > 0 and f"{doc[end - 1].text} {doc[end].text}" in names:
        return names[f"{doc[end - 1].text} {doc[end].text}"], end - 1
    return (names[doc[end].text], end) if doc[end].text in names else None


def regional_force(doc: Doc, first: int, start: int, cls: str) -> ActorInfo | None:
    """The forces of a region with forces of its own, named before a state descriptor from ``first`` to ``start``
    ("Puntland forces", "Somaliland police"): ACLED codes them apart from the federal state's forces."""
    if cls not in STATE_CLASSES or first == start:
        return None
    words = f" {tokens_text(doc, first, start)} "
    found = next((row for written, row in lexicon.regional_forces().items() if f" {written} " in words), None)
    if found is None:
        return None
    region, country = found
    branch = "Police" if cls == "police" else "Military"
    name = state_forces_name(branch, region)
    tags = frozenset([REGIONAL, "police"]) if branch == "Police" else frozenset([REGIONAL])
    return ActorInfo(actor_key(name), name, "state_forces", country, tags)


def resolve_descriptor(builder: MentionBuilder, cls: str, place: str | None, qualified: bool,
                       stated: bool = False) -> ActorInfo | None:
    """The actor a class of descriptor stands for in country ``place`` ("police" in Kenya: Police Forces of Kenya);
    ``stated``: ``place`` is the nationality the people's own noun phrase gives them, not where they are."""
    table = builder.table
    if cls in STATE_CLASSES:
        branch = "Police" if cls == "police" else "Military"
        if place is None:  # the text names no country: ACLED's category alone beats a guessed country
            return ActorInfo(actor_key(f"{branch} Forces"), f"{branch} Forces", "state_forces")
        return state_actor(place, branch)
    if cls == "government":  # "the Ethiopian government": the state as a body, not its forces
        return government_actor(place) if place else None
    if cls in {"jihadist", "rebels", "militia", "monitor", "state_media"}:
        present = [info for info in table.actors.values() if _fits(info, cls, place)]
        if present:
            # the group the dictionary calls rebels, else the one the article names most
            return max(present, key=lambda info: ("rebel" in info.tags, builder.count(info.key)))
        if cls in {"rebels", "militia"} or (cls == "jihadist" and not qualified):
            cls = "unidentified"  # ACLED has no category of rebels or militias: unnamed ones are an unidentified group
        else:
            return None
    info = generic_actor(_GENERIC_NAMES[cls], _GENERIC_KINDS[cls], place)
    return replace(info, tags=frozenset([NATIONALS])) if stated and info.country else info


def _fits(info: ActorInfo, cls: str, country: str | None) -> bool:
    """Whether an actor of the article is the one a descriptor class (jihadist, rebels, monitor, state media) means."""
    if cls == "jihadist":
        return "jihadist" in info.tags
    if cls == "rebels":  # "the rebels" of an article that names an armed group are that group
        return info.kind == "armed_group" and not info.name.startswith(tuple(_GENERIC_NAMES.values()))
    if cls == "militia":  # "the militiamen" of an article that names a militia or an armed group are its men
        return info.kind in {"armed_group", "militia"} and not info.name.startswith(tuple(_GENERIC_NAMES.values()))
    if cls == "monitor":
        return info.kind == "monitor"
    return "state_media" in info.tags and (country is None or info.country == country)

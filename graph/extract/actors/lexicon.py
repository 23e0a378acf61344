"""Loads the actor data files of ``graph/data/actors/``: named actors, descriptors, communities."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType

from graph.datafiles import read_rows
from graph.extract.countries import countries
from graph.records import slugify
from graph.state_forces import state_forces_name

__all__ = ["Entry", "dictionary", "descriptors", "communities", "regional_forces", "protest_words", "actor_key"]


def actor_key(name: str) -> str:
    """Return the stable id of an actor name ("Islamic State" -> "actor/islamic-state")."""
    return f"actor/{slugify(name)}"


@dataclass(frozen=True)
class Entry:
    """One named actor of the dictionary."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    tags: frozenset[str]
    relations: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        """The actor id."""
        return actor_key(self.name)



def _rows(name: str) -> list[dict[str, str]]:
    return read_rows("actors", name)


def _split(text: str | None, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(sep) if part.strip())


def _relation(item: str) -> tuple[str, str]:
    """"part_of:Islamic State" -> ("part_of", "Islamic State")."""
    relation, _, obj = item.partition(":")
    return relation, obj


@cache
def dictionary() -> dict[str, Entry]:
    """Return the named actors of ``actors.tsv`` by actor id."""
    entries = {}
    for row in _rows("actors.tsv"):
        relations = tuple(_relation(item) for item in _split(row["relations"]))
        entry = Entry(
            name=row["name"],
            kind=row["kind"],
            country=row["country"] or None,
            aliases=_split(row["aliases"]),
            context_aliases=_split(row["context_aliases"]),
            tags=frozenset(_split(row["tags"], ",")),
            relations=relations,
        )
        entries[entry.key] = entry
    for entry in _state_forces():
        known = entries.get(entry.key)
        entries[entry.key] = entry if known is None else replace(known, aliases=known.aliases + entry.aliases)
    return entries


def _state_forces() -> list[Entry]:
    """The state forces of ``state_forces.tsv``, each named the ACLED way ("Military Forces of Kenya")."""
    out = []
    for row in _rows("state_forces.tsv"):
        name = state_forces_name(row["branch"], countries().by_code[row["country"]].name)
        tags = frozenset(["police"]) if row["branch"] == "Police" else frozenset()
        out.append(Entry(name, "state_forces", row["country"], _split(row["aliases"]), (), tags, ()))
    return out



@cache
def descriptors() -> Mapping[tuple[str, ...], tuple[str, bool]]:
    """Return descriptor word sequences (lower case, split like spaCy) -> (class, usable bare), read-only."""
    table = {}
    for row in _rows("descriptors.tsv"):
        words = tuple(row["word"].replace("-", " - ").split())
        table[words] = (row["class"], row["bare"] == "yes")
    return MappingProxyType(table)


@cache
def communities() -> frozenset[str]:
    """Return the ethnic and religious group names of ``communities.tsv``."""
    return frozenset(row["name"] for row in _rows("communities.tsv"))


@cache
def regional_forces() -> Mapping[str, tuple[str, str]]:
    """Return the regions with forces of their own (``regional_forces.tsv``): the region as written -> (its name in
    ACLED's actor name, country code), read-only."""
    return MappingProxyType({row["region"]: (row["name"], row["country"]) for row in _rows("regional_forces.tsv")})


@cache
def protest_words() -> frozenset[str]:
    """Return the lemmas that name a protest or its crowd ("march", "rally", "demonstrator"): the protest verbs
    and the crowd nouns of ``crowd_verbs.tsv``, and the one-word descriptors of protesters and rioters."""
    crowd = {row["lemma"] for row in _rows("crowd_verbs.tsv") if row["category"] == "protest" or row["form"] == "noun"}
    people = {words[0] for words, (cls, _) in descriptors().items()
              if len(words) == 1 and cls in {"protesters", "rioters"}}
    return frozenset(crowd | people)

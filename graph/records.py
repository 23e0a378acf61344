"""Typed records passed from extraction to the graph builder.

Every stage of ``graph/`` speaks these frozen dataclasses; only the CLI and the
HTTP boundary turn them into JSON (the contract in ``docs/extraction_schema.md``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Article",
    "Mention",
    "Actor",
    "Location",
    "Evidence",
    "Event",
    "Relation",
    "Extraction",
    "slugify",
]


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)  # a batch slugs the same names and ids again and again (every IRI it mints)
def slugify(text: str) -> str:
    """Turn a name into a stable, ASCII, lower-case id fragment ("Dar'a" -> "dara")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("'", "").replace("\u2019", "")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-") or "unnamed"


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class Article:
    """One source document: its text and what is known about where it came from."""

    id: str
    text: str
    published: dt.date | None = None  # checked where the article is read (graph.sources.parse_published)
    title: str | None = None
    source: str | None = None  # publisher, e.g. "The New Arab"
    path: str | None = None  # file path or URL it was read from
    published_from: str | None = None  # how a date not given was read from the text: "date line", "dateline"
    author: str | None = None  # byline, when the page or batch names one

    def __post_init__(self) -> None:
        """Refuse a date that was not parsed where the article was read (a string here is a bug, not input)."""
        if self.published is not None and not isinstance(self.published, dt.date):
            raise TypeError(f"Article.published must be a datetime.date or None, got {self.published!r} "
                            "(read dates with graph.sources.parse_published)")


@dataclass(frozen=True)
class Mention:
    """A span of the article's text that names an entity."""

    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Actor:
    """A canonical actor of one article, with every alias and mention seen."""

    id: str  # "actor/<slug>"
    name: str
    kind: str  # state_forces, armed_group, militia, civilians, person, monitor, media, organization, government
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2 when the actor belongs to a state
    inter: int | None = None  # ACLED interaction code: 1 state forces ... 7 civilians, 8 external/other forces


@dataclass(frozen=True)
class Location:
    """A geocoded place of one article."""

    id: str  # "place/<slug>" or "place/geonames-<id>"
    name: str
    kind: str  # country, governorate, district, city, town, village, camp, region
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    precision: int | None = None  # ACLED geo-precision 1 (town) .. 3 (region)
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """One more sentence that tells an event read from several, with the figures that sentence gives itself."""

    text: str
    start: int
    end: int
    fatalities: int | None = None
    date: str | None = None
    date_precision: str | None = None
    confidence: float | None = None  # of the event read from that sentence; None for a sentence that only counts


@dataclass(frozen=True)
class Event:
    """An ACLED-typed event read from one sentence, with its participants and evidence."""

    id: str  # "event/<document id>-<start>"
    event_type: str
    sub_event_type: str
    actor1: str | None = None  # canonical actor name
    actor2: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    location: str | None = None  # canonical location name
    date: str | None = None  # ISO 8601 at date_precision: 2018-07-31, 2018-07, 2018
    date_precision: str | None = None  # day, week, month, year
    fatalities: int | None = None
    quantity: int | None = None  # counts that are not deaths: hostages, evacuees
    confidence: float = 0.5
    evidence: str = ""  # the sentence, verbatim
    start: int = 0  # character offsets of the evidence in the article text
    end: int = 0
    reported_by: tuple[str, ...] = ()  # monitors, agencies, people quoted as sources
    cameo: str | None = None  # CAMEO root code, e.g. "19"
    plover: str | None = None  # PLOVER event type, e.g. "ASSAULT"
    more_evidence: tuple[Evidence, ...] = ()  # the incident's other mentions in the article (lede, update, quote)


@dataclass(frozen=True)
class Relation:
    """An affiliation between two actors: part_of, member_of, affiliated_with, supports, leads."""

    subject: str
    relation: str
    object: str
    evidence: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    document: Article
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the extraction as the JSON object of the extraction contract (lists, not tuples)."""
        return _as_json(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an extraction from the JSON object written by :meth:`to_json`."""

        def build(record_type: type, item: dict[str, Any]) -> Any:
            names = {f.name for f in dataclasses.fields(record_type)}
            values = {k: v for k, v in item.items() if k in names}
            for key, value in values.items():
                if isinstance(value, list):
                    if key == "mentions":
                        value = [Mention(**m) for m in value]
                    elif key == "more_evidence":
                        value = [Evidence(**m) for m in value]
                    values[key] = tuple(value)
            if record_type is Article and values.get("published") is not None:
                values["published"] = dt.date.fromisoformat(values["published"])  # written by to_json
            return record_type(**values)

        return cls(
            document=build(Article, data["document"]),
            actors=tuple(build(Actor, a) for a in data.get("actors", ())),
            locations=tuple(build(Location, p) for p in data.get("locations", ())),
            events=tuple(build(Event, e) for e in data.get("events", ())),
            relations=tuple(build(Relation, r) for r in data.get("relations", ())),
        )


"""Offline gazetteer: looks place names up in the compiled index of ``graph/data/places``.

Names are matched on a normalised key (case, accents, apostrophes and hyphens ignored), with a
second, looser key that also drops a leading article ("al-", "as-", "ash-", "the"...); the keys are
made in :mod:`.names`. The TSV data files are the source of truth; :mod:`.index`
compiles them on first use into an SQLite index in a cache folder (rebuilt whenever a data file
changes), so later processes open it in milliseconds instead of parsing 100k rows.
"""

from __future__ import annotations

import functools
import threading
from difflib import SequenceMatcher
from pathlib import Path

from graph.datafiles import DATA as DATA_ROOT
from graph.extract.places.index import COLUMNS, DATA_FILES, Place, open_index, read_tsv
from graph.extract.places.names import display_name, joined, normalise, skeleton, strip_article

__all__ = [
    "Place",
    "Gazetteer",
    "get_gazetteer",
    "normalise",
    "strip_article",
    "skeleton",
    "joined",
    "display_name",
    "read_tsv",
    "DATA_DIR",
    "DATA_FILES",
]

DATA_DIR = DATA_ROOT / "places"
FUZZY_RATIO = 0.6  # how alike (difflib's ratio) a transliteration variant must be to the place's name
_VOWELS = frozenset("aeiou")
SHORT_NAME = 4  # letters up to which a name finds only places of that very name, not those it is another name of


def _alike(key: str, other: str, ratio: float = FUZZY_RATIO) -> bool:
    """Whether two names are spellings of one: much alike, and ending in the same vowel when both end in one
    ("Shashamene" ~ "Shashamane", but "Kangemi" is another place than "Kangema", "Wumbi" than "Wamba")."""
    if key[-1:] in _VOWELS and other[-1:] in _VOWELS and key[-1] != other[-1]:
        return False
    return SequenceMatcher(None, key, other).ratio() >= ratio


def _spelt_alike(own: str, key: str) -> bool:
    """Whether a short key spells a place's own name, blind to its vowels inside but not to its last letter (a
    silent final h aside): "Gaw" for "Gao"? no; "Bor" for "Bor"; "Boni" (an other name of Bonn) is not "Bonn"."""
    own, key = strip_article(own), strip_article(key)
    return skeleton(own) == skeleton(key) and own.rstrip("h")[-1:] == key.rstrip("h")[-1:]


def _rank(places) -> list[Place]:
    """Curated first, then broad kinds, then population; a curated entry hides its GeoNames twin."""
    places = list(places)
    twins = {p.geonames_id for p in places if p.curated and p.geonames_id}
    places = [p for p in places if p.curated or p.geonames_id not in twins]
    return sorted(places, key=lambda p: (not p.curated, p.rank, -p.population))


class Gazetteer:
    """Looks place names up in the compiled index; use :func:`get_gazetteer` to share one."""

    def __init__(self, data_dir: Path = DATA_DIR):
        """Open (compiling on first use) the index of the data files in ``data_dir``."""
        self._db = open_index(data_dir)
        self._data_dir = data_dir
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Place, ...]] = {}  # kept as tuples: no caller can change a kept answer
        self._by_id: dict[str, Place | None] = {}

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def lookup(self, name: str) -> list[Place]:
        """Return every place called ``name`` (exact key, else without article, else blind to word breaks),
        curated and broad kinds first.

        A short name ("Tur") finds a town only by the town's own name, not by one of its many other names.
        """
        key = normalise(name)
        if key in self._cache:
            return list(self._cache[key])
        cols = ", ".join(f"p.{c}" for c in COLUMNS)
        sql = f"SELECT {cols} FROM keys k JOIN places p ON p.n = k.place WHERE k.key = ? AND k.loose = ?"
        rows = self._query(sql, (key, 0)) if key else []
        if not rows and key:
            rows = self._query(sql, (strip_article(key), 1))
        if not rows and len(joined(key)) > SHORT_NAME + 2:  # "Qansaxdheere" for "Qansax Dheere"
            rows = self._query(sql, (joined(key), 3))
        places = _rank(Place(*r) for r in rows)
        if len(key.replace(" ", "")) <= SHORT_NAME:  # "Tur" is one of the other names of Tours, not a name of its own
            places = [p for p in places if p.curated or p.rank < 3 or _spelt_alike(normalise(p.name), key)]
        if len(self._cache) < 100_000:
            self._cache[key] = tuple(places)
        return places

    def lookup_fuzzy(self, name: str, countries: set[str], ratio: float = FUZZY_RATIO) -> list[Place]:
        """Return places in ``countries`` whose consonant skeleton equals the name's ("Shajara" ~ "Shajarah") and
        whose name is spelt much alike (difflib's ``ratio`` at least)."""
        key = skeleton(normalise(name))
        if len(key.replace(" ", "")) < 3 or not countries:
            return []
        cols = ", ".join(f"p.{c}" for c in COLUMNS)
        marks = ", ".join("?" * len(countries))
        sql = (
            f"SELECT {cols} FROM keys k JOIN places p ON p.n = k.place"
            f" WHERE k.key = ? AND k.loose = 2 AND p.country IN ({marks})"
        )
        own = strip_article(normalise(name))  # "Kienge" shares the skeleton "kng" with "Kananga", but little else
        found = (Place(*r) for r in self._query(sql, (key, *sorted(countries))))
        return _rank(p for p in found if _alike(own, strip_article(normalise(p.name)), ratio))

    def admin1_by_prefix(self, name: str, countries: set[str]) -> list[Place]:
        """Admin1 units of ``countries`` whose name starts with ``name`` ("Kherson" -> "Khersonska oblast")."""
        if len(name) < 4 or not countries:
            return []
        marks = ", ".join("?" * len(countries))
        sql = (
            f"SELECT {', '.join(COLUMNS)} FROM places WHERE kind = 'governorate'"
            f" AND name LIKE ? ESCAPE '\\' AND country IN ({marks})"
        )
        pattern = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return _rank(Place(*r) for r in self._query(sql, (pattern, *sorted(countries))))

    @functools.cached_property
    def trusted_names(self) -> frozenset[str]:
        """Exact spellings of countries, admin1 units and hand-curated places (case-sensitive)."""
        rows = self._query(
            "SELECT n.name FROM names n JOIN places p ON p.n = n.place"
            " WHERE p.curated = 1 OR p.kind IN ('country', 'governorate')"
        )
        return frozenset(r[0] for r in rows)

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id, or None (kept, as places are immutable and the index is read-only)."""
        if place_id in self._by_id:
            return self._by_id[place_id]
        rows = self._query(f"SELECT {', '.join(COLUMNS)} FROM places WHERE id = ?", (place_id,))
        place = Place(*rows[0]) if rows else None
        if len(self._by_id) < 100_000:
            self._by_id[place_id] = place
        return place

    @functools.cached_property
    def countries(self) -> dict[str, Place]:
        """Every country entry by ISO 3166-1 alpha-2 code."""
        rows = self._query(f"SELECT {', '.join(COLUMNS)} FROM places WHERE kind = 'country'")
        return {p.country: p for p in (Place(*r) for r in rows) if p.country}

    @functools.cached_property
    def demonyms(self) -> dict[str, str]:
        """Normalised demonym -> ISO2 ("syrian" -> "SY"), to read a text's countries from its adjectives."""
        return dict(self._query("SELECT key, country FROM demonyms"))

    @functools.cached_property
    def world_regions(self) -> frozenset[str]:
        """Normalised names of continents and world regions (``world_regions.tsv``): scopes, never places."""
        return frozenset(normalise(row["name"]) for row in read_tsv(self._data_dir / "world_regions.tsv"))

    @functools.cached_property
    def neighbours(self) -> dict[str, frozenset[str]]:
        """ISO2 -> the ISO2 codes of the countries bordering it (``neighbours.tsv``, read on first use)."""
        rows = read_tsv(self._data_dir / "neighbours.tsv")
        return {row["iso2"]: frozenset(code for code in row["neighbours"].split(",") if code) for row in rows}

    def bordering(self, countries) -> frozenset[str]:
        """The countries bordering any of ``countries`` and not among them."""
        near = frozenset().union(*(self.neighbours.get(code, frozenset()) for code in countries))
        return near - set(countries)

    def namesake_countries(self, name: str) -> frozenset[str]:
        """The countries of the places whose own name ``name`` spells (not one of their other names)."""
        return self._namesake_countries(normalise(name))

    # asked for every place of every article; the gazetteer is one per process (get_gazetteer), kept alive anyway
    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019
    def _namesake_countries(self, key: str) -> frozenset[str]:
        own = skeleton(strip_article(key))
        return frozenset(p.country for p in self.lookup(key)
                         if p.country and skeleton(strip_article(normalise(p.name))) == own)

    def local_areas(self, country: str, key: str) -> list[tuple[str, str | None, float, float]]:
        """(name, admin1, lat, lon) of the local admin areas of ``country`` (areas.tsv) with this normalised key."""
        return self._query("SELECT name, admin1, lat, lon FROM areas WHERE country = ? AND key = ?", (country, key))

    def areas_anywhere(self, key: str) -> list[tuple[str, str, str | None, float, float]]:
        """(country, name, admin1, lat, lon) of the local admin areas of every country with this normalised key."""
        return self._query("SELECT country, name, admin1, lat, lon FROM areas WHERE key = ?", (key,))

    def areas_ending(self, key: str) -> list[tuple[str, str, str | None, float, float]]:
        """:meth:`areas_anywhere` for the areas whose key is ``key`` after words of their own: "kwahu afram plains
        south" for "afram plains south" (a scan: only for a name of several words that no list has)."""
        return self._query("SELECT country, name, admin1, lat, lon FROM areas WHERE key LIKE ?", ("% " + key,))

    def area_points(self, country: str) -> list[tuple[float, float]]:
        """(lat, lon) of every local admin area of ``country`` (areas.tsv): where its settled land lies."""
        return self._query("SELECT DISTINCT lat, lon FROM areas WHERE country = ?", (country,))

    def named(self, where: str, params: tuple = ()) -> list[tuple[Place, str]]:
        """Return (place, display name) pairs for places matching an SQL condition on the places table."""
        cols = ", ".join(f"p.{c}" for c in COLUMNS)
        rows = self._query(f"SELECT {cols}, n.name FROM places p JOIN names n ON n.place = p.n WHERE {where}", params)
        return [(Place(*r[:-1]), r[-1]) for r in rows]


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, opening the index on first use."""
    return Gazetteer()

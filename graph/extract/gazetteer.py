"""Offline gazetteer: the place files of ``graph/data/places`` behind a fast name index.

Names are matched on a normalised key (case, accents, apostrophes and hyphens ignored), with a
second, looser key that also drops a leading article ("al-", "as-", "ash-", "the"...). The TSV data
files are the source of truth; the first use on a machine compiles them into an SQLite index in a
cache folder (``$XDG_CACHE_HOME/conflictkg``, else ``~/.cache/conflictkg``; rebuilt whenever a data
file changes), so later processes open it in milliseconds instead of parsing 100k rows.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from graph.records import slugify

__all__ = [
    "Place",
    "Gazetteer",
    "get_gazetteer",
    "normalise",
    "strip_article",
    "skeleton",
    "display_name",
    "DATA_DIR",
    "DATA_FILES",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
DATA_FILES = ("countries.tsv", "admin1.tsv", "cities.tsv", "regions.tsv", "aliases.tsv")
_SCHEMA_VERSION = "3"

_ARTICLES = frozenset(["al", "el", "ad", "ag", "an", "ar", "as", "ash", "at", "az", "ath", "adh", "the"])
_QUOTES = re.compile(r"['`\u2019\u2018\u02bb\u02bc\u02bf\u02be\u00b4]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Return the matching key of a name: ASCII, lower case, no apostrophes, words split by one space."""
    if name.isascii():
        text = name.lower().replace("'", "").replace("`", "")
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _QUOTES.sub("", text.lower())
    return _NON_WORD.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """Drop one leading article ("al ", "as ", "the "...) from a normalised key."""
    head, _, rest = key.partition(" ")
    if head in _ARTICLES and len(rest) > 2:
        return rest
    return key


_VOWELS = re.compile(r"[aeiouy]+")
_TRAILING_H = re.compile(r"(?<=[aeiou])h\b")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A transliteration-blind key: no article, consonants only, q as k, no doubled letters.

    "al shajara" and "ash shajarah" both give "shjr"; "sweida" and "suwayda" both give "swd".
    Too coarse to trust alone: callers use it only inside countries the text already names.
    """
    text = _TRAILING_H.sub("", strip_article(key)).replace("q", "k").replace("ou", "u")
    words = [w[0] + _VOWELS.sub("", w[1:]) if w else w for w in text.split()]
    return _DOUBLE.sub(r"\1", " ".join(words))


def display_name(name: str) -> str:
    """Fold scholarly transliteration marks that news text never uses: "Dar\u2018\u0101" -> "Dar'a"."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    text = _QUOTES.sub("'", name)
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, admin1 unit, populated place, region or camp."""

    id: str
    name: str
    kind: str  # country, governorate, city, town, village, camp, region
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0
    precision: int = 1  # ACLED geo-precision
    curated: bool = False  # named in a hand-written file (regions, aliases)

    @property
    def rank(self) -> int:
        """Broad kinds first when names tie: country 0, admin1 1, region 2, camp/populated place 3."""
        return {"country": 0, "governorate": 1, "region": 2}.get(self.kind, 3)


_COLUMNS = tuple(f.name for f in fields(Place))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a data file: '#' header lines naming the source, a column line, then tab-separated rows."""
    rows: list[dict[str, str]] = []
    with open(path, encoding="utf-8") as f:
        columns: list[str] | None = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if columns is None:
                columns = cells
                continue
            rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True)))
    return rows


def _split(cell: str) -> list[str]:
    return [a for a in cell.split("|") if a]


def _town_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 1000 or population == 0:
        return "town"
    return "village"


class _Compiler:
    """Reads the TSV files into places, names and keys; writes them to an SQLite index."""

    def __init__(self, data_dir: Path):
        self.places: list[Place] = []
        self.position: dict[str, int] = {}
        self.names: list[tuple[int, str]] = []  # (place, display name) for ruler patterns
        self.keys: dict[tuple[str, int], set[int]] = {}  # (key, loose) -> places
        self.demonyms: dict[str, str] = {}
        self._read(data_dir)

    def add(self, place: Place, names: list[str], keys: list[str] = ()) -> int:
        index = self.position.get(place.id)
        if index is None:
            index = self.position[place.id] = len(self.places)
            self.places.append(place)
        self.names.extend((index, n) for n in names)
        for key in [*map(normalise, names), *keys]:
            if key:
                self.keys.setdefault((key, 0), set()).add(index)
                self.keys.setdefault((strip_article(key), 1), set()).add(index)
                self.keys.setdefault((skeleton(key), 2), set()).add(index)
        return index

    def _read(self, data_dir: Path) -> None:
        for row in read_tsv(data_dir / "countries.tsv"):
            self.add(
                Place(
                    f"place/{slugify(row['name'])}",
                    row["name"],
                    "country",
                    row["iso2"],
                    float(row["lat"]),
                    float(row["lon"]),
                    None,
                    int(row["geonames_id"]) if row["geonames_id"] else None,
                    int(row["population"] or 0),
                    3,
                ),
                [row["name"], *_split(row["aliases"])],
            )
            for demonym in _split(row["demonym"].replace(",", "|")):
                self.demonyms.setdefault(normalise(demonym), row["iso2"])
        for row in read_tsv(data_dir / "admin1.tsv"):
            self.add(
                Place(
                    f"place/{slugify(row['name'])}-{row['code'].lower()}",
                    row["name"],
                    "governorate",
                    row["country"],
                    float(row["lat"]),
                    float(row["lon"]),
                    row["name"],
                    None,
                    int(row["population"] or 0),
                    3,
                ),
                [row["name"], *_split(row["aliases"])],
            )
        for row in read_tsv(data_dir / "cities.tsv"):
            population = int(row["population"] or 0)
            self.add(
                Place(
                    f"place/geonames-{row['geonames_id']}",
                    display_name(row["name"]),
                    _town_kind(population),
                    row["country"],
                    float(row["lat"]),
                    float(row["lon"]),
                    row["admin1"] or None,
                    int(row["geonames_id"]),
                    population,
                    1,
                ),
                list(dict.fromkeys([display_name(row["name"]), row["name"]])),
                _split(row["keys"]),
            )
        for row in read_tsv(data_dir / "regions.tsv"):
            self.add(
                Place(
                    f"place/{row['id']}",
                    row["name"],
                    row["kind"],
                    row["country"] or None,
                    float(row["lat"]),
                    float(row["lon"]),
                    row["admin1"] or None,
                    int(row["geonames_id"]) if row["geonames_id"] else None,
                    int(row["population"] or 0),
                    int(row["precision"]),
                    True,
                ),
                [row["name"], *_split(row["aliases"])],
            )
        for row in read_tsv(data_dir / "aliases.tsv"):
            targets = self._alias_targets(row["target"], row["country"] or None, row["kind"] or None)
            if not targets:
                raise ValueError(f"aliases.tsv: alias {row['alias']!r} names unknown place {row['target']!r}")
            for index in targets:
                place = self.places[index]
                if not place.curated:
                    self.places[index] = Place(*astuple(place)[:-1], True)
                self.add(self.places[index], [row["alias"]])

    def _alias_targets(self, name: str, country: str | None, kind: str | None) -> list[int]:
        if name.startswith("place/"):
            return [self.position[name]] if name in self.position else []
        key = normalise(name)
        found = self.keys.get((key, 0), set()) | self.keys.get((strip_article(key), 1), set())
        places = sorted(
            (i for i in found if country is None or self.places[i].country == country),
            key=lambda i: -self.places[i].population,
        )
        best: dict[str, int] = {}
        for i in places:
            place = self.places[i]
            group = "populated" if place.rank == 3 else place.kind
            if kind is None or group == ("populated" if kind == "city" else kind):
                best.setdefault(group, i)
        return list(best.values())

    def write(self, path: Path) -> None:
        db = sqlite3.connect(path)
        with db:
            db.execute(f"CREATE TABLE places (n INTEGER PRIMARY KEY, {', '.join(_COLUMNS)})")
            db.execute("CREATE TABLE keys (key TEXT, loose INTEGER, place INTEGER)")
            db.execute("CREATE TABLE names (place INTEGER, name TEXT)")
            db.execute("CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT)")
            db.executemany(
                f"INSERT INTO places VALUES (?{', ?' * len(_COLUMNS)})",
                ((i, *astuple(p)) for i, p in enumerate(self.places)),
            )
            db.executemany(
                "INSERT INTO keys VALUES (?, ?, ?)",
                ((k, loose, i) for (k, loose), found in self.keys.items() for i in found),
            )
            db.executemany("INSERT INTO names VALUES (?, ?)", dict.fromkeys(self.names))
            db.executemany("INSERT INTO demonyms VALUES (?, ?)", self.demonyms.items())
            db.execute("CREATE INDEX keys_key ON keys (key, loose)")
            db.execute("CREATE INDEX places_id ON places (id)")
        db.close()


def _fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256(_SCHEMA_VERSION.encode())
    for name in DATA_FILES:
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()[:16]


def _rank(places) -> list[Place]:
    """Curated first, then broad kinds, then population; a curated entry hides its GeoNames twin."""
    places = list(places)
    twins = {p.geonames_id for p in places if p.curated and p.geonames_id}
    places = [p for p in places if p.curated or p.geonames_id not in twins]
    return sorted(places, key=lambda p: (not p.curated, p.rank, -p.population))


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "conflictkg"


def _open_index(data_dir: Path) -> sqlite3.Connection:
    """Open the compiled index of ``data_dir``, compiling it first when missing or stale."""
    path = _cache_dir() / f"places-{_fingerprint(data_dir)}.sqlite"
    if not path.exists():
        compiler = _Compiler(data_dir)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            os.close(fd)
            compiler.write(Path(tmp))
            os.replace(tmp, path)  # atomic: parallel processes never see a half-written index
            _prune(path.parent, keep=path)
        except OSError:  # read-only home: keep the index in memory for this process
            db = sqlite3.connect(":memory:", check_same_thread=False)
            with tempfile.TemporaryDirectory() as scratch:
                compiler.write(Path(scratch) / "index.sqlite")
                sqlite3.connect(Path(scratch) / "index.sqlite").backup(db)
            return db
    with contextlib.suppress(OSError):
        os.utime(path)  # mark as recently used, so pruning keeps it
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _prune(folder: Path, keep: Path, spare: int = 3) -> None:
    """Delete all but the ``spare`` most recently used indexes (old data versions, test copies)."""
    indexes = sorted(folder.glob("places-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in indexes if p != keep][spare - 1 :]:
        with contextlib.suppress(OSError):  # an open index stays readable after unlinking on POSIX
            old.unlink()


class Gazetteer:
    """Looks place names up in the compiled index; use :func:`get_gazetteer` to share one."""

    def __init__(self, data_dir: Path = DATA_DIR):
        """Open (compiling on first use) the index of the data files in ``data_dir``."""
        self._db = _open_index(data_dir)
        self._lock = threading.Lock()
        self._cache: dict[str, list[Place]] = {}

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def lookup(self, name: str) -> list[Place]:
        """Return every place called ``name`` (exact key, else without article), curated and broad kinds first."""
        key = normalise(name)
        if key in self._cache:
            return self._cache[key]
        cols = ", ".join(f"p.{c}" for c in _COLUMNS)
        sql = f"SELECT {cols} FROM keys k JOIN places p ON p.n = k.place WHERE k.key = ? AND k.loose = ?"
        rows = self._query(sql, (key, 0)) if key else []
        if not rows and key:
            rows = self._query(sql, (strip_article(key), 1))
        places = _rank(Place(*r) for r in rows)
        if len(self._cache) < 100_000:
            self._cache[key] = places
        return places

    def lookup_fuzzy(self, name: str, countries: set[str]) -> list[Place]:
        """Return places in ``countries`` whose consonant skeleton equals the name's ("Shajara" ~ "Shajarah")."""
        key = skeleton(normalise(name))
        if len(key.replace(" ", "")) < 3 or not countries:
            return []
        cols = ", ".join(f"p.{c}" for c in _COLUMNS)
        marks = ", ".join("?" * len(countries))
        sql = (
            f"SELECT {cols} FROM keys k JOIN places p ON p.n = k.place"
            f" WHERE k.key = ? AND k.loose = 2 AND p.country IN ({marks})"
        )
        return _rank(Place(*r) for r in self._query(sql, (key, *sorted(countries))))

    def admin1_by_prefix(self, name: str, countries: set[str]) -> list[Place]:
        """Admin1 units of ``countries`` whose name starts with ``name`` ("Kherson" -> "Khersonska oblast")."""
        if len(name) < 4 or not countries:
            return []
        marks = ", ".join("?" * len(countries))
        sql = (
            f"SELECT {', '.join(_COLUMNS)} FROM places WHERE kind = 'governorate'"
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
        """Return the place with this id, or None."""
        rows = self._query(f"SELECT {', '.join(_COLUMNS)} FROM places WHERE id = ?", (place_id,))
        return Place(*rows[0]) if rows else None

    @functools.cached_property
    def countries(self) -> dict[str, Place]:
        """Every country entry by ISO 3166-1 alpha-2 code."""
        rows = self._query(f"SELECT {', '.join(_COLUMNS)} FROM places WHERE kind = 'country'")
        return {p.country: p for p in (Place(*r) for r in rows)}

    @functools.cached_property
    def demonyms(self) -> dict[str, str]:
        """Normalised demonym -> ISO2 ("syrian" -> "SY"), to read a text's countries from its adjectives."""
        return dict(self._query("SELECT key, country FROM demonyms"))

    def named(self, where: str, params: tuple = ()) -> list[tuple[Place, str]]:
        """Return (place, display name) pairs for places matching an SQL condition on the places table."""
        cols = ", ".join(f"p.{c}" for c in _COLUMNS)
        rows = self._query(f"SELECT {cols}, n.name FROM places p JOIN names n ON n.place = p.n WHERE {where}", params)
        return [(Place(*r[:-1]), r[-1]) for r in rows]


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, opening the index on first use."""
    return Gazetteer()

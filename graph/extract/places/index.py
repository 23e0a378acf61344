"""The compiled gazetteer index: the TSV files of ``graph/data/places`` read into places and name keys.

The first use on a machine compiles the data files into an SQLite index in a cache folder
(``$XDG_CACHE_HOME/conflictkg``, else ``~/.cache/conflictkg``), named by a fingerprint of the files,
so it is rebuilt whenever a data file changes and later processes open it in milliseconds.
:class:`Place` is one row of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields, replace
from pathlib import Path

from graph.extract.places.names import display_name, joined, normalise, skeleton, strip_article
from graph.records import slugify

__all__ = ["Place", "COLUMNS", "DATA_FILES", "read_tsv", "open_index", "short_name"]

# The titles of South African metropolitan and district municipalities (admin2), which news leaves out.
MUNICIPAL_TITLES = (" Metropolitan Municipality", " District Municipality")
DATA_FILES = ("countries.tsv", "admin1.tsv", "admin2.tsv", "cities.tsv", "regions.tsv", "aliases.tsv", "areas.tsv")
_SCHEMA_VERSION = "7"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, admin1 unit, admin2 district, populated place, region or camp."""

    id: str
    name: str
    kind: str  # country, governorate, district, city, town, village, camp, region
    country: str | None
    lat: float
    lon: float
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0
    precision: int = 1  # ACLED geo-precision
    curated: bool = False  # named in a hand-written file (regions, aliases)

    @property
    def rank(self) -> int:
        """Broad kinds first when names tie: country 0, admin1 1, region or admin2 district 2, camp or town 3."""
        return {"country": 0, "governorate": 1, "region": 2, "district": 2}.get(self.kind, 3)


COLUMNS = tuple(f.name for f in fields(Place))


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


def short_name(name: str) -> str | None:
    """The key of a municipality's name without its title, as news names it: "Buffalo City" for "Buffalo City
    Metropolitan Municipality", "Amathole" for "Amathole District Municipality"; None for any other name."""
    for title in MUNICIPAL_TITLES:
        if name.endswith(title) and len(name) > len(title):
            return normalise(name.removesuffix(title))
    return None


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
        self.keys: dict[tuple[str, int], set[int]] = {}  # (key, loose) -> places; loose: 0 exact .. 3 joined
        self.demonyms: dict[str, str] = {}
        # local admin areas (areas.tsv), apart from the places: only a name no gazetteer lists is looked up there
        self.areas: list[tuple[str, str, str, str | None, float, float]] = []  # country, key, name, admin1, lat, lon
        self._read(data_dir)

    def add(self, place: Place, names: list[str], keys: Sequence[str] = ()) -> int:
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
                self.keys.setdefault((joined(key), 3), set()).add(index)
        return index

    def _read(self, data_dir: Path) -> None:
        """Read the data files in order: countries, admin1 and admin2 units, cities, regions, then the aliases."""
        self._read_countries(data_dir / "countries.tsv")
        for row in read_tsv(data_dir / "admin1.tsv"):
            place_id = f"place/{slugify(row['name'])}-{row['code'].lower()}"
            self.add(_area(row, place_id, "governorate", row["country"], admin1=row["name"]),
                     [row["name"], *_split(row["aliases"])])
        for row in read_tsv(data_dir / "admin2.tsv"):
            short = short_name(row["name"])
            self.add(_district(row), [row["name"], *_split(row["aliases"])], [short] if short else [])
        for row in read_tsv(data_dir / "cities.tsv"):
            self.add(_city(row), list(dict.fromkeys([display_name(row["name"]), row["name"]])), _split(row["keys"]))
        for row in read_tsv(data_dir / "regions.tsv"):
            self.add(_region(row), [row["name"], *_split(row["aliases"])])
        self._read_aliases(data_dir / "aliases.tsv")
        for row in read_tsv(data_dir / "areas.tsv"):
            point = (row["name"], row["admin1"] or None, float(row["lat"]), float(row["lon"]))
            self.areas.extend((row["country"], key, *point) for key in _split(row["keys"]))

    def _read_countries(self, path: Path) -> None:
        for row in read_tsv(path):
            geonames_id = int(row["geonames_id"]) if row["geonames_id"] else None
            self.add(_area(row, f"place/{slugify(row['name'])}", "country", row["iso2"], geonames_id=geonames_id),
                     [row["name"], *_split(row["aliases"])])
            for demonym in _split(row["demonym"].replace(",", "|")):
                self.demonyms.setdefault(normalise(demonym), row["iso2"])

    def _read_aliases(self, path: Path) -> None:
        for row in read_tsv(path):
            targets = self._alias_targets(row["target"], row["country"] or None, row["kind"] or None)
            if not targets:
                raise ValueError(f"aliases.tsv: alias {row['alias']!r} names unknown place {row['target']!r}")
            for index in targets:
                place = self.places[index]
                if not place.curated:
                    self.places[index] = replace(place, curated=True)
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
            db.execute(f"CREATE TABLE places (n INTEGER PRIMARY KEY, {', '.join(COLUMNS)})")
            db.execute("CREATE TABLE keys (key TEXT, loose INTEGER, place INTEGER)")
            db.execute("CREATE TABLE names (place INTEGER, name TEXT)")
            db.execute("CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT)")
            db.execute("CREATE TABLE areas (country TEXT, key TEXT, name TEXT, admin1 TEXT, lat REAL, lon REAL)")
            db.executemany("INSERT INTO areas VALUES (?, ?, ?, ?, ?, ?)", self.areas)
            db.executemany(
                f"INSERT INTO places VALUES (?{', ?' * len(COLUMNS)})",
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
            db.execute("CREATE INDEX areas_key ON areas (country, key)")
            db.execute("CREATE INDEX areas_anywhere ON areas (key)")  # an unlisted name in a text naming no country
        db.close()


def _fingerprint(data_dir: Path) -> str:
    """A key of the data files' contents: CRC-32 and size of each (a checksum, not a cryptographic hash, as it
    only tells data versions apart: reading 15 MB through SHA-256 took a third of the gazetteer's start-up)."""
    digest = hashlib.sha256(_SCHEMA_VERSION.encode())
    for name in DATA_FILES:
        data = (data_dir / name).read_bytes()
        digest.update(f"{name}:{len(data)}:{zlib.crc32(data)};".encode())
    return digest.hexdigest()[:16]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "conflictkg"


def open_index(data_dir: Path) -> sqlite3.Connection:
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


def _area(row: dict, place_id: str, kind: str, country: str, admin1: str | None = None,
          geonames_id: int | None = None) -> Place:
    """A country or admin1 row of the data files as a Place (ACLED precision 3: the area's centre)."""
    return Place(place_id, row["name"], kind, country, float(row["lat"]), float(row["lon"]), admin1, geonames_id,
                 int(row["population"] or 0), 3)


def _city(row: dict) -> Place:
    """A populated place of cities.tsv (GeoNames)."""
    population = int(row["population"] or 0)
    return Place(
        f"place/geonames-{row['geonames_id']}", display_name(row["name"]), _town_kind(population), row["country"],
        float(row["lat"]), float(row["lon"]), row["admin1"] or None, int(row["geonames_id"]), population, 1,
    )


def _district(row: dict) -> Place:
    """An admin2 area of admin2.tsv (GeoNames), at its main town's point (ACLED precision 3: an area)."""
    return Place(
        f"place/geonames-{row['geonames_id']}", row["name"], "district", row["country"], float(row["lat"]),
        float(row["lon"]), row["admin1"] or None, int(row["geonames_id"]), 0, 3,
    )


def _region(row: dict) -> Place:
    """A hand-written region, valley, desert, sea or camp of regions.tsv (curated)."""
    return Place(
        f"place/{row['id']}", row["name"], row["kind"], row["country"] or None, float(row["lat"]), float(row["lon"]),
        row["admin1"] or None, int(row["geonames_id"]) if row["geonames_id"] else None,
        int(row["population"] or 0), int(row["precision"]), True,
    )

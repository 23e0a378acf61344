"""Exports of the whole store: RDF (Turtle, N-Quads, JSON-LD), ACLED-style CSV, actor network.

Every function takes a ``graph.store.Store`` and writes to ``out``: a binary file object or a
path. RDF dumps go straight through the engine (no triple crosses a Python loop); the CSV and
the network read named SELECTs over the current graph (``Store.read``: one reconciled set of facts per
entity) and build one row per event or one node per actor.
"""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from graph import queries as q
from graph.ontology import disorder_type
from graph.store import Store, TripleStore
from graph.vocab import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMATS",
    "ACLED_COLUMNS",
    "export",
    "export_turtle",
    "export_nquads",
    "export_jsonld",
    "export_csv",
    "export_graphml",
    "export_gexf",
    "acled_rows",
    "acled_chunks",
    "actor_network",
]

Out = IO[bytes] | str | os.PathLike

# ACLED's column names and order, as in its data exports (codebook "Variables" section).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# ACLED actor type codes (inter1/inter2): 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER = {"state_forces": 1, "government": 1, "armed_group": 2, "militia": 3, "identity_militia": 4,
          "rioters": 5, "protesters": 6, "civilians": 7, "organization": 8, "external_forces": 8}
# Longest list of events read through a VALUES block: the engine joins it row by row (3,000 events take
# longer than reading all 10,000), so a longer one reads every event and keeps the wanted ones.
AMONG_AT_MOST = 1000
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

def _open(out: Out, write: Callable[[IO[bytes]], object]) -> None:
    if isinstance(out, str | os.PathLike):
        with open(out, "wb") as handle:
            write(handle)
    else:
        write(out)


def _engine(store: TripleStore) -> ox.Store:
    """Return the store's own engine; a remote store's graphs are loaded into a temporary one."""
    if isinstance(store, Store):
        return store.oxigraph
    engine = ox.Store()
    engine.bulk_load(store.dump("application/n-quads"), ox.RdfFormat.N_QUADS)
    body, _ = store.query_raw("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
    engine.bulk_load(body, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    # a union-default server answers with every graph's triples: the default graph keeps the rest
    # (the ontology and the merged event facts)
    engine.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    return engine


def export_turtle(store: TripleStore, out: Out) -> None:
    """Write the union of every graph as Turtle (Turtle has no named graphs; N-Quads keeps them)."""
    triples = _engine(store).query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert isinstance(triples, ox.QueryTriples)  # a CONSTRUCT's answer
    _open(out, lambda h: ox.serialize(triples, h, ox.RdfFormat.TURTLE, prefixes=PREFIXES))


def export_nquads(store: TripleStore, out: Out) -> None:
    """Write every quad, named graphs included, as N-Quads."""
    engine = _engine(store)
    _open(out, lambda h: engine.dump(h, ox.RdfFormat.N_QUADS))


def export_jsonld(store: TripleStore, out: Out) -> None:
    """Write the dataset as JSON-LD, one ``@graph`` per named graph."""
    engine = _engine(store)
    _open(out, lambda h: engine.dump(h, ox.RdfFormat.JSON_LD))


def _country(code: str | None) -> tuple[str, str]:
    """Return (ISO 3166 numeric code, country name) of an alpha-2 code, blanks when unknown."""
    import pycountry  # imported here: the CLI's --help should not pay for it

    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return "", ""
    return str(int(country.numeric)), country.name


def _event_date(date: str | None) -> str:
    """ACLED dates are days: a month or a year is written as its first day (time_precision says so)."""
    if not date:
        return ""
    return {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date[:10])


def acled_rows(store: TripleStore, events: list[str] | None = None) -> list[dict[str, Any]]:
    """Return one dict per event with ACLED's column names (blank where the graph has no value).

    ``events``: the IRIs of the events to write, in that order; None for every event.
    """
    return _acled_rows(store, events, *_named_entities(store))


def acled_chunks(store: TripleStore, events: list[str], size: int = AMONG_AT_MOST) -> Iterator[list[dict[str, Any]]]:
    """Yield the ACLED rows of ``events`` (IRIs, in that order) ``size`` events at a time.

    Actors and places are read once, with the first chunk; each chunk is then a few short reads of its own,
    so a caller can bound each chunk's time, and hold one chunk at a time.
    """
    named = _named_entities(store)
    for start in range(0, len(events), size):
        yield _acled_rows(store, events[start:start + size], *named)


def _named_entities(store: TripleStore) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    actors = {r["actor"]: r for r in store.read(q.EXPORT_ACTORS)}
    places = {r["place"]: r for r in store.read(q.EXPORT_PLACES)}
    return actors, places


def _acled_rows(store: TripleStore, events: list[str] | None, actors: dict[str, dict[str, Any]],
                places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    def read(every: str, among: str) -> list[dict[str, Any]]:
        if events is None or len(events) > AMONG_AT_MOST:
            return store.read(every)  # rows of other events are left out below
        return store.read(q.with_iris(among, events)) if events else []

    associates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read(q.EXPORT_ASSOCIATES, q.EXPORT_ASSOCIATES_AMONG):
        associates[(row["event"], row["role"][-1])].add(actors.get(row["actor"], {}).get("name", row["actor"]))
    notes, sources = defaultdict(set), defaultdict(set)
    for row in read(q.EXPORT_EVIDENCE, q.EXPORT_EVIDENCE_AMONG):
        notes[row["event"]].add(row["text"])
        if "publisher" in row:
            sources[row["event"]].add(row["publisher"])
    rows: dict[str, dict[str, Any]] = {}
    for row in read(q.EXPORT_EVENTS, q.EXPORT_EVENTS_AMONG):
        rows.setdefault(row["event"], row)
    order = list(rows) if events is None else [e for e in events if e in rows]
    return [_acled_row(rows[e], actors, places, associates, notes, sources) for e in order]


def _inter(actor: dict[str, Any]) -> int | str:
    """The actor's ACLED type code: the graph's own (extraction read it from the name too), else its kind's."""
    inter = actor.get("inter")
    return int(inter) if inter is not None else _INTER.get(str(actor.get("kind")), "")


def _acled_row(row, actors, places, associates, notes, sources) -> dict[str, Any]:
    event = row["event"]
    first, second = actors.get(row.get("actor1"), {}), actors.get(row.get("actor2"), {})
    place = places.get(row.get("place"), {})
    inter1, inter2 = _inter(first), _inter(second)
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int))
    interaction = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else ""
    iso, country = _country(place.get("country"))
    date = str(row.get("event_date") or "")
    targeting = row["event_type"] == "Violence against civilians" or second.get("kind") == "civilians"
    return {
        "event_id_cnty": event, "event_date": _event_date(date), "year": date[:4],
        "time_precision": _TIME_PRECISION.get(row.get("date_precision"), ""),
        "disorder_type": (disorder_type(row["event_type"]) or "").capitalize(),
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "actor1": first.get("name", ""), "assoc_actor_1": "; ".join(sorted(associates[(event, "1")])),
        "inter1": inter1, "actor2": second.get("name", ""),
        "assoc_actor_2": "; ".join(sorted(associates[(event, "2")])), "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if targeting else "", "iso": iso, "region": "",
        "country": country, "admin1": place.get("admin1", ""), "admin2": "", "admin3": "",
        "location": place.get("name", ""), "latitude": place.get("lat", ""), "longitude": place.get("lon", ""),
        "geo_precision": place.get("precision", ""), "source": "; ".join(sorted(sources[event])),
        "source_scale": "", "notes": " | ".join(sorted(notes[event])),
        "fatalities": row.get("lowest", ""), "tags": "", "timestamp": "",
    }


def export_csv(store: TripleStore, out: Out) -> None:
    """Write one row per event with ACLED's column names (UTF-8, header first)."""
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_rows(store))
    _open(out, lambda h: h.write(text.getvalue().encode("utf-8")))


def actor_network(store: TripleStore) -> nx.MultiDiGraph:
    """Return the actor network of the whole store: the projection the network page draws (``graph.network``).

    One edge per (source, target, interaction category), directed where the category is; node and
    edge attributes as :func:`graph.network.edge_summary` gives them (events, first, last, ...).
    """
    from graph.network import edge_summary, read_network  # networkx: the CLI's --help should not pay for it

    return edge_summary(read_network(store))


def export_graphml(store: TripleStore, out: Out) -> None:
    """Write the actor network as GraphML (networkx), readable by Gephi, yEd and networkx."""
    import networkx as nx

    network = actor_network(store)
    _open(out, lambda h: nx.write_graphml(network, h, encoding="utf-8"))


def export_gexf(store: TripleStore, out: Out) -> None:
    """Write the actor network as GEXF (networkx) for Gephi."""
    import networkx as nx

    network = actor_network(store)
    _open(out, lambda h: nx.write_gexf(network, h, encoding="utf-8"))


FORMATS: dict[str, tuple[str, Callable[[Any, Out], None]]] = {
    "turtle": ("text/turtle", export_turtle),
    "nquads": ("application/n-quads", export_nquads),
    "jsonld": ("application/ld+json", export_jsonld),
    "csv": ("text/csv", export_csv),
    "graphml": ("application/graphml+xml", export_graphml),
    "gexf": ("application/gexf+xml", export_gexf),
}


def export(store: TripleStore, fmt: str, out: Out) -> None:
    """Write the store in format ``fmt`` (a key of ``FORMATS``) to ``out``.

    Raises:
        ValueError: ``fmt`` is not one of ``FORMATS``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    FORMATS[fmt][1](store, out)

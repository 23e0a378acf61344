"""Exports: RDF round-trips, ACLED-style CSV, GraphML/GEXF of the actor network, the CLI command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import XSD

from graph import export as export_module
from graph.export import ACLED_COLUMNS, FORMATS, export
from graph.interactions import categories, category_of_relation
from graph.records import Extraction
from graph.store import Store
from tests.conftest import write
from viz import network_json

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/kg/"
FIXTURE = Path(__file__).parent / "data" / "graph_incident_reports.json"
SCENARIOS = json.loads(FIXTURE.read_text(encoding="utf-8"))["scenarios"]
ITEMS = [item for items in SCENARIOS.values() for item in items]


def _write_all(path: Path) -> Store:
    store = Store(str(path))
    write(store, [Extraction.from_json(item) for item in ITEMS], BASE)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """A store holding every hand-written report of the fixture."""
    return _write_all(tmp_path_factory.mktemp("export") / "store")


def _dump(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out)
    return out.getvalue()


def _plain(term):
    """RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib's parsers and oxrdflib spell it apart."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _union(dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, _plain(o)))
    return union


def _assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        pytest.fail(f"not isomorphic.\nonly in export:\n{only_actual.serialize(format='nt')}\n"
                    f"only in store:\n{only_expected.serialize(format='nt')}")


def _store_union(store: Store) -> Graph:
    """Every triple of the store, read through rdflib (oxrdflib), not through an export."""
    return _union(store.dataset)


def test_turtle_export_reloads_isomorphic_to_the_store(store):
    exported = _union(Dataset().parse(data=_dump(store, "turtle"), format="turtle"))
    assert len(exported) > 0
    _assert_isomorphic(exported, _store_union(store))


def test_jsonld_export_reloads_isomorphic_to_the_store(store):
    exported = Dataset().parse(data=_dump(store, "jsonld"), format="json-ld")
    _assert_isomorphic(_union(exported), _store_union(store))


def test_nquads_export_keeps_every_named_graph(store):
    dataset = Dataset().parse(data=_dump(store, "nquads"), format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert set(store.graph_names()) <= names
    assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(store.oxigraph)


def _csv_rows(store: Store) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(_dump(store, "csv").decode("utf-8")))
    return list(reader.fieldnames or []), list(reader)


def test_csv_has_acleds_columns_and_one_row_per_event(store):
    columns, rows = _csv_rows(store)
    assert columns == ACLED_COLUMNS
    assert {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "fatalities",
            "latitude", "longitude", "notes", "source"} <= set(columns)
    incidents = {e["incident"] for item in ITEMS for e in item["events"]}
    assert len(rows) == len(incidents)
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)


def _incident_rows(store: Store) -> dict[str, dict[str, str]]:
    _, rows = _csv_rows(store)
    by_note = {}
    for row in rows:
        for item in ITEMS:
            for event in item["events"]:
                if event["evidence"] in row["notes"]:
                    by_note[event["incident"]] = row
    return by_note


@pytest.mark.parametrize("incident", sorted({e["incident"] for item in ITEMS for e in item["events"]}))
def test_csv_row_of_an_incident_has_its_lowest_toll_and_every_source(store, incident):
    reports = [(item, e) for item in ITEMS for e in item["events"] if e["incident"] == incident]
    row = _incident_rows(store)[incident]
    figures = [e["fatalities"] for _, e in reports if e.get("fatalities") is not None]
    assert row["fatalities"] == (str(min(figures)) if figures else "")
    assert set(row["source"].split("; ")) == {item["document"]["source"] for item, _ in reports}
    assert all(e["evidence"] in row["notes"] for _, e in reports)
    assert row["event_type"] == reports[0][1]["event_type"]
    assert row["event_date"][:7] == reports[0][1]["date"][:7]


_UNDIRECTED = {c.id for c in categories().values() if not c.directed}


def _expected_pairs() -> dict[frozenset, set[str]]:
    """Actor-id pairs -> incidents in which some report names both actors."""
    pairs: dict[frozenset, set[str]] = {}
    for item in ITEMS:
        ids = {}
        for actor in item["actors"]:
            for name in (actor["name"], *actor.get("aliases", [])):
                ids[name] = actor["id"]
        for event in item["events"]:
            if event.get("actor1") and event.get("actor2"):
                pair = frozenset((ids[event["actor1"]], ids[event["actor2"]]))
                pairs.setdefault(pair, set()).add(event["incident"])
    return pairs


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_actor_network_is_readable_by_networkx(store, tmp_path, fmt, reader):
    path = tmp_path / f"network.{fmt}"
    export(store, fmt, str(path))
    network = reader(path)
    actor_ids = {a["id"] for item in ITEMS for a in item["actors"]}
    assert network.number_of_nodes() == len(actor_ids)
    for pair, incidents in _expected_pairs().items():
        a, b = (f"{BASE}{actor_id}" for actor_id in sorted(pair))
        edges = [d for u, v, d in network.edges(data=True) if {u, v} == {a, b} and d["category"] != "associate"]
        assert edges, (a, b)
        assert sum(int(d["events"]) for d in edges) >= len(incidents)


def test_the_exported_network_is_the_one_the_page_draws(store, tmp_path):
    """Same typed, directed edges as /network/data.json, with event counts and first/last dates."""
    path = tmp_path / "network.graphml"
    export(store, "graphml", str(path))
    exported = nx.read_graphml(path, force_multigraph=True)
    page = network_json(store)
    iri = {node["id"]: node["iri"] for node in page["nodes"]}
    drawn = sorted((iri[e["from"]], iri[e["to"]], e["cat"], len(e["ev"])) for e in page["edges"])
    written = sorted((u, v, d["category"], int(d["events"])) for u, v, d in exported.edges(data=True))
    assert written == drawn and len(written) > 0
    events = {e[0]: e[3] for e in page["events"]}
    for _, _, d in exported.edges(data=True):
        if int(d["events"]):
            assert d["first"] <= d["last"] and d["first"] in events.values()
        assert (d["directed"] in (True, "true", "True")) == (d["category"] not in _UNDIRECTED)


def test_actor_network_carries_relations(store, tmp_path):
    path = tmp_path / "network.graphml"
    export(store, "graphml", str(path))
    network = nx.read_graphml(path, force_multigraph=True)
    army, ministry = f"{BASE}actor/malian-armed-forces", f"{BASE}actor/ministry-of-defence-mali"
    leads = category_of_relation("leads")
    assert any(d["category"] == leads and d["asserted"] in (True, "true", "True")
               for u, v, d in network.edges(data=True) if {u, v} == {army, ministry})


def test_unknown_format_is_a_value_error(store):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", io.BytesIO())


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "export", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def closed_store_dir(tmp_path_factory) -> Path:
    """A data directory with the fixture written, closed so that a CLI process can open it."""
    path = tmp_path_factory.mktemp("cli") / "store"
    _write_all(path).close()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_export_writes_each_format(closed_store_dir, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    result = _cli("--format", fmt, "--out", str(out), "--data-dir", str(closed_store_dir))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    "args",
    [("--format", "csv", "--data-dir", "/nonexistent/conflictkg-store"),
     ("--format", "csv", "--out", "/nonexistent-dir/out.csv")],
)
def test_cli_export_errors_are_one_line(closed_store_dir, args):
    if "--data-dir" not in args:
        args = (*args, "--data-dir", str(closed_store_dir))
    result = _cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture(scope="module")
def remote_store(tmp_path_factory):
    """A RemoteStore over a real ``oxigraph serve`` on loopback (union default graph, as deployed)."""
    import shutil

    from graph.store import RemoteStore
    from tests.conftest import free_port, wait_until_up

    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-export")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/query?query=ASK%7B%7D", process)
        yield RemoteStore.from_spec(f"sparql:{url}/query,{url}/update")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow
def test_a_remote_store_merges_and_exports_like_the_embedded_one(remote_store, store):
    write(remote_store, [Extraction.from_json(item) for item in ITEMS], BASE)
    _assert_isomorphic(_union(Dataset().parse(data=_dump(remote_store, "nquads"), format="nquads")),
                       _store_union(store))
    assert _csv_rows(remote_store) == _csv_rows(store)


@pytest.mark.parametrize("among_at_most", [1000, 1])  # a VALUES list, or every event read and the rest left out
def test_acled_rows_of_some_events_are_theirs_in_the_order_given(store, monkeypatch, among_at_most):
    monkeypatch.setattr(export_module, "AMONG_AT_MOST", among_at_most)
    every = export_module.acled_rows(store)
    chosen = [every[2]["event_id_cnty"], every[0]["event_id_cnty"]]
    rows = export_module.acled_rows(store, chosen)
    assert rows == [every[2], every[0]]
    assert export_module.acled_rows(store, []) == []


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_acled_chunks_are_the_rows_in_the_order_given(store, size):
    every = export_module.acled_rows(store)
    chosen = [row["event_id_cnty"] for row in reversed(every)]
    chunks = list(export_module.acled_chunks(store, chosen, size))
    assert [len(chunk) for chunk in chunks] == [len(chosen[i:i + size]) for i in range(0, len(chosen), size)]
    assert [row for chunk in chunks for row in chunk] == every[::-1]
    assert list(export_module.acled_chunks(store, [], size)) == []


# Reports of my own whose actors ACLED codes apart from their kind: rioters 5, protesters 6, an identity militia 4.
_TYPED_ACTORS = {
    "riot": ("Rioters burned tyres and looted shops in Kisumu on Monday, police said.", "Rioters", 5, 50),
    "protest": ("Hundreds of protesters marched peacefully through Nairobi on Tuesday to demand lower fuel prices.",
                "Protesters", 6, 60),
    "militia": ("Fulani militia attacked the village of Dogo in Plateau State, Nigeria, on Wednesday, killing five "
                "farmers.", "Fulani Ethnic Militia", 4, 47),
}


@pytest.fixture(scope="module")
def typed_actor_rows(tmp_path_factory) -> dict[str, dict[str, str]]:
    """The CSV rows of the reports above, extracted and written by the real ingest, by report id."""
    import datetime as dt

    from graph.ingest import ingest_articles
    from graph.records import Article

    store = Store(str(tmp_path_factory.mktemp("typed") / "store"))
    articles = [Article(id=key, text=text, published=dt.date(2024, 3, 6), source="Test Wire")
                for key, (text, *_) in _TYPED_ACTORS.items()]
    ingest_articles(store, articles, BASE, workers=0)
    _, rows = _csv_rows(store)
    store.close()
    return {key: next(r for r in rows if text in r["notes"]) for key, (text, *_) in _TYPED_ACTORS.items()}


@pytest.mark.parametrize("key", sorted(_TYPED_ACTORS))
def test_csv_inter1_is_the_actors_acled_type_not_its_kinds(typed_actor_rows, key):
    _, name, inter, interaction = _TYPED_ACTORS[key]
    row = typed_actor_rows[key]
    assert row["actor1"].startswith(name)
    assert (row["inter1"], row["interaction"]) == (str(inter), str(interaction))

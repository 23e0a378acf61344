"""The builder: stable IRIs, evidence and provenance, per-source figures, idempotent writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

import graph.vocab as v
from graph.build import build_graph
from graph.records import Actor, Article, Event, Evidence, Extraction, Location, Relation, slugify
from graph.store import Store
from graph.vocab import CKG, GEO, PROV, RDF, SEM
from tests.conftest import write

BASE = "https://example.org/kg/"


def _event(**changes) -> Event:
    values = {"id": "event/d-0", "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Al-Shabaab",
              "actor2": "Somali National Army", "location": "Baidoa", "date": "2021-03-04", "date_precision": "day",
              "fatalities": 7, "confidence": 0.8, "evidence": "Al-Shabaab fighters clashed with the army near Baidoa.",
              "start": 12, "end": 66}
    values.update(changes)
    return Event(**values)


def _extraction(doc_id: str = "somalia-1", events: tuple[Event, ...] | None = None, **doc) -> Extraction:
    return Extraction(
        document=Article(id=doc_id, text="...", published=doc.get("published", dt.date(2021, 3, 5)),
                         title="Clash near Baidoa",
                         source=doc.get("source", "Radio X"), path=doc.get("path", "https://example.net/news/1")),
        actors=(Actor(id="actor/al-shabaab", name="Al-Shabaab", kind="armed_group", aliases=("al-Shabab",)),
                Actor(id="actor/somali-national-army", name="Somali National Army", kind="state_forces",
                      aliases=("SNA",), country="SO")),
        locations=(Location(id="place/baidoa", name="Baidoa", kind="city", country="SO", lat=3.11, lon=43.65,
                            admin1="Bay", geonames_id=64435, precision=1),),
        events=events if events is not None else (_event(),),
        relations=(Relation("Al-Shabaab", "affiliated_with", "Somali National Army"),),
    )


def _diff(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only in first:\n{only_a.serialize(format='nt')}\nonly in second:\n{only_b.serialize(format='nt')}"


def test_building_twice_gives_the_same_graph():
    iri1, first = build_graph(_extraction(), BASE)
    iri2, second = build_graph(_extraction(), BASE)
    assert iri1 == iri2
    assert to_isomorphic(first) == to_isomorphic(second), _diff(first, second)


@pytest.mark.parametrize("base", ["https://example.org/kg/", "http://localhost:5000/id/"])
def test_minted_iris_live_under_the_configured_base(base):
    graph_iri, g = build_graph(_extraction(), base)
    assert graph_iri.startswith(base)
    ours = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    assert ours and all(s.startswith(base) for s in ours), sorted(s for s in ours if not s.startswith(base))


def test_places_with_a_geonames_id_are_named_by_it():
    a = Location(id="place/baidoa", name="Baidoa", kind="city", geonames_id=64435)
    b = Location(id="place/baydhabo", name="Baydhabo", kind="city", geonames_id=64435)
    docs = [Extraction(Article(id=f"d{i}", text="x"), locations=(p,)) for i, p in enumerate((a, b))]
    places = [set(build_graph(d, BASE)[1].subjects(RDF.type, SEM.Place)) for d in docs]
    assert places[0] == places[1] == {URIRef(f"{BASE}place/geonames-64435")}


def test_event_links_evidence_with_sentence_offsets_and_document():
    _, g = build_graph(_extraction(), BASE)
    event = g.value(None, RDF.type, SEM.Event)
    evidence = g.value(event, CKG.evidence)
    assert g.value(evidence, CKG.text) == Literal(_event().evidence)
    assert (g.value(evidence, CKG.start), g.value(evidence, CKG.end)) == (Literal(12), Literal(66))
    document = g.value(evidence, CKG.document)
    assert g.value(document, v.SDO.headline) == Literal("Clash near Baidoa")
    assert g.value(document, v.SDO.publisher) == Literal("Radio X")
    assert g.value(document, v.SDO.datePublished) == Literal("2021-03-05", datatype=v.XSD.date)
    assert g.value(document, v.SDO.url) is not None
    assert g.value(event, PROV.wasDerivedFrom) == document


def test_fatalities_are_kept_per_source_on_the_evidence():
    _, g = build_graph(_extraction(), BASE)
    event = g.value(None, RDF.type, SEM.Event)
    assert g.value(g.value(event, CKG.evidence), CKG.fatalities) == Literal(7)
    # the event-level lowest/highest are merged across documents by graph.link, not claimed by one document
    assert g.value(event, CKG.fatalities) is None


def test_every_mention_of_a_merged_event_is_evidence_with_its_own_figures():
    update = Evidence("The toll from the clash rose to nine on Friday.", 67, 114, fatalities=9, date="2021-03-05",
                      date_precision="day", confidence=0.25)
    quote = Evidence('"They came from the forest," a soldier said.', 115, 160)  # no reading of its own
    _, g = build_graph(_extraction(events=(_event(more_evidence=(update, quote)),)), BASE)
    event = g.value(None, RDF.type, SEM.Event)
    told = {str(g.value(e, CKG.text)): (g.value(e, CKG.fatalities), g.value(e, SEM.hasTimeStamp), g.value(e, CKG.start),
                                        g.value(e, CKG.confidence).toPython())
            for e in g.objects(event, CKG.evidence)}
    own = _event().confidence
    assert own != 0.25
    assert told == {
        _event().evidence: (Literal(7), Literal("2021-03-04", datatype=v.XSD.date), Literal(12), own),
        update.text: (Literal(9), Literal("2021-03-05", datatype=v.XSD.date), Literal(67), 0.25),
        quote.text: (None, None, Literal(115), own),
    }


def test_extraction_run_is_a_prov_activity_with_the_extractor_version():
    _, g = build_graph(_extraction(), BASE, extractor_version="9.9.9")
    run = g.value(None, RDF.type, PROV.Activity)
    assert g.value(run, CKG.extractorVersion) == Literal("9.9.9")
    document = g.value(run, PROV.used)
    assert (document, RDF.type, CKG.Document) in g
    for node in g.subjects(RDF.type, SEM.Actor):
        assert (node, PROV.wasDerivedFrom, document) in g
        assert (node, PROV.wasGeneratedBy, run) in g


def test_place_details_and_point_geometry():
    _, g = build_graph(_extraction(), BASE)
    place = URIRef(f"{BASE}place/geonames-64435")
    assert g.value(place, CKG.countryCode) == Literal("SO")
    assert g.value(place, CKG.admin1) == Literal("Bay")
    assert g.value(place, CKG.geonamesId) == Literal(64435)
    assert g.value(place, CKG.geoPrecision) == Literal(1)
    wkt = g.value(g.value(place, GEO.hasGeometry), GEO.asWKT)
    assert str(wkt) == "POINT(43.65 3.11)" and wkt.datatype == GEO.wktLiteral


@pytest.mark.parametrize(
    ("relation", "term"),
    [("part_of", CKG.partOf), ("member_of", CKG.memberOf), ("affiliated_with", CKG.affiliatedWith),
     ("supports", CKG.supports), ("leads", CKG.leads)],
)
def test_relations_become_actor_to_actor_properties(relation, term):
    extraction = _extraction()
    extraction = Extraction(extraction.document, extraction.actors, extraction.locations, (),
                            (Relation("SNA", relation, "al-Shabab"),))
    _, g = build_graph(extraction, BASE)
    assert (URIRef(f"{BASE}actor/somali-national-army"), term, URIRef(f"{BASE}actor/al-shabaab")) in g


@pytest.mark.parametrize(
    ("date", "precision", "datatype"),
    [("2021-03-04", "day", v.XSD.date), ("2021-03-04", "week", v.XSD.date), ("2021-03", "month", v.XSD.gYearMonth),
     ("2021", "year", v.XSD.gYear), ("early March", "month", None)],
)
def test_dates_are_typed_by_their_precision(date, precision, datatype):
    _, g = build_graph(_extraction(events=(_event(date=date, date_precision=precision),)), BASE)
    (literal,) = g.objects(None, SEM.hasTimeStamp)
    assert str(literal) == date
    assert literal.datatype == datatype


def test_two_events_read_from_one_sentence_keep_two_evidence_nodes():
    strike = _event(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor2=None)
    _, g = build_graph(_extraction(events=(_event(), strike)), BASE)
    events = set(g.subjects(RDF.type, SEM.Event))
    assert len(events) == 2
    assert len({g.value(e, CKG.evidence) for e in events}) == 2


def test_a_second_mention_with_the_pair_reversed_keeps_the_first_roles():
    reversed_pair = _event(actor1="Somali National Army", actor2="Al-Shabaab", start=80, end=120)
    _, g = build_graph(_extraction(events=(_event(), reversed_pair)), BASE)
    events = set(g.subjects(RDF.type, SEM.Event))
    assert len(events) == 1
    event = events.pop()
    assert len(list(g.objects(event, CKG.evidence))) == 2
    assert list(g.objects(event, CKG.actor1)) == [URIRef(f"{BASE}actor/al-shabaab")]


def test_an_actor_an_event_names_but_the_list_lacks_is_kept_by_name():
    _, g = build_graph(_extraction(events=(_event(actor2="Ahlu Sunna Wal Jama'a"),)), BASE)
    stub = g.value(g.value(None, RDF.type, SEM.Event), CKG.actor2)
    assert g.value(stub, v.SDO.name) == Literal("Ahlu Sunna Wal Jama'a")


@pytest.mark.parametrize(
    ("force", "country", "own"),
    [
        # a state force of no known state: each document's own node, not one for every state's
        ("Police Forces", None, True),
        ("Military Forces", None, True),
        # a state's forces are one actor in every document that names them
        ("Police Forces of Somalia", "SO", False),
    ],
)
def test_a_state_force_of_no_known_state_is_each_documents_own(force, country, own):
    def actor2(doc_id: str) -> URIRef:
        police = Actor(id=f"actor/{slugify(force)}", name=force, kind="state_forces", country=country)
        extraction = replace(_extraction(doc_id, events=(_event(actor2=force),)), actors=(police,))
        _, g = build_graph(extraction, BASE)
        return g.value(g.value(None, RDF.type, SEM.Event), CKG.actor2)

    assert (actor2("somalia-1") != actor2("somalia-2")) == own


def _quads(store: Store) -> set[str]:
    return set(store.oxigraph.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


def test_writing_the_same_article_twice_gives_the_same_store(tmp_path):
    store = Store(str(tmp_path / "store"))
    write(store, [_extraction()], BASE)
    first = _quads(store)
    write(store, [_extraction()], BASE)
    assert _quads(store) == first


def test_re_ingest_after_other_articles_gives_the_same_store(tmp_path):
    store = Store(str(tmp_path / "store"))
    other = _extraction("somalia-2", events=(_event(fatalities=11, start=0, end=40),), source="Radio Y")
    write(store, [_extraction()], BASE)
    write(store, [other], BASE)
    before = _quads(store)
    write(store, [_extraction()], BASE)
    assert _quads(store) == before


def test_re_ingest_replaces_what_the_document_said(tmp_path):
    store = Store(str(tmp_path / "store"))
    write(store, [_extraction()], BASE)
    write(store, [_extraction(events=(_event(fatalities=9),))], BASE)
    rows = store.select("PREFIX ckg: <https://w3id.org/conflictkg/ontology#> "
                        "SELECT DISTINCT ?f WHERE { ?ev ckg:text ?t ; ckg:fatalities ?f }")
    assert [r["f"] for r in rows] == [9]


@pytest.mark.slow
def test_seed_articles_through_the_real_extractor_give_valid_idempotent_graphs(tmp_path):
    from graph.extract import Extractor
    from graph.inputs import Reader

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    articles = list(Reader(published=dt.date(2018, 7, 31)).articles([str(seeds)]))
    assert articles and all(isinstance(a, Article) for a in articles)
    extractions = list(Extractor().extract_many(articles))
    store = Store(str(tmp_path / "store"))
    for extraction in extractions:
        summary = write(store, [extraction], BASE)
        assert summary.violations == [], "\n".join(summary.violations)
    first = _quads(store)
    assert first
    for extraction in extractions:
        write(store, [extraction], BASE)
    assert _quads(store) == first


@pytest.mark.parametrize("predicate", ["hasActor", "hasPlace"])
def test_only_events_have_actors_and_places(tmp_path, predicate):
    """The lists of one actor's or place's events count them without checking each one's class
    (graph.queries.base._OF_EVENTS_ALONE): that holds while only events are given sem:hasActor and sem:hasPlace."""
    from tests.rest_records import extractions

    store = Store(str(tmp_path / "store"))
    try:
        write(store, extractions(), "https://conflictkg.org/id/")
        query = ("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT (COUNT(*) AS ?with) "
                 "(SUM(IF(EXISTS { ?s a sem:Event }, 1, 0)) AS ?events) "
                 f"WHERE {{ GRAPH ?g {{ ?s sem:{predicate} ?o }} }}")
        counts = store.select(query)[0]
    finally:
        store.close()
    assert int(counts["with"]) > 0 and int(counts["events"]) == int(counts["with"])

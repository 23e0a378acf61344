"""The vocabulary module, the ontology Turtle and the SKOS taxonomy agree."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.build import build_graph
from graph.ontology import ONTOLOGY_FILE, event_codes, event_concept, taxonomy_graph
from graph.records import Actor, Article, Event, Extraction, Location, Relation
from graph.vocab import CKG, ONTOLOGY_IRI, TAXONOMY

BASE = "https://example.org/id/"


def _module_terms() -> set[str]:
    return {ONTOLOGY_IRI + name for name in CKG.__annotations__}


def _turtle_terms() -> set[str]:
    g = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return {str(s) for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)}


def test_every_module_term_is_declared_in_the_turtle():
    missing = _module_terms() - _turtle_terms()
    assert not missing, f"in graph/vocab.py but not in ontology.ttl: {sorted(missing)}"


def test_every_turtle_term_is_in_the_module():
    extra = _turtle_terms() - _module_terms()
    assert not extra, f"in ontology.ttl but not in graph/vocab.py: {sorted(extra)}"


def test_every_term_has_a_type_and_a_label():
    g = Graph().parse(ONTOLOGY_FILE, format="turtle")
    for term in sorted(_module_terms()):
        kinds = set(g.objects(URIRef(term), RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert g.value(URIRef(term), RDFS.label) is not None, term


def test_a_misspelt_term_raises():
    with pytest.raises(AttributeError):
        CKG.fatalites  # noqa: B018


def _rich_extraction() -> Extraction:
    return Extraction(
        document=Article(id="doc-1", text="t", published=dt.date(2020, 1, 2), title="T", source="S", path="a.txt"),
        actors=(Actor(id="actor/a", name="A", kind="armed_group", aliases=("AA",), country="SY"),
                Actor(id="actor/b", name="B", kind="state_forces")),
        locations=(Location(id="place/p", name="P", kind="town", country="SY", lat=1.0, lon=2.0, admin1="X",
                            geonames_id=5, precision=1),),
        events=(Event(id="e", event_type="Battles", sub_event_type="Armed clash", actor1="A", actor2="B",
                      assoc_actor_1=("AA",), assoc_actor_2=("C",), location="P", date="2020-01-01", fatalities=3,
                      quantity=2, evidence="s", start=0, end=1, reported_by=("B",)),),
        relations=(Relation("A", "supports", "B"),),
    )


def test_every_ckg_term_the_builder_writes_is_in_the_module():
    _, g = build_graph(_rich_extraction(), BASE)
    used = {str(t) for triple in g for t in triple if str(t).startswith(ONTOLOGY_IRI)}
    assert used, "the builder wrote no CKG term"
    assert used <= _module_terms(), sorted(used - _module_terms())


def test_taxonomy_has_the_six_acled_event_types_as_top_concepts():
    g = taxonomy_graph()
    tops = {str(g.value(c, SKOS.prefLabel)) for c in g.objects(URIRef(str(TAXONOMY)), SKOS.hasTopConcept)}
    assert tops == {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                    "Strategic developments"}


def test_every_sub_event_type_has_one_broader_event_type():
    g = taxonomy_graph()
    scheme = URIRef(str(TAXONOMY))
    subs = [c for c in g.subjects(SKOS.inScheme, scheme) if (c, SKOS.topConceptOf, scheme) not in g]
    assert len(subs) >= 24
    for concept in subs:
        assert len(list(g.objects(concept, SKOS.broader))) == 1, concept


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "cameo", "plover"),
    [
        ("Battles", "Armed clash", "19", "ASSAULT"),
        ("Protests", "Peaceful protest", "14", "PROTEST"),
        ("Strategic developments", "Agreement", "05", "AGREE"),
        ("Violence against civilians", "Abduction/forced disappearance", "18", "ASSAULT"),
    ],
)
def test_acled_pairs_map_to_cameo_and_plover(event_type, sub_event_type, cameo, plover):
    concept = event_concept(event_type, sub_event_type)
    assert concept is not None
    assert event_codes(event_type, sub_event_type) == (cameo, plover)
    matches = {str(m) for m in taxonomy_graph().objects(concept, SKOS.broadMatch)}
    assert any(m.endswith(f"/cameo/{cameo}") for m in matches)
    assert any(m.endswith(f"/plover/{plover}") for m in matches)


@pytest.mark.parametrize(("event_type", "sub_event_type"), [("Battles", "Peaceful protest"), ("Battle", "Armed clash")])
def test_pairs_outside_the_taxonomy_have_no_concept(event_type, sub_event_type):
    assert event_concept(event_type, sub_event_type) is None

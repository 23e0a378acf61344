"""Every namespace and term ConflictKG writes, in one place.

Standard vocabularies first (SEM, PROV-O, GeoSPARQL, OWL-Time, SKOS, schema.org);
the ``CKG`` namespace only holds what none of them has. ``graph/ontology.ttl``
declares the same terms; ``tests/test_vocab.py`` checks that the two agree.

Every namespace here makes each term once: rdflib's ``Namespace`` makes a new ``URIRef`` at every
look-up, and a ``DefinedNamespace`` look-up runs its checks every time (1-3 us; the builder and
the reconciler name terms for every triple they write). After its first look-up a term is a
plain attribute; ``NS["name"]``, ``str(NS)`` and a misspelt term raising work as in rdflib.
"""

from __future__ import annotations

from typing import TypeVar, cast

from rdflib import Namespace, URIRef
from rdflib import namespace as rdflib_namespaces
from rdflib.namespace import DefinedNamespace, DefinedNamespaceMeta

__all__ = [
    "CKG",
    "SEM",
    "GEO",
    "PROV",
    "SKOS",
    "SDO",
    "TIME",
    "XSD",
    "RDF",
    "RDFS",
    "OWL",
    "CAMEO",
    "PLOVER",
    "ONTOLOGY_IRI",
    "TAXONOMY",
    "PREFIXES",
    "CURRENT_GRAPH",
    "sparql_prefixes",
]

_Defined = TypeVar("_Defined", bound=DefinedNamespace)


class _Namespace(Namespace):
    """An rdflib ``Namespace`` whose terms are made once each."""

    def __getattr__(self, name: str) -> URIRef:
        """The term ``name``, kept as an attribute for the next look-up."""
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


class _DefinedNamespaceMeta(DefinedNamespaceMeta):
    """The metaclass of a ``DefinedNamespace`` whose terms are looked up (and checked) once each."""

    def __getattr__(cls, name: str) -> URIRef:
        """The term ``name`` (AttributeError when the namespace does not define it), kept as a class attribute."""
        term = super().__getattr__(name)
        if not name.startswith("__"):  # Python's own names are not terms
            type.__setattr__(cls, name, term)
        return term


def _once(namespace: type[_Defined]) -> type[_Defined]:
    """One of rdflib's defined namespaces, its terms made once each (a subclass: rdflib's own stays as it is)."""
    return cast(type[_Defined], _DefinedNamespaceMeta(namespace.__name__, (namespace,),
                                                      {"__slots__": (), "__module__": __name__}))


OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD = (_once(n) for n in (
    rdflib_namespaces.OWL, rdflib_namespaces.PROV, rdflib_namespaces.RDF, rdflib_namespaces.RDFS,
    rdflib_namespaces.SDO, rdflib_namespaces.SKOS, rdflib_namespaces.TIME, rdflib_namespaces.XSD))
ONTOLOGY_IRI = "https://w3id.org/conflictkg/ontology#"
TAXONOMY = _Namespace("https://w3id.org/conflictkg/acled/")  # SKOS scheme of ACLED event types
CAMEO = _Namespace("https://w3id.org/conflictkg/cameo/")  # CAMEO root codes as SKOS concepts
PLOVER = _Namespace("https://w3id.org/conflictkg/plover/")  # PLOVER event types as SKOS concepts
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = _Namespace("http://www.opengis.net/ont/geosparql#")
# The named graph of the reconciled facts: one name, kind, country... per entity (graph.link.current).
CURRENT_GRAPH = URIRef("https://w3id.org/conflictkg/current")


class CKG(DefinedNamespace, metaclass=_DefinedNamespaceMeta):
    """ConflictKG's own terms; a misspelt term raises ``AttributeError``."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Classes
    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Evidence: URIRef
    Document: URIRef
    ExtractionRun: URIRef

    # Event roles (sub-properties of sem:hasActor) and attributes
    actor1: URIRef
    actor2: URIRef
    associateActor1: URIRef
    associateActor2: URIRef
    eventType: URIRef  # ACLED event type label, e.g. "Battles"
    subEventType: URIRef  # ACLED sub-event type label, e.g. "Armed clash"
    datePrecision: URIRef  # "day", "week", "month", "year"
    fatalities: URIRef  # on an event: lowest reported figure (ACLED rule); on evidence: that source's figure
    fatalitiesMax: URIRef  # highest reported figure
    quantity: URIRef  # counts that are not deaths
    confidence: URIRef
    cameoCode: URIRef
    ploverType: URIRef
    evidence: URIRef  # event -> Evidence
    sourceCount: URIRef  # how many documents report the event, actor or place (or give a reading)
    disorderType: URIRef  # ACLED disorder group of a taxonomy concept

    # Readings: where reports disagree on one fact of an entity (in the current graph)
    Reading: URIRef
    reading: URIRef  # entity -> Reading (rdf:predicate, rdf:value, ckg:sourceCount)
    recentDocument: URIRef  # actor or place -> one of the newest documents that mention it (graph.link.recent)
    eventSummary: URIRef  # actor or place -> what its record shows of its events, as JSON (graph.link.summaries)
    eventTally: URIRef  # actor or place -> the counts its summary is kept from, as JSON (graph.link.summaries)

    # Evidence
    text: URIRef
    start: URIRef
    end: URIRef
    reportedBy: URIRef
    document: URIRef

    # Actors
    kind: URIRef  # actor or place kind, e.g. "armed_group", "governorate"
    countryCode: URIRef
    interCode: URIRef  # ACLED actor type code (inter1/inter2): 1 state forces ... 8 external/other forces
    partOf: URIRef
    memberOf: URIRef
    affiliatedWith: URIRef
    supports: URIRef
    leads: URIRef

    # Places
    admin1: URIRef
    geonamesId: URIRef
    geoPrecision: URIRef

    # Documents and runs
    sourcePath: URIRef
    extractorVersion: URIRef


PREFIXES = {
    "ckg": ONTOLOGY_IRI,
    "sem": str(SEM),
    "geo": str(GEO),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SDO),
    "time": str(TIME),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "acled": str(TAXONOMY),
    "cameo": str(CAMEO),
    "plover": str(PLOVER),
}


def sparql_prefixes(*names: str) -> str:
    """Return ``PREFIX`` lines for these prefixes of :data:`PREFIXES` (all of them when none is named)."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or PREFIXES))

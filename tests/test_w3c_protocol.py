"""The W3C SPARQL 1.1 Protocol test suite (tests/w3c/manifest.ttl), played against the real service.

Each manifest entry becomes one test: the store is emptied (``DROP ALL``), the entry's data files
are loaded with Graph Store Protocol ``PUT`` into the named graphs they label, then its HTTP
requests are sent in order to a live ``python -m api`` (writes carry the bearer token). Each
response must have an expected status class, the expected boolean for ASK tests, and a media
type of the expected kind (results for "boolean"/"tabular", RDF for "RDF").
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from tests.conftest import WRITE_TOKEN, _serve

HERE = Path(__file__).parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}  # fmt: skip
RDF_TYPES = {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"}
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, */*;q=0.1"


@dataclass
class Step:
    """One HTTP request of a test and what its response must be."""

    method: str
    path_query: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]
    boolean: bool | None
    result_format: str | None


@dataclass
class Case:
    """One manifest entry: graphs to load first, then requests."""

    name: str
    graphs: list[tuple[Path, str]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def load_cases() -> list[Case]:
    """Read every entry of the manifest, in its order."""
    g = Graph().parse(HERE / "manifest.ttl", format="turtle")
    root = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    for entry in Collection(g, g.value(root, MF.entries)):
        case = Case(str(entry).rsplit("#", 1)[-1])
        for data in g.objects(entry, UT.graphData):
            case.graphs.append((HERE / str(g.value(data, UT.graph)).rsplit("/", 1)[-1], str(g.value(data, RDFS.label))))
        for request in Collection(g, g.value(g.value(entry, MF.action), HT.requests)):
            case.steps.append(_step(g, request))
        cases.append(case)
    return cases


def _step(g: Graph, request) -> Step:
    headers = {}
    if (header_list := g.value(request, HT.headers)) is not None:
        for header in Collection(g, header_list):
            headers[str(g.value(header, HT.fieldName))] = str(g.value(header, HT.fieldValue))
    body = None
    if (content := g.value(request, HT.body)) is not None:
        encoding = str(g.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(g.value(content, CNT.chars)).encode(encoding)
    response = g.value(request, HT.resp)
    classes = {str(s).rsplit("#", 1)[-1] for s in g.objects(response, MF.expectedStatus)}
    boolean = g.value(response, MF.expectedBoolean)
    result_format = g.value(response, MF.expectedFormat)
    return Step(
        method=str(g.value(request, HT.methodName)),
        path_query=urlsplit(str(g.value(request, HT.absolutePath))).query,
        headers=headers,
        body=body,
        statuses={int(c.removeprefix("StatusCode")[0]) for c in classes},
        boolean=None if boolean is None else boolean.toPython(),
        result_format=None if result_format is None else str(result_format),
    )


CASES = load_cases()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A writable service over an empty store."""
    yield from _serve(tmp_path_factory.mktemp("w3c-store"), CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)


def test_the_suite_has_its_34_tests():
    assert len(CASES) == 34
    assert len({c.name for c in CASES}) == 34


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_protocol(case: Case, server: str):
    auth = {"Authorization": f"Bearer {WRITE_TOKEN}"}
    reset = requests.post(server + "/sparql", data="DROP ALL", timeout=30,
                          headers={"Content-Type": "application/sparql-update", **auth})
    assert reset.status_code == 204, reset.text
    for path, graph in case.graphs:
        put = requests.put(server + "/store", params={"graph": graph}, data=path.read_bytes(), timeout=30,
                           headers={"Content-Type": "application/n-triples", **auth})
        assert put.status_code in (201, 204), put.text
    for number, step in enumerate(case.steps):
        headers = {"Accept": ACCEPT, **auth, **step.headers}
        url = server + "/sparql" + (f"?{step.path_query}" if step.path_query else "")
        answer = requests.request(step.method, url, data=step.body, headers=headers, timeout=60)
        where = f"{case.name} request {number}: {step.method} -> {answer.status_code} {answer.text[:200]}"
        assert answer.status_code // 100 in step.statuses, where
        media_type = answer.headers.get("Content-Type", "").split(";")[0].strip()
        if step.result_format in ("boolean", "tabular"):
            assert media_type in RESULT_TYPES, where
        elif step.result_format == "RDF":
            assert media_type in RDF_TYPES, where
        if step.boolean is not None:
            assert read_boolean(answer, media_type) is step.boolean, where


def read_boolean(answer: requests.Response, media_type: str) -> bool:
    """The boolean of an ASK answer in JSON or XML."""
    if media_type == "application/sparql-results+json":
        return json.loads(answer.text)["boolean"]
    root = ET.fromstring(answer.content)  # noqa: S314 -- our own test server's answer
    element = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    return element is not None and element.text.strip() == "true"

"""Evaluate one SPARQL job (a client's query, the service's own reads, an update to vet) and serialise its answer.

``execute(store, job)`` is the whole evaluation: it reads the text (``api/sparql_text.py``:
``SERVICE``/``LOAD`` and pathological nesting get a 400 before the engine sees them), runs the
query on a pyoxigraph store, keeps at most ``max_rows`` solutions (or triples) and returns the
answer body in the negotiated format. An update job is vetted instead: read, given the
protocol's dataset, then parsed and run once on an empty in-memory store, so that a text that
would crash the engine does so here, not in the server that applies it afterwards. A vetted
update is then tried (``try_update``) on a throw-away copy of the store (``job['copy']``, a
checkpoint the runner made), so that one that would run past the time limit on the real data
is stopped here too. ``answers`` gives a batch of the service's reads one answer at a time.

The worker process (``api/sparql_worker.py``) runs it; it imports only the standard library,
pyoxigraph and its standard-library-only sibling ``sparql_text``, so that a worker starts fast.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any, cast

import pyoxigraph as ox

if __package__:
    from api.sparql_text import add_using, analyse, refusal
else:  # imported by the worker run as a script: api/ itself is sys.path[0]
    from sparql_text import add_using, analyse, refusal  # type: ignore[no-redef]

__all__ = ["execute", "answers", "Answer"]

Answer = tuple[dict[str, Any], bytes]  # a JSON header (its "status" an HTTP one) and the body
# pyoxigraph's result serialisers fail past a 16 MiB buffer (after seconds of work); a row that long
# is refused before they start.
MAX_LINE_CHARS = 15 << 20
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def answers(store: ox.Store, job: dict[str, Any]) -> Iterator[Answer]:
    """The answers to ``job``: one for each of the service's own SELECTs of ``job['reads']``, each evaluated only
    once the one before has been taken (a worker sends and frees each before the next: its heap holds one read's
    answer at a time), ending after the first that fails; else the one answer of ``execute``."""
    if "reads" not in job:
        yield execute(store, job)
        return
    for text in job["reads"]:
        answer = _read(store, {"read": text, "graph": job["graph"]})
        failed = answer[0]["status"] != 200
        yield answer
        del answer  # the answer sent is freed before the next read is evaluated
        if failed:
            return


def execute(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run ``job['query']`` on ``store`` (or vet ``job['update']``, try ``job['try_update']``, read
    ``job['read']`` or build ``job['construct']``); return (header, body)."""
    if "read" in job:
        return _read(store, job)
    if "construct" in job:
        return _construct(store, job)
    if "update" in job:
        return _vet_update(job)
    if "try_update" in job:
        return _try_update(store, job["try_update"])
    return _query(store, job)


def _query(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run a client's query, ``job['query']``, on its dataset; the answer in the negotiated format."""
    analysis = analyse(job["query"])
    refused = refusal(analysis)
    if refused:
        return {"status": 400, "detail": refused}, b""
    if job.get("default_graph") is None and job.get("named_graphs") is None:
        job = {**job, "union": not analysis.has_from}
    try:
        result = store.query(job["query"], base_iri=job.get("base_iri"), **_dataset(job))
        if isinstance(result, ox.QueryBoolean):
            return _boolean(result, job)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        return _triples(result, job)
    except SyntaxError as err:
        return {"status": 400, "detail": f"The query does not parse: {err}"}, b""
    except ValueError as err:
        return {"status": 400, "detail": f"The query cannot be evaluated: {err}"}, b""
    except PermissionError as err:  # the network guard stopped a fetch
        return {"status": 400, "detail": f"The query tried to reach the network, which is refused: {err}"}, b""
    except MemoryError as err:  # a value past the serialisers' 16 MiB buffer, or the worker's heap limit
        detail = f"The answer is too large to build ({err}); select less, or shorter values (SUBSTR)."
        return {"status": 400, "detail": detail}, b""
    except OSError as err:
        return {"status": 500, "detail": f"The store failed to evaluate the query: {err}"}, b""


def _read(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run one of the service's own SELECTs (``job['read']``) on the graph ``job['graph']``; the body is
    JSON ``{"vars": [...], "rows": [[cell, ...], ...]}`` where a cell is null (unbound), a string (an
    IRI, a blank node or a plain string) or ``[lexical form, datatype IRI]`` (any other literal)."""
    try:
        result = store.query(job["read"], default_graph=ox.NamedNode(job["graph"]))
    except (SyntaxError, ValueError, OSError) as err:
        return {"status": 500, "detail": f"The store failed to read: {err}"}, b""
    if not isinstance(result, ox.QuerySolutions):
        return {"status": 500, "detail": "a read is a SELECT query"}, b""
    width = range(len(result.variables))
    rows = [[_cell(solution[i]) for i in width] for solution in result]
    body = json.dumps({"vars": [v.value for v in result.variables], "rows": rows}, ensure_ascii=False)
    return {"status": 200}, body.encode()


def _construct(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run one of the service's own CONSTRUCTs (``job['construct']``) on the graph ``job['graph']`` (the named
    graphs reachable with GRAPH); the body is its triples in ``job['graph_format']``, named in the header."""
    fmt = ox.RdfFormat.from_media_type(job["graph_format"])
    if fmt is None:  # known before anything is read
        return {"status": 500, "detail": f"a graph read is in an RDF format, not {job['graph_format']!r}"}, b""
    try:
        result = store.query(job["construct"], default_graph=ox.NamedNode(job["graph"]))
        if not isinstance(result, ox.QueryTriples):
            return {"status": 500, "detail": "a graph read is a CONSTRUCT query"}, b""
        return {"status": 200, "media_type": fmt.media_type.split(";")[0]}, _serialized(result.serialize(format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        return {"status": 500, "detail": f"The store failed to read: {err}"}, b""


def _cell(term: Any) -> Any:
    if term is None or type(term) is not ox.Literal:
        return term if term is None else term.value
    datatype = term.datatype.value
    return term.value if datatype == _XSD_STRING else [term.value, datatype]


def _vet_update(job: dict[str, Any]) -> Answer:
    """Read an update, add the protocol's dataset, and run it once on an empty store.

    Answers 200 with the text to apply (``header['update']``), or the 400 that explains why not.
    Only a parse error or a refused fetch counts: an operation that fails on an empty store
    ('DROP GRAPH' of a graph that exists only in the real one) is left for the real store.
    """
    text, using, using_named = job["update"], job.get("using") or [], job.get("using_named") or []
    analysis = analyse(text)
    refused = refusal(analysis)
    if refused:
        return {"status": 400, "detail": refused}, b""
    if (using or using_named) and analysis.has_using_or_with:
        return {"status": 400, "detail": "Give the dataset either by using-graph-uri/using-named-graph-uri "
                "or by USING/WITH."}, b""
    if using or using_named:
        text = add_using(text, using, using_named)
    # The endpoint is the base IRI of relative IRIs (a later BASE in the text overrides it).
    text = f"BASE <{job['base_iri']}>\n{text}"
    try:
        ox.Store().update(text)
    except SyntaxError as err:
        return {"status": 400, "detail": f"The update does not parse: {err}"}, b""
    except PermissionError as err:
        return {"status": 400, "detail": f"The update tried to reach the network, which is refused: {err}"}, b""
    except Exception:  # noqa: S110 (on the real store it may succeed: 'DROP GRAPH' of a graph that exists there)
        pass
    return {"status": 200, "update": text}, b""


def _try_update(copy: ox.Store, text: str) -> Answer:
    """Run a vetted update on ``copy``, a store to throw away: 200 once it has finished, whatever it did
    (an error it raises, the real store raises in its own words)."""
    with contextlib.suppress(Exception):
        copy.update(text)
    return {"status": 200}, b""


def _dataset(job: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph keyword arguments for the protocol dataset, or the union default graph."""
    default, named = job.get("default_graph"), job.get("named_graphs")
    if default is None and named is None:
        return {"use_default_graph_as_union": bool(job.get("union"))}
    return {
        "default_graph": [ox.NamedNode(g) for g in default or []],
        "named_graphs": [ox.NamedNode(g) for g in named or []],
    }


def _serialized(body: bytes | None) -> bytes:
    # pyoxigraph's serialisers return bytes when given no output file; their stubs say ``bytes | None``.
    # (The worker runs this module with api/ alone on its path, so graph.store.as_bytes is out of reach.)
    return cast(bytes, body)


def _not_acceptable(kind: str) -> Answer:
    return {"status": 406, "detail": f"None of the media types in the Accept header can carry {kind}."}, b""


def _boolean(result: ox.QueryBoolean, job: dict[str, Any]) -> Answer:
    media_type = job.get("results_format")
    if not media_type:
        return _not_acceptable("an ASK result")
    body = _serialized(result.serialize(format=ox.QueryResultsFormat.from_media_type(media_type)))
    return {"status": 200, "media_type": media_type, "truncated": False}, body


def _solutions(result: ox.QuerySolutions, job: dict[str, Any]) -> Answer:
    media_type = job.get("results_format")
    if not media_type:
        return _not_acceptable("SELECT results")
    variables = result.variables
    rows, truncated = _capped(result, job["max_rows"])
    # The kept rows go back through TSV (terms in N-Triples syntax) so that every output
    # format is written by pyoxigraph's own serialisers.
    lines = ["\t".join(str(v) for v in variables)]
    width = range(len(variables))
    lines.extend("\t".join("" if row[i] is None else str(row[i]) for i in width) for row in rows)
    if any(len(line) > MAX_LINE_CHARS for line in lines):  # the serialisers would spend seconds, then fail
        raise MemoryError(f"a row is longer than {MAX_LINE_CHARS} characters")
    kept = ox.parse_query_results(("\n".join(lines) + "\n").encode(), format=ox.QueryResultsFormat.TSV)
    body = _serialized(kept.serialize(format=ox.QueryResultsFormat.from_media_type(media_type)))
    if truncated and media_type == "application/sparql-results+json" and body.startswith(b"{"):
        body = b'{"truncated":true,' + body[1:]
    return {"status": 200, "media_type": media_type, "truncated": truncated}, body


def _triples(result: ox.QueryTriples, job: dict[str, Any]) -> Answer:
    media_type = job.get("graph_format")
    if not media_type:
        return _not_acceptable("an RDF graph")
    triples, truncated = _capped(result, job["max_rows"])
    body = _serialized(ox.serialize(triples, format=ox.RdfFormat.from_media_type(media_type)))
    return {"status": 200, "media_type": media_type, "truncated": truncated}, body


def _capped(result: Iterable[Any], max_rows: int) -> tuple[list[Any], bool]:
    """At most ``max_rows`` solutions (or triples) of ``result``, and whether it had more: pulling at most one more
    stops a streaming evaluation right there."""
    found = list(itertools.islice(result, max_rows + 1))
    return found[:max_rows], len(found) > max_rows

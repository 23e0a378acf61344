"""``POST /api/documents``: extract one article sent as JSON and write its graph (write token required).

The article comes as ``text``, as a page's ``html`` (main text and metadata by trafilatura), or
as a ``url`` the server fetches, which only happens when ``fetch_urls`` is on, and then through
the SSRF-guarded fetcher (``graph.web.fetch``): never to loopback, private or link-local addresses.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from typing import Any

from flask import Flask, Request, Response, jsonify

from api.auth import check_write_token
from api.errors import problem
from api.server import keep_for_good
from api.sparql import write_lock
from graph.distributed import build_result
from graph.ingest import write_documents
from graph.inputs.read import Reader
from graph.inputs.record import record_from_mapping
from graph.records import Article, Extraction, slugify
from graph.sources import InputError, check_text
from graph.store import TripleStore
from graph.web.settings import fetcher_from_settings

__all__ = ["ingest_json", "extractor", "write_document", "FIELDS"]

# Field -> most characters; text and html are bounded by max_request_bytes. One of text, html, url is needed.
FIELDS = {"text": None, "html": None, "url": 2000, "published": None, "title": 1000, "source": 300, "id": 200,
          "author": 300}


class _BadBody(ValueError):
    pass


def extractor(app: Flask) -> Any:
    """Return the app's one Extractor, loading the spaCy model on first use only."""
    found = app.extensions.get("conflictkg.extractor")
    if found is None:
        with app.extensions["conflictkg.extract_lock"]:
            found = app.extensions.get("conflictkg.extractor")
            if found is None:
                from graph.extract import Extractor

                found = app.extensions["conflictkg.extractor"] = Extractor()
                if gc.get_freeze_count():  # served (api.server froze what it made at start): the model lives as long
                    keep_for_good()
    return found


def ingest_json(app: Flask, request: Request) -> Response:
    """Check the token and the body, extract, replace the document's graph, answer what was read."""
    refusal = check_write_token()
    if refusal is not None:
        return refusal
    try:
        article = _article(app, request)
    except (_BadBody, InputError) as err:  # InputError: graph.sources' checks of text and date
        return problem(400, str(err))
    found = extractor(app)
    with app.extensions["conflictkg.extract_lock"]:  # spaCy pipelines are not thread-safe
        extraction = found.extract(article)
    with write_lock:  # one writer at a time: a write relinks events that the next one may report too
        graph_iri = write_document(app.extensions["conflictkg.store"], extraction, app.config["CONFLICTKG"].base_iri)
    document_id = slugify(article.id)
    body = extraction.to_json()
    body["document"].pop("text", None)
    response = jsonify({
        "id": document_id, "href": f"/api/documents/{document_id}", "graph": graph_iri,
        "counts": {"actors": len(extraction.actors), "places": len(extraction.locations),
                   "events": len(extraction.events), "relations": len(extraction.relations)},
        "extraction": body,
    })
    response.status_code = 201
    response.headers["Location"] = f"/api/documents/{document_id}"
    return response


def write_document(store: TripleStore, extraction: Extraction, base_iri: str) -> str:
    """Write one extraction's document graph (replacing the old one) in one transaction; return the graph's IRI."""
    result = build_result(extraction, base_iri, validate=False)  # the service reports no SHACL violations
    write_documents(store, [result], base_iri)  # links its events to the stored ones, reconciles what it touched
    return result.graph_iri


def _article(app: Flask, request: Request) -> Article:
    """The article of a request body; raises _BadBody or InputError with a one-line reason."""
    if not request.is_json:
        raise _BadBody("Send the article as JSON (Content-Type: application/json) with 'text', 'html' or 'url'.")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise _BadBody("The body must be a JSON object such as {\"text\": \"...\", \"published\": \"2018-07-31\"}.")
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise _BadBody(f"Unknown field(s) {', '.join(unknown)}; allowed: {', '.join(FIELDS)}.")
    for name, longest in FIELDS.items():
        value = body.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise _BadBody(f"The field '{name}' must be a non-empty string.")
        if longest is not None and len(value) > longest:
            raise _BadBody(f"The field '{name}' must be at most {longest} characters.")
        check_text(name, value)
    content = body.get("text") or body.get("html")
    if not body.get("id") and content:
        body = {**body, "id": "api-" + hashlib.sha256(content.encode()).hexdigest()[:16]}
    record = record_from_mapping(body, "the body")
    settings = app.config["CONFLICTKG"]
    if content is None and not settings.fetch_urls:
        raise _BadBody("Fetching a 'url' from the server is off (CONFLICTKG_FETCH_URLS=0): send the page as 'html' "
                       "or its 'text', with the 'url' as metadata.")
    found = Reader(fetcher_from_settings(settings) if settings.fetch_urls else None).article_of(record)
    if isinstance(found, InputError):
        raise found
    return dataclasses.replace(found, path=record.url)  # "the body" is no place to cite

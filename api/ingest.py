"""``POST /api/documents``: extract one article sent as JSON and write its graph (write token required)."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Flask, Request, Response, jsonify

from api.auth import check_write_token
from api.errors import problem
from graph.link import write_extraction
from graph.records import Article, Extraction, slugify
from graph.sources import InputError, check_text, parse_published

__all__ = ["ingest_json", "extractor", "write_document", "FIELDS"]

# Field -> (required, most characters); the body's text is bounded by max_request_bytes.
FIELDS = {"text": (True, None), "published": (True, None), "title": (False, 1000), "source": (False, 300),
          "id": (False, 200), "url": (False, 2000)}


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
    return found


def ingest_json(app: Flask, request: Request) -> Response:
    """Check the token and the body, extract, replace the document's graph, answer what was read."""
    refusal = check_write_token()
    if refusal is not None:
        return refusal
    try:
        article = _article(request)
    except (_BadBody, InputError) as err:  # InputError: graph.sources' checks of text and date
        return problem(400, str(err))
    found = extractor(app)
    with app.extensions["conflictkg.extract_lock"]:  # spaCy pipelines are not thread-safe
        extraction = found.extract(article)
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


def write_document(store: Any, extraction: Extraction, base_iri: str) -> str:
    """Write one extraction's document graph (replacing the old one); return the graph's IRI."""
    # the graph model's writer links events across documents and refreshes merged event facts
    graph_iri = write_extraction(store, extraction, base_iri).graph_iri
    store.flush()
    return graph_iri


def _article(request: Request) -> Article:
    """The article of a request body; raises _BadBody or InputError with a one-line reason."""
    if not request.is_json:
        raise _BadBody("Send the article as JSON (Content-Type: application/json) with 'text' and 'published'.")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise _BadBody("The body must be a JSON object such as {\"text\": \"...\", \"published\": \"2018-07-31\"}.")
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise _BadBody(f"Unknown field(s) {', '.join(unknown)}; allowed: {', '.join(FIELDS)}.")
    for name, (required, longest) in FIELDS.items():
        value = body.get(name)
        if value is None:
            if required:
                raise _BadBody(f"The field '{name}' is required.")
            continue
        if not isinstance(value, str) or not value.strip():
            raise _BadBody(f"The field '{name}' must be a non-empty string.")
        if longest is not None and len(value) > longest:
            raise _BadBody(f"The field '{name}' must be at most {longest} characters.")
        check_text(name, value)
    published = parse_published(body["published"])
    text = body["text"]
    document_id = body.get("id") or "api-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    if slugify(document_id) == "unnamed":
        raise _BadBody("'id' must contain letters or digits.")
    return Article(id=document_id, text=text, published=published.isoformat(), title=body.get("title"),
                   source=body.get("source"), path=body.get("url"))

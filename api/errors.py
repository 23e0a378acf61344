"""One error shape for every error: RFC 9457 ``application/problem+json``.

Every answer with a 4xx or 5xx status is ``{type, title, status, detail, instance}``;
``detail`` says what to send instead. Unexpected exceptions are logged and answered with
a 500 that carries no stack trace.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Flask, Response, has_request_context, json, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, RequestURITooLarge

from api.params import BadParameter

__all__ = ["problem", "register", "PROBLEM_TYPE", "MAX_URL_LENGTH"]

PROBLEM_TYPE = "application/problem+json"
MAX_URL_LENGTH = 65_536


def problem(status: int, detail: str, title: str | None = None) -> Response:
    """Return a problem+json response with ``status`` and a message saying what to fix."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    body = {"type": "about:blank", "title": title or phrase, "status": status, "detail": detail}
    if has_request_context():
        body["instance"] = request.path
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)


def _detail(err: HTTPException) -> str:
    """A message for the standard HTTP errors that says what to do instead."""
    if err.code == 404 and err.description == type(err).description:
        return f"No page or API route at {request.path}; the API is described at /openapi.json."
    if err.code == 405:
        allowed = sorted(m for m in (getattr(err, "valid_methods", None) or []) if m not in ("HEAD", "OPTIONS"))
        return f"{request.method} is not allowed on {request.path}; use {', '.join(allowed) or 'another method'}."
    if err.code == 413:
        limit = request.max_content_length
        return f"The request body is too large; send at most {limit} bytes (setting max_request_bytes)."
    return err.description or err.name


def register(app: Flask) -> None:
    """Answer every HTTP error, bad parameter and unexpected exception with a problem document."""

    @app.before_request
    def _refuse_large_requests() -> None:
        # Refuse before any view runs (even one that checks a token first), from the declared length.
        limit = app.config.get("MAX_CONTENT_LENGTH")
        if limit is not None and (request.content_length or 0) > limit:
            raise RequestEntityTooLarge()
        if len(request.full_path) > MAX_URL_LENGTH:
            raise RequestURITooLarge(f"The URL is longer than {MAX_URL_LENGTH} characters; send long queries "
                                     "in a POST body instead.")

    @app.errorhandler(BadParameter)
    def _bad_parameter(err: BadParameter) -> Response:
        return problem(400, str(err))

    @app.errorhandler(RecursionError)
    def _too_deep(err: RecursionError) -> Response:
        return problem(400, "The request body nests too deeply to be read (JSON or XML nested thousands deep).")

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Response:
        response = problem(err.code or 500, _detail(err))
        for name, value in err.get_headers():
            if name.lower() not in ("content-type", "content-length"):
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(err: Exception) -> Response:
        app.logger.exception("unhandled error")
        return problem(500, "The server failed to answer this request; it has been logged.")

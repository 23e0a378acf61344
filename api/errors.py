"""One error shape for every JSON error: RFC 9457 ``application/problem+json``."""

from __future__ import annotations

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

__all__ = ["problem", "register"]


def problem(status: int, detail: str, title: str | None = None) -> Response:
    """Return a problem+json response with ``status`` and a message saying what to fix."""
    from http import HTTPStatus

    body = {"type": "about:blank", "title": title or HTTPStatus(status).phrase, "status": status, "detail": detail}
    return Response(json.dumps(body), status=status, mimetype="application/problem+json")


def register(app: Flask) -> None:
    """Answer every HTTP error and every unexpected exception with a problem document."""

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Response:
        response = problem(err.code or 500, err.description or err.name)
        for name, value in err.get_headers():
            if name.lower() not in ("content-type", "content-length"):
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(err: Exception) -> Response:
        app.logger.exception("unhandled error")
        return problem(500, "The server failed to answer this request; it has been logged.")

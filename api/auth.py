"""Bearer-token check for every write (SPARQL Update, Graph Store writes, ingest).

The service is read-only unless ``settings.write_token`` is set: then a write must carry
``Authorization: Bearer <token>``. Answers are problem+json: 403 when writes are switched
off, 401 (with ``WWW-Authenticate``) when the token is missing or wrong.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, request

from api.errors import problem

__all__ = ["check_write_token", "write_required"]


def check_write_token() -> Response | None:
    """Return ``None`` when the request may write, else the 401/403 problem response to send."""
    expected = current_app.config["CONFLICTKG"].write_token
    if not expected:
        return problem(
            403, "This service is read-only: writes are enabled by setting CONFLICTKG_WRITE_TOKEN on the server."
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        response = problem(401, "Writes need an 'Authorization: Bearer <token>' header.")
    elif not hmac.compare_digest(given.strip().encode(), expected.encode()):
        response = problem(401, "The bearer token is not the one configured for writes.")
    else:
        return None
    response.headers["WWW-Authenticate"] = 'Bearer realm="conflictkg"'
    return response


def write_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a Flask view so that it runs only for requests carrying the write token."""

    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        refusal = check_write_token()
        return refusal if refusal is not None else view(*args, **kwargs)

    return guarded

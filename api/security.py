"""Security headers on every answer: no MIME sniffing anywhere; on HTML, a Content-Security-Policy.

An HTML page may load scripts, styles and images from this server only, talk only to this
server (so the query editor cannot be pointed at another endpoint), and cannot be framed. Its
inline scripts run only with the nonce drawn for the request (``csp_nonce`` in templates).
Pages that set a stricter policy of their own (``/network``) keep it.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, g

__all__ = ["register", "policy"]


def policy(nonce: str) -> str:
    """The Content-Security-Policy of an HTML page whose inline scripts carry ``nonce``."""
    return ("default-src 'none'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def _nonce() -> str:
    """The current request's CSP nonce, made on first use."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def register(app: Flask) -> None:
    """Give templates ``csp_nonce`` and every response the headers above."""

    @app.context_processor
    def _template_nonce() -> dict[str, str]:
        """The request's nonce for templates: the inline scripts a page renders carry the one its policy names."""
        return {"csp_nonce": _nonce()}

    @app.after_request
    def _headers(response: Response) -> Response:
        """Add the security headers; an HTML answer gets a policy naming the request's nonce unless it has one."""
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", policy(_nonce()))
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

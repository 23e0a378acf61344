"""CORS, off unless ``cors_origins`` names the origins a browser may read the API from."""

from __future__ import annotations

from flask import Flask, Response, request

__all__ = ["register"]


def register(app: Flask, origins: str) -> None:
    """Answer cross-origin reads from the comma-separated ``origins`` only; do nothing when empty."""
    allowed = {origin.strip().rstrip("/") for origin in origins.split(",") if origin.strip()}
    if not allowed:
        return

    @app.after_request
    def _allow_listed_origin(response: Response) -> Response:
        origin = request.headers.get("Origin", "")
        if origin in allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Headers"] = "Accept, Authorization, Content-Type"
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            response.vary.add("Origin")
        return response

"""``python -m api``: serve ConflictKG with the production WSGI server."""

from __future__ import annotations

import argparse
import sys

from graph.config import load_settings
from graph.logs import configure_logging


def main(argv: list[str] | None = None) -> int:
    """Parse options, open the store and serve until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m api", description="Serve the ConflictKG API and pages.")
    parser.add_argument("--host", help="address to listen on (default $CONFLICTKG_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default $CONFLICTKG_PORT or 5000)")
    parser.add_argument("--data-dir", help="store directory (default $CONFLICTKG_DATA_DIR or ./data)")
    args = parser.parse_args(argv)
    configure_logging()
    try:
        settings = load_settings({"host": args.host, "port": args.port, "data_dir": args.data_dir})
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    from api import create_app
    from api.ahead import Ahead
    from api.server import serve

    app = create_app(settings)
    print(f"ConflictKG serving on http://{settings.host}:{settings.port}/", file=sys.stderr)
    serve(app, settings, started=Ahead(app).start if settings.network_ahead else lambda: None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

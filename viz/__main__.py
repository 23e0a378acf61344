"""``python -m viz --out network.html``: write the actor network as one standalone, offline HTML file."""

from __future__ import annotations

import argparse
import os
import sys

from graph.config import load_settings


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``python -m viz``."""
    parser = argparse.ArgumentParser(
        prog="python -m viz",
        description="Write the actor network of the store as one HTML file that works offline (every asset inlined).",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="HTML file to write ('-' for stdout)")
    parser.add_argument("--data-dir", help="store directory (default $CONFLICTKG_DATA_DIR or ./data)")
    parser.add_argument("--site-url", metavar="URL",
                        help="address of a running ConflictKG service (e.g. http://127.0.0.1:5000) to link entity "
                             "pages and fetch evidence from (fetching needs the service's CONFLICTKG_CORS_ORIGINS to "
                             "allow the page); without it the file stands alone")
    parser.add_argument("--physics-threshold", type=int, metavar="N",
                        help="above N nodes, fixed server-side positions and no physics (default %(default)s)")
    parser.add_argument("--title", default="Actor network", help="page title")
    parser.add_argument("--quiet", action="store_true", help="no summary line")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Render the network of the store into ``--out``; return the exit status."""
    from viz.render import PHYSICS_THRESHOLD, PageOptions

    parser = build_parser()
    parser.set_defaults(physics_threshold=PHYSICS_THRESHOLD)
    args = parser.parse_args(argv)
    site = args.site_url.rstrip("/") if args.site_url else None
    if site is not None and not site.startswith(("http://", "https://")):
        print(f"error: --site-url must start with http:// or https://, got {args.site_url!r}", file=sys.stderr)
        return 2
    try:
        settings = load_settings({"data_dir": args.data_dir})
        if not settings.store and not os.path.isdir(settings.data_dir):
            raise ValueError(f"no store in {settings.data_dir!r}; ingest articles first (python -m graph ingest)")
        from graph.network import read_network
        from graph.store import open_store
        from viz.render import render_page

        graph = read_network(open_store(settings))
        options = PageOptions(standalone=True, site_url=site, physics_threshold=args.physics_threshold,
                              title=args.title)
        html = render_page(graph, options)
        if args.out == "-":
            sys.stdout.write(html)
        else:
            with open(args.out, "w", encoding="utf-8") as handle:
                handle.write(html)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if not args.quiet and args.out != "-":
        actors = sum(1 for _, d in graph.nodes(data=True) if d["layer"] == "actor")
        print(f"wrote {args.out}: {actors} actors, {graph.number_of_edges()} edges, "
              f"{len(graph.graph['events'])} events ({len(html) // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

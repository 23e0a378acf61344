"""A news site on loopback for the tests: saved pages, a feed, redirects, errors, a slow and a huge page.

``NewsSite`` serves a dict of routes from a real ``http.server`` in a thread; tests add routes
(``site.add("/a", body, "text/html")``) and read ``site.hits`` to see what was fetched.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


def article_page(title: str, paragraphs: list[str], published: str | None = "2020-01-20",
                 site: str = "Sahel Post") -> str:
    """A news page: navigation, the article with its metadata, a sidebar and a footer."""
    meta = f'<meta property="article:published_time" content="{published}T08:00:00Z">' if published else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {site}</title>'
        f'<meta property="og:site_name" content="{site}">{meta}</head><body>'
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> '
        '<a href="/subscribe">Subscribe now</a></nav></header>'
        f"<main><article><h1>{escape(title)}</h1>{body}</article>"
        '<aside><h3>Most read</h3><a href="/x">Football results from the weekend</a></aside></main>'
        "<footer>Copyright Sahel Post. All rights reserved.</footer></body></html>"
    )


def rss(title: str, entries: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) entries."""
    items = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{date}</pubDate></item>" for t, link, date in entries
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://example.org/</link><description>News</description>{items}</channel></rss>")


class NewsSite:
    """A threaded HTTP server on 127.0.0.1 serving the routes added to it; a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.hits: Counter[str] = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.hits[self.path] += 1
                status, headers, body, delay = site.routes.get(self.path, (404, {"Content-Type": "text/html"},
                                                                            b"<h1>Not found</h1>", 0.0))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if delay:
                    for byte in body[:20]:  # a slow drip
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(delay)
                    return
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None, delay: float = 0.0) -> str:
        """Serve ``body`` at ``path``; return its full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, data, delay)
        return self.url + path

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Answer ``path`` with a redirect to ``location``; return its URL."""
        return self.add(path, b"", status=status, headers={"Location": location})

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

"""A page opened in headless Chromium that may only talk to the test server.

Every request to another host is aborted and recorded (``outside``), as are console errors,
page errors and dialogs (an ``alert`` from injected text would be one).
"""

from __future__ import annotations

from urllib.parse import urlsplit


class OfflinePage:
    """One page in a fresh browser context; requests off ``server`` are blocked and recorded."""

    def __init__(self, browser, server: str, path: str, bypass_csp: bool = False,
                 viewport: tuple[int, int] = (1280, 900)):
        self.server = server
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           bypass_csp=bypass_csp, accept_downloads=True)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(server + path)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == urlsplit(self.server).netloc or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def column(self, name: str) -> list[str]:
        """The text of one column of the browse table, top to bottom."""
        return self.page.eval_on_selector_all(f"#rows td[data-column='{name}']", "cells => cells.map(c => c.innerText)")

    def row_links(self) -> list[str]:
        """The first link of each row of the browse table (the row's own page)."""
        return self.page.eval_on_selector_all("#rows tbody tr td:first-child a",
                                              "links => links.map(a => a.getAttribute('href'))")

    def assert_clean(self) -> None:
        """No request left the server, no console error, no dialog."""
        assert self.outside == [], self.outside
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs

    def close(self) -> None:
        """Close the page's context."""
        self.context.close()

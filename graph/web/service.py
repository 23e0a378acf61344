"""Talk to a running ConflictKG service: send articles to ``POST /api/documents``, read exports and known documents.

The CLI uses it when the embedded store is held by the service (``--service URL``): the
service is then the store's one writer.
"""

from __future__ import annotations

from typing import IO, Any

import requests

from graph.inputs.known import KNOWN_DOCUMENTS, KnownDocuments
from graph.records import Article
from graph.sources import InputError

__all__ = ["ServiceClient", "ServiceError", "article_body"]

TIMEOUT_S = 300  # one article's extraction on a busy service


class ServiceError(InputError):
    """The service refused one request (a bad article); the next one may still go through."""


def article_body(article: Article) -> dict[str, Any]:
    """The ``POST /api/documents`` body of an article read here (the service extracts; nothing is fetched twice)."""
    published = article.published.isoformat() if article.published else None
    body = {"id": article.id, "text": article.text, "published": published, "title": article.title,
            "source": article.source, "author": article.author}
    if article.path and article.path.lower().startswith(("http://", "https://")):
        body["url"] = article.path
    return {key: value for key, value in body.items() if value}


class ServiceClient:
    """A client of one service at ``url`` with the write token ``token``."""

    def __init__(self, url: str, token: str = ""):
        """Remember the service's base URL and the token sent as ``Authorization: Bearer``."""
        if not url.lower().startswith(("http://", "https://")):
            raise InputError(f"--service needs an http(s):// URL, got {url!r}")
        self.url = url.rstrip("/")
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def post_article(self, article: Article) -> dict[str, Any]:
        """Ingest one article through the service; raise ServiceError with the service's one-line reason."""
        answer = self._call("POST", "/api/documents", json=article_body(article))
        return answer.json()

    def known(self) -> KnownDocuments:
        """The URLs and content hashes of the documents the service holds."""
        answer = self._call("GET", "/sparql", params={"query": KNOWN_DOCUMENTS},
                            headers={"Accept": "application/sparql-results+json"})
        rows = [{name: cell["value"] for name, cell in binding.items()}
                for binding in answer.json()["results"]["bindings"]]
        return KnownDocuments.from_rows(rows)

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Stream the service's export in ``fmt`` to ``out``."""
        with self._call("GET", "/api/export", params={"format": fmt}, stream=True) as answer:
            for chunk in answer.iter_content(65536):
                out.write(chunk)

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """Send one request; raise InputError naming the service and its problem's detail."""
        try:
            answer = self.session.request(method, self.url + path, timeout=TIMEOUT_S, **kwargs)
        except requests.RequestException as err:
            raise InputError(f"the service at {self.url} did not answer ({type(err).__name__})") from None
        if answer.status_code in (401, 403):  # every later request would be refused too
            raise InputError(f"the service at {self.url} answered {answer.status_code}: {_detail(answer)} "
                             "(set CONFLICTKG_WRITE_TOKEN to the service's write token)")
        if answer.status_code >= 400:
            raise ServiceError(f"the service at {self.url} answered {answer.status_code}: {_detail(answer)}")
        return answer


def _detail(answer: requests.Response) -> str:
    """The one-line reason of an error answer (a problem document's detail or title)."""
    try:
        problem = answer.json()
        text = problem.get("detail") or problem.get("title") or ""
    except ValueError:
        text = answer.text
    return (str(text).strip().splitlines() or [answer.reason or "error"])[0]



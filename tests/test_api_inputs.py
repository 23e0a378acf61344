"""POST /api/documents with html or a url, the CLI through a running service, and the store-in-use message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import requests

from tests.conftest import ROOT, WRITE_TOKEN, _serve
from tests.news_site import NewsSite, article_page

HEADERS = {"Authorization": f"Bearer {WRITE_TOKEN}"}
MARIB = ["Houthi forces shelled government troops near Marib in Yemen on Sunday, killing 12 people, local "
         "officials said.", "Residents fled towards the city, witnesses said."]


@pytest.fixture(scope="module")
def site():
    with NewsSite() as running:
        yield running


@pytest.fixture(scope="module")
def fetching_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fetching")


@pytest.fixture(scope="module")
def fetching_server(fetching_data_dir, site):
    """The service with fetching on; the news site's loopback network is allowed (as only tests do)."""
    yield from _serve(fetching_data_dir, CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN, CONFLICTKG_FETCH_URLS="1",
                      CONFLICTKG_FETCH_ALLOW_NETWORKS="127.0.0.0/8")


def post(server: str, body: dict) -> requests.Response:
    return requests.post(server + "/api/documents", json=body, headers=HEADERS, timeout=300)


def test_post_html_reads_the_pages_text_and_metadata(fetching_server):
    page = article_page("Shelling near Marib", MARIB, site="Yemen Monitor").replace(
        "</head>", '<meta name="author" content="Sara Ali"></head>')
    answer = post(fetching_server, {"id": "marib-page", "html": page})
    assert answer.status_code == 201, answer.text
    document = requests.get(fetching_server + "/api/documents/marib-page", timeout=30).json()
    assert (document["title"], document["publisher"], document["published"], document["author"]) == (
        "Shelling near Marib", "Yemen Monitor", "2020-01-20", "Sara Ali")
    assert "Subscribe" not in answer.text and "Football" not in answer.text


def test_post_url_fetches_the_article_and_keeps_its_link(fetching_server, site):
    url = site.add("/marib", article_page("Shelling near Marib", MARIB, published="2020-01-19"))
    answer = post(fetching_server, {"url": url, "source": "Yemen Monitor"})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["extraction"]["document"]["path"] == url
    document = requests.get(fetching_server + body["href"], timeout=30).json()
    assert (document["url"], document["published"], document["publisher"]) == (url, "2020-01-19", "Yemen Monitor")
    page = requests.get(fetching_server + body["href"].replace("/api", ""), timeout=30)
    assert page.status_code == 200 and url in page.text and "2020-01-19" in page.text and "Yemen Monitor" in page.text


@pytest.mark.parametrize(("path", "fix"), [
    ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"),
    ("http://10.0.0.1/a", "refused: 10.0.0.1 is a private address"),
    ("http://[::ffff:192.168.0.1]/a", "refused: ::ffff:192.168.0.1 is a private address"),
    ("/to-metadata", "refused: 169.254.169.254 is a link-local address"),  # a redirect is checked again
    ("/missing", "HTTP 404 Not Found"),
    ("/photo", "unsupported content type image/png"),
    ("/index", "no article text found in the page"),
])
def test_post_url_refusals_are_problems(fetching_server, site, path, fix):
    site.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
    site.add("/photo", b"\x89PNG", "image/png")
    site.add("/index", "<html><body><nav><a href='/'>Home</a> <a href='/b'>World</a></nav></body></html>")
    answer = post(fetching_server, {"url": path if path.startswith("http") else site.url + path})
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert fix in answer.json()["detail"]


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **env})


def test_cli_goes_through_the_running_service_or_says_the_store_is_in_use(fetching_server, fetching_data_dir,
                                                                          tmp_path):
    (tmp_path / "kidal.md").write_text("# Clashes near Kidal\n\nKIDAL, Mali, March 4, 2019 - Gunmen attacked an army "
                                       "post near Kidal on Saturday, killing seven soldiers, officials said.\n")
    data_dir = fetching_data_dir
    held = cli("ingest", str(tmp_path / "kidal.md"), "--data-dir", str(data_dir), "--quiet")
    assert held.returncode == 2
    assert held.stderr.startswith(f"error: the store in {data_dir} is in use by a running service")
    assert len(held.stderr.strip().splitlines()) == 1 and "LOCK" not in held.stderr
    exported = cli("export", "--format", "turtle", "--data-dir", str(data_dir))
    assert exported.returncode == 2 and "in use by a running service" in exported.stderr
    refused = cli("ingest", str(tmp_path / "kidal.md"), "--service", fetching_server)
    assert refused.returncode == 2 and "answered 401" in refused.stderr and "CONFLICTKG_WRITE_TOKEN" in refused.stderr
    sent = cli("ingest", str(tmp_path / "kidal.md"), "--service", fetching_server, "--quiet",
               CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)
    assert sent.returncode == 0, sent.stderr
    assert f"sent 1 documents to {fetching_server}" in sent.stderr
    document = requests.get(fetching_server + "/api/documents/kidal", timeout=30).json()
    assert (document["title"], document["published"]) == ("Clashes near Kidal", "2019-03-04")
    turtle = cli("export", "--format", "turtle", "--service", fetching_server, "--out", str(tmp_path / "all.ttl"))
    assert turtle.returncode == 0, turtle.stderr
    assert "Clashes near Kidal" in (tmp_path / "all.ttl").read_text(encoding="utf-8")

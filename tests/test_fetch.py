"""The fetcher against a real loopback server: limits, content types, redirects and the SSRF guard."""

from __future__ import annotations

import ipaddress

import pytest

from graph.web.fetch import Fetcher, FetchError, check_address, parse_networks
from tests.news_site import NewsSite, article_page

LOOPBACK = parse_networks("127.0.0.1/32")


@pytest.fixture()
def site():
    with NewsSite() as running:
        yield running


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),  # noqa: S104
    ("240.0.0.1", "reserved"), ("100.64.0.1", "non-public"), ("::1", "loopback"), ("fe80::1", "link-local"),
    ("fc00::1", "private"), ("ff02::1", "multicast"), ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:10.0.0.1", "private"), ("2002:7f00:1::", "loopback"), ("::", "unspecified"),
])
def test_non_public_addresses_are_refused(address, kind):
    with pytest.raises(FetchError, match=f"is a {kind} address"):
        check_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_pass(address):
    assert check_address(address) == ipaddress.ip_address(address)


def test_loopback_is_refused_by_default_before_connecting(site):
    url = site.add("/a", article_page("A", ["Text."]))
    for target in (url, url.replace("127.0.0.1", "localhost")):
        with pytest.raises(FetchError, match="loopback address"):
            Fetcher().get(target)
    assert site.hits["/a"] == 0


def test_allowed_network_fetches_page_with_type_and_charset(site):
    url = site.add("/a", article_page("A", ["Text."]), "text/html; charset=ISO-8859-1")
    page = Fetcher(allow_networks=LOOPBACK).get(url)
    assert (page.url, page.content_type, page.charset) == (url, "text/html", "iso-8859-1")
    assert b"<h1>A</h1>" in page.body


def test_each_redirect_is_checked_again(site):
    port = site.url.rsplit(":", 1)[1]
    site.add("/a", article_page("A", ["Text."]))
    site.redirect("/ok", "/a")
    site.redirect("/to-other-loopback", f"http://127.0.0.2:{port}/a")
    site.redirect("/to-mapped", f"http://[::ffff:127.0.0.1]:{port}/a")
    site.redirect("/to-file", "file:///etc/passwd")
    site.redirect("/loop", "/loop")
    fetcher = Fetcher(allow_networks=LOOPBACK)
    assert fetcher.get(site.url + "/ok").url == site.url + "/a"
    with pytest.raises(FetchError, match=r"127\.0\.0\.2:\d+/a: refused: 127.0.0.2 is a loopback address"):
        fetcher.get(site.url + "/to-other-loopback")
    with pytest.raises(FetchError, match="refused: ::ffff:127.0.0.1 is a loopback address"):
        fetcher.get(site.url + "/to-mapped")
    with pytest.raises(FetchError, match="only http:// and https:// URLs"):
        fetcher.get(site.url + "/to-file")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url + "/loop")


def test_missing_page_is_its_status(site):
    with pytest.raises(FetchError, match=r"/gone: HTTP 404 Not Found$"):
        Fetcher(allow_networks=LOOPBACK).get(site.url + "/gone")


def test_content_that_is_not_a_page_or_feed_is_refused(site):
    url = site.add("/photo", b"\x89PNG\r\n", "image/png")
    with pytest.raises(FetchError, match="unsupported content type image/png"):
        Fetcher(allow_networks=LOOPBACK).get(url)


def test_body_over_the_cap_is_refused(site):
    url = site.add("/big", "<p>" + "x" * 5000 + "</p>")
    with pytest.raises(FetchError, match="more than the 1000-byte cap"):
        Fetcher(allow_networks=LOOPBACK, max_bytes=1000).get(url)


def test_slow_drip_stops_at_the_time_limit(site):
    url = site.add("/slow", article_page("A", ["Text."]), delay=0.3)
    with pytest.raises(FetchError, match="time limit|timed out"):
        Fetcher(allow_networks=LOOPBACK, timeout=1.0).get(url)


def test_unresolvable_host_is_one_line():
    with pytest.raises(FetchError, match="cannot resolve no-such-host.invalid"):
        Fetcher().get("http://no-such-host.invalid/a")

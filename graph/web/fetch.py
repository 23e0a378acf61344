"""Fetch one web page or feed with a time limit, a size cap, content-type checks and SSRF guards.

Every host name is resolved here and each of its addresses checked before connecting; the
connection then goes to the checked address (so a second DNS answer cannot swap it), and every
redirect is resolved and checked again. Loopback, private, link-local, multicast, reserved and
other non-public addresses are refused (IPv4-mapped, 6to4 and Teredo IPv6 forms by the IPv4
address inside them) unless a network is listed in ``allow_networks``, which is for tests
that serve pages from loopback.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

__all__ = ["FetchError", "Fetcher", "Page", "PAGE_TYPES", "FEED_TYPES", "check_address", "parse_networks"]

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchError(Exception):
    """A URL that could not be fetched safely; the message is one line naming the URL and why."""


@dataclass(frozen=True)
class Page:
    """What a fetch returned: the final URL (after redirects), the media type, its charset and the body."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def parse_networks(text: str) -> tuple[Network, ...]:
    """Read a comma-separated list of networks ("127.0.0.0/8, ::1/128"); raise ValueError on a bad one."""
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip())


def _embedded_ipv4(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo client), else the address itself."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address.teredo is not None:
            return address.teredo[1]
    return address


def _refusal(address: IPAddress) -> str | None:
    """Why ``address`` may not be fetched from, or None when it is a public unicast address."""
    for label, refused in (("loopback", address.is_loopback), ("link-local", address.is_link_local),
                           ("multicast", address.is_multicast), ("unspecified", address.is_unspecified),
                           ("reserved", address.is_reserved), ("private", address.is_private)):
        if refused:
            return label
    return None if address.is_global else "non-public"


def check_address(text: str, allow_networks: Iterable[Network] = ()) -> IPAddress:
    """Return the address ``text`` when it may be fetched from; raise FetchError naming the kind otherwise."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if any(address in network for network in allow_networks):
        return address
    for candidate in (_embedded_ipv4(address), address):  # the IPv4 inside names the kind best
        if (why := _refusal(candidate)) is not None:
            raise FetchError(f"refused: {text} is a {why} address")
    return address


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a host name that connects to one address checked beforehand."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.raw: socket.socket | None = None  # kept: http.client lets go of ``sock`` when the server closes

    def connect(self) -> None:
        """Connect to the checked address, not to whatever the name resolves to now."""
        self.sock = self.raw = socket.create_connection((self.address, self.port), self.timeout)

    def wait_at_most(self, seconds: float) -> None:
        """Let the next read on this connection block at most ``seconds``."""
        if self.raw is not None:
            self.raw.settimeout(seconds)


class _PinnedHTTPS(_PinnedHTTP):
    """The HTTPS twin: TLS with the certificate checked against the host name."""

    default_port = 443

    def connect(self) -> None:
        """Connect to the checked address and verify the server's certificate for the host name."""
        super().connect()
        self.sock = self.raw = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


class Fetcher:
    """Fetches pages and feeds over http(s) within a time limit and a size cap, from public addresses only."""

    def __init__(self, timeout: float = 20.0, max_bytes: int = 10_000_000,
                 allow_networks: Iterable[Network] = (), max_redirects: int = 5):
        """Set the time limit per URL (seconds, redirects included), the body cap and the allowed networks."""
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_networks = tuple(allow_networks)
        self.max_redirects = max_redirects

    def get(self, url: str, types: frozenset[str] = PAGE_TYPES | FEED_TYPES) -> Page:
        """Fetch ``url`` following redirects; raise FetchError (one line, naming the URL) on any refusal or failure."""
        deadline = time.monotonic() + self.timeout
        current = url
        for _hop in range(self.max_redirects + 1):
            try:
                response, connection = self._request(current, deadline)
                try:
                    if response.status in _REDIRECTS and response.getheader("Location"):
                        current = urljoin(current, response.getheader("Location", ""))
                        continue
                    return self._page(current, response, connection, deadline, types)
                finally:
                    connection.close()
            except (OSError, http.client.HTTPException, ValueError, zlib.error) as err:
                raise FetchError(f"{current}: {_reason(err)}") from None
            except FetchError as err:
                raise FetchError(f"{current}: {err}") from None
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _request(self, url: str, deadline: float) -> tuple[http.client.HTTPResponse, _PinnedHTTP]:
        """Resolve and check the URL's host, connect to a checked address and send the GET."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("only http:// and https:// URLs can be fetched")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._checked_address(parts.hostname, port)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(parts.hostname, port, address, timeout=_left(deadline))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", path, headers={
                "User-Agent": "ConflictKG/1.0 (+https://conflictkg.org)", "Accept-Encoding": "gzip, identity",
                "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                          "application/xml;q=0.9, text/plain;q=0.8"})
            return connection.getresponse(), connection
        except BaseException:
            connection.close()
            raise

    def _checked_address(self, host: str, port: int) -> str:
        """Resolve ``host``; every address must pass ``check_address``; return the first."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as err:
            raise FetchError(f"cannot resolve {host} ({err.strerror})") from None
        addresses = [str(info[4][0]) for info in infos]
        for address in addresses:
            check_address(address, self.allow_networks)
        return addresses[0]

    def _page(self, url: str, response: http.client.HTTPResponse, connection: _PinnedHTTP, deadline: float,
              types: frozenset[str]) -> Page:
        """Check status and content type, then read the body within the cap and the time limit."""
        if response.status != 200:
            raise FetchError(f"HTTP {response.status} {response.reason}")
        media, charset = _content_type(response.getheader("Content-Type", ""))
        if media not in types:
            raise FetchError(f"unsupported content type {media or '(none)'} "
                             f"(expected {', '.join(sorted(types))})")
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"{length} bytes is more than the {self.max_bytes}-byte cap")
        body = self._read(response, connection, deadline)
        return Page(url=url, content_type=media, charset=charset, body=body)

    def _read(self, response: http.client.HTTPResponse, connection: _PinnedHTTP, deadline: float) -> bytes:
        """Read (and gunzip) the body, stopping at the byte cap or the deadline."""
        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            raise FetchError(f"unsupported content encoding {encoding}")
        inflate = zlib.decompressobj(wbits=47) if encoding == "gzip" else None
        chunks, size = [], 0
        while True:
            connection.wait_at_most(_left(deadline))
            chunk = response.read1(_CHUNK)  # one recv at most, so the deadline holds against a slow drip
            if not chunk:
                break
            if inflate is not None:
                chunk = inflate.decompress(chunk, self.max_bytes + 1 - size)
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"the body is larger than the {self.max_bytes}-byte cap")
        return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    """Split a Content-Type header into the lower-case media type and its charset, if any."""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _left(deadline: float) -> float:
    """Seconds left before ``deadline``; raise FetchError when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("no complete answer within the time limit")
    return left


def _reason(err: BaseException) -> str:
    """A one-line reason for a network error."""
    if isinstance(err, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(err, ssl.SSLError):
        return f"TLS error ({err.reason or err})"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err).splitlines()[0] if str(err) else type(err).__name__

"""A polite, defensive HTTP fetcher for article URLs.

Polite: a User-Agent naming storylens, robots.txt honoured, one request per host per
``per_host_interval``, retries with exponential backoff. Defensive: timeouts, redirects
followed by hand (each hop re-checked), private/loopback/link-local addresses refused
unless allowed (an article list must not probe a network), the body streamed raw under a
byte cap and decompressed under the same cap.

Each host is resolved once per run and every connection goes to the address that was checked
(the URL names the address; the Host header and TLS server name still name the host), so a
second DNS answer cannot turn a checked public host into a private one (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from storylens import __version__
from storylens.errors import InputError
from storylens.ingest.decode import decompress_capped
from storylens.ingest.options import IngestOptions

USER_AGENT = f"storylens/{__version__} (news comparison; +https://github.com/storylens/storylens)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[IPAddress]]


def system_addresses(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for ``host`` (raises OSError when there is none)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


class Fetcher:
    """One client, robots.txt cache and rate limiter for a run."""

    def __init__(self, options: IngestOptions, resolve: Resolver | None = None) -> None:
        self.options = options
        timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        self.client = httpx.Client(timeout=timeout, headers=headers, follow_redirects=False)
        self._resolve = resolve or system_addresses
        self._addresses: dict[str, IPAddress] = {}  # host -> the checked address every connection uses
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """The page at ``url``; InputError naming the URL and the reason when it cannot be had."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._check_address(current)
            if not self._robots_allow(current):
                raise InputError(url, f"robots.txt disallows {current}")
            response_url, status, location, fetched = self._get(current)
            if status in _REDIRECTS and location:
                current = urljoin(response_url, location)
                continue
            if status != 200:
                raise InputError(url, f"HTTP status {status}")
            return fetched
        raise InputError(url, f"more than {self.options.max_redirects} redirects")

    def _check_address(self, url: str) -> IPAddress:
        """The address ``url``'s host resolves to, resolved once per run and refused when it is
        private, loopback, link-local or reserved (unless allowed)."""
        try:
            parts = urlsplit(url)
            port = parts.port  # a malformed port raises here
        except ValueError as error:
            raise InputError(url, f"not a valid URL ({error})") from error
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(url, "only http and https URLs can be fetched")
        if parts.hostname not in self._addresses:
            try:
                addresses = self._resolve(parts.hostname, port or _DEFAULT_PORTS[parts.scheme])
            except (OSError, UnicodeError) as error:
                raise InputError(url, f"host not found ({error})") from error
            if not addresses:
                raise InputError(url, "host not found (no address)")
            refused = [a for a in addresses if not a.is_global or a.is_multicast]
            if refused and not self.options.allow_private:
                raise InputError(url, f"refusing private, loopback or link-local address {refused[0]}")
            self._addresses[parts.hostname] = addresses[0]
        return self._addresses[parts.hostname]

    def _pinned(self, url: str) -> tuple[str, dict[str, str], dict[str, str]]:
        """The request for ``url`` aimed at its checked address: (URL naming the address, Host
        header, TLS server name), so the connection cannot go where the check did not look."""
        address = self._check_address(url)
        target = httpx.URL(url)  # hosts in their ASCII (IDNA) form, as they go on the wire
        pinned = target.copy_with(host=str(address), userinfo=b"")  # no credentials sent
        headers = {"Host": target.netloc.decode("ascii")}
        return str(pinned), headers, {"sni_hostname": target.raw_host.decode("ascii")}

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        return self._robots[origin].can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        """RFC 9309: a missing robots.txt allows all; an unreachable or failing one disallows all."""
        parser = RobotFileParser()
        try:
            _, status, _, fetched = self._get(f"{origin}/robots.txt")
        except InputError:
            status, fetched = 503, None
        if status == 200 and fetched is not None:
            parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            parser.allow_all = True
        else:
            parser.disallow_all = True
        return parser

    def _wait_turn(self, host: str) -> None:
        wait = self._last_request.get(host, -1e9) + self.options.per_host_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _get(self, url: str) -> tuple[str, int, str | None, Fetched | None]:
        """(url, status, redirect location, body when 200), retrying transient failures with backoff."""
        for attempt in range(self.options.retries + 1):
            self._wait_turn(urlsplit(url).netloc)
            try:
                result = self._get_once(url)
            except httpx.TransportError as error:
                if attempt == self.options.retries:
                    raise InputError(url, f"request failed ({type(error).__name__}: {error})") from error
            else:
                if result[1] not in _RETRY_STATUSES or attempt == self.options.retries:
                    return result
            time.sleep(self.options.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> tuple[str, int, str | None, Fetched | None]:
        target, headers, extensions = self._pinned(url)
        with self.client.stream("GET", target, headers=headers, extensions=extensions) as response:
            if response.status_code != 200:
                return url, response.status_code, response.headers.get("location"), None
            body = self._read_capped(response, url)
            return url, 200, None, Fetched(url, response.headers.get("content-type", ""), body)

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError(url, f"response is {int(declared):,} bytes, over the {limit:,}-byte limit")
        chunks, size = [], 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > limit:
                raise InputError(url, f"response exceeds the {limit:,}-byte limit")
            chunks.append(chunk)
        body = b"".join(chunks)
        encoding = response.headers.get("content-encoding", "identity").lower()
        if encoding in ("", "identity"):
            return body
        return decompress_capped(body, encoding, limit, url)

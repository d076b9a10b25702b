"""Polite, safe HTTP for one council's ModernGov site.

What the client promises the council (README, "Following a council"):

* it asks only for `http(s)` URLs on the source's own host, and follows a redirect only when it
  stays there;
* it reads the host's robots.txt first and never asks for what it disallows;
* it waits `min_interval_s` (default 1 s) between requests to a host;
* it says who it is: a User-Agent naming the project and where to read about it;
* it gives up on a request after `timeout_s` without a byte (on a download after
  `max_seconds`), retries a timeout, a dropped connection, a 429 or a 5xx a few times with
  growing waits, and then records the failure and moves on;
* it reads at most `max_bytes` (default 100 MB) of a file, and keeps a file as a PDF only when
  its bytes open with `%PDF-`;
* when robots.txt answers 5xx or not at all, it asks for nothing (RFC 9309).

Downloads go to a temporary file that is flushed to disk before the caller moves it into the
archive; a download that fails leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from extractors import EXTRACTOR_VERSION
from moderngov.sources import Source

USER_AGENT = f"councilpacks/{EXTRACTOR_VERSION} (+https://github.com/councilpacks/councilpacks; civic data archive)"
# Statuses worth asking again for: the server is busy or broken for now.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
T = TypeVar("T")
# The rules when robots.txt cannot be read (a 5xx, no answer): ask for nothing.
KEEP_OFF = ["User-agent: *", "Disallow: /"]


class Refused(Exception):
    """A request the client will not make: another host, not http(s), or disallowed by robots.txt."""


class Busy(Exception):
    """A response worth retrying (429, 5xx)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


@dataclass(frozen=True)
class Page:
    """A page or web-service answer read as text."""

    url: str
    status: int
    text: str


@dataclass(frozen=True)
class Download:
    """The outcome of fetching one file: a finished temporary file, or why there is none."""

    url: str
    status: int | None  # None when no response came
    content_type: str = ""
    size: int = 0
    sha256: str = ""
    path: Path | None = None  # the flushed temporary file, when the body is a whole PDF
    error: str = ""


@dataclass
class PoliteClient:
    """HTTP for one source: its host only, robots.txt honoured, one request per `min_interval_s`."""

    base_url: str
    min_interval_s: float = 1.0
    timeout_s: float = 30.0
    max_bytes: int = 100_000_000
    # A whole download's time: `timeout_s` bounds each read, this a server that trickles bytes.
    max_seconds: float = 600.0
    attempts: int = 4
    backoff_s: float = 2.0
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    _last: float = field(default=0.0, init=False)
    _robots: urllib.robotparser.RobotFileParser | None = field(default=None, init=False)
    _client: httpx.Client | None = field(default=None, init=False)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()

    def text(self, url: str) -> Page:
        """GET a page or a web-service answer, retrying what is worth it; whatever status comes
        last is returned (a timeout or a dropped connection after the last attempt is raised)."""
        url = self._allowed(url)

        def get() -> Page:
            with self._get(url) as response:
                body = response.read()
                text = body.decode(response.encoding or "utf-8", "replace")
                page = Page(str(response.url), response.status_code, text)
            if page.status in RETRY_STATUSES:
                raise Busy(page.status)
            return page

        try:
            return self._retrying(get)
        except Busy as busy:
            return Page(url, busy.status, "")

    def download(self, url: str, folder: Path) -> Download:
        """GET a file into a temporary file in `folder`; the Download says what came."""
        try:
            self._allowed(url)
            return self._retrying(lambda: self._download_once(url, folder))
        except Busy as busy:
            return Download(url, busy.status, error=f"HTTP {busy.status} after {self.attempts} attempts")
        except httpx.TimeoutException:
            return Download(url, None, error=f"timed out after {self.timeout_s:g} s, {self.attempts} attempts")
        except httpx.TransportError as error:
            return Download(url, None, error=f"{type(error).__name__}: {error}")
        except Refused as refused:
            return Download(url, None, error=str(refused))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def _download_once(self, url: str, folder: Path) -> Download:
        with self._get(url) as response:
            status, kind = response.status_code, response.headers.get("content-type", "")
            if status in RETRY_STATUSES:
                raise Busy(status)
            if status != 200:
                return Download(url, status, kind, error=f"HTTP {status}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > self.max_bytes:
                error = f"{declared} bytes, over the limit of {self.max_bytes}"
                return Download(url, status, kind, declared, error=error)
            fd, name = tempfile.mkstemp(dir=folder, prefix=".download-")
            path, digest, size = Path(name), hashlib.sha256(), 0
            deadline = time.monotonic() + self.max_seconds
            try:
                with os.fdopen(fd, "wb") as out:
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            path.unlink()
                            return Download(url, status, kind, size, error=f"over the limit of {self.max_bytes} bytes")
                        if time.monotonic() > deadline:
                            path.unlink()
                            return Download(url, status, kind, size, error=f"took over {self.max_seconds:g} s")
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        with path.open("rb") as head:
            if head.read(5) != b"%PDF-":
                path.unlink()
                return Download(url, status, kind, size, error=f"not a PDF ({kind or 'no content type'})")
        return Download(url, status, kind, size, digest.hexdigest(), path)

    @contextmanager
    def _get(self, url: str) -> Iterator[httpx.Response]:
        """A streamed GET, redirects followed by hand: only within the host, and robots.txt asked."""
        client = self._http()
        for _ in range(MAX_REDIRECTS + 1):
            self._wait()
            response = client.send(client.build_request("GET", url), stream=True)
            if not response.is_redirect:
                try:
                    yield response
                finally:
                    response.close()
                return
            response.close()
            url = self._allowed(urljoin(url, response.headers.get("location", "")))
        raise Refused(f"more than {MAX_REDIRECTS} redirects from {url}")

    def _retrying(self, call: Callable[[], T]) -> T:
        """`call`, tried again on what may pass (the last attempt's exception is raised)."""
        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential(multiplier=self.backoff_s, max=60),
            retry=retry_if_exception_type((Busy, httpx.TimeoutException, httpx.TransportError)),
            sleep=self.sleep,
            reraise=True,
        )
        return retrying(call)

    def _allowed(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.host:
            raise Refused(f"not on {self.host}: {url}")
        if not self._robots_allow(url):
            raise Refused(f"robots.txt of {self.host} disallows {url}")
        return url

    def _robots_allow(self, url: str) -> bool:
        if self._robots is None:
            robots = urllib.robotparser.RobotFileParser()
            self._wait()
            # RFC 9309: redirects are followed; a 4xx means no rules; a 5xx or no answer, keep off.
            try:
                answer = self._http().get(urljoin(self.base_url, "/robots.txt"), follow_redirects=True)
                status = answer.status_code
                lines = answer.text.splitlines() if status == 200 else [] if status < 500 else KEEP_OFF
            except httpx.HTTPError:
                lines = KEEP_OFF
            robots.parse(lines)
            self._robots = robots
        return self._robots.can_fetch(USER_AGENT, url)

    def _wait(self) -> None:
        """At most one request per `min_interval_s` to this host."""
        gap = self._last + self.min_interval_s - time.monotonic()
        if gap > 0:
            self.sleep(gap)
        self._last = time.monotonic()

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT},
                timeout=self.timeout_s,
                follow_redirects=False,
                transport=self.transport,
            )
        return self._client


def client_for(source: Source) -> PoliteClient:
    """The client a source's settings ask for (its host, pace, timeout and size cap)."""
    return PoliteClient(source.base_url, source.min_interval_s, source.timeout_s, source.max_bytes)

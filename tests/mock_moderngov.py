"""A local ModernGov server for tests: real web-service answers (tests/data/web/, Manchester's
Audit Committee), a documents page in ModernGov's markup, real PDFs, and faults on demand.

Bound to 127.0.0.1 on a free port; no test touches a council's host.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

WEB = Path(__file__).parent / "data" / "web"  # copied from ../shared/corpus/web/ (SOURCES.tsv says whence)
DATA = Path(__file__).parent / "data"
REAL_HOST = "https://democracy.manchester.gov.uk"
PACK = "/documents/g4967/Public reports pack 10th-Feb-2026 10.00 Audit Committee.pdf"
MINUTES = "/documents/g4967/Printed minutes 10th-Feb-2026 10.00 Audit Committee.pdf"
DOCUMENTS_PAGE = f"""<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>
<div class="mgContent"><ul class="mgActionList">
<li><a href="{PACK}?T=10" title="Link to file Public reports pack">Agenda reports pack
<span class="mgFileSize">PDF 2 MB</span></a></li>
<li><a href="{MINUTES}?T=1" title="Link to file Printed minutes">Printed minutes
<span class="mgFileSize">PDF 120 KB</span></a></li>
</ul>
<ul class="mgBulletList"><li><a href="documents/s60909/DRAFT WP FEBRUARY 2026.pdf">DRAFT WP FEBRUARY 2026
<span class="mgFileSize">PDF 90 KB</span></a></li></ul></div></div>"""
MEETINGS_PAGE = """<div id="modgov"><ul class="mgBulletList">
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4966">13 Jan 2026 10.00 am - CANCELLED</a></li>
<li><a href="ieListDocuments.aspx?CId=144&amp;MId=4967">10 Feb 2026 10.00 am</a></li>
</ul></div>"""


@dataclass
class MockModernGov:
    """The server's content and what it was asked; `faults[path]` are served first, in order:
    "500", "403", "timeout", "truncated", "unsized" (no Content-Length), "trickle", "html", "offhost" (a
    redirect to another host)."""

    base_url: str = ""
    robots: str = "User-agent: *\nDisallow: /mgRestricted/\n"
    files: dict[str, bytes] = field(default_factory=dict)
    faults: dict[str, list[str]] = field(default_factory=dict)
    # Meeting 4967 as another day and with other attendees ((member id, name, attendance)), so
    # that it can be the meeting of the minutes served.
    day: str = ""
    attendees: list[tuple[str, str, str]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        self.requests.append(path)
        fault = self.faults.get(path, []).pop(0) if self.faults.get(path) else ""
        if fault in ("500", "403"):
            return _send(handler, int(fault), b"<html><body>Server Error</body></html>", "text/html")
        if fault == "timeout":
            time.sleep(1.5)
            return _send(handler, 200, b"%PDF-1.4 late", "application/pdf")
        if fault == "html":
            return _send(handler, 200, b"<html><body>Sorry, the document is unavailable.</body></html>", "text/html")
        if fault == "offhost":
            handler.send_response(302)
            handler.send_header("Location", "http://elsewhere.invalid/documents/x.pdf")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        if path == "/robots.txt":
            return _send(handler, 200, self.robots.encode(), "text/plain")
        if path.startswith("/mgWebService.asmx/"):
            return self._service(handler, path.rsplit("/", 1)[-1], query)
        if path == "/ieListMeetings.aspx":
            return _send(handler, 200, MEETINGS_PAGE.encode(), "text/html")
        if path == "/ieListDocuments.aspx" and query.get("MId") == ["4967"]:
            return _send(handler, 200, DOCUMENTS_PAGE.encode(), "text/html")
        if path in self.files:
            body = self.files[path]
            if fault == "trickle":  # a byte at a time, each in time, the whole never
                handler.send_response(200)
                handler.send_header("Content-Type", "application/pdf")
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                for k in range(20):
                    handler.wfile.write(body[k : k + 1])
                    handler.wfile.flush()
                    time.sleep(0.1)
                handler.close_connection = True
                return None
            if fault == "unsized":  # no Content-Length: the body ends when the connection closes
                handler.send_response(200)
                handler.send_header("Content-Type", "application/pdf")
                handler.end_headers()
                handler.wfile.write(body)
                handler.close_connection = True
                return None
            if fault == "truncated":  # promises the whole file, sends half, hangs up
                handler.send_response(200)
                handler.send_header("Content-Type", "application/pdf")
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body[: len(body) // 2])
                handler.close_connection = True
                return None
            return _send(handler, 200, body, "application/pdf")
        return _send(handler, 404, b"<html><body>Not found</body></html>", "text/html")

    def _service(self, handler: BaseHTTPRequestHandler, operation: str, query: dict[str, list[str]]) -> None:
        names = {
            "GetCommittees": "lgsf_manchester_GetCommittees_trimmed.xml",
            "GetMeetings": "lgsf_manchester_GetMeetings_committee144.xml",
            "GetMeeting": f"lgsf_manchester_GetMeeting_{query.get('lMeetingId', [''])[0]}"
            + ("_with_minutes.xml" if query.get("lMeetingId") == ["4967"] else "_no_minutes.xml"),
        }
        xml = WEB / names.get(operation, "")
        if operation not in names or not xml.is_file():
            return _send(handler, 404, b"", "text/html")
        text = xml.read_text(encoding="utf-8").replace(REAL_HOST, self.base_url)  # its links point here
        if self.day:
            text = text.replace("10/02/2026", self.day)
        if self.attendees:
            listed = "".join(
                f'<attendee membertype="U" memberid="{member}" name="{name}" roledescription="Committee Member" '
                f'attendance="{attendance}"></attendee>'
                for member, name, attendance in self.attendees
            )
            text = re.sub(r"<attendees>.*</attendees>", f"<attendees>{listed}</attendees>", text, flags=re.S)
        return _send(handler, 200, text.encode(), "text/xml; charset=utf-8")


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serving(mock: MockModernGov) -> Iterator[MockModernGov]:
    """The mock, answering on 127.0.0.1 until the block ends."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                mock.answer(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    mock.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield mock
    finally:
        server.shutdown()
        server.server_close()

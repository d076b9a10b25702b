"""Parse ModernGov responses into plain records: the mgWebService.asmx XML and the HTML pages behind it.

Nothing here fetches anything. The XML shapes are Manchester's (GetCommittees, GetMeetings, GetMeeting, as
kept in DemocracyClub/LGSF's fixtures); the HTML forms are ieListMeetings.aspx, ieListDocuments.aspx and
ieDecisionDetails.aspx, which ModernGov sites serve with the same "mg" class names.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

from extractors.text import MONTH_NUMBER


@dataclass(frozen=True)
class Committee:
    """One <committee> of GetCommittees: 312, "Appointment Sub Committee for ...", expired, not deleted."""

    id: int
    title: str
    expired: bool
    deleted: bool


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as a list names it: 4966 of committee 144 on 13/01/2026, "Cancelled"."""

    id: int
    committee_id: int
    date: datetime.date | None
    status: str


@dataclass(frozen=True)
class Link:
    """A document link: absolute URL, title as shown, and its kind ("pack", "agenda", "minutes", ...)."""

    url: str
    title: str
    kind: str


@dataclass(frozen=True)
class Attendee:
    """One <attendee> of GetMeeting: memberid "192", "Councillor Basil Curley", "Committee Member", "Expected"."""

    member_id: str
    name: str
    role: str
    attendance: str


@dataclass(frozen=True)
class MeetingDetail:
    """GetMeeting for one meeting: its documents in agenda order and the members expected or present."""

    id: int
    date: datetime.date | None
    status: str
    documents: tuple[Link, ...]
    attendees: tuple[Attendee, ...]


# Titles arrive escaped once by the XML and once more by ModernGov ("&amp;amp;"); three passes
# cover that with one to spare, and anything escaped deeper is left as published.
MAX_UNESCAPES = 3
UTF8_BOM = b"\xef\xbb\xbf"
# Characters left alone when quoting a joined path, so "%20" and "%2B" stay as they were
# ("documents/g11272/Decisions%2B12th-Sep-2024...pdf", Bristol) and only spaces and the like get encoded.
PATH_SAFE = "/%:@&=+$,;~!*'()"
# A "%" not starting an escape ("100% attendance.pdf") would make the URL invalid once the rest is quoted.
BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# documents/g{meeting}/...pdf?T=N is a meeting's whole document; T says which one ("Public reports pack
# ...pdf?T=10", "Agenda frontsheet ...pdf?T=0", "Printed minutes ...pdf?T=1", "Decisions ...pdf?T=2"; Kent, Bristol).
MEETING_PDF = re.compile(r"(?:^|/)documents/g\d+/[^/]*\.pdf$", re.I)
PACK_KINDS = {"10": "pack", "0": "agenda", "1": "minutes", "2": "decisions"}
# documents/s{id}/...pdf is one report or appendix ("documents/s7942/polc2 - 23.09.2015.pdf").
ITEM_PDF = re.compile(r"(?:^|/)documents/s\d+/[^/]*\.pdf$", re.I)
# mgConvert2PDF.aspx?ID=60860 serves an uploaded Word file as PDF (Manchester's GetMeeting links).
CONVERTED = re.compile(r"(?:^|/)mgConvert2PDF\.aspx$", re.I)
# Pages that name one meeting: "ieListDocuments.aspx?CId=151&MID=4832", "mgMeetingAttendance.aspx?ID=4967".
MEETING_PAGES = {"ielistdocuments.aspx", "mgmeetingattendance.aspx"}
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# "10 Feb 2026", "Tuesday, 10th February, 2026", "13th-Mar-2025" (ModernGov's pack file names).
WORDED_DATE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s,-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{4})(?!\d)")
# The web service and whatever follows it: "mgWebService.asmx/GetMeeting?lMeetingId=4967", "mgwebservice.asmx?op=...".
SERVICE_PAGE = re.compile(r"mgWebService\.asmx.*", re.I | re.S)
CANCELLED = re.compile(r"\bcancell?ed\b", re.I)


def decoded(text: str) -> str:
    """Entities unescaped until stable, spaces collapsed: "Planning &amp;amp;  Highways" -> "Planning & Highways"."""
    for _ in range(MAX_UNESCAPES):
        once = unescape(text)
        if once == text:
            break
        text = once
    return " ".join(text.split())


def parse_date(text: str) -> datetime.date | None:
    """The first date in the text: "13/01/2026", "10 Feb 2026 10.00 am", "Tuesday, 10th February, 2026"; else None."""
    numeric = NUMERIC_DATE.search(text)
    if numeric:
        return _date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
    worded = WORDED_DATE.search(text)
    # the project's months, keyed by their first three letters: a misspelt "Febuary" still reads
    if worded and worded[2][:3].lower() in MONTH_NUMBER:
        return _date(int(worded[3]), MONTH_NUMBER[worded[2][:3].lower()], int(worded[1]))
    return None


def _date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when there is no such day ("31/02/2026")."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def link_kind(url: str) -> str:
    """A URL's kind: "pack" (?T=10), "agenda" (T=0), "minutes" (T=1), "decisions" (T=2), "item", "converted", or ""."""
    return _document_kind(url) or ""


def _document_kind(url: str) -> str | None:
    """The kind of a document URL; "" for a meeting PDF with another T ("?T=9"), None when it is no document."""
    parts = urlsplit(url.strip())
    query = _query(parts.query)
    if MEETING_PDF.search(parts.path):
        return PACK_KINDS.get(query.get("t", ""), "")
    if ITEM_PDF.search(parts.path):
        return "item"
    if CONVERTED.search(parts.path) and query.get("id"):
        return "converted"
    return None


def _query(query: str) -> dict[str, str]:
    """Query parameters, names lower-cased, first value kept: "CId=151&MID=4832" -> {"cid": "151", "mid": "4832"}."""
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        params.setdefault(name.lower(), value.strip())
    return params


def _absolute(href: str, base: str) -> str:
    """href joined onto base, path percent-encoded: "documents/s7942/polc2 - 23.09.2015.pdf" -> "...polc2%20-%20..."."""
    parts = urlsplit(urljoin(base, href.strip()))
    path = quote(BARE_PERCENT.sub("%25", parts.path), safe=PATH_SAFE)
    return urlunsplit(parts._replace(path=path))


def _int(text: str) -> int | None:
    """A whole number with its padding removed (" 2" in <meetingscount> 2</...>), or None."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _flag(text: str) -> bool:
    """ModernGov's booleans are "True" and "False"; anything missing or unknown is False."""
    return text.strip().lower() == "true"


def _text(element: ET.Element, tag: str) -> str:
    """The text of a direct child, "" when the child is missing or empty."""
    return element.findtext(tag, default="")


def _root(xml: str | bytes, tag: str) -> ET.Element:
    """The parsed response, after the BOM and whitespace some servers put before "<?xml"; an
    answer whose root is not `tag` (an HTML page served in its place) is no response."""
    if isinstance(xml, bytes):
        data: str | bytes = xml.strip().removeprefix(UTF8_BOM).strip()
    else:
        data = xml.strip().removeprefix("\ufeff").strip()
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not a ModernGov XML response: {data[:80]!r}") from exc
    if root.tag != tag:
        raise ValueError(f"not a ModernGov {tag} response: <{root.tag}>")
    return root


def committees(xml: str | bytes) -> list[Committee]:
    """Every <committee> of a GetCommittees response that has an id, in order."""
    found = []
    for element in _root(xml, "committees").iter("committee"):
        committee_id = _int(_text(element, "committeeid"))
        if committee_id is None:
            continue
        found.append(
            Committee(
                id=committee_id,
                title=decoded(_text(element, "committeetitle")),
                expired=_flag(_text(element, "committeeexpired")),
                deleted=_flag(_text(element, "committeedeleted")),
            )
        )
    return found


def meetings(xml: str | bytes) -> list[MeetingRef]:
    """Every <meeting> with an id under each <committee> of a GetMeetings response, with that committee's id."""
    found = []
    for committee in _root(xml, "getmeetings").iter("committee"):
        committee_id = _int(_text(committee, "committeeid"))
        for element in committee.iter("meeting"):
            meeting_id = _int(_text(element, "meetingid"))
            if committee_id is None or meeting_id is None:
                continue
            date = parse_date(_text(element, "meetingdate"))
            found.append(MeetingRef(meeting_id, committee_id, date, decoded(_text(element, "meetingstatus"))))
    return found


def meeting(xml: str | bytes, base_url: str) -> MeetingDetail:
    """A GetMeeting response: id (0 when not given), date, status, linked documents and attendees.

    base_url is the site ("https://democracy.manchester.gov.uk/") or the service URL it was fetched from.
    """
    root = _root(xml, "meeting")
    return MeetingDetail(
        id=_int(_text(root, "meetingid")) or 0,
        date=parse_date(_text(root, "meetingdate")),
        status=decoded(_text(root, "meetingstatus")),
        documents=tuple(_linked_documents(root, base_url)),
        attendees=tuple(_attendee(element) for element in root.iter("attendee")),
    )


def _linked_documents(root: ET.Element, base_url: str) -> list[Link]:
    """Each <linkeddoc> with a URL, in agenda order, the first of any repeated URL kept."""
    base_url = _site(base_url)
    links: dict[str, Link] = {}
    for element in root.iter("linkeddoc"):
        href = _text(element, "url").strip()
        if not href:
            continue
        url = _absolute(href, base_url)
        links.setdefault(url, Link(url, decoded(_text(element, "title")), link_kind(url)))
    return list(links.values())


def _site(url: str) -> str:
    """The site folder of a service URL, which ModernGov's links are relative to.

    ".../moderngov/mgWebService.asmx/GetMeeting?lMeetingId=4967" -> ".../moderngov/"; other URLs unchanged.
    """
    return SERVICE_PAGE.sub("", url)


def _attendee(element: ET.Element) -> Attendee:
    """An <attendee memberid="192" name="Councillor Basil Curley" roledescription=... attendance=...>."""
    return Attendee(
        member_id=element.get("memberid", "").strip(),
        name=decoded(element.get("name", "")),
        role=decoded(element.get("roledescription", "")),
        attendance=decoded(element.get("attendance", "")),
    )


def html_meetings(html: str, page_url: str, committee_id: int) -> list[MeetingRef]:
    """The dated meeting links of an ieListMeetings.aspx page, first per meeting; other committees' links left out."""
    found: dict[int, MeetingRef] = {}
    for anchor in _anchors(html):
        meeting_id = _meeting_id(_absolute(anchor.href, page_url), committee_id)
        text = decoded("".join(anchor.text))
        date = parse_date(text)
        if meeting_id is None or date is None or meeting_id in found:
            continue
        cancelled = CANCELLED.search(text) or CANCELLED.search(decoded("".join(anchor.item)))
        found[meeting_id] = MeetingRef(meeting_id, committee_id, date, "Cancelled" if cancelled else "")
    return list(found.values())


def _meeting_id(url: str, committee_id: int) -> int | None:
    """The meeting a page URL names ("ieListDocuments.aspx?CId=144&MId=4967" -> 4967), None if another committee's."""
    parts = urlsplit(url)
    if parts.path.rsplit("/", 1)[-1].lower() not in MEETING_PAGES:
        return None
    query = _query(parts.query)
    if query.get("cid") and _int(query["cid"]) != committee_id:
        return None
    return _int(query.get("mid") or query.get("id") or "")


def html_documents(html: str, page_url: str) -> list[Link]:
    """The document links of an ieListDocuments or ieDecisionDetails page, absolute, first per URL."""
    links: dict[str, Link] = {}
    for anchor in _anchors(html):
        url = _absolute(anchor.href, page_url)
        kind = _document_kind(url)
        if kind is None:
            continue
        title = decoded("".join(anchor.text)) or decoded(anchor.title)
        links.setdefault(url, Link(url, title, kind))
    return list(links.values())


@dataclass
class _Anchor:
    """An <a href> as read: its text without the file size, and the text of its list item (shared with the item)."""

    href: str
    title: str
    text: list[str] = field(default_factory=list)
    item: list[str] = field(default_factory=list)


class _AnchorReader(HTMLParser):
    """Collects every <a href>, skipping <span class="mgFileSize"> ("PDF 119 KB") inside link text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[_Anchor] = []
        self._open: _Anchor | None = None
        self._size_spans = 0  # depth inside an mgFileSize span
        self._lists = 0  # depth of <ul>/<ol>
        self._items: list[tuple[int, list[str]]] = []  # open <li>: list depth, text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("ul", "ol"):
            self._lists += 1
        elif tag == "li":
            self._items.append((self._lists, []))
        elif tag == "a" and values.get("href"):
            item = self._items[-1][1] if self._items else []
            self._open = _Anchor(values["href"], values.get("title", ""), item=item)
            self.anchors.append(self._open)
        elif tag == "span" and (self._size_spans or "mgfilesize" in values.get("class", "").lower()):
            self._size_spans += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._close_items(self._lists)  # "<li>" needs no "</li>"; text after the list is no item's
            self._lists = max(self._lists - 1, 0)
        elif tag == "li" and self._items:
            self._items.pop()
        elif tag == "a":
            self._open = None
        elif tag == "span" and self._size_spans:
            self._size_spans -= 1

    def handle_data(self, data: str) -> None:
        if self._items:
            self._items[-1][1].append(data)
        if self._open is not None and not self._size_spans:
            self._open.text.append(data)

    def _close_items(self, depth: int) -> None:
        """Close the list items opened at this list depth or deeper."""
        while self._items and self._items[-1][0] >= depth:
            self._items.pop()


def _anchors(page: str) -> list[_Anchor]:
    """Every link of an HTML page, in order."""
    reader = _AnchorReader()
    reader.feed(page)
    reader.close()
    return reader.anchors

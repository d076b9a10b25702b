"""Discovery and download for one source: the meetings of its committees, their documents, once.

For each committee, the web service lists the meetings held from `lookback_days` back to
`ahead_days` ahead (`GetMeetings`; some servers ignore the dates, so they are filtered here
too); each meeting's documents are the packs and reports its document page links to
(`ieListDocuments.aspx`) and the files its agenda items link to (`GetMeeting`), which also
names its attendees. Where the web service answers 403 or 404 (switched off), the meetings
come from the committee's page (`ieListMeetings.aspx`) instead.

A meeting with a public reports pack (`?T=10`) is fetched as that pack, its printed minutes
and decisions: the pack holds the agenda and every report, so they are not fetched twice.

Each file is fetched once per canonical URL, and again `refresh_days` later while its meeting
is still listed (or at once with `full`): ModernGov sends no ETag or Last-Modified, so a file
republished in place is found by its hash, and its new bytes are kept as a new version. A meeting listed before and
held more than `settled_after_days` ago is not listed again unless `full`; `since` reaches
further back for meetings never listed. Every request for a file is in the manifest with its
outcome; a failure is recorded and the run goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

import httpx

from moderngov import responses
from moderngov.http import Download, Page, PoliteClient, Refused
from moderngov.responses import Link, MeetingRef
from moderngov.sources import Source
from store.fetches import Fetch, ListedAttendee, ListedMeeting, Manifest
from store.raw import RawStore, StoredPdf

# A cookieless session segment some ModernGov servers put in their links: "/(S(abc123))/".
SESSION = re.compile(r"/\(S\([^)]*\)\)", re.I)
# The web service is switched off or hidden: use the pages.
SERVICE_OFF = frozenset({403, 404})
STAMP = "%Y-%m-%dT%H:%M:%SZ"
# With a public reports pack, these kinds are in it already.
IN_THE_PACK = frozenset({"agenda", "item", "converted"})


class Unlisted(Exception):
    """A listing (a committee's meetings, a meeting's documents) that could not be read."""


@dataclass
class Summary:
    """What one run found and fetched, for the command line and the run's metadata."""

    meetings_seen: int = 0
    meetings_settled: int = 0  # listed before and long past: not listed again
    new_files: int = 0
    changed: int = 0
    unchanged: int = 0  # fetched before, not asked for again (or the same bytes came back)
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    fetched: list[StoredPdf] = field(default_factory=list)  # those that came new or changed this run

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.meetings_seen} meetings seen ({self.meetings_settled} settled, not listed again), "
            f"{self.new_files} new files, {self.changed} changed, {self.unchanged} unchanged, {self.failed} failed"
        )


def canonical(url: str) -> str:
    """One spelling per file: lower-case scheme and host, no session segment, no fragment."""
    parts = urlsplit(url)
    path = SESSION.sub("", parts.path) or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def service(source: Source, operation: str, **params: object) -> str:
    """A web-service URL: `mgWebService.asmx/GetMeetings?lCommitteeId=...`."""
    query = f"?{urlencode(params)}" if params else ""
    return f"{source.base_url}/mgWebService.asmx/{operation}{query}"


def scrape(
    source: Source,
    raw: RawStore,
    manifest: Manifest,
    client: PoliteClient,
    since: date | None = None,
    full: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Summary:
    """Fetch what the source's committees newly published into the raw store."""
    summary = Summary()
    today = now().date()
    first = since or today - timedelta(days=source.lookback_days)
    last = today + timedelta(days=source.ahead_days)
    try:
        committees = _committee_ids(source, client, summary)
    except (httpx.HTTPError, Refused, Unlisted) as error:
        return _failed(summary, f"committees: {error}")
    for committee in committees:
        try:
            refs = _meetings(source, client, committee, first, last)
        except (httpx.HTTPError, Refused, Unlisted) as error:
            _failed(summary, f"committee {committee}: {error}")
            continue
        for ref in refs:
            if ref.status.lower() == "cancelled":
                continue
            summary.meetings_seen += 1
            settled = ref.date is not None and ref.date < today - timedelta(days=source.settled_after_days)
            if settled and not full and manifest.listed(source.name, str(ref.id)):
                summary.meetings_settled += 1
                continue
            try:
                links = _documents(source, client, manifest, ref, now)
            except (httpx.HTTPError, Refused, Unlisted) as error:
                _failed(summary, f"meeting {ref.id}: {error}")
                continue
            failures = summary.failed
            for link in links:
                _fetch(source, raw, manifest, client, ref, link, full, now, summary)
            # a meeting with a failed file is listed again next time, settled or not
            complete = summary.failed == failures
            listed = ListedMeeting(source.name, str(ref.id), str(committee), str(ref.date or ""), _stamp(now), complete)
            manifest.note_meeting(listed)
    return summary


def _committee_ids(source: Source, client: PoliteClient, summary: Summary) -> list[int]:
    """The committees as ids: titles are looked up in `GetCommittees` (exact title); one not
    found is an error of the run."""
    ids = [c for c in source.committees if isinstance(c, int)]
    titles = {c for c in source.committees if isinstance(c, str)}
    if titles:
        page = client.text(service(source, "GetCommittees"))
        try:
            known = {c.title: c.id for c in responses.committees(page.text)} if page.status == 200 else {}
        except ValueError:  # an HTML page in its place
            known = {}
        ids += [known[t] for t in sorted(titles) if t in known]
        summary.errors += [
            f"no committee titled {t!r} (GetCommittees: HTTP {page.status})" for t in titles - set(known)
        ]
    return ids


def _failed(summary: Summary, error: str) -> Summary:
    summary.failed += 1
    summary.errors.append(error)
    return summary


def _meetings(source: Source, client: PoliteClient, committee: int, first: date, last: date) -> list[MeetingRef]:
    """The committee's meetings held between `first` and `last`, from the web service or its page."""
    dates = {"sFromDate": first.strftime("%d/%m/%Y"), "sToDate": last.strftime("%d/%m/%Y")}
    page = client.text(service(source, "GetMeetings", lCommitteeId=committee, **dates))
    found = _xml(responses.meetings, page)
    if found is None and page.status in (*SERVICE_OFF, 200):  # switched off, or an HTML page in its place
        listing = f"{source.base_url}/ieListMeetings.aspx?{urlencode({'CId': committee})}"
        page = client.text(listing)
        found = responses.html_meetings(page.text, listing, committee) if page.status == 200 else None
    if found is None:
        raise Unlisted(f"HTTP {page.status} from {page.url}")
    return [m for m in found if m.date is None or first <= m.date <= last]


def _xml(read: Callable[[str], list[MeetingRef]], page: Page) -> list[MeetingRef] | None:
    """A web-service answer read, or None when it is not one (an error status, an HTML page)."""
    if page.status != 200:
        return None
    try:
        return read(page.text)
    except ValueError:
        return None


def _documents(
    source: Source, client: PoliteClient, manifest: Manifest, ref: MeetingRef, now: Callable[[], datetime]
) -> list[Link]:
    """The files to fetch for one meeting; its published attendees are kept on the way."""
    links: list[Link] = []
    detail = client.text(service(source, "GetMeeting", lMeetingId=ref.id))
    meeting = _meeting(detail, source.base_url)
    if meeting is not None:
        links += meeting.documents
        when = _stamp(now)
        attendees = [
            ListedAttendee(source.name, str(ref.id), a.member_id, a.name, a.role, a.attendance, detail.url, when)
            for a in meeting.attendees
        ]
        manifest.keep_attendance(source.name, str(ref.id), attendees)
    listing = f"{source.base_url}/ieListDocuments.aspx?{urlencode({'CId': ref.committee_id, 'MId': ref.id})}"
    page = client.text(listing)
    if page.status != 200:  # the meeting's files are not known: it is listed again next time
        raise Unlisted(f"HTTP {page.status} from {listing}")
    links += responses.html_documents(page.text, listing)
    chosen = list({canonical(link.url): link for link in reversed(links)}.values())
    if any(link.kind == "pack" for link in chosen):
        chosen = [link for link in chosen if link.kind not in IN_THE_PACK]
    return sorted(chosen, key=lambda link: canonical(link.url))


def _meeting(page: Page, base_url: str) -> responses.MeetingDetail | None:
    if page.status != 200:
        return None
    try:
        return responses.meeting(page.text, base_url)
    except ValueError:  # an HTML page in its place
        return None


def _fetch(
    source: Source,
    raw: RawStore,
    manifest: Manifest,
    client: PoliteClient,
    ref: MeetingRef,
    link: Link,
    full: bool,
    now: Callable[[], datetime],
    summary: Summary,
) -> None:
    """Fetch one file (unless fetched lately), keep it, and record the request."""
    url = canonical(link.url)
    before = manifest.last_kept(url)
    lately = now() - timedelta(days=source.refresh_days)
    if before is not None and not full and _parsed(before.fetched_at) > lately:
        summary.unchanged += 1
        return
    when = _stamp(now)
    got = client.download(url, raw.temp_dir())
    outcome = _outcome(got, before)
    # the file is in the store before the manifest says so: a crash between leaves it fetched again
    entry = raw.adopt(got.path, got.sha256, _file_name(link), url, when) if got.path is not None else None
    manifest.record(
        Fetch(
            url,
            got.status,
            got.size,
            got.content_type,
            got.sha256 if got.path else "",
            when,
            source.name,
            str(ref.committee_id),
            str(ref.id),
            document_ref(url),
            outcome,
            got.error,
        )
    )
    if entry is None:
        _failed(summary, f"{url}: {got.error}")
        return
    if outcome == "unchanged":
        summary.unchanged += 1
        return
    summary.fetched.append(entry)
    if outcome == "new":
        summary.new_files += 1
    else:
        summary.changed += 1


def _stamp(now: Callable[[], datetime]) -> str:
    return now().strftime(STAMP)


def _parsed(stamp: str) -> datetime:
    return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)


def _outcome(got: Download, before: Fetch | None) -> str:
    if got.path is None:
        return "failed"
    if before is None:
        return "new"
    return "unchanged" if before.sha256 == got.sha256 else "changed"


def document_ref(url: str) -> str:
    """ModernGov's name for a file: "s128747" (a report), "g4967 T=10" (a pack), "ID=60860"."""
    parts = urlsplit(url)
    found = re.search(r"/documents/([gs]\d+)/", parts.path, re.I)
    if found:
        kind = re.search(r"(?:^|&)T=(\d+)", parts.query)
        return found.group(1).lower() + (f" T={kind.group(1)}" if kind else "")
    ident = re.search(r"(?:^|&)ID=(\d+)", parts.query, re.I)
    return f"ID={ident.group(1)}" if ident else ""


def _file_name(link: Link) -> str:
    """The file's name as the council gives it, for the `documents` row."""
    name = urlsplit(link.url).path.rsplit("/", 1)[-1]
    if name.lower().endswith(".pdf"):
        return unquote(name)
    title = re.sub(r"[^\w .,()&-]+", "", link.title).strip() or document_ref(link.url) or "document"
    return f"{title}.pdf"

"""The scraper's datasets, from the fetch manifest beside what was extracted (DATASETS.md):
`document_versions`, `source_attendance`, `attendance_agreement` and `coverage`.

A ModernGov meeting is one of ours (`meeting_id` = `<body-slug>/<date>`) through the files
fetched for it: the extracted meeting of those files held on the day ModernGov lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from extractors.names import same_person, split_honorific
from extractors.vocab import document_id, file_id
from models import (
    AttendanceAgreementRecord,
    AttendanceRecord,
    CoverageRecord,
    DocumentRecord,
    DocumentVersionRecord,
    Record,
    SourceAttendanceRecord,
)
from models.vocab import AttendanceStatus, DocumentStatus
from store.fetches import Fetch, ListedMeeting, Manifest

# Our attendance statuses that are the council's "Present" (officers "also present" are not members).
PRESENT = {AttendanceStatus.PRESENT.value}


def scraped(manifest: Manifest, datasets: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """The four datasets for the archive `manifest` describes, `datasets` being what was extracted."""
    fetches, meetings = manifest.fetches(), manifest.meetings()
    documents = [d for d in datasets.get("documents", []) if isinstance(d, DocumentRecord)]
    ours = _our_meetings(fetches, meetings, documents)
    source = [
        SourceAttendanceRecord(
            meeting_id=ours.get((a.source, a.meeting_id), ""),
            member_id=a.member_id,
            name=a.name,
            role=a.role,
            attendance=a.attendance,
            source_url=a.source_url,
            retrieved_at=a.retrieved_at,
            source_meeting_id=f"{a.source}/{a.meeting_id}",
        )
        for a in manifest.attendance()
    ]
    attendance = [a for a in datasets.get("attendance", []) if isinstance(a, AttendanceRecord)]
    out: dict[str, list[Record]] = {
        "document_versions": [*versions(fetches)],
        "source_attendance": [*source],
        "attendance_agreement": [*agreement(source, attendance)],
        "coverage": [*coverage(fetches, meetings, documents)],
    }
    return out


def versions(fetches: Iterable[Fetch]) -> list[DocumentVersionRecord]:
    """Each URL's contents in the order they came, with when each was seen and what replaced it."""
    by_url: dict[str, list[Fetch]] = defaultdict(list)
    for f in fetches:
        by_url[f.url].append(f)
    out = []
    for url, tried in sorted(by_url.items()):
        kept = [f for f in tried if f.sha256]
        order = list(dict.fromkeys(f.sha256 for f in kept))
        for k, sha in enumerate(order):
            seen = [f.fetched_at for f in kept if f.sha256 == sha]
            out.append(
                DocumentVersionRecord(
                    source_url=url,
                    sha256=sha,
                    document_id=document_id(sha),
                    fetched_at=max(f.fetched_at for f in tried),
                    first_seen=min(seen),
                    last_seen=max(seen),
                    superseded_by=order[k + 1] if k + 1 < len(order) else "",
                )
            )
    return out


def agreement(
    source: Iterable[SourceAttendanceRecord], attendance: Iterable[AttendanceRecord]
) -> list[AttendanceAgreementRecord]:
    """Per meeting the council recorded attendance for: who both say was present, who only one says.

    Names are matched through the council's member ids: a member is the minutes' name when any
    name the council gave that member at any meeting is the same person (`same_person`:
    "Councillor Vinay Manro" is the minutes' "Vijay Manro", the same surname and initial), each
    once. A meeting whose council record is only "Expected" (attendance not yet taken) is left out.
    """
    source = list(source)
    names: dict[str, set[str]] = defaultdict(set)  # every name each member id was given
    for a in source:
        names[a.member_id].add(split_honorific(a.name)[1])
    recorded: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for a in source:
        if a.meeting_id and "present" in a.attendance.lower():
            recorded[a.meeting_id].append((split_honorific(a.name)[1], names[a.member_id]))
    read: dict[str, list[str]] = defaultdict(list)
    for r in attendance:
        if r.status in PRESENT:
            read[r.meeting_id].append(r.name)
    out = []
    for meeting, theirs in sorted(recorded.items()):
        left = list(read.get(meeting, []))
        matched, source_only = 0, []
        for name, spellings in theirs:
            found = next((o for o in left if any(same_person(s, o) or same_person(o, s) for s in spellings)), None)
            if found is None:
                source_only.append(name)
            else:
                matched += 1
                left.remove(found)
        disagreements = [f"only the council: {n}" for n in source_only] + [f"only the minutes: {n}" for n in left]
        out.append(
            AttendanceAgreementRecord(
                meeting_id=meeting,
                matched=matched,
                extracted_only=len(left),
                source_only=len(source_only),
                precision=round(matched / (matched + len(left)), 4) if matched + len(left) else 0.0,
                recall=round(matched / len(theirs), 4),
                disagreements="; ".join(disagreements),
            )
        )
    return out


def coverage(
    fetches: Iterable[Fetch], meetings: Iterable[ListedMeeting], documents: Iterable[DocumentRecord]
) -> list[CoverageRecord]:
    """Per source, committee and year: meetings listed and with files, files fetched, extracted, failed."""
    status = {d.document_id: d.status for d in documents if not d.parent_id}
    held = {(m.source, m.meeting_id): m for m in meetings}
    last: dict[str, Fetch] = {}
    for f in fetches:
        last[f.url] = f  # in the order fetched: the last attempt says how the file stands
    rows: dict[tuple[str, str, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in held.values():
        rows[(m.source, m.committee_id, _year(m.date))]["listed"].add(m.meeting_id)
    for f in last.values():
        listed = held.get((f.source, f.meeting_id))
        counts = rows[(f.source, f.committee_id, _year(listed.date) if listed else 0)]
        if not f.sha256:
            counts["failed"].add(f.url)
            continue
        counts["fetched"].add(f.url)
        counts["with_documents"].add(f.meeting_id)
        extracted = status.get(document_id(f.sha256))
        if extracted == DocumentStatus.OK.value:
            counts["extracted"].add(f.url)
        elif extracted is not None:
            counts["failed"].add(f.url)
    return [
        CoverageRecord(
            source=source,
            committee=committee,
            year=year,
            meetings_listed=len(c["listed"]),
            meetings_with_documents=len(c["with_documents"]),
            documents_fetched=len(c["fetched"]),
            documents_extracted=len(c["extracted"]),
            documents_failed=len(c["failed"]),
        )
        for (source, committee, year), c in sorted(rows.items())
    ]


def _year(day: str) -> int:
    return int(day[:4]) if day[:4].isdigit() else 0


def _our_meetings(
    fetches: Iterable[Fetch], meetings: Iterable[ListedMeeting], documents: Iterable[DocumentRecord]
) -> dict[tuple[str, str], str]:
    """ModernGov's (source, meeting id) -> our meeting_id: the meeting its files state, held that day."""
    day = {(m.source, m.meeting_id): m.date for m in meetings}
    stated: dict[str, set[str]] = defaultdict(set)
    for d in documents:
        if d.meeting_id:
            stated[file_id(d.document_id)].add(d.meeting_id)
    out: dict[tuple[str, str], str] = {}
    for f in fetches:
        key = (f.source, f.meeting_id)
        when = day.get(key, "")
        found = sorted(m for m in stated.get(document_id(f.sha256), set()) if when and m.endswith(f"/{when}"))
        if f.sha256 and found and key not in out:
            out[key] = found[0]
    return out

"""The `people` registry: one row per person across every meeting read, from the attendance lists.

A person is known by council and name: `person_id` is `<council-slug>/<name-slug>`, given to
attendance names and to the people the minutes' prose names (`mentions`). Across meetings, the
same name in one council is one person.

Two spellings are merged only with evidence, never by likeness alone:

* a name printed with initials ("R W Gough", "R Gough") is the full name ("Roger Gough") when,
  in the same council, exactly one full name has that surname and those initials, and the two
  were never listed at the same meeting (one person is not listed twice);
* two names whose given names are spelled out and differ ("Vinay Manro", "Vijay Manro") stay
  two people, however alike: a clerk's typing drift and two relatives look the same on paper.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractors.vocab import slug
from models import AttendanceRecord, MeetingRecord, PersonRecord
from models.vocab import AttendanceStatus


def person_id(council: str, name: str) -> str:
    """`<council-slug>/<name-slug>`: the person's id wherever the council's documents name them."""
    return f"{slug(council) or 'unknown-council'}/{slug(name)}"


@dataclass
class _Seen:
    council: str
    name: str
    honorifics: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    attended: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)


def registry(
    attendance: Iterable[AttendanceRecord], meetings: Sequence[MeetingRecord]
) -> tuple[list[PersonRecord], dict[str, str]]:
    """The people of all meetings, and each printed name's id -> its person's id (where merged)."""
    council_of = {m.meeting_id: m.council for m in meetings}
    date_of = {m.meeting_id: m.date for m in meetings}
    seen: dict[str, _Seen] = {}
    for a in attendance:
        council = council_of.get(a.meeting_id, "")
        key = person_id(council, a.name)
        entry = seen.setdefault(key, _Seen(council, a.name))
        entry.honorifics |= {a.honorific} - {""}
        entry.roles |= {a.role} - {""}
        entry.organisations |= {a.organisation} - {""}
        entry.listed.add(a.meeting_id)
        if a.status in (AttendanceStatus.PRESENT, AttendanceStatus.ALSO_PRESENT):
            entry.attended.add(a.meeting_id)
        if date_of.get(a.meeting_id):
            entry.dates.add(date_of[a.meeting_id])
    merged = _merges(seen)
    for short, full in merged.items():
        into, gone = seen[full], seen.pop(short)
        into.honorifics |= gone.honorifics
        into.roles |= gone.roles
        into.organisations |= gone.organisations
        into.attended |= gone.attended
        into.listed |= gone.listed
        into.dates |= gone.dates
    people = [
        PersonRecord(
            person_id=key,
            name=entry.name,
            honorifics="; ".join(sorted(entry.honorifics)),
            roles="; ".join(sorted(entry.roles)),
            organisations="; ".join(sorted(entry.organisations)),
            meetings_attended=len(entry.attended),
            first_seen=min(entry.dates, default=""),
            last_seen=max(entry.dates, default=""),
        )
        for key, entry in sorted(seen.items())
    ]
    return people, merged


def _merges(seen: dict[str, _Seen]) -> dict[str, str]:
    """Names printed with initials -> the one full name of their council they abbreviate."""
    by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in seen.items():
        words = entry.name.split()
        if len(words) > 1:
            by_surname[(entry.council, words[-1].lower())].append(key)
    out = {}
    for keys in by_surname.values():
        full = [k for k in keys if not _initialled(seen[k].name)]
        for key in keys:
            if not _initialled(seen[key].name):
                continue
            fits = [f for f in full if _initials_fit(seen[key].name, seen[f].name)]
            if len(fits) == 1 and not seen[key].listed & seen[fits[0]].listed:
                out[key] = fits[0]
    return out


def _initialled(name: str) -> bool:
    """ "R W Gough", "R. Gough": every given name is an initial."""
    given = name.replace(".", " ").split()[:-1]
    return bool(given) and all(len(w) == 1 for w in given)


def _initials_fit(short: str, full: str) -> bool:
    """Whether the initials agree with the given names the full name prints ("R W Gough" and
    "Roger Gough": a middle name may be left out of either)."""
    given = short.replace(".", " ").split()[:-1]
    names = full.split()[:-1]
    return bool(names) and all(n.upper().startswith(g.upper()) for g, n in zip(given, names, strict=False))

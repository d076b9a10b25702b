"""Who attended a meeting, as minutes record it.

Blocks under "Present:", "Also Present:", "IN ATTENDANCE (VIRTUALLY):", the apologies item
("Apologies were received from: ..."), substitutions ("– substituted by Cllr X",
"Councillor X attended as substitute", "Cllr X would be substituting ... for Cllr Y") and
late arrivals or early departures ("Cllr X arrived at 10:39am", "... left the meeting at 12:30pm").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from extractors.headings import Heading, Placed
from extractors.names import ROLE_DASH, Person, looks_like_name, parse_person, same_person, split_people
from extractors.text import TIME_PATTERN, parse_time
from extractors.vocab import PLURAL_COUNCILLORS, TITLE
from models import AttendanceRecord
from models.vocab import AttendanceStatus

BLOCK = re.compile(
    r"^(?P<label>(?:members\s+|councillors\s+)?present|also\s+present"
    r"|in\s+attendance(?:\s+(?:virtually|remotely|online))?"
    r"|officers(?:\s+(?:present|in attendance))?|apologies(?:\s+for\s+absence)?|absent)"
    r"\s*(?::-?|-|\s*$)\s*(?P<rest>.*)$",
    re.I,
)
# A block ends at the next label of another kind ("Public Gallery:", "Public Questions:").
OTHER_LABEL = re.compile(r"^[A-Z][A-Za-z ]{2,30}:(\s|$)")
SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
APOLOGIES_FROM = re.compile(r"apologies\b[^.:]*?\b(?:from|of)\b\s*:?\s*(?P<rest>.*)$", re.I)
NO_APOLOGIES = re.compile(r"\b(no|none)\b.*\bapologies\b|\bapologies\b.*\b(none|nil)\b", re.I)
HONOR = rf"(?:{TITLE}\s+)"
NAME = rf"{HONOR}+(?:(?:[A-Z]\.?|[A-Z][\w'\u2019-]+)\s+){{0,3}}[A-Z][\w'\u2019-]+"
SUBSTITUTED_BY = re.compile(rf"(?P<absent>{NAME})\s*[-\u2013\u2014(]\s*substituted\s+by\s+(?P<sub>{NAME})")
SUBSTITUTE_FOR = re.compile(
    rf"(?P<sub>{NAME})\s+(?:attended|was\s+present|would\s+be|is|was)?\s*(?:as\s+(?:a\s+)?)?substitut\w*"
    rf"(?:[^.]*?\bfor\s+(?P<absent>{NAME}))?"
)
ARRIVED = re.compile(
    rf"(?P<who>{NAME}(?:(?:,\s*|\s+and\s+){NAME})*)\s+(?:arrived|joined the meeting)\b[^.]*?(?P<time>{TIME_PATTERN})",
    re.I,
)
LEFT = re.compile(
    rf"(?P<who>{NAME}(?:(?:,\s*|\s+and\s+){NAME})*)\s+(?:left|departed)\b[^.]*?(?P<time>{TIME_PATTERN})", re.I
)


@dataclass(frozen=True)
class Attendee:
    """One person's attendance while the minutes are read: the parsed person keeps the note
    printed after the name ("– substituted by Cllr X") that substitutions are read from."""

    person: Person
    status: AttendanceStatus
    page: int
    substitute_for: str = ""
    arrived_at: str = ""
    left_at: str = ""


ROLL_CALL_NAME = re.compile(r"^(?:attendee\s+)?name$")
ROLL_CALL_STATUS = {
    "present": AttendanceStatus.PRESENT,
    "late": AttendanceStatus.PRESENT,
    "remote": AttendanceStatus.PRESENT,
    "absent": AttendanceStatus.ABSENT,
    "excused": AttendanceStatus.APOLOGIES,
}


def read_attendance(lines: list[Placed], headings: list[Heading], bodies: list[list[Placed]]) -> list[AttendanceRecord]:
    """Everyone the minutes list as present, in attendance, absent or sending apologies.

    The meeting and document ids are the caller's to set.
    """
    preamble = lines[: headings[0].start] if headings else lines
    people = _blocks(preamble) + _roll_call(lines)
    for heading, body in zip(headings, bodies, strict=True):
        if re.search(r"apolog", heading.title, re.I):
            people += _apologies(body)
        blocks = _blocks(body)
        people += [a for a in blocks if a.status is AttendanceStatus.APOLOGIES]
    people = _dedupe(people)
    text = " ".join(p.line.plain for p in lines)
    return [_record(a) for a in _times(_substitutions(people, text), text)]


def _record(a: Attendee) -> AttendanceRecord:
    p = a.person
    return AttendanceRecord(
        meeting_id="",
        name=p.name,
        honorific=p.honorific,
        role=p.role,
        organisation=p.organisation,
        status=a.status,
        substitute_for=a.substitute_for,
        remote=p.remote,
        arrived_at=a.arrived_at,
        left_at=a.left_at,
        source_document_id="",
        page=a.page,
    )


def _status(label: str) -> AttendanceStatus:
    label = label.lower()
    if label.startswith("apolog"):
        return AttendanceStatus.APOLOGIES
    if label.startswith("absent"):
        return AttendanceStatus.ABSENT
    if label.endswith("present") and not label.startswith("also"):
        return AttendanceStatus.PRESENT
    return AttendanceStatus.ALSO_PRESENT


def _blocks(lines: list[Placed]) -> list[Attendee]:
    out: list[Attendee] = []
    block: list[Placed] = []
    label = ""
    for placed in [*lines, None]:
        text = placed.line.plain if placed else ""
        match = BLOCK.match(text) if placed else None
        other = OTHER_LABEL.match(text) and not PLURAL_COUNCILLORS.match(text)
        ends = placed is None or match or (label and (other or _is_caps_heading(text)))
        if ends and label:
            out += _entries(block, label)
            label, block = "", []
        if match:
            label = match.group("label")
            rest = match.group("rest").strip()
            block = [Placed(placed.page, replace(placed.line, text=rest))] if rest else []  # type: ignore[union-attr]
        elif label and placed:
            block.append(placed)
    return out


def _is_caps_heading(text: str) -> bool:
    """ "UNRESTRICTED ITEMS" after a Kent attendance list is a heading, not a name."""
    return len(text.split()) > 1 and text.isupper()


def _entries(block: list[Placed], label: str) -> list[Attendee]:
    if not block:
        return []
    status = _status(label)
    remote = bool(re.search(r"virtual|remote|online", label, re.I))
    joined = " ".join(p.line.plain for p in block)
    per_line = bool(ROLE_DASH.search(re.sub(r"\([^()]*\)", "", joined)))
    if initialled := _with_initials(block):
        chunks = initialled
    elif per_line:
        chunks = [(p.page, e) for p in block for e in _dash_entries(p.line.plain)]
    else:  # the list ends with its first sentence: "... Passey and Wood. Under item 4(v) ..."
        chunks = [(block[0].page, e) for e in split_people(SENTENCE_END.split(joined)[0])]
    return _people(chunks, status, remote)


def _with_initials(block: list[Placed]) -> list[tuple[int, str]]:
    """Names printed in columns beside the initials the minutes use for them:
    "Present: | Kenny Combe | KC | Catherine Chisholm | CC" (Ayton Community Council). Empty when
    the block is not set that way."""
    found = []
    for placed in block:
        cells = [c for c in placed.line.parts if not BLOCK.match(c)]  # the label's own cell
        if len(cells) < 2 or len(cells) % 2:
            return []
        for name, code in zip(cells[::2], cells[1::2], strict=True):
            if code != "".join(word[0] for word in re.sub(r"\([^()]*\)", "", name).split()).upper():
                return []
            found.append((placed.page, name))
    return found


def _roll_call(lines: list[Placed]) -> list[Attendee]:
    """A roll-call table as US minutes systems print it: "Attendee Name | Title | Status | Arrived"
    (East Palo Alto Planning Commission), one row per member until a row without a status."""
    for i, placed in enumerate(lines):
        head = [c.lower() for c in placed.line.parts]
        if not (head and ROLL_CALL_NAME.match(head[0]) and "status" in head):
            continue
        status_at = head.index("status")
        out = []
        for row in lines[i + 1 :]:
            cells = row.line.parts
            status = ROLL_CALL_STATUS.get(cells[status_at].lower()) if len(cells) > status_at else None
            if status is None:
                break
            role = cells[1] if status_at > 1 else ""
            arrived = parse_time(" ".join(cells[status_at + 1 :])) if cells[status_at].lower() == "late" else ""
            person = Person(name=cells[0], role=role, remote=cells[status_at].lower() == "remote")
            out.append(Attendee(person=person, status=status, page=row.page, arrived_at=arrived))
        return out
    return []


def _dash_entries(line: str) -> list[str]:
    """Split "A – Town Clerk, B - Assistant Town Clerk" at commas that start a new "Name – Role"."""
    entries: list[str] = []
    for piece in (p.strip() for p in line.split(",")):
        if entries and not (ROLE_DASH.search(piece) and ROLE_DASH.search(entries[-1])):
            entries[-1] = f"{entries[-1]}, {piece}"
        elif piece:
            entries.append(piece)
    return entries


def _people(chunks: list[tuple[int, str]], status: AttendanceStatus, remote: bool) -> list[Attendee]:
    out = []
    plural = ""
    for page, chunk in chunks:
        match = PLURAL_COUNCILLORS.match(chunk)
        if match:
            plural = "Cllr"
            chunk = chunk[match.end() :]
        person = parse_person(chunk)
        if not looks_like_name(person.name):
            continue
        if plural and not person.honorific:
            person = replace(person, honorific=plural)
        if remote:
            person = replace(person, remote=True)
        out.append(Attendee(person=person, status=status, page=page))
    return out


def _apologies(body: list[Placed]) -> list[Attendee]:
    text = " ".join(p.line.plain for p in body)
    if not body or NO_APOLOGIES.search(text[:200]):
        return []
    for i, placed in enumerate(body):
        match = APOLOGIES_FROM.search(placed.line.plain)
        if match:
            rest = match.group("rest").strip()
            if rest:  # "Apologies were received from Mrs C Bell." (may run over lines)
                sentence = _sentence(rest, body[i + 1 :])
                return _people([(placed.page, e) for e in split_people(sentence)], AttendanceStatus.APOLOGIES, False)
            return _listed(body[i + 1 :])
    return _listed(body[:1])  # Sutton Coldfield: the item's first line is the list itself


def _sentence(start: str, following: list[Placed]) -> str:
    text = start
    for placed in following:
        if re.search(r"\.\s*$", text):
            break
        text += " " + placed.line.plain
    return re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", text)[0]


def _listed(lines: list[Placed]) -> list[Attendee]:
    """People listed one per line (or as one list on a line) until the prose starts."""
    out: list[Attendee] = []
    for placed in lines:
        entries = split_people(placed.line.plain)
        found = _people([(placed.page, e) for e in entries], AttendanceStatus.APOLOGIES, False)
        if not found or len(found) < len(entries):
            break
        out += found
    return out


def _dedupe(people: list[Attendee]) -> list[Attendee]:
    seen: dict[tuple[str, str], Attendee] = {}
    for a in people:
        seen.setdefault((a.person.name.lower(), a.status), a)
    return list(seen.values())


def _substitutions(people: list[Attendee], text: str) -> list[Attendee]:
    pairs = [(m.group("sub"), m.group("absent")) for m in SUBSTITUTED_BY.finditer(text)]
    pairs += [(m.group("sub"), m.group("absent") or "") for m in SUBSTITUTE_FOR.finditer(text)]
    for a in people:
        found = re.search(rf"substituted\s+by\s+({NAME})", a.person.note)
        if a.status is AttendanceStatus.APOLOGIES and found:
            pairs.append((found.group(1), a.person.name))
    out = []
    for a in people:
        for sub, absent in pairs:
            if a.status is AttendanceStatus.PRESENT and same_person(sub, a.person.name):
                absent_name = _full_name(absent, people) if absent else a.substitute_for
                role = a.person.role or "Substitute"
                a = replace(a, person=replace(a.person, role=role), substitute_for=absent_name)
        out.append(a)
    return out


def _full_name(short: str, people: list[Attendee]) -> str:
    found = [a.person.name for a in people if same_person(short, a.person.name)]
    return found[0] if found else parse_person(short).name


def _times(people: list[Attendee], text: str) -> list[Attendee]:
    stamps: list[tuple[re.Pattern[str], Callable[[Attendee, str], Attendee]]] = [
        (ARRIVED, lambda a, when: replace(a, arrived_at=when)),
        (LEFT, lambda a, when: replace(a, left_at=when)),
    ]
    for pattern, stamp in stamps:
        for match in pattern.finditer(text):
            when = parse_time(match.group("time"))
            names = split_people(match.group("who"))
            people = [
                stamp(a, when)
                if a.status is AttendanceStatus.PRESENT and any(same_person(n, a.person.name) for n in names)
                else a
                for a in people
            ]
    return people

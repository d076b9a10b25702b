"""Who attended a meeting, as minutes record it.

The lists under "Present:", "Also Present:", "IN ATTENDANCE (VIRTUALLY):" and the apologies
item are read in `extractors.attendance_lists`; here they are joined and the sentences around
them read: substitutions ("– substituted by Cllr X",
"Councillor X attended as substitute", "Cllr X would be substituting ... for Cllr Y") and
late arrivals or early departures ("Cllr X arrived at 10:39am", "... left the meeting at 12:30pm"),
who chaired ("The Meeting was Chaired by X") and who, not listed, addressed the meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from extractors.attendance_lists import APOLOGIES_FROM, BLOCK, Attendee, apologies, blocks, roll_call
from extractors.headings import Heading, Placed
from extractors.names import (
    LEADING_SYMBOLS,
    ORGANISATION,
    Person,
    looks_like_name,
    parse_person,
    same_person,
    split_people,
    strip_symbols,
)
from extractors.text import TIME_PATTERN, parse_time
from extractors.vocab import BODY_WORDS, HONORIFIC_WORDS, JOB_WORDS, OFFICES, ROLES, TITLE
from models import AttendanceRecord
from models.vocab import AttendanceStatus

__all__ = ["BLOCK", "read_attendance"]  # BLOCK: minutes.py ends its title block at the first label

HONOR = rf"(?:{TITLE}\s+)"
NAME = rf"{HONOR}+(?:(?:[A-Z]\.?|[A-Z][\w'\u2019-]+)\s+){{0,3}}[A-Z][\w'\u2019-]+"
# In sentences a name may come without a title when it is known from the lists ("Jos Clark
# attended as substitute"): a full name then, matched against the people listed.
BARE_WORD = rf"(?!{TITLE}\s)[A-Z][\w'\u2019-]+"  # a title starts a name of its own
ANY_NAME = rf"(?:{NAME}|{BARE_WORD}(?:\s+{BARE_WORD}){{1,3}})"
SUBSTITUTED_BY = re.compile(
    rf"(?P<absent>{ANY_NAME})\s*(?:[-\u2013\u2014(]|,?\s+who\s+was)\s*substituted\s+by\s+(?P<sub>{ANY_NAME})"
)
SUBSTITUTE_FOR = re.compile(
    rf"(?P<sub>{ANY_NAME})\s+(?:attended|was\s+present|would\s+be|is|was)?\s*(?:as\s+(?:a\s+)?)?substitut\w*"
    rf"(?:[^.]*?\bfor\s+(?P<absent>{ANY_NAME}))?"
)
# Who chaired, said in a sentence rather than beside the name: "The Meeting was Chaired by Kenny
# Combe." (Ayton Community Council), "In the absence of the Chairman, Cllr X took the chair".
CHAIRED = re.compile(
    rf"(?i:\bchaired\s+by)\s+(?P<by>{HONOR}*(?:[A-Z][\w'-]+\s+){{0,3}}[A-Z][\w'-]+)"
    rf"|(?P<took>{NAME})\s+(?:took|was\s+in)\s+the\s+chair\b"
)
# A list of names a sentence says something of, bounded so that a long run of names with no verb
# after it is tried in linear time, not rescanned from every name (minutes join all their text).
WHO_MAX_NAMES = 12
WHO = rf"(?P<who>{ANY_NAME}(?:(?:,\s*|\s+and\s+){ANY_NAME}){{0,{WHO_MAX_NAMES - 1}}})"
ARRIVED = re.compile(rf"{WHO}\s+(?i:arrived|joined the meeting)\b[^.]*?(?P<time>{TIME_PATTERN})")
LEFT = re.compile(rf"{WHO}\s+(?i:left|departed)\b[^.]*?(?P<time>{TIME_PATTERN})")


# "Mr John Betts, Interim Corporate Director Finance, was in attendance for this item." (Kent),
# "X, Y and Z were in attendance virtually": people in attendance said in a sentence.
ATTENDED = re.compile(
    rf"{WHO}(?:,\s+(?P<role>[^,.]{{3,80}}),)?\s+(?:was|were)\s+(?:in\s+attendance|present)"
    r"(?P<how>\s+(?:virtually|remotely|online|via\s+(?:teams|zoom)))?"
)
# Someone not in the lists who addresses the meeting: a member of the public or an officer,
# named in full at the start of a line or sentence or after a topic's dash, perhaps with a role
# between commas, then a verb of speaking: "Zoe Toft spoke regarding ..." (Sutton Coldfield),
# "Court Skinner provided public comment.", "Patrick Heisinger, Assistant City Manager, made a
# presentation" (East Palo Alto), "Ayton Church – Bill Stewart, Session Clerk for Ayton Parish
# Church, spoke about ..." (Ayton). Without a title, so "The Chair asked" and "Cllr Cobb
# reported" (members, in the lists already) are not read here.
SPEAKER = re.compile(
    r"(?:^|(?<=[.:;])\s+|\s-\s+)(?P<name>[A-Z][a-z]+(?:[ -](?:Mc|Mac|O')?[A-Z][a-z'-]+){1,2})"
    r"(?:,\s+(?P<role>[^,.]{3,60}),)?\s+(?:spoke|addressed|presented|made\s+a\s+presentation|provided\s+public"
    r"\s+comment|introduced|asked|raised|queried|thanked|wished|reported|explained|expressed|outlined)\b"
)


def read_attendance(lines: list[Placed], headings: list[Heading], bodies: list[list[Placed]]) -> list[AttendanceRecord]:
    """Everyone the minutes list as present, in attendance, absent or sending apologies.

    The meeting and document ids are the caller's to set.
    """
    preamble = lines[: headings[0].start] if headings else lines
    groups = [*blocks(preamble), roll_call(lines)]
    # Lists inside items add their apologies only, unless nobody is listed before the first item:
    # then the lists are an item's own ("Perfunctory Business" / "o Commissioners Present:", Chicago).
    listed_first = any(groups)
    for heading, body in zip(headings, bodies, strict=True):
        # the item is found by its words when its title is broken ("A pologies for Absence", Kent)
        if re.search(r"apolog", heading.title, re.I) or any(APOLOGIES_FROM.search(p.line.plain) for p in body[:3]):
            groups.append(apologies(body))
        groups += [
            [a for a in group if not listed_first or a.status is AttendanceStatus.APOLOGIES] for group in blocks(body)
        ]
    people = _dedupe(groups)
    text = " ".join(p.line.plain for p in lines)
    people = _attended(people, text, lines[0].page if lines else 1)
    people += _speakers(lines, people)
    return [_record(a) for a in _times(_substitutions(_chair(people, text), text), text)]


def _attended(people: list[Attendee], text: str, page: int) -> list[Attendee]:
    """People a sentence puts in attendance: added when not listed, marked remote when it says so."""
    for match in ATTENDED.finditer(text):
        remote = bool(match.group("how"))
        for entry in split_people(match.group("who")):
            known = [a for a in people if same_person(entry, a.person.name)]
            person = replace(parse_person(entry), role=match.group("role") or "", remote=remote)
            if not known and _unlisted_name(person.name):
                people = [*people, Attendee(person=person, status=AttendanceStatus.ALSO_PRESENT, page=page)]
            elif remote:
                people = [replace(a, person=replace(a.person, remote=True)) if a in known else a for a in people]
    return people


def _speakers(lines: list[Placed], known: list[Attendee]) -> list[Attendee]:
    """People not in the lists who spoke at the meeting, in attendance; each once."""
    out: list[Attendee] = []
    for before, placed in zip([None, *lines], lines, strict=False):
        text = strip_symbols(placed.line.plain)
        for match in SPEAKER.finditer(text):
            if match.start() == 0 and not _starts_paragraph(placed, before):
                continue  # run on from "... Cabinet Member for Finance, Corporate and" (Kent)
            name = match.group("name")
            if not _unlisted_name(name) or any(same_person(name, a.person.name) for a in known + out):
                continue
            person = Person(name=name, role=match.group("role") or "")
            out.append(Attendee(person=person, status=AttendanceStatus.ALSO_PRESENT, page=placed.page))
    return out


def _unlisted_name(name: str) -> bool:
    """Whether words a sentence puts before a verb can be a person's full name: not "The Chairman",
    "Commissioner Mashack" (a member by office, US minutes), "Planning Officer", "Parish Council"
    or "Thames Water"."""
    words = {w.lower() for w in re.split(r"[ -]", name)}
    titled = words & (HONORIFIC_WORDS | ROLES.keys() | JOB_WORDS | OFFICES | BODY_WORDS | {"the"})
    return looks_like_name(name) and not titled and not ORGANISATION.search(name)


def _starts_paragraph(placed: Placed, before: Placed | None) -> bool:
    """Whether a line starts afresh: first, bulleted, or after a heading or a finished sentence."""
    if before is None or LEADING_SYMBOLS.match(placed.line.plain) or before.line.bold:
        return True
    return bool(re.search(r"[.:;!?]$", before.line.plain))


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


def _dedupe(groups: list[list[Attendee]]) -> list[Attendee]:
    """Everyone once: a person named again in a later list (the apologies item after the
    preamble's "Apologies:") is dropped, but two people printed alike in one list are two
    ("Ms J Meade, Mr J Meade", Kent County Council)."""
    seen: set[tuple[str, str]] = set()
    out: list[Attendee] = []
    for group in groups:
        new = [a for a in group if (a.person.name.lower(), a.status) not in seen]
        seen |= {(a.person.name.lower(), a.status) for a in group}
        out += new
    return out


def _substitutions(people: list[Attendee], text: str) -> list[Attendee]:
    pairs = [(m.group("sub"), m.group("absent")) for m in SUBSTITUTED_BY.finditer(text)]
    pairs += [(m.group("sub"), m.group("absent") or "") for m in SUBSTITUTE_FOR.finditer(text)]
    for a in people:
        found = re.search(rf"substituted\s+by\s+({NAME})", a.person.note)
        if a.status is AttendanceStatus.APOLOGIES and found:
            pairs.append((found.group(1), a.person.name))
    # "Apologies were received from Councillor Coombes. Councillor Jos Clark attended as
    # substitute." (Bristol): with one member away, the substitute named alone stands in for them.
    sent = [a.person.name for a in people if a.status is AttendanceStatus.APOLOGIES]
    sole = sent[0] if len(sent) == 1 else ""
    out = []
    for a in people:
        for sub, absent in pairs:
            if a.status is AttendanceStatus.PRESENT and same_person(sub, a.person.name):
                absent_name = _full_name(absent, people) if absent else a.substitute_for or sole
                role = a.person.role or "Substitute"
                a = replace(a, person=replace(a.person, role=role), substitute_for=absent_name)
        out.append(a)
    return out


def _chair(people: list[Attendee], text: str) -> list[Attendee]:
    """The member a sentence names as chairing gets the role, unless a role is printed already."""
    match = CHAIRED.search(text)
    who = (match.group("by") or match.group("took")) if match else ""
    if not who or any(a.person.role in {"Chair", "Chairman"} for a in people):
        return people
    return [
        replace(a, person=replace(a.person, role="Chair"))
        if a.status is AttendanceStatus.PRESENT and not a.person.role and same_person(who, a.person.name)
        else a
        for a in people
    ]


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

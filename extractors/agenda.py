"""An agenda front sheet: the meeting, the body's membership and the numbered items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors import title_block
from extractors.headings import Placed, flatten
from extractors.names import Person, looks_like_name, parse_person
from extractors.outline import item_headings
from extractors.pages import Page
from extractors.text import clean, find_date, smart_title
from extractors.title_block import CONTACT
from extractors.vocab import COUNCILLOR_TITLE
from models import AgendaItemRecord, MeetingRecord, MembershipRecord
from models.vocab import MembershipKind

LABEL = re.compile(r"^(?P<label>meeting|committee|place|venue|location|date|time)\s*:\s*(?P<value>.+)$", re.I)
# The members' list: "Membership:", or a US agenda's "ROLL CALL:" over "Councilmember Alegria".
MEMBERS = re.compile(r"^(membership|members|councillors|roll\s+call)\s*:?\s*$", re.I)
SUBSTITUTES = re.compile(r"^(named\s+)?substitutes?\s*(members)?\s*:?\s*$", re.I)
PART = re.compile(r"^(part\s+(?P<part>i{1,2}|[12]|[ab])\b|(?P<open>unrestricted items)|(?P<closed>exempt items))", re.I)
AGENDA_WORD = re.compile(r"^agenda$", re.I)
# The title block ends where the agenda, its first item or a notice to the public begins.
TITLE_BLOCK_END = re.compile(r"^(agenda\b|\d{1,3}[.)]?\s|[ivx]{1,4}\.\s|members\s+of\s+the\s+public)", re.I)
# Two entries printed side by side in one cell: "..., Wiltshire Council Cllr Jon Hubbard, ...".
SECOND_PERSON = re.compile(rf"(?<=[a-z,)])\s+(?={COUNCILLOR_TITLE}\s)")
# The date an agenda was issued or revised, not the meeting's: "REVISED" / "4/23/19" over
# "AGENDA – April 24, 2019" (Cuyahoga County Board of Health), "Date of Publication: ...".
ISSUED = re.compile(r"\b(?:revised|published|publication|issued|despatch|dispatched|printed)\b\W*", re.I)
# The time is printed within this many lines from the date, after the venue's lines.
TIME_LINES = 6
# The body's name, date and venue are printed on the first page of the front sheet.
FACT_PAGES = 1


@dataclass(frozen=True)
class AgendaSheet:
    """Everything read from an agenda front sheet; meeting and document ids are the caller's to set."""

    meeting: MeetingRecord
    members: list[MembershipRecord] = field(default_factory=list)
    items: list[AgendaItemRecord] = field(default_factory=list)


def meeting(
    body: str, date: str, page: int, start_time: str = "", end_time: str = "", venue: str = ""
) -> MeetingRecord:
    """A meeting as a document states it, before its id and council are known."""
    return MeetingRecord(
        meeting_id="",
        council="",
        body=body,
        date=date,
        start_time=start_time,
        end_time=end_time,
        venue=venue,
        source_document_id="",
        page=page,
    )


def read_agenda(pages: list[Page]) -> AgendaSheet:
    """Read the meeting, membership and items of an agenda front sheet."""
    lines = flatten(pages)
    return AgendaSheet(meeting=meeting_facts(lines), members=members(lines), items=items(lines))


def meeting_facts(lines: list[Placed]) -> MeetingRecord:
    """Body, date, time and venue from "Meeting:/Place:/Date:/Time:" labels or the title block."""
    first_page = lines[0].page if lines else 1
    head = [p for p in lines if p.page < first_page + FACT_PAGES]
    labels: dict[str, str] = {}
    for placed in head:
        match = LABEL.match(placed.line.plain)
        if match:
            labels.setdefault(match.group("label").lower(), match.group("value").strip())
    body = labels.get("meeting") or labels.get("committee") or _title_after_agenda(head)
    dated, date_text = _first_with_date(head)
    if labels.get("date"):  # "Date: Thursday 26 September 2024" in a labelled title block
        date_text = labels["date"]
    when = find_date(date_text) if date_text else None
    # The sentence around the date ("... will be held in the Village Hall, West" / "Burton, on ..."),
    # and the lines under it, where the time may follow the venue (US agendas).
    around = [_left(p) for p in head[max(dated - 1, 0) : dated + 2]] if dated is not None else []
    under = [_left(p) for p in head[dated : dated + TIME_LINES]] if dated is not None else []
    start, _ = title_block.times(labels.get("time") or " ".join(under), "")
    venue = labels.get("place") or labels.get("venue") or labels.get("location")
    venue = venue or title_block.venue("\n".join(around), head, dated, TITLE_BLOCK_END)
    date = when.isoformat() if when else ""
    return meeting(body, date, first_page, start_time=start, venue=venue.rstrip(" ,"))


def _title_after_agenda(head: list[Placed]) -> str:
    for i, placed in enumerate(head[:-1]):
        if AGENDA_WORD.match(placed.line.text.strip()):
            return smart_title(head[i + 1].line.text.strip())
    return ""


def _first_with_date(head: list[Placed]) -> tuple[int | None, str]:
    """The first line that holds the meeting's date, with its index, or two lines together when a
    date runs over the break ("... on Wednesday 11th" / "October 2017 at 1900.", Hertingfordbury's
    summons)."""
    for i, placed in enumerate(head):
        line, following = _left(placed), _left(head[i + 1]) if i + 1 < len(head) else ""
        if ISSUED.search(line) or (i and ISSUED.fullmatch(_left(head[i - 1]))):
            continue
        if find_date(line):
            return i, line
        if following and not find_date(following) and find_date(f"{line} {following}"):
            return i, f"{line} {following}"
    return None, ""


def _left(placed: Placed) -> str:
    """The left-hand column of a title-block line, without contact details."""
    return CONTACT.sub("", placed.line.parts[0]).strip()


def members(lines: list[Placed]) -> list[MembershipRecord]:
    """Members and substitutes listed under "Membership:" and "Substitutes:".

    The first list of each is the body's: a US agenda calls the roll again for each body that
    meets after the council (Rancho Palos Verdes' Improvement Authority).
    """
    out: list[MembershipRecord] = []
    kind: MembershipKind | None = None
    for placed in lines:
        text = placed.line.plain
        label = MembershipKind.MEMBER if MEMBERS.match(text) else None
        label = MembershipKind.SUBSTITUTE if SUBSTITUTES.match(text) else label
        if label is not None:
            kind = label if all(m.kind != label for m in out) else None
            continue
        if kind is None:
            continue
        entries = [e for cell in placed.line.parts for e in SECOND_PERSON.split(cell)]
        people = [parse_person(e) for e in entries]
        if not people or not all(_is_entry(p) for p in people):
            kind = None
            continue
        out.extend(
            MembershipRecord(
                meeting_id="",
                name=p.name,
                honorific=p.honorific,
                organisation=p.organisation,
                role=p.role,
                kind=kind,
                source_document_id="",
                page=placed.page,
            )
            for p in people
        )
    return out


def _is_entry(person: Person) -> bool:
    return looks_like_name(person.name) and bool(person.honorific or person.organisation or person.role)


def items(lines: list[Placed]) -> list[AgendaItemRecord]:
    """The numbered agenda items with their part (I open, II exempt) and cited pages."""
    start = _agenda_start(lines)
    body = lines[start:]
    parts = [(i, _part(p.line.text)) for i, p in enumerate(body) if _part(p.line.text)]
    out = []
    for heading in item_headings(body):
        part = next((pt for i, pt in reversed(parts) if i < heading.index), "I")
        out.append(
            AgendaItemRecord(
                meeting_id="",
                item_number=heading.number,
                title=heading.title,
                part=part,
                first_page=heading.first_cited,
                last_page=heading.last_cited,
                source_document_id="",
                page=heading.page,
            )
        )
    return out


def _agenda_start(lines: list[Placed]) -> int:
    for i, placed in enumerate(lines):
        if _part(placed.line.text):
            return i
    marks = [i for i, p in enumerate(lines) if AGENDA_WORD.match(p.line.text.strip())]
    return marks[-1] if marks else 0


def _part(text: str) -> str:
    match = PART.match(clean(text))
    if not match:
        return ""
    if match.group("open"):
        return "I"
    if match.group("closed"):
        return "II"
    return "I" if match.group("part").lower() in {"i", "1", "a"} else "II"

"""People listed under labels in minutes: "Present:" blocks, labels side by side over columns,
roll-call tables and the apologies item ("Apologies were received from: ...").

Each list is read into `Attendee`s; `extractors.attendance` joins the lists and reads the
sentences around them (substitutions, arrivals, who spoke, who chaired).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.headings import Placed
from extractors.names import (
    LEADING_SYMBOLS,
    ROLE_DASH,
    Person,
    looks_like_name,
    parse_person,
    split_people,
    starts_with_tier,
    strip_symbols,
)
from extractors.pages import Line
from extractors.text import clean, parse_time
from extractors.vocab import HONORIFIC_WORDS, MEMBER_GROUPS, MEMBER_LABELS, OFFICER_ROLE, PLURAL_COUNCILLORS, ROLES
from models.vocab import AttendanceStatus

# A role can be the label itself, with a colon: "Clerk: Mrs J Smith", "In the Chair: Cllr A Jones".
BLOCK = re.compile(
    rf"^(?P<label>(?:(?:{MEMBER_GROUPS}|others|officers|staff|also)\s+)?(?:present|absent)"
    r"|in\s+attendance(?:\s+(?:virtually|remotely|online))?|attendees|attendance"
    r"|officers(?:\s+in\s+attendance)?|apologies(?:\s+for\s+absence|\s+received)?|members\s+of\s+the\s+public"
    r"|(?:clerk|minute\s+taker|chair(?:man)?|in\s+the\s+chair)(?=\s*:)"
    # Welsh: present, also present, officers, apologies (for absence), absent
    r"|(?:yn\s+)?bresennol|presennol|hefyd\s+yn\s+bresennol|swyddogion(?:\s+yn\s+bresennol)?"
    r"|ymddiheuriadau(?:\s+am\s+absenoldeb)?|absennol)"
    r"\s*(?::-?|-|\s*$)\s*(?P<rest>.*)$",
    re.I,
)
# A name under side-by-side labels may start left of its label: Souldern centres "Present:" over
# names set at the margin, 72pt to its left, and starts the next column's names under its label.
COLUMN_SLACK_PT = 12.0
# A block ends at the next label of another kind ("Public Gallery:", "Public Questions:").
OTHER_LABEL = re.compile(r"^[A-Z][A-Za-z ]{2,30}:(\s|$)")
# A plural set in capitals before names is the role they share: "CPOs Suzanne Jacobs and Drew
# Young" (community police officers, Ayton Community Council), "PCSOs ...".
PLURAL_ROLE = re.compile(r"^(?P<role>[A-Z]{2,6})s\s+(?=[A-Z])")
SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
# A word broken over two lines at a hyphen: "Mr Paul Barrington-" / "King".
BROKEN_WORD = re.compile(r"[A-Za-z]-$")
# A line of prose rather than of names: most of its words start in lower case ("The committee
# discussed the matter of ..."); minutes without numbered items run on after "Present:" into it.
PROSE_MIN_WORDS = 6
APOLOGIES_FROM = re.compile(r"apologies\b[^.:]*?\b(?:from|of)\b\s*:?\s*(?P<rest>.*)$", re.I)
NO_APOLOGIES = re.compile(r"\b(no|none)\b.*\bapologies\b|\bapologies\b.*\b(none|nil)\b", re.I)
# The apologies item answered in a word: "None.", "Nil", "N/A" (parish minutes).
NONE_GIVEN = re.compile(r"^(?:none|nil|n/?a)\.?$", re.I)


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


def _status(label: str) -> AttendanceStatus:
    label = " ".join(label.lower().split())
    if label.startswith(("apolog", "ymddiheuriadau")):
        return AttendanceStatus.APOLOGIES
    if label.endswith(("absent", "absennol")):
        return AttendanceStatus.ABSENT
    if label in MEMBER_LABELS or re.match(rf"(?:{MEMBER_GROUPS}) present$", label):
        return AttendanceStatus.PRESENT
    return AttendanceStatus.ALSO_PRESENT


def blocks(lines: list[Placed]) -> list[list[Attendee]]:
    """Each labelled list of people ("Present: ...", or labels side by side over columns), one group each."""
    groups: list[list[Attendee]] = []
    i = 0
    while i < len(lines):
        heads, found = _column_labels(lines[i].line), _label(lines[i].line)
        if heads:
            group, i = _columns(lines, i + 1, heads)
            groups.append(group)
            continue
        i += 1
        if not found:
            continue
        label, rest = found
        start = lines[i - 1]
        block = [Placed(start.page, replace(start.line, text=rest))] if rest else []
        while i < len(lines) and not _ends_block(lines[i], start, block):
            block.append(lines[i])
            i += 1
        groups.append(_entries(block, label))
    return groups


def _label(line: Line) -> tuple[str, str] | None:
    """The label a line starts with and the text after it: "Present: Cllr A", or "PRESENT" set in
    a cell of its own before the names (Ayton Community Council)."""
    match = BLOCK.match(strip_symbols(line.plain))
    if match:
        return match.group("label"), match.group("rest").strip()
    cell = BLOCK.match(strip_symbols(clean(line.parts[0]))) if len(line.parts) > 1 else None
    if cell and not cell.group("rest"):
        return cell.group("label"), " ".join(line.parts[1:])
    return None


def _ends_block(placed: Placed, start: Placed, block: list[Placed]) -> bool:
    """Whether a line after a label starts something else: another label, a heading in capitals
    ("UNRESTRICTED ITEMS", Kent), a bold line after plain names ("Minutes", Hyndland), or the next
    bullet of a list whose items are labels ("o Commissioners Absent:", Chicago SSA)."""
    line = placed.line
    text = strip_symbols(line.plain)
    if _label(line) or _column_labels(line) or _is_prose(text):
        return True
    if _is_caps_heading(text) and not (block and _runs_on(block[-1].line.plain) and _all_names(text)):
        return True
    if OTHER_LABEL.match(text) and not PLURAL_COUNCILLORS.match(text):
        return True
    if line.bold and any(not p.line.bold for p in block):
        return True
    return bool(LEADING_SYMBOLS.match(line.plain) and LEADING_SYMBOLS.match(start.line.plain))


def _is_caps_heading(text: str) -> bool:
    """ "UNRESTRICTED ITEMS" after a Kent attendance list is a heading, not a name."""
    return len(text.split()) > 1 and text.isupper()


def _runs_on(line: str) -> bool:
    """Whether a line stops mid-list: on a comma, "and" or "&" ("CLLR A SMITH (CHAIR), CLLR B JONES,")."""
    return bool(re.search(r"(?:,|\band|&)\s*$", line, re.I))


def _all_names(text: str) -> bool:
    """Whether every entry of a line reads as a person: a list in capitals, not a heading."""
    entries = split_people(text)
    return bool(entries) and all(looks_like_name(parse_person(e).name) for e in entries)


def _is_prose(text: str) -> bool:
    """ "The committee discussed the matter of ...": a sentence, where a list of names has ended."""
    words = text.split()
    lower = [w for w in words if w[:1].islower()]
    return len(words) >= PROSE_MIN_WORDS and 2 * len(lower) > len(words)


def _column_labels(line: Line) -> list[tuple[str, float]]:
    """Labels set side by side over columns of names: "Present: | Members of the Public: | Apologies:"
    (Souldern Parish Council minutes); each with its left edge. Empty for any other line."""
    heads = []
    for text, x0, _ in line.boxes:
        match = BLOCK.match(strip_symbols(clean(text)))
        if not match or match.group("rest"):
            return []
        heads.append((match.group("label"), x0))
    return heads if len(heads) > 1 else []


def _columns(lines: list[Placed], i: int, heads: list[tuple[str, float]]) -> tuple[list[Attendee], int]:
    """People in the columns under side-by-side labels, row by row until a row holds no name."""
    out: list[Attendee] = []
    while i < len(lines) and not lines[i].line.parts[0][:1].isdigit():
        texts = [""] * len(heads)
        for text, x0, _ in lines[i].line.boxes:
            col = max((k for k, (_, left) in enumerate(heads) if x0 >= left - COLUMN_SLACK_PT), default=0)
            texts[col] = f"{texts[col]} {text}".strip()
        found = [
            a
            for (label, _), text in zip(heads, texts, strict=True)
            for a in _people([(lines[i].page, e) for e in split_people(text)], _status(label), False)
        ]
        if not found:
            break
        out += found
        i += 1
    return out, i


def _entries(block: list[Placed], label: str) -> list[Attendee]:
    """The people of one labelled block, read by the way the block sets them out."""
    if not block:
        return []
    status = _status(label)
    remote = bool(re.search(r"virtual|remote|online", label, re.I))
    joined = _join(block)
    per_line = bool(ROLE_DASH.search(re.sub(r"\([^()]*\)", "", joined)))
    if initialled := _with_initials(block):
        chunks = initialled
    elif per_line:
        chunks = [(p.page, e) for p in block for e in _dash_entries(strip_symbols(p.line.plain))]
    else:  # the list ends with its first sentence: "... Passey and Wood. Under item 4(v) ..."
        chunks = [(block[0].page, e) for e in split_people(SENTENCE_END.split(joined)[0])]
        # each line its own entries when no line runs on: a note, then names ("Five members of the
        # public" / "CPOs Suzanne Jacobs and Drew Young", Ayton), or one name a bulleted line
        if all(_self_contained(p.line.plain) for p in block):
            by_line = [(p.page, e) for p in block for e in split_people(strip_symbols(p.line.plain))]
            chunks = max(chunks, by_line, key=lambda c: len(_people(c, status, remote)))
    role = ROLES.get(" ".join(label.lower().split()), "")  # "Clerk: Mrs J Smith"
    return [replace(a, person=replace(a.person, role=a.person.role or role)) for a in _people(chunks, status, remote)]


def _self_contained(line: str) -> bool:
    """Whether a line of a list ends where an entry ends: its brackets close and it does not stop
    at a comma, an "and" or a title ("..., Mr David Dent and Mrs" / "Victoria Whitehead")."""
    words = line.split()
    last = words[-1].lower().strip(".") if words else ""
    run_on = last in HONORIFIC_WORDS or last in {"and", "&"} or line.endswith((",", "-"))
    return line.count("(") == line.count(")") and not run_on


def _join(lines: list[Placed]) -> str:
    """The lines' text as one, a name broken at a hyphen joined again ("Mr Paul Barrington-" / "King")."""
    return _joined([strip_symbols(p.line.plain) for p in lines])


def _joined(parts: list[str]) -> str:
    """Lines as one text; only each line's end is looked at, so long blocks stay linear."""
    out: list[str] = []
    for part in parts:
        glue = "" if out and BROKEN_WORD.search(out[-1]) else " "
        out += [glue, part] if out else [part]
    return "".join(out).strip()


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


def roll_call(lines: list[Placed]) -> list[Attendee]:
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
    out: list[Attendee] = []
    plural, group_role = "", ""
    for page, chunk in chunks:
        chunk = strip_symbols(chunk)
        if match := PLURAL_COUNCILLORS.match(chunk):
            plural, chunk = "Cllr", chunk[match.end() :]
        if match := PLURAL_ROLE.match(chunk):
            group_role, chunk = match.group("role"), chunk[match.end() :]
        person = parse_person(chunk)
        if not looks_like_name(person.name):
            continue
        if plural and not person.honorific:
            person = replace(person, honorific=plural)
        if group_role and not person.role:
            person = replace(person, role=group_role)
        if remote:
            person = replace(person, remote=True)
        out.append(Attendee(person=person, status=_seat(person, status, out), page=page))
    return out


def _seat(person: Person, status: AttendanceStatus, before: list[Attendee]) -> AttendanceStatus:
    """Who under "Present:" does not sit on the body: the clerk ("Cathy Fleet (CF) CLERK"), and a
    councillor of another council among the members ("Cllrs Hayward, ..., Cobb, County Cllr Webb",
    Tintern Community Council)."""
    if status is not AttendanceStatus.PRESENT:
        return status
    tiered = [starts_with_tier(f"{p.honorific} {p.name}".split()) for p in [person, *(a.person for a in before)]]
    guest = bool(before) and tiered[0] and not any(tiered[1:])
    return AttendanceStatus.ALSO_PRESENT if OFFICER_ROLE.search(person.role) or guest else status


def apologies(body: list[Placed]) -> list[Attendee]:
    """Who sent apologies, from the apologies item's body: a sentence or a list."""
    text = " ".join(p.line.plain for p in body)
    if not body or NO_APOLOGIES.search(text[:200]) or NONE_GIVEN.match(body[0].line.plain.strip()):
        return []
    for i, placed in enumerate(body):
        match = APOLOGIES_FROM.search(placed.line.plain)
        if match:
            rest = match.group("rest").strip()
            if rest:  # "Apologies were received from Mrs C Bell." (may run over lines)
                sentence = _sentence(rest, body[i + 1 :])
                return _people([(placed.page, e) for e in split_people(sentence)], AttendanceStatus.APOLOGIES, False)
            return _listed(body[i + 1 :])
    # Sutton Coldfield, Tintern ("Cllr Ashman, Hoskins, Shewell."): the item's first line is the
    # list itself; one word alone there is a reply ("Noted.", "Approved."), unless titled.
    listed = _listed(body[:1])
    if len(listed) == 1 and not listed[0].person.honorific and len(listed[0].person.name.split()) == 1:
        return []
    return listed


def _sentence(start: str, following: list[Placed]) -> str:
    """The sentence from `start` on, over the lines after it until a full stop, a bold line or a
    numbered line: minutes often leave the stop off ("... from Nick Oakhill and Cllr Eddie Reeves")."""
    parts = [start]
    for placed in following:
        if re.search(r"\.\s*$", parts[-1]) or placed.line.bold or re.match(r"\d+(?:\.\d+)*\.?\s", placed.line.plain):
            break
        parts.append(placed.line.plain)
    text = _joined(parts)
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

"""Who proposed and who seconded a motion, as minutes print it, and who that is in the attendance list.

Minutes name movers in many ways: "On the proposal of Cllr A, seconded by Cllr B", "proposed by
Cllr A, seconded by Cllr B and unanimously agreed", "Mr A proposed, and Mr B seconded the
motion", "she proposed & Cllr B seconded", "The Chairman proposed and the Vice-Chairman
seconded", "Proposed NR, seconded DN" (Scottish community councils print initials), and in US
minutes "MOTION BY: A / SECOND: B", "Motion by A, second by B", "A made a motion, seconded by
B" and "M. Prest (motion), C. Dallas (second)" (the last seen in one corpus document, a US special
service area commission's minutes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from extractors.names import resolve
from extractors.vocab import TITLE
from models import AttendanceRecord
from models.vocab import AttendanceStatus

# One capitalised word of a name: "Plowden", "O'Neil", "Vice-Chairman", "M." (an initial);
# never a label in capitals before a colon ("AYES:" after "SECOND: Brown" in US minutes).
_WORD = r"(?![A-Z]+:)(?:[A-Z]\.|[A-Z][\w'\u2019-]*)"
PERSON = rf"(?:{TITLE}\s+)*{_WORD}(?:\s+{_WORD}){{0,3}}"
# "she proposed & Cllr Evans seconded" (Tintern): the proposer is the person named before.
PRONOUN = r"(?:she|he|they)"
_SECONDED = r"(?i:seconded|second)"
MOVERS = (
    re.compile(rf"(?i:proposal\s+of)\s+(?P<p>{PERSON}),?\s+(?:and\s+)?(?i:seconded\s+by)\s+(?P<s>{PERSON})"),
    re.compile(rf"(?P<p>{PERSON})\s+nominated\s+{PERSON},?\s+which\s+was\s+seconded\s+by\s+(?P<s>{PERSON})"),
    # "moved by Councillor A and seconded by Councillor B", "Proposed NR, seconded DN", "Moved by: A Seconded by: B"
    re.compile(
        rf"(?i:moved|proposed)(?:\s+(?i:by))?:?\s+(?P<p>{PERSON}),?\s+(?:(?i:and)\s+)?"
        rf"{_SECONDED}(?:\s+(?i:by))?:?\s+(?P<s>{PERSON})"
    ),
    re.compile(rf"(?P<p>{PERSON})\s+(?:moved|proposed)\b[^.]*?\bseconded\s+by\s+(?P<s>{PERSON})"),
    re.compile(rf"(?P<p>{PERSON})\s+made\s+a\s+motion,?\s+(?:which\s+was\s+)?seconded\s+by\s+(?P<s>{PERSON})"),
    # "MOTION BY: A SECOND: B", "Motion: A / Second: B", "Motion by A, second by B"
    re.compile(
        rf"(?i:motion)(?:\s+(?i:by))?\s*:?\s+(?P<p>{PERSON})[\s,;/]+{_SECONDED}(?:\s+(?i:by))?\s*:?\s+(?P<s>{PERSON})"
    ),
    # "M. Prest (motion), C. Dallas (second)": one corpus document, a US special service area commission
    re.compile(rf"(?P<p>{PERSON})\s*\((?i:motion)\),?\s*(?P<s>{PERSON})\s*\({_SECONDED}\)"),
    # Welsh: "Cynigiwyd gan Cyng. A ac eiliwyd gan Cyng. B" (proposed by A and seconded by B)
    re.compile(rf"(?i:cynigiwyd\s+gan)\s+(?P<p>{PERSON}),?\s+(?:(?i:ac?)\s+)?(?i:eiliwyd\s+gan)\s+(?P<s>{PERSON})"),
    # Active: "Mr Oakford proposed, and Mr Gough seconded the motion that:" (Kent County Council),
    # "The Chairman proposed and the Vice-Chairman seconded", "she proposed & Cllr Evans seconded".
    re.compile(
        rf"(?P<p>{PERSON}|\b{PRONOUN})\s+(?:proposed|moved),?\s+(?:and|&)\s+(?P<s>(?:the\s+)?{PERSON})\s+[Ss]econded\b"
    ),
)
NAMED = re.compile(rf"(?:{TITLE})\s+{_WORD}(?:\s+{_WORD}){{0,2}}")
# A motion to change another: its movers are not those of the substantive motion resolved after it.
AMENDMENT = re.compile(r"\bamendment\b", re.I)
# A sentence ends at a stop, or after the quote it closes ('... the proposed budget."', Kent).
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?:\s|$)")
# A person named by office, "The Chairman proposed and the Vice-Chairman seconded": a name is not
# printed after "the".
ROLE_REFERENCE = re.compile(r"^the\s+(.+)$", re.I)


def movers(text: str) -> tuple[str, str]:
    """The proposer and seconder of the last motion named in the text, as printed.

    Amendments are passed over when the substantive motion is named too: in "Mr A proposed the
    motion ... Mr C proposed an amendment ... RESOLVED" the decision is Mr A's motion.
    """
    found = [m for pattern in MOVERS for m in pattern.finditer(text)]
    if not found:
        return "", ""
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]  # where each sentence starts, found once
    main = [m for m in found if not _is_amendment(text, m, starts)] or found
    last = max(main, key=lambda m: m.start())
    return _person(text, last, "p", starts), _person(text, last, "s", starts)


def _sentence_start(starts: list[int], at: int) -> int:
    """The start of the sentence holding offset `at`, from the sentence starts of its text."""
    return starts[bisect_right(starts, at) - 1]


def _is_amendment(text: str, match: re.Match[str], starts: list[int]) -> bool:
    """Whether the sentence holding the motion's movers is about an amendment."""
    end = SENTENCE_END.search(text, match.end())
    return bool(AMENDMENT.search(text, _sentence_start(starts, match.start()), end.start() if end else len(text)))


def _person(text: str, match: re.Match[str], group: str, starts: list[int]) -> str:
    """A mover as printed; a pronoun is the person named before it in its sentence, if any."""
    name = match.group(group).strip().rstrip(".")
    if not re.fullmatch(PRONOUN, name, re.I):
        return name
    named = NAMED.findall(text, _sentence_start(starts, match.start()), match.start())
    return named[-1] if named else ""


def resolve_mover(mover: str, attendance: Sequence[AttendanceRecord]) -> str:
    """A mover as printed ("Councillor Plowden", "NR", "the Vice-Chairman") as the attendee it names.

    "The Chairman" names whoever the attendance list gives that role (empty if no one, or several);
    two or three capitals are initials, as Scottish community councils print them.
    """
    present = [a for a in attendance if a.status != AttendanceStatus.APOLOGIES]
    names = [a.name for a in present]
    if not mover:
        return ""
    if role := ROLE_REFERENCE.match(mover):
        return only_one(a.name for a in present if a.role and role_key(a.role) == role_key(role.group(1)))
    if re.fullmatch(r"[A-Z]{2,3}", mover):
        return only_one(n for n in names if "".join(w[0] for w in n.split()).upper() == mover) or mover
    found = resolve(mover, names)
    if found in names:
        return found
    # "Allen Fisk" for "Robert Allen Fisk": the printed words end one attendee's name
    words = found.lower().split()
    return only_one(n for n in names if len(words) > 1 and n.lower().split()[-len(words) :] == words) or found


def role_key(role: str) -> str:
    """ "Vice-Chairman", "vice chair" and "Vice Chairwoman" are one role."""
    return re.sub(r"(?:wo)?man$|person$", "", role.lower().replace("-", " ").strip())


def only_one(names: Iterable[str]) -> str:
    found = list(dict.fromkeys(names))
    return found[0] if len(found) == 1 else ""

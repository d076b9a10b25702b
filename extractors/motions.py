"""Decisions that are votes on a motion rather than a "RESOLVED": lost motions and US vote records.

A carried amendment becomes part of the substantive motion, which minutes then record as
resolved, and a withdrawn one was never decided; a lost motion or amendment is a decision of
its own, printed as "Mr A proposed, and Mr B seconded the following amendment: ... Amendment
lost." (Kent County Council) or "Councillor A moved an amendment to the report as follows: ...
On being put to the vote the amendment was LOST" (Bristol). US minutes record each vote as a
block under the item ("RESULT: APPROVED [UNANIMOUS] / MOTION BY: A / SECOND: B", East Palo Alto).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.movers import PERSON, movers
from models.vocab import DecisionOutcome


@dataclass(frozen=True)
class Found:
    """A decision found at a line of an item, with the text around it that names its movers."""

    line: int
    text: str
    before: str
    after: str = ""
    outcome: DecisionOutcome | None = None
    movers: tuple[str, str] | None = None
    # the page, for a decision read from a table or the item's title rather than a line
    page: int = 0


# "Councillor Clark moved an amendment to the report as follows:", "Mr Brady proposed, and Ms
# Meade seconded the following amendment:", "Recommendation 4C was moved by ... and seconded by ...".
MOTION_LEAD = re.compile(
    r"\b(?P<kind>amendment|motion|recommendation)\b[^.]*?\b(?:moved|proposed|seconded)\b"
    r"|\b(?:moved|proposed|seconded)\b[^.]*?\b(?P<kind2>amendment|motion)\b",
    re.I,
)
# The motion's text follows a lead-in that ends "as follows:" or ":", or is quoted below it.
INTRODUCES = re.compile(r"(?::|\bas\s+follows\W*)\s*$", re.I)
# '"Recommendation 4c Approves the removal of ..."' below "Recommendation 4C was moved by ..." (Bristol).
QUOTED = re.compile(r"^[\"'\u2018\u201c]")
# "Proposed Purpose:", "Proposed Amount:" (Kent's amendment form): a field's name, not its text.
FIELD_LABEL = re.compile(r"^(?:\w+\s+){0,3}\w+\s*:$")
# A vote's result that defeats the motion: "the amendment was LOST", "RESULT: FAILED", "not carried".
LOST_WORDS = r"(?:lost|not\s+carried|fell|failed|defeated)"
LOST = re.compile(LOST_WORDS, re.I)
# The vote on a motion of a kind: "On being put to the vote the amendment was LOST", "Amendment lost.".
VOTE = re.compile(
    rf"\b(?P<kind>amendment|motion|recommendation)\b[^.]{{0,40}}?\b(?P<result>{LOST_WORDS}|carried|withdrawn|approved"
    r"|agreed)\b",
    re.I,
)
# "Councillor Clark moved an amendment ...", "The amendment was seconded by Councillor Morris." (Bristol).
PROPOSER = re.compile(rf"(?P<p>{PERSON})\s+(?:moved|proposed)\b")
SECONDER = re.compile(rf"\bseconded\s+by\s+(?P<s>{PERSON})")
# "RESULT: APPROVED [UNANIMOUS]", "RESULT: FAILED [4-2-1-1]" (Granicus minutes of US commissions).
RESULT = re.compile(r"^RESULT\s*:\s*(?P<result>[A-Z][A-Z ]*)")


def lost_motions(paragraphs: list[tuple[int, str]]) -> list[Found]:
    """Motions and amendments whose text is printed and whose vote was lost, as rejected decisions."""
    out = []
    for k, (_, text) in enumerate(paragraphs):
        lead = MOTION_LEAD.search(text)
        motion = _motion_text(paragraphs, k, bool(INTRODUCES.search(text))) if lead else None
        if not lead or not motion:
            continue
        kind = (lead.group("kind") or lead.group("kind2")).lower()
        debate = _until_vote(paragraphs[k + 1 :], kind)
        if debate is not None:
            out.append(
                Found(motion[0], motion[1], text, outcome=DecisionOutcome.REJECTED, movers=_movers(text, debate))
            )
    return out


def _until_vote(paragraphs: list[tuple[int, str]], kind: str) -> str | None:
    """The text up to the vote on a motion of this kind, if the vote was lost; None otherwise."""
    seen: list[str] = []
    for k, (_, text) in enumerate(paragraphs):
        vote = next((v for v in VOTE.finditer(text) if v.group("kind").lower() == kind), None)
        if vote:
            return " ".join([*seen, text[: vote.start()]]) if LOST.fullmatch(vote.group("result")) else None
        lead = MOTION_LEAD.search(text)
        if (
            k
            and lead
            and (lead.group("kind") or lead.group("kind2")).lower() == kind
            and _motion_text(paragraphs, k, bool(INTRODUCES.search(text)))
        ):
            return None  # the next motion of the kind: this one's vote is not printed
        seen.append(text)
    return None


def _movers(lead: str, debate: str) -> tuple[str, str]:
    """ "Mr A proposed, and Mr B seconded the following amendment:", or "Councillor A moved an
    amendment ..." with "The amendment was seconded by Councillor B" after it (Bristol)."""
    pair = movers(lead)
    if pair[0]:
        return pair
    proposer, seconder = PROPOSER.search(lead), SECONDER.search(f"{lead} {debate}")
    return (proposer.group("p") if proposer else "", seconder.group("s").rstrip(".") if seconder else "")


def _motion_text(paragraphs: list[tuple[int, str]], k: int, introduces: bool) -> tuple[int, str] | None:
    """The text of the motion a lead-in introduces: the next paragraph that is not a field's name."""
    rest = [(line, text) for line, text in paragraphs[k + 1 : k + 4] if not FIELD_LABEL.match(text)]
    if not rest or not (introduces or QUOTED.match(rest[0][1])):
        return None
    line, text = rest[0]
    if text.rstrip().endswith(":") and len(rest) > 1:
        text = f"{text} {rest[1][1]}"
    return line, text


def vote_records(lines: list[str], title: str, decided: list[int]) -> list[Found]:
    """US vote blocks with no motion sentence of their own before them: the item's title is what was decided."""
    out = []
    previous = -1
    for i, text in enumerate(lines):
        result = RESULT.match(text)
        if not result:
            continue
        motion_before = any(previous < at < i for at in decided)
        previous = i
        if motion_before or not title:
            continue
        block = " ".join(lines[i + 1 : i + 4])
        lost = LOST.search(result.group("result"))
        out.append(Found(i, title, "", block, DecisionOutcome.REJECTED if lost else DecisionOutcome.APPROVED))
    return out

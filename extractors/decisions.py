"""Decisions recorded in minutes, with who proposed and seconded them.

Councils write decisions as a "Decision"/"Resolved:" heading over the text (Wiltshire),
"RESOLVED that ..." (Kent), "It was APPROVED that ..." (Bristol) or "Committee resolved to
note ..." (Sutton Coldfield); movers as "On the proposal of Cllr A, seconded by Cllr B",
"Cllr A nominated Cllr C, which was seconded by Cllr B", "moved by Councillor A and seconded
by Councillor B" or "MOTION BY: A / SECOND: B".
"""

from __future__ import annotations

import re

from extractors.headings import Placed
from extractors.vocab import TITLE
from models import DecisionRecord
from models.vocab import DecisionOutcome

DECISION_HEADING = re.compile(r"^(?:it\s+was\s+)?(decisions?|resolved|resolutions?|agreed|approved)\s*[:;]?\s*$", re.I)
DECISION_START = re.compile(
    r"^(?:\(?\w{1,3}[.)]\s+)?(?:it\s+was\s+)?resolved\b(?!\s+(?:by|at)\b)"
    r"|^it\s+was\s+(?:approved|agreed)\b"
    r"|^(?:the\s+)?(?:[\w-]+\s+){0,3}(?:committee|panel|cabinet|council|board)\s+(?:resolved|agreed|approved)\b"
    r"|^the\s+(?:[\w-]+\s+){1,8}(?:was|were)\s+(?:agreed|approved)\b",
    re.I,
)
NUMBERING = re.compile(r"^\(?\w{1,3}[.)]\s+")
SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)][.!?])\s(?=[A-Z(])")
DECISION_SENTENCE = re.compile(
    r"^(?:it\s+was\s+(?:unanimously\s+)?(?:resolved|agreed|decided)\b|(?:all\s+)?approved\b|agreed\b|resolved\b)", re.I
)
# "Cllr A nominated Cllr C, which was seconded by Cllr B" names A as the proposer.
PERSON = rf"(?:(?:{TITLE}|Commissioner)\s+)*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,3}}"
MOVERS = (
    re.compile(rf"proposal\s+of\s+(?P<p>{PERSON}),?\s+(?:and\s+)?seconded\s+by\s+(?P<s>{PERSON})"),
    re.compile(rf"(?P<p>{PERSON})\s+nominated\s+{PERSON},?\s+which\s+was\s+seconded\s+by\s+(?P<s>{PERSON})"),
    re.compile(rf"(?:moved|proposed)\s+by\s+(?P<p>{PERSON}),?\s+(?:and\s+)?seconded\s+by\s+(?P<s>{PERSON})"),
    re.compile(rf"(?P<p>{PERSON})\s+(?:moved|proposed)\b[^.]*?\bseconded\s+by\s+(?P<s>{PERSON})"),
    re.compile(rf"MOTION\s+BY:\s*(?P<p>{PERSON})\s+SECOND(?:ED)?(?:\s+BY)?:\s*(?P<s>{PERSON})"),
    # Active: "Mr Oakford proposed, and Mr Gough seconded the motion that:" (Kent County Council).
    re.compile(rf"(?P<p>{PERSON})\s+(?:proposed|moved),?\s+(?:and|&)\s+(?P<s>{PERSON})\s+[Ss]econded\b"),
)
OUTCOMES: tuple[tuple[DecisionOutcome, re.Pattern[str]], ...] = (
    (DecisionOutcome.REJECTED, re.compile(r"\b(lost|rejected|not carried|refused|fell)\b", re.I)),
    (DecisionOutcome.DEFERRED, re.compile(r"\b(defer(red)?|postpone[ds]?|adjourn(ed)?)\b", re.I)),
    (
        DecisionOutcome.NOTED,
        re.compile(
            r"^(?:\W*\w{0,3}\W*)?(?:resolved\s*(?:that|:)?\s*)?(?:the\s+\w+\s+)?(?:to\s+)?note[sd]?\b"
            r"|resolved to note|\bbe noted\b",
            re.I,
        ),
    ),
    (DecisionOutcome.APPROVED, re.compile(r"\b(approved?|adopt(ed)?|agree[sd]?|endorsed?)\b", re.I)),
)
# A paragraph ends where the next line starts more than this many line heights lower.
PARAGRAPH_GAP = 0.6


def read_decisions(body: list[Placed]) -> list[DecisionRecord]:
    """The decisions in one minute item's lines, in order, movers as printed (not yet resolved).

    The meeting, item and document ids are the caller's to set.
    """
    out = []
    i = 0
    while i < len(body):
        text = body[i].line.plain
        if DECISION_HEADING.match(text) and i + 1 < len(body):
            start = i + 1
        elif DECISION_START.match(text) and _starts_paragraph(body, i) and not _introduces_heading(body, i):
            start = i
        else:
            i += 1
            continue
        end = paragraph_end(body, start)
        decision_text = NUMBERING.sub("", " ".join(p.line.plain for p in body[start:end]))
        before = " ".join(p.line.plain for p in body[:start])
        out.append(_decision(decision_text, body[start].page, before))
        i = end
    return out or _in_sentences(body)


def _in_sentences(body: list[Placed]) -> list[DecisionRecord]:
    """Decisions written inside a paragraph, one sentence each: "Wheatley Oak Tree. It was agreed
    to refund ..." (Hertingfordbury), "Approval of minutes: Approved & signed as correct." (Tintern).
    Read only where no decision starts a paragraph of the item."""
    text, starts = "", []
    for placed in body:
        starts.append((len(text), placed.page))
        text += placed.line.plain + " "
    out = []
    offset = 0
    for sentence in SENTENCE_BREAK.split(text):
        if DECISION_SENTENCE.match(sentence):
            page = next(pg for at, pg in reversed(starts) if at <= offset) if starts else 1
            out.append(_decision(sentence.strip(), page, text[:offset]))
        offset += len(sentence) + 1
    return out


def _starts_paragraph(lines: list[Placed], i: int) -> bool:
    if i == 0 or lines[i].page != lines[i - 1].page:
        return True
    prev, line = lines[i - 1].line, lines[i].line
    return line.top - prev.bottom > PARAGRAPH_GAP * line.size or prev.text.rstrip()[-1:] in ".:;"


def _introduces_heading(lines: list[Placed], i: int) -> bool:
    """ "... it was resolved to make the:" is followed by a "Decision" heading that holds the text."""
    end = paragraph_end(lines, i)
    return end < len(lines) and bool(DECISION_HEADING.match(lines[end].line.plain))


def paragraph_end(lines: list[Placed], start: int) -> int:
    """The index after the last line of the paragraph that starts at `start`."""
    end = start + 1
    while end < len(lines):
        prev, line = lines[end - 1], lines[end]
        gap = line.line.top - prev.line.bottom
        breaks = (
            line.page != prev.page or gap > PARAGRAPH_GAP * line.line.size or line.line.bold != lines[start].line.bold
        )
        # a decision that introduces a list ("RESOLVED that Cabinet agree to:") takes the list
        if breaks and (not prev.line.text.rstrip().endswith(":") or line.page != prev.page):
            break
        end += 1
    return end


def _decision(text: str, page: int, before: str) -> DecisionRecord:
    proposer, seconder = movers(before + " " + text)
    return DecisionRecord(
        meeting_id="",
        item_number="",
        text=text,
        proposer=proposer,
        seconder=seconder,
        outcome=outcome(text, before),
        source_document_id="",
        page=page,
    )


def movers(text: str) -> tuple[str, str]:
    """The last proposer and seconder named in the text, as printed."""
    found: list[tuple[int, str, str]] = []
    for pattern in MOVERS:
        found += [(m.start(), m.group("p"), m.group("s")) for m in pattern.finditer(text)]
    if not found:
        return "", ""
    _, proposer, seconder = max(found)
    return proposer.strip(), seconder.strip()


def outcome(text: str, context: str = "") -> DecisionOutcome:
    """The outcome of a decision from its wording and the vote reported before it."""
    vote = context[-300:]
    if OUTCOMES[0][1].search(vote) and not re.search(r"\bcarried\b", vote[-120:], re.I):
        return DecisionOutcome.REJECTED
    for kind, pattern in OUTCOMES:
        if pattern.search(text):
            return kind
    return DecisionOutcome.RESOLVED

"""Decisions recorded in minutes, with who proposed and seconded them.

Councils write decisions as a "Decision"/"Resolved:" heading over the text (Wiltshire),
"RESOLVED that ..." (Kent), "It was APPROVED that ..." (Bristol), "Committee resolved to
note ..." (Sutton Coldfield), a sentence inside a paragraph ("... It was agreed to replace the
bench.", "The minutes were approved."), a short outcome after what it decides ("Tower Road,
Ayton. Supported.", "- all approved."), a motion with no "RESOLVED" ("she proposed & Cllr B
seconded that ... All Councillors present were in agreement."), an amendment that was lost
("Mr A proposed, and Mr B seconded the following amendment: ... Amendment lost.") or a US vote
record ("RESULT: APPROVED / MOTION BY: A / SECOND: B") under the item it decides.

This module reads the decisions set out on their own and makes the records; sentences inside
paragraphs are decision_sentences.py's, votes on motions motions.py's, movers movers.py's and
the shapes of an item's lines paragraphs.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate

from extractors.decision_sentences import in_paragraphs
from extractors.decision_tables import table_decisions
from extractors.headings import Placed
from extractors.motions import LOST_WORDS, Found, lost_motions, vote_records
from extractors.movers import PERSON, movers
from extractors.paragraphs import (
    DECISION_HEADING,
    LIST_MARKER,
    block_end,
    joined,
    list_items,
    paragraph_end,
    paragraph_start,
    paragraphs,
    starts_paragraph,
    without_margin_notes,
)
from extractors.tables import Table
from extractors.vocab import DECIDING_BODY, DECIDING_MEMBERS
from models import DecisionRecord
from models.vocab import DecisionOutcome

# A paragraph that opens with its decision. The members as subject ("Members agreed to refer the
# decision to full Council. Mr Watts (General Counsel) confirmed ...", Kent Cabinet) open a paragraph
# of debate as often: their sentence alone is the decision (decision_sentences.py).
DECISION_START = re.compile(
    r"^(?:\(?\w{1,3}[.)]\s+)?(?:"
    r"(?:it\s+was\s+)?resolved\b(?!\s+(?:by|at)\b)|penderfynwyd\b"  # Welsh "it was resolved"
    r"|it\s+was\s+(?:approved|agreed)\b"
    rf"|(?:the\s+)?(?:[\w-]+\s+){{0,3}}{DECIDING_BODY}\s+(?:resolved|agreed|approved)\b"
    r"|the\s+(?:[\w-]+\s+){1,8}(?:was|were)\s+(?:agreed|approved)\b)",
    re.I,
)
# Movers after what they moved, in US minutes: "2017/18 Financials approved - B. Munro (motion),
# C. Dallas (second)"; the decision is the words before them. Seen in one corpus document, a US
# special service area commission's minutes (Chicago SSA #21).
MOVED_RECORD = re.compile(rf"\s*[-\u2013\u2014,]?\s*{PERSON}\s*\((?i:motion)\).*$")
# A title that is itself a decision, as US minutes list business: "2017/18 Financials approved",
# "Minutes from 11/30/17 meeting approved" (Chicago SSA #21).
TITLE_DECISION = re.compile(r"\b(?:approved|adopted|ratified|carried)\.?$", re.I)
# A recap of the item's decisions, after them: what follows repeats decisions already read. Seen in
# one corpus document, a ModernGov committee's printed minutes ("SUMMARY OF APPROVED
# RECOMMENDATIONS", Bristol); "decisions" and "resolutions" are the same heading's other words.
RECAP = re.compile(
    r"^summary\s+of\s+(?:the\s+)?(?:approved\s+|agreed\s+)?(?:recommendations|decisions|resolutions)\b", re.I
)


def read_decisions(
    body: list[Placed], title: str = "", page: int = 1, tables: Sequence[Table] = ()
) -> list[DecisionRecord]:
    """The decisions in one minute item's lines, in order, movers as printed (not yet resolved).

    `title` is the item's title (on `page`): what a US vote record with no motion text decides,
    or a decision itself ("Minutes from 11/30/17 meeting approved - Z. Maiorca (motion), ...").
    `tables` are the document's tables: those printed among the lines may hold a decision column.
    The meeting, item and document ids are the caller's to set.
    """
    recap = next((i for i, p in enumerate(body) if i and RECAP.match(p.line.plain)), len(body))
    tabled, body = table_decisions(without_margin_notes(body[:recap]), list(tables))
    structured, covered = _structured(body)
    parts = paragraphs(body)
    found = structured + in_paragraphs(body, parts, covered)
    taken = {f.line for f in found}
    found += [f for f in lost_motions([(a, joined(body[a:b])) for a, b in parts]) if f.line not in taken]
    found += vote_records([p.line.plain for p in body], title, [f.line for f in found])
    moved_title = any(f.text and not MOVED_RECORD.sub("", f.text) for f in found)  # movers alone: the title's
    if not moved_title and (MOVED_RECORD.search(title) or TITLE_DECISION.search(MOVED_RECORD.sub("", title))):
        found.append(Found(-1, title, "", page=page))
    found = _since_previous(sorted(found, key=lambda f: f.line), body) + tabled
    return [_decision(f, f.page or body[f.line].page, title) for f in found]


def _since_previous(found: list[Found], body: list[Placed]) -> list[Found]:
    """The decisions with the text before each cut to what follows the decision before it: the
    movers printed before one resolution are not those of the next. A lost amendment leaves its
    motion standing, so the text before the motion's resolution runs back over it (Kent)."""
    offsets = list(accumulate((len(p.line.plain) + 1 for p in body), initial=0))
    out: list[Found] = []
    previous: Found | None = None
    for f in found:
        if previous and f.line >= 0 and f.movers is None:
            rest = f.before[offsets[previous.line] :]  # `before` is the item's text up to the decision
            end = rest.rfind(previous.text)
            out.append(replace(f, before=rest[end + len(previous.text) :] if end >= 0 else rest))
        else:
            out.append(f)
        previous = f if f.line >= 0 and f.outcome is not DecisionOutcome.REJECTED else previous
    return out


def _structured(body: list[Placed]) -> tuple[list[Found], set[int]]:
    """Decisions set out as their own paragraph: under a "RESOLVED" heading or opening with it."""
    found: list[Found] = []
    covered: set[int] = set()
    i = 0
    while i < len(body):
        text = body[i].line.plain
        if DECISION_HEADING.match(text) and i + 1 < len(body):
            start = i + 1
        elif DECISION_START.match(text) and starts_paragraph(body, i):
            start = i
        else:
            i += 1
            continue
        if start == i and _introduces_heading(body, i):
            i += 1
            continue
        if start > i and i and body[i - 1].line.plain.endswith(":"):
            covered |= set(range(paragraph_start(body, i - 1), i))  # "it was resolved to make the:"
        bullets = list_items(body, start) if start > i else []
        parts = bullets or [(start, block_end(body, start))]
        for a, b in parts:
            text = LIST_MARKER.sub("", joined(body[a:b]), count=1)
            found += [Found(a, text, joined(body[:a]))] if text else []
        end = parts[-1][1]
        covered |= set(range(i, end))
        i = end
    return found, covered


def _introduces_heading(lines: list[Placed], i: int) -> bool:
    """ "... it was resolved to make the:" is followed by a "Decision" heading that holds the text."""
    end = paragraph_end(lines, i)
    return end < len(lines) and bool(DECISION_HEADING.match(lines[end].line.plain))


def _decision(found: Found, page: int, title: str = "") -> DecisionRecord:
    """The record of a decision; movers alone under a title ("M. Prest (motion), C. Dallas (second)")
    moved the title's words."""
    proposer, seconder = found.movers or movers(found.text)
    if not proposer:
        proposer, seconder = movers(found.after)
    if not proposer:
        proposer, seconder = movers(f"{found.before} {found.text}")
    return DecisionRecord(
        meeting_id="",
        item_number="",
        text=MOVED_RECORD.sub("", found.text) or MOVED_RECORD.sub("", title) or found.text,
        proposer=proposer,
        seconder=seconder,
        outcome=found.outcome or outcome(found.text, found.before),
        source_document_id="",
        page=page,
    )


# A vote reported as lost: "On being put to the vote the amendment was LOST", "Amendment lost.",
# "set motion failed to gather a majority vote"; not "lost in post" said of a letter.
VOTE_LOST = re.compile(
    r"\b(?:motion|amendment|recommendation|proposal|resolution|vote)\b[^.]{0,60}?"
    rf"\b(?:{LOST_WORDS}|rejected)\b|^\W*(?:rejected|refused|lost)\b",
    re.I,
)
OUTCOMES: tuple[tuple[DecisionOutcome, re.Pattern[str]], ...] = (
    (DecisionOutcome.REJECTED, VOTE_LOST),
    (DecisionOutcome.DEFERRED, re.compile(r"\b(defer(red)?|postpone[ds]?|adjourn(ed)?)\b", re.I)),
    (
        DecisionOutcome.NOTED,
        re.compile(
            r"^(?:\W*\w{0,3}\W*)?(?:resolved\s*(?:that|:)?\s*)?(?:the\s+\w+\s+)?(?:to\s+)?note[sd]?\b"
            rf"|resolved to note|\bbe noted\b|\b(?:{DECIDING_BODY}|{DECIDING_MEMBERS})\s+noted\b",
            re.I,
        ),
    ),
    (DecisionOutcome.APPROVED, re.compile(r"\b(approved?|adopt(ed)?|agree[sd]?|endorsed?|supported)\b", re.I)),
)


def outcome(text: str, context: str = "") -> DecisionOutcome:
    """The outcome of a decision from its own words, or a vote on it reported in the sentence before.

    A lost amendment leaves its motion standing, and a loss told of anything else ("the cheque
    was lost in post") is no vote.
    """
    vote = re.split(r"(?<=[.!?])\s+", context.strip()[-300:])[-1]
    if VOTE_LOST.search(vote) and not re.search(r"\b(?:carried|amendment)\b", vote, re.I):
        return DecisionOutcome.REJECTED
    for kind, pattern in OUTCOMES:
        if pattern.search(text):
            return kind
    return DecisionOutcome.RESOLVED

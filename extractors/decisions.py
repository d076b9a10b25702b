"""Decisions recorded in minutes, with who proposed and seconded them.

Councils write decisions as a "Decision"/"Resolved:" heading over the text (Wiltshire),
"RESOLVED that ..." (Kent), "It was APPROVED that ..." (Bristol), "Committee resolved to
note ..." (Sutton Coldfield), a sentence inside a paragraph ("... It was agreed to replace the
bench.", "The minutes were approved."), a short outcome after what it decides ("Tower Road,
Ayton. Supported.", "- all approved."), a motion with no "RESOLVED" ("she proposed & Cllr B
seconded that ... All Councillors present were in agreement."), an amendment that was lost
("Mr A proposed, and Mr B seconded the following amendment: ... Amendment lost.") or a US vote
record ("RESULT: APPROVED / MOTION BY: A / SECOND: B") under the item it decides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.headings import Placed
from extractors.motions import Found, lost_motions, vote_records
from extractors.movers import PERSON, PRONOUN, movers
from models import DecisionRecord
from models.vocab import DecisionOutcome

DECISION_HEADING = re.compile(
    r"^(?:it\s+was\s+)?(decisions?|resolved|resolutions?|agreed|approved|conclusions?|outcomes?)\s*[:;]?\s*$", re.I
)
NUMBERING = re.compile(r"^\(?\w{1,3}[.)]\s+")
DECISION_START = re.compile(
    r"^(?:\(?\w{1,3}[.)]\s+)?(?:"
    r"(?:it\s+was\s+)?resolved\b(?!\s+(?:by|at)\b)"
    r"|it\s+was\s+(?:approved|agreed)\b"
    r"|(?:the\s+)?(?:[\w-]+\s+){0,3}(?:committee|panel|cabinet|council|board)\s+(?:resolved|agreed|approved)\b"
    r"|the\s+(?:[\w-]+\s+){1,8}(?:was|were)\s+(?:agreed|approved)\b)",
    re.I,
)
# A bullet opening a line: "•", "●", "" (Word's private-use bullet), "o", "-".
BULLET = re.compile(r"^(?:[^\w\s(\"'\u2018\u201c\u00a3$]|o(?=\s))\s*")
# A list item or bullet opening a line: "•", "", "o" (Word bullets), "-", "(1)", "2a.", "c.", "(iv)".
LIST_MARKER = re.compile(
    r"^(?:[^\w\s(\"'\u2018\u201c\u00a3$]|o(?=\s)|\(?(?:\d{1,3}[a-z]?|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s))\s*"
)
# Sentences of reflowed text; an upper-case "RESOLVED" starts a decision even mid-sentence
# ("... the Council RESOLVED: That ...", Burton-cum-Walden).
SENTENCE_BREAK = re.compile(
    r"(?<=[a-z0-9)\"'\u201d][.!?])\s+(?=[A-Z(\"'\u2018\u201c])|\s+(?=(?:FURTHER\s+)?RESOLVED\b)"
)
# A sentence that records a decision, wherever its verb stands: "After discussion it was decided
# that ...", "The minutes ... were approved", "... were checked ... and signed as a true record",
# "The Transport and Connectivity Committee noted the report", "Councillors noted ...", "APPROVED -
# 2018 Meetings Calendar" (a US bullet), "Commissioner A made a motion, seconded by ..., to ...".
DECISION_SENTENCE = re.compile(
    r"\bit\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided|approved)\b"
    r"|^(?:all\s+|unanimously\s+)?(?:approved|agreed|resolved)\b"
    r"|^(?:further\s+)?resolved\b"
    r"|\b(?:was|were)\s+(?:(?:duly|unanimously|formally|then)\s+)?(?:approved|agreed|adopted|accepted|endorsed|ratified"
    r"|amended)\b"
    r"|\b(?:signed|agreed|confirmed|approved|accepted)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
    r"|\bthe\s+(?:[\w-]+\s+){0,4}(?:report|statement|accounts|reconciliation)s?\s+(?:was|were)\s+received\b"
    r"|^(?:the\s+)?(?:[\w-]+\s+){0,5}(?:committee|panel|cabinet|council|board|councillors|members|commission)\s+"
    r"(?:(?:unanimously|formally|then)\s+)?(?:resolved|agreed|approved|endorsed|decided|accepted|supported)\b"
    r"|\bmade\s+a\s+motion\b|\(motion\)",
    re.I,
)
# "The Transport and Connectivity Committee noted the report." (Bristol), "Councillors noted the
# dates of future meetings" (Burton-cum-Walden): a decision when it is a paragraph of its own;
# inside a paragraph of debate ("Members noted the challenges of ...") or "noted that ..." it
# reports a point made.
NOTING = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,5}(?:committee|panel|cabinet|council|board|councillors|members|commission)\s+"
    r"(?:(?:unanimously|formally|then)\s+)?noted\b(?!\s+that)",
    re.I,
)
# The chair's signature block closing minutes: "Signed as a correct record ... Chairman".
SIGNATURE = re.compile(r"^signed\b", re.I)
# An outcome standing alone after what it decides: "Approved.", "Supported.", "all approved.",
# "Approved & signed as correct." (Tintern), "This was agreed by the CC." (Ayton), "Support was
# given.", planning responses "NO OBJECTION", "No reason to object".
SHORT_OUTCOME = re.compile(
    r"^(?:all\s+|unanimously\s+)?(?:approved|agreed|supported|carried|refused|rejected|no\s+objections?"
    r"|no\s+reason\s+to\s+object|support\s+was\s+given|this\s+was\s+(?:agreed|approved|supported|accepted))\b"
    r"[^.]{0,30}[.!]?$",
    re.I,
)
# A planning application opening an entry: "DM/2019/00603 - Dwelling on Land ..." (Tintern),
# "23/02192/LB Highland Cottage ...", "18/00020/NMA The Tower House - ..." (Souldern); what the
# council said of it is the decision: "- approval recommended", "NO OBJECTION", "comment to be made".
PLANNING_REF = re.compile(r"^(?:[A-Z]{1,3}/)?\d{2,4}/\d{2,6}(?:/[A-Z0-9]{1,5})?\b")
PLANNING_RESPONSE = re.compile(
    r"\b(?:approv\w*|support\w*|objections?|object|recommend\w*|comments?|refus\w*|concerns?)\b", re.I
)
# A motion with no "RESOLVED": "she proposed & Cllr Evans seconded that TCC pay the fee."
MOTION_CLAUSE = re.compile(
    rf"(?:{PERSON}|\b{PRONOUN})\s+(?:proposed|moved),?\s+(?:and|&)\s+{PERSON}\s+seconded,?\s+that\b"
)
# Movers after what they moved, in US minutes: "2017/18 Financials approved - B. Munro (motion),
# C. Dallas (second)" (Chicago SSA #21); the decision is the words before them.
MOVED_RECORD = re.compile(rf"\s*[-\u2013\u2014,]?\s*{PERSON}\s*\((?i:motion)\).*$")
# The vote on such a motion, printed as the next sentence.
AGREEMENT = re.compile(r"^(?:all\b[^.]*\bin\s+agreement|agreed|carried|approved|unanimously)\b", re.I)
# A decision that introduces what follows ("RESOLVED that:", "It was APPROVED;", "... agreed that").
LEAD_IN_END = re.compile(r"(?:[:;]|\bthat)\s*$", re.I)
# Lines of one list item share its left edge or sit right of it, within this.
MARGIN_TOLERANCE_PT = 2.0
# A paragraph ends where the next line starts more than this many line heights lower.
PARAGRAPH_GAP = 0.6
# A line that starts this many line heights above the bottom of the line before it shares its
# row: a note in the margin (Ayton prints who acts, "RB", beside the text).
MARGIN_NOTE_OVERLAP = 0.15
# A sentence this long that repeats a structured decision of its item is that decision again.
REPEAT_CHARS = 40


def read_decisions(body: list[Placed], title: str = "", page: int = 1) -> list[DecisionRecord]:
    """The decisions in one minute item's lines, in order, movers as printed (not yet resolved).

    `title` is the item's title (on `page`): what a US vote record with no motion text decides,
    or a decision itself ("Minutes from 11/30/17 meeting approved - Z. Maiorca (motion), ...").
    The meeting, item and document ids are the caller's to set.
    """
    body = without_margin_notes(body)
    structured, covered = _structured(body)
    paragraphs = _paragraphs(body)
    # a sentence repeating a resolution set out above ("SUMMARY OF APPROVED RECOMMENDATIONS", Bristol)
    found = structured + [f for f in _in_paragraphs(body, paragraphs, covered) if not _repeats(f, structured)]
    taken = {f.line for f in found}
    found += [f for f in lost_motions([(a, _joined(body[a:b])) for a, b in paragraphs]) if f.line not in taken]
    found += vote_records([p.line.plain for p in body], title, [f.line for f in found])
    found += [Found(-1, title, "")] if MOVED_RECORD.search(title) else []
    return [_decision(f, body[f.line].page if f.line >= 0 else page) for f in sorted(found, key=lambda f: f.line)]


def _repeats(found: Found, earlier: list[Found]) -> bool:
    text = " ".join(LIST_MARKER.sub("", found.text).lower().split())
    return len(text) >= REPEAT_CHARS and any(text in " ".join(e.text.lower().split()) for e in earlier)


def without_margin_notes(body: list[Placed]) -> list[Placed]:
    """The lines without notes printed in the margin on a line's row ("RB", "CB": who acts, Ayton)."""
    out: list[Placed] = []
    for placed in body:
        last = out[-1] if out else None
        overlap = last.line.bottom - placed.line.top if last and last.page == placed.page else 0.0
        if overlap > MARGIN_NOTE_OVERLAP * placed.line.size:
            continue
        out.append(placed)
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
        elif DECISION_START.match(text) and _starts_paragraph(body, i):
            start = i
        else:
            i += 1
            continue
        if start == i and _introduces_heading(body, i):
            i += 1
            continue
        if start > i and i and body[i - 1].line.plain.endswith(":"):
            covered |= set(range(_paragraph_start(body, i - 1), i))  # "it was resolved to make the:"
        bullets = _list_items(body, start) if start > i else []
        parts = bullets or [(start, block_end(body, start))]
        for a, b in parts:
            text = LIST_MARKER.sub("", _joined(body[a:b]), count=1)
            found += [Found(a, text, _joined(body[:a]))] if text else []
        end = parts[-1][1]
        covered |= set(range(i, end))
        i = end
    return found, covered


def _list_items(body: list[Placed], start: int) -> list[tuple[int, int]]:
    """Under a "Conclusions:" heading, each bullet is a decision (Hyndland Parent Council); numbered
    parts under "RESOLVED" are one resolution (Bristol). An item runs on to the next bullet, a gap
    or a line set left of its bullet."""
    items = []
    i = start
    while i < len(body) and BULLET.match(body[i].line.plain):
        j = i + 1
        while j < len(body) and _runs_on(body, i, j):
            j += 1
        items.append((i, j))
        i = j
    return items


def _runs_on(body: list[Placed], item: int, j: int) -> bool:
    line, prev = body[j], body[j - 1]
    if BULLET.match(line.line.plain) or line.line.x0 < body[item].line.x0 - MARGIN_TOLERANCE_PT:
        return False
    return line.page != prev.page or line.line.top - prev.line.bottom <= PARAGRAPH_GAP * line.line.size


def _in_paragraphs(body: list[Placed], paragraphs: list[tuple[int, int]], covered: set[int]) -> list[Found]:
    """Decisions in the sentences of the paragraphs no structured decision holds; a sentence that
    ends in a lead-in ("... the Council RESOLVED:") takes what follows it."""
    out: list[Found] = []
    upto = 0
    for a, b in paragraphs:
        if a < upto or covered & set(range(a, b)):
            continue
        if PLANNING_REF.match(body[a].line.plain):
            response = _planning_response(_joined(body[a:b]))
            out += [Found(a, response, _joined(body[:a]))] if response else []
            continue
        found = _in_sentences(body, a, b)
        last = found[-1] if found else None
        if last and LEAD_IN_END.search(last.text) and _joined(body[a:b]).rstrip().endswith(last.text[-1]):
            upto = block_end(body, b, b)
            found[-1] = replace(last, text=f"{last.text} {_joined(body[b:upto])}".strip())
        out += found
    return out


def _planning_response(entry: str) -> str:
    """A planning application and the council's response to it, up to the sentence that gives it."""
    response = PLANNING_RESPONSE.search(entry)
    if not response:
        return ""
    end = re.search(r"[.!?](?=\s|$)", entry[response.end() :])
    return entry[: response.end() + end.end()] if end else entry.strip()


def _in_sentences(body: list[Placed], first: int, end: int) -> list[Found]:
    """Decisions written as sentences of a paragraph: "Wheatley Oak Tree. It was agreed to refund
    ..." (Hertingfordbury), "Erection of Greenhouse - The Old Glebe, Ayton. Supported." (Ayton)."""
    text, starts = "", []
    for i in range(first, end):
        starts.append((len(text), i))
        text += body[i].line.plain + " "
    text = LIST_MARKER.sub("", text, count=1) if LIST_MARKER.match(text) else text
    sentences = [s.strip() for s in SENTENCE_BREAK.split(text) if s.strip()]
    decisions = [_sentence_decision(sentences, k) for k in range(len(sentences))]
    out: list[Found] = []
    for k, decision in enumerate(decisions):
        if decision:
            at = text.find(sentences[k])
            line = next((i for offset, i in reversed(starts) if offset <= at), first)
            at = max(at, text.find(decision))  # "... and she proposed & ...": the words before name her
            # "The Minutes ... were approved. Proposed by GD and seconded by PP." (Ayton)
            after = " ".join(sentences[j] for j in range(k + 1, len(sentences)) if j < _next(decisions, k))
            out.append(Found(line, decision, _joined(body[:first]) + " " + text[:at], after))
    return out


def _next(decisions: list[str], k: int) -> int:
    return next((j for j in range(k + 1, len(decisions)) if decisions[j]), len(decisions))


def _sentence_decision(sentences: list[str], k: int) -> str:
    sentence = sentences[k]
    nxt = sentences[k + 1] if k + 1 < len(sentences) else ""
    if motion := MOTION_CLAUSE.search(sentence):
        return sentence[motion.start() :] + (f" {nxt}" if AGREEMENT.match(nxt) else "")
    if SHORT_OUTCOME.match(sentence):
        # what it decides is the sentence before, unless that is a decision of its own
        before = sentences[k - 1] if k else ""
        subject = before if before and not _sentence_decision(sentences[:k], k - 1) else ""
        return f"{subject} {sentence}".strip()
    if SIGNATURE.match(sentence):
        return ""
    if DECISION_SENTENCE.search(sentence) or (len(sentences) == 1 and NOTING.match(sentence)):
        return sentence
    return ""


def _paragraphs(body: list[Placed]) -> list[tuple[int, int]]:
    """The item's paragraphs as line ranges: a gap, a change of weight or a list marker starts one.

    A page break ends one only after a full stop, colon or semicolon: sentences run over pages.
    """
    out, start = [], 0
    for i in range(1, len(body)):
        prev, line = body[i - 1], body[i]
        if line.page != prev.page:
            breaks = prev.line.text.rstrip()[-1:] in ".:;"
        else:
            gap = line.line.top - prev.line.bottom
            restyled = line.line.bold != prev.line.bold and not line.line.plain[:1].islower()
            breaks = gap > PARAGRAPH_GAP * line.line.size or restyled
        # a planning application's entry runs on over a dash ("... Glyn View" / "- approval recommended")
        marker = LIST_MARKER.match(line.line.plain) and not PLANNING_REF.match(body[start].line.plain)
        if breaks or marker or PLANNING_REF.match(line.line.plain):
            out.append((start, i))
            start = i
    return [*out, (start, len(body))] if body else []


def _starts_paragraph(lines: list[Placed], i: int) -> bool:
    if i == 0:
        return True
    prev, line = lines[i - 1].line, lines[i].line
    ends = prev.text.rstrip()[-1:] in ".:;"
    if lines[i].page != lines[i - 1].page:
        return ends
    return line.top - prev.bottom > PARAGRAPH_GAP * line.size or line.bold != prev.bold or ends


def _paragraph_start(lines: list[Placed], i: int) -> int:
    while i > 0 and not _starts_paragraph(lines, i):
        i -= 1
    return i


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
        if line.page != prev.page or gap > PARAGRAPH_GAP * line.line.size or line.line.bold != lines[start].line.bold:
            break
        end += 1
    return end


def block_end(lines: list[Placed], start: int, end: int | None = None) -> int:
    """The end of a decision that starts at `start`: its paragraph, and what a lead-in introduces.

    "RESOLVED that Cabinet agree to:" takes the list below it, over a gap, a change of weight
    or a page break; so does "That the Committee for Transport and Connectivity" followed by
    numbered resolutions (Bristol).
    """
    end = paragraph_end(lines, start) if end is None else end
    while end < len(lines):
        last, nxt = lines[end - 1].line.plain, lines[end].line.plain
        lead_in = LEAD_IN_END.search(last) or (last[-1:].isalnum() and NUMBERING.match(nxt))
        if not lead_in or DECISION_HEADING.match(nxt):
            break
        end = paragraph_end(lines, end)
    return end


def _joined(lines: list[Placed]) -> str:
    return " ".join(p.line.plain for p in lines)


def _decision(found: Found, page: int) -> DecisionRecord:
    proposer, seconder = found.movers or movers(found.text)
    if not proposer:
        proposer, seconder = movers(found.after)
    if not proposer:
        proposer, seconder = movers(f"{found.before} {found.text}")
    return DecisionRecord(
        meeting_id="",
        item_number="",
        text=MOVED_RECORD.sub("", found.text) or found.text,
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
    r"\b(?:lost|not\s+carried|fell|failed|defeated|rejected)\b|^\W*(?:rejected|refused|lost)\b",
    re.I,
)
OUTCOMES: tuple[tuple[DecisionOutcome, re.Pattern[str]], ...] = (
    (DecisionOutcome.REJECTED, VOTE_LOST),
    (DecisionOutcome.DEFERRED, re.compile(r"\b(defer(red)?|postpone[ds]?|adjourn(ed)?)\b", re.I)),
    (
        DecisionOutcome.NOTED,
        re.compile(
            r"^(?:\W*\w{0,3}\W*)?(?:resolved\s*(?:that|:)?\s*)?(?:the\s+\w+\s+)?(?:to\s+)?note[sd]?\b"
            r"|resolved to note|\bbe noted\b|\b(?:committee|council|councillors|members)\s+noted\b",
            re.I,
        ),
    ),
    (DecisionOutcome.APPROVED, re.compile(r"\b(approved?|adopt(ed)?|agree[sd]?|endorsed?|supported)\b", re.I)),
)


def outcome(text: str, context: str = "") -> DecisionOutcome:
    """The outcome of a decision from its own words and the vote reported just before it."""
    vote = context[-300:]
    if VOTE_LOST.search(vote) and not re.search(r"\bcarried\b", vote[-120:], re.I):
        return DecisionOutcome.REJECTED
    for kind, pattern in OUTCOMES:
        if pattern.search(text):
            return kind
    return DecisionOutcome.RESOLVED

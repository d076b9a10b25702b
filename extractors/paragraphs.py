"""An item's lines as the decisions reader sees them: paragraphs, bullets and lead-ins.

Minutes set a decision as a paragraph, a list under a heading or a lead-in ("RESOLVED that:")
with its resolution below, over a gap, a change of weight or a page break; these helpers find
those shapes from the lines' boxes, so the reader can work on reflowed text.
"""

from __future__ import annotations

import re

from extractors.headings import Placed

# A heading over the decision text: "Decision" (Wiltshire), "It was APPROVED" (Bristol), or
# "Conclusions:" with its colon over what a parent council's meeting concluded (Hyndland); a bare
# "Conclusion" heads the summing up of a report (Kent records of decision), not a decision.
DECISION_HEADING = re.compile(
    r"^(?:it\s+was\s+)?(?:decisions?|resolved|resolutions?|agreed|approved)\s*[:;]?\s*$|^conclusions?\s*:\s*$", re.I
)
# A numbered part opening a line: "1.", "(27)", "2a.", "c)".
NUMBERING = re.compile(r"^\(?\w{1,3}[.)]\s+")
# A bullet opening a line: "•", "●", "" (Word's private-use bullet), "o", "-".
BULLET = re.compile(r"^(?:[^\w\s(\"'\u2018\u201c\u00a3$]|o(?=\s))\s*")
# A list item or bullet opening a line: "•", "", "o" (Word bullets), "-", "(1)", "2a.", "c.", "(iv)".
LIST_MARKER = re.compile(
    r"^(?:[^\w\s(\"'\u2018\u201c\u00a3$]|o(?=\s)|\(?(?:\d{1,3}[a-z]?|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s))\s*"
)
# A planning application opening an entry: "DM/2019/00603 - Dwelling on Land ..." (Tintern),
# "23/02192/LB Highland Cottage ...", "18/00020/NMA The Tower House - ..." (Souldern).
PLANNING_REF = re.compile(r"^(?:[A-Z]{1,3}/)?\d{2,4}/\d{2,6}(?:/[A-Z0-9]{1,5})?\b")
# A decision that introduces what follows ("RESOLVED that:", "It was APPROVED;", "... agreed that").
LEAD_IN_END = re.compile(r"(?:[:;]|\bthat)\s*$", re.I)
# Lines of one list item share its left edge or sit right of it, within this.
MARGIN_TOLERANCE_PT = 2.0
# A paragraph ends where the next line starts more than this many line heights lower.
PARAGRAPH_GAP = 0.6
# A line that starts this many line heights above the bottom of the line before it shares its
# row: a note in the margin (Ayton prints who acts, "RB", beside the text).
MARGIN_NOTE_OVERLAP = 0.15


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


def paragraphs(body: list[Placed]) -> list[tuple[int, int]]:
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


def starts_paragraph(lines: list[Placed], i: int) -> bool:
    if i == 0:
        return True
    prev, line = lines[i - 1].line, lines[i].line
    ends = prev.text.rstrip()[-1:] in ".:;"
    if lines[i].page != lines[i - 1].page:
        return ends
    return line.top - prev.bottom > PARAGRAPH_GAP * line.size or line.bold != prev.bold or ends


def paragraph_start(lines: list[Placed], i: int) -> int:
    while i > 0 and not starts_paragraph(lines, i):
        i -= 1
    return i


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


def list_items(body: list[Placed], start: int) -> list[tuple[int, int]]:
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


def joined(lines: list[Placed]) -> str:
    """The plain text of lines, one space apart."""
    return " ".join(p.line.plain for p in lines)

"""Item headings of any layout: numbered, labelled "Agenda item:", bulleted, or set in bold.

Minutes kept as notes do not number their items: a Google Docs template labels each block
"Agenda item: Fundraising" (Hyndland parent council), notes list the business as bullets
(Chicago SSA, Upper Dales), US agendas head their sections in bold capitals ("CALL TO ORDER:",
Rancho Palos Verdes). Such items are numbered by their order, "1", "2", ..., as the labels
record them. Numbered headings win unless bold headings sit further left: then the numbers
belong to business inside those sections (Rancho's "1. Presentation to Mayor ...").
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.headings import (
    MARGIN_TOLERANCE_PT,
    NUMBERED,
    WRAP_GAP_LINES,
    Heading,
    Placed,
    heading,
    numbered_headings,
    wrapped_title,
)
from extractors.pages import Line
from extractors.vocab import BULLET

# "Agenda item: Senior Leadership Team | Presenter: Helen Brown", "Agenda Item 5 - Finance".
LABELLED = re.compile(r"^agenda\s+item\b\s*(?P<num>\d{1,3}[a-z]?)?\s*[:.-]?\s*(?P<title>.*)$", re.I)
# Without numbered items, a document needs this many headings of one form before they are its items.
MIN_ITEMS = 2
# A heading is a phrase: a bold line longer than this is an emphasised sentence.
MAX_HEADING_WORDS = 12
# "CALL TO ORDER:", "PLEDGE OF ALLEGIANCE: To be announced": a short title and a colon.
COLON_FORM = re.compile(r"^[^:]*[A-Za-z][^:]*:")
# A bullet's lead phrase ends at its first full stop ("Book Club in Hawes is open to all CDP
# patients. It is being enjoyed ...") or at a spaced dash before what is said of it
# ("Collective Action update - The situation is ..."); initials ("M. Prest") do not end it.
SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z\"'])")
LEAD_DASH = re.compile(r"\s+-\s+(?=\S+\s+\S)")
# A bullet's text runs on over at most this many lines before its lead phrase must have ended.
BULLET_LINES = 6


def item_headings(lines: list[Placed]) -> list[Heading]:
    """The item headings of a document in whichever form it uses, numbered or not."""
    numbered = numbered_headings(lines)
    bold = bold_headings(lines)
    if numbered:
        return bold if _outranks(lines, bold, numbered) else numbered
    if len(labelled := labelled_headings(lines)) >= MIN_ITEMS:
        return labelled
    bullets = bullet_headings(lines)
    if len(bold) >= MIN_ITEMS and (len(bullets) < MIN_ITEMS or _indented_under(lines, bullets, bold)):
        return bold  # bold "Finance" over "• Invoice ... approved": the bullets are its points
    return bullets if len(bullets) >= MIN_ITEMS else []


def _indented_under(lines: list[Placed], bullets: list[Heading], bold: list[Heading]) -> bool:
    """Whether every bullet sits right of the bold headings' margin, as points under them."""
    margin = min(lines[h.start].line.x0 for h in bold)
    return min(lines[h.start].line.x0 for h in bullets) > margin + MARGIN_TOLERANCE_PT / 4


def _outranks(lines: list[Placed], bold: list[Heading], numbered: list[Heading]) -> bool:
    """Bold headings, more of them, all left of every numbered heading: the numbers are sub-items."""
    if len(bold) <= len(numbered):
        return False
    right_most = max(lines[h.start].line.x0 for h in bold)
    return right_most < min(lines[h.start].line.x0 for h in numbered) - MARGIN_TOLERANCE_PT


def labelled_headings(lines: list[Placed]) -> list[Heading]:
    """Blocks opened by "Agenda item:" and a title, numbered as printed or by their order."""
    out: list[Heading] = []
    for i, placed in enumerate(lines):
        cells = [cell.strip() for cell in placed.line.parts]
        label = LABELLED.match(cells[0])
        if not label:
            continue
        title, beside = label.group("title"), " ".join(cells[1:])
        if not title and len(cells) > 1:
            title, beside = cells[1], " ".join(cells[2:])
        if title:  # a bare "Agenda Item 9" stamps a report's first page
            out.append(heading(label.group("num") or str(len(out) + 1), title, placed.page, i, i, beside))
    return out


def bullet_headings(lines: list[Placed]) -> list[Heading]:
    """The outermost bullets, each an item titled by its lead phrase."""
    bullets = [i for i, p in enumerate(lines) if BULLET.match(p.line.text)]
    if not bullets:
        return []
    margin = min(lines[i].line.x0 for i in bullets)
    top = [i for i in bullets if lines[i].line.x0 <= margin + MARGIN_TOLERANCE_PT / 4]
    out: list[Heading] = []
    for i in top:
        text, prev = BULLET.sub("", lines[i].line.text, count=1), lines[i].line
        for nxt in lines[i + 1 : i + BULLET_LINES]:
            if SENTENCE_END.search(text) or not _runs_on(lines[i].line, prev, nxt.line):
                break
            text, prev = f"{text} {nxt.line.text}", nxt.line
        lead = _lead_phrase(text)
        # what the bullet's line says after its lead phrase opens the item's text: "Meeting called
        # to order at 9:08am - M. Prest (motion), C. Dallas (second)" (Chicago SSA #21)
        first = BULLET.sub("", lines[i].line.text, count=1).replace("\u2013", "-")
        rest = first[len(lead) :].strip(" -.") if first.startswith(lead) else ""
        out.append(heading(str(len(out) + 1), lead, lines[i].page, i, i, rest))
    return out


def _runs_on(bullet: Line, prev: Line, line: Line) -> bool:
    """The bullet's text goes on: set tight below in the same type, indented under it, no new bullet."""
    return (
        line.size == prev.size
        and line.top - prev.bottom <= WRAP_GAP_LINES * line.size
        and line.x0 > bullet.x0
        and not BULLET.match(line.text)
    )


def _lead_phrase(text: str) -> str:
    return LEAD_DASH.split(SENTENCE_END.split(text.replace("\u2013", "-"), maxsplit=1)[0], maxsplit=1)[0]


def bold_headings(lines: list[Placed]) -> list[Heading]:
    """Short bold lines in the body's type at the left margin, in the form most of them share."""
    if not lines:
        return []
    body_size = Counter(round(p.line.size) for p in lines).most_common(1)[0][0]
    found = [i for i, p in enumerate(lines) if _looks_like_heading(p, body_size)]
    if found:
        margin = min(lines[i].line.x0 for i in found)
        found = [i for i in found if lines[i].line.x0 <= margin + MARGIN_TOLERANCE_PT / 4]
    colon = [i for i in found if COLON_FORM.match(lines[i].line.plain)]
    if len(colon) * 2 >= len(found):
        found = colon  # "ROLL CALL:" headings; "NEXT ORDINANCE NO. 671" is a notice
    right = max(p.line.x1 for p in lines)
    out: list[Heading] = []
    for i in found:
        if out and i <= out[-1].index:
            continue  # the second line of a wrapped title
        title, consumed = wrapped_title(lines, i, lines[i].line.text, right)
        out.append(heading(str(len(out) + 1), title, lines[i].page, i, i + consumed))
    return out


def _looks_like_heading(placed: Placed, body_size: int) -> bool:
    line = placed.line
    text = line.plain
    title = text.split(":", 1)[0] if COLON_FORM.match(text) else text
    return (
        line.bold
        and round(line.size) == body_size
        and text[:1].isupper()
        and not text.endswith(".")
        and len(title.split()) <= MAX_HEADING_WORDS
        and not BULLET.match(line.text)
        and not NUMBERED.match(text)
    )

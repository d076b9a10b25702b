"""Split an agenda pack into the documents it holds, and tell what kind each document is.

A ModernGov pack is the agenda front sheet followed by the papers its items cite
("(Pages 7 - 18)"), with "This page is intentionally left blank" separators so that each
paper starts on a fresh sheet. The citations use the printed "Page N" stamps, which in real
packs start after the unnumbered front sheet, so they are mapped to physical pages first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.pages import Line, Page
from extractors.text import find_date
from models.vocab import DocumentKind

PAGES_CITED = re.compile(r"\(\s*\*?\s*Pages?\s+(\d+)\s*(?:[-\u2013]\s*(\d+))?\s*\*?\s*\)", re.I)
BLANK = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank", re.I)
# A separator page carries the notice and little else (a stamp, a logo caption).
BLANK_MAX_LINES = 3
KIND_RULES: tuple[tuple[DocumentKind, re.Pattern[str]], ...] = (
    # Welsh "Cofnodion" (minutes) and "Rhaglen" (agenda), as bilingual councils title them
    (
        DocumentKind.MINUTES,
        re.compile(r"^(printed\s+)?minutes\b|\bminutes of (the|a)\b|regular meeting minutes|^cofnodion\b", re.I),
    ),
    # "Agenda Item 9" alone is the stamp committee systems print on a report's first page.
    (DocumentKind.AGENDA, re.compile(r"^(agenda|notice of meeting|summons|rhaglen)\b(?!\s+item\s+\d+$)", re.I)),
    (DocumentKind.APPENDIX, re.compile(r"^(appendix|annex)\b", re.I)),
    (DocumentKind.WORK_PLAN, re.compile(r"\b(forward|work)\s+(work\s+)?(plan|programme)\b", re.I)),
    (
        DocumentKind.DECISION_NOTICE,
        re.compile(r"\b(record of decision|decision notice|decision recording form)\b", re.I),
    ),
)
# Words naming what a document is: the title line holds one ("Minutes of the Transport and
# Connectivity" / "Policy Committee" under "Bristol City Council", all in 18pt bold).
TITLE_WORDS = re.compile(r"\b(minutes|agenda|notice|summons|report|record of decision|plan|appendix)\b", re.I)
HELD = re.compile(r"(?:^|\s+)held\s+(?:on|at|in)\b.*$", re.I)
# A printed title wraps onto at most this many more lines of the same type.
TITLE_WRAP_LINES = 2
# How many lines at the top of a document decide its kind: titles sit in the first few.
KIND_LINES = 6


@dataclass(frozen=True)
class Section:
    """A document inside a pack: its physical pages, kind and printed title."""

    index: int
    first_page: int
    last_page: int
    kind: DocumentKind
    title: str
    evidence: str = ""


def is_blank(page: Page) -> bool:
    """A separator page: empty, or just "This page is intentionally left blank"."""
    return not page.lines or (len(page.lines) <= BLANK_MAX_LINES and bool(BLANK.search(page.text)))


def classify(lines: tuple[Line, ...] | list[Line]) -> DocumentKind:
    """The kind of a document from the wording of its first lines."""
    return classify_why(lines)[0]


def classify_why(lines: tuple[Line, ...] | list[Line]) -> tuple[DocumentKind, str]:
    """The kind of a document from the wording of its first lines, and the words that decided it."""
    head = [line.text.strip() for line in lines[:KIND_LINES]]
    for kind, rule in KIND_RULES:
        for text in head:
            if found := rule.search(text):
                return kind, f"title words: {found.group(0).strip().lower()!r}"
    return (
        DocumentKind.REPORT,
        f"no minutes, agenda, appendix, plan or decision wording in the first {KIND_LINES} lines",
    )


def names_document(title: str) -> bool:
    """Whether a title says what the document is ("Minutes of the ...", not just "CABINET")."""
    return bool(TITLE_WORDS.search(title)) and len(title.split()) > 1


def title_of(lines: tuple[Line, ...] | list[Line]) -> str:
    """The printed title: among the largest type of the first lines, the one naming the document
    ("Minutes of the ...", not the council's name above it), with the lines it wraps onto."""
    head = [line for line in lines[:8] if len(line.text) > 3]
    if not head:
        return ""
    biggest = max(line.size for line in head)
    largest = [i for i, line in enumerate(head) if line.size == biggest]
    named = [i for i in largest if names_document(head[i].text)]
    if not named:
        return head[largest[0]].text.strip("* ")
    first = head[named[0]]
    parts = [first.text.strip("* ")]
    if HELD.search(first.text):  # "MINUTES OF THE ... MEETING HELD ON 27 JUNE 2024" / "AT THE ..."
        return HELD.sub("", parts[0])
    for line in head[named[0] + 1 : named[0] + 1 + TITLE_WRAP_LINES]:
        if (line.size, line.bold) != (first.size, first.bold) or find_date(line.text) or TITLE_WORDS.search(line.text):
            break
        parts.append(line.text.strip("* "))
    return " ".join(parts)


def stamp_map(pages: list[Page]) -> dict[int, int]:
    """Printed "Page N" stamp -> physical page number, for the pages that carry a stamp."""
    return {page.stamp: page.number for page in pages if page.stamp is not None}


def citations(pages: list[Page]) -> list[tuple[int, int]]:
    """The physical page ranges that the agenda cites, in order; empty if this is no pack."""
    physical = stamp_map(pages)
    found: list[tuple[int, int]] = []
    for page in pages:
        if found and page.number >= min(first for first, _ in found):
            break
        text = " ".join(line.text for line in page.lines)
        for match in PAGES_CITED.finditer(text):
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            start, end = physical.get(first, first), physical.get(last, last)
            if page.number < start <= end <= len(pages):
                found.append((start, end))
    return found


def segment(pages: list[Page]) -> list[Section]:
    """The documents of a pack in page order; empty when the file is not a pack."""
    cited = citations(pages)
    if not cited:
        return []
    starts = {1} | {first for first, _ in cited} | {last + 1 for _, last in cited}
    runs: list[list[Page]] = []
    for page in pages:
        if is_blank(page):
            runs.append([])
            continue
        if page.number in starts or not runs:
            runs.append([])
        runs[-1].append(page)
    sections: list[Section] = []
    for run in (r for r in runs if r):
        lines = run[0].lines
        kind, why = (DocumentKind.AGENDA, "the pack's first section, whose agenda cites the others' pages")
        if sections:
            kind, why = classify_why(lines)
        sections.append(
            Section(
                index=len(sections) + 1,
                first_page=run[0].number,
                last_page=run[-1].number,
                kind=kind,
                title=title_of(lines),
                evidence=why,
            )
        )
    return sections

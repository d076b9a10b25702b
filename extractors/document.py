"""One PDF to records: segment a pack, read each document by kind, and give every row provenance.

This is the pure core that the Dagster extract asset calls for one partition.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from extractors import nlp, title_block
from extractors.actions import Meeting, Passage, read_actions
from extractors.agenda import AgendaSheet, read_agenda
from extractors.attendance import BLOCK
from extractors.camelot_tables import with_engine
from extractors.headings import flatten, numbered_headings
from extractors.kpis import read_document_kpis
from extractors.mentions import read_mentions
from extractors.minutes import Minutes, read_minutes
from extractors.movers import resolve_mover
from extractors.pages import Page, PdfDocument, one_line
from extractors.segment import Section, classify_why, names_document, segment, stamp_map, title_of
from extractors.table_quality import TABLE_THRESHOLD, quality
from extractors.tables import Table, read_tables
from extractors.text import smart_title
from extractors.vocab import meeting_id, section_id, table_id
from models import (
    AttendanceRecord,
    DocumentRecord,
    MeetingRecord,
    Record,
    TableCellRecord,
    TableRecord,
)
from models.extraction import Extraction, SourceInfo
from models.vocab import DEFAULT_TABLE_ENGINE, DocumentKind, DocumentStatus, TableEngine

# A place name, hyphenated ones with their small links: "Burton-cum-Walden", "Stratford-upon-Avon".
PLACE_WORD = r"[A-Z][a-z]+(?:-(?:[a-z]+-)*[A-Z][a-z]+)*"
COUNCIL = re.compile(
    rf"\b((?:{PLACE_WORD}\s+)(?:(?:{PLACE_WORD}|and|&|upon|on)\s+){{0,4}}"
    r"(?:County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+|Metropolitan\s+Borough\s+)?Council)\b"
    # Welsh puts the place last: "Cyngor Cymuned Tyndyrn" (community council), "Cyngor Tref ..."
    rf"|\b(Cyngor\s+(?:Cymuned|Tref|Dinas|Sir|Bwrdeistref\s+Sirol)\s+{PLACE_WORD}(?:\s+{PLACE_WORD}){{0,2}})"
)
# Metadata titles that name a template or a tool, not the document: "Agenda Template",
# "Microsoft Word - Souldern PC minutes Oct", "PowerPoint Presentation", "TCC Budget.numbers".
TEMPLATE_TITLE = re.compile(r"\btemplate\b|^microsoft\b|\bpresentation$|\.(xlsx?|docx?|numbers|pages)$|^https?:", re.I)
NOT_A_COUNCIL = re.compile(r"^(The|Full|County|City|Town|Parish|District|Borough|This|Our|Each|Every|Police|Local)\b")
# Role words printed before a council's name in a signature or list ("Chair Souldern Parish Council").
LEADING_ROLE = re.compile(r"^(?:(?:Chair|Chairman|Vice|Clerk|Mayor|Deputy|Cllr|Councillor|Member)\s+)+")
# Minutes' prose is parsed for actions and mentions up to this many words, three times the longest
# labelled minutes (Kent County Council's, 4,500): reports bound in after minutes that read as
# their last item are not parsed page after page (the warning says so).
MAX_PROSE_WORDS = 15_000
# A council's name alone on a line at the top is the letterhead: the document's own council,
# even if a neighbouring one is named more often below (Burton-cum-Walden and North Yorkshire).
LETTERHEAD_LINES = 6


def extract_document(doc: PdfDocument, source: SourceInfo, tables: Sequence[Table] | None = None) -> Extraction:
    """Every record one PDF yields; a PDF that could not be read yields its `documents` row.

    `tables` are the document's tables when already read (`extract_all` reads them once), for
    the minutes' decision columns; read here otherwise.
    """
    if doc.status is not DocumentStatus.OK:
        return Extraction.of(doc.document_id, [_file_row(doc, source, DocumentKind.OTHER, "", "", "")])
    pages = list(doc.pages)
    council = source.council or infer_council(pages)
    sections = segment(pages)
    first_kind, first_why = kind_of(pages, source.file_name)
    whole = Section(1, 1, len(pages), first_kind, title_of(pages[0].lines), first_why)
    tables = read_tables(pages) if tables is None else tables
    reader = _Reader(doc.document_id, council, pages, sections, tables)
    for section in sections or [whole]:
        reader.read(section)
    kind, why = (
        (DocumentKind.AGENDA_PACK, "agenda cites the pages of the pack") if sections else (whole.kind, whole.evidence)
    )
    main = reader.meeting_of_file()
    file_row = _file_row(doc, source, kind, council, main.body if main else "", main.meeting_id if main else "")
    file_row = file_row.model_copy(update={"kind_evidence": why, "warnings": reader.file_warnings()})
    children = [reader.section_row(s, doc, source, file_row) for s in sections]
    return Extraction.of(doc.document_id, [file_row, *children, *reader.records])


# Words that make a first page a call to a meeting: "AGENDA" under a clerk's letterhead,
# "PUBLIC NOTICE" (Burton-cum-Walden), "You are hereby summoned" (parish councils).
CALL_TO_MEETING = re.compile(r"^(agenda|public notice|notice of (?:the )?meeting)\b|\bhereby summoned\b", re.I)
# Numbered items a document must show before its structure decides its kind.
MIN_ITEMS_FOR_KIND = 2


def kind_of(pages: list[Page], file_name: str = "") -> tuple[DocumentKind, str]:
    """A document's kind and what decided it: its title words, else its structure, else its file name.

    Structure: an attendance block ("Present:") with numbered items is minutes; a call to a
    meeting ("AGENDA", "Public notice") with numbered items is an agenda.
    """
    kind, why = classify_why(pages[0].lines)
    if kind is not DocumentKind.REPORT:
        return kind, why
    items = len(numbered_headings(flatten(pages[:2]))) >= MIN_ITEMS_FOR_KIND
    first = [line.plain for line in pages[0].lines]
    if items and any(BLOCK.match(text) for text in first):
        return DocumentKind.MINUTES, "attendance block + numbered items"
    if items and any(CALL_TO_MEETING.search(text) for text in first):
        return DocumentKind.AGENDA, "call to a meeting + numbered items"
    name = file_name.lower()
    if "minute" in name:
        return DocumentKind.MINUTES, "file name"
    if "agenda" in name:
        return DocumentKind.AGENDA, "file name"
    return kind, why


@dataclass(frozen=True)
class DocumentTables:
    """The tables of one PDF, with their ids (`<document_id>-p<page>-t<n>`)."""

    document_id: str
    tables: tuple[Table, ...] = ()
    failure: str = ""

    @property
    def ids(self) -> list[str]:
        seen: Counter[int] = Counter()
        ids = []
        for table in self.tables:
            seen[table.page] += 1
            ids.append(table_id(self.document_id, table.page, seen[table.page]))
        return ids

    def records(self) -> list[Record]:
        """`tables` and `table_cells` records."""
        tables: list[Record] = []
        cells: list[Record] = []
        for tid, t in zip(self.ids, self.tables, strict=True):
            tables.append(
                TableRecord(
                    table_id=tid,
                    source_document_id=self.document_id,
                    page=t.page,
                    title=t.title,
                    n_rows=t.n_rows,
                    n_cols=t.n_cols,
                    method=t.method,
                    x0=round(t.x0, 1),
                    top=round(t.top, 1),
                    x1=round(t.x1, 1),
                    bottom=round(t.bottom, 1),
                )
            )
            cells += [
                TableCellRecord(table_id=tid, row=i, col=j, text=text)
                for i, row in enumerate(t.rows)
                for j, text in enumerate(row)
            ]
        return tables + cells


def extract_tables(doc: PdfDocument, engine: TableEngine = DEFAULT_TABLE_ENGINE) -> DocumentTables:
    """Every table of a readable PDF, read by `engine`, that is a table (`table_quality`: not a
    boxed paragraph, a form or a dashboard tile); none for a PDF that could not be read."""
    if doc.status is not DocumentStatus.OK:
        return DocumentTables(doc.document_id)
    pages = list(doc.pages)
    tables = with_engine(engine, read_tables(pages), pages, doc.path)
    return DocumentTables(doc.document_id, tuple(t for t in tables if quality(t) >= TABLE_THRESHOLD))


def extract_kpis(tables: DocumentTables) -> Extraction:
    """The `kpis` rows of a PDF's performance tables."""
    per_table = zip(tables.ids, read_document_kpis(list(tables.tables)), strict=True)
    stamped = [
        k.model_copy(update={"source_document_id": tables.document_id, "table_id": tid})
        for tid, kpis in per_table
        for k in kpis
    ]
    return Extraction.of(tables.document_id, stamped)


def extract_all(doc: PdfDocument, source: SourceInfo, table_engine: TableEngine = DEFAULT_TABLE_ENGINE) -> Extraction:
    """Every dataset one PDF yields, each step behind its own failure boundary (`merge`)."""
    # Tables first: the minutes reader takes decisions from their decision columns. If reading
    # them fails, the document is recorded as failed whatever the other steps give (`merge`).
    tables = guarded(
        "tables",
        lambda: extract_tables(doc, table_engine),
        lambda error: DocumentTables(doc.document_id, failure=error),
    )
    records = extract_or_fail(doc, source, tables.tables)
    kpis = guarded(
        "kpis",
        lambda: extract_kpis(tables),
        lambda error: Extraction.of(doc.document_id, [], failure=error),
    )
    return merge(records, tables, kpis)


def extract_or_fail(doc: PdfDocument, source: SourceInfo, tables: Sequence[Table] | None = None) -> Extraction:
    """`extract_document`, but a bug or an input we have never seen gives a `failed` row, not a crash."""
    return guarded(
        "records",
        lambda: extract_document(doc, source, tables),
        lambda error: extract_document(
            replace(doc, status=DocumentStatus.FAILED, error=error, pages=()), source
        ).model_copy(update={"failure": error}),
    )


T = TypeVar("T")


def guarded(step: str, run: Callable[[], T], failed: Callable[[str], T]) -> T:
    """`run()`, or on any exception `failed(error)` with a one-line error naming the step."""
    try:
        return run()
    # The failure boundary of one document: an exception here is an extractor meeting a layout
    # it was never written for. The document is recorded as failed and the run goes on
    # (tests/test_bad_input.py::test_a_failing_step_fails_only_its_document covers every step).
    except Exception as exc:
        return failed(one_line(f"{step} failed: {type(exc).__name__}: {exc}"))


def merge(records: Extraction, *parts: Extraction | DocumentTables) -> Extraction:
    """One document's rows from its steps; if any step failed, only its failed `documents` row."""
    failure = next((p.failure for p in (records, *parts) if p.failure), "")
    if failure:
        return only_file_row(records, DocumentStatus.FAILED, failure)
    return Extraction.of(records.document_id, [*records.records(), *(r for part in parts for r in part.records())])


def only_file_row(extraction: Extraction, status: DocumentStatus, error: str = "") -> Extraction:
    """A document reduced to its file's `documents` row with a new status: its other rows dropped."""
    row = extraction.file
    file_row = DocumentRecord(
        document_id=row.document_id,
        sha256=row.sha256,
        source_url=row.source_url,
        title=row.title,
        first_page=row.first_page,
        last_page=row.last_page,
        page_count=row.page_count,
        retrieved_at=row.retrieved_at,
        file_name=row.file_name,
        status=status,
        error=error,
    )
    return Extraction.of(extraction.document_id, [file_row])


def infer_council(pages: list[Page]) -> str:
    """The council in the letterhead, else the one most often named ("Kent County Council")."""
    # Line by line: a name never runs over a line break ("Ask for: Georgina Little" above
    # "Council Chamber" on the Kent front sheet is no council). smart_title: letterheads count.
    lines = [smart_title(line.text) for page in pages[:20] for line in page.lines]
    head = [text for line in pages[0].lines[:LETTERHEAD_LINES] if COUNCIL.fullmatch(text := smart_title(line.text))]
    for found in (_councils(head), _councils(lines)):
        if found:
            return found.most_common(1)[0][0]
    return ""


def _councils(lines: Iterable[str]) -> Counter[str]:
    found = (m.group(1) or m.group(2) for line in lines for m in COUNCIL.finditer(line))
    names = (LEADING_ROLE.sub("", " ".join(name.split())) for name in found)
    return Counter(name for name in names if not NOT_A_COUNCIL.match(name))


def _file_row(
    doc: PdfDocument, source: SourceInfo, kind: DocumentKind, council: str, body: str, mid: str
) -> DocumentRecord:
    return DocumentRecord(
        document_id=doc.document_id,
        sha256=doc.sha256,
        source_url=source.source_url,
        council=council,
        body=body,
        meeting_id=mid,
        kind=kind,
        title=_title(doc),
        first_page=1 if doc.page_count else None,
        last_page=doc.page_count or None,
        page_count=doc.page_count or None,
        retrieved_at=source.retrieved_at,
        status=doc.status,
        error=doc.error,
        file_name=source.file_name,
    )


def _title(doc: PdfDocument) -> str:
    """The printed title when it names the document, else a metadata title that is no template's."""
    printed = title_of(doc.pages[0].lines) if doc.pages else ""
    if names_document(printed) or TEMPLATE_TITLE.search(doc.title) or len(doc.title.split()) < 3:
        return printed or doc.title
    return doc.title


@dataclass
class _Meeting:
    meeting_id: str
    body: str


class _Reader:
    """Reads each section of one file and collects records with their provenance."""

    def __init__(
        self, document_id: str, council: str, pages: list[Page], sections: list[Section], tables: Sequence[Table]
    ) -> None:
        self.document_id = document_id
        self.tables = tables
        self.council = council
        self.pages = pages
        self.sections = sections
        self.records: list[Record] = []
        self.meetings: dict[int, _Meeting] = {}
        self.stamps = stamp_map(pages)
        # What each section (index) should state and does not: "no attendance", "no items".
        self.missing: dict[int, list[str]] = {}

    def read(self, section: Section) -> None:
        pages = self.pages[section.first_page - 1 : section.last_page]
        if section.kind is DocumentKind.AGENDA:
            self._agenda(section, read_agenda(pages))
        elif section.kind is DocumentKind.MINUTES:
            held = [t for t in self.tables if section.first_page <= t.page <= section.last_page]
            self._minutes(section, read_minutes(pages, held))

    def _meeting(self, section: Section, meeting: MeetingRecord) -> str:
        """Name the meeting (`<body-slug>/<date>`), record it, and return its id."""
        body = title_block.body(meeting.body, self.council)
        mid = meeting_id(self.council, body, meeting.date)
        self.meetings[section.index] = _Meeting(mid, body)
        self.add(meeting, meeting_id=mid, council=self.council, body=body)
        return mid

    def add(self, record: Record, **ids: str) -> None:
        """Keep a record, stamped (in one copy) with this document's id and the ids given."""
        self.records.append(record.model_copy(update={"source_document_id": self.document_id, **ids}))

    def _agenda(self, section: Section, sheet: AgendaSheet) -> None:
        mid = self._meeting(section, sheet.meeting)
        self.missing[section.index] = missing(sheet.meeting, sheet.items)
        for member in sheet.members:
            self.add(member, meeting_id=mid)
        for item in sheet.items:
            self.add(item, meeting_id=mid, section_document_id=self._section_holding(item.first_page))

    def _section_holding(self, cited: int | None) -> str:
        if cited is None:
            return ""
        physical = self.stamps.get(cited, cited)
        found = [s for s in self.sections if s.first_page <= physical <= s.last_page]
        return section_id(self.document_id, found[0].index) if found else ""

    def _minutes(self, section: Section, minutes: Minutes) -> None:
        mid = self._meeting(section, minutes.meeting)
        self.missing[section.index] = missing(minutes.meeting, minutes.items, minutes.attendance)
        for record in [*minutes.attendance, *minutes.items]:
            self.add(record, meeting_id=mid)
        for d in minutes.decisions:
            people = minutes.attendance
            self.add(d, meeting_id=mid, proposer=_resolved(d.proposer, people), seconder=_resolved(d.seconder, people))
        if minutes.passages or minutes.action_tables:
            body = self.meetings[section.index].body
            meeting = Meeting(body, minutes.meeting.date, minutes.attendance, self.council)
            passages = _first_words(minutes.passages, MAX_PROSE_WORDS)
            if len(passages) < len(minutes.passages):
                self.missing[section.index].append(f"actions and mentions read in the first {MAX_PROSE_WORDS} words")
            docs = nlp.parse(p.text for p in passages)
            for action in read_actions(docs, passages, minutes.action_tables, meeting):
                self.add(action, meeting_id=mid)
            for mention in read_mentions(docs, passages, meeting):
                self.add(mention)

    def file_warnings(self) -> str:
        """The file's warnings: its own, or each section's under the section's id."""
        if not self.sections:
            return "; ".join(self.missing.get(1, []))
        return "; ".join(f"s{i}: {w}" for i, found in sorted(self.missing.items()) for w in found)

    def meeting_of_file(self) -> _Meeting | None:
        """The meeting the file is for: its agenda's, else the first one read."""
        agenda = [
            self.meetings[s.index] for s in self.sections if s.kind is DocumentKind.AGENDA and s.index in self.meetings
        ]
        return agenda[0] if agenda else next(iter(self.meetings.values()), None)

    def section_row(
        self, section: Section, doc: PdfDocument, source: SourceInfo, parent: DocumentRecord
    ) -> DocumentRecord:
        meeting = self.meetings.get(section.index) or self.meeting_of_file()
        return DocumentRecord(
            document_id=section_id(doc.document_id, section.index),
            parent_id=doc.document_id,
            source_url=source.source_url,
            sha256=doc.sha256,
            council=self.council,
            body=meeting.body if meeting else "",
            meeting_id=meeting.meeting_id if meeting else "",
            kind=section.kind,
            title=section.title,
            first_page=section.first_page,
            last_page=section.last_page,
            page_count=section.last_page - section.first_page + 1,
            retrieved_at=source.retrieved_at,
            status=DocumentStatus.OK,
            file_name=source.file_name,
            warnings="; ".join(self.missing.get(section.index, [])),
            kind_evidence=section.evidence,
        )


def _first_words(passages: Sequence[Passage], limit: int) -> list[Passage]:
    """The passages up to `limit` words of prose in all."""
    out, words = [], 0
    for passage in passages:
        words += len(passage.text.split())
        if words > limit:
            break
        out.append(passage)
    return out


def _resolved(mover: str, attendance: list[AttendanceRecord]) -> str:
    """A mover as printed ("Councillor Plowden", "NR", "the Vice-Chairman") as the attendee it names."""
    return resolve_mover(mover, attendance)


def missing(
    meeting: MeetingRecord, items: Sequence[Record], attendance: Sequence[AttendanceRecord] | None = None
) -> list[str]:
    """What an agenda (or, with `attendance`, minutes) should state and does not: never silently empty."""
    found = ["no meeting date"] if not meeting.date else []
    found += ["no items"] if not items else []
    found += ["no attendance"] if attendance is not None and not attendance else []
    return found

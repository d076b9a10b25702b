"""Closed vocabularies of the published datasets (DATASETS.md), as StrEnums."""

from enum import StrEnum


class DocumentKind(StrEnum):
    AGENDA_PACK = "agenda_pack"
    AGENDA = "agenda"
    MINUTES = "minutes"
    REPORT = "report"
    APPENDIX = "appendix"
    WORK_PLAN = "work_plan"
    DECISION_NOTICE = "decision_notice"
    OTHER = "other"


class DocumentStatus(StrEnum):
    OK = "ok"
    NO_TEXT_LAYER = "no_text_layer"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"  # removed from the source: the file is kept, its rows are not published


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ALSO_PRESENT = "also_present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class MembershipKind(StrEnum):
    MEMBER = "member"
    SUBSTITUTE = "substitute"


class DecisionOutcome(StrEnum):
    RESOLVED = "resolved"
    NOTED = "noted"
    APPROVED = "approved"
    DEFERRED = "deferred"
    REJECTED = "rejected"
    OTHER = "other"


class ActionType(StrEnum):
    REQUEST = "request"
    COMMITMENT = "commitment"
    FOLLOW_UP = "follow_up"


class AgendaPart(StrEnum):
    OPEN = "I"
    EXEMPT = "II"  # taken in private: press and public excluded


class TableMethod(StrEnum):
    PDFPLUMBER = "pdfplumber"  # ruled grid, from the PDF's own rules
    STREAM = "stream"  # whitespace table, from aligned columns
    LATTICE = "lattice"  # Camelot's lattice flavor
    HYBRID = "hybrid"  # Camelot's hybrid flavor: vector rules and text alignment


class TableEngine(StrEnum):
    """Which reader finds tables: ours (pdfplumber), Camelot, or per table the better of both."""

    AUTO = "auto"
    PLUMBER = "plumber"
    CAMELOT = "camelot"


# The engine a run uses unless told otherwise. `auto` scores a little better on the tables-*
# labels (cell F1 0.76 against 0.72 per table), but loading and running Camelot in each worker
# halves pages/s on table-heavy packs and triples a worker's memory (bench.py, README "Tables
# and KPIs"): a nightly scrape of every pack runs ours, `--table-engine auto` asks for both.
DEFAULT_TABLE_ENGINE = TableEngine.PLUMBER


class Unit(StrEnum):
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    SECONDS = "seconds"
    COUNT = "count"
    DAYS = "days"
    CURRENCY_GBP = "currency_gbp"
    TEXT = "text"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    NONE = ""

"""Figures: a printed cell read into a number, its unit and its printed direction.

"6.3%" is 6.3 percent, "00:01:05" 65 seconds, "£1.3m" 1,300,000 pounds, "(1,234)" -1,234, "170
(30%)" 170; a plain figure takes the unit its column header prints ("£000s", "%", "days").
Words ("Increasing", "GREEN") stay `text` with no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from models.vocab import Direction, Unit

UP, DOWN, FLAT = "▲△↑⬆⇧", "▼▽↓⬇⇩", "—►▶→↔⬌◄"
ARROWS = re.compile(f"[{UP}{DOWN}{FLAT}]")
NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)"
SIGN = r"(?P<sign>[+-]?)"
PATTERNS: list[tuple[re.Pattern[str], Unit]] = [
    (re.compile(rf"^{SIGN}{NUM}\s*%\s*(?:points?|pts?|pp)$", re.I), Unit.PERCENTAGE_POINTS),
    (re.compile(rf"^{SIGN}{NUM}\s*(?:percentage\s+points?|pp)$", re.I), Unit.PERCENTAGE_POINTS),
    (re.compile(rf"^{SIGN}{NUM}\s*%$"), Unit.PERCENT),
    (re.compile(rf"^{SIGN}{NUM}\s*days?$", re.I), Unit.DAYS),
    (re.compile(rf"^{SIGN}{NUM}\s*(?:hours?|hrs?)$", re.I), Unit.SECONDS),  # "24 hours": a duration
    (re.compile(rf"^{SIGN}£\s*{NUM}\s*(?P<scale>bn|m|k|million|billion)?$", re.I), Unit.CURRENCY_GBP),
    (re.compile(rf"^{SIGN}{NUM}$"), Unit.COUNT),
]
# hh:mm:ss durations ("00:01:05", "-00:16:12"); a bare "10:30" is a clock time, not a KPI.
DURATION = re.compile(r"^(?P<sign>[+-]?)(?P<h>\d{1,3}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)$")
# "(1,234.5)": accounts print negatives in brackets.
BRACKETED = re.compile(r"^\((?P<inner>[^()]+)\)$")
# "170 (30%)": a count with its share of the total in brackets (statistics returns, survey
# tables); the value is the count, the share stays in `value_raw`.
WITH_SHARE = re.compile(r"^(?P<main>[^()]*\d[^()]*?)\s*\(\s*[-+]?\d[\d.,]*\s*%\s*\)$")
# A footnote mark after a figure: "10,981#", "1,260.5*" (the note is printed under the table).
FOOTNOTE_MARK = re.compile(r"(?<=\d)[#*†‡]+$")
# Police dashboards print counts as "n. 2,751" or "n.-35,701".
N_PREFIX = re.compile(r"^n\.\s*", re.I)
SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# A money column: "£m", "£000s", "£'000", "£000's", "£k", "£bn" or plain "£" in its header.
MONEY_HEADER = re.compile(r"£\s*(?P<scale>m\b|bn\b|k\b|['’]?000(?:['’]?s)?|million|billion)?", re.I)
# Other units a header prints over plain figures: "Variance %", "Days lost", "Hours per week".
# A unit after a number is a condition, not the column's unit: "Within 28 days", "Target 90%".
PERCENT_HEADER = re.compile(r"(?<![\d.])(?<![\d.] )%|\bper\s*cent\b", re.I)
DAYS_HEADER = re.compile(r"(?<!\d)(?<!\d )\bdays\b", re.I)
HOURS_HEADER = re.compile(r"(?<!\d)(?<!\d )\b(?:hours|hrs)\b", re.I)
# A header cell that is only a unit ("£000s", "(£m)", "%", "days"), printed on a line of its own.
UNIT_WORD = re.compile(r"^\(?(?:£\s*(?:m|bn|k|['’]?000(?:['’]?s)?|million|billion)?|%|days|hours|hrs)\)?$", re.I)


@dataclass(frozen=True)
class Figure:
    """A printed value read into a number, a unit and a direction."""

    value_raw: str
    value: float | None
    unit: str
    direction: str


@lru_cache(maxsize=1 << 16)  # a table's cells are read several times while its layout is found
def parse_value(raw: str, header: str = "") -> Figure:
    """Read a printed figure; text that is not a figure stays `text` with no value."""
    printed = " ".join(raw.split())
    arrow = next((ch for ch in printed if ARROWS.match(ch)), "")
    work = FOOTNOTE_MARK.sub("", N_PREFIX.sub("", ARROWS.sub("", printed)).strip())
    if share := WITH_SHARE.match(work):
        work = share["main"].strip()
    negative = False
    if bracketed := BRACKETED.match(work):
        work, negative = bracketed["inner"].strip(), True
    value, unit, sign = _number(work, header)
    if value is None:
        return Figure(printed, None, Unit.TEXT, Direction.NONE)
    if negative:
        value, sign = -value, "-"
    return Figure(printed, value, unit, _direction(arrow, sign, value))


def _number(work: str, header: str) -> tuple[float | None, Unit, str]:
    if duration := DURATION.match(work):
        seconds = int(duration["h"]) * 3600 + int(duration["m"]) * 60 + int(duration["s"])
        return (-seconds if duration["sign"] == "-" else seconds), Unit.SECONDS, duration["sign"]
    for pattern, unit in PATTERNS:
        if match := pattern.match(work):
            value = float(match["num"].replace(",", ""))
            groups = match.groupdict()
            if unit is Unit.CURRENCY_GBP and groups.get("scale"):
                value *= SCALES[groups["scale"].lower()]
            if unit is Unit.SECONDS:
                value *= 3600  # only "N hours" reaches here: durations are published in seconds
            if unit is Unit.COUNT:
                value, unit = _header_unit(value, header)
            return (-value if match["sign"] == "-" else value), unit, match["sign"]
    return None, Unit.TEXT, ""


def _header_unit(value: float, header: str) -> tuple[float, Unit]:
    """A plain figure under a header that names its unit: "£m", "%", "days", "hours"."""
    if money := MONEY_HEADER.search(header):
        return value * _header_scale(money["scale"]), Unit.CURRENCY_GBP
    if PERCENT_HEADER.search(header):
        return value, Unit.PERCENT
    if DAYS_HEADER.search(header):
        return value, Unit.DAYS
    if HOURS_HEADER.search(header):
        return value * 3600, Unit.SECONDS
    return value, Unit.COUNT


def _header_scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    scale = scale.lower().strip("'’")
    return 1e3 if scale.startswith("000") else SCALES.get(scale, 1.0)


def _direction(arrow: str, sign: str, value: float) -> Direction:
    if arrow:
        return Direction.UP if arrow in UP else Direction.DOWN if arrow in DOWN else Direction.FLAT
    if sign == "+" and value:
        return Direction.UP
    if sign == "-" and value:
        return Direction.DOWN
    return Direction.NONE

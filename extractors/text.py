"""Small shared helpers: normalising text, reading dates and times."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " "})
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# A clock time without groups, for building larger patterns.
TIME_PATTERN = r"(?:\b[012]?\d(?:[.:][0-5]\d)?\s*[ap]\.?\s*m\b\.?|\b[012]?\d:[0-5]\d\b)"
# "10.30 am", "1:30pm", "10:39am", "17:00", "7:00 p.m."; a bare "10.30" needs am/pm or a colon.
TIME = re.compile(
    r"\b(?P<h>[012]?\d)(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s*m\b\.?|\b(?P<h24>[012]?\d):(?P<m24>[0-5]\d)\b",
    re.I,
)
# The small words inside hyphenated place names: Burton-cum-Walden, Stratford-upon-Avon,
# Weston-super-Mare, Barrow-in-Furness, Chapel-en-le-Frith.
PLACE_LINKS = {"cum", "upon", "on", "under", "super", "in", "en", "le", "la", "by", "next", "the", "de"}
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Welsh months, as bilingual councils print them in Welsh-language minutes ("24 Mehefin 2019").
WELSH_MONTHS = "ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr"
MONTH_NUMBER = {
    name[:3]: n % 12 or 12 for n, name in enumerate([*MONTHS.split("|")[:12], *WELSH_MONTHS.split("|")], start=1)
}
ALL_MONTHS = f"{MONTHS}|{WELSH_MONTHS}"
# Ordinal endings: English "13th", Welsh "1af", "2il", "3ydd", "5ed", "7fed", "13eg", "21ain".
ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain)"
# A full date as councils print it, with day, month and year: "26 September 2024", "30th
# January, 2025", "1st of April 2025", "January 27, 2020" (US), "13/03/2025", "2025-03-13",
# and "28September2023" with the spaces lost (Souldern's browser-printed minutes). A date
# without its year, or a relative phrase ("within 28 days"), is not one.
DATE = re.compile(
    rf"(?<!\d)(?P<d1>\d{{1,2}})\s*{ORDINAL}?\s*(?:of\s+)?(?P<m1>{ALL_MONTHS})\.?,?\s*(?P<y1>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<m2>{MONTHS})\.?\s*(?P<d2>\d{{1,2}}){ORDINAL}?,?\s*(?P<y2>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y3>(?:19|20)?\d\d)(?![\d/])"
    r"|(?<!\d)(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)(?!\d)",
    re.I,
)


def clean(text: str) -> str:
    """NFKC-normalise, straighten quotes and dashes, and collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES).translate(QUOTES)
    return " ".join(text.split())


def parse_time(text: str) -> str:
    """The first clock time in the text as 24h `HH:MM`, or empty."""
    match = TIME.search(text)
    if not match:
        return ""
    if match.group("h24"):
        hour, minute = int(match.group("h24")), int(match.group("m24"))
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        pm = match.group("ampm").lower() == "p"
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23:
        return ""
    return f"{hour:02d}:{minute:02d}"


def all_times(text: str) -> list[str]:
    """Every clock time in the text, as 24h `HH:MM`."""
    return [t for m in TIME.finditer(text) if (t := parse_time(m.group(0)))]


def find_date(text: str) -> date | None:
    """The first full calendar date (day, month and year) written in the text."""
    for match in DATE.finditer(text):
        try:
            return _date(match)
        except ValueError:  # "31 February 2025", "13/13/2025": not a date, look further
            continue
    return None


def _date(match: re.Match[str]) -> date:
    g = match.groupdict()
    if g["m1"] or g["m2"]:
        month = MONTH_NUMBER[(g["m1"] or g["m2"]).lower()[:3]]
        return date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
    if g["y4"]:
        return date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    first, second, year = int(g["a"]), int(g["b"]), int(g["y3"])
    year += 0 if year > 99 else 2000 if year < 70 else 1900
    # Day first, as UK councils print it; month first only when the second can only be a day
    # (US minutes: "01/27/2020").
    day, month = (second, first) if second > 12 >= first else (first, second)
    return date(year, month, day)


def smart_title(text: str) -> str:
    """Title-case a heading printed in capitals (`CABINET` -> `Cabinet`), leave mixed case alone."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "in", "on", "at", "to", "a"}
    words = text.lower().split()
    return " ".join(w if i and w in small else _capitalised(w) for i, w in enumerate(words))


def _capitalised(word: str) -> str:
    """ "burton-cum-walden" -> "Burton-cum-Walden": each part of a place name, not its links."""
    parts = word.split("-")
    return "-".join(p if i and p in PLACE_LINKS else p.capitalize() for i, p in enumerate(parts))

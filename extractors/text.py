"""Small shared helpers: normalising text, reading dates and times, making slugs."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import dateparser
from dateparser.search import search_dates

DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " "})
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# A clock time without groups, for building larger patterns.
TIME_PATTERN = r"(?:\b[012]?\d(?:[.:][0-5]\d)?\s*[ap]\.?\s*m\b\.?|\b[012]?\d:[0-5]\d\b)"
# "10.30 am", "1:30pm", "10:39am", "17:00", "7:00 p.m."; a bare "10.30" needs am/pm or a colon.
TIME = re.compile(
    r"\b(?P<h>[012]?\d)(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s*m\b\.?|\b(?P<h24>[012]?\d):(?P<m24>[0-5]\d)\b",
    re.I,
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "26 September 2024", "30th January, 2025", "Thursday, 13 February 2025", "January 27, 2020"
DATE = re.compile(
    rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})\b"
    rf"|\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    re.I,
)
# A year as printed, glued to a month or not ("28September2023" in browser-printed minutes).
PRINTED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
DATE_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


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
    match = DATE.search(text)
    if match:
        parsed = dateparser.parse(match.group(0).replace(",", " "), settings=DATE_SETTINGS)
        if parsed:
            return parsed.date()
    # dateparser's search reads forms the pattern above does not ("13/03/2025"), but also takes
    # relative phrases for dates ("within 28 days" in Hertingfordbury's agenda): a date must
    # print its year.
    found = search_dates(text, languages=["en"], settings=DATE_SETTINGS) or []
    return next((when.date() for printed, when in found if PRINTED_YEAR.search(printed)), None)


def smart_title(text: str) -> str:
    """Title-case a heading printed in capitals (`CABINET` -> `Cabinet`), leave mixed case alone."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "in", "on", "at", "to", "a"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))

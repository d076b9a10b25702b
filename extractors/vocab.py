"""Council language, written once: the titles printed before names, figures, and the ids built from them.

Every reader imports its words from here, so a new title ("Dame", "Revd") or a new way of
printing a figure is added once and is known to attendance, decisions and tables alike.
Nothing here is heavy to import: the CLI's parent process uses the id builders.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

# Titles printed before a person's name: "Cllr Steve Bucknell", "Dame Jane Smith", "Revd A Jones".
TITLES = (
    "Cllr", "Cllrs", "Councillor", "Councillors", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor",
    "Sir", "Dame", "Lord", "Lady", "Rev", "Revd", "Reverend", "Baroness", "Baron",
    # US bodies: "Commissioner Allen Fisk made a motion", "Councilmember Alegria", "Mayor Bradley"
    "Commissioner", "Councilmember", "Councilmembers", "Councilman", "Councilwoman", "Alderman",
    "Alderwoman", "Alderperson", "Mayor", "Trustee",
    # Welsh: "Cyng. Huw Jones", "Y Cynghorydd ..." (Councillor), "Cynghorwyr" (Councillors)
    "Cyng", "Cynghorydd", "Cynghorwyr",
)  # fmt: skip
# Councillors in a list: "Cllrs Hodivala (Chairman), Hewett, ..." (Sutton Coldfield minutes).
COUNCILLOR_TITLES = ("Cllr", "Cllrs", "Councillor", "Councillors", "Cyng", "Cynghorydd", "Cynghorwyr")
# Ranks that, in front of a name, belong to its honorific: "Detective Superintendent Guy Elkins"
# (Police and Crime Panel minutes); and a style of address: "The Rt Hon ...".
RANKS = (
    "Detective", "Superintendent", "Chief", "Inspector", "Constable", "Sergeant", "Assistant", "Deputy",
    "Commander", "PC", "DS", "DC", "DCI", "DSI", "ACC", "DCC",
    "Vice", "Pro", "Tem",  # "Mayor Pro Tem Ferraro", "Vice Mayor ..." (US city councils)
)  # fmt: skip
ADDRESS = ("The", "Rt", "Hon", "Right", "Honourable")
# Every word that can stand in an honorific, lower-cased, for matching word by word.
HONORIFIC_WORDS = frozenset(w.lower() for w in TITLES + RANKS + ADDRESS)


def alternation(words: tuple[str, ...]) -> str:
    """A regex group matching any of the words, longest first, with an optional full stop ("Dr.")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\.?"


TITLE = alternation(TITLES)
COUNCILLOR_TITLE = alternation(COUNCILLOR_TITLES)
PLURAL_COUNCILLORS = re.compile(r"^(?:cllrs|councillors)\s*:?\s+", re.I)
# The body that decides, as the subject of a decision: "The Transport and Connectivity Committee
# resolved", "Cabinet agreed", "The Planning Commission approved" (lower-case; match with re.I).
DECIDING_BODY = r"(?:committee|panel|cabinet|council|board|commission)"
# Its members as that subject: "Councillors noted the dates of future meetings" (Burton-cum-Walden).
DECIDING_MEMBERS = r"(?:councillors|members)"

# Roles printed beside a name, lower-cased, and as the datasets spell them: "(Chairman)", "Clerk".
ROLES = {
    "chairman": "Chairman",
    "chair": "Chair",
    "in the chair": "Chair",
    "vice-chairman": "Vice-Chairman",
    "vice chairman": "Vice-Chairman",
    "vice-chair": "Vice-Chair",
    "vice chair": "Vice-Chair",
    "substitute": "Substitute",
    "chairwoman": "Chairwoman",
    "mayor": "Mayor",
    "deputy mayor": "Deputy Mayor",
    "leader": "Leader",
    "clerk": "Clerk",
    "town clerk": "Town Clerk",
    "parish clerk": "Parish Clerk",
    "deputy clerk": "Deputy Clerk",
    "rfo": "RFO",
    "minute taker": "Minute Taker",
}
# Offices named in minutes' prose, beyond `ROLES`: "the PCC said that he would ...".
OFFICES_PRINTED = (
    "police and crime commissioner", "pcc", "leader of the council", "deputy leader", "leader", "mayor",
    "chief executive", "monitoring officer", "secretary", "treasurer", "chairperson", "president",
    "chief constable", "deputy chief constable",
)  # fmt: skip
# The body a meeting is of, as its minutes call it: "The Panel requested ...", "the Committee".
BODY_NOUNS = frozenset(
    {"panel", "committee", "sub-committee", "council", "cabinet", "board", "commission", "forum", "group"}
)
# Words that end a job title printed after a name: "Projects Officer", "Regulatory Affairs Manager".
JOB_WORDS = frozenset(
    {"manager", "officer", "director", "engineer", "consultant", "adviser", "advisor", "planner", "coordinator"}
    | {"co-ordinator", "administrator", "executive", "surveyor", "solicitor", "accountant", "warden", "ranger"}
)
# Officers who serve a meeting rather than sit on it: a clerk listed under "Present:" is in
# attendance, not a member ("Cathy Fleet (CF) CLERK", "Mr Richard Nolan, Clerk").
OFFICER_ROLE = re.compile(r"\b(?:clerk|rfo|minute[- ]taker|proper officer)\b", re.I)
# Words that name the group the people before them belong to, not a person: "Mrs Victoria
# Whitehead, Councillors, and Mr Richard Nolan, Clerk" (Burton-cum-Walden minutes).
GROUP_WORDS = frozenset({"councillors", "cllrs", "members", "officers", "commissioners"})
# "County Cllr Webb", "District Councillor Smith": a councillor of another council, whose tier
# word belongs to the honorific (Tintern Community Council minutes).
COUNCIL_TIERS = frozenset({"county", "district", "borough", "city", "town", "parish", "ward", "unitary"})
# Offices US minutes print before a member's surname: "Commissioner Mashack asked", "Councilmember Ruiz".
OFFICES = frozenset(
    {"commissioner", "councilmember", "councilman", "councilwoman", "alderman", "alderperson", "supervisor"}
    | {"trustee", "governor", "president", "secretary", "treasurer", "member", "chairperson", "vice"}
)
# Words of a body's name, not a person's, that a report in parish minutes starts with: "Thames
# Water reported ...", "Network Rail explained ...", "Village Hall thanked ..."; with `names.ORGANISATION`.
BODY_WORDS = frozenset(
    {"water", "rail", "railway", "hall", "highways", "england", "wales", "school", "church", "society", "club"}
    | {"centre", "library", "surgery", "museum", "federation", "agency", "company", "committee", "forum"}
)
# The group before "Present"/"Absent" says whether its people sit on the body: "Commissioners
# Present:", "Others Present:" (Chicago SSA minutes), "Members Present:-" (Bristol).
MEMBER_GROUPS = r"members|councillors|commissioners|trustees|governors|directors|committee|board"
# Labels whose people sit on the body: "Present:", "Attendees:", "In the Chair:", Welsh "Yn bresennol:".
MEMBER_LABELS = frozenset(
    {"present", "attendees", "attendance", "chair", "chairman", "in the chair", "presennol", "yn bresennol"}
)

# Bullets printed as characters: "•", "●", "▪", "■", "◦", "‣", "➢", "⁃", "·" and the private-use
# glyphs of Word's Symbol and Wingdings fonts (U+F0B7, U+F0A7, U+F0D8, U+F076, U+F0FC), which
# pdfminer passes through; Word's second level prints a letter "o".
BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u27a2\u2043\u00b7\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]|o(?=\s))\s*")

# A cell that is one figure as councils print them: "6.3%", "(4,211.8)", "£1,385", "00:01:05".
FIGURE = re.compile(r"^[-+(]?[£$€]?\d[\d,.:]*%?\)?$")
# A cell that starts like a figure ("6.3%", "-00:16:12 ▼", "£1.3m", "n. 2,751"), as opposed to
# words that hold a number ("Rolling 12 Month Only", "Nov 2025").
FIGURE_START = re.compile(r"^\s*(?:n\.\s*)?[-+(]?[£$€]?\d")


def slug(text: str) -> str:
    """A lowercase ASCII slug: `Wiltshire Police and Crime Panel` -> `wiltshire-police-and-crime-panel`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, the root of every id below."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def document_id(sha256: str) -> str:
    """A PDF's id: the first 16 hex digits of its SHA-256 (DATASETS.md)."""
    return sha256[:16]


def section_id(pack_id: str, index: int) -> str:
    """The id of the `index`-th document found inside a pack: `<pack document_id>-s<n>`."""
    return f"{pack_id}-s{index}"


def file_id(doc_id: str) -> str:
    """The file a document id names: a section's pack, or the file itself."""
    return doc_id.split("-s")[0]


def table_id(doc_id: str, page: int, n: int) -> str:
    """The id of the `n`-th table starting on a page: `<document_id>-p<page>-t<n>`."""
    return f"{doc_id}-p{page}-t{n}"


def meeting_id(council: str, body: str, date: str) -> str:
    """`<body-slug>/<YYYY-MM-DD>`; a generic body ("Cabinet") is prefixed with its council."""
    place = council.split()[0].lower() if council else ""
    name = body if not place or place in body.lower() else f"{council} {body}"
    return f"{slug(name) or 'unknown-body'}/{date or 'undated'}"

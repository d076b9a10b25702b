"""People as councils print them: honorifics, names, post-nominals, roles and organisations.

"Cllr Steve Bucknell, Wiltshire Council (Chairman)", "Mr R C Love, OBE",
"Philip Wilkinson, OBE, MPhil – Police and Crime Commissioner",
"Detective Superintendent Guy Elkins (Online)", "Councillors: Ed Plowden (Chair), ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors.text import clean
from extractors.vocab import HONORIFIC_WORDS

# Ranks only count as honorifics in front of a name, never as the whole entry.
POST_NOMINALS = set(
    [
        "obe",
        "mbe",
        "cbe",
        "kbe",
        "dbe",
        "bem",
        "qpm",
        "mp",
        "mphil",
        "phd",
        "msc",
        "ba",
        "bsc",
        "ma",
        "jp",
        "dl",
        "kc",
        "qc",
        "frs",
        "mba",
        "llb",
    ]
)
ORGANISATION = re.compile(
    r"\b(council|authority|police|constabulary|service|trust|board|partnership|office|opcc|nhs|"
    r"university|college|association|ltd|limited|group|commission|fund)\b",
    re.I,
)
CHAIR_ROLES = {
    "chairman": "Chairman",
    "chair": "Chair",
    "vice-chairman": "Vice-Chairman",
    "vice chairman": "Vice-Chairman",
    "vice-chair": "Vice-Chair",
    "vice chair": "Vice-Chair",
    "substitute": "Substitute",
    "chairwoman": "Chairwoman",
    "mayor": "Mayor",
    "deputy mayor": "Deputy Mayor",
    "leader": "Leader",
}
REMOTE = re.compile(
    r"^(online|virtual(ly)?|remote(ly)?|via (teams|zoom)|by video.*|attended (online|virtually))$", re.I
)
ROLE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


@dataclass(frozen=True)
class Person:
    """A person as printed: name without honorifics, and what was said around it."""

    name: str
    honorific: str = ""
    role: str = ""
    organisation: str = ""
    remote: bool = False
    note: str = ""


def split_people(text: str) -> list[str]:
    """Split a printed list of people at commas and "and", keeping brackets and post-nominals whole."""
    parts, depth, current = [], 0, ""
    text = clean(text).rstrip(".;")
    for token in re.split(r"(\(|\)|,|;|\band\b|&)", text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        if depth == 0 and token in {",", ";", "and", "&"}:
            parts.append(current)
            current = ""
        else:
            current += token
    parts.append(current)
    merged: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if merged and _belongs_to_previous(part):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


def _belongs_to_previous(part: str) -> bool:
    words = re.findall(r"[A-Za-z]+", part)
    if words and words[0].lower() in POST_NOMINALS:
        return True
    # "Wiltshire Council" after "Cllr Ernie Clark" is where the person sits, not a person.
    return bool(ORGANISATION.search(part)) and not _starts_with_honorific(part) and len(words) <= 6


def _starts_with_honorific(text: str) -> bool:
    first = text.split()[0].strip(".,").lower() if text.split() else ""
    return first in HONORIFIC_WORDS


def parse_person(text: str) -> Person:
    """Read one printed entry into a `Person`."""
    text = clean(text).strip(" .,;:")
    role, organisation, remote, notes = "", "", False, []
    for inner in re.findall(r"\(([^()]*)\)", text):
        label = inner.strip()
        key = label.lower()
        if REMOTE.match(label):
            remote = True
        elif key in CHAIR_ROLES:
            role = role or CHAIR_ROLES[key]
        elif not role:
            role = label
        else:
            notes.append(label)
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    dashed = ROLE_DASH.split(text, maxsplit=1)
    if len(dashed) == 2:
        text, tail = dashed
        if not tail.lower().startswith("substitut"):
            role = role or tail.strip()
        else:
            notes.append(tail.strip())
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    head, rest = (pieces[0], pieces[1:]) if pieces else ("", [])
    kept = [p for p in rest if not _is_post_nominal(p)]
    if kept and ORGANISATION.search(kept[0]):
        organisation = kept[0]
    honorific, name = split_honorific(head)
    return Person(
        name=name,
        honorific=honorific,
        role=role,
        organisation=organisation,
        remote=remote,
        note="; ".join(notes),
    )


def _is_post_nominal(piece: str) -> bool:
    return all(w.lower().strip(".") in POST_NOMINALS for w in piece.split())


def split_honorific(text: str) -> tuple[str, str]:
    """Split "Cllr Dr Brian Mathew MP" into ("Cllr Dr", "Brian Mathew")."""
    words = clean(text).split()
    lead: list[str] = []
    while len(words) > 1 and words[0].strip(".").lower() in HONORIFIC_WORDS:
        lead.append(words.pop(0))
    while len(words) > 1 and words[-1].strip(".,").lower() in POST_NOMINALS:
        words.pop()
    return " ".join(lead), " ".join(words).strip(" ,")


def looks_like_name(text: str) -> bool:
    """Whether a string reads as a person's name: two to five capitalised words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() or w.lower() in {"de", "van", "von", "da", "le"} for w in words)


def same_person(short: str, full: str) -> bool:
    """Whether `short` ("Plowden", "R Gough", "Cllr Cook") can refer to `full` ("Ed Plowden")."""
    _, short_name = split_honorific(short)
    a, b = short_name.lower().split(), full.lower().split()
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1]:
        return fuzz.ratio(" ".join(a), " ".join(b)) >= 92
    # surnames agree: any given names or initials printed must agree too
    return all(x[0] == y[0] for x, y in zip(a[:-1], b[:-1], strict=False)) if len(a) > 1 else True


def resolve(short: str, people: list[str]) -> str:
    """The one name in `people` that `short` refers to, or `short` without honorifics."""
    _, bare = split_honorific(short)
    matches = [p for p in dict.fromkeys(people) if same_person(short, p)]
    return matches[0] if len(matches) == 1 else bare

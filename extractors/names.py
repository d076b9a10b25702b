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
from extractors.vocab import (
    BULLET_GLYPHS,
    COUNCIL_TIERS,
    COUNCILLOR_TITLES,
    GROUP_WORDS,
    HONORIFIC_WORDS,
    JOB_WORDS,
    ROLES,
)

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
# Lower-case words inside surnames: "Ursula von der Leyen", "Maria de la Cruz".
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "le", "la", "du", "del", "der", "den", "di", "ter", "bin"})
# Symbols printed before an entry that are not part of it: bullets as characters ("• Name",
# "o Name", Word's private-use bullets), dashes and quotes. The printed text keeps them.
LEADING_SYMBOLS = re.compile(rf"^(?:[{BULLET_GLYPHS}\u2013\u2014\uf000-\uf0ff*>\"'-]+\s*|o\s+(?=[A-Z]))+")
REMOTE = re.compile(
    r"^(online|virtual(ly)?|remote(ly)?|via (teams|zoom)|by video.*|attended (online|virtually))$", re.I
)
COUNCILLOR_WORDS = frozenset(t.lower() for t in COUNCILLOR_TITLES)
ROLE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")
# Two spellings of a name whose surnames differ are one person only when nearly identical: a
# letter lost or doubled in print ("Barrington-King" / "Barrington King", "Philips" / "Phillips")
# scores above this (95, 96), while two surnames a letter apart in a short name ("Ann Smith" /
# "Ann Smyth", 89) score below.
SAME_NAME_MIN_RATIO = 92


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
    merged: list[tuple[str, str]] = []
    for sep, part in _top_level_parts(text):
        if merged and _belongs_to_previous(part):
            merged[-1] = (merged[-1][0], f"{merged[-1][1]}, {part}")
        elif merged and sep in {"&", "and"} and _has_job(part) and not _starts_with_honorific(part):
            # a job's words joined by "&": "David McCabe Innovation & Regulatory Affairs Manager Tarmac"
            merged[-1] = (merged[-1][0], f"{merged[-1][1]} {sep} {part}")
        else:
            merged.append((sep, part))
    return _shared_surnames(_attach_roles(merged))


def _top_level_parts(text: str) -> list[tuple[str, str]]:
    """The list's entries outside brackets, each with the separator printed before it."""
    parts, depth, current, sep = [], 0, "", ""
    for token in re.split(r"(\(|\)|,|;|\band\b|&)", _round_brackets(clean(text)).rstrip(".;")):
        depth = max(0, depth + (token == "(") - (token == ")"))
        if depth == 0 and token in {",", ";", "and", "&"}:
            parts.append((sep, current.strip()))
            current, sep = "", (sep if not current.strip() and token == "," else token)
        else:
            current += token
    parts.append((sep, current.strip()))
    return [(s, p) for s, p in parts if p]


def _attach_roles(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Give a role printed as its own entry to its person: "Mr Richard Nolan, Clerk" and "the
    Clerk, Cathy Fleet" (Burton-cum-Walden, Souldern minutes); a role alone ("& the Clerk") or a
    group word ("..., Councillors, and ...") is nobody."""
    out: list[tuple[str, str]] = []
    pending = ""
    for i, (sep, part) in enumerate(parts):
        bare = re.sub(r"^the\s+", "", part, flags=re.I)
        role = ROLES.get(bare.lower(), "")
        following = parts[i + 1] if i + 1 < len(parts) else ("", "")
        if role and bare != part and following[0] == ",":
            pending = role
        elif role and bare == part and out:
            out[-1] = (out[-1][0], f"{out[-1][1]} ({role})")
        elif not role and bare.lower() not in GROUP_WORDS:
            out.append((sep, f"{part} ({pending})" if pending else part))
            pending = ""
    return out


def _shared_surnames(parts: list[tuple[str, str]]) -> list[str]:
    """ "David & Joanna Carlisle", "Mr and Mrs Smith": two people sharing the surname printed once."""
    names = [part for _, part in parts]
    singles = [i for i, n in enumerate(names) if len(n.split()) == 1]
    if len(singles) != 1 or singles[0] + 1 >= len(names) or parts[singles[0] + 1][0] not in {"and", "&"}:
        return names
    i = singles[0]
    _, following = split_honorific(re.sub(r"\s*\([^()]*\)", "", names[i + 1]))
    need = 1 if names[i].strip(".").lower() in HONORIFIC_WORDS else 2  # "Mr and Mrs Smith"
    if len(following.split()) >= need and names[i][:1].isupper():
        names[i] = f"{names[i]} {following.split()[-1]}"
    return names


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
    text = strip_symbols(_round_brackets(clean(text))).strip(" .,;:\"'")
    labels = [inner.strip() for inner in re.findall(r"\(([^()]*)\)", text)]
    text = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
    role, notes = "", []
    dashed = ROLE_DASH.split(text, maxsplit=1)
    if len(dashed) == 2:
        text, tail = dashed
        if not tail.lower().startswith("substitut"):
            role = tail.strip()
        else:
            notes.append(tail.strip())
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    head, rest = (pieces[0], pieces[1:]) if pieces else ("", [])
    kept = [p for p in rest if not _is_post_nominal(p)]
    organisation = kept[0] if kept and ORGANISATION.search(kept[0]) else ""
    head, printed_role = _trailing_role(head)
    if kept and kept[0].lower() in ROLES:  # "Mr Richard Nolan, Clerk"
        printed_role = printed_role or ROLES[kept[0].lower()]
    honorific, name = split_honorific(head)
    name, job = _name_before_job(" ".join(w.strip("'\"") for w in name.split()))  # quotes, not O'Leary's
    role = role or job
    remote = any(REMOTE.match(label) for label in labels)
    said = [label for label in labels if not REMOTE.match(label) and not _is_initials(label, name)]
    roles = [ROLES.get(label.lower(), label) for label in said]
    roles.sort(key=lambda r: r.lower() not in ROLES)  # a chair's role before "(SBC)" and the like
    role = (roles[:1] or [role or printed_role])[0]
    notes += roles[1:]
    return Person(
        name=name, honorific=honorific, role=role, organisation=organisation, remote=remote, note="; ".join(notes)
    )


def strip_symbols(text: str) -> str:
    """The entry without the bullets, dashes or quotes printed before it."""
    return LEADING_SYMBOLS.sub("", text)


def _round_brackets(text: str) -> str:
    """Square brackets hold the same asides as round ones: "Katy Draper (KD)[acting Chair]"."""
    return text.replace("[", "(").replace("]", ")")


def _is_initials(label: str, name: str) -> bool:
    """Whether a bracket holds the initials the minutes use for the person: "Nick Oakhill (NO)", "(PWh)"."""
    capitals = [c for c in label if c.isupper()]
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,3}", label)) and capitals == [w[0] for w in name.split()]


def _has_job(text: str) -> bool:
    return any(w.lower().strip(",.") in JOB_WORDS for w in text.split())


def _name_before_job(text: str) -> tuple[str, str]:
    """Split a job printed after the name without punctuation: "Andrew Taylor Projects Officer CMS",
    "David McCabe Innovation & Regulatory Affairs Manager Tarmac" (Hertingfordbury minutes). The
    name is at least its initials and one word more, or two words; the job starts one word before
    its job word ("Mary Ann Smith Planning Officer"), or before the words an "&" joins into it."""
    words = text.split()
    initials = next((i for i, w in enumerate(words) if len(w.strip(".")) > 1), len(words))
    size = initials + 1 if initials else 2
    job_at = next((i for i in range(size, len(words)) if _has_job(words[i])), None)
    if job_at is None:
        return text, ""
    start = max(size, job_at - 1)
    joined = [i for i in range(size, start) if words[i].lower() in {"&", "and"}]
    if joined:
        start = max(size, joined[0] - 1)
    return " ".join(words[:start]), " ".join(words[start:])


def _trailing_role(text: str) -> tuple[str, str]:
    """Split a role set in capitals after the name: "Cathy Fleet CLERK", "Nick Oakhill CHAIR"; in
    mixed case the same word may be a surname ("John Mayor")."""
    words = text.split()
    for size in (2, 1):
        tail = " ".join(words[-size:])
        if len(words) > size + 1 and tail.isupper() and tail.lower() in ROLES:
            return " ".join(words[:-size]), ROLES[tail.lower()]
    return text, ""


def _is_post_nominal(piece: str) -> bool:
    return all(w.lower().strip(".") in POST_NOMINALS for w in piece.split())


def split_honorific(text: str) -> tuple[str, str]:
    """Split "Cllr Dr Brian Mathew MP" into ("Cllr Dr", "Brian Mathew")."""
    words = clean(text).split()
    lead: list[str] = []
    while len(words) > 1 and (words[0].strip(".").lower() in HONORIFIC_WORDS or starts_with_tier(words)):
        lead.append(words.pop(0))
    while len(words) > 1 and words[-1].strip(".,").lower() in POST_NOMINALS:
        words.pop()
    return " ".join(lead), " ".join(words).strip(" ,")


def starts_with_tier(words: list[str]) -> bool:
    """Whether a council's tier stands in front of a councillor's title and a name: "County Cllr Webb"."""
    return len(words) > 2 and words[0].lower() in COUNCIL_TIERS and words[1].strip(".").lower() in COUNCILLOR_WORDS


def looks_like_name(text: str) -> bool:
    """Whether a string reads as a person's name: two to five capitalised words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if text.lower().strip(".") in HONORIFIC_WORDS | GROUP_WORDS | ROLES.keys():
        return False  # "Cllrs", "Clerk" alone is nobody: "Apologies were received from Cllrs: ..."
    # the first letter, so a name in quotes or after a stray symbol is judged by its letters
    firsts = [next((c for c in w if c.isalpha()), "") for w in words]
    return all(f.isupper() or w.strip("'\"").lower() in NAME_PARTICLES for f, w in zip(firsts, words, strict=True))


def same_person(short: str, full: str) -> bool:
    """Whether `short` ("Plowden", "R Gough", "Cllr Cook") can refer to `full` ("Ed Plowden")."""
    _, short_name = split_honorific(short)
    a, b = short_name.lower().split(), full.lower().split()
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1]:
        return fuzz.ratio(" ".join(a), " ".join(b)) >= SAME_NAME_MIN_RATIO
    # surnames agree: any given names or initials printed must agree too
    return all(x[0] == y[0] for x, y in zip(a[:-1], b[:-1], strict=False)) if len(a) > 1 else True


def resolve(short: str, people: list[str]) -> str:
    """The one name in `people` that `short` refers to, or `short` without honorifics."""
    _, bare = split_honorific(short)
    matches = [p for p in dict.fromkeys(people) if same_person(short, p)]
    return matches[0] if len(matches) == 1 else bare

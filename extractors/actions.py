"""Actions recorded in minutes: requests, commitments and follow-ups, and who is to act.

From the prose, sentence by sentence, on spaCy's parse (`nlp.py`): the Matcher finds the words
that record an action, the dependency tree gives its subject, and the subject is resolved to an
attendee, a role holder or the body itself:

* request: "The Panel requested a written response ...", "It was requested that the Democratic
  Services Officer email the report ..." (the one asked to act owns a passive request);
* commitment: "The Chairman offered to make enquiries ...", "X said that he would look at ...",
  "The Clerk will write to ..." (a pronoun's owner is the speaker);
* follow-up: "Details would be circulated to members.", "Clerk to chase Sanctuary", an
  "ACTION: Clerk" marker; a line an "Action" column marks with initials is owned by them.

From tables: a row of an action table ("Action | Owner | Deadline", "No | Action | Update |
Owner") is a follow-up owned by its owner cell (or the initials in its words), initials
resolved to the one attendee they fit.

Not actions: the meeting's own decisions (`RESOLVED ...`, "agreed to note"), a question asked
("asked about ...", "asked whether ..."), what someone would like or expects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from extractors.movers import only_one, resolve_mover, role_key
from extractors.names import split_honorific
from extractors.table_model import Table
from extractors.text import MONTH_NUMBER, find_date
from extractors.vocab import BODY_NOUNS, COUNCIL_TIERS, HONORIFIC_WORDS, JOB_WORDS, OFFICES_PRINTED, ROLES
from models import ActionRecord, AttendanceRecord
from models.vocab import ActionType

if TYPE_CHECKING:  # spaCy is imported by `nlp.load`, when minutes are first read
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

REQUEST_VERBS = ["request", "ask", "urge", "suggest"]
# Verbs that request only in "It was suggested that officers revisit that risk" (a deed bidden).
SUGGESTING_VERBS = {"suggest"}
OFFER_VERBS = ["offer", "undertake", "agree", "promise", "volunteer", "commit"]
# "Nina is happy to arrange a licence", "was willing to ...".
WILLING = ["happy", "willing", "prepared", "keen"]
# Verbs a speaker's commitment is reported with: "X said that he would ...".
REPORTING_VERBS = {"say", "confirm", "advise", "state", "explain", "indicate", "reply", "respond", "assure"}
REPORTING_VERBS |= {"agree", "undertake", "offer", "promise", "add", "report", "note", "comment"}
# What a meeting does, whoever reports it: "This will be discussed at the next meeting".
MEETING_DEEDS = {"discuss", "consider", "debate", "decide", "review", "revisit"}
# Verbs a report is given with: "Mr Thomas introduced the report", "Mr Watkins provided an update".
PRESENTING_VERBS = {"introduce", "present", "outline", "update", "brief", "summarise", "summarize", "highlight"}
PRESENTING_VERBS |= {"provide", "give"}  # "provided an update on the following", "gave a presentation"
# Those that commit the speaker to what the clause says will happen.
COMMITTING_VERBS = {"confirm", "assure", "undertake", "agree", "promise", "guarantee"}
# "would like to", "would be", "would need": no deed is promised.
NOT_DEEDS = frozenset(
    {"be", "have", "receive", "like", "love", "need", "expect", "hope", "welcome", "appreciate", "thank"}
    | {"wish", "want", "prefer", "see", "seem", "appear", "mean", "depend", "remain", "happen"}
)
# What a meeting decides, not an action: "Members agreed to note the report".
DECIDING_VERBS = {"note", "approve", "accept", "adopt", "defer", "receive", "support", "endorse", "ratify"}
DECIDING_VERBS |= {"agree", "reject", "refuse", "recommend", "appoint", "elect", "delegate", "resolve", "refer"}
# A question, not a request: "asked about the timescale", "asked whether ...", "asked a question".
QUESTION_WORDS = {"about", "whether", "if", "why", "how", "what", "when", "which", "who", "where", "question"}
DECISION_OPENING = re.compile(r"^(?:it\s+was\s+)?(?:resolved|agreed|decided|recommended)\b", re.I)
# A pronoun subject stands for the speaker reporting the deed: "X said that he would look at".
PRONOUNS = {"he", "she", "i", "we", "they", "it"}
PERSON_PRONOUNS = {"he", "she"}
# Members as a subject are the body: "Members asked the Clerk to ...".
GROUPS = {"members", "councillors", "cllrs", "all"}
OFFICES = set(ROLES) | set(OFFICES_PRINTED)
FUTURE = ["will", "would", "shall"]
# "will be held", "would be able": no deed to follow up.
NOT_DONE = {"hold", "able", "affect", "interest", "need", "require", "expect", "please", "base", "allow"}
NOT_DONE |= {"see", "close", "open", "give", "know", "aware", "involve", "delight", "happy", "determine"}
# Owners printed as initials ("NO", "PWh", "IK/CC") and together ("NO / JH", "Clerk & County Cllr Webb").
INITIALS = r"[A-Z][A-Za-z]?[A-Z]|[A-Z]{2}[a-z]"
DOER = re.compile(rf"\b((?:{INITIALS})(?:\s*[/&]\s*(?:{INITIALS}))*)\s+(?:to|will)\s")
JOINT = re.compile(r"(\s*(?:/|&|,|\band\b)\s*)")
JOINING = {"and", "&", "/", ","}
# An action's printed marker: "ACTION:", "Action -".
MARKER = re.compile(r"^\s*actions?\s*[:\-–]\s*", re.I)
# "by the Panel's meeting on 14 November", "in advance of 25 July": when it is due.
DUE_WORDS = {"by", "before", "advance", "ahead", "until", "within"}
DAY_MONTH = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})(?:\s+(?P<y>(?:19|20)\d\d))?")
# An action table's columns: "Action" / "Action items"; "Owner", "Person responsible", "Who",
# "Lead", "By whom"; "Deadline", "Due", "By when".
ACTION_HEADER = re.compile(r"\baction", re.I)
OWNER_HEADER = re.compile(r"\b(?:owner|responsible|who|lead|by whom|person)\b", re.I)
# Its column of progress ("Update", "Status", "Progress", "Comments"), and a row it says is done.
STATUS_HEADER = re.compile(r"\b(?:update|status|progress|comments?|outcome)\b", re.I)
DONE = re.compile(r"\s*(?:completed?|done|closed|finished)\b", re.I)
DUE_HEADER = re.compile(r"\b(?:deadline|due|by when|target date|when)\b", re.I)
# An action sentence with fewer words than this ("AS to respond", "Supported." that an Action
# column marks) is read with the sentence before it, which says what it is about.
MIN_ACTION_WORDS = 5
# Confidence: a row of an action table or a marked action; a request or an offer; a reported "would".
TABLE_CONFIDENCE = 0.9
VERB_CONFIDENCE = 0.8
REPORTED_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Owner:
    """Who acts, and whether that is a person (an attendee, a role's holder, a name or initials)."""

    name: str
    person: bool

    def __bool__(self) -> bool:
        return bool(self.name)


NOBODY = Owner("", False)


@dataclass(frozen=True)
class Passage:
    """An item's prose, with the page each stretch of it is printed on."""

    item_number: str
    text: str
    # (character offset, page) where each printed line starts, in order.
    pages: tuple[tuple[int, int], ...]
    # (character offset, owner) where a line marked in an "Action" column ends: "IK/CC", "Clerk".
    marks: tuple[tuple[int, str], ...] = ()
    # For an action table's update cell, the owner of the row's action: what they are to do in
    # it ("NO to organise once foliage dies down") goes on with that action, and is not another.
    row_owner: str = ""

    def page_at(self, offset: int) -> int:
        return next((page for start, page in reversed(self.pages) if start <= offset), self.pages[0][1])


@dataclass(frozen=True)
class ActionTable:
    """A table printed under an item: its header row first."""

    item_number: str
    page: int
    rows: tuple[tuple[str, ...], ...]
    # The page each row is printed on, when the table goes on over pages.
    row_pages: tuple[int, ...] = ()

    def pages(self) -> tuple[int, ...]:
        return self.row_pages or (self.page,) * len(self.rows)

    def updates(self) -> list[Passage]:
        """The prose of its update column, which may record more ("KG has collected feedback
        from the riders and will collate this."), each cell a passage of the table's item."""
        column = _column(self.rows[0], STATUS_HEADER, not_in=_column(self.rows[0], ACTION_HEADER))
        if column is None:
            return []
        owner = _column(self.rows[0], OWNER_HEADER, not_in=_column(self.rows[0], ACTION_HEADER))
        return [
            Passage(self.item_number, row[column], ((0, page),), row_owner=row[owner] if owner is not None else "")
            for row, page in zip(self.rows[1:], self.pages()[1:], strict=False)
            if row[column].strip() and not DONE.match(row[column])
        ]


@dataclass(frozen=True)
class Meeting:
    """What the owner of an action is resolved against."""

    body: str
    date: str
    attendance: Sequence[AttendanceRecord]
    council: str = ""
    # The person the sentence before named, whom "he" or "she" stands for when no speaker is given.
    last: Owner = field(default_factory=lambda: NOBODY)
    # Who is reporting in the item so far ("Mr Thomas introduced the report."), whose report a
    # passive "a detailed update would be provided" is.
    reporter: Owner = field(default_factory=lambda: NOBODY)


def read_actions(
    docs: Sequence[Doc], passages: Sequence[Passage], tables: Sequence[ActionTable], meeting: Meeting
) -> list[ActionRecord]:
    """The actions of one set of minutes, from its prose (each passage parsed: `nlp.parse`) and
    its action tables."""
    matcher = _matcher(docs[0].vocab) if docs else None
    found: list[ActionRecord] = []
    for passage, doc in zip(passages, docs, strict=True):
        last = reporter = NOBODY  # the person the sentence before named: "She undertook to report ..."
        before: Span | None = None  # the sentence before, when it records no action
        for sent in doc.sents:
            mark = next((who for at, who in passage.marks if sent.start_char < at <= sent.end_char), "")
            reporter = _reporter(sent, meeting) or reporter
            action = _action(sent, matcher, replace(meeting, last=last, reporter=reporter)) if matcher else None
            last = _named_first(sent, meeting) or last
            if mark:  # the Action column names who acts, whatever the sentence says
                action = (action[0] if action else ActionType.FOLLOW_UP, named(mark, meeting), TABLE_CONFIDENCE)
            if action is None or not _kept(action, passage, meeting):
                before = sent if action is None else None
                continue
            if before is not None and (len([t for t in sent if t.is_alpha]) < MIN_ACTION_WORDS or sent[0].is_lower):
                # "Pollarding trees outside Magpie Cottage - email received. AS to respond"; a
                # line that goes on with the sentence before ("to chase up these outstanding matters.")
                sent = doc[before.start : sent.end]
            before = None
            kind, owner, confidence = action
            found.append(
                ActionRecord(
                    meeting_id="",
                    item_number=passage.item_number,
                    text=sent.text.strip(),
                    owner=owner,
                    action_type=kind,
                    due_date=_due(sent, meeting.date),
                    source_document_id="",
                    page=passage.page_at(sent.start_char),
                    confidence=confidence,
                )
            )
    for table in tables:
        found += _table_actions(table, meeting)
    return _once(found)


def _kept(action: tuple[ActionType, str, float], passage: Passage, meeting: Meeting) -> bool:
    """Whether a sentence's action is one of its own: not a request or an offer of no one found
    ("they are asking for opinions"), nor an update cell's owner going on with their row's action."""
    kind, owner, _ = action
    if not owner and kind is not ActionType.FOLLOW_UP:
        return False
    return not (passage.row_owner and owner == named(passage.row_owner, meeting))


def _once(actions: list[ActionRecord]) -> list[ActionRecord]:
    """Each action once: an "Actions summary" at the end of the minutes repeats the actions
    recorded under the items, sometimes with its spaces lost ("AStoaction20mphlimit") or its
    marker ("Action - HD to draft letter" / "HD to draft letter")."""
    seen: set[str] = set()
    out = []
    for action in actions:
        key = re.sub(r"\W+", "", MARKER.sub("", action.text).lower())
        if key not in seen:
            seen.add(key)
            out.append(action)
    return out


def _matcher(vocab: Vocab) -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add("request", [[{"LEMMA": {"IN": REQUEST_VERBS}, "POS": "VERB"}]])
    # "offered to make enquiries", "has kindly volunteered her partner to come", "is happy to arrange"
    matcher.add(
        "offer",
        [
            [
                {"LEMMA": {"IN": OFFER_VERBS}, "POS": "VERB"},
                {"OP": "*", "IS_PUNCT": False},
                {"LOWER": "to"},
                {"POS": "VERB"},
            ],
            [{"LEMMA": "be"}, {"LOWER": {"IN": WILLING}}, {"LOWER": "to"}, {"POS": "VERB"}],
        ],
    )
    # "Details would be provided", "This will be discussed at the next meeting", "Panshanger
    # Aerodrome to be discussed further."
    matcher.add(
        "passive",
        [
            [{"LOWER": {"IN": FUTURE}}, {"LOWER": "be"}, {"TAG": "VBN"}],
            [{"LOWER": "to"}, {"LOWER": "be"}, {"TAG": "VBN"}],
        ],
    )
    # "The Clerk will write", "he would look at", "KG has collected feedback and will collate
    # this", "CMS will be arranging an onsite event"
    will: list[dict[str, Any]] = [{"LOWER": {"IN": FUTURE}}, {"POS": "ADV", "OP": "*"}]
    matcher.add("future", [[*will, {"POS": "VERB"}], [*will, {"LOWER": "be"}, {"TAG": "VBG"}]])
    # "Clerk to chase Sanctuary", "DN and NR to organise this.", "RB is to meet ...", "Clerk chase
    # Huw Jones ...": a deed after the people who are to do it (`_named_run`)
    matcher.add("to_do", [[{"LOWER": {"IN": ["is", "are"]}, "OP": "?"}, {"LOWER": "to"}, {"TAG": "VB"}]])
    matcher.add("bare_do", [[{"TAG": {"IN": ["VB", "VBP"]}}]])
    marker = [{"TEXT": {"IN": ["ACTION", "ACTIONS", "Action", "Actions"]}}, {"TEXT": {"IN": [":", "-", "–"]}}]
    matcher.add("marker", [marker])
    return matcher


def _action(sent: Span, matcher: Matcher, meeting: Meeting) -> tuple[ActionType, str, float] | None:
    """The sentence's action, as (type, owner, confidence), or None when it records none.

    A sentence opening with the meeting's decision ("RESOLVED", "It was agreed") records a
    decision, unless a named person is to act in it ("... and the Clerk will ask Cllr Simkins").
    """
    doc = sent.as_doc()
    found = sorted(((doc.vocab.strings[key], start, end) for key, start, end in matcher(doc)), key=lambda m: m[1])
    matches: dict[str, tuple[int, int]] = {}  # each form's first match, the longest where several start together
    for form, start, end in sorted(found, key=lambda m: (m[1], -m[2])):
        matches.setdefault(form, (start, end))
    decided = bool(DECISION_OPENING.match(sent.text.strip()))
    if "marker" in matches:
        _, end = matches["marker"]
        printed = doc[end:].text.strip(" .;")
        if not printed:
            return None  # "ACTION :" alone: the sentences after it say who does what
        if len(doc) - end <= 4:  # "ACTION: Clerk"
            return ActionType.FOLLOW_UP, named(printed, meeting), TABLE_CONFIDENCE
        doer = doc[end : matches["to_do"][0]] if "to_do" in matches and matches["to_do"][0] > end else None
        # "Action - HD to draft letter re St Josephs."; "ACTION: Cheese & Wine fundraiser to be arranged."
        who = named(doer.text, meeting) if doer is not None and _named_run(doer) else meeting.body
        return ActionType.FOLLOW_UP, who, TABLE_CONFIDENCE
    if "to_do" in matches and _named_run(doc[: matches["to_do"][0]]):
        return ActionType.FOLLOW_UP, named(doc[: matches["to_do"][0]].text, meeting), VERB_CONFIDENCE
    if "bare_do" in matches and _named_run(run := doc[: matches["bare_do"][0]]):
        # "Clerk reply confirming ...": only people the meeting knows, not a body's initials ("CDC continue to work")
        who = named(run.text, meeting)
        if _people(who, meeting) and not re.fullmatch(INITIALS, who):
            return ActionType.FOLLOW_UP, who, VERB_CONFIDENCE
    if "request" in matches and not decided:
        verb = doc[matches["request"][0]]
        bidden = verb.lemma_ not in SUGGESTING_VERBS or (_passive(verb) and _bidden(_asked(verb)))
        if bidden and _main(verb) and not _question(verb) and not _done(verb) and not _described(verb):
            owner = _owner(_asked(verb) if _passive(verb) else verb, meeting)
            promised = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)  # "the Clerk will ask"
            return ActionType.COMMITMENT if promised else ActionType.REQUEST, owner.name, VERB_CONFIDENCE
    for form, start, end in found:
        if form != "offer" or decided:
            continue
        verb, deed = doc[start], doc[end - 1]
        governed = verb.lemma_ == "be" or verb in (deed.head, deed.head.head)  # its own deed, not a later one
        negated = any(c.dep_ == "neg" for c in verb.children)
        if governed and _main(verb) and deed.lemma_ not in DECIDING_VERBS and not _done(verb) and not negated:
            return ActionType.COMMITMENT, _owner(verb, meeting).name, VERB_CONFIDENCE
    for form, _start, end in found:
        if form != "future":
            continue  # each "will": "As Cllr Rochford will not be able to attend ... the Clerk will ask ..."
        deed = doc[end - 1]
        owner = _owner(deed, meeting)
        speaker = _speaker(deed)
        if not owner.person and speaker is not None and speaker.lemma_ in COMMITTING_VERBS:
            # "The Head of City Transport ... confirmed that the Full Business Case would return to the Committee"
            owner = _owner(speaker, meeting)
        acts = owner.person or (bool(owner) and owner.name == meeting.body)  # "the Council will make a decision"
        if deed.lemma_ not in NOT_DEEDS and acts and _main(deed):
            return ActionType.COMMITMENT, owner.name, REPORTED_CONFIDENCE
    if "passive" in matches and not decided:
        start, end = matches["passive"]
        verb = doc[end - 1]
        heading = doc[start].lower_ == "to" and not sent.text.rstrip().endswith(".")  # "Invoices to be approved"
        if verb.lemma_ not in NOT_DONE and verb.dep_ in ("ROOT", "conj") and _speaker(verb) is None and not heading:
            owner = _owner(verb, meeting, agent=True) or (
                meeting.reporter if verb.lemma_ not in MEETING_DEEDS else NOBODY
            )
            return ActionType.FOLLOW_UP, owner.name if owner.person else meeting.body, REPORTED_CONFIDENCE
    return None


def _main(verb: Token) -> bool:
    """A verb that states the sentence's deed, not one describing a noun ("questions asked by").
    A clause the parser hangs on a noun for want of a comma, with a subject of its own, states
    one too ("As Cllr Rochford will not be able to attend the service the Clerk will ask ..."),
    and so does a polite "would like to ask that ..."."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("like", "wish", "want"):
        return _main(verb.head)
    if verb.dep_ == "relcl":
        subject = _subject(verb)
        return subject is not None and subject.lower_ not in ("who", "which", "that") and subject.pos_ != "PRON"
    return verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS)


def _question(verb: Token) -> bool:
    """Whether the verb asks a question, or asks for what happens at the meeting: "asked about
    ...", "asked whether ...", "asked what opinion ...", "asked to note that her name was misspelt"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    words = [*verb.children, *(g for c in clauses for g in c.children if g.dep_ in ("mark", "advmod", "nsubj", "dobj"))]
    words += [c.left_edge for c in clauses]
    deeds = [c for c in verb.children if c.dep_ == "xcomp"]
    return any(w.lower_ in QUESTION_WORDS or w.lemma_ == "question" for w in words) or any(
        d.lemma_ in DECIDING_VERBS for d in deeds
    )


def _done(verb: Token) -> bool:
    """Whether the deed is reported as done: "had been requested to carry out a valuation ...
    which he did", "Successful tests have been undertaken"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "had" in auxes or ("been" in auxes and bool(auxes & {"have", "has"}))


def _described(verb: Token) -> bool:
    """A passive request whose subject is no one who can act: "council tax increases were being
    requested elsewhere" (not "The Clerk was asked to write ...", nor "It was requested that ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ == "it":
        return False
    span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    return not any(e.label_ in ("PERSON", "ROLE") for e in span.ents) and not re.fullmatch(INITIALS, subject.text)


def _bidden(deed: Token) -> bool:
    """Whether a clause bids a deed: "that officers revisit" (no tense), "that the Clerk should
    write"; not "that the figures were wrong"."""
    modal = {c.lower_ for c in deed.children if c.dep_ == "aux"}
    return deed.tag_ in ("VB", "VBP") and deed.lemma_ != "be" and not modal & {"will", "would", "could", "may"}


def _passive(verb: Token) -> bool:
    return any(child.dep_ == "nsubjpass" and child.lower_ == "it" for child in verb.children)


def _asked(verb: Token) -> Token:
    """The deed asked for in "It was requested that the Officer email ...": the clause's verb."""
    return next((child for child in verb.children if child.dep_ == "ccomp"), verb)


def _speaker(verb: Token) -> Token | None:
    """The reporting verb above a clause ("X said that a briefing would be provided")."""
    head = verb
    while head.dep_ != "ROOT" and head.head is not head:
        head = head.head
        if head.lemma_ in REPORTING_VERBS:
            return head
    return None


def _subject(verb: Token) -> Token | None:
    found = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if found is None and verb.dep_ == "conj":  # "KG has collected feedback and will collate this"
        return _subject(verb.head)
    return found


def _owner(verb: Token, meeting: Meeting, agent: bool = False) -> Owner:
    """Who owns the deed of `verb`: its subject (a pronoun stands for the speaker reporting it),
    or with `agent` the one it is done by ("provided by the Clerk"), else the speaker."""
    if agent:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        if by is not None:
            return _owner_of(next(by.children, by), meeting)
        speaker = _speaker(verb)
        return _owner(speaker, meeting) if speaker is not None else NOBODY
    subject = _subject(verb)
    for _ in range(3):
        if subject is None or subject.lower_ not in PRONOUNS:
            break
        speaker = _speaker(verb)
        if speaker is None:  # "She undertook to report ...": the person the sentence before named
            if subject.lower_ == "we":  # the body speaking: "we will continue to work through ..."
                return Owner(meeting.body, False)
            return meeting.last if subject.lower_ in PERSON_PRONOUNS else NOBODY
        verb, subject = speaker, _subject(speaker)
    if subject is None:  # "NO will move fencing back" (initials the parser takes for a word)
        run = verb.doc[: next((t.i for t in verb.doc if t.lower_ in FUTURE), 0)]
        return Owner(named(run.text, meeting), True) if _named_run(run) else NOBODY
    return _owner_of(subject, meeting)


def _owner_of(subject: Token, meeting: Meeting) -> Owner:
    """A subject as the attendee, role holder or body it names (a named person first)."""
    span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    # Joint owners: "DN and NR to organise this", "NO and KD will authorise" (the parser may take
    # "NO" for a word outside the subject)
    joint = max((s for s in (span, subject.doc[: subject.right_edge.i + 1]) if _named_run(s)), key=len, default=None)
    if joint is not None and any(t.lower_ in JOINING for t in joint[:-1]) and joint[-1].lower_ not in JOINING:
        return Owner(named(joint.text, meeting), True)
    for label in ("PERSON", "ROLE"):
        ent = next((e for e in span.ents if e.label_ == label), None)
        if ent is not None:
            return Owner(named(ent.text, meeting), True)
    if subject.lower_ in GROUPS or (subject.lower_ in BODY_NOUNS and span[0].lower_ == "the" and len(span) == 2):
        return Owner(meeting.body, False)  # "the Panel", not "The Wednesday Group"
    if subject.pos_ == "PROPN" or re.fullmatch(INITIALS, subject.text):
        name = named(span.text if subject.pos_ == "PROPN" else subject.text, meeting)
        return Owner(name, _people(name, meeting))
    if subject.pos_ == "NOUN" and subject.tag_ == "NNS":  # "Officers agreed to return ...": as printed
        return Owner(re.sub(r"^the\s+", "", span.text, flags=re.I), subject.lemma_ in JOB_WORDS)
    return NOBODY


def _named_run(span: Span) -> bool:
    """Whether a span only names who acts: people, roles and initials ("the Clerk", "Cllr Blake",
    "DN and NR", "Clerk & County Cllr Webb"), with their titles and the words joining them."""
    named = [t for t in span if t.ent_type_ in ("PERSON", "ROLE") or re.fullmatch(INITIALS, t.text)]
    return bool(named) and all(
        t in named or t.lower_ in HONORIFIC_WORDS | COUNCIL_TIERS | JOINING | {"the"} for t in span
    )


def _reporter(sent: Span, meeting: Meeting) -> Owner:
    """The person a sentence says is reporting: "Mr Thomas introduced the report", "The Head of
    City Transport outlined ...", "She said that ..." (the person named before)."""
    subject = _subject(sent.root)
    if sent.root.lemma_ not in REPORTING_VERBS | PRESENTING_VERBS or subject is None:
        return NOBODY
    if subject.lower_ in PERSON_PRONOUNS:
        return meeting.last
    owner = _owner_of(subject, meeting)
    return owner if owner.name in {a.name for a in meeting.attendance} else NOBODY


def _named_first(sent: Span, meeting: Meeting) -> Owner:
    """Whom a pronoun after the sentence stands for: its subject when that is a person or an
    office ("The Chairman noted that she and the Clerk ..."), else the first attendee it names."""
    subject = _subject(sent.root)
    owner = _owner_of(subject, meeting) if subject is not None else NOBODY
    if owner.person:
        return owner
    for ent in sent.ents:
        if ent.label_ in ("PERSON", "ROLE"):
            who = named(ent.text, meeting)
            if who in {a.name for a in meeting.attendance}:
                return Owner(who, True)
    return NOBODY


def _people(name: str, meeting: Meeting) -> bool:
    """Whether an owner is people: attendees or initials, one or several ("A / B")."""
    names = {a.name for a in meeting.attendance}
    parts = [p for p in JOINT.split(name) if p and not JOINT.fullmatch(p)]
    return bool(parts) and all(p in names or re.fullmatch(INITIALS, p) for p in parts)


def named(printed: str, meeting: Meeting) -> str:
    """A name, role or initials as printed, as the attendee each names (else as printed): "the
    Chairman", "Clerk", "NO / JH" ("Nick Oakhill / John Hoodless"), "PWh" (Paul Wheelhouse),
    "Sam" (the one Sam at the meeting)."""
    printed = re.sub(r"^the\s+", "", printed.strip(" .;:"), flags=re.I)
    parts = JOINT.split(printed)
    if len(parts) > 1:
        return "".join(part if JOINT.fullmatch(part) else named(part, meeting) for part in parts)
    if printed.lower() in BODY_NOUNS | GROUPS:
        return meeting.body
    names = [a.name for a in meeting.attendance]
    holder = _role_holder(printed, meeting.attendance)
    if holder or printed.lower() in OFFICES:  # "Chief Constable": an office no attendee holds
        return holder or printed
    if re.fullmatch(INITIALS, printed):
        return only_one(n for n in names if _abbreviates(printed, n)) or printed
    found = resolve_mover(printed, meeting.attendance)
    if found in names:
        return found
    bare = split_honorific(printed)[1]
    *given, last = bare.lower().split() or [""]
    if given and not all(len(g.strip(".")) == 1 for g in given):
        return bare  # someone named in full who is not in the attendance ("Huw Jones")
    return only_one(n for n in names if len(last) >= 3 and _fits(given, last, n.lower().split())) or bare


def _fits(initials: list[str], word: str, name: list[str]) -> bool:
    """Whether a name printed short fits an attendee's: a first name alone or its short form
    ("Jac" for Jack), a surname ("Cllr Simkins", who sent apologies), or a surname after
    initials ("Mr R Thomas" for R J Thomas)."""
    if initials:
        return name[-1] == word and name[0][0] == initials[0][0]
    return name[-1] == word or name[0].startswith(word)


def _abbreviates(initials: str, name: str) -> bool:
    """Whether initials abbreviate a name: a capital opens each word, small letters go on with
    it ("NO" Nick Oakhill, "PWh" Paul Wheelhouse, "SF" Sam Fredriksen-Freer)."""
    words = [w for w in name.split() if w[:1].isalpha()]
    pieces = re.findall(r"[A-Z][a-z]*", initials)
    return len(pieces) == len(words) and all(w.startswith(p) for p, w in zip(pieces, words, strict=True))


def _role_holder(role: str, attendance: Sequence[AttendanceRecord]) -> str:
    """The one attendee whose role is `role` ("Chairman", "PCC", "Democratic Services Officer"),
    else the one whose role ends with it ("Clerk" for the "Parish Clerk"); one person may hold
    several ("Clerk & RFO")."""
    key = role_key(role)
    parts = [
        (a.name, role_key(p)) for a in attendance for p in [a.role, *re.split(r"[,&/]|\band\b", a.role)] if p.strip()
    ]
    exact = {name for name, part in parts if key in (part, _acronym(part))}
    # not an acronym: "CMS" ends Andrew Taylor's "Projects Officer CMS", the body he works for
    ending = {name for name, part in parts if part.endswith(f" {key}")} if not role.isupper() else set()
    holders = exact or ending
    return holders.pop() if len(holders) == 1 else ""


def _acronym(key: str) -> str:
    """ "police and crime commissioner" -> "pcc"."""
    return "".join(w[0] for w in key.split() if w not in ("and", "of", "the", "for"))


def _due(sent: Span, meeting_date: str) -> str:
    """The date an action is due by, when the sentence states one: a day and month after "by",
    "before", "in advance of" (the year is the meeting's, or the next when that day has passed)."""
    for ent in sent.ents:
        if ent.label_ != "DATE" or not any(t.lower_ in DUE_WORDS for t in sent.doc[max(ent.start - 3, 0) : ent.start]):
            continue
        match = DAY_MONTH.search(ent.text)
        month = MONTH_NUMBER.get(match.group("m").lower()[:3]) if match else None
        if match is None or month is None or not meeting_date:
            continue
        held = date.fromisoformat(meeting_date)
        try:
            due = date(int(match.group("y") or held.year), month, int(match.group("d")))
        except ValueError:
            continue
        if not match.group("y") and due < held:
            due = due.replace(year=due.year + 1)
        return due.isoformat()
    return ""


def _table_actions(table: ActionTable, meeting: Meeting) -> list[ActionRecord]:
    """The rows of an action table, each a follow-up owned by its owner cell."""
    header = table.rows[0]
    action = _column(header, ACTION_HEADER)
    owner = _column(header, OWNER_HEADER, not_in=action)
    if action is None or owner is None:
        return []
    due = _column(header, DUE_HEADER, not_in=action)
    status = _column(header, STATUS_HEADER, not_in=action)
    out = []
    for row, page in zip(table.rows[1:], table.pages()[1:], strict=False):
        text = row[action].strip()
        if not text or (status is not None and DONE.match(row[status])):
            continue
        out.append(
            ActionRecord(
                meeting_id="",
                item_number=table.item_number,
                text=text,
                owner=named(row[owner] or _doer(text), meeting),
                action_type=ActionType.FOLLOW_UP,
                due_date=_due_cell(row[due]) if due is not None else "",
                source_document_id="",
                page=page,
                confidence=TABLE_CONFIDENCE,
            )
        )
    return out


def _doer(text: str) -> str:
    """Who an action's own words name, when its owner cell is blank: the initials before "to" or
    "will" ("Plot at Bovewell - Action - NO will move fencing back", "HD to draft letter ...")."""
    found = DOER.search(text)
    return found.group(1) if found else ""


def _column(header: tuple[str, ...], pattern: re.Pattern[str], not_in: int | None = None) -> int | None:
    return next((j for j, cell in enumerate(header) if j != not_in and pattern.search(cell)), None)


def _due_cell(text: str) -> str:
    found = find_date(text)
    return found.isoformat() if found else ""


def action_tables(tables: Iterable[tuple[str, Table]]) -> list[ActionTable]:
    """The tables (with the item they are printed under) whose header names an action and who owns it."""
    return [
        ActionTable(item, t.page, t.rows, t.row_pages)
        for item, t in tables
        if t.rows and _column(t.rows[0], ACTION_HEADER) is not None and _column(t.rows[0], OWNER_HEADER) is not None
    ]

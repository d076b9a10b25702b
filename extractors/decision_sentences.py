"""Decisions written as sentences of a paragraph rather than set out on their own.

"... It was agreed to replace the bench." (Hertingfordbury), "The minutes were approved."
(Ayton), "... the Council RESOLVED: That ..." (Burton-cum-Walden), a short outcome after what it
decides ("Tower Road, Ayton. Supported.", "- all approved."), a motion with no "RESOLVED" ("she
proposed & Cllr B seconded that ... All Councillors present were in agreement.", Tintern) and a
planning application with the council's response ("23/02192/LB ... NO OBJECTION", Souldern).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.headings import Placed
from extractors.motions import Found
from extractors.movers import PERSON, PRONOUN
from extractors.paragraphs import LEAD_IN_END, LIST_MARKER, PLANNING_REF, block_end, joined
from extractors.vocab import DECIDING_BODY, DECIDING_MEMBERS

# Sentences of reflowed text; an upper-case "RESOLVED" starts a decision even mid-sentence
# ("... the Council RESOLVED: That ...", Burton-cum-Walden).
SENTENCE_BREAK = re.compile(
    r"(?<=[a-z0-9)\"'\u201d][.!?])\s+(?=[A-Z(\"'\u2018\u201c])|\s+(?=(?:FURTHER\s+)?RESOLVED\b)"
)
# A sentence that records a decision, wherever its verb stands: "After discussion it was decided
# that ...", "The minutes ... were approved", "... were checked ... and signed as a true record",
# "The Transport and Connectivity Committee noted the report", "Councillors noted ...", "APPROVED -
# 2018 Meetings Calendar" (a US bullet), "Commissioner A made a motion, seconded by ..., to ...", a
# parish council's finance business "The financial statement was received" (Hertingfordbury), "The
# bank reconciliation and quarterly report were received" (Souldern), and movers printed after the
# business as "M. Prest (motion)" (seen in one corpus document, a US special service area
# commission's minutes, Chicago SSA #21).
DECISION_SENTENCE = re.compile(
    r"\bit\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided|approved)\b"
    r"|^(?:all\s+|unanimously\s+)?(?:approved|agreed|resolved)\b"
    r"|^(?:further\s+)?resolved\b"
    r"|\b(?:was|were)\s+(?:(?:duly|unanimously|formally|then)\s+)?(?:approved|agreed|adopted|accepted|endorsed|ratified"
    r"|amended)\b"
    r"|\b(?:signed|agreed|confirmed|approved|accepted)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
    r"|\bthe\s+(?:[\w-]+\s+){0,4}(?:report|statement|accounts|reconciliation)s?\s+(?:was|were)\s+received\b"
    rf"|^(?:the\s+)?(?:[\w-]+\s+){{0,5}}(?:{DECIDING_BODY}|{DECIDING_MEMBERS})\s+"
    r"(?:(?:unanimously|formally|then)\s+)?(?:resolved|agreed|approved|endorsed|decided|accepted|supported)\b"
    r"|\bmade\s+a\s+motion\b|\(motion\)"
    r"|\b(?:penderfynwyd|cytunwyd)\b",  # Welsh: "it was resolved", "it was agreed"
    re.I,
)
# "The Transport and Connectivity Committee noted the report." (Bristol), "Councillors noted the
# dates of future meetings" (Burton-cum-Walden): a decision when it is a paragraph of its own;
# inside a paragraph of debate ("Members noted the challenges of ...") or "noted that ..." it
# reports a point made.
NOTING = re.compile(
    rf"^(?:the\s+)?(?:[\w-]+\s+){{0,5}}(?:{DECIDING_BODY}|{DECIDING_MEMBERS})\s+(?:(?:unanimously|formally|then)\s+)?noted\b(?!\s+that)",
    re.I,
)
# The chair's signature block closing minutes: "Signed as a correct record ... Chairman".
SIGNATURE = re.compile(r"^signed\b", re.I)
# An outcome standing alone after what it decides: "Approved.", "Supported.", "all approved.",
# "Approved & signed as correct." (Tintern), "This was agreed by the CC." (Ayton), "Support was
# given." (Ayton), and a parish council's planning responses "NO OBJECTION", "No reason to object"
# (Souldern; the second phrasing seen in that one corpus document).
SHORT_OUTCOME = re.compile(
    r"^(?:all\s+|unanimously\s+)?(?:approved|agreed|supported|carried|refused|rejected|no\s+objections?"
    r"|no\s+reason\s+to\s+object|support\s+was\s+given|this\s+was\s+(?:agreed|approved|supported|accepted))\b"
    r"(?P<tail>[^.]{0,30})[.!]?$",
    re.I,
)
# An outcome that says what it allows stands alone: "Approved to proceed." (Souldern), "Approved &
# signed as correct." (Tintern); a bare "Approved." decides the sentence before it.
OWN_COMPLEMENT = re.compile(r"^\s*(?:to|and|&)\s", re.I)
# What the council said of a planning application is the decision: "- approval recommended",
# "NO OBJECTION", "comment to be made".
PLANNING_RESPONSE = re.compile(
    r"\b(?:approv\w*|support\w*|objections?|object|recommend\w*|comments?|refus\w*|concerns?)\b", re.I
)
# A motion with no "RESOLVED": "she proposed & Cllr Evans seconded that TCC pay the fee."
MOTION_CLAUSE = re.compile(
    rf"(?:{PERSON}|\b{PRONOUN})\s+(?:proposed|moved),?\s+(?:and|&)\s+{PERSON}\s+seconded,?\s+that\b"
)
# The vote on such a motion, printed as the next sentence.
AGREEMENT = re.compile(r"^(?:all\b[^.]*\bin\s+agreement|agreed|carried|approved|unanimously)\b", re.I)


def in_paragraphs(body: list[Placed], paragraphs: list[tuple[int, int]], covered: set[int]) -> list[Found]:
    """Decisions in the sentences of the paragraphs no structured decision holds; a sentence that
    ends in a lead-in ("... the Council RESOLVED:") takes what follows it."""
    out: list[Found] = []
    upto = 0
    for a, b in paragraphs:
        if a < upto or covered & set(range(a, b)):
            continue
        if PLANNING_REF.match(body[a].line.plain):
            response = _planning_response(joined(body[a:b]))
            out += [Found(a, response, joined(body[:a]))] if response else []
            continue
        found = _in_sentences(body, a, b)
        last = found[-1] if found else None
        if last and LEAD_IN_END.search(last.text) and joined(body[a:b]).rstrip().endswith(last.text[-1]):
            upto = block_end(body, b, b)
            found[-1] = replace(last, text=f"{last.text} {joined(body[b:upto])}".strip())
        out += found
    return out


def _planning_response(entry: str) -> str:
    """A planning application and the council's response to it, up to the sentence that gives it."""
    response = PLANNING_RESPONSE.search(entry)
    if not response:
        return ""
    end = re.search(r"[.!?](?=\s|$)", entry[response.end() :])
    return entry[: response.end() + end.end()] if end else entry.strip()


def _in_sentences(body: list[Placed], first: int, end: int) -> list[Found]:
    """Decisions written as sentences of a paragraph: "Wheatley Oak Tree. It was agreed to refund
    ..." (Hertingfordbury), "Erection of Greenhouse - The Old Glebe, Ayton. Supported." (Ayton)."""
    text, starts = "", []
    for i in range(first, end):
        starts.append((len(text), i))
        text += body[i].line.plain + " "
    text = LIST_MARKER.sub("", text, count=1) if LIST_MARKER.match(text) else text
    sentences = [s.strip() for s in SENTENCE_BREAK.split(text) if s.strip()]
    decisions: list[str] = []
    for k in range(len(sentences)):  # left to right: a short outcome looks at the decision before it
        decisions.append(_sentence_decision(sentences, k, bool(decisions and decisions[-1])))
    out: list[Found] = []
    for k, decision in enumerate(decisions):
        if decision:
            at = text.find(sentences[k])
            line = next((i for offset, i in reversed(starts) if offset <= at), first)
            at = max(at, text.find(decision))  # "... and she proposed & ...": the words before name her
            # "The Minutes ... were approved. Proposed by GD and seconded by PP." (Ayton)
            until = next((j for j in range(k + 1, len(decisions)) if decisions[j]), len(decisions))
            after = " ".join(sentences[k + 1 : until])
            out.append(Found(line, decision, joined(body[:first]) + " " + text[:at], after))
    return out


def _sentence_decision(sentences: list[str], k: int, after_decision: bool) -> str:
    """The decision sentence k records, if any; `after_decision` when sentence k - 1 records one."""
    sentence = sentences[k]
    nxt = sentences[k + 1] if k + 1 < len(sentences) else ""
    if motion := MOTION_CLAUSE.search(sentence):
        return sentence[motion.start() :] + (f" {nxt}" if AGREEMENT.match(nxt) else "")
    if short := SHORT_OUTCOME.match(sentence):
        # what it decides is the sentence before, unless that is a decision of its own
        before = sentences[k - 1] if k and not OWN_COMPLEMENT.match(short.group("tail")) else ""
        subject = before if before and not after_decision else ""
        return f"{subject} {sentence}".strip()
    if SIGNATURE.match(sentence):
        return ""
    if DECISION_SENTENCE.search(sentence) or (len(sentences) == 1 and NOTING.match(sentence)):
        return sentence
    return ""

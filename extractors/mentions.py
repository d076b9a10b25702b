"""`mentions`: the people, roles, bodies, places, dates and sums the minutes' prose names.

Each entity the pipeline tags (`nlp.py`) in an item's prose is one row, with its offsets in that
prose (`actions.Passage.text`: the item's lines outside its tables). A person, or a role whose
holder the attendance list gives ("the Chairman", "the PCC"), carries the attendee's
`person_id` (`people.py`); someone who is not in the attendance carries none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from extractors.actions import Meeting, Passage, named
from extractors.people import person_id
from models import MentionRecord

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# The labels published: the council rules' ROLE and the model's that a reader of minutes asks about.
LABELS = frozenset({"PERSON", "ROLE", "ORG", "GPE", "LOC", "DATE", "MONEY"})


def read_mentions(docs: Sequence[Doc], passages: Sequence[Passage], meeting: Meeting) -> list[MentionRecord]:
    """The tagged entities of each passage, people resolved to the attendees they name."""
    attendees = {a.name for a in meeting.attendance}
    if not docs:
        return []
    matcher = _attendee_matcher(docs[0].vocab, attendees)
    out = []
    for passage, doc in zip(passages, docs, strict=True):
        for ent in _entities(doc, matcher):
            if ent.label_ not in LABELS:
                continue
            who = named(ent.text, meeting) if ent.label_ in ("PERSON", "ROLE") else ""
            out.append(
                MentionRecord(
                    source_document_id="",
                    page=passage.page_at(ent.start_char),
                    item_number=passage.item_number,
                    label=ent.label_,
                    text=ent.text,
                    person_id=person_id(meeting.council, who) if who in attendees else "",
                    start_char=ent.start_char,
                    end_char=ent.end_char,
                )
            )
    return out


def _attendee_matcher(vocab: Vocab, attendees: set[str]) -> PhraseMatcher:
    """A matcher of the attendees' names as printed in full."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab)
    matcher.add("PERSON", [Doc(vocab, words=name.split()) for name in attendees if name])
    return matcher


def _entities(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
    """The tagged entities, with attendees' names printed in full tagged as people where the
    model tagged none, or tagged a run of names as one ("Cllr Gordon King Louise Williams
    Denisa Ahmeti" in a list of apologies)."""
    from spacy.tokens import Span

    names = [Span(doc, start, end, label="PERSON") for _, start, end in matcher(doc)]

    def holds_others(ent: Span) -> bool:
        inside = [n for n in names if ent.start <= n.start and n.end <= ent.end]
        return ent.label_ == "PERSON" and any((n.start, n.end) != (ent.start, ent.end) for n in inside)

    kept = [e for e in doc.ents if not holds_others(e)]
    people = [e for e in kept if e.label_ == "PERSON"]
    return kept + [n for n in names if not any(n.start < e.end and e.start < n.end for e in people)]

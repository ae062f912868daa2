"""Mentions as the coreference stage reads them: span, head word, sentence, kind of referent.

Input is a parsed spaCy Doc and character offsets; output a frozen ``MentionInfo`` that holds
everything the pair features need, so features never touch spaCy again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprism.coref.lexicon import Lexicon, load, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY = "entity"
EVENT = "event"
KINDS = (ENTITY, EVENT)

_FUNCTION_POS = frozenset({"ADP", "DET", "PART", "PUNCT", "CCONJ", "SCONJ", "AUX", "SPACE"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class MentionSpan:
    """A mention to resolve: document index, character offsets, entity or event."""

    doc: int
    start: int
    end: int
    kind: str
    #: the extract stage's canonical entity key for it, when known
    key: str | None = None


@dataclass(frozen=True)
class MentionInfo:
    index: int
    doc: int
    start: int
    end: int
    kind: str
    text: str
    #: lower-case lemma of the head word
    lemma: str
    pos: str
    head: int
    sentence: int
    #: person, place, time, group, thing or "" when unknown
    semantic: str
    #: the pronoun's class (person, plural, thing, first, other) or ""
    pronoun: str
    proper: bool
    key: str | None
    #: content words, normalised
    words: frozenset[str]
    #: grammatical number of the head: "sing", "plur" or "" when unknown
    number: str = ""
    #: lemmas of the roles its own sentence gives a name ("William Hakim, a bomb squad
    #: technician" -> technician; "coach Maurice Cheeks" -> coach), read by run.name_roles
    roles: frozenset[str] = frozenset()


def head_token(span: Span) -> Token:
    """The word a mention is about: the syntactic root, stepping past a preposition or
    determiner ("on Monday" -> Monday, "checked into" -> checked)."""
    root = span.root
    if root.pos_ not in _FUNCTION_POS:
        return root
    content = [t for t in span if t.pos_ not in _FUNCTION_POS]
    if not content:
        return root
    return min(content, key=lambda t: (len(list(t.ancestors)), t.i))


def describe(
    doc: Doc, span: MentionSpan, index: int, *, sentence_of: list[int], lex: Lexicon | None = None
) -> MentionInfo:
    """Everything the features need about one mention. ``sentence_of`` maps token -> sentence."""
    lex = lex or load()
    s = doc.char_span(span.start, span.end, alignment_mode="expand")
    if s is None or len(s) == 0:
        tok = doc[_token_at(doc, span.start)]
        s = doc[tok.i : tok.i + 1]
    head = head_token(s)
    text = doc.text[span.start : span.end]
    body = _body_words(doc)
    lemma = _lemma(head, body)
    pron = lex.pronouns.get(text.lower().strip(), "") if len(s) == 1 else ""
    return MentionInfo(
        index=index,
        doc=span.doc,
        start=span.start,
        end=span.end,
        kind=span.kind,
        text=text,
        lemma=lemma,
        pos=head.pos_,
        head=head.i,
        sentence=sentence_of[head.i],
        semantic=_semantic(s, head, pron, lex),
        pronoun=pron,
        proper=any(_is_name(t, body) for t in s),
        key=span.key,
        words=frozenset(w for w in norm(text).split() if w not in _STOP),
        number=_number(head, pron),
    )


_PRONOUN_NUMBER = {"person": "sing", "thing": "sing", "plural": "plur"}


def _number(head: Token, pron: str) -> str:
    """ "sing" or "plur" for a noun or a third-person pronoun ("the guards", "them"), from the
    tagger's morphology; "" for a name (a team is plural in one report, singular in the next)
    and for anything else."""
    if pron:
        return _PRONOUN_NUMBER.get(pron, "")
    if head.pos_ != "NOUN" or head.lower_ in ("police", "people"):
        return ""
    got = head.morph.get("Number", [])
    return {"Sing": "sing", "Plur": "plur"}.get(got[0], "") if got else ""


def _lemma(head: Token, body: dict[str, str]) -> str:
    """The head's lemma in lower case; a proper noun's is its own text, unless it is a common
    noun capitalised by a headline ("Guards" -> guard, as "guards" in the body)."""
    if head.pos_ != "PROPN" or _is_name(head, body):
        return head.lemma_.lower() if head.pos_ != "PROPN" else head.lower_
    return body.get(head.lower_, head.lower_)


def _is_name(tok: Token, body: dict[str, str]) -> bool:
    """Whether a word is (part of) a proper name. The tagger's PROPN, except in a headline
    written in title case or capitals, where a word that the article also writes in lower case
    is a common noun ("Woman Dies In Ice Cream Shop" / "the woman"); and a capitalised word
    inside a sentence that the tagger reads as an adjective or noun but the recogniser as a
    name ("A Woodburn police officer") is one."""
    if tok.pos_ == "PROPN":
        return not (_headline(tok.sent) and tok.lower_ in body)
    return (
        tok.pos_ in ("ADJ", "NOUN")
        and tok.ent_type_ in _NAME_LABELS
        and tok.text[:1].isupper()
        and tok.i != tok.sent.start
        and not _headline(tok.sent)
    )


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def _headline(sent: Span) -> bool:
    """A sentence in title case or capitals: two or more words of four letters or more after
    the first, and at least four in five of them capitalised. (A sentence of names passes too:
    only words the article also writes in lower case are then read as common nouns.)"""
    words = [t.text for t in sent[1:] if t.is_alpha and len(t.text) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _body_words(doc: Doc) -> dict[str, str]:
    """Words the document writes in lower case, with their lemma (read once per document)."""
    key = "newsprism.coref.lower"
    if key not in doc.user_data:
        doc.user_data[key] = {
            t.text: t.lemma_.lower() for t in doc if t.is_alpha and t.text.islower()
        }
    out: dict[str, str] = doc.user_data[key]
    return out


_STOP = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "by", "from"})


def _semantic(s: Span, head: Token, pron: str, lex: Lexicon) -> str:
    if pron in ("person", "first"):
        return "person"
    if pron in ("plural",):
        return "group"
    if pron == "thing":
        return "thing"
    label = head.ent_type_ or next((t.ent_type_ for t in s if t.ent_type_), "")
    if label in _TIME_LABELS or head.lower_ in lex.time_words:
        return "time"
    if label in _PLACE_LABELS:
        return "place"
    if label == "PERSON":
        return "person"
    if label in ("ORG", "NORP"):
        return "group"
    return ""


def _token_at(doc: Doc, offset: int) -> int:
    for t in doc:
        if t.idx + len(t.text) > offset:
            return t.i
    return len(doc) - 1


def sentence_index(doc: Doc) -> list[int]:
    """token index -> sentence number."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


@dataclass(frozen=True)
class Vectors:
    """Unit vectors the features compare: per mention text, per mention context, per document."""

    text: np.ndarray
    context: np.ndarray
    document: np.ndarray


@dataclass(frozen=True)
class Participants:
    """Entity clusters around one event mention: all, and the times and places among them."""

    all: frozenset[str]
    time: frozenset[str]
    place: frozenset[str]

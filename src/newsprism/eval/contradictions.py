"""Contradiction benchmark: known contradictions injected into real pairs of reports of one event.

Pairs: two different ECB+ dev documents of the same event, and English SemEval-2022 task 8 dev
pairs rated Overall <= 1.5 (the same story). For each pair we pick up to ``per_pair`` injection
sites without the comparison: sentence pairs of the two articles whose MiniLM cosine and share of
content words (both computed here, on the two sentences alone) say they state one fact, drawn at
random with the run's seed, and in each sentence the claim extract found on that article alone
that shares the other's predicate or most of its words. Each such claim pair is an *anchor*: its
sentence span, the claim's own span and predicate, and the slots it fills as written (times,
counts, places, who did it, who said it). Every edit is made inside the claim's own clause:

* a contradiction of each type. Where both claims already fill the slot, the second one's value is
  changed (another weekday or date, another count, another place, another actor or speaker, the
  predicate negated); where they do not, the same kind of adjunct is added to both claims with
  different values ("... on Monday" / "... on Thursday", "..., leaving 40 people injured" / "...
  75 ..."). The values rotate through pools, so no single string decides the score. These must
  be flagged with their type.
* meaning-preserving controls: a paraphrased reporting frame, a reordering, a synonym, the same
  slot value added to both sides, and compatible values (an exact count against a lower bound
  that holds it, a weekday against the date it names, a quote against an excerpt of it). These
  must not be flagged.

Every variant is compared, and so is the unedited pair. An injection is found when a
high-confidence contradiction of its type touches the edited sentence of the second article.
Every other high-confidence finding of the edited comparison that the unedited one does not have
(matched by type and the sentences its evidence touches), anywhere in either article, is a false
alarm of its type; a control is flagged when a new finding touches its edited sentence. The
unedited pairs' own high-confidence findings are counted apart (``baseline``): the pairs report
one story, so most of them are false alarms a user sees on real pairs too.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.compare import CONTRADICTION_TYPES, Comparison, compare_articles
from newsprism.embed import CachedEmbedder, MemoryCache, get_embedder
from newsprism.errors import InputNotFound
from newsprism.extract import Extraction, extract
from newsprism.extract.types import Claim
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash

PUBLISHED = "2020-06-10"  # a Wednesday: weekday names resolve to distinct days
CONTROLS = ("paraphrase", "reorder", "synonym", "same_slot", "compatible")

_SYNONYMS = {
    "said": "stated", "says": "states", "began": "started", "start": "begin", "big": "large",
    "large": "big", "people": "persons", "killed": "slain", "help": "assist", "helped": "assisted",
    "buy": "purchase", "bought": "purchased", "shows": "indicates", "showed": "indicated",
    "announced": "declared", "told": "informed", "near": "close to", "about": "around",
    "quickly": "rapidly", "building": "structure", "injured": "hurt", "home": "house",
    "car": "vehicle", "officers": "officials", "fire": "blaze", "attack": "assault",
    "damaged": "harmed", "despite": "in spite of", "before": "prior to", "also": "as well",
}  # fmt: skip
_LOWER_FIRST = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "This",
        "That",
        "Its",
        "His",
        "Her",
        "Their",
        "These",
        "Those",
    ]
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_CITIES = ("Lisbon", "Oslo", "Porto", "Gdansk", "Tampere", "Bergen", "Lyon", "Graz", "Malmo")
_COUNTRIES = ("Portugal", "Norway", "Chile", "Kenya", "Finland", "Uruguay", "Estonia")
_PEOPLE = ("Daniel Okafor", "Maria Lindqvist", "Tomas Herrera", "Anika Sørensen", "Paul Mbeki",
           "Lucia Ferreira", "Jonas Weber")  # fmt: skip
_ORGS = ("Greenpeace", "Oxfam", "Interpol", "Amnesty International", "Unicef",
         "Save the Children", "Doctors Without Borders")  # fmt: skip
#: named sources, by kind (an unnamed "officials" against "police" is no attribution dispute, and
#: a person against an organisation may be its spokesman)
_SOURCES = (
    ("the Interior Ministry", "the Red Cross", "the Health Ministry", "the United Nations",
     "the Coast Guard", "Reuters"),
    ("Governor Ivo Brandt", "Mayor Ana Ruiz", "Senator Paul Okoro", "Judge Mira Castell"),
)  # fmt: skip
_COUNTED = (
    ", leaving {n} people injured",
    ", forcing {n} residents from their homes",
    ", with {n} officers at the scene",
    ", involving {n} vehicles",
    ", affecting {n} families",
)
_QUOTES = (
    # (speaker, quote, altered wording) -- same quote, words changed
    (
        "Mayor Ana Ruiz",
        "We will not abandon the families of this town",
        "We will never abandon the families of our town",
    ),
    (
        "Inspector Lena Moss",
        "Our officers acted quickly and saved many lives tonight",
        "Our officers acted fast and saved several lives tonight",
    ),
    (
        "Governor Ivo Brandt",
        "This is a dark day for everyone who lives here",
        "This is a terrible day for everybody who lives here",
    ),
    (
        "Chief Rosa Kemal",
        "We have the situation under control and the roads are open",
        "We have the situation under control but the roads are closed",
    ),
    (
        "Minister Karl Aune",
        "Nobody should have to face something like this alone",
        "Nobody should face anything like this alone",
    ),
)


@dataclass(frozen=True)
class Variant:
    kind: str  # a contradiction type, or a control name
    a_text: str
    b_text: str
    #: the edited sentence of the second article, as offsets into b_text
    b_start: int
    b_end: int
    #: how it was made: "slot" (an existing value changed), "adjunct" (added to both), ...
    mode: str = ""
    #: the edited sentence of the first article, as offsets into a_text
    a_start: int = 0
    a_end: int = 0


@dataclass(frozen=True)
class Mark:
    """A stretch of the sentence (offsets relative to the sentence) and what it is."""

    start: int
    end: int
    text: str
    kind: str = ""


@dataclass(frozen=True)
class Anchor:
    """One aligned claim in one article, with the slots it fills as written."""

    sent: tuple[int, int]  # sentence span in the article text
    claim: tuple[int, int]  # claim span, relative to the sentence
    insert: int | None  # where a clause adjunct goes (end of the claim's clause), or None
    action: str
    predicate: Mark | None
    times: tuple[Mark, ...] = ()
    counts: tuple[Mark, ...] = ()  # numerals of counted quantities (kind = what is counted)
    places: tuple[Mark, ...] = ()
    actor: Mark | None = None
    speaker: Mark | None = None
    #: an unnamed subject ("he", "the company") that a name can replace
    subject: Mark | None = None


def _article(text: str, name: str) -> Article:
    chash = content_hash("", text)
    ident = f"eval:{name}"
    return Article(
        id=article_id(ident, chash),
        title="",
        body=text,
        metadata={"published": Meta(PUBLISHED, Provenance.USER)},
        location=name,
        kind=InputKind.TEXT,
        identity=ident,
        content_hash=chash,
    )


def load_pairs(
    *, ecbplus: Path | None, semeval: Path | None, n: int, seed: int
) -> list[tuple[str, str, str]]:
    """(name, text A, text B) pairs, half ECB+ and half SemEval when both are given."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    per = n // 2 if ecbplus and semeval else n
    if ecbplus:
        by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in _rows(ecbplus):
            if len(row["text"].split()) >= 40:
                by_event[row["event"]].append(row)
        events = sorted(e for e, rows in by_event.items() if len(rows) >= 2)
        rng.shuffle(events)
        for e in events[:per]:
            a, b = rng.sample(by_event[e], 2)
            out.append((f"ecb:{a['doc_id']}|{b['doc_id']}", a["text"], b["text"]))
    if semeval:
        rows = [
            r
            for r in _rows(semeval)
            if r["lang1"] == r["lang2"] == "en"
            and float(r["overall"]) <= 1.5
            and r["text1"] != r["text2"]
        ]
        rng.shuffle(rows)
        out += [(f"semeval:{r['pair_id']}", r["text1"], r["text2"]) for r in rows[: n - len(out)]]
    return out


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    if not path.exists():
        raise InputNotFound(f"no benchmark file at {path}", location=str(path))
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# --- anchors: where the claim's slots are, as written -----------------------------------------


def anchor(ex: Extraction, text: str, claim: Claim) -> Anchor:
    """The claim's sentence, predicate and slot mentions (offsets relative to the sentence)."""
    s = ex.sentences[claim.sentence]
    s0, sent = s.start, text[s.start : s.end]
    c0, c1 = claim.start - s0, claim.start - s0 + len(claim.text.rstrip())
    parse = _parse(sent, c0, c1, claim.action)
    # the adjunct goes at the end of the claim's own clause, inside the claim extract found
    insert = _insert_point(sent, c0, c1, parse)
    times = tuple(
        Mark(t.start - s0, t.end - s0, t.text, t.value or "")
        for t in (ex.times[i] for i in claim.time)
        if s.start <= t.start and t.end <= s.end
    )
    counts = tuple(
        m
        for q in (ex.quantities[i] for i in claim.quantities)
        if q.kind == "count" and not q.approximate and q.counts
        for m in [_numeral(text, q.start, q.end, s0, q.counts)]
        if m is not None
    )
    places = tuple(
        Mark(m.start - s0, m.end - s0, m.text, m.entity_key.split(":", 1)[0])
        for m in ex.mentions
        if m.entity_key in claim.place and claim.start <= m.start and m.end <= claim.start + c1 - c0
    )
    actor = None
    subject = parse.subject
    for m in ex.mentions:
        kind = m.entity_key.split(":", 1)[0]
        if m.label == "NORP" or kind not in _OTHER or not subject or parse.passive:
            continue  # the subject of a passive undergoes the act: it is not who did it
        # a subject headed by the name ("Apple", "Apple's Phil Schiller"): a swap reads well
        if subject[0] <= m.start - s0 and m.end - s0 == subject[1]:
            actor = Mark(m.start - s0, m.end - s0, m.text, kind)
            break
    speaker = None
    for q in ex.quotes:
        if q.speaker_span and q.start <= claim.start < q.end and q.speaker_key:
            a, b = q.speaker_span
            kind = q.speaker_key.split(":", 1)[0]
            names = [m for m in ex.mentions if (m.start, m.end) == (a, b) and m.label != "NORP"]
            if s.start <= a and b <= s.end and names:
                speaker = Mark(a - s0, b - s0, text[a:b], kind)
                break
    unnamed = None
    if parse.subject and actor is None and parse.agent:
        words = sent[parse.subject[0] : parse.subject[1]]
        named = any(parse.subject[0] <= m.start - s0 < parse.subject[1] for m in ex.mentions)
        if not named and len(words.split()) <= 4:
            unnamed = Mark(*parse.subject, words, parse.agent)
    return Anchor((s.start, s.end), (c0, c1), insert, claim.action, parse.predicate, times,
                  counts, places, actor, speaker, unnamed)  # fmt: skip


def _insert_point(sent: str, c0: int, c1: int, parse: _Parse) -> int | None:
    """The end of the claim's own clause, where an adjunct attaches to its predicate; None when
    the claim (as extract cut it) ends inside a phrase, where any insertion would break it."""
    end = parse.clause_end if parse.predicate and c0 < parse.clause_end <= c1 + 2 else c1
    while True:
        trimmed = _TRAILING.sub("", sent[c0:end])
        if len(trimmed) == end - c0:
            break
        end = c0 + len(trimmed)
    after = sent[end:].lstrip()
    if end == parse.clause_end or not after or after[0] in ".,;:!?)—–":
        return end
    return None


def _numeral(text: str, start: int, end: int, s0: int, counts: str) -> Mark | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text[start:end])
    if not m:
        return None
    return Mark(start + m.start() - s0, start + m.end() - s0, m.group(), counts)


@dataclass(frozen=True)
class _Parse:
    predicate: Mark | None  # the token a negation goes on (a finite auxiliary, else the verb)
    subject: tuple[int, int] | None  # the predicate's subject, sentence offsets
    clause_end: int  # end of the predicate's own clause (objects, adjuncts; no conjuncts)
    #: who the subject is when it does the act (an active subject of an eventive predicate) and
    #: a name of that kind can stand for it: "person" ("he", "the driver"), "org" ("the
    #: company"); "" for anything else ("the cause was ...", "the building collapsed", "the
    #: patients were taken", "lawmakers have lost their seats")
    agent: str = ""
    passive: bool = False


_FINITE_AUX = frozenset(
    ["be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must"]
)
_CLAUSE_STOP = frozenset(["conj", "cc", "advcl", "ccomp", "parataxis", "punct", "mark"])


def _parse(sent: str, c0: int, c1: int, action: str) -> _Parse:
    """The claim's predicate in the parsed sentence, its subject and the end of its clause."""
    from newsprism.extract import get_nlp

    lemma = action.split()[0] if action else ""
    for t in get_nlp()(sent) if lemma else ():
        if t.lemma_ != lemma or t.pos_ not in ("VERB", "AUX") or not c0 <= t.idx < c1:
            continue
        subject, agent, passive = None, "", False
        for ch in t.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                sub = list(ch.subtree)
                subject = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
                passive = ch.dep_ == "nsubjpass"
                if not passive and t.lemma_ != "be":
                    agent = _agent_kind(ch)
        end = t.idx + len(t.text)
        for ch in t.rights:
            if ch.dep_ in _CLAUSE_STOP:
                break
            last = list(ch.subtree)[-1]
            end = max(end, last.idx + len(last.text))
        if any(c.dep_ == "neg" for c in t.children):
            neg = Mark(t.idx, t.idx + len(t.text), t.text, "NEG")
            return _Parse(neg, subject, end, agent, passive)
        aux = [
            c
            for c in t.children
            if c.dep_ in ("aux", "auxpass")
            and c.i < t.i
            and c.lemma_ in _FINITE_AUX
            and c.tag_ != "VBG"
        ]
        if aux:
            a = aux[0]
            aux_mark = Mark(a.idx, a.idx + len(a.text), a.text, "AUX")
            return _Parse(aux_mark, subject, end, agent, passive)
        mark = Mark(t.idx, t.idx + len(t.text), t.text, f"{t.pos_}:{t.tag_}:{t.lemma_}")
        return _Parse(mark, subject, end, agent, passive)
    return _Parse(None, None, c1)


#: singular common nouns for someone who acts, by the kind of name that can replace them
_AGENT_NOUNS = {
    "person": frozenset(
        ["man", "woman", "boy", "girl", "suspect", "driver", "gunman", "officer", "player",
         "coach", "teenager", "pilot", "lawyer", "spokesman", "spokeswoman", "leader", "chief",
         "judge", "candidate", "actor", "actress", "singer", "star", "doctor", "worker",
         "president", "minister", "official", "director", "manager", "founder", "father",
         "mother", "husband", "wife", "son", "daughter", "resident", "witness", "captain"]
    ),
    "org": frozenset(
        ["company", "firm", "group", "organisation", "organization", "agency", "government",
         "ministry", "department", "team", "club", "party", "charity", "council", "union",
         "authority", "airline", "carmaker", "manufacturer", "maker", "bank", "network",
         "court", "army", "military", "navy", "committee", "board", "commission", "studio",
         "administration", "coalition", "league", "federation", "retailer", "broadcaster",
         "newspaper", "publisher", "developer", "giant", "startup", "police"]
    ),
}  # fmt: skip


def _agent_kind(subject: Any) -> str:
    """ "person" or "org" for a subject that names an agent a name of that kind can replace
    ("he", "the company"); "" for things, plurals and anything else."""
    low = subject.lower_
    if low in ("he", "she"):
        return "person"
    if subject.pos_ != "NOUN" or (subject.tag_ != "NN" and low != "police"):
        return ""
    return next((k for k, nouns in _AGENT_NOUNS.items() if low in nouns), "")


# --- edits -------------------------------------------------------------------------------------


def _edit(sentence: str, *changes: tuple[int, int, str]) -> str:
    out = sentence
    for start, end, new in sorted(changes, key=lambda c: -c[0]):
        out = out[:start] + new + out[end:]
    return out


def _at_end(sentence: str, tail: str) -> str:
    s = sentence.rstrip()
    end = ""
    while s and s[-1] in ".!?":
        end = s[-1] + end
        s = s[:-1]
    return f"{s}{tail}{end or '.'}"


def _same_name(x: Mark, y: Mark) -> bool:
    """Both actors name one entity ("John Jenkin" / "Jenkin")."""
    return x.text.split()[-1].lower() == y.text.split()[-1].lower()


def _subject_kind(x: Mark, y: Mark) -> str | None:
    """What kind of name can replace both subjects: both must be agents of one kind (see
    _Parse.agent): "he" / "the driver" take a person's name, "the company" an organisation's;
    a thing, a plural or a passive subject takes none (no name swap there is a dispute of who
    did it)."""
    return x.kind if x.kind and x.kind == y.kind else None


def _prefix(sentence: str, lead: str) -> str:
    first, _, rest = sentence.partition(" ")
    if first in _LOWER_FIRST:
        first = first.lower()
    return f"{lead}{first} {rest}" if rest else f"{lead}{first}"


def _negate(sentence: str, pred: Mark | None) -> str | None:
    """The sentence with the claim's own predicate negated ("approved" -> "did not approve")."""
    if pred is None or pred.kind == "NEG":
        return None
    if pred.kind == "AUX" or pred.kind.startswith("AUX:"):
        return _edit(sentence, (pred.end, pred.end, " not"))
    _, tag, lemma = pred.kind.split(":", 2)
    word = {"VBD": "did not", "VBZ": "does not", "VBP": "do not"}.get(tag)
    if word is None or not lemma.isalpha() or not pred.text.lower().startswith(lemma[:3]):
        return None  # an irregular or misparsed verb: no safe negation
    return _edit(sentence, (pred.start, pred.end, f"{word} {lemma}"))


def _synonym(sentence: str) -> str | None:
    for word, syn in _SYNONYMS.items():
        m = re.search(rf"\b{word}\b", sentence)
        if m:
            return sentence[: m.start()] + syn + sentence[m.end() :]
    return None


def _reorder(sentence: str) -> str | None:
    """Move a trailing ", X said." to the front, or a leading clause to the back."""
    m = re.match(
        r"^(.*\S),\s+((?:the\s+)?[\w .'-]{2,40}?\s+(?:said|says|reported|added))\.?$", sentence
    )
    if m:
        body = m.group(1).strip('“”" ')
        return f"{m.group(2)[0].upper()}{m.group(2)[1:]} that {body[0].lower()}{body[1:]}."
    m = re.match(r"^((?:On|In|After|Before|Earlier|Later)\b[^,]{2,60}),\s+(.+?)([.!?])?$", sentence)
    if m:
        rest = m.group(2)
        lead = m.group(1)
        return f"{rest[0].upper()}{rest[1:]} {lead[0].lower()}{lead[1:]}."
    return None


_OTHER = {"person": _PEOPLE, "country": _COUNTRIES, "org": _ORGS, "group": _ORGS}
_TIME_WORDS = ("yesterday", "today", "tonight", "last night", "this morning")


def _other_time(t: Mark, rng: random.Random) -> str:
    """Another time of the same shape as ``t`` (a different weekday, day of month, year)."""
    low = t.text.lower()
    for w in _WEEKDAYS:
        if w.lower() in low:
            return re.sub(w, rng.choice([d for d in _WEEKDAYS if d != w]), t.text, flags=re.I)
    m = re.search(r"\b(\d{1,2})\b", t.text)
    if m and any(mo.lower() in low for mo in _MONTHS):
        day = int(m.group(1))
        new = day + rng.choice((2, 3, 5)) if day < 20 else day - rng.choice((2, 3, 5))
        return t.text[: m.start()] + str(new) + t.text[m.end() :]
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", t.text)
    if m:
        return t.text[: m.start()] + str(int(m.group(1)) - rng.choice((2, 3))) + t.text[m.end() :]
    if low in _TIME_WORDS or t.kind:
        return "on " + rng.choice(("Monday", "Friday", "Saturday"))
    return ""


def _other_count(n: str, rng: random.Random) -> str:
    value = float(n.replace(",", ""))
    new = value + rng.choice((2, 3, 4)) if value < 10 else round(value * rng.choice((1.5, 0.6, 2)))
    return f"{int(new):,}" if "," in n or new >= 10000 else str(int(new))


def _pick(rng: random.Random, pool: Sequence[str], avoid: str, k: int = 1) -> list[str]:
    choices = [p for p in pool if p.lower() not in avoid.lower()]
    return rng.sample(choices, k)


def variants(a_text: str, b_text: str, a: Anchor, b: Anchor, rng: random.Random) -> list[Variant]:
    """Contradiction and control variants of one aligned claim pair, each edit inside the claims'
    own clauses (see the module doc): a date, number, place, actor, polarity, attribution and
    quote edit where the claims allow one, then the meaning-preserving ones, in that order (the
    order the random choices are drawn in)."""
    pair = _Pair(a_text, b_text, a, b, rng)
    for edits in (_date_edits, _number_edits, _place_edits, _actor_edits, _polarity_edits,
                  _attribution_edits, _quote_edits, _harmless_edits):  # fmt: skip
        edits(pair)
    return pair.out


@dataclass
class _Pair:
    """One aligned claim pair being edited, and the variants made of it so far."""

    a_text: str
    b_text: str
    a: Anchor
    b: Anchor
    rng: random.Random
    out: list[Variant] = field(default_factory=list)

    def __post_init__(self) -> None:
        a, b = self.a, self.b
        self.sa = self.a_text[a.sent[0] : a.sent[1]]
        self.sb = self.b_text[b.sent[0] : b.sent[1]]
        self.both = self.a_text + self.b_text
        #: both claims have a place for an adjunct ("on Monday", "in Oslo")
        self.clause = a.insert is not None and b.insert is not None

    def put(
        self, kind: str, new_a: str, new_b: str, mode: str, tail_a: str = "", tail_b: str = ""
    ) -> None:
        """Record a variant: the two sentences replaced by ``new_a`` and ``new_b`` (+ tails)."""
        a, b = self.a, self.b
        ta = self.a_text[: a.sent[0]] + new_a + tail_a + self.a_text[a.sent[1] :]
        tb = self.b_text[: b.sent[0]] + new_b + tail_b + self.b_text[b.sent[1] :]
        b_end, a_end = b.sent[0] + len(new_b + tail_b), a.sent[0] + len(new_a + tail_a)
        self.out.append(Variant(kind, ta, tb, b.sent[0], b_end, mode, a.sent[0], a_end))

    def adjuncts(self, phrase_a: str, phrase_b: str) -> tuple[str, str]:
        """Both sentences with an adjunct added to each claim's clause."""
        assert self.a.insert is not None and self.b.insert is not None
        return (
            _edit(self.sa, (self.a.insert, self.a.insert, phrase_a)),
            _edit(self.sb, (self.b.insert, self.b.insert, phrase_b)),
        )


def _date_edits(p: _Pair) -> None:
    a, b, rng = p.a, p.b, p.rng
    d1, d2 = rng.sample(_WEEKDAYS[:2] + _WEEKDAYS[3:], 2)
    month, day = rng.choice(_MONTHS[:5]), rng.randint(3, 20)
    if rng.random() < 0.4:
        d1, d2 = f"{month} {day}", f"{month} {day + rng.choice((1, 2, 4))}"
    if a.times and b.times:
        new = _other_time(b.times[0], rng)
        if new:
            bt = b.times[0]
            p.put("date", p.sa, _edit(p.sb, (bt.start, bt.end, new)), "slot")
    elif not a.times and not b.times and p.clause:
        p.put("date", *p.adjuncts(f" on {d1}", f" on {d2}"), "adjunct")
        p.put("same_slot", *p.adjuncts(f" on {d1}", f" on {d1}"), "date")
        p.put("compatible", *p.adjuncts(f" on {month} {day}", f" in {month}"), "date")


def _number_edits(p: _Pair) -> None:
    a, b, rng = p.a, p.b, p.rng
    if a.counts and b.counts and a.counts[0].text == b.counts[0].text:
        bc = b.counts[0]
        p.put("number", p.sa, _edit(p.sb, (bc.start, bc.end, _other_count(bc.text, rng))), "slot")
    elif not a.counts and not b.counts and p.clause:
        pattern = rng.choice(_COUNTED)
        n1 = rng.choice((12, 40, 65, 120, 300))
        n2 = round(n1 * rng.choice((1.5, 0.6, 2)))
        p.put("number", *p.adjuncts(pattern.format(n=n1), pattern.format(n=n2)), "adjunct")
        p.put("same_slot", *p.adjuncts(pattern.format(n=n1), pattern.format(n=n1)), "number")
        p.put("compatible", *p.adjuncts(pattern.format(n=n1),
              pattern.format(n=f"more than {n1 - 2}")), "number")  # fmt: skip


def _place_edits(p: _Pair) -> None:
    a, b, rng = p.a, p.b, p.rng
    if len(a.places) == 1 and len(b.places) == 1:  # one place each: changing it disputes it
        bp = b.places[0]
        pool = _COUNTRIES if bp.kind == "country" else _CITIES
        p.put("place", p.sa, _edit(p.sb, (bp.start, bp.end, _pick(rng, pool, p.both)[0])), "slot")
    elif not a.places and not b.places and p.clause:
        p1, p2 = _pick(rng, _CITIES, p.both, 2)
        p.put("place", *p.adjuncts(f" in {p1}", f" in {p2}"), "adjunct")
        p.put("same_slot", *p.adjuncts(f" in {p1}", f" in {p1}"), "place")


def _actor_edits(p: _Pair) -> None:
    """The actor and the entity set: who did it."""
    a, b, rng, sa, sb, both = p.a, p.b, p.rng, p.sa, p.sb, p.both
    if a.actor and b.actor and b.actor.kind in _OTHER and _same_name(a.actor, b.actor):
        other = _pick(rng, _OTHER[b.actor.kind], both)[0]
        ba = b.actor
        p.put("actor", sa, _edit(sb, (ba.start, ba.end, other)), "slot")
        x, y = _pick(rng, _OTHER[b.actor.kind], both + other, 2)
        p.put("entity_set", _edit(sa, (a.actor.end, a.actor.end, f" and {x}")),
              _edit(sb, (ba.end, ba.end, f" and {y}")), "slot")  # fmt: skip
    elif a.subject and b.subject and (kind := _subject_kind(a.subject, b.subject)):
        # an unnamed subject ("he", "the company") named by both, differently
        who, whom, also_a, also_b = _pick(rng, _OTHER[kind], both, 4)
        sa_, sb_ = a.subject, b.subject
        p.put("actor", _edit(sa, (sa_.start, sa_.end, who)),
              _edit(sb, (sb_.start, sb_.end, whom)), "named")  # fmt: skip
        p.put("entity_set", _edit(sa, (sa_.start, sa_.end, f"{who} and {also_a}")),
              _edit(sb, (sb_.start, sb_.end, f"{who} and {also_b}")), "named")  # fmt: skip
        p.put("same_slot", _edit(sa, (sa_.start, sa_.end, who)),
              _edit(sb, (sb_.start, sb_.end, who)), "actor")  # fmt: skip


def _polarity_edits(p: _Pair) -> None:
    negated = _negate(p.sb, p.b.predicate)
    if negated:
        p.put("polarity", p.sa, negated, "slot")


def _attribution_edits(p: _Pair) -> None:
    """Who said it: the speaker of both claims, else the source of the whole sentence."""
    a, b, rng, sa, sb = p.a, p.b, p.rng, p.sa, p.sb
    if a.speaker and b.speaker and a.speaker.kind == b.speaker.kind and a.speaker.kind in _OTHER:
        bs = b.speaker
        other = _pick(rng, _OTHER[bs.kind], p.both)[0]
        p.put("attribution", sa, _edit(sb, (bs.start, bs.end, other)), "slot")
    else:
        # the source of the whole sentence, as reports give it: "..., according to X."
        s1, s2 = _pick(rng, rng.choice(_SOURCES), p.both, 2)
        p.put("attribution", _at_end(sa, f", according to {s1}"),
              _at_end(sb, f", according to {s2}"), "sentence")  # fmt: skip
        p.put("same_slot", _at_end(sa, f", according to {s1}"),
              _at_end(sb, f", according to {s1}"), "attribution")  # fmt: skip


def _quote_edits(p: _Pair) -> None:
    """The quote's wording: the same speaker's quote, words altered on one side."""
    speaker, quote, altered = p.rng.choice(_QUOTES)
    said = f' "{quote}," {speaker} said.'
    p.put("quote", p.sa, p.sb, "appended", said, f' "{altered}," {speaker} said.')
    p.put("same_slot", p.sa, p.sb, "quote", said, said)
    excerpt = " ".join(quote.split()[-6:])
    p.put("compatible", p.sa, p.sb, "quote", said, f' {speaker} said "{excerpt}".')


def _harmless_edits(p: _Pair) -> None:
    """Meaning-preserving edits: a paraphrased lead, a reordering, a synonym."""
    lead = p.rng.choice(("It was reported that ", "Reports said that ", "It emerged that "))
    for name, edit in (("paraphrase", lambda s: _prefix(s, lead)),
                       ("reorder", _reorder), ("synonym", _synonym)):  # fmt: skip
        edited = edit(p.sb)
        if edited and edited != p.sb:
            p.put(name, p.sa, edited, "")


# --- running -----------------------------------------------------------------------------------


def _flagged(c: Comparison, b_start: int, b_end: int) -> set[str]:
    """Types of high-confidence contradictions touching [b_start, b_end) of the second source."""
    out: set[str] = set()
    for x in c.contradictions:
        if not x.high:
            continue
        if any(e.source == "S2" and e.start < b_end and b_start < e.end for e in x.evidence):
            out.add(x.type)
    return out


# --- injection sites, chosen without the comparison ---------------------------------------------

#: a sentence pair is one fact to contradict when its MiniLM cosine (computed here, on the two
#: sentences alone) and its share of content words are both at least this
SITE_COSINE = 0.65
SITE_OVERLAP = 0.1
_STOP = frozenset(
    ["the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
     "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
     "it", "its", "he", "she", "they", "his", "her", "their", "said", "says", "will", "would",
     "not", "who", "which", "after"]
)  # fmt: skip


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _overlap(x: str, y: str) -> float:
    wx, wy = _content(x), _content(y)
    return len(wx & wy) / max(len(wx | wy), 1)


def _sites(
    a: Article,
    b: Article,
    exs: Sequence[Extraction],
    embedder: Any,
    rng: random.Random,
    limit: int,
) -> list[tuple[Anchor, Anchor]]:
    """Up to ``limit`` claim pairs, one per sentence, on sentence pairs of the two articles that
    state one fact: MiniLM cosine >= SITE_COSINE and content-word overlap >= SITE_OVERLAP,
    computed here on the sentences alone; drawn at random (``rng``) among all such pairs. The
    claim to edit in each sentence is extract's, on that article alone: the claims of the two
    sentences with the same predicate and the most words in common. Nothing of the comparison
    (its alignment, its findings) is used."""
    from newsprism.embed.base import l2_normalize

    def usable(ex: Extraction, text: str) -> list[Any]:
        return [
            s
            for s in ex.sentences
            if _plain(text[s.start : s.end])
            and not _quoted(ex, s)
            and any(c.sentence == s.index for c in ex.claims)
        ]

    sa, sb = usable(exs[0], a.text), usable(exs[1], b.text)
    if not sa or not sb:
        return []
    ta = [a.text[s.start : s.end] for s in sa]
    tb = [b.text[s.start : s.end] for s in sb]
    va = l2_normalize(embedder.encode(ta))
    vb = l2_normalize(embedder.encode(tb))
    cos = va @ vb.T
    pairs = [
        (i, j)
        for i in range(len(sa))
        for j in range(len(sb))
        if cos[i, j] >= SITE_COSINE and _overlap(ta[i], tb[j]) >= SITE_OVERLAP
    ]
    rng.shuffle(pairs)
    out: list[tuple[Anchor, Anchor]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, j in pairs:
        if len(out) >= limit:
            break
        if i in used_a or j in used_b:
            continue
        pair = _claim_pair(exs, sa[i].index, sb[j].index)
        if pair is None:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((anchor(exs[0], a.text, pair[0]), anchor(exs[1], b.text, pair[1])))
    return out


def _claim_pair(exs: Sequence[Extraction], sent_a: int, sent_b: int) -> tuple[Claim, Claim] | None:
    """The claims of the two sentences that say the most alike: the same predicate lemma first,
    then the most words in common; None when no two share a predicate or half their words."""
    best: tuple[float, Claim, Claim] | None = None
    for ca in (c for c in exs[0].claims if c.sentence == sent_a):
        for cb in (c for c in exs[1].claims if c.sentence == sent_b):
            same = bool(ca.action and cb.action) and ca.action.split()[0] == cb.action.split()[0]
            wa, wb = set(_WORD.findall(ca.text.lower())), set(_WORD.findall(cb.text.lower()))
            overlap = len(wa & wb) / max(len(wa | wb), 1)
            if not same and overlap < 0.5:
                continue
            score = overlap + same
            if best is None or score > best[0]:
                best = (score, ca, cb)
    return (best[1], best[2]) if best else None


# --- what is new in an edited comparison ------------------------------------------------------


#: a finding as (type, the sentences of each source its evidence touches), in the unedited texts
Key = tuple[str, frozenset[tuple[str, int]]]


def _key(x: Any, exs: Sequence[Extraction], edits: dict[str, tuple[int, int, int]]) -> Key:
    """The finding's type and the sentences (of the unedited articles) its evidence touches.
    ``edits`` maps a source to (start, old end, new end) of its edited stretch: offsets after it
    shift back; a span inside it stands for the whole edited sentence."""
    where: set[tuple[str, int]] = set()
    for e in x.evidence:
        start, end = e.start, e.end
        if e.source in edits:
            s0, old_end, new_end = edits[e.source]
            if start >= new_end:  # after the edit: shift back
                start, end = start - (new_end - old_end), end - (new_end - old_end)
            elif end > s0:  # in the edit: the whole edited sentence (and what else it spans)
                start, end = min(start, s0), old_end if end <= new_end else end - new_end + old_end
        for s in exs[int(e.source[1:]) - 1].sentences:
            if s.start < max(end, start + 1) and start < s.end:
                where.add((e.source, s.index))
    return (x.type, frozenset(where))


def _touches(x: Any, source: str, start: int, end: int) -> bool:
    return any(e.source == source and e.start < end and start < e.end for e in x.evidence)


def _finding_row(x: Any) -> str:
    return " | ".join(f"{e.source}: {e.text[:80]}" for e in x.evidence)


def _plain(sentence: str) -> bool:
    """A sentence an edit can go into: long enough, one line, no quotation (an edit inside a
    quote alters the quote, which is another type of contradiction)."""
    marks = ('"', "“", "”", "''", "``", "‘", "’ ")
    return (
        len(sentence) >= 30
        and "\n" not in sentence.strip()
        and not any(m in sentence for m in marks)
    )


def _quoted(ex: Extraction, sent: Any) -> bool:
    """A sentence inside a direct quote that opens or closes in another sentence: an edit there
    alters the quote too (its marks are not in the sentence, so _plain cannot see them)."""
    return any(q.direct and q.start < sent.end and sent.start < q.end for q in ex.quotes)


_WORD = re.compile(r"\w+")
_TRAILING = re.compile(r"(?:[\s.!?,;:\-—–]+|\s+(?:and|or|but|while|as)\s*)$", re.IGNORECASE)


def evaluate_contradictions(
    *,
    ecbplus: Path | str | None = None,
    semeval: Path | str | None = None,
    seed: int = 0,
    pairs: int = 24,
    per_pair: int = 3,
    details: bool = False,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Precision and recall per contradiction type on injected contradictions (see module doc).

    Up to ``per_pair`` sentence pairs of each article pair take injections (``_sites``: chosen
    without the comparison). Every variant is compared and set against the comparison of the
    unedited pair: an injection is found when a high-confidence contradiction of its type touches
    the edited sentence; every other high-confidence finding that the unedited pair does not have
    (anywhere in either article, for contradictions and controls alike) is a false alarm. The
    unedited pair's own high-confidence findings are reported apart (``baseline``). ``details``
    adds every miss, every false alarm and every baseline finding.
    """
    t0 = time.perf_counter()
    data = load_pairs(
        ecbplus=Path(ecbplus) if ecbplus else None,
        semeval=Path(semeval) if semeval else None,
        n=pairs,
        seed=seed,
    )
    embedder = CachedEmbedder(get_embedder(), MemoryCache())
    cache: dict[str, Extraction] = {}

    def extract_cached(art: Article) -> Extraction:
        if art.text not in cache:
            cache[art.text] = extract(art)
        return cache[art.text]

    tally = _Tally(details=details)
    for name, text_a, text_b in data:
        a, b = _article(text_a, name + "#a"), _article(text_b, name + "#b")
        exs = [extract_cached(a), extract_cached(b)]
        base = compare_articles([a, b], embedder=embedder, extractions=exs)
        base_high = [x for x in base.contradictions if x.high]
        base_keys = {_key(x, exs, {}) for x in base_high}
        tally.baseline(name, base_high)
        # each pair draws from its own generator: a pair that gains or loses a site with the
        # extraction leaves every other pair's edits as they were
        rng = random.Random(f"{seed}:{name}")
        sites = _sites(a, b, exs, embedder, rng, per_pair)
        if not sites:
            continue
        tally.used += 1
        for anc_a, anc_b in sites:
            tally.anchors += 1
            for v in variants(a.text, b.text, anc_a, anc_b, rng):
                va, vb = _article(v.a_text, name + "#a'"), _article(v.b_text, name + "#b'")
                c = compare_articles(
                    [va, vb],
                    embedder=embedder,
                    extractions=[extract_cached(va), extract_cached(vb)],
                )
                edits = {
                    "S1": (anc_a.sent[0], anc_a.sent[1], v.a_end),
                    "S2": (anc_b.sent[0], anc_b.sent[1], v.b_end),
                }
                new = [
                    x for x in c.contradictions if x.high and _key(x, exs, edits) not in base_keys
                ]
                tally.variant(name, v, new)
        if progress:
            progress(f"{tally.used} pairs, {tally.found}/{tally.injected} found")
    return tally.summary(
        pairs_read=len(data), seed=seed, seconds=round(time.perf_counter() - t0, 1)
    )


@dataclass
class _Tally:
    """What the benchmark has counted so far: injections found and missed, false alarms (at the
    edit or elsewhere), controls flagged, and the unedited pairs' own findings."""

    details: bool
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    positives: Counter[str] = field(default_factory=Counter)
    by_mode: Counter[str] = field(default_factory=Counter)
    controls: Counter[str] = field(default_factory=Counter)
    control_flagged: Counter[str] = field(default_factory=Counter)
    base_types: Counter[str] = field(default_factory=Counter)
    new_at_edit: int = 0
    new_elsewhere: int = 0
    base_pairs: int = 0
    used: int = 0
    anchors: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)
    baseline_rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(self.tp.values())

    @property
    def injected(self) -> int:
        return sum(self.positives.values())

    def baseline(self, name: str, base_high: list[Any]) -> None:
        """The unedited pair's own high-confidence findings."""
        self.base_types.update(x.type for x in base_high)
        self.base_pairs += bool(base_high)
        if self.details:
            self.baseline_rows += [
                {"pair": name, "kind": "-", "mode": "baseline", "flagged": [x.type],
                 "b": _finding_row(x)}
                for x in base_high
            ]  # fmt: skip

    def variant(self, name: str, v: Variant, new: list[Any]) -> None:
        """A variant's new high-confidence findings: the injected one found (or missed), every
        other one a false alarm, wherever it is."""
        at_edit = [x for x in new if _touches(x, "S2", v.b_start, v.b_end)]
        flagged = {x.type for x in at_edit}
        injected = v.kind in CONTRADICTION_TYPES
        row = {"pair": name, "kind": v.kind, "mode": v.mode, "flagged": sorted(flagged),
               "b": v.b_text[v.b_start : v.b_end]}  # fmt: skip
        if injected:
            self.positives[v.kind] += 1
            self.by_mode[f"{v.kind}/{v.mode}"] += 1
            if v.kind in flagged:
                self.tp[v.kind] += 1
            elif self.details:
                self.misses.append(row)
        else:
            self.controls[v.kind] += 1
            if flagged:
                self.control_flagged[v.kind] += 1
        for x in new:
            if injected and x.type == v.kind and x in at_edit:
                continue
            self._false_alarm(x, at_edit=x in at_edit, row=row)

    def _false_alarm(self, x: Any, *, at_edit: bool, row: dict[str, Any]) -> None:
        self.fp[x.type] += 1
        if at_edit:
            self.new_at_edit += 1
        else:
            self.new_elsewhere += 1
        if self.details:
            where = "edit" if at_edit else "elsewhere"
            self.alarms.append({**row, "flagged": [x.type], "mode": f"{row['mode']} ({where})",
                                "b": _finding_row(x)})  # fmt: skip

    def summary(self, *, pairs_read: int, seed: int, seconds: float) -> dict[str, Any]:
        tp, fp, positives = self.tp, self.fp, self.positives
        per_type = {
            t: {
                "injected": positives[t],
                "found": tp[t],
                "false_alarms": fp[t],
                "precision": _ratio(tp[t], tp[t] + fp[t]),
                "recall": _ratio(tp[t], positives[t]),
            }
            for t in CONTRADICTION_TYPES
        }
        total_tp, total_fp, total_pos = self.found, sum(fp.values()), self.injected
        n_base = sum(self.base_types.values())
        result: dict[str, Any] = {
            "pairs": self.used,
            "pairs_read": pairs_read,
            "anchors": self.anchors,
            "seed": seed,
            "overall": {
                "precision": _ratio(total_tp, total_tp + total_fp),
                "recall": _ratio(total_tp, total_pos),
                "injected": total_pos,
                "found": total_tp,
                "false_alarms": total_fp,
                "false_alarms_at_edit": self.new_at_edit,
                "false_alarms_elsewhere": self.new_elsewhere,
            },
            "types": per_type,
            "modes": dict(sorted(self.by_mode.items())),
            "controls": {
                k: {"variants": self.controls[k], "flagged": self.control_flagged[k]}
                for k in CONTROLS
            },
            # the unedited pairs' own high-confidence findings: reports of one story, so (unless
            # the outlets really disagree) false alarms a user sees on real pairs
            "baseline": {
                "pairs": pairs_read,
                "high_findings": n_base,
                "per_pair": round(n_base / pairs_read, 2) if pairs_read else 0.0,
                "pairs_with_findings": self.base_pairs,
                "types": {t: self.base_types[t] for t in CONTRADICTION_TYPES if self.base_types[t]},
            },
            "seconds": seconds,
        }
        if self.details:
            result["misses"] = self.misses
            result["false_alarms"] = self.alarms
            result["baseline_findings"] = self.baseline_rows
        return result


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0

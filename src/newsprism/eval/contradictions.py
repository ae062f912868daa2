"""Contradiction benchmark: known contradictions injected into real pairs of reports of one event.

Pairs: two different ECB+ dev documents of the same event, and English SemEval-2022 task 8 dev
pairs rated Overall <= 1.5 (the same story). For each pair we compare the two articles, pick a claim
of the second that the comparison aligned with a claim of the first and that carries no finding
yet, and make variants of the pair:

* one per contradiction type, injecting a known contradiction into that claim (or into both
  aligned sentences, when the type needs a slot both must fill: a date, a count, a place, a list,
  a source, a quote) -- these must be flagged with that type;
* meaning-preserving edits of the claim's sentence (a paraphrase of the reporting frame, a
  reordering, a synonym) and same-value slot fillings -- these must not be flagged.

A variant is flagged when the comparison reports a high-confidence contradiction whose evidence
touches the edited sentence of the second article. Precision and recall are per type and overall.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.compare import CONTRADICTION_TYPES, Comparison, compare_articles
from newsprism.embed import CachedEmbedder, MemoryCache, get_embedder
from newsprism.errors import InputNotFound
from newsprism.extract import Extraction, extract
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash

PUBLISHED = "2020-06-10"  # a Wednesday: weekday names resolve to distinct days
#: Only facts whose claims match at least this well take injected contradictions.
MIN_COHESION = 0.72
CONTROLS = ("paraphrase", "reorder", "synonym", "same_slot")

_SYNONYMS = {
    "said": "stated", "says": "states", "began": "started", "start": "begin", "big": "large",
    "large": "big", "people": "persons", "killed": "slain", "help": "assist", "helped": "assisted",
    "buy": "purchase", "bought": "purchased", "shows": "indicates", "showed": "indicated",
    "announced": "declared", "told": "informed", "near": "close to", "about": "around",
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
        "Police",
        "Officials",
    ]
)


@dataclass(frozen=True)
class Variant:
    kind: str  # a contradiction type, or a control name
    a_text: str
    b_text: str
    #: the edited sentence of the second article, as offsets into b_text
    b_start: int
    b_end: int


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


# --- edits -------------------------------------------------------------------------------------


def _prefix(sentence: str, lead: str) -> str:
    first, _, rest = sentence.partition(" ")
    if first in _LOWER_FIRST:
        first = first.lower()
    return f"{lead}{first} {rest}" if rest else f"{lead}{first}"


def _suffix(sentence: str, tail: str) -> str:
    s = sentence.rstrip()
    end = ""
    while s and s[-1] in ".!?\"'”’":
        end = s[-1] + end
        s = s[:-1]
    return f"{s}{tail}{end or '.'}"


def _negate(sentence: str, action: str) -> str | None:
    """The sentence with its predicate negated ("approved" -> "did not approve")."""
    from newsprism.extract import get_nlp

    lemma = action.split()[0] if action else ""
    doc = get_nlp()(sentence)
    for t in doc:
        if t.lemma_ != lemma or t.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in t.children):
            return None
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i]
        if aux:
            i = aux[0].idx + len(aux[0].text)
            return sentence[:i] + " not" + sentence[i:]
        if t.pos_ == "AUX":
            i = t.idx + len(t.text)
            return sentence[:i] + " not" + sentence[i:]
        word = {"VBD": "did not", "VBZ": "does not", "VBP": "do not"}.get(t.tag_)
        if word is None:
            return None
        return sentence[: t.idx] + f"{word} {t.lemma_}" + sentence[t.idx + len(t.text) :]
    return None


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


def _actor_mention(
    ex: Extraction, claim_actors: tuple[str, ...], sentence: tuple[int, int]
) -> str | None:
    for m in ex.mentions:
        if m.entity_key in claim_actors and sentence[0] <= m.start and m.end <= sentence[1]:
            return m.text
    return None


_OTHER = {
    "person": "Daniel Okafor",
    "country": "Portugal",
    "org": "Greenpeace",
    "group": "Greenpeace",
}


def variants(a_text: str, b_text: str, a_sent: tuple[int, int], b_sent: tuple[int, int],
             a_info: dict[str, Any], b_info: dict[str, Any]) -> list[Variant]:  # fmt: skip
    """Contradiction and control variants of one aligned sentence pair."""
    sa, sb = a_text[a_sent[0] : a_sent[1]], b_text[b_sent[0] : b_sent[1]]
    out: list[Variant] = []

    def put(kind: str, new_a: str, new_b: str) -> None:
        ta = a_text[: a_sent[0]] + new_a + a_text[a_sent[1] :]
        tb = b_text[: b_sent[0]] + new_b + b_text[b_sent[1] :]
        out.append(Variant(kind, ta, tb, b_sent[0], b_sent[0] + len(new_b)))

    put("date", _prefix(sa, "On Monday, "), _prefix(sb, "On Thursday, "))
    put("same_slot", _prefix(sa, "On Monday, "), _prefix(sb, "On Monday, "))
    put(
        "number",
        _suffix(sa, ", and 40 people were injured"),
        _suffix(sb, ", and 75 people were injured"),
    )
    put("place", _prefix(sa, "In Lisbon, "), _prefix(sb, "In Oslo, "))
    put(
        "attribution",
        _suffix(sa, ", according to the Interior Ministry"),
        _suffix(sb, ", according to the Red Cross"),
    )
    quote_a = ' "We will not abandon the families of this town," Mayor Ana Ruiz said.'
    quote_b = ' "We will never abandon the families of our town," Mayor Ana Ruiz said.'
    put("quote", sa + quote_a, sb + quote_b)
    actor_a, actor_b, kind = a_info.get("actor"), b_info.get("actor"), a_info.get("actor_kind", "")
    if actor_a and actor_b and kind in _OTHER:
        other = _OTHER[kind]
        put("actor", sa, sb.replace(actor_b, other, 1))
        put("entity_set", sa.replace(actor_a, f"{actor_a} and France", 1),
            sb.replace(actor_b, f"{actor_b} and Norway", 1))  # fmt: skip
    negated = _negate(sb, b_info.get("action", ""))
    if negated:
        put("polarity", sa, negated)
    for name, edit in (("paraphrase", lambda s: _prefix(s, "It was reported that ")),
                       ("reorder", _reorder), ("synonym", _synonym)):  # fmt: skip
        new = edit(sb)
        if new and new != sb:
            put(name, sa, new)
    return out


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


def _candidate(
    c: Comparison, a: Article, b: Article, exs: Sequence[Extraction]
) -> tuple[Any, ...] | None:
    """An aligned claim pair (sentence spans, slot info) on which the clean pair has no finding."""
    touched = {(e.source, e.start) for x in c.contradictions for e in x.evidence}
    # the tightest aligned pair: a loose alignment is not "the same claim" to contradict
    for f in sorted(c.agreements, key=lambda f: -f.cohesion):
        if f.contradictions or f.cohesion < MIN_COHESION:
            continue
        sa = [s for s in f.claims if s.source == "S1"]
        sb = [s for s in f.claims if s.source == "S2"]
        if not sa or not sb or any((s.source, s.start) in touched for s in f.claims):
            continue
        ca, cb = _claim_at(exs[0], sa[0].start), _claim_at(exs[1], sb[0].start)
        if ca is None or cb is None:
            continue
        sent_a, sent_b = exs[0].sentences[ca.sentence], exs[1].sentences[cb.sentence]
        if sent_a.end - sent_a.start < 30 or sent_b.end - sent_b.start < 30:
            continue
        info_a = _info(exs[0], ca, (sent_a.start, sent_a.end))
        info_b = _info(exs[1], cb, (sent_b.start, sent_b.end))
        return (sent_a.start, sent_a.end), (sent_b.start, sent_b.end), info_a, info_b
    return None


def _claim_at(ex: Extraction, start: int) -> Any:
    return next((c for c in ex.claims if c.start == start), None)


def _info(ex: Extraction, claim: Any, sent: tuple[int, int]) -> dict[str, Any]:
    actor = _actor_mention(ex, claim.actors, sent)
    kind = claim.actors[0].split(":", 1)[0] if claim.actors else ""
    return {"actor": actor, "actor_kind": kind, "action": claim.action}


def evaluate_contradictions(
    *,
    ecbplus: Path | str | None = None,
    semeval: Path | str | None = None,
    seed: int = 0,
    pairs: int = 24,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Precision and recall per contradiction type on injected contradictions (see module doc)."""
    t0 = time.perf_counter()
    data = load_pairs(
        ecbplus=Path(ecbplus) if ecbplus else None,
        semeval=Path(semeval) if semeval else None,
        n=pairs,
        seed=seed,
    )
    embedder = CachedEmbedder(get_embedder(), MemoryCache())
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    positives: Counter[str] = Counter()
    controls: Counter[str] = Counter()
    control_flagged: Counter[str] = Counter()
    used = 0
    for name, text_a, text_b in data:
        a, b = _article(text_a, name + "#a"), _article(text_b, name + "#b")
        exs = [extract(a), extract(b)]
        base = compare_articles([a, b], embedder=embedder, extractions=exs)
        cand = _candidate(base, a, b, exs)
        if cand is None:
            continue
        used += 1
        sent_a, sent_b, info_a, info_b = cand
        for v in variants(a.text, b.text, sent_a, sent_b, info_a, info_b):
            va, vb = _article(v.a_text, name + "#a'"), _article(v.b_text, name + "#b'")
            c = compare_articles([va, vb], embedder=embedder)
            flagged = _flagged(c, v.b_start, v.b_end)
            if v.kind in CONTRADICTION_TYPES:
                positives[v.kind] += 1
                if v.kind in flagged:
                    tp[v.kind] += 1
                for other in flagged - {v.kind}:
                    fp[other] += 1
            else:
                controls[v.kind] += 1
                if flagged:
                    control_flagged[v.kind] += 1
                for other in flagged:
                    fp[other] += 1
        if progress:
            progress(f"{used} pairs, {sum(tp.values())}/{sum(positives.values())} found")
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
    total_tp, total_fp, total_pos = sum(tp.values()), sum(fp.values()), sum(positives.values())
    return {
        "pairs": used,
        "pairs_read": len(data),
        "seed": seed,
        "overall": {
            "precision": _ratio(total_tp, total_tp + total_fp),
            "recall": _ratio(total_tp, total_pos),
            "injected": total_pos,
            "found": total_tp,
            "false_alarms": total_fp,
        },
        "types": per_type,
        "controls": {k: {"variants": controls[k], "flagged": control_flagged[k]} for k in CONTROLS},
        "seconds": round(time.perf_counter() - t0, 1),
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0

"""Real-disagreement benchmark: ``compare`` on every event's reports, judged by a gold list.

The gold list is written by people reading every report of an event in full (the guide is
../shared/ANNOTATING.md): one JSON line per genuine disagreement, each side an exact span of one
report. A manifest (``events.jsonl``) names the events, their reports and their split ("tune",
which may be looked at while improving the comparison, or "test", the frozen half scored only at
the end), so events with no disagreement at all still count: every finding on them is false.

Precision is over **every** high-confidence contradiction the report shows, not only those near a
gold item: a finding is correct when its evidence covers two sides of one gold item (two reports
giving different spans of it). A finding that matches only an item marked "unsure" counts on
neither side and is reported apart. Recall is over the "sure" gold items.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.compare.types import Comparison, Contradiction
from newsprism.errors import InputNotFound, MalformedInput
from newsprism.models import Article
from newsprism.text import split_sentences

#: Confidence bands of the calibration table (lower bound inclusive).
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.5, 0.7), (0.0, 0.5))


@dataclass(frozen=True)
class GoldSide:
    doc: str
    span: str


@dataclass(frozen=True)
class GoldItem:
    event: str
    type: str
    sure: bool
    sides: tuple[GoldSide, ...]
    why: str = ""


@dataclass(frozen=True)
class GoldEvent:
    event: str
    split: str
    docs: tuple[str, ...]
    #: doc id -> publication date, where the reports carry one
    published: Mapping[str, str] = field(default_factory=dict)


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputNotFound(f"no file at {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedInput(f"line {number} is not JSON ({exc})",
                                         location=f"{path}:{number}") from exc  # fmt: skip


def load_gold(path: str | Path) -> list[GoldItem]:
    """Gold disagreements (the ANNOTATING.md format)."""
    path = Path(path)
    items: list[GoldItem] = []
    for number, row in _jsonl(path):
        try:
            sides = tuple(GoldSide(str(s["doc"]), str(s["span"])) for s in row["sides"])
            items.append(GoldItem(str(row["event"]), str(row["type"]),
                                  row.get("confidence", "sure") == "sure", sides,
                                  str(row.get("why", ""))))  # fmt: skip
        except (KeyError, TypeError) as exc:
            raise MalformedInput(
                f"line {number} is not a gold disagreement with event, type and sides ({exc})",
                location=f"{path}:{number}",
            ) from exc
    return items


def load_events(path: str | Path) -> list[GoldEvent]:
    """The manifest: one line per event with its split and the ids of its reports."""
    path = Path(path)
    out: list[GoldEvent] = []
    for number, row in _jsonl(path):
        try:
            out.append(GoldEvent(str(row["event"]), str(row.get("split", "tune")),
                                 tuple(str(d) for d in row["docs"]),
                                 dict(row.get("published", {}))))  # fmt: skip
        except (KeyError, TypeError) as exc:
            raise MalformedInput(f"line {number} is not an event with event and docs ({exc})",
                                 location=f"{path}:{number}") from exc  # fmt: skip
    return out


def load_documents(paths: Sequence[str | Path]) -> dict[str, Article]:
    """Reports by id, from ECB+ JSONL (doc_id), SemEval pairs JSONL (pair_id "A_B": text1 is A,
    text2 is B) or a folder of text files (id: the file name without its suffix)."""
    from newsprism.eval.ecbplus import as_article, read_ecbplus
    from newsprism.eval.semeval import _article

    docs: dict[str, Article] = {}
    for p in map(Path, paths):
        if p.is_dir():
            docs.update(_folder(p))
            continue
        rows = list(_jsonl(p))
        if rows and "pair_id" in rows[0][1]:
            for _, r in rows:
                for doc, key, url in zip(str(r["pair_id"]).split("_"), ("text1", "text2"),
                                         ("url1", "url2"), strict=False):  # fmt: skip
                    docs[doc] = _article(str(r[key]), url=str(r.get(url) or ""),
                                         language=str(r.get("lang1", "")),
                                         location=doc)  # fmt: skip
        else:
            docs.update({d.doc_id: as_article(d) for d in read_ecbplus(p)})
    return docs


def _folder(path: Path) -> dict[str, Article]:
    from newsprism.api import read

    files = sorted(f for f in path.iterdir() if f.suffix in (".txt", ".html", ".htm"))
    return {f.stem: a for f in files for a in read(f)}


# --- matching ----------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _locate(text: str, span: str) -> tuple[int, int] | None:
    """Where a gold span sits in an article's text (its title and body may be joined by a line
    break where the dataset had a space)."""
    at = text.find(span)
    if at >= 0:
        return at, at + len(span)
    pattern = r"\s+".join(re.escape(w) for w in span.split())
    m = re.search(pattern, text) if pattern else None
    return (m.start(), m.end()) if m else None


@dataclass
class _EventIndex:
    """Gold sides of one event placed in its articles, with their sentences."""

    items: list[GoldItem]
    #: source id -> (item index, start, end, normalised span)
    places: dict[str, list[tuple[int, int, int, str]]]
    sentences: dict[str, list[tuple[int, int]]]


def _index(items: list[GoldItem], sources: Mapping[str, tuple[str, Article]]) -> _EventIndex:
    by_doc = {doc: sid for sid, (doc, _) in sources.items()}
    places: dict[str, list[tuple[int, int, int, str]]] = {}
    for n, item in enumerate(items):
        for side in item.sides:
            sid = by_doc.get(side.doc)
            if sid is None:
                continue
            where = _locate(sources[sid][1].text, side.span)
            if where is not None:
                places.setdefault(sid, []).append((n, *where, _norm(side.span)))
    sentences = {sid: split_sentences(a.text) for sid, (_, a) in sources.items()}
    return _EventIndex(items, places, sentences)


def _sentence(ix: _EventIndex, sid: str, at: int) -> tuple[int, int] | None:
    return next((s for s in ix.sentences.get(sid, ()) if s[0] <= at < s[1]), None)


def _side_hits(ix: _EventIndex, c: Contradiction) -> dict[int, list[tuple[str, str]]]:
    """gold item -> (source, gold span) pairs this finding's evidence covers: the evidence
    overlaps the gold span, or holds it in the same sentence when the types agree."""
    hits: dict[int, list[tuple[str, str]]] = {}
    for e in c.evidence:
        sent = _sentence(ix, e.source, e.start)
        for n, s, t, norm in ix.places.get(e.source, ()):
            overlap = e.start < t and s < e.end
            same_sentence = sent is not None and sent[0] <= s < sent[1]
            if overlap or (same_sentence and ix.items[n].type == c.type):
                hits.setdefault(n, []).append((e.source, norm))
        if not any(src == e.source for pairs in hits.values() for src, _ in pairs):
            # a report the gold list does not cite, stating a value it cites elsewhere ("six
            # AK 47 rifles" of a fourth report, where the gold holds two others' "six AK 47 rifles")
            focus = _norm(e.text[(e.focus_start or e.start) - e.start:
                                 (e.focus_end or e.end) - e.start])  # fmt: skip
            for n, item in enumerate(ix.items):
                spans = [_norm(sd.span) for sd in item.sides]
                if item.type == c.type and len(focus) >= 3 and any(focus in sp for sp in spans):
                    hits.setdefault(n, []).append((e.source, next(sp for sp in spans
                                                                  if focus in sp)))  # fmt: skip
    return hits


def match(ix: _EventIndex, c: Contradiction) -> GoldItem | None:
    """The gold item a finding shows: two of its reports, giving different spans of the item."""
    best: tuple[tuple[bool, int, bool], int] | None = None
    for n, pairs in _side_hits(ix, c).items():
        sources = {s for s, _ in pairs}
        values = {v for _, v in pairs}
        if len(sources) >= 2 and len(values) >= 2:
            # the item whose spans hold the finding's values (its focus) before one that only
            # shares their sentences: "Robert Buckley, 32, fell 2,000 feet" holds two items
            rank = (ix.items[n].type == c.type, _focus_hits(ix, c, n), ix.items[n].sure)
            if best is None or rank > best[0]:
                best = (rank, n)
    return ix.items[best[1]] if best is not None else None


def _focus_hits(ix: _EventIndex, c: Contradiction, n: int) -> int:
    """How many of the finding's focus spans (the values) fall inside item ``n``'s spans."""
    return sum(
        1
        for e in c.evidence
        if e.focus_start is not None and e.focus_end is not None
        and any(m == n and s < e.focus_end and e.focus_start < t
                for m, s, t, _ in ix.places.get(e.source, ()))
    )  # fmt: skip


# --- the benchmark -----------------------------------------------------------------------------

Compare = Callable[[Sequence[Article]], Comparison]


def evaluate_disagreements(
    gold: Sequence[GoldItem],
    events: Sequence[GoldEvent],
    documents: Mapping[str, Article],
    *,
    split: str = "all",
    compare: Compare | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the comparison on every event of ``split`` ("tune", "test", several joined by
    commas as "tune,seen", or "all") and score its contradictions against the gold list; see
    the module doc for what counts."""
    t0 = time.perf_counter()
    per_event = score_events(gold, events, documents, split=split, compare=compare,
                             progress=progress)  # fmt: skip
    result = _summarise(per_event)
    result.update(split=split, events=len(per_event), seconds=round(time.perf_counter() - t0, 1))
    return result


def score_events(
    gold: Sequence[GoldItem],
    events: Sequence[GoldEvent],
    documents: Mapping[str, Article],
    *,
    split: str = "all",
    compare: Compare | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Per event of ``split``: every finding the comparison shows, each with the gold item it
    matches ("sure", "unsure" or None), and the event's gold list."""
    if compare is None:
        compare = _default_compare()
    wanted = set(split.split(","))  # "tune,seen": several splits at once
    chosen = [e for e in events if split == "all" or e.split in wanted]
    missing = sorted({d for e in chosen for d in e.docs if d not in documents})
    if missing:
        raise InputNotFound(
            f"{len(missing)} report(s) of the gold events are not in the documents given "
            f"(first: {missing[0]})",
            hint="Pass the data files that hold them with --docs.",
        )
    per_event: list[dict[str, Any]] = []
    for ev in chosen:
        per_event.append(_score_event(ev, [g for g in gold if g.event == ev.event], documents,
                                      compare))  # fmt: skip
        if progress:
            progress(ev.event)
    return per_event


def _default_compare() -> Compare:
    from newsprism.compare import compare_articles
    from newsprism.embed import CachedEmbedder, MemoryCache, get_embedder

    embedder = CachedEmbedder(get_embedder(), MemoryCache())
    return lambda arts: compare_articles(arts, embedder=embedder)


def _score_event(ev: GoldEvent, items: list[GoldItem], documents: Mapping[str, Article],
                 compare: Compare) -> dict[str, Any]:  # fmt: skip
    articles = [_dated(documents[d], ev.published.get(d)) for d in ev.docs]
    report = compare(articles)
    sources = {s.id: (doc, a) for s, doc, a in zip(report.sources, ev.docs, articles, strict=True)}
    ix = _index(items, sources)
    findings = []
    for c in report.contradictions:
        g = match(ix, c)
        findings.append({
            "event": ev.event,
            "id": c.id,
            "type": c.type,
            "confidence": round(c.confidence, 3),
            "high": c.high,
            "gold": None if g is None else ("sure" if g.sure else "unsure"),
            "gold_type": None if g is None else g.type,
            "gold_index": None if g is None else items.index(g),
            "summary": c.summary,
            # why it is shown at that confidence, for the review of unmatched findings
            "note": c.note,
            "basis": c.basis,
            "evidence": [{"doc": sources[e.source][0], "text": e.text} for e in c.evidence],
        })  # fmt: skip
    return {"event": ev.event, "split": ev.split, "findings": findings,
            "gold": [_gold_row(g) for g in items]}  # fmt: skip


def _dated(article: Article, published: str | None) -> Article:
    if not published:
        return article
    from dataclasses import replace

    from newsprism.models import Meta, Provenance

    return replace(article, metadata={**article.metadata,
                                      "published": Meta(published, Provenance.USER)})  # fmt: skip


def _gold_row(g: GoldItem) -> dict[str, Any]:
    return {"type": g.type, "sure": g.sure, "why": g.why,
            "sides": [{"doc": s.doc, "span": s.span} for s in g.sides]}  # fmt: skip


def _summarise(per_event: list[dict[str, Any]]) -> dict[str, Any]:
    findings = [f for ev in per_event for f in ev["findings"]]
    high = [f for f in findings if f["high"]]
    judged = [f for f in high if f["gold"] != "unsure"]
    correct = [f for f in judged if f["gold"] == "sure"]
    sure_items = [(ev["event"], n) for ev in per_event for n, g in enumerate(ev["gold"])
                  if g["sure"]]  # fmt: skip
    found_high = {(f["event"], f["gold_index"]) for f in high if f["gold"] == "sure"}
    found_any = {(f["event"], f["gold_index"]) for f in findings if f["gold"] == "sure"}
    missed = [
        {"event": ev["event"], **g}
        for ev in per_event
        for n, g in enumerate(ev["gold"])
        if g["sure"] and (ev["event"], n) not in found_high
    ]
    return {
        "precision": _ratio(len(correct), len(judged)),
        "recall": _ratio(len(found_high), len(sure_items)),
        "recall_any_confidence": _ratio(len(found_any), len(sure_items)),
        "high_findings": len(high),
        "high_correct": len(correct),
        "high_unsure": len(high) - len(judged),
        "gold_sure": len(sure_items),
        "gold_found": len(found_high),
        "findings_per_story": round(len(high) / len(per_event), 2) if per_event else 0.0,
        "calibration": _calibration(findings),
        "types": _types(high, per_event),
        "per_event": [_event_row(ev) for ev in per_event],
        "unmatched": [f for f in high if f["gold"] is None],
        "missed": missed,
    }


def _event_row(ev: dict[str, Any]) -> dict[str, Any]:
    return {
        "event": ev["event"],
        "split": ev["split"],
        "high": sum(f["high"] for f in ev["findings"]),
        "correct": sum(f["high"] and f["gold"] == "sure" for f in ev["findings"]),
        "gold": sum(g["sure"] for g in ev["gold"]),
    }


def _calibration(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for lo, hi in BANDS:
        band = [f for f in findings if lo <= f["confidence"] < hi and f["gold"] != "unsure"]
        ok = sum(f["gold"] == "sure" for f in band)
        rows.append({"band": f"{lo:.1f}–{min(hi, 1.0):.1f}", "findings": len(band),
                     "correct": ok, "precision": _ratio(ok, len(band))})  # fmt: skip
    return rows


def _types(high: list[dict[str, Any]], per_event: list[dict[str, Any]]) -> dict[str, Any]:
    shown = Counter(f["type"] for f in high)
    right = Counter(f["type"] for f in high if f["gold"] == "sure")
    gold = Counter(g["type"] for ev in per_event for g in ev["gold"] if g["sure"])
    return {
        t: {"shown": shown[t], "correct": right[t], "gold": gold[t],
            "precision": _ratio(right[t], shown[t])}
        for t in sorted(set(shown) | set(gold))
    }  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0

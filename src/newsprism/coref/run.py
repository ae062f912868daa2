"""From parsed documents and mention spans to entity and event clusters.

``prepare`` reads the mentions once (heads, sentences, vectors, event arguments);
``cluster`` turns a prepared set into labels with given pair models. Training calls
``prepare`` once and ``cluster`` once per fold; everything else calls ``resolve_spans``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import TYPE_CHECKING

import numpy as np

from newsprism.coref.docgroups import group_documents, title_and_body
from newsprism.coref.engine import cluster_entities, cluster_events, participants
from newsprism.coref.lexicon import load
from newsprism.coref.mentions import (
    ENTITY,
    EVENT,
    MentionInfo,
    MentionSpan,
    Participants,
    Vectors,
    describe,
    sentence_index,
)
from newsprism.coref.model import PairModel, shipped
from newsprism.embed import Embedder, documents, get_embedder, l2_normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Prepared:
    """Mentions in canonical order (document id, offsets) with what the features need."""

    doc_ids: tuple[str, ...]
    infos: tuple[MentionInfo, ...]
    #: position in the caller's list -> index in ``infos``
    order: tuple[int, ...]
    vectors: Vectors
    #: event mention index -> indices of the entity mentions that are its arguments
    arguments: dict[int, tuple[int, ...]]
    #: document index -> document group
    groups: tuple[int, ...]
    #: pairs of entity mentions that syntax says are one referent (see ``syntactic_links``)
    links: tuple[tuple[int, int], ...] = ()


def prepare(
    docs: Sequence[Doc],
    doc_ids: Sequence[str],
    spans: Sequence[MentionSpan],
    *,
    embedder: Embedder | None = None,
    doc_vectors: np.ndarray | None = None,
    groups: Sequence[int] | None = None,
) -> Prepared:
    """Describe, embed and link the mentions. ``groups`` (one label per document) splits the
    documents into happenings; without it they are grouped by their vectors."""
    lex = load()
    embedder = embedder or get_embedder()
    ranked = sorted(range(len(spans)), key=lambda i: _sort_key(spans[i], doc_ids))
    sentence_of = [sentence_index(d) for d in docs]
    infos = tuple(
        describe(docs[spans[i].doc], spans[i], n, sentence_of=sentence_of[spans[i].doc], lex=lex)
        for n, i in enumerate(ranked)
    )
    order = [0] * len(spans)
    for n, i in enumerate(ranked):
        order[i] = n
    if doc_vectors is None:
        doc_vectors = embedder.encode([document_text(d.text) for d in docs])
    contexts = [_context(docs[m.doc], m) for m in infos]
    texts = [m.text if m.kind == ENTITY else m.lemma for m in infos]
    vectors = Vectors(
        text=_encode(embedder, texts),
        context=_encode(embedder, contexts),
        document=l2_normalize(np.asarray(doc_vectors, dtype=np.float32)),
    )
    if groups is None:
        groups = group_documents([d.text for d in docs], doc_ids, vectors.document)
    infos = name_roles(docs, infos)
    return Prepared(
        doc_ids=tuple(doc_ids),
        infos=infos,
        order=tuple(order),
        vectors=vectors,
        arguments=_arguments(docs, infos),
        groups=tuple(groups),
        links=syntactic_links(docs, infos),
    )


def document_text(text: str) -> str:
    """What a document's vector is made of: the title and lead, as for story clustering."""
    title, body = title_and_body(text)
    # document_text reads only the title and body of an Article
    return documents.document_text(SimpleNamespace(title=title, body=body))  # type: ignore[arg-type]


def _sort_key(span: MentionSpan, doc_ids: Sequence[str]) -> tuple[str, int, int, str]:
    return (doc_ids[span.doc], span.start, span.end, span.kind)


def _encode(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    unique = sorted(set(texts))
    if not unique:
        return np.zeros((0, 384), dtype=np.float32)
    rows = l2_normalize(np.asarray(embedder.encode(unique), dtype=np.float32))
    at = {t: i for i, t in enumerate(unique)}
    return rows[[at[t] for t in texts]]


def _context(doc: Doc, m: MentionInfo) -> str:
    return doc[m.head].sent.text[:600]


def _arguments(docs: Sequence[Doc], infos: Sequence[MentionInfo]) -> dict[int, tuple[int, ...]]:
    """Entity mentions tied to each event mention by syntax (a few dependency steps either way)
    or standing in its sentence as a time or place (which set the whole clause)."""
    by_sentence: dict[tuple[int, int], list[MentionInfo]] = {}
    for m in infos:
        if m.kind == ENTITY:
            by_sentence.setdefault((m.doc, m.sentence), []).append(m)
    out: dict[int, tuple[int, ...]] = {}
    for ev in infos:
        if ev.kind != EVENT:
            continue
        doc = docs[ev.doc]
        near = [
            e.index
            for e in by_sentence.get((ev.doc, ev.sentence), ())
            if e.semantic in ("time", "place") or _linked(doc, ev.head, e.head)
        ]
        out[ev.index] = tuple(near)
    return out


_COPULAS = frozenset({"be", "become", "remain", "stay", "name", "appoint", "elect", "make"})


def syntactic_links(
    docs: Sequence[Doc], infos: Sequence[MentionInfo]
) -> tuple[tuple[int, int], ...]:
    """Entity mentions that the sentence itself says are one referent, as (index, index):
    - an apposition: "EYP Mission Critical Facilities Inc., a consulting company";
    - a predicate noun: "Hugh Jackman will be this year's host", "McDermott scored 23 points
      to become the scoring leader", "named him coach";
    - "as": "unveiled Hugh Jackman as the host", "Jackman was announced as host";
    - a role before a name: "coach Maurice Cheeks", "head man Maurice Cheeks".
    Pronouns and times are left to other rules; a role word must be a common noun."""
    at: dict[tuple[int, int], int] = {}
    for m in infos:
        if m.kind == ENTITY and not m.pronoun and m.semantic != "time":
            at.setdefault((m.doc, m.head), m.index)
    out = set()
    for (d, head), i in at.items():
        tok = docs[d][head]
        for other in _same_referent(tok):
            j = at.get((d, other.i))
            if j is not None and j != i:
                out.add((min(i, j), max(i, j)))
    return tuple(sorted(out))


def name_roles(docs: Sequence[Doc], infos: tuple[MentionInfo, ...]) -> tuple[MentionInfo, ...]:
    """Each name with the roles its sentence gives it by the syntax of ``syntactic_links``,
    whether or not the role is a mention itself: "Trooper William Hakim, a bomb squad
    technician" gives Hakim the role "technician", which a report that says only "the
    technician" can then be matched with."""
    heads: dict[tuple[int, int], list[int]] = {}
    for m in infos:
        if m.kind == ENTITY and m.proper and not m.pronoun and m.semantic != "time":
            heads.setdefault((m.doc, m.head), []).append(m.index)
    if not heads:
        return infos
    roles: dict[int, set[str]] = {}
    for d in sorted({d for d, _ in heads}):
        for tok in docs[d]:
            for other in _same_referent(tok):
                for i in heads.get((d, other.i), ()):
                    roles.setdefault(i, set()).add(tok.lemma_.lower())
    return tuple(
        replace(m, roles=frozenset(roles[m.index])) if m.index in roles else m for m in infos
    )


def _same_referent(tok: Token) -> list[Token]:
    """Tokens the syntax makes the same referent as ``tok`` (looking up from ``tok``), when
    ``tok`` is a common noun (a role: "the host", "a consulting company")."""
    if tok.pos_ != "NOUN":
        return []
    head = tok.head
    if tok.dep_ == "appos" or (tok.dep_ == "compound" and head.pos_ == "PROPN"):
        return [head] if head.pos_ == "PROPN" else []
    if tok.dep_ in ("attr", "oprd") and head.lemma_ in _COPULAS:
        return _children(head, ("nsubj", "nsubjpass")) or (
            _children(head.head, ("nsubj", "nsubjpass")) if head.dep_ in ("xcomp", "advcl") else []
        )
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep":
        verb = head.head
        return _children(verb, ("dobj",)) or _children(verb, ("nsubjpass", "nsubj"))
    return []


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _linked(doc: Doc, event_head: int, entity_head: int) -> bool:
    ev, en = doc[event_head], doc[entity_head]
    up = [en, *list(en.ancestors)[:3]]
    if ev in up:
        return True
    return en in [ev, *list(ev.ancestors)[:2]] or (en.head == ev.head and en.head != en)


def cluster(
    prepared: Prepared, models: dict[str, PairModel]
) -> tuple[dict[int, str], dict[int, str]]:
    """(entity labels, event labels) by mention index in ``prepared.infos``."""
    lex = load()
    infos = prepared.infos
    entity = cluster_entities(
        infos, prepared.groups, prepared.vectors, models[ENTITY], lex, prepared.links
    )
    if EVENT not in models:
        return entity, {}
    parts = _participants(prepared, entity)
    event = cluster_events(infos, prepared.groups, prepared.vectors, models[EVENT], parts, lex)
    return entity, event


def _participants(prepared: Prepared, entity: dict[int, str]) -> dict[int, Participants]:
    infos = prepared.infos
    out = {}
    for ev, args in prepared.arguments.items():
        # the arguments were chosen by syntax already (see _arguments)
        out[ev] = participants(infos[ev], [infos[i] for i in args], entity, _every)
    return out


def _every(_event: MentionInfo, _entity: MentionInfo) -> bool:
    return True


def resolve_spans(
    docs: Sequence[Doc],
    doc_ids: Sequence[str],
    spans: Sequence[MentionSpan],
    *,
    models: dict[str, PairModel] | None = None,
    **kwargs: object,
) -> list[str]:
    """One cluster label per span, in the caller's order. Labels name a cluster by its first
    mention ("entity:<doc id>:<start>-<end>"), so they do not depend on the document order."""
    prepared = prepare(docs, doc_ids, spans, **kwargs)  # type: ignore[arg-type]
    entity, event = cluster(prepared, models or shipped())
    return [stable_labels(prepared, entity, event)[prepared.order[i]] for i in range(len(spans))]


def stable_labels(prepared: Prepared, entity: dict[int, str], event: dict[int, str]) -> list[str]:
    """Per mention (in ``infos`` order) a label named after the cluster's first mention."""
    first: dict[str, str] = {}
    out = []
    for m in prepared.infos:
        raw = entity.get(m.index) if m.kind == ENTITY else event.get(m.index)
        raw = raw or f"solo{m.index}"
        name = first.setdefault(
            f"{m.kind}/{raw}", f"{m.kind}:{prepared.doc_ids[m.doc]}:{m.start}-{m.end}"
        )
        out.append(name)
    return out

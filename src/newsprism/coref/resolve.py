"""The coreference the comparison stage asks for: who is who and what happened, across reports.

    coref = resolve(articles, extractions)
    coref.entity(0, "org:dnc")            # -> EntityRef(cluster, name, evidence)
    coref.same_entity(0, "org:dnc", 2, "party:...")   # -> Link | None, with .reason
    coref.event_of(1, claim)              # -> event cluster id of a claim's predicate
    coref.same_event(0, (120, 125), 3, (88, 95))      # -> Link | None, with .reason

It works from the Extractions alone (no second spaCy parse): entity mentions are the extract
stage's mentions (canonical keys joined across articles by extract.link first) and its time
expressions; event mentions are the claims' predicates, with the claims' actors, targets,
places and times as participants. Only short texts are embedded (names, predicates, the
sentences they stand in, each document's title and lead). The comparison can hand over the
sentence vectors it has (``known_vectors``, keyed by sentence text) and its documents' vectors
(``doc_vectors``), or pass its ``embedder`` wrapped in a cache (embed.CachedEmbedder): either
way the sentences it embedded already cost nothing (five 1,000-word reports: about 8 s of
MiniLM without them on a busy 2-core machine, well under 1 s with them).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.coref.aliases import alias_link, identity
from newsprism.coref.docgroups import group_documents
from newsprism.coref.engine import cluster_entities, cluster_events
from newsprism.coref.lexicon import Lexicon, load, norm
from newsprism.coref.mentions import ENTITY, EVENT, MentionInfo, Participants, Vectors
from newsprism.coref.model import PairModel, shipped
from newsprism.coref.run import document_text
from newsprism.embed import Embedder, get_embedder, l2_normalize, text_hash
from newsprism.extract.link import canonical_map
from newsprism.extract.types import Claim, Extraction
from newsprism.models import Article

_SEMANTIC = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "group"}
_KEY_SEMANTIC = {"person": "person", "country": "place", "place": "place", "org": "group"}


@dataclass(frozen=True)
class EntityRef:
    """An actor across the reports: its cluster, the name it goes by, why this key is in it."""

    cluster: str
    name: str
    #: "same as X because ..." or "" when the key is the cluster's own name
    evidence: str


@dataclass(frozen=True)
class Link:
    """Two mentions judged the same: entity or event cluster, and why."""

    kind: str
    cluster: str
    reason: str


@dataclass(frozen=True)
class Coreference:
    """Entity and event clusters over a set of reports (documents by index)."""

    #: (document, canonical key) -> entity reference
    entities: dict[tuple[int, str], EntityRef] = field(default_factory=dict)
    #: (document, start, end) of each event mention -> event cluster id
    events: dict[tuple[int, int, int], str] = field(default_factory=dict)
    #: event cluster id -> what its mentions share ("sue / lawsuit; parties: ...")
    event_evidence: dict[str, str] = field(default_factory=dict)
    #: event cluster id -> what its mentions share, for a reader ("same action 'kill'; 2
    #: shared participants")
    event_why: dict[str, str] = field(default_factory=dict)
    #: document -> the happening (document group) it reports
    groups: tuple[int, ...] = ()

    def entity(self, doc: int, key: str) -> EntityRef | None:
        """The cross-report actor of an extract entity key (as written in that document)."""
        return self.entities.get((doc, key))

    def same_entity(self, doc_i: int, key_i: str, doc_j: int, key_j: str) -> Link | None:
        a, b = self.entity(doc_i, key_i), self.entity(doc_j, key_j)
        if a is None or b is None or a.cluster != b.cluster:
            return None
        why = "; ".join(x for x in (a.evidence, b.evidence) if x) or f"both are {a.name}"
        return Link(ENTITY, a.cluster, why)

    def event_at(self, doc: int, span: tuple[int, int]) -> str | None:
        """The event cluster of the event mention overlapping ``span`` (the nearest start)."""
        s, e = span
        hits = [
            (abs(k[1] - s), c)
            for k, c in self.events.items()
            if k[0] == doc and k[1] < e and s < k[2]
        ]
        return min(hits)[1] if hits else None

    def event_of(self, doc: int, claim: Claim) -> str | None:
        return self.event_at(doc, claim.predicate or (claim.start, claim.end))

    def same_event(
        self, doc_i: int, span_i: tuple[int, int], doc_j: int, span_j: tuple[int, int]
    ) -> Link | None:
        a, b = self.event_at(doc_i, span_i), self.event_at(doc_j, span_j)
        if a is None or a != b:
            return None
        return Link(EVENT, a, self.event_evidence.get(a, "same event"))


def resolve(
    articles: Sequence[Article | str],
    extractions: Sequence[Extraction],
    *,
    embedder: Embedder | None = None,
    models: dict[str, PairModel] | None = None,
    doc_vectors: np.ndarray | None = None,
    known_vectors: Mapping[str, np.ndarray] | None = None,
    groups: Sequence[int] | None = None,
    split_happenings: bool = False,
) -> Coreference:
    """Entity and event clusters across the articles of one story.

    ``known_vectors``: vectors the caller has computed already (by the embedder it passes),
    keyed by the text they embed -- the comparison's sentence vectors, say, keyed by
    ``article.text[sentence.start:sentence.end]``. Only the texts missing from it are
    embedded (the names and predicates, which are short). ``doc_vectors``: one vector per
    article for its title and lead, as story clustering makes them.

    ``groups`` (one label per article) says which articles report the same happening (a
    feature of every pair: two mentions of two happenings seldom corefer unless both are
    names). Without it the articles are one story (what compare
    gives), or, with ``split_happenings``, they are split by the story clusterer first."""
    if len(articles) != len(extractions):
        from newsprism.errors import UsageError

        raise UsageError("resolve needs one extraction per article")
    lex = load()
    texts = [a.text if isinstance(a, Article) else a for a in articles]
    # ids from content, and mentions built in id order: the clusters do not depend on the
    # order the articles came in
    ids = [text_hash(t) for t in texts]
    mapping = canonical_map(extractions)
    infos, time_keys, claim_at = _infos(texts, extractions, mapping, lex, ids)
    embedder = embedder or get_embedder()
    vectors = _vectors(embedder, infos, texts, extractions, doc_vectors, known_vectors or {})
    if groups is None:
        split = split_happenings and len(texts) > 2
        groups = group_documents(texts, ids, vectors.document) if split else [0] * len(texts)
    models = models or shipped()
    entity = cluster_entities(infos, groups, vectors, models[ENTITY], lex)
    parts = _participants(infos, extractions, claim_at, entity, mapping, time_keys)
    event = cluster_events(
        infos, groups, vectors, models[EVENT], parts, lex, strict_participants=True
    )
    event_evidence, event_why = _event_evidence(infos, event, parts, lex)
    return Coreference(
        entities=_entity_refs(infos, entity, mapping, extractions),
        events={(m.doc, m.start, m.end): event[m.index] for m in infos if m.kind == EVENT},
        event_evidence=event_evidence,
        event_why=event_why,
        groups=tuple(groups),
    )


def _infos(
    texts: Sequence[str],
    extractions: Sequence[Extraction],
    mapping: dict[str, str],
    lex: Lexicon,
    ids: Sequence[str],
) -> tuple[list[MentionInfo], dict[tuple[int, int], str], dict[int, tuple[int, Claim]]]:
    """Entity mentions (names, times), then event mentions (claim predicates), in document
    order; which time key each time expression has; and event index -> (document, claim)."""
    infos: list[MentionInfo] = []
    time_keys: dict[tuple[int, int], str] = {}
    claim_at: dict[int, tuple[int, Claim]] = {}
    for d in sorted(range(len(extractions)), key=lambda i: (ids[i], i)):
        ex = extractions[d]
        sent_of = _sentence_lookup(ex)
        # one mention per key and document (its longest form): the extract stage joined the
        # rest already, and pairs grow with the square of the mentions
        seen: set[str] = set()
        for m in sorted(ex.mentions, key=lambda m: (-len(m.text), m.start)):
            key = mapping.get(m.entity_key, m.entity_key)
            if key in seen:
                continue
            seen.add(key)
            semantic = _SEMANTIC.get(m.label) or _KEY_SEMANTIC.get(key.split(":", 1)[0], "")
            infos.append(
                _info(len(infos), d, m.start, m.end, ENTITY, m.text, semantic, key, sent_of, True)
            )
        for t, tx in enumerate(ex.times):
            key = f"time:{tx.value or tx.start_value or norm(tx.text)}"
            time_keys[(d, t)] = key
            if key in seen:
                continue
            seen.add(key)
            infos.append(
                _info(len(infos), d, tx.start, tx.end, ENTITY, tx.text, "time", key, sent_of, False)
            )
        for c in ex.claims:
            start, end = c.predicate or (c.start, c.end)
            lemma = c.action.replace("not ", "").split(" ")[0] if c.action else norm(c.text)
            if lemma in lex.light_verbs:
                continue  # "was", "has": a state, not a happening
            lemma = _known_lemma(lemma, texts[d][start:end].lower(), lex)
            if lemma in lex.support_verbs:
                lemma = _object_event(texts[d][end : c.end], lex) or lemma
            claim_at[len(infos)] = (d, c)
            info = _info(
                len(infos), d, start, end, EVENT, texts[d][start:end], "", None, sent_of, False
            )
            infos.append(_with_lemma(info, lemma))
    return infos, time_keys, claim_at


def _info(  # noqa: PLR0913 -- one mention's fields, named at each of its call sites
    index: int,
    doc: int,
    start: int,
    end: int,
    kind: str,
    text: str,
    semantic: str,
    key: str | None,
    sent_of: Callable[[int], int],
    proper: bool,
) -> MentionInfo:
    words = norm(text).split()
    return MentionInfo(
        index=index,
        doc=doc,
        start=start,
        end=end,
        kind=kind,
        text=text,
        lemma=words[-1] if words else "",
        pos="PROPN" if proper else "NOUN",
        head=start,
        sentence=sent_of(start),
        semantic=semantic,
        pronoun="",
        proper=proper,
        key=key,
        words=frozenset(w for w in words if w not in ("the", "a", "an", "of")),
    )


def _known_lemma(lemma: str, word: str, lex: Lexicon) -> str:
    """The tagger's lemma, or the word's own stem when only that is a known event word (the
    small model lemmatises "fined" as "fin")."""
    if lemma in lex.event_groups:
        return lemma
    for cut in (0, 1, 2, 3):
        stem = word[: len(word) - cut] if cut else word
        if stem in lex.event_groups:
            return stem
    return lemma


def _object_event(after: str, lex: Lexicon) -> str | None:
    """ "filed [a lawsuit]", "imposed [a record fine]": the event noun just after a support
    verb, within four words."""
    for word in norm(after).split()[:4]:
        stem = word[:-1] if word.endswith("s") and word[:-1] in lex.event_groups else word
        if stem in lex.event_groups:
            return stem
    return None


def _with_lemma(m: MentionInfo, lemma: str) -> MentionInfo:
    from dataclasses import replace

    return replace(m, lemma=lemma, pos="VERB")


def _sentence_lookup(ex: Extraction) -> Callable[[int], int]:
    starts = [s.start for s in ex.sentences]

    def at(offset: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(starts, offset) - 1)

    return at


def _vectors(
    embedder: Embedder,
    infos: Sequence[MentionInfo],
    texts: Sequence[str],
    extractions: Sequence[Extraction],
    doc_vectors: np.ndarray | None,
    known: Mapping[str, np.ndarray],
) -> Vectors:
    def sentence(m: MentionInfo) -> str:
        sents = extractions[m.doc].sentences
        if not sents:
            return texts[m.doc][:300]
        s = sents[min(m.sentence, len(sents) - 1)]
        whole = texts[m.doc][s.start : s.end]
        # a sentence the caller embedded is taken whole; otherwise its first 600 characters
        return whole if whole in known else whole[:600]

    strings = [m.text if m.kind == ENTITY else m.lemma for m in infos]
    contexts = [sentence(m) for m in infos]
    docs = [document_text(t) for t in texts]
    wanted = set(strings) | set(contexts) | (set() if doc_vectors is not None else set(docs))
    missing = sorted(t for t in wanted if t not in known)
    rows = np.asarray(embedder.encode(missing), dtype=np.float32) if missing else None
    dim = rows.shape[1] if rows is not None else _dim(known, doc_vectors)
    table = {t: np.asarray(v, dtype=np.float32) for t, v in known.items() if t in wanted}
    if rows is not None:
        table.update(zip(missing, rows, strict=True))

    def stack(keys: Sequence[str]) -> np.ndarray:
        if not keys:
            return np.zeros((0, dim), dtype=np.float32)
        return l2_normalize(np.stack([table[k] for k in keys]))

    document = (
        l2_normalize(np.asarray(doc_vectors, dtype=np.float32))
        if doc_vectors is not None
        else stack(docs)
    )
    return Vectors(text=stack(strings), context=stack(contexts), document=document)


def _dim(known: Mapping[str, np.ndarray], doc_vectors: np.ndarray | None) -> int:
    for v in known.values():
        return int(np.asarray(v).shape[-1])
    return int(np.asarray(doc_vectors).shape[-1]) if doc_vectors is not None else 384


def _participants(
    infos: Sequence[MentionInfo],
    extractions: Sequence[Extraction],
    claim_at: dict[int, tuple[int, Claim]],
    entity: dict[int, str],
    mapping: dict[str, str],
    time_keys: dict[tuple[int, int], str],
) -> dict[int, Participants]:
    """An event's participants are the entity clusters of its claim's actors, targets, places
    and times (by the mentions of those keys in its document)."""
    by_key: dict[tuple[int, str], set[str]] = defaultdict(set)
    for m in infos:
        if m.kind == ENTITY and m.key:
            by_key[(m.doc, m.key)].add(entity[m.index])
    out: dict[int, Participants] = {}
    for i, (d, c) in claim_at.items():
        keys = [mapping.get(k, k) for k in (*c.actors, *c.targets, *c.place)]
        places = [mapping.get(k, k) for k in c.place]
        times = [time_keys[(d, t)] for t in c.time if (d, t) in time_keys]

        def labels(ks: Sequence[str], d: int = d) -> frozenset[str]:
            return frozenset(x for k in ks for x in by_key.get((d, k), ()))

        out[i] = Participants(all=labels([*keys, *times]), time=labels(times), place=labels(places))
    return out


def _entity_refs(
    infos: Sequence[MentionInfo],
    entity: dict[int, str],
    mapping: dict[str, str],
    extractions: Sequence[Extraction],
) -> dict[tuple[int, str], EntityRef]:
    """Each (document, key) joins the cluster most of its mentions are in; the cluster's name
    is its longest proper name, and the evidence says why a key is the same as that name."""
    votes: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for m in infos:
        if m.kind == ENTITY and m.key:
            votes[(m.doc, m.key)][entity[m.index]] += 1
            if m.proper:
                names[entity[m.index]][m.text] += 1
    out: dict[tuple[int, str], EntityRef] = {}
    for d, ex in enumerate(extractions):
        for k in {m.entity_key for m in ex.mentions} | {e.key for e in ex.entities}:
            canon = mapping.get(k, k)
            got = votes.get((d, canon))
            if not got:
                continue
            cluster = max(sorted(got), key=lambda c: got[c])
            name = _cluster_name(names.get(cluster, Counter()), canon)
            own = ex.entity(k)
            written = own.name if own else canon
            out[(d, k)] = EntityRef(cluster, name, _evidence(written, name, canon, k))
    return out


def _cluster_name(counts: Counter[str], fallback: str) -> str:
    if not counts:
        return fallback
    return max(sorted(counts), key=lambda n: (len(n.split()), counts[n]))


def _evidence(written: str, name: str, canon: str, key: str) -> str:
    if norm(written) == norm(name):
        return ""
    link = alias_link(written, name)
    if link:
        return f"same as {name} because: {link.kind}: {link.reason}"
    if canon != key:
        return f"same as {name} because: the extract stage links {key} to {canon} across reports"
    ident = identity(written, key=canon)
    why = ident.why if ident else "the coreference model joins them in context"
    return f"same as {name} because: {why}"


def _event_evidence(
    infos: Sequence[MentionInfo],
    event: dict[int, str],
    parts: dict[int, Participants],
    lex: Lexicon,
) -> tuple[dict[str, str], dict[str, str]]:
    """Per event cluster: the evidence with its documents ("same event because: ...;
    documents [0, 2]"), and what its mentions share, for a reader ("same action 'kill'; 2
    shared participants")."""
    members: dict[str, list[MentionInfo]] = defaultdict(list)
    for m in infos:
        if m.kind == EVENT:
            members[event[m.index]].append(m)
    evidence, why = {}, {}
    for cluster, ms in members.items():
        lemmas = sorted({m.lemma for m in ms})
        shared = frozenset.intersection(*(parts[m.index].all for m in ms)) if ms else frozenset()
        action = (
            f"same action {lemmas[0]!r}"
            if len(lemmas) == 1
            else "the same kind of act: " + " / ".join(repr(x) for x in lemmas)
        )
        who = f"; {len(shared)} shared participant cluster(s)" if shared else ""
        docs = sorted({m.doc for m in ms})
        evidence[cluster] = f"same event because: {action}{who}; documents {docs}"
        plural = "" if len(shared) == 1 else "s"
        why[cluster] = action + (f"; {len(shared)} shared participant{plural}" if shared else "")
    return evidence, why

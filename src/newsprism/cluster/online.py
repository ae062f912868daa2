"""Online story clustering: each article, in arrival order, joins a story or starts one.

Nothing already assigned is re-clustered. For a new article the clusterer

1. finds its nearest articles in a vector index (flat cost per article) and, through them, the
   candidate stories;
2. links it to an original when it is a near-copy (MinHash of shingles) - the copy joins the
   original's story, is kept, and is counted once;
3. scores each candidate story: cosine to the story's mean embedding, IDF-weighted overlap of
   terms (names, numbers, content words, the lead counting more) with the story's term profile,
   and agreement of the weekdays / dates both mention; publication dates far apart exclude a story;
   a *conflict* lowers the score: the article's lead (title and first sentences) names things the
   story never mentions while the names and numbers most of the story's leads share are absent
   from the article (another host, another opponent, another magnitude: a look-alike event);
4. joins the best story when the score clears ``threshold``, else founds a new story whose id
   ("s-" + hash of the founding article id) never changes;
5. now and then (each time a story has grown by half, up to ``split_max_size`` members) checks
   that the story is still one event: when its members fall into two groups that are much less
   alike between than within, the group without the founder leaves to found a new story. The
   founder's story keeps its id; ``Assignment.reshaped`` names both stories. One wrong join of
   the first report of a look-alike event otherwise draws in every later report of it. Stories
   touched by a person's merge or split are never split automatically.

Story profiles are sums, so a story's picture sharpens as it grows; IDF comes from the articles
seen so far and is applied when scoring, so early profiles are re-weighted as the corpus grows.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from newsprism.cluster.constraints import Constraints, Decision
from newsprism.cluster.features import TERM_SPACE, ClusterFeatures
from newsprism.cluster.index import VectorIndex
from newsprism.cluster.minhash import estimated_jaccard
from newsprism.cluster.score import (
    Candidate,
    add_sparse,
    in_span,
    score,
    term_weights,
)
from newsprism.cluster.settings import ClusterSettings
from newsprism.errors import UsageError
from newsprism.models import published_day


@dataclass(frozen=True, eq=False)
class TermPrior:
    """What a clusterer that sees one part of a stream (a partition) is told of the rest of it.

    ``df``: the document frequency of each term id (``TERM_SPACE`` long) over the articles it
    will not see; ``docs``: how many those are; ``stream``: the length of the whole stream.
    The clusterer then weighs terms as one run over the whole stream would at the same place:
    IDF from its own articles plus the unseen ones counted pro rata to the article's position
    (``add(..., position=)``). Without it a partition's IDF comes from its own, topically narrow
    articles, and its stories come out split where the single run keeps them whole.
    A prior is not part of ``to_state``: it serves a one-off partition run.
    """

    df: np.ndarray
    docs: int
    stream: int


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, whether it founded it, the original it copies."""

    article_id: str
    story_id: str
    is_new_story: bool
    duplicate_of: str | None
    score: float
    #: stories whose members an automatic split changed while placing this article (save them)
    reshaped: tuple[str, ...] = ()


@dataclass
class _Story:
    id: str
    founder: str
    members: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    centroid: np.ndarray | None = None
    term_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    term_weights: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    weekdays: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    lead_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    lead_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    #: member count at the last split check
    checked: int = 0

    @property
    def vector_sum(self) -> np.ndarray:
        """The sum of the members' vectors (what the score calls the story's vector)."""
        assert self.centroid is not None
        return self.centroid

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass
class _Member:
    story: str
    row: int
    duplicate_of: str | None
    signature: np.ndarray
    term_ids: np.ndarray
    term_weights: np.ndarray
    weekdays: frozenset[str]
    dates: frozenset[str]
    published: date | None
    lead_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))


@dataclass(frozen=True)
class StoryView:
    """A read-only picture of one story."""

    id: str
    founder: str
    members: tuple[str, ...]
    duplicates: tuple[str, ...]
    first: str | None
    last: str | None

    @property
    def size(self) -> int:
        """Distinct articles: syndicated copies count once (with their original)."""
        return len(self.members)


def story_id_for(article_id: str) -> str:
    """The id of a story founded by ``article_id``: stable across runs and arrivals."""
    return "s-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def _no_story(story_id: str) -> UsageError:
    return UsageError(f"no story {story_id!r}", hint="List stories with `newsprism stories`.")


class OnlineClusterer:
    """In-memory, incremental story clustering (no I/O: ``newsprism.stories`` stores it)."""

    def __init__(
        self,
        *,
        settings: ClusterSettings | None = None,
        constraints: Constraints | None = None,
        dim: int = 384,
        term_prior: TermPrior | None = None,
    ) -> None:
        self.settings = settings or ClusterSettings()
        self.term_prior = term_prior
        #: the share of the unseen articles gone by at the current article (see TermPrior)
        self._prior_share = 0.0
        self.constraints = constraints or Constraints()
        self.dim = dim
        self._index = VectorIndex(dim, exact_limit=self.settings.exact_limit)
        self._row_article: list[str] = []
        self._articles: dict[str, _Member] = {}
        self._stories: dict[str, _Story] = {}
        self._alias: dict[str, str] = {}
        self._df = np.zeros(TERM_SPACE, dtype=np.int32)
        self._docs = 0

    # --- reading -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def story_of(self, article_id: str) -> str:
        return self._articles[article_id].story

    def resolve(self, story_id: str) -> str:
        """The live id of a story (a merged-away id resolves to the story it joined)."""
        while story_id in self._alias:
            story_id = self._alias[story_id]
        return story_id

    def stories(self) -> list[StoryView]:
        return [self.story(sid) for sid in self._stories]

    def story(self, story_id: str) -> StoryView:
        s = self._stories.get(self.resolve(story_id))
        if s is None:
            raise _no_story(story_id)
        return StoryView(
            id=s.id,
            founder=s.founder,
            members=tuple(s.members),
            duplicates=tuple(s.duplicates),
            first=s.first.isoformat() if s.first else None,
            last=s.last.isoformat() if s.last else None,
        )

    def duplicate_of(self, article_id: str) -> str | None:
        return self._articles[article_id].duplicate_of

    def aliases(self) -> dict[str, str]:
        """Merged-away story id -> the story it was merged into."""
        return dict(self._alias)

    def assignments(self) -> dict[str, str]:
        """article id -> story id, for every article seen."""
        return {aid: m.story for aid, m in self._articles.items()}

    # --- adding --------------------------------------------------------------------------------

    def add(
        self,
        article_id: str,
        vector: np.ndarray,
        features: ClusterFeatures | None = None,
        *,
        published: str | date | None = None,
        position: int | None = None,
    ) -> Assignment:
        """Place one article; adding an article already placed returns its current place.

        ``position``: the article's place in the whole stream, read only with a ``term_prior``.
        """
        if article_id in self._articles:
            m = self._articles[article_id]
            return Assignment(article_id, m.story, False, m.duplicate_of, 1.0)
        vector = np.asarray(vector, dtype=np.float32).reshape(-1)
        if vector.shape[0] != self.dim:
            raise UsageError(
                f"vector of article {article_id} has {vector.shape[0]} dimensions, expected "
                f"{self.dim}",
                hint="Embed every article with the same model.",
            )
        features = features or ClusterFeatures.empty()
        if self.term_prior is not None and position is not None:
            self._prior_share = min(1.0, position / max(self.term_prior.stream, 1))
        day = published_day(published)
        ids, weights = term_weights(features)
        rows, sims = self._index.search(vector, self.settings.neighbours)

        original = self._find_original(features, rows, sims)
        if original is not None and original in self.constraints.apart(article_id):
            original = None  # a person split this copy from its original: respect that
        if original is not None:
            story = self._stories[self._articles[original].story]
            self._remember(article_id, vector, features, ids, weights, day, story.id, original)
            story.duplicates.append(article_id)
            self._extend_span(story, day)
            return Assignment(article_id, story.id, False, original, 1.0)

        self._count_terms(ids)
        story_id, score = self._choose(article_id, vector, features, ids, weights, day, rows)
        is_new = story_id is None
        if story_id is None:
            story_id = story_id_for(article_id)
            while story_id in self._stories or story_id in self._alias:
                story_id = story_id_for(story_id)  # re-founding after a split: keep ids unique
            self._stories[story_id] = _Story(id=story_id, founder=article_id)
        story = self._stories[story_id]
        self._remember(article_id, vector, features, ids, weights, day, story_id, None)
        self._absorb(story, article_id)
        reshaped = () if is_new else self._check_split(story)
        return Assignment(
            article_id, self._articles[article_id].story, is_new, None, score, reshaped
        )

    def add_many(
        self,
        items: Iterable[tuple[str, np.ndarray, ClusterFeatures | None, str | None]],
    ) -> list[Assignment]:
        return [self.add(a, v, f, published=p) for a, v, f, p in items]

    def _remember(
        self,
        article_id: str,
        vector: np.ndarray,
        features: ClusterFeatures,
        ids: np.ndarray,
        weights: np.ndarray,
        day: date | None,
        story_id: str,
        duplicate_of: str | None,
    ) -> None:
        row = self._index.add(vector)
        self._row_article.append(article_id)
        self._articles[article_id] = _Member(
            story=story_id,
            row=row,
            duplicate_of=duplicate_of,
            signature=features.signature,
            term_ids=ids,
            term_weights=weights,
            weekdays=features.weekdays,
            dates=features.dates,
            published=day,
            lead_ids=features.lead_ids.astype(np.int32),
        )

    def _find_original(
        self, features: ClusterFeatures, rows: np.ndarray, sims: np.ndarray
    ) -> str | None:
        if features.signature.size == 0:
            return None
        for row, sim in zip(rows, sims, strict=True):
            if sim < self.settings.duplicate_cosine:
                break
            other = self._articles[self._row_article[int(row)]]
            if estimated_jaccard(features.signature, other.signature) >= (
                self.settings.duplicate_jaccard
            ):
                hit = self._row_article[int(row)]
                return other.duplicate_of or hit
        return None

    def _count_terms(self, ids: np.ndarray) -> None:
        self._df[ids] += 1
        self._docs += 1

    def _idf(self, ids: np.ndarray) -> np.ndarray:
        if self.term_prior is None or not self._prior_share:
            return (np.log((self._docs + 1) / (self._df[ids] + 1)) + 1.0).astype(np.float32)
        share = self._prior_share
        docs = self._docs + share * self.term_prior.docs
        df = self._df[ids] + share * self.term_prior.df[ids]
        return (np.log((docs + 1) / (df + 1)) + 1.0).astype(np.float32)

    def _choose(
        self,
        article_id: str,
        vector: np.ndarray,
        features: ClusterFeatures,
        ids: np.ndarray,
        weights: np.ndarray,
        day: date | None,
        rows: np.ndarray,
    ) -> tuple[str | None, float]:
        together = self.constraints.together(article_id)
        for other in together:
            if other in self._articles:
                return self._articles[other].story, 1.0
        banned = {self._articles[a].story for a in self.constraints.apart(article_id) if a in self}
        candidates = {self._articles[self._row_article[int(r)]].story for r in rows} - banned
        best: tuple[str | None, float] = (None, -math.inf)
        doc = weights * self._idf(ids)
        doc_norm = float(np.linalg.norm(doc)) or 1.0
        article = Candidate(
            vector, ids, doc, doc_norm, features.lead_ids, features.weekdays, features.dates
        )
        gap = self.settings.max_gap_days
        for story_id in sorted(candidates):
            story = self._stories[story_id]
            if not in_span(story.first, story.last, day, gap):
                continue
            found = score(story, article, self._idf, self.settings)
            if found > best[1]:
                best = (story_id, found)
        if best[0] is None or best[1] < self.settings.threshold:
            return None, max(best[1], 0.0)
        return best

    # --- story bookkeeping ---------------------------------------------------------------------

    def _absorb(self, story: _Story, article_id: str) -> None:
        m = self._articles[article_id]
        m.story = story.id
        if m.duplicate_of is not None:
            story.duplicates.append(article_id)
            self._extend_span(story, m.published)
            return
        story.members.append(article_id)
        vector = self._index.vector(m.row)
        story.centroid = vector.copy() if story.centroid is None else story.centroid + vector
        story.term_ids, story.term_weights = add_sparse(
            story.term_ids, story.term_weights, m.term_ids, m.term_weights
        )
        self._prune(story)
        story.lead_ids, story.lead_counts = add_sparse(
            story.lead_ids, story.lead_counts, m.lead_ids, np.ones(m.lead_ids.size, np.float32)
        )
        limit = self.settings.profile_lead_items
        if story.lead_ids.size > 2 * limit:
            keep = np.sort(np.argsort(-story.lead_counts, kind="stable")[:limit])
            story.lead_ids, story.lead_counts = story.lead_ids[keep], story.lead_counts[keep]
        story.weekdays.update(m.weekdays)
        story.dates.update(m.dates)
        self._extend_span(story, m.published)

    def _prune(self, story: _Story) -> None:
        limit = self.settings.profile_terms
        if story.term_ids.size > 2 * limit:
            keep = np.sort(np.argpartition(-story.term_weights, limit)[:limit])
            story.term_ids, story.term_weights = story.term_ids[keep], story.term_weights[keep]

    @staticmethod
    def _extend_span(story: _Story, day: date | None) -> None:
        if day is None:
            return
        story.first = day if story.first is None else min(story.first, day)
        story.last = day if story.last is None else max(story.last, day)

    # --- automatic split -----------------------------------------------------------------------

    def _check_split(self, story: _Story) -> tuple[str, ...]:
        s = self.settings
        n = len(story.members)
        if (
            n > s.split_max_size
            or n < 2 * s.split_min_part
            or n < s.split_growth * story.checked
            or self._decided(story)
        ):
            return ()
        story.checked = n
        groups = self._two_groups(story.members)
        if groups is None:
            return ()
        founder_side = 0 if story.founder in groups[0] else 1
        leaving = groups[1 - founder_side]
        return self._split_off(story, leaving)

    def _decided(self, story: _Story) -> bool:
        """Whether a person's decision bears on the story: then it is theirs to split."""
        if not self.constraints:
            return False
        return any(self.constraints.together(a) or self.constraints.apart(a) for a in story.members)

    def _member_similarities(self, members: list[str]) -> np.ndarray:
        """The clusterer's own article-to-article likeness (embedding and IDF-weighted terms)."""
        items = [self._articles[a] for a in members]
        vectors = np.stack([self._index.vector(m.row) for m in items])
        ids = np.unique(np.concatenate([m.term_ids for m in items]))
        terms = np.zeros((len(items), ids.size), dtype=np.float32)
        for row, m in enumerate(items):
            terms[row, np.searchsorted(ids, m.term_ids)] = m.term_weights
        terms *= self._idf(ids)
        terms /= np.maximum(np.linalg.norm(terms, axis=1, keepdims=True), 1e-9)
        s = self.settings
        cosines = s.cosine_scale * (vectors @ vectors.T) + s.cosine_shift
        return s.embedding_weight * cosines + s.term_weight * (terms @ terms.T)

    def _two_groups(self, members: list[str]) -> tuple[set[str], set[str]] | None:
        """Average-link the members down to two groups; both when they are two events."""
        s = self.settings
        sims = self._member_similarities(members)
        link = sims.astype(np.float64)
        np.fill_diagonal(link, -np.inf)
        sizes = np.ones(len(members))
        groups: list[list[int]] = [[i] for i in range(len(members))]
        alive = np.ones(len(members), dtype=bool)
        while alive.sum() > 2:
            flat = int(np.argmax(np.where(alive[:, None] & alive[None, :], link, -np.inf)))
            a, b = divmod(flat, len(members))
            # Lance-Williams update for average linkage
            merged = (sizes[a] * link[a] + sizes[b] * link[b]) / (sizes[a] + sizes[b])
            link[a], link[:, a] = merged, merged
            link[a, a] = -np.inf
            sizes[a] += sizes[b]
            groups[a] += groups[b]
            alive[b] = False
            link[b], link[:, b] = -np.inf, -np.inf
        first, second = (groups[i] for i in np.flatnonzero(alive))
        if min(len(first), len(second)) < s.split_min_part:
            return None

        def within(group: list[int]) -> float:
            block = sims[np.ix_(group, group)]
            return float((block.sum() - np.trace(block)) / (len(group) * (len(group) - 1)))

        between = float(sims[np.ix_(first, second)].mean())
        if between >= s.split_between or between >= s.split_ratio * min(
            within(first), within(second)
        ):
            return None
        return {members[i] for i in first}, {members[i] for i in second}

    def _split_off(self, story: _Story, leaving: set[str]) -> tuple[str, ...]:
        gone = [a for a in story.members if a in leaving]
        gone += [a for a in story.duplicates if self._articles[a].duplicate_of in leaving]
        staying = [a for a in self._all_articles(story.id) if a not in set(gone)]
        new_id = story_id_for(gone[0])
        while new_id in self._stories or new_id in self._alias:
            new_id = story_id_for(new_id)
        self._rebuild(story, staying)
        self._stories[new_id] = _Story(id=new_id, founder=gone[0])
        self._rebuild(self._stories[new_id], gone)
        for sid in (story.id, new_id):
            self._stories[sid].checked = len(self._stories[sid].members)
        return story.id, new_id

    def _rebuild(self, story: _Story, articles: Iterable[str]) -> None:
        fresh = _Story(id=story.id, founder=story.founder)
        for article_id in articles:
            self._absorb(fresh, article_id)
        self._stories[story.id] = fresh

    def _all_articles(self, story_id: str) -> list[str]:
        s = self._stories[story_id]
        return [*s.members, *s.duplicates]

    # --- a person's decisions ------------------------------------------------------------------

    def merge(self, keep: str, other: str, *, made_at: str = "", note: str = "") -> Decision:
        """Fold story ``other`` into ``keep``; ``other`` then resolves to ``keep``."""
        keep, other = self.resolve(keep), self.resolve(other)
        for sid in (keep, other):
            if sid not in self._stories:
                raise _no_story(sid)
        if keep == other:
            raise UsageError(f"story {keep} cannot be merged with itself")
        decision = Decision(
            "merge",
            (keep, other),
            (tuple(self._all_articles(keep)), tuple(self._all_articles(other))),
            made_at,
            note,
        )
        self.constraints.apply(decision)
        self._rebuild(self._stories[keep], [*self._all_articles(keep), *self._all_articles(other)])
        del self._stories[other]
        self._alias[other] = keep
        return decision

    def split(
        self, story_id: str, article_ids: Iterable[str], *, made_at: str = "", note: str = ""
    ) -> tuple[str, Decision]:
        """Move ``article_ids`` out of a story into a new one; returns the new story's id."""
        story_id = self.resolve(story_id)
        if story_id not in self._stories:
            raise _no_story(story_id)
        current = self._all_articles(story_id)
        leaving = [a for a in current if a in set(article_ids)]
        staying = [a for a in current if a not in set(leaving)]
        if not leaving or not staying:
            raise UsageError(
                f"a split of {story_id} must leave articles on both sides",
                hint="Name some, not all, of the story's articles.",
            )
        founder = self._stories[story_id].founder
        if founder in leaving:  # the story keeps its id with whichever side keeps the founder
            leaving, staying = staying, leaving
        new_id = story_id_for(leaving[0])
        while new_id in self._stories or new_id in self._alias:
            new_id = story_id_for(new_id)
        decision = Decision(
            "split", (story_id, new_id), (tuple(staying), tuple(leaving)), made_at, note
        )
        self.constraints.apply(decision)
        self._rebuild(self._stories[story_id], staying)
        self._stories[new_id] = _Story(id=new_id, founder=leaving[0])
        self._rebuild(self._stories[new_id], leaving)
        return new_id, decision

    # --- state ---------------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """Everything needed to go on later (plain values and numpy arrays, no pickled objects);
        ``from_state`` restores a clusterer that places the next articles identically."""
        members = list(self._articles.items())
        stories = list(self._stories.values())
        return {
            "version": 1,
            "settings": self.settings.to_dict(),
            "dim": self.dim,
            "docs": self._docs,
            "alias": dict(self._alias),
            "decisions": [d.to_dict() for d in self.constraints.decisions],
            "articles": [
                {
                    "id": aid,
                    "story": m.story,
                    "row": m.row,
                    "duplicate_of": m.duplicate_of,
                    "weekdays": sorted(m.weekdays),
                    "dates": sorted(m.dates),
                    "published": m.published.isoformat() if m.published else None,
                }
                for aid, m in members
            ],
            "stories": [
                {
                    "id": s.id,
                    "founder": s.founder,
                    "members": s.members,
                    "duplicates": s.duplicates,
                    "weekdays": dict(s.weekdays),
                    "dates": dict(s.dates),
                    "first": s.first.isoformat() if s.first else None,
                    "last": s.last.isoformat() if s.last else None,
                    "checked": s.checked,
                }
                for s in stories
            ],
            "row_article": list(self._row_article),
            "vectors": self._index.vectors.copy(),
            "signatures": [m.signature for _, m in members],
            "article_terms": [(m.term_ids, m.term_weights) for _, m in members],
            "story_terms": [(s.term_ids, s.term_weights) for s in stories],
            "story_centroids": [s.centroid for s in stories],
            "article_leads": [m.lead_ids for _, m in members],
            "story_leads": [(s.lead_ids, s.lead_counts) for s in stories],
            "df": self._df.copy(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> OnlineClusterer:
        if state.get("version") != 1:
            raise UsageError(
                f"clusterer state version {state.get('version')!r} is not supported",
                hint="Rebuild the stories by re-ingesting the articles.",
            )
        clusterer = cls(
            settings=ClusterSettings(**state["settings"]),
            constraints=Constraints(Decision.from_dict(d) for d in state["decisions"]),
            dim=int(state["dim"]),
        )
        for vector in state["vectors"]:
            clusterer._index.add(vector)
        clusterer._row_article = list(state["row_article"])
        clusterer._docs = int(state["docs"])
        clusterer._df = np.array(state["df"], dtype=np.int32)
        clusterer._alias = dict(state["alias"])
        # states written before lead items existed load with none (they fill in as stories grow)
        no_lead = np.zeros(0, dtype=np.int32)
        article_leads = state.get("article_leads") or [no_lead] * len(state["articles"])
        story_leads = state.get("story_leads") or [(no_lead, no_lead)] * len(state["stories"])
        for item, signature, (ids, weights), lead in zip(
            state["articles"],
            state["signatures"],
            state["article_terms"],
            article_leads,
            strict=True,
        ):
            clusterer._articles[item["id"]] = _Member(
                story=item["story"],
                row=int(item["row"]),
                duplicate_of=item["duplicate_of"],
                signature=np.asarray(signature, dtype=np.uint32),
                term_ids=np.asarray(ids, dtype=np.int32),
                term_weights=np.asarray(weights, dtype=np.float32),
                weekdays=frozenset(item["weekdays"]),
                dates=frozenset(item["dates"]),
                published=published_day(item["published"]),
                lead_ids=np.asarray(lead, dtype=np.int32),
            )
        for item, (ids, weights), centroid, (lead_ids, lead_counts) in zip(
            state["stories"],
            state["story_terms"],
            state["story_centroids"],
            story_leads,
            strict=True,
        ):
            clusterer._stories[item["id"]] = _Story(
                id=item["id"],
                founder=item["founder"],
                members=list(item["members"]),
                duplicates=list(item["duplicates"]),
                centroid=None if centroid is None else np.asarray(centroid, dtype=np.float32),
                term_ids=np.asarray(ids, dtype=np.int32),
                term_weights=np.asarray(weights, dtype=np.float32),
                weekdays=Counter(item["weekdays"]),
                dates=Counter(item["dates"]),
                first=published_day(item["first"]),
                last=published_day(item["last"]),
                lead_ids=np.asarray(lead_ids, dtype=np.int32),
                lead_counts=np.asarray(lead_counts, dtype=np.float32),
                checked=int(item.get("checked", 0)),
            )
        return clusterer

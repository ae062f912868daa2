"""Fixtures for the web tests: a small store of fictional articles and fake stages.

The fake stages stand in for extract / compare / report so that the app's own behaviour
(routing, errors, escaping, limits, caching) is tested fast and without models; the browser
and contract tests use newsprism's real stages where this build has them.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import newsprism
from newsprism.errors import NotFound
from newsprism.models import Article
from newsprism.store import Store
from newsprism.web import Stages, StoryInfo, create_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"
BASE = "http://127.0.0.1:8000"


def fake_extract(article: Article) -> dict[str, Any]:
    """Marks every capitalised word as an entity, 'Monday'..'Sunday' as dates, quoted text."""
    import re

    text = article.text
    mentions, entities, times, quotes = [], {}, [], []
    for m in re.finditer(r"\b(Monday|Tuesday|Wednesday|Thursday)\b", text):
        times.append({"text": m.group(), "start": m.start(), "end": m.end(), "value": "2031-03-02"})
    for m in re.finditer(r"\b(Ona Reilly|Tomas Hale|Ada Pike|Brindle)\b", text):
        key = "person:" + m.group().lower().replace(" ", "_")
        entities.setdefault(
            key,
            {
                "key": key,
                "name": m.group(),
                "type": "person",
                "mentions": [],
                "aliases": [m.group()],
            },
        )
        entities[key]["mentions"].append(len(mentions))
        mentions.append(
            {
                "text": m.group(),
                "start": m.start(),
                "end": m.end(),
                "label": "PERSON",
                "entity_key": key,
            }
        )
    for m in re.finditer(r'"[^"]+"', text):
        quotes.append(
            {
                "text": m.group(),
                "start": m.start(),
                "end": m.end(),
                "speaker_name": "Ona Reilly",
                "direct": True,
            }
        )
    first = text.find("\n\n") + 2
    claims = [
        {"text": text[first : first + 40], "start": first, "end": first + 40, "action": "close"}
    ]
    return {
        "schema": 1,
        "article_id": article.id,
        "published": article.published,
        "entities": list(entities.values()),
        "mentions": mentions,
        "times": times,
        "quantities": [],
        "quotes": quotes,
        "claims": claims,
    }


@dataclass
class FakeComparison:
    articles: list[Article]

    def to_dict(self) -> dict[str, Any]:
        a, b = self.articles[0], self.articles[1]
        return {
            "sources": [{"id": x.id, "outlet": x.outlet, "title": x.title} for x in self.articles],
            "agreements": [],
            "additions": [],
            "contradictions": [
                {
                    "type": "number",
                    "confidence": 0.9,
                    "evidence": [_span(a, r"\d+ \w*boats"), _span(b, r"\d+ boats")],
                },
                {
                    "type": "date",
                    "confidence": 0.8,
                    "evidence": [_span(a, r"Monday"), _span(b, r"Tuesday")],
                },
            ],
            "brief": "A storm shut Brindle harbour.",
            "timeline": [],
            "actors": [],
        }


def _span(article: Article, pattern: str) -> dict[str, Any]:
    import re

    m = re.search(pattern, article.text)
    start, end = (m.start(), m.end()) if m else (0, 5)  # an article without it: its first word
    return {"source": article.id, "text": article.text[start:end], "start": start, "end": end}


def fake_compare(
    articles: Sequence[Article], extractions: Sequence[dict[str, Any]]
) -> FakeComparison:
    assert [x["article_id"] for x in extractions] == [a.id for a in articles]
    return FakeComparison(list(articles))


def fake_render(comparison: FakeComparison) -> str:
    """A self-contained page like the report stage's: inline style and script, marked spans."""
    data = comparison.to_dict()
    rows = []
    for i, c in enumerate(data["contradictions"]):
        cells = "".join(
            f'<td><mark class="contradiction" data-c="{i}">{html.escape(e["text"])}</mark></td>'
            for e in c["evidence"]
        )
        rows.append(f'<tr class="contradiction-row">{cells}</tr>')
    texts = "".join(
        f"<section><h2>{html.escape(a.title)}</h2><p>{html.escape(a.body)}</p></section>"
        for a in comparison.articles
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>story</title>"
        "<style>body{background:#fff}mark.contradiction{background:#f88}</style></head>"
        f"<body><h1>Brief</h1><p>{html.escape(data['brief'])}</p><table>{''.join(rows)}</table>{texts}"
        "<script>document.body.dataset.rendered = 'yes';</script></body></html>"
    )


class FakeStories:
    """Stories kept in memory: one story per outlet-less pair, merge and split by id lists."""

    def __init__(self, stories: dict[str, list[str]]):
        self.stories = dict(stories)
        self.counter = 0

    def _info(self, sid: str) -> StoryInfo:
        return StoryInfo(sid, f"Story {sid}", tuple(self.stories[sid]), ("Harbour Gazette",))

    def find(
        self, *, q: str, outlet: str, since: str, until: str, entity: str, limit: int, offset: int
    ) -> tuple[list[StoryInfo], int]:
        ids = sorted(self.stories)
        return [self._info(s) for s in ids[offset : offset + limit]], len(ids)

    def get(self, story_id: str) -> StoryInfo:
        if story_id not in self.stories:
            raise NotFound(f"no story {story_id!r}")
        return self._info(story_id)

    def merge(self, story_ids: Sequence[str]) -> StoryInfo:
        keep = story_ids[0]
        for sid in story_ids[1:]:
            self.stories[keep] += self.stories.pop(sid)
        return self._info(keep)

    def split(self, story_id: str, article_ids: Sequence[str]) -> list[StoryInfo]:
        self.counter += 1
        new = f"s{self.counter}x"
        self.stories[story_id] = [a for a in self.stories[story_id] if a not in article_ids]
        self.stories[new] = list(article_ids)
        return [self._info(story_id), self._info(new)]


FAKE_STAGES = Stages(extract=fake_extract, compare=fake_compare, render=fake_render)


def fill_store(path: Path) -> dict[str, str]:
    """Store the three fictional articles; returns their ids by short name."""
    with Store(path) as store:
        ids = {}
        for name, outlet, day in (
            ("harbour_gazette.txt", "Harbour Gazette", "2031-03-02"),
            ("harbour_tribune.txt", "Brindle Tribune", "2031-03-03"),
            ("hostile.html", None, "2031-03-05"),
        ):
            report = newsprism.ingest(
                FIXTURES / name, store, published=day, outlet=outlet, embed=False
            )
            ids[name.split(".")[0]] = report.added[0]
    return ids


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "web.db"
    return path, fill_store(path)


@pytest.fixture
def ids(db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return db[1]


def make_client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=BASE)


@pytest.fixture
def app(db: tuple[Path, dict[str, str]]) -> Iterator[FastAPI]:
    application = create_app(db[0], stages=FAKE_STAGES)
    yield application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with make_client(app) as c:
        yield c

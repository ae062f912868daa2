"""The JSON shapes of the HTTP API (they make the OpenAPI document at /openapi.json)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code, E101 .. E607", examples=["E601"])
    message: str = Field(description="What went wrong")
    hint: str | None = Field(None, description="What to do next")


class ErrorBody(BaseModel):
    """Every error the API returns, whatever its status."""

    error: ErrorDetail


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    version: str
    articles: int
    stories: bool = Field(description="Whether the cluster stage serves stories")
    compare: bool = Field(description="Whether the compare stage is available")
    writes_need_token: bool


class ArticleSummary(BaseModel):
    id: str
    title: str
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None
    word_count: int
    ingested_at: str
    snippet: str = Field("", description="Matching words in [brackets], when searching")


class Page(BaseModel):
    total: int = Field(description="How many items match, over all pages")
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleSummary]


class MetaValue(BaseModel):
    value: str
    source: str
    confidence: float


class ArticleDetail(BaseModel):
    id: str
    title: str
    body: str
    text: str = Field(description="Title, a blank line, then the body: extraction offsets index it")
    metadata: dict[str, MetaValue]
    location: str
    identity: str
    ingested_at: str
    previous_id: str | None
    superseded_by: str | None


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Mention(_Open):
    text: str
    start: int
    end: int
    label: str
    entity_key: str


class Entity(_Open):
    key: str
    name: str
    type: str
    mentions: list[int]
    aliases: list[str]


class TimeExpr(_Open):
    text: str
    start: int
    end: int
    value: str | None


class Quantity(_Open):
    text: str
    start: int
    end: int
    normalized: str


class Quote(_Open):
    text: str
    start: int
    end: int
    speaker_name: str | None
    direct: bool


class Claim(_Open):
    text: str
    start: int
    end: int
    action: str


class Extraction(_Open):
    """The extract stage's findings; every start/end indexes the article's ``text``."""

    article_id: str
    published: str | None
    entities: list[Entity]
    mentions: list[Mention]
    times: list[TimeExpr]
    quantities: list[Quantity]
    quotes: list[Quote]
    claims: list[Claim]


class Evidence(_Open):
    source: str = Field(description="The id of the source (see ``sources``) the span is in")
    text: str
    start: int
    end: int


class Finding(_Open):
    type: str | None = None
    confidence: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Comparison(_Open):
    """What the sources agree on, add and contradict (the compare stage's ``to_dict()``)."""

    sources: list[dict[str, Any]] = Field(default_factory=list)
    notices: list[dict[str, Any]] = Field(
        default_factory=list,
        description="What to know first, such as reports in a language the claim comparison "
        "does not read (docs/report-schema.md)",
    )
    agreed: list[Finding] = Field(default_factory=list)
    disputed: list[Finding] = Field(default_factory=list)
    agreements: list[Finding] = Field(
        default_factory=list, description="The schema 1 name of ``agreed``"
    )
    additions: list[Finding] = Field(default_factory=list)
    contradictions: list[Finding] = Field(default_factory=list)
    brief: Any = None
    timeline: Any = None
    actors: Any = None


class StorySummary(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    outlets: list[str]
    first_published: str | None
    last_published: str | None


class StoryPage(Page):
    items: list[StorySummary]


class StoryDetail(StorySummary):
    articles: list[ArticleSummary]
    comparison: Comparison | None = Field(
        description="None when the story has fewer than two articles"
    )


class MergeRequest(BaseModel):
    story_ids: list[str] = Field(min_length=2, max_length=100)


class SplitRequest(BaseModel):
    article_ids: list[str] = Field(
        min_length=1, max_length=1000, description="The articles that leave to form a new story"
    )


class StoryList(BaseModel):
    items: list[StorySummary]


class TextInput(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str = Field("", max_length=1000)
    outlet: str = Field("", max_length=200)
    published: str = Field("", max_length=64, description="ISO date, e.g. 2020-01-02")


class CompareRequest(BaseModel):
    """Articles to compare: stored ids, pasted texts and URLs, two or more in all."""

    ids: list[str] = Field(default_factory=list, max_length=20)
    texts: list[TextInput] = Field(default_factory=list, max_length=20)
    urls: list[str] = Field(default_factory=list, max_length=10)


class CompareResult(BaseModel):
    articles: list[ArticleSummary] = Field(description="The articles read, in input order")
    comparison: Comparison | None = Field(
        description="None when there was nothing to compare (see ``problem``)"
    )
    problem: ErrorDetail | None = Field(
        description="Why there is no comparison: fewer than two articles, or too many"
    )
    failed: list[ErrorDetail] = Field(description="Inputs that could not be read")


class IngestRequest(BaseModel):
    texts: list[TextInput] = Field(default_factory=list, max_length=200)
    urls: list[str] = Field(default_factory=list, max_length=50)


class IngestResult(BaseModel):
    added: list[str]
    unchanged: list[str]
    new_versions: list[str]
    failed: list[ErrorDetail]


class Outlet(BaseModel):
    outlet: str
    articles: int


class OutletList(BaseModel):
    items: list[Outlet]

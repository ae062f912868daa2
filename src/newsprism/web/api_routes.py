"""The JSON API under /api: everything the pages show, as data."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsprism import __version__
from newsprism.api import ingest_articles
from newsprism.errors import InvalidRequest, NewsprismError, RequestTooLarge, Unauthorized
from newsprism.models import Article, StoredArticle
from newsprism.store import ArticleFilter, ArticleRow
from newsprism.web import schemas as s
from newsprism.web.inputs import Pasted, ReadResult, Upload, read_inputs
from newsprism.web.state import WebState
from newsprism.web.stories import StoryInfo, find_stories

__all__ = ["article_filter", "require_writer", "router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": s.ErrorBody, "description": text}
    for code, text in (
        (400, "The input could not be read"),
        (401, "A write without the server's token"),
        (403, "Refused: a cross-site write, a blocked address or an unknown Host"),
        (404, "No such article or story"),
        (405, "Method not allowed"),
        (409, "An id prefix names several articles"),
        (413, "The request or an uploaded file is too large"),
        (422, "Invalid parameters"),
        (500, "A bug in newsprism"),
        (502, "A URL could not be fetched"),
        (503, "A pipeline stage is missing from this build"),
        (504, "A URL did not answer in time"),
    )
}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)
bearer = HTTPBearer(
    auto_error=False,
    description="The token the server was started with; needed for writes when it has one.",
)
DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?$"


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Writes need the server's token, when it has one (always, off loopback)."""
    check_token(state_of(request), credentials.credentials if credentials else None)


def check_token(state: WebState, given: str | None) -> None:
    if not state.token:
        return
    if not given or not hmac.compare_digest(given.encode(), state.token.encode()):
        raise Unauthorized(
            "this write needs the server's token" + (", and it was wrong" if given else "")
        )


def article_filter(
    q: Annotated[str, Query(max_length=500, description="Words to search for")] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(pattern=DATE, description="Published on or after (ISO)")] = "",
    until: Annotated[str, Query(pattern=DATE, description="Published on or before (ISO)")] = "",
    entity: Annotated[str, Query(max_length=200, description="A name the text mentions")] = "",
) -> ArticleFilter:
    return ArticleFilter(q=q, outlet=outlet.strip(), since=since, until=until, entity=entity)


Filter = Annotated[ArticleFilter, Depends(article_filter)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
Writer = Depends(require_writer)
ArticleId = Path(min_length=1, max_length=64, description="An article id, or its unique start")
StoryId = Path(min_length=1, max_length=64, description="A story id")


# --- reading ----------------------------------------------------------------------------------


@router.get(
    "/health", response_model=s.Health, summary="Whether the server is up, and what it can do"
)
def health(request: Request) -> dict[str, Any]:
    state = state_of(request)
    return {
        "status": "ok",
        "version": __version__,
        "articles": state.store.count(),
        "stories": state.stories is not None,
        "compare": state.stages.compare is not None,
        "writes_need_token": state.writes_need_token,
    }


@router.get(
    "/articles", response_model=s.ArticlePage, summary="Stored articles, searched and filtered"
)
def list_articles(
    request: Request, flt: Filter, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    listing = state_of(request).reader.articles(flt, limit=limit, offset=offset)
    return {
        "items": [row_dict(r) for r in listing.items],
        "total": listing.total,
        "limit": limit,
        "offset": offset,
    }


@router.get("/outlets", response_model=s.OutletList, summary="Outlets with their article counts")
def list_outlets(request: Request) -> dict[str, Any]:
    items = state_of(request).reader.outlets()
    return {"items": [{"outlet": o, "articles": n} for o, n in items]}


@router.get("/articles/{article_id}", response_model=s.ArticleDetail, summary="One article")
def get_article(request: Request, article_id: Annotated[str, ArticleId]) -> dict[str, Any]:
    return article_detail(state_of(request).store.get(article_id))


@router.get(
    "/articles/{article_id}/extraction",
    response_model=s.Extraction,
    summary="An article's entities, dates, quantities, quotes and claims, with offsets",
)
async def get_extraction(request: Request, article_id: Annotated[str, ArticleId]) -> dict[str, Any]:
    state = state_of(request)
    article = state.store.get(article_id).article
    return await run_in_threadpool(state.extraction, article)


@router.get("/stories", response_model=s.StoryPage, summary="Stories, searched and filtered")
def list_stories(
    request: Request, flt: Filter, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    state = state_of(request)
    items: list[StoryInfo] = []
    total = 0
    if state.stories is not None:
        items, total = find_stories(state.stories, flt, limit=limit, offset=offset)
    return {
        "items": [story_dict(i) for i in items],
        "total": total,
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/stories/{story_id}", response_model=s.StoryDetail, summary="One story and its comparison"
)
async def get_story(request: Request, story_id: Annotated[str, StoryId]) -> dict[str, Any]:
    state = state_of(request)
    info = state.story(story_id)
    articles = state.story_sources(info)
    comparison = None
    if len(articles) >= 2:
        comparison = comparison_dict(await run_in_threadpool(state.comparison, articles))
    return {
        **story_dict(info),
        "articles": [row_dict(r) for r in state.reader.summaries(list(info.article_ids))],
        "comparison": comparison,
    }


# --- writing ----------------------------------------------------------------------------------


@router.post(
    "/stories/merge",
    response_model=s.StorySummary,
    dependencies=[Writer],
    summary="Merge stories into one",
)
def merge_stories(request: Request, body: s.MergeRequest) -> dict[str, Any]:
    state = state_of(request)
    for story_id in body.story_ids:
        state.story(story_id)
    merged = _need_stories(state).merge(body.story_ids)
    state.bump()
    return story_dict(merged)


@router.post(
    "/stories/{story_id}/split",
    response_model=s.StoryList,
    dependencies=[Writer],
    summary="Move articles out of a story into a new one",
)
def split_story(
    request: Request, story_id: Annotated[str, StoryId], body: s.SplitRequest
) -> dict[str, Any]:
    state = state_of(request)
    state.story(story_id)
    parts = _need_stories(state).split(story_id, body.article_ids)
    state.bump()
    return {"items": [story_dict(p) for p in parts]}


@router.post(
    "/ingest", response_model=s.IngestResult, dependencies=[Writer], summary="Store texts and URLs"
)
async def ingest_json(request: Request, body: s.IngestRequest) -> dict[str, Any]:
    state = state_of(request)
    result = await run_in_threadpool(
        lambda: read_inputs(texts=_pasted(body.texts), urls=body.urls, options=state.read_options)
    )
    return await run_in_threadpool(store_articles, state, result)


@router.post(
    "/ingest/upload",
    response_model=s.IngestResult,
    dependencies=[Writer],
    summary="Store uploaded files",
)
async def ingest_upload(
    request: Request,
    files: Annotated[
        list[UploadFile], File(description="Text, HTML, feed, JSONL or CSV files")
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    outlet: Annotated[str, Form(max_length=200)] = "",
    published: Annotated[str, Form(max_length=64)] = "",
) -> dict[str, Any]:
    state = state_of(request)
    uploads = await read_uploads(state, files, outlet=outlet, published=published)
    result = await run_in_threadpool(
        lambda: read_inputs(uploads=uploads, options=state.read_options)
    )
    return await run_in_threadpool(store_articles, state, result)


# --- comparing (reads only) -------------------------------------------------------------------


@router.post(
    "/compare", response_model=s.CompareResult, summary="Compare stored articles, texts and URLs"
)
async def compare_json(request: Request, body: s.CompareRequest) -> dict[str, Any]:
    state = state_of(request)
    state.stages.need_compare()
    stored = [state.store.get(i).article for i in body.ids]
    result = await run_in_threadpool(
        lambda: read_inputs(texts=_pasted(body.texts), urls=body.urls, options=state.read_options)
    )
    return await run_in_threadpool(compare_result, state, stored + result.articles, result.failed)


@router.post("/compare/upload", response_model=s.CompareResult, summary="Compare uploaded files")
async def compare_upload(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Two or more articles as files")] = [],  # noqa: B006 (FastAPI copies defaults)
    published: Annotated[str, Form(max_length=64)] = "",
) -> dict[str, Any]:
    state = state_of(request)
    state.stages.need_compare()
    uploads = await read_uploads(state, files, outlet="", published=published)
    result = await run_in_threadpool(
        lambda: read_inputs(uploads=uploads, options=state.read_options)
    )
    return await run_in_threadpool(compare_result, state, result.articles, result.failed)


# --- helpers shared with the pages ------------------------------------------------------------


def compare_result(
    state: WebState, articles: list[Article], failed: Sequence[NewsprismError]
) -> dict[str, Any]:
    """The comparison of ``articles``; when they are too few or too many to compare, no
    comparison and a ``problem`` saying why (inputs that could not be read are in ``failed``)."""
    articles = _distinct(articles)
    problem = compare_problem(state, articles, failed)
    return {
        "articles": [article_summary(a) for a in articles],
        "comparison": None if problem else comparison_dict(state.comparison(articles)),
        "problem": error_detail(problem) if problem else None,
        "failed": [error_detail(f) for f in failed],
    }


def compare_problem(
    state: WebState, articles: Sequence[Article], failed: Sequence[NewsprismError] = ()
) -> NewsprismError | None:
    if len(articles) < 2:
        return InvalidRequest(
            f"comparing needs at least two readable articles, got {len(articles)}"
            + (f" ({len(failed)} input(s) could not be read)" if failed else ""),
            hint="Give two or more texts, URLs, files or stored article ids.",
        )
    if len(articles) > state.limits.max_compare:
        return InvalidRequest(
            f"{len(articles)} articles: at most {state.limits.max_compare} are compared at once",
            hint="Compare fewer articles.",
        )
    return None


def store_articles(state: WebState, result: ReadResult) -> dict[str, Any]:
    """Store what was read through the library's one ingest path (with ``embed_on_ingest``,
    embedded and placed in a story, as the CLI does)."""
    out: dict[str, Any] = {"added": [], "unchanged": [], "new_versions": []}
    if result.articles:
        report = ingest_articles(
            result.articles,
            state.store,
            embed=state.embed_on_ingest,
            cluster=state.embed_on_ingest,
        )
        out.update(added=report.added, unchanged=report.unchanged, new_versions=report.new_versions)
        state.bump()
    out["failed"] = [error_detail(f) for f in result.failed]
    return out


async def read_uploads(
    state: WebState, files: Sequence[UploadFile], *, outlet: str, published: str
) -> list[Upload]:
    cap = state.limits.max_upload_bytes
    uploads = []
    for f in files:
        data = await f.read(cap + 1)
        if len(data) > cap:
            raise RequestTooLarge(f"{f.filename or 'a file'} is over the {cap:,}-byte upload limit")
        uploads.append(Upload(f.filename or "upload", data, outlet=outlet, published=published))
    return uploads


def _pasted(texts: Sequence[s.TextInput]) -> list[Pasted]:
    return [Pasted(t.text, t.title, t.outlet, t.published) for t in texts]


def _distinct(articles: list[Article]) -> list[Article]:
    return list({a.id: a for a in articles}.values())


def _need_stories(state: WebState) -> Any:
    assert state.stories is not None  # state.story() raised already otherwise
    return state.stories


def error_detail(exc: NewsprismError) -> dict[str, Any]:
    message = f"{exc.location}: {exc.message}" if exc.location else exc.message
    return {"code": exc.code, "message": message, "hint": exc.hint or None}


def row_dict(row: ArticleRow) -> dict[str, Any]:
    return dict(row.__dict__)


def article_summary(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "author": a.meta("author"),
        "url": a.url,
        "word_count": len(a.body.split()),
        "ingested_at": "",
        "snippet": "",
    }


def article_detail(stored: StoredArticle) -> dict[str, Any]:
    a = stored.article
    return {
        "id": a.id,
        "title": a.title,
        "body": a.body,
        "text": a.text,
        "metadata": {k: v.to_dict() for k, v in sorted(a.metadata.items())},
        "location": a.location,
        "identity": a.identity,
        "ingested_at": stored.ingested_at,
        "previous_id": stored.previous_id,
        "superseded_by": stored.superseded_by,
    }


def story_dict(info: StoryInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "article_ids": list(info.article_ids),
        "outlets": list(info.outlets),
        "first_published": info.first_published,
        "last_published": info.last_published,
    }


def comparison_dict(comparison: Any) -> dict[str, Any]:
    data = comparison.to_dict() if hasattr(comparison, "to_dict") else comparison
    return dict(data)

"""Server-rendered HTML pages (Jinja2, autoescaped) over the same functions as the API."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from newsprism.errors import InvalidRequest, NewsprismError, RequestTooLarge
from newsprism.models import Article
from newsprism.store import ArticleFilter
from newsprism.web.api_routes import (
    Filter,
    Offset,
    check_token,
    compare_problem,
    state_of,
)
from newsprism.web.highlight import extraction_spans, highlight
from newsprism.web.inputs import Pasted, Upload, read_inputs
from newsprism.web.state import WebState, etag
from newsprism.web.stories import StoryInfo, find_stories
from newsprism.web.story_page import wrap_story

__all__ = ["render_error", "router"]

TEMPLATES = Path(__file__).parent / "templates"
PAGE = 50
KINDS = (
    ("entity", "entities"),
    ("time", "dates"),
    ("quantity", "numbers"),
    ("quote", "quotes"),
    ("claim", "claims"),
)

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_SNIPPET = re.compile(r"\[([^\[\]]*)\]")


def _snippet(text: str) -> Markup:
    """FTS snippets mark matches with [brackets]: show them as <mark>, all else escaped."""
    out = Markup("")
    last = 0
    for m in _SNIPPET.finditer(text):
        out += escape(text[last : m.start()]) + Markup("<mark>") + escape(m.group(1))
        out += Markup("</mark>")
        last = m.end()
    return out + escape(text[last:])


env.filters["snippet"] = _snippet
router = APIRouter(include_in_schema=False)


def render(name: str, **context: Any) -> str:
    return env.get_template(name).render(**context)


def render_error(request: Request, exc: NewsprismError, status: int) -> str:
    message = f"{exc.location}: {exc.message}" if exc.location else exc.message
    return render("error.html", status=status, code=exc.code, message=message, hint=exc.hint or "")


def safe_link(url: str | None) -> str | None:
    """Only http(s) links are links: ``javascript:`` and friends stay text."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


# --- lists ------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, flt: Filter, offset: Offset = 0) -> HTMLResponse:
    state = state_of(request)
    if state.stories is not None:
        items, total = find_stories(state.stories, flt, limit=PAGE, offset=offset)
        if total or not flt.is_empty():
            html = render(
                "stories.html",
                items=items,
                total=total,
                offset=offset,
                limit=PAGE,
                flt=flt,
                outlets=state.reader.outlets(),
                page_url=_pager("/", flt),
            )
            return HTMLResponse(html)
    notice = "No stories yet: here are the stored articles. Tick two or more to compare them."
    return _articles_page(state, flt, offset, heading="Stories", notice=notice, action="/")


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, flt: Filter, offset: Offset = 0) -> HTMLResponse:
    return _articles_page(state_of(request), flt, offset, heading="Articles", action="/articles")


def _articles_page(
    state: WebState, flt: ArticleFilter, offset: int, *, heading: str, action: str, notice: str = ""
) -> HTMLResponse:
    listing = state.reader.articles(flt, limit=PAGE, offset=offset)
    html = render(
        "articles.html",
        heading=heading,
        notice=notice,
        items=listing.items,
        total=listing.total,
        offset=offset,
        limit=PAGE,
        flt=flt,
        outlets=state.reader.outlets(),
        action_path=action,
        nav_q=flt.q,
        page_url=_pager(action, flt),
    )
    return HTMLResponse(html)


def _pager(path: str, flt: ArticleFilter) -> Callable[[int], str]:
    base = {k: v for k, v in flt.__dict__.items() if v}

    def url(offset: int) -> str:
        return path + "?" + urlencode({**base, "offset": offset})

    return url


# --- one article ------------------------------------------------------------------------------


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: str) -> HTMLResponse:
    state = state_of(request)
    stored = state.store.get(article_id)
    article = stored.article
    extraction: dict[str, Any] | None = None
    notice = ""
    try:
        extraction = await run_in_threadpool(state.extraction, article)
    except NewsprismError as exc:  # no model: still show the text, say why it is plain
        notice = f"Not highlighted: {exc.message}. {exc.hint}"
    if extraction is not None:
        from newsprism.extract.chunks import limit_notice

        notice = limit_notice(extraction.get("analysed_chars"), len(article.text))
    spans = extraction_spans(extraction) if extraction else []
    html = render(
        "article.html",
        article=article,
        meta=sorted(article.metadata.items()),
        safe_url=safe_link(article.url),
        extraction=extraction,
        text_html=highlight(article.text, spans),
        kinds=KINDS,
        notice=notice,
    )
    return HTMLResponse(html)


# --- stories ----------------------------------------------------------------------------------


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str) -> Response:
    state = state_of(request)
    info = state.story(story_id)
    articles = state.story_articles(info)
    tag = etag(str(state.generation), info.id, *info.article_ids)
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers={"etag": tag})
    response = await run_in_threadpool(
        _comparison_page,
        state,
        articles,
        story=info,
        heading=info.title or info.id,
        compared=state.story_sources(info),
    )
    response.headers["etag"] = tag
    return response


@router.post("/stories/merge")
async def merge_form(request: Request) -> Response:
    state = state_of(request)
    form = await request.form(max_files=0, max_fields=120, max_part_size=10_000)
    check_token(state, _field(form.get("token")) or None)
    ids = [v.strip() for v in map(_field, form.getlist("story_ids")) if v.strip()]
    if len(ids) < 2:
        raise InvalidRequest("merging needs two or more story ids")
    for sid in ids:
        state.story(sid)
    assert state.stories is not None
    merged = await run_in_threadpool(state.stories.merge, ids)
    state.bump()
    return RedirectResponse(f"/stories/{merged.id}", status_code=303)


@router.post("/stories/{story_id}/split")
async def split_form(request: Request, story_id: str) -> Response:
    state = state_of(request)
    form = await request.form(max_files=0, max_fields=1100, max_part_size=10_000)
    check_token(state, _field(form.get("token")) or None)
    ids = [_field(v) for v in form.getlist("article_ids")]
    if not ids:
        raise InvalidRequest("tick the articles that should leave the story")
    state.story(story_id)
    assert state.stories is not None
    parts = await run_in_threadpool(state.stories.split, story_id, ids)
    state.bump()
    return RedirectResponse(f"/stories/{parts[-1].id}", status_code=303)


# --- compare ----------------------------------------------------------------------------------


def _ids(ids: Annotated[list[str], Query(max_length=50)] = []) -> list[str]:  # noqa: B006
    return [i for i in ids if i.strip()]


@router.get("/compare", response_class=HTMLResponse)
async def compare_page(request: Request, ids: Annotated[list[str], Depends(_ids)]) -> Response:
    state = state_of(request)
    if not ids:
        return HTMLResponse(render("compare.html", available=state.stages.compare is not None))
    state.stages.need_compare()
    articles = [state.store.get(i).article for i in ids]
    return await run_in_threadpool(
        _comparison_page, state, articles, story=None, heading="Comparison"
    )


@router.post("/compare", response_class=HTMLResponse)
async def compare_submit(request: Request) -> Response:
    state = state_of(request)
    state.stages.need_compare()
    cap = state.limits.max_upload_bytes
    form = await request.form(max_files=20, max_fields=100, max_part_size=cap)
    texts = []
    for i in range(1, 21):
        text = _field(form.get(f"text_{i}"))
        if text.strip():
            texts.append(
                Pasted(
                    text,
                    title=_field(form.get(f"title_{i}")),
                    outlet=_field(form.get(f"outlet_{i}")),
                    published=_field(form.get(f"published_{i}")),
                )
            )
    urls = [u.strip() for u in _field(form.get("urls")).splitlines() if u.strip()][:20]
    published = _field(form.get("published"))
    uploads = []
    for f in form.getlist("files"):
        if isinstance(f, str) or not f.filename:
            continue
        data = await f.read(cap + 1)
        if len(data) > cap:
            raise RequestTooLarge(f"{f.filename} is over the {cap:,}-byte upload limit")
        uploads.append(Upload(f.filename, data, published=published))
    result = await run_in_threadpool(
        lambda: read_inputs(texts=texts, urls=urls, uploads=uploads, options=state.read_options)
    )
    failed = [str(f) for f in result.failed]
    return await run_in_threadpool(
        _comparison_page,
        state,
        result.articles,
        story=None,
        heading="Comparison",
        failed=failed,
        stored=False,
    )


def _field(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _comparison_page(
    state: WebState,
    articles: list[Article],
    *,
    story: StoryInfo | None,
    heading: str,
    failed: list[str] | None = None,
    stored: bool = True,
    compared: list[Article] | None = None,
) -> HTMLResponse:
    """The report stage's story page with our navigation and tools around it.

    ``articles`` are listed; ``compared`` (all of them when None) are compared."""
    compared = articles if compared is None else compared
    tools = Markup(
        render(
            "story_tools.html",
            story=story,
            articles=[_source(a, stored) for a in articles],
            failed=failed or [],
            need_token=state.writes_need_token,
        )
    )
    problem = compare_problem(state, compared)
    if problem is None and state.stages.compare is not None:
        html = state.story_html(compared)
        if html is not None:
            page, csp = wrap_story(html, nav=Markup(render("nav.html")), tools=tools)
            return HTMLResponse(page, headers={"content-security-policy": csp})
        data = state.comparison(compared)
        text = json.dumps(data.to_dict() if hasattr(data, "to_dict") else data, indent=2)
        notice = "The report stage is not available in this build: the comparison as data."
    elif problem is not None:
        text, notice = "", f"{problem.message}. {problem.hint}"
    else:
        text, notice = "", "The compare stage is not available in this newsprism build."
    page = render(
        "story_fallback.html", heading=heading, notice=notice, comparison_json=text, tools=tools
    )
    return HTMLResponse(page)


def _source(a: Article, stored: bool) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "stored": stored,
    }

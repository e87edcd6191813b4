"""The JSON API: the story contract's shapes, paginated lists, search, and token-guarded ingest."""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from storylens.store import Store
from storylens.store.queries import Page, SearchHit, entity_page, list_stories, search, story_contract
from storylens.web.security import require_token
from storylens.web.views.common import MAX_PAGE, StoryQuery, store_of, story_query

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=100)]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]

#: Upload names keep their suffix (it tells ingest the format) only when it is one of these.
UPLOAD_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".xml", ".warc", ".gz"}


def _paged(page: Page, key: str, items: list[Any]) -> dict[str, Any]:
    return {
        key: items,
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "has_next": page.has_next,
    }


@router.get("/stories", summary="Stories, latest or largest first, filtered and paginated")
def api_stories(
    request: Request, query: Annotated[StoryQuery, Depends(story_query)], limit: Limit = 20
) -> dict[str, Any]:
    if query.entity_unknown:
        raise HTTPException(404, f"No entity named {query.entity_text!r}.")
    page = list_stories(store_of(request).engine, query.filters, query.order, limit, (query.page - 1) * limit)
    return _paged(page, "stories", [asdict(row) for row in page.items])


@router.get("/stories/{story_id:path}", summary="One story in the story JSON contract, with its articles")
def api_story(request: Request, story_id: str) -> JSONResponse:
    found = story_contract(store_of(request), story_id)
    if found is None:
        raise HTTPException(404, "No such story.")
    return JSONResponse(found)  # plain JSON already: skip FastAPI's per-value encoder on large stories


@router.get("/articles/{article_id:path}", summary="One article in the contract's article shape")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    article = store_of(request).load_article(article_id)
    if article is None:
        raise HTTPException(404, "No such article.")
    return {**article.contract_dict(), "story_id": article.story_id}


@router.get("/entities/{entity_id:path}", summary="An entity, its stories (paginated) and its quotes")
def api_entity(request: Request, entity_id: str, page: PageNumber = 1, limit: Limit = 20) -> dict[str, Any]:
    found = entity_page(store_of(request).engine, entity_id, limit, (page - 1) * limit)
    if found is None:
        raise HTTPException(404, "No such entity.")
    return {
        "entity": asdict(found.entity),
        **_paged(found.stories, "stories", [asdict(row) for row in found.stories.items]),
        "quotes": [asdict(q) for q in found.quotes],
    }


@router.get("/search", summary="Full-text search over articles and claims")
def api_search(
    request: Request,
    q: Annotated[str, Query(max_length=300)],
    kind: Literal["article", "claim"] | None = None,
    page: PageNumber = 1,
    limit: Limit = 20,
) -> dict[str, Any]:
    found = search(store_of(request).engine, q, kind, limit, (page - 1) * limit)
    return {"query": q, **_paged(found, "results", [_hit_json(h) for h in found.items])}


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    """A hit with a plain-text snippet and the character ranges in it that matched."""
    snippet, matches = "", []
    for piece, is_match in hit.snippet:
        if is_match:
            matches.append([len(snippet), len(snippet) + len(piece)])
        snippet += piece
    return {
        "kind": hit.kind,
        "id": hit.ref_id,
        "story_id": hit.story_id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published_utc": hit.published_utc,
        "snippet": snippet,
        "matches": matches,
    }


@router.post(
    "/articles",
    summary="Ingest articles (needs the bearer token)",
    description="A JSON object or list of objects in the CLI's JSONL input format "
    '(`{"id", "url", "outlet", "title", "published", "authors", "text" | "html"}`), '
    "or a multipart upload of files under the field `file`. Refused unless the server has STORYLENS_TOKEN.",
)
async def api_ingest(request: Request) -> dict[str, Any]:
    require_token(request, request.app.state.ingest_token)
    content_type = request.headers.get("content-type", "")
    with tempfile.TemporaryDirectory(prefix="storylens-upload-") as tmp:
        if content_type.startswith("application/json"):
            paths = [_write_records(await _json_records(request), Path(tmp))]
        elif content_type.startswith("multipart/form-data"):
            paths = await _write_uploads(request, Path(tmp))
        else:
            raise HTTPException(415, "send application/json or multipart/form-data")
        return await run_in_threadpool(_ingest, store_of(request), paths)


async def _json_records(request: Request) -> list[dict[str, Any]]:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as error:
        raise HTTPException(400, f"body is not JSON: {error}") from None
    records = body if isinstance(body, list) else [body]
    if not records or not all(isinstance(r, dict) for r in records):
        raise HTTPException(400, "send an article object or a non-empty list of them")
    return records


def _write_records(records: list[dict[str, Any]], folder: Path) -> str:
    path = folder / "api-articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


async def _write_uploads(request: Request, folder: Path) -> list[str]:
    form = await request.form(max_files=100)
    uploads = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
    if not uploads:
        raise HTTPException(400, "no file under the form field 'file'")
    paths = []
    for number, upload in enumerate(uploads):
        path = folder / _upload_name(upload.filename or "", number)
        path.write_bytes(await upload.read())
        paths.append(str(path))
    return paths


def _upload_name(filename: str, number: int) -> str:
    """A safe local name: no directories from the client, a known suffix or none."""
    stem = re.sub(r"[^\w.-]", "_", Path(filename).name)[:80].lstrip(".") or "upload"
    suffix = Path(stem).suffix.lower()
    return f"{number:03d}-{stem if suffix in UPLOAD_SUFFIXES else Path(stem).stem or 'upload'}"


def _ingest(store: Store, paths: list[str]) -> dict[str, Any]:
    from storylens.pipeline import ingest_paths

    report = ingest_paths(paths, store)  # one run at a time: the pipeline holds the store's ingest lock
    return {
        "added": report.added,
        "already_stored": len(report.already_stored),
        "errors": [{"source": Path(e.source).name, "reason": e.reason} for e in report.errors],
        "stories": sorted(report.stories),
    }

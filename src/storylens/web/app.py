"""The FastAPI application: HTML pages, the JSON API and the static assets, all served from here.

No CDN and no inline script: the Content-Security-Policy allows only our own files. The
Swagger pages FastAPI would load from a CDN are off; the OpenAPI document stays at
``/openapi.json``.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storylens.errors import SetupError
from storylens.store import Store
from storylens.web.security import MAX_BODY_BYTES, BodyLimit, SecurityHeaders
from storylens.web.templating import render
from storylens.web.views import api, article, entity, home, outlet, search, story

STATIC = Path(__file__).parent / "static"


def create_app(
    store: Store, ingest_token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES
) -> FastAPI:
    """The app over ``store``; ``POST /api/articles`` needs ``ingest_token`` (default: $STORYLENS_TOKEN)."""
    app = FastAPI(
        title="storylens",
        summary="News stories compared across outlets, claim by claim.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.ingest_token = ingest_token if ingest_token is not None else os.environ.get("STORYLENS_TOKEN")
    for module in (home, story, article, entity, outlet, search, api):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(SetupError, _setup_error)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    return app


class HeadAsGet:
    """ASGI middleware answering HEAD on every GET route: the GET's status and headers, no body.

    FastAPI routes declare GET only (so the OpenAPI document lists no HEAD twins); link checkers,
    monitors and caches ask HEAD first and would otherwise get 405.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
    return render(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)


async def _setup_error(request: Request, exc: SetupError) -> Response:
    """The server lacks something ingest needs (a model): 503 naming it, as the CLI does, not a
    bare 500; nothing the client sent is to blame."""
    return await _http_error(request, StarletteHTTPException(503, f"setup: {exc}"))


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, 422)
    return render(
        request, "error.html", 422, status=422, detail="Some of the page's parameters are not valid."
    )


def serve(db: str, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Open the store at ``db`` and serve it until interrupted (loopback unless ``host`` says otherwise)."""
    import uvicorn

    store = Store(db)
    try:
        uvicorn.run(create_app(store), host=host, port=port, log_level="info", proxy_headers=False)
    finally:
        store.close()

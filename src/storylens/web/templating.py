"""The Jinja2 environment: autoescaping always on, with the few filters the templates need."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storylens.present.excerpt import quotation, shown_text
from storylens.web.present import article_when, initials, when
from storylens.web.security import safe_url

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        when=when,
        article_when=article_when,
        day=lambda value: when(value, with_time=False),
        seg=lambda value: quote(str(value), safe=""),
        safe_url=safe_url,
        initials=initials,
        query=_query_string,
        excerpt=shown_text,
        quotation=quotation,
    )
    return env


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    """``params`` updated with ``changes`` as a query string, empty values left out."""
    merged = {**params, **changes}
    return urlencode([(k, v) for k, v in merged.items() if v not in (None, "")], doseq=True)


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from template ``name``."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)

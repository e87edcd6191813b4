"""What several views share: the store of the app, paging, and the story-list filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Query, Request

from storylens.store import Store
from storylens.store.queries import EntityRecord, Order, StoryFilter, find_entity

PAGE_SIZE = 20
MAX_PAGE = 10_000

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def store_of(request: Request) -> Store:
    return request.app.state.store


def offset_of(page: int, size: int = PAGE_SIZE) -> int:
    return (page - 1) * size


@dataclass
class StoryQuery:
    """The story-list parameters as asked (to refill the form) and as understood."""

    order: Order
    page: int
    date_from: str
    date_to: str
    outlet: str
    entity_text: str
    entity: EntityRecord | None

    @property
    def filters(self) -> StoryFilter:
        return StoryFilter(
            date_from=self.date_from or None,
            date_to=self.date_to or None,
            outlet=self.outlet or None,
            entity_id=self.entity.id if self.entity else None,
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.date_from or self.date_to or self.outlet or self.entity_text)

    @property
    def entity_unknown(self) -> bool:
        return bool(self.entity_text) and self.entity is None

    def params(self, **changes: object) -> dict[str, object]:
        """The query-string parameters, with ``changes``: for pagination and ordering links."""
        params: dict[str, object] = {
            "order": self.order,
            "from": self.date_from,
            "to": self.date_to,
            "outlet": self.outlet,
            "entity": self.entity_text,
            "page": self.page,
        }
        params.update(changes)
        return params


def story_query(
    request: Request,
    order: Literal["latest", "largest"] = "latest",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    date_from: Annotated[str, Query(alias="from", max_length=10, description="YYYY-MM-DD")] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10, description="YYYY-MM-DD")] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    entity: Annotated[str, Query(max_length=200, description="an entity id or name")] = "",
) -> StoryQuery:
    """FastAPI dependency: story-list filters; an empty or malformed date is no filter (forms send "")."""
    entity_text = entity.strip()
    return StoryQuery(
        order=order,
        page=page,
        date_from=date_from if _DAY.fullmatch(date_from) else "",
        date_to=date_to if _DAY.fullmatch(date_to) else "",
        outlet=outlet.strip(),
        entity_text=entity_text,
        entity=find_entity(store_of(request).engine, entity_text) if entity_text else None,
    )

"""The story page and its side-by-side reading view.

The page is built from the stored :class:`Story` and its articles: claims grouped by
status, each with the sentence every outlet wrote; omissions, conflicts, framing, quotes,
entities and the timeline. Views here only arrange; the comparison was made by ``compare``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storylens.models import (
    Article,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Framing,
    Quote,
    Story,
    SummarySentence,
    Support,
)
from storylens.store.queries import StoryBundle, story_bundle
from storylens.web.present import (
    InContext,
    Mark,
    Piece,
    in_context,
    initials,
    marked_paragraphs,
    outlet_palette,
)
from storylens.web.templating import render
from storylens.web.views.common import store_of

router = APIRouter()

STATUSES = ("consensus", "partial", "unique")
#: Most articles the reading view puts side by side.
MAX_COLUMNS = 4
#: Supporting sentences the story page shows inline; the claims past this budget load theirs on
#: opening (or on their own page without JavaScript), which bounds the page on large stories.
INLINE_SUPPORTS = 120


@dataclass
class SupportView:
    support: Support
    article: Article
    context: InContext


@dataclass
class ClaimView:
    number: int
    claim: Claim
    supports: list[SupportView]
    inline: bool = True  # its sentences are on the story page itself

    @property
    def sources(self) -> list[tuple[Article, int]]:
        """Per source stating the claim (see :func:`source_key`), its first article and how many state it."""
        counts: dict[str, list] = {}
        for s in self.supports:
            counts.setdefault(source_key(s.article), [s.article, 0])[1] += 1
        return [(article, n) for article, n in counts.values()]


def source_key(article: Article) -> str:
    """An article's outlet; an article whose outlet is unknown is a source of its own."""
    return article.outlet or f"article:{article.id}"


@dataclass
class OmissionView:
    """The claims none of a source's articles in the story report."""

    articles: list[Article]
    claims: list[ClaimView]


@dataclass
class ConflictView:
    conflict: Conflict
    values: list[tuple[ConflictValue, Article | None]]
    claims: list[ClaimView]


@dataclass
class FramingView:
    framing: Framing
    claim: ClaimView | None
    variants: list[tuple[Article, str, str | None]]  # article, phrase, connotation


@dataclass
class SpeakerView:
    name: str
    entity_id: str | None
    quotes: list[tuple[Quote, Article]]


@dataclass
class CiteView:
    """A summary citation, labelled by its outlet's initials (or the article's number when unknown)."""

    citation: Citation
    article: Article
    label: str


@dataclass
class StoryPage:
    """Everything the story template shows, resolved to articles and numbered claims."""

    story: Story
    articles: list[Article]  # by publication time
    palette: dict[str, str]
    claims: dict[str, list[ClaimView]]
    claim_by_id: dict[str, ClaimView]
    omissions: list[OmissionView]
    conflicts: list[ConflictView]
    framing: list[FramingView]
    speakers: list[SpeakerView]
    summary: list[tuple[SummarySentence, list[CiteView]]]
    entities: dict[str, list[Entity]]
    by_id: dict[str, Article]

    def outlet_class(self, article_id: str) -> str:
        article = self.by_id.get(article_id)
        return self.palette.get(source_key(article), "") if article else ""


def build_story_page(bundle: StoryBundle) -> StoryPage:
    story, by_id = bundle.story, bundle.articles
    articles = sorted(
        by_id.values(), key=lambda a: (a.published is None, a.published and a.published.timestamp(), a.id)
    )
    claim_views = _claim_views(story, by_id)
    claim_by_id = {view.claim.id: view for view in claim_views}
    grouped = {status: [v for v in claim_views if v.claim.status == status] for status in STATUSES}
    return StoryPage(
        story=story,
        articles=articles,
        palette=outlet_palette([source_key(a) for a in articles]),
        claims=grouped,
        claim_by_id=claim_by_id,
        omissions=_omissions_by_outlet(story, articles, claim_by_id),
        conflicts=[_conflict_view(c, by_id, claim_by_id) for c in story.conflicts],
        framing=[_framing_view(f, by_id, claim_by_id) for f in story.framing],
        speakers=_speakers(story, by_id),
        summary=[(sentence, _cites(sentence, articles)) for sentence in story.summary],
        entities=_entities_by_type(story.entities),
        by_id=by_id,
    )


def _cites(sentence: SummarySentence, articles: list[Article]) -> list[CiteView]:
    """One citation per outlet (its first), so six articles of two outlets read as two sources."""
    number = {a.id: n for n, a in enumerate(articles, start=1)}
    by_id = {a.id: a for a in articles}
    cites: dict[str, CiteView] = {}
    for citation in sentence.citations:
        article = by_id.get(citation.article_id)
        if article is not None:
            label = initials(article.outlet) if article.outlet else f"#{number[article.id]}"
            cites.setdefault(source_key(article), CiteView(citation, article, label))
    return list(cites.values())


def _claim_views(story: Story, by_id: dict[str, Article]) -> list[ClaimView]:
    ordered = sorted(story.claims, key=lambda c: (STATUSES.index(c.status), -c.importance))
    views, shown = [], 0
    for number, claim in enumerate(ordered, start=1):
        supports = [
            SupportView(s, by_id[s.article_id], in_context(by_id[s.article_id], s.start, s.end, s.field))
            for s in claim.support
            if s.article_id in by_id
        ]
        shown += len(supports)
        views.append(ClaimView(number, claim, supports, inline=shown <= INLINE_SUPPORTS))
    return views


def _omissions_by_outlet(
    story: Story, articles: list[Article], claims: dict[str, ClaimView]
) -> list[OmissionView]:
    """Per outlet, the claims every one of its articles omits (one article stating it is enough)."""
    omitted = {o.article_id: o.claim_ids for o in story.omissions}
    by_source: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_source[source_key(article)].append(article)
    views = []
    for own in by_source.values():
        others = [set(omitted.get(a.id, ())) for a in own[1:]]
        common = [c for c in omitted.get(own[0].id, ()) if c in claims and all(c in o for o in others)]
        if common:
            views.append(OmissionView(own, [claims[c] for c in common]))
    return views


def _conflict_view(
    conflict: Conflict, by_id: dict[str, Article], claims: dict[str, ClaimView]
) -> ConflictView:
    values = [(v, by_id.get(v.article_id)) for v in conflict.values]
    if conflict.update:
        values.sort(key=lambda pair: pair[0].published or "")
    return ConflictView(conflict, values, [claims[c] for c in conflict.claim_ids if c in claims])


def _framing_view(framing: Framing, by_id: dict[str, Article], claims: dict[str, ClaimView]) -> FramingView:
    variants = [
        (by_id[v.article_id], v.phrase, v.connotation) for v in framing.variants if v.article_id in by_id
    ]
    return FramingView(framing, claims.get(framing.claim_id), variants)


def _speakers(story: Story, by_id: dict[str, Article]) -> list[SpeakerView]:
    """Quotes grouped by speaker, the most quoted first; unattributed quotes last."""
    known_entities = {e.id for e in story.entities}
    groups: dict[str, SpeakerView] = {}
    for quote in story.quotes:
        if quote.article_id not in by_id:
            continue
        name = quote.speaker or "Unattributed"
        entity_id = quote.speaker_entity_id if quote.speaker_entity_id in known_entities else None
        view = groups.setdefault(name, SpeakerView(name, entity_id, []))
        view.quotes.append((quote, by_id[quote.article_id]))
    return sorted(groups.values(), key=lambda v: (v.name == "Unattributed", -len(v.quotes), v.name))


def _entities_by_type(entities: list[Entity]) -> dict[str, list[Entity]]:
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in sorted(entities, key=lambda e: (-len(e.article_ids), e.name)):
        grouped[entity.type].append(entity)
    return dict(grouped)


def _page_or_redirect(request: Request, story_id: str, suffix: str = "") -> StoryPage | Response:
    """The story's page data, or a redirect when the id was merged into another story."""
    bundle = story_bundle(store_of(request), story_id)
    if bundle is None:
        raise HTTPException(404, "No such story.")
    if bundle.story.id != story_id:
        target = request.url_for("story_page", story_id=bundle.story.id).path + suffix
        return RedirectResponse(target + (f"?{request.url.query}" if request.url.query else ""), 301)
    return build_story_page(bundle)


@router.get(
    "/stories/{story_id:path}/read", response_class=HTMLResponse, name="story_read", include_in_schema=False
)
def story_read(request: Request, story_id: str, a: Annotated[list[str] | None, Query()] = None) -> Response:
    page = _page_or_redirect(request, story_id, "/read")
    if isinstance(page, Response):
        return page
    chosen = _chosen_articles(page, a or [])
    columns = reading_columns(page, chosen)
    return render(
        request, "read.html", page=page, columns=columns, chosen=chosen, aligned=aligned_claims(page, columns)
    )


@router.get(
    "/stories/{story_id:path}/claims/{claim_id}",
    response_class=HTMLResponse,
    name="claim_page",
    include_in_schema=False,
)
def claim_page(request: Request, story_id: str, claim_id: str, fragment: bool = False) -> Response:
    """One claim with every outlet's sentence: its own page, or the piece the story page loads on opening."""
    page = _page_or_redirect(request, story_id, f"/claims/{claim_id}")
    if isinstance(page, Response):
        return page
    view = page.claim_by_id.get(claim_id)
    if view is None:
        raise HTTPException(404, "No such claim in this story.")
    return render(request, "claim_fragment.html" if fragment else "claim.html", page=page, v=view)


@router.get(
    "/stories/{story_id:path}", response_class=HTMLResponse, name="story_page", include_in_schema=False
)
def story_page(request: Request, story_id: str) -> Response:
    page = _page_or_redirect(request, story_id)
    if isinstance(page, Response):
        return page
    return render(request, "story.html", page=page, default_pair=_chosen_articles(page, []))


def _chosen_articles(page: StoryPage, asked: list[str]) -> list[Article]:
    """The articles asked for (known ones, in order), completed to two from different outlets first."""
    chosen = [page.by_id[i] for i in dict.fromkeys(asked) if i in page.by_id][:MAX_COLUMNS]
    if len(chosen) >= 2:
        return chosen
    sources = {source_key(x) for x in chosen}
    firsts = []
    for article in page.articles:
        if source_key(article) not in sources:
            sources.add(source_key(article))
            firsts.append(article)
    rest = [x for x in page.articles if x not in firsts]
    return (chosen + [x for x in firsts + rest if x not in chosen])[:2]


@dataclass
class ReadingColumn:
    """One article of the reading view, its claim spans marked and linked to the next column's."""

    index: int
    article: Article
    paragraphs: list[list[Piece]]
    anchored: set[str]  # claims with a marked span here (the target of the other columns' links)
    links: dict[str, int] = field(default_factory=dict)  # claim id -> next column marking it


def reading_columns(page: StoryPage, chosen: list[Article]) -> list[ReadingColumn]:
    columns = []
    for index, article in enumerate(chosen):
        marks = [
            Mark(s.start, s.end, view.claim.id, view.claim.status)
            for view in page.claim_by_id.values()
            for s in view.claim.support
            if s.article_id == article.id and s.field == "text"
        ]
        paragraphs = marked_paragraphs(article.text, marks)
        columns.append(ReadingColumn(index, article, paragraphs, _set_anchors(paragraphs, f"c{index}-")))
    for column in columns:
        others = [columns[(column.index + k) % len(columns)] for k in range(1, len(columns))]
        for claim_id in column.anchored:
            target = next((other for other in others if claim_id in other.anchored), None)
            if target is not None:
                column.links[claim_id] = target.index
    return columns


def _set_anchors(paragraphs: list[list[Piece]], prefix: str) -> set[str]:
    """Give the first piece of each claim an id; returns the claims anchored."""
    seen: set[str] = set()
    for piece in (p for paragraph in paragraphs for p in paragraph):
        if piece.mark and piece.mark.key not in seen:
            seen.add(piece.mark.key)
            piece.anchor = prefix + piece.mark.key
    return seen


def aligned_claims(
    page: StoryPage, columns: list[ReadingColumn]
) -> list[tuple[ClaimView, list[ReadingColumn]]]:
    """The claims marked in two or more of the chosen articles, with the columns marking them."""
    aligned = []
    for view in page.claim_by_id.values():
        stating = [c for c in columns if view.claim.id in c.anchored]
        if len(stating) >= 2:
            aligned.append((view, stating))
    return aligned

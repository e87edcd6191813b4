"""The web pages and the JSON API through FastAPI's TestClient, over a real SQLite store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storylens.models import Claim, Omission, Story, contract
from storylens.schema import validate_contract
from storylens.store import Store
from storylens.store.queries import StoryBundle
from storylens.web import views
from storylens.web.app import create_app
from storylens.web.views import story as story_views
from storylens.web.views.story import build_story_page
from tests.test_web_corpus import (
    BRIDGE_TEXTS,
    HOSTILE,
    HOSTILE_PAGES,
    Corpus,
    build_corpus,
    make_article,
    support,
)

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Corpus]]:
    store = Store(str(tmp_path_factory.mktemp("web") / "web.db"))
    corpus = build_corpus(store)
    yield store, corpus
    store.close()


@pytest.fixture(scope="module")
def client(corpus_store: tuple[Store, Corpus]) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_store[0], ingest_token=TOKEN, max_body_bytes=64_000)) as test_client:
        yield test_client


def page_text(html: str) -> str:
    """The visible text of a page, tags dropped and entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# ---------------------------------------------------------------------- home


def story_links(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/stories/([^"]+)">', html)


def test_home_lists_latest_stories_with_pagination(
    client: TestClient, corpus_store: tuple[Store, Corpus]
) -> None:
    first = client.get("/")
    assert first.status_code == 200
    listed = story_links(first.text.split('id="list-h"')[1])
    assert listed[:2] == ["story-bridge", "story-evil"]  # latest coverage first
    assert len(listed) == 20 and 'rel="next"' in first.text
    second = story_links(client.get("/?page=2").text)
    total = 2 + len(corpus_store[1].filler_ids)
    assert len(second) == total - 20 and not set(second) & set(listed)


def test_home_orders_by_size_and_filters(client: TestClient) -> None:
    assert story_links(client.get("/?order=largest").text.split('id="list-h"')[1])[0] == "story-bridge"
    assert story_links(client.get("/?outlet=Progress+Daily").text) == ["story-bridge"]
    assert story_links(client.get("/?entity=lina+ortiz").text) == ["story-bridge"]
    in_march = story_links(client.get("/?from=2026-03-03&to=2026-03-31").text)
    assert in_march == ["story-bridge"]  # its coverage runs 2 to 3 March
    assert story_links(client.get("/?from=2026-01-02&to=2026-01-03").text) == [
        "story-filler-2",
        "story-filler-1",
    ]


def test_home_says_when_an_entity_is_unknown_and_lists_nothing(client: TestClient) -> None:
    response = client.get("/?entity=Nobody+Known")
    assert "No person, organisation or place is called" in response.text
    assert story_links(response.text) == []


def test_malformed_dates_are_ignored_not_errors(client: TestClient) -> None:
    assert client.get("/?from=yesterday&to=").status_code == 200


# ---------------------------------------------------------------------- story


def test_story_page_shows_every_outlets_sentence_for_a_claim(client: TestClient) -> None:
    html = client.get("/stories/story-bridge").text
    claim = html.split('id="claim-c1"')[1].split("</li>\n    \n")[0]
    for key, (outlet, _title, _when, text) in BRIDGE_TEXTS.items():
        assert outlet in claim
        sentence = re.search(r"[^.]*harbour bridge was closed on Monday[^.]*\.", text)
        assert sentence and sentence.group(0).strip() in page_text(claim)
        assert f"/articles/{key}?hl=" in claim


def test_story_page_groups_claims_and_shows_comparison_sections(client: TestClient) -> None:
    html = client.get("/stories/story-bridge").text
    text = page_text(html)
    order = [text.index(h) for h in ("Everyone reports", "Some report", "Only one reports")]
    assert order == sorted(order)
    for section in (
        "omissions",
        "conflicts",
        "framing",
        "quotes",
        "entities",
        "timeline",
        "read",
        "articles",
    ):
        assert f'id="{section}"' in html
    updates = html.split('class="updates"')[1].split("</ol>")[0]
    assert updates.index("40,000") < updates.index("45,000")  # an update reads earlier → later
    disputes = html.split('id="conflicts"')[1].split("</section>")[0].split('<div class="conflict')
    assert ["Between parties" in d for d in disputes[1:]] == [False, False, True]
    assert "Chaos hit Kestrel Bay" in html.split('id="framing"')[1]
    assert text.count("Lina Ortiz 3") == 1  # one speaker, three quotes


def test_a_clause_claim_is_shown_as_quoted_in_part(client: TestClient) -> None:
    """The exact span stays in the API; the pages mark where its sentence goes on."""
    shown = "… commuters faced hours of delays …"
    assert shown in page_text(client.get("/stories/story-bridge").text)
    assert shown in page_text(client.get("/stories/story-bridge/claims/c4").text)
    claims = client.get("/api/stories/story-bridge").json()["stories"][0]["claims"]
    assert [c["text"] for c in claims if c["id"] == "c4"] == ["commuters faced hours of delays"]


def test_reading_view_links_aligned_claims_across_columns(client: TestClient) -> None:
    html = client.get("/stories/story-bridge/read?a=wire-1&a=progress-1").text
    assert html.count('class="column"') == 2
    assert 'id="c0-c1"' in html and 'href="#c1-c1"' in html and 'href="#c0-c1"' in html
    assert 'data-claim="c5"' in html and 'href="#c0-c5"' not in html  # only Progress Daily states c5
    default = client.get("/stories/story-bridge/read").text
    assert default.count('class="column"') == 2


def test_claims_past_the_inline_budget_load_from_their_own_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_views, "INLINE_SUPPORTS", 3)  # c1's three sentences fit, no more
    html = client.get("/stories/story-bridge").text
    first, later = html.split('id="claim-c1"')[1].split('id="claim-c3"')
    assert 'class="supports"' in first and "data-fragment" not in first
    assert 'data-fragment="/stories/story-bridge/claims/c3?fragment=1"' in later
    own_page = page_text(client.get("/stories/story-bridge/claims/c3").text)
    assert all(outlet in own_page for outlet, *_ in BRIDGE_TEXTS.values())
    fragment = client.get("/stories/story-bridge/claims/c3?fragment=1").text
    assert fragment.lstrip().startswith('<ul class="supports">') and "<html" not in fragment
    assert "About 35,000 vehicles use the bridge daily" in fragment
    assert client.get("/stories/story-bridge/claims/nope").status_code == 404


def test_a_merged_story_redirects_to_the_survivor(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "merged.db"))
    build_corpus(store, fillers=2)
    store.merge_stories("story-filler-0", "story-bridge")
    with TestClient(create_app(store)) as local:
        response = local.get("/stories/story-filler-0/read?a=wire-1", follow_redirects=False)
        assert response.status_code == 301
        assert response.headers["location"] == "/stories/story-bridge/read?a=wire-1"
        assert local.get("/api/stories/story-filler-0").json()["stories"][0]["id"] == "story-bridge"
    store.close()


def test_unknown_pages_are_404_in_html_and_json(client: TestClient) -> None:
    page = client.get("/stories/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    api = client.get("/api/stories/nope")
    assert api.status_code == 404 and api.json() == {"detail": "No such story."}
    assert client.get("/entities/nope").status_code == 404
    assert client.get("/outlets/Nobody").status_code == 404


# ---------------------------------------------------------------------- article, entity, outlet, search


def test_article_page_marks_claims_and_the_cited_span(client: TestClient) -> None:
    text = BRIDGE_TEXTS["wire-1"][3]
    start = text.index("About 40,000")
    html = client.get(f"/articles/wire-1?hl={start}-{start + 12}").text
    assert '<mark class="cited" id="cited" tabindex="-1">About 40,000</mark>' in html
    assert 'href="/stories/story-bridge#claim-c2"' in html
    assert 'id="cited"' not in client.get("/articles/wire-1?hl=5-99999").text  # out of range: ignored


def test_entity_page_shows_aliases_stories_and_quotes(client: TestClient) -> None:
    html = client.get("/entities/e-ortiz").text
    text = page_text(html)
    assert (
        "mayor of Kestrel Bay" in text
        and "Mayor Lina Ortiz" in text
        and story_links(html) == ["story-bridge"]
    )
    assert text.count("Safety comes first") == 1  # shown without the comma that led to "she said"


def test_outlet_page_shows_what_it_leaves_out_and_adds(client: TestClient) -> None:
    progress = page_text(client.get("/outlets/Progress%20Daily").text)
    left_out = progress.split("Left out")[1].split("Only here")[0]
    assert "The mayor said the closure would last at least two weeks." in left_out
    assert "1 of 3 claims" in left_out
    assert "Inspectors had warned of corrosion in 2024." in progress.split("Only here")[1]
    clarion = page_text(client.get("/outlets/The%20Daily%20Clarion").text)
    assert "… commuters faced hours of delays —" in clarion.split("Only here")[1]
    terms = clarion.split("Loaded terms")[1]
    assert "chaos hit kestrel bay loaded 1" in terms and "furious alarm 1" in terms


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def search_client(request: pytest.FixtureRequest, client: TestClient) -> Iterator[TestClient]:
    """Search on both backends: the module's SQLite client, or the corpus (fewer fillers) on PostgreSQL."""
    if request.param == "sqlite":
        yield client
        return
    store = Store(request.getfixturevalue("postgres_url"))
    build_corpus(store, fillers=2)
    with TestClient(create_app(store)) as pg_client:
        yield pg_client
    store.close()


def test_search_never_fails_on_odd_input(search_client: TestClient) -> None:
    for query in ['"(', "AND OR NOT", "bridge*", "x' OR 1=1 --", "NEAR(a b)", "the", "!:&|", ""]:
        assert search_client.get("/search", params={"q": query}).status_code == 200, query
        assert search_client.get("/api/search", params={"q": query}).status_code == 200, query


def test_search_finds_articles_and_claims_by_their_own_words(search_client: TestClient) -> None:
    found = search_client.get("/api/search", params={"q": "corrosion"}).json()
    assert {(r["kind"], r["id"]) for r in found["results"]} == {("claim", "c5"), ("article", "progress-1")}
    claims = search_client.get("/api/search", params={"q": "kestrel", "kind": "claim"}).json()
    assert claims["total"] == 0  # a claim does not match on its story's title
    hit = found["results"][0]
    assert [hit["snippet"][a:b].lower() for a, b in hit["matches"]] == ["corrosion"]
    html = search_client.get("/search?q=corrosion").text
    assert "<mark>corrosion</mark>" in html
    stemmed = search_client.get("/api/search", params={"q": "warn inspector"}).json()["results"]
    assert stemmed and all(len(r["matches"]) == 2 for r in stemmed)  # "Inspectors had warned"


def test_search_results_of_hostile_text_render_inert(search_client: TestClient) -> None:
    html = search_client.get("/search?q=second+paragraph").text
    assert 'href="/articles/evil-1"' in html
    assert_inert(html)


# ---------------------------------------------------------------------- JSON API


def test_api_story_is_the_contract(client: TestClient) -> None:
    doc = client.get("/api/stories/story-bridge").json()
    validate_contract(doc)
    assert [s["id"] for s in doc["stories"]] == ["story-bridge"]
    assert {a["id"] for a in doc["articles"]} == set(BRIDGE_TEXTS)


def test_api_story_equals_models_contract(client: TestClient, corpus_store: tuple[Store, Corpus]) -> None:
    store = corpus_store[0]
    story = store.load_story("story-bridge")
    assert story is not None
    expected = contract([story], store.load_articles(story.article_ids))
    assert client.get("/api/stories/story-bridge").json() == expected


def test_omissions_are_per_outlet_claims_none_of_its_articles_state() -> None:
    arts = {
        k: make_article(k, outlet, k, datetime(2026, 1, 1, tzinfo=UTC), "One. Two.", "s")
        for k, outlet in [("a1", "Wire"), ("a2", "Wire"), ("b1", "Post")]
    }
    claims = [Claim(c, c, "partial", [support(arts["b1"], "One.")]) for c in ("c1", "c2")]
    story = Story(
        "s", "S", list(arts), claims=claims, omissions=[Omission("a1", ["c1", "c2"]), Omission("a2", ["c2"])]
    )
    page = build_story_page(StoryBundle(story, arts))
    assert [([a.id for a in o.articles], [v.claim.id for v in o.claims]) for o in page.omissions] == [
        (["a1", "a2"], ["c2"])
    ]


def test_api_lists_are_paginated(client: TestClient, corpus_store: tuple[Store, Corpus]) -> None:
    first = client.get("/api/stories", params={"limit": 5}).json()
    assert first["total"] == 2 + len(corpus_store[1].filler_ids) and first["has_next"]
    assert [s["id"] for s in first["stories"]][:1] == ["story-bridge"]
    assert "Meridian Wire" in first["stories"][0]["outlets"]
    second = client.get("/api/stories", params={"limit": 5, "page": 2}).json()
    assert second["offset"] == 5 and not {s["id"] for s in first["stories"]} & {
        s["id"] for s in second["stories"]
    }
    assert client.get("/api/stories", params={"limit": 1000}).status_code == 422


def test_api_article_and_entity(client: TestClient) -> None:
    article = client.get("/api/articles/wire-1").json()
    assert article["text"] == BRIDGE_TEXTS["wire-1"][3] and article["story_id"] == "story-bridge"
    entity = client.get("/api/entities/e-ortiz").json()
    assert entity["entity"]["name"] == "Lina Ortiz" and [s["id"] for s in entity["stories"]] == [
        "story-bridge"
    ]
    assert len(entity["quotes"]) == 3


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/articles",
    ):
        assert path in paths
    assert "/" not in paths  # HTML pages are not part of the API


# ---------------------------------------------------------------------- security


@pytest.mark.parametrize("path", ["/", "/stories/story-bridge", "/api/stories", "/static/style.css", "/nope"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe" not in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


VIEW_MODULES = ("home", "story", "article", "entity", "outlet", "search", "api")
#: A URL for every GET route of the app, by route.
GET_URLS = {
    "/": "/",
    "/stories/{story_id:path}": "/stories/story-bridge",
    "/stories/{story_id:path}/read": "/stories/story-bridge/read",
    "/stories/{story_id:path}/claims/{claim_id}": "/stories/story-bridge/claims/c1",
    "/articles/{article_id:path}": "/articles/wire-1",
    "/entities/{entity_id:path}": "/entities/e-ortiz",
    "/outlets/{name:path}": "/outlets/Meridian%20Wire",
    "/search": "/search?q=bridge",
    "/api/stories": "/api/stories",
    "/api/stories/{story_id:path}": "/api/stories/story-bridge",
    "/api/articles/{article_id:path}": "/api/articles/wire-1",
    "/api/entities/{entity_id:path}": "/api/entities/e-ortiz",
    "/api/search": "/api/search?q=bridge",
    "/openapi.json": "/openapi.json",
    "/static": "/static/style.css",
}


def test_head_answers_every_get_route_like_get_without_a_body(client: TestClient) -> None:
    modules = (
        getattr(views, name) for name in ("home", "story", "article", "entity", "outlet", "search", "api")
    )
    routes = {r.path for m in modules for r in m.router.routes if "GET" in r.methods}
    assert routes | {"/openapi.json", "/static"} == set(GET_URLS)
    for url in GET_URLS.values():
        got, head = client.get(url), client.head(url)
        assert (head.status_code, head.content) == (200, b""), url
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == str(len(got.content))
        assert head.headers["content-security-policy"] == got.headers["content-security-policy"]
    assert client.head("/stories/nope").status_code == 404
    assert client.head("/api/articles").status_code == 405  # POST only


@pytest.mark.parametrize(
    "path", [*HOSTILE_PAGES, "/outlets/" + "%3Cb%3EEvil%3C%2Fb%3E%20" + HOSTILE.replace('"', "%22")]
)
def test_hostile_text_renders_inert(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.text)


def assert_inert(html: str) -> None:
    """No script but our own, no ``javascript:`` link, no live tag or handler from the hostile text."""
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
    assert (
        "<img" not in html and "<b>Evil" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
    )
    assert "&lt;script&gt;" in html


def test_javascript_url_of_an_article_is_not_a_link(client: TestClient) -> None:
    html = client.get("/articles/evil-1").text
    assert "javascript:alert(3)" in html and "Original</a>" not in html


# ---------------------------------------------------------------------- ingest


def test_ingest_is_refused_without_a_configured_token(corpus_store: tuple[Store, Corpus]) -> None:
    with TestClient(create_app(corpus_store[0], ingest_token="")) as local:
        response = local.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert response.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_ingest_needs_the_bearer_token(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/articles", json={"text": "x"}, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_ingest_refuses_large_bodies_and_unknown_types(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post("/api/articles", json={"text": "x" * 70_000}, headers=auth)
    assert big.status_code == 413
    streamed = iter([b"x" * 40_000] * 2)  # no Content-Length: counted as it arrives
    chunked = client.post(
        "/api/articles", content=streamed, headers={**auth, "Content-Type": "application/json"}
    )
    assert chunked.status_code == 413
    assert (
        client.post(
            "/api/articles", content=b"hi", headers={**auth, "Content-Type": "text/plain"}
        ).status_code
        == 415
    )
    bad = client.post(
        "/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
    )
    assert bad.status_code == 400
    assert client.post("/api/articles", json=[], headers=auth).status_code == 400


@pytest.mark.slow
def test_ingest_with_the_token_runs_the_pipeline(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "ingest.db"))
    article = {
        "id": "api-1",
        "url": "https://example.org/api-1",
        "outlet": "Meridian Wire",
        "title": "Ferry service to Kestrel Bay resumes",
        "published": "2026-03-05T09:00:00+00:00",
        "text": "The ferry service to Kestrel Bay resumed on Thursday after a two-day strike ended.\n\n"
        "About 3,000 passengers use the ferry each day, the operator said.",
    }
    with TestClient(create_app(store, ingest_token=TOKEN)) as local:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        first = local.post("/api/articles", json=article, headers=auth).json()
        assert first["added"] == ["api-1"] and first["errors"] == [] and len(first["stories"]) == 1
        again = local.post("/api/articles", files={"file": ("same.jsonl", json.dumps(article))}, headers=auth)
        assert again.json()["added"] == [] and again.json()["already_stored"] == 1
        stored = local.get("/api/articles/api-1").json()
        assert stored["outlet"] == "Meridian Wire" and stored["story_id"] == first["stories"][0]
    store.close()


def test_ingest_without_the_spacy_model_is_a_named_setup_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STORYLENS_SPACY_MODEL", "en_no_such_pipeline")
    store = Store(str(tmp_path / "setup.db"))
    article = {
        "id": "s-1",
        "outlet": "Meridian Wire",
        "title": "A ferry resumes",
        "text": "The ferry resumed.",
    }
    with TestClient(create_app(store, ingest_token=TOKEN)) as local:
        answer = local.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 503 and "en_no_such_pipeline" in answer.json()["detail"]
    assert store.count_articles() == 0
    store.close()

"""The eval tasks on a small corpus whose scores are worked out by hand, and the runner around them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from storylens.compare.omissions import find_omissions
from storylens.eval.claims import evaluate_claims
from storylens.eval.clusters import evaluate_corpus_clustering
from storylens.eval.corpus import CorpusRun, run_corpus
from storylens.eval.extraction import score_articles
from storylens.eval.gold import GoldArticle, gold_articles, load_gold, sample_dir
from storylens.eval.quotes import evaluate_quotes
from storylens.eval.runner import TASKS, format_table, resolve_dataset, run_eval
from storylens.models import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Omission,
    Quote,
    Story,
    Support,
    contract,
)
from storylens.schema import validate_contract

BODY_A = "The mill burned on Monday.\n\n“We ran,” said Lena Hardwick. Twelve were hurt."
BODY_B = "Fire hit the mill on Monday. Ten were hurt, officials said."
BODY_C = "The city council met."
FEED, FEED_ITEM = "articles/feed.rss.xml", "https://b.example/1"


def _span(body: str, text: str, source: str, item: str | None = None) -> dict[str, Any]:
    start = body.index(text)
    return {"source": source, "item": item, "text": text, "start": start, "end": start + len(text)}


def _quote(body: str, text: str, speaker: str | None, kind: str, form: str) -> dict[str, Any]:
    start = body.index(text)
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "speaker": speaker,
        "speaker_text": "x",
        "kind": kind,
        "speaker_form": form,
    }


def _article(source: str, item: str | None, body: str, quotes: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "source": source,
        "item": item,
        "outlet": "Meridian Wire",
        "title": f"Title of {source}",
        "subtitle": None,
        "published": "2025-03-03T11:48:00+05:30",
        "authors": ["Ann Lee", "Bo Ng"],
        "body": body,
        "copy_of": None,
        "quotes": quotes,
    }


def _gold_corpus(folder: Path) -> Path:
    e1 = {
        "event": "E1",
        "articles": [
            _article(
                "articles/a.txt", None, BODY_A, [_quote(BODY_A, "We ran,", "Lena Hardwick", "direct", "name")]
            ),
            _article(FEED, FEED_ITEM, BODY_B, [_quote(BODY_B, "Ten were hurt", None, "indirect", "none")]),
        ],
        "facts": [
            {
                "id": "F1",
                "statement": "fire",
                "status": "consensus",
                "support": [
                    _span(BODY_A, "The mill burned", "articles/a.txt"),
                    _span(BODY_B, "Fire hit the mill", FEED, FEED_ITEM),
                ],
            },
            {
                "id": "F2",
                "statement": "12 hurt",
                "status": "unique",
                "support": [_span(BODY_A, "Twelve were hurt", "articles/a.txt")],
            },
            {
                "id": "F3",
                "statement": "10 hurt",
                "status": "unique",
                "support": [_span(BODY_B, "Ten were hurt", FEED, FEED_ITEM)],
            },
        ],
        "conflicts": [{"facts": ["F2", "F3"], "kind": "number", "values": []}],
    }
    e2 = {"event": "E2", "articles": [_article("articles/c.txt", None, BODY_C, [])]}
    (folder / "gold").mkdir()
    (folder / "articles").mkdir()
    for event in (e1, e2):
        (folder / "gold" / f"{event['event']}.json").write_text(json.dumps(event), encoding="utf-8")
    return folder


PREFIX = "Advertisement\n\n"  # extraction left clutter in article a: spans must be projected


def _predicted() -> tuple[list[Article], list[Story]]:
    a = Article(id="a", source="/corpus/articles/a.txt", text=PREFIX + BODY_A)
    b = Article(id="b", source="/corpus/articles/feed.rss.xml", text=BODY_B, url=FEED_ITEM)
    c = Article(id="c", source="/corpus/articles/c.txt", text=BODY_C)
    a.story_id = b.story_id = "s1"
    c.story_id = "s2"

    def support(article: Article, text: str) -> Support:
        start = article.text.index(text)
        return Support(article.id, text, start, start + len(text))

    def quote(article: Article, text: str, speaker: str, kind: str) -> Quote:
        s = support(article, text)
        return Quote(article.id, speaker, None, speaker, text, s.start, s.end, kind)

    story = Story(
        id="s1",
        title="fire",
        article_ids=["a", "b"],
        quotes=[
            quote(a, "We ran,", "lena hardwick", "direct"),
            quote(b, "Ten were hurt", "Officials", "indirect"),
            quote(a, "Twelve were hurt", "Lena Hardwick", "indirect"),
        ],
        claims=[
            Claim(
                "c1", "fire", "consensus", [support(a, "The mill burned"), support(b, "Fire hit the mill")]
            ),
            Claim("c2", "12 hurt", "partial", [support(a, "Twelve were hurt")]),
            Claim("c3", "10 hurt", "unique", [support(b, "Ten were hurt, officials said")]),
        ],
        omissions=[Omission("b", ["c2"])],
        conflicts=[Conflict(["c2", "c3"], "number", "toll")],
    )
    return [a, b, c], [story, Story(id="s2", title="council", article_ids=["c"])]


@pytest.fixture
def run(tmp_path: Path) -> CorpusRun:
    folder = _gold_corpus(tmp_path)
    articles, stories = _predicted()
    return CorpusRun(folder, load_gold(folder), articles, stories, [])


def test_quote_task_by_hand(run: CorpusRun) -> None:
    result = evaluate_quotes(run)
    assert (result["quotes"]["tp"], result["quotes"]["predicted"], result["quotes"]["gold"]) == (2, 3, 2)
    assert result["speaker_accuracy"] == 0.5  # the gold speaker of the second quote is unnamed
    assert result["end_to_end"]["recall"] == 0.5
    assert result["by_kind"]["direct"]["end_to_end_recall"] == 1.0
    assert result["by_speaker_form"]["none"]["speaker_accuracy"] == 0.0


def test_claim_task_by_hand(run: CorpusRun) -> None:
    result = evaluate_claims(run)
    claims = result["claims"]
    assert (claims["any"]["tp"], claims["any"]["predicted"], claims["any"]["gold"]) == (3, 3, 3)
    assert claims["consensus"]["f1"] == 1.0
    assert result["fact_support_recall"] == 1.0
    assert (claims["unique"]["precision"], claims["unique"]["recall"]) == (1.0, 0.5)  # c2 is called partial
    assert (claims["partial"]["tp"], claims["partial"]["predicted"]) == (0, 1)
    assert (result["omissions"]["tp"], result["omissions"]["predicted"], result["omissions"]["gold"]) == (
        0,
        1,
        0,
    )
    assert result["conflicts"]["f1"] == 1.0 and result["conflict_kind_accuracy"] == 1.0
    assert result["by_event"] == {"E1": {"facts": 3, "found": 3, "status_right": 2}}


def test_clustering_task_by_hand(run: CorpusRun) -> None:
    result = evaluate_corpus_clustering(run)
    assert result["bcubed_f1"] == 1.0 and result["stories"] == 2 and result["lost_articles"] == 0
    run.articles.pop()  # the pipeline lost article c: it becomes a story of its own
    del run.__dict__["matched"]
    assert evaluate_corpus_clustering(run)["lost_articles"] == 1


def test_extraction_scores_by_hand(tmp_path: Path) -> None:
    gold = gold_articles(load_gold(_gold_corpus(tmp_path)))
    utc = datetime(2025, 3, 3, 6, 18, tzinfo=UTC)  # the same instant as gold, another offset
    ist = utc.astimezone(timezone(timedelta(hours=5, minutes=30)))
    predicted = [
        Article(
            id="a",
            source="x/articles/a.txt",
            text=PREFIX + BODY_A,
            title="Title of  articles/a.txt",
            published=utc,
            authors=["Bo Ng", "Ann Lee"],
        ),
        Article(
            id="c", source="x/articles/c.txt", text=BODY_C, title="Wrong", published=ist, authors=["Ann Lee"]
        ),
    ]
    result = score_articles(predicted, gold)
    assert result["matched"] == 2
    assert result["exact_match"] == {"title": 1 / 3, "subtitle": 2 / 3, "published": 1 / 3, "authors": 1 / 3}
    body_a_tokens = 13
    assert result["body"]["precision"] == pytest.approx((body_a_tokens / (body_a_tokens + 1) + 1.0) / 2)
    assert result["body"]["recall"] == pytest.approx(2 / 3)  # article b was lost


def test_resolve_dataset(tmp_path: Path) -> None:
    assert resolve_dataset(None) == ("sample", sample_dir())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert resolve_dataset(str(_gold_corpus(corpus))) == ("sample", corpus)
    (tmp_path / "ecb").mkdir()
    (tmp_path / "ecb" / "ecbplus_train_dev.jsonl").write_text("", encoding="utf-8")
    assert resolve_dataset(str(tmp_path / "ecb")) == ("ecbplus", tmp_path / "ecb" / "ecbplus_train_dev.jsonl")
    with pytest.raises(ValueError, match="not a dataset"):
        resolve_dataset(str(tmp_path / "nothing"))


def test_run_eval_refuses_unknown_or_unsupported_tasks(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown task"):
        run_eval("sentiment")
    (tmp_path / "html").mkdir()
    (tmp_path / "ground_truth.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="fundus-eval scores extraction only"):
        run_eval("quotes", str(tmp_path))


def test_format_table_reads_groups_across(run: CorpusRun) -> None:
    console = Console(record=True, width=200)
    console.print(format_table({"quotes": evaluate_quotes(run)}))
    text = console.export_text()
    assert "quotes.precision" not in text
    assert "precision 0.667" in text and "by_kind.direct" in text and "speaker_accuracy" in text


@pytest.mark.slow
def test_eval_all_on_the_sample_corpus() -> None:
    results = run_eval("all")
    assert set(results) == set(TASKS)
    assert results["clustering"]["articles"] == len(gold_articles(load_gold()))
    run = run_corpus(sample_dir())  # the run the scores came from, cached
    validate_contract(contract(run.stories, run.articles))
    for value in (
        results["extraction"]["body"]["f1"],
        results["clustering"]["bcubed_f1"],
        results["quotes"]["quotes"]["f1"],
        results["claims"]["claims"]["any"]["f1"],
    ):
        assert value is not None and 0.0 <= value <= 1.0


def _oracle_article(g: GoldArticle, folder: Path, fallback_id: str, clutter: str) -> Article:
    """A feed item is named by its link (the article's URL), a JSONL record by its id."""
    item = g.ref.item
    is_link = item is not None and item.startswith("http")
    return Article(
        id=item if item and not is_link else fallback_id,
        source=str(folder / g.ref.source),
        text=clutter + g.body,
        title=g.title,
        subtitle=g.subtitle,
        url=item if is_link else None,
        published=g.published_at,
        story_id=g.event,
    )


def _oracle(folder: Path, clutter: str) -> CorpusRun:
    """The gold itself dressed as pipeline output, perhaps with clutter left before each body."""
    events = load_gold(folder)

    def at(field: str, offset: int) -> int:
        return offset + len(clutter) if field == "text" else offset

    articles, stories = [], []
    for event in events:
        mine = {
            g.key: _oracle_article(g, folder, f"{event.event}-{n}", clutter)
            for n, g in enumerate(event.articles)
        }
        ids = {key: a.id for key, a in mine.items()}
        articles += mine.values()
        quotes = [
            Quote(
                ids[g.key],
                q.speaker,
                None,
                "",
                q.text,
                at(q.field, q.start),
                at(q.field, q.end),
                q.kind,
                field=q.field,
            )
            for g in event.articles
            for q in g.quotes
        ]
        claims = [
            Claim(
                f.id,
                f.statement,
                f.status,
                [
                    Support(ids[s.ref.key], s.text, at(s.field, s.start), at(s.field, s.end), s.field)
                    for s in f.support
                ],
            )
            for f in event.facts
        ]
        omissions = find_omissions(claims, list(mine.values()))  # the gold's rule, on gold facts
        conflicts = [
            Conflict(
                c.facts, c.kind, c.description, [ConflictValue(ids[v.ref.key], v.value) for v in c.values]
            )  # type: ignore[arg-type]
            for c in event.conflicts
        ]
        stories.append(
            Story(
                id=event.event,
                title=event.title,
                article_ids=list(ids.values()),
                quotes=quotes,
                claims=claims,
                omissions=omissions,
                conflicts=conflicts,
            )
        )
    return CorpusRun(folder, events, articles, stories, [])


@pytest.mark.parametrize("clutter", ["", "Advertisement\n\nShare this article\n\n"])
def test_the_gold_itself_scores_perfectly(clutter: str) -> None:
    run = _oracle(sample_dir(), clutter)
    quotes, claims = evaluate_quotes(run), evaluate_claims(run)
    assert quotes["quotes"]["f1"] == quotes["end_to_end"]["f1"] == 1.0
    assert all(claims["claims"][s]["f1"] in (1.0, None) for s in ("any", "consensus", "partial", "unique"))
    assert claims["omissions"]["f1"] in (1.0, None) and claims["conflicts"]["f1"] in (1.0, None)
    assert evaluate_corpus_clustering(run)["bcubed_f1"] == 1.0

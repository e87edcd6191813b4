"""Predicted articles find their gold counterparts; predicted spans land on the same gold words."""

from __future__ import annotations

from storylens.eval.align import SpanProjector, match_articles, source_matches
from storylens.eval.gold import GoldArticle, GoldRef
from storylens.models import Article


def test_source_matches_a_whole_path_suffix() -> None:
    assert source_matches("/home/u/sample/articles/fire.txt", "articles/fire.txt")
    assert source_matches("articles/fire.txt", "articles/fire.txt")
    assert source_matches("/s/articles/wire.jsonl#WIRE-3", "articles/wire.jsonl")
    assert not source_matches("/s/articles/bonfire.txt", "articles/fire.txt")
    assert not source_matches("/s/articles/fire.txt.bak", "articles/fire.txt")


def _gold(source: str, item: str | None) -> GoldArticle:
    return GoldArticle("E1", GoldRef(source, item), "Outlet", "T", None, None, [], "body")


def test_match_articles_by_source_and_item() -> None:
    gold = [
        _gold("articles/a.txt", None),
        _gold("articles/wire.jsonl", "w2"),
        _gold("articles/feed.atom.xml", "https://f.example/2"),
        _gold("articles/missing.html", None),
    ]
    predicted = [
        Article(id="x", source="/c/articles/feed.atom.xml", text="", url="https://f.example/2"),
        Article(id="w1", source="/c/articles/wire.jsonl", text=""),
        Article(id="w2", source="/c/articles/wire.jsonl", text=""),
        Article(id="y", source="/c/articles/a.txt", text=""),
    ]
    matched = match_articles(predicted, gold)
    assert {key: a.id for key, a in matched.items()} == {
        ("articles/a.txt", None): "y",
        ("articles/wire.jsonl", "w2"): "w2",
        ("articles/feed.atom.xml", "https://f.example/2"): "x",
    }


def test_identical_texts_keep_offsets() -> None:
    assert SpanProjector("abc def", "abc def").project(4, 7) == (4, 7)


def test_verbatim_span_goes_to_the_nearest_occurrence() -> None:
    gold = "He said no. Later he said no again. She said yes."
    predicted = "Share this\n" + gold
    second = predicted.index("he said no") + 3
    start, end = SpanProjector(predicted, gold).project(second, second + 7)
    assert gold[start:end] == "said no"
    assert start == gold.index("he said no") + 3


def test_edited_span_projects_through_matching_blocks() -> None:
    gold = "The council approved the budget on Monday after a long debate."
    predicted = "ADVERTISEMENT The council approved the  budget on Monday after a long debate."
    start = predicted.index("approved")
    end = predicted.index(" after")
    got = SpanProjector(predicted, gold).project(start, end)
    assert gold[got[0] : got[1]] == "approved the budget on Monday"


def test_span_with_no_counterpart_projects_to_an_empty_span() -> None:
    start, end = SpanProjector("zzzz qqqq", "abc").project(0, 4)
    assert start == end

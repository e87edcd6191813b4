"""Marked-up development stories: the markup parser and the checked-in stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.eval.marked import STORIES, MarkupError, load_stories, load_story, main, unmark


def _story(tmp_path: Path, **changes) -> Path:
    data = {
        "story": "fire",
        "facts": {"F1": "a fire broke out", "F2": "nobody was hurt"},
        "conflicts": [{"fact": "F1", "kind": "date", "note": "Monday vs Tuesday"}],
        "articles": [
            {
                "outlet": "Wire",
                "published": "2027-01-04T10:00:00+00:00",
                "copy_of": None,
                "title": "[F1 Fire at the mill]",
                "subtitle": None,
                "body": ["[F1 A fire broke out at the mill on Monday], [F2 hurting nobody]. [- Smoke rose.]"],
            },
            {
                "outlet": "Gazette",
                "published": "2027-01-04T12:00:00+00:00",
                "copy_of": 0,
                "title": "[- Mill ablaze]",
                "subtitle": "[F1 Flames hit the mill on Tuesday]",
                "body": ["[F2 No one was injured], the brigade said."],
            },
        ],
    }
    data.update(changes)
    path = tmp_path / "fire.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_unmark_returns_the_plain_text_and_each_statement_span() -> None:
    plain, spans = unmark("[F1 A fire broke out], [F2 hurting nobody], the brigade said.")
    assert plain == "A fire broke out, hurting nobody, the brigade said."
    assert [(plain[s:e], label) for s, e, label in spans] == [
        ("A fire broke out", "F1"),
        ("hurting nobody", "F2"),
    ]


def test_a_story_becomes_articles_and_statements(tmp_path: Path) -> None:
    story = load_story(_story(tmp_path))
    wire, gazette = story.articles
    assert wire.text == "A fire broke out at the mill on Monday, hurting nobody. Smoke rose."
    assert gazette.duplicate_of == wire.id and gazette.subtitle == "Flames hit the mill on Tuesday"
    texts = {
        (s.article_id, s.field, s.fact): getattr(
            next(a for a in story.articles if a.id == s.article_id), s.field
        )[s.start : s.end]
        for s in story.statements
    }
    assert texts[(wire.id, "text", "F2")] == "hurting nobody"
    own = [s.fact for s in story.statements if s.fact not in story.facts]
    assert len(own) == len(set(own)) == 2  # "Smoke rose." and "Mill ablaze", each a fact of its own


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"facts": {"F1": "a fire broke out"}}, "not declared: F2"),
        ({"facts": {"F1": "x", "F2": "y", "F3": "z"}}, "fewer than two articles"),
        ({"conflicts": [{"fact": "F1", "kind": "mood"}]}, "unknown kind"),
    ],
)
def test_a_faulty_story_is_refused_with_its_reason(tmp_path: Path, change: dict, reason: str) -> None:
    with pytest.raises(MarkupError, match=reason):
        load_story(_story(tmp_path, **change))


@pytest.mark.parametrize(
    ("marked", "reason"),
    [
        ("[F1 A fire broke out", "malformed bracket"),
        ("[X1 A fire broke out]", "malformed bracket"),
        ("[F1 A fire broke out.] Then the roof of the old weaving shed fell in.", "unmarked statement"),
    ],
)
def test_faulty_markup_is_refused(marked: str, reason: str) -> None:
    with pytest.raises(MarkupError, match=reason):
        unmark(marked)


def test_the_checker_names_the_file_and_goes_on(tmp_path: Path, capsys) -> None:
    good = _story(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main([str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert "bad.json" in err and "fire: 2 articles, 2 facts" in out


def test_the_checked_in_stories_load() -> None:
    stories = load_stories()
    assert len(stories) >= 6 and all(path.suffix == ".json" for path in STORIES.iterdir())
    for story in stories:
        assert len({a.outlet for a in story.articles}) >= 5, story.story

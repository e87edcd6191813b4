"""Quoted passages found by their marks (no models)."""

from storylens.analyze.quotemarks import quoted_spans


def contents(text: str) -> list[str]:
    return [text[s:e] for s, e in quoted_spans(text)]


def test_curly_and_straight_quotes() -> None:
    text = '“We will rebuild,” she said. "It will take time," he added.'
    assert contents(text) == ["We will rebuild,", "It will take time,"]


def test_apostrophes_are_not_quotes() -> None:
    text = "The workers’ union said it didn’t agree: ‘not now’, it said."
    assert contents(text) == ["not now"]


def test_a_quote_running_over_paragraphs_stops_at_each_paragraph_end() -> None:
    text = "“We were told nothing.\n\n“Nobody came,” she said."
    assert contents(text) == ["We were told nothing.", "Nobody came,"]

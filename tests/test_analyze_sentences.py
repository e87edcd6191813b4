"""Sentences and subheads."""

import pytest

from storylens.analyze.sentences import is_heading, split_sentences

BODY = "The talks opened on Monday. Both sides came.\n\nWhat comes next\n\n“We stay,” she said."


def texts(body: str, sentences) -> list[tuple[str, bool]]:
    return [(body[s.start : s.end], s.heading) for s in sentences]


def test_a_short_unpunctuated_paragraph_is_a_heading() -> None:
    start = BODY.index("What")
    assert is_heading(BODY, start, start + len("What comes next"))


def test_the_last_line_and_sentences_with_final_punctuation_are_not_headings() -> None:
    assert not is_heading("Body.\n\nSigned off", 7, 17)
    assert not is_heading(BODY, 0, BODY.index(".") + 1)


def test_split_sentences_without_a_parser() -> None:
    assert texts(BODY, split_sentences(BODY)) == [
        ("The talks opened on Monday.", False),
        ("Both sides came.", False),
        ("What comes next", True),
        ("“We stay,” she said.", False),
    ]


@pytest.mark.slow
def test_parsed_sentences_never_cross_a_subhead() -> None:
    from storylens.analyze.nlp import get_nlp
    from storylens.analyze.sentences import sentences_from_doc

    body = "Crews worked through the night\nThe fire was out by dawn, officials said."
    found = texts(body, sentences_from_doc(get_nlp()(body)))
    assert found == [
        ("Crews worked through the night", True),
        ("The fire was out by dawn, officials said.", False),
    ]

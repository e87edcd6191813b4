"""What the clusterer reads from an article: keys, numbers, shingles, MinHash."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from storylens.cluster.features import (
    article_keys,
    article_time,
    article_vector,
    numbers,
    shingles,
    text_minhash,
)
from storylens.models import Article, Entity, Mention, Sentence, TemporalExpression


def test_numbers_ignore_separators_and_single_digits() -> None:
    text = "Some 1,200 people, not 1200.5 or 7, joined; 42 were hurt in 2025 (3 cars)."
    assert numbers(text) == {"1200", "1200.5", "42", "2025"}


def test_keys_by_family() -> None:
    title = "Edwin Marsh on the mill fire of 2025"
    article = Article(id="a", source="a.txt", title=title, text="It cost 1,400 jobs in Dunmore.")
    article.entities = [
        Entity(id="a-0", name="Edwin Marsh", type="PERSON"),
        Entity(id="a-1", name="Dunmore", type="GPE"),
    ]
    article.mentions = [
        Mention("Edwin Marsh", 0, 11, "PERSON", "a-0", "title"),
        Mention("Dunmore", 22, 29, "GPE", "a-1", "text"),  # past the lead: no sentences, no lead
    ]
    article.dates = [
        TemporalExpression("on Monday", 0, 9, "2025-03-03"),
        TemporalExpression("in 2024", 0, 7, "2024"),
        TemporalExpression("soon", 0, 4, None),
    ]
    assert article_keys(article) == {
        "p:edwin marsh",
        "e:dunmore",
        "l:edwin marsh",
        "y:2025",
        "n:1400",
        "d:2025-03-03",
        "d:2025-03",
    }


def test_name_keys_leave_out_a_generational_suffix_and_spell_out_mt() -> None:
    article = Article(id="a", source="a.txt", title=None, text="Walter Brisk III was charged.")
    article.entities = [
        Entity(id="a-0", name="Walter Brisk III", type="PERSON"),
        Entity(id="a-1", name="Mt. Harrow", type="LOC"),
    ]
    assert article_keys(article) == {"p:walter brisk", "e:mount harrow"}


def test_article_time_is_published_else_the_leads_latest_full_date() -> None:
    parts = [
        "Lohan checks into rehab.",
        "She arrived on May 2, 2013.",
        "Her lawyer spoke.",
        "A hearing is set for June 3, 2014.",
    ]
    text = " ".join(parts)
    article = Article(id="a", source="a.txt", title="Lohan in rehab, May 2013", text=text)
    article.sentences = [Sentence(text.index(p), text.index(p) + len(p)) for p in parts]

    def dated(expression: str, value: str, field: str = "text") -> TemporalExpression:
        start = (article.title if field == "title" else text).index(expression)
        return TemporalExpression(expression, start, start + len(expression), value, field)  # type: ignore[arg-type]

    article.dates = [dated("May 2, 2013", "2013-05-02"), dated("June 3, 2014", "2014-06-03")]
    # the hearing date lies beyond the lead (three sentences): background, not when it was written
    assert article_time(article) == datetime(2013, 5, 2, tzinfo=UTC)
    article.dates.append(dated("May 2013", "2013-05", "title"))  # a month is not a day
    assert article_time(article) == datetime(2013, 5, 2, tzinfo=UTC)
    article.sentences[1] = Sentence(article.sentences[1].start, article.sentences[1].end, heading=True)
    assert article_time(article) == datetime(2014, 6, 3, tzinfo=UTC)  # subheads are not the lead
    article.published = datetime(2025, 3, 3, 9, tzinfo=UTC)
    assert article_time(article) == article.published
    assert article_time(Article(id="b", source="b.txt", text="No dates here.")) is None


def test_article_vector_is_unit_and_required() -> None:
    article = Article(id="a", source="a.txt", text="x", embedding=[3.0, 4.0])
    assert np.allclose(article_vector(article), [0.6, 0.8])
    with pytest.raises(ValueError, match="no embedding"):
        article_vector(Article(id="b", source="b.txt", text="x"))


def test_shingles_are_word_ngrams() -> None:
    assert shingles("The mill, the FIRE", 3) == {b"the mill the", b"mill the fire"}
    assert shingles("Two words", 5) == {b"two words"}
    assert shingles("", 5) == set()


def test_light_edits_keep_minhash_close_and_other_text_far() -> None:
    base = " ".join(f"word{i}" for i in range(300))
    edited = base.replace("word10 ", "term10 ").replace("word200 ", "term200 ")
    other = " ".join(f"other{i}" for i in range(300))
    close = text_minhash(base, 5, 128).jaccard(text_minhash(edited, 5, 128))
    assert close > 0.8
    assert text_minhash(base, 5, 128).jaccard(text_minhash(other, 5, 128)) < 0.1

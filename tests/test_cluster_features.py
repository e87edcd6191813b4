"""What the clusterer reads from an article: keys, numbers, shingles, MinHash."""

from __future__ import annotations

import numpy as np
import pytest

from storylens.cluster.features import article_keys, article_vector, numbers, shingles, text_minhash
from storylens.models import Article, Entity, TemporalExpression


def test_numbers_ignore_separators_and_single_digits() -> None:
    text = "Some 1,200 people, not 1200.5 or 7, joined; 42 were hurt in 2025 (3 cars)."
    assert numbers(text) == {"1200", "1200.5", "42", "2025"}


def test_keys_by_family() -> None:
    article = Article(id="a", source="a.txt", title="Mill fire in 2025", text="It cost 1,400 jobs.")
    article.entities = [
        Entity(id="a-0", name="Edwin Marsh", type="PERSON"),
        Entity(id="a-1", name="Dunmore", type="GPE"),
    ]
    article.dates = [
        TemporalExpression("on Monday", 0, 9, "2025-03-03"),
        TemporalExpression("in 2024", 0, 7, "2024"),
        TemporalExpression("soon", 0, 4, None),
    ]
    assert article_keys(article) == {
        "p:edwin marsh",
        "e:dunmore",
        "y:2025",
        "n:1400",
        "d:2025-03-03",
        "d:2025-03",
    }


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

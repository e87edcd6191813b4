"""ECB+ documents as analysed articles for the clustering benches, cached between runs.

By default a minimal analysis of our own (spaCy NER for entities and dates, the storylens
embedder on the text's start), which the fitted defaults were chosen with; ``--analyzer`` on the
benches uses ``storylens.analyze.Analyzer`` instead. Analysed articles are cached as JSON under the
storylens cache directory, keyed by split and analysis kind.
"""

from __future__ import annotations

import json
import re
from datetime import date

from storylens.analyze.embed import cache_dir, get_embedder
from storylens.analyze.mentions import LABEL_TYPES
from storylens.eval.ecbplus import load_ecbplus, to_article
from storylens.models import Article, Entity, TemporalExpression

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_FIRST = re.compile(rf"(\d{{1,2}})\s+{_MONTH}\.?,?\s+(\d{{4}})", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"{_MONTH}\.?,?\s+(\d{{4}})", re.IGNORECASE)


def analysed_ecbplus(split: str, use_analyzer: bool = False) -> tuple[list[Article], list[str]]:
    """The split's articles, analysed, and their gold events, in file order."""
    documents = load_ecbplus(split)
    gold = [d.event for d in documents]
    path = cache_dir() / f"ecbplus-{split}-{'analyzer' if use_analyzer else 'bench-spacy'}.json"
    if path.exists():
        return [Article.from_dict(a) for a in json.loads(path.read_text())], gold
    articles = [to_article(d) for d in documents]
    analyse(articles, use_analyzer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([a.to_dict() for a in articles]))
    return articles, gold


def analyse(articles: list[Article], use_analyzer: bool) -> None:
    if use_analyzer:
        from storylens.analyze import Analyzer

        Analyzer().analyze(articles)
    else:
        _minimal_analysis(articles)


def _minimal_analysis(articles: list[Article]) -> None:
    from storylens.analyze.nlp import get_nlp

    nlp = get_nlp()
    vectors = get_embedder().encode([a.text for a in articles])
    for article, doc, vector in zip(articles, nlp.pipe(a.text for a in articles), vectors, strict=True):
        names = {(ent.text.strip(), LABEL_TYPES[ent.label_]) for ent in doc.ents if ent.label_ in LABEL_TYPES}
        article.entities = [
            Entity(id=f"{article.id}-e{i}", name=n, type=t)  # type: ignore[arg-type]
            for i, (n, t) in enumerate(sorted(names))
        ]
        article.dates = [
            TemporalExpression(ent.text, ent.start_char, ent.end_char, _date_value(ent.text))
            for ent in doc.ents
            if ent.label_ == "DATE"
        ]
        article.embedding = vector.tolist()


def _date_value(text: str) -> str | None:
    """Absolute dates only ("May 3, 2013", "3 May 2013", "May 2013"); relative ones need a reference."""
    for pattern, order in ((_MONTH_FIRST, (1, 2, 3)), (_DAY_FIRST, (2, 1, 3))):
        if match := pattern.search(text):
            month, day, year = (match.group(i) for i in order)
            try:
                return date(int(year), _MONTHS[month.lower()], int(day)).isoformat()
            except ValueError:
                return None
    if match := _MONTH_YEAR.search(text):
        return f"{int(match.group(2)):04d}-{_MONTHS[match.group(1).lower()]:02d}"
    return None

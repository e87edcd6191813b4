"""The analyze stage: each article annotated in place with sentences, entities, quotes, dates
and its embedding.

All texts of a batch (titles, standfirsts, bodies) go through one ``nlp.pipe`` call; everything
after the parse is rules over the parsed documents, kept cheap so that analysis costs little
more than spaCy itself.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from storylens.analyze.dates import anchor_for, find_dates
from storylens.analyze.embed import get_embedder
from storylens.analyze.grouping import group_mentions
from storylens.analyze.mentions import add_surname_mentions, find_mentions, without_capitalised_words
from storylens.analyze.names import fold
from storylens.analyze.nlp import get_nlp
from storylens.analyze.quotes import RawQuote, find_quotes
from storylens.analyze.sentences import sentences_from_doc, split_sentences
from storylens.analyze.speakers import SpeakerResolver
from storylens.models import Article, Quote, SpanField

if TYPE_CHECKING:
    from spacy.tokens import Doc

FIELDS: tuple[SpanField, ...] = ("title", "subtitle", "text")
LEAD_SENTENCES = 3
BATCH_SIZE = 32


class Analyzer:
    """Runs the analysis of :mod:`storylens.analyze` over lists of articles."""

    def __init__(self, model: str | None = None, embed: bool = True, batch_size: int = BATCH_SIZE) -> None:
        self.model = model
        self.embed = embed
        self.batch_size = batch_size

    def analyze(self, articles: list[Article]) -> None:
        """Annotate ``articles`` in place."""
        supported = [a for a in articles if a.analysis_supported]
        for article in articles:
            if not article.analysis_supported:
                article.sentences = split_sentences(article.text)
        for article, docs in zip(supported, self._parse(supported), strict=True):
            annotate(article, docs)
        if self.embed:
            embed_articles(articles)

    def _parse(self, articles: list[Article]) -> list[dict[SpanField, Doc]]:
        """One ``nlp.pipe`` pass over every field of every article, regrouped per article."""
        keys = [(i, f) for i, a in enumerate(articles) for f in FIELDS if getattr(a, f)]
        texts = (getattr(articles[i], f) for i, f in keys)
        parsed: list[dict[SpanField, Doc]] = [{} for _ in articles]
        for (i, field), doc in zip(
            keys, get_nlp(self.model).pipe(texts, batch_size=self.batch_size), strict=True
        ):
            parsed[i][field] = doc
        return parsed


def annotate(article: Article, docs: dict[SpanField, Doc]) -> None:
    """Sentences, mentions, entities, quotes and dates of one parsed article."""
    article.sentences = sentences_from_doc(docs["text"]) if "text" in docs else []
    found = [m for field, doc in docs.items() for m in find_mentions(doc, field, article.outlet)]
    found = without_capitalised_words(docs, found)
    article.entities, article.mentions = group_mentions(article.id, add_surname_mentions(docs, found))
    resolver = SpeakerResolver(docs, article.mentions, article.entities)
    raw = [q for field in FIELDS if field in docs for q in find_quotes(docs[field], field)]
    article.quotes = _with_headline_speakers([_quote(article, q, resolver) for q in raw])
    anchor = anchor_for(
        article.published or article.published_local, [getattr(article, f) or "" for f in FIELDS]
    )
    article.dates = [
        d
        for field in FIELDS
        if getattr(article, field)
        for d in find_dates(getattr(article, field), field, anchor)
    ]


def _with_headline_speakers(quotes: list[Quote]) -> list[Quote]:
    """A headline or standfirst quote that the body quotes again takes the body's speaker: the
    headline's own frame ("Nurses march on ministry: 'We are ...'") rarely names who said it."""
    body = [q for q in quotes if q.field == "text" and q.speaker]
    return [
        next(
            (
                dataclasses.replace(quote, speaker=b.speaker, speaker_entity_id=b.speaker_entity_id)
                for b in body
                if quote.field != "text" and quote.kind == "direct" and fold(quote.text) in fold(b.text)
            ),
            quote,
        )
        for quote in quotes
    ]


def _quote(article: Article, raw: RawQuote, resolver: SpeakerResolver) -> Quote:
    who = resolver.resolve(raw)
    return Quote(
        article_id=article.id,
        speaker=who.speaker,
        speaker_entity_id=who.entity_id,
        speaker_text=who.text,
        text=article.span_text(raw.start, raw.end, raw.field),
        start=raw.start,
        end=raw.end,
        kind=raw.kind,
        cue=raw.cue,
        field=raw.field,
        speaker_form=who.form,
    )


def lead_text(article: Article) -> str:
    """What the article is about for clustering: its title and first body sentences."""
    body = [article.text[s.start : s.end] for s in article.sentences if not s.heading][:LEAD_SENTENCES]
    return "\n".join(part for part in [article.title or "", *body] if part)


def embed_articles(articles: list[Article]) -> None:
    """Set each article's embedding from its title and lead, in one batch."""
    vectors = get_embedder().encode([lead_text(a) for a in articles])
    for article, vector in zip(articles, vectors, strict=True):
        article.embedding = vector.tolist()

"""Claims: the statements of one article, each a span of its headline, standfirst or body.

A body sentence is one claim, or several where it joins independent statements ("The union
submitted its proposals, but the company rejected them"): cut at punctuation (``_JOINT``), then
where its parse joins clauses (``compare.clauses``). A sentence inside a quote stays whole
and carries its speaker, so a quote is a claim attributed to who said it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from storylens.analyze.sentences import trim_span
from storylens.compare.clauses import split_clauses
from storylens.models import Article, Mention, Quote, Sentence, SpanField, TemporalExpression

LEAD_SENTENCES = 2  # the lead: the opening sentences of the body
_MIN_CLAUSE_WORDS = 4
# A semicolon, a colon, or a comma then a word that may open a clause stating a fact of its own.
# "including that", a participle ("..., injuring 12", "..., asking for 9%") and a subordinate
# clause of time or cause ("..., a day after an audit found ...", "..., as flames spread") open
# one; after a conjunction the clause must start with a subject. A subordinate clause whose
# subject is a pronoun ("..., a day before they were due to end") leans on the main clause and
# stays with it, as do a comparison (", as early as next month") and a clause with no subject
# (", as was reported by ...").
_JOINT = re.compile(
    r"\s*;\s+|:\s+(?=\S)|,\s+(?:and|but|while|whereas|although|yet)\s+|,\s+(?P<free>including that)\s+"
    r"|,\s+(?=(?P<participle>[a-z]{3,}ing)\s)"
    r"|,\s+(?=(?P<subordinate>(?:(?:a|the|one|two|three|a few) (?:days?|hours?|weeks?|months?) |days |hours |"
    r"weeks |months |shortly |just |soon )?(?:after|before|as|when|because)\s+"
    r"(?!(?:well|was|were|is|are|has|had|have|did|does)\b|\w+ as\b)(?P<subject>\w+)))"
)
_NOT_PARTICIPLES = frozenset(
    {"including", "according", "during", "morning", "evening", "something", "nothing"}
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those"})
# A wire dateline opening the first sentence: "GENEVA, March 5 (Meridian Wire) - ".
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,[^()\n]{0,30}\([^()\n]{1,40}\)\s*[-–—]+\s*")
_STATEMENT = re.compile(r"\b[a-z]{2,}\b")  # a statement has a word in lower case; a dateline has none
_SUBJECT_START = re.compile(
    r"(?:the|a|an|this|these|those|its|his|her|their|our|he|she|they|it|we)\b|[A-Z]|\d"
)


@dataclass
class ClaimUnit:
    """One claim of one article, before alignment across articles."""

    article: Article
    field: SpanField
    start: int
    end: int
    index: int  # order within the article: headline, standfirst, then body
    position: float  # 0 at the top of the article, towards 1 at its end
    lead: bool  # in the headline, standfirst or lead
    quote: Quote | None = None
    mentions: list[Mention] = field(default_factory=list)
    dates: list[TemporalExpression] = field(default_factory=list)
    vector: np.ndarray | None = None  # its sentence embedding, set once per story
    speaker: str | None = None  # who the quote it overlaps is by, named by the story entity

    @property
    def text(self) -> str:
        return self.article.span_text(self.start, self.end, self.field)

    @property
    def in_headline(self) -> bool:
        return self.field != "text"


def article_claims(article: Article) -> list[ClaimUnit]:
    spans = [
        (f, 0, len(getattr(article, f)), -1)
        for f in ("title", "subtitle")
        if (getattr(article, f) or "").strip()
    ]
    body = [s for s in article.sentences if not s.heading]
    spans += [("text", start, end, number) for start, end, number in _body_clauses(article, body)]
    units = []
    for index, (field_name, start, end, sentence) in enumerate(spans):
        start, end = trim_span(getattr(article, field_name), start, end)
        if _STATEMENT.search(getattr(article, field_name)[start:end]):
            units.append(_unit(article, field_name, start, end, index, sentence, len(body)))
    return units


def _unit(
    article: Article,
    field_name: SpanField,
    start: int,
    end: int,
    index: int,
    sentence: int,
    body_sentences: int,
) -> ClaimUnit:
    def inside(span: Mention | TemporalExpression) -> bool:
        return span.field == field_name and start <= span.start and span.end <= end

    quote = next(
        (q for q in article.quotes if q.field == field_name and q.start < end and start < q.end), None
    )
    return ClaimUnit(
        article=article,
        field=field_name,
        start=start,
        end=end,
        index=index,
        position=max(sentence, 0) / max(body_sentences, 1),
        lead=sentence < LEAD_SENTENCES,
        quote=quote,
        mentions=[m for m in article.mentions if inside(m)],
        dates=[d for d in article.dates if inside(d) and d.value],
    )


def lead_day(article: Article) -> str | None:
    """The first date resolved to a day in the article's lead: the day of the event its headline
    announces ("Talks open in Geneva" over "... opened on Wednesday")."""
    body = [s for s in article.sentences if not s.heading][:LEAD_SENTENCES]
    if not body:
        return None
    days = [
        d
        for d in article.dates
        if d.field == "text" and d.start < body[-1].end and d.value and len(d.value) == len("YYYY-MM-DD")
    ]
    return min(days, key=lambda d: d.start).value if days else None


def _body_clauses(article: Article, body: list[Sentence]) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of each clause: the pieces between the joints of ``_JOINT``,
    each cut again where its parse joins clauses (``compare.clauses``); a sentence holding a
    direct or mixed quote stays whole."""
    pieces = []  # (start, end, sentence number, whether its parse may cut it further)
    for number, sentence in enumerate(body):
        if _quoted(article, sentence.start, sentence.end):
            pieces.append((sentence.start, sentence.end, number, False))
        else:
            pieces += [(s, e, number, True) for s, e in _clauses(article, sentence.start, sentence.end)]
    parsed = iter(split_clauses([article.text[s:e] for s, e, _, cut in pieces if cut]))
    clauses = []
    for start, end, number, cut in pieces:
        clauses += [(start + a, start + b, number) for a, b in (next(parsed) if cut else [(0, end - start)])]
    return clauses


def _quoted(article: Article, start: int, end: int) -> bool:
    return any(
        q.field == "text" and q.kind != "indirect" and q.start < end and start < q.end for q in article.quotes
    )


def _clauses(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence split at the joints of ``_JOINT`` (semicolons, "including that", ...)."""
    text = article.text[start:end]
    dateline = _DATELINE.match(text)
    pieces, piece_start = [], dateline.end() if dateline else 0
    for joint in _JOINT.finditer(text):
        left, right = text[piece_start : joint.start()], text[joint.end() :]
        opens_clause = _opens_clause(joint, right)
        if _is_clause(left) and _is_clause(right) and opens_clause:
            pieces.append((start + piece_start, start + joint.start()))
            piece_start = joint.end()
    return [*pieces, (start + piece_start, end)]


def _opens_clause(joint: re.Match[str], right: str) -> bool:
    """What follows the joint states a fact of its own (see ``_JOINT``)."""
    if joint.group("participle"):
        return joint.group("participle") not in _NOT_PARTICIPLES
    if joint.group("subordinate"):
        return joint.group("subject").lower() not in _PRONOUNS
    return bool(joint.group("free") or joint.group(0).lstrip()[:1] in ";:" or _SUBJECT_START.match(right))


def _is_clause(text: str) -> bool:
    return len(text.split()) >= _MIN_CLAUSE_WORDS

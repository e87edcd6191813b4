"""Speakers resolved to the entity the article means.

A name resolves through its mention; "he"/"she" to the nearest person named before it (outside
quotations) whose gender does not contradict the pronoun; a title ("the spokesperson", "the
minister's press secretary") to the person whose description holds that role, or, for an
institution ("the ministry"), to the organisation whose name holds the word; a floating quote
to the previous quote's speaker.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.analyze.lexicon import GENDERED_ROLES, HONORIFICS, PERSONAL_PRONOUNS, SPEAKER_PRONOUNS
from storylens.analyze.mentions import display_name
from storylens.analyze.names import fold, singular
from storylens.analyze.quotemarks import quoted_spans
from storylens.analyze.roles import is_role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from storylens.analyze.quotes import RawQuote
    from storylens.models import Entity, Mention, SpanField

_FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame"})
_MALE_HONORIFICS = frozenset({"mr", "mr.", "sir"})
_GROUP_TYPES = frozenset({"ORG", "GPE"})


@dataclass
class Attribution:
    speaker: str | None
    entity_id: str | None
    text: str
    form: str


class SpeakerResolver:
    """Resolves the speakers of one article's quotes, in reading order."""

    def __init__(self, docs: dict[SpanField, Doc], mentions: list[Mention], entities: list[Entity]) -> None:
        self._docs = docs
        self._entities = {e.id: e for e in entities}
        self._mentions = mentions
        self._quoted = {field: quoted_spans(doc.text) for field, doc in docs.items()}
        self._gender = _genders(docs, mentions) | _genders_by_role(entities)
        self._subjects = {(m.field, m.start) for m in mentions if _is_subject(docs[m.field], m)}
        self._previous: Attribution | None = None

    def resolve(self, quote: RawQuote) -> Attribution:
        if quote.speaker is None:
            found = self._previous or Attribution(None, None, "", "none")
            return Attribution(found.speaker, found.entity_id, "", "none")
        attribution = self._resolve_span(quote.field, quote.speaker)
        if quote.according_to:
            attribution.form = "according_to"
        self._previous = attribution
        return attribution

    def _resolve_span(self, field: SpanField, span: Span) -> Attribution:
        """A named person, a pronoun, a title, an organisation, in that order of trust."""
        text = span.text
        inside = [
            m
            for m in self._mentions
            if m.field == field and span.start_char <= m.start and m.end <= span.end_char
        ]
        people = [m for m in inside if m.type == "PERSON" and not _is_possessor(field, m, self._docs)]
        if people:
            return self._named(_at_head(span, people), text)
        if len(span) == 1 and span[0].lower_ in SPEAKER_PRONOUNS:
            return self._antecedent(field, span)
        if is_role(span.root):
            entity = self._by_title(span, field) or self._by_institution(span)
            if entity is None and (body := _affiliation(span)) is not None:
                return dataclasses.replace(self._resolve_span(field, body), text=text, form="title")
            return self._entity_attribution(entity, text, "title") if entity else _unresolved(span)
        groups = [m for m in inside if m.type in _GROUP_TYPES and m.end <= _core_end(span)]
        if groups:
            return self._named(_at_head(span, groups), text)
        entity = self._by_institution(span)
        return self._entity_attribution(entity, text, "title") if entity else _unresolved(span)

    def _named(self, mention: Mention, text: str) -> Attribution:
        entity = self._entities[mention.entity_key]
        form = "name" if mention.type != "PERSON" or len(mention.text.split()) > 1 else "surname"
        return Attribution(entity.name, entity.id, text, form)

    def _entity_attribution(self, entity: Entity | None, text: str, form: str) -> Attribution:
        if entity is None:
            return Attribution(None, None, text, form)
        return Attribution(entity.name, entity.id, text, form)

    def _antecedent(self, field: SpanField, pronoun: Span) -> Attribution:
        """The nearest subject of the right kind named before the pronoun, outside quotes.

        "he"/"she" look for a person whose known gender does not contradict the pronoun;
        "it"/"they" continue a non-person previous speaker, else look for an organisation.
        """
        word, text = pronoun[0].lower_, pronoun.text
        previous = self._previous
        if word not in PERSONAL_PRONOUNS and previous is not None and not self._is_person(previous.entity_id):
            return Attribution(previous.speaker, previous.entity_id, text, "pronoun")
        wanted = {"PERSON"} if word in PERSONAL_PRONOUNS else _GROUP_TYPES
        gender = PERSONAL_PRONOUNS.get(word)
        compatible = [
            m
            for m in self._before(field, pronoun.start_char)
            if m.type in wanted
            and not self._is_quoted(m)
            and self._gender.get(m.entity_key, gender) == gender
        ]
        chosen = self._salient(compatible)
        entity = self._entities[chosen.entity_key] if chosen else None
        return self._entity_attribution(entity, text, "pronoun")

    def _salient(self, mentions: list[Mention]) -> Mention | None:
        """In the last sentence naming a candidate, its subject, else its last candidate."""
        if not mentions:
            return None
        last = mentions[-1]
        sentence = self._sentence_of(last)
        same = [m for m in mentions if m.field == last.field and self._sentence_of(m) == sentence]
        return next((m for m in same if (m.field, m.start) in self._subjects), last)

    def _sentence_of(self, mention: Mention) -> int:
        return (
            self._docs[mention.field]
            .char_span(mention.start, mention.end, alignment_mode="expand")
            .sent.start
        )

    def _is_person(self, entity_id: str | None) -> bool:
        return entity_id is not None and self._entities[entity_id].type == "PERSON"

    def _before(self, field: SpanField, at: int) -> list[Mention]:
        """Mentions read before position ``at`` of ``field`` (title and subtitle come first)."""
        order = ["title", "subtitle", "text"]
        return [
            m
            for m in self._mentions
            if order.index(m.field) < order.index(field) or (m.field == field and m.end <= at)
        ]

    def _is_quoted(self, mention: Mention) -> bool:
        return any(s <= mention.start < e for s, e in self._quoted.get(mention.field, ()))

    def _by_title(self, span: Span, field: SpanField) -> Entity | None:
        """The person whose description holds the title's head role, best word overlap first."""
        head = span.root.lower_
        words = _content_words(span)
        order = {m.entity_key: i for i, m in enumerate(self._before(field, span.start_char))}
        scored = [
            (len(words & set(fold(e.description).split())), order.get(e.id, -1), e)
            for e in self._entities.values()
            if e.type == "PERSON" and e.description and head in fold(e.description).split()
        ]
        return max(scored, key=lambda s: s[:2])[2] if scored else None

    def _by_institution(self, span: Span) -> Entity | None:
        """The organisation a common noun phrase stands for: "the council", "the city's fire brigade"."""
        return institution_for(_content_words(span), singular(fold(span.root.text)), self._entities.values())


def institution_for(words: set[str], head: str, entities: Iterable[Entity]) -> Entity | None:
    """The one organisation or state whose name holds the phrase's head noun and most of its words."""
    scored = [
        (len(words & name), e)
        for e in entities
        if e.type in _GROUP_TYPES and head in (name := {singular(w) for w in fold(e.name).split()})
    ]
    best = max((score for score, _ in scored), default=0)
    winners = [e for score, e in scored if score == best]
    return winners[0] if len(winners) == 1 and best * 2 >= len(words) else None


def _affiliation(span: Span) -> Span | None:
    """The body an unnamed official speaks for: "a spokesperson for the inspectorate"."""
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}):
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is not None and span.start <= body.left_edge.i and body.right_edge.i < span.end:
            return span.doc[body.left_edge.i : body.right_edge.i + 1]
    return None


def _core_end(span: Span) -> int:
    """End of the phrase before an apposition after its head ("The company, Maravia's ...")."""
    comma = next((t for t in span if t.i > span.root.i and t.text == ","), None)
    return comma.idx if comma is not None else span.end_char


def _at_head(span: Span, mentions: list[Mention]) -> Mention:
    """The mention holding the phrase's head word, else the first, organisations first."""
    root = span.root
    covering = [m for m in mentions if m.start <= root.idx < m.end]
    return covering[0] if covering else min(mentions, key=lambda m: m.type != "ORG")


def _content_words(span: Span) -> set[str]:
    """Nouns and adjectives up to the phrase's head: "the city's fire brigade", not its apposition."""
    head = span.root.i
    return {singular(fold(t.text)) for t in span if t.i <= head and t.pos_ in {"NOUN", "PROPN", "ADJ"}}


def _unresolved(span: Span) -> Attribution:
    """A speaker no entity stands for ("officials familiar with the file"), named as written,
    or by the proper name at its head ("the privacy group OpenLine")."""
    root = span.root
    if root.pos_ == "PROPN":
        first = min(
            (t.i for t in root.children if t.dep_ == "compound" and t.pos_ == "PROPN"), default=root.i
        )
        return Attribution(span.doc[first : root.i + 1].text, None, span.text, "name")
    return Attribution(display_name(span.text), None, span.text, "title")


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """True when the mention is, or stands in apposition to, a clause's subject."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in {"appos", "compound", "conj"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _is_possessor(field: SpanField, mention: Mention, docs: dict[SpanField, Doc]) -> bool:
    """True for "Okafor's" in "Okafor's spokesperson": the owner, not the speaker."""
    return docs[field].text[mention.end : mention.end + 2] in {"'s", "’s"}


def _genders(docs: dict[SpanField, Doc], mentions: list[Mention]) -> dict[str, str]:
    """Each person's gender where the text shows it: an honorific, or the pronoun that follows."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.type != "PERSON":
            continue
        doc = docs[mention.field]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if before in HONORIFICS:
            votes[mention.entity_key][
                "f" if before in _FEMALE_HONORIFICS else "m" if before in _MALE_HONORIFICS else "?"
            ] += 1
        pronoun = _next_pronoun(span)
        if pronoun:
            votes[mention.entity_key][pronoun] += 1
    return {
        key: count.most_common(1)[0][0] for key, count in votes.items() if count.most_common(1)[0][0] != "?"
    }


def _genders_by_role(entities: list[Entity]) -> dict[str, str]:
    """Genders a description gives away ("spokeswoman", "his wife")."""
    genders = {}
    for entity in entities:
        words = set(fold(entity.description or "").split())
        for gender, roles in GENDERED_ROLES.items():
            if words & roles:
                genders[entity.id] = gender
    return genders


def _next_pronoun(span: Span) -> str | None:
    """Gender of the first personal pronoun after a subject mention, in the same sentence."""
    if not span.root.dep_.startswith("nsubj"):
        return None
    for token in span.doc[span.end : span.sent.end]:
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in PERSONAL_PRONOUNS:
            return PERSONAL_PRONOUNS[token.lower_]
    return None

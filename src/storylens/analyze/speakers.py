"""Speakers resolved to the entity the article means.

A name resolves through its mention; "he"/"she" to the nearest person named before it (outside
quotations) whose gender does not contradict the pronoun; a title ("the spokesperson", "the
minister's press secretary") to the person whose description holds that role, or, for an
institution ("the ministry"), to the organisation whose name holds the word; an unnamed
official ("the ministry's spokesperson") to the body they speak for; a document ("according to
the report") to its author, else the article's main organisation; "the company" to the business
the article is about; a body named by a place ("the Dunmore police", "the city council") to that
place's body; a bare title met before ("the spokesperson") to what it meant then; a floating
quote to the previous quote's speaker.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.analyze.lexicon import (
    BUSINESS_WORDS,
    CIVIC_WORDS,
    COMPANY_NOUNS,
    DOCUMENT_NOUNS,
    GENDERED_ROLES,
    HONORIFICS,
    INSTITUTION_WORDS,
    OUTLET_SUFFIXES,
    PERSONAL_PRONOUNS,
    QUANTIFIERS,
    SPEAKER_PRONOUNS,
)
from storylens.analyze.mentions import display_name
from storylens.analyze.names import fold, singular
from storylens.analyze.quotemarks import quoted_spans
from storylens.analyze.roles import is_role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storylens.analyze.quotes import RawQuote
    from storylens.models import Entity, Mention, SpanField

_FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame"})
_MALE_HONORIFICS = frozenset({"mr", "mr.", "sir"})
_GROUP_TYPES = frozenset({"ORG", "GPE"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_AUTHOR_PREPOSITIONS = frozenset({"by", "of", "from"})


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
        self._titles: dict[str, Attribution] = {}  # head noun of a title -> what it last meant
        self._org_mentions = Counter(m.entity_key for m in mentions if m.type == "ORG" and m.entity_key)

    def resolve(self, quote: RawQuote) -> Attribution:
        if quote.speaker is None:
            found = self._previous or Attribution(None, None, "", "none")
            return Attribution(found.speaker, found.entity_id, "", "none")
        attribution = self._resolve_span(quote.field, quote.speaker)
        if attribution.form == "title":
            self._titles[quote.speaker.root.lower_] = attribution
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
        people = [
            m
            for m in inside
            if m.type == "PERSON" and not _is_possessor(field, m, self._docs) and not _is_modifier(span, m)
        ]
        if people:
            return self._named(_at_head(span, people), text)
        if len(span) == 1 and span[0].lower_ in SPEAKER_PRONOUNS:
            return self._antecedent(field, span)
        if _is_bare(span) and span.root.lower_ in self._titles:
            return dataclasses.replace(self._titles[span.root.lower_], text=text)
        if span.root.lower_ in DOCUMENT_NOUNS:
            return self._by_document(field, span)
        place_body = self._place_body(span, inside)
        if place_body is not None:
            return place_body
        if is_role(span.root):
            return self._by_role(field, span)
        groups = [m for m in inside if m.type in _GROUP_TYPES and m.end <= _core_end(span)]
        if groups:
            return self._named(_at_head(span, groups), text)
        entity = self._by_institution(span)
        appositive = [  # "Its operator, Solvex Chemicals"; not "The company, Maravia's largest ..."
            m for m in inside if m.type in _GROUP_TYPES and not _is_possessor(field, m, self._docs)
        ]
        if entity is None and appositive:
            return self._named(appositive[0], text)
        entity = entity or self._by_company_noun(span)
        if entity is None:
            return self._civic_body(span) or _unresolved(span)
        return self._entity_attribution(entity, text, "title")

    def _by_role(self, field: SpanField, span: Span) -> Attribution:
        """The person the title describes, else the organisation it names, else the body it speaks for."""
        body = _affiliation(span)
        entity = self._by_title(span, field, body) or self._by_institution(span)
        if entity is None and body is not None:
            return dataclasses.replace(self._resolve_span(field, body), text=span.text, form="title")
        return self._entity_attribution(entity, span.text, "title") if entity else _unresolved(span)

    def _civic_body(self, span: Span) -> Attribution | None:
        """A city's own body named after the article's place: "the city council" in a report from
        Port Halden is Port Halden City Council; "the city's fire brigade" its Fire Brigade."""
        words = _content_words_of(span)
        if len(words) < 2 or words[0].lower_ not in CIVIC_WORDS or span.root.lower_ not in INSTITUTION_WORDS:
            return None
        place = self._home_place()
        if place is None:
            return None
        return self._body_named(place.name, words[1:] if words[0].dep_ == "poss" else words, span)

    def _place_body(self, span: Span, mentions: list[Mention]) -> Attribution | None:
        """A body named by its place and an institution word, which the recogniser left apart:
        "the Dunmore police" is Dunmore Police, not the town (nor a person called Dunmore)."""
        words = _content_words_of(span)
        place = next((m for m in mentions if words and m.start == words[0].idx), None)
        if place is None or span.root.lower_ not in INSTITUTION_WORDS or not _is_modifier(span, place):
            return None
        return self._body_named(place.text, [t for t in words if t.idx >= place.end], span)

    def _body_named(self, place: str, words: list[Token], span: Span) -> Attribution:
        """The body "<place> <words>", the article's entity of that name when it has one."""
        name = " ".join([place, *(t.text.capitalize() for t in words)])
        same = next((e for e in self._entities.values() if fold(e.name) == fold(name)), None)
        return Attribution(same.name if same else name, same.id if same else None, span.text, "title")

    def _home_place(self) -> Entity | None:
        """The place the article names most: where its city's bodies are."""
        places = Counter(m.entity_key for m in self._mentions if m.type in _PLACE_TYPES and m.entity_key)
        return self._entities[places.most_common(1)[0][0]] if places else None

    def _by_document(self, field: SpanField, span: Span) -> Attribution:
        """A document speaks for its author ("records published by the bank"); an authorless one
        ("according to a statement") for the organisation the article names most."""
        author = _author(span)
        if author is not None:
            return dataclasses.replace(self._resolve_span(field, author), text=span.text, form="title")
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in span.root.children):
            return _unresolved(span)  # "company filings", "court records": a kind of author, no one named
        entity = self._main_organisation(commercial=False)
        return self._entity_attribution(entity, span.text, "title") if entity else _unresolved(span)

    def _by_company_noun(self, span: Span) -> Entity | None:
        """The business "the company" means: the one so described, else the one named most."""
        head = singular(fold(span.root.text))
        if head not in COMPANY_NOUNS:
            return None
        described = [
            e
            for e in self._entities.values()
            if e.type == "ORG" and head in fold(e.description or "").split()
        ]
        return described[0] if len(described) == 1 else self._main_organisation(commercial=True)

    def _main_organisation(self, commercial: bool) -> Entity | None:
        """The organisation named most often (first named on a tie); businesses only when
        ``commercial`` (no institution word but a business's in the name); never a publication."""
        candidates = [
            key
            for key in self._org_mentions
            if (words := fold(self._entities[key].name).split())[-1] not in OUTLET_SUFFIXES
            and not (commercial and set(words) & (INSTITUTION_WORDS - BUSINESS_WORDS))
            and not self._names_a_place(self._entities[key])
        ]
        return self._entities[max(candidates, key=self._org_mentions.__getitem__)] if candidates else None

    def _names_a_place(self, entity: Entity) -> bool:
        """A one-word name that begins a longer one ("Dunmore" and "Dunmore General Hospital") is
        mostly the place the longer one is named after, whatever the recogniser called it."""
        word = fold(entity.name)
        return " " not in word and any(
            fold(e.name).startswith(f"{word} ") for e in self._entities.values() if e is not entity
        )

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
        "it"/"they" take the subject earlier in their sentence ("The commission ..., which it
        said"), else continue a previous speaker that may be a group, else look for one.
        """
        word, text = pronoun[0].lower_, pronoun.text
        if word not in PERSONAL_PRONOUNS:
            subject = _subject_before(pronoun)
            found = self._resolve_span(field, subject) if subject is not None else None
            if found is not None and found.entity_id is not None and self._could_be_group(found.entity_id):
                return dataclasses.replace(found, text=text, form="pronoun")
            previous = self._previous
            if previous is not None and self._could_be_group(previous.entity_id):
                return Attribution(previous.speaker, previous.entity_id, text, "pronoun")
        gender = PERSONAL_PRONOUNS.get(word)
        compatible = [
            m
            for m in self._before(field, pronoun.start_char)
            if (m.type == "PERSON" if gender else self._could_be_group(m.entity_key))
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

    def _could_be_group(self, entity_id: str | None) -> bool:
        """Not a person, or a one-word "person" of no known gender: the model's usual reading of a
        one-word company name ("Telvora said on Tuesday ... It said")."""
        if entity_id is None:
            return True
        entity = self._entities[entity_id]
        return entity.type != "PERSON" or (" " not in entity.name and entity_id not in self._gender)

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

    def _by_title(self, span: Span, field: SpanField, body: Span | None) -> Entity | None:
        """The person whose description holds the title's head role, best word overlap first;
        when the title names the body it speaks for, the description must share a word with it."""
        head = span.root.lower_
        words = _content_words(span)
        body_words = _content_words(body) if body is not None else set()
        order = {m.entity_key: i for i, m in enumerate(self._before(field, span.start_char))}
        scored = [
            (len((words | body_words) & described), order.get(e.id, -1), e)
            for e in self._entities.values()
            if e.type == "PERSON"
            and e.description
            and head in (described := {singular(w) for w in fold(e.description).split()})
            and (not body_words or body_words & described)
        ]
        return max(scored, key=lambda s: s[:2])[2] if scored else None

    def _by_institution(self, span: Span) -> Entity | None:
        """The organisation a common noun phrase stands for: "the council", "the city's fire brigade"."""
        return institution_for(
            _content_words(span),
            singular(fold(span.root.text)),
            self._entities.values(),
            lambda e: self._org_mentions[e.id],
        )


def institution_for(
    words: set[str], head: str, entities: Iterable[Entity], salience: Callable[[Entity], int] = lambda e: 0
) -> Entity | None:
    """The organisation or state whose name holds the phrase's head noun and most of its words;
    between equals, the one the text names most ("the bank" in a report on the central bank that
    also quotes a savings bank's economist)."""
    scored = [
        (len(words & name), salience(e), e)
        for e in entities
        if e.type in _GROUP_TYPES and head in (name := {singular(w) for w in fold(e.name).split()})
    ]
    best = max((score[:2] for score in scored), default=(0, 0))
    winners = [e for *score, e in scored if tuple(score) == best]
    return winners[0] if len(winners) == 1 and best[0] * 2 >= len(words) else None


def _affiliation(span: Span) -> Span | None:
    """The body an unnamed official speaks for: "a spokesperson for the inspectorate", "the
    ministry's spokesperson", "a Telvora spokesperson"."""
    owner = _possessor(span.root, span)
    if owner is not None:
        return owner
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}):
        body = _object_of(prep, span)
        if body is not None:
            return body
    names = [c for c in span.root.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return _within(span, names[0].left_edge.i, names[-1].i + 1) if names else None


def _author(span: Span) -> Span | None:
    """Who wrote a document: "the agency's register", "records published by the bank", "the data
    of the police", "a notification the company filed"."""
    root = span.root
    owner = _possessor(root, span)
    if owner is not None:
        return owner
    for head in [root, *(c for c in root.children if c.dep_ in {"acl", "relcl"})]:
        for child in head.children:
            if head is not root and child.dep_ == "nsubj":
                return _within(span, child.left_edge.i, child.right_edge.i + 1)
            if child.dep_ in {"agent", "prep"} and child.lower_ in _AUTHOR_PREPOSITIONS:
                body = _object_of(child, span)
                if body is not None:
                    return body
    return None


def _possessor(head: Token, span: Span) -> Span | None:
    """The noun phrase owning ``head`` ("the ministry" in "the ministry's spokesperson"); not a pronoun."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is None:
        return None
    end = owner.right_edge.i + 1
    if span.doc[end - 1].text in {"'s", "’s", "'"}:
        end -= 1
    return _within(span, owner.left_edge.i, end)


def _object_of(preposition: Token, span: Span) -> Span | None:
    body = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return _within(span, body.left_edge.i, body.right_edge.i + 1) if body is not None else None


def _within(span: Span, start: int, end: int) -> Span | None:
    """Tokens ``start:end`` of the span's document when they lie inside the span."""
    return span.doc[start:end] if span.start <= start < end <= span.end else None


def _subject_before(pronoun: Span) -> Span | None:
    """The last noun subject before the pronoun in its sentence, up to its head word."""
    subjects = [
        t
        for t in pronoun.doc[pronoun.sent.start : pronoun.start]
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}
    ]
    return pronoun.doc[subjects[-1].left_edge.i : subjects[-1].i + 1] if subjects else None


def _is_bare(span: Span) -> bool:
    """A title with nothing but a determiner before its head: "the spokesperson", "the office"."""
    return span.root.i == span.end - 1 and all(t.pos_ == "DET" for t in span[:-1])


def _core_end(span: Span) -> int:
    """End of the phrase before an apposition after its head ("The company, Maravia's ...")."""
    comma = next((t for t in span if t.i > span.root.i and t.text == ","), None)
    return comma.idx if comma is not None else span.end_char


def _at_head(span: Span, mentions: list[Mention]) -> Mention:
    """The mention holding the phrase's head word, else the name in apposition after a title
    ("a Telvora spokesperson, Jakob Arentz"), else the first, organisations first."""
    root = span.root
    covering = [m for m in mentions if m.start <= root.idx < m.end]
    if covering:
        return covering[0]
    appositive = [m for m in mentions if m.start > root.idx]
    return appositive[0] if appositive else min(mentions, key=lambda m: m.type != "ORG")


def _content_words_of(span: Span) -> list[Token]:
    """Nouns and adjectives up to the phrase's head, as tokens in order."""
    return [t for t in span if t.i <= span.root.i and t.pos_ in {"NOUN", "PROPN", "ADJ"}]


def _content_words(span: Span) -> set[str]:
    """Nouns and adjectives up to the phrase's head: "the city's fire brigade", not its apposition."""
    return {singular(fold(t.text)) for t in _content_words_of(span)}


def _unresolved(span: Span) -> Attribution:
    """A speaker no entity stands for ("officials familiar with the file"), named as written,
    or by the proper name at its head or in apposition to it ("the privacy group OpenLine")."""
    root = span.root
    named = [
        c
        for c in root.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper() and c in span
    ]
    root = named[0] if root.pos_ != "PROPN" and named else root
    if root.pos_ == "PROPN" and not root.is_lower:  # not "the Maravian foreign ministry"
        first = min(
            (t.i for t in root.children if t.dep_ == "compound" and t.pos_ == "PROPN"), default=root.i
        )
        return Attribution(span.doc[first : root.i + 1].text, None, span.text, "name")
    return Attribution(display_name(_without_quantifier(span).text), None, span.text, "title")


def _without_quantifier(span: Span) -> Span:
    """The group without a leading count or quantifier: "one port board member", "some analysts"."""
    if len(span) > 1 and span[0].lower_ in QUANTIFIERS:
        return span[1:]
    return span


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """True when the mention is, or stands in apposition to, a clause's subject."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in {"appos", "compound", "conj"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _is_modifier(span: Span, mention: Mention) -> bool:
    """True for "Dunmore" in "the Dunmore branch of the union": a name qualifying the phrase's head
    noun names what the speaker belongs to, not the speaker."""
    return any(
        t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.idx >= mention.end
        for t in span
        if mention.start <= t.idx < mention.end
    )


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

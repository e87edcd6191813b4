"""Entity mentions read from the NER output, with its systematic errors corrected.

The small English model mislabels in patterns that general rules can fix: a publication's name
read as a person, a person's name read as a place when it stands beside a title, a surname read
as a place once the full name is known, a capital standing for its government.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.analyze.institutions import institution_spans, institutional, split_apposed_name
from storylens.analyze.lexicon import (
    BUSINESS_WORDS,
    CAPITAL_STATES,
    COMPANY_NOUNS,
    DECISION_VERBS,
    DEMONYM_STATES,
    FEATURE_WORDS,
    HONORIFICS,
    INSTITUTION_WORDS,
    LANDFORM_WORDS,
    OUTLET_SUFFIXES,
    PLACE_WORDS,
    SPEECH_VERBS,
    STATE_SHORT_FORMS,
)
from storylens.analyze.names import fold, spelled_out, surname
from storylens.analyze.roles import ROLE_WORD_POS, is_role, role_after, role_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storylens.models import EntityType, SpanField

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "EVENT",
    "NORP": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
}
_PLACE_TYPES = frozenset({"GPE", "LOC", "ORG"})
PLACE_PREPOSITIONS = frozenset({"on", "at", "in", "near", "along", "off", "outside"})
TOWN_PREPOSITIONS = frozenset({"in", "near", "outside"})  # "in Dunmore"; "at Telvora" is a firm
STORM_WORDS = frozenset({"storm", "hurricane", "typhoon", "cyclone"})  # "Storm Hella" is an event
MAX_AGE = 120


@dataclass
class Found:
    """A mention before grouping: where it is, what it is, the name it stands for."""

    field: SpanField
    text: str
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    type: EntityType
    name: str
    description: str | None = None


_BODY_WORDS = INSTITUTION_WORDS | COMPANY_NOUNS


def find_mentions(doc: Doc, field: SpanField, outlet: str | None) -> list[Found]:
    """The named-entity mentions of one parsed text, retyped where the model errs.

    Capitalised names of institutions ("Dunmore Fire and Rescue Service") are read by rule and
    replace the fragments the model finds inside them; a name written straight after one is a
    person's ("the chairman of the Growers' Association Owen Pritchard").
    """
    institutions = []
    for name, person in map(split_apposed_name, institution_spans(doc)):
        institutions += [_institution(name, field)] + ([_person(person, field)] if person is not None else [])
    taken = {i for f in institutions for i in range(f.first_token, f.last_token)}
    found = (
        _from_entity(ent, field, outlet) for ent in doc.ents if not taken & set(range(ent.start, ent.end))
    )
    return sorted(
        [*institutions, *(f for f in found if f is not None and fold(f.name))], key=lambda f: f.start
    )


def _not_a_person(words: list[str]) -> bool:
    return institutional(words, INSTITUTION_WORDS | PLACE_WORDS)


def _institution(span: Span, field: SpanField) -> Found:
    return Found(
        field, span.text, span.start_char, span.end_char, span.start, span.end, "ORG", display_name(span.text)
    )


def _from_entity(ent: Span, field: SpanField, outlet: str | None) -> Found | None:
    kind = LABEL_TYPES.get(ent.label_)
    if kind is None:
        return None
    span, title = _split_title(_with_given_name(ent))
    description = title or role_before(span) or role_after(span)
    kind, name = _retype(span, kind, outlet, description)
    if kind is None:
        return None
    if kind != "PERSON":
        description = None
    return Found(
        field, span.text, span.start_char, span.end_char, span.start, span.end, kind, name, description
    )


def _with_given_name(ent: Span) -> Span:
    """A one-word person with a capitalised word before it the model left out ("Ayesha Khan")."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if (
        before.is_alpha
        and before.is_title
        and not before.ent_type_
        and before.pos_ in ROLE_WORD_POS
        and not (is_role(before) or before.lower_ in HONORIFICS)
    ):
        return ent.doc[ent.start - 1 : ent.end]
    return ent


def _split_title(ent: Span) -> tuple[Span, str | None]:
    """Split leading honorifics and role words off a name ("Deputy Minister Amara Okafor")."""
    last_title = -1
    for i, token in enumerate(ent[:-1]):
        if token.lower_ in HONORIFICS or is_role(token):
            last_title = i
    if last_title < 0:
        return ent, None
    words = [t.text for t in ent[: last_title + 1] if t.lower_ not in HONORIFICS]
    return ent[last_title + 1 :], " ".join(words) or None


def _retype(
    span: Span, kind: EntityType, outlet: str | None, role: str | None
) -> tuple[EntityType | None, str]:
    """The corrected type and the name the mention stands for."""
    name = display_name(span.text)
    key = fold(name)
    if _is_outlet(key, span, outlet):
        return "ORG", name
    if key in STATE_SHORT_FORMS:
        return ("ORG" if kind == "ORG" else "GPE"), STATE_SHORT_FORMS[key]
    if kind == "GPE" and key in CAPITAL_STATES and _is_acting_subject(span):
        return "GPE", CAPITAL_STATES[key]
    if span.label_ == "NORP":
        return _demonym(span, key)
    if kind == "PERSON" and span[-1].lower_ in INSTITUTION_WORDS:
        return "ORG", name
    if kind in {"PERSON", "ORG"} and (_place_word_placed(span) or _feature_named(name)):
        return "LOC", name
    if len(span) > 1 and span[0].lower_ in STORM_WORDS:
        return "EVENT", name
    if kind == "PERSON" and len(span) == 1 and _placed(span, TOWN_PREPOSITIONS):
        return "GPE", name
    if kind in {"PERSON", "ORG"} and _names_landform(span):
        return "LOC", name
    if kind in _PLACE_TYPES and _looks_like_person(span, role):
        return "PERSON", name
    return kind, name


def _place_word_placed(span: Span) -> bool:
    """A name of two words or more ending in a place word ("Foundry Lane", "Mill Street") where
    something is or happens (``_placed``)."""
    return len(span) > 1 and span[-1].lower_ in PLACE_WORDS and _placed(span)


def _feature_named(name: str) -> bool:
    """A natural feature by its kind and name ("River Ashwell", "Mt Cook", "Lake Orla"), which the
    model often reads as an organisation or a person; not a body named after one ("Mount Sinai
    Hospital")."""
    words = fold(spelled_out(name)).split()
    bodies = INSTITUTION_WORDS | BUSINESS_WORDS
    return len(words) > 1 and words[0] in FEATURE_WORDS and words[-1] not in bodies


def _placed(span: Span, prepositions: frozenset[str] = PLACE_PREPOSITIONS) -> bool:
    """The name is where something is or happens: the object of "on", "at", "in", "near" …
    ("the site on Foundry Lane"). With a place word last ("Lane", "Hill", "Park", which are
    also surnames), that makes it a place, not a person; so does "in" or "near" before a one-word
    "person" ("the mill in Dunmore"): people are seldom where things happen."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in prepositions


def _names_landform(span: Span) -> bool:
    """The name stands before a lower-case word for land or water, which it names ("the Vell
    river", "the Vell valley"): a place, though the model reads "Vell" as an organisation."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.is_lower and after.text in LANDFORM_WORDS


def display_name(text: str) -> str:
    """The name without a leading article or a final possessive ("the Union's" -> "Union", "the
    United Nations'" -> "United Nations")."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words)
    if name.endswith(("’s", "'s")):
        return name[:-2]
    return name[:-1] if name.endswith(("s’", "s'")) else name


def _is_outlet(key: str, span: Span, outlet: str | None) -> bool:
    if outlet and key == fold(outlet):
        return True
    return span.label_ == "PERSON" and span[-1].lower_ in OUTLET_SUFFIXES


def _is_acting_subject(span: Span) -> bool:
    """True when the mention is the subject of a speech or decision verb."""
    head = span.root.head
    return span.root.dep_.startswith("nsubj") and (
        head.lower_ in SPEECH_VERBS or head.lower_ in DECISION_VERBS
    )


def _demonym(span: Span, key: str) -> tuple[EntityType | None, str]:
    """A demonym names its state when it qualifies an institution or an office."""
    head = span.root.head
    if key in DEMONYM_STATES and (head.lower_ in INSTITUTION_WORDS or is_role(head)):
        return "GPE", DEMONYM_STATES[key]
    return "OTHER", span.text


def _looks_like_person(span: Span, role: str | None) -> bool:
    """A capitalised two- or three-word name beside a title or speaking, not an institution."""
    words = [t for t in span if t.lower_ != "the"]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
        return False
    if _not_a_person([t.text for t in words]):
        return False
    honorific = span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS
    speaking = span.root.dep_.startswith("nsubj") and span.root.head.lower_ in SPEECH_VERBS
    return bool(role) or honorific or speaking


def _retype_employers(docs: dict[SpanField, Doc], found: list[Found]) -> None:
    surnames = _surnames(found)
    in_titles = {w for f in found if f.type == "PERSON" and f.description for w in f.description.split()}
    employers = {
        f.name
        for f in found
        if f.type == "PERSON"
        and " " not in f.name
        and (
            f.name in in_titles
            or _before_role(docs[f.field], f.last_token)
            or _body_in_apposition(docs[f.field][f.last_token - 1])
        )
    } - surnames
    for mention in found:
        if mention.type == "PERSON" and mention.name in employers:
            mention.type, mention.description = "ORG", None


def _surnames(found: list[Found]) -> set[str]:
    """The surnames of the people named in full."""
    return {surname(f.name) for f in found if f.type == "PERSON" and len(f.name.split()) > 1}


def _before_role(doc: Doc, i: int) -> bool:
    return i < len(doc) and is_role(doc[i])


def _body_in_apposition(token: Token) -> bool:
    """True when an apposition names a kind of organisation: "Telvora, the broadband company"."""
    return any(c.dep_ == "appos" and c.lower_ in _BODY_WORDS for c in token.children)


def without_capitalised_words(docs: dict[SpanField, Doc], found: list[Found]) -> list[Found]:
    """Drop one-word mentions that open a sentence or a headline when the article also writes the
    word in lower case ("Mill boss Gerald Brenner …" in an article about "the mill"): a common
    noun capitalised by its place, which the model reads as a name."""
    lower = {t.text for doc in docs.values() for t in doc if t.is_alpha and t.is_lower}
    return [
        f
        for f in found
        if not (
            f.last_token - f.first_token == 1
            and docs[f.field][f.first_token].is_sent_start
            and f.text.lower() in lower
        )
    ]


def add_surname_mentions(docs: dict[SpanField, Doc], found: list[Found]) -> list[Found]:
    """People's names the model read as places, or missed, become PERSON mentions.

    A full name ending in a surname the article uses alone ("Anders Dahl" ... "Mr Dahl") is a
    person; so is a lone word equal to a known person's surname. A lone "person" written as the
    employer before a role noun ("a Telvora spokesperson", also inside another person's title), or
    in apposition to a kind of organisation ("Telvora, the company"), and nobody's surname, is an
    organisation.
    """
    _retype_employers(docs, found)
    lone = {f.name for f in found if f.type == "PERSON" and len(f.name.split()) == 1}
    for mention in found:
        words = mention.name.split()
        if (
            mention.type in _PLACE_TYPES
            and 1 < len(words) <= 3
            and words[-1] in lone
            and not _not_a_person(words)
        ):
            mention.type = "PERSON"
    surnames = _surnames(found)
    for mention in found:
        if mention.type != "PERSON" and mention.name in surnames:
            mention.type, mention.description = "PERSON", None
    covered = {(f.field, i) for f in found for i in range(f.first_token, f.last_token)}
    extra = [
        _person(doc[_given_name_start(doc, t, field, covered, lone) : t.i + 1], field)
        for field, doc in docs.items()
        for t in doc
        if (t.pos_ == "PROPN" or t.is_title)
        and (field, t.i) not in covered
        and (t.text in surnames or t.text in lone)
    ]
    extra += _aged_people(docs, covered)
    return sorted([*found, *extra], key=lambda f: (f.field != "title", f.field != "subtitle", f.start))


def _aged_people(docs: dict[SpanField, Doc], covered: set[tuple[SpanField, int]]) -> list[Found]:
    """Full names the model missed that an age in apposition marks as people: "Grandmother
    Edith Morrow, 71, from Ashby"; the title before them kept as the description."""
    people = []
    for field, doc in docs.items():
        for age in doc[2:-1]:
            if not (
                age.is_digit
                and 0 < int(age.text) < MAX_AGE
                and doc[age.i - 1].text == "," == doc[age.i + 1].text
            ):
                continue
            end = start = age.i - 1
            while start > 0 and _is_name_part(doc[start - 1]) and (field, start - 1) not in covered:
                start -= 1
            if 2 <= end - start <= 3:
                people.append(_person(doc[start:end], field))
    return people


def _is_name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and not is_role(token) and token.lower_ not in HONORIFICS


def _given_name_start(
    doc: Doc, surname: Token, field: SpanField, covered: set[tuple[SpanField, int]], lone: set[str]
) -> int:
    """Where the name ending in ``surname`` starts: one given name before a surname known alone."""
    i = surname.i - 1
    if (
        surname.text in lone
        and i >= 0
        and (field, i) not in covered
        and doc[i].pos_ == "PROPN"
        and doc[i].is_title
    ):
        return i
    return surname.i


def _person(span: Span, field: SpanField) -> Found:
    description = role_before(span) or role_after(span)
    return Found(
        field,
        span.text,
        span.start_char,
        span.end_char,
        span.start,
        span.end,
        "PERSON",
        span.text,
        description,
    )

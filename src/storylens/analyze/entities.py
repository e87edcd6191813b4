"""Article-local entities merged into story-level entities across outlets.

People merge when their surnames agree and their given names are spellings of one name
("Yuliya"/"Yulia Marchenko"); people who only share a surname stay apart, and a bare surname
joins a person only when one person of the story bears it, and a given name alone ("Jodie")
the one full name it begins. Other entities merge by name, by alias, by an acronym spelling a
long form's initials, or as the last words of exactly one longer name of their type ("Data
Protection Authority" and "Maravian Data Protection Authority").
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter, defaultdict

from storylens.analyze.grouping import LINK_WORDS, canonical_name, is_acronym, other_spellings
from storylens.analyze.lexicon import BUSINESS_WORDS, FEATURE_WORDS, INSTITUTION_WORDS
from storylens.analyze.names import (
    fold,
    initials,
    name_key,
    same_given_name,
    surname,
    transliteration_key,
)
from storylens.models import Article, Entity


def story_entity_id(kind: str, name: str) -> str:
    """Stable id of a story-level entity: sha1 of its type and normalised canonical name."""
    return hashlib.sha1(f"{kind}|{transliteration_key(name)}".encode()).hexdigest()[:16]


def merge_entities(articles: list[Article]) -> tuple[list[Entity], dict[str, str]]:
    """Story-level entities, and each article-local entity id -> its story-level entity id."""
    local = _without_false_people([e for a in articles for e in a.entities])
    people = [e for e in local if e.type == "PERSON"]
    groups = _people_groups(people) + _named_groups([e for e in local if e.type != "PERSON"])
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for group in groups:  # groups that end up with one canonical name (and type) are one entity
        by_key[_identity(_merged(group))] += group
    merged, mapping = [], {}
    for group in by_key.values():
        entity = _merged(group)
        merged.append(entity)
        mapping.update({e.id: entity.id for e in group})
    return merged, mapping


def _identity(entity: Entity) -> str:
    """What makes two groups one entity: a name of two or more words whatever type the recogniser
    gave each outlet's mention ("Amara Okafor" read once as a place); a one-word name and its type."""
    key = transliteration_key(entity.name)
    return key if " " in key else f"{entity.type}|{key}"


def _without_false_people(local: list[Entity]) -> list[Entity]:
    """One-word "people" that another outlet's article names as an organisation or place
    ("Telvora", "Dunmore", "Solvex" for Solvex Chemicals), and that are no named person's surname
    or given name, retyped as that entity (the type most outlets give the same name, else the
    longer name's): the small model's usual misreading of a short name."""
    named_words = {w for e in local if e.type == "PERSON" and " " in e.name for w in fold(e.name).split()}
    others = [e for e in local if e.type != "PERSON"]
    retyped = []
    for entity in local:
        word = fold(entity.name)
        kinds: Counter[str] = Counter()
        if entity.type == "PERSON" and " " not in word and word not in named_words:
            kinds.update(o.type for o in others if fold(o.name) == word)
            if not kinds:  # a short form only: "Solvex" for Solvex Chemicals
                kinds.update(o.type for o in others if _shortens(entity.name, o.name))
        retyped.append(dataclasses.replace(entity, type=kinds.most_common(1)[0][0]) if kinds else entity)
    return retyped


def _people_groups(people: list[Entity]) -> list[list[Entity]]:
    by_surname: dict[str, list[Entity]] = defaultdict(list)
    for person in people:
        by_surname[transliteration_key(surname(person.name))].append(person)
    groups: list[list[Entity]] = []
    for same_surname in by_surname.values():
        groups.extend(_split_by_given_name(same_surname))
    return _join_given_names(groups)


def _join_given_names(groups: list[list[Entity]]) -> list[list[Entity]]:
    """A lone one-word person who is nobody's surname joins the one full name it is the given name of."""
    surnames = {fold(surname(p.name)) for g in groups for p in g if len(p.name.split()) > 1}
    kept: list[list[Entity]] = []
    for group in groups:
        word = fold(group[0].name)
        owners = [
            g
            for g in groups
            if g is not group and any(len(p.name.split()) > 1 and fold(p.name.split()[0]) == word for p in g)
        ]
        if len(group) == 1 and " " not in word and word not in surnames and len(owners) == 1:
            owners[0].extend(group)
        else:
            kept.append(group)
    return kept


def _split_by_given_name(people: list[Entity]) -> list[list[Entity]]:
    """People sharing a surname, grouped by given name; a bare surname joins a sole person."""
    full: list[list[Entity]] = []
    bare = [p for p in people if len(p.name.split()) == 1]
    for person in (p for p in people if len(p.name.split()) > 1):
        given = person.name.split()[0]
        group = next((g for g in full if same_given_name(given, g[0].name.split()[0])), None)
        if group is None:
            full.append([person])
        else:
            group.append(person)
    if len(full) == 1:
        full[0].extend(bare)
        return full
    return full + [[p] for p in bare]


def _named_groups(entities: list[Entity]) -> list[list[Entity]]:
    """Union of entities sharing a folded name or alias, or an acronym and its long form."""
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    spelled: dict[str, int] = {}
    for i, entity in enumerate(entities):
        names = [entity.name, *entity.aliases]
        spelled.update({initials(n): i for n in names if len(n.split()) > 1})
        for key in {k for n in names for k in (name_key(n), _word_set(n))} - {""}:
            parent[find(i)] = find(owner.setdefault(key, i))
    for i, entity in enumerate(entities):
        for acronym in (n.replace(".", "") for n in [entity.name, *entity.aliases] if is_acronym(n)):
            if acronym in spelled:
                parent[find(i)] = find(spelled[acronym])
    for i, entity in enumerate(entities):
        owners = {
            find(j)
            for j, other in enumerate(entities)
            if other.type == entity.type and _shortens(entity.name, other.name)
        }
        if len(owners) == 1:
            parent[find(i)] = owners.pop()
    groups: dict[int, list[Entity]] = defaultdict(list)
    for i, entity in enumerate(entities):
        groups[find(i)].append(entity)
    return list(groups.values())


def _shortens(short: str, long: str) -> bool:
    """True when ``short`` is the last two or more words of ``long`` ("Port Authority"), or ``long``
    without a closing business word ("Solvex" for "Solvex Chemicals") or, for two or more words,
    without a closing institution word ("Kestrel Bay General" for "... General Hospital"), or a
    natural feature's own name ("Ashwell" for "River Ashwell"). Not other first words, which are
    often a place a body is named after ("Northgate" / "Northgate Police")."""
    s, full = fold(short).split(), fold(long).split()
    if not s or len(s) >= len(full):
        return False
    if len(full) == 2 and full[0] in FEATURE_WORDS and full[1:] == s:
        return True
    if full[: len(s)] == s and len(full) == len(s) + 1:
        return full[-1] in (INSTITUTION_WORDS if len(s) > 1 else BUSINESS_WORDS)
    return len(s) > 1 and full[-len(s) :] == s


def _word_set(name: str) -> str:
    """The name's words in order of the alphabet: "Ministry of Finance" and "Finance Ministry" agree."""
    words = sorted(w for w in name_key(name).split() if w not in LINK_WORDS)
    return "words:" + " ".join(words) if len(words) > 1 else ""


def _merged(group: list[Entity]) -> Entity:
    kind = Counter(e.type for e in group).most_common(1)[0][0]
    name = canonical_name([e.name for e in group])
    aliases = other_spellings(name, {a for e in group for a in [e.name, *e.aliases]})
    descriptions = Counter(e.description for e in group if e.description)
    return Entity(
        id=story_entity_id(kind, name),
        name=name,
        type=kind,
        aliases=aliases,
        description=descriptions.most_common(1)[0][0] if descriptions else None,
        article_ids=sorted({a for e in group for a in e.article_ids}),
    )

"""Mentions of one article grouped into its local entities.

People group by full name, then surnames join the full name they abbreviate (the nearest one
before them when two people share a surname); other names group by their folded form, and an
acronym joins the long form whose initials it spells ("UN" / "United Nations").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from storylens.analyze.mentions import Found, display_name
from storylens.analyze.names import fold, initials, name_key, surname, without_generation
from storylens.models import Entity, Mention

LINK_WORDS = frozenset({"of", "the", "and", "for", "on"})
_ACRONYM_TYPES = frozenset({"ORG", "GPE", "LOC", "EVENT"})


@dataclass
class _Group:
    type: str
    members: list[Found] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.members]


def local_id(article_id: str, kind: str, name: str) -> str:
    return hashlib.sha1(f"{article_id}|{kind}|{fold(name)}".encode()).hexdigest()[:16]


def group_mentions(article_id: str, found: list[Found]) -> tuple[list[Entity], list[Mention]]:
    """Article-local entities and the mentions pointing at them (``entity_key`` = entity id)."""
    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}
    ordered = sorted(range(len(found)), key=lambda i: (len(found[i].name.split()) == 1, i))
    for i in ordered:
        group_of[i] = _join(found[i], groups)
    entities = {id(g): _entity(article_id, g) for g in groups}
    mentions = [
        Mention(
            text=f.text,
            start=f.start,
            end=f.end,
            type=group_of[i].type,
            entity_key=entities[id(group_of[i])].id,
            field=f.field,
        )
        for i, f in enumerate(found)
    ]
    return list(entities.values()), mentions


def _join(mention: Found, groups: list[_Group]) -> _Group:
    group = _person_group(mention, groups) if mention.type == "PERSON" else _named_group(mention, groups)
    if group is None:
        group = _Group(mention.type)
        groups.append(group)
    group.members.append(mention)
    return group


def _person_group(mention: Found, groups: list[_Group]) -> _Group | None:
    words = _person_words(mention.name)
    people = [g for g in groups if g.type == "PERSON"]
    if len(words) > 1:
        return next((g for g in people if _same_full_name(words, g)), None)
    sharing = [g for g in people if any(fold(surname(n)) == words[0] for n in g.names)]
    return _nearest_before(mention, sharing)


def _ends_with(group: _Group, word: str) -> bool:
    """A one-word name standing for a longer one: "Police" for "Halden Police"."""
    return any(len(n.split()) > 1 and fold(n).split()[-1] == word for n in group.names)


def _same_full_name(words: list[str], group: _Group) -> bool:
    return any(
        len(other := _person_words(n)) > 1 and other[0] == words[0] and other[-1] == words[-1]
        for n in group.names
    )


def _person_words(name: str) -> list[str]:
    return fold(without_generation(name)).split()


def _nearest_before(mention: Found, candidates: list[_Group]) -> _Group | None:
    """The candidate mentioned last before ``mention`` in its field, else the first candidate."""

    def last_before(group: _Group) -> int:
        starts = [m.start for m in group.members if m.field == mention.field and m.start < mention.start]
        return max(starts, default=-1)

    return max(candidates, key=last_before, default=None)


def _named_group(mention: Found, groups: list[_Group]) -> _Group | None:
    key = name_key(mention.name)
    same = next((g for g in groups if g.type != "PERSON" and key in {name_key(n) for n in g.names}), None)
    if same is None and len(key.split()) == 1:
        same = _nearest_before(mention, [g for g in groups if g.type == mention.type and _ends_with(g, key)])
    if same or not is_acronym(mention.name):
        return same
    return next(
        (
            g
            for g in groups
            if g.type in _ACRONYM_TYPES and any(initials(n) == mention.name.replace(".", "") for n in g.names)
        ),
        None,
    )


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def canonical_name(names: list[str]) -> str:
    """The most complete form: a full name over a surname or acronym, the fuller spelling of a
    transliteration ("Yuliya" over "Yulia"), the name written out in full ("Ministry of Transport"
    over "Transport Ministry", the form an institution's own title takes), then the most frequent."""
    counts = Counter(names)
    return max(
        counts,
        key=lambda n: (len(n.split()) > 1 and not is_acronym(n), _letters(n), len(n.split()), counts[n]),
    )


def _letters(name: str) -> int:
    """How much a name spells out: its letters, linking words ("of", "the") not counted."""
    return sum(len(w) for w in fold(name).split() if w not in LINK_WORDS)


def _entity(article_id: str, group: _Group) -> Entity:
    name = canonical_name(group.names)
    written = {display_name(m.text) for m in group.members} | set(group.names)
    description = next((m.description for m in group.members if m.description), None)
    return Entity(
        id=local_id(article_id, group.type, name),
        name=name,
        type=group.type,  # type: ignore[arg-type]
        aliases=other_spellings(name, written),
        description=description,
        article_ids=[article_id],
    )


def other_spellings(name: str, written: set[str]) -> list[str]:
    """The forms written other than the name, each once whatever its case or apostrophe
    ("DUNMORE" in a shouting headline is "Dunmore", "Dockworkers’ Union" is "Dockworkers'
    Union"); the mixed-case form is kept."""
    by_form = {_spelling(name): name}
    for form in sorted(written, key=lambda w: (w.isupper(), w)):
        by_form.setdefault(_spelling(form), form)
    return sorted(set(by_form.values()) - {name})


def _spelling(form: str) -> str:
    return form.casefold().replace("’", "'")

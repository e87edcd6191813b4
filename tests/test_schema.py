"""The story contract schema accepts what ``models.contract`` writes and rejects broken documents."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from storylens.models import (
    Article,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Framing,
    FramingVariant,
    Omission,
    Quote,
    Story,
    SummarySentence,
    Support,
    TimelineEntry,
    contract,
)
from storylens.schema import ContractError, contract_schema, validate_contract

IST = timezone(timedelta(hours=5, minutes=30))
TEXT_A = "A fire broke out at the Dunmore plant on Friday. “We are safe,” said Amara Okafor."
TEXT_B = "Fire crews fought a blaze at the Dunmore plant."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _document() -> dict[str, Any]:
    a = Article(
        id="a1",
        source="articles/a.txt",
        text=TEXT_A,
        outlet="The Daily Clarion",
        title="Plant fire",
        published=datetime(2025, 3, 3, 14, 20, tzinfo=IST),
        authors=["Jo Reed"],
    )
    b = Article(id="b1", source="articles/b.txt", text=TEXT_B, url="https://x.example/b")
    fire_a, fire_b = _span(TEXT_A, "A fire broke out at the Dunmore plant"), _span(TEXT_B, "a blaze")
    quote = _span(TEXT_A, "We are safe,")
    friday = _span(TEXT_A, "on Friday")
    story = Story(
        id="s1",
        title="Dunmore plant fire",
        article_ids=["a1", "b1"],
        outlets=["The Daily Clarion"],
        first_published=a.published,
        entities=[
            Entity(id="e1", name="Amara Okafor", type="PERSON", aliases=["Okafor"], article_ids=["a1"])
        ],
        quotes=[
            Quote(
                article_id="a1",
                speaker="Amara Okafor",
                speaker_entity_id="e1",
                speaker_text="Amara Okafor",
                text="We are safe,",
                start=quote[0],
                end=quote[1],
                kind="direct",
                cue="said",
            )
        ],
        claims=[
            Claim(
                id="c1",
                text="A fire broke out.",
                status="consensus",
                support=[Support("a1", TEXT_A[slice(*fire_a)], *fire_a), Support("b1", "a blaze", *fire_b)],
            ),
            Claim(
                id="c2",
                text="Okafor is safe.",
                status="unique",
                support=[Support("a1", "We are safe,", *quote)],
            ),
        ],
        omissions=[Omission(article_id="b1", claim_ids=[])],
        conflicts=[
            Conflict(
                claim_ids=["c1"], kind="date", description="when", values=[ConflictValue("a1", "Friday")]
            )
        ],
        framing=[Framing(claim_id="c1", variants=[FramingVariant("b1", "a blaze", *fire_b)], note="")],
        summary=[SummarySentence(text="A fire broke out.", citations=[Citation("a1", *fire_a)])],
        timeline=[
            TimelineEntry(
                date="2025-02-28",
                text="A fire broke out.",
                article_id="a1",
                start=friday[0],
                end=friday[1],
                expression="on Friday",
            )
        ],
    )
    return contract([story], [a, b])


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(contract_schema())


def test_contract_document_validates() -> None:
    validate_contract(_document())


def test_added_fields_are_allowed() -> None:
    doc = _document()
    doc["generator"] = "storylens"
    doc["stories"][0]["claims"][0]["importance"] = 0.9
    validate_contract(doc)


def _broken(path: list[str | int], value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    doc = copy.deepcopy(_document())
    node = doc
    for key in path[:-1]:
        node = node[key]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "delete", "where"),
    [
        (["stories", 0, "claims", 0, "status"], "maybe", False, "stories/0/claims/0/status"),
        (["stories", 0, "quotes", 0, "kind"], "rumour", False, "stories/0/quotes/0/kind"),
        (["stories", 0, "entities", 0, "type"], "ANIMAL", False, "stories/0/entities/0/type"),
        (["stories", 0, "conflicts", 0, "kind"], "tone", False, "stories/0/conflicts/0/kind"),
        (["stories", 0, "id"], None, True, "stories/0"),
        (["articles", 1, "id"], None, True, "articles/1"),
        (["stories", 0, "claims", 0, "support", 0, "start"], -1, False, "support/0/start"),
        (["stories", 0, "quotes", 0, "end"], 3.5, False, "stories/0/quotes/0/end"),
        (["stories", 0, "timeline", 0, "date"], "Friday", False, "stories/0/timeline/0/date"),
        (["articles", 0, "published"], "2025-03-03T14:20:00", False, "articles/0/published"),
        (["articles", 0, "authors"], "Jo Reed", False, "articles/0/authors"),
    ],
)
def test_broken_documents_fail_naming_the_place(
    path: list[str | int], value: Any, delete: bool, where: str
) -> None:
    with pytest.raises(ContractError) as caught:
        validate_contract(_broken(path, value, delete=delete))
    assert where in str(caught.value)


def test_many_violations_are_summarised() -> None:
    doc = _document()
    for article in doc["articles"]:
        for key in ("id", "source", "text", "language"):
            del article[key]
    with pytest.raises(ContractError) as caught:
        validate_contract(doc)
    assert "and 3 more" in str(caught.value)

"""Disputes between the parties to a story: who gives each figure (spaCy parse), and the conflict
told when one sentence sets two parties' figures for one quantity against each other."""

from __future__ import annotations

import pytest

from storylens.compare import compare_story
from storylens.compare.parties import figure_parties
from storylens.compare.text import figures
from storylens.models import Conflict, ConflictValue
from tests.test_compare_fixtures import make_article

pytestmark = pytest.mark.slow  # the spaCy parse; compare embeds the claims


def _parties(sentence: str) -> list[str | None]:
    return figure_parties([sentence], [[f.start for f in figures(sentence)]])[0]


def test_each_figure_is_given_by_the_subject_or_agent_of_its_reporting_verb():
    assert _parties(
        "Police estimated the crowd at about 4,500, while organisers said 12,000 people took part."
    ) == [
        "Police",
        "organisers",
    ]
    assert _parties(
        "The union, drawing on shift records, put the average at 19 hours a week; the port authority, "
        "using its payroll data, put it at 11."
    ) == ["The union", "the port authority"]
    assert (
        _parties(
            "Authority figures show 11 hours a week, but the 19 hours claimed by the union are an average."
        )[1]
        == "the union"
    )


def test_a_second_account_may_leave_its_verb_out():
    elided = "Overtime has been disputed: the union put it at 19 hours a week, the port authority at 11."
    assert _parties(elided) == ["the union", "the port authority"]
    assert _parties("The ministry put the cost at 40 million; the opposition, at 65 million.") == [
        "The ministry",
        "the opposition",
    ]


def test_no_party_without_a_contrast_of_accounts_or_for_a_figure_inside_its_subject():
    assert _parties("Police said 23 people were arrested and 31 were treated in hospital.") == [None, None]
    given = _parties("Prosecutors say Lopez, 20, fired the shots, while his brother, 24, gave the orders.")
    assert given[1] is None  # 24 is the brother's age, part of who gave the orders


def _story(*bodies: tuple[str, str]):
    articles = [
        make_article(
            k, outlet, f"2025-03-2{i}T10:00:00+00:00", "Nurses march in Halden", body, names={"Halden": "GPE"}
        )
        for i, (k, (outlet, body)) in enumerate(zip("abc", bodies, strict=False))
    ]
    return compare_story("story", articles)


def test_a_dispute_between_parties_is_told_with_each_partys_figure_and_its_claims():
    story = _story(
        (
            "Halden Chronicle",
            "Nurses marched in Halden on Saturday. The nurses' union put the turnout at 12,000; "
            "the police, whose estimates are more conservative, said about 5,000 had taken part.",
        ),
        ("Daily Clarion", "Around 12,000 nurses marched through Halden on Saturday, the union said."),
        ("Meridian Wire", "About 5,000 nurses marched through Halden on Saturday, police said."),
    )
    (dispute,) = story.conflicts  # the Clarion's 12,000 against the wire's 5,000 is this dispute, told once
    assert dispute.between_parties
    assert dispute.description == (
        'The parties disagree on the figure (reported by Halden Chronicle): the nurses\' union: "12,000"; '
        'the police: "about 5,000".'
    )
    assert [v.value for v in dispute.values] == ["12,000 (the nurses' union)", "about 5,000 (the police)"]
    clarion = {c.id for c in story.claims for s in c.support if s.article_id == "b"}
    assert clarion & set(dispute.claim_ids)  # the claim that gives one side, as the Clarion does
    assert not any("12,000" in s.text or "5,000" in s.text for s in story.summary)


def test_figures_of_two_things_or_far_apart_are_no_dispute():
    story = _story(
        (
            "Halden Chronicle",
            "Police said 300 people were evacuated in Halden, while firefighters said 200 homes "
            "were damaged.",
        ),
        (
            "Daily Clarion",
            "The company said 300 jobs would go in Halden, while the union said 1,200 staff would "
            "be affected.",
        ),
    )
    assert not [c for c in story.conflicts if c.between_parties]


def test_a_conflict_is_between_parties_when_one_article_gives_two_values():
    outlets = Conflict(["c1"], "number", "", [ConflictValue("a", "12"), ConflictValue("b", "14")])
    parties = Conflict(
        ["c1"], "number", "", [ConflictValue("a", "19 (union)"), ConflictValue("a", "11 (port)")]
    )
    assert not outlets.between_parties and parties.between_parties

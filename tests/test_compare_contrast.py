"""Corrections of who did it ("it was X, not Y, who ..."): read from the wording, matched to the
account they dispute, and told as an actor conflict. Fictional sentences written for these tests."""

from __future__ import annotations

import pytest

from storylens.compare import compare_story
from storylens.compare.contrast import Contrast, contrasts, names_denied
from tests.test_compare_fixtures import make_article


def test_a_correction_names_the_denied_and_the_asserted_actor():
    (cleft,) = contrasts("It was the goalkeeper, not the captain, who lifted the trophy first.")
    assert (cleft.denied, cleft.asserted) == ("the captain", "the goalkeeper")
    (rather,) = contrasts("The audit was done by the council's own engineers rather than by a contractor.")
    assert (rather.denied, rather.asserted) == ("a contractor", "the council's own engineers")
    (late,) = contrasts("The money came from a rival firm, the court heard, and not from Belvane Freight.")
    assert late.denied == "Belvane Freight"


def test_not_only_and_not_least_deny_no_actor():
    assert contrasts("The strike is not only about pay, and not for the first time.") == []
    assert contrasts("Fares rose, not least because of fuel costs.") == []
    assert contrasts("The ferry left on time.") == []
    assert contrasts("The vote was held on Monday, not Tuesday, the clerk said.") == []
    assert contrasts("The council overspent, not the first time the auditors have said so.") == []


def test_the_denied_actor_is_found_by_its_name_stem_or_head_noun():
    side = Contrast("the Varnish side", "the Corland delegation", "")
    assert names_denied(side, "Varnia's envoy walked out of the room.") is None  # another stem
    envoy = Contrast("the Varnian side", "the Corland delegation", "")
    assert names_denied(envoy, "Varnia's envoy walked out of the room.") == "Varnia"
    assert names_denied(envoy, "Corland and Varnia opened talks.") is None  # both sides named
    chair = Contrast("the chairman", "the coach", "")
    assert names_denied(chair, "Chairman Odo Brant told the players.") == "Chairman"
    assert names_denied(chair, "The board met on Monday.") is None


@pytest.mark.slow
def test_a_correction_conflicts_with_the_account_it_denies():
    first = "Club chairman Odo Brant told the players about the takeover on Wednesday morning."
    second = "It was the coach, Ilse Varga, and not the chairman, who told the players about the takeover."
    story = compare_story(
        "takeover",
        [
            make_article(
                "a", "A", "2025-04-02T12:00:00+00:00", "Club sold", first, names={"Odo Brant": "PERSON"}
            ),
            make_article(
                "b", "B", "2025-04-02T15:00:00+00:00", "Club sold", second, names={"Ilse Varga": "PERSON"}
            ),
        ],
    )
    (conflict,) = [c for c in story.conflicts if c.kind == "entity"]
    assert {v.article_id: v.value for v in conflict.values} == {"a": "chairman Odo Brant", "b": "the coach"}

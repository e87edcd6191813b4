"""Which predicted speaker spellings count as the gold entity in the quote task."""

from __future__ import annotations

from pathlib import Path

from storylens.eval.gold import GoldEntity, GoldEvent
from storylens.eval.quotes import entity_spellings


def event(*entities: GoldEntity) -> GoldEvent:
    return GoldEvent("E1", "t", Path("E1.json"), [], list(entities), [], [], [])


def test_proper_name_aliases_of_one_entity_count_and_descriptions_or_shared_ones_do_not() -> None:
    spellings = entity_spellings(
        event(
            GoldEntity("Aleksandr Petrov", "PERSON", ["Alexander Petrov", "Petrov", "the minister"]),
            GoldEntity("Ministry of Transport", "ORG", ["Transport Ministry", "the ministry", "Ministry"]),
            GoldEntity("Ministry of Finance", "ORG", ["Ministry"]),
        )
    )
    assert spellings["alexander petrov"] == spellings["petrov"] == "Aleksandr Petrov"
    assert spellings["transport ministry"] == "Ministry of Transport"
    assert "the minister" not in spellings and "the ministry" not in spellings
    assert "ministry" not in spellings  # two entities share it

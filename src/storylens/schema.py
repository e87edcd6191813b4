"""Validation of the story JSON contract against the schema shipped in the package.

Other tools read the contract, so every output is checked against
``storylens/data/schema/story.schema.json`` before anyone relies on it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

_MAX_REPORTED = 5


class ContractError(ValueError):
    """A document that breaks the story contract; the message names each bad place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("story contract violated:\n  " + "\n  ".join(problems))
        self.problems = problems


@cache
def contract_schema() -> dict[str, Any]:
    """The contract's JSON Schema (draft 2020-12)."""
    text = resources.files("storylens").joinpath("data/schema/story.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    schema = contract_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _describe(error: ValidationError) -> str:
    where = "/".join(str(part) for part in error.absolute_path) or "(document)"
    return f"at {where}: {error.message}"


def validate_contract(doc: dict[str, Any]) -> None:
    """Raise :class:`ContractError` listing the first few violations when ``doc`` breaks the contract."""
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        problems = [_describe(e) for e in errors[:_MAX_REPORTED]]
        if len(errors) > _MAX_REPORTED:
            problems.append(f"... and {len(errors) - _MAX_REPORTED} more")
        raise ContractError(problems)

"""Errors that name the input they concern, so a run can report them and go on."""

from __future__ import annotations


class InputError(Exception):
    """An input that is no usable article: ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SetupError(Exception):
    """The machine lacks something storylens needs (a model, a package): no input is to blame."""

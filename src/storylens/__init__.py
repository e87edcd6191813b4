"""storylens: many outlets' articles turned into stories compared claim by claim."""

__version__ = "0.1.0"

"""The sample narrative that ships with rift (written for rift, in our own words)."""

from importlib.resources import files
from pathlib import Path


def sample_path() -> Path:
    """Path of the built-in sample narrative on Sino-Soviet relations 1927-1969."""
    return Path(str(files("rift.sample") / "sino_soviet_1927_1969.txt"))

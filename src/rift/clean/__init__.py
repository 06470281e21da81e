"""Text repair: rebuild sentences broken by hard line breaks, keep a map back to the original."""

from rift.clean.offsets import OffsetMap
from rift.clean.repair import RepairedText, repair_text

__all__ = ["OffsetMap", "RepairedText", "repair_text"]

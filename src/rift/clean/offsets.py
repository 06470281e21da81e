"""A map from offsets in the repaired text back to offsets in the text as read."""

from __future__ import annotations

from array import array
from bisect import bisect_left


class OffsetMap:
    """Maps character offsets of a cleaned text to offsets in the original text.

    ``src[i]`` is the original offset of cleaned character ``i``; ``src[len(clean)]`` is the
    original length. Characters the repair inserted map to the original character they stand for
    (a line break turned into a space maps to the line break).
    """

    __slots__ = ("src", "orig_len")

    def __init__(self, src: array, orig_len: int):
        self.src = src
        self.orig_len = orig_len

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a text that repair left unchanged."""
        return cls(array("q", range(length + 1)), length)

    def __len__(self) -> int:
        return len(self.src) - 1

    def to_orig(self, i: int) -> int:
        """Original offset of cleaned offset ``i`` (a start position)."""
        if i <= 0:
            return int(self.src[0]) if len(self.src) else 0
        if i >= len(self.src) - 1:
            return self.orig_len
        return int(self.src[i])

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the cleaned span ``[start, end)``."""
        if end <= start:
            s = self.to_orig(start)
            return s, s
        last = min(end - 1, len(self.src) - 2)
        return self.to_orig(start), min(int(self.src[last]) + 1, self.orig_len)

    def to_clean(self, j: int) -> int:
        """Cleaned offset of the first cleaned character at or after original offset ``j``."""
        return bisect_left(self.src, j, 0, len(self.src) - 1)

"""Citations: parenthetical author-page references, the sentences they back, the bibliography."""

from rift.citations.parse import CitationMatch, find_citations, find_running_authors, page_range

__all__ = ["CitationMatch", "find_citations", "find_running_authors", "page_range"]

"""The interactive report: one self-contained offline HTML file."""

from rift.report.render import write_report

__all__ = ["write_report"]

"""The interactive report: one self-contained offline HTML file, and the views behind it."""

from rift.report.data import report_data
from rift.report.render import Link, RenderedReport, render_report, write_report

__all__ = ["Link", "RenderedReport", "render_report", "report_data", "write_report"]

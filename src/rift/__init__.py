"""rift: rebuild the system a history of relations between states describes.

Read histories (essays, narratives, news), and get a sourced event dataset, a relations index
with phases, the causal links the author claims, the author's claims tested against the
evidence, and an interactive report.

>>> import rift
>>> result = rift.analyze(["essay.txt"], "out/")  # doctest: +SKIP
"""

from rift.api import AnalysisResult, analyze
from rift.errors import RiftError

__version__ = "0.1.0"

__all__ = ["AnalysisResult", "RiftError", "__version__", "analyze"]

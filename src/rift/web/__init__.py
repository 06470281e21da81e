"""rift's web app: upload texts, analyse them in the background, browse and download the results.

>>> from rift.web import ServeConfig, create_app
>>> app = create_app(ServeConfig(db="rift.duckdb"))  # doctest: +SKIP
"""

from rift.web.app import create_app
from rift.web.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]

"""The front-end libraries the report inlines, as built by ``make assets``.

``src/rift/report/frontend`` holds the npm manifest; its build step copies the browser builds
of vis-timeline, cytoscape and uPlot into ``assets/vendor/`` with a ``manifest.json`` listing
them in load order. Nothing here downloads anything: when the folder is missing the report is
written without charts (tables instead) and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
VENDOR_DIR = ASSETS_DIR / "vendor"


@dataclass(frozen=True)
class Vendor:
    """The vendor scripts and styles, read from disk, in load order."""

    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    libraries: dict[str, str] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        """True when the libraries were built (``make assets``)."""
        return bool(self.scripts)


def _read_vendor(vendor_dir: Path) -> Vendor:
    manifest_path = vendor_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        scripts = tuple((vendor_dir / name).read_text(encoding="utf-8") for name in manifest["scripts"])
        styles = tuple((vendor_dir / name).read_text(encoding="utf-8") for name in manifest["styles"])
    except (OSError, ValueError, KeyError, TypeError):
        return Vendor()
    return Vendor(scripts=scripts, styles=styles, libraries=dict(manifest.get("libraries", {})))


@lru_cache(maxsize=4)
def _cached(vendor_dir: str, mtime: float) -> Vendor:
    return _read_vendor(Path(vendor_dir))


def load_vendor(vendor_dir: str | Path | None = None) -> Vendor:
    """The built front-end libraries in ``vendor_dir`` (default: the package's), or an empty
    :class:`Vendor` when they were not built."""
    path = Path(vendor_dir) if vendor_dir is not None else VENDOR_DIR
    try:
        mtime = (path / "manifest.json").stat().st_mtime
    except OSError:
        return Vendor()
    return _cached(str(path), mtime)


def own_asset(name: str) -> str:
    """The text of one of the report's own (committed) assets: ``report.js``, ``report.css``."""
    return (ASSETS_DIR / name).read_text(encoding="utf-8")

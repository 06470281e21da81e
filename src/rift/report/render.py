"""Render ``report.html``: one self-contained page that works offline from ``file://``.

The page is an autoescaping Jinja2 template. The analysis travels as one JSON block (escaped so
that no text in it can close the script element), the scripts and styles are inlined, and a
Content-Security-Policy meta tag allows exactly those inline scripts (by hash) and nothing from
the network.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rift.errors import OutputError
from rift.report.data import report_data
from rift.report.vendor import Vendor, load_vendor, own_asset

# characters that must not appear raw inside a <script> block of JSON
_JSON_ESCAPES = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})
OWN_SCRIPTS = ("timeline.js", "report.js")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A link shown in the report's header (the web app adds its navigation and downloads)."""

    label: str
    href: str


@dataclass(frozen=True)
class RenderedReport:
    """A rendered report page and the Content-Security-Policy it declares."""

    html: str
    csp: str


def json_for_script(data: Any) -> Markup:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes (so no string can close the element
    or open a comment), and so do U+2028/U+2029 (line terminators in older JavaScript).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.translate(_JSON_ESCAPES))


def _inline_script(code: str) -> str:
    """JavaScript safe to place between ``<script>`` tags (as the HTML parser will read it)."""
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    code = _SCRIPT_END.sub(r"<\\/\1", code)
    return code.replace("<!--", "<\\!--")


def _inline_style(css: str) -> str:
    return _STYLE_END.sub(r"<\\/\1", css.replace("\r\n", "\n").replace("\r", "\n"))


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """The page's policy: its own inline scripts (by hash) and styles, images from ``data:``
    only, and no connections, frames, fonts, forms or base URL."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(script_hashes),
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("rift.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        keep_trailing_newline=True,
    )


def render_report(
    result,
    *,
    title: str | None = None,
    links: Sequence[Link] = (),
    vendor: Vendor | None = None,
    generated: datetime | None = None,
) -> RenderedReport:
    """Render the report of an analysis.

    Args:
        result: an :class:`rift.api.AnalysisResult`.
        title: the page title (default: the document's title, or "rift report").
        links: navigation links for the header (the web app's).
        vendor: the front-end libraries (default: :func:`rift.report.vendor.load_vendor`);
            without them the page shows tables instead of charts, with a notice.
        generated: the time to print as "generated" (default: now).

    Returns:
        The page's HTML and its Content-Security-Policy.
    """
    data = report_data(result)
    vendor = load_vendor() if vendor is None else vendor
    scripts = [_inline_script(code) for code in vendor.scripts]
    scripts.extend(_inline_script(own_asset(name)) for name in OWN_SCRIPTS)
    styles = [_inline_style(css) for css in vendor.styles]
    styles.append(_inline_style(own_asset("report.css")))
    csp = content_security_policy([_sha256(code) for code in scripts])
    if title is None:
        docs = data["documents"]
        title = (docs[0]["title"] or "rift report") if len(docs) == 1 else f"rift report: {len(docs)} documents"
    when = (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    html = _env().get_template("report.html.j2").render(
        title=title,
        csp=csp,
        summary=data["summary"],
        documents=data["documents"],
        generated=when,
        links=list(links),
        vendor_available=vendor.available,
        libraries=vendor.libraries,
        data_json=json_for_script(data),
        scripts=[Markup(s) for s in scripts],
        styles=[Markup(s) for s in styles],
    )
    return RenderedReport(html=html, csp=csp)


def write_report(result, path: str | Path, **options) -> Path:
    """Write the report of ``result`` to ``path`` (see :func:`render_report` for ``options``).

    Raises:
        OutputError: the file cannot be written.
    """
    path = Path(path)
    page = render_report(result, **options)
    try:
        path.write_text(page.html, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
    return path

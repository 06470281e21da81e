"""What the routes share: the app's state and the filters read from the query string."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from rift.report.filters import DATE_PATTERN, Filters

_CODE = r"[A-Za-z0-9_.:]{1,32}"
_EMPTY_OR = lambda pattern: f"^$|^{pattern}$"  # noqa: E731 - an HTML form sends empty fields


def get_filters(
    actor: Annotated[str | None, Query(pattern=_EMPTY_OR(_CODE), description="Actor code on either side, e.g. SUN.")] = None,
    dyad: Annotated[str | None, Query(pattern=_EMPTY_OR(f"{_CODE}(-|->){_CODE}"), description="CHN-SUN (either direction) or SUN->CHN.")] = None,
    category: Annotated[str | None, Query(pattern=_EMPTY_OR(r"[A-Za-z_]{1,32}(,[A-Za-z_]{1,32}){0,30}"), description="PLOVER categories, comma-separated.")] = None,
    date_from: Annotated[str | None, Query(pattern=_EMPTY_OR(DATE_PATTERN.strip("^$")), description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(pattern=_EMPTY_OR(DATE_PATTERN.strip("^$")), description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    source: Annotated[str | None, Query(max_length=100, description="Author of a cited source, e.g. Nogee.")] = None,
    document: Annotated[str | None, Query(pattern=_EMPTY_OR(r"[0-9a-f]{1,64}"), description="Document id.")] = None,
) -> Filters:
    """The filters of a request (422 when one is malformed)."""
    try:
        return Filters(actor=actor or None, dyad=dyad or None, category=category or None, date_from=date_from or None,
                       date_to=date_to or None, source=(source or "").strip() or None, document=document or None)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("query", *err.get("loc", ()))} for err in exc.errors(include_url=False, include_context=False)]
        ) from None


FiltersDep = Annotated[Filters, "filters"]


def state(request: Request):
    """The app's state: ``config``, ``corpus``, ``jobs``, ``templates``."""
    return request.app.state

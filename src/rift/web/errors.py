"""The one JSON error shape of the web app, and the handlers that produce it.

Every error, whatever raised it, is answered as::

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from rift.errors import BusyError, InputError, ModelError, RiftError, StorageError

log = logging.getLogger("rift.web")

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal_error", 503: "unavailable",
}


class ErrorBody(BaseModel):
    """What went wrong."""

    status: int = Field(description="The HTTP status code, repeated.")
    code: str = Field(description="A stable machine-readable code: not_found, invalid_request, payload_too_large ...")
    message: str = Field(description="A sentence a person can act on.")
    details: list[dict] = Field(default_factory=list, description="Per-field problems of an invalid request.")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


def error_response(status: int, message: str, *, code: str | None = None, details: list[dict] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response in the app's one error shape."""
    body = ErrorResponse(error=ErrorBody(status=status, code=code or CODES.get(status, "error"), message=message,
                                         details=details or []))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


class TooLarge(StarletteHTTPException):
    """The request body is over the configured limit."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request is larger than the limit of {limit} bytes; send a smaller text")


_MESSAGES = {
    401: "a valid token is required: send 'Authorization: Bearer <token>' or open the app with ?token=<token>",
    404: "not found",
    405: "method not allowed",
}


def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 400 and detail == "There was an error parsing the body":
        # FastAPI's answer to a body it cannot decode: malformed like any other, so 422
        return error_response(422, "invalid request body: it cannot be decoded as the declared content type")
    if exc.status_code == 404 and detail in (None, "Not Found"):
        detail = f"nothing at {request.url.path}"
    message = detail if detail and detail not in ("Not Found", "Method Not Allowed") else _MESSAGES.get(exc.status_code, "error")
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [
        {"loc": [str(x) for x in err.get("loc", ())], "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"][1:] or first["loc"]) or "request"
    return error_response(422, f"invalid {where}: {first['msg']}", details=details)


def _rift_error(_request: Request, exc: RiftError) -> JSONResponse:
    if isinstance(exc, InputError):
        return error_response(422, exc.message, code="invalid_input")
    if isinstance(exc, (StorageError, ModelError, BusyError)):
        return error_response(503, exc.message)
    return error_response(400, exc.message)


def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("rift web: internal error", exc_info=exc)
    return error_response(500, "internal error: the server could not complete the request")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` answer in the one JSON shape."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(RiftError, _rift_error)
    app.add_exception_handler(Exception, _internal_error)

"""The app's gate: host check, token, request size limit and security headers, as one ASGI
middleware so that every response, errors included, passes through it."""

from __future__ import annotations

import hmac
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from rift.web.config import ServeConfig
from rift.web.errors import TooLarge, error_response

TOKEN_COOKIE = "rift_token"
# the app's own pages: scripts and styles from itself only
APP_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
}


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


class Gate:
    """Checks every HTTP request before the app sees it and decorates every response."""

    def __init__(self, app, config: ServeConfig):
        self.app = app
        self.config = config

    def _token_ok(self, headers: dict[str, str], query: dict[str, list[str]]) -> tuple[bool, bool]:
        """(authorised, came from the query string)."""
        token = self.config.token
        if not token:
            return True, False
        offered = []
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            offered.append(auth[7:].strip())
        if "x-rift-token" in headers:
            offered.append(headers["x-rift-token"])
        if "cookie" in headers:
            cookie = SimpleCookie()
            try:
                cookie.load(headers["cookie"])
            except Exception:  # a malformed cookie header is no token
                pass
            if TOKEN_COOKIE in cookie:
                offered.append(cookie[TOKEN_COOKIE].value)
        if any(hmac.compare_digest(o.encode(), token.encode()) for o in offered):
            return True, False
        if any(hmac.compare_digest(q.encode(), token.encode()) for q in query.get("token", [])):
            return True, True
        return False, False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = _headers(scope)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))

        async def reply(response):
            await response(scope, receive, send_with_headers)

        set_cookie = False

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS.items() if k not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", APP_CSP.encode()))
                if set_cookie:
                    extra.append((b"set-cookie", f"{TOKEN_COOKIE}={self.config.token}; HttpOnly; SameSite=Strict; Path=/".encode()))
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        if self.config.allowed_hosts:
            host = headers.get("host", "").rsplit(":", 1)[0] if not headers.get("host", "").startswith("[") else headers["host"].split("]")[0] + "]"
            if host not in self.config.allowed_hosts:
                return await reply(error_response(400, f"unexpected Host header '{host[:80]}'", code="bad_host"))
        ok, from_query = self._token_ok(headers, query)
        if not ok:
            return await reply(error_response(401, "a valid token is required: send 'Authorization: Bearer <token>' or open the app with ?token=<token>",
                                              headers={"WWW-Authenticate": "Bearer"}))
        set_cookie = from_query
        method = scope.get("method", "GET")
        if method in ("POST", "PUT", "PATCH"):
            origin = headers.get("origin")
            same_site = headers.get("sec-fetch-site") in (None, "same-origin", "none")
            if (origin and origin.split("://", 1)[-1] != headers.get("host", "")) or not same_site:
                return await reply(error_response(403, "cross-site requests are refused", code="cross_site"))
            limit = self.config.max_upload_bytes
            try:
                length = int(headers.get("content-length", "0") or 0)
            except ValueError:
                return await reply(error_response(400, "invalid Content-Length header"))
            if length > limit:
                return await reply(error_response(413, f"the request is larger than the limit of {limit} bytes; send a smaller text"))
            received = 0

            async def limited_receive():
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise TooLarge(limit)
                return message

            return await self.app(scope, limited_receive, send_with_headers)
        return await self.app(scope, receive, send_with_headers)

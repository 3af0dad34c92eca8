"""One error shape for the whole API, and the handlers that give every failure that shape.

    {"error": {"status": 422, "code": "bad_parameter", "message": "...", "parameter": "since"}}

Pages (paths outside ``/api/``) get the same facts as an HTML page instead.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import StoreError

log = logging.getLogger("tidings.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 422: "bad_parameter", 500: "internal"}


class ApiError(Exception):
    """An error a route raises on purpose; ``parameter`` names the query parameter at fault."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 parameter: str | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.parameter = parameter
        self.headers = headers


def bad_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(422, message, code="bad_parameter", parameter=parameter)


def not_found(what: str) -> ApiError:
    return ApiError(404, f"no {what}", code="not_found")


def error_body(err: ApiError) -> dict[str, Any]:
    body: dict[str, Any] = {"status": err.status, "code": err.code, "message": err.message}
    if err.parameter:
        body["parameter"] = err.parameter
    return {"error": body}


def _is_page(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/api" or path.endswith(".json"))


def _respond(request: Request, err: ApiError) -> Response:
    if _is_page(request):
        render = getattr(request.app.state, "render_error", None)
        if render is not None:
            page: Response = render(request, err)
            return page
    return JSONResponse(error_body(err), status_code=err.status, headers=err.headers)


def _from_validation(exc: RequestValidationError) -> ApiError:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(x) for x in first.get("loc", ())]
    where = loc[0] if loc else ""
    name = ".".join(loc[1:]) or where
    msg = str(first.get("msg", "invalid value"))
    if where == "body":
        return ApiError(422, f"bad request body at {name or 'body'}: {msg}", code="bad_body", parameter=name or None)
    given = first.get("input")
    shown = f" (got {given!r})" if isinstance(given, (str, int, float)) else ""
    return bad_parameter(name, f"{name}: {msg}{shown}")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, _from_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: f"no such address: {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return _respond(request, ApiError(exc.status_code, message, headers=getattr(exc, "headers", None)))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _respond(request, ApiError(503, f"the store cannot be read: {exc}", code="store_unavailable"))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, ApiError(500, "internal error; the server log has the details", code="internal"))

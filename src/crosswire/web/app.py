"""The FastAPI app: the REST API under /api, the web UI's pages, and their static files.

Every error, whatever raised it, answers with one JSON shape, `{"error": {"status", "code", "message"}}`
(pages too answer errors that way; the UI links only to records that exist). Every response carries a
strict Content-Security-Policy: scripts, styles, images and data only from this server, nothing inline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import CrosswireError
from ..store import BadQuery, NotFound, ReadStore
from .api import router as api_router
from .derived import Derived
from .event_pages import router as event_page_router
from .pages import router as page_router

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter"}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The one error shape, with the security headers set here too: a 500 is answered by Starlette's
    outermost middleware, outside the one that adds them to every other response."""
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status,
                        headers=SECURITY_HEADERS)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, HTTP_CODES.get(exc.status_code, "http_error"), str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    parts = [f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
    return error_response(422, "invalid_parameter", "; ".join(parts))


async def _crosswire_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CrosswireError)
    status = 404 if isinstance(exc, NotFound) else 400 if isinstance(exc, BadQuery) else 500
    return error_response(status, exc.code, exc.message)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, "internal", f"internal error ({type(exc).__name__}); see the server log")


def create_app(db: str | Path) -> FastAPI:
    """The app over the store at `db`, opened read-only."""
    store = ReadStore(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()  # a PostgreSQL store holds a connection until the server stops

    app = FastAPI(title="crosswire", version=__version__, openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description="Read-only API over a crosswire store.", lifespan=lifespan)
    app.state.store = store
    app.state.derived = Derived(app.state.store)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(CrosswireError, _crosswire_error)
    app.add_exception_handler(Exception, _unexpected)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202 - starlette's signature
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.include_router(api_router)
    app.include_router(page_router)
    app.include_router(event_page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and the web UI until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")

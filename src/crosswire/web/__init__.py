"""The analyst's view over a store: a read-only REST API (`/api`, OpenAPI at `/api/openapi.json`) and a web
UI (stories, events, entities, places, reports, search, a map) served by one FastAPI app.

`app.py` builds the app and its error shape and security headers; `api.py` holds the API routes,
`pages.py` the UI's pages (built with `html.py`; stored rows shaped by `present.records`); `static/` holds the
UI's script and style and the vendored map library and basemap (with their licences).
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]

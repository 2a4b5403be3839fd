"""The FastAPI dashboard: HTML pages that draw from the JSON API under /api/, read-only over one data pack."""

from __future__ import annotations

import functools
import logging
import threading
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import MultipolarError, UsageError
from ..report.data import MAX_COUNTRIES, MAX_ROWS, MAX_TEXT, REGIONS, Service

log = logging.getLogger("multipolar.web")

# Pages in the navigation bar: (path, title).
PAGES = (("/", "Overview"), ("/explorer", "Indicator explorer"), ("/crossover", "Crossover table"),
         ("/claims", "Claim checker"))
# Years as the API accepts them: one year or FIRST-LAST.
YEARS_PATTERN = r"^\s*\d{4}\s*(-\s*\d{4}\s*)?$"
# Longest comma-separated list accepted in a query parameter (characters).
MAX_PARAM = 200

_PACKAGE = resources.files("multipolar.web")


class CheckRequest(BaseModel):
    """Text to check and the date it was published (for 'last year', 'now')."""

    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="The sentences to check (plain text).")
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD.")


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def _error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": message, **extra})


@functools.cache
def _plotly_js() -> bytes:
    from ..report.charts import plotly_js

    return plotly_js().encode("utf-8")


def create_app(pack: str | Path | None = None, *, warm: bool = False) -> FastAPI:
    """The dashboard app over `pack` (default: $MULTIPOLAR_PACK_DIR or the shipped pack). warm: compute the
    crossover table in the background at start-up."""
    service = Service(pack)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if warm:
            threading.Thread(target=_warm, args=(service,), name="multipolar-warm", daemon=True).start()
        yield

    # The stock /docs and /redoc pages load Swagger UI / ReDoc from a CDN; ours renders the same OpenAPI schema
    # offline (the machine-readable schema stays at /openapi.json).
    app = FastAPI(title="multipolar", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="China's and Russia's influence over the SCO and Central Asian states, by dimension, "
                              "year and source. Read-only JSON API over the data pack; every row carries its source.")
    app.state.service = service
    templates = Jinja2Templates(directory=str(_PACKAGE / "templates"))

    @app.exception_handler(MultipolarError)
    async def _library_error(_request: Request, exc: MultipolarError):
        # Invalid choices, years, texts: the library's message already lists the valid values.
        from ..indicators import MissingTableError

        status = 404 if isinstance(exc, MissingTableError) else 422
        return _error(status, exc.one_line())

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError):
        errors = exc.errors()
        parts = []
        for err in errors[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error(422, "invalid request — " + "; ".join(parts),
                      errors=[{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in errors[:20]])

    # -- API ------------------------------------------------------------------------------------------------------
    @app.get("/api/indicators", tags=["indicators"], summary="Every indicator with its metadata and source labels")
    def list_indicators():
        return _json(service.indicators())

    @app.get("/api/indicators/{name}", tags=["indicators"], summary="Rows of one indicator",
             responses={404: {"description": "no such indicator"}, 422: {"description": "invalid parameter"}})
    async def indicator(
        name: str,
        country: str = Query(..., max_length=MAX_PARAM, description=f"ISO3 code(s), comma-separated, at most "
                                                                     f"{MAX_COUNTRIES}: KAZ or KAZ,UZB"),
        partner: str | None = Query(None, max_length=MAX_PARAM, description="Partner ISO3 code(s): CHN,RUS"),
        years: str | None = Query(None, pattern=YEARS_PATTERN, description="2019 or 2000-2023"),
        source: str | None = Query(None, max_length=MAX_PARAM, description="Source label(s), see /api/indicators"),
        flow: str | None = Query(None, max_length=40, description="export | import | turnover"),
        limit: int = Query(MAX_ROWS, ge=1, le=MAX_ROWS, description="Most rows returned"),
        offset: int = Query(0, ge=0, le=10_000_000, description="Rows skipped (paging)"),
        param: list[str] = Query([], description="Indicator parameter as name=value (repeatable)"),
    ):
        from ..indicators import INDICATORS

        if name not in INDICATORS:
            return _error(404, f"no indicator {name!r}; valid: {', '.join(sorted(INDICATORS))}")
        if len(param) > 10 or any(len(p) > MAX_PARAM for p in param):
            raise UsageError(f"at most 10 param values of at most {MAX_PARAM} characters each")
        params = {}
        for item in param:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise UsageError(f"invalid param {item!r}: use name=value")
            params[key.strip()] = value.strip()
        key, build = service.indicator_request(name, country=country, partner=partner, years=years, source=source,
                                               flow=flow, limit=limit, offset=offset, params=params)
        # A cached answer is served on the event loop; a computation runs in the thread pool, off the loop.
        body = service.peek(key)
        if body is None:
            body = await run_in_threadpool(service.cached, key, build)
        return _json(body)

    @app.get("/api/crossover", tags=["crossover"], summary="When China's measure first exceeded Russia's")
    def crossover(
        countries: str | None = Query(None, max_length=MAX_PARAM, description="ISO3 code(s), comma-separated"),
        region: str | None = Query(None, description=" | ".join(REGIONS)),
        dimensions: str | None = Query(None, max_length=MAX_PARAM, description="trade,security,diplomacy,…"),
    ):
        return _json(service.crossover(countries=countries, region=region, dimensions=dimensions))

    @app.get("/api/countries", tags=["countries"], summary="The pack's countries and their roles today")
    def countries():
        return _json(service.countries())

    @app.get("/api/countries/{iso3}", tags=["countries"], summary="One state: memberships and crossover rows",
             responses={404: {"description": "not a pack country"}})
    def country(iso3: str):
        if iso3.upper() not in service.pack_countries():
            return _error(404, f"no pack country {iso3!r}; valid: {', '.join(service.pack_countries())}")
        return _json(service.country(iso3))

    @app.get("/api/memberships", tags=["memberships"], summary="Membership timelines, or members at a date")
    def memberships(
        organization: str | None = Query(None, max_length=MAX_PARAM, description="SCO, EAEU, CSTO, CIS, BRICS…"),
        on: str | None = Query(None, pattern=r"^\d{4}(-\d{2}-\d{2})?$", description="A date (YYYY-MM-DD) or year"),
    ):
        return _json(service.memberships(organization=organization, on=on))

    @app.post("/api/check", tags=["claims"], summary="Check the claims in a text against the data")
    def check(request: CheckRequest = Body(...)):
        from ..dates import parse_as_of

        day = parse_as_of(request.date) if request.date else None  # out of range: UsageError → 422, never a 500
        return _json(service.check(request.text, day))

    @app.get("/api/pack", tags=["provenance"], summary="The pack's tables, coverage and sources")
    def pack_info():
        from ..report.data import provenance

        tables, sources = provenance(service.manifest())
        for s in sources:
            s.pop("files", None)
            s.pop("steps", None)
        return {"tables": tables, "sources": sources}

    # -- pages ----------------------------------------------------------------------------------------------------
    def page(request: Request, name: str, title: str, **context):
        return templates.TemplateResponse(request, name, {"title": title, "pages": PAGES, "version": __version__,
                                                          "path": request.url.path, **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        return page(request, "index.html", "Overview")

    @app.get("/country/{iso3}", response_class=HTMLResponse, include_in_schema=False)
    def country_page(request: Request, iso3: str):
        code = iso3.upper()
        if code not in service.pack_countries():
            return HTMLResponse(f"<h1>No such country</h1><p>{code[:10]!s} is not a pack country.</p>"
                                f'<p><a href="/">Back</a></p>', status_code=404)
        from ..report.data import country_name

        return page(request, "country.html", country_name(code), iso3=code)

    @app.get("/explorer", response_class=HTMLResponse, include_in_schema=False)
    def explorer(request: Request):
        return page(request, "explorer.html", "Indicator explorer")

    @app.get("/crossover", response_class=HTMLResponse, include_in_schema=False)
    def crossover_page(request: Request):
        return page(request, "crossover.html", "Crossover table")

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request):
        return page(request, "claims.html", "Claim checker", max_text=MAX_TEXT)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "docs.html", "API", endpoints=_endpoints(app.openapi()))

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_bundle():
        return Response(_plotly_js(), media_type="application/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(_PACKAGE / "static")), name="static")
    return app


def _endpoints(schema: dict) -> list[dict]:
    """The OpenAPI schema's operations, flattened for the docs page: method, path, summary, parameters, body."""
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                kind = p.get("schema", {})
                kind = kind.get("type") or " | ".join(a.get("type", "") for a in kind.get("anyOf", []) if a.get("type"))
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": kind, "description": p.get("description", ""),
                               "limits": ", ".join(f"{k} {v}" for k, v in p.get("schema", {}).items()
                                                   if k in ("minimum", "maximum", "maxLength", "pattern"))})
            body = None
            if "requestBody" in op:
                ref = op["requestBody"]["content"]["application/json"]["schema"].get("$ref", "")
                model = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
                body = [{"name": k, "type": v.get("type") or "string | null",
                         "description": v.get("description", ""), "required": k in model.get("required", [])}
                        for k, v in model.get("properties", {}).items()]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "tags": op.get("tags", []), "params": params, "body": body,
                        "responses": {k: v.get("description", "") for k, v in op.get("responses", {}).items()}})
    return out


def _warm(service: Service) -> None:
    try:
        service.warm()
    except MultipolarError as exc:  # a pack without some table: pages will say so when asked
        log.warning("warm-up skipped: %s", exc.one_line())

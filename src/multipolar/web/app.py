"""The FastAPI dashboard: HTML pages that draw from the JSON API under /api/, read-only over one data pack.

Route handlers only parse parameters; `service.Service` reads, caches and serialises. The API's names are the CLI's
and the Python facade's (`country`, `partner`, `years`, `source`, `flow`, `region`, `dimension`, `format`);
countries by name or ISO3 code. Every error is one JSON shape, `Problem` ({"detail": text, "errors"?: [...]}),
declared in the OpenAPI schema; an unknown query parameter is a 422 naming the valid ones.
"""

from __future__ import annotations

import difflib
import functools
import logging
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Body, Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import MultipolarError, UsageError
from .service import FORMATS, MAX_COUNTRIES, MAX_ROWS, MAX_TEXT, REGIONS, Answer, Service

log = logging.getLogger("multipolar.web")


@dataclass(frozen=True)
class Page:
    """A dashboard page: its path, navigation title and template (whose `page` block names its script in
    static/app.js). A new page is one entry here, one template and one `pages.<name>` function."""

    path: str
    title: str
    template: str
    nav: bool = True


# The pages with a fixed path, in navigation order (the country pages, /country/{country}, come from the overview).
PAGES = (Page("/", "Overview", "index.html"), Page("/explorer", "Indicator explorer", "explorer.html"),
         Page("/crossover", "Crossover table", "crossover.html"),
         Page("/rerouting", "Sanctions re-routing", "rerouting.html"), Page("/claims", "Claim checker", "claims.html"),
         Page("/docs", "API", "docs.html"))
# Years as the API accepts them: one year or FIRST-LAST.
YEARS_PATTERN = r"^\s*\d{4}\s*(-\s*\d{4}\s*)?$"
# Longest comma-separated list accepted in a query parameter (characters).
MAX_PARAM = 200
# Largest request body read (bytes): a text of MAX_TEXT characters as JSON, each escaped (\uXXXX), plus room for
# the date. A larger body is refused (413) before it is read, so one request cannot make the server hold megabytes.
MAX_BODY = 6 * MAX_TEXT + 1024
# Where tables come as JSON or CSV: the 200 response's media types (for the OpenAPI schema).
TABLE_CONTENT = {"application/json": {}, "text/csv": {"schema": {"type": "string"}}}

_PACKAGE = resources.files("multipolar.web")

Format = Literal["json", "csv"]


class Problem(BaseModel):
    """Every error the API answers: what is wrong (naming the valid choices), and, for malformed requests, where."""

    detail: str = Field(..., description="What is wrong with the request, with the valid choices.")
    errors: list[dict] | None = Field(None, description="Malformed requests: each problem's location and message.")


class CheckRequest(BaseModel):
    """Text to check and the date it was published (for 'last year', 'now')."""

    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="The sentences to check (plain text).")
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD.")


# Error responses every API operation declares (the bodies are Problem).
ERRORS = {404: {"model": Problem, "description": "no such resource"},
          422: {"model": Problem, "description": "invalid or unknown parameter"}}


def _answer(body: Answer, name: str = "multipolar") -> Response:
    headers = {}
    if body.media_type.startswith("text/csv"):
        headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return Response(content=bytes(body), media_type=body.media_type, headers=headers)


def _problem(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": message, **extra})


class AnswerCache:
    """ASGI middleware: a GET of an API table the Service keeps (one indicator's rows, the crossover table, the
    who-leads grid) asked again with the very same URL is answered with the bytes and headers of its first 200
    answer, without FastAPI's routing and parameter validation (~2/3 of a cached answer's CPU). The pack is
    read-only, so an answer never goes stale; other paths, errors and other methods go through the app as before.
    At most `limit` bytes of answers are kept (the oldest go first)."""

    PATHS = ("/api/indicators/", "/api/crossover", "/api/leads")

    def __init__(self, app, limit: int = 16 * 1024 * 1024, largest: int = 2 * 1024 * 1024):
        from collections import OrderedDict

        self.app = app
        self.limit, self.largest = limit, largest
        self.answers: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self.size = 0

    def _kept(self, path: str) -> bool:
        return path.startswith(self.PATHS[0]) and path.count("/") == 3 or path in self.PATHS[1:]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not self._kept(scope["path"]):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        found = self.answers.get(key)
        if found is not None and not _has_body(scope):
            self.answers.move_to_end(key)
            headers, body = found
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start, chunks, whole = {}, [], True

        async def keep(message):
            nonlocal whole
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200 and whole:
                    self._keep(key, list(start.get("headers", [])), b"".join(chunks))
                elif message.get("more_body", False) and sum(map(len, chunks)) > self.largest:
                    whole = False
            await send(message)

        await self.app(scope, receive, keep)

    def _keep(self, key: tuple, headers: list, body: bytes) -> None:
        if len(body) > self.largest or key in self.answers:
            return
        self.answers[key] = (headers, body)
        self.size += len(body)
        while self.size > self.limit and len(self.answers) > 1:
            _, (_, old) = self.answers.popitem(last=False)
            self.size -= len(old)


def _has_body(scope) -> bool:
    """Whether a request says it carries a body (a GET with one goes through the app: BodyLimit judges it)."""
    headers = dict(scope.get("headers") or [])
    return headers.get(b"content-length", b"0") not in (b"0", b"") or b"transfer-encoding" in headers


class BodyLimit:
    """ASGI middleware: a request body over MAX_BODY bytes is answered 413 with a Problem, whether it says its length
    (Content-Length) or not (chunked: counted while it arrives, and stopped there)."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    def message(self, size: str) -> str:
        return (f"request body is {size} bytes; the API reads at most {self.limit:,} (the claim checker takes at most "
                f"{MAX_TEXT:,} characters of text here: check a long article with `multipolar check FILE`)")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await _problem(413, self.message(f"{int(length):,}"))(scope, receive, send)
        seen = 0

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:  # (FastAPI lets an HTTPException through: a 413 Problem, body unread)
                    raise StarletteHTTPException(413, self.message(f"more than {self.limit:,}"))
            return message

        await self.app(scope, counted_receive, send)


class Unknown(Exception):
    """A request for something that does not exist (an indicator, a country): a 404 with the valid choices."""

    def __init__(self, message: str):
        self.message = message


def reject_unknown_query(request: Request) -> None:
    """Dependency of every API route: a query parameter the route does not take is a 422 naming the valid ones
    (never silently ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    valid = list(dict.fromkeys(_query_names(dependant)))
    unknown = [k for k in dict.fromkeys(request.query_params.keys()) if k not in valid]
    if unknown:
        hints = [f"{k!r} (did you mean {close[0]!r}?)" if (close := difflib.get_close_matches(k, valid, n=1))
                 else repr(k) for k in unknown]
        raise UsageError(f"unknown query parameter{'s' if len(unknown) > 1 else ''} {', '.join(hints)}; valid: "
                         + (", ".join(valid) if valid else "none"))


def _query_names(dependant) -> list[str]:
    """The query parameters a route takes, its dependencies' included."""
    names = [p.alias for p in dependant.query_params]
    for sub in dependant.dependencies:
        names += _query_names(sub)
    return names


def _flags_json() -> str:
    """Which quality flags (indicators.quality's vocabulary) the pages' charts draw as a hollow marker and which as
    a diamond, as the report draws them (report.selection), in one JSON object. Readable flag texts come with the
    API's answers."""
    import json

    from ..report.selection import HOLLOW_FLAGS, SWITCH_FLAG

    return json.dumps({"hollow": list(HOLLOW_FLAGS), "switch": SWITCH_FLAG})


# Served with every page (base.html) as window.MP_FLAGS.
FLAGS_JSON = _flags_json()


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
                              "year and source. Read-only JSON API over the data pack; every row carries its source. "
                              "Countries by name or ISO3 code; tables as JSON or, with format=csv, CSV; every error "
                              "is a Problem ({detail}) naming the valid choices.")
    app.state.service = service
    app.add_middleware(BodyLimit)
    app.add_middleware(AnswerCache)
    templates = Jinja2Templates(directory=str(_PACKAGE / "templates"))

    def page(request: Request, template: str, title: str, status: int = 200, **context):
        nav = [(p.path, p.title) for p in PAGES if p.nav]
        return templates.TemplateResponse(request, template, {"title": title, "pages": nav, "version": __version__,
                                                              "path": request.url.path, "flags_json": FLAGS_JSON,
                                                              **context},
                                          status_code=status)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi.json", "/assets/", "/static/"))

    def error_page(request: Request, status: int, message: str):
        heading = {404: "Not found", 422: "Cannot show this"}.get(status, "Something went wrong")
        return page(request, "error.html", heading, status=status, status_code=status, message=message)

    @app.exception_handler(MultipolarError)
    async def _library_error(request: Request, exc: MultipolarError):
        # Invalid choices, years, texts: the library's message already lists the valid values.
        from ..indicators import MissingTableError

        status = 404 if isinstance(exc, MissingTableError) else 422
        if wants_html(request):
            return error_page(request, status, exc.one_line())
        return _problem(status, exc.one_line())

    @app.exception_handler(Unknown)
    async def _unknown(request: Request, exc: Unknown):
        if wants_html(request):
            return error_page(request, 404, exc.message)
        return _problem(404, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        parts = []
        for err in errors[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        message = "invalid request — " + "; ".join(parts)
        if wants_html(request):
            return error_page(request, 422, message)
        return _problem(422, message, errors=[{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg"))}
                                              for e in errors[:20]])

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400:  # a body that is not even text (FastAPI's 400): a malformed request like others
            return _problem(422, f"invalid request — body: {exc.detail} (send UTF-8 JSON)")
        message = str(exc.detail) if exc.status_code != 404 else f"nothing at {request.url.path}"
        if wants_html(request) and exc.status_code in (404, 405):
            return error_page(request, exc.status_code, message)
        return _problem(exc.status_code, message)

    api = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_query)], responses=ERRORS)

    def known_indicator(name: str = PathParam(..., description="Indicator name, see /api/indicators")) -> str:
        from ..indicators import INDICATORS

        if name not in INDICATORS:
            raise Unknown(f"no indicator {name!r}; valid: {', '.join(sorted(INDICATORS))}")
        return name

    # -- API ------------------------------------------------------------------------------------------------------
    @api.get("/indicators", tags=["indicators"], summary="Every indicator with its metadata and source labels",
             responses={200: {"content": TABLE_CONTENT}})
    def list_indicators(
        dimension: str | None = Query(None, max_length=MAX_PARAM, description="trade, security, diplomacy, …"),
        format: Format = Query("json", description="json | csv"),
    ):
        return _answer(service.indicators(dimension=dimension, fmt=format), "indicators")

    @api.get("/indicators/{name}", tags=["indicators"], summary="Rows of one indicator",
             responses={200: {"content": TABLE_CONTENT}})
    async def indicator(
        name: str = Depends(known_indicator),
        country: str = Query(..., min_length=1, max_length=MAX_PARAM,
                             description=f"State(s), names or ISO3 codes, comma-separated, at most {MAX_COUNTRIES}: "
                                         "Kazakhstan or KAZ,UZB"),
        partner: str | None = Query(None, max_length=MAX_PARAM, description="Partner(s), names or ISO3: CHN,RUS"),
        years: str | None = Query(None, pattern=YEARS_PATTERN, description="2019 or 2000-2023"),
        source: str | None = Query(None, max_length=MAX_PARAM, description="Source label(s), see /api/indicators"),
        flow: str | None = Query(None, max_length=40, description="export | import | turnover"),
        limit: int = Query(MAX_ROWS, ge=1, le=MAX_ROWS, description="Most rows returned"),
        offset: int = Query(0, ge=0, le=10_000_000, description="Rows skipped (paging)"),
        param: list[str] = Query([], description="Indicator parameter as name=value (repeatable)"),
        format: Format = Query("json", description="json | csv (the rows of this page)"),
    ):
        if len(param) > 10 or any(len(p) > MAX_PARAM for p in param):
            raise UsageError(f"at most 10 param values of at most {MAX_PARAM} characters each")
        params = {}
        for item in param:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise UsageError(f"invalid param {item!r}: use name=value")
            params[key.strip()] = value.strip()
        key, build = service.indicator_request(name, country=country, partner=partner, years=years, source=source,
                                               flow=flow, limit=limit, offset=offset, params=params, fmt=format)
        # A cached answer is served on the event loop; a computation runs in the thread pool, off the loop.
        body = service.peek(key)
        if body is None:
            body = await run_in_threadpool(service.cached, key, build)
        return _answer(body, name)

    @api.get("/crossover", tags=["crossover"], summary="When China's measure first exceeded Russia's",
             responses={200: {"content": TABLE_CONTENT}})
    def crossover(
        country: str | None = Query(None, max_length=MAX_PARAM, description="State(s), names or ISO3 codes"),
        region: str | None = Query(None, max_length=MAX_PARAM, description=" | ".join(REGIONS)),
        dimension: str | None = Query(None, max_length=MAX_PARAM, description="trade,security,diplomacy,…"),
        format: Format = Query("json", description="json | csv"),
    ):
        return _answer(service.crossover(country=country, region=region, dimension=dimension, fmt=format),
                       "crossover")

    @api.get("/leads", tags=["crossover"], summary="Who leads each state on each dimension (the who-leads grid)",
             responses={200: {"content": TABLE_CONTENT}})
    def leads(
        country: str | None = Query(None, max_length=MAX_PARAM, description="State(s), names or ISO3 codes"),
        region: str | None = Query(None, max_length=MAX_PARAM, description=" | ".join(REGIONS) + " (default sco)"),
        format: Format = Query("json", description="json | csv"),
    ):
        return _answer(service.leads(country=country, region=region, fmt=format), "leads")

    @api.get("/rerouting", tags=["trade"], responses={200: {"content": TABLE_CONTENT}},
             summary="Sanctions re-routing: the EU's exports of sanctioned goods per partner, the leakage ratio, the "
                     "top products, both legs of the roundabout and (event_study=true) the event study, as "
                     "`multipolar rerouting` gives them, with the charts and sentences the report shows")
    def rerouting(
        partner: str | None = Query(None, max_length=MAX_PARAM,
                                    description="Partner(s) of the EU's exports, names or ISO3 codes: KGZ,Russia "
                                                "(default: every partner in the data)"),
        products: Literal["sanctioned", "chpl"] = Query("sanctioned", description="sanctioned | chpl"),
        year: int | None = Query(None, ge=1900, le=2100, description="year set against the one before (default: "
                                                                     "the latest)"),
        event_study: bool = Query(False, description="also fit the event study (one to two minutes the first "
                                                     "time, then cached)"),
        estimator: Literal["ppml", "ols"] = Query("ppml", description="event study: ppml | ols (log values)"),
        format: Format = Query("json", description="json | csv (every table, a `table` column first)"),
    ):
        return _answer(service.rerouting(partner=partner, products=products, year=year, event_study=event_study,
                                         estimator=estimator, fmt=format), "rerouting")

    @api.get("/findings", tags=["crossover"], summary="The key findings, each with its figure, year and source")
    def key_findings(region: Literal["sco", "central-asia"] = Query("sco", description=" | ".join(REGIONS))):
        return _answer(service.findings(region=region))

    @api.get("/countries", tags=["countries"], summary="The pack's countries and their roles today",
             responses={200: {"content": TABLE_CONTENT}})
    def countries(format: Format = Query("json", description="json | csv")):
        return _answer(service.countries(fmt=format), "countries")

    @api.get("/countries/{country}", tags=["countries"], summary="One state: memberships and crossover rows")
    def country(country: str = PathParam(..., max_length=MAX_PARAM, description="Name or ISO3 code")):
        try:
            return _answer(service.country(country))
        except UsageError as exc:
            raise Unknown(exc.message) from None

    @api.get("/memberships", tags=["memberships"], summary="Membership timelines, or members at a date",
             responses={200: {"content": TABLE_CONTENT}})
    def memberships(
        organization: str | None = Query(None, max_length=MAX_PARAM, description="SCO, EAEU, CSTO, CIS, BRICS…"),
        on: str | None = Query(None, pattern=r"^\d{4}(-\d{2}-\d{2})?$", description="A date (YYYY-MM-DD) or year"),
        format: Format = Query("json", description="json | csv"),
    ):
        return _answer(service.memberships(organization=organization, on=on, fmt=format), "memberships")

    @api.post("/check", tags=["claims"], summary="Check the claims in a text against the data",
              description="The answer is the one JSON shape of the CLI (`multipolar check --format json`), this API "
                          "and Python (`multipolar.check(...).to_dict()`): {date, claims, summary, …}, documented "
                          "in docs/claims.md. A text over the limit is a 422 (more characters than the checker "
                          "takes here) or a 413 (a body too large to read).",
              responses={413: {"model": Problem, "description": "request body too large"}})
    def check(request: CheckRequest = Body(...)):
        return _answer(service.check(request.text, request.date))

    @api.get("/pack", tags=["provenance"], summary="The pack's tables, coverage and sources",
             responses={200: {"content": TABLE_CONTENT}})
    def pack_info(format: Format = Query("json", description="json | csv (the tables)")):
        return _answer(service.pack_info(fmt=format), "pack")

    app.include_router(api)

    # -- pages ----------------------------------------------------------------------------------------------------
    def add_page(spec: Page):
        def show(request: Request):
            context = {"max_text": MAX_TEXT}
            if spec.template == "docs.html":
                context["endpoints"] = _endpoints(app.openapi())
            return page(request, spec.template, spec.title, **context)
        app.add_api_route(spec.path, show, response_class=HTMLResponse, include_in_schema=False,
                          name=f"page:{spec.template}")

    for spec in PAGES:
        add_page(spec)

    @app.get("/country/{country}", response_class=HTMLResponse, include_in_schema=False)
    def country_page(request: Request, country: str):
        from ..report.selection import country_name

        try:
            code = service.resolve(country)[0]
        except UsageError as exc:
            raise Unknown(exc.message) from None
        return page(request, "country.html", country_name(code), iso3=code, power=code in ("CHN", "RUS"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)  # no icon: browsers ask anyway

    @app.get("/assets/plotly.min.js", include_in_schema=False)
    def plotly_bundle():
        return Response(_plotly_js(), media_type="application/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(_PACKAGE / "static")), name="static")
    return app


@functools.cache
def _plotly_js() -> bytes:
    from ..report.charts import plotly_js

    return plotly_js().encode("utf-8")


def _endpoints(schema: dict) -> list[dict]:
    """The OpenAPI schema's operations, flattened for the docs page: method, path, summary, parameters, body."""
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                kind = p.get("schema", {})
                kind = kind.get("type") or " | ".join(a.get("type", "") for a in kind.get("anyOf", []) if a.get("type")) \
                    or " | ".join(map(str, kind.get("enum", [])))
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": kind, "description": p.get("description", ""),
                               "limits": ", ".join(f"{k} {v}" for k, v in p.get("schema", {}).items()
                                                   if k in ("minimum", "maximum", "maxLength", "pattern", "enum"))})
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


# What `multipolar serve --workers N` hands each worker process (uvicorn starts them from an import string).
SERVE_PACK_ENV, SERVE_WARM_ENV = "MULTIPOLAR_SERVE_PACK", "MULTIPOLAR_SERVE_WARM"


def app_from_env() -> FastAPI:
    """The app of one worker process of `multipolar serve --workers N`: the pack and warm-up its parent was given."""
    import os

    return create_app(os.environ.get(SERVE_PACK_ENV) or None, warm=os.environ.get(SERVE_WARM_ENV) == "1")


def _warm(service: Service) -> None:
    try:
        service.warm()
    except MultipolarError as exc:  # a pack without some table: pages will say so when asked
        log.warning("warm-up skipped: %s", exc.one_line())


__all__ = ["create_app", "app_from_env", "PAGES", "Page", "Problem", "FORMATS"]

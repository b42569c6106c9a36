"""Staff downloads of a district's figures, for signed-in readers of the district.

- ``/unduh/ringkasan/<kode>.pdf|png?periode=&lang=``: the one-page brief;
- ``/unduh/peta/<kode>.png?periode=&indikator=&kecamatan=&skema=&kelas=&lang=``: the main page's map of that
  choice drawn on the server (:mod:`dashboard.views.map_page.print_view`), which the page prints in place of its
  live map.

The reader's role must grant :attr:`~dashboard.auth.roles.Permission.VIEW` and the district must be one of its
areas (the demo: anyone signed in), checked here on the server with the actor of the session: 401 signed out,
403 another area, 404 an unknown district or a period without data, 400 a malformed period or choice. Both hold
unpublished figures (the brief also the latest lokus draft), so neither is ever stored by a cache
(``private, no-store``): not a shared proxy's, and not the browser's disk cache of an office computer that
several people use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlencode

from dash import Dash
from flask import Response, request

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Forbidden, Permission, can
from dashboard.core.periods import PeriodError, parse_period
from dashboard.i18n import LANGUAGES, t
from dashboard.services import Services

__all__ = ["MAP_ROUTE", "ROUTE", "brief_path", "map_image_path", "register"]

log = logging.getLogger(__name__)

ROUTE = "/unduh/ringkasan/<kode>.<fmt>"
MAP_ROUTE = "/unduh/peta/<kode>.png"
MAP_DPI = 150  # sharp on paper at the size the print stylesheet gives the picture (about 25 × 12 cm)


def brief_path(district_code: str, kind: str = "pdf", period: str | None = None, lang: str | None = None) -> str:
    """The download's path for a page's link (``kind`` pdf or png), in ``lang`` when it is not Indonesian.

    >>> brief_path("99.01", "png", "2025-08", "en")
    '/unduh/ringkasan/99.01.png?periode=2025-08&lang=en'
    """
    query = [f"periode={period}"] if period else []
    if lang and lang != "id":
        query.append(f"lang={lang}")
    return f"/unduh/ringkasan/{district_code}.{kind}" + ("?" + "&".join(query) if query else "")


def map_image_path(
    district_code: str, period: str, measure: str, kecamatan: str, scheme: str, k: int, lang: str
) -> str:
    """The path of the server-drawn map of a main-page choice (``kecamatan`` empty for the whole district).

    >>> map_image_path("99.01", "2025-08", "stunting", "", "quantiles", 5, "id")
    '/unduh/peta/99.01.png?periode=2025-08&indikator=stunting&skema=quantiles&kelas=5&lang=id'
    """
    query = {"periode": period, "indikator": measure, "kecamatan": kecamatan, "skema": scheme, "kelas": k, "lang": lang}
    return f"/unduh/peta/{district_code}.png?" + urlencode({key: value for key, value in query.items() if value != ""})


def _answer(services: Services, kode: str, make: Callable[[Actor, str, str | None], Response]) -> Response:
    """``make(actor, lang, period)``'s response for a signed-in reader of ``kode``'s figures, made as that actor;
    else the refusal: 401 signed out, 403 without the role or the area, 400 a malformed period, and the status of a
    :class:`~dashboard.brief.content.BriefError` ``make`` raises (404, or 400 for a malformed choice)."""
    from dashboard.auth.web import current_actor_of_request
    from dashboard.brief.content import BriefError

    actor = current_actor_of_request()
    if actor.is_anonymous:
        return Response("sign in first", status=401)
    if not can(actor, Permission.VIEW):
        return Response("not allowed", status=403)
    chosen = request.args.get("lang") or services.settings.language
    lang = chosen if chosen in set(LANGUAGES) else "id"
    try:
        period = parse_period(request.args["periode"]) if request.args.get("periode") else None
    except PeriodError as error:
        return Response(str(error), status=400, mimetype="text/plain")
    with acting_as(actor):
        try:
            services.require_readable(kode)
            return make(actor, lang, period)
        except Forbidden as error:
            return Response("not allowed", status=error.status)
        except BriefError as error:
            return Response(t(error.key, lang, **error.params), status=error.status, mimetype="text/plain")


def _file(body: bytes, mimetype: str, disposition: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = disposition
    response.headers["Cache-Control"] = "private, no-store"
    return response


def register(app: Dash, services: Services) -> None:
    from dashboard.brief.content import brief_content
    from dashboard.brief.page import brief_pdf
    from dashboard.brief.pdf import page_png
    from dashboard.figures.static_map import render
    from dashboard.views.map_page.choropleth import district_of
    from dashboard.views.map_page.print_view import print_choice, print_map_spec

    def serve(kode: str, fmt: str) -> Response:
        if fmt not in ("pdf", "png"):
            return Response("unknown format", status=404)

        def brief(actor: Actor, lang: str, period: str | None) -> Response:
            content = brief_content(services, kode, period, lang)
            pdf = brief_pdf(content).pdf
            body = pdf if fmt == "pdf" else page_png(pdf, dpi=150)
            name = t("brief.file", lang, district=kode.replace(".", ""), period=content.period)
            if content.demo_mark:
                name += "_data_contoh_fiktif"
            log.info("brief %s %s for account %s", kode, content.period, actor.id)  # never a name
            mimetype = "application/pdf" if fmt == "pdf" else "image/png"
            return _file(body, mimetype, f'attachment; filename="{name}.{fmt}"')

        return _answer(services, kode, brief)

    def serve_map(kode: str) -> Response:
        def picture(actor: Actor, lang: str, period: str | None) -> Response:
            choice = print_choice(services, kode, period, request.args)
            body = render(print_map_spec(services, choice, lang)).png(dpi=MAP_DPI)
            name = t("print.map.file", lang, district=kode.replace(".", ""), period=choice.period)
            if district_of(services, kode).is_demo:
                name += "_data_contoh_fiktif"
            log.info("print map %s %s %s for account %s", kode, choice.period, choice.measure, actor.id)
            return _file(body, "image/png", f'inline; filename="{name}.png"')

        return _answer(services, kode, picture)

    app.server.add_url_rule(ROUTE, "lokus_brief", serve)
    app.server.add_url_rule(MAP_ROUTE, "lokus_print_map", serve_map)

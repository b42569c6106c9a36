"""``/unduh/ringkasan/<kode>.pdf|png?periode=&lang=``: the one-page brief for signed-in readers of the district.

The reader's role must grant :attr:`~dashboard.auth.roles.Permission.VIEW` and the district must be one of its
areas (the demo: anyone signed in), checked here on the server with the actor of the session: 401 signed out,
403 another area, 404 an unknown district or a period without data, 400 a malformed period. The file holds
drafts (the latest lokus draft) and unpublished figures, so it is never cached by a shared cache.
"""

from __future__ import annotations

import logging

from dash import Dash
from flask import Response, request

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Forbidden, Permission, can
from dashboard.core.periods import PeriodError, parse_period
from dashboard.i18n import LANGUAGES, t
from dashboard.services import Services

__all__ = ["ROUTE", "brief_path", "register"]

log = logging.getLogger(__name__)

ROUTE = "/unduh/ringkasan/<kode>.<fmt>"


def brief_path(district_code: str, kind: str = "pdf", period: str | None = None) -> str:
    """The download's path for a page's link (``kind`` pdf or png)."""
    return f"/unduh/ringkasan/{district_code}.{kind}" + (f"?periode={period}" if period else "")


def register(app: Dash, services: Services) -> None:
    from dashboard.auth.web import current_actor_of_request
    from dashboard.brief.content import BriefError, brief_content
    from dashboard.brief.page import brief_pdf
    from dashboard.brief.pdf import page_png

    def serve(kode: str, fmt: str) -> Response:
        if fmt not in ("pdf", "png"):
            return Response("unknown format", status=404)
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
                content = brief_content(services, kode, period, lang)
            except Forbidden as error:
                return Response("not allowed", status=error.status)
            except BriefError as error:
                return Response(t(error.key, lang, **error.params), status=404, mimetype="text/plain")
            pdf = brief_pdf(content).pdf
        body = pdf if fmt == "pdf" else page_png(pdf, dpi=150)
        name = t("brief.file", lang, district=kode.replace(".", ""), period=content.period)
        if content.demo_mark:
            name += "_data_contoh_fiktif"
        response = Response(body, mimetype="application/pdf" if fmt == "pdf" else "image/png")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        response.headers["Cache-Control"] = "private, no-store"
        log.info("brief %s %s for %s", kode, content.period, actor.label)
        return response

    app.server.add_url_rule(ROUTE, "lokus_brief", serve)

"""The village profile as PDF, one A4 page per village, for signed-in readers of the district.

- ``/unduh/profil-desa/<kode-desa>.pdf?lang=``: one village;
- ``/unduh/profil-desa/<kode-kabupaten>.pdf?desa=a,b,c&lang=``: the villages named (of that district), or without
  ``desa`` the district's current lokus villages (:func:`~dashboard.views.village_page.model.lokus_codes`).

As the brief's downloads (:mod:`dashboard.views.brief_route`): the actor is the session's, its role must grant
:attr:`~dashboard.auth.roles.Permission.VIEW` and the district must be one of its areas (the demo: anyone signed in);
401 signed out, 403 another area, 404 a malformed code, an unknown village or no village to print. The pages hold
unpublished figures, so no cache keeps them (``private, no-store``).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from dash import Dash
from flask import Response, request

from dashboard.auth.context import acting_as
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Forbidden, Permission, can
from dashboard.core.localtime import format_date
from dashboard.i18n import LANGUAGES, t
from dashboard.services import Services

__all__ = ["ROUTE", "register", "village_pdf_path"]

log = logging.getLogger(__name__)

ROUTE = "/unduh/profil-desa/<kode>.pdf"
_CODE = re.compile(r"^\d{2}\.\d{2}(\.\d{2}\.\d{4})?$")
MAX_VILLAGES = 400  # one district's villages at most; a longer list is a mistake, not a request to honour


def village_pdf_path(code: str, villages: list[str] | None = None, lang: str = "id") -> str:
    """The download's path: one village (its code), or a district's villages (``villages``, or its lokus when None).

    >>> village_pdf_path("99.01.01.2001")
    '/unduh/profil-desa/99.01.01.2001.pdf'
    >>> village_pdf_path("99.01", ["99.01.01.2001", "99.01.01.2002"], "en")
    '/unduh/profil-desa/99.01.pdf?desa=99.01.01.2001,99.01.01.2002&lang=en'
    """
    query = [f"desa={','.join(villages)}"] if villages else []
    if lang != "id":
        query.append(f"lang={lang}")
    return f"/unduh/profil-desa/{code}.pdf" + ("?" + "&".join(query) if query else "")


def _refusal(text: str, status: int) -> Response:
    return Response(text, status=status, mimetype="text/plain")


def register(app: SecuredApp | Dash, services: Services) -> None:
    """Add :data:`ROUTE` to the app's server."""
    from dashboard.auth.web import current_actor_of_request
    from dashboard.brief.village_pdf import village_pdf
    from dashboard.views.village_page.model import lokus_codes, profiles

    def serve(kode: str) -> Response:
        actor = current_actor_of_request()
        if actor.is_anonymous:
            return _refusal("sign in first", 401)
        if not can(actor, Permission.VIEW):
            return _refusal("not allowed", 403)
        chosen = request.args.get("lang") or services.settings.language
        lang = chosen if chosen in set(LANGUAGES) else "id"
        if not _CODE.match(kode):
            return _refusal(t("village.pdf.unknown", lang, code=kode[:40]), 404)
        district = kode[:5]
        with acting_as(actor):
            try:
                services.require_readable(district)
                if len(kode) > 5:
                    codes = [kode]
                elif request.args.get("desa"):
                    codes = [c.strip() for c in request.args["desa"].split(",") if c.strip()][:MAX_VILLAGES]
                else:
                    codes = lokus_codes(services, district)
                    if not codes:
                        return _refusal(t("village.pdf.no_lokus", lang, district=district), 404)
                found = profiles(services, actor, district, codes, lang)
            except Forbidden as error:
                return _refusal("not allowed", error.status)
        missing = sorted(set(codes) - {p.code for p in found})
        if missing:
            return _refusal(t("village.pdf.unknown", lang, code=", ".join(missing[:5])[:200]), 404)
        body = village_pdf(found, format_date(datetime.now(UTC), lang, district), lang)
        name = t("village.pdf.file", lang, code=kode.replace(".", ""))
        if any(p.is_demo for p in found):
            name += "_data_contoh_fiktif"
        log.info("village profile %s (%d villages) for account %s", kode, len(found), actor.id)  # never a name
        response = Response(body, mimetype="application/pdf")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        response.headers["Cache-Control"] = "private, no-store"
        return response

    app.server.add_url_rule(ROUTE, "lokus_village_profile_pdf", serve)

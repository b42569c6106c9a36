"""The village profile page's callbacks: choosers (the URL's ``?kode=`` first), the cards and the PDF links.

Thin: each unpacks its inputs and calls one handler; the district and village from the page are checked against
the reader's areas on the server (:mod:`dashboard.views.village_page.model`), never trusted.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import ANONYMOUS, Forbidden
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import village_pdf_route
from dashboard.views.village_page.cards import profile_cards
from dashboard.views.village_page.model import lokus_codes, profiles, village_options

__all__ = ["chosen_village", "register", "shown_village"]


def _wanted(search: object) -> str:
    """The village code a link asked for (``?kode=99.01.01.2001``), or ``""``."""
    if not isinstance(search, str):
        return ""
    found = parse_qs(search.lstrip("?")).get("kode", [""])
    return found[0].strip()[:13]


def chosen_village(services: Services, district: object, search: object, first: bool) -> tuple[Any, ...]:
    """``(district, village options, village)``: on the page's first call a linked village (``?kode=``) of a
    readable district opens its district; otherwise the district's first village. Unreadable: no answer."""
    wanted = _wanted(search)
    if first and wanted and services.readable(wanted[:5]):
        district = wanted[:5]
    if not isinstance(district, str) or not services.readable(district):
        raise PreventUpdate
    options = village_options(services, district)
    codes = [o["value"] for o in options]
    village = wanted if wanted in codes else (codes[0] if codes else None)
    return district, options, village


def shown_village(
    services: Services, district: object, village: object, lang: str
) -> tuple[Any, str, str, dict[str, str]]:
    """The cards of ``village``, the link to its PDF, and the link to the district's lokus PDF (hidden when the
    district has no lokus list yet)."""
    if not isinstance(district, str) or not isinstance(village, str) or not village.startswith(f"{district}."):
        raise PreventUpdate
    actor = current_actor() or ANONYMOUS
    try:
        found = profiles(services, actor, district, [village], lang)
    except Forbidden:
        raise PreventUpdate from None
    if not found:
        raise PreventUpdate
    lokus = {} if lokus_codes(services, district) else {"display": "none"}
    return (profile_cards(found[0], lang), village_pdf_route.village_pdf_path(village, lang=lang),
            village_pdf_route.village_pdf_path(district, lang=lang), lokus)  # fmt: skip


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The page's callbacks, and its PDF route (``/unduh/profil-desa/<kode>.pdf``, readers of the area)."""
    village_pdf_route.register(app, services)

    @app.callback(
        Output(ID.VILLAGE_DISTRICT, "value"),
        Output(ID.VILLAGE_CODE, "options"),
        Output(ID.VILLAGE_CODE, "value"),
        Input(ID.VILLAGE_DISTRICT, "value"),
        State(ID.URL, "search"),
    )
    def choose(district: object, search: object) -> tuple[Any, ...]:
        return chosen_village(services, district, search, ctx.triggered_id is None)

    @app.callback(
        Output(ID.VILLAGE_BODY, "children"),
        Output(ID.VILLAGE_PDF, "href"),
        Output(ID.VILLAGE_LOKUS_PDF, "href"),
        Output(ID.VILLAGE_LOKUS_PDF, "style"),
        Input(ID.VILLAGE_CODE, "value"),
        State(ID.VILLAGE_DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def show(village: object, district: object, lang: str) -> tuple[Any, str, str, dict[str, str]]:
        return shown_village(services, district, village, lang)

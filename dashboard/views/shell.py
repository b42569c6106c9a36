"""The frame around every page: navigation, the signed-in user, the language switch, and routing by path.

Each page names the permission it needs; the router (itself open to everyone) renders a page only for
an actor whose role grants it, and otherwise the sign-in prompt (anonymous) or a refusal. The page's
own callbacks are guarded apart, on the server, so hiding a page is never the protection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import ANONYMOUS, Actor, Permission, can
from dashboard.i18n import LANGUAGES, Lang, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import (
    audit_page,
    data_page,
    gaps_page,
    lokus_page,
    map_page,
    programme_page,
    publication_page,
    region_page,
    village_page,
)
from dashboard.views.loading import loading

__all__ = ["PAGES", "UNLISTED", "layout", "page_titles", "register"]

PageBuilder = Callable[[Services, str, dict[str, Any] | None], Any]

# Path -> (navigation label key, page builder, permission). Later pages add themselves here.
PAGES: dict[str, tuple[str, PageBuilder, Permission]] = {
    "/": ("nav.map", map_page.layout, Permission.VIEW),
    "/lokus": ("nav.lokus", lokus_page.layout, Permission.VIEW),
    "/kesenjangan": ("nav.gaps", gaps_page.layout, Permission.VIEW),
    "/desa": ("nav.village", village_page.layout, Permission.VIEW),
    "/mitra": ("nav.mitra", programme_page.layout, Permission.VIEW),
    "/wilayah": ("nav.region", region_page.layout, Permission.VIEW),
    "/data": ("nav.data", data_page.layout, Permission.IMPORT),
    "/audit": ("nav.audit", audit_page.layout, Permission.READ_AUDIT),
    "/publikasi": ("nav.publication", publication_page.layout, Permission.PUBLISH),
}


def layout(services: Services) -> html.Div:
    """The static frame; the page itself is rendered by :func:`register`'s router for path and language."""
    default = services.settings.language if services.settings.language in set(LANGUAGES) else Lang.ID
    return html.Div(
        [
            dcc.Location(id=ID.URL, refresh=False),
            dcc.Store(id=ID.ROUTE),
            dcc.Store(id=ID.MAP_STATE, storage_type="session"),
            # Every page's tab title in both languages: the clientside callback in register() picks one.
            dcc.Store(id=ID.PAGE_TITLES, data=page_titles()),
            dcc.Store(id=ID.DOC_META),
            dbc.Navbar(
                dbc.Container(
                    [
                        html.A(
                            [
                                html.Span("Lokus", className="brand-name"),
                                # A phone keeps the bar to one line: the tagline shows from the sm breakpoint.
                                html.Span(id=ID.BRAND_TAGLINE, className="d-none d-sm-inline"),
                            ],
                            href="/",
                            className="navbar-brand",
                        ),
                        dbc.NavbarToggler(
                            [
                                html.Span(className="navbar-toggler-icon"),
                                html.Span(t("nav.toggle", default), className="visually-hidden"),
                            ],
                            id=ID.NAV_TOGGLE,
                            n_clicks=0,
                        ),
                        dbc.Collapse(
                            [
                                html.Div(id=ID.NAV, className="me-auto"),
                                html.Div(id=ID.ACCOUNT, className="account-menu me-lg-2 my-2 my-lg-0"),
                                dbc.RadioItems(
                                    id=ID.LANGUAGE,
                                    options=[{"label": lang.upper(), "value": lang} for lang in LANGUAGES],
                                    value=default,
                                    inline=True,
                                    persistence=True,
                                    persistence_type="local",
                                    className="language-switch",
                                    inputClassName="btn-check",
                                    labelClassName="btn btn-outline-light btn-sm",
                                    labelCheckedClassName="active",
                                ),
                            ],
                            id=ID.NAV_COLLAPSE,
                            is_open=False,
                            navbar=True,
                        ),
                    ],
                    fluid=True,
                ),
                color="dark",
                dark=True,
                expand="xl",
                className="mb-2",
            ),
            # Only the router's answer: a page's own callbacks show their own indicators, not the whole page's.
            loading(html.Main(id=ID.PAGE), only={ID.PAGE: "children"}, page=True),
        ]
    )


def page_titles() -> dict[str, dict[str, str]]:
    """The browser tab's title of every page in every language: ``{"/": {"id": "Peta — Lokus", "en": "Map — Lokus"}}``.

    The key ``""`` holds the title of a path that is no page ("Halaman tidak ditemukan — Lokus").
    """
    titles = {
        path: {str(lang): t("page.title", lang, page=t(label, lang)) for lang in LANGUAGES}
        for path, (label, _, _) in PAGES.items()
    }
    titles[""] = {str(lang): t("page.title", lang, page=t("notfound.title", lang)) for lang in LANGUAGES}
    return titles  # fmt: skip


# Pages opened from a village rather than from the bar: the village profile is reached by "Profil lengkap" on the
# map and the gaps page (and /desa itself chooses any village). Nine links no longer fit a projector's 1280 pixels.
UNLISTED = frozenset({"/desa"})


def _nav(pathname: str, lang: str, actor: Actor) -> dbc.Nav:
    links = [
        dbc.NavLink(t(label, lang), href=path, active=path == pathname)
        for path, (label, _, permission) in PAGES.items()
        if can(actor, permission) and path not in UNLISTED
    ]
    return dbc.Nav(links, navbar=True)


def account_menu(actor: Actor, pathname: str, lang: str) -> Any:
    """Who is signed in, with password change and a sign-out form (a POST, so a link cannot sign anyone out)."""
    if actor.is_anonymous:
        return html.A(t("auth.login", lang), href=f"/login?next={pathname}", className="btn btn-outline-light btn-sm")
    role = t(f"role.{actor.role}", lang)
    return html.Div(
        [
            html.A(t("auth.signed_in", lang, name=actor.username, role=role), href="/akun/sandi",
                   className="account-name text-light me-2", title=t("auth.password.change", lang)),
            html.Form(
                html.Button(t("auth.logout", lang), type="submit", className="btn btn-outline-light btn-sm",
                            id=ID.LOGOUT),
                action="/logout",
                method="POST",
                className="d-inline",
            ),
        ],
        className="d-flex align-items-center",
    )  # fmt: skip


def sign_in_required(pathname: str, lang: str) -> dbc.Container:
    return dbc.Container(
        dbc.Alert(
            [
                html.H4(t("auth.required.title", lang)),
                html.P(t("auth.required.body", lang)),
                html.A(t("auth.login", lang), href=f"/login?next={pathname}", className="btn btn-primary",
                       id=ID.LOGIN_LINK),
                # A citizen who typed the site's address finds the public pages, not a dead end.
                html.A(t("auth.required.public", lang), href=f"/publik?lang={lang}",
                       className="btn btn-outline-primary ms-2"),
            ],
            color="info",
        )
    )  # fmt: skip


def forbidden(actor: Actor, lang: str) -> dbc.Container:
    return dbc.Container(
        dbc.Alert(
            [
                html.H4(t("auth.forbidden.title", lang)),
                html.P(t("auth.forbidden.body", lang, role=t(f"role.{actor.role}", lang))),
                dcc.Link(t("notfound.home", lang), href="/"),
            ],
            color="warning",
        )
    )


def not_found(pathname: str, lang: str) -> dbc.Container:
    return dbc.Container(
        dbc.Alert(
            [
                html.H4(t("notfound.title", lang)),
                html.P(t("notfound.body", lang, path=pathname)),
                dcc.Link(t("notfound.home", lang), href="/"),
            ],
            color="warning",
        )
    )


def render(services: Services, path: str, lang: str, stored: dict[str, Any] | None, actor: Actor) -> Any:
    """The page at ``path`` as ``actor`` may see it."""
    page = PAGES.get(path)
    if page is None:
        return not_found(path, lang)
    _, build, permission = page
    if not can(actor, permission):
        return sign_in_required(path, lang) if actor.is_anonymous else forbidden(actor, lang)
    return build(services, lang, stored)


def register(app: SecuredApp | Dash, services: Services) -> None:
    # The router renders a page once the scripts it needs have loaded (assets/route.js, views/bundles.py).
    app.clientside_callback(ClientsideFunction("lokus", "route"), Output(ID.ROUTE, "data"), Input(ID.URL, "pathname"))
    # Once the router has answered (its navigation is the smallest of its outputs), <html lang> and the tab's title
    # follow the page and the language (assets/route.js); a move to another page folds the phone's menu away.
    app.clientside_callback(
        ClientsideFunction("lokus", "document"),
        Output(ID.DOC_META, "data"),
        Input(ID.NAV, "children"),
        State(ID.LANGUAGE, "value"),
        State(ID.ROUTE, "data"),
        State(ID.PAGE_TITLES, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("lokus", "toggleNav"),
        Output(ID.NAV_COLLAPSE, "is_open"),
        Input(ID.NAV_TOGGLE, "n_clicks"),
        Input(ID.ROUTE, "data"),
        State(ID.NAV_COLLAPSE, "is_open"),
    )

    @app.callback(
        Output(ID.PAGE, "children"),
        Output(ID.NAV, "children"),
        Output(ID.BRAND_TAGLINE, "children"),
        Output(ID.ACCOUNT, "children"),
        Input(ID.ROUTE, "data"),
        Input(ID.LANGUAGE, "value"),
        State(ID.MAP_STATE, "data"),
        permission=Permission.PUBLIC,
    )
    def route(pathname: object, lang: str, stored: dict[str, Any] | None) -> tuple[Any, Any, str, Any]:
        # The path comes from the browser (the route store): anything but text is the home page, never a crash.
        path = app.strip_relative_path(pathname if isinstance(pathname, str) and pathname else "/") or ""
        path = "/" + path.strip("/")
        actor = current_actor() or ANONYMOUS
        body = render(services, path, lang, stored, actor)
        return body, _nav(path, lang, actor), t("app.tagline", lang), account_menu(actor, path, lang)

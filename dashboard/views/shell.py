"""The frame around every page: navigation, the language switch, and routing by path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html

from dashboard.i18n import LANGUAGES, Lang, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import data_page, gaps_page, lokus_page, map_page

__all__ = ["PAGES", "layout", "register"]

PageBuilder = Callable[[Services, str, dict[str, Any] | None], Any]

# Path -> (navigation label key, page builder). Later pages add themselves here.
PAGES: dict[str, tuple[str, PageBuilder]] = {
    "/": ("nav.map", map_page.layout),
    "/lokus": ("nav.lokus", lokus_page.layout),
    "/kesenjangan": ("nav.gaps", gaps_page.layout),
    "/data": ("nav.data", data_page.layout),
}


def layout(services: Services) -> html.Div:
    """The static frame; the page itself is rendered by :func:`register`'s router for path and language."""
    default = services.settings.language if services.settings.language in set(LANGUAGES) else Lang.ID
    return html.Div(
        [
            dcc.Location(id=ID.URL, refresh=False),
            dcc.Store(id=ID.MAP_STATE, storage_type="session"),
            dbc.Navbar(
                dbc.Container(
                    [
                        html.A(
                            [html.Span("Lokus", className="brand-name"), html.Span(id="brand-tagline")],
                            href="/",
                            className="navbar-brand",
                        ),
                        html.Div(id=ID.NAV, className="me-auto"),
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
                    fluid=True,
                ),
                color="dark",
                dark=True,
                className="mb-2",
            ),
            html.Main(id=ID.PAGE),
        ]
    )


def _nav(pathname: str, lang: str) -> dbc.Nav:
    return dbc.Nav(
        [dbc.NavLink(t(label, lang), href=path, active=path == pathname) for path, (label, _) in PAGES.items()],
        navbar=True,
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


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ID.PAGE, "children"),
        Output(ID.NAV, "children"),
        Output("brand-tagline", "children"),
        Input(ID.URL, "pathname"),
        Input(ID.LANGUAGE, "value"),
        State(ID.MAP_STATE, "data"),
    )
    def route(pathname: str | None, lang: str, stored: dict[str, Any] | None) -> tuple[Any, Any, str]:
        path = app.strip_relative_path(pathname or "/") or ""
        path = "/" + path.strip("/")
        page = PAGES.get(path)
        body = page[1](services, lang, stored) if page else not_found(path, lang)
        return body, _nav(path, lang), t("app.tagline", lang)

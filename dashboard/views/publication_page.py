"""The publication page (``/publikasi``, administrators): publish a snapshot, withdraw one, set targets.

What is published is frozen (:mod:`dashboard.data.publications`): the public pages under ``/publik`` and
the open-data API read only standing snapshots, after small-number protection. Every action here is
checked again on the server (the callbacks need :attr:`Permission.PUBLISH`, and the data layer refuses
anyone but an administrator) and audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.core.completeness import completeness_by_period
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.data.publications import PublicationError, Snapshot
from dashboard.i18n import fmt_number, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.data_page.datasets import district_options
from dashboard.views.loading import loading
from dashboard.views.periods import period_options

__all__ = ["layout", "publish", "register", "save_target", "snapshot_table", "withdraw"]

WIB = "Asia/Jakarta"


def _when(snapshot_time: datetime | None) -> str:
    if snapshot_time is None:
        return ""
    return str(pd.Timestamp(snapshot_time).tz_convert(WIB).strftime("%Y-%m-%d %H:%M WIB"))


def snapshot_table(services: Services, lang: str) -> Any:
    """Every snapshot, newest first: district, title, periods, time, publisher, and standing or withdrawn."""
    snapshots = services.publications.snapshots() if services.publications is not None else []
    if not snapshots:
        return html.P(t("pubpage.none", lang), className="text-muted")
    header = html.Tr([html.Th(t(f"pubpage.col.{c}", lang)) for c in ("id", "district", "title", "periods", "when",
                                                                      "publisher", "status")])  # fmt: skip
    rows = []
    for s in snapshots:
        status: Any = (
            html.A(t("pubpage.standing", lang), href=f"/publik/{s.district_code}?terbitan={s.id}")
            if s.standing
            else t(
                "pubpage.withdrawn",
                lang,
                when=_when(s.withdrawn_at),
                by=s.withdrawn_by or "",
                reason=s.withdraw_reason or "",
            )
        )
        rows.append(
            html.Tr(
                [
                    html.Td(str(s.id)),
                    html.Td(s.district_code),
                    html.Td(s.title),
                    html.Td(", ".join(period_label(p, lang) for p in s.periods)),
                    html.Td(_when(s.published_at)),
                    html.Td(s.publisher),
                    html.Td(status),
                ]
            )
        )
    return html.Div(dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", striped=True),
                    className="table-responsive")  # fmt: skip


def _withdraw_options(services: Services, lang: str) -> list[dict[str, Any]]:
    if services.publications is None:
        return []
    return [
        {"label": f"{s.id} — {s.title} ({_when(s.published_at)})", "value": s.id}
        for s in services.require_publications().snapshots(standing_only=True)
    ]


def targets_table(services: Services, district: str | None, lang: str) -> Any:
    if not district or services.publications is None:
        return None
    targets = services.publications.targets(district)
    if not targets:
        return html.P(t("pubpage.targets.none", lang), className="text-muted small")
    rows = [
        html.Tr(
            [
                html.Td(str(x.year)),
                html.Td(f"{fmt_number(x.target, lang, x.decimals)}%"),
                html.Td(x.source),
                html.Td(x.set_by),
            ]
        )
        for x in targets
    ]
    header = html.Tr([html.Th(t(f"pubpage.targets.col.{c}", lang)) for c in ("year", "target", "source", "by")])
    return dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm")


def district_choices(services: Services, district: str | None, lang: str) -> tuple[list[Any], list[str], list[Any]]:
    """Periods (latest first, incomplete ones marked), the complete ones preselected, and indicator choices."""
    if not district:
        return [], [], []
    observations = services.source.observations(district)
    villages = services.source.villages(district)
    table = completeness_by_period(observations, villages["code"].astype(str))
    minimum = services.settings.min_completeness
    periods = [c.period for c in table]
    options = period_options(periods, lang, table, minimum)
    chosen = [c.period for c in table if c.complete(minimum)][-3:]
    present = set(observations["indicator"].astype(str))
    indicators = [{"label": CATALOGUE[k].label(lang), "value": k} for k in CATALOGUE if k in present]
    return options, chosen, indicators


def publish(services: Services, district: str | None, periods: list[str] | None, indicators: list[str] | None,
            title: str | None, note: str | None, lang: str) -> Any:  # fmt: skip
    """Publish as the signed-in administrator; the result says what the public now sees, or why not."""
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    if not district or not periods:
        return dbc.Alert(t("pubpage.choose", lang), color="warning")
    settings = services.settings
    try:
        snapshot = services.require_publications().publish(
            actor, district, periods, indicators=indicators or [STUNTING], title=title or "", note=note or "",
            min_denominator=settings.public_min_denominator, licence=settings.public_licence,
            min_completeness=settings.min_completeness,
        )  # fmt: skip
    except PublicationError as error:
        return dbc.Alert(t(error.key, lang, **error.params), color="danger")
    return _published(snapshot, lang)


def _published(snapshot: Snapshot, lang: str) -> Any:
    link = f"/publik/{snapshot.district_code}?terbitan={snapshot.id}"
    return dbc.Alert(
        [
            t("pubpage.done", lang, id=snapshot.id, periods=", ".join(period_label(p, lang) for p in snapshot.periods)),
            " ",
            html.A(t("pubpage.open", lang), href=link, target="_blank"),
        ],
        color="success",
    )


def withdraw(services: Services, snapshot_id: int | None, reason: str | None, lang: str) -> Any:
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    if not snapshot_id:
        return dbc.Alert(t("pubpage.withdraw.choose", lang), color="warning")
    try:
        snapshot = services.require_publications().withdraw(actor, int(snapshot_id), reason or "")
    except PublicationError as error:
        return dbc.Alert(t(error.key, lang, **error.params), color="danger")
    return dbc.Alert(t("publication.cli.withdrawn", lang, id=snapshot.id, reason=snapshot.withdraw_reason),
                     color="info")  # fmt: skip


def save_target(services: Services, district: str | None, year: int | None, value: str | None, source: str | None,
                lang: str) -> Any:  # fmt: skip
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    if not district:
        return dbc.Alert(t("pubpage.choose", lang), color="warning")
    try:
        target = float(str(value or "").replace(",", "."))
    except ValueError:
        return dbc.Alert(t("publication.bad_target", lang, target=value or ""), color="danger")
    try:
        if year in (None, ""):  # an empty or out-of-range number box sends nothing
            return dbc.Alert(t("publication.bad_year", lang, year="—"), color="danger")
        saved = services.require_publications().set_target(actor, district, int(year), target, source or "")
    except PublicationError as error:
        return dbc.Alert(t(error.key, lang, **error.params), color="danger")
    shown = fmt_number(saved.target, lang, saved.decimals)
    text = t("publication.cli.target_set", lang, district=saved.district_code, year=saved.year, target=shown,
             source=saved.source)  # fmt: skip
    return dbc.Alert(text, color="success")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    districts = services.source.districts()
    first = districts[0].code if districts else None
    labelled = {"className": "mt-2 d-block"}
    return dbc.Container(
        [
            html.H1(t("pubpage.title", lang), className="h3 my-3"),
            html.P(t("pubpage.intro", lang, minimum=services.settings.public_min_denominator)),
            # An app on a fixed data source (no database) has nothing to publish from: said, buttons off.
            dbc.Alert(t("pubpage.no_database", lang), color="warning") if services.publications is None else None,
            dcc.Store(id=ID.PUB_VERSION, data=0),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(t("pubpage.new", lang), className="h5"),
                            dbc.Label(t("pubpage.district", lang), html_for=ID.PUB_DISTRICT),
                            dcc.Dropdown(
                                id=ID.PUB_DISTRICT,
                                options=district_options(districts, lang),
                                value=first,
                                clearable=False,
                            ),
                            dbc.Label(t("pubpage.periods", lang), html_for=ID.PUB_PERIODS, **labelled),
                            dcc.Dropdown(id=ID.PUB_PERIODS, multi=True),
                            dbc.Label(t("pubpage.indicators", lang), html_for=ID.PUB_INDICATORS, **labelled),
                            dcc.Dropdown(id=ID.PUB_INDICATORS, multi=True, value=[STUNTING]),
                            dbc.Label(t("pubpage.title_field", lang), html_for=ID.PUB_TITLE, **labelled),
                            dbc.Input(id=ID.PUB_TITLE, maxLength=200),
                            dbc.Label(t("pubpage.note", lang), html_for=ID.PUB_NOTE, **labelled),
                            dbc.Textarea(id=ID.PUB_NOTE, maxLength=2000),
                            dbc.Button(
                                t("pubpage.publish", lang), id=ID.PUB_PUBLISH, color="primary", className="mt-3"
                            ),
                            loading(html.Div(id=ID.PUB_RESULT, className="mt-3")),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        [
                            html.H2(t("pubpage.targets", lang), className="h5"),
                            html.P(t("pubpage.targets.help", lang), className="small text-muted"),
                            loading(html.Div(id=ID.PUB_TARGETS)),
                            dbc.Label(t("pubpage.targets.col.year", lang), html_for=ID.PUB_TARGET_YEAR, **labelled),
                            dbc.Input(id=ID.PUB_TARGET_YEAR, type="number", min=2000, max=2100, step=1),
                            dbc.Label(t("pubpage.targets.col.target", lang), html_for=ID.PUB_TARGET_VALUE, **labelled),
                            dbc.Input(id=ID.PUB_TARGET_VALUE, placeholder="14"),
                            dbc.Label(t("pubpage.targets.col.source", lang), html_for=ID.PUB_TARGET_SOURCE, **labelled),
                            dbc.Input(id=ID.PUB_TARGET_SOURCE, placeholder="RPJMD 2025–2029", maxLength=300),
                            dbc.Button(
                                t("pubpage.targets.save", lang),
                                id=ID.PUB_TARGET_SAVE,
                                color="secondary",
                                className="mt-3",
                            ),
                            html.H2(t("pubpage.withdraw", lang), className="h5 mt-4"),
                            dcc.Dropdown(id=ID.PUB_WITHDRAW_ID, options=_withdraw_options(services, lang)),
                            dbc.Label(t("pubpage.withdraw.reason", lang), html_for=ID.PUB_WITHDRAW_REASON, **labelled),
                            dbc.Input(id=ID.PUB_WITHDRAW_REASON, maxLength=500),
                            dbc.Button(
                                t("pubpage.withdraw.button", lang),
                                id=ID.PUB_WITHDRAW,
                                color="danger",
                                outline=True,
                                className="mt-3",
                            ),
                        ],
                        lg=6,
                    ),
                ],
                className="g-4",
            ),
            html.H2(t("pubpage.list", lang), className="h5 mt-4"),
            loading(html.Div(snapshot_table(services, lang), id=ID.PUB_LIST)),
        ],
        fluid=True,
    )


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The page's callbacks (registered with :attr:`Permission.PUBLISH`; the data layer checks the role again)."""

    @app.callback(
        Output(ID.PUB_PERIODS, "options"),
        Output(ID.PUB_PERIODS, "value"),
        Output(ID.PUB_INDICATORS, "options"),
        Output(ID.PUB_TARGETS, "children"),
        Input(ID.PUB_DISTRICT, "value"),
        Input(ID.PUB_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def choices(district: str | None, _version: int, lang: str) -> tuple[Any, ...]:
        options, chosen, indicators = district_choices(services, district, lang)
        return options, chosen, indicators, targets_table(services, district, lang)

    @app.callback(
        Output(ID.PUB_RESULT, "children"),
        Output(ID.PUB_VERSION, "data"),
        Input(ID.PUB_PUBLISH, "n_clicks"),
        Input(ID.PUB_WITHDRAW, "n_clicks"),
        Input(ID.PUB_TARGET_SAVE, "n_clicks"),
        State(ID.PUB_DISTRICT, "value"),
        State(ID.PUB_PERIODS, "value"),
        State(ID.PUB_INDICATORS, "value"),
        State(ID.PUB_TITLE, "value"),
        State(ID.PUB_NOTE, "value"),
        State(ID.PUB_WITHDRAW_ID, "value"),
        State(ID.PUB_WITHDRAW_REASON, "value"),
        State(ID.PUB_TARGET_YEAR, "value"),
        State(ID.PUB_TARGET_VALUE, "value"),
        State(ID.PUB_TARGET_SOURCE, "value"),
        State(ID.PUB_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def act(_publish: int | None, _withdraw: int | None, _target: int | None, district: str | None,
            periods: list[str] | None, indicators: list[str] | None, title: str | None, note: str | None,
            withdraw_id: int | None, reason: str | None, year: int | None, value: str | None, source: str | None,
            version: int, lang: str) -> tuple[Any, int]:  # fmt: skip
        from dash import ctx

        if ctx.triggered_id == ID.PUB_PUBLISH:
            result = publish(services, district, periods, indicators, title, note, lang)
        elif ctx.triggered_id == ID.PUB_WITHDRAW:
            result = withdraw(services, withdraw_id, reason, lang)
        elif ctx.triggered_id == ID.PUB_TARGET_SAVE:
            result = save_target(services, district, year, value, source, lang)
        else:
            raise PreventUpdate
        return result, (version or 0) + 1

    @app.callback(
        Output(ID.PUB_LIST, "children"),
        Output(ID.PUB_WITHDRAW_ID, "options"),
        Input(ID.PUB_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def refresh(_version: int, lang: str) -> tuple[Any, Any]:
        return snapshot_table(services, lang), _withdraw_options(services, lang)

"""The publication page's layout: the publish form, targets and withdrawal beside it, and every snapshot below."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.auth.roles import actor_name
from dashboard.core.indicators import STUNTING
from dashboard.core.periods import period_label
from dashboard.i18n import fmt_number, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.data_page.datasets import district_options
from dashboard.views.loading import loading
from dashboard.views.publication_page.model import when

__all__ = ["layout", "snapshot_table", "targets_table", "withdraw_options"]


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
                when=when(s.withdrawn_at, lang, s.district_code),
                by=actor_name(s.withdrawn_by, lang),
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
                    html.Td(when(s.published_at, lang, s.district_code)),
                    html.Td(actor_name(s.publisher, lang)),
                    html.Td(status),
                ]
            )
        )
    return html.Div(dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", striped=True),
                    className="table-responsive")  # fmt: skip


def withdraw_options(services: Services, lang: str) -> list[dict[str, Any]]:
    """The standing snapshots as dropdown options, each with its time in its district's zone."""
    if services.publications is None:
        return []
    return [
        {"label": f"{s.id} — {s.title} ({when(s.published_at, lang, s.district_code)})", "value": s.id}
        for s in services.require_publications().snapshots(standing_only=True)
    ]


def targets_table(services: Services, district: str | None, lang: str) -> Any:
    """The district's own targets by year (value, source, who set it); None without a district or a database."""
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
                html.Td(actor_name(x.set_by, lang)),
            ]
        )
        for x in targets
    ]
    header = html.Tr([html.Th(t(f"pubpage.targets.col.{c}", lang)) for c in ("year", "target", "source", "by")])
    return dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page for ``lang``: the publish form on the first district, targets and withdrawal beside it, the list."""
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
                            dcc.Dropdown(id=ID.PUB_WITHDRAW_ID, options=withdraw_options(services, lang)),
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

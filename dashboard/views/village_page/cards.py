"""The village profile's sections as Bootstrap cards: one card per source, each figure with its period and origin."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from dashboard.core.village_profile import ProfileItem, ProfileSection, VillageProfile
from dashboard.i18n import t

__all__ = ["profile_cards"]

_WIDE = {"partners", "audits"}  # tables with long texts: the full width on a large screen


def _row(item: ProfileItem, lang: str) -> html.Tr:
    value: list[Any] = [html.Div(item.text, className="fw-semibold")]
    if item.note:
        value.append(html.Div(item.note, className="small text-muted"))
    return html.Tr(
        [
            html.Td(item.label),
            html.Td(value, className="text-end"),
            html.Td(item.counts, className="text-end small"),
            html.Td(item.period_text, className="small"),
            html.Td(item.origin.text(lang) if item.origin else "—", className="small text-muted village-origin"),
        ]
    )


def _card(section: ProfileSection, lang: str) -> dbc.Card:
    if section.items:
        head = html.Thead(html.Tr([html.Th(t(f"village.col.{c}", lang))
                                   for c in ("figure", "value", "counts", "period", "origin")]))  # fmt: skip
        body: Any = dbc.Table([head, html.Tbody([_row(i, lang) for i in section.items])], size="sm",
                              responsive=True, className="mb-0 small village-table")  # fmt: skip
    else:
        body = html.Div(section.empty, className="text-muted village-empty")
    return dbc.Card(
        [dbc.CardHeader(html.H2(section.title, className="h6 mb-0")), dbc.CardBody(body)],
        className="mb-3 h-100",
        id=f"village-section-{section.key}",
    )


def profile_cards(profile: VillageProfile, lang: str) -> html.Div:
    """The heading (village, kecamatan, code, district; the demo's mark) and one card per section."""
    heading: list[Any] = [
        html.H2(t("village.heading", lang, village=profile.name, kecamatan=profile.kecamatan), className="h4 mb-0"),
        html.Div(t("village.code", lang, code=profile.code, district=profile.district_name),
                 className="text-muted small"),
    ]  # fmt: skip
    if profile.is_demo:
        heading.append(dbc.Badge(t("village.demo", lang), color="warning", text_color="dark", className="mt-1"))
    cards = [dbc.Col(_card(s, lang), xs=12, lg=12 if s.key in _WIDE else 6, className="mb-3") for s in profile.sections]
    return html.Div([html.Div(heading, className="mb-3"), dbc.Row(cards)])

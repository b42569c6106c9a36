"""The village profile's sections as Bootstrap cards: one card per source, each figure with its period and origin."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from dashboard.core.village_profile import ProfileItem, ProfileSection, VillageProfile, column_keys
from dashboard.i18n import t

__all__ = ["profile_cards"]

_WIDE = {"partners", "audits"}  # tables with long texts: the full width on a large screen


def _row(item: ProfileItem, section: str, lang: str) -> html.Tr:
    """Two cells, so that a phone shows everything without scrolling sideways: what (with its period and origin
    under it) and how much (with its counts and note under it)."""
    where = " · ".join(p for p in (item.period_text, item.origin.text(lang) if item.origin else "") if p)
    what: list[Any] = [html.Div(item.label)]
    amount: list[Any] = [html.Div(item.text, className="fw-semibold")]
    if section == "partners":  # a programme: its sector and activity are words, its budget the amount
        what.append(html.Div(item.text, className="small"))
        amount = [html.Div(item.counts, className="fw-semibold")]
    elif item.counts:
        amount.append(html.Div(item.counts, className="small text-muted"))
    if item.note:
        amount.append(html.Div(item.note, className="small text-muted"))
    what.append(html.Div(where, className="small text-muted village-origin"))
    return html.Tr([html.Td(what), html.Td(amount, className="text-end")])


def _card(section: ProfileSection, lang: str) -> dbc.Card:
    if section.items:
        label, value, *_ = column_keys(section.key)
        head = html.Thead(html.Tr([html.Th(t(label, lang)), html.Th(t(value if section.key != "partners" else
                                                                       "village.col.budget", lang),
                                                                     className="text-end")]))  # fmt: skip
        body: Any = dbc.Table([head, html.Tbody([_row(i, section.key, lang) for i in section.items])], size="sm",
                              className="mb-0 small village-table")  # fmt: skip
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

"""The gaps page's village profile: each indicator with interval and reliability, scope, rank, trend, lokus lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core.aggregate import number_or_none, rank_villages, village_table
from dashboard.core.indicators import CATALOGUE, STUNTING, Kind
from dashboard.core.periods import period_label
from dashboard.core.plausibility import flags_for
from dashboard.core.prevalence import is_reliable, wilson_interval
from dashboard.figures.labels import label_text
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.public.texts import short_period
from dashboard.services import Services
from dashboard.views.gaps_page.convergence import village_audit_line
from dashboard.views.gaps_page.model import flag_labels, periods_of, scope_codes, scope_figures

__all__ = ["trend_figure", "village_profile"]


def trend_figure(
    observations: pd.DataFrame, periods: Sequence[str], scopes: Sequence[tuple[str, Sequence[str]]], lang: str
) -> go.Figure:
    """Stunting prevalence over ``periods`` for each scope ``(name, village codes)``, from summed counts.

    The x ticks are the data's own months (``tickvals`` the periods' names, ``ticktext`` short ones in ``lang``:
    ``Agu 2023`` / ``Aug 2023``), never plotly's dates; the y axis in percent with the language's decimal mark;
    the catalogue's target a dashed line labelled "Target".
    """
    figure = go.Figure()
    months = [period_label(p, lang) for p in periods]  # the x values: "Agustus 2025", read in the hover
    for name, codes in scopes:
        series = [number_or_none(scope_figures(observations, p, list(codes))["rate"].get(STUNTING)) for p in periods]
        texts = [fmt_percent(v, lang) for v in series]
        figure.add_scatter(
            x=months, y=series, name=name, mode="lines+markers", customdata=texts,
            hovertemplate=f"{name}<br>%{{x}}: %{{customdata}}<extra></extra>",
        )  # fmt: skip
    target = CATALOGUE[STUNTING].target
    if target is not None:
        figure.add_hline(
            y=target, line_dash="dash", line_color="#495057", line_width=1,
            annotation_text=t("gaps.trend.target", lang, target=fmt_percent(target, lang)),
            annotation_position="top left", annotation_font_size=10,
        )  # fmt: skip
    figure.update_layout(
        margin={"l": 40, "r": 10, "t": 30, "b": 30},
        height=240,
        separators=t("gaps.plotly.separators", lang),
        title={"text": CATALOGUE[STUNTING].label(lang), "font": {"size": 13}},
        legend={"orientation": "h", "y": -0.3},
        xaxis={"type": "category", "tickmode": "array", "tickvals": months,
               "ticktext": [short_period(p, lang) for p in periods]},
        yaxis={"ticksuffix": "%", "rangemode": "tozero", "title": {"text": t("gaps.trend.axis", lang)}},
    )  # fmt: skip
    return figure


def village_profile(services: Services, district: str, code: str, period: str, lang: str) -> Any:
    """Each indicator with counts, interval, reliability, flags; kecamatan and district; rank; trend; lokus lists."""
    villages = services.source.villages(district)
    row = villages[villages["code"].astype(str) == code]
    if row.empty:
        return None
    village = row.iloc[0]
    observations = services.source.observations(district)
    kecamatan_codes = scope_codes(villages, str(village["kecamatan_code"]))
    in_kecamatan = scope_figures(observations, period, kecamatan_codes)
    in_district = scope_figures(observations, period, villages["code"].astype(str).tolist())
    minimum = services.settings.min_measured
    flags = services.flags(district)
    body = []
    for key, indicator in CATALOGUE.items():
        table = village_table(observations, key, period)
        if code not in table.index:
            continue
        numerator, denominator, rate = (
            float(x) for x in table.loc[code, ["numerator", "denominator", "rate"]].to_numpy()
        )
        low, high = wilson_interval([numerator], [denominator])
        value: list[Any] = [html.Span(fmt_percent(rate, lang), className="fw-semibold")]
        value.append(
            html.Div(
                t("profile.interval", lang, low=fmt_number(100 * low[0], lang), high=fmt_number(100 * high[0], lang)),
                className="small text-muted",
            )
        )
        if indicator.kind is Kind.OUTCOME and not is_reliable([denominator], minimum)[0]:
            value.append(html.Div(t("profile.unreliable", lang, n=minimum), className="unreliable"))
        marked = flags_for(flags, key, period).get(code)
        if marked:
            value.append(html.Div(flag_labels(marked, lang), className="flagged"))
        ranks = rank_villages(observations, key, period)
        target = fmt_percent(indicator.target, lang) if indicator.target is not None else "—"
        body.append(
            html.Tr(
                [
                    html.Td(indicator.label(lang)),
                    html.Td(value),
                    html.Td(f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}", className="small"),
                    html.Td(fmt_percent(number_or_none(in_kecamatan["rate"].get(key)), lang)),
                    html.Td(fmt_percent(number_or_none(in_district["rate"].get(key)), lang)),
                    html.Td(target),
                    html.Td(f"{ranks[code]}/{len(ranks)}" if code in ranks.index else "—", className="small"),
                ]
            )
        )
    header = html.Tr(
        [
            html.Th(t(f"gaps.profile.col.{c}", lang))
            for c in ("indicator", "value", "counts", "kecamatan", "district", "target", "rank")
        ]
    )
    periods = periods_of(services, district)
    scopes = [
        (label_text(village["name"]), [code]),
        (t("gaps.profile.kecamatan", lang), kecamatan_codes),
        (t("gaps.profile.district", lang), villages["code"].astype(str).tolist()),
    ]
    trend = trend_figure(observations, periods, scopes, lang)
    scenarios = services.store.scenarios(district) if services.store is not None else []
    listed = [s for s in scenarios if code in s.codes]
    lokus = (
        [
            html.Li(
                t(
                    "gaps.profile.lokus_item",
                    lang,
                    year=s.year,
                    name=s.name,
                    final=t("lokus.scenario.final_mark", lang) if s.is_final else "",
                )
            )
            for s in listed
        ]
        if listed
        else [html.Li(t("gaps.profile.not_lokus", lang))]
    )
    label = period_label(period, lang)
    return html.Div(
        [
            html.H3(str(village["name"]), className="h5 mb-0", id=ID.GAPS_PROFILE_NAME),
            html.Div(
                t("gaps.profile.where", lang, kecamatan=village["kecamatan_name"], code=code, period=label),
                className="small text-muted mb-2",
            ),
            dcc.Graph(figure=trend, id=ID.GAPS_TREND, config={"displayModeBar": False}),
            html.Div(
                dbc.Table([html.Thead(header), html.Tbody(body)], size="sm", striped=True), className="table-responsive"
            ),
            village_audit_line(services, district, code, lang),
            html.H4(t("gaps.profile.lokus", lang), className="h6"),
            html.Ul(lokus, className="small", id=ID.GAPS_PROFILE_LOKUS),
        ]
    )

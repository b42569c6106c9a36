"""The main page's "Dua angka" panel: the district's survey estimate beside the routine figure of the same year."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from dashboard.core.two_numbers import TwoNumbers, latest_survey_year, two_numbers
from dashboard.figures.two_numbers import two_numbers_text
from dashboard.services import Services
from dashboard.views.map_page.choice import ALL, MapChoice

__all__ = ["district_two_numbers", "two_numbers_panel"]


def district_two_numbers(services: Services, district: str, period: str) -> TwoNumbers | None:
    """The two numbers of the year of ``period`` when the district has a survey estimate for it, else of its latest
    survey year; None without any survey estimate. The routine figure is over the district's boundary set. Kept per
    data version (:meth:`~dashboard.services.Services.kept_per_version`): every recolour of the map asks for it."""
    return services.kept_per_version(
        f"two_numbers:{period}", district, lambda: _district_two_numbers(services, district, period)
    )


def _district_two_numbers(services: Services, district: str, period: str) -> TwoNumbers | None:
    estimates = services.estimates(district)  # checks the actor's areas
    if estimates.empty:
        return None
    villages = services.source.villages(district)
    observations = services.source.observations(district)
    observations = observations[observations["code"].astype(str).isin(set(villages["code"].astype(str)))]
    years = [int(period[:4])] if period[:4].isdigit() else []
    latest = latest_survey_year(estimates)
    for year in [*years, *([latest] if latest is not None else [])]:
        numbers = two_numbers(estimates, observations, year, village_count=len(villages),
                              min_completeness=services.settings.min_completeness)  # fmt: skip
        if numbers is not None:
            return numbers
    return None


def two_numbers_panel(services: Services, choice: MapChoice, lang: str) -> Any:
    """The panel under the headline cards for the whole district (a survey estimates the district, not a
    kecamatan): the survey's line, the routine line, and why they differ, folded; None when there is nothing to
    show."""
    if choice.kecamatan != ALL:
        return None
    numbers = district_two_numbers(services, choice.district, choice.period)
    if numbers is None:
        return None
    text = two_numbers_text(numbers, lang)
    routine = [html.Div(text.routine, className="two-numbers-routine")]
    if text.note:
        routine.append(html.Div(text.note, className="small text-muted"))
    why = html.Details(
        [html.Summary(text.why), *(html.P(paragraph, className="mb-1") for paragraph in text.explanation)],
        className="small mt-2",
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(text.title, className="kpi-title"),
                dbc.Row(
                    [
                        dbc.Col(html.Div(text.survey, className="two-numbers-survey fw-semibold"), md=5),
                        dbc.Col(routine, md=7),
                    ],
                    className="g-2 mt-1",
                ),
                why,
            ]
        ),
        className="mb-3 two-numbers",
    )

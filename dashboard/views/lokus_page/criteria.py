"""The planning page's criteria table: per criterion its use, weight, direction and normalisation."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from dashboard.core.scoring import Criterion, Direction, Normalisation
from dashboard.i18n import t
from dashboard.ids import Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.lokus_page.model import criteria_for, criterion_label

__all__ = ["criteria_rows", "period_criteria"]


def criteria_rows(criteria: list[Criterion], lang: str, disabled: bool = False) -> Any:
    header = html.Tr(
        [html.Th(t(f"lokus.col.{c}", lang)) for c in ("use", "criterion", "weight", "direction", "normalisation")]
    )
    rows = []
    for criterion in criteria:
        key = criterion.key
        rows.append(
            html.Tr(
                [
                    html.Td(
                        dbc.Checkbox(id=pattern_id(Pattern.LOKUS_USE, key), value=criterion.enabled, disabled=disabled)
                    ),
                    html.Td(criterion_label(key, lang)),
                    html.Td(
                        dbc.Input(
                            id=pattern_id(Pattern.LOKUS_WEIGHT, key),
                            type="number",
                            min=0,
                            step=0.05,
                            value=criterion.weight,
                            size="sm",
                            debounce=True,
                            disabled=disabled,
                            style={"width": "5.5rem"},
                        )
                    ),
                    html.Td(
                        dbc.Select(
                            id=pattern_id(Pattern.LOKUS_DIRECTION, key),
                            size="sm",
                            disabled=disabled,
                            value=str(criterion.direction),
                            options=[{"label": t(f"lokus.direction.{d}", lang), "value": str(d)} for d in Direction],
                        )
                    ),
                    html.Td(
                        dbc.Select(
                            id=pattern_id(Pattern.LOKUS_NORMALISATION, key),
                            size="sm",
                            disabled=disabled,
                            value=str(criterion.normalisation),
                            options=[
                                {"label": t(f"lokus.normalisation.{n}", lang), "value": str(n)} for n in Normalisation
                            ],
                        )
                    ),
                ]
            )
        )
    table = dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", className="criteria-table")
    return html.Div(table, className="table-responsive")


def period_criteria(services: Services, period: str, district: str, current: list[dict[str, Any]], lang: str) -> Any:
    """The table again when another period offers other criteria, the planner's settings kept for the ones kept."""
    available = criteria_for(services, district, period, current)
    if [c.key for c in available] == [c["key"] for c in current]:
        raise PreventUpdate
    return criteria_rows(available, lang)

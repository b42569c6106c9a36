"""The planning page's criteria: per criterion its use, weight, direction and normalisation, each labelled."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from dashboard.core.scoring import Criterion, Direction, Normalisation
from dashboard.i18n import t
from dashboard.ids import Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.lokus_page.inputs import weight_text
from dashboard.views.lokus_page.model import criteria_for, criterion_label

__all__ = ["criteria_rows", "period_criteria"]


def _field(label: str, control: Any, *extra: Any) -> Any:
    """A control inside its own ``<label>`` (a pattern-matching id cannot be named by ``for``), its name above."""
    return html.Label([html.Span(label, className="lokus-field-name"), control, *extra], className="lokus-field")


def _select(kind: Pattern, key: str, value: str, disabled: bool, options: dict[str, str]) -> Any:
    return dbc.Select(
        id=pattern_id(kind, key), size="sm", disabled=disabled, value=value,
        options=[{"label": label, "value": option} for option, label in options.items()],
    )  # fmt: skip


def criteria_rows(criteria: list[Criterion], lang: str, disabled: bool = False) -> Any:
    """One block per criterion: its use and name on a line, then its weight (text: "1,5" is read on the server,
    :mod:`~dashboard.views.lokus_page.inputs`), direction and normalisation, each labelled. Stacked rather than a
    five-column table, the card stays inside a third of a 1280 px screen and a phone's width."""
    blocks = []
    for criterion in criteria:
        key = criterion.key
        name = criterion_label(key, lang)
        weight = dbc.Input(
            id=pattern_id(Pattern.LOKUS_WEIGHT, key),
            type="text",
            inputMode="decimal",
            value=weight_text(criterion.weight, lang),
            size="sm",
            debounce=True,
            disabled=disabled,
        )
        feedback = dbc.FormFeedback(id=pattern_id(Pattern.LOKUS_WEIGHT_FEEDBACK, key), type="invalid")
        direction = _select(Pattern.LOKUS_DIRECTION, key, str(criterion.direction), disabled,
                            {str(d): t(f"lokus.direction.{d}", lang) for d in Direction})  # fmt: skip
        norm = _select(Pattern.LOKUS_NORMALISATION, key, str(criterion.normalisation), disabled,
                       {str(n): t(f"lokus.normalisation.{n}", lang) for n in Normalisation})  # fmt: skip
        use = dbc.Checkbox(
            id=pattern_id(Pattern.LOKUS_USE, key), value=criterion.enabled, disabled=disabled, label=name,
            label_class_name="lokus-criterion-name",
        )  # fmt: skip
        fields = html.Div(
            [
                _field(t("lokus.col.weight", lang), weight, feedback),
                _field(t("lokus.col.direction", lang), direction),
                _field(t("lokus.col.normalisation", lang), norm),
            ],
            className="lokus-criterion-fields",
        )
        blocks.append(html.Div([use, fields], className="lokus-criterion"))
    return html.Div(blocks, className="lokus-criteria-list")


def period_criteria(services: Services, period: str, district: str, current: list[dict[str, Any]], lang: str) -> Any:
    """The table again when another period offers other criteria, the planner's settings kept for the ones kept."""
    available = criteria_for(services, district, period, current)
    if [c.key for c in available] == [c["key"] for c in current]:
        raise PreventUpdate
    return criteria_rows(available, lang)

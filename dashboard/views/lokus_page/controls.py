"""The planning page's controls as they answer the planner: shown by method, typed numbers' reasons, the chosen row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash.exceptions import PreventUpdate

from dashboard.core.scoring import Method
from dashboard.i18n import t
from dashboard.views.lokus_page.inputs import LIMITS, parse_number

__all__ = ["FIELDS", "chosen_row", "field_feedback", "method_controls", "weight_feedback"]

# The list-size and threshold fields, in the order of the page's feedback callback (:data:`inputs.LIMITS` keys).
FIELDS = ("top_n", "min_score", "light_prevalence", "light_stunted")


def weight_feedback(value: Any, lang: str) -> tuple[bool, str]:
    """(invalid, reason) for a typed weight: "1,5" and "1.5" pass; "-5", "11", "abc" and an empty field are
    marked with the reason (the ranking keeps its last valid weights, :func:`ranking.ranked_view`)."""
    parsed = parse_number(value, LIMITS["weight"], lang)
    return not parsed.ok, parsed.error or ""


def field_feedback(values: Sequence[Any], weights: Sequence[Any], lang: str) -> tuple[Any, ...]:
    """(invalid, reason) for each of :data:`FIELDS`, then the alert above the grid when any field or weight is
    refused ("the ranking was not recomputed"), else ``None``. An empty list size or minimum score is allowed
    (the other way of choosing is in use)."""
    out: list[Any] = []
    refused = False
    for field, value in zip(FIELDS, values, strict=True):
        if value in (None, "") and field != "light_prevalence":
            out += [False, ""]
            continue
        parsed = parse_number(value, LIMITS[field], lang)
        refused |= not parsed.ok
        out += [not parsed.ok, parsed.error or ""]
    refused |= any(not parse_number(w, LIMITS["weight"], lang).ok for w in weights)
    alert = dbc.Alert(t("lokus.input.not_ranked", lang), color="danger", className="py-1 small") if refused else None
    return (*out, alert)


def method_controls(method: str | None, lang: str) -> tuple[bool, bool, list[dict[str, Any]]]:
    """What shows for a method: (criteria hidden, thresholds hidden, the list-size choices). Weighted scores use
    the criteria and may choose by minimum score; the traffic-light matrix uses only its two thresholds and a
    number of villages (or every red one)."""
    light = method == str(Method.TRAFFIC_LIGHT)
    choices: list[dict[str, Any]] = [
        {"label": t("lokus.selection.top_n", lang), "value": "top_n"},
        {"label": t("lokus.selection.min_score", lang), "value": "min_score", "disabled": light},
    ]
    return light, not light, choices


def chosen_row(rows: list[dict[str, Any]] | dict[str, Any] | None, lang: str) -> str:
    """The village the add and remove buttons act on, named above the grid. A map click sets the selection by
    id (``{"ids": [code]}``); the grid answers with the row itself, named then."""
    if isinstance(rows, dict):
        raise PreventUpdate
    if not rows:
        return t("lokus.adjust.none_chosen", lang)
    row = rows[0]
    return t("lokus.adjust.chosen", lang, village=f"{row.get('desa', '')} ({row.get('kecamatan', '')})")

"""The planning page's ranked list on screen: grid, map, summary and sensitivity, and the changes by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import html, no_update

from dashboard.core.scoring import Method
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.figures import light_legend, selection_figure
from dashboard.views.lokus_page.model import (
    LokusResult,
    annex_rows,
    completeness_text,
    compute,
    criteria_from,
    criterion_label,
    grid_rows,
    state_from_controls,
)

__all__ = ["RankingControls", "adjusted_list", "ranked_view", "sensitivity_view", "summary_view"]


@dataclass(frozen=True)
class RankingControls:
    """The controls as the ranking reads them: district, period, method, list size, thresholds, criteria, changes."""

    district: str
    period: str | None
    method: str
    by: str
    top_n: int | None
    min_score: float | None
    light_prevalence: float | None
    light_stunted: float | None
    uses: Sequence[bool]
    weights: Sequence[float]
    directions: Sequence[str]
    norms: Sequence[str]
    ids: Sequence[dict[str, str]]
    adjustments: list[dict[str, str]] | None
    include_flagged: bool = False


def sensitivity_view(result: LokusResult, state: dict[str, Any], lang: str) -> Any:
    if result.sensitivity is None:
        return html.P(t("lokus.sensitivity.none", lang), className="small text-muted")
    names = dict(zip(result.table["code"], result.table["desa"], strict=True))
    moved = result.sensitivity[(result.sensitivity["entering"].map(len) + result.sensitivity["leaving"].map(len)) > 0]
    lines: list[Any] = [html.P(t("lokus.sensitivity.help", lang, n=state["top_n"]), className="small text-muted")]
    if moved.empty:
        lines.append(html.P(t("lokus.sensitivity.stable", lang), className="small"))
    for record in moved.to_dict("records"):
        entering: tuple[str, ...] = record["entering"]
        leaving: tuple[str, ...] = record["leaving"]
        text = t(
            "lokus.sensitivity.row", lang, criterion=criterion_label(str(record["criterion"]), lang),
            change=f"{int(record['change']):+d}", entering=", ".join(names[c] for c in entering) or "-",
            leaving=", ".join(names[c] for c in leaving) or "-",
        )  # fmt: skip
        lines.append(html.Div(text, className="small sensitivity-row"))
    return html.Div(lines)


def summary_view(services: Services, result: LokusResult, state: dict[str, Any], lang: str) -> Any:
    """How many villages are chosen, how complete the period's data is (warned when below the threshold), and
    with the traffic-light method the map's legend."""
    text, complete = completeness_text(result.completeness, services.settings.min_completeness, lang)
    traffic = state["method"] == str(Method.TRAFFIC_LIGHT)
    count = t("lokus.summary.light" if traffic else "lokus.summary", lang, selected=len(result.selected),
              villages=result.villages)  # fmt: skip
    parts = [
        html.Div(
            text,
            id=ID.LOKUS_COMPLETENESS,
            className="small lokus-completeness" + ("" if complete else " lokus-incomplete"),
        ),
        html.Div(count, id=ID.LOKUS_COUNT, className="small"),
    ]
    if traffic:
        parts.append(light_legend(result, lang))
    return html.Div(parts)


def ranked_view(
    services: Services, controls: RankingControls, opened: dict[str, Any] | None, lang: str
) -> tuple[Any, ...]:
    """Grid rows, map, summary, sensitivity and the ``current`` store, all from one :func:`compute`."""
    district, period = controls.district, controls.period
    if not district or not period:
        return [], go.Figure(), dbc.Alert(t("lokus.no_data", lang), color="warning"), None, None
    criteria = criteria_from(controls.uses, controls.weights, controls.directions, controls.norms, controls.ids)
    state = state_from_controls(
        district, period, controls.method, controls.by, controls.top_n, controls.min_score, controls.light_prevalence,
        controls.light_stunted, criteria, controls.adjustments or [], controls.include_flagged,
    )  # fmt: skip
    result = compute(services, state, lang)
    summary = summary_view(services, result, state, lang)
    current = {
        "state": state,
        "rows": annex_rows(result),
        "selected": result.selected,
        "scenario": (opened or {}).get("name"),
    }
    return (
        grid_rows(result, lang),
        selection_figure(services, district, result, lang),
        summary,
        sensitivity_view(result, state, lang),
        current,
    )


def adjusted_list(
    trigger: object,
    rows: list[dict[str, Any]] | None,
    reason: str | None,
    adjustments: list[dict[str, str]] | None,
    lang: str,
) -> tuple[Any, Any]:
    """The changes by hand after *add*, *remove* or *clear* on the village chosen in the grid, and a message."""
    if trigger == ID.LOKUS_CLEAR:
        return [], t("lokus.adjust.list", lang, n=0)
    if not rows:
        return no_update, dbc.Alert(t("lokus.adjust.need_village", lang), color="warning", className="py-1")
    if not (reason or "").strip():
        return no_update, dbc.Alert(t("lokus.adjust.need_reason", lang), color="warning", className="py-1")
    action = "add" if trigger == ID.LOKUS_ADD else "remove"
    row = rows[0]
    changed = [*(adjustments or []), {"code": row["code"], "action": action, "reason": (reason or "").strip()}]
    label = t("lokus.adjust.add" if action == "add" else "lokus.adjust.remove", lang)
    return changed, t("lokus.adjust.done", lang, village=row["desa"], action=label.lower())

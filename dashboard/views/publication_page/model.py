"""The publication page's view model: a district's period and indicator choices, and the three actions (publish,
withdraw, set a target) as plain handlers that answer with what the administrator should read."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.core.completeness import completeness_by_period
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.localtime import format_datetime
from dashboard.core.periods import period_label
from dashboard.data.publications import PublicationError, Snapshot
from dashboard.i18n import fmt_number, t
from dashboard.services import Services
from dashboard.views.periods import period_options

__all__ = ["district_choices", "publish", "save_target", "when", "withdraw"]


def when(moment: Any, lang: str, district: str | None) -> str:
    """A snapshot's time in its district's zone (``30 Nov 2026 14:05 WIT``); ``""`` for none."""
    return "" if moment is None else format_datetime(moment, lang, district)


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
    """Withdraw a standing snapshot as the signed-in administrator, with the reason the public will read."""
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
    """Set the district's own target for a year (``"12,5"`` or ``"12.5"``), or say what is wrong with it."""
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

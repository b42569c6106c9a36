"""The lokus page's kept work: its controls restored from and saved to the server per signed-in user, the
unsaved-changes note that arms the leave warning, and "reset to defaults".

The router renders the page again on every language switch and every move inside the app, so the controls'
values are the page's memory only until then. They are kept instead in :mod:`dashboard.data.planner_state`
(per user, district and page, on the server): :func:`restored_state` gives the layout its starting point, and the
callback of :func:`register` writes the state the ranking has just computed from (the ``current`` store) each time
it changes. Whose state is written is the signed-in session's actor, never anything the browser sends.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.core.scoring import Criterion, Method
from dashboard.data.planner_state import PAGE_LOKUS, Fields, PlannerStateError, PlannerStates, known_fields
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.criteria import criteria_rows
from dashboard.views.lokus_page.model import criteria_for, default_state

__all__ = [
    "DEFAULT_MIN_SCORE",
    "LOKUS_FIELDS",
    "defaults_for",
    "kept_state",
    "register",
    "reset_control",
    "reset_values",
    "restored_state",
    "unsaved",
    "unsaved_note",
]

log = logging.getLogger(__name__)

DEFAULT_MIN_SCORE = 60  # the minimum score offered when the list is chosen by score (the state holds None)


def _optional(check: Any) -> Any:
    return lambda value: None if value is None else check(value)


def _number(low: float, high: float | None = None) -> Any:
    def check(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("not a number")
        if value < low or (high is not None and value > high):
            raise ValueError("out of range")
        return float(value)

    return check


def _choice(*allowed: str) -> Any:
    def check(value: object) -> str:
        if value not in allowed:
            raise ValueError("unknown choice")
        return str(value)

    return check


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def _top_n(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("not a list size")
    return value


def _criteria(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return [Criterion.from_dict(c).as_dict() for c in value]


def _adjustments(value: object) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return [
        {"code": _text(a["code"]), "action": _choice("add", "remove")(a["action"]), "reason": _text(a["reason"])}
        for a in value
    ]


def _opened(value: object) -> dict[str, Any]:
    if not isinstance(value, Mapping) or isinstance(value.get("id"), bool) or not isinstance(value.get("id"), int):
        raise TypeError("not an opened scenario")
    return {"id": value["id"], "name": _text(value.get("name", "")), "final": _flag(value.get("final", False))}


# The fields of the page's state (dashboard.views.lokus_page.model.state_from_controls) that are kept, each with
# its check; the district is the document's key, not a field.
LOKUS_FIELDS: Fields = {
    "period": _text,
    "method": lambda value: str(Method(value)),
    "by": _choice("top_n", "min_score"),
    "top_n": _optional(_top_n),
    "min_score": _optional(_number(0, 100)),
    "light_prevalence": _number(0, 100),
    "light_stunted": _optional(_number(0)),
    "include_flagged": _flag,
    "criteria": _criteria,
    "adjustments": _adjustments,
    "opened": _optional(_opened),
}


def _states(services: Services) -> PlannerStates | None:
    return None if services.store is None else PlannerStates(services.store)


def defaults_for(services: Services, district: str, period: str) -> dict[str, Any]:
    """The page's defaults for a district (:func:`~dashboard.views.lokus_page.model.default_state`), with the
    criteria available in ``period`` rather than in the district's default period."""
    state = default_state(services, district)
    if period:
        state["period"] = period
        state["criteria"] = [c.as_dict() for c in criteria_for(services, district, period, [])]
    return state


def restored_state(services: Services) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The page's starting point for the signed-in user, and the scenario they had open (or None).

    The user's most recently kept state among the districts they may read, over that district's defaults; a period
    without data any more falls back to the default period; criteria are those the period offers, keeping the
    user's settings for each; a scenario since deleted or of another district is not reopened. The defaults of
    the first district for an anonymous visitor or a user with nothing kept.
    """
    states = _states(services)
    saved = None if states is None else states.latest(current_actor(), PAGE_LOKUS, LOKUS_FIELDS, services.readable)
    if saved is None:
        return default_state(services), None
    district = saved.district_code
    state = default_state(services, district)
    data = dict(saved.data)
    opened = data.pop("opened", None)
    if data.get("period") != state["period"] and data.get("period") not in _periods(services, district):
        data.pop("period", None)
    state.update(data)
    kept = [c for c in state["criteria"] if isinstance(c, dict)]
    state["criteria"] = [c.as_dict() for c in criteria_for(services, district, state["period"], kept)]
    if opened is not None and services.store is not None:
        scenario = services.store.scenario(int(opened["id"]))
        if scenario is None or scenario.district_code != district:
            opened = None
    return state, opened


def _periods(services: Services, district: str) -> set[str]:
    return set(services.source.observations(district)["period"].astype(str).unique())


def _comparable(state: Mapping[str, Any], with_period: bool) -> dict[str, Any]:
    """What makes two states the same list: the list's size only for the way it is chosen, criteria as
    (key, on, weight, direction, normalisation), changes by hand as (code, action)."""
    by = state.get("by", "top_n")
    criteria = sorted(
        (c["key"], bool(c["enabled"]), float(c["weight"]), str(c["direction"]), str(c["normalisation"]))
        for c in _criteria(list(state.get("criteria") or []))
    )
    return {
        "period": state.get("period") if with_period else None,
        "method": state.get("method"),
        "by": by,
        "size": state.get("top_n") if by == "top_n" else state.get("min_score"),
        "light_prevalence": state.get("light_prevalence"),
        "light_stunted": state.get("light_stunted"),
        "include_flagged": bool(state.get("include_flagged")),
        "criteria": criteria,
        "adjustments": [(a.get("code"), a.get("action")) for a in state.get("adjustments") or []],
    }


def unsaved(services: Services, state: Mapping[str, Any], opened: Mapping[str, Any] | None) -> bool:
    """Whether ``state`` differs from the scenario last opened or saved (``opened``), or from the defaults when
    none is: the work a planner would lose by not saving a scenario. A final list is never unsaved (it is
    read-only)."""
    if opened and opened.get("final"):
        return False
    district, period = str(state.get("district") or ""), str(state.get("period") or "")
    scenario = None
    if opened and isinstance(opened.get("id"), int) and services.store is not None:
        scenario = services.store.scenario(int(opened["id"]))
    try:
        if scenario is not None:
            return _comparable(state, True) != _comparable(scenario.settings, True)
        return _comparable(state, False) != _comparable(defaults_for(services, district, period), False)
    except (KeyError, TypeError, ValueError):
        return True


def kept_state(
    services: Services, current: Mapping[str, Any] | None, opened: Mapping[str, Any] | None, lang: str
) -> tuple[Any, Any, str]:
    """Write the page's state for the signed-in user, and say whether it is saved as a scenario.

    Returns the kept document's revision (None when nothing is kept: an anonymous visitor, a database-less
    app), the note's text and its ``data-unsaved`` flag ("1" or "0"). ``current`` is the page's ``current`` store;
    only the fields of :data:`LOKUS_FIELDS` are kept, for a district the user may read, under the session's user.
    """
    state = (current or {}).get("state") if isinstance(current, Mapping) else None
    if not isinstance(state, Mapping) or not isinstance(state.get("district"), str):
        raise PreventUpdate
    district = state["district"]
    if not services.readable(district):
        raise PreventUpdate
    document = known_fields(state, LOKUS_FIELDS)
    document["opened"] = known_fields({"opened": opened}, LOKUS_FIELDS).get("opened")
    revision = None
    states = _states(services)
    if states is not None:
        try:
            saved = states.save(current_actor(), district, PAGE_LOKUS, document)
            revision = None if saved is None else saved.version
        except PlannerStateError as error:
            log.warning("lokus page state not kept: %s", error)
    if not unsaved(services, state, opened):
        return revision, "", "0"
    name = (opened or {}).get("name")
    text = t("planner_state.unsaved.opened", lang, name=name) if name else t("planner_state.unsaved", lang)
    return revision, text, "1"


def unsaved_note(lang: str) -> Any:
    """The note "Perubahan belum disimpan" (empty until the page's state differs from its scenario) and the
    store of the kept revision; ``data-unsaved="1"`` on the note arms ``assets/unsaved.js``."""
    del lang  # the callback writes the text in the reader's language
    flag: dict[str, Any] = {"data-unsaved": "0"}  # a wildcard property: Dash accepts data-* though typing cannot
    note = html.Div(id=ID.LOKUS_UNSAVED, className="small text-warning-emphasis lokus-unsaved", **flag)
    return html.Div([dcc.Store(id=ID.LOKUS_STATE_SAVED), note])


def reset_control(lang: str) -> Any:
    """The "Kembalikan ke bawaan" button, its help and its confirmation."""
    return html.Div(
        [
            dbc.Button(t("planner_state.reset", lang), id=ID.LOKUS_RESET, size="sm", color="outline-secondary"),
            html.Span(t("planner_state.reset.help", lang), className="small text-muted ms-2"),
            dcc.ConfirmDialog(id=ID.LOKUS_RESET_CONFIRM, message=t("planner_state.reset.confirm", lang)),
        ],
        className="mt-2",
    )


def reset_values(
    services: Services, district: str | None, period: str | None, opened: Mapping[str, Any] | None, lang: str
) -> tuple[Any, ...]:
    """The controls at their defaults for the district and period (method, list size, thresholds, flagged values,
    criteria rows), no changes by hand, and a message; the reset is written to the audit log.

    Raises ``PreventUpdate`` for a district the user may not read or a final list on screen (read-only).
    """
    if not district or not services.readable(district) or (opened and opened.get("final")):
        raise PreventUpdate
    state = defaults_for(services, district, period or "")
    if services.accounts is not None:
        services.accounts.audit(current_actor(), "lokus_reset", target=district,
                                detail={"district": district, "period": period or ""})  # fmt: skip
    criteria = [Criterion.from_dict(c) for c in state["criteria"]]
    return (
        state["method"], state["by"], state["top_n"], DEFAULT_MIN_SCORE, state["light_prevalence"],
        state["light_stunted"], state["include_flagged"], criteria_rows(criteria, lang), [],
        t("planner_state.reset.done", lang),
    )  # fmt: skip


def register(app: SecuredApp | Dash, services: Services) -> None:
    """Keep the page's state on every change of the ranking; reset to defaults after confirmation."""

    @app.callback(
        Output(ID.LOKUS_STATE_SAVED, "data"),
        Output(ID.LOKUS_UNSAVED, "children"),
        Output(ID.LOKUS_UNSAVED, "data-unsaved"),
        Input(ID.LOKUS_CURRENT, "data"),
        Input(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def keep(current: dict[str, Any] | None, opened: dict[str, Any] | None, lang: str) -> tuple[Any, Any, str]:
        return kept_state(services, current, opened, lang)

    @app.callback(
        Output(ID.LOKUS_RESET_CONFIRM, "displayed"),
        Input(ID.LOKUS_RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def ask(n_clicks: int | None) -> Any:
        return bool(n_clicks) or no_update

    @app.callback(
        Output(ID.LOKUS_METHOD, "value", allow_duplicate=True),
        Output(ID.LOKUS_BY, "value", allow_duplicate=True),
        Output(ID.LOKUS_TOP_N, "value", allow_duplicate=True),
        Output(ID.LOKUS_MIN_SCORE, "value", allow_duplicate=True),
        Output(ID.LOKUS_LIGHT_PREVALENCE, "value", allow_duplicate=True),
        Output(ID.LOKUS_LIGHT_STUNTED, "value", allow_duplicate=True),
        Output(ID.LOKUS_INCLUDE_FLAGGED, "value", allow_duplicate=True),
        Output(ID.LOKUS_CRITERIA, "children", allow_duplicate=True),
        Output(ID.LOKUS_ADJUSTMENTS, "data", allow_duplicate=True),
        Output(ID.LOKUS_ADJUST_INFO, "children", allow_duplicate=True),
        Input(ID.LOKUS_RESET_CONFIRM, "submit_n_clicks"),
        State(ID.LOKUS_DISTRICT, "value"),
        State(ID.LOKUS_PERIOD, "value"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def reset(
        _confirmed: int | None, district: str | None, period: str | None, opened: dict[str, Any] | None, lang: str
    ) -> tuple[Any, ...]:
        return reset_values(services, district, period, opened, lang)

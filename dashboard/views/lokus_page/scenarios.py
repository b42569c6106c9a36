"""The planning page's scenarios: save, update, open, duplicate and finalise lists, and compare two of them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Permission, can
from dashboard.core.scoring import Criterion
from dashboard.data.scenarios import Scenario, ScenarioError, ScenarioVillage
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.criteria import criteria_rows
from dashboard.views.lokus_page.figures import comparison_view
from dashboard.views.lokus_page.model import annex_rows, compute, default_period_of, period_options

__all__ = [
    "CURRENT",
    "ScenarioRequest",
    "compared_lists",
    "confirmation",
    "district_choices",
    "read_only_controls",
    "scenario_action",
    "scenario_from",
    "scenario_options",
]

CURRENT = "current"  # the compare dropdowns' value for the list on screen


def scenario_options(services: Services, district: str, lang: str) -> list[dict[str, Any]]:
    store = services.store
    if store is None or not district:
        return []
    services.require_readable(district)
    return [
        {
            "label": t(
                "lokus.scenario.option",
                lang,
                year=s.year,
                name=s.name,
                n=len(s.villages),
                final=t("lokus.scenario.final_mark", lang) if s.is_final else "",
            ),
            "value": s.id,
        }
        for s in store.scenarios(district)
    ]


def scenario_from(services: Services, current: dict[str, Any], name: str, author: str, lang: str) -> Scenario:
    """The scenario to store, recomputed on the server from the page's settings (district, period, method,
    criteria, thresholds, changes by hand): villages, ranks and scores never come from the client.

    Raises :class:`ScenarioError` (``scenario.invalid``) for settings the ranking cannot read.
    """
    try:
        state = dict(current["state"])
        result = compute(services, state, lang)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise ScenarioError("scenario.invalid", error=type(error).__name__) from None
    ranks = {str(code): rank for code, rank in zip(result.table["code"], result.table["rank"], strict=True)}
    villages = tuple(
        ScenarioVillage(
            str(r["kode"]),
            None if ranks.get(str(r["kode"])) is None or pd.isna(ranks[str(r["kode"])]) else int(ranks[str(r["kode"])]),
            _number(r.get("skor")),
            _number(r.get("prevalensi")),
            _number(r.get("jumlah_stunting")),
            str(r["alasan"]),
        )
        for r in annex_rows(result)
    )
    return Scenario(
        state["district"],
        int(state["period"][:4]),
        state["period"],
        name.strip(),
        state["method"],
        state,
        villages,
        author.strip(),
    )


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def district_choices(services: Services, district: str, period: str | None, lang: str) -> tuple[Any, ...]:
    """A district's periods (by name, incomplete ones marked; the chosen one kept when it has data, else the
    default by completeness) and its saved lists for opening and comparing."""
    periods = period_options(services, district, lang)
    options = scenario_options(services, district, lang)
    current = [{"label": t("lokus.compare.current", lang), "value": CURRENT}, *options]
    value = period if period in {p["value"] for p in periods} else default_period_of(services, district)
    return periods, value, options, options, current


@dataclass(frozen=True)
class ScenarioRequest:
    """What the scenario panel sends: the button pressed and the page's choices (all checked on the server)."""

    trigger: object
    chosen: int | None
    name: str | None
    current: dict[str, Any] | None
    opened: dict[str, Any] | None
    reopen_reason: str | None = None


def scenario_action(services: Services, request: ScenarioRequest, lang: str) -> tuple[Any, ...]:
    """Save, update, open, duplicate, finalise, delete or reopen (by the button): a message, the list opened,
    and the controls.

    Everything is decided here, on the server, for the signed-in account: planners save and duplicate,
    update and delete only their own drafts; administrators finalise and reopen (with a reason); a final
    list is never changed or deleted; the author is the account, and every change is audited. Opening a
    scenario writes its settings back into the controls; a final one opens read-only.
    """
    store = services.require_store()
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    accounts = services.accounts
    keep = (no_update,) * 12
    trigger = request.trigger

    def message(text: str, colour: str = "success") -> Any:
        return dbc.Alert(text, color=colour, className="py-1 mb-0")

    def only(text: str, colour: str) -> tuple[Any, ...]:
        return (message(text, colour), *keep, no_update, no_update)

    def opened_controls(scenario: Scenario) -> tuple[Any, ...]:
        s = scenario.settings
        criteria = [Criterion.from_dict(c) for c in s.get("criteria", [])]
        return (
            {"id": scenario.id, "name": scenario.name, "final": scenario.is_final},
            s["district"],
            s["period"],
            s["method"],
            s.get("by", "top_n"),
            s.get("top_n"),
            s.get("min_score"),
            s.get("light_prevalence"),
            s.get("light_stunted"),
            bool(s.get("include_flagged", False)),
            criteria_rows(criteria, lang, disabled=scenario.is_final),
            s.get("adjustments", []),
            scenario.name,
            scenario.is_final,  # a final list is read-only: nothing to save changes to
        )

    def audit(action: str, scenario: Scenario, outcome: str = "ok", **extra: object) -> None:
        if accounts is not None:
            detail = {"name": scenario.name, "district": scenario.district_code, "year": scenario.year, **extra}
            accounts.audit(actor, action, target=str(scenario.id), detail=detail, outcome=outcome)

    def refused(action: str, scenario: Scenario | None = None, key: str = "") -> tuple[Any, ...]:
        if scenario is not None:
            audit(action, scenario, "refused")
        elif accounts is not None:
            accounts.audit(actor, action, outcome="refused")
        role = t(f"role.{actor.role}", lang)
        text = t(key, lang, author=scenario.author if scenario else "") if key else t("auth.forbidden.action", lang,
                                                                                       role=role)  # fmt: skip
        return only(text, "danger")

    def own(scenario: Scenario) -> bool:
        return scenario.author == actor.username or can(actor, Permission.FINALISE)

    try:
        if trigger in (ID.LOKUS_SAVE, ID.LOKUS_UPDATE):
            current = request.current
            if not current:
                raise PreventUpdate
            if not can(actor, Permission.SAVE_SCENARIO):
                return refused("scenario_save")
            if not services.readable(str((current.get("state") or {}).get("district"))):
                return refused("scenario_save")
            if not (request.name or "").strip():
                return only(t("lokus.scenario.need_name", lang), "warning")
            scenario = scenario_from(services, current, request.name or "", actor.username, lang)
            if trigger == ID.LOKUS_UPDATE:
                opened = request.opened
                if not opened or not isinstance(opened.get("id"), int):
                    return only(t("lokus.scenario.need_open", lang), "warning")
                stored = store.scenario(int(opened["id"]))
                if stored is None or not services.readable(stored.district_code):
                    raise ScenarioError("scenario.not_found", id=opened["id"])
                if not own(stored):
                    return refused("scenario_update", stored, "lokus.scenario.not_own")
                scenario = replace(scenario, id=stored.id, author=stored.author)
            saved = store.save_scenario(scenario)
            audit("scenario_update" if trigger == ID.LOKUS_UPDATE else "scenario_save", saved)
            return (
                message(t("lokus.scenario.saved", lang, name=saved.name)),
                {"id": saved.id, "name": saved.name, "final": False},
                *keep[1:],
                no_update,
                False,
            )
        chosen = request.opened.get("id") if trigger == ID.LOKUS_REOPEN and request.opened else request.chosen
        if trigger == ID.LOKUS_REOPEN and chosen is None:
            chosen = request.chosen
        if chosen is None:
            return only(t("lokus.scenario.need_choice", lang), "warning")
        found = store.scenario(int(chosen))
        if found is None or not services.readable(found.district_code):
            raise ScenarioError("scenario.not_found", id=chosen)
        if trigger == ID.LOKUS_OPEN:
            key = "lokus.scenario.opened_final" if found.is_final else "lokus.scenario.opened"
            return (message(t(key, lang, name=found.name, year=found.year), "info"), *opened_controls(found))
        if trigger == ID.LOKUS_DUPLICATE:
            if not can(actor, Permission.SAVE_SCENARIO):
                return refused("scenario_duplicate", found)
            copy_name = t("lokus.scenario.copy_name", lang, name=found.name)
            copy = store.save_scenario(found.copy_as(copy_name, actor.username))
            audit("scenario_duplicate", copy, source=found.id)
            return (message(t("lokus.scenario.duplicated", lang, name=copy.name)), *opened_controls(copy))
        if trigger == ID.LOKUS_DELETE_CONFIRM:
            if not can(actor, Permission.SAVE_SCENARIO):
                return refused("scenario_delete", found)
            if not own(found):
                return refused("scenario_delete", found, "lokus.scenario.not_own")
            deleted = store.delete_scenario(found.id or 0)
            audit("scenario_delete", deleted)
            cleared = None if request.opened and request.opened.get("id") == deleted.id else no_update
            return (message(t("lokus.scenario.deleted", lang, name=deleted.name), "info"), cleared, *keep[1:],
                    no_update, no_update)  # fmt: skip
        if trigger == ID.LOKUS_REOPEN:
            if not can(actor, Permission.FINALISE):
                return refused("scenario_reopen", found)
            if not found.is_final:
                return only(t("lokus.scenario.reopen.not_final", lang, name=found.name), "warning")
            reason = (request.reopen_reason or "").strip()
            if not reason:
                return only(t("lokus.scenario.reopen.need_reason", lang), "warning")
            reopened = store.reopen_scenario(found.id or 0)
            audit("scenario_reopen", reopened, reason=reason[:500])
            return (message(t("lokus.scenario.reopened", lang, name=reopened.name), "info"),
                    *opened_controls(reopened))  # fmt: skip
        if trigger != ID.LOKUS_FINALISE_CONFIRM:
            raise PreventUpdate
        if not can(actor, Permission.FINALISE):
            return refused("scenario_finalise", found)
        final = store.finalise_scenario(found.id or 0)
        audit("scenario_finalise", final)
        if request.opened and request.opened.get("id") == final.id:
            return (message(t("lokus.scenario.finalised", lang, name=final.name, year=final.year)),
                    *opened_controls(final))  # fmt: skip
        return only(t("lokus.scenario.finalised", lang, name=final.name, year=final.year), "success")
    except ScenarioError as error:
        return only(t(error.key, lang, **error.params), "danger")


def confirmation(services: Services, trigger: object, chosen: int | None, lang: str) -> tuple[bool, str, bool, str]:
    """The question before finalising or deleting the chosen scenario: (finalise shown, text, delete shown, text)."""
    if chosen is None:
        raise PreventUpdate
    found = services.require_store().scenario(int(chosen))
    actor = current_actor()
    if found is None or actor is None:
        raise PreventUpdate
    if not services.readable(found.district_code):
        raise PreventUpdate
    if trigger == ID.LOKUS_FINALISE:
        return True, t("lokus.scenario.finalise.confirm", lang, name=found.name, year=found.year), False, ""
    return False, "", True, t("lokus.scenario.delete.confirm", lang, name=found.name)


def read_only_controls(services: Services, opened: object) -> tuple[bool, ...]:
    """What the panel lets the signed-in account press, for the opened list (final as the database says, not
    the browser): the editable fieldset, the period, save, duplicate, finalise, delete, reopen. A control the
    role cannot use is disabled too; the server refuses it anyway (this only spares a useless click)."""
    final = False
    if isinstance(opened, dict) and isinstance(opened.get("id"), int):
        stored = services.require_store().scenario(int(opened["id"]))
        final = bool(stored and stored.is_final)
    actor = current_actor()
    saves = actor is not None and can(actor, Permission.SAVE_SCENARIO)
    finalises = actor is not None and can(actor, Permission.FINALISE)
    return final, final, not saves, not saves, final or not finalises, final or not saves, not (final and finalises)


def compared_lists(
    services: Services,
    trigger: object,
    a: int | str | None,
    b: int | str | None,
    current: dict[str, Any] | None,
    lang: str,
) -> Any:
    """Two lists compared (saved ones or the one on screen), or this one against last year's final list."""
    if not current:
        raise PreventUpdate
    store = services.require_store()
    district = str(current["state"]["district"])
    services.require_readable(district)
    if trigger == ID.LOKUS_COMPARE_LAST_YEAR:
        year = int(current["state"]["period"][:4]) - 1
        finals = [s for s in store.scenarios(district, year) if s.is_final]
        if not finals:
            return dbc.Alert(t("lokus.compare.no_last_year", lang, year=year), color="warning", className="py-1")
        a, b = finals[0].id, CURRENT

    def codes(choice: int | str | None) -> list[str] | None:
        if choice == CURRENT:
            return list(current["selected"])
        found = store.scenario(int(choice)) if choice is not None else None
        return found.codes if found and found.district_code == district else None  # never another district's list

    before, after = codes(a), codes(b)
    if before is None or after is None:
        return dbc.Alert(t("lokus.scenario.need_choice", lang), color="warning", className="py-1")
    return comparison_view(services, district, before, after, lang)

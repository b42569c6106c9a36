"""The planning page's scenarios: save, update, open, duplicate and finalise lists, and compare two of them."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Permission, can
from dashboard.core.scoring import Criterion
from dashboard.data.scenarios import Scenario, ScenarioError, ScenarioVillage
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services, may_read
from dashboard.views.lokus_page.criteria import criteria_rows
from dashboard.views.lokus_page.figures import comparison_view
from dashboard.views.lokus_page.model import periods_of

__all__ = ["CURRENT", "compared_lists", "district_choices", "scenario_action", "scenario_from", "scenario_options"]

CURRENT = "current"  # the compare dropdowns' value for the list on screen


def scenario_options(services: Services, district: str, lang: str) -> list[dict[str, Any]]:
    store = services.store
    if store is None or not district:
        return []
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


def scenario_from(current: dict[str, Any], name: str, author: str) -> Scenario:
    state = current["state"]
    villages = tuple(
        ScenarioVillage(
            str(r["kode"]),
            r.get("rank"),
            r.get("skor"),
            r.get("prevalensi"),
            r.get("jumlah_stunting"),
            str(r["alasan"]),
        )
        for r in current["rows"]
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


def district_choices(services: Services, district: str, period: str | None, lang: str) -> tuple[Any, ...]:
    """A district's periods (the chosen one kept when it has data) and its saved lists for opening and comparing."""
    periods = periods_of(services, district)
    options = scenario_options(services, district, lang)
    current = [{"label": t("lokus.compare.current", lang), "value": CURRENT}, *options]
    value = period if period in periods else (periods[-1] if periods else None)
    return [{"label": p, "value": p} for p in periods], value, options, options, current


def scenario_action(
    services: Services,
    trigger: object,
    chosen: int | None,
    name: str | None,
    author: str | None,
    current: dict[str, Any] | None,
    opened: dict[str, Any] | None,
    lang: str,
) -> tuple[Any, ...]:
    """Save, update, open, duplicate or finalise (by ``trigger``): a message, the list opened, and the controls.

    Opening a scenario writes its settings back into the controls; a final one opens read-only.
    """
    store = services.require_store()
    keep = (no_update,) * 11

    def message(text: str, colour: str = "success") -> Any:
        return dbc.Alert(text, color=colour, className="py-1 mb-0")

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
            criteria_rows(criteria, lang, disabled=scenario.is_final),
            s.get("adjustments", []),
            scenario.name,
            scenario.is_final,  # a final list is read-only: nothing to save changes to
        )

    # Decided on the server: who may change what, in which district; the author is the signed-in account,
    # never the text box.
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    accounts = services.accounts

    def audit(action: str, scenario: Scenario, outcome: str = "ok") -> None:
        if accounts is not None:
            accounts.audit(actor, action, target=str(scenario.id), outcome=outcome,
                           detail={"name": scenario.name, "district": scenario.district_code})  # fmt: skip

    def refused() -> tuple[Any, ...]:
        return (message(t("auth.forbidden.body", lang, role=t(f"role.{actor.role}", lang)), "danger"), *keep,
                no_update, no_update)  # fmt: skip

    def readable(district: str) -> bool:
        known = {d.code: d for d in services.source.districts()}
        return district in known and may_read(actor, known[district])

    try:
        if trigger in (ID.LOKUS_SAVE, ID.LOKUS_UPDATE):
            if not current:
                raise PreventUpdate
            if not can(actor, Permission.SAVE_SCENARIO):
                return refused()
            if not (name or "").strip():
                return (message(t("lokus.scenario.need_name", lang), "warning"), *keep, no_update, no_update)
            scenario = scenario_from(current, name or "", actor.username)
            if trigger == ID.LOKUS_UPDATE:
                if not opened:
                    return (message(t("lokus.scenario.need_open", lang), "warning"), *keep, no_update, no_update)
                stored = store.scenario(int(opened["id"]))
                if stored is None:
                    raise ScenarioError("scenario.not_found", id=opened["id"])
                if stored.author != actor.username and not can(actor, Permission.FINALISE):
                    audit("scenario_update", stored, "refused")
                    return refused()  # a planner changes only its own drafts
                scenario = Scenario(**{**scenario.__dict__, "id": stored.id})
            saved = store.save_scenario(scenario)
            audit("scenario_update" if trigger == ID.LOKUS_UPDATE else "scenario_save", saved)
            return (
                message(t("lokus.scenario.saved", lang, name=saved.name)),
                {"id": saved.id, "name": saved.name, "final": False},
                *keep[1:],
                no_update,
                False,
            )
        if chosen is None:
            return (message(t("lokus.scenario.need_choice", lang), "warning"), *keep, no_update, no_update)
        found = store.scenario(int(chosen))
        if found is None or not readable(found.district_code):
            raise ScenarioError("scenario.not_found", id=chosen)
        if trigger == ID.LOKUS_OPEN:
            key = "lokus.scenario.opened_final" if found.is_final else "lokus.scenario.opened"
            return (message(t(key, lang, name=found.name, year=found.year), "info"), *opened_controls(found))
        if trigger == ID.LOKUS_DUPLICATE:
            if not can(actor, Permission.SAVE_SCENARIO):
                return refused()
            copy = store.save_scenario(
                found.copy_as(t("lokus.scenario.copy_name", lang, name=found.name), actor.username)
            )
            audit("scenario_duplicate", copy)
            return (message(t("lokus.scenario.duplicated", lang, name=copy.name)), *opened_controls(copy))
        if not can(actor, Permission.FINALISE):
            audit("scenario_finalise", found, "refused")
            return refused()
        final = store.finalise_scenario(found.id or 0)
        audit("scenario_finalise", final)
        read_only = True if opened and opened.get("id") == final.id else no_update
        return (message(t("lokus.scenario.finalised", lang, name=final.name, year=final.year)), *keep, no_update,
                read_only)  # fmt: skip
    except ScenarioError as error:
        return (message(t(error.key, lang, **error.params), "danger"), *keep, no_update, no_update)


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
    district = current["state"]["district"]
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
        return found.codes if found else None

    before, after = codes(a), codes(b)
    if before is None or after is None:
        return dbc.Alert(t("lokus.scenario.need_choice", lang), color="warning", className="py-1")
    return comparison_view(services, district, before, after, lang)

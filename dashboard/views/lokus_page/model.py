"""The planning page's model: its state, the ranking and selection it computes, and the rows shown and exported."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.aggregate import number_or_none
from dashboard.core.completeness import Completeness, completeness_by_period, completeness_of
from dashboard.core.headline import choose_period
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.scoring import (
    FEW_CHILDREN,
    PREVALENCE,
    RAW_PREVALENCE,
    STUNTED,
    Adjustment,
    Criterion,
    Method,
    Selection,
    TrafficLight,
    apply_adjustments,
    criterion_values,
    default_criteria,
    rank_villages,
    ranking_input,
    select,
    sensitivity,
    traffic_light,
)
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.services import Services
from dashboard.views.lokus_page.inputs import criteria_from, state_from_controls
from dashboard.views.periods import period_options as period_options_of

__all__ = [
    "LokusResult",
    "Ranking",
    "annex_rows",
    "completeness_text",
    "compute",
    "criteria_for",
    "criteria_from",
    "criterion_label",
    "default_period_of",
    "default_state",
    "grid_rows",
    "period_options",
    "periods_of",
    "rank",
    "state_from_controls",
]


def criterion_label(key: str, lang: str) -> str:
    if key.startswith("gap:"):
        return t("lokus.criterion.gap", lang, label=CATALOGUE[key[4:]].label(lang))
    if key in CATALOGUE:
        return t("lokus.criterion.rate", lang, label=CATALOGUE[key].label(lang))
    return t(f"lokus.criterion.{key}", lang)


def default_state(services: Services, district: str | None = None) -> dict[str, Any]:
    """The page's starting point for a district: its default period, weighted scores, top 10, flagged values out.

    The default period is the latest one whose completeness reaches ``DASHBOARD_MIN_COMPLETENESS``
    (:func:`~dashboard.core.headline.choose_period`): a later month in which 3 of 272 villages reported is
    offered, marked, but never opened by default.
    """
    districts = services.source.districts()
    code = district or (districts[0].code if districts else "")
    period = default_period_of(services, code) or ""
    return {
        "district": code,
        "period": period,
        "method": str(Method.WEIGHTED),
        "criteria": [c.as_dict() for c in criteria_for(services, code, period, [])],
        "top_n": 10,
        "min_score": None,
        "by": "top_n",
        "light_prevalence": 14.0,
        "light_stunted": None,
        "include_flagged": False,
        "adjustments": [],
    }


def default_period_of(services: Services, district: str) -> str | None:
    """The period the page opens on for a district (see :func:`default_state`); ``None`` without data."""
    if not district:
        return None

    def choose() -> str | None:
        codes = services.source.villages(district)["code"].astype(str)
        return choose_period(services.source.observations(district), codes, services.settings.min_completeness)

    # Every period's completeness changes only with the data: kept per data version (issue 17: a fifth of a render).
    return services.kept_per_version("lokus.default_period", district, choose)


def period_options(services: Services, district: str, lang: str) -> list[dict[str, str]]:
    """The periods with stunting data by name, newest first; one below the completeness threshold is marked
    ("Februari 2026 — belum lengkap: 3 dari 272 desa") but stays selectable."""
    if not district:
        return []

    def options() -> list[dict[str, str]]:
        codes = services.source.villages(district)["code"].astype(str)
        table = completeness_by_period(services.source.observations(district), codes)
        return period_options_of([c.period for c in table], lang, table, services.settings.min_completeness)

    # Kept per data version and language (the caller copies nothing: Dash only serialises the list).
    return services.kept_per_version(f"lokus.period_options:{lang}", district, options)


def periods_of(services: Services, district: str) -> list[str]:
    """Periods with stunting data: the ones a list can be chosen from."""
    if not district:
        return []
    observations = services.source.observations(district)
    return sorted(observations.loc[observations["indicator"] == "stunting", "period"].unique().tolist())


def criteria_for(services: Services, district: str, period: str, current: list[dict[str, Any]]) -> list[Criterion]:
    """The criteria available for a district and period, keeping the planner's settings for the ones kept."""
    if not district or not period:
        return []

    def available() -> list[str]:  # the criteria with data in the period: the same until the data changes
        villages = services.source.villages(district)
        observations = services.source.observations(district)
        return criterion_values(observations, period, villages["code"].astype(str).tolist()).columns.tolist()

    columns = services.kept_per_version(f"lokus-criteria/{period}", district, available)
    known = {c["key"]: Criterion.from_dict(c) for c in current}
    return [known.get(c.key, c) for c in default_criteria(columns)]


@dataclass(frozen=True)
class LokusResult:
    """What the page shows and exports for one state."""

    # One row per village in ranking order: rank (<NA> for a village without a score or a class: listed at the end,
    # never numbered), code, desa, kecamatan, figures, status, reason.
    table: pd.DataFrame
    selected: list[str]  # the final list, in ranking order
    sensitivity: pd.DataFrame | None
    villages: int
    completeness: Completeness  # villages reporting stunting in the period, of the district's villages
    thresholds: tuple[float, float] | None = None  # traffic light: (prevalence %, number stunted) in use


@dataclass(frozen=True)
class Ranking:
    """The ranking and the list for one state, before any text: what the map needs, and what :func:`compute` writes
    out. ``observed`` holds each village's values as reported (raw prevalence, number stunted) by code."""

    ranked: pd.DataFrame  # one row per village in ranking order, by code: rank, score or light, missing
    values: pd.DataFrame  # the criteria ranked on, by code (flagged and few-children values left out)
    observed: pd.DataFrame
    left_out: pd.DataFrame
    automatic: list[str]  # the list the method chose
    chosen: list[str]  # the final list (with the changes by hand), in ranking order
    adjustments: tuple[Adjustment, ...]
    method: Method
    thresholds: tuple[float, float] | None  # traffic light: (prevalence %, number stunted) in use
    relevant: tuple[str, ...]  # the criteria the list rests on

    def status(self, code: str) -> str:
        """``added`` (by hand, in the list), ``removed`` (by hand, out of it), ``selected`` or ``""``."""
        change = next((a for a in reversed(self.adjustments) if a.code == code), None)
        if change is not None and change.action == "add" and code in self.chosen:
            return "added"
        if change is not None and change.action == "remove" and code in self.automatic:
            return "removed"
        return "selected" if code in self.chosen else ""


def rank(services: Services, state: dict[str, Any]) -> Ranking:
    """Rank, select and apply the changes by hand (no sensitivity, no text): the page's map recolours from this.

    The criteria (:func:`~dashboard.core.scoring.ranking_input`) are kept per process for the district, period and
    choice of flagged values until the district's data changes: a new weight or threshold ranks again, nothing more.
    """
    district, period = state["district"], state["period"]
    villages = services.source.villages(district)
    codes = villages["code"].astype(str).tolist()
    observations = services.source.observations(district)  # checks the reader's areas
    include_flagged = bool(state.get("include_flagged", False))
    flags = services.flags(district)
    kecamatan = villages["kecamatan_code"].astype(str).tolist()
    minimum = services.settings.min_measured
    given = services.cached(
        f"lokus-input/{period}/{include_flagged}", district,
        lambda: ranking_input(observations, period, codes, kecamatan, minimum, flags, include_flagged),
    )  # fmt: skip
    values = given.values
    method = Method(state["method"])
    criteria = [Criterion.from_dict(c) for c in state["criteria"]]
    top_n = state.get("top_n")
    by_score = state.get("by") == "min_score" and method is Method.WEIGHTED
    selection = Selection(None if by_score else top_n, state.get("min_score") if by_score else None)
    if method is Method.TRAFFIC_LIGHT:
        thresholds = TrafficLight(float(state.get("light_prevalence") or 14.0), state.get("light_stunted"))
        ranked = traffic_light(values, thresholds, _flagged_out(given.left_out, [RAW_PREVALENCE, STUNTED]))
        used: tuple[float, float] | None = (thresholds.prevalence, float(ranked.attrs["stunted_threshold"]))
        relevant = [RAW_PREVALENCE, STUNTED]
    else:
        ranked, used = rank_villages(values, criteria), None
        relevant = [c.key for c in criteria if c.enabled and c.weight > 0]
    automatic = select(ranked, selection, method)
    adjustments = tuple(Adjustment(a["code"], a["action"], a["reason"]) for a in state.get("adjustments", []))
    chosen = apply_adjustments(automatic, [str(c) for c in ranked.index], list(adjustments))
    return Ranking(
        ranked, values, given.observed, given.left_out, list(automatic), list(chosen), adjustments, method, used,
        tuple(relevant),
    )  # fmt: skip


def compute(services: Services, state: dict[str, Any], lang: str) -> LokusResult:
    """Rank, select and apply the changes by hand; every figure of the page and its exports comes from here.

    The criteria come from :func:`~dashboard.core.scoring.ranking_input`: prevalence shrunk toward the
    kecamatan, rates on fewer than ``DASHBOARD_MIN_MEASURED`` children and flagged values left out (flagged
    ones taken back in when ``state["include_flagged"]``); each row says what was left out and why.
    """
    district, period = state["district"], state["period"]
    villages = services.source.villages(district)
    codes = villages["code"].astype(str).tolist()
    observations = services.source.observations(district)
    ranking = rank(services, state)
    ranked, method, chosen = ranking.ranked, ranking.method, ranking.chosen
    top_n = state.get("top_n")
    by_score = state.get("by") == "min_score" and method is Method.WEIGHTED
    moved = None
    if method is Method.WEIGHTED and top_n and not by_score:
        criteria = [Criterion.from_dict(c) for c in state["criteria"]]
        moved = sensitivity(ranking.values, criteria, int(top_n))
    used, relevant = ranking.thresholds, list(ranking.relevant)
    last_change = {a.code: a for a in ranking.adjustments}
    given = ranking
    info = villages.set_index(villages["code"].astype(str))
    left_out = given.left_out[given.left_out["criterion"].isin(relevant)]
    notes = {str(code): group for code, group in left_out.groupby("code")}
    minimum = services.settings.min_measured
    rows = []
    for key, row in ranked.iterrows():
        code = str(key)
        prevalence = given.observed.at[code, RAW_PREVALENCE] if RAW_PREVALENCE in given.observed else np.nan
        estimate = given.observed.at[code, PREVALENCE] if PREVALENCE in given.observed else np.nan
        stunted = given.observed.at[code, STUNTED] if STUNTED in given.observed else np.nan
        score = row.get("score", np.nan)
        status = ranking.status(code)
        if status in ("added", "removed"):
            reason = t(f"lokus.reason.{status}", lang, reason=last_change[code].reason)
        elif status and method is Method.TRAFFIC_LIGHT:
            reason = t(
                "lokus.reason.light",
                lang,
                light=t(f"lokus.light.{row['light']}", lang),
                prevalence=fmt_number(number_or_none(prevalence), lang) + "%",
                stunted=fmt_int(number_or_none(stunted), lang),
            )
        elif status:
            reason = t(
                "lokus.reason.score", lang, rank=_rank(row["rank"]), score=fmt_number(number_or_none(score), lang)
            )
        else:
            reason = ""
        rows.append(
            {
                "rank": _rank(row["rank"]),  # None without a score (weighted) or a class (traffic light)
                "code": code,
                "desa": str(info.at[code, "name"]),
                "kecamatan": str(info.at[code, "kecamatan_name"]),
                "prevalensi": _rounded(prevalence, 1),
                "prevalensi_eb": _rounded(estimate, 1),
                "jumlah_stunting": _rounded(stunted, 0),
                "skor": _rounded(score, 1),
                "light": str(row["light"]) if "light" in row else None,
                "status": status,
                "alasan": reason,
                "missing": _missing_text(row.get("missing", ()) or (), notes.get(code), minimum, lang),
                "flagged": code in notes and bool((notes[code]["reason"] != FEW_CHILDREN).any()),
            }
        )
    completeness = completeness_of(observations, period, codes, STUNTING)
    table = pd.DataFrame(rows).astype({"rank": "Int64"}) if rows else pd.DataFrame(rows)
    return LokusResult(table, chosen, moved, len(villages), completeness, used)


def _rank(value: object) -> int | None:
    """A village's rank, or ``None`` when it has none: a village without a score is listed, never numbered."""
    number = number_or_none(value)
    return None if number is None else int(number)


def _flagged_out(left_out: pd.DataFrame, criteria: Sequence[str]) -> set[str]:
    """Villages with a value of ``criteria`` left out of the ranking for a plausibility flag (not taken back in)."""
    flagged = left_out[left_out["criterion"].isin(criteria) & ~left_out["kept"] & (left_out["reason"] != FEW_CHILDREN)]
    return {str(code) for code in flagged["code"]}


def _missing_text(missing: Sequence[str], left_out: pd.DataFrame | None, minimum: float, lang: str) -> str:
    """What a village's score does not rest on, and why: values left out (few children, flagged) by indicator,
    flagged values taken back in, then the criteria without data."""
    parts: list[str] = []
    noted: set[str] = set()
    if left_out is not None:
        for (indicator, reason, kept), group in left_out.groupby(["indicator", "reason", "kept"], sort=False):
            label = CATALOGUE[str(indicator)].label(lang) if str(indicator) in CATALOGUE else str(indicator)
            if reason == FEW_CHILDREN:
                size = fmt_int(number_or_none(group["denominator"].iloc[0]), lang)
                parts.append(t("lokus.left_out.few", lang, indicator=label, n=size, minimum=fmt_int(minimum, lang)))
            else:
                key = "lokus.left_out.flag_kept" if kept else "lokus.left_out.flag"
                parts.append(t(key, lang, indicator=label, flag=t(f"flag.{reason}.label", lang)))
            noted.update(str(c) for c in group["criterion"])
    parts += [criterion_label(k, lang) for k in missing if k not in noted]
    return "; ".join(parts)


def completeness_text(completeness: Completeness, minimum: float, lang: str) -> tuple[str, bool]:
    """("Data: 267 dari 272 desa melapor (98%)", complete) for the period on screen."""
    text = t(
        "lokus.completeness", lang, reporting=completeness.reporting, villages=completeness.villages,
        share=fmt_percent(completeness.share, lang, 0),
    )  # fmt: skip
    complete = completeness.complete(minimum)
    if not complete:
        text += " " + t("lokus.completeness.incomplete", lang, minimum=fmt_percent(minimum, lang, 0))
    return text, complete


def _rounded(value: object, decimals: int) -> float | None:
    number = number_or_none(value)
    return None if number is None else round(number, decimals)


def annex_rows(result: LokusResult) -> list[dict[str, object]]:
    """The selected rows as the annex lists them (same order, figures and reasons as the grid)."""
    chosen = result.table[result.table["code"].isin(result.selected)]
    order = {code: i for i, code in enumerate(result.selected)}
    chosen = chosen.assign(_order=chosen["code"].map(order)).sort_values("_order")
    return [
        {
            "kecamatan": r.kecamatan,
            "desa": r.desa,
            "kode": r.code,
            "prevalensi": r.prevalensi,
            "jumlah_stunting": r.jumlah_stunting,
            "skor": r.skor,
            "alasan": r.alasan,
        }
        for r in chosen.itertuples(index=False)
    ]


def grid_rows(result: LokusResult, lang: str) -> list[dict[str, Any]]:
    """The grid's rows: the ranked table with its status and traffic light in words, a ⚠ on flagged villages."""
    labels = {
        "selected": t("lokus.status.selected", lang),
        "added": t("lokus.status.added", lang),
        "removed": t("lokus.status.removed", lang),
        "": "",
    }
    records: list[dict[str, Any]] = json.loads(result.table.to_json(orient="records"))
    for record in records:
        record["status_label"] = labels[record["status"]]
        record["light_label"] = t(f"lokus.light.{record['light']}", lang) if record.get("light") else ""
        # Beside the village's name, where the eye is: its notes (off to the right) say which value and why.
        record["flag_mark"] = "⚠" if record.get("flagged") else ""
        # The figures in the reader's language, shown by the grid's valueFormatter (grid.grid_columns).
        for field, decimals in (("prevalensi", 1), ("prevalensi_eb", 1), ("jumlah_stunting", 0), ("skor", 1)):
            record[f"{field}_text"] = fmt_number(record.get(field), lang, decimals)
    return records

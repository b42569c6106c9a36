"""Slides e and f: the service gaps (burden × convergence map, services furthest below target) and the annual
review (last year's lokus villages then and now, kecamatan against the target, commitments kept)."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from dashboard.auth.roles import Actor
from dashboard.core.aggregate import number_or_none, village_table
from dashboard.core.change import like_for_like
from dashboard.core.gaps import BIVARIATE_PALETTE, bivariate_classes, convergence, coverage_gaps, period_change
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.data.commitments import Commitment, Commitments, Status, status_counts
from dashboard.data.scenarios import Scenario
from dashboard.figures.headline import signed
from dashboard.figures.static_map import Fill, MapSpec
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.presentation.slides import NO_DATA, GapsSlide, ReviewSlide, Table, slide_map
from dashboard.services import Services

__all__ = ["gaps_slide", "review_slide", "verdict"]

TOP_SERVICES = 3
REVIEW_ROWS = 8
KECAMATAN_ROWS = 9

# ------------------------------------------------------------------------------------------------ e. gaps


def _cell_label(cell: str, lang: str) -> str:
    """ "prevalensi tinggi, cakupan rendah" for the bivariate cell "2-0"."""
    burden = t(f"gaps.bivariate.burden.{cell[0]}", lang)
    return t("paparan.gaps.cell", lang, burden=burden, coverage=t(f"gaps.bivariate.coverage.{cell[2]}", lang))


def gaps_slide(
    services: Services, villages: gpd.GeoDataFrame, observations: pd.DataFrame, period: str, lang: str
) -> GapsSlide:
    """The burden × convergence map (the gaps page's bivariate view with its default axis) and the services whose
    district coverage is furthest below the catalogue's target."""
    codes = villages["code"].astype(str)
    gaps = coverage_gaps(observations, period)
    axis = t("gaps.view.convergence", lang)
    columns = (t("paparan.gaps.col.service", lang), t("paparan.gaps.col.coverage", lang),
               t("paparan.gaps.col.below", lang))  # fmt: skip
    if gaps.empty:
        empty = Table(columns, ())
        return GapsSlide(None, axis, (), empty, t("paparan.gaps.none", lang, period=period_label(period, lang)))
    burden = village_table(observations, STUNTING, period)["rate"].reindex(codes)
    score = convergence(gaps)["score"].reindex(codes)
    classes = bivariate_classes(burden, score).reindex(codes)
    cells = list(BIVARIATE_PALETTE)
    fills = [Fill(BIVARIATE_PALETTE[cell], _cell_label(cell, lang)) for cell in cells]
    fills.append(Fill(NO_DATA, t("paparan.map.no_data", lang), hatch="...."))
    fill_of = {str(code): cells.index(cell) for code, cell in classes["cell"].items() if isinstance(cell, str)}
    spec = MapSpec(villages, fill_of, tuple(fills), len(cells), t("paparan.gaps.legend", lang, axis=axis), lang=lang)
    grid = tuple(tuple(fmt_int(int((classes["cell"] == f"{b}-{c}").sum()), lang) for c in (0, 1, 2)) for b in (2, 1, 0))
    rows = []
    scored = []
    for key in dict.fromkeys(gaps["indicator"]):
        part = gaps[gaps["indicator"] == key]
        target = number_or_none(part["target"].iloc[0])
        numerator, denominator = float(part["numerator"].sum()), float(part["denominator"].sum())
        if target is None or denominator <= 0:
            continue
        coverage = 100.0 * numerator / denominator
        below = int((part["met"] == False).sum())  # noqa: E712 - a nullable boolean: NA (no data) is not "below"
        counted = int(part["met"].notna().sum())
        scored.append((target - coverage, key, coverage, target, below, counted))
    for shortfall, key, coverage, target, below, counted in sorted(scored, reverse=True)[:TOP_SERVICES]:
        if shortfall <= 0:
            break
        rows.append(
            (
                CATALOGUE[key].label(lang),
                t("paparan.gaps.coverage", lang, coverage=fmt_percent(coverage, lang, 0),
                  target=fmt_percent(target, lang, 0)),
                t("paparan.gaps.below", lang, below=fmt_int(below, lang), counted=fmt_int(counted, lang)),
            )
        )  # fmt: skip
    note = t("paparan.gaps.note", lang) if rows else t("paparan.gaps.all_met", lang)
    below_target = Table(columns, tuple(rows), frozenset(), note)  # the note under the table says what it counts
    return GapsSlide(slide_map("kesenjangan", spec), axis, grid, below_target, note)


# ------------------------------------------------------------------------------------------------ f. review


def _kecamatan_targets(
    observations: pd.DataFrame, villages: gpd.GeoDataFrame, period: str, target: float | None, lang: str
) -> Table:
    """Every kecamatan's prevalence (summed counts) against ``target``, highest first."""
    columns = (t("brief.col.kecamatan", lang), t("brief.col.prevalence", lang), t("paparan.review.col.status", lang))
    table = village_table(observations, STUNTING, period)
    kecamatan = villages.set_index(villages["code"].astype(str))[["kecamatan_name"]]
    sums = table[["numerator", "denominator"]].join(kecamatan, how="inner").groupby("kecamatan_name").sum()
    sums = sums[sums["denominator"] > 0]
    sums["rate"] = 100.0 * sums["numerator"] / sums["denominator"]
    ranked = sums.sort_values("rate", ascending=False)
    rows = []
    for name, row in ranked.head(KECAMATAN_ROWS).iterrows():
        rate = float(row["rate"])
        status = "" if target is None else t("paparan.review.met" if rate <= target else "paparan.review.not_met", lang)
        rows.append((str(name), fmt_percent(rate, lang), status))
    met = [] if target is None else [str(name) for name in ranked.index[ranked["rate"] <= target]]
    more = len(ranked) - len(rows)
    summary = t("paparan.review.kecamatan_more", lang, n=fmt_int(more, lang)) if more > 0 else ""
    if target is not None:
        named = t("paparan.review.kecamatan_named", lang, names=", ".join(met)) if 0 < len(met) <= 4 else ""
        counted = t("paparan.review.kecamatan_met", lang, met=len(met), total=len(ranked))
        summary = " ".join(x for x in (counted + named, summary) if x)
    return Table(columns, tuple(rows), frozenset({1}), summary)


def _review_villages(
    observations: pd.DataFrame, names: pd.DataFrame, scenario: Scenario, period: str, lang: str
) -> tuple[str, Table]:
    columns = (t("brief.col.desa", lang), period_label(scenario.period, lang), period_label(period, lang),
               t("paparan.review.col.change", lang))  # fmt: skip
    together = like_for_like(observations, STUNTING, scenario.period, period, scenario.codes)
    summary = t(
        "paparan.review.summary",
        lang,
        n=len(scenario.codes),
        year=scenario.year,
        before=fmt_percent(together.rate_before, lang),
        after=fmt_percent(together.rate_after, lang),
        change=signed(together.change, lang),
        verdict=verdict(together.significant, lang),
        compared=together.compared,
    )
    changes = period_change(observations, STUNTING, scenario.period, period)
    rows = []
    for village in scenario.villages[:REVIEW_ROWS]:
        code = village.code
        name = str(names.at[code, "name"]) if code in names.index else code
        if code in changes.index:
            row = changes.loc[code]
            before, after = number_or_none(row["rate_before"]), number_or_none(row["rate_after"])
            change = number_or_none(row["change"])
            significant = row["significant"]
            mark = "*" if not pd.isna(significant) and bool(significant) else ""
            shown = "—" if change is None else f"{signed(change, lang)}{mark}"
        else:
            before = after = None
            shown = "—"
        rows.append((name, fmt_percent(before, lang), fmt_percent(after, lang), shown))
    more = len(scenario.villages) - len(rows)
    note = t("paparan.review.more", lang, n=more) if more > 0 else ""
    return summary, Table(columns, tuple(rows), frozenset({1, 2, 3}), note)


def verdict(significant: bool | None, lang: str) -> str:
    """Whether a change is beyond chance, in words ("not compared" when no test could be made)."""
    if significant is None:
        return t("paparan.review.not_compared", lang)
    return t("paparan.review.significant" if significant else "paparan.review.not_significant", lang)


def _commitment_figures(commitments: Sequence[Commitment], lang: str) -> tuple[tuple[str, str], ...]:
    counts = status_counts(commitments)
    done = [c for c in commitments if c.status is Status.SELESAI]
    planned = [c for c in commitments if c.status is not Status.BATAL]
    budget_planned = sum(c.budget_rupiah for c in planned)
    budget_done = sum(c.budget_rupiah for c in done)
    return (
        (t("paparan.review.activities", lang), fmt_int(len(planned), lang)),
        (t("commitment.status.selesai", lang), fmt_int(counts[Status.SELESAI], lang)),
        (t("commitment.status.berjalan", lang), fmt_int(counts[Status.BERJALAN], lang)),
        (t("commitment.status.direncanakan", lang), fmt_int(counts[Status.DIRENCANAKAN], lang)),
        (t("commitment.status.batal", lang), fmt_int(counts[Status.BATAL], lang)),
        (t("paparan.review.budget", lang), t("paparan.review.budget_value", lang,
         done=_rupiah(budget_done, lang), planned=_rupiah(budget_planned, lang))),
    )  # fmt: skip


def _rupiah(value: float, lang: str) -> str:
    """Rupiah in millions ("Rp 9,5 jt", "Rp 250 jt") or billions ("Rp 3,4 M"): a budget read from the back of a room."""
    if value >= 1e9:
        return t("paparan.rupiah.billion", lang, value=fmt_number(value / 1e9, lang, 1))
    return t("paparan.rupiah.million", lang, value=fmt_number(value / 1e6, lang, 1 if value < 1e8 else 0))


def review_slide(
    services: Services,
    actor: Actor,
    district: str,
    villages: gpd.GeoDataFrame,
    observations: pd.DataFrame,
    period: str,
    own_target: float | None,
    national: float | None,
    lang: str,
) -> ReviewSlide:
    """Part f: last year's final lokus villages then and now, kecamatan against the target, commitments kept."""
    year = int(period[:4])
    names = villages.set_index(villages["code"].astype(str))[["name", "kecamatan_name"]]
    target = own_target if own_target is not None else national
    target_note = t(
        "paparan.review.target_own" if own_target is not None else "paparan.review.target_national",
        lang,
        value=fmt_percent(target, lang),
    )
    kecamatan = _kecamatan_targets(observations, villages, period, target, lang)
    store = services.store
    reviewed: Scenario | None = None
    commitments: list[Commitment] = []
    commitments_year = year - 1
    if store is not None:
        register = Commitments(store)
        reviewed, commitments = register.of_final(actor, district, year - 1)
        if not commitments:  # last year's list had none recorded: this year's rembuk, if held
            _, this_year = register.of_final(actor, district, year)
            if this_year:
                commitments, commitments_year = this_year, year
    heading = t("paparan.review.heading", lang, year=year - 1)
    if reviewed is None:
        summary = t("paparan.review.no_final", lang, year=year - 1)
        table = Table((), ())
    else:
        summary, table = _review_villages(observations, names, reviewed, period, lang)
    if commitments:
        figures = _commitment_figures(commitments, lang)
        commitments_note = t("paparan.review.commitments_note", lang, year=commitments_year)
    else:
        figures = ()
        commitments_note = t("paparan.review.no_commitments", lang, year=year - 1)
    return ReviewSlide(
        heading,
        summary,
        table,
        kecamatan,
        target_note,
        t("paparan.review.commitments", lang, year=commitments_year),
        figures,
        commitments_note,
    )

"""What the presentation's slides say, gathered from the figures every other surface shows and worded once.

:func:`build_deck` reads one district and period through :class:`~dashboard.services.Services` (so the acting
user's areas are checked) and returns a :class:`Deck` of ready strings, tables and map specifications; the page
(:mod:`dashboard.presentation.page`) only lays them out. Slides a–d take the one-page brief's content
(:func:`dashboard.brief.content.brief_content`: the headline, trend, rankings and lokus list are computed once, for
the brief and the slides alike); e (service gaps) and f (the annual review) are gathered here from
:mod:`dashboard.core.gaps` and :mod:`dashboard.core.change`.

Maps are :class:`~dashboard.figures.static_map.MapSpec` drawn by the brief's renderer without their legend
(``legend="none"``): the slide writes the legend beside the picture in its own large type. Sizes are chosen so
that one point of the renderer is :data:`PX_PER_PT` CSS pixels on a 1280×720 slide: kecamatan names of
:data:`LABEL_PT` points are 16 px there (the brief asks ≥ 14 px), and 1.5 times that on a 1920×1080 projector.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd

from dashboard.auth.roles import Actor
from dashboard.brief.content import BriefContent, BriefError, Fact, brief_content
from dashboard.core.aggregate import number_or_none, village_table
from dashboard.core.change import like_for_like
from dashboard.core.gaps import BIVARIATE_PALETTE, bivariate_classes, convergence, coverage_gaps, period_change
from dashboard.core.headline import Headline
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.data.commitments import Commitment, Commitments, Status, status_counts
from dashboard.data.scenarios import Scenario
from dashboard.figures.headline import signed
from dashboard.figures.static_map import Fill, MapSpec, circle_legend, natural_height
from dashboard.i18n import TEXTS, fmt_int, fmt_number, fmt_percent, t
from dashboard.services import Services

__all__ = [
    "LABEL_PT",
    "MAP_KINDS",
    "PX_PER_PT",
    "Deck",
    "GapsSlide",
    "LegendItem",
    "ReviewSlide",
    "SlideMap",
    "Table",
    "build_deck",
    "map_digest",
]

PX_PER_PT = 2.0  # CSS px per point of the renderer on a 1280×720 slide
LABEL_PT = 8.0  # kecamatan names: 16 px on the slide
MAP_KINDS = ("prevalensi", "lokus", "kesenjangan")
# Each map's room on the 1280×720 slide, in CSS px (the page's stylesheet gives the same boxes).
_MAP_BOX: Mapping[str, tuple[float, float]] = {
    "prevalensi": (800.0, 500.0),
    "lokus": (620.0, 500.0),
    "kesenjangan": (560.0, 500.0),
}
TOP_SERVICES = 3
REVIEW_ROWS = 8
KECAMATAN_ROWS = 9
NO_DATA = "#f7f7f7"


@dataclass(frozen=True)
class LegendItem:
    colour: str
    label: str
    count: str = ""
    hatch: str = ""  # the map's hatch ("...." dots, "////" lines), drawn alike beside it
    outline: bool = False


@dataclass(frozen=True)
class SlideMap:
    """A slide's map: the picture's specification, its legend as the page writes it, circles' sizes in CSS px."""

    kind: str
    spec: MapSpec
    legend_title: str
    items: tuple[LegendItem, ...]
    circle_title: str = ""
    circles: tuple[tuple[str, float], ...] = ()  # (count as printed, diameter in CSS px)

    @property
    def width_px(self) -> int:
        return round(self.spec.width_in * 72 * PX_PER_PT)

    @property
    def height_px(self) -> int:
        return round(self.spec.height_in * 72 * PX_PER_PT)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    more: str = ""  # "dan 4 lainnya" under a table cut short


@dataclass(frozen=True)
class GapsSlide:
    map: SlideMap | None
    axis: str  # what the bivariate map crosses with stunting
    grid: tuple[tuple[str, ...], ...]  # 3x3 counts, burden high→low rows, coverage low→high columns
    services: Table
    note: str


@dataclass(frozen=True)
class ReviewSlide:
    """Part f: last year's lokus villages then and now, kecamatan against the target, commitments."""

    heading: str
    summary: str  # the lokus villages together: like-for-like change and its significance
    villages: Table
    kecamatan: Table
    target_note: str
    commitments_heading: str
    commitment_figures: tuple[tuple[str, str], ...]  # (label, figure)
    commitments_note: str


@dataclass(frozen=True)
class Deck:
    lang: str
    district_code: str
    district_name: str
    period: str
    period_label: str
    demo_mark: str
    footer: str  # period, completeness, source: every slide states them
    glance: tuple[Fact, ...]  # part a: prevalence, stunted, change, completeness, targets
    brief: BriefContent
    maps: Mapping[str, SlideMap]
    gaps: GapsSlide
    review: ReviewSlide


def map_digest(slide_map: SlideMap) -> str:
    """A short hash of what the picture shows (classes, circles, numbers, outlines, legend texts, boundaries and
    size): the image's URL carries it, so a browser may keep the picture until the data change."""
    spec = slide_map.spec
    digest = hashlib.sha256()
    for part in (
        sorted(spec.fill_of.items()),
        [(f.colour, f.label, f.hatch) for f in spec.fills],
        sorted(spec.circles.items()),
        sorted(spec.numbers.items()),
        sorted(spec.outlined),
        spec.width_in,
        spec.height_in,
        spec.lang,
        spec.villages["code"].astype(str).tolist(),
        spec.villages.geometry.total_bounds.round(6).tolist(),
        len(spec.villages),
    ):
        digest.update(repr(part).encode())
    return digest.hexdigest()[:16]


def _slide_spec(spec: MapSpec, kind: str) -> MapSpec:
    """``spec`` without legend, title or source (the slide writes them), sized for its box on the slide."""
    width_px, height_px = _MAP_BOX[kind]
    width_in = width_px / 72 / PX_PER_PT
    bare = replace(spec, legend="none", title="", source="", width_in=width_in, label_pt=LABEL_PT, number_pt=7.0)
    return replace(bare, height_in=min(natural_height(bare), height_px / 72 / PX_PER_PT))


def _legend(spec: MapSpec) -> tuple[LegendItem, ...]:
    items = [LegendItem(f.colour, f.label, f.count, hatch=f.hatch) for f in spec.fills]
    if spec.outlined and spec.outline_label:
        items.append(LegendItem("#ffffff", spec.outline_label, outline=True))
    return tuple(items)


def _slide_map(kind: str, spec: MapSpec) -> SlideMap:
    fitted = _slide_spec(spec, kind)
    circles = tuple((fmt_int(value, spec.lang), diameter * PX_PER_PT) for value, diameter in circle_legend(fitted))
    return SlideMap(kind, fitted, spec.legend_title, _legend(spec), spec.circle_title, circles)


# ------------------------------------------------------------------------------------------------ e. gaps


def _cell_label(cell: str, lang: str) -> str:
    """ "prevalensi tinggi, cakupan rendah" for the bivariate cell "2-0"."""
    burden = t(f"gaps.bivariate.burden.{cell[0]}", lang)
    return t("paparan.gaps.cell", lang, burden=burden, coverage=t(f"gaps.bivariate.coverage.{cell[2]}", lang))


def _gaps(
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
    return GapsSlide(_slide_map("kesenjangan", spec), axis, grid, below_target, note)


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
        verdict=_verdict(together.significant, lang),
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


def _verdict(significant: bool | None, lang: str) -> str:
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


def _review(
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


# ------------------------------------------------------------------------------------------------ a. and the footer


def _glance(headline: Headline, own_target: float | None, lang: str) -> tuple[Fact, ...]:
    """Part a in the few words a slide holds: the key figure and at most one line under it."""
    change = headline.change
    if change is None or change.change is None:
        moved, moved_note = "—", t("paparan.a.no_change", lang)
        since = t("paparan.a.change", lang)
    else:
        arrow = "▼ " if change.change < 0 else "▲ " if change.change > 0 else ""
        moved = arrow + signed(change.change, lang)
        moved_note = _verdict(change.significant, lang)
        since = t("paparan.a.change_since", lang, period=period_label(change.before, lang))
    interval = (
        t("paparan.a.interval", lang, low=fmt_number(headline.low, lang), high=fmt_percent(headline.high, lang))
        if headline.low is not None and headline.high is not None
        else ""
    )
    done = headline.completeness
    share = done.measured_share if done.measured_share is not None else done.share
    reporting = t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )
    own = (
        t("paparan.a.own_target", lang, value=fmt_percent(own_target, lang))
        if own_target is not None
        else t("paparan.a.own_target.none", lang)
    )
    return (
        Fact(t("kpi.prevalence", lang), fmt_percent(headline.rate, lang), (interval,) if interval else ()),
        Fact(t("kpi.stunted", lang), fmt_int(headline.numerator, lang),
             (t("paparan.a.measured", lang, measured=fmt_int(headline.denominator, lang)),)),
        Fact(since, moved, (moved_note,)),
        Fact(t("paparan.a.completeness" if done.measured_share is not None else "paparan.a.reporting_share", lang),
             fmt_percent(share, lang, 0), (_measured_of_target(headline, lang) or reporting,)),
        Fact(t("paparan.a.national_target", lang), fmt_percent(headline.target, lang, 0), (own,)),
    )  # fmt: skip


def _measured_of_target(headline: Headline, lang: str) -> str:
    """ "87.518 dari 105.502 sasaran diukur" where the target children are known, else ""."""
    done = headline.completeness
    if done.measured_share is None or done.measured is None or done.target is None:
        return ""
    return t("paparan.a.measured_of", lang, measured=fmt_int(done.measured, lang), target=fmt_int(done.target, lang))


def _reporting(headline: Headline, lang: str) -> str:
    done = headline.completeness
    return t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )


def _completeness(headline: Headline, lang: str) -> str:
    """ "267 dari 272 desa melapor, 83% sasaran diukur" (and "belum lengkap" under the threshold)."""
    done = headline.completeness
    text = t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )
    if done.measured_share is not None:
        text += ", " + t("paparan.footer.measured", lang, share=fmt_percent(done.measured_share, lang, 0))
    if not headline.complete:
        text += f" ({t('completeness.incomplete', lang)})"
    return text


def _source(services: Services, district: str, lang: str) -> str:
    """ "Sumber: indikator, batas desa (impor terakhir 30/11/2026)": the kinds of import that hold the district's
    data and the newest import's day (the brief and the annex name every file; a slide has one line for it)."""
    store = services.store
    if store is None:
        return t("brief.source.none", lang)
    found = [info for info in store.datasets() if district in info.districts and info.status == "imported"]
    if not found:
        return t("brief.source.none", lang)
    kinds = dict.fromkeys(t(f"paparan.kind.{info.kind}", lang) if f"paparan.kind.{info.kind}" in TEXTS else info.kind
                          for info in found)  # fmt: skip
    newest = max(info.created_at for info in found)
    return t("paparan.footer.source", lang, kinds=", ".join(kinds), day=newest.strftime("%d/%m/%Y"))


# ------------------------------------------------------------------------------------------------ the deck


def build_deck(services: Services, actor: Actor, district_code: str, period: str | None, lang: str) -> Deck:
    """Every slide's content for a district and period (the main page's default period when ``None``).

    Call inside :func:`~dashboard.auth.context.acting_as` ``actor``. Raises
    :class:`~dashboard.brief.content.BriefError` for an unknown district or a period without data and
    :class:`~dashboard.auth.roles.Forbidden` outside the actor's areas.
    """
    brief = brief_content(services, district_code, period, lang)
    period = brief.period
    villages = services.source.villages(district_code)
    observations = services.source.observations(district_code)
    maps = {"prevalensi": _slide_map("prevalensi", brief.prevalence_map)}
    if brief.lokus_map is not None:
        maps["lokus"] = _slide_map("lokus", brief.lokus_map)
    gaps = _gaps(services, villages, observations, period, lang)
    if gaps.map is not None:
        maps["kesenjangan"] = gaps.map
    review = _review(services, actor, district_code, villages, observations, period, brief.own_target,
                     brief.national_target, lang)  # fmt: skip
    label = period_label(period, lang)
    headline = services.headline(district_code, period)
    if headline is None:  # brief_content found data for this period: only a concurrent removal gets here
        raise BriefError("brief.no_data", code=district_code, period=period)
    parts = [label, _completeness(headline, lang), _source(services, district_code, lang)]
    if brief.demo_mark:
        parts.append(brief.demo_mark)
    return Deck(
        lang=lang,
        district_code=district_code,
        district_name=brief.district.name,
        period=period,
        period_label=label,
        demo_mark=brief.demo_mark,
        footer=" · ".join(parts),
        glance=_glance(headline, brief.own_target, lang),
        brief=brief,
        maps=maps,
        gaps=gaps,
        review=review,
    )

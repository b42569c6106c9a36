"""The gaps page's figures: the map of each view (the map component) with its legend, and the village × service
gap matrix (a plotly chart)."""

from __future__ import annotations

import html as markup
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.components import bivariate_classes as bivariate_bytes
from dashboard.components import encode_classes
from dashboard.core.aggregate import number_or_none, village_table
from dashboard.core.gaps import BIVARIATE_PALETTE, bivariate_classes, convergence, coverage_gaps
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.figures import village_facts as facts
from dashboard.figures.labels import label_text
from dashboard.figures.map import NO_DATA_COLOUR, OUTSIDE_COLOUR
from dashboard.figures.map_tiers import MapDraw
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.gaps_page.change import CLASS_ORDER, ChangeMap, change_colours, change_legend, hover_lines
from dashboard.views.gaps_page.matrix import GAP_COLOURS, gap_class, gap_label
from dashboard.views.gaps_page.model import CONVERGENCE, View, coverage_keys, flagged
from dashboard.views.gaps_page.titles import view_title
from dashboard.views.map_page.choropleth import district_of, map_component_static, map_labels

__all__ = ["BANDS", "BIVARIATE_COLOURS", "NO_DATA_COLOUR", "export_filename", "gaps_map", "map_static", "plain_text"]

# The 3×3 map's colours: core's palette with its lightest cell ("low burden, high coverage", a neutral grey there)
# tinted pale teal, the low-burden row's hue, so no real class reads as "no data" (NO_DATA_COLOUR, the app's grey).
BIVARIATE_COLOURS: dict[str, str] = BIVARIATE_PALETTE | {"0-2": "#e6f5f5"}
# The banded views' classes: each with its colours, lowest class first, and its class of a value.
SHARE_COLOURS = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")  # 0-20 ... 80-100 %
BANDS = {View.GAP: GAP_COLOURS, View.COVERAGE: SHARE_COLOURS, View.CONVERGENCE: SHARE_COLOURS}


def _share_class(value: float) -> int:
    """0..4: 0-20, 20-40, 40-60, 60-80, 80-100 (%)."""
    return min(int(value // 20), len(SHARE_COLOURS) - 1)


def _band_label(view: str, cls: int, lang: str) -> str:
    if view == View.GAP:
        return gap_label(cls, lang)
    return t("gaps.legend.share_band", lang, low=fmt_int(20 * cls, lang), high=fmt_int(20 * (cls + 1), lang))


def _geojson_url(services: Services, district: str) -> str:
    """The villages' GeoJSON URL, by ``gaps_page.services_url``.

    Looked up on the package when called (the package imports this module, so not at import time): the package's
    name stays the one to replace where no app is serving to resolve the URL against, as in the page's tests.
    """
    from dashboard.views import gaps_page

    return gaps_page.services_url(services, district)


def plain_text(text: str) -> str:
    r"""A hover written for plotly's markup (``<b>``, ``<br>``, escaped names) as the map component's plain text.

    >>> plain_text("<b>Desa &amp; Co</b><br>12%")
    'Desa & Co\n12%'
    """
    return markup.unescape(re.sub(r"</?b>", "", text).replace("<br>", "\n"))


def export_filename(services: Services, district: str) -> str:
    """The map's PNG file name, naming the district (and the demo as fictional): ``peta_kesenjangan_99.01_...png``.

    >>> re.sub(r"[^0-9a-z.]+", "_", "Kab. Contoh (Demo)".lower()).strip("_")
    'kab._contoh_demo'
    """
    if not district:
        return "peta_kesenjangan.png"
    found = district_of(services, district)
    name = re.sub(r"[^0-9a-z]+", "_", found.name.lower()).strip("_")
    return f"peta_kesenjangan_{district}_{name}" + ("_data_contoh_fiktif" if found.is_demo else "") + ".png"


def map_static(services: Services, lang: str, district: str = "") -> dict[str, Any]:
    """The gaps map's props that no choice but the district changes: no-data grey, texts, export's date and file."""
    labels = map_labels(lang) | {"mark_flagged": t("legend.flagged", lang)}
    return map_component_static(services, lang) | {
        "no_data_colour": NO_DATA_COLOUR, "labels": labels, "export_filename": export_filename(services, district),
    }  # fmt: skip


def _services_hover(
    observations: pd.DataFrame, flags: pd.DataFrame, villages: pd.DataFrame, period: str, lang: str
) -> dict[str, str]:
    """Each village's name, kecamatan, stunting prevalence and the coverage of every service in ``period``, and
    its flagged values named: one text for every view but the change (they travel once per district and period)."""
    keys = [STUNTING, *coverage_keys(observations[observations["period"] == period])]
    rates = {key: village_table(observations, key, period)["rate"] for key in keys}
    marks = flagged(flags, keys, period, lang, named=True)
    texts = {}
    for code, name, kecamatan in villages[["code", "name", "kecamatan_name"]].astype(str).itertuples(index=False):
        lines = [name, t("hover.kecamatan", lang, name=kecamatan)]
        for key in keys:
            rate = number_or_none(rates[key].get(code))
            if facts.is_village_fact(key):  # a yes/no answer in words, "KPM aktif: Tidak"
                lines.append(facts.fact_hover(key, rate, lang))
                continue
            lines.append(f"{CATALOGUE[key].label(lang)}: {fmt_percent(rate, lang) if rate is not None else '—'}")
        if code in marks:
            lines.append(plain_text(marks[code]))
        texts[code] = "\n".join(lines)
    return texts


def _planner_target(state: dict[str, Any]) -> dict[str, float] | None:
    """The target the planner typed for the chosen service, overriding the catalogue's; ``None`` when none."""
    indicator, target = state.get("indicator"), state.get("target")
    return {str(indicator): float(target)} if target is not None and indicator else None


def _target(state: dict[str, Any], gaps: pd.DataFrame) -> float | None:
    rows = gaps[gaps["indicator"] == state["indicator"]]["target"].dropna()
    return float(rows.iloc[0]) if len(rows) else None


def _flag_legend(marks: Mapping[str, str], codes: Sequence[str], lang: str) -> Any:
    """A line under the legend naming how many villages in view carry a flag, or nothing."""
    n = sum(1 for code in codes if code in marks)
    if not n:
        return None
    return html.P(t("gaps.flag.legend", lang, n=n), className="small flag-legend mb-1", id=ID.GAPS_FLAG_LEGEND)


def _entry(colour: str, label: str, count: int, lang: str) -> html.Div:
    return html.Div(
        [
            html.Span(className="legend-swatch", style={"background": colour}),
            html.Span(label),
            html.Span(t("legend.villages", lang, n=fmt_int(count, lang)), className="legend-count"),
        ],
        className="legend-entry",
    )


@dataclass(frozen=True)
class _Colours:
    """One view's classes of the villages shown, colours, flagged villages, page legend and exported legend."""

    classes: list[int | None]
    palette: list[str]
    marks: Mapping[str, str]
    legend: Any
    entries: list[tuple[str, str, int]]  # the exported legend: colour, label, villages
    title: str
    bivariate: dict[str, Any] | None = None


def _banded(view: str, values: pd.Series, marks: Mapping[str, str], intro: str, title: str, lang: str) -> _Colours:
    colours = list(BANDS[view])
    band = gap_class if view == View.GAP else _share_class
    classes = [None if number_or_none(v) is None else band(float(v)) for v in values]
    entries = [(colour, _band_label(view, i, lang), classes.count(i)) for i, colour in enumerate(colours)]
    entries.append((NO_DATA_COLOUR, t("legend.no_data", lang), classes.count(None)))
    legend = html.Div(
        [
            html.P(intro, className="small text-muted mb-1"),
            html.Div([_entry(c, label, n, lang) for c, label, n in entries], className="legend gaps-bands"),
            _flag_legend(marks, list(values.index), lang),
        ]
    )
    return _Colours(classes, colours, marks, legend, entries, title)


def _fact(indicator: str, values: pd.Series, marks: Mapping[str, str], title: str, lang: str) -> _Colours:
    """A yes/no village fact in its two classes by name ("Tanpa KPM aktif", "KPM aktif"), under a count of the
    villages without it ("2 dari 4 desa tanpa KPM aktif"), whether the gap or the coverage view was chosen."""
    found = facts.fact_classification([number_or_none(v) for v in values])
    classes: list[int | None] = [None if c < 0 else c for c in found.classes]
    counts = [r.count for r in found.ranges]
    names = facts.fact_labels(indicator, lang)
    entries = [(colour, name, n) for colour, name, n in zip(facts.FACT_COLOURS, names, counts, strict=True)]
    entries.append((NO_DATA_COLOUR, t("legend.no_data", lang), found.no_data))
    intro = facts.fact_count(indicator, counts[0], sum(counts), lang)
    legend = html.Div(
        [
            html.P(intro, className="small fw-semibold mb-1"),
            html.Div([_entry(c, label, n, lang) for c, label, n in entries], className="legend gaps-bands"),
            _flag_legend(marks, list(values.index), lang),
        ]
    )
    return _Colours(classes, list(facts.FACT_COLOURS), marks, legend, entries, title)


def _view_colours(services: Services, district: str, codes: pd.Series, state: dict[str, Any], lang: str) -> _Colours:
    """The classes of the villages ``codes`` (those shown) in the chosen view, with its legends."""
    observations = services.source.observations(district)
    flags = services.flags(district)
    period, indicator, view = state["period"], state["indicator"], state["view"]
    if view == View.CHANGE:
        return _change_colours(services, district, codes, observations, flags, state, lang)
    gaps = _coverage_gaps(services, district, observations, period, _planner_target(state))
    if view == View.BIVARIATE:
        return _bivariate_colours(observations, gaps, flags, codes, state, lang)
    if view == View.CONVERGENCE:
        values = convergence(gaps)["score"].reindex(codes)
        marks = flagged(flags, sorted(set(gaps["indicator"])), period, lang)
        intro = t("gaps.legend.convergence", lang)
    else:
        marks = flagged(flags, [indicator] if indicator else [], period, lang)
        one = gaps[gaps["indicator"] == indicator].set_index("code").reindex(codes)
        values = one["gap"] if view == View.GAP else one["coverage"]
        if facts.is_village_fact(indicator):
            values = one["coverage"].set_axis(codes.to_numpy())
            shown = {c: m for c, m in marks.items() if c in set(codes)}
            return _fact(indicator, values, shown, view_title(state, lang), lang)
        # The gap view explains the gap; the coverage view only the target it is read against.
        key = "gaps.legend.target" if view == View.GAP else "gaps.legend.coverage_target"
        intro = t(key, lang, target=fmt_number(_target(state, gaps), lang))
    values.index = codes.to_numpy()
    title = view_title(state, lang)
    return _banded(view, values, {c: m for c, m in marks.items() if c in set(codes)}, intro, title, lang)


def _coverage_gaps(services: Services, district: str, observations: pd.DataFrame, period: str,
                   target: dict[str, float] | None) -> pd.DataFrame:  # fmt: skip
    """:func:`coverage_gaps` of the district's period with the planner's target, kept per data version (every view
    and every render of the page reads it; only an import changes it). Shared: callers never modify it."""
    key = f"gaps/coverage/{period}/" + (json.dumps(target, sort_keys=True) if target else "")
    return services.kept_per_version(key, district, lambda: coverage_gaps(observations, period, target))


def _bivariate_colours(
    observations: pd.DataFrame, gaps: pd.DataFrame, flags: pd.DataFrame, codes: pd.Series, state: dict[str, Any],
    lang: str,
) -> _Colours:  # fmt: skip
    """Stunting prevalence (rows) × coverage or convergence (columns), tertiles each: class ``3 × burden +
    coverage`` of the component's bivariate palette; the legend grid counts each cell."""
    burden = village_table(observations, STUNTING, state["period"])["rate"].reindex(codes)
    if state.get("axis") == CONVERGENCE:
        coverage = convergence(gaps)["score"].reindex(codes)
        axis = t("gaps.view.convergence", lang)
        services_used = sorted(set(gaps["indicator"]))
    else:
        coverage = gaps[gaps["indicator"] == state["indicator"]].set_index("code")["coverage"].reindex(codes)
        axis = CATALOGUE[state["indicator"]].label(lang)
        services_used = [state["indicator"]]
    marks = flagged(flags, [STUNTING, *services_used], state["period"], lang)
    classes = bivariate_classes(burden, coverage).reindex(codes)
    cells = [None if not isinstance(cell, str) else tuple(int(p) for p in cell.split("-")) for cell in classes["cell"]]
    bytes_ = bivariate_bytes([c[1] if c else None for c in cells], [c[0] if c else None for c in cells], 3)
    palette = [BIVARIATE_COLOURS[f"{b}-{c}"] for b in range(3) for c in range(3)]
    grid = []
    for burden_class in (2, 1, 0):
        row = [html.Td(t(f"gaps.bivariate.burden.{burden_class}", lang), className="small pe-1")]
        for coverage_class in (0, 1, 2):
            key = f"{burden_class}-{coverage_class}"
            count = int((classes["cell"] == key).sum())
            colour = {"background": BIVARIATE_COLOURS[key], "width": "2.6rem", "textAlign": "center"}
            row.append(html.Td(str(count), style=colour, className="small bivariate-cell"))
        grid.append(html.Tr(row))
    grid.append(
        html.Tr([html.Td()] + [html.Td(t(f"gaps.bivariate.coverage.{c}", lang), className="small") for c in (0, 1, 2)])
    )
    no_data = bytes_.count(None)
    shown = {c: m for c, m in marks.items() if c in set(codes)}
    legend = html.Div(
        [
            html.P(t("gaps.bivariate.legend", lang, axis=axis), className="small mb-1"),
            html.Table(html.Tbody(grid), className="bivariate-legend", id=ID.GAPS_BIVARIATE_LEGEND),
            _entry(NO_DATA_COLOUR, t("gaps.bivariate.no_data", lang), no_data, lang),
            _flag_legend(shown, list(codes), lang),
        ]
    )
    entries = [(NO_DATA_COLOUR, t("gaps.bivariate.no_data", lang), no_data)]
    title = view_title(state, lang)
    bivariate = {"size": 3, "x_label": axis, "y_label": CATALOGUE[STUNTING].label(lang)}
    return _Colours(bytes_, palette, shown, legend, entries, title, bivariate)


def _change_colours(
    services: Services, district: str, codes: pd.Series, observations: pd.DataFrame, flags: pd.DataFrame,
    state: dict[str, Any], lang: str,
) -> _Colours:  # fmt: skip
    """Villages in four classes (no value, not significant, fall, rise) with the scope's like-for-like change."""
    indicator = state.get("change_indicator") or STUNTING
    before, after = state.get("before"), state["period"]
    if not before or before == after:
        legend = dbc.Alert(t("gaps.change.need", lang), color="info")
        return _Colours([None] * len(codes), [], {}, legend, [], view_title(state, lang))
    change = ChangeMap(observations, codes, indicator, before, after, flagged(flags, [indicator], after, lang))
    villages = services.source.villages(district)
    inside = villages[villages["code"].astype(str).isin(set(codes))]
    kecamatan = state.get("kecamatan")
    scope = (
        t("gaps.crumb.kecamatan", lang, name=inside["kecamatan_name"].iloc[0])
        if kecamatan and len(inside)
        else str(state.get("district_name") or "")
    )
    legend = change_legend(change, observations, inside, scope, by_kecamatan=not kecamatan, lang=lang)
    colours = change_colours(indicator)
    counts = change.counts()
    entries = [(colours[cls], t(f"gaps.change.class.{cls.value}", lang), counts[cls]) for cls in CLASS_ORDER]
    title = view_title(state, lang)
    return _Colours(
        [CLASS_ORDER.index(cls) for cls in change.classes], [colours[cls] for cls in CLASS_ORDER], change.flags,
        legend, entries, title,
    )  # fmt: skip


def _change_hover(
    services: Services, district: str, villages: pd.DataFrame, state: dict[str, Any], lang: str
) -> dict[str, str]:
    indicator = state.get("change_indicator") or STUNTING
    before, after = state.get("before"), state["period"]
    codes = villages["code"].astype(str)
    names = dict(zip(codes, villages["name"].astype(str), strict=True))
    if not before or before == after:
        return names
    observations = services.source.observations(district)
    flags = flagged(services.flags(district), [indicator], after, lang)
    change = ChangeMap(observations, codes, indicator, before, after, flags)
    return {code: plain_text(hover_lines(change, code, cls, label_text(names[code]), lang))
            for code, cls in zip(change.codes, change.classes, strict=True)}  # fmt: skip


def gaps_map(services: Services, district: str, villages: pd.DataFrame, state: dict[str, Any], lang: str) -> MapDraw:
    """The map of the chosen view for the villages ``villages`` (the district's, or the kecamatan's drilled into):
    the district's geometry by URL with its codes (once per district), the view fitted to the villages shown
    (a new kecamatan), hover texts (once per district and period; the change view's once per comparison), and the
    classes (the villages not shown in the pale "outside" class after the view's own), flagged outlines and legends.
    """
    everyone = services.source.villages(district)
    codes = [str(code) for code in everyone["code"]]
    inside = villages["code"].astype(str).reset_index(drop=True)
    found = _view_colours(services, district, inside, state, lang)
    outside = len(found.palette)
    by_code = dict(zip(inside, found.classes, strict=True))
    classes = [by_code.get(code, outside) for code in codes]
    name = district_of(services, district).name
    period = state["period"]
    colours = {
        "classes": encode_classes(classes),
        "palette": [*found.palette, OUTSIDE_COLOUR],
        "marks": dict.fromkeys(found.marks, "flagged"),
        "bivariate": found.bivariate,
        "export_title": t("print.map.title", lang, district=name, title=found.title),
        "export_legend": [[colour, f"{label} ({fmt_int(n, lang)})"] for colour, label, n in found.entries],
        "export_source": t("map.export.source", lang, district=name, period=period_label(period, lang)),
        "export_mark": t("demo.badge", lang).upper() if district_of(services, district).is_demo else None,
    }
    kecamatan = state.get("kecamatan") or ""
    bounds = bounds_of(villages if len(villages) else everyone)
    view_key = f"{district}/{kecamatan}"
    if state["view"] == View.CHANGE:
        hover_key = f"{district}/{period}/change/{state.get('change_indicator')}/{state.get('before')}"
        hover = lambda: {"hover_text": _change_hover(services, district, everyone, state, lang)}  # noqa: E731
    else:
        hover_key = f"{district}/{period}"

        def hover() -> dict[str, Any]:  # the same texts for every view, choice and reader: kept per data version
            def texts() -> dict[str, str]:
                observations, flags = services.source.observations(district), services.flags(district)
                return _services_hover(observations, flags, everyone, period, lang)

            return {"hover_text": services.kept_per_version(f"gaps/hover/{period}/{lang}", district, texts)}

    return MapDraw(
        district=(district, lambda: {"geojson_url": _geojson_url(services, district), "codes": codes}),
        view=(
            view_key,
            lambda: {"bounds": [bounds.west, bounds.south, bounds.east, bounds.north], "view_revision": view_key},
        ),
        hover=(hover_key, hover),
        colours=colours,
        legend=found.legend,
    )

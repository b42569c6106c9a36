"""The main page's map for a choice: the map component's props, legend, title and KPI cards, and what a change of
choice sends (class bytes and the legend for a new classification; hover texts and marks for a new indicator or
period; geometry only for a new district)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
import geopandas as gpd
import pandas as pd
from dash import html, no_update

from dashboard.core.aggregate import Measure
from dashboard.core.classify import Classification
from dashboard.core.headline import Headline
from dashboard.core.indicators import Kind, get_indicator
from dashboard.core.periods import period_label
from dashboard.core.plausibility import flags_for
from dashboard.data.source import District
from dashboard.figures.headline import change_text, completeness_text, flag_text, interval_text
from dashboard.figures.map import (
    NO_DATA_COLOUR,
    MapValues,
    class_bytes,
    classes_legend,
    hex_colour,
    hover_texts,
    map_classes,
    map_values,
    marks,
    palette,
)
from dashboard.figures.village_facts import fact_count, is_village_fact
from dashboard.geo import Bounds, bounds_of
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.geojson_route import geojson_path
from dashboard.views.map_page.choice import ALL, MapChoice, comparison_options, measure_label
from dashboard.views.map_page.two_numbers import two_numbers_panel

__all__ = [
    "MAP_PROPS",
    "MapLayer",
    "MapView",
    "completeness_line",
    "district_of",
    "export_filename",
    "flags_panel",
    "kpi_cards",
    "map_labels",
    "map_props",
    "map_view",
    "recoloured",
    "services_url",
]

# The map component's props the recolour callback may send, in the order of its outputs.
MAP_PROPS = ("geojson_url", "codes", "classes", "palette", "marks", "hover_text", "bounds", "view_revision",
             "export_title", "export_legend", "export_source", "export_mark", "export_filename")  # fmt: skip
_CLASSES = {"classes", "palette", "export_legend"}
_VALUES = _CLASSES | {"marks", "hover_text", "export_title", "export_source", "export_filename"}
_VIEW = _VALUES | {"bounds", "view_revision"}
# What each control's change sends to the map: new geometry only with a new district; a new classification sends
# one byte per village and the legend, never the hover texts (they depend on the indicator and period alone).
_SENT: Mapping[str, frozenset[str]] = {
    ID.DISTRICT: frozenset(MAP_PROPS),
    ID.KECAMATAN: frozenset(_VIEW),
    ID.INDICATOR: frozenset(_VALUES),
    ID.PERIOD: frozenset(_VALUES),
    ID.SCHEME: frozenset(_CLASSES),
    ID.CLASSES: frozenset(_CLASSES),
    ID.COMPARE: frozenset(),
}
_CLASSIFICATION = {ID.SCHEME, ID.CLASSES}  # a change of these alone needs no headline, hover or marks


@dataclass(frozen=True)
class MapView:
    """Everything the page shows for one choice: map values, legend, title, headline cards and flags."""

    values: MapValues
    legend: html.Div
    title: str
    kpis: list[Any]
    scope: Any
    flags: Any
    compare: list[dict[str, str]]  # comparison period options
    before: str | None  # the comparison period used
    codes: list[str]  # every village of the district, in the map's order (the component's ``codes``)
    bounds: Bounds  # of the villages shown
    view_revision: str  # the map fits the bounds when it changes (a new district or kecamatan)
    two_numbers: Any = None  # the survey estimate beside the routine figure (two_numbers_panel), or None


@dataclass(frozen=True)
class MapLayer:
    """What a new classification of one measure, period and kecamatan needs, kept per process until the district's
    data changes, so that changing the scheme or the number of classes costs a classification and nothing else."""

    codes: tuple[str, ...]  # every village of the district, in the map's order
    shown: tuple[str, ...]  # the villages shown (the kecamatan's, or all)
    values: tuple[float | None, ...]  # the value of each village shown (None: no data)
    kind: Kind
    unreliable: int  # villages outlined: too few children measured
    flagged: int  # villages outlined: a plausibility flag


def _villages_in_view(villages: gpd.GeoDataFrame, kecamatan: str) -> gpd.GeoDataFrame:
    return villages if kecamatan == ALL else villages[villages["kecamatan_code"] == kecamatan]


def district_of(services: Services, code: str) -> District:
    return next(d for d in services.source.districts() if d.code == code)


def _legend(
    classification: Classification, colours: list[str], layer: MapLayer, measure: Measure, min_measured: int, lang: str
) -> html.Div:
    def entry(swatch: html.Span, text: str, count: str) -> html.Div:
        return html.Div(
            [swatch, html.Span(text, className="legend-range"), html.Span(count, className="legend-count")],
            className="legend-entry",
        )

    extra = []
    if is_village_fact(measure.indicator):  # the scope's aggregate as villages, "2 dari 40 desa tanpa KPM aktif"
        without, having = (r.count for r in classification.ranges)
        note = fact_count(measure.indicator, without, without + having, lang)
        extra.append(html.Div(note, className="legend-note small fw-semibold mt-1"))
    if layer.unreliable:
        extra.append(entry(html.Span(className="legend-swatch legend-unreliable"),
                           t("legend.unreliable", lang, n=min_measured),
                           t("legend.villages", lang, n=layer.unreliable)))  # fmt: skip
    if layer.flagged:
        extra.append(entry(html.Span(className="legend-swatch legend-flagged"), t("legend.flagged", lang),
                           t("legend.villages", lang, n=layer.flagged)))  # fmt: skip
    return html.Div(
        [
            html.Div(t("legend.title", lang), className="legend-title"),
            *[
                entry(html.Span(className="legend-swatch", style={"backgroundColor": colour}), text, count)
                for colour, text, count in classes_legend(classification, colours, measure, lang)
            ],
            *extra,
        ]
    )


def map_view(services: Services, choice: MapChoice, lang: str) -> MapView:
    """The handler behind the map callbacks: a plain function of the data and the choice."""
    villages = services.source.villages(choice.district)
    observations = services.source.observations(choice.district)
    shown = _villages_in_view(villages, choice.kecamatan)
    measure = Measure.parse(choice.measure)
    bounds = bounds_of(shown)
    # The classes, colours and hover texts of a choice change only with the data: kept per data version (issue 17:
    # with the flags of the choice, two thirds of a recolour's time under load).
    values = services.kept_per_version(
        f"map.values:{measure.value}:{choice.period}:{choice.kecamatan}:{choice.scheme}:{choice.k}:{lang}",
        choice.district,
        lambda: map_values(
            shown, observations, measure, choice.period, choice.scheme, choice.k, lang, bounds,
            services.settings.min_measured,
            flags_for(services.flags(choice.district), measure.indicator, choice.period),
        ),
    )  # fmt: skip
    codes = [str(code) for code in villages["code"]]
    layer = services.cached(_layer_key(choice), choice.district, lambda: _layer(codes, values, measure))
    period = period_label(choice.period, lang) if choice.period else ""
    if not choice.period:  # boundaries without figures yet: say so, never a heading that ends in a comma
        title = t("map.title.no_data", lang, measure=measure_label(measure, lang))
        scope = t("kpi.scope.no_data", lang, name=district_of(services, choice.district).name)
    elif choice.kecamatan == ALL:
        title = t("map.title", lang, measure=measure_label(measure, lang), period=period)
        scope = t("kpi.scope.district", lang, name=district_of(services, choice.district).name, period=period)
    else:
        name = str(shown["kecamatan_name"].iloc[0])
        title = t("map.title.kecamatan", lang, measure=measure_label(measure, lang), kecamatan=name, period=period)
        scope = t("kpi.scope.kecamatan", lang, name=name, period=period)
    periods = sorted(observations["period"].unique())
    compare = comparison_options(periods, choice.period, lang)
    before = choice.compare if choice.compare in {o["value"] for o in compare} else None
    headline = services.headline(
        choice.district, choice.period or None, before, None if choice.kecamatan == ALL else choice.kecamatan
    )
    if headline is not None and not headline.complete and choice.kecamatan == ALL:
        # A month most villages have not reported is not "the whole district": the heading says so.
        scope = t("kpi.scope.partial", lang, name=district_of(services, choice.district).name, period=period,
                  reporting=fmt_int(headline.completeness.reporting, lang),
                  villages=fmt_int(headline.completeness.villages, lang))  # fmt: skip
    names = shown.set_index(shown["code"].astype(str))[["name", "kecamatan_name"]]
    return MapView(
        values,
        _legend(values.classification, values.colours, layer, measure, services.settings.min_measured, lang),
        title,
        kpi_cards(headline, lang),
        [html.Div(scope), completeness_line(headline, lang)],
        flags_panel(headline, names, lang),
        compare,
        headline.change.before if headline is not None and headline.change is not None else None,
        codes=codes,
        bounds=bounds,
        view_revision=f"{choice.district}/{choice.kecamatan}",
        two_numbers=two_numbers_panel(services, choice, lang),
    )


def completeness_line(headline: Headline | None, lang: str) -> Any:
    """Villages reporting and children measured, with a "belum lengkap" badge below ``DASHBOARD_MIN_COMPLETENESS``."""
    if headline is None:
        return None
    parts: list[Any] = [completeness_text(headline, lang)]
    if not headline.complete:
        minimum = fmt_percent(headline.minimum_completeness, lang, 0)
        help_text = t("completeness.incomplete.help", lang, minimum=minimum)
        badge = dbc.Badge(t("completeness.incomplete", lang), color="warning", text_color="dark")
        parts += [" ", badge, html.Div(help_text, className="fw-semibold")]
    tone = "" if headline.complete else " completeness-low"
    return html.Div(parts, id=ID.KPI_COMPLETENESS, className="completeness small" + tone)


def flags_panel(headline: Headline | None, names: pd.DataFrame, lang: str, shown: int = 8) -> Any:
    """The plausibility flags on the headline's values: village, values and reason, the first ``shown``."""
    if headline is None or headline.flags.empty:
        return None
    rows = []
    for flag in headline.flags.head(shown).itertuples(index=False):
        code = str(flag.code)
        known = code in names.index
        village = str(names.at[code, "name"]) if known else code
        kecamatan = str(names.at[code, "kecamatan_name"]) if known else "?"
        rows.append(html.Li(flag_text(flag, village, kecamatan, lang)))
    if len(headline.flags) > shown:
        rows.append(html.Li(t("flags.more", lang, n=len(headline.flags) - shown)))
    # Folded to one line: the figures stay above the fold; the list is one click away.
    values = headline.flags[["code", "indicator"]].drop_duplicates()  # one value may carry two reasons
    title = html.Summary("⚠ " + t("flags.title", lang, n=len(values)), className="fw-semibold")
    return dbc.Alert(html.Details([title, html.Ul(rows)]), color="warning", className="flags-panel small py-1 mb-2")


def kpi_cards(headline: Headline | None, lang: str) -> list[Any]:
    """Children of the three headline cards: prevalence, number stunted, like-for-like change."""
    if headline is None:
        empty = [html.Div("—", className="kpi-value"), html.Div(t("kpi.no_data", lang), className="kpi-note")]
        return [empty, list(empty), list(empty)]
    reporting = fmt_int(headline.completeness.reporting, lang)
    measured = t("kpi.measured.reporting", lang, measured=fmt_int(headline.denominator, lang), reporting=reporting)
    target = t("kpi.target", lang, target=fmt_percent(headline.target, lang, 0))
    notes = [interval_text(headline, lang), measured, target]
    prevalence = [
        html.Div(fmt_percent(headline.rate, lang), className="kpi-value"),
        *[html.Div(note, className="kpi-note") for note in notes if note],
    ]
    stunted = [
        html.Div(fmt_int(headline.numerator, lang), className="kpi-value"),
        html.Div(t("kpi.sum.reporting", lang, reporting=reporting), className="kpi-note"),
    ]
    change = change_text(headline.change, lang)
    change_card = [
        html.Div(change.value or "—", className=f"kpi-value kpi-{change.tone}"),
        *[html.Div(line, className="kpi-note") for line in change.lines],
    ]
    return [prevalence, stunted, change_card]


def _layer_key(choice: MapChoice) -> str:
    return f"map-layer/{choice.measure}/{choice.period}/{choice.kecamatan}"


def _layer(codes: list[str], values: MapValues, measure: Measure) -> MapLayer:
    return MapLayer(
        tuple(codes),
        tuple(values.locations),
        tuple(values.values.get(code) for code in values.locations),
        get_indicator(measure.indicator).kind,
        len(values.unreliable),
        len(values.flagged),
    )


def services_url(services: Services, district_code: str) -> str:
    """The URL of the district's villages' GeoJSON, under the app's path prefix."""
    from dash import get_relative_path  # needs the app context: only called while serving

    return str(get_relative_path(geojson_path(services, district_code)))


def map_labels(lang: str) -> dict[str, str]:
    """The map component's texts (controls, messages, the exported legend's marks) in the UI's language."""
    keys = ("map", "zoom_in", "zoom_out", "reset_view", "download_png", "load_error", "no_webgl")
    return {key: t(f"map.component.{key}", lang) for key in keys} | {
        "mark_unreliable": t("map.component.mark_unreliable", lang),
        "mark_flagged": t("legend.flagged", lang),
    }


def map_props(services: Services, choice: MapChoice, view: MapView, lang: str) -> dict[str, Any]:
    """Every prop of :data:`MAP_PROPS` for ``view``: the geometry by URL with the district's codes, one class byte
    per village, outlines, hover texts, the view and what the component's PNG export writes around the map."""
    district = district_of(services, choice.district)
    classification = view.values.classification
    source = t("map.export.source", lang, district=district.name,
               period=period_label(choice.period, lang) if choice.period else "—")  # fmt: skip
    return {
        "geojson_url": services_url(services, choice.district),
        "codes": view.codes,
        "classes": class_bytes(view.codes, view.values.locations, classification.classes, classification.k),
        "palette": palette(view.values.colours),
        "marks": marks(view.values),
        "hover_text": hover_texts(view.values),
        "bounds": [view.bounds.west, view.bounds.south, view.bounds.east, view.bounds.north],
        "view_revision": view.view_revision,
        "export_title": t("print.map.title", lang, district=district.name, title=view.title),
        "export_legend": _export_legend(classification, view.values.colours, Measure.parse(choice.measure), lang),
        "export_source": source,
        "export_mark": t("demo.badge", lang).upper() if district.is_demo else None,
        "export_filename": export_filename(choice),
    }


def export_filename(choice: MapChoice) -> str:
    """The file the map's PNG button saves: the measure, district and period on screen, in ASCII for any disk.

    >>> export_filename(MapChoice("99.01", "stunting@count", "2025-08"))
    'peta_stunting-count_99.01_2025-08.png'
    """
    parts = [choice.measure.replace("@", "-"), choice.district, choice.period or "tanpa-data"]
    if choice.kecamatan != ALL:
        parts.insert(2, choice.kecamatan)
    return "peta_" + "_".join(re.sub(r"[^A-Za-z0-9._-]+", "-", part) for part in parts) + ".png"


def _export_legend(classification: Classification, colours: list[str], measure: Measure, lang: str) -> list[list[str]]:
    return [[hex_colour(colour), f"{text} ({count})"]
            for colour, text, count in classes_legend(classification, colours, measure, lang)]  # fmt: skip


def map_component_static(services: Services, lang: str) -> dict[str, Any]:
    """The map component's props that no choice changes: colours of no data, basemap, texts, export's date."""
    return {
        "no_data_colour": NO_DATA_COLOUR,
        "tile_url": services.settings.tile_url or None,
        "tile_attribution": services.settings.tile_attribution or None,
        "labels": map_labels(lang),
        "loading_text": t("map.component.loading", lang),
        "export_date": date.today().strftime("%d/%m/%Y"),
    }


def reclassified(services: Services, choice: MapChoice, lang: str) -> tuple[dict[str, Any], html.Div]:
    """A new scheme or number of classes: the class bytes, palette and exported legend, and the page's legend.

    The villages' values come from the :class:`MapLayer` the page's last draw of this measure, period and kecamatan
    kept (computed afresh when the data changed since), so this is one classification of a few hundred numbers."""
    services.require_readable(choice.district)  # what the services keep is not checked against the reader's areas
    measure = Measure.parse(choice.measure)
    layer = services.kept(_layer_key(choice), choice.district)
    if not isinstance(layer, MapLayer):
        view = map_view(services, choice, lang)
        layer = _layer(view.codes, view.values, measure)
    classification, colours = map_classes(measure.indicator, layer.values, choice.scheme, choice.k)
    props = {
        "classes": class_bytes(layer.codes, layer.shown, classification.classes, classification.k),
        "palette": palette(colours),
        "export_legend": _export_legend(classification, colours, measure, lang),
    }
    return props, _legend(classification, colours, layer, measure, services.settings.min_measured, lang)


def recoloured(
    services: Services, choice: MapChoice, triggered_prop_ids: Iterable[object], lang: str
) -> tuple[Any, ...]:
    """The map's props (:data:`MAP_PROPS`, each only when the change calls for it), legend, title, scope, cards,
    flags, the two numbers, comparison options and value, and the choice to remember (a comparison period only when
    the user chose it; otherwise the default follows the period)."""
    triggered = {str(key).split(".")[0] for key in triggered_prop_ids} or set(_SENT)
    sent = frozenset().union(*(_SENT.get(key, frozenset(MAP_PROPS)) for key in triggered))
    if triggered <= _CLASSIFICATION:
        classes, new_legend = reclassified(services, choice, lang)
        headline_parts: tuple[Any, ...] = (no_update,) * 9  # title to comparison
        return (*_only(classes, sent), new_legend, *headline_parts, asdict(replace(choice, compare="")))
    view = map_view(services, choice, lang)
    remembered = replace(choice, compare=view.before or "" if ID.COMPARE in triggered else "")
    legend: Any = no_update if triggered <= {ID.COMPARE} else view.legend
    props = map_props(services, choice, view, lang) if sent else {}
    return (*_only(props, sent), legend, view.title, view.scope, *view.kpis, view.flags, view.two_numbers,
            view.compare, view.before, asdict(remembered))  # fmt: skip


def _only(props: Mapping[str, Any], sent: frozenset[str]) -> tuple[Any, ...]:
    return tuple(props[name] if name in sent else no_update for name in MAP_PROPS)

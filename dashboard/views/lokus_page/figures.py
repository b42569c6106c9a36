"""The planning page's maps (the map component): the selection on the villages, and two lists compared."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
from dash import html

from dashboard.components import LokusMap, encode_classes
from dashboard.core.aggregate import number_or_none
from dashboard.core.periods import period_label
from dashboard.core.scoring import RAW_PREVALENCE, STUNTED, Light, Method
from dashboard.data.scenarios import compare
from dashboard.figures.map_tiers import MapDraw
from dashboard.geo import Bounds, bounds_of
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.model import Ranking
from dashboard.views.map_page.choropleth import district_of, map_component_static, map_labels

__all__ = [
    "ADDED_COLOUR",
    "COMPARE_COLOURS",
    "COMPARE_ORDER",
    "LIGHT_COLOURS",
    "LIGHT_ORDER",
    "NO_DATA_COLOUR",
    "SCORE_COLOURS",
    "SELECTED_COLOUR",
    "comparison_classes",
    "comparison_view",
    "map_static",
    "selection_classes",
    "selection_legend",
    "selection_map",
    "selection_marks",
]

SELECTED_COLOUR, ADDED_COLOUR = "#8b0000", "#6a1b9a"
# Two lists compared, village by village: only in the later list, only in the earlier one, in both, in neither.
COMPARE_COLOURS = {"added": "#1b7837", "removed": "#b2182b", "kept": "#2166ac", "neither": "#f0f0f0"}
COMPARE_ORDER = ("added", "removed", "kept", "neither")  # the comparison map's classes
# The traffic-light matrix's classes in priority order, then the villages it cannot place: flagged (a light grey,
# outlined as the map component outlines a flagged value) and no data (grey: the map's no-data colour).
LIGHT_COLOURS = {
    Light.RED: "#d7191c",
    Light.ORANGE: "#fd8d3c",
    Light.YELLOW: "#fed976",
    Light.GREEN: "#1a9641",
    Light.FLAGGED: "#e0e0e0",
    Light.GREY: "#bdbdbd",
}
LIGHT_ORDER = (Light.RED, Light.ORANGE, Light.YELLOW, Light.GREEN, Light.FLAGGED)  # classes 0..4; grey: no data
NO_DATA_COLOUR = LIGHT_COLOURS[Light.GREY]
# The weighted score of the villages outside the list in five bands of 20 points (light to dark red), then the
# chosen villages (dark red) and those added by hand (purple), as the annex's map draws them.
SCORE_COLOURS = ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26")
_CHOSEN, _ADDED = len(SCORE_COLOURS), len(SCORE_COLOURS) + 1
# The outlines, as the map component draws them (its docstring), for the page's legend.
_OUTLINES = {
    "selected": {"background": "#fff", "border": "3px solid #1971c2"},
    "added": {"background": "repeating-linear-gradient(45deg, #fff 0 3px, #6f42c1 3px 4px)",
              "border": "2px dotted #6f42c1"},
    "flagged": {"background": "#fff", "border": "3px dashed #f76707"},
}  # fmt: skip


def _geojson_url(services: Services, district: str) -> str:
    """The villages' GeoJSON URL, by ``lokus_page.services_url``.

    Looked up on the package when called (the package imports this module, so not at import time): the package's
    name stays the one to replace where no app is serving to resolve the URL against, as in the page's tests.
    """
    from dashboard.views import lokus_page

    return lokus_page.services_url(services, district)


def map_static(services: Services, lang: str, filename: str) -> dict[str, Any]:
    """The planning page's maps' props that no choice changes: no-data grey, texts (the marks' words too), export's
    date and file name."""
    labels = map_labels(lang) | {
        "mark_added": t("lokus.map.legend.added", lang),
        "mark_selected": t("lokus.map.legend.chosen", lang),
        "mark_flagged": t("lokus.light.ditandai", lang),
    }
    return map_component_static(services, lang) | {
        "no_data_colour": NO_DATA_COLOUR, "labels": labels, "export_filename": filename,
    }  # fmt: skip


def _traffic_light(ranking: Ranking) -> bool:
    return ranking.method is Method.TRAFFIC_LIGHT and "light" in ranking.ranked.columns


def selection_classes(ranking: Ranking, codes: Sequence[str]) -> list[int | None]:
    """Each village's class on the selection map, in the order of ``codes``.

    Traffic light: the village's light (:data:`LIGHT_ORDER`; grey, no data, as ``None``); the list is outlined
    (:func:`selection_marks`), so the class stays visible. Weighted score: the chosen villages in class 5
    (dark red), those added by hand in class 6 (purple), the others in their band of 20 score points (0..4),
    ``None`` without a score.
    """
    ranked = ranking.ranked
    if _traffic_light(ranking):
        place = {light: index for index, light in enumerate(LIGHT_ORDER)}
        lights = {str(code): light for code, light in zip(ranked.index, ranked["light"], strict=True)}
        return [place.get(Light(lights[c])) if lights.get(c) else None for c in codes]
    scores = dict(zip(ranked.index.astype(str), ranked["score"].astype(float), strict=True))
    classes: list[int | None] = []
    for code in codes:
        status = ranking.status(code)
        score = scores.get(code, math.nan)
        if status == "added":
            classes.append(_ADDED)
        elif status == "selected":
            classes.append(_CHOSEN)
        else:
            classes.append(None if math.isnan(score) else min(int(score // 20), len(SCORE_COLOURS) - 1))
    return classes


def selection_marks(ranking: Ranking) -> dict[str, str | list[str]]:
    """The outlines: ``selected`` (in the list), ``added`` (added by hand) and, with the traffic light,
    ``flagged`` (a value left out for a plausibility flag)."""
    found: dict[str, list[str]] = {}
    for code in ranking.chosen:
        # Every village of the list has the list's outline; one added by hand is also hatched purple.
        found.setdefault(code, []).append("selected")
        if ranking.status(code) == "added":
            found[code].append("added")
    if _traffic_light(ranking):
        for code in ranking.ranked.index[ranking.ranked["light"] == Light.FLAGGED]:
            found.setdefault(str(code), []).append("flagged")
    return {code: marks[0] if len(marks) == 1 else marks for code, marks in found.items()}


def _light_meanings(thresholds: tuple[float, float] | None, lang: str) -> dict[str, str]:
    """What each class means, with the thresholds in use ("prevalensi ≥ 14,0% dan ≥ 5 balita stunting")."""
    prevalence, stunted = thresholds or (float("nan"), float("nan"))
    cut = fmt_number(stunted if math.isfinite(stunted) else None, lang, 0 if float(stunted).is_integer() else 1)
    values = {"prevalence": fmt_percent(prevalence, lang, 1), "stunted": cut}
    return {str(light): t(f"lokus.light.meaning.{light}", lang, **values) for light in LIGHT_COLOURS}


def _entry(swatch: dict[str, str], name: str, count: int | None, meaning: str = "", flagged: bool = False) -> Any:
    parts: list[Any] = [
        html.Span(className="legend-swatch" + (" legend-flagged" if flagged else ""), style=swatch),
        name,
        html.Span(f"({count})" if count is not None else "", className="legend-count"),
    ]
    if meaning:
        parts.append(html.Span(meaning, className="legend-meaning"))
    return html.Span(parts, className="legend-entry")


def _fill_entries(ranking: Ranking, classes: Sequence[int | None], lang: str) -> list[tuple[str, str, int, str]]:
    """(colour, name, villages, meaning) of each fill the map uses, no data last (always listed)."""
    counts = {cls: sum(1 for c in classes if c == cls) for cls in set(classes)}
    if _traffic_light(ranking):
        meanings = _light_meanings(ranking.thresholds, lang)
        entries = [
            (LIGHT_COLOURS[light], t(f"lokus.light.{light}", lang), counts.get(i, 0), meanings[str(light)])
            for i, light in enumerate(LIGHT_ORDER)
            if light is not Light.FLAGGED or counts.get(i, 0)
        ]
        grey = Light.GREY
        return [*entries, (NO_DATA_COLOUR, t(f"lokus.light.{grey}", lang), counts.get(None, 0), meanings[grey])]
    score_meaning = t("lokus.map.legend.score.meaning", lang)
    entries = [
        (colour, t("lokus.map.legend.score", lang, low=20 * i, high=20 * (i + 1)), counts.get(i, 0),
         score_meaning if i == len(SCORE_COLOURS) - 1 else "")
        for i, colour in enumerate(SCORE_COLOURS)
    ]  # fmt: skip
    # Dark red and purple are always explained, purple even before anything is added by hand.
    entries += [
        (SELECTED_COLOUR, t("lokus.map.legend.chosen", lang), counts.get(_CHOSEN, 0),
         t("lokus.map.legend.chosen.meaning", lang)),
        (ADDED_COLOUR, t("lokus.map.legend.added", lang), counts.get(_ADDED, 0),
         t("lokus.map.legend.added.meaning", lang)),
    ]  # fmt: skip
    return [*entries, (NO_DATA_COLOUR, t("lokus.map.legend.no_score", lang), counts.get(None, 0), "")]


def selection_legend(ranking: Ranking, classes: Sequence[int | None], lang: str) -> list[Any]:
    """The selection map's legend (children of :data:`ID.LOKUS_LEGEND`): every fill with how many villages it
    holds (and, with the traffic light, what it means), then every outline in use."""
    title = "lokus.map.legend.light" if _traffic_light(ranking) else "lokus.map.legend.weighted"
    entries = [
        _entry({"background": colour}, name, count, meaning, flagged=colour == LIGHT_COLOURS[Light.FLAGGED])
        for colour, name, count, meaning in _fill_entries(ranking, classes, lang)
    ]
    used: dict[str, int] = {}
    for marks in selection_marks(ranking).values():
        for mark in [marks] if isinstance(marks, str) else marks:
            used[mark] = used.get(mark, 0) + 1
    outlines = [
        _entry(_OUTLINES[mark], t(f"lokus.map.outline.{mark}", lang), used[mark])
        for mark in ("selected", "added", "flagged")
        if used.get(mark)
    ]
    return [html.Span(t(title, lang), className="legend-title"), *entries, *outlines]


def _hover_texts(ranking: Ranking | None, names: dict[str, tuple[str, str]], lang: str) -> dict[str, str]:
    """Each village's name, kecamatan and figures of the period as reported (no rank: it moves with every weight,
    and the hover texts travel once per district and period; the grid beside the map holds the rank)."""
    observed = ranking.observed if ranking is not None else pd.DataFrame()

    def value(code: str, column: str) -> float | None:
        return number_or_none(observed.at[code, column]) if code in observed.index and column in observed else None

    texts = {}
    for code, (name, kecamatan) in names.items():
        prevalence, stunted = value(code, RAW_PREVALENCE), value(code, STUNTED)
        if prevalence is None and stunted is None:
            line = t("lokus.map.hover.none", lang)
        else:
            line = t("lokus.map.hover.values", lang, prevalence=fmt_percent(prevalence, lang),
                     stunted=fmt_int(stunted, lang))  # fmt: skip
        # Plain text: the component writes it as text (textContent), so a name is shown as written, never markup.
        texts[code] = f"{name}\n{t('hover.kecamatan', lang, name=kecamatan)}\n{line}"
    return texts


def selection_map(services: Services, district: str, period: str, ranking: Ranking | None, lang: str) -> MapDraw:
    """The selection map for a ranking: the district's geometry by URL and its codes (once per district), hover
    texts (once per district and period), and the classes, outlines and legends of this ranking. Without a ranking
    (a district without stunting figures) every village is drawn without data and the legend says nothing."""
    villages = services.source.villages(district)
    codes = [str(code) for code in villages["code"]]
    if ranking is None:
        classes: list[int | None] = [None] * len(codes)
        palette, marks, legend, entries = [], {}, [], []
    else:
        classes = selection_classes(ranking, codes)
        palette = [*LIGHT_COLOURS.values()][: len(LIGHT_ORDER)] if _traffic_light(ranking) else [
            *SCORE_COLOURS, SELECTED_COLOUR, ADDED_COLOUR]  # fmt: skip
        marks, legend = selection_marks(ranking), selection_legend(ranking, classes, lang)
        entries = _fill_entries(ranking, classes, lang)
    name = district_of(services, district).name
    shown = period_label(period, lang) if period else "—"
    colours = {
        "classes": encode_classes(classes),
        "palette": palette,
        "marks": marks,
        "bivariate": None,
        "export_title": t("print.map.title", lang, district=name, title=t("lokus.map.title", lang, period=shown)),
        "export_legend": [[colour, f"{text} ({count})"] for colour, text, count, _ in entries],
        "export_source": t("map.export.source", lang, district=name, period=shown),
        "export_mark": t("demo.badge", lang).upper() if district_of(services, district).is_demo else None,
    }
    bounds = bounds_of(villages)
    names = dict(zip(codes, zip(villages["name"].astype(str), villages["kecamatan_name"].astype(str),
                                strict=True), strict=True))  # fmt: skip
    return MapDraw(
        district=(district, lambda: {"geojson_url": _geojson_url(services, district), "codes": codes}),
        view=(district, lambda: {"bounds": _bounds(bounds), "view_revision": district}),
        hover=(f"{district}/{period}", lambda: {"hover_text": _hover_texts(ranking, names, lang)}),
        colours=colours,
        legend=legend,
    )


def _bounds(bounds: Bounds) -> list[float]:
    return [bounds.west, bounds.south, bounds.east, bounds.north]


def comparison_classes(codes: Sequence[str], before: Sequence[str], after: Sequence[str]) -> list[int]:
    """Each village's class on the comparison map (:data:`COMPARE_ORDER`): only after, only before, both, neither."""
    earlier, later = set(before), set(after)
    kind = {(False, True): "added", (True, False): "removed", (True, True): "kept", (False, False): "neither"}
    return [COMPARE_ORDER.index(kind[(code in earlier, code in later)]) for code in codes]


def _comparison_map(services: Services, district: str, before: list[str], after: list[str], lang: str) -> LokusMap:
    villages = services.source.villages(district)
    codes = [str(code) for code in villages["code"]]
    classes = comparison_classes(codes, before, after)
    counts = [classes.count(i) for i in range(len(COMPARE_ORDER))]
    bounds = bounds_of(villages)
    kinds = [t(f"lokus.compare.{kind}", lang, n=n) for kind, n in zip(COMPARE_ORDER, counts, strict=True)]
    hover = {
        code: f"{name}\n{t('hover.kecamatan', lang, name=kecamatan)}\n{kinds[cls]}"
        for code, name, kecamatan, cls in zip(codes, villages["name"], villages["kecamatan_name"], classes,
                                              strict=True)
    }  # fmt: skip
    name = district_of(services, district).name
    return LokusMap(
        id=ID.LOKUS_COMPARE_MAP,
        style={"height": "300px"},
        geojson_url=_geojson_url(services, district),
        codes=codes,
        classes=encode_classes(list(classes)),
        palette=[COMPARE_COLOURS[kind] for kind in COMPARE_ORDER],
        hover_text=hover,
        bounds=_bounds(bounds),
        view_revision=district,
        export_title=t("print.map.title", lang, district=name, title=t("lokus.compare.map_title", lang)),
        export_legend=[[COMPARE_COLOURS[kind], text] for kind, text in zip(COMPARE_ORDER, kinds, strict=True)],
        export_source=t("map.export.source", lang, district=name, period="—"),
        export_mark=t("demo.badge", lang).upper() if district_of(services, district).is_demo else None,
        **map_static(services, lang, "perbandingan_lokus.png"),
    )


def comparison_view(services: Services, district: str, before: list[str], after: list[str], lang: str) -> Any:
    """Two lists compared: a map (only in the later list green, only in the earlier red, in both blue, in neither
    pale) and the three lists by village name."""
    diff = compare(before, after)
    villages = services.source.villages(district)
    names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
    parts = []
    for kind, listed in (("added", diff.added), ("removed", diff.removed), ("kept", diff.kept)):
        parts.append(
            html.Div(
                [
                    html.Strong(
                        t(f"lokus.compare.{kind}", lang, n=len(listed)), style={"color": COMPARE_COLOURS[kind]}
                    ),
                    html.Span(": " + (", ".join(names.get(c, c) for c in listed) or "-")),
                ],
                className=f"small compare-{kind}",
            )
        )
    return html.Div(
        [
            _comparison_map(services, district, before, after, lang),
            html.P(t("lokus.compare.legend", lang), className="small text-muted mb-1"),
            *parts,
        ]
    )

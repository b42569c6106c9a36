"""The village choropleth's values: classes, colours, hover texts and marks, for the map component.

The main page draws with :class:`~dashboard.components.LokusMap`: the geometry (with each village's code and name)
travels once per district as a GeoJSON URL; after that a recolour sends one byte per village
(:func:`class_bytes`) and the legend, and the hover texts (:func:`hover_texts`) and outlines (:func:`marks`) travel
once per indicator and period. :class:`MapValues` is also what the printed map and the brief draw from, so paper
and screen show the same classes.
"""

from __future__ import annotations

import base64
import functools
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from plotly.colors import sample_colorscale

from dashboard.components.lokus_map import NO_DATA as NO_CLASS
from dashboard.core.aggregate import Measure, Statistic, village_table
from dashboard.core.classify import NO_DATA, Classification, Scheme, classify
from dashboard.core.indicators import Kind, get_indicator
from dashboard.core.plausibility import Flag
from dashboard.figures.labels import label_text
from dashboard.figures.village_facts import FACT_COLOURS, fact_classification, fact_hover, fact_labels, is_village_fact
from dashboard.geo import Bounds, view_for_bounds
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = [
    "FLAGGED_COLOUR",
    "NO_DATA_COLOUR",
    "OUTSIDE_COLOUR",
    "MapValues",
    "class_bytes",
    "classes_legend",
    "hex_colour",
    "hover_texts",
    "legend_entries",
    "map_classes",
    "map_values",
    "marks",
    "palette",
]

NO_DATA_COLOUR = "#d4d4d4"
OUTSIDE_COLOUR = "#f4f5f6"  # villages of the district outside the kecamatan shown: there, but not in the figures
FLAGGED_COLOUR = "#d6008f"  # a magenta outline on paper and charts: a plausibility flag (dashboard.core.plausibility)
# Outcomes: darker red is worse. Coverage: darker blue is higher coverage.
_PALETTES = {Kind.OUTCOME: "YlOrRd", Kind.COVERAGE: "YlGnBu"}


@dataclass(frozen=True)
class MapValues:
    """Everything the map needs besides geometry, for one choice of measure/period/kecamatan."""

    locations: list[str]
    z: list[int]  # 0 = no data, 1..k = class
    customdata: list[list[str]]
    colours: list[str]  # per class, lowest first
    classification: Classification
    values: dict[str, float]  # code -> shown value, for the profile and tests
    view_centre: dict[str, float]
    view_zoom: float
    unreliable: list[str] = field(default_factory=list)  # codes whose rate rests on too few children
    flagged: list[str] = field(default_factory=list)  # codes whose value carries a plausibility flag


def class_colours(kind: Kind, k: int) -> list[str]:
    """The colour of each of ``k`` classes, lowest first."""
    return list(_class_colours(kind, k))


@functools.cache  # a recolour's largest cost after the classification itself, and always the same few answers
def _class_colours(kind: Kind, k: int) -> tuple[str, ...]:
    if k <= 0:
        return ()
    positions = [0.5] if k == 1 else list(np.linspace(0.12, 1.0, k))
    return tuple(sample_colorscale(_PALETTES[kind], positions))


def map_classes(
    indicator: str, values: Sequence[float | None], scheme: Scheme | str, k: int
) -> tuple[Classification, list[str]]:
    """The classes of ``values`` (one per village shown) and the colour of each class, lowest first.

    A yes/no village fact (:func:`~dashboard.figures.village_facts.is_village_fact`) draws two classes in words
    whatever ``scheme`` and ``k`` (:func:`~dashboard.figures.village_facts.fact_classification`); any other
    indicator is classed by ``scheme`` into at most ``k`` classes (:func:`~dashboard.core.classify.classify`).
    """
    if is_village_fact(indicator):
        return fact_classification(values, scheme), list(FACT_COLOURS)
    classification = classify(values, scheme, k)
    return classification, class_colours(get_indicator(indicator).kind, classification.k)


def _value_line(measure: Measure, numerator: float, denominator: float, rate: float, lang: str) -> str:
    if measure.statistic == Statistic.COUNT:
        return fmt_int(numerator, lang)
    if np.isnan(rate):
        return t("hover.no_data", lang)
    return f"{fmt_percent(rate, lang)} ({fmt_int(numerator, lang)}/{fmt_int(denominator, lang)})"


def map_values(
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    measure: Measure,
    period: str,
    scheme: Scheme | str,
    k: int,
    lang: str,
    bounds: Bounds,
    min_measured: int = 0,
    flags: Mapping[str, tuple[Flag, ...]] | None = None,
) -> MapValues:
    """Class, hover text and colour of every village in ``villages`` (already filtered to the view).

    For a prevalence (an outcome rate over children measured), villages with data but fewer than
    ``min_measured`` children measured are listed in ``unreliable``: outlined on the map and marked
    in the hover text, because a rate from a handful of children swings widely by chance. Villages in
    ``flags`` (code -> plausibility flags on the shown value) are listed in ``flagged``, outlined in
    magenta and their hover names the reasons.
    """
    flags = flags or {}
    table = village_table(observations, measure.indicator, period).reindex(villages["code"])
    column = "numerator" if measure.statistic == Statistic.COUNT else "rate"
    shown = table[column].astype(float)
    if measure.statistic == Statistic.COUNT:
        shown = shown.where(table["denominator"].notna() | table["numerator"].notna())
    fact = is_village_fact(measure.indicator)
    classification, colours = map_classes(measure.indicator, [None if np.isnan(v) else v for v in shown], scheme, k)
    is_rate_of_measured = measure.statistic != Statistic.COUNT and get_indicator(measure.indicator).kind is Kind.OUTCOME
    few = pd.Series(False, index=shown.index)
    if is_rate_of_measured:
        few = (table["denominator"].astype(float) < min_measured) & shown.notna()
    customdata = []
    for code, (name, kecamatan), numerator, denominator, rate, value, unreliable in zip(
        villages["code"].astype(str),
        zip(villages["name"], villages["kecamatan_name"], strict=True),
        table["numerator"],
        table["denominator"],
        table["rate"],
        shown,
        few,
        strict=True,
    ):
        if np.isnan(value):
            line = t("hover.no_data", lang)
        elif fact:  # a yes/no answer in words ("KPM aktif: Tidak"), never "0,0% (0/1)"
            line = fact_hover(measure.indicator, value, lang)
        else:
            line = _value_line(measure, numerator, denominator, rate, lang)
        if unreliable:
            line += "<br>" + t("hover.unreliable", lang, n=min_measured)
        if code in flags:
            reasons = ", ".join(t(f"flag.{flag}.label", lang) for flag in flags[code])
            line += "<br>" + t("hover.flagged", lang, reasons=reasons)
        customdata.append([label_text(name), t("hover.kecamatan", lang, name=label_text(kecamatan)), line])
    centre, zoom = view_for_bounds(bounds)
    shown_codes = {str(code) for code, v in zip(villages["code"], shown, strict=True) if not np.isnan(v)}
    return MapValues(
        locations=[str(code) for code in villages["code"]],
        z=[0 if c == NO_DATA else c + 1 for c in classification.classes],
        customdata=customdata,
        colours=colours,
        classification=classification,
        values={str(code): float(v) for code, v in zip(villages["code"], shown, strict=True) if not np.isnan(v)},
        view_centre=centre,
        view_zoom=zoom,
        unreliable=[str(code) for code, flag in zip(villages["code"], few, strict=True) if flag],
        flagged=[str(code) for code in villages["code"] if str(code) in flags and str(code) in shown_codes],
    )


def legend_entries(values: MapValues, measure: Measure, lang: str) -> list[tuple[str, str, str]]:
    """(colour, range text, village count text) per class, then the no-data class."""
    return classes_legend(values.classification, values.colours, measure, lang)


def classes_legend(
    classification: Classification, colours: Sequence[str], measure: Measure, lang: str
) -> list[tuple[str, str, str]]:
    """:func:`legend_entries` of a classification and its colours; a yes/no village fact's two classes by name
    (``Tanpa KPM aktif``, ``KPM aktif``), never a range of percentages."""
    entries = []
    is_count = measure.statistic == Statistic.COUNT
    names = fact_labels(measure.indicator, lang) if is_village_fact(measure.indicator) else None

    def show(v: float) -> str:
        return fmt_int(v, lang) if is_count else fmt_percent(v, lang)

    for i, (colour, class_range) in enumerate(zip(colours, classification.ranges, strict=True)):
        text = (
            names[i]
            if names is not None
            else show(class_range.lower)
            if class_range.lower == class_range.upper
            else (f"{show(class_range.lower)} – {show(class_range.upper)}")
        )
        entries.append((colour, text, t("legend.villages", lang, n=fmt_number(class_range.count, lang, 0))))
    entries.append((NO_DATA_COLOUR, t("legend.no_data", lang), t("legend.villages", lang, n=classification.no_data)))
    return entries


def hex_colour(colour: str) -> str:
    """``rgb(255, 237, 160)`` (plotly's colour strings) or ``#ffeda0`` as ``#ffeda0``, as the map component wants.

    >>> hex_colour("rgb(254.8, 237, 160)"), hex_colour("#ffeda0")
    ('#ffeda0', '#ffeda0')
    """
    if colour.startswith("#"):
        return colour
    parts = colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]
    return "#" + "".join(f"{min(255, round(float(part))):02x}" for part in parts)


def palette(colours: Sequence[str]) -> list[str]:
    """The map component's palette: class ``i`` in ``colours[i]``, then :data:`OUTSIDE_COLOUR` as class
    ``len(colours)``, the villages outside the kecamatan shown (:func:`class_bytes`).

    >>> palette(["rgb(255, 237, 160)", "#bd0026"])
    ['#ffeda0', '#bd0026', '#f4f5f6']
    """
    return [*(hex_colour(colour) for colour in colours), OUTSIDE_COLOUR]


def class_bytes(codes: Sequence[str], shown: Sequence[str], classes: Sequence[int], k: int) -> str:
    """One class byte per village of ``codes``, base64 (the map component's ``classes``, as
    :func:`~dashboard.components.encode_classes` writes them): ``classes[i]`` for the village ``shown[i]`` (no data
    as 255), ``k`` (:data:`OUTSIDE_COLOUR` in :func:`palette`) for a village not shown.

    >>> from dashboard.components import decode_classes
    >>> decode_classes(class_bytes(["a", "b", "c"], ["c", "a"], [1, NO_DATA], 3))
    [None, 3, 1]
    """
    if not 0 <= k < NO_CLASS:
        raise ValueError(f"{k} classes do not fit in a byte beside no data")
    position = {code: index for index, code in enumerate(codes)}
    found = np.asarray(classes, dtype=int)
    data = np.full(len(codes), k, dtype=np.uint8)
    data[[position[code] for code in shown]] = np.where(found == NO_DATA, NO_CLASS, found)
    return base64.b64encode(data.tobytes()).decode("ascii")


def hover_texts(values: MapValues) -> dict[str, str]:
    """Each shown village's tooltip as plain text (the component shows it as text, lines kept): name, kecamatan,
    value and any warnings, from the hover data (written for plotly's markup, so unescaped here)."""
    return {
        code: "\n".join(html.unescape(part) for line in parts for part in line.split("<br>"))
        for code, parts in zip(values.locations, values.customdata, strict=True)
    }


def marks(values: MapValues) -> dict[str, str | list[str]]:
    """The component's outlines: ``unreliable`` (too few children measured) and ``flagged`` (plausibility)."""
    marked: dict[str, list[str]] = {}
    for mark, codes in (("unreliable", values.unreliable), ("flagged", values.flagged)):
        for code in codes:
            marked.setdefault(code, []).append(mark)
    return {code: found[0] if len(found) == 1 else found for code, found in marked.items()}

"""A choropleth's classes on paper: the main page's map values (classes, colours, legend) as a static map spec.

The brief's prevalence map and the main page's printed map are both drawn from here, so a village is the colour on
paper that it is on screen: :func:`class_map_spec` takes the :class:`~dashboard.figures.map.MapValues` the page
computed and words its legend with the page's own :func:`~dashboard.figures.map.legend_entries`.
"""

from __future__ import annotations

import geopandas as gpd

from dashboard.core.aggregate import Measure
from dashboard.figures.map import MapValues, legend_entries
from dashboard.figures.static_map import Fill, MapSpec, rgb_hex
from dashboard.i18n import t

__all__ = ["class_map_spec"]


def class_map_spec(
    villages: gpd.GeoDataFrame,
    values: MapValues,
    measure: Measure,
    lang: str,
    *,
    legend_title: str,
    title: str,
    source: str,
    min_measured: int,
) -> MapSpec:
    """The static map of ``values`` over ``villages`` (the villages ``values`` were computed for).

    One fill per class, lowest first, then the no-data grey (every village without a value, and any village
    ``values`` does not list); villages whose rate rests on fewer than ``min_measured`` children are outlined,
    as on the page. Colours are plotly's ``rgb(...)`` strings turned into ``#rrggbb``. Size, circles and numbers
    keep :class:`~dashboard.figures.static_map.MapSpec`'s defaults: callers change them with
    :func:`dataclasses.replace`.
    """
    entries = legend_entries(values, measure, lang)
    fills = tuple(Fill(rgb_hex(colour), text, count) for colour, text, count in entries)
    no_data = len(fills) - 1
    fill_of = {code: (no_data if z == 0 else z - 1) for code, z in zip(values.locations, values.z, strict=True)}
    return MapSpec(
        villages,
        fill_of,
        fills,
        no_data,
        legend_title,
        lang=lang,
        title=title,
        source=source,
        outlined=tuple(values.unreliable),
        outline_label=t("brief.map.unreliable", lang, n=min_measured),
    )

"""The public interactive map's data: the LokusMap props of one published map choice, and the boundary GeoJSON.

The district page draws its map as inline SVG; a reader who presses "Peta interaktif" gets the project's map
component (:mod:`dashboard.components.lokus_map`, MapLibre GL JS) in its place, driven by
``assets/public/peta.js`` without React or Dash. That script asks ``/publik/<kode>/peta.json`` (the SVG's own
query parameters) for :func:`map_props` and the component fetches :func:`boundary_geojson` by URL.

Both are built from the same :class:`~dashboard.public.painting.Painting` as the SVG, so the live map has
exactly its classes, colours, tooltips and links, and nothing finer: a hidden value is the hidden class (grey)
with its label in the tooltip, an area without a report has no class (the no-report grey). The geometry is
the snapshot's own outlines (``peta``), keyed in its URL by the snapshot's sha256 so that it can be cached
for a year; it carries only each area's code and name.

>>> from dashboard.public.painting import Painting, PaintedArea
>>> areas = (PaintedArea("1", "#fecc5c", "A · 12,0%", "/a"), PaintedArea("2", "hatch", "B · <5", "/b"),
...          PaintedArea("3", "none", "C · belum melapor", "/c"))
>>> painting = Painting("desa", "2025-08", "prevalensi", areas, svg.PALETTE, (), "Peta")
>>> from dashboard.components.lokus_map import decode_classes
>>> decode_classes(class_bytes(painting)), palette(painting)[-1] == svg.HIDDEN_FILL
([1, 5, None], True)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

import shapely
from shapely.geometry import shape

from dashboard.components.lokus_map import encode_classes
from dashboard.i18n import t
from dashboard.public import svg
from dashboard.public.content import Published
from dashboard.public.painting import HATCH, NO_REPORT, Painting

__all__ = ["SHA256", "boundaries_path", "boundary_geojson", "bounds", "class_bytes", "map_props", "palette"]

SHA256: Final = re.compile(r"[0-9a-f]{64}")
_COMPONENT_LABELS: Final = ("zoom_in", "zoom_out", "reset_view", "download_png", "load_error", "no_webgl",
                             "gesture_window", "gesture_mac", "gesture_mobile")  # fmt: skip


def palette(painting: Painting) -> list[str]:
    """The live map's palette: the SVG legend's class colours, lowest first, then the hidden grey (last class)."""
    return [*painting.colours, svg.HIDDEN_FILL]


def class_bytes(painting: Painting) -> str:
    """One class byte per area (base64, :func:`~dashboard.components.lokus_map.encode_classes`), outline order.

    A class colour is its index in :func:`palette`; hidden is the palette's last class; no report has no class.
    """
    index = {colour: i for i, colour in enumerate(painting.colours)}
    hidden = len(painting.colours)
    classes: list[int | None] = []
    for area in painting.areas:
        if area.swatch == NO_REPORT:
            classes.append(None)
        elif area.swatch == HATCH:
            classes.append(hidden)
        else:
            classes.append(index[area.swatch])
    return encode_classes(classes)


def bounds(view: Published, level: str) -> list[float]:
    """``[west, south, east, north]`` (degrees) of the outlines of ``level``; the villages' when it has none."""
    features = view.features(level) or view.features("desa")
    geometries = [shape(f["geometry"]) for f in features if f.get("geometry")]
    if not geometries:
        return []
    return [round(float(v), 6) for v in shapely.total_bounds(geometries)]


def boundaries_path(view: Published, sha256: str, level: str) -> str:
    """The site path of the snapshot's outlines of ``level`` (the URL names the content, so it never changes)."""
    return f"/publik/{view.district_code}/batas/{sha256}/{level}.geojson"


def boundary_geojson(view: Published, level: str) -> bytes:
    """The outlines of ``level`` as a FeatureCollection whose features carry ``properties.code`` and ``name`` only.

    The geometry is the snapshot's, as published (the SVG's source); nothing else of the content travels.
    """
    features = [
        {
            "type": "Feature",
            "properties": {"code": str(f["id"]), "name": str((f.get("properties") or {}).get("nama") or f["id"])},
            "geometry": f.get("geometry"),
        }
        for f in view.features(level)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def map_props(painting: Painting, view: Published, sha256: str, lang: str, *,
              texts: Mapping[str, str]) -> dict[str, Any]:  # fmt: skip
    """What the live map needs: ``props`` for the component's ``createMap`` and ``urls`` (code -> page).

    Parameters
    ----------
    painting : the SVG's painting of the same choice (:func:`~dashboard.public.painting.paint`).
    view : the snapshot's content; ``sha256`` its content hash (the geometry's URL key).
    lang : the language of the controls' texts.
    texts : what the exported PNG writes around the map: ``title``, ``source``, ``date`` (as the page formats them).

    Returns
    -------
    dict
        ``{"props": {...}, "urls": {code: url}}``; ``props`` holds ``geojson_url`` (and ``kecamatan_geojson_url``
        on the village map: the SVG's kecamatan outlines), ``codes`` and ``classes`` in the outlines' order,
        ``palette``, ``no_data_colour``, ``hover_text`` (the SVG's titles), ``bounds``, ``labels``, and the
        PNG export's title, legend, source, date, fictional-data mark and file name.
    """
    legend_colours = {HATCH: svg.HIDDEN_FILL, NO_REPORT: svg.NO_REPORT_FILL}
    labels = {key: t(f"map.component.{key}", lang) for key in _COMPONENT_LABELS} | {"map": painting.label}
    props: dict[str, Any] = {
        "geojson_url": boundaries_path(view, sha256, painting.level),
        "kecamatan_geojson_url": boundaries_path(view, sha256, "kecamatan") if painting.level == "desa" else None,
        "codes": [area.code for area in painting.areas],
        "classes": class_bytes(painting),
        "palette": palette(painting),
        "no_data_colour": svg.NO_REPORT_FILL,
        "hatched_classes": [len(painting.colours)],  # hidden values, hatched as on the SVG
        "cooperative_gestures": True,  # a phone's page scrolls under one finger; two move the map
        "hover_text": {area.code: area.title for area in painting.areas},
        "bounds": bounds(view, painting.level),
        "labels": labels,
        "loading_text": t("public.map.loading", lang),
        "export_title": texts["title"],
        "export_legend": [[legend_colours.get(e.swatch, e.swatch), e.label] for e in painting.legend],
        "export_source": texts["source"],
        "export_date": texts["date"],
        "export_mark": t("public.demo", lang).upper() if view.is_demo else None,
        "export_filename": f"peta_{view.indicator}_{view.district_code}_{painting.level}_{painting.period}.png",
    }
    return {"props": {k: v for k, v in props.items() if v is not None},
            "urls": {area.code: area.href for area in painting.areas}}  # fmt: skip

"""Geometry for the browser: clean and simplify a coverage for the display scale, round, serialise once.

The GeoJSON a map draws is prepared once per boundary version, area and display level and served as a
cacheable file (see :mod:`dashboard.views.geojson_route`); figures refer to it by URL, so no callback
ever sends geometry. Villages are treated as a *coverage* (polygons that tile an area): real files
overlap by slivers and leave hairline gaps, so they are first cleaned together
(``shapely.coverage_clean``: overlaps merged, nearby vertices snapped, shared borders made identical),
then simplified together (``shapely.coverage_simplify``, GEOS's coverage simplifier) with a tolerance of
about one screen pixel at the scale the map opens on. Simplifying a clean coverage moves each shared
border once for both neighbours, so no gap opens between them however far the border is simplified.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

__all__ = [
    "COORDINATE_DECIMALS",
    "DEFAULT_PROPERTIES",
    "Bounds",
    "bounds_of",
    "display_tolerance",
    "prepare_geojson",
    "simplify_coverage",
    "view_for_bounds",
]

logger = logging.getLogger(__name__)

COORDINATE_DECIMALS: Final = 5  # ~1 m on the ground: below a pixel at any zoom a district map opens on
# The largest snapping distance of the cleaning (degrees, ~11 m). Upstream files overlap and leave gaps a few metres
# wide (the national file was simplified at ~20 m before we got it); snapping closes them, which GEOS does in
# seconds where its gap filling (``gap_width``) takes minutes for a province. Larger snapping starts to collapse small
# urban kelurahan.
MAX_SNAPPING_DEG: Final = 1e-4
TILE_PX: Final = 512  # MapLibre's tile size, as in :func:`view_for_bounds`
# Frame column -> GeoJSON property name: what the village map's hover needs besides the code.
DEFAULT_PROPERTIES: Final[Mapping[str, str]] = {"name": "name", "kecamatan_name": "kecamatan"}

GeometryArray = npt.NDArray[np.object_]


@dataclass(frozen=True)
class Bounds:
    """A bounding box in degrees (EPSG:4326): ``west`` < ``east``, ``south`` < ``north``."""

    west: float
    south: float
    east: float
    north: float


def bounds_of(frame: gpd.GeoDataFrame) -> Bounds:
    """The bounding box of every geometry of ``frame`` (which must be in EPSG:4326)."""
    west, south, east, north = (float(v) for v in frame.total_bounds)
    return Bounds(west, south, east, north)


def view_for_bounds(bounds: Bounds, width_px: int = 620, height_px: int = 480) -> tuple[dict[str, float], float]:
    """Map centre and zoom that fit ``bounds`` in a map of the given size (web-mercator tiles of 512 px).

    The defaults are the smallest map the layout gives (a 1280 px projector, side panels open), so the
    whole district is in view on any screen; the planner zooms in from there.
    """
    centre = {"lon": (bounds.west + bounds.east) / 2, "lat": (bounds.south + bounds.north) / 2}
    lon_span = max(bounds.east - bounds.west, 1e-6)
    lat_span = max(bounds.north - bounds.south, 1e-6) / np.cos(np.radians(centre["lat"]))
    zoom_lon = np.log2(360.0 * width_px / (TILE_PX * lon_span))
    zoom_lat = np.log2(360.0 * height_px / (TILE_PX * lat_span))
    return centre, float(max(0.0, min(zoom_lon, zoom_lat) - 0.15))


def display_tolerance(bounds: Bounds, width_px: int = 1280, height_px: int = 720) -> float:
    """Degrees of latitude one screen pixel spans when ``bounds`` is fitted to a ``width_px`` × ``height_px`` map.

    The zoom is :func:`view_for_bounds`'s (web mercator, 512 px tiles); a pixel spans ``360 / (512 · 2^zoom)``
    degrees of longitude and, at the centre's latitude φ, ``cos φ`` times that of latitude, the smaller of the
    two, so a tolerance of this size never moves a border by more than a pixel. The defaults are a 720p
    projector, the largest screen the briefing room has.

    >>> round(display_tolerance(Bounds(116.3, -8.9, 116.8, -8.2)), 5)  # Kab. Lombok Timur: ~120 m
    0.00108
    """
    centre, zoom = view_for_bounds(bounds, width_px, height_px)
    return float(360.0 / (TILE_PX * 2.0**zoom) * np.cos(np.radians(centre["lat"])))


def _repaired(geometries: GeometryArray) -> GeometryArray:
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
        # make_valid may add lines or points beside the polygons; only the polygons are a village's area
        geometries[invalid] = [_polygonal(g) for g in geometries[invalid]]
    return geometries


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, shapely.Polygon | shapely.MultiPolygon)]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def simplify_coverage(geometries: GeometryArray, tolerance: float) -> tuple[GeometryArray, npt.NDArray[np.bool_]]:
    """Clean and simplify ``geometries`` together as a coverage, keeping every non-empty one non-empty.

    Parameters
    ----------
    geometries : ndarray of shapely (Multi)Polygons, shape (n,)
        Degrees (EPSG:4326); invalid ones are repaired first (``shapely.make_valid``).
    tolerance : float
        Degrees; borders move by about this much at most (GEOS's coverage simplifier, Visvalingam–Whyatt on
        each shared edge, keeping the nodes where three or more polygons meet).

    Returns
    -------
    simplified : ndarray of shapely geometries, shape (n,)
        Not rounded. Where the cleaning and simplification succeed they form a valid coverage
        (``shapely.coverage_is_valid``) apart from the ``overlaid`` ones.
    overlaid : ndarray of bool, shape (n,)
        Geometries drawn over the coverage instead of inside it: the cleaning's snapping made them vanish (GEOS
        does so for a few thin villages, ~1 in 8,000), so they were simplified on their own from their input shape;
        their area is also covered by a neighbour, so they must be drawn after (over) the others.

    Notes
    -----
    When a coverage operation raises (``GEOSException``: input GEOS cannot node, e.g. with self-touching rings
    repair missed), each geometry is simplified on its own (``shapely.simplify`` keeping topology) and a warning
    is logged: the map still draws, with hairline gaps and overlaps between neighbours.
    """
    geometries = _repaired(np.asarray(geometries, dtype=object))
    present = ~shapely.is_empty(geometries) & ~shapely.is_missing(geometries)
    overlaid = np.zeros(len(geometries), dtype=bool)
    if not present.any():
        return geometries, overlaid
    snapping = min(tolerance / 4.0, MAX_SNAPPING_DEG)
    try:
        cleaned = shapely.coverage_clean(geometries, snapping_distance=snapping)
        overlaid = present & shapely.is_empty(cleaned)
        kept = present & ~overlaid  # coverage_simplify takes polygons only: neither empty nor missing ones
        simplified = geometries.copy()
        simplified[kept] = shapely.coverage_simplify(cleaned[kept], tolerance)
    except shapely.errors.GEOSException as error:
        logger.warning("coverage cleaning failed (%s); simplifying %d polygons one by one", error, present.sum())
        return shapely.simplify(geometries, tolerance, preserve_topology=True), np.zeros(len(geometries), dtype=bool)
    if overlaid.any():
        logger.warning("cleaning removed %d thin polygons; they are drawn over their neighbours", overlaid.sum())
        simplified[overlaid] = shapely.simplify(geometries[overlaid], tolerance, preserve_topology=True)
    return simplified, overlaid


def _rounded(geometries: GeometryArray) -> GeometryArray:
    """Coordinates rounded to :data:`COORDINATE_DECIMALS`: shared vertices round alike, so borders stay shared."""
    rounded = shapely.set_precision(geometries, 10.0**-COORDINATE_DECIMALS, mode="valid_output")
    collapsed = shapely.is_empty(rounded) & ~shapely.is_empty(geometries)  # a polygon narrower than the grid
    rounded[collapsed] = shapely.set_precision(geometries[collapsed], 10.0**-COORDINATE_DECIMALS, mode="pointwise")
    return np.asarray(rounded, dtype=object)


def _jsonable(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return value.item() if isinstance(value, np.generic) else value


def prepare_geojson(
    frame: gpd.GeoDataFrame, tolerance: float | None = None, *, properties: Mapping[str, str] | None = None
) -> bytes:
    """A compact GeoJSON FeatureCollection of ``frame``, cleaned and simplified as a coverage for the display.

    Parameters
    ----------
    frame : GeoDataFrame, n rows
        EPSG:4326 (Multi)Polygons with a ``code`` column (each feature's ``id`` and ``code`` property, the key
        figures join values on) and the columns named in ``properties``. Villages, kecamatan, kabupaten or
        provinces alike.
    tolerance : float, optional
        Simplification tolerance in degrees; ``None``: one pixel when the frame's bounds fill a 720p map
        (:func:`display_tolerance`). Pass a smaller one for a layer drawn zoomed in.
    properties : mapping of str to str, optional
        Frame column → property name carried to the browser (what hover shows); default
        :data:`DEFAULT_PROPERTIES`. NaN becomes ``null``.

    Returns
    -------
    bytes
        UTF-8 JSON, no whitespace, coordinates rounded to :data:`COORDINATE_DECIMALS` decimals; one feature per row,
        in frame order, except polygons the cleaning lost (see :func:`simplify_coverage`), which come last so the
        map draws them over the neighbour that absorbed their area. An empty input geometry stays a feature with
        ``null`` geometry.

    Raises
    ------
    KeyError
        When ``code`` or a column of ``properties`` is missing from ``frame``.
    """
    properties = DEFAULT_PROPERTIES if properties is None else properties
    columns = ["code", *(column for column in properties if column != "code")]  # code is always there
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise KeyError(f"prepare_geojson needs the columns {missing}; the frame has {list(frame.columns)}")
    if len(frame) == 0:
        return b'{"type":"FeatureCollection","features":[]}'
    if tolerance is None:
        tolerance = display_tolerance(bounds_of(frame))
    simplified, overlaid = simplify_coverage(np.asarray(frame.geometry.values, dtype=object), tolerance)
    shapes = _rounded(simplified)
    shapes[shapely.is_missing(shapes) | shapely.is_empty(shapes)] = None  # GeoJSON's null geometry
    texts = shapely.to_geojson(shapes)
    records = frame[columns].to_dict("records")
    order = np.concatenate([np.flatnonzero(~overlaid), np.flatnonzero(overlaid)])
    features = []
    for i in order:
        record = records[int(i)]
        code = _jsonable(record["code"])
        props = {"code": code, **{name: _jsonable(record[column]) for column, name in properties.items()}}
        head = json.dumps(
            {"type": "Feature", "id": code, "properties": props}, separators=(",", ":"), ensure_ascii=False
        )
        features.append(f'{head[:-1]},"geometry":{texts[i] or "null"}}}')
    return ('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}").encode("utf-8")

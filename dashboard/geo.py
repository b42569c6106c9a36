"""Geometry for the browser: repair, simplify for the display scale, round, serialise once.

The GeoJSON a map draws is prepared once per boundary version and district and served as a
cacheable file (see :mod:`dashboard.views.geojson_route`); figures refer to it by URL, so no
callback ever sends geometry. Simplification is coverage-aware (``shapely.coverage_simplify``):
neighbouring villages keep one shared border, so simplifying opens no gaps between them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

__all__ = ["Bounds", "bounds_of", "prepare_geojson", "view_for_bounds"]

# ~20 m at the equator: invisible at district zoom, and it divides vertex counts several times.
DISPLAY_TOLERANCE_DEG = 0.0002
COORDINATE_DECIMALS = 5  # ~1 m


@dataclass(frozen=True)
class Bounds:
    west: float
    south: float
    east: float
    north: float


def bounds_of(frame: gpd.GeoDataFrame) -> Bounds:
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
    zoom_lon = np.log2(360.0 * width_px / (512.0 * lon_span))
    zoom_lat = np.log2(360.0 * height_px / (512.0 * lat_span))
    return centre, float(max(0.0, min(zoom_lon, zoom_lat) - 0.15))


def _repair(geometry: shapely.Geometry) -> shapely.Geometry:
    return geometry if shapely.is_valid(geometry) else shapely.make_valid(geometry)


def prepare_geojson(villages: gpd.GeoDataFrame, tolerance: float = DISPLAY_TOLERANCE_DEG) -> bytes:
    """A compact GeoJSON FeatureCollection of ``villages`` with each feature's ``id`` set to its code.

    Properties carry only what the browser needs (code, name, kecamatan); figures join values by id.
    """
    geometries = np.array([_repair(g) for g in villages.geometry.values], dtype=object)
    try:
        simplified = shapely.coverage_simplify(geometries, tolerance)
    except shapely.errors.GEOSException:
        # Real files overlap by slivers and are not a clean coverage; simplify each on its own then.
        simplified = shapely.simplify(geometries, tolerance, preserve_topology=True)
    rounded = shapely.set_precision(simplified, 10**-COORDINATE_DECIMALS, mode="pointwise")
    features = []
    for code, name, kecamatan, geometry in zip(
        villages["code"], villages["name"], villages["kecamatan_name"], rounded, strict=True
    ):
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "name": name, "kecamatan": kecamatan},
                "geometry": shapely.geometry.mapping(geometry),
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

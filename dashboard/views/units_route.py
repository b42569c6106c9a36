"""A district's reporting units above villages as GeoJSON: its kecamatan, or its puskesmas service areas.

``/lokus-geo/<version>/unit/<level>/<district>.geojson`` (``level``: ``kecamatan`` or ``puskesmas``). Kecamatan are
the outlines the boundary import stored (dissolved from the villages when it brought none); a puskesmas area is
its own boundary, else the union of the villages it serves (:func:`dashboard.data.levels.puskesmas_areas`): its
figures are drawn on that area, never spread onto the villages. The version names the district's boundaries and
the data (a new puskesmas list is data), so the content at a URL never changes. Readers of the district only,
decided here on the server.
"""

from __future__ import annotations

import hashlib

import geopandas as gpd
from dash import Dash
from flask import Response, abort, request

from dashboard.auth.roles import Permission, can
from dashboard.core.codes import Level
from dashboard.data.levels import puskesmas_areas
from dashboard.data.store import Store
from dashboard.geo import prepare_geojson
from dashboard.services import Services, may_read

__all__ = ["UNIT_LEVELS", "UNIT_ROUTE", "register", "unit_frame", "unit_layer_path"]

UNIT_ROUTE = "/lokus-geo/<version>/unit/<level>/<district>.geojson"
UNIT_LEVELS = ("kecamatan", "puskesmas")


def _version(store: Store, district: str) -> str:
    raw = f"{store.boundary_version(district)}|{store.data_version()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def unit_frame(store: Store, level: str, district: str) -> gpd.GeoDataFrame:
    """``code, name, geometry`` of the district's kecamatan or puskesmas areas (those with a polygon), EPSG:4326.

    Raises ``ValueError`` for another ``level``."""
    if level == "kecamatan":
        frame = store.outlines(district, Level.KECAMATAN)[["code", "name", "geometry"]]
        if frame.empty:  # a file that brought villages only: their kecamatan, dissolved
            villages = store.villages(district)
            frame = villages.dissolve(by="kecamatan_code", as_index=False)[
                ["kecamatan_code", "kecamatan_name", "geometry"]
            ].rename(columns={"kecamatan_code": "code", "kecamatan_name": "name"})
    elif level == "puskesmas":
        frame = puskesmas_areas(store, district)[["code", "name", "geometry"]]
        frame = frame[frame.geometry.notna()]
    else:
        raise ValueError(f"no unit layer {level!r}: one of {', '.join(UNIT_LEVELS)}")
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry="geometry", crs=4326)


def unit_layer_path(services: Services, level: str, district: str) -> str | None:
    """The path of the layer for a page's map; None without a store."""
    if services.store is None:
        return None
    return f"/lokus-geo/{_version(services.store, district)}/unit/{level}/{district}.geojson"


def register(app: Dash, services: Services) -> None:
    def serve(version: str, level: str, district: str) -> Response:
        from dashboard.auth.web import current_actor_of_request

        actor = current_actor_of_request()
        if actor.is_anonymous:
            return Response("sign in first", status=401)
        store = services.store
        if store is None or level not in UNIT_LEVELS or not can(actor, Permission.VIEW):
            abort(404 if store is None or level not in UNIT_LEVELS else 403)
        known = {d.code: d for d in store.districts()}
        if district not in known:
            abort(404)
        if not may_read(actor, known[district]):
            abort(403)
        if version != _version(store, district):
            abort(404)  # an old URL: the page asks for the new one
        frame = unit_frame(store, level, district)
        body = prepare_geojson(frame, properties={"name": "name"})
        etag = hashlib.sha256(body).hexdigest()[:20]
        if request.if_none_match and etag in request.if_none_match:
            return Response(status=304)
        response = Response(body, mimetype="application/geo+json")
        response.headers["Cache-Control"] = "private, max-age=31536000, immutable"
        response.set_etag(etag)
        return response

    app.server.add_url_rule(UNIT_ROUTE, "lokus_unit_geojson", serve)

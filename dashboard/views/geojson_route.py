"""The GeoJSON of a district's villages, served as a long-cached file keyed by boundary version."""

from __future__ import annotations

import hashlib

from dash import Dash
from flask import Response, abort, request

from dashboard.services import Services

__all__ = ["ROUTE", "geojson_path", "register"]

ROUTE = "/lokus-geo/<version>/<district>.geojson"


def geojson_path(services: Services, district_code: str) -> str:
    """The path (without the app prefix) a figure uses as its ``geojson``."""
    version = services.source.boundary_version(district_code)
    return f"/lokus-geo/{version}/{district_code}.geojson"


def register(app: Dash, services: Services) -> None:
    def serve(version: str, district: str) -> Response:
        known = {d.code for d in services.source.districts()}
        if district not in known:
            abort(404)
        current, body = services.geojson.get(district)
        if version != current:
            abort(404)  # an old URL after a boundary import: the page will ask for the new one
        etag = hashlib.sha256(body).hexdigest()[:20]
        if request.if_none_match and etag in request.if_none_match:
            return Response(status=304)
        response = Response(body, mimetype="application/geo+json")
        # The URL changes with the boundary version, so the content at a URL never changes.
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        response.set_etag(etag)
        return response

    app.server.add_url_rule(ROUTE, "lokus_geojson", serve)

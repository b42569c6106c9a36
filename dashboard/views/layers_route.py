"""The layers a province or national map draws, served by version: kabupaten/province GeoJSON and village tiles.

- ``/lokus-geo/<version>/<level>/<within>.geojson``: a layer of :mod:`dashboard.data.layers` (``level`` provinsi,
  kabupaten or desa; ``within`` a province code or ``id`` for all Indonesia);
- ``/lokus-tiles/<version>/<z>/<x>/<y>.pbf``: one vector tile of a region's villages (:mod:`dashboard.tiles`),
  the MVT gzip-compressed as stored (``Content-Encoding: gzip``; uncompressed for a client that does not accept
  gzip), 204 for a tile with nothing in it;
- ``/lokus-tiles/status/<within>.json``: the region's tiles version, state (building/ready/failed) and URL
  template; asking starts the build.

A URL names one boundary version, so its content never changes: answers are kept a year (``immutable``), but
``private``: a layer holds only what its reader may read, so no shared cache may hand it to another. An old
version answers 404 (the page asks for the new one), as does a version whose tiles are still being built, with
``Retry-After``.

Access, decided here on the server with the session's actor: 401 signed out, 403 without the VIEW permission.
A layer lists only the regions the reader may read (:mod:`dashboard.data.layers`: its areas' districts, the
demo for anyone signed in, a province when its areas cover it or it may read every district of it); 403 when
it may read nothing of it. Tiles hold every village of their region, so they go only to a reader who may read
every district of the region: national tiles to administrators and readers whose areas cover all districts,
a province's tiles to its readers (and the demo's province ``99`` to anyone signed in).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from dash import Dash
from flask import Response, jsonify, request

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor, Permission, can
from dashboard.data.layers import (
    NATIONAL,
    LayerCache,
    LayerError,
    LayerSource,
    Readable,
    layer_geojson,
    layer_version,
    region_districts,
)
from dashboard.data.source import District
from dashboard.services import AreaScopedSource, Services, may_read
from dashboard.tiles import RETRY_FAILED_S, TileState, read_tile, start_tiles, tiles_version, version_region

__all__ = ["LAYER_ROUTE", "STATUS_ROUTE", "TILE_ROUTE", "layer_path", "register", "tiles_path"]

LAYER_ROUTE = "/lokus-geo/<version>/<level>/<within>.geojson"
TILE_ROUTE = "/lokus-tiles/<version>/<int:z>/<int:x>/<int:y>.pbf"
STATUS_ROUTE = "/lokus-tiles/status/<within>.json"
PRIVATE_IMMUTABLE = "private, max-age=31536000, immutable"
RETRY_BUILDING_S = 30  # Jawa Tengah's tiles take ~20 s, all Indonesia's a few minutes
MVT = "application/vnd.mapbox-vector-tile"


def _source(services: Services) -> LayerSource:
    """The unscoped data: the store when there is one (its outlines, one query per layer), else the region source.
    Layers filter by the reader themselves."""
    if services.store is not None:
        return services.store
    return services.source.inner if isinstance(services.source, AreaScopedSource) else services.source


def _readable(services: Services, actor: Actor | None) -> Readable:
    """Whether ``actor`` may read a district (or, for a province code, whether its areas cover the province)."""
    if actor is None:
        return None
    districts = {district.code: district for district in _source(services).districts()}

    def readable(code: str) -> bool:
        return may_read(actor, districts.get(code, District(code, code)))

    return readable


def _within(within: str | None) -> str | None:
    return None if within in (None, NATIONAL) else within


def layer_path(services: Services, level: str, within: str | None) -> str:
    """The path of a layer as the current reader may see it (``within``: a province code, ``None``/``"id"`` for
    all Indonesia), for a page's map. Raises :class:`~dashboard.data.layers.LayerError` for no such layer.

    >>> from dashboard.config import Settings
    >>> from dashboard.data.source import DemoSource
    >>> path = layer_path(Services(Settings(), DemoSource(Settings().geodata_dir)), "kabupaten", "99")
    >>> path.startswith("/lokus-geo/"), path.endswith("/kabupaten/99.geojson")
    (True, True)
    """
    code = _within(within)
    version = layer_version(_source(services), level, code, _readable(services, current_actor()))
    return f"/lokus-geo/{version}/{level}/{code or NATIONAL}.geojson"


def tiles_path(services: Services, within: str | None) -> str:
    """The URL template of a region's village tiles (``{z}/{x}/{y}`` for MapLibre's ``tiles``), having started
    their build when nobody builds them; :func:`~dashboard.tiles.tiles_status` says when they are ready."""
    status = start_tiles(services.settings.data_dir, _source(services), _within(within))
    return f"/lokus-tiles/{status.version}/{{z}}/{{x}}/{{y}}.pbf"


def _reader() -> Actor | Response:
    from dashboard.auth.web import current_actor_of_request

    actor = current_actor_of_request()
    if actor.is_anonymous:
        return Response("sign in first", status=401)
    if not can(actor, Permission.VIEW):
        return Response("not allowed", status=403)
    return actor


def _reads_region(services: Services, actor: Actor, within: str | None) -> bool:
    """Tiles hold every village of their region: the reader must be able to read every district of it."""
    readable = _readable(services, actor)
    districts = region_districts(_source(services), within)
    return bool(districts) and all(readable is None or readable(d.code) for d in districts)


def _not_yet(retry_after: float) -> Response:
    response = Response("not built yet", status=404, mimetype="text/plain")
    response.headers["Retry-After"] = str(int(retry_after))
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: Dash, services: Services) -> None:
    """Add the three routes to ``app``'s server, with one cache of prepared layers for the process."""
    cache = LayerCache()
    data_dir = services.settings.data_dir

    def guarded(serve: Callable[..., Response]) -> Callable[..., Response]:
        def wrapper(**kwargs: object) -> Response:
            actor = _reader()
            return actor if isinstance(actor, Response) else serve(actor, **kwargs)

        wrapper.__name__ = serve.__name__
        return wrapper

    @guarded
    def serve_layer(actor: Actor, version: str, level: str, within: str) -> Response:
        source, code = _source(services), _within(within)
        readable = _readable(services, actor)
        try:
            current = layer_version(source, level, code, readable)
            if current == "empty":
                anything = layer_version(source, level, code) != "empty"
                return Response("not allowed" if anything else "no such layer", status=403 if anything else 404)
        except LayerError as error:
            return Response(str(error), status=404, mimetype="text/plain")
        if version != current:
            return Response("old version", status=404)  # after a boundary import: the page asks for the new one
        _version, body = layer_geojson(source, level, code, readable, cache)
        etag = hashlib.sha256(body).hexdigest()[:20]
        if request.if_none_match and etag in request.if_none_match:
            return Response(status=304)
        response = Response(body, mimetype="application/geo+json")
        response.headers["Cache-Control"] = PRIVATE_IMMUTABLE
        response.set_etag(etag)
        return response

    @guarded
    def serve_tile(actor: Actor, version: str, z: int, x: int, y: int) -> Response:
        region = version_region(version)
        if region is None:
            return Response("no such tiles", status=404)
        within, source = _within(region), _source(services)
        if not _reads_region(services, actor, within):
            return Response("not allowed", status=403)
        if version != tiles_version(source, within):
            return Response("old version", status=404)
        try:
            tile = read_tile(data_dir, version, z, x, y)
        except FileNotFoundError:  # not built yet (or removed: a newer version just finished)
            status = start_tiles(data_dir, source, within)
            return _not_yet(RETRY_FAILED_S if status.state is TileState.FAILED else RETRY_BUILDING_S)
        if tile is None:
            response = Response(status=204)
        elif tile.gzipped and "gzip" in request.accept_encodings:
            response = Response(tile.data, mimetype=MVT)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = Response(tile.plain(), mimetype=MVT)
        response.headers["Cache-Control"] = PRIVATE_IMMUTABLE
        response.vary.add("Accept-Encoding")
        return response

    @guarded
    def serve_status(actor: Actor, within: str) -> Response:
        code = _within(within)
        if code is not None and not (len(code) == 2 and code.isdigit()):
            return Response("no such region", status=404)
        if not _reads_region(services, actor, code):
            return Response("not allowed", status=403)
        status = start_tiles(data_dir, _source(services), code)
        url = f"/lokus-tiles/{status.version}/{{z}}/{{x}}/{{y}}.pbf"
        response = jsonify(within=status.within, version=status.version, state=str(status.state), url=url)
        response.headers["Cache-Control"] = "private, no-store"
        return response

    app.server.add_url_rule(LAYER_ROUTE, "lokus_layer", serve_layer)
    app.server.add_url_rule(TILE_ROUTE, "lokus_tile", serve_tile)
    app.server.add_url_rule(STATUS_ROUTE, "lokus_tiles_status", serve_status)

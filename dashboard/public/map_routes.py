"""The public district map's data routes: the SVG map drawn per choice (cached), the interactive map's
``/publik/<kode>/peta.json`` and the outlines ``/publik/<kode>/batas/<sha256>/<desa|kecamatan>.geojson``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask import Response, abort, request
from markupsafe import Markup

from dashboard.caching import IMMUTABLE
from dashboard.core.periods import period_label
from dashboard.data.publications import Publications, Snapshot
from dashboard.i18n import t
from dashboard.public import interactive, svg
from dashboard.public.content import valid_district_code
from dashboard.public.district_model import LEVELS, MEASURES
from dashboard.public.painting import LegendEntry, Painting, paint
from dashboard.public.site import SnapshotReader, href, request_lang
from dashboard.public.texts import date_text, source_text

__all__ = ["DrawnMap", "MapRoutes"]

_PIN = 16  # hex digits of the content hash that pin the live map's data to the page's snapshot
_RENDER_CACHE = 64  # drawn maps kept per process (about 60 kB each)
_FILE_CACHE = 32  # outline files kept per process


@dataclass(frozen=True)
class DrawnMap:
    """A district map as inline SVG markup with its legend entries."""

    svg: Markup
    legend: tuple[LegendEntry, ...]


class MapRoutes:
    """Mixin of :class:`~dashboard.public.routes.PublicPages`: the maps, drawn and live, with per-process caches."""

    publications: Publications
    reader: SnapshotReader
    asset_url: Callable[[str], str]
    map_library_url: Callable[[str], str] | None

    def _init_map_caches(self) -> None:
        # Bound per instance (an lru_cache on the method would keep every app's pages alive).
        self._shapes = lru_cache(maxsize=_RENDER_CACHE)(self._project)
        self._painting = lru_cache(maxsize=_RENDER_CACHE)(self._paint)
        self._map = lru_cache(maxsize=_RENDER_CACHE)(self._draw_map)
        self._live = lru_cache(maxsize=_RENDER_CACHE)(self._live_map_bytes)
        self._outlines = lru_cache(maxsize=_FILE_CACHE)(self._outline_bytes)

    def _project(self, snapshot_id: int, sha256: str) -> tuple[svg.Projection, dict[str, str], dict[str, str]]:
        """Path data of every desa and kecamatan in one projection (fitted to the villages), per snapshot."""
        snapshot = self.publications.snapshot(snapshot_id)
        if snapshot is None or snapshot.content_sha256 != sha256:
            raise LookupError(snapshot_id)
        view = self.reader.published(snapshot)
        desa, kecamatan = view.features("desa"), view.features("kecamatan")
        projection = svg.Projection.of_features(desa or kecamatan)
        paths = {level: {str(f["id"]): svg.polygon_path(f.get("geometry"), projection) for f in features}
                 for level, features in (("desa", desa), ("kecamatan", kecamatan))}  # fmt: skip
        return projection, paths["desa"], paths["kecamatan"]

    def _paint(self, snapshot_id: int, sha256: str, level: str, period: str, measure: str, lang: str,
               terbitan: int | None) -> Painting:  # fmt: skip
        """The colours, tooltips and links of a map choice: the SVG's and the live map's (cached)."""
        snapshot = self.publications.snapshot(snapshot_id)
        if snapshot is None or snapshot.content_sha256 != sha256:
            raise LookupError(snapshot_id)
        return paint(self.reader.published(snapshot), level, period, measure, lang, terbitan)

    def _draw_map(self, snapshot_id: int, sha256: str, level: str, period: str, measure: str, lang: str,
                  terbitan: int | None) -> DrawnMap:  # fmt: skip
        """The district's map of ``level`` coloured by ``measure`` in ``period``, with its legend (cached)."""
        painting = self._painting(snapshot_id, sha256, level, period, measure, lang, terbitan)
        projection, desa_paths, kecamatan_paths = self._shapes(snapshot_id, sha256)
        paths = desa_paths if level == "desa" else kecamatan_paths
        areas = [svg.MapArea(a.code, paths.get(a.code, ""), painting.svg_fill(a), a.title, a.href)
                 for a in painting.areas]  # fmt: skip
        outline = "".join(kecamatan_paths.values()) if level == "desa" else ""
        drawn = svg.map_svg(areas, projection, label=painting.label, outline=outline)
        return DrawnMap(Markup(drawn), painting.legend)

    # ------------------------------------------------------------------------------------- interactive map

    def _live_links(self, kode: str, snapshot: Snapshot, state: dict[str, Any], lang: str) -> dict[str, str] | None:
        """What the page's script needs to swap the SVG for the live map; None when the app serves no component."""
        if self.map_library_url is None:
            return None
        # The content hash pins the live map to the snapshot this page drew (a newer one answers 404: reload).
        data = href(f"/publik/{kode}/peta.json", lang, {**state, "v": snapshot.content_sha256[:_PIN]})
        return {
            "data": data,
            "script": self.asset_url("public/peta.js"),
            "core": self.map_library_url("lokus_map_core.min.js"),
            "worker": self.map_library_url("maplibre-gl-worker.js"),
            "css": self.map_library_url("lokus_map.min.css"),
        }

    def live_map(self, kode: str) -> Response:
        """``/publik/<kode>/peta.json``: the live map's props and links for the SVG map's own query parameters."""
        lang = request_lang()
        snapshot, view, is_latest = self.reader.choose(kode, request.args.get("terbitan"))
        pin = request.args.get("v")
        if pin is not None and (len(pin) != _PIN or not snapshot.content_sha256.startswith(pin)):
            abort(404)
        period = self.reader.period(view, request.args.get("periode"))
        level = request.args.get("peta", "desa")
        measure = request.args.get("ukuran", "prevalensi")
        if level not in LEVELS or measure not in MEASURES:
            abort(404)
        terbitan = None if is_latest else snapshot.id
        body = self._live(snapshot.id, snapshot.content_sha256, level, period, measure, lang, terbitan)
        response = Response(body, mimetype="application/json")
        # As the open data: a withdrawal reaches every cache within five minutes.
        response.headers["Cache-Control"] = "public, max-age=300"
        return response

    def _live_map_bytes(self, snapshot_id: int, sha256: str, level: str, period: str, measure: str, lang: str,
                        terbitan: int | None) -> bytes:  # fmt: skip
        snapshot = self.publications.snapshot(snapshot_id)
        if snapshot is None or snapshot.content_sha256 != sha256:
            raise LookupError(snapshot_id)
        view = self.reader.published(snapshot)
        painting = self._painting(snapshot_id, sha256, level, period, measure, lang, terbitan)
        title = t("public.map.title", lang, level=t(f"public.level.{level}", lang))
        texts = {
            "title": f"{view.district_name} · {title} · {period_label(period, lang)}",
            "source": source_text(view, lang),
            "date": date_text(str(view.content["diterbitkan"]), lang, view.district_code),
        }
        body = interactive.map_props(painting, view, sha256, lang, texts=texts)
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def outlines(self, kode: str, sha256: str, level: str) -> Response:
        """``/publik/<kode>/batas/<sha256>/<desa|kecamatan>.geojson``: a standing snapshot's outlines, kept a year."""
        if not valid_district_code(kode) or not interactive.SHA256.fullmatch(sha256) or level not in LEVELS:
            abort(404)
        standing = [s for s in self.publications.snapshots(kode, standing_only=True) if s.content_sha256 == sha256]
        if not standing:
            abort(404)
        try:
            body = self._outlines(standing[0].id, sha256, level)
        except LookupError:
            abort(404)
        response = Response(body, mimetype="application/geo+json")
        # The URL names the content: what it answers never changes (boundaries only, no figure).
        response.headers["Cache-Control"] = IMMUTABLE
        return response

    def _outline_bytes(self, snapshot_id: int, sha256: str, level: str) -> bytes:
        snapshot = self.publications.snapshot(snapshot_id)
        if snapshot is None or snapshot.content_sha256 != sha256:
            raise LookupError(snapshot_id)
        return interactive.boundary_geojson(self.reader.published(snapshot), level)

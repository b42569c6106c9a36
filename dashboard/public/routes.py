"""The public site's HTML pages: district list, district, village, method, downloads; server-rendered, no login.

Routes (every view's state is in its URL, so any view can be shared; ``lang=en`` switches to English):

- ``/publik``: published districts; ``/publik/metode``: the method; ``/unduh``: every district's downloads;
  ``/metode`` redirects to ``/publik/metode``.
- ``/publik/<kode>?periode=&peta=desa|kecamatan&ukuran=prevalensi|jumlah&terbitan=``: a district.
- ``/publik/<kode>/desa/<kode_desa>?terbitan=``: a village.
- ``/publik/<kode>/unduh/<kecamatan|desa|desa-<kode_desa>>.<csv|xlsx|geojson>?periode=&terbitan=&lang=`` and
  ``/publik/<kode>/unduh/metadata.txt``: open data (:mod:`dashboard.public.downloads`).
- ``/publik/<kode>/peta.json?periode=&peta=&ukuran=&terbitan=&v=`` and
  ``/publik/<kode>/batas/<sha256>/<desa|kecamatan>.geojson``: the interactive map's data and outlines
  (:mod:`dashboard.public.interactive`), loaded only when a reader presses "Peta interaktif".

Pages are Jinja2 templates (``templates/``, autoescaped) with inline SVG maps (:mod:`dashboard.public.svg`):
a phone on a poor connection gets tens of kilobytes instead of the Dash bundles, the pages work without
JavaScript, and anonymous visitors reach no Dash callback. The district page's one script
(``assets/public/peta.js``, a file, as the CSP wants) offers the interactive map as an enhancement.
Everything a URL carries is validated against the snapshot before use; anything unknown answers the
site's own 404 page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from flask import Blueprint, Response, abort, redirect, request
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from dashboard.caching import IMMUTABLE
from dashboard.config import Settings
from dashboard.core.periods import period_label
from dashboard.core.suppression import DEFAULT_MIN_COUNT
from dashboard.data.publications import Publications, Snapshot
from dashboard.i18n import Lang, fmt_int, fmt_number, fmt_percent, t
from dashboard.public import downloads, interactive, svg
from dashboard.public.content import SHOWN, Published, valid_district_code, valid_village_code
from dashboard.public.painting import LegendEntry, Painting, paint
from dashboard.public.site import SnapshotReader, compress, href, request_lang
from dashboard.public.texts import (
    count_text,
    date_text,
    interval_text,
    periods_text,
    rate_text,
    short_period,
    source_text,
)

__all__ = ["LEVELS", "MEASURES", "PublicPages"]

LEVELS: Final = ("desa", "kecamatan")
MEASURES: Final = ("prevalensi", "jumlah")
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_PIN = 16  # hex digits of the content hash that pin the live map's data to the page's snapshot
_RENDER_CACHE = 64  # drawn maps kept per process (about 60 kB each)
_FILE_CACHE = 32  # downloads kept per process (up to about 150 kB each)
_MIME = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}  # fmt: skip


@dataclass(frozen=True)
class DrawnMap:
    svg: Markup
    legend: tuple[LegendEntry, ...]


class PublicPages:
    """The HTML blueprint; built once per app with the publications it reads and the asset URLs."""

    def __init__(self, publications: Publications, settings: Settings, asset_url: Callable[[str], str],
                 map_library_url: Callable[[str], str] | None = None) -> None:  # fmt: skip
        self.reader = SnapshotReader(publications)
        self.publications = publications
        self.settings = settings
        self.asset_url = asset_url
        # The map component's files (core bundle, worker, stylesheet) by name; None: no interactive map offered.
        self.map_library_url = map_library_url
        self.env = Environment(
            loader=FileSystemLoader(str(_TEMPLATES)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
        )
        self._shapes = lru_cache(maxsize=_RENDER_CACHE)(self._project)
        self._painting = lru_cache(maxsize=_RENDER_CACHE)(self._paint)
        self._map = lru_cache(maxsize=_RENDER_CACHE)(self._draw_map)
        self._live = lru_cache(maxsize=_RENDER_CACHE)(self._live_map_bytes)
        self._outlines = lru_cache(maxsize=_FILE_CACHE)(self._outline_bytes)
        self._file = lru_cache(maxsize=_FILE_CACHE)(self._build_file)

    # ------------------------------------------------------------------------------------- frame

    def render(self, template: str, lang: str, title: str, context: dict[str, Any] | None = None,
               status: int = 200) -> Response:  # fmt: skip
        """A page of the site: the frame (navigation, language switch, demo badge) around ``template``."""
        args = {k: v for k, v in request.args.items() if k != "lang"}
        switch_lang = "en" if lang != Lang.EN else "id"
        page = self.env.get_template(template).render(
            lang=lang,
            title=title,
            tr=lambda key, **params: t(key, lang, **params),
            link=lambda path, **params: href(path, lang, params),
            switch_url=href(request.path, switch_lang, args),
            css=[self.asset_url("bootstrap.min.css"), self.asset_url("public.css")],
            **{"demo": False, "footer": "", **(context or {})},
        )
        response = Response(page, status=status, mimetype="text/html")
        response.headers["Content-Language"] = lang
        return response

    def not_found(self, _error: Exception | None = None) -> Response:
        lang = request_lang()
        return self.render("notfound.html", lang, t("public.notfound.title", lang), status=404)

    def footer(self, view: Published, lang: str) -> str:
        return t(
            "public.footer",
            lang,
            source=source_text(view, lang),
            periods=periods_text(view, lang),
            date=date_text(str(view.content["diterbitkan"]), lang),
            publisher=str(view.content.get("penerbit") or ""),
            licence=str(view.content.get("lisensi") or ""),
        )

    # ------------------------------------------------------------------------------------- list, method, downloads

    def district_list(self) -> Response:
        lang = request_lang()
        rows = []
        for snapshot in self.publications.published_districts():
            view = self.reader.summary(snapshot)
            period = view.latest_period
            rows.append(
                {
                    "name": view.district_name,
                    "code": view.district_code,
                    "url": href(f"/publik/{view.district_code}", lang),
                    "period": period_label(period, lang),
                    "rate": rate_text(view.district_cell(period), lang),
                    "published": date_text(str(view.content["diterbitkan"]), lang),
                    "source": source_text(view, lang),
                    "demo": view.is_demo,
                }
            )
        context = {"rows": rows, "demo": any(r["demo"] for r in rows)}
        return self.render("list.html", lang, t("public.list.title", lang), context)

    def method(self) -> Response:
        lang = request_lang()
        sources = []
        views = [self.reader.summary(s) for s in self.publications.published_districts()]
        for view in views:
            sources.append(
                t(
                    "public.method.sources.row",
                    lang,
                    district=f"{view.district_name} ({view.district_code})",
                    sources=source_text(view, lang),
                    periods=periods_text(view, lang),
                    date=date_text(str(view.content["diterbitkan"]), lang),
                    publisher=str(view.content.get("penerbit") or ""),
                    min_denominator=int(view.content["aturan"]["penyebut_minimum"]),
                )
            )
        context = {
            "sources": sources,
            "min_denominator": self.settings.public_min_denominator,
            "min_count": DEFAULT_MIN_COUNT,
            "max_small": DEFAULT_MIN_COUNT - 1,
            "licence": self.settings.public_licence,
            "demo": any(view.is_demo for view in views),
        }
        return self.render("method.html", lang, t("public.method.title", lang), context)

    def downloads_page(self) -> Response:
        lang = request_lang()
        districts = []
        for snapshot in self.publications.published_districts():
            view = self.reader.summary(snapshot)
            districts.append(
                {
                    "name": view.district_name,
                    "code": view.district_code,
                    "url": href(f"/publik/{view.district_code}", lang),
                    "demo": view.is_demo,
                    "periods": t("public.unduh.periods", lang, first=period_label(view.periods[0], lang),
                                 last=period_label(view.latest_period, lang),
                                 date=date_text(str(view.content["diterbitkan"]), lang)),
                    "licence": str(view.content.get("lisensi") or ""),
                    "files": self.download_links(view, lang, None, view.latest_period, None),
                    "footer": self.footer(view, lang),
                }
            )  # fmt: skip
        context = {"districts": districts, "demo": any(d["demo"] for d in districts)}
        return self.render("downloads.html", lang, t("public.unduh.title", lang), context)

    def download_links(self, view: Published, lang: str, terbitan: int | None, period: str,
                       village: str | None) -> list[dict[str, Any]]:  # fmt: skip
        """Groups of download links of a view: one group per scope, each with the period's and all periods' files."""
        base = f"/publik/{view.district_code}/unduh"
        scopes = [downloads.Scope("desa", village)] if village else [downloads.Scope(s) for s in ("kecamatan", "desa")]
        groups = []
        for scope in scopes:
            key = "village" if scope.village else scope.name
            links = [
                {"label": f"{fmt.upper()} · {period_label(period, lang)}",
                 "url": href(f"{base}/{scope.slug}.{fmt}", lang, {"periode": period, "terbitan": terbitan})}
                for fmt in downloads.FORMATS
            ] + [
                {"label": f"{fmt.upper()} · {t('public.downloads.all_periods', lang)}",
                 "url": href(f"{base}/{scope.slug}.{fmt}", lang, {"terbitan": terbitan})}
                for fmt in ("csv", "xlsx")
            ]  # fmt: skip
            groups.append({"title": t(f"public.downloads.view.{key}", lang), "links": links})
        readme = {"label": "README · metadata.txt", "url": href(f"{base}/metadata.txt", lang, {"terbitan": terbitan})}
        groups.append({"title": t("public.downloads.metadata", lang), "links": [readme]})
        return groups

    # ------------------------------------------------------------------------------------- district

    def district(self, kode: str) -> Response:
        lang = request_lang()
        snapshot, view, is_latest = self.reader.choose(kode, request.args.get("terbitan"))
        wanted = request.args.get("periode")
        if wanted and request.args.get("terbitan") is None and wanted not in view.periods:
            # A shared link to a period the latest publication no longer holds: the newest standing one that does.
            earlier = self.reader.holding(kode, wanted)
            if earlier is not None:
                return redirect(f"{request.full_path.rstrip('?')}&terbitan={earlier}", code=302)  # type: ignore[return-value]
        period = self.reader.period(view, wanted)
        level = request.args.get("peta", "desa")
        measure = request.args.get("ukuran", "prevalensi")
        if level not in LEVELS or measure not in MEASURES:
            abort(404)
        terbitan = None if is_latest else snapshot.id
        state = {"periode": period, "peta": level, "ukuran": measure, "terbitan": terbitan}
        here = f"/publik/{kode}"
        cell = view.district_cell(period)
        year = int(period[:4])
        own_target = view.district_target(year)
        context = {
            "view": view,
            "period": period,
            "period_name": period_label(period, lang),
            "headline": self._headline(view, period, lang),
            "national": fmt_percent(view.national_target, lang, 0),
            "national_gap": self._gap(cell, view.national_target, lang),
            "own_target": own_target and {
                "text": t("public.target.district", lang, year=year, source=own_target["sumber"],
                          target=fmt_percent(float(own_target["target"]), lang)),
                "gap": self._gap(cell, float(own_target["target"]), lang)},
            "no_own_target": t("public.target.district_none", lang, year=year),
            "completeness": self._completeness(view, period, None, lang),
            "two_numbers": self._two_numbers(view, period, lang),
            "trend": Markup(self._trend(view, lang)),
            "trend_rows": [(period_label(p, lang), rate_text(view.district_cell(p), lang),
                            interval_text(view.district_cell(p), lang)) for p in view.periods],
            "periods": [(p, period_label(p, lang)) for p in reversed(view.periods)],
            "state": state,
            "here": here,
            "level": level,
            "measure": measure,
            "toggles": self._toggles(here, lang, state),
            "map": self._map(snapshot.id, snapshot.content_sha256, level, period, measure, lang, terbitan),
            "live": self._live_links(kode, snapshot, state, lang),
            "map_title": t("public.map.title", lang, level=t(f"public.level.{level}", lang)),
            "legend_title": t(f"public.legend.title.{measure}", lang),
            "kecamatan_rows": self._kecamatan_rows(view, period, lang, terbitan),
            "district_row": self._row(view.district_name, cell, lang),
            "min_denominator": int(view.content["aturan"]["penyebut_minimum"]),
            "history": self._history(kode, snapshot, is_latest, lang),
            "latest_url": None if is_latest else href(here, lang),
            "shown_date": date_text(str(view.content["diterbitkan"]), lang),
            "files": self.download_links(view, lang, terbitan, period, None),
            "footer": self.footer(view, lang),
            "demo": view.is_demo,
        }  # fmt: skip
        title = f"{view.district_name} · {period_label(period, lang)}"
        return self.render("district.html", lang, title, context)

    def _headline(self, view: Published, period: str, lang: str) -> dict[str, Any]:
        cell = view.district_cell(period)
        shown = cell is not None and cell["status"] == SHOWN
        interval = interval_text(cell, lang)
        return {
            "cell": cell,
            "shown": shown,
            "rate": rate_text(cell, lang),
            "interval": t("public.headline.interval", lang, interval=interval) if interval else "",
            "count": count_text(cell, lang),
            "measured": fmt_int(float(cell["penyebut"]), lang) if cell else "",
        }  # fmt: skip

    @staticmethod
    def _gap(cell: dict[str, Any] | None, target: float, lang: str) -> str:
        """How far the published prevalence is from a target, in percentage points ("" when hidden)."""
        if cell is None or cell["status"] != SHOWN or cell.get("prevalensi") is None:
            return ""
        difference = round(float(cell["prevalensi"]) - target, 1)
        if difference == 0:
            return t("public.target.equal", lang)
        key = "public.target.above" if difference > 0 else "public.target.below"
        return t(key, lang, points=fmt_number(abs(difference), lang))

    @staticmethod
    def _completeness(view: Published, period: str, code: str | None, lang: str) -> str:
        row = view.completeness(period, code)
        if row is None:
            return ""
        villages = t("public.completeness.villages", lang, reporting=fmt_int(row["desa_melapor"], lang),
                     total=fmt_int(row["desa_total"], lang))  # fmt: skip
        if row.get("diukur") is None or not row.get("sasaran"):
            return villages
        measured = t("public.completeness", lang, measured=fmt_int(row["diukur"], lang),
                     target=fmt_int(row["sasaran"], lang),
                     share=fmt_percent(100.0 * row["diukur"] / row["sasaran"], lang))  # fmt: skip
        return f"{measured} · {villages}"

    @staticmethod
    def _two_numbers(view: Published, period: str, lang: str) -> dict[str, Any] | None:
        survey = view.survey_for(period)
        if survey is None:
            return None
        year = int(str(survey["periode"])[:4])
        routine_period = view.routine_period_of_year(year)
        low, high = survey.get("batas_bawah"), survey.get("batas_atas")
        survey_interval = (f"{fmt_number(float(low), lang)}–{fmt_percent(float(high), lang)}"
                           if low is not None and high is not None else "")  # fmt: skip
        routine = view.district_cell(routine_period) if routine_period else None
        source = str(survey["sumber"])
        return {
            # The survey and its year ("SSGI 2024"; "Survei contoh (fiktif) 2025"), never a year twice.
            "survey_title": source if str(year) in source else f"{source} {year}",
            "survey_rate": fmt_percent(float(survey["nilai"]), lang) if survey.get("nilai") is not None else "—",
            "survey_interval": survey_interval,
            "routine_title": t("public.two_numbers.routine", lang, period=period_label(routine_period, lang))
            if routine_period else "",
            "routine_rate": rate_text(routine, lang),
            "routine_interval": interval_text(routine, lang),
            "no_routine": "" if routine_period else t("public.two_numbers.no_routine", lang, year=year),
        }  # fmt: skip

    def _trend(self, view: Published, lang: str) -> str:
        points = []
        for p in view.periods:
            cell = view.district_cell(p)
            own = view.district_target(int(p[:4]))
            shown = cell is not None and cell["status"] == SHOWN and cell.get("prevalensi") is not None
            points.append(svg.TrendPoint(
                period=p, axis_label=short_period(p, lang),
                value=float(cell["prevalensi"]) if shown and cell else None,
                value_label=rate_text(cell, lang) if shown else count_text(cell, lang),
                district_target=float(own["target"]) if own else None,
            ))  # fmt: skip
        national = fmt_percent(view.national_target, lang, 0)
        return svg.trend_svg(
            points,
            view.national_target,
            label=t("public.trend.label", lang, district=view.district_name),
            national_label=t("public.trend.national", lang, target=national),
            district_label=t("public.trend.district", lang),
            percent="{:g}%",
        )

    @staticmethod
    def _toggles(here: str, lang: str, state: dict[str, Any]) -> list[dict[str, Any]]:
        groups = []
        for key, options, label in (("peta", LEVELS, "public.map.level_choice"),
                                    ("ukuran", MEASURES, "public.map.measure_choice")):  # fmt: skip
            names = {o: t(f"public.level.{o}" if key == "peta" else f"public.measure.{o}", lang) for o in options}
            groups.append({
                "label": t(label, lang),
                "options": [{"text": names[o], "url": href(here, lang, {**state, key: o}, "peta"),
                             "active": state[key] == o} for o in options],
            })  # fmt: skip
        return groups

    def _row(self, name: str, cell: dict[str, Any] | None, lang: str, anchor: str = "") -> dict[str, Any]:
        return {
            "name": name,
            "anchor": anchor,
            "measured": fmt_int(float(cell["penyebut"]), lang) if cell else "—",
            "count": count_text(cell, lang),
            "rate": rate_text(cell, lang),
            "interval": interval_text(cell, lang),
        }

    def _kecamatan_rows(self, view: Published, period: str, lang: str, terbitan: int | None) -> list[dict[str, Any]]:
        """Each kecamatan's figure and its villages (links), by name."""
        villages: dict[str, list[tuple[str, str]]] = {}
        for code, name in view.area_names("desa").items():
            villages.setdefault(code.rsplit(".", 1)[0], []).append((name, code))
        rows = []
        for code, name in sorted(view.area_names("kecamatan").items(), key=lambda item: item[1]):
            row = self._row(name, view.cell(period, "kecamatan", code), lang, anchor=f"kec-{code}")
            base = f"/publik/{view.district_code}/desa"
            row["villages"] = [
                {"name": v_name, "url": href(f"{base}/{v_code}", lang, {"terbitan": terbitan})}
                for v_name, v_code in sorted(villages.get(code, []))
            ]
            row["villages_label"] = t("public.villages.count", lang, n=len(row["villages"]))
            rows.append(row)
        return rows

    def _history(self, kode: str, shown: Snapshot, is_latest: bool, lang: str) -> list[dict[str, Any]]:
        """Every publication of the district, newest first; withdrawn ones with date and reason, no figures."""
        entries = []
        latest_seen = False
        for snapshot in self.publications.snapshots(kode):
            entry: dict[str, Any] = {
                "date": date_text(snapshot.published_at.isoformat(), lang),
                "title": snapshot.title,
                "url": None,
                "marks": [],
                "withdrawn": "",
            }
            if snapshot.withdrawn_at is not None:
                when = date_text(snapshot.withdrawn_at.isoformat(), lang)
                entry["withdrawn"] = t(
                    "public.history.withdrawn", lang, date=when, reason=snapshot.withdraw_reason or ""
                )
            else:
                first = not latest_seen
                latest_seen = True
                entry["url"] = href(f"/publik/{kode}", lang, {"terbitan": None if first else snapshot.id})
                if first:
                    entry["marks"].append(t("public.history.latest", lang))
                if snapshot.id == shown.id:
                    entry["marks"].append(t("public.history.current", lang))
            entries.append(entry)
        return entries

    # ------------------------------------------------------------------------------------- maps

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
            "date": date_text(str(view.content["diterbitkan"]), lang),
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

    # ------------------------------------------------------------------------------------- village

    def village(self, kode: str, kode_desa: str) -> Response:
        lang = request_lang()
        snapshot, view, is_latest = self.reader.choose(kode, request.args.get("terbitan"))
        names = view.area_names("desa")
        if not valid_village_code(kode_desa) or kode_desa not in names:
            abort(404)
        terbitan = None if is_latest else snapshot.id
        parent = view.village_parent(kode_desa)
        kecamatan_name = view.area_names("kecamatan").get(parent, parent)
        rows = []
        for period in reversed(view.periods):
            cell = view.cell(period, "desa", kode_desa)
            row = self._row(period_label(period, lang), cell, lang)
            # The planners' plausibility marks travel with the value: "perlu diperiksa: <why>".
            marks = [t(f"flag.{flag}.label", lang) for flag in (cell or {}).get("ditandai") or []]
            row["flagged"] = t("public.flagged", lang, why="; ".join(marks)) if marks else ""
            kecamatan = view.cell(period, "kecamatan", parent)
            district = view.district_cell(period)
            row["kecamatan"] = _rate_with_interval(kecamatan, lang)
            row["district"] = _rate_with_interval(district, lang)
            rows.append(row)
        projection, desa_paths, _ = self._shapes(snapshot.id, snapshot.content_sha256)
        name = names[kode_desa]
        locator = svg.highlight_svg(
            "".join(desa_paths.values()), desa_paths.get(kode_desa, ""), projection,
            label=t("public.village.locator", lang, name=name, district=view.district_name), title=name,
        )  # fmt: skip
        context = {
            "view": view,
            "name": name,
            "code": kode_desa,
            "subtitle": t("public.village.in", lang, kecamatan=kecamatan_name, district=view.district_name),
            "rows": rows,
            "locator": Markup(locator),
            "back_url": href(f"/publik/{kode}", lang, {"terbitan": terbitan}, f"kec-{parent}"),
            "min_denominator": int(view.content["aturan"]["penyebut_minimum"]),
            "files": self.download_links(view, lang, terbitan, view.latest_period, kode_desa),
            "latest_url": None if is_latest else href(f"/publik/{kode}/desa/{kode_desa}", lang),
            "shown_date": date_text(str(view.content["diterbitkan"]), lang),
            "footer": self.footer(view, lang),
            "demo": view.is_demo,
        }
        return self.render("village.html", lang, f"{name} · {view.district_name}", context)

    # ------------------------------------------------------------------------------------- files

    def download(self, kode: str, view_name: str, fmt: str) -> Response:
        lang = request_lang()
        snapshot, view, _ = self.reader.choose(kode, request.args.get("terbitan"))
        scope = downloads.Scope.parse(view_name)
        if scope is None or fmt not in downloads.FORMATS:
            abort(404)
        if scope.village and scope.village not in view.area_names("desa"):
            abort(404)
        raw_period = request.args.get("periode")
        period = self.reader.period(view, raw_period) if raw_period is not None else None
        if fmt == "geojson":
            period = period or view.latest_period
        body = self._file(snapshot.id, snapshot.content_sha256, scope, fmt, period, lang)
        return _attachment(body, _MIME[fmt], downloads.file_name(view, scope, fmt, period))

    def _build_file(self, snapshot_id: int, sha256: str, scope: downloads.Scope, fmt: str, period: str | None,
                    lang: str) -> bytes:  # fmt: skip
        """A download's bytes, kept while asked for (a district's XLSX of every village takes about a second)."""
        snapshot = self.publications.snapshot(snapshot_id)
        if snapshot is None or snapshot.content_sha256 != sha256:
            raise LookupError(snapshot_id)
        view = self.reader.published(snapshot)
        if fmt == "geojson":
            return downloads.geojson_bytes(view, scope, period or view.latest_period, lang)
        frame = downloads.table(view, downloads.scope_cells(view, scope, period), lang)
        if fmt == "csv":
            return downloads.csv_bytes(frame, lang)
        return downloads.xlsx_bytes(frame, downloads.metadata_rows(view, lang, period), lang)

    def readme(self, kode: str) -> Response:
        lang = request_lang()
        _, view, _ = self.reader.choose(kode, request.args.get("terbitan"))
        name = f"{view.indicator}_{view.district_code}_README.txt"
        return _attachment(downloads.readme_bytes(view, lang), "text/plain; charset=utf-8", name)

    # ------------------------------------------------------------------------------------- blueprint

    def blueprint(self) -> Blueprint:
        pages = Blueprint("lokus_public", __name__)
        pages.add_url_rule("/publik", "list", self.district_list)
        pages.add_url_rule("/publik/", "list_slash", self.district_list)
        pages.add_url_rule("/publik/metode", "method", self.method)
        pages.add_url_rule("/unduh", "downloads", self.downloads_page)
        pages.add_url_rule("/unduh/", "downloads_slash", self.downloads_page)
        pages.add_url_rule("/metode", "method_redirect", _to_method)
        pages.add_url_rule("/publik/<kode>", "district", self.district)
        pages.add_url_rule("/publik/<kode>/", "district_slash", self.district)
        pages.add_url_rule("/publik/<kode>/desa/<kode_desa>", "village", self.village)
        pages.add_url_rule("/publik/<kode>/unduh/metadata.txt", "readme", self.readme)
        pages.add_url_rule("/publik/<kode>/unduh/<view_name>.<fmt>", "download", self.download)
        pages.add_url_rule("/publik/<kode>/peta.json", "live_map", self.live_map)
        pages.add_url_rule("/publik/<kode>/batas/<sha256>/<level>.geojson", "outlines", self.outlines)
        pages.add_url_rule("/publik/<path:_rest>", "unknown", _unknown)
        pages.register_error_handler(404, self.not_found)
        pages.after_request(compress)
        return pages


def _to_method() -> Response:
    lang = request_lang()
    return redirect(href("/publik/metode", lang), code=302)  # type: ignore[return-value]


def _unknown(_rest: str) -> Response:
    abort(404)


def _attachment(body: bytes, mimetype: str, name: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def _rate_with_interval(cell: dict[str, Any] | None, lang: str) -> str:
    rate = rate_text(cell, lang)
    interval = interval_text(cell, lang)
    return f"{rate} ({interval})" if interval else rate

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

Where things live: this module holds the frame and the page handlers; the district and village pages' view
models are in :mod:`dashboard.public.district_model`, the map routes in :mod:`dashboard.public.map_routes`, the
file routes in :mod:`dashboard.public.file_routes`, the texts in :mod:`dashboard.i18n.public`.

Pages are Jinja2 templates (``templates/``, autoescaped) with inline SVG maps (:mod:`dashboard.public.svg`):
a phone on a poor connection gets tens of kilobytes instead of the Dash bundles, the pages work without
JavaScript, and anonymous visitors reach no Dash callback. The district page's one script
(``assets/public/peta.js``, a file, as the CSP wants) offers the interactive map as an enhancement.
Everything a URL carries is validated against the snapshot before use; anything unknown answers the
site's own 404 page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, redirect, request
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from dashboard.config import Settings
from dashboard.core.periods import period_label
from dashboard.core.suppression import DEFAULT_MIN_COUNT
from dashboard.data.publications import Publications
from dashboard.i18n import Lang, fmt_percent, t
from dashboard.public import district_model as model
from dashboard.public import svg
from dashboard.public.content import Published, valid_village_code
from dashboard.public.district_model import LEVELS, MEASURES
from dashboard.public.file_routes import FileRoutes
from dashboard.public.map_routes import MapRoutes
from dashboard.public.site import SnapshotReader, compress, href, request_lang
from dashboard.public.texts import date_text, interval_text, own_words, periods_text, rate_text, source_text

__all__ = ["LEVELS", "MEASURES", "PublicPages"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


class PublicPages(MapRoutes, FileRoutes):
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
        self._init_map_caches()
        self._init_file_cache()

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
            date=date_text(str(view.content["diterbitkan"]), lang, view.district_code),
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
                    "published": date_text(str(view.content["diterbitkan"]), lang, view.district_code),
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
                    date=date_text(str(view.content["diterbitkan"]), lang, view.district_code),
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
                                 date=date_text(str(view.content["diterbitkan"]), lang, view.district_code)),
                    "licence": str(view.content.get("lisensi") or ""),
                    "files": model.download_links(view, lang, None, view.latest_period, None),
                    "footer": self.footer(view, lang),
                }
            )  # fmt: skip
        context = {"districts": districts, "demo": any(d["demo"] for d in districts)}
        return self.render("downloads.html", lang, t("public.unduh.title", lang), context)

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
            "lead": own_words(str(view.content.get("catatan") or ""), lang),
            "period": period,
            "period_name": period_label(period, lang),
            "headline": model.headline(view, period, lang),
            "national": fmt_percent(view.national_target, lang, 0),
            "national_gap": model.gap(cell, view.national_target, lang),
            "own_target": own_target and {
                "text": t("public.target.district", lang, year=year, source=own_target["sumber"],
                          target=fmt_percent(float(own_target["target"]), lang)),
                "gap": model.gap(cell, float(own_target["target"]), lang)},
            "no_own_target": t("public.target.district_none", lang, year=year),
            "completeness": model.completeness(view, period, None, lang),
            "two_numbers": model.two_numbers(view, period, lang),
            "trend": Markup(model.trend(view, lang)),
            "trend_rows": [(period_label(p, lang), rate_text(view.district_cell(p), lang),
                            interval_text(view.district_cell(p), lang)) for p in view.periods],
            "periods": [(p, period_label(p, lang)) for p in reversed(view.periods)],
            "state": state,
            "here": here,
            "level": level,
            "measure": measure,
            "toggles": model.toggles(here, lang, state),
            "map": self._map(snapshot.id, snapshot.content_sha256, level, period, measure, lang, terbitan),
            "live": self._live_links(kode, snapshot, state, lang),
            "map_title": t("public.map.title", lang, level=t(f"public.level.{level}", lang)),
            "legend_title": t(f"public.legend.title.{measure}", lang),
            "kecamatan_rows": model.kecamatan_rows(view, period, lang, terbitan),
            "district_row": model.row(view.district_name, cell, lang),
            "min_denominator": int(view.content["aturan"]["penyebut_minimum"]),
            "history": model.history(self.publications, kode, snapshot, lang),
            "latest_url": None if is_latest else href(here, lang),
            "shown_date": date_text(str(view.content["diterbitkan"]), lang, view.district_code),
            "files": model.download_links(view, lang, terbitan, period, None),
            "footer": self.footer(view, lang),
            "demo": view.is_demo,
        }  # fmt: skip
        title = f"{view.district_name} · {period_label(period, lang)}"
        return self.render("district.html", lang, title, context)

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
            row = model.row(period_label(period, lang), cell, lang)
            # The planners' plausibility marks travel with the value: "perlu diperiksa: <why>".
            marks = [t(f"flag.{flag}.label", lang) for flag in (cell or {}).get("ditandai") or []]
            row["flagged"] = t("public.flagged", lang, why="; ".join(marks)) if marks else ""
            kecamatan = view.cell(period, "kecamatan", parent)
            district = view.district_cell(period)
            row["kecamatan"] = model.rate_with_interval(kecamatan, lang)
            row["district"] = model.rate_with_interval(district, lang)
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
            "files": model.download_links(view, lang, terbitan, view.latest_period, kode_desa),
            "latest_url": None if is_latest else href(f"/publik/{kode}/desa/{kode_desa}", lang),
            "shown_date": date_text(str(view.content["diterbitkan"]), lang, view.district_code),
            "footer": self.footer(view, lang),
            "demo": view.is_demo,
        }
        return self.render("village.html", lang, f"{name} · {view.district_name}", context)

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

"""The read-only open-data API under ``/api/v1/``: published districts, their snapshots, figures and outlines as JSON.

Field names are the snapshot content's own (:mod:`dashboard.core.publication`, format 1) and stay stable;
the README's "Data terbuka / Open data API" section documents them and ``/api/v1/`` answers an index of
the endpoints. The same protection as every public surface: only standing snapshots' protected cells,
a hidden count is ``null`` with its label; a withdrawn snapshot is listed with ``ditarik`` and no figures.
Anyone may read it from any origin (``Access-Control-Allow-Origin: *``, no cookies needed); only GET,
HEAD and OPTIONS are answered, anything else is 405.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from flask import Blueprint, Response, request

from dashboard.core.publication import LEVELS
from dashboard.data.publications import Publications, Snapshot
from dashboard.i18n import t
from dashboard.public.content import PERIOD, Published, valid_district_code
from dashboard.public.site import SnapshotReader, compress, request_lang

__all__ = ["PREFIX", "PublicApi"]

PREFIX: Final = "/api/v1"
ALLOWED: Final = ("GET", "HEAD", "OPTIONS")
_EVERY_METHOD: Final = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
CELL_FIELDS: Final = ("periode", "indikator", "tingkat", "kode", "induk", "nama", "penyebut", "pembilang",
                      "prevalensi", "batas_bawah", "batas_atas", "label", "status", "ditandai")  # fmt: skip
SNAPSHOT_FIELDS: Final = ("id", "judul", "diterbitkan", "penerbit", "periode", "indikator", "lisensi")
MAP_LEVELS: Final = ("desa", "kecamatan")


def _json(body: object, status: int = 200, mimetype: str = "application/json") -> Response:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(text, status=status, mimetype=mimetype)


def _error(status: int, key: str, **params: object) -> Response:
    return _json({"galat": {"status": status, "pesan": t(key, request_lang(), **params)}}, status)


def _snapshot_summary(snapshot: Snapshot) -> dict[str, Any]:
    """A snapshot as listed: its metadata; a withdrawn one with ``ditarik`` (when and why) and no figures."""
    row: dict[str, Any] = {
        "id": snapshot.id,
        "judul": snapshot.title,
        "diterbitkan": snapshot.published_at.isoformat(timespec="seconds"),
        "penerbit": snapshot.publisher,
        "periode": list(snapshot.periods),
        "indikator": list(snapshot.indicators),
        "lisensi": snapshot.licence,
        "ditarik": None,
    }
    if not snapshot.standing:
        row["ditarik"] = {
            "waktu": snapshot.withdrawn_at.isoformat(timespec="seconds") if snapshot.withdrawn_at else None,
            "alasan": snapshot.withdraw_reason or "",
        }
    else:
        row["tautan"] = _links(snapshot.id, snapshot.district_code)
    return row


_LINK_NAMES: Final = ("terbitan", "angka", "peta_desa", "peta_kecamatan", "halaman")


def _links(snapshot_id: int, district_code: str) -> dict[str, str]:
    """Where a snapshot's own answers are, so that a program (or a crawler) can follow them from any listing."""
    base = f"{PREFIX}/terbitan/{snapshot_id}"
    return {
        "terbitan": base,
        "angka": f"{base}/angka",
        "peta_desa": f"{base}/peta/desa.geojson",
        "peta_kecamatan": f"{base}/peta/kecamatan.geojson",
        "halaman": f"/publik/{district_code}?terbitan={snapshot_id}",
    }


def _metadata(snapshot: Snapshot, view: Published) -> dict[str, Any]:
    content = view.content
    return {
        "id": snapshot.id,
        "wilayah": content["wilayah"],
        "judul": content.get("judul"),
        "catatan": content.get("catatan"),
        "periode": view.periods,
        "indikator": list(content["indikator"]),
        "diterbitkan": content["diterbitkan"],
        "penerbit": content.get("penerbit"),
        "lisensi": content.get("lisensi"),
        "versi_batas": content.get("versi_batas"),
        "aturan": content.get("aturan"),
    }


class PublicApi:
    """The ``/api/v1`` blueprint over the standing snapshots."""

    def __init__(self, publications: Publications, reader: SnapshotReader) -> None:
        self.publications = publications
        self.reader = reader

    def index(self) -> Response:
        lang = request_lang()

        def endpoint(path: str, key: str, fields: list[str] | None = None, **extra: Any) -> dict[str, Any]:
            entry: dict[str, Any] = {"jalur": f"{PREFIX}{path}", "metode": list(ALLOWED), "deskripsi": t(key, lang)}
            if fields:
                entry["kolom"] = fields
            entry.update(extra)
            return entry

        body = {
            "nama": "Lokus — API data terbuka stunting",
            "versi": "v1",
            "deskripsi": t("public.api.description", lang),
            "lisensi": t("public.api.licence", lang),
            "metode": list(ALLOWED),
            "cors": "*",
            "endpoint": [
                endpoint("/", "public.api.index"),
                endpoint("/wilayah", "public.api.districts", ["kode", "nama", "fiktif", "terbitan_terbaru", "tautan"],
                         terbitan_terbaru=["id", "diterbitkan", "periode"], tautan=["daftar_terbitan", *_LINK_NAMES]),
                endpoint("/wilayah/{kode}/terbitan", "public.api.snapshots", [*SNAPSHOT_FIELDS, "ditarik", "tautan"],
                         ditarik=["waktu", "alasan"]),
                endpoint("/terbitan/{id}", "public.api.snapshot",
                         ["id", "wilayah", "judul", "catatan", "periode", "indikator", "diterbitkan", "penerbit",
                          "lisensi", "versi_batas", "aturan", "target", "survei", "sumber_data", "kelengkapan",
                          "tautan"],
                         target=["nasional", "daerah"],
                         survei=["periode", "indikator", "nilai", "batas_bawah", "batas_atas", "sumber"],
                         kelengkapan=["periode", "tingkat", "kode", "desa_melapor", "desa_total", "diukur", "sasaran"]),
                endpoint("/terbitan/{id}/angka", "public.api.cells", list(CELL_FIELDS),
                         parameter={"tingkat": list(LEVELS), "periode": "YYYY-MM", "indikator": "stunting"},
                         status=["tampil", "kurang_5", "n_kecil", "disembunyikan"]),
                endpoint("/terbitan/{id}/peta/{tingkat}.geojson", "public.api.map", ["kode", "nama"],
                         tingkat=list(MAP_LEVELS)),
            ],
        }  # fmt: skip
        return _json(body)

    def districts(self) -> Response:
        rows = []
        for snapshot in self.publications.published_districts():
            view = self.reader.summary(snapshot)
            wilayah = view.content["wilayah"]
            rows.append({
                "kode": wilayah["kode"], "nama": wilayah["nama"], "fiktif": bool(wilayah.get("fiktif")),
                "terbitan_terbaru": {"id": snapshot.id, "diterbitkan": view.content["diterbitkan"],
                                     "periode": view.periods},
                "tautan": {"daftar_terbitan": f"{PREFIX}/wilayah/{wilayah['kode']}/terbitan",
                           **_links(snapshot.id, snapshot.district_code)},
            })  # fmt: skip
        return _json({"wilayah": rows})

    def district_snapshots(self, kode: str) -> Response:
        if not valid_district_code(kode):
            return _error(404, "public.api.unknown_district", kode=kode[:20])
        snapshots = self.publications.snapshots(kode)
        if not any(s.standing for s in snapshots):
            return _error(404, "public.api.unknown_district", kode=kode)
        return _json({"wilayah": kode, "terbitan": [_snapshot_summary(s) for s in snapshots]})

    def _standing(self, raw_id: str) -> tuple[Snapshot, Published] | Response:
        snapshot = self.reader.standing(raw_id)
        if snapshot is None:
            return _error(404, "public.api.unknown_snapshot", id=raw_id[:20])
        return snapshot, self.reader.published(snapshot)

    def snapshot(self, raw_id: str) -> Response:
        found = self._standing(raw_id)
        if isinstance(found, Response):
            return found
        snapshot, view = found
        body = _metadata(snapshot, view)
        content = view.content
        body.update(
            target=content["target"],
            survei=content.get("survei") or [],
            sumber_data=content.get("sumber_data") or [],
            kelengkapan=content.get("kelengkapan") or [],
            tautan=_links(snapshot.id, snapshot.district_code),
        )
        return _json(body)

    def cells(self, raw_id: str) -> Response:
        found = self._standing(raw_id)
        if isinstance(found, Response):
            return found
        snapshot, view = found
        filters: dict[str, str] = {}
        allowed = {"tingkat": list(LEVELS), "periode": view.periods, "indikator": list(view.content["indikator"])}
        for name, values in allowed.items():
            raw = request.args.get(name)
            if raw is None or raw == "":
                continue
            if (name == "periode" and not PERIOD.fullmatch(raw)) or raw not in values:
                return _error(404, "public.api.bad_filter", name=name, value=raw[:20], allowed=", ".join(values))
            filters[name] = raw
        cells = [
            {k: c.get(k, [] if k == "ditandai" else None) for k in CELL_FIELDS}
            for c in view.all_cells()
            if all(c[name] == value for name, value in filters.items())
        ]
        body = _metadata(snapshot, view)
        body.update(filter=filters, jumlah=len(cells), sel=cells)
        return _json(body)

    def outline(self, raw_id: str, tingkat: str) -> Response:
        if tingkat not in MAP_LEVELS:
            return _error(404, "public.api.bad_filter", name="tingkat", value=tingkat[:20],
                          allowed=", ".join(MAP_LEVELS))  # fmt: skip
        found = self._standing(raw_id)
        if isinstance(found, Response):
            return found
        snapshot, view = found
        collection = {
            "type": "FeatureCollection",
            "metadata": _metadata(snapshot, view),
            "features": view.features(tingkat),
        }
        return _json(collection, mimetype="application/geo+json")

    def unknown(self, _rest: str = "") -> Response:
        return _error(404, "public.api.unknown_path")

    def blueprint(self) -> Blueprint:
        api = Blueprint("lokus_api", __name__, url_prefix=PREFIX)

        @api.before_request
        def only_reading() -> Response | None:
            if request.method == "OPTIONS":
                return Response(status=204)
            if request.method not in ALLOWED:
                response = _error(405, "public.api.method", method=request.method[:10])
                response.headers["Allow"] = ", ".join(ALLOWED)
                return response
            return None

        @api.after_request
        def open_to_all(response: Response) -> Response:
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Methods"] = ", ".join(ALLOWED)
            response.headers["Access-Control-Allow-Headers"] = "Content-Type"
            response.headers["Allow"] = ", ".join(ALLOWED)
            response.headers.setdefault("Cache-Control", "public, max-age=300")
            return compress(response)

        rules: list[tuple[str, str, Callable[..., Response]]] = [
            ("/", "index", self.index),
            ("/wilayah", "districts", self.districts),
            ("/wilayah/<kode>/terbitan", "district_snapshots", self.district_snapshots),
            ("/terbitan/<raw_id>", "snapshot", self.snapshot),
            ("/terbitan/<raw_id>/angka", "cells", self.cells),
            ("/terbitan/<raw_id>/peta/<tingkat>.geojson", "outline", self.outline),
            ("/<path:_rest>", "unknown", self.unknown),
        ]
        for rule, name, view in rules:
            api.add_url_rule(rule, name, view, methods=_EVERY_METHOD)
        # /api/v1 without the slash answers too (Flask would redirect a GET only).
        api.add_url_rule("", "index_bare", self.index, methods=_EVERY_METHOD)
        return api

"""The public open-data file routes: ``/publik/<kode>/unduh/<kecamatan|desa|desa-<kode_desa>>.<csv|xlsx|geojson>``
and ``/publik/<kode>/unduh/metadata.txt`` (contents built by :mod:`dashboard.public.downloads`, cached per process)."""

from __future__ import annotations

from functools import lru_cache

from flask import Response, abort, request

from dashboard.data.publications import Publications
from dashboard.public import downloads
from dashboard.public.site import SnapshotReader, request_lang

__all__ = ["FileRoutes", "attachment"]

_FILE_CACHE = 32  # downloads kept per process (up to about 150 kB each)
_MIME = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}  # fmt: skip


class FileRoutes:
    """Mixin of :class:`~dashboard.public.routes.PublicPages`: the downloads of a standing snapshot."""

    publications: Publications
    reader: SnapshotReader

    def _init_file_cache(self) -> None:
        self._file = lru_cache(maxsize=_FILE_CACHE)(self._build_file)

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
        return attachment(body, _MIME[fmt], downloads.file_name(view, scope, fmt, period))

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
        return attachment(downloads.readme_bytes(view, lang), "text/plain; charset=utf-8", name)


def attachment(body: bytes, mimetype: str, name: str) -> Response:
    """A file response named ``name``, cached five minutes (a withdrawal reaches every cache within that)."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "public, max-age=300"
    return response

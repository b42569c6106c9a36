"""The data page's uploads: the token the browser keeps, the bytes on disk, the kind of file and its check."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from dash import dcc, no_update

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor
from dashboard.data.accounts import UploadRecord
from dashboard.data.assessment import assess, assess_boundaries
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch, Problem, Severity
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.uploads import UploadMissing, safe_file_name
from dashboard.ids import ID
from dashboard.services import Services

__all__ = [
    "BOUNDARY_SUFFIXES",
    "CODE_COLUMN_KEY",
    "FIXED_PERIOD_KEY",
    "CheckedBatch",
    "ImportForm",
    "ImportKind",
    "UploadToken",
    "check_puskesmas_boundaries",
    "check_puskesmas_list",
    "check_upload",
    "confirmed_names",
    "is_spatial",
    "mapping_fields",
    "resolve_kind",
    "save_upload",
    "spatial_columns",
    "table_header",
    "template_download",
]

# Files reach the server through the streaming upload route (``POST /unggah``, see dashboard.auth.web),
# never through a callback; the browser keeps only the upload's random id, its name and size, and the
# server resolves the id for the signed-in owner (dashboard.data.uploads).
FIXED_PERIOD_KEY = "__periode_tetap__"  # the mapping form's free-text period for the whole file
CODE_COLUMN_KEY = "__kolom_kode__"  # a boundary file's column of Kemendagri codes
BOUNDARY_SUFFIXES = {".geojson", ".json", ".gpkg", ".parquet", ".zip", ".shp"}


class ImportKind:
    AUTO = "auto"
    BOUNDARIES = "boundaries"
    TIDY = "tidy"
    SIGIZI = "sigizi"
    MAPPED = "mapped"
    MEASUREMENTS = "measurements"
    PUSKESMAS = "puskesmas"  # a puskesmas -> village list (dashboard.data.importers.puskesmas)
    ALL_KINDS = (AUTO, BOUNDARIES, TIDY, SIGIZI, MAPPED, MEASUREMENTS, PUSKESMAS)


# What a check returns, by kind: village boundaries, an indicator file, a puskesmas list.
CheckedBatch = BoundaryBatch | IndicatorBatch | PuskesmasBatch


@dataclass(frozen=True)
class UploadToken:
    """What the browser keeps of an upload: its random id, name and size; nothing personal, no path."""

    id: str
    name: str
    size: int

    def resolved(self, services: Services) -> tuple[UploadRecord, Path]:
        """The server's record and file of this upload for the current actor; :class:`UploadMissing` otherwise.
        Nothing from the client is used as a path: the id is looked up with its owner."""
        actor = current_actor()
        if actor is None:
            raise UploadMissing(self.id)
        return services.require_uploads().resolve(self.id, actor)

    def record(self, services: Services) -> UploadRecord:
        return self.resolved(services)[0]

    def path(self, services: Services) -> Path:
        return self.resolved(services)[1]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "size": self.size}

    @classmethod
    def from_dict(cls, data: object) -> UploadToken:
        """The browser's token, checked for shape; raises :class:`UploadMissing` for anything else."""
        if not isinstance(data, dict):
            raise UploadMissing("")
        try:
            return cls(str(data["id"]), safe_file_name(str(data["name"])), int(data["size"]))
        except (KeyError, TypeError, ValueError):
            raise UploadMissing(str(data.get("id", ""))[:80]) from None


def save_upload(services: Services, content: bytes, file_name: str, owner: Actor) -> UploadToken:
    """Keep ``content`` as a new upload of ``owner`` (what the upload route does with a stream)."""
    record = services.require_uploads().receive(io.BytesIO(content), file_name, owner)
    return UploadToken(record.id, record.file_name, record.size)


def resolve_kind(kind: str, file_name: str, content: bytes | None = None) -> str:
    """``auto`` becomes boundaries for spatial files, measurements for e-PPGBM exports and posyandu registers,
    a puskesmas list for a table of puskesmas codes and village codes (both from the header of ``content``),
    else stays ``auto`` for the indicator importer's own detection."""
    if kind != ImportKind.AUTO:
        return kind
    from dashboard.data.importers.puskesmas import detect_puskesmas_boundaries, detect_puskesmas_list

    if is_spatial(file_name):
        if content is not None and detect_puskesmas_boundaries(spatial_columns(content, file_name)):
            return ImportKind.PUSKESMAS
        return ImportKind.BOUNDARIES
    if content is not None:
        from dashboard.data.importers.eppgbm import detect_layout

        if detect_layout(content, file_name) is not None:
            return ImportKind.MEASUREMENTS
        header = table_header(content, file_name)
        if header and detect_puskesmas_list(header):
            return ImportKind.PUSKESMAS
    return ImportKind.AUTO


def is_spatial(file_name: str) -> bool:
    """Whether the upload's name says a polygon file (GeoJSON, zipped Shapefile, GeoPackage, GeoParquet)."""
    return Path(file_name).suffix.lower() in BOUNDARY_SUFFIXES


def spatial_columns(content: bytes, file_name: str) -> list[str]:
    """The attribute names of a polygon upload, from its layer's description only (no feature is read; a GeoParquet's
    schema); empty when it cannot be read (the check then says why)."""
    import tempfile

    import pyogrio

    suffix = Path(file_name).suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return [str(name) for name in pq.read_schema(io.BytesIO(content)).names]
        with tempfile.TemporaryDirectory(prefix="lokus-columns-") as folder:
            path = Path(folder) / f"layer{suffix}"
            path.write_bytes(content)
            source = f"/vsizip/{path}" if suffix == ".zip" else str(path)
            return [str(name) for name in pyogrio.read_info(source)["fields"]]
    except Exception:  # any reader error: the kind stays the boundary importer's, whose check reports it
        return []


def table_header(content: bytes, file_name: str) -> list[str]:
    """The column names of a CSV/XLSX upload as the importers read them; empty when it cannot be read (the
    check then says why)."""
    from dashboard.data.importers.indicators import read_table_preview

    try:
        return [str(column) for column in read_table_preview(content, file_name, 1).columns]
    except Exception:  # any reader error: the kind stays undecided, the check reports it
        return []


def check_upload(
    services: Services,
    token: UploadToken,
    kind: str,
    district: str | None,
    mapping: dict[str, str] | None = None,
    confirmed: dict[str, str] | None = None,
    accept_near: bool = False,
    year: int | None = None,
    crosswalk: UploadToken | None = None,
    match_names: bool = False,
) -> CheckedBatch:
    """Read and check an uploaded file; never writes to the database. ``year`` completes a report whose months
    carry no year (a Sigizi export without a Tahun column); ``crosswalk``, a second upload of the same account,
    translates a boundary file's BPS codes (:func:`~dashboard.data.importers.boundary_files.prepare_boundary_import`)
    or an indicator file's BPS kabupaten/province codes (its ``kode_bps`` column,
    :func:`~dashboard.data.importers.regions.read_region_crosswalk`), or ``match_names`` finds a boundary file's
    Kemendagri codes by name in the official list. An indicator file is checked against the kecamatan, kabupaten
    and provinces the boundaries hold and the stored puskesmas lists (:mod:`dashboard.data.levels`), so figures
    of every level and per puskesmas pass; a puskesmas list (:func:`check_puskesmas_list`) against the villages.

    A file that passes is also checked against what is stored (:func:`~dashboard.data.assessment.assess`):
    those warnings come first in its report.
    """
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.data.importers.indicators import prepare_indicator_import

    content = token.path(services).read_bytes()
    kind = resolve_kind(kind, token.name, content)
    if kind == ImportKind.PUSKESMAS and is_spatial(token.name):
        return check_puskesmas_boundaries(services, content, token.name, district)
    if kind == ImportKind.BOUNDARIES:
        translation = crosswalk.path(services).read_bytes() if crosswalk is not None else None
        boundaries = prepare_boundary_import(
            content,
            token.name,
            (mapping or {}).get("kolom_kode"),
            crosswalk=translation,
            crosswalk_name=crosswalk.name if crosswalk is not None else None,
            match_names=match_names,
        )
        if boundaries.ok:  # said before anything changes: the villages this file would take off the map
            stored = {
                code: pd.DataFrame(services.source.villages(code)[["code", "name"]])
                for code in boundaries.districts
                if services.readable(code)
            }
            boundaries.problems[:0] = assess_boundaries(boundaries, stored)
        return boundaries
    villages, aliases = _matching_context(services, district)
    if kind == ImportKind.PUSKESMAS:
        return check_puskesmas_list(services, content, token.name, villages, district)
    if kind == ImportKind.MEASUREMENTS:
        from dashboard.data.importers.eppgbm import prepare_measurement_import

        batch = prepare_measurement_import(content, token.name, villages, aliases, district_code=district,
                                           accept_near=accept_near, confirmed=confirmed or {})  # fmt: skip
    else:
        regions, puskesmas = _levels_context(services)
        batch = prepare_indicator_import(
            content,
            token.name,
            villages,
            aliases,
            format=kind,
            mapping=mapping or None,
            district_code=district,
            accept_near=accept_near,
            confirmed=confirmed or {},
            year=year,
            regions=regions,
            puskesmas=puskesmas,
            crosswalk=crosswalk.path(services).read_bytes() if crosswalk is not None else None,
            crosswalk_name=crosswalk.name if crosswalk is not None else None,
        )
    if batch.ok:
        # Only the districts the planner may read: another district's file is refused at commit anyway.
        stored = {code: services.source.observations(code) for code in batch.districts if services.readable(code)}
        batch.problems[:0] = assess(batch, stored, villages, services.settings.min_completeness)
    return batch


def check_puskesmas_list(
    services: Services, content: bytes, file_name: str, villages: pd.DataFrame, district: str | None
) -> PuskesmasBatch:
    """A puskesmas -> village list checked against the villages the planner may read
    (:func:`~dashboard.data.importers.puskesmas.prepare_puskesmas_import`); a list that passes is warned, before
    anything changes, of the stored puskesmas of its districts it replaces."""
    from dashboard.data.importers.puskesmas import prepare_puskesmas_import
    from dashboard.data.levels import puskesmas_list

    frame = villages if len(villages.columns) else pd.DataFrame(columns=["code", "district_code"])
    batch = prepare_puskesmas_import(content, file_name, frame, district_code=district)
    if batch.ok and services.store is not None:
        stored = puskesmas_list(services.store)
        replaced = stored[stored["district_code"].isin(batch.districts)]
        if len(replaced):
            params = (("count", len(replaced)), ("districts", ", ".join(batch.districts)))
            batch.problems.insert(
                0, Problem(file_name, None, None, None, "puskesmas.replaced", params, Severity.WARNING)
            )
    return batch


def check_puskesmas_boundaries(
    services: Services, content: bytes, file_name: str, district: str | None
) -> PuskesmasBatch:
    """A file of puskesmas service-area polygons checked against the districts the planner may import for and the
    stored puskesmas lists (:func:`~dashboard.data.importers.puskesmas.prepare_puskesmas_boundaries`)."""
    from dashboard.data.importers.puskesmas import prepare_puskesmas_boundaries
    from dashboard.data.levels import puskesmas_list, stored_service_lists

    villages, _ = _matching_context(services, district)
    frame = villages if len(villages.columns) else pd.DataFrame(columns=["code", "district_code"])
    store = services.require_store()
    return prepare_puskesmas_boundaries(content, file_name, frame, puskesmas_list(store), stored_service_lists(store),
                                        district_code=district)  # fmt: skip


def _levels_context(services: Services) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The regions above villages and the puskesmas an indicator file may give figures for (None without a
    database: the importer then knows the regions the villages imply, and no puskesmas)."""
    if services.store is None:
        return None, None
    from dashboard.data.levels import known_regions, puskesmas_list

    return known_regions(services.store), puskesmas_list(services.store)


def _matching_context(services: Services, district: str | None) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
    codes = [district] if district else [d.code for d in services.source.districts()]
    frames = [pd.DataFrame(services.source.villages(code).drop(columns="geometry")) for code in codes]
    villages = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    aliases: dict[tuple[str, str], str] = {}
    for code in codes:
        aliases.update(services.require_store().aliases(code))
    return villages, aliases


def mapping_fields(values: Sequence[str | None], ids: Sequence[dict[str, str]]) -> dict[str, str]:
    """The mapping form as ``{field: column}``: each column's dropdown names its field; one text box a period."""
    fields: dict[str, str] = {}
    for value, identifier in zip(values, ids, strict=True):
        if not value:
            continue
        if identifier["key"] == FIXED_PERIOD_KEY:
            fields["periode_tetap"] = str(value).strip()
        elif identifier["key"] == CODE_COLUMN_KEY:
            fields["kolom_kode"] = str(value)
        else:
            fields[str(value)] = str(identifier["key"])
    return fields


def confirmed_names(values: Sequence[str], ids: Sequence[dict[str, str]]) -> dict[str, str]:
    """The name confirmations as ``{raw name: village code}``, skipped names left out."""
    return {str(identifier["key"]): value for value, identifier in zip(values, ids, strict=True) if value}


@dataclass(frozen=True)
class ImportForm:
    """The form beside the file, as the check and the commit read it: kind, district, mapping, confirmed names."""

    kind: str
    district: str | None
    map_values: Sequence[str]
    map_ids: Sequence[dict[str, str]]
    name_values: Sequence[str]
    name_ids: Sequence[dict[str, str]]
    year: int | str | None = None  # for a report whose months carry no year (the field's text)
    crosswalk: object = None  # the browser's token of a crosswalk upload, for a BPS-coded boundary file
    match_names: bool = False  # or a BPS-coded file's names matched against the Kemendagri list

    def crosswalk_token(self, services: Services) -> UploadToken | None:
        """The crosswalk upload when there is one and it is still the signed-in account's; else None (a token
        left from an earlier import, expired or someone else's, is ignored: the BPS refusal then says why)."""
        if not self.crosswalk:
            return None
        try:
            token = UploadToken.from_dict(self.crosswalk)
            token.resolved(services)
        except UploadMissing:
            return None
        return token

    def check(self, services: Services, token: UploadToken) -> CheckedBatch:
        """:func:`check_upload` with the form's choices."""
        mapping = mapping_fields(self.map_values, self.map_ids)
        confirmed = confirmed_names(self.name_values, self.name_ids)
        year = int(str(self.year).strip()) if str(self.year or "").strip().isdigit() else None
        crosswalk = self.crosswalk_token(services)
        return check_upload(services, token, self.kind, self.district, mapping, confirmed, year=year,
                            crosswalk=crosswalk, match_names=bool(self.match_names))  # fmt: skip


def template_download(trigger: object) -> Any:
    """The blank indicator template, or the puskesmas list's, the village scorecard's or the Dana Desa sheet's, as
    CSV or XLSX, by the button pressed."""
    from dashboard.data.importers.indicators import blank_template_csv, blank_template_xlsx
    from dashboard.data.importers.puskesmas import blank_puskesmas_template_csv, blank_puskesmas_template_xlsx
    from dashboard.data.importers.scorecard import blank_scorecard_csv, blank_scorecard_xlsx
    from dashboard.data.importers.village_funds import blank_village_funds_csv, blank_village_funds_xlsx

    templates = {
        ID.TEMPLATE_XLSX: (blank_template_xlsx, "templat_indikator_lokus.xlsx"),
        ID.TEMPLATE_CSV: (blank_template_csv, "templat_indikator_lokus.csv"),
        ID.TEMPLATE_PUSKESMAS_XLSX: (blank_puskesmas_template_xlsx, "templat_daftar_puskesmas_lokus.xlsx"),
        ID.TEMPLATE_PUSKESMAS_CSV: (blank_puskesmas_template_csv, "templat_daftar_puskesmas_lokus.csv"),
        ID.TEMPLATE_SCORECARD_XLSX: (blank_scorecard_xlsx, "templat_scorecard_konvergensi_desa.xlsx"),
        ID.TEMPLATE_SCORECARD_CSV: (blank_scorecard_csv, "templat_scorecard_konvergensi_desa.csv"),
        ID.TEMPLATE_DANA_DESA_XLSX: (blank_village_funds_xlsx, "templat_dana_desa_stunting.xlsx"),
        ID.TEMPLATE_DANA_DESA_CSV: (blank_village_funds_csv, "templat_dana_desa_stunting.csv"),
    }
    if trigger not in templates:
        return no_update
    build, name = templates[trigger]  # type: ignore[index]
    return dcc.send_bytes(build(), name)

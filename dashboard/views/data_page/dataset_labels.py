"""The words of the data page's dataset list: kind, format, origin, status and time as a planner reads them.

No raw stored value (``demo``, ``tidy``, ``imported``) and no UTC time reaches the page: each is a label in the reader's
language, and the time is shown in the zone of the district the dataset holds (WIB, WITA or WIT,
:func:`dashboard.core.localtime.format_datetime`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from dashboard.core.localtime import format_datetime
from dashboard.data.importers.model import DatasetKind
from dashboard.data.store import DatasetInfo
from dashboard.i18n import TEXTS, fmt_int, t

__all__ = ["DatasetLabels", "dataset_labels", "file_format", "kind_words"]

# File endings -> the format's name as the upload zone lists it (data.upload.formats).
_FORMATS = {
    ".csv": "CSV",
    ".txt": "CSV",
    ".xlsx": "XLSX",
    ".xls": "XLS",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".zip": "Shapefile (.zip)",
    ".gpkg": "GeoPackage",
    ".parquet": "GeoParquet",
}


@dataclass(frozen=True)
class DatasetLabels:
    """One row of the dataset list, every cell text ready to show."""

    kind: str  # "Templat indikator"
    file_format: str  # "CSV", "GeoJSON", "Shapefile (.zip)"
    origin: str  # who imported it ("uji"), or "Dibuat program" for the demo
    time: str  # "30 Nov 2026 21:05 WIT"
    rows: str  # "1.234"
    status: str  # "Diimpor"


def kind_words(kind: object, lang: str) -> str:
    """A dataset's kind as a planner says it (``puskesmas`` -> "Puskesmas (daftar/batas)"); an unknown kind as
    "Lainnya" (never the stored value)."""
    key = f"data.datasets.kind.{kind}"
    return t(key, lang) if key in TEXTS else t("data.datasets.format.other", lang)


def file_format(file_name: str, lang: str) -> str:
    """The format of an imported file from its ending (``desa.geojson`` -> "GeoJSON"); "Lainnya" for another."""
    return _FORMATS.get(PurePosixPath(file_name).suffix.lower(), t("data.datasets.format.other", lang))


def dataset_labels(dataset: DatasetInfo, lang: str) -> DatasetLabels:
    """Every cell of ``dataset``'s row in ``lang``; its time in the zone of the first district it holds (a file
    spanning provinces of different zones is rare: the first names the zone shown beside the time)."""
    generated = dataset.kind == DatasetKind.DEMO
    status_key = f"data.datasets.status.{dataset.status}"
    return DatasetLabels(
        kind=kind_words(dataset.kind, lang),
        file_format=file_format(dataset.file_name, lang),
        origin=t("data.datasets.format.generated", lang) if generated or not dataset.user else dataset.user,
        time=format_datetime(dataset.created_at, lang, dataset.districts[0] if dataset.districts else None),
        rows=fmt_int(dataset.rows_imported, lang),
        status=t(status_key, lang) if status_key in TEXTS else t("data.datasets.format.other", lang),
    )

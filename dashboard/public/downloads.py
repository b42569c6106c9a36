"""Open-data files of a public view: CSV, XLSX (data + metadata sheet), GeoJSON and a README, built from the snapshot.

Each file holds exactly the protected cells the view shows (:mod:`dashboard.public.content`): a hidden
count is written as its label ("<5", "n kecil", "—") with an empty prevalence and interval, and the
denominator is always there. Column names are the snapshot's own, stable in both languages; only the
CSV's separator and decimal mark follow the language (Indonesian ``;`` and ``,`` as a spreadsheet set to
Indonesian expects, English ``,`` and ``.``). CSV is UTF-8 with a byte-order mark so that Excel reads
the names right; every text cell is made inert for spreadsheets (:mod:`dashboard.core.spreadsheet`).

Views (*scope*): ``kecamatan`` (the district and its kecamatan), ``desa`` (every village) and
``desa-<kode>`` (one village with its kecamatan and the district, as its page compares them).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd
from openpyxl import Workbook

from dashboard.core.spreadsheet import neutralise, neutralise_frame
from dashboard.i18n import t
from dashboard.public.content import SHOWN, Published, valid_village_code
from dashboard.public.texts import date_text, own_words, periods_text, rule_text, source_text

__all__ = [
    "COLUMNS",
    "FORMATS",
    "GEOJSON_PROPERTIES",
    "METHOD_PATH",
    "Scope",
    "csv_bytes",
    "file_name",
    "geojson_bytes",
    "metadata_rows",
    "readme_bytes",
    "scope_cells",
    "table",
    "xlsx_bytes",
]

FORMATS: Final = ("csv", "xlsx", "geojson")
METHOD_PATH: Final = "/publik/metode"
COLUMNS: Final = ("periode", "indikator", "tingkat", "kode", "nama", "penyebut", "pembilang", "prevalensi",
                  "batas_bawah", "batas_atas", "status", "sumber", "diterbitkan")  # fmt: skip
GEOJSON_PROPERTIES: Final = ("kode", "nama", "induk", "periode", "indikator", "penyebut", "pembilang", "prevalensi",
                             "batas_bawah", "batas_atas", "label", "status")  # fmt: skip
NO_REPORT: Final = "belum_melapor"  # the status of a GeoJSON area without a cell in the period


@dataclass(frozen=True)
class Scope:
    """Which cells a download holds: ``kecamatan``, ``desa``, or one village (``village`` set)."""

    name: str
    village: str | None = None

    @classmethod
    def parse(cls, text: str) -> Scope | None:
        """``kecamatan``, ``desa`` or ``desa-<kode desa>``; None for anything else.

        >>> Scope.parse("desa-99.01.01.1001"), Scope.parse("desa-x")
        (Scope(name='desa', village='99.01.01.1001'), None)
        """
        if text in ("kecamatan", "desa"):
            return cls(text)
        prefix = "desa-"
        if text.startswith(prefix) and valid_village_code(text[len(prefix) :]):
            return cls("desa", text[len(prefix) :])
        return None

    @property
    def slug(self) -> str:
        return f"desa-{self.village}" if self.village else self.name


def scope_cells(view: Published, scope: Scope, period: str | None = None) -> list[dict[str, Any]]:
    """The published cells of ``scope`` (all periods, or ``period``), district first, then by code."""
    if scope.village:
        parent = view.village_parent(scope.village)
        wanted = {("kabupaten", view.district_code), ("kecamatan", parent), ("desa", scope.village)}
        cells = [c for c in view.cells("kabupaten", period) + view.cells("kecamatan", period) +
                 view.cells("desa", period) if (c["tingkat"], c["kode"]) in wanted]  # fmt: skip
    elif scope.name == "kecamatan":
        cells = view.cells("kabupaten", period) + view.cells("kecamatan", period)
    else:
        cells = view.cells("desa", period)
    order = {"kabupaten": 0, "kecamatan": 1, "desa": 2}
    return sorted(cells, key=lambda c: (c["periode"], order[c["tingkat"]], c["kode"]))


def table(view: Published, cells: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """The rows of a CSV/XLSX download (:data:`COLUMNS`); ``pembilang`` is the label where the count is hidden."""
    source, published = source_text(view, lang), str(view.content["diterbitkan"])
    rows = [
        {
            "periode": c["periode"],
            "indikator": c["indikator"],
            "tingkat": c["tingkat"],
            "kode": c["kode"],
            "nama": c["nama"],
            "penyebut": int(c["penyebut"]),
            "pembilang": int(c["pembilang"]) if c["status"] == SHOWN and c["pembilang"] is not None else c["label"],
            "prevalensi": c["prevalensi"] if c["status"] == SHOWN else None,
            "batas_bawah": c["batas_bawah"] if c["status"] == SHOWN else None,
            "batas_atas": c["batas_atas"] if c["status"] == SHOWN else None,
            "status": c["status"],
            "sumber": source,
            "diterbitkan": published,
        }
        for c in cells
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["pembilang"] = frame["pembilang"].astype(object)
    for column in ("prevalensi", "batas_bawah", "batas_atas"):  # percent, two decimals as files show them
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float).round(2)
    return frame


def csv_bytes(frame: pd.DataFrame, lang: str) -> bytes:
    """UTF-8 with BOM; ``;`` and decimal comma in Indonesian, ``,`` and ``.`` in English; inert text cells."""
    indonesian = lang != "en"
    text = neutralise_frame(frame).to_csv(
        index=False, sep=";" if indonesian else ",", decimal="," if indonesian else ".", lineterminator="\r\n",
        quoting=csv.QUOTE_MINIMAL,
    )  # fmt: skip
    return text.encode("utf-8-sig")


def metadata_rows(view: Published, lang: str, period: str | None = None) -> list[tuple[str, str]]:
    """What the metadata sheet and the README say: source, periods, date, publisher, licence, rule, method."""
    note = own_words(str(view.content.get("catatan") or ""), lang)
    if view.is_demo:
        note = f"{t('public.demo', lang)}. {note}".strip()
    district = f"{view.district_name} ({view.district_code})"
    return [
        (t("public.file.title", lang), own_words(str(view.content.get("judul") or view.district_name), lang)),
        (t("public.file.district", lang), district),
        (t("public.file.source", lang), source_text(view, lang)),
        (t("public.file.periods", lang), periods_text(view, lang, period)),
        (t("public.file.published", lang), f"{date_text(str(view.content['diterbitkan']), lang, view.district_code)} "
                                           f"({view.content['diterbitkan']})"),
        (t("public.file.publisher", lang), str(view.content.get("penerbit") or "")),
        (t("public.file.licence", lang), str(view.content.get("lisensi") or "")),
        (t("public.file.rule_key", lang), rule_text(view, lang)),
        (t("public.file.note", lang), note),
        (t("public.file.method", lang), METHOD_PATH),
        (t("public.file.columns", lang), t("public.file.columns_text", lang)),
    ]  # fmt: skip


def xlsx_bytes(frame: pd.DataFrame, metadata: Sequence[tuple[str, str]], lang: str) -> bytes:
    """A workbook with the ``data`` sheet (numbers as numbers) and the ``metadata`` sheet."""
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = "data"
    data.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        data.append([_xlsx_cell(value) for value in row])
    sheet = book.create_sheet("metadata")
    sheet.append([t("public.file.key", lang), t("public.file.value", lang)])
    for key, value in metadata:
        sheet.append([neutralise(key), neutralise(value)])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):  # an empty cell
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return neutralise(value)


def geojson_bytes(view: Published, scope: Scope, period: str, lang: str) -> bytes:
    """A FeatureCollection of the scope's areas with their published fields for ``period``, and ``metadata``."""
    if scope.village:
        level, codes = "desa", {scope.village}
    else:
        level, codes = scope.name, None
    features = []
    for feature in view.features(level):
        code = str(feature["id"])
        if codes is not None and code not in codes:
            continue
        cell = view.cell(period, level, code)
        properties: dict[str, Any] = dict.fromkeys(GEOJSON_PROPERTIES)
        properties.update(kode=code, nama=feature["properties"].get("nama"), periode=period, indikator=view.indicator)
        if cell is None:
            properties.update(status=NO_REPORT, label="")
        else:
            properties.update({k: cell[k] for k in GEOJSON_PROPERTIES if k in cell})
            if cell["status"] != SHOWN:  # the content already holds nulls here; said again for the reader
                properties.update(pembilang=None, prevalensi=None, batas_bawah=None, batas_atas=None)
        features.append({"type": "Feature", "id": code, "properties": properties, "geometry": feature["geometry"]})
    body = {
        "type": "FeatureCollection",
        "metadata": {
            "judul": view.content.get("judul"),
            "wilayah": view.content["wilayah"],
            "periode": period,
            "indikator": view.indicator,
            "sumber": source_text(view, lang),
            "diterbitkan": view.content["diterbitkan"],
            "penerbit": view.content.get("penerbit"),
            "lisensi": view.content.get("lisensi"),
            "aturan": view.content.get("aturan"),
            "aturan_teks": rule_text(view, lang),
            "metode": METHOD_PATH,
        },
        "features": features,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def readme_bytes(view: Published, lang: str) -> bytes:
    """The metadata as a plain-text README (UTF-8)."""
    lines = [f"{key}: {value}" for key, value in metadata_rows(view, lang)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def file_name(view: Published, scope: Scope, fmt: str, period: str | None) -> str:
    """``stunting_99.01_kecamatan_2025-08.csv``; without a period the file holds them all."""
    suffix = f"_{period}" if period else ""
    return f"{view.indicator}_{view.district_code}_{scope.slug}{suffix}.{fmt}"

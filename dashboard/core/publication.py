"""What one publication snapshot holds: the protected figures of a district, frozen as JSON.

An administrator publishes a district's chosen periods and indicators (Aksi 7). This module turns the
observations of that moment into the snapshot's content: one cell per period, indicator and area
(desa, kecamatan, kabupaten) with its published count, rate and 95% Wilson interval after small-number
protection (:mod:`dashboard.core.suppression`), measurement completeness, the national and the
district's own targets, survey estimates, and simplified outlines to draw. It is pure: the data layer
stores the result (:mod:`dashboard.data.publications`) and the public surfaces only read it.

Nothing unprotected enters the content: a cell keeps its denominator (children measured, always
published) and, only when its status is ``tampil``, its count, rate and interval. A later import or
removal changes nothing here; the next publication makes a new snapshot.

Content (format 1), all keys Indonesian and stable (the open-data API serves them as they are)::

    {"format": 1, "wilayah": {"kode", "nama", "fiktif"}, "judul", "catatan", "periode": [...],
     "indikator": [...], "diterbitkan": ISO time, "penerbit", "lisensi", "versi_batas",
     "aturan": {"penyebut_minimum", "jumlah_minimum"},
     "target": {"nasional": 14.0, "daerah": [{"tahun", "target", "sumber"}]},
     "survei": [{"periode", "indikator", "nilai", "batas_bawah", "batas_atas", "sumber"}],
     "sumber_data": [{"jenis", "diimpor"}],
     "sel": [{"periode", "indikator", "tingkat", "kode", "induk", "nama", "penyebut", "pembilang",
              "prevalensi", "batas_bawah", "batas_atas", "label", "status", "ditandai" (the plausibility
              flags a village value carries, e.g. ["perubahan_tidak_wajar"]; empty for areas)}],
     "kelengkapan": [{"periode", "tingkat", "kode", "desa_melapor", "desa_total", "diukur", "sasaran"}],
     "peta": {"desa": GeoJSON, "kecamatan": GeoJSON}}
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.completeness import TARGET_INDICATORS
from dashboard.core.indicators import STUNTING, Counted, get_indicator
from dashboard.core.plausibility import plausibility_flags
from dashboard.core.prevalence import wilson_interval
from dashboard.core.suppression import Status, protect

__all__ = [
    "CONTENT_FORMAT",
    "LEVELS",
    "SnapshotRequest",
    "cells_frame",
    "content_bytes",
    "snapshot_content",
]

CONTENT_FORMAT = 1
LEVELS = ("kabupaten", "kecamatan", "desa")


@dataclass(frozen=True)
class SnapshotRequest:
    """What an administrator asks to publish, and who and when (all shown on every public view)."""

    district_code: str
    district_name: str
    is_demo: bool
    periods: tuple[str, ...]
    indicators: tuple[str, ...]
    title: str
    note: str
    publisher: str
    published_at: datetime
    licence: str
    min_denominator: int
    boundary_version: str
    min_count: int = 5
    targets: tuple[tuple[int, float, str], ...] = ()  # the district's own: (year, percent, source)
    sources: tuple[tuple[str, str], ...] = field(default=())  # (dataset kind, imported ISO date)


def _raw_cells(
    villages: pd.DataFrame, observations: pd.DataFrame, periods: Sequence[str], indicators: Sequence[str]
) -> pd.DataFrame:
    """Unprotected cells: each reporting village, and the sums of its kecamatan and of the district."""
    names = villages.set_index(villages["code"].astype(str))
    frames = []
    for indicator in indicators:
        for period in periods:
            rows = observations[
                (observations["indicator"] == indicator)
                & (observations["period"] == period)
                & (observations["denominator"] > 0)
                & observations["code"].astype(str).isin(names.index)
            ]
            if rows.empty:
                continue
            desa = pd.DataFrame(
                {
                    "kode": rows["code"].astype(str).to_numpy(),
                    "pembilang": np.rint(rows["numerator"].to_numpy(dtype=float)).astype(int),
                    "penyebut": np.rint(rows["denominator"].to_numpy(dtype=float)).astype(int),
                }
            )
            desa["induk"] = names.loc[desa["kode"], "kecamatan_code"].astype(str).to_numpy()
            desa["nama"] = names.loc[desa["kode"], "name"].astype(str).to_numpy()
            desa["tingkat"] = "desa"
            kecamatan = desa.groupby("induk", sort=True)[["pembilang", "penyebut"]].sum().reset_index()
            kecamatan = kecamatan.rename(columns={"induk": "kode"})
            kecamatan_names = names.drop_duplicates("kecamatan_code").set_index("kecamatan_code")["kecamatan_name"]
            kecamatan["nama"] = kecamatan_names.reindex(kecamatan["kode"]).astype(str).to_numpy()
            kecamatan["induk"] = str(names["district_code"].iloc[0])
            kecamatan["tingkat"] = "kecamatan"
            kabupaten = pd.DataFrame(
                {
                    "kode": [str(names["district_code"].iloc[0])],
                    "pembilang": [int(desa["pembilang"].sum())],
                    "penyebut": [int(desa["penyebut"].sum())],
                    "induk": [""],
                    "nama": [""],
                    "tingkat": ["kabupaten"],
                }
            )
            frame = pd.concat([kabupaten, kecamatan, desa], ignore_index=True)
            frame["periode"], frame["indikator"] = period, indicator
            frames.append(frame)
    columns = ["periode", "indikator", "tingkat", "kode", "induk", "nama", "pembilang", "penyebut"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=int if c in ("pembilang", "penyebut") else str) for c in columns})
    return pd.concat(frames, ignore_index=True)[columns]


def cells_frame(
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    periods: Sequence[str],
    indicators: Sequence[str],
    *,
    min_denominator: int,
    min_count: int = 5,
) -> pd.DataFrame:
    """The protected cells of a snapshot, one row per (periode, indikator, tingkat, kode).

    ``villages``: the district's boundary set (code, name, kecamatan_code, kecamatan_name, district_code);
    ``observations``: its counts (code, period, indicator, numerator, denominator). A village without a
    denominator above zero in a period has no cell (it did not report). Columns: periode, indikator,
    tingkat, kode, induk, nama, penyebut (always published), pembilang (published count or None),
    prevalensi, batas_bawah, batas_atas (percent, 95% Wilson interval; NaN unless shown), label, status.
    Small-number protection: :func:`dashboard.core.suppression.protect`.
    """
    raw = _raw_cells(villages, observations, periods, indicators)
    district_name = ""
    if len(villages) and "district_name" in villages:
        district_name = str(villages["district_name"].iloc[0])
    raw.loc[raw["tingkat"] == "kabupaten", "nama"] = district_name
    if raw.empty:
        protected = raw.assign(
            status=pd.Series(dtype=object),
            pembilang_publik=pd.Series(dtype="Int64"),
            prevalensi_publik=pd.Series(dtype=float),
            label_pembilang=pd.Series(dtype=object),
        )
    else:
        # Rupiah and yes/no village facts are no small numbers of people: published as they are (issue 18).
        exempt = raw["indikator"].map(lambda key: get_indicator(str(key)).counted in NEVER_SMALL).to_numpy(dtype=bool)
        parts = [_as_is(raw[exempt])] if exempt.any() else []
        if not exempt.all():
            parts.append(protect(raw[~exempt], min_denominator=min_denominator, min_count=min_count))
        protected = pd.concat(parts).loc[raw.index]
    shown = protected["status"] == Status.SHOWN
    low = np.full(len(protected), np.nan)
    high = np.full(len(protected), np.nan)
    if shown.any():
        lows, highs = wilson_interval(
            protected.loc[shown, "pembilang"].to_numpy(dtype=float),
            protected.loc[shown, "penyebut"].to_numpy(dtype=float),
        )
        low[shown.to_numpy()] = 100.0 * np.asarray(lows, dtype=float)
        high[shown.to_numpy()] = 100.0 * np.asarray(highs, dtype=float)
    # The unprotected count leaves here: only the published one goes on.
    return pd.DataFrame(
        {
            "periode": protected["periode"].astype(str),
            "indikator": protected["indikator"].astype(str),
            "tingkat": protected["tingkat"].astype(str),
            "kode": protected["kode"].astype(str),
            "induk": protected["induk"].astype(str),
            "nama": protected["nama"].astype(str),
            "penyebut": protected["penyebut"].astype(int),
            "pembilang": protected["pembilang_publik"].astype("Int64"),
            "prevalensi": protected["prevalensi_publik"].astype(float),
            "batas_bawah": low,
            "batas_atas": high,
            "label": protected["label_pembilang"].astype(str),
            "status": protected["status"].astype(str),
        }
    ).reset_index(drop=True)


# What small-number protection never applies to: sums of rupiah (Dana Desa) and yes/no village facts (KPM aktif,
# 1/1 or 0/1: a denominator of 1 is the village, not one child). Services, cadres, families stay protected.
NEVER_SMALL = frozenset({Counted.RUPIAH, Counted.VILLAGE})


def _as_is(cells: pd.DataFrame) -> pd.DataFrame:
    """Cells published whole, in the columns :func:`~dashboard.core.suppression.protect` adds."""
    count = cells["pembilang"].astype(float).round()
    out = cells.copy()
    out["status"] = Status.SHOWN
    out["pembilang_publik"] = count.astype("Int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["prevalensi_publik"] = np.where(cells["penyebut"] > 0, 100.0 * cells["pembilang"] / cells["penyebut"],
                                            np.nan)  # fmt: skip
    out["label_pembilang"] = count.astype("int64").astype(str).astype(object)
    return out


def _completeness_rows(
    villages: pd.DataFrame, observations: pd.DataFrame, periods: Sequence[str]
) -> list[dict[str, Any]]:
    """:func:`~dashboard.core.completeness.completeness_of` for the district and each kecamatan, per period.

    Computed in one pass per period (the same rules: a village reports when its stunting denominator is
    above zero; children measured and target children are summed over reporting villages whose target is
    known, the target from the first of :data:`TARGET_INDICATORS` present that period).
    """
    codes = villages["code"].astype(str)
    kecamatan_of = pd.Series(villages["kecamatan_code"].astype(str).to_numpy(), index=codes)
    district = str(villages["district_code"].iloc[0])
    totals = kecamatan_of.value_counts()
    rows: list[dict[str, Any]] = []
    for period in periods:
        of_period = observations[(observations["period"] == period) & observations["code"].astype(str).isin(codes)]
        stunting = of_period[of_period["indicator"] == STUNTING]
        measured = stunting.groupby(stunting["code"].astype(str))["denominator"].sum()
        reporting = pd.Index(sorted(set(stunting.loc[stunting["denominator"] > 0, "code"].astype(str))))
        target = pd.Series(dtype=float)
        for key in TARGET_INDICATORS:
            found = of_period[(of_period["indicator"] == key) & (of_period["denominator"] > 0)]
            if len(found):
                target = found.groupby(found["code"].astype(str))["denominator"].sum()
                break
        target = target[target.index.isin(reporting)]
        frame = pd.DataFrame({"kecamatan": kecamatan_of.reindex(reporting).to_numpy()}, index=reporting)
        frame["target"] = target.reindex(reporting)
        frame["measured"] = np.where(frame["target"].notna(), measured.reindex(reporting).fillna(0.0), np.nan)
        areas = [("kabupaten", district, frame, len(codes))]
        for code in sorted(totals.index):
            areas.append(("kecamatan", str(code), frame[frame["kecamatan"] == code], int(totals[code])))
        for level, code, part, total in areas:
            known = part["target"].notna().any()
            rows.append(
                {
                    "periode": period,
                    "tingkat": level,
                    "kode": code,
                    "desa_melapor": len(part),
                    "desa_total": total,
                    "diukur": round(float(part["measured"].sum())) if known else None,
                    "sasaran": round(float(part["target"].sum())) if known else None,
                }
            )
    return rows


def _json_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float | np.floating):  # four decimals: a page rounding to one never rounds twice
        return None if math.isnan(float(value)) else round(float(value), 4)
    if isinstance(value, np.integer):
        return int(value)
    return value


def snapshot_content(
    request: SnapshotRequest,
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    village_geojson: dict[str, Any],
    kecamatan_geojson: dict[str, Any],
    estimates: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The JSON-ready content of a snapshot (see the module docstring for its keys).

    ``village_geojson`` and ``kecamatan_geojson`` are FeatureCollections already simplified for display,
    features' ``id`` the region code (:func:`dashboard.geo.prepare_geojson`); their properties are cut to
    code and name. ``estimates``: rate-only survey figures of the district (code, period, indicator,
    value, lower, upper, source). Raises ``ValueError`` when no chosen period has data.
    """
    cells = cells_frame(
        villages,
        observations,
        request.periods,
        request.indicators,
        min_denominator=request.min_denominator,
        min_count=request.min_count,
    )
    # A village value the plausibility checks question is published with its mark, as the planners see it.
    flags = plausibility_flags(observations)
    flagged = flags.groupby(["code", "period", "indicator"])["flag"].apply(lambda f: sorted(set(map(str, f))))
    keys = list(zip(cells["kode"], cells["periode"], cells["indikator"], strict=True))
    cells["ditandai"] = [
        flagged.get(key, []) if level == "desa" else [] for key, level in zip(keys, cells["tingkat"], strict=True)
    ]
    if cells.empty:
        raise ValueError(f"no data for {request.district_code} in {', '.join(request.periods)}")
    periods = [p for p in request.periods if (cells["periode"] == p).any()]
    survey: list[dict[str, Any]] = []
    if estimates is not None and len(estimates):
        mine = estimates[estimates["code"].astype(str) == request.district_code]
        for row in mine.sort_values(["period", "indicator"]).itertuples(index=False):
            survey.append(
                {
                    "periode": str(row.period),
                    "indikator": str(row.indicator),
                    "nilai": _json_value(row.value),
                    "batas_bawah": _json_value(row.lower),
                    "batas_atas": _json_value(row.upper),
                    "sumber": str(row.source),
                }
            )
    national = get_indicator(STUNTING).target
    return {
        "format": CONTENT_FORMAT,
        "wilayah": {"kode": request.district_code, "nama": request.district_name, "fiktif": request.is_demo},
        "judul": request.title,
        "catatan": request.note,
        "periode": periods,
        "indikator": list(request.indicators),
        "diterbitkan": request.published_at.isoformat(timespec="seconds"),
        # The public reads an institution, not an account name (the account stays in the admin's list and log).
        "penerbit": f"Pemerintah {request.district_name}",
        "lisensi": request.licence,
        "versi_batas": request.boundary_version,
        "aturan": {"penyebut_minimum": request.min_denominator, "jumlah_minimum": request.min_count},
        "target": {
            "nasional": national,
            "daerah": [{"tahun": y, "target": t, "sumber": s} for y, t, s in sorted(request.targets)],
        },
        "survei": survey,
        "sumber_data": [{"jenis": kind, "diimpor": when} for kind, when in request.sources],
        "sel": [{k: _json_value(v) for k, v in row.items()} for row in cells.to_dict("records")],
        "kelengkapan": _completeness_rows(villages, observations, periods),
        "peta": {"desa": _slim(village_geojson), "kecamatan": _slim(kecamatan_geojson)},
    }


def _slim(collection: dict[str, Any]) -> dict[str, Any]:
    """Features with only their code and name: nothing else of the boundary file is published."""
    features = [
        {
            "type": "Feature",
            "id": str(f.get("id") or f["properties"].get("code")),
            "properties": {
                "kode": str(f.get("id") or f["properties"].get("code")),
                "nama": f["properties"].get("name"),
            },
            "geometry": f["geometry"],
        }
        for f in collection.get("features", [])
    ]
    return {"type": "FeatureCollection", "features": features}


def content_bytes(content: dict[str, Any]) -> bytes:
    """The canonical JSON of a content (sorted keys, no spaces), what the store compresses and hashes."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

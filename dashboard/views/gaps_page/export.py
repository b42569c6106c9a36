"""The gaps page's downloads: the village × service matrix as CSV, its file named for the district and period, and
every row of the fictional demo's saying so."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc

from dashboard.core.indicators import CATALOGUE
from dashboard.i18n import t
from dashboard.public.downloads import csv_bytes
from dashboard.services import Services
from dashboard.views.gaps_page.matrix import gap_table

__all__ = ["matrix_csv", "matrix_download", "matrix_filename"]


def _is_demo(services: Services, district: str) -> bool:
    return any(d.code == district and d.is_demo for d in services.source.districts())


def matrix_filename(services: Services, district: str, period: str, lang: str) -> str:
    """``matriks_kesenjangan_9901_2025-08.csv``; the demo's ends ``_data_contoh_fiktif``."""
    base = t("gaps.export.file", lang, district=district.replace(".", ""), period=period)
    return (t("gaps.export.file.demo", lang, base=base) if _is_demo(services, district) else base) + ".csv"


def matrix_csv(services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str) -> bytes:
    """The matrix on screen as a table: one row per village of ``codes`` (highest prevalence first), its kecamatan
    and stunting prevalence (%), then each service's gap to its target in percentage points (negative: above
    target; empty: no value). For the demo a last column says "data contoh (fiktif)" on every row: the bare table
    has no title to say it, and a column keeps it a table. Written by :func:`dashboard.public.downloads.csv_bytes`
    (``;`` and decimal comma in Indonesian, text cells made inert)."""
    villages = services.source.villages(district).set_index("code")
    table = gap_table(services.source.observations(district), codes, state)
    order, prevalence, matrix = table.order, table.prevalence, table.matrix
    frame = pd.DataFrame(
        {
            t("gaps.export.col.code", lang): order,
            t("gaps.export.col.village", lang): [str(villages.at[c, "name"]) for c in order],
            t("gaps.export.col.kecamatan", lang): [str(villages.at[c, "kecamatan_name"]) for c in order],
            t("gaps.export.col.prevalence", lang): prevalence.reindex(order).round(1).to_numpy(),
        }
    )
    for key in matrix.columns:
        column = t("gaps.export.col.gap", lang, service=CATALOGUE[key].label(lang))
        frame[column] = matrix[key].round(1).to_numpy()
    if _is_demo(services, district):
        frame[t("gaps.export.col.note", lang)] = t("demo.badge", lang)
    return csv_bytes(frame, lang)


def matrix_download(
    services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str
) -> dict[str, Any]:
    """:func:`matrix_csv` as a ``dcc.Download`` payload named by :func:`matrix_filename`."""
    content = matrix_csv(services, district, codes, state, lang)
    return dcc.send_bytes(content, matrix_filename(services, district, state["period"], lang))

"""The data page's report on individual measurements (e-PPGBM): the summary sentence and the per-village quality table
with figures far from WHO's expectations marked."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.core.quality import EXPECTED_PCT
from dashboard.data.importers.model import IndicatorBatch
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.services import Services

__all__ = ["measurement_summary", "quality_view"]


# Quality figures shown per village, and the share above which each is marked (WHO's expectations, doubled).
_QUALITY_SHOWN: tuple[tuple[str, float | None], ...] = (
    ("rows", None),
    ("refused", None),
    ("flagged_haz_pct", 1.0),
    ("flagged_whz_pct", 1.0),
    ("haz_sd", 1.2),
    ("height_digit_0_5_pct", 2 * EXPECTED_PCT["height_digit_0_5_pct"]),
    ("birth_day_1_15_pct", 2 * EXPECTED_PCT["birth_day_1_15_pct"]),
    ("age_whole_month_pct", 2 * EXPECTED_PCT["age_whole_month_pct"]),
    ("missing_height_pct", 5.0),
    ("missing_weight_pct", 5.0),
    ("standing_under_9_months", 0.0),  # WHO: a child under 9 months is measured lying; taken as unknown position
    ("nik_collisions", 0.0),  # rows whose NIK another child (other sex, birth date or name) also carries
)
_COUNTED = frozenset({"rows", "refused", "standing_under_9_months", "nik_collisions"})  # whole numbers


def measurement_summary(batch: IndicatorBatch, lang: str) -> Any:
    """Measurements read, children counted once, refused rows and flagged z-scores, in one sentence."""
    extra: dict[str, Any] = batch.extra
    flagged: dict[str, int] = extra.get("flagged") or {}
    refused: dict[str, int] = extra.get("refused") or {}
    text = t(
        "data.measurements.summary", lang,
        measurements=fmt_int(int(extra.get("measurements", 0)), lang),
        children=fmt_int(int(extra.get("children", 0)), lang),
        refused=fmt_int(sum(int(v) for v in refused.values()), lang),
        flagged=fmt_int(sum(int(v) for v in flagged.values()), lang),
        periods=", ".join(str(p) for p in extra.get("periods") or []) or "-",
    )  # fmt: skip
    return html.P(text, className="measurement-summary")


def quality_view(records: object, services: Services, lang: str, table_id: str | None = None) -> Any:
    """The data-quality report per village (and, folded, per posyandu); figures far from WHO's expectations marked.

    ``records`` are the rows the measurement importer keeps in ``extra["quality"]`` (the check's batch, or a
    stored dataset's report).
    """
    if not isinstance(records, list) or not records:
        return None
    quality = pd.DataFrame(records)
    names: dict[str, str] = {}
    for district in sorted({str(code)[:5] for code in quality["code"]}):
        villages = services.source.villages(district)
        names.update(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))

    def row(record: dict[Any, Any], label: str) -> Any:
        cells = [html.Td(label)]
        for column, limit in _QUALITY_SHOWN:
            value = record.get(column)
            if value is None or (isinstance(value, float) and pd.isna(value)):
                cells.append(html.Td("–"))
                continue
            text = fmt_int(int(value), lang) if column in _COUNTED else fmt_number(float(value), lang, 1)
            high = limit is not None and float(value) > limit
            cells.append(html.Td(text, className="quality-high" if high else None))
        return html.Tr(cells)

    body = []
    for code, group in quality.groupby("code", sort=True):
        village = group[group["posyandu"].isna()]
        label = f"{names.get(str(code), str(code))} ({code})"
        if len(village):
            body.append(row(village.iloc[0].to_dict(), label))
        for record in group[group["posyandu"].notna()].to_dict(orient="records"):
            body.append(row(record, "\u2003" + t("data.quality.posyandu", lang, name=record["posyandu"])))
    header = html.Tr(
        [html.Th(t("data.quality.col.village", lang))]
        + [html.Th(t(f"data.quality.col.{column}", lang)) for column, _ in _QUALITY_SHOWN]
    )
    return html.Div(
        [
            html.H3(t("data.quality", lang), className="h6"),
            html.P(t("data.quality.help", lang), className="text-muted small"),
            html.Div(
                dbc.Table(
                    [html.Thead(header), html.Tbody(body)],
                    size="sm",
                    striped=True,
                    **({"id": table_id} if table_id else {}),
                ),
                className="table-responsive",
            ),
        ],
        className="quality-report",
    )

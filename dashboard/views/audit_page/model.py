"""The audit page's view model: the log as rows (newest first), its CSV, and the district whose zone times use."""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd

from dashboard.auth.roles import actor_name
from dashboard.core.localtime import district_zone, format_datetime
from dashboard.core.periods import period_label
from dashboard.core.spreadsheet import neutralise_frame
from dashboard.i18n import TEXTS, fmt_number, t
from dashboard.services import Services

__all__ = ["COLUMNS", "SHOWN", "audit_csv", "audit_rows", "log_district", "shown_cell", "shown_detail"]

COLUMNS = ("at", "username", "action", "target", "detail", "address", "outcome")
_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")
SHOWN = 500  # entries on the page; the CSV holds every one


def log_district(services: Services, stored: dict[str, Any] | None) -> str | None:
    """The district the reader is working on (the shell's stored choice), else the first one; None when there is none.

    The log itself is not per district; the district only says which zone (WIB, WITA, WIT) the times are read in.
    """
    codes = [d.code for d in services.source.districts()]
    wanted = (stored or {}).get("district")
    if isinstance(wanted, str) and wanted in codes:
        return wanted
    return codes[0] if codes else None


def audit_rows(services: Services, limit: int | None = None, district: str | None = None) -> pd.DataFrame:
    """The log newest first, ``at`` as ISO 8601 with the offset of ``district``'s zone, details as compact JSON text.

    Returns
    -------
    pandas.DataFrame
        One row per entry, the columns :data:`COLUMNS`, every cell text (``""`` for none).
    """
    if services.accounts is None:  # an app on a fixed data source keeps no log
        return pd.DataFrame(columns=list(COLUMNS))
    frame = services.accounts.audit_entries(limit=limit)
    if frame.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    zone, _ = district_zone(district)
    at = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(zone).map(lambda s: s.isoformat(timespec="seconds"))
    detail = frame["detail"].map(lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True) if d else "")
    return frame.assign(at=at, detail=detail)[list(COLUMNS)].fillna("")


def shown_cell(column: str, value: object, lang: str, district: str | None) -> str:
    """A cell as the page shows it: times as ``30 Nov 2026 14:05 WIT``, actions and outcomes in words.

    The CSV keeps ISO times and the action and outcome codes, for scripts.
    """
    text = str(value)
    if column == "at":
        return format_datetime(text, lang, district) if text else ""
    if column in ("action", "outcome") and f"audit.{column}.{text}" in TEXTS:
        return t(f"audit.{column}.{text}", lang)
    if column == "username":
        return actor_name(text, lang)
    if column == "detail" and text:
        return shown_detail(text, lang)
    return text


def _detail_value(key: str, value: object, lang: str) -> str:
    if key in ("period", "periods"):
        periods = value if isinstance(value, list) else [value]
        return ", ".join(period_label(str(p), lang) if _PERIOD.match(str(p)) else str(p) for p in periods)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return fmt_number(value, lang, 2 if value % 1 else 0)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def shown_detail(text: str, lang: str) -> str:
    """The entry's detail (compact JSON) as a reader sees it: ``periode: Februari 2023, Agustus 2023 · tahun: 2025``.

    Known keys are named in the reader's language and periods by their month; the CSV keeps the JSON.
    """
    try:
        detail = json.loads(text)
    except ValueError:
        return text
    if not isinstance(detail, dict):
        return text
    parts = []
    for key, value in detail.items():
        label = t(f"audit.detail.{key}", lang) if f"audit.detail.{key}" in TEXTS else key
        parts.append(f"{label}: {_detail_value(key, value, lang)}")
    return " · ".join(parts)


def audit_csv(services: Services, district: str | None = None) -> bytes:
    """Every entry as CSV (``;``, UTF-8 with BOM for Excel), text cells neutralised against formulas (OWASP)."""
    rows = neutralise_frame(audit_rows(services, district=district))
    return rows.to_csv(index=False, sep=";").encode("utf-8-sig")

"""Times as a district reads them: in its own zone (WIB, WITA or WIT), with month names in the reader's language.

Indonesia has three legal time zones (Keputusan Presiden No. 41/1987): WIB (UTC+7) for Sumatra, Java, West and Central
Kalimantan; WITA (UTC+8) for Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT (UTC+9) for Maluku and
Papua. The zone follows the province code (the first two digits of a Kemendagri/BPS code); the fictional demo district
(province ``99``) is placed in WIT.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from dashboard.core.periods import MONTHS_EN, MONTHS_ID

__all__ = ["district_zone", "format_date", "format_datetime"]

# Province code -> (IANA zone, abbreviation). Provinces not listed are WIB.
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96", "97", "99"}
_ZONES = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
}


def district_zone(code: str | None) -> tuple[str, str]:
    """``(IANA zone, "WIB"|"WITA"|"WIT")`` for a district, kecamatan or village code (e.g. ``"52.03"`` → WITA).

    Unknown or empty codes are WIB, the zone of the capital.
    """
    province = (code or "")[:2]
    abbreviation = "WIT" if province in _WIT else "WITA" if province in _WITA else "WIB"
    return _ZONES[abbreviation], abbreviation


def _aware(value: Any) -> datetime | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    stamp = pd.Timestamp(value)
    if pd.isna(stamp):
        return None
    if stamp.tzinfo is None:  # the store keeps UTC
        stamp = stamp.tz_localize(UTC)
    return stamp.to_pydatetime()


def format_datetime(value: Any, lang: str = "id", district: str | None = None) -> str:
    """A stored moment (UTC, naive or aware; ``datetime``, ``pd.Timestamp`` or ISO text) in the district's zone:
    ``"30 Nov 2026 14:05 WIT"``. An em dash for no value."""
    moment = _aware(value)
    if moment is None:
        return "—"
    zone, abbreviation = district_zone(district)
    local = moment.astimezone(ZoneInfo(zone))
    month = (MONTHS_EN if lang == "en" else MONTHS_ID)[local.month - 1][:3]
    return f"{local.day} {month} {local.year} {local:%H:%M} {abbreviation}"


def format_date(value: Any, lang: str = "id", district: str | None = None) -> str:
    """The date alone, in the district's zone and the reader's language: ``"30 November 2026"``."""
    moment = _aware(value)
    if moment is None:
        return "—"
    local = moment.astimezone(ZoneInfo(district_zone(district)[0]))
    return f"{local.day} {(MONTHS_EN if lang == 'en' else MONTHS_ID)[local.month - 1]} {local.year}"

"""Periods (periode): a month ``YYYY-MM`` (routine weighing) or a year ``YYYY`` (surveys).

Stored and compared as text in ISO order, so sorting strings sorts time. February and August are
the national weighing months (bulan penimbangan).

>>> parse_period("Februari 2025")
'2025-02'
>>> period_label("2025-08", "en")
'August 2025'
>>> implausible_period("2099-12", date(2026, 2, 10)), implausible_period("1999-12"), implausible_period("2026-02")
('future', 'before_2000', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

__all__ = [
    "FIRST_PLAUSIBLE_YEAR",
    "MONTHS_EN",
    "MONTHS_ID",
    "PeriodError",
    "current_date",
    "implausible_period",
    "latest_plausible_period",
    "parse_period",
    "period_label",
    "previous_period",
]

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip

# Month names as they appear in files: Indonesian, English, three-letter forms, and the
# common variants ("Pebruari", "Nopember", "Agt").
_MONTH_NUMBER: dict[str, int] = {}
for _number, (_id, _en) in enumerate(zip(MONTHS_ID, MONTHS_EN, strict=True), start=1):
    for _name in (_id, _en, _id[:3], _en[:3]):
        _MONTH_NUMBER[_name.lower()] = _number
_MONTH_NUMBER.update({"pebruari": 2, "peb": 2, "agt": 8, "agus": 8, "nopember": 11, "nop": 11, "des": 12})

_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$")
_MONTH_SLASH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_NAME_YEAR = re.compile(r"^([A-Za-z]+)[\s\-_/]+(\d{4})$")
_YEAR_NAME = re.compile(r"^(\d{4})[\s\-_/]+([A-Za-z]+)$")


class PeriodError(ValueError):
    """A text that is not a period."""


def _month(year: int, month: int, raw: str) -> str:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise PeriodError(f"periode tidak valid: {raw!r}")
    return f"{year:04d}-{month:02d}"


def parse_period(raw: object, month: object = None) -> str:
    """Normalise a period to ``YYYY-MM`` or ``YYYY``.

    ``raw`` may be ``2025-02``, ``2025-02-01``, ``02/2025``, ``Februari 2025``, ``Feb-2025`` or ``2025``;
    with ``month`` given (a name or number, as in reports with separate Bulan and Tahun columns),
    ``raw`` is the year.
    """
    text = str(raw).strip() if raw is not None else ""
    if text.endswith(".0"):  # a year read as a float from a spreadsheet
        text = text[:-2]
    if month is not None and str(month).strip():
        return parse_period(f"{str(month).strip()} {text}")
    if match := _ISO_MONTH.match(text):
        return _month(int(match[1]), int(match[2]), text)
    if match := _MONTH_SLASH_YEAR.match(text):
        return _month(int(match[2]), int(match[1]), text)
    if match := _YEAR.match(text):
        return _month(int(match[1]), 1, text)[:4]
    for pattern, name_group, year_group in ((_NAME_YEAR, 1, 2), (_YEAR_NAME, 2, 1)):
        if match := pattern.match(text):
            number = _MONTH_NUMBER.get(match[name_group].lower())
            if number is None and match[name_group].isdigit():
                number = int(match[name_group])
            if number is not None:
                return _month(int(match[year_group]), number, text)
    raise PeriodError(f"periode tidak dapat dibaca: {text!r} (tulis sebagai 2025-02, 'Februari 2025' atau 2025)")


FIRST_PLAUSIBLE_YEAR = 2000  # no routine village stunting report Lokus reads is older; an earlier year is a typo
_NORMAL = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")


def current_date() -> date:
    """Today, as the plausibility rule sees it (one place, so tests can fix the date)."""
    return date.today()


def latest_plausible_period(today: date | None = None, *, yearly: bool = False) -> str:
    """The current month (``YYYY-MM``), or the current year with ``yearly``: the latest period with data."""
    today = today or current_date()
    return f"{today.year:04d}" if yearly else f"{today.year:04d}-{today.month:02d}"


def implausible_period(period: str, today: date | None = None) -> Literal["future", "before_2000"] | None:
    """Why a normalised period (``YYYY-MM`` or ``YYYY``) cannot hold data, or None when it can.

    Data exists from January 2000 up to the current month (the current year for a survey year): a later
    period is ``"future"``, an earlier one ``"before_2000"``. :func:`parse_period` reads the text (and
    accepts 1900-2100, so a typo is named as such); this is the rule every importer and the store apply
    to what they would write. Raises :class:`PeriodError` for text that is not a normalised period.
    """
    if not _NORMAL.match(period):
        raise PeriodError(f"bukan periode YYYY-MM atau YYYY: {period!r}")
    if int(period[:4]) < FIRST_PLAUSIBLE_YEAR:
        return "before_2000"
    if period > latest_plausible_period(today, yearly=len(period) == 4):
        return "future"
    return None


def period_label(period: str, lang: str = "id") -> str:
    """A period as a person reads it: ``Februari 2025`` / ``February 2025``, or the year."""
    if len(period) == 4:
        return period
    year, month = period.split("-")
    names = MONTHS_EN if lang == "en" else MONTHS_ID
    return f"{names[int(month) - 1]} {year}"


def previous_period(period: str, available: Iterable[str]) -> str | None:
    """The latest available period before ``period`` (the comparison a KPI card shows)."""
    earlier = sorted(p for p in set(available) if p < period)
    return earlier[-1] if earlier else None

"""Periods (periode): a month ``YYYY-MM`` (routine weighing), a quarter ``YYYY-Qn`` (the village convergence
scorecard, triwulan) or a year ``YYYY`` (surveys, village funds).

Stored and compared as text in ISO order, so sorting strings sorts time. February and August are
the national weighing months (bulan penimbangan).

>>> parse_period("Februari 2025")
'2025-02'
>>> period_label("2025-08", "en")
'August 2025'
>>> implausible_period("2099-12", date(2026, 2, 10)), implausible_period("1999-12"), implausible_period("2026-02")
('future', 'before_2000', None)
>>> parse_period("Triwulan II 2025"), parse_period("Q3-2025"), period_label("2025-Q2"), period_kind("2025-Q2")
('2025-Q2', '2025-Q3', 'Triwulan II 2025', 'quarter')
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
    "ROMAN_QUARTERS",
    "PeriodError",
    "current_date",
    "enclosing_periods",
    "implausible_period",
    "latest_plausible_period",
    "parse_period",
    "period_kind",
    "period_label",
    "period_order",
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


# Quarters: "2025-Q1", "Q1 2025", "2025 Q1", "Triwulan I 2025", "TW 2 2025", "Kuartal 3 2025", "Quarter 4 2025".
_QUARTER_WORD = r"(?:q|tw|triwulan|kuartal|quarter|trw)\.?\s*[-_]?\s*"
_QUARTER_NUMBER = r"(iv|iii|ii|i|[1-4])"
_QUARTER_FIRST = re.compile(rf"^{_QUARTER_WORD}{_QUARTER_NUMBER}[\s\-_/]+(\d{{4}})$", re.IGNORECASE)
_YEAR_QUARTER = re.compile(rf"^(\d{{4}})[\s\-_/]*{_QUARTER_WORD}{_QUARTER_NUMBER}$", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_QUARTERS = ("I", "II", "III", "IV")


class PeriodError(ValueError):
    """A text that is not a period."""


def _month(year: int, month: int, raw: str) -> str:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise PeriodError(f"periode tidak valid: {raw!r}")
    return f"{year:04d}-{month:02d}"


def _quarter(year: int, number: str, raw: str) -> str:
    quarter = _ROMAN.get(number.lower()) or int(number)
    if not 1900 <= year <= 2100:
        raise PeriodError(f"periode tidak valid: {raw!r}")
    return f"{year:04d}-Q{quarter}"


def period_kind(period: str) -> Literal["month", "quarter", "year"]:
    """What a normalised period is: ``"month"`` (``YYYY-MM``), ``"quarter"`` (``YYYY-Qn``) or ``"year"``.

    Both months and quarters are seven characters: code that means "a month" asks this, never ``len``.
    Raises :class:`PeriodError` for anything else.
    """
    if _NORMAL.match(period):
        return "year" if len(period) == 4 else "month"
    if _NORMAL_QUARTER.match(period):
        return "quarter"
    raise PeriodError(f"bukan periode YYYY-MM, YYYY-Qn atau YYYY: {period!r}")


def parse_period(raw: object, month: object = None) -> str:
    """Normalise a period to ``YYYY-MM``, ``YYYY-Qn`` or ``YYYY``.

    ``raw`` may be ``2025-02``, ``2025-02-01``, ``02/2025``, ``Februari 2025``, ``Feb-2025``, ``2025``, or a
    quarter: ``2025-Q1``, ``Q1 2025``, ``Triwulan I 2025``, ``TW 1 2025``, ``Kuartal 1 2025``;
    with ``month`` given (a name or number, as in reports with separate Bulan and Tahun columns),
    ``raw`` is the year.
    """
    text = str(raw).strip() if raw is not None else ""
    if text.endswith(".0"):  # a year read as a float from a spreadsheet
        text = text[:-2]
    if month is not None and str(month).strip():
        return parse_period(f"{str(month).strip()} {text}")
    if match := _QUARTER_FIRST.match(text):
        return _quarter(int(match[2]), match[1], text)
    if match := _YEAR_QUARTER.match(text):
        return _quarter(int(match[1]), match[2], text)
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
    raise PeriodError(
        f"periode tidak dapat dibaca: {text!r} (tulis sebagai 2025-02, 'Februari 2025', 2025-Q1 atau 2025)"
    )


FIRST_PLAUSIBLE_YEAR = 2000  # no routine village stunting report Lokus reads is older; an earlier year is a typo
_NORMAL = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")
_NORMAL_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def current_date() -> date:
    """Today, as the plausibility rule sees it (one place, so tests can fix the date)."""
    return date.today()


def latest_plausible_period(today: date | None = None, *, yearly: bool = False) -> str:
    """The current month (``YYYY-MM``), or the current year with ``yearly``: the latest period with data."""
    today = today or current_date()
    return f"{today.year:04d}" if yearly else f"{today.year:04d}-{today.month:02d}"


def implausible_period(period: str, today: date | None = None) -> Literal["future", "before_2000"] | None:
    """Why a normalised period (``YYYY-MM`` or ``YYYY``) cannot hold data, or None when it can.

    Data exists from January 2000 up to the current month (the current quarter for a quarter, the current year
    for a survey year): a later period is ``"future"``, an earlier one ``"before_2000"``. :func:`parse_period`
    reads the text (and accepts 1900-2100, so a typo is named as such); this is the rule every importer and the
    store apply to what they would write. Raises :class:`PeriodError` for text that is not a normalised period.
    """
    kind = period_kind(period)
    if int(period[:4]) < FIRST_PLAUSIBLE_YEAR:
        return "before_2000"
    if kind == "quarter":
        # A quarter is plausible once it has begun: its first month is at most the current month.
        first_month = f"{period[:4]}-{(int(period[-1]) - 1) * 3 + 1:02d}"
        return "future" if first_month > latest_plausible_period(today) else None
    if period > latest_plausible_period(today, yearly=kind == "year"):
        return "future"
    return None


def period_label(period: str, lang: str = "id") -> str:
    """A period as a person reads it: ``Februari 2025`` / ``February 2025``, ``Triwulan II 2025`` / ``Q2 2025``,
    or the year."""
    if len(period) == 4:
        return period
    if _NORMAL_QUARTER.match(period):
        number = int(period[-1])
        return f"Q{number} {period[:4]}" if lang == "en" else f"Triwulan {ROMAN_QUARTERS[number - 1]} {period[:4]}"
    year, month = period.split("-")
    names = MONTHS_EN if lang == "en" else MONTHS_ID
    return f"{names[int(month) - 1]} {year}"


def enclosing_periods(period: str) -> tuple[str, ...]:
    """The longer periods a period lies in, shortest first: a month's quarter and year, a quarter's year.

    A figure reported once a quarter (the village scorecard) or once a year (Dana Desa) stands for every month
    inside it: the lokus ranking of August 2025 reads them from 2025-Q3 and 2025.

    >>> enclosing_periods("2025-08"), enclosing_periods("2025-Q3"), enclosing_periods("2025")
    (('2025-Q3', '2025'), ('2025',), ())
    """
    kind = period_kind(period)
    if kind == "month":
        return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}", period[:4]
    if kind == "quarter":
        return (period[:4],)
    return ()


def period_order(period: str) -> tuple[int, int, int]:
    """A sort key putting periods of every kind in time: by the last month each covers, then month before quarter
    before year (``sorted(["2025-Q3", "2025-08", "2025"], key=period_order)`` -> August, Q3, 2025). ISO text
    alone would put "2025-Q1" after "2025-12". Raises :class:`PeriodError` for a text that is not a period.

    >>> sorted(["2025-Q1", "2025-12", "2025-02", "2025"], key=period_order)
    ['2025-02', '2025-Q1', '2025-12', '2025']
    """
    kind = period_kind(period)
    year = int(period[:4])
    if kind == "month":
        return year, int(period[5:7]), 0
    if kind == "quarter":
        return year, int(period[-1]) * 3, 1
    return year, 12, 2


def previous_period(period: str, available: Iterable[str]) -> str | None:
    """The latest available period of the same kind before ``period`` (the comparison a KPI card shows): a month
    is compared with a month, a quarter with a quarter (ISO text sorts quarters in time, but "2025-Q1" would
    sort after every month of 2025). None for no period (``""``: a district without data)."""
    if not period:
        return None
    kind = period_kind(period)
    earlier = sorted(p for p in set(available) if p < period and period_kind(p) == kind)
    return earlier[-1] if earlier else None

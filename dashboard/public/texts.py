"""How the public surfaces write a published value, a date, a source and the protection rule, per language.

Formatting only: a hidden count is written by its label ("<5", "n kecil", "—"), never derived, and a
missing rate is "—".

>>> cell = {"status": "tampil", "pembilang": 18614, "label": "18614", "penyebut": 74927, "prevalensi": 24.84,
...         "batas_bawah": 24.53, "batas_atas": 25.16}
>>> count_text(cell, "id"), rate_text(cell, "id"), interval_text(cell, "en")
('18.614', '24,8%', '24.5–25.2%')
>>> count_text({"status": "kurang_5", "pembilang": None, "label": "<5"}, "id")
'<5'
>>> date_text("2026-11-30T10:54:34+00:00", "id"), date_text("2026-11-30T20:00:00+00:00", "en", "99.01")
('30 November 2026', '1 December 2026')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard.core.localtime import format_date
from dashboard.core.periods import period_label
from dashboard.i18n import TEXTS, fmt_int, fmt_number, fmt_percent, t
from dashboard.public.content import SHOWN, Published

__all__ = [
    "count_text",
    "date_text",
    "interval_text",
    "own_words",
    "periods_text",
    "rate_text",
    "rule_text",
    "short_period",
    "source_text",
]


def count_text(cell: Mapping[str, Any] | None, lang: str) -> str:
    """Stunted children as published: the count in the language's format, or the hidden label."""
    if cell is None:
        return t("public.map.no_report", lang)
    if cell["status"] == SHOWN and cell["pembilang"] is not None:
        return fmt_int(float(cell["pembilang"]), lang)
    return str(cell["label"])


def rate_text(cell: Mapping[str, Any] | None, lang: str) -> str:
    """The prevalence (one decimal), or "—" when hidden or absent."""
    if cell is None or cell["status"] != SHOWN or cell.get("prevalensi") is None:
        return "—"
    return fmt_percent(float(cell["prevalensi"]), lang)


def interval_text(cell: Mapping[str, Any] | None, lang: str) -> str:
    """``24,5–25,2%``, or "" without a published interval."""
    if cell is None or cell["status"] != SHOWN or cell.get("batas_bawah") is None or cell.get("batas_atas") is None:
        return ""
    return f"{fmt_number(float(cell['batas_bawah']), lang)}–{fmt_percent(float(cell['batas_atas']), lang)}"


def date_text(iso: str, lang: str, district: str | None = None) -> str:
    """The date of a stored ISO time (UTC) as a person in ``district`` reads it: in the district's own zone (WIB, WITA,
    WIT; :mod:`dashboard.core.localtime`), so a snapshot published at 20:00 UTC is dated the next day in Papua."""
    return format_date(iso, lang, district)


def short_period(period: str, lang: str) -> str:
    """``Agu 2025``: a period in few letters, for an axis."""
    label = period_label(period, lang)
    if len(period) == 4:
        return label
    name, year = label.rsplit(" ", 1)
    return f"{name[:3]} {year}"


def periods_text(view: Published, lang: str, period: str | None = None) -> str:
    """One period's name, or the first and last published: ``Februari 2023–Agustus 2025``."""
    if period is not None:
        return period_label(period, lang)
    first, last = view.periods[0], view.periods[-1]
    return period_label(first, lang) if first == last else f"{period_label(first, lang)}–{period_label(last, lang)}"


def source_text(view: Published, lang: str) -> str:
    """Where the figures come from: each kind of data with its import date; the demo says "data contoh (fiktif)"."""
    parts = []
    for row in view.content.get("sumber_data") or []:
        kind = str(row.get("jenis") or "")
        key = f"public.source.{kind}"
        name = t(key, lang) if key in TEXTS else t("public.source.other", lang, kind=kind)
        when = str(row.get("diimpor") or "")
        if when:  # a stored date (or time) is shown as a person reads it, "30 November 2026"
            when = date_text(when, lang, view.district_code)
        parts.append(t("public.source.imported", lang, source=name, date=when) if when else name)
    if view.is_demo and not any(t("public.source.demo", lang) in p for p in parts):
        parts.insert(0, t("public.source.demo", lang))
    return "; ".join(dict.fromkeys(parts)) or t("public.source.none", lang)


def rule_text(view: Published, lang: str) -> str:
    """The small-number protection rule with the numbers this snapshot used."""
    rule = view.content.get("aturan") or {}
    min_count = int(rule.get("jumlah_minimum", 5))
    return t(
        "public.file.rule",
        lang,
        max_small=min_count - 1,
        min_count=min_count,
        min_denominator=int(rule.get("penyebut_minimum", 10)),
    )


def own_words(text: str, lang: str) -> str:
    """A snapshot's title or note in the reader's language when it is the app's own demo wording.

    The demo's automatic publication stores its title and note in Indonesian (the snapshot is frozen); an English
    page shows their English. A publisher's own words are theirs and are shown as written.
    """
    for key in ("publication.demo_title", "publication.demo_note"):
        if text == t(key, "id"):
            return t(key, lang)
    return text

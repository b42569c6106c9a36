"""The partners and case audits page's view models: table rows, choices and the reach map's classes (no Dash)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.core.periods import PeriodError, parse_period, period_label
from dashboard.data.case_audits import CaseAudit, Cause, FollowUp, audits_per_village
from dashboard.data.programmes import Programme, Sector, villages_without_programme
from dashboard.i18n import fmt_int, t

__all__ = [
    "REACHED",
    "UNREACHED",
    "Reach",
    "audit_choices",
    "audit_count_rows",
    "audit_rows",
    "cause_options",
    "follow_up_options",
    "map_period",
    "money",
    "programme_choices",
    "programme_rows",
    "reach",
    "sector_options",
    "village_names",
    "village_options",
]

UNREACHED, REACHED = 0, 1  # the reach map's classes


def money(amount: int, lang: str) -> str:
    """Whole rupiah as a page writes it: ``Rp 25.000.000`` (id), ``Rp 25,000,000`` (en).

    >>> money(25_000_000, "id"), money(25_000_000, "en")
    ('Rp 25.000.000', 'Rp 25,000,000')
    """
    return t("mitra.budget_value", lang, amount=fmt_int(amount, lang))


def village_names(villages: pd.DataFrame) -> dict[str, str]:
    """``{village code: name}`` of a district's villages (``code``, ``name`` columns)."""
    return dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))


def village_options(villages: pd.DataFrame) -> list[dict[str, str]]:
    """The villages as dropdown choices, ``Name (Kecamatan)``, by kecamatan then name."""
    ordered = villages.sort_values(["kecamatan_name", "name", "code"])
    rows = ordered[["code", "name", "kecamatan_name"]].itertuples(index=False)
    return [{"label": f"{name} ({kecamatan})", "value": str(code)} for code, name, kecamatan in rows]


def sector_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"programme.sector.{s}", lang), "value": str(s)} for s in Sector]


def cause_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"case_audit.cause.{c}", lang), "value": str(c)} for c in Cause]


def follow_up_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"case_audit.follow_up.{f}", lang), "value": str(f)} for f in FollowUp]


def _period_span(start: str, end: str, lang: str) -> str:
    if start == end:
        return period_label(start, lang)
    return t("mitra.period_range", lang, start=period_label(start, lang), end=period_label(end, lang))


def programme_rows(programmes: Iterable[Programme], names: Mapping[str, str], lang: str) -> list[dict[str, str]]:
    """One row per programme, every cell as the table shows it: the sector's label, the villages counted
    (``villages``) and named (``village_names``), the periods labelled (``Triwulan I 2025 s.d. Triwulan IV 2025``),
    the budget in rupiah."""
    rows = []
    for p in programmes:
        villages = ", ".join(sorted(names.get(code, code) for code in p.villages))
        rows.append({
            "id": str(p.id),
            "partner": p.partner,
            "sector": t(f"programme.sector.{p.sector}", lang),
            "activity": p.activity,
            "villages": t("mitra.villages_count", lang, n=fmt_int(len(p.villages), lang)),
            "village_names": villages,
            "period": _period_span(p.period_start, p.period_end, lang),
            "budget": money(p.budget_rupiah, lang),
        })  # fmt: skip
    return rows


def programme_choices(programmes: Iterable[Programme], lang: str) -> list[dict[str, object]]:
    """The programmes as choices of the form's "programme to change"."""
    return [{"label": f"{p.partner}: {p.activity} ({_period_span(p.period_start, p.period_end, lang)})",
             "value": p.id} for p in programmes]  # fmt: skip


def audit_rows(audits: Iterable[CaseAudit], names: Mapping[str, str], lang: str) -> list[dict[str, str]]:
    """One row per finding: village name, period label, causes and follow-up as labels."""
    return [
        {
            "id": str(a.id),
            "village": names.get(a.village_code, a.village_code),
            "period": period_label(a.period, lang),
            "causes": ", ".join(t(f"case_audit.cause.{c}", lang) for c in a.causes),
            "recommendation": a.recommendation,
            "follow_up": t(f"case_audit.follow_up.{a.follow_up}", lang),
        }
        for a in audits
    ]


def audit_choices(audits: Iterable[CaseAudit], names: Mapping[str, str], lang: str) -> list[dict[str, object]]:
    return [{"label": f"{names.get(a.village_code, a.village_code)}, {period_label(a.period, lang)}",
             "value": a.id} for a in audits]  # fmt: skip


def audit_count_rows(audits: Sequence[CaseAudit], names: Mapping[str, str], lang: str) -> list[dict[str, str]]:
    """Findings per village, most first then by name: ``[{"village", "count"}]``."""
    counts = audits_per_village(audits)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    return [{"village": names.get(code, code), "count": fmt_int(n, lang)} for code, n in ordered]


def map_period(raw: str | None) -> str | None:
    """The map's period as typed (any spelling :func:`parse_period` reads), ``None`` for empty.

    Raises :class:`~dashboard.core.periods.PeriodError` for text that is not a period.

    >>> map_period(" Triwulan I 2025 "), map_period("")
    ('2025-Q1', None)
    """
    text = (raw or "").strip()
    return parse_period(text) if text else None


@dataclass(frozen=True)
class Reach:
    """The reach map's figures: a class per village (in ``codes``' order), the unreached codes and the count."""

    codes: list[str]
    classes: list[int]
    unreached: list[str]
    programmes: dict[str, int]  # village code -> programmes reaching it (in the period)

    @property
    def count(self) -> int:
        return len(self.unreached)


def reach(codes: Sequence[str], programmes: Sequence[Programme], period: str | None = None) -> Reach:
    """Which of ``codes`` no programme reaches (in ``period`` when given), by
    :func:`~dashboard.data.programmes.villages_without_programme`.

    >>> from datetime import datetime
    >>> p = Programme(1, "99.01", "PT A", Sector.SWASTA, "PMT", ("b",), "2025", "2025", 0, "a", datetime(2025, 1, 1),
    ...               datetime(2025, 1, 1))
    >>> r = reach(["a", "b"], [p])
    >>> r.classes, r.unreached, r.count
    ([0, 1], ['a'], 1)
    """
    unreached = villages_without_programme(codes, programmes, period)
    missing = set(unreached)
    active = [p for p in programmes if period is None or p.active_in(period)]
    counts = {code: sum(code in p.villages for p in active) for code in codes}
    classes = [UNREACHED if code in missing else REACHED for code in codes]
    return Reach(list(codes), classes, unreached, counts)


def is_period(raw: str | None) -> bool:
    try:
        map_period(raw)
    except PeriodError:
        return False
    return True

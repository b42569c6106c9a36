"""Periods as every page offers them: by name, newest first, an incomplete one marked but selectable."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.core.completeness import Completeness
from dashboard.core.periods import period_kind, period_label, period_order
from dashboard.i18n import t

__all__ = ["period_option", "period_options"]


def period_option(
    period: str, lang: str, completeness: Completeness | None = None, minimum: float = 0.0
) -> dict[str, str]:
    """``{"label", "value"}`` for a dropdown: "Agustus 2025", or "Februari 2026 — belum lengkap: 3 dari 272 desa"
    when fewer than ``minimum`` percent of villages report (``DASHBOARD_MIN_COMPLETENESS``)."""
    label = period_label(period, lang)
    if completeness is not None and not completeness.complete(minimum):
        label = t("period.incomplete", lang, period=label, reporting=completeness.reporting,
                  villages=completeness.villages)  # fmt: skip
    return {"label": label, "value": period}


def period_options(
    periods: Sequence[str], lang: str, completeness: Sequence[Completeness] = (), minimum: float = 0.0
) -> list[dict[str, str]]:
    """:func:`period_option` for every period: the months first (the routine report every page opens on), then
    the quarters (the village scorecard), then the years (surveys, Dana Desa), each latest first in time."""
    known = {c.period: c for c in completeness}
    ordered = sorted(periods, key=lambda p: (_KINDS.index(period_kind(p)), [-n for n in period_order(p)]))
    return [period_option(p, lang, known.get(p), minimum) for p in ordered]


_KINDS = ("month", "quarter", "year")

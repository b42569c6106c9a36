"""The gaps map's title: what it shows (view, service or indicator, period) and where (district, kecamatan)."""

from __future__ import annotations

from typing import Any

from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_label
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views.gaps_page.model import CONVERGENCE, View

__all__ = ["map_heading", "view_title"]


def view_title(state: dict[str, Any], lang: str) -> str:
    """What the map of ``state`` shows, e.g. ``Kesenjangan terhadap target — Vitamin A (6-59 bulan), Agustus 2025``.

    ``state`` holds ``view``, ``period``, ``indicator``, ``axis`` (the 3×3 map's), ``change_indicator`` and
    ``before`` (the change view's); the change view without a distinct comparison period is named alone.
    """
    view, period = state["view"], state["period"]
    if view == View.CHANGE:
        indicator, before = state.get("change_indicator") or STUNTING, state.get("before")
        if not before or before == period:
            return t("gaps.view.change", lang)
        return t("gaps.change.legend", lang, indicator=CATALOGUE[indicator].label(lang),
                 before=period_label(before, lang), after=period_label(period, lang))  # fmt: skip
    indicator = state.get("indicator")
    label = CATALOGUE[indicator].label(lang) if indicator in CATALOGUE else ""
    if view == View.CONVERGENCE:
        subject = t("gaps.view.convergence", lang)
    elif view == View.BIVARIATE:
        axis = t("gaps.view.convergence", lang) if state.get("axis") == CONVERGENCE else label
        subject = f"{t('gaps.view.bivariate', lang)} — {axis}"
    else:
        subject = f"{t(f'gaps.view.{view}', lang)} — {label}"
    return t("gaps.map.title", lang, subject=subject, period=period_label(period, lang))


def map_heading(services: Services, district: str, state: dict[str, Any], lang: str) -> str:
    """:func:`view_title` and the place shown: ``… — Kec. Satu, Kabupaten Contoh`` (the kecamatan drilled into)."""
    names = {d.code: d.name for d in services.source.districts()}
    place = names.get(district, district)
    kecamatan = state.get("kecamatan")
    if kecamatan:
        villages = services.source.villages(district)
        inside = villages.loc[villages["kecamatan_code"] == kecamatan, "kecamatan_name"]
        if len(inside):
            place = f"{t('gaps.crumb.kecamatan', lang, name=inside.iloc[0])}, {place}"
    return t("gaps.map.heading", lang, title=view_title(state, lang), place=place)

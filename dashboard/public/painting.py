"""The colour, tooltip and link of every area of a public district map: one painting for the SVG and the live map.

A public map is painted once from a snapshot's published cells and drawn twice: as the inline SVG
(:mod:`dashboard.public.svg`, the map without JavaScript, the printed map) and, on request, as the
interactive MapLibre map (:mod:`dashboard.public.interactive`). Both read the same :class:`Painting`,
so they cannot show different classes, colours, tooltips or links. Only published values enter it:
a hidden cell is painted "hidden" with its label, an area without a cell "no report".

Classes and colours are the SVG's (see :mod:`dashboard.public.svg`): WHO's prevalence thresholds, or
quantiles of the published counts, in ColorBrewer's YlOrRd.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final

from dashboard.core.periods import period_label
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.public import svg
from dashboard.public.content import SHOWN, Published
from dashboard.public.site import href
from dashboard.public.texts import count_text, rate_text

__all__ = ["HATCH", "NO_REPORT", "LegendEntry", "PaintedArea", "Painting", "paint"]

HATCH: Final = "hatch"  # the swatch of a hidden value: hatched grey
NO_REPORT: Final = "none"  # the swatch of an area without a cell: plain light grey


@dataclass(frozen=True)
class LegendEntry:
    """One swatch of a map legend: its colour (or ``hatch``/``none``), what it means and how many areas it has."""

    swatch: str
    label: str
    count: int


@dataclass(frozen=True)
class PaintedArea:
    """One area as painted: its code, swatch (a class colour, :data:`HATCH` or :data:`NO_REPORT`), tooltip, link."""

    code: str
    swatch: str
    title: str
    href: str


@dataclass(frozen=True)
class Painting:
    """A map of one level, period and measure: its areas in the order of the level's outlines, and its legend.

    ``colours`` are the classes' colours, lowest class first (one to five of :data:`svg.PALETTE`).
    """

    level: str
    period: str
    measure: str
    areas: tuple[PaintedArea, ...]
    colours: tuple[str, ...]
    legend: tuple[LegendEntry, ...]
    label: str

    def svg_fill(self, area: PaintedArea) -> str | None:
        """The SVG fill of an area: its colour, the no-report grey, or None for the hidden hatch."""
        if area.swatch == HATCH:
            return None
        return svg.NO_REPORT_FILL if area.swatch == NO_REPORT else area.swatch


def paint(view: Published, level: str, period: str, measure: str, lang: str, terbitan: int | None) -> Painting:
    """Paint the district's ``level`` (``desa``/``kecamatan``) by ``measure`` (``prevalensi``/``jumlah``) in ``period``.

    Parameters
    ----------
    view : the snapshot's published content.
    level, period, measure : the map's choice, already validated against the snapshot.
    lang : the language of tooltips and legend.
    terbitan : the snapshot id the links carry (None for the district's latest).

    Returns
    -------
    Painting
        One area per outline of ``level`` (the snapshot's ``peta``); a village links to its page, a kecamatan
        to the village map at its row of the kecamatan table.
    """
    names = view.area_names(level)
    cells = {c["kode"]: c for c in view.cells(level, period)}
    shown = [c for c in cells.values() if c["status"] == SHOWN]
    if measure == "prevalensi":
        classes = svg.prevalence_classes()
        value_of: Callable[[dict[str, Any]], float] = lambda c: float(c["prevalensi"])  # noqa: E731
        labels = _prevalence_labels(classes, lang)
    else:
        classes = svg.count_breaks(float(c["pembilang"]) for c in shown)
        value_of = lambda c: float(c["pembilang"])  # noqa: E731
        labels = _count_labels(classes, lang)
    field = "prevalensi" if measure == "prevalensi" else "pembilang"
    period_name = period_label(period, lang)
    counts: Counter[str] = Counter()
    areas = []
    for feature in view.features(level):
        code = str(feature["id"])
        cell = cells.get(code)
        if cell is None:
            swatch, value = NO_REPORT, t("public.map.no_report", lang)
        elif cell["status"] != SHOWN or cell.get(field) is None:
            swatch = HATCH
            value = t("public.map.value_hidden", lang, label=cell["label"],
                      measured=fmt_int(float(cell["penyebut"]), lang))  # fmt: skip
        else:
            swatch = classes.colour(value_of(cell))
            value = t("public.map.value_shown", lang, rate=rate_text(cell, lang), count=count_text(cell, lang),
                      measured=fmt_int(float(cell["penyebut"]), lang))  # fmt: skip
        counts[swatch] += 1
        if level == "desa":
            url = href(f"/publik/{view.district_code}/desa/{code}", lang, {"terbitan": terbitan})
        else:
            state = {"periode": period, "peta": "desa", "ukuran": measure, "terbitan": terbitan}
            url = href(f"/publik/{view.district_code}", lang, state, f"kec-{code}")
        title = t("public.map.area_title", lang, name=names.get(code, code), period=period_name, value=value)
        areas.append(PaintedArea(code, swatch, title, url))
    legend = [LegendEntry(colour, text, counts[colour]) for colour, text in zip(classes.colours, labels, strict=True)]
    legend.append(LegendEntry(HATCH, t("public.legend.hidden", lang), counts[HATCH]))
    legend.append(LegendEntry(NO_REPORT, t("public.legend.no_report", lang), counts[NO_REPORT]))
    label = t("public.map.label", lang, measure=t(f"public.measure.{measure}", lang),
              level=t(f"public.level.{level}", lang), period=period_name)  # fmt: skip
    return Painting(level, period, measure, tuple(areas), classes.colours, tuple(legend), label)


def _prevalence_labels(classes: svg.Classes, lang: str) -> list[str]:
    bounds = [fmt_number(b, lang, 1).replace(",0", "").replace(".0", "") for b in classes.bounds]
    labels = [f"< {bounds[0]}%"]
    labels += [f"{low}–< {high}%" for low, high in pairwise(bounds)]
    labels.append(f"≥ {bounds[-1]}%")
    return labels


def _count_labels(classes: svg.Classes, lang: str) -> list[str]:
    bounds = [int(b) for b in classes.bounds]
    if not bounds:
        return [t("public.legend.title.jumlah", lang)]
    labels = [f"0–{fmt_int(bounds[0], lang)}"]
    labels += [f"{fmt_int(low + 1, lang)}–{fmt_int(high, lang)}" for low, high in pairwise(bounds)]
    labels.append(f"≥ {fmt_int(bounds[-1] + 1, lang)}")
    return labels

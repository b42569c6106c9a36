"""The main page on paper: a print-only picture of the page's map, drawn on the server for the choice on screen.

A browser prints a WebGL map blank (or half drawn), and whatever draws the live map may change; so the print
stylesheet (``assets/print.css``) hides the live map and shows instead an ``<img>`` of
``/unduh/peta/<kode>.png`` (:func:`~dashboard.views.brief_route.map_image_path`), the same classes, colours and
title drawn by :mod:`dashboard.figures.static_map` with a legend, kecamatan names, scale bar, north arrow and
source line. The picture's legend stands in for the page's (hidden on paper too): the same classes, colours and
counts (:func:`~dashboard.figures.class_map.class_map_spec`), and one legend per map on a sheet. Flagged values are
not outlined in the picture; the flags' line above the figures prints.

The choice on screen is the district, measure, period, kecamatan, classification scheme and number of classes,
all in the picture's URL, so the paper shows what the screen shows; the comparison period changes no map.

Why a plain ``<img>`` with its ``src`` set, hidden on screen by ``display: none``: the browser loads it at once
(only ``loading="lazy"`` defers a hidden image), so it is there when the user presses Ctrl+P. Setting the ``src``
only on ``beforeprint`` would save the server a drawing per change of choice (about half a second), but browsers do
not wait for an image started then, and the page would print without its map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from dash import html

from dashboard.brief.content import BriefError
from dashboard.core.aggregate import Measure
from dashboard.core.classify import DEFAULT_K, Scheme
from dashboard.core.indicators import STUNTING
from dashboard.core.periods import period_label
from dashboard.figures.class_map import class_map_spec
from dashboard.figures.static_map import MapSpec, natural_height
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.brief_route import map_image_path
from dashboard.views.map_page.choice import ALL, MapChoice, measure_label
from dashboard.views.map_page.choropleth import district_of, map_view

__all__ = ["PrintMapError", "print_block", "print_choice", "print_map_spec", "print_map_src"]

# The picture's size on paper (inches): the height the print stylesheet gives it on an A4 landscape sheet under the
# title and the figures (100 mm), so that its text prints at its own point size, and as wide as the district's
# shape needs, at most the sheet's width.
HEIGHT_IN = 3.9
WIDTH_IN = (6.0, 10.8)
CLASSES = range(2, 10)  # what a stored choice may hold (the page's slider offers 3 to 7)


class PrintMapError(BriefError):
    """A request the map cannot be drawn for: ``status`` 404 (unknown district, period without data) or 400 (a
    malformed choice); ``key``/``params`` word it (i18n)."""

    def __init__(self, status: int, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.status = status


def _bad(name: str, value: str, allowed: str) -> PrintMapError:
    return PrintMapError(400, "print.map.bad_value", name=name, value=value, allowed=allowed)


def print_choice(services: Services, district: str, period: str | None, args: Mapping[str, str]) -> MapChoice:
    """The main-page choice a map request names: ``period`` (already parsed; ``None`` for the page's default) and
    the query's ``indikator`` (a measure value such as ``stunting`` or ``stunting@count``), ``kecamatan`` (a
    kecamatan code, empty for the whole district), ``skema`` (a :class:`~dashboard.core.classify.Scheme`) and
    ``kelas`` (2 to 9 classes), each defaulting as the page does.

    Raises :class:`PrintMapError` (404 or 400); the caller has checked that the actor may read ``district``.
    """
    known = {d.code for d in services.source.districts()}
    if district not in known:
        raise PrintMapError(404, "brief.unknown_district", code=district, known=", ".join(sorted(known)) or "-")
    periods = set(services.source.observations(district)["period"])
    chosen = period or services.default_period(district) or max(periods, default=None)
    if chosen is None or chosen not in periods:
        raise PrintMapError(404, "print.map.no_data", code=district, period=chosen or "-")
    measure = args.get("indikator") or STUNTING
    try:
        Measure.parse(measure)
    except (KeyError, ValueError):
        raise _bad("indikator", measure, "stunting, stunting@count, …") from None
    kecamatan = args.get("kecamatan") or ALL
    codes = sorted(set(services.source.villages(district)["kecamatan_code"].astype(str)))
    if kecamatan != ALL and kecamatan not in codes:
        raise _bad("kecamatan", kecamatan, ", ".join(codes))
    scheme = args.get("skema") or Scheme.QUANTILES
    if scheme not in set(Scheme):
        raise _bad("skema", scheme, ", ".join(Scheme))
    k = args.get("kelas") or str(DEFAULT_K)
    if not (k.isdigit() and int(k) in CLASSES):
        raise _bad("kelas", k, f"{CLASSES.start}–{CLASSES.stop - 1}")
    return MapChoice(district, measure, chosen, kecamatan, scheme, int(k))


def print_map_spec(services: Services, choice: MapChoice, lang: str) -> MapSpec:
    """The static map of ``choice``: the page's own map values and title (:func:`map_view`), the district's name
    (and "data contoh (fiktif)" for the demo) in the title, the page's source and today's date below it."""
    view = map_view(services, choice, lang)
    district = district_of(services, choice.district)
    villages = services.source.villages(choice.district)
    if choice.kecamatan != ALL:
        villages = villages[villages["kecamatan_code"] == choice.kecamatan]
    measure = Measure.parse(choice.measure)
    title = t("print.map.title", lang, district=district.name, title=view.title)
    if district.is_demo:
        title = t("print.map.demo", lang, title=title, mark=t("demo.badge", lang))
    created = t("brief.created", lang, day=date.today().strftime("%d/%m/%Y"))
    source = t("brief.map.source", lang, district=district.name, period=period_label(choice.period, lang),
               created=created)  # fmt: skip
    spec = class_map_spec(
        villages,
        view.values,
        measure,
        lang,
        legend_title=measure_label(measure, lang),
        title=title,
        source=source,
        min_measured=services.settings.min_measured,
    )
    return replace(spec, width_in=_fitting_width(replace(spec, height_in=HEIGHT_IN)), height_in=HEIGHT_IN)


def _fitting_width(spec: MapSpec) -> float:
    """The width (inches, within :data:`WIDTH_IN`) at which the map fills ``spec.height_in``: no wide white band
    between a tall district and its legend. The map's natural height grows with the width, so halving finds it."""
    low, high = WIDTH_IN
    for _ in range(16):
        middle = (low + high) / 2
        fits = natural_height(replace(spec, width_in=middle)) <= spec.height_in
        low, high = (middle, high) if fits else (low, middle)
    return round(low, 2)


def print_map_src(choice: MapChoice, lang: str) -> str | None:
    """The picture's URL for the page's choice; ``None`` while the district has no figures (nothing to draw)."""
    if not choice.period:
        return None
    return map_image_path(choice.district, choice.period, choice.measure, choice.kecamatan, choice.scheme,
                          choice.k, lang)  # fmt: skip


def print_block(choice: MapChoice, lang: str) -> html.Figure:
    """The print-only block of the main page (hidden on screen by ``assets/print.css``)."""
    image = html.Img(id=ID.PRINT_MAP, src=print_map_src(choice, lang), alt=t("print.map.alt", lang),
                     className="print-map-image")  # fmt: skip
    return html.Figure(image, id=ID.PRINT_BLOCK, className="print-only print-map")

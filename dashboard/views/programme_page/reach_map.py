"""The map of villages no partner reaches: two classes on the app's map component, with the count."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.components import encode_classes
from dashboard.core.periods import PeriodError, period_label
from dashboard.data.programmes import Programme
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, t
from dashboard.services import Services
from dashboard.views.map_page.choropleth import district_of, services_url
from dashboard.views.programme_page.model import Reach, map_period, reach

__all__ = ["PALETTE", "reach_legend", "reach_props"]

# Unreached first (the warm colour draws the eye), reached in a quiet teal.
PALETTE = ["#e6550d", "#9ecae1"]


def reach_legend(found: Reach, lang: str) -> html.Div:
    """The two classes, each a swatch, its name and its village count."""
    classes = ((PALETTE[0], "mitra.map.unreached", found.count),
               (PALETTE[1], "mitra.map.reached", len(found.codes) - found.count))  # fmt: skip
    return html.Div(
        [
            html.Div(
                [
                    html.Span(className="legend-swatch", style={"background": colour}),
                    html.Span(t(key, lang)),
                    html.Span(t("legend.villages", lang, n=fmt_int(n, lang)), className="legend-count"),
                ],
                className="legend-entry",
            )
            for colour, key, n in classes
        ],
        className="legend",
    )


def reach_props(services: Services, district: str, programmes: list[Programme], raw_period: str | None,
                lang: str) -> tuple[dict[str, Any], str, Any]:  # fmt: skip
    """The map component's props (geometry by URL, a class per village, hover, view, export texts), the count line
    and the legend, for ``district``'s villages and the programmes reaching them in the typed period (any when
    empty). A period that cannot be read gives its message as the count line and an unchanged map (empty props).
    """
    try:
        period = map_period(raw_period)
    except PeriodError:
        return {}, t("mitra.map.bad_period", lang, value=str(raw_period)[:40]), None
    villages = services.source.villages(district)
    codes = villages["code"].astype(str).tolist()
    found = reach(codes, programmes, period)
    names = dict(zip(codes, villages["name"].astype(str), strict=True))
    kecamatan = dict(zip(codes, villages["kecamatan_name"].astype(str), strict=True))
    hover = {
        code: "\n".join([names[code], t("hover.kecamatan", lang, name=kecamatan[code]),
                         t("mitra.map.hover_programmes", lang, n=fmt_int(found.programmes[code], lang))])
        for code in codes
    }  # fmt: skip
    m = fmt_int(len(codes), lang)
    if period is None:
        count = t("mitra.map.count", lang, n=fmt_int(found.count, lang), m=m)
    else:
        count = t("mitra.map.count_period", lang, n=fmt_int(found.count, lang), m=m, period=period_label(period, lang))
    bounds = bounds_of(villages)
    where = district_of(services, district)
    props = {
        "geojson_url": services_url(services, district),
        "codes": codes,
        "classes": encode_classes(found.classes),
        "palette": PALETTE,
        "marks": {},
        "hover_text": hover,
        "bounds": [bounds.west, bounds.south, bounds.east, bounds.north],
        "view_revision": district,
        "export_title": t("print.map.title", lang, district=where.name, title=t("mitra.map.title", lang)),
        "export_legend": [[PALETTE[0], f"{t('mitra.map.unreached', lang)} ({found.count})"],
                          [PALETTE[1], f"{t('mitra.map.reached', lang)} ({len(codes) - found.count})"]],
        "export_source": count,
        "export_mark": t("demo.badge", lang).upper() if where.is_demo else None,
        "export_filename": f"peta_jangkauan_mitra_{district}.png",
    }  # fmt: skip
    return props, count, reach_legend(found, lang)

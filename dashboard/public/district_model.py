"""The public district and village pages' view models: the headline, targets, completeness, survey beside routine,
trend, map toggles, table rows, publication history and download links, as plain values for the Jinja2 templates."""

from __future__ import annotations

from typing import Any, Final

from dashboard.core.periods import period_label
from dashboard.data.publications import Publications, Snapshot
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.public import downloads, svg
from dashboard.public.content import SHOWN, Published
from dashboard.public.site import href
from dashboard.public.texts import count_text, date_text, interval_text, own_words, rate_text, short_period

__all__ = [
    "LEVELS",
    "MEASURES",
    "completeness",
    "download_links",
    "gap",
    "headline",
    "history",
    "kecamatan_rows",
    "rate_with_interval",
    "row",
    "toggles",
    "trend",
    "two_numbers",
]

LEVELS: Final = ("desa", "kecamatan")
MEASURES: Final = ("prevalensi", "jumlah")


def download_links(view: Published, lang: str, terbitan: int | None, period: str,
                   village: str | None) -> list[dict[str, Any]]:  # fmt: skip
    """Groups of download links of a view: one group per scope, each with the period's and all periods' files."""
    base = f"/publik/{view.district_code}/unduh"
    scopes = [downloads.Scope("desa", village)] if village else [downloads.Scope(s) for s in ("kecamatan", "desa")]
    groups = []
    for scope in scopes:
        key = "village" if scope.village else scope.name
        links = [
            {"label": f"{fmt.upper()} · {period_label(period, lang)}",
             "url": href(f"{base}/{scope.slug}.{fmt}", lang, {"periode": period, "terbitan": terbitan})}
            for fmt in downloads.FORMATS
        ] + [
            {"label": f"{fmt.upper()} · {t('public.downloads.all_periods', lang)}",
             "url": href(f"{base}/{scope.slug}.{fmt}", lang, {"terbitan": terbitan})}
            for fmt in ("csv", "xlsx")
        ]  # fmt: skip
        groups.append({"title": t(f"public.downloads.view.{key}", lang), "links": links})
    readme = {"label": "README · metadata.txt", "url": href(f"{base}/metadata.txt", lang, {"terbitan": terbitan})}
    groups.append({"title": t("public.downloads.metadata", lang), "links": [readme]})
    return groups


def headline(view: Published, period: str, lang: str) -> dict[str, Any]:
    """The district's figure for ``period``: rate, interval, count and children measured, as the page prints them."""
    cell = view.district_cell(period)
    shown = cell is not None and cell["status"] == SHOWN
    interval = interval_text(cell, lang)
    return {
        "cell": cell,
        "shown": shown,
        "rate": rate_text(cell, lang),
        "interval": t("public.headline.interval", lang, interval=interval) if interval else "",
        "count": count_text(cell, lang),
        "measured": fmt_int(float(cell["penyebut"]), lang) if cell else "",
    }  # fmt: skip


def gap(cell: dict[str, Any] | None, target: float, lang: str) -> str:
    """How far the published prevalence is from a target, in percentage points ("" when hidden)."""
    if cell is None or cell["status"] != SHOWN or cell.get("prevalensi") is None:
        return ""
    difference = round(float(cell["prevalensi"]) - target, 1)
    if difference == 0:
        return t("public.target.equal", lang)
    key = "public.target.above" if difference > 0 else "public.target.below"
    return t(key, lang, points=fmt_number(abs(difference), lang))


def completeness(view: Published, period: str, code: str | None, lang: str) -> str:
    """How complete ``period``'s reports are: children measured of the target and villages reporting ("" if unknown)."""
    row = view.completeness(period, code)
    if row is None:
        return ""
    villages = t("public.completeness.villages", lang, reporting=fmt_int(row["desa_melapor"], lang),
                 total=fmt_int(row["desa_total"], lang))  # fmt: skip
    if row.get("diukur") is None or not row.get("sasaran"):
        return villages
    measured = t("public.completeness", lang, measured=fmt_int(row["diukur"], lang),
                 target=fmt_int(row["sasaran"], lang),
                 share=fmt_percent(100.0 * row["diukur"] / row["sasaran"], lang))  # fmt: skip
    return f"{measured} · {villages}"


def two_numbers(view: Published, period: str, lang: str) -> dict[str, Any] | None:
    """The survey's figure beside the routine one of the same year; None when the snapshot holds no survey."""
    survey = view.survey_for(period)
    if survey is None:
        return None
    year = int(str(survey["periode"])[:4])
    routine_period = view.routine_period_of_year(year)
    low, high = survey.get("batas_bawah"), survey.get("batas_atas")
    survey_interval = (f"{fmt_number(float(low), lang)}–{fmt_percent(float(high), lang)}"
                       if low is not None and high is not None else "")  # fmt: skip
    routine = view.district_cell(routine_period) if routine_period else None
    source = str(survey["sumber"])
    return {
        # The survey and its year ("SSGI 2024"; "Survei contoh (fiktif) 2025"), never a year twice.
        "survey_title": source if str(year) in source else f"{source} {year}",
        "survey_rate": fmt_percent(float(survey["nilai"]), lang) if survey.get("nilai") is not None else "—",
        "survey_interval": survey_interval,
        "routine_title": t("public.two_numbers.routine", lang, period=period_label(routine_period, lang))
        if routine_period else "",
        "routine_rate": rate_text(routine, lang),
        "routine_interval": interval_text(routine, lang),
        "no_routine": "" if routine_period else t("public.two_numbers.no_routine", lang, year=year),
    }  # fmt: skip


def trend(view: Published, lang: str) -> str:
    """The trend chart (SVG markup) of the district's published prevalence against the national and own targets."""
    points = []
    for p in view.periods:
        cell = view.district_cell(p)
        own = view.district_target(int(p[:4]))
        shown = cell is not None and cell["status"] == SHOWN and cell.get("prevalensi") is not None
        points.append(svg.TrendPoint(
            period=p, axis_label=short_period(p, lang),
            value=float(cell["prevalensi"]) if shown and cell else None,
            value_label=rate_text(cell, lang) if shown else count_text(cell, lang),
            district_target=float(own["target"]) if own else None,
        ))  # fmt: skip
    national = fmt_percent(view.national_target, lang, 0)
    return svg.trend_svg(
        points,
        view.national_target,
        label=t("public.trend.label", lang, district=view.district_name),
        national_label=t("public.trend.national", lang, target=national),
        district_label=t("public.trend.district", lang),
        percent="{:g}%",
    )


def toggles(here: str, lang: str, state: dict[str, Any]) -> list[dict[str, Any]]:
    """The map's two choices (level, measure) as groups of links that keep the rest of the page's state."""
    groups = []
    for key, options, label in (("peta", LEVELS, "public.map.level_choice"),
                                ("ukuran", MEASURES, "public.map.measure_choice")):  # fmt: skip
        names = {o: t(f"public.level.{o}" if key == "peta" else f"public.measure.{o}", lang) for o in options}
        groups.append({
            "label": t(label, lang),
            "options": [{"text": names[o], "url": href(here, lang, {**state, key: o}, "peta"),
                         "active": state[key] == o} for o in options],
        })  # fmt: skip
    return groups


def row(name: str, cell: dict[str, Any] | None, lang: str, anchor: str = "") -> dict[str, Any]:
    """One table row: name, children measured, stunted count, rate and interval (dashes or words when hidden)."""
    return {
        "name": name,
        "anchor": anchor,
        "measured": fmt_int(float(cell["penyebut"]), lang) if cell else "—",
        "count": count_text(cell, lang),
        "rate": rate_text(cell, lang),
        "interval": interval_text(cell, lang),
    }


def kecamatan_rows(view: Published, period: str, lang: str, terbitan: int | None) -> list[dict[str, Any]]:
    """Each kecamatan's figure and its villages (links), by name."""
    villages: dict[str, list[tuple[str, str]]] = {}
    for code, name in view.area_names("desa").items():
        villages.setdefault(code.rsplit(".", 1)[0], []).append((name, code))
    rows = []
    for code, name in sorted(view.area_names("kecamatan").items(), key=lambda item: item[1]):
        entry = row(name, view.cell(period, "kecamatan", code), lang, anchor=f"kec-{code}")
        base = f"/publik/{view.district_code}/desa"
        entry["villages"] = [
            {"name": v_name, "url": href(f"{base}/{v_code}", lang, {"terbitan": terbitan})}
            for v_name, v_code in sorted(villages.get(code, []))
        ]
        entry["villages_label"] = t("public.villages.count", lang, n=len(entry["villages"]))
        rows.append(entry)
    return rows


def history(publications: Publications, kode: str, shown: Snapshot, lang: str) -> list[dict[str, Any]]:
    """Every publication of the district, newest first; withdrawn ones with date and reason, no figures."""
    entries = []
    latest_seen = False
    for snapshot in publications.snapshots(kode):
        entry: dict[str, Any] = {
            "date": date_text(snapshot.published_at.isoformat(), lang, kode),
            "title": own_words(snapshot.title, lang),
            "url": None,
            "marks": [],
            "withdrawn": "",
        }
        if snapshot.withdrawn_at is not None:
            when = date_text(snapshot.withdrawn_at.isoformat(), lang, kode)
            entry["withdrawn"] = t("public.history.withdrawn", lang, date=when, reason=snapshot.withdraw_reason or "")
        else:
            first = not latest_seen
            latest_seen = True
            entry["url"] = href(f"/publik/{kode}", lang, {"terbitan": None if first else snapshot.id})
            if first:
                entry["marks"].append(t("public.history.latest", lang))
            if snapshot.id == shown.id:
                entry["marks"].append(t("public.history.current", lang))
        entries.append(entry)
    return entries


def rate_with_interval(cell: dict[str, Any] | None, lang: str) -> str:
    """``"27,3% (22,1–33,0%)"``, or the rate alone when no interval is published."""
    rate = rate_text(cell, lang)
    interval = interval_text(cell, lang)
    return f"{rate} ({interval})" if interval else rate

"""The gaps page's change view: villages in four classes, the like-for-like change of the scope and its kecamatan.

A change between two periods is only a change where both periods have a value: a village that
reported in one period only has *no value* to compare and is drawn (and counted) apart from the
villages whose change is *not significant*. The scope's change is :func:`dashboard.core.change.like_for_like`,
over the villages reporting in both periods, with the number of children over those same villages,
so the rate and the count can never disagree because they came from different villages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.core.aggregate import number_or_none
from dashboard.core.change import Change, ChangeClass, change_by_group, change_classes, like_for_like
from dashboard.core.completeness import completeness_of
from dashboard.core.gaps import period_change
from dashboard.core.indicators import CATALOGUE, Direction
from dashboard.core.periods import period_label
from dashboard.figures.headline import signed
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.ids import ID

__all__ = ["CLASS_ORDER", "FLAG_OUTLINE", "ChangeMap", "change_colours", "change_legend", "hover_lines"]

CLASS_ORDER = (ChangeClass.NO_VALUE, ChangeClass.NOT_SIGNIFICANT, ChangeClass.FALL, ChangeClass.RISE)
BETTER, WORSE = "#2166ac", "#b2182b"  # blue and red (RdBu's ends): readable with the common colour-vision deficiencies
NOT_SIGNIFICANT_COLOUR = "#bdbdbd"
NO_VALUE_COLOUR = "#f3eee2"  # pale and warm, unlike the grey of "not significant"; the legend hatches it
FLAG_OUTLINE = "#f76707"  # dashed orange, as the map component outlines a flagged value (a later value, here)


def change_colours(indicator: str) -> dict[ChangeClass, str]:
    """Colour per class by meaning: a fall of an outcome (prevalence) is better, a fall of coverage is worse."""
    lower_is_better = CATALOGUE[indicator].direction is Direction.LOWER_IS_BETTER
    return {
        ChangeClass.NO_VALUE: NO_VALUE_COLOUR,
        ChangeClass.NOT_SIGNIFICANT: NOT_SIGNIFICANT_COLOUR,
        ChangeClass.FALL: BETTER if lower_is_better else WORSE,
        ChangeClass.RISE: WORSE if lower_is_better else BETTER,
    }


def _better(indicator: str, cls: ChangeClass) -> bool | None:
    """Whether a significant fall or rise of ``indicator`` is good news; ``None`` for the other classes."""
    if cls not in (ChangeClass.FALL, ChangeClass.RISE):
        return None
    return (cls is ChangeClass.FALL) == (CATALOGUE[indicator].direction is Direction.LOWER_IS_BETTER)


def _meaning(indicator: str, cls: ChangeClass, lang: str) -> str:
    """``lebih baik`` / ``lebih buruk`` for a significant fall or rise of ``indicator``; ``""`` otherwise."""
    better = _better(indicator, cls)
    return "" if better is None else t("gaps.change.better" if better else "gaps.change.worse", lang)


def _class_label(indicator: str, cls: ChangeClass, lang: str) -> str:
    """``Turun bermakna (lebih baik)``: the class in words, with what it means for ``indicator``."""
    meaning = _meaning(indicator, cls, lang)
    return t(f"gaps.change.class.{cls.value}", lang) + (f" ({meaning})" if meaning else "")


class ChangeMap:
    """Each village's change between ``before`` and ``after`` with its class; the flagged later values."""

    def __init__(
        self, observations: pd.DataFrame, codes: pd.Series, indicator: str, before: str, after: str,
        flags: Mapping[str, str],
    ) -> None:  # fmt: skip
        self.indicator, self.before, self.after = indicator, before, after
        self.codes = codes.astype(str).reset_index(drop=True)
        self.table = period_change(observations, indicator, before, after).reindex(self.codes)
        classes = change_classes(self.table["change"], self.table["significant"])
        # As members, not their string values (what core's Series holds), so ``.value`` and ``is`` work.
        self.classes: list[ChangeClass] = [ChangeClass(c) for c in classes]
        self.flags = {code: text for code, text in flags.items() if code in set(self.codes)}

    def counts(self) -> dict[ChangeClass, int]:
        return {cls: sum(c is cls for c in self.classes) for cls in CLASS_ORDER}


def hover_lines(change: ChangeMap, code: str, cls: ChangeClass, name: str, lang: str) -> str:
    """A village's values in both periods, its change with the interval, its class and its flags."""
    row = change.table.loc[code]

    def value(rate: object, k: object, n: object) -> str:
        if number_or_none(n) is None:
            return t("gaps.change.hover.none", lang)
        counts = f"{fmt_int(number_or_none(k), lang)}/{fmt_int(number_or_none(n), lang)}"
        return f"{fmt_percent(number_or_none(rate), lang)} ({counts})"

    lines = [f"<b>{name}</b>"]
    lines.append(
        t(
            "gaps.change.hover.values",
            lang,
            before_period=period_label(change.before, lang),
            before=value(row["rate_before"], row["numerator_before"], row["denominator_before"]),
            after_period=period_label(change.after, lang),
            after=value(row["rate_after"], row["numerator_after"], row["denominator_after"]),
        )
    )
    if cls is not ChangeClass.NO_VALUE:
        lines.append(
            t(
                "gaps.change.hover.change",
                lang,
                change=signed(number_or_none(row["change"]), lang),
                low=signed(number_or_none(row["change_low"]), lang),
                high=signed(number_or_none(row["change_high"]), lang),
            )
        )
    lines.append(_class_label(change.indicator, cls, lang))
    if code in change.flags:
        lines.append(change.flags[code])
    return "<br>".join(lines)


def _entry(swatch: dict[str, str], label: str, count: int, key: str, lang: str) -> html.Div:
    return html.Div(
        [
            html.Span(className=f"legend-swatch change-swatch-{key}", style=swatch),
            html.Span(label),
            html.Span(
                t("gaps.change.village" if count == 1 else "gaps.change.villages", lang, n=fmt_int(count, lang)),
                className="legend-count",
            ),
        ],
        className=f"legend-entry change-class change-class-{key}",
    )


def _class_legend(change: ChangeMap, lang: str) -> html.Div:
    colours = change_colours(change.indicator)
    counts = change.counts()
    entries = []
    for cls in CLASS_ORDER:
        label = _class_label(change.indicator, cls, lang)
        entries.append(_entry({"background": colours[cls]}, label, counts[cls], cls.value, lang))
    if change.flags:
        swatch = {"background": "#fff", "border": f"3px dashed {FLAG_OUTLINE}"}
        entries.append(_entry(swatch, t("gaps.change.flagged", lang), len(change.flags), "flagged", lang))
    title = t(
        "gaps.change.legend",
        lang,
        indicator=CATALOGUE[change.indicator].label(lang),
        before=period_label(change.before, lang),
        after=period_label(change.after, lang),
    )
    return html.Div([html.Div(title, className="legend-title"), *entries], className="legend change-legend")


def _summary_lines(change: Change, indicator: str, scope: str, reporting: tuple[int, int, int], lang: str) -> list[Any]:
    """The like-for-like change of a scope in words: villages compared, rates, interval, significance, counts."""
    entry = CATALOGUE[indicator]
    villages, before_n, after_n = reporting
    compared = t(
        "gaps.change.compared", lang, n=fmt_int(change.compared, lang), villages=fmt_int(villages, lang),
        before=period_label(change.before, lang), after=period_label(change.after, lang),
        reporting_before=fmt_int(before_n, lang),
        reporting_after=fmt_int(after_n, lang),
    )  # fmt: skip
    lines: list[Any] = [html.Div(compared, className="change-compared")]
    if change.excluded:
        lines.append(html.Div(t("kpi.change.excluded", lang, n=fmt_int(change.excluded, lang)), className="small"))
    if not change.compared or change.change is None:
        lines.append(html.Div(t("gaps.change.none_compared", lang), className="small text-muted"))
        return [html.Div(scope, className="fw-semibold"), *lines]
    significant = bool(change.significant)
    cls = ChangeClass.NOT_SIGNIFICANT if not significant else (
        ChangeClass.FALL if change.change < 0 else ChangeClass.RISE
    )  # fmt: skip
    meaning = _meaning(indicator, cls, lang)
    better = _better(indicator, cls)
    tone = "" if better is None else ("kpi-better" if better else "kpi-worse")
    verdict = t("gaps.change.significant" if significant else "gaps.change.not_significant", lang)
    lines.append(
        html.Div(
            [
                html.Span(
                    t(
                        "gaps.change.figure",
                        lang,
                        indicator=entry.label(lang),
                        before=fmt_percent(change.rate_before, lang),
                        after=fmt_percent(change.rate_after, lang),
                        change=signed(change.change, lang),
                        low=signed(change.low, lang),
                        high=signed(change.high, lang),
                    ),
                    className=f"fw-semibold {tone}".strip(),
                ),
                html.Span(f" — {verdict}" + (f" ({meaning})" if meaning else ""), className="change-verdict"),
            ]
        )
    )
    lines.append(
        html.Div(
            t(
                "gaps.change.counts",
                lang,
                numerator=entry.numerator_label(lang),
                k_before=fmt_int(change.numerator_before, lang),
                k_after=fmt_int(change.numerator_after, lang),
                k_change=signed(change.stunted_change, lang, 0),
                denominator=entry.denominator_label(lang),
                n_before=fmt_int(change.denominator_before, lang),
                n_after=fmt_int(change.denominator_after, lang),
                n=fmt_int(change.compared, lang),
            ),
            className="small",
        )
    )
    return [html.Div(scope, className="fw-semibold"), *lines]


def _kecamatan_table(
    observations: pd.DataFrame,
    villages: pd.DataFrame,
    indicator: str,
    before: str,
    after: str,
    lang: str,
    exclude: Mapping[str, str],
) -> Any:
    """Per kecamatan: villages compared, rates before and after, change with its interval, significance."""
    groups = pd.Series(villages["kecamatan_code"].to_numpy(), index=villages["code"].astype(str))
    names: dict[str, str] = dict(
        villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().itertuples(index=False)
    )
    sizes = groups.value_counts()
    table = change_by_group(observations, indicator, before, after, groups, exclude=exclude)
    columns = ("kecamatan", "compared", "rates", "change", "significant")
    header = html.Tr([html.Th(t(f"gaps.change.col.{c}", lang)) for c in columns])
    rows = []
    for group, row in table.iterrows():
        code = str(group)
        known = not pd.isna(row["significant"])
        significant = bool(row["significant"]) if known else False
        verdict = t("gaps.change.significant" if significant else "gaps.change.not_significant", lang)
        rows.append(
            html.Tr(
                [
                    html.Td(str(names.get(code, code))),
                    html.Td(f"{fmt_int(row['compared'], lang)}/{fmt_int(sizes.get(code, 0), lang)}"),
                    html.Td(
                        f"{fmt_percent(number_or_none(row['rate_before']), lang)} → "
                        f"{fmt_percent(number_or_none(row['rate_after']), lang)}"
                    ),
                    html.Td(
                        t(
                            "gaps.change.interval",
                            lang,
                            change=signed(number_or_none(row["change"]), lang),
                            low=signed(number_or_none(row["low"]), lang),
                            high=signed(number_or_none(row["high"]), lang),
                        )
                        if known
                        else "—"
                    ),
                    html.Td(
                        verdict if known else "—",
                        className="" if significant else "text-muted",
                    ),
                ]
            )
        )
    return html.Div(
        [
            html.Div(t("gaps.change.by_kecamatan", lang), className="fw-semibold mt-2"),
            dbc.Table(
                [html.Thead(header), html.Tbody(rows)],
                size="sm",
                className="change-kecamatan small",
                id=ID.GAPS_CHANGE_KECAMATAN,
            ),
        ]
    )


def change_legend(
    change: ChangeMap, observations: pd.DataFrame, villages: pd.DataFrame, scope: str, by_kecamatan: bool, lang: str
) -> html.Div:
    """The change card (the scope's like-for-like change) above the class legend, then the kecamatan table."""
    codes = change.codes.tolist()
    # Villages whose later value is flagged are left out of the scope's change, as on the main page.
    overall = like_for_like(observations, change.indicator, change.before, change.after, codes, exclude=change.flags)
    reporting = (
        len(codes),
        completeness_of(observations, change.before, codes, change.indicator).reporting,
        completeness_of(observations, change.after, codes, change.indicator).reporting,
    )
    parts: list[Any] = [
        html.Div(
            _summary_lines(overall, change.indicator, scope, reporting, lang),
            className="change-summary",
            id=ID.GAPS_CHANGE_SUMMARY,
        ),
        _class_legend(change, lang),
    ]
    if by_kecamatan:
        parts.append(
            _kecamatan_table(observations, villages, change.indicator, change.before, change.after, lang, change.flags)
        )
    return html.Div(parts, id=ID.GAPS_CHANGE_LEGEND)

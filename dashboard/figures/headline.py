"""The headline in words: the lines the main page's cards, ``summary`` and later the brief all print.

Each function turns part of a :class:`~dashboard.core.headline.Headline` into plain strings in the
user's language; surfaces wrap them (HTML cards, terminal lines) but never word them again.
"""

from __future__ import annotations

import math
from typing import Any

from dashboard.core.change import Change
from dashboard.core.headline import Headline
from dashboard.core.periods import period_label
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = ["ChangeText", "change_text", "completeness_text", "flag_text", "interval_text", "signed"]


def signed(value: float | None, lang: str, decimals: int = 1) -> str:
    """``+1,5`` / ``−2,3`` (a true minus sign); an em dash for no value.

    A value that would round to 0 but is not 0 gets one more decimal, so an interval's bound never reads
    "0,0" beside the word significant.
    """
    if value is None or math.isnan(value):
        return "—"
    if value != 0 and round(value, decimals) == 0:
        decimals += 1
    text = fmt_number(abs(value), lang, decimals)
    return text if round(value, decimals) == 0 else ("+" if value > 0 else "−") + text


def completeness_text(headline: Headline, lang: str) -> str:
    """Villages reporting and, where targets are known, children measured of target children, for the period."""
    done = headline.completeness
    text = t(
        "completeness.line",
        lang,
        period=period_label(headline.period, lang),
        reporting=fmt_int(done.reporting, lang),
        villages=fmt_int(done.villages, lang),
        share=fmt_percent(done.share, lang),
    )
    if done.measured_share is not None:
        measured = t(
            "completeness.measured",
            lang,
            measured=fmt_int(done.measured, lang),
            target=fmt_int(done.target, lang),
            share=fmt_percent(done.measured_share, lang),
        )
        text += " · " + measured
    return text


def interval_text(headline: Headline, lang: str) -> str | None:
    """ "IK 95%: 19,0–19,5%" for the prevalence, or ``None`` without children measured."""
    if headline.low is None or headline.high is None:
        return None
    return t("kpi.interval", lang, low=fmt_number(headline.low, lang), high=fmt_percent(headline.high, lang))


class ChangeText:
    """The change card's lines; ``value`` is ``None`` when nothing could be compared."""

    def __init__(self, value: str | None, lines: list[str], tone: str) -> None:
        self.value = value
        self.lines = lines
        self.tone = tone  # "better", "worse" (significant only) or "neutral"


def change_text(change: Change | None, lang: str) -> ChangeText:
    """Points with an arrow, interval, significance, children over the same villages, villages compared, base."""
    if change is None:
        return ChangeText(None, [t("kpi.no_previous", lang)], "neutral")
    since = t("kpi.change.since", lang, period=period_label(change.before, lang))
    if change.change is None or change.low is None or change.high is None:
        excluded = [t("kpi.change.excluded", lang, n=fmt_int(change.excluded, lang))] if change.excluded else []
        return ChangeText(None, [t("kpi.change.nothing", lang), *excluded, since], "neutral")
    points = change.change
    arrow = "▲" if points > 0 else ("▼" if points < 0 else "■")
    tone = "neutral" if not change.significant else ("worse" if points > 0 else "better")
    children = change.stunted_change or 0.0
    lines = [
        t("kpi.change.interval", lang, low=signed(change.low, lang), high=signed(change.high, lang)),
        t("kpi.change.significant" if change.significant else "kpi.change.not_significant", lang),
        t("kpi.change.children", lang, value=signed(children, lang, 0)),
        t(
            "kpi.change.measured",
            lang,
            before=fmt_int(change.denominator_before, lang),
            after=fmt_int(change.denominator_after, lang),
        ),
        t("kpi.change.compared", lang, n=fmt_int(change.compared, lang)),
        *([t("kpi.change.excluded", lang, n=fmt_int(change.excluded, lang))] if change.excluded else []),
        since,
    ]
    return ChangeText(f"{arrow} {t('kpi.points', lang, value=signed(points, lang))}", lines, tone)


def _count_and_rate(numerator: float, denominator: float, lang: str) -> str:
    """ "29,3% (132/451)", or "0/0" when nothing was counted."""
    counts = f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}"
    return f"{fmt_percent(100.0 * numerator / denominator, lang)} ({counts})" if denominator > 0 else counts


def flag_text(flag: Any, village: str, kecamatan: str, lang: str) -> str:
    """One plausibility flag (a row of ``Headline.flags``): village, values (before → now) and reason."""
    values = _count_and_rate(float(flag.numerator), float(flag.denominator), lang)
    if isinstance(flag.previous_period, str):
        before = _count_and_rate(float(flag.previous_numerator), float(flag.previous_denominator), lang)
        values = f"{before} ({period_label(flag.previous_period, lang)}) → {values}"
    reason = t(f"flag.{flag.flag}.label", lang)
    return t("flags.row", lang, village=village, kecamatan=kecamatan, values=values, reason=reason)

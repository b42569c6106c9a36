"""The headline in words: the lines the main page's cards, ``summary`` and later the brief all print.

Each function turns part of a :class:`~dashboard.core.headline.Headline` into plain strings in the
user's language; surfaces wrap them (HTML cards, terminal lines) but never word them again.
"""

from __future__ import annotations

from typing import Any

from dashboard.core.change import Change
from dashboard.core.headline import Headline
from dashboard.core.periods import period_label
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = ["ChangeText", "change_text", "completeness_text", "flag_text", "interval_text", "signed"]


def signed(value: float, lang: str, decimals: int = 1) -> str:
    """``+1,5`` / ``-2,3``: a change always shows its sign."""
    return ("+" if value > 0 else "") + fmt_number(value, lang, decimals)


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
        return ChangeText(None, [t("kpi.change.nothing", lang), since], "neutral")
    points = change.change
    arrow = "▲" if points > 0 else ("▼" if points < 0 else "■")
    tone = "neutral" if not change.significant else ("worse" if points > 0 else "better")
    children = change.stunted_change or 0.0
    lines = [
        t("kpi.change.interval", lang, low=signed(change.low, lang), high=signed(change.high, lang)),
        t("kpi.change.significant" if change.significant else "kpi.change.not_significant", lang),
        t("kpi.change.children", lang, value=("+" if children > 0 else "") + fmt_int(children, lang)),
        t("kpi.change.compared", lang, n=fmt_int(change.compared, lang)),
        since,
    ]
    return ChangeText(f"{arrow} {t('kpi.points', lang, value=signed(points, lang))}", lines, tone)


def flag_text(flag: Any, village: str, kecamatan: str, lang: str) -> str:
    """One plausibility flag (a row of ``Headline.flags``): village, values (before → now) and reason."""
    values = f"{fmt_int(float(flag.numerator), lang)}/{fmt_int(float(flag.denominator), lang)}"
    if isinstance(flag.previous_period, str):
        before = f"{fmt_int(float(flag.previous_numerator), lang)}/{fmt_int(float(flag.previous_denominator), lang)}"
        values = f"{before} ({period_label(flag.previous_period, lang)}) → {values}"
    reason = t(f"flag.{flag.flag}.label", lang)
    return t("flags.row", lang, village=village, kecamatan=kecamatan, values=values, reason=reason)

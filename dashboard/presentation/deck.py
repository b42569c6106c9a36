"""What the presentation's slides say, gathered from the figures every other surface shows and worded once.

:func:`build_deck` reads one district and period through :class:`~dashboard.services.Services` (so the acting
user's areas are checked) and returns a :class:`Deck` of ready strings, tables and map specifications; the page
(:mod:`dashboard.presentation.page`) only lays them out. Slides a–d take the one-page brief's content
(:func:`dashboard.brief.content.brief_content`: the headline, trend, rankings and lokus list are computed once, for
the brief and the slides alike); e (service gaps) and f (the annual review) are gathered here from
:mod:`dashboard.core.gaps` and :mod:`dashboard.core.change`.

Maps are :class:`~dashboard.figures.static_map.MapSpec` drawn by the brief's renderer without their legend
(``legend="none"``): the slide writes the legend beside the picture in its own large type
(:mod:`dashboard.presentation.slides`, which holds the slide values and sizes). Slides e and f are gathered in
:mod:`dashboard.presentation.review`.
"""

from __future__ import annotations

from dashboard.auth.roles import Actor
from dashboard.brief.content import BriefError, Fact, brief_content
from dashboard.core.headline import Headline
from dashboard.core.localtime import format_date
from dashboard.core.periods import period_label
from dashboard.figures.headline import signed
from dashboard.i18n import TEXTS, fmt_int, fmt_number, fmt_percent, t
from dashboard.presentation.review import gaps_slide, review_slide, verdict
from dashboard.presentation.slides import Deck, slide_map
from dashboard.services import Services

__all__ = ["build_deck"]

# ------------------------------------------------------------------------------------------------ a. and the footer


def _glance(headline: Headline, own_target: float | None, lang: str) -> tuple[Fact, ...]:
    """Part a in the few words a slide holds: the key figure and at most one line under it."""
    change = headline.change
    if change is None or change.change is None:
        moved, moved_note = "—", t("paparan.a.no_change", lang)
        since = t("paparan.a.change", lang)
    else:
        arrow = "▼ " if change.change < 0 else "▲ " if change.change > 0 else ""
        moved = arrow + signed(change.change, lang)
        moved_note = verdict(change.significant, lang)
        since = t("paparan.a.change_since", lang, period=period_label(change.before, lang))
    interval = (
        t("paparan.a.interval", lang, low=fmt_number(headline.low, lang), high=fmt_percent(headline.high, lang))
        if headline.low is not None and headline.high is not None
        else ""
    )
    done = headline.completeness
    share = done.measured_share if done.measured_share is not None else done.share
    reporting = t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )
    own = (
        t("paparan.a.own_target", lang, value=fmt_percent(own_target, lang))
        if own_target is not None
        else t("paparan.a.own_target.none", lang)
    )
    return (
        Fact(t("kpi.prevalence", lang), fmt_percent(headline.rate, lang), (interval,) if interval else ()),
        Fact(t("kpi.stunted", lang), fmt_int(headline.numerator, lang),
             (t("paparan.a.measured", lang, measured=fmt_int(headline.denominator, lang)),)),
        Fact(since, moved, (moved_note,)),
        Fact(t("paparan.a.completeness" if done.measured_share is not None else "paparan.a.reporting_share", lang),
             fmt_percent(share, lang, 0), (_measured_of_target(headline, lang) or reporting,)),
        Fact(t("paparan.a.national_target", lang), fmt_percent(headline.target, lang, 0), (own,)),
    )  # fmt: skip


def _measured_of_target(headline: Headline, lang: str) -> str:
    """ "87.518 dari 105.502 sasaran diukur" where the target children are known, else ""."""
    done = headline.completeness
    if done.measured_share is None or done.measured is None or done.target is None:
        return ""
    return t("paparan.a.measured_of", lang, measured=fmt_int(done.measured, lang), target=fmt_int(done.target, lang))


def _reporting(headline: Headline, lang: str) -> str:
    done = headline.completeness
    return t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )


def _completeness(headline: Headline, lang: str) -> str:
    """ "267 dari 272 desa melapor, 83% sasaran diukur" (and "belum lengkap" under the threshold)."""
    done = headline.completeness
    text = t(
        "paparan.a.reporting", lang, reporting=fmt_int(done.reporting, lang), villages=fmt_int(done.villages, lang)
    )
    if done.measured_share is not None:
        text += ", " + t("paparan.footer.measured", lang, share=fmt_percent(done.measured_share, lang, 0))
    if not headline.complete:
        text += f" ({t('completeness.incomplete', lang)})"
    return text


def _source(services: Services, district: str, lang: str) -> str:
    """ "Sumber: indikator, batas desa (impor terakhir 30/11/2026)": the kinds of import that hold the district's
    data and the newest import's day (the brief and the annex name every file; a slide has one line for it)."""
    store = services.store
    if store is None:
        return t("brief.source.none", lang)
    found = [info for info in store.datasets() if district in info.districts and info.status == "imported"]
    if not found:
        return t("brief.source.none", lang)
    kinds = dict.fromkeys(t(f"paparan.kind.{info.kind}", lang) if f"paparan.kind.{info.kind}" in TEXTS else info.kind
                          for info in found)  # fmt: skip
    newest = max(info.created_at for info in found)
    return t("paparan.footer.source", lang, kinds=", ".join(kinds), day=format_date(newest, lang, district))


# ------------------------------------------------------------------------------------------------ the deck


def build_deck(services: Services, actor: Actor, district_code: str, period: str | None, lang: str) -> Deck:
    """Every slide's content for a district and period (the main page's default period when ``None``).

    Call inside :func:`~dashboard.auth.context.acting_as` ``actor``. Raises
    :class:`~dashboard.brief.content.BriefError` for an unknown district or a period without data and
    :class:`~dashboard.auth.roles.Forbidden` outside the actor's areas.
    """
    brief = brief_content(services, district_code, period, lang)
    period = brief.period
    villages = services.source.villages(district_code)
    observations = services.source.observations(district_code)
    maps = {"prevalensi": slide_map("prevalensi", brief.prevalence_map)}
    if brief.lokus_map is not None:
        maps["lokus"] = slide_map("lokus", brief.lokus_map)
    gaps = gaps_slide(services, villages, observations, period, lang)
    if gaps.map is not None:
        maps["kesenjangan"] = gaps.map
    review = review_slide(services, actor, district_code, villages, observations, period, brief.own_target,
                     brief.national_target, lang)  # fmt: skip
    label = period_label(period, lang)
    headline = services.headline(district_code, period)
    if headline is None:  # brief_content found data for this period: only a concurrent removal gets here
        raise BriefError("brief.no_data", code=district_code, period=period)
    parts = [label, _completeness(headline, lang), _source(services, district_code, lang)]
    if brief.demo_mark:
        parts.append(brief.demo_mark)
    return Deck(
        lang=lang,
        district_code=district_code,
        district_name=brief.district.name,
        period=period,
        period_label=label,
        demo_mark=brief.demo_mark,
        footer=" · ".join(parts),
        glance=_glance(headline, brief.own_target, lang),
        brief=brief,
        maps=maps,
        gaps=gaps,
        review=review,
    )

"""The two numbers in words: the lines the main page's panel and the public pages print, as plain strings.

Each function turns part of a :class:`~dashboard.core.two_numbers.TwoNumbers` into text in the user's language
(``27,3%`` in Indonesian); surfaces wrap the strings (HTML, terminal lines) but never word them again.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.periods import period_label
from dashboard.core.two_numbers import RoutineFigure, SurveyFigure, TwoNumbers
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = [
    "TwoNumbersText",
    "explanation",
    "routine_note",
    "routine_text",
    "survey_label",
    "survey_text",
    "two_numbers_text",
]


@dataclass(frozen=True)
class TwoNumbersText:
    """Everything a surface prints for the two numbers: title, the survey's line, the routine line, a note when the
    routine month is not August (else None), the question heading the explanation, and its paragraphs."""

    title: str
    survey: str
    routine: str
    note: str | None
    why: str
    explanation: tuple[str, ...]


def survey_label(survey: SurveyFigure) -> str:
    """The source as imported, with the period when the source does not already name it (``SSGI 2024``)."""
    return survey.source if survey.period in survey.source else f"{survey.source} {survey.period}"


def survey_text(survey: SurveyFigure, lang: str) -> str:
    """ "SSGI 2024: 24,1% (21,5–26,9)", or without an interval when the source gives none."""
    rate = fmt_percent(survey.value, lang)
    if survey.lower is None or survey.upper is None:
        return t("two.survey.no_interval", lang, source=survey_label(survey), rate=rate)
    low, high = fmt_number(survey.lower, lang), fmt_number(survey.upper, lang)
    return t("two.survey", lang, source=survey_label(survey), rate=rate, low=low, high=high)


def routine_text(routine: RoutineFigure | None, year: int, lang: str) -> str:
    """ "Rutin (e-PPGBM/Sigizi) Agustus 2024: 19,3% (19,0–19,5), 87.518 dari 105.502 sasaran diukur (83,0%)";
    villages reporting when the month is incomplete; a line saying so when the year has no routine data."""
    if routine is None:
        return t("two.routine.none", lang, year=year)
    label = t("two.routine.label", lang, period=period_label(routine.period, lang))
    text = t("two.routine", lang, label=label, rate=fmt_percent(routine.rate, lang),
             low=fmt_number(routine.low, lang), high=fmt_number(routine.high, lang))  # fmt: skip
    done = routine.completeness
    if done.measured_share is not None:
        text += ", " + t("two.routine.coverage", lang, measured=fmt_int(done.measured, lang),
                         target=fmt_int(done.target, lang), share=fmt_percent(done.measured_share, lang))  # fmt: skip
    else:
        text += ", " + t("two.routine.measured", lang, measured=fmt_int(routine.denominator, lang))
    if not routine.complete:
        text += " — " + t("two.routine.incomplete", lang, reporting=fmt_int(done.reporting, lang),
                          villages=fmt_int(done.villages, lang))  # fmt: skip
    return text


def routine_note(routine: RoutineFigure | None, year: int, lang: str) -> str | None:
    """Why the routine month is not August (incomplete or missing), or None when it is August or there is none."""
    if routine is None or routine.weighing_month:
        return None
    return t("two.routine.not_august", lang, year=year, period=period_label(routine.period, lang))


def explanation(lang: str) -> tuple[str, ...]:
    """Who is measured, when and by whom in a survey and in routine data, and why their figures differ."""
    return tuple(t(f"two.explain.{part}", lang) for part in ("survey", "routine", "differ"))


def two_numbers_text(numbers: TwoNumbers, lang: str) -> TwoNumbersText:
    """Every line of the two numbers (see :class:`TwoNumbersText`)."""
    return TwoNumbersText(
        title=t("two.title", lang, year=numbers.year),
        survey=survey_text(numbers.survey, lang),
        routine=routine_text(numbers.routine, numbers.year, lang),
        note=routine_note(numbers.routine, numbers.year, lang),
        why=t("two.why", lang),
        explanation=explanation(lang),
    )

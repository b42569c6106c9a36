"""A yes/no village fact on a map (a catalogue entry counted per village, ``Counted.VILLAGE``, stored 1/1 or 0/1):
two classes in words, never a percentage scale.

Class 0 is the villages where the fact does not hold (value 0: "Tanpa KPM aktif"), class 1 those where it does
(any value above 0, a rate of 100 or a count of 1: "KPM aktif"); a village without a value has no data. The main
page's map (:mod:`dashboard.figures.map`) and the gaps page's map both class and word a fact here.

>>> c = fact_classification([0.0, 100.0, None, 1.0])
>>> c.classes, [r.count for r in c.ranges], c.no_data
((0, 1, -1, 1), [1, 2], 1)
>>> fact_labels("kpm_aktif", "id"), fact_hover("kpm_aktif", 0.0, "id")
(('Tanpa KPM aktif', 'KPM aktif'), 'KPM aktif: Tidak')
>>> fact_count("kpm_aktif", 2, 4, "id")
'2 dari 4 desa tanpa KPM aktif'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from dashboard.core.classify import NO_DATA, Classification, ClassRange, Scheme
from dashboard.core.indicators import CATALOGUE, Counted
from dashboard.i18n import TEXTS, fmt_int, t

__all__ = ["FACT_COLOURS", "fact_classification", "fact_count", "fact_hover", "fact_labels", "is_village_fact"]

# Without the fact (a gap to close) in a warm orange, with it in a calm blue; neither is the no-data grey.
FACT_COLOURS = ("#e6550d", "#6baed6")


def is_village_fact(indicator: str | None) -> bool:
    """Whether ``indicator`` (a catalogue key) is a yes/no fact of a village (``Counted.VILLAGE``)."""
    entry = CATALOGUE.get(indicator or "")
    return entry is not None and entry.counted is Counted.VILLAGE


def _has(value: float | None) -> bool | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value) > 0


def fact_classification(values: Sequence[float | None], scheme: Scheme | str = Scheme.QUANTILES) -> Classification:
    """Two classes of ``values`` (one per village; a rate in percent or a count, None/NaN for no data) whatever
    the scheme or number of classes asked: 0 without the fact (value 0), 1 with it (above 0). The ranges are
    ``[0, 0]`` and ``[1, 1]`` (the answer, not the stored value) with each class's number of villages."""
    answers = [_has(v) for v in values]
    classes = tuple(NO_DATA if a is None else int(a) for a in answers)
    ranges = (ClassRange(0.0, 0.0, classes.count(0)), ClassRange(1.0, 1.0, classes.count(1)))
    return Classification(Scheme(scheme), classes, ranges, classes.count(NO_DATA))


def _text(indicator: str, which: str, lang: str, **params: object) -> str:
    own = f"village_fact.{indicator}.{which}"
    if own in TEXTS:
        return t(own, lang, **params)
    return t(f"village_fact.{which}", lang, label=CATALOGUE[indicator].label(lang), **params)


def fact_labels(indicator: str, lang: str) -> tuple[str, str]:
    """The two classes' names, class 0 (without) first: ``("Tanpa KPM aktif", "KPM aktif")``."""
    return _text(indicator, "no", lang), _text(indicator, "yes", lang)


def fact_hover(indicator: str, value: float | None, lang: str) -> str:
    """A village's answer in words, ``KPM aktif: Tidak`` (the catalogue label), or ``—`` without a value."""
    has = _has(value)
    answer = "—" if has is None else t(f"village_fact.answer.{'yes' if has else 'no'}", lang)
    return t("village_fact.hover", lang, label=CATALOGUE[indicator].label(lang), answer=answer)


def fact_count(indicator: str, without: int, total: int, lang: str) -> str:
    """A scope's aggregate as a count of villages, never a percentage: ``2 dari 4 desa tanpa KPM aktif`` (``total``:
    the villages with a value)."""
    return _text(indicator, "count", lang, n=fmt_int(without, lang), total=fmt_int(total, lang))

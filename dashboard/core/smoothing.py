"""Empirical-Bayes prevalence: small villages shrunk towards their kecamatan, so few children cannot drive a rank.

A village with 1 stunted child of 2 measured has a raw prevalence of 50% and a 95% interval from
9% to 91%; ranked on the raw rate it would come first. The beta-binomial estimate treats the
village rates of a kecamatan as drawn from a beta distribution (the *prior*) and each village's count
as binomial around its own rate; the estimate is the posterior mean::

    estimate = (stunted + a) / (measured + a + b)

which is close to the raw rate where many children were measured and close to the kecamatan's rate
where few were. ``a`` and ``b`` are fitted per kecamatan by the method of moments (Kleinman 1973,
*JASA* 68:46; the binomial form of Marshall 1991, *Applied Statistics* 40:283):

- prior mean ``m = sum(k) / sum(n)`` over the kecamatan's villages with children measured;
- observed spread ``s2 = sum(n * (p - m)**2) / sum(n)``;
- between-village variance ``v = max(s2 - m * (1 - m) * villages / sum(n), 0)``, the spread left
  once binomial sampling is taken out;
- prior strength ``a + b = m * (1 - m) / v - 1`` (capped at 1e6; when ``v`` is 0 every village
  is estimated at ``m``: the data show no difference between villages beyond chance).

A kecamatan with fewer than ``min_villages`` reporting villages borrows the district's prior.

>>> k = pd.Series([1.0, 30.0, 20.0, 25.0, 10.0], index=list("ABCDE"))
>>> n = pd.Series([2.0, 100.0, 100.0, 100.0, 100.0], index=list("ABCDE"))
>>> table = shrunk_rates(k, n, pd.Series("K1", index=list("ABCDE")), min_villages=3)
>>> round(float(table.at["A", "rate"]), 1), round(float(table.at["B", "rate"]), 1)
(22.6, 27.4)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["MAX_PRIOR_STRENGTH", "MIN_VILLAGES", "fit_prior", "shrunk_rates"]

MIN_VILLAGES = 5
MAX_PRIOR_STRENGTH = 1e6


def fit_prior(numerator: pd.Series, denominator: pd.Series) -> tuple[float, float]:
    """Method-of-moments beta prior ``(mean 0..1, strength a + b)`` of villages with a denominator > 0.

    ``(nan, nan)`` when no village has one.
    """
    ok = denominator > 0
    k, n = numerator[ok].astype(float), denominator[ok].astype(float)
    total = float(n.sum())
    if total <= 0:
        return float("nan"), float("nan")
    mean = float(k.sum()) / total
    spread = float((n * (k / n - mean) ** 2).sum()) / total
    between = spread - mean * (1.0 - mean) * len(n) / total
    if between <= 0 or mean in (0.0, 1.0):
        return mean, MAX_PRIOR_STRENGTH
    return mean, float(min(max(mean * (1.0 - mean) / between - 1.0, 0.0), MAX_PRIOR_STRENGTH))


def shrunk_rates(
    numerator: pd.Series, denominator: pd.Series, groups: pd.Series, min_villages: int = MIN_VILLAGES
) -> pd.DataFrame:
    """Empirical-Bayes rate per village (percent), indexed like ``numerator``.

    ``groups`` maps each village to its kecamatan (same index). Columns: ``rate`` (the estimate, NaN
    where the denominator is 0 or missing), ``raw`` (the village's own rate), ``prior_rate`` (percent),
    ``prior_strength`` (a + b, in children) and ``prior`` (the kecamatan code, or ``""`` for the
    district's prior).
    """
    index = numerator.index
    k = numerator.astype(float)
    n = denominator.reindex(index).astype(float)
    group = groups.reindex(index).astype(object).where(groups.reindex(index).notna(), "")
    ok = n > 0
    district = fit_prior(k, n)
    priors: dict[object, tuple[float, float]] = {}
    for code, members in group[ok].groupby(group[ok]):
        if len(members) >= min_villages:
            priors[code] = fit_prior(k[members.index], n[members.index])
    used = group.where(group.isin(list(priors)), "")
    mean = used.map(lambda g: priors.get(g, district)[0]).astype(float)
    strength = used.map(lambda g: priors.get(g, district)[1]).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = (k + mean * strength) / (n + strength)
        raw = k / n.where(ok)
    return pd.DataFrame(
        {
            "rate": (100.0 * estimate).where(ok),
            "raw": 100.0 * raw,
            "prior_rate": 100.0 * mean,
            "prior_strength": strength,
            "prior": used,
        },
        index=index,
    )

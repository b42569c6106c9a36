"""The planning page's typed numbers: weights, list size and thresholds parsed and checked on the server.

The browser's ``type="number"`` fields read "1,5" as 15 or as nothing depending on the browser's locale, and a
planner in Indonesia types a decimal comma. The page's number fields are therefore text fields; what they hold
is parsed here, on the server (a client's value is never trusted), and a value out of range is refused with the
reason, never ranked on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.core.scoring import Criterion, Direction, Normalisation
from dashboard.i18n import fmt_number, t

__all__ = [
    "LIMITS",
    "InvalidNumber",
    "Limit",
    "Parsed",
    "criteria_from",
    "parse_number",
    "state_from_controls",
    "weight_text",
]

_PLAIN = re.compile(r"[+-]?\d+(\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234.5 once the separators are read as English


@dataclass(frozen=True)
class Limit:
    """The range a field accepts (inclusive), whole numbers only or not, and whether it may stay empty."""

    low: float
    high: float
    integer: bool = False
    empty_ok: bool = False


# Weights 0..10 (0 = not counted); list size 1..10 000 villages; score and prevalence in 0..100; number of
# stunted children 0..100 000 (empty: the district's median, see core.scoring.traffic_light).
LIMITS = {
    "weight": Limit(0, 10),
    "top_n": Limit(1, 10_000, integer=True),
    "min_score": Limit(0, 100),
    "light_prevalence": Limit(0, 100),
    "light_stunted": Limit(0, 100_000, empty_ok=True),
}


@dataclass(frozen=True)
class Parsed:
    """A typed value read: ``value`` (``None`` when empty or refused) and, when refused, ``error``: the reason
    in the reader's language."""

    value: float | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class InvalidNumber(ValueError):
    """A field holds a value the page refuses (its reason is shown under the field); nothing is ranked on it."""


def _read(text: str) -> float | None:
    """``text`` as a number, a decimal comma or point; thousands separators only beside a decimal mark of the
    other kind ("1.000,5", "1,000.5"). ``None`` when it is not a number."""
    text = text.replace(" ", "").replace("\u00a0", "").replace("\u2212", "-")
    if "," in text and "." in text:
        # The last mark is the decimal one: 1.000,5 (id) or 1,000.5 (en).
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text
        if not (_PLAIN.fullmatch(text) or _GROUPED.fullmatch(text)):
            return None
        return float(text.replace(",", ""))
    if text.count(",") == 1:
        text = text.replace(",", ".")
    return float(text) if _PLAIN.fullmatch(text) else None


def parse_number(value: Any, limit: Limit, lang: str) -> Parsed:
    """A field's value read and checked against ``limit``.

    Parameters
    ----------
    value
        What the field holds: text as typed ("1,5", "1.5", " 2 ") or a number (a value the page wrote).
    limit
        The accepted range (inclusive), whole numbers only or not, empty allowed or not.
    lang
        The language of the reason.

    Returns
    -------
    Parsed
        The number, or ``None`` with the reason: not a number, out of range, not a whole number, empty.

    Examples
    --------
    >>> parse_number("1,5", LIMITS["weight"], "id").value
    1.5
    >>> parse_number("-5", LIMITS["weight"], "id").error
    'Isi angka dari 0 sampai 10.'
    """
    low, high = fmt_number(limit.low, lang, 0), fmt_number(limit.high, lang, 0)
    if isinstance(value, bool):
        number: float | None = None
    elif isinstance(value, int | float):
        number = float(value)
    elif value is None or not str(value).strip():
        return Parsed(None) if limit.empty_ok else Parsed(None, t("lokus.input.empty", lang, low=low, high=high))
    else:
        number = _read(str(value).strip())
    if number is None or not math.isfinite(number):
        return Parsed(None, t("lokus.input.not_number", lang, low=low, high=high))
    if not limit.low <= number <= limit.high:
        return Parsed(None, t("lokus.input.range", lang, low=low, high=high))
    if limit.integer and not float(number).is_integer():
        return Parsed(None, t("lokus.input.integer", lang, low=low, high=high))
    return Parsed(number)


def _checked(value: Any, field: str) -> float | None:
    parsed = parse_number(value, LIMITS[field], "en")
    if not parsed.ok:
        raise InvalidNumber(f"{field}: {value!r}: {parsed.error}")
    return parsed.value


def weight_text(weight: float, lang: str) -> str:
    """A weight as the field shows it, in the reader's decimals ("0,25", "1"): at most two decimals."""
    if float(weight).is_integer():
        return fmt_number(weight, lang, 0)
    return fmt_number(weight, lang, 2).rstrip("0")


def criteria_from(
    uses: Sequence[bool],
    weights: Sequence[Any],
    directions: Sequence[str],
    norms: Sequence[str],
    ids: Sequence[dict[str, str]],
) -> list[dict[str, Any]]:
    """The criteria table's values, row by row, as the state keeps them.

    Raises
    ------
    InvalidNumber
        When a weight is not a number from 0 to 10 (:data:`LIMITS`).
    """
    return [
        Criterion(
            i["key"], bool(use), float(_checked(weight, "weight") or 0.0), Direction(direction), Normalisation(norm)
        ).as_dict()
        for use, weight, direction, norm, i in zip(uses, weights, directions, norms, ids, strict=True)
    ]


def state_from_controls(
    district: str,
    period: str,
    method: str,
    by: str,
    top_n: Any,
    min_score: Any,
    light_prevalence: Any,
    light_stunted: Any,
    criteria: list[dict[str, Any]],
    adjustments: list[dict[str, str]],
    include_flagged: bool = False,
) -> dict[str, Any]:
    """The page's state from its controls' values, each number parsed and checked (:data:`LIMITS`); an empty
    prevalence threshold is 14%, an empty list size or minimum score means none.

    Raises
    ------
    InvalidNumber
        When a field holds a value out of its range or not a number.
    """
    size = _checked(top_n, "top_n") if top_n not in (None, "") else None
    score = _checked(min_score, "min_score") if min_score not in (None, "") else None
    prevalence = _checked(light_prevalence, "light_prevalence") if light_prevalence not in (None, "") else None
    return {
        "district": district,
        "period": period,
        "method": method,
        "by": by,
        "top_n": int(size) if size else None,
        "min_score": score,
        "light_prevalence": prevalence if prevalence is not None else 14.0,
        "light_stunted": _checked(light_stunted, "light_stunted"),
        "include_flagged": bool(include_flagged),
        "criteria": criteria,
        "adjustments": adjustments,
    }

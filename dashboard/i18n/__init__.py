"""The translation table: every string a user reads, in Bahasa Indonesia (first) and English.

The table is one dictionary at run time, assembled from one module per area of the product
(``ui`` for the pages, ``imports`` for import reports, ...), so that two areas never edit the same
file. Keys are dotted (``map.legend.no_data``); a key defined twice is an error at import.
``t(key, lang, **params)`` formats the string with ``str.format``.

Numbers are formatted for the language: ``27,3%`` in Indonesian, ``27.3%`` in English.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = ["LANGUAGES", "MINUS", "TEXTS", "Lang", "fmt_int", "fmt_number", "fmt_percent", "t"]


class Lang(StrEnum):
    ID = "id"
    EN = "en"


LANGUAGES = (Lang.ID, Lang.EN)


def _assemble() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, pair in module.TEXTS.items():
            if key in table:
                raise RuntimeError(f"translation key {key!r} defined twice (in {module_info.name})")
            table[key] = pair
    return table


TEXTS: dict[str, tuple[str, str]] = _assemble()


def t(key: str, lang: str = "id", /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (Indonesian for anything but ``en``), formatted with ``params``."""
    indonesian, english = TEXTS[key]
    text = english if lang == Lang.EN else indonesian
    return text.format(**params) if params else text


def _separators(lang: str) -> tuple[str, str]:
    return (",", ".") if lang == Lang.EN else (".", ",")


MINUS = "\u2212"  # a true minus, as the headline writes a change


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(value)  # type: ignore[arg-type]  # NaN of every float kind, numpy's included
    except TypeError:  # pd.NA, or something that is not a number
        return True


def fmt_number(value: float | None, lang: str = "id", decimals: int = 1) -> str:
    """``1234.5`` as ``1.234,5`` (id) or ``1,234.5`` (en); an em dash for no value (None, NaN of any dtype, ``pd.NA``).

    Halves round up, as a spreadsheet's number format does (27.25 → 27,3), so a page and its XLSX export agree; a
    negative carries a true minus (U+2212) and a value that rounds to zero is written without a sign.
    """
    if _missing(value):
        return "—"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)  # type: ignore[arg-type]
    if rounded == 0:
        rounded = abs(rounded)
    thousands, decimal = _separators(lang)
    text = f"{abs(rounded):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    return f"{MINUS}{text}" if rounded < 0 else text


def fmt_int(value: float | None, lang: str = "id") -> str:
    return fmt_number(value, lang, decimals=0)


def fmt_percent(value: float | None, lang: str = "id", decimals: int = 1) -> str:
    """A percentage already in percent units: ``27.34`` → ``27,3%`` / ``27.3%``."""
    if _missing(value):
        return "—"
    return f"{fmt_number(value, lang, decimals)}%"

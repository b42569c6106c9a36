"""Kemendagri region codes (kode wilayah): parsing, normalising, levels and parents.

A full village code is ``PP.KK.CC.DDDD``: province, kabupaten/kota, kecamatan, desa/kelurahan.
Many files write it without dots (``5203012001``). The first digit of the village part is 1
for a *kelurahan* (urban village) and 2 for a *desa* (rural village). Codes are always text:
``"01"`` and ``"1"`` are different kecamatan, so leading zeros must survive every step.

>>> normalise_code("5203012001")
'52.03.01.2001'
>>> level_of("52.03.01")
<Level.KECAMATAN: 'kecamatan'>
>>> parent_of("52.03.01.2001")
'52.03.01'
"""

from __future__ import annotations

import math
import re
from enum import StrEnum

__all__ = [
    "CodeError",
    "Level",
    "ancestors",
    "is_kelurahan",
    "level_of",
    "normalise_code",
    "parent_of",
    "try_normalise_code",
]

# Digits per level, without dots: province 2, kabupaten 4, kecamatan 6, village 10.
_LENGTHS = {2: 1, 4: 2, 6: 3, 10: 4}
_PART_WIDTHS = (2, 2, 2, 4)
_DOTTED = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
# A code that went through a float column: "6474011001.0" (CSV written by pandas or a spreadsheet) or
# "6.474011001E+09" (a spreadsheet's scientific display). Only whole numbers of a code's length qualify.
_FLOAT_TEXT = re.compile(r"^(\d{2}|\d{4}|\d{6}|\d{10})\.0+$")
_SCIENTIFIC = re.compile(r"^\d\.\d+[eE]\+?\d{1,2}$")


class Level(StrEnum):
    """Administrative level, derived from the length of a code."""

    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KECAMATAN = "kecamatan"
    DESA = "desa"


_LEVEL_BY_PARTS = {1: Level.PROVINSI, 2: Level.KABUPATEN, 3: Level.KECAMATAN, 4: Level.DESA}


class CodeError(ValueError):
    """A text that is not a Kemendagri region code."""


def normalise_code(raw: object) -> str:
    """Return the dotted form of a Kemendagri code, dotted or not, at any level.

    Accepts ``"52.03.01.2001"``, ``"5203012001"``, ``" 52.03 "``, and numbers that lost nothing
    (``5203012001``, ``5203012001.0``, the text ``"5203012001.0"`` a float column writes).
    Raises :class:`CodeError` with the reason otherwise.
    """
    if raw is None:
        raise CodeError("kode kosong")
    if isinstance(raw, float):
        if math.isnan(raw) or not raw.is_integer():  # NaN or a fraction cannot be a code
            raise CodeError(f"bukan kode wilayah: {raw!r}")
        raw = int(raw)
    text = str(raw).strip()
    if not text:
        raise CodeError("kode kosong")
    if _DOTTED.match(text):
        return text
    text = _unfloat(text)
    digits = text.replace(".", "").replace(" ", "")
    if not digits.isdigit() or len(digits) not in _LENGTHS:
        raise CodeError(
            f"bukan kode wilayah: {text!r} (harus 2, 4, 6 atau 10 digit, mis. 52.03.01.2001 atau 5203012001)"
        )
    parts = []
    position = 0
    for width in _PART_WIDTHS[: _LENGTHS[len(digits)]]:
        parts.append(digits[position : position + width])
        position += width
    return ".".join(parts)


def _unfloat(text: str) -> str:
    """The digits of a code written as a float (``6474011001.0``, ``6.474011001E+09``); other text unchanged."""
    whole = _FLOAT_TEXT.match(text)
    if whole:
        return whole.group(1)
    if _SCIENTIFIC.match(text):
        mantissa, _, exponent = text.lower().partition("e")
        digits = mantissa.replace(".", "")
        shift = int(exponent) + 1
        if len(digits) <= shift == 10:  # only a village code is long enough to be shown so
            return digits.ljust(shift, "0")
    return text


def try_normalise_code(raw: object) -> str | None:
    """Like :func:`normalise_code` but returns ``None`` instead of raising."""
    try:
        return normalise_code(raw)
    except CodeError:
        return None


def level_of(code: str) -> Level:
    """The administrative level of a dotted code."""
    return _LEVEL_BY_PARTS[len(normalise_code(code).split("."))]


def parent_of(code: str) -> str | None:
    """The code one level up, or ``None`` for a province."""
    parts = normalise_code(code).split(".")
    return ".".join(parts[:-1]) if len(parts) > 1 else None


def ancestors(code: str) -> list[str]:
    """All codes above this one, nearest first."""
    found = []
    parent = parent_of(code)
    while parent is not None:
        found.append(parent)
        parent = parent_of(parent)
    return found


def is_kelurahan(code: str) -> bool:
    """True for a kelurahan (village part starts with 1), False for a desa (starts with 2)."""
    parts = normalise_code(code).split(".")
    if len(parts) != 4:
        raise CodeError(f"{code!r} bukan kode desa/kelurahan")
    return parts[3].startswith("1")

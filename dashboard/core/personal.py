"""Personal columns of a table: which columns name, identify, date the birth of, or reach a child or parent.

A planner previews whatever file they upload before importing it. A village report holds counts, but a
register or an e-PPGBM export saved under the wrong kind holds children's NIK, names and birth dates and
their parents' names, addresses and phone numbers (UU 27/2022 on personal data protection). A preview must
not show those. This module recognises them, whatever the file calls them:

- by **header**, normalised (case, spaces, ``_``, ``.``, ``-``, ``/``, camelCase): NIK, No KK, nama /
  nama anak / nama ibu / nama orang tua / name, tanggal lahir / tgl lahir / TTL / birth date / DOB,
  tempat lahir, alamat / address, RT / RW, no HP / telepon / WA / phone, ibu / ayah / orang tua /
  parent, email, BPJS. A header that counts people (``Jumlah``, ``Jml``, ``Pct``, ``Cakupan``,
  ``Punya``: ``Jml_Ibu_Hamil``, ``Balita_Punya_NIK``) is an indicator, not a person's field, and a
  ``nama`` followed by a place or service (``Nama Desa``, ``nama_kec``, ``Nama Posyandu``) is a place;
- by **content**, whatever the header (``kolom 3``): half or more of the non-empty values are
  16-digit numbers (NIK or KK, also with spaces, a leading ``'``, or as Excel writes long numbers:
  ``3.2e15``, ``3201234567890001.0``); or mobile numbers (``08…``, ``+62 8…``, ``628…``); or dates
  that are birth dates: in the past under a header that says birth, or, under a header that does not
  say what happened that day (a measurement, a visit, a data entry), within six years before today.

Not personal: village, kecamatan, posyandu and puskesmas names, region codes (``52.03.01.2001``,
``5203012001``), periods, counts, percentages, measurement dates (``Tanggal Pengukuran``, ``TGL UKUR``)
and entry times (``Waktu_Input``, values with a time of day).

>>> table = pd.DataFrame({"Desa": ["Sukamaju"], "NIK": ["3201234567890001"], "kolom 3": ["0812-3456-7890"]})
>>> personal_columns(table)
['NIK', 'kolom 3']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final

import numpy as np
import pandas as pd

__all__ = ["BIRTH_YEARS", "MOST", "drop_for_preview", "drop_personal", "personal_columns"]

# "Most" values: half or more of the non-empty ones. A preview is 20 rows, some cells blank or mistyped;
# when in doubt a column is hidden rather than shown.
MOST: Final = 0.5
# A child under five was born at most five years before the day the file is read; a year more covers
# files read late and children measured just before their fifth birthday.
BIRTH_YEARS: Final = 6
# Enough values to judge a column, from its first rows: a million-row file is not read to the end for a preview.
_SAMPLE: Final = 500
_SCAN: Final = 4 * _SAMPLE

_EMPTY: Final = frozenset({"", "-", "–", "—", "--", "nan", "none", "null", "n/a", "na", "#n/a"})

# Words of a header that counts or rates people: an indicator, never one person's field.
_AGGREGATE: Final = frozenset(
    {
        "jml", "jumlah", "total", "persen", "persentase", "prosentase", "pct", "cakupan", "proporsi",
        "rasio", "rate", "prevalensi", "count", "banyaknya", "punya", "memiliki", "kepemilikan", "sasaran",
    }
)  # fmt: skip
# What may follow "nama" (or precede "name"): a person ...
_PERSON_WORDS: Final = (
    "anak", "balita", "batita", "baduta", "bayi", "ibu", "ayah", "bapak", "orangtua", "ortu", "wali",
    "lengkap", "pasien", "suami", "istri", "kepala", "kk", "keluarga", "penduduk", "warga", "responden",
    "pengasuh", "child", "mother", "father", "parent", "guardian", "full", "first", "last", "given",
    "family", "patient", "kid", "baby", "sur", "person",
)  # fmt: skip
# ... or a place, a service or a thing.
_PLACE_WORDS: Final = (
    "desa", "kel", "kelurahan", "kec", "kecamatan", "kab", "kabupaten", "kota", "kabkota", "ibukota", "prov",
    "provinsi", "propinsi", "wilayah", "daerah", "dusun", "lingkungan", "posyandu", "puskesmas", "pukesmas",
    "pkm", "pustu", "polindes", "poskesdes", "faskes", "rs", "rumahsakit", "sekolah", "paud", "village",
    "district", "subdistrict", "regency", "city", "province", "region", "area", "indikator", "indicator",
    "program", "kegiatan", "intervensi", "layanan", "dinas", "instansi", "opd", "bulan", "periode", "file",
    "sheet", "kolom", "column", "field", "variabel", "variable", "satuan", "unit", "tim", "kelompok",
    "sumber", "source", "data", "dataset", "skenario", "scenario",
)  # fmt: skip
_NAME_WORDS: Final = frozenset({"nama", "name", "nm"})
_NUMBER_WORDS: Final = frozenset({"no", "nomor", "nmr", "nomer", "number"})
_PHONE_WORDS: Final = frozenset(
    {
        "hp", "nohp", "telp", "tlp", "tlpn", "telpon", "telepon", "telephone", "phone", "handphone", "ponsel",
        "whatsapp", "wa", "nowa", "notelp", "notlp", "mobile", "cellphone", "kontak", "contact", "seluler",
    }
)  # fmt: skip
_PHONE_PARTS: Final = ("nohp", "notelp", "telepon", "telpon", "phone", "whatsapp", "handphone")
_PARENT_WORDS: Final = frozenset(
    {"ibu", "ayah", "bapak", "ortu", "orangtua", "parent", "parents", "mother", "father", "wali", "guardian"}
)
# With a parent word, these name a programme or a population (Kelas Ibu Balita, ibu hamil KEK), not a person.
_PROGRAMME_WORDS: Final = frozenset(
    {"hamil", "bumil", "nifas", "bufas", "menyusui", "kelas", "kek", "ttd", "anemia", "kb", "bersalin"}
)
_BIRTH: Final = re.compile(
    r"(tgl|tanggal|tangal|tg|date|tempat|tmpt|tmp|place|ttl)(of)?(lahir|lhr|birth)|birth(date|day|place)"
)
_BIRTH_HINT: Final = re.compile(r"lahir|lhr|birth|born|dob|ttl")
# A day something happened to or around the child that is not its birth: measured, weighed, visited, entered.
_EVENT_HINT: Final = re.compile(
    r"ukur|measure|timbang|nimbang|weigh|kunjung|visit|periksa|imunisasi|pemberian|input|entri|entry|update|perbarui|"
    r"upload|unggah|dibuat|created|modified|waktu|time|lapor|report|periode|period|survei|survey|kirim|sent|"
    r"terima|received|verifikasi|validasi"
)

_SIXTEEN_DIGITS: Final = re.compile(r"\d{16}")
_WHOLE_FLOAT: Final = re.compile(r"(\d+)[.,]0+")
_SCIENTIFIC: Final = re.compile(r"\+?\d+(?:[.,]\d+)?[eE]\+?\d+")
_PHONE: Final = re.compile(r"(?:0|62)8\d{8,11}")
_PLAIN_NUMBER: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_TIME: Final = r"(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?"
_DMY: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME)
_YMD: Final = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})" + _TIME)
_D_MONTH_Y: Final = re.compile(r"(\d{1,2})[ -]+([a-z]+)[ ,-]+(\d{4})" + _TIME)
_MONTHS: Final = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12,
}  # fmt: skip


@dataclass(frozen=True)
class _Header:
    """A column header as words: ``"Tgl_Lahir Anak"`` and ``"TglLahirAnak"`` are both tgl, lahir, anak."""

    words: tuple[str, ...]

    @property
    def joined(self) -> str:
        return "".join(self.words)

    @classmethod
    def of(cls, label: Hashable) -> _Header:
        text = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(label))
        return cls(tuple(re.findall(r"[a-z]+|\d+", text.lower())))


def _longest_prefix(text: str) -> str | None:
    """Whether ``text`` starts with a person word or a place word ("person", "place"), the longest winning."""
    best, kind = 0, None
    for words, name in ((_PERSON_WORDS, "person"), (_PLACE_WORDS, "place")):
        for word in words:
            if text.startswith(word) and len(word) > best:
                best, kind = len(word), name
    return kind


def _is_name(header: _Header) -> bool:
    words, joined = header.words, header.joined
    if words[0] in _NAME_WORDS or joined.startswith("nama"):
        rest = "".join(words[1:]) if words[0] in _NAME_WORDS else joined[len("nama") :]
        return not rest or _longest_prefix(rest) != "place"  # an unknown qualifier: a person, to be safe
    if joined.endswith("name") and len(joined) > len("name"):
        return _longest_prefix(joined[: -len("name")]) == "person"  # "village_name" no, "mother_name" yes
    return False


def _header_kind(header: _Header) -> str | None:
    """What a header alone says: ``"personal"``, ``"parent"`` (personal unless the values are plain numbers)."""
    words, joined = header.words, header.joined
    if not words or not _AGGREGATE.isdisjoint(words):
        return None
    core = [word for word in words if word not in _NUMBER_WORDS]
    personal = (
        "nik" in words
        or re.match(r"(no|nomor|nmr)?nik(?!ah)", joined) is not None
        or "kk" in words
        or "kartukeluarga" in joined
        or "indukkependudukan" in joined
        or re.fullmatch(r"(no|nomor|nmr)?kk\w*", joined) is not None
        or _is_name(header)
        or _BIRTH.search(joined) is not None
        or not {"dob", "ttl"}.isdisjoint(words)
        or joined in {"lahir", "dob"}
        or any(part in joined for part in ("alamat", "address", "domisili"))
        or core in (["rt"], ["rw"], ["rt", "rw"], ["rw", "rt"], ["rtrw"])
        or not _PHONE_WORDS.isdisjoint(words)
        or any(part in joined for part in _PHONE_PARTS)
        or "email" in joined
        or not {"surel", "mail"}.isdisjoint(words)
        or "bpjs" in joined
        or "jkn" in words
    )
    if personal:
        return "personal"
    if (not _PARENT_WORDS.isdisjoint(words) or "orangtua" in joined) and _PROGRAMME_WORDS.isdisjoint(words):
        return "parent"
    return None


# ---------------------------------------------------------------------------------------------- content


def _values(column: pd.Series) -> list[object]:
    """Up to :data:`_SAMPLE` non-empty values of a column (blank text and dashes count as empty)."""
    kept: list[object] = []
    for value in column.head(_SCAN).tolist():
        if value is None or value is pd.NA or value is pd.NaT:
            continue
        if isinstance(value, float) and math.isnan(value):
            continue
        if isinstance(value, str) and value.strip().lower() in _EMPTY:
            continue
        kept.append(value)
        if len(kept) == _SAMPLE:
            break
    return kept


def _digits(value: object) -> str | None:
    """A value as a run of digits when it is a whole number written any way a spreadsheet writes one."""
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, int | np.integer):
        return str(int(value)) if value >= 0 else None
    if isinstance(value, float | np.floating):
        return str(int(value)) if math.isfinite(value) and value >= 0 and float(value).is_integer() else None
    if not isinstance(value, str):
        return None
    text = value.strip().lstrip("'`")
    if _SCIENTIFIC.fullmatch(text):
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None
        return str(int(number)) if number == number.to_integral_value() else None
    whole = _WHOLE_FLOAT.fullmatch(text)
    if whole:
        return whole.group(1)
    return re.sub(r"\s+", "", text)


def _is_identity_number(value: object) -> bool:
    digits = _digits(value)
    return digits is not None and _SIXTEEN_DIGITS.fullmatch(digits) is not None


def _is_phone(value: object) -> bool:
    if isinstance(value, str):
        value = re.sub(r"[\s\-.()/]", "", value.strip().lstrip("'`")).removeprefix("+")
    digits = _digits(value)
    return digits is not None and _PHONE.fullmatch(digits) is not None


def _is_plain_number(value: object) -> bool:
    if isinstance(value, str):
        return _PLAIN_NUMBER.fullmatch(value.strip()) is not None
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool | np.bool_)


def _date_of(value: object) -> tuple[date, bool] | None:
    """A value as a calendar date, and whether it carries a time of day (an entry time, not a birth)."""
    if isinstance(value, pd.Timestamp | datetime):
        stamp = pd.Timestamp(value)
        return stamp.date(), stamp != stamp.normalize()
    if isinstance(value, date):
        return value, False
    if isinstance(value, np.datetime64):
        return _date_of(pd.Timestamp(value))
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    for pattern, order in ((_DMY, "dmy"), (_YMD, "ymd"), (_D_MONTH_Y, "dMy")):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        first, second, third, *clock = match.groups()
        if order == "dmy":
            day, month, year = int(first), int(second), int(third)
        elif order == "ymd":
            year, month, day = int(first), int(second), int(third)
        else:
            day, year = int(first), int(third)
            month = _MONTHS.get(second[:3], 0)
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        return found, any(part is not None and int(part) != 0 for part in clock)
    return None


def _share(values: Sequence[object], test: Callable[[object], bool]) -> float:
    return sum(1 for value in values if test(value)) / len(values) if values else 0.0


def _birth_dates(values: Sequence[object], header: _Header, today: date) -> bool:
    """Whether most values are dates and the column, by its header or its dates, holds birth dates."""
    parsed = [found for found in (_date_of(value) for value in values) if found is not None]
    if not values or len(parsed) / len(values) < MOST:
        return False
    if _BIRTH_HINT.search(header.joined):
        return sum(1 for day, _ in parsed if day <= today) / len(parsed) >= MOST
    if _EVENT_HINT.search(header.joined) or any(timed for _, timed in parsed):
        return False
    earliest = date(today.year - BIRTH_YEARS, today.month, min(today.day, 28))
    return sum(1 for day, _ in parsed if earliest <= day <= today) / len(parsed) >= MOST


def _is_personal(column: pd.Series, label: Hashable, today: date) -> bool:
    header = _Header.of(label)
    kind = _header_kind(header)
    if kind == "personal":
        return True
    values = _values(column)
    if not values:
        return kind == "parent"
    if _share(values, _is_identity_number) >= MOST or _share(values, _is_phone) >= MOST:
        return True
    if kind == "parent":  # "Umur Ibu", "Tinggi Ibu": a parent's measure, not who they are
        return _share(values, _is_plain_number) < MOST
    return _birth_dates(values, header, today)


def _positions(frame: pd.DataFrame, today: date | None) -> list[int]:
    day = today or date.today()
    return [i for i, label in enumerate(frame.columns) if _is_personal(frame.iloc[:, i], label, day)]


def personal_columns(frame: pd.DataFrame, *, today: date | None = None) -> list[str]:
    """The columns of ``frame`` that hold personal data of children or parents, in the frame's order.

    Parameters
    ----------
    frame
        A table as read for a preview: any file, any header spelling, cells as text or as the reader
        typed them (numbers, dates, Excel's floats for long numbers). Empty cells and dashes are ignored.
    today
        The day birth dates are counted back from (``date.today()`` when not given); tests pass a day.

    Returns
    -------
    list of str
        The column labels (as text) recognised by header or by content; see the module docstring for
        the rules. Empty when nothing is personal.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "Nama Desa": ["Sukamaju", "Desa-Baru"],
    ...         "Nama Ibu": ["Siti", "Ani"],
    ...         "Tgl_Lahir": ["03/04/2023", "15/01/2022"],
    ...         "kolom 4": [3.201234567890001e15, 3.201234567890002e15],
    ...         "Tanggal Pengukuran": ["14/02/2025", "14/02/2025"],
    ...         "tanggal": ["2023-04-03", "2022-01-15"],
    ...         "Jml_Ibu_Hamil": [12, 7],
    ...     }
    ... )
    >>> personal_columns(frame, today=date(2025, 3, 1))
    ['Nama Ibu', 'Tgl_Lahir', 'kolom 4', 'tanggal']
    """
    return [str(frame.columns[i]) for i in _positions(frame, today)]


def drop_personal(frame: pd.DataFrame, *, today: date | None = None) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` without its personal columns (a copy), and the labels of the columns left out.

    Parameters
    ----------
    frame
        A table as read for a preview (see :func:`personal_columns`).
    today
        As for :func:`personal_columns`.

    Returns
    -------
    tuple of (pandas.DataFrame, list of str)
        The table to show, and what was hidden, for a note beside it.

    Examples
    --------
    >>> shown, hidden = drop_personal(pd.DataFrame({"desa": ["Sukamaju"], "no_hp": ["081234567890"]}))
    >>> shown.columns.tolist(), hidden
    (['desa'], ['no_hp'])
    """
    positions = set(_positions(frame, today))
    keep = [i for i in range(frame.shape[1]) if i not in positions]
    return frame.iloc[:, keep].copy(), [str(frame.columns[i]) for i in sorted(positions)]


# In a table about individual children, the fields a register holds that are not a person: places, units,
# measurements, sex and age, codes. Any other text column of such a table may be a name under a header
# that says nothing ("kolom 2"), so a preview leaves it out too.
_REGISTER_FIELDS: Final = frozenset(
    {
        "desa", "kel", "kelurahan", "kec", "kecamatan", "kab", "kabupaten", "kota", "prov", "provinsi", "wilayah",
        "dusun", "posyandu", "puskesmas", "pkm", "village", "district", "subdistrict", "province", "kode", "code",
        "berat", "bb", "tinggi", "tb", "panjang", "pb", "lila", "lingkar", "weight", "height", "length", "cara",
        "posisi", "position", "jk", "kelamin", "sex", "gender", "umur", "usia", "age", "bulan", "tahun", "periode",
        "period", "month", "year", "zscore", "haz", "waz", "whz", "bbu", "tbu", "bbtb", "status", "indikator",
    }
)  # fmt: skip


def drop_for_preview(frame: pd.DataFrame, *, today: date | None = None) -> tuple[pd.DataFrame, list[str]]:
    """What a preview may show of ``frame``, and the labels left out.

    Its :func:`personal_columns` always go. When there are any, the table is about individual people, so
    every other column goes too unless its header names a place, a unit, a measurement, sex, age, a code
    or a period, or its values are mostly plain numbers or days something happened (a measurement): a
    name under a header such as ``kolom 2`` cannot be told from a village name by its content.

    >>> frame = pd.DataFrame({"kolom 1": ["3201234567890001"], "kolom 2": ["Siti Aminah"], "Desa": ["Sukamaju"],
    ...                       "Berat": ["9,5"], "kolom 5": ["12"]})
    >>> shown, hidden = drop_for_preview(frame)
    >>> shown.columns.tolist(), hidden
    (['Desa', 'Berat', 'kolom 5'], ['kolom 1', 'kolom 2'])
    """
    shown, hidden = drop_personal(frame, today=today)
    if not hidden:
        return shown, hidden
    also = []
    for i, label in enumerate(shown.columns):
        header = _Header.of(label)
        if not _REGISTER_FIELDS.isdisjoint(header.words) or _EVENT_HINT.search(header.joined):
            continue
        values = _values(shown.iloc[:, i])
        if values and _share(values, _is_plain_number) >= MOST:
            continue
        also.append(i)
    hidden_all = set(hidden) | {str(shown.columns[i]) for i in also}
    keep = [i for i in range(shown.shape[1]) if i not in set(also)]
    order = [str(c) for c in frame.columns if str(c) in hidden_all]
    return shown.iloc[:, keep].copy(), order

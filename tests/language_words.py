"""The words that betray the other language on a page, raw codes and reprs, and the check that finds them.

Used by the one-language test (tests/app/test_one_language.py) and the browser sweep (tests/browser/
test_page_sweep.py): ``offences(texts, lang)`` takes the visible strings of a page and returns one line per
string from the other language, raw period, raw enum value or Python repr.

How to add a word: put it, lowercased, in ``INDONESIAN_ONLY`` (a word that must not appear in English text) or
``ENGLISH_ONLY`` (must not appear in Indonesian text). Choose words that exist in one language only: "data",
"target", "status", "april", "kota", "program" read the same in both and must never be listed, nor loanwords
Indonesian uses as its own ("file", "indeks", "skenario"). Words are matched
whole (``\\b``), case-insensitively.

Allowed in both languages (``FIELD_TERMS``, never listed above): the field's own terms that English-language
documents of the programme keep in Indonesian — desa, kelurahan, kecamatan, kabupaten, kota, lokus, posyandu,
puskesmas, Bupati, Bappeda, Sekda, Dinkes, Aksi (Konvergensi), rembuk, stunting, balita — and proper names (a
district, kecamatan or village, "Kabupaten Contoh"; passed as ``names``). The demo's mark "data contoh (fiktif)"
is the one Indonesian phrase an English page may quote (the public site shows it beside its translation, see
``public.demo`` in dashboard/i18n/public.py); "contoh" and "fiktif" alone are still Indonesian in English text.
The language switch's own labels ("ID", "EN", "Bahasa Indonesia", "English") are allowed in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "ALLOWED_PHRASES",
    "ENGLISH_ONLY",
    "FIELD_TERMS",
    "INDONESIAN_ONLY",
    "RAW_CODES",
    "offences",
]

# Terms of the field, and the switch's labels: never offences in either language (documentation; not used to match).
FIELD_TERMS = frozenset(
    {"desa", "kelurahan", "kecamatan", "kabupaten", "kota", "lokus", "posyandu", "puskesmas", "bupati", "bappeda",
     "sekda", "dinkes", "aksi", "konvergensi", "rembuk", "stunting", "balita", "id", "en"}
)  # fmt: skip

# Phrases removed from the text before the words are checked: what either language may show as it is.
ALLOWED_PHRASES = (
    "data contoh (fiktif)",  # the demo's mark (public.demo, public.source.demo in English)
    "Kabupaten Contoh",  # the demo district's name
    "Provinsi Contoh",
    "Kota Contoh",
    "Survei contoh (fiktif)",  # the demo survey estimate's source, a name stored with the data
    "Bahasa Indonesia",  # a language switch says which language it switches to, in that language
    "English",
    "CC BY 4.0",  # a licence's name (its version is not a decimal)
)

# Indonesian words that must not appear in English text.
INDONESIAN_ONLY = frozenset(
    {
        # grammar words
        "dan", "yang", "untuk", "dengan", "tidak", "belum", "atau", "dari", "pada", "ini", "itu", "oleh", "akan",
        "sudah", "semua", "setiap", "tanpa", "karena", "jika", "bila", "agar", "juga", "hanya", "lebih",
        "kurang", "antara", "dalam", "ke", "di", "adalah", "bukan", "masih", "sebagai", "tiap", "baru",
        # months that differ from English
        "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember",
        # the product's words
        "cakupan", "prevalensi", "peta", "unduh", "simpan", "pilih", "tampilan", "wilayah", "kesenjangan",
        "sasaran", "anak", "bobot", "skor", "peringkat", "hijau", "merah", "kuning", "oranye", "jumlah", "periode",
        "sumber", "terbitan", "diterbitkan", "terbit", "masuk", "keluar", "sandi", "pengguna", "bandingkan",
        "normalisasi", "arah", "catatan", "halaman", "tutup", "buka", "kembali", "cari", "terapkan", "hapus",
        "tambah", "batal", "bulan", "tahun", "perubahan", "ambang", "naik", "turun", "tinggi", "rendah",
        "impor", "berkas", "contoh", "fiktif", "metode", "indikator", "wilayahnya", "kelas",
        "tersedia", "tanggal", "pukul", "keterangan", "ringkasan", "kriteria", "diukur", "ditimbang", "gizi",
        "intervensi", "pembilang", "penyebut", "pratinjau", "cetak", "paparan", "publikasi", "terbitkan",
    }
)  # fmt: skip

# English words that must not appear in Indonesian text.
ENGLISH_ONLY = frozenset(
    {
        # grammar words
        "the", "and", "of", "with", "for", "to", "from", "by", "in", "on", "or", "not", "is", "are", "this",
        "that", "all", "each", "every", "yet", "than", "more", "less", "be", "was", "has", "have",
        # months that differ from Indonesian
        "january", "february", "march", "may", "june", "july", "august", "october", "december",
        # the product's words
        "download", "save", "coverage", "prevalence", "map", "maps", "village", "villages", "district", "districts",
        "children", "child", "weight", "weights", "score", "rank", "compare", "select", "choose", "show", "hide",
        "period", "source", "published", "publish", "sign", "password", "user", "username", "search", "apply",
        "delete", "remove", "add", "cancel", "close", "open", "back", "change", "threshold", "high", "low",
        "sample", "fictional", "method", "indicator", "classes", "available", "date", "summary", "criteria",
        "measured", "weighed", "numerator", "denominator", "preview", "print", "presentation",
        "gap", "gaps", "priority", "loading", "error", "warning", "upload", "import", "imported", "estimate",
    }
)  # fmt: skip

# Enum values that must never be a label on their own (a grid cell, a badge, an option), from dashboard/data/
# importers/model.DatasetKind, data/store.DatasetStatus, core/levels.Origin, core/scoring, core/suppression.Status,
# data/commitments, core/change, core/classify: each with the language it reads as a word in ("en", "id"), where
# it is a fair label (the Indonesian role "admin", the English severity "error"); None for a code in any language.
_CODES_ANYWHERE = (
    "boundaries", "tidy", "sigizi", "mapped", "measurements", "demo", "superseded", "dissolved", "sum", "sum_villages",
    "estimate", "pending", "draft", "weighted", "traffic_light", "minmax", "outcome", "no_value", "not_significant",
    "quantiles", "natural_breaks", "equal_interval", "dana_desa", "csr_mitra", "kurang_5", "n_kecil", "apbd",
    "publish", "unpublish", "login", "logout",
)  # fmt: skip
_ENGLISH_WORD_CODES = (
    "imported", "published", "final", "higher", "lower", "fall", "rise", "coverage", "error", "warning",
)  # fmt: skip
_INDONESIAN_WORD_CODES = (
    "merah", "oranye", "kuning", "hijau", "ditandai", "abu-abu", "direncanakan", "berjalan", "selesai", "batal",
    "tampil", "disembunyikan", "lainnya", "publik", "pimpinan", "perencana", "admin",
)  # fmt: skip
RAW_CODES: dict[str, str | None] = {
    **dict.fromkeys(_CODES_ANYWHERE, None),
    **dict.fromkeys(_ENGLISH_WORD_CODES, "en"),
    **dict.fromkeys(_INDONESIAN_WORD_CODES, "id"),
}

# A month as a machine writes it (2025-08, or a date 2025-08-15) in visible text.
RAW_PERIOD = re.compile(r"\b20\d\d-(?:0[1-9]|1[0-2])\b")
RAW_DATE = re.compile(r"\b20\d\d-(?:0[1-9]|1[0-2])-\d\d\b")  # a date or a time stamp as ISO writes it
# Python's words for no value, as ``str()`` writes them; "None" only as a value (not "None of the villages").
REPR = re.compile(r"(?<![\w<])(?:nan|NaN|NaT|<NA>|None(?![ \u00a0]+[a-z]))(?![\w>])")
# Text inside a link or a code the page prints on purpose (a URL, a file name): not a reader's words.
URL = re.compile(r"(?:https?://|/)[\w./?=&%#:+~-]+|\b[\w-]+\.(?:csv|xlsx|geojson|json|png|pdf|txt|zip)\b")
# A decimal written with the other language's mark: "27.3%" or "21.5" in Indonesian, "27,3%" or "21,5" in English
# (one decimal, or any before "%": a code such as 99.01 or a thousands group such as 1.234 is neither).
DECIMAL = {
    "id": re.compile(r"(?<![\d.,])\d+\.(?:\d(?![\d.,])|\d{1,2}%)"),
    "en": re.compile(r"(?<![\d.,])\d+,(?:\d(?![\d.,])|\d{1,2}%)"),
}
UTC = re.compile(r"\bUTC\b")  # a time a planner reads is in the district's zone (WIB/WITA/WIT)
# A text documenting a file's columns (the tidy template's, the open data's): those are the file's own words.
FILE_FORMAT = re.compile(r"kode_wilayah|\((?:YYYY-MM|TTTT-BB)\)")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # hyphenated words are one ("abu-abu"); a slash parts them


def _strip(text: str, names: Iterable[str]) -> str:
    for phrase in (*ALLOWED_PHRASES, *sorted(names, key=len, reverse=True)):
        if phrase:
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return URL.sub(" ", text)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."


def offences(texts: Iterable[str], lang: str, names: Iterable[str] = ()) -> list[str]:
    """Every problem in a page's visible strings: ``"'word' in '<text>'"``, one per word and string.

    Parameters
    ----------
    texts
        The visible strings of one page (children, labels, tooltips, axis titles...), each as the reader sees it.
    lang
        The page's language, ``"id"`` or ``"en"``: words of the other one are offences.
    names
        Proper names shown on the page (districts, kecamatan, villages): never offences.

    Returns
    -------
    list[str]
        Sorted, without repeats; empty when the page speaks one language.
    """
    forbidden = INDONESIAN_ONLY if lang == "en" else ENGLISH_ONLY
    names = tuple(names)
    found: set[str] = set()
    for text in texts:
        stripped_whole = text.strip()
        if stripped_whole in RAW_CODES and RAW_CODES[stripped_whole] != lang:
            found.add(f"raw code {stripped_whole!r} shown as a label")
            continue
        for match in REPR.finditer(text):
            found.add(f"Python repr {match.group(0)!r} in {_clip(text)!r}")
        if FILE_FORMAT.search(text):
            continue  # it quotes a file's columns as the file writes them (kode_wilayah, periode, ...)
        clean = _strip(text, names)
        raw = RAW_DATE.findall(clean) or RAW_PERIOD.findall(clean)
        if raw:  # one line per string: a list of twelve months is one fault
            kind = "raw date" if RAW_DATE.search(clean) else "raw period"
            found.add(f"{kind} {raw[0]!r}{f' (and {len(raw) - 1} more)' if len(raw) > 1 else ''} in {_clip(text)!r}")
        decimal = DECIMAL["en" if lang == "en" else "id"].search(clean)
        if decimal:
            found.add(f"decimal mark of the other language {decimal.group(0)!r} in {_clip(text)!r}")
        if UTC.search(clean):
            found.add(f"a time in UTC in {_clip(text)!r}")
        for word in WORD.findall(clean):
            lowered = word.lower()
            if lowered in forbidden:
                found.add(f"{word!r} in {_clip(text)!r}")
        for code in re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", clean):
            if code in RAW_CODES:
                found.add(f"raw code {code!r} in {_clip(text)!r}")
    return sorted(found)

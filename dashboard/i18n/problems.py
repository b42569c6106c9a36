"""Strings shared by every import report, and the impossible values every importer and the store refuse."""

TEXTS: dict[str, tuple[str, str]] = {
    "problem.row": ("baris {row}", "row {row}"),
    "problem.column": ("kolom {column}", "column {column}"),
    "problem.value": ("nilai {value!r}", "value {value!r}"),
    # Impossible values: refused by the importers (tidy template, Sigizi, mapped tables, e-PPGBM) and by the store.
    "problem.period_future.reason": (
        "periode {period_id} ada di masa depan; periode terakhir yang mungkin adalah {latest_id} ({rows} baris)",
        "the period {period_en} is in the future; the latest possible period is {latest_en} ({rows} rows)",
    ),
    "problem.period_future.fix": (
        "Periksa tahun dan bulan periode (salah ketik?); data bulan yang belum berjalan tidak dapat diimpor.",
        "Check the period's year and month (a typo?); data for a month that has not begun cannot be imported.",
    ),
    "problem.period_before_2000.reason": (
        "periode {period_id} sebelum Januari 2000 ({rows} baris)",
        "the period {period_en} is before January 2000 ({rows} rows)",
    ),
    "problem.period_before_2000.fix": (
        "Periksa tahun periode (salah ketik?); Lokus menerima data sejak Januari 2000.",
        "Check the period's year (a typo?); Lokus accepts data from January 2000 on.",
    ),
    "problem.count_too_large.reason": (
        "angka di atas batas yang mungkin untuk jumlah anak, keluarga atau rumah tangga ({limit_id}); "
        "nilai ini tidak disimpan",
        "the count is above the possible bound for a number of children, families or households ({limit_en}); "
        "this value is not stored",
    ),
    "problem.count_too_large.fix": (
        "Periksa angkanya: salah ketik, sel berformat ilmiah (mis. 1E+20), atau kolom yang tertukar; perbaiki lalu "
        "impor lagi.",
        "Check the count: a typo, a cell in scientific format (e.g. 1E+20), or swapped columns; correct it and "
        "import again.",
    ),
    "problem.not_finite.reason": (
        "angka tak hingga atau NaN, bukan jumlah",
        "an infinite or NaN number, not a count",
    ),
    "problem.not_finite.fix": (
        "Tulis jumlah sebagai angka biasa (0 bila memang nol), atau hapus baris ini bila datanya belum ada.",
        "Write the count as an ordinary number (0 when it is zero), or delete this row when there is no data yet.",
    ),
    "problem.zero_over_zero.reason": (
        "{indicator}: pembilang 0 dan penyebut 0 tidak berisi data; nilai ini tidak disimpan",
        "{indicator}: a numerator of 0 over a denominator of 0 says nothing; this value is not stored",
    ),
    "problem.zero_over_zero.fix": (
        "Tidak perlu tindakan: desa ini dihitung belum melapor untuk indikator dan periode ini. Bila ada yang "
        "diukur atau dilayani, isi penyebutnya.",
        "Nothing to do: the village counts as not reporting this indicator for this period. If anyone was measured "
        "or served, fill in the denominator.",
    ),
}
